"""Command line: the window by default, and `demo`, `lec`, `sheet`, `export` sub-commands for scripts.

Part of the composition root: it may import every layer, but heavy modules load only when used.
"""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from hazard_desktop import __version__, paths
from hazard_desktop.cli_help import argparse_language, help_text, language_option
from hazard_desktop.cli_messages import (
    exchange_role_name,
    kind_name,
    language,
    message,
    os_error_text,
    roles_needed,
)

if TYPE_CHECKING:  # types only: the command line imports these where they are used
    import argparse  # imported where a parser is built: the window's usual start reads its arguments without one

    from hazard_desktop.domain.lec import LecScales, ThresholdSet
    from hazard_desktop.services.context import AppContext
    from hazard_desktop.services.demo import DemoResult
    from hazard_desktop.services.ports import RegisterFilter


DEMO_MAX_COUNT = 100_000
#: ``print KIND``: the rectification forms (values of ``domain.sheet_prints.SheetKind``).
FORM_CHOICES = ("notice", "acceptance", "plan", "report")
HEADLESS_DEMO_COUNT = 300  # hazards of the demo register shown when there is no display and no register


def _plain_int(lang: str) -> Callable[[str], int]:
    """An argparse type: ASCII or full-width digits only (``int()`` would take ``1_0`` and ``٣``)."""

    def convert(text: str) -> int:
        import argparse

        from hazard_desktop.domain.errors import ValidationError
        from hazard_desktop.domain.lec import to_decimal

        try:
            value = to_decimal(text)
        except ValidationError:
            raise argparse.ArgumentTypeError(message("not_a_whole_number", lang, value=text)) from None
        if value != value.to_integral_value():
            raise argparse.ArgumentTypeError(message("not_a_whole_number", lang, value=text))
        return int(value)

    return convert


def _global_options(parser: argparse.ArgumentParser, *, sub: bool, lang: str) -> None:
    """The options that hold wherever they are written: before or after the sub-command.

    A sub-command's parser must not reset what was given before it, so there they default to SUPPRESS.
    """
    import argparse

    def default(value: object) -> object:
        return argparse.SUPPRESS if sub else value

    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default(None),
        help=help_text("data_dir", lang),
    )
    parser.add_argument(
        "--create",
        action="store_true",
        default=default(False),
        help=help_text("create", lang),
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=default(None), help=help_text("lang", lang))


def _user_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--user NAME``: the account a command that changes the register or carries its data away acts as."""
    parser.add_argument("--user", metavar="NAME", default=None, help=help_text("user", lang))


def _overwrite_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--overwrite``: a command that writes a named file refuses an existing one unless this is given."""
    parser.add_argument("--overwrite", action="store_true", help=help_text("overwrite", lang))


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser with its help texts in ``lang``; build and use it inside ``argparse_language(lang)``."""
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, sub=True, lang=lang)
    parser = argparse.ArgumentParser(prog="hazard-desktop", description=help_text("description", lang))
    _global_options(parser, sub=False, lang=lang)
    parser.add_argument(
        "--version", action="version", version=f"hazard_desktop {__version__}", help=help_text("version", lang)
    )
    parser.add_argument("--screenshot", metavar="PNG", help=help_text("screenshot", lang))
    parser.add_argument("--verbose", action="store_true", help=help_text("verbose", lang))
    parser.add_argument("--smoke", action="store_true", help=help_text("smoke", lang))
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", parents=[common], help=help_text("demo", lang))
    demo.add_argument("--count", type=_plain_int(lang), default=300, help=help_text("count", lang))
    demo.add_argument("--seed", type=_plain_int(lang), default=2026, help=help_text("seed", lang))
    demo.add_argument("--no-photos", action="store_true", help=help_text("no_photos", lang))

    lec = sub.add_parser("lec", parents=[common], help=help_text("lec", lang))
    lec.add_argument("values", nargs="*", metavar="L E C", help=help_text("values", lang))
    lec.add_argument("--panel", nargs="+", metavar="L,E,C", help=help_text("panel", lang))
    lec.add_argument("--json", action="store_true", help=help_text("json", lang))

    sheet = sub.add_parser(
        "sheet", parents=[common], help=help_text("sheet", lang), description=help_text("sheet_description", lang)
    )
    sheet.add_argument("number", metavar="HAZARD_NUMBER", help=help_text("number", lang))
    sheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=help_text("output", lang))
    _overwrite_option(sheet, lang)
    _user_option(sheet, lang)
    which = sheet.add_mutually_exclusive_group()
    which.add_argument("--meeting", action="store_true", help=help_text("meeting", lang))
    which.add_argument("--dispute", action="store_true", help=help_text("dispute", lang))

    # One command for the four rectification forms rather than four: they share the number, the output,
    # the checks and the messages; the kind is a value with its choices listed in the help.
    form = sub.add_parser(
        "print", parents=[common], help=help_text("print", lang), description=help_text("print_description", lang)
    )
    form.add_argument("kind", choices=list(FORM_CHOICES), metavar="KIND", help=help_text("kind", lang))
    form.add_argument("number", metavar="HAZARD_NUMBER", help=help_text("number", lang))
    form.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=help_text("output", lang))
    _overwrite_option(form, lang)
    _user_option(form, lang)

    report = sub.add_parser(
        "report", parents=[common], help=help_text("report", lang), description=help_text("report_description", lang)
    )
    period = report.add_mutually_exclusive_group(required=True)
    period.add_argument("--quarter", metavar="2026Q4", help=help_text("quarter", lang))
    period.add_argument("--year", metavar="2026", help=help_text("year", lang))
    period.add_argument("--month", metavar="2026-03", help=help_text("month", lang))
    report.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf|FILE.xlsx", help=help_text("report_output", lang)
    )
    report.add_argument("--analysis", default="", metavar="TEXT", help=help_text("analysis", lang))
    _overwrite_option(report, lang)
    _user_option(report, lang)
    ledger = sub.add_parser(
        "import-ledger", parents=[common], help=help_text("import_ledger", lang),
        description=help_text("import_ledger_description", lang),
    )  # fmt: skip
    ledger.add_argument("file", metavar="FILE.xlsx", help=help_text("ledger_file", lang))
    ledger.add_argument("--dry-run", action="store_true", help=help_text("dry_run", lang))
    ledger.add_argument("--recorder", default="", metavar="NAME", help=help_text("recorder", lang))
    ledger.add_argument("--department", default="", metavar="NAME", help=help_text("default_department", lang))
    ledger.add_argument("--category", default="", metavar="CODE", help=help_text("default_category", lang))
    _user_option(ledger, lang)
    backup = sub.add_parser("backup", parents=[common], help=help_text("backup", lang))
    backup.add_argument("-o", "--output", required=True, metavar="FILE", help=help_text("backup_output", lang))
    _overwrite_option(backup, lang)
    _user_option(backup, lang)
    restore = sub.add_parser("restore", parents=[common], help=help_text("restore", lang))
    restore.add_argument("file", metavar="FILE", help=help_text("backup_file", lang))
    _user_option(restore, lang)
    exchange = sub.add_parser(
        "exchange", parents=[common], help=help_text("exchange", lang),
        description=help_text("exchange_description", lang),
    )  # fmt: skip
    actions = exchange.add_subparsers(dest="exchange_command", required=True)
    out = actions.add_parser("export", parents=[common], help=help_text("exchange_export", lang))
    out.add_argument("-o", "--output", required=True, metavar="FILE.hzx", help=help_text("exchange_output", lang))
    _overwrite_option(out, lang)
    _user_option(out, lang)
    whom = out.add_mutually_exclusive_group()
    whom.add_argument("--to", metavar="PEER", help=help_text("exchange_to", lang))
    whom.add_argument("--all", action="store_true", help=help_text("exchange_all", lang))
    into = actions.add_parser("import", parents=[common], help=help_text("exchange_import", lang))
    into.add_argument("file", metavar="FILE.hzx", help=help_text("exchange_file", lang))
    into.add_argument("--dry-run", action="store_true", help=help_text("dry_run", lang))
    _user_option(into, lang)
    who = actions.add_parser("identity", parents=[common], help=help_text("exchange_identity", lang))
    who.add_argument("--code", metavar="A3", help=help_text("exchange_code", lang))
    who.add_argument("--role", choices=["office", "field"], help=help_text("exchange_role", lang))
    who.add_argument("--plant", metavar="NAME", help=help_text("exchange_plant", lang))
    _user_option(who, lang)
    terminal = actions.add_parser("register-terminal", parents=[common], help=help_text("exchange_register", lang))
    terminal.add_argument("code", metavar="CODE", help=help_text("exchange_code", lang))
    _user_option(terminal, lang)
    admin = sub.add_parser("admin", help=help_text("admin", lang), description=help_text("admin", lang))
    admin_sub = admin.add_subparsers(dest="admin_command", required=True, metavar="reset-password")
    reset = admin_sub.add_parser(
        "reset-password", parents=[common], help=help_text("reset_password", lang),
        description=help_text("reset_password_description", lang),
    )  # fmt: skip
    reset.add_argument("name", metavar="NAME", help=help_text("account_name", lang))
    reset.add_argument("--pin", action="store_true", help=help_text("reset_pin", lang))
    reset.add_argument("--stdin", action="store_true", help=help_text("secret_stdin", lang))
    audit = sub.add_parser(
        "audit", parents=[common], help=help_text("audit", lang), description=help_text("audit_description", lang)
    )
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="verify|export")
    audit_sub.add_parser("verify", parents=[common], help=help_text("audit_verify", lang))
    audit_export = audit_sub.add_parser("export", parents=[common], help=help_text("audit_export", lang))
    audit_export.add_argument(
        "-o", "--output", required=True, metavar="FILE.csv|FILE.json", help=help_text("audit_output", lang)
    )
    _overwrite_option(audit_export, lang)
    _user_option(audit_export, lang)
    export = sub.add_parser(
        "export", parents=[common], help=help_text("export", lang), description=help_text("export_description", lang)
    )
    export.add_argument("file", metavar="FILE.xlsx", help=help_text("export_file", lang))
    export.add_argument("--status", nargs="+", metavar="STATUS", help=help_text("export_status", lang))
    export.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=help_text("export_from", lang))
    export.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=help_text("export_to", lang))
    _overwrite_option(export, lang)
    _user_option(export, lang)
    return parser


# What the parser gives for the window's usual command lines (tests/unit/test_cli_window_arguments.py).
_WINDOW_DEFAULTS = {"data_dir": None, "create": False, "lang": None, "screenshot": None, "verbose": False,
                    "smoke": False, "command": None}  # fmt: skip
_WINDOW_VALUES = {"--data-dir": "data_dir", "--lang": "lang"}
_WINDOW_FLAGS = {"--create": "create", "--verbose": "verbose"}


def _window_arguments(argv: list[str]) -> SimpleNamespace | None:
    """The window's usual command lines (``--data-dir DIR``, ``--lang``, ``--create``, ``--verbose``, each once)
    read without building the parser (its ~20 sub-commands, ~7 ms of the window's start, issue 16); None: anything
    else, which the parser reads as before (usage errors, help, abbreviations, sub-commands)."""
    values: dict[str, object] = dict(_WINDOW_DEFAULTS)
    seen: set[str] = set()
    index = 0
    while index < len(argv):
        option, equals, value = argv[index].partition("=")
        if option in _WINDOW_FLAGS and not equals:
            name, given = _WINDOW_FLAGS[option], True
        elif option in _WINDOW_VALUES:
            if not equals:
                index += 1
                if index == len(argv):
                    return None
                value = argv[index]
                if value.startswith("-"):
                    return None
            name, given = _WINDOW_VALUES[option], value
            if name == "lang" and value not in ("zh_CN", "en"):
                return None
        else:
            return None
        if name in seen:
            return None
        seen.add(name)
        values[name] = given
        index += 1
    return SimpleNamespace(**values)


def _parse(argv: list[str] | None) -> argparse.Namespace | SimpleNamespace:
    """Parse ``argv``; argparse's usage, help and usage errors speak the language asked for (Chinese by default)."""
    argv = sys.argv[1:] if argv is None else argv
    window = _window_arguments(argv)
    if window is not None:
        return window
    import argparse

    lang = language(language_option(argv))
    with argparse_language(lang):
        parser = _parser(lang)
        args, extras = parser.parse_known_args(argv)
        if extras:
            # argparse names every word it did not take, and a PIN typed after a mistaken option (--pin 1234) is
            # one of them (trial t5): the options are named, their values never shown
            shown = [word.split("=", 1)[0] for word in extras if word.startswith("-")] or ["…"]
            parser.error(argparse._("unrecognized arguments: %s") % " ".join(shown))  # type: ignore[attr-defined]
        return args


def _fail(code: str, lang: str, **params: object) -> int:
    if code == "migration_failed" and params.get("backup"):
        code = "migration_failed_backup"
    if code == "role_required":  # the roles that may, by name, not the use case's internal name
        params["roles"] = roles_needed(params.get("roles", ()), lang)
    if isinstance(params.get("errno"), int):  # the OS's reason in the user's language
        for key in ("reason", "detail"):
            if key in params:
                params[key] = os_error_text(OSError(params["errno"], str(params[key])), lang)
    if code in ("role_change_refused", "exchange_same_role") and "role" in params:
        params["role"] = exchange_role_name(params["role"], lang)
    if code.startswith("exchange_") and "kind" in params:  # a record kind in words (an unknown one as it is)
        params["kind"] = kind_name(str(params["kind"]), lang)
    print(message(code, lang, **params), file=sys.stderr)
    return 2


class Refused(Exception):
    """A command refused before touching anything; ``code`` names the message (``cli_messages``)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _output_file(text: str, args: argparse.Namespace, suffix: str = "") -> Path:
    """The file a command is to write, named by the user: the one rule of every such command.

    A name without an extension gets ``suffix`` (the command's only format; "" where the extension chooses
    among several), so ``backup -o bk`` writes ``bk.zip``; the command prints the file it wrote. An existing
    file is refused unless ``--overwrite`` was given, before the register is opened: nothing is written.

    Raises:
        Refused: ``output_is_folder`` (a name ending in a slash), ``output_exists``.
    """
    if text.endswith(("/", "\\")):  # Path() drops the slash: "a.xlsx/" names a folder, not a file
        raise Refused("output_is_folder", path=text)
    path = Path(text).expanduser()
    if suffix and not path.suffix and not path.is_dir():
        path = path.with_name(path.name + suffix)
    if path.is_dir():
        raise Refused("output_is_folder", path=path)
    if (path.exists() or path.is_symlink()) and not args.overwrite:
        raise Refused("output_exists", path=path.absolute())
    return path


def main(argv: list[str] | None = None) -> int:
    """Run the program; returns the exit code. No traceback ever reaches the terminal."""
    args = _parse(argv)
    lang = language(args.lang)
    from hazard_desktop.adapters.errors import StorageError
    from hazard_desktop.domain.errors import DomainError

    try:
        return _run(args, lang)
    except (Refused, StorageError, DomainError) as exc:
        return _fail(exc.code, lang, **exc.params)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno == errno.ENOSPC:  # a full disk met outside the database (log, photos, folders)
            return _fail("disk_full", lang)
        if isinstance(exc, BrokenPipeError):
            return _broken_pipe()
        return _unexpected(exc, lang)
    except Exception as exc:  # the last resort: logged with its traceback, explained in one sentence
        return _unexpected(exc, lang)


def _broken_pipe() -> int:
    """The reader went away (`| head`): stop quietly, as other commands do."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


def _unexpected(exc: BaseException, lang: str) -> int:
    import logging

    files = [h.baseFilename for h in logging.getLogger().handlers if hasattr(h, "baseFilename")]
    if files:
        logging.getLogger("hazard_desktop.cli").error("unexpected error", exc_info=exc)
    where = files[0] if files and Path(files[0]).exists() else _crash_file(exc)
    print(message("unexpected", lang, detail=f"{type(exc).__name__}: {exc}"[:300], log=where), file=sys.stderr)
    return 3


def _crash_file(exc: BaseException) -> str:
    """Where the traceback goes when there is no log in a data folder: the system's temporary folder."""
    import tempfile  # not at start-up: it imports random, shutil …
    import traceback

    path = Path(tempfile.gettempdir()) / "hazard_desktop-crash.log"
    try:
        with path.open("a", encoding="utf-8") as file:
            file.write("".join(traceback.format_exception(exc)))
    except OSError:
        return "-"
    return str(path)


def _explicit_folder(args: argparse.Namespace) -> bool:
    """True if the data folder was named (``--data-dir`` or the environment), not the default one."""
    import os

    return bool(args.data_dir or os.environ.get(paths.ENV_DATA))


def _named_folder(args: argparse.Namespace) -> Path:
    """The data folder as set (not created). The default folder first takes over, once, the register an
    older version kept in roaming AppData (``adapters/register_move.py``; Windows only in practice).

    Raises:
        Refused: ``data_dir_variable`` (an undefined variable in ``HAZARD_DESKTOP_DATA``).
        StorageError: ``data_move_failed`` (nothing was changed).
    """
    try:
        folder = paths.data_dir(args.data_dir, create=False)
    except paths.DataFolderError as exc:
        raise Refused(exc.code, **exc.params) from exc
    if paths.is_default_location(args.data_dir) and paths.roaming_data_dir() != paths.default_data_dir():
        from hazard_desktop.adapters.register_move import move_roaming_register

        move_roaming_register(paths.roaming_data_dir(), folder)
    return folder


def _data_folder(args: argparse.Namespace, *, may_create: bool) -> Path:
    """The data folder, checked; created only when that is a deliberate act (``may_create``).

    Raises:
        Refused: ``data_dir_not_folder``, ``data_dir_missing``, ``data_dir_unusable`` or ``data_dir_variable``.
        StorageError: ``data_move_failed``.
    """
    folder = _named_folder(args)
    if folder.exists() and not folder.is_dir():
        raise Refused("data_dir_not_folder", path=folder)
    if not folder.exists():
        if not may_create:
            raise Refused("data_dir_missing", path=folder)
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            reason = os_error_text(exc, language(args.lang))
            raise Refused("data_dir_unusable", path=folder, detail=reason) from exc
    return folder


def _run(args: argparse.Namespace, lang: str) -> int:
    command = args.command
    if command == "lec":
        return _lec(args, lang)
    from hazard_desktop.app import setup_logging

    explicit = _explicit_folder(args)
    if args.smoke:  # the self-test makes its own folder when asked to
        folder = _data_folder(args, may_create=True)
        setup_logging(folder, verbose=args.verbose)
        from hazard_desktop.smoke import run_smoke

        return run_smoke(folder, args.lang)
    # The commands that work on an existing register: the folder must hold one, and they log into it.
    on_register: dict[str, Callable[[Path, argparse.Namespace, str], int]] = {
        "sheet": _sheet,
        "print": _print_form,
        "report": _report,
        "import-ledger": _import_ledger,
        "backup": _backup,
        "admin": _reset_password,
        "audit": _audit,
        "export": _export,
    }
    if command in on_register:
        folder = _data_folder(args, may_create=False)
        _require_register(folder)
        setup_logging(folder, verbose=args.verbose)
        return on_register[command](folder, args, lang)
    if command == "restore":
        return _restore(args, lang)
    if command == "exchange":
        return _exchange(args, lang)
    if command == "demo":
        if not 1 <= args.count <= DEMO_MAX_COUNT:
            raise Refused("demo_count_invalid", value=args.count, max=DEMO_MAX_COUNT)
        folder = _data_folder(args, may_create=args.create or not explicit)
        if paths.database_path(folder).exists():
            raise Refused("demo_register_exists", path=paths.database_path(folder))
        setup_logging(folder, verbose=args.verbose)
        try:
            return _demo(folder, args, lang)
        except BaseException:
            # The register was made by this command: a failed demo leaves none behind (it would refuse the
            # next try as "already holds a register"). The log keeps what happened.
            _remove_register_files(paths.database_path(folder))
            raise
    return _gui(args, lang, explicit=explicit)


def _counts_text(counts: dict[str, int] | Any, lang: str) -> str:
    names = {
        "hazards": ("隐患", "hazards"),
        "hazard_photos": ("照片", "photos"),
        "gradings": ("分级", "gradings"),
        "disputes": ("争议", "disputes"),
        "sheet_prints": ("打印记录", "sheet prints"),
        "inspections": ("检查", "inspections"),
        "inspection_photos": ("检查照片", "inspection photos"),
    }
    parts = []
    for key, value in counts.items():
        zh, en = names.get(key, (key, key))
        parts.append(f"{en} {value}" if lang == "en" else f"{zh} {value}")
    return ", ".join(parts) if lang == "en" else "，".join(parts)


def _backup(folder: Path, args: argparse.Namespace, lang: str) -> int:
    """``backup -o FILE``: a verified backup file (a folder names where it goes; an existing file is refused)."""
    from hazard_desktop.adapters.backup_archive import create_backup

    named = Path(args.output).expanduser()
    target = named.resolve() if named.is_dir() else _output_file(args.output, args, ".zip").absolute()
    _sign_in_for(folder, args, lang, "backups.create")
    if target.is_dir():
        summary = create_backup(paths.database_path(folder), target, app_version=__version__)
    else:
        target = _output_file(str(target), args)  # made meanwhile by another program: still not overwritten
        summary = create_backup(paths.database_path(folder), target.parent, name=target.name, app_version=__version__)
    created = summary.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    print(message("backup_written", lang, path=summary.path, created=created, revision=summary.revision,
                  counts=_counts_text(summary.counts, lang)))  # fmt: skip
    return 0


def _restore(args: argparse.Namespace, lang: str) -> int:
    """``restore FILE``: check the backup whole, keep the register as a safety copy, put the backup in place
    and open it (an older backup is upgraded by the normal migration). Refused while the register is open."""
    from hazard_desktop.adapters.backup_archive import read_backup, restore_backup
    from hazard_desktop.app import build_context, close_context, setup_logging

    source = Path(args.file).expanduser().resolve()
    folder = _data_folder(args, may_create=args.create)
    from hazard_desktop.adapters.schema import known_revisions
    from hazard_desktop.domain.backups import check_restorable

    # a foreign, damaged or newer file is refused before anything is logged or written
    check_restorable(read_backup(source).revision, known_revisions())
    setup_logging(folder, verbose=args.verbose)
    if paths.database_path(folder).exists():  # the register it replaces says who may (its accounts)
        _sign_in_for(folder, args, lang, "backups.restore")
    result = restore_backup(source, paths.database_path(folder), paths.backup_dir(folder))
    close_context(build_context(folder))  # an older backup is migrated (and seeded) now, as any start would
    restored = result.restored
    created = restored.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    print(message("restored", lang, path=source, created=created, revision=restored.revision,
                  counts=_counts_text(restored.counts, lang), safety=result.safety_copy or "-"))  # fmt: skip
    return 0


def command_line(context: AppContext) -> AppContext:
    """The context of a command acts as IT at the command line (every role; named by the OS user)."""
    import getpass

    from hazard_desktop.domain.accounts import command_line_actor

    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment or the password database
        user = ""
    context.session.sign_in(command_line_actor(user))
    return context


def acting(context: AppContext, args: argparse.Namespace, lang: str) -> AppContext:
    """The context of a command that changes the register or carries its data away, signed in as who acts.

    Single-user mode (and a register whose first start has not chosen yet): IT at the command line
    (:func:`command_line`). Accounts mode: the account ``--user NAME``, its PIN or password read from the terminal
    (no echo) or as one line from standard input when that is not a terminal, checked as the window's sign-in
    checks it (``accounts.sign_in``: lock-out included, a wrong secret counted); the account's roles then decide
    what the command may do and the audit trail names it. An account that must choose its own secret first
    (new, or reset) is refused: it does that in the window.

    Raises:
        Refused: ``sign_in_needed`` (no ``--user``), ``sign_in_no_secret``, ``sign_in_must_change``,
            ``account_locked`` (its time in local time).
        CredentialRefused: ``no_account``, ``account_inactive``, ``credential_wrong``.
    """
    from hazard_desktop.domain.accounts import AccountsMode
    from hazard_desktop.services import accounts

    if accounts.start_state(context.uow()).mode is not AccountsMode.ACCOUNTS:
        return command_line(context)
    name = getattr(args, "user", None)
    if not name:
        raise Refused("sign_in_needed")
    secret = _sign_in_secret(name, lang)
    assert context.secrets is not None
    context.session.sign_out()  # nobody acts until the secret is right (a wrong one's count is not the single user's)
    try:
        actor = accounts.sign_in(context.uow(), context.secrets, name, secret)
    except accounts.CredentialRefused as exc:
        until = exc.params.get("until")
        if exc.code == "account_locked" and until is not None:
            local = until.astimezone().strftime("%Y-%m-%d %H:%M")  # type: ignore[attr-defined]
            raise Refused("account_locked", name=exc.params.get("name", name), until=local) from exc
        raise
    context.session.sign_in(actor)
    if accounts.must_change_secret(context.uow()):
        context.session.sign_out()
        raise Refused("sign_in_must_change", name=actor.name)
    return context


def _sign_in_secret(name: str, lang: str) -> str:
    """The PIN or password of ``--user``: typed without echo at a terminal, else one line of standard input."""
    import getpass

    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        return getpass.getpass(message("sign_in_prompt", lang, name=name))
    line = stdin.readline() if stdin is not None else ""
    secret = line.rstrip("\r\n")
    if not secret:
        raise Refused("sign_in_no_secret", name=name)
    return secret


def _acting_context(folder: Path, args: argparse.Namespace, lang: str) -> AppContext:
    """:func:`acting` on a new context of ``folder``; the context is closed again if the sign-in is refused."""
    from hazard_desktop.app import build_context, close_context

    context = build_context(folder)
    try:
        return acting(context, args, lang)
    except BaseException:
        close_context(context)
        raise


def _sign_in_for(folder: Path, args: argparse.Namespace, lang: str, use_case: str) -> None:
    """For a command that works on the files rather than through a use case (backup, restore): sign in as
    :func:`acting` does and refuse unless the one acting may run ``use_case`` (of ``services.backups``).

    Raises:
        Refused, CredentialRefused: as :func:`acting`.
        NotPermitted: ``role_required``.
    """
    from hazard_desktop.app import close_context
    from hazard_desktop.domain.accounts import require_roles
    from hazard_desktop.services import backups  # noqa: F401 (states the use cases)
    from hazard_desktop.services.authorization import USE_CASES

    context = _acting_context(folder, args, lang)
    try:
        require_roles(context.session.actor, use_case, USE_CASES[use_case].roles)
    finally:
        close_context(context)


def _read_secret(args: argparse.Namespace, lang: str) -> str:
    """The new secret: from standard input with ``--stdin`` (one line), else typed twice without echo.

    Never an argument: it would stay in the shell's history and show in the list of processes.
    """
    import getpass

    if args.stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise Refused("secret_needs_terminal")
    first = getpass.getpass(message("secret_prompt_pin" if args.pin else "secret_prompt", lang))
    second = getpass.getpass(message("secret_prompt_again", lang))
    if first != second:
        raise Refused("secret_mismatch")
    return first


def _reset_password(folder: Path, args: argparse.Namespace, lang: str) -> int:
    """``admin reset-password NAME``: IT, with access to the data folder, sets a new password or PIN for the
    account NAME; it is unlocked and its owner must choose a new secret at the next sign-in."""
    from hazard_desktop.app import build_context, close_context
    from hazard_desktop.domain.accounts import SecretKind
    from hazard_desktop.services.accounts import reset_secret

    kind = SecretKind.PIN if args.pin else SecretKind.PASSWORD
    secret = _read_secret(args, lang)
    context = command_line(build_context(folder))
    try:
        assert context.secrets is not None
        account = reset_secret(context.uow(), context.secrets, args.name, kind, secret)
    finally:
        close_context(context)
    print(message("secret_reset_pin" if args.pin else "secret_reset", lang, name=account.name))
    return 0


AUDIT_BROKEN = 1  # ``audit verify``'s exit code when the trail is broken (2: refused, as every command)


def _audit(folder: Path, args: argparse.Namespace, lang: str) -> int:
    """``audit verify`` (exit 1 with the first break) and ``audit export -o FILE`` (CSV/JSON with the chain)."""
    from hazard_desktop.app import build_context, close_context
    from hazard_desktop.services import audit
    from hazard_desktop.services.audit import check_export_target

    target = None
    if args.audit_command == "export":
        target = _output_file(args.output, args).resolve()  # .csv or .json: the extension chooses
        check_export_target(target)  # before the register is opened: a refusal writes nothing
    context = build_context(folder)  # an older register is migrated (its genesis entries made) as any start would
    try:
        if target is not None:  # the export carries the trail away: it acts as the signed-in account
            acting(context, args, lang)
        assert context.audit is not None
        trail, actor = context.audit(), context.session.actor
        if target is not None:
            count = audit.export(trail, target, actor=actor)
            print(message("audit_exported", lang, path=target, count=count))
            return 0
        result = audit.verify(trail, actor=actor)
    finally:
        close_context(context)
    if result.ok:
        print(message("audit_ok", lang, entries=result.entries, records=result.records))
        return 0
    first = result.first
    assert first is not None
    print(message("audit_broken", lang, count=len(result.findings), entries=result.entries), file=sys.stderr)
    for finding in result.findings[:20]:
        print(message(f"audit_{finding.kind}", lang, seq=finding.seq if finding.seq is not None else "-",
                      table=finding.table, record=finding.record), file=sys.stderr)  # fmt: skip
    return AUDIT_BROKEN


def _remove_register_files(database: Path) -> None:
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        path.unlink(missing_ok=True)


def _require_register(folder: Path) -> None:
    if not paths.database_path(folder).exists():
        raise Refused("no_register", path=folder)


def _gui(args: argparse.Namespace, lang: str, *, explicit: bool) -> int:
    import os

    from hazard_desktop.adapters.errors import StorageError
    from hazard_desktop.app import has_display, run_gui, setup_logging

    screenshot = Path(args.screenshot).resolve() if args.screenshot else None
    headless = screenshot is not None or not has_display()
    try:
        # A named folder that does not exist: the window asks before making it; without one, --create says so.
        named = _named_folder(args)
        ask = explicit and not args.create and not headless and not named.exists()
        folder = named if ask else _data_folder(args, may_create=args.create or not explicit)
    except (Refused, StorageError) as exc:
        if headless:
            raise
        from hazard_desktop.app import show_refusal

        return show_refusal(StorageError(exc.code, **exc.params), args.lang)  # a window program has no console
    setup_logging(folder, verbose=args.verbose)
    if screenshot is None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        empty = _register_empty(folder)  # a refused register is refused before anything is written
        screenshot = folder / "screenshots" / "main-window.png"
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not empty:
            code = run_gui(folder, args.lang, screenshot=screenshot)
            what, what_en = "当前数据库", "the current database"
        else:
            # Render demo data from a temporary folder, removed afterwards: nothing is left in /tmp.
            import tempfile

            with tempfile.TemporaryDirectory(prefix="hazard-desktop-demo-", ignore_cleanup_errors=True) as demo:
                _demo_into(Path(demo), count=HEADLESS_DEMO_COUNT, seed=2026, photos=True)
                code = run_gui(Path(demo), args.lang, screenshot=screenshot)
            what, what_en = "演示数据（临时生成，已删除）", "demo data (made in a temporary folder, since removed)"
        if code == 0:
            print(message("no_display", lang, what=what, what_en=what_en, path=screenshot))
        return code
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_gui(folder, args.lang, screenshot=screenshot, ask_create=ask)


def _register_empty(folder: Path) -> bool:
    if not paths.database_path(folder).exists():
        return True  # don't create an empty database in the user's folder just to look at it
    from hazard_desktop.app import build_context, close_context

    context = command_line(build_context(folder))
    try:
        with context.uow() as uow:
            return uow.hazards.count() == 0
    finally:
        close_context(context)


def _demo_into(folder: Path, *, count: int, seed: int, photos: bool) -> DemoResult:
    from hazard_desktop.adapters.bulk import CoreBulkWriter
    from hazard_desktop.adapters.db import make_session_factory
    from hazard_desktop.adapters.demo_photos import make_photo
    from hazard_desktop.adapters.unit_of_work import SingleTransaction
    from hazard_desktop.app import build_context, close_context, engine_of
    from hazard_desktop.services.demo import build_demo, plant_start

    context = command_line(build_context(folder, first_use=plant_start()))
    try:
        # all of the demo or nothing: one transaction (its use cases are savepoints of it)
        with SingleTransaction(make_session_factory(engine_of(context))) as transaction:
            writer = CoreBulkWriter(connection=transaction.connection())
            maker = make_photo if photos else None
            result = build_demo(transaction.uow, writer, context.images, maker, count=count, seed=seed)
            transaction.commit()
        return result
    finally:
        close_context(context)


def _demo(folder: Path, args: argparse.Namespace, lang: str) -> int:
    result = _demo_into(folder, count=args.count, seed=args.seed, photos=not args.no_photos)
    print(
        message(
            "demo_done",
            lang,
            path=paths.database_path(folder),
            people=result.people,
            hazards=result.hazards,
            inspection_hazards=result.inspection_hazards,
            total=result.hazards + result.inspection_hazards,
            photos=result.photos,
        )
    )
    return 0


def _lec_tables(args: argparse.Namespace) -> tuple[LecScales, ThresholdSet]:
    """Scales and the threshold set in force today: from the named register if there is one, else the defaults.

    Read-only: the register is opened read-only, never created, migrated or seeded.

    Raises:
        Refused: the named folder does not exist or is a file.
        StorageError: the database is empty, unreadable or newer than this program.
    """
    import sqlite3
    from datetime import date

    from hazard_desktop.adapters.errors import StorageError
    from hazard_desktop.domain.lec import LecScales, threshold_set_in_force
    from hazard_desktop.services.seed import default_scale_values, default_threshold_sets

    today = date.today()
    if _explicit_folder(args):
        db = paths.database_path(_data_folder(args, may_create=False))
        if db.exists():
            from hazard_desktop.adapters.schema import known_revisions
            from hazard_desktop.adapters.start_reads import read_lec_tables

            if db.is_file() and db.stat().st_size == 0:
                raise StorageError("db_empty", path=str(db))
            try:
                revision, values, sets = read_lec_tables(db)
            except (sqlite3.Error, ValueError, ArithmeticError) as exc:
                raise StorageError("db_unreadable", path=str(db), detail=str(exc)) from exc
            if revision is None:
                raise StorageError("db_unreadable", path=str(db))
            if revision not in known_revisions():
                raise StorageError("db_newer", path=str(db), revision=revision, head=known_revisions()[-1])
            if values and sets:  # a register not seeded yet reads as the defaults it would be seeded with
                return LecScales(tuple(values)), threshold_set_in_force(sets, today)
    return LecScales(tuple(default_scale_values())), threshold_set_in_force(default_threshold_sets(), today)


def _lec(args: argparse.Namespace, lang: str) -> int:
    from hazard_desktop.services import calculator

    if bool(args.panel) == bool(args.values) or (args.values and len(args.values) != 3):
        return _fail("lec_usage", lang)
    from hazard_desktop.domain.errors import ValidationError
    from hazard_desktop.domain.lec import Factor, format_decimal

    scales, threshold_set = _lec_tables(args)
    result: calculator.CalcResult | calculator.PanelCalcResult
    try:
        if args.panel:
            result = calculator.panel(scales, threshold_set, args.panel)
        else:
            result = calculator.single(scales, threshold_set, *args.values)
    except ValidationError as exc:
        if exc.code != "not_a_number" or exc.field not in set(Factor):
            raise
        # "1e308", "1_0", "٣": say what is expected instead of only that it is not a number
        allowed = ", ".join(format_decimal(v.value) for v in scales.of(Factor(exc.field)))
        return _fail("lec_value_not_plain", lang, factor=exc.field, value=exc.params.get("value"), allowed=allowed)
    if args.json:
        print(json.dumps(calculator.to_json(result), ensure_ascii=False, indent=2))
    else:
        print(calculator.to_text(result, lang=lang))
    return 0


def _sheet(folder: Path, args: argparse.Namespace, lang: str) -> int:
    # The sheet is a legal form of a Chinese plant, signed and filed in Chinese: an English rendering
    # carrying the same verify code could be taken for the record. Refuse instead of ignoring the option.
    if args.lang == "en":
        return _fail("sheet_chinese_only", "en")
    output = _output_file(args.output, args, ".pdf")
    if output.suffix.lower() != ".pdf":  # a PDF under another name opens as garbage or not at all
        return _fail("sheet_output_not_pdf", lang, path=args.output)
    if not output.parent.is_dir():  # never create a folder the user did not ask for
        return _fail("sheet_folder_missing", lang, folder=output.parent)
    from hazard_desktop.app import close_context
    from hazard_desktop.domain.errors import DomainError
    from hazard_desktop.services.sheets import export_hazard_sheet

    context = _acting_context(folder, args, lang)
    try:
        path = export_hazard_sheet(context, args.number, output, meeting=args.meeting, dispute=args.dispute)
    except DomainError as exc:
        return _fail(exc.code, lang, **exc.params)
    except OSError as exc:
        return _fail("sheet_write_failed", lang, path=args.output, detail=os_error_text(exc, lang))
    finally:
        close_context(context)
    print(path)
    return 0


def _print_form(folder: Path, args: argparse.Namespace, lang: str) -> int:
    # Like the sheets, the forms are the plant's Chinese records: an English rendering is refused.
    if args.lang == "en":
        return _fail("form_chinese_only", "en")
    output = _output_file(args.output, args, ".pdf")
    if output.suffix.lower() != ".pdf":
        return _fail("sheet_output_not_pdf", lang, path=args.output)
    if not output.parent.is_dir():  # never create a folder the user did not ask for
        return _fail("sheet_folder_missing", lang, folder=output.parent)
    from hazard_desktop.app import close_context
    from hazard_desktop.domain.errors import DomainError
    from hazard_desktop.domain.sheet_prints import SheetKind
    from hazard_desktop.services.sheets import export_hazard_form

    context = _acting_context(folder, args, lang)
    try:
        path = export_hazard_form(context, SheetKind(args.kind), args.number, output)
    except DomainError as exc:
        return _fail(exc.code, lang, **exc.params)
    except OSError as exc:
        return _fail("sheet_write_failed", lang, path=args.output, detail=os_error_text(exc, lang))
    finally:
        close_context(context)
    print(path)
    return 0


def _report(folder: Path, args: argparse.Namespace, lang: str) -> int:
    """Write the statistics report of a quarter, a year or a month (PDF or .xlsx by the file's suffix)."""
    from datetime import date

    from hazard_desktop.domain.errors import DomainError
    from hazard_desktop.domain.reporting import PeriodKind, parse_period
    from hazard_desktop.services import reports

    text = args.quarter or args.year or args.month
    kind = PeriodKind.QUARTER if args.quarter else PeriodKind.YEAR if args.year else PeriodKind.MONTH
    output = _output_file(args.output, args)  # .pdf or .xlsx: the extension chooses, none is refused
    if not output.suffix:
        return _fail("report_format_missing", lang, path=args.output)
    try:
        period = parse_period(text)
        if period.kind is not kind:
            return _fail("period_invalid", lang, value=text)
        reports.report_format(output)
    except DomainError as exc:
        return _fail(exc.code, lang, **exc.params)
    if not output.parent.is_dir():  # never create a folder the user did not ask for
        return _fail("sheet_folder_missing", lang, folder=output.parent)
    from hazard_desktop.app import close_context

    context = _acting_context(folder, args, lang)
    if context.statistics is None:  # pragma: no cover - build_context always wires it
        raise RuntimeError("no statistics queries")
    from hazard_desktop.services.sheets import default_printed_by

    queries = context.statistics()
    try:
        report = reports.write_report(
            queries,
            reports.plant_name(context.uow()),
            period,
            output,
            context.report_renderers,
            today=date.today(),
            analysis=args.analysis,
            uow_factory=context.uow,
            printed_by=default_printed_by(),
        )
    except DomainError as exc:
        return _fail(exc.code, lang, **exc.params)
    except OSError as exc:
        return _fail("sheet_write_failed", lang, path=args.output, detail=os_error_text(exc, lang))
    finally:
        queries.close()
        close_context(context)
    print(output)
    print(message("report_written", lang, title=report.title, period=report.period_label, verify=report.verify_code))
    return 0


def _import_ledger(folder: Path, args: argparse.Namespace, lang: str) -> int:
    """Preview a ledger file (``--dry-run``) or import it: one line per data row, then the counts."""
    from hazard_desktop.adapters.ledger_reader import OpenpyxlLedgerReader
    from hazard_desktop.app import build_context, close_context
    from hazard_desktop.cli_messages import ledger_row_line
    from hazard_desktop.services import ledger_import

    workbook = OpenpyxlLedgerReader().read(Path(args.file))  # a bad file is refused before the register opens
    mapping = ledger_import.guess_mapping(workbook)
    context = build_context(folder)
    try:
        # the preview changes nothing and shows the file's rows: no sign-in; the import acts as the account
        if args.dry_run:
            command_line(context)
        else:
            acting(context, args, lang)
        options = ledger_import.choose_options(context.uow(), args.recorder, args.department, args.category)
        preview = ledger_import.preview_ledger(context.uow(), workbook, mapping, options)
        for row in preview.rows:
            print(ledger_row_line(row, lang))
        new = preview.count(ledger_import.RowStatus.NEW)
        known = preview.count(ledger_import.RowStatus.KNOWN)
        refused = preview.count(ledger_import.RowStatus.REFUSED)
        if args.dry_run:
            print(message("ledger_dry_run", lang, new=new, known=known, refused=refused))
            return 0
        result = ledger_import.import_ledger(context.uow(), workbook, mapping, options)
    finally:
        close_context(context)
    if result.batch_id is None:
        print(message("ledger_nothing_new", lang, known=result.known, refused=result.refused))
    else:
        print(message("ledger_imported", lang, new=result.imported, known=result.known, refused=result.refused))
    return 0


def _exchange(args: argparse.Namespace, lang: str) -> int:
    """``exchange export|import|identity|register-terminal`` (issue 15). Importing into a folder with no
    register (or an empty one) and no identity joins the plant."""
    from hazard_desktop.app import build_context, close_context, join_plant, setup_logging
    from hazard_desktop.domain.exchange import Role
    from hazard_desktop.services import exchange

    action = args.exchange_command
    named = _named_folder(args)
    joining = action == "import" and not args.dry_run and not paths.database_path(named).exists()
    folder_existed = named.exists()
    folder = _data_folder(args, may_create=joining or args.create)
    if not joining and not args.create:
        _require_register(folder)
    setup_logging(folder, verbose=args.verbose)
    if joining:
        try:
            result = join_plant(folder, Path(args.file))
        except BaseException:
            if not folder_existed:  # a refused join leaves no folder behind (the log's folder included)
                import logging
                import shutil

                logging.shutdown()
                shutil.rmtree(folder, ignore_errors=True)
            raise
        _print_preview(result.preview, lang)
        print(message("exchange_joined", lang, sender=result.preview.sender, plant=result.preview.plant_name))
        if result.join_file_removed is not None:
            key = "exchange_join_file_removed" if result.join_file_removed else "exchange_join_file_kept"
            print(message(key, lang, file=args.file))
        return 0
    # the file an export writes is checked before the register is opened: a refusal writes nothing
    target = _output_file(args.output, args, ".hzx").absolute() if action == "export" else None
    context = build_context(folder)
    try:
        # what changes the register or carries its records away acts as the signed-in account (accounts mode)
        changes = action in ("export", "register-terminal") or (action == "import" and not args.dry_run)
        if changes or (action == "identity" and (args.code or args.role or args.plant)):
            acting(context, args, lang)
        assert context.exchange_store is not None and context.exchange_files is not None
        store, files = context.exchange_store(), context.exchange_files()
        if action == "identity":
            if args.code or args.role or args.plant:
                current = exchange.get_identity(store)
                role = Role(args.role) if args.role else (current.role if current else Role.OFFICE)
                code = args.code or (current.short_code if current else "")
                exchange.set_identity(store, short_code=code, role=role, plant_name=args.plant)
            me = exchange.get_identity(store)
            if me is None:
                print(message("identity_missing", lang))
                return 1
            slot = "-" if me.number_slot is None else str(me.number_slot)
            print(
                message(
                    "exchange_identity_line",
                    lang,
                    short=me.short_code,
                    role=exchange_role_name(me.role, lang),
                    plant=me.plant_name,
                    id=me.installation_id,
                    slot=slot,
                )
            )
            for peer in exchange.peers(store):
                print(
                    message(
                        "exchange_peer_line",
                        lang,
                        short=peer.short_code,
                        role=exchange_role_name(peer.role, lang),
                        slot="-" if peer.number_slot is None else peer.number_slot,
                        sent=_local_time(peer.last_sent_at),
                        received=_local_time(peer.last_received_at),
                    )
                )
            return 0
        if action == "register-terminal":
            peer = exchange.register_terminal(store, args.code)
            print(message("exchange_registered", lang, short=peer.short_code, slot=peer.number_slot))
            return 0
        if target is not None:
            done = exchange.export_exchange(store, files, target, to=args.to, everything=args.all)
            print(
                message(
                    "exchange_exported",
                    lang,
                    records=done.records,
                    photos=done.photos,
                    to=done.to or ("any installation" if lang == "en" else "任一交换对象"),
                    path=done.path,
                    size=done.size,
                )
            )
            return 0
        preview = exchange.exchange_preview(store, files, Path(args.file))
        _print_preview(preview, lang)
        if args.dry_run:
            print(message("exchange_dry_run", lang))
            return 0
        result = exchange.import_exchange(store, files, Path(args.file))
    finally:
        close_context(context)
    if result.changed_nothing:
        print(message("exchange_nothing_new", lang))
    else:
        print(message("exchange_imported", lang, conflicts=result.conflicts_opened))
    if result.join_file_removed is not None:
        key = "exchange_join_file_removed" if result.join_file_removed else "exchange_join_file_kept"
        print(message(key, lang, file=args.file))
    return 0


def _print_preview(preview: object, lang: str) -> None:
    from hazard_desktop.services.exchange import ImportPreview

    assert isinstance(preview, ImportPreview)
    print(
        message(
            "exchange_from",
            lang,
            short=preview.sender,
            role=exchange_role_name(preview.sender_role, lang),
            plant=preview.plant_name,
            created=_local_time(preview.created_at),
        )
    )
    names = {k.kind: kind_name(k.kind, lang) for k in preview.kinds}
    width = max((_display_width(name) for name in names.values()), default=0)
    for k in preview.kinds:  # names padded by display width: a Chinese character takes two columns
        name = names[k.kind] + " " * (width - _display_width(names[k.kind]))
        print(f"  {name}  +{k.new:<6} ~{k.changed:<6} ={k.unchanged:<6} !{k.conflicts}")


def _local_time(moment: object) -> str:
    """A moment as the user reads it: local time to the minute ("-": never)."""
    from datetime import datetime

    if isinstance(moment, datetime):
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    return "-" if moment is None else str(moment)


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _export_filter(args: argparse.Namespace) -> RegisterFilter:
    """The register filter of ``export``'s options (statuses by code or Chinese name; local whole days).

    Raises:
        Refused: ``export_status_unknown``, ``export_date_invalid``, ``export_dates_reversed``.
    """
    from datetime import date, datetime, timedelta

    from hazard_desktop.domain.hazards import HazardStatus
    from hazard_desktop.services.ledger_export import STATUS_ZH
    from hazard_desktop.services.ports import RegisterFilter

    names = {s.value: s for s in HazardStatus} | {zh: s for s, zh in STATUS_ZH.items()}
    statuses = set()
    for value in args.status or []:
        for part in value.replace("，", ",").split(","):
            if not part.strip():
                continue
            status = names.get(part.strip().lower()) or names.get(part.strip())
            if status is None:
                allowed = ", ".join(f"{s.value} ({STATUS_ZH[s]})" for s in HazardStatus)
                raise Refused("export_status_unknown", value=part.strip(), allowed=allowed)
            statuses.add(status)

    def day(text: str | None) -> date | None:
        if text is None:
            return None
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise Refused("export_date_invalid", value=text) from None

    first, last = day(args.date_from), day(args.date_to)
    if first is not None and last is not None and first > last:
        raise Refused("export_dates_reversed", first=first, last=last)

    def local_midnight(value: date) -> datetime:
        return datetime(value.year, value.month, value.day).astimezone()

    return RegisterFilter(
        statuses=frozenset(statuses),
        found_from=local_midnight(first) if first else None,
        found_before=local_midnight(last + timedelta(days=1)) if last else None,
    )


def _export(folder: Path, args: argparse.Namespace, lang: str) -> int:
    from hazard_desktop.services.ledger_export import LedgerRequest, check_target, export_ledger
    from hazard_desktop.services.ports import SortKey

    flt = _export_filter(args)
    target = check_target(_output_file(args.file, args, ".xlsx"))  # refused before the register is opened
    from hazard_desktop.app import close_context

    context = _acting_context(folder, args, lang)
    try:
        assert context.ledger_source is not None and context.ledger_writer is not None
        result = export_ledger(
            context.uow(), context.ledger_source(), context.ledger_writer, LedgerRequest(flt, SortKey.NUMBER), target
        )
    except OSError as exc:
        return _fail("ledger_write_failed", lang, path=target, detail=os_error_text(exc, lang))
    finally:
        close_context(context)
    print(message("export_done", lang, count=result.rows, path=result.path))
    return 0

"""Command line: the window by default, and `demo`, `lec`, `sheet` sub-commands for scripts.

Part of the composition root: it may import every layer, but heavy modules load only when used.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from hazard_desktop import __version__, paths
from hazard_desktop.cli_messages import language, message

if TYPE_CHECKING:  # types only: the command line imports these where they are used
    from hazard_desktop.domain.lec import LecScales, ThresholdSet
    from hazard_desktop.services.demo import DemoResult


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="DIR", help="data folder (default: HAZARD_DESKTOP_DATA or the user data folder)"
    )
    common.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default zh_CN)")
    parser = argparse.ArgumentParser(
        prog="hazard-desktop",
        description="隐患分级管理 — hazard register, grading and sheets (offline).",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"hazard_desktop {__version__}")
    parser.add_argument("--screenshot", metavar="PNG", help="render the main window to PNG and exit")
    parser.add_argument("--verbose", action="store_true", help="log debug messages")
    parser.add_argument("--smoke", action="store_true", help="self-test (headless): database, window, sheet PDF")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", parents=[common], help="fill the database with realistic demo data")
    demo.add_argument("--count", type=int, default=300, help="number of hazards (default 300)")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--no-photos", action="store_true", help="skip the demo photos")

    lec = sub.add_parser("lec", parents=[common], help="LEC calculator: D = L × E × C and its band")
    lec.add_argument("values", nargs="*", metavar="L E C")
    lec.add_argument("--panel", nargs="+", metavar="L,E,C", help="one L,E,C per panel member")
    lec.add_argument("--json", action="store_true", help="print JSON")

    sheet = sub.add_parser(
        "sheet",
        parents=[common],
        help="write the grading sheet PDF of a hazard",
        description="The sheet is the plant's Chinese form (隐患分级判定表 / 争议裁决表) and is always printed in "
        "Chinese; --lang en is refused here (set HAZARD_DESKTOP_LANG=en for English messages).",
    )
    sheet.add_argument("number", metavar="HAZARD_NUMBER")
    sheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    which = sheet.add_mutually_exclusive_group()
    which.add_argument("--meeting", action="store_true", help="the whole batch of the meeting that graded the hazard")
    which.add_argument("--dispute", action="store_true", help="the dispute ruling sheet (争议裁决表) of the hazard")
    return parser


def _fail(code: str, lang: str, **params: object) -> int:
    print(message(code, lang, **params), file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run the program; returns the exit code."""
    args = _parser().parse_args(argv)
    lang = language(args.lang)
    command = args.command
    if command == "lec":
        return _lec(args, lang)
    from hazard_desktop.adapters.errors import StorageError
    from hazard_desktop.app import setup_logging

    folder = paths.data_dir(args.data_dir)
    setup_logging(folder, verbose=args.verbose)
    try:
        if args.smoke:
            from hazard_desktop.smoke import run_smoke

            return run_smoke(folder, args.lang)
        if command == "demo":
            return _demo(folder, args, lang)
        if command == "sheet":
            return _sheet(folder, args, lang)
        return _gui(folder, args, lang)
    except StorageError as exc:
        return _fail(exc.code, lang, **exc.params)


def _gui(folder: Path, args: argparse.Namespace, lang: str) -> int:
    from hazard_desktop.app import has_display, run_gui

    screenshot = Path(args.screenshot).resolve() if args.screenshot else None
    if screenshot is None and not has_display():
        import os

        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        screenshot = folder / "screenshots" / "main-window.png"
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        what, what_en = "当前数据库", "the current database"
        if _register_empty(folder):
            folder = Path(tempfile.mkdtemp(prefix="hazard-desktop-demo-"))
            _demo_into(folder, count=300, seed=2026, photos=True)
            what, what_en = f"演示数据（{folder}）", f"demo data ({folder})"
        code = run_gui(folder, args.lang, screenshot=screenshot)
        if code == 0:
            print(message("no_display", lang, what=what, what_en=what_en, path=screenshot))
        return code
    if screenshot is not None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run_gui(folder, args.lang, screenshot=screenshot)


def _register_empty(folder: Path) -> bool:
    if not paths.database_path(folder).exists():
        return True  # don't create an empty database in the user's folder just to look at it
    from hazard_desktop.app import build_context, close_context

    context = build_context(folder)
    try:
        with context.uow() as uow:
            return uow.hazards.count() == 0
    finally:
        close_context(context)


def _demo_into(folder: Path, *, count: int, seed: int, photos: bool) -> DemoResult:
    from hazard_desktop.adapters.demo_photos import make_photo
    from hazard_desktop.app import build_context, close_context
    from hazard_desktop.services.demo import build_demo

    context = build_context(folder)
    try:
        writer = context.extras["bulk_writer_factory"]()
        return build_demo(context.uow, writer, context.images, make_photo if photos else None, count=count, seed=seed)
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
            photos=result.photos,
        )
    )
    return 0


def _lec_tables(args: argparse.Namespace) -> tuple[LecScales, ThresholdSet]:
    """Scales and the threshold set in force today: from the database if there is one, else the defaults."""
    from datetime import date

    from hazard_desktop.domain.lec import LecScales, threshold_set_in_force
    from hazard_desktop.services.seed import default_scale_values, default_threshold_sets

    db = paths.database_path(Path(args.data_dir)) if args.data_dir else None
    if db is None:
        import os

        if os.environ.get(paths.ENV_DATA):
            db = paths.database_path(Path(os.environ[paths.ENV_DATA]))
    if db is not None and db.exists():
        from hazard_desktop.app import build_context, close_context

        context = build_context(db.parent)
        try:
            with context.uow() as uow:
                return LecScales(tuple(uow.lec.scale_values())), threshold_set_in_force(
                    uow.lec.threshold_sets(), date.today()
                )
        finally:
            close_context(context)
    return LecScales(tuple(default_scale_values())), threshold_set_in_force(default_threshold_sets(), date.today())


def _lec(args: argparse.Namespace, lang: str) -> int:
    from hazard_desktop.domain.errors import DomainError
    from hazard_desktop.services import calculator

    if bool(args.panel) == bool(args.values) or (args.values and len(args.values) != 3):
        print(
            "usage: hazard-desktop lec L E C [--json] | hazard-desktop lec --panel L,E,C ... [--json]", file=sys.stderr
        )
        return 2
    scales, threshold_set = _lec_tables(args)
    try:
        if args.panel:
            result = calculator.panel(scales, threshold_set, args.panel)
        else:
            result = calculator.single(scales, threshold_set, *args.values)
    except DomainError as exc:
        return _fail(exc.code, lang, **exc.params)
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
    from hazard_desktop.app import build_context, close_context
    from hazard_desktop.domain.errors import DomainError
    from hazard_desktop.services.sheets import export_hazard_sheet

    context = build_context(folder)
    try:
        path = export_hazard_sheet(context, args.number, Path(args.output), meeting=args.meeting, dispute=args.dispute)
    except DomainError as exc:
        return _fail(exc.code, lang, **exc.params)
    except OSError as exc:
        return _fail("sheet_write_failed", lang, path=args.output, detail=exc.strerror or exc)
    finally:
        close_context(context)
    print(path)
    return 0

"""The command line on a register in accounts mode (new-user trial, issue 16): a command that changes the register
or carries its data away acts as a signed-in account (``--user NAME``, the PIN read from the terminal or standard
input), checked as the window's sign-in checks it; without it, or with a wrong PIN, it is refused and writes nothing.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters.audit import TABLE
from hazard_desktop.app import close_context
from hazard_desktop.domain.accounts import Role, SecretKind
from hazard_desktop.services import accounts
from tests import cli_inprocess
from tests.factories import add_person, make_context
from tests.ledger_workbooks import standard_ledger

pytestmark = pytest.mark.storage

ADMIN_PIN = "482913"
INSPECTOR_PIN = "275318"


class _Terminal(io.StringIO):
    """Standard input that is a terminal (the PIN is then asked with getpass, never read from here)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register in accounts mode: the administrator 张安全 and the inspector 王检查 (own PIN chosen), and
    李新 (a new account that has not chosen its own PIN yet)."""
    folder = tmp_path_factory.mktemp("accounts") / "data"
    context = make_context(folder)
    try:
        with context.uow() as uow:
            department = uow.reference.departments()[0].id
        secrets = context.secrets
        assert secrets is not None
        admin = accounts.create_first_admin(
            context.uow(),
            secrets,
            person_name="张安全",
            department_id=department,
            kind=SecretKind.PIN,
            secret=ADMIN_PIN,
        )
        context.session.sign_in(admin.actor())
        people = {name: add_person(context, name).id for name in ("王检查", "李新")}
        inspector = accounts.save_account(
            context.uow(), secrets, None, person_id=people["王检查"], name="王检查", roles=frozenset({Role.INSPECTOR}),
            kind=SecretKind.PIN, secret="159357",
        )  # fmt: skip
        accounts.save_account(
            context.uow(), secrets, None, person_id=people["李新"], name="李新", roles=frozenset({Role.INSPECTOR}),
            kind=SecretKind.PIN, secret="159357",
        )  # fmt: skip
        context.session.sign_in(inspector.actor())
        accounts.change_own_secret(context.uow(), secrets, "159357", SecretKind.PIN, INSPECTOR_PIN)
    finally:
        close_context(context)
    return folder


@pytest.fixture
def folder(register: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the accounts register for one test."""
    import shutil

    copy = tmp_path / "data"
    copy.mkdir()
    shutil.copyfile(paths.database_path(register), paths.database_path(copy))
    yield copy


def _run(monkeypatch: pytest.MonkeyPatch, stdin: str | io.StringIO, *args: str, lang: str = "zh_CN"):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", stdin if isinstance(stdin, io.StringIO) else io.StringIO(stdin))
    return cli_inprocess.run(*args, lang=lang)


def _audit(folder: Path) -> list[tuple[str, str | None, str]]:
    with sqlite3.connect(paths.database_path(folder)) as connection:
        return connection.execute(f"SELECT actor, actor_id, use_case FROM {TABLE} ORDER BY seq").fetchall()


def _failed_attempts(folder: Path, name: str) -> int:
    with sqlite3.connect(paths.database_path(folder)) as connection:
        return connection.execute("SELECT failed_attempts FROM accounts WHERE name = ?", (name,)).fetchone()[0]


def test_a_command_that_carries_data_away_needs_an_account_and_its_pin(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "台账.xlsx"
    unsigned = _run(monkeypatch, "", "--data-dir", str(folder), "export", str(target))
    assert unsigned.returncode == 2 and "--user" in unsigned.stderr and "未作任何更改" in unsigned.stderr
    assert "Traceback" not in unsigned.stderr and not target.exists()

    before = _audit(folder)
    wrong = _run(monkeypatch, "000000\n", "--data-dir", str(folder), "export", str(target), "--user", "张安全")
    assert wrong.returncode == 2 and "PIN 或密码错误" in wrong.stderr and "4" in wrong.stderr
    assert not target.exists() and _failed_attempts(folder, "张安全") == 1
    # the count is the only write, and it is nobody's (as at the window's sign-in), not the single user's
    assert [(actor, use) for actor, _id, use in _audit(folder)[len(before) :]] == [("system", "accounts.sign_in")]

    empty = _run(monkeypatch, "", "--data-dir", str(folder), "export", str(target), "--user", "张安全")
    assert empty.returncode == 2 and "标准输入中没有" in empty.stderr and not target.exists()

    done = _run(monkeypatch, f"{ADMIN_PIN}\n", "--data-dir", str(folder), "export", str(target), "--user", "张安全")
    assert done.returncode == 0, done.stderr
    assert target.exists() and ADMIN_PIN not in done.stdout + done.stderr
    assert _failed_attempts(folder, "张安全") == 0  # the right PIN clears the count, as the window's sign-in does


def test_the_pin_is_asked_without_echo_at_a_terminal(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return ADMIN_PIN

    monkeypatch.setattr("getpass.getpass", getpass)
    target = tmp_path / "台账.xlsx"
    done = _run(monkeypatch, _Terminal(""), "--data-dir", str(folder), "export", str(target), "--user", "张安全")
    assert done.returncode == 0, done.stderr
    assert prompts == ["“张安全”的 PIN 或密码："] and target.exists()


def test_five_wrong_pins_lock_the_account_as_in_the_window(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "台账.xlsx"
    command = ("--data-dir", str(folder), "--lang", "en", "export", str(target), "--user", "王检查")
    for _ in range(4):
        assert "Wrong PIN or password" in _run(monkeypatch, "000000\n", *command, lang="en").stderr
    locked = _run(monkeypatch, "000000\n", *command, lang="en")
    assert locked.returncode == 2 and "is locked after repeated wrong attempts until" in locked.stderr
    still = _run(monkeypatch, f"{INSPECTOR_PIN}\n", *command, lang="en")  # the right PIN during the lock-out
    assert still.returncode == 2 and "is locked" in still.stderr and not target.exists()


def test_unknown_switched_off_and_not_yet_chosen_secrets_are_refused(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "台账.xlsx"
    base = ("--data-dir", str(folder), "export", str(target), "--user")
    unknown = _run(monkeypatch, "123457\n", *base, "赵六")
    assert unknown.returncode == 2 and "没有此登录名的账户" in unknown.stderr
    new = _run(monkeypatch, "159357\n", *base, "李新")  # made by the administrator, its own PIN not chosen yet
    assert new.returncode == 2 and "须先在程序窗口中登录并设置自己的 PIN" in new.stderr
    assert not target.exists()


def test_the_ledger_import_acts_as_the_account_and_the_audit_trail_names_it(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = standard_ledger(tmp_path)
    before = _audit(folder)
    preview = _run(monkeypatch, "", "--data-dir", str(folder), "import-ledger", str(ledger), "--dry-run")
    assert preview.returncode == 0, preview.stderr  # the preview changes nothing: no sign-in
    refused = _run(monkeypatch, "", "--data-dir", str(folder), "import-ledger", str(ledger))
    assert refused.returncode == 2 and "--user" in refused.stderr
    assert _audit(folder) == before  # nothing written
    done = _run(
        monkeypatch,
        f"{ADMIN_PIN}\n",
        "--data-dir",
        str(folder),
        "import-ledger",
        str(ledger),
        "--category",
        "4.5",
        "--user",
        "张安全",
    )
    assert done.returncode == 0, done.stderr
    written = [entry for entry in _audit(folder)[len(before) :] if entry[2] == "ledger.import"]
    assert written and {entry[0] for entry in written} == {"张安全"} and all(entry[1] for entry in written)


def test_the_account_s_roles_decide_what_the_command_may_do(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = standard_ledger(tmp_path)
    before = _audit(folder)
    inspector = _run(
        monkeypatch, f"{INSPECTOR_PIN}\n", "--data-dir", str(folder), "import-ledger", str(ledger), "--user", "王检查"
    )
    assert inspector.returncode == 2 and "“王检查”无权执行此操作：需要角色“安环部管理员”" in inspector.stderr
    assert "ledger." not in inspector.stderr  # the role by name, not the use case's internal name (trial t5)
    backup = _run(
        monkeypatch, f"{INSPECTOR_PIN}\n", "--data-dir", str(folder), "backup", "-o", str(tmp_path), "--user", "王检查"
    )
    assert backup.returncode == 2 and "无权执行此操作：需要角色“安环部管理员”" in backup.stderr
    assert not list(tmp_path.glob("*.zip"))
    assert [entry for entry in _audit(folder)[len(before) :] if entry[0] != "王检查"] == []  # only its sign-in
    admin = _run(
        monkeypatch, f"{ADMIN_PIN}\n", "--data-dir", str(folder), "backup", "-o", str(tmp_path), "--user", "张安全"
    )
    assert admin.returncode == 0, admin.stderr
    assert len(list(tmp_path.glob("*.zip"))) == 1


def test_exchange_commands_act_as_the_account_and_reading_the_identity_needs_none(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ("--data-dir", str(folder), "exchange")
    refused = _run(monkeypatch, "", *base, "identity", "--code", "OF", "--role", "office")
    assert refused.returncode == 2 and "--user" in refused.stderr
    before = _audit(folder)
    done = _run(
        monkeypatch, f"{ADMIN_PIN}\n", *base, "identity", "--code", "OF", "--role", "office", "--user", "张安全"
    )
    assert done.returncode == 0, done.stderr
    written = _audit(folder)[len(before) :]
    exchange = [entry for entry in written if entry[2] == "exchange"]
    assert exchange and {entry[0] for entry in exchange} == {"张安全"} and all(entry[1] for entry in exchange)
    shown = _run(monkeypatch, "", *base, "identity")  # reading who this register is prints nothing sensitive
    assert shown.returncode == 0 and "OF" in shown.stdout
    registered = _run(monkeypatch, "", *base, "register-terminal", "A3")
    assert registered.returncode == 2 and "--user" in registered.stderr
    package = tmp_path / "all.hzx"
    out = _run(monkeypatch, "", *base, "export", "-o", str(package), "--all")
    assert out.returncode == 2 and "--user" in out.stderr and not package.exists()
    out = _run(monkeypatch, f"{ADMIN_PIN}\n", *base, "export", "-o", str(package), "--all", "--user", "张安全")
    assert out.returncode == 0, out.stderr
    assert package.exists()


def test_audit_verify_reads_without_an_account_and_the_export_needs_one(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    verify = _run(monkeypatch, "", "--data-dir", str(folder), "audit", "verify")
    assert verify.returncode == 0, verify.stderr
    target = tmp_path / "审计.csv"
    refused = _run(monkeypatch, "", "--data-dir", str(folder), "audit", "export", "-o", str(target))
    assert refused.returncode == 2 and not target.exists()
    done = _run(
        monkeypatch,
        f"{INSPECTOR_PIN}\n",
        "--data-dir",
        str(folder),
        "audit",
        "export",
        "-o",
        str(target),
        "--user",
        "王检查",
    )
    assert done.returncode == 0, done.stderr
    assert target.exists()


def test_restore_signs_in_to_the_register_it_replaces(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _run(
        monkeypatch, f"{ADMIN_PIN}\n", "--data-dir", str(folder), "backup", "-o", str(tmp_path), "--user", "张安全"
    )
    assert made.returncode == 0, made.stderr
    backup = next(tmp_path.glob("*.zip"))
    refused = _run(monkeypatch, "", "--data-dir", str(folder), "restore", str(backup))
    assert refused.returncode == 2 and "--user" in refused.stderr
    assert not list(folder.glob("backups/*before-restore*"))  # the register was not replaced
    done = _run(monkeypatch, f"{ADMIN_PIN}\n", "--data-dir", str(folder), "restore", str(backup), "--user", "张安全")
    assert done.returncode == 0, done.stderr


def test_the_help_says_how_a_script_gives_the_pin() -> None:
    shown = cli_inprocess.run("export", "--help", lang="en")
    assert shown.returncode == 0 and "--user NAME" in shown.stdout and "standard input" in shown.stdout


def test_a_pin_typed_after_a_mistaken_option_is_never_echoed(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trial t5: `--pin 1234` is no option; argparse named every word it did not take, the PIN among them."""
    mistaken = ("backup", "-o", str(folder), "--user", "张安全", "--pin", "482913")
    done = _run(monkeypatch, "", "--data-dir", str(folder), *mistaken)
    assert done.returncode == 2 and "无法识别的参数：--pin" in done.stderr
    assert "482913" not in done.stderr + done.stdout
    done = _run(monkeypatch, "", "--data-dir", str(folder), "backup", "--pin", "482913", lang="en")
    assert done.returncode == 2 and "482913" not in done.stderr + done.stdout

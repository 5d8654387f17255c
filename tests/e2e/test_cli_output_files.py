"""The files the command line writes, and the language it writes its lines in (trial t5, as plant IT).

One rule for every command that writes a file the user names: an existing file is refused unless
``--overwrite`` is given (nothing written, the register untouched), and a name without an extension gets the
command's own (``backup -o bk`` writes ``bk.zip``), the command saying which file it wrote. And every line a
user reads is in the chosen language: no band codes, record-kind table names, role values or OS English in
the Chinese output.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from hazard_desktop.cli_messages import KIND_NAMES
from hazard_desktop.domain.exchange import RECORD_KINDS
from tests import cli_inprocess
from tests.factories import seeded_folder

pytestmark = pytest.mark.slow


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _office(folder: Path) -> Path:
    """A seeded register that exchanges as the office (so ``exchange export --all`` has something to write)."""
    seeded_folder(folder)
    made = cli_inprocess.run("exchange", "identity", "--code", "hq", "--role", "office", "--plant", "测试厂",
                             "--data-dir", str(folder))  # fmt: skip
    assert made.returncode == 0, made.stderr
    return folder


# Each command that writes a named file: its arguments with {out} for that file, and the file's extension.
WRITERS = [
    pytest.param(["export", "{out}"], ".xlsx", id="export"),
    pytest.param(["backup", "-o", "{out}"], ".zip", id="backup"),
    pytest.param(["exchange", "export", "--all", "-o", "{out}"], ".hzx", id="exchange export"),
    pytest.param(["audit", "export", "-o", "{out}"], ".csv", id="audit export"),
    pytest.param(["report", "--year", "2026", "-o", "{out}"], ".xlsx", id="report"),
]


@pytest.mark.parametrize(("argv", "suffix"), WRITERS)
def test_an_existing_file_is_refused_unless_overwrite_is_given(tmp_path: Path, argv: list[str], suffix: str) -> None:
    data = _office(tmp_path / "data")
    target = tmp_path / f"old{suffix}"
    target.write_bytes(b"the user's own file")
    database = _digest(data / "hazard_desktop.db")
    args = [a.replace("{out}", str(target)) for a in argv] + ["--data-dir", str(data)]

    refused = cli_inprocess.run(*args)

    assert refused.returncode == 2
    assert "已存在" in refused.stderr and "--overwrite" in refused.stderr and str(target) in refused.stderr
    assert refused.stdout == ""
    assert target.read_bytes() == b"the user's own file"  # nothing written
    assert _digest(data / "hazard_desktop.db") == database  # the register untouched (no audit entry either)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", target.name]  # no partial file left

    english = cli_inprocess.run(*args, lang="en")
    assert english.returncode == 2 and "exists already" in english.stderr and "--overwrite" in english.stderr

    replaced = cli_inprocess.run(*args, "--overwrite")

    assert replaced.returncode == 0, replaced.stderr
    assert target.read_bytes() != b"the user's own file" and target.stat().st_size > 100
    assert str(target) in replaced.stdout
    assert "*" not in replaced.stdout  # exchange export --all: for "any installation", in words


@pytest.mark.parametrize(("argv", "suffix"), [p for p in WRITERS if p.id in ("export", "backup", "exchange export")])
def test_a_name_without_an_extension_gets_the_commands_own(tmp_path: Path, argv: list[str], suffix: str) -> None:
    data = _office(tmp_path / "data")
    named = tmp_path / "bk"
    args = [a.replace("{out}", str(named)) for a in argv] + ["--data-dir", str(data)]

    made = cli_inprocess.run(*args)

    assert made.returncode == 0, made.stderr
    written = tmp_path / f"bk{suffix}"
    assert written.is_file() and not named.exists()
    assert str(written) in made.stdout  # the output says which file was written
    again = cli_inprocess.run(*args)  # the same name again is the same file: refused, not a second one
    assert again.returncode == 2 and str(written) in again.stderr and "--overwrite" in again.stderr


def test_a_name_with_two_formats_is_refused_without_an_extension(tmp_path: Path) -> None:
    """A report (.pdf or .xlsx) and the audit export (.csv or .json): the extension chooses, none is guessed."""
    data = seeded_folder(tmp_path / "data")
    report = cli_inprocess.run("report", "--year", "2026", "-o", str(tmp_path / "r"), "--data-dir", str(data))
    audit = cli_inprocess.run("audit", "export", "-o", str(tmp_path / "a"), "--data-dir", str(data))
    assert report.returncode == 2 and "没有扩展名" in report.stderr and ".pdf 或 .xlsx" in report.stderr
    assert audit.returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_backup_into_a_folder_still_takes_its_own_name(tmp_path: Path) -> None:
    data = seeded_folder(tmp_path / "data")
    usb = tmp_path / "usb"
    usb.mkdir()
    made = cli_inprocess.run("backup", "-o", str(usb), "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    [written] = usb.iterdir()
    assert written.suffix == ".zip" and str(written) in made.stdout


def test_lec_names_the_band_in_chinese_only() -> None:
    single = cli_inprocess.run("lec", "3", "6", "7")
    panel = cli_inprocess.run("lec", "--panel", "3,6,7", "1,1,1", "6,6,7")
    english = cli_inprocess.run("lec", "3", "6", "7", lang="en")

    assert single.returncode == panel.returncode == english.returncode == 0
    assert "显著危险" in single.stdout and "significant" not in single.stdout
    assert "稍有危险" in panel.stdout and not re.search(r"slight|significant|high|extreme|general", panel.stdout)
    assert "significant" in english.stdout  # the code is English: in the English output it stays


def test_exchange_output_names_roles_and_record_kinds_in_chinese(tmp_path: Path) -> None:
    office, lap = _office(tmp_path / "office"), tmp_path / "laptop"
    assert cli_inprocess.run("exchange", "register-terminal", "A3", "--data-dir", str(office)).returncode == 0
    join = tmp_path / "join.hzx"
    made = cli_inprocess.run("exchange", "export", "--to", "A3", "-o", str(join), "--data-dir", str(office))
    assert made.returncode == 0, made.stderr

    joined = cli_inprocess.run("exchange", "import", str(join), "--data-dir", str(lap))
    listed = cli_inprocess.run("exchange", "identity", "--data-dir", str(office))

    assert joined.returncode == 0, joined.stderr
    preview = joined.stdout
    assert "（办公室主库）" in preview and "  部门 " in preview and "  检查项 " in preview
    assert not re.search(r"[a-z]{2,}", preview.replace(str(join), "")), preview  # no table name, no role value
    assert "角色 办公室主库" in listed.stdout and "（现场终端，编号段 1）" in listed.stdout
    assert not re.search(r"office|field", listed.stdout)
    english = cli_inprocess.run("exchange", "identity", "--data-dir", str(office), lang="en")
    assert "role office register" in english.stdout and "(field laptop, slot 1)" in english.stdout


def test_every_record_kind_has_a_name_in_both_languages() -> None:
    assert {kind.name for kind in RECORD_KINDS} <= set(KIND_NAMES)


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["restore", "{missing}.zip"], id="restore"),
        pytest.param(["import-ledger", "{missing}.xlsx", "--dry-run"], id="import-ledger"),
    ],
)
def test_a_missing_file_is_named_in_chinese_not_in_the_os_english(tmp_path: Path, argv: list[str]) -> None:
    data = _office(tmp_path / "data")
    args = [a.replace("{missing}", str(tmp_path / "gone")) for a in argv] + ["--data-dir", str(data)]

    result = cli_inprocess.run(*args)

    assert result.returncode == 2
    assert "文件或文件夹不存在" in result.stderr, result.stderr
    assert "No such file" not in result.stderr and "Errno" not in result.stderr

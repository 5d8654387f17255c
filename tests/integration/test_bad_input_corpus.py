"""The bad-input corpus (issue 10): every refusal explains itself and changes nothing.

For each case: a clear message (the command line's Chinese table, or a sentence of the UI's tables — not a
generic fallback), a non-zero exit for the command line, no traceback, and the database file and data
folder byte-identical afterwards. Inputs are built once per module and copied; the service cases share one
register (a refusal leaves it as it was, which is what each case checks).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hazard_desktop import app as app_module
from hazard_desktop import cli
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.inspections import ItemDraft, SectionDraft, TemplateDraft
from hazard_desktop.services import calculator, reference_admin, template_exchange
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services import inspections as inspection_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import application
from hazard_desktop.ui import messages as ui_messages
from tests.factories import add_person, hazard_input

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def snapshot(folder: Path, *, skip_shm: bool = False) -> dict[str, str]:
    """Every entry below ``folder`` with the SHA-256 of its bytes (``-shm``: SQLite's shared memory, which
    a reader's own connection marks, may be left out where a connection stays open)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
        if not (skip_shm and p.name.endswith("-shm"))
    }


# ---------------------------------------------------------------- inputs, built once


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Data folders of every kind the cases start from (copied per case)."""
    base = tmp_path_factory.mktemp("corpus")
    register = base / "register"
    context = app_module.build_context(register)
    person = add_person(context)
    hazard_service.create_hazard(context.uow(), hazard_input(context, person), number="YH-2026-0001")
    app_module.close_context(context)
    folders = {"register": register}

    def variant(name: str, make: Callable[[Path], None]) -> None:
        folder = base / name
        shutil.copytree(register, folder)
        make(folder / "hazard_desktop.db")
        folders[name] = folder

    def sql(statement: str) -> Callable[[Path], None]:
        def run(db: Path) -> None:
            con = sqlite3.connect(db)
            with con:
                con.execute(statement)
            con.close()

        return run

    variant("empty_file", lambda db: db.write_bytes(b""))
    variant("random_bytes", lambda db: db.write_bytes(bytes(range(256)) * 64))
    variant("sqlite_header_only", lambda db: db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84))
    variant("truncated", lambda db: db.write_bytes(db.read_bytes()[:5000]))
    variant("newer", sql("UPDATE alembic_version SET version_num = '9999'"))
    variant("revision_row_gone", sql("DELETE FROM alembic_version"))
    variant("text_file", lambda db: db.write_text("hazard register\n" * 50, encoding="utf-8"))

    def foreign(db: Path) -> None:
        db.unlink()
        con = sqlite3.connect(db)
        with con:
            con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        con.close()

    variant("foreign", foreign)

    def directory(db: Path) -> None:
        db.unlink()
        db.mkdir()

    variant("db_is_folder", directory)
    plain = base / "plain_file"
    plain.write_text("not a folder", encoding="utf-8")
    folders["plain_file"] = plain
    (base / "no_register").mkdir()
    folders["no_register"] = base / "no_register"
    return folders


@pytest.fixture
def root_logging() -> Iterator[None]:
    """The command line adds a log handler for its data folder: take it away again."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers, root.level = handlers, level


# ---------------------------------------------------------------- the command line (in process, Chinese)

LEC_VALUES = [
    (["٣", "6", "7"], "不是取值表中的数"),  # Arabic-Indic digit
    (["३", "6", "7"], "不是取值表中的数"),  # Devanagari digit
    (["1_0", "6", "7"], "不是取值表中的数"),
    (["1e1", "6", "7"], "不是取值表中的数"),
    (["1e308", "6", "7"], "不是取值表中的数"),
    (["3", "6", "1E2"], "不是取值表中的数"),
    (["inf", "6", "7"], "不是取值表中的数"),
    (["nan", "6", "7"], "不是取值表中的数"),
    (["3", "Infinity", "7"], "不是取值表中的数"),
    (["0x3", "6", "7"], "不是取值表中的数"),
    (["3", "6", "七"], "不是取值表中的数"),
    (["3", "6", "7.0.1"], "不是取值表中的数"),
    (["3", "", "7"], "不是取值表中的数"),
    (["3", "6", "7\x1b"], "不是取值表中的数"),
    (["1" * 5000, "6", "7"], "太大"),
    (["1000000000000000", "6", "7"], "太大"),
    (["4", "6", "7"], "不在取值表中"),
    (["-3", "6", "7"], "不在取值表中"),
    (["３", "６", "８"], "不在取值表中"),  # full-width digits are read (as 3, 6, 8): 8 is off the scale
    (["0", "6", "7"], "不在取值表中"),
    (["3", "6"], "用法"),
    (["3", "6", "7", "1"], "用法"),
]
PANELS = [
    (["--panel", "3,6,7", "1,6,15"], "单数"),
    (["--panel", "3;6;7"], "格式不对"),
    (["--panel", "3,6"], "格式不对"),
    (["--panel", "3,6,7,1"], "格式不对"),
    (["--panel", "3,,7"], "格式不对"),
    (["--panel", "3,6,٧"], "不是取值表中的数"),
    (["--panel", "3,6,1e1"], "不是取值表中的数"),
    (["--panel", "3,6,7", "3,6,7", "4,6,7"], "不在取值表中"),
]
DATA_DIRS = [  # (folder, needle) for every command that reads a register
    ("plain_file", "是一个文件，不是文件夹"),
    ("missing", "不存在"),
    ("empty_file", "是空的"),
    ("random_bytes", "无法读取数据库"),
    ("sqlite_header_only", "无法读取数据库"),
    ("truncated", "无法读取数据库"),
    ("text_file", "无法读取数据库"),
    ("foreign", "无法读取数据库"),
    ("revision_row_gone", "无法读取数据库"),
    ("db_is_folder", "无法读取数据库"),
    ("newer", "更新版本"),
]


def cli_cases() -> list[Any]:
    cases: list[Any] = []
    for values, needle in LEC_VALUES + PANELS:
        cases.append(pytest.param(["lec", *values], "register", needle, id=f"lec {' '.join(values)[:30]!r}"))
    for folder, needle in DATA_DIRS:
        lec = ["lec", "3", "6", "7", "--data-dir", "{dir}"]
        cases.append(pytest.param(lec, folder, needle, id=f"lec dir {folder}"))
        cases.append(
            pytest.param(
                ["sheet", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
                folder,
                needle,
                id=f"sheet dir {folder}",
            )
        )
        cases.append(
            pytest.param(
                ["report", "--year", "2026", "-o", "{out}", "--data-dir", "{dir}"],
                folder,
                needle,
                id=f"report dir {folder}",
            )
        )
        cases.append(
            pytest.param(["export", "{out}.xlsx", "--data-dir", "{dir}"], folder, needle, id=f"export dir {folder}")
        )
        cases.append(
            pytest.param(
                ["--data-dir", "{dir}", "demo", "--no-photos"],
                folder,
                "已有台账" if folder not in ("plain_file", "missing") else needle,
                id=f"demo dir {folder}",
            )
        )
        cases.append(
            pytest.param(["--data-dir", "{dir}", "--screenshot", "{out}"], folder, needle, id=f"window dir {folder}")
        )
        cases.append(
            pytest.param(
                ["import-ledger", "{ledger:standard_ledger}", "--data-dir", "{dir}"],
                folder,
                needle,
                id=f"import-ledger dir {folder}",
            )
        )
    cases += [
        pytest.param(
            ["sheet", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "no_register",
            "没有台账",
            id="sheet folder without register",
        ),
        pytest.param(
            ["export", "{out}.xlsx", "--data-dir", "{dir}"],
            "no_register",
            "没有台账",
            id="export folder without register",
        ),
        pytest.param(["export", "{out}", "--data-dir", "{dir}"], "register", "不是 .xlsx 文件", id="export not xlsx"),
        pytest.param(
            ["export", "{out}.xlsx/", "--data-dir", "{dir}"],
            "register",
            "是一个文件夹",
            id="export output ends in a slash",
        ),
        pytest.param(
            ["export", "{out}.d/a.xlsx", "--data-dir", "{dir}"],
            "register",
            "不存在",
            id="export output in a missing folder",
        ),  # and no folder created
        pytest.param(
            ["export", "{out}.xlsx", "--status", "已关闭", "--data-dir", "{dir}"],
            "register",
            "未知的状态",
            id="export unknown status",
        ),
        pytest.param(
            ["export", "{out}.xlsx", "--from", "2026/3/5", "--data-dir", "{dir}"],
            "register",
            "不是日期",
            id="export date not iso",
        ),
        pytest.param(
            ["export", "{out}.xlsx", "--from", "2026-03-05", "--to", "2026-03-04", "--data-dir", "{dir}"],
            "register",
            "晚于结束日期",
            id="export dates reversed",
        ),
        pytest.param(
            ["export", "--data-dir", "{dir}"], "register", "缺少以下必需的参数", id="usage export file missing"
        ),
        pytest.param(["--data-dir", "{dir}", "demo", "--no-photos"], "register", "已有台账", id="demo over a register"),
        pytest.param(
            ["demo", "--no-photos", "--data-dir", "{dir}"],
            "register",
            "已有台账",
            id="demo over a register, option after",
        ),
        pytest.param(
            ["demo", "--count", "-5", "--data-dir", "{dir}"], "no_register", "应为 1 到", id="demo count negative"
        ),
        pytest.param(["demo", "--count", "0", "--data-dir", "{dir}"], "no_register", "应为 1 到", id="demo count zero"),
        pytest.param(
            ["demo", "--count", "１０００００１", "--data-dir", "{dir}"],
            "no_register",
            "应为 1 到",
            id="demo count too many, full width",
        ),
        pytest.param(
            ["sheet", "YH-2026-9999", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "没有编号为",
            id="sheet unknown number",
        ),
        pytest.param(
            ["sheet", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "尚无已确认的分级",
            id="sheet ungraded",
        ),
        pytest.param(
            ["sheet", "YH-2026-٠٠٠١", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "没有编号为",
            id="sheet number in other digits",
        ),
        pytest.param(
            ["sheet", "YH-2026-0001", "--meeting", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "不是在判定会议中分级的",
            id="sheet meeting ungraded",
        ),
        # a trial's findings: a PDF under another name, a number typed in lower case or full width, argparse's
        # own usage errors in English
        pytest.param(
            ["sheet", "YH-2026-0001", "-o", "{out}.txt", "--data-dir", "{dir}"],
            "register",
            "不是 .pdf 文件",
            id="sheet output not pdf",
        ),
        pytest.param(
            ["sheet", "YH-2026-0001", "-o", "{out}.PDF.txt", "--data-dir", "{dir}"],
            "register",
            "不是 .pdf 文件",
            id="sheet output pdf then txt",
        ),
        pytest.param(
            ["sheet", "YH-2026-0001", "-o", "{out}.d/a.pdf", "--data-dir", "{dir}"],
            "register",
            "不存在，未写入任何文件",
            id="sheet output in a missing folder",
        ),  # and no folder created
        pytest.param(
            ["sheet", "YH-2026-0001", "-o", "{out}.pdf/", "--data-dir", "{dir}"],
            "register",
            "是一个文件夹",
            id="sheet output ends in a slash",
        ),
        pytest.param(
            ["sheet", "yh-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "尚无已确认的分级",
            id="sheet number lower case",
        ),
        pytest.param(
            ["sheet", "ｙｈ－２０２６－０００１", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "尚无已确认的分级",
            id="sheet number full width",
        ),
        # the statistics report: a period of the wrong form, a file that is not .pdf/.xlsx, a missing folder
        pytest.param(
            ["report", "--year", "2026", "-o", "{out}", "--data-dir", "{dir}"],
            "no_register",
            "没有台账",
            id="report folder without register",
        ),
        pytest.param(
            ["report", "--quarter", "2026Q5", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "不是有效的统计期间",
            id="report quarter 5",
        ),
        pytest.param(
            ["report", "--quarter", "2026", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "不是有效的统计期间",
            id="report year given as quarter",
        ),
        pytest.param(
            ["report", "--month", "2026-13", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "不是有效的统计期间",
            id="report month 13",
        ),
        pytest.param(
            ["report", "--year", "1999", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "不是有效的统计期间",
            id="report year before 2000",
        ),
        pytest.param(
            ["report", "--year", "2026", "-o", "{out}.docx", "--data-dir", "{dir}"],
            "register",
            "只能保存为 .pdf 或 .xlsx",
            id="report output docx",
        ),
        pytest.param(
            ["report", "--year", "2026", "-o", "{out}.d/a.pdf", "--data-dir", "{dir}"],
            "register",
            "不存在，未写入任何文件",
            id="report output in a missing folder",
        ),
        pytest.param(
            ["report", "--year", "2026", "--month", "2026-01", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "不能与参数",
            id="usage report two periods",
        ),
        pytest.param(
            ["report", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "必须给出其中一个",
            id="usage report no period",
        ),
        pytest.param(
            ["lec", "--bogus", "--data-dir", "{dir}"], "register", "无法识别的参数", id="usage unknown option"
        ),
        pytest.param(
            ["sheet", "--data-dir", "{dir}"], "register", "缺少以下必需的参数", id="usage sheet arguments missing"
        ),
        pytest.param(
            ["demo", "--count", "1e3", "--data-dir", "{dir}"], "no_register", "不是整数", id="usage demo count exponent"
        ),
        pytest.param(
            ["--lang", "fr", "lec", "3", "6", "7", "--data-dir", "{dir}"],
            "register",
            "无效的选项值",
            id="usage language unknown",
        ),
        pytest.param(["bogus", "--data-dir", "{dir}"], "register", "无效的选项值", id="usage unknown command"),
        pytest.param(
            ["sheet", "YH-2026-0001", "--meeting", "--dispute", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "不能与参数",
            id="usage sheet meeting with dispute",
        ),
        # the rectification forms (issue 12): a form the hazard's state does not allow writes nothing
        pytest.param(
            ["print", "notice", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "尚未下达整改",
            id="print notice unassigned",
        ),
        pytest.param(
            ["print", "acceptance", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "尚未申请验收",
            id="print acceptance not submitted",
        ),
        pytest.param(
            ["print", "plan", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "未写入任何文件",
            id="print plan of an ungraded hazard",
        ),
        pytest.param(
            ["print", "report", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "未写入任何文件",
            id="print report of an ungraded hazard",
        ),
        pytest.param(
            ["print", "notice", "YH-2026-9999", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "没有编号为",
            id="print unknown number",
        ),
        pytest.param(
            ["print", "notice", "YH-2026-0001", "-o", "{out}.txt", "--data-dir", "{dir}"],
            "register",
            "不是 .pdf 文件",
            id="print output not pdf",
        ),
        pytest.param(
            ["print", "notice", "YH-2026-0001", "-o", "{out}.d/a.pdf", "--data-dir", "{dir}"],
            "register",
            "不存在，未写入任何文件",
            id="print output in a missing folder",
        ),
        pytest.param(
            ["print", "notice", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "no_register",
            "没有台账",
            id="print folder without register",
        ),
        pytest.param(
            ["print", "letter", "YH-2026-0001", "-o", "{out}", "--data-dir", "{dir}"],
            "register",
            "无效的选项值",
            id="usage print unknown kind",
        ),
        pytest.param(
            ["print", "notice", "YH-2026-0001", "-o", "{out}", "--lang", "en", "--data-dir", "{dir}"],
            "register",
            "Chinese only",
            id="print in English refused",
        ),
        # legacy ledgers that are no ledgers (issue 13): refused in words, the register untouched
        pytest.param(
            ["import-ledger", "{ledger:not_a_workbook}", "--data-dir", "{dir}"],
            "register",
            "不是 Excel 工作簿",
            id="import-ledger not a workbook",
        ),
        pytest.param(
            ["import-ledger", "{ledger:password_protected}", "--data-dir", "{dir}"],
            "register",
            "设有打开密码",
            id="import-ledger password",
        ),
        pytest.param(
            ["import-ledger", "{ledger:old_xls}", "--data-dir", "{dir}"], "register", "另存为", id="import-ledger xls"
        ),
        pytest.param(
            ["import-ledger", "{ledger:million_rows}", "--data-dir", "{dir}"],
            "register",
            "超过 100000 行",
            id="import-ledger a million rows",
        ),
        pytest.param(
            ["import-ledger", "{ledger:zip_bomb}", "--data-dir", "{dir}"],
            "register",
            "解压后异常庞大",
            id="import-ledger zip bomb",
        ),
        pytest.param(
            ["import-ledger", "{out}.xlsx", "--data-dir", "{dir}"],
            "register",
            "无法读取该文件",
            id="import-ledger missing file",
        ),
        pytest.param(
            ["import-ledger", "{ledger:standard_ledger}", "--data-dir", "{dir}"],
            "no_register",
            "没有台账",
            id="import-ledger folder without register",
        ),
    ]
    return cases


@pytest.mark.parametrize(("argv", "folder", "needle"), cli_cases())
def test_the_command_line_refuses_with_a_message_and_changes_nothing(
    argv, folder, needle, built, tmp_path, capsys, monkeypatch, root_logging, qapp
):
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "zh_CN")
    monkeypatch.delenv("HAZARD_DESKTOP_DATA", raising=False)
    monkeypatch.setattr(application, "install_message_log", lambda: None)  # keep pytest-qt's Qt log capture
    if folder == "missing":
        data = tmp_path / "mistyped" / "data"
    elif built[folder].is_dir():
        data = tmp_path / "data"
        shutil.copytree(built[folder], data)
    else:
        data = tmp_path / built[folder].name
        shutil.copyfile(built[folder], data)
    before = snapshot(tmp_path)
    out = tmp_path.parent / f"{tmp_path.name}.out.pdf"
    args = [a.replace("{dir}", str(data)).replace("{out}", str(out)) for a in argv]
    args = [_ledger_file(a, tmp_path.parent / f"{tmp_path.name}-ledgers") for a in args]
    try:
        code = cli.main(args)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    finally:  # the window's start installs the Chinese translators in the shared application: remove them
        for translator in getattr(qapp, "_hazard_translators", []):
            qapp.removeTranslator(translator)
        qapp._hazard_translators = []
        application.install_translators(qapp, Path(), "en")
    out, err = capsys.readouterr()
    assert code != 0
    assert needle in err, err
    assert "Traceback" not in err + out
    assert snapshot(tmp_path) == before  # the data folder (or file) and the database: byte-identical
    assert not list(tmp_path.parent.glob(f"{tmp_path.name}.out*"))  # no output file, under any name


def _ledger_file(arg: str, folder: Path) -> str:
    """``{ledger:NAME}``: the file ``tests.ledger_workbooks.NAME`` writes (outside the folder compared)."""
    if not (arg.startswith("{ledger:") and arg.endswith("}")):
        return arg
    from tests import ledger_workbooks

    folder.mkdir(exist_ok=True)
    return str(getattr(ledger_workbooks, arg[len("{ledger:") : -1])(folder))


def test_data_dir_before_the_sub_command_is_not_ignored(built, tmp_path, capsys, monkeypatch, root_logging):
    """`hazard-desktop --data-dir D demo` wrote to the default folder (the real register)."""
    default = tmp_path / "default-user-folder"
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(default))
    data = tmp_path / "data"
    shutil.copytree(built["register"], data)
    before = snapshot(data)
    assert cli.main(["--data-dir", str(data), "demo", "--no-photos"]) == 2
    assert "already holds a register" in capsys.readouterr().err
    assert snapshot(data) == before and not default.exists()


def test_a_new_named_folder_needs_create(tmp_path, capsys, monkeypatch, root_logging):
    monkeypatch.setattr(cli, "_demo_into", lambda folder, **kw: pytest.fail("demo ran"))
    target = tmp_path / "new" / "data"
    assert cli.main(["demo", "--no-photos", "--data-dir", str(target)]) == 2
    assert not (tmp_path / "new").exists()
    assert "--create" in capsys.readouterr().err


def test_lec_reads_an_older_register_without_migrating_it(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURES / "db_rev0001.db", data / "hazard_desktop.db")
    before = snapshot(tmp_path)
    assert cli.main(["lec", "3", "6", "7", "--data-dir", str(data)]) == 0
    assert "D=126" in capsys.readouterr().out
    assert snapshot(tmp_path) == before  # no migration, no seeding, no backup, no log, no side files


def test_full_width_digits_are_read(capsys):
    assert cli.main(["lec", "３", "６", "７"]) == 0
    assert "D=126" in capsys.readouterr().out


# ---------------------------------------------------------------- use cases behind every dialog


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One register for all service cases: each refusal must leave it byte-identical."""
    folder = tmp_path_factory.mktemp("service-corpus")
    context = app_module.build_context(folder)
    person = add_person(context)
    hazard = hazard_service.create_hazard(context.uow(), hazard_input(context, person), number="YH-2026-0001")
    template = inspection_service.list_templates(context.uow())[0]
    exported = template_exchange.export_templates(context.uow(), [template.template_id])
    yield {"context": context, "person": person, "hazard": hazard, "folder": folder, "exported": exported}
    app_module.close_context(context)


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` (a decompression bomb of a few bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def _exchange(shared: dict[str, Any], change: Callable[[dict[str, Any]], Any]) -> bytes:
    """The exported file, changed: ``change`` edits the document in place or returns the whole text."""
    doc = json.loads(shared["exported"])
    changed = change(doc)
    if isinstance(changed, bytes):
        return changed
    if isinstance(changed, str):
        return changed.encode()
    return json.dumps(doc, ensure_ascii=False).encode()


def _set_version(value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["templates"][0]["versions"][0]["version"] = value

    return change


def _raw_version(digits: str) -> Callable[[dict[str, Any]], str]:
    def change(doc: dict[str, Any]) -> str:
        doc["templates"][0]["versions"][0]["version"] = 424242
        return json.dumps(doc).replace("424242", digits)

    return change


def _set_first(key: str, value: Any, *, where: str = "version") -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        version = doc["templates"][0]["versions"][0]
        target = version if where == "version" else version["sections"][0]["items"][0]
        target[key] = value

    return change


TEMPLATE_FILES: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("version 10**30", _set_version(10**30), "exchange_invalid"),
    ("version 2**63", _set_version(2**63), "exchange_invalid"),
    ("version 5000 digits", _raw_version("9" * 5000), "exchange_invalid"),
    ("version 0", _set_version(0), "exchange_invalid"),
    ("version -1", _set_version(-1), "exchange_invalid"),
    ("version true", _set_version(True), "exchange_invalid"),
    ("version 1.5", _set_version(1.5), "exchange_invalid"),
    ("version text", _set_version("1"), "exchange_invalid"),
    ("format_version 10**30", lambda d: d.update(format_version=10**30), "exchange_format_newer"),
    ("format_version 0", lambda d: d.update(format_version=0), "exchange_invalid"),
    ("deeply nested", lambda d: "[" * 100_000 + "]" * 100_000, "exchange_invalid"),
    ("nested inside", lambda d: json.dumps(d)[:-1] + ', "x": ' + "[" * 50_000 + "]" * 50_000 + "}", "exchange_invalid"),
    ("not JSON", lambda d: "checklist, version 1", "exchange_invalid"),
    ("empty", lambda d: "", "exchange_invalid"),
    ("cut off", lambda d: json.dumps(d)[: len(json.dumps(d)) // 2], "exchange_invalid"),
    ("Latin-1 bytes", lambda d: b"\xff\xfe\xfa not utf-8", "exchange_invalid"),
    ("another format", lambda d: d.update(format="something.else"), "exchange_not_templates"),
    ("a list", lambda d: "[1, 2, 3]", "exchange_not_templates"),
    ("NUL in name", _set_first("name", "巡检表\x00"), "text_control_characters"),
    ("ESC in name", _set_first("name", "\x1b[31m巡检表"), "text_control_characters"),
    ("ESC in item text", _set_first("text", "检查阀门\x1b[2J", where="item"), "text_control_characters"),
    ("BEL in guidance", _set_first("guidance", "看\x07", where="item"), "text_control_characters"),
    ("id not a UUID", _set_first("id", "not-a-uuid"), "exchange_invalid"),
    ("name a number", _set_first("name", 5), "exchange_invalid"),
    ("sections not a list", _set_first("sections", {"a": 1}), "exchange_invalid"),
]


def _template_draft(name: str = "巡检表", text: str = "检查阀门", **item: Any) -> TemplateDraft:
    return TemplateDraft(name, "", (SectionDraft("一、设备", (ItemDraft(text, "", "4.5", **item),)),))


def service_cases() -> list[Any]:
    cases: list[Any] = []

    def case(name: str, call: Callable[[dict[str, Any]], Any], code: str, *, settings: bool = False) -> None:
        cases.append(pytest.param(call, code, settings, id=name))

    def edit(**changes: Any) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            c, h = s["context"], s["hazard"]
            return hazard_service.save_hazard(c.uow(), h.id, h.revision, hazard_input(c, s["person"], **changes))

        return call

    def create(number: str = "", **changes: Any) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            c = s["context"]
            return hazard_service.create_hazard(c.uow(), hazard_input(c, s["person"], **changes), number=number)

        return call

    # hazard editor: every field
    for field, value, code in [
        ("description", "", "description_empty"),
        ("description", "   \n ", "description_empty"),
        ("description", "泄漏" * 1001, "description_too_long"),
        ("description", "泄漏\x00", "text_control_characters"),
        ("description", "\x1b[31m泄漏", "text_control_characters"),
        ("location", "", "location_empty"),
        ("location", "泵区" * 101, "location_too_long"),
        ("location", "泵区\x00", "text_control_characters"),
        ("equipment_tag", "P" * 61, "equipment_tag_too_long"),
        ("equipment_tag", "P-101\x1b", "text_control_characters"),
        ("department_id", None, "department_empty"),
        ("category_code", "", "category_empty"),
        ("category_code", "9.9", "category_unknown"),
        ("subcategory_code", "9.9.9", "subcategory_unknown"),
        ("found_by_id", None, "found_by_empty"),
        ("found_at", datetime(2026, 3, 5, 9, 30), "found_at_naive"),
        ("found_at", datetime.now(UTC) + timedelta(days=3), "found_at_future"),
    ]:
        case(f"edit {field} {code}", edit(**{field: value}), code)
        case(f"new {field} {code}", create(**{field: value}), code)
    for number, code in [
        ("YH-26-1", "number_invalid"),
        ("YH-2026-٠٠٠٢", "number_invalid"),
        ("YH-2026-0002\x00", "number_invalid"),
        ("HZ-2026-0002", "number_invalid"),
        ("YH-2026-0001", "number_duplicate"),
        ("ＹＨ－２０２６－０００１", "number_duplicate"),  # the same number typed with a Chinese input method
        ("YH-2026-9999", "number_skips_ahead"),  # a typo far ahead of the year's next number
        ("YH-2026-0003", "number_skips_ahead"),
        ("YH-2026-00002", "number_invalid"),
        ("YH-2026-0000", "number_invalid"),
        ("YH-2099-0001", "number_year_invalid"),
        ("YH-1999-0001", "number_year_invalid"),
    ]:
        case(f"new number {number!r}", create(number), code)

    def stale(s: dict[str, Any]) -> Any:
        c, h = s["context"], s["hazard"]
        return hazard_service.save_hazard(c.uow(), h.id, h.revision - 1, hazard_input(c, s["person"]))

    case("edit stale copy", stale, "stale_revision")

    # photos
    def attach(name: str, data: bytes) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            c = s["context"]
            return hazard_service.attach_photos(
                c.uow(), s["hazard"].id, [hazard_service.PhotoFile(name, data)], c.images
            )

        return call

    for name, data, code in [
        ("20000x20000.png", png_header(20000, 20000), "photo_too_large"),
        ("12000x12000.png", png_header(12000, 12000), "photo_too_large"),
        ("65535x65535.png", png_header(65535, 65535), "photo_too_large"),
        ("empty.jpg", b"", "photo_not_image"),
        ("notes.txt", "隐患记录".encode(), "photo_not_image"),
        ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "photo_not_image"),
        ("truncated.png", png_header(64, 64)[:30], "photo_not_image"),
        ("jpeg-header.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "photo_not_image"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "photo_not_image"),
        ("huge.jpg", b"\xff" * (hazard_service.MAX_PHOTO_BYTES + 1), "photo_too_large"),
    ]:
        case(f"photo {name}", attach(name, data), code)

    # LEC calculator dialog
    def lec(values: tuple[str, str, str]) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            from hazard_desktop.domain.lec import LecScales

            scales = LecScales(tuple(reference_admin.list_scale_values(s["context"].uow())))
            return calculator.single(scales, reference_admin.list_threshold_sets(s["context"].uow())[0], *values)

        return call

    for values, code in [
        (("٣", "6", "7"), "not_a_number"),
        (("1_0", "6", "7"), "not_a_number"),
        (("1e1", "6", "7"), "not_a_number"),
        (("3", "6", "7" * 40), "number_too_large"),
        (("3\x00", "6", "7"), "not_a_number"),
    ]:
        case(f"calculator {values}", lec(values), code)

    # settings dialog: people, departments, plant, thresholds
    def person(name: str, employee_no: str = "") -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            return reference_admin.save_person(
                s["context"].uow(), None, name, employee_no, s["person"].department_id, ["inspector"]
            )

        return call

    for name, code in [
        ("", "person_name_empty"),
        ("王" * 41, "person_name_too_long"),
        ("王\x00五", "text_control_characters"),
        ("\x1b王五", "text_control_characters"),
    ]:
        case(f"person {name[:5]!r}", person(name), code, settings=True)

    def department(code_: str, name: str) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            return reference_admin.save_department(s["context"].uow(), None, code_, name, "workshop")

        return call

    for code_, name, code in [
        ("NEW", "", "department_name_empty"),
        ("NEW", "车间\x00", "text_control_characters"),
        ("NEW", "车" * 200, "department_name_too_long"),
    ]:
        case(f"department {name[:5]!r}", department(code_, name), code, settings=True)

    def plant(name: str, decimals: object) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            return reference_admin.save_plant_settings(s["context"].uow(), name, decimals)

        return call

    for name, decimals, code in [
        ("化工厂", "٣", "decimals_out_of_range"),
        ("化工厂", "1_0", "decimals_out_of_range"),
        ("化工厂", "9", "decimals_out_of_range"),
        ("化工厂", "-1", "decimals_out_of_range"),
        ("化工厂\x00", "2", "text_control_characters"),
        ("", "2", "plant_name_empty"),
    ]:
        case(f"plant {name!r} {decimals!r}", plant(name, decimals), code, settings=True)

    def thresholds(lower: str) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            current = reference_admin.list_threshold_sets(s["context"].uow())[0]
            bands = list(current.bands)
            bands[1] = replace(bands[1], lower=lower)  # type: ignore[arg-type]
            return reference_admin.new_threshold_set(
                s["context"].uow(), "新阈值", date(2030, 1, 1), current.edge_rule, bands
            )

        return call

    for lower, code in [("٢٠", "not_a_number"), ("2e1", "not_a_number"), ("1" * 30, "number_too_large")]:
        case(f"threshold limit {lower[:5]!r}", thresholds(lower), code, settings=True)

    # inspection template editor
    def template(draft: TemplateDraft) -> Callable[[dict[str, Any]], Any]:
        def call(s: dict[str, Any]) -> Any:
            return inspection_service.create_template(s["context"].uow(), draft)

        return call

    for name, draft, code in [
        ("template name NUL", _template_draft(name="表\x00"), "text_control_characters"),
        ("template item ESC", _template_draft(text="\x1b检查"), "text_control_characters"),
        ("template name empty", _template_draft(name=""), "template_name_empty"),
    ]:
        case(name, template(draft), code)

    # template import
    for name, change, code in TEMPLATE_FILES:
        case(
            f"import {name}",
            lambda s, change=change: template_exchange.import_templates(s["context"].uow(), _exchange(s, change)),
            code,
        )
    return cases


@pytest.mark.parametrize(("call", "code", "settings"), service_cases())
def test_every_dialog_use_case_refuses_with_a_message_and_changes_nothing(call, code, settings, shared, qapp):
    before = snapshot(shared["folder"], skip_shm=True)
    with pytest.raises((DomainError, StorageError)) as info:
        call(shared)
    assert info.value.code == code, info.value
    # the text the dialog shows: the settings dialog's table, the inspections' table, else the program's
    text = ui_messages.error_text(info.value, "settings" if settings else "inspection")
    assert text and code not in text and "unexpected" not in text.lower(), text  # a sentence of its own
    assert snapshot(shared["folder"], skip_shm=True) == before


def test_the_corpus_is_large_enough():
    assert len(cli_cases()) + len(service_cases()) >= 120


def test_every_context_call_kept_the_register_intact(shared):
    context: AppContext = shared["context"]
    stored = hazard_service.get_hazard(context.uow(), shared["hazard"].id)
    assert stored == shared["hazard"]

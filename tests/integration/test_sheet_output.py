"""A print is recorded only once its PDF is safely in place, and the PDF is an ordinary file.

Order of one print: render under a temporary name → flush → rename → flush the folder → commit the
print rows; a failed commit removes the file again. Temporary files a crash left are removed at the
next start.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.unit_of_work import SqlUnitOfWork
from hazard_desktop.app import build_context, close_context
from hazard_desktop.cli import main
from hazard_desktop.services import sheets
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import build_demo
from hazard_desktop.services.output_files import STALE_AFTER_S
from tests.integration.test_sheet_service import REFERENCE


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sheet-output") / "data"
    context = build_context(folder)
    try:
        build_demo(context.uow, context.bulk_writer(), context.images, None, count=40, reference=REFERENCE)
    finally:
        close_context(context)
    return folder


@pytest.fixture
def data_dir(small_demo: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(small_demo, folder)
    return folder


@pytest.fixture
def context(data_dir: Path) -> Iterator[AppContext]:
    ctx = build_context(data_dir)
    yield ctx
    close_context(ctx)


def _prints(data_dir: Path) -> int:
    with sqlite3.connect(paths.database_path(data_dir)) as con:
        count = con.execute("SELECT count(*) FROM sheet_prints").fetchone()[0]
    con.close()
    return int(count)


def _graded_number(data_dir: Path) -> str:
    with sqlite3.connect(paths.database_path(data_dir)) as con:
        number = con.execute("SELECT number FROM hazards WHERE grade != 'ungraded' ORDER BY pk LIMIT 1").fetchone()[0]
    con.close()
    return str(number)


def test_sheet_to_a_folder_fails_and_records_no_print(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "en")  # the sheet itself is Chinese only: --lang en is refused
    folder = tmp_path / "a-folder.pdf"  # a folder with a PDF name
    folder.mkdir()
    before = _prints(data_dir)

    code = main(["sheet", _graded_number(data_dir), "-o", str(folder), "--data-dir", str(data_dir)])

    assert code == 2
    assert "Cannot write the file" in (err := capsys.readouterr().err)
    assert "it is a folder, not a file" in err and "Is a directory" not in err  # the OS's English is not shown
    assert _prints(data_dir) == before
    assert list(folder.iterdir()) == []


def test_a_sheet_into_a_folder_of_the_chinese_ui_says_so_in_chinese(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "zh_CN")
    folder = tmp_path / "a-folder.pdf"
    folder.mkdir()

    assert main(["sheet", _graded_number(data_dir), "-o", str(folder), "--data-dir", str(data_dir)]) == 2

    assert "无法写入文件" in (err := capsys.readouterr().err)
    assert "这是一个文件夹，不是文件" in err and "Is a directory" not in err


def test_a_sheet_into_a_missing_folder_creates_no_folder(context, data_dir, tmp_path, capsys, monkeypatch):
    """`sheet N -o /tmp/nodir/a.pdf` quietly created /tmp/nodir: refused, naming the folder; nothing recorded."""
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "zh_CN")
    missing = tmp_path / "nodir"
    before = _prints(data_dir)

    code = main(["sheet", _graded_number(data_dir), "-o", str(missing / "a.pdf"), "--data-dir", str(data_dir)])

    assert code == 2
    assert f"文件夹 {missing} 不存在" in capsys.readouterr().err
    with pytest.raises(FileNotFoundError):  # the service itself refuses too (the GUI's paths exist already)
        sheets.export_hazard_sheet(context, _graded_number(data_dir), missing / "deeper" / "a.pdf")
    assert not missing.exists()
    assert _prints(data_dir) == before


def test_a_failed_commit_removes_the_file_it_had_put_in_place(context, data_dir, tmp_path, monkeypatch):
    target = tmp_path / "out" / "sheet.pdf"
    target.parent.mkdir()
    before = _prints(data_dir)

    def full(self: SqlUnitOfWork) -> None:
        assert target.exists()  # the file is in place before the print rows are committed …
        raise StorageError("disk_full")

    monkeypatch.setattr(SqlUnitOfWork, "commit", full)

    with pytest.raises(StorageError):
        sheets.export_hazard_sheet(context, _graded_number(data_dir), target)

    assert _prints(data_dir) == before
    assert list(target.parent.iterdir()) == []  # … and gone with every temporary file when the commit failed


def test_the_exported_pdf_has_the_permissions_of_any_new_file(context, data_dir, tmp_path):
    old = os.umask(0o022)
    try:
        path = sheets.export_hazard_sheet(context, _graded_number(data_dir), tmp_path / "sheet.pdf")
    finally:
        os.umask(old)

    assert path.stat().st_mode & 0o777 == 0o644
    assert _prints(data_dir) >= 1
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["sheet.pdf"]


def test_the_previews_save_as_pdf_records_only_a_saved_file(context, data_dir, tmp_path):
    hazard = context.uow
    with hazard() as uow:
        hazard_id = uow.hazards.get_by_number(_graded_number(data_dir)).id  # type: ignore[union-attr]
    prepared = sheets.prepare_document(context.uow(), sheets.SheetRequest.hazard(hazard_id))
    rendered = tmp_path / "preview.pdf"
    sheets.sheet_renderer(context).render(prepared.document, rendered)
    before = _prints(data_dir)
    folder = tmp_path / "a-folder.pdf"  # a folder with a PDF name
    folder.mkdir()

    with pytest.raises(IsADirectoryError):
        sheets.save_prepared_pdf(context.uow(), prepared, rendered, folder, "王")
    assert _prints(data_dir) == before

    records = sheets.save_prepared_pdf(context.uow(), prepared, rendered, tmp_path / "saved.pdf", "王")
    assert len(records) == _prints(data_dir) - before == 1
    assert (tmp_path / "saved.pdf").read_bytes() == rendered.read_bytes()
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*.pdf"))


def test_temporary_pdfs_left_by_a_crash_are_removed_at_the_next_start(data_dir):
    exports = data_dir / "exports"
    exports.mkdir()
    stale = [exports / ".sheet-k2j3h4.pdf", exports / ".隐患分级判定表.0a1b2c3d.part.pdf", data_dir / ".record-x1.pdf"]
    fresh = exports / ".sheet-being-written.pdf"  # another running program's, just now
    kept = exports / "PD-2026-0001.pdf"
    old = time.time() - STALE_AFTER_S - 60
    for path in (*stale, fresh, kept):
        path.write_bytes(b"%PDF-1.4 partial")
    for path in (*stale, kept):
        os.utime(path, (old, old))

    close_context(build_context(data_dir, lazy=True))

    assert [p.exists() for p in stale] == [False, False, False]
    assert fresh.exists() and kept.exists()


@pytest.mark.parametrize("name", ["sheet.txt", "sheet.pdf.txt"])
def test_a_sheet_under_a_name_that_is_not_pdf_is_refused(data_dir, tmp_path, capsys, name):
    """`sheet N -o x.txt` wrote a PDF under a .txt name (and recorded the print)."""
    before = _prints(data_dir)

    code = main(["sheet", _graded_number(data_dir), "-o", str(tmp_path / name), "--data-dir", str(data_dir)])

    assert code == 2
    assert "is not a .pdf file" in capsys.readouterr().err
    assert _prints(data_dir) == before
    assert not (tmp_path / name).exists()


def test_an_existing_sheet_is_kept_unless_overwrite_is_given(data_dir, tmp_path, capsys):
    """Trial t5: a file of the same name was silently replaced. Refused (no print recorded) without --overwrite."""
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"last week's sheet")
    before = _prints(data_dir)
    args = ["sheet", _graded_number(data_dir), "-o", str(target), "--data-dir", str(data_dir)]

    assert main(args) == 2

    assert "--overwrite" in capsys.readouterr().err
    assert target.read_bytes() == b"last week's sheet" and _prints(data_dir) == before
    assert main([*args, "--overwrite"]) == 0
    assert target.read_bytes().startswith(b"%PDF") and _prints(data_dir) == before + 1


def test_a_sheet_named_without_an_extension_is_written_as_pdf(data_dir, tmp_path, capsys):
    assert main(["sheet", _graded_number(data_dir), "-o", str(tmp_path / "sheet"), "--data-dir", str(data_dir)]) == 0

    assert capsys.readouterr().out.strip() == str(tmp_path / "sheet.pdf")
    assert (tmp_path / "sheet.pdf").is_file() and not (tmp_path / "sheet").exists()


def test_a_number_typed_in_lower_case_or_full_width_finds_its_hazard(data_dir, tmp_path, capsys):
    number = _graded_number(data_dir)
    typed = number.lower().replace("-", "－").replace("yh", "ｙｈ")
    before = _prints(data_dir)

    code = main(["sheet", typed, "-o", str(tmp_path / "SHEET.PDF"), "--data-dir", str(data_dir)])

    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "SHEET.PDF").read_bytes().startswith(b"%PDF")
    assert _prints(data_dir) == before + 1

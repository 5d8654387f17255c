"""`hazard-desktop sheet NUMBER -o FILE.pdf --data-dir DIR`: headless grading sheets from a real database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli_inprocess import run  # the command in this process: cli.main(argv), output captured
from tests.shared_build import private_copy


@pytest.fixture(scope="module")
def data_dir(sheet_demo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the run's demo (tests/conftest.py: graded hazards, meetings, ruled disputes); the `demo`
    command itself is tested in test_cli_folders.py."""
    yield private_copy(sheet_demo_folder, tmp_path_factory.mktemp("cli-demo"))


def query(folder: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(folder / "hazard_desktop.db") as conn:
        return conn.execute(sql).fetchall()


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_sheet_of_a_graded_hazard(data_dir: Path, tmp_path: Path) -> None:
    number = query(data_dir, "SELECT number FROM hazards WHERE current_grading_id IS NOT NULL ORDER BY number")[0][0]
    out = tmp_path / "x.pdf"
    result = run("sheet", number, "-o", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == out
    text = pdf_text(out)
    assert number in text and "隐患分级判定表" in text.replace(" ", "")
    assert query(data_dir, "SELECT count(*) FROM sheet_prints")[0][0] >= 1

    again = run("sheet", number, "-o", str(tmp_path / "y.pdf"), "--data-dir", str(data_dir))
    assert again.returncode == 0, again.stderr
    assert "第2次打印" in pdf_text(tmp_path / "y.pdf").replace(" ", "")


def test_meeting_and_dispute_options(data_dir: Path, tmp_path: Path) -> None:
    number, meeting = query(
        data_dir,
        "SELECT h.number, g.meeting_id FROM hazards h JOIN gradings g ON g.id = h.current_grading_id"
        " WHERE g.meeting_id IS NOT NULL ORDER BY h.number",
    )[0]
    (count,) = query(
        data_dir, f"SELECT count(*) FROM gradings WHERE meeting_id = '{meeting}' AND confirmed_at IS NOT NULL"
    )[0]
    out = tmp_path / "meeting.pdf"
    result = run("sheet", number, "--meeting", "-o", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(out).pages) >= count

    ruled = query(
        data_dir, "SELECT h.number FROM disputes d JOIN hazards h ON h.id = d.hazard_id WHERE d.state = 'ruled'"
    )
    assert ruled, "the demo rules disputes"
    out = tmp_path / "dispute.pdf"
    result = run("sheet", ruled[0][0], "--dispute", "-o", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "争议裁决表" in pdf_text(out).replace(" ", "")


def test_unknown_number_exits_non_zero_with_a_translated_message(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = run("sheet", "YH-1999-0001", "-o", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "没有编号为 YH-1999-0001 的隐患" in result.stderr
    assert not out.exists() and result.stdout == ""
    english = run("sheet", "YH-1999-0001", "-o", str(out), "--data-dir", str(data_dir), lang="en")
    assert english.returncode == 2 and "There is no hazard numbered YH-1999-0001" in english.stderr


def test_an_ungraded_hazard_has_no_sheet(data_dir: Path, tmp_path: Path) -> None:
    number = query(data_dir, "SELECT number FROM hazards WHERE current_grading_id IS NULL ORDER BY number")[0][0]
    result = run("sheet", number, "-o", str(tmp_path / "none.pdf"), "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "尚无已确认的分级" in result.stderr


def test_lang_en_is_refused_for_the_chinese_sheet(data_dir: Path, tmp_path: Path) -> None:
    """Issue 11 §2: ``sheet --lang en`` printed the Chinese sheet as if the option had worked."""
    number = query(data_dir, "SELECT number FROM hazards WHERE current_grading_id IS NOT NULL ORDER BY number")[0][0]
    before = query(data_dir, "SELECT count(*) FROM sheet_prints")[0][0]
    out = tmp_path / "en.pdf"
    result = run("sheet", number, "-o", str(out), "--data-dir", str(data_dir), "--lang", "en")
    assert result.returncode != 0 and not out.exists()
    assert "printed in Chinese only" in result.stderr and "中文" in result.stderr
    assert query(data_dir, "SELECT count(*) FROM sheet_prints")[0][0] == before  # nothing recorded
    english_messages = run("sheet", number, "-o", str(out), "--data-dir", str(data_dir), lang="en")
    assert english_messages.returncode == 0 and "隐患分级判定表" in pdf_text(out).replace(" ", "")

"""`hazard-desktop report --quarter/--year/--month … -o FILE`: the statistics reports from the command line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli_inprocess import run  # the command in this process: cli.main(argv), output captured

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("report-demo")
    result = run("demo", "--count", "150", "--no-photos", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    yield folder


def found_in(folder: Path, first: date, last: date) -> tuple[int, int]:
    """(all, major) hazards found in the days first…last, counted in Python over the rows."""
    with sqlite3.connect(folder / "hazard_desktop.db") as conn:
        rows = conn.execute("SELECT found_at, grade FROM hazards").fetchall()
    days = [(datetime.fromisoformat(f).replace(tzinfo=UTC).astimezone().date(), g) for f, g in rows]
    inside = [g for d, g in days if first <= d <= last]
    return len(inside), sum(g == "major" for g in inside)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_year_report_pdf_counts_what_the_register_holds(data_dir: Path, tmp_path: Path) -> None:
    year = date.today().year
    out = tmp_path / "year.pdf"
    result = run(
        "report",
        "--year",
        str(year),
        "-o",
        str(out),
        "--data-dir",
        str(data_dir),
        "--analysis",
        "本年度隐患以设备类为主。",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == str(out)
    assert "核验码" in result.stdout
    text = pdf_text(out)
    squeezed = text.replace(" ", "")
    assert "年度隐患排查治理情况统计分析表" in squeezed
    assert f"{year + 1}-01-31" in text  # due by 31 January
    assert "本年度隐患以设备类为主。" in squeezed
    found, major = found_in(data_dir, date(year, 1, 1), date(year, 12, 31))
    assert f"排查发现隐患总数（项）{found}" in squeezed
    assert f"重大事故隐患（项）{major}" in squeezed


def test_quarter_report_as_xlsx(data_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    today = date.today()
    quarter = (today.month - 1) // 3 + 1
    out = tmp_path / "q.xlsx"
    result = run("report", "--quarter", f"{today.year}Q{quarter}", "-o", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "季度隐患排查治理情况统计分析表" in values


@pytest.mark.parametrize(
    ("args", "code_text"),
    [
        (["--quarter", "2026Q5"], "不是有效的统计期间"),
        (["--year", "2026Q4"], "不是有效的统计期间"),
        (["--month", "2026-13"], "不是有效的统计期间"),
    ],
)
def test_a_bad_period_is_refused_and_writes_nothing(data_dir: Path, tmp_path: Path, args, code_text) -> None:
    out = tmp_path / "r.pdf"
    result = run("report", *args, "-o", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert code_text in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_bad_output_is_refused_and_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    result = run("report", "--year", "2026", "-o", str(tmp_path / "r.docx"), "--data-dir", str(data_dir))
    assert result.returncode == 2 and ".docx" in result.stderr
    result = run(
        "report", "--year", "2026", "-o", str(tmp_path / "no" / "r.pdf"), "--data-dir", str(data_dir), lang="en"
    )
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []

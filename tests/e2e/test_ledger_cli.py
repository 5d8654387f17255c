"""`hazard-desktop import-ledger FILE [--dry-run]`: the preview printed, one import, the same file again: no change."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests import ledger_workbooks as books
from tests.cli_inprocess import run  # the command in this process: cli.main(argv), output captured


def digest(folder: Path) -> str:
    with sqlite3.connect(folder / "hazard_desktop.db") as connection:
        rows = connection.execute("SELECT number, description FROM hazards ORDER BY pk").fetchall()
        rows += connection.execute("SELECT row_key, hazard_id FROM ledger_import_rows ORDER BY row_key").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ledger-cli")
    result = run("demo", "--count", "5", "--no-photos", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def test_dry_run_prints_every_row_and_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    ledger = books.standard_ledger(tmp_path)
    before = digest(data_dir)
    result = run("import-ledger", str(ledger), "--dry-run", "--category", "4.5", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 13  # 12 data rows and the summary
    assert "第 13 行  拒绝  AH-2025-007" in lines[6] and "日期无法识别：三月初" in lines[6]
    assert "新增 8 行" in lines[-1] and "--dry-run" in lines[-1]
    assert digest(data_dir) == before


def test_without_category_rows_lacking_one_are_refused(data_dir: Path, tmp_path: Path) -> None:
    ledger = books.standard_ledger(tmp_path)  # no category column
    before = digest(data_dir)
    result = run("import-ledger", str(ledger), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 13
    assert all("拒绝" in line and "缺少类别" in line and "--category" in line for line in lines[:12])
    assert lines[-1].startswith("没有新的行") and "12 行有问题" in lines[-1]
    assert digest(data_dir) == before


def test_import_then_again_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    ledger = books.other_ledger(tmp_path)
    first = run("import-ledger", str(ledger), "--category", "4.5", "--data-dir", str(data_dir), "--lang", "en")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1].startswith("Imported 4 rows")
    after = digest(data_dir)
    again = run("import-ledger", str(ledger), "--category", "4.5", "--data-dir", str(data_dir), "--lang", "en")
    assert again.returncode == 0 and again.stdout.splitlines()[-1].startswith("Nothing new")
    assert digest(data_dir) == after


def test_a_password_protected_file_is_refused_in_words(data_dir: Path, tmp_path: Path) -> None:
    before = digest(data_dir)
    result = run("import-ledger", str(books.password_protected(tmp_path)), "--data-dir", str(data_dir))
    assert result.returncode == 2 and "密码" in result.stderr and "Traceback" not in result.stderr
    assert digest(data_dir) == before

"""``python -m hazard_desktop --smoke`` from source, as a subprocess: the same self-test the built program runs."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = pytest.mark.slow


def _dist_check():
    """installer/dist_check.py (not a package): its stderr whitelist is the one both checks use."""
    spec = importlib.util.spec_from_file_location("dist_check", ROOT / "installer" / "dist_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dist_check = _dist_check()


def smoke(tmp_path: Path, data_dir: Path) -> tuple[subprocess.CompletedProcess[str], dict | None]:
    env = dist_check.clean_env(tmp_path / "home")
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "hazard_desktop", "--smoke", "--data-dir", str(data_dir)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    report = json.loads(lines[-1]) if proc.returncode == 0 and lines else None
    return proc, report


def revision(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_smoke_on_a_new_data_folder(tmp_path):
    data = tmp_path / "data"
    proc, report = smoke(tmp_path, data)
    assert proc.returncode == 0, proc.stderr
    assert dist_check.unexpected_stderr(proc.stderr) == []
    assert report is not None and report["ok"] is True and report["frozen"] is False
    assert report["database"]["revision"] == report["resources"]["head"]
    assert report["database"]["backup"] is None
    assert report["main_window"]["class"] == "MainWindow"
    pdf = Path(report["sheet"]["path"])
    assert pdf.parent.parent == data.resolve()
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 5000
    assert report["sheet"]["pages"] >= 1
    assert (data / "hazard_desktop.db").is_file()
    assert not (tmp_path / "home" / ".local" / "share" / "hazard_desktop").exists()


def test_smoke_upgrades_the_oldest_fixture_after_a_backup(tmp_path):
    oldest = sorted(FIXTURES.glob("db_rev*.db"))[0]
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(oldest, data / "hazard_desktop.db")
    old = revision(data / "hazard_desktop.db")
    proc, report = smoke(tmp_path, data)
    assert proc.returncode == 0, proc.stderr
    assert dist_check.unexpected_stderr(proc.stderr) == []
    head = report["resources"]["head"]
    assert revision(data / "hazard_desktop.db") == head
    if old != head:
        backups = list((data / "backups").glob("*.db"))
        assert len(backups) == 1 and revision(backups[0]) == old
        assert report["database"]["backup"] == str(backups[0])


def test_smoke_prints_a_stored_grading_read_only(tmp_path):
    """With gradings in the database the sheet comes from the sheet service, and no print is recorded."""
    newest = sorted(FIXTURES.glob("db_rev*.db"))[-1]
    con = sqlite3.connect(newest)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert "grading_meetings" in tables, f"{newest.name} has no gradings"
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(newest, data / "hazard_desktop.db")
    prints_before = dist_check.count_rows(data / "hazard_desktop.db", "sheet_prints")
    proc, report = smoke(tmp_path, data)
    assert proc.returncode == 0, proc.stderr
    assert dist_check.unexpected_stderr(proc.stderr) == []
    assert report["sheet"]["source"].startswith("service:")
    assert dist_check.count_rows(data / "hazard_desktop.db", "sheet_prints") == prints_before


def test_smoke_refuses_a_database_of_a_newer_build_and_leaves_it_alone(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(sorted(FIXTURES.glob("db_rev*.db"))[0], data / "hazard_desktop.db")
    con = sqlite3.connect(data / "hazard_desktop.db")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = (data / "hazard_desktop.db").read_bytes()
    proc, _ = smoke(tmp_path, data)
    assert proc.returncode == 2
    assert "db_newer" in proc.stderr
    assert (data / "hazard_desktop.db").read_bytes() == before
    assert not (data / "backups").exists()


def test_the_stderr_whitelist_lets_only_known_lines_through():
    assert dist_check.unexpected_stderr("This plugin does not support propagateSizeHints()\n\n") == []
    assert dist_check.unexpected_stderr("QFont::fromString: Invalid description\n") == [
        "QFont::fromString: Invalid description"
    ]


@pytest.mark.skipif(os.name == "nt", reason="POSIX paths")
def test_version_info_and_inno_defines_come_from_the_single_version_source(tmp_path):
    from hazard_desktop import __version__

    spec = importlib.util.spec_from_file_location("gen_version_info", ROOT / "installer" / "gen_version_info.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    info, iss = gen.write_all(tmp_path)
    assert f'#define AppVersion "{__version__}"' in iss.read_text(encoding="utf-8")
    text = info.read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"filevers={gen.numeric(__version__)}" in text
    assert gen.numeric("1.2.3rc1") == (1, 2, 3, 0) and gen.numeric("2.0") == (2, 0, 0, 0)

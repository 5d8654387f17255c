"""Data folders whose names hold URI syntax: ``#``, ``%``, ``?``, spaces, Chinese (legal in Windows user names).

Before the path was percent-quoted, ``file:{path}?mode=ro`` with a ``#`` opened a truncated path read-write
(a stray empty file, the old revision unseen, so no backup before migrating) and ``%41`` made the program
refuse the database; ``sqlite:///{path}`` cut the path at ``?`` and decoded ``%41`` too.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from hazard_desktop.adapters.db import make_engine
from hazard_desktop.adapters.schema import current_revision, head_revision, known_revisions, open_database
from hazard_desktop.adapters.start_reads import read_only_uri

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# "?" is not allowed in Windows file names (the other characters are); the tests also run on Windows.
QUERY = [] if sys.platform == "win32" else ["q?x=1"]
NAMES = ["a#b", "p%41q", *QUERY, "with space", "张三的数据", "安全科 #2 100%"]


def _files_beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir())


@pytest.mark.parametrize("name", NAMES)
def test_an_old_database_in_such_a_folder_is_backed_up_and_migrated_in_place(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "hazard_desktop.db"
    shutil.copy2(FIXTURES / "db_rev0001.db", path)
    assert current_revision(path) == "0001"
    opened = open_database(path, folder / "backups")
    opened.engine.dispose()
    assert opened.migrated_from == "0001"
    assert opened.backup is not None and opened.backup.parent == folder / "backups"
    assert current_revision(opened.backup) == "0001"
    assert current_revision(path) == head_revision()
    assert _files_beside(folder) == [name], "a stray file next to the data folder"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("hazard_desktop.db-")) == [
        "backups",
        "hazard_desktop.db",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_a_new_database_is_created_exactly_there(tmp_path, name):
    folder = tmp_path / name
    path = folder / "hazard_desktop.db"
    open_database(path, folder / "backups").engine.dispose()
    assert path.is_file()
    assert current_revision(path) == head_revision()
    assert _files_beside(folder) == [name]


@pytest.mark.parametrize("name", NAMES)
def test_the_read_only_uri_never_writes(tmp_path, name):
    path = tmp_path / name / "missing.db"
    path.parent.mkdir()
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(read_only_uri(path), uri=True).execute("SELECT 1")
    assert list(path.parent.iterdir()) == [] and _files_beside(path.parent) == [name]


def test_the_engine_opens_the_exact_file(tmp_path):
    name = "x%41#y z" if sys.platform == "win32" else "q?x=1 %41#"
    path = tmp_path / name / "h.db"
    path.parent.mkdir()
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x)")
    finally:
        engine.dispose()
    assert path.is_file() and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_dist_check_reads_such_databases_too(tmp_path):
    spec = importlib.util.spec_from_file_location("dist_check", ROOT / "installer" / "dist_check.py")
    assert spec is not None and spec.loader is not None
    dist_check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dist_check)
    path = tmp_path / "a#b %41" / "h.db"
    path.parent.mkdir()
    shutil.copy2(FIXTURES / "db_rev0001.db", path)
    assert dist_check.revision_of(path) == known_revisions()[0]
    assert dist_check.count_hazards(path) >= 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a#b %41"]

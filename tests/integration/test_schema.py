"""Opening databases: creation, refusal of newer files, backups and migrations."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hazard_desktop.adapters import schema, search_index
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.schema import current_revision, head_revision, known_revisions, open_database
from hazard_desktop.domain.search import TOKENIZER
from tests.factories import index_contents, stored_tokens

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_new_file_is_created_at_head_with_wal_and_foreign_keys(tmp_path):
    opened = open_database(tmp_path / "h.db", tmp_path / "backups")
    try:
        assert current_revision(tmp_path / "h.db") == head_revision()
        assert opened.backup is None
        with opened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: durable commits
    finally:
        opened.engine.dispose()
    assert not (tmp_path / "backups").exists()


def test_database_of_a_newer_build_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "h.db"
    open_database(path, tmp_path / "b").engine.dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as info:
        open_database(path, tmp_path / "b")
    assert info.value.code == "db_newer"
    assert info.value.params["revision"] == "9999"
    assert path.read_bytes() == before
    assert not (tmp_path / "b").exists()


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "h.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError) as info:
        open_database(path, tmp_path / "b")
    assert info.value.code == "db_unreadable"
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(StorageError) as info:
        open_database(path, tmp_path / "b")
    assert info.value.code == "db_unreadable"


def fixture_databases() -> list[Path]:
    return sorted(FIXTURES.glob("db_rev*.db"))


def test_there_is_a_fixture_for_every_earlier_revision():
    revisions = {p.stem.removeprefix("db_rev") for p in fixture_databases()}
    assert set(known_revisions()[:-1]) <= revisions


@pytest.mark.parametrize("fixture", fixture_databases(), ids=lambda p: p.stem)
def test_upgrade_from_each_earlier_revision_keeps_data_and_makes_a_backup(tmp_path, fixture):
    path = tmp_path / "hazard_desktop.db"
    shutil.copy(fixture, path)
    old_revision = current_revision(path)
    con = sqlite3.connect(path)
    hazards_before = con.execute("SELECT id, number, description, found_at FROM hazards ORDER BY number").fetchall()
    photos_before = con.execute("SELECT id, original_sha256 FROM hazard_photos ORDER BY id").fetchall()
    people_before = con.execute("SELECT id, name FROM people ORDER BY id").fetchall()
    con.close()
    assert hazards_before and photos_before

    opened = open_database(path, tmp_path / "backups")
    opened.engine.dispose()

    assert current_revision(path) == head_revision()
    if old_revision == head_revision():
        assert opened.backup is None
        return
    assert opened.backup is not None and opened.backup.exists()
    assert current_revision(opened.backup) == old_revision
    con = sqlite3.connect(path)
    try:
        hazards_after = con.execute("SELECT id, number, description, found_at FROM hazards ORDER BY number").fetchall()
        assert hazards_after == hazards_before
        assert con.execute("SELECT id, original_sha256 FROM hazard_photos ORDER BY id").fetchall() == photos_before
        assert con.execute("SELECT id, name FROM people ORDER BY id").fetchall() == people_before
        by_index = con.execute("SELECT count(*) FROM hazard_fts WHERE hazard_fts MATCH '\"未按\"'").fetchone()[0]
        by_scan = con.execute("SELECT count(*) FROM hazards WHERE description LIKE '%未按%'").fetchone()[0]
        assert by_index >= by_scan > 0
        # the index was written again (contentless, 0004): exactly the tokens of every stored hazard
        assert index_contents(con) == stored_tokens(con) and len(stored_tokens(con)) == len(hazards_before)
        assert search_index.stored_tokenizer(con) == TOKENIZER
    finally:
        con.close()


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    """DDL runs inside the transaction, so a migration that fails halfway leaves no trace."""
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    for extra in (migrations / "versions").glob("*.py"):
        if extra.name[:4].isdigit() and extra.name[:4] != "0001":
            extra.unlink()
    (migrations / "versions" / "0002_broken.py").write_text(
        'revision = "0002"\ndown_revision = "0001"\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        "def upgrade():\n"
        '    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))\n'
        '    raise RuntimeError("disk exploded")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    path = tmp_path / "h.db"
    open_database(path, tmp_path / "b", target="0001").engine.dispose()

    with pytest.raises(StorageError) as info:
        open_database(path, tmp_path / "b")

    assert info.value.code == "migration_failed"
    assert current_revision(path) == "0001"
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert "half_done" not in tables
    assert len(list((tmp_path / "b").glob("*.db"))) == 1

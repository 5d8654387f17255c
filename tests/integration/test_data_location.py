"""Opening a register in an unsafe place is refused before anything is written; the roaming register moves once."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hazard_desktop.adapters import register_move
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.schema import current_revision, head_revision, open_database
from hazard_desktop.app import build_context, close_context

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_database_in_a_onedrive_folder_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    onedrive = tmp_path / "OneDrive - 化工厂"
    (onedrive / "Documents").mkdir(parents=True)
    monkeypatch.setenv("OneDriveCommercial", str(onedrive))
    with pytest.raises(StorageError) as info:
        open_database(onedrive / "Documents" / "hazard_desktop.db", onedrive / "Documents" / "backups")
    assert info.value.code == "db_synced"
    assert info.value.params["root"] == str(onedrive)
    assert list((onedrive / "Documents").iterdir()) == []


def test_an_existing_register_there_is_refused_on_the_lazy_start_too(tmp_path, monkeypatch):
    made = tmp_path / "made"
    close_context(build_context(made))  # created and seeded: the next start may take the lazy path
    folder = tmp_path / "OneDrive" / "hazard"
    folder.parent.mkdir()
    made.rename(folder)  # the user moved the data folder into OneDrive afterwards
    before = (folder / "hazard_desktop.db").read_bytes()
    with pytest.raises(StorageError) as info:
        build_context(folder, lazy=True)
    assert info.value.code == "db_synced"
    assert (folder / "hazard_desktop.db").read_bytes() == before


def _register_with_wal(folder: Path) -> int:
    """A copy of the oldest fixture with a commit still in its WAL (as a crashed or running program leaves it)."""
    folder.mkdir(parents=True)
    shutil.copy2(FIXTURES / "db_rev0001.db", folder / "hazard_desktop.db")
    con = sqlite3.connect(folder / "hazard_desktop.db")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE moved_marker (x)")
    con.execute("INSERT INTO moved_marker VALUES ('在 WAL 中')")
    con.commit()
    count = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    # Leave the WAL behind: copy the three files while the connection is still open.
    snapshot = folder.parent / "snapshot"
    snapshot.mkdir()
    for name in ("hazard_desktop.db", "hazard_desktop.db-wal", "hazard_desktop.db-shm"):
        shutil.copy2(folder / name, snapshot / name)
    con.close()
    for name in ("hazard_desktop.db", "hazard_desktop.db-wal", "hazard_desktop.db-shm"):
        shutil.copy2(snapshot / name, folder / name)
    shutil.rmtree(snapshot)
    return count


def test_the_roaming_register_moves_with_its_wal_backups_and_layout(tmp_path):
    roaming, local = tmp_path / "Roaming" / "hazard_desktop", tmp_path / "Local" / "hazard_desktop"
    tables = _register_with_wal(roaming)
    assert (roaming / "hazard_desktop.db-wal").stat().st_size > 0
    (roaming / "backups").mkdir()
    (roaming / "backups" / "hazard_desktop-old-rev0001.db").write_bytes(b"old backup")
    (roaming / "ui-state.ini").write_text("[w]\n", encoding="utf-8")
    target = register_move.move_roaming_register(roaming, local, now=datetime(2026, 12, 7, 1, 2, 3, tzinfo=UTC))
    assert target == local / "hazard_desktop.db"
    con = sqlite3.connect(target)
    assert con.execute("SELECT x FROM moved_marker").fetchall() == [("在 WAL 中",)]
    assert con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == tables
    con.close()
    assert current_revision(target) == "0001"  # moved, not migrated: the normal start backs up and migrates
    assert (local / "backups" / "hazard_desktop-old-rev0001.db").read_bytes() == b"old backup"
    assert (local / "ui-state.ini").is_file()
    original = roaming / "hazard_desktop-moved-20261207-010203.db"
    con = sqlite3.connect(original)  # the original is kept, its WAL beside it under the new name
    assert con.execute("SELECT x FROM moved_marker").fetchall() == [("在 WAL 中",)]
    con.close()
    assert not (roaming / "hazard_desktop.db").exists()
    assert not list(local.glob(".*moving*"))
    # The moved register opens like any older one: backed up, migrated.
    opened = open_database(target, local / "backups")
    opened.engine.dispose()
    assert opened.migrated_from == "0001" and current_revision(target) == head_revision()


def test_nothing_to_move(tmp_path):
    roaming, local = tmp_path / "R", tmp_path / "L"
    assert register_move.move_roaming_register(roaming, local) is None
    _register_with_wal(roaming)
    local.mkdir()
    (local / "hazard_desktop.db").write_bytes(b"")  # the local folder already has a register: never overwritten
    assert register_move.move_roaming_register(roaming, local) is None
    assert (roaming / "hazard_desktop.db").exists() and (local / "hazard_desktop.db").read_bytes() == b""


def test_a_failed_copy_changes_nothing(tmp_path, monkeypatch):
    roaming, local = tmp_path / "R", tmp_path / "L"
    _register_with_wal(roaming)
    before = {p.name: p.read_bytes() for p in roaming.iterdir()}

    def broken(source, target):
        Path(target).write_bytes(b"half")
        raise sqlite3.DatabaseError("disk I/O error")

    monkeypatch.setattr(register_move, "_copy_verified", broken)
    with pytest.raises(StorageError) as info:
        register_move.move_roaming_register(roaming, local)
    assert info.value.code == "data_move_failed"
    assert {p.name: p.read_bytes() for p in roaming.iterdir()} == before
    assert not (local / "hazard_desktop.db").exists() and list(local.iterdir()) == []

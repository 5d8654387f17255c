"""Backup files and restores on the real storage: consistency under a writer, refusals, a killed restore."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters import backup_archive as archive
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.schema import current_revision, head_revision
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.services.backups import BackupCancelled
from tests.factories import seeded_folder

pytestmark = pytest.mark.storage

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CHILD = Path(__file__).resolve().parent / "restore_kill_child.py"


def _folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its hash: a refused action must leave this as it was."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _marker(db: Path) -> str | None:
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT value FROM settings WHERE key = 'test.marker'").fetchone()
    finally:
        con.close()
    return None if row is None else str(row[0])


def _set_marker(db: Path, value: str) -> None:
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO settings (id, created_at, updated_at, key, value) VALUES (lower(hex(randomblob(18))), "
        "'2026-01-01', '2026-01-01', 'test.marker', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (value,),
    )
    con.commit()
    con.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return seeded_folder(tmp_path / "data")


@pytest.fixture
def backup(data_dir: Path, tmp_path: Path) -> Path:
    _set_marker(paths.database_path(data_dir), "in the backup")
    summary = archive.create_backup(paths.database_path(data_dir), tmp_path / "out")
    assert summary.path is not None
    _set_marker(paths.database_path(data_dir), "after the backup")
    return summary.path


# ------------------------------------------------------------------ making a backup


def test_a_backup_taken_while_a_writer_commits_restores_to_a_consistent_register(
    data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """The writer commits transactions of three rows (a pair and a counter) all through the backup;
    the restored register holds whole transactions only, and exactly those before the snapshot."""
    db = paths.database_path(data_dir)
    monkeypatch.setattr(archive, "_PAGES_PER_STEP", 8)  # many steps: the writer commits between them
    stop = threading.Event()
    commits = threading.Semaphore(0)
    failures: list[BaseException] = []

    def writer() -> None:
        con = sqlite3.connect(db, timeout=10, isolation_level=None)
        try:
            n = 0
            while not stop.is_set():
                n += 1
                con.execute("BEGIN IMMEDIATE")
                for key in (f"w.{n}.a", f"w.{n}.b", "w.count"):
                    con.execute(
                        "INSERT INTO settings (id, created_at, updated_at, key, value) VALUES "
                        "(lower(hex(randomblob(18))), '2026-01-01', '2026-01-01', ?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, str(n)),
                    )
                con.execute("COMMIT")
                commits.release()
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)
            commits.release()
        finally:
            con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    for _ in range(3):
        assert commits.acquire(timeout=30)  # the writer is running before the backup starts
    overlapped = []

    def progress(done: int, total: int) -> None:
        if not overlapped:  # inside the snapshot: let the writer commit more meanwhile
            overlapped.extend(commits.acquire(timeout=30) for _ in range(5))

    try:
        summary = archive.create_backup(db, tmp_path / "out", progress=progress)
    finally:
        stop.set()
        thread.join()
    assert not failures
    assert overlapped == [True] * 5
    con = sqlite3.connect(db)
    written = int(con.execute("SELECT value FROM settings WHERE key = 'w.count'").fetchone()[0])
    con.close()

    assert summary.path is not None
    archive.restore_backup(summary.path, db, paths.backup_dir(data_dir))
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = int(con.execute("SELECT value FROM settings WHERE key = 'w.count'").fetchone()[0])
        pairs = con.execute("SELECT key FROM settings WHERE key LIKE 'w.%.%'").fetchall()
    finally:
        con.close()
    assert 3 <= count < written  # the snapshot's moment: later commits are not in it
    assert sorted(k for (k,) in pairs) == sorted(f"w.{n}.{s}" for n in range(1, count + 1) for s in "ab")
    context = build_context(data_dir)  # the restored register opens as usual
    close_context(context)


def test_the_manifest_names_revision_counts_and_every_hash(data_dir: Path, backup: Path) -> None:
    with zipfile.ZipFile(backup) as zf:
        manifest = json.loads(zf.read(archive.MANIFEST))
        data = zf.read(archive.DATABASE_ENTRY)
    assert manifest["format"] == archive.FORMAT
    assert manifest["revision"] == head_revision()
    assert manifest["entries"][archive.DATABASE_ENTRY]["sha256"] == hashlib.sha256(data).hexdigest()
    assert set(manifest["counts"]) >= {"hazards", "hazard_photos", "inspections"}
    assert isinstance(manifest["photos"], dict)


def test_a_cancelled_or_failed_backup_leaves_nothing(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    with pytest.raises(BackupCancelled):
        archive.create_backup(paths.database_path(data_dir), folder, cancelled=lambda: True)
    assert list(folder.iterdir()) == []
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as refused:
        archive.create_backup(paths.database_path(data_dir), blocker / "sub")
    assert refused.value.code == "backup_write_failed"


def test_photos_are_in_the_backup_and_checked(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / paths.DATABASE_NAME).write_bytes((FIXTURES / "db_rev0006.db").read_bytes())
    summary = archive.create_backup(folder / paths.DATABASE_NAME, tmp_path / "out")
    assert summary.counts["hazard_photos"] > 0
    assert summary.path is not None
    with zipfile.ZipFile(summary.path) as zf:
        photos = json.loads(zf.read(archive.MANIFEST))["photos"]
    assert len([k for k in photos if k.startswith("hazard/")]) == 2 * summary.counts["hazard_photos"]
    first = sorted(photos)[0]
    altered = _manifest_changed(lambda m: m["photos"].update({first: "0" * 64}))(summary.path, tmp_path / "bad.zip")
    with pytest.raises(StorageError) as refused:
        archive.restore_backup(altered, folder / paths.DATABASE_NAME, folder / "backups")
    assert refused.value.code == "backup_damaged" and "photos" in refused.value.params["detail"]
    archive.restore_backup(summary.path, folder / paths.DATABASE_NAME, folder / "backups")  # the true one passes


# ------------------------------------------------------------------ refusals


def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of the backup with its entries changed by ``change(name, bytes) -> bytes``."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for name in zin.namelist():
            zout.writestr(name, change(name, zin.read(name)))
    return target


def _flip_byte(name: str, data: bytes) -> bytes:
    if name != archive.DATABASE_ENTRY:
        return data
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def _truncate(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    return target


def _foreign_zip(_source: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("readme.txt", "holiday photos")
    return target


def _text_file(_source: Path, target: Path) -> Path:
    target.write_text("not a zip at all")
    return target


def _other_format(source: Path, target: Path) -> Path:
    def change(name: str, data: bytes) -> bytes:
        if name != archive.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["format"] = "someone-else"
        return json.dumps(manifest).encode()

    return _rewrite(source, target, change)


def _manifest_changed(change):
    """A backup whose manifest was edited (a count, a photo's hash) while the database stayed as it was."""

    def make(source: Path, target: Path) -> Path:
        def edit(name: str, data: bytes) -> bytes:
            if name != archive.MANIFEST:
                return data
            manifest = json.loads(data)
            change(manifest)
            return json.dumps(manifest).encode()

        return _rewrite(source, target, edit)

    return make


def _fewer_hazards(manifest: dict) -> None:
    manifest["counts"]["hazards"] += 1


def _other_photo(manifest: dict) -> None:
    manifest["photos"]["hazard/00000000-0000-0000-0000-000000000000/display"] = "0" * 64


def _newer(source: Path, target: Path) -> Path:
    """A backup whose database (and manifest, hashes and all) says revision 9999: a newer program's."""
    work = target.with_suffix(".db")
    with zipfile.ZipFile(source) as zf:
        work.write_bytes(zf.read(archive.DATABASE_ENTRY))
        manifest = json.loads(zf.read(archive.MANIFEST))
    con = sqlite3.connect(work)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    data = work.read_bytes()
    manifest["revision"] = "9999"
    manifest["entries"][archive.DATABASE_ENTRY] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr(archive.DATABASE_ENTRY, data)
        zf.writestr(archive.MANIFEST, json.dumps(manifest))
    return target


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda s, t: _rewrite(s, t, _flip_byte), "backup_damaged"),
        (_truncate, "backup_damaged"),
        (_foreign_zip, "backup_foreign"),
        (_text_file, "backup_foreign"),
        (_other_format, "backup_foreign"),
        (_newer, "backup_newer"),
        (_manifest_changed(_fewer_hazards), "backup_damaged"),
        (_manifest_changed(_other_photo), "backup_damaged"),
    ],
    ids=["tampered", "truncated", "foreign-zip", "text-file", "other-format", "newer", "counts", "photo-hash"],
)
def test_a_bad_backup_is_refused_and_nothing_changes(data_dir: Path, backup: Path, tmp_path: Path, make, code) -> None:
    bad = make(backup, tmp_path / "bad.zip")
    before = _folder_state(data_dir)
    with pytest.raises((StorageError, DomainError)) as refused:
        archive.restore_backup(bad, paths.database_path(data_dir), paths.backup_dir(data_dir))
    assert refused.value.code == code
    assert _folder_state(data_dir) == before
    assert _marker(paths.database_path(data_dir)) == "after the backup"


def test_a_restore_is_refused_while_another_program_has_the_register_open(data_dir: Path, backup: Path) -> None:
    context = build_context(data_dir)  # another window or command holding connections
    try:
        with context.uow() as uow:
            uow.settings.get("plant_name")
        with pytest.raises(StorageError) as refused:
            archive.restore_backup(backup, paths.database_path(data_dir), paths.backup_dir(data_dir))
        assert refused.value.code == "register_in_use"
    finally:
        close_context(context)
    assert _marker(paths.database_path(data_dir)) == "after the backup"
    assert not list(data_dir.glob(".restore-*"))


def test_a_restore_keeps_a_safety_copy_and_puts_the_backup_in_place(data_dir: Path, backup: Path) -> None:
    result = archive.restore_backup(backup, paths.database_path(data_dir), paths.backup_dir(data_dir))
    assert _marker(paths.database_path(data_dir)) == "in the backup"
    assert result.safety_copy is not None and "before-restore" in result.safety_copy.name
    assert _marker(result.safety_copy) == "after the backup"
    assert not list(data_dir.glob(".restore-*"))


def test_an_older_backup_is_restored_and_upgraded_by_the_normal_migration(data_dir: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    old.mkdir()
    (old / paths.DATABASE_NAME).write_bytes((FIXTURES / "db_rev0005.db").read_bytes())
    summary = archive.create_backup(old / paths.DATABASE_NAME, tmp_path / "out")
    assert summary.revision == "0005" and summary.path is not None
    archive.restore_backup(summary.path, paths.database_path(data_dir), paths.backup_dir(data_dir))
    assert current_revision(paths.database_path(data_dir)) == "0005"
    context = build_context(data_dir)
    close_context(context)
    assert current_revision(paths.database_path(data_dir)) == head_revision()


# ------------------------------------------------------------------ a killed restore


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("step", archive.RESTORE_STEPS)
def test_a_restore_killed_at_any_step_leaves_a_usable_register(data_dir: Path, backup: Path, step: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(backup), str(data_dir), step],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()  # blocks until the child is at the step
        assert line == f"at {step}", child.stderr.read() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    expected = "in the backup" if step == "replaced" else "after the backup"
    context = build_context(data_dir)  # opens, checks and uses the register as the next start would
    try:
        with context.uow() as uow:
            assert uow.settings.get("test.marker") == expected
    finally:
        close_context(context)
    con = sqlite3.connect(paths.database_path(data_dir))
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    archive.restore_backup(backup, paths.database_path(data_dir), paths.backup_dir(data_dir))  # and again
    assert _marker(paths.database_path(data_dir)) == "in the backup"
    assert not list(data_dir.glob(".restore-*"))  # the killed one's leftover was cleared


# ------------------------------------------------------------------ automatic backups


def test_automatic_backups_once_a_day_at_start_and_at_exit_after_a_change(data_dir: Path, tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    db = paths.database_path(data_dir)
    folder = paths.backup_dir(data_dir)
    day = datetime(2026, 12, 7, 8, 0).astimezone()
    first = archive.automatic_backup(db, folder, reason="start", now=day)
    assert first is not None and first.exists()
    assert archive.automatic_backup(db, folder, reason="start", now=day + timedelta(hours=2)) is None
    os.utime(db, (first.stat().st_mtime - 10, first.stat().st_mtime - 10))
    assert archive.automatic_backup(db, folder, reason="exit", now=day + timedelta(hours=3)) is None  # unchanged
    _set_marker(db, "changed")
    os.utime(db, (first.stat().st_mtime + 10, first.stat().st_mtime + 10))
    assert archive.automatic_backup(db, folder, reason="exit", now=day + timedelta(hours=4)) is not None
    assert archive.automatic_backup(db, folder, reason="start", now=day + timedelta(days=1)) is not None
    kept = [p.name for p, _t in archive.automatic_backups(folder)]
    assert kept == ["auto-20261208-080000.zip", "auto-20261207-120000.zip"]  # the newest of each day


def test_automatic_backups_are_copied_to_the_second_folder(data_dir: Path, tmp_path: Path) -> None:
    from hazard_desktop.services import backups as service

    context = build_context(data_dir)
    try:
        service.set_second_folder(context.uow(), tmp_path / "usb")
    finally:
        close_context(context)
    made = archive.automatic_backup(paths.database_path(data_dir), paths.backup_dir(data_dir), reason="start")
    assert made is not None
    copy = tmp_path / "usb" / made.name
    assert copy.read_bytes() == made.read_bytes()
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [made.name]


def test_rotation_removes_what_the_rule_does_not_keep(tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 1, 1, 9, 0)
    for offset in range(60):
        (folder / f"auto-{(start + timedelta(days=offset)).strftime('%Y%m%d-%H%M%S')}.zip").write_bytes(b"x")
    (folder / "hazard_desktop-20260101-rev0005.db").write_bytes(b"migration copy")
    removed = archive.rotate(folder)
    left = {p.name for p in folder.iterdir()}
    assert "hazard_desktop-20260101-rev0005.db" in left  # not an automatic backup: never rotated
    assert len(left) - 1 == 60 - len(removed)
    assert "auto-20260301-090000.zip" in left  # the newest


def test_leftovers_of_a_killed_backup_are_removed_once_stale(tmp_path: Path) -> None:
    import time

    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / ".auto-20260101-090000.zip.part"
    fresh = folder / ".auto-20260101-100000.zip.part"
    kept = folder / "auto-20260101-080000.zip"
    for path in (old, fresh, kept):
        path.write_bytes(b"x")
    now = time.time()
    os.utime(old, (now - 3600, now - 3600))
    assert archive.remove_stale_parts(folder, now=now) == [old]  # a fresh one may belong to a running program
    assert fresh.exists() and kept.exists()


def test_automatic_backups_are_read_by_the_time_in_their_names(tmp_path: Path) -> None:
    # The names are parsed without strptime (issue 16: _strptime costs the start); an impossible time is no backup.
    for name in ("auto-20261207-053351.zip", "auto-20261399-120000.zip", "auto-20260230-080000.zip", "auto-x.zip"):
        (tmp_path / name).write_bytes(b"")
    found = archive.automatic_backups(tmp_path)
    assert found == [(tmp_path / "auto-20261207-053351.zip", datetime(2026, 12, 7, 5, 33, 51))]

"""Backup files of a whole register, and putting one back.

A backup is ONE zip file: ``hazard_desktop.db`` (a consistent snapshot taken with SQLite's online
backup API while the program may be writing; every photo is a blob inside it) and ``manifest.json``
(format, time, schema revision, counts, the SHA-256 of every entry and of every photo blob). What else
lies in the data folder is not part of the register: ``exports/`` holds PDFs printed from it (their
print rows are in the database), ``drafts/`` unsaved editor work, ``logs/``, ``backups/`` and the window
state.

Making one (:func:`create_backup`): the snapshot is copied page by page inside one read transaction (so a
writer meanwhile neither restarts nor tears it), checked (``integrity_check``, photo hashes), zipped under
a temporary name, read back and compared with the manifest, flushed and renamed into place. Cancel or
failure removes every temporary file.

Restoring (:func:`restore_backup`): the whole file is checked first (manifest, entry hashes, integrity,
photo hashes, revision not newer than this build) into a temporary copy beside the register; then the
register is taken exclusively (``journal_mode=DELETE`` succeeds only when no other connection has the
database open: another window or command is refused, ``register_in_use``), a safety copy is written
(``schema.backup_database``, the same verified copy a migration makes) and the checked copy is renamed
over the register. A process killed at any point leaves either the old register or the restored one,
never a mixture; an older backup is upgraded by the next open, the normal migration path.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from hazard_desktop.adapters.automatic_backups import (
    AUTO_PREFIX,
    SUFFIX,
    automatic_backup_due,
    automatic_backups,
)
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.schema import (
    READ_TIMEOUT,
    _fsync,
    _reason,
    _remove_with_sidecars,
    backup_database,
    current_revision,
    known_revisions,
)
from hazard_desktop.domain.backups import KeepRule, check_restorable, kept_backups
from hazard_desktop.services.backups import (
    COUNTED,
    SETTING_SECOND_FOLDER,
    BackupCancelled,
    BackupSummary,
    Cancelled,
    Progress,
    RestoreResult,
)

if TYPE_CHECKING:
    from hashlib import _Hash

log = logging.getLogger(__name__)


def _sha256(data: bytes = b"") -> _Hash:
    """``hashlib.sha256``, imported when first needed: hashlib (OpenSSL) costs the window's start ~4 ms."""
    import hashlib

    return hashlib.sha256(data)


FORMAT = "hazard_desktop-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_ENTRY = "hazard_desktop.db"
_PAGES_PER_STEP = 256
_CHUNK = 1 << 20
_MANIFEST_LIMIT = 64 << 20  # a manifest larger than this is not ours: refuse before reading it into memory
#: What a restore reports to a test that kills it at a chosen point (``step``).
RESTORE_STEPS = ("checked", "exclusive", "safety_copy", "replaced")


def _no_progress(_done: int, _total: int) -> None:
    pass


def _not_cancelled() -> bool:
    return False


# ------------------------------------------------------------------ reading a database


def _counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in COUNTED
        if name in tables
    }


def _photo_hashes(connection: sqlite3.Connection) -> dict[str, str]:
    """SHA-256 of every photo's bytes, keyed by table, photo and kind."""
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    hashes: dict[str, str] = {}
    for table, prefix in (("photo_blobs", "hazard"), ("inspection_photo_blobs", "inspection")):
        if table in tables:
            for photo_id, kind, data in connection.execute(f"SELECT photo_id, kind, data FROM {table}"):  # noqa: S608
                hashes[f"{prefix}/{photo_id}/{kind}"] = _sha256(data).hexdigest()
    return hashes


def _revision(connection: sqlite3.Connection) -> str:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        raise sqlite3.DatabaseError("no revision")
    return str(row[0])


def _check_copy(path: Path) -> tuple[str, dict[str, int], dict[str, str]]:
    """Integrity, revision, counts and photo hashes of a database copy nobody else uses.

    Raises:
        sqlite3.DatabaseError: the copy is damaged (the message says how).
    """
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"integrity check: {verdict}")
        return _revision(connection), _counts(connection), _photo_hashes(connection)
    finally:
        connection.close()


def current_summary(db_path: Path) -> BackupSummary:
    """What the register holds now (its revision and counts)."""
    revision = current_revision(db_path) or ""
    counts: dict[str, int] = {}
    if db_path.exists():
        connection = sqlite3.connect(db_path, timeout=READ_TIMEOUT)
        try:
            counts = _counts(connection)
        finally:
            connection.close()
    return BackupSummary(path=None, created_at=datetime.now(UTC), revision=revision, counts=counts, kind="current")


# ------------------------------------------------------------------ making a backup


def _sha256_file(path: Path) -> str:
    digest = _sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _snapshot(db_path: Path, target: Path, progress: Callable[[int, int], None], cancelled: Cancelled) -> None:
    """Copy the database page by page inside one read transaction: a consistent snapshot despite writers."""
    source = sqlite3.connect(db_path, timeout=READ_TIMEOUT, isolation_level=None)
    try:
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
        dest = sqlite3.connect(target)
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                progress(total - remaining, total)
                if cancelled():
                    raise BackupCancelled

            source.backup(dest, pages=_PAGES_PER_STEP, progress=step)
        finally:
            dest.close()
        source.execute("COMMIT")
    finally:
        source.close()


def _remove_quietly(*files: Path) -> None:
    """Remove temporaries (and SQLite's side files); a folder that never existed has none to remove."""
    for path in files:
        with contextlib.suppress(OSError):
            _remove_with_sidecars(path)


def _stamp(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y%m%d-%H%M%S")


def create_backup(
    db_path: Path,
    folder: Path,
    *,
    kind: str = "manual",
    name: str | None = None,
    app_version: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BackupSummary:
    """Write a verified backup of the database at ``db_path`` into ``folder``; return its summary.

    Progress runs 0…1000: the snapshot to 450, its checks to 500, the zip to 900, reading it back to 1000.

    Raises:
        BackupCancelled: nothing was left behind.
        StorageError: ``backup_write_failed`` (params ``path``, ``detail``); nothing was left behind.
    """
    report = progress or _no_progress
    stop = cancelled or _not_cancelled
    created = datetime.now(UTC)
    target = folder / (name or f"hazard-backup-{_stamp(created)}{SUFFIX}")
    partial = folder / f".{target.name}.part"
    snapshot = folder / f".{target.name}.db.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _snapshot(db_path, snapshot, lambda done, total: report(450 * done // max(total, 1), 1000), stop)
        revision, counts, photos = _check_copy(snapshot)
        report(500, 1000)
        if stop():
            raise BackupCancelled
        size = snapshot.stat().st_size
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": created.isoformat(),
            "kind": kind,
            "app_version": app_version,
            "revision": revision,
            "counts": counts,
            "entries": {DATABASE_ENTRY: {"size": size, "sha256": _sha256_file(snapshot)}},
            "photos": photos,
        }
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            with snapshot.open("rb") as source, archive.open(DATABASE_ENTRY, "w", force_zip64=True) as entry:
                written = 0
                for chunk in iter(lambda: source.read(_CHUNK), b""):
                    entry.write(chunk)
                    written += len(chunk)
                    report(500 + 400 * written // max(size, 1), 1000)
                    if stop():
                        raise BackupCancelled
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        _fsync(partial)
        _verify_entries(partial, lambda done: report(900 + 100 * done // max(size, 1), 1000))
        os.replace(partial, target)
        _fsync(folder, folder=True)
    except BackupCancelled:
        _remove_quietly(partial, snapshot)
        raise
    except (OSError, sqlite3.Error, zipfile.BadZipFile, StorageError) as exc:
        _remove_quietly(partial, snapshot)
        log.exception("writing the backup %s failed", target)
        raise StorageError(
            "backup_write_failed", path=str(target), detail=_reason(exc), errno=getattr(exc, "errno", None)
        ) from exc
    _remove_quietly(snapshot)
    report(1000, 1000)
    log.info("backed up %s to %s", db_path, target)
    return _summary(target, manifest)


# ------------------------------------------------------------------ reading a backup


def _summary(path: Path, manifest: Mapping[str, Any]) -> BackupSummary:
    return BackupSummary(
        path=path,
        created_at=datetime.fromisoformat(manifest["created_at"]),
        revision=str(manifest["revision"]),
        counts={str(k): int(v) for k, v in manifest["counts"].items()},
        kind=str(manifest.get("kind", "manual")),
        app_version=str(manifest.get("app_version", "")),
        size=path.stat().st_size,
    )


def _starts_as_zip(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(4) == b"PK\x03\x04"
    except OSError:
        return False


@contextlib.contextmanager
def _open_archive(path: Path) -> Iterator[tuple[zipfile.ZipFile, dict[str, Any]]]:
    """The archive and its manifest; refuses what is not one of our backups.

    Raises:
        StorageError: ``backup_foreign`` (not a backup of this program), ``backup_damaged`` (truncated,
            an unreadable manifest), ``backup_unreadable`` (the file cannot be opened).
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:  # a truncated zip still starts as one; anything else is not a backup
        code = "backup_damaged" if _starts_as_zip(path) else "backup_foreign"
        raise StorageError(code, path=str(path), detail=str(exc)) from exc
    except OSError as exc:
        raise StorageError(
            "backup_unreadable", path=str(path), detail=_reason(exc), errno=getattr(exc, "errno", None)
        ) from exc
    with archive:
        names = set(archive.namelist())
        if MANIFEST not in names:
            raise StorageError("backup_foreign", path=str(path))
        try:
            if archive.getinfo(MANIFEST).file_size > _MANIFEST_LIMIT:
                raise ValueError("manifest too large")
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        except (ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
            raise StorageError("backup_damaged", path=str(path), detail=str(exc)) from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise StorageError("backup_foreign", path=str(path))
        try:
            if int(manifest["format_version"]) > FORMAT_VERSION:
                raise StorageError("backup_format_newer", path=str(path))
            datetime.fromisoformat(manifest["created_at"])
            str(manifest["revision"])
            {str(k): int(v) for k, v in manifest["counts"].items()}
            entries = manifest["entries"]
            if set(entries) != names - {MANIFEST} or DATABASE_ENTRY not in entries:
                raise ValueError("the entries differ from the manifest")
            if not isinstance(manifest["photos"], dict):
                raise ValueError("photos")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StorageError("backup_damaged", path=str(path), detail=str(exc)) from exc
        yield archive, manifest


def read_backup(path: Path) -> BackupSummary:
    """A backup's summary from its manifest (quick: the content is checked when restoring).

    Raises:
        StorageError: ``backup_foreign``, ``backup_damaged``, ``backup_unreadable``, ``backup_format_newer``.
    """
    with _open_archive(path) as (_archive, manifest):
        return _summary(path, manifest)


def _copy_entry(
    archive: zipfile.ZipFile, name: str, out: IO[bytes] | None, on_bytes: Callable[[int], None]
) -> tuple[int, str]:
    digest = _sha256()
    size = 0
    with archive.open(name) as entry:
        for chunk in iter(lambda: entry.read(_CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
            if out is not None:
                out.write(chunk)
            on_bytes(size)
    return size, digest.hexdigest()


def _verify_entries(path: Path, on_bytes: Callable[[int], None]) -> None:
    """Read every entry back and compare its size and hash with the manifest.

    Raises:
        StorageError: ``backup_damaged``.
    """
    with _open_archive(path) as (archive, manifest):
        for name, expected in manifest["entries"].items():
            try:
                size, sha = _copy_entry(archive, name, None, on_bytes)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                raise StorageError("backup_damaged", path=str(path), detail=f"{name}: {exc}") from exc
            if size != expected.get("size") or sha != expected.get("sha256"):
                raise StorageError("backup_damaged", path=str(path), detail=f"{name}: hash differs from the manifest")


def _extract_checked(path: Path, target: Path, report: Callable[[int, int], None], stop: Cancelled) -> BackupSummary:
    """Extract the database to ``target`` and check everything the manifest promises.

    Raises:
        StorageError: ``backup_damaged`` (``target`` removed), ``backup_foreign`` …
        BackupCancelled: ``target`` removed.
    """
    try:
        with _open_archive(path) as (archive, manifest):
            expected = manifest["entries"][DATABASE_ENTRY]
            total = max(int(expected.get("size", 0)), 1)

            def on_bytes(done: int) -> None:
                report(600 * min(done, total) // total, 1000)
                if stop():
                    raise BackupCancelled

            try:
                with target.open("wb") as out:
                    size, sha = _copy_entry(archive, DATABASE_ENTRY, out, on_bytes)
            except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
                raise StorageError("backup_damaged", path=str(path), detail=str(exc)) from exc
            if size != expected.get("size") or sha != expected.get("sha256"):
                raise StorageError(
                    "backup_damaged", path=str(path), detail="the database's hash differs from the manifest"
                )
            try:
                revision, counts, photos = _check_copy(target)
            except sqlite3.Error as exc:
                raise StorageError("backup_damaged", path=str(path), detail=str(exc)) from exc
            report(800, 1000)
            if revision != str(manifest["revision"]) or photos != manifest["photos"]:
                raise StorageError(
                    "backup_damaged", path=str(path), detail="photos or revision differ from the manifest"
                )
            if counts != {str(k): int(v) for k, v in manifest["counts"].items()}:
                raise StorageError("backup_damaged", path=str(path), detail="counts differ from the manifest")
            return _summary(path, manifest)
    except BaseException:
        _remove_with_sidecars(target)
        raise


# ------------------------------------------------------------------ restoring


def _take_exclusive(db_path: Path) -> sqlite3.Connection:
    """A connection holding the register alone: no other program (window, command) has it open.

    Switching a WAL database to rollback journaling needs every other connection closed (it checkpoints
    and removes the ``-wal`` file); then the exclusive locking mode keeps everyone out, readers too, until
    the connection closes (a transaction holding the lock would stop SQLite's backup API copying through it).

    Raises:
        StorageError: ``register_in_use``.
    """
    connection = sqlite3.connect(db_path, timeout=1.0, isolation_level=None)
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")  # the lock stays after COMMIT, readers too are kept out
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")  # a copy through this connection needs it outside a write transaction
    except sqlite3.Error as exc:
        connection.close()
        raise StorageError("register_in_use", path=str(db_path), detail=str(exc)) from exc
    return connection


def restore_backup(
    path: Path,
    db_path: Path,
    safety_dir: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    step: Callable[[str], None] | None = None,
    release: Callable[[], None] | None = None,
) -> RestoreResult:
    """Put the backup at ``path`` in place of the database at ``db_path`` (see the module's text).

    Args:
        safety_dir: where the replaced register is copied first (the data folder's ``backups/``).
        step: told each of :data:`RESTORE_STEPS` as it is reached (tests kill the process there).
        release: called once the backup is checked, before the register is taken: this program closes
            its own connections (the window's context) there.

    Raises:
        DomainError: ``backup_newer``; StorageError: ``backup_foreign``, ``backup_damaged``,
            ``register_in_use``, ``restore_failed``; BackupCancelled. The register is unchanged in every case.
    """
    report = progress or _no_progress
    stop = cancelled or _not_cancelled
    tell = step or (lambda _name: None)
    check_restorable(read_backup(path).revision, known_revisions())
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    incoming = db_path.with_name(f".restore-{stamp}.db.part")
    for stale in db_path.parent.glob(".restore-*.db.part"):  # left by a restore that was killed
        _remove_with_sidecars(stale)
    try:
        summary = _extract_checked(path, incoming, report, stop)
    except OSError as exc:
        raise StorageError(
            "restore_failed", path=str(path), detail=_reason(exc), errno=getattr(exc, "errno", None)
        ) from exc
    tell("checked")
    try:
        if release is not None:
            release()
        safety: Path | None = None
        connection = _take_exclusive(db_path) if db_path.exists() else None
        try:
            tell("exclusive")
            if connection is not None:
                old_revision = _revision(connection)
                safety = backup_database(db_path, safety_dir, old_revision, source=connection, label="before-restore")
                tell("safety_copy")
            report(900, 1000)
            _fsync(incoming)
            if os.name == "nt" and connection is not None:
                connection.close()  # Windows cannot rename over a file that is open
                connection = None
            os.replace(incoming, db_path)
            _fsync(db_path.parent, folder=True)
            tell("replaced")
        finally:
            if connection is not None:
                connection.close()
    except (OSError, sqlite3.Error) as exc:
        _remove_with_sidecars(incoming)
        log.exception("restoring %s failed", path)
        raise StorageError(
            "restore_failed", path=str(path), detail=_reason(exc), errno=getattr(exc, "errno", None)
        ) from exc
    except BaseException:
        _remove_with_sidecars(incoming)
        raise
    report(1000, 1000)
    log.info("restored %s from %s (safety copy %s)", db_path, path, safety)
    return RestoreResult(restored=summary, safety_copy=safety)


# ------------------------------------------------------------------ automatic backups


def rotate(folder: Path, rule: KeepRule | None = None) -> list[Path]:
    """Remove the automatic backups in ``folder`` that rotation does not keep; return those removed."""
    found = automatic_backups(folder)
    keep = set(kept_backups(found, rule or KeepRule()))
    removed = []
    for path, _moment in found:
        if path not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _setting(db_path: Path, key: str) -> str | None:
    try:
        # not read-only: a read-only connection cannot remove the -wal/-shm files it made when it closes
        connection = sqlite3.connect(db_path, timeout=READ_TIMEOUT)
        try:
            row = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None


STALE_AFTER_S = 600


def remove_stale_parts(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove temporaries of backups killed mid-write (``.*.part`` older than ten minutes) from ``folder``."""
    import time

    limit = (time.time() if now is None else now) - STALE_AFTER_S
    removed = []
    for path in folder.glob(".*.part") if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed


def automatic_backup(
    db_path: Path, folder: Path, *, reason: str, now: datetime | None = None, app_version: str = ""
) -> Path | None:
    """The automatic backup at start (first of the day) or at exit (the register changed since the last).

    Written to ``folder`` (the data folder's ``backups/``) and copied to the second folder set in the
    settings, if any; both are rotated. A failure is logged, never raised: the program goes on.

    Args:
        reason: ``start`` or ``exit``.
    """
    moment = (now or datetime.now(UTC)).astimezone()
    if not automatic_backup_due(db_path, folder, reason=reason, today=moment.date()):
        return None
    remove_stale_parts(folder)
    name = f"{AUTO_PREFIX}{moment.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"
    try:
        summary = create_backup(db_path, folder, kind="daily", name=name, app_version=app_version)
    except StorageError:
        return None  # logged by create_backup
    rotate(folder)
    second = _setting(db_path, SETTING_SECOND_FOLDER)
    if second and summary.path is not None:
        copy_backup(summary.path, Path(second))
    return summary.path


def copy_backup(path: Path, folder: Path) -> Path | None:
    """Copy a backup file into ``folder`` (temporary name, checked, renamed) and rotate there; None on failure."""
    target = folder / path.name
    partial = folder / f".{path.name}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("rb") as source, partial.open("wb") as out:
            for chunk in iter(lambda: source.read(_CHUNK), b""):
                out.write(chunk)
        _fsync(partial)
        _verify_entries(partial, lambda _done: None)
        os.replace(partial, target)
        _fsync(folder, folder=True)
    except (OSError, StorageError) as exc:
        partial.unlink(missing_ok=True)
        log.warning("copying the backup to the second folder %s failed: %s", folder, exc)
        return None
    rotate(folder)
    return target


class SqliteBackups:
    """The ``services.backups.Backups`` port over one data folder.

    Args:
        db_path: the register's database file.
        safety_dir: where automatic backups and the safety copies of restores go (``backups/``).
        release: closes this program's own connections before a restore (the window's context).
    """

    def __init__(
        self, db_path: Path, safety_dir: Path, release: Callable[[], None] | None = None, app_version: str = ""
    ) -> None:
        self.db_path = db_path
        self.app_version = app_version
        self.safety_dir = safety_dir
        self.release = release
        self.released = False  # the window's connections were closed for a restore: it must restart

    def create(
        self, folder: Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> BackupSummary:
        return create_backup(self.db_path, folder, progress=progress, cancelled=cancelled, app_version=self.app_version)

    def inspect(self, path: Path) -> BackupSummary:
        return read_backup(path)

    def current(self) -> BackupSummary:
        return current_summary(self.db_path)

    def restore(self, path: Path, *, progress: Progress | None = None) -> RestoreResult:
        check_restorable(read_backup(path).revision, known_revisions())  # refused before anything is closed
        return restore_backup(path, self.db_path, self.safety_dir, progress=progress, release=self._release)

    def _release(self) -> None:
        if self.release is not None:
            self.released = True
            self.release()

    def automatic_folder(self) -> Path:
        return self.safety_dir

    def automatic(self) -> list[BackupSummary]:
        found = []
        for path, _moment in automatic_backups(self.safety_dir):
            with contextlib.suppress(StorageError, OSError):
                found.append(read_backup(path))
        return found

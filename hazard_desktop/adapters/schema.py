"""Open the database file: refuse newer schemas, back up, then migrate with Alembic.

The revision is read with plain sqlite3 so that Alembic (about a second to import) is loaded only
when an upgrade is really due.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.start_reads import read_only_uri

if TYPE_CHECKING:  # SQLAlchemy loads when a database is opened, not when the revision is checked
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
READ_TIMEOUT = 5.0  # seconds to wait for another program's write before the revision counts as locked
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def known_revisions() -> list[str]:
    """Revision ids shipped with this build, oldest first (ids are zero-padded numbers)."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").iterdir())
    return sorted(m.group(1) for m in map(_REVISION_FILE.match, names) if m)


def head_revision() -> str:
    """The newest revision this build knows."""
    return known_revisions()[-1]


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that reads ``path`` and leaves its folder exactly as it was.

    A read-only connection to a WAL database still creates ``-wal`` and ``-shm`` files and cannot
    remove them. Without a ``-wal`` file no program has the database open and nothing is pending,
    so the file alone is the database: it is read as immutable (no side files, works in read-only
    folders). Otherwise the side files exist already and a normal read-only connection is used.
    """
    if Path(f"{path}-wal").exists():
        return sqlite3.connect(read_only_uri(path), uri=True, timeout=READ_TIMEOUT)
    return sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True, timeout=READ_TIMEOUT)


def current_revision(path: Path) -> str | None:
    """The revision stored in the file, or None for a missing file (a new register is created there).

    Raises:
        StorageError: ``db_empty`` (a zero-byte file: not a register; it is never turned into one),
            ``db_unreadable`` (not SQLite, a foreign database without our revision table, or tables
            whose revision row was removed).
    """
    if not path.exists():
        return None
    if path.is_dir():
        raise StorageError("db_unreadable", path=str(path))
    if path.stat().st_size == 0:
        raise StorageError("db_empty", path=str(path))
    try:
        con = read_only_connection(path)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise StorageError("db_unreadable", path=str(path))
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None and tables - {"alembic_version"}:
                raise StorageError("db_unreadable", path=str(path))  # tables without a revision: not ours to guess
            return None if row is None else str(row[0])
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StorageError("db_locked", path=str(path), detail=str(exc)) from exc
        if "unable to open" in str(exc).lower():  # no access to the file, or a read-only folder (WAL needs -shm)
            raise StorageError("db_cannot_open", path=str(path), detail=str(exc)) from exc
        raise StorageError("db_unreadable", path=str(path), detail=str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise StorageError("db_unreadable", path=str(path), detail=str(exc)) from exc


def _fsync(path: Path, *, folder: bool = False) -> None:
    if folder and os.name != "posix":
        return  # Windows has no directory handles to flush; its renames are journalled by NTFS
    fd = os.open(path, os.O_RDONLY if folder else os.O_RDWR)  # Windows flushes only handles open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "disk full"
    return str(exc)


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)


def backup_database(
    path: Path, backup_dir: Path, revision: str, *, source: sqlite3.Connection | None = None, label: str = ""
) -> Path:
    """Copy the database (consistently, WAL included) to ``backup_dir``; return the copy's path.

    The copy is written under a temporary name, flushed to disk and checked (``PRAGMA integrity_check``)
    before it is renamed into place, so a backup that exists is a whole one; a failed copy leaves
    nothing behind.

    Args:
        source: an open connection to ``path`` to copy through (a restore holds the database's exclusive
            lock on it); by default one is opened and closed here.
        label: put into the copy's name (``before-restore``), after the database's name.

    Raises:
        StorageError: ``backup_failed`` (the disk is full, the folder cannot be written…); nothing was
            left behind and the database was not touched.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{path.stem}-{label + '-' if label else ''}{stamp}-rev{revision}.db"
    partial = backup_dir / f".{target.name}.part"
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        connection = source if source is not None else sqlite3.connect(path)
        try:
            dest = sqlite3.connect(partial)
            try:
                connection.backup(dest)
                verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dest.close()
        finally:
            if source is None:
                connection.close()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"the copy failed its integrity check: {verdict}")
        _fsync(partial)
        os.replace(partial, target)
        _fsync(backup_dir, folder=True)
    except (OSError, sqlite3.Error) as exc:
        _remove_with_sidecars(partial)
        log.exception("backing up %s (%s) failed", path, label or "before migrating")
        raise StorageError("backup_failed", path=str(path), detail=_reason(exc)) from exc
    log.info("backed up %s to %s (%s)", path, target, label or "before migrating")
    return target


def _failure_code(exc: BaseException) -> str:
    """``db_locked`` / ``disk_full`` for an upgrade that met a busy or full database, else ``migration_failed``."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in text or "database is busy" in text:
        return "db_locked"
    if "disk is full" in text or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return "disk_full"
    return "migration_failed"


def _upgrade(engine: Engine, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def _index_current(engine: Engine, path: Path) -> None:
    """Rebuild the full-text index if this build's tokens differ from those it was written with."""
    from hazard_desktop.adapters.search_index import ensure_current

    try:
        connection = engine.raw_connection()
        try:
            ensure_current(connection)
        finally:
            connection.close()
    except Exception as exc:
        engine.dispose()
        log.exception("rebuilding the full-text index of %s failed", path)
        raise StorageError(_failure_code(exc), path=str(path), detail=str(exc)) from exc


def check_writable(path: Path) -> None:
    """Refuse before opening what cannot be written: SQLite would leave ``-wal``/``-shm`` files behind.

    Raises:
        StorageError: ``db_readonly`` (the file) or ``db_cannot_open`` (its folder, where WAL needs its files).
    """
    if path.exists() and not os.access(path, os.W_OK):
        raise StorageError("db_readonly", path=str(path))
    folder = path.parent if path.parent.exists() else None
    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError("db_cannot_open", path=str(path))


@dataclass(frozen=True)
class OpenedDatabase:
    """The engine of an opened, up-to-date database and what opening it did."""

    engine: Engine
    path: Path
    migrated_from: str | None
    backup: Path | None


def open_database(path: Path, backup_dir: Path, *, target: str | None = None) -> OpenedDatabase:
    """Open ``path``, creating or migrating it to ``target`` (default: this build's head).

    A database written by a newer build is refused and left untouched. Before any upgrade of an
    existing database the file is copied to ``backup_dir``. A full-text index written with other
    tokens than this build's is rebuilt (``search_index.py``).

    A database on a network share or in a OneDrive folder is refused before anything is written
    (``data_location.py``).

    Raises:
        StorageError: ``db_network``, ``db_synced``, ``db_newer``, ``db_unreadable`` or ``migration_failed``.
    """
    from hazard_desktop.adapters.data_location import check_database_location
    from hazard_desktop.adapters.db import make_engine

    check_database_location(path)
    known = known_revisions()
    goal = target or known[-1]
    current = current_revision(path)
    check_writable(path)
    if current is not None and current not in known:
        raise StorageError("db_newer", path=str(path), revision=current, head=known[-1])
    if current is not None and known.index(current) > known.index(goal):
        raise StorageError("db_newer", path=str(path), revision=current, head=goal)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        raise StorageError("disk_full", path=str(path), detail=str(exc)) from exc
    backup = None
    if current != goal:
        if current is not None:
            backup = backup_database(path, backup_dir, current)
        engine = make_engine(path)
        try:
            _upgrade(engine, goal)
        except Exception as exc:
            engine.dispose()
            log.exception("migration of %s from %s failed", path, current)
            where = {"backup": str(backup)} if backup is not None else {}
            raise StorageError(_failure_code(exc), path=str(path), detail=str(exc), **where) from exc
        log.info("database %s migrated from %s to %s", path, current, goal)
    else:
        engine = make_engine(path)
    _index_current(engine, path)
    return OpenedDatabase(engine=engine, path=path, migrated_from=current, backup=backup)

"""SQLite engine with the pragmas the app relies on (WAL, foreign keys) and write transactions that wait their turn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from hazard_desktop.adapters import audit
from hazard_desktop.adapters.start_reads import apply_pragmas


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin: the module's legacy
    # mode does not put DDL inside transactions, so a failed migration could be half applied.
    dbapi_connection.isolation_level = None
    apply_pragmas(dbapi_connection)


def _audit_ready(connection: Any) -> None:
    """The audit trail's TEMP triggers match the schema (made again when a migration changed it)."""
    raw = connection.connection.dbapi_connection
    version = raw.execute("PRAGMA schema_version").fetchone()[0]
    if connection.info.get("audit_schema") != version:
        audit.install(raw)  # outside the transaction: a rollback cannot take the triggers away
        connection.info["audit_schema"] = raw.execute("PRAGMA schema_version").fetchone()[0]


def _on_begin(connection: Any) -> None:
    # IMMEDIATE: take the write lock when the transaction begins, waiting up to busy_timeout for another
    # process to finish. A plain BEGIN that reads and then writes gets "database is locked" at once, without
    # waiting, when another process wrote meanwhile (SQLite cannot upgrade a stale read snapshot). In WAL
    # mode readers are never blocked by it; the register and the start-up reads use their own connections.
    _audit_ready(connection)
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    audit.begin(connection.connection.dbapi_connection)  # the entry's number, for the triggers' records


def _on_commit(connection: Any) -> None:
    """Append the transaction's audit entries just before COMMIT: in the same transaction, or not at all."""
    who = connection.info.pop("audit_who", None) or audit.who_of(connection.info.pop("audit_uow", None))
    audit.write_pending(connection.connection.dbapi_connection, who)


def _on_rollback(connection: Any) -> None:
    connection.info.pop("audit_who", None)
    connection.info.pop("audit_uow", None)


def _on_error(context: Any) -> None:
    """Read-only files and full disks become the StorageError the user is shown, on every path (flush too)."""
    import sqlite3

    from hazard_desktop.adapters.errors import StorageError

    original = context.original_exception
    if not isinstance(original, sqlite3.OperationalError):
        return
    text = str(original).lower()
    if "readonly" in text or "read-only" in text:
        raise StorageError("db_readonly", detail=str(original)) from original
    if "disk" in text and "full" in text:
        raise StorageError("disk_full", detail=str(original)) from original


def make_engine(path: Path) -> Engine:
    """Create the engine for the database file at ``path``.

    Every connection gets ``foreign_keys=ON``, ``journal_mode=WAL`` and ``synchronous=FULL``.
    """
    # URL.create, not f"sqlite:///{path}": the URL parser would cut the path at "?" and decode "%41" to "A".
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "commit", _on_commit)
    event.listen(engine, "rollback", _on_rollback)
    event.listen(engine, "handle_error", _on_error)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (the UI reads them later)."""
    return sessionmaker(engine, expire_on_commit=False, autoflush=False)

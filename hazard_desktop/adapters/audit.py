"""The tamper-evident audit trail (issue 14): table ``audit_entries`` (migration 0011), a SHA-256 hash chain.

How writes are caught. Every connection the program writes through (``db.make_engine``) gets, before each
transaction begins, TEMP triggers on every audited table and one SQL function per table that digests a row
(:func:`install`): after an INSERT, UPDATE or DELETE they note the table, the record's key, its rowid and the
digest of the row before (OLD; none for an INSERT) in the in-memory temporary table ``temp.audit_notes``. So the
ORM's unit of work, Core statements through a session, the bulk writer's ``executemany`` and any raw SQL on such
a connection are all seen, with no list of call sites to keep. When the transaction commits (SQLAlchemy's
``commit`` event, just before the driver's COMMIT, so in the same transaction) :func:`write_pending` turns the
notes into one entry per record (several changes of one record in one transaction become one entry: the first
note's before, and as after the digest of the row as it stands then, read with one ``SELECT`` per table and
matched by its key, or none if it is gone). Reading the state after once at COMMIT, instead of handing every
column of NEW to Python in each trigger, is what keeps a bulk write of 100,000 rows within 2× of the same write
without the trail (``benchmarks/audit.py``). A rollback (or a savepoint's) discards the notes with the data,
since the temporary table is transactional too: a refused action leaves no entry.

Not audited: ``audit_entries`` itself, ``alembic_version``, the full-text index ``hazard_fts`` (and its
FTS5 shadow tables) and its note ``search_index``: they are derived from ``hazards`` (rebuilt from it when
the tokenizer changes, ``search_index.ensure_current``), hold no fact of their own, and the index is
contentless (nothing to digest but opaque segments). Nor the exchange's bookkeeping ``exchange_known`` (per peer,
which version of a record both sides hold): it decides only what the next exchange file carries, the records
it names are audited themselves, and it is a WITHOUT ROWID table, which the triggers' rowid notes cannot serve.

Canonical serialisation (fixed; the verification and any outside checker repeat it):

- a record's state: the row as SQLite returns it (``SELECT *``), as a JSON object of column name → value,
  keys sorted, ``separators=(",", ":")``, ``ensure_ascii=False``, UTF-8; an integer stays an integer, a
  real is written as ``json.dumps`` writes it, text as text, a BLOB as the text ``"sha256:<hex of its
  SHA-256>"``, and a NULL column is left out (so a migration adding a nullable column changes no digest).
  The record's digest is the lowercase hex SHA-256 of those bytes.
- a record's key: the value of its ``id`` column when the table has one, else its primary-key columns'
  values as text joined by ``/`` (``photo_blobs``: ``<photo id>/<kind>``).
- an entry: the JSON object (same rules) of ``seq`` (1, 2, …), ``prev`` (the previous entry's hash; 64
  zeros for the first), ``at`` (UTC, ISO 8601 with microseconds and ``+00:00``), ``actor``, ``actor_id``,
  ``use_case``, ``txn`` (one id per transaction), ``table``, ``record``, ``before``, ``after`` (digests or
  null). Its ``hash`` is the lowercase hex SHA-256 of those bytes.

Verification (:func:`verify`): (a) the chain: every entry's hash recomputes and holds the previous one's, and
``seq`` has no gap; (b) the records: every row of every audited table digests to its last entry's ``after``
(a row with no entry was inserted behind the program's back, a row whose last ``after`` is a digest but that
is gone was deleted). The register's state at migration 0011 is the chain's genesis: one entry per existing
record (use case ``genesis``).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hazard_desktop.domain.audit import (
    ENTRY_COLUMNS,
    GENESIS,
    ZERO_HASH,
    Entry,
    EntryFilter,
    Finding,
    Verification,
    Who,
    entry_hasher,
    row_digester,
    sorted_row_digester,
)

TABLE = "audit_entries"
_SKIPPED = ("audit_entries", "alembic_version", "search_index", "exchange_known")
_SKIPPED_PREFIXES = ("sqlite_", "hazard_fts")
_CHUNK = 500

CREATE_TABLE = f"""CREATE TABLE {TABLE} (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_id TEXT,
    use_case TEXT NOT NULL,
    txn TEXT NOT NULL,
    tbl TEXT NOT NULL,
    record TEXT NOT NULL,
    before TEXT,
    after TEXT,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
)"""
_INSERT = (
    f"INSERT INTO {TABLE} (seq, at, actor, actor_id, use_case, txn, tbl, record, before, after, prev, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


# --- canonical forms: domain/audit.py --------------------------------------------------------------------


# --- tables and keys ---------------------------------------------------------------------------------------


def audited_tables(cursor: Any) -> list[str]:
    names = [
        row[0]
        for row in cursor.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    ]
    return [n for n in names if n not in _SKIPPED and not n.startswith(_SKIPPED_PREFIXES)]


def _columns(cursor: Any, table: str) -> tuple[list[str], list[str]]:
    """(all columns, key columns) of ``table``."""
    info = cursor.execute(f'PRAGMA main.table_info("{table}")').fetchall()
    names = [row[1] for row in info]
    if "id" in names:
        return names, ["id"]
    keys = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    return names, keys or ["rowid"]


def _key_sql(keys: list[str], alias: str) -> str:
    return " || '/' || ".join(f'CAST({alias}."{k}" AS TEXT)' for k in keys)


def _key_of(keys: list[str], names: list[str], row: Sequence[object]) -> str:
    return "/".join(str(row[names.index(k)]) for k in keys)


def is_installed_schema(cursor: Any) -> bool:
    found = cursor.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?", (TABLE,))
    return found.fetchone() is not None


# --- catching writes ---------------------------------------------------------------------------------------


def install(dbapi_connection: Any) -> None:
    """(Re)create this connection's TEMP triggers for the current schema; nothing before revision 0011.

    Each audited table gets an SQL function ``audit_row_<n>(col, …)`` (its columns' digest, the same as
    ``row_digest`` of ``SELECT *``) that its triggers call on OLD and NEW, so a note holds the states before and
    after and nothing is read back at COMMIT.
    """
    cursor = dbapi_connection.cursor()
    try:
        existing = [r[0] for r in cursor.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'")]
        for name in existing:
            if name.startswith("audit_"):
                cursor.execute(f'DROP TRIGGER temp."{name}"')
        if not is_installed_schema(cursor):
            return
        if cursor.execute("PRAGMA temp_store").fetchone()[0] != 2:
            # the notes in memory, not in a temporary file: a bulk write notes every row (setting it drops the
            # connection's temporary objects, so only once, before they are made)
            cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS audit_notes (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
            "rec TEXT NOT NULL, rid INTEGER, before TEXT)"
        )
        note = "INSERT INTO audit_notes (tbl, rec, rid, before) VALUES"
        for number, table in enumerate(audited_tables(cursor)):
            names, keys = _columns(cursor, table)
            names = sorted(names)  # the digest's key order: the function takes the values so, no reordering
            function = f"audit_row_{number}"
            dbapi_connection.create_function(function, len(names), sorted_row_digester(names), deterministic=True)
            old = f"{function}({', '.join(f'OLD.{_quoted(n)}' for n in names)})"
            # the state after is read once at COMMIT (write_pending): only the state before is digested here
            cursor.execute(
                f'CREATE TEMP TRIGGER "audit_{table}_i" AFTER INSERT ON main."{table}" BEGIN '
                f"{note} ('{table}', {_key_sql(keys, 'NEW')}, NEW.rowid, NULL); END"
            )
            cursor.execute(
                f'CREATE TEMP TRIGGER "audit_{table}_u" AFTER UPDATE ON main."{table}" BEGIN '
                f"{note} ('{table}', {_key_sql(keys, 'NEW')}, NEW.rowid, {old}); END"
            )
            cursor.execute(
                f'CREATE TEMP TRIGGER "audit_{table}_d" AFTER DELETE ON main."{table}" BEGIN '
                f"{note} ('{table}', {_key_sql(keys, 'OLD')}, NULL, {old}); END"
            )
    finally:
        cursor.close()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def who_of(uow: object) -> Who:
    actor = getattr(uow, "actor", None)
    use_case = str(getattr(uow, "use_case", "") or "")
    if actor is None:
        return Who(use_case=use_case)
    account = getattr(actor, "account_id", None)
    return Who(str(getattr(actor, "name", "") or "system"), str(account) if account else None, use_case)


def _last(cursor: Any) -> tuple[int, str]:
    row = cursor.execute(f"SELECT seq, hash FROM {TABLE} ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, ZERO_HASH)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def append(cursor: Any, who: Who, changes: list[tuple[str, str, str | None, str | None]]) -> int:
    """Append entries for ``changes`` (table, record, before, after) to the chain; return how many."""
    seq, prev = _last(cursor)
    at, txn = _now(), str(uuid.uuid4())
    actor, actor_id, use_case = who.actor, who.actor_id, who.use_case
    hasher = entry_hasher(at, actor, actor_id, use_case, txn)
    rows: list[tuple[object, ...]] = []
    add = rows.append
    for table, record, before, after in changes:
        seq += 1
        digest = hasher(seq, prev, table, record, before, after)
        add((seq, at, actor, actor_id, use_case, txn, table, record, before, after, prev, digest))
        prev = digest
    cursor.executemany(_INSERT, rows)
    return len(rows)


def write_pending(dbapi_connection: Any, who: Who) -> int:
    """Turn this transaction's notes into chained entries (called just before COMMIT); return how many.

    A record's ``before`` is its first note's (digested by the trigger); its ``after`` is its row as it stands
    now, read and digested here in one pass per table (none if the row is gone)."""
    cursor = dbapi_connection.cursor()
    try:
        try:
            notes = cursor.execute("SELECT tbl, rec, rid, before FROM temp.audit_notes ORDER BY seq").fetchall()
        except sqlite3.Error:  # no notes table: the schema is older than 0011 on this connection
            return 0
        if not notes:
            return 0
        first: dict[tuple[str, str], str | None] = {}  # the first note's before, in the order first touched
        for table, record, _rid, before in notes:
            if (table, record) not in first:
                first[(table, record)] = before
        after: dict[tuple[str, str], str] = {}
        for table in {t for t, _r in first}:
            after.update(_current(cursor, table))
        changes = [(t, r, before, after.get((t, r))) for (t, r), before in first.items()]
        count = append(cursor, who, [c for c in changes if c[2] or c[3]])
        cursor.execute("DELETE FROM temp.audit_notes")
        return count
    finally:
        cursor.close()


def _current(cursor: Any, table: str) -> Iterator[tuple[tuple[str, str], str]]:
    """The digests of ``table``'s rows noted in this transaction, by record key (a reused rowid is told apart
    by its key)."""
    if not cursor.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
        return  # dropped in this transaction: its records are gone
    _names, keys = _columns(cursor, table)
    result = cursor.execute(
        f'SELECT * FROM main."{table}" WHERE rowid IN (SELECT rid FROM temp.audit_notes WHERE tbl = ?)', (table,)
    )
    columns = [d[0] for d in result.description]
    digest = row_digester(columns)
    if keys == ["rowid"]:  # no key but the rowid (no such table today): read it beside the row
        result = cursor.execute(
            f'SELECT rowid, * FROM main."{table}" WHERE rowid IN (SELECT rid FROM temp.audit_notes WHERE tbl = ?)',
            (table,),
        )
        while rows := result.fetchmany(5000):
            for row in rows:
                yield (table, str(row[0])), digest(row[1:])
        return
    key_at = [columns.index(k) for k in keys]
    while rows := result.fetchmany(5000):
        for row in rows:
            yield (table, "/".join([str(row[i]) for i in key_at])), digest(row)


def genesis(dbapi_connection: Any) -> int:
    """One entry per existing record (migration 0011): the state the chain starts from."""
    cursor = dbapi_connection.cursor()
    try:
        changes: list[tuple[str, str, str | None, str | None]] = []
        for table in audited_tables(cursor):
            _names, keys = _columns(cursor, table)
            if keys == ["rowid"]:  # no id and no primary key (e.g. a table someone else added): key by rowid
                result = cursor.execute(f'SELECT rowid, * FROM main."{table}"')
                digest = row_digester([d[0] for d in result.description][1:])
                changes.extend((table, str(row[0]), None, digest(row[1:])) for row in result)
                continue
            result = cursor.execute(f'SELECT * FROM main."{table}"')
            columns = [d[0] for d in result.description]
            digest = row_digester(columns)
            changes.extend((table, _key_of(keys, columns, row), None, digest(row)) for row in result)
        return append(cursor, Who(use_case=GENESIS), changes)
    finally:
        cursor.close()


def rebaseline(dbapi_connection: Any, use_case: str) -> int:
    """For a later migration that rewrites rows as a whole (a column added with a non-NULL default, a table
    rebuilt): append one entry (``before`` = the last recorded state) for every record whose state no longer
    matches the trail, in the migration's transaction, under ``use_case`` (e.g. ``"migration 0011"``).
    Run it before anything else could have changed a record behind the program's back goes unnoticed:
    verify first (``verify``), then migrate and rebaseline."""
    cursor = dbapi_connection.cursor()
    try:
        last: dict[tuple[str, str], str | None] = {}
        for entry in iter_entries(cursor):
            last[(entry.table, entry.record)] = entry.after
        changes: list[tuple[str, str, str | None, str | None]] = []
        for table in audited_tables(cursor):
            _names, keys = _columns(cursor, table)
            result = cursor.execute(f'SELECT * FROM main."{table}"')
            columns = [d[0] for d in result.description]
            digest = row_digester(columns)
            for row in result.fetchall():
                record = _key_of(keys, columns, row)
                now, before = digest(row), last.pop((table, record), None)
                if now != before:
                    changes.append((table, record, before, now))
        changes.extend((t, r, after, None) for (t, r), after in last.items() if after is not None)
        return append(cursor, Who(use_case=use_case), changes) if changes else 0
    finally:
        cursor.close()


# --- reading and verifying ---------------------------------------------------------------------------------


def _entry(row: Sequence[Any]) -> Entry:
    return Entry(*row)


def iter_entries(cursor: Any, where: str = "", params: Sequence[object] = ()) -> Iterator[Entry]:
    result = cursor.execute(f"SELECT {', '.join(ENTRY_COLUMNS)} FROM {TABLE} {where} ORDER BY seq", list(params))
    while rows := result.fetchmany(5000):
        yield from map(_entry, rows)


def verify(dbapi_connection: Any, *, progress: Callable[[int], None] | None = None) -> Verification:
    """Check the chain and that every audited record still digests to its last recorded state."""
    cursor = dbapi_connection.cursor()
    findings: list[Finding] = []
    last: dict[tuple[str, str], tuple[int, str | None]] = {}
    prev, expected_seq, count = ZERO_HASH, 1, 0
    hashers: dict[tuple[str, str, str | None, str, str], Callable[..., str]] = {}

    def hasher_of(entry: Entry) -> Callable[..., str]:  # one per transaction: its shared fields written once
        shared = (entry.at, entry.actor, entry.actor_id, entry.use_case, entry.txn)
        found = hashers.get(shared)
        if found is None:
            hashers.clear()  # a transaction's entries are consecutive
            found = hashers[shared] = entry_hasher(*shared)
        return found

    for entry in iter_entries(cursor):
        count += 1
        if entry.seq != expected_seq:
            findings.append(Finding("chain_gap", entry.seq, entry.table, entry.record))
        elif entry.prev != prev:
            findings.append(Finding("chain_link", entry.seq, entry.table, entry.record))
        elif entry.hash != hasher_of(entry)(
            entry.seq, entry.prev, entry.table, entry.record, entry.before, entry.after
        ):
            findings.append(Finding("chain_hash", entry.seq, entry.table, entry.record))
        prev, expected_seq = entry.hash, entry.seq + 1
        last[(entry.table, entry.record)] = (entry.seq, entry.after)
        if progress and count % 10000 == 0:
            progress(count)
    records = 0
    record_findings: list[Finding] = []
    for table in audited_tables(cursor):
        _names, keys = _columns(cursor, table)
        by_rowid = keys == ["rowid"]  # no id and no primary key: keyed by rowid, as the triggers note it
        result = cursor.execute(f'SELECT {"rowid, " if by_rowid else ""}* FROM main."{table}"')
        columns = [d[0] for d in result.description][1 if by_rowid else 0 :]
        key_at = None if by_rowid else [columns.index(k) for k in keys]
        digest = row_digester(columns)
        while rows := result.fetchmany(5000):
            for row in rows:
                records += 1
                if key_at is None:
                    record, row = str(row[0]), row[1:]
                else:
                    record = "/".join(str(row[i]) for i in key_at)
                seen = last.pop((table, record), None)
                if seen is None or seen[1] is None:
                    record_findings.append(Finding("record_unrecorded", None, table, record))
                elif seen[1] != digest(row):
                    record_findings.append(Finding("record_changed", seen[0], table, record))
    for (table, record), (seq, after) in last.items():
        if after is not None:
            record_findings.append(Finding("record_deleted", seq, table, record))
    record_findings.sort(key=lambda f: (f.seq is None, f.seq or 0, f.table, f.record))
    cursor.close()
    return Verification(count, records, tuple(findings + record_findings))


def _where(f: EntryFilter) -> tuple[str, list[object]]:
    parts: list[str] = []
    params: list[object] = []
    if f.actor:
        parts.append("actor = ?")
        params.append(f.actor)
    if f.use_case:
        parts.append("use_case = ?")
        params.append(f.use_case)
    if f.table:
        parts.append("tbl = ?")
        params.append(f.table)
    if f.record:
        parts.append("instr(record, ?) > 0")
        params.append(f.record)
    if f.since:
        parts.append("at >= ?")
        params.append(f.since)
    if f.until:
        parts.append("at < ?")
        params.append(f.until)
    return ("WHERE " + " AND ".join(parts) if parts else ""), params


def query(dbapi_connection: Any, f: EntryFilter, *, limit: int = 5000) -> list[Entry]:
    """The newest ``limit`` entries matching ``f``, oldest first."""
    where, params = _where(f)
    cursor = dbapi_connection.cursor()
    try:
        rows = cursor.execute(
            f"SELECT {', '.join(ENTRY_COLUMNS)} FROM {TABLE} {where} ORDER BY seq DESC LIMIT ?", [*params, limit]
        ).fetchall()
    finally:
        cursor.close()
    return [_entry(r) for r in reversed(rows)]


def distinct(dbapi_connection: Any, column: str) -> list[str]:
    assert column in ("actor", "use_case", "tbl")
    cursor = dbapi_connection.cursor()
    try:
        return [r[0] for r in cursor.execute(f"SELECT DISTINCT {column} FROM {TABLE} ORDER BY 1")]
    finally:
        cursor.close()


def export(dbapi_connection: Any, target: Path, f: EntryFilter | None = None) -> int:
    """Write the entries (with ``prev`` and ``hash``: the chain) to ``target``: CSV or JSON by its suffix."""
    where, params = _where(f or EntryFilter())
    cursor = dbapi_connection.cursor()
    part = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    count = 0
    try:
        with part.open("w", encoding="utf-8", newline="") as out:
            if target.suffix.lower() == ".json":
                out.write('{"format":"hazard_desktop audit trail","canonical":"see adapters/audit.py","entries":[\n')
                for entry in iter_entries(cursor, where, params):
                    out.write(("," if count else "") + json.dumps({**entry.fields(), "hash": entry.hash},
                                                                   ensure_ascii=False) + "\n")  # fmt: skip
                    count += 1
                out.write("]}\n")
            else:
                out.write("\ufeff")  # Excel opens UTF-8 CSV with Chinese names only with the BOM
                writer = csv.writer(out)
                writer.writerow(ENTRY_COLUMNS)
                for entry in iter_entries(cursor, where, params):
                    writer.writerow(["" if v is None else v for v in (entry.seq, entry.at, entry.actor, entry.actor_id,
                                     entry.use_case, entry.txn, entry.table, entry.record, entry.before,
                                     entry.after, entry.prev, entry.hash)])  # fmt: skip
                    count += 1
        part.replace(target)
    finally:
        cursor.close()
        part.unlink(missing_ok=True)
    return count


class SqliteAuditTrail:
    """The ``AuditTrail`` port over read-only plain sqlite3 connections (one per call: any thread)."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def _connect(self) -> sqlite3.Connection:
        from hazard_desktop.adapters.start_reads import read_only_uri

        return sqlite3.connect(read_only_uri(self._path), uri=True, check_same_thread=False)

    def entries(self, entry_filter: EntryFilter, limit: int = 5000) -> list[Entry]:
        with _closing(self._connect()) as connection:
            return query(connection, entry_filter, limit=limit)

    def choices(self, column: str) -> list[str]:
        with _closing(self._connect()) as connection:
            return distinct(connection, column)

    def verify(self, progress: Callable[[int], None] | None = None) -> Verification:
        with _closing(self._connect()) as connection:
            connection.execute("BEGIN")  # one snapshot for the chain and the records
            return verify(connection, progress=progress)

    def export(self, target: Path, entry_filter: EntryFilter | None = None) -> int:
        with _closing(self._connect()) as connection:
            return export(connection, target, entry_filter or EntryFilter())


def _closing(connection: sqlite3.Connection) -> Any:
    from contextlib import closing

    return closing(connection)

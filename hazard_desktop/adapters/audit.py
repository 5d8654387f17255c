"""The tamper-evident audit trail (issue 14, format 2: issue 16): a SHA-256 hash chain of entries in
``audit_entries`` (migration 0011) over the records of ``audit_records`` (migration 0013).

How writes are caught. Every connection the program writes through (``db.make_engine``) gets, before each
transaction begins, TEMP triggers on every audited table (:func:`install`) and, right after ``BEGIN IMMEDIATE``,
the number its entry will have in ``temp.audit_txn`` (:func:`begin`). After an INSERT, UPDATE or DELETE the
trigger inserts one row into ``audit_records``: that entry's number, the table, the record's key and the digests
of OLD and NEW (none for the missing side), their state text built by SQLite (:func:`state2_sql`: one
``json_array`` call) and hashed by ``audit_sha2``. So the ORM's unit of work, Core statements through a session,
the bulk writer's ``INSERT … SELECT`` and any raw SQL on such a connection are all seen, with no list of call
sites to keep. When the transaction commits (SQLAlchemy's ``commit`` event, just before the driver's COMMIT, so
in the same transaction) :func:`write_pending` merges the records of a record changed more than once (the first
before, the last after; none if it came to nothing) and chains ONE entry over the transaction's records. A
rollback (or a savepoint's) discards the records with the data: a refused action leaves no entry.

What is audited: every table but the trail's own, SQLite's, the virtual tables and their shadow tables (the
full-text index, derived from ``hazards``) and the bookkeeping the program derives (``_DERIVED``). WITHOUT ROWID
tables are keyed by their primary key (``exchange_known``: ``peer/kind/record_id``).

Canonical serialisation (fixed; the verification and any outside checker repeat it):

- a record's key: the value of its ``id`` column when the table has one, else its primary-key columns'
  values as text joined by ``/`` (``photo_blobs``: ``<photo id>/<kind>``), else its rowid.
- a record's state, format 2 (records in ``audit_records``): ``domain.audit.row_digest2`` — the compact JSON
  array of the row's values in column order (a real of a REAL column as the string of ``json.dumps``, a BLOB as
  the string ``"sha256:<hex>"``), trailing NULLs left out; SHA-256 hex of the UTF-8.
- a record's state, format 1 (entries before revision 0013): ``domain.audit.row_digest`` — the JSON object of
  its non-NULL columns (keys sorted, ``separators=(",", ":")``, ``ensure_ascii=False``, a BLOB as
  ``"sha256:<hex>"``); SHA-256 hex of the UTF-8.
- an entry, format 2: the JSON object (same rules) of ``format`` (2), ``seq`` (1, 2, …), ``prev`` (the previous
  entry's hash; 64 zeros for the first), ``at`` (UTC, ISO 8601 with microseconds and ``+00:00``), ``actor``,
  ``actor_id``, ``use_case``, ``txn`` and ``records``: the SHA-256 hex of the entry's records as lines
  ``[id, entry, table, record, before, after]`` (``domain.audit.record_line``), in ``id`` order, each followed by
  a newline. Its ``hash`` is the SHA-256 hex of those bytes.
- an entry, format 1: the JSON object of ``seq``, ``prev``, ``at``, ``actor``, ``actor_id``, ``use_case``,
  ``txn``, ``table``, ``record``, ``before``, ``after`` (one entry per record).

Verification (:func:`verify`): (a) the chain: every entry's hash recomputes in its format and holds the
previous one's, ``seq`` has no gap, and every format-2 entry's records digest to its ``records`` (a record
edited, removed, added or moved breaks that entry); (b) the records: every row of every audited table digests,
in the format of its last digest, to its last ``after`` (a row with none was inserted behind the program's back,
a row whose last ``after`` is a digest but that is gone was deleted). The register's state at migration 0011 is
the chain's genesis: one format-1 entry per existing record (use case ``genesis``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from json.encoder import encode_basestring
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
    entry2_hash,
    entry_hasher,
    records_digest,
    row_digest2,
    row_digester,
    sorted_row_digester,
    state2_digest,
)

TABLE = "audit_entries"
RECORDS = "audit_records"
#: Not audited, by rule (``audited_tables``): the trail itself (``audit_*``), SQLite's own tables (``sqlite_*``),
#: every virtual table and its shadow tables (the full-text index: derived from ``hazards``, contentless), and
#: the bookkeeping of schema and index that the program derives, never a user: ``alembic_version`` (the
#: migration tool's stamp; a migration's effects on records are audited) and ``search_index`` (which tokenizer
#: wrote the index). Everything else is audited, WITHOUT ROWID tables included (keyed by their primary key).
_DERIVED = ("alembic_version", "search_index")

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
#: Revision 0013 (format 2): the records of each transaction's entry, written by the triggers themselves.
CREATE_RECORDS = f"""CREATE TABLE {RECORDS} (
    id INTEGER PRIMARY KEY,
    entry INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    rec TEXT NOT NULL,
    before TEXT,
    after TEXT
)"""
ADD_ENTRY_COLUMNS = (
    f"ALTER TABLE {TABLE} ADD COLUMN format INTEGER NOT NULL DEFAULT 1",
    f"ALTER TABLE {TABLE} ADD COLUMN records TEXT",
)
_INSERT2 = (
    f"INSERT INTO {TABLE} (seq, at, actor, actor_id, use_case, txn, tbl, record, before, after, prev, hash, format, "
    "records) VALUES (?, ?, ?, ?, ?, ?, '', '', NULL, NULL, ?, ?, 2, ?)"
)
_LINES = f"SELECT json_array(id, entry, tbl, rec, before, after) FROM {RECORDS} WHERE id > ? ORDER BY id"
_CHECK = f"SELECT count(*), sum(before IS NOT NULL OR after IS NULL), sum(entry IS NOT ?) FROM {RECORDS} WHERE id > ?"
_DISTINCT = f"SELECT count(DISTINCT tbl || char(31) || rec) FROM {RECORDS} WHERE id > ?"
_INSERT = (
    f"INSERT INTO {TABLE} (seq, at, actor, actor_id, use_case, txn, tbl, record, before, after, prev, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


# --- canonical forms: domain/audit.py --------------------------------------------------------------------


# --- tables and keys ---------------------------------------------------------------------------------------


def audited_tables(cursor: Any) -> list[str]:
    """The tables whose every change the trail records (the rule: ``_DERIVED``'s comment).

    Before revision 0013 (``audit_records``) WITHOUT ROWID tables were not audited (the format-1 triggers noted
    rows by rowid), so on such a schema they are left out, as the entries of that time were written."""
    rows = cursor.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    keyed_by_rowid_only = not any(name == RECORDS for name, _sql in rows)
    audited = []
    for name, sql in rows:
        if name.startswith(("audit_", "sqlite_")) or name in _DERIVED:
            continue
        if any(name == v or name.startswith(v + "_") for v in virtual):
            continue
        if keyed_by_rowid_only and "WITHOUT ROWID" in (sql or "").upper():
            continue
        audited.append(name)
    return audited


def is_format2_schema(cursor: Any) -> bool:
    """Revision 0013 or later: one entry per transaction, its records in ``audit_records``."""
    found = cursor.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?", (RECORDS,))
    return found.fetchone() is not None


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


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _real(value: object) -> str:
    return json.dumps(value)


def _blob(value: bytes) -> str:
    return '"sha256:' + hashlib.sha256(value).hexdigest() + '"'


def _sha2(text: str) -> str:
    return state2_digest(text)


def _string(value: object) -> str:
    return json.dumps(value)  # a real in a format-2 state: its JSON text, as a string (json_array quotes it)


_known = threading.local()  # .blobs: a deque of (bytes, SHA-256 hex) of ``known_blob_digests``, on this thread


def _blob2(value: bytes) -> str:
    blobs = getattr(_known, "blobs", None)
    if blobs:
        data, digest = blobs[0]
        if data == value:  # the very bytes whose digest the writer knows (compared whole: no hash trusted blindly)
            blobs.popleft()
            return "sha256:" + digest
    return "sha256:" + hashlib.sha256(value).hexdigest()


@contextmanager
def known_blob_digests(pairs: Iterable[tuple[bytes, str]]) -> Iterator[None]:
    """While inside, the format-2 triggers of this thread's connections take a BLOB's digest from ``pairs``
    ((bytes, SHA-256 hex), in the order the rows are written) instead of hashing the bytes again: for a writer that
    has just checked those digests (the exchange's import verifies every photo against the file's SHA-256).
    Each BLOB is still compared byte for byte with the next pair's bytes; one that differs (or comes in another
    order) is hashed as always, so a digest is never recorded for bytes other than its own."""
    previous = getattr(_known, "blobs", None)
    _known.blobs = deque(pairs)
    try:
        yield
    finally:
        _known.blobs = previous


def register_functions(dbapi_connection: Any) -> None:
    """The SQL functions the state texts and their digests need (``state_sql``, ``state2_sql``), on any sqlite3
    connection. Once per connection: SQLite refuses to redefine a function while one of the connection's
    statements is still active (an upgrade's later migration rebaselining over an earlier one's cursor)."""
    try:
        dbapi_connection.execute("SELECT audit_real(NULL)").fetchall()
        return  # registered already (all five go together, this one last)
    except sqlite3.OperationalError:
        pass
    dbapi_connection.create_function("audit_sha", 1, _sha, deterministic=True)
    dbapi_connection.create_function("audit_sha2", 1, _sha2, deterministic=True)
    dbapi_connection.create_function("audit_string", 1, _string, deterministic=True)
    dbapi_connection.create_function("audit_blob2", 1, _blob2, deterministic=True)
    dbapi_connection.create_function("audit_real", 1, _real, deterministic=True)
    dbapi_connection.create_function("audit_blob", 1, _blob, deterministic=True)


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


Column = tuple[str, str, bool]  # name, affinity (TEXT, INTEGER, REAL, NUMERIC, BLOB), declared NOT NULL


def _affinity(declared: str) -> str:
    """SQLite's column affinity of a declared type (its documented rules, in their order)."""
    declared = declared.upper()
    if "INT" in declared:
        return "INTEGER"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in declared or not declared:
        return "BLOB"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def column_info(cursor: Any, table: str) -> list[Column]:
    return [
        (row[1], _affinity(row[2] or ""), bool(row[3]))
        for row in cursor.execute(f'PRAGMA main.table_info("{table}")').fetchall()
    ]


def state_sql(columns: Sequence[Column], alias: str) -> str:
    """An SQL expression (over ``alias``'s columns) whose value is the record's canonical JSON text, the very
    bytes ``domain.audit.row_digest`` hashes: the columns in sorted order, NULLs left out, ``json_quote`` for
    integers and texts (SQLite writes them as ``json.dumps(ensure_ascii=False)`` does: tests/unit compare
    them), a real as ``json.dumps`` writes it and a BLOB as ``"sha256:<hex>"`` (functions of
    ``register_functions``). Built by SQLite at C speed: Python only hashes the finished text.

    What a column can hold decides how much is checked per value: a NOT NULL column is never NULL (SQLite
    enforces it on every write, the sqlite3 shell's too), and a TEXT-affinity column holds only text (SQLite
    turns numbers into text there) unless a BLOB was bound to it, which the program never does; a BLOB
    behind its back makes ``json_quote`` fail, and the verification then digests that table in Python."""
    parts = []
    for name, affinity, not_null in sorted(columns):
        column = f"{alias}.{_quoted(name)}"
        key = _sql_text("," + encode_basestring(name) + ":")
        if affinity == "TEXT":
            value = f"json_quote({column})"
        else:
            value = (
                f"CASE typeof({column}) WHEN 'real' THEN audit_real({column}) "
                f"WHEN 'blob' THEN audit_blob({column}) ELSE json_quote({column}) END"
            )
        parts.append(f"{key} || {value}" if not_null else f"iif({column} IS NULL, '', {key} || {value})")
    return "'{' || substr(" + " || ".join(parts or ["''"]) + ", 2) || '}'"


def state2_sql(columns: Sequence[Column], alias: str) -> str:
    """Format 2's state text of a row (``domain.audit.row_digest2``): ``json_array`` of its columns in the
    table's order, one C call (a third of the cost of ``state_sql``'s per-column text, the most expensive part of
    a bulk write's trail). A real of a REAL column is given as the string of its ``json.dumps`` (SQLite's own
    rendering of reals has changed between versions; the program writes reals only there), a BLOB of a BLOB
    column as the string ``sha256:<hex>``; ``audit_sha2`` leaves out the trailing NULLs (a column added later,
    NULL, changes no digest) and hashes the text."""
    values = []
    for name, affinity, _not_null in columns:
        column = f"{alias}.{_quoted(name)}"
        if affinity == "REAL":
            values.append(f"CASE typeof({column}) WHEN 'real' THEN audit_string({column}) ELSE {column} END")
        elif affinity == "BLOB":
            values.append(f"CASE typeof({column}) WHEN 'blob' THEN audit_blob2({column}) ELSE {column} END")
        else:
            values.append(column)
    return f"json_array({', '.join(values)})"


def install(dbapi_connection: Any) -> None:
    """(Re)create this connection's TEMP triggers for the current schema; nothing before revision 0011.

    Format 2 (revision 0013 on): each change of an audited row inserts one row into ``audit_records`` from the
    trigger itself: its entry's ``seq`` (``temp.audit_txn``, set when the transaction begins), table, key and
    the digests of OLD and NEW, their canonical text built in SQL (``state_sql``) and hashed by ``audit_sha``.
    Format 1 (revisions 0011–0012, while migrating): the notes of ``temp.audit_notes``, read at COMMIT.
    """
    register_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    try:
        existing = [r[0] for r in cursor.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'")]
        for name in existing:
            if name.startswith("audit_"):
                cursor.execute(f'DROP TRIGGER temp."{name}"')
        if not is_installed_schema(cursor):
            return
        if cursor.execute("PRAGMA temp_store").fetchone()[0] != 2:
            # temporary tables in memory, not in a temporary file (setting it drops the connection's temporary
            # objects, so only once, before they are made)
            cursor.execute("PRAGMA temp_store = MEMORY")
        # a row that INSERT OR REPLACE removes (the exchange writes blobs and exchange_known so) fires the DELETE
        # trigger only with recursive triggers; the schema has no triggers of its own, ours write only the trail
        cursor.execute("PRAGMA recursive_triggers = ON")
        if is_format2_schema(cursor):
            _install_format2(dbapi_connection, cursor)
        else:
            _install_format1(dbapi_connection, cursor)
    finally:
        cursor.close()


# The format-2 triggers' statements by the schema they were made for (each table's name and CREATE text, which fix
# every column ``table_info`` reports): a connection on the same schema gets the same statements without reading
# each table's columns again (~two thirds of the ~14 ms an install took; the tests open thousands of connections).
_FORMAT2_STATEMENTS: dict[tuple[tuple[str, str], ...], tuple[str, ...]] = {}
_FORMAT2_KEEP = 32  # schemas remembered (an upgrade passes through one per revision)


def _install_format2(dbapi_connection: Any, cursor: Any) -> None:
    cursor.execute("CREATE TEMP TABLE IF NOT EXISTS audit_txn (seq INTEGER NOT NULL, start INTEGER NOT NULL)")
    schema = tuple(
        (name, sql or "")
        for name, sql in cursor.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' ORDER BY name")
    )
    statements = _FORMAT2_STATEMENTS.get(schema)
    if statements is None:
        statements = tuple(_format2_statements(cursor))
        if len(_FORMAT2_STATEMENTS) >= _FORMAT2_KEEP:
            _FORMAT2_STATEMENTS.clear()
        _FORMAT2_STATEMENTS[schema] = statements
    for statement in statements:
        cursor.execute(statement)


def _format2_statements(cursor: Any) -> Iterator[str]:
    """The CREATE TEMP TRIGGER statements of format 2 for the connection's schema."""
    record = f"INSERT INTO {RECORDS} (entry, tbl, rec, before, after) VALUES ((SELECT seq FROM audit_txn), "
    for table in audited_tables(cursor):
        _names, keys = _columns(cursor, table)
        info = column_info(cursor, table)
        old, new = f"audit_sha2({state2_sql(info, 'OLD')})", f"audit_sha2({state2_sql(info, 'NEW')})"
        name = _sql_text(table)
        yield (
            f'CREATE TEMP TRIGGER "audit_{table}_i" AFTER INSERT ON main."{table}" BEGIN '
            f"{record}{name}, {_key_sql(keys, 'NEW')}, NULL, {new}); END"
        )
        yield (
            f'CREATE TEMP TRIGGER "audit_{table}_u" AFTER UPDATE ON main."{table}" BEGIN '
            f"{record}{name}, {_key_sql(keys, 'NEW')}, {old}, {new}); END"
        )
        yield (
            f'CREATE TEMP TRIGGER "audit_{table}_d" AFTER DELETE ON main."{table}" BEGIN '
            f"{record}{name}, {_key_sql(keys, 'OLD')}, {old}, NULL); END"
        )


def begin(dbapi_connection: Any) -> None:
    """Called just after a write transaction began: the number its entry will have (``seq``: the write lock is
    held, nobody else appends meanwhile) and where its records will start, for the triggers and ``write_pending``.
    Transactional itself: a rollback takes it away with the records."""
    cursor = dbapi_connection.cursor()
    try:
        try:
            cursor.execute("DELETE FROM temp.audit_txn")
        except sqlite3.Error:  # no format-2 triggers on this connection
            return
        cursor.execute(
            f"INSERT INTO temp.audit_txn (seq, start) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM {TABLE}), "
            f"(SELECT coalesce(max(id), 0) FROM {RECORDS}))"
        )
    finally:
        cursor.close()


def _install_format1(dbapi_connection: Any, cursor: Any) -> None:
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
    """Chain this transaction's changes (called just before COMMIT, in the transaction); return how many
    entries were written (format 2: one, or none when nothing audited changed)."""
    return _write_format1(dbapi_connection, who) + _write_format2(dbapi_connection, who)


def _write_format2(dbapi_connection: Any, who: Who) -> int:
    """The transaction's entry over the records its triggers wrote (``id`` > ``start``). Several changes of one
    record become one record (the first change's before, the last one's after; none if both are missing, e.g.
    inserted and deleted again), so the trail says what the transaction did, as format 1 did."""
    cursor = dbapi_connection.cursor()
    try:
        try:
            txn = cursor.execute("SELECT seq, start FROM temp.audit_txn").fetchone()
        except sqlite3.Error:  # format 1 or no trail on this connection
            return 0
        if txn is None:
            return 0
        seq, start = txn
        cursor.execute("DELETE FROM temp.audit_txn")
        count, changed, strangers = cursor.execute(_CHECK, (seq, start)).fetchone()
        if not count:
            return 0
        # a record changed twice (or a stray row): one record each, none left if all came to nothing. Only
        # inserts (a bulk write): the same key twice would need a delete or an update between, so no repeat
        # (an INSERT OR REPLACE, whose delete fires no trigger, can leave two: the later one is the state)
        repeated = changed and cursor.execute(_DISTINCT, (start,)).fetchone()[0] != count
        if (repeated or strangers) and not _compact(cursor, seq, start):
            return 0
        last, prev = _last(cursor)
        if last + 1 != seq:  # entries written meanwhile in this transaction (a migration writing format 1)
            raise sqlite3.IntegrityError(f"audit: entry {seq} expected, the chain is at {last}")
        # the lines as SQLite writes them (json_array), read in id order: only joining and hashing is left here
        records = records_digest([row[0] for row in cursor.execute(_LINES, (start,))])
        at, txn_id = _now(), str(uuid.uuid4())
        fields = {"format": 2, "seq": seq, "prev": prev, "at": at, "actor": who.actor, "actor_id": who.actor_id,
                  "use_case": who.use_case, "txn": txn_id, "records": records}  # fmt: skip
        cursor.execute(
            _INSERT2, (seq, at, who.actor, who.actor_id, who.use_case, txn_id, prev, entry2_hash(fields), records)
        )
        return 1
    finally:
        cursor.close()


def _compact(cursor: Any, seq: int, start: int) -> int:
    """One record per changed record (see ``_write_format2``), written again in the order first changed;
    return how many are left."""
    merged: dict[tuple[str, str], list[Any]] = {}
    rows = cursor.execute(f"SELECT tbl, rec, before, after FROM {RECORDS} WHERE id > ? ORDER BY id", (start,))
    for table, record, before, after in rows.fetchall():
        found = merged.get((table, record))
        if found is None:
            merged[(table, record)] = [table, record, before, after]
        else:
            found[3] = after
    cursor.execute(f"DELETE FROM {RECORDS} WHERE id > ?", (start,))
    kept = [(seq, *values) for values in merged.values() if values[2] is not None or values[3] is not None]
    cursor.executemany(f"INSERT INTO {RECORDS} (entry, tbl, rec, before, after) VALUES (?, ?, ?, ?, ?)", kept)
    return len(kept)


def append2(dbapi_connection: Any, who: Who, changes: list[tuple[str, str, str | None, str | None]]) -> int:
    """Append one format-2 entry for ``changes`` (table, record, before, after), outside any trigger (a
    migration's baseline or rebaseline), in the caller's transaction; return how many records it holds."""
    if not changes:
        return 0
    cursor = dbapi_connection.cursor()
    seq = _last(cursor)[0] + 1
    start = cursor.execute(f"SELECT coalesce(max(id), 0) FROM {RECORDS}").fetchone()[0]
    cursor.executemany(
        f"INSERT INTO {RECORDS} (entry, tbl, rec, before, after) VALUES (?, ?, ?, ?, ?)",
        [(seq, *change) for change in changes],
    )
    cursor.execute("CREATE TEMP TABLE IF NOT EXISTS audit_txn (seq INTEGER NOT NULL, start INTEGER NOT NULL)")
    cursor.execute("DELETE FROM temp.audit_txn")  # this entry is the transaction's own
    cursor.execute("INSERT INTO temp.audit_txn (seq, start) VALUES (?, ?)", (seq, start))
    _write_format2(dbapi_connection, who)
    begin(dbapi_connection)  # later changes in the same transaction: the next entry's
    cursor.close()
    return len(changes)


def _write_format1(dbapi_connection: Any, who: Who) -> int:
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


def digests(cursor: Any, table: str, *, format1: bool = False) -> Iterator[tuple[str, str, str | None]]:
    """(key, format-2 digest, format-1 digest if ``format1`` else None) of every row of ``table``: the texts
    built in SQL (``state2_sql``, ``state_sql``), or, when a value there cannot be (a BLOB put into a text column
    behind the program's back), by the Python definitions."""
    _names, keys = _columns(cursor, table)
    info = column_info(cursor, table)
    first = f"audit_sha({state_sql(info, 't')})" if format1 else "NULL"
    sql = f'SELECT {_key_sql(keys, "t")}, audit_sha2({state2_sql(info, "t")}), {first} FROM main."{table}" AS t'
    try:
        rows = cursor.execute(sql).fetchall()
    except sqlite3.Error:
        by_rowid = keys == ["rowid"]
        result = cursor.execute(f'SELECT {"rowid, " if by_rowid else ""}* FROM main."{table}"')
        columns = [d[0] for d in result.description][1 if by_rowid else 0 :]
        digest = row_digester(columns)
        key_at = [columns.index(k) for k in keys] if not by_rowid else []
        for row in result.fetchall():
            values = row[1:] if by_rowid else row
            key = str(row[0]) if by_rowid else "/".join(str(row[i]) for i in key_at)
            yield key, row_digest2(values), digest(values) if format1 else None
        return
    yield from rows


def baseline_unrecorded(dbapi_connection: Any, use_case: str) -> int:
    """Migration 0013: record the rows of the tables that format 1 could not audit (WITHOUT ROWID) as they
    stand, in one format-2 entry under ``use_case``; return how many."""
    register_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    try:
        changes: list[tuple[str, str, str | None, str | None]] = []
        for table in audited_tables(cursor):
            sql = cursor.execute("SELECT sql FROM main.sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            if "WITHOUT ROWID" not in (sql or "").upper():
                continue
            changes.extend((table, record, None, digest) for record, digest, _first in digests(cursor, table))
    finally:
        cursor.close()
    return append2(dbapi_connection, Who(use_case=use_case), changes)


def rebaseline(dbapi_connection: Any, use_case: str) -> int:
    """For a later migration that rewrites rows as a whole (a column added with a non-NULL default, a table
    rebuilt): append one entry (``before`` = the last recorded state) for every record whose state no longer
    matches the trail, in the migration's transaction, under ``use_case`` (e.g. ``"migration 0011"``).
    Run it before anything else could have changed a record behind the program's back goes unnoticed:
    verify first (``verify``), then migrate and rebaseline. Each record is compared in the format of its last
    digest; the new ones are format 2 (before revision 0013: format 1)."""
    register_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    try:
        format2 = is_format2_schema(cursor)
        last: dict[tuple[str, str], tuple[str | None, int]] = {}
        for entry in iter_entries(cursor):
            last[(entry.table, entry.record)] = (entry.after, entry.format)
        changes: list[tuple[str, str, str | None, str | None]] = []
        for table in audited_tables(cursor):
            for record, second, first in digests(cursor, table, format1=True):
                before, kind = last.pop((table, record), (None, 2))
                if (first if kind == 1 else second) != before:
                    changes.append((table, record, before, second if format2 else first))
        changes.extend((t, r, after, None) for (t, r), (after, _kind) in last.items() if after is not None)
        if not changes:
            return 0
        if format2:
            return append2(dbapi_connection, Who(use_case=use_case), changes)
        return append(cursor, Who(use_case=use_case), changes)
    finally:
        cursor.close()


# --- reading and verifying ---------------------------------------------------------------------------------


def _entry(row: Sequence[Any]) -> Entry:
    return Entry(*row[:14])


_FORMAT1_ROWS = (
    f"SELECT seq, at, actor, actor_id, use_case, txn, tbl, record, before, after, prev, hash, 1 AS format, "
    f"NULL AS records, 0 AS rid FROM {TABLE}"
)
_FORMAT1_ONLY = (
    f"SELECT seq, at, actor, actor_id, use_case, txn, tbl, record, before, after, prev, hash, format, records, "
    f"0 AS rid FROM {TABLE} WHERE format = 1"
)
_FORMAT2_ROWS = (
    f"SELECT e.seq AS seq, e.at AS at, e.actor AS actor, e.actor_id AS actor_id, e.use_case AS use_case, "
    f"e.txn AS txn, r.tbl AS tbl, r.rec AS record, r.before AS before, r.after AS after, e.prev AS prev, "
    f"e.hash AS hash, 2 AS format, e.records AS records, r.id AS rid FROM {RECORDS} AS r "
    f"JOIN {TABLE} AS e ON e.seq = r.entry"
)
_ROWS = f"{_FORMAT1_ONLY} UNION ALL {_FORMAT2_ROWS}"


def _rows_sql(cursor: Any) -> str:
    """Every recorded change as a row (format 1: an entry; format 2: a record with its entry's fields)."""
    return _ROWS if is_format2_schema(cursor) else _FORMAT1_ROWS


def iter_entries(cursor: Any, where: str = "", params: Sequence[object] = ()) -> Iterator[Entry]:
    result = cursor.execute(f"SELECT * FROM ({_rows_sql(cursor)}) {where} ORDER BY seq, rid", list(params))
    while rows := result.fetchmany(5000):
        yield from map(_entry, rows)


def verify(dbapi_connection: Any, *, progress: Callable[[int], None] | None = None) -> Verification:
    """Check the chain (both formats), every format-2 entry's records, and that every audited record still
    digests to its last recorded state (the state's text built in SQL: ``state_sql``)."""
    register_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    findings: list[Finding] = []
    last: dict[tuple[str, str], tuple[int, str | None, int]] = {}  # record → (seq, after, its digest's format)
    prev, expected_seq, count = ZERO_HASH, 1, 0
    hashers: dict[tuple[str, str, str | None, str, str], Callable[..., str]] = {}
    format2 = is_format2_schema(cursor)
    stored_records: dict[int, str | None] = {}  # format-2 entries: their records' digest as chained

    def hasher_of(entry: Entry) -> Callable[..., str]:  # one per transaction: its shared fields written once
        shared = (entry.at, entry.actor, entry.actor_id, entry.use_case, entry.txn)
        found = hashers.get(shared)
        if found is None:
            hashers.clear()  # a transaction's entries are consecutive
            found = hashers[shared] = entry_hasher(*shared)
        return found

    columns = "seq, at, actor, actor_id, use_case, txn, tbl, record, before, after, prev, hash"
    result = cursor.execute(
        f"SELECT {columns}, {'format, records' if format2 else '1, NULL'} FROM {TABLE} ORDER BY seq"
    )
    while rows := result.fetchmany(5000):
        for entry in map(_entry, rows):
            count += 1
            if entry.format == 2:
                stored_records[entry.seq] = entry.records
                broken = entry.hash != entry2_hash(entry.fields())
            else:
                broken = entry.hash != hasher_of(entry)(
                    entry.seq, entry.prev, entry.table, entry.record, entry.before, entry.after
                )
                last[(entry.table, entry.record)] = (entry.seq, entry.after, 1)
            if entry.seq != expected_seq:
                findings.append(Finding("chain_gap", entry.seq, entry.table, entry.record))
            elif entry.prev != prev:
                findings.append(Finding("chain_link", entry.seq, entry.table, entry.record))
            elif broken:
                findings.append(Finding("chain_hash", entry.seq, entry.table, entry.record))
            prev, expected_seq = entry.hash, entry.seq + 1
            if progress and count % 10000 == 0:
                progress(count)
    if format2:
        findings.extend(_verify_records(cursor, stored_records, last))
        findings.sort(key=lambda f: f.seq or 0)
    records = 0
    record_findings: list[Finding] = []
    format1_tables = {table for (table, _record), seen in last.items() if seen[2] == 1}
    for table in audited_tables(cursor):
        for record, second, first in digests(cursor, table, format1=table in format1_tables):
            records += 1
            seen = last.pop((table, record), None)
            if seen is None or seen[1] is None:
                record_findings.append(Finding("record_unrecorded", None, table, record))
            elif seen[1] != (first if seen[2] == 1 else second):
                record_findings.append(Finding("record_changed", seen[0], table, record))
    for (table, record), (seq, after, _format) in last.items():
        if after is not None:
            record_findings.append(Finding("record_deleted", seq, table, record))
    record_findings.sort(key=lambda f: (f.seq is None, f.seq or 0, f.table, f.record))
    cursor.close()
    return Verification(count, records, tuple(findings + record_findings))


def _verify_records(
    cursor: Any, stored: dict[int, str | None], last: dict[tuple[str, str], tuple[int, str | None, int]]
) -> list[Finding]:
    """Each format-2 entry's records digest to what it chained (a record edited, removed, added or moved is a
    broken entry); the last recorded state of each record is noted in ``last``."""
    findings: list[Finding] = []
    computed: dict[int, str] = {}
    present = {row[0] for row in cursor.execute(f"SELECT seq FROM {TABLE} WHERE format = 1")}
    end = cursor.execute(f"SELECT coalesce(max(seq), 0) FROM {TABLE}").fetchone()[0]
    group: int | None = None
    lines: list[str] = []
    first: tuple[str, str] = ("", "")

    def close() -> None:
        if group is None:
            return
        digest = records_digest(lines)
        if group not in stored and group not in present:  # its entry is gone: that gap is the finding
            kind = "chain_gap" if group > end else ""
        else:
            kind = "chain_hash" if group in computed or stored.get(group) != digest else ""
        if kind:
            findings.append(Finding(kind, group, *first))
        computed[group] = digest

    result = cursor.execute(
        f"SELECT entry, tbl, rec, after, json_array(id, entry, tbl, rec, before, after) FROM {RECORDS} ORDER BY id"
    )
    while rows := result.fetchmany(5000):
        for entry, table, record, after, line in rows:
            if entry != group:
                close()
                group, lines, first = entry, [], (table, record)
            lines.append(line)
            last[(table, record)] = (entry, after, 2)
    close()
    empty = records_digest([])
    findings.extend(
        Finding("chain_hash", seq, "", "") for seq, digest in stored.items() if seq not in computed and digest != empty
    )
    return findings


def _exported(entry: Entry) -> dict[str, object]:
    """One row of the JSON export: the fields its entry's hash covers, then (format 2) the record, and the hash."""
    if entry.format == 2:
        record = {"table": entry.table, "record": entry.record, "before": entry.before, "after": entry.after}
        return {**entry.fields(), **record, "hash": entry.hash}
    return {**entry.fields(), "hash": entry.hash}


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
    """The newest ``limit`` entries matching ``f``, oldest first.

    Each format is read newest first in the order of its own key (format 1: ``seq``; format 2: the records'
    ``id``, which follows ``seq``) with its own LIMIT, and the two merged: the window opens on a large trail
    without sorting all of it."""
    where, params = _where(f)
    cursor = dbapi_connection.cursor()
    try:
        if not is_format2_schema(cursor):
            sql = f"SELECT * FROM ({_FORMAT1_ROWS}) {where} ORDER BY seq DESC LIMIT ?"
            return [_entry(r) for r in reversed(cursor.execute(sql, [*params, limit]).fetchall())]
        rows = cursor.execute(
            f"SELECT * FROM ({_FORMAT1_ONLY}) {where} ORDER BY seq DESC LIMIT ?", [*params, limit]
        ).fetchall()
        rows += cursor.execute(
            f"SELECT * FROM ({_FORMAT2_ROWS}) {where} ORDER BY rid DESC LIMIT ?", [*params, limit]
        ).fetchall()
    finally:
        cursor.close()
    rows.sort(key=lambda r: (r[0], r[14]))
    return [_entry(r) for r in rows[-limit:]]


def distinct(dbapi_connection: Any, column: str) -> list[str]:
    assert column in ("actor", "use_case", "tbl")
    cursor = dbapi_connection.cursor()
    try:
        if column == "tbl" and is_format2_schema(cursor):
            sql = f"SELECT tbl FROM {TABLE} WHERE format = 1 UNION SELECT DISTINCT tbl FROM {RECORDS} ORDER BY 1"
        else:
            sql = f"SELECT DISTINCT {column} FROM {TABLE} ORDER BY 1"
        return [r[0] for r in cursor.execute(sql) if r[0]]
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
                    out.write(("," if count else "") + json.dumps(_exported(entry), ensure_ascii=False) + "\n")
                    count += 1
                out.write("]}\n")
            else:
                out.write("\ufeff")  # Excel opens UTF-8 CSV with Chinese names only with the BOM
                writer = csv.writer(out)
                writer.writerow([*ENTRY_COLUMNS[:-2], "format", "records", *ENTRY_COLUMNS[-2:]])
                for entry in iter_entries(cursor, where, params):
                    writer.writerow(["" if v is None else v for v in (entry.seq, entry.at, entry.actor, entry.actor_id,
                                     entry.use_case, entry.txn, entry.table, entry.record, entry.before,
                                     entry.after, entry.format, entry.records, entry.prev, entry.hash)])  # fmt: skip
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

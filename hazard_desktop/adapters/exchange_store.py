"""The exchange's storage (issue 15): generic reads and writes of the record kinds of
``domain.exchange.RECORD_KINDS`` on one SQL transaction, identity, peers, what each peer has, conflicts.

Rows travel as stored: the values SQLite holds (text, integers, reals, NULL) are JSON as they are, so a
record arrives byte for byte as it left and its hash is the same on both sides. A column only one side has
(a file of an older schema) takes the column's default. Columns that are this database's own never travel
(``LOCAL_COLUMNS``: the register's integer key of the full-text index, the conflict mark). Foreign keys are
checked at commit (``PRAGMA defer_foreign_keys``), so the order of kinds within a file does not matter.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from hazard_desktop.adapters.audit import known_blob_digests
from hazard_desktop.domain.accounts import Actor
from hazard_desktop.domain.audit import Who
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.exchange import (
    BOOKKEEPING_FIELDS,
    KINDS_BY_NAME,
    RECORD_KINDS,
    SLOT_SIZE,
    Identity,
    Peer,
    RecordKind,
    Role,
)
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.search import hazard_tokens
from hazard_desktop.services.exchange import FieldDiff, Fields, RecordConflict

LOCAL_COLUMNS: dict[str, frozenset[str]] = {"hazards": frozenset({"pk", "exchange_conflict"})}
# Columns added to a travelling table after the exchange began (revision 0014: an imported hazard's ledger
# 发现人 and "a date only"): left out of a record while NULL, so that every record without them keeps the
# revision (the hash of its fields) it had and was agreed with the peers before they existed; absent means NULL.
# Revision 0016: a LEC grading's §5.1 check (NULL for every grading stored before it).
SPARSE_COLUMNS: dict[str, frozenset[str]] = {
    "hazards": frozenset({"found_by_text", "found_date_only"}),
    "gradings": frozenset(
        {
            "check_basis",
            "check_criteria_digest",
            "check_criteria_items",
            "check_criteria_newest",
            "checked_at",
            "checked_by",
        }
    ),
}
_CHUNK = 500
_STAGED = 5000  # rows per staged statement (``_staged``)
_STAMP = "%Y-%m-%d %H:%M:%S.%f"


def _fields(names: Sequence[str], row: Sequence[object], sparse: frozenset[str] | None) -> Fields:
    fields = dict(zip(names, row, strict=True))
    if sparse:
        for name in sparse:
            if fields.get(name, 0) is None:
                del fields[name]
    return fields


def _stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None).strftime(_STAMP)


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(str(text)).replace(tzinfo=UTC)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def numbering(connection: Any) -> tuple[int, int | None]:
    """This installation's number slot (0, the office's, when none is set: the numbering as before) and, at
    the office, the first sequence reserved for a laptop (None: no laptop registered). ``connection``: a
    SQLAlchemy connection or a plain sqlite3 one."""
    sql = (
        "SELECT (SELECT number_slot FROM installation LIMIT 1),"
        " (SELECT MIN(number_slot) FROM exchange_peers WHERE number_slot > 0)"
    )
    if hasattr(connection, "exec_driver_sql"):
        row = connection.exec_driver_sql(sql).first()
    else:
        row = connection.execute(sql).fetchone()
    slot = int(row[0]) if row is not None and row[0] is not None else 0
    reserved = None if row is None or row[1] is None or slot != 0 else int(row[1]) * SLOT_SIZE + 1
    return slot, reserved


def _values(rows: Sequence[tuple[uuid.UUID, Fields]], names: Sequence[str]) -> list[tuple[object, ...]]:
    """Each record's values in the order of ``names``; a column a record lacks is NULL (a file of an older
    schema, a sparse column left out while NULL). One ``itemgetter`` call per record when every record has every
    column, else on each record laid over NULLs (hazards without their ``SPARSE_COLUMNS``: most of them)."""
    if len(names) == 1:
        return [(f.get(names[0]),) for _, f in rows]
    take = itemgetter(*names)
    try:
        return [take(f) for _, f in rows]
    except KeyError:
        blank = dict.fromkeys(names)
        return [take(blank | f) for _, f in rows]


class SqlExchangeSession:
    """One write transaction over the exchanged tables (plain SQL on the stored values)."""

    def __init__(self, connection: Connection, revision: str) -> None:
        self._c = connection
        self._revision = revision
        self._columns: dict[str, tuple[str, ...]] = {}

    # ------------------------------------------------------------ plumbing
    def _sql(self, sql: str, params: Any = ()) -> Any:
        return self._c.exec_driver_sql(sql, params)

    def _rows(self, sql: str, params: Sequence[object] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of a read in this transaction straight from the driver's cursor: SQLAlchemy's row objects and
        its fetch per row cost more than the read itself over tens of thousands of records or photos. A driver
        error becomes SQLAlchemy's, as on every other path (``SqlExchangeStore.session`` classifies it)."""
        cursor = self._c.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, tuple(params))
            while rows := cursor.fetchmany(2000):
                yield from rows
        except sqlite3.Error as exc:
            raise DBAPIError.instance(sql, tuple(params), exc, sqlite3.Error) from exc
        finally:
            cursor.close()

    def _staged(self, verb: str, table: str, names: Sequence[str], values: Sequence[tuple[object, ...]]) -> None:
        """``verb`` (``INSERT``, ``INSERT OR REPLACE``) ``values`` into ``table`` through a TEMP staging table: the
        rows go there by ``executemany`` (no index, no trigger, in memory), then into ``table`` with one ``INSERT …
        SELECT`` per 5,000. The same rows and the same values (the staging columns have no type, so each value
        is as bound until ``table``'s own column takes it), but the audit trail's triggers make SQLite keep a
        statement journal per statement, which one statement per row paid 30,000 times (as the bulk writer,
        ``adapters/bulk.py``)."""
        columns = ", ".join(names)
        self._sql("DROP TABLE IF EXISTS temp.exchange_stage")
        self._sql(f"CREATE TEMP TABLE exchange_stage ({columns})")
        try:
            stage = f"INSERT INTO temp.exchange_stage VALUES ({', '.join('?' * len(names))})"
            for part in _chunks(values, _STAGED):
                self._c.exec_driver_sql(stage, list(part))
                self._sql(f"{verb} INTO main.{table} ({columns}) SELECT {columns} FROM temp.exchange_stage")
                self._sql("DELETE FROM temp.exchange_stage")
        finally:
            self._sql("DROP TABLE IF EXISTS temp.exchange_stage")

    def columns(self, table: str) -> tuple[str, ...]:
        if table not in self._columns:
            local = LOCAL_COLUMNS.get(table, frozenset())
            names = [row[1] for row in self._sql(f"PRAGMA table_info({table})")]
            self._columns[table] = tuple(n for n in names if n not in local)
        return self._columns[table]

    def schema_revision(self) -> str:
        return self._revision

    # ------------------------------------------------------------ identity and peers
    def identity(self) -> Identity | None:
        row = self._sql(  # one plant name: the one printed on the sheets (设置 → 工厂设置) when it is set
            "SELECT id, short_code, role, plant_id,"
            " COALESCE(NULLIF((SELECT value FROM settings WHERE key = 'plant_name'), ''), plant_name), number_slot"
            " FROM installation LIMIT 1"
        ).first()
        if row is None:
            return None
        return Identity(uuid.UUID(row[0]), row[1], Role(row[2]), uuid.UUID(row[3]), row[4], row[5])

    def save_identity(self, identity: Identity) -> None:
        now = _stamp()
        self._sql("DELETE FROM installation WHERE id != ?", (str(identity.installation_id),))
        values = (
            identity.short_code,
            identity.role.value,
            str(identity.plant_id),
            identity.plant_name,
            identity.number_slot,
        )
        updated = self._sql(
            "UPDATE installation SET short_code=?, role=?, plant_id=?, plant_name=?, number_slot=?, updated_at=?"
            " WHERE id=?",
            (*values, now, str(identity.installation_id)),
        ).rowcount
        if not updated:
            self._sql(
                "INSERT INTO installation (id, created_at, updated_at, short_code, role, plant_id, plant_name,"
                " number_slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (str(identity.installation_id), now, now, *values),
            )
        if identity.plant_name.strip():  # one plant name: the sheets, the title and the exchange say the same
            self._sql(
                "UPDATE settings SET value = ?, updated_at = ? WHERE key = 'plant_name'", (identity.plant_name, now)
            ).rowcount or self._sql(
                "INSERT INTO settings (id, created_at, updated_at, key, value) VALUES (?, ?, ?, 'plant_name', ?)",
                (str(new_id()), now, now, identity.plant_name),
            )

    def peers(self) -> list[Peer]:
        rows = self._sql(
            "SELECT short_code, role, installation_id, number_slot, last_sent_at, last_received_at"
            " FROM exchange_peers ORDER BY short_code"
        )
        return [
            Peer(r[0], Role(r[1]), uuid.UUID(r[2]) if r[2] else None, r[3], _moment(r[4]), _moment(r[5])) for r in rows
        ]

    def save_peer(self, peer: Peer) -> None:
        now = _stamp()
        values = (
            peer.role.value,
            str(peer.installation_id) if peer.installation_id else None,
            peer.number_slot,
            _stamp(peer.last_sent_at) if peer.last_sent_at else None,
            _stamp(peer.last_received_at) if peer.last_received_at else None,
        )
        updated = self._sql(
            "UPDATE exchange_peers SET role=?, installation_id=?, number_slot=?, last_sent_at=?, last_received_at=?,"
            " updated_at=? WHERE short_code=?",
            (*values, now, peer.short_code),
        ).rowcount
        if not updated:
            self._sql(
                "INSERT INTO exchange_peers (id, created_at, updated_at, role, installation_id, number_slot,"
                " last_sent_at, last_received_at, short_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (str(new_id()), now, now, *values, peer.short_code),
            )

    def highest_sequence(self) -> int:
        """The highest number this register has given in any year (hazards and inspections)."""
        hazards = self._sql("SELECT COALESCE(MAX(last_value), 0) FROM number_sequences").scalar() or 0
        rows = self._sql("SELECT value FROM settings WHERE key LIKE 'inspection_number.%'").all()
        inspections = max((int(v) for (v,) in rows if str(v).isdigit()), default=0)
        return max(int(hazards), inspections)

    def is_empty(self) -> bool:
        for table in ("hazards", "inspections", "gradings"):
            if self._sql(f"SELECT EXISTS (SELECT 1 FROM {table})").scalar():
                return False
        return True

    def clear_reference(self) -> None:
        """Remove the seeded reference data of an empty register before it takes its plant's (joining)."""
        self._sql("DELETE FROM settings WHERE key LIKE 'inspection_number.%'")
        for kind in reversed(RECORD_KINDS):
            reference = kind.direction.value == "down" and kind.hazard_column is None and kind.parent is None
            if reference or kind.table == "people":  # people travel both ways, but the plant's come first
                self._sql(f"DELETE FROM {kind.table}")

    # ------------------------------------------------------------ records
    def _where(self, kind: RecordKind) -> str:
        conditions = []
        if kind.stays_when is not None:
            column, value = kind.stays_when
            conditions.append(f"{column} IS NOT NULL" if value is None else f"{column} IS NOT '{value}'")
        if kind.parent is not None:
            column, parent_name = kind.parent
            parent = KINDS_BY_NAME[parent_name]
            conditions.append(f"{column} IN (SELECT id FROM {parent.table}{self._where(parent)})")
        return (" WHERE " + " AND ".join(conditions)) if conditions else ""

    def records(self, kind: RecordKind) -> Iterator[tuple[uuid.UUID, Fields]]:
        names = self.columns(kind.table)
        key = names.index("id")
        sparse = SPARSE_COLUMNS.get(kind.table)
        for row in self._rows(f"SELECT {', '.join(names)} FROM {kind.table}{self._where(kind)}"):
            yield uuid.UUID(row[key]), _fields(names, row, sparse)

    def fetch(self, kind: RecordKind, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Fields]:
        names = self.columns(kind.table)
        key = names.index("id")
        sparse = SPARSE_COLUMNS.get(kind.table)
        found: dict[uuid.UUID, Fields] = {}
        for part in _chunks([str(i) for i in ids]):
            marks = ", ".join("?" * len(part))
            for row in self._rows(f"SELECT {', '.join(names)} FROM {kind.table} WHERE id IN ({marks})", part):
                found[uuid.UUID(row[key])] = _fields(names, row, sparse)
        return found

    def write(self, kind: RecordKind, rows: Sequence[tuple[uuid.UUID, Fields]], *, new: bool) -> None:
        if not rows:
            return
        sparse = SPARSE_COLUMNS.get(kind.table, frozenset())
        names = [n for n in self.columns(kind.table) if n in rows[0][1] or n in sparse]
        is_hazard = kind.table == "hazards"
        old_tokens: dict[str, tuple[int, str]] = {}
        if is_hazard and not new:
            for part in _chunks([str(i) for i, _ in rows]):
                marks = ", ".join("?" * len(part))
                for r in self._sql(
                    "SELECT id, pk, number, description, location, equipment_tag, legacy_number, found_by_text"
                    f" FROM hazards WHERE id IN ({marks})",
                    tuple(part),
                ):
                    old_tokens[r[0]] = (r[1], hazard_tokens(r[2], r[3], r[4], r[5], r[6] or "", r[7] or ""))
        try:
            if new:
                self._staged("INSERT", kind.table, names, _values(rows, names))
            else:
                sets = ", ".join(f"{n} = ?" for n in names if n != "id")
                sql = f"UPDATE {kind.table} SET {sets} WHERE id = ?"
                self._c.exec_driver_sql(sql, _values(rows, [*(n for n in names if n != "id"), "id"]))
        except IntegrityError as exc:
            raise DomainError("exchange_integrity", kind=kind.name, detail=str(exc.orig)) from exc
        if is_hazard:
            self._index(rows, old_tokens)

    def _index(self, rows: Sequence[tuple[uuid.UUID, Fields]], old: Mapping[str, tuple[int, str]]) -> None:
        if old:
            self._c.exec_driver_sql(
                "INSERT INTO hazard_fts(hazard_fts, rowid, tokens) VALUES ('delete', ?, ?)", list(old.values())
            )
        pks = {}
        for part in _chunks([str(i) for i, _ in rows]):
            marks = ", ".join("?" * len(part))
            pks.update(dict(self._sql(f"SELECT id, pk FROM hazards WHERE id IN ({marks})", tuple(part)).all()))
        index = []
        for record_id, f in rows:
            tokens = hazard_tokens(
                str(f["number"]),
                str(f["description"]),
                str(f["location"]),
                str(f.get("equipment_tag") or ""),
                str(f.get("legacy_number") or ""),
                str(f.get("found_by_text") or ""),
            )
            index.append((pks[str(record_id)], tokens))
        self._c.exec_driver_sql("INSERT INTO hazard_fts(rowid, tokens) VALUES (?, ?)", index)

    def missing_references(
        self, kind: RecordKind, rows: Sequence[tuple[uuid.UUID, Fields]], arriving: Mapping[str, Sequence[Fields]]
    ) -> tuple[uuid.UUID, str, object] | None:
        """The first (record, column, value) of ``rows`` whose foreign key names a row neither stored here nor
        among the records ``arriving`` (by table) — checked before anything is written, so the import is
        refused with what is missing instead of failing at commit."""
        if not rows:
            return None
        keys = [(r[3], r[2], r[4]) for r in self._sql(f"PRAGMA foreign_key_list({kind.table})")]
        for column, parent, parent_column in keys:
            parent_column = parent_column or "id"
            values = {f.get(column) for _, f in rows} - {None}
            if not values:
                continue
            present = {f.get(parent_column) for f in arriving.get(parent, ())}
            wanted = sorted((v for v in values if v not in present), key=str)
            found: set[object] = set()
            for part in _chunks(wanted):
                marks = ", ".join("?" * len(part))
                sql = f"SELECT {parent_column} FROM {parent} WHERE {parent_column} IN ({marks})"
                found.update(v for (v,) in self._sql(sql, tuple(part)))
            missing = set(wanted) - found
            if missing:
                record_id, fields = next((i, f) for i, f in rows if f.get(column) in missing)
                return record_id, column, fields.get(column)
        return None

    # ------------------------------------------------------------ files (photos)
    def photos(self, kind: RecordKind, ids: Sequence[uuid.UUID]) -> Iterator[tuple[uuid.UUID, str, bytes]]:
        if kind.blobs is None:
            return
        b = kind.blobs
        by_text = {str(i): i for i in ids}  # the owners as asked for: no UUID parsed per file
        for part in _chunks(list(by_text)):
            marks = ", ".join("?" * len(part))
            for owner, variant, data in self._rows(
                f"SELECT {b.owner}, {b.variant}, {b.data} FROM {b.table} WHERE {b.owner} IN ({marks})"
                f" ORDER BY {b.owner}, {b.variant}",
                part,
            ):
                yield by_text.get(owner) or uuid.UUID(owner), str(variant), bytes(data)

    def write_photos(
        self, kind: RecordKind, rows: Sequence[tuple[uuid.UUID, str, bytes]], digests: Sequence[str] | None = None
    ) -> None:
        """Store photo files; ``digests``: the SHA-256 hex of each row's bytes, known to the caller (checked against
        the file), which the audit trail's record then takes instead of hashing the bytes a second time
        (``audit.known_blob_digests``: only for bytes equal to the row's)."""
        if kind.blobs is None or not rows:
            return
        b = kind.blobs
        if "id" in self.columns(b.table):
            now = _stamp()
            sql = (
                f"INSERT OR REPLACE INTO {b.table} (id, created_at, updated_at, {b.owner}, {b.variant}, {b.data})"
                " VALUES (?, ?, ?, ?, ?, ?)"
            )
            values: list[tuple[object, ...]] = [(str(new_id()), now, now, str(o), v, d) for o, v, d in rows]
        else:
            sql = f"INSERT OR REPLACE INTO {b.table} ({b.owner}, {b.variant}, {b.data}) VALUES (?, ?, ?)"
            values = [(str(o), v, d) for o, v, d in rows]
        known = [] if digests is None else zip((d for _o, _v, d in rows), digests, strict=True)
        with known_blob_digests(known):
            self._c.exec_driver_sql(sql, values)

    # ------------------------------------------------------------ what each peer has
    def known(self, peer: str, kind: str) -> dict[uuid.UUID, str]:
        rows = self._sql("SELECT record_id, hash FROM exchange_known WHERE peer = ? AND kind = ?", (peer, kind))
        return {uuid.UUID(r): h for r, h in rows}

    def remember(self, peer: str, kind: str, hashes: Mapping[uuid.UUID, str], *, ack: bool) -> None:
        if hashes:
            flag = int(ack)
            self._staged(
                "INSERT OR REPLACE", "exchange_known", ("peer", "kind", "record_id", "hash", "ack"),
                [(peer, kind, str(i), h, flag) for i, h in hashes.items()],
            )  # fmt: skip

    def pending_acks(self, peer: str) -> dict[str, dict[uuid.UUID, str]]:
        found: dict[str, dict[uuid.UUID, str]] = {}
        for kind, record_id, digest in self._sql(
            "SELECT kind, record_id, hash FROM exchange_known WHERE peer = ? AND ack = 1", (peer,)
        ):
            found.setdefault(kind, {})[uuid.UUID(record_id)] = digest
        return found

    def clear_acks(self, peer: str) -> None:
        self._sql("UPDATE exchange_known SET ack = 0 WHERE peer = ? AND ack = 1", (peer,))

    # ------------------------------------------------------------ conflicts
    def open_conflict(
        self, kind: RecordKind, record_id: uuid.UUID, hazard_id: uuid.UUID | None, sender: str, incoming: Fields
    ) -> None:
        now = _stamp()
        body = json.dumps(incoming, ensure_ascii=False, sort_keys=True)
        updated = self._sql(
            "UPDATE exchange_conflicts SET sender=?, incoming=?, updated_at=? WHERE kind=? AND record_id=?",
            (sender, body, now, kind.name, str(record_id)),
        ).rowcount
        if not updated:
            self._sql(
                "INSERT INTO exchange_conflicts (id, created_at, updated_at, kind, record_id, hazard_id, sender,"
                " incoming) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    str(new_id()),
                    now,
                    now,
                    kind.name,
                    str(record_id),
                    str(hazard_id) if hazard_id else None,
                    sender,
                    body,
                ),
            )
        if hazard_id is not None:
            self._sql("UPDATE hazards SET exchange_conflict = 1 WHERE id = ?", (str(hazard_id),))

    def open_incoming(self, kind: RecordKind) -> dict[uuid.UUID, Fields]:
        rows = self._sql("SELECT record_id, incoming FROM exchange_conflicts WHERE kind = ?", (kind.name,))
        return {uuid.UUID(r): json.loads(body) for r, body in rows}

    def conflicts(self) -> list[RecordConflict]:
        rows = self._sql(
            "SELECT c.id, c.kind, c.record_id, c.hazard_id, h.number, c.sender, c.created_at, c.incoming"
            " FROM exchange_conflicts c LEFT JOIN hazards h ON h.id = c.hazard_id ORDER BY c.created_at, c.id"
        ).all()
        found = []
        for cid, kind_name, record_id, hazard_id, number, sender, created, body in rows:
            kind = KINDS_BY_NAME[kind_name]
            incoming = json.loads(body)
            local = self.fetch(kind, [uuid.UUID(record_id)]).get(uuid.UUID(record_id), {})
            names = self._names(kind.table)
            diffs = tuple(
                FieldDiff(
                    name,
                    local.get(name),
                    incoming.get(name),
                    self._text(names.get(name), local.get(name)),
                    self._text(names.get(name), incoming.get(name)),
                )  # fmt: skip
                for name in self.columns(kind.table)
                if local.get(name) != incoming.get(name) and name not in BOOKKEEPING_FIELDS
            )
            found.append(
                RecordConflict(
                    uuid.UUID(cid),
                    kind_name,
                    uuid.UUID(record_id),
                    uuid.UUID(hazard_id) if hazard_id else None,
                    number,
                    sender,
                    _moment(created) or datetime.now(UTC),
                    diffs,
                )
            )
        return found

    def _names(self, table: str) -> dict[str, str]:
        """Columns of ``table`` naming a department or a person (shown by name in a conflict)."""
        return {r[3]: r[2] for r in self._sql(f"PRAGMA foreign_key_list({table})") if r[2] in ("departments", "people")}

    def _text(self, parent: str | None, value: object) -> str:
        if value is None:
            return ""
        if parent is not None:
            row = self._sql(f"SELECT name FROM {parent} WHERE id = ?", (str(value),)).first()
            if row is not None:
                return str(row[0])
        return str(value)

    def close_conflict(self, conflict_id: uuid.UUID) -> tuple[str, uuid.UUID, str, Fields] | None:
        row = self._sql(
            "SELECT kind, record_id, hazard_id, sender, incoming FROM exchange_conflicts WHERE id = ?",
            (str(conflict_id),),
        ).first()
        if row is None:
            return None
        self._sql("DELETE FROM exchange_conflicts WHERE id = ?", (str(conflict_id),))
        if row[2] is not None:
            still = self._sql("SELECT EXISTS (SELECT 1 FROM exchange_conflicts WHERE hazard_id = ?)", (row[2],))
            if not still.scalar():
                self._sql("UPDATE hazards SET exchange_conflict = 0 WHERE id = ?", (row[2],))
        return row[0], uuid.UUID(row[1]), row[3], json.loads(row[4])

    def commit(self) -> None:
        self._c.commit()


class SqlExchangeStore:
    """Makes one :class:`SqlExchangeSession` per use case on the register's engine."""

    def __init__(self, engine: Engine, revision: str, actor: Callable[[], Actor] | None = None) -> None:
        self._engine = engine
        self._revision = revision
        self._actor = actor  # who acts (the signed-in session's); the audit trail names them, else "system"

    @contextmanager
    def session(self) -> Iterator[SqlExchangeSession]:
        from hazard_desktop.adapters.unit_of_work import classify

        try:
            with self._engine.connect() as connection:
                connection.begin()  # BEGIN IMMEDIATE (db.py): the write lock first
                if self._actor is not None:
                    actor = self._actor()
                    account = None if actor.account_id is None else str(actor.account_id)
                    connection.info["audit_who"] = Who(actor.name or "system", account, "exchange")
                connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                try:
                    yield SqlExchangeSession(connection, self._revision)
                finally:
                    if connection.in_transaction():
                        connection.rollback()  # not committed: nothing is kept
        except OperationalError as exc:
            raise classify(exc) from exc
        except IntegrityError as exc:  # a foreign key the file's records leave dangling (checked at commit)
            raise DomainError("exchange_integrity", kind="", detail=str(exc.orig)) from exc

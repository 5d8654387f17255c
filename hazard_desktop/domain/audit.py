"""The audit trail's pure rules: the canonical serialisation of a record's state and of an entry, and the
types the trail is read as (``adapters/audit.py`` explains how entries are written and verified)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # what json.dumps(ensure_ascii=False) writes a text as

ZERO_HASH = "0" * 64
GENESIS = "genesis"
ENTRY_COLUMNS = (
    "seq",
    "at",
    "actor",
    "actor_id",
    "use_case",
    "txn",
    "tbl",
    "record",
    "before",
    "after",
    "prev",
    "hash",
)


# --- canonical forms ---------------------------------------------------------------------------------------


def _value(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return value


def _canonical(obj: dict[str, object]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def row_digest(names: Sequence[str], values: Sequence[object]) -> str:
    """The digest of one stored row (column names and values as SQLite returns them): the definition."""
    pairs = zip(names, values, strict=True)
    return hashlib.sha256(_canonical({n: _value(v) for n, v in pairs if v is not None})).hexdigest()


def _json_value(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value)
    return encode_basestring(str(_value(value)))  # a BLOB


def row_digester(names: Sequence[str]) -> Callable[[Sequence[object]], str]:
    """``row_digest`` for many rows of one table's columns: the same bytes, about 4× faster (the keys are
    sorted once and each value is written by the function ``json.dumps`` would use)."""
    order = sorted(range(len(names)), key=lambda i: names[i])
    keys = [encode_basestring(names[i]) + ":" for i in order]
    sha = hashlib.sha256
    text = str

    def digest(row: Sequence[object]) -> str:
        body = ",".join(
            [
                key + (encode_basestring(value) if type(value) is text else _json_value(value))
                for key, value in zip(keys, [row[i] for i in order], strict=True)
                if value is not None
            ]
        )
        return sha(("{" + body + "}").encode("utf-8")).hexdigest()

    return digest


def sorted_row_digester(names: Sequence[str]) -> Callable[..., str]:
    """``row_digest`` as a function of the values given as separate arguments in the order of ``names``, which
    must be sorted (the audit triggers pass the columns so): the same bytes, with no reordering."""
    if list(names) != sorted(names):
        raise ValueError("names must be sorted")
    keys = [encode_basestring(name) + ":" for name in names]
    sha, text, quote, other = hashlib.sha256, str, encode_basestring, _json_value

    def digest(*row: object) -> str:
        body = ",".join(
            [
                key + (quote(value) if type(value) is text else other(value))
                for key, value in zip(keys, row, strict=True)
                if value is not None
            ]
        )
        return sha(("{" + body + "}").encode("utf-8")).hexdigest()

    return digest


@dataclass(frozen=True, slots=True)
class Entry:
    seq: int
    at: str
    actor: str
    actor_id: str | None
    use_case: str
    txn: str
    table: str
    record: str
    before: str | None
    after: str | None
    prev: str
    hash: str
    format: int = 1  # 1: one entry per record (revisions 0011–0012); 2: one per transaction, this row one record
    records: str | None = None  # format 2: the digest of the transaction's records (``records_digest``)

    def fields(self) -> dict[str, object]:
        """The fields its ``hash`` covers (format 1: ``entry_hash``; format 2: ``entry2_hash``)."""
        if self.format == 2:
            return {
                "format": 2, "seq": self.seq, "prev": self.prev, "at": self.at, "actor": self.actor,
                "actor_id": self.actor_id, "use_case": self.use_case, "txn": self.txn, "records": self.records,
            }  # fmt: skip
        return {
            "seq": self.seq, "prev": self.prev, "at": self.at, "actor": self.actor, "actor_id": self.actor_id,
            "use_case": self.use_case, "txn": self.txn, "table": self.table, "record": self.record,
            "before": self.before, "after": self.after,
        }  # fmt: skip


def entry_hash_reference(fields: dict[str, object]) -> str:
    """The definition of an entry's hash (``entry_hash`` writes the same bytes faster)."""
    return hashlib.sha256(_canonical(fields)).hexdigest()


_ENTRY_KEYS = ("actor", "actor_id", "after", "at", "before", "prev", "record", "seq", "table", "txn", "use_case")
_ENTRY_PREFIXES = tuple(("{" if i == 0 else ",") + encode_basestring(k) + ":" for i, k in enumerate(_ENTRY_KEYS))


def entry_hash(fields: dict[str, object]) -> str:
    """The lowercase hex SHA-256 of an entry's canonical JSON (keys sorted, compact, UTF-8)."""
    parts = []
    for prefix, key in zip(_ENTRY_PREFIXES, _ENTRY_KEYS, strict=True):
        value = fields[key]
        parts.append(prefix + (encode_basestring(value) if type(value) is str else _json_value(value)))
    return hashlib.sha256(("".join(parts) + "}").encode("utf-8")).hexdigest()


def _text(value: object) -> str:
    return "null" if value is None else encode_basestring(str(value))


def entry_hasher(at: str, actor: str, actor_id: str | None, use_case: str, txn: str) -> Callable[..., str]:
    """``entry_hash`` for the entries of one transaction (same ``at``, ``actor``, ``actor_id``, ``use_case``,
    ``txn``): the same bytes, with the shared fields written once. Call it as
    ``hasher(seq, prev, table, record, before, after)``."""
    # keys sorted: actor, actor_id, after, at, before, prev, record, seq, table, txn, use_case
    head = '{"actor":' + encode_basestring(actor) + ',"actor_id":' + _text(actor_id) + ',"after":'
    middle = ',"at":' + encode_basestring(at) + ',"before":'
    tail = (',"txn":' + encode_basestring(txn) + ',"use_case":' + encode_basestring(use_case) + "}").replace("%", "%%")
    template = (head.replace("%", "%%") + "%s" + middle.replace("%", "%%") + '%s,"prev":%s,"record":%s,"seq":%d,'
                '"table":%s' + tail)  # fmt: skip
    sha, quote = hashlib.sha256, encode_basestring
    tables: dict[str, str] = {}

    def digest(seq: int, prev: str, table: str, record: str, before: str | None, after: str | None) -> str:
        table_text = tables.get(table) or tables.setdefault(table, quote(table))
        text = template % (
            "null" if after is None else quote(after),
            "null" if before is None else quote(before),
            quote(prev),
            quote(record),
            seq,
            table_text,
        )
        return sha(text.encode("utf-8")).hexdigest()

    return digest


# --- format 2 (revision 0013): one entry per transaction, its records beside it ------------------------------


def _value2(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, float):
        return json.dumps(value)
    return value


def state2_digest(text: str) -> str:
    """The digest of a format-2 state text: its trailing ``null`` elements left out, SHA-256 hex of UTF-8."""
    while text.endswith(",null]"):
        text = text[:-6] + "]"
    if text == "[null]":
        text = "[]"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_digest2(values: Sequence[object]) -> str:
    """A record's digest in format 2 (the records of revision 0013 on), the definition: the compact JSON array
    (``ensure_ascii=False``) of its columns' values in the table's column order, a real as the string of its
    ``json.dumps``, a BLOB as the string ``"sha256:<hex>"``, trailing NULLs left out (a column added later,
    NULL, changes no digest); SHA-256 hex of the UTF-8. The storage builds the same text in SQL
    (``adapters/audit.state2_sql``: a real outside a REAL column, which the program never writes, is rendered by
    SQLite there)."""
    text = json.dumps([_value2(v) for v in values], ensure_ascii=False, separators=(",", ":"))
    return state2_digest(text)


def record_line(record_id: int, entry: int, table: str, record: str, before: str | None, after: str | None) -> str:
    """One record of a format-2 entry as its digest reads it: the compact JSON array
    ``[id, entry, table, record, before, after]`` (``ensure_ascii=False``; SQLite's ``json_array`` writes the
    same text, which is how the storage reads it)."""
    return json.dumps([record_id, entry, table, record, before, after], ensure_ascii=False, separators=(",", ":"))


def records_digest(lines: Sequence[str]) -> str:
    """The digest of a transaction's records: SHA-256 of their lines (``record_line``, in ``id`` order), each
    followed by a newline, UTF-8."""
    return hashlib.sha256("".join([line + "\n" for line in lines]).encode("utf-8")).hexdigest()


def entry2_hash(fields: dict[str, object]) -> str:
    """A format-2 entry's hash: SHA-256 of the canonical JSON (as a record's state: keys sorted, compact, UTF-8)
    of ``format`` (2), ``seq``, ``prev``, ``at``, ``actor``, ``actor_id``, ``use_case``, ``txn`` and ``records``."""
    return hashlib.sha256(_canonical(fields)).hexdigest()


@dataclass(frozen=True, slots=True)
class Who:
    """Who acts and in which use case (r14c's ``uow.actor`` / ``uow.use_case``; SYSTEM when unknown)."""

    actor: str = "system"
    actor_id: str | None = None
    use_case: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One break: ``kind`` chain_hash | chain_link | chain_gap | record_changed | record_deleted | record_unrecorded."""

    kind: str
    seq: int | None
    table: str = ""
    record: str = ""


@dataclass(frozen=True, slots=True)
class Verification:
    entries: int
    records: int
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def first(self) -> Finding | None:
        return self.findings[0] if self.findings else None


@dataclass(frozen=True, slots=True)
class EntryFilter:
    actor: str = ""
    use_case: str = ""
    record: str = ""  # a record key, or a part of it
    table: str = ""
    since: str = ""  # ISO texts compared with ``at`` (UTC)
    until: str = ""

"""The audit trail's pure rules: the canonical serialisation of a record's state and of an entry, and the
types the trail is read as (``adapters/audit.py`` explains how entries are written and verified)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

ZERO_HASH = "0" * 64
GENESIS = "genesis"
ENTRY_COLUMNS = ("seq", "at", "actor", "actor_id", "use_case", "txn", "tbl", "record", "before", "after", "prev", "hash")


# --- canonical forms ---------------------------------------------------------------------------------------


def _value(value: object) -> object:
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return value


def _canonical(obj: dict[str, object]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def row_digest(names: Sequence[str], values: Sequence[object]) -> str:
    """The digest of one stored row (column names and values as SQLite returns them)."""
    return hashlib.sha256(_canonical({n: _value(v) for n, v in zip(names, values, strict=True)})).hexdigest()


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

    def fields(self) -> dict[str, object]:
        return {
            "seq": self.seq, "prev": self.prev, "at": self.at, "actor": self.actor, "actor_id": self.actor_id,
            "use_case": self.use_case, "txn": self.txn, "table": self.table, "record": self.record,
            "before": self.before, "after": self.after,
        }  # fmt: skip


def entry_hash(fields: dict[str, object]) -> str:
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

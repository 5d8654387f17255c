"""Use cases of the offline exchange (issue 15): identity, export, preview, import, conflicts, joining.

Standard library only. Storage is the :class:`ExchangeStore` port (``adapters/exchange_store.py``: one
SQL transaction per use case over the record kinds of ``domain.exchange.RECORD_KINDS``), the file is the
:class:`PackageFiles` port (``adapters/exchange_file.py``: the ``.hzx`` zip, its manifest and checks).
"""

from __future__ import annotations

import gc
import hashlib
import json
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.exchange import (
    BOOKKEEPING_FIELDS,
    FIRST_FIELD_SLOT,
    FORMAT,
    FORMAT_VERSION,
    KINDS_BY_NAME,
    LAST_FIELD_SLOT,
    OFFICE_SLOT,
    RECORD_KINDS,
    Identity,
    Peer,
    RecordKind,
    Role,
    Side,
    accepts,
    check_short_code,
    first_free_slot,
    sends,
)
from hazard_desktop.domain.reference import namesake

Progress = Callable[[int, int], bool]  # (done, total) → False to cancel: ``exchange_cancelled``, nothing written

Fields = dict[str, object]  # one record as JSON-ready values (text, numbers, None)


# ------------------------------------------------------------------ results for the screens


@dataclass(frozen=True, slots=True)
class KindCounts:
    """What a file holds of one record kind compared with this register."""

    kind: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a file would do (nothing is written to see it)."""

    sender: str  # sender's short code
    sender_role: Role
    plant_name: str
    created_at: datetime
    schema_revision: str
    kinds: tuple[KindCounts, ...]
    photos: int  # new photos carried (photo records with their files; a photo's renditions count once)
    joins: bool  # True: importing makes this (empty) register join the plant
    # every photo the file carries, new or already here: what the sender's export said it wrote (trial u6:
    # the laptop said 22 photos, the preview "0 photos" because all were here already)
    photos_in_file: int = 0

    @property
    def nothing_new(self) -> bool:
        """True when importing would change nothing (the same file again)."""
        return all(k.new == 0 and k.changed == 0 and k.conflicts == 0 for k in self.kinds)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (one transaction)."""

    preview: ImportPreview
    conflicts_opened: int
    join_file_removed: bool | None = None  # a join: the file was consumed (removed); False: it could not be

    @property
    def changed_nothing(self) -> bool:
        return self.preview.nothing_new


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    to: str | None  # peer's short code; None: everything
    records: int
    photos: int
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One field of a conflicting record: this register's value and the file's."""

    name: str
    local: object
    incoming: object
    local_text: str = ""  # for display: a department's or person's name instead of its id, else the value
    incoming_text: str = ""


@dataclass(frozen=True, slots=True)
class RecordConflict:
    """A record changed on both sides since their last exchange; both versions kept until resolved."""

    id: uuid.UUID
    kind: str
    record_id: uuid.UUID
    hazard_id: uuid.UUID | None
    hazard_number: str | None
    sender: str  # short code of the installation the incoming version came from
    received_at: datetime
    fields: tuple[FieldDiff, ...]  # only the fields that differ


# ------------------------------------------------------------------ ports


class ExchangeSession(Protocol):
    """One write transaction over the exchanged records (``adapters.exchange_store``); rolled back unless
    :meth:`commit` is called."""

    def schema_revision(self) -> str: ...
    def identity(self) -> Identity | None: ...
    def save_identity(self, identity: Identity) -> None: ...
    def peers(self) -> list[Peer]: ...
    def save_peer(self, peer: Peer) -> None: ...
    def highest_sequence(self) -> int: ...
    def is_empty(self) -> bool:
        """True when the register holds no hazard, inspection or grading (a folder that may join)."""
        ...

    def clear_reference(self) -> None: ...
    def columns(self, table: str) -> tuple[str, ...]: ...
    def records(self, kind: RecordKind) -> Iterator[tuple[uuid.UUID, Fields]]: ...
    def fetch(self, kind: RecordKind, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Fields]: ...
    def write(self, kind: RecordKind, rows: Sequence[tuple[uuid.UUID, Fields]], *, new: bool) -> None: ...
    def missing_references(
        self, kind: RecordKind, rows: Sequence[tuple[uuid.UUID, Fields]], arriving: Mapping[str, Sequence[Fields]]
    ) -> tuple[uuid.UUID, str, object] | None: ...
    def photos(self, kind: RecordKind, ids: Sequence[uuid.UUID]) -> Iterator[tuple[uuid.UUID, str, bytes]]: ...
    def write_photos(
        self, kind: RecordKind, rows: Sequence[tuple[uuid.UUID, str, bytes]], digests: Sequence[str] | None = None
    ) -> None:
        """Store photo files; ``digests``, when given: each row's bytes' SHA-256 hex, checked by the caller."""
        ...

    def known(self, peer: str, kind: str) -> dict[uuid.UUID, str]:
        """Hashes of the versions of ``kind`` this installation and ``peer`` both hold (agreed)."""
        ...

    def remember(self, peer: str, kind: str, hashes: Mapping[uuid.UUID, str], *, ack: bool) -> None:
        """Note versions as agreed with ``peer``; ``ack``: received, to be acknowledged in the next file to it."""
        ...

    def pending_acks(self, peer: str) -> dict[str, dict[uuid.UUID, str]]: ...
    def clear_acks(self, peer: str) -> None: ...
    def conflicts(self) -> list[RecordConflict]: ...
    def open_incoming(self, kind: RecordKind) -> dict[uuid.UUID, Fields]: ...
    def open_conflict(
        self, kind: RecordKind, record_id: uuid.UUID, hazard_id: uuid.UUID | None, sender: str, incoming: Fields
    ) -> None: ...
    def close_conflict(self, conflict_id: uuid.UUID) -> tuple[str, uuid.UUID, str, Fields] | None:
        """Remove an open conflict: (kind, record id, sender, incoming fields); None if there is none."""
        ...

    def commit(self) -> None: ...


class ExchangeStore(Protocol):
    def session(self) -> AbstractContextManager[ExchangeSession]: ...


class ExchangePackage(Protocol):
    """A checked file: manifest, records per kind, photo bytes by entry name (close it after use)."""

    @property
    def manifest(self) -> Mapping[str, object]: ...
    def kinds(self) -> list[str]: ...
    def records(self, kind: str) -> dict[uuid.UUID, tuple[str, str | None, Fields]]:
        """``{id: (rev, base, fields)}``."""
        ...

    def photo_names(self) -> list[str]: ...
    def photo(self, name: str) -> bytes:
        """An entry's bytes, checked against the SHA-256 the manifest lists (``digest``)."""
        ...

    def digest(self, name: str) -> str:
        """The SHA-256 hex the manifest lists for an entry (what :meth:`photo` checks its bytes against)."""
        ...

    def verify_rest(self, progress: Progress | None = None) -> None:
        """Check the hash of every entry not read yet (the import calls it before its commit).

        ``progress(done, total)`` after each entry; False stops with ``exchange_cancelled``.
        """
        ...

    def close(self) -> None: ...


class PackageFiles(Protocol):
    """Writes and reads ``.hzx`` files (``adapters.exchange_file``); every refusal is a ``DomainError``."""

    def write(self, target: Path, manifest: Mapping[str, object], entries: Iterator[tuple[str, bytes]]) -> int: ...
    def read(self, path: Path, schema_revision: str, *, deep: bool = True) -> ExchangePackage:
        """Open and check a file; ``deep``: hash every entry at once (else as read, see ``verify_rest``)."""
        ...

    def consume(self, path: Path) -> bool:
        """Remove a join file that has been used (True; False if it cannot be, e.g. a write-protected stick)."""
        ...


# ------------------------------------------------------------------ use cases (see docs/ARCHITECTURE.md)


# one encoder for every record: ``json.dumps`` with these options builds a new one per call (a fifth of the time)
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _canonical(fields: Mapping[str, object]) -> str:
    return _CANONICAL(fields)


def record_hash(fields: Mapping[str, object]) -> str:
    """The revision of a record's content: SHA-256 of its canonical JSON (the same on every installation)."""
    return hashlib.sha256(_canonical(fields).encode("utf-8")).hexdigest()


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while a file is written, or read and its records classified and
    written: the tens of thousands of record dicts made on the way set off full collections over the whole
    process's heap (~0.3 s of an export and import of 10,000 hazards), and none of them is part of a cycle.
    Reference counting frees as always; collection resumes after, whatever happened."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _now() -> datetime:
    return datetime.now(UTC)


def _cancelled(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise DomainError("exchange_cancelled")


def get_identity(store: ExchangeStore) -> Identity | None:
    """This installation's identity; None until set (an installation from before issue 15)."""
    with store.session() as session:
        return session.identity()


def set_identity(store: ExchangeStore, *, short_code: str, role: Role, plant_name: str | None = None) -> Identity:
    """Set this installation's short code and role (creating its id and, the first time, the plant's).

    Raises ``short_code_invalid``, ``role_change_refused`` (a laptop that joined a plant cannot become its
    office, an office with laptops registered cannot become a laptop), ``short_code_taken``.
    """
    code = check_short_code(short_code)
    with store.session() as session:
        current = session.identity()
        peers_now = session.peers()
        if any(p.short_code == code for p in peers_now):
            raise DomainError("short_code_taken", field="short_code", short=code)
        if current is not None and current.role is not role:
            joined = current.role is Role.FIELD and current.number_slot is not None
            registered = current.role is Role.OFFICE and any(p.role is Role.FIELD for p in peers_now)
            if joined or registered:
                raise DomainError("role_change_refused", role=current.role.value)
        if current is None:
            identity = Identity(
                installation_id=uuid.uuid4(),
                short_code=code,
                role=role,
                plant_id=uuid.uuid4(),
                plant_name=(plant_name or "").strip()[:100],
                number_slot=OFFICE_SLOT if role is Role.OFFICE else None,
            )
        else:
            identity = replace(
                current,
                short_code=code,
                role=role,
                plant_name=current.plant_name if plant_name is None else plant_name.strip()[:100],
                number_slot=OFFICE_SLOT
                if role is Role.OFFICE
                else (current.number_slot if current.role is Role.FIELD else None),
            )
        session.save_identity(identity)
        session.commit()
        return identity


def register_terminal(store: ExchangeStore, short_code: str) -> Peer:
    """At the office: register a laptop by its short code and reserve its number slot (idempotent).

    Raises ``not_office``, ``short_code_invalid``, ``short_code_taken``, ``slots_exhausted``.
    """
    code = check_short_code(short_code)
    with store.session() as session:
        me = session.identity()
        if me is None or me.role is not Role.OFFICE:
            raise DomainError("not_office")
        if code == me.short_code:
            raise DomainError("short_code_taken", field="short_code", short=code)
        existing = {p.short_code: p for p in session.peers()}
        if code in existing:
            return existing[code]
        used = {p.number_slot for p in existing.values() if p.number_slot is not None}
        slot = first_free_slot(used, session.highest_sequence())
        if slot is None:
            raise DomainError("slots_exhausted", max=LAST_FIELD_SLOT)
        peer = Peer(code, Role.FIELD, None, slot, None, None)
        session.save_peer(peer)
        session.commit()
        return peer


def peers(store: ExchangeStore) -> list[Peer]:
    with store.session() as session:
        return session.peers()


def _peer_for_export(session: ExchangeSession, me: Identity, to: str | None, everything: bool) -> Peer | None:
    known = {p.short_code: p for p in session.peers()}
    if to is None and me.role is Role.FIELD:
        offices = [p for p in known.values() if p.role is Role.OFFICE]
        if not offices:
            raise DomainError("peer_unknown", peer="")
        return offices[0]
    if to is None:
        if not everything:
            raise DomainError("peer_unknown", peer="")
        return None
    code = to.strip().upper()
    if code not in known:
        raise DomainError("peer_unknown", peer=code)
    return known[code]


def export_exchange(
    store: ExchangeStore,
    files: PackageFiles,
    target: Path,
    *,
    to: str | None = None,
    everything: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write what ``to`` lacks since the last exchange with it (or everything) to ``target``.

    At a laptop ``to`` defaults to the office; at the office a file for nobody in particular needs
    ``everything``. Each record carries its revision (``rev``, the hash of its content) and ``base``: the
    revision this installation last sent to or received from the peer, so the peer tells a change made on
    top of its own version from a conflict. A version counts as the peer's only once the peer acknowledged
    it (its next file lists what it imported, ``acks``), so a file lost on the way is sent again by the
    next export.

    Raises ``identity_missing``, ``peer_unknown``, ``exchange_cancelled``, ``exchange_target_missing``,
    ``exchange_write_failed``; nothing changes and no file remains on refusal or cancel.
    """
    with store.session() as session, _no_cycle_collection():
        me = session.identity()
        if me is None:
            raise DomainError("identity_missing")
        peer = _peer_for_export(session, me, to, everything)
        kinds = [k for k in RECORD_KINDS if sends(k, me.role)]
        acks = session.pending_acks(peer.short_code) if peer is not None else {}
        payloads: list[tuple[str, bytes]] = []
        photo_ids: list[tuple[RecordKind, list[uuid.UUID]]] = []
        counts: dict[str, int] = {}
        for step, kind in enumerate(kinds):
            _cancelled(progress, step, len(kinds) + 1)
            known = session.known(peer.short_code, kind.name) if peer is not None else {}
            parts: list[str] = []  # the entry's JSON, built from each record's canonical text (serialised once)
            hashes: dict[uuid.UUID, str] = {}
            for record_id, fields in session.records(kind):
                text = _canonical(fields)
                rev = hashlib.sha256(text.encode("utf-8")).hexdigest()
                base = known.get(record_id)
                if not everything and base == rev:
                    continue
                based = "null" if base is None else _CANONICAL(base)  # a str: json's C quoting, no encoder pass
                parts.append(f'"{record_id}":{{"base":{based},"fields":{text},"rev":"{rev}"}}')
                hashes[record_id] = rev
            if parts:
                payloads.append((f"records/{kind.name}.json", ("{" + ",".join(parts) + "}").encode("utf-8")))
                counts[kind.name] = len(parts)
                if kind.blobs is not None:
                    photo_ids.append((kind, list(hashes)))
        photos = 0

        def entries() -> Iterator[tuple[str, bytes]]:
            nonlocal photos
            yield from payloads
            for kind, ids in photo_ids:
                for owner, variant, data in session.photos(kind, ids):
                    photos += 1
                    if photos % 200 == 0:
                        _cancelled(progress, len(kinds), len(kinds) + 1)
                    yield f"photos/{kind.name}/{owner}/{variant}", data

        created = _now()
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": session.schema_revision(),
            "plant": {"id": str(me.plant_id), "name": me.plant_name},
            "sender": {"id": str(me.installation_id), "code": me.short_code, "role": me.role.value},
            "to": None
            if peer is None
            else {
                "code": peer.short_code,
                "role": peer.role.value,
                "number_slot": peer.number_slot,
                # the computer the office has bound to this code (its first file); None: a join file
                "id": None if peer.installation_id is None else str(peer.installation_id),
            },
            "everything": everything,
            "created_at": created.isoformat(),
            "contents": counts,
            "acks": {k: {str(i): h for i, h in v.items()} for k, v in acks.items()},
        }
        size = files.write(target, manifest, entries())
        if peer is not None:
            session.clear_acks(peer.short_code)
            session.save_peer(replace(peer, last_sent_at=created))
        session.commit()
        _cancelled(progress, len(kinds) + 1, len(kinds) + 1)
        photo_records = sum(len(ids) for _kind, ids in photo_ids)  # photos as the user counts them, not files
        return ExportResult(
            target, None if peer is None else peer.short_code, sum(counts.values()), photo_records, size
        )


@dataclass(slots=True)
class _Plan:
    """What importing one file does, kind by kind (worked out inside the import's transaction)."""

    sender: Peer
    sender_id: uuid.UUID
    joins: Identity | None
    counts: list[KindCounts]
    new: dict[str, list[tuple[uuid.UUID, Fields]]]
    changed: dict[str, list[tuple[uuid.UUID, Fields]]]
    conflicts: dict[str, list[tuple[uuid.UUID, Fields]]]
    agreed: dict[str, dict[uuid.UUID, str]]
    acks: dict[str, dict[uuid.UUID, str]]


def _text(value: object, entry: str = "manifest.json") -> str:
    if not isinstance(value, str):
        raise DomainError("exchange_tampered", entry=entry)
    return value


def _section(manifest: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = manifest.get(key)
    if not isinstance(value, dict):
        raise DomainError("exchange_tampered", entry="manifest.json")
    return value


def _plan(session: ExchangeSession, package: ExchangePackage) -> _Plan:
    m = package.manifest
    plant = _section(m, "plant")
    sender = _section(m, "sender")
    try:
        plant_id = uuid.UUID(_text(plant.get("id")))
        sender_id = uuid.UUID(_text(sender.get("id")))
        sender_role = Role(_text(sender.get("role")))
        sender_code = check_short_code(_text(sender.get("code")))
    except ValueError as exc:
        raise DomainError("exchange_tampered", entry="manifest.json") from exc
    to = m.get("to")
    me = session.identity()
    joins: Identity | None = None
    if me is None or (me.role is Role.FIELD and me.number_slot is None):  # not joined yet: this file joins
        if sender_role is not Role.OFFICE or not isinstance(to, dict) or to.get("role") != Role.FIELD.value:
            raise DomainError("join_needs_office_file")
        if not session.is_empty():
            raise DomainError("join_not_empty")
        if to.get("id") is not None:  # the office already heard from the computer holding this code
            raise DomainError("join_file_used", short=str(to.get("code")))
        slot = to.get("number_slot")
        if not isinstance(slot, int) or not FIRST_FIELD_SLOT <= slot <= LAST_FIELD_SLOT:
            raise DomainError("exchange_tampered", entry="manifest.json")
        own_id = me.installation_id if me is not None else uuid.uuid4()
        code = check_short_code(_text(to.get("code")))
        joins = Identity(own_id, code, Role.FIELD, plant_id, _text(plant.get("name")), slot)
        me = joins
    elif me.plant_id != plant_id:
        raise DomainError("foreign_plant", plant=str(plant.get("name", "")))
    if sender_id == me.installation_id:
        raise DomainError("exchange_from_self")
    if isinstance(to, dict) and to.get("code") != me.short_code:
        raise DomainError("exchange_not_for_us", to=str(to.get("code")))
    if isinstance(to, dict) and to.get("id") is not None and to.get("id") != str(me.installation_id):
        # the office bound this code to another computer: this one joined with a join file already used
        raise DomainError("exchange_duplicate_terminal", short=me.short_code)
    if sender_role is me.role:
        raise DomainError("exchange_same_role", role=me.role.value)
    existing = {p.short_code: p for p in session.peers()}
    peer = existing.get(sender_code) or Peer(sender_code, sender_role, sender_id, None, None, None)
    if peer.installation_id is not None and peer.installation_id != sender_id:
        raise DomainError("exchange_peer_mismatch", peer=sender_code)
    plan = _Plan(replace(peer, installation_id=sender_id), sender_id, joins, [], {}, {}, {}, {}, {})
    carried = set(package.kinds())
    acks = _acks(m.get("acks"))
    pending = session.pending_acks(sender_code) if joins is None else {}
    for kind in RECORD_KINDS:
        if kind.name in acks and joins is None:  # what the sender took from us: now agreed
            known = session.known(sender_code, kind.name)
            plan.acks[kind.name] = {i: h for i, h in acks[kind.name].items() if known.get(i) != h}
        if kind.name not in carried or not accepts(kind, sender_role):
            continue
        incoming = package.records(kind.name)
        local = session.fetch(kind, list(incoming)) if joins is None else {}
        known = session.known(sender_code, kind.name) if joins is None else {}
        held = session.open_incoming(kind) if not kind.immutable else {}
        new: list[tuple[uuid.UUID, Fields]] = []
        changed: list[tuple[uuid.UUID, Fields]] = []
        conflicting: list[tuple[uuid.UUID, Fields]] = []
        agreed: dict[uuid.UUID, str] = {}
        unchanged = 0
        for record_id, (rev, base, fields) in incoming.items():
            if record_hash(fields) != rev:
                raise DomainError("exchange_tampered", entry=f"records/{kind.name}.json")
            mine = local.get(record_id)
            if mine is None:
                new.append((record_id, fields))
                agreed[record_id] = rev
                continue
            if kind.immutable:
                unchanged += 1
                agreed[record_id] = rev
                continue
            current = record_hash(mine)
            if current == rev:
                unchanged += 1
                agreed[record_id] = rev
            elif base == current:  # changed there on top of the version here
                changed.append((record_id, fields))
                agreed[record_id] = rev
            elif (
                known.get(record_id) == rev or record_id in held and record_hash(held[record_id]) == rev
            ):  # seen before, changed here since: the sender gets ours
                unchanged += 1
            else:
                conflicting.append((record_id, fields))
        plan.counts.append(KindCounts(kind.name, len(new), len(changed), unchanged, len(conflicting)))
        plan.new[kind.name], plan.changed[kind.name], plan.conflicts[kind.name] = new, changed, conflicting
        # to acknowledge in the next file to the sender (again, if it sent them again: it lacks our ack)
        waiting = pending.get(kind.name, {})
        plan.agreed[kind.name] = {i: h for i, h in agreed.items() if known.get(i) != h or waiting.get(i) != h}
    if joins is None:
        _check_references(session, plan)
        _check_people(session, plan)
    return plan


def _check_references(session: ExchangeSession, plan: _Plan) -> None:
    """Refuse a file whose records name a row this register lacks and the file does not bring (e.g. a
    person made on a laptop before people travelled up): said before anything is written."""
    arriving: dict[str, list[Fields]] = {}
    for kind in RECORD_KINDS:
        arriving.setdefault(kind.table, []).extend(f for _, f in plan.new.get(kind.name, ()))
        arriving[kind.table].extend(f for _, f in plan.changed.get(kind.name, ()))
    for kind in RECORD_KINDS:
        rows = [*plan.new.get(kind.name, ()), *plan.changed.get(kind.name, ())]
        missing = session.missing_references(kind, rows, arriving)
        if missing is not None:
            record_id, column, value = missing
            raise DomainError(
                "exchange_missing_reference", kind=kind.name, record=str(record_id), column=column, value=str(value)
            )


@dataclass(frozen=True, slots=True)
class _Staff:
    """What the namesake rule reads of a person record (``domain.reference.namesake``)."""

    id: uuid.UUID
    name: str
    department_id: uuid.UUID
    employee_no: str

    @classmethod
    def of(cls, record_id: uuid.UUID, fields: Mapping[str, object]) -> _Staff:
        try:
            department = uuid.UUID(str(fields.get("department_id")))
        except ValueError as exc:
            raise DomainError("exchange_tampered", entry="people") from exc
        return cls(record_id, str(fields.get("name") or ""), department, str(fields.get("employee_no") or ""))


def _check_people(session: ExchangeSession, plan: _Plan) -> None:
    """Refuse a file that would leave two people of one name in one department whom no employee numbers tell
    apart, or two people with one employee number — what ``reference_admin.save_person`` refuses, here made on
    two computers at once (a laptop and the office each entered 王新工 of 合成一车间). Said before anything is
    written, naming the person; a person who arrives unchanged in name, department and number is not judged
    again (a register may hold such pairs from before the rule)."""
    kind = KINDS_BY_NAME["person"]
    arriving = {i: _Staff.of(i, f) for i, f in (*plan.new.get(kind.name, ()), *plan.changed.get(kind.name, ()))}
    if not arriving:
        return
    here = {i: _Staff.of(i, f) for i, f in session.records(kind)}
    after = {**here, **arriving}
    for record_id, person in arriving.items():
        before = here.get(record_id)
        if before is not None and (before.name, before.department_id, before.employee_no) == (
            person.name,
            person.department_id,
            person.employee_no,
        ):
            continue  # not changed in what the rule reads
        others = [p for i, p in after.items() if i != record_id]
        number = person.employee_no.casefold()
        same_number = next((p for p in others if number and p.employee_no.casefold() == number), None)
        if same_number is not None:
            raise DomainError(
                "exchange_employee_no_duplicate", name=person.name, employee_no=person.employee_no,
                other=same_number.name,
            )  # fmt: skip
        same = namesake(others, person.name, person.department_id, person.employee_no)
        if same is not None:
            department = session.fetch(KINDS_BY_NAME["department"], [person.department_id])
            raise DomainError(
                "exchange_person_duplicate", name=person.name,
                department=str(next(iter(department.values()), {}).get("name", "")),
            )  # fmt: skip


def _acks(value: object) -> dict[str, dict[uuid.UUID, str]]:
    """The manifest's acknowledgements: ``{kind: {id: rev}}`` of the records the sender took from us."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DomainError("exchange_tampered", entry="manifest.json")
    found: dict[str, dict[uuid.UUID, str]] = {}
    try:
        for kind, items in value.items():
            if kind in KINDS_BY_NAME and isinstance(items, dict):
                found[kind] = {uuid.UUID(i): _text(h) for i, h in items.items()}
    except ValueError as exc:
        raise DomainError("exchange_tampered", entry="manifest.json") from exc
    return found


def _preview(plan: _Plan, package: ExchangePackage) -> ImportPreview:
    m = package.manifest
    try:
        created = datetime.fromisoformat(_text(m.get("created_at")))
    except ValueError as exc:
        raise DomainError("exchange_tampered", entry="manifest.json") from exc
    # photos as the user counts them: one per photo record, not per file (original and its renditions)
    owners = {name[: name.rindex("/")] for name in package.photo_names()}  # photos/<kind>/<record id>
    photos = sum(
        f"photos/{kind}/{record_id}" in owners for kind, rows in plan.new.items() for record_id, _fields in rows
    )
    in_file = sum(  # counted as the export counts them: the records of the photo kinds the file carries
        c.new + c.changed + c.unchanged + c.conflicts for c in plan.counts if KINDS_BY_NAME[c.kind].blobs is not None
    )
    return ImportPreview(
        sender=plan.sender.short_code,
        sender_role=plan.sender.role,
        plant_name=str(_section(m, "plant").get("name", "")),
        created_at=created,
        schema_revision=str(m.get("schema_revision")),
        kinds=tuple(plan.counts),
        photos=photos,
        joins=plan.joins is not None,
        photos_in_file=in_file,
    )


def exchange_preview(
    store: ExchangeStore, files: PackageFiles, path: Path, *, progress: Progress | None = None
) -> ImportPreview:
    """Check ``path`` and count, per kind, what importing it would do. Writes nothing.

    Every entry is checked against its hash before anything is counted. ``progress(done, total)`` is told
    after each entry checked; when it says False the preview stops (``exchange_cancelled``).

    Raises the file's refusals (``exchange_*`` codes, see docs/ARCHITECTURE.md), ``foreign_plant``,
    ``exchange_from_self``, ``exchange_not_for_us``, ``join_needs_office_file``, ``join_not_empty``.
    """
    with store.session() as session:
        package = files.read(path, session.schema_revision(), deep=progress is None)
        try:
            if progress is not None:
                _cancelled(progress, 0, 1)
                package.verify_rest(progress)  # what deep reading does, entry by entry, with Cancel between
            plan = _plan(session, package)
            _cancelled(progress, 1, 1)
            return _preview(plan, package)
        finally:
            package.close()


def import_exchange(
    store: ExchangeStore,
    files: PackageFiles,
    path: Path,
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``path`` in one transaction (same refusals as the preview). Importing it again changes nothing.

    New records are inserted, records changed only at the sender are updated, immutable records are
    appended once; a record changed on both sides keeps this register's version, the sender's is kept
    beside it (``exchange_conflicts``) and its hazard is marked until :func:`resolve_conflict`. Into an
    empty register without identity this is joining the plant (the file must be the office's, addressed
    to a registered laptop): the register takes the plant's reference data, the short code and the number
    slot the office gave it.
    """
    with store.session() as session, _no_cycle_collection():
        package = files.read(path, session.schema_revision(), deep=False)
        try:
            plan = _plan(session, package)
            preview = _preview(plan, package)
            bookkeeping = any(plan.acks.values()) or any(plan.agreed.values())
            if preview.nothing_new and plan.joins is None and not bookkeeping:
                package.verify_rest()  # a file tampered with is refused even when it brings nothing new
                return ImportResult(preview, 0)  # the same file again: not a byte is written
            if plan.joins is not None:
                session.clear_reference()
                session.save_identity(plan.joins)
            total = sum(len(v) for v in plan.new.values()) + sum(len(v) for v in plan.changed.values())
            done = 0
            opened = 0
            sender = plan.sender.short_code
            photo_names: dict[str, list[tuple[str, str, str]]] = {}  # kind: (record id, rendition, entry name)
            for name in package.photo_names():
                _, kind_name, owner, variant = name.split("/")
                photo_names.setdefault(kind_name, []).append((owner, variant, name))
            for kind in RECORD_KINDS:
                new = plan.new.get(kind.name, [])
                changed = plan.changed.get(kind.name, [])
                session.write(kind, new, new=True)
                session.write(kind, changed, new=False)
                if kind.blobs is not None and new:
                    wanted = {str(record_id): record_id for record_id, _fields in new}
                    blobs: list[tuple[uuid.UUID, str, bytes]] = []
                    digests: list[str] = []  # checked by photo(): the audit trail need not hash the bytes again
                    for owner, variant, name in photo_names.get(kind.name, ()):
                        record_id = wanted.get(owner)
                        if record_id is not None:
                            blobs.append((record_id, variant, package.photo(name)))
                            digests.append(package.digest(name))
                            if len(blobs) >= 500:
                                session.write_photos(kind, blobs, digests)
                                blobs, digests = [], []
                    session.write_photos(kind, blobs, digests)
                for record_id, fields in plan.conflicts.get(kind.name, []):
                    hazard = fields.get(kind.hazard_column) if kind.hazard_column else None
                    session.open_conflict(kind, record_id, uuid.UUID(str(hazard)) if hazard else None, sender, fields)
                    opened += 1
                session.remember(sender, kind.name, plan.acks.get(kind.name, {}), ack=False)
                session.remember(sender, kind.name, plan.agreed.get(kind.name, {}), ack=True)
                done += len(new) + len(changed)
                _cancelled(progress, done, total)
            session.save_peer(replace(plan.sender, last_received_at=_now()))
            package.verify_rest()  # every byte of the file checked before the commit (each read once)
            session.commit()
        finally:
            package.close()
    if plan.joins is not None:  # a join file joins once: used up where it was read (ARCHITECTURE, joining)
        return ImportResult(preview, opened, join_file_removed=files.consume(path))
    return ImportResult(preview, opened)


def conflicts(store: ExchangeStore) -> list[RecordConflict]:
    """The open conflicts, oldest first, each with the fields that differ."""
    with store.session() as session:
        return session.conflicts()


def resolve_conflict(store: ExchangeStore, conflict_id: uuid.UUID, choices: Mapping[str, Side]) -> None:
    """Keep, field by field, this register's value or the file's; fields not named keep the local value.

    The result is this register's version; the sender is told it was based on the sender's version, so
    the sender takes it at the next exchange without a conflict. Raises ``conflict_not_found``.
    """
    with store.session() as session:
        closed = session.close_conflict(conflict_id)
        if closed is None:
            raise DomainError("conflict_not_found")
        kind_name, record_id, sender, incoming = closed
        kind = KINDS_BY_NAME[kind_name]
        local = session.fetch(kind, [record_id]).get(record_id)
        if local is None:
            merged = dict(incoming)
            session.write(kind, [(record_id, merged)], new=True)
        else:
            merged = dict(local)
            for name, side in choices.items():
                if side is Side.INCOMING and name in incoming and name != "id" and name not in BOOKKEEPING_FIELDS:
                    merged[name] = incoming[name]
            for name, pick in (("created_at", min), ("updated_at", max)):  # bookkeeping: nobody chooses it
                ours, theirs = merged.get(name), incoming.get(name)
                if isinstance(ours, str) and isinstance(theirs, str):
                    merged[name] = pick(ours, theirs)
            if "revision" in merged and isinstance(merged["revision"], int):
                theirs = incoming.get("revision")
                merged["revision"] = max(merged["revision"], theirs if isinstance(theirs, int) else 0) + 1
            if merged != local:
                session.write(kind, [(record_id, merged)], new=False)
        session.remember(sender, kind.name, {record_id: record_hash(incoming)}, ack=True)
        session.commit()

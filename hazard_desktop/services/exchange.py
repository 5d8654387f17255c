"""Use cases of the offline exchange (issue 15): identity, export, preview, import, conflicts, joining.

Standard library only. Storage is the :class:`ExchangeStore` port (``adapters/exchange_store.py``: one
SQL transaction per use case over the record kinds of ``domain.exchange.RECORD_KINDS``), the file is the
:class:`PackageFiles` port (``adapters/exchange_file.py``: the ``.hzx`` zip, its manifest and checks).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from hazard_desktop.domain.exchange import Identity, Peer, RecordKind, Role, Side

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
    photos: int  # photo files carried
    joins: bool  # True: importing makes this (empty) register join the plant

    @property
    def nothing_new(self) -> bool:
        """True when importing would change nothing (the same file again)."""
        return all(k.new == 0 and k.changed == 0 and k.conflicts == 0 for k in self.kinds)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (one transaction)."""

    preview: ImportPreview
    conflicts_opened: int

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
    """One transaction over the exchanged records (``adapters.exchange_store``)."""

    def schema_revision(self) -> str: ...
    def identity(self) -> Identity | None: ...
    def save_identity(self, identity: Identity) -> None: ...
    def peers(self) -> list[Peer]: ...
    def save_peer(self, peer: Peer) -> None: ...
    def is_empty(self) -> bool:
        """True when the register holds no hazard, inspection or grading (a folder that may join)."""
        ...

    def records(self, kind: RecordKind) -> Iterator[tuple[uuid.UUID, Fields]]: ...
    def record(self, kind: RecordKind, record_id: uuid.UUID) -> Fields | None: ...
    def write(self, kind: RecordKind, record_id: uuid.UUID, fields: Fields, *, new: bool) -> None: ...
    def photo(self, kind: RecordKind, record_id: uuid.UUID) -> dict[str, bytes]: ...
    def write_photo(self, kind: RecordKind, record_id: uuid.UUID, variant: str, data: bytes) -> None: ...
    def known(self, peer: str, kind: str) -> dict[uuid.UUID, str]:
        """Hashes of the versions of ``kind`` last sent to or received from ``peer``."""
        ...

    def remember(self, peer: str, kind: str, hashes: Mapping[uuid.UUID, str]) -> None: ...
    def conflicts(self) -> list[RecordConflict]: ...
    def open_conflict(self, kind: RecordKind, record_id: uuid.UUID, sender: str, incoming: Fields) -> None: ...
    def close_conflict(self, conflict_id: uuid.UUID) -> tuple[str, uuid.UUID, Fields] | None: ...
    def mark_hazard(self, hazard_id: uuid.UUID, conflicted: bool) -> None: ...
    def commit(self) -> None: ...


class ExchangeStore(Protocol):
    def session(self) -> AbstractContextManager[ExchangeSession]: ...


class PackageFiles(Protocol):
    """Writes and reads ``.hzx`` files (``adapters.exchange_file``); every refusal is a ``DomainError``."""

    def write(self, target: Path, manifest: Mapping[str, object], entries: Iterator[tuple[str, bytes]]) -> int: ...
    def read(self, path: Path, schema_revision: str) -> ExchangePackage: ...


class ExchangePackage(Protocol):
    """A checked file: manifest, records per kind, photo bytes by entry name."""

    @property
    def manifest(self) -> Mapping[str, object]: ...
    def records(self, kind: str) -> dict[uuid.UUID, Fields]: ...
    def photo(self, name: str) -> bytes: ...


# ------------------------------------------------------------------ use cases (see docs/ARCHITECTURE.md)


def get_identity(store: ExchangeStore) -> Identity | None:
    """This installation's identity; None until set (an installation from before issue 15)."""
    raise NotImplementedError


def set_identity(store: ExchangeStore, *, short_code: str, role: Role, plant_name: str | None = None) -> Identity:
    """Set this installation's short code and role (creating its id and, at an office, the plant's).

    Raises ``short_code_invalid``, ``role_change_refused`` (a laptop that joined cannot become the office).
    """
    raise NotImplementedError


def register_terminal(store: ExchangeStore, short_code: str) -> Peer:
    """At the office: register a laptop by its short code and reserve its number slot (idempotent).

    Raises ``not_office``, ``short_code_invalid``, ``slots_exhausted``.
    """
    raise NotImplementedError


def peers(store: ExchangeStore) -> list[Peer]:
    raise NotImplementedError


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

    Raises ``identity_missing``, ``peer_unknown``, ``exchange_cancelled``; the file is written under a
    temporary name and renamed, nothing remains on refusal or cancel.
    """
    raise NotImplementedError


def exchange_preview(
    store: ExchangeStore, files: PackageFiles, path: Path
) -> ImportPreview:
    """Check ``path`` and count, per kind, what importing it would do. Writes nothing.

    Raises the file's refusals (``exchange_*`` codes, see r15-api.md) and ``foreign_plant``.
    """
    raise NotImplementedError


def import_exchange(
    store: ExchangeStore,
    files: PackageFiles,
    path: Path,
    *,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``path`` in one transaction (same refusals as the preview). Importing it again changes nothing.

    Into an empty register with no identity this is joining the plant (the file must come from the office).
    """
    raise NotImplementedError


def conflicts(store: ExchangeStore) -> list[RecordConflict]:
    raise NotImplementedError


def resolve_conflict(store: ExchangeStore, conflict_id: uuid.UUID, choices: Mapping[str, Side]) -> None:
    """Keep, field by field, this register's value or the file's; fields not named keep the local value."""
    raise NotImplementedError

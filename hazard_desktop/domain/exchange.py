"""Offline exchange between installations of one plant (issue 15): identity, numbers, record kinds.

Pure rules, standard library only. The exchange file (``.hzx``) and the SQL live in adapters; the use
cases in ``services/exchange.py``.

Numbering scheme (why): every installation numbers from its own *number slot*, so no coordination is
needed at the moment a hazard is found and a number, once given, is final (it is printed on sheets):
- the office register (slot 0) numbers ``YH-YYYY-0001`` … ``YH-YYYY-9999`` as before (existing numbers
  keep their meaning), then ``YH-YYYY-500000`` … if a year ever needs more;
- the laptop given slot *k* (1…49, handed out by the office when it registers the laptop, carried in the
  join file) numbers ``YH-YYYY-k0001`` … ``YH-YYYY-k9999`` (six digits, e.g. slot 3: ``YH-2026-030001``).
The format stays ``NUMBER_PATTERN`` (four to six digits), so the register's sort by value
(``register_queries.NUMERIC_NUMBER_KEY``, migration 0006) and the searches work unchanged, and 原编号
(``hazards.legacy_number``) is untouched. Provisional numbers replaced by the office were rejected: a laptop
prints inspection records and rectification forms with the number, and a printed number must not change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from hazard_desktop.domain.errors import DomainError

FORMAT_VERSION = 1
FILE_SUFFIX = ".hzx"

OFFICE_SLOT = 0
FIRST_FIELD_SLOT = 1
LAST_FIELD_SLOT = 49
SLOT_SIZE = 10_000
OFFICE_OVERFLOW_START = 500_000
SHORT_CODE_MAX = 8


class Role(StrEnum):
    """What an installation is in its plant."""

    OFFICE = "office"  # 办公室主库: one per plant
    FIELD = "field"  # 现场终端: any number of laptops


class Direction(StrEnum):
    """Which way a record kind travels."""

    UP = "up"  # laptop → office (findings, inspections, field rectification)
    DOWN = "down"  # office → laptop (reference data, gradings, assignments)
    BOTH = "both"  # either way (hazards, rectification progress)


class Side(StrEnum):
    """Which version of a conflicting field the user keeps."""

    LOCAL = "local"
    INCOMING = "incoming"


@dataclass(frozen=True, slots=True)
class RecordKind:
    """One kind of record that travels: ``name`` (stable, in files), its table, whether it is immutable
    (appended once, never conflicts), which way it travels, and the column naming its hazard (to mark a
    conflict on the hazard), if any."""

    name: str
    table: str
    immutable: bool
    direction: Direction
    hazard_column: str | None = None


@dataclass(frozen=True, slots=True)
class Identity:
    """This installation: its id, short code (set by IT, e.g. "A3"), role, plant and number slot."""

    installation_id: uuid.UUID
    short_code: str
    role: Role
    plant_id: uuid.UUID
    plant_name: str
    number_slot: int | None  # None: a laptop that has not joined (it cannot number hazards yet)


@dataclass(frozen=True, slots=True)
class Peer:
    """Another installation of the plant this one has exchanged with (or, at the office, registered)."""

    short_code: str
    role: Role
    installation_id: uuid.UUID | None  # None: registered at the office, no file received from it yet
    number_slot: int | None
    last_sent_at: datetime | None
    last_received_at: datetime | None


def check_short_code(text: str) -> str:
    """The short code, trimmed and upper-cased: 1–8 letters/digits/hyphens (``short_code_invalid``)."""
    code = text.strip().upper()
    if not code or len(code) > SHORT_CODE_MAX or not all(c.isascii() and (c.isalnum() or c == "-") for c in code):
        raise DomainError("short_code_invalid", field="short_code", max=SHORT_CODE_MAX)
    return code


def slot_range(slot: int) -> tuple[int, int]:
    """First and last sequence of ``slot`` within a year (the office's first range; see module doc)."""
    if slot == OFFICE_SLOT:
        return 1, SLOT_SIZE - 1
    if not FIRST_FIELD_SLOT <= slot <= LAST_FIELD_SLOT:
        raise DomainError("number_slot_invalid", slot=slot)
    return slot * SLOT_SIZE + 1, slot * SLOT_SIZE + SLOT_SIZE - 1


def next_sequence(slot: int, last: int) -> int:
    """The sequence after ``last`` (0: none yet this year) for an installation numbering from ``slot``.

    Refuses (``numbers_exhausted``) when a laptop's 9,999 numbers of a year are used up; the office
    continues in its overflow range.
    """
    first, end = slot_range(slot)
    if last < first:
        return first
    if last < end:
        return last + 1
    if slot == OFFICE_SLOT:
        return max(last + 1, OFFICE_OVERFLOW_START)
    raise DomainError("numbers_exhausted", slot=slot)

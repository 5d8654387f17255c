"""Offline exchange between installations of one plant (issue 15): identity, numbers, record kinds.

Pure rules, standard library only. The exchange file (``.hzx``) and the SQL live in adapters; the use
cases in ``services/exchange.py``.

Numbering scheme (why): every installation numbers from its own *number slot*, so no coordination is
needed at the moment a hazard is found and a number, once given, is final (it is printed on sheets):
- the office register (slot 0) numbers ``YH-YYYY-0001`` … as before (existing numbers keep their meaning;
  a plant without laptops numbers past 9,999 as it always did); once laptops are registered it jumps over
  their ranges to ``YH-YYYY-500000`` … if a year ever needs more;
- the laptop given slot *k* (1…49, handed out by the office when it registers the laptop — above every
  number the office has given —, carried in the join file) numbers ``k*10000+1`` … ``k*10000+9999``
  (e.g. slot 3: ``YH-2026-30001`` … ``YH-2026-39999``).
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

FORMAT = "hazard-desktop exchange"  # the manifest's "format": what tells our file from any other zip
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
class Blobs:
    """Where a kind's files (photos) are kept: rows of ``table`` naming their record in ``owner`` and
    their variant (original, display, thumbnail…) in ``variant``, bytes in ``data``."""

    table: str
    owner: str = "photo_id"
    variant: str = "kind"
    data: str = "data"


@dataclass(frozen=True, slots=True)
class RecordKind:
    """One kind of record that travels: ``name`` (stable, in files), its table, whether it is immutable
    (appended once, never conflicts), which way it travels, the column naming its hazard (to mark a
    conflict on the hazard), files kept beside it, and a (column, value) that keeps a row at home (a draft)."""

    name: str
    table: str
    immutable: bool
    direction: Direction
    hazard_column: str | None = None
    blobs: Blobs | None = None
    stays_when: tuple[str, str | None] | None = None  # (column, value): None matches NULL
    parent: tuple[str, str] | None = None  # (column, kind): travels only with a parent record that travels


# Columns that are the program's bookkeeping, not something a person wrote: a conflict never offers them as a
# choice; resolving it keeps the earlier creation, the later change and a revision above both sides'.
BOOKKEEPING_FIELDS = frozenset({"created_at", "updated_at", "revision"})

_I, _R = True, False  # immutable / revisioned
UP, DOWN, BOTH = Direction.UP, Direction.DOWN, Direction.BOTH

# Every kind of record that travels, parents before children (foreign keys are checked at commit anyway).
# A new kind is one line here (its table must have an ``id`` UUID key, ``created_at`` and ``updated_at``).
RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind("department", "departments", _R, DOWN),
    RecordKind("person", "people", _R, BOTH),  # an inspector added on the floor reaches the office
    RecordKind("category", "categories", _R, DOWN),
    RecordKind("subcategory", "subcategories", _R, DOWN),
    RecordKind("lec_scale_value", "lec_scale_values", _R, DOWN),
    RecordKind("threshold_set", "threshold_sets", _R, DOWN),
    RecordKind("threshold_band", "threshold_bands", _R, DOWN),
    RecordKind("major_criterion", "major_criteria", _R, DOWN),
    RecordKind("checklist_template", "checklist_templates", _R, DOWN),
    RecordKind("checklist_template_version", "checklist_template_versions", _R, DOWN),
    RecordKind("checklist_section", "checklist_sections", _R, DOWN),
    RecordKind("checklist_item", "checklist_items", _R, DOWN),
    RecordKind("hazard", "hazards", _R, BOTH, hazard_column="id"),
    RecordKind("hazard_photo", "hazard_photos", _I, BOTH, "hazard_id", Blobs("photo_blobs")),
    RecordKind("grading_meeting", "grading_meetings", _R, DOWN),
    RecordKind("grading", "gradings", _R, DOWN, "hazard_id", stays_when=("confirmed_at", None)),
    RecordKind("grading_score", "grading_scores", _I, DOWN, parent=("grading_id", "grading")),
    RecordKind("grading_criterion", "grading_criteria", _I, DOWN, parent=("grading_id", "grading")),
    RecordKind("grading_vote", "grading_votes", _I, DOWN, parent=("grading_id", "grading")),
    RecordKind("grading_panel_member", "grading_panel_members", _I, DOWN, parent=("grading_id", "grading")),  # 0015
    RecordKind("dispute", "disputes", _R, DOWN, "hazard_id"),
    RecordKind("dispute_claim", "dispute_claims", _I, DOWN),
    RecordKind("sheet_print", "sheet_prints", _I, BOTH),
    RecordKind("inspection", "inspections", _R, UP, stays_when=("state", "draft")),
    RecordKind("inspection_inspector", "inspection_inspectors", _I, UP, parent=("inspection_id", "inspection")),
    RecordKind("inspection_answer", "inspection_answers", _I, UP, parent=("inspection_id", "inspection")),
    RecordKind(
        "inspection_photo",
        "inspection_photos",
        _I,
        UP,
        blobs=Blobs("inspection_photo_blobs"),
        parent=("answer_id", "inspection_answer"),
    ),
    RecordKind("rectification_assignment", "rectification_assignments", _R, DOWN, "hazard_id"),
    RecordKind("treatment_plan", "treatment_plans", _R, DOWN, "hazard_id"),
    RecordKind("rectification_note", "rectification_notes", _I, BOTH, "hazard_id"),
    RecordKind(
        "rectification_photo", "rectification_photos", _I, BOTH, "hazard_id", Blobs("rectification_photo_blobs")
    ),
    RecordKind("extension_request", "extension_requests", _R, BOTH, "hazard_id"),
    RecordKind("acceptance", "acceptances", _I, BOTH, "hazard_id"),
    RecordKind("hazard_transition", "hazard_transitions", _I, BOTH, "hazard_id"),
    RecordKind("form_print", "form_prints", _I, BOTH, "hazard_id"),
    RecordKind("report_print", "report_prints", _I, BOTH),  # a statistics report's 核验码 (0014)
)
KINDS_BY_NAME = {kind.name: kind for kind in RECORD_KINDS}


def sends(kind: RecordKind, role: Role) -> bool:
    """True when an installation of ``role`` sends records of ``kind``."""
    return kind.direction is BOTH or (kind.direction is UP) == (role is Role.FIELD)


def accepts(kind: RecordKind, sender_role: Role) -> bool:
    """True when records of ``kind`` are taken from a sender of ``sender_role``."""
    return sends(kind, sender_role)


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


def next_sequence(slot: int, last: int, reserved_from: int | None = None) -> int:
    """The sequence after ``last`` (0: none yet this year) for an installation numbering from ``slot``.

    ``reserved_from``: at the office, the first sequence of the lowest laptop slot registered (None: no
    laptop, the office numbers on as it always did, past 9,999 too). Once laptops exist, the office jumps
    over their ranges to ``OFFICE_OVERFLOW_START``. A laptop's 9,999 numbers of a year used up are refused
    (``numbers_exhausted``).
    """
    if slot == OFFICE_SLOT:
        candidate = last + 1
        if reserved_from is not None and reserved_from <= candidate < OFFICE_OVERFLOW_START:
            return OFFICE_OVERFLOW_START
        return candidate
    first, end = slot_range(slot)
    if last < first:
        return first
    if last < end:
        return last + 1
    raise DomainError("numbers_exhausted", slot=slot)


def first_free_slot(used: set[int], highest_office_sequence: int) -> int | None:
    """The lowest laptop slot not ``used`` whose range lies above every number the office gave so far."""
    lowest = max(FIRST_FIELD_SLOT, highest_office_sequence // SLOT_SIZE + 1)
    return next((k for k in range(lowest, LAST_FIELD_SLOT + 1) if k not in used), None)

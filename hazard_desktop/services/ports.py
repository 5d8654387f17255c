"""Ports: what services need from storage and other infrastructure (implemented in adapters)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol, Self

if TYPE_CHECKING:  # types only: the window's start does not load the domain's rules
    from hazard_desktop.domain.accounts import Account, Actor
    from hazard_desktop.domain.criteria import MajorCriterion
    from hazard_desktop.domain.grading import Dispute, DisputeState, Grading, ScoringRound
    from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, PhotoInfo
    from hazard_desktop.domain.inspections import (
        Answer,
        AnswerPhoto,
        Inspection,
        InspectionState,
        InspectionSummary,
        Template,
    )
    from hazard_desktop.domain.lec import ScaleValue, ThresholdSet
    from hazard_desktop.domain.ledger import ImportedGrading, ImportedRow, LedgerBatch, LedgerOrigin
    from hazard_desktop.domain.meetings import GradingMeeting
    from hazard_desktop.domain.rectification import (
        Acceptance,
        Assignment,
        ExtensionRequest,
        ProgressNote,
        RectificationPhoto,
        Transition,
        TreatmentPlan,
    )
    from hazard_desktop.domain.reference import Category, Department, Person
    from hazard_desktop.domain.sheet_prints import FormPrint, ReportPrint, SheetKind, SheetPrint


class PhotoKind(StrEnum):
    """Stored renditions of a photo."""

    DISPLAY = "display"  # downscaled JPEG for the detail pane and sheets
    THUMB = "thumb"  # small JPEG for lists


@dataclass(frozen=True, slots=True)
class ProcessedImage:
    """An image file turned into the renditions the app stores."""

    sha256: str
    size: int
    width: int
    height: int
    display_jpeg: bytes
    thumb_jpeg: bytes


class ImageProcessor(Protocol):
    """Checks an image file and makes its display copy and thumbnail."""

    def process(self, data: bytes) -> ProcessedImage:
        """Raise ValidationError(photo_not_image / photo_too_large) for bad input."""
        ...


class HazardRepository(Protocol):
    """Hazards and their photos."""

    def add(self, hazard: Hazard) -> None: ...
    def update(self, hazard: Hazard) -> None: ...
    def get(self, hazard_id: uuid.UUID) -> Hazard | None: ...
    def get_by_number(self, number: str) -> Hazard | None: ...
    def next_sequence(self, year: int) -> int:
        """Reserve the next register sequence of ``year``; never hands out a number twice."""
        ...

    def last_sequence(self, year: int) -> int:
        """The last register sequence handed out or recorded in ``year`` (0 if none); reserves nothing."""
        ...

    def note_number(self, year: int, sequence: int) -> None:
        """Record that ``sequence`` is used (imported or typed numbers), so it is never reused."""
        ...

    def add_photo(self, photo: PhotoInfo, image: ProcessedImage) -> None: ...
    def remove_photo(self, photo_id: uuid.UUID) -> None: ...
    def photo_bytes(self, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None: ...
    def count(self) -> int: ...


class ReferenceRepository(Protocol):
    """Departments, people and categories."""

    def departments(self, *, include_inactive: bool = False) -> list[Department]: ...
    def get_department(self, department_id: uuid.UUID) -> Department | None: ...
    def save_department(self, department: Department) -> None: ...
    def people(self, *, include_inactive: bool = False) -> list[Person]: ...
    def get_person(self, person_id: uuid.UUID) -> Person | None: ...
    def save_person(self, person: Person) -> None: ...
    def categories(self) -> list[Category]: ...
    def save_category(self, category: Category) -> None: ...


class LecRepository(Protocol):
    """LEC scales (D.1–D.3) and versioned threshold sets (D.4)."""

    def scale_values(self) -> list[ScaleValue]: ...
    def save_scale_value(self, value: ScaleValue) -> None: ...
    def threshold_sets(self) -> list[ThresholdSet]: ...
    def get_threshold_set(self, set_id: uuid.UUID) -> ThresholdSet | None: ...
    def add_threshold_set(self, threshold_set: ThresholdSet) -> None:
        """Threshold sets are immutable once stored: a change is a new set."""
        ...


class CriteriaRepository(Protocol):
    """Major-hazard criteria; an edit stores a new version and retires the old one."""

    def all(self, *, include_retired: bool = False) -> list[MajorCriterion]: ...
    def get(self, criterion_id: uuid.UUID) -> MajorCriterion | None: ...
    def add(self, criterion: MajorCriterion) -> None: ...
    def retire(self, criterion_id: uuid.UUID, at: datetime) -> None: ...


class SettingsRepository(Protocol):
    """Plant-wide key/value settings (plant name, decimals, ...)."""

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...


class GradingRepository(Protocol):
    """Gradings (with member scores and matched criteria), meetings, disputes and printed sheets.

    A confirmed grading is never changed: ``update`` and ``remove_draft`` raise
    ``InvalidTransition("grading_confirmed")`` for one.
    """

    def add(self, grading: Grading) -> None: ...
    def update(self, grading: Grading) -> None: ...
    def remove_draft(self, grading_id: uuid.UUID) -> None: ...
    def get(self, grading_id: uuid.UUID) -> Grading | None: ...
    def history_for(self, hazard_id: uuid.UUID) -> list[Grading]:
        """Every grading of a hazard (drafts too), oldest first."""
        ...

    def for_meeting(self, meeting_id: uuid.UUID, *, confirmed_only: bool = True) -> list[Grading]: ...
    def count(self, *, confirmed_only: bool = False) -> int: ...
    def add_meeting(self, meeting: GradingMeeting) -> None: ...
    def get_meeting(self, meeting_id: uuid.UUID) -> GradingMeeting | None: ...
    def meetings(self) -> list[GradingMeeting]:
        """Newest first."""
        ...

    def meeting_counts(self) -> dict[uuid.UUID, tuple[int, int]]:
        """Per meeting id: (gradings, confirmed gradings)."""
        ...

    def add_dispute(self, dispute: Dispute) -> None: ...
    def update_dispute(self, dispute: Dispute) -> None: ...
    def get_dispute(self, dispute_id: uuid.UUID) -> Dispute | None: ...
    def disputes_for(self, hazard_id: uuid.UUID) -> list[Dispute]: ...
    def open_disputes(self) -> list[Dispute]: ...
    def disputes(self) -> list[Dispute]: ...
    def set_current(self, hazard_id: uuid.UUID, grading: Grading | None, dispute_state: DisputeState | None) -> None:
        """Copy the grading that counts into the hazard's register columns (grade, method, band, mean D)."""
        ...

    def add_sheet_print(self, sheet_print: SheetPrint) -> None: ...
    def add_round(self, scoring: ScoringRound) -> None: ...
    def save_round(self, scoring: ScoringRound) -> None: ...
    def get_round(self, round_id: uuid.UUID) -> ScoringRound | None: ...
    def open_rounds_for(self, hazard_id: uuid.UUID) -> list[ScoringRound]: ...
    def remove_round(self, round_id: uuid.UUID) -> None: ...
    def find_sheet_prints(self, verify_code: str) -> list[SheetPrint]: ...
    def count_sheet_prints(self, grading_id: uuid.UUID, kind: SheetKind) -> int: ...


class InspectionRepository(Protocol):
    """Checklist templates (versioned), inspections, their answers and answer photos.

    A published template version is never changed: ``replace_template`` refuses one.
    """

    def templates(self, *, include_retired: bool = False) -> list[Template]:
        """The newest version of every template family."""
        ...

    def template_versions(self, template_id: uuid.UUID) -> list[Template]:
        """Every version of one family, oldest first."""
        ...

    def get_template(self, version_id: uuid.UUID) -> Template | None: ...
    def template_digest(self, version_id: uuid.UUID) -> str | None: ...
    def add_template(self, template: Template) -> None:
        """Store a version (and its family, if new), keeping the ids of its sections and items."""
        ...

    def replace_template(self, template: Template) -> None:
        """Change an unpublished version's content in place."""
        ...

    def publish_template(self, version_id: uuid.UUID, at: datetime) -> None: ...
    def retire_template(self, template_id: uuid.UUID, at: datetime | None) -> None:
        """Withdraw a family from new inspections (``at`` None: bring it back)."""
        ...

    def template_usage(self, version_id: uuid.UUID) -> int: ...
    def add(self, inspection: Inspection) -> None: ...
    def get(self, inspection_id: uuid.UUID) -> Inspection | None: ...
    def update(self, inspection: Inspection) -> None: ...
    def delete(self, inspection_id: uuid.UUID) -> None: ...
    def next_number(self, year: int) -> int:
        """Claim the next inspection number of ``year`` (never one given before, even if deleted since)."""
        ...

    def summaries(self, states: frozenset[InspectionState] = frozenset()) -> list[InspectionSummary]:
        """Rows of the inspection list, newest first (empty ``states``: all)."""
        ...

    def answers(self, inspection_id: uuid.UUID) -> list[Answer]: ...
    def get_answer(self, inspection_id: uuid.UUID, item_id: uuid.UUID) -> Answer | None: ...
    def save_answer(self, answer: Answer) -> None:
        """Insert or update (by id); ``photo_count`` is derived from the stored photos."""
        ...

    def add_answer_photo(self, photo: AnswerPhoto, image: ProcessedImage) -> None: ...
    def answer_photos(self, answer_id: uuid.UUID) -> list[AnswerPhoto]: ...
    def remove_answer_photo(self, photo_id: uuid.UUID) -> None: ...
    def answer_photo_bytes(self, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None: ...
    def inspection_of_hazard(self, hazard_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID] | None:
        """(inspection id, item id) of the answer that raised ``hazard_id``."""
        ...


class LedgerRepository(Protocol):
    """Imports of legacy ledgers: batches, the rows they made into hazards, imported LEC history."""

    def known_keys(self, keys: Sequence[str]) -> set[str]:
        """Those of ``keys`` (``domain.ledger.row_key``) that an earlier import stored."""
        ...

    def add_batch(self, batch: LedgerBatch) -> None: ...
    def add_hazards(self, hazards: Sequence[tuple[Hazard, str]]) -> list[Hazard]:
        """Number (the usual rule, in the order given) and store new hazards with their 原编号 ("" for none)."""
        ...

    def add_row(self, row: ImportedRow) -> None: ...
    def add_rows(self, rows: Sequence[ImportedRow]) -> None: ...
    def add_grading(self, grading: ImportedGrading) -> None: ...
    def add_gradings(self, gradings: Sequence[ImportedGrading]) -> None: ...
    def set_legacy_number(self, hazard_id: uuid.UUID, legacy_number: str) -> None:
        """Store a hazard's 原编号 (searchable: it joins the hazard's full-text tokens)."""
        ...

    def origin(self, hazard_id: uuid.UUID) -> LedgerOrigin | None: ...


class RectificationRepository(Protocol):
    """The rectification loop's records (revision 0007). The hazard's own columns go through ``hazards``."""

    def get_assignment(self, hazard_id: uuid.UUID) -> Assignment | None: ...
    def save_assignment(self, assignment: Assignment) -> None:
        """Insert or update (by id)."""
        ...

    def get_plan(self, hazard_id: uuid.UUID) -> TreatmentPlan | None: ...
    def save_plan(self, plan: TreatmentPlan) -> None:
        """Insert or update (by id)."""
        ...

    def add_note(self, note: ProgressNote) -> None:
        """Store a note (its ``photos`` are added with :meth:`add_photo`)."""
        ...

    def notes(self, hazard_id: uuid.UUID) -> list[ProgressNote]:
        """Oldest first, each with its photos."""
        ...

    def add_photo(self, photo: RectificationPhoto, image: ProcessedImage) -> None: ...
    def photo_bytes(self, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None: ...
    def save_extension(self, request: ExtensionRequest) -> None:
        """Insert or update (by id)."""
        ...

    def extensions(self, hazard_id: uuid.UUID) -> list[ExtensionRequest]:
        """Oldest first."""
        ...

    def add_acceptance(self, acceptance: Acceptance) -> None: ...
    def acceptances(self, hazard_id: uuid.UUID) -> list[Acceptance]:
        """Oldest first."""
        ...

    def add_transition(self, transition: Transition) -> None: ...
    def transitions(self, hazard_id: uuid.UUID) -> list[Transition]:
        """Oldest first."""
        ...

    def due_counts(self, today: date, within_days: int, person_id: uuid.UUID | None) -> tuple[int, int, int]:
        """(overdue, due within ``within_days``, awaiting acceptance [of ``person_id``])."""
        ...

    def due_rows(self, today: date, within_days: int) -> list[Hazard]:
        """整改中 hazards with a deadline up to ``today + within_days``, earliest deadline first (without photos)."""
        ...


class FormPrintRepository(Protocol):
    """The prints of the rectification forms (通知书, 验收单, 治理方案, 重大隐患报告), table ``form_prints``,
    and the saved statistics reports' 核验码, table ``report_prints``."""

    def add(self, form_print: FormPrint) -> None: ...
    def count(self, hazard_id: uuid.UUID, kind: SheetKind, digest: str) -> int:
        """How many prints of this form with this content exist (the next copy number)."""
        ...

    def find(self, verify_code: str) -> list[FormPrint]:
        """Every print carrying ``verify_code`` (``XXXX-XXXX-XXXX``), oldest first."""
        ...

    def add_report(self, report_print: ReportPrint) -> None:
        """Record a saved statistics report's 核验码."""
        ...

    def find_reports(self, verify_code: str) -> list[ReportPrint]:
        """Every saved statistics report carrying ``verify_code``, oldest first."""
        ...


class AccountRepository(Protocol):
    """Local accounts (issue 14); names are unique without regard to case."""

    def all(self) -> list[Account]: ...
    def get(self, account_id: uuid.UUID) -> Account | None: ...
    def by_name(self, name: str) -> Account | None:
        """The account whose name equals ``name`` ignoring case (``casefold``), or None."""
        ...

    def by_person(self, person_id: uuid.UUID) -> Account | None:
        """The active account of a person, or None."""
        ...

    def save(self, account: Account) -> None:
        """Add or replace the account with this id."""
        ...


class SecretHasher(Protocol):
    """Hashes passwords and PINs (Argon2id in ``adapters/passwords.py``); never keeps or logs the secret."""

    def hash(self, secret: str) -> str: ...
    def verify(self, secret_hash: str, secret: str) -> bool:
        """True if ``secret`` matches; False otherwise (also for a damaged hash)."""
        ...

    def needs_rehash(self, secret_hash: str) -> bool:
        """True if the hash was made with weaker parameters than today's (rehash after a good sign-in)."""
        ...


class UnitOfWork(Protocol):
    """One transaction: everything inside is rolled back unless :meth:`commit` is called.

    The repositories are read-only members, so that any object with repositories of the right shape fits
    (the SQL unit of work, the start-up reader, the fakes of the tests).

    Attributes:
        actor: who acts (set by the composition root from ``AppContext.session`` when the unit of work is
            made; ``SYSTEM`` for units of work made elsewhere: migrations, seeding, demo data).
        use_case: the use case running on it (set by ``services.authorization.use_case``; "" outside one).
    """

    actor: Actor
    use_case: str

    @property
    def hazards(self) -> HazardRepository: ...
    @property
    def reference(self) -> ReferenceRepository: ...
    @property
    def lec(self) -> LecRepository: ...
    @property
    def criteria(self) -> CriteriaRepository: ...
    @property
    def settings(self) -> SettingsRepository: ...
    @property
    def gradings(self) -> GradingRepository: ...
    @property
    def inspections(self) -> InspectionRepository: ...
    @property
    def ledger(self) -> LedgerRepository: ...
    @property
    def rectification(self) -> RectificationRepository: ...
    @property
    def form_prints(self) -> FormPrintRepository: ...
    @property
    def accounts(self) -> AccountRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


# ---------------------------------------------------------------- register (read side)


class SortKey(StrEnum):
    """Columns the register can be sorted by (in SQL)."""

    NUMBER = "number"
    FOUND_AT = "found_at"
    DESCRIPTION = "description"
    LOCATION = "location"
    CATEGORY = "category"
    DEPARTMENT = "department"
    STATUS = "status"
    GRADE = "grade"
    UPDATED_AT = "updated_at"
    BAND = "band"  # most dangerous last when ascending (by band rank)
    MEAN_D = "mean_d"
    METHOD = "method"
    DISPUTE = "dispute"
    FOUND_BY = "found_by"  # the finder's name
    PHOTOS = "photos"  # number of photos
    DEADLINE = "deadline"  # 整改期限 (also the order of the days left)
    RESPONSIBLE_DEPARTMENT = "responsible_department"  # 责任部门's name
    RESPONSIBLE_PERSON = "responsible_person"  # 责任人's name


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """What the register shows. Empty sets and None mean "any"."""

    statuses: frozenset[HazardStatus] = frozenset()
    grades: frozenset[HazardGrade] = frozenset()
    category_code: str | None = None
    department_id: uuid.UUID | None = None
    text: str = ""
    found_from: datetime | None = None  # inclusive, aware
    found_before: datetime | None = None  # exclusive, aware (the UI passes local day boundaries)
    band_codes: frozenset[str] = frozenset()
    methods: frozenset[str] = frozenset()  # GradingMethod values
    disputed: bool | None = None  # True: ever disputed (any dispute state); False: never
    inspection_id: uuid.UUID | None = None  # only hazards raised by this inspection
    # Deadlines (plant-local whole days). Either bound limits the register to hazards under rectification
    # (整改中) with a deadline: overdue = ``deadline_before=today``; due within 7 days =
    # ``deadline_from=today, deadline_before=today + 8 days``.
    deadline_from: date | None = None  # inclusive
    deadline_before: date | None = None  # exclusive
    acceptor_id: uuid.UUID | None = None  # only hazards awaiting acceptance (待验收) by this person
    conflicted: bool | None = None  # True: an exchange conflict of the hazard is open (issue 15); False: none


class RegisterRow(NamedTuple):
    """A flat, display-ready row of the register (immutable).

    A named tuple, not a frozen dataclass: a page builds 200 of them, and a frozen dataclass's
    ``__init__`` (one ``object.__setattr__`` per field) cost as much as SQLite took to read the page
    (benchmarks/register.py, sort by an indexed column).
    """

    id: uuid.UUID
    number: str
    description: str
    location: str
    equipment_tag: str
    category_code: str
    subcategory_code: str | None
    department_name: str
    found_by_name: str
    found_at: datetime
    status: HazardStatus
    grade: HazardGrade
    photo_count: int
    grading_method: str | None = None  # GradingMethod value of the grading that counts
    band_code: str | None = None
    mean_d: Decimal | None = None
    dispute_state: str | None = None  # DisputeState value; None if never disputed
    deadline: date | None = None  # 整改期限: plant-local day, after approved extensions
    responsible_department_name: str | None = None  # 责任部门
    responsible_person_name: str | None = None  # 责任人
    extension_pending: bool = False  # an extension is asked and not yet decided
    exchange_conflict: bool = False  # an exchange conflict of the hazard waits to be resolved (issue 15)
    found_date_only: bool = False  # imported with a day and no time: show found_at as a date (revision 0014)


class RegisterQueries(Protocol):
    """Fast read-only queries behind the register view (paged; sorted and filtered in SQL)."""

    def count(self, flt: RegisterFilter) -> int: ...
    def page(
        self, flt: RegisterFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> Sequence[RegisterRow]: ...
    def position(self, flt: RegisterFilter, sort: SortKey, descending: bool, hazard_id: uuid.UUID) -> int | None:
        """The row index of ``hazard_id`` in the pages of (flt, sort, descending); None if ``flt`` hides it."""
        ...

"""What the screens and forms read about a hazard's rectification (no writes)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.domain.rectification import (
    Acceptance,
    Action,
    Assignment,
    ExtensionRequest,
    ProgressNote,
    Transition,
    TreatmentPlan,
)
from hazard_desktop.services.ports import PhotoKind, UnitOfWork


@dataclass(frozen=True, slots=True)
class RectificationView:
    """Everything the detail pane, the dialogs and the forms show of one hazard's loop."""

    hazard: Hazard
    assignment: Assignment | None
    plan: TreatmentPlan | None
    extensions: tuple[ExtensionRequest, ...]  # oldest first; the pending one (if any) last
    acceptances: tuple[Acceptance, ...]  # oldest first; the closing one last
    notes: tuple[ProgressNote, ...]  # oldest first, with their photos
    timeline: tuple[Transition, ...]  # oldest first
    actions: frozenset[Action]  # what the state machine allows now (whoever acts)
    today: date
    days_left: int | None  # deadline - today (negative: overdue); None without deadline or once closed

    @property
    def pending_extension(self) -> ExtensionRequest | None:
        ...

    @property
    def closing(self) -> Acceptance | None:
        """The acceptance that closed the hazard (None until 已销号)."""
        ...


@dataclass(frozen=True, slots=True)
class DueCounts:
    """The status bar's counts on start."""

    overdue: int  # 整改中 with deadline < today
    due_soon: int  # 整改中 with today <= deadline <= today + within_days
    awaiting_acceptance: int  # 待验收 (all, or asked of ``person_id`` when given)


@dataclass(frozen=True, slots=True)
class DueItem:
    """A row of the overdue / due-soon list."""

    hazard_id: uuid.UUID
    number: str
    description: str
    grade: str
    status: str
    deadline: date
    days_left: int
    responsible_department_id: uuid.UUID | None
    responsible_person_id: uuid.UUID | None
    extension_pending: bool


def plant_today(at: datetime | None = None) -> date:
    """The plant-local day now (or of ``at``): this computer's local time zone, as every date of the app."""
    raise NotImplementedError


def load_view(uow: UnitOfWork, hazard_id: uuid.UUID, *, today: date | None = None) -> RectificationView:
    """The whole loop of one hazard. Raises NotFound ``hazard_unknown``."""
    raise NotImplementedError


def timeline(uow: UnitOfWork, hazard_id: uuid.UUID) -> list[Transition]:
    """Every transition of a hazard, oldest first."""
    raise NotImplementedError


def default_deadline_for(uow: UnitOfWork, hazard_id: uuid.UUID, *, today: date | None = None) -> date | None:
    """The deadline an assignment made ``today`` gets by default (None for 重大: the plan's time limit)."""
    raise NotImplementedError


def due_counts(uow: UnitOfWork, today: date, *, within_days: int = 7, person_id: uuid.UUID | None = None) -> DueCounts:
    """Counts for the status bar (one SQL query over the hazards' indexed columns)."""
    raise NotImplementedError


def due_list(uow: UnitOfWork, today: date, *, within_days: int = 7) -> list[DueItem]:
    """整改中 hazards overdue or due within ``within_days``, most overdue first."""
    raise NotImplementedError


def rectification_photo_bytes(uow: UnitOfWork, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None:
    """The stored JPEG of one rectification photo rendition."""
    raise NotImplementedError

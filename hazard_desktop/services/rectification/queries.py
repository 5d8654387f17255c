"""What the screens and forms read about a hazard's rectification (no writes)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from hazard_desktop.domain.accounts import EVERYONE
from hazard_desktop.domain.hazards import Hazard, HazardStatus
from hazard_desktop.domain.records import utcnow
from hazard_desktop.domain.rectification import (
    Acceptance,
    AcceptanceResult,
    Action,
    Assignment,
    ExtensionRequest,
    ExtensionState,
    LoopState,
    ProgressNote,
    Transition,
    TreatmentPlan,
    available_actions,
    days_left,
    default_deadline,
    plant_date,
)
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.lookup import require
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
        return next((e for e in self.extensions if e.state is ExtensionState.PENDING), None)

    @property
    def closing(self) -> Acceptance | None:
        """The acceptance that closed the hazard (None until 已销号)."""
        return next((a for a in reversed(self.acceptances) if a.result is AcceptanceResult.ACCEPTED), None)


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
    return plant_date(at or utcnow())


@use_case("rectification.load_view", *EVERYONE)
def load_view(uow: UnitOfWork, hazard_id: uuid.UUID, *, today: date | None = None) -> RectificationView:
    """The whole loop of one hazard. Raises NotFound ``hazard_unknown``.

    ``actions`` ignores who acts and whether a grading cites a major criterion (on-the-spot and acceptance
    may still be refused for that when tried).
    """
    day = today or plant_today()
    with uow:
        hazard = require(uow.hazards.get(hazard_id), "hazard_unknown", value=str(hazard_id))
        repo = uow.rectification
        assignment = repo.get_assignment(hazard_id)
        view = RectificationView(
            hazard=hazard,
            assignment=assignment,
            plan=repo.get_plan(hazard_id),
            extensions=tuple(repo.extensions(hazard_id)),
            acceptances=tuple(repo.acceptances(hazard_id)),
            notes=tuple(repo.notes(hazard_id)),
            timeline=tuple(repo.transitions(hazard_id)),
            actions=available_actions(
                LoopState(
                    status=hazard.status,
                    grade=hazard.grade,
                    extension_pending=hazard.extension_pending,
                    has_assignment=assignment is not None,
                    on_the_spot=assignment is not None and assignment.on_the_spot,
                )
            ),
            today=day,
            days_left=_days_left(hazard, day),
        )
    return view


def _days_left(hazard: Hazard, today: date) -> int | None:
    if hazard.deadline is None or hazard.status in (HazardStatus.CLOSED, HazardStatus.OPEN, HazardStatus.GRADED):
        return None
    return days_left(hazard.deadline, today)


@use_case("rectification.timeline", *EVERYONE)
def timeline(uow: UnitOfWork, hazard_id: uuid.UUID) -> list[Transition]:
    """Every transition of a hazard, oldest first."""
    with uow:
        return uow.rectification.transitions(hazard_id)


@use_case("rectification.default_deadline_for", *EVERYONE)
def default_deadline_for(uow: UnitOfWork, hazard_id: uuid.UUID, *, today: date | None = None) -> date | None:
    """The deadline an assignment made ``today`` gets by default (for 重大: the plan's time limit, None
    without a plan)."""
    from hazard_desktop.services.rectification.settings import read_settings
    from hazard_desktop.services.rectification.use_cases import _band

    day = today or plant_today()
    with uow:
        hazard = require(uow.hazards.get(hazard_id), "hazard_unknown", value=str(hazard_id))
        plan = uow.rectification.get_plan(hazard_id)
        if plan is not None:
            return plan.time_limit
        return default_deadline(day, hazard.grade, _band(uow, hazard), read_settings(uow).deadlines)


@use_case("rectification.due_counts", *EVERYONE)
def due_counts(uow: UnitOfWork, today: date, *, within_days: int = 7, person_id: uuid.UUID | None = None) -> DueCounts:
    """Counts for the status bar (one SQL query over the hazards' indexed columns)."""
    with uow:
        overdue, soon, waiting = uow.rectification.due_counts(today, within_days, person_id)
    return DueCounts(overdue, soon, waiting)


@use_case("rectification.due_list", *EVERYONE)
def due_list(uow: UnitOfWork, today: date, *, within_days: int = 7) -> list[DueItem]:
    """整改中 hazards overdue or due within ``within_days``, most overdue first."""
    with uow:
        hazards = uow.rectification.due_rows(today, within_days)
    return [
        DueItem(
            hazard_id=h.id,
            number=h.number,
            description=h.description,
            grade=h.grade.value,
            status=h.status.value,
            deadline=h.deadline,
            days_left=days_left(h.deadline, today),
            responsible_department_id=h.responsible_department_id,
            responsible_person_id=h.responsible_person_id,
            extension_pending=h.extension_pending,
        )
        for h in hazards
        if h.deadline is not None
    ]


@use_case("rectification.rectification_photo_bytes", *EVERYONE)
def rectification_photo_bytes(uow: UnitOfWork, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None:
    """The stored JPEG of one rectification photo rendition."""
    with uow:
        return uow.rectification.photo_bytes(photo_id, kind)

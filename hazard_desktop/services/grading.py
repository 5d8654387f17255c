"""Use cases of grading (rule §5–§7): panel meetings, LEC / criteria / decision gradings, confirmation,
corrections, disputes and the grading history.

Every function takes a unit of work and commits inside it; any :class:`DomainError` leaves the database
untouched. The rules themselves live in :mod:`hazard_desktop.domain.grading`; this module looks up the
people, departments, scales, threshold sets and criteria the rules need, and keeps the hazard's register
columns (grade, status, method, band, mean D, dispute state) in step with the grading that counts, in the
same transaction.

Life of a grading: a *draft* is made (``grade_hazard_by_*`` or :func:`grade_batch`), the leader
*confirms* it (:func:`confirm_grading`), then it never changes. A hazard already graded is re-graded only
by :func:`correct_grading` (a new grading with a reason). A department may dispute the grading that counts
(:func:`raise_dispute`); the dispute panel's ruling (:func:`rule_dispute`) is final.

Times: every mutating use case takes an optional aware ``at`` (default: now), so demo data and tests can
write a plausible past.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.errors import Conflict, DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import (
    DEFAULT_PANEL_RULE,
    GRADING_PANEL_KINDS,
    REASON_MAX,
    CompositionRule,
    CriterionMatch,
    Dispute,
    DisputeState,
    Grading,
    GradingMethod,
    MemberScore,
    PanelOutcome,
    PanelProblem,
    PanelRole,
)
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, check_gradable
from hazard_desktop.domain.lec import LecScales, ThresholdSet
from hazard_desktop.domain.meetings import GradingMeeting, new_meeting
from hazard_desktop.domain.records import utcnow
from hazard_desktop.domain.reference import Department, DepartmentKind, Person, Role
from hazard_desktop.domain.text import refuse_control_characters
from hazard_desktop.services.lookup import require
from hazard_desktop.services.ports import UnitOfWork

__all__ = [
    "CriterionEntry",
    "GradingRequest",
    "GradingSetup",
    "HistoryEntry",
    "HistoryKind",
    "MeetingSummary",
    "PanelCandidate",
    "ScoreEntry",
    "confirm_grading",
    "confirm_gradings",
    "correct_grading",
    "discard_draft",
    "final_grading",
    "get_grading",
    "grade_batch",
    "grade_hazard_by_criteria",
    "grade_hazard_by_decision",
    "grade_hazard_by_lec",
    "grading_history",
    "grading_setup",
    "meeting_gradings",
    "meetings",
    "open_disputes",
    "open_meeting",
    "panel_problems",
    "preview_panel",
    "raise_dispute",
    "rule_dispute",
    "withdraw_dispute",
]

RULING_TEXT_MAX = REASON_MAX
GRADED_BEFORE_FOUND_SLACK = timedelta(days=1)  # found_at is UTC, graded_on a plant-local date

# ---------------------------------------------------------------- input and result types


@dataclass(frozen=True, slots=True)
class ScoreEntry:
    """One panel member's L, E and C as entered (text, int or Decimal; checked against the scales).

    ``role`` matters on dispute panels only (one 组长, one 副组长, the rest members).
    """

    person_id: uuid.UUID
    likelihood: Decimal | str | int
    exposure: Decimal | str | int
    consequence: Decimal | str | int
    role: PanelRole = PanelRole.MEMBER


@dataclass(frozen=True, slots=True)
class CriterionEntry:
    """A major-hazard criterion the hazard matches, with what was seen on site."""

    criterion_id: uuid.UUID
    evidence: str


@dataclass(frozen=True, slots=True)
class GradingRequest:
    """How to grade one hazard (one line of a batch meeting, or a correction).

    ``method`` LEC_PANEL needs ``scores``; CRITERIA needs ``criteria`` (scores optional, kept for the
    record); PANEL_DECISION needs ``reason`` (scores optional).
    """

    hazard_id: uuid.UUID
    method: GradingMethod = GradingMethod.LEC_PANEL
    scores: tuple[ScoreEntry, ...] = ()
    criteria: tuple[CriterionEntry, ...] = ()
    reason: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", tuple(self.scores))
        object.__setattr__(self, "criteria", tuple(self.criteria))


@dataclass(frozen=True, slots=True)
class PanelCandidate:
    """An active person who may sit on a panel, with the department facts the rules check."""

    person_id: uuid.UUID
    name: str
    department_id: uuid.UUID
    department_name: str
    department_kind: DepartmentKind
    roles: frozenset[Role]


@dataclass(frozen=True, slots=True)
class GradingSetup:
    """Everything a grading dialog needs, read in one go.

    Attributes:
        today: the date the setup was read for.
        scales: tables D.1–D.3.
        threshold_sets: every D.4 version, oldest first.
        in_force: the set in force ``today`` (None if none is).
        criteria: the active major-hazard criteria.
        departments: active departments.
        people: every active person (dispute panels may need any department).
    """

    today: date
    scales: LecScales
    threshold_sets: tuple[ThresholdSet, ...]
    in_force: ThresholdSet | None
    criteria: tuple[MajorCriterion, ...]
    departments: tuple[Department, ...]
    people: tuple[PanelCandidate, ...]

    @property
    def panel_people(self) -> tuple[PanelCandidate, ...]:
        """People of 安环部, 生产部 and 工会: the §5.2 grading panel's pool."""
        return tuple(p for p in self.people if p.department_kind in GRADING_PANEL_KINDS)

    @property
    def leaders(self) -> tuple[PanelCandidate, ...]:
        """Panel leader candidates (role panel_leader); everyone of the panel pool if nobody has it."""
        marked = tuple(p for p in self.people if Role.PANEL_LEADER in p.roles)
        return marked or self.panel_people

    @property
    def dispute_leaders(self) -> tuple[PanelCandidate, ...]:
        """People with the 组长 role of the dispute panel."""
        return tuple(p for p in self.people if Role.DISPUTE_LEADER in p.roles)

    @property
    def dispute_deputies(self) -> tuple[PanelCandidate, ...]:
        """People with the 副组长 role of the dispute panel."""
        return tuple(p for p in self.people if Role.DISPUTE_DEPUTY in p.roles)

    def candidate(self, person_id: uuid.UUID) -> PanelCandidate | None:
        """The active person with ``person_id``, or None."""
        return next((p for p in self.people if p.person_id == person_id), None)


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """A meeting with how many gradings it made and how many the leader confirmed."""

    meeting: GradingMeeting
    gradings: int
    confirmed: int


class HistoryKind(StrEnum):
    """What a line of the grading history is."""

    GRADING = "grading"
    DISPUTE = "dispute"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of a hazard's grading history (:func:`grading_history`).

    Attributes:
        kind: grading or dispute; exactly one of ``grading`` / ``dispute`` is set.
        at: when it happened (confirmation time, or creation for a draft; raising time for a dispute).
        is_final: this grading is the one that counts (the register shows it).
        superseded_by_id: the confirmed correction that replaced this grading, if any.
        meeting_title: title of the meeting that made the grading ("" if none).
    """

    kind: HistoryKind
    at: datetime
    grading: Grading | None = None
    dispute: Dispute | None = None
    is_final: bool = False
    superseded_by_id: uuid.UUID | None = None
    meeting_title: str = ""


# ---------------------------------------------------------------- lookups inside a unit of work


@dataclass(frozen=True, slots=True)
class _Tables:
    scales: LecScales
    sets: tuple[ThresholdSet, ...]
    people: dict[uuid.UUID, Person]
    departments: dict[uuid.UUID, Department]


def _tables(uow: UnitOfWork) -> _Tables:
    return _Tables(
        scales=LecScales(tuple(uow.lec.scale_values())),
        sets=tuple(uow.lec.threshold_sets()),
        people={p.id: p for p in uow.reference.people(include_inactive=True)},
        departments={d.id: d for d in uow.reference.departments(include_inactive=True)},
    )


def _now(at: datetime | None) -> datetime:
    value = utcnow() if at is None else at
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError("time_naive", field="at")
    return value


def _hazard(uow: UnitOfWork, hazard_id: uuid.UUID) -> Hazard:
    return require(uow.hazards.get(hazard_id), "hazard_unknown", value=str(hazard_id))


def _grading(uow: UnitOfWork, grading_id: uuid.UUID) -> Grading:
    return require(uow.gradings.get(grading_id), "grading_unknown", id=str(grading_id))


def _dispute(uow: UnitOfWork, dispute_id: uuid.UUID) -> Dispute:
    return require(uow.gradings.get_dispute(dispute_id), "dispute_unknown", id=str(dispute_id))


def _meeting(uow: UnitOfWork, meeting_id: uuid.UUID) -> GradingMeeting:
    return require(uow.gradings.get_meeting(meeting_id), "meeting_unknown", id=str(meeting_id))


def _leader(tables: _Tables, leader_id: uuid.UUID | None) -> Person:
    if leader_id is None:
        raise ValidationError("leader_empty", field="leader")
    person = tables.people.get(leader_id)
    if person is None:
        raise NotFound("leader_unknown", field="leader", id=str(leader_id))
    if not person.active:
        raise ValidationError("person_inactive", field="leader", person=person.name)
    return person


def _member_scores(tables: _Tables, entries: Sequence[ScoreEntry]) -> list[MemberScore]:
    result = []
    for entry in entries:
        person = tables.people.get(entry.person_id)
        if person is None:
            raise NotFound("person_unknown", field="panel", person_id=str(entry.person_id))
        if not person.active:
            raise ValidationError("person_inactive", field="panel", person=person.name)
        department = tables.departments[person.department_id]
        try:
            score = rules.score_member(
                tables.scales,
                person_id=person.id,
                person_name=person.name,
                department_id=department.id,
                department_name=department.name,
                department_kind=department.kind,
                likelihood=entry.likelihood,
                exposure=entry.exposure,
                consequence=entry.consequence,
                role=PanelRole(entry.role),
            )
        except DomainError as err:
            raise ValidationError(err.code, field=err.field, person=person.name, **err.params) from None
        result.append(score)
    return result


def _matches(uow: UnitOfWork, entries: Sequence[CriterionEntry]) -> list[CriterionMatch]:
    result = []
    for entry in entries:
        criterion = uow.criteria.get(entry.criterion_id)
        if criterion is None:
            raise NotFound("criterion_unknown", field="criteria", id=str(entry.criterion_id))
        result.append(rules.match_criterion(criterion, entry.evidence))
    return result


def _check_graded_on(hazard: Hazard, graded_on: date) -> None:
    if graded_on < (hazard.found_at - GRADED_BEFORE_FOUND_SLACK).date():
        raise ValidationError(
            "graded_on_before_found",
            field="graded_on",
            graded_on=graded_on.isoformat(),
            found_on=hazard.found_at.date().isoformat(),
        )


def _dispute_state(disputes: Iterable[Dispute]) -> DisputeState | None:
    """Open if any dispute is open; otherwise the state of the latest; None if never disputed."""
    items = sorted(disputes, key=lambda d: (d.raised_at, str(d.id)))
    if not items:
        return None
    if any(d.state is DisputeState.OPEN for d in items):
        return DisputeState.OPEN
    return items[-1].state


def _refresh_hazard(uow: UnitOfWork, hazard: Hazard, history: Sequence[Grading], at: datetime) -> Grading | None:
    """Bring the hazard's grade, status and register columns in line with its gradings and disputes."""
    current = rules.current_grading(history)
    grade = HazardGrade.UNGRADED if current is None else current.grade
    status = HazardStatus.GRADED if current is not None and hazard.status is HazardStatus.OPEN else hazard.status
    uow.hazards.update(
        dataclasses.replace(hazard, grade=grade, status=status, revision=hazard.revision + 1, updated_at=at)
    )
    uow.gradings.set_current(hazard.id, current, _dispute_state(uow.gradings.disputes_for(hazard.id)))
    return current


def _ensure_no_open_dispute(uow: UnitOfWork, hazard_id: uuid.UUID) -> None:
    if any(d.state is DisputeState.OPEN for d in uow.gradings.disputes_for(hazard_id)):
        raise InvalidTransition("dispute_open", hazard_id=str(hazard_id))


def _with_hazard(err: DomainError, hazard: Hazard) -> DomainError:
    """The same error, naming the hazard (for batch meetings)."""
    params = {k: v for k, v in err.params.items() if k != "hazard"}
    return type(err)(err.code, field=err.field, hazard=hazard.number, **params)


def _draft(
    uow: UnitOfWork,
    tables: _Tables,
    request: GradingRequest,
    *,
    hazard: Hazard,
    leader_id: uuid.UUID | None,
    leader_name: str,
    graded_on: date,
    threshold_set_id: uuid.UUID | None,
    meeting_id: uuid.UUID | None,
    at: datetime,
    rule: CompositionRule = DEFAULT_PANEL_RULE,
) -> Grading:
    """Build (not store) a draft grading of ``hazard`` from ``request``."""
    _check_graded_on(hazard, graded_on)
    method = GradingMethod(request.method)
    scores = _member_scores(tables, request.scores)
    threshold_set = (
        rules.pick_threshold_set(tables.sets, graded_on, threshold_set_id)
        if scores or method is GradingMethod.LEC_PANEL
        else None
    )
    common = {
        "hazard_id": hazard.id,
        "leader_id": leader_id,
        "leader_name": leader_name,
        "graded_on": graded_on,
        "at": at,
        "rule": rule,
        "meeting_id": meeting_id,
    }
    if method is GradingMethod.LEC_PANEL:
        assert threshold_set is not None
        return rules.grade_by_lec(scores=scores, scales=tables.scales, threshold_set=threshold_set, **common)
    if method is GradingMethod.CRITERIA:
        return rules.grade_by_criteria(
            matches=_matches(uow, request.criteria),
            scores=scores,
            scales=tables.scales,
            threshold_set=threshold_set,
            **common,
        )
    return rules.grade_by_panel_decision(
        reason=request.reason, scores=scores, scales=tables.scales, threshold_set=threshold_set, **common
    )


def _new_draft(
    uow: UnitOfWork,
    request: GradingRequest,
    leader_id: uuid.UUID,
    graded_on: date,
    threshold_set_id: uuid.UUID | None,
    meeting_id: uuid.UUID | None,
    at: datetime | None,
) -> Grading:
    now = _now(at)
    with uow:
        hazard = _hazard(uow, request.hazard_id)
        if rules.current_grading(uow.gradings.history_for(hazard.id)) is not None:
            raise InvalidTransition("hazard_already_graded", hazard=hazard.number)
        check_gradable(hazard.status, hazard.number)
        if meeting_id is not None:
            _meeting(uow, meeting_id)
        tables = _tables(uow)
        leader = _leader(tables, leader_id)
        draft = _draft(
            uow,
            tables,
            request,
            hazard=hazard,
            leader_id=leader.id,
            leader_name=leader.name,
            graded_on=graded_on,
            threshold_set_id=threshold_set_id,
            meeting_id=meeting_id,
            at=now,
        )
        uow.gradings.add(draft)
        uow.commit()
    return draft


def _confirm_in(uow: UnitOfWork, grading: Grading, at: datetime) -> Grading:
    """Confirm a stored draft and update its hazard (inside an open unit of work)."""
    rules.ensure_editable(grading)
    history = uow.gradings.history_for(grading.hazard_id)
    hazard = _hazard(uow, grading.hazard_id)
    if grading.supersedes_id is None and not grading.is_ruling:  # a first grading (corrections stay possible)
        check_gradable(hazard.status, hazard.number)
    if grading.supersedes_id is None and not grading.is_ruling and rules.current_grading(history) is not None:
        raise InvalidTransition("hazard_already_graded", hazard=hazard.number)
    if grading.supersedes_id is not None:
        _ensure_no_open_dispute(uow, hazard.id)
    confirmed = rules.confirm(grading, at, history)
    uow.gradings.update(confirmed)
    _refresh_hazard(uow, hazard, [confirmed if g.id == grading.id else g for g in history], at)
    return confirmed


# ---------------------------------------------------------------- reading


def grading_setup(uow: UnitOfWork, today: date | None = None) -> GradingSetup:
    """Scales, threshold sets (and the one in force), active criteria, departments and people.

    ``today`` defaults to the local date.
    """
    day = today or date.today()
    with uow:
        tables = _tables(uow)
        criteria = tuple(uow.criteria.all())
    departments = tuple(d for d in tables.departments.values() if d.active)
    people = []
    for person in sorted(tables.people.values(), key=lambda p: (p.employee_no, p.name, str(p.id))):
        department = tables.departments.get(person.department_id)
        if not person.active or department is None:
            continue
        people.append(
            PanelCandidate(person.id, person.name, department.id, department.name, department.kind, person.roles)
        )
    try:
        in_force: ThresholdSet | None = rules.pick_threshold_set(tables.sets, day)
    except ValidationError:
        in_force = None
    return GradingSetup(
        today=day,
        scales=tables.scales,
        threshold_sets=tables.sets,
        in_force=in_force,
        criteria=criteria,
        departments=departments,
        people=tuple(people),
    )


def _setup_scores(setup: GradingSetup, scores: Sequence[ScoreEntry]) -> list[MemberScore]:
    tables = _Tables(
        scales=setup.scales,
        sets=setup.threshold_sets,
        people={
            p.person_id: Person(p.person_id, p.name, p.department_id, p.roles, True, _EPOCH, _EPOCH)
            for p in setup.people
        },
        departments={d.id: d for d in setup.departments},
    )
    return _member_scores(tables, scores)


_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _preview_rule(setup: GradingSetup, raising_department_id: uuid.UUID | None) -> CompositionRule:
    if raising_department_id is None:
        return DEFAULT_PANEL_RULE
    department = next((d for d in setup.departments if d.id == raising_department_id), None)
    if department is None:
        raise NotFound("department_unknown", field="department", id=str(raising_department_id))
    return rules.dispute_rule(department.kind, department.id)


def panel_problems(
    setup: GradingSetup, scores: Sequence[ScoreEntry], *, raising_department_id: uuid.UUID | None = None
) -> list[PanelProblem]:
    """Every composition problem of a panel being put together (empty when it may score).

    Without ``raising_department_id`` the §5.2 rule applies; with it, the §7 dispute panel rule.
    Scores are checked against the scales too.

    Raises:
        ValidationError / NotFound: an unknown person or an off-scale value.
    """
    return rules.check_panel(_setup_scores(setup, scores), _preview_rule(setup, raising_department_id))


def preview_panel(
    setup: GradingSetup,
    scores: Sequence[ScoreEntry],
    *,
    threshold_set_id: uuid.UUID | None = None,
    graded_on: date | None = None,
    raising_department_id: uuid.UUID | None = None,
) -> PanelOutcome:
    """Mean D and band of a panel's scores without storing anything (live display in a dialog).

    Raises:
        ValidationError: see :func:`hazard_desktop.domain.grading.evaluate_panel`,
            ``no_threshold_set``, ``threshold_set_unknown``.
    """
    threshold_set = rules.pick_threshold_set(setup.threshold_sets, graded_on or setup.today, threshold_set_id)
    return rules.evaluate_panel(
        _setup_scores(setup, scores),
        scales=setup.scales,
        threshold_set=threshold_set,
        rule=_preview_rule(setup, raising_department_id),
    )


def get_grading(uow: UnitOfWork, grading_id: uuid.UUID) -> Grading:
    """One grading with its scores and criteria.

    Raises:
        NotFound: ``grading_unknown``.
    """
    with uow:
        return _grading(uow, grading_id)


def final_grading(uow: UnitOfWork, hazard_id: uuid.UUID) -> Grading | None:
    """The grading that counts for a hazard (a dispute ruling beats panel gradings), or None."""
    with uow:
        return rules.current_grading(uow.gradings.history_for(hazard_id))


def grading_history(uow: UnitOfWork, hazard_id: uuid.UUID) -> list[HistoryEntry]:
    """A hazard's gradings (drafts included) and disputes, oldest first; the final grading is flagged.

    Raises:
        NotFound: ``hazard_unknown``.
    """
    with uow:
        _hazard(uow, hazard_id)
        gradings = uow.gradings.history_for(hazard_id)
        disputes = uow.gradings.disputes_for(hazard_id)
        titles = {}
        for meeting_id in {g.meeting_id for g in gradings if g.meeting_id is not None}:
            meeting = uow.gradings.get_meeting(meeting_id)
            titles[meeting_id] = "" if meeting is None else meeting.title
    current = rules.current_grading(gradings)
    superseded = {g.supersedes_id: g.id for g in gradings if g.confirmed and g.supersedes_id is not None}
    entries = [
        HistoryEntry(
            kind=HistoryKind.GRADING,
            at=g.confirmed_at or g.created_at,
            grading=g,
            is_final=current is not None and g.id == current.id,
            superseded_by_id=superseded.get(g.id),
            meeting_title=titles.get(g.meeting_id, "") if g.meeting_id is not None else "",
        )
        for g in gradings
    ]
    entries.extend(HistoryEntry(kind=HistoryKind.DISPUTE, at=d.raised_at, dispute=d) for d in disputes)
    order = {HistoryKind.GRADING: 0, HistoryKind.DISPUTE: 1}

    def key(entry: HistoryEntry) -> tuple[datetime, int, str]:
        record = entry.grading if entry.grading is not None else entry.dispute
        assert record is not None
        return (entry.at, order[entry.kind], str(record.id))

    return sorted(entries, key=key)


def meetings(uow: UnitOfWork) -> list[MeetingSummary]:
    """Every panel meeting, newest first, with its grading counts."""
    with uow:
        counts = uow.gradings.meeting_counts()
        return [MeetingSummary(m, *counts.get(m.id, (0, 0))) for m in uow.gradings.meetings()]


def meeting_gradings(uow: UnitOfWork, meeting_id: uuid.UUID, *, confirmed_only: bool = False) -> list[Grading]:
    """The gradings a meeting made, in order (drafts too unless ``confirmed_only``).

    Raises:
        NotFound: ``meeting_unknown``.
    """
    with uow:
        _meeting(uow, meeting_id)
        return uow.gradings.for_meeting(meeting_id, confirmed_only=confirmed_only)


def open_disputes(uow: UnitOfWork) -> list[Dispute]:
    """Disputes waiting for the dispute panel, oldest first."""
    with uow:
        return uow.gradings.open_disputes()


# ---------------------------------------------------------------- meetings and gradings


def open_meeting(
    uow: UnitOfWork, title: str, held_on: date, leader_id: uuid.UUID, *, at: datetime | None = None
) -> GradingMeeting:
    """Record a panel meeting (隐患分级判定会) chaired by ``leader_id``.

    Raises:
        ValidationError: ``title_empty``, ``title_too_long``, ``leader_empty``, ``person_inactive``.
        NotFound: ``leader_unknown``.
    """
    now = _now(at)
    with uow:
        leader = _leader(_tables(uow), leader_id)
        meeting = new_meeting(title=title, held_on=held_on, leader_id=leader.id, leader_name=leader.name, at=now)
        uow.gradings.add_meeting(meeting)
        uow.commit()
    return meeting


def grade_hazard_by_lec(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    scores: Sequence[ScoreEntry],
    leader_id: uuid.UUID,
    graded_on: date,
    threshold_set_id: uuid.UUID | None = None,
    meeting_id: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
) -> Grading:
    """§5.2: store a draft 一般 grading from the panel's mean D (confirm it with :func:`confirm_grading`).

    Raises:
        NotFound: ``hazard_unknown``, ``person_unknown``, ``leader_unknown``, ``meeting_unknown``.
        InvalidTransition: ``hazard_already_graded`` (use :func:`correct_grading`).
        ValidationError: ``off_scale``, ``panel_even``, ``panel_missing_kind``, ``panel_kind_not_allowed``,
            ``panel_duplicate_member``, ``panel_empty``, ``no_threshold_set``, ``graded_on_before_found`` …
    """
    request = GradingRequest(hazard_id, GradingMethod.LEC_PANEL, tuple(scores))
    return _new_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, at)


def grade_hazard_by_criteria(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    criteria: Sequence[CriterionEntry],
    leader_id: uuid.UUID,
    graded_on: date,
    scores: Sequence[ScoreEntry] = (),
    threshold_set_id: uuid.UUID | None = None,
    meeting_id: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
) -> Grading:
    """§5.1: store a draft 重大 grading citing the matched criteria and their evidence.

    Raises:
        ValidationError: ``criteria_empty``, ``criterion_duplicate``, ``criterion_retired``,
            ``evidence_empty``; with scores as :func:`grade_hazard_by_lec`.
        NotFound: ``criterion_unknown`` and as :func:`grade_hazard_by_lec`.
    """
    request = GradingRequest(hazard_id, GradingMethod.CRITERIA, tuple(scores), tuple(criteria))
    return _new_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, at)


def grade_hazard_by_decision(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    reason: str,
    leader_id: uuid.UUID,
    graded_on: date,
    scores: Sequence[ScoreEntry] = (),
    threshold_set_id: uuid.UUID | None = None,
    meeting_id: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
) -> Grading:
    """§4.3: store a draft 重大 grading the panel decided, with its written reason.

    Raises:
        ValidationError: ``reason_empty``, ``reason_too_long``; with scores as :func:`grade_hazard_by_lec`.
    """
    request = GradingRequest(hazard_id, GradingMethod.PANEL_DECISION, tuple(scores), reason=reason)
    return _new_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, at)


def grade_batch(
    uow: UnitOfWork,
    meeting_id: uuid.UUID,
    requests: Sequence[GradingRequest],
    *,
    graded_on: date | None = None,
    threshold_set_id: uuid.UUID | None = None,
    confirm: bool = False,
    at: datetime | None = None,
) -> list[Grading]:
    """A meeting grades a list of hazards: every grading is stored, or none is.

    The meeting's leader leads every grading; ``graded_on`` defaults to the meeting date. With
    ``confirm`` the leader confirms them at once (hazards become 已定级).

    Raises:
        ValidationError: ``batch_empty``, ``batch_duplicate_hazard``; any error of
            :func:`grade_hazard_by_lec` & co., with the param ``hazard`` naming the hazard's number.
        NotFound: ``meeting_unknown``, ``hazard_unknown`` …
        InvalidTransition: ``hazard_already_graded`` (param ``hazard``).
    """
    now = _now(at)
    if not requests:
        raise ValidationError("batch_empty", field="hazards")
    seen: set[uuid.UUID] = set()
    for request in requests:
        if request.hazard_id in seen:
            raise ValidationError("batch_duplicate_hazard", field="hazards", hazard_id=str(request.hazard_id))
        seen.add(request.hazard_id)
    with uow:
        meeting = _meeting(uow, meeting_id)
        tables = _tables(uow)
        day = graded_on or meeting.held_on
        drafts = []
        for index, request in enumerate(requests):
            hazard = _hazard(uow, request.hazard_id)
            made_at = now + timedelta(microseconds=index)  # the meeting lists its gradings in this order
            try:
                if rules.current_grading(uow.gradings.history_for(hazard.id)) is not None:
                    raise InvalidTransition("hazard_already_graded", hazard=hazard.number)
                check_gradable(hazard.status, hazard.number)
                draft = _draft(
                    uow,
                    tables,
                    request,
                    hazard=hazard,
                    leader_id=meeting.leader_id,
                    leader_name=meeting.leader_name,
                    graded_on=day,
                    threshold_set_id=threshold_set_id,
                    meeting_id=meeting.id,
                    at=made_at,
                )
            except DomainError as err:
                raise _with_hazard(err, hazard) from None
            uow.gradings.add(draft)
            drafts.append(_confirm_in(uow, draft, now) if confirm else draft)
        uow.commit()
    return drafts


def confirm_grading(uow: UnitOfWork, grading_id: uuid.UUID, *, at: datetime | None = None) -> Grading:
    """The leader confirms a draft; the hazard's grade, status (待定级 → 已定级) and register columns follow.

    Raises:
        NotFound: ``grading_unknown``.
        InvalidTransition: ``grading_confirmed``, ``grading_superseded``, ``hazard_already_graded``,
            ``dispute_open`` (a correction while the hazard's dispute is open).
    """
    return confirm_gradings(uow, [grading_id], at=at)[0]


def confirm_gradings(uow: UnitOfWork, grading_ids: Sequence[uuid.UUID], *, at: datetime | None = None) -> list[Grading]:
    """Confirm several drafts (e.g. a whole meeting) at once: all of them, or none.

    Raises:
        as :func:`confirm_grading`.
    """
    now = _now(at)
    with uow:
        confirmed = [_confirm_in(uow, _grading(uow, grading_id), now) for grading_id in grading_ids]
        uow.commit()
    return confirmed


def discard_draft(uow: UnitOfWork, grading_id: uuid.UUID) -> None:
    """Throw away a draft nobody confirmed.

    Raises:
        NotFound: ``grading_unknown``.
        InvalidTransition: ``grading_confirmed``.
    """
    with uow:
        uow.gradings.remove_draft(grading_id)
        uow.commit()


def correct_grading(
    uow: UnitOfWork,
    old_id: uuid.UUID,
    request: GradingRequest,
    reason: str,
    graded_on: date,
    leader_id: uuid.UUID | None = None,
    threshold_set_id: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
) -> Grading:
    """Store a draft that corrects the confirmed grading ``old_id`` (it supersedes it once confirmed).

    A correction of a dispute ruling must be an LEC grading by a dispute panel (its 组长 leads it;
    ``leader_id`` is ignored); any other correction needs ``leader_id``.

    Raises:
        ValidationError: ``reason_empty``, ``grading_hazard_mismatch``, ``ruling_needs_lec``, and as
            :func:`grade_hazard_by_lec`.
        InvalidTransition: ``grading_not_confirmed``, ``grading_superseded``, ``dispute_open``.
        NotFound: ``grading_unknown`` …
    """
    now = _now(at)
    with uow:
        old = _grading(uow, old_id)
        if request.hazard_id != old.hazard_id:
            raise ValidationError("grading_hazard_mismatch", field="hazard")
        hazard = _hazard(uow, old.hazard_id)
        history = uow.gradings.history_for(hazard.id)
        if not old.confirmed:
            raise InvalidTransition("grading_not_confirmed", id=str(old.id))
        _ensure_no_open_dispute(uow, hazard.id)
        tables = _tables(uow)
        if old.is_ruling:
            assert old.dispute_id is not None
            if GradingMethod(request.method) is not GradingMethod.LEC_PANEL:
                raise ValidationError("ruling_needs_lec", field="method")
            dispute = _dispute(uow, old.dispute_id)
            raising = tables.departments[dispute.raised_by_department_id]
            rule = rules.dispute_rule(raising.kind, raising.id)
            scores = _member_scores(tables, request.scores)
            chief = next((s for s in scores if s.role is PanelRole.LEADER), None)
            leader_key, leader_name = (None, "") if chief is None else (chief.person_id, chief.person_name)
            if chief is None:
                rules.require_panel(scores, rule)  # raises dispute_needs_leader
        else:
            rule = DEFAULT_PANEL_RULE
            leader = _leader(tables, leader_id)
            leader_key, leader_name = leader.id, leader.name
        draft = _draft(
            uow,
            tables,
            request,
            hazard=hazard,
            leader_id=leader_key,
            leader_name=leader_name,
            graded_on=graded_on,
            threshold_set_id=threshold_set_id,
            meeting_id=None,
            at=now,
            rule=rule,
        )
        correction = rules.correct(old, draft, reason, history)
        uow.gradings.add(correction)
        uow.commit()
    return correction


# ---------------------------------------------------------------- disputes (§6–§7)


def raise_dispute(
    uow: UnitOfWork,
    grading_id: uuid.UUID,
    department_id: uuid.UUID,
    person_name: str,
    reason: str,
    *,
    at: datetime | None = None,
) -> Dispute:
    """A department disputes the grading that counts; the register marks the hazard 争议中.

    Raises:
        NotFound: ``grading_unknown``, ``department_unknown``.
        InvalidTransition: ``grading_not_confirmed``, ``grading_final`` (a ruling), ``grading_superseded``,
            ``grading_not_current``.
        Conflict: ``dispute_already_open``.
        ValidationError: ``reason_empty``, ``person_name_empty`` …
    """
    now = _now(at)
    with uow:
        grading = _grading(uow, grading_id)
        department = uow.reference.get_department(department_id)
        if department is None:
            raise NotFound("department_unknown", field="department", id=str(department_id))
        history = uow.gradings.history_for(grading.hazard_id)
        dispute = rules.raise_dispute(
            grading,
            department_id=department.id,
            department_name=department.name,
            person_name=person_name,
            reason=reason,
            at=now,
            history=history,
        )
        current = rules.current_grading(history)
        if current is None or current.id != grading.id:
            raise InvalidTransition("grading_not_current", id=str(grading.id))
        if any(d.state is DisputeState.OPEN for d in uow.gradings.disputes_for(grading.hazard_id)):
            raise Conflict("dispute_already_open", id=str(grading.hazard_id))
        uow.gradings.add_dispute(dispute)
        _refresh_hazard(uow, _hazard(uow, grading.hazard_id), history, now)
        uow.commit()
    return dispute


def rule_dispute(
    uow: UnitOfWork,
    dispute_id: uuid.UUID,
    scores: Sequence[ScoreEntry],
    ruling_text: str,
    graded_on: date,
    threshold_set_id: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
) -> tuple[Dispute, Grading]:
    """§7: the dispute panel scores; its confirmed grading is final and replaces the panel's grade.

    ``scores`` need one 组长 (role LEADER), one 副组长 (DEPUTY) and members (MEMBER) from 安环部, 生产部,
    事业部, 工会 and the raising department, an odd number in all.

    Returns:
        The ruled dispute and the ruling grading (confirmed).

    Raises:
        NotFound: ``dispute_unknown``, ``person_unknown``.
        InvalidTransition: ``dispute_not_open``.
        ValidationError: ``ruling_text_empty``, ``ruling_text_too_long``, ``dispute_needs_leader``,
            ``dispute_needs_deputy``, ``panel_missing_department``, ``panel_missing_kind``, ``panel_even``,
            ``off_scale``, ``graded_on_before_found`` …
    """
    now = _now(at)
    text = refuse_control_characters(ruling_text, "ruling_text").strip()
    if not text:
        raise ValidationError("ruling_text_empty", field="ruling_text")
    if len(text) > RULING_TEXT_MAX:
        raise ValidationError("ruling_text_too_long", field="ruling_text", max=RULING_TEXT_MAX)
    with uow:
        dispute = _dispute(uow, dispute_id)
        if dispute.state is not DisputeState.OPEN:
            raise InvalidTransition("dispute_not_open", state=dispute.state.value)
        hazard = _hazard(uow, dispute.hazard_id)
        _check_graded_on(hazard, graded_on)
        tables = _tables(uow)
        raising = tables.departments.get(dispute.raised_by_department_id)
        if raising is None:
            raise NotFound("department_unknown", field="department", id=str(dispute.raised_by_department_id))
        draft = rules.grade_dispute(
            dispute,
            raising_kind=raising.kind,
            scores=_member_scores(tables, scores),
            scales=tables.scales,
            threshold_set=rules.pick_threshold_set(tables.sets, graded_on, threshold_set_id),
            graded_on=graded_on,
            at=now,
        )
        history = uow.gradings.history_for(hazard.id)
        ruling = rules.confirm(draft, now, history)
        ruled = rules.rule(dispute, ruling, text, now)
        uow.gradings.add(ruling)
        uow.gradings.update_dispute(ruled)
        _refresh_hazard(uow, hazard, [*history, ruling], now)
        uow.commit()
    return ruled, ruling


def withdraw_dispute(
    uow: UnitOfWork, dispute_id: uuid.UUID, reason: str = "", *, at: datetime | None = None
) -> Dispute:
    """The raising department withdraws an open dispute; the panel's grading stands.

    Raises:
        NotFound: ``dispute_unknown``.
        InvalidTransition: ``dispute_not_open``.
    """
    now = _now(at)
    with uow:
        dispute = rules.withdraw(_dispute(uow, dispute_id), now, reason)
        uow.gradings.update_dispute(dispute)
        hazard = _hazard(uow, dispute.hazard_id)
        _refresh_hazard(uow, hazard, uow.gradings.history_for(hazard.id), now)
        uow.commit()
    return dispute

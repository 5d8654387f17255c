"""Reading: the grading setup a dialog needs, live panel previews, gradings, history, meetings, open disputes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.accounts import EVERYONE
from hazard_desktop.domain.errors import NotFound, ValidationError
from hazard_desktop.domain.grading import (
    DEFAULT_PANEL_RULE,
    CompositionRule,
    Dispute,
    Grading,
    MemberScore,
    PanelOutcome,
    PanelProblem,
)
from hazard_desktop.domain.grading import chairs as chair_rules
from hazard_desktop.domain.lec import ThresholdSet
from hazard_desktop.domain.reference import Person, namesake_numbers
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.grading.lookups import _grading, _hazard, _meeting, _member_scores, _Tables, _tables
from hazard_desktop.services.grading.types import (
    GradingSetup,
    HistoryEntry,
    HistoryKind,
    MeetingSummary,
    PanelCandidate,
    ScoreEntry,
)
from hazard_desktop.services.ports import UnitOfWork

# ---------------------------------------------------------------- reading


@use_case("grading.grading_setup", *EVERYONE)
def grading_setup(uow: UnitOfWork, today: date | None = None) -> GradingSetup:
    """Scales, threshold sets (and the one in force), active criteria, departments and people.

    ``today`` defaults to the local date.
    """
    day = today or date.today()
    with uow:
        tables = _tables(uow)
        criteria = tuple(uow.criteria.all())
        chairs = chair_rules.loads(uow.settings.get(chair_rules.SETTING_KEY))
    departments = tuple(d for d in tables.departments.values() if d.active)
    people = []
    for person in sorted(tables.people.values(), key=lambda p: (p.employee_no, p.name, str(p.id))):
        department = tables.departments.get(person.department_id)
        if not person.active or department is None:
            continue
        people.append(PanelCandidate.of(person, department))
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
        chairs=chairs,
    )


def _setup_scores(setup: GradingSetup, scores: Sequence[ScoreEntry]) -> list[MemberScore]:
    return _member_scores(_setup_tables(setup), scores)


def _setup_tables(setup: GradingSetup) -> _Tables:
    """The lookup tables of ``setup`` (active people and departments only), for checks without storage."""
    return _Tables(
        scales=setup.scales,
        sets=setup.threshold_sets,
        people={
            p.person_id: Person(p.person_id, p.name, p.department_id, p.roles, True, _EPOCH, _EPOCH)
            for p in setup.people
        },
        departments={d.id: d for d in setup.departments},
    )


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


@use_case("grading.get_grading", *EVERYONE)
def get_grading(uow: UnitOfWork, grading_id: uuid.UUID) -> Grading:
    """One grading with its scores and criteria.

    Raises:
        NotFound: ``grading_unknown``.
    """
    with uow:
        return _grading(uow, grading_id)


@use_case("grading.final_grading", *EVERYONE)
def final_grading(uow: UnitOfWork, hazard_id: uuid.UUID) -> Grading | None:
    """The grading that counts for a hazard (a dispute ruling beats panel gradings), or None."""
    with uow:
        return rules.current_grading(uow.gradings.history_for(hazard_id))


@use_case("grading.grading_history", *EVERYONE)
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


@use_case("grading.meetings", *EVERYONE)
def meetings(uow: UnitOfWork) -> list[MeetingSummary]:
    """Every panel meeting, newest first, with its grading counts."""
    with uow:
        counts = uow.gradings.meeting_counts()
        found = uow.gradings.meetings()
        numbers = namesake_numbers(uow.reference.people(include_inactive=True)) if found else {}
        return [MeetingSummary(m, *counts.get(m.id, (0, 0)), numbers.get(m.leader_id, "")) for m in found]


@use_case("grading.meeting_gradings", *EVERYONE)
def meeting_gradings(uow: UnitOfWork, meeting_id: uuid.UUID, *, confirmed_only: bool = False) -> list[Grading]:
    """The gradings a meeting made, in order (drafts too unless ``confirmed_only``).

    Raises:
        NotFound: ``meeting_unknown``.
    """
    with uow:
        _meeting(uow, meeting_id)
        return uow.gradings.for_meeting(meeting_id, confirmed_only=confirmed_only)


@use_case("grading.open_disputes", *EVERYONE)
def open_disputes(uow: UnitOfWork) -> list[Dispute]:
    """Disputes waiting for the dispute panel, oldest first."""
    with uow:
        return uow.gradings.open_disputes()

"""Lookups and shared steps inside an open unit of work: tables, people, drafts, the hazard's register columns."""

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.errors import DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import (
    DEFAULT_PANEL_RULE,
    CheckBasis,
    CompositionRule,
    CriterionMatch,
    Dispute,
    DisputeState,
    Grading,
    GradingMethod,
    MajorHazardCheck,
    MemberScore,
    PanelRole,
    PanelSeat,
)
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, check_gradable
from hazard_desktop.domain.lec import LecScales, ThresholdSet
from hazard_desktop.domain.meetings import GradingMeeting
from hazard_desktop.domain.records import utcnow
from hazard_desktop.domain.reference import Department, Person
from hazard_desktop.services.grading import signing
from hazard_desktop.services.grading.types import CheckEntry, CriterionEntry, GradingRequest, PanelEntry, ScoreEntry
from hazard_desktop.services.lookup import require
from hazard_desktop.services.ports import UnitOfWork

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


def _panel_member(tables: _Tables, person_id: uuid.UUID) -> Person:
    """An active person seated on a panel (by score or without).

    Raises:
        NotFound: ``person_unknown``.
        ValidationError: ``person_inactive``.
    """
    person = tables.people.get(person_id)
    if person is None:
        raise NotFound("person_unknown", field="panel", person_id=str(person_id))
    if not person.active:
        raise ValidationError("person_inactive", field="panel", person=person.name)
    return person


def _member_scores(tables: _Tables, entries: Sequence[ScoreEntry]) -> list[MemberScore]:
    result = []
    for entry in entries:
        person = _panel_member(tables, entry.person_id)
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


def _panel_seats(tables: _Tables, entries: Sequence[PanelEntry]) -> list[PanelSeat]:
    """The members of a panel deciding without scores, with their departments as they are today.

    Raises:
        NotFound: ``person_unknown``.
        ValidationError: ``person_inactive``.
    """
    result = []
    for entry in entries:
        person = _panel_member(tables, entry.person_id)
        department = tables.departments[person.department_id]
        result.append(
            PanelSeat(person.id, person.name, department.id, department.name, department.kind, PanelRole(entry.role))
        )
    return result


def _signed_scores(
    uow: UnitOfWork,
    tables: _Tables,
    entries: Sequence[ScoreEntry],
    round_id: uuid.UUID | None,
    hazard_id: uuid.UUID,
    at: datetime,
) -> list[MemberScore]:
    """The scores of a grading: from a blind scoring round (signed by each member), or typed.

    Typed scores are the single-user mode's (stamped so) and the system's (demo data); under accounts a
    member enters only their own score, so typed scores are refused.

    Raises:
        ValidationError: ``scores_need_round``, ``scores_and_round``, ``scoring_hazard_mismatch`` …
        InvalidTransition: ``scoring_incomplete``, ``scoring_closed``.
    """
    from hazard_desktop.services.grading import scoring

    if round_id is not None:
        if entries:
            raise ValidationError("scores_and_round", field="panel")
        return scoring.round_member_scores(tables, scoring.take_round(uow, round_id, hazard_id))
    scores = _member_scores(tables, entries)
    if not scores or not signing.signs(uow):
        return scores
    if not signing.is_single_user(uow):
        raise ValidationError("scores_need_round", field="panel")
    stamp = signing.actor_signature(uow, at)
    return [dataclasses.replace(s, entered=stamp) for s in scores]


def _matches(uow: UnitOfWork, entries: Sequence[CriterionEntry]) -> list[CriterionMatch]:
    result = []
    for entry in entries:
        criterion = uow.criteria.get(entry.criterion_id)
        if criterion is None:
            raise NotFound("criterion_unknown", field="criteria", id=str(entry.criterion_id))
        result.append(rules.match_criterion(criterion, entry.evidence))
    return result


def _major_check(uow: UnitOfWork, entry: CheckEntry | None, by: str, at: datetime) -> MajorHazardCheck:
    """The record of the §5.1 check a grading rests on, against the criteria list in force now.

    Raises:
        ValidationError: ``major_check_missing``, ``major_check_stale`` (the list changed since the check was
            answered: go through it again), ``major_check_after_grading``, ``time_naive``.
    """
    if entry is None:
        raise ValidationError("major_check_missing", field="check")
    version = rules.criteria_version(uow.criteria.all())
    if entry.criteria_digest != version.digest:
        raise ValidationError("major_check_stale", field="check")
    return rules.require_check(rules.record_check(CheckBasis.CHECK, version, entry.checked_at or at, by), at)


def _check_graded_on(hazard: Hazard, graded_on: date) -> None:
    found_on = hazard.found_at.astimezone().date()  # found_at is UTC; both days are the plant's
    if graded_on < found_on:
        raise ValidationError(
            "graded_on_before_found",
            field="graded_on",
            graded_on=graded_on.isoformat(),
            found_on=found_on.isoformat(),
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
    check: MajorHazardCheck | None = None,
) -> Grading:
    """Build (not store) a draft grading of ``hazard`` from ``request``.

    A LEC grading rests on the §5.1 check: ``check`` when given (a correction of a dispute ruling keeps the
    ruling's), else ``request.check`` against the criteria in force (:func:`_major_check`).
    """
    _check_graded_on(hazard, graded_on)
    method = GradingMethod(request.method)
    scores = _signed_scores(uow, tables, request.scores, request.round_id, hazard.id, at)
    panel = _panel_seats(tables, request.panel)
    if panel and (scores or method is GradingMethod.LEC_PANEL):
        raise ValidationError("panel_with_scores", field="panel")
    threshold_set = (
        rules.pick_threshold_set(tables.sets, graded_on, threshold_set_id)
        if scores or method is GradingMethod.LEC_PANEL
        else None
    )
    common: dict[str, Any] = {
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
        if check is None:
            check = _major_check(uow, request.check, leader_name, at)
        return rules.grade_by_lec(
            scores=scores, scales=tables.scales, threshold_set=threshold_set, check=check, **common
        )
    common["check"] = None if request.check is None else _major_check(uow, request.check, leader_name, at)
    if method is GradingMethod.CRITERIA:
        draft = rules.grade_by_criteria(
            matches=_matches(uow, request.criteria),
            scores=scores,
            scales=tables.scales,
            threshold_set=threshold_set,
            panel=panel,
            **common,
        )
    else:
        draft = rules.grade_by_panel_decision(
            reason=request.reason,
            scores=scores,
            scales=tables.scales,
            threshold_set=threshold_set,
            panel=panel,
            **common,
        )
    if not draft.panel_recorded and signing.signs(uow):
        # the sheet the leader signs names the panel that decided: a person acting records it (the system's
        # demo data and gradings stored before revision 0015 may have none, and their sheets say so)
        raise ValidationError("panel_not_recorded", field="panel")
    if draft.major_check is None and signing.signs(uow):
        # rule §5: a person grading 重大 records the §5.1 check too (the list the criteria were matched against, or
        # gone through before the §4.3 decision); the system's demo data and gradings stored before may have none
        raise ValidationError("major_check_missing", field="check")
    return draft


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
        draft = _add_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, now)
        uow.commit()
    return draft


def _add_draft(
    uow: UnitOfWork,
    request: GradingRequest,
    leader_id: uuid.UUID,
    graded_on: date,
    threshold_set_id: uuid.UUID | None,
    meeting_id: uuid.UUID | None,
    now: datetime,
) -> Grading:
    """Build and store a first grading of a hazard as a draft (inside an open unit of work)."""
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
    _close_round(uow, request, draft, now)
    return draft


def _close_round(uow: UnitOfWork, request: GradingRequest, grading: Grading, at: datetime) -> None:
    """The blind scoring round the stored ``grading`` used takes no more entries."""
    from hazard_desktop.services.grading import scoring

    scoring.close_used_round(uow, request.round_id, grading.id, at)


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
    confirmed = rules.confirm(grading, at, history, by=_confirmer(uow, grading, at))
    uow.gradings.update(confirmed)
    _refresh_hazard(uow, hazard, [confirmed if g.id == grading.id else g for g in history], at)
    _record_grading(uow, hazard, confirmed, at)
    return confirmed


def _confirmer(uow: UnitOfWork, grading: Grading, at: datetime) -> rules.Signature | None:
    """The confirming leader's signature; under accounts only the grading's leader confirms it.

    Raises:
        ValidationError: ``confirm_not_leader``.
    """
    signature = signing.optional_actor_signature(uow, at)
    if signature is None or signature.single_user:
        return signature
    if grading.leader_id is not None and signing.actor_person(uow) != grading.leader_id:
        raise ValidationError("confirm_not_leader", field="leader", leader=grading.leader_name)
    return signature


def _record_grading(uow: UnitOfWork, before: Hazard, grading: Grading, at: datetime) -> None:
    """The hazard's timeline gets the grading (待定级 → 已定级, or a re-grading that keeps the loop's state)."""
    from hazard_desktop.services.rectification.use_cases import record_grading

    record_grading(
        uow,
        _hazard(uow, before.id),
        before.status,
        grading.id,
        grading.leader_id,
        correction=grading.supersedes_id is not None or grading.is_ruling,
        at=at,
    )

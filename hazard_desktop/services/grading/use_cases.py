"""Use cases of panel grading (rule §5): meetings, gradings by LEC / criteria / §4.3 judgement, confirmation,
corrections."""

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.accounts import Role
from hazard_desktop.domain.errors import DomainError, InvalidTransition, ValidationError
from hazard_desktop.domain.grading import (
    DEFAULT_PANEL_RULE,
    Grading,
    GradingMethod,
    PanelRole,
)
from hazard_desktop.domain.hazards import check_gradable
from hazard_desktop.domain.meetings import GradingMeeting, new_meeting
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.grading.lookups import (
    _add_draft,
    _close_round,
    _confirm_in,
    _dispute,
    _draft,
    _ensure_no_open_dispute,
    _grading,
    _hazard,
    _leader,
    _meeting,
    _member_scores,
    _new_draft,
    _now,
    _tables,
    _with_hazard,
)
from hazard_desktop.services.grading.types import (
    CheckEntry,
    CriterionEntry,
    GradingRequest,
    MeetingRequest,
    PanelEntry,
    ScoreEntry,
)
from hazard_desktop.services.ports import UnitOfWork

# ---------------------------------------------------------------- meetings and gradings


@use_case("grading.open_meeting", Role.PANEL_LEADER)
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


@use_case("grading.grade_by_lec", Role.PANEL_LEADER)
def grade_hazard_by_lec(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    scores: Sequence[ScoreEntry],
    leader_id: uuid.UUID,
    graded_on: date,
    threshold_set_id: uuid.UUID | None = None,
    meeting_id: uuid.UUID | None = None,
    *,
    check: CheckEntry | None = None,
    at: datetime | None = None,
) -> Grading:
    """§5.2: store a draft 一般 grading from the panel's mean D (confirm it with :func:`confirm_grading`).

    ``check`` is the §5.1 check that found no criterion (rule §5: LEC grades only what no criterion matches).

    Raises:
        NotFound: ``hazard_unknown``, ``person_unknown``, ``leader_unknown``, ``meeting_unknown``.
        InvalidTransition: ``hazard_already_graded`` (use :func:`correct_grading`).
        ValidationError: ``major_check_missing``, ``major_check_stale``, ``off_scale``, ``panel_even``,
            ``panel_missing_kind``, ``panel_kind_not_allowed``, ``panel_duplicate_member``, ``panel_empty``,
            ``no_threshold_set``, ``graded_on_before_found`` …
    """
    request = GradingRequest(hazard_id, GradingMethod.LEC_PANEL, tuple(scores), check=check)
    return _new_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, at)


@use_case("grading.grade_by_criteria", Role.PANEL_LEADER)
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
    panel: Sequence[PanelEntry] = (),
    check: CheckEntry | None = None,
    at: datetime | None = None,
) -> Grading:
    """§5.1: store a draft 重大 grading citing the matched criteria and their evidence.

    Without scores ``panel`` names the panel that decided (a person acting must name it: ``panel_not_recorded``).

    Raises:
        ValidationError: ``criteria_empty``, ``criterion_duplicate``, ``criterion_retired``,
            ``evidence_empty``; with scores as :func:`grade_hazard_by_lec`.
        NotFound: ``criterion_unknown`` and as :func:`grade_hazard_by_lec`.
    """
    request = GradingRequest(
        hazard_id, GradingMethod.CRITERIA, tuple(scores), tuple(criteria), panel=tuple(panel), check=check
    )
    return _new_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, at)


@use_case("grading.grade_by_decision", Role.PANEL_LEADER)
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
    panel: Sequence[PanelEntry] = (),
    check: CheckEntry | None = None,
    at: datetime | None = None,
) -> Grading:
    """§4.3: store a draft 重大 grading the panel decided, with its written reason (``panel`` as
    :func:`grade_hazard_by_criteria`).

    Raises:
        ValidationError: ``reason_empty``, ``reason_too_long``; with scores as :func:`grade_hazard_by_lec`.
    """
    request = GradingRequest(
        hazard_id, GradingMethod.PANEL_DECISION, tuple(scores), reason=reason, panel=tuple(panel), check=check
    )
    return _new_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, at)


@use_case("grading.grade_and_confirm", Role.PANEL_LEADER)
def grade_and_confirm(
    uow: UnitOfWork,
    request: GradingRequest,
    leader_id: uuid.UUID,
    graded_on: date,
    threshold_set_id: uuid.UUID | None = None,
    *,
    meeting_id: uuid.UUID | None = None,
    meeting: MeetingRequest | None = None,
    at: datetime | None = None,
) -> tuple[Grading, GradingMeeting | None]:
    """The panel grades a hazard and its leader confirms it: one action, one transaction.

    ``meeting`` opens the batch's meeting in the same transaction (its first grading); ``meeting_id``
    names a meeting opened before. A refusal stores nothing: no meeting, no draft.

    Returns:
        The confirmed grading and the meeting opened here (None if none was opened).

    Raises:
        as :func:`grade_hazard_by_lec` / ``_by_criteria`` / ``_by_decision``, :func:`confirm_grading` and
        :func:`open_meeting`.
    """
    now = _now(at)
    opened: GradingMeeting | None = None
    with uow:
        if meeting is not None:
            chair = _leader(_tables(uow), leader_id)
            opened = new_meeting(
                title=meeting.title, held_on=meeting.held_on, leader_id=chair.id, leader_name=chair.name, at=now
            )
            uow.gradings.add_meeting(opened)
            meeting_id = opened.id
        draft = _add_draft(uow, request, leader_id, graded_on, threshold_set_id, meeting_id, now)
        confirmed = _confirm_in(uow, draft, now)
        uow.commit()
    return confirmed, opened


@use_case("grading.grade_batch", Role.PANEL_LEADER)
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
            _close_round(uow, request, draft, now)
            drafts.append(_confirm_in(uow, draft, now) if confirm else draft)
        uow.commit()
    return drafts


@use_case("grading.confirm", Role.PANEL_LEADER)
def confirm_grading(uow: UnitOfWork, grading_id: uuid.UUID, *, at: datetime | None = None) -> Grading:
    """The leader confirms a draft; the hazard's grade, status (待定级 → 已定级) and register columns follow.

    Raises:
        NotFound: ``grading_unknown``.
        InvalidTransition: ``grading_confirmed``, ``grading_superseded``, ``hazard_already_graded``,
            ``dispute_open`` (a correction while the hazard's dispute is open).
    """
    return confirm_gradings(uow, [grading_id], at=at)[0]


@use_case("grading.confirm_many", Role.PANEL_LEADER)
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


@use_case("grading.discard_draft", Role.PANEL_LEADER)
def discard_draft(uow: UnitOfWork, grading_id: uuid.UUID) -> None:
    """Throw away a draft nobody confirmed.

    Raises:
        NotFound: ``grading_unknown``.
        InvalidTransition: ``grading_confirmed``.
    """
    with uow:
        uow.gradings.remove_draft(grading_id)
        uow.commit()


def _ruling_check(uow: UnitOfWork, ruling: Grading) -> rules.MajorHazardCheck:
    """The §5.1 check of a dispute ruling by LEC: its recorded check, or, for a ruling stored before checks were
    recorded (0016), the panel's votes themselves (§7 in the order of §5: no criterion upheld) against the
    criteria list in force when it was confirmed, by its 组长."""
    if ruling.major_check is not None:
        return ruling.major_check
    assert ruling.confirmed_at is not None
    version = rules.criteria_version(uow.criteria.all(include_retired=True), at=ruling.confirmed_at)
    return rules.record_check(rules.CheckBasis.DISPUTE, version, ruling.confirmed_at, ruling.leader_name)


@use_case("grading.correct", Role.PANEL_LEADER)
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
    ``leader_id`` is ignored); it re-scores LEC only and keeps the ruling's §5.1 check (the panel's votes upheld
    no criterion). Any other correction needs ``leader_id``, and by LEC ``request.check``.

    Raises:
        ValidationError: ``reason_empty``, ``grading_hazard_mismatch``, ``ruling_needs_lec``,
            ``ruling_criteria_upheld`` (the ruling rests on a criterion the panel upheld), and as
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
            if any(v.upheld for v in old.verdicts):
                # an LEC mean never outvotes a criterion the dispute panel upheld (§5.1, §7)
                raise ValidationError("ruling_criteria_upheld", field="method")
            dispute = _dispute(uow, old.dispute_id)
            raising = tables.departments[dispute.raised_by_department_id]
            rule = rules.dispute_rule(raising.kind, raising.id)
            scores = _member_scores(tables, request.scores)
            chief = next((s for s in scores if s.role is PanelRole.LEADER), None)
            leader_key, leader_name = (None, "") if chief is None else (chief.person_id, chief.person_name)
            if chief is None:
                rules.require_panel(scores, rule)  # raises dispute_needs_leader
            check = _ruling_check(uow, old)
        else:
            rule = DEFAULT_PANEL_RULE
            leader = _leader(tables, leader_id)
            leader_key, leader_name = leader.id, leader.name
            check = None  # a first-hand correction by LEC rests on its own check (request.check)
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
            check=check,
        )
        correction = rules.correct(old, draft, reason, history)
        uow.gradings.add(correction)
        _close_round(uow, request, correction, now)
        uow.commit()
    return correction

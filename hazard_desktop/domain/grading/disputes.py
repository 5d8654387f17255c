"""Disputes (rule §6–§7): raising, the dispute panel's ruling, withdrawing."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.errors import InvalidTransition, ValidationError
from hazard_desktop.domain.grading.checks import MajorHazardCheck
from hazard_desktop.domain.grading.gradings import (
    REASON_MAX,
    Grading,
    GradingMethod,
    _aware,
    _build,
    _clean_text,
)
from hazard_desktop.domain.grading.panels import (
    CompositionRule,
    MemberScore,
    PanelRole,
    dispute_rule,
    evaluate_panel,
    require_panel,
)
from hazard_desktop.domain.grading.verdicts import CriterionVerdict, check_votes, voters
from hazard_desktop.domain.grading_states import DisputeState
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import (
    LecScales,
    ThresholdSet,
)
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.reference import DepartmentKind, clean_name
from hazard_desktop.domain.text import refuse_control_characters

# ---------------------------------------------------------------- disputes (§6–§7)


@dataclass(frozen=True, slots=True)
class CriterionClaim:
    """A major-hazard criterion the raising department says the hazard matches (text as claimed)."""

    criterion_id: uuid.UUID
    code: str
    text: str
    clause: str


def claim_criterion(criterion: MajorCriterion) -> CriterionClaim:
    """Cite an active criterion in a dispute.

    Raises:
        ValidationError: ``criterion_retired``.
    """
    if not criterion.active:
        raise ValidationError("criterion_retired", field="criteria", criterion=criterion.code)
    return CriterionClaim(criterion.id, criterion.code, criterion.text, criterion.clause)


@dataclass(frozen=True, slots=True)
class Dispute:
    """A department's objection to a confirmed grading, settled by the dispute panel.

    ``claimed`` are the major-hazard criteria the raising department says apply (a dispute may claim
    that a 一般 hazard is 重大). ``withdrawn_*`` are set only when the raising department withdraws it,
    naming who did.
    """

    id: uuid.UUID
    grading_id: uuid.UUID
    hazard_id: uuid.UUID
    raised_by_department_id: uuid.UUID
    raised_by_department_name: str
    raised_by_person_name: str
    raised_at: datetime
    reason: str
    state: DisputeState
    ruling_grading_id: uuid.UUID | None
    ruling_text: str
    ruled_at: datetime | None
    created_at: datetime
    updated_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_reason: str = ""
    claimed: tuple[CriterionClaim, ...] = ()
    withdrawn_by_person_name: str = ""
    withdrawn_by_department_id: uuid.UUID | None = None
    withdrawn_by_department_name: str = ""


def raise_dispute(
    grading: Grading,
    *,
    department_id: uuid.UUID,
    department_name: str,
    person_name: str,
    reason: str,
    at: datetime,
    history: Iterable[Grading] = (),
    dispute_id: uuid.UUID | None = None,
    claimed: Sequence[CriterionClaim] = (),
) -> Dispute:
    """A department disputes a confirmed grading (§6), possibly claiming criteria that apply.

    A claim of a criterion the grading already matched adds nothing and is dropped.

    Raises:
        ValidationError: ``reason_empty``, ``reason_too_long``, ``person_name_empty``,
            ``department_name_empty``, ``time_naive``.
        InvalidTransition: ``grading_not_confirmed``, ``grading_final`` (a ruling cannot be disputed),
            ``grading_superseded`` (a confirmed correction in ``history`` replaced it).
        ValidationError: ``criterion_duplicate`` (a criterion claimed twice).
    """
    text = _clean_text(reason, "reason", REASON_MAX)
    claim_ids = [c.criterion_id for c in claimed]
    if len(set(claim_ids)) != len(claim_ids):
        raise ValidationError("criterion_duplicate", field="criteria")
    matched = {m.criterion_id for m in grading.matches}
    person = clean_name(person_name, "person_name")
    department = clean_name(department_name, "department_name")
    _aware(at, "at")
    if not grading.confirmed:
        raise InvalidTransition("grading_not_confirmed", id=str(grading.id))
    if grading.is_ruling:
        raise InvalidTransition("grading_final", id=str(grading.id))
    if any(g.confirmed and g.supersedes_id == grading.id for g in history):
        raise InvalidTransition("grading_superseded", id=str(grading.id))
    return Dispute(
        id=dispute_id or new_id(),
        grading_id=grading.id,
        hazard_id=grading.hazard_id,
        raised_by_department_id=department_id,
        raised_by_department_name=department,
        raised_by_person_name=person,
        raised_at=at,
        reason=text,
        state=DisputeState.OPEN,
        ruling_grading_id=None,
        ruling_text="",
        ruled_at=None,
        created_at=at,
        updated_at=at,
        claimed=tuple(sorted((c for c in claimed if c.criterion_id not in matched), key=lambda c: c.code)),
    )


def criteria_in_question(dispute: Dispute, disputed: Grading) -> tuple[CriterionClaim, ...]:
    """§7 in the order of §5: the criteria the panel must vote on first.

    Those the disputed grading matched, then those the raising department claims; empty when the
    dispute is about an LEC value only.
    """
    matched = tuple(CriterionClaim(m.criterion_id, m.code, m.text, m.clause) for m in disputed.matches)
    known = {c.criterion_id for c in matched}
    return matched + tuple(c for c in dispute.claimed if c.criterion_id not in known)


def _ensure_open(dispute: Dispute) -> None:
    if dispute.state is not DisputeState.OPEN:
        raise InvalidTransition("dispute_not_open", state=dispute.state.value)


def decide_criteria(
    dispute: Dispute, disputed: Grading, raising_kind: DepartmentKind, verdicts: Sequence[CriterionVerdict]
) -> tuple[CriterionVerdict, ...]:
    """Check the panel's verdicts on the criteria in question; return them in code order.

    Every criterion in question has a verdict (and nothing else), each with evidence, voted by the same
    valid dispute panel (:func:`dispute_rule`).

    Raises:
        ValidationError: ``ruling_vote_missing`` / ``ruling_vote_unexpected`` (param ``criterion``),
            ``criterion_duplicate``, ``verdict_findings_empty``, ``votes_empty``, ``vote_duplicate``,
            ``ruling_panel_changed`` and the panel codes of :func:`require_panel`.
    """
    rule = dispute_rule(raising_kind, dispute.raised_by_department_id)
    cited = tuple(sorted(verdicts, key=lambda v: (v.match.code, str(v.criterion_id))))
    _check_verdicts(cited, criteria_in_question(dispute, disputed), rule)
    return cited


def _check_verdicts(
    verdicts: Sequence[CriterionVerdict], in_question: Sequence[CriterionClaim], rule: CompositionRule
) -> None:
    wanted = {c.criterion_id: c for c in in_question}
    given = {v.criterion_id for v in verdicts}
    if len(given) != len(verdicts):
        raise ValidationError("criterion_duplicate", field="criteria")
    for claim in in_question:
        if claim.criterion_id not in given:
            raise ValidationError("ruling_vote_missing", field="votes", criterion=claim.code)
    panel: frozenset[uuid.UUID] | None = None
    for verdict in verdicts:
        if verdict.criterion_id not in wanted:
            raise ValidationError("ruling_vote_unexpected", field="votes", criterion=verdict.match.code)
        if not verdict.match.evidence.strip():
            # the panel's site-check notes, required whatever the vote (not a match's evidence)
            raise ValidationError("verdict_findings_empty", field="evidence", criterion=verdict.match.code)
        check_votes(verdict)
        require_panel(verdict.votes, rule)
        people = frozenset(v.person_id for v in verdict.votes)
        if panel is not None and people != panel:
            raise ValidationError("ruling_panel_changed", field="votes", criterion=verdict.match.code)
        panel = people


def grade_dispute(
    dispute: Dispute,
    *,
    disputed: Grading,
    raising_kind: DepartmentKind,
    scores: Sequence[MemberScore] = (),
    verdicts: Sequence[CriterionVerdict] = (),
    scales: LecScales,
    threshold_set: ThresholdSet | None,
    graded_on: date,
    at: datetime,
    grading_id: uuid.UUID | None = None,
    check: MajorHazardCheck | None = None,
) -> Grading:
    """§7 in the order of §5: the dispute panel's draft ruling; its 组长 is the leader.

    1. The panel votes, member by member, on every criterion in question (:func:`criteria_in_question`:
       those the disputed grading matched and those the raising department claims), with evidence.
    2. If any criterion is upheld by the majority, the ruling is 重大 citing the upheld clauses (no LEC).
    3. Only if none is upheld (or none is in question) does the panel score LEC; its mean is final. That vote
       is the ruling's §5.1 check: ``check`` (basis :attr:`CheckBasis.DISPUTE`) records it.
    The votes are kept with the ruling either way.

    Raises:
        InvalidTransition: ``dispute_not_open``.
        ValidationError: ``dispute_wrong_grading``; ``ruling_vote_missing`` / ``ruling_vote_unexpected``
            (param ``criterion``), ``votes_empty``, ``vote_duplicate``, ``verdict_findings_empty``,
            ``ruling_panel_changed`` (the scorers are not the voters), ``ruling_criteria_upheld`` (LEC
            scores although a criterion applies), ``major_check_missing`` (a LEC ruling without ``check``);
            see :func:`evaluate_panel` with :func:`dispute_rule`
            (``dispute_needs_leader``, ``dispute_needs_deputy``, ``panel_missing_department``, ``panel_even`` …).
    """
    _ensure_open(dispute)
    if disputed.id != dispute.grading_id:
        raise ValidationError("dispute_wrong_grading", id=str(disputed.id))
    rule = dispute_rule(raising_kind, dispute.raised_by_department_id)
    cited = decide_criteria(dispute, disputed, raising_kind, verdicts)
    upheld = tuple(v for v in cited if v.upheld)
    common: dict[str, Any] = {
        "hazard_id": dispute.hazard_id,
        "decision_reason": "",
        "graded_on": graded_on,
        "at": at,
        "dispute_id": dispute.id,
        "meeting_id": None,
        "grading_id": grading_id,
        "verdicts": cited,
    }
    if upheld:
        if scores:
            raise ValidationError("ruling_criteria_upheld", field="scores")
        chief = next((v for v in cited[0].votes if v.role is PanelRole.LEADER), None)
        assert chief is not None  # require_panel checked it
        return _build(
            method=GradingMethod.CRITERIA,
            grade=HazardGrade.MAJOR,
            outcome=None,
            matches=tuple(v.match for v in upheld),
            leader_id=chief.person_id,
            leader_name=chief.person_name,
            **common,
        )
    if threshold_set is None:
        raise ValidationError("threshold_set_missing", field="threshold_set")
    outcome = evaluate_panel(scores, scales=scales, threshold_set=threshold_set, rule=rule)
    if cited and frozenset(s.person_id for s in outcome.scores) != voters(cited):
        raise ValidationError("ruling_panel_changed", field="panel")
    leader = next(s for s in outcome.scores if s.role is PanelRole.LEADER)
    return _build(
        method=GradingMethod.LEC_PANEL,
        grade=HazardGrade.GENERAL,
        outcome=outcome,
        matches=(),
        leader_id=leader.person_id,
        leader_name=leader.person_name,
        major_check=check,
        **common,
    )


def rule(dispute: Dispute, ruling_grading: Grading, text: str, at: datetime) -> Dispute:
    """Close an open dispute with the dispute panel's confirmed grading (final, §7).

    Raises:
        InvalidTransition: ``dispute_not_open``, ``grading_not_confirmed``.
        ValidationError: ``ruling_wrong_dispute`` (the grading belongs to another dispute or none),
            ``grading_hazard_mismatch``, ``time_naive``.
    """
    _ensure_open(dispute)
    _aware(at, "at")
    if ruling_grading.dispute_id != dispute.id:
        raise ValidationError("ruling_wrong_dispute", id=str(ruling_grading.id))
    if ruling_grading.hazard_id != dispute.hazard_id:
        raise ValidationError("grading_hazard_mismatch")
    if not ruling_grading.confirmed:
        raise InvalidTransition("grading_not_confirmed", id=str(ruling_grading.id))
    return replace(
        dispute,
        state=DisputeState.RULED,
        ruling_grading_id=ruling_grading.id,
        ruling_text=text.strip(),
        ruled_at=at,
        updated_at=at,
    )


def withdraw(dispute: Dispute, at: datetime, reason: str = "", *, person_name: str) -> Dispute:
    """The raising department withdraws an open dispute; ``person_name`` says who (recorded).

    A ruled dispute cannot be withdrawn: the ruling is final (§7).

    Raises:
        InvalidTransition: ``dispute_not_open``.
        ValidationError: ``person_name_empty``, ``person_name_too_long``, ``time_naive``.
    """
    _ensure_open(dispute)
    _aware(at, "at")
    person = clean_name(person_name, "person_name")
    return replace(
        dispute,
        state=DisputeState.WITHDRAWN,
        withdrawn_at=at,
        withdrawn_reason=refuse_control_characters(reason, "reason").strip(),
        withdrawn_by_person_name=person,
        withdrawn_by_department_id=dispute.raised_by_department_id,
        withdrawn_by_department_name=dispute.raised_by_department_name,
        updated_at=at,
    )

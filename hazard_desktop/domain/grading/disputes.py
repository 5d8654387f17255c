"""Disputes (rule §6–§7): raising, the dispute panel's ruling, withdrawing."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from hazard_desktop.domain.errors import InvalidTransition, ValidationError
from hazard_desktop.domain.grading.gradings import (
    REASON_MAX,
    Grading,
    GradingMethod,
    _aware,
    _build,
    _clean_text,
)
from hazard_desktop.domain.grading.panels import MemberScore, PanelRole, dispute_rule, evaluate_panel
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import (
    LecScales,
    ThresholdSet,
)
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.reference import DepartmentKind, clean_name

# ---------------------------------------------------------------- disputes (§6–§7)


class DisputeState(StrEnum):
    """Where a dispute stands."""

    OPEN = "open"
    RULED = "ruled"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Dispute:
    """A department's objection to a confirmed grading, settled by the dispute panel.

    ``withdrawn_at``/``withdrawn_reason`` are set only when the raising department withdraws it.
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
) -> Dispute:
    """A department disputes a confirmed grading (§6).

    Raises:
        ValidationError: ``reason_empty``, ``reason_too_long``, ``person_name_empty``,
            ``department_name_empty``, ``time_naive``.
        InvalidTransition: ``grading_not_confirmed``, ``grading_final`` (a ruling cannot be disputed),
            ``grading_superseded`` (a confirmed correction in ``history`` replaced it).
    """
    text = _clean_text(reason, "reason", REASON_MAX)
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
    )


def _ensure_open(dispute: Dispute) -> None:
    if dispute.state is not DisputeState.OPEN:
        raise InvalidTransition("dispute_not_open", state=dispute.state.value)


def grade_dispute(
    dispute: Dispute,
    *,
    raising_kind: DepartmentKind,
    scores: Sequence[MemberScore],
    scales: LecScales,
    threshold_set: ThresholdSet,
    graded_on: date,
    at: datetime,
    grading_id: uuid.UUID | None = None,
) -> Grading:
    """§7: the dispute panel's draft grading (mean of its members' D); its 组长 is the leader.

    Raises:
        InvalidTransition: ``dispute_not_open``.
        ValidationError: see :func:`evaluate_panel` with :func:`dispute_rule` (``dispute_needs_leader``,
            ``dispute_needs_deputy``, ``panel_missing_department``, ``panel_even`` …).
    """
    _ensure_open(dispute)
    outcome = evaluate_panel(
        scores,
        scales=scales,
        threshold_set=threshold_set,
        rule=dispute_rule(raising_kind, dispute.raised_by_department_id),
    )
    leader = next(s for s in outcome.scores if s.role is PanelRole.LEADER)
    return _build(
        hazard_id=dispute.hazard_id,
        method=GradingMethod.LEC_PANEL,
        grade=HazardGrade.GENERAL,
        outcome=outcome,
        matches=(),
        decision_reason="",
        leader_id=leader.person_id,
        leader_name=leader.person_name,
        graded_on=graded_on,
        at=at,
        dispute_id=dispute.id,
        meeting_id=None,
        grading_id=grading_id,
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


def withdraw(dispute: Dispute, at: datetime, reason: str = "") -> Dispute:
    """The raising department withdraws an open dispute.

    Raises:
        InvalidTransition: ``dispute_not_open``.
        ValidationError: ``time_naive``.
    """
    _ensure_open(dispute)
    _aware(at, "at")
    return replace(
        dispute, state=DisputeState.WITHDRAWN, withdrawn_at=at, withdrawn_reason=reason.strip(), updated_at=at
    )

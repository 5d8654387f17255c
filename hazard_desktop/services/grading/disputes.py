"""Use cases of disputes (rule §6–§7): raise, rule, withdraw."""

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import (
    REASON_MAX,
    Dispute,
    DisputeState,
    Grading,
)
from hazard_desktop.services.grading.lookups import (
    _check_graded_on,
    _dispute,
    _grading,
    _hazard,
    _member_scores,
    _now,
    _refresh_hazard,
    _tables,
)
from hazard_desktop.services.grading.types import ScoreEntry
from hazard_desktop.services.ports import UnitOfWork

RULING_TEXT_MAX = REASON_MAX

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
    text = ruling_text.strip()
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

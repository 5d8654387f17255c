"""Use cases of disputes (rule §6–§7): see where a hazard stands, raise, decide criteria, rule, withdraw.

The ruling follows §5's order: the dispute panel first votes, member by member, on every criterion in
question (matched by the disputed grading or claimed by the raising department); a criterion upheld
makes the ruling 重大 with that clause; only when none is upheld does the panel score LEC, and its mean
is final. The panel's 组长 and 副组长 are the persons the settings name for the ruling date.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from datetime import date, datetime

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import (
    REASON_MAX,
    CheckBasis,
    CriterionClaim,
    CriterionMatch,
    CriterionVerdict,
    CriterionVote,
    Dispute,
    DisputeState,
    Grading,
    MajorHazardCheck,
    MemberScore,
    PanelRole,
    RoundPurpose,
)
from hazard_desktop.domain.grading import chairs as chair_rules
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.domain.text import refuse_control_characters
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.grading import signing
from hazard_desktop.services.grading.lookups import (
    _check_graded_on,
    _confirmer,
    _dispute,
    _grading,
    _hazard,
    _now,
    _record_grading,
    _refresh_hazard,
    _signed_scores,
    _Tables,
    _tables,
)
from hazard_desktop.services.grading.queries import _setup_tables
from hazard_desktop.services.grading.scoring import close_used_round, take_round
from hazard_desktop.services.grading.types import (
    DisputeView,
    GradingSetup,
    ScoreEntry,
    VerdictEntry,
    VoteEntry,
)
from hazard_desktop.services.ports import UnitOfWork

RULING_TEXT_MAX = REASON_MAX


# ---------------------------------------------------------------- reading


@use_case("disputes.view", *EVERYONE)
def dispute_view(uow: UnitOfWork, hazard_id: uuid.UUID) -> DisputeView:
    """The grading in force, the open dispute and the criteria its panel must vote on first.

    Raises:
        NotFound: ``hazard_unknown``.
    """
    with uow:
        _hazard(uow, hazard_id)
        history = uow.gradings.history_for(hazard_id)
        current = rules.current_grading(history)
        dispute = next((d for d in uow.gradings.disputes_for(hazard_id) if d.state is DisputeState.OPEN), None)
        in_question: tuple[CriterionClaim, ...] = ()
        raising_kind: DepartmentKind | None = None
        if dispute is not None:
            disputed = next((g for g in history if g.id == dispute.grading_id), None)
            if disputed is not None:
                in_question = rules.criteria_in_question(dispute, disputed)
            department = uow.reference.get_department(dispute.raised_by_department_id)
            raising_kind = None if department is None else department.kind
    return DisputeView(current, dispute, in_question, raising_kind)


def _verdicts(
    tables: _Tables, entries: Sequence[VerdictEntry], claims: Sequence[CriterionClaim]
) -> list[CriterionVerdict]:
    """Votes as entered → verdicts with the members' names and departments (criterion text as in question)."""
    by_id = {c.criterion_id: c for c in claims}
    result = []
    for entry in entries:
        claim = by_id.get(entry.criterion_id)
        if claim is None:
            raise ValidationError("ruling_vote_unexpected", field="votes", criterion=str(entry.criterion_id))
        votes = []
        for vote in entry.votes:
            person = tables.people.get(vote.person_id)
            if person is None:
                raise NotFound("person_unknown", field="votes", person_id=str(vote.person_id))
            if not person.active:
                raise ValidationError("person_inactive", field="votes", person=person.name)
            department = tables.departments[person.department_id]
            votes.append(
                CriterionVote(
                    person_id=person.id,
                    person_name=person.name,
                    department_id=department.id,
                    department_name=department.name,
                    department_kind=department.kind,
                    role=PanelRole(vote.role),
                    upholds=bool(vote.upholds),
                )
            )
        match = CriterionMatch(claim.criterion_id, claim.code, claim.text, claim.clause, entry.evidence.strip())
        result.append(CriterionVerdict(match, tuple(votes)))
    return result


def _signed_verdicts(
    uow: UnitOfWork,
    tables: _Tables,
    entries: Sequence[VerdictEntry],
    round_id: uuid.UUID | None,
    hazard_id: uuid.UUID,
    in_question: Sequence[CriterionClaim],
    at: datetime,
) -> list[CriterionVerdict]:
    """The panel's verdicts with each vote signed: from a blind vote round, or typed (single-user mode, system).

    Raises:
        ValidationError: ``scores_need_round``, ``scores_and_round``, ``scoring_purpose`` …
        InvalidTransition: ``scoring_incomplete``, ``scoring_closed``.
    """
    if round_id is None:
        decided = _verdicts(tables, entries, in_question)
        typed = any(d.votes for d in decided)
        if not typed or not signing.signs(uow):
            return decided
        if not signing.is_single_user(uow):
            raise ValidationError("scores_need_round", field="votes")
        stamp = signing.actor_signature(uow, at)
        return [
            dataclasses.replace(d, votes=tuple(dataclasses.replace(v, entered=stamp) for v in d.votes)) for d in decided
        ]
    if any(e.votes for e in entries):
        raise ValidationError("scores_and_round", field="votes")
    scoring = take_round(uow, round_id, hazard_id)
    if scoring.purpose is not RoundPurpose.VOTES:
        raise ValidationError("scoring_purpose", field="votes")
    if scoring.grading_id is not None:
        raise InvalidTransition("scoring_closed")
    revealed = rules.revealed(scoring)
    if revealed is None:
        raise InvalidTransition("scoring_incomplete", missing=len(scoring.missing))
    filled = [
        VerdictEntry(
            e.criterion_id,
            e.evidence,
            tuple(
                VoteEntry(entry.person_id, entry.vote_map.get(e.criterion_id, False), scoring.role(entry.person_id))
                for entry in revealed
                if e.criterion_id in entry.vote_map
            ),
        )
        for e in entries
    ]
    signatures = {entry.person_id: entry.signature for entry in revealed}
    return [
        dataclasses.replace(
            d, votes=tuple(dataclasses.replace(v, entered=signatures.get(v.person_id)) for v in d.votes)
        )
        for d in _verdicts(tables, filled, in_question)
    ]


def decide_criteria(
    setup: GradingSetup, view: DisputeView, entries: Sequence[VerdictEntry], ruled_on: date
) -> tuple[CriterionVerdict, ...]:
    """The panel's verdicts on the criteria in question, checked but not stored (the dialog shows them;
    :attr:`CriterionVerdict.upheld` says whether the ruling is 重大 or goes on to LEC).

    Raises:
        InvalidTransition: ``dispute_not_open``.
        ValidationError: ``ruling_vote_missing``, ``verdict_findings_empty``, ``panel_even``,
            ``dispute_chairs_missing``, ``dispute_leader_not_named`` … (as :func:`rule_dispute`).
    """
    dispute, disputed = view.dispute, view.grading
    if dispute is None or disputed is None:
        raise InvalidTransition("dispute_not_open", state="none")
    verdicts = _verdicts(_setup_tables(setup), entries, view.in_question)
    for verdict in verdicts:
        chair_rules.require_chairs(setup.chairs, ruled_on, verdict.votes)
    kind = view.raising_kind or DepartmentKind.OTHER
    return rules.decide_criteria(dispute, disputed, kind, verdicts)


# ---------------------------------------------------------------- use cases


@use_case("disputes.raise", Role.INSPECTOR, Role.PANEL_LEADER, Role.DISPUTE_CHAIR, Role.SAFETY_ADMIN)
def raise_dispute(
    uow: UnitOfWork,
    grading_id: uuid.UUID,
    department_id: uuid.UUID,
    person_name: str,
    reason: str,
    *,
    claimed: Sequence[uuid.UUID] = (),
    at: datetime | None = None,
) -> Dispute:
    """A department disputes the grading that counts; the register marks the hazard 争议中.

    ``claimed`` are criteria the department says apply (e.g. that a 一般 hazard is 重大).

    Raises:
        NotFound: ``grading_unknown``, ``department_unknown``, ``criterion_unknown``.
        InvalidTransition: ``grading_not_confirmed``, ``grading_final`` (a ruling), ``grading_superseded``,
            ``grading_not_current``.
        Conflict: ``dispute_already_open``.
        ValidationError: ``reason_empty``, ``person_name_empty``, ``criterion_retired``,
            ``criterion_duplicate`` …
    """
    now = _now(at)
    with uow:
        grading = _grading(uow, grading_id)
        department = uow.reference.get_department(department_id)
        if department is None:
            raise NotFound("department_unknown", field="department", id=str(department_id))
        claims = []
        for criterion_id in claimed:
            criterion = uow.criteria.get(criterion_id)
            if criterion is None:
                raise NotFound("criterion_unknown", field="criteria", id=str(criterion_id))
            claims.append(rules.claim_criterion(criterion))
        history = uow.gradings.history_for(grading.hazard_id)
        dispute = rules.raise_dispute(
            grading,
            department_id=department.id,
            department_name=department.name,
            person_name=person_name,
            reason=reason,
            at=now,
            history=history,
            claimed=claims,
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


@use_case("disputes.rule", Role.DISPUTE_CHAIR)
def rule_dispute(
    uow: UnitOfWork,
    dispute_id: uuid.UUID,
    scores: Sequence[ScoreEntry],
    ruling_text: str,
    graded_on: date,
    threshold_set_id: uuid.UUID | None = None,
    *,
    verdicts: Sequence[VerdictEntry] = (),
    score_round_id: uuid.UUID | None = None,
    vote_round_id: uuid.UUID | None = None,
    at: datetime | None = None,
) -> tuple[Dispute, Grading]:
    """§7 in the order of §5: the dispute panel's ruling, stored confirmed; it is final.

    ``verdicts`` are the panel's votes on every criterion in question (each member votes; odd panel;
    majority). If a criterion is upheld the ruling is 重大 citing it and ``scores`` must be empty;
    otherwise ``scores`` (the same panel's L, E, C) give the final mean D. The panel needs the 组长 and
    副组长 named in the settings for ``graded_on`` and members from 安环部, 生产部, 事业部, 工会 and the
    raising department, an odd number in all.

    Under accounts (issue 14) the members enter their own scores and votes in blind scoring rounds:
    ``score_round_id`` replaces ``scores``, ``vote_round_id`` fills the votes of ``verdicts`` (which then
    carry the panel's findings only, no votes); typed scores or votes are refused (``scores_need_round``).

    Returns:
        The ruled dispute and the ruling grading (confirmed).

    Raises:
        NotFound: ``dispute_unknown``, ``person_unknown``.
        InvalidTransition: ``dispute_not_open``.
        ValidationError: ``ruling_text_empty``, ``ruling_text_too_long``, ``dispute_chairs_missing``,
            ``dispute_leader_not_named``, ``dispute_deputy_not_named``, ``ruling_vote_missing``,
            ``ruling_criteria_upheld``, ``ruling_panel_changed``, ``verdict_findings_empty``,
            ``dispute_needs_leader``, ``panel_missing_department``, ``panel_even``, ``off_scale`` …
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
        history = uow.gradings.history_for(hazard.id)
        disputed = _grading(uow, dispute.grading_id)
        members = _signed_scores(uow, tables, scores, score_round_id, hazard.id, now)
        decided = _signed_verdicts(
            uow, tables, verdicts, vote_round_id, hazard.id, rules.criteria_in_question(dispute, disputed), now
        )
        chairs = chair_rules.loads(uow.settings.get(chair_rules.SETTING_KEY))
        chair_rules.require_chairs(chairs, graded_on, [*members, *(v for d in decided for v in d.votes)])
        threshold_set = (
            rules.pick_threshold_set(tables.sets, graded_on, threshold_set_id)
            if members or not any(d.upheld for d in decided)
            else None
        )
        draft = rules.grade_dispute(
            dispute,
            disputed=disputed,
            raising_kind=raising.kind,
            scores=members,
            verdicts=decided,
            scales=tables.scales,
            threshold_set=threshold_set,
            graded_on=graded_on,
            at=now,
            check=_ruling_check(uow, members, decided, now),
        )
        ruling = rules.confirm(draft, now, history, by=_confirmer(uow, draft, now))
        ruled = rules.rule(dispute, ruling, text, now)
        uow.gradings.add(ruling)
        for used in (score_round_id, vote_round_id):
            close_used_round(uow, used, ruling.id, now)
        uow.gradings.update_dispute(ruled)
        _refresh_hazard(uow, hazard, [*history, ruling], now)
        _record_grading(uow, hazard, ruling, now)
        uow.commit()
    return ruled, ruling


def _ruling_check(
    uow: UnitOfWork, members: Sequence[MemberScore], decided: Sequence[CriterionVerdict], at: datetime
) -> MajorHazardCheck | None:
    """A ruling by LEC rests on the panel's votes upholding no criterion in question (§7 in the order of §5): its
    §5.1 check, against the criteria list in force, made by the panel's 组长 (None: a criterion is upheld, or no
    组长 scored, which the rule refuses)."""
    chief = next((m for m in members if m.role is PanelRole.LEADER), None)
    if any(d.upheld for d in decided) or chief is None:
        return None
    version = rules.criteria_version(uow.criteria.all())
    return rules.record_check(CheckBasis.DISPUTE, version, at, chief.person_name)


@use_case("disputes.withdraw", Role.INSPECTOR, Role.PANEL_LEADER, Role.DISPUTE_CHAIR, Role.SAFETY_ADMIN)
def withdraw_dispute(
    uow: UnitOfWork,
    dispute_id: uuid.UUID,
    reason: str = "",
    *,
    person_name: str,
    at: datetime | None = None,
) -> Dispute:
    """The raising department withdraws an open dispute (``person_name`` says who); the grading stands.

    Raises:
        NotFound: ``dispute_unknown``.
        InvalidTransition: ``dispute_not_open`` (e.g. a ruled dispute: the ruling is final).
        ValidationError: ``person_name_empty``.
    """
    now = _now(at)
    with uow:
        dispute = rules.withdraw(_dispute(uow, dispute_id), now, reason, person_name=person_name)
        uow.gradings.update_dispute(dispute)
        hazard = _hazard(uow, dispute.hazard_id)
        _refresh_hazard(uow, hazard, uow.gradings.history_for(hazard.id), now)
        uow.commit()
    return dispute

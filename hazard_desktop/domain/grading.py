"""Grading a hazard (隐患级别判定, rule §5–§7): LEC panels, major criteria, panel decisions, disputes.

- §5.1 A hazard that matches an active major-hazard criterion is 重大 whatever its D
  (:func:`grade_by_criteria`). A panel may also judge it 重大 under §4.3's definition, with a written
  reason (:func:`grade_by_panel_decision`).
- §5.2 Otherwise 安环部, 生产部 and 工会 score L, E and C each on their own; the hazard value is
  Σ D ÷ n over an odd number of members (:func:`grade_by_lec`). The mean is kept exactly
  (:attr:`PanelOutcome.mean_exact`) and stored as a Decimal with :data:`~lec.MEAN_PLACES` decimals.
- §6–§7 A department may dispute a confirmed grading; the dispute panel (组长, 副组长 and members from
  安环部, 生产部, 事业部, 工会 and the raising department; odd count) scores again and its mean is final
  (:func:`grade_dispute`, :func:`rule`). Both gradings stay in the history; :func:`final_grading`
  says which one counts.

A grading is immutable once its leader confirms it (:func:`confirm`); a correction is a new grading
with a reason that supersedes the old one (:func:`correct`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.errors import DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import (
    DISPLAY_PLACES,
    Band,
    EdgeRule,
    Factor,
    LecScales,
    ThresholdSet,
    band_for_value,
    exact_mean,
    format_decimal,
    format_fraction,
    lec_score,
    mean_to_decimal,
    normalize,
    threshold_set_in_force,
)
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.reference import DepartmentKind, clean_name
from hazard_desktop.domain.text import refuse_control_characters

REASON_MAX = 2000
EVIDENCE_MAX = 2000
RECORD_VERSION = 1
"""Version of the :func:`canonical_record` layout; bump it when the layout changes."""


class GradingMethod(StrEnum):
    """How a grade was reached."""

    CRITERIA = "criteria"  # §5.1: matches the major-hazard criteria → 重大
    LEC_PANEL = "lec_panel"  # §5.2 / §7: mean of the members' D
    PANEL_DECISION = "panel_decision"  # §4.3: the panel judges it 重大, with a written reason


class PanelRole(StrEnum):
    """A scorer's place on a panel."""

    MEMBER = "member"  # 组员
    LEADER = "leader"  # 组长
    DEPUTY = "deputy"  # 副组长


_ROLE_ORDER = {PanelRole.LEADER: 0, PanelRole.DEPUTY: 1, PanelRole.MEMBER: 2}


# ---------------------------------------------------------------- scores and panels


@dataclass(frozen=True, slots=True)
class MemberScore:
    """One panel member's independent L, E and C (names copied, so the record survives renames)."""

    person_id: uuid.UUID
    person_name: str
    department_id: uuid.UUID
    department_name: str
    department_kind: DepartmentKind
    role: PanelRole
    likelihood: Decimal
    exposure: Decimal
    consequence: Decimal

    @property
    def d(self) -> Decimal:
        """This member's D = L × E × C, exact."""
        return lec_score(self.likelihood, self.exposure, self.consequence)


def score_member(
    scales: LecScales,
    *,
    person_id: uuid.UUID,
    person_name: str,
    department_id: uuid.UUID,
    department_name: str,
    department_kind: DepartmentKind,
    likelihood: object,
    exposure: object,
    consequence: object,
    role: PanelRole = PanelRole.MEMBER,
) -> MemberScore:
    """Build a :class:`MemberScore` from user input, accepting only values on the scales.

    Raises:
        ValidationError: ``off_scale`` / ``not_a_number`` (field ``L``, ``E`` or ``C``),
            ``person_name_empty``, ``department_name_empty`` (or ``*_too_long``).
    """
    return MemberScore(
        person_id=person_id,
        person_name=clean_name(person_name, "person_name"),
        department_id=department_id,
        department_name=clean_name(department_name, "department_name"),
        department_kind=DepartmentKind(department_kind),
        role=PanelRole(role),
        likelihood=scales.check(Factor.L, likelihood),
        exposure=scales.check(Factor.E, exposure),
        consequence=scales.check(Factor.C, consequence),
    )


GRADING_PANEL_KINDS = frozenset({DepartmentKind.SAFETY, DepartmentKind.PRODUCTION, DepartmentKind.UNION})
"""§5.2: 安环部, 生产部, 工会."""

DISPUTE_PANEL_KINDS = frozenset(
    {DepartmentKind.SAFETY, DepartmentKind.PRODUCTION, DepartmentKind.BUSINESS, DepartmentKind.UNION}
)
"""§7 members besides the raising department: 安环部, 生产部, 事业部, 工会."""


@dataclass(frozen=True, slots=True)
class CompositionRule:
    """Who must (and may) sit on a panel.

    Attributes:
        required_kinds: at least one scorer of each of these department kinds.
        require_odd: the number of scorers must be odd (§5.2, §7).
        allowed_kinds: scorers must come from these kinds; None allows any.
        require_leader: exactly one 组长 (role LEADER) must score.
        require_deputy: exactly one 副组长 (role DEPUTY) must score.
        members_only: kind rules apply to role MEMBER only (a dispute panel's 组长 and 副组长 do not
            stand for their departments; the rule lists the 组员 separately).
        required_department_ids: at least one scorer from each of these departments (the raising
            department of a dispute).
    """

    required_kinds: frozenset[DepartmentKind]
    require_odd: bool = True
    allowed_kinds: frozenset[DepartmentKind] | None = None
    require_leader: bool = False
    require_deputy: bool = False
    members_only: bool = False
    required_department_ids: frozenset[uuid.UUID] = frozenset()


DEFAULT_PANEL_RULE = CompositionRule(required_kinds=GRADING_PANEL_KINDS, allowed_kinds=GRADING_PANEL_KINDS)
"""§5.2 default: at least one of 安环部, 生产部 and 工会, nobody else, odd count."""


def dispute_rule(raising_kind: DepartmentKind, raising_department_id: uuid.UUID | None = None) -> CompositionRule:
    """§7: 组长 + 副组长 + members from 安环部, 生产部, 事业部, 工会 and the raising department; odd count."""
    kinds = DISPUTE_PANEL_KINDS | {DepartmentKind(raising_kind)}
    return CompositionRule(
        required_kinds=kinds,
        require_odd=True,
        allowed_kinds=kinds,
        require_leader=True,
        require_deputy=True,
        members_only=True,
        required_department_ids=frozenset() if raising_department_id is None else {raising_department_id},
    )


@dataclass(frozen=True, slots=True)
class PanelProblem:
    """One way a panel breaks its :class:`CompositionRule`; ``code`` is also the error code.

    Codes: ``panel_empty``, ``panel_duplicate_member`` (person_id), ``dispute_needs_leader``,
    ``dispute_needs_deputy``, ``panel_leader_duplicate``, ``panel_deputy_duplicate``,
    ``panel_kind_not_allowed`` (kind, person_id), ``panel_missing_kind`` (kind),
    ``panel_missing_department`` (department_id), ``panel_even``.
    """

    code: str
    kind: DepartmentKind | None = None
    person_id: uuid.UUID | None = None
    department_id: uuid.UUID | None = None


_KIND_ORDER = {kind: index for index, kind in enumerate(DepartmentKind)}


def check_panel(members: Sequence[MemberScore], rule: CompositionRule = DEFAULT_PANEL_RULE) -> list[PanelProblem]:
    """Every way ``members`` break ``rule``, in a fixed order; empty when the panel is valid."""
    if not members:
        return [PanelProblem("panel_empty")]
    problems: list[PanelProblem] = []
    seen: set[uuid.UUID] = set()
    for member in members:
        if member.person_id in seen:
            problems.append(PanelProblem("panel_duplicate_member", person_id=member.person_id))
        seen.add(member.person_id)
    leaders = sum(1 for m in members if m.role is PanelRole.LEADER)
    deputies = sum(1 for m in members if m.role is PanelRole.DEPUTY)
    if rule.require_leader and leaders == 0:
        problems.append(PanelProblem("dispute_needs_leader"))
    if rule.require_deputy and deputies == 0:
        problems.append(PanelProblem("dispute_needs_deputy"))
    if leaders > 1:
        problems.append(PanelProblem("panel_leader_duplicate"))
    if deputies > 1:
        problems.append(PanelProblem("panel_deputy_duplicate"))
    counted = [m for m in members if not rule.members_only or m.role is PanelRole.MEMBER]
    if rule.allowed_kinds is not None:
        for member in counted:
            if member.department_kind not in rule.allowed_kinds:
                problems.append(
                    PanelProblem("panel_kind_not_allowed", kind=member.department_kind, person_id=member.person_id)
                )
    present = {m.department_kind for m in counted}
    for kind in sorted(rule.required_kinds - present, key=_KIND_ORDER.__getitem__):
        problems.append(PanelProblem("panel_missing_kind", kind=kind))
    departments = {m.department_id for m in counted}
    for department_id in sorted(rule.required_department_ids - departments, key=str):
        problems.append(PanelProblem("panel_missing_department", department_id=department_id))
    if rule.require_odd and len(members) % 2 == 0:
        problems.append(PanelProblem("panel_even"))
    return problems


def require_panel(members: Sequence[MemberScore], rule: CompositionRule = DEFAULT_PANEL_RULE) -> None:
    """Raise the first problem of :func:`check_panel`, if any.

    Raises:
        ValidationError: code of the first problem (field ``panel``); params ``count``, ``kind`` /
            ``person_id`` / ``department_id`` when relevant, and ``problems`` (all codes, comma-separated).
    """
    problems = check_panel(members, rule)
    if not problems:
        return
    first = problems[0]
    params: dict[str, Any] = {"count": len(members), "problems": ", ".join(p.code for p in problems)}
    if first.kind is not None:
        params["kind"] = first.kind.value
    if first.person_id is not None:
        params["person_id"] = str(first.person_id)
    if first.department_id is not None:
        params["department_id"] = str(first.department_id)
    raise ValidationError(first.code, field="panel", **params)


def panel_mean_exact(scores: Sequence[MemberScore]) -> Fraction:
    """Σ D ÷ n as an exact fraction (D 20, 20, 21 → 61/3).

    Raises:
        ValidationError: ``panel_empty``.
    """
    if not scores:
        raise ValidationError("panel_empty", field="panel", count=0)
    return exact_mean([s.d for s in scores])


def panel_mean(scores: Sequence[MemberScore]) -> Decimal:
    """Σ D ÷ n as the stored Decimal (``MEAN_PLACES`` decimals, trailing zeros dropped: 160, 20.333…).

    Raises:
        ValidationError: ``panel_empty``.
    """
    return mean_to_decimal(panel_mean_exact(scores))


@dataclass(frozen=True, slots=True)
class PanelOutcome:
    """What a panel's scores come to under one threshold set.

    ``spread_bands`` is True when the members' own D fall into different bands: flag for review.
    ``member_band_codes`` follows the order of ``scores``.
    """

    scores: tuple[MemberScore, ...]
    mean: Decimal
    mean_exact: Fraction
    band: Band
    threshold_set_id: uuid.UUID
    threshold_set_name: str
    edge_rule: EdgeRule
    spread_bands: bool
    member_band_codes: tuple[str, ...]

    def mean_text(self, places: int = DISPLAY_PLACES) -> str:
        """The mean with fixed decimals, rounded half up from the exact value (61/3 → "20.33")."""
        return format_fraction(self.mean_exact, places)


def _check_scales(scores: Sequence[MemberScore], scales: LecScales) -> None:
    for score in scores:
        for factor, value in (
            (Factor.L, score.likelihood),
            (Factor.E, score.exposure),
            (Factor.C, score.consequence),
        ):
            try:
                scales.check(factor, value)
            except DomainError as err:
                raise ValidationError(err.code, field=err.field, person=score.person_name, **err.params) from None


def evaluate_panel(
    scores: Sequence[MemberScore],
    *,
    scales: LecScales,
    threshold_set: ThresholdSet,
    rule: CompositionRule = DEFAULT_PANEL_RULE,
) -> PanelOutcome:
    """Check a panel's scores and composition, then compute its exact mean and band.

    Raises:
        ValidationError: ``off_scale`` (params ``person``, ``factor``, ``value``, ``allowed``), any
            :class:`PanelProblem` code (see :func:`require_panel`), ``no_band``.
    """
    members = tuple(scores)
    _check_scales(members, scales)
    require_panel(members, rule)
    exact = panel_mean_exact(members)
    member_codes = tuple(band_for_value(threshold_set, s.d).code for s in members)
    return PanelOutcome(
        scores=members,
        mean=mean_to_decimal(exact),
        mean_exact=exact,
        band=band_for_value(threshold_set, exact),
        threshold_set_id=threshold_set.id,
        threshold_set_name=threshold_set.name,
        edge_rule=threshold_set.edge_rule,
        spread_bands=len(set(member_codes)) > 1,
        member_band_codes=member_codes,
    )


def pick_threshold_set(
    sets: Iterable[ThresholdSet], graded_on: date, chosen_id: uuid.UUID | None = None
) -> ThresholdSet:
    """The set chosen by id, or else the one in force on ``graded_on``.

    Raises:
        ValidationError: ``threshold_set_unknown`` (chosen id not among ``sets``), ``no_threshold_set``.
    """
    all_sets = list(sets)
    if chosen_id is not None:
        for candidate in all_sets:
            if candidate.id == chosen_id:
                return candidate
        raise ValidationError("threshold_set_unknown", field="threshold_set", id=str(chosen_id))
    return threshold_set_in_force(all_sets, graded_on)


# ---------------------------------------------------------------- major criteria


@dataclass(frozen=True, slots=True)
class CriterionMatch:
    """A major-hazard criterion the hazard matches, with the text it was judged by and the evidence."""

    criterion_id: uuid.UUID
    code: str
    text: str
    clause: str
    evidence: str


def _clean_text(value: str, field: str, max_len: int) -> str:
    text = refuse_control_characters(value, field).strip()
    if not text:
        raise ValidationError(f"{field}_empty", field=field)
    if len(text) > max_len:
        raise ValidationError(f"{field}_too_long", field=field, max=max_len)
    return text


def match_criterion(criterion: MajorCriterion, evidence: str) -> CriterionMatch:
    """Cite an active criterion with the evidence that the hazard matches it.

    Raises:
        ValidationError: ``criterion_retired``, ``evidence_empty``, ``evidence_too_long``.
    """
    if not criterion.active:
        raise ValidationError("criterion_retired", field="criteria", criterion=criterion.code)
    return CriterionMatch(
        criterion_id=criterion.id,
        code=criterion.code,
        text=criterion.text,
        clause=criterion.clause,
        evidence=_clean_text(evidence, "evidence", EVIDENCE_MAX),
    )


# ---------------------------------------------------------------- gradings


@dataclass(frozen=True, slots=True)
class Grading:
    """One grading of a hazard. Confirmed gradings never change; corrections supersede them.

    ``mean_d``/``band_*``/``threshold_set_*`` are None (name "") when no LEC scores were taken.
    ``dispute_id`` is set when this grading is (or corrects) a dispute panel's ruling;
    ``meeting_id`` groups gradings of one batch meeting.
    """

    id: uuid.UUID
    hazard_id: uuid.UUID
    method: GradingMethod
    grade: HazardGrade
    threshold_set_id: uuid.UUID | None
    threshold_set_name: str
    edge_rule: EdgeRule | None
    scores: tuple[MemberScore, ...]
    mean_d: Decimal | None
    band_code: str | None
    band_name_zh: str | None
    band_name_en: str | None
    matches: tuple[CriterionMatch, ...]
    decision_reason: str
    leader_id: uuid.UUID | None
    leader_name: str
    graded_on: date
    confirmed_at: datetime | None
    supersedes_id: uuid.UUID | None
    correction_reason: str
    dispute_id: uuid.UUID | None
    meeting_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime

    @property
    def confirmed(self) -> bool:
        """True once the leader has confirmed it (then it never changes)."""
        return self.confirmed_at is not None

    @property
    def is_ruling(self) -> bool:
        """True for a dispute panel's final grading (or a correction of one)."""
        return self.dispute_id is not None

    @property
    def mean_exact(self) -> Fraction | None:
        """The exact Σ D ÷ n recomputed from the scores, or None without scores."""
        return panel_mean_exact(self.scores) if self.scores else None

    def mean_text(self, places: int = DISPLAY_PLACES) -> str:
        """The mean with fixed decimals from the exact value ("20.33"), or "" without scores."""
        exact = self.mean_exact
        return "" if exact is None else format_fraction(exact, places)


def _aware(at: datetime, field: str) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError("time_naive", field=field)
    return at


def _build(
    *,
    hazard_id: uuid.UUID,
    method: GradingMethod,
    grade: HazardGrade,
    outcome: PanelOutcome | None,
    matches: tuple[CriterionMatch, ...],
    decision_reason: str,
    leader_id: uuid.UUID | None,
    leader_name: str,
    graded_on: date,
    at: datetime,
    dispute_id: uuid.UUID | None,
    meeting_id: uuid.UUID | None,
    grading_id: uuid.UUID | None,
) -> Grading:
    _aware(at, "at")
    return Grading(
        id=grading_id or new_id(),
        hazard_id=hazard_id,
        method=method,
        grade=grade,
        threshold_set_id=None if outcome is None else outcome.threshold_set_id,
        threshold_set_name="" if outcome is None else outcome.threshold_set_name,
        edge_rule=None if outcome is None else outcome.edge_rule,
        scores=() if outcome is None else outcome.scores,
        mean_d=None if outcome is None else outcome.mean,
        band_code=None if outcome is None else outcome.band.code,
        band_name_zh=None if outcome is None else outcome.band.name_zh,
        band_name_en=None if outcome is None else outcome.band.name_en,
        matches=matches,
        decision_reason=decision_reason,
        leader_id=leader_id,
        leader_name=clean_name(leader_name, "leader_name"),
        graded_on=graded_on,
        confirmed_at=None,
        supersedes_id=None,
        correction_reason="",
        dispute_id=dispute_id,
        meeting_id=meeting_id,
        created_at=at,
        updated_at=at,
    )


def _optional_outcome(
    scores: Sequence[MemberScore],
    scales: LecScales | None,
    threshold_set: ThresholdSet | None,
    rule: CompositionRule,
) -> PanelOutcome | None:
    if not scores:
        return None
    if scales is None:
        raise ValidationError("scales_missing", field="scales")
    if threshold_set is None:
        raise ValidationError("threshold_set_missing", field="threshold_set")
    return evaluate_panel(scores, scales=scales, threshold_set=threshold_set, rule=rule)


def grade_by_lec(
    *,
    hazard_id: uuid.UUID,
    scores: Sequence[MemberScore],
    scales: LecScales,
    threshold_set: ThresholdSet,
    leader_id: uuid.UUID | None,
    leader_name: str,
    graded_on: date,
    at: datetime,
    rule: CompositionRule = DEFAULT_PANEL_RULE,
    meeting_id: uuid.UUID | None = None,
    grading_id: uuid.UUID | None = None,
) -> Grading:
    """§5.2: a draft 一般 grading from the panel's mean D, banded by ``threshold_set``.

    Raises:
        ValidationError: see :func:`evaluate_panel`; ``leader_name_empty``; ``time_naive``.
    """
    outcome = evaluate_panel(scores, scales=scales, threshold_set=threshold_set, rule=rule)
    return _build(
        hazard_id=hazard_id,
        method=GradingMethod.LEC_PANEL,
        grade=HazardGrade.GENERAL,
        outcome=outcome,
        matches=(),
        decision_reason="",
        leader_id=leader_id,
        leader_name=leader_name,
        graded_on=graded_on,
        at=at,
        dispute_id=None,
        meeting_id=meeting_id,
        grading_id=grading_id,
    )


def grade_by_criteria(
    *,
    hazard_id: uuid.UUID,
    matches: Sequence[CriterionMatch],
    leader_id: uuid.UUID | None,
    leader_name: str,
    graded_on: date,
    at: datetime,
    scores: Sequence[MemberScore] = (),
    scales: LecScales | None = None,
    threshold_set: ThresholdSet | None = None,
    rule: CompositionRule = DEFAULT_PANEL_RULE,
    meeting_id: uuid.UUID | None = None,
    grading_id: uuid.UUID | None = None,
) -> Grading:
    """§5.1: a draft 重大 grading because the hazard matches criteria, whatever its D.

    LEC scores are optional; when given they are checked and kept for the record (mean and band),
    but do not change the grade.

    Raises:
        ValidationError: ``criteria_empty``, ``criterion_duplicate``, ``evidence_empty``; with scores,
            see :func:`evaluate_panel` (and ``scales_missing`` / ``threshold_set_missing``).
    """
    cited = tuple(matches)
    if not cited:
        raise ValidationError("criteria_empty", field="criteria")
    ids = [m.criterion_id for m in cited]
    if len(set(ids)) != len(ids):
        raise ValidationError("criterion_duplicate", field="criteria")
    for match in cited:
        if not match.evidence.strip():
            raise ValidationError("evidence_empty", field="evidence", criterion=match.code)
    return _build(
        hazard_id=hazard_id,
        method=GradingMethod.CRITERIA,
        grade=HazardGrade.MAJOR,
        outcome=_optional_outcome(scores, scales, threshold_set, rule),
        matches=cited,
        decision_reason="",
        leader_id=leader_id,
        leader_name=leader_name,
        graded_on=graded_on,
        at=at,
        dispute_id=None,
        meeting_id=meeting_id,
        grading_id=grading_id,
    )


def grade_by_panel_decision(
    *,
    hazard_id: uuid.UUID,
    reason: str,
    leader_id: uuid.UUID | None,
    leader_name: str,
    graded_on: date,
    at: datetime,
    scores: Sequence[MemberScore] = (),
    scales: LecScales | None = None,
    threshold_set: ThresholdSet | None = None,
    rule: CompositionRule = DEFAULT_PANEL_RULE,
    meeting_id: uuid.UUID | None = None,
    grading_id: uuid.UUID | None = None,
) -> Grading:
    """§4.3: a draft 重大 grading decided by the panel, with a written reason (scores optional).

    Raises:
        ValidationError: ``reason_empty``, ``reason_too_long``; with scores, see :func:`evaluate_panel`.
    """
    text = _clean_text(reason, "reason", REASON_MAX)
    return _build(
        hazard_id=hazard_id,
        method=GradingMethod.PANEL_DECISION,
        grade=HazardGrade.MAJOR,
        outcome=_optional_outcome(scores, scales, threshold_set, rule),
        matches=(),
        decision_reason=text,
        leader_id=leader_id,
        leader_name=leader_name,
        graded_on=graded_on,
        at=at,
        dispute_id=None,
        meeting_id=meeting_id,
        grading_id=grading_id,
    )


def ensure_editable(grading: Grading) -> None:
    """Refuse any change to a confirmed grading.

    Raises:
        InvalidTransition: ``grading_confirmed``.
    """
    if grading.confirmed:
        raise InvalidTransition("grading_confirmed", id=str(grading.id))


def _superseded_by_other(grading: Grading, history: Iterable[Grading]) -> bool:
    target = grading.supersedes_id
    return target is not None and any(g.confirmed and g.supersedes_id == target and g.id != grading.id for g in history)


def confirm(grading: Grading, at: datetime, history: Iterable[Grading] = ()) -> Grading:
    """The leader confirms a draft; from then on it is part of the legal record and never changes.

    Args:
        grading: the draft.
        at: confirmation time (aware).
        history: the hazard's other gradings, to refuse confirming a second correction of the same one.

    Raises:
        InvalidTransition: ``grading_confirmed`` (already confirmed), ``grading_superseded`` (a confirmed
            correction of the same grading exists).
        ValidationError: ``time_naive``.
    """
    ensure_editable(grading)
    _aware(at, "at")
    if _superseded_by_other(grading, history):
        raise InvalidTransition("grading_superseded", id=str(grading.supersedes_id))
    return replace(grading, confirmed_at=at, updated_at=at)


def correct(old: Grading, new: Grading, reason: str, history: Iterable[Grading] = ()) -> Grading:
    """Make the draft ``new`` a correction of the confirmed ``old`` (``new`` supersedes ``old``).

    A correction of a dispute ruling stays a ruling (``dispute_id`` is carried over).

    Raises:
        ValidationError: ``reason_empty``, ``reason_too_long``, ``grading_hazard_mismatch``,
            ``grading_same``.
        InvalidTransition: ``grading_not_confirmed`` (old is a draft: edit it instead),
            ``grading_confirmed`` (new is already confirmed), ``grading_superseded`` (old already has a
            confirmed correction in ``history``).
    """
    text = _clean_text(reason, "reason", REASON_MAX)
    if not old.confirmed:
        raise InvalidTransition("grading_not_confirmed", id=str(old.id))
    ensure_editable(new)
    if new.id == old.id:
        raise ValidationError("grading_same", id=str(old.id))
    if new.hazard_id != old.hazard_id:
        raise ValidationError("grading_hazard_mismatch")
    if any(g.confirmed and g.supersedes_id == old.id and g.id != new.id for g in history):
        raise InvalidTransition("grading_superseded", id=str(old.id))
    return replace(
        new,
        supersedes_id=old.id,
        correction_reason=text,
        dispute_id=new.dispute_id if new.dispute_id is not None else old.dispute_id,
    )


def _latest_key(grading: Grading) -> tuple[datetime, datetime, str]:
    assert grading.confirmed_at is not None
    return (grading.confirmed_at, grading.created_at, str(grading.id))


def current_grading(history: Iterable[Grading]) -> Grading | None:
    """The grading that counts for a hazard, or None if none is confirmed yet.

    Drafts are ignored; a grading superseded by a confirmed correction is ignored; a dispute ruling
    (§7: its mean is final) beats every panel grading; otherwise the latest confirmed one wins.
    """
    confirmed = [g for g in history if g.confirmed]
    superseded = {g.supersedes_id for g in confirmed if g.supersedes_id is not None}
    live = [g for g in confirmed if g.id not in superseded]
    rulings = [g for g in live if g.is_ruling]
    pool = rulings or live
    return max(pool, key=_latest_key) if pool else None


def final_grading(history: Iterable[Grading]) -> Grading:
    """Like :func:`current_grading`, but a hazard without a confirmed grading is an error.

    Raises:
        NotFound: ``grading_none``.
    """
    result = current_grading(history)
    if result is None:
        raise NotFound("grading_none")
    return result


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
    text = refuse_control_characters(reason, "reason").strip()
    return replace(dispute, state=DisputeState.WITHDRAWN, withdrawn_at=at, withdrawn_reason=text, updated_at=at)


# ---------------------------------------------------------------- canonical record (sheet verification)


def _text_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _text_id(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def _text_number(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(normalize(value))


def canonical_record(grading: Grading) -> dict[str, Any]:
    """Everything a printed grading sheet certifies, as JSON-ready plain values.

    Decimals are their shortest exact text ("30", "0.1", "20.33333333333333333333"), ids and dates are
    strings, times are UTC ``YYYY-MM-DDTHH:MM:SS.ffffffZ``; members are sorted by (role, person id) and
    criteria by (code, id), so the input order does not matter. Draft bookkeeping (``created_at``,
    ``updated_at``) is left out. Hash it with sorted keys to verify a sheet.
    """
    members = sorted(grading.scores, key=lambda s: (_ROLE_ORDER[s.role], str(s.person_id)))
    matches = sorted(grading.matches, key=lambda m: (m.code, str(m.criterion_id)))
    return {
        "record": "grading",
        "version": RECORD_VERSION,
        "id": str(grading.id),
        "hazard_id": str(grading.hazard_id),
        "method": grading.method.value,
        "grade": grading.grade.value,
        "threshold_set": {
            "id": _text_id(grading.threshold_set_id),
            "name": grading.threshold_set_name,
            "edge_rule": None if grading.edge_rule is None else grading.edge_rule.value,
        },
        "members": [
            {
                "person_id": str(s.person_id),
                "person_name": s.person_name,
                "department_id": str(s.department_id),
                "department_name": s.department_name,
                "department_kind": s.department_kind.value,
                "role": s.role.value,
                "L": _text_number(s.likelihood),
                "E": _text_number(s.exposure),
                "C": _text_number(s.consequence),
                "D": _text_number(s.d),
            }
            for s in members
        ],
        "count": len(members),
        "mean_d": _text_number(grading.mean_d),
        "band": {
            "code": grading.band_code,
            "name_zh": grading.band_name_zh,
            "name_en": grading.band_name_en,
        },
        "criteria": [
            {
                "criterion_id": str(m.criterion_id),
                "code": m.code,
                "text": m.text,
                "clause": m.clause,
                "evidence": m.evidence,
            }
            for m in matches
        ],
        "decision_reason": grading.decision_reason,
        "leader_id": _text_id(grading.leader_id),
        "leader_name": grading.leader_name,
        "graded_on": grading.graded_on.isoformat(),
        "confirmed_at": _text_time(grading.confirmed_at),
        "supersedes_id": _text_id(grading.supersedes_id),
        "correction_reason": grading.correction_reason,
        "dispute_id": _text_id(grading.dispute_id),
        "meeting_id": _text_id(grading.meeting_id),
    }

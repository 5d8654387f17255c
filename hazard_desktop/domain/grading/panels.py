"""Grading panels (rule §5.2, §7): member scores, who may sit on a panel, the panel's exact mean and band."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol

from hazard_desktop.domain.errors import DomainError, ValidationError
from hazard_desktop.domain.grading.signatures import Signature
from hazard_desktop.domain.grading_states import PanelRole
from hazard_desktop.domain.lec import (
    DISPLAY_PLACES,
    Band,
    EdgeRule,
    Factor,
    LecScales,
    ThresholdSet,
    approx_text,
    band_edges,
    band_for_value,
    exact_mean,
    lec_score,
    mean_to_decimal,
    threshold_set_in_force,
)
from hazard_desktop.domain.reference import DepartmentKind, clean_name

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
    entered: Signature | None = None
    """Who entered this score and when (None: entered before accounts, issue 14)."""

    @property
    def d(self) -> Decimal:
        """This member's D = L × E × C, exact."""
        return lec_score(self.likelihood, self.exposure, self.consequence)


@dataclass(frozen=True, slots=True)
class PanelSeat:
    """A member of the panel that decided a grading without member scores (§5.1 criteria, §4.3 decision):
    who took part and in which role (names copied, so the record survives renames; issue: the printed sheet
    names the panel that decided)."""

    person_id: uuid.UUID
    person_name: str
    department_id: uuid.UUID
    department_name: str
    department_kind: DepartmentKind
    role: PanelRole = PanelRole.MEMBER


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
        required_department_ids=frozenset() if raising_department_id is None else frozenset({raising_department_id}),
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


class Seated(Protocol):
    """Anyone with a seat on a panel: a :class:`MemberScore`, or a criterion vote of a dispute panel."""

    @property
    def person_id(self) -> uuid.UUID: ...
    @property
    def department_id(self) -> uuid.UUID: ...
    @property
    def department_kind(self) -> DepartmentKind: ...
    @property
    def role(self) -> PanelRole: ...


_KIND_ORDER = {kind: index for index, kind in enumerate(DepartmentKind)}


def check_panel(members: Sequence[Seated], rule: CompositionRule = DEFAULT_PANEL_RULE) -> list[PanelProblem]:
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


def require_panel(members: Sequence[Seated], rule: CompositionRule = DEFAULT_PANEL_RULE) -> None:
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
    edges: tuple[Decimal, ...] = ()

    def mean_text(self, places: int = DISPLAY_PLACES) -> str:
        """The mean as shown: exact ("160.00"), or rounded half up with ``≈`` (61/3 → "≈20.33"), with more
        decimals whenever rounding would land on or cross one of the set's band edges."""
        return approx_text(self.mean_exact, places, self.edges)


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
        edges=band_edges(threshold_set),
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

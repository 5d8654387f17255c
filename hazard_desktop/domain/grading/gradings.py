"""Gradings (rule §5): by major-hazard criteria (§5.1), by the LEC panel's mean (§5.2) or by the panel's
judgement under the definition in §4.3; confirmation, corrections and the grading that counts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from hazard_desktop.domain.errors import InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading.checks import CriteriaVersion, MajorHazardCheck, require_check
from hazard_desktop.domain.grading.matches import CriterionMatch, _clean_text
from hazard_desktop.domain.grading.panels import (
    DEFAULT_PANEL_RULE,
    CompositionRule,
    MemberScore,
    PanelOutcome,
    PanelSeat,
    evaluate_panel,
    panel_mean_exact,
    require_panel,
)
from hazard_desktop.domain.grading.signatures import Signature
from hazard_desktop.domain.grading.verdicts import CriterionVerdict
from hazard_desktop.domain.grading_states import GradingMethod
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import (
    DISPLAY_PLACES,
    EdgeRule,
    LecScales,
    ThresholdSet,
    approx_text,
)
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.reference import clean_name

REASON_MAX = 2000


# ---------------------------------------------------------------- a major-hazard check's outcome


@dataclass(frozen=True, slots=True)
class CriteriaCheckResult:
    """What a major-hazard check came to (§5.1): the matched criteria with evidence, or a judgement by the
    definition in §4.3 (not a listed criterion) with its written reason, or nothing."""

    matches: tuple[CriterionMatch, ...]
    decision_reason: str = ""
    criteria_version: CriteriaVersion | None = None
    """The version of the criteria list gone through (None: not known, e.g. a result built in a test)."""
    checked_at: datetime | None = None
    """When the check was answered."""

    @property
    def is_major(self) -> bool:
        return bool(self.matches) or bool(self.decision_reason)

    @property
    def method(self) -> GradingMethod | None:
        """CRITERIA when criteria match, PANEL_DECISION for a §4.3 decision, None for no match."""
        if self.matches:
            return GradingMethod.CRITERIA
        if self.decision_reason:
            return GradingMethod.PANEL_DECISION
        return None


# ---------------------------------------------------------------- gradings


@dataclass(frozen=True, slots=True)
class Grading:
    """One grading of a hazard. Confirmed gradings never change; corrections supersede them.

    ``mean_d``/``band_*``/``threshold_set_*`` are None (name "") when no LEC scores were taken.
    ``dispute_id`` is set when this grading is (or corrects) a dispute panel's ruling;
    ``meeting_id`` groups gradings of one batch meeting. ``verdicts`` holds a dispute panel's recorded
    votes on each criterion in question (§7 ruling; empty for every other grading).
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
    verdicts: tuple[CriterionVerdict, ...] = ()
    confirmation: Signature | None = None
    """The confirming leader's account and time (None: confirmed before accounts, or still a draft)."""
    panel: tuple[PanelSeat, ...] = ()
    """The panel that decided a grading without member scores (criteria, §4.3 decision), in its seats' order;
    empty when the scores name the panel, and for gradings stored before the panel was recorded (0015)."""
    major_check: MajorHazardCheck | None = None
    """The §5.1 check the grading rests on (rule §5): for a LEC grading the check that found no criterion, for a
    criteria or §4.3 grading the check whose answer it records (the matched criteria, or none and the panel's
    reason). None for gradings stored before the check was recorded (0016 for LEC, k2 for criteria and §4.3
    gradings) and for 重大 dispute rulings: "not recorded", never assumed done."""

    @property
    def check_recorded(self) -> bool:
        """True when the grading shows its §5.1 check: a LEC grading with its check, or a 重大 grading (the
        matched criteria or the §4.3 reason are the check's answer)."""
        return self.method is not GradingMethod.LEC_PANEL or self.major_check is not None

    @property
    def panel_recorded(self) -> bool:
        """True when the sheet can name the panel: its scorers, or the panel recorded without scores."""
        return bool(self.scores) or bool(self.panel)

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

    def mean_text(self, places: int = DISPLAY_PLACES, edges: Sequence[Decimal] = ()) -> str:
        """The mean from the exact value, "" without scores: ``≈20.33`` when rounded, and more decimals when
        rounding would land on or cross a band edge (``edges``) or a whole number (see :func:`approx_text`)."""
        exact = self.mean_exact
        return "" if exact is None else approx_text(exact, places, edges)


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
    verdicts: tuple[CriterionVerdict, ...] = (),
    panel: Sequence[PanelSeat] = (),
    rule: CompositionRule = DEFAULT_PANEL_RULE,
    major_check: MajorHazardCheck | None = None,
) -> Grading:
    _aware(at, "at")
    seats = _checked_panel(panel, outcome, rule)
    if method is GradingMethod.LEC_PANEL or major_check is not None:
        major_check = require_check(major_check, at)
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
        verdicts=verdicts,
        panel=seats,
        major_check=major_check,
    )


def _checked_panel(
    panel: Sequence[PanelSeat], outcome: PanelOutcome | None, rule: CompositionRule
) -> tuple[PanelSeat, ...]:
    """The panel of a grading without scores, checked like a scoring panel (§5.2: 安环部, 生产部, 工会, odd).

    Raises:
        ValidationError: ``panel_with_scores`` (the scorers are the panel), any :class:`PanelProblem` code.
    """
    seats = tuple(panel)
    if not seats:
        return ()
    if outcome is not None:
        raise ValidationError("panel_with_scores", field="panel")
    require_panel(seats, rule)
    return seats


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
    check: MajorHazardCheck | None = None,
) -> Grading:
    """§5.2: a draft 一般 grading from the panel's mean D, banded by ``threshold_set``.

    Only what the §5.1 check found no criterion for is graded by LEC (rule §5): ``check`` records it.

    Raises:
        ValidationError: ``major_check_missing``, ``major_check_after_grading``; see :func:`evaluate_panel`;
            ``leader_name_empty``; ``time_naive``.
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
        major_check=check,
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
    panel: Sequence[PanelSeat] = (),
    check: MajorHazardCheck | None = None,
) -> Grading:
    """§5.1: a draft 重大 grading because the hazard matches criteria, whatever its D.

    LEC scores are optional; when given they are checked and kept for the record (mean and band),
    but do not change the grade. Without scores ``panel`` names the panel that decided (checked by ``rule``).

    Raises:
        ValidationError: ``criteria_empty``, ``criterion_duplicate``, ``evidence_empty``; with scores,
            see :func:`evaluate_panel` (and ``scales_missing`` / ``threshold_set_missing``); with a panel,
            ``panel_with_scores`` and the :class:`PanelProblem` codes.
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
        panel=panel,
        rule=rule,
        major_check=check,
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
    panel: Sequence[PanelSeat] = (),
    check: MajorHazardCheck | None = None,
) -> Grading:
    """§4.3: a draft 重大 grading decided by the panel, with a written reason (scores optional; without them
    ``panel`` names the panel that decided).

    Raises:
        ValidationError: ``reason_empty``, ``reason_too_long``; with scores, see :func:`evaluate_panel`; with a
            panel, ``panel_with_scores`` and the :class:`PanelProblem` codes.
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
        panel=panel,
        rule=rule,
        major_check=check,
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


def confirm(grading: Grading, at: datetime, history: Iterable[Grading] = (), by: Signature | None = None) -> Grading:
    """The leader confirms a draft; from then on it is part of the legal record and never changes.

    Args:
        grading: the draft.
        at: confirmation time (aware).
        history: the hazard's other gradings, to refuse confirming a second correction of the same one.
        by: the confirming leader's signature (account and time; single-user mode says so). None only for
            gradings made without a session (demo data, tests of the rules).

    Raises:
        InvalidTransition: ``grading_confirmed`` (already confirmed), ``grading_superseded`` (a confirmed
            correction of the same grading exists).
        ValidationError: ``time_naive``.
    """
    ensure_editable(grading)
    _aware(at, "at")
    if _superseded_by_other(grading, history):
        raise InvalidTransition("grading_superseded", id=str(grading.supersedes_id))
    return replace(grading, confirmed_at=at, updated_at=at, confirmation=by)


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

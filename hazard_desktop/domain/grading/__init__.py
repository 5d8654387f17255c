"""Grading a hazard (隐患级别判定, rule §5–§7): LEC panels, major criteria, panel decisions, disputes.

- §5.1 A hazard that matches an active major-hazard criterion is 重大 whatever its D
  (:func:`grade_by_criteria`). A panel may also judge it 重大 under §4.3's definition, with a written
  reason (:func:`grade_by_panel_decision`).
- §5.2 Otherwise 安环部, 生产部 and 工会 score L, E and C each on their own; the hazard value is
  Σ D ÷ n over an odd number of members (:func:`grade_by_lec`). The mean is kept exactly
  (:attr:`PanelOutcome.mean_exact`) and stored as a Decimal with :data:`~lec.MEAN_PLACES` decimals.
- §6–§7 A department may dispute a confirmed grading, and may claim criteria that apply; the dispute
  panel (组长, 副组长 and members from 安环部, 生产部, 事业部, 工会 and the raising department; odd count)
  first votes on each criterion in question; a criterion upheld makes the ruling 重大, otherwise the
  panel scores LEC and its mean is final (:func:`grade_dispute`, :func:`rule`). Both gradings stay in the history;
  :func:`final_grading` says which one counts.

A grading is immutable once its leader confirms it (:func:`confirm`); a correction is a new grading
with a reason that supersedes the old one (:func:`correct`).
"""

from __future__ import annotations

from hazard_desktop.domain.grading.checks import (
    CheckBasis,
    CriteriaVersion,
    MajorHazardCheck,
    criteria_version,
    record_check,
    require_check,
)
from hazard_desktop.domain.grading.disputes import (
    CriterionClaim,
    Dispute,
    DisputeState,
    claim_criterion,
    criteria_in_question,
    decide_criteria,
    grade_dispute,
    raise_dispute,
    rule,
    withdraw,
)
from hazard_desktop.domain.grading.entries import (
    Entry,
    RoundPurpose,
    ScoringRound,
    Seat,
    close_round,
    enter_score,
    open_round,
    revealed,
)
from hazard_desktop.domain.grading.gradings import (
    REASON_MAX,
    CriteriaCheckResult,
    Grading,
    GradingMethod,
    confirm,
    correct,
    current_grading,
    ensure_editable,
    final_grading,
    grade_by_criteria,
    grade_by_lec,
    grade_by_panel_decision,
)
from hazard_desktop.domain.grading.matches import EVIDENCE_MAX, CriterionMatch, match_criterion
from hazard_desktop.domain.grading.panels import (
    DEFAULT_PANEL_RULE,
    DISPUTE_PANEL_KINDS,
    GRADING_PANEL_KINDS,
    CompositionRule,
    MemberScore,
    PanelOutcome,
    PanelProblem,
    PanelRole,
    PanelSeat,
    check_panel,
    dispute_rule,
    evaluate_panel,
    panel_mean,
    panel_mean_exact,
    pick_threshold_set,
    require_panel,
    score_member,
)
from hazard_desktop.domain.grading.record import (
    CHECK_RECORD_VERSION,
    PANEL_RECORD_VERSION,
    RECORD_VERSION,
    SIGNED_RECORD_VERSION,
    canonical_record,
    is_signed,
    is_single_user,
)
from hazard_desktop.domain.grading.signatures import Signature, SignedVia
from hazard_desktop.domain.grading.verdicts import CriterionVerdict, CriterionVote, check_votes, voters

__all__ = [
    "CheckBasis",
    "CriteriaVersion",
    "MajorHazardCheck",
    "criteria_version",
    "record_check",
    "require_check",
    "CHECK_RECORD_VERSION",
    "Entry",
    "RoundPurpose",
    "ScoringRound",
    "Seat",
    "Signature",
    "SignedVia",
    "SIGNED_RECORD_VERSION",
    "close_round",
    "enter_score",
    "is_signed",
    "is_single_user",
    "open_round",
    "revealed",
    "CriteriaCheckResult",
    "CriterionClaim",
    "CriterionVerdict",
    "CriterionVote",
    "check_votes",
    "claim_criterion",
    "criteria_in_question",
    "decide_criteria",
    "voters",
    "CompositionRule",
    "CriterionMatch",
    "DEFAULT_PANEL_RULE",
    "DISPUTE_PANEL_KINDS",
    "Dispute",
    "DisputeState",
    "EVIDENCE_MAX",
    "GRADING_PANEL_KINDS",
    "Grading",
    "GradingMethod",
    "MemberScore",
    "PanelSeat",
    "PanelOutcome",
    "PanelProblem",
    "PanelRole",
    "REASON_MAX",
    "PANEL_RECORD_VERSION",
    "RECORD_VERSION",
    "canonical_record",
    "check_panel",
    "confirm",
    "correct",
    "current_grading",
    "dispute_rule",
    "ensure_editable",
    "evaluate_panel",
    "final_grading",
    "grade_by_criteria",
    "grade_by_lec",
    "grade_by_panel_decision",
    "grade_dispute",
    "match_criterion",
    "panel_mean",
    "panel_mean_exact",
    "pick_threshold_set",
    "raise_dispute",
    "require_panel",
    "rule",
    "score_member",
    "withdraw",
]

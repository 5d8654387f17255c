"""Use cases of grading (rule §5–§7): panel meetings, LEC / criteria / decision gradings, confirmation,
corrections, disputes and the grading history.

Every function takes a unit of work and commits inside it; any :class:`DomainError` leaves the database
untouched. The rules themselves live in :mod:`hazard_desktop.domain.grading`; this module looks up the
people, departments, scales, threshold sets and criteria the rules need, and keeps the hazard's register
columns (grade, status, method, band, mean D, dispute state) in step with the grading that counts, in the
same transaction.

Life of a grading: a *draft* is made (``grade_hazard_by_*`` or :func:`grade_batch`), the leader
*confirms* it (:func:`confirm_grading`), then it never changes. A hazard already graded is re-graded only
by :func:`correct_grading` (a new grading with a reason). A department may dispute the grading that counts
(:func:`raise_dispute`); the dispute panel's ruling (:func:`rule_dispute`) is final.

Times: every mutating use case takes an optional aware ``at`` (default: now), so demo data and tests can
write a plausible past.
"""

from __future__ import annotations

from hazard_desktop.services.grading.chairs import dispute_chairs, name_dispute_chairs
from hazard_desktop.services.grading.disputes import (
    decide_criteria,
    dispute_view,
    raise_dispute,
    rule_dispute,
    withdraw_dispute,
)
from hazard_desktop.services.grading.queries import (
    final_grading,
    get_grading,
    grading_history,
    grading_setup,
    meeting_gradings,
    meetings,
    open_disputes,
    panel_problems,
    preview_panel,
)
from hazard_desktop.services.grading.scoring import (
    ConfirmGaps,
    ScoringStatus,
    SeatStatus,
    confirm_gaps,
    enter_score,
    open_scoring,
    open_scoring_for,
    revealed_scores,
    scoring_status,
)
from hazard_desktop.services.grading.types import (
    CheckEntry,
    CriterionEntry,
    DisputeView,
    GradingRequest,
    GradingSetup,
    HistoryEntry,
    HistoryKind,
    MeetingRequest,
    MeetingSummary,
    PanelCandidate,
    PanelEntry,
    ScoreEntry,
    VerdictEntry,
    VoteEntry,
)
from hazard_desktop.services.grading.use_cases import (
    confirm_grading,
    confirm_gradings,
    correct_grading,
    discard_draft,
    grade_and_confirm,
    grade_batch,
    grade_hazard_by_criteria,
    grade_hazard_by_decision,
    grade_hazard_by_lec,
    open_meeting,
)

__all__ = [
    "ConfirmGaps",
    "confirm_gaps",
    "ScoringStatus",
    "SeatStatus",
    "enter_score",
    "open_scoring",
    "open_scoring_for",
    "revealed_scores",
    "scoring_status",
    "MeetingRequest",
    "grade_and_confirm",
    "DisputeView",
    "VerdictEntry",
    "VoteEntry",
    "decide_criteria",
    "dispute_chairs",
    "dispute_view",
    "name_dispute_chairs",
    "CheckEntry",
    "CriterionEntry",
    "PanelEntry",
    "GradingRequest",
    "GradingSetup",
    "HistoryEntry",
    "HistoryKind",
    "MeetingSummary",
    "PanelCandidate",
    "ScoreEntry",
    "confirm_grading",
    "confirm_gradings",
    "correct_grading",
    "discard_draft",
    "final_grading",
    "get_grading",
    "grade_batch",
    "grade_hazard_by_criteria",
    "grade_hazard_by_decision",
    "grade_hazard_by_lec",
    "grading_history",
    "grading_setup",
    "meeting_gradings",
    "meetings",
    "open_disputes",
    "open_meeting",
    "panel_problems",
    "preview_panel",
    "raise_dispute",
    "rule_dispute",
    "withdraw_dispute",
]

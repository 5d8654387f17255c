"""The dispute panel's vote on a major-hazard criterion (rule §5.1 applied by the §7 panel).

A dispute about a hazard matched to a criterion (or claiming that a criterion applies) is settled in
the order of §5: first every member of the dispute panel votes, on each criterion in question, whether
it really applies, and the panel records what it found (evidence). A criterion upheld by the majority
of the (odd) panel makes the hazard 重大 with that clause; only when no criterion is upheld does the
panel score LEC, and its mean is final (§7).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading.matches import CriterionMatch
from hazard_desktop.domain.grading.panels import PanelRole
from hazard_desktop.domain.grading.signatures import Signature
from hazard_desktop.domain.reference import DepartmentKind


@dataclass(frozen=True, slots=True)
class CriterionVote:
    """One dispute panel member's vote on one criterion (names copied, so the record survives renames)."""

    person_id: uuid.UUID
    person_name: str
    department_id: uuid.UUID
    department_name: str
    department_kind: DepartmentKind
    role: PanelRole
    upholds: bool
    entered: Signature | None = None
    """Who entered this vote and when (None: entered before accounts, issue 14)."""


@dataclass(frozen=True, slots=True)
class CriterionVerdict:
    """The panel's decision on one criterion: every member's vote and what the panel found.

    ``match`` carries the criterion's code, text and clause as judged and the panel's evidence.
    """

    match: CriterionMatch
    votes: tuple[CriterionVote, ...]

    @property
    def criterion_id(self) -> uuid.UUID:
        return self.match.criterion_id

    @property
    def votes_for(self) -> int:
        return sum(1 for v in self.votes if v.upholds)

    @property
    def votes_against(self) -> int:
        return len(self.votes) - self.votes_for

    @property
    def upheld(self) -> bool:
        """True when more than half of the panel votes that the criterion applies."""
        return self.votes_for * 2 > len(self.votes)


def check_votes(verdict: CriterionVerdict) -> None:
    """Refuse a verdict without votes or with two votes by one person.

    Raises:
        ValidationError: ``votes_empty``, ``vote_duplicate`` (params ``criterion``, ``person_id``).
    """
    if not verdict.votes:
        raise ValidationError("votes_empty", field="votes", criterion=verdict.match.code)
    seen: set[uuid.UUID] = set()
    for vote in verdict.votes:
        if vote.person_id in seen:
            raise ValidationError(
                "vote_duplicate", field="votes", criterion=verdict.match.code, person_id=str(vote.person_id)
            )
        seen.add(vote.person_id)


def voters(verdicts: Sequence[CriterionVerdict]) -> frozenset[uuid.UUID]:
    """Everyone who voted on any of ``verdicts``."""
    return frozenset(v.person_id for verdict in verdicts for v in verdict.votes)

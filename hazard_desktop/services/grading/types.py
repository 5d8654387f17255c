"""Input and result types of the grading use cases (what dialogs and the CLI pass in and get back)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.grading import (
    GRADING_PANEL_KINDS,
    CriteriaVersion,
    CriterionClaim,
    Dispute,
    Grading,
    GradingMethod,
    PanelRole,
    criteria_version,
)
from hazard_desktop.domain.grading.chairs import DisputeChairs, chairs_in_force
from hazard_desktop.domain.lec import LecScales, ThresholdSet
from hazard_desktop.domain.meetings import GradingMeeting
from hazard_desktop.domain.reference import Department, DepartmentKind, Person, Role

# ---------------------------------------------------------------- input and result types


@dataclass(frozen=True, slots=True)
class ScoreEntry:
    """One panel member's L, E and C as entered (text, int or Decimal; checked against the scales).

    ``role`` matters on dispute panels only (one 组长, one 副组长, the rest members).
    """

    person_id: uuid.UUID
    likelihood: Decimal | str | int
    exposure: Decimal | str | int
    consequence: Decimal | str | int
    role: PanelRole = PanelRole.MEMBER


@dataclass(frozen=True, slots=True)
class PanelEntry:
    """A member of the panel that decides a grading without LEC scores (criteria, §4.3), with their role
    (组长, 副组长 or 成员)."""

    person_id: uuid.UUID
    role: PanelRole = PanelRole.MEMBER


@dataclass(frozen=True, slots=True)
class CriterionEntry:
    """A major-hazard criterion the hazard matches, with what was seen on site."""

    criterion_id: uuid.UUID
    evidence: str


@dataclass(frozen=True, slots=True)
class VoteEntry:
    """One dispute panel member's vote: does the criterion apply (``upholds``)?"""

    person_id: uuid.UUID
    upholds: bool
    role: PanelRole = PanelRole.MEMBER


@dataclass(frozen=True, slots=True)
class VerdictEntry:
    """The dispute panel's votes on one criterion in question, with what it found on site."""

    criterion_id: uuid.UUID
    evidence: str
    votes: tuple[VoteEntry, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "votes", tuple(self.votes))


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """The §5.1 major-hazard check answered "no criterion matches" (rule §5: only then is a hazard graded by LEC).

    ``criteria_digest`` names the version of the criteria list gone through (:attr:`CriteriaVersion.digest`, as
    the check dialog showed it: a list changed since is refused, ``major_check_stale``); ``checked_at`` is when
    the check was answered (None: now).
    """

    criteria_digest: str
    checked_at: datetime | None = None

    @classmethod
    def of(cls, version: CriteriaVersion, at: datetime | None = None) -> CheckEntry:
        return cls(version.digest, at)


@dataclass(frozen=True, slots=True)
class GradingRequest:
    """How to grade one hazard (one line of a batch meeting, or a correction).

    ``method`` LEC_PANEL needs ``scores``; CRITERIA needs ``criteria`` (scores optional, kept for the
    record); PANEL_DECISION needs ``reason`` (scores optional).

    ``round_id`` takes the scores from a blind scoring round (:mod:`.scoring`) instead of ``scores``: each
    score then carries who entered it and when. Under accounts typed ``scores`` are refused
    (``scores_need_round``): a member enters only their own score.

    ``panel`` names the panel that decided a grading without scores (CRITERIA, PANEL_DECISION): it is stored
    with the grading and printed on its sheet (with scores the scorers are the panel: ``panel_with_scores``).

    ``check`` is the §5.1 check: the version of the criteria list gone through. LEC_PANEL needs it (no criterion
    matched); CRITERIA (the criteria matched are of that list) and PANEL_DECISION need it when a person acts
    (``major_check_missing``).
    """

    hazard_id: uuid.UUID
    method: GradingMethod = GradingMethod.LEC_PANEL
    scores: tuple[ScoreEntry, ...] = ()
    criteria: tuple[CriterionEntry, ...] = ()
    reason: str = ""
    round_id: uuid.UUID | None = None
    panel: tuple[PanelEntry, ...] = ()
    check: CheckEntry | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", tuple(self.scores))
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "panel", tuple(self.panel))


@dataclass(frozen=True, slots=True)
class PanelCandidate:
    """An active person who may sit on a panel, with the department facts the rules check."""

    person_id: uuid.UUID
    name: str
    department_id: uuid.UUID
    department_name: str
    department_kind: DepartmentKind
    roles: frozenset[Role]
    employee_no: str = ""  # 工号: tells namesakes of one department apart

    @classmethod
    def of(cls, person: Person, department: Department) -> PanelCandidate:
        """``person`` of ``department`` as a candidate."""
        return cls(
            person.id,
            person.name,
            department.id,
            department.name,
            department.kind,
            person.roles,
            person.employee_no,
        )


@dataclass(frozen=True, slots=True)
class GradingSetup:
    """Everything a grading dialog needs, read in one go.

    Attributes:
        today: the date the setup was read for.
        scales: tables D.1–D.3.
        threshold_sets: every D.4 version, oldest first.
        in_force: the set in force ``today`` (None if none is).
        criteria: the active major-hazard criteria.
        departments: active departments.
        people: every active person (dispute panels may need any department).
        chairs: the dispute panel's 组长 / 副组长 versions named in the settings, oldest first.
    """

    today: date
    scales: LecScales
    threshold_sets: tuple[ThresholdSet, ...]
    in_force: ThresholdSet | None
    criteria: tuple[MajorCriterion, ...]
    departments: tuple[Department, ...]
    people: tuple[PanelCandidate, ...]
    chairs: tuple[DisputeChairs, ...] = ()

    @property
    def panel_people(self) -> tuple[PanelCandidate, ...]:
        """People of 安环部, 生产部 and 工会: the §5.2 grading panel's pool."""
        return tuple(p for p in self.people if p.department_kind in GRADING_PANEL_KINDS)

    @property
    def leaders(self) -> tuple[PanelCandidate, ...]:
        """Panel leader candidates (role panel_leader); everyone of the panel pool if nobody has it."""
        marked = tuple(p for p in self.people if Role.PANEL_LEADER in p.roles)
        return marked or self.panel_people

    @property
    def dispute_leaders(self) -> tuple[PanelCandidate, ...]:
        """People marked with the 组长 role of the dispute panel (candidates for the settings)."""
        return tuple(p for p in self.people if Role.DISPUTE_LEADER in p.roles)

    @property
    def dispute_deputies(self) -> tuple[PanelCandidate, ...]:
        """People marked with the 副组长 role of the dispute panel (candidates for the settings)."""
        return tuple(p for p in self.people if Role.DISPUTE_DEPUTY in p.roles)

    @property
    def criteria_version(self) -> CriteriaVersion:
        """The version of the criteria list these active criteria form (what a §5.1 check goes through)."""
        return criteria_version(self.criteria)

    def no_criterion_matched(self, at: datetime | None = None) -> CheckEntry:
        """The §5.1 check over :attr:`criteria` answered "no criterion matches" (at ``at``; None: now)."""
        return CheckEntry.of(self.criteria_version, at)

    def chairs_on(self, day: date) -> DisputeChairs | None:
        """The dispute panel's 组长 / 副组长 named for ``day`` (None: the settings name nobody yet)."""
        return chairs_in_force(self.chairs, day)

    def candidate(self, person_id: uuid.UUID) -> PanelCandidate | None:
        """The active person with ``person_id``, or None."""
        return next((p for p in self.people if p.person_id == person_id), None)


@dataclass(frozen=True, slots=True)
class DisputeView:
    """Where a hazard stands for the dispute dialog (:func:`dispute_view`).

    Attributes:
        grading: the grading in force (None: nothing confirmed to dispute).
        dispute: the open dispute, if any (at most one per hazard).
        in_question: the criteria the dispute panel must vote on first (§5 order), for the open dispute.
        raising_kind: the kind of the department that raised the open dispute.
        can_raise: a dispute may be raised now (a confirmed grading that is not a final ruling, none open).
    """

    grading: Grading | None
    dispute: Dispute | None
    in_question: tuple[CriterionClaim, ...]
    raising_kind: DepartmentKind | None

    @property
    def can_raise(self) -> bool:
        return self.dispute is None and self.grading is not None and not self.grading.is_ruling


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    """A panel meeting (隐患分级判定会) to open with the first grading of a batch."""

    title: str
    held_on: date


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """A meeting with how many gradings it made and how many the leader confirmed."""

    meeting: GradingMeeting
    gradings: int
    confirmed: int
    leader_number: str = ""  # the leader's 工号 when a namesake in their department needs it to tell them apart


class HistoryKind(StrEnum):
    """What a line of the grading history is."""

    GRADING = "grading"
    DISPUTE = "dispute"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of a hazard's grading history (:func:`grading_history`).

    Attributes:
        kind: grading or dispute; exactly one of ``grading`` / ``dispute`` is set.
        at: when it happened (confirmation time, or creation for a draft; raising time for a dispute).
        is_final: this grading is the one that counts (the register shows it).
        superseded_by_id: the confirmed correction that replaced this grading, if any.
        meeting_title: title of the meeting that made the grading ("" if none).
    """

    kind: HistoryKind
    at: datetime
    grading: Grading | None = None
    dispute: Dispute | None = None
    is_final: bool = False
    superseded_by_id: uuid.UUID | None = None
    meeting_title: str = ""

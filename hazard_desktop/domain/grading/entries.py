"""Who entered a score and who confirmed a grading (issue 14: blind scoring under accounts).

Each panel member enters their own L/E/C (or, on a dispute panel, their votes on the criteria in question)
under their own account, or confirms their entry on the leader's laptop with their own PIN. A
:class:`Signature` records the account, the time and how the person proved who they were; the grading sheet
prints it and the verify code covers it (record layout 3, :mod:`.record`).

A *scoring round* (:class:`ScoringRound`) collects the entries of one panel for one hazard. The scores stay
hidden — from everyone, the leader included — until every seated member has entered: :func:`revealed`
returns them only then. A member can only enter their own seat (:func:`enter_score`).

Standard library only.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from hazard_desktop.domain.errors import InvalidTransition, ValidationError
from hazard_desktop.domain.grading.panels import PanelRole
from hazard_desktop.domain.grading.signatures import Signature, SignedVia
from hazard_desktop.domain.records import new_id


class RoundPurpose(StrEnum):
    """What a scoring round collects: L/E/C of a grading panel, or a dispute panel's votes (and then L/E/C)."""

    LEC = "lec"
    VOTES = "votes"


@dataclass(frozen=True, slots=True)
class Seat:
    """A member seated in a round (role matters on dispute panels)."""

    person_id: uuid.UUID
    role: PanelRole = PanelRole.MEMBER


@dataclass(frozen=True, slots=True)
class Entry:
    """One member's entry in a round: L/E/C (LEC rounds) or criterion id → upholds (vote rounds)."""

    person_id: uuid.UUID
    signature: Signature
    likelihood: Decimal | None = None
    exposure: Decimal | None = None
    consequence: Decimal | None = None
    votes: tuple[tuple[uuid.UUID, bool], ...] = ()

    @property
    def vote_map(self) -> dict[uuid.UUID, bool]:
        return dict(self.votes)


@dataclass(frozen=True, slots=True)
class ScoringRound:
    """One panel's blind entries for one hazard; closed once a grading used them."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    purpose: RoundPurpose
    seats: tuple[Seat, ...]
    opened_by: Signature
    entries: tuple[Entry, ...] = ()
    criteria: tuple[uuid.UUID, ...] = ()  # vote rounds: the criteria in question
    grading_id: uuid.UUID | None = None  # set when a grading consumed the round
    closed_at: datetime | None = field(default=None)

    @property
    def missing(self) -> tuple[uuid.UUID, ...]:
        """Seated people who have not entered yet, in seat order."""
        done = {e.person_id for e in self.entries}
        return tuple(s.person_id for s in self.seats if s.person_id not in done)

    @property
    def complete(self) -> bool:
        return not self.missing

    def entry(self, person_id: uuid.UUID) -> Entry | None:
        return next((e for e in self.entries if e.person_id == person_id), None)

    def role(self, person_id: uuid.UUID) -> PanelRole:
        return next(s.role for s in self.seats if s.person_id == person_id)


def open_round(
    hazard_id: uuid.UUID,
    seats: Sequence[Seat],
    opened_by: Signature,
    purpose: RoundPurpose = RoundPurpose.LEC,
    criteria: Sequence[uuid.UUID] = (),
) -> ScoringRound:
    """A new round for ``seats`` (no duplicates, at least one).

    Raises:
        ValidationError: ``panel_empty``, ``panel_duplicate_member``, ``criteria_empty`` (a vote round).
    """
    if not seats:
        raise ValidationError("panel_empty", field="panel")
    ids = [s.person_id for s in seats]
    if len(set(ids)) != len(ids):
        raise ValidationError("panel_duplicate_member", field="panel")
    if purpose is RoundPurpose.VOTES and not criteria:
        raise ValidationError("criteria_empty", field="criteria")
    return ScoringRound(
        id=new_id(),
        hazard_id=hazard_id,
        purpose=purpose,
        seats=tuple(seats),
        opened_by=opened_by,
        criteria=tuple(criteria),
    )


def may_enter_for(signer_person_id: uuid.UUID | None, person_id: uuid.UUID, via: SignedVia) -> bool:
    """A member enters only their own seat: signed in as that person, or that person's PIN; in single-user
    mode nobody is signed in and the sheet says so."""
    if via is SignedVia.SINGLE_USER:
        return True
    return signer_person_id == person_id


def enter_score(
    scoring: ScoringRound,
    person_id: uuid.UUID,
    signer_person_id: uuid.UUID | None,
    signature: Signature,
    *,
    lec: tuple[Decimal, Decimal, Decimal] | None = None,
    votes: Mapping[uuid.UUID, bool] | None = None,
) -> ScoringRound:
    """Record ``person_id``'s entry, signed by ``signature`` (the person signed in or confirming with a PIN).

    A member may change their own entry until the round is complete; then the entries are revealed and frozen.

    Raises:
        ValidationError: ``score_not_own`` (signed by someone else), ``score_not_seated``,
            ``score_incomplete`` (L/E/C missing, or a vote missing for a criterion in question).
        InvalidTransition: ``scoring_complete`` (everyone has entered), ``scoring_closed``.
    """
    if scoring.closed_at is not None or scoring.grading_id is not None:
        raise InvalidTransition("scoring_closed")
    if scoring.complete:
        raise InvalidTransition("scoring_complete")
    if person_id not in {s.person_id for s in scoring.seats}:
        raise ValidationError("score_not_seated", field="panel", person_id=str(person_id))
    if not may_enter_for(signer_person_id, person_id, signature.via):
        raise ValidationError("score_not_own", field="panel", person_id=str(person_id))
    if scoring.purpose is RoundPurpose.LEC:
        if lec is None or any(v is None for v in lec):
            raise ValidationError("score_incomplete", field="score")
        entry = Entry(person_id, signature, lec[0], lec[1], lec[2])
    else:
        given = dict(votes or {})
        if set(given) != set(scoring.criteria):
            raise ValidationError("score_incomplete", field="votes")
        entry = Entry(person_id, signature, votes=tuple((c, bool(given[c])) for c in scoring.criteria))
    kept = tuple(e for e in scoring.entries if e.person_id != person_id)
    return replace(scoring, entries=(*kept, entry))


def revealed(scoring: ScoringRound) -> tuple[Entry, ...] | None:
    """Every entry in seat order once all seated members have entered; None before (hidden from everyone)."""
    if not scoring.complete:
        return None
    by_person = {e.person_id: e for e in scoring.entries}
    return tuple(by_person[s.person_id] for s in scoring.seats)


def close_round(scoring: ScoringRound, grading_id: uuid.UUID, at: datetime) -> ScoringRound:
    """The round's entries went into ``grading_id``; no more entries.

    Raises:
        InvalidTransition: ``scoring_incomplete``, ``scoring_closed``.
    """
    if scoring.grading_id is not None:
        raise InvalidTransition("scoring_closed")
    if not scoring.complete:
        raise InvalidTransition("scoring_incomplete", missing=len(scoring.missing))
    return replace(scoring, grading_id=grading_id, closed_at=at)

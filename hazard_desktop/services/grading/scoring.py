"""Blind scoring under accounts (issue 14): each member enters their own L/E/C or votes, hidden until all are in.

The leader opens a *scoring round* for a hazard and a panel (:func:`open_scoring`). Each seated member then
enters their own entry (:func:`enter_score`): signed in under their own account, or on the leader's laptop
confirming with their own PIN (the PIN goes to the accounts service, which counts a wrong one toward the
account's lock-out; it is never stored or logged). Nobody — the leader included — can read the values until
every seated member has entered: :func:`scoring_status` says only who has entered and when, and
:func:`revealed_scores` returns None before then. The grading use cases take the round
(``GradingRequest.round_id``) instead of typed scores; each score then carries who entered it and when, and
the sheet prints it.

In single-user mode (the plant set "no accounts") nobody signs in: entries are stamped as such, and the
sheet says "单用户模式：未登录签名".
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import (
    MemberScore,
    PanelRole,
    RoundPurpose,
    ScoringRound,
    Seat,
    Signature,
    SignedVia,
)
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.grading import signing
from hazard_desktop.services.grading.lookups import _hazard, _now, _Tables, _tables
from hazard_desktop.services.ports import SecretHasher, UnitOfWork


@dataclass(frozen=True, slots=True)
class SeatStatus:
    """One seat of a round as anyone may see it: who, and whether and when they entered — never the values."""

    person_id: uuid.UUID
    person_name: str
    role: PanelRole
    entered: Signature | None


@dataclass(frozen=True, slots=True)
class ScoringStatus:
    """Where a round stands, without any entered value (:func:`scoring_status`)."""

    round_id: uuid.UUID
    hazard_id: uuid.UUID
    purpose: RoundPurpose
    seats: tuple[SeatStatus, ...]
    closed: bool

    @property
    def complete(self) -> bool:
        return all(s.entered is not None for s in self.seats)

    @property
    def entered_count(self) -> int:
        return sum(1 for s in self.seats if s.entered is not None)


def _round(uow: UnitOfWork, round_id: uuid.UUID) -> ScoringRound:
    found = uow.gradings.get_round(round_id)
    if found is None:
        raise NotFound("scoring_unknown", id=str(round_id))
    return found


def _status(tables: _Tables, scoring: ScoringRound) -> ScoringStatus:
    seats = []
    for seat in scoring.seats:
        person = tables.people.get(seat.person_id)
        entry = scoring.entry(seat.person_id)
        seats.append(
            SeatStatus(
                seat.person_id,
                "" if person is None else person.name,
                seat.role,
                None if entry is None else entry.signature,
            )
        )
    return ScoringStatus(scoring.id, scoring.hazard_id, scoring.purpose, tuple(seats), scoring.grading_id is not None)


@dataclass(frozen=True, slots=True)
class ConfirmGaps:
    """Panel members who cannot confirm their own entry on the leader's screen (:func:`confirm_gaps`).

    Attributes:
        no_account: people without an active account (nothing to confirm with).
        must_change: people whose PIN was set or reset by an administrator and is still to be changed.
    """

    no_account: tuple[uuid.UUID, ...] = ()
    must_change: tuple[uuid.UUID, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.no_account or self.must_change)


@use_case("grading.confirm_gaps", Role.PANEL_LEADER, Role.DISPUTE_CHAIR)
def confirm_gaps(uow: UnitOfWork, person_ids: Sequence[uuid.UUID]) -> ConfirmGaps:
    """Who of ``person_ids`` could not confirm their own score or vote, said when the panel is chosen rather
    than when their turn comes. Nobody in single-user mode (nobody confirms) or for the system; the signed-in
    account's own person enters under the account.
    """
    if not signing.signs(uow) or signing.is_single_user(uow):
        return ConfirmGaps()
    me = signing.actor_person(uow)
    no_account: list[uuid.UUID] = []
    must_change: list[uuid.UUID] = []
    with uow:
        for person_id in dict.fromkeys(person_ids):
            if person_id == me:
                continue
            account = uow.accounts.by_person(person_id)
            if account is None:
                no_account.append(person_id)
            elif account.must_change:
                must_change.append(person_id)
    return ConfirmGaps(tuple(no_account), tuple(must_change))


@use_case("grading.open_scoring", Role.PANEL_LEADER, Role.DISPUTE_CHAIR)
def open_scoring(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    seats: Sequence[Seat],
    *,
    purpose: RoundPurpose = RoundPurpose.LEC,
    criteria: Sequence[uuid.UUID] = (),
    at: datetime | None = None,
) -> ScoringStatus:
    """Seat a panel for blind scoring of ``hazard_id``; earlier rounds of the hazard nobody used are dropped
    (the leader started over).

    Raises:
        NotFound: ``hazard_unknown``, ``person_unknown``.
        ValidationError: ``panel_empty``, ``panel_duplicate_member``, ``person_inactive``, ``criteria_empty``.
    """
    now = _now(at)
    with uow:
        _hazard(uow, hazard_id)
        tables = _tables(uow)
        for seat in seats:
            person = tables.people.get(seat.person_id)
            if person is None:
                raise NotFound("person_unknown", field="panel", person_id=str(seat.person_id))
            if not person.active:
                raise ValidationError("person_inactive", field="panel", person=person.name)
        scoring = rules.open_round(hazard_id, seats, signing.actor_signature(uow, now), purpose, criteria)
        for old in uow.gradings.open_rounds_for(hazard_id):
            if old.purpose is purpose:
                uow.gradings.remove_round(old.id)
        uow.gradings.add_round(scoring)
        uow.commit()
        return _status(tables, scoring)


@use_case("grading.enter_own_score", Role.PANEL_MEMBER, Role.PANEL_LEADER, Role.DISPUTE_CHAIR)
def enter_score(
    uow: UnitOfWork,
    round_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    lec: tuple[Decimal | str | int, Decimal | str | int, Decimal | str | int] | None = None,
    votes: Mapping[uuid.UUID, bool] | None = None,
    pin: str | None = None,
    hasher: SecretHasher | None = None,
    at: datetime | None = None,
) -> ScoringStatus:
    """``person_id`` enters their own L/E/C (LEC round) or their votes (vote round).

    Without ``pin`` the signed-in account must be that person's; with ``pin`` the person confirms on someone
    else's session (the leader's laptop) and the accounts service checks the PIN — a wrong one is refused and
    counted toward the lock-out (``hasher``: the application's secret hasher, ``context.secrets``). In
    single-user mode anyone at the keyboard enters, and it is stamped so.

    Returns:
        The round's status (who has entered), never the values.

    Raises:
        NotFound: ``scoring_unknown``.
        ValidationError: ``score_not_own``, ``score_not_seated``, ``score_incomplete``, ``off_scale``.
        InvalidTransition: ``scoring_complete``, ``scoring_closed``.
        CredentialRefused: ``credential_wrong`` (counted toward the lock-out), ``account_locked``, ``no_account``,
            ``account_inactive``.
        NotPermitted: ``role_required``.
    """
    now = _now(at)
    with uow:
        scoring = _round(uow, round_id)
        # before anything is written: a wrong PIN is committed as a failure (lock-out), then raised
        signed = signing.entry_signature(uow, person_id, pin, hasher, now)
        tables = _tables(uow)
        values: tuple[Decimal, Decimal, Decimal] | None = None
        if scoring.purpose is RoundPurpose.LEC and lec is not None:
            values = _checked_lec(tables, person_id, scoring, lec)
        updated = rules.enter_score(scoring, person_id, signed.person_id, signed.signature, lec=values, votes=votes)
        uow.gradings.save_round(updated)
        uow.commit()
        return _status(tables, updated)


def _checked_lec(
    tables: _Tables,
    person_id: uuid.UUID,
    scoring: ScoringRound,
    lec: tuple[Decimal | str | int, Decimal | str | int, Decimal | str | int],
) -> tuple[Decimal, Decimal, Decimal]:
    person = tables.people.get(person_id)
    if person is None:
        raise NotFound("person_unknown", field="panel", person_id=str(person_id))
    department = tables.departments[person.department_id]
    try:
        score = rules.score_member(
            tables.scales,
            person_id=person.id,
            person_name=person.name,
            department_id=department.id,
            department_name=department.name,
            department_kind=department.kind,
            likelihood=lec[0],
            exposure=lec[1],
            consequence=lec[2],
            role=PanelRole.MEMBER,
        )
    except DomainError as err:
        raise ValidationError(err.code, field=err.field, person=person.name, **err.params) from None
    return score.likelihood, score.exposure, score.consequence


@use_case("grading.scoring_status", *EVERYONE)
def scoring_status(uow: UnitOfWork, round_id: uuid.UUID) -> ScoringStatus:
    """Who has entered and when — no values, for anyone (the leader included).

    Raises:
        NotFound: ``scoring_unknown``.
    """
    with uow:
        return _status(_tables(uow), _round(uow, round_id))


@use_case("grading.revealed_scores", *EVERYONE)
def revealed_scores(uow: UnitOfWork, round_id: uuid.UUID) -> tuple[rules.Entry, ...] | None:
    """Every entry (values and signatures) once all seated members have entered; None before.

    Raises:
        NotFound: ``scoring_unknown``.
    """
    with uow:
        return rules.revealed(_round(uow, round_id))


@use_case("grading.open_scoring_for", *EVERYONE)
def open_scoring_for(
    uow: UnitOfWork, hazard_id: uuid.UUID, purpose: RoundPurpose = RoundPurpose.LEC
) -> ScoringStatus | None:
    """The hazard's round of ``purpose`` nobody has used yet (the newest), or None."""
    with uow:
        rounds = [r for r in uow.gradings.open_rounds_for(hazard_id) if r.purpose is purpose]
        return _status(_tables(uow), rounds[-1]) if rounds else None


# ---------------------------------------------------------------- the grading use cases' side (open unit of work)


def round_member_scores(tables: _Tables, scoring: ScoringRound) -> list[MemberScore]:
    """The round's entries as signed member scores (inside an open unit of work).

    Raises:
        InvalidTransition: ``scoring_incomplete``, ``scoring_closed``.
        ValidationError: ``scoring_purpose`` (a vote round given for scores).
    """
    if scoring.purpose is not RoundPurpose.LEC:
        raise ValidationError("scoring_purpose", field="panel")
    if scoring.grading_id is not None:
        raise InvalidTransition("scoring_closed")
    entries = rules.revealed(scoring)
    if entries is None:
        raise InvalidTransition("scoring_incomplete", missing=len(scoring.missing))
    result = []
    for entry in entries:
        person = tables.people[entry.person_id]
        department = tables.departments[person.department_id]
        assert entry.likelihood is not None and entry.exposure is not None and entry.consequence is not None
        result.append(
            MemberScore(
                person_id=person.id,
                person_name=person.name,
                department_id=department.id,
                department_name=department.name,
                department_kind=department.kind,
                role=scoring.role(entry.person_id),
                likelihood=entry.likelihood,
                exposure=entry.exposure,
                consequence=entry.consequence,
                entered=entry.signature,
            )
        )
    return result


def take_round(uow: UnitOfWork, round_id: uuid.UUID, hazard_id: uuid.UUID) -> ScoringRound:
    """The round a grading of ``hazard_id`` uses (inside an open unit of work).

    Raises:
        NotFound: ``scoring_unknown``.
        ValidationError: ``scoring_hazard_mismatch``.
    """
    scoring = _round(uow, round_id)
    if scoring.hazard_id != hazard_id:
        raise ValidationError("scoring_hazard_mismatch", field="panel")
    return scoring


def close_used_round(uow: UnitOfWork, round_id: uuid.UUID | None, grading_id: uuid.UUID, at: datetime) -> None:
    """Mark the round a stored grading used (inside an open unit of work, after the grading is added)."""
    if round_id is None:
        return
    uow.gradings.save_round(rules.close_round(_round(uow, round_id), grading_id, at))


__all__ = [
    "ScoringStatus",
    "SeatStatus",
    "SignedVia",
    "close_used_round",
    "enter_score",
    "open_scoring",
    "open_scoring_for",
    "revealed_scores",
    "round_member_scores",
    "scoring_status",
    "take_round",
]

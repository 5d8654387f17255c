"""Blind scoring rounds (issue 14): own seat only, hidden until every seated member has entered."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from hazard_desktop.domain import grading as g
from hazard_desktop.domain.errors import InvalidTransition, ValidationError

A, B, C = (uuid.UUID(int=n) for n in (1, 2, 3))
T = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)
LEC = (Decimal(1), Decimal(6), Decimal(7))


def sig(n: int, via: g.SignedVia = g.SignedVia.ACCOUNT) -> g.Signature:
    return g.Signature(None if via is g.SignedVia.SINGLE_USER else uuid.UUID(int=100 + n), f"人{n}", T, via)


def new_round() -> g.ScoringRound:
    return g.open_round(uuid.UUID(int=9), [g.Seat(A, g.PanelRole.LEADER), g.Seat(B), g.Seat(C)], sig(1))


def test_entries_stay_hidden_until_every_seated_member_has_entered():
    scoring = new_round()
    scoring = g.enter_score(scoring, A, A, sig(1), lec=LEC)
    scoring = g.enter_score(scoring, B, B, sig(2, g.SignedVia.PIN), lec=LEC)
    assert g.revealed(scoring) is None
    assert scoring.missing == (C,)
    scoring = g.enter_score(scoring, C, C, sig(3), lec=LEC)
    entries = g.revealed(scoring)
    assert entries is not None
    assert [e.person_id for e in entries] == [A, B, C]
    assert entries[1].signature.via is g.SignedVia.PIN


def test_a_member_cannot_enter_another_members_seat():
    with pytest.raises(ValidationError) as err:
        g.enter_score(new_round(), B, A, sig(1), lec=LEC)
    assert err.value.code == "score_not_own"


def test_single_user_mode_enters_any_seat_and_is_stamped_so():
    scoring = g.enter_score(new_round(), B, None, sig(0, g.SignedVia.SINGLE_USER), lec=LEC)
    assert scoring.entry(B).signature.single_user


def test_not_seated_incomplete_and_frozen_entries_are_refused():
    stranger = uuid.UUID(int=77)
    with pytest.raises(ValidationError, match="score_not_seated"):
        g.enter_score(new_round(), stranger, stranger, sig(7), lec=LEC)
    with pytest.raises(ValidationError, match="score_incomplete"):
        g.enter_score(new_round(), A, A, sig(1))
    scoring = new_round()
    for person, n in ((A, 1), (B, 2), (C, 3)):
        scoring = g.enter_score(scoring, person, person, sig(n), lec=LEC)
    with pytest.raises(InvalidTransition, match="scoring_complete"):
        g.enter_score(scoring, A, A, sig(1), lec=LEC)
    closed = g.close_round(scoring, uuid.UUID(int=50), T)
    with pytest.raises(InvalidTransition, match="scoring_closed"):
        g.close_round(closed, uuid.UUID(int=51), T)


def test_a_member_may_change_their_entry_before_the_round_is_complete():
    scoring = g.enter_score(new_round(), A, A, sig(1), lec=LEC)
    scoring = g.enter_score(scoring, A, A, sig(1), lec=(Decimal(3), Decimal(6), Decimal(7)))
    assert len(scoring.entries) == 1
    assert scoring.entry(A).likelihood == Decimal(3)


def test_vote_rounds_need_a_vote_on_every_criterion_in_question():
    k1, k2 = uuid.UUID(int=501), uuid.UUID(int=502)
    scoring = g.open_round(uuid.UUID(int=9), [g.Seat(A)], sig(1), g.RoundPurpose.VOTES, [k1, k2])
    with pytest.raises(ValidationError, match="score_incomplete"):
        g.enter_score(scoring, A, A, sig(1), votes={k1: True})
    done = g.enter_score(scoring, A, A, sig(1), votes={k1: True, k2: False})
    assert g.revealed(done)[0].vote_map == {k1: True, k2: False}


def test_a_signature_says_how_it_was_made():
    with pytest.raises(ValidationError, match="signature_needs_account"):
        g.Signature(None, "x", T, g.SignedVia.ACCOUNT)
    with pytest.raises(ValidationError, match="signature_single_user_account"):
        g.Signature(uuid.UUID(int=1), "x", T, g.SignedVia.SINGLE_USER)

"""A dialog's side of a blind scoring round (issue 14): the services hold the entries, hidden until all are in.

Both panel dialogs (grading, dispute) seat their panel in a round for the hazard, hand
:meth:`BlindRound.submit` and :meth:`BlindRound.needs_pin` to their :class:`HiddenScoring`, and read the scores
back with :meth:`BlindRound.revealed_entries` only once every member has entered. A member who is not the
signed-in account confirms their entry with their own PIN; in single-user mode nobody does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.grading import PanelRole, RoundPurpose
from hazard_desktop.domain.grading import Seat as RoundSeat
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.grading import ScoreEntry
from hazard_desktop.ui import messages
from hazard_desktop.ui.widgets.hidden_scoring import Values
from hazard_desktop.ui.widgets.member_picker import Seat


class BlindRound:
    """The current hazard's round; ``show_error`` gets any refusal of opening it."""

    def __init__(self, context: AppContext, show_error: Callable[[BaseException], None]) -> None:
        self._context = context
        self._show_error = show_error
        self._seats: list[Seat] = []
        self.round_id: uuid.UUID | None = None

    def open(
        self,
        hazard_id: uuid.UUID,
        seats: Sequence[Seat],
        purpose: RoundPurpose = RoundPurpose.LEC,
        criteria: Sequence[uuid.UUID] = (),
    ) -> bool:
        """Seat the panel in a new round for ``hazard_id`` (an unused earlier round of it is dropped)."""
        self._seats = list(seats)
        try:
            status = grading_service.open_scoring(
                self._context.uow(),
                hazard_id,
                [RoundSeat(s.candidate.person_id, s.role) for s in seats],
                purpose=purpose,
                criteria=criteria,
            )
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.round_id = None
            self._show_error(exc)
            return False
        self.round_id = status.round_id
        return True

    def needs_pin(self, seat: Seat) -> bool:
        """A member who is not the signed-in account confirms their entry with their own PIN."""
        actor = self._context.session.actor
        return not actor.single_user and actor.person_id != seat.candidate.person_id

    def submit(self, seat: Seat, values: Values, pin: str | None) -> None:
        """One member's entry to the services (raises the DomainError that refuses it)."""
        if self.round_id is None:
            raise DomainError("scoring_unknown")
        grading_service.enter_score(
            self._context.uow(),
            self.round_id,
            seat.candidate.person_id,
            lec=values,
            pin=pin,
            hasher=self._context.secrets,
        )

    def submit_votes(self, seat: Seat, votes: Mapping[uuid.UUID, bool], pin: str | None) -> None:
        """One member's votes to a vote round (raises the DomainError that refuses them)."""
        if self.round_id is None:
            raise DomainError("scoring_unknown")
        grading_service.enter_score(
            self._context.uow(),
            self.round_id,
            seat.candidate.person_id,
            votes=votes,
            pin=pin,
            hasher=self._context.secrets,
        )

    def revealed_entries(self) -> list[ScoreEntry] | None:
        """The members' scores once all have entered; None before (hidden from everyone, the leader too)."""
        if self.round_id is None:
            return None
        revealed = grading_service.revealed_scores(self._context.uow(), self.round_id)
        if revealed is None:
            return None
        roles = {s.candidate.person_id: s.role for s in self._seats}
        return [
            ScoreEntry(e.person_id, e.likelihood, e.exposure, e.consequence, roles.get(e.person_id, PanelRole.MEMBER))
            for e in revealed
            if e.likelihood is not None and e.exposure is not None and e.consequence is not None
        ]


def confirm_gaps_text(context: AppContext, seats: Sequence[Seat], names: Mapping[uuid.UUID | str, str]) -> str:
    """The members of a panel being chosen who could not confirm their own entry on the leader's screen (no
    account, or a PIN an administrator set and not yet changed), one line per reason; "" when everyone can.
    Both panel windows say it before the panel starts rather than when a member's turn comes."""
    gaps = grading_service.confirm_gaps(context.uow(), [s.candidate.person_id for s in seats])

    def listed(ids: Sequence[uuid.UUID]) -> str:
        return "、".join(names.get(p, str(p)) for p in ids)

    def tr(text: str) -> str:  # the grading window's sentences, said by the dispute window too
        return QCoreApplication.translate("PanelScoringDialog", text)

    lines = []
    if gaps.no_account:
        lines.append(
            tr(
                "No account, so they cannot confirm their own score: %1. An administrator creates their "
                "accounts (Tools → Accounts), or choose other members."
            ).replace("%1", listed(gaps.no_account))
        )
    if gaps.must_change:
        lines.append(
            tr(
                "The PIN an administrator set must be changed first: %1. Each signs in once under their "
                "own account and chooses a new PIN, or choose other members."
            ).replace("%1", listed(gaps.must_change))
        )
    return "\n".join(lines)

"""The dispute panel's votes on the criteria in question (rule §5 order applied by the §7 panel).

One box per criterion: its code, clause and text, what the panel found (evidence, required) and one
tick per member, "applies". The widget only asks; :func:`hazard_desktop.services.grading.decide_criteria`
decides. Under accounts (issue 14) each member confirms their own votes: a member who is not the signed-in
account types their PIN in the box below the criteria (:attr:`pins`); the dialog sends each member's votes
to the services' vote round and clears the PINs after every try.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.grading import CriterionClaim, CriterionVerdict, PanelRole
from hazard_desktop.services.grading import VerdictEntry, VoteEntry
from hazard_desktop.ui.widgets.hidden_scoring import arg
from hazard_desktop.ui.widgets.member_picker import Seat, candidate_name

COLUMNS = 3


class CriteriaVotes(QScrollArea):
    """Ask each member, criterion by criterion, whether it applies; collect the evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        self._claims: tuple[CriterionClaim, ...] = ()
        self._seats: tuple[Seat, ...] = ()
        self.evidence: dict[uuid.UUID, QPlainTextEdit] = {}
        self.ticks: dict[tuple[uuid.UUID, uuid.UUID], QCheckBox] = {}
        self.pins: dict[uuid.UUID, QLineEdit] = {}

    def start(
        self,
        claims: Sequence[CriterionClaim],
        seats: Sequence[Seat],
        needs_pin: Callable[[Seat], bool] | None = None,
        shared: frozenset[uuid.UUID] = frozenset(),
    ) -> None:
        """One box per criterion with a tick per member; all unticked (nobody has voted "applies"); a PIN box
        for each member ``needs_pin`` names. Members in ``shared`` (a namesake in their department,
        :func:`~hazard_desktop.ui.widgets.member_picker.namesakes`) are named with their 工号."""
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._claims, self._seats = tuple(claims), tuple(seats)
        self.evidence.clear()
        self.ticks.clear()
        self.pins.clear()
        for claim in self._claims:
            box = QGroupBox(arg(self.tr("%1 (%2)"), claim.code, claim.clause), self._body)
            box.setObjectName(f"criterion-{claim.code}")
            text = QLabel(claim.text, box)
            text.setWordWrap(True)
            evidence = QPlainTextEdit(box)
            evidence.setObjectName(f"evidence-{claim.code}")
            evidence.setPlaceholderText(self.tr("What the panel found on site (required)"))
            evidence.setTabChangesFocus(True)
            evidence.setFixedHeight(evidence.fontMetrics().lineSpacing() * 3 + 14)
            grid = QGridLayout()
            for n, seat in enumerate(self._seats):
                name = candidate_name(seat.candidate, shared)
                tick = QCheckBox(arg(self.tr("%1 (%2): applies"), name, self._seat_label(seat)), box)
                tick.setObjectName(f"vote-{claim.code}-{n}")
                grid.addWidget(tick, n // COLUMNS, n % COLUMNS)
                self.ticks[(claim.criterion_id, seat.candidate.person_id)] = tick
            layout = QVBoxLayout(box)
            layout.addWidget(text)
            layout.addWidget(QLabel(self.tr("Each member votes: tick if the criterion applies to this hazard."), box))
            layout.addLayout(grid)
            layout.addWidget(evidence)
            self.evidence[claim.criterion_id] = evidence
            self._layout.insertWidget(self._layout.count() - 1, box)
        signing = [seat for seat in self._seats if needs_pin is not None and needs_pin(seat)]
        if signing:
            box = QGroupBox(self.tr("Each member confirms their own votes with their PIN"), self._body)
            box.setObjectName("votePins")
            form = QFormLayout(box)
            for seat in signing:
                pin = QLineEdit(box)
                pin.setObjectName(f"votePin-{seat.candidate.person_id}")
                pin.setEchoMode(QLineEdit.EchoMode.Password)
                pin.setMaxLength(128)
                pin.setPlaceholderText(self.tr("6-digit PIN"))
                name = candidate_name(seat.candidate, shared)
                form.addRow(arg(self.tr("%1 (%2):"), name, self._seat_label(seat)), pin)
                self.pins[seat.candidate.person_id] = pin
            self._layout.insertWidget(self._layout.count() - 1, box)

    def _seat_label(self, seat: Seat) -> str:
        if seat.role is PanelRole.LEADER:
            return self.tr("组长")
        if seat.role is PanelRole.DEPUTY:
            return self.tr("副组长")
        return seat.candidate.department_name

    def set_vote(self, criterion_id: uuid.UUID, person_id: uuid.UUID, upholds: bool) -> None:
        self.ticks[(criterion_id, person_id)].setChecked(upholds)

    def set_evidence(self, criterion_id: uuid.UUID, text: str) -> None:
        self.evidence[criterion_id].setPlainText(text)

    def has_entries(self) -> bool:
        """True once any vote is ticked or any finding typed (closing would lose them)."""
        return any(t.isChecked() for t in self.ticks.values()) or any(
            e.toPlainText().strip() for e in self.evidence.values()
        )

    def describe(self, verdicts: Sequence[CriterionVerdict]) -> list[str]:
        """One line per verdict: "121-2 (第2条): applies — 4 for, 3 against"."""
        return [
            arg(
                self.tr("%1 (%2): %3 — %4 for, %5 against"),
                verdict.match.code,
                verdict.match.clause,
                self.tr("applies") if verdict.upheld else self.tr("does not apply"),
                verdict.votes_for,
                verdict.votes_against,
            )
            for verdict in verdicts
        ]

    @property
    def seats(self) -> tuple[Seat, ...]:
        return self._seats

    def votes_of(self, person_id: uuid.UUID) -> dict[uuid.UUID, bool]:
        """One member's votes: criterion id → applies."""
        return {claim.criterion_id: self.ticks[(claim.criterion_id, person_id)].isChecked() for claim in self._claims}

    def pin_of(self, person_id: uuid.UUID) -> str | None:
        box = self.pins.get(person_id)
        return None if box is None else box.text()

    def clear_pins(self) -> None:
        for box in self.pins.values():
            box.clear()

    def findings(self) -> list[VerdictEntry]:
        """The panel's findings without the votes (those go to the vote round, signed by each member)."""
        return [
            VerdictEntry(claim.criterion_id, self.evidence[claim.criterion_id].toPlainText(), ())
            for claim in self._claims
        ]

    def entries(self) -> list[VerdictEntry]:
        """What was entered, as the use case takes it."""
        return [
            VerdictEntry(
                claim.criterion_id,
                self.evidence[claim.criterion_id].toPlainText(),
                tuple(
                    VoteEntry(
                        seat.candidate.person_id,
                        self.ticks[(claim.criterion_id, seat.candidate.person_id)].isChecked(),
                        seat.role,
                    )
                    for seat in self._seats
                ),
            )
            for claim in self._claims
        ]

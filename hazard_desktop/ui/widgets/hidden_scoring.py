"""Members enter L, E and C one at a time; nobody sees another member's entry until all have scored.

With a *submitter* (:meth:`set_submitter`, what the panel dialog does: issue 14) each entry goes straight to
the services' blind scoring round and this widget keeps no value at all: the services hide the entries from
everyone, the leader included, until every member has entered. A member who is not the signed-in account
confirms their entry with their own PIN (the PIN box shows for them; it is cleared after each try). A refused
entry (wrong PIN, locked account, someone else's seat) fires ``refused`` with the error and stays on that member.

Without a submitter the entries live only in this object's private dict (the member's own D is shown only
while that member is entering) and :meth:`scores` returns them once complete. Either way the member list
shows names and a ✓ for done, and ``completed`` fires when the last member saves.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError, ValidationError
from hazard_desktop.domain.grading import MemberScore, PanelRole, score_member
from hazard_desktop.domain.lec import LecScales
from hazard_desktop.ui.widgets.lec_format import number
from hazard_desktop.ui.widgets.member_picker import Seat, candidate_label, candidate_name
from hazard_desktop.ui.widgets.score_entry import ScoreEntry

SeatIdRole = int(Qt.ItemDataRole.UserRole) + 1
Values = tuple[Decimal, Decimal, Decimal]
Submitter = Callable[[Seat, Values, "str | None"], None]
PIN_MAX = 128


def arg(template: str, *values: object) -> str:
    """Qt-style ``%1``, ``%2`` … substitution (highest number first, so %1 does not eat %10)."""
    for position in range(len(values), 0, -1):
        template = template.replace(f"%{position}", str(values[position - 1]))
    return template


def role_text(role: PanelRole) -> str:
    """组长 / 副组长 / 组员 in the UI language."""
    texts = {
        PanelRole.LEADER: QCoreApplication.translate("HiddenScoring", "leader"),
        PanelRole.DEPUTY: QCoreApplication.translate("HiddenScoring", "deputy leader"),
        PanelRole.MEMBER: QCoreApplication.translate("HiddenScoring", "member"),
    }
    return texts[role]


class HiddenScoring(QWidget):
    """One member after the other; ``progress_changed`` after each save, ``completed`` after the last."""

    progress_changed = Signal()
    completed = Signal()
    refused = Signal(object)  # the DomainError a submitted entry was refused with

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scales = LecScales(())
        self._seats: list[Seat] = []
        self._shared: frozenset[uuid.UUID] = frozenset()  # namesakes: shown with their 工号
        self._entries: dict[uuid.UUID, Values | None] = {}  # None: submitted, the value is not kept here
        self._current: int = -1
        self._submit: Submitter | None = None
        self._needs_pin: Callable[[Seat], bool] = lambda seat: False

        self.member_list = QListWidget(self)
        self.member_list.setObjectName("scoringMembers")
        self.member_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.member_list.setMinimumWidth(190)
        self.member_list.setMaximumWidth(320)
        self.member_list.itemClicked.connect(self._member_clicked)

        self.progress = QLabel(self)
        self.progress.setObjectName("scoringProgress")
        self.current_member = QLabel(self)
        self.current_member.setObjectName("currentMember")
        bold = QFont(self.current_member.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.current_member.setFont(bold)
        self.current_member.setWordWrap(True)
        self.privacy = QLabel(
            self.tr(
                "Each member scores on their own. The other members' entries stay hidden until everyone has "
                "scored; the score lists are cleared for each member."
            ),
            self,
        )
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet("color: #546e7a;")
        self.entry = ScoreEntry(self)
        self.entry.changed.connect(self._entry_changed)
        self.own_d = QLabel(self)
        self.own_d.setObjectName("ownD")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextMember")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.save_current)
        self.pin_label = QLabel(self.tr("PIN of this member (to confirm it is them):"), self)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("memberPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX)
        self.pin.setPlaceholderText(self.tr("6-digit PIN"))
        self.pin.returnPressed.connect(self.save_current)

        right = QVBoxLayout()
        right.addWidget(self.progress)
        right.addWidget(self.current_member)
        right.addWidget(self.privacy)
        right.addSpacing(6)
        right.addWidget(self.entry)
        right.addWidget(self.own_d)
        right.addWidget(self.pin_label)
        right.addWidget(self.pin)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        right.addLayout(buttons)
        right.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Members (✓ = scored):"), self))
        left.addWidget(self.member_list, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self._refresh()

    # ---- set-up
    def start(self, scales: LecScales, seats: Sequence[Seat], shared: frozenset[uuid.UUID] = frozenset()) -> None:
        """Begin a round with ``seats`` (in the order they will score); forgets earlier entries. Members in
        ``shared`` (people with a namesake in their department, :func:`namesakes`) are shown with their 工号."""
        self._scales = scales
        self._seats = list(seats)
        self._shared = shared
        self._entries = {}
        self._current = 0 if self._seats else -1
        self.entry.set_scales(scales)
        self._refresh()

    def set_submitter(self, submit: Submitter | None, needs_pin: Callable[[Seat], bool] | None = None) -> None:
        """Send each entry to ``submit(seat, (L, E, C), pin)`` (which raises a DomainError to refuse it) instead of
        keeping it; ``needs_pin(seat)`` says whether that member must confirm with their PIN."""
        self._submit = submit
        self._needs_pin = needs_pin or (lambda seat: False)
        self._refresh()

    @property
    def submits(self) -> bool:
        return self._submit is not None

    def restart(self) -> None:
        """Score again from the first member (all entries are discarded)."""
        self.start(self._scales, self._seats)

    # ---- state
    @property
    def seats(self) -> list[Seat]:
        return list(self._seats)

    @property
    def current_seat(self) -> Seat | None:
        """Whose turn it is, or None when everyone has scored."""
        return self._seats[self._current] if 0 <= self._current < len(self._seats) else None

    def done_count(self) -> int:
        return len(self._entries)

    def is_done(self, person_id: uuid.UUID) -> bool:
        return person_id in self._entries

    def is_complete(self) -> bool:
        """True when every member has scored."""
        return bool(self._seats) and len(self._entries) == len(self._seats)

    def scores(self) -> list[MemberScore]:
        """Every member's score, in seat order (only once complete).

        Raises:
            ValidationError: ``scores_incomplete``; ``off_scale`` (cannot happen with the lists).
        """
        if self._submit is not None:
            raise ValidationError("scores_hidden", field="scores")  # the services hold them (issue 14)
        if not self.is_complete():
            missing = next((s for s in self._seats if s.candidate.person_id not in self._entries), None)
            params = {} if missing is None else {"person": candidate_name(missing.candidate, self._shared)}
            raise ValidationError("scores_incomplete", field="scores", **params)
        result = []
        for seat in self._seats:
            c = seat.candidate
            values = self._entries[c.person_id]
            assert values is not None
            likelihood, exposure, consequence = values
            result.append(
                score_member(
                    self._scales,
                    person_id=c.person_id,
                    person_name=c.name,
                    department_id=c.department_id,
                    department_name=c.department_name,
                    department_kind=c.department_kind,
                    likelihood=likelihood,
                    exposure=exposure,
                    consequence=consequence,
                    role=seat.role,
                )
            )
        return result

    # ---- entering
    def select_member(self, person_id: uuid.UUID) -> bool:
        """Make it ``person_id``'s turn (to score, or to score again: the old entry is dropped)."""
        if self.is_complete():
            return False
        for index, seat in enumerate(self._seats):
            if seat.candidate.person_id == person_id:
                self._entries.pop(person_id, None)
                self._current = index
                self.entry.clear()
                self._refresh()
                self.progress_changed.emit()
                return True
        return False

    def save_current(self) -> bool:
        """Store the current member's L, E, C and move on to the next member who has not scored."""
        seat = self.current_seat
        likelihood, exposure, consequence = self.entry.values()
        if seat is None or likelihood is None or exposure is None or consequence is None:
            return False
        values = (likelihood, exposure, consequence)
        if self._submit is not None:
            pin = self.pin.text() if self._needs_pin(seat) else None
            self.pin.clear()
            try:
                self._submit(seat, values, pin)
            except DomainError as exc:
                self.refused.emit(exc)
                return False
            self._entries[seat.candidate.person_id] = None  # entered; the value stays with the services
        else:
            self._entries[seat.candidate.person_id] = values
        self.entry.clear()
        pending = [i for i, s in enumerate(self._seats) if s.candidate.person_id not in self._entries]
        after = [i for i in pending if i > self._current]
        self._current = after[0] if after else (pending[0] if pending else -1)
        self._refresh()
        self.progress_changed.emit()
        if self.is_complete():
            self.completed.emit()
        return True

    def enter(self, likelihood: object, exposure: object, consequence: object) -> bool:
        """Choose L, E and C for the current member and save (what a member does with the lists)."""
        if not self.entry.set_values(likelihood, exposure, consequence):
            return False
        return self.save_current()

    # ---- display
    def _member_clicked(self, item: QListWidgetItem) -> None:
        person_id = item.data(SeatIdRole)
        if person_id:
            self.select_member(uuid.UUID(person_id))

    def _entry_changed(self) -> None:
        d = self.entry.d()
        self.own_d.setText("" if d is None else arg(self.tr("Your D = L × E × C = %1"), number(d)))
        self.next_button.setEnabled(self.current_seat is not None and d is not None)

    def _refresh(self) -> None:
        self.pin_label.setVisible(False)
        self.pin.setVisible(False)
        self.member_list.clear()
        seat = self.current_seat
        shared = self._shared
        for index, s in enumerate(self._seats):
            c = s.candidate
            done = c.person_id in self._entries
            mark = "✓" if done else ("▶" if index == self._current else "○")
            role = "" if s.role is PanelRole.MEMBER else f" · {role_text(s.role)}"
            item = QListWidgetItem(f"{mark}  {candidate_label(c, shared)}{role}")
            item.setData(SeatIdRole, str(c.person_id))
            if index == self._current:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.member_list.addItem(item)
        total = len(self._seats)
        self.progress.setText(arg(self.tr("Scored: %1 of %2"), len(self._entries), total))
        if seat is not None:
            c = seat.candidate
            self.current_member.setText(
                arg(
                    self.tr("Now scoring: %1 (%2, %3)"),
                    candidate_name(c, shared),
                    c.department_name,
                    role_text(seat.role),
                )
            )
            remaining = total - len(self._entries)
            self.next_button.setText(
                self.tr("Save and hand over to the next member") if remaining > 1 else self.tr("Save — last member")
            )
            self.entry.setEnabled(True)
            needs_pin = self._submit is not None and self._needs_pin(seat)
            self.pin_label.setText(arg(self.tr("PIN of %1 (to confirm it is them):"), candidate_name(c, shared)))
            self.pin_label.setVisible(needs_pin)
            self.pin.setVisible(needs_pin)
        elif self._seats:
            self.current_member.setText(self.tr("All members have scored."))
            self.next_button.setText(self.tr("All members have scored"))
            self.entry.setEnabled(False)
        else:
            self.current_member.setText(self.tr("No panel yet."))
            self.next_button.setText(self.tr("Save and hand over to the next member"))
            self.entry.setEnabled(False)
        self._entry_changed()

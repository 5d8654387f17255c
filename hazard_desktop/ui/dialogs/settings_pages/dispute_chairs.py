"""Tab 争议判定小组: the persons rule §7 names as the dispute panel's 组长 and 副组长, with effective dates."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.grading.chairs import DisputeChairs
from hazard_desktop.domain.reference import Role
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs.settings_pages.common import MessageLine
from hazard_desktop.ui.formatting import QT_DATE_FORMAT, numbered_name
from hazard_desktop.ui.widgets.member_picker import candidate_label, namesakes, sort_candidates


class DisputeChairsPage(QWidget):
    """Name the 组长 and 副组长 from a date on; earlier versions stay for earlier rulings."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True
        self._today = today or date.today()

        self.leader = QComboBox(self)
        self.leader.setObjectName("chairLeader")
        self.deputy = QComboBox(self)
        self.deputy.setObjectName("chairDeputy")
        self.effective = QDateEdit(self)
        self.effective.setObjectName("chairsFrom")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat(QT_DATE_FORMAT)
        self.effective.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.save_button = QPushButton(self.tr("Name them from this date"), self)
        self.save_button.setObjectName("nameChairs")
        self.versions = QListWidget(self)
        self.versions.setObjectName("chairVersions")
        self.message = MessageLine(self)

        box = QGroupBox(self.tr("Dispute panel (rule §7): 组长 and 副组长"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("组长 (leader)"), self.leader)
        form.addRow(self.tr("副组长 (deputy leader)"), self.deputy)
        form.addRow(self.tr("Effective from"), self.effective)
        hint = QLabel(
            self.tr(
                "The rule names these two persons. A ruling must be chaired by the persons named for its date; "
                "naming others from a later date keeps earlier rulings as they were."
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Named so far (oldest first):"), self))
        layout.addWidget(self.versions, 1)

        self.save_button.clicked.connect(self.save)
        self._numbers: dict[uuid.UUID, str] = {}
        self.reload()

    def reload(self) -> None:
        """Show the people and the versions stored."""
        setup = grading_service.grading_setup(self.context.uow(), self._today)
        shared = namesakes(setup.people)  # a namesake in their department: with the 工号
        for combo, role in ((self.leader, Role.DISPUTE_LEADER), (self.deputy, Role.DISPUTE_DEPUTY)):
            combo.clear()
            marked = [p for p in setup.people if role in p.roles]
            others = [p for p in setup.people if role not in p.roles]
            for candidate in sort_candidates(marked) + sort_candidates(others):
                combo.addItem(candidate_label(candidate, shared), str(candidate.person_id))
        current = setup.chairs_on(self._today)
        if current is not None:
            self.leader.setCurrentIndex(max(0, self.leader.findData(str(current.leader_id))))
            self.deputy.setCurrentIndex(max(0, self.deputy.findData(str(current.deputy_id))))
        self._numbers = {c.person_id: c.employee_no for c in setup.people if c.person_id in shared}
        self._show_versions(setup.chairs)
        self.stale = False

    def _show_versions(self, versions: tuple[DisputeChairs, ...]) -> None:
        numbers = self._numbers  # the chairs with a namesake in their department: with the 工号
        self.versions.clear()
        if not versions:
            self.versions.addItem(self.tr("Nobody named yet: disputes cannot be ruled."))
        for version in versions:
            self.versions.addItem(
                self.tr("From %1: 组长 %2, 副组长 %3")
                .replace("%1", version.effective_from.isoformat())
                .replace("%2", numbered_name(version.leader_name, numbers.get(version.leader_id)))
                .replace("%3", numbered_name(version.deputy_name, numbers.get(version.deputy_id)))
            )

    def save(self) -> DisputeChairs | None:
        """Store a new version (one of the same date is replaced)."""
        self.message.clear_message()
        leader, deputy = self.leader.currentData(), self.deputy.currentData()
        if leader is None or deputy is None:
            return None
        try:
            version = grading_service.name_dispute_chairs(
                self.context.uow(), self.effective.date().toPython(), uuid.UUID(leader), uuid.UUID(deputy)
            )
        except DomainError as err:
            self.message.show_error(messages.error_text(err, "grading"))
            return None
        self.message.show_info(self.tr("Dispute panel leaders named."))
        self._show_versions(grading_service.dispute_chairs(self.context.uow()))
        self.changed.emit()
        return version

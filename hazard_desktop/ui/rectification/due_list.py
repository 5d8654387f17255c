"""The list of hazards under rectification that are overdue or due within 7 days (整改 menu, status bar).

Most overdue first; a double-click (or "Show in register") selects the hazard in the main window, opens the
detail pane on it and closes the list (it stood in front of the row it selected, issue 12; the status bar's
counts open it again); the filter buttons show the same hazards in the register itself (its deadline filter).
The list is a modest window (620 × 360), not the whole 1366 × 768 screen at 150 %.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.ui import labels, messages
from hazard_desktop.ui.formatting import format_date
from hazard_desktop.ui.register_filters import DUE_SOON, MY_ACCEPTANCE, OVERDUE
from hazard_desktop.ui.widgets import screen_fit

if TYPE_CHECKING:
    from hazard_desktop.services.rectification import DueItem
    from hazard_desktop.ui.rectification.actions import RectificationActions

HEADERS = (
    QT_TRANSLATE_NOOP("DueListDialog", "Number"),
    QT_TRANSLATE_NOOP("DueListDialog", "Description"),
    QT_TRANSLATE_NOOP("DueListDialog", "Grade"),
    QT_TRANSLATE_NOOP("DueListDialog", "Deadline"),
    QT_TRANSLATE_NOOP("DueListDialog", "Days left"),
    QT_TRANSLATE_NOOP("DueListDialog", "Responsible department"),
    QT_TRANSLATE_NOOP("DueListDialog", "Responsible person"),
)
IdRole = int(Qt.ItemDataRole.UserRole) + 1
_RED = QBrush(QColor("#c62828"))


class DueListDialog(QDialog):
    """Overdue and due-soon hazards (a non-modal window over the register)."""

    def __init__(self, actions: RectificationActions, items: list[DueItem], names: dict[uuid.UUID, str],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("dueListDialog")
        self.setWindowTitle(self.tr("Overdue and due within 7 days"))
        self._actions = actions
        overdue = sum(1 for i in items if i.days_left < 0)
        summary = self.tr("%1 overdue, %2 due within 7 days.")
        self.summary = QLabel(summary.replace("%1", str(overdue)).replace("%2", str(len(items) - overdue)), self)
        self.summary.setObjectName("dueSummary")
        self.table = QTableWidget(len(items), len(HEADERS), self)
        self.table.setObjectName("dueTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("DueListDialog", h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        grades = {g.value: text for g, text in labels.grades()}
        for row, item in enumerate(items):
            texts = (
                item.number,
                " ".join(item.description.split())[:80],
                grades.get(item.grade, item.grade),
                format_date(item.deadline),
                str(item.days_left) + (" *" if item.extension_pending else ""),
                names.get(item.responsible_department_id, "") if item.responsible_department_id else "",
                names.get(item.responsible_person_id, "") if item.responsible_person_id else "",
            )
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setData(IdRole, str(item.hazard_id))
                if item.days_left < 0 and column in (3, 4):
                    cell.setForeground(_RED)
                if column == 4:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)  # long department names: no sprawl
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self.show_selected)
        note = QLabel(self.tr("* an extension has been asked for"), self)
        note.setStyleSheet("color: #757575;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.show_button = QPushButton(self.tr("Show in register"), self)
        self.show_button.setObjectName("showInRegister")
        self.show_button.clicked.connect(self.show_selected)
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.filters = QDialogButtonBox(self)  # a row of its own: four buttons in one row made the window wide
        self.filter_buttons: dict[str, QPushButton] = {}
        for key, text in (
            (OVERDUE, self.tr("Filter register: overdue")),
            (DUE_SOON, self.tr("Filter register: due soon")),
            (MY_ACCEPTANCE, self.tr("Filter register: my acceptances")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"filter_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.filter_register(k))
            self.filters.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            self.filter_buttons[key] = button
        self.filter_buttons[MY_ACCEPTANCE].setEnabled(actions.operator is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.filters)
        layout.addWidget(self.buttons)
        screen_fit.fit_on_show(self, (620, 360), remember="dueListDialog")

    def selected_id(self) -> uuid.UUID | None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        return uuid.UUID(cell.data(IdRole)) if cell is not None else None

    def show_selected(self) -> None:
        """Select the hazard in the register, open the detail pane on it, and get out of the way."""
        hazard_id = self.selected_id()
        if hazard_id is None:
            return
        window = self._actions.window
        if not window.action_details.isChecked():
            window.action_details.trigger()  # the detail pane was hidden: show it
        window.select_hazard(hazard_id)
        self.close()

    def filter_register(self, key: str) -> None:
        self._actions.window.filter_bar.show_deadline(key)

    @classmethod
    def open_for(cls, actions: RectificationActions) -> QDialog:
        from hazard_desktop.services import rectification

        try:
            items = rectification.due_list(actions.context.uow(), actions.today())
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            messages.show_error(actions.window, exc)
            items = []
        dialog = cls(actions, items, actions.names(), actions.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

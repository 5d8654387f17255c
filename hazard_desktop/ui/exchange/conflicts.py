"""The conflict window: a record changed on both sides since the last exchange, both versions side by side,
field by field; the user ticks, per field, the version to keep (this computer's or the file's).

Open conflicts are listed on the left (hazard number, kind, where the other version came from); the right
shows only the fields that differ. "Keep these choices" calls ``resolve_conflict`` (one transaction): the
record takes the chosen values, the conflict closes and the hazard loses its mark when it has no other.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.exchange import Side
from hazard_desktop.ui.exchange import common
from hazard_desktop.ui.widgets import screen_fit

if TYPE_CHECKING:
    from hazard_desktop.services.context import AppContext
    from hazard_desktop.services.exchange import RecordConflict

COL_FIELD, COL_LOCAL, COL_INCOMING = range(3)
CODED_FIELDS = frozenset({"status", "grade", "category_code", "subcategory_code"})  # and every ``…_id``
_CHOSEN = QBrush(QColor("#E8F5E9"))


def value_names(context: AppContext) -> dict[str, str]:
    """What a stored value means to a person: department and person ids → names, status and grade values →
    their labels, category codes → "code name" (other values show as they are)."""
    from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
    from hazard_desktop.domain.reference import namesake_numbers
    from hazard_desktop.services.reference_queries import load_reference
    from hazard_desktop.ui import labels
    from hazard_desktop.ui.formatting import numbered_name

    names: dict[str, str] = {s.value: labels.status_label(s) for s in HazardStatus}
    names |= {g.value: labels.grade_label(g) for g in HazardGrade}
    try:
        reference = load_reference(context.uow(), include_inactive=True)
    except Exception:  # noqa: BLE001 (names are a help: without them the values show as stored)
        return names
    names |= {str(d.id): d.name for d in reference.departments}
    numbers = namesake_numbers(reference.people)  # a namesake of their department: with the 工号
    names |= {str(p.id): numbered_name(p.name, numbers.get(p.id)) for p in reference.people}
    for category in reference.categories:
        names[category.code] = labels.category_label(category)
        names |= {sub.code: labels.category_label(sub) for sub in category.subcategories}
    return names


class ConflictsDialog(QDialog):
    """Resolve the open exchange conflicts one record at a time.

    Signals:
        resolved(object): a conflict was resolved (its id); the register should re-read.
    """

    resolved = Signal(object)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, hazard_id: uuid.UUID | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.open_conflicts: list[RecordConflict] = []
        self.choices: dict[str, Side] = {}
        self.names = value_names(context)
        self.setWindowTitle(self.tr("Exchange conflicts"))
        screen_fit.fit_on_show(self, (900, 520), remember="exchange-conflicts")

        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.currentRowChanged.connect(self._show)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("conflictFields")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self._set_headers(None)  # real headers from the start: an empty window showed Qt's "1 2 3" (trial u6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LOCAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_INCOMING, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._ticked)
        header.sectionResized.connect(self._fit_rows)
        self.all_local = QPushButton(self.tr("All from this computer"), self)
        self.all_incoming = QPushButton(self.tr("All from the file"), self)
        self.resolve_button = QPushButton(self.tr("Keep these choices"), self)
        self.resolve_button.setObjectName("resolveConflict")
        self.all_local.clicked.connect(lambda: self.choose_all(Side.LOCAL))
        self.all_incoming.clicked.connect(lambda: self.choose_all(Side.INCOMING))
        self.resolve_button.clicked.connect(self.resolve)
        actions = QHBoxLayout()
        actions.addWidget(self.all_local)
        actions.addWidget(self.all_incoming)
        actions.addStretch(1)
        actions.addWidget(self.resolve_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.reload(hazard_id)

    # ------------------------------------------------------------------ reading

    def reload(self, hazard_id: uuid.UUID | None = None) -> None:
        """Read the open conflicts; show the first of ``hazard_id`` (or the first of all)."""
        from hazard_desktop.services import exchange

        ports = common.ports(self.context)
        try:
            found = exchange.conflicts(ports[0]) if ports is not None else []
        except Exception as exc:  # noqa: BLE001 (a sentence, never a traceback)
            found = []
            self.message.setText(common.error_text(exc))
        self.show_conflicts(found, hazard_id)

    def show_conflicts(self, found: list[RecordConflict], hazard_id: uuid.UUID | None = None) -> None:
        """List ``found``; show the first of ``hazard_id`` (or the first of all)."""
        self.open_conflicts = list(found)
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.open_conflicts:
            text = self.tr("%1 · %2\nfrom %3").replace("%1", conflict.hazard_number or "-")
            text = text.replace("%2", common.kind_name(conflict.kind)).replace("%3", conflict.sender)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(conflict.id))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = 0
        if hazard_id is not None:
            row = next((i for i, c in enumerate(self.open_conflicts) if c.hazard_id == hazard_id), 0)
        if self.open_conflicts:
            self.list.setCurrentRow(row)
            self._show(row)
        else:
            self._show(-1)

    def _set_headers(self, sender: str | None) -> None:
        """The field table's headers; ``sender``: the other computer's code (None: no conflict shown)."""
        incoming = self.tr("From %1").replace("%1", sender) if sender else self.tr("From the file")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("This computer"), incoming])

    def _fit_rows(self, *_args: object) -> None:
        self.table.resizeRowsToContents()  # wrapped long values take the height they need, no more

    def current(self) -> RecordConflict | None:
        """The conflict shown."""
        row = self.list.currentRow()
        return self.open_conflicts[row] if 0 <= row < len(self.open_conflicts) else None

    def _show(self, row: int) -> None:
        conflict = self.open_conflicts[row] if 0 <= row < len(self.open_conflicts) else None
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.choices = {}
        for widget in (self.all_local, self.all_incoming, self.resolve_button):
            widget.setEnabled(conflict is not None)
        if conflict is None:
            self.heading.setText(self.tr("No open conflicts: every exchanged record agrees."))
            self._set_headers(None)
            self.table.blockSignals(False)
            return
        heading = self.tr(
            "%1 %2 was changed on this computer and on %3 since their last exchange (received %4). Tick, for "
            "each field, the version to keep."
        )
        heading = heading.replace("%1", common.kind_name(conflict.kind)).replace("%2", conflict.hazard_number or "")
        heading = heading.replace("%3", conflict.sender).replace("%4", common.when_text(conflict.received_at))
        self.heading.setText(heading)
        self._set_headers(conflict.sender)
        self.table.setRowCount(len(conflict.fields))
        bold = QFont(self.font())
        bold.setBold(True)
        for row_index, diff in enumerate(conflict.fields):
            name = QTableWidgetItem(common.field_name(diff.name))
            name.setFont(bold)
            name.setData(Qt.ItemDataRole.UserRole, diff.name)
            self.table.setItem(row_index, COL_FIELD, name)
            shown = ((COL_LOCAL, diff.local, diff.local_text), (COL_INCOMING, diff.incoming, diff.incoming_text))
            for column, value, stored_text in shown:
                coded = diff.name.endswith("_id") or diff.name in CODED_FIELDS
                text = self.names.get(str(value)) if coded and value is not None else None
                if value is not None and not text:
                    text = stored_text  # the store's display text (a retired person's name too)
                item = QTableWidgetItem(text or common.value_text(value))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setToolTip(item.text())
                self.table.setItem(row_index, column, item)
        self.table.blockSignals(False)
        self.choose_all(Side.LOCAL)  # the safe start: nothing changes here unless the user ticks the file's
        self.table.resizeRowsToContents()

    # ------------------------------------------------------------------ choosing

    def set_choice(self, field: str, side: Side) -> None:
        """Keep ``side``'s value of ``field`` (the tick boxes call this)."""
        self.choices[field] = side
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_FIELD).data(Qt.ItemDataRole.UserRole) != field:
                continue
            for column, column_side in ((COL_LOCAL, Side.LOCAL), (COL_INCOMING, Side.INCOMING)):
                item = self.table.item(row, column)
                chosen = column_side is side
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
                item.setBackground(_CHOSEN if chosen else QBrush())
        self.table.blockSignals(False)

    def choose_all(self, side: Side) -> None:
        """Keep every field's value of ``side``."""
        conflict = self.current()
        if conflict is None:
            return
        for diff in conflict.fields:
            self.set_choice(diff.name, side)

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() not in (COL_LOCAL, COL_INCOMING):
            return
        field = self.table.item(item.row(), COL_FIELD).data(Qt.ItemDataRole.UserRole)
        side = Side.LOCAL if item.column() == COL_LOCAL else Side.INCOMING
        if item.checkState() != Qt.CheckState.Checked:  # unticking one ticks the other
            side = Side.INCOMING if side is Side.LOCAL else Side.LOCAL
        self.set_choice(str(field), side)

    def click_cell(self, field: str, side: Side) -> None:
        """Tick ``side``'s box of ``field`` as a click would (tests)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_FIELD).data(Qt.ItemDataRole.UserRole) == field:
                column = COL_LOCAL if side is Side.LOCAL else COL_INCOMING
                self.table.item(row, column).setCheckState(Qt.CheckState.Checked)

    # ------------------------------------------------------------------ resolving

    def resolve(self) -> bool:
        """Store the choices of the conflict shown (one transaction); True if it was resolved."""
        from hazard_desktop.services import exchange

        conflict, ports = self.current(), common.ports(self.context)
        if conflict is None or ports is None:
            return False
        choices: dict[str, Any] = dict(self.choices)
        try:
            exchange.resolve_conflict(ports[0], conflict.id, choices)
        except Exception as exc:  # noqa: BLE001 (a sentence; nothing was written)
            self.message.setStyleSheet("QLabel { color: #B71C1C; }")
            self.message.setText(common.error_text(exc))
            return False
        self.message.setStyleSheet("QLabel { color: #1B5E20; }")
        self.message.setText(
            self.tr("Resolved: %1 keeps the chosen values.").replace("%1", conflict.hazard_number or "-")
        )
        self.resolved.emit(conflict.id)
        self.reload()
        return True

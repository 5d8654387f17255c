"""Tab 分级阈值 D.4: versioned threshold sets; a change is a new set with its own effective-from date.

Stored sets are never edited. "New version…" copies the set in force today into
:class:`ThresholdSetEditor`, where limits, names, actions, colours, the limit rule and the
effective-from date can be changed; saving stores a new set, so gradings already made keep theirs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.lec import Band, EdgeRule, ThresholdSet, format_decimal, threshold_set_in_force, to_decimal
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.settings_pages.common import (
    ALIGNMENT_ROLE,
    BOLD_FONT,
    DECORATION_ROLE,
    DISPLAY_ROLE,
    EDIT_ROLE,
    FONT_ROLE,
    FOREGROUND_ROLE,
    INACTIVE_BRUSH,
    RIGHT_ALIGN,
    TOOLTIP_ROLE,
    MessageLine,
    RowsTableModel,
    configure_table,
    date_text,
    edge_rule_label,
    fit_columns,
    limit_text,
    local_time_text,
    range_text,
    run_action,
)
from hazard_desktop.ui.widgets import screen_fit

AnyIndex = QModelIndex | QPersistentModelIndex

# threshold sets
COL_SET_NAME = 0
COL_SET_EFFECTIVE = 1
COL_SET_STATUS = 2
COL_SET_EDGE_RULE = 3
COL_SET_CREATED = 4

# bands (shown and edited)
COL_BAND_RANK = 0
COL_BAND_COLOUR = 1
COL_BAND_NAME_ZH = 2
COL_BAND_NAME_EN = 3
COL_BAND_ACTION_ZH = 4
COL_BAND_ACTION_EN = 5
COL_BAND_LOWER = 6
COL_BAND_UPPER = 7
COL_BAND_RANGE = 8

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_TEXT_FIELDS = {
    COL_BAND_NAME_ZH: "name_zh",
    COL_BAND_NAME_EN: "name_en",
    COL_BAND_ACTION_ZH: "action_zh",
    COL_BAND_ACTION_EN: "action_en",
}


class SetStatus:
    """Where a set stands relative to today."""

    IN_FORCE = "in_force"
    SCHEDULED = "scheduled"
    SUPERSEDED = "superseded"


def set_status(threshold_set: ThresholdSet, in_force_id: Any, today: date) -> str:
    """In force today, scheduled (effective later) or superseded."""
    if threshold_set.id == in_force_id:
        return SetStatus.IN_FORCE
    if threshold_set.effective_from > today:
        return SetStatus.SCHEDULED
    return SetStatus.SUPERSEDED


class ThresholdSetTableModel(RowsTableModel):
    """Every stored threshold set with its status today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._in_force_id: Any = None
        self._today = date.today()

    def set_sets(self, sets: Sequence[ThresholdSet], today: date) -> None:
        """Show ``sets``, newest effective date first, marking the one in force on ``today``."""
        try:
            self._in_force_id = threshold_set_in_force(sets, today).id
        except ValidationError:
            self._in_force_id = None
        self._today = today
        self.set_rows(sorted(sets, key=lambda s: (s.effective_from, s.created_at), reverse=True))

    def in_force_id(self) -> Any:
        """Id of the set in force today (None if none is)."""
        return self._in_force_id

    def headers(self) -> Sequence[str]:
        return [self.tr("Name"), self.tr("Effective from"), self.tr("Status"), self.tr("Limit rule"), self.tr("Saved")]

    def status_text(self, status: str) -> str:
        """Translated status."""
        if status == SetStatus.IN_FORCE:
            return self.tr("In force")
        if status == SetStatus.SCHEDULED:
            return self.tr("Scheduled")
        return self.tr("Superseded")

    def cell(self, row: ThresholdSet, column: int, role: int) -> Any:
        status = set_status(row, self._in_force_id, self._today)
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            if column == COL_SET_NAME:
                return row.name
            if column == COL_SET_EFFECTIVE:
                return date_text(row.effective_from)
            if column == COL_SET_STATUS:
                return self.status_text(status)
            if column == COL_SET_EDGE_RULE:
                return edge_rule_label(row.edge_rule)
            if column == COL_SET_CREATED:
                return local_time_text(row.created_at)
        if role == FONT_ROLE and status == SetStatus.IN_FORCE:
            return BOLD_FONT
        if role == FOREGROUND_ROLE and status == SetStatus.SUPERSEDED:
            return INACTIVE_BRUSH
        return None


class BandTableModel(RowsTableModel):
    """The bands of one set, most dangerous first (read-only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rule = EdgeRule.UPPER_INCLUSIVE

    def row_id(self, row: Any) -> Any:
        return row.code

    def set_bands(self, bands: Sequence[Band], rule: EdgeRule) -> None:
        """Show ``bands`` read against ``rule``."""
        self._rule = rule
        self.set_rows(sorted(bands, key=lambda b: b.rank))

    def edge_rule(self) -> EdgeRule:
        """The limit rule the D ranges are shown with."""
        return self._rule

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Rank"),
            self.tr("Colour"),
            self.tr("Name (Chinese)"),
            self.tr("Name (English)"),
            self.tr("Action (Chinese)"),
            self.tr("Action (English)"),
            self.tr("Lower limit"),
            self.tr("Upper limit"),
            self.tr("D range"),
        ]

    def cell(self, row: Band, column: int, role: int) -> Any:
        if role in (DISPLAY_ROLE, EDIT_ROLE, TOOLTIP_ROLE):
            if column == COL_BAND_RANK:
                return str(row.rank)
            if column == COL_BAND_COLOUR:
                return row.colour
            if column in _TEXT_FIELDS:
                return getattr(row, _TEXT_FIELDS[column])
            if column == COL_BAND_LOWER:
                return limit_text(row.lower) if role != EDIT_ROLE else _edit_limit(row.lower)
            if column == COL_BAND_UPPER:
                return limit_text(row.upper) if role != EDIT_ROLE else _edit_limit(row.upper)
            if column == COL_BAND_RANGE:
                return range_text(row, self._rule)
        if role == DECORATION_ROLE and column == COL_BAND_COLOUR:
            return QColor(row.colour) if _COLOUR.fullmatch(row.colour) else None
        if role == ALIGNMENT_ROLE and column in (COL_BAND_RANK, COL_BAND_LOWER, COL_BAND_UPPER):
            return RIGHT_ALIGN
        return None


def _edit_limit(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value)


class BandEditModel(BandTableModel):
    """The bands of a new set, editable: names, actions, colours and the inner limits.

    Neighbouring limits stay joined: changing the lower limit of a band also changes the upper limit
    of the next less dangerous band, and the other way round. The open ends (no upper limit for the
    most dangerous band, no lower limit for the least dangerous one) cannot be edited.
    """

    def set_edge_rule(self, rule: EdgeRule) -> None:
        """Read the ranges against ``rule``."""
        self._rule = rule
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_BAND_RANGE), self.index(len(self._rows) - 1, COL_BAND_RANGE), [DISPLAY_ROLE]
            )

    def bands(self) -> tuple[Band, ...]:
        """The edited bands."""
        return self._rows

    def _limit_editable(self, row: int, column: int) -> bool:
        band = self._rows[row]
        if column == COL_BAND_LOWER:
            return band.lower is not None and row + 1 < len(self._rows)
        return band.upper is not None and row > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        column = index.column()
        editable = column in _TEXT_FIELDS or column == COL_BAND_COLOUR
        if column in (COL_BAND_LOWER, COL_BAND_UPPER):
            editable = self._limit_editable(index.row(), column)
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT_ROLE) -> bool:
        if not index.isValid() or role != EDIT_ROLE or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, column = index.row(), index.column()
        band = self._rows[row]
        text = "" if value is None else str(value).strip()
        if column in _TEXT_FIELDS:
            self._replace(row, dataclasses.replace(band, **{_TEXT_FIELDS[column]: str(value or "")}))
            self.dataChanged.emit(index, index, [DISPLAY_ROLE, EDIT_ROLE])
            return True
        if column == COL_BAND_COLOUR:
            if not _COLOUR.fullmatch(text):
                return False
            self._replace(row, dataclasses.replace(band, colour=text.upper()))
            self.dataChanged.emit(index, index, [DISPLAY_ROLE, EDIT_ROLE, DECORATION_ROLE])
            return True
        try:
            number = to_decimal(text)
        except ValidationError:
            return False
        if number < 0:
            return False
        if column == COL_BAND_LOWER:  # joined with the upper limit of the next, less dangerous band
            self._replace(row, dataclasses.replace(band, lower=number))
            self._replace(row + 1, dataclasses.replace(self._rows[row + 1], upper=number))
            first, last = row, row + 1
        else:  # joined with the lower limit of the previous, more dangerous band
            self._replace(row, dataclasses.replace(band, upper=number))
            self._replace(row - 1, dataclasses.replace(self._rows[row - 1], lower=number))
            first, last = row - 1, row
        self.dataChanged.emit(self.index(first, COL_BAND_LOWER), self.index(last, COL_BAND_RANGE))
        return True

    def _replace(self, row: int, band: Band) -> None:
        rows = list(self._rows)
        rows[row] = band
        self._rows = tuple(rows)


class ThresholdSetEditor(QDialog):
    """Make a new version of table D.4 from a copy of ``base``; :attr:`result_set` is what was stored."""

    def __init__(self, context: AppContext, base: ThresholdSet, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.base = base
        self.result_set: ThresholdSet | None = None
        self.setWindowTitle(self.tr("New version of the grading thresholds (D.4)"))
        screen_fit.fit_on_show(self, (1040, 560), remember="thresholdEditor")

        intro = QLabel(
            self.tr(
                "Based on “%1” (effective from %2). Saving stores a new set; the stored sets, and the "
                "gradings made with them, stay as they are."
            )
            .replace("%1", base.name)
            .replace("%2", date_text(base.effective_from)),
            self,
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(reference_admin.THRESHOLD_SET_NAME_MAX)
        self.name_edit.setText(f"{base.name} — {today.isoformat()}"[: reference_admin.THRESHOLD_SET_NAME_MAX])
        self.effective_edit = QDateEdit(self)
        self.effective_edit.setCalendarPopup(True)
        self.effective_edit.setDisplayFormat("yyyy-MM-dd")
        self.effective_edit.setDate(QDate(today.year, today.month, today.day))
        self.edge_rule_combo = QComboBox(self)
        for rule in EdgeRule:
            self.edge_rule_combo.addItem(edge_rule_label(rule), rule.value)
        self.edge_rule_combo.setCurrentIndex(self.edge_rule_combo.findData(base.edge_rule.value))

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Effective from"), self.effective_edit)
        form.addRow(self.tr("Limit rule"), self.edge_rule_combo)

        self.bands_model = BandEditModel(self)
        self.bands_model.set_bands(base.bands, base.edge_rule)
        self.bands_view = QTableView(self)
        self.bands_view.setModel(self.bands_model)
        configure_table(self.bands_view, stretch_column=COL_BAND_ACTION_EN)
        self.bands_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        fit_columns(self.bands_view)
        self.bands_view.horizontalHeader().setSectionResizeMode(COL_BAND_RANGE, QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel(
            self.tr(
                "Double-click a cell to change it. Limits of neighbouring bands move together. "
                "Colours are written as #RRGGBB or chosen with “Colour…”."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.colour_button = QPushButton(self.tr("Colour…"), self)
        self.message = MessageLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(self.tr("Save as new set"), QDialogButtonBox.ButtonRole.AcceptRole)

        tools = QHBoxLayout()
        tools.addWidget(hint, 1)
        tools.addWidget(self.colour_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.bands_view, 1)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.edge_rule_combo.currentIndexChanged.connect(self._on_edge_rule)
        self.colour_button.clicked.connect(self._choose_colour)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, base: ThresholdSet, today: date) -> ThresholdSet | None:
        """Show the editor; return the stored new set, or None if cancelled."""
        dialog = cls(context, base, today, parent)
        try:
            dialog.exec()
            return dialog.result_set
        finally:
            dialog.deleteLater()

    def edge_rule(self) -> EdgeRule:
        """The chosen limit rule."""
        return EdgeRule(self.edge_rule_combo.currentData())

    def effective_from(self) -> date:
        """The chosen effective-from date."""
        return self.effective_edit.date().toPython()

    def _on_edge_rule(self) -> None:
        self.bands_model.set_edge_rule(self.edge_rule())

    def _choose_colour(self) -> None:
        index = self.bands_view.currentIndex()
        band = self.bands_model.row_at(index.row()) if index.isValid() else None
        if band is None:
            self.message.show_error(self.tr("Select a band first."))
            return
        colour = QColorDialog.getColor(QColor(band.colour), self, self.tr("Colour of “%1”").replace("%1", band.name_zh))
        if colour.isValid():
            self.bands_model.setData(self.bands_model.index(index.row(), COL_BAND_COLOUR), colour.name())

    def accept(self) -> None:
        """Store the new set; stay open and say why if it is refused."""
        self.message.clear_message()
        stored = run_action(
            self.message,
            lambda: reference_admin.new_threshold_set(
                self.context.uow(),
                self.name_edit.text(),
                self.effective_from(),
                self.edge_rule(),
                self.bands_model.bands(),
            ),
        )
        if stored is None:
            return
        self.result_set = stored
        super().accept()


class ThresholdsPage(QWidget):
    """Threshold sets (top) and the bands of the selected set (bottom)."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today or date.today()
        self.stale = True

        intro = QLabel(
            self.tr(
                "Table D.4 is kept in versions. A stored set is never changed: “New version…” copies the set "
                "in force, and the copy is stored as a new set from its effective-from date on. Gradings "
                "already made keep the set they were made with."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New version…"), self)
        self.sets_model = ThresholdSetTableModel(self)
        self.sets_view = QTableView(self)
        self.sets_view.setModel(self.sets_model)
        configure_table(self.sets_view, stretch_column=COL_SET_EDGE_RULE)
        self.bands_model = BandTableModel(self)
        self.bands_view = QTableView(self)
        self.bands_view.setModel(self.bands_model)
        configure_table(self.bands_view, stretch_column=COL_BAND_ACTION_EN)
        # The D range column says both limits (and the edge rule): the limit columns are left to the version
        # editor, so the page's bands fit beside the dialog's page list at 1366×768 and 150 % in English.
        for column in (COL_BAND_LOWER, COL_BAND_UPPER):
            self.bands_view.setColumnHidden(column, True)
        self.bands_title = QLabel(self)
        self.bands_title.setWordWrap(True)  # a long set title wraps: the page fits beside the dialog's page list
        self.message = MessageLine(self)

        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.bands_title)
        lower_layout.addWidget(self.bands_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sets_view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        self.sets_view.selectionModel().currentRowChanged.connect(self._on_set)
        self.new_button.clicked.connect(self.new_version)
        self.reload()

    def reload(self, select_id: Any = None) -> None:
        """Read the sets again; select ``select_id`` (default: the set in force)."""
        sets = reference_admin.list_threshold_sets(self.context.uow())
        self.sets_model.set_sets(sets, self.today)
        fit_columns(self.sets_view)
        self.stale = False
        row = self.sets_model.find(select_id if select_id is not None else self.sets_model.in_force_id())
        if row < 0 and self.sets_model.rowCount():
            row = 0
        if row >= 0:
            self.sets_view.selectRow(row)
        else:
            self.bands_model.set_bands((), EdgeRule.UPPER_INCLUSIVE)
        self.new_button.setEnabled(self.base_set() is not None)

    def selected_set(self) -> ThresholdSet | None:
        """The set whose bands are shown."""
        index = self.sets_view.currentIndex()
        return self.sets_model.row_at(index.row()) if index.isValid() else None

    def base_set(self) -> ThresholdSet | None:
        """The set a new version starts from: the one in force today (else the newest)."""
        row = self.sets_model.find(self.sets_model.in_force_id())
        return self.sets_model.row_at(row if row >= 0 else 0)

    def _on_set(self, current: QModelIndex, previous: QModelIndex) -> None:
        threshold_set = self.sets_model.row_at(current.row()) if current.isValid() else None
        if threshold_set is None:
            return
        self.bands_model.set_bands(threshold_set.bands, threshold_set.edge_rule)
        fit_columns(self.bands_view)
        self.bands_title.setText(
            self.tr("Bands of “%1” (%2)")
            .replace("%1", threshold_set.name)
            .replace("%2", edge_rule_label(threshold_set.edge_rule))
        )

    def new_version(self) -> ThresholdSet | None:
        """Open the editor on a copy of the set in force; reload and select the new set if one was stored."""
        base = self.base_set()
        if base is None:
            return None
        self.message.clear_message()
        stored = ThresholdSetEditor.ask(self, self.context, base, self.today)
        if stored is None:
            return None
        self.reload(select_id=stored.id)
        self.message.show_info(
            self.tr("New threshold set “%1” stored; in force from %2.")
            .replace("%1", stored.name)
            .replace("%2", date_text(stored.effective_from))
        )
        self.changed.emit()
        return stored

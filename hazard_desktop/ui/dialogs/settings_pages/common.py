"""Pieces shared by the tabs of the settings dialog: labels, table set-up, a message line, the editor page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.criteria import CriteriaSource
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.lec import Band, EdgeRule, Factor, format_decimal
from hazard_desktop.domain.reference import DepartmentKind, Role
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.models.rows import RowsTableModel

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex

# Roles as plain ints: compared in every data() call (cheaper than enum attribute look-ups).
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
EDIT_ROLE = int(Qt.ItemDataRole.EditRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
DECORATION_ROLE = int(Qt.ItemDataRole.DecorationRole)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
FONT_ROLE = int(Qt.ItemDataRole.FontRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
USER_ROLE = int(Qt.ItemDataRole.UserRole)
# The pages' row models derive from ui.models.rows.RowsTableModel, the program's one table base (its
# ID_ROLE returns the record id, or code, of a row: for selection and tests).

INACTIVE_BRUSH = QBrush(QColor("#8A8A8A"))
RIGHT_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_BOLD = QFont()
_BOLD.setBold(True)
BOLD_FONT = _BOLD


# ---------------------------------------------------------------- labels of domain enums


def department_kind_label(kind: DepartmentKind) -> str:
    """Translated name of a department kind."""
    labels = {
        DepartmentKind.SAFETY: QCoreApplication.translate("SettingsLabels", "Safety and environment"),
        DepartmentKind.PRODUCTION: QCoreApplication.translate("SettingsLabels", "Production management"),
        DepartmentKind.UNION: QCoreApplication.translate("SettingsLabels", "Trade union"),
        DepartmentKind.BUSINESS: QCoreApplication.translate("SettingsLabels", "Business division"),
        DepartmentKind.WORKSHOP: QCoreApplication.translate("SettingsLabels", "Workshop / production unit"),
        DepartmentKind.OTHER: QCoreApplication.translate("SettingsLabels", "Other department"),
    }
    return labels[kind]


def role_label(role: Role) -> str:
    """Translated name of a role."""
    labels = {
        Role.INSPECTOR: QCoreApplication.translate("SettingsLabels", "Inspector"),
        Role.PANEL_MEMBER: QCoreApplication.translate("SettingsLabels", "Grading panel member"),
        Role.PANEL_LEADER: QCoreApplication.translate("SettingsLabels", "Grading panel leader"),
        Role.DISPUTE_LEADER: QCoreApplication.translate("SettingsLabels", "Dispute panel leader"),
        Role.DISPUTE_DEPUTY: QCoreApplication.translate("SettingsLabels", "Dispute panel deputy leader"),
        Role.SAFETY_OFFICER: QCoreApplication.translate("SettingsLabels", "Safety officer"),
    }
    return labels[role]


def factor_label(factor: Factor) -> str:
    """Translated name of an LEC factor with its table number."""
    labels = {
        Factor.L: QCoreApplication.translate("SettingsLabels", "L — likelihood of an accident (D.1)"),
        Factor.E: QCoreApplication.translate("SettingsLabels", "E — frequency of exposure (D.2)"),
        Factor.C: QCoreApplication.translate("SettingsLabels", "C — consequences (D.3)"),
    }
    return labels[factor]


def factor_short_label(factor: Factor) -> str:
    """Short name of an LEC factor with its table number, e.g. ``L (D.1)``."""
    tables = {Factor.L: "D.1", Factor.E: "D.2", Factor.C: "D.3"}
    return f"{factor.value} ({tables[factor]})"


def edge_rule_label(rule: EdgeRule) -> str:
    """Translated description of a limit rule."""
    labels = {
        EdgeRule.UPPER_INCLUSIVE: QCoreApplication.translate(
            "SettingsLabels", "lower < D ≤ upper (a D on a limit belongs to the less dangerous band)"
        ),
        EdgeRule.LOWER_INCLUSIVE: QCoreApplication.translate(
            "SettingsLabels", "lower ≤ D < upper (a D on a limit belongs to the more dangerous band)"
        ),
    }
    return labels[rule]


def source_label(source: CriteriaSource) -> str:
    """Translated name of the source of a major-hazard criterion."""
    labels = {
        CriteriaSource.COMPANY: QCoreApplication.translate("SettingsLabels", "Company standard"),
        CriteriaSource.NATIONAL_121: QCoreApplication.translate("SettingsLabels", "SAWS [2017] No. 121"),
        CriteriaSource.OTHER: QCoreApplication.translate("SettingsLabels", "Other source"),
    }
    return labels[source]


def list_separator() -> str:
    """What separates the items of a list in running text (", " in English, "、" in Chinese)."""
    return QCoreApplication.translate("SettingsLabels", ", ", "separator between the items of a list")


def active_label(active: bool) -> str:
    """ "Active" or "Inactive", translated."""
    if active:
        return QCoreApplication.translate("SettingsLabels", "Active")
    return QCoreApplication.translate("SettingsLabels", "Inactive")


def limit_text(value: Decimal | None) -> str:
    """A band limit for display ("—" for an open end)."""
    return "—" if value is None else format_decimal(value)


def range_text(band: Band, rule: EdgeRule) -> str:
    """The D range a band covers under ``rule``, e.g. ``160 < D ≤ 320``."""
    low_op, high_op = ("<", "≤") if rule is EdgeRule.UPPER_INCLUSIVE else ("≤", "<")
    if band.lower is None and band.upper is None:
        return "D"
    if band.lower is None:
        return f"D {high_op} {limit_text(band.upper)}"
    if band.upper is None:
        return f"D {'>' if low_op == '<' else '≥'} {limit_text(band.lower)}"
    return f"{limit_text(band.lower)} {low_op} D {high_op} {limit_text(band.upper)}"


def local_time_text(moment: datetime | None) -> str:
    """An aware UTC time as local ``yyyy-mm-dd hh:mm`` (empty for None)."""
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def date_text(day: date) -> str:
    """A date as ISO text (the same in both languages)."""
    return day.isoformat()


# ---------------------------------------------------------------- models


def configure_table(view: QTableView, *, stretch_column: int | None = None) -> None:
    """Row selection, no row numbers, alternating colours, last (or given) column stretched."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setMinimumSectionSize(48)
    if stretch_column is None:
        header.setStretchLastSection(True)
    else:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


def fit_columns(view: QTableView, *, maximum: int = 320) -> None:
    """Size each non-stretched column to its contents, capped at ``maximum`` pixels."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        view.resizeColumnToContents(column)
        if header.sectionSize(column) > maximum:
            header.resizeSection(column, maximum)


# ---------------------------------------------------------------- messages


class MessageLine(QLabel):
    """One line under a form: an error in red or a confirmation in green (empty when nothing to say)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.clear_message()

    def show_error(self, text: str) -> None:
        """Show an error."""
        self.kind = "error"
        self.setStyleSheet("QLabel { color: #B71C1C; font-weight: bold; }")
        self.setText(text)

    def show_info(self, text: str) -> None:
        """Show a confirmation."""
        self.kind = "info"
        self.setStyleSheet("QLabel { color: #1B5E20; }")
        self.setText(text)

    def clear_message(self) -> None:
        """Show nothing."""
        self.kind = ""
        self.setText("")


def run_action(message: MessageLine, action: Callable[[], T]) -> T | None:
    """Run a use case; show a refused request (or a storage failure) in ``message`` and return None.

    Storage errors come from the adapters layer, which the UI may not import: they are recognised by
    their string ``code`` attribute. Anything else is a bug and propagates.
    """
    try:
        return action()
    except DomainError as err:
        message.show_error(messages.error_text(err, "settings"))
    except Exception as err:
        if not isinstance(getattr(err, "code", None), str):
            raise
        message.show_error(messages.error_text(err, "settings"))
    return None


# ---------------------------------------------------------------- the master/detail page


class SettingsEditorPage(QWidget):
    """A list on the left and a form on the right; saving goes through a use case.

    Subclasses build the model (:attr:`model`), the form fields (:meth:`build_form`), and implement
    :meth:`load_rows`, :meth:`fill_form`, :meth:`clear_form` and :meth:`save_form`.
    """

    changed = Signal()
    """Emitted after something was stored."""

    can_add = True

    def __init__(self, context: AppContext, model: RowsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = model
        self.model.setParent(self)
        self.current_id: Any = None
        self.stale = True

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.top_bar = QHBoxLayout()
        self.top_bar.setContentsMargins(0, 0, 0, 0)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.top_bar)
        left_layout.addWidget(self.view)

        self.editor = QGroupBox(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = MessageLine(self)
        self.new_button = QPushButton(self.tr("New"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.buttons = QHBoxLayout()
        if self.can_add:
            self.buttons.addWidget(self.new_button)
        else:
            self.new_button.hide()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.save_button)
        # The form scrolls inside the editor; New and Save stay below it, always in view (trial at 150 %: the
        # people form's buttons were reachable only by scrolling the whole dialog).
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(self.form)
        fields_layout.addWidget(self.message)
        fields_layout.addStretch(1)
        self.form_scroll = QScrollArea(self.editor)
        self.form_scroll.setObjectName("settingsFormScroll")
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(fields)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(self.form_scroll, 1)
        editor_layout.addLayout(self.buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.splitter = splitter

        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)

    def finish_setup(self, *, stretch_column: int | None = None) -> None:
        """Call at the end of a subclass ``__init__``: table look, selection hook, first load."""
        configure_table(self.view, stretch_column=stretch_column)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """The form keeps its width (only its height scrolls): known once the page is polished and shown."""
        super().showEvent(event)
        fields = self.form_scroll.widget()
        bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        self.form_scroll.setMinimumWidth(fields.minimumSizeHint().width() + bar)
        self.give_the_list_its_columns()

    def give_the_list_its_columns(self) -> None:
        """Widen the list to show all its columns if the form keeps its minimum width beside it.

        The settings dialog's page list takes ~150 px at 1366×768 and 150 %: the 3:2 split left the list's
        last columns behind a sideways scroll bar while the form had room to spare.
        """
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if len(sizes) != 2 or total <= 0:
            return
        view = self.view
        extent = view.verticalScrollBar().sizeHint().width()
        needed = view.horizontalHeader().length() + 2 * view.frameWidth() + extent
        left = min(needed, total - self.editor.minimumSizeHint().width())  # sizes() leave out the handle
        if left > sizes[0]:
            self.splitter.setSizes([left, total - left])

    # -- to override
    def load_rows(self) -> Sequence[Any]:
        """Read the rows from storage."""
        raise NotImplementedError

    def fill_form(self, row: Any) -> None:
        """Show ``row`` in the form."""
        raise NotImplementedError

    def clear_form(self) -> None:
        """Empty the form for a new record."""
        raise NotImplementedError

    def save_form(self) -> Any:
        """Store the form through a use case; return the stored record (its id is reselected)."""
        raise NotImplementedError

    def saved_text(self, record: Any) -> str:
        """The confirmation shown after a save."""
        return self.tr("Saved.")

    # -- behaviour
    def reload(self) -> None:
        """Read the rows again and keep the current record selected."""
        rows = self.load_rows()
        self.model.set_rows(rows)
        fit_columns(self.view)
        self.stale = False
        row = self.model.find(self.current_id) if self.current_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.view.selectRow(row)
            self.fill_form(self.model.row_at(row))
        else:
            self.start_new()

    def select_id(self, key: Any) -> bool:
        """Select the row of record ``key`` (and show it in the form)."""
        row = self.model.find(key)
        if row < 0:
            return False
        self.view.selectRow(row)
        return True

    def start_new(self) -> None:
        """Clear the selection and the form for a new record."""
        self.current_id = None
        self.view.clearSelection()
        self.view.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        self.message.clear_message()
        self.clear_form()

    def save(self) -> Any:
        """Store the form; on success reload, reselect and confirm; on refusal show why."""
        self.message.clear_message()
        record = run_action(self.message, self.save_form)
        if record is None:
            return None
        self.current_id = self.model.row_id(record)
        self.reload()
        self.message.show_info(self.saved_text(record))
        self.changed.emit()
        return record

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            return
        self.current_id = self.model.row_id(row)
        self.message.clear_message()
        self.fill_form(row)

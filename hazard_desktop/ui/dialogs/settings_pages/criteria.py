"""Tab 重大隐患判定标准: the company's criteria and those of 安监总管三〔2017〕121号, versioned.

Saving a changed criterion stores a new version (version + 1, superseding the old one) and retires the
old version, which stays stored for the gradings that cite it; "Show retired versions" lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion
from hazard_desktop.domain.reference import Category
from hazard_desktop.services import reference_admin, reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import labels
from hazard_desktop.ui.dialogs.settings_pages.common import (
    ALIGNMENT_ROLE,
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    INACTIVE_BRUSH,
    RIGHT_ALIGN,
    TOOLTIP_ROLE,
    RowsTableModel,
    SettingsEditorPage,
    local_time_text,
    run_action,
    source_label,
)
from hazard_desktop.ui.widgets.criteria_coverage import CoverageNote

COL_CODE = 0
COL_SOURCE = 1
COL_CLAUSE = 2
COL_VERSION = 3
COL_STATUS = 4
COL_TEXT = 5


class CriteriaTableModel(RowsTableModel):
    """Criteria (and, when asked, their retired versions)."""

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Code"),
            self.tr("Source"),
            self.tr("Clause"),
            self.tr("Version"),
            self.tr("Status"),
            self.tr("Criterion"),
        ]

    def status_text(self, row: MajorCriterion) -> str:
        """ "In force" or "Retired <date>"."""
        if row.active:
            return self.tr("In force")
        return self.tr("Retired %1").replace("%1", local_time_text(row.retired_at)[:10])

    def cell(self, row: MajorCriterion, column: int, role: int) -> Any:
        if role == DISPLAY_ROLE:
            if column == COL_CODE:
                return row.code
            if column == COL_SOURCE:
                return source_label(row.source)
            if column == COL_CLAUSE:
                return row.clause
            if column == COL_VERSION:
                return str(row.version)
            if column == COL_STATUS:
                return self.status_text(row)
            if column == COL_TEXT:
                return row.text
        if role == TOOLTIP_ROLE and column == COL_TEXT:
            return row.text
        if role == ALIGNMENT_ROLE and column == COL_VERSION:
            return RIGHT_ALIGN
        if role == FOREGROUND_ROLE and not row.active:
            return INACTIVE_BRUSH
        return None


class CriteriaPage(SettingsEditorPage):
    """Search, view, revise (as a new version), add and retire major-hazard criteria."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self._categories: list[Category] = []
        self._current: MajorCriterion | None = None
        super().__init__(context, CriteriaTableModel(), parent)
        self.coverage = CoverageNote(self)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.coverage)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search code, clause or text"))
        self.show_retired = QCheckBox(self.tr("Show retired versions"), self)
        self.top_bar.addWidget(self.search_edit, 1)
        self.top_bar.addWidget(self.show_retired)

        self.code_edit = QLineEdit(self)
        self.code_edit.setMaxLength(reference_admin.CRITERION_CODE_MAX)
        self.source_combo = QComboBox(self)
        for source in CriteriaSource:
            self.source_combo.addItem(source_label(source), source.value)
        self.clause_edit = QLineEdit(self)
        self.clause_edit.setMaxLength(reference_admin.CRITERION_CLAUSE_MAX)
        self.category_combo = QComboBox(self)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setMinimumHeight(120)
        self.version_label = QLabel(self)
        self.version_label.setWordWrap(True)
        self.form.addRow(self.tr("Code"), self.code_edit)
        self.form.addRow(self.tr("Source"), self.source_combo)
        self.form.addRow(self.tr("Clause"), self.clause_edit)
        self.form.addRow(self.tr("Category"), self.category_combo)
        self.form.addRow(self.tr("Criterion"), self.text_edit)
        self.form.addRow(self.version_label)

        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.buttons.insertWidget(1, self.retire_button)

        self.search_edit.textChanged.connect(self.reload)
        self.show_retired.toggled.connect(self.reload)
        self.retire_button.clicked.connect(self.retire)
        self.finish_setup(stretch_column=COL_TEXT)
        self.splitter.setSizes([720, 360])  # the list needs room for the criterion text

    def load_rows(self) -> Sequence[MajorCriterion]:
        self.coverage.set_counts(*reference_queries.criteria_coverage(self.context.uow()))
        self._categories = reference_admin.list_categories(self.context.uow())
        return reference_admin.list_criteria(
            self.context.uow(), include_retired=self.show_retired.isChecked(), text=self.search_edit.text()
        )

    def _fill_categories(self, code: str | None) -> None:
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("— none —"), None)
        for category in self._categories:
            self.category_combo.addItem(f"{category.code} {category.name_zh}", category.code)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(code)) if code else 0)

    def _set_editable(self, editable: bool, *, new: bool) -> None:
        for widget in (self.code_edit, self.clause_edit, self.category_combo):
            widget.setEnabled(editable)
        self.text_edit.setReadOnly(not editable)
        self.source_combo.setEnabled(new)
        self.save_button.setEnabled(editable)
        self.retire_button.setEnabled(editable and not new)
        self.save_button.setText(self.tr("Add criterion") if new else self.tr("Save as new version"))

    def fill_form(self, row: MajorCriterion) -> None:
        self._current = row
        self.editor.setTitle(labels.mnemonic_safe(self.tr("Criterion %1").replace("%1", row.code)))
        self.code_edit.setText(row.code)
        self.source_combo.setCurrentIndex(self.source_combo.findData(row.source.value))
        self.clause_edit.setText(row.clause)
        self._fill_categories(row.category_code)
        self.text_edit.setPlainText(row.text)
        if row.active:
            text = self.tr("Version %1, in force since %2.")
            text = text.replace("%1", str(row.version)).replace("%2", local_time_text(row.created_at))
            text += " " + self.tr("Saving a change stores version %1 and retires this one.").replace(
                "%1", str(row.version + 1)
            )
        else:
            text = self.tr("Version %1, retired %2. It is kept for the gradings that cite it and cannot be changed.")
            text = text.replace("%1", str(row.version)).replace("%2", local_time_text(row.retired_at))
        self.version_label.setText(text)
        self._set_editable(row.active, new=False)

    def clear_form(self) -> None:
        self._current = None
        self.editor.setTitle(self.tr("New criterion"))
        self.code_edit.clear()
        self.source_combo.setCurrentIndex(self.source_combo.findData(CriteriaSource.COMPANY.value))
        self.clause_edit.clear()
        self._fill_categories(None)
        self.text_edit.clear()
        self.version_label.setText(self.tr("A new criterion is stored as version 1."))
        self._set_editable(True, new=True)

    def save_form(self) -> MajorCriterion:
        if self._current is None:
            return reference_admin.add_criterion(
                self.context.uow(),
                self.code_edit.text(),
                self.text_edit.toPlainText(),
                self.source_combo.currentData(),
                self.clause_edit.text(),
                self.category_combo.currentData(),
            )
        return reference_admin.revise_criterion(
            self.context.uow(),
            self._current.id,
            self.text_edit.toPlainText(),
            self.clause_edit.text(),
            code=self.code_edit.text(),
            category_code=self.category_combo.currentData(),
        )

    def saved_text(self, record: MajorCriterion) -> str:
        if record.version == 1:
            return self.tr("Criterion %1 added.").replace("%1", record.code)
        text = self.tr("Criterion %1 saved as version %2; version %3 is retired.")
        return text.replace("%1", record.code).replace("%2", str(record.version)).replace("%3", str(record.version - 1))

    def retire(self) -> MajorCriterion | None:
        """Retire the selected criterion (it stays stored)."""
        current = self._current
        if current is None:
            return None
        self.message.clear_message()
        retired = run_action(self.message, lambda: reference_admin.retire_criterion(self.context.uow(), current.id))
        if retired is None:
            return None
        if not self.show_retired.isChecked():
            self.current_id = None
        self.reload()
        self.message.show_info(self.tr("Criterion %1 retired.").replace("%1", retired.code))
        self.changed.emit()
        return retired

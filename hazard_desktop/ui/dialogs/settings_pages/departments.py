"""Tab 部门: add, rename, change the kind of and deactivate departments (never delete them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from hazard_desktop.domain.reference import Department, DepartmentKind
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import labels
from hazard_desktop.ui.dialogs.settings_pages.common import (
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    INACTIVE_BRUSH,
    TOOLTIP_ROLE,
    RowsTableModel,
    SettingsEditorPage,
    active_label,
    department_kind_label,
)

COL_CODE = 0
COL_NAME = 1
COL_KIND = 2
COL_STATUS = 3


class DepartmentTableModel(RowsTableModel):
    """Departments: code, name, kind, active."""

    def headers(self) -> Sequence[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Kind"), self.tr("Status")]

    def cell(self, row: Department, column: int, role: int) -> Any:
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            if column == COL_CODE:
                return row.code
            if column == COL_NAME:
                return row.name
            if column == COL_KIND:
                return department_kind_label(row.kind)
            if column == COL_STATUS:
                return active_label(row.active)
        if role == FOREGROUND_ROLE and not row.active:
            return INACTIVE_BRUSH
        return None


class DepartmentsPage(SettingsEditorPage):
    """Departments of the plant; hazards and people refer to them, so they are only deactivated."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, DepartmentTableModel(), parent)
        self.editor.setTitle(self.tr("Department"))
        self.show_inactive = QCheckBox(self.tr("Show inactive departments"), self)
        self.show_inactive.setChecked(True)
        self.top_bar.addWidget(self.show_inactive)
        self.top_bar.addStretch(1)

        self.code_edit = QLineEdit(self)
        self.code_edit.setMaxLength(reference_admin.DEPARTMENT_CODE_MAX)
        self.code_edit.setPlaceholderText(self.tr("e.g. HC1"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. 合成一车间"))
        self.kind_combo = QComboBox(self)
        for kind in DepartmentKind:
            self.kind_combo.addItem(department_kind_label(kind), kind.value)
        self.active_check = QCheckBox(self.tr("Active (offered when hazards are registered)"), self)
        hint = QLabel(
            self.tr(
                "Departments are never deleted, because hazards and people refer to them. "
                "Clear “Active” to stop offering a department."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.form.addRow(self.tr("Code"), self.code_edit)
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("Kind"), self.kind_combo)
        self.form.addRow(self.tr("Status"), self.active_check)
        self.form.addRow(hint)

        self.show_inactive.toggled.connect(self.reload)
        self.finish_setup()

    def load_rows(self) -> Sequence[Department]:
        return reference_admin.list_departments(self.context.uow(), include_inactive=self.show_inactive.isChecked())

    def fill_form(self, row: Department) -> None:
        self.editor.setTitle(labels.mnemonic_safe(self.tr("Department %1").replace("%1", row.name)))
        self.code_edit.setText(row.code)
        self.name_edit.setText(row.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(row.kind.value))
        self.active_check.setChecked(row.active)

    def clear_form(self) -> None:
        self.editor.setTitle(self.tr("New department"))
        self.code_edit.clear()
        self.name_edit.clear()
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(DepartmentKind.WORKSHOP.value))
        self.active_check.setChecked(True)

    def save_form(self) -> Department:
        return reference_admin.save_department(
            self.context.uow(),
            self.current_id,
            self.code_edit.text(),
            self.name_edit.text(),
            self.kind_combo.currentData(),
            self.active_check.isChecked(),
        )

    def saved_text(self, record: Department) -> str:
        return self.tr("Department “%1” saved.").replace("%1", record.name)

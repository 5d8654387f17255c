"""Tab 人员: add, edit and deactivate the people who find, grade and rectify hazards."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from hazard_desktop.domain.reference import Department, Person, Role
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.settings_pages.common import (
    DISPLAY_ROLE,
    FOREGROUND_ROLE,
    INACTIVE_BRUSH,
    TOOLTIP_ROLE,
    RowsTableModel,
    SettingsEditorPage,
    active_label,
    list_separator,
    role_label,
)

COL_NAME = 0
COL_EMPLOYEE_NO = 1
COL_DEPARTMENT = 2
COL_ROLES = 3
COL_STATUS = 4


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person with the name of their department, ready to show."""

    person: Person
    department_name: str

    @property
    def id(self) -> uuid.UUID:
        """The person's id."""
        return self.person.id


def _roles_text(roles: frozenset[Role]) -> str:
    return list_separator().join(role_label(r) for r in Role if r in roles)


class PeopleTableModel(RowsTableModel):
    """People: name, employee no., department, roles, active."""

    def headers(self) -> Sequence[str]:
        return [self.tr("Name"), self.tr("Employee no."), self.tr("Department"), self.tr("Roles"), self.tr("Status")]

    def cell(self, row: PersonRow, column: int, role: int) -> Any:
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            person = row.person
            if column == COL_NAME:
                return person.name
            if column == COL_EMPLOYEE_NO:
                return person.employee_no
            if column == COL_DEPARTMENT:
                return row.department_name
            if column == COL_ROLES:
                return _roles_text(person.roles)
            if column == COL_STATUS:
                return active_label(person.active)
        if role == FOREGROUND_ROLE and not row.person.active:
            return INACTIVE_BRUSH
        return None


class PeoplePage(SettingsEditorPage):
    """Staff with their department and what they may do in the grading rule."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self._departments: list[Department] = []
        super().__init__(context, PeopleTableModel(), parent)
        self.editor.setTitle(self.tr("Person"))
        self.show_inactive = QCheckBox(self.tr("Show inactive people"), self)
        self.show_inactive.setChecked(False)
        self.top_bar.addWidget(self.show_inactive)
        self.top_bar.addStretch(1)

        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(reference_admin.PERSON_NAME_MAX)
        self.employee_no_edit = QLineEdit(self)
        self.employee_no_edit.setMaxLength(reference_admin.EMPLOYEE_NO_MAX)
        self.department_combo = QComboBox(self)
        self.department_combo.setMinimumContentsLength(12)
        self.role_checks: dict[Role, QCheckBox] = {}
        roles = QWidget(self)
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, role in enumerate(Role):
            check = QCheckBox(role_label(role), roles)
            self.role_checks[role] = check
            grid.addWidget(check, n, 0)
        self.active_check = QCheckBox(self.tr("Active"), self)
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("Employee no."), self.employee_no_edit)
        self.form.addRow(self.tr("Department"), self.department_combo)
        self.form.addRow(self.tr("Roles"), roles)
        self.form.addRow(self.tr("Status"), self.active_check)

        self.show_inactive.toggled.connect(self.reload)
        self.finish_setup()

    def load_rows(self) -> Sequence[PersonRow]:
        self._departments = reference_admin.list_departments(self.context.uow(), include_inactive=True)
        names = {d.id: d.name for d in self._departments}
        people = reference_admin.list_people(self.context.uow(), include_inactive=self.show_inactive.isChecked())
        return [PersonRow(p, names.get(p.department_id, "")) for p in people]

    def _fill_departments(self, keep: uuid.UUID | None) -> None:
        """Active departments, plus ``keep`` (the person's own) even if it is inactive."""
        self.department_combo.clear()
        self.department_combo.addItem(self.tr("— choose —"), None)
        for department in self._departments:
            if department.active:
                self.department_combo.addItem(department.name, str(department.id))
            elif department.id == keep:
                label = self.tr("%1 (inactive)").replace("%1", department.name)
                self.department_combo.addItem(label, str(department.id))
        # ids are kept as text: a QVariant holding a Python UUID does not compare equal in findData()
        self.department_combo.setCurrentIndex(max(0, self.department_combo.findData(str(keep))) if keep else 0)

    def chosen_department_id(self) -> uuid.UUID | None:
        """The department chosen in the form (None for "— choose —")."""
        value = self.department_combo.currentData()
        return uuid.UUID(value) if value else None

    def fill_form(self, row: PersonRow) -> None:
        person = row.person
        self.editor.setTitle(self.tr("Person %1").replace("%1", person.name))
        self.name_edit.setText(person.name)
        self.employee_no_edit.setText(person.employee_no)
        self._fill_departments(person.department_id)
        for role, check in self.role_checks.items():
            check.setChecked(role in person.roles)
        self.active_check.setChecked(person.active)

    def clear_form(self) -> None:
        self.editor.setTitle(self.tr("New person"))
        self.name_edit.clear()
        self.employee_no_edit.clear()
        self._fill_departments(None)
        for check in self.role_checks.values():
            check.setChecked(False)
        self.active_check.setChecked(True)

    def save_form(self) -> Person:
        return reference_admin.save_person(
            self.context.uow(),
            self.current_id,
            self.name_edit.text(),
            self.employee_no_edit.text(),
            self.chosen_department_id(),
            [role for role, check in self.role_checks.items() if check.isChecked()],
            self.active_check.isChecked(),
        )

    def saved_text(self, record: Person) -> str:
        return self.tr("“%1” saved.").replace("%1", record.name)

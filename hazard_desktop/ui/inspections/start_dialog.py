"""Start an inspection (开始检查): checklist, area, responsible department, inspectors, date."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.inspections import AREA_MAX, Inspection, StartInput, Template
from hazard_desktop.domain.reference import Department, Person, Role, namesake_numbers
from hazard_desktop.services import inspections as service
from hazard_desktop.services import reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.widgets import screen_fit

PersonRole = int(Qt.ItemDataRole.UserRole) + 1


class StartInspectionDialog(QDialog):
    """Collects :class:`StartInput` and starts the inspection; :attr:`inspection` is the result."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, template_id: uuid.UUID | None = None):
        super().__init__(parent)
        self.setObjectName("startInspectionDialog")
        self.setWindowTitle(self.tr("Start an inspection"))
        self._context = context
        self.inspection: Inspection | None = None
        self.templates: list[Template] = service.list_templates(context.uow())
        self.departments: list[Department]
        self.people: list[Person]
        self.departments, self.people = reference_queries.departments_and_people(context.uow())
        areas = sorted({row.area for row in service.list_inspections(context.uow())})

        self.error_label = QLabel(self)
        self.error_label.setObjectName("startError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B00020;")
        self.error_label.hide()

        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("startTemplate")
        for template in self.templates:
            label = self.tr("{code} {name} (version {version}, {count} items)").format(
                code=template.code, name=template.name, version=template.version, count=template.item_count
            )
            self.template_combo.addItem(label.strip(), str(template.id))
        if template_id is not None:
            index = next((n for n, t in enumerate(self.templates) if t.template_id == template_id), 0)
            self.template_combo.setCurrentIndex(index)

        self.area_edit = QLineEdit(self)
        self.area_edit.setObjectName("startArea")
        self.area_edit.setMaxLength(AREA_MAX)
        self.area_edit.setPlaceholderText(self.tr("e.g. tank farm 2, tanks T-201 to T-206"))
        completer = QCompleter(areas, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.area_edit.setCompleter(completer)

        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("startDepartment")
        self.department_combo.addItem(self.tr("— choose —"), None)
        for department in self.departments:
            self.department_combo.addItem(department.name, str(department.id))

        self.leader_combo = QComboBox(self)
        self.leader_combo.setObjectName("startLeader")
        self.leader_combo.addItem(self.tr("— choose —"), None)
        names = {d.id: d.name for d in self.departments}
        ordered = sorted(self.people, key=lambda p: (Role.INSPECTOR not in p.roles, p.name))
        numbers = namesake_numbers(self.people)  # namesakes of one department: told apart by their 工号
        labels = {
            p.id: f"{numbered_name(p.name, numbers.get(p.id))}（{names.get(p.department_id, '')}）" for p in ordered
        }
        for person in ordered:
            self.leader_combo.addItem(labels[person.id], str(person.id))
        self.members_list = QListWidget(self)
        self.members_list.setObjectName("startMembers")
        self.members_list.setMaximumHeight(140)
        for person in ordered:
            entry = QListWidgetItem(labels[person.id])
            entry.setData(PersonRole, str(person.id))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.members_list.addItem(entry)

        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("startDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setMaximumDate(QDate.currentDate())

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("startNote")
        self.note_edit.setMaximumHeight(70)
        self.note_edit.setPlaceholderText(self.tr("Optional: purpose, weather, shift…"))

        form = QFormLayout()
        form.addRow(self.tr("Checklist"), self.template_combo)
        form.addRow(self.tr("Area inspected"), self.area_edit)
        form.addRow(self.tr("Responsible department"), self.department_combo)
        form.addRow(self.tr("Leader"), self.leader_combo)
        form.addRow(self.tr("Other inspectors"), self.members_list)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Remarks"), self.note_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start"))
        ok.setObjectName("startOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        screen_fit.fit_on_show(self, (560, 560), remember="startInspection")

    # --------------------------------------------------------------------------- setters for tests

    def set_values(
        self,
        *,
        template_id: uuid.UUID | None = None,
        area: str | None = None,
        department_id: uuid.UUID | None = None,
        leader_id: uuid.UUID | None = None,
        member_ids: tuple[uuid.UUID, ...] = (),
        day: date | None = None,
    ) -> None:
        """Fill the form (tests and callers that know the values)."""
        if template_id is not None:
            self.template_combo.setCurrentIndex(self.template_combo.findData(str(template_id)))
        if area is not None:
            self.area_edit.setText(area)
        if department_id is not None:
            self.department_combo.setCurrentIndex(self.department_combo.findData(str(department_id)))
        if leader_id is not None:
            self.leader_combo.setCurrentIndex(self.leader_combo.findData(str(leader_id)))
        for row in range(self.members_list.count()):
            entry = self.members_list.item(row)
            checked = entry.data(PersonRole) in {str(m) for m in member_ids}
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if day is not None:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def start_input(self) -> StartInput | None:
        """The form's content (None without a checklist)."""
        template_id = _uuid(self.template_combo.currentData())
        if template_id is None:
            return None
        leader = _uuid(self.leader_combo.currentData())
        inspectors = [leader] if leader is not None else []
        for row in range(self.members_list.count()):
            entry = self.members_list.item(row)
            person_id = _uuid(entry.data(PersonRole))
            if entry.checkState() == Qt.CheckState.Checked and person_id is not None and person_id not in inspectors:
                inspectors.append(person_id)
        day = self.date_edit.date()
        return StartInput(
            template_version_id=template_id,
            area=self.area_edit.text(),
            department_id=_uuid(self.department_combo.currentData()),
            inspector_ids=tuple(inspectors),
            inspected_on=date(day.year(), day.month(), day.day()),
            note=self.note_edit.toPlainText(),
        )

    def accept(self) -> None:
        data = self.start_input()
        if data is None:
            self._show_error(self.tr("There is no checklist yet: add one under Inspections → Checklists."))
            return
        try:
            self.inspection = service.start_inspection(self._context.uow(), data, today=date.today())
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self._show_error(messages.error_text(exc, "inspection"))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: AppContext, template_id: uuid.UUID | None = None
    ) -> Inspection | None:
        """Show the dialog; the started inspection, or None if cancelled."""
        dialog = cls(context, parent, template_id)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.inspection
            return None
        finally:
            dialog.deleteLater()


def _uuid(value: object) -> uuid.UUID | None:
    """Combo data are UUIDs as text (Qt compares text reliably in ``findData``)."""
    return uuid.UUID(value) if isinstance(value, str) and value else None

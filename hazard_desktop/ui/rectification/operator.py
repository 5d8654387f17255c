"""The 操作人 (acting person) of the rectification steps, remembered per laptop in ``ui-state.ini``.

There are no user accounts yet (issue 14 brings them and replaces this picker by the logged-in account):
every step's use case takes the acting person and checks what that person may do.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from hazard_desktop.domain.reference import Department, Person, namesake_numbers
from hazard_desktop.services import reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.field_ui import ui_state
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.widgets import screen_fit

OPERATOR_KEY = "rectification/operator"


def remembered_operator(settings: QSettings) -> uuid.UUID | None:
    """The person chosen last on this laptop (None if none or unreadable)."""
    value = settings.value(OPERATOR_KEY, "")
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def remember_operator(settings: QSettings, person_id: uuid.UUID | None) -> None:
    settings.setValue(OPERATOR_KEY, str(person_id) if person_id else "")
    settings.sync()


def person_label(person: Person, departments: dict[uuid.UUID, Department],
                 numbers: Mapping[uuid.UUID, str] | None = None) -> str:  # fmt: skip
    """``张伟（安环部）``: the name with the department (names repeat in a plant); a person in ``numbers``
    (``domain.reference.namesake_numbers``: a namesake in the same department) with the 工号 too."""
    name = numbered_name(person.name, (numbers or {}).get(person.id))
    department = departments.get(person.department_id)
    return f"{name}（{department.name}）" if department else name


def fill_people(combo: QComboBox, people: Sequence[Person], departments: Sequence[Department],
                chosen: uuid.UUID | None = None, *, blank: str | None = None,
                everyone: Sequence[Person] | None = None) -> None:  # fmt: skip
    """Put active ``people`` into ``combo`` (data: the id as text); ``blank``: a first entry meaning nobody.
    Namesakes (among ``everyone``, the list ``people`` was chosen from; else among ``people``) show their 工号."""
    by_id = {d.id: d for d in departments}
    numbers = namesake_numbers(people if everyone is None else everyone)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for person in sorted((p for p in people if p.active), key=lambda p: (p.name, str(p.id))):
        combo.addItem(person_label(person, by_id, numbers), str(person.id))
    if chosen is not None:
        combo.setCurrentIndex(max(0, combo.findData(str(chosen))))


def combo_person(combo: QComboBox) -> uuid.UUID | None:
    value = combo.currentData()
    return uuid.UUID(value) if value else None


class OperatorDialog(QDialog):
    """Choose who is at the keyboard (操作人): every rectification step is recorded under that person."""

    def __init__(self, people: Sequence[Person], departments: Sequence[Department],
                 current: uuid.UUID | None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Operator"))
        self.setObjectName("operatorDialog")
        intro = QLabel(self.tr(
            "Rectification steps are recorded under the person chosen here and checked against what that "
            "person may do. The choice is remembered on this computer."
        ), self)  # fmt: skip
        intro.setWordWrap(True)
        self.person = QComboBox(self)
        self.person.setObjectName("operatorPerson")
        fill_people(self.person, people, departments, current, blank=self.tr("(nobody)"))
        form = QFormLayout()
        form.addRow(self.tr("Operator:"), self.person)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        screen_fit.fit_on_show(self, (460, 180))

    def chosen(self) -> uuid.UUID | None:
        return combo_person(self.person)

    @classmethod
    def ask(cls, parent: QWidget, context: AppContext) -> uuid.UUID | None:
        """Open the picker; store and return the choice (None: cancelled or nobody)."""
        settings = ui_state(context)
        departments, people = reference_queries.departments_and_people(context.uow())
        dialog = cls(people, departments, remembered_operator(settings), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        remember_operator(settings, dialog.chosen())
        return dialog.chosen()

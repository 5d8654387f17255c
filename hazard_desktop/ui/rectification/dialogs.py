"""The dialogs of the rectification steps: they ask and show, the use cases decide.

Each dialog is built with a ``run`` callable (the step's use case bound to the hazard, its revision and the
操作人, see ``ui/rectification/actions.py``). OK calls ``run`` with what the form holds; a refusal
(``DomainError``, storage error) is shown in red inside the dialog, which stays open with what was typed;
success closes it and ``hazard`` holds the stored hazard. A refused step wrote nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.domain.rectification import (
    DEADLINE_MAX_DAYS,
    AcceptanceInput,
    Assignment,
    AssignmentInput,
    Evaluation,
    Evaluator,
    ExtensionRequest,
    FiveLabels,
    PhotoStage,
    PlanInput,
    PlanReport,
    ReportKind,
    Stoppage,
    Supervision,
    TreatmentPlan,
    assignment_problems,
    parse_funds,
)
from hazard_desktop.domain.reference import Department, Person, namesake_numbers
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.hazards import PhotoFile
from hazard_desktop.services.rectification import StagedPhoto
from hazard_desktop.ui import messages
from hazard_desktop.ui.formatting import QT_DATE_FORMAT, format_date
from hazard_desktop.ui.photo_picking import pick_photo_files
from hazard_desktop.ui.rectification.operator import combo_person, fill_people, person_label
from hazard_desktop.ui.widgets import screen_fit

AREA = "rectification"
IMAGE_FILTER = "*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp"


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QT_DATE_FORMAT)
    return edit


def text_edit(parent: QWidget, name: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    spacing = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(spacing * lines + 12)
    edit.setMaximumHeight(spacing * (lines + 3) + 12)  # the form does not turn into one big text box
    return edit


def five_label_texts(labels: FiveLabels | None) -> FiveLabels:
    """The plant's own 五定 labels, or the program's translated ones."""
    if labels is not None:
        return labels
    return FiveLabels(
        QCoreApplication.translate("RectificationDialogs", "Responsibility"),
        QCoreApplication.translate("RectificationDialogs", "Measures"),
        QCoreApplication.translate("RectificationDialogs", "Funds"),
        QCoreApplication.translate("RectificationDialogs", "Time limit"),
        QCoreApplication.translate("RectificationDialogs", "Contingency plan"),
    )


class _StepDialog(QDialog):
    """A form with an error line and OK/Cancel; OK runs the step (see the module text).

    Closing it (Cancel, Esc, the window's ×) with input that was not stored asks first, as the grading window
    does (new-user trial: a progress note and an acceptance opinion were lost to one Esc). UI tests switch the
    question off (``tests/ui/conftest.py``: nobody answers a modal box at teardown); its own tests switch it on.
    """

    ask_before_discard = True

    def __init__(self, title: str, run: Callable[..., Hazard], parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self._run = run
        self.hazard: Hazard | None = None
        self.body = QVBoxLayout()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("stepError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def set_heading(self, text: str) -> None:
        """Name the hazard the step is about (number and description) above the form and in the title."""
        heading = QLabel(text, self)
        heading.setObjectName("stepHeading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.body.insertWidget(0, heading)
        number = text.split(" ", 1)[0]
        self.setWindowTitle(f"{self.windowTitle()} — {number}")

    def fit(self, size: tuple[int, int]) -> None:
        """Size the dialog for the screen (every step calls it last in its constructor) and note the form as
        built: what differs from it later was entered by the user."""
        screen_fit.fit_on_show(self, size, keep=(self.error,), remember=self.objectName())
        self._as_built = self.input_state()

    def input_state(self) -> tuple[object, ...]:
        """Every value the user can enter, in widget order: texts, choices, dates, ticks, photos picked."""
        values: list[object] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget.parentWidget(), PhotoStager) and not isinstance(widget, QListWidget):
                continue  # the stage chosen for the next photo is no input of its own: the photos are
            if isinstance(widget, QPlainTextEdit):
                values.append(widget.toPlainText())
            elif isinstance(widget, QDateEdit):
                values.append(widget.date())
            elif isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), (QDateEdit, QComboBox)):
                values.append(widget.text())
            elif isinstance(widget, QComboBox):
                values.append(widget.currentIndex())
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values.append(widget.isChecked())
            elif isinstance(widget, QListWidget):
                values.append(tuple(widget.item(row).text() for row in range(widget.count())))
                values.append(tuple(widget.item(row).checkState() for row in range(widget.count())))
        return tuple(values)

    def unsaved_input(self) -> bool:
        """True if closing now would throw away something the user entered (nothing of it is stored yet)."""
        built = getattr(self, "_as_built", None)
        return built is not None and self.input_state() != built

    def reject(self) -> None:
        """Close; with input entered, ask first (default: keep editing) and close only if the user agrees."""
        if self.ask_before_discard and self.isVisible() and self.unsaved_input():  # hidden: nobody to ask
            question = QCoreApplication.translate(
                "RectificationDialogs",
                "Close without saving? What you entered here is discarded; nothing of it has been stored.",
            )
            title = QCoreApplication.translate("RectificationDialogs", "Discard the input?")
            if not messages.confirm(self, title, question):
                return
        super().reject()

    def arguments(self) -> tuple[Any, ...]:
        """What ``run`` gets (raise ``ValidationError`` for what the form itself can tell)."""
        raise NotImplementedError

    def accept(self) -> None:
        self.error.hide()
        try:
            self.hazard = self._run(*self.arguments())
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.error.setText(messages.error_text(exc, AREA))
            self.error.show()
            return
        super().accept()

    def error_text(self) -> str:
        """The refusal shown (empty if none)."""
        return "" if self.error.isHidden() else self.error.text()


# ---------------------------------------------------------------- photos


class PhotoStager(QWidget):
    """Photos picked for a note, each with its stage (before / progress / after), kept apart on the forms."""

    def __init__(self, context: AppContext | None, stage: PhotoStage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._photos: list[StagedPhoto] = []
        self.stage = QComboBox(self)
        self.stage.setObjectName("photoStage")
        for value, text in (
            (PhotoStage.BEFORE, self.tr("Before")),
            (PhotoStage.PROGRESS, self.tr("During")),
            (PhotoStage.AFTER, self.tr("After")),
        ):
            self.stage.addItem(text, value.value)
        self.stage.setCurrentIndex(self.stage.findData(stage.value))
        self.add = QPushButton(self.tr("Add photos…"), self)
        self.add.setObjectName("addPhotos")
        self.add.clicked.connect(self._pick)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.clicked.connect(self._remove)
        self.list = QListWidget(self)
        self.list.setObjectName("stagedPhotos")
        self.list.setViewMode(QListView.ViewMode.ListMode)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 4 + 10)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Photos taken:"), self))
        top.addWidget(self.stage)
        top.addWidget(self.add)
        top.addWidget(self.remove)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)

    def stage_names(self) -> dict[PhotoStage, str]:
        return {PhotoStage(self.stage.itemData(i)): self.stage.itemText(i) for i in range(self.stage.count())}

    def add_files(self, paths: Sequence[str | Path]) -> list[str]:
        """Add image files at the chosen stage; returns the names that could not be read."""
        failed = []
        stage = PhotoStage(self.stage.currentData())
        for path in paths:
            try:
                data = Path(path).read_bytes()
            except OSError:
                failed.append(Path(path).name)
                continue
            self._photos.append(StagedPhoto(PhotoFile(Path(path).name, data), stage))
            self.list.addItem(f"{self.stage_names()[stage]} — {Path(path).name}")
        return failed

    def photos(self) -> tuple[StagedPhoto, ...]:
        return tuple(self._photos)

    def _pick(self) -> None:
        if self._context is None:
            return
        paths = pick_photo_files(self, self._context, self.tr("Add photos"), self.tr("Images") + f" ({IMAGE_FILTER})")
        failed = self.add_files(paths)
        if failed:
            messages.show_info(self, self.tr("Photos"), self.tr("Could not read: ") + ", ".join(failed))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._photos):
            del self._photos[row]
            self.list.takeItem(row)


# ---------------------------------------------------------------- 重大隐患治理方案


class PlanForm(QGroupBox):
    """The treatment plan of a major hazard (令第16号 Art. 15: six contents), 停产停业, 双报告 and 挂牌督办."""

    def __init__(self, today: date, plan: TreatmentPlan | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Treatment plan (major hazard)"))
        self.setObjectName("planForm")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.goal = text_edit(self, "planGoal", 2)
        self.methods = text_edit(self, "planMethods", 2)
        self.funds = text_edit(self, "planFunds", 2)
        self.organisation = text_edit(self, "planOrganisation", 2)
        self.time_limit = date_edit(self, plan.time_limit if plan else today)
        self.time_limit.setObjectName("planTimeLimit")
        self.requirements = text_edit(self, "planRequirements", 2)
        self.safety = text_edit(self, "planSafety", 2)
        form.addRow(self.tr("(1) Goal and tasks:"), self.goal)
        form.addRow(self.tr("(2) Methods and measures:"), self.methods)
        form.addRow(self.tr("(3) Funds and materials:"), self.funds)
        form.addRow(self.tr("(4) Organisation and people:"), self.organisation)
        form.addRow(self.tr("(5) Time limit:"), self.time_limit)
        form.addRow(self.tr("     … and requirements:"), self.requirements)
        form.addRow(self.tr("(6) Safety measures and emergency plan:"), self.safety)

        self.stoppage = QComboBox(self)
        self.stoppage.setObjectName("planStoppage")
        for value, text in (
            (Stoppage.NONE, self.tr("Production not stopped")),
            (Stoppage.PARTIAL, self.tr("Partly stopped")),
            (Stoppage.FULL, self.tr("Fully stopped")),
        ):
            self.stoppage.addItem(text, value.value)
        self.stopped_since = date_edit(self, plan.stopped_since if plan and plan.stopped_since else today)
        self.stopped_since.setObjectName("planStoppedSince")
        stop = QHBoxLayout()
        stop.addWidget(self.stoppage)
        stop.addWidget(QLabel(self.tr("since"), self))
        stop.addWidget(self.stopped_since)
        stop.addStretch(1)
        form.addRow(self.tr("Stoppage (停产停业):"), stop)
        self.stoppage.currentIndexChanged.connect(self._sync)

        self.reports: dict[ReportKind, tuple[QCheckBox, QDateEdit, QLineEdit]] = {}
        for kind, text in (
            (ReportKind.REGULATOR, self.tr("Reported to the regulator")),
            (ReportKind.WORKERS_CONGRESS, self.tr("Reported to the workers' congress")),
        ):
            made = QCheckBox(text, self)
            made.setObjectName(f"report_{kind.value}")
            when = date_edit(self, today)
            reference = QLineEdit(self)
            reference.setPlaceholderText(self.tr("Reference no."))
            row = QHBoxLayout()
            row.addWidget(made)
            row.addWidget(when)
            row.addWidget(reference, 1)
            form.addRow(row)
            self.reports[kind] = (made, when, reference)
            made.toggled.connect(self._sync)
        self.supervised = QCheckBox(self.tr("Listed for supervision (挂牌督办)"), self)
        self.supervised.setObjectName("planSupervised")
        self.supervision_by = QLineEdit(self)
        self.supervision_by.setPlaceholderText(self.tr("by (authority)"))
        self.supervision_ref = QLineEdit(self)
        self.supervision_ref.setPlaceholderText(self.tr("Reference no."))
        self.supervision_since = date_edit(self, today)
        sup = QHBoxLayout()
        sup.addWidget(self.supervision_by, 1)
        sup.addWidget(self.supervision_ref, 1)
        sup.addWidget(self.supervision_since)
        form.addRow(self.supervised)
        form.addRow(sup)
        self.supervised.toggled.connect(self._sync)
        if plan is not None:
            self._load(plan)
        self._sync()

    def _load(self, plan: TreatmentPlan) -> None:
        self.goal.setPlainText(plan.goal_and_tasks)
        self.methods.setPlainText(plan.methods_and_measures)
        self.funds.setPlainText(plan.funds_and_materials)
        self.organisation.setPlainText(plan.organisation_and_people)
        self.requirements.setPlainText(plan.time_requirements)
        self.safety.setPlainText(plan.safety_and_emergency)
        self.stoppage.setCurrentIndex(self.stoppage.findData(plan.stoppage.value))
        for report in plan.reports:
            made, when, reference = self.reports[report.kind]
            made.setChecked(True)
            when.setDate(to_qdate(report.made_on))
            reference.setText(report.reference)
        if plan.supervision is not None:
            self.supervised.setChecked(True)
            self.supervision_by.setText(plan.supervision.by)
            self.supervision_ref.setText(plan.supervision.reference)
            if plan.supervision.since:
                self.supervision_since.setDate(to_qdate(plan.supervision.since))

    def _sync(self) -> None:
        self.stopped_since.setEnabled(self.stoppage.currentData() != Stoppage.NONE.value)
        for made, when, reference in self.reports.values():
            when.setEnabled(made.isChecked())
            reference.setEnabled(made.isChecked())
        for widget in (self.supervision_by, self.supervision_ref, self.supervision_since):
            widget.setEnabled(self.supervised.isChecked())

    def value(self) -> PlanInput:
        stoppage = Stoppage(self.stoppage.currentData())
        reports = tuple(
            PlanReport(kind, to_date(when.date()), reference.text().strip())
            for kind, (made, when, reference) in self.reports.items()
            if made.isChecked()
        )
        supervision = None
        if self.supervised.isChecked():
            supervision = Supervision(
                self.supervision_by.text().strip(), self.supervision_ref.text().strip(),
                to_date(self.supervision_since.date()),
            )  # fmt: skip
        return PlanInput(
            goal_and_tasks=self.goal.toPlainText(),
            methods_and_measures=self.methods.toPlainText(),
            funds_and_materials=self.funds.toPlainText(),
            organisation_and_people=self.organisation.toPlainText(),
            time_limit=to_date(self.time_limit.date()),
            time_requirements=self.requirements.toPlainText(),
            safety_and_emergency=self.safety.toPlainText(),
            stoppage=stoppage,
            stopped_since=None if stoppage is Stoppage.NONE else to_date(self.stopped_since.date()),
            reports=reports,
            supervision=supervision,
        )


# ---------------------------------------------------------------- 五定 (assign / revise)


class AssignDialog(_StepDialog):
    """下达整改 (五定), or 修改五定 when ``existing`` is given (then the deadline moves only by 延期).

    A major hazard's assignment carries its treatment plan (its time limit is the deadline).
    """

    def __init__(
        self,
        run: Callable[..., Hazard],
        *,
        labels: FiveLabels | None,
        departments: Sequence[Department],
        people: Sequence[Person],
        today: date,
        default_deadline: date | None,
        major: bool,
        existing: Assignment | None = None,
        plan: TreatmentPlan | None = None,
        title: str = "",
        department_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        revise = existing is not None
        default_title = (
            self.tr("Revise the assignment (五定)") if revise else self.tr("Assign the rectification (五定)")
        )
        super().__init__(
            title or default_title,
            run, parent, "reviseDialog" if revise else "assignDialog",
        )  # fmt: skip
        self.revise = revise
        self._today = today
        default_days = (default_deadline - today).days if default_deadline is not None else 0
        self._deadline_limit = max(DEADLINE_MAX_DAYS, default_days)  # as the services reckon it
        self.major = major and not revise
        five = five_label_texts(labels)
        self.department = QComboBox(self)
        self.department.setObjectName("responsibleDepartment")
        self.department.addItem(self.tr("(choose)"), "")
        for department in departments:
            if department.active:
                self.department.addItem(department.name, str(department.id))
        self.person = QComboBox(self)
        self.person.setObjectName("responsiblePerson")
        self._people = list(people)
        self._departments = list(departments)
        self.people_note = QLabel(self)  # says why the person list is empty and where people are added
        self.people_note.setObjectName("peopleNote")
        self.people_note.setWordWrap(True)
        self.people_note.setStyleSheet("color: #b71c1c;")
        self.people_note.hide()
        self.department.currentIndexChanged.connect(self._fill_people)
        self._fill_people()
        responsibility = QHBoxLayout()
        responsibility.addWidget(self.department, 1)
        responsibility.addWidget(self.person, 1)
        self.measures = text_edit(self, "measures")
        self.funds = QLineEdit(self)
        self.funds.setObjectName("funds")
        self.funds.setPlaceholderText("0.00")
        self.funds_source = QLineEdit(self)
        self.funds_source.setObjectName("fundsSource")
        self.funds_source.setPlaceholderText(self.tr("Source of funds"))
        funds = QHBoxLayout()
        funds.addWidget(self.funds, 1)
        funds.addWidget(QLabel(self.tr("yuan"), self))
        funds.addWidget(self.funds_source, 2)
        self.deadline = date_edit(self, (existing.deadline if existing else default_deadline) or today)
        self.deadline.setObjectName("deadline")
        self.deadline_note = QLabel(self)
        self.deadline_note.setObjectName("deadlineNote")
        self.deadline_note.setWordWrap(True)
        deadline = QHBoxLayout()
        deadline.addWidget(self.deadline)
        deadline.addWidget(self.deadline_note, 1)
        if revise:
            self.deadline.setEnabled(False)
            self.deadline_note.setText(self.tr("The deadline moves only by an approved extension."))
        elif major:
            self.deadline.setEnabled(False)
            self.deadline_note.setText(self.tr("A major hazard's deadline is its plan's time limit (below)."))
        elif default_deadline is not None:
            days = (default_deadline - today).days
            self.deadline_note.setText(
                self.tr("Default from the settings: immediately") if days == 0
                else self.tr("Default from the settings: %n day(s)", "", days)
            )  # fmt: skip
        self.interim = text_edit(self, "interimMeasures", 2)
        self.form.addRow(five.responsibility + self.tr(":"), responsibility)
        self.form.addRow("", self.people_note)
        self.form.addRow(five.measures + self.tr(":"), self.measures)
        self.form.addRow(five.funds + self.tr(":"), funds)
        self.form.addRow(five.deadline + self.tr(":"), deadline)
        self.form.addRow(five.contingency + self.tr(":"), self.interim)
        self.reason = text_edit(self, "reviseReason", 2)
        if revise:
            self.form.addRow(self.tr("Reason for the change:"), self.reason)
        else:
            self.reason.hide()
        self.plan: PlanForm | None = None
        if self.major:
            self.plan = PlanForm(today, plan, self)
            self.body.addWidget(self.plan)
        if existing is not None:
            self.department.setCurrentIndex(max(0, self.department.findData(str(existing.responsible_department_id))))
            self.person.setCurrentIndex(max(0, self.person.findData(str(existing.responsible_person_id))))
            self.measures.setPlainText(existing.measures)
            self.funds.setText(str(existing.funds))
            self.funds_source.setText(existing.funds_source)
            self.interim.setPlainText(existing.interim_measures)
        elif department_id is not None:  # 定责任部门 starts as the hazard's department (issue 12)
            self.department.setCurrentIndex(max(0, self.department.findData(str(department_id))))
        self.fit((720, 760) if self.major else (640, 520))

    def _fill_people(self) -> None:
        """The responsible person is one of the chosen department (the services insist, issue 12)."""
        chosen = combo_person(self.person)
        department = self.department.currentData()
        people = [p for p in self._people if department and str(p.department_id) == department]
        empty = bool(department) and not people
        blank = self.tr("(nobody in this department)") if empty else self.tr("(choose)")
        fill_people(self.person, people, self._departments, chosen, blank=blank, everyone=self._people)
        note = (
            self.tr(
                "%1 has no people yet: add them under Tools → Settings → People, or choose another department."
            ).replace("%1", self.department.currentText())
            if empty
            else ""
        )
        self.people_note.setText(note)
        self.people_note.setVisible(empty)
        self.person.setToolTip(note)

    def assignment(self) -> AssignmentInput:
        department = self.department.currentData()
        return AssignmentInput(
            responsible_department_id=uuid.UUID(department) if department else None,
            responsible_person_id=combo_person(self.person),
            measures=self.measures.toPlainText(),
            funds=self._funds(),
            funds_source=self.funds_source.text(),
            deadline=None if (self.major or self.revise) else to_date(self.deadline.date()),
            interim_measures=self.interim.toPlainText(),
        )

    def _funds(self) -> Decimal:
        try:
            return parse_funds(self.funds.text())
        except ValidationError:
            return Decimal("NaN")  # refused by the services' funds rule, and listed by problems()

    def problems(self) -> list[str]:
        """Every problem the form itself can tell, as sentences (the services check again on OK)."""
        data = self.assignment()
        typed: ValidationError | None = None
        try:
            parse_funds(self.funds.text())
        except ValidationError as exc:
            typed = exc  # said as the parser says it (too large, or not an amount)
        deadline = data.deadline or to_date(self.deadline.date())
        limit = None if (self.major or self.revise) else self._deadline_limit
        found = [
            typed if typed is not None and problem.code.startswith("funds_") else problem
            for problem in assignment_problems(data, deadline, min(self._today, deadline), limit_days=limit)
        ]
        if self.revise and not self.reason.toPlainText().strip():
            found.append(ValidationError("reason_empty", field="reason"))
        return [messages.error_text(problem, AREA) for problem in found]

    def accept(self) -> None:
        problems = self.problems()
        if len(problems) > 1:  # all at once, not one per click (issue 12)
            self.error.setText("\n".join(f"• {text}" for text in problems))
            self.error.show()
            return
        super().accept()

    def arguments(self) -> tuple[Any, ...]:
        if self.revise:
            return (self.assignment(), self.reason.toPlainText())
        return (self.assignment(), self.plan.value() if self.plan is not None else None)


class PlanDialog(_StepDialog):
    """重大隐患治理方案: write or revise the plan of a major hazard."""

    def __init__(self, run: Callable[..., Hazard], today: date, plan: TreatmentPlan | None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(self.tr("Treatment plan of a major hazard"), run, parent, "planDialog")
        self.plan = PlanForm(today, plan, self)
        self.body.addWidget(self.plan)
        self.fit((720, 720))

    def arguments(self) -> tuple[Any, ...]:
        return (self.plan.value(),)


# ---------------------------------------------------------------- progress, acceptance request, on the spot


class NoteDialog(_StepDialog):
    """整改进展: a progress note with photos (before / during / after)."""

    def __init__(self, run: Callable[..., Hazard], context: AppContext | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Progress note"), run, parent, "noteDialog")
        self.text = text_edit(self, "noteText", 4)
        self.photos = PhotoStager(context, PhotoStage.PROGRESS, self)
        self.form.addRow(self.tr("What was done:"), self.text)
        self.form.addRow(self.photos)
        self.fit((600, 400))

    def arguments(self) -> tuple[Any, ...]:
        return (self.text.toPlainText(), self.photos.photos())


class SubmitDialog(_StepDialog):
    """申请验收: the rectification is done; name who is to accept it (not the responsible person)."""

    def __init__(self, run: Callable[..., Hazard], context: AppContext | None, people: Sequence[Person],
                 departments: Sequence[Department], exclude: Sequence[uuid.UUID] = (),
                 parent: QWidget | None = None, *, previous: uuid.UUID | None = None) -> None:  # fmt: skip
        super().__init__(self.tr("Request acceptance"), run, parent, "submitDialog")
        self.acceptor = QComboBox(self)
        self.acceptor.setObjectName("acceptor")
        # after a 退回 the acceptor asked the first time is offered again (issue 12)
        fill_people(
            self.acceptor,
            [p for p in people if p.id not in exclude],
            departments,
            previous,
            blank=self.tr("(choose)"),
            everyone=people,
        )
        self.text = text_edit(self, "completionText", 3)
        self.photos = PhotoStager(context, PhotoStage.AFTER, self)
        self.form.addRow(self.tr("Acceptor:"), self.acceptor)
        self.form.addRow(self.tr("What was done:"), self.text)
        self.form.addRow(self.photos)
        self.fit((600, 420))

    def arguments(self) -> tuple[Any, ...]:
        acceptor = combo_person(self.acceptor)
        if acceptor is None:
            raise ValidationError("acceptor_empty", field="acceptor")
        return (acceptor, self.text.toPlainText(), self.photos.photos())


class OnTheSpotDialog(_StepDialog):
    """当场整改: the finder fixed a general hazard on the spot; a second person accepts it."""

    def __init__(self, run: Callable[..., Hazard], context: AppContext | None, people: Sequence[Person],
                 departments: Sequence[Department], exclude: Sequence[uuid.UUID] = (),
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(self.tr("Fixed on the spot"), run, parent, "onTheSpotDialog")
        self.measure = text_edit(self, "spotMeasure", 3)
        self.acceptor = QComboBox(self)
        self.acceptor.setObjectName("acceptor")
        fill_people(
            self.acceptor,
            [p for p in people if p.id not in exclude],
            departments,
            blank=self.tr("(choose)"),
            everyone=people,
        )
        self.photos = PhotoStager(context, PhotoStage.AFTER, self)
        self.form.addRow(self.tr("Measure taken:"), self.measure)
        self.form.addRow(self.tr("Acceptor:"), self.acceptor)
        self.form.addRow(self.photos)
        note = QLabel(self.tr("At least one photo after the fix. A major hazard cannot be fixed on the spot."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.fit((600, 420))

    def arguments(self) -> tuple[Any, ...]:
        acceptor = combo_person(self.acceptor)
        if acceptor is None:
            raise ValidationError("acceptor_empty", field="acceptor")
        return (self.measure.toPlainText(), acceptor, self.photos.photos())


# ---------------------------------------------------------------- acceptance


def photo_strip(parent: QWidget, photos: Sequence[tuple[str, bytes | None]], name: str) -> QListWidget:
    view = QListWidget(parent)
    view.setObjectName(name)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(QSize(96, 72))
    view.setMovement(QListView.Movement.Static)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWrapping(True)
    view.setMinimumHeight(96)
    view.setMaximumHeight(132)
    for title, jpeg in photos:
        pixmap = QPixmap()
        if jpeg:
            pixmap.loadFromData(jpeg)
        item = QListWidgetItem(QIcon(pixmap), title)
        view.addItem(item)
    return view


class AcceptDialog(_StepDialog):
    """验收: accept (销号) or send back (退回, with the reason), before and after photos side by side.

    A major hazard is accepted by its acceptance group (≥ 3, one of 安环部, the operator among them) after
    the evaluation of its treatment (own experts or an agency, with the report's reference).
    """

    def __init__(
        self,
        run_accept: Callable[..., Hazard],
        run_send_back: Callable[..., Hazard],
        *,
        major: bool,
        people: Sequence[Person],
        departments: Sequence[Department],
        today: date,
        before: Sequence[tuple[str, bytes | None]] = (),
        after: Sequence[tuple[str, bytes | None]] = (),
        operator: uuid.UUID | None = None,
        exclude: Sequence[uuid.UUID] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Acceptance"), run_accept, parent, "acceptDialog")
        self._send_back = run_send_back
        self.major = major
        sides = QHBoxLayout()
        for title, photos, name in (
            (self.tr("Before"), before, "beforePhotos"),
            (self.tr("After"), after, "afterPhotos"),
        ):
            box = QGroupBox(title, self)
            inner = QVBoxLayout(box)
            strip = photo_strip(box, photos, name)
            inner.addWidget(strip)
            if not photos:
                inner.addWidget(QLabel(self.tr("No photos."), box))
            sides.addWidget(box, 1)
        self.body.insertLayout(0, sides)
        self.accept_choice = QRadioButton(self.tr("Accepted: close the hazard out (销号)"), self)
        self.accept_choice.setObjectName("acceptChoice")
        self.send_back_choice = QRadioButton(self.tr("Not accepted: send it back (退回)"), self)
        self.send_back_choice.setObjectName("sendBackChoice")
        # No default (issue 12): one click must not close a hazard out; the opinion is required either way.
        choice = QVBoxLayout()
        choice.addWidget(self.accept_choice)
        choice.addWidget(self.send_back_choice)
        self.form.addRow(self.tr("Result:"), choice)
        self.remarks = text_edit(self, "acceptRemarks", 2)
        self.remarks.setPlaceholderText(self.tr("Required: the acceptance opinion, or why it is sent back"))
        self.form.addRow(self.tr("Opinion / reason (required):"), self.remarks)
        self.group: QListWidget | None = None
        self.evaluator: QComboBox | None = None
        if major:
            by_id = {d.id: d for d in departments}
            numbers = namesake_numbers(people)  # a namesake of the same department with the 工号
            self.group = QListWidget(self)
            self.group.setObjectName("acceptanceGroup")
            spacing = self.group.fontMetrics().lineSpacing()
            self.group.setMinimumHeight(spacing * 5 + 10)
            self.group.setMaximumHeight(spacing * 10 + 10)
            for person in sorted((p for p in people if p.active and p.id not in exclude), key=lambda p: p.name):
                item = QListWidgetItem(person_label(person, by_id, numbers))
                item.setData(Qt.ItemDataRole.UserRole, str(person.id))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person.id == operator else Qt.CheckState.Unchecked)
                self.group.addItem(item)
            self.form.addRow(self.tr("Acceptance group (≥ 3, incl. safety dept.):"), self.group)
            self.evaluator = QComboBox(self)
            self.evaluator.setObjectName("evaluator")
            self.evaluator.addItem(self.tr("Own experts"), Evaluator.OWN_EXPERTS.value)
            self.evaluator.addItem(self.tr("Safety evaluation agency"), Evaluator.AGENCY.value)
            self.evaluated_by = QLineEdit(self)
            self.evaluated_by.setObjectName("evaluatedBy")
            self.evaluated_by.setPlaceholderText(self.tr("Experts' names or the agency"))
            self.report_reference = QLineEdit(self)
            self.report_reference.setObjectName("reportReference")
            self.report_reference.setPlaceholderText(self.tr("Report no."))
            self.evaluated_on = date_edit(self, today)
            self.conclusion = text_edit(self, "evaluationConclusion", 2)
            who = QHBoxLayout()
            who.addWidget(self.evaluator)
            who.addWidget(self.evaluated_by, 1)
            when = QHBoxLayout()
            when.addWidget(self.report_reference, 1)
            when.addWidget(self.evaluated_on)
            self.form.addRow(self.tr("Evaluation by:"), who)
            self.form.addRow(self.tr("Report, date:"), when)
            self.form.addRow(self.tr("Conclusion:"), self.conclusion)
        self.send_back_choice.toggled.connect(self._sync)
        self.accept_choice.toggled.connect(self._sync)
        self._sync()
        self.fit((760, 700) if major else (680, 480))

    def _sync(self) -> None:
        accepting = self.accept_choice.isChecked()
        if accepting:
            self.ok.setText(self.tr("Accept and close out"))
        elif self.send_back_choice.isChecked():
            self.ok.setText(self.tr("Send back"))
        else:
            self.ok.setText(self.tr("OK"))
        for widget in (self.group, self.evaluator):
            if widget is not None:
                widget.setEnabled(accepting)

    def group_ids(self) -> tuple[uuid.UUID, ...]:
        if self.group is None:
            return ()
        found = []
        for row in range(self.group.count()):
            item = self.group.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(uuid.UUID(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(found)

    def check_person(self, person_id: uuid.UUID, checked: bool = True) -> None:
        if self.group is None:
            return
        for row in range(self.group.count()):
            item = self.group.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == str(person_id):
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def accepting(self) -> bool:
        return self.accept_choice.isChecked()

    def arguments(self) -> tuple[Any, ...]:
        if not self.accepting() and not self.send_back_choice.isChecked():
            raise ValidationError("result_empty", field="result")
        if not self.accepting():
            return (self.remarks.toPlainText(),)
        evaluation = None
        if self.major and self.evaluator is not None:
            evaluation = Evaluation(
                Evaluator(self.evaluator.currentData()), self.evaluated_by.text(), self.report_reference.text(),
                to_date(self.evaluated_on.date()), self.conclusion.toPlainText(),
            )  # fmt: skip
        return (AcceptanceInput(self.remarks.toPlainText(), self.group_ids(), evaluation),)

    def accept(self) -> None:
        if self.send_back_choice.isChecked():
            self._run, run = self._send_back, self._run
            try:
                super().accept()
            finally:
                self._run = run
            return
        super().accept()


# ---------------------------------------------------------------- 延期


class ExtensionRequestDialog(_StepDialog):
    """申请延期: a later deadline and why."""

    def __init__(self, run: Callable[..., Hazard], deadline: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Request an extension"), run, parent, "extensionRequestDialog")
        current = QLabel(format_date(deadline), self)
        current.setObjectName("currentDeadline")
        self.new_deadline = date_edit(self, deadline)
        self.new_deadline.setObjectName("newDeadline")
        self.reason = text_edit(self, "extensionReason", 3)
        self.form.addRow(self.tr("Present deadline:"), current)
        self.form.addRow(self.tr("New deadline:"), self.new_deadline)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.fit((520, 300))

    def arguments(self) -> tuple[Any, ...]:
        return (to_date(self.new_deadline.date()), self.reason.toPlainText())


class ExtensionDecisionDialog(_StepDialog):
    """批准 / 不批准延期: the pending request, decided with a reason (required when refused)."""

    def __init__(self, run_approve: Callable[..., Hazard], run_refuse: Callable[..., Hazard],
                 request: ExtensionRequest, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(self.tr("Decide the extension"), run_approve, parent, "extensionDecisionDialog")
        self._refuse = run_refuse
        summary = QLabel(
            self.tr("%1 asks to move the deadline from %2 to %3.")
            .replace("%1", request.requested_by.name)
            .replace("%2", format_date(request.current_deadline))
            .replace("%3", format_date(request.requested_deadline)),
            self,
        )
        summary.setWordWrap(True)
        asked = QLabel(request.reason, self)
        asked.setWordWrap(True)
        self.approve_choice = QRadioButton(self.tr("Approve"), self)
        self.approve_choice.setObjectName("approveChoice")
        self.refuse_choice = QRadioButton(self.tr("Refuse"), self)
        self.refuse_choice.setObjectName("refuseChoice")
        self.approve_choice.setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.approve_choice)
        choice.addWidget(self.refuse_choice)
        choice.addStretch(1)
        self.reason = text_edit(self, "decisionReason", 2)
        self.form.addRow(summary)
        self.form.addRow(self.tr("Reason given:"), asked)
        self.form.addRow(self.tr("Decision:"), choice)
        self.form.addRow(self.tr("Your reason:"), self.reason)
        self.fit((520, 320))

    def arguments(self) -> tuple[Any, ...]:
        return (self.reason.toPlainText(),)

    def accept(self) -> None:
        if self.refuse_choice.isChecked():
            self._run, run = self._refuse, self._run
            try:
                super().accept()
            finally:
                self._run = run
            return
        super().accept()

"""The 整改 (Rectification) menu, the detail pane's rectification section and the status-bar counts.

:func:`install_rectification_actions` adds one action per step of the loop (五定, plan, progress note,
extension request and decision, acceptance request, acceptance or 退回, on-the-spot fix), the 操作人
picker and the overdue/due list. An action is enabled when the hazard shown allows its step
(``RectificationView.actions``: the services decide); who may do it is checked by the use case when the
dialog's OK runs it, and a refusal is shown in the dialog. The dialogs are imported when first opened.

The status bar shows, from the start, how many hazards are overdue, due within 7 days and awaiting
acceptance: counted in SQL through the register's read port (no SQLAlchemy at start-up).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolButton, QWidget

from hazard_desktop.domain.hazard_states import HazardStatus
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.ui import messages
from hazard_desktop.ui.field_ui import ui_state
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.rectification.operator import remembered_operator
from hazard_desktop.ui.widgets import status_text

if TYPE_CHECKING:
    from hazard_desktop.domain.hazards import Hazard
    from hazard_desktop.services.rectification import RectificationView
    from hazard_desktop.services.reference_queries import ReferenceData
    from hazard_desktop.ui.main_window import MainWindow
    from hazard_desktop.ui.rectification.section import RectificationSection

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 8000
DUE_SOON_DAYS = 7

# The steps, by the name of their QAction (the action values of domain.rectification.Action they stand for).
STEPS: dict[str, tuple[str, ...]] = {
    "assign": ("assign",),
    "revise": ("revise",),
    "plan": ("save_plan",),
    "note": ("note",),
    "request_extension": ("request_extension",),
    "decide_extension": ("approve_extension", "refuse_extension"),
    "submit": ("submit",),
    "accept": ("accept", "send_back"),
    "on_the_spot": ("on_the_spot",),
}


def today() -> date:
    """The plant-local day: this computer's time zone, as ``services.rectification.plant_today``."""
    return date.today()


def due_filters(day: date) -> dict[str, RegisterFilter]:
    """The register filters behind the status-bar counts."""
    return {
        "overdue": RegisterFilter(deadline_before=day),
        "due_soon": RegisterFilter(deadline_from=day, deadline_before=day + timedelta(days=DUE_SOON_DAYS + 1)),
        "awaiting": RegisterFilter(statuses=frozenset({HazardStatus.VERIFYING})),
    }


class RectificationActions(QObject):
    """The rectification actions of one main window (kept as ``window.rectification_actions``)."""

    #: The 操作人 shown in the status bar changed (the account label then names the signed-in person or not).
    operator_changed = Signal()

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window: MainWindow = window  # type: ignore[assignment]
        self.context = context
        self._state = ui_state(context)
        self.operator: uuid.UUID | None = remembered_operator(self._state)
        self.view: RectificationView | None = None
        self.refused: dict[str, BaseException | None] = {}  # action value -> why the operator may not (None: may)
        self.load_error = ""  # why the hazard's loop could not be read (every step is greyed with this reason)
        self._tips: dict[str, str] = {}
        self.last_dialog: QWidget | None = None  # the dialog opened last (tests read it)
        self.today: Callable[[], date] = today
        texts = {
            "assign": (
                self.tr("&Assign rectification (五定)…"),
                self.tr("Responsibility, measures, funds, deadline, contingency"),
            ),
            "revise": (self.tr("&Revise assignment…"), self.tr("Change the 五定 (not the deadline)")),
            "plan": (
                self.tr("Treatment &plan…"),
                self.tr("The treatment plan of a major hazard, stoppage, reports, supervision"),
            ),
            "note": (self.tr("Progress &note…"), self.tr("Record progress with photos")),
            "request_extension": (self.tr("Request &extension…"), self.tr("Ask for a later deadline")),
            "decide_extension": (self.tr("&Decide extension…"), self.tr("Approve or refuse the extension asked for")),
            "submit": (self.tr("Request a&cceptance…"), self.tr("The rectification is done: name who accepts it")),
            "accept": (
                self.tr("Acceptance (accept / send &back)…"),
                self.tr("Accept and close out, or send back with a reason"),
            ),
            "on_the_spot": (
                self.tr("Fixed on the &spot…"),
                self.tr("A general hazard fixed when found; a second person accepts it"),
            ),
        }
        self.actions: dict[str, QAction] = {}
        slots: dict[str, Callable[[], object]] = {
            "assign": self.assign,
            "revise": self.revise,
            "plan": self.plan,
            "note": self.note,
            "request_extension": self.request_extension,
            "decide_extension": self.decide_extension,
            "submit": self.submit,
            "accept": self.acceptance,
            "on_the_spot": self.on_the_spot,
        }
        menu = self.window.menu_for("rectification")
        menu.setToolTipsVisible(True)  # a greyed step says why when hovered (trial: 验收 was grey with no reason)
        for name, (text, tip) in texts.items():
            action = QAction(text, self.window)
            action.setObjectName(f"rectify_{name}")
            action.setStatusTip(tip)
            action.setToolTip(tip)
            self._tips[name] = tip
            action.triggered.connect(lambda _checked=False, slot=slots[name]: self._run_slot(slot))
            self.actions[name] = action
            menu.addAction(action)
            if name in ("plan", "decide_extension", "accept"):
                menu.addSeparator()
        menu.addSeparator()
        self.choose_operator = QAction(self.tr("&Operator…"), self.window)
        self.choose_operator.setObjectName("rectify_operator")
        self.choose_operator.setStatusTip(self.tr("Who is at the keyboard: steps are recorded under this person"))
        self.choose_operator.triggered.connect(self.ask_operator)
        menu.addAction(self.choose_operator)
        self.due_list = QAction(self.tr("Overdue and d&ue soon…"), self.window)
        self.due_list.setObjectName("rectify_due_list")
        self.due_list.setStatusTip(self.tr("Hazards under rectification that are overdue or due within 7 days"))
        self.due_list.triggered.connect(self.open_due_list)
        menu.addAction(self.due_list)

        self.counts = QToolButton(self.window)
        self.counts.setObjectName("dueCounts")
        self.counts.setAutoRaise(True)
        self.counts.clicked.connect(self.open_due_list)
        self.window.statusBar().addPermanentWidget(self.counts)
        self.operator_label = QToolButton(self.window)
        self.operator_label.setObjectName("operatorLabel")
        self.operator_label.setAutoRaise(True)
        self.operator_label.clicked.connect(self.ask_operator)
        self.window.statusBar().addPermanentWidget(self.operator_label)

        self._section: RectificationSection | None = None  # made when a hazard is first shown (start-up stays light)
        self.window.hazard_selected.connect(self._hazard_selected)
        self.window.detail.hazard_changed.connect(self._detail_changed)
        self.window.model.modelReset.connect(self._register_read_again)
        self.window.filter_bar.set_operator(self.operator)
        self.update_counts()
        self._update_operator()
        self.update()

    # ------------------------------------------------------------------ state

    def _register_read_again(self) -> None:
        """The register was read again (an edit, a grading, F5): so are the counts and the loop shown."""
        self.update_counts()
        if self.view is not None:
            self.load(self.view.hazard.id)

    def _detail_changed(self, details: object) -> None:
        self._hazard_selected(None if details is None else self.window.detail.hazard_id())

    def _hazard_selected(self, hazard_id: object) -> None:
        if not isinstance(hazard_id, uuid.UUID):
            self.view = None
            self.update()
            return
        if self.view is not None and self.view.hazard.id == hazard_id:
            return
        self.load(hazard_id)

    def load(self, hazard_id: uuid.UUID | None) -> RectificationView | None:
        """Read the loop of ``hazard_id`` (what the actions and the section show)."""
        from hazard_desktop.services import rectification

        self.view = None
        self.refused = {}
        self.load_error = ""
        if hazard_id is not None:
            try:
                self.view = rectification.load_view(self.context.uow(), hazard_id, today=self.today())
                if self.operator is not None:
                    found = rectification.refusals(self.context.uow(), hazard_id, self.operator)
                    self.refused = {action.value: error for action, error in found.items()}
            except Exception as exc:
                if not messages.is_user_error(exc):
                    raise
                log.warning("rectification view of %s: %s", hazard_id, exc)
                if self.view is None:  # every step greyed: say why rather than nothing
                    self.load_error = messages.error_text(exc, "rectification")
        self.update()
        return self.view

    def refusal(self, name: str) -> str:
        """Why the 操作人 may not take step ``name`` now ("" if they may, or while nobody is chosen)."""
        if not self.refused:
            return ""
        errors = [self.refused.get(action) for action in STEPS[name]]
        if any(error is None for error in errors):
            return ""
        first = next((e for e in errors if e is not None), None)
        return messages.error_text(first, "rectification") if first is not None else ""

    def allowed(self, name: str) -> bool:
        """True if the hazard shown allows the step behind action ``name`` (the services' answer)."""
        view = self.view
        return view is not None and any(a in {x.value for x in view.actions} for a in STEPS[name])

    @property
    def section(self) -> RectificationSection:
        """The detail pane's rectification section (made on first use)."""
        if self._section is None:
            from hazard_desktop.ui.rectification.section import RectificationSection

            self._section = RectificationSection(self, self.window.detail)
            self.window.detail.add_section(self._section)
        return self._section

    def update(self) -> None:
        for name, action in self.actions.items():  # the state allows it, and the operator may do it
            reason = self.refusal(name) if self.allowed(name) else self.load_error
            action.setEnabled(self.allowed(name) and not reason)
            action.setToolTip(reason or self._tips[name])
            action.setStatusTip(reason or self._tips[name])
        if self.view is not None or self._section is not None:
            self.section.show_view(self.view)

    def update_counts(self) -> dict[str, int]:
        """The status bar's counts (overdue, due within 7 days, awaiting acceptance), read in SQL."""
        day = self.today()
        self.window.model.set_today(day)  # past midnight the days left move on (at the next re-read, F5)
        try:
            counts = {key: self.context.register.count(flt) for key, flt in due_filters(day).items()}
        except Exception:  # a locked database: the register says so; the counts stay as they were
            log.exception("due counts")
            return {}
        numbers = (str(counts["overdue"]), str(counts["due_soon"]), str(counts["awaiting"]))
        full = self.tr("Overdue: %1 · due within 7 days: %2 · awaiting acceptance: %3")
        short = self.tr("Overdue %1 · 7 days %2 · to accept %3")  # a narrow status bar (911 px: 1366 at 150 %)
        for number, value in zip(("%1", "%2", "%3"), numbers, strict=True):
            full, short = full.replace(number, value), short.replace(number, value)
        status_text.set_texts(self.counts, full, short)
        self.counts.setToolTip(full + "\n" + self.tr("Open the list of overdue and due hazards"))
        self.counts.setStyleSheet("color: #c62828; font-weight: bold;" if counts["overdue"] else "")
        self._fit_status_bar()
        return counts

    def _fit_status_bar(self) -> None:
        fit = getattr(self.window, "fit_status_bar", None)
        if fit is not None:  # a longer text may no longer fit beside the others
            fit()

    def _update_operator(self) -> None:
        name = self._operator_name()
        self.operator_label.setText(
            self.tr("Operator: %1").replace("%1", name) if name else self.tr("Operator: (choose)")
        )
        self._fit_status_bar()
        self.window.filter_bar.set_operator(self.operator)
        self.operator_changed.emit()

    def _operator_name(self) -> str:
        if self.operator is None:
            return ""
        try:
            _departments, people = self._reference()
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            return ""
        from hazard_desktop.domain.reference import namesake_numbers

        numbers = namesake_numbers(people)  # the operator with a namesake in their department: with the 工号
        return next((numbered_name(p.name, numbers.get(p.id)) for p in people if p.id == self.operator), "")

    def ask_operator(self) -> uuid.UUID | None:
        from hazard_desktop.ui.rectification.operator import OperatorDialog

        chosen = OperatorDialog.ask(self.window, self.context)
        if chosen is not None or remembered_operator(self._state) is None:
            self.operator = remembered_operator(self._state)
            self._update_operator()
            self.load(self.view.hazard.id if self.view is not None else None)
        return chosen

    def set_operator(self, person_id: uuid.UUID | None) -> None:
        """Choose the 操作人 without the dialog (tests; issue 14: the logged-in account)."""
        from hazard_desktop.ui.rectification.operator import remember_operator

        remember_operator(self._state, person_id)
        self.operator = person_id
        self._update_operator()
        self.load(self.view.hazard.id if self.view is not None else None)

    # ------------------------------------------------------------------ running a step

    def _run_slot(self, slot: Callable[[], object]) -> None:
        if self.view is None:
            return
        if self.operator is None and self.ask_operator() is None:
            return
        slot()

    def _bind(self, use_case: Callable[..., Hazard]) -> Callable[..., Hazard]:
        """``use_case`` bound to the hazard shown, its revision and the operator: what a dialog's OK runs."""
        view = self.view
        assert view is not None and self.operator is not None
        hazard_id, revision, operator = view.hazard.id, view.hazard.revision, self.operator

        def run(*args: Any) -> Hazard:
            return use_case(self.context.uow(), hazard_id, revision, operator, *args)

        return run

    def _open(self, dialog: QWidget, done: str) -> Hazard | None:
        self.last_dialog = dialog
        if self.view is not None:
            hazard = self.view.hazard
            dialog.set_heading(f"{hazard.number} {' '.join(hazard.description.split())[:100]}")  # type: ignore[attr-defined]
        hazard: Hazard | None = None
        if dialog.exec():  # type: ignore[attr-defined]
            hazard = dialog.hazard  # type: ignore[attr-defined]
        dialog.deleteLater()
        if hazard is not None:
            self.after_change(hazard.id, done)
        return hazard

    def after_change(self, hazard_id: uuid.UUID, message: str) -> None:
        self.view = None
        self.window.refresh()
        self.window.select_hazard(hazard_id)
        self.window.detail.refresh()
        self.load(hazard_id)
        self.update_counts()
        self.window.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def names(self) -> dict[uuid.UUID, str]:
        """Person and department ids to names (inactive ones too: old records name them); a person with a
        namesake in their department with the 工号 (``周永明（E0099）``)."""
        from hazard_desktop.domain.reference import namesake_numbers

        data = self._everyone()
        if data is None:
            return {}
        numbers = namesake_numbers(data.people)
        found: dict[uuid.UUID, str] = {d.id: d.name for d in data.departments}
        found.update({p.id: numbered_name(p.name, numbers.get(p.id)) for p in data.people})
        return found

    def namesake_numbers(self) -> dict[uuid.UUID, str]:
        """Person id → 工号 of each person who needs it to be told from a namesake of their department."""
        from hazard_desktop.domain.reference import namesake_numbers

        data = self._everyone()
        return {} if data is None else namesake_numbers(data.people)

    def _everyone(self) -> ReferenceData | None:
        """Departments and people, inactive ones too (None: not readable, said in the log)."""
        from hazard_desktop.services import reference_queries

        try:
            return reference_queries.load_reference(self.context.uow(), include_inactive=True)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            return None

    def _reference(self) -> tuple[list[Any], list[Any]]:
        from hazard_desktop.services import reference_queries

        return reference_queries.departments_and_people(self.context.uow())

    # ------------------------------------------------------------------ the steps

    def assign(self) -> Hazard | None:
        from hazard_desktop.domain.hazards import HazardGrade
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import AssignDialog

        view = self.view
        assert view is not None
        departments, people = self._reference()
        settings = rectification.load_settings(self.context.uow())
        default = rectification.default_deadline_for(self.context.uow(), view.hazard.id, today=view.today)
        dialog = AssignDialog(
            self._bind(rectification.assign), labels=settings.labels, departments=departments, people=people,
            today=view.today, default_deadline=default, major=view.hazard.grade is HazardGrade.MAJOR,
            plan=view.plan, department_id=view.hazard.department_id, parent=self.window,
        )  # fmt: skip
        return self._open(dialog, self.tr("Rectification assigned."))

    def revise(self) -> Hazard | None:
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import AssignDialog

        view = self.view
        assert view is not None and view.assignment is not None
        departments, people = self._reference()
        settings = rectification.load_settings(self.context.uow())
        dialog = AssignDialog(
            self._bind(rectification.revise_assignment), labels=settings.labels, departments=departments,
            people=people, today=view.today, default_deadline=None, major=False, existing=view.assignment,
            parent=self.window,
        )  # fmt: skip
        return self._open(dialog, self.tr("Assignment revised."))

    def plan(self) -> Hazard | None:
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import PlanDialog

        view = self.view
        assert view is not None
        dialog = PlanDialog(self._bind(rectification.save_plan), view.today, view.plan, self.window)
        return self._open(dialog, self.tr("Treatment plan saved."))

    def note(self) -> Hazard | None:
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import NoteDialog

        run = self._bind(rectification.add_note)
        dialog = NoteDialog(lambda text, photos: run(text, photos, self.context.images), self.context, self.window)
        return self._open(dialog, self.tr("Progress note recorded."))

    def request_extension(self) -> Hazard | None:
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import ExtensionRequestDialog

        view = self.view
        assert view is not None
        deadline = view.hazard.deadline or view.today
        dialog = ExtensionRequestDialog(self._bind(rectification.request_extension), deadline, self.window)
        return self._open(dialog, self.tr("Extension requested."))

    def decide_extension(self) -> Hazard | None:
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import ExtensionDecisionDialog

        view = self.view
        assert view is not None
        request = view.pending_extension
        if request is None:
            return None
        dialog = ExtensionDecisionDialog(
            self._bind(rectification.approve_extension), self._bind(rectification.refuse_extension), request,
            self.window,
        )  # fmt: skip
        return self._open(dialog, self.tr("Extension decided."))

    def submit(self) -> Hazard | None:
        from hazard_desktop.domain.rectification import Action
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import SubmitDialog

        view = self.view
        assert view is not None
        departments, people = self._reference()
        run = self._bind(rectification.submit_for_acceptance)
        exclude = [p for p in (view.hazard.responsible_person_id, self.operator) if p is not None]
        asked = [t.details.get("acceptor_id") for t in view.timeline if t.action is Action.SUBMIT]
        previous = uuid.UUID(str(asked[-1])) if asked and asked[-1] else None
        dialog = SubmitDialog(
            lambda acceptor, text, photos: run(acceptor, text, photos, self.context.images),
            self.context, people, departments, exclude, self.window, previous=previous,
        )  # fmt: skip
        return self._open(dialog, self.tr("Acceptance requested."))

    def on_the_spot(self) -> Hazard | None:
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import OnTheSpotDialog

        departments, people = self._reference()
        run = self._bind(rectification.fix_on_the_spot)
        exclude = [self.operator] if self.operator is not None else []
        dialog = OnTheSpotDialog(
            lambda measure, acceptor, photos: run(measure, acceptor, photos, self.context.images),
            self.context, people, departments, exclude, self.window,
        )  # fmt: skip
        return self._open(dialog, self.tr("On-the-spot fix recorded; it waits for acceptance."))

    def acceptance(self) -> Hazard | None:
        from hazard_desktop.domain.hazards import HazardGrade
        from hazard_desktop.services import rectification
        from hazard_desktop.ui.rectification.dialogs import AcceptDialog

        view = self.view
        assert view is not None
        departments, people = self._reference()
        before, after = self.before_and_after()
        exclude = [p for p in (view.hazard.responsible_person_id,) if p is not None]
        dialog = AcceptDialog(
            self._bind(rectification.accept), self._bind(rectification.send_back),
            major=view.hazard.grade is HazardGrade.MAJOR, people=people, departments=departments,
            today=view.today, before=before, after=after, operator=self.operator, exclude=exclude,
            parent=self.window,
        )  # fmt: skip
        hazard = self._open(dialog, self.tr("Acceptance recorded."))
        if hazard is not None and hazard.status is HazardStatus.CLOSED:
            self.window.statusBar().showMessage(self.tr("Accepted: the hazard is closed out."), STATUS_TIMEOUT_MS)
        elif hazard is not None:
            self.window.statusBar().showMessage(self.tr("Sent back for rectification."), STATUS_TIMEOUT_MS)
        return hazard

    def before_and_after(self) -> tuple[list[tuple[str, bytes | None]], list[tuple[str, bytes | None]]]:
        """Thumbnails of the hazard's own photos and before-photos, and of the after-photos (side by side)."""
        from hazard_desktop.domain.rectification import PhotoStage
        from hazard_desktop.services import hazards as hazard_service
        from hazard_desktop.services import rectification
        from hazard_desktop.services.ports import PhotoKind

        view = self.view
        assert view is not None
        before: list[tuple[str, bytes | None]] = []
        after: list[tuple[str, bytes | None]] = []
        hazard = hazard_service.get_hazard(self.context.uow(), view.hazard.id)  # its photos, pane shown or not
        for photo in sorted(hazard.photos, key=lambda p: p.position):
            before.append(
                (photo.original_name, hazard_service.photo_bytes(self.context.uow(), photo.id, PhotoKind.THUMB))
            )
        progress = self.tr("Progress: %1")
        for note in view.notes:
            for photo in note.photos:
                jpeg = rectification.rectification_photo_bytes(self.context.uow(), photo.id, PhotoKind.THUMB)
                if photo.stage is PhotoStage.PROGRESS:  # shown on the after side, labelled (issue 12)
                    after.append((progress.replace("%1", photo.original_name), jpeg))
                else:
                    (before if photo.stage is PhotoStage.BEFORE else after).append((photo.original_name, jpeg))
        return before, after

    # ------------------------------------------------------------------ the list

    def open_due_list(self) -> QWidget:
        from hazard_desktop.ui.rectification.due_list import DueListDialog

        dialog = DueListDialog.open_for(self)
        self.last_dialog = dialog
        return dialog


def install_rectification_actions(window: QMainWindow, context: AppContext) -> RectificationActions:
    """Add the Rectification menu, the detail pane's section and the status-bar counts to ``window``."""
    actions = RectificationActions(window, context)
    window.rectification_actions = actions  # type: ignore[attr-defined]
    return actions

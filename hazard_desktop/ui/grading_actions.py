"""The "Grading" menu and toolbar actions of the main window.

:func:`install_grading_actions` adds: LEC calculator, major-hazard check, grade the selected hazard(s)
with the panel (several selected rows make a batch meeting) and the dispute dialog of the selected
hazard. The register allows several rows to be selected for that. Actions are enabled by the selection's
state (an ungraded, not closed-out hazard can be graded; a graded one can be disputed); after a change
the window re-reads the register (:meth:`MainWindow.refresh`) and keeps the selection.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QMenu, QStatusBar, QStyle, QTableView, QToolBar

from hazard_desktop.domain.errors import InvalidTransition
from hazard_desktop.domain.hazard_states import HazardGrade, HazardStatus
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterRow
from hazard_desktop.ui import messages
from hazard_desktop.ui.models.register_model import RowRole

if TYPE_CHECKING:  # the dialogs are imported when first opened (start-up stays light)
    from hazard_desktop.domain.grading import CriteriaCheckResult
    from hazard_desktop.ui.dialogs.dispute_panel import DisputeResult
    from hazard_desktop.ui.dialogs.panel_scoring import CarriedCheck, PanelScoringResult

STATUS_TIMEOUT_MS = 8000
#: The use case that finishes a panel grading (the leader confirms): who may not run it sees the entry greyed.
GRADE_USE_CASE = "grading.confirm"


class GradingWindow(Protocol):
    """What the actions need from the main window."""

    view: QTableView
    toolbar: QToolBar

    def menu_for(self, name: str) -> QMenu: ...
    def refresh(self) -> None: ...
    def current_hazard_id(self) -> uuid.UUID | None: ...
    def select_hazard(self, hazard_id: uuid.UUID) -> bool: ...
    def statusBar(self) -> QStatusBar: ...


def panel_grading_refusal(context: AppContext) -> str:
    """Why the signed-in account may not grade with the panel ("" if it may): the role and where it is given.

    The entry stays visible but greyed with this reason, and the grading window says it before anyone is
    chosen, so the user learns which role is needed (the services refuse anyway).
    """
    from hazard_desktop.ui.accounts.actions import may

    actor = context.session.actor
    if may(actor, "grading", GRADE_USE_CASE):
        return ""
    from hazard_desktop.services.authorization import USE_CASES
    from hazard_desktop.ui.accounts.labels import roles_needed_text
    from hazard_desktop.ui.widgets.hidden_scoring import arg

    roles = roles_needed_text([r.value for r in USE_CASES[GRADE_USE_CASE].roles])
    template = QCoreApplication.translate(
        "GradingActions",
        "Grading with the panel needs the role %1 (signed in: %2). The safety office administrator gives"
        " roles under Tools → Accounts.",
    )
    return arg(template, roles, actor.name)


def can_grade(row: RegisterRow) -> bool:
    """An ungraded hazard that is not closed out."""
    return row.grade is HazardGrade.UNGRADED and row.status is not HazardStatus.CLOSED


def can_dispute(row: RegisterRow) -> bool:
    """A graded hazard (the dialog tells whether its grading can still be disputed or is being disputed)."""
    return row.grade is not HazardGrade.UNGRADED or row.dispute_state == "open"


class GradingActions(QObject):
    """The grading actions of one main window (kept alive as ``window.grading_actions``)."""

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window: GradingWindow = window  # type: ignore[assignment]
        self.context = context
        # checks made in the standalone dialog for one hazard, by hazard: the grading window starts with them
        # (saying whose and when) while they went through the list still in force; kept for this session only
        self.checks_made: dict[uuid.UUID, CarriedCheck] = {}
        self.calculator = self._action(
            self.tr("&LEC calculator…"),
            self.tr("D = L × E × C with band and required action"),
            self.open_calculator,
            icon=QStyle.StandardPixmap.SP_FileDialogInfoView,
        )
        self.calculator.setIconText(self.tr("LEC calculator"))
        self.check = self._action(
            self.tr("&Major-hazard check…"),
            self.tr("Check the selected hazard against the major-hazard criteria"),
            self.open_check,
        )
        self.grade = self._action(
            self.tr("&Grade with the panel…"),
            self.tr("Grade the selected hazard(s) with the scoring panel; several selected hazards form a meeting"),
            self.grade_selected,
            shortcut=QKeySequence("Ctrl+G"),
            icon=QStyle.StandardPixmap.SP_DialogApplyButton,
        )
        self.grade.setIconText(self.tr("Grade"))
        self.grade_tip = self.grade.toolTip()
        self.dispute = self._action(
            self.tr("&Dispute…"),
            self.tr("Raise a dispute about the selected hazard's grade, or convene the dispute panel"),
            self.dispute_selected,
            icon=QStyle.StandardPixmap.SP_MessageBoxQuestion,
        )
        self.dispute.setIconText(self.tr("Dispute"))

        menu = self.window.menu_for("grading")
        menu.setToolTipsVisible(True)  # a greyed entry says why when hovered
        menu.addAction(self.grade)
        menu.addAction(self.check)
        menu.addAction(self.dispute)
        menu.addSeparator()
        menu.addAction(self.calculator)
        toolbar = self.window.toolbar
        toolbar.addSeparator()
        toolbar.addAction(self.grade)
        toolbar.addAction(self.dispute)
        toolbar.addAction(self.calculator)

        view = self.window.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.addAction(self.grade)
        view.addAction(self.dispute)
        view.selectionModel().selectionChanged.connect(self.update)
        model = view.model()
        model.modelReset.connect(self.update)
        hazard_selected = getattr(window, "hazard_selected", None)
        if hazard_selected is not None:
            hazard_selected.connect(self.update)
        unsubscribe = context.session.subscribe(lambda _session: QTimer.singleShot(0, self.update))
        self.destroyed.connect(lambda *_: unsubscribe())
        self.update()

    def _action(
        self,
        text: str,
        tip: str,
        slot: object,
        *,
        shortcut: QKeySequence | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self.window)  # type: ignore[arg-type]
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))  # type: ignore[attr-defined]
        action.triggered.connect(slot)
        return action

    # ------------------------------------------------------------------ selection

    def selected_rows(self) -> list[RegisterRow]:
        """The register rows selected, in display order."""
        view = self.window.view
        model = view.model()
        indexes: list[QModelIndex] = sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())
        rows = [model.data(index, RowRole) for index in indexes]
        return [row for row in rows if isinstance(row, RegisterRow)]

    def update(self, *_args: object) -> None:
        """Enable the actions by the selection's state."""
        rows = self.selected_rows()
        refusal = self.role_refusal()
        self.grade.setEnabled(not refusal and bool(rows) and all(can_grade(r) for r in rows))
        if refusal:
            tip = refusal
        elif not self.grade.isEnabled():
            tip = self.tr("Select one or more hazards that are not graded yet and not closed out.")
        else:
            tip = self.grade_tip
        self.grade.setToolTip(tip)
        self.grade.setStatusTip(tip)
        self.dispute.setEnabled(len(rows) == 1 and can_dispute(rows[0]))
        self.check.setEnabled(len(rows) <= 1)
        if len(rows) > 1:
            self.grade.setText(self.tr("&Grade %n hazard(s) with the panel…", "", len(rows)))
        else:
            self.grade.setText(self.tr("&Grade with the panel…"))

    def role_refusal(self) -> str:
        """Why the signed-in account may not grade with the panel ("" if it may)."""
        return panel_grading_refusal(self.context)

    def _after_change(self, hazard_id: uuid.UUID | None, message: str) -> None:
        self.window.refresh()
        if hazard_id is not None:
            self.window.select_hazard(hazard_id)
        self.window.statusBar().showMessage(message, STATUS_TIMEOUT_MS)
        self.update()

    # ------------------------------------------------------------------ commands

    def open_calculator(self) -> None:
        from hazard_desktop.ui.dialogs.lec_calculator import LecCalculatorDialog

        LecCalculatorDialog.ask(self.window, self.context)  # type: ignore[arg-type]

    def open_check(self) -> CriteriaCheckResult | None:
        """The major-hazard check; for one ungraded hazard a major result leads on to the panel grading."""
        from hazard_desktop.ui.dialogs.criteria_check import CriteriaCheckDialog
        from hazard_desktop.ui.widgets.hidden_scoring import arg  # with the dialog, not at start-up

        rows = self.selected_rows()
        row = rows[0] if len(rows) == 1 else None
        title = "" if row is None else f"{row.number} — {' '.join(row.description.split())[:80]}"
        result = CriteriaCheckDialog.ask(self.window, self.context, title)  # type: ignore[arg-type]
        if result is None or row is None:
            return result
        if can_grade(row):  # the panel grading starts with this answer, not a second check of its own
            from hazard_desktop.ui.dialogs.panel_scoring import CarriedCheck

            actor = self.context.session.actor
            self.checks_made[row.id] = CarriedCheck(result, "" if actor.single_user else actor.name)
        if result.is_major and not can_grade(row):  # a refused action says why (nothing was written)
            code = "hazard_closed" if row.status is HazardStatus.CLOSED else "hazard_already_graded"
            reason = messages.error_text(InvalidTransition(code, hazard=row.number), "grading")
            text = arg(self.tr("The result of the check was not applied: %1"), reason)
            messages.show_info(self.window, self.tr("Major-hazard check"), text)  # type: ignore[arg-type]
            return None
        if result.is_major and can_grade(row):
            question = arg(
                self.tr("Hazard %1 is a major hazard by this check. Grade it with the panel now?"), row.number
            )
            if messages.confirm(self.window, self.tr("Major-hazard check"), question):  # type: ignore[arg-type]
                self._grade([row.id], result)
        elif not result.is_major:
            self.window.statusBar().showMessage(
                arg(self.tr("%1: no major-hazard criterion matches."), row.number), STATUS_TIMEOUT_MS
            )
        return result

    def grade_selected(self) -> PanelScoringResult | None:
        rows = [r for r in self.selected_rows() if can_grade(r)]
        if not rows:
            return None
        return self._grade([r.id for r in rows], None)

    def _grade(self, hazard_ids: list[uuid.UUID], check: CriteriaCheckResult | None) -> PanelScoringResult | None:
        from hazard_desktop.ui.dialogs.panel_scoring import PanelScoringDialog

        carried = {key: self.checks_made[key] for key in hazard_ids if key in self.checks_made}
        try:
            result = PanelScoringDialog.ask(
                self.window,  # type: ignore[arg-type]
                self.context,
                hazard_ids,
                check=check,
                carried=carried,
            )
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            messages.show_error(self.window, exc)  # type: ignore[arg-type]
            return None
        if result is not None:
            for grading in result.gradings:
                self.checks_made.pop(grading.hazard_id, None)
            last = result.gradings[-1].hazard_id
            self._after_change(last, self.tr("%n grading(s) confirmed.", "", len(result.gradings)))
        return result

    def dispute_selected(self) -> DisputeResult | None:
        rows = self.selected_rows()
        hazard_id = rows[0].id if len(rows) == 1 else self.window.current_hazard_id()
        if hazard_id is None:
            return None
        from hazard_desktop.ui.dialogs.dispute_panel import DisputePanelDialog

        try:
            result = DisputePanelDialog.ask(self.window, self.context, hazard_id)  # type: ignore[arg-type]
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            messages.show_error(self.window, exc)  # type: ignore[arg-type]
            return None
        if result is not None:
            texts = {
                "open": self.tr("Dispute raised."),
                "ruled": self.tr("Dispute ruled; the ruling is the final grading."),
                "withdrawn": self.tr("Dispute withdrawn."),
            }
            self._after_change(hazard_id, texts.get(result.state.value, ""))
        return result


def install_grading_actions(window: QMainWindow, context: AppContext) -> GradingActions:
    """Add the Grading menu and toolbar actions to ``window``; the result is kept as ``window.grading_actions``."""
    actions = GradingActions(window, context)
    window.grading_actions = actions  # type: ignore[attr-defined]
    return actions

"""The inspection list (检查记录): drafts and finished runs; new, continue, print the record, show hazards.

"Print record…" renders the 安全检查记录表 into a temporary PDF and opens it in the same print preview as
the grading sheets (``ui.sheets.preview``): print it, or save it as a PDF from the preview's toolbar.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QToolBar,
    QWidget,
)

from hazard_desktop.domain.inspections import InspectionState, InspectionSummary
from hazard_desktop.services import inspections as service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.inspection_record_model import build_record
from hazard_desktop.ui import messages
from hazard_desktop.ui.inspections import texts
from hazard_desktop.ui.inspections.models import (
    COL_AREA,
    COL_DATE,
    COL_INSPECTORS,
    COL_NUMBER,
    COL_STATE,
    COL_TEMPLATE,
    InspectionListModel,
)
from hazard_desktop.ui.inspections.runner import InspectionRunner
from hazard_desktop.ui.inspections.start_dialog import StartInspectionDialog
from hazard_desktop.ui.widgets import screen_fit

log = logging.getLogger(__name__)


class InspectionListWindow(QMainWindow):
    """Every inspection, newest first, with what can be done to the selected one.

    Signals:
        show_hazards_requested(object): the id of an inspection whose hazards the register should show.
        hazards_changed(): a finalize registered hazards (the register should re-read).
    """

    show_hazards_requested = Signal(object)
    hazards_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionListWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Inspections"))
        self._context = context
        self.runners: dict[uuid.UUID, InspectionRunner] = {}
        self.record_preview: QDialog | None = None

        self.model = InspectionListModel(parent=self)
        self.view = QTableView(self)
        self.view.setObjectName("inspectionList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in {
            COL_NUMBER: 110,
            COL_DATE: 96,
            COL_TEMPLATE: 280,
            COL_AREA: 230,
            COL_INSPECTORS: 130,
            COL_STATE: 70,
        }.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.setCentralWidget(self.view)

        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("inspectionStateFilter")
        self.state_combo.addItem(self.tr("All inspections"), frozenset())
        self.state_combo.addItem(self.tr("Drafts"), frozenset({InspectionState.DRAFT}))
        self.state_combo.addItem(self.tr("Finalized"), frozenset({InspectionState.FINALIZED}))
        self.state_combo.currentIndexChanged.connect(self.refresh)

        self.action_new = self._action(self.tr("&New inspection…"), self.new_inspection, "Ctrl+N")
        self.action_open = self._action(self.tr("&Continue / open"), self.open_selected, "Return")
        self.action_print = self._action(self.tr("&Print record…"), self.print_record, "Ctrl+P")
        self.action_hazards = self._action(self.tr("Show &hazards in the register"), self.show_hazards)
        self.action_delete = self._action(self.tr("&Delete draft…"), self.delete_draft)
        self.action_templates = self._action(self.tr("Check&lists…"), self.open_templates)
        self.action_refresh = self._action(self.tr("&Refresh"), self.refresh, "F5")
        toolbar = QToolBar(self.tr("Inspections"), self)
        toolbar.setObjectName("inspectionToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.action_new, self.action_open, self.action_print, self.action_hazards):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.action_delete)
        toolbar.addSeparator()
        toolbar.addAction(self.action_templates)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Show: "), self))
        toolbar.addWidget(self.state_combo)
        self.addToolBar(toolbar)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.action_open, self.action_print, self.action_hazards, self.action_delete):
            self.view.addAction(action)

        screen_fit.fit_on_show(self, (1200, 560), remember="inspectionList")
        self.refresh()

    def _action(self, text: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ------------------------------------------------------------------------------------ state

    def refresh(self) -> None:
        """Read the list again, keeping the selection."""
        selected = self.selected()
        states = self.state_combo.currentData() or frozenset()
        try:
            rows = service.list_inspections(self._context.uow(), states)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return
        self.model.set_rows(rows)
        if selected is not None:
            self.select(selected.id)
        drafts = sum(1 for r in rows if r.state is InspectionState.DRAFT)
        self.statusBar().showMessage(
            self.tr("%n inspection(s)", "", len(rows)) + " · " + self.tr("%n draft(s)", "", drafts)
        )
        self._update_actions()

    def selected(self) -> InspectionSummary | None:
        """The selected row's inspection."""
        index = self.view.selectionModel().currentIndex()
        rows = self.view.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, inspection_id: uuid.UUID) -> bool:
        """Select an inspection's row."""
        row = self.model.find_row(inspection_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        return True

    def _update_actions(self) -> None:
        row = self.selected()
        self.action_open.setEnabled(row is not None)
        self.action_print.setEnabled(row is not None)
        self.action_hazards.setEnabled(row is not None and row.hazards > 0)
        self.action_delete.setEnabled(row is not None and row.state is InspectionState.DRAFT and row.hazards == 0)
        if row is not None:
            self.action_open.setText(
                self.tr("&Continue") if row.state is InspectionState.DRAFT else self.tr("&Open (read only)")
            )

    # ---------------------------------------------------------------------------------- actions

    def new_inspection(self) -> InspectionRunner | None:
        """Ask for the start data, then open the runner on the new draft."""
        inspection = StartInspectionDialog.ask(self, self._context)
        if inspection is None:
            return None
        self.refresh()
        self.select(inspection.id)
        return self.open_runner(inspection.id)

    def _activated(self, index: QModelIndex) -> None:
        self.open_selected()

    def open_selected(self) -> InspectionRunner | None:
        """Continue the selected draft or show the selected finished run."""
        row = self.selected()
        return None if row is None else self.open_runner(row.id)

    def open_runner(self, inspection_id: uuid.UUID) -> InspectionRunner | None:
        """Open (or raise) the runner of ``inspection_id``."""
        existing = self.runners.get(inspection_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            runner = InspectionRunner.open_for(self, self._context, inspection_id)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return None
        self.runners[inspection_id] = runner
        runner.answer_saved.connect(lambda _answer: self.refresh())
        runner.finalized.connect(self._finalized)
        runner.finished.connect(lambda _code, key=inspection_id: self._runner_closed(key))
        return runner

    def _runner_closed(self, inspection_id: uuid.UUID) -> None:
        # A closed runner stays a hidden child until this window goes: deleting it from its own
        # ``finished`` (deleteLater, WA_DeleteOnClose) crashes PySide if this window is deleted first.
        self.runners.pop(inspection_id, None)

    def _finalized(self, _result: object) -> None:
        self.refresh()
        self.hazards_changed.emit()

    def print_record(self) -> QDialog | None:
        """Show the 安全检查记录表 of the selected inspection in the print preview (print / save as PDF).

        Returns the preview (open, not modal; it deletes itself and its temporary PDF when closed).
        """
        row = self.selected()
        if row is None:
            return None
        factory = self._context.inspection_record_renderer
        if factory is None:
            messages.show_info(self, self.tr("Print record"), self.tr("Printing is not available in this build."))
            return None
        folder = Path(tempfile.mkdtemp(prefix="hazard-record-"))
        target = folder / f"{row.number}.pdf"
        try:
            record = build_record(self._context.uow(), row.id)
            factory().render(record, target)
            from hazard_desktop.ui.sheets.preview import SheetPreviewDialog  # QtPdf and QtPrintSupport load here

            title = self.tr("Inspection record {number}").format(number=row.number)
            dialog = SheetPreviewDialog(target, title, None, self, suggested_name=target.name, context=self._context)
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            reason = messages.os_error_text(exc, with_name=True)
            text = self.tr("The file cannot be written: {error}").format(error=reason)
            messages.show_info(self, self.tr("Print record"), text)
            return None
        except Exception as exc:
            shutil.rmtree(folder, ignore_errors=True)
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None, f=folder: shutil.rmtree(f, ignore_errors=True))
        self.record_preview = dialog
        dialog.open()
        return dialog

    def show_hazards(self) -> uuid.UUID | None:
        """Ask the register to show only the hazards the selected inspection raised."""
        row = self.selected()
        if row is None:
            return None
        self.show_hazards_requested.emit(row.id)
        return row.id

    def delete_draft(self) -> bool:
        """Throw away the selected draft after asking."""
        row = self.selected()
        if row is None or row.state is not InspectionState.DRAFT:
            return False
        if not messages.confirm(
            self,
            self.tr("Delete draft"),
            self.tr("Delete the draft inspection {number} and its {count} answer(s)?").format(
                number=row.number, count=row.answered
            ),
        ):
            return False
        try:
            service.delete_draft(self._context.uow(), row.id)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return False
        runner = self.runners.pop(row.id, None)
        if runner is not None:
            runner.close()
        self.refresh()
        return True

    def open_templates(self) -> None:
        """The checklist templates dialog."""
        from hazard_desktop.ui.inspections.templates_dialog import TemplatesDialog

        TemplatesDialog.ask(self, self._context)

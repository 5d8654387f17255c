"""File → Export ledger (.xlsx)…: the register as currently filtered and sorted, as an Excel ledger.

The export runs in a :class:`~hazard_desktop.ui.workers.Job` (its own SQL connection, rows streamed to
the file) behind a cancellable progress dialog; the file is written under a temporary name and renamed
when complete, so a cancel or a failure leaves nothing (``services/ledger_export.py``).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressDialog, QWidget

from hazard_desktop.ui import messages

if TYPE_CHECKING:
    from hazard_desktop.services.context import AppContext
    from hazard_desktop.services.ledger_export import LedgerRequest, LedgerResult
    from hazard_desktop.ui.workers import Job  # imported by the export itself, not at start (issue 16)

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 15000
PROGRESS_DELAY_MS = 300  # a small register does not flash a progress dialog


class LedgerExportActions(QObject):
    """The export action of one main window (kept as ``window.feature_actions["ledger"]``).

    Attributes (for tests): ``action``, ``job`` (running or None), ``progress`` (its dialog),
    ``last_result`` (the last :class:`LedgerResult`).

    Signals:
        exported(object): the ledger was written (the :class:`LedgerResult`).
        failed(object): the export failed or was refused (the exception; the user has been told).
        cancelled(): the user cancelled; no file was left.
    """

    exported = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.last_result: LedgerResult | None = None
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.action = QAction(self.tr("E&xport ledger (.xlsx)…"), window)
        self.action.setObjectName("action_export_ledger")
        tip = self.tr("Save the hazards the register shows (its filter and order) as an Excel ledger")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.triggered.connect(self._triggered)
        menu: QMenu = window.menu_for("file")  # type: ignore[attr-defined]
        quit_action = getattr(window, "action_quit", None)
        if isinstance(quit_action, QAction) and quit_action in menu.actions():
            menu.insertAction(quit_action, self.action)
            menu.insertSeparator(quit_action)
        else:
            menu.addAction(self.action)

    def _triggered(self, _checked: bool) -> None:
        self.export()

    def request(self) -> LedgerRequest:
        """The register's current filter and order."""
        from hazard_desktop.services.ledger_export import LedgerRequest

        model = getattr(self.window, "model", None)
        if model is None:
            return LedgerRequest()
        return LedgerRequest(model.register_filter, model.sort_key, model.descending)

    def ask_path(self) -> Path | None:
        """The file dialog; None if the user cancelled it."""
        from hazard_desktop.ui.file_dialogs import FileKind, save_file

        default = self.tr("Hazard ledger {day}.xlsx").format(day=date.today().strftime("%Y%m%d"))
        title, filters = self.tr("Export ledger"), self.tr("Excel workbooks (*.xlsx)")
        path, _ = save_file(self.window, self.context, FileKind.EXCEL, title, default, filters)
        if path is None:
            return None
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def export(self, path: Path | None = None) -> Job | None:
        """Ask for the file (unless given), check it, and write the ledger in the background."""
        from hazard_desktop.domain.errors import DomainError
        from hazard_desktop.services.ledger_export import check_target, export_ledger

        if self.job is not None:
            return None
        if path is None:
            path = self.ask_path()
            if path is None:
                return None
        try:
            target = check_target(path)
        except DomainError as exc:
            self._failed(exc)
            return None
        context, request = self.context, self.request()
        source, writer = context.ledger_source, context.ledger_writer
        if source is None or writer is None:  # a context on fakes
            return None

        def work(job: Job) -> LedgerResult:
            return export_ledger(
                context.uow(), source(), writer, request, target, progress=job.report, cancelled=job.is_cancelled
            )

        from hazard_desktop.services.ledger_export import LedgerCancelled
        from hazard_desktop.ui.workers import Job, start

        job = Job(work, cancel_exceptions=(LedgerCancelled,), name="ledger export")
        progress = progress_dialog(self.window, self.progress_delay_ms)
        progress.canceled.connect(job.cancel)
        job.signals.progress.connect(self._progressed)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        job.signals.done.connect(self._done)
        self.job, self.progress = job, progress
        self.action.setEnabled(False)
        progress.setValue(0)
        if self.progress_delay_ms <= 0:
            progress.show()
        return start(job)

    def _progressed(self, done: int, total: int) -> None:
        dialog = self.progress  # setValue of a modal dialog processes events: this slot may re-enter
        if dialog is None:
            return
        dialog.setLabelText(self.tr("Exporting hazard {done} of {total}…").format(done=f"{done:,}", total=f"{total:,}"))
        if dialog.maximum() != max(total, 1):
            dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def _finished(self, result: object) -> None:
        self.last_result = result  # type: ignore[assignment]
        path, rows = result.path, result.rows  # type: ignore[attr-defined]
        self.window.statusBar().showMessage(
            self.tr("Exported {count} hazards to {path}").format(count=f"{rows:,}", path=path), STATUS_TIMEOUT_MS
        )
        self.exported.emit(result)

    def _failed(self, exc: object) -> None:
        title = self.tr("Export ledger")
        if isinstance(exc, OSError):
            text = self.tr("The ledger cannot be written: {error}").format(error=messages.os_error_text(exc))
        elif isinstance(exc, BaseException) and messages.is_user_error(exc):
            text = messages.error_text(exc, "ledger")
        else:
            log.error("ledger export failed", exc_info=exc if isinstance(exc, BaseException) else None)
            text = self.tr("The ledger could not be exported: {error}").format(error=exc)
        box = messages.show_info(self.window, title, text)
        box.setIcon(box.Icon.Warning)
        self.failed.emit(exc)

    def _cancelled(self) -> None:
        self.window.statusBar().showMessage(self.tr("Export cancelled; no file was written."), STATUS_TIMEOUT_MS)
        self.cancelled.emit()

    def _done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.hide()
            self.progress.deleteLater()
        self.progress = None
        self.job = None
        self.action.setEnabled(True)


def progress_dialog(parent: QWidget | None, delay_ms: int = PROGRESS_DELAY_MS) -> QProgressDialog:
    """The export's progress dialog (cancellable; shown after ``delay_ms``). Small: it fits any screen."""

    def tr(text: str) -> str:  # the texts belong to the action's translation context
        return QCoreApplication.translate("LedgerExportActions", text)

    progress = QProgressDialog(tr("Exporting the ledger…"), tr("Cancel"), 0, 0, parent)
    progress.setObjectName("ledgerProgress")
    progress.setWindowTitle(tr("Export ledger"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(delay_ms)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    return progress


def install_ledger_export(window: QMainWindow, context: AppContext) -> LedgerExportActions:
    """Add File → Export ledger (.xlsx)… to ``window``."""
    return LedgerExportActions(window, context)

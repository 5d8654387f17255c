"""Menu entries for the printed sheets: print (with preview), Save as PDF…, Verify sheet….

File menu: "Print grading sheet…" (the selected hazard; a hazard graded more than once asks which
grading), "Print meeting sheets…" (a whole meeting as one document), "Print dispute ruling…", the
submenu "Print rectification form" (隐患整改通知书, 验收单, 治理方案, 重大隐患报告 of the selected hazard:
``form_actions``, also offered to the rectification menu and the detail pane), "Save sheet as PDF…".
Grading menu: "Verify sheet…". Which form a hazard may print in its state is the services' decision: a
refused form says why and prints nothing.

Building and rendering a document runs in a :class:`~hazard_desktop.ui.workers.Job` with a progress
dialog (cancellable), so a big batch does not freeze the window; the job opens its own unit of work
and never touches widgets. Prints are recorded when the pages really go to a printer or a file:
:meth:`SheetActions.before_output` records them in one transaction with the copy-number check and, if
someone printed the same sheet meanwhile, renders the document again with the right 副本 numbers.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QProgressDialog, QStatusBar, QWidget

from hazard_desktop.domain.errors import Conflict
from hazard_desktop.domain.sheet_kinds import SheetKind
from hazard_desktop.ui import messages

if TYPE_CHECKING:  # the sheet services and dialogs are imported when a sheet is first asked for
    from hazard_desktop.domain.sheet_prints import FormPrint, SheetPrint
    from hazard_desktop.services.context import AppContext
    from hazard_desktop.services.sheets import PreparedDocument, PrintResult, SheetChoice, SheetRequest
    from hazard_desktop.ui.workers import Job  # with the file dialogs: on first use, not at start (issue 16)

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 10000
PROGRESS_DELAY_MS = 300  # a quick single sheet does not flash a progress dialog
RECORD_ATTEMPTS = 3
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def _file_name(title: str) -> str:
    return _UNSAFE.sub("_", title).strip("_") + ".pdf"


class SheetActions(QObject):
    """The sheet actions of one main window (kept alive as ``window.sheet_actions``).

    Attributes (for tests): ``job`` (the running or last job), ``progress`` (its dialog),
    ``preview_dialog`` (the last preview), ``last_result`` (last saved :class:`PrintResult`),
    ``last_records`` (prints recorded by the last print/save from a preview).

    Signals:
        saved(object): a Save as PDF… finished (the :class:`PrintResult`).
        preview_ready(object): the preview dialog opened.
        recorded(object): prints were recorded (tuple of SheetPrint).
        failed(object): a job failed (the exception; the user has been told).
    """

    saved = Signal(object)
    preview_ready = Signal(object)
    recorded = Signal(object)
    failed = Signal(object)

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.preview_dialog: QWidget | None = None  # SheetPreviewDialog
        self.prepared: PreparedDocument | None = None
        self.pdf_path: Path | None = None
        self.last_result: PrintResult | None = None
        self.last_records: tuple[SheetPrint | FormPrint, ...] = ()
        self._printed_by: str | None = None
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.progress_seen: list[tuple[int, int]] = []  # (done, total) reports of the last job
        self._temp_dir: Path | None = None

        self.print_sheet = self._action(
            self.tr("&Print grading sheet…"),
            self.tr("Print preview and print the grading sheet (隐患分级判定表) of the selected hazard"),
            self.print_grading_sheet,
            QKeySequence(QKeySequence.StandardKey.Print),
        )
        self.print_meeting = self._action(
            self.tr("Print &meeting sheets…"),
            self.tr("Print the grading sheets of a whole panel meeting as one document"),
            self.print_meeting_sheets,
        )
        self.print_dispute = self._action(
            self.tr("Print &dispute ruling…"),
            self.tr("Print the dispute ruling sheet (争议裁决表) of the selected hazard"),
            self.print_dispute_ruling,
        )
        self.save_pdf = self._action(
            self.tr("Save sheet as PD&F…"),
            self.tr("Save the grading sheet of the selected hazard as a PDF file"),
            self.save_as_pdf,
            QKeySequence("Ctrl+Shift+P"),
        )
        self.print_notice = self._action(
            self.tr("Rectification &notice…"),
            self.tr("Print the rectification notice (隐患整改通知书) with its reply slip for the selected hazard"),
            self.print_notice_form,
        )
        self.print_acceptance = self._action(
            self.tr("&Acceptance form…"),
            self.tr("Print the acceptance form (隐患整改验收单) of the selected hazard"),
            self.print_acceptance_form,
        )
        self.print_plan = self._action(
            self.tr("Major hazard treatment &plan…"),
            self.tr("Print the treatment plan (重大事故隐患治理方案) of the selected major hazard"),
            self.print_plan_form,
        )
        self.print_report = self._action(
            self.tr("Major hazard &report…"),
            self.tr("Print the one-page report (重大事故隐患报告) of the selected major hazard for the regulator"),
            self.print_report_form,
        )
        self.form_actions: dict[SheetKind, QAction] = {
            SheetKind.NOTICE: self.print_notice,
            SheetKind.ACCEPTANCE: self.print_acceptance,
            SheetKind.PLAN: self.print_plan,
            SheetKind.REPORT: self.print_report,
        }
        self.form_menu = QMenu(self.tr("Print &rectification form"), window)
        self.form_menu.setObjectName("rectificationFormMenu")
        self.form_menu.addActions(list(self.form_actions.values()))
        self.verify = self._action(
            self.tr("&Verify sheet…"),
            self.tr("Check a printed sheet's verification code against the database"),
            self.verify_sheet,
        )
        self._add_to_file_menu(window)
        grading_menu: QMenu = window.menu_for("grading")  # type: ignore[attr-defined]
        grading_menu.addSeparator()
        grading_menu.addAction(self.verify)
        hazard_selected = getattr(window, "hazard_selected", None)
        if hazard_selected is not None:
            hazard_selected.connect(self.update)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cleanup)
        self.update()

    @property
    def printed_by(self) -> str:
        """Who prints: the operating-system account unless set."""
        if self._printed_by is None:
            from hazard_desktop.services import sheets as sheet_service

            self._printed_by = sheet_service.default_printed_by()
        return self._printed_by

    @printed_by.setter
    def printed_by(self, value: str) -> None:
        self._printed_by = value

    def _action(self, text: str, tip: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda *_: slot())
        return action

    def _add_to_file_menu(self, window: QMainWindow) -> None:
        menu: QMenu = window.menu_for("file")  # type: ignore[attr-defined]
        quit_action = getattr(window, "action_quit", None)
        ours = [self.print_sheet, self.print_meeting, self.print_dispute, self.form_menu.menuAction(), self.save_pdf]
        if isinstance(quit_action, QAction) and quit_action in menu.actions():
            menu.insertActions(quit_action, ours)
            menu.insertSeparator(quit_action)
        else:
            menu.addSeparator()
            menu.addActions(ours)

    def _status(self) -> QStatusBar:
        return self.window.statusBar()

    def update(self, *_args: object) -> None:
        """Enable the actions: hazard actions need a selected hazard and no job running."""
        idle = self.job is None
        has_hazard = self._hazard_id() is not None
        for action in (self.print_sheet, self.print_dispute, self.save_pdf, *self.form_actions.values()):
            action.setEnabled(idle and has_hazard)
        self.print_meeting.setEnabled(idle)

    def _hazard_id(self) -> uuid.UUID | None:
        getter = getattr(self.window, "current_hazard_id", None)
        return getter() if getter is not None else None

    # ------------------------------------------------------------------ choosing what to print

    def _show_error(self, exc: BaseException) -> None:
        if not messages.is_user_error(exc):
            raise exc
        box = messages.show_info(self.window, self.tr("Sheets"), messages.error_text(exc, "sheet"))
        box.setIcon(box.Icon.Warning)

    def choose_sheet(self, *, disputes_only: bool = False) -> SheetChoice | None:
        """The sheet of the selected hazard to print (asks when the hazard was graded more than once)."""
        from hazard_desktop.services import sheets as sheet_service

        hazard_id = self._hazard_id()
        if hazard_id is None:
            self._status().showMessage(self.tr("Select a hazard first."), STATUS_TIMEOUT_MS)
            return None
        try:
            choices = sheet_service.sheet_choices(self.context.uow(), hazard_id)
        except Exception as exc:
            self._show_error(exc)
            return None
        if disputes_only:
            choices = [c for c in choices if c.kind is SheetKind.DISPUTE]
        if not choices:
            text = (
                self.tr("The selected hazard has no ruled dispute.")
                if disputes_only
                else self.tr("The selected hazard has no confirmed grading yet: there is no sheet to print.")
            )
            messages.show_info(self.window, self.tr("Sheets"), text)
            return None
        from hazard_desktop.ui.sheets.choose import SheetChoiceDialog

        return SheetChoiceDialog.ask(self.window, choices, choices[0].hazard_number)

    def print_grading_sheet(self) -> Job | None:
        """File → Print grading sheet…: preview and print the selected hazard's sheet."""
        choice = self.choose_sheet()
        return None if choice is None else self.open_preview(choice.request)

    def print_dispute_ruling(self) -> Job | None:
        """File → Print dispute ruling…: the 争议裁决表 of the selected hazard."""
        choice = self.choose_sheet(disputes_only=True)
        return None if choice is None else self.open_preview(choice.request)

    def print_form(self, kind: SheetKind) -> Job | None:
        """File → Print rectification form → …: preview and print a form of the selected hazard.

        Whether the hazard may print it now is decided by the services when the form is built: a refusal
        (no 五定 yet, not submitted for acceptance, not a major hazard, no plan) is told and nothing printed.
        """
        from hazard_desktop.services.sheets import SheetRequest

        hazard_id = self._hazard_id()
        if hazard_id is None:
            self._status().showMessage(self.tr("Select a hazard first."), STATUS_TIMEOUT_MS)
            return None
        return self.open_preview(SheetRequest.form(kind, hazard_id))

    def print_notice_form(self) -> Job | None:
        """File → Print rectification form → Rectification notice…."""
        return self.print_form(SheetKind.NOTICE)

    def print_acceptance_form(self) -> Job | None:
        """File → Print rectification form → Acceptance form…."""
        return self.print_form(SheetKind.ACCEPTANCE)

    def print_plan_form(self) -> Job | None:
        """File → Print rectification form → Major hazard treatment plan…."""
        return self.print_form(SheetKind.PLAN)

    def print_report_form(self) -> Job | None:
        """File → Print rectification form → Major hazard report…."""
        return self.print_form(SheetKind.REPORT)

    def print_meeting_sheets(self) -> Job | None:
        """File → Print meeting sheets…: one document for a whole meeting."""
        from hazard_desktop.services import grading as grading_service
        from hazard_desktop.services.sheets import SheetRequest
        from hazard_desktop.ui.sheets.choose import MeetingChoiceDialog

        try:
            meetings = [m for m in grading_service.meetings(self.context.uow()) if m.confirmed]
        except Exception as exc:
            self._show_error(exc)
            return None
        if not meetings:
            messages.show_info(self.window, self.tr("Sheets"), self.tr("No meeting has confirmed gradings yet."))
            return None
        chosen = MeetingChoiceDialog.ask(self.window, meetings)
        return None if chosen is None else self.open_preview(SheetRequest.meeting(chosen.meeting.id))

    def save_as_pdf(self, path: Path | None = None) -> Job | None:
        """File → Save sheet as PDF…: choose the sheet and the file; written and recorded in the background."""
        choice = self.choose_sheet()
        if choice is None:
            return None
        if path is None:
            from hazard_desktop.ui import file_dialogs
            from hazard_desktop.ui.file_dialogs import FileKind

            chosen, _ = file_dialogs.save_file(
                self.window,
                self.context,
                FileKind.PDF,
                self.tr("Save sheet as PDF"),
                f"{choice.sheet_no}.pdf",
                self.tr("PDF files (*.pdf)"),
            )
            if chosen is None:
                return None
            path = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
        return self.save_document(choice.request, path)

    def verify_sheet(self, code: str = "") -> object:
        """Grading → Verify sheet…."""
        from hazard_desktop.ui.sheets.verify_dialog import VerifyDialog

        return VerifyDialog.ask(self.window, self.context, code)

    # ------------------------------------------------------------------ background work

    def _start(self, job: Job, label: str) -> Job:
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        progress.setObjectName("sheetProgress")
        progress.setWindowTitle(self.tr("Sheets"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(self.progress_delay_ms)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.signals.progress.connect(self._progressed)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        job.signals.done.connect(self._job_done)
        self.job = job
        self.progress = progress
        self.progress_seen = []
        self.update()
        progress.setValue(0)  # starts the timer that shows the dialog after progress_delay_ms
        if self.progress_delay_ms <= 0:
            progress.show()
        from hazard_desktop.ui.workers import start

        return start(job)

    def _progressed(self, done: int, total: int) -> None:
        """``total`` = sheets + 1: the sheets are prepared one by one, the last step renders the PDF."""
        self.progress_seen.append((done, total))
        dialog = self.progress  # setValue of a modal dialog processes events: this slot may re-enter
        if dialog is None:
            return
        sheets = total - 1
        if done < sheets:
            text = self.tr("Preparing sheet {number} of {count}…").format(number=done + 1, count=sheets)
        elif done == sheets:
            text = self.tr("Rendering the PDF ({count} sheets)…").format(count=sheets)
        else:
            text = self.tr("Done.")
        dialog.setLabelText(text)
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total))

    def _failed(self, exc: object) -> None:
        if isinstance(exc, OSError):
            reason = messages.os_error_text(exc)
            messages.show_info(
                self.window, self.tr("Sheets"), self.tr("The file cannot be written: {error}").format(error=reason)
            )
        elif isinstance(exc, BaseException) and messages.is_user_error(exc):
            self._show_error(exc)
        else:
            log.error("sheet job failed", exc_info=exc if isinstance(exc, BaseException) else None)
            messages.show_info(
                self.window, self.tr("Sheets"), self.tr("The sheets could not be produced: {error}").format(error=exc)
            )
        self.failed.emit(exc)

    def _cancelled(self) -> None:
        self._status().showMessage(self.tr("Cancelled; nothing was printed or recorded."), STATUS_TIMEOUT_MS)

    def _job_done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.hide()
            self.progress.deleteLater()
        self.progress = None
        self.job = None
        self.update()

    def _temp(self) -> Path:
        if self._temp_dir is None or not self._temp_dir.exists():
            self._temp_dir = Path(tempfile.mkdtemp(prefix="hazard-sheets-"))
        return self._temp_dir

    def cleanup(self) -> None:
        """Delete the temporary PDFs of the previews."""
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def _render(self, prepared: PreparedDocument) -> Path:
        """Render ``prepared`` to a new temporary PDF (any thread: no widgets here)."""
        from hazard_desktop.services import sheets as sheet_service

        path = self._temp() / f"{uuid.uuid4().hex}.pdf"
        sheet_service.sheet_renderer(self.context).render(prepared.document, path)
        return path

    def open_preview(self, request: SheetRequest) -> Job:
        """Build and render ``request`` in the background, then open the print preview."""
        from hazard_desktop.services import sheets as sheet_service
        from hazard_desktop.services.sheets import SheetCancelled

        context = self.context

        def work(job: Job) -> tuple[PreparedDocument, Path]:
            prepared = sheet_service.prepare_document(
                context.uow(), request, progress=job.report, cancelled=job.is_cancelled
            )
            path = self._render(prepared)
            if job.is_cancelled():
                raise SheetCancelled()
            total = len(prepared.prints) + 1
            job.report(total, total)
            return prepared, path

        from hazard_desktop.ui.workers import Job

        job = Job(work, cancel_exceptions=(SheetCancelled,), name="sheet preview")
        job.signals.finished.connect(self._show_preview)
        return self._start(job, self.tr("Preparing the sheets…"))

    def save_document(self, request: SheetRequest, path: Path) -> Job:
        """Write ``request`` as the PDF ``path`` in the background, recording the prints."""
        from hazard_desktop.services import sheets as sheet_service
        from hazard_desktop.services.sheets import SheetCancelled

        context, printed_by = self.context, self.printed_by

        def work(job: Job) -> PrintResult:
            return sheet_service.print_document(
                context.uow(),
                request,
                sheet_service.sheet_renderer(context),
                path,
                printed_by,
                progress=job.report,
                cancelled=job.is_cancelled,
            )

        from hazard_desktop.ui.workers import Job

        job = Job(work, cancel_exceptions=(SheetCancelled,), name="save sheet pdf")
        job.signals.finished.connect(self._saved)
        return self._start(job, self.tr("Saving the sheets…"))

    def _saved(self, result: object) -> None:
        from hazard_desktop.services.sheets import PrintResult

        if not isinstance(result, PrintResult):
            return
        self.last_result = result
        self._status().showMessage(self._recorded_text(result.records, str(result.path)), STATUS_TIMEOUT_MS)
        self.saved.emit(result)

    def _recorded_text(self, records: tuple[SheetPrint | FormPrint, ...], where: str) -> str:
        reprints = sum(1 for r in records if r.copy_no > 0)
        text = self.tr("%n sheet(s) recorded", "", len(records))
        if reprints:
            text += self.tr(" (%n reprint(s) marked 副本)", "", reprints)
        return self.tr("{what}: {where}").format(what=text, where=where)

    # ------------------------------------------------------------------ preview and printing

    def _show_preview(self, result: object) -> None:
        from hazard_desktop.ui.sheets.preview import SheetPreviewDialog  # QtPdf and QtPrintSupport load here

        prepared, path = result  # type: ignore[misc]
        self.prepared, self.pdf_path = prepared, path
        dialog = SheetPreviewDialog(
            path,
            prepared.title,
            self.before_output,
            self.window,
            suggested_name=_file_name(prepared.title),
            save_pdf=self.save_previewed,
            context=self.context,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()
        self.preview_ready.emit(dialog)

    def _preview_closed(self, _code: int) -> None:
        self.preview_dialog = None
        if self.job is None:
            self.cleanup()

    def before_output(self) -> Path | None:
        """Record the prints of the previewed document just before it goes to a printer or a file.

        Returns the PDF to output: the previewed one, or a fresh rendering when somebody printed the
        same sheet meanwhile (its copy numbers changed); None when recording failed (the user is told).
        """
        from hazard_desktop.services import sheets as sheet_service

        if self.prepared is None or self.pdf_path is None:
            return None
        for _attempt in range(RECORD_ATTEMPTS):
            try:
                records = sheet_service.record_prints(self.context.uow(), self.prepared, self.printed_by)
            except Conflict as exc:
                if exc.code != "sheet_copies_changed":
                    self._show_error(exc)
                    return None
                if not self._prepare_again():
                    return None
                continue
            except Exception as exc:
                if not messages.is_user_error(exc):
                    raise
                self._show_error(exc)
                return None
            self.last_records = records
            self._status().showMessage(self._recorded_text(records, self.prepared.title), STATUS_TIMEOUT_MS)
            self.recorded.emit(records)
            # a second output from the same preview is a reprint: prepare it anew then
            return self.pdf_path
        self._show_error(Conflict("sheet_copies_changed", sheet_no=self.prepared.prints[0].sheet_no))
        return None

    def save_previewed(self, path: Path) -> Path | None:
        """The preview's "Save as PDF…": the file is put in place and its prints recorded in one step.

        Returns the PDF saved (re-rendered with the next copy numbers when somebody printed the same
        sheets meanwhile); None when nothing was saved nor recorded (the user is told).
        """
        from hazard_desktop.services import sheets as sheet_service

        if self.prepared is None or self.pdf_path is None:
            return None
        for _attempt in range(RECORD_ATTEMPTS):
            try:
                records = sheet_service.save_prepared_pdf(
                    self.context.uow(), self.prepared, self.pdf_path, Path(path), self.printed_by
                )
            except Conflict as exc:
                if exc.code != "sheet_copies_changed":
                    self._show_error(exc)
                    return None
                if not self._prepare_again():
                    return None
                continue
            except OSError as exc:
                self._failed(exc)
                return None
            except Exception as exc:
                if not messages.is_user_error(exc):
                    raise
                self._show_error(exc)
                return None
            self.last_records = records
            self._status().showMessage(self._recorded_text(records, str(path)), STATUS_TIMEOUT_MS)
            self.recorded.emit(records)
            return self.pdf_path
        self._show_error(Conflict("sheet_copies_changed", sheet_no=self.prepared.prints[0].sheet_no))
        return None

    def _prepare_again(self) -> bool:
        """Build and render the document again with the current copy numbers (rare: a quick freeze)."""
        from hazard_desktop.services import sheets as sheet_service

        assert self.prepared is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            prepared = sheet_service.prepare_document(self.context.uow(), self.prepared.request)
            path = self._render(prepared)
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            if isinstance(exc, OSError) or messages.is_user_error(exc):
                self._failed(exc)
                return False
            raise
        QApplication.restoreOverrideCursor()
        self.prepared, self.pdf_path = prepared, path
        return True


def install_sheet_actions(window: QWidget, context: AppContext) -> SheetActions:
    """Add the sheet entries to the File and Grading menus; the result is kept as ``window.sheet_actions``."""
    actions = SheetActions(window, context)  # type: ignore[arg-type]
    window.sheet_actions = actions  # type: ignore[attr-defined]
    return actions

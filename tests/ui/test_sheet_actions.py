"""The sheet actions of the main window: verify dialog, Save as PDF… through the worker, print preview and
printing into a PDF QPrinter, progress and cancel; the background job never blocks the window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThread, QTranslator
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from hazard_desktop import paths
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.errors import NotFound
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services import sheets as sheet_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey
from hazard_desktop.services.sheets import SheetCancelled, SheetRequest, VerifyStatus
from hazard_desktop.ui.main_window import MainWindow
from hazard_desktop.ui.sheets.actions import SheetActions, install_sheet_actions
from hazard_desktop.ui.sheets.choose import MeetingChoiceDialog, SheetChoiceDialog
from hazard_desktop.ui.sheets.preview import SheetPreviewDialog, a4_printer, is_preview
from hazard_desktop.ui.sheets.verify_dialog import VerifyDialog
from hazard_desktop.ui.workers import Job, running_jobs, start
from tests.integration.test_sheet_service import copy_demo, db_execute
from tests.ui.file_dialog_answers import FileDialogAnswers

WAIT_MS = 60_000


@pytest.fixture
def demo_template(sheet_demo_folder: Path) -> Path:
    return sheet_demo_folder  # built once per run (tests/conftest.py)


@pytest.fixture
def context(demo_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    ctx = build_context(copy_demo(demo_template, tmp_path / "data"))
    yield ctx
    close_context(ctx)


@pytest.fixture
def window(qtbot, context: AppContext, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    main = MainWindow(context, settings=settings)
    qtbot.addWidget(main)
    return main


@pytest.fixture
def actions(window: MainWindow, context: AppContext, qtbot) -> Iterator[SheetActions]:
    installed = install_sheet_actions(window, context)
    installed.progress_delay_ms = 0
    yield installed
    if installed.job is not None:
        installed.job.cancel()
        installed.job.wait(30)
        qtbot.waitUntil(lambda: installed.job is None, timeout=WAIT_MS)
    if installed.preview_dialog is not None:
        installed.preview_dialog.close()
    installed.cleanup()


def graded_row(context: AppContext, *, once: bool = True) -> RegisterRow:
    """A hazard graded by an LEC panel, with a single confirmed grading and no dispute."""
    for row in context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10_000):
        if row.grading_method != "lec_panel" or row.dispute_state is not None:
            continue
        if not once or len(sheet_service.sheet_choices(context.uow(), row.id)) == 1:
            return row
    raise AssertionError("no graded demo hazard")


def batch_meeting(context: AppContext) -> grading_service.MeetingSummary:
    """The smallest meeting of three or more confirmed gradings: a batch with progress steps that renders in
    seconds (every sheet is rendered four times below; the speed of large batches is benchmarks' business)."""
    batches = [m for m in grading_service.meetings(context.uow()) if m.confirmed >= 3]
    return min(batches, key=lambda m: (m.confirmed, str(m.meeting.id)))


def prints_of(context: AppContext, code: str) -> list:
    with context.uow() as uow:
        return uow.gradings.find_sheet_prints(code)


# ------------------------------------------------------------------------------------------ menus
def test_the_actions_are_in_the_file_and_grading_menus(window: MainWindow, actions: SheetActions, context) -> None:
    file_actions = window.menu_for("file").actions()
    for action in (actions.print_sheet, actions.print_meeting, actions.print_dispute, actions.save_pdf):
        assert action in file_actions
    assert file_actions.index(actions.save_pdf) < file_actions.index(window.action_quit)
    assert actions.verify in window.menu_for("grading").actions()
    assert window.menu_for("grading").menuAction().isVisible()
    assert not actions.print_sheet.isEnabled()  # nothing selected yet
    assert actions.print_meeting.isEnabled() and actions.verify.isEnabled()
    window.select_hazard(graded_row(context).id)
    assert actions.print_sheet.isEnabled() and actions.save_pdf.isEnabled()


# ------------------------------------------------------------------------------------------ verify
def test_verify_dialog_says_verified_altered_and_unknown(qtbot, context: AppContext, tmp_path: Path) -> None:
    row = graded_row(context)
    result = sheet_service.print_document(
        context.uow(), SheetRequest.hazard(row.id), sheet_service.sheet_renderer(context), tmp_path / "s.pdf", "张三"
    )
    code = result.records[0].verify_code
    dialog = VerifyDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    found = dialog.verify(code.lower())
    assert found is not None and found.status is VerifyStatus.VERIFIED
    assert dialog.status_label.text() == "Verified"
    assert not dialog.details.isHidden()
    details = " ".join(
        dialog.details_form.itemAt(i).widget().text() for i in range(dialog.details_form.count())
        if dialog.details_form.itemAt(i).widget() is not None
    )  # fmt: skip
    assert row.number in details and "张三" in details and code in details

    # a scanner types the QR payload (ASCII) and presses Enter
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, f"HDV1:{code}:{row.number}")
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    assert dialog.result_value is not None and dialog.result_value.status is VerifyStatus.VERIFIED
    assert dialog.result_value.scanned_number == row.number

    grading = grading_service.final_grading(context.uow(), row.id)
    db_execute(context, "UPDATE grading_scores SET consequence = '100' WHERE grading_id = ?", str(grading.id))
    assert dialog.verify(code).status is VerifyStatus.ALTERED
    assert dialog.status_label.text() == "Altered since printing"

    assert dialog.verify("0000-0000-0000").status is VerifyStatus.UNKNOWN
    assert dialog.status_label.text() == "Unknown code" and dialog.details.isHidden()

    assert dialog.verify("not a code") is None
    assert "12 letters and digits" in dialog.status_label.text() and dialog.result_value is None
    assert dialog.verify("HDV1:garbage") is None
    assert "QR code" in dialog.status_label.text()


def test_verify_dialog_speaks_chinese_with_the_translation(qtbot, context: AppContext) -> None:
    qm = paths.resource_dir() / "translations" / "sheets_zh_CN.qm"
    assert qm.exists(), "run `make translations` first (make test does)"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = VerifyDialog(context)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "核验判定表"
        dialog.verify("0000-0000-0000")
        assert dialog.status_label.text() == "未知核验码"
    finally:
        QCoreApplication.removeTranslator(translator)


# ------------------------------------------------------------------------------------------ workers
def test_a_job_reports_in_the_gui_thread(qtbot) -> None:
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(job: Job) -> str:
        seen["worker"] = QThread.currentThread()
        job.report(1, 2)
        return "ok"

    job = Job(work)
    job.signals.progress.connect(lambda done, total: seen.setdefault("progress_thread", QThread.currentThread()))
    with qtbot.waitSignal(job.signals.finished, timeout=WAIT_MS) as blocker:
        start(job)
    assert blocker.args == ["ok"]
    assert seen["worker"] is not gui and seen["progress_thread"] is gui
    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=WAIT_MS)

    failing = Job(lambda job: (_ for _ in ()).throw(NotFound("meeting_unknown")))
    with qtbot.waitSignal(failing.signals.failed, timeout=WAIT_MS) as failure:
        start(failing)
    assert isinstance(failure.args[0], NotFound)


# ------------------------------------------------------------------------------------------ save as PDF
def test_save_as_pdf_runs_in_the_worker_and_records_the_print(
    qtbot, window: MainWindow, actions: SheetActions, context: AppContext, tmp_path: Path
) -> None:
    row = graded_row(context)
    window.select_hazard(row.id)
    target = tmp_path / "out" / "判定表.pdf"
    target.parent.mkdir()  # the file dialog only offers existing folders; none is created for the user
    with qtbot.waitSignal(actions.saved, timeout=WAIT_MS) as blocker:
        job = actions.save_as_pdf(target)
        assert job is not None and actions.job is job
        assert actions.progress is not None and actions.progress.isVisible()  # shown at once in tests
        assert not actions.print_sheet.isEnabled()  # one job at a time
    result = blocker.args[0]
    assert result.path == target and target.exists()
    assert row.number in "".join(p.extract_text() for p in PdfReader(target).pages)
    assert actions.progress_seen[-1] == (2, 2)
    assert prints_of(context, result.records[0].verify_code)[0].printed_by == actions.printed_by
    assert "1 sheet(s) recorded" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: actions.job is None, timeout=WAIT_MS)
    assert actions.progress is None and actions.print_sheet.isEnabled()


def test_an_unwritable_file_is_reported_not_raised(
    qtbot, window: MainWindow, actions: SheetActions, context: AppContext, tmp_path: Path
) -> None:
    blocker_file = tmp_path / "file"
    blocker_file.write_text("x")
    window.select_hazard(graded_row(context).id)
    with qtbot.waitSignal(actions.failed, timeout=WAIT_MS) as blocker:
        actions.save_as_pdf(blocker_file / "cannot" / "x.pdf")
    assert isinstance(blocker.args[0], OSError)
    qtbot.waitUntil(lambda: actions.job is None, timeout=WAIT_MS)
    shown = [box.text() for box in QApplication.topLevelWidgets() if isinstance(box, QMessageBox) and box.isVisible()]
    assert shown == ["The file cannot be written: no such file or folder"]  # not "[Errno 2] No such file …"
    for box in QApplication.topLevelWidgets():
        if box.isVisible() and box is not window:
            box.close()


# ------------------------------------------------------------------------------------------ preview
def open_meeting_preview(qtbot, actions: SheetActions, context: AppContext) -> SheetPreviewDialog:
    meeting = batch_meeting(context)
    with qtbot.waitSignal(actions.preview_ready, timeout=WAIT_MS) as blocker:
        actions.open_preview(SheetRequest.meeting(meeting.meeting.id))
        assert actions.progress is not None and actions.progress.isVisible()
    dialog = blocker.args[0]
    assert isinstance(dialog, SheetPreviewDialog)
    return dialog


def test_meeting_preview_shows_progress_and_prints_into_a_pdf_printer(
    qtbot, actions: SheetActions, context: AppContext, tmp_path: Path
) -> None:
    dialog = open_meeting_preview(qtbot, actions, context)
    meeting = batch_meeting(context)
    n = meeting.confirmed
    assert actions.progress_seen == [(i, n + 1) for i in range(1, n + 2)]
    assert dialog.isVisible() and dialog.page_count() >= n
    codes = [p.verify_code for p in actions.prepared.prints]
    assert all(not prints_of(context, code) for code in codes)  # previewing records nothing

    dialog.preview_widget.updatePreview()  # the preview paints into a QPicture
    QApplication.processEvents()
    assert all(not prints_of(context, code) for code in codes)

    printer = a4_printer("test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert not is_preview(printer)
    with qtbot.waitSignal(actions.recorded, timeout=WAIT_MS):
        dialog.paint(printer)  # what QPrintPreviewDialog does when the user prints
    assert dialog.outputs == ["print"]
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == dialog.page_count()
    assert [len(prints_of(context, code)) for code in codes] == [1] * n
    assert {r.copy_no for r in actions.last_records} == {0}

    # printing again from the same preview is a reprint: re-rendered with 副本 before it goes out
    printer.setOutputFileName(str(tmp_path / "again.pdf"))
    with qtbot.waitSignal(actions.recorded, timeout=WAIT_MS):
        dialog.paint(printer)
    assert {r.copy_no for r in actions.last_records} == {1}
    assert len(PdfReader(tmp_path / "again.pdf").pages) == dialog.page_count()

    saved = dialog.save_as(tmp_path / "saved.pdf")
    assert saved is not None and "第3次打印" in "".join(p.extract_text() for p in PdfReader(saved).pages).replace(
        " ", ""
    )
    assert [len(prints_of(context, code)) for code in codes] == [3] * n
    with context.uow() as uow:
        first = actions.prepared.prints[0]
        assert uow.gradings.count_sheet_prints(first.grading_id, SheetKind.GRADING) == 3
    dialog.close()


def test_print_grading_sheet_of_the_selected_hazard(
    qtbot, window: MainWindow, actions: SheetActions, context: AppContext
) -> None:
    row = graded_row(context)
    window.select_hazard(row.id)
    with qtbot.waitSignal(actions.preview_ready, timeout=WAIT_MS) as blocker:
        assert actions.print_grading_sheet() is not None
    dialog = blocker.args[0]
    assert row.number in dialog.title and dialog.page_count() == 1
    dialog.close()


def test_cancel_stops_the_job_and_records_nothing(
    qtbot, actions: SheetActions, context: AppContext, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    gate = threading.Event()
    original = sheet_service.prepare_document

    def slow_prepare(*args, **kwargs):
        gate.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(sheet_service, "prepare_document", slow_prepare)
    meeting = batch_meeting(context)
    job = actions.open_preview(SheetRequest.meeting(meeting.meeting.id))
    with qtbot.waitSignal(job.signals.cancelled, timeout=WAIT_MS):
        actions.progress.findChild(QPushButton).click()  # the Cancel button
        gate.set()
    qtbot.waitUntil(lambda: actions.job is None, timeout=WAIT_MS)
    assert actions.preview_dialog is None
    assert "Cancelled" in window.statusBar().currentMessage()
    assert SheetCancelled in job._cancel_exceptions  # noqa: SLF001


def test_a_failing_job_is_reported(qtbot, actions: SheetActions) -> None:
    import uuid

    with qtbot.waitSignal(actions.failed, timeout=WAIT_MS) as blocker:
        actions.open_preview(SheetRequest.meeting(uuid.uuid4()))
    assert isinstance(blocker.args[0], NotFound) and blocker.args[0].code == "meeting_unknown"
    qtbot.waitUntil(lambda: actions.job is None, timeout=WAIT_MS)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.objectName() != "mainWindow":
            widget.close()


# ------------------------------------------------------------------------------------------ choosers
def test_sheet_chooser_preselects_the_final_grading(qtbot, context: AppContext) -> None:
    with context.uow() as uow:
        hazard_id = next(d.hazard_id for d in uow.gradings.disputes() if d.state.value == "ruled")
    choices = sheet_service.sheet_choices(context.uow(), hazard_id)
    assert len(choices) == 2 and [c.kind for c in choices] == [SheetKind.GRADING, SheetKind.DISPUTE]
    dialog = SheetChoiceDialog(choices, choices[0].hazard_number)
    qtbot.addWidget(dialog)
    assert dialog.chosen() is choices[1] and dialog.tree.topLevelItemCount() == 2
    dialog.choose_row(0)
    assert dialog.chosen() is choices[0]
    assert SheetChoiceDialog.ask(None, choices[:1], "x") is choices[0]  # one choice: no question

    meetings = grading_service.meetings(context.uow())
    chooser = MeetingChoiceDialog(meetings)
    qtbot.addWidget(chooser)
    assert chooser.tree.topLevelItemCount() == len(meetings) and chooser.chosen() is meetings[0]


def test_the_save_as_pdf_button_saves_the_file_and_records_each_real_save(
    qtbot, window: MainWindow, actions: SheetActions, context: AppContext, tmp_path: Path, monkeypatch
) -> None:
    """Issue 11 §2: the toolbar's "Save as PDF…" fed ``triggered(False)`` into ``save_as(path)``: it wrote to
    file descriptor 0 (``OSError: Bad file descriptor``, then ``SameFileError``) yet recorded a print each time."""

    row = graded_row(context)
    window.select_hazard(row.id)
    with qtbot.waitSignal(actions.preview_ready, timeout=WAIT_MS) as blocker:
        actions.print_grading_sheet()
    dialog = blocker.args[0]
    code = actions.prepared.prints[0].verify_code
    answers = FileDialogAnswers(None, tmp_path / "first", tmp_path / "second.pdf")

    dialog.save_action.trigger()  # the user cancels the file dialog: nothing saved, nothing recorded
    assert dialog.outputs == [] and prints_of(context, code) == []

    with qtbot.waitSignal(actions.recorded, timeout=WAIT_MS):
        dialog.save_action.trigger()
    first = tmp_path / "first.pdf"
    assert dialog.outputs == [str(first)] and row.number in PdfReader(first).pages[0].extract_text()
    assert len(prints_of(context, code)) == 1

    with qtbot.waitSignal(actions.recorded, timeout=WAIT_MS):
        dialog.save_action.trigger()
    second = tmp_path / "second.pdf"
    assert dialog.outputs == [str(first), str(second)] and second.exists()
    assert len(prints_of(context, code)) == 2
    assert all(seen.parent is dialog for seen in answers.seen)  # over the preview, never behind it
    assert answers.seen[0].folder != context.data_dir and answers.seen[2].folder == tmp_path
    dialog.close()


def test_the_choosers_name_a_namesake_leader_with_the_employee_number(qtbot, context: AppContext) -> None:
    from hazard_desktop.services import reference_admin

    meetings = grading_service.meetings(context.uow())
    with context.uow() as uow:
        leader = uow.reference.get_person(meetings[0].meeting.leader_id)
        hazard_id = next(d.hazard_id for d in uow.gradings.disputes() if d.state.value == "ruled")
    choices = sheet_service.sheet_choices(context.uow(), hazard_id)
    with context.uow() as uow:
        chair = uow.reference.get_person(uow.gradings.get(choices[1].grading_id).leader_id)
    assert leader is not None and chair is not None and meetings[0].leader_number == ""  # no namesake yet
    for someone, number in ((leader, "E0990"), (chair, "E0991")):
        reference_admin.save_person(context.uow(), None, someone.name, number, someone.department_id, [])
    chooser = MeetingChoiceDialog(grading_service.meetings(context.uow()))
    qtbot.addWidget(chooser)
    assert chooser.tree.topLevelItem(0).text(2) == f"{leader.name} ({leader.employee_no})"
    sheets_chooser = SheetChoiceDialog(sheet_service.sheet_choices(context.uow(), hazard_id), "x")
    qtbot.addWidget(sheets_chooser)
    assert f"{chair.name}（{chair.employee_no}）" in [sheets_chooser.tree.topLevelItem(1).text(c) for c in range(9)]

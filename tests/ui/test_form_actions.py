"""The rectification forms' print actions: File → Print rectification form → 通知书 / 验收单 / 治理方案 /
重大隐患报告, enabled with a selected hazard, refusing (with the services' reason, nothing recorded) a
form the hazard's state does not allow, previewing and saving one it does."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.errors import InvalidTransition
from hazard_desktop.domain.hazards import Hazard, HazardGrade
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.main_window import MainWindow
from hazard_desktop.ui.sheets.actions import SheetActions, install_sheet_actions
from tests.integration.test_form_service import assign_general, graded
from tests.integration.test_sheet_service import copy_demo

WAIT_MS = 60_000


@pytest.fixture
def context(sheet_demo_folder: Path, tmp_path: Path) -> Iterator[AppContext]:
    ctx = build_context(copy_demo(sheet_demo_folder, tmp_path / "data"))
    yield ctx
    close_context(ctx)


@pytest.fixture
def window(qtbot, context: AppContext, tmp_path: Path) -> MainWindow:
    main = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
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


def form_prints(context: AppContext) -> int:
    connection = sqlite3.connect(context.data_dir / "hazard_desktop.db")
    try:
        return int(connection.execute("SELECT count(*) FROM form_prints").fetchone()[0])
    finally:
        connection.close()


def show(window: MainWindow, hazard: Hazard) -> None:
    """Select ``hazard``, made after the window opened: F5 first, as a user would."""
    window.refresh()
    assert window.select_hazard(hazard.id)


def close_boxes() -> list[str]:
    texts = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            texts.append(widget.text())
            widget.close()
    return texts


def test_the_form_actions_are_a_submenu_of_file_next_to_the_sheets(window, actions, context) -> None:
    file_actions = window.menu_for("file").actions()
    submenu = actions.form_menu.menuAction()
    assert submenu in file_actions
    where = file_actions.index
    assert where(actions.print_dispute) < where(submenu) < where(actions.save_pdf)
    assert actions.form_menu.actions() == [
        actions.print_notice, actions.print_acceptance, actions.print_plan, actions.print_report
    ]  # fmt: skip
    assert set(actions.form_actions) == {SheetKind.NOTICE, SheetKind.ACCEPTANCE, SheetKind.PLAN, SheetKind.REPORT}
    assert not any(a.isEnabled() for a in actions.form_actions.values())  # nothing selected
    show(window, graded(context, HazardGrade.GENERAL))
    assert all(a.isEnabled() for a in actions.form_actions.values())


def test_a_form_the_state_does_not_allow_is_refused_with_the_reason(qtbot, window, actions, context) -> None:
    target = graded(context, HazardGrade.GENERAL)
    show(window, target)
    with qtbot.waitSignal(actions.failed, timeout=WAIT_MS) as blocker:
        actions.print_acceptance.trigger()
    assert isinstance(blocker.args[0], InvalidTransition) and blocker.args[0].code == "form_acceptance_not_due"
    qtbot.waitUntil(lambda: actions.job is None, timeout=WAIT_MS)
    texts = close_boxes()
    assert any(target.number in t and "acceptance" in t for t in texts), texts
    assert actions.preview_dialog is None and form_prints(context) == 0


def test_the_notice_previews_and_its_save_records_the_print(qtbot, window, actions, context, tmp_path) -> None:
    assigned, _safety, _doer = assign_general(context, graded(context, HazardGrade.GENERAL))
    show(window, assigned)
    with qtbot.waitSignal(actions.preview_ready, timeout=WAIT_MS) as blocker:
        actions.print_notice.trigger()
    dialog = blocker.args[0]
    assert assigned.number in dialog.title and "隐患整改通知书" in dialog.title and dialog.page_count() == 1
    assert form_prints(context) == 0  # previewing records nothing
    saved = dialog.save_as(tmp_path / "notice.pdf")
    assert saved is not None and form_prints(context) == 1
    assert "隐患整改通知书回执" in "".join(p.extract_text() for p in PdfReader(saved).pages).replace(" ", "")
    assert [r.copy_no for r in actions.last_records] == [0]
    dialog.close()


def test_the_verify_dialog_names_the_form_and_says_when_its_record_changed(qtbot, context, tmp_path) -> None:
    from hazard_desktop.services import rectification as rect
    from hazard_desktop.services import sheets as sheet_service
    from hazard_desktop.services.sheets import SheetRequest
    from hazard_desktop.ui.sheets.verify_dialog import VerifyDialog

    assigned, safety, doer = assign_general(context, graded(context, HazardGrade.GENERAL))
    result = sheet_service.print_document(
        context.uow(), SheetRequest.form(SheetKind.NOTICE, assigned.id), sheet_service.sheet_renderer(context),
        tmp_path / "n.pdf", "张三",
    )  # fmt: skip
    code = result.records[0].verify_code
    dialog = VerifyDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.verify(code).status.value == "verified"
    details = " ".join(
        dialog.details_form.itemAt(i).widget().text() for i in range(dialog.details_form.count())
        if dialog.details_form.itemAt(i).widget() is not None
    )  # fmt: skip
    assert "Rectification notice" in details and assigned.number in details and "张三" in details
    assert "This grading" not in details  # the standing of a grading does not apply to a form

    later = (assigned.deadline or date.today()) + timedelta(days=5)
    asked = rect.request_extension(context.uow(), assigned.id, assigned.revision, doer.id, later, "备件延迟")
    rect.approve_extension(context.uow(), assigned.id, asked.revision, safety.id)
    assert dialog.verify(code).status.value == "altered"
    assert "print the form again" in dialog.explain_label.text()

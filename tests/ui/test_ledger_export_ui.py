"""File → Export ledger (.xlsx)…: the window's filter and order go to the file; the progress dialog's
Cancel leaves no file; a bad target is refused with a message and nothing is written."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from hazard_desktop.adapters.ledger_xlsx import XlsxLedgerWriter
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.hazards import HazardStatus
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter, SortKey
from hazard_desktop.ui.features import install_features
from hazard_desktop.ui.ledger_export import LedgerExportActions
from hazard_desktop.ui.main_window import MainWindow
from tests.integration.test_sheet_service import copy_demo
from tests.ui.file_dialog_answers import FileDialogAnswers

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
    install_features(main, context)
    return main


@pytest.fixture
def actions(window: MainWindow, qtbot) -> Iterator[LedgerExportActions]:
    installed: LedgerExportActions = window.feature_actions["ledger"]  # type: ignore[attr-defined]
    installed.progress_delay_ms = 0
    yield installed
    if installed.job is not None:
        installed.job.cancel()
        installed.job.wait(30)
        qtbot.waitUntil(lambda: installed.job is None, timeout=WAIT_MS)


def choose_file(path: Path) -> FileDialogAnswers:
    """The save dialog is answered with ``path``; the answers say how it opened."""
    return FileDialogAnswers(path)


def numbers_in(path: Path) -> list[str]:
    sheet = openpyxl.load_workbook(path).active
    return [row[1] for row in sheet.iter_rows(min_row=4, values_only=True)]


def test_the_file_menu_exports_what_the_register_shows(window, actions, context, qtbot, tmp_path, monkeypatch):
    assert actions.action in window.menu_for("file").actions()
    flt = RegisterFilter(statuses=frozenset({HazardStatus.CLOSED, HazardStatus.GRADED}))
    window.apply_filter(flt)
    window.model.set_sort(SortKey.FOUND_AT, True)
    target = tmp_path / "台账 2026.xlsx"
    offered = choose_file(tmp_path / "台账 2026")  # the suffix is added
    with qtbot.waitSignal(actions.exported, timeout=WAIT_MS) as done:
        actions.action.trigger()
    assert offered.seen[0].offered.endswith(".xlsx") and offered.seen[0].parent is window
    assert offered.seen[0].folder != context.data_dir  # never the data folder
    assert done.args[0].path == target
    expected = [r.number for r in context.register.page(flt, SortKey.FOUND_AT, True, 0, 100_000)]
    assert expected and numbers_in(target) == expected
    assert window.statusBar().currentMessage().startswith("Exported") or "已导出" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: actions.job is None, timeout=WAIT_MS)
    assert actions.action.isEnabled()


class GatedWriter(XlsxLedgerWriter):
    """Stops after the first row until the test opens the gate (the export is then surely running)."""

    gate = threading.Event()
    started = threading.Event()

    def row(self, values):  # type: ignore[no-untyped-def]
        if not GatedWriter.started.is_set():
            GatedWriter.started.set()
            GatedWriter.gate.wait(30)
        super().row(values)


def test_cancel_in_the_progress_dialog_leaves_no_file(window, actions, context, qtbot, tmp_path, monkeypatch):
    GatedWriter.gate.clear()
    GatedWriter.started.clear()
    monkeypatch.setattr(context, "ledger_writer", GatedWriter)
    out = tmp_path / "out"
    out.mkdir()
    choose_file(out / "ledger.xlsx")
    actions.action.trigger()
    assert GatedWriter.started.wait(30)
    qtbot.waitUntil(lambda: actions.progress is not None and actions.progress.isVisible(), timeout=WAIT_MS)
    assert not actions.action.isEnabled()  # one export at a time
    cancel = actions.progress.findChild(QPushButton)
    with qtbot.waitSignal(actions.cancelled, timeout=WAIT_MS):
        cancel.click()
        GatedWriter.gate.set()
    assert list(out.iterdir()) == []
    message = window.statusBar().currentMessage()
    assert "no file" in message or "未写入" in message
    qtbot.waitUntil(lambda: actions.job is None, timeout=WAIT_MS)


def test_a_missing_folder_is_refused_with_a_message(window, actions, qtbot, tmp_path, monkeypatch):
    choose_file(tmp_path / "gone" / "ledger.xlsx")
    with qtbot.waitSignal(actions.failed, timeout=WAIT_MS) as refused:
        actions.action.trigger()
    assert refused.args[0].code == "ledger_folder_missing"
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and str(tmp_path / "gone") in boxes[-1].text()
    for box in boxes:
        box.close()
    assert actions.job is None and not (tmp_path / "gone").exists()


def test_a_read_only_folder_is_refused_with_a_message(window, actions, qtbot, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    done = subprocess.run(["chattr", "+i", str(locked)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot make {locked} unwritable here: {done.stderr.decode().strip()}")
    try:
        choose_file(locked / "ledger.xlsx")
        with qtbot.waitSignal(actions.failed, timeout=WAIT_MS) as refused:
            actions.action.trigger()
        assert refused.args[0].code == "ledger_folder_not_writable"
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes and str(locked) in boxes[-1].text()
        for box in boxes:
            box.close()
        assert list(locked.iterdir()) == []
    finally:
        subprocess.run(["chattr", "-i", str(locked)], capture_output=True, check=False)

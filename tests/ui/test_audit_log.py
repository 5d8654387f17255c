"""Tools → 审计日志: the menu opens it; the filters narrow the list; "verify" names the first break of an edit
made behind the program's back and marks its entry; export writes the chain."""

from __future__ import annotations

import json
import sqlite3
import threading

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from hazard_desktop import paths
from hazard_desktop.ui.audit_log import COL_RECORD, COL_TABLE, AuditLogDialog
from hazard_desktop.ui.features import install_features
from hazard_desktop.ui.main_window import MainWindow
from tests.ui.file_dialog_answers import FileDialogAnswers


def make_dialog(qtbot, context) -> AuditLogDialog:
    dialog = AuditLogDialog(context)
    qtbot.addWidget(dialog)
    return dialog


def test_the_tools_menu_opens_the_audit_log(qtbot, context, tmp_path, monkeypatch):
    window = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install_features(window, context)
    opened: list[AuditLogDialog] = []
    monkeypatch.setattr(AuditLogDialog, "exec", lambda self: opened.append(self) or 0)
    action = window.feature_actions["audit"]
    assert action in window.menu_for("tools").actions() and action.isEnabled()
    action.trigger()
    assert len(opened) == 1 and opened[0].model.rowCount() > 0
    opened[0].close()


def test_filters_narrow_the_entries(qtbot, context, sample):
    dialog = make_dialog(qtbot, context)
    everything = dialog.model.rowCount()
    dialog.table.setCurrentIndex(dialog.table.findData("hazards"))
    qtbot.mouseClick(dialog.filter_button, Qt.MouseButton.LeftButton)
    tables = {dialog.model.index(r, COL_TABLE).data() for r in range(dialog.model.rowCount())}
    assert tables == {"hazards"} and 0 < dialog.model.rowCount() < everything
    dialog.record.setText(str(sample.hazards[2].id)[:13])
    dialog.filter_button.click()
    assert {dialog.model.index(r, COL_RECORD).data() for r in range(dialog.model.rowCount())} == {
        str(sample.hazards[2].id)
    }
    dialog.record.clear()
    dialog.dates.setChecked(True)
    dialog.since.setDate(dialog.since.date().addYears(-30))
    dialog.until.setDate(dialog.until.date().addYears(-20))
    dialog.filter_button.click()
    assert dialog.model.rowCount() == 0


def test_verify_reports_the_first_break_and_marks_its_entry(qtbot, context, sample):
    dialog = make_dialog(qtbot, context)
    with qtbot.waitSignals([dialog.verified, dialog.work_done], timeout=20000):
        dialog.verify_button.click()
    assert dialog.last_verification is not None and dialog.last_verification.ok
    assert str(dialog.last_verification.entries) in dialog.status.text()
    hazard = sample.hazards[1]
    with sqlite3.connect(paths.database_path(context.data_dir)) as db:
        db.execute("UPDATE hazards SET grade = 'major' WHERE id = ?", (str(hazard.id),))
    dialog.filter_button.click()
    with qtbot.waitSignals([dialog.verified, dialog.work_done], timeout=20000):
        dialog.verify_button.click()
    result = dialog.last_verification
    assert result is not None and not result.ok
    assert "hazards" in dialog.status.text() and str(hazard.id) in dialog.status.text()
    row = dialog.view.currentIndex().row()
    assert dialog.model.entry(row).seq == result.first.seq and dialog.model.entry(row).record == str(hazard.id)
    assert dialog.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_export_button_writes_the_chain(qtbot, context, sample, tmp_path, monkeypatch):
    dialog = make_dialog(qtbot, context)
    target = tmp_path / "trail.json"
    answers = FileDialogAnswers(target)
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        dialog.export_button.click()
    assert answers.seen[0].parent is dialog and answers.seen[0].folder != context.data_dir
    assert blocker.args[0] > 0 and str(target) in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=20000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["entries"]) >= dialog.model.rowCount() > 0
    # one row per record: a format-2 entry's records share its hash; the next entry holds it as prev
    pairs = list(zip(data["entries"], data["entries"][1:], strict=False))
    assert all(b["prev"] == a["hash"] if b["seq"] != a["seq"] else b["hash"] == a["hash"] for a, b in pairs)
    bad = tmp_path / "missing" / "trail.csv"
    assert dialog.export(bad) is None and not bad.parent.exists()
    assert dialog.status.text()


def test_nobody_signed_in_is_refused_and_nothing_opens(qtbot, context, tmp_path, monkeypatch):
    window = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install_features(window, context)
    opened: list[AuditLogDialog] = []
    monkeypatch.setattr(AuditLogDialog, "exec", lambda self: opened.append(self) or 0)
    context.session.sign_out()  # nobody signed in (the window is locked): no role at all
    window.feature_actions["audit"].trigger()
    assert opened == []
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and boxes[0].text()


class SlowTrail:
    """Wraps the real trail; its verification reports progress and waits for the test between steps."""

    def __init__(self, trail) -> None:
        self.trail = trail
        self.go = threading.Event()
        self.started = threading.Event()
        self.steps = 0

    def entries(self, entry_filter, limit=5000):
        return self.trail.entries(entry_filter, limit)

    def choices(self, column):
        return self.trail.choices(column)

    def verify(self, progress=None):
        self.started.set()
        for step in range(1, 4):
            assert self.go.wait(20), "the test never let the verification go on"
            self.go.clear()
            self.steps = step
            if progress is not None:
                progress(step * 10000)
        return self.trail.verify()


def test_verification_runs_in_the_background_with_a_busy_bar_and_the_window_answers(qtbot, context, sample):
    dialog = make_dialog(qtbot, context)
    dialog.show()
    slow = dialog.trail = SlowTrail(dialog.trail)
    dialog.verify_button.click()
    assert slow.started.wait(20)
    assert dialog.busy.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.verify_button.isEnabled() and not dialog.export_button.isEnabled()
    # the window answers meanwhile: the filter reads the trail while the verification runs
    dialog.table.setCurrentIndex(dialog.table.findData("hazards"))
    dialog.filter_button.click()
    assert {dialog.model.index(r, COL_TABLE).data() for r in range(dialog.model.rowCount())} == {"hazards"}
    slow.go.set()
    qtbot.waitUntil(lambda: "10000" in dialog.status.text(), timeout=20000)  # entries checked so far
    with qtbot.waitSignals([dialog.verified, dialog.work_done], timeout=20000):
        slow.go.set()
        qtbot.waitUntil(lambda: slow.steps == 2, timeout=20000)
        slow.go.set()
    assert dialog.last_verification.ok and str(dialog.last_verification.entries) in dialog.status.text()
    assert not dialog.busy.isVisible() and dialog.verify_button.isEnabled() and dialog.job is None


def test_a_verification_can_be_cancelled(qtbot, context, sample):
    dialog = make_dialog(qtbot, context)
    dialog.show()
    slow = dialog.trail = SlowTrail(dialog.trail)
    dialog.verify_button.click()
    assert slow.started.wait(20)
    with qtbot.waitSignal(dialog.work_done, timeout=20000):
        dialog.cancel_button.click()
        slow.go.set()
    assert dialog.last_verification is None and "cancelled" in dialog.status.text()
    assert dialog.verify_button.isEnabled() and not dialog.busy.isVisible()


def test_closing_the_window_during_a_verification_is_safe(qtbot, context, sample):
    dialog = make_dialog(qtbot, context)
    dialog.show()
    slow = dialog.trail = SlowTrail(dialog.trail)
    job = dialog.verify()
    assert job is not None and slow.started.wait(20)
    dialog.close_button.click()
    assert not dialog.isVisible() and dialog.job is None
    before = dialog.status.text()
    with qtbot.waitSignal(job.signals.done, timeout=20000):
        slow.go.set()
    assert job.wait(20) and slow.steps == 1  # it stopped at its next step: cancelled by the closing
    assert dialog.status.text() == before and dialog.last_verification is None  # nothing reached the window

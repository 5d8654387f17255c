"""Tools → 审计日志: the menu opens it; the filters narrow the list; "verify" names the first break of an edit
made behind the program's back and marks its entry; export writes the chain."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hazard_desktop import paths
from hazard_desktop.ui.audit_log import COL_RECORD, COL_TABLE, AuditLogDialog
from hazard_desktop.ui.features import install_features
from hazard_desktop.ui.main_window import MainWindow


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
    dialog.verify_button.click()
    assert dialog.last_verification is not None and dialog.last_verification.ok
    assert str(dialog.last_verification.entries) in dialog.status.text()
    hazard = sample.hazards[1]
    with sqlite3.connect(paths.database_path(context.data_dir)) as db:
        db.execute("UPDATE hazards SET grade = 'major' WHERE id = ?", (str(hazard.id),))
    dialog.filter_button.click()
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
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "JSON (*.json)"))
    dialog.export_button.click()
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

"""Bad input typed into the real dialogs: refused with a sentence, nothing stored (issue 10 §1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from hazard_desktop.services import template_exchange
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
from hazard_desktop.ui.inspections.templates_dialog import TemplatesDialog
from tests.ui.conftest import Sample, hazard_count
from tests.ui.test_hazard_editor import fill


@pytest.fixture
def new_dialog(qtbot, context: AppContext, sample: Sample) -> HazardEditorDialog:
    dialog = HazardEditorDialog(context)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize(
    ("field", "value"),
    [("description", "槽车装卸区\x00静电接地夹损坏"), ("location", "\x1b[2J装卸站台"), ("equipment_tag", "LA-02\x07")],
)
def test_control_characters_in_a_hazard_are_refused(field, value, new_dialog, sample, context):
    fill(new_dialog, sample)
    widget = getattr(new_dialog, field)
    (widget.setPlainText if field == "description" else widget.setText)(value)
    before = hazard_count(context)
    new_dialog.accept()
    assert "invisible control character" in new_dialog.error_message()
    assert new_dialog.result_value is None and hazard_count(context) == before


def test_a_register_number_typed_full_width_is_stored_in_ascii(new_dialog, sample, context):
    fill(new_dialog, sample)
    new_dialog.number.setText("ＹＨ－２０２５－０００１")  # what a Chinese input method types
    new_dialog.accept()
    assert new_dialog.result_value is not None
    assert new_dialog.result_value.hazard.number == "YH-2025-0001"


def test_a_register_number_in_other_digits_is_refused(new_dialog, sample, context):
    fill(new_dialog, sample)
    new_dialog.number.setText("YH-2025-٠٠٤٢")
    before = hazard_count(context)
    new_dialog.accept()
    assert "is not a register number" in new_dialog.error_message()
    assert hazard_count(context) == before


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # before: a RecursionError reached stderr and the window showed nothing
        '{"format": "hazard_desktop.checklist_templates", "format_version": 1, "templates": [{"v": '
        + "9" * 5000
        + "}]}",
    ],
    ids=["deeply nested", "5000-digit number"],
)
def test_a_broken_checklist_file_is_explained_in_the_window(text, qtbot, context, tmp_path):
    dialog = TemplatesDialog(context)
    qtbot.addWidget(dialog)
    path = tmp_path / "checklists.json"
    path.write_text(text, encoding="utf-8")
    rows = dialog.model.rowCount()
    assert dialog.import_templates(path) is None
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "not a valid checklist file" in boxes[-1].text()
    assert dialog.model.rowCount() == rows


def test_a_checklist_with_a_huge_version_number_is_refused(qtbot, context, tmp_path):
    dialog = TemplatesDialog(context)
    qtbot.addWidget(dialog)
    exported = json.loads(template_exchange.export_templates(context.uow(), [dialog.selected().template_id]))
    exported["templates"][0]["versions"][0]["version"] = 2**63
    exported["templates"][0]["versions"][0]["id"] = "6f0f3d52-3a4e-4c1e-9d55-8d0f0c1e2a11"
    path = Path(tmp_path / "checklists.json")
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert dialog.import_templates(path) is None
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "version: at most" in boxes[-1].text()


def test_a_number_typed_far_ahead_is_refused_in_chinese_naming_the_next_one(new_dialog, sample, context, qapp):
    """A typo (YH-2026-9999) was stored and moved the year's automatic numbers past it for good."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from hazard_desktop.ui import application

    fill(new_dialog, sample)
    new_dialog.number.setText("YH-2026-9999")
    before = hazard_count(context)
    locale = QLocale()
    translators = application.install_translators(qapp, Path(__file__).resolve().parents[2] / "resources", "zh_CN")
    QLocale.setDefault(locale)
    try:
        new_dialog.accept()
        message = new_dialog.error_message()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    assert "跳号" in message and "YH-2026-0006" in message, message  # five sample hazards of 2026
    assert new_dialog.result_value is None and hazard_count(context) == before
    new_dialog.number.setText("")
    new_dialog.accept()
    assert new_dialog.result_value.hazard.number == "YH-2026-0006"

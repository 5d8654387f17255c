"""Inspection screens: run a whole checklist by keyboard, finalize, find the hazards in the register;
the list window, the start dialog, templates (edit → new version, export/import), the menu and models."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt, QTranslator
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMainWindow, QToolButton

from hazard_desktop.app import close_context
from hazard_desktop.domain.inspections import AnswerResult, EditMode, InspectionState, StartInput, draft_of
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Person, Role
from hazard_desktop.services import inspections as service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter, SortKey
from hazard_desktop.ui import messages
from hazard_desktop.ui.inspections import actions as actions_module
from hazard_desktop.ui.inspections import texts
from hazard_desktop.ui.inspections.actions import install_inspection_actions
from hazard_desktop.ui.inspections.list_window import InspectionListWindow
from hazard_desktop.ui.inspections.models import (
    COL_NUMBER,
    COL_STATE,
    DRAFT_COLOUR,
    IdRole,
    InspectionListModel,
    ItemListModel,
    StateRole,
    TemplateListModel,
)
from hazard_desktop.ui.inspections.runner import InspectionRunner
from hazard_desktop.ui.inspections.start_dialog import StartInspectionDialog
from hazard_desktop.ui.inspections.template_editor import TemplateEditorDialog
from hazard_desktop.ui.inspections.templates_dialog import TemplatesDialog
from hazard_desktop.ui.widgets import screen_fit
from tests.factories import make_context
from tests.ui.file_dialog_answers import FileDialogAnswers

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "inspections_zh_CN.ts"
TODAY = date.today()


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = make_context(tmp_path / "data")
    yield context
    close_context(context)


@pytest.fixture
def person(ctx: AppContext) -> Person:
    with ctx.uow() as uow:
        department = next(d for d in uow.reference.departments() if d.code == "AHB")
        now = utcnow()
        inspector = Person(new_id(), "张伟", department.id, frozenset({Role.INSPECTOR}), True, now, now)
        uow.reference.save_person(inspector)
        uow.commit()
    return inspector


@pytest.fixture
def quiet(monkeypatch) -> list[tuple[str, str]]:
    """Information boxes are recorded instead of shown; confirmations say yes."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    return shown


def template_of(ctx: AppContext, code: str = "JC-10"):
    return next(t for t in service.list_templates(ctx.uow()) if t.code == code)


def started(ctx: AppContext, person: Person, code: str = "JC-10"):
    with ctx.uow() as uow:
        department = next(d for d in uow.reference.departments() if d.code == "GQ")
    return service.start_inspection(
        ctx.uow(), StartInput(template_of(ctx, code).id, "二号罐区", department.id, (person.id,), TODAY)
    )


def runner_for(qtbot, ctx: AppContext, inspection_id: uuid.UUID) -> InspectionRunner:
    runner = InspectionRunner(ctx, inspection_id)
    qtbot.addWidget(runner)
    runner.show()
    runner.setFocus()
    return runner


def image_file(path: Path) -> Path:
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc3333"))
    assert image.save(str(path))
    return path


# ----------------------------------------------------------------------------------- the runner


def test_a_whole_inspection_by_keyboard_finalized_and_found_in_the_register(qtbot, ctx, person, quiet, tmp_path):
    inspection = started(ctx, person)
    runner = runner_for(qtbot, ctx, inspection.id)
    count = runner.run.template.item_count
    assert runner.index == 0 and runner.progress_bar.value() == 0
    failures = {0: "T-204 液位计玻璃管破裂", 6: "防火堤东侧裂缝"}
    for index in range(count):
        assert runner.index == index
        if index in failures:
            qtbot.keyClick(runner, Qt.Key.Key_2)  # 不合格 puts the cursor in the note
            assert runner.focusWidget() is runner.note_edit
            runner.note_edit.setPlainText(failures[index])  # Chinese text: a setter, not keyClicks
            if index == 6:
                runner.add_photos([str(image_file(tmp_path / "crack.png"))])
            qtbot.keyClick(runner.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        elif index == 3:
            qtbot.keyClick(runner, Qt.Key.Key_3)
            qtbot.keyClick(runner, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(runner, Qt.Key.Key_Y)  # 合格 moves on by itself
            if index == count - 1:
                assert runner.index == index  # the last item stays shown
    assert runner.index == count - 1
    assert runner.progress_bar.value() == count
    stored = service.load_run(ctx.uow(), inspection.id)
    assert stored.progress.complete and stored.progress.failed == 2 and stored.progress.not_applicable == 1
    assert stored.answers[stored.template.items[0].id].note == failures[0]
    assert stored.answers[stored.template.items[6].id].photo_count == 1

    with qtbot.waitSignal(runner.finalized) as signal:
        runner.finalize_button.click()
    result = signal.args[0]
    assert result.inspection.state is InspectionState.FINALIZED and len(result.hazards) == 2
    # The register states the deficiency, then what was found (not the requirement as if it were met).
    assert result.hazards[0].description == "不符合检查项：常压和低压储罐设置液位计。现场情况：T-204 液位计玻璃管破裂"
    assert result.hazards[1].description.startswith("不符合检查项：")
    assert result.hazards[1].description.endswith("。现场情况：防火堤东侧裂缝")
    assert runner.read_only and not runner.finalize_button.isVisible()
    assert all(h.number in quiet[-1][1] for h in result.hazards)

    flt = RegisterFilter(inspection_id=inspection.id)
    assert ctx.register.count(flt) == 2
    rows = ctx.register.page(flt, SortKey.NUMBER, False, 0, 10)
    assert {r.number for r in rows} == {h.number for h in result.hazards}
    assert {r.location for r in rows} == {"二号罐区"}

    runner.show_item(0)
    assert runner.hazard_label.isVisible() and result.hazards[0].number in runner.hazard_label.text()
    assert runner.proposal_label.isVisible() and "C-4" in runner.proposal_label.text()
    assert not runner.choose(AnswerResult.PASS)


def test_keys_pass_fail_na_next_previous(qtbot, ctx, person):
    inspection = started(ctx, person)
    runner = runner_for(qtbot, ctx, inspection.id)
    qtbot.keyClick(runner, Qt.Key.Key_1)
    assert runner.index == 1  # 合格 moved on to the next item
    qtbot.keyClick(runner, Qt.Key.Key_Backspace)
    assert runner.index == 0 and runner.result_buttons[AnswerResult.PASS].isChecked()
    qtbot.keyClick(runner, Qt.Key.Key_Minus)
    assert runner.answer().result is AnswerResult.NA
    qtbot.keyClick(runner, Qt.Key.Key_Minus)  # the same key again clears the result
    assert runner.answer().result is None
    qtbot.keyClick(runner, Qt.Key.Key_N)
    assert runner.answer().result is AnswerResult.FAIL and runner.answer().proposes_major
    assert runner.proposal_label.isVisible()
    qtbot.keyClick(runner.note_edit, Qt.Key.Key_Escape)  # back to the keys
    qtbot.keyClick(runner, Qt.Key.Key_Return)
    assert runner.index == 1
    qtbot.keyClick(runner, Qt.Key.Key_Backspace)
    assert runner.index == 0
    runner.result_buttons[AnswerResult.PASS].click()  # touch works the same way, and moves on
    assert runner.index == 1
    runner.previous_button.click()
    assert runner.answer().result is AnswerResult.PASS and not runner.proposal_label.isVisible()


def test_a_note_is_saved_shortly_after_typing_stops(qtbot, ctx, person):
    inspection = started(ctx, person)
    runner = runner_for(qtbot, ctx, inspection.id)
    with qtbot.waitSignal(runner.answer_saved, timeout=5000) as signal:
        runner.note_edit.setPlainText("液位计读数偏低")
    assert signal.args[0].note == "液位计读数偏低" and signal.args[0].result is None
    item = runner.item
    assert service.load_run(ctx.uow(), inspection.id).answers[item.id].note == "液位计读数偏低"


def test_a_reopened_draft_continues_at_the_first_open_item(qtbot, ctx, person):
    inspection = started(ctx, person)
    items = template_of(ctx).items
    for item in items[:3]:
        service.record_answer(ctx.uow(), inspection.id, item.id, AnswerResult.PASS)
    runner = runner_for(qtbot, ctx, inspection.id)
    assert runner.index == 3
    assert runner.items_view.currentIndex().row() == 3
    assert "3" in runner.progress_label.text()


def test_finalize_shows_what_is_missing_and_goes_there(qtbot, ctx, person, quiet):
    inspection = started(ctx, person)
    items = template_of(ctx).items
    for item in items:
        service.record_answer(ctx.uow(), inspection.id, item.id, AnswerResult.PASS)
    service.record_answer(ctx.uow(), inspection.id, items[4].id, AnswerResult.FAIL)
    runner = runner_for(qtbot, ctx, inspection.id)
    runner.show_item(0)
    assert runner.finalize() is None
    assert runner.index == 4
    assert quiet and "note or a photo" in quiet[-1][1]
    assert service.load_run(ctx.uow(), inspection.id).inspection.is_draft


def test_photos_can_be_added_and_removed(qtbot, ctx, person, tmp_path, quiet):
    inspection = started(ctx, person)
    runner = runner_for(qtbot, ctx, inspection.id)
    assert runner.add_photos([str(image_file(tmp_path / "a.png")), str(image_file(tmp_path / "b.png"))])
    assert runner.photo_list.count() == 2 and runner.answer().photo_count == 2
    runner.photo_list.setCurrentRow(0)
    assert runner.remove_photo()
    assert runner.photo_list.count() == 1
    bad = tmp_path / "not-an-image.jpg"
    bad.write_bytes(b"text")
    assert not runner.add_photos([str(bad)])
    assert runner.answer().photo_count == 1


# --------------------------------------------------------------------------- start and list window


def test_start_dialog_starts_a_draft_and_shows_errors_inline(qtbot, ctx, person):
    dialog = StartInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    with ctx.uow() as uow:
        department = uow.reference.departments()[0]
    template = template_of(ctx, "JC-03")
    dialog.set_values(template_id=template.id, area="", department_id=department.id, leader_id=person.id, day=TODAY)
    dialog.accept()
    assert dialog.inspection is None and not dialog.error_label.isHidden()
    assert dialog.error_label.text() == "Please enter the inspected area."
    dialog.set_values(area="合成二车间控制室")
    dialog.accept()
    assert dialog.inspection is not None and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.inspection.template_version_id == template.id
    assert [i.person_id for i in dialog.inspection.inspectors] == [person.id]


def test_the_list_window_shows_drafts_and_finished_runs_and_prints(qtbot, ctx, person, quiet, tmp_path):
    draft = started(ctx, person)
    done = started(ctx, person, "JC-04")
    for item in template_of(ctx, "JC-04").items:
        service.record_answer(ctx.uow(), done.id, item.id, AnswerResult.PASS)
    service.finalize_inspection(ctx.uow(), done.id, ctx.images)
    window = InspectionListWindow(ctx)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 2
    states = {window.model.index(r, 0).data(IdRole): window.model.index(r, 0).data(StateRole) for r in range(2)}
    assert states == {draft.id: "draft", done.id: "finalized"}
    window.state_combo.setCurrentIndex(1)
    assert window.model.rowCount() == 1 and window.model.row_at(0).id == draft.id
    window.state_combo.setCurrentIndex(0)

    assert window.select(draft.id)
    assert window.action_delete.isEnabled()
    runner = window.open_selected()
    assert runner is not None and runner.run.inspection.id == draft.id
    assert window.open_runner(draft.id) is runner  # one runner per inspection
    runner.close()

    assert window.select(done.id)
    assert not window.action_delete.isEnabled()
    window.action_print.trigger()  # the preview of the sheets, with print and "Save as PDF…" (issue 11 §2)
    preview = window.record_preview
    assert preview is not None and preview.isVisible() and preview.page_count() >= 1
    temp_pdf = preview.pdf_path
    saved = preview.save_as(tmp_path / "record.pdf")
    assert saved is not None and saved.read_bytes().startswith(b"%PDF")
    from PySide6.QtPrintSupport import QPrinter

    from hazard_desktop.ui.sheets.preview import a4_printer

    printer = a4_printer("record")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.paint(printer)  # what the preview's print button does
    assert preview.outputs == [str(saved), "print"] and (tmp_path / "printed.pdf").stat().st_size > 1000
    preview.close()
    qtbot.waitUntil(lambda: not temp_pdf.exists())  # the temporary rendering goes with the preview
    with qtbot.waitSignal(window.show_hazards_requested) as signal:
        window.show_hazards()
    assert signal.args[0] == done.id

    assert window.select(draft.id)
    assert window.delete_draft()
    assert window.model.rowCount() == 1


def test_a_draft_is_marked_in_the_columns_a_small_screen_shows(qtbot, ctx, person):
    """A trial at 1366×768/150 % read "1 份草稿" in the status bar but saw no row marked as a draft."""
    from PySide6.QtCore import QRect

    done = started(ctx, person, "JC-04")
    for item in template_of(ctx, "JC-04").items:
        service.record_answer(ctx.uow(), done.id, item.id, AnswerResult.PASS)
    service.finalize_inspection(ctx.uow(), done.id, ctx.images)
    draft = started(ctx, person)
    model = InspectionListModel(service.list_inspections(ctx.uow()))
    assert model.headerData(COL_STATE, Qt.Orientation.Horizontal) == "State" and COL_STATE == COL_NUMBER + 1
    rows = {model.index(r, 0).data(IdRole): r for r in range(model.rowCount())}
    for column in (COL_NUMBER, COL_STATE):  # number and state: bold, in the draft colour
        marked = model.index(rows[draft.id], column)
        plain = model.index(rows[done.id], column)
        assert marked.data(Qt.ItemDataRole.FontRole).bold()
        assert marked.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(DRAFT_COLOUR)
        assert plain.data(Qt.ItemDataRole.FontRole) is None and plain.data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(rows[draft.id], COL_STATE).data() == "Draft"
    assert model.index(rows[done.id], COL_STATE).data() == "Finalized"

    previous = screen_fit.set_available_override(QRect(0, 0, 911, 512))  # 1366×768 at 150 %, logical
    try:
        window = InspectionListWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.width() <= 911
        view = window.view
        row = window.model.find_row(draft.id)
        cell = view.visualRect(window.model.index(row, COL_STATE))
        assert view.viewport().rect().contains(cell), (cell, view.viewport().rect())
        assert window.model.index(row, COL_STATE).data() == "Draft"
    finally:
        screen_fit.set_available_override(previous)


# ------------------------------------------------------------------------------------- templates


def test_editing_a_used_template_in_the_editor_makes_a_new_version(qtbot, ctx, person):
    inspection = started(ctx, person)
    template = template_of(ctx)
    editor = TemplateEditorDialog(ctx, template)
    qtbot.addWidget(editor)
    editor.name_edit.setText("储罐区仪表设置检查表（2026 修订）")
    section = editor.tree.topLevelItem(0)
    editor.tree.setCurrentItem(section.child(0))
    node = editor.add_item()
    editor.item_text.setPlainText("罐根阀处设置紧急切断阀")
    editor.criterion_combo.setCurrentIndex(editor.criterion_combo.findData("121-5"))
    assert node.text(0) == "罐根阀处设置紧急切断阀"
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted
    edit = editor.result_edit
    assert edit is not None and edit.mode is EditMode.NEW_VERSION and edit.template.version == 2
    assert edit.template.items[1].text == "罐根阀处设置紧急切断阀"
    assert edit.template.items[1].category_code == template.items[0].category_code  # copied from the neighbour
    assert edit.template.items[1].criterion_code == "121-5"
    run = service.load_run(ctx.uow(), inspection.id)
    assert run.template.id == template.id and run.template.item_count == template.item_count


def test_the_editor_refuses_an_item_without_text(qtbot, ctx):
    editor = TemplateEditorDialog(ctx, None)
    qtbot.addWidget(editor)
    editor.name_edit.setText("空表")
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    editor.section_title.setText("部分一")
    editor._section_edited("部分一")
    editor.add_item()
    editor.category_combo.setCurrentIndex(editor.category_combo.findData("4.8"))
    editor.accept()
    assert editor.result_edit is None
    assert editor.error_label.text() == "Item 1 of section 1 has no text."
    editor.item_text.setPlainText("通道畅通")
    editor.accept()
    assert editor.result_edit is not None and editor.result_edit.template.item_count == 1
    assert draft_of(editor.result_edit.template).sections[0].title == "部分一"


def test_templates_dialog_exports_imports_and_withdraws(qtbot, ctx, tmp_path, quiet):
    dialog = TemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 10
    assert dialog.preview.topLevelItemCount() == len(dialog.selected().sections)
    path = dialog.export_templates(tmp_path / "checklists.json")
    assert path is not None and path.exists()
    report = dialog.import_templates(path)
    assert report is not None and report.unchanged == 10 and report.added == ()
    chosen = dialog.selected()
    assert dialog.toggle_retired()
    assert dialog.show_retired.isChecked()
    row = dialog.model.find_row(chosen.template_id)
    assert dialog.model.index(row, 5).data() == "Withdrawn"
    assert dialog.toggle_retired()
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    assert dialog.import_templates(broken) is None


# ----------------------------------------------------------------------------- menu and register


class FakeMainWindow(QMainWindow):
    """What the actions use of the register window."""

    def __init__(self, hazard_id: uuid.UUID | None = None) -> None:
        super().__init__()
        self.filters: list[RegisterFilter] = []
        self.hazard_id = hazard_id
        self.refreshed = 0

    def apply_filter(self, flt: RegisterFilter) -> None:
        self.filters.append(flt)

    def current_hazard_id(self) -> uuid.UUID | None:
        return self.hazard_id

    def refresh(self) -> None:
        self.refreshed += 1


def test_the_menu_filters_the_register_by_inspection(qtbot, ctx, person, quiet):
    inspection = started(ctx, person)
    items = template_of(ctx).items
    for index, item in enumerate(items):
        result = AnswerResult.FAIL if index == 2 else AnswerResult.PASS
        service.record_answer(ctx.uow(), inspection.id, item.id, result, "缺少高液位报警" if index == 2 else None)
    (hazard,) = service.finalize_inspection(ctx.uow(), inspection.id, ctx.images).hazards

    window = FakeMainWindow(hazard.id)
    qtbot.addWidget(window)
    actions = install_inspection_actions(window, ctx)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Inspections" in titles
    flt = actions.filter_by_selected()
    assert flt is not None and window.filters[-1].inspection_id == inspection.id
    assert ctx.register.count(window.filters[-1]) == 1
    origin = actions.origin_section.show_hazard(hazard.id)
    assert origin is not None and origin.inspection_number == inspection.number
    assert inspection.number in actions.origin_section.text.text()

    listing = actions.show_list()
    qtbot.addWidget(listing)
    assert listing.model.rowCount() == 1
    listing.select(inspection.id)
    listing.show_hazards()
    assert window.filters[-1].inspection_id == inspection.id
    window.hazard_id = None
    assert actions.filter_by_selected() is None
    assert quiet and "not raised by an inspection" in quiet[-1][1]
    assert actions_module.STATUS_TIMEOUT_MS > 0


# ------------------------------------------------------------------------------------------ models


def test_models_pass_the_model_tester(qtmodeltester, ctx, person):
    inspection = started(ctx, person)
    template = template_of(ctx)
    answer = service.record_answer(ctx.uow(), inspection.id, template.items[0].id, AnswerResult.FAIL, "漏")
    items = ItemListModel(template, {answer.item_id: answer})
    qtmodeltester.check(items)
    assert items.index(0, 0).data(StateRole) == "fail"
    assert items.index(1, 0).data(StateRole) == ""
    listing = InspectionListModel(service.list_inspections(ctx.uow()))
    qtmodeltester.check(listing)
    assert listing.index(0, COL_STATE).data() == "Draft"
    qtmodeltester.check(TemplateListModel(service.list_templates(ctx.uow())))
    qtmodeltester.check(InspectionListModel())


# ------------------------------------------------------------------------------------- translation


def test_the_chinese_translation_is_complete_and_keeps_placeholders():
    tree = ET.parse(TS_FILE)
    checked = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for text in forms:
            assert text.strip(), source
            assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", source)), source
            assert ("%n" in source) == ("%n" in text), source
            assert source.count("&") == text.count("&"), source
        checked += 1
    assert checked > 150


def test_the_compiled_translation_gives_chinese(qapp):
    qm = TS_FILE.with_suffix(".qm")
    assert qm.exists(), "run `make translations` first (make test does)"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert texts.result_label(AnswerResult.FAIL) == "不合格"
        assert texts.state_label(InspectionState.FINALIZED) == "已定稿"
        from hazard_desktop.domain.errors import ValidationError

        assert messages.error_text(ValidationError("failure_undocumented", count=2, first=4), "inspection") == (
            "有 2 个不合格项需要填写说明或拍照（第一项为第 4 项）。"
        )
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_main_window_gets_the_menu_the_origin_section_and_the_filter(qtbot, ctx, person, tmp_path):
    from PySide6.QtCore import QSettings

    from hazard_desktop.ui.main_window import MainWindow

    inspection = started(ctx, person)
    for index, item in enumerate(template_of(ctx).items):
        failed = index in (1, 5)
        service.record_answer(
            ctx.uow(),
            inspection.id,
            item.id,
            AnswerResult.FAIL if failed else AnswerResult.PASS,
            "不合格" if failed else None,
        )
    hazards = service.finalize_inspection(ctx.uow(), inspection.id, ctx.images).hazards
    from hazard_desktop.services.hazards import create_hazard
    from tests.factories import hazard_input

    create_hazard(ctx.uow(), hazard_input(ctx, person))  # registered by hand
    window = MainWindow(ctx, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    actions = install_inspection_actions(window, ctx)
    assert window.findChild(type(window.menuBar().actions()[0].menu()), "menu_inspections") is not None
    assert window.select_hazard(hazards[0].id)
    assert actions.origin_section.isVisibleTo(window) and inspection.number in actions.origin_section.text.text()
    flt = actions.filter_by_selected()
    assert flt is not None and flt.inspection_id == inspection.id
    assert window.model.rowCount() == 2 and window.model.register_filter.inspection_id == inspection.id
    chip = window.findChild(QToolButton, "inspectionFilterChip")
    assert chip.isVisibleTo(window) and inspection.number in chip.text()
    window.filter_bar.clear_button.click()
    assert window.model.register_filter.inspection_id is None
    assert window.model.rowCount() == 3 and not chip.isVisibleTo(window)
    actions.filter_register(inspection.id)
    assert window.model.rowCount() == 2
    chip.click()
    assert window.model.rowCount() == 3
    actions.filter_register(inspection.id)
    window.filter_bar.search.setText("P-101A")
    window.filter_bar.apply_now()  # a change in the bar drops the inspection filter
    assert window.model.register_filter.inspection_id is None and not chip.isVisibleTo(window)


# ------------------------------------------------------------------------------- field use (issue 11)


def _drag_events(paths: list[Path]):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, buttons, mods)
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, buttons, mods)
    return mime, enter, drop


def test_the_add_photos_button_opens_the_last_photo_folder_and_attaches(qtbot, ctx, person, tmp_path, monkeypatch):
    """``clicked(bool)`` fed False into ``add_photos(paths)``, which then returned at once (issue 11 §2)."""
    from hazard_desktop.ui import file_dialogs

    folder = tmp_path / "camera"
    folder.mkdir()
    photo = image_file(folder / "leak.png")
    answers = FileDialogAnswers([photo], [photo])
    inspection = started(ctx, person)
    runner = runner_for(qtbot, ctx, inspection.id)
    runner.add_photo_button.click()
    assert runner.photo_list.count() == 1 and runner.answer().photo_count == 1
    runner.close()
    again = runner_for(qtbot, ctx, inspection.id)  # a new window (and a restart: the folder is in a file)
    again.add_photo_button.click()
    assert [seen.folder for seen in answers.seen] == [file_dialogs.documents_folder(), folder]
    assert answers.seen[0].parent is runner and answers.seen[1].parent is again


def test_image_files_dropped_on_the_runner_are_attached(qtbot, ctx, person, tmp_path):
    inspection = started(ctx, person)
    runner = runner_for(qtbot, ctx, inspection.id)
    from PySide6.QtWidgets import QApplication

    text = tmp_path / "notes.txt"
    text.write_text("x")
    _mime, enter, _drop = _drag_events([text])
    QApplication.sendEvent(runner, enter)
    assert not enter.isAccepted()  # not an image: the runner does not take it
    _mime, enter, drop = _drag_events([image_file(tmp_path / "a.png"), image_file(tmp_path / "b.jpg")])
    QApplication.sendEvent(runner, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(runner, drop)
    assert drop.isAccepted() and runner.answer().photo_count == 2 and runner.photo_list.count() == 2


def test_the_runner_fits_a_small_screen_and_its_buttons_suit_gloved_hands(qtbot, ctx, person):
    inspection = started(ctx, person)
    runner = runner_for(qtbot, ctx, inspection.id)
    available = screen_fit.room(runner)  # the simulated screen, less the window frame
    assert runner.width() <= available.width() and runner.height() <= available.height()
    minimum = runner.minimumSizeHint()
    assert minimum.width() <= 911 and minimum.height() <= 512 - 40
    runner.resize(911, 472)
    QCoreApplication.processEvents()
    for button in (runner.next_button, runner.previous_button, runner.finalize_button, runner.close_button):
        assert button.height() >= 40
        bottom = button.mapTo(runner, button.rect().bottomRight())
        assert runner.rect().contains(bottom), button.objectName()
    for button in [*runner.result_buttons.values(), runner.add_photo_button, runner.remove_photo_button]:
        assert button.minimumHeight() >= 40 or button.sizeHint().height() >= 40
    assert runner.items_view.sizeHintForRow(0) >= 40  # the item list is touched too


def test_the_export_and_import_buttons_and_the_withdrawn_box_work_when_pressed(
    qtbot, ctx, tmp_path, quiet, monkeypatch
):
    """``clicked(bool)``/``toggled(bool)`` used to land in ``export_templates(path)``, ``refresh(select)``."""
    dialog = TemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    target = tmp_path / "checklists.json"
    monkeypatch.setattr(dialog, "_export_path", lambda *a, **k: target)
    monkeypatch.setattr(dialog, "_import_path", lambda *a, **k: target)
    dialog.export_button.click()
    assert target.exists() and target.stat().st_size > 100
    dialog.import_button.click()
    assert quiet and "10" in quiet[-1][1]  # the import report: ten checklists already here
    dialog.show_retired.click()
    assert dialog.show_retired.isChecked() and dialog.model.rowCount() == 10


def test_a_long_category_and_guidance_wrap_and_the_answer_buttons_stay_inside_at_150_percent(qtbot, ctx, person):
    """The item pane word-wraps: at 911×512 (1366×768 at 150 %) no answer button is pushed off the window."""
    from hazard_desktop.domain.inspections import ItemDraft, SectionDraft, TemplateDraft
    from hazard_desktop.services import reference_queries
    from hazard_desktop.ui.inspections.texts import category_text

    categories, _ = reference_queries.categories_and_criteria(ctx.uow(), include_retired=True)
    longest = max(
        ((c.code, s.code) for c in categories for s in c.subcategories),
        key=lambda pair: len(category_text(categories, *pair)),
    )
    guidance = "检查储罐液位计、高低液位报警及联锁的设置与投用情况，" * 6
    item = ItemDraft("液位计完好", guidance, *longest)
    draft = TemplateDraft(
        name="长文本检查表",
        description="",
        code="JC-LONG",
        sections=(SectionDraft("储罐区仪表、安全附件和紧急切断系统的设置与投用" * 2, (item,)),),
    )
    service.create_template(ctx.uow(), draft)
    previous = screen_fit.set_available_override(QRect(0, 0, 911, 512))
    try:
        inspection = started(ctx, person, "JC-LONG")
        runner = runner_for(qtbot, ctx, inspection.id)
        QCoreApplication.processEvents()
        assert runner.width() <= 911 and runner.category_label.text()
        for button in [*runner.result_buttons.values(), *(runner.position_label, runner.category_label)]:
            rect = QRect(button.mapTo(runner, button.rect().topLeft()), button.size())
            assert runner.rect().contains(rect), button.objectName()
            viewport = runner.card_scroll.viewport()
            inside = QRect(button.mapTo(viewport, button.rect().topLeft()), button.size())
            assert inside.left() >= 0 and inside.right() < viewport.width(), button.objectName()
    finally:
        screen_fit.set_available_override(previous)


def test_the_start_dialog_and_the_record_name_a_namesake_inspector_with_the_employee_number(qtbot, ctx, person):
    """Two 李安 of 安环部 (each with a 工号) were listed alike as leader and as members."""
    from PySide6.QtWidgets import QDialogButtonBox

    from hazard_desktop.services import inspection_record_model, reference_admin

    department = person.department_id
    first = reference_admin.save_person(ctx.uow(), None, "李安", "E0501", department, ["inspector"])
    reference_admin.save_person(ctx.uow(), None, "李安", "E0502", department, ["inspector"])
    dialog = StartInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    leaders = [dialog.leader_combo.itemText(i) for i in range(dialog.leader_combo.count())]
    members = [dialog.members_list.item(i).text() for i in range(dialog.members_list.count())]
    for listed in (leaders, members):
        assert "李安 (E0501)（安环部）" in listed and "李安 (E0502)（安环部）" in listed
        assert "张伟（安环部）" in listed  # no namesake: as before
    dialog.set_values(
        template_id=template_of(ctx, "JC-03").id, area="罐区", department_id=department, leader_id=first.id, day=TODAY
    )
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.inspection is not None
    record = inspection_record_model.build_record(ctx.uow(), dialog.inspection.id)
    assert [i.name for i in record.inspectors] == ["李安（E0501）"]
    runner = InspectionRunner(ctx, dialog.inspection.id)
    qtbot.addWidget(runner)
    assert "Inspectors: 李安 (E0501)" in runner.meta_label.text()
    summaries = service.list_inspections(ctx.uow())
    assert [s.inspectors for s in summaries if s.id == dialog.inspection.id] == ["李安（E0501）"]

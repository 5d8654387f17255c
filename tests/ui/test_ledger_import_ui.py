"""File → 导入台账: the dialog maps, previews and imports; bad files are explained and change nothing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from hazard_desktop import paths
from hazard_desktop.domain.ledger import LedgerField
from hazard_desktop.services import ledger_import as li
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.ledger.import_dialog import LedgerImportDialog, import_ledger_file
from tests import ledger_workbooks as books
from tests.factories import add_person

TODAY = date(2026, 12, 7)
SHOTS = os.environ.get("HAZARD_SHOTS")  # a folder: save the dialogs as PNG to look at them


def _hazard_count(context: AppContext) -> int:
    with context.uow() as uow:
        return uow.hazards.count()


@pytest.fixture
def dialog(qtbot, context: AppContext, tmp_path: Path) -> LedgerImportDialog:
    add_person(context, "登记员")
    opened = import_ledger_file(None, context, books.standard_ledger(tmp_path), today=TODAY)
    assert opened is not None
    qtbot.addWidget(opened)
    _choose_category(opened, "4.5")  # the ledger has no category column: every row needs the default
    return opened


def _choose_category(dialog: LedgerImportDialog, code: str | None) -> None:
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(code))
    assert dialog.category_combo.currentData() == code


def test_rows_without_a_category_are_refused_until_a_default_is_chosen(
    qtbot, context: AppContext, tmp_path: Path
) -> None:
    add_person(context, "登记员")
    opened = import_ledger_file(None, context, books.standard_ledger(tmp_path), today=TODAY)
    assert opened is not None
    qtbot.addWidget(opened)
    combo = opened.category_combo
    assert combo.currentIndex() == 0 and combo.currentData() is None  # nobody chose a category: none is used
    assert combo.currentText() in ("(none: refuse rows without one)", "（无：未填写的行不导入）")
    assert opened.preview is not None and opened.preview.count(li.RowStatus.NEW) == 0
    assert not opened.import_button.isEnabled()
    model = opened.model
    assert model.rowCount() == 12
    for i in range(model.rowCount()):
        assert model.row_at(i).status is li.RowStatus.REFUSED
        problem = model.index(i, 7).data()
        assert "no category" in problem or "缺少类别" in problem
    before = _hazard_count(context)
    opened.import_button.click()  # disabled: nothing happens
    assert _hazard_count(context) == before

    _choose_category(opened, "4.5")
    assert opened.preview is not None and opened.preview.count(li.RowStatus.NEW) == 8
    assert opened.import_button.isEnabled() and "8" in opened.import_button.text()
    assert all(row.category_code == "4.5" for row in opened.preview.rows if row.status is li.RowStatus.NEW)
    with qtbot.waitSignal(opened.imported, timeout=20_000) as imported:
        opened.import_button.click()
    assert imported.args[0].imported == 8 and _hazard_count(context) == before + 8


def test_preview_lists_every_row_with_its_problems(dialog: LedgerImportDialog) -> None:
    model = dialog.model
    assert model.rowCount() == 12
    assert dialog.import_button.isEnabled() and "8" in dialog.import_button.text()
    assert dialog.field_combo(1).currentData() == LedgerField.LEGACY_NUMBER
    rows = {model.row_at(i).row_no: i for i in range(model.rowCount())}
    problem = model.index(rows[13], 7).data()
    assert "三月初" in problem
    assert "七车间" in model.index(rows[14], 7).data()
    dialog.problems_only.click()
    assert model.rowCount() == 5  # 13, 14, 15 (off scale), 16, 17
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "ledger-import.png"))


def test_changing_the_mapping_previews_again(dialog: LedgerImportDialog) -> None:
    combo = dialog.field_combo(4)  # 隐患描述
    combo.setCurrentIndex(combo.findData(None))
    assert not dialog.import_button.isEnabled() and dialog.model.rowCount() == 0
    combo.setCurrentIndex(combo.findData(LedgerField.DESCRIPTION))
    assert dialog.import_button.isEnabled() and dialog.model.rowCount() == 12


def test_import_button_imports_once(qtbot, dialog: LedgerImportDialog, context: AppContext, tmp_path) -> None:
    before = _hazard_count(context)
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        dialog.import_button.click()
    result = imported.args[0]
    assert result.imported == 8 and _hazard_count(context) == before + 8
    (tmp_path / "again").mkdir()
    again = import_ledger_file(None, context, books.standard_ledger(tmp_path / "again"), today=TODAY)  # same content
    assert again is not None
    qtbot.addWidget(again)
    assert again.preview is not None and again.preview.count(li.RowStatus.NEW) == 0
    assert not again.import_button.isEnabled()


@pytest.mark.parametrize("make", [books.not_a_workbook, books.password_protected, books.old_xls, books.zip_bomb])
def test_bad_file_is_explained_and_nothing_changes(qtbot, context, tmp_path, monkeypatch, make) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    database = paths.database_path(tmp_path / "data")
    before = _hazard_count(context)
    assert import_ledger_file(None, context, make(tmp_path), today=TODAY) is None
    assert len(shown) == 1 and ("Nothing was imported" in shown[0] or "未导入" in shown[0])
    assert _hazard_count(context) == before and database.exists()


def test_file_menu_has_the_action(qtbot, context: AppContext) -> None:
    from hazard_desktop.ui.features import install_features
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    install_features(window, context)
    actions = window.menu_for("file").actions()
    assert actions[0].objectName() == "actionImportLedger"


def test_detail_pane_shows_the_origin_of_an_imported_hazard(qtbot, context: AppContext, tmp_path) -> None:
    from hazard_desktop.services.ports import RegisterFilter, SortKey
    from hazard_desktop.ui.ledger.origin_section import LedgerOriginSection

    person = add_person(context, "登记员")
    workbook = context.ledger_reader().read(books.standard_ledger(tmp_path))
    options = li.ImportOptions(person.id, None, "4.5")
    li.import_ledger(context.uow(), workbook, li.guess_mapping(workbook), options, today=TODAY)
    section = LedgerOriginSection(context)
    qtbot.addWidget(section)
    imported = context.register.page(RegisterFilter(text="AH-2025-001"), SortKey.NUMBER, False, 0, 5)[0]
    origin = section.show_hazard(imported.id)
    assert origin is not None and not section.isHidden()
    assert (
        "第 6 行" in section.findChild(QLabel, "ledgerOriginSource").text()
        or "row 6" in section.findChild(QLabel, "ledgerOriginSource").text()
    )
    lec = section.findChild(QLabel, "ledgerOriginLec").text()
    assert "L 3 × E 6 × C 7 = D 126" in lec
    assert section.findChild(QLabel, "ledgerOriginKept_responsible").text() == "张三"
    if SHOTS:
        section.resize(420, section.sizeHint().height())
        section.grab().save(str(Path(SHOTS) / "ledger-origin.png"))
    typed = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 500)
    assert section.show_hazard(None) is None and section.isHidden()
    assert len(typed) >= 8


def test_chinese_translation_is_complete() -> None:
    import re
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "ledger_zh_CN.ts"
    checked = 0
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        text = "".join(translation.itertext())
        assert text.strip(), source
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", source)), source
        assert source.count("&") == text.count("&"), source
        checked += 1
    assert checked >= 90


def test_a_header_in_unknown_words_is_mapped_by_hand(qtbot, context: AppContext, tmp_path) -> None:
    from openpyxl import Workbook

    add_person(context, "登记员")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["No", "When", "What", "Where", "Unit"])
    sheet.append([1, "2025/5/1", "Ladder without feet", "Warehouse", "罐区"])
    path = tmp_path / "english.xlsx"
    workbook.save(path)
    dialog = import_ledger_file(None, context, path, today=TODAY)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled() and dialog.model.rowCount() == 0
    _choose_category(dialog, "4.5")
    for column, field in ((1, LedgerField.FOUND_ON), (2, LedgerField.DESCRIPTION), (3, LedgerField.LOCATION),
                          (4, LedgerField.DEPARTMENT)):  # fmt: skip
        dialog.field_combo(column).setCurrentIndex(dialog.field_combo(column).findData(field))
    assert dialog.model.rowCount() == 2 and dialog.model.row_at(0).status is li.RowStatus.REFUSED  # the header row
    dialog.start_spin.setValue(2)
    assert dialog.model.rowCount() == 1 and dialog.model.row_at(0).status is li.RowStatus.NEW
    assert dialog.import_button.isEnabled()


def test_the_recorder_list_names_a_namesake_with_the_employee_number(qtbot, context: AppContext, tmp_path) -> None:
    first = add_person(context, "登记员")
    twin = add_person(context, "登记员")  # same department, another 工号
    other = add_person(context, "王检查")
    opened = import_ledger_file(None, context, books.standard_ledger(tmp_path), today=TODAY)
    assert opened is not None
    qtbot.addWidget(opened)
    listed = [opened.recorder_combo.itemText(i) for i in range(opened.recorder_combo.count())]
    assert f"登记员 ({first.employee_no})" in listed and f"登记员 ({twin.employee_no})" in listed
    assert other.name in listed  # no namesake: the name alone

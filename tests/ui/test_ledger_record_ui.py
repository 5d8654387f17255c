"""An imported hazard on screen says what the old ledger said: its 发现人 as written (or "not recorded"),
a day without an invented time — in the register, the detail pane and the editor (saved unchanged)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from hazard_desktop.adapters.ledger_reader import OpenpyxlLedgerReader
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services import ledger_import as li
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import labels
from hazard_desktop.ui.detail_pane import HazardDetailPane
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
from hazard_desktop.ui.models.register_model import RegisterModel
from tests.factories import add_person

LEDGER = [
    "隐患编号,发现日期,隐患部位,隐患描述,责任单位,发现人",
    "F-1,2026/1/5,罐区,防火堤裂缝,罐区,老张（外包）",
    "F-2,2026/1/6,精馏车间,现场无警示标识,精馏车间,",
]


@pytest.fixture
def imported(context: AppContext, tmp_path) -> dict[str, object]:
    recorder = add_person(context, "登记员")
    path = tmp_path / "old.csv"
    path.write_bytes("\r\n".join(LEDGER).encode("gb18030"))
    workbook = OpenpyxlLedgerReader().read(path)
    options = li.ImportOptions(recorder.id, None, "4.5")
    assert li.import_ledger(context.uow(), workbook, li.guess_mapping(workbook), options, today=date(2026, 12, 7))
    with context.uow() as uow:
        hazards = [uow.hazards.get_by_number(n) for n in ("YH-2026-0001", "YH-2026-0002")]
    return {h.description: h for h in hazards}


def _row_texts(model: RegisterModel, number: str) -> list[str]:
    for row in range(model.rowCount()):
        texts = [model.index(row, c).data(Qt.ItemDataRole.DisplayRole) or "" for c in range(model.columnCount())]
        if texts[0] == number:
            return texts
    raise AssertionError(number)


def test_the_register_shows_the_ledger_s_finder_and_a_date_only(qtbot, context, imported) -> None:
    with context.uow() as uow:
        model = RegisterModel(context.register, labels.category_names(uow.reference.categories()))
    named, nobody = imported["防火堤裂缝"], imported["现场无警示标识"]
    texts = _row_texts(model, named.number)
    assert texts[1] == "2026-01-05" and "12:00" not in " ".join(texts)
    assert "老张（外包）" in texts and "登记员" not in texts
    texts = _row_texts(model, nobody.number)
    assert texts[1] == "2026-01-06" and "Not recorded in the old ledger" in texts and "登记员" not in texts


def test_the_detail_pane_and_the_editor_say_the_same_and_saving_keeps_it(qtbot, context, imported) -> None:
    pane = HazardDetailPane(context)
    qtbot.addWidget(pane)
    named, nobody = imported["防火堤裂缝"], imported["现场无警示标识"]
    pane.show_hazard(named.id)
    assert pane.fields["found_by"].text() == "老张（外包）" and pane.fields["found_at"].text() == "2026-01-05"
    pane.show_hazard(nobody.id)
    assert pane.fields["found_by"].text() == "Not recorded in the old ledger"

    dialog = HazardEditorDialog(context, hazard_service.get_hazard(context.uow(), named.id))
    qtbot.addWidget(dialog)
    assert dialog.found_by.currentText() == "老张（外包） (old ledger)"
    assert dialog.found_at.text() == "2026-01-05"  # a day, no invented time
    dialog.description.setPlainText("防火堤裂缝（已复核）")
    dialog.save_button.click()
    saved = hazard_service.get_hazard(context.uow(), named.id)
    assert saved.description == "防火堤裂缝（已复核）"
    assert saved.found_by_text == "老张（外包）" and saved.found_date_only and saved.found_at == named.found_at


def test_naming_the_person_who_imported_replaces_the_ledger_s_text(qtbot, context, imported) -> None:
    """The old ledger's 发现人 gives way when the editor names a person — also the one stored with the hazard
    (who imported it): chosen in the list or typed, the finder is then that person, not the ledger's text."""
    named = imported["防火堤裂缝"]
    dialog = HazardEditorDialog(context, hazard_service.get_hazard(context.uow(), named.id))
    qtbot.addWidget(dialog)
    dialog.found_by.setCurrentIndex(-1)
    dialog.found_by.setEditText("登记员 ")  # typed: the importer's own name
    dialog.save_button.click()
    assert dialog.error_message() == ""
    saved = hazard_service.get_hazard(context.uow(), named.id)
    assert saved.found_by_id == named.found_by_id and saved.found_by_text is None
    assert not saved.finder_from_ledger and saved.revision == named.revision + 1

"""A day's findings from a laptop to the office on a USB stick, through the real screens and storage.

The office sets its identity and registers the laptop in Settings → Exchange and exports to it; the laptop's
first start joins the plant from the stick; the laptop records a hazard and exports (one click: the office
and the stick are preselected); the office imports (the stick's newest file is previewed at once, one click).
The same file again brings nothing new.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hazard_desktop import app as app_module
from hazard_desktop.domain.exchange import Role
from hazard_desktop.services import exchange
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.services.removable_drives import RemovableDrive
from hazard_desktop.ui.dialogs.settings_pages.exchange import ExchangePage
from hazard_desktop.ui.exchange.export_dialog import ExportDialog
from hazard_desktop.ui.exchange.first_start import FirstStart, FirstStartDialog
from hazard_desktop.ui.exchange.import_dialog import ImportDialog
from tests.factories import add_person, hazard_input, make_context

pytestmark = pytest.mark.storage


class Stick:
    def __init__(self, path: Path) -> None:
        path.mkdir()
        self.path = path

    def drives(self) -> list[RemovableDrive]:
        return [RemovableDrive(self.path, "KINGSTON")]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[AppContext]:
    context = make_context(tmp_path / "office")
    yield context
    app_module.close_context(context)


def _export(qtbot, context: AppContext, stick: Stick) -> Path:
    context.removable_drives = stick
    dialog = ExportDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.folder() == stick.path
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result_value is not None, timeout=30_000)
    return dialog.result_value.path


def test_a_laptop_joins_and_its_findings_reach_the_office_on_a_stick(qtbot, office, tmp_path: Path) -> None:
    stick = Stick(tmp_path / "KINGSTON")
    page = ExchangePage(office)
    qtbot.addWidget(page)
    page.code_edit.setText("of")
    page.office_radio.setChecked(True)
    page.plant_edit.setText("东方化工")
    page.save_button.click()
    assert page.message.kind == "info", page.message.text()
    page.terminal_edit.setText("A3")
    page.register_button.click()
    assert page.message.kind == "info", page.message.text()
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "A3"
    assert page.table.item(0, 2).text().endswith("-10001")
    assert not page.field_radio.isEnabled()  # an office with laptops stays the office

    inspector = add_person(office, "李巡检")  # people come from the office (they travel down only)
    join_file = _export(qtbot, office, stick)
    assert join_file.name.startswith("OF-to-A3-")

    laptop_dir = tmp_path / "laptop"
    first = FirstStartDialog(laptop_dir, stick, lambda f, p: app_module.join_plant(laptop_dir, f, p))
    qtbot.addWidget(first)
    first.join_button.click()
    assert first.path == join_file  # the stick's file, chosen without asking
    first.start_join.click()
    qtbot.waitUntil(lambda: first.job is None, timeout=30_000)
    assert first.choice is FirstStart.JOINED, first.status.text()
    assert "东方化工" in first.status.text()
    assert not join_file.exists() and "used up" in first.status.text()  # a join file joins once

    laptop = app_module.build_context(laptop_dir)
    try:
        identity = exchange.get_identity(laptop.exchange_store())
        assert identity is not None and (identity.short_code, identity.role) == ("A3", Role.FIELD)
        laptop_page = ExchangePage(laptop)
        qtbot.addWidget(laptop_page)
        assert laptop_page.code_edit.text() == "A3" and laptop_page.code_edit.isReadOnly()
        assert laptop_page.field_radio.isChecked() and not laptop_page.office_radio.isEnabled()
        assert laptop_page.numbers_label.text().endswith("unique in the plant.")
        from hazard_desktop.services.reference_queries import plant_name

        assert plant_name(laptop.uow()) == "东方化工"  # one plant name: the title and the sheets say the office's
        found = create_hazard(laptop.uow(), hazard_input(laptop, inspector))
        assert found.number.endswith("-10001")
        day_file = _export(qtbot, laptop, stick)
        assert day_file.name.startswith("A3-to-OF-")
    finally:
        app_module.close_context(laptop)

    before = office.register.count(RegisterFilter())
    office.removable_drives = stick
    dialog = ImportDialog(office)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    assert dialog.path == day_file  # the newest file on the stick
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert rows.get("Hazards") == "1"
    assert office.register.count(RegisterFilter()) == before  # the preview wrote nothing
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None or dialog.job is None, timeout=30_000)
    assert dialog.result_value is not None, dialog.status.text()
    assert office.register.count(RegisterFilter()) == before + 1
    assert office.register.count(RegisterFilter(text=found.number)) == 1

    again = ImportDialog(office)
    qtbot.addWidget(again)
    again.choose(day_file)
    qtbot.waitUntil(lambda: again.preview is not None, timeout=30_000)
    assert "imported already" in again.note.text() and not again.import_button.isEnabled()


def test_a_conflict_is_marked_in_the_register_and_resolved_in_the_window(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings, Qt

    from hazard_desktop.domain.exchange import Side
    from hazard_desktop.services.hazards import update_hazard
    from hazard_desktop.ui.exchange.actions import install_exchange_actions
    from hazard_desktop.ui.exchange.conflicts import ConflictsDialog
    from hazard_desktop.ui.main_window import MainWindow
    from tests.integration.exchange_helpers import laptop, office

    hq = office(tmp_path)
    a3 = laptop(tmp_path, hq, "A3")
    try:
        finder = add_person(hq.context, "李巡检")
        a3.take(hq.send("A3"))  # the person reaches the laptop
        h = create_hazard(a3.context.uow(), hazard_input(a3.context, finder, description="现场记录的描述"))
        hq.take(a3.send())
        update_hazard(hq.context.uow(), h.id, h.revision,
                      hazard_input(hq.context, finder, description="办公室改的描述"))  # fmt: skip
        update_hazard(a3.context.uow(), h.id, h.revision,
                      hazard_input(a3.context, finder, description="现场改的描述"))  # fmt: skip
        assert hq.take(a3.send()).conflicts_opened == 1

        window = MainWindow(hq.context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        actions = install_exchange_actions(window, hq.context)
        window.filter_bar.status.setCurrentIndex(window.filter_bar.status.findData("conflicted"))
        window.filter_bar.apply_now()
        assert window.model.rowCount() == 1
        assert window.model.data(window.model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
        assert window.select_hazard(h.id)
        assert actions.section.isVisibleTo(window)  # the detail pane says so, with a button

        actions.section.button.click()
        dialog = actions.dialog
        assert isinstance(dialog, ConflictsDialog) and dialog.current().hazard_id == h.id
        rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
        row = rows["Description"]
        assert dialog.table.item(row, 1).text() == "办公室改的描述"
        assert dialog.table.item(row, 2).text() == "现场改的描述"
        dialog.click_cell("description", Side.INCOMING)
        with qtbot.waitSignal(dialog.resolved):
            dialog.resolve_button.click()
        assert dialog.list.count() == 0
        assert window.model.rowCount() == 0  # the register re-read: the mark is gone, the filter finds nothing
        assert not actions.section.isVisibleTo(window)
        with hq.context.uow() as uow:
            assert uow.hazards.get(h.id).description == "现场改的描述"
    finally:
        a3.close()
        hq.close()

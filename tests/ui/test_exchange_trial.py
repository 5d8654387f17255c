"""What the new-user trial of the exchange found (issue 15), pressed through the real buttons: a drive gone
during the export is one friendly sentence (no crash box, nothing left), the join says its file is used up."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from hazard_desktop.services.exchange import ImportPreview, ImportResult
from hazard_desktop.ui.exchange.export_dialog import ExportDialog
from tests.ui.test_exchange_ui import NOW, Drives, ctx, fake  # noqa: F401 (fixtures)


def _gone_under(monkeypatch: pytest.MonkeyPatch, stick: Path) -> None:
    """Every stat under ``stick`` fails as a FUSE drive whose process was killed (ENOTCONN)."""
    real = Path.stat

    def stat(self: Path, *args: object, **kwargs: object):
        if self == stick or stick in self.parents:
            raise OSError(errno.ENOTCONN, "Transport endpoint is not connected", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)


def test_a_drive_gone_during_the_export_is_the_write_failed_sentence(qtbot, ctx, fake, tmp_path, monkeypatch):  # noqa: F811
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    ctx.removable_drives = Drives(stick)
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.folder() == stick
    _gone_under(monkeypatch, stick)
    dialog._drives = []  # the next timer tick lists the drive again and looks at the last folder
    dialog.refresh_drives()  # a stat on the dead mount raised here on the window's thread
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    text = dialog.status.text()
    assert "could not be written" in text and "no longer connected" in text, text
    assert "Errno" not in text and "Transport" not in text
    assert fake.exports == [] and dialog.export_button.isEnabled()


def test_the_first_start_says_the_join_file_was_used_up(qtbot, tmp_path) -> None:
    from hazard_desktop.domain.exchange import Role
    from hazard_desktop.ui.exchange.first_start import FirstStartDialog

    preview = ImportPreview("OF", Role.OFFICE, "江海化工有限公司", NOW, "0012", (), 0, True)

    def join(_file: Path, _progress) -> object:
        return ImportResult(preview, 0, join_file_removed=True)

    dialog = FirstStartDialog(tmp_path / "data", Drives(), join)
    qtbot.addWidget(dialog)
    dialog.join_button.click()
    dialog.choose(tmp_path / "OF-to-A3.hzx")
    dialog.start_join.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
    assert "江海化工有限公司" in dialog.status.text()
    assert "used up and removed" in dialog.status.text()
    assert dialog.files.count() == 0  # the removed file is no longer offered


@pytest.fixture
def register(tmp_path: Path):
    from hazard_desktop.app import close_context
    from tests.factories import make_context

    context = make_context(tmp_path / "office")
    yield context
    close_context(context)


def _settings(qtbot, register):
    from hazard_desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(register)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_new_register_is_the_office_and_the_exchange_shows_the_printed_plant_name(qtbot, register) -> None:
    from hazard_desktop.domain.exchange import Role
    from hazard_desktop.services import exchange
    from hazard_desktop.services import reference_admin as ra

    dialog = _settings(qtbot, register)
    page = dialog.exchange_page
    dialog.tabs.setCurrentWidget(page)
    assert page.office_radio.isChecked() and page.role() is Role.OFFICE  # 新建台账 = 办公室主库 or on its own
    assert page.plant_edit.text() == ra.get_settings(register.uow()).plant_name
    page.code_edit.setText("OF")
    page.plant_edit.setText("江海化工有限公司")
    page.save_button.click()
    assert page.message.kind == "info", page.message.text()
    assert ra.get_settings(register.uow()).plant_name == "江海化工有限公司"  # one plant name
    dialog.tabs.setCurrentWidget(dialog.plant_page)
    assert dialog.plant_page.name_edit.text() == "江海化工有限公司"
    dialog.plant_page.name_edit.setText("江海化工股份有限公司")
    dialog.plant_page.save_button.click()
    store = register.exchange_store()
    assert exchange.get_identity(store).plant_name == "江海化工股份有限公司"  # the files carry the new name


def test_unsaved_settings_are_not_dropped_on_tab_switch_or_close(qtbot, register, monkeypatch) -> None:
    from hazard_desktop.services import reference_admin as ra
    from hazard_desktop.ui import messages

    asked: list[str] = []
    answers = ["stay", "save", "discard"]

    def choose(_parent, _title, text, choices, *, default, escape) -> str:
        asked.append(text)
        assert [key for key, _label in choices] == ["save", "discard", "stay"]
        return answers.pop(0)

    monkeypatch.setattr(messages, "choose", choose)
    dialog = _settings(qtbot, register)
    plant = dialog.plant_page
    dialog.tabs.setCurrentWidget(plant)
    plant.name_edit.setText("新名字化工")
    dialog.show_page(dialog.exchange_page)  # asked: keep editing
    assert dialog.current_page() is plant and len(asked) == 1
    dialog.show_page(dialog.exchange_page)  # asked: save
    assert dialog.current_page() is dialog.exchange_page
    assert ra.get_settings(register.uow()).plant_name == "新名字化工"
    dialog.tabs.setCurrentWidget(plant)
    plant.decimals_spin.setValue(plant.decimals_spin.value() + 1)
    dialog.reject()  # Esc / the title bar: asked, discard
    assert len(asked) == 3 and not dialog.isVisible()
    assert ra.get_settings(register.uow()).decimals == 2
    dialog = _settings(qtbot, register)
    dialog.tabs.setCurrentWidget(dialog.plant_page)
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Close).click()  # nothing changed: no question
    assert len(asked) == 3 and not dialog.isVisible()


def test_leaving_an_unsaved_page_from_the_page_list_asks_and_keep_editing_stays(qtbot, register, monkeypatch) -> None:
    """The settings pages are chosen in a list on the left: clicking another page asks about unsaved edits like
    switching tabs did; "keep editing" leaves the page and its entry in the list as they were."""
    from PySide6.QtCore import Qt

    from hazard_desktop.ui import messages

    answers = ["stay", "discard"]
    monkeypatch.setattr(messages, "choose", lambda *_a, **_k: answers.pop(0))
    dialog = _settings(qtbot, register)
    listed = dialog.page_list
    plant_row = dialog.pages.index(dialog.plant_page)
    exchange_row = dialog.pages.index(dialog.exchange_page)

    def click(row: int) -> None:
        rect = listed.visualItemRect(listed.item(row))
        qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    click(plant_row)
    assert dialog.current_page() is dialog.plant_page
    dialog.plant_page.name_edit.setText("新名字化工")
    click(exchange_row)  # asked: keep editing
    assert dialog.current_page() is dialog.plant_page and listed.currentRow() == plant_row and answers == ["discard"]
    click(exchange_row)  # asked: discard
    assert dialog.current_page() is dialog.exchange_page and listed.currentRow() == exchange_row and not answers
    assert dialog.plant_page.name_edit.text() != "新名字化工"


def test_a_hanging_drive_blocks_a_worker_not_the_window(qtbot, ctx, fake, tmp_path) -> None:  # noqa: F811
    """The two-second look at the drives runs on a worker; while it hangs, the window answers and no second
    look piles up; when the drive answers, what it found is shown."""
    import threading

    from hazard_desktop.services.removable_drives import RemovableDrive
    from hazard_desktop.ui.exchange.import_dialog import ImportDialog

    gate = threading.Event()
    hanging = threading.Event()

    class HangingDrives(Drives):
        def drives(self) -> list[RemovableDrive]:
            if hanging.is_set():
                gate.wait(10)
            return list(self.list)

    ctx.removable_drives = HangingDrives()
    export = ExportDialog(ctx)
    importer = ImportDialog(ctx)
    for dialog in (export, importer):
        qtbot.addWidget(dialog)
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    (stick / "OF-to-A3-20261207-1530.hzx").write_bytes(b"PK")
    ctx.removable_drives.list.append(RemovableDrive(stick, "KINGSTON"))
    hanging.set()
    for dialog in (export, importer):
        dialog._timer.timeout.emit()  # the timer's tick: returns at once
        first = dialog._poll.job
        dialog._timer.timeout.emit()
        assert first is not None and dialog._poll.job is first  # one look at a time
    assert export.folder() != stick and importer.files.count() == 0  # nothing yet: the drive hangs
    gate.set()
    qtbot.waitUntil(lambda: export._poll.job is None and importer._poll.job is None, timeout=10_000)
    assert export.folder() == stick
    assert importer.files.count() == 1


def test_the_conflict_window_offers_what_people_wrote_not_bookkeeping(qtbot, tmp_path) -> None:
    """Trial shot 99: `updated_at` with microseconds was a field the user could pick. A real conflict between
    the office and a laptop, shown and resolved through the window."""
    import sqlite3

    from hazard_desktop import paths
    from hazard_desktop.app import build_context, join_plant
    from hazard_desktop.domain.exchange import Side
    from hazard_desktop.services import exchange as ex
    from hazard_desktop.services.hazards import create_hazard, update_hazard
    from hazard_desktop.ui.exchange.conflicts import ConflictsDialog
    from tests.factories import hazard_input
    from tests.integration.exchange_helpers import Site, office

    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    join_plant(tmp_path / "A3", hq.send("A3"))
    a3 = Site(tmp_path / "A3", build_context(tmp_path / "A3"), "A3")
    try:
        with a3.context.uow() as uow:
            person = uow.reference.people()[0]
        h = create_hazard(a3.context.uow(), hazard_input(a3.context, person))
        hq.take(a3.send())
        keep = {"department_id": h.department_id, "found_at": h.found_at}
        update_hazard(hq.context.uow(), h.id, h.revision,
                      hazard_input(hq.context, person, description="办公室改的描述", **keep))  # fmt: skip
        on_laptop = hazard_input(a3.context, person, description=h.description, location="现场改的位置", **keep)
        update_hazard(a3.context.uow(), h.id, h.revision, on_laptop)
        assert hq.take(a3.send()).conflicts_opened == 1
        dialog = ConflictsDialog(hq.context)
        qtbot.addWidget(dialog)
        assert dialog.list.count() == 1
        rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert rows == ["Description", "Location"], rows  # no "updated_at", "revision", "created_at"
        dialog.click_cell("location", Side.INCOMING)
        with qtbot.waitSignal(dialog.resolved):
            dialog.resolve_button.click()
        with sqlite3.connect(paths.database_path(hq.folder)) as con:
            merged = con.execute("SELECT location, updated_at FROM hazards WHERE id = ?", (str(h.id),)).fetchone()
        with sqlite3.connect(paths.database_path(a3.folder)) as con:
            (theirs,) = con.execute("SELECT updated_at FROM hazards WHERE id = ?", (str(h.id),)).fetchone()
        assert merged[0] == "现场改的位置" and merged[1] >= theirs  # the later change, chosen by no one
    finally:
        hq.close()
        a3.close()

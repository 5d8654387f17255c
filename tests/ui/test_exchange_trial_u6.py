"""What new-user trial u6 found in the exchange dialogs, pressed through the real buttons: the export writes the
name its File line shows, the import says what it wrote and what its photo count counts, the first look at the
drives says when there is nothing, the empty conflict window has real headers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from hazard_desktop.domain.exchange import Role
from hazard_desktop.services.exchange import ImportPreview, KindCounts
from hazard_desktop.ui.exchange import export_dialog
from hazard_desktop.ui.exchange.conflicts import ConflictsDialog
from hazard_desktop.ui.exchange.export_dialog import ExportDialog
from hazard_desktop.ui.exchange.import_dialog import ImportDialog, photos_text
from tests.ui.test_exchange_ui import NOW, Drives, ctx, fake  # noqa: F401 (fixtures)


class Clock:
    """``datetime`` for the export dialog whose ``now()`` the test moves on."""

    moment = datetime(2026, 12, 7, 15, 0, 58)

    @classmethod
    def now(cls, tz: object = None) -> datetime:
        return cls.moment


def test_the_export_writes_the_name_its_file_line_showed(qtbot, ctx, fake, tmp_path, monkeypatch) -> None:  # noqa: F811
    """Trial u6: the File line showed …-1500.hzx, the file written was …-1501.hzx (the name was made again at
    Export, a minute later)."""
    monkeypatch.setattr(export_dialog, "datetime", Clock)
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    ctx.removable_drives = Drives(stick)
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    shown = dialog.file_label.text()
    assert shown.endswith("A3-to-OF-20261207-1500.hzx")
    monkeypatch.setattr(Clock, "moment", datetime(2026, 12, 7, 15, 1, 3))  # the user reads, then presses Export
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    [(written, _to, _everything)] = fake.exports
    assert str(written) == shown and dialog.file_label.text() == shown


def test_an_export_the_same_minute_shows_the_name_it_got(qtbot, ctx, fake, tmp_path, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setattr(export_dialog, "datetime", Clock)
    (tmp_path / "A3-to-OF-20261207-1500.hzx").write_bytes(b"PK")  # an earlier export of that minute
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_folder(tmp_path)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert dialog.file_label.text() == str(tmp_path / "A3-to-OF-20261207-1500-2.hzx")


def _stick_with_file(tmp_path: Path) -> Path:
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    (stick / "OF-to-A3-20261207-1530.hzx").write_bytes(b"PK")
    return stick


def test_after_the_import_the_dialog_says_what_it_wrote_not_the_promise(qtbot, ctx, tmp_path, monkeypatch) -> None:  # noqa: F811
    from hazard_desktop.services import exchange
    from hazard_desktop.services.exchange import ImportResult

    kinds = (KindCounts("hazard", new=4, changed=1), KindCounts("hazard_photo", new=20, unchanged=2))
    preview = ImportPreview("A1", Role.FIELD, "东方化工", NOW, "0012", kinds, 20, False, photos_in_file=22)
    monkeypatch.setattr(exchange, "exchange_preview", lambda store, files, path, *, progress=None: preview)
    monkeypatch.setattr(
        exchange, "import_exchange", lambda store, files, path, *, progress=None: ImportResult(preview, 0)
    )
    ctx.removable_drives = Drives(_stick_with_file(tmp_path))
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.note.text() == "Nothing is written until you press Import."
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10_000)
    assert dialog.note.text() == "Imported: 24 new and 1 changed records, 20 new photos."
    assert dialog.close_button.isVisibleTo(dialog) and not dialog.import_button.isVisibleTo(dialog)


def test_the_preview_says_which_photos_it_counts(qtbot, ctx, fake, tmp_path, monkeypatch) -> None:  # noqa: F811
    """Trial u6: "20 photos" although the laptop said it sent 22 (two were here already)."""
    from hazard_desktop.services import exchange

    def preview(store, files, path, *, progress=None) -> ImportPreview:
        kinds = (KindCounts("hazard", new=3), KindCounts("hazard_photo", new=20, unchanged=2))
        return ImportPreview("A1", Role.FIELD, "东方化工", NOW, "0012", kinds, 20, False, photos_in_file=22)

    monkeypatch.setattr(exchange, "exchange_preview", preview)
    ctx.removable_drives = Drives(_stick_with_file(tmp_path))
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert "Photos in the file: 22 (20 new, 2 already here)." in dialog.sender_label.text()
    nothing = ImportPreview("A1", Role.FIELD, "东方化工", NOW, "0012", (), 0, False)
    assert photos_text(nothing) == "No photos in the file."


@pytest.mark.parametrize("with_drive", [False, True])
def test_the_first_look_says_there_is_no_file(qtbot, ctx, fake, tmp_path, with_drive) -> None:  # noqa: F811
    """Trial u6: the first opening showed an empty box and no word when no file was found."""
    if with_drive:
        stick = tmp_path / "KINGSTON"
        stick.mkdir()
        ctx.removable_drives = Drives(stick)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    text = dialog.files_label.text()
    assert text.startswith("No exchange file on"), text
    assert not dialog.files.isVisibleTo(dialog)  # no empty box


def test_the_empty_conflict_window_has_real_headers(qtbot, ctx, fake) -> None:  # noqa: F811
    fake.conflict_list = []
    dialog = ConflictsDialog(ctx)
    qtbot.addWidget(dialog)
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Field", "This computer", "From the file"]
    assert "No open conflicts" in dialog.heading.text()


def test_resolving_the_last_conflict_leaves_real_headers(qtbot, ctx, fake) -> None:  # noqa: F811
    dialog = ConflictsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.horizontalHeaderItem(2).text() == "From A3"
    dialog.resolve_button.click()
    assert dialog.list.count() == 0
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(3)] == [
        "Field",
        "This computer",
        "From the file",
    ]

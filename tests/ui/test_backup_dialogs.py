"""File → Back up… and File → Restore…, pressed through their buttons on a real register."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hazard_desktop.app import close_context
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import backups as backup_ui
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs.settings_pages.backups import BackupsPage
from tests.factories import make_context, seeded_folder

pytestmark = pytest.mark.storage


@pytest.fixture(params=["full", "lazy"])
def ctx(request, tmp_path: Path) -> Iterator[AppContext]:
    """The storage opened (after a write), or the window's lazy start (plain connections only)."""
    if request.param == "lazy":
        from hazard_desktop.app import build_context

        context = build_context(seeded_folder(tmp_path / "data"), lazy=True)
        assert context.storage is not None and not context.storage.is_open
    else:
        context = make_context(tmp_path / "data")
    yield context
    close_context(context)


def test_the_backup_dialog_writes_a_checked_file_into_the_chosen_folder(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = backup_ui.BackupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "usb"))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.job is None and dialog.result_summary is not None, timeout=20_000)
    written = list((tmp_path / "usb").iterdir())
    assert [p.suffix for p in written] == [".zip"]  # one file, no temporary left
    assert dialog.result_summary is not None and dialog.result_summary.path == written[0]
    assert str(written[0]) in dialog.status.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.close_button.isVisible() or not dialog.isVisible()


def test_cancel_leaves_no_file(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = backup_ui.BackupDialog(ctx)
    qtbot.addWidget(dialog)
    folder = tmp_path / "usb"
    dialog.folder_edit.setText(str(folder))
    dialog.start_button.click()
    assert dialog.job is not None
    dialog.cancel_button.click()  # the job stops at its next check (or has finished already)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    if dialog.result_summary is None:
        assert list(folder.iterdir()) == []
        assert dialog.start_button.isEnabled()


def test_the_restore_dialog_shows_the_backup_beside_the_register_and_restores(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    assert ctx.backups is not None
    summary = ctx.backups.create(tmp_path / "out")
    db = ctx.data_dir / "hazard_desktop.db"
    con = sqlite3.connect(db)
    con.execute(
        "INSERT INTO settings (id, created_at, updated_at, key, value) VALUES "
        "('marker-after-the-backup', '2026-01-01', '2026-01-01', 'test.marker', 'after')"
    )
    con.commit()
    con.close()
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = backup_ui.RestoreDialog(ctx, parent)
    qtbot.addWidget(dialog)
    assert summary.path is not None
    assert dialog.choose(summary.path)
    cells = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert summary.revision in cells.values()
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    quits: list[bool] = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda *a: quits.append(True))
    dialog.restore_button.click()
    assert asked and not parent.isEnabled()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert dialog.result is not None, dialog.status.text()
    assert dialog.result.safety_copy is not None and dialog.result.safety_copy.exists()
    con = sqlite3.connect(db)
    marker = con.execute("SELECT value FROM settings WHERE key = 'test.marker'").fetchone()
    con.close()
    assert marker is None  # the register is the backup's again
    assert ctx.backups.released  # the window's connections were closed: the program restarts
    dialog.close_button.click()
    assert quits


def test_a_foreign_file_is_refused_in_words_and_restore_stays_off(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    foreign = tmp_path / "notes.zip"
    foreign.write_bytes(b"just some text")
    dialog = backup_ui.RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.choose(foreign)
    assert not dialog.restore_button.isEnabled()
    assert dialog.status.text() and "backup_foreign" not in dialog.status.text()


def test_declining_the_question_changes_nothing(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:
    assert ctx.backups is not None
    summary = ctx.backups.create(tmp_path / "out")
    dialog = backup_ui.RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    assert summary.path is not None and dialog.choose(summary.path)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: False)
    dialog.restore_button.click()
    assert dialog.job is None and dialog.result is None
    assert not (ctx.data_dir / "backups").exists() or not list((ctx.data_dir / "backups").glob("*before-restore*"))


def test_the_settings_page_lists_automatic_backups_and_stores_the_second_folder(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:
    from hazard_desktop.adapters.backup_archive import automatic_backup

    automatic_backup(ctx.data_dir / "hazard_desktop.db", ctx.data_dir / "backups", reason="start")
    page = BackupsPage(ctx)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    page.folder_edit.setText("relative/folder")
    page.save_button.click()
    assert page.message.kind == "error"
    page.folder_edit.setText(str(tmp_path / "second"))
    page.save_button.click()
    assert page.message.kind == "info"
    page.reload()
    assert page.folder_edit.text() == str(tmp_path / "second")


def test_the_file_menu_opens_both_dialogs(qtbot, ctx: AppContext) -> None:
    from hazard_desktop.ui.features import install_features
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    install_features(window, ctx)
    actions = window.feature_actions["backups"]  # type: ignore[attr-defined]
    assert actions["backup"] in window.menu_for("file").actions()
    actions["backup"].trigger()
    assert isinstance(window.backup_dialog, backup_ui.BackupDialog)  # type: ignore[attr-defined]
    window.backup_dialog.reject()  # type: ignore[attr-defined]
    actions["restore"].trigger()
    assert isinstance(window.restore_dialog, backup_ui.RestoreDialog)  # type: ignore[attr-defined]
    window.restore_dialog.reject()  # type: ignore[attr-defined]


def test_a_newer_backup_is_refused_in_words_and_the_window_comes_back(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    import json
    import zipfile

    assert ctx.backups is not None
    made = ctx.backups.create(tmp_path / "out").path
    assert made is not None
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(made) as zin, zipfile.ZipFile(newer, "w") as zout:
        for name in zin.namelist():
            content = zin.read(name)
            if name == "manifest.json":
                manifest = json.loads(content)
                manifest["revision"] = "9999"
                content = json.dumps(manifest).encode()
            zout.writestr(name, content)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = backup_ui.RestoreDialog(ctx, parent)
    qtbot.addWidget(dialog)
    assert dialog.choose(newer)
    assert "9999" in [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert dialog.result is None and "9999" in dialog.status.text()
    assert parent.isEnabled() and not ctx.backups.released  # nothing was closed: the window goes on
    assert not list(ctx.data_dir.glob("backups/*before-restore*"))


def test_the_window_start_makes_the_days_automatic_backup(tmp_path: Path) -> None:
    from hazard_desktop.app import _automatic_backup

    folder = seeded_folder(tmp_path / "data")
    _automatic_backup(folder, "start").join()
    made = sorted((folder / "backups").glob("auto-*.zip"))
    assert len(made) == 1
    _automatic_backup(folder, "start").join()  # the same day: no second one
    assert sorted((folder / "backups").glob("auto-*.zip")) == made


def test_a_start_or_exit_with_no_backup_due_does_not_load_the_backup_writer(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    import sys

    from hazard_desktop.app import _automatic_backup

    folder = seeded_folder(tmp_path / "data")
    _automatic_backup(folder, "start").join()
    made = sorted((folder / "backups").glob("auto-*.zip"))
    monkeypatch.setitem(sys.modules, "hazard_desktop.adapters.backup_archive", None)  # importing it now fails
    _automatic_backup(folder, "start").join()  # the day's backup exists
    _automatic_backup(folder, "exit").join()  # nothing changed since
    assert "automatic backup" not in caplog.text  # no import was tried (it would have been logged as failed)
    assert sorted((folder / "backups").glob("auto-*.zip")) == made


def test_restore_starts_in_the_automatic_backups_until_a_backup_is_chosen_elsewhere(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    """File → Restore…: "Choose backup…" opens where the automatic backups are (not Documents); a backup chosen
    elsewhere makes that folder the start, one chosen among the automatic ones again makes those the start.
    The backup dialog (a folder to write into) still starts in Documents, never in the data folder."""
    from hazard_desktop.ui import file_dialogs
    from hazard_desktop.ui.file_dialogs import FileKind
    from tests.ui.file_dialog_answers import FileDialogAnswers

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert ctx.backups is not None
    automatic = ctx.backups.automatic_folder()
    assert automatic == ctx.data_dir / "backups"
    automatic.mkdir(exist_ok=True)
    in_automatic = ctx.backups.create(automatic).path
    on_stick = ctx.backups.create(tmp_path / "stick").path
    assert in_automatic is not None and on_stick is not None

    dialog = backup_ui.RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    answers = FileDialogAnswers(on_stick, None, in_automatic, None)
    dialog.browse_button.click()
    assert answers.seen[0].folder == automatic  # the first time: where the automatic backups are
    assert dialog.file_edit.text() == str(on_stick) and dialog.restore_button.isEnabled()
    dialog.browse_button.click()  # the folder of the backup chosen last (Cancel keeps the one chosen)
    assert answers.seen[1].folder == on_stick.parent
    assert dialog.file_edit.text() == str(on_stick)
    dialog.browse_button.click()
    dialog.browse_button.click()  # back among the automatic backups: they are the start again
    assert answers.seen[2].folder == on_stick.parent and answers.seen[3].folder == automatic
    assert file_dialogs.last_folder(ctx, FileKind.RESTORE) is None

    backup = backup_ui.BackupDialog(ctx)  # a dialog that writes never starts in the data folder
    qtbot.addWidget(backup)
    assert Path(backup.folder_edit.text()) == home / "Documents"


def test_restore_starts_in_documents_while_there_are_no_automatic_backups(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    from tests.ui.file_dialog_answers import FileDialogAnswers

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert ctx.backups is not None and not ctx.backups.automatic_folder().exists()
    dialog = backup_ui.RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    answers = FileDialogAnswers(None)
    dialog.browse_button.click()
    assert answers.seen[0].folder == home / "Documents"
    assert not ctx.backups.automatic_folder().exists()  # opening the dialog made no folder

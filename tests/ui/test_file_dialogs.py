"""Every file dialog opens over the window that asked for it, in the folder last used for its kind of file
(the user's Documents folder before that — never the data folder), and remembers the folder chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import file_dialogs
from hazard_desktop.ui.file_dialogs import FileKind
from tests.ui.file_dialog_answers import FileDialogAnswers


@pytest.fixture
def documents(tmp_path: Path, monkeypatch) -> Path:
    """The user's Documents folder of a home made for the test."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    assert file_dialogs.documents_folder() == home / "Documents"
    return home / "Documents"


def opener(qtbot, slot) -> tuple[QDialog, QPushButton]:
    """A dialog with a button that opens a file dialog (as the program's dialogs do)."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    button = QPushButton("…", dialog)
    QVBoxLayout(dialog).addWidget(button)
    button.clicked.connect(lambda: slot(button))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, button


def test_a_save_dialog_opens_over_its_dialog_in_documents_then_in_the_folder_last_used(
    qtbot, context: AppContext, documents: Path, tmp_path: Path
) -> None:
    chosen: list[tuple[Path | None, str]] = []
    title, excel = "Export ledger", "Excel (*.xlsx)"
    dialog, button = opener(
        qtbot, lambda b: chosen.append(file_dialogs.save_file(b, context, FileKind.EXCEL, title, "台账.xlsx", excel))
    )
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    answers = FileDialogAnswers(elsewhere / "台账 12月.xlsx", None)
    button.click()
    first = answers.seen[0]
    assert first.parent is dialog and first.modal  # over the dialog that asked, never behind it
    assert first.folder == documents and first.folder != context.data_dir
    assert first.offered == "台账.xlsx" and first.title == title
    assert chosen[0][0] == elsewhere / "台账 12月.xlsx"

    button.click()  # the next export starts where the last one went; Cancel gives nothing
    assert answers.seen[1].folder == elsewhere
    assert chosen[1] == (None, "")


def test_each_kind_of_file_remembers_its_own_folder_across_restarts(
    qtbot, context: AppContext, documents: Path, tmp_path: Path
) -> None:
    photos = tmp_path / "camera"
    photos.mkdir()
    shots = [photos / "a.jpg", photos / "b.jpg"]
    for shot in shots:
        shot.write_bytes(b"x")
    picked: list[list[Path]] = []
    _dialog, button = opener(
        qtbot, lambda b: picked.append(file_dialogs.open_files(b, context, FileKind.PHOTOS, "Photos", "Images (*.jpg)"))
    )
    answers = FileDialogAnswers(shots)
    button.click()
    assert answers.seen[0].folder == documents
    assert sorted(picked[0]) == shots
    # Remembered in the state file: a new window after a restart reads it; other kinds still start in Documents.
    assert file_dialogs.start_folder(context, FileKind.PHOTOS) == photos
    assert file_dialogs.start_folder(context, FileKind.PDF) == documents
    assert file_dialogs.start_folder(context, FileKind.BACKUP) == documents
    photos.rename(tmp_path / "gone")  # a folder that no longer exists is not offered
    assert file_dialogs.start_folder(context, FileKind.PHOTOS) == documents


def test_a_folder_dialog_and_an_open_dialog_remember_the_folder(
    qtbot, context: AppContext, documents: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    exchange = stick / "office-to-A3.hzx"
    exchange.write_bytes(b"x")
    results: list[object] = []
    _dialog, folder_button = opener(
        qtbot, lambda b: results.append(file_dialogs.choose_folder(b, context, FileKind.BACKUP, "Folder"))
    )
    answers = FileDialogAnswers(stick)
    folder_button.click()
    assert results == [stick] and file_dialogs.start_folder(context, FileKind.BACKUP) == stick

    _other, open_button = opener(
        qtbot,
        lambda b: results.append(file_dialogs.open_file(b, context, FileKind.EXCHANGE_IMPORT, "File", "(*.hzx)")),
    )
    answers = FileDialogAnswers(exchange)
    open_button.click()
    assert answers.seen[0].folder == documents
    assert results[-1] == exchange and file_dialogs.start_folder(context, FileKind.EXCHANGE_IMPORT) == stick


def test_without_a_context_nothing_is_remembered(qtbot, documents: Path, tmp_path: Path) -> None:
    """The first start's question: the data folder must stay as it was if it is closed."""
    results: list[object] = []
    wanted = tmp_path / "office.hzx"
    wanted.write_bytes(b"x")
    _dialog, button = opener(
        qtbot, lambda b: results.append(file_dialogs.open_file(b, None, FileKind.EXCHANGE_IMPORT, "File", "(*.hzx)"))
    )
    answers = FileDialogAnswers(wanted, None)
    button.click()
    button.click()
    assert results == [wanted, None]
    assert [seen.folder for seen in answers.seen] == [documents, documents]

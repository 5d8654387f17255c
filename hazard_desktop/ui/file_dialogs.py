"""Every file dialog of the program: parented to the window that opened it, starting in the folder last used
for that kind of file.

Each kind (photos, PDF output, Excel export, ledger import, exchange files, backups, audit export, statistics
export, checklists) remembers its own folder in the window state file (``ui-state.ini`` in the data folder,
``field_ui.ui_state``); a kind never used yet starts in the user's Documents folder (the home folder if there is
none) — never the data folder, where a file saved by mistake would be copied with every backup and an exported
file would be hard to find. One exception, a dialog that only reads: File → Restore… (``RESTORE``) starts in the
data folder's ``backups`` folder, where the automatic backups are, until the user chooses a backup elsewhere.

The dialog is made here as an object (not Qt's static functions) with the opener's window as its parent: under
some window managers (openbox) a dialog whose parent is another window, or a native one, opened behind the
dialog that asked for it. On Linux Qt's own dialog is used (translated by ``qtbase_zh_CN``), whose parenting the
window manager honours; on Windows and macOS the system's dialog, which the platform parents itself.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from hazard_desktop.services.context import AppContext


class FileKind(StrEnum):
    """The kinds of file whose folder is remembered apart (the value is the key in ``ui-state.ini``)."""

    PHOTOS = "photos/last_folder"
    PDF = "files/pdf"
    EXCEL = "files/excel"
    LEDGER_IMPORT = "files/ledger_import"
    EXCHANGE_EXPORT = "exchange/lastExportFolder"
    EXCHANGE_IMPORT = "exchange/lastImportFolder"
    BACKUP = "backup/lastFolder"
    RESTORE = "backup/lastRestoreFolder"  # unset: the automatic backups' folder (ui/backups.py RestoreDialog)
    AUDIT = "files/audit"
    STATISTICS = "files/statistics"
    CHECKLISTS = "files/checklists"


def documents_folder() -> Path:
    """The user's Documents folder (the home folder if the system names none that exists)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def last_folder(context: AppContext | None, kind: FileKind) -> Path | None:
    """The folder last used for ``kind``, if remembered and it still exists (None without a context)."""
    from hazard_desktop.ui.field_ui import ui_state

    if context is None:
        return None
    value = ui_state(context).value(kind.value, "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return None


def start_folder(context: AppContext | None, kind: FileKind) -> Path:
    """Where a dialog for ``kind`` opens: the folder last used for it, else the user's Documents folder."""
    return last_folder(context, kind) or documents_folder()


def remember_folder(context: AppContext | None, kind: FileKind, folder: Path | str) -> None:
    """Remember ``folder`` as the last one used for ``kind`` (also after a restart).

    Without a context (the first start's question, before the data folder may hold anything) nothing is kept.
    """
    from hazard_desktop.ui.field_ui import ui_state

    if context is None:
        return
    settings = ui_state(context)
    settings.setValue(kind.value, str(folder))
    settings.sync()


def forget_folder(context: AppContext | None, kind: FileKind) -> None:
    """Forget the folder remembered for ``kind``: its dialog opens where it does for a kind never used."""
    from hazard_desktop.ui.field_ui import ui_state

    if context is None:
        return
    settings = ui_state(context)
    settings.remove(kind.value)
    settings.sync()


def _dialog(parent: QWidget, title: str, folder: Path, filters: str = "") -> QFileDialog:
    owner = parent.window() if parent is not None else None
    dialog = QFileDialog(owner, title, str(folder), filters)
    dialog.setObjectName("fileDialog")
    if sys.platform.startswith("linux"):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return dialog


def _run(dialog: QFileDialog) -> bool:
    try:
        return dialog.exec() == QFileDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def open_files(parent: QWidget, context: AppContext | None, kind: FileKind, title: str, filters: str) -> list[Path]:
    """Files to read (several allowed); [] if cancelled. Their folder is remembered for ``kind``."""
    dialog = _dialog(parent, title, start_folder(context, kind), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if not _run(dialog) or not dialog.selectedFiles():
        return []
    paths = [Path(name) for name in dialog.selectedFiles()]
    remember_folder(context, kind, paths[0].parent)
    return paths


def open_file(
    parent: QWidget, context: AppContext | None, kind: FileKind, title: str, filters: str, *, folder: Path | None = None
) -> Path | None:
    """A file to read, or None if cancelled (``folder``: start there rather than in the one remembered)."""
    dialog = _dialog(parent, title, folder if folder and folder.is_dir() else start_folder(context, kind), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if not _run(dialog) or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    remember_folder(context, kind, path.parent)
    return path


def save_file(
    parent: QWidget, context: AppContext | None, kind: FileKind, title: str, name: str, filters: str
) -> tuple[Path | None, str]:
    """A file to write, offered as ``name`` in the folder last used for ``kind``; (None, "") if cancelled.

    Returns the path and the filter chosen (its suffix is not added here: each caller knows its own).
    """
    dialog = _dialog(parent, title, start_folder(context, kind), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(name)
    if not _run(dialog) or not dialog.selectedFiles():
        return None, ""
    path = Path(dialog.selectedFiles()[0])
    remember_folder(context, kind, path.parent)
    return path, dialog.selectedNameFilter()


def choose_folder(
    parent: QWidget, context: AppContext | None, kind: FileKind, title: str, *, folder: Path | None = None
) -> Path | None:
    """A folder (for backups, exchange files), or None if cancelled; remembered for ``kind``."""
    dialog = _dialog(parent, title, folder if folder and folder.is_dir() else start_folder(context, kind))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if not _run(dialog) or not dialog.selectedFiles():
        return None
    chosen = Path(dialog.selectedFiles()[0])
    remember_folder(context, kind, chosen)
    return chosen

"""Picking photos in the field screens (hazard editor, inspection runner): the last folder and drag-and-drop.

The file dialog opens in the folder the last photo came from, remembered across restarts in the
window state file (``ui-state.ini`` in the data folder, beside the main window's state). Image files
dropped from the file manager onto the editor or the runner are added like picked ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import file_dialogs
from hazard_desktop.ui.field_ui import ui_state
from hazard_desktop.ui.file_dialogs import FileKind

FOLDER_KEY = FileKind.PHOTOS.value
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp"})


def _settings(context: AppContext) -> QSettings:
    return ui_state(context)


def last_photo_folder(context: AppContext) -> str:
    """The folder the last photo was picked from, if it still exists; else the user's Documents folder."""
    return str(file_dialogs.start_folder(context, FileKind.PHOTOS))


def remember_photo_folder(context: AppContext, paths: Sequence[str | Path]) -> None:
    """Remember the folder of the first of ``paths`` for the next photo dialog (also after a restart)."""
    if not paths:
        return
    settings = _settings(context)
    settings.setValue(FOLDER_KEY, str(Path(paths[0]).parent))
    settings.sync()


def pick_photo_files(parent: QWidget, context: AppContext, title: str, filters: str) -> list[str]:
    """Ask for image files, starting in the last photo folder; remember the folder of the chosen ones."""
    return [str(path) for path in file_dialogs.open_files(parent, context, FileKind.PHOTOS, title, filters)]


def dropped_images(mime: QMimeData | None) -> list[str]:
    """The local image files a drag carries (by suffix; the services check the content)."""
    if mime is None or not mime.hasUrls():
        return []
    found: list[str] = []
    for url in mime.urls():
        if url.isLocalFile():
            path = url.toLocalFile()
            if Path(path).suffix.lower() in IMAGE_SUFFIXES:
                found.append(path)
    return found


def accept_image_drag(event: QDragEnterEvent | QDragMoveEvent) -> bool:
    """Accept a drag that carries image files (the drop target shows it takes them); True if accepted."""
    if dropped_images(event.mimeData()):
        event.acceptProposedAction()
        return True
    event.ignore()
    return False


def take_image_drop(event: QDropEvent, context: AppContext) -> list[str]:
    """The image files of a drop (accepted, and their folder remembered); [] if it carries none."""
    paths = dropped_images(event.mimeData())
    if not paths:
        event.ignore()
        return []
    event.acceptProposedAction()
    remember_photo_folder(context, paths)
    return paths


__all__ = [
    "accept_image_drag",
    "dropped_images",
    "last_photo_folder",
    "pick_photo_files",
    "remember_photo_folder",
    "take_image_drop",
]

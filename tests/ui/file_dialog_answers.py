"""Answer the program's real file dialogs (``ui/file_dialogs.py``) as a user would.

The dialog is shown modally as in the program; a timer finds it among the application's modal widgets, notes
where it opened (its parent, folder, offered file) and chooses the answer in it — a file, several, a folder —
and presses Open/Save (``accept``), or Cancel (``reject``) for ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget

Answer = Path | list[Path] | None


@dataclass(frozen=True)
class Seen:
    """One file dialog as it opened."""

    parent: QWidget | None
    folder: Path
    offered: str  # the file name it proposed (save dialogs), "" if none
    title: str
    modal: bool


class FileDialogAnswers:
    """Answer the next file dialogs in order with ``answers``; :attr:`seen` says how each opened."""

    def __init__(self, *answers: Answer) -> None:
        self.answers: list[Answer] = list(answers)
        self.seen: list[Seen] = []
        self.refusals: list[str] = []  # messages the file dialog showed instead of taking an answer
        self.attempts = 0
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        _WAITING.append(self)  # kept alive until answered, also when the caller keeps no reference

    def _poll(self) -> None:
        dialog = _shown_file_dialog()
        if isinstance(dialog, QMessageBox) and isinstance(dialog.parentWidget(), QFileDialog):
            # the file dialog refused the answer ("File not found"): say so in the test instead of hanging
            self.refusals.append(dialog.text())
            dialog.reject()
            owner = dialog.parentWidget()
            assert isinstance(owner, QFileDialog)
            owner.reject()
            return
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible() or not self.answers:
            return
        if not self.attempts:  # how it opened, noted before the first try to answer
            offered = dialog.selectedFiles()
            name = Path(offered[0]).name if offered and not Path(offered[0]).is_dir() else ""
            self.seen.append(
                Seen(dialog.parentWidget(), Path(dialog.directory().absolutePath()), name, dialog.windowTitle(),
                     dialog.isModal())
            )  # fmt: skip
        answer = self.answers.pop(0)
        if answer is None:
            if not self.answers:
                self.stop()
            dialog.reject()
            return
        # The answer is typed into the dialog's file-name box as a user would: selectFile() finds nothing until
        # the dialog's folder listing (read in a thread) has arrived, and accept() then silently does nothing.
        paths = answer if isinstance(answer, list) else [answer]
        dialog.setDirectory(str(paths[0].parent))
        typed = dialog.findChild(QLineEdit, "fileNameEdit")
        if typed is None:  # not Qt's own dialog: say so rather than hang
            self.refusals.append("the file dialog has no file-name box")
            self.stop()
            dialog.reject()
            return
        typed.setText(" ".join(f'"{path.name}"' for path in paths) if len(paths) > 1 else str(paths[0]))
        dialog.accept()
        if dialog.isVisible():  # not taken (yet): answer again at the next poll, then give up saying why
            self.attempts += 1
            if self.attempts < 200:
                self.answers.insert(0, answer)
                return
            self.refusals.append(f"the file dialog did not take {answer}")
            dialog.reject()
        self.attempts = 0
        if not self.answers:
            self.stop()

    def stop(self) -> None:
        """Stop watching (answers left unused stay in :attr:`answers`)."""
        self._timer.stop()
        if self in _WAITING:
            _WAITING.remove(self)


_WAITING: list[FileDialogAnswers] = []


def _shown_file_dialog() -> QWidget | None:
    """The file dialog the program shows (or the box it shows over it), wherever it is among the windows.

    ``activeModalWidget`` alone is not enough: offscreen, a modal dialog is not always the active one (e.g. one
    opened from a progress dialog or while another window was being closed) and a test waiting for it hung.
    """
    active = QApplication.activeModalWidget()
    if isinstance(active, QFileDialog | QMessageBox):
        return active
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and isinstance(widget.parentWidget(), QFileDialog) and widget.isVisible():
            return widget
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            return widget
    return None


def stop_all() -> list[FileDialogAnswers]:
    """Stop every answerer still waiting (called after each UI test); returns those that were."""
    left = list(_WAITING)
    for answers in left:
        answers.stop()
    return left

"""Answer the program's real file dialogs (``ui/file_dialogs.py``) as a user would.

The dialog is shown modally as in the program; a timer finds it among the application's modal widgets, notes
where it opened (its parent, folder, offered file) and chooses the answer in it — a file, several, a folder —
and presses Open/Save (``accept``), or Cancel (``reject``) for ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

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
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        _WAITING.append(self)  # kept alive until answered, also when the caller keeps no reference

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
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
        offered = dialog.selectedFiles()
        name = Path(offered[0]).name if offered and not Path(offered[0]).is_dir() else ""
        self.seen.append(
            Seen(dialog.parentWidget(), Path(dialog.directory().absolutePath()), name, dialog.windowTitle(),
                 dialog.isModal())
        )  # fmt: skip
        answer = self.answers.pop(0)
        if not self.answers:
            self.stop()
        if answer is None:
            dialog.reject()
            return
        if isinstance(answer, list):
            dialog.setDirectory(str(answer[0].parent))
            dialog.selectFile(" ".join(f'"{path.name}"' for path in answer))
        else:
            dialog.setDirectory(str(answer.parent))
            dialog.selectFile(str(answer))
        dialog.accept()

    def stop(self) -> None:
        """Stop watching (answers left unused stay in :attr:`answers`)."""
        self._timer.stop()
        if self in _WAITING:
            _WAITING.remove(self)


_WAITING: list[FileDialogAnswers] = []

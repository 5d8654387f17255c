"""The last resort: an error nobody caught is logged with its traceback and explained, not lost.

A windowed program has no console, so an exception that reaches ``sys.excepthook`` (a slot, an event
handler) or ``threading.excepthook`` (a worker thread) would otherwise vanish. Here it is written to the
log file in the data folder and the user gets one translated sentence with the log's path; the program
keeps running (Qt returns to its event loop after a slot raised).
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from hazard_desktop.ui import messages

log = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("Messages", "Unexpected error")
TEXT = QT_TRANSLATE_NOOP(
    "Messages",
    "An unexpected error occurred: {detail}\n\nWhat you saved before is safe. The program keeps running; if something"
    " looks wrong, close it and start it again.\n\nThe details were written to:\n{log}",
)


class CrashReporter(QObject):
    """Installs the hooks; shows each report on the GUI thread (a worker thread may not touch widgets)."""

    reported = Signal(object)

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.boxes: list[QMessageBox] = []
        self._previous: tuple[Any, Any] | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook`` (``uninstall`` puts the old ones back)."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(self, kind: type[BaseException], exc: BaseException, traceback: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, traceback)
            return
        self._report(exc, traceback)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self._report(args.exc_value, args.exc_traceback)

    def _report(self, exc: BaseException, traceback: TracebackType | None) -> None:
        if messages.is_user_error(exc):
            log.warning("refusal reached the last-resort handler: %s", exc)
        else:
            log.critical("unexpected error", exc_info=(type(exc), exc, traceback))
        self.reported.emit(exc)  # queued: shown by the GUI thread's event loop

    def _show(self, exc: BaseException) -> None:
        if QApplication.instance() is None:
            return
        if messages.is_user_error(exc):
            self.boxes.append(messages.show_error(QApplication.activeWindow(), exc))
            return
        detail = f"{type(exc).__name__}: {exc}"
        text = messages._fill(TEXT, {"detail": detail[:300], "log": self.log_path})
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            messages._tr(TITLE),
            text,
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        self.boxes = [*self.boxes[-4:], box]  # kept alive while open; older ones are let go
        box.open()

"""The first start with an empty data folder: start a new register here, or join a plant (加入工厂).

A laptop joins with the exchange file the office wrote for it (the office registered the laptop's short code
and exported to it). The files on a USB drive are listed first; joining runs on a worker thread with a progress
bar and Cancel, through ``join`` — the composition root's ``app.join_plant``, which leaves the folder as it was
when the join is refused, fails or is cancelled. Nothing is made before the user has chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.services.removable_drives import EXCHANGE_SUFFIX, ExchangeFile, RemovableDrives, exchange_files
from hazard_desktop.ui import file_dialogs, workers
from hazard_desktop.ui.exchange import common
from hazard_desktop.ui.file_dialogs import FileKind
from hazard_desktop.ui.widgets import screen_fit

#: ``join(file, progress) -> ImportResult`` (``app.join_plant`` bound to the data folder).
Join = Callable[[Path, Callable[[int, int], bool]], Any]
DRIVE_POLL_MS = 2000


class FirstStart(Enum):
    NEW = "new"  # a new register (the office, or a computer on its own)
    JOINED = "joined"  # this folder joined a plant


class FirstStartDialog(QDialog):
    """Ask how an empty data folder begins; join a plant from the office's file if so chosen."""

    def __init__(
        self, data_dir: Path, drives: RemovableDrives | None, join: Join, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.drives = drives
        self.join = join
        self.choice: FirstStart | None = None
        self.job: workers.Job | None = None
        self.path: Path | None = None
        self.result_value: Any = None
        self._listed: list[Path] = []
        self.setWindowTitle(self.tr("Welcome"))
        screen_fit.fit_on_show(self, (640, 420), remember="first-start")

        intro = QLabel(
            self.tr(
                "The data folder %1 holds no register yet. Is this the plant's office register (or a computer "
                "used on its own), or a field laptop joining its plant?"
            ).replace("%1", str(data_dir)),
            self,
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Start a new register"), self)
        self.new_button.setObjectName("firstStartNew")
        self.join_button = QPushButton(self.tr("Join a plant with the office's file…"), self)
        self.join_button.setObjectName("firstStartJoin")
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.new_button)
        choice_row.addWidget(self.join_button)

        self.join_box = QWidget(self)
        self.files_label = QLabel(self.join_box)
        self.files_label.setWordWrap(True)
        self.browse_button = QPushButton(self.tr("Choose file…"), self.join_box)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_label, 1)
        files_row.addWidget(self.browse_button)
        self.files = QListWidget(self.join_box)
        self.files.setObjectName("firstStartFiles")
        self.files.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        self.progress = QProgressBar(self.join_box)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.join_box)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_layout = QVBoxLayout(self.join_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addLayout(files_row)
        box_layout.addWidget(self.files)
        box_layout.addWidget(self.progress)
        box_layout.addWidget(self.status)
        self.join_box.hide()

        self.buttons = QDialogButtonBox(self)
        self.start_join = self.buttons.addButton(self.tr("Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_join.setObjectName("firstStartJoinNow")
        self.start_join.hide()
        self.continue_button = self.buttons.addButton(
            self.tr("Open the register"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.hide()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choice_row)
        layout.addWidget(self.join_box, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)

        self.new_button.clicked.connect(self._new)
        self.join_button.clicked.connect(self._show_join)
        self.browse_button.clicked.connect(self._browse)
        self.files.currentItemChanged.connect(self._picked)
        self.start_join.clicked.connect(self.start)
        self.continue_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(DRIVE_POLL_MS)
        self._poll = common.DrivePoll(self.refresh_drives)
        self._timer.timeout.connect(self._tick)

    def _new(self) -> None:
        self.choice = FirstStart.NEW
        self.accept()

    def _show_join(self) -> None:
        self.join_box.show()
        self.start_join.show()
        self.start_join.setDefault(True)
        self.refresh_drives()
        self._timer.start()

    def _scan(self) -> list[ExchangeFile]:
        return _scan(self.drives)

    def _tick(self) -> None:
        drives = self.drives
        self._poll.tick(lambda: _scan(drives))

    def refresh_drives(self, scanned: object = None) -> None:
        """List the exchange files on the USB drives, newest first; the newest is chosen."""
        if self.job is not None or self.result_value is not None:
            return
        found = list(scanned) if isinstance(scanned, list) else self._scan()
        paths = [f.path for f in found]
        if paths == self._listed and self.files.count():
            return
        self._listed = paths
        self.files.blockSignals(True)
        self.files.clear()
        for entry in found:
            moment = datetime.fromtimestamp(entry.modified).strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{entry.path}  ({moment})")
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            self.files.addItem(item)
        self.files.blockSignals(False)
        self.files.setVisible(bool(found))
        if found:
            self.files_label.setText(self.tr("Exchange files on the USB drive, newest first:"))
            if self.path is None or self.path not in paths:
                self.files.setCurrentRow(0)
                self.path = paths[0]
        elif self.path is None:
            self.files_label.setText(
                self.tr("No exchange file on a USB drive. Plug in the drive with the office's file, or choose it.")
            )
        self.start_join.setEnabled(self.path is not None)

    def _picked(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.choose(Path(str(current.data(Qt.ItemDataRole.UserRole))))

    def choose(self, path: Path) -> None:
        """Join with ``path`` when Join is pressed."""
        self.path = path
        self.files_label.setText(self.tr("File: %1").replace("%1", str(path)))
        self.start_join.setEnabled(True)

    def _browse(self) -> None:
        # No context: nothing is remembered in a data folder that must stay as it was if the question is closed.
        path = file_dialogs.open_file(
            self, None, FileKind.EXCHANGE_IMPORT, self.tr("The office's exchange file"),
            self.tr("Exchange files (*%1);;All files (*)").replace("%1", EXCHANGE_SUFFIX),
            folder=self.path.parent if self.path else None,
        )  # fmt: skip
        if path is not None:
            self.choose(path)

    def start(self) -> workers.Job | None:
        """Join on a worker thread."""
        path, join = self.path, self.join
        if path is None or self.job is not None:
            return None
        for widget in (self.start_join, self.new_button, self.join_button, self.browse_button, self.files):
            widget.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Joining the plant…"))

        def work(job: workers.Job) -> object:
            return common.cancellable(lambda: join(path, common.job_progress(job)))

        job = workers.Job(work, cancel_exceptions=(common.ExchangeCancelled,), name="join plant")
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = workers.start(job)
        return self.job

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _finished(self, result: object) -> None:
        self.job = None
        self.result_value = result
        self.choice = FirstStart.JOINED
        self._timer.stop()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        preview = result.preview  # type: ignore[attr-defined]
        self.status.setText(
            self.tr(
                "This laptop has joined %1. Its findings are numbered in its own range; export them to the "
                "office with File → Export exchange file."
            ).replace("%1", preview.plant_name or "-")  # fmt: skip
            + "\n"
            + join_file_text(getattr(result, "join_file_removed", None))
        )
        if getattr(result, "join_file_removed", None):
            self.files.clear()  # the file was used up: listing it would offer it again
        self.start_join.hide()
        self.cancel_button.hide()
        self.new_button.hide()
        self.join_button.hide()
        self.continue_button.show()
        self.continue_button.setDefault(True)

    def _failed(self, exc: object) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setStyleSheet("QLabel { color: #B71C1C; }")
        self.status.setText(common.error_text(exc, "exchange_read_failed"))
        self._reenable()

    def _cancelled(self) -> None:
        self.job = None
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled: the data folder was left as it was."))
        self._reenable()

    def _reenable(self) -> None:
        for widget in (self.start_join, self.new_button, self.join_button, self.browse_button, self.files):
            widget.setEnabled(True)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        self._timer.stop()
        super().reject()


def _scan(drives: RemovableDrives | None) -> list[ExchangeFile]:
    """The exchange files on the USB drives (the timer runs it on a worker: a hung drive blocks no window)."""
    mounted = drives.drives() if drives is not None else []
    return exchange_files([d.path for d in mounted])


def join_file_text(removed: bool | None) -> str:
    """What became of the office's join file (a join consumes it: ``app.consume_join_file``)."""
    if removed is None:
        return ""
    if removed:
        return QCoreApplication.translate(
            "FirstStartDialog", "The join file was used up and removed: it cannot make another computer join."
        )
    return QCoreApplication.translate(
        "FirstStartDialog",
        "The join file could not be removed (a write-protected drive?). Delete it yourself: it must not be used "
        "for another computer.",
    )


def ask_first_start(data_dir: Path, drives: RemovableDrives | None, join: Join) -> FirstStart | None:
    """Show the dialog (modal); the choice, or None when the user closed it (nothing was made)."""
    dialog = FirstStartDialog(data_dir, drives, join)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()

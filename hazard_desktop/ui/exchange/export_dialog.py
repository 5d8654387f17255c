"""File → 导出交换包: write what the other installation lacks to one ``.hzx`` file, a USB drive offered first.

Two clicks for the usual case (a laptop's day to the office): the receiver is preselected (a laptop's
only peer is the office), the first removable drive is the folder, the file's name is made up; Export writes
it on a worker thread with a progress bar and Cancel (nothing is left on the drive after a cancel). A drive
put in while the dialog is open is offered as soon as it is mounted.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.services.removable_drives import EXCHANGE_SUFFIX, RemovableDrive, suggested_folder
from hazard_desktop.ui import file_dialogs, workers
from hazard_desktop.ui.exchange import common
from hazard_desktop.ui.file_dialogs import FileKind
from hazard_desktop.ui.widgets import screen_fit

if TYPE_CHECKING:
    from hazard_desktop.services.context import AppContext

FOLDER_KEY = FileKind.EXCHANGE_EXPORT.value
PEER_KEY = "exchange/lastPeer"
DRIVE_POLL_MS = 2000
EVERYONE = ""  # the receiver combo's data for "the office" at a laptop (``to=None``)


def file_name(own: str, peer: str | None, now: datetime) -> str:
    """``A3-to-OF-20261207-1530.hzx`` (ASCII: any stick's file system takes it)."""
    receiver = peer or "ALL"
    return f"{own}-to-{receiver}-{now:%Y%m%d-%H%M}{EXCHANGE_SUFFIX}"


def free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``…-2.hzx``, ``…-3.hzx`` if that file exists (an earlier export the same minute)."""
    path = folder / name
    stem, number = path.stem, 2
    while path.exists():
        path = folder / f"{stem}-{number}{EXCHANGE_SUFFIX}"
        number += 1
    return path


class ExportDialog(QDialog):
    """Choose the receiver and the folder (a removable drive first), write the file with progress and Cancel.

    Signals:
        exported(object): the file was written (the ``ExportResult``).
    """

    exported = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: workers.Job | None = None
        self.result_value: Any = None
        self.identity: Any = None
        self._drives: list[RemovableDrive] = []
        self._chosen_by_user = False
        self.shown_target: Path | None = None  # the name the File line shows: the one Export writes (trial u6)
        self.setWindowTitle(self.tr("Export exchange file"))
        screen_fit.fit_on_show(self, (640, 360), remember="exchange-export")

        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.peer_combo = QComboBox(self)
        self.peer_combo.setObjectName("exchangePeer")
        self.everything = QCheckBox(self.tr("Everything (not only what the receiver lacks)"), self)
        self.everything.setToolTip(
            self.tr("For a laptop set up again, or when the receiver lost its data; the file is larger.")
        )
        self.folder_combo = QComboBox(self)
        self.folder_combo.setObjectName("exchangeFolder")
        self.browse_button = QPushButton(self.tr("Other folder…"), self)
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_combo, 1)
        folder_row.addWidget(self.browse_button)
        self.file_label = QLabel(self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Send to:"), self.peer_combo)
        form.addRow("", self.everything)
        form.addRow(self.tr("Save to:"), folder_row)
        form.addRow(self.tr("File:"), self.file_label)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exchangeExportButton")
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)

        self.peer_combo.currentIndexChanged.connect(self._update_file)
        self.everything.toggled.connect(self._update_file)
        self.folder_combo.currentIndexChanged.connect(self._update_file)
        self.folder_combo.activated.connect(self._folder_picked)
        self._load()
        self.refresh_drives()
        self._timer = QTimer(self)
        self._timer.setInterval(DRIVE_POLL_MS)
        self._poll = common.DrivePoll(self.refresh_drives)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    # ------------------------------------------------------------------ reading

    def _settings(self) -> Any:
        from hazard_desktop.ui.field_ui import ui_state

        return ui_state(self.context)

    def _load(self) -> None:
        from hazard_desktop.services import exchange

        ports = common.ports(self.context)
        known: list[Any] = []
        if ports is not None:
            try:
                self.identity = exchange.get_identity(ports[0])
                known = exchange.peers(ports[0]) if self.identity is not None else []
            except Exception as exc:  # noqa: BLE001 (a refusal is shown as a sentence, never a traceback)
                self.status.setText(common.error_text(exc))
        identity = self.identity
        if identity is None:
            self.who.setText(
                self.tr(
                    "This computer has no exchange identity yet: set its short code and role in "
                    "Tools → Settings → Exchange."
                )  # fmt: skip
            )
            self.export_button.setEnabled(False)
            return
        self.who.setText(
            self.tr("This computer: %1 (%2) of %3")
            .replace("%1", identity.short_code)
            .replace("%2", common.role_name(identity.role))
            .replace("%3", identity.plant_name or "-")
        )
        office = [p for p in known if str(getattr(p.role, "value", p.role)) == "office"]
        if str(getattr(identity.role, "value", identity.role)) == "field" and not office:
            self.peer_combo.addItem(self.tr("The office register"), EVERYONE)
        for peer in sorted(known, key=lambda p: (str(getattr(p.role, "value", p.role)) != "office", p.short_code)):
            last = peer.last_sent_at
            text = self.tr("%1 (%2), last sent %3") if last else self.tr("%1 (%2), nothing sent yet")
            text = text.replace("%1", peer.short_code).replace("%2", common.role_name(peer.role))
            self.peer_combo.addItem(text.replace("%3", common.when_text(last)), peer.short_code)
        if self.peer_combo.count() == 0:
            self.peer_combo.addItem(self.tr("No laptop registered yet: everything"), None)
            self.everything.setChecked(True)
            self.everything.setEnabled(False)
        last_peer = self._settings().value(PEER_KEY, "")
        index = self.peer_combo.findData(last_peer) if last_peer else -1
        if index >= 0:
            self.peer_combo.setCurrentIndex(index)

    def _tick(self) -> None:
        self._update_file()  # the File line follows the clock's minute, so the name shown is the one written
        port = self.context.removable_drives
        self._poll.tick(lambda: port.drives() if port is not None else [])

    def refresh_drives(self, listed: object = None) -> None:
        """List the mounted removable drives again (``listed``: as the timer's worker found them); a drive that
        appeared is chosen unless the user chose."""
        if self.job is not None:
            return
        port = self.context.removable_drives
        drives = list(listed) if isinstance(listed, list) else (port.drives() if port is not None else [])
        if drives == self._drives and self.folder_combo.count():
            return
        self._drives = drives
        current = self.folder()
        last = self._settings().value(FOLDER_KEY, "")
        last_folder = Path(str(last)) if last else None
        exports = file_dialogs.documents_folder()  # no drive and no folder used before: never the data folder
        suggested = suggested_folder(drives, last_folder, exports)
        with_drive = {d.path: d for d in drives}
        entries: list[tuple[str, Path]] = []
        for drive in drives:
            entries.append((self.tr("USB drive %1").replace("%1", drive.title), drive.path))
        for folder in (suggested, last_folder, current, exports):
            if folder is not None and folder not in with_drive and all(folder != p for _t, p in entries):
                entries.append((str(folder), folder))
        self.folder_combo.blockSignals(True)
        self.folder_combo.clear()
        for text, path in entries:
            self.folder_combo.addItem(text, str(path))
        keep = current if (self._chosen_by_user and current is not None) else suggested
        self.folder_combo.setCurrentIndex(max(0, self.folder_combo.findData(str(keep))))
        self.folder_combo.blockSignals(False)
        self._update_file()

    # ------------------------------------------------------------------ choices

    def folder(self) -> Path | None:
        """The folder chosen now."""
        data = self.folder_combo.currentData()
        return Path(data) if data else None

    def set_folder(self, folder: Path) -> None:
        """Choose ``folder`` (the Other folder… button; tests)."""
        self._chosen_by_user = True
        index = self.folder_combo.findData(str(folder))
        if index < 0:
            self.folder_combo.addItem(str(folder), str(folder))
            index = self.folder_combo.count() - 1
        self.folder_combo.setCurrentIndex(index)
        self._update_file()

    def _folder_picked(self, _index: int) -> None:
        self._chosen_by_user = True

    def _browse(self) -> None:
        title = self.tr("Folder for the exchange file")
        folder = file_dialogs.choose_folder(self, self.context, FileKind.EXCHANGE_EXPORT, title)
        if folder is not None:
            self.set_folder(folder)

    def receiver(self) -> str | None:
        """The receiver's short code (None: a laptop's office, or everything with no peer)."""
        data = self.peer_combo.currentData()
        return str(data) if data else None

    def target(self) -> Path | None:
        """Where the file will be written, before the ``-2`` of an existing name: nothing here touches the
        drive (a drive that hangs must not freeze the window; the export's worker picks the free name)."""
        folder = self.folder()
        if folder is None or self.identity is None:
            return None
        everything = self.everything.isChecked()
        peer = self.receiver() or (None if everything else "OFFICE")
        return folder / file_name(self.identity.short_code, peer, datetime.now())

    def _update_file(self, *_args: object) -> None:
        if self.job is not None or self.result_value is not None:
            return  # written or being written: the File line names that file
        target = self.target()
        self.shown_target = target
        self.file_label.setText(str(target) if target is not None else "-")

    # ------------------------------------------------------------------ writing

    def start(self) -> workers.Job | None:
        """Write the file on a worker thread."""
        from hazard_desktop.services import exchange

        ports = common.ports(self.context)
        # the name shown, not one made again now: a minute later it was …-1501.hzx under a shown …-1500.hzx
        target = self.shown_target
        if ports is None or target is None or self.job is not None:
            return None
        store, files = ports
        to, everything = self.receiver(), self.everything.isChecked()
        settings = self._settings()
        settings.setValue(FOLDER_KEY, str(target.parent))
        settings.setValue(PEER_KEY, to or "")
        for widget in (self.export_button, self.peer_combo, self.everything, self.folder_combo, self.browse_button):
            widget.setEnabled(False)
        self.status.setText(self.tr("Writing the exchange file…"))

        def work(job: workers.Job) -> object:
            try:  # on the worker: a drive that hangs or is gone must not freeze or crash the window
                path = free_path(target.parent, target.name)
            except OSError as exc:
                raise DomainError("exchange_write_failed", reason=exc.strerror or str(exc), errno=exc.errno) from exc
            return common.cancellable(
                lambda: exchange.export_exchange(
                    store, files, path, to=to, everything=everything, progress=common.job_progress(job)
                )
            )

        job = workers.Job(work, cancel_exceptions=(common.ExchangeCancelled,), name="exchange export")
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
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        path: Path = result.path  # type: ignore[attr-defined]
        self.file_label.setText(str(path))  # with its ``-2`` if a file of that minute was there already
        on_drive = any(path.is_relative_to(d.path) for d in self._drives)
        text = self.tr("Written: %1\n%2 records, %3 photos, %4.")
        text = text.replace("%1", str(path)).replace("%2", str(result.records))  # type: ignore[attr-defined]
        text = text.replace("%3", str(result.photos)).replace("%4", common.size_text(result.size))  # type: ignore[attr-defined]
        if on_drive:
            text += "\n" + self.tr("Remove the USB drive safely (eject it) before pulling it out.")
        self.status.setText(text)
        self._done()
        self.exported.emit(result)

    def _failed(self, exc: object) -> None:
        self.job = None
        self.status.setText(common.error_text(exc))
        self._reenable()

    def _cancelled(self) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled: nothing was written."))
        self._reenable()

    def _reenable(self) -> None:
        for widget in (self.export_button, self.peer_combo, self.folder_combo, self.browse_button):
            widget.setEnabled(True)
        self.everything.setEnabled(self.peer_combo.currentData() is not None)

    def _done(self) -> None:
        self._timer.stop()
        self.cancel_button.hide()
        self.export_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:  # Esc and the title bar's close cancel a running export instead of leaving it
        if self.job is not None:
            self.job.cancel()
            return
        self._timer.stop()
        super().reject()

"""File → 导入交换包: pick a file (those on a USB drive are listed first), see what importing it would do, import.

The preview (per record kind: new, changed, unchanged, conflicts) is read on a worker thread and writes
nothing; Import is then one transaction with a progress bar and Cancel (a cancel or refusal leaves the
register as it was). The same file again says that it brings nothing new. After an import with conflicts
the conflict window is one button away. Into an empty register without identity, the import is joining the
plant (``preview.joins``), and the dialog says so; a new laptop joins at its first start (``first_start.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.services.removable_drives import EXCHANGE_SUFFIX, ExchangeFile, RemovableDrive, exchange_files
from hazard_desktop.ui import file_dialogs, workers
from hazard_desktop.ui.exchange import common
from hazard_desktop.ui.file_dialogs import FileKind
from hazard_desktop.ui.widgets import screen_fit

if TYPE_CHECKING:
    from hazard_desktop.services.context import AppContext

FOLDER_KEY = FileKind.EXCHANGE_IMPORT.value
DRIVE_POLL_MS = 2000
COLUMNS = 5  # kind, new, changed, unchanged, conflicts
_CONFLICT_BRUSH = QBrush(QColor("#B71C1C"))


def offered(found: list[ExchangeFile], own: str | None) -> list[ExchangeFile]:
    """The files worth importing here, newest first: this installation's own exports (``<own>-to-…``, which the
    office's stick carries for its laptops) are left out, since importing them is refused anyway (trial u6:
    the office was offered its own outgoing files, ranked above newer files for it)."""
    mine = f"{own.upper()}-TO-" if own else None
    kept = [f for f in found if mine is None or not f.path.name.upper().startswith(mine)]
    return sorted(kept, key=lambda f: (-f.modified, str(f.path)))


class ImportDialog(QDialog):
    """Choose an exchange file, preview it, import it.

    Signals:
        imported(object): the import was committed (the ``ImportResult``); the register should re-read.
        conflicts_requested(): the user asked for the conflict window.
    """

    imported = Signal(object)
    conflicts_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: workers.Job | None = None  # the import
        self.preview_job: workers.Job | None = None
        self.path: Path | None = None
        self.preview: Any = None
        self.result_value: Any = None
        # the files and drives listed; None: not yet (the first look must say what it found, also nothing)
        self._listed: tuple[list[Path], list[Path]] | None = None
        self.setWindowTitle(self.tr("Import exchange file"))
        screen_fit.fit_on_show(self, (700, 520), remember="exchange-import")

        self.files = QListWidget(self)
        self.files.setObjectName("exchangeFiles")
        self.files.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        self.files.currentItemChanged.connect(self._file_picked)
        self.files_label = QLabel(self)
        self.files_label.setWordWrap(True)  # "no file on the drive…" must not widen the dialog past 911 px
        self.browse_button = QPushButton(self.tr("Choose file…"), self)
        self.browse_button.clicked.connect(self._browse)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_label, 1)
        files_row.addWidget(self.browse_button)

        self.sender_label = QLabel(self)
        self.sender_label.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("exchangePreview")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Records"), self.tr("New"), self.tr("Changed"), self.tr("Unchanged"), self.tr("Conflicts")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("exchangeImportButton")
        self.import_button.setEnabled(False)
        self.conflicts_button = self.buttons.addButton(
            self.tr("Resolve conflicts…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.conflicts_button.hide()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.import_button.clicked.connect(self.start)
        self.conflicts_button.clicked.connect(self._ask_conflicts)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(files_row)
        layout.addWidget(self.files)
        layout.addWidget(self.sender_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._last_folder = str(self._settings().value(FOLDER_KEY, "") or "")  # read here: the scan runs on a worker
        self.refresh_drives()
        self._timer = QTimer(self)
        self._timer.setInterval(DRIVE_POLL_MS)
        self._poll = common.DrivePoll(self.refresh_drives)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _settings(self) -> Any:
        from hazard_desktop.ui.field_ui import ui_state

        return ui_state(self.context)

    # ------------------------------------------------------------------ finding the file

    def _own_code(self) -> str | None:
        """This installation's short code (files addressed to it are offered first), once."""
        if not hasattr(self, "_own"):
            from hazard_desktop.services import exchange

            self._own: str | None = None
            ports = common.ports(self.context)
            try:
                identity = exchange.get_identity(ports[0]) if ports is not None else None
            except Exception:  # noqa: BLE001 (only the order of the list depends on it)
                identity = None
            self._own = identity.short_code if identity is not None else None
        return self._own

    def _scan(self) -> tuple[list[RemovableDrive], list[ExchangeFile]]:
        return _scan(self.context.removable_drives, self._last_folder)

    def _tick(self) -> None:
        port, last = self.context.removable_drives, self._last_folder
        self._poll.tick(lambda: _scan(port, last))

    def refresh_drives(self, scanned: object = None) -> None:
        """List the exchange files on the removable drives (and in the last folder), newest first; the newest
        is previewed at once unless a file was chosen already."""
        if self.job is not None or self.result_value is not None:
            return
        drives, files = scanned if isinstance(scanned, tuple) else self._scan()
        found = offered(files, self._own_code())
        paths = [f.path for f in found]
        listed = (paths, [d.path for d in drives])
        if listed == self._listed:
            return
        self._listed = listed
        self.files.blockSignals(True)
        self.files.clear()
        for entry in found:
            text = self.tr("%1  (%2, %3)").replace("%1", str(entry.path))
            from datetime import datetime

            moment = datetime.fromtimestamp(entry.modified).strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(text.replace("%2", moment).replace("%3", common.size_text(entry.size)))
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            self.files.addItem(item)
        self.files.blockSignals(False)
        if drives:
            names = ", ".join(d.title for d in drives)
            self.files_label.setText(
                self.tr("Exchange files on %1, newest first:").replace("%1", names)
                if found
                else self.tr("No exchange file on %1. Choose one elsewhere.").replace("%1", names)
            )
        else:
            self.files_label.setText(
                self.tr("Exchange files found, newest first:")
                if found
                else self.tr("No exchange file on a USB drive. Plug in the drive with the file, or choose it.")
            )
        self.files.setVisible(bool(found))
        if found and self.path is None:
            self.files.setCurrentRow(0)

    def _file_picked(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.choose(Path(str(current.data(Qt.ItemDataRole.UserRole))))

    def _browse(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.context,
            FileKind.EXCHANGE_IMPORT,
            self.tr("Choose an exchange file"),
            self.tr("Exchange files (*%1);;All files (*)").replace("%1", EXCHANGE_SUFFIX),
            folder=self.path.parent if self.path else None,
        )
        if path is not None:
            self.choose(path)

    # ------------------------------------------------------------------ preview

    def choose(self, path: Path) -> workers.Job | None:
        """Preview ``path`` on a worker thread (nothing is written)."""
        from hazard_desktop.services import exchange

        if self.job is not None or self.result_value is not None:
            return None
        ports = common.ports(self.context)
        if ports is None:
            return None
        store, files = ports
        self.path, self.preview = path, None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.sender_label.setText(str(path))
        self.note.setText("")
        self.status.setText(self.tr("Checking the file…"))
        self.progress.setRange(0, 0)  # busy until the check says how many entries the file has
        if self.preview_job is not None:
            self.preview_job.cancel()  # another file chosen meanwhile: the first check stops

        def work(job: workers.Job) -> tuple[Path, object, BaseException | None]:
            try:
                found = common.cancellable(
                    lambda: exchange.exchange_preview(store, files, path, progress=common.job_progress(job))
                )
                return path, found, None
            except common.ExchangeCancelled:
                raise
            except Exception as exc:  # noqa: BLE001 (shown as a sentence; the path tells which file it was)
                return path, None, exc

        job = workers.Job(work, cancel_exceptions=(common.ExchangeCancelled,), name="exchange preview")
        job.signals.progress.connect(self._preview_progress)
        job.signals.finished.connect(self._previewed)
        job.signals.cancelled.connect(self._preview_cancelled)
        self.preview_job = workers.start(job)
        return self.preview_job

    def _current_preview(self) -> bool:
        """The signal being handled comes from the check of the file chosen last (not an earlier one)."""
        job = self.preview_job
        return job is not None and self.sender() is job.signals and not job.is_cancelled()

    def _preview_progress(self, done: int, total: int) -> None:
        if self._current_preview():
            self._progress(done, total)

    def _preview_cancelled(self) -> None:
        """The check stopped at Cancel: nothing was read into the register."""
        job = self.preview_job
        if job is None or self.sender() is not job.signals:
            return  # an earlier file's check, stopped because another file was chosen
        self.preview_job = None
        self.path = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Check cancelled: nothing was imported. Choose a file to check it again."))

    def _previewed(self, outcome: object) -> None:
        path, preview, error = outcome  # type: ignore[misc]
        if path != self.path:
            return  # another file was chosen meanwhile
        self.preview_job = None
        if error is not None:
            self._preview_failed(error)
            return
        self.preview = preview
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._fill(preview)
        self.status.setText("")
        self.import_button.setEnabled(not preview.nothing_new)  # type: ignore[attr-defined]
        self.import_button.setDefault(True)
        self.import_button.setFocus()

    def _preview_failed(self, exc: object) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(common.error_text(exc, "exchange_read_failed"))
        self.status.setStyleSheet("QLabel { color: #B71C1C; }")

    def _fill(self, preview: Any) -> None:
        self.status.setStyleSheet("")
        sender = self.tr("From %1 (%2) of %3, written %4.")
        sender = sender.replace("%1", preview.sender).replace("%2", common.role_name(preview.sender_role))
        sender = sender.replace("%3", preview.plant_name or "-").replace("%4", common.when_text(preview.created_at))
        self.sender_label.setText(sender + "\n" + photos_text(preview))
        kinds = [k for k in preview.kinds if k.new or k.changed or k.unchanged or k.conflicts]
        self.table.setRowCount(len(kinds))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, counts in enumerate(kinds):
            values = (common.kind_name(counts.kind), counts.new, counts.changed, counts.unchanged, counts.conflicts)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value) if column else str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if value == 0:
                        item.setForeground(QBrush(QColor("#9E9E9E")))
                if column == COLUMNS - 1 and counts.conflicts:
                    item.setForeground(_CONFLICT_BRUSH)
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        conflicts = sum(k.conflicts for k in preview.kinds)
        notes = []
        if preview.nothing_new:
            notes.append(self.tr("This file was imported already: it brings nothing new."))
        if preview.joins:
            notes.append(
                self.tr("Importing makes this computer a laptop of %1 with the short code the office gave it.").replace(
                    "%1", preview.plant_name or "-"
                )
            )
        if conflicts:
            notes.append(
                self.tr(
                    "%n record(s) were changed here and there since the last exchange: both versions are kept "
                    "and the hazards are marked until you choose, field by field, in the conflict window.",
                    "",
                    conflicts,
                )
            )
        if not notes:
            notes.append(self.tr("Nothing is written until you press Import."))
        self.note.setText("\n".join(notes))

    # ------------------------------------------------------------------ import

    def start(self) -> workers.Job | None:
        """Import the previewed file on a worker thread (one transaction)."""
        from hazard_desktop.services import exchange

        ports = common.ports(self.context)
        path = self.path
        if ports is None or path is None or self.preview is None or self.job is not None:
            return None
        store, files = ports
        self._settings().setValue(FOLDER_KEY, str(path.parent))
        self._last_folder = str(path.parent)
        self.import_button.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.files.setEnabled(False)
        self.status.setText(self.tr("Importing…"))

        def work(job: workers.Job) -> object:
            return common.cancellable(
                lambda: exchange.import_exchange(store, files, path, progress=common.job_progress(job))
            )

        job = workers.Job(work, cancel_exceptions=(common.ExchangeCancelled,), name="exchange import")
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
        self._timer.stop()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        preview = result.preview  # type: ignore[attr-defined]
        lines: list[str] = []
        if result.changed_nothing:  # type: ignore[attr-defined]
            self.note.setText(self.tr("Nothing was written: this file was imported already."))
        else:  # what was written replaces the promise made before (trial u6: the promise stayed)
            new = sum(k.new for k in preview.kinds)
            changed = sum(k.changed for k in preview.kinds)
            written = self.tr("Imported: %1 new and %2 changed records, %3 new photos.").replace("%1", str(new))
            self.note.setText(written.replace("%2", str(changed)).replace("%3", str(preview.photos)))
            if preview.joins:
                lines.append(self.tr("This computer has joined %1.").replace("%1", preview.plant_name or "-"))
                from hazard_desktop.ui.exchange.first_start import join_file_text

                lines.append(join_file_text(getattr(result, "join_file_removed", None)))
        opened = int(result.conflicts_opened)  # type: ignore[attr-defined]
        if opened:
            lines.append(self.tr("%n conflict(s) wait for your choice.", "", opened))
            self.conflicts_button.show()
            self.conflicts_button.setDefault(True)
        self.status.setText("\n".join(lines))
        self.cancel_button.hide()
        self.import_button.hide()
        self.close_button.show()
        if not opened:
            self.close_button.setDefault(True)
        self.imported.emit(result)

    def _failed(self, exc: object) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(common.error_text(exc, "exchange_read_failed"))
        self.status.setStyleSheet("QLabel { color: #B71C1C; }")
        self.browse_button.setEnabled(True)
        self.files.setEnabled(True)

    def _cancelled(self) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled: nothing was imported."))
        self.import_button.setEnabled(True)
        self.browse_button.setEnabled(True)
        self.files.setEnabled(True)

    def _ask_conflicts(self) -> None:
        self.conflicts_requested.emit()
        self.accept()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))
        elif self.preview_job is not None:  # Cancel while the file is checked stops the check, the dialog stays
            self.preview_job.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:  # Esc cancels a running import instead of leaving it
        if self.job is not None:
            self.job.cancel()
            return
        if self.preview_job is not None:  # closing the dialog stops the check (it writes nothing)
            self.preview_job.cancel()
            self.preview_job = None
        self._timer.stop()
        super().reject()


def photos_text(preview: Any) -> str:
    """The photos a file carries, as the sender's export counted them, and how many of them are new here."""
    in_file = max(int(getattr(preview, "photos_in_file", 0)), preview.photos)
    if not in_file:
        return QCoreApplication.translate("ImportDialog", "No photos in the file.")
    text = QCoreApplication.translate("ImportDialog", "Photos in the file: %1 (%2 new, %3 already here).")
    return (
        text.replace("%1", str(in_file)).replace("%2", str(preview.photos)).replace("%3", str(in_file - preview.photos))
    )


def _scan(port: Any, last_folder: str) -> tuple[list[RemovableDrive], list[ExchangeFile]]:
    """The drives and the exchange files on them and in the last folder (the timer runs it on a worker)."""
    drives = port.drives() if port is not None else []
    folders = [d.path for d in drives]
    if last_folder and Path(last_folder) not in folders:
        folders.append(Path(last_folder))
    return drives, exchange_files(folders)

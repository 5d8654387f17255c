"""File → 备份 and File → 恢复: one verified file of the whole register, and putting one back.

The work is done through ``context.backups`` (``services/backups.py``'s port) on a :class:`~workers.Job`,
with a progress bar and Cancel; the dialogs only ask and show. A restore closes this window's connections
to the register (a restore never happens under a writer: the storage refuses while any other program has
the register open), so after it the program starts again on the restored register.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.services.backups import (
    COUNTED,
    BackupCancelled,
    Backups,
    BackupSummary,
    RestoreResult,
    create_backup,
    restore_backup,
)
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import file_dialogs, messages, workers
from hazard_desktop.ui.backup_actions import install_backup_actions
from hazard_desktop.ui.file_dialogs import FileKind
from hazard_desktop.ui.widgets import screen_fit

_COUNT_NAMES = {
    "hazards": QT_TRANSLATE_NOOP("Backups", "Hazards"),
    "hazard_photos": QT_TRANSLATE_NOOP("Backups", "Photos"),
    "gradings": QT_TRANSLATE_NOOP("Backups", "Gradings"),
    "disputes": QT_TRANSLATE_NOOP("Backups", "Disputes"),
    "sheet_prints": QT_TRANSLATE_NOOP("Backups", "Printed sheets"),
    "inspections": QT_TRANSLATE_NOOP("Backups", "Inspections"),
    "inspection_photos": QT_TRANSLATE_NOOP("Backups", "Inspection photos"),
}


def count_name(key: str) -> str:
    """The translated name of a counted table."""
    return QCoreApplication.translate("Backups", _COUNT_NAMES.get(key, key))


def counts_text(counts: Mapping[str, int]) -> str:
    """``Hazards 12, Photos 30, …`` (Chinese: full-width commas)."""
    separator = QCoreApplication.translate("Backups", ", ")
    return separator.join(f"{count_name(k)} {v}" for k, v in counts.items())


def when_text(summary: BackupSummary) -> str:
    """The backup's time in local time, as the locale writes it."""
    return summary.created_at.astimezone().strftime("%Y-%m-%d %H:%M")


class BackupDialog(QDialog):
    """Choose a folder (a removable drive too), write the backup there with a progress bar, Cancel stops it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: workers.Job | None = None
        self.result_summary: BackupSummary | None = None
        self.setWindowTitle(self.tr("Back up the register"))
        screen_fit.fit_on_show(self, (640, 280), remember="backup")
        intro = QLabel(
            self.tr(
                "The whole register — every hazard, grading, inspection and photo — is written as one file "
                "and checked after writing. The program can stay open meanwhile."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setText(self._last_folder())
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder:"), self))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(self.tr("Back up"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)

    def _last_folder(self) -> str:
        return str(file_dialogs.start_folder(self.context, FileKind.BACKUP))

    def _browse(self) -> None:
        current = Path(self.folder_edit.text()) if self.folder_edit.text().strip() else None
        folder = file_dialogs.choose_folder(
            self, self.context, FileKind.BACKUP, self.tr("Folder for the backup"), folder=current
        )
        if folder is not None:
            self.folder_edit.setText(str(folder))

    def start(self) -> None:
        """Write the backup on a worker thread."""
        backups = self.context.backups
        text = self.folder_edit.text().strip()
        if backups is None or not text:
            self.status.setText(self.tr("Choose the folder for the backup first."))
            return
        folder = Path(text)
        actor = self.context.session.actor
        file_dialogs.remember_folder(self.context, FileKind.BACKUP, folder)
        self.start_button.setEnabled(False)
        self.folder_edit.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.status.setText(self.tr("Writing and checking the backup…"))
        job = workers.Job(
            lambda job: create_backup(backups, folder, actor=actor, progress=job.report, cancelled=job.is_cancelled),
            cancel_exceptions=(BackupCancelled,),
            name="backup",
        )
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.job = workers.start(job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, summary: object) -> None:
        assert isinstance(summary, BackupSummary)
        self.result_summary = summary
        self.job = None
        self.progress.setValue(self.progress.maximum())
        counts = counts_text(summary.counts)
        template = self.tr("Backup written and checked:\n%1\n(%2, schema revision %3; %4)")
        filled = template.replace("%1", str(summary.path)).replace("%2", when_text(summary))
        self.status.setText(filled.replace("%3", summary.revision).replace("%4", counts))
        self._done()

    def _failed(self, exc: object) -> None:
        self.job = None
        self.status.setText(
            messages.error_text(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)), "backup")
        )
        self._done()

    def _cancelled(self) -> None:
        self.job = None
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled: no backup was written."))
        self.start_button.setEnabled(True)
        self.folder_edit.setEnabled(True)
        self.browse_button.setEnabled(True)

    def _done(self) -> None:
        self.cancel_button.hide()
        self.start_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:  # Esc and the window's close button cancel a running backup instead of leaving it
        if self.job is not None:
            self.job.cancel()
            return
        super().reject()


class RestoreDialog(QDialog):
    """Pick a backup file, compare it with the register, confirm, restore; the program then starts again."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: workers.Job | None = None
        self.chosen: BackupSummary | None = None
        self.result: RestoreResult | None = None
        self.setWindowTitle(self.tr("Restore the register from a backup"))
        screen_fit.fit_on_show(self, (700, 480), remember="restore")
        intro = QLabel(
            self.tr(
                "The register is replaced by the backup. The current register is kept as a safety copy in the "
                "data folder's backups first. The program starts again afterwards."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.browse_button = QPushButton(self.tr("Choose backup…"), self)
        self.browse_button.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("Backup file:"), self))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["", self.tr("Backup"), self.tr("Current register")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.clicked.connect(self.restore)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def start_folder(self) -> Path:
        """Where "Choose backup…" opens: the folder of the backup restored or chosen last, if the user went
        elsewhere than the automatic backups; else the automatic backups' folder (the data folder's ``backups``),
        or Documents while it does not exist."""
        automatic = self.context.backups.automatic_folder() if self.context.backups is not None else None
        chosen = file_dialogs.last_folder(self.context, FileKind.RESTORE)
        if chosen is not None:
            return chosen
        if automatic is not None and automatic.is_dir():
            return automatic
        return file_dialogs.documents_folder()

    def _browse(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.context,
            FileKind.RESTORE,
            self.tr("Choose a backup"),
            self.tr("Backups (*.zip);;All files (*)"),
            folder=self.start_folder(),
        )
        if path is None:
            return
        backups = self.context.backups
        if backups is not None and _same_folder(path.parent, backups.automatic_folder()):
            file_dialogs.forget_folder(self.context, FileKind.RESTORE)  # the default again: follows the data folder
        self.choose(path)

    def choose(self, path: Path) -> bool:
        """Read the backup's manifest and show it beside the current register; True if it can be restored."""
        backups = self.context.backups
        self.file_edit.setText(str(path))
        self.chosen = None
        self.restore_button.setEnabled(False)
        self.table.setRowCount(0)
        if backups is None:
            return False
        try:
            summary = backups.inspect(path)
            current = backups.current()
        except Exception as exc:  # noqa: BLE001 (a refused file is shown as a sentence, never a traceback)
            self.status.setText(messages.error_text(exc, "backup"))
            return False
        self._fill(summary, current)
        self.chosen = summary
        self.restore_button.setEnabled(True)
        newer = summary.revision > current.revision and bool(current.revision)
        self.status.setText(
            self.tr("This backup is from a newer version of the program; it will be refused.")
            if newer
            else self.tr("Check the dates and counts, then press Restore.")
        )
        return True

    def _fill(self, summary: BackupSummary, current: BackupSummary) -> None:
        rows: list[tuple[str, str, str]] = [
            (self.tr("Made on"), when_text(summary), self.tr("now")),
            (self.tr("Schema revision"), summary.revision, current.revision or "-"),
        ]
        for key in COUNTED:
            if key in summary.counts or key in current.counts:
                rows.append((count_name(key), str(summary.counts.get(key, "-")), str(current.counts.get(key, "-"))))
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)

    def restore(self) -> None:
        """Ask, then restore on a worker thread (the window is disabled meanwhile)."""
        backups = self.context.backups
        if backups is None or self.chosen is None or self.chosen.path is None:
            return
        question = self.tr(
            "Replace the register by the backup of %1?\n\nThe current register is kept as a safety copy first."
        )
        text = question.replace("%1", when_text(self.chosen))
        if not messages.confirm(self, self.tr("Restore"), text):
            return
        path = self.chosen.path
        actor = self.context.session.actor
        self.restore_button.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.close_button.setEnabled(False)
        window = self.parentWidget()
        if window is not None:
            window.setEnabled(False)  # nothing may read the register while it is replaced
            self.setEnabled(True)
        self.status.setText(self.tr("Checking the backup and restoring…"))
        job = workers.Job(lambda job: restore_backup(backups, path, actor=actor, progress=job.report), name="restore")
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job = workers.start(job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, result: object) -> None:
        assert isinstance(result, RestoreResult)
        self.job = None
        self.result = result
        self.status.setText(self.tr("Restored. The program starts again on the restored register."))
        self._end(restart=True)

    def _failed(self, exc: object) -> None:
        self.job = None
        error = exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
        self.status.setText(messages.error_text(error, "backup"))
        backups = self.context.backups
        released = bool(getattr(backups, "released", False))
        if released:
            self.status.setText(self.status.text() + "\n" + self.tr("The program starts again to open the register."))
        self._end(restart=released)

    def _end(self, *, restart: bool) -> None:
        window = self.parentWidget()
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        if restart:
            self.close_button.clicked.disconnect()
            self.close_button.clicked.connect(quit_program)
        elif window is not None:
            window.setEnabled(True)
            self.browse_button.setEnabled(True)

    def reject(self) -> None:  # a restore under way cannot be left half done
        if self.job is not None:
            return
        if self.result is not None:
            quit_program()
            return
        super().reject()


def _same_folder(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


def quit_program() -> None:
    """End the event loop; ``app.run_gui`` starts the program again after a restore (``backups.released``)."""
    app = QCoreApplication.instance()
    if app is not None:
        app.quit()


def locale_size(size: int) -> str:
    """A file size as the locale writes it (MB, GB …)."""
    return QLocale().formattedDataSize(size)


__all__ = ["Backups", "BackupDialog", "RestoreDialog", "install_backup_actions", "locale_size"]

"""Tab 备份: the automatic backups with their dates, and the optional second folder they are copied to.

Automatic backups are made at the day's first start and at exit after a change (``app.run_gui``), kept by
rotation (7 daily, 4 weekly, 12 monthly: ``domain/backups.py``) in the data folder's ``backups/``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.services import backups as backup_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import file_dialogs, messages
from hazard_desktop.ui.backups import locale_size, when_text
from hazard_desktop.ui.dialogs.settings_pages.common import MessageLine
from hazard_desktop.ui.file_dialogs import FileKind


class BackupsPage(QWidget):
    """The automatic backups (newest first) and the second folder."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made on"), self.tr("Schema revision"), self.tr("Hazards"), self.tr("Size")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rule = QLabel(
            self.tr(
                "Made at the first start of each day and at exit after a change. Kept: the last 7 days, "
                "4 weeks and 12 months. Folder: %1"
            ).replace("%1", str(context.data_dir / "backups")),
            self,
        )
        rule.setWordWrap(True)
        listed = QGroupBox(self.tr("Automatic backups"), self)
        listed_layout = QVBoxLayout(listed)
        listed_layout.addWidget(rule)
        listed_layout.addWidget(self.table, 1)

        self.folder_edit = QLineEdit(self)
        self.folder_edit.setPlaceholderText(self.tr("none"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.message = MessageLine(self)
        second = QGroupBox(self.tr("Second folder (another disk or a removable drive)"), self)
        row = QHBoxLayout(second)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.clear_button)
        row.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(second)
        layout.addWidget(self.message)
        layout.addWidget(listed, 1)

        self.browse_button.clicked.connect(self._browse)
        self.clear_button.clicked.connect(self.folder_edit.clear)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        """Show the automatic backups and the stored second folder."""
        self.stale = False
        found = self.context.backups.automatic() if self.context.backups is not None else []
        self.table.setRowCount(len(found))
        for row, summary in enumerate(found):
            values = (when_text(summary), summary.revision, str(summary.counts.get("hazards", "-")),
                      locale_size(summary.size))  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        folder = backup_service.second_folder(self.context.uow())
        self.folder_edit.setText(str(folder) if folder else "")

    def _browse(self) -> None:
        text = self.folder_edit.text().strip()
        folder = file_dialogs.choose_folder(
            self, self.context, FileKind.BACKUP, self.tr("Second folder for automatic backups"),
            folder=Path(text) if text else None,
        )  # fmt: skip
        if folder is not None:
            self.folder_edit.setText(str(folder))

    def save(self) -> bool:
        """Store the second folder (empty: none); True if stored."""
        text = self.folder_edit.text().strip()
        try:
            backup_service.set_second_folder(self.context.uow(), Path(text) if text else None)
        except DomainError as err:
            self.message.show_error(messages.error_text(err, "backup"))
            return False
        except Exception as err:
            if not messages.is_storage_error(err):
                raise
            self.message.show_error(messages.error_text(err, "backup"))
            return False
        self.message.show_info(self.tr("Saved."))
        self.changed.emit()
        return True

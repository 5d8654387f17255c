"""File → Back up… and File → Restore…: the menu actions only; the dialogs (``ui/backups.py``) load when opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.main_window import MainWindow


def install_backup_actions(window: MainWindow, context: AppContext) -> dict[str, QAction]:
    """File → Back up… and File → Restore… (before Quit)."""
    file_menu = window.menu_for("file")
    before = window.action_quit
    backup = QAction(QCoreApplication.translate("Backups", "&Back up…"), window)
    backup.setObjectName("action_backup")
    backup.setStatusTip(QCoreApplication.translate("Backups", "Write the whole register as one checked backup file"))
    restore = QAction(QCoreApplication.translate("Backups", "R&estore…"), window)
    restore.setObjectName("action_restore")
    restore.setStatusTip(QCoreApplication.translate("Backups", "Put a backup file back in place of the register"))

    def open_backup() -> None:
        from hazard_desktop.ui.backups import BackupDialog  # not at start-up: the dialogs' widgets

        dialog = BackupDialog(context, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.backup_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    def open_restore() -> None:
        from hazard_desktop.ui.backups import RestoreDialog

        dialog = RestoreDialog(context, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.restore_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    backup.triggered.connect(open_backup)
    restore.triggered.connect(open_restore)
    file_menu.insertAction(before, backup)
    file_menu.insertAction(before, restore)
    file_menu.insertSeparator(before)
    return {"backup": backup, "restore": restore}

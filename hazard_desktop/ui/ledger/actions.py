"""The ledger menu entries: File → 导入台账…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.main_window import MainWindow

STATUS_TIMEOUT_MS = 10_000


class LedgerActions(QObject):
    """File → Import a ledger…: pick a file, confirm the mapping and the preview, import."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.dialog: object = None
        self.action_import = QAction(QCoreApplication.translate("LedgerImport", "&Import a ledger…"), window)
        self.action_import.setObjectName("actionImportLedger")
        self.action_import.setStatusTip(
            QCoreApplication.translate("LedgerImport", "Import the hazards of a legacy Excel ledger (.xlsx, .csv)")
        )
        self.action_import.triggered.connect(self.choose_and_import)
        menu = window.menu_for("file")
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action_import)
        if first is not None:
            menu.insertSeparator(first)

        from hazard_desktop.ui.ledger.origin_section import LedgerOriginSection

        self.origin_section = LedgerOriginSection(context, window)
        detail = getattr(window, "detail", None)
        if detail is not None and hasattr(detail, "add_section"):
            detail.add_section(self.origin_section)
        hazard_selected = getattr(window, "hazard_selected", None)
        if hazard_selected is not None:
            hazard_selected.connect(self.origin_section.show_hazard)

    def choose_and_import(self) -> None:
        from hazard_desktop.ui.file_dialogs import FileKind, open_file

        path = open_file(
            self.window,
            self.context,
            FileKind.LEDGER_IMPORT,
            QCoreApplication.translate("LedgerImport", "Import a ledger"),
            QCoreApplication.translate("LedgerImport", "Ledgers (*.xlsx *.xlsm *.csv);;All files (*)"),
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> object:
        """Open the import dialog on ``path`` (modal); the register is refreshed after an import."""
        from hazard_desktop.ui.ledger.import_dialog import import_ledger_file

        dialog = import_ledger_file(self.window, self.context, path)
        self.dialog = dialog
        if dialog is None:
            return None
        if dialog.exec() and dialog.result is not None:
            if dialog.result.batch_id is not None:
                self.window.refresh()
            QMessageBox.information(
                self.window, QCoreApplication.translate("LedgerImport", "Import a ledger"), dialog.done_text
            )
        return dialog


def install_ledger_actions(window: MainWindow, context: AppContext) -> LedgerActions:
    """Add File → Import a ledger… to ``window``."""
    return LedgerActions(window, context)

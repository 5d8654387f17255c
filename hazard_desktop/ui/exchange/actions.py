"""File → 导出交换包… / 导入交换包… / 交换冲突…: the exchange's menu entries of the main window.

Each opens its dialog (imported when first used); after an import or a resolved conflict the register
re-reads (new hazards, the conflict marks).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from hazard_desktop.services.context import AppContext
    from hazard_desktop.ui.main_window import MainWindow


class ConflictSection(QWidget):
    """In the detail pane, for a hazard with an open exchange conflict: a red line and a button to the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeConflictSection")
        self.label = QLabel(self.tr("Exchange conflict: this hazard was changed here and on another computer."), self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("QLabel { color: #C62828; font-weight: bold; }")
        self.button = QPushButton(self.tr("Resolve…"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()


class ExchangeActions:
    """The three actions of one window (``window.feature_actions["exchange"]``) and the dialog open now."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        self.window = window
        self.context = context
        self.dialog: QDialog | None = None
        self.export = QAction(QCoreApplication.translate("ExchangeActions", "Expor&t exchange file…"), window)
        self.export.setObjectName("action_exchange_export")
        self.export.setStatusTip(
            QCoreApplication.translate(
                "ExchangeActions", "Write what the office or a laptop lacks to one file, on a USB drive"
            )
        )
        self.import_ = QAction(QCoreApplication.translate("ExchangeActions", "Import exchan&ge file…"), window)
        self.import_.setObjectName("action_exchange_import")
        self.import_.setStatusTip(
            QCoreApplication.translate(
                "ExchangeActions", "See what a file from the office or a laptop brings, then import it"
            )
        )
        self.conflicts = QAction(QCoreApplication.translate("ExchangeActions", "Exchange &conflicts…"), window)
        self.conflicts.setObjectName("action_exchange_conflicts")
        self.conflicts.setStatusTip(
            QCoreApplication.translate(
                "ExchangeActions", "Records changed on two computers: choose, field by field, what to keep"
            )
        )
        self.export.triggered.connect(self._export)
        self.import_.triggered.connect(self._import)
        self.conflicts.triggered.connect(self._conflicts)
        self.section = ConflictSection(window)
        self.section.button.clicked.connect(self._conflicts)
        window.detail.add_section(self.section)
        window.hazard_selected.connect(self._selected)
        menu = window.menu_for("file")
        before = window.action_quit
        for action in (self.export, self.import_, self.conflicts):
            menu.insertAction(before, action)
        menu.insertSeparator(before)

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(self._forget)
        dialog.open()
        return dialog

    def _forget(self) -> None:
        self.dialog = None

    def _export(self, _checked: bool) -> None:
        self.open_export()

    def _import(self, _checked: bool) -> None:
        self.open_import()

    def _conflicts(self, _checked: bool) -> None:
        self.open_conflicts()

    def open_export(self) -> QDialog:
        from hazard_desktop.ui.exchange.export_dialog import ExportDialog

        return self._show(ExportDialog(self.context, self.window))

    def open_import(self) -> QDialog:
        from hazard_desktop.ui.exchange.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self.window)
        dialog.imported.connect(self._changed)
        dialog.conflicts_requested.connect(self.open_conflicts)
        return self._show(dialog)

    def open_conflicts(self) -> QDialog:
        from hazard_desktop.ui.exchange.conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.context, self.window, hazard_id=self.window.current_hazard_id())
        dialog.resolved.connect(self._changed)
        return self._show(dialog)

    def _changed(self, _what: object) -> None:
        self.window.refresh()
        self._selected(self.window.current_hazard_id())

    def _selected(self, hazard_id: object) -> None:
        """Show the conflict line when the hazard shown has an open exchange conflict (its register row says)."""
        from hazard_desktop.ui.models.register_model import RowRole

        row = self.window.view.currentIndex().data(RowRole)
        marked = isinstance(hazard_id, uuid.UUID) and row is not None and row.id == hazard_id
        self.section.setVisible(bool(marked and row.exchange_conflict))


def install_exchange_actions(window: MainWindow, context: AppContext) -> ExchangeActions:
    """Add the exchange's entries to the File menu (before Quit)."""
    return ExchangeActions(window, context)

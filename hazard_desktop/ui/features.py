"""Plugs the feature areas into the main window: one line per feature, called by the composition root."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.accounts.actions import install_account_actions
from hazard_desktop.ui.audit_actions import install_audit_action
from hazard_desktop.ui.backup_actions import install_backup_actions
from hazard_desktop.ui.exchange.actions import install_exchange_actions
from hazard_desktop.ui.grading_actions import install_grading_actions
from hazard_desktop.ui.inspections.actions import install_inspection_actions
from hazard_desktop.ui.ledger.actions import install_ledger_actions
from hazard_desktop.ui.ledger_export import install_ledger_export
from hazard_desktop.ui.main_window import MainWindow
from hazard_desktop.ui.rectification.actions import install_rectification_actions
from hazard_desktop.ui.sheets.actions import install_sheet_actions
from hazard_desktop.ui.statistics.actions import install_statistics_actions


def install_settings_action(window: MainWindow, context: AppContext) -> QAction:
    """Tools → Settings…: reference data; the register re-reads it when something was saved."""
    action = QAction(QCoreApplication.translate("Features", "&Settings…"), window)
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setStatusTip(
        QCoreApplication.translate(
            "Features", "Departments, people, categories, LEC tables, thresholds, criteria, plant name"
        )
    )

    def open_settings() -> None:
        from hazard_desktop.ui.dialogs.settings_dialog import SettingsDialog  # not at start-up: ~20 ms

        if SettingsDialog.ask(window, context):
            window.refresh()

    action.triggered.connect(open_settings)
    window.menu_for("tools").addAction(action)
    return action


def install_features(window: MainWindow, context: AppContext) -> None:
    """Add every feature's menus and actions to ``window``."""
    window.feature_actions = {}  # type: ignore[attr-defined]
    window.feature_actions["settings"] = install_settings_action(window, context)  # type: ignore[attr-defined]
    window.feature_actions["grading"] = install_grading_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["rectification"] = install_rectification_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["inspections"] = install_inspection_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["sheets"] = install_sheet_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["statistics"] = install_statistics_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["ledger_import"] = install_ledger_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["exchange"] = install_exchange_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["backups"] = install_backup_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["ledger"] = install_ledger_export(window, context)  # type: ignore[attr-defined]
    window.feature_actions["accounts"] = install_account_actions(window, context)  # type: ignore[attr-defined]
    window.feature_actions["audit"] = install_audit_action(window, context)  # type: ignore[attr-defined]

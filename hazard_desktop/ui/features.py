"""Plugs the feature areas into the main window: one line per feature, called by the composition root.

The features that add only menu entries (sheets, ledger import and export, exchange, backups, audit) can be
installed once the register has been painted (``install_features(..., later=window.after_first_paint)``, as
the composition root does): their entries go before File → Quit or at the end of a menu, so the menus come out
as when everything is installed at once (``tests/ui/test_menus_app_wide.py`` compares them), and the role
gates of their actions are applied then. The start does not import their modules (issue 16).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.accounts.actions import install_account_actions
from hazard_desktop.ui.grading_actions import install_grading_actions
from hazard_desktop.ui.inspections.actions import install_inspection_actions
from hazard_desktop.ui.main_window import MainWindow
from hazard_desktop.ui.rectification.actions import install_rectification_actions
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


def install_features(
    window: MainWindow, context: AppContext, *, later: Callable[[Callable[[], None]], None] | None = None
) -> None:
    """Add every feature's menus and actions to ``window``; with ``later``, those that only add menu entries are
    installed by the work given to it (the module docstring)."""
    window.feature_actions = {}  # type: ignore[attr-defined]
    installed = window.feature_actions  # type: ignore[attr-defined]
    installed["settings"] = install_settings_action(window, context)
    installed["grading"] = install_grading_actions(window, context)
    installed["rectification"] = install_rectification_actions(window, context)
    installed["inspections"] = install_inspection_actions(window, context)
    if later is None:
        installed["sheets"] = _install_sheets(window, context)
    installed["statistics"] = install_statistics_actions(window, context)
    if later is None:
        _install_file_menu_features(window, context)
    installed["accounts"] = install_account_actions(window, context)
    if later is None:
        installed["audit"] = _install_audit(window, context)
        return

    def install_menu_features() -> None:
        installed["sheets"] = _install_sheets(window, context)
        _install_file_menu_features(window, context)
        installed["audit"] = _install_audit(window, context)
        installed["accounts"].gate_paths()
        installed["accounts"].refresh()

    later(install_menu_features)


def _install_sheets(window: MainWindow, context: AppContext) -> object:
    from hazard_desktop.ui.sheets.actions import install_sheet_actions

    return install_sheet_actions(window, context)


def _install_file_menu_features(window: MainWindow, context: AppContext) -> None:
    from hazard_desktop.ui.backup_actions import install_backup_actions
    from hazard_desktop.ui.exchange.actions import install_exchange_actions
    from hazard_desktop.ui.ledger.actions import install_ledger_actions
    from hazard_desktop.ui.ledger_export import install_ledger_export

    installed = window.feature_actions  # type: ignore[attr-defined]
    installed["ledger_import"] = install_ledger_actions(window, context)
    installed["exchange"] = install_exchange_actions(window, context)
    installed["backups"] = install_backup_actions(window, context)
    installed["ledger"] = install_ledger_export(window, context)


def _install_audit(window: MainWindow, context: AppContext) -> object:
    from hazard_desktop.ui.audit_actions import install_audit_action

    return install_audit_action(window, context)

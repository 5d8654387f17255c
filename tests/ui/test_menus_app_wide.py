"""Menus a keyboard user relies on: one accelerator letter per entry, and Ctrl+Q from any window."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from hazard_desktop import paths
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import application
from hazard_desktop.ui.features import install_features
from hazard_desktop.ui.main_window import MainWindow


def _window(qtbot, context: AppContext, tmp_path: Path) -> MainWindow:
    window = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install_features(window, context)
    return window


def _letters(menu: QMenu) -> list[str]:
    letters = []
    for action in menu.actions():
        found = re.search(r"&([^&])", action.text().replace("&&", ""))
        if found and action.isVisible():
            letters.append(found.group(1).upper())
    return letters


def _duplicates(window: MainWindow) -> dict[str, list[str]]:
    clashes = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            letters = _letters(menu)
            if len(letters) != len(set(letters)):
                clashes[menu.title()] = letters
    return clashes


def test_no_menu_has_two_entries_with_one_accelerator(qapp, qtbot, context: AppContext, tmp_path: Path) -> None:
    """检查 had 检查记录(&I) and 同一检查发现的隐患(&I): Alt+I only ever reached the first."""
    locale_translators = application.install_translators(qapp, paths.resource_dir(), "zh_CN")
    try:
        chinese = _window(qtbot, context, tmp_path)
        assert _duplicates(chinese) == {}
    finally:
        for translator in locale_translators:
            QCoreApplication.removeTranslator(translator)
        application.install_translators(qapp, Path(), "en")
    assert _duplicates(_window(qtbot, context, tmp_path)) == {}


def test_ctrl_q_quits_from_the_inspection_list_window(qtbot, context: AppContext, tmp_path: Path) -> None:
    window = _window(qtbot, context, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    inspections = window.feature_actions["inspections"]  # type: ignore[attr-defined]
    listing = inspections.show_list()
    qtbot.waitExposed(listing)
    listing.activateWindow()
    qtbot.waitUntil(lambda: QCoreApplication.instance().activeWindow() is listing)  # type: ignore[union-attr]

    qtbot.keyClick(listing.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    assert not window.isVisible() and not listing.isVisible()
    assert isinstance(window.action_quit, QAction)


def _menus(window: MainWindow) -> list[tuple[str, list[str]]]:
    """Every menu and submenu with its entries (text, shortcut, enabled, tooltip), in order."""

    def entries(menu: QMenu) -> list[str]:
        found = []
        for action in menu.actions():
            found.append(f"{action.text()}|{action.shortcut().toString()}|{action.isEnabled()}|{action.toolTip()}")
            if isinstance(action.menu(), QMenu):
                found.extend("  " + entry for entry in entries(action.menu()))
        return found

    return [(a.text(), entries(a.menu())) for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]


def test_the_menu_features_installed_after_the_first_paint_give_the_same_menus(
    qtbot, context: AppContext, tmp_path: Path
) -> None:
    """ui/features.py: the start installs the sheets, ledger, exchange, backup and audit entries once the first rows
    are painted; the menus, their order and the role gates come out as when everything is installed at once."""
    at_once = _window(qtbot, context, tmp_path)
    painted = MainWindow(context, settings=QSettings(str(tmp_path / "ui2.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(painted)
    install_features(painted, context, later=painted.after_first_paint)
    assert "sheets" not in painted.feature_actions  # type: ignore[attr-defined]
    assert _menus(painted) != _menus(at_once)
    painted.show()
    qtbot.waitUntil(lambda: "audit" in painted.feature_actions)  # type: ignore[attr-defined]
    assert _menus(painted) == _menus(at_once)
    assert sorted(painted.account_actions._gated_paths) == sorted(at_once.account_actions._gated_paths)  # type: ignore[attr-defined]
    painted.close()

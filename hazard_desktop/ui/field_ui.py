"""What the field screens (hazard editor, inspection runner) share: the window state file and the least size of a
touch target.

A plant laptop has 1366×768 pixels, often at 150 % scaling: about 911×512 logical pixels, less the
taskbar. A field screen is fitted to it like every other window (``ui.widgets.screen_fit``): it opens at its
preferred size or smaller, scrolls its form and keeps its buttons visible; every button and field is at least
:data:`TOUCH_HEIGHT` pixels high (at 100 %) for gloved hands.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from hazard_desktop.services.context import AppContext

STATE_FILE = "ui-state.ini"  # the main window's state file too (``main_window.SETTINGS_FILE``)
TOUCH_HEIGHT = 40


def ui_state(context: AppContext) -> QSettings:
    """The window state file in the data folder (kept across restarts)."""
    return QSettings(str(context.data_dir / STATE_FILE), QSettings.Format.IniFormat)


def touch_sized(*widgets: QWidget) -> None:
    """Make each widget at least :data:`TOUCH_HEIGHT` high."""
    for widget in widgets:
        widget.setMinimumHeight(max(widget.minimumHeight(), TOUCH_HEIGHT))

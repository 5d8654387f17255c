"""Combo boxes, spin boxes and date edits take the mouse wheel only when they have the focus.

Scrolling a long form (新建隐患) with the wheel must scroll the form, not silently change the 责任部门 the
pointer passes over. Each such field gets ``Qt.StrongFocus`` (so the wheel no longer gives it the focus) and
a filter of its own that ignores a wheel event while the field has not the focus, so Qt passes it on to the
parent (the scroll area). Only these fields' events reach the filter — not every event of the application.

:func:`guard_wheel` walks a window's fields; ``screen_fit`` calls it for every window it fits, when the window
shows and when its layout changes later (a page or rows added), so fields made after the first show are
guarded too. A field guarded once is skipped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit, QTimeEdit, QDoubleSpinBox are spin boxes
_MARK = "hazardWheelGuarded"


class WheelGuard(QObject):
    """The filter installed on each guarded field (one for the whole program)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True  # not handled here, and ignored: Qt offers it to the parent widget
        return False


_guard: WheelGuard | None = None


def _the_guard() -> WheelGuard:
    global _guard
    if _guard is None:
        _guard = WheelGuard(QCoreApplication.instance())  # lives as long as the application
    return _guard


def guard_field(field: QWidget) -> bool:
    """Guard one combo box or spin box (no-op if done already or another kind); True if guarded now."""
    if not isinstance(field, GUARDED) or field.property(_MARK):
        return False
    if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    field.installEventFilter(_the_guard())
    field.setProperty(_MARK, True)
    return True


def guard_wheel(root: QWidget) -> int:
    """Guard ``root`` and every combo box and spin box inside it; returns how many were guarded now."""
    count = int(guard_field(root))
    for field in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
        count += guard_field(field)
    return count

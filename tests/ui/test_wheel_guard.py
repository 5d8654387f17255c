"""The mouse wheel over a drop-down, spin box or date edit scrolls the form unless that field has the focus
(a safety officer scrolling 新建隐患 must not silently change 责任部门)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDateTimeEdit, QWidget

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog


def wheel(widget: QWidget, steps: int = -1) -> None:
    """The mouse wheel turned over ``widget`` (``steps`` < 0: scroll down), as the window system sends it
    (a spontaneous event: Qt passes an ignored one on to the parent widgets)."""
    window = widget.window()
    position = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(position), QPoint(0, 120 * steps))


def test_the_wheel_scrolls_the_form_not_the_department(qtbot, context: AppContext, monkeypatch) -> None:
    monkeypatch.setattr(messages, "choose", lambda *_a, **_k: None)  # closing the touched form: no question
    dialog = HazardEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.setMinimumHeight(0)
    dialog.resize(dialog.width(), 300)  # a small screen: the form scrolls
    department = dialog.findChild(QComboBox, "department")
    department.setCurrentIndex(1)
    bar = dialog.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert department.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel no longer gives it the focus
    assert not department.hasFocus()
    dialog.scroll.ensureWidgetVisible(department)
    start = bar.value()
    assert start < bar.maximum()
    wheel(department)
    qtbot.waitUntil(lambda: bar.value() > start)  # the form scrolled
    assert department.currentIndex() == 1  # and the department did not change
    found_at = dialog.findChild(QDateTimeEdit)
    assert found_at is not None
    before = found_at.dateTime()
    wheel(found_at)
    assert found_at.dateTime() == before
    # A field the user clicked into (it has the focus) still takes the wheel, as everywhere in Qt.
    department.setFocus()
    qtbot.waitUntil(department.hasFocus)
    wheel(department, 1)
    assert department.currentIndex() == 0
    dialog.grab().save("/tmp/fx3_wheel.png")


def test_the_guard_is_on_the_fields_not_on_the_application(qtbot, context: AppContext, monkeypatch) -> None:
    """Each field carries its own filter (put there when its window shows or its layout changes): a field
    outside the program's windows is left as Qt makes it, so no application-wide filter sees every event."""
    monkeypatch.setattr(messages, "choose", lambda *_a, **_k: None)
    loose = QComboBox()
    qtbot.addWidget(loose)
    loose.show()
    assert loose.focusPolicy() == Qt.FocusPolicy.WheelFocus  # nothing app-wide touched it

    dialog = HazardEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = dialog.findChildren(QComboBox) + dialog.findChildren(QAbstractSpinBox)
    assert fields and all(f.focusPolicy() != Qt.FocusPolicy.WheelFocus for f in fields)

    # A field added after the window showed (a page, a row of fields) is guarded once the layout takes it.
    later = QComboBox()
    later.addItems(["一", "二"])
    dialog.layout().addWidget(later)
    qtbot.waitUntil(lambda: later.focusPolicy() == Qt.FocusPolicy.StrongFocus)
    qtbot.waitUntil(lambda: later.isVisible())
    wheel(later)
    assert later.currentIndex() == 0

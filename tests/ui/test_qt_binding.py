"""Regression guard for the PySide6 pin (6.12.0 on Python 3.11 drops a reference to None per void call)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    for n in range(50):
        label.setText(str(n))
    before = sys.getrefcount(None)
    for n in range(500):
        label.setText(str(n))
        label.update()
    assert sys.getrefcount(None) >= before - 10

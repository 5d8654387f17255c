"""Hooks and constants the benchmark figures rely on (benchmarks/register.py; no timing here)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import main_window as mw
from hazard_desktop.ui.models.register_model import RegisterModel
from tests.ui.conftest import Sample


def _show(qtbot, context: AppContext) -> mw.MainWindow:
    window = mw.MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_reports_the_first_painted_rows_once_and_quits(qtbot, context: AppContext, sample: Sample, monkeypatch, capsys):
    quits: list[int] = []
    monkeypatch.setenv(mw.BENCH_EXIT_AFTER_PAINT, "1")
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(1))
    window = _show(qtbot, context)
    qtbot.waitUntil(lambda: bool(quits), timeout=5000)
    window.view.viewport().repaint()
    qtbot.wait(50)
    assert quits == [1]
    assert re.fullmatch(r"first-paint \d+\.\d{6}\n", capsys.readouterr().out)


def test_silent_without_the_variable(qtbot, context: AppContext, sample: Sample, monkeypatch, capsys):
    monkeypatch.delenv(mw.BENCH_EXIT_AFTER_PAINT, raising=False)
    window = _show(qtbot, context)
    window.view.viewport().repaint()
    qtbot.wait(50)
    assert "first-paint" not in capsys.readouterr().out


def test_cells_are_enabled_selectable_leaves(context: AppContext, sample: Sample):
    model = RegisterModel(context.register)
    expected = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    assert model.flags(model.index(0, 0)) == expected  # QAbstractTableModel's own: no Python call per cell
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert "flags" not in RegisterModel.__dict__


def test_work_after_the_first_paint_waits_for_it_then_runs_once(qtbot, context: AppContext, sample: Sample):
    """Start-up work the first rows do not need (the day's backup check) begins once they are painted."""
    done: list[str] = []
    window = mw.MainWindow(context)
    qtbot.addWidget(window)
    window.after_first_paint(lambda: done.append("backup check"))
    assert done == []  # not while the window is being built
    window.show()
    qtbot.waitUntil(lambda: done == ["backup check"], timeout=5000)
    window.view.viewport().repaint()
    qtbot.wait(20)
    assert done == ["backup check"]  # a later paint does not run it again
    window.after_first_paint(lambda: done.append("late"))
    assert done == ["backup check", "late"]  # asked after the first paint: at once

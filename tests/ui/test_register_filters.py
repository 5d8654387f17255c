"""The filter bar: the grading filters (danger bands, method, dispute) next to the older ones."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.lec import ThresholdSet
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.ui import labels
from hazard_desktop.ui.labels import BandLabel
from hazard_desktop.ui.register_filters import BandChooser, RegisterFilterBar


@pytest.fixture
def sets(context: AppContext) -> list[ThresholdSet]:
    with context.uow() as uow:
        return uow.lec.threshold_sets()


@pytest.fixture
def bar(qtbot, context: AppContext, sets: list[ThresholdSet]) -> RegisterFilterBar:
    with context.uow() as uow:
        categories, departments = uow.reference.categories(), uow.reference.departments()
    widget = RegisterFilterBar(categories, departments, None, labels.band_labels(sets))
    qtbot.addWidget(widget)
    return widget


def emitted(qtbot, bar: RegisterFilterBar, change) -> RegisterFilter:
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        change()
    return blocker.args[0]


def test_bands_come_from_the_threshold_sets_most_dangerous_first(bar: RegisterFilterBar) -> None:
    actions = bar.bands.actions_by_code()
    assert list(actions) == ["extreme", "high", "significant", "general", "slight"]
    assert [a.text() for a in actions.values()] == [
        "Extremely dangerous",
        "Highly dangerous",
        "Significantly dangerous",
        "Generally dangerous",
        "Slightly dangerous",
    ]
    assert all(a.isCheckable() for a in actions.values())
    assert bar.bands.text() == "All bands"


def test_ticking_bands_filters_at_once(qtbot, bar: RegisterFilterBar) -> None:
    actions = bar.bands.actions_by_code()
    flt = emitted(qtbot, bar, actions["extreme"].trigger)
    assert flt == RegisterFilter(band_codes=frozenset({"extreme"}))
    assert bar.bands.text() == "Extremely dangerous"
    flt = emitted(qtbot, bar, actions["high"].trigger)
    assert flt.band_codes == {"extreme", "high"}
    assert bar.bands.text() == "Extremely dangerous, Highly dangerous"
    flt = emitted(qtbot, bar, actions["significant"].trigger)
    assert bar.bands.text() == "3 bands"
    flt = emitted(qtbot, bar, bar.bands.clear)
    assert flt.band_codes == frozenset() and bar.bands.text() == "All bands"


def test_method_and_dispute_choices(qtbot, bar: RegisterFilterBar) -> None:
    assert [bar.method.itemText(i) for i in range(bar.method.count())] == [
        "All methods",
        "Major-hazard criteria",
        "LEC panel",
        "Panel decision",
    ]
    flt = emitted(qtbot, bar, lambda: bar.method.setCurrentIndex(bar.method.findData("panel_decision")))
    assert flt.methods == {"panel_decision"}
    assert [bar.dispute.itemText(i) for i in range(bar.dispute.count())] == [
        "Disputed or not",
        "Disputed",
        "Never disputed",
    ]
    flt = emitted(qtbot, bar, lambda: bar.dispute.setCurrentIndex(bar.dispute.findData("disputed")))
    assert flt.disputed is True and flt.methods == {"panel_decision"}
    flt = emitted(qtbot, bar, lambda: bar.dispute.setCurrentIndex(bar.dispute.findData("not_disputed")))
    assert flt.disputed is False
    flt = emitted(qtbot, bar, lambda: bar.dispute.setCurrentIndex(0))
    assert flt.disputed is None


def test_clear_resets_everything_with_one_signal(qtbot, bar: RegisterFilterBar) -> None:
    bar.bands.actions_by_code()["high"].trigger()
    bar.method.setCurrentIndex(2)
    bar.dispute.setCurrentIndex(1)
    bar.status.setCurrentIndex(bar.status.findData(HazardStatus.GRADED.value))
    bar.grade.setCurrentIndex(bar.grade.findData(HazardGrade.GENERAL.value))
    signals: list[RegisterFilter] = []
    bar.filter_changed.connect(signals.append)
    bar.clear()
    assert signals == [RegisterFilter()]
    assert bar.bands.selected() == frozenset() and bar.method.currentIndex() == 0 and bar.dispute.currentIndex() == 0
    assert not bar.is_filtering()


def test_new_threshold_sets_keep_the_ticks_of_codes_that_remain(qtbot, bar: RegisterFilterBar) -> None:
    bar.bands.actions_by_code()["high"].trigger()
    bar.bands.actions_by_code()["slight"].trigger()
    bands = {
        "high": BandLabel("high", 1, "高", "#F57C00", ""),
        "low": BandLabel("low", 2, "低", "#7CB342", ""),
    }
    signals: list[object] = []
    bar.filter_changed.connect(signals.append)
    bar.set_bands(bands)
    assert signals == []  # the window applies the filter after reloading everything
    assert list(bar.bands.actions_by_code()) == ["high", "low"]
    assert bar.bands.selected() == frozenset({"high"})
    assert bar.current_filter().band_codes == {"high"}


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen popup menus
def test_the_band_menu_stays_open_while_ticking(qtbot, bar: RegisterFilterBar) -> None:
    bar.show()
    qtbot.waitExposed(bar)
    menu = bar.bands.menu()
    assert isinstance(menu, QMenu)
    menu.popup(bar.bands.mapToGlobal(QPoint(0, bar.bands.height())))
    qtbot.waitExposed(menu)
    assert all(not a.icon().isNull() for a in bar.bands.actions_by_code().values())  # drawn on first opening
    action = bar.bands.actions_by_code()["general"]
    with qtbot.waitSignal(bar.filter_changed):
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert action.isChecked() and menu.isVisible()
    menu.close()


def test_band_chooser_alone(qtbot) -> None:
    chooser = BandChooser()
    qtbot.addWidget(chooser)
    assert chooser.selected() == frozenset() and chooser.text() == "All bands"
    chooser.set_bands({"a": BandLabel("a", 1, "甲", "#D32F2F", "停止作业")})
    with qtbot.waitSignal(chooser.changed):
        chooser.set_selected({"a"})
    with qtbot.assertNotEmitted(chooser.changed):
        chooser.set_selected({"a"})
    assert chooser.text() == "甲"


def test_both_rows_hold_their_widgets(qtbot, bar: RegisterFilterBar) -> None:
    bar.resize(760, 80)
    bar.show()
    qtbot.waitExposed(bar)
    row1 = {bar.search, bar.status, bar.grade, bar.category, bar.department, bar.deadline}
    row2 = {bar.bands, bar.method, bar.dispute, bar.date_group, bar.clear_button}
    top1 = {w.geometry().center().y() for w in row1}
    top2 = {w.geometry().center().y() for w in row2}
    assert max(top1) < min(top2)
    assert all(w.geometry().right() <= bar.width() for w in row1 | row2)
    assert bar.minimumSizeHint().width() <= 760


def test_the_status_choice_exchange_conflict_filters_marked_hazards(qtbot, bar: RegisterFilterBar) -> None:
    flt = emitted(qtbot, bar, lambda: bar.status.setCurrentIndex(bar.status.findData("conflicted")))
    assert flt.conflicted is True and flt.statuses == frozenset()
    assert bar.status.currentText() == "Exchange conflict"
    flt = emitted(qtbot, bar, bar.clear)
    assert flt.conflicted is None
    bar.show_filter(RegisterFilter(conflicted=True))
    assert bar.status.currentData() == "conflicted"

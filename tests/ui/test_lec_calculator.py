"""LEC calculator dialog on a real database: live D, band, action, threshold set and edge rule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from hazard_desktop.app import close_context
from hazard_desktop.domain.lec import EdgeRule, Factor
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.lec_calculator import LecCalculatorDialog
from hazard_desktop.ui.widgets.bands_table import BandCodeRole
from tests.factories import make_context


@pytest.fixture
def context(tmp_path) -> Iterator[AppContext]:
    ctx = make_context(tmp_path / "data")
    yield ctx
    close_context(ctx)


@pytest.fixture
def dialog(qtbot, context) -> LecCalculatorDialog:
    dlg = LecCalculatorDialog(context, on=date(2026, 3, 5))
    qtbot.addWidget(dlg)
    return dlg


def test_lists_show_value_and_meaning_from_the_database_largest_first(dialog):
    likelihood = dialog.entry.combos[Factor.L]
    assert likelihood.count() == 7
    assert likelihood.itemText(0) == "10 — Fully expected; can certainly be foreseen"
    assert likelihood.itemText(6) == "0.1 — Practically impossible"
    assert dialog.entry.combos[Factor.E].count() == 6
    assert dialog.entry.combos[Factor.C].itemText(0).startswith("100 — Catastrophe")
    assert dialog.result_value is None
    assert dialog.d_label.text() == "D = —"


def test_meanings_follow_the_ui_language(qtbot, context):
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        dlg = LecCalculatorDialog(context)
        qtbot.addWidget(dlg)
        assert dlg.entry.combos[Factor.L].itemText(1) == "6 — 相当可能"
        dlg.set_values("6", "6", "7")
        assert dlg.band.text() == "高度危险"
        assert dlg.action.text() == "要立即整改"
    finally:
        QLocale.setDefault(previous)


def test_live_d_band_colour_and_action(dialog):
    assert dialog.set_values("6", "6", "7")
    result = dialog.result_value
    assert result is not None
    assert result.d == Decimal("252")
    assert dialog.d_label.text() == "D = 6 × 6 × 7 = 252"
    assert result.band.code == "high"
    assert dialog.band.text() == "Highly dangerous"
    assert dialog.band.colour == "#F57C00"
    assert "#F57C00" in dialog.band.styleSheet()
    assert dialog.action.text() == "Rectify immediately"
    assert (
        dialog.bands_model.data(dialog.bands_model.index(dialog.bands_model.current_row(), 0), BandCodeRole) == "high"
    )
    # exact decimals: 0.1 × 3 × 100 is 30, not 30.000000000000004
    dialog.set_values("0.1", "3", "100")
    assert dialog.d_label.text() == "D = 0.1 × 3 × 100 = 30"
    assert dialog.result_value.band.code == "general"
    # incomplete again: no result
    dialog.entry.set_value(Factor.C, None)
    assert dialog.result_value is None
    assert dialog.band.band is None


def test_values_off_the_scale_are_not_chosen(dialog):
    assert not dialog.set_values("5", "6", "7")
    assert dialog.entry.value(Factor.L) is None
    assert dialog.result_value is None


def test_threshold_set_in_force_today_by_default_and_another_can_be_chosen(qtbot, context):
    with context.uow() as uow:
        standard = uow.lec.threshold_sets()[0]
    reference_admin.new_threshold_set(
        context.uow(), "2027 lower-inclusive", date(2027, 1, 1), EdgeRule.LOWER_INCLUSIVE, standard.bands
    )
    dlg = LecCalculatorDialog(context, on=date(2026, 3, 5))
    qtbot.addWidget(dlg)
    assert dlg.threshold_set.count() == 2
    assert dlg.chosen_threshold_set().id == standard.id
    assert "(in force today)" in dlg.threshold_set.currentText()
    assert dlg.edge_rule.text() == "upper limit belongs to the band (lower < D ≤ upper)"
    # D = 20 lies on the limit between 稍有危险 and 一般危险
    dlg.set_values("10", "2", "1")
    assert dlg.result_value.d == 20
    assert dlg.result_value.band.code == "slight"
    assert dlg.result_value.edge_rule is EdgeRule.UPPER_INCLUSIVE
    later = next(s for s in dlg._setup.threshold_sets if s.id != standard.id)
    assert dlg.set_threshold_set(later.id)
    assert dlg.edge_rule.text() == "lower limit belongs to the band (lower ≤ D < upper)"
    assert dlg.result_value.band.code == "general"
    assert dlg.result_value.threshold_set_name == "2027 lower-inclusive"
    assert dlg.band.text() == "Generally dangerous"
    # on a day the later set is in force, it is the default
    dlg2 = LecCalculatorDialog(context, on=date(2027, 6, 1))
    qtbot.addWidget(dlg2)
    assert dlg2.chosen_threshold_set().id == later.id


def test_bands_table_model(qtmodeltester, dialog):
    model = dialog.bands_model
    assert model.rowCount() == 5
    assert model.data(model.index(0, 1)) == "D > 320"
    assert model.data(model.index(1, 1)) == "160 < D ≤ 320"
    assert model.data(model.index(4, 1)) == "D ≤ 20"
    dialog.set_values("6", "6", "7")
    qtmodeltester.check(model)


def test_ask_returns_the_last_result(qtbot, context, monkeypatch):
    def fake_exec(self):
        self.set_values("3", "6", "15")
        return 1

    monkeypatch.setattr(LecCalculatorDialog, "exec", fake_exec)
    result = LecCalculatorDialog.ask(None, context)
    assert result is not None
    assert result.d == Decimal("270")
    assert result.band.code == "high"

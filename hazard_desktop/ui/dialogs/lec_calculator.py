"""LEC calculator (作业条件危险性评价法 D = L × E × C): live D, band, colour and required action.

L, E and C are chosen from the database's scales (tables D.1–D.3, meanings in the UI language); D is
read against a threshold set (table D.4): the set in force today unless another is chosen. Nothing is
stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.lec import LecScales, ThresholdSet, threshold_set_in_force
from hazard_desktop.services import calculator, reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.widgets import screen_fit
from hazard_desktop.ui.widgets.band_swatch import BandSwatch
from hazard_desktop.ui.widgets.bands_table import BandsModel, make_bands_view
from hazard_desktop.ui.widgets.hidden_scoring import arg
from hazard_desktop.ui.widgets.lec_format import (
    band_action,
    edge_rule_text,
    number,
    threshold_set_text,
    today,
)
from hazard_desktop.ui.widgets.score_entry import ScoreEntry


@dataclass(frozen=True, slots=True)
class LecSetup:
    """What the calculator reads: the scales (D.1–D.3) and every threshold set (D.4)."""

    scales: LecScales
    threshold_sets: tuple[ThresholdSet, ...]


def load_lec_setup(context: AppContext) -> LecSetup:
    """Read the scales and threshold sets in one unit of work."""
    scales, threshold_sets = reference_queries.lec_tables(context.uow())
    return LecSetup(scales=LecScales(tuple(scales)), threshold_sets=tuple(threshold_sets))


def in_force_id(sets: Sequence[ThresholdSet], on: date) -> uuid.UUID | None:
    """Id of the set in force on ``on``, or None."""
    try:
        return threshold_set_in_force(sets, on).id
    except DomainError:
        return None


def fill_threshold_combo(combo: QComboBox, sets: Sequence[ThresholdSet], on: date) -> None:
    """Newest first; the set in force on ``on`` is marked and chosen."""
    current = in_force_id(sets, on)
    combo.blockSignals(True)
    combo.clear()
    for threshold_set in sorted(sets, key=lambda s: (s.effective_from, s.created_at), reverse=True):
        combo.addItem(threshold_set_text(threshold_set, threshold_set.id == current), str(threshold_set.id))
    if current is not None:
        combo.setCurrentIndex(combo.findData(str(current)))
    combo.blockSignals(False)


class LecCalculatorDialog(QDialog):
    """The calculator. Use :meth:`ask`; tests set values with :meth:`set_values` and read :attr:`result_value`."""

    def __init__(
        self,
        context: AppContext | None,
        parent: QWidget | None = None,
        *,
        setup: LecSetup | None = None,
        on: date | None = None,
    ) -> None:
        super().__init__(parent)
        if setup is None:
            if context is None:
                raise ValueError("context or setup is needed")
            setup = load_lec_setup(context)
        self._setup = setup
        self._on = on or today()
        self._result: calculator.CalcResult | None = None
        self.setObjectName("lecCalculator")
        self.setWindowTitle(self.tr("LEC calculator"))
        self.setMinimumWidth(640)
        screen_fit.fit_on_show(self, remember="lecCalculator")

        intro = QLabel(
            self.tr(
                "Working-condition risk evaluation: D = L × E × C. Choose the three values; the danger band "
                "and the required action follow from the threshold set."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.entry = ScoreEntry(self, setup.scales)
        self.entry.changed.connect(self._recalculate)
        scores_box = QGroupBox(self.tr("Scores"), self)
        QVBoxLayout(scores_box).addWidget(self.entry)

        self.threshold_set = QComboBox(self)
        self.threshold_set.setObjectName("thresholdSet")
        fill_threshold_combo(self.threshold_set, setup.threshold_sets, self._on)
        self.threshold_set.currentIndexChanged.connect(self._threshold_changed)
        self.edge_rule = QLabel(self)
        self.edge_rule.setObjectName("edgeRule")
        self.edge_rule.setWordWrap(True)

        self.d_label = QLabel(self)
        self.d_label.setObjectName("dValue")
        big = QFont(self.d_label.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.d_label.setFont(big)
        self.d_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.band = BandSwatch(self, self.tr("choose L, E and C"))
        self.band.setObjectName("band")
        self.action = QLabel(self)
        self.action.setObjectName("action")
        self.action.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b71c1c;")
        self.error_label.hide()

        d_row = QHBoxLayout()
        d_row.addWidget(self.d_label)
        d_row.addSpacing(12)
        d_row.addWidget(self.band)
        d_row.addStretch(1)
        result_box = QGroupBox(self.tr("Result"), self)
        result_form = QFormLayout(result_box)
        result_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        result_form.addRow(self.tr("Hazard value D:"), d_row)
        result_form.addRow(self.tr("Required action:"), self.action)
        result_form.addRow(self.tr("Threshold set:"), self.threshold_set)
        result_form.addRow(self.tr("Edge rule:"), self.edge_rule)
        result_form.addRow(self.error_label)

        self.bands_model = BandsModel(self)
        self.bands_view = make_bands_view(self, self.bands_model)
        self.bands_view.setObjectName("bandsTable")
        bands_box = QGroupBox(self.tr("Danger bands of the chosen threshold set (table D.4)"), self)
        QVBoxLayout(bands_box).addWidget(self.bands_view)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.rejected.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scores_box)
        layout.addWidget(result_box)
        layout.addWidget(bands_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._threshold_changed()

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext) -> calculator.CalcResult | None:
        """Run the calculator modally; return the last complete result (None if L, E, C were not all chosen)."""
        dialog = cls(context, parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    # ---- state
    @property
    def result_value(self) -> calculator.CalcResult | None:
        """D, band and the threshold set used, once L, E and C are chosen."""
        return self._result

    def chosen_threshold_set(self) -> ThresholdSet | None:
        data = self.threshold_set.currentData()
        return next((s for s in self._setup.threshold_sets if str(s.id) == data), None)

    def set_values(self, likelihood: object, exposure: object, consequence: object) -> bool:
        """Choose L, E and C (False if a value is not on its scale)."""
        return self.entry.set_values(likelihood, exposure, consequence)

    def set_threshold_set(self, set_id: uuid.UUID) -> bool:
        """Choose the threshold set with ``set_id``."""
        row = self.threshold_set.findData(str(set_id))
        if row < 0:
            return False
        self.threshold_set.setCurrentIndex(row)
        return True

    # ---- display
    def _threshold_changed(self) -> None:
        chosen = self.chosen_threshold_set()
        self.bands_model.set_threshold_set(chosen)
        self.edge_rule.setText("" if chosen is None else edge_rule_text(chosen.edge_rule))
        self._recalculate()

    def _recalculate(self) -> None:
        chosen = self.chosen_threshold_set()
        likelihood, exposure, consequence = self.entry.values()
        self.error_label.hide()
        self._result = None
        if chosen is None:
            self.error_label.setText(self.tr("No threshold set is stored. Add one in the settings."))
            self.error_label.show()
        elif likelihood is not None and exposure is not None and consequence is not None:
            try:
                self._result = calculator.single(self._setup.scales, chosen, likelihood, exposure, consequence)
            except DomainError as exc:
                self.error_label.setText(messages.error_text(exc, "grading"))
                self.error_label.show()
        result = self._result
        if result is None:
            self.d_label.setText("D = —")
            self.band.clear_band()
            self.action.setText("")
            self.bands_model.set_current(None)
            return
        self.d_label.setText(
            arg(
                "D = %1 × %2 × %3 = %4",
                number(result.likelihood),
                number(result.exposure),
                number(result.consequence),
                number(result.d),
            )
        )
        self.band.set_band(result.band)
        self.action.setText(band_action(result.band))
        self.bands_model.set_current(result.band.code)

    def d_text(self) -> str:
        return self.d_label.text()

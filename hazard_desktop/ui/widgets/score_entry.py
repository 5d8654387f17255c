"""Choose L, E and C from the scales of tables D.1–D.3 (value and meaning in the UI language)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QSizePolicy, QWidget

from hazard_desktop.domain.lec import Factor, LecScales, lec_score
from hazard_desktop.ui.widgets.lec_format import number, scale_item_text

FACTOR_ORDER = (Factor.L, Factor.E, Factor.C)


class ScoreEntry(QWidget):
    """Three lists (L, E, C), largest value first. Empty (nothing chosen) until the user chooses.

    ``changed`` fires whenever a choice changes. Values are exact Decimals from the scales.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, scales: LecScales | None = None) -> None:
        super().__init__(parent)
        self._scales = LecScales(())
        self.combos: dict[Factor, QComboBox] = {}
        names = {Factor.L: "likelihood", Factor.E: "exposure", Factor.C: "consequence"}
        captions = {
            Factor.L: self.tr("L — likelihood of an accident:"),
            Factor.E: self.tr("E — frequency of exposure:"),
            Factor.C: self.tr("C — consequence:"),
        }
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for factor in FACTOR_ORDER:
            combo = QComboBox(self)
            combo.setObjectName(names[factor])
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setPlaceholderText(self.tr("— choose —"))
            combo.currentIndexChanged.connect(self.changed)
            self.combos[factor] = combo
            layout.addRow(captions[factor], combo)
        if scales is not None:
            self.set_scales(scales)

    def set_scales(self, scales: LecScales) -> None:
        """Fill the lists from ``scales``; clears the choice."""
        self._scales = scales
        for factor, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            for value in scales.of(factor):
                combo.addItem(scale_item_text(value), number(value.value))
            combo.setCurrentIndex(-1)
            combo.blockSignals(False)
        self.changed.emit()

    def value(self, factor: Factor) -> Decimal | None:
        """The chosen value of ``factor`` or None."""
        data = self.combos[factor].currentData()
        return None if data is None else Decimal(str(data))

    def values(self) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        """(L, E, C); None where nothing is chosen."""
        return (self.value(Factor.L), self.value(Factor.E), self.value(Factor.C))

    def is_complete(self) -> bool:
        """True when L, E and C are all chosen."""
        return all(v is not None for v in self.values())

    def d(self) -> Decimal | None:
        """D = L × E × C, exact, or None while incomplete."""
        likelihood, exposure, consequence = self.values()
        if likelihood is None or exposure is None or consequence is None:
            return None
        return lec_score(likelihood, exposure, consequence)

    def set_value(self, factor: Factor, value: object | None) -> bool:
        """Choose ``value`` (text, int or Decimal) for ``factor``; None clears. False if it is not on the scale."""
        combo = self.combos[factor]
        if value is None:
            combo.setCurrentIndex(-1)
            return True
        try:
            wanted = number(Decimal(str(value)))
        except ArithmeticError:
            return False
        for row in range(combo.count()):
            if Decimal(str(combo.itemData(row))) == Decimal(wanted):
                combo.setCurrentIndex(row)
                return True
        return False

    def set_values(self, likelihood: object | None, exposure: object | None, consequence: object | None) -> bool:
        """Choose all three; False if any is not on its scale."""
        results = [
            self.set_value(Factor.L, likelihood),
            self.set_value(Factor.E, exposure),
            self.set_value(Factor.C, consequence),
        ]
        return all(results)

    def clear(self) -> None:
        """Nothing chosen."""
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(-1)
            combo.blockSignals(False)
        self.changed.emit()

"""What a panel's scores come to: every member's L, E, C, D and band, ΣD, the exact mean and its band."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.grading import MemberScore, PanelOutcome
from hazard_desktop.domain.lec import Band, ThresholdSet, format_decimal
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.labels import current_language
from hazard_desktop.ui.models.rows import RowsTableModel
from hazard_desktop.ui.widgets.band_swatch import BandSwatch
from hazard_desktop.ui.widgets.bands_table import fit_height
from hazard_desktop.ui.widgets.hidden_scoring import arg, role_text
from hazard_desktop.ui.widgets.lec_format import band_action, band_name, edge_rule_text, number, text_colour_on

CONTEXT = "PanelResultModel"

COL_MEMBER, COL_DEPARTMENT, COL_ROLE, COL_L, COL_E, COL_C, COL_D, COL_BAND = range(8)
COLUMN_COUNT = 8
HEADERS = (
    QT_TRANSLATE_NOOP("PanelResultModel", "Member"),
    QT_TRANSLATE_NOOP("PanelResultModel", "Department"),
    QT_TRANSLATE_NOOP("PanelResultModel", "Seat"),
    "L",
    "E",
    "C",
    "D",
    QT_TRANSLATE_NOOP("PanelResultModel", "Band of own D"),
)
NUMERIC_COLUMNS = frozenset({COL_L, COL_E, COL_C, COL_D})

DisplayRole = int(Qt.ItemDataRole.DisplayRole)
BackgroundRole = int(Qt.ItemDataRole.BackgroundRole)
ForegroundRole = int(Qt.ItemDataRole.ForegroundRole)
TextAlignmentRole = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class _Row:
    texts: tuple[str, ...]
    colour: str | None


def list_separator() -> str:
    """``、`` in Chinese, ``, `` in English."""
    return "、" if current_language() == "zh" else ", "


class PanelResultModel(RowsTableModel):
    """One row per member; the band cell is painted in the band's colour."""

    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DisplayRole:
            return row.texts[column]
        if role == TextAlignmentRole and column in NUMERIC_COLUMNS:
            return _RIGHT
        if column == COL_BAND and row.colour:
            if role == BackgroundRole:
                return QBrush(QColor(row.colour))
            if role == ForegroundRole:
                return QBrush(QColor(text_colour_on(row.colour)))
        return None

    def set_scores(
        self,
        scores: Sequence[MemberScore],
        bands: Sequence[Band | None],
        numbers: Mapping[uuid.UUID, str] | None = None,
    ) -> None:
        """Show ``scores``; ``bands[i]`` is the band of member i's own D (None if unknown); a member in
        ``numbers`` (a namesake in their department) is named with the 工号."""
        numbers = numbers or {}
        self.beginResetModel()
        self._rows = []
        for score, band in zip(scores, bands, strict=True):
            self._rows.append(
                _Row(
                    texts=(
                        numbered_name(score.person_name, numbers.get(score.person_id)),
                        score.department_name,
                        role_text(score.role),
                        number(score.likelihood),
                        number(score.exposure),
                        number(score.consequence),
                        number(score.d),
                        "" if band is None else band_name(band),
                    ),
                    colour=None if band is None else band.colour,
                )
            )
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()


class PanelResults(QWidget):
    """The result table plus ΣD, n, the mean (exact, shown with 2 decimals), the band and the action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outcome: PanelOutcome | None = None
        self.model = PanelResultModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("panelResultTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DEPARTMENT, QHeaderView.ResizeMode.Stretch)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.model.modelReset.connect(lambda: fit_height(self.view))
        self.sum_label = QLabel(self)
        self.sum_label.setObjectName("sumD")
        self.mean_label = QLabel(self)
        self.mean_label.setObjectName("meanD")
        big = self.mean_label.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.mean_label.setFont(big)
        self.band = BandSwatch(self)
        self.band.setObjectName("meanBand")
        self.action_label = QLabel(self)
        self.action_label.setObjectName("meanAction")
        self.action_label.setWordWrap(True)
        self.threshold_label = QLabel(self)
        self.threshold_label.setObjectName("thresholdUsed")
        self.threshold_label.setWordWrap(True)
        self.threshold_label.setStyleSheet("color: #546e7a;")
        self.spread_label = QLabel(self)
        self.spread_label.setObjectName("spreadWarning")
        self.spread_label.setWordWrap(True)
        self.spread_label.setStyleSheet(
            "background: #fff8e1; color: #8d6e00; border: 1px solid #ffe082; border-radius: 3px; padding: 6px;"
        )
        self.spread_label.hide()

        mean_row = QHBoxLayout()
        mean_row.addWidget(self.mean_label)
        mean_row.addWidget(self.band)
        mean_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Σ D / members:"), self.sum_label)
        form.addRow(self.tr("Hazard value D = Σ D ÷ n:"), mean_row)
        form.addRow(self.tr("Required action:"), self.action_label)
        form.addRow(self.tr("Threshold set:"), self.threshold_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(form)
        layout.addWidget(self.spread_label)
        layout.addStretch(1)
        fit_height(self.view)

    @property
    def outcome(self) -> PanelOutcome | None:
        return self._outcome

    def set_outcome(
        self,
        outcome: PanelOutcome | None,
        threshold_set: ThresholdSet | None,
        numbers: Mapping[uuid.UUID, str] | None = None,
    ) -> None:
        """Show ``outcome`` (bands looked up in ``threshold_set``); None clears. ``numbers``: the 工号 of
        members with a namesake in their department, shown after the name."""
        self._outcome = outcome
        if outcome is None or threshold_set is None:
            self.model.clear()
            for label in (self.sum_label, self.mean_label, self.action_label, self.threshold_label):
                label.clear()
            self.band.clear_band()
            self.spread_label.hide()
            return
        by_code = {b.code: b for b in threshold_set.bands}
        self.model.set_scores(outcome.scores, [by_code.get(code) for code in outcome.member_band_codes], numbers)
        self.view.resizeColumnsToContents()
        total = sum((s.d for s in outcome.scores), start=outcome.scores[0].d * 0)
        n = len(outcome.scores)
        self.sum_label.setText(f"{format_decimal(total)} / {n}")
        self.mean_label.setText(outcome.mean_text())
        self.band.set_band(outcome.band)
        self.action_label.setText(band_action(outcome.band))
        self.threshold_label.setText(f"{outcome.threshold_set_name} · {edge_rule_text(outcome.edge_rule, short=True)}")
        if outcome.spread_bands:
            bands = sorted({by_code[c] for c in outcome.member_band_codes if c in by_code}, key=lambda b: b.rank)
            names = [band_name(b) for b in bands]
            self.spread_label.setText(
                arg(
                    self.tr(
                        "⚠ The members' own D fall into different bands (%1). Flag this grading for review "
                        "before confirming."
                    ),
                    list_separator().join(names),
                )
            )
            self.spread_label.show()
        else:
            self.spread_label.hide()

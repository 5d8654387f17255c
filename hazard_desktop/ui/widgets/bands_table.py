"""Table D.4 of a threshold set: band, D range under the set's edge rule, action; one band highlighted."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from hazard_desktop.domain.lec import Band, ThresholdSet
from hazard_desktop.ui.models.rows import RowsTableModel
from hazard_desktop.ui.widgets.lec_format import band_action, band_name, band_range, text_colour_on

CONTEXT = "BandsModel"

COL_BAND, COL_RANGE, COL_ACTION = range(3)
COLUMN_COUNT = 3
HEADERS = (
    QT_TRANSLATE_NOOP("BandsModel", "Danger band"),
    QT_TRANSLATE_NOOP("BandsModel", "D range"),
    QT_TRANSLATE_NOOP("BandsModel", "Required action"),
)

DisplayRole = int(Qt.ItemDataRole.DisplayRole)
BackgroundRole = int(Qt.ItemDataRole.BackgroundRole)
ForegroundRole = int(Qt.ItemDataRole.ForegroundRole)
FontRole = int(Qt.ItemDataRole.FontRole)
BandCodeRole = int(Qt.ItemDataRole.UserRole) + 1


class BandsModel(RowsTableModel):
    """The bands of one threshold set, most dangerous first; the current band is bold."""

    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set: ThresholdSet | None = None
        self._bands: list[Band] = []
        self._rows: list[tuple[str, str, str]] = []
        self._current: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        band = self._bands[index.row()]
        if role == DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == BackgroundRole and index.column() == COL_BAND:
            return QBrush(QColor(band.colour))
        if role == ForegroundRole and index.column() == COL_BAND:
            return QBrush(QColor(text_colour_on(band.colour)))
        if role == BackgroundRole and band.code == self._current:
            return QBrush(QColor("#e3f2fd"))
        if role == FontRole and band.code == self._current:
            return self._bold
        if role == BandCodeRole:
            return band.code
        return None

    def set_threshold_set(self, threshold_set: ThresholdSet | None) -> None:
        self.beginResetModel()
        self._set = threshold_set
        self._bands = [] if threshold_set is None else sorted(threshold_set.bands, key=lambda b: b.rank)
        rule = None if threshold_set is None else threshold_set.edge_rule
        self._rows = [
            (band_name(b), band_range(b, rule) if rule is not None else "", band_action(b)) for b in self._bands
        ]
        self._current = None
        self.endResetModel()

    def set_current(self, code: str | None) -> None:
        """Highlight the band with ``code`` (None: none)."""
        if code == self._current:
            return
        self._current = code
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def current_row(self) -> int:
        return next((i for i, b in enumerate(self._bands) if b.code == self._current), -1)


def make_bands_view(parent: QWidget, model: BandsModel) -> QTableView:
    """A compact read-only view of :class:`BandsModel`."""
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setShowGrid(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(COL_BAND, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_RANGE, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 10)
    fit_height(view)
    model.modelReset.connect(lambda: fit_height(view))
    return view


def fit_height(view: QTableView) -> None:
    """Make the view exactly as tall as its header and rows (no empty space, no scroll bar)."""
    model = view.model()
    rows = 0 if model is None else model.rowCount()
    height = view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(height + 2 * view.frameWidth() + 2)

"""The hazard register (隐患台账) as a windowed table model.

With 100,000 hazards (TOOLCHAIN.md §8) the model never holds the register: ``rowCount`` is a SQL
``COUNT``, rows are read on demand in blocks through ``RegisterQueries.page`` and kept in a small LRU;
sorting and filtering happen in SQL (``sort()`` override, ``set_filter()`` → reset). What a cell shows —
text, colour, icon, font, alignment — is worked out once per row when its block is read, so for the
roles a repaint asks ``data()`` only indexes tuples: no allocation, no branch per column. The roles are
plain ints; the block last read is kept at hand, so a repaint does not touch the LRU per cell.

The grading columns (band, mean D, method, dispute) show what ``hazards`` carries of the grading that
counts; band names and colours come from the stored threshold sets (:meth:`RegisterModel.set_bands`),
mean D has the plant's number of decimals (:meth:`RegisterModel.set_decimals`) and follows the rule of
dialogs and sheets (``domain.lec.approx_text``): "≈" when rounded, more decimals when rounding would land
on or cross a limit of the row's band — worked out per block (and per distinct mean), never while painting.
"""

from __future__ import annotations

import logging
import uuid
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPolygonF

from hazard_desktop.domain.grading_states import DisputeState
from hazard_desktop.domain.hazard_states import HazardGrade, HazardStatus
from hazard_desktop.domain.lec import DISPLAY_PLACES, approx_decimal_text
from hazard_desktop.services.ports import RegisterFilter, RegisterQueries, RegisterRow, SortKey
from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import finder_not_recorded, format_date, format_datetime
from hazard_desktop.ui.labels import BandLabel
from hazard_desktop.ui.widgets.icons import drawn_icon

log = logging.getLogger(__name__)

CONTEXT = "RegisterModel"

(
    COL_NUMBER,
    COL_FOUND_AT,
    COL_DESCRIPTION,
    COL_LOCATION,
    COL_CATEGORY,
    COL_DEPARTMENT,
    COL_FOUND_BY,
    COL_STATUS,
    COL_GRADE,
    COL_BAND,
    COL_MEAN_D,
    COL_METHOD,
    COL_DISPUTE,
    COL_PHOTOS,
    COL_DEADLINE,
    COL_DAYS_LEFT,
    COL_RESPONSIBLE_DEPARTMENT,
    COL_RESPONSIBLE_PERSON,
) = range(18)
COLUMN_COUNT = 18

HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("RegisterModel", "Number"),
    QT_TRANSLATE_NOOP("RegisterModel", "Found at"),
    QT_TRANSLATE_NOOP("RegisterModel", "Description"),
    QT_TRANSLATE_NOOP("RegisterModel", "Location"),
    QT_TRANSLATE_NOOP("RegisterModel", "Category"),
    QT_TRANSLATE_NOOP("RegisterModel", "Department"),
    QT_TRANSLATE_NOOP("RegisterModel", "Found by"),
    QT_TRANSLATE_NOOP("RegisterModel", "Status"),
    QT_TRANSLATE_NOOP("RegisterModel", "Grade"),
    QT_TRANSLATE_NOOP("RegisterModel", "Band"),
    QT_TRANSLATE_NOOP("RegisterModel", "Mean D"),
    QT_TRANSLATE_NOOP("RegisterModel", "Method"),
    QT_TRANSLATE_NOOP("RegisterModel", "Dispute"),
    QT_TRANSLATE_NOOP("RegisterModel", "Photos"),
    QT_TRANSLATE_NOOP("RegisterModel", "Deadline"),
    QT_TRANSLATE_NOOP("RegisterModel", "Days left"),
    QT_TRANSLATE_NOOP("RegisterModel", "Responsible department"),
    QT_TRANSLATE_NOOP("RegisterModel", "Responsible person"),
)

HEADER_TIPS: dict[int, str] = {
    COL_BAND: QT_TRANSLATE_NOOP("RegisterModel", "Danger band of the mean D (table D.4)"),
    COL_MEAN_D: QT_TRANSLATE_NOOP("RegisterModel", "Mean of the panel members' D = L × E × C"),
    COL_METHOD: QT_TRANSLATE_NOOP("RegisterModel", "How the grade that counts was reached"),
    COL_DISPUTE: QT_TRANSLATE_NOOP("RegisterModel", "Whether a department disputed the grading"),
    COL_DEADLINE: QT_TRANSLATE_NOOP("RegisterModel", "Rectification deadline (after approved extensions)"),
    COL_DAYS_LEFT: QT_TRANSLATE_NOOP(
        "RegisterModel", "Days until the deadline while under rectification; negative: overdue"
    ),
}

# Every column sorts in SQL (a column without a key would keep the current order when clicked).
SORT_KEYS: dict[int, SortKey] = {
    COL_NUMBER: SortKey.NUMBER,
    COL_FOUND_AT: SortKey.FOUND_AT,
    COL_DESCRIPTION: SortKey.DESCRIPTION,
    COL_LOCATION: SortKey.LOCATION,
    COL_CATEGORY: SortKey.CATEGORY,
    COL_DEPARTMENT: SortKey.DEPARTMENT,
    COL_FOUND_BY: SortKey.FOUND_BY,
    COL_STATUS: SortKey.STATUS,
    COL_GRADE: SortKey.GRADE,
    COL_BAND: SortKey.BAND,
    COL_MEAN_D: SortKey.MEAN_D,
    COL_METHOD: SortKey.METHOD,
    COL_DISPUTE: SortKey.DISPUTE,
    COL_PHOTOS: SortKey.PHOTOS,
    COL_DEADLINE: SortKey.DEADLINE,
    COL_DAYS_LEFT: SortKey.DEADLINE,  # days left sort as their deadline
    COL_RESPONSIBLE_DEPARTMENT: SortKey.RESPONSIBLE_DEPARTMENT,
    COL_RESPONSIBLE_PERSON: SortKey.RESPONSIBLE_PERSON,
}
COLUMN_OF_SORT_KEY: dict[SortKey, int] = {key: column for column, key in reversed(SORT_KEYS.items())}

# Roles as plain ints: comparing against these is what keeps data() fast.
DisplayRole = int(Qt.ItemDataRole.DisplayRole)
ToolTipRole = int(Qt.ItemDataRole.ToolTipRole)
TextAlignmentRole = int(Qt.ItemDataRole.TextAlignmentRole)
ForegroundRole = int(Qt.ItemDataRole.ForegroundRole)
DecorationRole = int(Qt.ItemDataRole.DecorationRole)
FontRole = int(Qt.ItemDataRole.FontRole)
RowRole = int(Qt.ItemDataRole.UserRole) + 1  # the RegisterRow of the row
SortRole = int(Qt.ItemDataRole.UserRole) + 2  # the raw value the column sorts by
IdRole = int(Qt.ItemDataRole.UserRole) + 3  # the hazard's UUID

# No flags() here: QAbstractTableModel's own gives a cell ItemIsEnabled | ItemIsSelectable |
# ItemNeverHasChildren (and an invalid index none), without a Python call per painted cell.
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# None where the view's own alignment (left, vertically centred) applies: handing Qt an int costs more
# than the rest of a cell's data() (issue 16), and 15 of the 18 columns are left-aligned.
ALIGNMENTS: tuple[int | None, ...] = tuple(
    _ALIGN_CENTER if c == COL_PHOTOS else _ALIGN_RIGHT if c in (COL_MEAN_D, COL_DAYS_LEFT) else None
    for c in range(COLUMN_COUNT)
)
# Text colours as QColor: the view's delegate takes a colour as the text brush, and a QBrush made here would
# load the QBrush and QGradient types (their enums, ~2 ms) before the first rows are shown (issue 16).
_MAJOR_COLOUR = QColor("#c62828")
_CLOSED_COLOUR = QColor("#757575")
_OVERDUE_COLOUR = QColor("#c62828")  # days left below zero (and the deadline they belong to)
_OPEN_DISPUTE = DisputeState.OPEN.value
_DISPUTE_STATES = frozenset(state.value for state in DisputeState)
_DISPUTE_COLOURS = {state.value: QColor(colour) for state, colour in labels.DISPUTE_COLOURS.items()}
SWATCH_SIZE = 12
_DESCRIPTION_MAX = 160  # characters shown in the cell; the tooltip has the rest

DEFAULT_BLOCK_SIZE = 200
DEFAULT_MAX_BLOCKS = 30


def header_text(column: int) -> str:
    """The translated header of ``column``."""
    return QCoreApplication.translate(CONTEXT, HEADERS[column])


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def band_swatch(colour: str, size: int = SWATCH_SIZE) -> QIcon:
    """A small square of a band's colour with a darker edge (the register's band mark)."""
    fill = QColor(colour)

    def draw(painter: QPainter, size: int) -> None:
        painter.setPen(QPen(fill.darker(140), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2)

    return drawn_icon(size, draw)


def dispute_icon(state: DisputeState, size: int = SWATCH_SIZE + 2) -> QIcon:
    """The dispute mark: "!" on orange (open), a tick on purple (ruled), a grey ring (withdrawn)."""
    colour = QColor(labels.DISPUTE_COLOURS[state])

    def draw(painter: QPainter, size: int) -> None:
        circle = QRectF(1, 1, size - 2, size - 2)
        if state is DisputeState.WITHDRAWN:
            painter.setPen(QPen(colour, 1.5))
            painter.drawEllipse(circle)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(circle)
        pen = QPen(QColor("white"), max(1.5, size / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        if state is DisputeState.OPEN:
            x = size / 2
            painter.drawLine(QPointF(x, size * 0.25), QPointF(x, size * 0.58))
            painter.drawPoint(QPointF(x, size * 0.76))
        else:
            points = [(0.28, 0.52), (0.44, 0.68), (0.72, 0.34)]
            painter.drawPolyline(QPolygonF([QPointF(size * x, size * y) for x, y in points]))

    return drawn_icon(size, draw)


CONFLICT_COLOUR = "#C62828"


def conflict_icon(size: int = SWATCH_SIZE + 2) -> QIcon:
    """The exchange conflict mark beside a hazard's number: two opposed arrows on red (two versions)."""
    colour = QColor(CONFLICT_COLOUR)

    def draw(painter: QPainter, size: int) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
        pen = QPen(QColor("white"), max(1.2, size / 10))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        top, bottom = size * 0.36, size * 0.64
        painter.drawLine(QPointF(size * 0.22, top), QPointF(size * 0.78, top))
        painter.drawPolyline(QPolygonF([QPointF(size * 0.6, size * 0.2), QPointF(size * 0.78, top),
                                        QPointF(size * 0.6, size * 0.52)]))  # fmt: skip
        painter.drawLine(QPointF(size * 0.22, bottom), QPointF(size * 0.78, bottom))
        painter.drawPolyline(QPolygonF([QPointF(size * 0.4, size * 0.48), QPointF(size * 0.22, bottom),
                                        QPointF(size * 0.4, size * 0.8)]))  # fmt: skip

    return drawn_icon(size, draw)


def mean_text(value: Decimal | None, places: int = DISPLAY_PLACES, edges: Sequence[Decimal] = ()) -> str:
    """Mean D as dialogs and sheets show it (:func:`~hazard_desktop.domain.lec.approx_text`): exact values
    plain ("67.80"), rounded ones after "≈", with more decimals when rounding would land on or cross one of
    ``edges`` or a whole number ("≈20.005", never "20.00"); empty for None."""
    return "" if value is None else approx_decimal_text(value, places, edges)


_MEAN_TEXTS_MAX = 4096  # distinct (mean D, band) texts remembered

# What data() answers per role for one row, by column (one tuple each; the common ones are shared).
Entry = tuple[
    RegisterRow,  # the row itself
    tuple[str, ...],  # display texts
    str,  # the category tooltip
    tuple[QColor | None, ...],  # foreground
    tuple[QIcon | None, ...],  # decoration
    tuple[QFont | None, ...],  # font
    tuple[int | None, ...],  # alignment (None: the view's left, vertically centred)
]
_ROW, _TEXTS, _CATEGORY, _FOREGROUND, _DECORATION, _FONT, _ALIGNMENT = range(7)
_NOTHING: tuple[None, ...] = (None,) * COLUMN_COUNT
_CLOSED_COLOURS: tuple[QColor | None, ...] = (_CLOSED_COLOUR,) * COLUMN_COUNT
# Roles a repaint asks for every cell, answered from the entry's tuples (the slot in the entry).
_PAINT_SLOTS: dict[int, int] = {
    DisplayRole: _TEXTS,
    ForegroundRole: _FOREGROUND,
    DecorationRole: _DECORATION,
    FontRole: _FONT,
    TextAlignmentRole: _ALIGNMENT,
}
# Roles answered by looking at the row (tooltips, the row, its id, sort values); others give None.
_OTHER_ROLES = frozenset({ToolTipRole, RowRole, IdRole, SortRole})


class RegisterModel(QAbstractTableModel):
    """Windowed, SQL-sorted and SQL-filtered model of the register.

    Args:
        register: the read-side port (``context.register``).
        category_names: code → name of every category and subcategory in the UI language.
        bands: band code → how it is shown (``labels.band_labels`` of the stored threshold sets).
        decimals: decimals shown for mean D (plant setting ``decimals``).
        block_size: rows read per query.
        max_blocks: blocks kept in memory (least recently used are dropped).

    Signals:
        load_failed(object): a block or the count could not be read (the exception).
    """

    load_failed = Signal(object)

    def __init__(
        self,
        register: RegisterQueries,
        category_names: Mapping[str, str] | None = None,
        parent: object | None = None,
        *,
        bands: Mapping[str, BandLabel] | None = None,
        decimals: int = DISPLAY_PLACES,
        block_size: int = DEFAULT_BLOCK_SIZE,
        max_blocks: int = DEFAULT_MAX_BLOCKS,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._category_names: dict[str, str] = dict(category_names or {})
        self._bands: dict[str, BandLabel] = {}
        # Marks are drawn when a row first needs one (each at seven pixel ratios): most registers open on
        # pages without disputes or conflicts, and the start does not wait for them (issue 16).
        self._band_icons: dict[str, QIcon] = {}
        self._dispute_icons: dict[str, QIcon] = {}
        self._conflict_icon: QIcon | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._decimals = decimals
        self._edges: tuple[Decimal, ...] = ()  # every band limit: for a mean D without a band code
        self._mean_texts: dict[tuple[Decimal, str | None], str] = {}  # means repeat: each is worked out once
        self._block_size = block_size
        self._max_blocks = max_blocks
        self._filter = RegisterFilter()
        self._sort_key = SortKey.NUMBER
        self._sort_column = -1  # the column clicked last (two columns may share a key: deadline, days left)
        self._descending = True
        self._blocks: OrderedDict[int, list[Entry]] = OrderedDict()
        self._hot: tuple[int, list[Entry]] = (-1, [])  # the block last used (it is the LRU's newest)
        self._today = date.today()  # plant-local: the system's time zone (ui/formatting.py); see set_today
        self._set_bands(bands or {})
        self._count = self._read_count()
        self.queries = 0  # page queries made (tests and diagnostics)

    # ------------------------------------------------------------------ state

    @property
    def register_filter(self) -> RegisterFilter:
        """The filter in force."""
        return self._filter

    @property
    def sort_key(self) -> SortKey:
        """The SQL sort key in force."""
        return self._sort_key

    @property
    def descending(self) -> bool:
        """True when sorted descending."""
        return self._descending

    @property
    def decimals(self) -> int:
        """Decimals shown for mean D."""
        return self._decimals

    @property
    def bands(self) -> dict[str, BandLabel]:
        """Band code → label, most dangerous first."""
        return dict(self._bands)

    def sort_column(self) -> int:
        """The column the register is sorted by (-1 if the key has no column)."""
        if SORT_KEYS.get(self._sort_column) is self._sort_key:
            return self._sort_column
        return COLUMN_OF_SORT_KEY.get(self._sort_key, -1)

    def sort_order(self) -> Qt.SortOrder:
        """The order in force, as Qt spells it."""
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    @staticmethod
    def is_sortable(column: int) -> bool:
        """True if clicking ``column`` sorts the register."""
        return column in SORT_KEYS

    def cached_blocks(self) -> list[int]:
        """Numbers of the blocks in memory, least recently used first."""
        return list(self._blocks)

    def band_icon(self, code: str | None) -> QIcon | None:
        """The colour swatch of band ``code`` (None for no or an unknown band)."""
        if not code:
            return None
        icon = self._band_icons.get(code)
        if icon is None and code in self._bands:
            icon = self._band_icons[code] = band_swatch(self._bands[code].colour)
        return icon

    def _dispute_icon(self, state: str) -> QIcon | None:
        icon = self._dispute_icons.get(state)
        if icon is None and state in _DISPUTE_STATES:
            icon = self._dispute_icons[state] = dispute_icon(DisputeState(state))
        return icon

    # ------------------------------------------------------------------ changes

    def set_filter(self, flt: RegisterFilter) -> None:
        """Show only what ``flt`` lets through (a model reset; nothing happens if it is unchanged)."""
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._blocks.clear()
        self._hot = (-1, [])
        self._count = self._read_count()
        self.endResetModel()

    def set_category_names(self, names: Mapping[str, str]) -> None:
        """Change the names shown for category codes (e.g. after the reference data changed)."""
        self._category_names = dict(names)
        self.refresh()

    def _set_bands(self, bands: Mapping[str, BandLabel]) -> None:
        self._bands = dict(bands)
        self._band_icons = {}  # drawn again, in the new colours, when next shown
        self._edges = tuple(sorted({edge for band in self._bands.values() for edge in band.edges}))
        self._mean_texts.clear()

    def set_bands(self, bands: Mapping[str, BandLabel]) -> None:
        """Change the band names and colours (after the threshold sets changed); texts are built again."""
        if dict(bands) == self._bands:
            return
        self._set_bands(bands)
        self._rebuild_texts()

    @property
    def today(self) -> date:
        """The plant-local day the days left count from."""
        return self._today

    def set_today(self, today: date) -> None:
        """Count the days left from ``today`` (the window calls it when the date changes; tests fix it)."""
        if today == self._today:
            return
        self._today = today
        self._rebuild_texts()

    def set_decimals(self, decimals: int) -> None:
        """Show mean D with ``decimals`` decimals (the plant setting)."""
        if decimals == self._decimals:
            return
        self._decimals = decimals
        self._mean_texts.clear()
        self._rebuild_texts()

    def _rebuild_texts(self) -> None:
        for number, block in self._blocks.items():
            self._blocks[number] = [self._display(entry[0]) for entry in block]
        self._hot = (-1, [])
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, COLUMN_COUNT - 1))

    def refresh(self) -> None:
        """Drop every cached block and read the count again (after edits, F5)."""
        self.beginResetModel()
        self._blocks.clear()
        self._hot = (-1, [])
        self._count = self._read_count()
        self.endResetModel()

    def set_sort(self, key: SortKey, descending: bool) -> None:
        """Sort by ``key`` in SQL (a model reset)."""
        if key == self._sort_key and descending == self._descending:
            return
        self.beginResetModel()
        self._sort_key = key
        self._descending = descending
        self._blocks.clear()
        self._hot = (-1, [])
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort hook: sort in SQL; columns without a sort key are ignored."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self._sort_column = column
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ reading

    def _read_count(self) -> int:
        try:
            return self._register.count(self._filter)
        except Exception as exc:  # a locked or broken database must not crash the view
            log.exception("register count failed")
            self.load_failed.emit(exc)
            return 0

    def _load(self, number: int) -> list[Entry]:
        try:
            rows = self._register.page(
                self._filter, self._sort_key, self._descending, number * self._block_size, self._block_size
            )
        except Exception as exc:  # shown by the window; the block is retried on the next paint
            log.exception("register page %s failed", number)
            self.load_failed.emit(exc)
            return []
        self.queries += 1
        block = [self._display(row) for row in rows]
        self._blocks[number] = block
        self._hot = (number, block)
        while len(self._blocks) > self._max_blocks:
            self._blocks.popitem(last=False)
        return block

    def _display(self, row: RegisterRow) -> Entry:
        names = self._category_names
        band = self._bands.get(row.band_code) if row.band_code else None
        texts = (
            row.number,
            format_date(row.found_at) if row.found_date_only else format_datetime(row.found_at),
            _one_line(row.description, _DESCRIPTION_MAX),
            row.location,
            names.get(row.category_code, row.category_code),
            row.department_name,
            row.found_by_name or finder_not_recorded(),
            labels.status_label(row.status),
            labels.grade_label(row.grade),
            band.name if band else (row.band_code or ""),
            self._mean(row, band),
            labels.method_label(row.grading_method),
            labels.dispute_label(row.dispute_state),
            str(row.photo_count) if row.photo_count else "",
            format_date(row.deadline),
            self._days_left_text(row),
            row.responsible_department_name or "",
            row.responsible_person_name or "",
        )
        category = texts[COL_CATEGORY]
        if row.subcategory_code:
            category = f"{row.category_code} {category} / {row.subcategory_code} " + names.get(row.subcategory_code, "")
        else:
            category = f"{row.category_code} {category}"
        return row, texts, category, self._foregrounds(row), self._decorations(row), self._fonts(row), ALIGNMENTS

    def days_left(self, row: RegisterRow) -> int | None:
        """Whole plant-local days from today to the deadline while under rectification (negative: overdue)."""
        if row.deadline is None or row.status is not HazardStatus.RECTIFYING:
            return None
        return (row.deadline - self._today).days

    def _days_left_text(self, row: RegisterRow) -> str:
        days = self.days_left(row)
        return "" if days is None else str(days)

    def _mean(self, row: RegisterRow, band: BandLabel | None) -> str:
        """The mean D's text beside its band (worked out when its block is read, never while painting)."""
        if row.mean_d is None:
            return ""
        key = (row.mean_d, row.band_code)
        text = self._mean_texts.get(key)
        if text is None:
            text = mean_text(row.mean_d, self._decimals, band.edges if band is not None else self._edges)
            if len(self._mean_texts) >= _MEAN_TEXTS_MAX:
                self._mean_texts.clear()
            self._mean_texts[key] = text
        return text

    def _foregrounds(self, row: RegisterRow) -> tuple[QColor | None, ...]:
        closed = row.status is HazardStatus.CLOSED
        major = row.grade is HazardGrade.MAJOR
        dispute = _DISPUTE_COLOURS.get(row.dispute_state) if row.dispute_state else None
        days = self.days_left(row)
        overdue = days is not None and days < 0
        if not major and dispute is None and not overdue:
            return _CLOSED_COLOURS if closed else _NOTHING
        brushes = list(_CLOSED_COLOURS if closed else _NOTHING)
        if major:
            brushes[COL_GRADE] = _MAJOR_COLOUR
        if dispute is not None:
            brushes[COL_DISPUTE] = dispute
        if overdue:  # the number too: on a small screen the deadline columns are the first to fold away
            brushes[COL_NUMBER] = brushes[COL_DEADLINE] = brushes[COL_DAYS_LEFT] = _OVERDUE_COLOUR
        return tuple(brushes)

    def _decorations(self, row: RegisterRow) -> tuple[QIcon | None, ...]:
        band = self.band_icon(row.band_code)
        dispute = self._dispute_icon(row.dispute_state) if row.dispute_state else None
        if band is None and dispute is None and not row.exchange_conflict:
            return _NOTHING
        icons: list[QIcon | None] = list(_NOTHING)
        icons[COL_BAND], icons[COL_DISPUTE] = band, dispute
        if row.exchange_conflict:  # beside the number: the one column never hidden
            if self._conflict_icon is None:
                self._conflict_icon = conflict_icon()
            icons[COL_NUMBER] = self._conflict_icon
        return tuple(icons)

    def _fonts(self, row: RegisterRow) -> tuple[QFont | None, ...]:
        days = self.days_left(row)
        overdue = days is not None and days < 0
        if row.dispute_state != _OPEN_DISPUTE and not overdue:
            return _NOTHING
        fonts: list[QFont | None] = list(_NOTHING)
        if row.dispute_state == _OPEN_DISPUTE:
            fonts[COL_DISPUTE] = self._bold
        if overdue:
            fonts[COL_DAYS_LEFT] = self._bold
        return tuple(fonts)

    def _block(self, number: int) -> list[Entry]:
        hot_number, block = self._hot
        if number == hot_number:
            return block  # already the LRU's newest
        found = self._blocks.get(number)
        if found is None:
            return self._load(number)
        self._blocks.move_to_end(number)
        self._hot = (number, found)
        return found

    def _entry(self, row: int) -> Entry | None:
        number, offset = divmod(row, self._block_size)
        block = self._block(number)
        return block[offset] if offset < len(block) else None

    def row_at(self, row: int) -> RegisterRow | None:
        """The RegisterRow shown at ``row`` (read from SQL if needed), or None."""
        if row < 0 or row >= self._count:
            return None
        entry = self._entry(row)
        return entry[0] if entry else None

    def find_row(self, hazard_id: uuid.UUID, *, max_blocks: int = 5) -> int:
        """The row showing ``hazard_id``: cached blocks first, then up to ``max_blocks`` from the top; else -1."""
        for number, block in self._blocks.items():
            for offset, entry in enumerate(block):
                if entry[0].id == hazard_id:
                    return number * self._block_size + offset
        for number in range(max_blocks):
            if number * self._block_size >= self._count:
                break
            if number in self._blocks:
                continue
            for offset, entry in enumerate(self._load(number)):
                if entry[0].id == hazard_id:
                    return number * self._block_size + offset
        return -1

    def position_of(self, hazard_id: uuid.UUID) -> int:
        """The row of ``hazard_id`` under the filter and sort in force, however far down; -1 if hidden.

        Cached blocks are looked at first; otherwise SQL counts the rows that sort before it
        (``RegisterQueries.position``), so no block is read to find it.
        """
        for number, block in self._blocks.items():
            for offset, entry in enumerate(block):
                if entry[0].id == hazard_id:
                    return number * self._block_size + offset
        try:
            position = self._register.position(self._filter, self._sort_key, self._descending, hazard_id)
        except Exception as exc:  # as a failed page: report it, show no row
            log.exception("register position failed")
            self.load_failed.emit(exc)
            return -1
        if position is None or not 0 <= position < self._count:
            return -1
        return position

    # ------------------------------------------------------------------ Qt interface

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DisplayRole) -> object:
        slot = _PAINT_SLOTS.get(role)
        if slot is None and role not in _OTHER_ROLES:
            return None
        row = index.row()
        if row < 0 or row >= self._count:  # an invalid index has row -1
            return None
        size = self._block_size
        number = row // size
        hot_number, block = self._hot
        if number != hot_number:
            block = self._block(number)
        offset = row - number * size
        if offset >= len(block):
            return None
        entry = block[offset]
        if slot is not None:
            return entry[slot][index.column()]
        column = index.column()
        if role == ToolTipRole:
            return self._tooltip(entry, column)
        if role == RowRole:
            return entry[0]
        if role == IdRole:
            return entry[0].id
        if role == SortRole:
            return self._sort_value(entry[0], column)
        return None

    def _tooltip(self, entry: Entry, column: int) -> str | None:
        record = entry[0]
        if column == COL_NUMBER and record.exchange_conflict:
            return QCoreApplication.translate(
                CONTEXT, "Exchange conflict: changed here and on another computer (File → Exchange conflicts…)"
            )
        if column == COL_DESCRIPTION:
            return record.description
        if column == COL_LOCATION:
            return f"{record.location} ({record.equipment_tag})" if record.equipment_tag else record.location
        if column == COL_CATEGORY:
            return entry[2]
        if column in (COL_BAND, COL_MEAN_D) and record.band_code:
            band = self._bands.get(record.band_code)
            if band is not None:
                return f"{band.name} — {band.action}" if band.action else band.name
            return record.band_code
        if column == COL_DISPUTE and record.dispute_state:
            return labels.dispute_help(record.dispute_state)
        if column in (COL_DEADLINE, COL_DAYS_LEFT):
            return self._deadline_tip(record)
        if column in (COL_STATUS, COL_GRADE, COL_METHOD, COL_RESPONSIBLE_DEPARTMENT, COL_RESPONSIBLE_PERSON):
            return entry[1][column] or None  # these may elide in a narrow column
        return None

    def _deadline_tip(self, record: RegisterRow) -> str | None:
        days = self.days_left(record)
        if days is None:
            return None
        if days < 0:
            tip = QCoreApplication.translate("RegisterModel", "Overdue by %n day(s)", "", -days)
        elif days == 0:
            tip = QCoreApplication.translate("RegisterModel", "Due today")
        else:
            tip = QCoreApplication.translate("RegisterModel", "%n day(s) left", "", days)
        if record.extension_pending:
            tip += "\n" + QCoreApplication.translate("RegisterModel", "An extension has been requested")
        return tip

    def _sort_value(self, record: RegisterRow, column: int) -> object:
        if column == COL_NUMBER:
            return record.number
        if column == COL_FOUND_AT:
            return record.found_at.isoformat()
        if column == COL_DESCRIPTION:
            return record.description
        if column == COL_LOCATION:
            return record.location
        if column == COL_CATEGORY:
            return record.category_code
        if column == COL_DEPARTMENT:
            return record.department_name
        if column == COL_FOUND_BY:
            return record.found_by_name
        if column == COL_STATUS:
            return list(HazardStatus).index(record.status)
        if column == COL_GRADE:
            return list(HazardGrade).index(record.grade)
        if column == COL_BAND:
            band = self._bands.get(record.band_code) if record.band_code else None
            return -band.rank if band else None
        if column == COL_MEAN_D:
            return None if record.mean_d is None else str(record.mean_d)
        if column == COL_METHOD:
            return record.grading_method
        if column == COL_DISPUTE:
            return record.dispute_state
        if column in (COL_DEADLINE, COL_DAYS_LEFT):
            return None if record.deadline is None else record.deadline.isoformat()
        if column == COL_RESPONSIBLE_DEPARTMENT:
            return record.responsible_department_name
        if column == COL_RESPONSIBLE_PERSON:
            return record.responsible_person_name
        return record.photo_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == DisplayRole:
                return header_text(section)
            if role == ToolTipRole:
                if section not in SORT_KEYS:
                    return QCoreApplication.translate("RegisterModel", "This column cannot be sorted")
                tip = HEADER_TIPS.get(section)
                return QCoreApplication.translate(CONTEXT, tip) if tip else None
            if role == TextAlignmentRole and section in (COL_MEAN_D, COL_DAYS_LEFT):
                return _ALIGN_RIGHT
            return None
        return super().headerData(section, orientation, role)

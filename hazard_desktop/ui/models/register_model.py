"""The hazard register (隐患台账) as a windowed table model.

With 100,000 hazards (TOOLCHAIN.md §8) the model never holds the register: ``rowCount`` is a SQL
``COUNT``, rows are read on demand in blocks through ``RegisterQueries.page`` and kept in a small LRU;
sorting and filtering happen in SQL (``sort()`` override, ``set_filter()`` → reset). Display strings of
a block are built once when the block is read, so ``data()`` only indexes tuples; roles are compared
with module-level ints.
"""

from __future__ import annotations

import logging
import uuid
from collections import OrderedDict
from collections.abc import Mapping

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.services.ports import RegisterFilter, RegisterQueries, RegisterRow, SortKey
from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import format_datetime

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
    COL_PHOTOS,
) = range(10)
COLUMN_COUNT = 10

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
    QT_TRANSLATE_NOOP("RegisterModel", "Photos"),
)

# Columns sorted in SQL; the others (found by, photos) keep the current order when clicked.
SORT_KEYS: dict[int, SortKey] = {
    COL_NUMBER: SortKey.NUMBER,
    COL_FOUND_AT: SortKey.FOUND_AT,
    COL_DESCRIPTION: SortKey.DESCRIPTION,
    COL_LOCATION: SortKey.LOCATION,
    COL_CATEGORY: SortKey.CATEGORY,
    COL_DEPARTMENT: SortKey.DEPARTMENT,
    COL_STATUS: SortKey.STATUS,
    COL_GRADE: SortKey.GRADE,
}
COLUMN_OF_SORT_KEY: dict[SortKey, int] = {key: column for column, key in SORT_KEYS.items()}

# Roles as plain ints: comparing against these is what keeps data() fast.
DisplayRole = int(Qt.ItemDataRole.DisplayRole)
ToolTipRole = int(Qt.ItemDataRole.ToolTipRole)
TextAlignmentRole = int(Qt.ItemDataRole.TextAlignmentRole)
ForegroundRole = int(Qt.ItemDataRole.ForegroundRole)
RowRole = int(Qt.ItemDataRole.UserRole) + 1  # the RegisterRow of the row
SortRole = int(Qt.ItemDataRole.UserRole) + 2  # the raw value the column sorts by
IdRole = int(Qt.ItemDataRole.UserRole) + 3  # the hazard's UUID

# Built once: enum "|" runs in Python (~2 µs) and the view asks every visible cell on each repaint.
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_MAJOR_BRUSH = QBrush(QColor("#c62828"))
_CLOSED_BRUSH = QBrush(QColor("#757575"))
_DESCRIPTION_MAX = 160  # characters shown in the cell; the tooltip has the rest

DEFAULT_BLOCK_SIZE = 200
DEFAULT_MAX_BLOCKS = 30


def header_text(column: int) -> str:
    """The translated header of ``column``."""
    return QCoreApplication.translate(CONTEXT, HEADERS[column])


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class RegisterModel(QAbstractTableModel):
    """Windowed, SQL-sorted and SQL-filtered model of the register.

    Args:
        register: the read-side port (``context.register``).
        category_names: code → name of every category and subcategory in the UI language.
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
        block_size: int = DEFAULT_BLOCK_SIZE,
        max_blocks: int = DEFAULT_MAX_BLOCKS,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._category_names: dict[str, str] = dict(category_names or {})
        self._block_size = block_size
        self._max_blocks = max_blocks
        self._filter = RegisterFilter()
        self._sort_key = SortKey.NUMBER
        self._descending = True
        self._blocks: OrderedDict[int, list[tuple[RegisterRow, tuple[str, ...], str]]] = OrderedDict()
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

    def sort_column(self) -> int:
        """The column the register is sorted by (-1 if the key has no column)."""
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

    # ------------------------------------------------------------------ changes

    def set_filter(self, flt: RegisterFilter) -> None:
        """Show only what ``flt`` lets through (a model reset; nothing happens if it is unchanged)."""
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._blocks.clear()
        self._count = self._read_count()
        self.endResetModel()

    def set_category_names(self, names: Mapping[str, str]) -> None:
        """Change the names shown for category codes (e.g. after the reference data changed)."""
        self._category_names = dict(names)
        self.refresh()

    def refresh(self) -> None:
        """Drop every cached block and read the count again (after edits, F5)."""
        self.beginResetModel()
        self._blocks.clear()
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
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort hook: sort in SQL; columns without a sort key are ignored."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ reading

    def _read_count(self) -> int:
        try:
            return self._register.count(self._filter)
        except Exception as exc:  # a locked or broken database must not crash the view
            log.exception("register count failed")
            self.load_failed.emit(exc)
            return 0

    def _load(self, number: int) -> list[tuple[RegisterRow, tuple[str, ...], str]]:
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
        while len(self._blocks) > self._max_blocks:
            self._blocks.popitem(last=False)
        return block

    def _display(self, row: RegisterRow) -> tuple[RegisterRow, tuple[str, ...], str]:
        names = self._category_names
        texts = (
            row.number,
            format_datetime(row.found_at),
            _one_line(row.description, _DESCRIPTION_MAX),
            row.location,
            names.get(row.category_code, row.category_code),
            row.department_name,
            row.found_by_name,
            labels.status_label(row.status),
            labels.grade_label(row.grade),
            str(row.photo_count) if row.photo_count else "",
        )
        category = texts[COL_CATEGORY]
        if row.subcategory_code:
            category = f"{row.category_code} {category} / {row.subcategory_code} " + names.get(row.subcategory_code, "")
        else:
            category = f"{row.category_code} {category}"
        return row, texts, category

    def _entry(self, row: int) -> tuple[RegisterRow, tuple[str, ...], str] | None:
        number, offset = divmod(row, self._block_size)
        block = self._blocks.get(number)
        if block is None:
            block = self._load(number)
        else:
            self._blocks.move_to_end(number)
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

    # ------------------------------------------------------------------ Qt interface

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DisplayRole) -> object:
        if not index.isValid():
            return None
        row = index.row()
        if row >= self._count:
            return None
        entry = self._entry(row)
        if entry is None:
            return None
        column = index.column()
        if role == DisplayRole:
            return entry[1][column]
        if role == ToolTipRole:
            return self._tooltip(entry, column)
        if role == TextAlignmentRole:
            return _ALIGN_CENTER if column == COL_PHOTOS else _ALIGN_LEFT
        if role == ForegroundRole:
            record = entry[0]
            if column == COL_GRADE and record.grade is HazardGrade.MAJOR:
                return _MAJOR_BRUSH
            if record.status is HazardStatus.CLOSED:
                return _CLOSED_BRUSH
            return None
        if role == RowRole:
            return entry[0]
        if role == IdRole:
            return entry[0].id
        if role == SortRole:
            return self._sort_value(entry[0], column)
        return None

    @staticmethod
    def _tooltip(entry: tuple[RegisterRow, tuple[str, ...], str], column: int) -> str | None:
        record = entry[0]
        if column == COL_DESCRIPTION:
            return record.description
        if column == COL_LOCATION:
            return f"{record.location} ({record.equipment_tag})" if record.equipment_tag else record.location
        if column == COL_CATEGORY:
            return entry[2]
        return None

    @staticmethod
    def _sort_value(record: RegisterRow, column: int) -> object:
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
        return record.photo_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == DisplayRole:
                return header_text(section)
            if role == ToolTipRole and section not in SORT_KEYS:
                return QCoreApplication.translate("RegisterModel", "This column cannot be sorted")
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

"""The one base of the program's flat read-only tables: a list of rows, translated column titles.

A subclass names its columns either with ``CONTEXT`` and ``HEADERS`` (source titles marked with
``QT_TRANSLATE_NOOP`` where they are defined) or by overriding :meth:`RowsTableModel.headers`, and
gives its cells either by overriding :meth:`RowsTableModel.cell` (the settings pages) or ``data``
itself (the tables that answer many roles per cell).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Role of :meth:`RowsTableModel.data` returning the row's :meth:`~RowsTableModel.row_id`."""


class RowsTableModel(QAbstractTableModel):
    """Rows in ``self._rows``, one column per title of :meth:`headers`."""

    CONTEXT: ClassVar[str] = ""
    HEADERS: ClassVar[Sequence[str]] = ()
    _columns: int | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Any] = ()
        self._columns = None  # the titles' count, fixed for a model: set by the first columnCount()

    # -- to override
    def headers(self) -> Sequence[str]:
        """Translated column titles (default: ``HEADERS`` translated in ``CONTEXT``)."""
        return [QCoreApplication.translate(self.CONTEXT, title) for title in self.HEADERS]

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The data of one cell for one role (None when there is none)."""
        return None

    def row_id(self, row: Any) -> Any:
        """What identifies a row across reloads (:data:`ID_ROLE`)."""
        return getattr(row, "id", None)

    # -- rows
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[Any, ...]:
        """The rows shown."""
        return tuple(self._rows)

    def row_at(self, row: int) -> Any | None:
        """The row shown at position ``row``, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, key: Any) -> int:
        """Position of the row whose :meth:`row_id` is ``key`` (-1 if absent)."""
        return next((n for n, r in enumerate(self._rows) if self.row_id(r) == key), -1)

    # -- Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._columns is None:
            self._columns = len(self.HEADERS) if self.HEADERS else len(self.headers())
        return self._columns

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self.row_id(row)
        if not 0 <= index.column() < (self._columns or self.columnCount()):
            return None
        return self.cell(row, index.column(), int(role))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None


class ReplacedRowsModel(RowsTableModel):
    """A :class:`RowsTableModel` whose rows are replaced as a whole; every cell is plain and selectable."""

    def __init__(self, rows: Sequence[Any] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

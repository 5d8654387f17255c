"""A base for flat read-only tables over a list of rows with fixed, translated column titles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class RowsTableModel(QAbstractTableModel):
    """Rows in ``self._rows``, one column per title in ``HEADERS`` (translated in ``CONTEXT``).

    Subclasses set ``CONTEXT`` and ``HEADERS`` (marked with ``QT_TRANSLATE_NOOP`` where they are
    defined), fill ``self._rows`` (resetting the model) and provide ``data``.
    """

    CONTEXT: ClassVar[str] = ""
    HEADERS: ClassVar[Sequence[str]] = ()

    _rows: list[Any]

    def row_at(self, row: int) -> Any | None:
        """The row shown at position ``row``, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None


class ReplacedRowsModel(RowsTableModel):
    """A :class:`RowsTableModel` whose rows are replaced as a whole; every cell is plain and selectable."""

    def __init__(self, rows: Sequence[Any] = (), parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
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

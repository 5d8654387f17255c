"""Table models of the statistics window: immutable rows, one model per table, ``COL_*`` constants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hazard_desktop.services.statistics import MajorHazard, MonthFlow, percent

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # what the register filters on (category code, department id, …)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class CountLine:
    """One row of a breakdown table: the key the register filters on, its shown name and its count."""

    key: str
    name: str
    count: int


class _TableModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def cell(self, row: Any, column: int) -> Any:  # pragma: no cover - every model overrides it
        raise NotImplementedError

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        value = self.cell(row, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return getattr(row, "key", None)
        return None


(COL_NAME, COL_COUNT, COL_SHARE) = range(3)


class CountModel(_TableModel):
    """Name | count | share of the period's hazards."""

    def __init__(self, headers: tuple[str, str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.total = 0

    def set_counts(self, rows: Sequence[CountLine], total: int) -> None:
        self.total = total
        self.set_rows(rows)

    def cell(self, row: CountLine, column: int) -> Any:
        if column == COL_NAME:
            return row.name
        if column == COL_COUNT:
            return row.count
        share = percent(row.count, self.total)
        return None if share is None else f"{share}%"

    def export_rows(self) -> list[tuple[str | int | Decimal | None, ...]]:
        return [(r.name, r.count, percent(r.count, self.total)) for r in self._rows]


(COL_MONTH, COL_FOUND, COL_CLOSED) = range(3)


class FlowModel(_TableModel):
    """Month | found | closed."""

    def __init__(self, headers: tuple[str, str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers

    def cell(self, row: MonthFlow, column: int) -> Any:
        return (row.month, row.found, row.closed)[column]

    def export_rows(self) -> list[tuple[str | int | Decimal | None, ...]]:
        return [(r.month, r.found, r.closed) for r in self._rows]


(COL_M_NUMBER, COL_M_DESCRIPTION, COL_M_DEPARTMENT, COL_M_FOUND, COL_M_STATUS, COL_M_DEADLINE, COL_M_REPORTED) = range(
    7
)


class MajorModel(_TableModel):
    """The major hazards: number, description, department, found, state, deadline, report state."""

    def __init__(self, headers: tuple[str, ...], status_text: Any, reported_text: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self._status_text = status_text
        self._reported_text = reported_text

    def cell(self, row: MajorHazard, column: int) -> Any:
        values = (
            row.number,
            row.description,
            row.department,
            row.found_on.isoformat(),
            self._status_text(row),
            None if row.deadline is None else row.deadline.isoformat(),
            self._reported_text(row),
        )
        return values[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None
        if role == KEY_ROLE and index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].number
        return super().data(index, role)

    def export_rows(self) -> list[tuple[str | int | Decimal | None, ...]]:
        return [tuple(self.cell(r, c) for c in range(len(self.headers))) for r in self._rows]

"""Qt models of the inspection screens over immutable rows: inspection list, template list, runner items."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from hazard_desktop.domain.inspections import (
    Answer,
    AnswerResult,
    InspectionState,
    InspectionSummary,
    Template,
)
from hazard_desktop.ui.inspections import texts
from hazard_desktop.ui.models.rows import ReplacedRowsModel

IdRole = int(Qt.ItemDataRole.UserRole) + 1
StateRole = int(Qt.ItemDataRole.UserRole) + 2

RESULT_COLOURS = {
    AnswerResult.PASS: "#2E7D32",
    AnswerResult.FAIL: "#C62828",
    AnswerResult.NA: "#757575",
}
DRAFT_COLOUR = "#8A5A00"

_Index = QModelIndex | QPersistentModelIndex


# -------------------------------------------------------------------------------- inspection list

# The state comes right after the number: a draft must be recognisable on a small screen, where the
# wide checklist and area columns push everything after them out of sight (a trial at 1366×768/150 %).
(COL_NUMBER, COL_STATE, COL_DATE, COL_TEMPLATE, COL_AREA) = range(5)
(COL_DEPARTMENT, COL_INSPECTORS, COL_PROGRESS, COL_FAILED, COL_HAZARDS) = range(5, 10)
INSPECTION_COLUMNS = 10
_INSPECTION_HEADERS = (
    QT_TRANSLATE_NOOP("InspectionListModel", "Number"),
    QT_TRANSLATE_NOOP("InspectionListModel", "State"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Date"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Checklist"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Area"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Department"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Inspectors"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Answered"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Failed"),
    QT_TRANSLATE_NOOP("InspectionListModel", "Hazards"),
)


class InspectionListModel(ReplacedRowsModel):
    """Drafts and finished inspections (newest first, as the service returns them)."""

    CONTEXT = "InspectionListModel"
    HEADERS = _INSPECTION_HEADERS

    def row_at(self, row: int) -> InspectionSummary | None:
        """The summary shown in ``row`` or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, inspection_id: uuid.UUID) -> int:
        """Row of ``inspection_id`` or -1."""
        return next((n for n, r in enumerate(self._rows) if r.id == inspection_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                COL_NUMBER: row.number,
                COL_DATE: row.inspected_on.isoformat(),
                COL_TEMPLATE: QCoreApplication.translate("InspectionListModel", "{name} (v{version})").format(
                    name=row.template_name, version=row.template_version
                ),
                COL_AREA: row.area,
                COL_DEPARTMENT: row.department_name,
                COL_INSPECTORS: row.inspectors,
                COL_STATE: texts.state_label(row.state),
                COL_PROGRESS: f"{row.answered}/{row.total}",
                COL_FAILED: str(row.failed),
                COL_HAZARDS: str(row.hazards),
            }
            return values.get(column)
        if row.state is InspectionState.DRAFT and column in (COL_NUMBER, COL_STATE):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(DRAFT_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_FAILED and row.failed:
            return QBrush(QColor(RESULT_COLOURS[AnswerResult.FAIL]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_PROGRESS, COL_FAILED, COL_HAZARDS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_AREA, COL_TEMPLATE, COL_INSPECTORS):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == IdRole:
            return row.id
        if role == StateRole:
            return row.state.value
        return None


# --------------------------------------------------------------------------------- template list

TCOL_CODE, TCOL_NAME, TCOL_VERSION, TCOL_ITEMS, TCOL_ORIGIN, TCOL_STATE = range(6)
TEMPLATE_COLUMNS = 6
_TEMPLATE_HEADERS = (
    QT_TRANSLATE_NOOP("TemplateListModel", "Code"),
    QT_TRANSLATE_NOOP("TemplateListModel", "Checklist"),
    QT_TRANSLATE_NOOP("TemplateListModel", "Version"),
    QT_TRANSLATE_NOOP("TemplateListModel", "Items"),
    QT_TRANSLATE_NOOP("TemplateListModel", "Source"),
    QT_TRANSLATE_NOOP("TemplateListModel", "State"),
)


class TemplateListModel(ReplacedRowsModel):
    """Template versions (the newest of each checklist, or every version of one)."""

    CONTEXT = "TemplateListModel"
    HEADERS = _TEMPLATE_HEADERS

    def row_at(self, row: int) -> Template | None:
        """The template shown in ``row`` or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, template_id: uuid.UUID) -> int:
        """Row of a template family or -1."""
        return next((n for n, r in enumerate(self._rows) if r.template_id == template_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TCOL_STATE:
                if not row.active:
                    return QCoreApplication.translate("TemplateListModel", "Withdrawn")
                if row.published:
                    return QCoreApplication.translate("TemplateListModel", "In use")
                return QCoreApplication.translate("TemplateListModel", "Editable")
            values = {
                TCOL_CODE: row.code,
                TCOL_NAME: row.name,
                TCOL_VERSION: str(row.version),
                TCOL_ITEMS: str(row.item_count),
                TCOL_ORIGIN: texts.origin_label(row.origin),
            }
            return values.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TCOL_VERSION, TCOL_ITEMS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == TCOL_NAME:
            return row.description or row.name
        if role == IdRole:
            return row.id
        return None


# ---------------------------------------------------------------------------------- runner items


class ItemListModel(QAbstractListModel):
    """The items of a run, numbered, with a coloured mark for their result."""

    def __init__(self, template: Template, answers: Mapping[uuid.UUID, Answer], parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._items = template.items
        self._answers = dict(answers)

    def set_answer(self, answer: Answer) -> None:
        """Show a changed answer."""
        self._answers[answer.item_id] = answer
        row = next((n for n, i in enumerate(self._items) if i.id == answer.item_id), -1)
        if row >= 0:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        answer = self._answers.get(item.id)
        result = answer.result if answer else None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {item.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            label = texts.result_label(result)
            return f"{item.text}\n{label}" if label else item.text
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(RESULT_COLOURS[result]) if result else QColor("#D0D0D0")
        if role == Qt.ItemDataRole.ForegroundRole and result is AnswerResult.FAIL:
            return QBrush(QColor(RESULT_COLOURS[AnswerResult.FAIL]))
        if role == IdRole:
            return item.id
        if role == StateRole:
            return "" if result is None else result.value
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

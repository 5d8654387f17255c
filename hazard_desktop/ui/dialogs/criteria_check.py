"""Major-hazard check (重大隐患判定, rule §5.1): tick matching criteria, record evidence, or judge by §4.3.

The criteria (the company's list and 安监总管三〔2017〕121号) are grouped by source in a tree; the search box
filters by text, code and clause. Each ticked criterion needs its evidence. The verdict is shown live
("Major hazard — 2 criteria match" / "No criterion matches"). A panel may instead judge the hazard major
under §4.3's definition with a written reason. The dialog returns a :class:`CriteriaCheckResult`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion
from hazard_desktop.domain.errors import DomainError, ValidationError
from hazard_desktop.domain.grading import (
    EVIDENCE_MAX,
    REASON_MAX,
    CriteriaCheckResult,
    criteria_version,
    match_criterion,
)
from hazard_desktop.domain.records import utcnow
from hazard_desktop.services import reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.widgets import screen_fit
from hazard_desktop.ui.widgets.band_swatch import MAJOR_COLOUR, BandSwatch
from hazard_desktop.ui.widgets.criteria_coverage import CoverageNote
from hazard_desktop.ui.widgets.hidden_scoring import arg

CONTEXT = "CriteriaModel"

COL_CODE, COL_CLAUSE, COL_TEXT, COL_EVIDENCE = range(4)
COLUMN_COUNT = 4
HEADERS = (
    QT_TRANSLATE_NOOP("CriteriaModel", "Criterion"),
    QT_TRANSLATE_NOOP("CriteriaModel", "Clause"),
    QT_TRANSLATE_NOOP("CriteriaModel", "Text"),
    QT_TRANSLATE_NOOP("CriteriaModel", "Evidence"),
)
SOURCE_TITLES = {
    CriteriaSource.COMPANY: QT_TRANSLATE_NOOP("CriteriaModel", "Company major-hazard criteria (rule §4.4)"),
    CriteriaSource.NATIONAL_121: QT_TRANSLATE_NOOP("CriteriaModel", "SAWS No. 121 (2017) major-hazard criteria"),
    CriteriaSource.OTHER: QT_TRANSLATE_NOOP("CriteriaModel", "Other criteria"),
}
EVIDENCE_GIVEN = QT_TRANSLATE_NOOP("CriteriaModel", "recorded")
EVIDENCE_MISSING = QT_TRANSLATE_NOOP("CriteriaModel", "missing")
GROUP_COUNT = QT_TRANSLATE_NOOP("CriteriaModel", "%1 (%2 shown, %3 ticked)")

DisplayRole = int(Qt.ItemDataRole.DisplayRole)
CheckStateRole = int(Qt.ItemDataRole.CheckStateRole)
ToolTipRole = int(Qt.ItemDataRole.ToolTipRole)
FontRole = int(Qt.ItemDataRole.FontRole)
ForegroundRole = int(Qt.ItemDataRole.ForegroundRole)
CriterionIdRole = int(Qt.ItemDataRole.UserRole) + 1

_SOURCE_ORDER = {CriteriaSource.COMPANY: 0, CriteriaSource.NATIONAL_121: 1, CriteriaSource.OTHER: 2}
_DIGITS = re.compile(r"(\d+)")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def natural_key(code: str) -> tuple[object, ...]:
    """``C-2`` before ``C-10``."""
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(code))


@dataclass
class _Group:
    source: CriteriaSource
    all_items: list[MajorCriterion]
    shown: list[MajorCriterion] = field(default_factory=list)


class _Root:
    """Internal pointer of top-level (group) indexes."""


class CriteriaModel(QAbstractItemModel):
    """Two levels: a row per source, and under it the criteria (code checkable, clause, text, evidence state).

    Ticks and evidence are kept by criterion id, so filtering never loses them.
    """

    ticks_changed = Signal()
    ticked_one = Signal(object)  # a criterion was just ticked (its id): the dialog selects it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._root = _Root()
        self._groups: list[_Group] = []
        self._shown_groups: list[_Group] = []
        self._ticked: set[uuid.UUID] = set()
        self._evidence: dict[uuid.UUID, str] = {}
        self._filter = ""
        self._bold = QFont()
        self._bold.setBold(True)

    # ---- tree structure
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._root)
        group = self._shown_groups[parent.row()]
        return self.createIndex(row, column, group)

    def parent(self, child: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        pointer = child.internalPointer()
        if pointer is self._root or not isinstance(pointer, _Group):
            return QModelIndex()
        row = next((i for i, g in enumerate(self._shown_groups) if g is pointer), -1)
        return QModelIndex() if row < 0 else self.createIndex(row, 0, self._root)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._shown_groups)
        if parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.shown) if isinstance(node, _Group) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Group | MajorCriterion | None:
        if not index.isValid():
            return None
        pointer = index.internalPointer()
        if pointer is self._root:
            return self._shown_groups[index.row()] if index.row() < len(self._shown_groups) else None
        if isinstance(pointer, _Group) and index.row() < len(pointer.shown):
            return pointer.shown[index.row()]
        return None

    # ---- data
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == DisplayRole and 0 <= section < COLUMN_COUNT:
            return _tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if isinstance(node, _Group):
            if role == DisplayRole and column == COL_CODE:
                ticked = sum(1 for c in node.all_items if c.id in self._ticked)
                return arg(_tr(GROUP_COUNT), _tr(SOURCE_TITLES[node.source]), len(node.shown), ticked)
            if role == FontRole:
                return self._bold
            return None
        ticked = node.id in self._ticked
        if role == DisplayRole:
            if column == COL_CODE:
                return node.code
            if column == COL_CLAUSE:
                return node.clause
            if column == COL_TEXT:
                return node.text
            if column == COL_EVIDENCE:
                if not ticked:
                    return ""
                return _tr(EVIDENCE_GIVEN) if self._evidence.get(node.id, "").strip() else _tr(EVIDENCE_MISSING)
            return None
        if role == CheckStateRole and column == COL_CODE:
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == ToolTipRole:
            return f"{node.code} ({node.clause})\n{node.text}"
        if role == ForegroundRole and column == COL_EVIDENCE and ticked:
            missing = not self._evidence.get(node.id, "").strip()
            return QBrush(QColor("#c62828" if missing else "#2e7d32"))
        if role == FontRole and ticked:
            return self._bold
        if role == CriterionIdRole:
            return str(node.id)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if isinstance(node, MajorCriterion) and index.column() == COL_CODE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = CheckStateRole) -> bool:
        node = self._node(index)
        if not isinstance(node, MajorCriterion) or role != CheckStateRole or index.column() != COL_CODE:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        self.set_ticked(node.id, state == Qt.CheckState.Checked.value)
        return True

    # ---- ours
    def set_criteria(self, criteria: Iterable[MajorCriterion]) -> None:
        """Show active ``criteria`` grouped by source (company first), in natural code order."""
        self.beginResetModel()
        grouped: dict[CriteriaSource, list[MajorCriterion]] = {}
        for criterion in criteria:
            if criterion.active:
                grouped.setdefault(criterion.source, []).append(criterion)
        self._groups = [
            _Group(source, sorted(items, key=lambda c: natural_key(c.code)))
            for source, items in sorted(grouped.items(), key=lambda kv: _SOURCE_ORDER[kv[0]])
        ]
        ids = {c.id for g in self._groups for c in g.all_items}
        self._ticked &= ids
        self._apply_filter()
        self.endResetModel()
        self.ticks_changed.emit()

    def set_filter(self, text: str) -> None:
        """Show only criteria whose text, code or clause contains ``text`` (case-insensitive)."""
        wanted = text.strip().casefold()
        if wanted == self._filter:
            return
        self.beginResetModel()
        self._filter = wanted
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        for group in self._groups:
            group.shown = [c for c in group.all_items if self._matches(c)]
        self._shown_groups = [g for g in self._groups if g.shown]

    def _matches(self, criterion: MajorCriterion) -> bool:
        if not self._filter:
            return True
        return any(self._filter in part.casefold() for part in (criterion.text, criterion.code, criterion.clause))

    def criteria(self) -> list[MajorCriterion]:
        """Every criterion, shown or not."""
        return [c for g in self._groups for c in g.all_items]

    def shown_codes(self) -> list[str]:
        return [c.code for g in self._shown_groups for c in g.shown]

    def criterion(self, criterion_id: uuid.UUID) -> MajorCriterion | None:
        return next((c for c in self.criteria() if c.id == criterion_id), None)

    def by_code(self, code: str) -> MajorCriterion | None:
        return next((c for c in self.criteria() if c.code == code), None)

    def node(self, index: QModelIndex | QPersistentModelIndex) -> MajorCriterion | None:
        """The criterion at ``index`` (None for a group row)."""
        node = self._node(index)
        return node if isinstance(node, MajorCriterion) else None

    def index_of(self, criterion_id: uuid.UUID, column: int = COL_CODE) -> QModelIndex:
        for group_row, group in enumerate(self._shown_groups):
            for row, criterion in enumerate(group.shown):
                if criterion.id == criterion_id:
                    return self.index(row, column, self.index(group_row, 0))
        return QModelIndex()

    def is_ticked(self, criterion_id: uuid.UUID) -> bool:
        return criterion_id in self._ticked

    def set_ticked(self, criterion_id: uuid.UUID, ticked: bool) -> None:
        if ticked == (criterion_id in self._ticked) or self.criterion(criterion_id) is None:
            return
        if ticked:
            self._ticked.add(criterion_id)
        else:
            self._ticked.discard(criterion_id)
        self._changed_row(criterion_id)
        self.ticks_changed.emit()
        if ticked:
            self.ticked_one.emit(criterion_id)

    def evidence(self, criterion_id: uuid.UUID) -> str:
        return self._evidence.get(criterion_id, "")

    def set_evidence(self, criterion_id: uuid.UUID, text: str) -> None:
        before = bool(self._evidence.get(criterion_id, "").strip())
        self._evidence[criterion_id] = text
        if before != bool(text.strip()):
            self._changed_row(criterion_id)
            self.ticks_changed.emit()

    def ticked(self) -> list[MajorCriterion]:
        """Ticked criteria in display order (company first)."""
        return [c for c in self.criteria() if c.id in self._ticked]

    def _changed_row(self, criterion_id: uuid.UUID) -> None:
        first = self.index_of(criterion_id, COL_CODE)
        if first.isValid():
            self.dataChanged.emit(first, first.siblingAtColumn(COLUMN_COUNT - 1))
            group = first.parent()
            self.dataChanged.emit(group, group)


def load_criteria(context: AppContext) -> list[MajorCriterion]:
    """The criteria in force (company and 121号), read in one unit of work."""
    return reference_queries.criteria_in_force(context.uow())


class CriteriaCheckDialog(QDialog):
    """The major-hazard check. Use :meth:`ask`; tests drive :meth:`tick_code`, :meth:`set_search`, :meth:`save`."""

    ask_before_discard = True  # closing with ticks, evidence or a §4.3 reason asks first (UI tests switch it off)

    def __init__(
        self,
        context: AppContext | None,
        parent: QWidget | None = None,
        *,
        hazard_title: str = "",
        criteria: Sequence[MajorCriterion] | None = None,
        allow_decision: bool = True,
    ) -> None:
        super().__init__(parent)
        if criteria is None:
            if context is None:
                raise ValueError("context or criteria is needed")
            criteria = load_criteria(context)
        self._result: CriteriaCheckResult | None = None
        self._current_id: uuid.UUID | None = None
        self.setObjectName("criteriaCheck")
        self.setWindowTitle(self.tr("Major-hazard check"))
        screen_fit.fit_on_show(self, (900, 600), remember="criteriaCheck")

        self.hazard_label = QLabel(hazard_title, self)
        self.hazard_label.setObjectName("hazardTitle")
        self.hazard_label.setWordWrap(True)
        self.hazard_label.setVisible(bool(hazard_title))
        self.coverage = CoverageNote(self)
        self.coverage.set_counts(*reference_queries.criteria_coverage(context.uow()))
        bold = QFont(self.hazard_label.font())
        bold.setBold(True)
        self.hazard_label.setFont(bold)

        self.search = QLineEdit(self)
        self.search.setObjectName("criteriaSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search text, code or clause…"))
        self.search.textChanged.connect(self._search_changed)
        self.ticked_only = QCheckBox(self.tr("Ticked only"), self)
        self.ticked_only.setObjectName("tickedOnly")
        self.ticked_only.toggled.connect(self._search_changed)

        self.model = CriteriaModel(self)
        self.model.set_criteria(criteria)
        self.model.ticks_changed.connect(self._update_verdict)
        self.model.ticked_one.connect(self._select_ticked)
        self.view = QTreeView(self)
        self.view.setObjectName("criteriaTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_CLAUSE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.ResizeToContents)
        widest = max((self.fontMetrics().horizontalAdvance(c.code) for c in self.model.criteria()), default=40)
        header.resizeSection(COL_CODE, widest + self.view.indentation() + 48)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)

        # ---- detail of the current criterion
        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setFont(bold)
        self.detail_title.setWordWrap(True)
        self.detail_text = QLabel(self)
        self.detail_text.setObjectName("detailText")
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_tick = QCheckBox(self.tr("This hazard matches the criterion"), self)
        self.detail_tick.setObjectName("detailTick")
        self.detail_tick.toggled.connect(self._detail_tick_toggled)
        self.evidence = QPlainTextEdit(self)
        self.evidence.setObjectName("evidence")
        self.evidence.setPlaceholderText(
            self.tr("What was found that matches this criterion (place, observation, document)…")
        )
        self.evidence.setTabChangesFocus(True)
        self.evidence.textChanged.connect(self._evidence_changed)
        detail_box = QGroupBox(self.tr("Selected criterion"), self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_text)
        detail_layout.addWidget(self.detail_tick)
        detail_layout.addWidget(QLabel(self.tr("Evidence (required for each ticked criterion):"), self))
        detail_layout.addWidget(self.evidence, 1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.ticked_only)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        # ---- §4.3 panel decision
        self.decision_box = QCheckBox(
            self.tr("Judgement by the definition in §4.3 (not a listed criterion): the panel judges it a major hazard"),
            self,
        )
        self.decision_box.setObjectName("decisionBox")
        self.decision_box.setVisible(allow_decision)
        self.decision_reason = QPlainTextEdit(self)
        self.decision_reason.setObjectName("decisionReason")
        self.decision_reason.setPlaceholderText(
            self.tr("Why the panel judges this a major hazard (required): harm, difficulty of rectification, …")
        )
        self.decision_reason.setTabChangesFocus(True)
        self.decision_reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.decision_reason.setVisible(False)
        self.decision_reason.textChanged.connect(self._update_verdict)
        self.decision_box.toggled.connect(self._update_verdict)
        self.decision_box.toggled.connect(self.decision_reason.setVisible)

        # ---- verdict and buttons
        self.verdict = BandSwatch(self)
        self.verdict.setObjectName("verdict")
        self.verdict_detail = QLabel(self)
        self.verdict_detail.setObjectName("verdictDetail")
        self.verdict_detail.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "background: #fdecea; color: #b71c1c; border: 1px solid #f5c6cb; border-radius: 3px; padding: 6px;"
        )
        self.error_label.hide()
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(QLabel(self.tr("Result:"), self))
        verdict_row.addWidget(self.verdict)
        verdict_row.addWidget(self.verdict_detail, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this result"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hazard_label)
        layout.addWidget(self.coverage)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.decision_box)
        layout.addWidget(self.decision_reason)
        layout.addLayout(verdict_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._after_reset()
        self._update_verdict()
        first = self.model.index(0, 0)
        if first.isValid() and self.model.rowCount(first):
            self.view.setCurrentIndex(self.model.index(0, 0, first))

    @classmethod
    def ask(
        cls, parent: QWidget | None, context: AppContext, hazard_title: str = "", *, allow_decision: bool = True
    ) -> CriteriaCheckResult | None:
        """Run the check modally; return its result, or None if cancelled."""
        dialog = cls(context, parent, hazard_title=hazard_title, allow_decision=allow_decision)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_value if accepted else None
        finally:
            dialog.deleteLater()

    # ---- driving it (tests and callers)
    @property
    def result_value(self) -> CriteriaCheckResult | None:
        return self._result

    def set_search(self, text: str) -> None:
        self.search.setText(text)

    def select_code(self, code: str) -> bool:
        """Make the criterion with ``code`` current (it must be shown)."""
        criterion = self.model.by_code(code)
        index = QModelIndex() if criterion is None else self.model.index_of(criterion.id)
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

    def tick_code(self, code: str, ticked: bool = True, evidence: str | None = None) -> bool:
        """Tick (or untick) the criterion with ``code`` and optionally record its evidence."""
        criterion = self.model.by_code(code)
        if criterion is None:
            return False
        self.model.set_ticked(criterion.id, ticked)
        if evidence is not None:
            self.model.set_evidence(criterion.id, evidence)
            if self._current_id == criterion.id:
                self._show_detail(criterion)
        return True

    def set_decision(self, reason: str | None) -> None:
        """Choose the §4.3 panel decision with ``reason`` (None: no decision)."""
        self.decision_box.setChecked(reason is not None)
        self.decision_reason.setPlainText(reason or "")

    def verdict_text(self) -> str:
        return self.verdict.text()

    def build_result(self) -> CriteriaCheckResult:
        """The result of the current ticks, evidence and decision.

        Raises:
            ValidationError: ``evidence_empty`` / ``evidence_too_long`` (param ``criterion``),
                ``criterion_retired``, ``reason_empty`` / ``reason_too_long`` (decision without reason).
        """
        matches = []
        for criterion in self.model.ticked():
            try:
                matches.append(match_criterion(criterion, self.model.evidence(criterion.id)))
            except ValidationError as exc:
                raise ValidationError(
                    exc.code, field="evidence", criterion=criterion.code, **{"max": EVIDENCE_MAX, **exc.params}
                ) from None
        reason = ""
        if not matches and self.decision_box.isChecked():
            reason = self.decision_reason.toPlainText().strip()
            if not reason:
                raise ValidationError("reason_empty", field="reason")
            if len(reason) > REASON_MAX:
                raise ValidationError("reason_too_long", field="reason", max=REASON_MAX)
        # the list gone through and when: a LEC grading records them as its §5.1 check (rule §5)
        return CriteriaCheckResult(
            tuple(matches), reason, criteria_version=criteria_version(self.model.criteria()), checked_at=utcnow()
        )

    def save(self) -> bool:
        """Check the input; on success keep the result and return True, else show why."""
        try:
            self._result = self.build_result()
        except DomainError as exc:
            self.show_error(exc)
            criterion = exc.params.get("criterion")
            if isinstance(criterion, str):
                if criterion not in self.model.shown_codes():
                    self.search.clear()
                    self.ticked_only.setChecked(False)
                self.select_code(criterion)
                self.evidence.setFocus()
            elif exc.field == "reason":
                self.decision_reason.setFocus()
            return False
        self.error_label.hide()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def unsaved_input(self) -> bool:
        """True if closing now would throw away something entered: a tick, evidence, or the §4.3 judgement."""
        criteria = self.model.criteria()
        return (
            bool(self.model.ticked())
            or any(self.model.evidence(c.id).strip() for c in criteria)
            or self.decision_box.isChecked()
            or bool(self.decision_reason.toPlainText().strip())
        )

    def reject(self) -> None:
        """Cancel, Escape or ×: with input entered, ask first (default: keep it) and close only if the user agrees."""
        if self.ask_before_discard and self.isVisible() and self.unsaved_input():  # hidden: nobody to ask
            question = self.tr(
                "Close the major-hazard check without using it? The ticked criteria and the evidence entered"
                " are discarded."
            )
            if not messages.confirm(self, self.tr("Discard the check?"), question):
                return
        super().reject()

    def show_error(self, exc: BaseException) -> None:
        self.error_label.setText(messages.error_text(exc, "grading"))
        self.error_label.show()

    def error_message(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    # ---- display
    def _search_changed(self) -> None:
        self.model.set_filter(self.search.text())
        if self.ticked_only.isChecked():
            self._apply_ticked_only()

    def _apply_ticked_only(self) -> None:
        # Hide unticked rows in the view (the model keeps the text filter only).
        for group_row in range(self.model.rowCount()):
            group = self.model.index(group_row, 0)
            for row in range(self.model.rowCount(group)):
                criterion = self.model.node(self.model.index(row, 0, group))
                hidden = criterion is not None and not self.model.is_ticked(criterion.id)
                self.view.setRowHidden(row, group, hidden)

    def _after_reset(self) -> None:
        self.view.expandAll()
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        current = None if self._current_id is None else self.model.index_of(self._current_id)
        if current is not None and current.isValid():
            self.view.selectionModel().setCurrentIndex(
                current, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        else:
            self._show_detail(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail(self.model.node(current))

    def _show_detail(self, criterion: MajorCriterion | None) -> None:
        self._current_id = None if criterion is None else criterion.id
        widgets = (self.detail_tick, self.evidence)
        for widget in widgets:
            widget.blockSignals(True)
        if criterion is None:
            self.detail_title.setText(self.tr("Choose a criterion in the list."))
            self.detail_text.setText("")
            self.detail_tick.setChecked(False)
            self.detail_tick.setEnabled(False)
            self.evidence.setPlainText("")
            self.evidence.setEnabled(False)
        else:
            self.detail_title.setText(arg(self.tr("%1 — clause %2"), criterion.code, criterion.clause))
            self.detail_text.setText(criterion.text)
            ticked = self.model.is_ticked(criterion.id)
            self.detail_tick.setEnabled(True)
            self.detail_tick.setChecked(ticked)
            if self.evidence.toPlainText() != self.model.evidence(criterion.id):
                self.evidence.setPlainText(self.model.evidence(criterion.id))
            self.evidence.setEnabled(ticked)
        for widget in widgets:
            widget.blockSignals(False)

    def _select_ticked(self, criterion_id: object) -> None:
        """Ticking a criterion in the list makes it the one whose evidence the box shows (issue 11)."""
        if criterion_id == self._current_id:
            return
        index = self.model.index_of(criterion_id) if isinstance(criterion_id, uuid.UUID) else QModelIndex()
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.evidence.setFocus()

    def _detail_tick_toggled(self, checked: bool) -> None:
        if self._current_id is None:
            return
        self.model.set_ticked(self._current_id, checked)
        self.evidence.setEnabled(checked)
        if checked:
            self.evidence.setFocus()

    def _evidence_changed(self) -> None:
        if self._current_id is not None:
            self.model.set_evidence(self._current_id, self.evidence.toPlainText())

    def _update_verdict(self) -> None:
        if self._current_id is not None:
            ticked = self.model.is_ticked(self._current_id)
            if self.detail_tick.isChecked() != ticked:
                self.detail_tick.blockSignals(True)
                self.detail_tick.setChecked(ticked)
                self.detail_tick.blockSignals(False)
                self.evidence.setEnabled(ticked)
        ticked_items = self.model.ticked()
        count = len(ticked_items)
        self.decision_box.setEnabled(count == 0)
        self.decision_reason.setEnabled(count == 0)
        if count:
            self.verdict.set_verdict(self.tr("Major hazard — matches %n criterion(s)", "", count), MAJOR_COLOUR)
            missing = [c.code for c in ticked_items if not self.model.evidence(c.id).strip()]
            codes = ", ".join(c.code for c in ticked_items)
            detail = arg(self.tr("Matched: %1."), codes)
            if missing:
                detail += " " + arg(self.tr("Evidence still missing for %1."), ", ".join(missing))
            self.verdict_detail.setText(detail)
        elif self.decision_box.isChecked():
            self.verdict.set_verdict(self.tr("Major hazard — panel decision under §4.3"), MAJOR_COLOUR)
            self.verdict_detail.setText(
                "" if self.decision_reason.toPlainText().strip() else self.tr("A written reason is required.")
            )
        else:
            self.verdict.set_verdict(self.tr("No criterion matches"), "#546e7a")
            self.verdict_detail.setText(self.tr("The hazard is graded by the LEC method (§5.2)."))
        if self.ticked_only.isChecked():
            self._apply_ticked_only()

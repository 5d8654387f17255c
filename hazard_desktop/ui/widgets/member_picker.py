"""Pick panel members: people with their departments, ticked in a table (only eligible departments shown)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from hazard_desktop.domain.grading import MemberScore, PanelRole
from hazard_desktop.domain.reference import Department, DepartmentKind, Person
from hazard_desktop.services.grading import PanelCandidate
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.models.rows import RowsTableModel
from hazard_desktop.ui.widgets.lec_format import department_kind_short

Candidate = PanelCandidate
"""A person who may sit on a panel, with the department (and its kind) they stand for."""

CONTEXT = "MemberPickerModel"

COL_NAME, COL_DEPARTMENT, COL_KIND = range(3)
COLUMN_COUNT = 3
HEADERS = (
    QT_TRANSLATE_NOOP("MemberPickerModel", "Name"),
    QT_TRANSLATE_NOOP("MemberPickerModel", "Department"),
    QT_TRANSLATE_NOOP("MemberPickerModel", "Panel seat"),
)

DisplayRole = int(Qt.ItemDataRole.DisplayRole)
CheckStateRole = int(Qt.ItemDataRole.CheckStateRole)
ToolTipRole = int(Qt.ItemDataRole.ToolTipRole)
PersonIdRole = int(Qt.ItemDataRole.UserRole) + 1

_KIND_ORDER = {
    DepartmentKind.SAFETY: 0,
    DepartmentKind.PRODUCTION: 1,
    DepartmentKind.UNION: 2,
    DepartmentKind.BUSINESS: 3,
    DepartmentKind.WORKSHOP: 4,
    DepartmentKind.OTHER: 5,
}
_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Seat:
    """A candidate's place on a panel."""

    candidate: Candidate
    role: PanelRole = PanelRole.MEMBER


def select_candidates(
    people: Iterable[Candidate],
    *,
    kinds: Iterable[DepartmentKind] | None = None,
    department_ids: Iterable[uuid.UUID] = (),
    exclude: Iterable[uuid.UUID] = (),
) -> list[Candidate]:
    """Candidates of departments of ``kinds`` (all if None) or of ``department_ids``, sorted for display."""
    wanted_kinds = None if kinds is None else set(kinds)
    wanted_ids = set(department_ids)
    excluded = set(exclude)
    chosen = [
        c
        for c in people
        if c.person_id not in excluded
        and (wanted_kinds is None or c.department_kind in wanted_kinds or c.department_id in wanted_ids)
    ]
    return sort_candidates(chosen)


def candidates_from(
    people: Iterable[Person],
    departments: Iterable[Department],
    *,
    kinds: Iterable[DepartmentKind] | None = None,
    department_ids: Iterable[uuid.UUID] = (),
) -> list[Candidate]:
    """Active people of departments of ``kinds`` (all if None) or of ``department_ids``, sorted for display."""
    by_id = {d.id: d for d in departments}
    wanted_kinds = None if kinds is None else set(kinds)
    wanted_ids = set(department_ids)
    result = []
    for person in people:
        department = by_id.get(person.department_id)
        if department is None or not person.active:
            continue
        if wanted_kinds is not None and department.kind not in wanted_kinds and department.id not in wanted_ids:
            continue
        result.append(PanelCandidate.of(person, department))
    return sort_candidates(result)


def sort_candidates(candidates: Iterable[Candidate]) -> list[Candidate]:
    """安环部, 生产部, 工会, 事业部, then others; by department, then name."""
    return sorted(candidates, key=lambda c: (_KIND_ORDER[c.department_kind], c.department_name, c.name))


def placeholder_score(seat: Seat) -> MemberScore:
    """A MemberScore without values, so ``check_panel`` can judge the composition before anyone scores."""
    c = seat.candidate
    return MemberScore(
        person_id=c.person_id,
        person_name=c.name,
        department_id=c.department_id,
        department_name=c.department_name,
        department_kind=c.department_kind,
        role=seat.role,
        likelihood=_ZERO,
        exposure=_ZERO,
        consequence=_ZERO,
    )


def namesakes(candidates: Iterable[Candidate]) -> frozenset[uuid.UUID]:
    """The people among ``candidates`` who share their name and department with another of them."""
    count: dict[tuple[str, uuid.UUID], int] = {}
    listed = list(candidates)
    for c in listed:
        count[(c.name, c.department_id)] = count.get((c.name, c.department_id), 0) + 1
    return frozenset(c.person_id for c in listed if count[(c.name, c.department_id)] > 1)


def candidate_name(candidate: Candidate, shared: frozenset[uuid.UUID] = frozenset()) -> str:
    """The name, with the employee number when it is one of ``shared`` (:func:`namesakes`): ``周永明（E0099）``."""
    return numbered_name(candidate.name, candidate.employee_no if candidate.person_id in shared else None)


def candidate_label(candidate: Candidate, shared: frozenset[uuid.UUID] = frozenset()) -> str:
    """``陈建国（安环部）`` / ``Chen (Safety)``; a namesake in ``shared`` with the employee number:
    ``周永明（E0099）（生产部）``."""
    return QCoreApplication.translate("MemberPicker", "{name} ({department})").format(
        name=candidate_name(candidate, shared), department=candidate.department_name
    )


class MemberPickerModel(RowsTableModel):
    """Candidates with a check box in the name column; disabled rows cannot be ticked."""

    CONTEXT = CONTEXT
    HEADERS = HEADERS

    checked_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []
        self._shared: frozenset[uuid.UUID] = frozenset()  # namesakes among the rows: shown with their 工号
        self._checked: set[uuid.UUID] = set()
        self._disabled: set[uuid.UUID] = set()

    # ---- Qt model interface
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DisplayRole:
            if column == COL_NAME:
                return candidate_name(row, self._shared)
            if column == COL_DEPARTMENT:
                return row.department_name
            if column == COL_KIND:
                return department_kind_short(row.department_kind)
            return None
        if role == CheckStateRole and column == COL_NAME:
            return Qt.CheckState.Checked if row.person_id in self._checked else Qt.CheckState.Unchecked
        if role == ToolTipRole:
            return candidate_label(row, self._shared)
        if role == PersonIdRole:
            return str(row.person_id)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        if row.person_id in self._disabled:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = CheckStateRole) -> bool:
        if not index.isValid() or role != CheckStateRole or index.column() != COL_NAME:
            return False
        row = self._rows[index.row()]
        if row.person_id in self._disabled:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        checked = state == Qt.CheckState.Checked.value
        if checked == (row.person_id in self._checked):
            return True
        if checked:
            self._checked.add(row.person_id)
        else:
            self._checked.discard(row.person_id)
        self.dataChanged.emit(index, index, [CheckStateRole])
        self.checked_changed.emit()
        return True

    # ---- ours
    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        """Show ``candidates``; ticks of people still listed are kept."""
        self.beginResetModel()
        self._rows = list(candidates)
        self._shared = namesakes(self._rows)
        ids = {c.person_id for c in self._rows}
        self._checked &= ids
        self.endResetModel()
        self.checked_changed.emit()

    def candidates(self) -> list[Candidate]:
        """All rows."""
        return list(self._rows)

    def checked(self) -> list[Candidate]:
        """Ticked candidates in display order."""
        return [c for c in self._rows if c.person_id in self._checked]

    def set_checked(self, person_ids: Iterable[uuid.UUID]) -> None:
        """Tick exactly ``person_ids`` (others are unticked)."""
        wanted = {pid for pid in person_ids if pid not in self._disabled}
        if wanted == self._checked:
            return
        self._checked = wanted & {c.person_id for c in self._rows}
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_NAME), self.index(len(self._rows) - 1, COL_NAME), [CheckStateRole])
        self.checked_changed.emit()

    def set_disabled(self, person_ids: Iterable[uuid.UUID]) -> None:
        """Grey out ``person_ids`` (e.g. the leader chosen elsewhere); they are unticked."""
        self._disabled = set(person_ids)
        removed = self._checked & self._disabled
        self._checked -= self._disabled
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
        if removed:
            self.checked_changed.emit()

    def row_of(self, person_id: uuid.UUID) -> int:
        """Row of ``person_id`` or -1."""
        return next((i for i, c in enumerate(self._rows) if c.person_id == person_id), -1)


class MemberPicker(QWidget):
    """A table of candidates with check boxes; ``changed`` fires when the ticks change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MemberPickerModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("memberTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DEPARTMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.view.clicked.connect(self._toggle_row)
        self.model.checked_changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _toggle_row(self, index: QModelIndex) -> None:
        # A click anywhere on a row but the check box itself toggles it (the box toggles on its own).
        if index.column() == COL_NAME:
            return
        name_index = self.model.index(index.row(), COL_NAME)
        if not self.model.flags(name_index) & Qt.ItemFlag.ItemIsUserCheckable:
            return
        state = self.model.data(name_index, CheckStateRole)
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.model.setData(name_index, new.value, CheckStateRole)

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        self.model.set_candidates(candidates)

    def checked(self) -> list[Candidate]:
        return self.model.checked()

    def set_checked(self, person_ids: Iterable[uuid.UUID]) -> None:
        self.model.set_checked(person_ids)

    def set_disabled(self, person_ids: Iterable[uuid.UUID]) -> None:
        self.model.set_disabled(person_ids)

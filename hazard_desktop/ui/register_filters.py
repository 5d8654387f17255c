"""The filter bar above the register: free text, status, grade, category, department, deadline on the first row;
the grading filters (danger bands, method, dispute) and the date range on the second.

Choices apply at once; typed text applies after a short pause (``DEBOUNCE_MS``) or on Enter, and
``apply_now()`` applies whatever is pending (tests use it instead of waiting).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.hazard_states import HazardGrade, HazardStatus
from hazard_desktop.domain.reference import Category, Department
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import QT_DATE_FORMAT, local_day_end, local_day_start
from hazard_desktop.ui.labels import BandLabel
from hazard_desktop.ui.models.register_model import band_swatch

DEBOUNCE_MS = 250

NOT_CLOSED = "not_closed"  # status choice: everything but 已销号
CONFLICTED = "conflicted"  # status choice: an exchange conflict of the hazard is open (issue 15)
DISPUTED = "disputed"  # dispute choice: ever disputed (open, ruled or withdrawn)
NOT_DISPUTED = "not_disputed"
OVERDUE = "overdue"  # deadline choice: under rectification, deadline before today
DUE_SOON = "due_soon"  # under rectification, deadline today or in the next DUE_SOON_DAYS days
MY_ACCEPTANCE = "my_acceptance"  # 待验收 with the 操作人 named as acceptor
DUE_SOON_DAYS = 7


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CompactCombo(QComboBox):
    """A combo as wide as its longest entry when there is room, and narrower (eliding) when there is not."""

    MIN_CHARACTERS = 6

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().horizontalAdvance("M" * self.MIN_CHARACTERS) + 32  # arrow and frame
        return QSize(min(hint.width(), narrow), hint.height())


def entry_width(combo: QComboBox, text: str) -> int:
    """The width ``combo`` needs to show ``text`` whole (frame and arrow included)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    content = QSize(combo.fontMetrics().horizontalAdvance(text), combo.fontMetrics().height())
    return combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content, combo).width()


class ListCombo(QComboBox):
    """A combo of a long reference list (categories, departments): narrow, eliding long entries, but never
    narrower than its first entry ("All departments"), which says what the filter is."""

    def __init__(self, parent: QWidget | None = None, characters: int = 8) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(characters)

    def _first(self) -> int:
        return entry_width(self, self.itemText(0)) if self.count() else 0

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._first()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._first()), hint.height())


class StayOpenMenu(QMenu):
    """A menu that stays open while checkable entries are ticked (a multi-select list)."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class BandChooser(QToolButton):
    """Multi-select of danger bands (a button with a menu of ticks, each with the band's colour).

    Signals:
        changed(): the selection changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bandFilter")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # The menu arrow at the right, centred, as on the combo boxes beside it (not squeezed into a corner).
        self.setStyleSheet(
            "QToolButton#bandFilter { padding: 2px 22px 2px 6px; }"
            " QToolButton#bandFilter::menu-indicator { subcontrol-origin: padding;"
            " subcontrol-position: center right; right: 6px; }"
        )
        self.setToolTip(self.tr("Show only hazards whose mean D falls in the ticked danger bands (table D.4)"))
        self._menu = StayOpenMenu(self)
        self._menu.setObjectName("bandFilterMenu")
        self.setMenu(self._menu)
        self._menu.aboutToShow.connect(self._draw_swatches)
        self._actions: dict[str, QAction] = {}
        self._bands: dict[str, BandLabel] = {}
        self._show_all = QAction(self.tr("All bands"), self)
        self._show_all.triggered.connect(self.clear)
        self._update_text()

    def set_bands(self, bands: Mapping[str, BandLabel]) -> None:
        """Offer ``bands`` (most dangerous first), keeping the ticks of codes that remain."""
        chosen = self.selected()
        self._bands = dict(bands)
        self._menu.clear()
        self._actions.clear()
        for code, band in self._bands.items():
            action = QAction(labels.mnemonic_safe(band.name), self)  # its colour: when the menu first opens
            action.setCheckable(True)
            action.setChecked(code in chosen)
            action.setData(code)
            action.toggled.connect(self._toggled)
            self._menu.addAction(action)
            self._actions[code] = action
        self._menu.addSeparator()
        self._menu.addAction(self._show_all)
        self._update_text()
        if self.selected() != chosen:
            self.changed.emit()

    def _draw_swatches(self) -> None:
        for code, action in self._actions.items():
            if action.icon().isNull():
                action.setIcon(band_swatch(self._bands[code].colour, 14))

    def selected(self) -> frozenset[str]:
        """Codes of the ticked bands (empty: any band, and hazards without one)."""
        return frozenset(code for code, action in self._actions.items() if action.isChecked())

    def set_selected(self, codes: Iterable[str]) -> None:
        """Tick exactly ``codes`` (one ``changed`` if that changes anything)."""
        wanted = frozenset(codes)
        if wanted == self.selected():
            return
        for code, action in self._actions.items():
            with QSignalBlocker(action):
                action.setChecked(code in wanted)
        self._update_text()
        self.changed.emit()

    def clear(self) -> None:
        """Untick every band."""
        self.set_selected(())

    def actions_by_code(self) -> dict[str, QAction]:
        """The menu entry of each band code."""
        return dict(self._actions)

    def _toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = [band.name for code, band in self._bands.items() if self._actions[code].isChecked()]
        if not chosen:
            text = self.tr("All bands")
        elif len(chosen) <= 2:
            text = self.tr(", ").join(chosen)
        else:
            text = self.tr("{count} bands").format(count=len(chosen))
        self.setText(text)
        self._show_all.setEnabled(bool(chosen))
        widest = max([self.fontMetrics().horizontalAdvance(t) for t in (self.tr("All bands"), *chosen[:1])] + [0])
        self.setMinimumWidth(widest + 44)  # text, padding and the menu arrow


class RegisterFilterBar(QWidget):
    """Widgets that build a :class:`RegisterFilter`.

    Item data of the lists are plain strings (codes, enum values, UUID text): PySide stores other
    Python objects opaquely, and ``findData`` could not find them again.

    Signals:
        filter_changed(RegisterFilter): the filter the user asked for (only when it differs).
    """

    filter_changed = Signal(object)

    def __init__(
        self,
        categories: Sequence[Category] = (),
        departments: Sequence[Department] = (),
        parent: QWidget | None = None,
        bands: Mapping[str, BandLabel] | None = None,
    ) -> None:
        super().__init__(parent)
        self._emitted = RegisterFilter()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_now)

        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        # short in English: the field has ~160 px at 1366×768 and 150 % (trial 157 cut the longer text)
        self.search.setPlaceholderText(self.tr("Number or words…"))
        self.search.setToolTip(
            self.tr(
                "Searches the register number, the old ledger's number (原编号), the description, the location and the"
                " equipment tag. A search that is exactly a number lists that hazard first."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.textChanged.connect(self._text_edited)
        self.search.returnPressed.connect(self.apply_now)

        self.status = CompactCombo(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Not closed out"), NOT_CLOSED)
        for status, text in labels.statuses():
            self.status.addItem(text, status.value)
        self.status.addItem(self.tr("Exchange conflict"), CONFLICTED)

        self.grade = CompactCombo(self)
        self.grade.setObjectName("gradeFilter")
        self.grade.addItem(self.tr("All grades"), None)
        for grade, text in labels.grades():
            self.grade.addItem(text, grade.value)

        self.category = ListCombo(self, 12)
        self.category.setObjectName("categoryFilter")

        self.department = ListCombo(self, 8)
        self.department.setObjectName("departmentFilter")

        self.bands = BandChooser(self)
        self.bands.changed.connect(self.apply_now)

        self.method = CompactCombo(self)
        self.method.setObjectName("methodFilter")
        self.method.setToolTip(self.tr("How the grade that counts was reached"))
        self.method.addItem(self.tr("All methods"), None)
        for method, text in labels.methods():
            self.method.addItem(text, method.value)

        self.dispute = CompactCombo(self)
        self.dispute.setObjectName("disputeFilter")
        self.dispute.setToolTip(self.tr("Hazards whose grading a department disputed (open, ruled or withdrawn)"))
        self.dispute.addItem(self.tr("Disputed or not"), None)
        self.dispute.addItem(self.tr("Disputed"), DISPUTED)
        self.dispute.addItem(self.tr("Never disputed"), NOT_DISPUTED)
        self.bands.setMinimumHeight(self.dispute.sizeHint().height())  # as tall as its neighbours

        self.deadline = CompactCombo(self)
        self.deadline.setObjectName("deadlineFilter")
        self.deadline.setToolTip(self.tr("Rectification deadlines (plant-local days) and acceptances waiting"))
        self.deadline.addItem(self.tr("Any deadline"), None)
        self.deadline.addItem(self.tr("Overdue"), OVERDUE)
        self.deadline.addItem(self.tr("Due within 7 days"), DUE_SOON)
        self.deadline.addItem(self.tr("Awaiting my acceptance"), MY_ACCEPTANCE)
        self._operator: uuid.UUID | None = None
        self.today: date | None = None  # None: the plant-local day now (tests fix it)
        self._sync_my_acceptance()

        self.use_dates = QCheckBox(self.tr("Found"), self)
        self.use_dates.setObjectName("dateFilterEnabled")
        self.use_dates.setToolTip(self.tr("Only hazards found between these two days (both included)"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QT_DATE_FORMAT)
            edit.setEnabled(False)
        self.date_from.setObjectName("dateFrom")
        self.date_to.setObjectName("dateTo")
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)

        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear)

        # Row 1: what the hazard is; row 2: how it was graded, when it was found, and "Clear".
        self.date_group = QWidget(self)
        dates = QHBoxLayout(self.date_group)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self.date_group))
        dates.addWidget(self.date_to)
        for widget in (self.use_dates, self.date_from, self.date_to):
            widget.setParent(self.date_group)
        self._row1 = QHBoxLayout()
        self._row1.setContentsMargins(0, 0, 0, 0)
        self._row1.addWidget(self.search, 3)
        self._row1.addWidget(self.status)
        self._row1.addWidget(self.grade)
        self._row1.addWidget(self.category, 1)
        self._row1.addWidget(self.department, 1)
        self._row1.addWidget(self.deadline)
        self._row2 = QHBoxLayout()
        self._row2.setContentsMargins(0, 0, 0, 0)
        self._row2.addWidget(self.bands)
        self._row2.addWidget(self.method)
        self._row2.addWidget(self.dispute)
        self._row2.addSpacing(12)
        self._row2.addWidget(self.date_group)
        self._row2.addStretch(1)
        self._row2.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._row1)
        layout.addLayout(self._row2)

        self.set_reference(categories, departments)
        self.set_bands(bands or {})
        for combo in (
            self.status, self.grade, self.category, self.department, self.method, self.dispute, self.deadline
        ):  # fmt: skip
            combo.currentIndexChanged.connect(self.apply_now)
        self.use_dates.toggled.connect(self.apply_now)
        self.date_from.dateChanged.connect(self.apply_now)
        self.date_to.dateChanged.connect(self.apply_now)

    # ------------------------------------------------------------------ reference lists

    def set_reference(self, categories: Sequence[Category], departments: Sequence[Department]) -> None:
        """Fill the category and department lists, keeping the current choices where they still exist."""
        chosen_category = self.category.currentData()
        chosen_department = self.department.currentData()
        with QSignalBlocker(self.category), QSignalBlocker(self.department):
            self.category.clear()
            self.category.addItem(self.tr("All categories"), None)
            for category in categories:
                self.category.addItem(labels.category_label(category), category.code)
            self.department.clear()
            self.department.addItem(self.tr("All departments"), None)
            for department in departments:
                self.department.addItem(department.name, str(department.id))
            self.category.setCurrentIndex(max(0, self.category.findData(chosen_category)))
            self.department.setCurrentIndex(max(0, self.department.findData(chosen_department)))

    def set_bands(self, bands: Mapping[str, BandLabel]) -> None:
        """Offer the danger bands of the stored threshold sets (ticks of codes that remain are kept)."""
        with QSignalBlocker(self.bands):
            self.bands.set_bands(bands)

    def set_operator(self, person_id: uuid.UUID | None) -> None:
        """The 操作人 whose acceptances "Awaiting my acceptance" shows (None: the choice is disabled)."""
        if person_id == self._operator:
            return
        self._operator = person_id
        self._sync_my_acceptance()
        if self.deadline.currentData() == MY_ACCEPTANCE:
            self.apply_now()

    def _sync_my_acceptance(self) -> None:
        item = self.deadline.model().item(self.deadline.findData(MY_ACCEPTANCE))  # type: ignore[attr-defined]
        item.setEnabled(self._operator is not None)
        item.setToolTip("" if self._operator is not None else self.tr("Choose the operator first (Rectification menu)"))
        if self._operator is None and self.deadline.currentData() == MY_ACCEPTANCE:
            self.deadline.setCurrentIndex(0)

    def show_deadline(self, choice: str | None) -> None:
        """Choose a deadline filter (OVERDUE, DUE_SOON, MY_ACCEPTANCE or None) and apply it."""
        self.deadline.setCurrentIndex(max(0, self.deadline.findData(choice)))
        self.apply_now()

    # ------------------------------------------------------------------ the filter

    def current_filter(self) -> RegisterFilter:
        """The filter the widgets show now (pending text included)."""
        status = self.status.currentData()
        if status == NOT_CLOSED:
            statuses = frozenset(s for s in HazardStatus if s is not HazardStatus.CLOSED)
        elif status == CONFLICTED:
            statuses = frozenset()
        elif status:
            statuses = frozenset({HazardStatus(status)})
        else:
            statuses = frozenset()
        grade = self.grade.currentData()
        department = self.department.currentData()
        found_from = found_before = None
        if self.use_dates.isChecked():
            start, end = self.date_from.date(), self.date_to.date()
            if end < start:
                start, end = end, start
            found_from, found_before = local_day_start(start), local_day_end(end)
        method = self.method.currentData()
        dispute = self.dispute.currentData()
        today = self.today or date.today()
        deadline = self.deadline.currentData()
        deadline_from = deadline_before = acceptor = None
        if deadline == OVERDUE:
            deadline_before = today
        elif deadline == DUE_SOON:
            deadline_from, deadline_before = today, today + timedelta(days=DUE_SOON_DAYS + 1)
        elif deadline == MY_ACCEPTANCE:
            acceptor = self._operator
        return RegisterFilter(
            deadline_from=deadline_from,
            deadline_before=deadline_before,
            acceptor_id=acceptor,
            band_codes=self.bands.selected(),
            methods=frozenset({method}) if method else frozenset(),
            disputed=True if dispute == DISPUTED else False if dispute == NOT_DISPUTED else None,
            conflicted=True if status == CONFLICTED else None,
            statuses=statuses,
            grades=frozenset({HazardGrade(grade)}) if grade else frozenset(),
            category_code=self.category.currentData() or None,
            department_id=uuid.UUID(department) if department else None,
            text=self.search.text().strip(),
            found_from=found_from,
            found_before=found_before,
        )

    def show_filter(self, flt: RegisterFilter) -> None:
        """Set every widget to ``flt`` (text, one status/grade/category/department/method, dispute, bands,
        found dates, deadline) and apply it: the statistics window's "show these hazards" lands here, visible
        and clearable. Filters set before are replaced, not kept: the register shows exactly what ``flt``
        keeps (a bar of 11 hazards shows those 11, not the few of them that an earlier 已逾期 kept)."""
        combos = (self.status, self.grade, self.category, self.department, self.method, self.dispute, self.deadline)
        with ExitStack() as stack:
            for widget in (self.search, *combos, self.use_dates, self.date_from, self.date_to, self.bands):
                stack.enter_context(QSignalBlocker(widget))
            self.search.setText(flt.text)
            for combo in combos:
                combo.setCurrentIndex(0)
            if len(flt.statuses) == 1:
                self.status.setCurrentIndex(max(0, self.status.findData(next(iter(flt.statuses)).value)))
            elif flt.conflicted:
                self.status.setCurrentIndex(max(0, self.status.findData(CONFLICTED)))
            if len(flt.grades) == 1:
                self.grade.setCurrentIndex(max(0, self.grade.findData(next(iter(flt.grades)).value)))
            self.category.setCurrentIndex(max(0, self.category.findData(flt.category_code)))
            department = None if flt.department_id is None else str(flt.department_id)
            self.department.setCurrentIndex(max(0, self.department.findData(department)))
            if len(flt.methods) == 1:
                self.method.setCurrentIndex(max(0, self.method.findData(next(iter(flt.methods)))))
            if flt.disputed is not None:
                self.dispute.setCurrentIndex(self.dispute.findData(DISPUTED if flt.disputed else NOT_DISPUTED))
            self.deadline.setCurrentIndex(max(0, self.deadline.findData(self._deadline_choice(flt))))
            self.bands.set_selected(flt.band_codes)
            dated = flt.found_from is not None and flt.found_before is not None
            self.use_dates.setChecked(dated)
            if flt.found_from is not None and flt.found_before is not None:
                self.date_from.setDate(_qdate(flt.found_from.astimezone().date()))
                self.date_to.setDate(_qdate((flt.found_before.astimezone() - timedelta(microseconds=1)).date()))
        self.date_from.setEnabled(self.use_dates.isChecked())
        self.date_to.setEnabled(self.use_dates.isChecked())
        self.apply_now()

    def _deadline_choice(self, flt: RegisterFilter) -> str | None:
        """The deadline entry that gives ``flt``'s deadline bounds (None: no deadline filter)."""
        if flt.acceptor_id is not None and flt.acceptor_id == self._operator:
            return MY_ACCEPTANCE
        if flt.deadline_from is None and flt.deadline_before is None:
            return None
        today = self.today or date.today()
        if flt.deadline_from is None and flt.deadline_before == today:
            return OVERDUE
        if flt.deadline_from == today and flt.deadline_before == today + timedelta(days=DUE_SOON_DAYS + 1):
            return DUE_SOON
        return None

    def is_filtering(self) -> bool:
        """True if the current filter hides anything."""
        return self.current_filter() != RegisterFilter()

    def apply_now(self) -> None:
        """Emit ``filter_changed`` for the current widgets now (cancels a pending text timer)."""
        self._timer.stop()
        flt = self.current_filter()
        if flt != self._emitted:
            self._emitted = flt
            self.filter_changed.emit(flt)

    def has_pending(self) -> bool:
        """True while typed text waits for the debounce timer."""
        return self._timer.isActive()

    def clear(self) -> None:
        """Show everything (one ``filter_changed``)."""
        combos = (self.status, self.grade, self.category, self.department, self.method, self.dispute, self.deadline)
        with ExitStack() as stack:
            for widget in (self.search, *combos, self.use_dates, self.bands):
                stack.enter_context(QSignalBlocker(widget))
            self.search.clear()
            for combo in combos:
                combo.setCurrentIndex(0)
            self.bands.clear()
            self.use_dates.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.apply_now()

    def focus_search(self) -> None:
        """Put the cursor into the search field with its text selected (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    def _text_edited(self) -> None:
        self._timer.start()

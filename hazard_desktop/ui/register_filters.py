"""The filter bar above the register: status, grade, category, department, free text, date range.

Choices apply at once; typed text applies after a short pause (``DEBOUNCE_MS``) or on Enter, and
``apply_now()`` applies whatever is pending (tests use it instead of waiting).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from contextlib import ExitStack

from PySide6.QtCore import QDate, QSignalBlocker, QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reference import Category, Department
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import QT_DATE_FORMAT, local_day_end, local_day_start

DEBOUNCE_MS = 250


def _min_width(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


NOT_CLOSED = "not_closed"  # status choice: everything but 已销号


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
    ) -> None:
        super().__init__(parent)
        self._emitted = RegisterFilter()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_now)

        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Search number, description, location, tag…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.textChanged.connect(self._text_edited)
        self.search.returnPressed.connect(self.apply_now)

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Not closed out"), NOT_CLOSED)
        for status, text in labels.statuses():
            self.status.addItem(text, status.value)

        self.grade = QComboBox(self)
        self.grade.setObjectName("gradeFilter")
        self.grade.addItem(self.tr("All grades"), None)
        for grade, text in labels.grades():
            self.grade.addItem(text, grade.value)

        self.category = QComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(12)

        self.department = QComboBox(self)
        self.department.setObjectName("departmentFilter")
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.department.setMinimumContentsLength(8)

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

        # Choices on the first row; the date range and "Clear" join it when there is room, else wrap below.
        self.date_group = QWidget(self)
        dates = QHBoxLayout(self.date_group)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self.date_group))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)
        for widget in (self.use_dates, self.date_from, self.date_to, self.clear_button):
            widget.setParent(self.date_group)
        self._row1 = QHBoxLayout()
        self._row1.setContentsMargins(0, 0, 0, 0)
        self._row1.addWidget(self.search, 3)
        self._row1.addWidget(self.status)
        self._row1.addWidget(self.grade)
        self._row1.addWidget(self.category, 1)
        self._row1.addWidget(self.department, 1)
        self._row2 = QHBoxLayout()
        self._row2.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._row1)
        layout.addLayout(self._row2)
        self._row1.addWidget(self.date_group)
        self._wrapped = False

        self.set_reference(categories, departments)
        for combo in (self.status, self.grade, self.category, self.department):
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

    # ------------------------------------------------------------------ the filter

    def current_filter(self) -> RegisterFilter:
        """The filter the widgets show now (pending text included)."""
        status = self.status.currentData()
        if status == NOT_CLOSED:
            statuses = frozenset(s for s in HazardStatus if s is not HazardStatus.CLOSED)
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
        return RegisterFilter(
            statuses=statuses,
            grades=frozenset({HazardGrade(grade)}) if grade else frozenset(),
            category_code=self.category.currentData() or None,
            department_id=uuid.UUID(department) if department else None,
            text=self.search.text().strip(),
            found_from=found_from,
            found_before=found_before,
        )

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
        widgets = (self.search, self.status, self.grade, self.category, self.department, self.use_dates)
        with ExitStack() as stack:
            for widget in widgets:
                stack.enter_context(QSignalBlocker(widget))
            self.search.clear()
            for combo in (self.status, self.grade, self.category, self.department):
                combo.setCurrentIndex(0)
            self.use_dates.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.apply_now()

    def focus_search(self) -> None:
        """Put the cursor into the search field with its text selected (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    def is_wrapped(self) -> bool:
        """True when the date range sits on a second row (narrow window)."""
        return self._wrapped

    def _one_row_width(self) -> int:
        widgets = (self.search, self.status, self.grade, self.category, self.department)
        spacing = max(self._row1.spacing(), 0) * len(widgets)
        return sum(_min_width(w) for w in widgets) + 60 + spacing + self.date_group.sizeHint().width()

    def _place_dates(self, width: int) -> None:
        wrap = width < self._one_row_width()
        if wrap == self._wrapped:
            return
        self._wrapped = wrap
        (self._row1 if not wrap else self._row2).removeWidget(self.date_group)
        (self._row2 if wrap else self._row1).addWidget(self.date_group)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wrapped arrangement (the dates move below when the window gets narrow)."""
        widgets = (self.search, self.status, self.grade, self.category, self.department)
        spacing = max(self._row1.spacing(), 0) * (len(widgets) - 1)
        width = max(sum(_min_width(w) for w in widgets) + spacing, self.date_group.minimumSizeHint().width())
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_dates(event.size().width())
        super().resizeEvent(event)

    def _text_edited(self) -> None:
        self._timer.start()

"""The statistics window (统计分析): the register counted for a month, quarter, year or custom period.

Tabs by category, department, grade, band, status and month (found vs closed), each a table beside its
bar chart (QtCharts); the major hazards with their state and report state; and the report page (the
statutory 统计分析表 of a quarter or year, the monthly internal report) with the analysis text. Above the
tabs the headline figures: found, rectified, rectification rate (closed on time / due), overdue, average
days to close, funds.

Every figure comes from ``services.statistics.load_statistics`` over the context's GROUP BY queries (one
plain connection, held while the window is open). Clicking a bar or double-clicking a row emits
``filter_requested`` with the register filter that shows those hazards (period dates + the bar's key).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reporting import (
    Period,
    PeriodKind,
    custom_period,
    month_period,
    period_containing,
    quarter_period,
    year_period,
)
from hazard_desktop.services import reports
from hazard_desktop.services.authorization import permitted
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.services.reports import TableSheet
from hazard_desktop.services.statistics import (
    DIMENSIONS,
    CountRow,
    MajorHazard,
    Statistics,
    StatisticsQueries,
    load_statistics,
)
from hazard_desktop.ui import file_dialogs, labels, messages
from hazard_desktop.ui.file_dialogs import FileKind
from hazard_desktop.ui.formatting import QT_DATE_FORMAT
from hazard_desktop.ui.statistics.models import CountLine, CountModel, FlowModel, MajorModel
from hazard_desktop.ui.widgets import screen_fit

_GRADES = {g.value for g in HazardGrade}
_STATUSES = {s.value for s in HazardStatus}
FOUND_COLOUR = QColor("#2F6DB5")
CLOSED_COLOUR = QColor("#3C9A5F")


def _local_start(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


class StatisticsWindow(QMainWindow):
    """Counts, charts and reports of one period.

    Signals:
        filter_requested(object): a ``RegisterFilter`` showing the hazards behind a bar or row.
    """

    filter_requested = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Statistics"))
        self._context = context
        self.today = today or date.today()
        if context.statistics is None:
            raise RuntimeError("this context has no statistics queries")
        self.queries: StatisticsQueries = context.statistics()
        self.stats: Statistics | None = None
        self.period: Period = period_containing(PeriodKind.QUARTER, self.today)
        self.charts: dict[str, QChart] = {}
        self.chart_views: dict[str, QChartView] = {}
        self.tables: dict[str, QTableView] = {}
        self.count_models: dict[str, CountModel] = {}
        self.last_saved: Path | None = None
        self._closed = False

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._period_bar())
        self.headline = QLabel(central)
        self.headline.setObjectName("statisticsHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.headline)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("statisticsTabs")
        layout.addWidget(self.tabs, 1)
        names = self._dimension_names()
        for dimension in DIMENSIONS:
            if dimension == "month":
                continue
            self.tabs.addTab(self._count_page(dimension), names[dimension])
        self.tabs.addTab(self._flow_page(), names["month"])
        self.tabs.addTab(self._majors_page(), self.tr("Major hazards"))
        self.tabs.addTab(self._report_page(), self.tr("Report"))
        layout.addLayout(self._button_row())
        self.setCentralWidget(central)
        screen_fit.fit_on_show(self, (1100, 720), remember="statistics")
        self._show_period_widgets()
        self.refresh()

    # ------------------------------------------------------------------------------------ building
    def _dimension_names(self) -> dict[str, str]:
        return {
            "category": self.tr("By category"),
            "department": self.tr("By department"),
            "grade": self.tr("By grade"),
            "band": self.tr("By band"),
            "status": self.tr("By status"),
            "month": self.tr("Found and closed by month"),
        }

    def _period_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period:"), self))
        self.kind = QComboBox(self)
        self.kind.setObjectName("periodKind")
        for kind, text in (
            (PeriodKind.MONTH, self.tr("Monthly")),
            (PeriodKind.QUARTER, self.tr("Quarterly")),
            (PeriodKind.YEAR, self.tr("Annual")),
            (PeriodKind.CUSTOM, self.tr("Custom range")),
        ):
            self.kind.addItem(text, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(self.period.kind.value))
        self.year = QSpinBox(self)
        self.year.setObjectName("periodYear")
        self.year.setRange(2000, max(self.today.year + 1, 2001))
        self.year.setValue(self.period.first.year)
        self.part = QComboBox(self)
        self.part.setObjectName("periodPart")
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("periodFrom")
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("periodTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QT_DATE_FORMAT)
        first = self.period.first
        self.date_from.setDate(QDate(first.year, first.month, 1))
        self.date_to.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self._fill_parts()
        self.part.setCurrentIndex((self.period.first.month - 1) // 3)
        for widget in (self.kind, self.year, self.part, self.date_from, self.date_to):
            row.addWidget(widget)
        row.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self._period_changed)
        self.part.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._period_changed)
        self.date_to.dateChanged.connect(self._period_changed)
        return row

    def _fill_parts(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        self.part.blockSignals(True)
        self.part.clear()
        if kind is PeriodKind.MONTH:
            for month in range(1, 13):
                self.part.addItem(self.tr("Month {n}").format(n=month), month)
        elif kind is PeriodKind.QUARTER:
            for quarter in range(1, 5):
                self.part.addItem(self.tr("Q{n}").format(n=quarter), quarter)
        self.part.blockSignals(False)

    def _show_period_widgets(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        custom = kind is PeriodKind.CUSTOM
        self.year.setVisible(not custom)
        self.part.setVisible(kind in (PeriodKind.MONTH, PeriodKind.QUARTER))
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    def _table(self, model: object, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.horizontalHeader().setStretchLastSection(False)
        return view

    def _chart_view(self, dimension: str) -> QChartView:
        chart = QChart()
        chart.legend().setVisible(dimension == "month")
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        view = QChartView(chart, self)
        view.setObjectName(f"chart_{dimension}")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(200, 150)
        self.charts[dimension] = chart
        self.chart_views[dimension] = view
        return view

    def _count_page(self, dimension: str) -> QWidget:
        model = CountModel((self._name_header(dimension), self.tr("Hazards"), self.tr("Share")), self)
        self.count_models[dimension] = model
        table = self._table(model, f"table_{dimension}")
        table.doubleClicked.connect(lambda index, d=dimension: self._row_activated(d, index))
        self.tables[dimension] = table
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(table)
        splitter.addWidget(self._chart_view(dimension))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])  # the chart gets the larger share from the start, not only on resizes
        return splitter

    def _name_header(self, dimension: str) -> str:
        return {
            "category": self.tr("Category"),
            "department": self.tr("Department"),
            "grade": self.tr("Grade"),
            "band": self.tr("Band"),
            "status": self.tr("Status"),
        }[dimension]

    def _flow_page(self) -> QWidget:
        self.flow_model = FlowModel((self.tr("Month"), self.tr("Found"), self.tr("Closed")), self)
        table = self._table(self.flow_model, "table_month")
        table.doubleClicked.connect(lambda index: self._row_activated("month", index))
        self.tables["month"] = table
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(table)
        splitter.addWidget(self._chart_view("month"))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])  # the chart gets the larger share from the start, not only on resizes
        return splitter

    def _majors_page(self) -> QWidget:
        headers = (
            self.tr("Number"),
            self.tr("Description"),
            self.tr("Department"),
            self.tr("Found on"),
            self.tr("State"),
            self.tr("Deadline"),
            self.tr("Reported to regulator"),
        )
        self.major_model = MajorModel(headers, self._major_state, self._major_reported, self)
        table = self._table(self.major_model, "table_majors")
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self._major_activated)
        self.tables["majors"] = table
        return table

    def _report_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.report_info = QLabel(page)
        self.report_info.setObjectName("reportInfo")
        self.report_info.setWordWrap(True)
        layout.addWidget(self.report_info)
        layout.addWidget(QLabel(self.tr("Analysis (printed in the report; leave empty to write it by hand):"), page))
        self.analysis = QPlainTextEdit(page)
        self.analysis.setObjectName("reportAnalysis")
        layout.addWidget(self.analysis, 1)
        row = QHBoxLayout()
        self.report_pdf_button = QPushButton(self.tr("Save report as &PDF…"), page)
        self.report_pdf_button.setObjectName("reportPdf")
        self.report_xlsx_button = QPushButton(self.tr("Save report as E&xcel…"), page)
        self.report_xlsx_button.setObjectName("reportXlsx")
        self.report_pdf_button.clicked.connect(self._save_pdf_report)
        self.report_xlsx_button.clicked.connect(self._save_xlsx_report)
        row.addStretch(1)
        row.addWidget(self.report_pdf_button)
        row.addWidget(self.report_xlsx_button)
        layout.addLayout(row)
        if not permitted(self._context.session.actor, "reports.record_print"):  # a saved report records its code
            for button in (self.report_pdf_button, self.report_xlsx_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("Your account may not issue reports (their codes are recorded)."))
        return page

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export &tables (.xlsx)…"), self)
        self.export_button.setObjectName("exportTables")
        self.png_button = QPushButton(self.tr("Save &chart as PNG…"), self)
        self.png_button.setObjectName("saveChart")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.export_button.clicked.connect(self._export_tables)
        self.png_button.clicked.connect(self._save_chart)
        self.close_button.clicked.connect(self.close)
        self.tabs.currentChanged.connect(self._tab_changed)
        row.addWidget(self.export_button)
        row.addWidget(self.png_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    # -------------------------------------------------------------------------------------- period
    def _kind_changed(self) -> None:
        self._fill_parts()
        kind = PeriodKind(self.kind.currentData())
        if kind is PeriodKind.MONTH:
            self.part.setCurrentIndex(self.period.first.month - 1)
        elif kind is PeriodKind.QUARTER:
            self.part.setCurrentIndex((self.period.first.month - 1) // 3)
        self._show_period_widgets()
        self._period_changed()

    def chosen_period(self) -> Period:
        """The period the widgets name.

        Raises:
            ValidationError: a custom period that ends before it begins or is too long.
        """
        kind = PeriodKind(self.kind.currentData())
        year = self.year.value()
        if kind is PeriodKind.MONTH:
            return month_period(year, int(self.part.currentData() or 1))
        if kind is PeriodKind.QUARTER:
            return quarter_period(year, int(self.part.currentData() or 1))
        if kind is PeriodKind.YEAR:
            return year_period(year)
        return custom_period(self.date_from.date().toPython(), self.date_to.date().toPython())  # type: ignore[arg-type]

    def _period_changed(self) -> None:
        try:
            period = self.chosen_period()
        except DomainError as exc:
            self.headline.setText(messages.error_text(exc, "statistics"))
            return
        self.period = period
        self.refresh()

    def set_period(self, period: Period) -> None:
        """Show ``period`` (sets the widgets, then refreshes once)."""
        widgets = (self.kind, self.year, self.part, self.date_from, self.date_to)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.kind.setCurrentIndex(self.kind.findData(period.kind.value))
            self._fill_parts()
            self.year.setValue(period.first.year)
            if period.kind is PeriodKind.MONTH:
                self.part.setCurrentIndex(period.first.month - 1)
            elif period.kind is PeriodKind.QUARTER:
                self.part.setCurrentIndex((period.first.month - 1) // 3)
            self.date_from.setDate(QDate(period.first.year, period.first.month, period.first.day))
            self.date_to.setDate(QDate(period.last.year, period.last.month, period.last.day))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._show_period_widgets()
        self.period = period
        self.refresh()

    # ------------------------------------------------------------------------------------- refresh
    def refresh(self) -> None:
        """Count the period again and redraw every table and chart."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a year of 100,000 hazards takes a second
        try:
            stats = load_statistics(self.queries, self.period, self.today)
        finally:
            QApplication.restoreOverrideCursor()
        self.stats = stats
        for dimension, model in self.count_models.items():
            lines = [
                CountLine(row.key, self._row_name(dimension, row), row.count) for row in stats.by_dimension[dimension]
            ]
            model.set_counts(lines, stats.found)
            self._draw_counts(dimension, lines)
        self.flow_model.set_rows(stats.flow)
        self._draw_flow(stats)
        self.major_model.set_rows(stats.majors)
        self.headline.setText(self._headline(stats))
        self.report_info.setText(self._report_info(stats))

    def _row_name(self, dimension: str, row: CountRow) -> str:
        if dimension == "grade":
            return labels.grade_label(HazardGrade(row.key)) if row.key in _GRADES else row.key
        if dimension == "status":
            return labels.status_label(HazardStatus(row.key)) if row.key in _STATUSES else row.key
        if dimension == "band":
            return labels.localized(row.label_zh, row.label_en) or (row.key or self.tr("No band (not graded by LEC)"))
        if dimension == "category":
            return f"{row.key} {labels.localized(row.label_zh, row.label_en)}"
        return labels.localized(row.label_zh, row.label_en) or row.key

    def _draw_counts(self, dimension: str, lines: list[CountLine]) -> None:
        chart = self.charts[dimension]
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        horizontal = True  # names on the left, as the table lists them: long names stay readable
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        bars = QBarSet(self.tr("Hazards"))
        bars.setColor(FOUND_COLOUR)
        shown = list(reversed(lines)) if horizontal else lines  # the first row on top
        bars.append([float(line.count) for line in shown])
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([line.name for line in shown] or [""])
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([line.count for line in lines] + [1]) * 1.15)
        values.applyNiceNumbers()
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(values)
        count = len(shown)
        bars.clicked.connect(
            lambda index, d=dimension, n=count, h=horizontal: self._bar_clicked(d, n - 1 - index if h else index)
        )

    def _draw_flow(self, stats: Statistics) -> None:
        chart = self.charts["month"]
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        found = QBarSet(self.tr("Found"))
        found.setColor(FOUND_COLOUR)
        closed = QBarSet(self.tr("Closed"))
        closed.setColor(CLOSED_COLOUR)
        found.append([float(f.found) for f in stats.flow])
        closed.append([float(f.closed) for f in stats.flow])
        series.append(found)
        series.append(closed)
        chart.addSeries(series)
        months = QBarCategoryAxis()
        one_year = stats.period.first.year == stats.period.last.year
        # 1…12 within one year (the period heads the window); 26-10 across years: short enough not to be cut
        months.append([str(int(f.month[5:])) if one_year else f.month[2:] for f in stats.flow])
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([max(f.found, f.closed) for f in stats.flow] + [1]) * 1.15)
        values.applyNiceNumbers()
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months)
        series.attachAxis(values)
        found.clicked.connect(lambda index: self._bar_clicked("month", index))
        closed.clicked.connect(lambda index: self._bar_clicked("month", index))

    def _headline(self, stats: Statistics) -> str:
        s, r = stats.summary, stats.rectification

        def n(value: object) -> str:
            return "—" if value is None else str(value)

        rate = "—" if r.rate is None else f"{r.rate}%"
        funds = "—" if r.funds is None else f"{r.funds:,.2f}"
        return self.tr(
            "<b>{period}</b>: {found} found ({general} general, {major} major, {ungraded} not graded); "
            "{rectified} of them rectified. Due {due}, closed on time {on_time} (rate {rate}); "
            "overdue on {as_of}: {overdue}; closed {closed}, on average {days} days after being found; "
            "funds {funds} yuan."
        ).format(
            period=self._period_text(stats.period),
            found=stats.found,
            general=s.found_general,
            major=s.found_major,
            ungraded=s.found_ungraded,
            rectified=n(s.rectified),
            due=n(r.due),
            on_time=n(r.closed_on_time),
            rate=rate,
            as_of=stats.as_of.isoformat(),
            overdue=n(r.overdue),
            closed=n(r.closed),
            days=n(r.average_days_to_close),
            funds=funds,
        )

    def _period_text(self, period: Period) -> str:
        if labels.current_language() == "zh":
            return period.label_zh
        return period.key.replace("~", " – ")

    def _report_info(self, stats: Statistics) -> str:
        period = stats.period
        title = reports.report_title(period)
        due = reports.report_due_text(period)
        if due:
            return self.tr("{title} for {period}: due at the regulator on {due}.").format(
                title=title, period=self._period_text(period), due=due
            )
        return self.tr("{title} for {period} (internal report).").format(title=title, period=self._period_text(period))

    def _major_state(self, row: MajorHazard) -> str:
        text = labels.status_label(HazardStatus(row.status)) if row.status in _STATUSES else row.status
        if row.closed_on is not None:
            text += f" ({row.closed_on.isoformat()})"
        return text

    def _major_reported(self, row: MajorHazard) -> str:
        if row.reported_on is None:
            return self.tr("Not reported")
        return self.tr("Reported {day}").format(day=row.reported_on.isoformat())

    # -------------------------------------------------------------------------- to the register
    def register_filter(self, dimension: str, key: str) -> RegisterFilter:
        """The register filter that shows the period's hazards behind ``key`` of ``dimension``."""
        first, after = self.period.first, self.period.day_after()
        if dimension == "month":
            year, month = (int(part) for part in key.split("-"))
            month_p = month_period(year, month)
            first, after = max(first, month_p.first), min(after, month_p.day_after())
        flt = RegisterFilter(found_from=_local_start(first), found_before=_local_start(after))
        if dimension == "category":
            return dataclasses.replace(flt, category_code=key)
        if dimension == "department":
            return dataclasses.replace(flt, department_id=uuid.UUID(key))
        if dimension == "grade":
            return dataclasses.replace(flt, grades=frozenset({HazardGrade(key)}))
        if dimension == "status":
            return dataclasses.replace(flt, statuses=frozenset({HazardStatus(key)}))
        if dimension == "band":
            if not key:
                return dataclasses.replace(flt, grades=frozenset({HazardGrade.UNGRADED}))
            return dataclasses.replace(flt, band_codes=frozenset({key}))
        return flt

    def _key_at(self, dimension: str, row: int) -> str | None:
        if dimension == "month":
            rows = self.flow_model.rows()
            return rows[row].month if 0 <= row < len(rows) else None
        lines = self.count_models[dimension].rows()
        return lines[row].key if 0 <= row < len(lines) else None

    def _bar_clicked(self, dimension: str, row: int) -> None:
        key = self._key_at(dimension, row)
        if key is not None:
            self.tables[dimension].selectRow(row)
            self.filter_requested.emit(self.register_filter(dimension, key))

    def _row_activated(self, dimension: str, index: QModelIndex) -> None:
        self._bar_clicked(dimension, index.row())

    def _major_activated(self, index: QModelIndex) -> None:
        rows = self.major_model.rows()
        if 0 <= index.row() < len(rows):
            row = rows[index.row()]
            self.filter_requested.emit(RegisterFilter(text=row.number))

    # -------------------------------------------------------------------------------------- files
    def _ask_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        path, _ = file_dialogs.save_file(self, self._context, FileKind.STATISTICS, title, suggested, file_filter)
        return path

    def _tab_changed(self, _index: int) -> None:
        self.png_button.setEnabled(self.current_chart_dimension() is not None)

    def current_chart_dimension(self) -> str | None:
        """The dimension whose chart the current tab shows (None on the majors and report tabs)."""
        index = self.tabs.currentIndex()
        order = [d for d in DIMENSIONS if d != "month"] + ["month"]
        return order[index] if 0 <= index < len(order) else None

    def _save_chart(self) -> None:
        dimension = self.current_chart_dimension()
        if dimension is None:
            return
        path = self._ask_path(
            self.tr("Save chart as PNG"), f"{dimension}-{self.period.key}.png", self.tr("PNG image (*.png)")
        )
        if path is not None:
            self.save_chart(dimension, path)

    def save_chart(self, dimension: str, path: Path) -> bool:
        """Write the chart of ``dimension`` to ``path`` as PNG; False (and a message) if it failed."""
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        image = self.chart_views[dimension].grab()
        if not image.save(str(path), "PNG"):
            messages.show_error(self, OSError(f"cannot write {path}"), self.tr("Save chart as PNG"))
            return False
        self.last_saved = path
        self.statusBar().showMessage(self.tr("Chart saved to {path}.").format(path=path), 8000)
        return True

    def table_sheets(self) -> list[TableSheet]:
        """Every table of the window, as the .xlsx export writes them."""
        names = self._dimension_names()
        sheets = [TableSheet(names[d], tuple(m.headers), tuple(m.export_rows())) for d, m in self.count_models.items()]
        sheets.append(TableSheet(names["month"], tuple(self.flow_model.headers), tuple(self.flow_model.export_rows())))
        sheets.append(
            TableSheet(self.tr("Major hazards"), tuple(self.major_model.headers), tuple(self.major_model.export_rows()))
        )
        return sheets

    def _export_tables(self) -> None:
        path = self._ask_path(
            self.tr("Export tables"), f"statistics-{self.period.key}.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if path is not None:
            self.export_tables(path)

    def export_tables(self, path: Path) -> bool:
        """Write every table to ``path`` (.xlsx); False (and a message) if it failed."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        return self._write(
            lambda: self._table_writer().write(self.table_sheets(), path), path, self.tr("Export tables")
        )

    def _table_writer(self) -> reports.TableWorkbookWriter:
        if self._context.table_workbook is None:
            raise RuntimeError("this context cannot write workbooks")
        return self._context.table_workbook()

    def _save_pdf_report(self) -> None:
        self._save_report("pdf")

    def _save_xlsx_report(self) -> None:
        self._save_report("xlsx")

    def _save_report(self, fmt: str) -> None:
        file_filter = self.tr("PDF document (*.pdf)") if fmt == "pdf" else self.tr("Excel workbook (*.xlsx)")
        path = self._ask_path(self.tr("Save report"), f"report-{self.period.key}.{fmt}", file_filter)
        if path is not None:
            self.save_report(path if path.suffix.lower() == f".{fmt}" else path.with_suffix(f".{fmt}"))

    def save_report(self, path: Path) -> bool:
        """Write the period's report to ``path`` (PDF or .xlsx by suffix); False (and a message) if refused."""

        from hazard_desktop.services.sheets import default_printed_by

        def write() -> None:
            name = reports.plant_name(self._context.uow())
            reports.write_report(
                self.queries,
                name,
                self.period,
                path,
                self._context.report_renderers,
                today=self.today,
                analysis=self.analysis.toPlainText().strip(),
                uow_factory=self._context.uow,
                printed_by=default_printed_by(),
            )

        return self._write(write, path, self.tr("Save report"))

    def _write(self, action: Callable[[], None], path: Path, title: str) -> bool:
        try:
            action()
        except (DomainError, OSError) as exc:
            messages.show_error(self, exc, title)
            return False
        self.last_saved = path
        self.statusBar().showMessage(self.tr("Saved to {path}.").format(path=path), 8000)
        return True

    # ------------------------------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's API
        if not self._closed:
            self._closed = True
            self.queries.close()
        super().closeEvent(event)

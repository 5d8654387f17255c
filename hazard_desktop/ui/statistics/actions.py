"""Tools → Statistics… and the status bar's reminder of the next statutory report.

The window module (QtCharts) is imported when the action is first used, never at start-up. A bar or
row clicked in the statistics window sets the register's filter bar (visible and clearable) and brings
the main window forward.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from hazard_desktop.domain.reporting import PeriodKind, next_statutory_report
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.ui import labels
from hazard_desktop.ui.widgets import status_text


def due_text(today: date) -> str:
    """``Next report due 2027-01-15`` in the UI's language: short, for the status bar (1366 px at 150 %);
    :func:`due_sentence` is the whole sentence, its tooltip."""
    _period, due = next_statutory_report(today)
    if due == today:
        return QCoreApplication.translate("StatisticsActions", "Report due today {due}").format(due=due.isoformat())
    return QCoreApplication.translate("StatisticsActions", "Next report due {due}").format(due=due.isoformat())


def due_short(today: date) -> str:
    """``Report 2027-01-15``: the due day where even :func:`due_text` lacks room (English at 911 px)."""
    _period, due = next_statutory_report(today)
    return QCoreApplication.translate("StatisticsActions", "Report {due}").format(due=due.isoformat())


def due_sentence(today: date) -> str:
    """``Next statutory report: 2026Q4, due 2027-01-15 (in 39 days)`` in the UI's language."""
    period, due = next_statutory_report(today)
    days = (due - today).days
    name = period.label_zh if labels.current_language() == "zh" else period.key
    if period.kind is PeriodKind.YEAR and labels.current_language() != "zh":
        name = QCoreApplication.translate("StatisticsActions", "year {year}").format(year=period.key)
    if days == 0:
        return QCoreApplication.translate("StatisticsActions", "Statutory report of {period} due today ({due})").format(
            period=name, due=due.isoformat()
        )
    return QCoreApplication.translate(
        "StatisticsActions", "Next statutory report: {period}, due {due} (in {days} days)"
    ).format(period=name, due=due.isoformat(), days=days)


class StatisticsActions(QObject):
    """Owns the statistics window of one main window (made when first opened, closed with it)."""

    def __init__(self, window: QMainWindow, context: AppContext, today: date | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.today = today
        self.statistics_window: QMainWindow | None = None
        self.action = QAction(QCoreApplication.translate("StatisticsActions", "S&tatistics…"), window)
        self.action.setObjectName("statisticsAction")
        self.action.setStatusTip(
            QCoreApplication.translate(
                "StatisticsActions", "Counts and charts by period; the quarterly and annual statistics reports"
            )
        )
        self.action.triggered.connect(self.open_window)
        self.due_label = QLabel(window)
        status_text.set_texts(self.due_label, due_text(today or date.today()), due_short(today or date.today()))
        self.due_label.setObjectName("reportDueLabel")
        self.due_label.setToolTip(
            due_sentence(today or date.today())
            + "\n"
            + QCoreApplication.translate(
                "StatisticsActions",
                "Order No. 16 Art. 14: the statistics of a quarter reach the regulator by the 15th of the next "
                "month, those of a year by 31 January. Tools → Statistics… → Report writes them.",
            )
        )

    def open_window(self) -> QMainWindow:
        """Show the statistics window (made on first use; raised if open)."""
        if self.statistics_window is None:
            from hazard_desktop.ui.statistics.window import StatisticsWindow  # QtCharts: not at start-up

            statistics = StatisticsWindow(self.context, self.window, today=self.today)
            statistics.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            statistics.filter_requested.connect(self.filter_register)
            statistics.destroyed.connect(self._forget)
            self.statistics_window = statistics
        self.statistics_window.show()
        self.statistics_window.raise_()
        self.statistics_window.activateWindow()
        return self.statistics_window

    def _forget(self) -> None:
        self.statistics_window = None

    def filter_register(self, flt: RegisterFilter) -> None:
        """Show the hazards behind a bar: through the filter bar where there is one (visible, clearable).

        The bar's filter replaces the register's (a safety officer who clicks "4.6 = 11" expects 11 rows,
        not the one that an earlier 已逾期 left), and the status bar says so when there was one.
        """
        filter_bar = getattr(self.window, "filter_bar", None)
        if filter_bar is not None and hasattr(filter_bar, "show_filter"):
            before = filter_bar.current_filter()
            filter_bar.show_filter(flt)
            if before != RegisterFilter() and before != flt:
                text = self.tr("The register shows the hazards of the chart; the filters set before were replaced.")
            else:
                text = self.tr("The register shows the hazards of the chart.")
            self.window.statusBar().showMessage(text, 10000)
        else:
            apply_filter = getattr(self.window, "apply_filter", None)
            if apply_filter is not None:
                apply_filter(flt)
        self.window.raise_()
        self.window.activateWindow()


def install_statistics_actions(window: QMainWindow, context: AppContext) -> StatisticsActions:
    """Tools → Statistics…, and the next report's due day in the status bar."""
    actions = StatisticsActions(window, context)
    menu_for = getattr(window, "menu_for", None)
    if menu_for is not None:
        menu_for("tools").addAction(actions.action)
    else:  # pragma: no cover - every window here has menu_for
        window.addAction(actions.action)
    window.statusBar().addPermanentWidget(actions.due_label)
    fit = getattr(window, "fit_status_bar", None)
    if fit is not None:
        fit()
    return actions

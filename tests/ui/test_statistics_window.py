"""The statistics window pressed through its own controls: period, tabs, bars, exports, reports."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox

from hazard_desktop.app import close_context
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.reporting import quarter_period, year_period
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.statistics import window as window_module
from hazard_desktop.ui.statistics.actions import due_text, install_statistics_actions
from hazard_desktop.ui.statistics.window import StatisticsWindow
from tests.factories import make_context
from tests.statistics_data import expected, fill_register, plain_rows
from tests.ui.file_dialog_answers import FileDialogAnswers

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Iterator[tuple[AppContext, list]]:
    context = make_context(tmp_path_factory.mktemp("stats-ui") / "data")
    fill_register(context, 600, seed=5)
    yield context, plain_rows(context)
    close_context(context)


@pytest.fixture
def window(qtbot, filled) -> StatisticsWindow:
    context, _ = filled
    win = StatisticsWindow(context, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def _counts(win: StatisticsWindow, dimension: str) -> dict[str, int]:
    model = win.count_models[dimension]
    return {line.key: line.count for line in model.rows()}


def test_opens_on_the_current_quarter_with_the_python_counts(window, filled) -> None:
    _, rows = filled
    period = quarter_period(2026, 4)
    assert window.period == period
    want = expected(rows, period, TODAY)
    for dimension in ("category", "department", "grade", "band", "status"):
        assert _counts(window, dimension) == want[dimension], dimension
    assert [f.month for f in window.flow_model.rows()] == ["2026-10", "2026-11", "2026-12"]
    assert str(want["found"]) in window.headline.text()
    assert window.major_model.rowCount() == len(want["majors"])


def test_the_period_widgets_choose_the_period(window, filled) -> None:
    _, rows = filled
    kind = window.findChild(QComboBox, "periodKind")
    year = window.findChild(QSpinBox, "periodYear")
    part = window.findChild(QComboBox, "periodPart")
    kind.setCurrentIndex(kind.findData("year"))
    assert not part.isVisible()
    year.setValue(2026)
    assert window.period == year_period(2026)
    assert _counts(window, "status") == expected(rows, year_period(2026), TODAY)["status"]
    assert len(window.flow_model.rows()) == 12
    kind.setCurrentIndex(kind.findData("quarter"))
    part.setCurrentIndex(2)
    assert window.period == quarter_period(2026, 3)
    want = expected(rows, quarter_period(2026, 3), TODAY)
    assert {f.month: f.closed for f in window.flow_model.rows() if f.closed} == want["closed_by_month"]
    kind.setCurrentIndex(kind.findData("month"))
    part.setCurrentIndex(4)
    assert window.period.key == "2026-05"
    kind.setCurrentIndex(kind.findData("custom"))
    assert window.date_from.isVisible() and not year.isVisible()
    window.date_from.setDate(window.date_to.date().addDays(5))  # reversed: said, not counted
    assert "before it begins" in window.headline.text() or "之前" in window.headline.text()


def test_a_bar_click_filters_the_register(qtbot, filled, tmp_path) -> None:
    from hazard_desktop.ui.main_window import MainWindow

    context, rows = filled
    main = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    actions = install_statistics_actions(main, context)
    actions.today = TODAY
    main.show()
    actions.action.trigger()
    stats_window = actions.statistics_window
    assert isinstance(stats_window, StatisticsWindow)
    chart = stats_window.charts["grade"]
    bars = chart.series()[0].barSets()[0]
    lines = stats_window.count_models["grade"].rows()
    major = next(i for i, line in enumerate(lines) if line.key == HazardGrade.MAJOR.value)
    bars.clicked.emit(len(lines) - 1 - major)  # what QtCharts sends: bars are horizontal, the first row on top
    flt = main.model.register_filter
    assert flt.grades == frozenset({HazardGrade.MAJOR})
    assert main.filter_bar.grade.currentData() == "major" and main.filter_bar.use_dates.isChecked()
    assert main.model.rowCount() == lines[major].count
    dept_bars = stats_window.charts["department"].series()[0].barSets()[0]
    dept_lines = stats_window.count_models["department"].rows()
    dept_bars.clicked.emit(len(dept_lines) - 1)
    assert main.model.register_filter.department_id is not None
    assert str(main.model.register_filter.department_id) == dept_lines[0].key
    assert main.model.rowCount() == dept_lines[0].count
    # a month row double-clicked: the hazards found that month
    table = stats_window.tables["month"]
    index = stats_window.flow_model.index(1, 0)
    table.doubleClicked.emit(index)
    month = stats_window.flow_model.rows()[1]
    assert main.model.rowCount() == month.found
    main.filter_bar.clear_button.click()
    assert main.model.register_filter.found_from is None
    stats_window.close()


def test_a_bar_click_replaces_the_registers_earlier_filters(qtbot, filled, tmp_path) -> None:
    """已逾期 chosen first, then the bar "4.6 = n" clicked: the register shows those n hazards, not the few
    of them also overdue, and the status bar says the earlier filters were replaced."""
    from hazard_desktop.ui.main_window import MainWindow
    from hazard_desktop.ui.register_filters import OVERDUE

    context, _rows = filled
    main = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    actions = install_statistics_actions(main, context)
    actions.today = TODAY
    main.show()
    deadline = main.filter_bar.deadline
    deadline.setCurrentIndex(deadline.findData(OVERDUE))  # what choosing 已逾期 in the list does
    main.filter_bar.dispute.setCurrentIndex(1)
    assert main.model.register_filter.deadline_before is not None
    actions.action.trigger()
    stats_window = actions.statistics_window
    assert isinstance(stats_window, StatisticsWindow)
    bars = stats_window.charts["category"].series()[0].barSets()[0]
    lines = stats_window.count_models["category"].rows()
    row = max(range(len(lines)), key=lambda i: lines[i].count)
    bars.clicked.emit(len(lines) - 1 - row)
    flt = main.model.register_filter
    assert flt.category_code == lines[row].key
    assert flt.deadline_before is None and flt.deadline_from is None and flt.disputed is None
    assert deadline.currentData() is None and main.filter_bar.dispute.currentIndex() == 0
    assert main.model.rowCount() == lines[row].count
    assert "replaced" in main.statusBar().currentMessage()
    main.grab().save(str(tmp_path / "drill.png"))
    stats_window.close()


def test_chart_png_and_tables_xlsx(window, tmp_path, monkeypatch) -> None:
    answers = FileDialogAnswers(tmp_path / "chart", tmp_path / "tables.xlsx")
    window.tabs.setCurrentIndex(0)
    window.findChild(QPushButton, "saveChart").click()
    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull() and image.width() > 100
    window.findChild(QPushButton, "exportTables").click()
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "tables.xlsx")
    assert len(book.sheetnames) == 7
    first = book[book.sheetnames[0]]
    counts = {first.cell(r, 1).value: first.cell(r, 2).value for r in range(2, first.max_row + 1)}
    model = window.count_models["category"]
    assert counts == {line.name: line.count for line in model.rows()}
    assert first.freeze_panes == "A2"
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    assert not window.findChild(QPushButton, "saveChart").isEnabled()  # the report page has no chart
    assert [seen.parent for seen in answers.seen] == [window, window]
    assert answers.seen[1].folder == tmp_path  # the second export starts where the first went


def test_report_page_writes_the_quarter_report(window, tmp_path, monkeypatch) -> None:
    window.set_period(quarter_period(2026, 3))
    assert "2026-10-15" in window.report_info.text()
    window.analysis.setPlainText("三季度设备类隐患占比最高。")
    FileDialogAnswers(tmp_path / "q3.pdf", tmp_path / "q3.xlsx")
    window.findChild(QPushButton, "reportPdf").click()
    text = subprocess.run(["pdftotext", str(tmp_path / "q3.pdf"), "-"], capture_output=True, text=True).stdout
    assert "三季度设备类隐患占比最高。" in text.replace(" ", "").replace("\n", "")
    window.findChild(QPushButton, "reportXlsx").click()
    assert (tmp_path / "q3.xlsx").stat().st_size > 1000
    assert window.last_saved == tmp_path / "q3.xlsx"


def test_a_failed_report_says_why_and_leaves_nothing(window, tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(window_module.messages, "show_error", lambda parent, exc, title=None: shown.append(exc))
    assert not window.save_report(tmp_path / "missing" / "r.pdf")
    assert shown and getattr(shown[0], "code", "") == "report_folder_missing"
    assert not (tmp_path / "missing").exists()


def test_status_bar_names_the_next_statutory_report(qtbot, filled, tmp_path) -> None:
    from hazard_desktop.ui.main_window import MainWindow

    context, _ = filled
    main = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    install_statistics_actions(main, context)
    label = main.statusBar().findChild(QLabel, "reportDueLabel")
    assert label is not None and label.text() == due_text(date.today())
    assert "2027-01-15" in due_text(date(2026, 12, 7))
    assert "2027-01-31" in due_text(date(2027, 1, 20))
    assert "2026-04-15" in due_text(date(2026, 4, 15))


def test_closing_releases_the_connection(qtbot, filled) -> None:
    context, _ = filled
    win = StatisticsWindow(context, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    win.close_button.click()
    with pytest.raises(sqlite3.ProgrammingError):  # the connection is closed
        win.queries.counts("status", year_period(2026))


def test_a_saved_report_s_code_is_recognised_by_verify_sheet(qtbot, window, tmp_path, monkeypatch) -> None:
    """Saved through the window's own button, the report's 核验码 is recorded; Verify sheet names the report."""
    from hazard_desktop.domain.sheet_prints import SheetKind
    from hazard_desktop.services.sheet_requests import VerifyStatus
    from hazard_desktop.ui.sheets.verify_dialog import VerifyDialog

    window.set_period(year_period(2026))
    answers = FileDialogAnswers(tmp_path / "annual.pdf")
    window.findChild(QPushButton, "reportPdf").click()
    assert answers.seen[0].parent is window
    text = subprocess.run(["pdftotext", str(tmp_path / "annual.pdf"), "-"], capture_output=True, text=True).stdout
    code = next(line.split()[-1] for line in text.splitlines() if line.startswith("核验码"))
    dialog = VerifyDialog(window._context)
    qtbot.addWidget(dialog)
    found = dialog.verify(code)
    assert found is not None and found.status is VerifyStatus.VERIFIED
    assert found.kind is SheetKind.STATISTICS and found.sheet_no == "2026"
    assert dialog.status_label.text() == "Verified" and "statistics report" in dialog.explain_label.text()
    details = " ".join(
        dialog.details_form.itemAt(i).widget().text() for i in range(dialog.details_form.count())
        if dialog.details_form.itemAt(i).widget() is not None
    )  # fmt: skip
    assert "Statistics report" in details and "2026" in details
    assert not list(tmp_path.glob(".*part*"))  # no temporary left beside it


def test_an_account_that_may_not_issue_reports_finds_their_buttons_disabled(qtbot, filled) -> None:
    from hazard_desktop.domain.accounts import Actor, ActorKind, Role

    context, _ = filled
    before = context.session.actor
    context.session.sign_in(Actor(None, None, "工会观察员", frozenset({Role.READ_ONLY}), kind=ActorKind.ACCOUNT))
    try:
        win = StatisticsWindow(context, today=TODAY)
        qtbot.addWidget(win)
        pdf, xlsx = win.findChild(QPushButton, "reportPdf"), win.findChild(QPushButton, "reportXlsx")
        assert not pdf.isEnabled() and not xlsx.isEnabled() and pdf.toolTip()
    finally:
        context.session.sign_in(before)

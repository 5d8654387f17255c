"""The statistics' GROUP BY queries against the same figures counted in Python over the rows."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hazard_desktop.app import close_context
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.reporting import custom_period, month_period, quarter_period, year_period
from hazard_desktop.services import reports
from hazard_desktop.services.statistics import load_statistics
from tests.factories import make_context
from tests.statistics_data import expected, fill_register, plain_rows

pytestmark = pytest.mark.storage

TODAY = date(2026, 11, 25)
PERIODS = [
    quarter_period(2026, 3),
    quarter_period(2026, 4),
    year_period(2026),
    year_period(2025),
    month_period(2026, 6),
    custom_period(date(2025, 12, 20), date(2026, 2, 10)),
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    context = make_context(tmp_path_factory.mktemp("stats") / "data")
    fill_register(context, 1500, seed=11)
    yield context, plain_rows(context)
    close_context(context)


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: p.key)
def test_every_figure_matches_python_over_the_rows(filled, period):
    context, rows = filled
    queries = context.statistics()
    try:
        stats = load_statistics(queries, period, TODAY)
    finally:
        queries.close()
    want = expected(rows, period, stats.as_of)
    assert stats.as_of == min(period.last, TODAY)
    assert stats.found == want["found"]
    for dimension in ("category", "department", "grade", "band", "status", "month"):
        got = {row.key: row.count for row in stats.by_dimension[dimension]}
        assert got == want[dimension], dimension
    assert {f.month: f.closed for f in stats.flow if f.closed} == want["closed_by_month"]
    assert sum(f.found for f in stats.flow) == want["found"]
    s = stats.summary
    assert (s.found_general, s.found_major) == (want["found_general"], want["found_major"])
    assert (s.rectified_general, s.rectified_major) == (want["rectified_general"], want["rectified_major"])
    r = stats.rectification
    assert (r.due, r.closed_on_time, r.overdue, r.closed) == (
        want["due"],
        want["closed_on_time"],
        want["overdue"],
        want["closed"],
    )
    assert r.average_days_to_close == want["average_days_to_close"]
    assert r.funds == want["funds"]
    assert [(m.number, m.reported_on) for m in stats.majors] == want["majors"]
    assert any(m.reported_on for m in stats.majors) or not stats.majors


def test_labels_come_from_the_reference_data(filled):
    context, _ = filled
    queries = context.statistics()
    try:
        stats = load_statistics(queries, year_period(2026), TODAY)
    finally:
        queries.close()
    categories = stats.by_dimension["category"]
    assert categories and all(row.label_zh and row.label_zh != row.key for row in categories)
    departments = stats.by_dimension["department"]
    assert all(row.label_zh and row.label_zh != row.key for row in departments)
    bands = [row for row in stats.by_dimension["band"] if row.key]
    assert bands and all(row.label_zh for row in bands)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_quarter_report_pdf_and_xlsx_hold_the_figures(filled, tmp_path):
    context, rows = filled
    period = quarter_period(2026, 3)
    queries = context.statistics()
    try:
        report = reports.write_report(
            queries, "示例化工有限公司", period, tmp_path / "q3.pdf", context.report_renderers, today=TODAY
        )
        again = reports.write_report(
            queries, "示例化工有限公司", period, tmp_path / "q3.xlsx", context.report_renderers, today=TODAY
        )
    finally:
        queries.close()
    assert again.verify_code == report.verify_code  # the same figures, the same code
    want = expected(rows, period, min(period.last, TODAY))
    text = _pdf_text(tmp_path / "q3.pdf")
    flat = " ".join(text.split())
    assert "季度隐患排查治理情况统计分析表" in flat.replace(" ", "")
    assert "2026年第三季度" in flat
    assert "2026-10-15" in flat  # due on the 15th of the month after the quarter
    assert report.verify_code in flat
    assert "主要负责人" in flat
    figures = dict((line.label, line.value) for line in report.figures)
    assert figures["排查发现隐患总数（项）"] == str(want["found"])
    assert figures["其中：一般事故隐患（项）"] == str(want["found_general"])
    assert figures["　　　重大事故隐患（项）"] == str(want["found_major"])
    assert figures["落实整改资金（元）"] == f"{want['funds']:,.2f}"
    for line in report.figures:
        assert line.value in flat
    for number, _ in want["majors"][:5]:
        assert number in flat

    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "q3.xlsx").active
    cells = {str(c.value): c for row in sheet.iter_rows() for c in row if c.value is not None}
    label = cells["排查发现隐患总数（项）"]
    assert sheet.cell(label.row, 6).value == want["found"]
    rate = cells["按期整改率（按期整改 / 到期应整改）"]
    value = sheet.cell(rate.row, 6).value
    assert value is None or abs(Decimal(str(value)) * 100 - (Decimal(want["closed_on_time"]) * 100 / want["due"])) < 1


def test_a_report_to_an_unknown_format_or_missing_folder_writes_nothing(filled, tmp_path):
    context, _ = filled
    queries = context.statistics()
    try:
        with pytest.raises(ValidationError) as err:
            reports.write_report(
                queries, "x", year_period(2026), tmp_path / "r.docx", context.report_renderers, today=TODAY
            )
        assert err.value.code == "report_format_unknown"
        with pytest.raises(ValidationError) as err:
            reports.write_report(
                queries, "x", year_period(2026), tmp_path / "no" / "r.pdf", context.report_renderers, today=TODAY
            )
        assert err.value.code == "report_folder_missing"
    finally:
        queries.close()
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ the real rectification loop, in Beijing time
def test_figures_of_hazards_moved_by_the_loop_use_cases(context, tmp_path):
    """Assign (→ 整改中, deadline, funds), submit (→ 待验收), accept (→ 已销号, closed_on): overdue is 整改中
    past the deadline on the day asked, as the loop counts it; funds and days to close follow the closing."""
    import time as clock

    from hazard_desktop.domain.rectification import AcceptanceInput
    from hazard_desktop.domain.reporting import month_period
    from hazard_desktop.services import rectification as svc
    from tests.integration import test_rectification as loop

    os_tz = pytest.MonkeyPatch()
    os_tz.setenv("TZ", "Asia/Shanghai")
    clock.tzset()
    try:
        cast = loop.Cast(loop.ensure_people(context.uow()))
        at = loop.AT  # 2026-03-10 10:00 in the plant
        first = loop.grade_general(context, cast, loop.new_hazard(context, cast, 0))
        second = loop.grade_general(context, cast, loop.new_hazard(context, cast, 1))
        first = svc.assign(context.uow(), first.id, first.revision, cast.safety.id, loop.five(context, cast), at=at)
        second = svc.assign(context.uow(), second.id, second.revision, cast.safety.id, loop.five(context, cast), at=at)
        assert first.deadline == date(2026, 3, 25)
        # the first is handed in late (03-28) and accepted on 04-02; the second stays 整改中
        first = svc.submit_for_acceptance(
            context.uow(), first.id, first.revision, cast.responsible.id, cast.acceptor.id, "已更换机封",
            [loop.photo(loop.PhotoStage.AFTER)], context.images, at=at + timedelta(days=18),
        )  # fmt: skip
        svc.accept(
            context.uow(), first.id, first.revision, cast.acceptor.id, AcceptanceInput("合格"),
            at=at + timedelta(days=23),
        )  # fmt: skip

        def figures(period, today):
            queries = context.statistics()
            try:
                return load_statistics(queries, period, today)
            finally:
                queries.close()

        march = figures(month_period(2026, 3), date(2026, 4, 20))
        # on 03-31 both were past their deadline; the first was 待验收 (handed in 03-28): only the second is overdue
        assert march.rectification.overdue == 1
        assert (march.rectification.due, march.rectification.closed_on_time) == (2, 0)
        assert march.summary.found == 2 and march.summary.rectified == 0
        april = figures(month_period(2026, 4), date(2026, 4, 20))
        assert april.rectification.closed == 1 and april.rectification.funds == Decimal("3500.00")
        assert april.rectification.average_days_to_close == Decimal("32.0")  # found 03-01, closed 04-02
        assert [(f.month, f.closed) for f in april.flow] == [("2026-04", 1)]
        assert april.rectification.overdue == 1  # the second, still 整改中 on 04-20
        # on 03-20 neither was past its deadline yet
        assert figures(custom_period(date(2026, 3, 1), date(2026, 3, 20)), date(2026, 4, 20)).rectification.overdue == 0
    finally:
        os_tz.undo()
        clock.tzset()

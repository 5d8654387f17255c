"""Reporting periods and the statutory calendar (令第16号 Art. 14)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.reporting import (
    PeriodKind,
    custom_period,
    month_period,
    next_statutory_report,
    parse_period,
    period_containing,
    quarter_period,
    report_due,
    year_period,
)


@pytest.mark.parametrize(
    ("text", "key", "first", "last"),
    [
        ("2026Q4", "2026Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026q1", "2026Q1", date(2026, 1, 1), date(2026, 3, 31)),
        (" 2024Q1 ", "2024Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2026", "2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("２０２６-３", "2026-03", date(2026, 3, 1), date(2026, 3, 31)),  # full-width digits
        ("2026-12", "2026-12", date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_parse_period(text, key, first, last) -> None:
    period = parse_period(text)
    assert (period.key, period.first, period.last) == (key, first, last)


@pytest.mark.parametrize(
    "text", ["2026Q5", "2026Q0", "2026-13", "2026-00", "26Q1", "Q4 2026", "", "1999", "٢٠٢٦", "2026-1-1"]
)
def test_parse_period_refuses(text) -> None:
    with pytest.raises(ValidationError) as err:
        parse_period(text)
    assert err.value.code == "period_invalid"


def test_labels_and_months() -> None:
    assert quarter_period(2026, 4).label_zh == "2026年第四季度"
    assert month_period(2026, 3).label_zh == "2026年3月"
    assert year_period(2026).label_zh == "2026年度"
    assert quarter_period(2026, 4).months() == ["2026-10", "2026-11", "2026-12"]
    assert custom_period(date(2025, 12, 20), date(2026, 2, 1)).months() == ["2025-12", "2026-01", "2026-02"]
    assert len(year_period(2026).months()) == 12


def test_custom_period_rules() -> None:
    with pytest.raises(ValidationError) as err:
        custom_period(date(2026, 2, 1), date(2026, 1, 31))
    assert err.value.code == "period_reversed"
    with pytest.raises(ValidationError) as err:
        custom_period(date(2010, 1, 1), date(2026, 1, 1))
    assert err.value.code == "period_too_long"
    one_day = custom_period(date(2026, 2, 1), date(2026, 2, 1))
    assert one_day.key == "2026-02-01~2026-02-01" and one_day.day_after() == date(2026, 2, 2)


def test_due_dates() -> None:
    assert report_due(quarter_period(2026, 1)) == date(2026, 4, 15)
    assert report_due(quarter_period(2026, 4)) == date(2027, 1, 15)
    assert report_due(year_period(2026)) == date(2027, 1, 31)
    assert report_due(month_period(2026, 3)) is None
    assert report_due(custom_period(date(2026, 1, 1), date(2026, 1, 9))) is None


@pytest.mark.parametrize(
    ("today", "key", "due"),
    [
        (date(2026, 12, 7), "2026Q4", date(2027, 1, 15)),
        (date(2027, 1, 15), "2026Q4", date(2027, 1, 15)),  # due today: still this one
        (date(2027, 1, 16), "2026", date(2027, 1, 31)),
        (date(2027, 1, 31), "2026", date(2027, 1, 31)),
        (date(2027, 2, 1), "2027Q1", date(2027, 4, 15)),
        (date(2026, 4, 10), "2026Q1", date(2026, 4, 15)),
        (date(2026, 4, 16), "2026Q2", date(2026, 7, 15)),
    ],
)
def test_next_statutory_report(today, key, due) -> None:
    period, when = next_statutory_report(today)
    assert (period.key, when) == (key, due)


def test_next_report_is_never_past_and_never_further_than_a_quarter() -> None:
    day = date(2025, 1, 1)
    while day < date(2027, 1, 1):
        period, due = next_statutory_report(day)
        assert day <= due <= day + timedelta(days=107)
        assert period.kind in (PeriodKind.QUARTER, PeriodKind.YEAR)
        day += timedelta(days=1)


def test_period_containing() -> None:
    assert period_containing(PeriodKind.QUARTER, date(2026, 8, 31)).key == "2026Q3"
    assert period_containing(PeriodKind.MONTH, date(2026, 8, 31)).key == "2026-08"
    assert period_containing(PeriodKind.YEAR, date(2026, 8, 31)).key == "2026"

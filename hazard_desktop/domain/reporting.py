"""Reporting periods and the statutory reporting calendar (令第16号 Art. 14).

A period is a run of plant-local whole days (first and last included): a month, a quarter, a year or a
custom range. The enterprise sends its statistics of a quarter by the 15th of the month after it, and
those of a year by 31 January of the next year (DOMAIN.md §3.3); the monthly report is internal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from hazard_desktop.domain.errors import ValidationError

#: A custom period longer than this is refused (the statistics group by month; ten years is plenty).
MAX_CUSTOM_DAYS = 3660
FIRST_YEAR = 2000

_QUARTER = re.compile(r"^\s*(\d{4})\s*[Qq]\s*([1-4])\s*$")
_MONTH = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


class PeriodKind(StrEnum):
    """What a period is: it decides the report's title and due date."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Period:
    """Plant-local days ``first`` … ``last`` (both included)."""

    kind: PeriodKind
    first: date
    last: date

    @property
    def key(self) -> str:
        """Stable text of the period: ``2026-03``, ``2026Q4``, ``2026``, ``2026-01-05~2026-02-01``."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.first.year:04d}Q{(self.first.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.YEAR:
            return f"{self.first.year:04d}"
        return f"{self.first.isoformat()}~{self.last.isoformat()}"

    @property
    def label_zh(self) -> str:
        """The period as a Chinese heading: ``2026年第四季度``, ``2026年3月``, ``2026年度``."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.first.year}年{self.first.month}月"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.first.year}年第{'一二三四'[(self.first.month - 1) // 3]}季度"
        if self.kind is PeriodKind.YEAR:
            return f"{self.first.year}年度"
        return f"{self.first.isoformat()} 至 {self.last.isoformat()}"

    def months(self) -> list[str]:
        """Every month the period touches, as ``YYYY-MM`` (the rows of a per-month table)."""
        out: list[str] = []
        year, month = self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def day_after(self) -> date:
        """The first day after the period (an exclusive bound)."""
        return self.last + timedelta(days=1)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= 9998:
        raise ValidationError("period_invalid", field="period", value=str(year))


def month_period(year: int, month: int) -> Period:
    """The calendar month ``year``-``month``."""
    _check_year(year)
    if not 1 <= month <= 12:
        raise ValidationError("period_invalid", field="period", value=f"{year}-{month}")
    first = date(year, month, 1)
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return Period(PeriodKind.MONTH, first, nxt - timedelta(days=1))


def quarter_period(year: int, quarter: int) -> Period:
    """Quarter 1–4 of ``year``."""
    _check_year(year)
    if not 1 <= quarter <= 4:
        raise ValidationError("period_invalid", field="period", value=f"{year}Q{quarter}")
    first = date(year, 3 * quarter - 2, 1)
    nxt = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return Period(PeriodKind.QUARTER, first, nxt - timedelta(days=1))


def year_period(year: int) -> Period:
    """The calendar year."""
    _check_year(year)
    return Period(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))


def custom_period(first: date, last: date) -> Period:
    """Days ``first`` … ``last``.

    Raises:
        ValidationError: ``period_reversed`` (last before first), ``period_too_long`` (over ten years).
    """
    if last < first:
        raise ValidationError("period_reversed", field="period", first=first.isoformat(), last=last.isoformat())
    if (last - first).days > MAX_CUSTOM_DAYS:
        raise ValidationError("period_too_long", field="period")
    return Period(PeriodKind.CUSTOM, first, last)


def period_containing(kind: PeriodKind, day: date) -> Period:
    """The month, quarter or year that holds ``day``."""
    if kind is PeriodKind.MONTH:
        return month_period(day.year, day.month)
    if kind is PeriodKind.QUARTER:
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if kind is PeriodKind.YEAR:
        return year_period(day.year)
    return custom_period(day, day)


def parse_period(text: str) -> Period:
    """``2026Q4`` (quarter), ``2026`` (year) or ``2026-03`` (month); full-width digits are accepted.

    Raises:
        ValidationError: ``period_invalid`` (param ``value``).
    """
    import unicodedata

    plain = unicodedata.normalize("NFKC", text or "")
    if not plain.isascii():
        raise ValidationError("period_invalid", field="period", value=text)
    if m := _QUARTER.match(plain):
        return quarter_period(int(m.group(1)), int(m.group(2)))
    if m := _MONTH.match(plain):
        return month_period(int(m.group(1)), int(m.group(2)))
    if m := _YEAR.match(plain):
        return year_period(int(m.group(1)))
    raise ValidationError("period_invalid", field="period", value=text)


def report_due(period: Period) -> date | None:
    """The day the regulator must have the report of ``period``; None for months and custom ranges."""
    if period.kind is PeriodKind.QUARTER:
        after = period.day_after()
        return date(after.year, after.month, 15)
    if period.kind is PeriodKind.YEAR:
        return date(period.last.year + 1, 1, 31)
    return None


def next_statutory_report(today: date) -> tuple[Period, date]:
    """The statutory report due next on or after ``today``: the period it covers and its due day.

    The period is always one that has ended: on 7 December 2026 it is 2026Q4's report (due 15 January
    2027, though the quarter is still running); on 20 January 2027 it is the year 2026 (due 31 January).
    """
    quarter = period_containing(PeriodKind.QUARTER, today)
    candidates: list[Period] = [quarter]
    prev_day = quarter.first - timedelta(days=1)
    candidates.append(period_containing(PeriodKind.QUARTER, prev_day))
    candidates.append(year_period(today.year))
    if today.year - 1 >= FIRST_YEAR:
        candidates.append(year_period(today.year - 1))
    dated = [(due, p) for p in candidates if (due := report_due(p)) is not None and due >= today]
    due, period = min(dated, key=lambda pair: (pair[0], pair[1].kind is PeriodKind.YEAR))
    return period, due

"""Statistics of the register for a period: what the statistics window and the reports show.

Every figure is counted by the database (GROUP BY in ``adapters/statistics_queries.py``, behind the
:class:`StatisticsQueries` port); this module only says what is asked and bundles the answers, so the
window, the PDF/Excel reports and the command line show the same numbers.

Definitions (plant-local whole days; ``as_of`` is the last day of the period, or today if earlier):
- *found*: hazards whose 排查日期 (``found_at``, local day) falls in the period;
- *closed*: hazards whose 销号日期 (``closed_on``) falls in the period;
- *rectified*: hazards found in the period and closed by its last day (the reports' 已整改);
- *due*: hazards whose rectification deadline falls in the period, on or before ``as_of``;
  *closed on time*: of those, closed on or before their deadline; rate = closed on time / due;
- *overdue*: hazards (found whenever) 整改中 on ``as_of`` and past their deadline, as the rectification loop
  counts them (a hazard awaiting acceptance is not overdue);
- *average days to close*: over the hazards closed in the period, 销号日期 − 排查日期;
- *funds*: rectification funds (定资金 of the 五定 assignment) of the hazards closed in the period.
A figure a source cannot give is None (shown as "—"), never a made-up zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple, Protocol

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reporting import Period

STATUS_ZH = {
    HazardStatus.OPEN.value: "待定级",
    HazardStatus.GRADED.value: "已定级",
    HazardStatus.RECTIFYING.value: "整改中",
    HazardStatus.VERIFYING.value: "待验收",
    HazardStatus.CLOSED.value: "已销号",
}
GRADE_ZH = {
    HazardGrade.UNGRADED.value: "未定级",
    HazardGrade.GENERAL.value: "一般",
    HazardGrade.MAJOR.value: "重大",
}

#: The breakdowns the window shows, in order (each one GROUP BY query).
DIMENSIONS = ("category", "department", "grade", "band", "status", "month")


@dataclass(frozen=True, slots=True)
class CountRow:
    """One bar: ``key`` is what the register filters on (category code, department id, grade, band code,
    status value or ``YYYY-MM``); the labels are the reference data's names ('' where the UI names it)."""

    key: str
    label_zh: str
    label_en: str
    count: int


@dataclass(frozen=True, slots=True)
class MonthFlow:
    """Hazards found and closed in one month (``YYYY-MM``)."""

    month: str
    found: int
    closed: int


@dataclass(frozen=True, slots=True)
class GradeSummary:
    """The reports' headline: found and rectified by grade (ungraded ones are counted apart)."""

    found_general: int
    found_major: int
    found_ungraded: int
    rectified_general: int | None
    rectified_major: int | None

    @property
    def found(self) -> int:
        return self.found_general + self.found_major + self.found_ungraded

    @property
    def rectified(self) -> int | None:
        if self.rectified_general is None or self.rectified_major is None:
            return None
        return self.rectified_general + self.rectified_major


@dataclass(frozen=True, slots=True)
class Rectification:
    """The rectification figures (None: the register has no rectification data for it)."""

    due: int | None
    closed_on_time: int | None
    overdue: int | None
    closed: int | None
    average_days_to_close: Decimal | None
    funds: Decimal | None

    @property
    def rate(self) -> Decimal | None:
        """Closed on time / due in percent, one decimal (None when nothing was due)."""
        return percent(self.closed_on_time, self.due)


class MajorHazard(NamedTuple):
    """A major hazard found in the period or still open during it, with its state and report state.

    A named tuple: a register with thousands of open major hazards builds one per row on every refresh.
    """

    number: str
    description: str
    department: str
    found_on: date
    status: str
    deadline: date | None
    closed_on: date | None
    reported_on: date | None  # the day its report to the regulator was first printed (None: not reported)


@dataclass(frozen=True, slots=True)
class Statistics:
    """Everything the window and the reports show for one period."""

    period: Period
    as_of: date
    found: int
    by_dimension: dict[str, tuple[CountRow, ...]]
    flow: tuple[MonthFlow, ...]
    summary: GradeSummary
    rectification: Rectification
    majors: tuple[MajorHazard, ...]


def percent(part: int | None, whole: int | None) -> Decimal | None:
    """``part / whole`` in percent with one decimal (half up); None when either is missing or whole is 0."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class StatisticsQueries(Protocol):
    """The GROUP BY queries behind the statistics (``adapters/statistics_queries.py``)."""

    def counts(self, dimension: str, period: Period) -> Sequence[CountRow]:
        """Hazards found in ``period`` grouped by ``dimension`` (one of :data:`DIMENSIONS`)."""
        ...

    def closed_by_month(self, period: Period) -> Sequence[tuple[str, int]]:
        """``(YYYY-MM, count)`` of hazards closed in ``period`` (empty without rectification data)."""
        ...

    def grade_summary(self, period: Period) -> GradeSummary:
        """Found and rectified by grade."""
        ...

    def rectification(self, period: Period, as_of: date) -> Rectification:
        """Due, closed on time, overdue, closed, average days to close, funds."""
        ...

    def major_hazards(self, period: Period) -> Sequence[MajorHazard]:
        """Major hazards found by the period's end and not closed before it began."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def as_of(period: Period, today: date) -> date:
    """The day the period's point-in-time figures (overdue, due) are taken: its last day, or today."""
    return min(period.last, today)


def load_statistics(queries: StatisticsQueries, period: Period, today: date) -> Statistics:
    """Every figure of ``period`` (read-only; ``today`` is the plant-local day)."""
    by_dimension = {name: tuple(queries.counts(name, period)) for name in DIMENSIONS}
    found_by_month = {row.key: row.count for row in by_dimension["month"]}
    closed_by_month = dict(queries.closed_by_month(period))
    flow = tuple(MonthFlow(m, found_by_month.get(m, 0), closed_by_month.get(m, 0)) for m in period.months())
    day = as_of(period, today)
    return Statistics(
        period=period,
        as_of=day,
        found=sum(row.count for row in by_dimension["status"]),
        by_dimension=by_dimension,
        flow=flow,
        summary=queries.grade_summary(period),
        rectification=queries.rectification(period, day),
        majors=tuple(queries.major_hazards(period)),
    )

"""The statistics' GROUP BY queries: plain SQL on a plain sqlite3 connection (``StatisticsQueries``).

Each figure is one aggregate query over ``hazards``; names are joined after grouping (a join before
it would group 100,000 wide rows). Periods are plant-local days: ``found_at`` is stored as naive UTC,
so the period's bounds are converted to UTC here (the index on ``found_at`` serves the range) and the
month of a hazard is taken in local time (SQLite's ``localtime`` follows the same system zone as
Python's ``astimezone()``). ``deadline`` and ``closed_on`` are local days already.

The rectification figures read migration 0007's columns: ``hazards.deadline`` (the current deadline)
and ``closed_on``, the funds of ``rectification_assignments`` (定资金), the reports of a major hazard's
treatment plan (JSON, ``kind = regulator``) and the printed 重大隐患 reports (``form_prints``).

``statements(period, as_of)`` returns every statement with its parameters, so the benchmark can run the
same SQL through bare sqlite3 as its floor.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reporting import Period
from hazard_desktop.services.statistics import CountRow, GradeSummary, MajorHazard, Rectification

_STATUS_ORDER = " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(HazardStatus))
_GRADE_ORDER = " ".join(f"WHEN '{g.value}' THEN {n}" for n, g in enumerate(HazardGrade))
_FOUND_IN = "h.found_at >= ? AND h.found_at < ?"

_COUNTS: dict[str, str] = {
    "category": f"""SELECT g.k, coalesce(c.name_zh, g.k), coalesce(c.name_en, g.k), g.n
        FROM (SELECT h.category_code AS k, count(*) AS n FROM hazards h WHERE {_FOUND_IN} GROUP BY 1) g
        LEFT JOIN categories c ON c.code = g.k ORDER BY c.sort_order, g.k""",
    "department": f"""SELECT g.k, coalesce(d.name, g.k), coalesce(d.name, g.k), g.n
        FROM (SELECT h.department_id AS k, count(*) AS n FROM hazards h WHERE {_FOUND_IN} GROUP BY 1) g
        LEFT JOIN departments d ON d.id = g.k ORDER BY g.n DESC, d.name""",
    "grade": f"""SELECT h.grade, '', '', count(*) FROM hazards h WHERE {_FOUND_IN} GROUP BY 1
        ORDER BY CASE h.grade {_GRADE_ORDER} END""",
    "band": f"""SELECT g.k,
        coalesce((SELECT b.name_zh FROM threshold_bands b WHERE b.code = g.k ORDER BY b.rank LIMIT 1), ''),
        coalesce((SELECT b.name_en FROM threshold_bands b WHERE b.code = g.k ORDER BY b.rank LIMIT 1), ''), g.n
        FROM (SELECT coalesce(h.band_code, '') AS k, count(*) AS n FROM hazards h WHERE {_FOUND_IN} GROUP BY 1) g
        ORDER BY g.k = '', (SELECT min(b.rank) FROM threshold_bands b WHERE b.code = g.k), g.k""",
    "status": f"""SELECT h.status, '', '', count(*) FROM hazards h WHERE {_FOUND_IN} GROUP BY 1
        ORDER BY CASE h.status {_STATUS_ORDER} END""",
}


def month_sql(period: Period) -> tuple[str, list[Any]]:
    """Hazards found in ``period`` per local month: a CASE over the months' UTC bounds (string compares on
    the stored text; SQLite's ``localtime`` conversion per row cost six times as much)."""
    months = period.months()
    cases = " ".join("WHEN h.found_at < ? THEN ?" for _ in months[1:])
    params: list[Any] = []
    for month in months[1:]:
        params += [utc_bound(date.fromisoformat(f"{month}-01")), _previous(months, month)]
    key = f"CASE {cases} ELSE ? END" if cases else "?"
    sql = f"SELECT {key} AS k, '', '', count(*) FROM hazards h WHERE {_FOUND_IN} GROUP BY 1 ORDER BY 1"
    return sql, [*params, months[-1]]


def _previous(months: list[str], month: str) -> str:
    return months[months.index(month) - 1]


def utc_bound(day: date) -> str:
    """Local midnight at the start of ``day`` as the stored (naive UTC) text of ``found_at``."""
    local = datetime.combine(day, time()).astimezone()
    return local.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


class SqlStatisticsQueries:
    """``StatisticsQueries`` over one plain sqlite3 connection (kept until :meth:`close`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def close(self) -> None:
        """Give the connection back."""
        self._connection.close()

    # ----------------------------------------------------------------------------------- statements
    @staticmethod
    def _found(period: Period) -> list[Any]:
        return [utc_bound(period.first), utc_bound(period.day_after())]

    def statements(self, period: Period, as_of: date) -> list[tuple[str, list[Any]]]:
        """Every statement one refresh of ``period`` runs, with its parameters (the benchmark's floor)."""
        found = self._found(period)
        first, last, day = period.first.isoformat(), period.last.isoformat(), as_of.isoformat()
        month, month_params = month_sql(period)
        out = [(_COUNTS[name], found) for name in _COUNTS]
        out.append((month, [*month_params, *found]))
        out.append((_CLOSED_BY_MONTH, [first, last]))
        out.append((_SUMMARY, [last, last, *found]))
        out.append((_DUE, [first, day]))
        out.append((_OVERDUE, [day, day, utc_bound(as_of + timedelta(days=1))]))
        out.append((_CLOSED, [first, last]))
        out.append((_FUNDS, [first, last]))
        out.append((_MAJORS, [utc_bound(period.day_after()), first]))
        return out

    # -------------------------------------------------------------------------------------- queries
    def counts(self, dimension: str, period: Period) -> list[CountRow]:
        """Hazards found in ``period`` grouped by ``dimension``."""
        if dimension == "month":
            sql, params = month_sql(period)
            rows = self._connection.execute(sql, [*params, *self._found(period)]).fetchall()
        else:
            rows = self._connection.execute(_COUNTS[dimension], self._found(period)).fetchall()
        return [CountRow(str(k), zh, en, n) for k, zh, en, n in rows]

    def closed_by_month(self, period: Period) -> list[tuple[str, int]]:
        """``(YYYY-MM, count)`` of hazards closed in ``period``."""
        rows = self._connection.execute(_CLOSED_BY_MONTH, [period.first.isoformat(), period.last.isoformat()])
        return [(str(m), int(n)) for m, n in rows]

    def grade_summary(self, period: Period) -> GradeSummary:
        """Found and rectified by grade."""
        last = period.last.isoformat()
        row = self._connection.execute(_SUMMARY, [last, last, *self._found(period)]).fetchone()
        total, general, major = int(row[0]), int(row[1]), int(row[2])
        return GradeSummary(general, major, total - general - major, int(row[3]), int(row[4]))

    def rectification(self, period: Period, as_of: date) -> Rectification:
        """Due, closed on time, overdue, closed, average days to close, funds."""
        first, last, day = period.first.isoformat(), period.last.isoformat(), as_of.isoformat()
        con = self._connection
        due, on_time = con.execute(_DUE, [first, day]).fetchone()
        (overdue,) = con.execute(_OVERDUE, [day, day, utc_bound(as_of + timedelta(days=1))]).fetchone()
        closed, days = con.execute(_CLOSED, [first, last]).fetchone()
        average = None
        if closed:
            average = (Decimal(int(days)) / Decimal(int(closed))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        (cents,) = con.execute(_FUNDS, [first, last]).fetchone()
        funds = (Decimal(int(cents)) / 100).quantize(Decimal("0.01"))
        return Rectification(int(due), int(on_time), int(overdue), int(closed), average, funds)

    def major_hazards(self, period: Period) -> list[MajorHazard]:
        """Major hazards found by the period's end and not closed before it began."""
        rows = self._connection.execute(_MAJORS, [utc_bound(period.day_after()), period.first.isoformat()])
        day = date.fromisoformat
        return [
            MajorHazard(
                number,
                description,
                department,
                day(found_on),
                status,
                None if deadline is None else day(deadline),
                None if closed_on is None else day(closed_on),
                None if reported is None else day(reported),
            )
            for number, description, department, found_on, status, deadline, closed_on, reported in rows
        ]


_CLOSED_BY_MONTH = """SELECT substr(h.closed_on, 1, 7), count(*) FROM hazards h
    WHERE h.closed_on >= ? AND h.closed_on <= ? GROUP BY 1 ORDER BY 1"""
_DUE = """SELECT count(*), coalesce(sum(h.closed_on IS NOT NULL AND h.closed_on <= h.deadline), 0) FROM hazards h
    WHERE h.deadline >= ? AND h.deadline <= ?"""
# 整改中 past its deadline, as the rectification loop counts it (r12a's due_counts), on the day ``as_of``: the
# status then is the last transition's before the end of that day (the current one without transitions).
_OVERDUE = """SELECT count(*) FROM hazards h WHERE h.deadline < ? AND (h.closed_on IS NULL OR h.closed_on > ?)
    AND coalesce((SELECT t.to_status FROM hazard_transitions t WHERE t.hazard_id = h.id AND t.at < ?
        ORDER BY t.at DESC LIMIT 1), h.status) = 'rectifying'"""
_SUMMARY = f"""SELECT count(*), coalesce(sum(h.grade = 'general'), 0), coalesce(sum(h.grade = 'major'), 0),
    coalesce(sum(h.grade = 'general' AND h.closed_on <= ?), 0), coalesce(sum(h.grade = 'major' AND h.closed_on <= ?), 0)
    FROM hazards h WHERE {_FOUND_IN}"""
# Whole cents summed as integers: exact for amounts of two decimals (funds are stored as Decimal text).
_FUNDS = """SELECT coalesce(sum(CAST(round(CAST(a.funds AS REAL) * 100) AS INTEGER)), 0)
    FROM hazards h JOIN rectification_assignments a ON a.hazard_id = h.id
    WHERE h.closed_on >= ? AND h.closed_on <= ?"""
# Reported: the treatment plan's report to the regulator (its day), or the printed 重大隐患 report.
_MAJORS = """SELECT h.number, h.description, coalesce(d.name, ''), date(h.found_at, 'localtime'), h.status,
    h.deadline, h.closed_on, nullif(min(
        coalesce((SELECT min(json_extract(j.value, '$.made_on')) FROM treatment_plans tp, json_each(tp.reports) j
            WHERE tp.hazard_id = h.id AND json_extract(j.value, '$.kind') = 'regulator'), '9999-12-31'),
        coalesce((SELECT date(min(fp.printed_at), 'localtime') FROM form_prints fp
            WHERE fp.hazard_id = h.id AND fp.kind = 'report'), '9999-12-31')), '9999-12-31')
    FROM hazards h LEFT JOIN departments d ON d.id = h.department_id
    WHERE h.grade = 'major' AND h.found_at < ? AND (h.closed_on IS NULL OR h.closed_on >= ?) ORDER BY h.number"""
_CLOSED = """SELECT count(*), coalesce(sum(CAST(julianday(h.closed_on)
    - julianday(date(h.found_at, 'localtime')) AS INTEGER)), 0) FROM hazards h
    WHERE h.closed_on >= ? AND h.closed_on <= ?"""

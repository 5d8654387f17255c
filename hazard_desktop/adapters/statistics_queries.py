"""The statistics' GROUP BY queries: plain SQL on a plain sqlite3 connection (``StatisticsQueries``).

Each figure is one aggregate query over ``hazards``; names are joined after grouping (a join before
it would group 100,000 wide rows). Periods are plant-local days: ``found_at`` is stored as naive UTC,
so the period's bounds are converted to UTC here (the index on ``found_at`` serves the range) and the
month of a hazard is taken in local time (SQLite's ``localtime`` follows the same system zone as
Python's ``astimezone()``). ``deadline`` and ``closed_on`` are local days already.

The rectification loop's columns (``deadline``, ``closed_on``, funds) and the printed reports of major
hazards (``form_prints``) come with migration 0007; this module looks at the schema once and answers
None for what a register does not hold yet.

``statements(period, as_of)`` returns every statement with its parameters, so the benchmark can run the
same SQL through bare sqlite3 as its floor.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reporting import Period
from hazard_desktop.services.statistics import CountRow, GradeSummary, MajorHazard, Rectification

_STATUS_ORDER = " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(HazardStatus))
_GRADE_ORDER = " ".join(f"WHEN '{g.value}' THEN {n}" for n, g in enumerate(HazardGrade))
_FOUND_IN = "h.found_at >= ? AND h.found_at < ?"
_LOCAL_MONTH = "strftime('%Y-%m', h.found_at, 'localtime')"

#: Column names of the rectification funds, in the order they are looked for (r12a's migration 0007).
FUNDS_COLUMNS = ("funds", "rectification_funds", "funds_spent")

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
    "month": f"""SELECT {_LOCAL_MONTH} AS k, '', '', count(*) FROM hazards h WHERE {_FOUND_IN}
        GROUP BY 1 ORDER BY 1""",
}


def utc_bound(day: date) -> str:
    """Local midnight at the start of ``day`` as the stored (naive UTC) text of ``found_at``."""
    local = datetime.combine(day, time()).astimezone()
    return local.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _local_day(stored: str) -> date:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC).astimezone().date()


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


class SqlStatisticsQueries:
    """``StatisticsQueries`` over one plain sqlite3 connection (kept until :meth:`close`)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        columns = {row[1] for row in connection.execute("PRAGMA table_info(hazards)")}
        self.has_loop = {"deadline", "closed_on"} <= columns
        self.funds_column = next((c for c in FUNDS_COLUMNS if c in columns), None)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.has_reports = "form_prints" in tables

    def close(self) -> None:
        """Give the connection back."""
        self._connection.close()

    # ----------------------------------------------------------------------------------- statements
    def _found(self, period: Period) -> list[Any]:
        return [utc_bound(period.first), utc_bound(period.day_after())]

    def _summary_sql(self) -> str:
        if self.has_loop:
            rectified = (
                """, sum(h.grade = 'general' AND h.closed_on <= ?), sum(h.grade = 'major' AND h.closed_on <= ?)"""
            )
        else:
            rectified = ""
        return f"""SELECT count(*), coalesce(sum(h.grade = 'general'), 0), coalesce(sum(h.grade = 'major'), 0)
            {rectified} FROM hazards h WHERE {_FOUND_IN}"""

    def _summary_params(self, period: Period) -> list[Any]:
        last = period.last.isoformat()
        return ([last, last] if self.has_loop else []) + self._found(period)

    def _funds_sql(self) -> str:
        column = self.funds_column
        # Whole cents summed as integers: exact for amounts of two decimals (stored as Decimal text).
        return f"""SELECT sum(CAST(round(CAST(h.{column} AS REAL) * 100) AS INTEGER)) FROM hazards h
            WHERE h.closed_on >= ? AND h.closed_on <= ? AND h.{column} IS NOT NULL AND h.{column} != ''"""

    def _majors_sql(self) -> str:
        reported = (
            "(SELECT min(fp.printed_at) FROM form_prints fp WHERE fp.hazard_id = h.id AND fp.kind = 'report')"
            if self.has_reports
            else "NULL"
        )
        loop = "h.deadline, h.closed_on" if self.has_loop else "NULL, NULL"
        still_open = (
            "(h.closed_on IS NULL OR h.closed_on >= ?)"
            if self.has_loop
            else "(h.status != 'closed' OR h.found_at >= ?)"
        )
        return f"""SELECT h.id, h.number, h.description, coalesce(d.name, ''), h.found_at, h.status, {loop}, {reported}
            FROM hazards h LEFT JOIN departments d ON d.id = h.department_id
            WHERE h.grade = 'major' AND h.found_at < ? AND {still_open} ORDER BY h.number"""

    def _majors_params(self, period: Period) -> list[Any]:
        since = period.first.isoformat() if self.has_loop else utc_bound(period.first)
        return [utc_bound(period.day_after()), since]

    def statements(self, period: Period, as_of: date) -> list[tuple[str, list[Any]]]:
        """Every statement one refresh of ``period`` runs, with its parameters (the benchmark's floor)."""
        found = self._found(period)
        out = [(_COUNTS[name], found) for name in _COUNTS]
        out.append((self._summary_sql(), self._summary_params(period)))
        out.append((self._majors_sql(), self._majors_params(period)))
        if self.has_loop:
            first, last, day = period.first.isoformat(), period.last.isoformat(), as_of.isoformat()
            out.append((_CLOSED_BY_MONTH, [first, last]))
            out.append((_DUE, [first, day]))
            out.append((_OVERDUE, [day, day]))
            out.append((_CLOSED, [first, last]))
            if self.funds_column:
                out.append((self._funds_sql(), [first, last]))
        return out

    # -------------------------------------------------------------------------------------- queries
    def counts(self, dimension: str, period: Period) -> list[CountRow]:
        """Hazards found in ``period`` grouped by ``dimension``."""
        sql = _COUNTS[dimension]
        rows = self._connection.execute(sql, self._found(period)).fetchall()
        return [CountRow(str(k), zh, en, n) for k, zh, en, n in rows]

    def closed_by_month(self, period: Period) -> list[tuple[str, int]]:
        """``(YYYY-MM, count)`` of hazards closed in ``period``."""
        if not self.has_loop:
            return []
        rows = self._connection.execute(_CLOSED_BY_MONTH, [period.first.isoformat(), period.last.isoformat()])
        return [(str(m), int(n)) for m, n in rows]

    def grade_summary(self, period: Period) -> GradeSummary:
        """Found and rectified by grade."""
        row = self._connection.execute(self._summary_sql(), self._summary_params(period)).fetchone()
        total, general, major = int(row[0]), int(row[1]), int(row[2])
        rectified = (int(row[3] or 0), int(row[4] or 0)) if self.has_loop else (None, None)
        return GradeSummary(general, major, total - general - major, *rectified)

    def rectification(self, period: Period, as_of: date) -> Rectification:
        """Due, closed on time, overdue, closed, average days to close, funds."""
        if not self.has_loop:
            return Rectification(None, None, None, None, None, None)
        first, last, day = period.first.isoformat(), period.last.isoformat(), as_of.isoformat()
        con = self._connection
        due, on_time = con.execute(_DUE, [first, day]).fetchone()
        (overdue,) = con.execute(_OVERDUE, [day, day]).fetchone()
        closed, days = con.execute(_CLOSED, [first, last]).fetchone()
        average = None
        if closed:
            average = (Decimal(int(days)) / Decimal(int(closed))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        funds = None
        if self.funds_column:
            (cents,) = con.execute(self._funds_sql(), [first, last]).fetchone()
            funds = (Decimal(int(cents or 0)) / 100).quantize(Decimal("0.01"))
        return Rectification(int(due), int(on_time or 0), int(overdue), int(closed), average, funds)

    def major_hazards(self, period: Period) -> list[MajorHazard]:
        """Major hazards found by the period's end and not closed before it began."""
        rows = self._connection.execute(self._majors_sql(), self._majors_params(period)).fetchall()
        return [
            MajorHazard(
                id=uuid.UUID(str(r[0])),
                number=r[1],
                description=r[2],
                department=r[3],
                found_on=_local_day(r[4]),
                status=r[5],
                deadline=_day(r[6]),
                closed_on=_day(r[7]),
                reported_on=None if r[8] is None else _local_day(str(r[8])),
            )
            for r in rows
        ]


_CLOSED_BY_MONTH = """SELECT substr(h.closed_on, 1, 7), count(*) FROM hazards h
    WHERE h.closed_on >= ? AND h.closed_on <= ? GROUP BY 1 ORDER BY 1"""
_DUE = """SELECT count(*), coalesce(sum(h.closed_on IS NOT NULL AND h.closed_on <= h.deadline), 0) FROM hazards h
    WHERE h.deadline >= ? AND h.deadline <= ?"""
_OVERDUE = """SELECT count(*) FROM hazards h WHERE h.deadline < ? AND (h.closed_on IS NULL OR h.closed_on > ?)"""
_CLOSED = """SELECT count(*), coalesce(sum(CAST(julianday(h.closed_on)
    - julianday(date(h.found_at, 'localtime')) AS INTEGER)), 0) FROM hazards h
    WHERE h.closed_on >= ? AND h.closed_on <= ?"""

"""A register with varied grades, statuses, bands, deadlines, closures and funds, and the statistics'
figures computed again in plain Python over its rows (the independent check of the SQL).

Used by the statistics tests and ``benchmarks/statistics.py``. Hazards come from the demo generator
(real departments, categories, places); their rectification state is then set at random (seeded)
straight in the table, as the rectification loop's use cases would leave it. A register made before the
hazard with a deadline gets its 五定 assignment (funds), and some major hazards a treatment plan whose
report to the regulator is dated.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hazard_desktop import paths
from hazard_desktop.domain.reporting import Period
from hazard_desktop.services.context import AppContext

REFERENCE = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def connect(context: AppContext) -> sqlite3.Connection:
    return sqlite3.connect(paths.database_path(context.data_dir), isolation_level=None)


def fill_register(context: AppContext, count: int, seed: int = 7) -> None:
    """Store ``count`` demo hazards over the year before :data:`REFERENCE`, then vary their state."""
    from hazard_desktop.services.demo import ensure_people, make_hazards

    people = ensure_people(context.uow())
    assert context.bulk_writer is not None
    context.bulk_writer().write_new_hazards(make_hazards(context.uow(), count, seed, REFERENCE, people))
    con = connect(context)
    try:
        bands = [r[0] for r in con.execute("SELECT DISTINCT code FROM threshold_bands ORDER BY code")]
        rng = random.Random(seed)
        updates, assignments, plans = [], [], []
        stamp = "2026-01-01 00:00:00"
        rows = con.execute("SELECT pk, id, found_at, department_id, found_by_id FROM hazards").fetchall()
        for pk, hazard_id, found_at, department_id, person_id in rows:
            found = datetime.fromisoformat(found_at).replace(tzinfo=UTC).astimezone().date()
            grade = rng.choice(["ungraded", "general", "general", "general", "major"])
            band = None if grade == "ungraded" else rng.choice(bands)
            status = "open" if grade == "ungraded" else rng.choice(["graded", "rectifying", "verifying", "closed"])
            deadline = None if status == "open" else found + timedelta(days=rng.randint(3, 60))
            closed_on = None
            if status == "closed":
                closed_on = found + timedelta(days=rng.randint(0, 80))
            updates.append(
                (
                    grade,
                    band,
                    status,
                    None if deadline is None else deadline.isoformat(),
                    None if closed_on is None else closed_on.isoformat(),
                    pk,
                )
            )
            if deadline is not None:
                money = str(Decimal(rng.randint(0, 500000)) / 100)
                assignments.append(
                    (str(uuid.uuid4()), stamp, stamp, hazard_id, department_id, person_id, "措施", money, "公司",
                     deadline.isoformat(), deadline.isoformat(), "", person_id, found.isoformat(), 0)
                )  # fmt: skip
            if grade == "major" and rng.random() < 0.5:
                made_on = found + timedelta(days=rng.randint(0, 20))
                reports = json.dumps([{"kind": "regulator", "made_on": made_on.isoformat(), "reference": "报-1"}])
                plans.append(
                    (str(uuid.uuid4()), stamp, stamp, hazard_id, "", "", "", "", found.isoformat(), "", "", "none",
                     reports)
                )  # fmt: skip
        con.execute("BEGIN")
        con.executemany(
            "UPDATE hazards SET grade = ?, band_code = ?, status = ?, deadline = ?, closed_on = ? WHERE pk = ?",
            updates,
        )
        con.executemany(f"INSERT INTO rectification_assignments VALUES ({', '.join('?' * 15)})", assignments)
        con.executemany(
            "INSERT INTO treatment_plans (id, created_at, updated_at, hazard_id, goal_and_tasks, methods_and_measures,"
            " funds_and_materials, organisation_and_people, time_limit, time_requirements, safety_and_emergency,"
            " stoppage, reports) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            plans,
        )
        con.execute("COMMIT")
    finally:
        con.close()


@dataclass
class PlainRow:
    id: str
    number: str
    category: str
    department: str
    grade: str
    band: str
    status: str
    found_on: date
    deadline: date | None
    closed_on: date | None
    funds: Decimal | None
    reported_on: date | None


def plain_rows(context: AppContext) -> list[PlainRow]:
    """Every hazard, read with ``SELECT *`` and converted in Python (no SQL functions)."""
    con = connect(context)
    con.row_factory = sqlite3.Row
    try:
        funds = {r["hazard_id"]: Decimal(r["funds"]) for r in con.execute("SELECT * FROM rectification_assignments")}
        reported: dict[str, date] = {}
        for r in con.execute("SELECT * FROM treatment_plans"):
            days = [date.fromisoformat(x["made_on"]) for x in json.loads(r["reports"]) if x["kind"] == "regulator"]
            if days:
                reported[r["hazard_id"]] = min(days)
        rows = []
        for r in con.execute("SELECT * FROM hazards"):
            rows.append(
                PlainRow(
                    id=r["id"],
                    number=r["number"],
                    category=r["category_code"],
                    department=r["department_id"],
                    grade=r["grade"],
                    band=r["band_code"] or "",
                    status=r["status"],
                    found_on=datetime.fromisoformat(r["found_at"]).replace(tzinfo=UTC).astimezone().date(),
                    deadline=None if r["deadline"] is None else date.fromisoformat(r["deadline"]),
                    closed_on=None if r["closed_on"] is None else date.fromisoformat(r["closed_on"]),
                    funds=funds.get(r["id"]),
                    reported_on=reported.get(r["id"]),
                )
            )
        return rows
    finally:
        con.close()


def expected(rows: list[PlainRow], period: Period, as_of: date) -> dict[str, object]:
    """The figures of ``period`` counted over ``rows`` in Python."""

    def within(day: date | None, first: date, last: date) -> bool:
        return day is not None and first <= day <= last

    found = [r for r in rows if within(r.found_on, period.first, period.last)]
    closed = [r for r in rows if within(r.closed_on, period.first, period.last)]
    due = [r for r in rows if within(r.deadline, period.first, as_of)]
    on_time = [r for r in due if r.closed_on is not None and r.deadline is not None and r.closed_on <= r.deadline]
    overdue = [  # no transitions in this register: the status at as_of is the current one
        r
        for r in rows
        if r.deadline is not None
        and r.deadline < as_of
        and (r.closed_on is None or r.closed_on > as_of)
        and r.status == "rectifying"
    ]
    days = sum((r.closed_on - r.found_on).days for r in closed if r.closed_on is not None)
    average = (Decimal(days) / len(closed)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if closed else None
    rectified = [r for r in found if r.closed_on is not None and r.closed_on <= period.last]
    majors = sorted(
        (r.number, r.reported_on)
        for r in rows
        if r.grade == "major" and r.found_on <= period.last and (r.closed_on is None or r.closed_on >= period.first)
    )
    return {
        "found": len(found),
        "category": dict(Counter(r.category for r in found)),
        "department": dict(Counter(r.department for r in found)),
        "grade": dict(Counter(r.grade for r in found)),
        "band": dict(Counter(r.band for r in found)),
        "status": dict(Counter(r.status for r in found)),
        "month": dict(Counter(r.found_on.strftime("%Y-%m") for r in found)),
        "closed_by_month": dict(Counter(r.closed_on.strftime("%Y-%m") for r in closed if r.closed_on)),
        "found_general": sum(r.grade == "general" for r in found),
        "found_major": sum(r.grade == "major" for r in found),
        "rectified_general": sum(r.grade == "general" for r in rectified),
        "rectified_major": sum(r.grade == "major" for r in rectified),
        "due": len(due),
        "closed_on_time": len(on_time),
        "overdue": len(overdue),
        "closed": len(closed),
        "average_days_to_close": average,
        "funds": sum((r.funds for r in closed if r.funds is not None), Decimal("0.00")).quantize(Decimal("0.01")),
        "majors": majors,
    }


def database_of(context: AppContext) -> Path:
    return paths.database_path(context.data_dir)

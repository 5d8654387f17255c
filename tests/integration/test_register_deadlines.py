"""The register's deadline columns and filters (issue 12): read, sorted and filtered in SQL.

The columns are written here with plain SQL (the rectification use cases keep them in the same
transaction; their tests are theirs): this file checks what the register reads and how it filters.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from hazard_desktop import paths
from hazard_desktop.domain.hazards import HazardStatus
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.ports import RegisterFilter, SortKey
from tests.factories import add_person, hazard_input

pytestmark = pytest.mark.storage

TODAY = date(2026, 12, 30)  # across the year end: due-within-7 reaches into 2027


@pytest.fixture
def loop(context, inspector):
    """Six hazards: overdue, due today, due in 7 days (last one in), due in 8 days, awaiting acceptance, closed."""
    acceptor = add_person(context, "李验收")
    with context.uow() as uow:
        department = uow.reference.departments()[1]
    plan = [
        ("overdue", HazardStatus.RECTIFYING, TODAY - timedelta(days=3), None),
        ("today", HazardStatus.RECTIFYING, TODAY, None),
        ("in7", HazardStatus.RECTIFYING, TODAY + timedelta(days=7), None),
        ("in8", HazardStatus.RECTIFYING, TODAY + timedelta(days=8), None),
        ("accept", HazardStatus.VERIFYING, TODAY - timedelta(days=10), acceptor.id),
        ("closed", HazardStatus.CLOSED, TODAY - timedelta(days=20), None),
    ]
    made = {}
    for n, (name, *_) in enumerate(plan):
        data = hazard_input(context, inspector, found_at=datetime(2026, 11, 1 + n, 8, tzinfo=UTC))
        made[name] = create_hazard(context.uow(), data)
    con = sqlite3.connect(paths.database_path(context.data_dir))
    try:
        for name, status, deadline, acceptor_id in plan:
            con.execute(
                "UPDATE hazards SET status = ?, deadline = ?, responsible_department_id = ?,"
                " responsible_person_id = ?, acceptor_id = ?, extension_pending = ? WHERE id = ?",
                [status.value, deadline.isoformat(), str(department.id), str(inspector.id),
                 None if acceptor_id is None else str(acceptor_id), int(name == "overdue"), str(made[name].id)],
            )  # fmt: skip
        con.commit()
    finally:
        con.close()
    return made, acceptor, department


def names(context, made, flt, sort=SortKey.DEADLINE, descending=False):
    by_id = {h.id: name for name, h in made.items()}
    return [by_id.get(r.id, "-") for r in context.register.page(flt, sort, descending, 0, 100)]


def test_rows_carry_deadline_and_responsibility(context, inspector, loop):
    made, _, department = loop
    rows = {r.id: r for r in context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 100)}
    row = rows[made["overdue"].id]
    assert row.deadline == TODAY - timedelta(days=3)
    assert row.responsible_department_name == department.name
    assert row.responsible_person_name == inspector.name
    assert row.extension_pending is True
    assert rows[made["today"].id].extension_pending is False


def test_overdue_due_soon_and_my_acceptance_filters(context, loop):
    made, acceptor, _ = loop
    overdue = RegisterFilter(deadline_before=TODAY)
    assert names(context, made, overdue) == ["overdue"]  # not the one awaiting acceptance, not the closed one
    soon = RegisterFilter(deadline_from=TODAY, deadline_before=TODAY + timedelta(days=8))
    assert names(context, made, soon) == ["today", "in7"]
    assert context.register.count(soon) == 2
    mine = RegisterFilter(acceptor_id=acceptor.id)
    assert names(context, made, mine) == ["accept"]
    assert context.register.count(RegisterFilter(acceptor_id=made["closed"].id)) == 0


def test_deadline_sort_both_ways_puts_hazards_without_one_at_the_ends(context, inspector, loop):
    made, _, _ = loop
    create_hazard(context.uow(), hazard_input(context, inspector))  # no deadline yet
    ascending = names(context, made, RegisterFilter())
    assert ascending == ["-", "closed", "accept", "overdue", "today", "in7", "in8"]
    assert names(context, made, RegisterFilter(), descending=True) == list(reversed(ascending))


@pytest.mark.parametrize("key", [SortKey.DEADLINE, SortKey.RESPONSIBLE_DEPARTMENT, SortKey.RESPONSIBLE_PERSON])
def test_position_agrees_with_pages_under_the_new_sorts(context, loop, key):
    for descending in (False, True):
        rows = context.register.page(RegisterFilter(), key, descending, 0, 100)
        for index, row in enumerate(rows):
            assert context.register.position(RegisterFilter(), key, descending, row.id) == index


def test_overdue_filter_uses_the_status_deadline_index(context, loop):
    from hazard_desktop.adapters.register_queries import page_sql

    sql, params = page_sql(RegisterFilter(deadline_before=TODAY), SortKey.DEADLINE, False)
    con = sqlite3.connect(paths.database_path(context.data_dir))
    try:
        plan = " ".join(row[-1] for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", [*params, 200, 0]))
    finally:
        con.close()
    inner = plan.split("SCAN pg")[0]  # choosing the page; the outer ORDER BY sorts only its 200 rows
    assert "ix_hazards_status_deadline" in inner and "TEMP B-TREE" not in inner

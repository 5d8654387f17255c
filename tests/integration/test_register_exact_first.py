"""A search that is exactly a hazard's number (or 原编号) lists that hazard first, whatever the sort.

Trial (shot 150): "YH-2026-0001" found 13 hazards (old-ledger numbers containing it among them) with the one
searched for last. The exact matches come first on every page read and in every position asked; the rest keep
their order; the count is the same.
"""

from __future__ import annotations

import sqlite3

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters import register_queries as rq
from hazard_desktop.domain.hazards import HazardStatus
from hazard_desktop.services.ports import RegisterFilter, SortKey
from tests.integration.test_register_scale import _bulk_hazards

pytestmark = pytest.mark.storage


@pytest.fixture
def register(context, inspector):
    """150 hazards YH-2025-0001…0150; two imported ones carry an old ledger's number (原编号): YH-2025-0100's
    contains "YH-2025-0015", YH-2025-0120's is exactly "YH-2025-001" (the start of YH-2025-0010…0019)."""
    hazards = _bulk_hazards(context, inspector, 150)
    context.bulk_writer().write_hazards(hazards)
    by_number = {h.number: h for h in hazards}
    with context.uow() as uow:
        uow.ledger.set_legacy_number(by_number["YH-2025-0100"].id, "OLD-YH-2025-0015x")
        uow.ledger.set_legacy_number(by_number["YH-2025-0120"].id, "YH-2025-001")
        uow.commit()
    return by_number


def _all_rows(context, flt: RegisterFilter, sort: SortKey, descending: bool, block: int) -> list:
    total = context.register.count(flt)
    rows = []
    for offset in range(0, total, block):
        rows += context.register.page(flt, sort, descending, offset, block)
    assert len(rows) == total
    return rows


@pytest.mark.parametrize("sort", [SortKey.NUMBER, SortKey.FOUND_AT, SortKey.DESCRIPTION])
@pytest.mark.parametrize("descending", [False, True])
def test_the_number_searched_comes_first_and_the_rest_keep_their_order(context, register, sort, descending):
    flt = RegisterFilter(text="YH-2025-001")  # the start of 0010…0019; exactly 0120's 原编号
    everything = _all_rows(context, flt, sort, descending, block=200)
    numbers = [row.number for row in everything]
    assert "YH-2025-0010" in numbers and "YH-2025-0019" in numbers
    assert numbers[0] == "YH-2025-0120"  # its 原编号 is exactly the search
    sql, params = rq.page_sql(flt, sort, descending)  # the order without listing anything first
    with sqlite3.connect(paths.database_path(context.data_dir)) as con:
        plain = [values[1] for values in con.execute(sql, [*params, 200, 0])]
    assert numbers[1:] == [number for number in plain if number != "YH-2025-0120"]
    for block in (1, 2, 3, 7):  # pages of every size put together read the same rows
        assert [r.id for r in _all_rows(context, flt, sort, descending, block)] == [r.id for r in everything]
    for index, row in enumerate(everything):  # the model asks where a hazard is (select after a save)
        assert context.register.position(flt, sort, descending, row.id) == index


def test_the_number_itself_beats_other_numbers_and_old_ledger_numbers_that_contain_it(context, register):
    flt = RegisterFilter(text="YH-2025-0015")
    for sort in (SortKey.NUMBER, SortKey.FOUND_AT):
        for descending in (False, True):
            rows = context.register.page(flt, sort, descending, 0, 200)
            assert rows[0].number == "YH-2025-0015", (sort, descending)
            assert "YH-2025-0100" in [r.number for r in rows]  # OLD-YH-2025-0015x contains it: found, not first
    assert context.register.count(flt) == len(context.register.page(flt, SortKey.NUMBER, True, 0, 200))
    lower = context.register.page(RegisterFilter(text="yh-2025-0015"), SortKey.NUMBER, True, 0, 200)
    assert lower[0].number == "YH-2025-0015"  # typed in small letters


def test_an_exact_match_hidden_by_another_filter_is_not_listed(context, register):
    flt = RegisterFilter(text="YH-2025-0015", statuses=frozenset({HazardStatus.CLOSED}))
    assert context.register.count(flt) == 0
    assert context.register.page(flt, SortKey.NUMBER, True, 0, 200) == []
    assert context.register.position(flt, SortKey.NUMBER, True, register["YH-2025-0015"].id) is None


def test_a_search_that_is_no_number_keeps_the_plain_order(context, register):
    flt = RegisterFilter(text="车间")
    rows = context.register.page(flt, SortKey.NUMBER, True, 0, 500)
    assert [r.number for r in rows] == sorted((r.number for r in rows), reverse=True)
    assert context.register.exact_pks(flt) == []

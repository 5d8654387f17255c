"""A typed register number: its exact form, a year not ahead, no skipping ahead; numbers past 9999 sort."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hazard_desktop.domain.errors import Conflict, ValidationError
from hazard_desktop.services import hazards as svc
from hazard_desktop.services.ports import RegisterFilter, SortKey
from tests.factories import hazard_input


def create(context, person, number: str = ""):
    return svc.create_hazard(context.uow(), hazard_input(context, person), number=number)


def numbers(context, *, descending: bool = False) -> list[str]:
    return [row.number for row in context.register.page(RegisterFilter(), SortKey.NUMBER, descending, 0, 50)]


def test_a_typo_far_ahead_is_refused_and_leaves_the_numbering_alone(context, inspector):
    create(context, inspector)  # YH-2026-0001
    with pytest.raises(Conflict) as info:
        create(context, inspector, "YH-2026-9999")
    assert info.value.code == "number_skips_ahead"
    assert info.value.params["next"] == "YH-2026-0002"
    assert numbers(context) == ["YH-2026-0001"]
    assert create(context, inspector).number == "YH-2026-0002"  # the automatic sequence did not move


def test_the_next_free_number_may_be_typed_and_is_then_used_up(context, inspector):
    assert create(context, inspector, "ｙｈ－２０２６－０００１").number == "YH-2026-0001"  # an IME's full width
    assert create(context, inspector).number == "YH-2026-0002"


def test_a_free_number_below_the_sequence_may_be_typed_once(context, inspector):
    with context.uow() as uow:  # e.g. numbers noted by an import that left a gap
        uow.hazards.note_number(2026, 5)
        uow.commit()
    assert create(context, inspector, "YH-2026-0003").number == "YH-2026-0003"
    with pytest.raises(Conflict) as info:
        create(context, inspector, "YH-2026-0003")
    assert info.value.code == "number_duplicate"
    assert create(context, inspector).number == "YH-2026-0006"


@pytest.mark.parametrize(
    "typed", ["YH-2026-00001", "YH-2026-0000", "YH-2026-001", "YH-2026-010000", "YH-2026-0001-1", "YH2026-0001"]
)
def test_a_number_not_written_as_the_program_writes_it_is_refused(context, inspector, typed):
    with pytest.raises(ValidationError) as info:
        create(context, inspector, typed)
    assert info.value.code == "number_invalid"
    assert numbers(context) == []


@pytest.mark.parametrize("year", [datetime.now(UTC).year + 2, 9999, 1999, 1])
def test_a_number_of_an_impossible_year_is_refused(context, inspector, year):
    with pytest.raises(ValidationError) as info:
        create(context, inspector, f"YH-{year:04d}-0001")
    assert info.value.code == "number_year_invalid"
    assert numbers(context) == []
    with context.uow() as uow:
        assert uow.hazards.last_sequence(year) == 0


def test_a_year_past_9999_hazards_sorts_by_its_numbers_value(context, inspector):
    with context.uow() as uow:  # a very large plant's year (or `demo --count 100000`)
        uow.hazards.note_number(2026, 9997)
        uow.commit()
    made = [create(context, inspector) for _ in range(4)]
    expected = ["YH-2026-9998", "YH-2026-9999", "YH-2026-10000", "YH-2026-10001"]
    assert [h.number for h in made] == expected
    assert numbers(context) == expected
    assert numbers(context, descending=True) == expected[::-1]
    flt = RegisterFilter()
    assert [context.register.position(flt, SortKey.NUMBER, False, h.id) for h in made] == [0, 1, 2, 3]
    assert create(context, inspector, "YH-2026-10002").number == "YH-2026-10002"  # the next one may be typed


def test_the_numeric_number_sort_reads_its_index(context):
    """Migration 0006 indexes exactly ``NUMERIC_NUMBER_KEY``: a page sorted by value walks that index."""
    import sqlite3

    from hazard_desktop import paths
    from hazard_desktop.adapters.register_queries import NUMERIC_NUMBER_KEY, page_sql

    sql, params = page_sql(RegisterFilter(), SortKey.NUMBER, False, key=NUMERIC_NUMBER_KEY)
    with sqlite3.connect(paths.database_path(context.data_dir)) as con:
        plan = " ".join(str(row[-1]) for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", [*params, 50, 0]))
    con.close()
    assert "SCAN h USING INDEX ix_hazards_number_value" in plan  # the page (the outer sort is of its 50 rows)

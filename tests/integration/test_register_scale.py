"""Correctness of the register's fast paths (benchmarks/register.py measures their speed; no timing here).

- the bulk writer stores exactly what the ORM stores, keeps the full-text index in step;
- a text-only count answered by the full-text index equals the general count;
- a page read by walking the sort index equals the page read by sorting the hits;
- rows are built positionally in RegisterRow's field order;
- the faster bigram tokenizer yields the tokens of the straightforward one.
"""

from __future__ import annotations

import dataclasses
import pickle
import re
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.dialects import sqlite as sqlite_dialect

from hazard_desktop import paths
from hazard_desktop.adapters import register_queries as rq
from hazard_desktop.adapters.bulk import DEFAULT_HASHSIZE, _stamp
from hazard_desktop.adapters.orm import HazardRow
from hazard_desktop.adapters.repositories.hazards import search_tokens
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, format_number
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.search import bigrams, index_text
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey
from tests.factories import hazard_input, index_contents

WORDS = ["车间泄漏", "阀门填料", "平台护栏缺失", "罐区 T-305 高液位", "P-101A 机封", "安全阀校验过期"]


def _bulk_hazards(context, person, count: int) -> list[Hazard]:
    with context.uow() as uow:
        departments = uow.reference.departments()
        categories = uow.reference.categories()
    now = utcnow()
    start = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)
    return [
        Hazard(
            id=new_id(),
            number=format_number(2025, n + 1),
            description=f"{WORDS[n % len(WORDS)]}，第{n}处",
            location=f"合成{n % 3}车间",
            equipment_tag=f"P-{n % 7}0{n % 2}A" if n % 4 else "",
            department_id=departments[n % len(departments)].id,
            category_code=categories[n % len(categories)].code,
            subcategory_code=None,
            found_by_id=person.id,
            found_at=start + timedelta(hours=n, microseconds=n % 3),
            status=HazardStatus.OPEN,
            grade=HazardGrade.UNGRADED,
            revision=1,
            created_at=now,
            updated_at=now,
        )
        for n in range(count)
    ]


@pytest.fixture
def bulk(context, inspector) -> list[Hazard]:
    hazards = _bulk_hazards(context, inspector, 60)
    context.bulk_writer().write_hazards(hazards)
    return hazards


def _db(context) -> sqlite3.Connection:
    return sqlite3.connect(paths.database_path(context.data_dir))


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 3, 5, 9, 30, tzinfo=UTC),
        datetime(2026, 3, 5, 9, 30, 1, 250, tzinfo=UTC),
        datetime(2026, 3, 5, 17, 30, tzinfo=timezone(timedelta(hours=8))),
    ],
)
def test_bulk_stamps_are_the_text_the_orm_stores(value):
    dialect = sqlite_dialect.dialect()
    process = HazardRow.__table__.c.found_at.type.dialect_impl(dialect).bind_processor(dialect)
    assert _stamp(value) == process(value)


def test_bulk_stamp_refuses_naive_times():
    with pytest.raises(ValueError, match="naive"):
        _stamp(datetime(2026, 1, 1))


def test_bulk_rows_read_back_like_rows_the_orm_wrote(context, inspector, bulk):
    single = create_hazard(context.uow(), hazard_input(context, inspector))
    with context.uow() as uow:
        stored = [uow.hazards.get(h.id) for h in bulk[:5]]
    for hazard, back in zip(bulk[:5], stored, strict=True):
        assert back is not None
        assert dataclasses.replace(back, photos=()) == dataclasses.replace(hazard, photos=())
    with _db(context) as con:
        forms = con.execute(
            "SELECT length(id), length(found_at), length(created_at) FROM hazards WHERE id IN (?, ?)",
            [str(bulk[0].id), str(single.id)],
        ).fetchall()
    assert forms[0] == forms[1] == (36, 26, 26)


def test_bulk_keeps_one_index_row_per_hazard(context, bulk):
    with _db(context) as con:
        hazards = con.execute("SELECT count(*), min(pk), max(pk) FROM hazards").fetchone()
        index = index_contents(con)
    assert hazards == (len(index), min(index), max(index)) == (60, 1, 60)


@pytest.mark.parametrize("text", ["车间", "泄漏", "阀门填料", "305", "101a", "合成 校验", "缺失 第1"])
def test_text_only_count_from_the_index_equals_the_general_count(context, bulk, text):
    flt = RegisterFilter(text=text)
    assert rq.fts_only_match(flt) is not None
    where, params = rq.where_clause(flt)
    with _db(context) as con:
        general = con.execute(f"SELECT count(*) FROM hazards h WHERE {where}", params).fetchone()[0]
    assert context.register.count(flt) == general > 0


def test_count_uses_the_general_path_for_other_filters(context, bulk):
    assert rq.fts_only_match(RegisterFilter(text="车")) is None  # one character: substring scan
    assert rq.fts_only_match(RegisterFilter(text="车间", category_code=bulk[0].category_code)) is None
    assert rq.fts_only_match(RegisterFilter()) is None
    flt = RegisterFilter(text="车间", category_code=bulk[0].category_code)
    assert context.register.count(flt) == sum(
        1 for h in bulk if "车间" in h.description + h.location and h.category_code == bulk[0].category_code
    )


def test_walk_decision_follows_hits_and_position():
    assert rq.walk_index(hits=70_000, total=100_000, offset=0, limit=200)
    assert rq.walk_index(hits=3_000, total=100_000, offset=0, limit=200)
    assert not rq.walk_index(hits=3_000, total=100_000, offset=5_000, limit=200)
    assert not rq.walk_index(hits=36, total=100_000, offset=0, limit=200)


@pytest.mark.parametrize("key", [SortKey.NUMBER, SortKey.FOUND_AT, SortKey.UPDATED_AT, SortKey.MEAN_D])
@pytest.mark.parametrize("descending", [False, True])
def test_walking_the_index_reads_the_same_pages_as_sorting(context, bulk, key, descending):
    flt = RegisterFilter(text="车间")
    with _db(context) as con:
        for offset in (0, 7):
            pages = []
            for walk in (False, True):
                sql, params = rq.page_sql(flt, key, descending, walk=walk)
                pages.append(con.execute(sql, [*params, 10, offset]).fetchall())
            assert pages[0] == pages[1] and len(pages[0]) == 10
            assert ("+" + rq._FTS_CONDITION in rq.page_sql(flt, key, descending, walk=True)[0]) == (
                key in rq.INDEXED_SORTS
            )


@pytest.mark.parametrize("descending", [False, True])
def test_numbers_past_9999_walk_their_own_index_and_read_the_same_pages(context, inspector, monkeypatch, descending):
    """Five-digit numbers sort on NUMERIC_NUMBER_KEY; a common word's page walks that key's index too.

    Not walking it sorted every hit: filter 车间 over 100k hazards took 2.3x its floor (issue 16).
    """
    hazards = [
        dataclasses.replace(h, number=format_number(2025, 9_970 + n))
        for n, h in enumerate(_bulk_hazards(context, inspector, 60))
    ]
    context.bulk_writer().write_hazards(hazards)
    flt = RegisterFilter(text="车间")
    with _db(context) as con:
        for offset in (0, 7):
            pages = []
            for walk in (False, True):
                sql, params = rq.page_sql(flt, SortKey.NUMBER, descending, walk=walk, key=rq.NUMERIC_NUMBER_KEY)
                pages.append(con.execute(sql, [*params, 10, offset]).fetchall())
            assert pages[0] == pages[1] and len(pages[0]) == 10
        sql, params = rq.page_sql(flt, SortKey.NUMBER, descending, walk=True, key=rq.NUMERIC_NUMBER_KEY)
        plan = " ".join(str(row[-1]) for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", [*params, 10, 0]))
    con.close()
    assert "+" + rq._FTS_CONDITION in sql and "SCAN h USING INDEX ix_hazards_number_value" in plan
    walks = []
    page_sql = rq.page_sql
    monkeypatch.setattr(rq, "page_sql", lambda *a, **kw: walks.append(kw) or page_sql(*a, **kw))
    rows = context.register.page(flt, SortKey.NUMBER, descending, 0, 200)
    assert walks == [{"walk": True, "key": rq.NUMERIC_NUMBER_KEY, "exclude": []}]  # no exact number to show first
    expected = sorted(
        (h for h in hazards if "车间" in h.description + h.location),
        key=lambda h: int(h.number.rsplit("-", 1)[1]),
        reverse=descending,
    )
    assert [r.number for r in rows] == [h.number for h in expected] and len(rows) > 10
    assert any(len(r.number) == 13 for r in rows) and any(len(r.number) == 12 for r in rows)


def test_page_through_the_port_equals_the_plain_query(context, bulk):
    flt = RegisterFilter(text="车间")
    rows = context.register.page(flt, SortKey.NUMBER, True, 0, 200)
    expected = sorted((h for h in bulk if "车间" in h.description + h.location), key=lambda h: h.number, reverse=True)
    assert [r.id for r in rows] == [h.id for h in expected]
    assert rows[0].found_at.tzinfo is UTC and isinstance(rows[0], RegisterRow)


def test_rows_are_built_in_the_field_order_of_register_row():
    assert RegisterRow._fields == rq.ROW_FIELDS
    depth, columns = 0, 1  # commas between the columns, not those inside a subquery's parentheses
    for char in rq._COLUMNS:
        depth += {"(": 1, ")": -1}.get(char, 0)
        columns += char == "," and depth == 0
    assert columns == len(rq.ROW_FIELDS)


def _reference_bigrams(text: str) -> list[str]:
    tokens: list[str] = []
    for chunk in (c for c in re.split(r"[\W_]+", text.lower()) if c):
        tokens.extend([chunk] if len(chunk) == 1 else [chunk[i : i + 2] for i in range(len(chunk) - 1)])
    return tokens


@pytest.mark.parametrize(
    "text",
    ["", "车", "车间", "合成一车间 P-101A 机封泄漏，地面有物料积存", "T-305_高液位!!", "ÄÖ ß x", "a_b", "  ，。 "],
)
def test_bigrams_match_the_straightforward_definition(text):
    assert bigrams(text) == _reference_bigrams(text)


def test_index_text_joins_the_tokens_of_every_part():
    parts = ("YH-2026-0001", "阀门填料泄漏", "罐区", "V-203")
    assert index_text(*parts) == " ".join(t for p in parts for t in _reference_bigrams(p))


def test_uuid_from_stored_text_equals_uuid_parsing():
    for _ in range(50):
        original = uuid.uuid4()
        made = rq._uuid(str(original))
        assert made == original and hash(made) == hash(original) and str(made) == str(original)
        assert made.version == original.version and made.is_safe is uuid.SafeUUID.unknown
        assert pickle.loads(pickle.dumps(made)) == original
    with pytest.raises(TypeError):
        made.int = 0  # type: ignore[misc]


def test_register_rows_are_immutable_named_rows(context, bulk):
    row = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 1)[0]
    assert row == RegisterRow(**row._asdict()) and row.number == bulk[0].number
    with pytest.raises(AttributeError):
        row.number = "x"  # type: ignore[misc]


def test_bulk_index_rows_are_the_repository_tokens(context, bulk):
    with _db(context) as con:
        stored = index_contents(con)
        keys = dict(con.execute("SELECT id, pk FROM hazards"))
    assert {keys[str(h.id)]: search_tokens(h) for h in bulk} == stored


def test_bulk_leaves_the_index_settings_as_they_were(context, bulk):
    with _db(context) as con:
        assert con.execute("SELECT v FROM hazard_fts_config WHERE k = 'hashsize'").fetchone() == (DEFAULT_HASHSIZE,)
        assert con.execute("SELECT count(*) FROM hazard_fts WHERE hazard_fts MATCH '\"泄漏\"'").fetchone()[0] == 10


def test_new_hazards_come_back_numbered_as_stored_in_batches_past_the_staging_size(context, inspector, monkeypatch):
    """``write_new_hazards`` returns the hazards as written (made when read): the numbers the rows got, in order;
    batches smaller than the count go through the staging tables one after another."""
    from hazard_desktop.adapters import bulk as bulk_module

    monkeypatch.setattr(bulk_module, "BATCH", 7)
    hazards = _bulk_hazards(context, inspector, 20)
    written = context.bulk_writer().write_new_hazards(hazards)
    marks = ",".join("?" * len(hazards))
    with _db(context) as connection:
        rows = connection.execute(
            f"SELECT pk, id, number FROM hazards WHERE id IN ({marks}) ORDER BY pk", [str(h.id) for h in hazards]
        ).fetchall()
        indexed = index_contents(connection)
    stored = [(id_, number) for _pk, id_, number in rows]
    assert len(written) == 20 and [(str(h.id), h.number) for h in written] == stored
    assert written[-1] == written[19] == dataclasses.replace(hazards[19], number=stored[19][1])
    assert [h.number for h in written[-3:]] == [n for _id, n in stored[-3:]]
    assert all(indexed[pk] == search_tokens(h) for (pk, _id, _n), h in zip(rows, written, strict=True))
    with pytest.raises(IndexError):
        written[20]

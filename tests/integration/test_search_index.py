"""The full-text index holds exactly the tokens of the stored hazards (adapters/search_index.py).

The index is contentless: a row is removed by naming the tokens it was written with, and wrong ones
would leave the old text matching. So after every kind of write (create, edit of each indexed field,
bulk write, edit of a bulk-written hazard, an edit through a session holding an older copy of the
row) the index must hold the tokens of the stored rows and nothing else, old words must no longer
find the hazard and new ones must. A database whose index was written with other tokens is rebuilt.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import select

from hazard_desktop import paths
from hazard_desktop.adapters import register_queries as rq
from hazard_desktop.adapters import search_index
from hazard_desktop.adapters.orm import HazardRow
from hazard_desktop.adapters.schema import open_database
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, format_number
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.search import TOKENIZER
from hazard_desktop.services.hazards import create_hazard, update_hazard
from hazard_desktop.services.ports import RegisterFilter
from tests.factories import add_person, hazard_input, index_contents, stored_tokens

OLD = {"description": "合成一车间机封泄漏，地面有物料积存", "location": "合成一车间一楼泵区", "equipment_tag": "P-101A"}
NEW = {"description": "储罐区呼吸阀堵塞", "location": "污水处理站调节池", "equipment_tag": "V-203"}
# A word of each old and new value, found only there (two characters or more: answered by the index).
OLD_WORDS = {"description": "机封泄漏", "location": "一楼泵区", "equipment_tag": "101a"}
NEW_WORDS = {"description": "呼吸阀", "location": "调节池", "equipment_tag": "203"}


def _db(context) -> sqlite3.Connection:
    return sqlite3.connect(paths.database_path(context.data_dir))


def _found(context, word: str) -> int:
    flt = RegisterFilter(text=word)
    assert rq.fts_only_match(flt) is not None  # counted by the index alone
    return context.register.count(flt)


def _assert_index_is_the_stored_rows(context) -> None:
    with _db(context) as con:
        assert index_contents(con) == stored_tokens(con)


@pytest.fixture
def hazard(context, inspector) -> Hazard:
    return create_hazard(context.uow(), hazard_input(context, inspector, **OLD))


def test_a_new_hazard_is_found_by_each_of_its_fields(context, hazard):
    _assert_index_is_the_stored_rows(context)
    for word in [*OLD_WORDS.values(), hazard.number]:
        assert _found(context, word) == 1, word


def test_the_index_holds_exactly_the_python_tokens_of_any_text(context, inspector):
    """FTS5 only splits the tokens at spaces: no second folding (case, accents) of its own."""
    description = "Café ΟΔΟΣ İzmir Straße PUMP-7 ①② 𠀀𠀁 a_b"
    create_hazard(context.uow(), hazard_input(context, inspector, description=description, equipment_tag="ÄÖ-Ü"))
    _assert_index_is_the_stored_rows(context)
    for word in ["café", "CAFÉ", "οδος", "straße", "pump", "①②", "𠀀𠀁", "äö"]:
        assert _found(context, word) == 1, word
    assert _found(context, "cafe") == 0  # like the substring search: accents count


@pytest.mark.parametrize("field", ["description", "location", "equipment_tag"])
def test_an_edit_replaces_the_old_text_in_the_index(context, inspector, hazard, field):
    update_hazard(
        context.uow(), hazard.id, hazard.revision, hazard_input(context, inspector, **{**OLD, field: NEW[field]})
    )
    _assert_index_is_the_stored_rows(context)
    assert _found(context, OLD_WORDS[field]) == 0
    assert _found(context, NEW_WORDS[field]) == 1
    for other in set(OLD_WORDS) - {field}:
        assert _found(context, OLD_WORDS[other]) == 1


def test_an_edit_of_the_number_replaces_it_in_the_index(context, hazard):
    with context.uow() as uow:
        current = uow.hazards.get(hazard.id)
        assert current is not None
        uow.hazards.update(dataclasses.replace(current, number="YH-2026-7777", revision=current.revision + 1))
        uow.commit()
    _assert_index_is_the_stored_rows(context)
    assert _found(context, "0001") == 0 and _found(context, hazard.number) == 0
    assert _found(context, "7777") == 1 and _found(context, "YH-2026-7777") == 1


def test_edits_back_and_forth_keep_the_index_exact(context, inspector, hazard):
    revision = hazard.revision
    for values in [NEW, OLD, {**OLD, "description": NEW["description"]}, OLD, NEW]:
        revision = update_hazard(
            context.uow(), hazard.id, revision, hazard_input(context, inspector, **values)
        ).revision
        _assert_index_is_the_stored_rows(context)
    assert [_found(context, w) for w in OLD_WORDS.values()] == [0, 0, 0]
    assert [_found(context, w) for w in NEW_WORDS.values()] == [1, 1, 1]


def test_an_edit_that_keeps_the_text_leaves_the_index_as_it_was(context, inspector, hazard):
    with _db(context) as con:
        before = index_contents(con)
    update_hazard(context.uow(), hazard.id, hazard.revision, hazard_input(context, inspector, **OLD))
    with _db(context) as con:
        assert index_contents(con) == before == stored_tokens(con)


def test_an_edit_through_a_session_holding_an_older_copy_removes_what_is_stored(context, inspector, hazard):
    """The tokens removed are those of the stored row, not of the session's copy of it."""
    with context.uow() as uow:
        held = uow.hazards.get(hazard.id)
        assert held is not None
        # the session keeps its copy of the row (as it is now: OLD) while something refers to it
        row = uow.session.scalars(select(HazardRow).where(HazardRow.id == hazard.id)).one()
        uow.commit()
        # meanwhile another unit of work changes the description
        changed = update_hazard(
            context.uow(),
            hazard.id,
            held.revision,
            hazard_input(context, inspector, **{**OLD, "description": "阀门填料渗漏"}),
        )
        uow.hazards.update(
            dataclasses.replace(
                held, description=NEW["description"], revision=changed.revision + 1, updated_at=utcnow()
            )
        )
        uow.commit()
        assert row.description == NEW["description"]
    _assert_index_is_the_stored_rows(context)
    assert _found(context, "填料渗漏") == 0 and _found(context, OLD_WORDS["description"]) == 0
    assert _found(context, NEW_WORDS["description"]) == 1


def _bulk(context, person, count: int) -> list[Hazard]:
    with context.uow() as uow:
        department = uow.reference.departments()[0]
        category = uow.reference.categories()[0]
    now = utcnow()
    return [
        Hazard(
            id=new_id(),
            number=format_number(2025, n + 1),
            description=f"批量导入的第{n}条：阀门填料泄漏" if n % 2 else f"批量导入的第{n}条：平台护栏缺失",
            location=f"罐区{n % 3}号围堰",
            equipment_tag=f"V-{n:03d}" if n % 4 else "",
            department_id=department.id,
            category_code=category.code,
            subcategory_code=None,
            found_by_id=person.id,
            found_at=now - timedelta(days=n + 1),
            status=HazardStatus.OPEN,
            grade=HazardGrade.UNGRADED,
            revision=1,
            created_at=now,
            updated_at=now,
        )
        for n in range(40)
    ]


def test_bulk_written_hazards_are_indexed_and_their_edits_replace_the_old_text(context, inspector, hazard):
    bulk = _bulk(context, inspector, 40)
    context.bulk_writer().write_hazards(bulk)
    _assert_index_is_the_stored_rows(context)
    assert _found(context, "填料泄漏") == 20 and _found(context, "护栏缺失") == 20
    assert _found(context, "机封泄漏") == 1  # the hazard written one by one is still there
    target = bulk[1]  # 阀门填料泄漏
    update_hazard(
        context.uow(),
        target.id,
        target.revision,
        hazard_input(
            context,
            inspector,
            description="呼吸阀堵塞",
            location="装车栈台",
            equipment_tag="",
            found_at=target.found_at,
        ),
    )
    _assert_index_is_the_stored_rows(context)
    assert _found(context, "填料泄漏") == 19 and _found(context, "呼吸阀") == 1 and _found(context, "装车栈台") == 1
    assert _found(context, "1号围堰") == 12  # n % 3 == 1 for 13 of the 40, one of them moved
    assert _found(context, target.number) == 1


# ------------------------------------------------------------------------------ tokens of another build


def _spoil(path, tokenizer: str) -> None:
    """Note another tokenizer and leave the index as that build would have: here, empty."""
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE search_index SET tokenizer = ? WHERE name = 'hazard_fts'", (tokenizer,))
        con.execute("INSERT INTO hazard_fts(hazard_fts) VALUES ('delete-all')")
    con.close()


def test_an_index_written_with_other_tokens_is_rebuilt_when_opened(tmp_path):
    data = tmp_path / "data"
    context = build_context(data)
    try:
        inspector = add_person(context)
        create_hazard(context.uow(), hazard_input(context, inspector, **OLD))
        context.bulk_writer().write_hazards(_bulk(context, inspector, 40))
    finally:
        close_context(context)
    path = paths.database_path(data)
    _spoil(path, "bigrams-0 unicode-13.0.0")

    lazy = build_context(data, lazy=True)  # the window's start does not read past it: the full open rebuilds
    try:
        assert lazy.storage.is_open and lazy.storage.opened().backup is None
        assert lazy.register.count(RegisterFilter(text="填料泄漏")) == 20
    finally:
        close_context(lazy)
    con = sqlite3.connect(path)
    try:
        assert index_contents(con) == stored_tokens(con) and len(stored_tokens(con)) == 41
        assert search_index.stored_tokenizer(con) == TOKENIZER
    finally:
        con.close()

    opened = open_database(path, tmp_path / "backups")  # now current: nothing to do
    opened.engine.dispose()
    con = sqlite3.connect(path)
    try:
        assert search_index.is_current(con) and not search_index.ensure_current(con)
    finally:
        con.close()


def test_a_database_without_a_noted_tokenizer_is_rebuilt(tmp_path):
    data = tmp_path / "data"
    close_context(build_context(data))
    path = paths.database_path(data)
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    con = sqlite3.connect(copy, isolation_level=None)
    try:
        con.execute("DELETE FROM search_index")
        assert search_index.stored_tokenizer(con) == "" and not search_index.is_current(con)
        assert search_index.ensure_current(con)
        assert search_index.stored_tokenizer(con) == TOKENIZER
    finally:
        con.close()

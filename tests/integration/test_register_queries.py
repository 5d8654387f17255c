"""The register's read side: filters, sorting and paging in SQL, Chinese search by bigrams."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.services.hazards import create_hazard, update_hazard
from hazard_desktop.services.ports import RegisterFilter, SortKey
from tests.factories import force_status, hazard_input, no_match

TEXTS = [
    ("罐区 T-305 储罐高液位报警器失效", "罐区防火堤内", "T-305"),
    ("合成一车间反应釜安全阀校验过期", "合成一车间二楼", "R-101"),
    ("阀门填料泄漏，地面有积液", "精馏车间一楼", "V-203"),
    ("作业人员未佩戴防护面罩", "包装车间", ""),
    ("消防通道堆放杂物", "仓库北侧", ""),
]


@pytest.fixture
def stored(context, inspector):
    hazards = []
    with context.uow() as uow:
        categories = uow.reference.categories()
        departments = uow.reference.departments()
    for n, (description, location, tag) in enumerate(TEXTS):
        data = hazard_input(
            context,
            inspector,
            description=description,
            location=location,
            equipment_tag=tag,
            category_code=categories[n].code,
            subcategory_code=None,
            department_id=departments[n].id,
            found_at=datetime(2026, 1, 1 + n, 8, 0, tzinfo=UTC),
        )
        hazards.append(create_hazard(context.uow(), data))
    return hazards


def numbers(context, flt=None, sort=SortKey.NUMBER, descending=False):
    flt = flt or RegisterFilter()
    return [r.number for r in context.register.page(flt, sort, descending, 0, 100)]


def test_count_and_page_without_filter(context, stored):
    assert context.register.count(RegisterFilter()) == 5
    rows = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 100)
    assert [r.id for r in rows] == [h.id for h in stored]
    assert rows[0].department_name and rows[0].found_by_name == "王检查"
    assert rows[0].found_at == datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("泄漏", [2]),  # 2 characters: the most common Chinese search
        ("液位报警", [0]),  # 4 characters
        ("安全阀", [1]),  # 3 characters
        ("罐", [0]),  # 1 character: substring scan
        ("t-305", [0]),  # equipment tag, any case
        ("R-101", [1]),
        ("合成 校验", [1]),  # every word must match
        ("泄漏 面罩", []),
        ("不存在的词", []),
        ("%_", [0, 1, 2, 3, 4]),  # punctuation alone is no search (and never a LIKE wildcard)
    ],
)
def test_text_filter(context, stored, text, expected):
    flt = RegisterFilter(text=text)
    assert numbers(context, flt) == [stored[i].number for i in expected]
    assert context.register.count(flt) == len(expected)


def test_filters_by_category_department_status_grade_and_dates(context, stored):
    assert numbers(context, RegisterFilter(category_code=stored[1].category_code)) == [stored[1].number]
    assert numbers(context, RegisterFilter(department_id=stored[3].department_id)) == [stored[3].number]
    force_status(context, stored[4].id, HazardStatus.CLOSED)
    assert numbers(context, RegisterFilter(statuses=frozenset({HazardStatus.CLOSED}))) == [stored[4].number]
    assert len(numbers(context, RegisterFilter(grades=frozenset({HazardGrade.UNGRADED})))) == 5
    assert numbers(context, RegisterFilter(grades=frozenset({HazardGrade.MAJOR}))) == []
    start = datetime(2026, 1, 2, 0, 0, tzinfo=UTC)
    window = RegisterFilter(found_from=start, found_before=start + timedelta(days=2))
    assert numbers(context, window) == [stored[1].number, stored[2].number]


def _person(context, hazard):
    with context.uow() as uow:
        return uow.reference.get_person(hazard.found_by_id)


def _fields(hazard):
    names = ["description", "location", "equipment_tag", "department_id", "category_code", "found_at"]
    values = {name: getattr(hazard, name) for name in names}
    values["subcategory_code"] = hazard.subcategory_code
    return values


@pytest.mark.parametrize("key", list(SortKey))
def test_every_sort_key_orders_rows_both_ways(context, stored, key):
    ascending = numbers(context, sort=key)
    descending = numbers(context, sort=key, descending=True)
    assert sorted(ascending) == sorted(n.number for n in stored)
    if key in (SortKey.NUMBER, SortKey.FOUND_AT, SortKey.UPDATED_AT):
        assert ascending == [h.number for h in stored]
    assert descending == list(reversed(ascending)) or key in (SortKey.STATUS, SortKey.GRADE)


def test_sort_by_description_follows_text(context, stored):
    rows = context.register.page(RegisterFilter(), SortKey.DESCRIPTION, False, 0, 100)
    assert [r.description for r in rows] == sorted(r.description for r in rows)


def test_paging_returns_disjoint_slices(context, stored):
    first = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 2)
    second = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 2, 2)
    third = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 4, 2)
    assert [r.number for r in first + second + third] == [h.number for h in stored]
    assert context.register.page(RegisterFilter(), SortKey.NUMBER, False, 10, 2) == []


def test_edits_are_seen_by_the_next_query(context, stored, inspector):
    hazard = stored[0]
    data = hazard_input(context, inspector, **{**_fields(hazard), "description": "罐区氮封阀失灵"})
    update_hazard(context.uow(), hazard.id, hazard.revision, data)
    assert numbers(context, RegisterFilter(text="氮封")) == [hazard.number]
    assert numbers(context, RegisterFilter(text="液位报警")) == []
    assert dataclasses.is_dataclass(hazard)


# ---------------------------------------------------------------- finder and photo sorts, position of a hazard


def _with_photos_and_finders(context, stored, tmp_path):
    """Give stored[1] two photos and stored[3] one; stored[2] and stored[4] another finder (阿明)."""
    from PIL import Image

    from hazard_desktop.services.hazards import PhotoFile, attach_photos
    from tests.factories import add_person

    files = []
    for n in range(2):
        path = tmp_path / f"p{n}.png"
        Image.new("RGB", (40, 30), (50 * n, 80, 120)).save(path)
        files.append(PhotoFile(path.name, path.read_bytes()))
    attach_photos(context.uow(), stored[1].id, files, context.images)
    attach_photos(context.uow(), stored[3].id, files[:1], context.images)
    other = add_person(context, "阿明")
    for index in (2, 4):
        hazard = stored[index]
        with context.uow() as uow:
            current = uow.hazards.get(hazard.id)
        data = hazard_input(context, other, **_fields(current))
        update_hazard(context.uow(), hazard.id, current.revision, data)


def test_sort_by_finder_and_by_photo_count(context, stored, tmp_path):
    _with_photos_and_finders(context, stored, tmp_path)
    rows = context.register.page(RegisterFilter(), SortKey.FOUND_BY, False, 0, 100)
    assert [r.found_by_name for r in rows] == sorted(r.found_by_name for r in rows)
    assert {r.found_by_name for r in rows} == {"王检查", "阿明"}
    rows = context.register.page(RegisterFilter(), SortKey.PHOTOS, True, 0, 100)
    assert [r.photo_count for r in rows] == [2, 1, 0, 0, 0]
    assert rows[0].id == stored[1].id and rows[1].id == stored[3].id
    ascending = context.register.page(RegisterFilter(), SortKey.PHOTOS, False, 0, 100)
    assert [r.id for r in ascending] == [r.id for r in reversed(rows)]  # ties broken by pk both ways


def test_position_matches_the_pages(context, stored, tmp_path):
    _with_photos_and_finders(context, stored, tmp_path)
    filters = (RegisterFilter(), RegisterFilter(text="车间"), RegisterFilter(grades=frozenset({HazardGrade.UNGRADED})))
    for key in SortKey:
        for descending in (False, True):
            for flt in filters:
                rows = context.register.page(flt, key, descending, 0, 100)
                assert rows, flt
                for index, row in enumerate(rows):
                    assert context.register.position(flt, key, descending, row.id) == index, (key, descending, flt)


def test_position_of_a_hidden_or_unknown_hazard_is_none(context, stored):
    import uuid

    flt = RegisterFilter(text="泄漏")
    assert context.register.position(flt, SortKey.NUMBER, False, stored[2].id) == 0
    assert context.register.position(flt, SortKey.NUMBER, False, stored[0].id) is None
    assert context.register.position(RegisterFilter(), SortKey.NUMBER, False, uuid.uuid4()) is None


@pytest.fixture
def staff(context):
    """The demo staff (request it before ``stored``: it is only added to an empty people table)."""
    from hazard_desktop.services.demo import ensure_people

    return ensure_people(context.uow())


def test_position_with_null_and_tied_keys_of_graded_hazards(context, staff, stored):
    """Band, mean D, method and dispute are NULL for ungraded hazards: NULLs first ascending, last descending."""
    from datetime import date

    from hazard_desktop.services import grading as svc
    from hazard_desktop.services.grading import ScoreEntry

    people = staff
    leader = next(p for group in people.values() for p in group if p.name == "陈建国")
    scores = [ScoreEntry(people[code][0].id, "3", "6", "3") for code in ("AHB", "SCB", "GH")]
    day = date(2026, 3, 10)
    for hazard in (stored[1], stored[3]):  # same mean D and band: a tie broken by pk
        draft = svc.grade_hazard_by_lec(context.uow(), hazard.id, scores, leader.id, day, check=no_match(context))
        svc.confirm_grading(context.uow(), draft.id)
    for key in (SortKey.BAND, SortKey.MEAN_D, SortKey.METHOD, SortKey.DISPUTE, SortKey.GRADE):
        for descending in (False, True):
            rows = context.register.page(RegisterFilter(), key, descending, 0, 100)
            positions = [context.register.position(RegisterFilter(), key, descending, r.id) for r in rows]
            assert positions == list(range(len(rows))), (key, descending)
    ascending = context.register.page(RegisterFilter(), SortKey.MEAN_D, False, 0, 100)
    assert [r.mean_d is None for r in ascending] == [True, True, True, False, False]


def test_position_of_a_hazard_far_down_a_long_register(context, inspector):
    from hazard_desktop.services.hazards import create_hazard as create

    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    for n in range(30):
        made.append(create(context.uow(), hazard_input(context, inspector, found_at=start + timedelta(hours=n))))
    flt = RegisterFilter()
    assert context.register.position(flt, SortKey.NUMBER, True, made[0].id) == 29
    assert context.register.position(flt, SortKey.FOUND_AT, False, made[25].id) == 25
    page = context.register.page(flt, SortKey.FOUND_AT, False, 25, 1)
    assert page[0].id == made[25].id


def _mark_conflict(context, hazard_id) -> None:
    """As an import that kept both versions does (``hazards.exchange_conflict``, migration 0012)."""
    import sqlite3

    from hazard_desktop import paths

    con = sqlite3.connect(paths.database_path(context.data_dir))
    con.execute("UPDATE hazards SET exchange_conflict = 1 WHERE id = ?", (str(hazard_id),))
    con.commit()
    con.close()


def test_hazards_with_an_open_exchange_conflict_are_marked_and_filtered(context, stored):
    _mark_conflict(context, stored[2].id)
    rows = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 100)
    assert [r.exchange_conflict for r in rows] == [False, False, True, False, False]
    assert numbers(context, RegisterFilter(conflicted=True)) == [stored[2].number]
    assert context.register.count(RegisterFilter(conflicted=False)) == 4

"""Use cases of the settings dialog, on the in-memory fakes (``tests/fakes.py``) seeded with the shipped data."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest

from hazard_desktop.domain.criteria import CriteriaSource
from hazard_desktop.domain.errors import Conflict, DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.lec import EdgeRule, Factor, threshold_set_in_force
from hazard_desktop.domain.reference import DepartmentKind, Role
from hazard_desktop.services import reference_admin as ra
from hazard_desktop.services.context import AppContext
from tests.fakes import fake_context


@pytest.fixture
def admin_ctx() -> AppContext:
    return fake_context()


def _snapshot(ctx: AppContext) -> tuple:
    """Everything the use cases can write, to prove a refused request wrote nothing."""
    return (
        ra.list_departments(ctx.uow()),
        ra.list_people(ctx.uow()),
        ra.list_categories(ctx.uow()),
        ra.list_scale_values(ctx.uow()),
        ra.list_threshold_sets(ctx.uow()),
        ra.list_criteria(ctx.uow(), include_retired=True),
        ra.get_settings(ctx.uow()),
    )


def _refused(ctx: AppContext, error: type[DomainError], expected: str, call, /, *args, **kwargs) -> DomainError:
    before = _snapshot(ctx)
    with pytest.raises(error) as info:
        call(ctx.uow(), *args, **kwargs)
    assert info.value.code == expected
    assert _snapshot(ctx) == before
    return info.value


def _department(ctx: AppContext, code: str):
    return next(d for d in ra.list_departments(ctx.uow()) if d.code == code)


# ---------------------------------------------------------------- departments


def test_seeded_departments_are_listed(admin_ctx):
    codes = {d.code for d in ra.list_departments(admin_ctx.uow())}
    assert {"AHB", "SCB", "GH", "SYB", "HC1"} <= codes


def test_add_rename_change_kind_and_deactivate_department(admin_ctx):
    added = ra.save_department(admin_ctx.uow(), None, " hc3 ", "  合成三车间 ", "workshop")
    assert (added.code, added.name, added.kind, added.active) == ("HC3", "合成三车间", DepartmentKind.WORKSHOP, True)

    renamed = ra.save_department(admin_ctx.uow(), added.id, "HC3", "合成三车间（新）", DepartmentKind.OTHER, True)
    assert renamed.id == added.id
    assert (renamed.name, renamed.kind) == ("合成三车间（新）", DepartmentKind.OTHER)
    assert renamed.created_at == added.created_at

    ra.save_department(admin_ctx.uow(), added.id, "HC3", "合成三车间（新）", DepartmentKind.OTHER, False)
    active = ra.list_departments(admin_ctx.uow(), include_inactive=False)
    everything = ra.list_departments(admin_ctx.uow())
    assert added.id not in {d.id for d in active}
    stored = next(d for d in everything if d.id == added.id)
    assert stored.active is False  # kept, never deleted


@pytest.mark.parametrize(
    ("code", "name", "kind", "error", "expected"),
    [
        ("AHB", "新部门", "other", Conflict, "department_duplicate"),
        ("NEW", "安环部", "other", Conflict, "department_duplicate"),
        ("", "新部门", "other", ValidationError, "department_code_empty"),
        ("A" * 21, "新部门", "other", ValidationError, "department_code_too_long"),
        ("新", "新部门", "other", ValidationError, "department_code_invalid"),
        ("NEW", "   ", "other", ValidationError, "department_name_empty"),
        ("NEW", "部" * 41, "other", ValidationError, "department_name_too_long"),
        ("NEW", "新部门", "bakery", ValidationError, "department_kind_unknown"),
    ],
)
def test_bad_department_is_refused(admin_ctx, code, name, kind, error, expected):
    _refused(admin_ctx, error, expected, ra.save_department, None, code, name, kind)


def test_duplicate_name_of_inactive_department_still_conflicts(admin_ctx):
    old = ra.save_department(admin_ctx.uow(), None, "OLD", "旧车间", "workshop", False)
    err = _refused(admin_ctx, Conflict, "department_duplicate", ra.save_department, None, "OLD2", "旧车间", "workshop")
    assert err.field == "department_name"
    # saving a department under its own code and name is no conflict
    assert ra.save_department(admin_ctx.uow(), old.id, "OLD", "旧车间", "workshop", True).active


def test_unknown_department_id_is_refused(admin_ctx):
    _refused(admin_ctx, NotFound, "department_unknown", ra.save_department, uuid.uuid4(), "X", "某部门", "other")


# ---------------------------------------------------------------- people


def test_add_edit_and_deactivate_person(admin_ctx):
    safety = _department(admin_ctx, "AHB")
    production = _department(admin_ctx, "SCB")
    person = ra.save_person(admin_ctx.uow(), None, " 张 三 ", " A001 ", safety.id, ["inspector", Role.PANEL_MEMBER])
    assert (person.name, person.employee_no, person.department_id) == ("张 三", "A001", safety.id)
    assert person.roles == frozenset({Role.INSPECTOR, Role.PANEL_MEMBER})

    edited = ra.save_person(admin_ctx.uow(), person.id, "张三", "A001", production.id, [Role.PANEL_LEADER], True)
    assert edited.id == person.id
    assert (edited.name, edited.department_id, edited.roles) == ("张三", production.id, frozenset({Role.PANEL_LEADER}))

    ra.save_person(admin_ctx.uow(), person.id, "张三", "A001", production.id, [Role.PANEL_LEADER], False)
    assert person.id not in {p.id for p in ra.list_people(admin_ctx.uow(), include_inactive=False)}
    assert next(p for p in ra.list_people(admin_ctx.uow()) if p.id == person.id).active is False


def test_person_may_keep_but_not_join_an_inactive_department(admin_ctx):
    workshop = ra.save_department(admin_ctx.uow(), None, "TMP", "临时车间", "workshop")
    person = ra.save_person(admin_ctx.uow(), None, "李四", "", workshop.id, [])
    ra.save_department(admin_ctx.uow(), workshop.id, "TMP", "临时车间", "workshop", False)
    assert ra.save_person(admin_ctx.uow(), person.id, "李四（改）", "", workshop.id, []).name == "李四（改）"
    _refused(admin_ctx, ValidationError, "department_inactive", ra.save_person, None, "王五", "", workshop.id, [])


def test_bad_person_is_refused(admin_ctx):
    safety = _department(admin_ctx, "AHB")
    ra.save_person(admin_ctx.uow(), None, "张三", "A001", safety.id, [])
    _refused(admin_ctx, ValidationError, "person_name_empty", ra.save_person, None, " ", "", safety.id, [])
    _refused(admin_ctx, ValidationError, "person_name_too_long", ra.save_person, None, "张" * 41, "", safety.id, [])
    _refused(admin_ctx, ValidationError, "employee_no_too_long", ra.save_person, None, "李四", "9" * 21, safety.id, [])
    _refused(admin_ctx, ValidationError, "department_missing", ra.save_person, None, "李四", "", None, [])
    _refused(admin_ctx, NotFound, "department_unknown", ra.save_person, None, "李四", "", uuid.uuid4(), [])
    _refused(admin_ctx, ValidationError, "role_unknown", ra.save_person, None, "李四", "", safety.id, ["boss"])
    _refused(admin_ctx, Conflict, "employee_no_duplicate", ra.save_person, None, "李四", "a001", safety.id, [])
    _refused(admin_ctx, NotFound, "person_unknown", ra.save_person, uuid.uuid4(), "李四", "", safety.id, [])


def test_one_person_is_not_entered_twice_in_a_department(admin_ctx):
    """New-user trial: a second 张安全 of 安环部 was made silently; now the one there is named instead."""
    safety, production = _department(admin_ctx, "AHB"), _department(admin_ctx, "SCB")
    first = ra.save_person(admin_ctx.uow(), None, "张安全", "", safety.id, [])
    refused = _refused(admin_ctx, Conflict, "person_duplicate", ra.save_person, None, " 张安全 ", "", safety.id, [])
    assert refused.params["person_id"] == str(first.id) and refused.params["department"] == safety.name
    _refused(admin_ctx, Conflict, "person_duplicate", ra.save_person, None, "张安全", "B7", safety.id, [])
    other = ra.save_person(admin_ctx.uow(), None, "李四", "", safety.id, [])  # renaming into him is refused too
    _refused(admin_ctx, Conflict, "person_duplicate", ra.save_person, other.id, "张安全", "", safety.id, [])
    assert ra.save_person(admin_ctx.uow(), None, "张安全", "", production.id, []).name == "张安全"  # another dept.
    assert ra.save_person(admin_ctx.uow(), first.id, "张安全", "", safety.id, [Role.INSPECTOR]).id == first.id
    # namesakes told apart by their employee numbers are two people
    ra.save_person(admin_ctx.uow(), first.id, "张安全", "A100", safety.id, [])
    assert ra.save_person(admin_ctx.uow(), None, "张安全", "A200", safety.id, []).employee_no == "A200"
    # a person switched off is switched on again, not entered again
    gone = ra.save_person(admin_ctx.uow(), None, "王五", "", safety.id, [], False)
    refused = _refused(admin_ctx, Conflict, "person_duplicate", ra.save_person, None, "王五", "", safety.id, [])
    assert refused.params["person_id"] == str(gone.id) and refused.params["active"] is False


# ---------------------------------------------------------------- categories and scales


def test_rename_category_and_subcategory_keeps_codes(admin_ctx):
    category = ra.rename_category(admin_ctx.uow(), "4.6", "设备设施", "Equipment and facilities")
    assert (category.code, category.name_zh) == ("4.6", "设备设施")
    ra.rename_category(admin_ctx.uow(), "4.6.1", "特种设备（压力容器等）", "Special equipment")
    stored = next(c for c in ra.list_categories(admin_ctx.uow()) if c.code == "4.6")
    assert stored.name_en == "Equipment and facilities"
    assert stored.subcategory("4.6.1").name_zh == "特种设备（压力容器等）"
    assert stored.subcategory("4.6.2").name_zh == "动设备"
    assert len(stored.subcategories) == 10


def test_bad_category_rename_is_refused(admin_ctx):
    _refused(admin_ctx, NotFound, "category_unknown", ra.rename_category, "9.9", "某类", "Some")
    _refused(admin_ctx, ValidationError, "category_name_zh_empty", ra.rename_category, "4.6", "", "Equipment")
    _refused(admin_ctx, ValidationError, "category_name_en_too_long", ra.rename_category, "4.6", "设备", "x" * 81)


def test_update_scale_meaning_keeps_the_values(admin_ctx):
    before = ra.list_scale_values(admin_ctx.uow())
    assert [v.factor for v in before[:7]] == [Factor.L] * 7
    assert before[0].value == Decimal("10")
    updated = ra.update_scale_meaning(admin_ctx.uow(), "L", "0.50", "很不可能，但可以设想", "Very unlikely")
    assert updated.value == Decimal("0.5")
    after = ra.list_scale_values(admin_ctx.uow())
    assert [(v.factor, v.value) for v in after] == [(v.factor, v.value) for v in before]
    row = next(v for v in after if v.factor is Factor.L and v.value == Decimal("0.5"))
    assert (row.meaning_zh, row.meaning_en) == ("很不可能，但可以设想", "Very unlikely")


def test_bad_scale_meaning_is_refused(admin_ctx):
    _refused(admin_ctx, ValidationError, "factor_unknown", ra.update_scale_meaning, "X", "1", "某", "Some")
    _refused(admin_ctx, NotFound, "scale_value_unknown", ra.update_scale_meaning, "L", "7", "某", "Some")
    _refused(admin_ctx, ValidationError, "not_a_number", ra.update_scale_meaning, "L", "abc", "某", "Some")
    _refused(admin_ctx, ValidationError, "meaning_zh_empty", ra.update_scale_meaning, "C", "100", " ", "Some")
    _refused(admin_ctx, ValidationError, "meaning_en_too_long", ra.update_scale_meaning, "C", "100", "某", "x" * 121)


# ---------------------------------------------------------------- threshold sets


def _edited_bands(base, **changes):
    bands = list(base.bands)
    return [dataclasses.replace(b, **changes.get(b.code, {})) for b in bands]


def test_new_threshold_set_leaves_the_old_one_intact(admin_ctx):
    (old,) = ra.list_threshold_sets(admin_ctx.uow())
    bands = _edited_bands(
        old,
        extreme={"lower": Decimal("300")},
        high={"upper": Decimal("300"), "colour": "#ff0000", "name_zh": "高度危险（新）"},
    )
    revised = old.effective_from + timedelta(days=200)  # the seeded set takes effect on the day of first use
    new = ra.new_threshold_set(admin_ctx.uow(), " 2025 修订 ", revised, "lower_inclusive", bands)
    assert (new.name, new.effective_from, new.edge_rule) == ("2025 修订", revised, EdgeRule.LOWER_INCLUSIVE)
    assert [b.rank for b in new.bands] == [1, 2, 3, 4, 5]
    assert new.bands[1].colour == "#FF0000"

    stored = ra.list_threshold_sets(admin_ctx.uow())
    assert [s.id for s in stored] == [old.id, new.id]
    assert stored[0] == old  # the old set, bands and all, is unchanged and still retrievable
    assert stored[1] == new
    with admin_ctx.uow() as uow:
        assert uow.lec.get_threshold_set(old.id) == old
    assert threshold_set_in_force(stored, revised - timedelta(days=1)).id == old.id
    assert ra.current_threshold_set(admin_ctx.uow(), revised).id == new.id
    assert new.band_for(Decimal("300")).code == "extreme"
    assert old.band_for(Decimal("300")).code == "high"


def test_threshold_set_accepts_text_limits_and_iso_date(admin_ctx):
    (old,) = ra.list_threshold_sets(admin_ctx.uow())
    bands = [
        dataclasses.replace(b, lower="" if b.lower is None else str(b.lower), upper="" if b.upper is None else b.upper)
        for b in old.bands
    ]
    new = ra.new_threshold_set(admin_ctx.uow(), "文本日期", "2026-01-01", EdgeRule.UPPER_INCLUSIVE, bands)
    assert new.effective_from == date(2026, 1, 1)
    assert [(b.lower, b.upper) for b in new.bands] == [(b.lower, b.upper) for b in old.bands]


@pytest.mark.parametrize(
    ("name", "day", "rule", "changes", "error", "code"),
    [
        ("", date(2025, 1, 1), "upper_inclusive", {}, ValidationError, "threshold_set_name_empty"),
        ("x" * 61, date(2025, 1, 1), "upper_inclusive", {}, ValidationError, "threshold_set_name_too_long"),
        ("新版", "2025-13-01", "upper_inclusive", {}, ValidationError, "effective_from_invalid"),
        ("新版", date(2025, 1, 1), "middle", {}, ValidationError, "edge_rule_unknown"),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"high": {"upper": Decimal("300")}},
            ValidationError,
            "bands_gap",
        ),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"extreme": {"upper": Decimal("900")}},
            ValidationError,
            "bands_open_ends",
        ),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"high": {"lower": Decimal("400")}, "significant": {"upper": Decimal("400")}},
            ValidationError,
            "bands_gap",
        ),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"high": {"colour": "red"}},
            ValidationError,
            "band_colour_invalid",
        ),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"high": {"name_zh": " "}},
            ValidationError,
            "band_name_zh_empty",
        ),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"high": {"action_en": "x" * 81}},
            ValidationError,
            "band_action_en_too_long",
        ),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"high": {"code": "extreme"}},
            ValidationError,
            "band_code_duplicate",
        ),
        ("新版", date(2025, 1, 1), "upper_inclusive", {"high": {"rank": 1}}, ValidationError, "band_rank_duplicate"),
        (
            "新版",
            date(2025, 1, 1),
            "upper_inclusive",
            {"slight": {"upper": Decimal("-1")}, "general": {"lower": Decimal("-1")}},
            ValidationError,
            "band_limit_negative",
        ),
        ("新版", date(2025, 1, 1), "upper_inclusive", {"high": {"lower": "abc"}}, ValidationError, "not_a_number"),
        (
            "表D.4 隐患等级划分（《隐患分级管理办法》）",
            date(2025, 1, 1),
            "upper_inclusive",
            {},
            Conflict,
            "threshold_set_duplicate",
        ),
    ],
)
def test_bad_threshold_set_is_refused(admin_ctx, name, day, rule, changes, error, code):
    (old,) = ra.list_threshold_sets(admin_ctx.uow())
    _refused(admin_ctx, error, code, ra.new_threshold_set, name, day, rule, _edited_bands(old, **changes))


def test_empty_band_list_is_refused(admin_ctx):
    _refused(
        admin_ctx, ValidationError, "bands_empty", ra.new_threshold_set, "空", date(2025, 1, 1), "upper_inclusive", []
    )


# ---------------------------------------------------------------- criteria


def _criterion(ctx: AppContext, code: str):
    return next(c for c in ra.list_criteria(ctx.uow()) if c.code == code)


def test_criteria_are_listed_in_natural_order_and_searchable(admin_ctx):
    items = ra.list_criteria(admin_ctx.uow())
    codes = [c.code for c in items]
    assert codes[:7] == ["C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "121-1"]
    assert codes.index("121-2") < codes.index("121-10")
    found = ra.list_criteria(admin_ctx.uow(), text="储罐")
    assert found and all("储罐" in c.text for c in found)
    assert [c.code for c in ra.list_criteria(admin_ctx.uow(), text="储罐(2)")] == ["C-5"]
    assert ra.list_criteria(admin_ctx.uow(), text="no such words") == []


def test_revise_criterion_stores_a_new_version_and_retires_the_old(admin_ctx):
    old = _criterion(admin_ctx, "C-2")
    new = ra.revise_criterion(admin_ctx.uow(), old.id, "在易燃易爆场所吸烟。", "4.4.2(修订)")
    assert (new.code, new.version, new.supersedes_id, new.source) == ("C-2", 2, old.id, CriteriaSource.COMPANY)
    assert (new.text, new.clause, new.category_code) == ("在易燃易爆场所吸烟。", "4.4.2(修订)", old.category_code)
    active = ra.list_criteria(admin_ctx.uow())
    assert old.id not in {c.id for c in active} and new.id in {c.id for c in active}
    with_history = {c.id: c for c in ra.list_criteria(admin_ctx.uow(), include_retired=True)}
    assert with_history[old.id].text == old.text  # the old wording is kept for gradings that cite it
    assert with_history[old.id].retired_at is not None

    third = ra.revise_criterion(admin_ctx.uow(), new.id, new.text, new.clause, code="C-2A", category_code=None)
    assert (third.version, third.code, third.category_code) == (3, "C-2A", None)
    assert [c.version for c in ra.criterion_history(admin_ctx.uow(), new.id)] == [1, 2, 3]
    assert [c.id for c in ra.criterion_history(admin_ctx.uow(), old.id)] == [old.id, new.id, third.id]


def test_bad_revision_is_refused(admin_ctx):
    old = _criterion(admin_ctx, "C-2")
    _refused(admin_ctx, ValidationError, "criterion_unchanged", ra.revise_criterion, old.id, old.text, old.clause)
    _refused(admin_ctx, ValidationError, "criterion_text_empty", ra.revise_criterion, old.id, "  ", old.clause)
    _refused(admin_ctx, ValidationError, "criterion_clause_empty", ra.revise_criterion, old.id, "新文本", "")
    _refused(admin_ctx, NotFound, "criterion_unknown", ra.revise_criterion, uuid.uuid4(), "新文本", "4.4")
    _refused(admin_ctx, Conflict, "criterion_duplicate", ra.revise_criterion, old.id, "新文本", "4.4", code="C-3")
    _refused(
        admin_ctx, ValidationError, "category_unknown", ra.revise_criterion, old.id, "新", "4.4", category_code="9.9"
    )
    ra.revise_criterion(admin_ctx.uow(), old.id, "新文本", old.clause)
    _refused(admin_ctx, InvalidTransition, "criterion_retired", ra.revise_criterion, old.id, "再改", old.clause)


def test_add_and_retire_criterion(admin_ctx):
    added = ra.add_criterion(admin_ctx.uow(), "C-7", "可燃气体检测报警器失效。", "company", "4.4.4", "4.6")
    assert (added.version, added.supersedes_id, added.active, added.category_code) == (1, None, True, "4.6")
    assert added.id in {c.id for c in ra.list_criteria(admin_ctx.uow())}

    retired = ra.retire_criterion(admin_ctx.uow(), added.id)
    assert retired.retired_at is not None and not retired.active
    assert added.id not in {c.id for c in ra.list_criteria(admin_ctx.uow())}
    assert added.id in {c.id for c in ra.list_criteria(admin_ctx.uow(), include_retired=True)}
    _refused(admin_ctx, InvalidTransition, "criterion_retired", ra.retire_criterion, added.id)
    _refused(admin_ctx, NotFound, "criterion_unknown", ra.retire_criterion, uuid.uuid4())
    # a retired code may be used again by a new criterion
    assert ra.add_criterion(admin_ctx.uow(), "C-7", "新的第七条。", CriteriaSource.COMPANY, "4.4.4").version == 1


def test_bad_new_criterion_is_refused(admin_ctx):
    _refused(admin_ctx, Conflict, "criterion_duplicate", ra.add_criterion, "C-1", "文本", "company", "4.4")
    _refused(admin_ctx, ValidationError, "criterion_code_empty", ra.add_criterion, " ", "文本", "company", "4.4")
    _refused(
        admin_ctx, ValidationError, "criterion_text_too_long", ra.add_criterion, "C-9", "字" * 1001, "company", "4.4"
    )
    _refused(admin_ctx, ValidationError, "criterion_source_unknown", ra.add_criterion, "C-9", "文本", "blog", "4.4")
    _refused(admin_ctx, ValidationError, "category_unknown", ra.add_criterion, "C-9", "文本", "company", "4.4", "7.7")
    # the same code under another source is a different item
    assert ra.add_criterion(admin_ctx.uow(), "C-1", "其他来源", "other", "—").source is CriteriaSource.OTHER


# ---------------------------------------------------------------- plant settings


def test_settings_defaults_and_changes(admin_ctx):
    assert ra.get_settings(admin_ctx.uow()) == ra.PlantSettings("某化工有限公司", 2)
    assert ra.set_setting(admin_ctx.uow(), "plant_name", "  XX 化工  有限公司 ") == "XX 化工 有限公司"
    assert ra.set_setting(admin_ctx.uow(), "decimals", 0) == "0"
    assert ra.set_setting(admin_ctx.uow(), "decimals", " 4 ") == "4"
    assert ra.get_settings(admin_ctx.uow()) == ra.PlantSettings("XX 化工 有限公司", 4)
    assert ra.save_plant_settings(admin_ctx.uow(), "YY 化工", 1) == ra.PlantSettings("YY 化工", 1)
    assert ra.get_settings(admin_ctx.uow()) == ra.PlantSettings("YY 化工", 1)


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("plant_name", "   ", "plant_name_empty"),
        ("plant_name", "厂" * 61, "plant_name_too_long"),
        ("decimals", 5, "decimals_out_of_range"),
        ("decimals", -1, "decimals_out_of_range"),
        ("decimals", "2.5", "decimals_out_of_range"),
        ("decimals", "two", "decimals_out_of_range"),
        ("colour", "red", "setting_unknown"),
    ],
)
def test_bad_setting_is_refused(admin_ctx, key, value, code):
    _refused(admin_ctx, ValidationError, code, ra.set_setting, key, value)


def test_plant_settings_are_saved_together_or_not_at_all(admin_ctx):
    _refused(admin_ctx, ValidationError, "decimals_out_of_range", ra.save_plant_settings, "新厂名", 9)
    _refused(admin_ctx, ValidationError, "plant_name_empty", ra.save_plant_settings, "", 3)
    assert ra.set_setting(admin_ctx.uow(), "plant_name", "厂" * 60) == "厂" * 60

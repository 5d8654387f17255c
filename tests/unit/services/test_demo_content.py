"""Demo content: people for panels and disputes, hazards that fit the reference data and repeat by seed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import hazard_desktop
from hazard_desktop.domain.hazards import DESCRIPTION_MAX, LOCATION_MAX, TAG_MAX
from hazard_desktop.domain.reference import NAME_MAX, DepartmentKind, Role
from hazard_desktop.services.demo_content import (
    FOUND_SPAN_DAYS,
    DemoHazardSpec,
    hazard_specs,
    people_specs,
    subcategory_codes,
)

DATA = Path(hazard_desktop.__file__).parent / "reference_data"


def load(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def departments() -> dict[str, DepartmentKind]:
    return {d["code"]: DepartmentKind(d["kind"]) for d in load("departments.json")}


@pytest.fixture(scope="module")
def subcategories() -> dict[str, str]:
    """Subcategory code -> category code, from categories.json."""
    cats = load("categories.json")
    subs = {s["code"]: c["code"] for c in cats for s in c["subcategories"]}
    return {**subs, **{c["code"]: c["code"] for c in cats if not c["subcategories"]}}  # 4.10 has none


@pytest.fixture(scope="module")
def specs() -> list[DemoHazardSpec]:
    return hazard_specs(3000)


# --- people --------------------------------------------------------------------------------------


def test_people_belong_to_known_departments_with_known_roles(departments: dict[str, DepartmentKind]) -> None:
    people = people_specs()
    assert 25 <= len(people) <= 40
    assert len({name for name, _, _ in people}) == len(people)
    for name, department, roles in people:
        assert name and len(name) <= NAME_MAX
        assert department in departments
        assert roles and len(set(roles)) == len(roles)
        for role in roles:
            Role(role)


def test_people_can_form_a_panel_and_a_dispute_group(departments: dict[str, DepartmentKind]) -> None:
    people = people_specs()
    members: Counter[DepartmentKind] = Counter(
        departments[d] for _, d, roles in people if Role.PANEL_MEMBER.value in roles
    )
    for kind in (DepartmentKind.SAFETY, DepartmentKind.PRODUCTION, DepartmentKind.UNION, DepartmentKind.BUSINESS):
        assert members[kind] >= 2, kind
    leaders = [d for _, d, roles in people if Role.PANEL_LEADER.value in roles]
    assert leaders and all(departments[d] is DepartmentKind.SAFETY for d in leaders)
    by_name = {name: set(roles) for name, _, roles in people}
    assert Role.DISPUTE_LEADER.value in by_name["肖才根"]
    assert Role.DISPUTE_DEPUTY.value in by_name["刘家华"]
    assert [n for n, roles in by_name.items() if Role.DISPUTE_LEADER.value in roles] == ["肖才根"]
    assert [n for n, roles in by_name.items() if Role.DISPUTE_DEPUTY.value in roles] == ["刘家华"]


def test_every_workshop_has_an_inspector(departments: dict[str, DepartmentKind]) -> None:
    inspected = {d for _, d, roles in people_specs() if Role.INSPECTOR.value in roles}
    workshops = {code for code, kind in departments.items() if kind is DepartmentKind.WORKSHOP}
    assert workshops <= inspected


# --- hazards -------------------------------------------------------------------------------------


def test_same_seed_same_specs_and_shorter_lists_are_prefixes() -> None:
    assert hazard_specs(500, seed=7) == hazard_specs(500, seed=7)
    assert hazard_specs(120, seed=7) == hazard_specs(500, seed=7)[:120]
    assert hazard_specs(200, seed=7) != hazard_specs(200, seed=8)
    assert hazard_specs(0) == []


def test_generator_knows_exactly_the_rules_subcategories(subcategories: dict[str, str]) -> None:
    assert set(subcategory_codes()) == set(subcategories)


def test_first_specs_cover_every_subcategory(subcategories: dict[str, str]) -> None:
    first = hazard_specs(len(subcategories), seed=11)
    assert {s.subcategory_code or s.category_code for s in first} == set(subcategories)


def test_specs_fit_the_reference_data(
    specs: list[DemoHazardSpec], subcategories: dict[str, str], departments: dict[str, DepartmentKind]
) -> None:
    for spec in specs:
        assert spec.department_code in departments
        assert subcategories[spec.subcategory_code or spec.category_code] == spec.category_code
        assert 0 <= spec.found_offset_days < FOUND_SPAN_DAYS
        assert 0 < len(spec.description) <= DESCRIPTION_MAX
        assert 0 < len(spec.location) <= LOCATION_MAX
        assert len(spec.equipment_tag) <= TAG_MAX
        assert spec.description == spec.description.strip()
        for text in (spec.description, spec.location):
            assert "{" not in text and "}" not in text, text
        if spec.equipment_tag:
            assert spec.equipment_tag in spec.description + spec.location


def test_specs_are_varied(specs: list[DemoHazardSpec], departments: dict[str, DepartmentKind]) -> None:
    assert len({s.description for s in specs}) > 0.7 * len(specs)
    assert len({s.subcategory_code or s.category_code for s in specs}) == len(subcategory_codes())
    assert sum(1 for s in specs if s.equipment_tag) > len(specs) / 2
    workshops = {code for code, kind in departments.items() if kind is DepartmentKind.WORKSHOP}
    assert workshops <= {s.department_code for s in specs}
    offsets = [s.found_offset_days for s in specs]
    assert min(offsets) < 30 and max(offsets) > FOUND_SPAN_DAYS - 30
    # both years are well populated
    assert sum(1 for o in offsets if o < 365) > len(specs) / 3
    assert sum(1 for o in offsets if o >= 365) > len(specs) / 3


def test_tags_look_like_plant_tags(specs: list[DemoHazardSpec]) -> None:
    tags = {s.equipment_tag for s in specs if s.equipment_tag}
    prefixes = {tag.split("-")[0] for tag in tags}
    assert {"P", "V", "T", "E", "R"} <= prefixes
    assert any(t.startswith("P-") and t[-1] in "AB" for t in tags)
    assert any(s.location.startswith("罐区 T-") for s in specs)

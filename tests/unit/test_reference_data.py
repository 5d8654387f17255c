"""The seeded reference data files keep the shapes of docs/ARCHITECTURE.md and the plant's rule."""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from itertools import product
from pathlib import Path
from typing import Any

import pytest

import hazard_desktop
from hazard_desktop.domain.criteria import CriteriaSource
from hazard_desktop.domain.lec import Band, EdgeRule, Factor, lec_score, validate_bands
from hazard_desktop.domain.reference import NAME_MAX, DepartmentKind

DATA = Path(hazard_desktop.__file__).parent / "reference_data"

# The rule's categories 4.5–4.10 and how many subcategories each lists.
RULE_CATEGORIES = {
    "4.5": ("生产工艺", 7),  # the rule's heading of 4.5's list is lost in its text (4.5 is 一般隐患 there)
    "4.6": ("设备/设施/工器具类隐患", 10),
    "4.7": ("作业类隐患", 4),
    "4.8": ("基础安全与5S类隐患", 4),
    "4.9": ("管理类隐患", 6),
    "4.10": ("其他隐患", 0),  # the rule lists no subdivisions: none is invented
}
RULE_SUBCATEGORIES = {
    "4.5.1": "生产过程控制",
    "4.5.7": "废弃物",
    "4.6.1": "特种设备（有效检验期、安全附件的有效投用、台账管理等）",
    "4.6.5": "仪表（包括联锁、DCS、回路、现场仪表）",
    "4.8.2": "跑冒滴漏（泄漏）",
    "4.6.10": "工器具",
    "4.7.1": "八大高危作业",
    "4.8.1": "PPE穿戴",
    "4.8.4": "标识缺失或不当（包括定置、安全标识、安全告知（MSDS等）、应急信息）",
    "4.9.2": "联锁管理",
    "4.9.6": "巡检纪律",
}
COLOUR = re.compile(r"^#[0-9A-F]{6}$")


def load(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def keys(record: dict[str, Any], expected: set[str]) -> None:
    assert set(record) == expected, record


def filled(*texts: object) -> bool:
    return all(isinstance(t, str) and t.strip() == t and t for t in texts)


@pytest.fixture(scope="module")
def categories() -> list[dict[str, Any]]:
    return load("categories.json")


@pytest.fixture(scope="module")
def threshold_set() -> dict[str, Any]:
    sets = load("threshold_sets.json")
    assert len(sets) == 1
    return sets[0]


def bands_of(threshold_set: dict[str, Any]) -> list[Band]:
    def limit(value: str | None) -> Decimal | None:
        return None if value is None else Decimal(value)

    return [
        Band(
            code=b["code"],
            rank=b["rank"],
            name_zh=b["name_zh"],
            name_en=b["name_en"],
            action_zh=b["action_zh"],
            action_en=b["action_en"],
            colour=b["colour"],
            lower=limit(b["lower"]),
            upper=limit(b["upper"]),
        )
        for b in threshold_set["bands"]
    ]


# --- departments ---------------------------------------------------------------------------------


def test_departments_have_codes_names_and_known_kinds() -> None:
    departments = load("departments.json")
    for d in departments:
        keys(d, {"code", "name", "kind"})
        assert re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", d["code"]), d
        assert filled(d["name"]) and len(d["name"]) <= NAME_MAX
        DepartmentKind(d["kind"])
    assert len({d["code"] for d in departments}) == len(departments)
    assert len({d["name"] for d in departments}) == len(departments)


def test_departments_cover_the_roles_of_the_rule() -> None:
    departments = load("departments.json")
    by_name = {d["name"]: d["kind"] for d in departments}
    assert by_name["安环部"] == "safety"
    assert by_name["生产部"] == "production"
    assert by_name["工会"] == "union"
    assert by_name["事业部"] == "business"
    kinds = Counter(d["kind"] for d in departments)
    assert 6 <= kinds["workshop"] <= 8


# --- categories ----------------------------------------------------------------------------------


def test_categories_are_exactly_the_rules(categories: list[dict[str, Any]]) -> None:
    assert [c["code"] for c in categories] == list(RULE_CATEGORIES)
    for category in categories:
        keys(category, {"code", "name_zh", "name_en", "subcategories"})
        name, count = RULE_CATEGORIES[category["code"]]
        assert category["name_zh"] == name
        assert filled(category["name_en"])
        subs = category["subcategories"]
        assert [s["code"] for s in subs] == [f"{category['code']}.{i}" for i in range(1, count + 1)]
        for sub in subs:
            keys(sub, {"code", "name_zh", "name_en"})
            assert filled(sub["name_zh"], sub["name_en"])
            assert len(sub["name_zh"]) <= NAME_MAX and len(sub["name_en"]) <= NAME_MAX


def test_subcategory_names_follow_the_rule(categories: list[dict[str, Any]]) -> None:
    names = {s["code"]: s["name_zh"] for c in categories for s in c["subcategories"]}
    assert len(names) == 31  # 4.10 has none
    for code, name in RULE_SUBCATEGORIES.items():
        assert names[code] == name


# --- LEC scales ----------------------------------------------------------------------------------


def test_scales_have_the_standard_values_largest_first() -> None:
    scales = load("lec_scales.json")
    assert set(scales) == {f.value for f in Factor}
    expected = {
        "L": ["10", "6", "3", "1", "0.5", "0.2", "0.1"],
        "E": ["10", "6", "3", "2", "1", "0.5"],
        "C": ["100", "40", "15", "7", "3", "1"],
    }
    for factor, rows in scales.items():
        assert [r["value"] for r in rows] == expected[factor]
        for row in rows:
            keys(row, {"value", "meaning_zh", "meaning_en"})
            assert isinstance(row["value"], str)
            assert filled(row["meaning_zh"], row["meaning_en"])
        assert len({r["meaning_zh"] for r in rows}) == len(rows)
        assert len({r["meaning_en"] for r in rows}) == len(rows)


def test_scale_meanings_match_the_standard_tables() -> None:
    scales = load("lec_scales.json")
    meaning = {(f, r["value"]): r["meaning_zh"] for f, rows in scales.items() for r in rows}
    assert meaning["L", "10"] == "完全可以预料"
    assert meaning["L", "0.1"] == "实际不可能"
    assert meaning["E", "10"] == "连续暴露"
    assert meaning["E", "0.5"] == "非常罕见地暴露"
    assert meaning["C", "100"] == "大灾难，许多人死亡"
    assert meaning["C", "1"] == "引人注目，需要救护"


# --- threshold set (table D.4) ------------------------------------------------------------------


def test_threshold_set_shape(threshold_set: dict[str, Any]) -> None:
    keys(threshold_set, {"name", "effective_from", "edge_rule", "bands"})
    assert threshold_set["name"] == "表D.4 隐患等级划分（《隐患分级管理办法》）"
    assert threshold_set["effective_from"] is None  # the rule names no date: the day the plant starts
    assert EdgeRule(threshold_set["edge_rule"]) is EdgeRule.UPPER_INCLUSIVE
    bands = threshold_set["bands"]
    assert [b["rank"] for b in bands] == [1, 2, 3, 4, 5]
    assert [b["code"] for b in bands] == ["extreme", "high", "significant", "general", "slight"]
    assert [b["name_zh"] for b in bands] == ["极其危险", "高度危险", "显著危险", "一般危险", "稍有危险"]
    assert [b["action_zh"] for b in bands] == ["不能继续作业", "要立即整改", "需要整改", "需要注意", "可以接受"]
    for band in bands:
        keys(band, {"code", "rank", "name_zh", "name_en", "action_zh", "action_en", "colour", "lower", "upper"})
        assert filled(band["name_en"], band["action_en"])
        assert COLOUR.match(band["colour"]), band
        for limit in (band["lower"], band["upper"]):
            assert limit is None or isinstance(limit, str)
    assert len({b["colour"] for b in bands}) == 5


def test_bands_tile_the_number_line(threshold_set: dict[str, Any]) -> None:
    bands = bands_of(threshold_set)
    validate_bands(bands)
    limits = [(b.lower, b.upper) for b in sorted(bands, key=lambda b: b.rank)]
    assert limits == [
        (Decimal(320), None),
        (Decimal(160), Decimal(320)),
        (Decimal(70), Decimal(160)),
        (Decimal(20), Decimal(70)),
        (None, Decimal(20)),
    ]


@pytest.mark.parametrize(
    ("d", "code"),
    [
        ("0.05", "slight"),
        ("20", "slight"),
        ("20.01", "general"),
        ("70", "general"),
        ("160", "significant"),
        ("160.5", "high"),
        ("320", "high"),
        ("320.01", "extreme"),
        ("10000", "extreme"),
    ],
)
def test_each_value_falls_in_exactly_one_band(threshold_set: dict[str, Any], d: str, code: str) -> None:
    rule = EdgeRule(threshold_set["edge_rule"])
    owners = [b.code for b in bands_of(threshold_set) if b.contains(Decimal(d), rule)]
    assert owners == [code]


def test_standard_combinations_spread_over_the_bands(threshold_set: dict[str, Any]) -> None:
    """DOMAIN.md §1.8: 252 L·E·C combinations give 40 / 21 / 28 / 47 / 116 per band."""
    scales = load("lec_scales.json")
    values = {f: [Decimal(r["value"]) for r in rows] for f, rows in scales.items()}
    rule = EdgeRule(threshold_set["edge_rule"])
    bands = bands_of(threshold_set)
    spread: Counter[str] = Counter()
    for l_value, e_value, c_value in product(values["L"], values["E"], values["C"]):
        d = lec_score(l_value, e_value, c_value)
        spread.update(b.code for b in bands if b.contains(d, rule))
    assert spread == {"extreme": 40, "high": 21, "significant": 28, "general": 47, "slight": 116}


# --- major-hazard criteria -----------------------------------------------------------------------


def test_criteria_shape(categories: list[dict[str, Any]]) -> None:
    criteria = load("major_criteria.json")
    category_codes = {c["code"] for c in categories}
    for item in criteria:
        keys(item, {"code", "text", "source", "clause", "category_code"})
        assert filled(item["code"], item["text"], item["clause"])
        CriteriaSource(item["source"])
        assert item["category_code"] is None or item["category_code"] in category_codes
    assert len({c["code"] for c in criteria}) == len(criteria)
    assert len({c["text"] for c in criteria}) == len(criteria)


def test_company_items_of_rule_4_4_come_first() -> None:
    criteria = load("major_criteria.json")
    company = [c for c in criteria if c["source"] == "company"]
    assert criteria[: len(company)] == company
    assert [c["clause"] for c in company] == ["4.4.1", "4.4.2", "4.4.3", "4.4 储罐(1)", "4.4 储罐(2)", "4.4 储罐(3)"]
    text = "".join(c["text"] for c in company)
    for phrase in ("两重点一重大", "仪表操作人员", "吸烟", "睡岗", "酒后上岗", "转岗", "高高液位", "100 m³"):
        assert phrase in text


def test_national_121_has_its_twenty_items_in_order() -> None:
    criteria = load("major_criteria.json")
    national = [c for c in criteria if c["source"] == "national_121"]
    assert len(national) == 20
    assert [c["code"] for c in national] == [f"121-{i}" for i in range(1, 21)]
    assert [c["clause"] for c in national] == [f"第{i}条" for i in range(1, 21)]
    assert "特种作业人员" in national[1]["text"]
    assert "安全阀" in national[14]["text"]
    assert "禁配" in national[19]["text"]

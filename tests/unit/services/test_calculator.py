"""The ``hazard-desktop lec`` calculator: single products, panel means, JSON and text output."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.lec import EdgeRule
from hazard_desktop.services.calculator import (
    CalcResult,
    PanelCalcResult,
    panel,
    parse_triple,
    single,
    to_json,
    to_text,
)
from tests.unit.domain.lec_fixtures import (
    CODE_EXTREME,
    CODE_GENERAL,
    CODE_HIGH,
    CODE_SIGNIFICANT,
    CODE_SLIGHT,
    standard_scales,
    threshold_set,
)

SCALES = standard_scales()
UPPER = threshold_set(EdgeRule.UPPER_INCLUSIVE, name="D.4 2020")
LOWER = threshold_set(EdgeRule.LOWER_INCLUSIVE, name="D.4 下限")


# ---------------------------------------------------------------- single


def test_single_computes_an_exact_d_and_its_band():
    result = single(SCALES, UPPER, "0.1", "3", "100")
    assert isinstance(result, CalcResult)
    assert result.d == Decimal("30")
    assert str(result.d) == "30"
    assert result.band.code == CODE_GENERAL
    assert result.threshold_set_name == "D.4 2020"
    assert result.edge_rule is EdgeRule.UPPER_INCLUSIVE


def test_single_accepts_decimals_ints_and_floats():
    assert single(SCALES, UPPER, Decimal("0.5"), 2, 40).d == 40
    assert single(SCALES, UPPER, 0.1, 3.0, 100).d == 30


@pytest.mark.parametrize(("ts", "expected"), [(UPPER, CODE_SLIGHT), (LOWER, CODE_GENERAL)])
def test_single_on_20_follows_the_edge_rule(ts, expected):
    assert single(SCALES, ts, "1", "0.5", "40").band.code == expected


@pytest.mark.parametrize(
    ("l", "e", "c", "field"),
    [("5", "1", "1", "L"), ("1", "0.2", "1", "E"), ("1", "1", "10", "C")],
)
def test_single_refuses_off_scale_values(l, e, c, field):  # noqa: E741
    with pytest.raises(ValidationError) as info:
        single(SCALES, UPPER, l, e, c)
    assert info.value.code == "off_scale"
    assert info.value.field == field
    assert info.value.params["allowed"]


def test_single_refuses_text_that_is_not_a_number():
    with pytest.raises(ValidationError) as info:
        single(SCALES, UPPER, "x", "1", "1")
    assert info.value.code == "not_a_number"


# ---------------------------------------------------------------- panel


def test_panel_mean_of_20_20_21_is_61_over_3():
    result = panel(SCALES, UPPER, ["1,0.5,40", "0.1,2,100", "3,1,7"])
    assert isinstance(result, PanelCalcResult)
    assert [m.d for m in result.members] == [20, 20, 21]
    assert result.total == 61
    assert result.mean_exact == Fraction(61, 3)
    assert str(result.mean) == "20.33333333333333333333"
    assert result.band.code == CODE_GENERAL
    assert result.spread_bands  # 20 is slight, 21 is general


@pytest.mark.parametrize(("ts", "expected"), [(UPPER, CODE_SIGNIFICANT), (LOWER, CODE_HIGH)])
def test_panel_mean_of_exactly_160_follows_the_edge_rule(ts, expected):
    result = panel(SCALES, ts, ["6,6,3", "6,6,7", "3,1,40"])
    assert result.mean == 160
    assert result.band.code == expected


@pytest.mark.parametrize(("ts", "expected"), [(UPPER, CODE_HIGH), (LOWER, CODE_EXTREME)])
def test_panel_mean_of_exactly_320_follows_the_edge_rule(ts, expected):
    result = panel(SCALES, ts, ["6,1,100", "6,1,40", "3,1,40"])
    assert result.mean == 320
    assert result.band.code == expected


def test_a_single_member_panel_is_allowed():
    result = panel(SCALES, UPPER, ["10,10,100"])
    assert result.mean == 10000
    assert not result.spread_bands


@pytest.mark.parametrize("count", [2, 4])
def test_an_even_panel_is_refused(count):
    with pytest.raises(ValidationError) as info:
        panel(SCALES, UPPER, ["1,1,1"] * count)
    assert info.value.code == "panel_even"
    assert info.value.params["count"] == count


def test_an_empty_panel_is_refused():
    with pytest.raises(ValidationError) as info:
        panel(SCALES, UPPER, [])
    assert info.value.code == "panel_empty"


@pytest.mark.parametrize("bad", ["1,1", "1,1,1,1", "", "1,,1", "1;1;1", ","])
def test_a_malformed_triple_is_refused_with_its_position(bad):
    with pytest.raises(ValidationError) as info:
        panel(SCALES, UPPER, ["1,1,1", "1,1,1", bad])
    assert info.value.code == "triple_invalid"
    assert info.value.params["index"] == 3
    assert info.value.params["value"] == bad


def test_an_off_scale_member_is_refused_with_its_position():
    with pytest.raises(ValidationError) as info:
        panel(SCALES, UPPER, ["1,1,1", "1,1,10", "1,1,1"])
    assert info.value.code == "off_scale"
    assert info.value.field == "C"
    assert info.value.params["index"] == 2


@pytest.mark.parametrize("text", ["0.1,3,100", " 0.1 , 3 , 100 ", "0.1，3，100"])
def test_triples_accept_spaces_and_full_width_commas(text):
    assert parse_triple(text) == ("0.1", "3", "100")


# ---------------------------------------------------------------- JSON


def test_single_json_has_text_numbers_and_the_band():
    data = to_json(single(SCALES, UPPER, "0.1", "3", "100"))
    json.dumps(data, ensure_ascii=False)
    assert data["kind"] == "single"
    assert (data["L"], data["E"], data["C"], data["D"]) == ("0.1", "3", "100", "30")
    assert data["band"]["code"] == CODE_GENERAL
    assert data["band"]["name_zh"] == "一般危险"
    assert data["band"]["action_zh"] == "需要注意"
    assert data["threshold_set"] == {"id": str(UPPER.id), "name": "D.4 2020", "edge_rule": "upper_inclusive"}


def test_panel_json_has_members_sum_exact_and_display_mean():
    data = to_json(panel(SCALES, UPPER, ["1,0.5,40", "0.1,2,100", "3,1,7"]))
    json.dumps(data, ensure_ascii=False)
    assert data["kind"] == "panel"
    assert [m["D"] for m in data["members"]] == ["20", "20", "21"]
    assert [m["band"]["code"] for m in data["members"]] == [CODE_SLIGHT, CODE_SLIGHT, CODE_GENERAL]
    assert data["count"] == 3
    assert data["sum"] == "61"
    assert data["mean"] == "20.33333333333333333333"
    assert data["mean_fraction"] == "61/3"
    assert data["mean_display"] == "≈20.33"
    assert data["band"]["code"] == CODE_GENERAL
    assert data["spread_bands"] is True


# ---------------------------------------------------------------- text


def test_single_text_in_chinese_shows_d_band_and_action():
    text = to_text(single(SCALES, UPPER, "0.1", "3", "100"))
    assert text.splitlines() == [
        "L=0.1 E=3 C=100 D=30",
        "危险等级: 一般危险",  # the band's code is an English identifier: the Chinese text names the band only
        "措施: 需要注意",
        "界限值: D.4 2020 (上限归本级)",
    ]


def test_single_text_in_english():
    text = to_text(single(SCALES, LOWER, "1", "10", "7"), lang="en")
    assert text.splitlines() == [
        "L=1 E=10 C=7 D=70",
        f"Danger band: {CODE_SIGNIFICANT} Significantly dangerous",
        "Action: Needs correction",
        "Thresholds: D.4 下限 (lower limit inclusive)",
    ]


def test_panel_text_shows_each_member_the_mean_and_its_band():
    text = to_text(panel(SCALES, UPPER, ["1,0.5,40", "0.1,2,100", "3,1,7"]))
    lines = text.splitlines()
    assert lines[0] == "成员 1: L=1 E=0.5 C=40 D=20  [稍有危险]"
    assert lines[2] == "成员 3: L=3 E=1 C=7 D=21  [一般危险]"
    assert "ΣD = 61  n = 3" in lines
    assert "隐患值 ΣD÷n = 61/3 ≈ 20.33" in lines
    assert "危险等级: 一般危险" in lines
    assert "措施: 需要注意" in lines
    assert lines[-1] == "注意：成员的 D 分属不同等级，建议复核"


def test_panel_text_shows_an_exact_mean_without_approximation():
    text = to_text(panel(SCALES, UPPER, ["6,6,3", "6,6,7", "3,1,40"]), lang="en", places=1)
    assert "Hazard value ΣD÷n = 160.0" in text.splitlines()
    assert f"Danger band: {CODE_SIGNIFICANT} Significantly dangerous" in text.splitlines()


def test_panel_text_without_spread_has_no_review_note():
    text = to_text(panel(SCALES, UPPER, ["1,1,1", "1,1,3", "1,1,7"]), lang="en")
    assert "review" not in text
    assert "Hazard value ΣD÷n = 11/3 ≈ 3.67" in text.splitlines()


def test_text_in_an_unknown_language_is_refused():
    with pytest.raises(ValidationError) as info:
        to_text(single(SCALES, UPPER, "1", "1", "1"), lang="fr")
    assert info.value.code == "lang_unknown"

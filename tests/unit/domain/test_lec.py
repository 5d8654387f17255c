"""LEC: exact D, scales, bands and their edges, threshold-set versions (rule §5.2, DOMAIN.md §1)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import product

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.lec import (
    EdgeRule,
    Factor,
    band_for_value,
    exact_mean,
    format_decimal,
    format_fraction,
    fraction_to_decimal,
    lec_score,
    mean_to_decimal,
    normalize,
    threshold_set_in_force,
    to_decimal,
    validate_bands,
)
from tests.unit.domain.lec_fixtures import (
    C_VALUES,
    CODE_EXTREME,
    CODE_GENERAL,
    CODE_HIGH,
    CODE_SIGNIFICANT,
    CODE_SLIGHT,
    E_VALUES,
    L_VALUES,
    LIMITS,
    T0,
    standard_bands,
    standard_scales,
    threshold_set,
)

COMBINATIONS = list(product(L_VALUES, E_VALUES, C_VALUES))
REFERENCE_CODES = (CODE_SLIGHT, CODE_GENERAL, CODE_SIGNIFICANT, CODE_HIGH, CODE_EXTREME)
UPPER = threshold_set(EdgeRule.UPPER_INCLUSIVE)
LOWER = threshold_set(EdgeRule.LOWER_INCLUSIVE)


def reference_band(value: Fraction, rule: EdgeRule) -> str:
    """Band code computed independently: count the limits the value has passed."""
    limits = [Fraction(x) for x in LIMITS]
    if rule is EdgeRule.UPPER_INCLUSIVE:
        passed = sum(1 for limit in limits if value > limit)
    else:
        passed = sum(1 for limit in limits if value >= limit)
    return REFERENCE_CODES[passed]


def reference_d(l: str, e: str, c: str) -> Fraction:  # noqa: E741
    return Fraction(l) * Fraction(e) * Fraction(c)


def d_of(l: str, e: str, c: str) -> Decimal:  # noqa: E741
    return lec_score(Decimal(l), Decimal(e), Decimal(c))


# ---------------------------------------------------------------- all 252 standard combinations


def test_standard_scales_give_252_combinations_and_103_distinct_d_values():
    ds = [d_of(*combo) for combo in COMBINATIONS]
    assert len(ds) == 252
    assert len(set(ds)) == 103
    assert min(ds) == Decimal("0.05")
    assert max(ds) == Decimal("10000")


def test_band_distribution_under_upper_inclusive_is_40_21_28_47_116():
    counts = Counter(UPPER.band_for(d_of(*combo)).code for combo in COMBINATIONS)
    assert counts == {
        CODE_EXTREME: 40,
        CODE_HIGH: 21,
        CODE_SIGNIFICANT: 28,
        CODE_GENERAL: 47,
        CODE_SLIGHT: 116,
    }


def test_band_distribution_under_lower_inclusive_moves_the_seven_exact_edge_products_up():
    counts = Counter(LOWER.band_for(d_of(*combo)).code for combo in COMBINATIONS)
    # the five D = 20 move from slight to general, the two D = 70 from general to significant
    assert counts == {
        CODE_EXTREME: 40,
        CODE_HIGH: 21,
        CODE_SIGNIFICANT: 30,
        CODE_GENERAL: 50,
        CODE_SLIGHT: 111,
    }


@pytest.mark.parametrize("rule", list(EdgeRule))
@pytest.mark.parametrize(("l", "e", "c"), COMBINATIONS, ids=["x".join(c) for c in COMBINATIONS])
def test_each_standard_product_is_exact_and_falls_in_the_reference_band(l, e, c, rule):  # noqa: E741
    expected = reference_d(l, e, c)
    d = d_of(l, e, c)
    assert Fraction(d) == expected
    text = str(d)
    assert "E" not in text
    assert "." not in text or not text.endswith("0")
    ts = UPPER if rule is EdgeRule.UPPER_INCLUSIVE else LOWER
    assert ts.band_for(d).code == reference_band(expected, rule)
    assert band_for_value(ts, d).code == reference_band(expected, rule)
    assert band_for_value(ts, expected).code == reference_band(expected, rule)


def test_only_20_and_70_are_exact_edges_reachable_by_a_single_product():
    ds = {reference_d(*combo) for combo in COMBINATIONS}
    assert {Fraction(x) for x in LIMITS} & ds == {Fraction(20), Fraction(70)}
    twenties = sorted(combo for combo in COMBINATIONS if reference_d(*combo) == 20)
    assert len(twenties) == 5
    seventies = {combo for combo in COMBINATIONS if reference_d(*combo) == 70}
    assert seventies == {("1", "10", "7"), ("10", "1", "7")}


# ---------------------------------------------------------------- edges


@pytest.mark.parametrize(
    ("triple", "rule", "expected"),
    [
        (("1", "0.5", "40"), EdgeRule.UPPER_INCLUSIVE, CODE_SLIGHT),
        (("1", "0.5", "40"), EdgeRule.LOWER_INCLUSIVE, CODE_GENERAL),
        (("0.1", "2", "100"), EdgeRule.UPPER_INCLUSIVE, CODE_SLIGHT),
        (("10", "2", "1"), EdgeRule.LOWER_INCLUSIVE, CODE_GENERAL),
        (("1", "10", "7"), EdgeRule.UPPER_INCLUSIVE, CODE_GENERAL),
        (("1", "10", "7"), EdgeRule.LOWER_INCLUSIVE, CODE_SIGNIFICANT),
        (("10", "1", "7"), EdgeRule.UPPER_INCLUSIVE, CODE_GENERAL),
        (("10", "1", "7"), EdgeRule.LOWER_INCLUSIVE, CODE_SIGNIFICANT),
    ],
)
def test_single_products_on_20_and_70_follow_the_edge_rule(triple, rule, expected):
    ts = threshold_set(rule)
    assert ts.band_for(d_of(*triple)).code == expected


@pytest.mark.parametrize(
    ("triples", "mean", "upper_code", "lower_code"),
    [
        # 6×6×3 = 108, 6×6×7 = 252, 3×1×40 = 120 → 480 / 3 = 160
        ((("6", "6", "3"), ("6", "6", "7"), ("3", "1", "40")), 160, CODE_SIGNIFICANT, CODE_HIGH),
        # 6×1×100 = 600, 6×1×40 = 240, 3×1×40 = 120 → 960 / 3 = 320
        ((("6", "1", "100"), ("6", "1", "40"), ("3", "1", "40")), 320, CODE_HIGH, CODE_EXTREME),
        # 20, 20, 20 → 20 and 70, 70, 70 → 70 also work through means
        ((("1", "0.5", "40"), ("0.1", "2", "100"), ("10", "2", "1")), 20, CODE_SLIGHT, CODE_GENERAL),
        ((("1", "10", "7"), ("10", "1", "7"), ("1", "10", "7")), 70, CODE_GENERAL, CODE_SIGNIFICANT),
    ],
)
def test_panel_means_landing_exactly_on_an_edge_follow_the_edge_rule(triples, mean, upper_code, lower_code):
    exact = exact_mean([d_of(*t) for t in triples])
    assert exact == mean
    assert band_for_value(UPPER, exact).code == upper_code
    assert band_for_value(LOWER, exact).code == lower_code
    assert UPPER.band_for(mean_to_decimal(exact)).code == upper_code


def test_a_mean_just_above_an_edge_is_never_rounded_onto_it():
    # 20, 20, 21 → 61/3 = 20.333… is above 20 under both rules
    exact = exact_mean([Decimal("20"), Decimal("20"), Decimal("21")])
    assert exact == Fraction(61, 3)
    assert band_for_value(UPPER, exact).code == CODE_GENERAL
    assert band_for_value(LOWER, exact).code == CODE_GENERAL
    # 160 - 1/3: stays below 160 even though it shows as "159.67"
    below = exact_mean([Decimal("160"), Decimal("160"), Decimal("159")])
    assert band_for_value(LOWER, below).code == CODE_SIGNIFICANT


# ---------------------------------------------------------------- exactness and formatting


def test_point_one_times_three_times_one_hundred_is_exactly_thirty():
    assert 0.1 * 3 * 100 != 30  # the float artefact the domain must not have
    d = lec_score(Decimal("0.1"), Decimal("3"), Decimal("100"))
    assert d == Decimal("30")
    assert str(d) == "30"


def test_float_input_goes_through_its_shortest_text():
    assert to_decimal(0.1) == Decimal("0.1")
    assert lec_score(to_decimal(0.1), to_decimal(3), to_decimal(100)) == 30


def test_products_of_decimal_inputs_with_trailing_zeros_are_normalised():
    assert str(lec_score(Decimal("0.50"), Decimal("2.0"), Decimal("40"))) == "40"
    assert str(lec_score(Decimal("0.5"), Decimal("0.5"), Decimal("1"))) == "0.25"
    assert str(normalize(Decimal("1E+2"))) == "100"


@pytest.mark.parametrize("bad", ["abc", "", "NaN", "Infinity", "1/2"])
def test_to_decimal_refuses_text_that_is_not_a_finite_number(bad):
    with pytest.raises(ValidationError) as info:
        to_decimal(bad, field="L")
    assert info.value.code == "not_a_number"
    assert info.value.field == "L"


def test_exact_mean_of_nothing_is_refused():
    with pytest.raises(ValidationError) as info:
        exact_mean([])
    assert info.value.code == "values_empty"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(61, 3), 2, "20.33"),
        (Fraction(62, 3), 2, "20.67"),
        (Fraction(160), 2, "160.00"),
        (Fraction(1, 8), 2, "0.13"),  # 0.125 half up
        (Fraction(-1, 8), 2, "-0.13"),
        (Fraction(5, 2), 0, "3"),
        (Fraction(1, 20), 1, "0.1"),
    ],
)
def test_fractions_round_half_up_to_fixed_places(value, places, expected):
    assert format(fraction_to_decimal(value, places), "f") == expected
    assert format_fraction(value, places) == expected


def test_stored_mean_keeps_twenty_places_and_drops_trailing_zeros():
    assert str(mean_to_decimal(Fraction(61, 3))) == "20.33333333333333333333"
    assert str(mean_to_decimal(Fraction(160))) == "160"
    assert str(mean_to_decimal(Fraction(41, 2))) == "20.5"


def test_format_decimal_shortest_or_fixed():
    assert format_decimal(Decimal("30.0")) == "30"
    assert format_decimal(Decimal("1E+2")) == "100"
    assert format_decimal(Decimal("20.335"), 2) == "20.34"


# ---------------------------------------------------------------- scales


@pytest.mark.parametrize(
    ("factor", "value", "allowed"),
    [
        (Factor.L, "5", "10, 6, 3, 1, 0.5, 0.2, 0.1"),
        (Factor.L, "0", "10, 6, 3, 1, 0.5, 0.2, 0.1"),
        (Factor.E, "0.2", "10, 6, 3, 2, 1, 0.5"),
        (Factor.C, "10", "100, 40, 15, 7, 3, 1"),
        (Factor.C, "6", "100, 40, 15, 7, 3, 1"),
    ],
)
def test_off_scale_values_are_refused_with_the_allowed_list(factor, value, allowed):
    with pytest.raises(ValidationError) as info:
        standard_scales().check(factor, value)
    err = info.value
    assert err.code == "off_scale"
    assert err.field == factor.value
    assert err.params["allowed"] == allowed
    assert err.params["value"] == value


@pytest.mark.parametrize(
    ("factor", "text", "expected"),
    [
        (Factor.L, "0.10", "0.1"),
        (Factor.L, " 3 ", "3"),
        (Factor.C, "100.0", "100"),
        (Factor.C, "１００", "100"),  # full-width digits, as a Chinese input method types them
        (Factor.L, "０．５", "0.5"),
        (Factor.L, "+3", "3"),
    ],
)
def test_scale_values_written_differently_are_accepted_and_normalised(factor, text, expected):
    assert str(standard_scales().check(factor, text)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1e2", "not_a_number"),  # Decimal() reads exponents; a safety form does not
        ("1e1", "not_a_number"),
        ("1e308", "not_a_number"),
        ("1_0", "not_a_number"),  # Decimal() and int() read underscores
        ("٣", "not_a_number"),  # Arabic-Indic three: Decimal() reads every Unicode digit
        ("३", "not_a_number"),
        ("inf", "not_a_number"),
        ("NaN", "not_a_number"),
        ("0x10", "not_a_number"),
        ("3\x00", "not_a_number"),
        ("1" * 5000, "number_too_large"),
        ("1000000000000000", "number_too_large"),
    ],
)
def test_numbers_other_than_plain_or_full_width_decimals_are_refused(text, code):
    with pytest.raises(ValidationError) as info:
        standard_scales().check(Factor.L, text)
    assert info.value.code == code
    assert len(info.value.params["value"]) <= 40  # a message never quotes 5000 digits


def test_scales_list_each_factor_largest_first_and_find_meanings():
    scales = standard_scales()
    assert [format_decimal(v.value) for v in scales.of(Factor.L)] == list(L_VALUES)
    assert [format_decimal(v.value) for v in scales.of(Factor.E)] == list(E_VALUES)
    assert [format_decimal(v.value) for v in scales.of(Factor.C)] == list(C_VALUES)
    assert scales.meaning(Factor.E, Decimal("2")) is not None
    assert scales.meaning(Factor.E, Decimal("5")) is None


# ---------------------------------------------------------------- threshold sets


def test_threshold_set_in_force_picks_the_latest_effective_on_or_before_the_date():
    old = threshold_set(name="2020", effective_from=date(2020, 1, 1))
    new = threshold_set(name="2025", effective_from=date(2025, 7, 1))
    sets = [new, old]
    assert threshold_set_in_force(sets, date(2025, 6, 30)) is old
    assert threshold_set_in_force(sets, date(2025, 7, 1)) is new
    assert threshold_set_in_force(sets, date(2030, 1, 1)) is new


def test_before_the_first_set_the_first_set_applies_and_without_sets_grading_is_refused():
    first = threshold_set(effective_from=date(2026, 12, 7))  # the rule's 表D.4 from the day of first use
    later = threshold_set(name="2027", effective_from=date(2027, 7, 1))
    assert threshold_set_in_force([later, first], date(2026, 3, 10)) is first  # a backlog hazard
    with pytest.raises(ValidationError) as info:
        threshold_set_in_force([], date(2019, 12, 31))
    assert info.value.code == "no_threshold_set"


def test_threshold_sets_with_the_same_date_newest_created_wins():
    first = threshold_set(name="first", created_at=T0)
    second = threshold_set(name="second", created_at=T0 + timedelta(seconds=1))
    assert threshold_set_in_force([second, first], date(2026, 1, 1)) is second


def test_validate_bands_accepts_the_standard_table():
    validate_bands(standard_bands())


def test_validate_bands_finds_a_missing_band_as_a_gap():
    bands = standard_bands()
    with pytest.raises(ValidationError) as info:
        validate_bands(bands[:2] + bands[3:])
    assert info.value.code == "bands_gap"


def test_validate_bands_finds_limits_that_do_not_meet():
    bands = list(standard_bands())
    bands[2] = replace(bands[2], lower=Decimal("80"))  # significant now 80–160, general still 20–70
    with pytest.raises(ValidationError) as info:
        validate_bands(bands)
    assert info.value.code == "bands_gap"
    assert info.value.params["band"] == CODE_SIGNIFICANT


def test_validate_bands_finds_an_empty_band():
    bands = list(standard_bands())
    bands[3] = replace(bands[3], lower=Decimal("70"))
    bands[4] = replace(bands[4], upper=Decimal("70"))
    with pytest.raises(ValidationError) as info:
        validate_bands(bands)
    assert info.value.code == "bands_gap"


def test_validate_bands_needs_open_ends_and_at_least_one_band():
    bands = list(standard_bands())
    bands[0] = replace(bands[0], upper=Decimal("1000"))
    with pytest.raises(ValidationError) as info:
        validate_bands(bands)
    assert info.value.code == "bands_open_ends"
    with pytest.raises(ValidationError) as info:
        validate_bands([])
    assert info.value.code == "bands_empty"


def test_a_set_with_a_gap_reports_no_band_for_a_value_in_the_gap():
    bands = list(standard_bands())
    bands[2] = replace(bands[2], lower=Decimal("80"))
    ts = threshold_set(bands=tuple(bands))
    with pytest.raises(ValidationError) as info:
        ts.band_for(Decimal("75"))
    assert info.value.code == "no_band"
    with pytest.raises(ValidationError) as info:
        band_for_value(ts, Fraction(151, 2))
    assert info.value.code == "no_band"
    assert info.value.params["value"] == "75.50"

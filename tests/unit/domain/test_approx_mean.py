"""A rounded mean never contradicts its band (issue 9 §2): ≈ when rounded, more digits at a band edge."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hazard_desktop.domain.lec import approx_text

EDGES = (Decimal(20), Decimal(70), Decimal(160), Decimal(320))


def test_exact_values_show_as_they_are():
    assert approx_text(Fraction(160), 2, EDGES) == "160.00"
    assert approx_text(Fraction(401, 2), 2, EDGES) == "200.50"


def test_a_rounded_value_says_so():
    assert approx_text(Fraction(61, 3), 2, EDGES) == "≈20.33"


def test_rounding_onto_a_band_edge_shows_enough_digits():
    # 220.05 / 11 = 20.00454545…: "20.00" beside 一般危险 would read as 稍有危险's upper limit
    assert approx_text(Fraction(Decimal("220.05")) / 11, 2, EDGES) == "≈20.005"
    # just under an edge: 69.996… must not print as 70.00
    assert approx_text(Fraction(69996, 1000) + Fraction(1, 10**6), 2, EDGES) == "≈69.996"
    # a non-standard edge 20.5 that rounding would cross
    assert approx_text(Fraction(20499, 1000), 2, (Decimal("20.5"),)) == "20.499"


def test_without_edges_a_rounded_whole_number_is_refined():
    assert approx_text(Fraction(Decimal("220.05")) / 11, 2) == "≈20.005"


def test_the_decimal_form_for_the_register_gives_the_same_text_as_approx_text():
    """approx_decimal_text (stored Decimal means, fast path) never differs from approx_text."""
    from hazard_desktop.domain.lec import approx_decimal_text, mean_to_decimal

    odd = (Decimal("20.5"), Decimal("69.995"))
    values = [Fraction(n, d) for d in (1, 2, 3, 7, 11, 13) for n in range(0, 400 * d, 7)]
    values += [Fraction(Decimal("220.05")) / 11, Fraction(69996, 1000) + Fraction(1, 10**6), Fraction(20499, 1000)]
    values += [Fraction(Decimal(t)) for t in ("19.995", "20.004", "69.9955", "70.005", "159.999", "0.05")]
    checked = 0
    for exact in values:
        stored = mean_to_decimal(exact)  # hazards.mean_d
        for places in (0, 1, 2, 3):
            for edges in ((), EDGES, odd):
                assert approx_decimal_text(stored, places, edges) == approx_text(Fraction(stored), places, edges)
                checked += 1
    assert checked > 10_000
    assert approx_decimal_text(mean_to_decimal(Fraction(Decimal("220.05")) / 11), 2, EDGES) == "≈20.005"

"""LEC method (作业条件危险性评价法): D = L × E × C in exact decimals, read against versioned bands.

Tables D.1 (L), D.2 (E) and D.3 (C) are :class:`ScaleValue` lists; table D.4 is a
:class:`ThresholdSet` with an effective-from date and an :class:`EdgeRule` saying which band owns a
value that falls exactly on a limit.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.text import ascii_digits


class Factor(StrEnum):
    """The three LEC factors."""

    L = "L"  # 发生事故的可能性大小 (D.1)
    E = "E"  # 暴露于危险环境的频繁程度 (D.2)
    C = "C"  # 发生事故产生的后果 (D.3)


class EdgeRule(StrEnum):
    """Which band owns a D exactly on a limit."""

    UPPER_INCLUSIVE = "upper_inclusive"  # lower < D ≤ upper  (D = 20 → 稍有危险)
    LOWER_INCLUSIVE = "lower_inclusive"  # lower ≤ D < upper  (D = 20 → 一般危险)


# Full-width digits, point and signs, as Chinese input methods type them, are read as their ASCII
# counterparts (domain/text.py); every other form (other scripts' digits, "1_0", "1e1", "inf") is refused.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
MAX_INTEGER_DIGITS = 15  # far beyond any LEC value or limit; keeps products and limits exact


def _shown(value: object) -> str:
    """The value as a message quotes it: at most 40 characters."""
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def to_decimal(value: object, field: str = "value") -> Decimal:
    """Convert text, int or Decimal to an exact Decimal (floats go through their shortest repr).

    Text is a plain decimal: ASCII or full-width digits, an optional sign and point; no exponent,
    no underscores, no other digits.

    Raises:
        ValidationError: ``not_a_number`` (not such a number) or ``number_too_large``.
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value)) if math.isfinite(value) else Decimal("NaN")
    else:
        text = ascii_digits(str(value).strip())
        if not _PLAIN_NUMBER.fullmatch(text):
            raise ValidationError("not_a_number", field=field, value=_shown(value))
        result = Decimal(text)
    if not result.is_finite():
        raise ValidationError("not_a_number", field=field, value=_shown(value))
    if result and result.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValidationError("number_too_large", field=field, value=_shown(value), max_digits=MAX_INTEGER_DIGITS)
    return result


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros but keep integers integral (``Decimal('30.0')`` → ``30``)."""
    result = value.normalize()
    sign, digits, exponent = result.as_tuple()
    if isinstance(exponent, int) and exponent > 0:
        result = result.quantize(Decimal(1))
    return result


def format_decimal(value: Decimal, places: int | None = None) -> str:
    """Format a D value: fixed ``places`` decimals (half up) or the shortest exact text."""
    if places is None:
        return format(normalize(value), "f")
    quantum = Decimal(1).scaleb(-places)
    return format(value.quantize(quantum, rounding=ROUND_HALF_UP), "f")


@dataclass(frozen=True, slots=True)
class ScaleValue:
    """One row of table D.1, D.2 or D.3."""

    factor: Factor
    value: Decimal
    meaning_zh: str
    meaning_en: str


@dataclass(frozen=True, slots=True)
class LecScales:
    """The allowed values of L, E and C."""

    values: tuple[ScaleValue, ...]

    def of(self, factor: Factor) -> tuple[ScaleValue, ...]:
        """Values of one factor, largest first (the order of the printed tables)."""
        return tuple(sorted((v for v in self.values if v.factor is factor), key=lambda v: -v.value))

    def check(self, factor: Factor, value: object) -> Decimal:
        """Return ``value`` as a Decimal if it is on the scale of ``factor``.

        Raises:
            ValidationError: ``off_scale`` (with the allowed values) or ``not_a_number``.
        """
        number = to_decimal(value, field=factor.value)
        allowed = [v.value for v in self.of(factor)]
        if number not in allowed:
            raise ValidationError(
                "off_scale",
                field=factor.value,
                factor=factor.value,
                value=format_decimal(number),
                allowed=", ".join(format_decimal(a) for a in allowed),
            )
        return normalize(number)

    def meaning(self, factor: Factor, value: Decimal) -> ScaleValue | None:
        """The scale row for ``value`` of ``factor``, or None."""
        return next((v for v in self.of(factor) if v.value == value), None)


def lec_score(likelihood: Decimal, exposure: Decimal, consequence: Decimal) -> Decimal:
    """D = L × E × C, exact (0.1 × 3 × 100 is 30, not 30.000000000000004)."""
    return normalize(likelihood * exposure * consequence)


@dataclass(frozen=True, slots=True)
class Band:
    """A danger band of table D.4. ``lower``/``upper`` are None for the open ends."""

    code: str
    rank: int  # 1 = most dangerous
    name_zh: str
    name_en: str
    action_zh: str
    action_en: str
    colour: str  # "#RRGGBB"
    lower: Decimal | None
    upper: Decimal | None

    def contains(self, d: Decimal, rule: EdgeRule) -> bool:
        """True if ``d`` lies in this band under ``rule``."""
        if rule is EdgeRule.UPPER_INCLUSIVE:
            above = self.lower is None or d > self.lower
            below = self.upper is None or d <= self.upper
        else:
            above = self.lower is None or d >= self.lower
            below = self.upper is None or d < self.upper
        return above and below


@dataclass(frozen=True, slots=True)
class ThresholdSet:
    """A version of table D.4: the bands in force from ``effective_from`` on.

    A stored set never changes; new limits are a new set, so a grading keeps the set it used.
    """

    id: uuid.UUID
    name: str
    effective_from: date
    edge_rule: EdgeRule
    bands: tuple[Band, ...]
    created_at: datetime
    updated_at: datetime

    def band_for(self, d: Decimal) -> Band:
        """The band that owns ``d``.

        Raises:
            ValidationError: ``no_band`` if the set leaves a gap at ``d``.
        """
        for band in sorted(self.bands, key=lambda b: b.rank):
            if band.contains(d, self.edge_rule):
                return band
        raise ValidationError("no_band", value=format_decimal(d), threshold_set=self.name)


def validate_bands(bands: Sequence[Band]) -> None:
    """Check that bands tile the number line without gaps or overlaps, most dangerous first.

    Raises:
        ValidationError: ``bands_empty``, ``bands_gap`` or ``bands_open_ends``.
    """
    if not bands:
        raise ValidationError("bands_empty", field="bands")
    ordered = sorted(bands, key=lambda b: b.rank)
    if ordered[0].upper is not None or ordered[-1].lower is not None:
        raise ValidationError("bands_open_ends", field="bands")
    for higher, lower in zip(ordered, ordered[1:], strict=False):
        if higher.lower is None or lower.upper is None or higher.lower != lower.upper:
            raise ValidationError("bands_gap", field="bands", band=higher.code)
        if lower.lower is not None and lower.lower >= lower.upper:
            raise ValidationError("bands_gap", field="bands", band=lower.code)


def threshold_set_in_force(sets: Iterable[ThresholdSet], on: date) -> ThresholdSet:
    """The set with the latest ``effective_from`` not after ``on`` (newest created wins a tie).

    Before the first set's date the first set applies: the seeded set is the rule's own 表D.4, which
    names no date and takes effect when the plant starts using the program, and hazards found before
    that (entered afterwards) are graded by the same table.

    Raises:
        ValidationError: ``no_threshold_set`` if there is no set at all.
    """
    every = list(sets)
    if not every:
        raise ValidationError("no_threshold_set", on=on.isoformat())
    candidates = [s for s in every if s.effective_from <= on]
    if not candidates:
        first = min(s.effective_from for s in every)
        candidates = [s for s in every if s.effective_from == first]
    return max(candidates, key=lambda s: (s.effective_from, s.created_at))


# ---------------------------------------------------------------- exact means (panel averages, §5.2 / §7)

MEAN_PLACES = 20
"""Decimal places kept when an exact mean is stored as a Decimal (61/3 → 20.33333333333333333333)."""

DISPLAY_PLACES = 2
"""Decimal places shown for a mean on screen and on sheets (61/3 → 20.33)."""


def exact_mean(values: Sequence[Decimal]) -> Fraction:
    """Σ values ÷ n as an exact fraction (no rounding at all).

    Raises:
        ValidationError: ``values_empty`` if there is nothing to average.
    """
    if not values:
        raise ValidationError("values_empty")
    return sum((Fraction(v) for v in values), Fraction(0)) / len(values)


def fraction_to_decimal(value: Fraction, places: int) -> Decimal:
    """Round ``value`` exactly to ``places`` decimals, half away from zero, keeping trailing zeros.

    ``Fraction(61, 3)`` with 2 places is ``Decimal('20.33')``; ``Fraction(160)`` is ``Decimal('160.00')``.
    The rounding is done on the fraction itself, so there is no double rounding.
    """
    scaled = value * 10**places
    magnitude = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    return Decimal(-magnitude if scaled < 0 else magnitude).scaleb(-places)


def mean_to_decimal(value: Fraction, places: int = MEAN_PLACES) -> Decimal:
    """The Decimal stored for an exact mean: ``places`` decimals, trailing zeros dropped (160, 20.5)."""
    return normalize(fraction_to_decimal(value, places))


def format_fraction(value: Fraction, places: int = DISPLAY_PLACES) -> str:
    """Display text of an exact value with fixed decimals (``61/3`` → ``"20.33"``)."""
    return format(fraction_to_decimal(value, places), "f")


APPROX = "≈"
"""Printed before a value that is shown rounded (on screen and on every sheet)."""


def band_edges(threshold_set: ThresholdSet | None) -> tuple[Decimal, ...]:
    """The limits between the bands of ``threshold_set`` (empty for None)."""
    if threshold_set is None:
        return ()
    limits = {limit for band in threshold_set.bands for limit in (band.lower, band.upper) if limit is not None}
    return tuple(sorted(limits))


def _misleads(exact: Fraction, shown: Fraction, edges: Iterable[Decimal]) -> bool:
    """The rounded value lands on a band edge, or on the other side of one, than the exact value."""
    if shown != exact and shown.denominator == 1:
        return True  # a whole number looks like a limit (every standard limit is whole)
    for edge in edges:
        limit = Fraction(edge)
        if shown == limit or (shown > limit) != (exact > limit):
            return True
    return False


def approx_text(exact: Fraction, places: int = DISPLAY_PLACES, edges: Iterable[Decimal] = ()) -> str:
    """Display text of an exact mean that never contradicts its band.

    Exact values show as they are (``"160.00"``). A rounded value gets ``≈`` in front; when rounding lands
    on or crosses a band edge (or on a whole number), more decimals are shown until it no longer does:
    220.05/11 = 20.0045… is ``"≈20.005"``, never ``"20.00"`` beside 一般危险.
    """
    limits = tuple(edges)
    text = format_fraction(exact, places)
    if Fraction(Decimal(text)) == exact:
        return text
    digits = places
    while digits < MEAN_PLACES and _misleads(exact, Fraction(Decimal(text)), limits):
        digits += 1
        text = format_fraction(exact, digits)
        if Fraction(Decimal(text)) == exact:
            return text
    return APPROX + text


def approx_decimal_text(value: Decimal, places: int = DISPLAY_PLACES, edges: Sequence[Decimal] = ()) -> str:
    """:func:`approx_text` of a stored Decimal mean (the register shows thousands of them).

    The same text; the common cases — exact, or rounded to a value that is no whole number and lands on
    no edge and on the same side of every edge — are decided with Decimal comparisons; the others go to
    :func:`approx_text`.
    """
    shown = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if shown == value:
        return format(shown, "f")
    if shown != shown.to_integral_value() and all(shown != e and (shown > e) == (value > e) for e in edges):
        return APPROX + format(shown, "f")
    return approx_text(Fraction(value), places, edges)


def band_for_value(threshold_set: ThresholdSet, value: Fraction | Decimal) -> Band:
    """The band that owns an exact value (a single D or a panel mean), compared without rounding.

    Raises:
        ValidationError: ``no_band`` if the set leaves a gap at ``value``.
    """
    exact = Fraction(value)
    rule = threshold_set.edge_rule
    for band in sorted(threshold_set.bands, key=lambda b: b.rank):
        lower = None if band.lower is None else Fraction(band.lower)
        upper = None if band.upper is None else Fraction(band.upper)
        if rule is EdgeRule.UPPER_INCLUSIVE:
            inside = (lower is None or exact > lower) and (upper is None or exact <= upper)
        else:
            inside = (lower is None or exact >= lower) and (upper is None or exact < upper)
        if inside:
            return band
    raise ValidationError("no_band", value=format_fraction(exact), threshold_set=threshold_set.name)

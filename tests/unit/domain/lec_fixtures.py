"""Standard LEC scales (tables D.1–D.3) and the standard 5-band table D.4, built in code for tests.

Deliberately independent of ``hazard_desktop/reference_data/*.json``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from hazard_desktop.domain.lec import Band, EdgeRule, Factor, LecScales, ScaleValue, ThresholdSet

L_VALUES = ("10", "6", "3", "1", "0.5", "0.2", "0.1")
E_VALUES = ("10", "6", "3", "2", "1", "0.5")
C_VALUES = ("100", "40", "15", "7", "3", "1")

LIMITS = (20, 70, 160, 320)
"""Band limits of table D.4, low to high."""

# code, rank, zh, en, action_zh, action_en, colour, lower, upper
BAND_ROWS = (
    ("extreme", 1, "极其危险", "Extremely dangerous", "不能继续作业", "Stop work", "#C00000", "320", None),
    ("high", 2, "高度危险", "Highly dangerous", "要立即整改", "Correct immediately", "#FF6600", "160", "320"),
    ("significant", 3, "显著危险", "Significantly dangerous", "需要整改", "Needs correction", "#FFC000", "70", "160"),
    ("general", 4, "一般危险", "Generally dangerous", "需要注意", "Pay attention", "#0070C0", "20", "70"),
    ("slight", 5, "稍有危险", "Slightly dangerous", "可以接受", "Acceptable", "#00B050", None, "20"),
)
CODE_EXTREME, CODE_HIGH, CODE_SIGNIFICANT, CODE_GENERAL, CODE_SLIGHT = (row[0] for row in BAND_ROWS)

T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def standard_scales() -> LecScales:
    """Tables D.1 (7 L values), D.2 (6 E values), D.3 (6 C values)."""
    values: list[ScaleValue] = []
    for factor, texts in ((Factor.L, L_VALUES), (Factor.E, E_VALUES), (Factor.C, C_VALUES)):
        values.extend(ScaleValue(factor, Decimal(t), f"{factor}={t}", f"{factor}={t}") for t in texts)
    return LecScales(tuple(values))


def _limit(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def standard_bands() -> tuple[Band, ...]:
    """The five bands of table D.4, most dangerous first."""
    return tuple(
        Band(code, rank, zh, en, action_zh, action_en, colour, _limit(lower), _limit(upper))
        for code, rank, zh, en, action_zh, action_en, colour, lower, upper in BAND_ROWS
    )


def threshold_set(
    edge_rule: EdgeRule = EdgeRule.UPPER_INCLUSIVE,
    *,
    name: str = "D.4 标准",
    effective_from: date = date(2020, 1, 1),
    created_at: datetime = T0,
    bands: tuple[Band, ...] | None = None,
    set_id: uuid.UUID | None = None,
) -> ThresholdSet:
    """A threshold set with the standard bands (or ``bands``)."""
    return ThresholdSet(
        id=set_id or uuid.uuid4(),
        name=name,
        effective_from=effective_from,
        edge_rule=edge_rule,
        bands=standard_bands() if bands is None else bands,
        created_at=created_at,
        updated_at=created_at,
    )


def no_criterion_matched(at: datetime = T0, *, basis: str = "check", by: str = "王组长"):
    """A §5.1 check that found no criterion (rule §5: a LEC grading rests on one), made at ``at``."""
    from hazard_desktop.domain.grading import CheckBasis, CriteriaVersion, record_check

    version = CriteriaVersion("3f2a9c1b" + "0" * 56, 26, datetime(2026, 1, 1, 0, 0, tzinfo=UTC))
    return record_check(CheckBasis(basis), version, at, by)

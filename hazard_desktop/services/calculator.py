"""The ``hazard-desktop lec`` calculator: D = L × E × C for one scorer or a panel, without storage.

Standard library only. Scales and the threshold set are passed in by the caller (the command line
reads them from the database or the seed files).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.lec import (
    APPROX,
    DISPLAY_PLACES,
    Band,
    EdgeRule,
    Factor,
    LecScales,
    ThresholdSet,
    approx_text,
    band_for_value,
    exact_mean,
    format_decimal,
    lec_score,
    mean_to_decimal,
)


@dataclass(frozen=True, slots=True)
class CalcResult:
    """One scorer's L, E, C, their exact D and its band."""

    likelihood: Decimal
    exposure: Decimal
    consequence: Decimal
    d: Decimal
    band: Band
    threshold_set_id: uuid.UUID
    threshold_set_name: str
    edge_rule: EdgeRule


@dataclass(frozen=True, slots=True)
class PanelCalcResult:
    """A panel's members, Σ D, the exact mean Σ D ÷ n and the band of the mean."""

    members: tuple[CalcResult, ...]
    total: Decimal
    mean: Decimal
    mean_exact: Fraction
    band: Band
    spread_bands: bool  # members' D fall into different bands: flag for review
    threshold_set_id: uuid.UUID
    threshold_set_name: str
    edge_rule: EdgeRule


def single(scales: LecScales, threshold_set: ThresholdSet, l: object, e: object, c: object) -> CalcResult:  # noqa: E741
    """D = L × E × C for one scorer, banded by ``threshold_set``.

    Raises:
        ValidationError: ``off_scale`` / ``not_a_number`` (field ``L``, ``E`` or ``C``), ``no_band``.
    """
    likelihood = scales.check(Factor.L, l)
    exposure = scales.check(Factor.E, e)
    consequence = scales.check(Factor.C, c)
    d = lec_score(likelihood, exposure, consequence)
    return CalcResult(
        likelihood=likelihood,
        exposure=exposure,
        consequence=consequence,
        d=d,
        band=band_for_value(threshold_set, d),
        threshold_set_id=threshold_set.id,
        threshold_set_name=threshold_set.name,
        edge_rule=threshold_set.edge_rule,
    )


_SEPARATORS = re.compile(r"\s*[,，]\s*")


def parse_triple(text: str, index: int = 1) -> tuple[str, str, str]:
    """Split ``"L,E,C"`` (ASCII or full-width commas, spaces allowed) into three texts.

    Raises:
        ValidationError: ``triple_invalid`` (field ``triple``; params ``index``, ``value``).
    """
    parts = _SEPARATORS.split(text.strip())
    if len(parts) != 3 or any(not p for p in parts):
        raise ValidationError("triple_invalid", field="triple", index=index, value=text)
    return parts[0], parts[1], parts[2]


def panel(scales: LecScales, threshold_set: ThresholdSet, triples: Sequence[str]) -> PanelCalcResult:
    """§5.2 / §7: each member's D and the panel value Σ D ÷ n (odd n), banded exactly.

    Raises:
        ValidationError: ``panel_empty``, ``panel_even`` (param ``count``), ``triple_invalid``,
            ``off_scale`` / ``not_a_number`` (param ``index``: 1-based member number), ``no_band``.
    """
    if not triples:
        raise ValidationError("panel_empty", field="panel", count=0)
    if len(triples) % 2 == 0:
        raise ValidationError("panel_even", field="panel", count=len(triples))
    members: list[CalcResult] = []
    for index, text in enumerate(triples, start=1):
        l, e, c = parse_triple(text, index)  # noqa: E741
        try:
            members.append(single(scales, threshold_set, l, e, c))
        except ValidationError as err:
            raise ValidationError(err.code, field=err.field, index=index, **err.params) from None
    ds = [m.d for m in members]
    exact = exact_mean(ds)
    return PanelCalcResult(
        members=tuple(members),
        total=sum(ds, Decimal(0)),
        mean=mean_to_decimal(exact),
        mean_exact=exact,
        band=band_for_value(threshold_set, exact),
        spread_bands=len({m.band.code for m in members}) > 1,
        threshold_set_id=threshold_set.id,
        threshold_set_name=threshold_set.name,
        edge_rule=threshold_set.edge_rule,
    )


def _band_json(band: Band) -> dict[str, Any]:
    return {
        "code": band.code,
        "rank": band.rank,
        "name_zh": band.name_zh,
        "name_en": band.name_en,
        "action_zh": band.action_zh,
        "action_en": band.action_en,
        "colour": band.colour,
    }


def _member_json(result: CalcResult) -> dict[str, Any]:
    return {
        "L": format_decimal(result.likelihood),
        "E": format_decimal(result.exposure),
        "C": format_decimal(result.consequence),
        "D": format_decimal(result.d),
        "band": _band_json(result.band),
    }


def to_json(result: CalcResult | PanelCalcResult, places: int = DISPLAY_PLACES) -> dict[str, Any]:
    """A JSON-ready dict; numbers are exact decimal strings ("30", "0.05"), the mean also as a fraction."""
    threshold = {
        "id": str(result.threshold_set_id),
        "name": result.threshold_set_name,
        "edge_rule": result.edge_rule.value,
    }
    if isinstance(result, CalcResult):
        return {"kind": "single", **_member_json(result), "threshold_set": threshold}
    return {
        "kind": "panel",
        "members": [_member_json(m) for m in result.members],
        "count": len(result.members),
        "sum": format_decimal(result.total),
        "mean": format_decimal(result.mean),
        "mean_fraction": f"{result.mean_exact.numerator}/{result.mean_exact.denominator}",
        "mean_display": approx_text(result.mean_exact, places),
        "band": _band_json(result.band),
        "spread_bands": result.spread_bands,
        "threshold_set": threshold,
    }


_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "band": "危险等级",
        "action": "措施",
        "member": "成员",
        "sum": "ΣD",
        "mean": "隐患值 ΣD÷n",
        "set": "界限值",
        "spread": "注意：成员的 D 分属不同等级，建议复核",
        "upper_inclusive": "上限归本级",
        "lower_inclusive": "下限归本级",
    },
    "en": {
        "band": "Danger band",
        "action": "Action",
        "member": "Member",
        "sum": "ΣD",
        "mean": "Hazard value ΣD÷n",
        "set": "Thresholds",
        "spread": "Note: the members' D fall into different bands; review advised",
        "upper_inclusive": "upper limit inclusive",
        "lower_inclusive": "lower limit inclusive",
    },
}


def _band_text(band: Band, lang: str) -> str:
    """The band in the reader's language: its name (the code, an English identifier, only in English)."""
    return band.name_zh if lang == "zh" else f"{band.code} {band.name_en}"


def _triple_text(result: CalcResult) -> str:
    return (
        f"L={format_decimal(result.likelihood)} E={format_decimal(result.exposure)} "
        f"C={format_decimal(result.consequence)} D={format_decimal(result.d)}"
    )


def to_text(result: CalcResult | PanelCalcResult, lang: str = "zh", places: int = DISPLAY_PLACES) -> str:
    """Plain text for the terminal: D (each member's and the mean for panels), band code, name, action.

    Raises:
        ValidationError: ``lang_unknown`` (only "zh" and "en").
    """
    if lang not in _LABELS:
        raise ValidationError("lang_unknown", field="lang", value=lang)
    t = _LABELS[lang]
    lines: list[str] = []
    if isinstance(result, CalcResult):
        lines.append(_triple_text(result))
    else:
        n = len(result.members)
        for index, member in enumerate(result.members, start=1):
            lines.append(f"{t['member']} {index}: {_triple_text(member)}  [{_band_text(member.band, lang)}]")
        exact = result.mean_exact
        shown = approx_text(exact, places).removeprefix(APPROX)
        if exact.denominator == 1 or Fraction(Decimal(shown)) == exact:
            mean = shown
        else:
            mean = f"{format_decimal(result.total)}/{n} ≈ {shown}"
        lines.append(f"{t['sum']} = {format_decimal(result.total)}  n = {n}")
        lines.append(f"{t['mean']} = {mean}")
    band = result.band
    lines.append(f"{t['band']}: {_band_text(band, lang)}")
    lines.append(f"{t['action']}: {band.action_zh if lang == 'zh' else band.action_en}")
    lines.append(f"{t['set']}: {result.threshold_set_name} ({t[result.edge_rule.value]})")
    if isinstance(result, PanelCalcResult) and result.spread_bands:
        lines.append(t["spread"])
    return "\n".join(lines)

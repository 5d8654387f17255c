"""Display texts for LEC values, bands, threshold sets and edge rules in the UI language.

Reference data (scale meanings, band names and actions) carries its own Chinese and English texts;
the choice follows :func:`hazard_desktop.ui.labels.current_language`. Fixed words go through Qt's
translator (context ``LecFormat``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from hazard_desktop.domain.lec import Band, EdgeRule, ScaleValue, ThresholdSet, format_decimal
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.ui import labels

CONTEXT = "LecFormat"

_EDGE_RULE = {
    EdgeRule.UPPER_INCLUSIVE: QT_TRANSLATE_NOOP("LecFormat", "upper limit belongs to the band (lower < D ≤ upper)"),
    EdgeRule.LOWER_INCLUSIVE: QT_TRANSLATE_NOOP("LecFormat", "lower limit belongs to the band (lower ≤ D < upper)"),
}
_EDGE_RULE_SHORT = {
    EdgeRule.UPPER_INCLUSIVE: QT_TRANSLATE_NOOP("LecFormat", "upper limit inclusive"),
    EdgeRule.LOWER_INCLUSIVE: QT_TRANSLATE_NOOP("LecFormat", "lower limit inclusive"),
}

_SET_TEXT = QT_TRANSLATE_NOOP("LecFormat", "{name} — effective from {date}")
_IN_FORCE = QT_TRANSLATE_NOOP("LecFormat", " (in force today)")

# Short department-kind names as the rule writes them (安环部, 生产部, 工会, 事业部).
_KIND_SHORT = {
    DepartmentKind.SAFETY: QT_TRANSLATE_NOOP("LecFormat", "Safety & Env."),
    DepartmentKind.PRODUCTION: QT_TRANSLATE_NOOP("LecFormat", "Production"),
    DepartmentKind.UNION: QT_TRANSLATE_NOOP("LecFormat", "Trade union"),
    DepartmentKind.BUSINESS: QT_TRANSLATE_NOOP("LecFormat", "Business division"),
    DepartmentKind.WORKSHOP: QT_TRANSLATE_NOOP("LecFormat", "Workshop"),
    DepartmentKind.OTHER: QT_TRANSLATE_NOOP("LecFormat", "Other"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def number(value: Decimal | None) -> str:
    """Shortest exact text of an L, E, C or D value ("0.5", "30"); empty for None."""
    return "" if value is None else format_decimal(value)


def meaning(value: ScaleValue) -> str:
    """The meaning of a scale row in the UI language."""
    if labels.current_language() == "zh":
        return value.meaning_zh or value.meaning_en
    return value.meaning_en or value.meaning_zh


def scale_item_text(value: ScaleValue) -> str:
    """What a score list shows: ``6 — 相当可能``."""
    return f"{number(value.value)} — {meaning(value)}"


def band_name(band: Band) -> str:
    """The band's name in the UI language (极其危险 / "Extremely dangerous")."""
    if labels.current_language() == "zh":
        return band.name_zh or band.name_en
    return band.name_en or band.name_zh


def band_action(band: Band) -> str:
    """The action the band requires, in the UI language (要立即整改 / "Rectify immediately")."""
    if labels.current_language() == "zh":
        return band.action_zh or band.action_en
    return band.action_en or band.action_zh


def stored_band_name(name_zh: str | None, name_en: str | None) -> str:
    """A band name copied into a stored grading, in the UI language."""
    if labels.current_language() == "zh":
        return name_zh or name_en or ""
    return name_en or name_zh or ""


def edge_rule_text(rule: EdgeRule, *, short: bool = False) -> str:
    """Which band owns a D exactly on a limit, in words."""
    return _tr((_EDGE_RULE_SHORT if short else _EDGE_RULE)[rule])


def band_range(band: Band, rule: EdgeRule) -> str:
    """The band's D range under ``rule``: ``D > 320``, ``160 < D ≤ 320``, ``D ≤ 20``."""
    low_op, high_op = ("<", "≤") if rule is EdgeRule.UPPER_INCLUSIVE else ("≤", "<")
    if band.lower is None and band.upper is None:
        return "D"
    if band.lower is None:
        return f"D {high_op} {number(band.upper)}"
    if band.upper is None:
        return f"D {'>' if low_op == '<' else '≥'} {number(band.lower)}"
    return f"{number(band.lower)} {low_op} D {high_op} {number(band.upper)}"


def threshold_set_text(threshold_set: ThresholdSet, in_force: bool = False) -> str:
    """A combo entry: ``GB 标准五级 (2020) — 自 2020-01-01 起（今日在用）``."""
    text = _tr(_SET_TEXT).format(name=threshold_set.name, date=threshold_set.effective_from.isoformat())
    if in_force:
        text += _tr(_IN_FORCE)
    return text


def department_kind_short(kind: DepartmentKind) -> str:
    """Short name of a department kind."""
    return _tr(_KIND_SHORT[kind])


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` ("#RRGGBB")."""
    colour = QColor(background)
    if not colour.isValid():
        return "#000000"
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#000000" if luminance > 150 else "#ffffff"


def today() -> date:
    """The local date (the day gradings are made on)."""
    return date.today()

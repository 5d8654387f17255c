"""Translated labels of the domain's enums and the language-dependent names of reference data.

Enum values are stable codes; their text lives here (context ``Labels``) so every screen shows the same
words. Reference data (categories) carries its own Chinese and English names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from hazard_desktop.domain.grading_states import DisputeState, GradingMethod, PanelRole
from hazard_desktop.domain.hazard_states import HazardGrade, HazardStatus
from hazard_desktop.domain.lec import ThresholdSet, band_edges
from hazard_desktop.domain.reference import Category, DepartmentKind, Role, Subcategory

CONTEXT = "Labels"

_STATUS: dict[HazardStatus, str] = {
    # Short in English: the register's status column has 100 px at 1366×768 and 150 % (main_window.LABEL_CAPS;
    # trial 157 cut "Awaiting gradi…"), and every label here shows whole in it.
    HazardStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "To be graded"),
    HazardStatus.GRADED: QT_TRANSLATE_NOOP("Labels", "Graded"),
    HazardStatus.RECTIFYING: QT_TRANSLATE_NOOP("Labels", "Rectifying"),
    HazardStatus.VERIFYING: QT_TRANSLATE_NOOP("Labels", "To be accepted"),
    HazardStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed out"),
}

_GRADE: dict[HazardGrade, str] = {
    HazardGrade.UNGRADED: QT_TRANSLATE_NOOP("Labels", "Ungraded"),
    HazardGrade.GENERAL: QT_TRANSLATE_NOOP("Labels", "General hazard"),
    HazardGrade.MAJOR: QT_TRANSLATE_NOOP("Labels", "Major hazard"),
}

_DEPARTMENT_KIND: dict[DepartmentKind, str] = {
    DepartmentKind.SAFETY: QT_TRANSLATE_NOOP("Labels", "Safety and environment"),
    DepartmentKind.PRODUCTION: QT_TRANSLATE_NOOP("Labels", "Production"),
    DepartmentKind.UNION: QT_TRANSLATE_NOOP("Labels", "Trade union"),
    DepartmentKind.BUSINESS: QT_TRANSLATE_NOOP("Labels", "Business division"),
    DepartmentKind.WORKSHOP: QT_TRANSLATE_NOOP("Labels", "Workshop / production unit"),
    DepartmentKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}

_ROLE: dict[Role, str] = {
    Role.INSPECTOR: QT_TRANSLATE_NOOP("Labels", "Inspector"),
    Role.PANEL_MEMBER: QT_TRANSLATE_NOOP("Labels", "Grading panel member"),
    Role.PANEL_LEADER: QT_TRANSLATE_NOOP("Labels", "Grading panel leader"),
    Role.DISPUTE_LEADER: QT_TRANSLATE_NOOP("Labels", "Dispute panel leader"),
    Role.DISPUTE_DEPUTY: QT_TRANSLATE_NOOP("Labels", "Dispute panel deputy leader"),
    Role.SAFETY_OFFICER: QT_TRANSLATE_NOOP("Labels", "Safety officer"),
}


_METHOD: dict[GradingMethod, str] = {
    GradingMethod.CRITERIA: QT_TRANSLATE_NOOP("Labels", "Major-hazard criteria"),
    GradingMethod.LEC_PANEL: QT_TRANSLATE_NOOP("Labels", "LEC panel"),
    GradingMethod.PANEL_DECISION: QT_TRANSLATE_NOOP("Labels", "Panel decision"),
}

_DISPUTE: dict[DisputeState, str] = {
    DisputeState.OPEN: QT_TRANSLATE_NOOP("Labels", "Disputed"),
    DisputeState.RULED: QT_TRANSLATE_NOOP("Labels", "Ruled"),
    DisputeState.WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
}

_DISPUTE_HELP: dict[DisputeState, str] = {
    DisputeState.OPEN: QT_TRANSLATE_NOOP(
        "Labels", "A department disputes the grading; the dispute panel has not ruled yet"
    ),
    DisputeState.RULED: QT_TRANSLATE_NOOP("Labels", "The dispute panel ruled; its grading is final"),
    DisputeState.WITHDRAWN: QT_TRANSLATE_NOOP(
        "Labels", "The department withdrew its dispute; the panel's grading stands"
    ),
}

_PANEL_ROLE: dict[PanelRole, str] = {
    PanelRole.LEADER: QT_TRANSLATE_NOOP("Labels", "Leader"),
    PanelRole.DEPUTY: QT_TRANSLATE_NOOP("Labels", "Deputy"),
    PanelRole.MEMBER: QT_TRANSLATE_NOOP("Labels", "Member"),
}

DISPUTE_COLOURS: dict[DisputeState, str] = {
    DisputeState.OPEN: "#e65100",  # orange: needs the dispute panel
    DisputeState.RULED: "#6a1b9a",  # purple: settled by the ruling
    DisputeState.WITHDRAWN: "#757575",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: HazardStatus) -> str:
    """E.g. 待定级 / "To be graded"."""
    return _tr(_STATUS[status])


def grade_label(grade: HazardGrade) -> str:
    """E.g. 重大隐患 / "Major hazard"."""
    return _tr(_GRADE[grade])


def department_kind_label(kind: DepartmentKind) -> str:
    """E.g. 安环部 / "Safety and environment"."""
    return _tr(_DEPARTMENT_KIND[kind])


def role_label(role: Role) -> str:
    """E.g. 定级小组组长 / "Grading panel leader"."""
    return _tr(_ROLE[role])


def method_label(method: GradingMethod | str | None) -> str:
    """E.g. 重大隐患判定标准 / "LEC panel"; empty for None or an unknown code."""
    try:
        return _tr(_METHOD[GradingMethod(method)]) if method else ""
    except ValueError:
        return str(method)


def dispute_label(state: DisputeState | str | None) -> str:
    """E.g. 争议中 / "Disputed"; empty for None (never disputed)."""
    try:
        return _tr(_DISPUTE[DisputeState(state)]) if state else ""
    except ValueError:
        return str(state)


def dispute_help(state: DisputeState | str | None) -> str:
    """A sentence saying what a dispute state means; empty for None."""
    try:
        return _tr(_DISPUTE_HELP[DisputeState(state)]) if state else ""
    except ValueError:
        return ""


def panel_role_label(role: PanelRole) -> str:
    """组长 / 副组长 / 组员 ("Leader", "Deputy leader", "Member")."""
    return _tr(_PANEL_ROLE[PanelRole(role)])


def methods() -> list[tuple[GradingMethod, str]]:
    """Every grading method with its label."""
    return [(m, method_label(m)) for m in GradingMethod]


def dispute_states() -> list[tuple[DisputeState, str]]:
    """Every dispute state with its label."""
    return [(s, dispute_label(s)) for s in DisputeState]


def statuses() -> list[tuple[HazardStatus, str]]:
    """Every status with its label, in life-cycle order."""
    return [(s, status_label(s)) for s in HazardStatus]


def grades() -> list[tuple[HazardGrade, str]]:
    """Every grade with its label."""
    return [(g, grade_label(g)) for g in HazardGrade]


def current_language() -> str:
    """``"zh"`` when the UI runs in Chinese (the default locale set at start-up), else ``"en"``."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def category_name(category: Category | Subcategory, language: str | None = None) -> str:
    """The name of a category or subcategory in ``language`` (default: the current UI language)."""
    chosen = language or current_language()
    if chosen == "zh":
        return category.name_zh or category.name_en
    return category.name_en or category.name_zh


def category_label(category: Category | Subcategory, language: str | None = None) -> str:
    """Code and name, as lists show them: ``4.6 设备/设施/工器具``."""
    return f"{category.code} {category_name(category, language)}"


def category_names(categories: list[Category] | tuple[Category, ...], language: str | None = None) -> dict[str, str]:
    """Map every category and subcategory code to its name in ``language``."""
    language = language or current_language()  # once: QLocale() costs ~0.1 ms a call
    names: dict[str, str] = {}
    for category in categories:
        names[category.code] = category_name(category, language)
        for sub in category.subcategories:
            names[sub.code] = category_name(sub, language)
    return names


def localized(zh: str | None, en: str | None, language: str | None = None) -> str:
    """Pick the Chinese or English text of reference data, falling back to the other one."""
    if (language or current_language()) == "zh":
        return zh or en or ""
    return en or zh or ""


@dataclass(frozen=True, slots=True)
class BandLabel:
    """How a danger band (table D.4) is shown: its stable code, rank (1 = most dangerous), name, colour, action."""

    code: str
    rank: int
    name: str
    colour: str  # "#RRGGBB"
    action: str
    # the band limits of every stored set that has this code: a rounded mean shown beside the band must
    # not land on or cross one of them (see domain.lec.approx_text)
    edges: tuple[Decimal, ...] = ()


def band_labels(threshold_sets: Iterable[ThresholdSet], language: str | None = None) -> dict[str, BandLabel]:
    """Band code → label, from the stored threshold sets; the newest set names a code shared by several.

    Band codes are stable across versions of table D.4; names and colours come from the database.
    Ordered by rank (most dangerous first).
    """
    chosen: dict[str, BandLabel] = {}
    edges: dict[str, set[Decimal]] = {}
    for threshold_set in sorted(threshold_sets, key=lambda s: (s.effective_from, s.created_at)):
        limits = band_edges(threshold_set)
        for band in threshold_set.bands:
            edges.setdefault(band.code, set()).update(limits)
            chosen[band.code] = BandLabel(
                code=band.code,
                rank=band.rank,
                name=localized(band.name_zh, band.name_en, language) or band.code,
                colour=band.colour,
                action=localized(band.action_zh, band.action_en, language),
                edges=tuple(sorted(edges[band.code])),
            )
    return dict(sorted(chosen.items(), key=lambda item: (item[1].rank, item[0])))


def mnemonic_safe(text: str) -> str:
    """``text`` for a widget that reads "&" as a shortcut marker (buttons, check boxes, group boxes, menus).

    Names from data and labels such as "Safety & Env." would otherwise lose the "&" and underline the
    next letter; doubled, Qt shows one "&".
    """
    return text.replace("&", "&&")

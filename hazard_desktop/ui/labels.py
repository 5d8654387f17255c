"""Translated labels of the domain's enums and the language-dependent names of reference data.

Enum values are stable codes; their text lives here (context ``Labels``) so every screen shows the same
words. Reference data (categories) carries its own Chinese and English names.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reference import Category, DepartmentKind, Role, Subcategory

CONTEXT = "Labels"

_STATUS: dict[HazardStatus, str] = {
    HazardStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Awaiting grading"),
    HazardStatus.GRADED: QT_TRANSLATE_NOOP("Labels", "Graded"),
    HazardStatus.RECTIFYING: QT_TRANSLATE_NOOP("Labels", "Under rectification"),
    HazardStatus.VERIFYING: QT_TRANSLATE_NOOP("Labels", "Awaiting acceptance"),
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


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: HazardStatus) -> str:
    """E.g. 待定级 / "Awaiting grading"."""
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

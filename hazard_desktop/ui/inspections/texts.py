"""Translated labels of the inspection screens (context ``InspectionTexts``).

The error sentences of the inspection use cases are in ``ui/inspection_messages.py`` (reached through
``messages.error_text(exc, "inspection")``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from hazard_desktop.domain.inspections import AnswerResult, InspectionState, TemplateOrigin
from hazard_desktop.domain.reference import Category, Subcategory
from hazard_desktop.ui import messages

CONTEXT = "InspectionTexts"

_RESULT = {
    AnswerResult.PASS: QT_TRANSLATE_NOOP("InspectionTexts", "Pass"),
    AnswerResult.FAIL: QT_TRANSLATE_NOOP("InspectionTexts", "Fail"),
    AnswerResult.NA: QT_TRANSLATE_NOOP("InspectionTexts", "Not applicable"),
}
_STATE = {
    InspectionState.DRAFT: QT_TRANSLATE_NOOP("InspectionTexts", "Draft"),
    InspectionState.FINALIZED: QT_TRANSLATE_NOOP("InspectionTexts", "Finalized"),
}
_ORIGIN = {
    TemplateOrigin.LOCAL: QT_TRANSLATE_NOOP("InspectionTexts", "Made here"),
    TemplateOrigin.SEED: QT_TRANSLATE_NOOP("InspectionTexts", "Shipped"),
    TemplateOrigin.IMPORT: QT_TRANSLATE_NOOP("InspectionTexts", "Imported"),
}


def tr(text: str) -> str:
    """Translate a source string of this context."""
    return QCoreApplication.translate(CONTEXT, text)


def result_label(result: AnswerResult | None) -> str:
    """合格 / 不合格 / 不适用 (empty for no result)."""
    return "" if result is None else tr(_RESULT[result])


def state_label(state: InspectionState) -> str:
    """草稿 / 已定稿."""
    return tr(_STATE[state])


def origin_label(origin: TemplateOrigin) -> str:
    """Where a template version came from."""
    return tr(_ORIGIN[origin])


def chinese() -> bool:
    """True when the UI runs in Chinese (the default locale set at start-up)."""
    return QLocale().language() == QLocale.Language.Chinese


def category_text(categories: Sequence[Category], code: str, sub_code: str | None, *, short: bool = False) -> str:
    """``4.6 设备/设施/工器具 / 4.6.1 特种设备`` in the UI language (``short``: only the subcategory, if any)."""
    category = next((c for c in categories if c.code == code), None)
    if category is None:
        return code
    zh = chinese()

    def name(entry: Category | Subcategory) -> str:
        return (entry.name_zh or entry.name_en) if zh else (entry.name_en or entry.name_zh)

    text = f"{category.code} {name(category)}"
    sub = category.subcategory(sub_code) if sub_code else None
    if sub is None:
        return text
    return f"{sub.code} {name(sub)}" if short else f"{text} / {sub.code} {name(sub)}"


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A non-blocking warning box with the inspection sentence for ``exc``."""
    if not messages.is_user_error(exc):
        return messages.show_error(parent, exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("InspectionTexts", "Cannot do that"),
        messages.error_text(exc, "inspection"),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box

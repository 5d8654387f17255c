"""Error sentences of the inspection use cases (context ``InspectionTexts``).

Reached through ``messages.error_text(exc, "inspection")``; codes not listed here fall back to the general
sentences of ``ui/messages.py``.
"""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "InspectionTexts"

_TEXTS: dict[str, tuple[str, ...]] = {
    "template_name_empty": (QT_TRANSLATE_NOOP("InspectionTexts", "Please give the checklist a name."),),
    "template_name_too_long": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The checklist's name is too long (at most {max} characters)."),
    ),
    "template_code_too_long": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The checklist's code is too long (at most {max} characters)."),
    ),
    "template_description_too_long": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The description is too long (at most {max} characters)."),
    ),
    "template_no_items": (QT_TRANSLATE_NOOP("InspectionTexts", "A checklist needs at least one item."),),
    "section_title_empty": (QT_TRANSLATE_NOOP("InspectionTexts", "Section {section} has no title."),),
    "section_title_too_long": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The title of section {section} is too long (at most {max} characters)."),
    ),
    "item_text_empty": (QT_TRANSLATE_NOOP("InspectionTexts", "Item {item} of section {section} has no text."),),
    "item_text_too_long": (
        QT_TRANSLATE_NOOP(
            "InspectionTexts", "The text of item {item} of section {section} is too long (at most {max} characters)."
        ),
    ),
    "item_guidance_too_long": (
        QT_TRANSLATE_NOOP(
            "InspectionTexts",
            "The guidance of item {item} of section {section} is too long (at most {max} characters).",
        ),
    ),
    "item_category_empty": (
        QT_TRANSLATE_NOOP("InspectionTexts", "Item {item} of section {section} has no hazard category."),
    ),
    "criterion_code_too_long": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The criterion code of item {item} is too long."),
    ),
    "criterion_unknown": (
        QT_TRANSLATE_NOOP("InspectionTexts", "“{value}” in “{template}” is not a major-hazard criterion code."),
        QT_TRANSLATE_NOOP("InspectionTexts", "“{value}” is not a major-hazard criterion code."),
    ),
    "category_unknown": (
        QT_TRANSLATE_NOOP("InspectionTexts", "“{value}” in “{template}” is not a hazard category of the rule."),
        QT_TRANSLATE_NOOP("InspectionTexts", "“{value}” is not a hazard category of the rule."),
    ),
    "subcategory_unknown": (
        QT_TRANSLATE_NOOP("InspectionTexts", "“{value}” in “{template}” is not a subcategory of its category."),
        QT_TRANSLATE_NOOP("InspectionTexts", "“{value}” is not a subcategory of the chosen category."),
    ),
    "template_unknown": (QT_TRANSLATE_NOOP("InspectionTexts", "The checklist no longer exists."),),
    "template_not_latest": (
        QT_TRANSLATE_NOOP(
            "InspectionTexts", "Version {version} is not the newest (version {latest}); edit the newest version."
        ),
    ),
    "template_retired": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The checklist “{name}” is withdrawn; bring it back first."),
        QT_TRANSLATE_NOOP("InspectionTexts", "The checklist is withdrawn."),
    ),
    "template_published": (QT_TRANSLATE_NOOP("InspectionTexts", "This version is in use and can no longer change."),),
    "area_empty": (QT_TRANSLATE_NOOP("InspectionTexts", "Please enter the inspected area."),),
    "area_too_long": (QT_TRANSLATE_NOOP("InspectionTexts", "The area is too long (at most {max} characters)."),),
    "inspectors_empty": (QT_TRANSLATE_NOOP("InspectionTexts", "Please choose who inspects."),),
    "inspectors_too_many": (QT_TRANSLATE_NOOP("InspectionTexts", "At most {max} inspectors."),),
    "inspectors_duplicate": (QT_TRANSLATE_NOOP("InspectionTexts", "An inspector is chosen twice."),),
    "inspected_on_future": (QT_TRANSLATE_NOOP("InspectionTexts", "The inspection date lies in the future."),),
    "inspection_note_too_long": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The remarks are too long (at most {max} characters)."),
    ),
    "note_too_long": (QT_TRANSLATE_NOOP("InspectionTexts", "The note is too long (at most {max} characters)."),),
    "inspection_unknown": (QT_TRANSLATE_NOOP("InspectionTexts", "The inspection no longer exists."),),
    "item_unknown": (QT_TRANSLATE_NOOP("InspectionTexts", "The item is not part of this checklist."),),
    "inspection_finalized": (
        QT_TRANSLATE_NOOP("InspectionTexts", "Inspection {number} is finalized and can no longer change."),
        QT_TRANSLATE_NOOP("InspectionTexts", "The inspection is finalized and can no longer change."),
    ),
    "inspection_incomplete": (
        QT_TRANSLATE_NOOP("InspectionTexts", "{count} item(s) have no result yet (the first is item {first})."),
    ),
    "failure_undocumented": (
        QT_TRANSLATE_NOOP(
            "InspectionTexts", "{count} failed item(s) need a note or a photo (the first is item {first})."
        ),
    ),
    "answer_hazard_raised": (
        QT_TRANSLATE_NOOP("InspectionTexts", "This item already raised a hazard; its result stays “Fail”."),
    ),
    "answer_not_failed": (QT_TRANSLATE_NOOP("InspectionTexts", "Only a failed item raises a hazard."),),
    "inspection_has_hazards": (
        QT_TRANSLATE_NOOP(
            "InspectionTexts", "Inspection {number} already raised hazards; it can be finalized but not deleted."
        ),
    ),
    "photos_too_many": (QT_TRANSLATE_NOOP("InspectionTexts", "An item can have at most {max} photos."),),
    "exchange_invalid": (
        QT_TRANSLATE_NOOP("InspectionTexts", "The file is not a valid checklist file ({detail})."),
        QT_TRANSLATE_NOOP("InspectionTexts", "The file is not a valid checklist file."),
    ),
    "exchange_not_templates": (QT_TRANSLATE_NOOP("InspectionTexts", "The file holds no checklists."),),
    "exchange_format_newer": (
        QT_TRANSLATE_NOOP(
            "InspectionTexts",
            "The file was written by a newer version of this program (format {version}); please update.",
        ),
    ),
    "exchange_too_large": (QT_TRANSLATE_NOOP("InspectionTexts", "The file is too large (at most {max_mb} MB)."),),
}


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def has_text(code: str) -> bool:
    """True if ``code`` has a sentence here."""
    return code in _TEXTS


def area_text(exc: BaseException, names: object = None) -> str | None:
    """The sentence for a user error of the inspection use cases, or None if its code has none here."""
    code = getattr(exc, "code", None)
    params: dict[str, Any] = dict(getattr(exc, "params", {}) or {})
    for template in _TEXTS.get(code, ()) if isinstance(code, str) else ():
        if _names(template) <= params.keys():
            values = {key: str(value) for key, value in params.items()}
            try:
                return QCoreApplication.translate(CONTEXT, template).format_map(values)
            except (KeyError, ValueError, IndexError):
                return template.format_map(values)
    return None

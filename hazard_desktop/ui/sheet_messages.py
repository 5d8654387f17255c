"""Error sentences met while printing or verifying sheets (context ``SheetMessages``).

Reached through ``messages.error_text(exc, "sheet")``; codes not listed here fall back to the general
sentences of ``ui/messages.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "SheetMessages"

_TEXTS: dict[str, str] = {
    "grading_none": QT_TRANSLATE_NOOP(
        "SheetMessages", "The hazard has no confirmed grading yet: there is no sheet to print."
    ),
    "grading_not_confirmed": QT_TRANSLATE_NOOP(
        "SheetMessages", "A draft grading has no sheet: the panel leader confirms it first."
    ),
    "grading_unknown": QT_TRANSLATE_NOOP("SheetMessages", "The grading no longer exists."),
    "meeting_unknown": QT_TRANSLATE_NOOP("SheetMessages", "The meeting no longer exists."),
    "dispute_unknown": QT_TRANSLATE_NOOP("SheetMessages", "The dispute no longer exists."),
    "dispute_not_ruled": QT_TRANSLATE_NOOP("SheetMessages", "The dispute has not been ruled on yet."),
    "sheet_document_empty": QT_TRANSLATE_NOOP("SheetMessages", "The meeting has no confirmed gradings to print."),
    "sheet_copies_changed": QT_TRANSLATE_NOOP(
        "SheetMessages", "Sheet {sheet_no} was printed by someone else meanwhile. Please print again."
    ),
    "verify_code_invalid": QT_TRANSLATE_NOOP(
        "SheetMessages", "That is not a verification code: it has 12 letters and digits, like 7K3M-Q9XA-2B4C."
    ),
    "verify_qr_invalid": QT_TRANSLATE_NOOP("SheetMessages", "The scanned QR code is not a sheet code of this program."),
    "form_notice_unassigned": QT_TRANSLATE_NOOP(
        "SheetMessages",
        "Hazard {number} has no rectification assignment yet: the notice is printed once it is assigned.",
    ),
    "form_acceptance_not_due": QT_TRANSLATE_NOOP(
        "SheetMessages",
        "Hazard {number} has not been submitted for acceptance: the acceptance form is printed from then on.",
    ),
    "form_not_major": QT_TRANSLATE_NOOP("SheetMessages", "Hazard {number} is not a major hazard: it has no {form}."),
    "form_plan_missing": QT_TRANSLATE_NOOP(
        "SheetMessages", "Hazard {number} has no treatment plan yet: the {form} is printed once the plan is saved."
    ),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``SheetMessages`` context."""
    return QCoreApplication.translate(CONTEXT, text)


def has_text(code: str) -> bool:
    """True if ``code`` has a sentence here."""
    return code in _TEXTS


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error met while printing or verifying sheets, or None."""
    code = getattr(exc, "code", None)
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}

    class _Safe(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return ""

    return tr(template).format_map(_Safe(params))

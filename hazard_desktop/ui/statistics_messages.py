"""Error sentences met in the statistics window and its reports (context ``StatisticsMessages``).

Reached through ``messages.error_text(exc, "statistics")``; codes not listed here fall back to the
general sentences of ``ui/messages.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "StatisticsMessages"

_TEXTS: dict[str, str] = {
    "period_invalid": QT_TRANSLATE_NOOP(
        "StatisticsMessages",
        "“{value}” is not a period: write 2026Q4 for a quarter, 2026 for a year, 2026-03 for a month.",
    ),
    "period_reversed": QT_TRANSLATE_NOOP("StatisticsMessages", "The period ends ({last}) before it begins ({first})."),
    "period_too_long": QT_TRANSLATE_NOOP("StatisticsMessages", "A custom period may cover at most ten years."),
    "report_format_unknown": QT_TRANSLATE_NOOP(
        "StatisticsMessages", "A report is saved as .pdf or .xlsx, not as “{suffix}”."
    ),
    "report_folder_missing": QT_TRANSLATE_NOOP("StatisticsMessages", "The folder {folder} does not exist."),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``StatisticsMessages`` context."""
    return QCoreApplication.translate(CONTEXT, text)


def has_text(code: str) -> bool:
    """True if ``code`` has a sentence here."""
    return code in _TEXTS


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error met in the statistics window, or None."""
    code = getattr(exc, "code", None)
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}

    class _Safe(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return ""

    return tr(template).format_map(_Safe(params))

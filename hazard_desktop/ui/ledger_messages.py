"""Error sentences of the ledger export (context ``LedgerMessages``).

Reached through ``messages.error_text(exc, "ledger")``; codes not listed here fall back to the general
sentences of ``ui/messages.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "LedgerMessages"

_TEXTS: dict[str, str] = {
    "ledger_not_xlsx": QT_TRANSLATE_NOOP("LedgerMessages", "The ledger is an Excel workbook: name the file “….xlsx”."),
    "ledger_folder_missing": QT_TRANSLATE_NOOP(
        "LedgerMessages", "The folder {folder} does not exist. Choose an existing folder."
    ),
    "ledger_target_is_folder": QT_TRANSLATE_NOOP("LedgerMessages", "{path} is a folder, not a file name."),
    "ledger_folder_not_writable": QT_TRANSLATE_NOOP(
        "LedgerMessages",
        "Nothing can be written in the folder {folder} (read-only or no permission). Choose another folder.",
    ),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``LedgerMessages`` context."""
    return QCoreApplication.translate(CONTEXT, text)


def has_text(code: str) -> bool:
    """True if ``code`` has a sentence here."""
    return code in _TEXTS


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error met while exporting the ledger, or None."""
    code = getattr(exc, "code", None)
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}

    class _Safe(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return ""

    return tr(template).format_map(_Safe(params)).strip()

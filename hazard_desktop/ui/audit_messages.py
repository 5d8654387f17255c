"""Error sentences of the audit trail's window (context ``AuditMessages``; ``messages.error_text(exc, "audit")``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AuditMessages"

_TEXTS: dict[str, str] = {
    "audit_export_suffix": QT_TRANSLATE_NOOP(
        "AuditMessages", "The audit trail is exported as a .csv or .json file only. Nothing was written."
    ),
    "audit_export_folder": QT_TRANSLATE_NOOP("AuditMessages", "The folder {path} does not exist. Nothing was written."),
}


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error of the audit trail's window, or None."""
    code = getattr(exc, "code", None)
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}
    return QCoreApplication.translate(CONTEXT, template).format_map(params)

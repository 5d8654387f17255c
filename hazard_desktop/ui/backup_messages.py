"""Error sentences of backup and restore (context ``BackupMessages``).

Reached through ``messages.error_text(exc, "backup")``; codes not listed here fall back to the general
sentences of ``ui/messages.py``. Every refusal says that the register was not changed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "BackupMessages"

_TEXTS: dict[str, str] = {
    "backup_write_failed": QT_TRANSLATE_NOOP(
        "BackupMessages",
        "The backup could not be written ({detail}). Nothing was left behind; the register was not changed.",
    ),
    "backup_foreign": QT_TRANSLATE_NOOP(
        "BackupMessages", "This file is not a backup of this program. The register was not changed."
    ),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "BackupMessages",
        "The backup file is damaged or was altered ({detail}); it cannot be restored. The register was not changed.",
    ),
    "backup_unreadable": QT_TRANSLATE_NOOP(
        "BackupMessages", "The backup file cannot be read ({detail}). The register was not changed."
    ),
    "backup_format_newer": QT_TRANSLATE_NOOP(
        "BackupMessages",
        "The backup was written by a newer version of the program in a format this one cannot read. "
        "Install the newer program. The register was not changed.",
    ),
    "backup_newer": QT_TRANSLATE_NOOP(
        "BackupMessages",
        "The backup comes from a newer version of the program (schema revision {revision}; this one knows up "
        "to {head}) and cannot be restored. Install the newer program. The register was not changed.",
    ),
    "register_in_use": QT_TRANSLATE_NOOP(
        "BackupMessages",
        "Another window of the program or a command is using the register, so it cannot be restored now. "
        "Close the other program and try again. The register was not changed.",
    ),
    "restore_failed": QT_TRANSLATE_NOOP(
        "BackupMessages", "The restore failed ({detail}); the register was not changed."
    ),
    "backup_failed": QT_TRANSLATE_NOOP(
        "BackupMessages",
        "The safety copy of the current register could not be written ({detail}); the register was not changed.",
    ),
    "backup_folder_relative": QT_TRANSLATE_NOOP(
        "BackupMessages", "Give the whole path of the folder, beginning with a drive or “/”."
    ),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``BackupMessages`` context."""
    return QCoreApplication.translate(CONTEXT, text)


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error of backup or restore, or None."""
    code = getattr(exc, "code", None)
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}

    class _Safe(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return ""

    return tr(template).format_map(_Safe(params))

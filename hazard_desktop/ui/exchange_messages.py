"""Error sentences of the offline exchange (context ``ExchangeMessages``).

Reached through ``messages.error_text(exc, "exchange")``; codes not listed fall back to the general sentences
of ``ui/messages.py``. A refused file says that nothing was imported.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ExchangeMessages"

_TEXTS: dict[str, str] = {
    "short_code_invalid": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "The short code is 1 to {max} letters, digits or hyphens, e.g. “A3”."
    ),
    "role_change_refused": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The role cannot be changed: a laptop that joined a plant cannot become the office register, and an "
        "office register with laptops cannot become a laptop.",
    ),
    "not_office": QT_TRANSLATE_NOOP("ExchangeMessages", "Only the office register registers laptops."),
    "slots_exhausted": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "No number range is left for another laptop (49 laptops are registered)."
    ),
    "short_code_taken": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "This short code is already used in the plant. Choose another one."
    ),
    "numbers_exhausted": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "This laptop has used all 9,999 numbers of its range for this year."
    ),
    "number_slot_invalid": QT_TRANSLATE_NOOP("ExchangeMessages", "The number range {slot} is not valid."),
    "identity_missing": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "This computer has no exchange identity yet. Set its short code and role in Tools → Settings → Exchange first.",
    ),
    "peer_unknown": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "“{peer}” is not an installation of this plant that this computer knows."
    ),
    "peer_unknown_none": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "There is no one to send to yet: a laptop first joins its plant with the office's file; the office "
        "registers its laptops in Settings → Exchange.",
    ),
    "exchange_cancelled": QT_TRANSLATE_NOOP("ExchangeMessages", "Cancelled: nothing was written."),
    "exchange_target_missing": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "The folder does not exist (was the USB drive removed?). Nothing was written."
    ),
    "exchange_write_failed": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file could not be written ({reason}). Nothing was left behind; check that the drive "
        "is in place and has room.",
    ),
    "exchange_not_a_file": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "This is not an exchange file of this program (.hzx). Nothing was imported."
    ),
    "exchange_truncated": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file is incomplete (the copy was cut short, or the drive was removed too early). "
        "Copy it again. Nothing was imported.",
    ),
    "exchange_tampered": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file is damaged or was altered after it was written ({entry} does not match its "
        "checksum). Copy it again from the other computer. Nothing was imported.",
    ),
    "exchange_read_failed": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file could not be read ({reason}). Was the USB drive removed? Nothing was imported.",
    ),
    "join_file_used": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "This join file was already used: the office has received files from the computer that joined as "
        "{short}. Ask the office to register a new code for this computer and export a join file for it. "
        "Nothing was imported.",
    ),
    "exchange_duplicate_terminal": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The office register knows another computer as {short}: this computer joined with a join file that had "
        "already been used, so its hazard numbers may repeat that computer's. Stop recording here and ask the "
        "office to register a new code for this computer. Nothing was imported.",
    ),
    "exchange_too_large": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "The exchange file is larger than any real one can be ({limit}). Nothing was imported."
    ),
    "exchange_zip_bomb": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file would unpack to far more than it holds (a damaged or hostile file). Nothing was imported.",
    ),
    "exchange_unsafe_path": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file names a file outside its own folder ({entry}); it is refused. Nothing was imported.",
    ),
    "exchange_format_newer": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file was written by a newer version of the program (format {version}). Install the "
        "newer program here first. Nothing was imported.",
    ),
    "exchange_schema_newer": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file comes from a newer version of the program (schema {revision}; this one has {ours}). "
        "Install the newer program here first. Nothing was imported.",
    ),
    "exchange_schema_older": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file comes from an older version of the program (schema {revision}; this one has "
        "{ours}). Update the program on the other computer. Nothing was imported.",
    ),
    "foreign_plant": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "The exchange file comes from another plant ({plant}). Nothing was imported."
    ),
    "exchange_from_self": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "This exchange file was written by this computer itself. Nothing was imported."
    ),
    "exchange_not_for_us": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file is addressed to another installation ({to}). Nothing was imported.",
    ),
    "join_needs_office_file": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "To join a plant, import a file that the office register wrote for this laptop (the office registers "
        "the laptop first, then exports to it). Nothing was imported.",
    ),
    "join_not_empty": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "This computer has no exchange identity and its register already holds data, so it cannot join a plant. "
        "If it is the office register, set its short code and role in Tools → Settings → Exchange; a laptop "
        "joins with an empty data folder. Nothing was imported.",
    ),
    "exchange_same_role": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file comes from another installation with the same role: a laptop exchanges with the "
        "office register, the office with its laptops. Nothing was imported.",
    ),
    "exchange_peer_mismatch": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The file says it comes from {peer}, but this register knows {peer} as another computer: most likely a "
        "second computer joined with a copy of {peer}'s join file, so its hazard numbers may repeat {peer}'s. It is "
        "told to stop at its next import from here; register it under a new code and check forms printed there. "
        "Nothing was imported.",
    ),
    "exchange_unknown_kind": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file holds records this version of the program does not know ({kind}). Install the "
        "newer program here first. Nothing was imported.",
    ),
    "exchange_integrity": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The exchange file's records do not fit this register ({kind}: {detail}). Nothing was imported.",
    ),
    "exchange_missing_reference": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "A record of the file ({kind}) names data this register does not have ({column} = {value}): import the "
        "other computer's earlier files first, or ask the office for a file with everything. Nothing was imported.",
    ),
    "exchange_person_duplicate": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The file brings a person called {name} of {department}, and this register has a {name} there too: "
        "nothing tells the two apart. Give each of them their employee number (Tools → Settings → People) on "
        "the computer where they were entered, then export the file again. Nothing was imported.",
    ),
    "exchange_employee_no_duplicate": QT_TRANSLATE_NOOP(
        "ExchangeMessages",
        "The file brings {name} with employee number {employee_no}, which {other} already has in this register. "
        "Correct the number (Tools → Settings → People), then export the file again. Nothing was imported.",
    ),
    "conflict_not_found": QT_TRANSLATE_NOOP(
        "ExchangeMessages", "This conflict was already resolved (perhaps in another window)."
    ),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``ExchangeMessages`` context."""
    return QCoreApplication.translate(CONTEXT, text)


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error of the exchange, or None."""
    code = getattr(exc, "code", None)
    if code == "peer_unknown" and not getattr(exc, "params", {}).get("peer"):
        code = "peer_unknown_none"  # a laptop that never joined, an office without laptops
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}
    if "reason" in params and isinstance(getattr(exc, "params", {}).get("errno"), int):
        from hazard_desktop.ui import messages  # the OS's reason in the UI's language, not the OS's English

        params["reason"] = messages.os_error_text(OSError(exc.params["errno"], params["reason"]))  # type: ignore[attr-defined]
    if params.get("kind") or params.get("column"):
        from hazard_desktop.ui.exchange.common import field_name, kind_name

        params["kind"] = kind_name(params.get("kind", ""))  # 隐患 rather than "hazard"
        params["column"] = field_name(params.get("column", ""))

    class _Safe(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return ""

    return tr(template).format_map(_Safe(params))

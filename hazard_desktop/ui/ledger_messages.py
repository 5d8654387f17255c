"""Sentences of the ledger import and export (context ``LedgerMessages``): refused files, the import preview's
row problems, refused export targets.

Reached through ``messages.error_text(exc, "ledger")``; codes not listed here fall back to the general
sentences of ``ui/messages.py``. :func:`problem_text` words one problem of a previewed row.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "LedgerMessages"

_TEXTS: dict[str, str] = {
    "ledger_not_workbook": QT_TRANSLATE_NOOP(
        "LedgerMessages", "The file is not an Excel workbook (.xlsx) or it is damaged. Nothing was imported."
    ),
    "ledger_encrypted": QT_TRANSLATE_NOOP(
        "LedgerMessages",
        "The workbook is protected by a password. Remove the password in Excel or WPS, save it and import "
        "that file. Nothing was imported.",
    ),
    "ledger_xls": QT_TRANSLATE_NOOP(
        "LedgerMessages",
        "This is the old .xls format. Open it in Excel or WPS, save it as .xlsx and import that file. "
        "Nothing was imported.",
    ),
    "ledger_xlsb": QT_TRANSLATE_NOOP(
        "LedgerMessages",
        "This is the binary .xlsb format. Save it as .xlsx and import that file. Nothing was imported.",
    ),
    "ledger_too_many_rows": QT_TRANSLATE_NOOP(
        "LedgerMessages",
        "A sheet has more than {max} rows, which is no hazard ledger (perhaps a stray cell far down). "
        "Nothing was imported.",
    ),
    "ledger_too_large": QT_TRANSLATE_NOOP(
        "LedgerMessages", "The file is too large or unpacks to far too much (limit {max_mb} MB). Nothing was imported."
    ),
    "ledger_unreadable": QT_TRANSLATE_NOOP("LedgerMessages", "The file cannot be read: {detail}"),
    "ledger_empty": QT_TRANSLATE_NOOP("LedgerMessages", "The workbook has no visible sheet."),
    "ledger_no_header": QT_TRANSLATE_NOOP(
        "LedgerMessages",
        "No ledger header was found in the first 30 rows: a column such as 隐患描述 or 存在问题 is needed. "
        "Nothing was imported.",
    ),
    "ledger_mapping_no_description": QT_TRANSLATE_NOOP(
        "LedgerMessages", "Choose the column that holds the hazard description."
    ),
    "ledger_mapping_no_date": QT_TRANSLATE_NOOP("LedgerMessages", "Choose the column that holds the date found."),
    "ledger_mapping_doubled": QT_TRANSLATE_NOOP("LedgerMessages", "Two columns are set to the same field."),
    "ledger_recorder_unknown": QT_TRANSLATE_NOOP("LedgerMessages", "Choose the person who records the import."),
    "ledger_no_people": QT_TRANSLATE_NOOP(
        "LedgerMessages",
        "No people are registered yet: add them in the settings first (imported hazards need a recorder).",
    ),
    "ledger_import_cancelled": QT_TRANSLATE_NOOP("LedgerMessages", "The import was cancelled. Nothing was imported."),
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

_PROBLEMS: dict[str, str] = {
    "ledger_date_missing": QT_TRANSLATE_NOOP("LedgerMessages", "no date found"),
    "ledger_date_invalid": QT_TRANSLATE_NOOP("LedgerMessages", "date not understood: {value}"),
    "ledger_date_future": QT_TRANSLATE_NOOP("LedgerMessages", "date in the future: {value}"),
    "ledger_description_empty": QT_TRANSLATE_NOOP("LedgerMessages", "no description"),
    "ledger_department_unknown": QT_TRANSLATE_NOOP("LedgerMessages", "unknown department: {value}"),
    "ledger_department_missing": QT_TRANSLATE_NOOP("LedgerMessages", "no department (choose a default)"),
    "ledger_location_missing": QT_TRANSLATE_NOOP("LedgerMessages", "no place: the department {value} is used"),
    "ledger_category_unknown": QT_TRANSLATE_NOOP("LedgerMessages", "unknown category {value}: the default is used"),
    "ledger_finder_ambiguous": QT_TRANSLATE_NOOP(
        "LedgerMessages", "several people are called {value}: the finder is kept as the ledger's text"
    ),
    "ledger_category_unknown_refused": QT_TRANSLATE_NOOP(
        "LedgerMessages", "unknown category {value} (choose a default)"
    ),
    "ledger_category_missing": QT_TRANSLATE_NOOP("LedgerMessages", "no category (choose a default)"),
    "ledger_lec_off_scale": QT_TRANSLATE_NOOP(
        "LedgerMessages", "{factor} = {value} is off the scale ({allowed}): LEC not imported"
    ),
    "ledger_lec_incomplete": QT_TRANSLATE_NOOP("LedgerMessages", "L/E/C incomplete and no D: LEC not imported"),
    "ledger_score_invalid": QT_TRANSLATE_NOOP("LedgerMessages", "D is not a number: {value}"),
    "ledger_score_mismatch": QT_TRANSLATE_NOOP(
        "LedgerMessages", "D = {value} is not L×E×C = {computed}: the product is kept"
    ),
    "ledger_number_duplicate": QT_TRANSLATE_NOOP("LedgerMessages", "number {value} repeats row {row}"),
    "ledger_row_duplicate": QT_TRANSLATE_NOOP("LedgerMessages", "same as row {row}"),
    "ledger_cell_error": QT_TRANSLATE_NOOP("LedgerMessages", "formula error {value} in a cell"),
    "ledger_text_control": QT_TRANSLATE_NOOP("LedgerMessages", "holds control characters"),
    "ledger_text_too_long": QT_TRANSLATE_NOOP("LedgerMessages", "text longer than {max} characters"),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``LedgerMessages`` context."""
    return QCoreApplication.translate(CONTEXT, text)


class _Safe(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def has_text(code: str) -> bool:
    """True if ``code`` has a sentence here."""
    return code in _TEXTS


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error met while importing or exporting a ledger, or None."""
    code = getattr(exc, "code", None)
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {k: str(v) for k, v in getattr(exc, "params", {}).items()}
    return tr(template).format_map(_Safe(params))


def problem_text(code: str, params: Mapping[str, object]) -> str:
    """One problem of a previewed row, in words (the code itself if it has none)."""
    template = _PROBLEMS.get(code)
    if template is None:
        return code
    return tr(template).format_map(_Safe({k: str(v) for k, v in params.items()}))

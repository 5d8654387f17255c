"""Error sentences of the reference-data use cases (``services.reference_admin``; context ``SettingsErrors``).

Reached through ``messages.error_text(exc, "settings")``. Unlike the other areas, every code gets a
sentence here (unknown ones: "The change was refused (code)."), so the settings dialog never shows the
general sentences of ``ui/messages.py``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from hazard_desktop.ui import messages as ui_messages

EVERY_ERROR = True
"""Asked for every error, not only user errors (the settings pages show no general sentence)."""


def _arg(text: str, *values: object) -> str:
    """Fill Qt-style ``%1``, ``%2``, … placeholders (highest number first, so %1 never eats %10)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def field_label(field: str | None) -> str:
    """The translated name of an input field, as used in the messages."""
    labels = {
        "department_code": QCoreApplication.translate("SettingsErrors", "Department code"),
        "department_name": QCoreApplication.translate("SettingsErrors", "Department name"),
        "person_name": QCoreApplication.translate("SettingsErrors", "Name"),
        "employee_no": QCoreApplication.translate("SettingsErrors", "Employee no."),
        "category_name_zh": QCoreApplication.translate("SettingsErrors", "Chinese name"),
        "category_name_en": QCoreApplication.translate("SettingsErrors", "English name"),
        "meaning_zh": QCoreApplication.translate("SettingsErrors", "Chinese meaning"),
        "meaning_en": QCoreApplication.translate("SettingsErrors", "English meaning"),
        "threshold_set_name": QCoreApplication.translate("SettingsErrors", "Name of the threshold set"),
        "band_name_zh": QCoreApplication.translate("SettingsErrors", "Band name (Chinese)"),
        "band_name_en": QCoreApplication.translate("SettingsErrors", "Band name (English)"),
        "band_action_zh": QCoreApplication.translate("SettingsErrors", "Required action (Chinese)"),
        "band_action_en": QCoreApplication.translate("SettingsErrors", "Required action (English)"),
        "criterion_code": QCoreApplication.translate("SettingsErrors", "Criterion code"),
        "criterion_text": QCoreApplication.translate("SettingsErrors", "Criterion text"),
        "criterion_clause": QCoreApplication.translate("SettingsErrors", "Clause"),
        "plant_name": QCoreApplication.translate("SettingsErrors", "Plant name"),
    }
    return labels.get(field or "", field or "")


def _band_name(params: dict[str, Any]) -> str:
    chinese = QLocale().language() == QLocale.Language.Chinese
    name = params.get("band_name_zh" if chinese else "band_name_en") or params.get("band", "")
    return str(name)


def area_text(err: BaseException, names: object = None) -> str:
    """A translated sentence for a ``DomainError`` (or a storage error) of the reference-data use cases."""
    code: str = getattr(err, "code", "") or type(err).__name__
    field: str | None = getattr(err, "field", None)
    params: dict[str, Any] = dict(getattr(err, "params", {}) or {})
    value = params.get("value", "")

    if code.endswith("_too_long"):
        text = QCoreApplication.translate("SettingsErrors", "%1 is too long (at most %2 characters).")
        return _arg(text, field_label(field), params.get("max", ""))
    if code.endswith("_empty") and code not in ("bands_empty", "values_empty"):
        return _arg(QCoreApplication.translate("SettingsErrors", "%1 must not be empty."), field_label(field))

    if code == "department_duplicate":
        if field == "department_name":
            text = QCoreApplication.translate(
                "SettingsErrors", "A department called “%1” already exists (it may be inactive)."
            )
        else:
            text = QCoreApplication.translate(
                "SettingsErrors", "A department with the code %1 already exists (it may be inactive)."
            )
        return _arg(text, value)

    messages = {
        "department_code_invalid": QCoreApplication.translate(
            "SettingsErrors", "A department code may contain only Latin letters, digits, “-” and “_” (not “%1”)."
        ),
        "department_kind_unknown": QCoreApplication.translate("SettingsErrors", "Unknown kind of department: %1."),
        "department_unknown": QCoreApplication.translate(
            "SettingsErrors", "The department no longer exists. Close and reopen the settings."
        ),
        "department_missing": QCoreApplication.translate("SettingsErrors", "Choose the person’s department."),
        "department_inactive": QCoreApplication.translate(
            "SettingsErrors", "The department “%1” is inactive. Choose an active department."
        ),
        "person_unknown": QCoreApplication.translate(
            "SettingsErrors", "The person no longer exists. Close and reopen the settings."
        ),
        "employee_no_duplicate": QCoreApplication.translate(
            "SettingsErrors", "The employee no. %1 is already used by %2."
        ),
        "role_unknown": QCoreApplication.translate("SettingsErrors", "Unknown role: %1."),
        "category_unknown": QCoreApplication.translate("SettingsErrors", "Unknown hazard category: %1."),
        "factor_unknown": QCoreApplication.translate("SettingsErrors", "Unknown LEC factor: %1."),
        "scale_value_unknown": QCoreApplication.translate(
            "SettingsErrors", "%1 = %2 is not a value of the table; the values themselves cannot be changed."
        ),
        "not_a_number": QCoreApplication.translate("SettingsErrors", "“%1” is not a number."),
        "band_limit_negative": QCoreApplication.translate(
            "SettingsErrors", "The limits of band “%1” must not be negative."
        ),
        "band_colour_invalid": QCoreApplication.translate(
            "SettingsErrors", "The colour of band “%1” must be written as #RRGGBB, for example #D32F2F."
        ),
        "band_code_duplicate": QCoreApplication.translate("SettingsErrors", "Two bands have the same code “%1”."),
        "band_rank_duplicate": QCoreApplication.translate("SettingsErrors", "Two bands have the same rank."),
        "band_rank_invalid": QCoreApplication.translate(
            "SettingsErrors", "The rank of band “%1” must be a whole number from 1 up."
        ),
        "bands_empty": QCoreApplication.translate("SettingsErrors", "A threshold set needs at least one band."),
        "bands_gap": QCoreApplication.translate(
            "SettingsErrors",
            "The limits of band “%1” do not join its neighbours: each lower limit must equal the upper limit "
            "of the next less dangerous band and be below the band’s own upper limit.",
        ),
        "bands_open_ends": QCoreApplication.translate(
            "SettingsErrors",
            "The most dangerous band must have no upper limit and the least dangerous band no lower limit.",
        ),
        "effective_from_invalid": QCoreApplication.translate("SettingsErrors", "“%1” is not a valid date."),
        "edge_rule_unknown": QCoreApplication.translate("SettingsErrors", "Unknown limit rule: %1."),
        "threshold_set_duplicate": QCoreApplication.translate(
            "SettingsErrors", "A threshold set called “%1” already exists. Choose another name."
        ),
        "no_threshold_set": QCoreApplication.translate("SettingsErrors", "No threshold set is in force on %1."),
        "criterion_duplicate": QCoreApplication.translate(
            "SettingsErrors", "A criterion in force from the same source already has the code %1."
        ),
        "criterion_unchanged": QCoreApplication.translate(
            "SettingsErrors", "Nothing was changed, so no new version was stored."
        ),
        "criterion_retired": QCoreApplication.translate(
            "SettingsErrors", "Criterion %1 is retired; only the version in force can be revised or retired."
        ),
        "criterion_unknown": QCoreApplication.translate(
            "SettingsErrors", "The criterion no longer exists. Close and reopen the settings."
        ),
        "criterion_source_unknown": QCoreApplication.translate("SettingsErrors", "Unknown source: %1."),
        "decimals_out_of_range": QCoreApplication.translate(
            "SettingsErrors", "The number of decimals must be a whole number from %1 to %2."
        ),
        "setting_unknown": QCoreApplication.translate("SettingsErrors", "Unknown setting: %1."),
        "db_locked": QCoreApplication.translate(
            "SettingsErrors", "The database is busy (another program is writing to it). Try again in a moment."
        ),
        "db_readonly": QCoreApplication.translate(
            "SettingsErrors", "The database is read-only; the change was not saved."
        ),
        "disk_full": QCoreApplication.translate("SettingsErrors", "The disk is full; the change was not saved."),
    }
    text = messages.get(code)
    if text is None and ui_messages.has_text(code):  # the program's general codes (control characters, …)
        return ui_messages.error_text(err)
    if text is None:
        fallback = QCoreApplication.translate("SettingsErrors", "The change was refused (%1).")
        return _arg(fallback, code)
    if code in ("band_limit_negative", "band_colour_invalid", "band_rank_invalid", "bands_gap"):
        return _arg(text, _band_name(params))
    if code == "band_code_duplicate":
        return _arg(text, params.get("band", ""))
    if code == "employee_no_duplicate":
        return _arg(text, value, params.get("name", ""))
    if code == "scale_value_unknown":
        return _arg(text, params.get("factor", ""), value)
    if code == "criterion_retired":
        return _arg(text, params.get("criterion", ""))
    if code == "decimals_out_of_range":
        return _arg(text, params.get("min", ""), params.get("max", ""))
    if code == "no_threshold_set":
        return _arg(text, params.get("on", ""))
    return _arg(text, value)

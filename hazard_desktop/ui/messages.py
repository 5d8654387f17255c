"""Turn domain and storage error codes into translated sentences; show them without blocking.

The domain raises ``DomainError(code, field, **params)``, adapters raise ``StorageError(code, **params)``
(the UI may not import adapters, so storage errors are recognised by their class name and ``code``).
Each code maps to one or more templates: the first whose ``{placeholders}`` are all in the error's
params is used, so ``photo_too_large`` reads well with a file name and limit as well as without.

One entry point, :func:`error_text`. The sentences live in one table per area, found by one naming rule:
this module holds the general ones, ``ui/<area>_messages.py`` those of an area (``grading``,
``inspection``, ``ledger``, ``settings``, ``sheet``), each with ``area_text(exc, names)`` returning its sentence or
None. ``error_text(exc, area)`` asks the area's table first and falls back to the general one; screens of
an area pass their area, so one code may read differently there (e.g. ``criterion_unknown`` in settings).
"""

from __future__ import annotations

import errno
import importlib
import logging
import string
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from hazard_desktop.domain.errors import Conflict, DomainError, InvalidTransition, NotFound

log = logging.getLogger(__name__)

CONTEXT = "Messages"
STORAGE_ERROR_CLASS = "StorageError"

Area = Literal[
    "accounts",
    "audit",
    "backup",
    "exchange",
    "grading",
    "inspection",
    "ledger",
    "rectification",
    "settings",
    "sheet",
    "statistics",
]
"""An area with its own table of sentences, ``hazard_desktop/ui/<area>_messages.py``."""

_TEXTS: dict[str, tuple[str, ...]] = {
    # ---- hazard input (domain/hazards.py)
    "number_invalid": (
        QT_TRANSLATE_NOOP(
            "Messages", "“{value}” is not a register number. Use the form YH-2026-0001 or leave it empty."
        ),
    ),
    "description_empty": (QT_TRANSLATE_NOOP("Messages", "Please describe the hazard."),),
    "description_too_long": (QT_TRANSLATE_NOOP("Messages", "The description is too long (at most {max} characters)."),),
    "location_empty": (QT_TRANSLATE_NOOP("Messages", "Please enter where the hazard is (area or location)."),),
    "location_too_long": (QT_TRANSLATE_NOOP("Messages", "The location is too long (at most {max} characters)."),),
    "equipment_tag_too_long": (
        QT_TRANSLATE_NOOP("Messages", "The equipment tag is too long (at most {max} characters)."),
    ),
    "department_empty": (QT_TRANSLATE_NOOP("Messages", "Please choose the responsible department."),),
    "category_empty": (QT_TRANSLATE_NOOP("Messages", "Please choose the hazard category."),),
    "found_by_empty": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "Please choose who found the hazard. An empty list means no people yet: add them in Tools → Settings → People.",  # noqa: E501
        ),
    ),
    "found_at_naive": (QT_TRANSLATE_NOOP("Messages", "The time found has no time zone (program error)."),),
    "found_at_future": (QT_TRANSLATE_NOOP("Messages", "The time found lies in the future."),),
    # ---- hazard use cases (services/hazards.py)
    "department_unknown": (QT_TRANSLATE_NOOP("Messages", "The chosen department no longer exists."),),
    "person_unknown": (QT_TRANSLATE_NOOP("Messages", "The chosen person no longer exists."),),
    # ---- one person entered twice (domain/reference.py::namesake; new-user trial)
    "person_duplicate": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "{department} already has a person called {name} (employee no. {employee_no}): choose them instead of"
            " entering them again. A namesake in the same department needs an employee number of their own.",
        ),
        QT_TRANSLATE_NOOP(
            "Messages",
            "{department} already has a person called {name}: choose them instead of entering them again. Two"
            " people of one department with one name are told apart by their employee numbers (Tools → Settings →"
            " People).",
        ),
    ),
    "person_duplicate.inactive": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "{department} already has a person called {name}, switched off: switch them on again under Tools →"
            " Settings → People instead of entering them again.",
        ),
    ),
    "category_unknown": (
        QT_TRANSLATE_NOOP("Messages", "“{value}” is not a hazard category of the rule."),
        QT_TRANSLATE_NOOP("Messages", "Unknown hazard category."),
    ),
    "subcategory_unknown": (
        QT_TRANSLATE_NOOP("Messages", "“{value}” is not a subcategory of the chosen category."),
        QT_TRANSLATE_NOOP("Messages", "Unknown subcategory."),
    ),
    "number_duplicate": (
        QT_TRANSLATE_NOOP("Messages", "The number {value} is already used by another hazard."),
        QT_TRANSLATE_NOOP("Messages", "This number is already used by another hazard."),
    ),
    "number_skips_ahead": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The number {value} skips ahead: the next free number of its year is {next}. Use that number, a "
            "free earlier one, or leave the field empty.",
        ),
    ),
    "number_year_invalid": (
        QT_TRANSLATE_NOOP(
            "Messages", "The year {year} of the number {value} is not possible: use a year from {first} to {last}."
        ),
    ),
    "hazard_unknown": (QT_TRANSLATE_NOOP("Messages", "The hazard no longer exists."),),
    "stale_revision": (
        QT_TRANSLATE_NOOP(
            "Messages", "Hazard {number} was changed by someone else meanwhile. Reload it and enter your change again."
        ),
        QT_TRANSLATE_NOOP("Messages", "The record was changed meanwhile. Reload it and enter your change again."),
    ),
    "photo_too_large": (
        QT_TRANSLATE_NOOP("Messages", "The photo “{name}” is too large (at most {max_mb} MB)."),
        QT_TRANSLATE_NOOP("Messages", "The photo “{name}” has too many pixels ({pixels})."),
        QT_TRANSLATE_NOOP("Messages", "The photo is too large."),
    ),
    "photo_not_image": (
        QT_TRANSLATE_NOOP(
            "Messages", "“{name}” is not an image this program can read. Use JPEG, PNG, BMP, GIF, TIFF or WebP files."
        ),
        QT_TRANSLATE_NOOP("Messages", "The file is not an image this program can read."),
    ),
    "photos_too_many": (QT_TRANSLATE_NOOP("Messages", "A hazard can have at most {max} photos."),),
    "photo_unknown": (QT_TRANSLATE_NOOP("Messages", "The photo no longer exists."),),
    # ---- names (domain/reference.py clean_name, domain/grading.py)
    "person_name_empty": (QT_TRANSLATE_NOOP("Messages", "Please enter the person's name."),),
    "person_name_too_long": (QT_TRANSLATE_NOOP("Messages", "The name is too long (at most {max} characters)."),),
    "department_name_empty": (QT_TRANSLATE_NOOP("Messages", "Please enter the department."),),
    "department_name_too_long": (
        QT_TRANSLATE_NOOP("Messages", "The department name is too long (at most {max} characters)."),
    ),
    "leader_name_empty": (QT_TRANSLATE_NOOP("Messages", "Please enter the leader's name."),),
    "leader_name_too_long": (
        QT_TRANSLATE_NOOP("Messages", "The leader's name is too long (at most {max} characters)."),
    ),
    "reason_empty": (QT_TRANSLATE_NOOP("Messages", "Please give a reason."),),
    "reason_too_long": (QT_TRANSLATE_NOOP("Messages", "The reason is too long (at most {max} characters)."),),
    "evidence_empty": (
        QT_TRANSLATE_NOOP("Messages", "Please record the evidence for criterion {criterion}."),
        QT_TRANSLATE_NOOP("Messages", "Please record the evidence."),
    ),
    "evidence_too_long": (QT_TRANSLATE_NOOP("Messages", "The evidence is too long (at most {max} characters)."),),
    # ---- LEC (domain/lec.py)
    "not_a_number": (
        QT_TRANSLATE_NOOP("Messages", "“{value}” is not a number."),
        QT_TRANSLATE_NOOP("Messages", "Please enter a number."),
    ),
    "off_scale": (
        QT_TRANSLATE_NOOP("Messages", "{value} is not a value of the {factor} scale. Allowed: {allowed}."),
        QT_TRANSLATE_NOOP("Messages", "The value is not on the scale."),
    ),
    "no_band": (
        QT_TRANSLATE_NOOP("Messages", "D = {value} falls in no band of the threshold set “{threshold_set}”."),
        QT_TRANSLATE_NOOP("Messages", "The value falls in no band of the threshold set."),
    ),
    "bands_empty": (QT_TRANSLATE_NOOP("Messages", "A threshold set needs at least one band."),),
    "bands_open_ends": (
        QT_TRANSLATE_NOOP("Messages", "The lowest band must have no lower limit and the highest no upper limit."),
    ),
    "bands_gap": (
        QT_TRANSLATE_NOOP("Messages", "The bands leave a gap or overlap at band {band}."),
        QT_TRANSLATE_NOOP("Messages", "The bands leave a gap or overlap."),
    ),
    "no_threshold_set": (
        QT_TRANSLATE_NOOP("Messages", "No threshold set is in force on {on}."),
        QT_TRANSLATE_NOOP("Messages", "No threshold set is in force on that date."),
    ),
    "values_empty": (QT_TRANSLATE_NOOP("Messages", "There are no values to calculate with."),),
    # ---- grading, panels, disputes (domain/grading.py, services/calculator.py)
    "triple_invalid": (
        QT_TRANSLATE_NOOP("Messages", "Entry {index} (“{value}”) must be three values L, E, C separated by commas."),
        QT_TRANSLATE_NOOP("Messages", "Enter three values L, E, C separated by commas."),
    ),
    "panel_empty": (QT_TRANSLATE_NOOP("Messages", "The panel has no members."),),
    "panel_even": (
        QT_TRANSLATE_NOOP("Messages", "The panel must have an odd number of members (now {count})."),
        QT_TRANSLATE_NOOP("Messages", "The panel must have an odd number of members."),
    ),
    "lang_unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown language “{value}”."),),
    "threshold_set_unknown": (QT_TRANSLATE_NOOP("Messages", "The chosen threshold set does not exist."),),
    "threshold_set_missing": (QT_TRANSLATE_NOOP("Messages", "No threshold set was chosen."),),
    "scales_missing": (QT_TRANSLATE_NOOP("Messages", "The LEC scales are missing."),),
    "criterion_retired": (
        QT_TRANSLATE_NOOP("Messages", "Criterion {criterion} has been retired and can no longer be cited."),
        QT_TRANSLATE_NOOP("Messages", "The criterion has been retired and can no longer be cited."),
    ),
    "criteria_empty": (QT_TRANSLATE_NOOP("Messages", "Please cite at least one major-hazard criterion."),),
    "criterion_duplicate": (QT_TRANSLATE_NOOP("Messages", "A criterion is cited twice."),),
    "time_naive": (QT_TRANSLATE_NOOP("Messages", "A time has no time zone (program error)."),),
    "grading_confirmed": (QT_TRANSLATE_NOOP("Messages", "This grading is already confirmed."),),
    "grading_superseded": (QT_TRANSLATE_NOOP("Messages", "This grading has been superseded by a newer one."),),
    "grading_not_confirmed": (QT_TRANSLATE_NOOP("Messages", "This grading is not confirmed yet."),),
    "grading_same": (QT_TRANSLATE_NOOP("Messages", "The new grading is the same as the old one."),),
    "grading_hazard_mismatch": (QT_TRANSLATE_NOOP("Messages", "The grading belongs to another hazard."),),
    "grading_none": (QT_TRANSLATE_NOOP("Messages", "The hazard has no grading yet."),),
    "grading_final": (QT_TRANSLATE_NOOP("Messages", "This grading is final and cannot be disputed."),),
    "dispute_not_open": (QT_TRANSLATE_NOOP("Messages", "The dispute is no longer open."),),
    "ruling_wrong_dispute": (QT_TRANSLATE_NOOP("Messages", "The ruling belongs to another dispute."),),
    # ---- sheets and verification
    "sheet_copy_no_invalid": (QT_TRANSLATE_NOOP("Messages", "Invalid copy number “{value}”."),),
    "sheet_document_empty": (QT_TRANSLATE_NOOP("Messages", "There is nothing to print."),),
    "verify_code_invalid": (QT_TRANSLATE_NOOP("Messages", "The verification code is not valid."),),
    "verify_qr_invalid": (QT_TRANSLATE_NOOP("Messages", "The QR code is not a sheet code of this program."),),
    # ---- roles (services/authorization.py), any area
    "role_required": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The account “{actor}” may not do this: it needs the role {roles_needed}. The safety office"
            " administrator gives roles under Tools → Accounts. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The account “{actor}” may not do this. Nothing was changed."),
        QT_TRANSLATE_NOOP(
            "Messages",
            "This needs the role {roles_needed}: sign in with an account that has it (the safety office"
            " administrator gives roles under Tools → Accounts). Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP("Messages", "Sign in with an account that may do this. Nothing was changed."),
    ),
    "act_for_other": (
        QT_TRANSLATE_NOOP(
            "Messages", "Only the safety office may act for another person: choose yourself as the operator."
        ),
    ),
    # ---- storage (adapters/schema.py, adapters/unit_of_work.py)
    "db_unreadable": (
        QT_TRANSLATE_NOOP("Messages", "The database {path} cannot be read. It may be damaged or not a database."),
        QT_TRANSLATE_NOOP("Messages", "The database cannot be read."),
    ),
    "db_newer": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database {path} was written by a newer version of this program (schema {revision}, this"
            " program knows up to {head}). Please install the newer version.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The database was written by a newer version of this program."),
    ),
    "migration_failed": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database {path} could not be upgraded. It is unchanged; the copy made before the upgrade is {backup}.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The database {path} could not be upgraded. It is unchanged."),
        QT_TRANSLATE_NOOP("Messages", "The database could not be upgraded."),
    ),
    "backup_failed": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The backup before upgrading the database could not be written ({detail}). The database was"
            " neither upgraded nor changed; check the free disk space, then try again.",
        ),
    ),
    "db_locked": (
        QT_TRANSLATE_NOOP("Messages", "The database is busy (another program is writing to it). Try again shortly."),
    ),
    "db_readonly": (QT_TRANSLATE_NOOP("Messages", "The database is read-only. Check the folder's permissions."),),
    "disk_full": (QT_TRANSLATE_NOOP("Messages", "The disk is full. Free some space and try again."),),
    "db_error": (QT_TRANSLATE_NOOP("Messages", "The database reported an error. Nothing was saved."),),
    # ---- data location (adapters/data_location.py, adapters/register_move.py)
    "db_network": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database {path} is on a network location ({root}). A database on a network share gets damaged,"
            " so it was not opened. Use a folder on a local disk.",
        ),
    ),
    "db_synced": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database {path} is in a OneDrive folder ({root}). Synchronising it while it is written can damage"
            " it, so it was not opened. Use a local folder that is not synchronised.",
        ),
    ),
    "data_dir_variable": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The data folder setting HAZARD_DESKTOP_DATA=“{value}” uses {variable}, which is not defined."
            " Check the setting.",
        ),
    ),
    "data_move_failed": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database of the older version {source} could not be moved to {target}. Nothing was changed."
            " Close every program using it and try again.",
        ),
    ),
    # ---- refusals at start-up that change nothing (issue 10)
    "db_empty": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database file {path} is empty (0 bytes): it is not a register and is not turned into a new one."
            " Restore it from a backup, or delete it to start a new register.",
        ),
    ),
    "db_cannot_open": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The database {path} cannot be opened: the file or its folder is read-only or not accessible to you."
            " It was not changed.",
        ),
    ),
    "data_dir_not_folder": (
        QT_TRANSLATE_NOOP("Messages", "The data folder {path} is a file, not a folder. Nothing was changed."),
    ),
    "data_dir_missing": (QT_TRANSLATE_NOOP("Messages", "The data folder {path} does not exist. Nothing was created."),),
    "data_dir_unusable": (QT_TRANSLATE_NOOP("Messages", "The data folder {path} cannot be created: {detail}"),),
    "number_too_large": (
        QT_TRANSLATE_NOOP("Messages", "“{value}” is too large (at most {max_digits} digits before the point)."),
        QT_TRANSLATE_NOOP("Messages", "The number is too large."),
    ),
    "status_not_editable": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The status is not changed by editing: grading sets 已定级, the rectification steps set the others.",
        ),
    ),
    "hazard_closed": (
        QT_TRANSLATE_NOOP("Messages", "Hazard {hazard} is closed (已销号) and is graded no more."),
        QT_TRANSLATE_NOOP("Messages", "The hazard is closed (已销号) and is graded no more."),
    ),
    "hazard_closed_read_only": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "Hazard {number} is closed out (已销号): its record and its printed forms are final and it cannot be "
            "edited.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The hazard is closed out (已销号): its record and its printed forms are final."),
    ),
    "editor_empty": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The hazard is graded: its edits are recorded in its timeline under the operator (操作人). "
            "Choose the operator first (Rectification → Operator).",
        ),
    ),
    "text_control_characters": (
        QT_TRANSLATE_NOOP(
            "Messages",
            "The text contains an invisible control character (such as NUL or ESC) at position {position}. Remove it.",
        ),
        QT_TRANSLATE_NOOP("Messages", "The text contains an invisible control character (such as NUL or ESC)."),
    ),
}

_FIELDS: dict[str, str] = {
    "number": QT_TRANSLATE_NOOP("Messages", "Number"),
    "description": QT_TRANSLATE_NOOP("Messages", "Description"),
    "location": QT_TRANSLATE_NOOP("Messages", "Location"),
    "equipment_tag": QT_TRANSLATE_NOOP("Messages", "Equipment tag"),
    "department": QT_TRANSLATE_NOOP("Messages", "Responsible department"),
    "category": QT_TRANSLATE_NOOP("Messages", "Category"),
    "subcategory": QT_TRANSLATE_NOOP("Messages", "Subcategory"),
    "found_by": QT_TRANSLATE_NOOP("Messages", "Found by"),
    "found_at": QT_TRANSLATE_NOOP("Messages", "Found at"),
    "status": QT_TRANSLATE_NOOP("Messages", "Status"),
    "photos": QT_TRANSLATE_NOOP("Messages", "Photos"),
    "name": QT_TRANSLATE_NOOP("Messages", "Name"),
    "reason": QT_TRANSLATE_NOOP("Messages", "Reason"),
    "evidence": QT_TRANSLATE_NOOP("Messages", "Evidence"),
}

_GENERIC_EMPTY = QT_TRANSLATE_NOOP("Messages", "“{field}” must be filled in.")
_GENERIC_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "“{field}” is too long (at most {max} characters).")
_GENERIC_FIELD = QT_TRANSLATE_NOOP("Messages", "“{field}” is not valid ({code}).")
_FALLBACK = QT_TRANSLATE_NOOP("Messages", "The request was refused ({code}). Nothing was changed.")
_FALLBACK_NOT_FOUND = QT_TRANSLATE_NOOP("Messages", "A record it refers to no longer exists ({code}).")
_FALLBACK_CONFLICT = QT_TRANSLATE_NOOP("Messages", "It collides with stored data ({code}). Nothing was changed.")
_FALLBACK_TRANSITION = QT_TRANSLATE_NOOP("Messages", "This step is not allowed now ({code}).")
_FALLBACK_STORAGE = QT_TRANSLATE_NOOP("Messages", "The database cannot be used ({code}).")
_UNEXPECTED = QT_TRANSLATE_NOOP("Messages", "An unexpected error occurred: {detail}")

TITLE_ERROR = QT_TRANSLATE_NOOP("Messages", "Cannot do that")
TITLE_STORAGE = QT_TRANSLATE_NOOP("Messages", "Database problem")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _fill(template: str, params: dict[str, Any]) -> str:
    """Insert params into the translated template; fall back to the source text if the translation is broken."""
    values = {key: str(value) for key, value in params.items()}
    translated = _tr(template)
    try:
        return translated.format_map(values)
    except (KeyError, ValueError, IndexError):
        log.warning("broken translation of %r: %r", template, translated)
        return template.format_map(values)


def is_storage_error(exc: BaseException) -> bool:
    """True for ``adapters.errors.StorageError`` (recognised without importing adapters)."""
    return any(cls.__name__ == STORAGE_ERROR_CLASS for cls in type(exc).__mro__) and hasattr(exc, "code")


def is_user_error(exc: BaseException) -> bool:
    """True for errors the user caused or can act on (show them; do not treat them as crashes)."""
    return isinstance(exc, DomainError) or is_storage_error(exc)


def field_label(field: str) -> str:
    """The translated name of an input field code, or the code itself."""
    text = _FIELDS.get(field)
    return _tr(text) if text else field


def has_text(code: str) -> bool:
    """True if ``code`` has its own sentence (not a generic fallback)."""
    return code in _TEXTS


def area_table(area: Area) -> Any:
    """The module holding ``area``'s sentences (``ui/<area>_messages.py``), imported on first use."""
    return importlib.import_module(f"hazard_desktop.ui.{area}_messages")


def error_text(exc: BaseException, area: Area | None = None, names: Mapping[Any, str] | None = None) -> str:
    """One translated sentence for a domain or storage error (something useful for any other error).

    Args:
        area: the screen's area: its table (``ui/<area>_messages.py``) is asked first.
        names: person and department ids to names, for sentences that name them (grading).
    """
    if area is not None:
        table = area_table(area)
        if is_user_error(exc) or getattr(table, "EVERY_ERROR", False):
            text = table.area_text(exc, names)
            if text is not None:
                return str(text)
    code = getattr(exc, "code", None)
    if not isinstance(code, str) or not is_user_error(exc):
        return _fill(_UNEXPECTED, {"detail": str(exc) or type(exc).__name__})
    params: dict[str, Any] = dict(getattr(exc, "params", {}) or {})
    if code == "role_required" and params.get("roles"):
        from hazard_desktop.ui.accounts.labels import roles_needed_text  # light: names only

        params["roles_needed"] = roles_needed_text(params["roles"])
    field = getattr(exc, "field", None)
    if code == "person_duplicate":  # the same refusal, said for a person switched off or one with a number
        if params.get("active") is False:
            code = "person_duplicate.inactive"
        elif not params.get("employee_no"):
            params.pop("employee_no", None)
    for template in _TEXTS.get(code, ()):
        if _names(template) <= params.keys():
            return _fill(template, params)
    generic = {**params, "code": code, "field": field_label(field or code.rsplit("_", 1)[0])}
    if code.endswith("_empty") and field:
        return _fill(_GENERIC_EMPTY, generic)
    if code.endswith("_too_long") and "max" in params:
        return _fill(_GENERIC_TOO_LONG, generic)
    if is_storage_error(exc):
        return _fill(_FALLBACK_STORAGE, generic)
    if isinstance(exc, NotFound):
        return _fill(_FALLBACK_NOT_FOUND, generic)
    if isinstance(exc, Conflict):
        return _fill(_FALLBACK_CONFLICT, generic)
    if isinstance(exc, InvalidTransition):
        return _fill(_FALLBACK_TRANSITION, generic)
    if field:
        return _fill(_GENERIC_FIELD, generic)
    return _fill(_FALLBACK, generic)


# The reason of an OSError in the UI's language: the OS's own text ("Is a directory") is English only.
_OS_ERRORS: dict[int, str] = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Messages", "no such file or folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Messages", "it is a folder, not a file"),
    errno.EACCES: QT_TRANSLATE_NOOP("Messages", "permission denied, or the file is open in another program"),
    errno.EPERM: QT_TRANSLATE_NOOP("Messages", "the operation is not permitted"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Messages", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Messages", "the disk quota is used up"),
    errno.EROFS: QT_TRANSLATE_NOOP("Messages", "the disk or folder is read-only"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Messages", "a part of the path is not a folder"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Messages", "a file or folder of that name already exists"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Messages", "the file name or path is too long"),
    errno.EINVAL: QT_TRANSLATE_NOOP("Messages", "the file name is not valid"),
    errno.EBUSY: QT_TRANSLATE_NOOP("Messages", "the file or device is busy"),
    errno.EIO: QT_TRANSLATE_NOOP("Messages", "the disk reported a read or write error"),
    # a USB drive (or its FUSE driver) gone while in use
    errno.ENOTCONN: QT_TRANSLATE_NOOP("Messages", "the drive is no longer connected"),
    errno.ECONNABORTED: QT_TRANSLATE_NOOP("Messages", "the drive is no longer connected"),
    errno.ENODEV: QT_TRANSLATE_NOOP("Messages", "the drive is no longer connected"),
}


def os_error_text(exc: BaseException, *, with_name: bool = False) -> str:
    """A short translated reason for an OSError (the OS's own text only for errors not in the table);
    ``with_name``: followed by the name of the file it concerns, where the error knows it."""
    text = _OS_ERRORS.get(getattr(exc, "errno", None) or -1)
    reason = _tr(text) if text is not None else getattr(exc, "strerror", None) or str(exc)
    name = getattr(exc, "filename", None)
    return f"{reason}: {PurePath(str(name)).name or name}" if with_name and name else reason


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """Show ``error_text(exc)`` in a window-modal box opened with ``open()`` (does not block); return the box."""
    storage = is_storage_error(exc)
    if not is_user_error(exc):
        log.error("unexpected error shown to the user", exc_info=exc)
    box = QMessageBox(
        QMessageBox.Icon.Critical if storage or not is_user_error(exc) else QMessageBox.Icon.Warning,
        title or _tr(TITLE_STORAGE if storage else TITLE_ERROR),
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    detail = getattr(exc, "params", {}).get("detail") if storage else None
    if detail:
        box.setDetailedText(str(detail))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """An information box opened with ``open()`` (does not block); return the box."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def confirm(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """Ask a yes/no question (blocks; tests monkeypatch ``messages.confirm``).

    The default answer (Enter) is No, or Yes with ``default_yes`` — use that where No throws work away.
    """
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, default
    )
    return answer == QMessageBox.StandardButton.Yes


TITLE_START = QT_TRANSLATE_NOOP("Messages", "The register cannot be opened")
TITLE_NEW_FOLDER = QT_TRANSLATE_NOOP("Messages", "New register?")
_ASK_NEW_FOLDER = QT_TRANSLATE_NOOP(
    "Messages",
    "The data folder {path} does not exist.\n\nCreate it and start a new, empty register there?"
    " Choose No if the folder name was mistyped: nothing is created.",
)


def show_fatal_storage_error(exc: BaseException, *, interactive: bool = True) -> None:
    """Say why the register cannot be opened at start-up (the program then ends; nothing was changed).

    Args:
        interactive: show a blocking box; otherwise (screenshot or headless runs) write the sentence to stderr.
    """
    import sys

    text = error_text(exc)  # not logged: a refused register's folder is left exactly as it was
    if not interactive:
        print(text, file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, _tr(TITLE_START), text, QMessageBox.StandardButton.Ok)
    detail = (getattr(exc, "params", {}) or {}).get("detail")
    if detail:
        box.setDetailedText(str(detail))
    box.exec()


def ask_create_data_folder(path: object) -> bool:
    """Ask before a new register is made in a folder that does not exist (the default answer is No)."""
    answer = QMessageBox.question(
        None,
        _tr(TITLE_NEW_FOLDER),
        _fill(_ASK_NEW_FOLDER, {"path": path}),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose(
    parent: QWidget | None, title: str, text: str, choices: Sequence[tuple[str, str]], *, default: str, escape: str
) -> str:
    """Ask a question with several answers, each ``(key, button text)``; return the key chosen.

    Enter gives ``default``, Esc and closing the box give ``escape`` (blocks; tests monkeypatch
    ``messages.choose`` or click a button of the open box).
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("choiceBox")
    buttons = {}
    for key, label in choices:
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        button.setObjectName(f"choice_{key}")
        button.setMinimumHeight(40)
        buttons[key] = button
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), escape)

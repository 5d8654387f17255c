"""What the exchange screens share: names of record kinds, roles and fields; running a use case on a job.

The use cases report progress through ``progress(done, total) -> bool`` (False cancels: ``exchange_cancelled``,
nothing written); :func:`job_progress` adapts a :class:`~hazard_desktop.ui.workers.Job` to it and
:func:`cancellable` turns that refusal into :class:`ExchangeCancelled`, which the job reports as ``cancelled``.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from hazard_desktop.domain.errors import DomainError

if TYPE_CHECKING:
    from hazard_desktop.services.context import AppContext
    from hazard_desktop.ui.workers import Job

CONTEXT = "Exchange"

# The record kinds of ``domain.exchange.RECORD_KINDS`` (tests/ui/test_exchange_ui.py checks every one has a name).
_KINDS = {
    "department": QT_TRANSLATE_NOOP("Exchange", "Departments"),
    "person": QT_TRANSLATE_NOOP("Exchange", "People"),
    "category": QT_TRANSLATE_NOOP("Exchange", "Hazard categories"),
    "subcategory": QT_TRANSLATE_NOOP("Exchange", "Subcategories"),
    "lec_scale_value": QT_TRANSLATE_NOOP("Exchange", "LEC scale values"),
    "threshold_set": QT_TRANSLATE_NOOP("Exchange", "Threshold sets"),
    "threshold_band": QT_TRANSLATE_NOOP("Exchange", "Danger bands"),
    "major_criterion": QT_TRANSLATE_NOOP("Exchange", "Major-hazard criteria"),
    "checklist_template": QT_TRANSLATE_NOOP("Exchange", "Checklist templates"),
    "checklist_template_version": QT_TRANSLATE_NOOP("Exchange", "Checklist template versions"),
    "checklist_section": QT_TRANSLATE_NOOP("Exchange", "Checklist sections"),
    "checklist_item": QT_TRANSLATE_NOOP("Exchange", "Checklist items"),
    "hazard": QT_TRANSLATE_NOOP("Exchange", "Hazards"),
    "hazard_photo": QT_TRANSLATE_NOOP("Exchange", "Hazard photos"),
    "grading_meeting": QT_TRANSLATE_NOOP("Exchange", "Grading meetings"),
    "grading": QT_TRANSLATE_NOOP("Exchange", "Gradings"),
    "grading_score": QT_TRANSLATE_NOOP("Exchange", "Member scores"),
    "grading_criterion": QT_TRANSLATE_NOOP("Exchange", "Matched criteria"),
    "grading_vote": QT_TRANSLATE_NOOP("Exchange", "Criterion votes"),
    "grading_panel_member": QT_TRANSLATE_NOOP("Exchange", "Panel members"),
    "dispute": QT_TRANSLATE_NOOP("Exchange", "Disputes"),
    "dispute_claim": QT_TRANSLATE_NOOP("Exchange", "Dispute claims"),
    "sheet_print": QT_TRANSLATE_NOOP("Exchange", "Printed sheets"),
    "inspection": QT_TRANSLATE_NOOP("Exchange", "Inspections"),
    "inspection_inspector": QT_TRANSLATE_NOOP("Exchange", "Inspectors"),
    "inspection_answer": QT_TRANSLATE_NOOP("Exchange", "Inspection answers"),
    "inspection_photo": QT_TRANSLATE_NOOP("Exchange", "Inspection photos"),
    "rectification_assignment": QT_TRANSLATE_NOOP("Exchange", "Rectification assignments"),
    "treatment_plan": QT_TRANSLATE_NOOP("Exchange", "Treatment plans"),
    "rectification_note": QT_TRANSLATE_NOOP("Exchange", "Rectification progress notes"),
    "rectification_photo": QT_TRANSLATE_NOOP("Exchange", "Rectification photos"),
    "extension_request": QT_TRANSLATE_NOOP("Exchange", "Extension requests"),
    "acceptance": QT_TRANSLATE_NOOP("Exchange", "Acceptances"),
    "hazard_transition": QT_TRANSLATE_NOOP("Exchange", "Status changes"),
    "form_print": QT_TRANSLATE_NOOP("Exchange", "Printed forms"),
    "report_print": QT_TRANSLATE_NOOP("Exchange", "Saved statistics reports"),
}

_ROLES = {
    "office": QT_TRANSLATE_NOOP("Exchange", "office register"),
    "field": QT_TRANSLATE_NOOP("Exchange", "field laptop"),
}

_FIELDS = {
    "number": QT_TRANSLATE_NOOP("Exchange", "Number"),
    "legacy_number": QT_TRANSLATE_NOOP("Exchange", "Old number"),
    "description": QT_TRANSLATE_NOOP("Exchange", "Description"),
    "location": QT_TRANSLATE_NOOP("Exchange", "Location"),
    "equipment_tag": QT_TRANSLATE_NOOP("Exchange", "Equipment tag"),
    "category_code": QT_TRANSLATE_NOOP("Exchange", "Category"),
    "subcategory_code": QT_TRANSLATE_NOOP("Exchange", "Subcategory"),
    "department_id": QT_TRANSLATE_NOOP("Exchange", "Department"),
    "found_by_id": QT_TRANSLATE_NOOP("Exchange", "Found by"),
    "found_at": QT_TRANSLATE_NOOP("Exchange", "Found at"),
    "found_by_text": QT_TRANSLATE_NOOP("Exchange", "Found by (old ledger)"),
    "found_date_only": QT_TRANSLATE_NOOP("Exchange", "Found on a day without a time (old ledger)"),
    "status": QT_TRANSLATE_NOOP("Exchange", "Status"),
    "grade": QT_TRANSLATE_NOOP("Exchange", "Grade"),
    "remark": QT_TRANSLATE_NOOP("Exchange", "Remark"),
    "remarks": QT_TRANSLATE_NOOP("Exchange", "Remarks"),
    "deadline": QT_TRANSLATE_NOOP("Exchange", "Deadline"),
    "responsible_department_id": QT_TRANSLATE_NOOP("Exchange", "Responsible department"),
    "responsible_person_id": QT_TRANSLATE_NOOP("Exchange", "Responsible person"),
    "measures": QT_TRANSLATE_NOOP("Exchange", "Measures"),
    "funds": QT_TRANSLATE_NOOP("Exchange", "Funds"),
    "name": QT_TRANSLATE_NOOP("Exchange", "Name"),
    "note": QT_TRANSLATE_NOOP("Exchange", "Note"),
    "text": QT_TRANSLATE_NOOP("Exchange", "Text"),
    "phone": QT_TRANSLATE_NOOP("Exchange", "Phone"),
    "active": QT_TRANSLATE_NOOP("Exchange", "Active"),
    "value": QT_TRANSLATE_NOOP("Exchange", "Value"),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``Exchange`` context."""
    return QCoreApplication.translate(CONTEXT, text)


def kind_name(kind: str) -> str:
    """The translated name of a record kind (its key when the program has no name for it)."""
    text = _KINDS.get(kind)
    return tr(text) if text else kind


def role_name(role: object) -> str:
    """办公室主库 / 现场终端."""
    key = str(getattr(role, "value", role))
    text = _ROLES.get(key)
    return tr(text) if text else key


def field_name(name: str) -> str:
    """The translated name of a record's field (the key itself for fields the program has no name for)."""
    text = _FIELDS.get(name)
    return tr(text) if text else name


def value_text(value: object) -> str:
    """A field's value as shown side by side (``None`` → “(empty)”)."""
    if value is None or value == "":
        return QCoreApplication.translate("Exchange", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("Exchange", "yes") if value else QCoreApplication.translate("Exchange", "no")
    return str(value)


def when_text(moment: datetime | None) -> str:
    """A moment in local time (minutes), "-" for none."""
    if moment is None:
        return "-"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def size_text(size: int) -> str:
    """A file size as the locale writes it."""
    return QLocale().formattedDataSize(size)


class ExchangeCancelled(Exception):
    """The user cancelled an export or import; nothing was written."""


def job_progress(job: Job) -> Callable[[int, int], bool]:
    """The use cases' ``progress``: reports to the job's bar and says False once the user cancelled."""

    def progress(done: int, total: int) -> bool:
        job.report(done, total)
        return not job.is_cancelled()

    return progress


def cancellable(function: Callable[[], Any]) -> Any:
    """Call ``function``; its ``exchange_cancelled`` refusal becomes :class:`ExchangeCancelled`."""
    try:
        return function()
    except DomainError as exc:
        if exc.code == "exchange_cancelled":
            raise ExchangeCancelled from exc
        raise


def ports(context: AppContext) -> tuple[Any, Any] | None:
    """The exchange's store and file ports of ``context`` (None for a context without them)."""
    if context.exchange_store is None or context.exchange_files is None:
        return None
    return context.exchange_store(), context.exchange_files()


def error_text(exc: object, os_error: str = "exchange_write_failed") -> str:
    """The sentence for a refusal or failure (area ``exchange``). An ``OSError`` that reached here (a drive
    gone: ENOTCONN, ECONNABORTED, EIO) is the ``os_error`` sentence — writing or reading the file — never the
    OS's English text."""
    from hazard_desktop.ui import messages

    if isinstance(exc, OSError):
        exc = DomainError(os_error, reason=exc.strerror or str(exc), errno=exc.errno)
    return messages.error_text(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)), "exchange")


class DrivePoll:
    """The dialogs' look at the removable drives every two seconds, on a worker: listing a drive and its files
    touches the drive, and a drive whose driver hangs (a FUSE process killed, a stick half pulled) must block a
    worker, never the window (new-user trial: the window froze while the stick hung). One look at a time: while
    one hangs, the next ticks are skipped. ``tick(scan)`` runs ``scan()`` on the worker (it must not hold the
    dialog); ``apply(result)`` runs on the window's thread, held weakly (a closed dialog is not kept alive and
    is not called). A look that fails is taken as no change.
    """

    def __init__(self, apply: Callable[[object], None]) -> None:
        self._apply = weakref.WeakMethod(apply)  # type: ignore[arg-type]
        self.job: Job | None = None

    def tick(self, scan: Callable[[], object]) -> None:
        """Start a look unless one is still running (the dialog's timer calls this)."""
        from hazard_desktop.ui import workers

        if self.job is not None:
            return
        job = workers.Job(lambda _job: scan(), name="drive poll")
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job = workers.start(job)

    def _finished(self, result: object) -> None:
        self.job = None
        apply = self._apply()
        if apply is not None:
            with contextlib.suppress(RuntimeError):  # the dialog's window was deleted meanwhile
                apply(result)

    def _failed(self, _exc: object) -> None:
        self.job = None

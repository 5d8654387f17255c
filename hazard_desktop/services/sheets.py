"""Printed sheets: 隐患分级判定表 and 争议裁决表 built from the stored records, printed, recorded, verified.

Flow of a print (or a saved PDF):

1. :func:`prepare_document` reads the gradings (one read transaction) and builds the view-models of
   :mod:`hazard_desktop.services.sheet_models`, each with its copy number (how many times that sheet
   was printed before: 0 = original, n = 副本 第n+1次打印) and its verification code;
2. a :class:`~hazard_desktop.services.sheet_models.SheetRenderer` writes the PDF;
3. :func:`record_prints` stores one ``sheet_prints`` row per sheet in **one transaction that first
   checks the copy numbers are still the next ones** (``Conflict("sheet_copies_changed")`` if somebody
   printed the same sheet meanwhile: prepare again). The numbers on paper are therefore exactly the
   recorded ones, and no copy number is handed out twice (SQLite refuses the second of two concurrent
   writers whose read snapshot went stale).

:func:`print_document` does the three steps for a file (Save as PDF…, the ``sheet`` command) and
retries on a conflict; the print preview does 1–2 first and 3 just before the pages go to the printer.

Sheet numbers (表号) need no storage: they derive from the hazard's register number and the order of its
confirmed gradings, which never change once confirmed —

* 隐患分级判定表: ``PD-`` + the register number without its prefix (``YH-2026-0012`` → ``PD-2026-0012``);
  a hazard's second and later panel gradings (corrections) get ``-2``, ``-3`` …;
* 争议裁决表: ``CJ-2026-0012`` (``-2`` … for later rulings of the same hazard).

A number that does not look like ``XX-…`` is used whole (``PD-<number>``).

Verification (:func:`verify_code`): the printed code is :func:`~hazard_desktop.domain.verification.short_code`
of the SHA-256 of :func:`~hazard_desktop.domain.grading.canonical_record` of the grading (for a dispute
sheet: of the ruling, the disputed grading and the dispute itself, see :func:`dispute_record`). Looking
the code up in ``sheet_prints`` and hashing the record stored *now* tells whether the database still
holds exactly what was printed.

The requests and results live in :mod:`.sheet_requests`, the reading of the records in
:mod:`.sheet_records`, the view-models in :mod:`.sheet_builders`; this module keeps the use cases
and names everything they offer.

Standard library only; the renderer is a port.
"""

from __future__ import annotations

import errno
import getpass
import os
import shutil
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import Conflict, NotFound, ValidationError
from hazard_desktop.domain.grading import DisputeState
from hazard_desktop.domain.hazards import normalise_number
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.sheet_prints import FormPrint, ReportPrint, SheetKind, SheetPrint
from hazard_desktop.domain.verification import (
    QR_PREFIX,
    normalize_code,
    parse_qr_payload_parts,
    record_digest,
    short_code,
)
from hazard_desktop.services import output_files
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import UnitOfWork
from hazard_desktop.services.sheet_builders import _targets
from hazard_desktop.services.sheet_models import DisputeSheet, GradingSheet, SheetDocument, SheetRenderer
from hazard_desktop.services.sheet_records import (
    DISPUTE_PREFIX,
    GRADING_PREFIX,
    PRINTED_BY_MAX,
    _confirmed_key,
    _mean_text,
    _Reader,
    _sheet_no,
    dispute_record,
    voted_ruling,
)
from hazard_desktop.services.sheet_requests import (
    PlannedPrint,
    PreparedDocument,
    PrintResult,
    SheetCancelled,
    SheetChoice,
    SheetRequest,
    SheetTarget,
    VerifyResult,
    VerifyStatus,
)

__all__ = [
    "DISPUTE_PREFIX",
    "GRADING_PREFIX",
    "PlannedPrint",
    "PreparedDocument",
    "PrintResult",
    "SheetCancelled",
    "SheetChoice",
    "SheetRequest",
    "SheetTarget",
    "VerifyResult",
    "VerifyStatus",
    "default_printed_by",
    "dispute_document",
    "dispute_record",
    "export_hazard_form",
    "export_hazard_sheet",
    "grading_sheet_document",
    "meeting_document",
    "prepare_document",
    "print_document",
    "record_prints",
    "save_prepared_pdf",
    "sheet_choices",
    "sheet_renderer",
    "verify_code",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def default_printed_by() -> str:
    """The operating-system account name (there are no program accounts yet), at most 40 characters."""
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment is not an error
        name = ""
    return (name.strip() or "unknown")[:PRINTED_BY_MAX]


def _printed_by(value: str) -> str:
    text = " ".join(str(value).split())
    return (text or default_printed_by())[:PRINTED_BY_MAX]


def sheet_renderer(context: AppContext) -> SheetRenderer:
    """The sheet renderer the composition root wired into ``context``."""
    if context.sheet_renderer is None:
        raise RuntimeError("no sheet renderer wired into this context (app.build_context)")
    return context.sheet_renderer()


# ---------------------------------------------------------------- public use cases


@use_case("sheets.prepare", *EVERYONE)
def prepare_document(
    uow: UnitOfWork,
    request: SheetRequest,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PreparedDocument:
    """Read the records and build the document, each sheet with its next copy number and its code.

    Nothing is written. ``progress(done, total)`` is called after each sheet with ``total`` = sheets + 1
    (the last step is rendering, reported by :func:`print_document`); ``cancelled()`` returning True
    stops with :class:`SheetCancelled`.

    Raises:
        NotFound: ``hazard_unknown``, ``grading_unknown``, ``meeting_unknown``, ``dispute_unknown``,
            ``grading_none`` (the hazard has no confirmed grading).
        InvalidTransition: ``grading_not_confirmed`` (a draft has no sheet), ``dispute_not_ruled``.
        ValidationError: ``sheet_document_empty`` (a meeting without confirmed gradings).
        SheetCancelled: ``cancelled()`` said so.
    """
    with uow:
        reader = _Reader(uow)
        title, builders = _targets(reader, request)
        total = len(builders) + 1
        sheets: list[GradingSheet | DisputeSheet] = []
        plans: list[PlannedPrint] = []
        for index, build in enumerate(builders, start=1):
            if cancelled is not None and cancelled():
                raise SheetCancelled()
            sheet, plan = build()
            sheets.append(sheet)
            plans.append(plan)
            if progress is not None:
                progress(index, total)
    return PreparedDocument(request, SheetDocument(title, tuple(sheets)), tuple(plans))


def _printed_so_far(uow: UnitOfWork, plan: PlannedPrint) -> int:
    """How many times the sheet of ``plan`` was printed already (its copy number if printed now)."""
    if plan.kind.is_form:
        return uow.form_prints.count(plan.hazard_id, plan.kind, plan.digest)
    assert plan.grading_id is not None
    return uow.gradings.count_sheet_prints(plan.grading_id, plan.kind)


@use_case("sheets.record_prints", Role.INSPECTOR, Role.PANEL_LEADER, Role.DISPUTE_CHAIR, Role.SAFETY_ADMIN)
def record_prints(
    uow: UnitOfWork,
    prepared: PreparedDocument,
    printed_by: str,
    *,
    at: datetime | None = None,
    output: tuple[Path, Path] | None = None,
) -> tuple[SheetPrint | FormPrint, ...]:
    """Store one print row per sheet of ``prepared``, in one transaction with the copy-number check.

    With ``output`` = (rendered temporary PDF, target), the PDF is put in place (flushed, renamed, its
    folder flushed) inside the same transaction, after the check and before the commit: the prints are
    recorded only if the file is safely there, and the file is removed again if the commit fails.

    Raises:
        Conflict: ``sheet_copies_changed`` — one of the sheets was printed by someone else since
            ``prepared`` was built; its copy number on paper would be wrong. Prepare it again.
        ValidationError: ``time_naive``.
        OSError: the file could not be put in place (nothing was recorded).
    """
    now = utcnow() if at is None else at
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("time_naive", field="at")
    who = _printed_by(printed_by)
    records: list[SheetPrint | FormPrint] = []
    with uow:
        for plan in prepared.prints:
            if _printed_so_far(uow, plan) != plan.copy_no:
                raise Conflict("sheet_copies_changed", number=plan.hazard_number, sheet_no=plan.sheet_no)
        for plan in prepared.prints:
            record: SheetPrint | FormPrint
            if plan.kind.is_form:
                record = FormPrint(
                    id=new_id(),
                    kind=plan.kind,
                    hazard_id=plan.hazard_id,
                    subject_id=plan.subject_id,
                    verify_code=plan.verify_code,
                    digest=plan.digest,
                    copy_no=plan.copy_no,
                    printed_at=now,
                    printed_by=who,
                    created_at=now,
                    updated_at=now,
                )
                uow.form_prints.add(record)
            else:
                assert plan.grading_id is not None
                record = SheetPrint(
                    id=new_id(),
                    kind=plan.kind,
                    grading_id=plan.grading_id,
                    dispute_id=plan.dispute_id,
                    hazard_id=plan.hazard_id,
                    verify_code=plan.verify_code,
                    digest=plan.digest,
                    copy_no=plan.copy_no,
                    printed_at=now,
                    printed_by=who,
                    created_at=now,
                    updated_at=now,
                )
                uow.gradings.add_sheet_print(record)
            records.append(record)
        if output is None:
            uow.commit()
        else:
            rendered, target = output
            output_files.place(rendered, target)
            try:
                uow.commit()
            except BaseException:
                target.unlink(missing_ok=True)  # no print row, no printed file
                raise
    return tuple(records)


@use_case("sheets.save_pdf", Role.INSPECTOR, Role.PANEL_LEADER, Role.DISPUTE_CHAIR, Role.SAFETY_ADMIN)
def save_prepared_pdf(
    uow: UnitOfWork,
    prepared: PreparedDocument,
    rendered: Path,
    path: Path,
    printed_by: str,
    *,
    at: datetime | None = None,
) -> tuple[SheetPrint | FormPrint, ...]:
    """Save the already rendered PDF of ``prepared`` (the print preview's "Save as PDF…") as ``path``
    and record its prints, in one step: copied beside ``path`` under a temporary name, then as
    :func:`record_prints` with ``output``.

    Raises:
        as :func:`record_prints` (``Conflict("sheet_copies_changed")``: prepare and render again);
        OSError if the file cannot be written, with nothing recorded.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    partial = output_files.new_temporary(target.parent, f".{target.stem}.", ".part.pdf")
    try:
        shutil.copyfile(rendered, partial)
        return record_prints(uow, prepared, printed_by, at=at, output=(partial, target))
    finally:
        partial.unlink(missing_ok=True)


def _retry(exc: Exception) -> bool:
    """True for failures worth preparing and writing again: copies printed meanwhile, database busy."""
    return getattr(exc, "code", None) in ("sheet_copies_changed", "db_locked")


@use_case("sheets.print", Role.INSPECTOR, Role.PANEL_LEADER, Role.DISPUTE_CHAIR, Role.SAFETY_ADMIN)
def print_document(
    uow: UnitOfWork,
    request: SheetRequest,
    renderer: SheetRenderer,
    path: Path,
    printed_by: str,
    *,
    at: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    attempts: int = 3,
) -> PrintResult:
    """Build, render and record a document as the PDF ``path`` (Save as PDF…, the ``sheet`` command).

    The PDF is rendered next to ``path`` under a temporary name, then flushed, renamed into place and
    its prints committed in one step (:func:`record_prints` with ``output``): a file on disk always has
    its print rows and a print row its file. A conflict (someone printed the same sheet meanwhile) or a
    database kept busy by another program is retried with fresh copy numbers up to ``attempts`` times.

    Raises:
        as :func:`prepare_document` and :func:`record_prints`; OSError if the file cannot be written
        (``IsADirectoryError`` for a folder, ``FileNotFoundError`` for a missing folder: none is created),
        with nothing recorded.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if not target.parent.is_dir():  # a command never creates folders the user did not ask for
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    for attempt in range(1, attempts + 1):
        prepared = prepare_document(uow, request, progress=progress, cancelled=cancelled)
        partial = output_files.new_temporary(target.parent, f".{target.stem}.", ".part.pdf")
        try:
            renderer.render(prepared.document, partial)
            if cancelled is not None and cancelled():
                raise SheetCancelled()
            try:
                records = record_prints(uow, prepared, printed_by, at=at, output=(partial, target))
            except Exception as exc:
                if _retry(exc) and attempt < attempts:
                    continue
                raise
        finally:
            partial.unlink(missing_ok=True)
        if progress is not None:
            total = len(prepared.prints) + 1
            progress(total, total)
        return PrintResult(target, prepared, records)
    raise AssertionError("unreachable")  # pragma: no cover


@use_case("sheets.grading_document", *EVERYONE)
def grading_sheet_document(
    uow: UnitOfWork, hazard_id: uuid.UUID | None = None, grading_id: uuid.UUID | None = None
) -> SheetDocument:
    """The sheet of a hazard's final grading (``hazard_id``) or of one grading (``grading_id``).

    Copy numbers are those the next print would get. Raises as :func:`prepare_document`.
    """
    if (hazard_id is None) == (grading_id is None):
        raise ValueError("give exactly one of hazard_id and grading_id")
    request = SheetRequest.hazard(hazard_id) if hazard_id is not None else SheetRequest.grading(grading_id)  # type: ignore[arg-type]
    return prepare_document(uow, request).document


@use_case("sheets.meeting_document", *EVERYONE)
def meeting_document(uow: UnitOfWork, meeting_id: uuid.UUID) -> SheetDocument:
    """One document with a 隐患分级判定表 per confirmed grading of the meeting, in meeting order."""
    return prepare_document(uow, SheetRequest.meeting(meeting_id)).document


@use_case("sheets.dispute_document", *EVERYONE)
def dispute_document(uow: UnitOfWork, dispute_id: uuid.UUID) -> SheetDocument:
    """The 争议裁决表 of a ruled dispute."""
    return prepare_document(uow, SheetRequest.dispute(dispute_id)).document


@use_case("sheets.choices", *EVERYONE)
def sheet_choices(uow: UnitOfWork, hazard_id: uuid.UUID) -> list[SheetChoice]:
    """Every sheet the hazard can print: one per confirmed grading, oldest first; the final one flagged.

    Raises:
        NotFound: ``hazard_unknown``.
    """
    with uow:
        reader = _Reader(uow)
        hazard = reader.hazard(hazard_id)
        history = reader.history(hazard_id)
        current = rules.current_grading(history)
        superseded = {g.supersedes_id for g in history if g.confirmed and g.supersedes_id is not None}
        choices = []
        for grading in sorted((g for g in history if g.confirmed), key=_confirmed_key):
            kind = SheetKind.DISPUTE if grading.is_ruling else SheetKind.GRADING
            choices.append(
                SheetChoice(
                    request=SheetRequest.grading(grading.id),
                    kind=kind,
                    sheet_no=_sheet_no(grading, history, hazard.number),
                    hazard_number=hazard.number,
                    grading_id=grading.id,
                    dispute_id=grading.dispute_id,
                    method=grading.method,
                    grade=grading.grade,
                    graded_on=grading.graded_on,
                    mean_d=_mean_text(grading, reader.places, reader),
                    band_name_zh=grading.band_name_zh or "",
                    band_name_en=grading.band_name_en or "",
                    leader_name=reader.member_name(grading.leader_id, grading.leader_name),
                    is_final=current is not None and grading.id == current.id,
                    superseded=grading.id in superseded
                    or (current is not None and current.is_ruling and not grading.is_ruling),
                    prints=reader.prints_so_far(grading.id, kind),
                )
            )
        return choices


def export_hazard_sheet(
    context: AppContext,
    number: str,
    path: Path,
    *,
    printed_by: str | None = None,
    meeting: bool = False,
    dispute: bool = False,
) -> Path:
    """Write the sheet of the hazard numbered ``number`` to ``path`` and record the print (headless).

    By default the sheet of its final grading (a dispute ruling prints as 争议裁决表); ``meeting``: the
    whole batch of the meeting that graded it; ``dispute``: the 争议裁决表 of its latest ruled dispute.

    Raises:
        NotFound: ``hazard_number_unknown``, ``grading_none``, ``meeting_none`` (graded outside a
            meeting), ``dispute_none`` (no ruled dispute); and as :func:`print_document`.
    """
    text = normalise_number(number)
    with context.uow() as uow:
        hazard = uow.hazards.get_by_number(text)
        if hazard is None:
            raise NotFound("hazard_number_unknown", field="number", number=text)
        history = uow.gradings.history_for(hazard.id)
        if meeting:
            graded = [g for g in history if g.confirmed and g.meeting_id is not None]
            if not graded:
                raise NotFound("meeting_none", number=text)
            request = SheetRequest.meeting(max(graded, key=_confirmed_key).meeting_id)  # type: ignore[arg-type]
        elif dispute:
            ruled = [d for d in uow.gradings.disputes_for(hazard.id) if d.state is DisputeState.RULED]
            if not ruled:
                raise NotFound("dispute_none", number=text)
            request = SheetRequest.dispute(ruled[-1].id)
        else:
            if rules.current_grading(history) is None:
                raise NotFound("grading_none", number=text)
            request = SheetRequest.hazard(hazard.id)
    result = print_document(
        context.uow(), request, sheet_renderer(context), Path(path), printed_by or default_printed_by()
    )
    return result.path


def export_hazard_form(
    context: AppContext, kind: SheetKind, number: str, path: Path, *, printed_by: str | None = None
) -> Path:
    """Write the rectification form ``kind`` of the hazard numbered ``number`` to ``path`` and record the
    print (headless: the ``print`` command). A reprint of the same content is marked 副本.

    Raises:
        NotFound: ``hazard_number_unknown``.
        InvalidTransition: the form cannot be printed in the hazard's state (``form_notice_unassigned``,
            ``form_acceptance_not_due``, ``form_not_major``, ``form_plan_missing``); nothing is written.
        as :func:`print_document`.
    """
    text = normalise_number(number)
    with context.uow() as uow:
        hazard = uow.hazards.get_by_number(text)
        if hazard is None:
            raise NotFound("hazard_number_unknown", field="number", number=text)
    request = SheetRequest.form(kind, hazard.id)
    result = print_document(
        context.uow(), request, sheet_renderer(context), Path(path), printed_by or default_printed_by()
    )
    return result.path


@use_case("sheets.verify_code", *EVERYONE)
def verify_code(uow: UnitOfWork, typed: str) -> VerifyResult:
    """Check a code read from a sheet (typed ``XXXX-XXXX-XXXX`` in any case and spacing, or a scanned
    QR payload ``HDV1:<code>:<hazard number>``) against the records stored now.

    Raises:
        ValidationError: ``verify_code_invalid`` / ``verify_qr_invalid`` for text that is not a code.
    """
    text = (typed or "").strip()
    scanned_number = ""
    if text.upper().startswith(QR_PREFIX + ":"):
        code, scanned_number = parse_qr_payload_parts(text)
    else:
        code = normalize_code(text)
    with uow:
        prints = uow.gradings.find_sheet_prints(code)
        if not prints:
            forms = uow.form_prints.find(code)
            if forms:
                return _verify_form(uow, code, forms, scanned_number)
            reports = uow.form_prints.find_reports(code)
            if reports:
                return _verify_report(code, reports, scanned_number)
            return VerifyResult(VerifyStatus.UNKNOWN, code, scanned_number=scanned_number)
        first, last = prints[0], prints[-1]
        reader = _Reader(uow)
        hazard = uow.hazards.get(first.hazard_id)
        hazard_number = "" if hazard is None else hazard.number
        history = [] if hazard is None else reader.history(hazard.id)
        grading = next((g for g in history if g.id == first.grading_id), None) or uow.gradings.get(first.grading_id)
        digest: str | None = None
        if grading is not None:
            if first.kind is SheetKind.DISPUTE:
                dispute = None if first.dispute_id is None else uow.gradings.get_dispute(first.dispute_id)
                original = None if dispute is None else uow.gradings.get(dispute.grading_id)
                if dispute is not None and original is not None:
                    voted = voted_ruling(dispute, grading, uow.gradings.get)
                    digest = record_digest(dispute_record(dispute, grading, original, voted))
            else:
                digest = record_digest(rules.canonical_record(grading))
        intact = digest is not None and digest == first.digest and short_code(digest) == code
        current = rules.current_grading(history)
        return VerifyResult(
            status=VerifyStatus.VERIFIED if intact else VerifyStatus.ALTERED,
            code=code,
            kind=first.kind,
            sheet_no="" if grading is None or hazard is None else _sheet_no(grading, history, hazard.number),
            hazard_id=first.hazard_id,
            hazard_number=hazard_number,
            grading_id=first.grading_id,
            dispute_id=first.dispute_id,
            printed_at=first.printed_at,
            last_printed_at=last.printed_at,
            printed_by=first.printed_by,
            copy_no=max(p.copy_no for p in prints),
            prints=len(prints),
            is_current=current is not None and current.id == first.grading_id,
            scanned_number=scanned_number,
            number_matches=not scanned_number or scanned_number == hazard_number,
            missing=digest is None,
        )


def _verify_report(code: str, prints: list[ReportPrint], scanned_number: str) -> VerifyResult:
    """:func:`verify_code` of a statistics report: a report certifies the figures printed on it, which are not
    a record of the register (they move with every hazard), so the code is verified against the digest
    stored when the report was saved; ``sheet_no`` is the period (``2026Q4``), the QR's second part too."""
    first, last = prints[0], prints[-1]
    intact = short_code(first.digest) == code
    return VerifyResult(
        status=VerifyStatus.VERIFIED if intact else VerifyStatus.ALTERED,
        code=code,
        kind=SheetKind.STATISTICS,
        sheet_no=first.period_key,
        printed_at=first.printed_at,
        last_printed_at=last.printed_at,
        printed_by=first.printed_by,
        prints=len(prints),
        is_current=intact,
        scanned_number=scanned_number,
        number_matches=not scanned_number or scanned_number == first.period_key,
    )


def _verify_form(uow: UnitOfWork, code: str, prints: list[FormPrint], scanned_number: str) -> VerifyResult:
    """:func:`verify_code` of a rectification form: its record as stored now, hashed as when printed."""
    from hazard_desktop.services.form_builders import form_record_now

    first, last = prints[0], prints[-1]
    hazard = uow.hazards.get(first.hazard_id)
    hazard_number = "" if hazard is None else hazard.number
    record, sheet_no = (
        (None, "") if hazard is None else form_record_now(_Reader(uow), first.kind, hazard.id, first.subject_id)
    )
    digest = None if record is None else record_digest(record)
    intact = digest is not None and digest == first.digest and short_code(digest) == code
    return VerifyResult(
        status=VerifyStatus.VERIFIED if intact else VerifyStatus.ALTERED,
        code=code,
        kind=first.kind,
        sheet_no=sheet_no,
        hazard_id=first.hazard_id,
        hazard_number=hazard_number,
        printed_at=first.printed_at,
        last_printed_at=last.printed_at,
        printed_by=first.printed_by,
        copy_no=max(p.copy_no for p in prints),
        prints=len(prints),
        is_current=intact,
        scanned_number=scanned_number,
        number_matches=not scanned_number or scanned_number == hazard_number,
        missing=digest is None,
    )

"""Printed sheets: every print or saved PDF of a grading or dispute sheet, or of a rectification form,
is recorded.

The record keeps the verification code and the digest it certifies, and the copy number (0 for the
original, n for the n-th reprint, printed as 副本), so a code read back from paper can be checked.
Grading and dispute sheets are :class:`SheetPrint` rows (one per grading); the rectification forms
(issue 12) are :class:`FormPrint` rows, numbered per hazard, form and certified content (its digest): the
same notice printed again is a 副本, a notice whose 五定 changed since (an extension) is a new original.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from hazard_desktop.domain.sheet_kinds import FORM_KINDS, SheetKind  # noqa: F401 - FORM_KINDS: re-exported


@dataclass(frozen=True, slots=True)
class SheetPrint:
    """One printed (or saved) sheet.

    ``grading_id`` is the grading the sheet certifies (for a dispute sheet: the ruling grading);
    ``dispute_id`` is set for dispute sheets only.
    """

    id: uuid.UUID
    kind: SheetKind
    grading_id: uuid.UUID
    dispute_id: uuid.UUID | None
    hazard_id: uuid.UUID
    verify_code: str
    digest: str
    copy_no: int
    printed_at: datetime
    printed_by: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class FormPrint:
    """One printed (or saved) rectification form.

    ``subject_id`` is the record the form certifies (the 五定 assignment, the acceptance round's
    submission, the treatment plan); the copy number counts earlier prints of the same hazard, kind and
    ``digest``.
    """

    id: uuid.UUID
    kind: SheetKind
    hazard_id: uuid.UUID
    subject_id: uuid.UUID | None
    verify_code: str
    digest: str
    copy_no: int
    printed_at: datetime
    printed_by: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReportPrint:
    """One saved statistics report (PDF or workbook) with its 核验码.

    A report certifies figures, not a hazard's record: ``digest`` is that of the printed figures
    (``services.reports.build_report``), kept so that verification recognises the code; ``period_key``
    (``2026Q4``) and ``title`` say which report it was, ``file_format`` ``pdf`` or ``xlsx``.
    """

    id: uuid.UUID
    period_key: str
    title: str
    file_format: str
    verify_code: str
    digest: str
    printed_at: datetime
    printed_by: str
    created_at: datetime
    updated_at: datetime

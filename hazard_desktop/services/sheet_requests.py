"""What the sheet use cases take and give: print requests, prepared documents and their print rows,
print results, the sheets a hazard can print, verification results (see :mod:`.sheets`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from hazard_desktop.domain.grading import GradingMethod
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.sheet_prints import FORM_KINDS, FormPrint, SheetKind, SheetPrint
from hazard_desktop.services.sheet_models import SheetDocument


class SheetCancelled(Exception):  # noqa: N818 - the user's action, not a failure
    """The user cancelled building a document; nothing was printed or recorded."""


# ---------------------------------------------------------------- requests and results


class SheetTarget(StrEnum):
    """What a print request names."""

    HAZARD = "hazard"  # the grading that counts for the hazard (a ruling prints as 争议裁决表)
    GRADING = "grading"  # one grading of the history (a ruling prints as 争议裁决表)
    MEETING = "meeting"  # every confirmed grading of a panel meeting, one document
    DISPUTE = "dispute"  # the 争议裁决表 of a ruled dispute
    NOTICE = "notice"  # the hazard's 隐患整改通知书 (+ 回执)
    ACCEPTANCE = "acceptance"  # its 隐患整改验收单 (the latest round)
    PLAN = "plan"  # its 重大事故隐患治理方案
    REPORT = "report"  # its 重大事故隐患报告 (to the regulator)

    @property
    def form_kind(self) -> SheetKind | None:
        """The rectification form this target prints (None: a grading sheet target)."""
        return SheetKind(self.value) if self.value in {k.value for k in FORM_KINDS} else None


@dataclass(frozen=True, slots=True)
class SheetRequest:
    """A document to print: build one with :meth:`hazard`, :meth:`grading`, :meth:`meeting`, :meth:`dispute`."""

    target: SheetTarget
    id: uuid.UUID

    @classmethod
    def hazard(cls, hazard_id: uuid.UUID) -> SheetRequest:
        """The sheet of the hazard's final grading."""
        return cls(SheetTarget.HAZARD, hazard_id)

    @classmethod
    def grading(cls, grading_id: uuid.UUID) -> SheetRequest:
        """The sheet of one confirmed grading."""
        return cls(SheetTarget.GRADING, grading_id)

    @classmethod
    def meeting(cls, meeting_id: uuid.UUID) -> SheetRequest:
        """One document with the sheets of every confirmed grading of a meeting."""
        return cls(SheetTarget.MEETING, meeting_id)

    @classmethod
    def dispute(cls, dispute_id: uuid.UUID) -> SheetRequest:
        """The 争议裁决表 of a ruled dispute."""
        return cls(SheetTarget.DISPUTE, dispute_id)

    @classmethod
    def form(cls, kind: SheetKind, hazard_id: uuid.UUID) -> SheetRequest:
        """A rectification form of a hazard (``kind``: notice, acceptance, plan, report)."""
        if not SheetKind(kind).is_form:
            raise ValueError(f"{kind} is not a rectification form")
        return cls(SheetTarget(SheetKind(kind).value), hazard_id)


@dataclass(frozen=True, slots=True)
class PlannedPrint:
    """One sheet of a prepared document and the print row it will be recorded as.

    A grading or dispute sheet names its ``grading_id`` (a ``SheetPrint``); a rectification form has
    none and names the record it certifies as ``subject_id`` (a ``FormPrint``).
    """

    kind: SheetKind
    grading_id: uuid.UUID | None
    dispute_id: uuid.UUID | None
    hazard_id: uuid.UUID
    hazard_number: str
    sheet_no: str
    verify_code: str
    digest: str
    copy_no: int
    subject_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document ready to render, with the print rows that go with it (see :func:`record_prints`)."""

    request: SheetRequest
    document: SheetDocument
    prints: tuple[PlannedPrint, ...]

    @property
    def title(self) -> str:
        """The document's title (PDF metadata, print job name, suggested file name)."""
        return self.document.title

    @property
    def reprints(self) -> int:
        """How many of its sheets are reprints (副本)."""
        return sum(1 for p in self.prints if p.copy_no > 0)


@dataclass(frozen=True, slots=True)
class PrintResult:
    """A document written to ``path`` and its recorded prints."""

    path: Path
    prepared: PreparedDocument
    records: tuple[SheetPrint | FormPrint, ...]


@dataclass(frozen=True, slots=True)
class SheetChoice:
    """A sheet a hazard can print: one per confirmed grading of its history (for the chooser).

    ``band_name_zh``/``band_name_en`` are empty for a major grading without scores; ``mean_d`` is the
    mean with the plant's decimals ("" without scores).
    """

    request: SheetRequest
    kind: SheetKind
    sheet_no: str
    hazard_number: str
    grading_id: uuid.UUID
    dispute_id: uuid.UUID | None
    method: GradingMethod
    grade: HazardGrade
    graded_on: date
    mean_d: str
    band_name_zh: str
    band_name_en: str
    leader_name: str
    is_final: bool
    superseded: bool
    prints: int


class VerifyStatus(StrEnum):
    """Outcome of :func:`verify_code`."""

    VERIFIED = "verified"  # the database still holds exactly the printed record
    ALTERED = "altered"  # the code was printed, but the stored record no longer hashes to it
    UNKNOWN = "unknown"  # no sheet with this code was ever printed or saved here


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """What the database says about a printed code.

    Attributes:
        status: verified / altered / unknown.
        code: the code as printed (``XXXX-XXXX-XXXX``).
        kind, sheet_no, hazard_id, hazard_number, grading_id, dispute_id: the sheet (unknown: empty).
        printed_at, printed_by: the first print with this code; ``last_printed_at`` the latest.
        copy_no: the highest copy number printed with this code (0: only the original).
        prints: how many prints/saves carry this code.
        is_current: the grading is still the one that counts for the hazard (not corrected or ruled on).
        scanned_number: the hazard number read from a scanned QR ("" when the code was typed);
            ``number_matches`` is False when it differs from the stored hazard's number.
        missing: the certified record is gone from the database (status altered).
    """

    status: VerifyStatus
    code: str
    kind: SheetKind | None = None
    sheet_no: str = ""
    hazard_id: uuid.UUID | None = None
    hazard_number: str = ""
    grading_id: uuid.UUID | None = None
    dispute_id: uuid.UUID | None = None
    printed_at: datetime | None = None
    last_printed_at: datetime | None = None
    printed_by: str = ""
    copy_no: int = 0
    prints: int = 0
    is_current: bool = False
    scanned_number: str = ""
    number_matches: bool = True
    missing: bool = False

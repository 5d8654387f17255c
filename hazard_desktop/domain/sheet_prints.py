"""Printed sheets: every print or saved PDF of a grading or dispute sheet is recorded.

The record keeps the verification code and the digest it certifies, and the copy number (0 for the
original, n for the n-th reprint, printed as 副本), so a code read back from paper can be checked.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SheetKind(StrEnum):
    """Which form was printed."""

    GRADING = "grading"  # 隐患分级判定表
    DISPUTE = "dispute"  # 争议裁决表


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

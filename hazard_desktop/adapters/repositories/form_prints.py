"""The prints of the rectification forms (table ``form_prints``, migration 0007) and of the statistics
reports (table ``report_prints``, migration 0014)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import FormPrintRow, ReportPrintRow
from hazard_desktop.domain.sheet_prints import FormPrint, ReportPrint, SheetKind


def _print(row: FormPrintRow) -> FormPrint:
    return FormPrint(
        id=row.id,
        kind=SheetKind(row.kind),
        hazard_id=row.hazard_id,
        subject_id=row.subject_id,
        verify_code=row.verify_code,
        digest=row.digest,
        copy_no=row.copy_no,
        printed_at=row.printed_at,
        printed_by=row.printed_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class SqlFormPrintRepository:
    """``uow.form_prints``: add, count for the next copy number, find by verification code."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, form_print: FormPrint) -> None:
        self._session.add(
            FormPrintRow(
                id=form_print.id,
                kind=form_print.kind.value,
                hazard_id=form_print.hazard_id,
                subject_id=form_print.subject_id,
                verify_code=form_print.verify_code,
                digest=form_print.digest,
                copy_no=form_print.copy_no,
                printed_at=form_print.printed_at,
                printed_by=form_print.printed_by,
                created_at=form_print.created_at,
                updated_at=form_print.updated_at,
            )
        )
        self._session.flush()

    def count(self, hazard_id: uuid.UUID, kind: SheetKind, digest: str) -> int:
        """How many prints of this form with this content exist (the next copy number)."""
        return int(
            self._session.scalar(
                select(func.count())
                .select_from(FormPrintRow)
                .where(
                    FormPrintRow.hazard_id == hazard_id,
                    FormPrintRow.kind == SheetKind(kind).value,
                    FormPrintRow.digest == digest,
                )
            )
            or 0
        )

    def find(self, verify_code: str) -> list[FormPrint]:
        """Every print carrying ``verify_code``, oldest first."""
        rows = self._session.scalars(
            select(FormPrintRow)
            .where(FormPrintRow.verify_code == verify_code)
            .order_by(FormPrintRow.printed_at, FormPrintRow.copy_no, FormPrintRow.id)
        )
        return [_print(r) for r in rows]

    def add_report(self, report_print: ReportPrint) -> None:
        """Record a saved statistics report's 核验码."""
        self._session.add(
            ReportPrintRow(
                id=report_print.id,
                period_key=report_print.period_key,
                title=report_print.title,
                file_format=report_print.file_format,
                verify_code=report_print.verify_code,
                digest=report_print.digest,
                printed_at=report_print.printed_at,
                printed_by=report_print.printed_by,
                created_at=report_print.created_at,
                updated_at=report_print.updated_at,
            )
        )
        self._session.flush()

    def find_reports(self, verify_code: str) -> list[ReportPrint]:
        """Every saved statistics report carrying ``verify_code``, oldest first."""
        rows = self._session.scalars(
            select(ReportPrintRow)
            .where(ReportPrintRow.verify_code == verify_code)
            .order_by(ReportPrintRow.printed_at, ReportPrintRow.id)
        )
        return [
            ReportPrint(
                id=r.id,
                period_key=r.period_key,
                title=r.title,
                file_format=r.file_format,
                verify_code=r.verify_code,
                digest=r.digest,
                printed_at=r.printed_at,
                printed_by=r.printed_by,
                created_at=r.created_at,
                updated_at=r.updated_at,
            )
            for r in rows
        ]

"""Ledger imports on a SQLAlchemy session: batches, imported rows, imported LEC history, 原编号."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import HazardRow, ImportedGradingRow, LedgerImportedRow, LedgerImportRow
from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.domain.ledger import ImportedGrading, ImportedRow, LedgerBatch, LedgerOrigin
from hazard_desktop.domain.search import HazardTokens, hazard_tokens

_INDEX = text("INSERT INTO hazard_fts(rowid, tokens) VALUES (:pk, :tokens)")
_UNINDEX = text("INSERT INTO hazard_fts(hazard_fts, rowid, tokens) VALUES ('delete', :pk, :tokens)")
_KEYS_PER_QUERY = 500  # SQLite's bound parameters per statement stay well below its limit


def _grading(row: ImportedGradingRow) -> ImportedGrading:
    return ImportedGrading(
        id=row.id,
        hazard_id=row.hazard_id,
        batch_id=row.batch_id,
        source_name=row.source_name,
        sheet_name=row.sheet_name,
        row_no=row.row_no,
        likelihood=row.likelihood,
        exposure=row.exposure,
        consequence=row.consequence,
        score=row.score,
        band_code=row.band_code,
        band_name_zh=row.band_name_zh,
        band_name_en=row.band_name_en,
        threshold_set_name=row.threshold_set_name,
        legacy_grade=row.legacy_grade,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class SqlLedgerRepository:
    """What ledger imports store."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def known_keys(self, keys: Sequence[str]) -> set[str]:
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), _KEYS_PER_QUERY):
            chunk = wanted[start : start + _KEYS_PER_QUERY]
            found.update(
                self._session.scalars(select(LedgerImportedRow.row_key).where(LedgerImportedRow.row_key.in_(chunk)))
            )
        return found

    def add_batch(self, batch: LedgerBatch) -> None:
        self._session.add(
            LedgerImportRow(
                id=batch.id,
                source_name=batch.source_name,
                source_sha256=batch.source_sha256,
                sheet_name=batch.sheet_name,
                rows_imported=batch.rows_imported,
                rows_skipped=batch.rows_skipped,
                created_at=batch.created_at,
                updated_at=batch.updated_at,
            )
        )
        self._session.flush()

    def add_row(self, row: ImportedRow) -> None:
        self.add_rows([row])

    def add_rows(self, rows: Sequence[ImportedRow]) -> None:
        if not rows:
            return
        self._session.execute(
            insert(LedgerImportedRow),
            [
                {
                    "id": row.id,
                    "batch_id": row.batch_id,
                    "row_no": row.row_no,
                    "row_key": row.key,
                    "hazard_id": row.hazard_id,
                    "kept": json.dumps(row.kept, ensure_ascii=False, sort_keys=True),
                    "created_at": row.created_at,
                    "updated_at": row.updated_at,
                }
                for row in rows
            ],
        )

    def add_grading(self, grading: ImportedGrading) -> None:
        self.add_gradings([grading])

    def add_gradings(self, gradings: Sequence[ImportedGrading]) -> None:
        if not gradings:
            return
        names = [c.key for c in ImportedGradingRow.__table__.columns]
        self._session.execute(
            insert(ImportedGradingRow), [{name: getattr(g, name) for name in names} for g in gradings]
        )

    def add_hazards(self, hazards: Sequence[tuple[Hazard, str]]) -> list[Hazard]:
        """Number and insert new hazards with their 原编号, in the session's transaction (Core, in batches).

        The ORM's per-row path (``hazards.add`` + ``next_sequence``) cost ~13 ms a row (5,000 rows: 64 s);
        the bulk writer's driver-level inserts take a fraction of that. Numbers come from
        ``number_sequences`` inside this transaction, in the order given, as ``write_new_hazards`` does.
        """
        from hazard_desktop.adapters.bulk import CoreBulkWriter

        self._session.flush()  # rows the session holds (the batch) go first: the same connection follows
        connection = self._session.connection()
        numbered = list(CoreBulkWriter(connection=connection).write_new_hazards([hazard for hazard, _ in hazards]))
        # what the bulk writer does not write: 原编号, the ledger's 发现人 text and "a date only" (revision 0014)
        extra = {
            str(h.id): (number or None, h.found_by_text, 1 if h.found_date_only else None)
            for h, (_, number) in zip(numbered, hazards, strict=True)
            if number or h.found_by_text is not None or h.found_date_only
        }
        if extra:
            rows = connection.exec_driver_sql(
                "SELECT pk, id, number, description, location, equipment_tag FROM hazards WHERE id IN "
                f"({','.join('?' * len(extra))})",
                tuple(extra),
            ).fetchall()
            tokens = HazardTokens()
            connection.exec_driver_sql(
                "UPDATE hazards SET legacy_number = ?, found_by_text = ?, found_date_only = ? WHERE pk = ?",
                [(*extra[row[1]], row[0]) for row in rows],
            )
            changed = [
                (pk, tokens(number, description, location, tag), tokens(number, description, location, tag,
                 extra[hazard_id][0] or "", extra[hazard_id][1] or ""))
                for pk, hazard_id, number, description, location, tag in rows
            ]  # fmt: skip
            changed = [c for c in changed if c[1] != c[2]]
            if changed:
                connection.exec_driver_sql(
                    "INSERT INTO hazard_fts(hazard_fts, rowid, tokens) VALUES ('delete', ?, ?)",
                    [(pk, old) for pk, old, _new in changed],
                )
                connection.exec_driver_sql(
                    "INSERT INTO hazard_fts(rowid, tokens) VALUES (?, ?)", [(pk, new) for pk, _old, new in changed]
                )
        return numbered

    def set_legacy_number(self, hazard_id: uuid.UUID, legacy_number: str) -> None:
        """Store the 原编号 and bring the hazard's full-text row to its new tokens."""
        self._session.flush()
        columns = (
            HazardRow.pk,
            HazardRow.number,
            HazardRow.description,
            HazardRow.location,
            HazardRow.equipment_tag,
            HazardRow.legacy_number,
            HazardRow.found_by_text,
        )
        pk, number, description, location, tag, old_legacy, finder = self._session.execute(
            select(*columns).where(HazardRow.id == hazard_id)
        ).one()
        old = hazard_tokens(number, description, location, tag, old_legacy or "", finder or "")
        new = hazard_tokens(number, description, location, tag, legacy_number, finder or "")
        self._session.execute(update(HazardRow).where(HazardRow.pk == pk).values(legacy_number=legacy_number or None))
        if new != old:
            self._session.execute(_UNINDEX, {"pk": pk, "tokens": old})
            self._session.execute(_INDEX, {"pk": pk, "tokens": new})

    def origin(self, hazard_id: uuid.UUID) -> LedgerOrigin | None:
        found = self._session.execute(
            select(LedgerImportedRow, LedgerImportRow)
            .join(LedgerImportRow, LedgerImportRow.id == LedgerImportedRow.batch_id)
            .where(LedgerImportedRow.hazard_id == hazard_id)
        ).first()
        if found is None:
            return None
        row, batch = found
        legacy = self._session.scalar(select(HazardRow.legacy_number).where(HazardRow.id == hazard_id))
        grading = self._session.scalars(
            select(ImportedGradingRow).where(ImportedGradingRow.hazard_id == hazard_id)
        ).first()
        return LedgerOrigin(
            source_name=batch.source_name,
            sheet_name=batch.sheet_name,
            row_no=row.row_no,
            legacy_number=legacy or "",
            kept=json.loads(row.kept),
            imported_at=batch.created_at,
            grading=_grading(grading) if grading is not None else None,
        )

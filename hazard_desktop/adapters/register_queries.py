"""Read side of the register: paged, sorted and filtered in SQL over one long-lived connection.

Measured (TOOLCHAIN.md §8): an ORM fetch costs several times raw sqlite3, and sorting or filtering
100,000 rows in Qt takes seconds to minutes. So the view asks for one page at a time, and this module
builds plain SQL with bound parameters and reads tuples.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine

from hazard_desktop.domain.grading import DisputeState, GradingMethod
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.search import fts_phrase, search_words
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey

_STATUS_ORDER = " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(HazardStatus))
_GRADE_ORDER = " ".join(f"WHEN '{g.value}' THEN {n}" for n, g in enumerate(HazardGrade))
_METHOD_ORDER = " ".join(f"WHEN '{m.value}' THEN {n}" for n, m in enumerate(GradingMethod))
_DISPUTE_ORDER = " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(DisputeState))

ORDER_SQL: dict[SortKey, str] = {
    SortKey.NUMBER: "h.number",
    SortKey.FOUND_AT: "h.found_at",
    SortKey.DESCRIPTION: "h.description",
    SortKey.LOCATION: "h.location",
    SortKey.CATEGORY: "(SELECT c.sort_order FROM categories c WHERE c.code = h.category_code)",
    SortKey.DEPARTMENT: "(SELECT d2.name FROM departments d2 WHERE d2.id = h.department_id)",
    SortKey.STATUS: f"CASE h.status {_STATUS_ORDER} END",
    SortKey.GRADE: f"CASE h.grade {_GRADE_ORDER} END",
    SortKey.UPDATED_AT: "h.updated_at",
    # Rank 1 is the most dangerous band: negate it so ascending goes from harmless to dangerous.
    SortKey.BAND: "(SELECT -min(b.rank) FROM threshold_bands b WHERE b.code = h.band_code)",
    SortKey.MEAN_D: "h.mean_d_sort",
    SortKey.METHOD: f"CASE h.grading_method {_METHOD_ORDER} END",
    SortKey.DISPUTE: f"CASE h.dispute_state {_DISPUTE_ORDER} END",
}

_COLUMNS = """h.id, h.number, h.description, h.location, h.equipment_tag, h.category_code,
 h.subcategory_code, d.name, p.name, h.found_at, h.status, h.grade,
 (SELECT count(*) FROM hazard_photos ph WHERE ph.hazard_id = h.id),
 h.grading_method, h.band_code, h.mean_d, h.dispute_state"""


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where_clause(flt: RegisterFilter) -> tuple[str, list[Any]]:
    """SQL condition (over alias ``h``) and parameters for a register filter."""
    parts: list[str] = []
    params: list[Any] = []
    if flt.statuses:
        parts.append(f"h.status IN ({','.join('?' * len(flt.statuses))})")
        params.extend(sorted(s.value for s in flt.statuses))
    if flt.grades:
        parts.append(f"h.grade IN ({','.join('?' * len(flt.grades))})")
        params.extend(sorted(g.value for g in flt.grades))
    if flt.category_code:
        parts.append("h.category_code = ?")
        params.append(flt.category_code)
    if flt.department_id:
        parts.append("h.department_id = ?")
        params.append(str(flt.department_id))
    if flt.found_from:
        parts.append("h.found_at >= ?")
        params.append(_stamp(flt.found_from))
    if flt.found_before:
        parts.append("h.found_at < ?")
        params.append(_stamp(flt.found_before))
    if flt.band_codes:
        parts.append(f"h.band_code IN ({','.join('?' * len(flt.band_codes))})")
        params.extend(sorted(flt.band_codes))
    if flt.methods:
        parts.append(f"h.grading_method IN ({','.join('?' * len(flt.methods))})")
        params.extend(sorted(str(m) for m in flt.methods))
    if flt.disputed is not None:
        parts.append("h.dispute_state IS NOT NULL" if flt.disputed else "h.dispute_state IS NULL")
    if flt.inspection_id is not None:
        parts.append("h.id IN (SELECT hazard_id FROM inspection_answers WHERE inspection_id = ?)")
        params.append(str(flt.inspection_id))
    phrases = []
    for word in search_words(flt.text):
        phrase = fts_phrase(word)
        if phrase is not None:
            phrases.append(phrase)
        else:
            parts.append(
                "(h.description LIKE ? ESCAPE '\\' OR h.location LIKE ? ESCAPE '\\'"
                " OR h.number LIKE ? ESCAPE '\\' OR h.equipment_tag LIKE ? ESCAPE '\\')"
            )
            params.extend([_like(word)] * 4)
    if phrases:
        parts.append("h.pk IN (SELECT rowid FROM hazard_fts WHERE hazard_fts MATCH ?)")
        params.append(" AND ".join(phrases))
    return (" AND ".join(parts) or "1"), params


def _row(values: Sequence[Any]) -> RegisterRow:
    return RegisterRow(
        id=uuid.UUID(values[0]),
        number=values[1],
        description=values[2],
        location=values[3],
        equipment_tag=values[4],
        category_code=values[5],
        subcategory_code=values[6],
        department_name=values[7],
        found_by_name=values[8],
        found_at=datetime.fromisoformat(values[9]).replace(tzinfo=UTC),
        status=HazardStatus(values[10]),
        grade=HazardGrade(values[11]),
        photo_count=values[12],
        grading_method=values[13],
        band_code=values[14],
        mean_d=None if values[15] is None else Decimal(values[15]),
        dispute_state=values[16],
    )


class SqlRegisterQueries:
    """RegisterQueries over a dedicated autocommit connection (each query sees the latest commit)."""

    def __init__(self, engine: Engine) -> None:
        self._connection = engine.raw_connection()

    def close(self) -> None:
        """Give the connection back."""
        self._connection.close()

    def count(self, flt: RegisterFilter) -> int:
        where, params = where_clause(flt)
        cursor = self._connection.cursor()
        try:
            cursor.execute(f"SELECT count(*) FROM hazards h WHERE {where}", params)
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def page(self, flt: RegisterFilter, sort: SortKey, descending: bool, offset: int, limit: int) -> list[RegisterRow]:
        where, params = where_clause(flt)
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT {_COLUMNS} FROM hazards h"
            " JOIN departments d ON d.id = h.department_id"
            " JOIN people p ON p.id = h.found_by_id"
            f" WHERE {where} ORDER BY {ORDER_SQL[sort]} {direction}, h.pk {direction} LIMIT ? OFFSET ?"
        )
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql, [*params, limit, offset])
            return [_row(values) for values in cursor.fetchall()]
        finally:
            cursor.close()

"""The ledger's rows in plain SQL: the register's filter and order (``register_queries``), streamed.

One query over every matching hazard, read in blocks (``fetchmany``) on a connection of its own, so an
export of 100,000 hazards runs on a worker thread beside the window and holds one block at a time. The
small tables (departments, people, categories, bands) are read once into dictionaries instead of being
joined per row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from hazard_desktop.adapters.register_queries import NUMERIC_NUMBER_KEY, ORDER_SQL, WIDE_NUMBERS, where_clause
from hazard_desktop.adapters.start_reads import apply_pragmas
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus, finder_text_zh
from hazard_desktop.domain.reference import namesake_numbers, printed_name
from hazard_desktop.services.ledger_export import BandCell, LedgerRow
from hazard_desktop.services.ports import RegisterFilter, SortKey

BLOCK = 2000  # rows per fetch

_STATUSES = {s.value: s for s in HazardStatus}
_GRADES = {g.value: g for g in HazardGrade}

_ACCEPTED = "FROM acceptances a WHERE a.hazard_id = h.id AND a.result = 'accepted' ORDER BY a.decided_at DESC LIMIT 1"
# The found day in the computer's time zone, as Python's astimezone() gives it, in SQL (a fifth of the
# read's time when done per row in Python).
_COLUMNS = (
    "h.number, date(h.found_at, 'localtime'), h.found_by_id, h.department_id, h.location, h.equipment_tag,"
    " h.description, h.category_code, h.subcategory_code, h.grade, h.grading_method, h.mean_d, h.band_code,"
    " h.current_grading_id, h.status,"
    # 五定 (one assignment per hazard; the current deadline is the hazard's) and the accepting acceptance
    # (ix_acceptances_hazard serves the lookups)
    " h.responsible_department_id, h.responsible_person_id, ra.measures, ra.funds, h.deadline, ra.interim_measures,"
    f" (SELECT json_extract(a.decided_by, '$.name') {_ACCEPTED}), (SELECT a.decided_on {_ACCEPTED}), h.closed_on,"
    # an imported hazard's 发现人 as the old ledger wrote it (revision 0014): printed instead of found_by_id's
    " h.found_by_text,"
    # who accepted, to print a namesake's employee number after the name recorded at the time
    f" (SELECT json_extract(a.decided_by, '$.person_id') {_ACCEPTED})"
)


class _PersonRow(NamedTuple):
    id: str
    name: str
    department_id: str
    employee_no: str


class SqlLedgerSource:
    """``services.ledger_export.LedgerSource`` over a plain sqlite3 connection to the register at ``path``."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        apply_pragmas(self._connection)

    def close(self) -> None:
        self._connection.close()

    def count(self, flt: RegisterFilter) -> int:
        where, params = where_clause(flt)
        return int(self._connection.execute(f"SELECT count(*) FROM hazards h WHERE {where}", params).fetchone()[0])

    def found_span(self, flt: RegisterFilter) -> tuple[date, date] | None:
        where, params = where_clause(flt)
        first, last = self._connection.execute(
            f"SELECT min(h.found_at), max(h.found_at) FROM hazards h WHERE {where}", params
        ).fetchone()
        if first is None:
            return None
        return _day(first), _day(last)

    def _names(self, sql: str) -> dict[Any, str]:
        return {key: name for key, name in self._connection.execute(sql)}

    def _people(self) -> tuple[dict[str, str], dict[str, str]]:
        """(person id → name as printed, person id → a namesake's employee number): a person who shares name
        and department with another is printed ``周永明（E0099）`` (``domain.reference.namesake_numbers``)."""
        rows = [
            _PersonRow(*v) for v in self._connection.execute("SELECT id, name, department_id, employee_no FROM people")
        ]
        numbers = namesake_numbers(rows)
        return {p.id: printed_name(p.name, numbers.get(p.id)) for p in rows}, numbers

    def _criteria(self) -> dict[str, str]:
        """Grading id → its matched criteria's codes in the panel's order ("、"-separated).

        Read once: ``grading_criteria`` has no index on ``grading_id``, so a lookup per hazard would scan
        the table for every row. Only gradings by the criteria have rows (a few per cent of hazards).
        """
        codes: dict[str, list[str]] = {}
        for grading_id, code in self._connection.execute(
            "SELECT grading_id, code FROM grading_criteria ORDER BY grading_id, position"
        ):
            codes.setdefault(grading_id, []).append(code)
        return {grading_id: "、".join(found) for grading_id, found in codes.items()}

    def _bands(self) -> dict[str, BandCell]:
        """Band code → name and colour, from the newest threshold set that has the code."""
        bands: dict[str, BandCell] = {}
        rows = self._connection.execute(
            "SELECT b.code, b.name_zh, b.colour FROM threshold_bands b JOIN threshold_sets s ON s.id = b.set_id"
            " ORDER BY s.effective_from, s.created_at"
        )
        for code, name, colour in rows:
            bands[code] = BandCell(name, colour)
        return bands

    def _sort_key(self, sort: SortKey) -> str:
        if sort is SortKey.NUMBER:
            wide = self._connection.execute(WIDE_NUMBERS)
            if wide.fetchone()[0]:
                return NUMERIC_NUMBER_KEY
        return ORDER_SQL[sort]

    def rows(self, flt: RegisterFilter, sort: SortKey, descending: bool) -> Iterator[LedgerRow]:
        people, numbers = self._people()
        departments = self._names("SELECT id, name FROM departments")
        categories = self._names("SELECT code, code || ' ' || name_zh FROM categories")
        subcategories = self._names("SELECT code, name_zh FROM subcategories")
        bands = self._bands()
        criteria = self._criteria()
        where, params = where_clause(flt)
        direction = "DESC" if descending else "ASC"
        order = f"{self._sort_key(sort)} {direction}, h.pk {direction}"
        cursor = self._connection.execute(
            f"SELECT {_COLUMNS} FROM hazards h LEFT JOIN rectification_assignments ra ON ra.hazard_id = h.id"
            f" WHERE {where} ORDER BY {order}",
            params,
        )
        new_row = tuple.__new__
        from_iso = date.fromisoformat
        statuses, grades = _STATUSES, _GRADES
        category_of: dict[tuple[str, str | None], str] = {}
        try:
            while True:
                block = cursor.fetchmany(BLOCK)
                if not block:
                    return
                for v in block:
                    category = category_of.get((v[7], v[8]))
                    if category is None:
                        category = categories.get(v[7], v[7])
                        if v[8] is not None and v[8] in subcategories:
                            category = f"{category} / {subcategories[v[8]]}"
                        category_of[(v[7], v[8])] = category
                    finder = people.get(v[2], "") if v[24] is None else finder_text_zh(v[24], "")
                    yield new_row(LedgerRow, (
                        v[0], from_iso(v[1]), finder, departments.get(v[3], ""), v[4], v[5] or "",
                        v[6], category, grades[v[9]], v[10], None if v[11] is None else Decimal(v[11]),
                        bands.get(v[12]) if v[12] else None, criteria.get(v[13], "") if v[13] else "",
                        statuses[v[14]], departments.get(v[15], "") if v[15] else "",
                        people.get(v[16], "") if v[16] else "", v[17] or "", None if v[18] is None else Decimal(v[18]),
                        None if v[19] is None else from_iso(v[19]), v[20] or "",
                        printed_name(v[21], numbers.get(v[25])) if v[21] else "",
                        None if v[22] is None else from_iso(v[22]), None if v[23] is None else from_iso(v[23]),
                    ))  # fmt: skip
        finally:
            cursor.close()


def _day(stored: str) -> date:
    return datetime.fromisoformat(stored + "+00:00").astimezone().date()

"""Read side of the register: paged, sorted and filtered in SQL over one long-lived connection.

Measured (TOOLCHAIN.md §8): an ORM fetch costs several times raw sqlite3, and sorting or filtering
100,000 rows in Qt takes seconds to minutes. So the view asks for one page at a time, and this module
builds plain SQL with bound parameters and reads tuples.

Plans that keep a 100,000-row register fast (``benchmarks/register.py`` measures them):
- a page is chosen on the hazard key alone (sort + LIMIT over ``h.pk``), and only its rows are joined
  and get their photo count: joining first would sort every matching row with all its columns;
- with a text filter that matches many rows and a sort key that has an index, the FTS condition is
  written ``+h.pk IN``, so SQLite walks the index in order and stops after one page instead of sorting
  every hit (a common 2-character word matches most of the register); few hits are sorted directly;
- a count of a text-only filter is answered by the full-text index alone: every hazard has exactly
  one index row (rowid = ``hazards.pk``), written in the same transaction as the hazard;
- a search that is exactly a hazard's number or 原编号 lists that hazard first, whatever the sort (trial: the
  number searched came 13th, after old-ledger numbers containing it): two lookups on the unique number index
  and the 原编号 index find it, the pages put it before the rest and read the rest without it
  (:func:`exact_pks`); a search that equals no number costs those two lookups.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hazard_desktop.domain.grading_states import DisputeState, GradingMethod
from hazard_desktop.domain.hazard_states import HazardGrade, HazardStatus
from hazard_desktop.domain.search import fts_phrase, search_words
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey

if TYPE_CHECKING:  # no SQLAlchemy at start-up: the window's first page is read with plain sqlite3
    from sqlalchemy import Engine

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
    SortKey.FOUND_BY: "coalesce(h.found_by_text, (SELECT p2.name FROM people p2 WHERE p2.id = h.found_by_id))",
    SortKey.PHOTOS: "(SELECT count(*) FROM hazard_photos ph2 WHERE ph2.hazard_id = h.id)",
    SortKey.DEADLINE: "h.deadline",
    SortKey.RESPONSIBLE_DEPARTMENT: "(SELECT d3.name FROM departments d3 WHERE d3.id = h.responsible_department_id)",
    SortKey.RESPONSIBLE_PERSON: "(SELECT p3.name FROM people p3 WHERE p3.id = h.responsible_person_id)",
}

# Register numbers sort as text (and walk their unique index) while every sequence has four digits.
# A year that passed 9999 (``demo --count 100000``, a very large plant) gets five: YH-2026-10000 would
# sort before YH-2026-9999 as text, so then the number sorts on its year and its sequence as a number.
NUMERIC_NUMBER_KEY = "substr(h.number, 1, 8) || printf('%07d', CAST(substr(h.number, 9) AS INTEGER))"
# numbers over 9,999 in a year: this installation's, or a laptop's number slot (issue 15)
WIDE_NUMBERS = (
    "SELECT EXISTS (SELECT 1 FROM number_sequences WHERE last_value > 9999)"
    " OR EXISTS (SELECT 1 FROM installation WHERE number_slot > 0)"
    " OR EXISTS (SELECT 1 FROM exchange_peers WHERE number_slot > 0)"
)

# Sort keys served by an index (in order, then h.pk): a page can be read by walking the index.
INDEXED_SORTS = frozenset({SortKey.NUMBER, SortKey.FOUND_AT, SortKey.UPDATED_AT, SortKey.MEAN_D, SortKey.DEADLINE})

_FTS_CONDITION = "h.pk IN (SELECT rowid FROM hazard_fts WHERE hazard_fts MATCH ?)"

_STATUSES = {s.value: s for s in HazardStatus}
_GRADES = {g.value: g for g in HazardGrade}


def numbered_name_sql(alias: str) -> str:
    """The name of the person row ``alias`` as the register shows it: ``周永明（E0099）`` when another person
    (active or not) of the same department has the same name and this one has an employee number, else the
    name alone — ``domain.reference.namesake_numbers`` in SQL (on the names as stored: ``save_person`` cleans
    them). The namesakes are one uncorrelated GROUP BY over people per query (SQLite keeps its result as an
    index: ~3 ms a page with 3,000 people, where a correlated lookup per row took ~30 ms)."""
    return (
        f"{alias}.name || CASE WHEN {alias}.employee_no <> '' AND ({alias}.department_id, {alias}.name) IN"
        " (SELECT department_id, name FROM people GROUP BY department_id, name HAVING count(*) > 1)"
        f" THEN '（' || {alias}.employee_no || '）' ELSE '' END"
    )


_COLUMNS = f"""h.id, h.number, h.description, h.location, h.equipment_tag, h.category_code,
 h.subcategory_code, d.name,
 CASE WHEN h.found_by_text IS NULL THEN {numbered_name_sql("p")} ELSE h.found_by_text END, h.found_at, h.status,
 h.grade, (SELECT count(*) FROM hazard_photos ph WHERE ph.hazard_id = h.id),
 h.grading_method, h.band_code, h.mean_d, h.dispute_state, h.deadline,
 (SELECT d4.name FROM departments d4 WHERE d4.id = h.responsible_department_id),
 (SELECT {numbered_name_sql("p4")} FROM people p4 WHERE p4.id = h.responsible_person_id), h.extension_pending,
 h.exchange_conflict, h.found_date_only"""


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
    if flt.conflicted is not None:  # the index on exchange_conflict (migration 0012)
        parts.append("h.exchange_conflict = ?")
        params.append(1 if flt.conflicted else 0)
    if flt.inspection_id is not None:
        parts.append("h.id IN (SELECT hazard_id FROM inspection_answers WHERE inspection_id = ?)")
        params.append(str(flt.inspection_id))
    if flt.deadline_from is not None or flt.deadline_before is not None:
        # Served by the index on (status, deadline): only hazards under rectification have a deadline to meet.
        parts.append("h.status = ?")
        params.append(HazardStatus.RECTIFYING.value)
        if flt.deadline_from is not None:
            parts.append("h.deadline >= ?")
            params.append(flt.deadline_from.isoformat())
        if flt.deadline_before is not None:
            parts.append("h.deadline < ?")
            params.append(flt.deadline_before.isoformat())
    if flt.acceptor_id is not None:
        parts.append("h.status = ? AND h.acceptor_id = ?")
        params.extend([HazardStatus.VERIFYING.value, str(flt.acceptor_id)])
    phrases = []
    for word in search_words(flt.text):
        phrase = fts_phrase(word)
        if phrase is not None:
            phrases.append(phrase)
        else:
            parts.append(
                "(h.description LIKE ? ESCAPE '\\' OR h.location LIKE ? ESCAPE '\\'"
                " OR h.number LIKE ? ESCAPE '\\' OR h.equipment_tag LIKE ? ESCAPE '\\'"
                " OR h.legacy_number LIKE ? ESCAPE '\\')"
            )
            params.extend([_like(word)] * 5)
    if phrases:
        parts.append(_FTS_CONDITION)
        params.append(" AND ".join(phrases))
    return (" AND ".join(parts) or "1"), params


def fts_only_match(flt: RegisterFilter) -> str | None:
    """The MATCH expression if ``flt`` is a text search answerable by the full-text index alone."""
    if flt != RegisterFilter(text=flt.text):
        return None
    phrases = [fts_phrase(word) for word in search_words(flt.text)]
    if not phrases or None in phrases:
        return None
    return " AND ".join(phrases)  # type: ignore[arg-type]


def walk_index(hits: int, total: int, offset: int, limit: int) -> bool:
    """True if a page is cheaper read by walking the sort index than by sorting ``hits`` rows.

    Walking reads about ``(offset + limit) * total / hits`` index entries (cheap); sorting looks up and
    sorts every hit (about 6× dearer per row, measured at 100k rows).
    """
    return 4 * hits * hits > (offset + limit) * total


def exact_terms(flt: RegisterFilter) -> list[str]:
    """What a hazard's number or 原编号 must equal to be listed first: the search as typed and in capitals
    (``yh-2026-0001`` finds YH-2026-0001); [] without a search."""
    text = flt.text.strip()
    if not text:
        return []
    return [text] if text == text.upper() else [text, text.upper()]


# The hazards whose number or 原编号 equals one of two terms, number matches first: each part is one index lookup.
_EXACT_SQL = (
    "SELECT pk, 0 FROM hazards WHERE number IN (?, ?)"
    " UNION SELECT pk, 1 FROM hazards WHERE legacy_number IN (?, ?) ORDER BY 2, 1"
)


def _excluding(where: str, params: list[Any], pks: Sequence[int]) -> tuple[str, list[Any]]:
    """``where`` without the hazards ``pks`` (those listed first)."""
    if not pks:
        return where, params
    return f"{where} AND h.pk NOT IN ({','.join('?' * len(pks))})", [*params, *pks]


def page_sql(
    flt: RegisterFilter,
    sort: SortKey,
    descending: bool,
    *,
    walk: bool = False,
    key: str | None = None,
    exclude: Sequence[int] = (),
) -> tuple[str, list[Any]]:
    """SQL and parameters (LIMIT and OFFSET still to append) of one page of the register.

    ``walk``: read the text filter's hits in the order of the sort key's index (see ``walk_index``).
    ``key``: the SQL sort expression, if not ``ORDER_SQL[sort]`` (see ``NUMERIC_NUMBER_KEY``, which has an
    index of its own, migration 0006, so it is walked too).
    ``exclude``: hazards (``pk``) left out, the exact matches listed before the page (see ``exact_pks``).
    """
    where, params = where_clause(flt)
    where, params = _excluding(where, params, exclude)
    if walk and sort in INDEXED_SORTS and key in (None, NUMERIC_NUMBER_KEY):
        where = where.replace(_FTS_CONDITION, "+" + _FTS_CONDITION)
    direction = "DESC" if descending else "ASC"
    order = f"{key or ORDER_SQL[sort]} {direction}, h.pk {direction}"
    sql = (
        f"SELECT {_COLUMNS} FROM"
        f" (SELECT h.pk FROM hazards h WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) pg"
        " JOIN hazards h ON h.pk = pg.pk"
        " JOIN departments d ON d.id = h.department_id"
        " JOIN people p ON p.id = h.found_by_id"
        f" ORDER BY {order}"
    )
    return sql, params


# RegisterRow's fields in the order of _COLUMNS: _row builds the tuple by position (keywords cost a third
# of a page's Python time; tests/integration/test_register_scale.py checks the order).
ROW_FIELDS = (
    "id", "number", "description", "location", "equipment_tag", "category_code", "subcategory_code",
    "department_name", "found_by_name", "found_at", "status", "grade", "photo_count", "grading_method",
    "band_code", "mean_d", "dispute_state", "deadline", "responsible_department_name", "responsible_person_name",
    "extension_pending", "exchange_conflict", "found_date_only",
)  # fmt: skip

_from_iso = datetime.fromisoformat
_day = date.fromisoformat
_new_row = tuple.__new__  # RegisterRow is a named tuple: skip its argument-parsing __new__
_new_object = object.__new__
_set_slot = object.__setattr__
_SAFE_UNKNOWN = uuid.SafeUUID.unknown


def _uuid(text: str) -> uuid.UUID:
    """``uuid.UUID(text)`` for the canonical 36-character text we store, in half the time.

    ``UUID.__init__`` strips prefixes and braces and checks the length, then sets its two slots just
    like this; a third of a page's Python time went there (tests compare with ``uuid.UUID``).
    """
    value = _new_object(uuid.UUID)
    _set_slot(value, "int", int(text.replace("-", ""), 16))
    _set_slot(value, "is_safe", _SAFE_UNKNOWN)
    return value


def _row(v: Sequence[Any]) -> RegisterRow:
    # Stored times are naive UTC; appending the offset is several times faster than .replace(tzinfo=UTC).
    return _new_row(RegisterRow, (
        _uuid(v[0]), v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], _from_iso(v[9] + "+00:00"),
        _STATUSES[v[10]], _GRADES[v[11]], v[12], v[13], v[14], None if v[15] is None else Decimal(v[15]), v[16],
        None if v[17] is None else _day(v[17]), v[18], v[19], bool(v[20]), bool(v[21]), bool(v[22]),
    ))  # fmt: skip


class SqlRegisterQueries:
    """RegisterQueries over a dedicated autocommit connection (each query sees the latest commit)."""

    def __init__(self, source: Engine | sqlite3.Connection) -> None:
        """``source``: an engine (a connection is taken from it) or a plain sqlite3 connection (kept)."""
        self._connection = source if isinstance(source, sqlite3.Connection) else source.raw_connection()
        self._hits: dict[str, int] = {}  # MATCH expression -> rows it matched (only to choose plans)

    def close(self) -> None:
        """Give the connection back."""
        self._connection.close()

    def count(self, flt: RegisterFilter) -> int:
        match = fts_only_match(flt)
        if match is not None:
            return self._fts_hits(match)
        where, params = where_clause(flt)
        return self._scalar(f"SELECT count(*) FROM hazards h WHERE {where}", params)

    def _scalar(self, sql: str, params: Sequence[Any]) -> int:
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql, params)
            row = cursor.fetchone()
            return int(row[0] or 0) if row is not None else 0
        finally:
            cursor.close()

    def _fts_hits(self, match: str) -> int:
        hits = self._scalar("SELECT count(*) FROM hazard_fts WHERE hazard_fts MATCH ?", [match])
        if len(self._hits) >= 64:
            self._hits.clear()
        self._hits[match] = hits
        return hits

    def _key(self, sort: SortKey) -> str | None:
        """The sort expression if it differs from ``ORDER_SQL[sort]``: numbers past 9999 sort numerically."""
        if sort is SortKey.NUMBER and self._scalar(WIDE_NUMBERS, []):
            return NUMERIC_NUMBER_KEY
        return None

    def _walk(self, flt: RegisterFilter, sort: SortKey, offset: int, limit: int) -> bool:
        if sort not in INDEXED_SORTS:
            return False
        phrases = [p for p in map(fts_phrase, search_words(flt.text)) if p is not None]
        if not phrases:
            return False
        match = " AND ".join(phrases)
        hits = self._hits.get(match)
        if hits is None:
            hits = self._fts_hits(match)
        total = self._scalar("SELECT max(pk) FROM hazards", [])
        return walk_index(hits, total, offset, limit)

    def exact_pks(self, flt: RegisterFilter) -> list[int]:
        """The hazards listed first under ``flt``: those ``flt`` shows whose number (then 原编号) equals its search."""
        terms = exact_terms(flt)
        if not terms:
            return []
        pair = [terms[0], terms[-1]]
        cursor = self._connection.cursor()
        try:
            cursor.execute(_EXACT_SQL, [*pair, *pair])
            found = list(dict.fromkeys(row[0] for row in cursor.fetchall()))  # a hazard may match both
            if not found:
                return []
            # The other filters may hide it. The search itself holds: a number (or 原编号) is found by its own
            # words, so the full-text match (~1 ms on 100k rows) is left out; the rowids are looked up directly.
            where, params = where_clause(dataclasses.replace(flt, text=""))
            marks = ",".join("?" * len(found))
            cursor.execute(f"SELECT h.pk FROM hazards h WHERE h.pk IN ({marks}) AND ({where})", [*found, *params])
            shown = {row[0] for row in cursor.fetchall()}
        finally:
            cursor.close()
        return [pk for pk in found if pk in shown]

    def position(self, flt: RegisterFilter, sort: SortKey, descending: bool, hazard_id: uuid.UUID) -> int | None:
        """Row index of ``hazard_id`` under (flt, sort, descending): the rows that sort before it, counted in SQL.

        Rows are ordered by (key, pk) as :func:`page_sql` orders them; SQLite puts NULL keys first when
        ascending and last when descending. None if the filter hides the hazard (or it does not exist).
        The exact matches of the search come before every other row (:meth:`exact_pks`).
        """
        where, params = where_clause(flt)
        key = self._key(sort) or ORDER_SQL[sort]
        cursor = self._connection.cursor()
        try:
            cursor.execute(f"SELECT {key}, h.pk FROM hazards h WHERE h.id = ? AND {where}", [str(hazard_id), *params])
            found = cursor.fetchone()
        finally:
            cursor.close()
        if found is None:
            return None
        value, pk = found
        first = self.exact_pks(flt)
        if pk in first:
            return first.index(pk)
        where, params = _excluding(where, params, first)
        if value is None:
            before = f"({key}) IS NOT NULL OR h.pk > ?" if descending else f"({key}) IS NULL AND h.pk < ?"
            extra: list[Any] = [pk]
        else:
            op = ">" if descending else "<"
            before = f"({key}) {op} ? OR (({key}) = ? AND h.pk {op} ?)"
            extra = [value, value, pk]
            if not descending:
                before = f"({key}) IS NULL OR {before}"
        before_count = self._scalar(f"SELECT count(*) FROM hazards h WHERE ({where}) AND ({before})", [*params, *extra])
        return len(first) + before_count

    def page(self, flt: RegisterFilter, sort: SortKey, descending: bool, offset: int, limit: int) -> list[RegisterRow]:
        first = self.exact_pks(flt)
        rows = [row for pk in first[offset : offset + limit] if (row := self._hazard_row(pk)) is not None]
        offset, limit = max(0, offset - len(first)), limit - len(rows)
        if limit <= 0:
            return rows
        key = self._key(sort)
        # Numbers past 9,999 sort on NUMERIC_NUMBER_KEY, whose index is walked like the plain one's: not
        # walking it sorted all 70,000 hits of a common word (filter 车间 at 100k: 2.3x its floor).
        walk = self._walk(flt, sort, offset, limit)
        sql, params = page_sql(flt, sort, descending, walk=walk, key=key, exclude=first)
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql, [*params, limit, offset])
            return rows + [_row(values) for values in cursor.fetchall()]
        finally:
            cursor.close()

    def _hazard_row(self, pk: int) -> RegisterRow | None:
        """One hazard's row (None if it was deleted since ``exact_pks`` saw it)."""
        cursor = self._connection.cursor()
        try:
            cursor.execute(
                f"SELECT {_COLUMNS} FROM hazards h JOIN departments d ON d.id = h.department_id"
                " JOIN people p ON p.id = h.found_by_id WHERE h.pk = ?",
                [pk],
            )
            values = cursor.fetchone()
            return None if values is None else _row(values)
        finally:
            cursor.close()

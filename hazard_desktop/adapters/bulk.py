"""Bulk writes (demo data, future ledger imports): driver-level executemany in one transaction.

The ORM's ``add_all`` is about 12× slower than raw ``executemany`` for 100k rows; Core with dictionaries
about 1.8×. So rows go to the driver as tuples, in the exact text forms the ORM types store
(``_stamp``, ``str(uuid)``; the tests compare them), through the engine's connection (same pragmas and
transaction). The full-text rows are written in the same transaction, in batches, instead of one
trigger per row, into a contentless index (``search_index.py``); their tokens are those of
``domain.search.hazard_tokens``, made by ``HazardTokens`` (which remembers the tokens of texts that
repeat). (Preparing batches in a worker thread was tried and is slower: the inserting thread then
waits for the GIL after every row.)

Each batch goes first into a TEMP staging table (``executemany``: no trigger, no index, in memory), then into
``hazards`` and the index with one ``INSERT … SELECT`` each. With the audit trail's triggers on ``hazards``
(``audit.py``), every statement that fires them keeps a statement journal (the original of each page it
changes, so a failure can undo the statement alone): an ``executemany`` of single-row INSERTs paid that once per
row (~11 µs), one ``INSERT … SELECT`` pays it once per batch. The staged copy is cheaper than it sounds: the
whole path is faster than the bare ``executemany`` into ``hazards`` (``benchmarks/README.md``).

The numbered hazards ``write_new_hazards`` returns are made when read (``Numbered``): building 100,000 copies
of a 22-field frozen dataclass cost ~0.3 s of a build whose callers read the last few hundred.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import UTC, datetime
from operator import attrgetter
from typing import overload

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import OperationalError

from hazard_desktop.adapters.exchange_store import numbering
from hazard_desktop.adapters.orm import HazardRow, NumberSequenceRow
from hazard_desktop.domain.exchange import next_sequence
from hazard_desktop.domain.hazards import Hazard, format_number, parse_number
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.search import HazardTokens

BATCH = 5000

_COLUMNS = (
    "pk", "id", "number", "description", "location", "equipment_tag", "department_id", "category_code",
    "subcategory_code", "found_by_id", "found_at", "status", "grade", "revision", "created_at", "updated_at",
)  # fmt: skip
_STAGE_HAZARDS = f"CREATE TEMP TABLE IF NOT EXISTS bulk_hazards ({', '.join(_COLUMNS)})"  # no types: values as bound
_STAGE_INDEX = "CREATE TEMP TABLE IF NOT EXISTS bulk_index (pk, tokens)"
_STAGE_HAZARD = f"INSERT INTO temp.bulk_hazards VALUES ({', '.join('?' * len(_COLUMNS))})"
_STAGE_TOKENS = "INSERT INTO temp.bulk_index VALUES (?, ?)"
_INSERT_HAZARDS = (
    f"INSERT INTO main.hazards ({', '.join(_COLUMNS)}) SELECT {', '.join(_COLUMNS)} FROM temp.bulk_hazards"
)
_INSERT_INDEX = "INSERT INTO main.hazard_fts(rowid, tokens) SELECT pk, tokens FROM temp.bulk_index"
# FTS5 flushes its in-memory term table to a new segment each time it holds this much (default 1 MiB),
# and merges segments as they pile up. A bulk write holds up to 64 MiB, so 100k hazards make one or two
# segments; the 'optimize' (merge everything) that followed is left out: it cost 0.15–0.4 s of a 100k
# build for a few percent on searches (FTS5's automerge keeps merging as rows are added).
_FTS_HASHSIZE = "INSERT INTO hazard_fts(hazard_fts, rank) VALUES ('hashsize', ?)"
BULK_HASHSIZE = 64 * 1024 * 1024
DEFAULT_HASHSIZE = 1024 * 1024


def _stamp(value: datetime) -> str:
    """The text ``UTCDateTime`` stores for an aware datetime (naive UTC, always with microseconds)."""
    if value.tzinfo is UTC:  # the usual case: drop the "+00:00" of the aware text
        text = value.isoformat(sep=" ")[:-6]
        return text if value.microsecond else text + ".000000"
    if value.tzinfo is None:
        raise ValueError("naive datetime given to storage")
    naive = value.astimezone(UTC).replace(tzinfo=None)
    text = naive.isoformat(sep=" ")
    return text if naive.microsecond else text + ".000000"


Rows = list[tuple[object, ...]]


def _prepare(
    hazards: Sequence[Hazard],
    numbers: Sequence[str],
    first: int,
    stamps: dict[datetime, str],
    ids: dict[uuid.UUID, str],
    tokens: HazardTokens,
) -> tuple[Rows, Rows]:
    """The hazard rows and full-text rows of ``hazards``, whose keys start at ``first``."""

    def text_of(value: uuid.UUID) -> str:  # departments and finders repeat
        text = ids.get(value)
        if text is None:
            text = ids[value] = str(value)
        return text

    def stamp(value: datetime) -> str:  # created/updated times are mostly one value
        text = stamps.get(value)
        if text is None:
            text = stamps[value] = _stamp(value)
        return text

    rows: Rows = [
        (
            pk,
            str(h.id),
            number,
            h.description,
            h.location,
            h.equipment_tag,
            text_of(h.department_id),
            h.category_code,
            h.subcategory_code,
            text_of(h.found_by_id),
            _stamp(h.found_at),
            h.status.value,
            h.grade.value,
            h.revision,
            stamp(h.created_at),
            stamp(h.updated_at),
        )
        for pk, h, number in zip(range(first, first + len(hazards)), hazards, numbers, strict=True)
    ]
    index_rows: Rows = [
        (pk, tokens(number, h.description, h.location, h.equipment_tag))
        for pk, h, number in zip(range(first, first + len(hazards)), hazards, numbers, strict=True)
    ]
    return rows, index_rows


_FIELDS = tuple(f.name for f in fields(Hazard))
_VALUES = attrgetter(*_FIELDS)
_NUMBER_AT = _FIELDS.index("number")


class Numbered(Sequence[Hazard]):
    """The hazards as written, numbered: each made when read (see the module's note)."""

    def __init__(self, hazards: Sequence[Hazard], numbers: Sequence[str]) -> None:
        self._hazards, self._numbers = hazards, numbers

    def __len__(self) -> int:
        return len(self._hazards)

    def _make(self, index: int) -> Hazard:
        values = list(_VALUES(self._hazards[index]))
        values[_NUMBER_AT] = self._numbers[index]
        return Hazard(*values)

    @overload
    def __getitem__(self, index: int) -> Hazard: ...
    @overload
    def __getitem__(self, index: slice) -> list[Hazard]: ...
    def __getitem__(self, index: int | slice) -> Hazard | list[Hazard]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._make(index)


class CoreBulkWriter:
    """Writes many hazards at once; all or nothing.

    Runs its own transaction on ``engine``, or, given ``connection`` (a transaction already begun, see
    ``unit_of_work.SingleTransaction``), writes inside that one and leaves committing to its owner.
    """

    def __init__(self, engine: Engine | None = None, *, connection: Connection | None = None) -> None:
        if (engine is None) == (connection is None):
            raise ValueError("give an engine or a connection")
        self._engine = engine
        self._connection = connection

    def write_hazards(self, hazards: Sequence[Hazard]) -> int:
        """Insert ``hazards`` (numbers already assigned) and their index rows; return how many."""
        numbers = [h.number for h in hazards]
        highest: dict[int, int] = {}
        for number in numbers:
            year, sequence = parse_number(number)
            highest[year] = max(highest.get(year, 0), sequence)
        self._run(lambda connection: self._insert(connection, hazards, numbers, highest))
        return len(hazards)

    def write_new_hazards(self, hazards: Sequence[Hazard]) -> Sequence[Hazard]:
        """Number ``hazards`` (their ``number`` is ignored) and insert them; return them numbered.

        The numbers are claimed inside the writing transaction, so a hazard saved by another process
        meanwhile can neither take one of them nor make the whole write fail: each year's numbers follow
        that year's last one, in the order given (by the year of ``found_at``).
        """
        numbers: list[str] = []

        def work(connection: Connection) -> None:
            last: dict[int, int] = {}
            slot, reserved = numbering(connection)  # this installation's numbers (issue 15)
            add = numbers.append
            for hazard in hazards:
                year = hazard.found_at.year
                if year not in last:
                    last[year] = (
                        connection.scalar(select(NumberSequenceRow.last_value).where(NumberSequenceRow.year == year))
                        or 0
                    )
                last[year] = next_sequence(slot, last[year], reserved)
                add(format_number(year, last[year]))
            self._insert(connection, hazards, numbers, last)

        self._run(work)
        return Numbered(hazards, numbers)

    def _run(self, work: Callable[[Connection], None]) -> None:
        try:
            if self._connection is not None:
                work(self._connection)
                return
            assert self._engine is not None
            with self._engine.begin() as connection:
                from hazard_desktop.adapters.audit import Who

                # audited by the connection's triggers at commit (adapters/audit.py), named as a bulk write
                connection.info["audit_who"] = Who(use_case="bulk_write")
                work(connection)
        except OperationalError as exc:  # locked past busy_timeout, disk full: said in words
            from hazard_desktop.adapters.unit_of_work import classify

            raise classify(exc) from exc

    def _insert(
        self, connection: Connection, hazards: Sequence[Hazard], numbers: Sequence[str], highest: dict[int, int]
    ) -> None:
        stamps: dict[datetime, str] = {}
        ids: dict[uuid.UUID, str] = {}
        tokens = HazardTokens()
        start = connection.scalar(select(func.coalesce(func.max(HazardRow.pk), 0))) or 0
        connection.exec_driver_sql(_FTS_HASHSIZE, (BULK_HASHSIZE,))
        connection.exec_driver_sql(_STAGE_HAZARDS)
        connection.exec_driver_sql(_STAGE_INDEX)
        # empty, even after a failed write inside a caller's transaction that went on (its rows may have stayed)
        connection.exec_driver_sql("DELETE FROM temp.bulk_hazards")
        connection.exec_driver_sql("DELETE FROM temp.bulk_index")
        for offset in range(0, len(hazards), BATCH):
            end = offset + BATCH
            rows, index_rows = _prepare(
                hazards[offset:end], numbers[offset:end], start + offset + 1, stamps, ids, tokens
            )
            connection.exec_driver_sql(_STAGE_HAZARD, rows)
            connection.exec_driver_sql(_INSERT_HAZARDS)
            connection.exec_driver_sql("DELETE FROM temp.bulk_hazards")
            connection.exec_driver_sql(_STAGE_TOKENS, index_rows)
            connection.exec_driver_sql(_INSERT_INDEX)
            connection.exec_driver_sql("DELETE FROM temp.bulk_index")
        connection.exec_driver_sql(_FTS_HASHSIZE, (DEFAULT_HASHSIZE,))
        self._note_numbers(connection, highest)

    @staticmethod
    def _note_numbers(connection: Connection, highest: dict[int, int]) -> None:
        """Each year's highest number written becomes its sequence's last value (if higher)."""
        now = utcnow()
        for year, sequence in highest.items():
            row = connection.execute(
                select(NumberSequenceRow.id, NumberSequenceRow.last_value).where(NumberSequenceRow.year == year)
            ).first()
            if row is None:
                connection.execute(
                    insert(NumberSequenceRow).values(
                        id=new_id(), year=year, last_value=sequence, created_at=now, updated_at=now
                    )
                )
            elif sequence > row.last_value:
                connection.execute(
                    update(NumberSequenceRow)
                    .where(NumberSequenceRow.id == row.id)
                    .values(last_value=sequence, updated_at=now)
                )

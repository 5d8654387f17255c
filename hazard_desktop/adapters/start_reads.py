"""Start-up without SQLAlchemy: the reads the main window makes before its first paint, on plain sqlite3.

Importing SQLAlchemy, the ORM and the mapped rows takes longer than a whole minimal Qt program needs
to show the register (TOOLCHAIN.md §8; ``benchmarks/register.py``), and about 50 MB. So when the
database is already at this build's revision and seeding would write nothing, ``app.build_context``
(``lazy=True``, the window) opens no engine: the register reads through its own plain connection,
and units of work are :class:`StartUnitOfWork` until something needs the ORM.

A :class:`StartUnitOfWork` serves the reads listed in ``_READS`` (reference data, settings, threshold
sets) from a plain connection, row for row what the ORM repositories return (the tests compare them).
Anything else — a write, ``commit()`` after a write, another repository — opens the real storage
(SQLAlchemy is imported then, once) and the unit of work carries on as a real one from there; every
unit of work made after that is a real one.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hazard_desktop.domain.accounts import SYSTEM, Actor
from hazard_desktop.domain.lec import Band, EdgeRule, Factor, ScaleValue, ThresholdSet
from hazard_desktop.domain.reference import Category, Department, DepartmentKind, Person, Role, Subcategory

# Every connection of the program gets these (adapters/db.py applies them to SQLAlchemy's).
PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    # FULL: a commit is on disk before the program goes on, so a power cut after an inspector's answer
    # or a confirmed grading loses nothing (NORMAL in WAL mode may drop the last commits).
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
)


def apply_pragmas(connection: Any) -> None:
    """Set the program's pragmas on a DBAPI connection."""
    cursor = connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def read_only_uri(path: Path) -> str:
    """The ``file:`` URI opening ``path`` read-only (``sqlite3.connect(uri, uri=True)``).

    The path is percent-quoted (``Path.as_uri``): ``#``, ``?`` and ``%`` are legal in Windows folder and
    user names, and unquoted they cut the path (``#`` opened a truncated path read-write) or change it
    (``%41`` is ``A``). Spaces and Chinese characters are quoted too (UTF-8, as SQLite expects).
    """
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def connect(path: Path) -> sqlite3.Connection:
    """A plain autocommit connection to the database at ``path`` with the program's pragmas."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    apply_pragmas(connection)
    return connection


def seeding_needed(connection: sqlite3.Connection, bundled_templates: str) -> bool:
    """True if ``services.seed.seed_reference_data`` or ``seed_checklist_templates`` would write.

    The first writes only into a database without departments; the second only template versions
    (fixed UUIDs in the bundled file) that are not stored yet.
    """
    if connection.execute("SELECT 1 FROM departments LIMIT 1").fetchone() is None:
        return True
    ids = [v["id"] for t in json.loads(bundled_templates)["templates"] for v in t["versions"]]
    marks = ",".join("?" * len(ids))
    stored = connection.execute(f"SELECT count(*) FROM checklist_template_versions WHERE id IN ({marks})", ids)
    return int(stored.fetchone()[0]) != len(set(ids))


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text + "+00:00")  # stored naive UTC (orm.UTCDateTime)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


class _ReferenceReads:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    def _departments(self, where: str, params: list[Any]) -> list[Department]:
        sql = f"SELECT id, code, name, kind, active, created_at, updated_at FROM departments {where} ORDER BY code"
        return [
            Department(uuid.UUID(i), code, name, DepartmentKind(kind), bool(active), _time(c), _time(u))
            for i, code, name, kind, active, c, u in self._con.execute(sql, params)
        ]

    def departments(self, *, include_inactive: bool = False) -> list[Department]:
        return self._departments("" if include_inactive else "WHERE active = 1", [])

    def get_department(self, department_id: uuid.UUID) -> Department | None:
        found = self._departments("WHERE id = ?", [str(department_id)])
        return found[0] if found else None

    def _people(self, where: str, params: list[Any]) -> list[Person]:
        sql = (
            "SELECT id, name, department_id, roles, active, created_at, updated_at, employee_no"
            f" FROM people {where} ORDER BY name"
        )
        return [
            Person(
                uuid.UUID(i),
                name,
                uuid.UUID(department),
                frozenset(Role(r) for r in roles.split(",") if r),
                bool(active),
                _time(c),
                _time(u),
                employee_no,
            )
            for i, name, department, roles, active, c, u, employee_no in self._con.execute(sql, params)
        ]

    def people(self, *, include_inactive: bool = False) -> list[Person]:
        return self._people("" if include_inactive else "WHERE active = 1", [])

    def get_person(self, person_id: uuid.UUID) -> Person | None:
        found = self._people("WHERE id = ?", [str(person_id)])
        return found[0] if found else None

    def categories(self) -> list[Category]:
        subs: dict[str, list[Subcategory]] = {}
        sql = "SELECT code, category_code, name_zh, name_en, sort_order FROM subcategories ORDER BY sort_order"
        for code, category, name_zh, name_en, order in self._con.execute(sql):
            subs.setdefault(category, []).append(Subcategory(code, category, name_zh, name_en, order))
        sql = "SELECT code, name_zh, name_en, sort_order FROM categories ORDER BY sort_order"
        return [
            Category(code, name_zh, name_en, order, tuple(subs.get(code, [])))
            for code, name_zh, name_en, order in self._con.execute(sql)
        ]


class _SettingsReads:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    def get(self, key: str) -> str | None:
        row = self._con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])


class _RectificationReads:
    """The status bar's counts at start-up (``services.rectification.due_counts``), as the SQL repository counts."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    def due_counts(self, today: date, within_days: int, person_id: uuid.UUID | None) -> tuple[int, int, int]:
        """Three searches of the (status, deadline) index: 1.5 ms at 100,000 hazards (30,000 整改中, 5,000 待验收)
        against ~70 ms for one scan of the table counting all three at once."""
        values = {
            "today": today.isoformat(),
            "soon": (today + timedelta(days=within_days)).isoformat(),
            "person": None if person_id is None else str(person_id),
        }
        return (
            self._count("status = 'rectifying' AND deadline < :today", values),
            self._count("status = 'rectifying' AND deadline BETWEEN :today AND :soon", values),
            self._count("status = 'verifying' AND (:person IS NULL OR acceptor_id = :person)", values),
        )

    def _count(self, where: str, values: dict[str, str | None]) -> int:
        return int(self._con.execute(f"SELECT COUNT(*) FROM hazards WHERE {where}", values).fetchone()[0])  # noqa: S608


class _LecReads:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    def threshold_sets(self) -> list[ThresholdSet]:
        sets = self._con.execute(
            "SELECT id, name, effective_from, edge_rule, created_at, updated_at FROM threshold_sets"
            " ORDER BY effective_from, created_at"
        ).fetchall()
        result = []
        for set_id, name, effective_from, edge_rule, created, updated in sets:
            bands = self._con.execute(
                "SELECT code, rank, name_zh, name_en, action_zh, action_en, colour, lower, upper"
                " FROM threshold_bands WHERE set_id = ? ORDER BY rank",
                [set_id],
            )
            result.append(
                ThresholdSet(
                    id=uuid.UUID(set_id),
                    name=name,
                    effective_from=date.fromisoformat(effective_from),
                    edge_rule=EdgeRule(edge_rule),
                    bands=tuple(
                        Band(code, rank, nzh, nen, azh, aen, colour, _decimal(lower), _decimal(upper))
                        for code, rank, nzh, nen, azh, aen, colour, lower, upper in bands
                    ),
                    created_at=_time(created),
                    updated_at=_time(updated),
                )
            )
        return result


def read_lec_tables(path: Path) -> tuple[str | None, list[ScaleValue], list[ThresholdSet]]:
    """The revision, LEC scales and threshold sets of the database at ``path``, read without writing anything.

    For read-only commands (``lec``): the file is opened read-only, never created, seeded or migrated,
    so any revision that has the tables (all of them so far) can be read.

    Raises:
        sqlite3.Error: the file cannot be read as such a database.
    """
    from hazard_desktop.adapters.schema import read_only_connection

    connection = read_only_connection(path)
    try:
        rows = connection.execute("SELECT factor, value, meaning_zh, meaning_en FROM lec_scale_values").fetchall()
        scales = [ScaleValue(Factor(f), Decimal(v), zh, en) for f, v, zh, en in rows]
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if revision is None else str(revision[0]), scales, _LecReads(connection).threshold_sets()
    finally:
        connection.close()


# Repository name -> (reader class, the methods it serves). Everything else needs the real storage.
_READS: dict[str, tuple[type, frozenset[str]]] = {
    "reference": (
        _ReferenceReads,
        frozenset({"departments", "get_department", "people", "get_person", "categories"}),
    ),
    "settings": (_SettingsReads, frozenset({"get"})),
    "lec": (_LecReads, frozenset({"threshold_sets"})),
    "rectification": (_RectificationReads, frozenset({"due_counts"})),
}


class _Repository:
    """One repository of a StartUnitOfWork: served reads, or the real repository after the switch."""

    def __init__(self, uow: StartUnitOfWork, name: str) -> None:
        reader, served = _READS[name]
        self._uow, self._name, self._reader, self._served = uow, name, reader(uow.connection), served

    def __getattr__(self, attribute: str) -> Any:
        if attribute in self._served and self._uow.real is None:
            return getattr(self._reader, attribute)
        return getattr(getattr(self._uow.switch(), self._name), attribute)


class StartUnitOfWork:
    """A unit of work that reads from a plain connection until it needs the real one (see module doc).

    Args:
        connection: a plain connection (``connect``) to the database.
        open_real: makes a real unit of work (opens the storage on first call).
    """

    def __init__(self, connection: sqlite3.Connection, open_real: Callable[[], Any]) -> None:
        self.connection = connection
        self.real: Any = None
        self._open_real = open_real
        self._entered = False
        self._repositories = {name: _Repository(self, name) for name in _READS}
        self._actor: Actor = SYSTEM
        self._use_case = ""

    @property
    def actor(self) -> Actor:
        """Who acts (handed on to the real unit of work when it takes over)."""
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor
        if self.real is not None:
            self.real.actor = actor

    @property
    def use_case(self) -> str:
        return self._use_case

    @use_case.setter
    def use_case(self, name: str) -> None:
        self._use_case = name
        if self.real is not None:
            self.real.use_case = name

    def switch(self) -> Any:
        """The real unit of work from now on (entered if this one is)."""
        if self.real is None:
            self.real = self._open_real()
            self.real.actor, self.real.use_case = self._actor, self._use_case
            if self._entered:
                self.real.__enter__()
        return self.real

    def __getattr__(self, name: str) -> Any:
        repositories = self.__dict__.get("_repositories", {})
        if name in repositories:
            return repositories[name]
        return getattr(self.switch(), name)

    def __enter__(self) -> StartUnitOfWork:
        self._entered = True
        if self.real is not None:
            self.real.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._entered = False
        if self.real is not None:
            self.real.__exit__(*exc)

    def commit(self) -> None:
        """Commit what the real unit of work wrote (nothing to do if only reads were served)."""
        if self.real is not None:
            self.real.commit()

    def rollback(self) -> None:
        if self.real is not None:
            self.real.rollback()

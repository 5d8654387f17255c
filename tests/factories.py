"""Builders shared by tests: a real database in a temp folder and valid hazard input."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

from hazard_desktop import paths
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.errors import Conflict
from hazard_desktop.domain.hazards import HazardInput
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Person, Role, namesake, person_duplicate
from hazard_desktop.domain.search import hazard_tokens
from hazard_desktop.services.context import AppContext

_template: Path | None = None


def seeded_database() -> Path:
    """The run's template: one database the program created, migrated and seeded (built on first use).

    Creating a database runs every migration and the seeding (~0.5 s); copying this file costs ~1 ms.
    """
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="hazard-template-"))
        atexit.register(shutil.rmtree, folder, True)
        close_context(build_context(folder))  # closed: the WAL is checkpointed into the one file
        _template = paths.database_path(folder)
    return _template


def seeded_folder(folder: Path) -> Path:
    """``folder`` holding a fresh copy of the run's seeded database (it must not hold one yet)."""
    folder.mkdir(parents=True, exist_ok=True)
    database = paths.database_path(folder)
    if database.exists():
        raise FileExistsError(database)
    shutil.copyfile(seeded_database(), database)
    return folder


def make_context(folder: Path) -> AppContext:
    """A context on a seeded database of its own in ``folder`` (call ``hazard_desktop.app.close_context`` after).

    The database is a copy of the run's template (``seeded_database``) unless ``folder`` already has one,
    which is then opened as the program opens it. Call ``build_context`` itself only where creating,
    migrating or seeding a database is what the test is about.
    """
    if not paths.database_path(folder).exists():
        seeded_folder(folder)
    return build_context(folder)


def add_person(
    context: AppContext,
    name: str = "王检查",
    department_code: str | None = None,
    employee_no: str | None = None,
    *,
    department_id: uuid.UUID | None = None,
) -> Person:
    """Store a person in the first department (or the one with ``department_code`` or ``department_id``).

    The person gets an employee number nobody has (``employee_no`` if given), and a namesake in the department
    is refused as the program refuses it (``reference_admin.save_person``: ``employee_no_duplicate``,
    ``person_duplicate``), so a test cannot build a register the program would not let anyone make.
    """
    with context.uow() as uow:
        departments = uow.reference.departments()
        department = next(
            (d for d in departments if d.code == department_code or d.id == department_id), departments[0]
        )
        everyone = uow.reference.people(include_inactive=True)
        used = {p.employee_no.casefold() for p in everyone}
        if employee_no is None:
            employee_no = next(f"E{n:04d}" for n in range(1, 10_000) if f"e{n:04d}" not in used)
        elif employee_no and employee_no.casefold() in used:
            raise Conflict("employee_no_duplicate", field="employee_no", value=employee_no)
        same = namesake(everyone, name, department.id, employee_no)
        if same is not None:
            raise person_duplicate(same, department.name)
        now = utcnow()
        person = Person(new_id(), name, department.id, frozenset({Role.INSPECTOR}), True, now, now, employee_no)
        uow.reference.save_person(person)
        uow.commit()
    return person


def hazard_input(context: AppContext, person: Person, **changes: object) -> HazardInput:
    """Valid input for a new hazard; ``changes`` override fields."""
    with context.uow() as uow:
        department = uow.reference.departments()[0]
        category = uow.reference.categories()[1]
    values: dict[str, object] = {
        "description": "合成一车间 P-101A 机封泄漏，地面有物料积存",
        "location": "合成一车间一楼泵区",
        "department_id": department.id,
        "category_code": category.code,
        "subcategory_code": category.subcategories[0].code,
        "found_by_id": person.id,
        "found_at": datetime(2026, 3, 5, 9, 30, tzinfo=UTC),
        "equipment_tag": "P-101A",
    }
    values.update(changes)
    return HazardInput(**values)  # type: ignore[arg-type]


def index_contents(con: sqlite3.Connection) -> dict[int, str]:
    """The token text of every row of the full-text index, rowid → tokens in order.

    The index is contentless (it keeps no copy of the text): this reads what it really holds, term by
    term, through a temporary ``fts5vocab`` table (nothing is written to the database file).
    """
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.hazard_fts_terms USING fts5vocab(main, hazard_fts, instance)")
    rows: dict[int, list[str]] = {}
    for doc, term in con.execute("SELECT doc, term FROM temp.hazard_fts_terms ORDER BY doc, offset"):
        rows.setdefault(doc, []).append(term)
    return {doc: " ".join(terms) for doc, terms in rows.items()}


def stored_tokens(con: sqlite3.Connection) -> dict[int, str]:
    """What the index must hold: the tokens of every stored hazard row (rows without tokens left out)."""
    rows = con.execute("SELECT pk, number, description, location, equipment_tag FROM hazards")
    return {pk: tokens for pk, *fields in rows if (tokens := hazard_tokens(*fields))}


def force_status(context: AppContext, hazard_id, status) -> None:
    """Put a hazard into ``status`` directly (test set-up only).

    The program changes a status only through the use cases that own it (grading, the rectification
    steps); tests of the register's filters need hazards in every status without walking each one there.
    """
    import dataclasses

    with context.uow() as uow:
        hazard = uow.hazards.get(hazard_id)
        assert hazard is not None
        uow.hazards.update(dataclasses.replace(hazard, status=status, revision=hazard.revision + 1))
        uow.commit()


def decision_panel(context: AppContext, leader_id=None) -> tuple:
    """A §5.2 panel (one each of 安环部, 生产部, 工会; ``leader_id`` 组长 when among the candidates) for a
    grading decided without scores (criteria, §4.3)."""
    from hazard_desktop.domain.grading import GRADING_PANEL_KINDS, PanelRole
    from hazard_desktop.services import grading as svc

    setup = svc.grading_setup(context.uow())
    members = []
    for kind in sorted(GRADING_PANEL_KINDS, key=lambda k: k.value):
        pool = [p for p in setup.people if p.department_kind is kind]
        chosen = next((p for p in pool if p.person_id == leader_id), pool[0])
        members.append(chosen)
    return tuple(
        svc.PanelEntry(m.person_id, PanelRole.LEADER if m.person_id == leader_id else PanelRole.MEMBER) for m in members
    )


def no_match(context: AppContext, at: datetime | None = None):  # noqa: ANN201
    """The §5.1 check answered "no criterion matches" against the criteria in force (rule §5: a LEC grading
    rests on it); ``at`` None: when the grading is made."""
    from hazard_desktop.services import grading

    return grading.grading_setup(context.uow()).no_criterion_matched(at)


def list_checked(context: AppContext, at: datetime | None = None):  # noqa: ANN201
    """The §5.1 check's record for a 重大 grading: the criteria list in force gone through (the matched criteria, or
    the §4.3 decision, are its answer); ``at`` None: when the grading is made."""
    return no_match(context, at)

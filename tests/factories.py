"""Builders shared by tests: a real database in a temp folder and valid hazard input."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from hazard_desktop.app import build_context
from hazard_desktop.domain.hazards import HazardInput
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Person, Role
from hazard_desktop.domain.search import hazard_tokens
from hazard_desktop.services.context import AppContext


def make_context(folder: Path) -> AppContext:
    """A seeded database in ``folder`` (call ``hazard_desktop.app.close_context`` after)."""
    return build_context(folder)


def add_person(context: AppContext, name: str = "王检查", department_code: str | None = None) -> Person:
    """Store a person in the first department (or the one with ``department_code``)."""
    with context.uow() as uow:
        departments = uow.reference.departments()
        department = next((d for d in departments if d.code == department_code), departments[0])
        now = utcnow()
        person = Person(new_id(), name, department.id, frozenset({Role.INSPECTOR}), True, now, now, "E0001")
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

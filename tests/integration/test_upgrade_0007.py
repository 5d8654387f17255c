"""Migration 0007 (rectification) on every older fixture: every row kept as it was, the loop's columns and
tables added empty, and hazards moved on before 0007 (整改中 / 待验收 without records) can go on in the loop."""

from __future__ import annotations

import shutil
import sqlite3
import time
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hazard_desktop.adapters.schema import head_revision
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import AcceptanceInput, Action, AssignmentInput
from hazard_desktop.services import rectification as svc

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OLD = sorted(p for p in FIXTURES.glob("db_rev*.db") if p.stem < "db_rev0007")  # every fixture made before 0007
NEW_HAZARD_COLUMNS = (
    "deadline",
    "responsible_department_id",
    "responsible_person_id",
    "acceptor_id",
    "closed_on",
    "extension_pending",
)
NEW_TABLES = {
    "rectification_assignments",
    "treatment_plans",
    "rectification_notes",
    "rectification_photos",
    "rectification_photo_blobs",
    "extension_requests",
    "acceptances",
    "hazard_transitions",
    "form_prints",
}


def _columns(path: Path) -> dict[str, list[str]]:
    """The columns of every table (but the revision and the full-text index's shadow tables)."""
    with sqlite3.connect(path) as db:
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if r[0] != "alembic_version" and not r[0].startswith("hazard_fts")
        ]
        return {t: [c[1] for c in db.execute(f"PRAGMA table_info({t})")] for t in tables}


def _rows(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of the tables in ``columns``, those columns only, in a stable order."""
    with sqlite3.connect(path) as db:
        return {
            table: sorted(
                db.execute(f"SELECT {', '.join(f'[{c}]' for c in names)} FROM {table}").fetchall(),  # noqa: S608
                key=repr,
            )
            for table, names in columns.items()
        }


@pytest.fixture(autouse=True)
def plant_time_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _upgraded(tmp_path: Path, fixture: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(fixture, folder / "hazard_desktop.db")
    return folder


# Seeded reference data that migration 0005 puts in the rule's words (a register older than 0005 changes there).
REWORDED = {"categories", "subcategories", "major_criteria", "threshold_sets", "settings"}


@pytest.mark.parametrize("fixture", OLD, ids=[p.stem for p in OLD])
def test_upgrading_to_0007_keeps_every_row(tmp_path, fixture):
    folder = _upgraded(tmp_path, fixture)
    target = folder / "hazard_desktop.db"
    columns = _columns(target)
    before = _rows(target, columns)
    close_context(build_context(folder))
    after = _rows(target, columns)
    for table, rows in before.items():
        if table in REWORDED and fixture.stem < "db_rev0005":
            assert len(after[table]) >= len(rows) - 1, table  # 0005 may remove the invented sub-category 4.10.1
        else:
            assert after[table] == rows, table
    new = _columns(target)
    assert set(new) >= NEW_TABLES and all(_rows(target, {t: new[t]})[t] == [] for t in NEW_TABLES)
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        loop = db.execute(f"SELECT {', '.join(NEW_HAZARD_COLUMNS)} FROM hazards").fetchall()  # noqa: S608
        indexes = {r[1] for r in db.execute("PRAGMA index_list(hazards)")}
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert set(loop) <= {(None, None, None, None, None, 0)}  # nothing invented for hazards moved on before
    assert {"ix_hazards_deadline", "ix_hazards_status_deadline", "ix_hazards_number_value"} <= indexes


def test_hazards_moved_on_before_0007_go_on_in_the_loop(tmp_path):
    folder = _upgraded(tmp_path, FIXTURES / "db_rev0006.db")
    context = build_context(folder)
    at = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
    try:
        with context.uow() as uow:
            people = uow.reference.people()
            departments = {d.id: d for d in uow.reference.departments()}
            safety = next(p for p in people if departments[p.department_id].kind.value == "safety")
            workshop = next(p for p in people if departments[p.department_id].kind.value == "workshop")
        with sqlite3.connect(folder / "hazard_desktop.db") as db:
            rectifying = uuid.UUID(
                db.execute("SELECT id FROM hazards WHERE status='rectifying' AND grade='general'").fetchone()[0]
            )
            verifying = uuid.UUID(
                db.execute("SELECT id FROM hazards WHERE status='verifying' AND grade='general'").fetchone()[0]
            )
        view = svc.load_view(context.uow(), rectifying, today=date(2026, 12, 7))
        assert view.assignment is None and Action.ASSIGN in view.actions and Action.SUBMIT not in view.actions
        five = AssignmentInput(workshop.department_id, workshop.id, "补录五定", Decimal(0), "", None, "")
        hazard = svc.assign(context.uow(), rectifying, view.hazard.revision, safety.id, five, at=at)
        assert hazard.status is HazardStatus.RECTIFYING and hazard.deadline is not None
        waiting = svc.load_view(context.uow(), verifying).hazard
        assert waiting.grade is HazardGrade.GENERAL
        closed = svc.accept(context.uow(), verifying, waiting.revision, safety.id, AcceptanceInput("补录验收"), at=at)
        assert (closed.status, closed.closed_on) == (HazardStatus.CLOSED, date(2026, 12, 7))
    finally:
        close_context(context)


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_the_migrated_tables_are_the_orm_rows():
    """A new register (every migration) and the ORM rows agree on the loop's tables, columns and indexes."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from hazard_desktop.adapters.orm import Base
    from tests.factories import seeded_database

    engine = create_engine(f"sqlite:///{seeded_database()}")
    try:
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    mine = NEW_TABLES | {"hazards"}
    older = ("ix_hazards_band", "ix_hazards_dispute_state", "ix_hazards_mean_d_sort")  # 0002's, not in the ORM
    text = [repr(change) for change in diff if not any(name in repr(change) for name in older)]
    assert [t for t in text if any(f"table=<{name}>" in t for name in mine)] == []

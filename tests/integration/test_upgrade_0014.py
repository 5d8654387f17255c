"""Revision 0014: imported hazards keep what the old ledger said; the ORM and the schema name the same indexes."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from pathlib import Path

from hazard_desktop.adapters import audit, orm, orm_inspections  # noqa: F401 - every table's ORM row
from hazard_desktop.adapters.db import make_engine
from hazard_desktop.adapters.schema import current_revision, head_revision, open_database
from hazard_desktop.domain.search import hazard_tokens

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _schema_indexes(path: Path) -> dict[str, set[str]]:
    """Every named index of every table (SQLite's own autoindexes of UNIQUE constraints left out)."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: {r[1] for r in con.execute(f'PRAGMA index_list("{table}")') if not r[1].startswith("sqlite_")}
            for table in tables
        }
    finally:
        con.close()


def test_the_orm_names_every_index_the_migrations_create_and_no_other(tmp_path):
    open_database(tmp_path / "h.db", tmp_path / "b").engine.dispose()
    in_schema = _schema_indexes(tmp_path / "h.db")
    in_orm = {
        table.name: {index.name for index in table.indexes if index.name} for table in orm.Base.metadata.sorted_tables
    }
    # the sort by a number's value (0006) is an expression index of the register's plain SQL, not an ORM column
    in_schema["hazards"].discard("ix_hazards_number_value")
    for table, names in in_orm.items():
        assert names == in_schema.get(table, set()), table
    assert {"ix_hazards_band", "ix_hazards_dispute_state", "ix_hazards_mean_d_sort"} <= in_orm["hazards"]
    assert in_schema["grading_criteria"] == {"ix_grading_criteria_grading"}


def test_a_grading_s_criteria_are_looked_up_by_the_index(tmp_path):
    open_database(tmp_path / "h.db", tmp_path / "b").engine.dispose()
    con = sqlite3.connect(tmp_path / "h.db")
    try:
        plan = " ".join(
            str(r[-1]) for r in con.execute("EXPLAIN QUERY PLAN SELECT * FROM grading_criteria WHERE grading_id = 'x'")
        )
    finally:
        con.close()
    assert "USING INDEX ix_grading_criteria_grading" in plan


def _imported_at_0012(path: Path, kept: dict[str, str], revision: str = "0012") -> tuple[str, str]:
    """A register at ``revision`` with one hazard imported by that program (finder = the importer, local noon);
    returns the hazard's id and the importer's id. Written through the program's engine (audited from 0011)."""
    shutil.copy(FIXTURES / ("db_rev0011.db" if revision >= "0011" else f"db_rev{revision}.db"), path)
    if revision > "0011":
        open_database(path, path.parent / "b", target=revision).engine.dispose()
    engine = make_engine(path)
    hazard_id, batch_id = str(uuid.uuid4()), str(uuid.uuid4())
    try:
        with engine.begin() as c:
            department = c.exec_driver_sql("SELECT id FROM departments LIMIT 1").scalar()
            category = c.exec_driver_sql("SELECT code FROM categories LIMIT 1").scalar()
            importer = c.exec_driver_sql("SELECT id FROM people LIMIT 1").scalar()
            stamp = "2026-01-01 00:00:00.000000"
            c.exec_driver_sql(
                "INSERT INTO hazards (id, number, description, location, equipment_tag, department_id, category_code,"
                " found_by_id, found_at, status, grade, revision, created_at, updated_at, legacy_number)"
                " VALUES (?, 'YH-2025-9001', '储罐液位计失效', '罐区', '', ?, ?, ?, '2025-03-05 04:00:00.000000',"
                " 'open', 'ungraded', 1, ?, ?, 'LX-7')",
                (hazard_id, department, category, importer, stamp, stamp),
            )
            pk = c.exec_driver_sql("SELECT pk FROM hazards WHERE id = ?", (hazard_id,)).scalar()
            c.exec_driver_sql(
                "INSERT INTO hazard_fts(rowid, tokens) VALUES (?, ?)",
                (pk, hazard_tokens("YH-2025-9001", "储罐液位计失效", "罐区", "", "LX-7")),
            )
            c.exec_driver_sql(
                "INSERT INTO ledger_imports VALUES (?, ?, ?, 'old.xlsx', ?, 'Sheet1', 1, 0)",
                (batch_id, stamp, stamp, "0" * 64),
            )
            c.exec_driver_sql(
                "INSERT INTO ledger_import_rows VALUES (?, ?, ?, ?, 3, 'no:LX-7', ?, ?)",
                (str(uuid.uuid4()), stamp, stamp, batch_id, hazard_id, json.dumps(kept, ensure_ascii=False)),
            )
    finally:
        engine.dispose()
    return hazard_id, importer


def _upgrade(path: Path) -> sqlite3.Connection:
    open_database(path, path.parent / "b").engine.dispose()
    assert current_revision(path) == head_revision()
    return sqlite3.connect(path)


def test_a_hazard_imported_before_keeps_the_ledger_s_finder_and_its_date_only(tmp_path):
    path = tmp_path / "hazard_desktop.db"
    hazard_id, _importer = _imported_at_0012(path, {"found_by": "老张（外包）", "remarks": "x"})
    con = _upgrade(path)
    try:
        row = con.execute("SELECT found_by_text, found_date_only FROM hazards WHERE id = ?", (hazard_id,)).fetchone()
        assert row == ("老张（外包）", 1)
        # searchable: the full-text index holds the ledger's 发现人
        hits = con.execute("SELECT count(*) FROM hazard_fts WHERE hazard_fts MATCH '\"老张\"'").fetchone()[0]
        assert hits == 1
        # hazards entered in the program are untouched (both columns NULL)
        others = con.execute("SELECT count(*) FROM hazards WHERE id != ? AND found_by_text IS NOT NULL", (hazard_id,))
        assert others.fetchone()[0] == 0
        # the audit trail records the change once, named, and still verifies
        entries = con.execute(
            "SELECT use_case FROM audit_entries WHERE tbl = 'hazards' AND record = ? ORDER BY seq", (hazard_id,)
        ).fetchall()
        assert entries[-1] == ("migration 0014",) and [e for e in entries if e[0] == "migration 0014"] == entries[-1:]
        assert audit.verify(con).findings == ()
    finally:
        con.close()


def test_a_hazard_imported_before_without_a_finder_says_not_recorded(tmp_path):
    path = tmp_path / "hazard_desktop.db"
    hazard_id, _importer = _imported_at_0012(path, {"remarks": "无"})
    con = _upgrade(path)
    try:
        row = con.execute("SELECT found_by_text, found_date_only FROM hazards WHERE id = ?", (hazard_id,)).fetchone()
        assert row == ("", 1)
        assert audit.verify(con).findings == ()
    finally:
        con.close()


def test_an_upgrade_that_begins_the_trail_too_records_the_imported_hazards_change(tmp_path):
    """From 0010 (before the audit trail) to the head in one go: 0011's genesis, then 0014's change, recorded."""
    path = tmp_path / "hazard_desktop.db"
    hazard_id, _importer = _imported_at_0012(path, {"found_by": "老李"}, revision="0010")
    con = _upgrade(path)
    try:
        assert con.execute("SELECT found_by_text FROM hazards WHERE id = ?", (hazard_id,)).fetchone() == ("老李",)
        assert audit.verify(con).findings == ()
    finally:
        con.close()

"""Migration 0008 (ledger imports) on the newest fixture register: rows kept, 原编号 empty, the search index
still right without a rebuild, and a ledger imports into the upgraded register."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from hazard_desktop.app import build_context, close_context
from hazard_desktop.services import ledger_import as li
from hazard_desktop.services.ports import RegisterFilter, SortKey
from tests import ledger_workbooks as books
from tests.factories import add_person

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NEWEST = sorted(FIXTURES.glob("db_rev*.db"))[-1]


def test_upgrade_keeps_hazards_and_their_search_then_imports(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "hazard_desktop.db"
    shutil.copyfile(NEWEST, target)
    with sqlite3.connect(target) as db:
        before = db.execute("SELECT id, number, description FROM hazards ORDER BY pk").fetchall()
    assert before, "the fixture holds hazards"
    context = build_context(folder)
    try:
        with sqlite3.connect(target) as db:
            after = db.execute("SELECT id, number, description FROM hazards ORDER BY pk").fetchall()
            assert db.execute("SELECT count(*) FROM hazards WHERE legacy_number IS NOT NULL").fetchone() == (0,)
            indexes = {r[1] for r in db.execute("PRAGMA index_list(hazards)")}
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert after == before
        assert {"ix_hazards_legacy_number", "ix_hazards_number_value"} <= indexes  # 0006's index survives
        assert {"ledger_imports", "ledger_import_rows", "imported_gradings"} <= tables
        word = before[0][2][:4]
        assert context.register.count(RegisterFilter(text=word)) >= 1  # tokens unchanged, no rebuild needed
        person = add_person(context, "登记员")
        workbook = context.ledger_reader().read(books.standard_ledger(tmp_path))
        options = li.ImportOptions(person.id, None, "4.5")
        result = li.import_ledger(context.uow(), workbook, li.guess_mapping(workbook), options, today=date(2026, 12, 7))
        assert result.imported == 8
        hits = context.register.page(RegisterFilter(text="AH-2025-004"), SortKey.NUMBER, False, 0, 5)
        assert [h.description for h in hits] == ["配电室门口无挡鼠板"]
    finally:
        close_context(context)

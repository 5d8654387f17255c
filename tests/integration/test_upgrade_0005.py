"""Migration 0005 on every older fixture: the dispute rule's tables, and seeded reference data put in
the rule's words where the plant has not edited it; nothing the plant recorded is lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hazard_desktop.app import build_context, close_context
from hazard_desktop.services import grading as svc

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OLD = sorted(p for p in FIXTURES.glob("db_rev*.db") if p.stem < "db_rev0005")


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        wanted = ("hazards", "gradings", "disputes", "grading_scores", "grading_criteria", "people")
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in wanted if t in tables}  # noqa: S608


@pytest.mark.parametrize("fixture", OLD, ids=[p.stem for p in OLD])
def test_upgrading_an_older_register_to_0005(tmp_path, fixture):
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "hazard_desktop.db"
    shutil.copy(fixture, target)
    before = _counts(target)
    context = build_context(folder)
    try:
        with context.uow() as uow:
            categories = {c.code: c for c in uow.reference.categories()}
            sets = uow.lec.threshold_sets()
            criteria = {c.code: c for c in uow.criteria.all()}
        assert categories["4.6"].name_zh == "设备/设施/工器具类隐患"
        assert categories["4.10"].name_zh == "其他隐患"
        subs = {s.code: s for s in categories["4.6"].subcategories}
        assert subs["4.6.1"].name_zh.startswith("特种设备（有效检验期")
        assert [s.name for s in sets] == ["表D.4 隐患等级划分（《隐患分级管理办法》）"]
        assert criteria["C-4"].clause == "4.4 储罐(1)"
        chairs = svc.dispute_chairs(context.uow())
        if before.get("people"):
            assert [(c.leader_name, c.deputy_name) for c in chairs] == [("肖才根", "刘家华")]
        for dispute in svc.open_disputes(context.uow()):
            assert dispute.claimed == () and dispute.withdrawn_by_person_name == ""
    finally:
        close_context(context)
    after = _counts(target)
    assert {k: after[k] for k in before} == before


def test_the_0005_fixture_keeps_its_criteria_votes(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(FIXTURES / "db_rev0005.db", folder / "hazard_desktop.db")
    with sqlite3.connect(folder / "hazard_desktop.db") as db:
        (hazard_id,) = db.execute(
            "SELECT hazard_id FROM gradings g JOIN grading_votes v ON v.grading_id = g.id"
        ).fetchone()
    context = build_context(folder)
    try:
        import uuid

        ruling = svc.final_grading(context.uow(), uuid.UUID(hazard_id))
        assert ruling is not None and ruling.is_ruling and ruling.grade.value == "major"
        assert [(v.votes_for, v.votes_against, v.upheld) for v in ruling.verdicts] == [(4, 3, True)]
    finally:
        close_context(context)

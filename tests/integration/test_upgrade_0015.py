"""Revision 0015: the panel that decided a grading without scores is recorded; registers from before upgrade
without losing anything, their gradings keep their records (and sheets their codes) and print "not recorded"."""

from __future__ import annotations

import sqlite3

import pytest

from hazard_desktop.adapters.schema import current_revision, head_revision
from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.verification import record_digest
from hazard_desktop.services import grading as svc
from hazard_desktop.services import sheets
from hazard_desktop.services.sheet_builders import PANEL_NOT_RECORDED
from tests import upgrades

FIXTURES = upgrades.FIXTURES
# the fixture made where 0014 was the head (the register this revision upgrades), and the one before it
BEFORE = [FIXTURES / "db_rev0013.db", FIXTURES / "db_rev0014.db"]


@pytest.fixture(params=BEFORE, ids=lambda p: p.stem)
def upgraded(request, tmp_path):
    yield from upgrades.upgraded(request.param, tmp_path)


def test_the_register_upgrades_with_an_empty_panel_table_and_nothing_lost(upgraded):
    folder, context, before = upgraded
    path = folder / "hazard_desktop.db"
    assert current_revision(path) == head_revision() >= "0015"
    assert upgrades.counts(path) == before
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM grading_panel_members").fetchone()[0] == 0
        indexes = {r[1] for r in con.execute("PRAGMA index_list('grading_panel_members')")}
        assert "ix_grading_panel_members_grading" in indexes
    finally:
        con.close()
    assert context.audit().verify().ok


def test_gradings_stored_before_keep_their_record_and_print_the_panel_as_not_recorded(upgraded):
    folder, context, _ = upgraded
    con = sqlite3.connect(folder / "hazard_desktop.db")
    try:
        hazard_ids = [r[0] for r in con.execute("SELECT DISTINCT hazard_id FROM gradings")]
    finally:
        con.close()
    import uuid

    gradings = [
        e.grading
        for h in hazard_ids
        for e in svc.grading_history(context.uow(), uuid.UUID(h))
        if e.grading is not None and e.grading.confirmed
    ]
    assert gradings
    for grading in gradings:
        record = rules.canonical_record(grading)
        assert grading.panel == () and "panel" not in record and record["version"] < rules.PANEL_RECORD_VERSION
    scoreless = [g for g in gradings if not g.scores and not g.is_ruling and rules.current_grading([g]) is not None]
    assert scoreless, "the fixture holds a criteria grading without scores"
    for grading in scoreless:
        sheet = sheets.grading_sheet_document(context.uow(), grading_id=grading.id).sheets[0]
        assert sheet.panel_note == PANEL_NOT_RECORDED
        assert [(m.role_label, m.name) for m in sheet.members] == [("组长", grading.leader_name)]  # no blank rows
        assert record_digest(rules.canonical_record(grading)) == record_digest(
            rules.canonical_record(svc.get_grading(context.uow(), grading.id))
        )

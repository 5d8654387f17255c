"""Revision 0016: a LEC grading records the §5.1 check it rests on; registers from before upgrade without losing
anything, their gradings keep their records (and sheets their codes) and read "check not recorded" — never a check
that was not recorded."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from hazard_desktop.adapters.schema import current_revision, head_revision
from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.grading import GradingMethod
from hazard_desktop.services import grading as svc
from hazard_desktop.services import sheets
from hazard_desktop.services.sheet_builders import CHECK_NOT_RECORDED
from tests import upgrades

FIXTURES = upgrades.FIXTURES
# the fixture made where 0015 was the head (the register this revision upgrades), and the one before it
BEFORE = [FIXTURES / "db_rev0014.db", FIXTURES / "db_rev0015.db"]
COLUMNS = {"check_basis", "check_criteria_digest", "check_criteria_items", "check_criteria_newest"}
COLUMNS |= {"checked_at", "checked_by"}


@pytest.fixture(params=BEFORE, ids=lambda p: p.stem)
def upgraded(request, tmp_path):
    yield from upgrades.upgraded(request.param, tmp_path)


def _confirmed(folder: Path, context) -> list[rules.Grading]:
    con = sqlite3.connect(folder / "hazard_desktop.db")
    try:
        hazard_ids = [uuid.UUID(r[0]) for r in con.execute("SELECT DISTINCT hazard_id FROM gradings")]
    finally:
        con.close()
    return [
        e.grading
        for h in hazard_ids
        for e in svc.grading_history(context.uow(), h)
        if e.grading is not None and e.grading.confirmed
    ]


def test_the_register_upgrades_with_empty_check_columns_and_nothing_lost(upgraded):
    folder, context, before = upgraded
    path = folder / "hazard_desktop.db"
    assert current_revision(path) == head_revision() >= "0016"
    assert upgrades.counts(path) == before
    con = sqlite3.connect(path)
    try:
        columns = {r[1] for r in con.execute("PRAGMA table_info('gradings')")}
        assert columns >= COLUMNS
        assert con.execute("SELECT count(*) FROM gradings WHERE check_basis IS NOT NULL").fetchone()[0] == 0
    finally:
        con.close()
    assert context.audit().verify().ok  # the added NULL columns change no row's digest


def test_lec_gradings_stored_before_read_check_not_recorded_and_keep_their_records_and_codes(upgraded):
    folder, context, _ = upgraded
    gradings = _confirmed(folder, context)
    lec = [g for g in gradings if g.method is GradingMethod.LEC_PANEL]
    assert lec and any(g.is_ruling for g in lec), "the fixture holds LEC gradings and a LEC dispute ruling"
    for grading in gradings:
        record = rules.canonical_record(grading)
        assert grading.major_check is None and "major_check" not in record
        assert record["version"] < rules.CHECK_RECORD_VERSION
    for grading in lec:
        assert not grading.check_recorded  # never pretended done
        if not grading.is_ruling:  # a ruling prints the 争议裁决表 (its basis says the same)
            sheet = sheets.grading_sheet_document(context.uow(), grading_id=grading.id).sheets[0]
            assert CHECK_NOT_RECORDED in sheet.basis_lines

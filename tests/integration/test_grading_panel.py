"""The panel that decided a grading without scores (migration 0015): stored with it, refused when it breaks
the §5.2 rule or is missing, bound into the sheet's verify code."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from hazard_desktop import paths
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading import PanelRole
from hazard_desktop.services import grading as svc
from hazard_desktop.services import sheets
from hazard_desktop.services.grading import CriterionEntry, PanelEntry
from hazard_desktop.services.sheet_requests import SheetRequest, VerifyStatus
from tests.factories import decision_panel, list_checked
from tests.integration.test_grading_services import AT, DAY, count_gradings, hazards, leader, panel, people

__all__ = ["hazards", "leader", "people"]  # fixtures


def _criteria(context):
    return [CriterionEntry(svc.grading_setup(context.uow(), DAY).criteria[0].id, "现场无证作业")]


def test_the_panel_is_stored_with_the_grading_and_its_sheet_code_covers_it(context, hazards, leader, tmp_path):
    chosen = decision_panel(context, leader.id)
    draft = svc.grade_hazard_by_criteria(
        context.uow(),
        hazards[0].id,
        _criteria(context),
        leader.id,
        DAY,
        panel=chosen,
        check=list_checked(context),
        at=AT,
    )
    graded = svc.confirm_grading(context.uow(), draft.id, at=AT + timedelta(minutes=5))
    assert [(s.person_id, s.role) for s in graded.panel] == [(e.person_id, e.role) for e in chosen]
    assert [s.person_id for s in graded.panel if s.role is PanelRole.LEADER] == [leader.id]
    assert svc.get_grading(context.uow(), graded.id) == graded
    result = sheets.print_document(
        context.uow(), SheetRequest.hazard(hazards[0].id), sheets.sheet_renderer(context), tmp_path / "s.pdf", "组长"
    )
    code = result.records[0].verify_code
    assert sheets.verify_code(context.uow(), code).status is VerifyStatus.VERIFIED
    # somebody edits who sat on the panel in the database: the printed sheet no longer matches the record
    with sqlite3.connect(paths.database_path(context.data_dir)) as con:
        con.execute("UPDATE grading_panel_members SET person_name = '某某' WHERE role = 'member'")
    con.close()
    assert sheets.verify_code(context.uow(), code).status is VerifyStatus.ALTERED


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("none", "panel_not_recorded"),
        ("even", "panel_even"),
        ("workshop", "panel_kind_not_allowed"),
        ("with_scores", "panel_with_scores"),
    ],
)
def test_a_missing_or_bad_panel_is_refused_and_nothing_is_written(context, hazards, people, leader, change, code):
    chosen = list(decision_panel(context, leader.id))
    scores = ()
    if change == "none":
        chosen = []
    elif change == "even":  # a fourth member: every department there, but an even number
        seated = {e.person_id for e in chosen}
        chosen.append(PanelEntry(next(p.id for p in people["AHB"] if p.id not in seated)))
    elif change == "workshop":
        chosen[2] = PanelEntry(people["HC1"][0].id)
    else:
        scores = tuple(panel(people, [("1", "3", "3")] * 3))
    with pytest.raises(ValidationError) as err:
        svc.grade_hazard_by_decision(
            context.uow(), hazards[0].id, "可能引发连锁火灾", leader.id, DAY, scores=scores, panel=chosen, at=AT
        )
    assert err.value.code == code
    assert count_gradings(context) == 0

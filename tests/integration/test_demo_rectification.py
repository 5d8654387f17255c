"""`hazard-desktop demo` takes its graded hazards through the rectification loop's use cases: every state the
office meets is there (overdue, due soon, an extension waiting, extended, sent back, awaiting acceptance,
fixed on the spot, 重大 under a plan with its reports, closed with before/after photos), consistent with the
register's columns and the timeline."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta

import pytest

from hazard_desktop import paths
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import TARGET, Action, PhotoStage, ReportKind
from hazard_desktop.services import rectification as svc

TODAY = date(2026, 6, 30)  # the shared demo's reference day (tests/integration/test_sheet_service.REFERENCE)


@pytest.fixture(scope="module")
def demo(sheet_demo_folder):
    context = build_context(sheet_demo_folder)
    yield context
    close_context(context)


def rows(context, sql, *args):
    with sqlite3.connect(paths.database_path(context.data_dir)) as con:
        return con.execute(sql, args).fetchall()


def test_the_demo_shows_every_state_of_the_loop(demo):
    counts = svc.due_counts(demo.uow(), TODAY)
    assert counts.overdue >= 3 and counts.due_soon >= 3 and counts.awaiting_acceptance >= 3
    statuses = Counter(s for (s,) in rows(demo, "SELECT status FROM hazards"))
    assert all(statuses[s.value] > 0 for s in HazardStatus)
    actions = Counter(a for (a,) in rows(demo, "SELECT action FROM hazard_transitions"))
    assert all(actions[a.value] > 0 for a in Action if a is not Action.EDIT), actions  # the demo edits nothing
    assert rows(demo, "SELECT COUNT(*) FROM hazards WHERE extension_pending = 1")[0][0] >= 1
    sent_back_now = rows(
        demo,
        "SELECT COUNT(*) FROM hazards h WHERE status = 'rectifying' AND (SELECT action FROM hazard_transitions t"
        " WHERE t.hazard_id = h.id ORDER BY at DESC LIMIT 1) = 'send_back'",
    )[0][0]
    assert sent_back_now >= 1


def test_the_register_columns_follow_the_timeline(demo):
    for hazard_id, status, deadline, acceptor, closed_on in rows(
        demo, "SELECT id, status, deadline, acceptor_id, closed_on FROM hazards WHERE status != 'open'"
    ):
        import uuid

        view = svc.load_view(demo.uow(), uuid.UUID(hazard_id), today=TODAY)
        steps = view.timeline
        assert steps and steps[0].action in (Action.GRADE, Action.ON_THE_SPOT)
        for before, after in zip(steps, steps[1:], strict=False):
            assert before.to_status is after.from_status and before.at <= after.at
        assert steps[-1].to_status.value == status
        for step in steps:
            target = TARGET[step.action]
            assert step.to_status is (target or step.from_status) or step.action is Action.GRADE
        if status in ("rectifying", "verifying", "closed"):
            assert view.assignment is not None and deadline == view.assignment.deadline.isoformat()
        assert (acceptor is not None) == (status == "verifying")
        assert (closed_on is not None) == (status == "closed")
        if view.hazard.grade is HazardGrade.MAJOR and view.assignment is not None:
            assert view.plan is not None and view.plan.time_limit == view.assignment.deadline


def test_major_hazards_have_their_plans_reports_and_group_acceptance(demo):
    import uuid

    majors = rows(demo, "SELECT id, status FROM hazards WHERE grade = 'major' AND status IN ('rectifying', 'closed')")
    assert {s for _, s in majors} == {"rectifying", "closed"}
    for hazard_id, status in majors:
        view = svc.load_view(demo.uow(), uuid.UUID(hazard_id), today=TODAY)
        assert view.plan is not None and view.plan.supervision is not None
        kinds = {r.kind for r in view.plan.reports}
        assert ReportKind.REGULATOR in kinds
        if status == "closed":
            assert ReportKind.WORKERS_CONGRESS in kinds  # 双报告
            closing = view.closing
            assert closing is not None and closing.evaluation is not None and len(closing.group) >= 3
            assert any(p.department_kind == "safety" for p in closing.group)


def test_closed_hazards_have_before_and_after_photos_and_on_the_spot_fixes_wait(demo):
    import uuid

    closed = [uuid.UUID(i) for (i,) in rows(demo, "SELECT id FROM hazards WHERE status = 'closed'")]
    with_photos = 0
    for hazard_id in closed:
        stages = {p.stage for n in svc.load_view(demo.uow(), hazard_id).notes for p in n.photos}
        with_photos += {PhotoStage.BEFORE, PhotoStage.AFTER} <= stages
    assert with_photos >= 3
    spot = [
        uuid.UUID(i) for (i,) in rows(demo, "SELECT hazard_id FROM rectification_assignments WHERE on_the_spot = 1")
    ]
    assert spot
    for hazard_id in spot:
        view = svc.load_view(demo.uow(), hazard_id)
        assert view.hazard.status is HazardStatus.VERIFYING and view.hazard.acceptor_id != view.hazard.found_by_id
        assert PhotoStage.AFTER in {p.stage for p in view.notes[0].photos}


def test_overdue_and_due_soon_lists_agree_with_the_counts(demo):
    items = svc.due_list(demo.uow(), TODAY)
    counts = svc.due_counts(demo.uow(), TODAY)
    assert sum(1 for i in items if i.days_left < 0) == counts.overdue
    assert sum(1 for i in items if 0 <= i.days_left <= 7) == counts.due_soon
    assert all(i.deadline <= TODAY + timedelta(days=7) for i in items)


def test_the_demos_rectification_data_is_plausible(demo):
    """Issue 12: a 五定 of 2025-01 with a deadline of 2026-12 closed in 2025-03; measures unlike their hazards;
    a 重大 hazard's 定措施 unlike its plan's."""
    assignments = rows(
        demo,
        "SELECT a.hazard_id, a.assigned_on, a.original_deadline, a.deadline, a.measures, h.closed_on, h.grade, "
        "h.equipment_tag, h.location FROM rectification_assignments a JOIN hazards h ON h.id = a.hazard_id "
        "WHERE a.on_the_spot = 0",
    )
    assert len(assignments) > 100
    for hazard_id, assigned, original, deadline, measures, closed_on, grade, tag, location in assignments:
        assigned, original, deadline = map(date.fromisoformat, (assigned, original, deadline))
        assert assigned <= original <= assigned + timedelta(days=366), hazard_id
        assert deadline <= original + timedelta(days=60), hazard_id  # extensions of days or weeks, not years
        if closed_on is not None:
            assert date.fromisoformat(closed_on) - assigned < timedelta(days=200), hazard_id
        if grade == HazardGrade.MAJOR.value:
            view = svc.load_view(demo.uow(), hazard_id)
            assert view.plan is not None and measures == view.plan.methods_and_measures
        else:
            assert (tag and tag in measures) or location in measures or "针对“" in measures, (measures, tag)

"""SqlGradingRepository stores and returns equal domain objects: gradings with scores and criteria,
meetings, disputes, sheet prints, and the hazard's current-grade columns."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.errors import InvalidTransition, NotFound
from hazard_desktop.domain.grading import DisputeState, GradingMethod, MemberScore, PanelRole
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import LecScales
from hazard_desktop.domain.meetings import new_meeting
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.domain.sheet_prints import SheetKind, SheetPrint
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.ports import RegisterFilter, SortKey
from tests.factories import add_person, hazard_input
from tests.unit.domain.lec_fixtures import no_criterion_matched

AT = datetime(2026, 3, 10, 2, 30, tzinfo=UTC)


@pytest.fixture
def hazard(context, inspector):
    return create_hazard(context.uow(), hazard_input(context, inspector))


@pytest.fixture
def panel(context):
    """One person of 安环部, 生产部 and 工会 each."""
    return [add_person(context, name, code) for name, code in (("安一", "AHB"), ("产一", "SCB"), ("工一", "GH"))]


def _tables(context):
    with context.uow() as uow:
        scales = LecScales(tuple(uow.lec.scale_values()))
        threshold_set = uow.lec.threshold_sets()[0]
        departments = {d.id: d for d in uow.reference.departments()}
        criteria = uow.criteria.all()
    return scales, threshold_set, departments, criteria


def _scores(context, people, triples, roles=None):
    scales, _, departments, _ = _tables(context)
    result = []
    for n, (person, (lv, ev, cv)) in enumerate(zip(people, triples, strict=True)):
        department = departments[person.department_id]
        result.append(
            rules.score_member(
                scales,
                person_id=person.id,
                person_name=person.name,
                department_id=department.id,
                department_name=department.name,
                department_kind=department.kind,
                likelihood=lv,
                exposure=ev,
                consequence=cv,
                role=roles[n] if roles else PanelRole.MEMBER,
            )
        )
    return result


def _lec_grading(context, hazard, panel, triples=(("3", "6", "1"), ("1", "3", "7"), ("1", "3", "7")), **kw):
    scales, threshold_set, _, _ = _tables(context)
    return rules.grade_by_lec(
        hazard_id=hazard.id,
        scores=_scores(context, panel, triples),
        scales=scales,
        threshold_set=threshold_set,
        leader_id=panel[0].id,
        leader_name=panel[0].name,
        graded_on=date(2026, 3, 10),
        at=AT,
        **({"check": no_criterion_matched(AT)} | kw),
    )


def test_lec_grading_round_trips_exactly_with_member_order(context, hazard, panel):
    grading = _lec_grading(context, hazard, panel, triples=(("10", "2", "1"), ("10", "2", "1"), ("1", "3", "7")))
    assert grading.mean_d == Decimal("20.33333333333333333333")
    with context.uow() as uow:
        uow.gradings.add(grading)
        uow.commit()
    with context.uow() as uow:
        stored = uow.gradings.get(grading.id)
    assert stored == grading
    assert [s.person_id for s in stored.scores] == [p.id for p in panel]
    assert isinstance(stored.scores[0], MemberScore) and stored.scores[0].department_kind is DepartmentKind.SAFETY
    assert stored.mean_text() == "≈20.33" and stored.band_code == "general"


def test_criteria_grading_keeps_text_clause_and_evidence(context, hazard, panel):
    _, _, _, criteria = _tables(context)
    matches = [
        rules.match_criterion(criteria[3], "现场 T-305 无高液位报警"),
        rules.match_criterion(criteria[0], "证件过期"),
    ]
    grading = rules.grade_by_criteria(
        hazard_id=hazard.id,
        matches=matches,
        leader_id=panel[0].id,
        leader_name=panel[0].name,
        graded_on=date(2026, 3, 10),
        at=AT,
    )
    with context.uow() as uow:
        uow.gradings.add(grading)
        uow.commit()
    with context.uow() as uow:
        stored = uow.gradings.get(grading.id)
    assert stored == grading
    assert [m.code for m in stored.matches] == [criteria[3].code, criteria[0].code]
    assert stored.scores == () and stored.mean_d is None and stored.threshold_set_id is None
    assert stored.grade is HazardGrade.MAJOR and stored.method is GradingMethod.CRITERIA


def test_update_confirms_a_draft_and_then_refuses_every_change(context, hazard, panel):
    draft = _lec_grading(context, hazard, panel)
    with context.uow() as uow:
        uow.gradings.add(draft)
        uow.commit()
    confirmed = rules.confirm(draft, AT + timedelta(hours=1))
    with context.uow() as uow:
        uow.gradings.update(confirmed)
        uow.commit()
    with context.uow() as uow:
        assert uow.gradings.get(draft.id) == confirmed
        with pytest.raises(InvalidTransition) as err:
            uow.gradings.update(dataclasses.replace(confirmed, leader_name="别人"))
        assert err.value.code == "grading_confirmed"
        with pytest.raises(InvalidTransition):
            uow.gradings.remove_draft(draft.id)
        with pytest.raises(NotFound):
            uow.gradings.update(dataclasses.replace(confirmed, id=new_id()))


def test_history_is_ordered_and_drafts_can_be_removed(context, hazard, panel):
    first = _lec_grading(context, hazard, panel)
    second = dataclasses.replace(_lec_grading(context, hazard, panel), created_at=AT + timedelta(days=1))
    with context.uow() as uow:
        uow.gradings.add(second)
        uow.gradings.add(first)
        uow.commit()
    with context.uow() as uow:
        assert [g.id for g in uow.gradings.history_for(hazard.id)] == [first.id, second.id]
        assert uow.gradings.count() == 2 and uow.gradings.count(confirmed_only=True) == 0
        uow.gradings.remove_draft(second.id)
        uow.commit()
    with context.uow() as uow:
        assert [g.id for g in uow.gradings.history_for(hazard.id)] == [first.id]
        assert uow.gradings.get(second.id) is None


def test_meetings_round_trip_and_list_their_confirmed_gradings(context, hazard, panel, inspector):
    older = new_meeting(title="一月判定会", held_on=date(2026, 1, 20), leader_id=panel[0].id, leader_name="安一", at=AT)
    newer = new_meeting(title="三月判定会", held_on=date(2026, 3, 10), leader_id=None, leader_name="安一", at=AT)
    other = create_hazard(context.uow(), hazard_input(context, inspector, description="另一个隐患"))
    # built before the writing unit of work: each reads the scales in a transaction of its own
    draft = _lec_grading(context, hazard, panel, meeting_id=newer.id)
    done = rules.confirm(_lec_grading(context, other, panel, meeting_id=newer.id), AT)
    with context.uow() as uow:
        uow.gradings.add_meeting(older)
        uow.gradings.add_meeting(newer)
        uow.gradings.add(draft)
        uow.gradings.add(done)
        uow.commit()
    with context.uow() as uow:
        assert uow.gradings.get_meeting(older.id) == older
        assert uow.gradings.meetings() == [newer, older]
        assert [g.id for g in uow.gradings.for_meeting(newer.id)] == [done.id]
        assert {g.id for g in uow.gradings.for_meeting(newer.id, confirmed_only=False)} == {draft.id, done.id}
        assert uow.gradings.meeting_counts() == {newer.id: (2, 1)}
        assert uow.gradings.get_meeting(new_id()) is None


def test_disputes_round_trip_through_every_state(context, hazard, panel):
    grading = rules.confirm(_lec_grading(context, hazard, panel), AT)
    with context.uow() as uow:
        department = uow.reference.departments()[0]
        uow.gradings.add(grading)
        dispute = rules.raise_dispute(
            grading,
            department_id=department.id,
            department_name=department.name,
            person_name="宋立新",
            reason="暴露频率被低估",
            at=AT + timedelta(days=1),
        )
        uow.gradings.add_dispute(dispute)
        uow.commit()
    with context.uow() as uow:
        assert uow.gradings.get_dispute(dispute.id) == dispute
        assert uow.gradings.open_disputes() == [dispute]
        withdrawn = rules.withdraw(dispute, AT + timedelta(days=2), "已沟通", person_name="宋立新")
        uow.gradings.update_dispute(withdrawn)
        uow.commit()
    with context.uow() as uow:
        assert uow.gradings.disputes_for(hazard.id) == [withdrawn]
        assert uow.gradings.disputes() == [withdrawn]
        assert uow.gradings.open_disputes() == []
        assert withdrawn.state is DisputeState.WITHDRAWN and withdrawn.withdrawn_reason == "已沟通"
        with pytest.raises(NotFound):
            uow.gradings.update_dispute(dataclasses.replace(withdrawn, id=new_id()))


def test_ruling_grading_links_its_dispute(context, hazard, panel):
    grading = rules.confirm(_lec_grading(context, hazard, panel), AT)
    chief = add_person(context, "组长甲", "ZJB")
    deputy = add_person(context, "副组长乙", "AHB")
    business = add_person(context, "事业丙", "SYB")
    with context.uow() as uow:
        raising = next(d for d in uow.reference.departments() if d.code == "HC1")
    worker = add_person(context, "车间丁", "HC1")
    dispute = rules.raise_dispute(
        grading,
        department_id=raising.id,
        department_name=raising.name,
        person_name=worker.name,
        reason="判定偏低",
        at=AT,
    )
    members = [chief, deputy, *panel, business, worker]
    roles = [PanelRole.LEADER, PanelRole.DEPUTY] + [PanelRole.MEMBER] * 5
    scales, threshold_set, _, _ = _tables(context)
    ruling = rules.confirm(
        rules.grade_dispute(
            dispute,
            disputed=grading,
            raising_kind=raising.kind,
            scores=_scores(context, members, [("3", "6", "7")] * 7, roles),
            scales=scales,
            threshold_set=threshold_set,
            graded_on=date(2026, 3, 20),
            at=AT,
            check=no_criterion_matched(AT, basis="dispute", by=chief.name),
        ),
        AT,
    )
    ruled = rules.rule(dispute, ruling, "维持原判定之外上调一级", AT)
    with context.uow() as uow:
        uow.gradings.add(grading)
        uow.gradings.add_dispute(dispute)
        uow.gradings.add(ruling)
        uow.gradings.update_dispute(ruled)
        uow.commit()
    with context.uow() as uow:
        assert uow.gradings.get(ruling.id) == ruling
        assert uow.gradings.get_dispute(dispute.id) == ruled
        stored = uow.gradings.get(ruling.id)
    assert stored.is_ruling and [s.role for s in stored.scores] == roles


def test_set_current_fills_and_clears_the_register_columns(context, hazard, panel):
    grading = rules.confirm(_lec_grading(context, hazard, panel), AT)
    with context.uow() as uow:
        uow.gradings.add(grading)
        uow.gradings.set_current(hazard.id, grading, DisputeState.RULED)
        uow.commit()
    row = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10)[0]
    assert (row.grade, row.grading_method, row.band_code, row.mean_d, row.dispute_state) == (
        HazardGrade.GENERAL,
        "lec_panel",
        "slight",
        Decimal(20),
        "ruled",
    )
    with context.uow() as uow:
        uow.gradings.set_current(hazard.id, None, None)
        uow.commit()
        with pytest.raises(NotFound):
            uow.gradings.set_current(new_id(), None, None)
    row = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10)[0]
    assert (row.grade, row.grading_method, row.band_code, row.mean_d, row.dispute_state) == (
        HazardGrade.UNGRADED,
        None,
        None,
        None,
        None,
    )


def test_sheet_prints_are_found_by_code_and_counted(context, hazard, panel):
    grading = rules.confirm(_lec_grading(context, hazard, panel), AT)
    prints = [
        SheetPrint(
            id=new_id(),
            kind=SheetKind.GRADING,
            grading_id=grading.id,
            dispute_id=None,
            hazard_id=hazard.id,
            verify_code="ABCD-EFGH-JKMN",
            digest="0" * 64,
            copy_no=n,
            printed_at=AT + timedelta(minutes=n),
            printed_by="孙海燕",
            created_at=AT,
            updated_at=AT,
        )
        for n in range(2)
    ]
    with context.uow() as uow:
        uow.gradings.add(grading)
        for sheet_print in reversed(prints):
            uow.gradings.add_sheet_print(sheet_print)
        uow.commit()
    with context.uow() as uow:
        assert uow.gradings.find_sheet_prints("ABCD-EFGH-JKMN") == prints
        assert uow.gradings.find_sheet_prints("0000-0000-0000") == []
        assert uow.gradings.count_sheet_prints(grading.id, SheetKind.GRADING) == 2
        assert uow.gradings.count_sheet_prints(grading.id, SheetKind.DISPUTE) == 0

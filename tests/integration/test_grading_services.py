"""Grading use cases on a real database: panels, meetings, criteria, decisions, corrections, disputes,
and the register columns that follow them."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from hazard_desktop.domain.errors import Conflict, DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import DisputeState, GradingMethod, PanelRole
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.services import grading as svc
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.grading import CriterionEntry, GradingRequest, HistoryKind, ScoreEntry
from hazard_desktop.services.hazards import create_hazard, get_hazard
from hazard_desktop.services.ports import RegisterFilter, SortKey
from tests.factories import decision_panel, hazard_input, list_checked, no_match

DAY = date(2026, 3, 10)
AT = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


@pytest.fixture
def people(context):
    """The demo staff by department code (安环部 AHB, 生产部 SCB, 工会 GH, 事业部 SYB, 车间 HC1 …)."""
    return ensure_people(context.uow())


def named(people, name):
    return next(p for group in people.values() for p in group if p.name == name)


@pytest.fixture
def hazards(context, people, inspector):  # people first: the demo staff is only added to an empty table
    with context.uow() as uow:
        workshop = next(d for d in uow.reference.departments() if d.code == "HC1")
    return [
        create_hazard(
            context.uow(),
            hazard_input(
                context,
                inspector,
                description=f"隐患{n} 阀门填料泄漏",
                department_id=workshop.id,
                found_at=datetime(2026, 3, 1 + n, 8, 0, tzinfo=UTC),
            ),
        )
        for n in range(4)
    ]


@pytest.fixture
def leader(people):
    return named(people, "陈建国")  # the panel leader


def panel(people, triples, codes=("AHB", "SCB", "GH")):
    """One ScoreEntry per triple; members drawn in turn from ``codes``."""
    used: dict[str, int] = {}
    entries = []
    for n, (lv, ev, cv) in enumerate(triples):
        code = codes[n % len(codes)]
        person = people[code][used.get(code, 0)]
        used[code] = used.get(code, 0) + 1
        entries.append(ScoreEntry(person.id, lv, ev, cv))
    return entries


def dispute_panel(people, triples, *, raising="HC1", deputy=True, raising_member=True):
    """组长 肖才根, 副组长 刘家华, members of 安环部, 生产部, 事业部, 工会 and the raising department."""
    members = [(named(people, "肖才根"), PanelRole.LEADER)]
    if deputy:
        members.append((named(people, "刘家华"), PanelRole.DEPUTY))
    members.append((named(people, "陈建国"), PanelRole.MEMBER))
    members += [(people[code][0], PanelRole.MEMBER) for code in ("SCB", "SYB", "GH")]
    if raising_member:
        members.append((people[raising][0], PanelRole.MEMBER))
    return [
        ScoreEntry(person.id, *triples[n % len(triples)], role=role)  # type: ignore[misc]
        for n, (person, role) in enumerate(members)
    ]


def row_of(context, hazard):
    rows = context.register.page(RegisterFilter(text=hazard.number), SortKey.NUMBER, False, 0, 5)
    assert len(rows) == 1
    return rows[0]


def count_gradings(context):
    with context.uow() as uow:
        return uow.gradings.count()


def graded(context, hazard, people, leader, triples):
    draft = svc.grade_hazard_by_lec(
        context.uow(), hazard.id, panel(people, triples), leader.id, DAY, at=AT, check=no_match(context)
    )
    return svc.confirm_grading(context.uow(), draft.id, at=AT + timedelta(minutes=5))


# ---------------------------------------------------------------- LEC panels


def test_a_full_lec_panel_grading_updates_the_register_only_when_confirmed(context, hazards, people, leader):
    hazard = hazards[0]
    scores = panel(people, [("3", "6", "3"), ("3", "6", "7"), ("1", "6", "7"), ("3", "6", "3"), ("3", "3", "7")])
    draft = svc.grade_hazard_by_lec(context.uow(), hazard.id, scores, leader.id, DAY, at=AT, check=no_match(context))
    assert not draft.confirmed and draft.method is GradingMethod.LEC_PANEL
    assert [s.d for s in draft.scores] == [Decimal(54), Decimal(126), Decimal(42), Decimal(54), Decimal(63)]
    assert draft.mean_d == Decimal("67.8") and draft.band_code == "general" and draft.leader_name == leader.name
    assert row_of(context, hazard).grade is HazardGrade.UNGRADED

    confirmed = svc.confirm_grading(context.uow(), draft.id, at=AT + timedelta(hours=1))
    assert confirmed.confirmed_at == AT + timedelta(hours=1)
    row = row_of(context, hazard)
    assert (row.grade, row.status, row.grading_method, row.band_code, row.mean_d, row.dispute_state) == (
        HazardGrade.GENERAL,
        HazardStatus.GRADED,
        "lec_panel",
        "general",
        Decimal("67.8"),
        None,
    )
    assert get_hazard(context.uow(), hazard.id).revision == hazard.revision + 1
    assert svc.final_grading(context.uow(), hazard.id) == confirmed
    assert svc.get_grading(context.uow(), draft.id) == confirmed
    history = svc.grading_history(context.uow(), hazard.id)
    assert [(e.kind, e.is_final) for e in history] == [(HistoryKind.GRADING, True)]


@pytest.mark.parametrize(
    ("triples", "mean", "band", "text"),
    [
        ([("3", "6", "1"), ("1", "3", "7"), ("1", "3", "7")], Decimal(20), "slight", "20.00"),
        (
            [("10", "2", "1"), ("10", "2", "1"), ("1", "3", "7")],
            Decimal("20.33333333333333333333"),
            "general",
            "≈20.33",
        ),
        ([("3", "3", "7"), ("3", "3", "7"), ("6", "2", "7")], Decimal(70), "general", "70.00"),
        ([("6", "6", "3"), ("6", "6", "3"), ("6", "2", "7")], Decimal("100"), "significant", "100.00"),
    ],
)
def test_edge_means_are_banded_exactly(context, hazards, people, leader, triples, mean, band, text):
    grading = graded(context, hazards[0], people, leader, triples)
    assert (grading.mean_d, grading.band_code, grading.mean_text()) == (mean, band, text)
    preview = svc.preview_panel(svc.grading_setup(context.uow(), DAY), panel(people, triples))
    assert (preview.mean, preview.band.code) == (mean, band)
    assert row_of(context, hazards[0]).mean_d == mean


def test_even_panel_is_refused_and_nothing_is_written(context, hazards, people, leader):
    scores = panel(people, [("3", "6", "3")] * 4)
    with pytest.raises(ValidationError) as err:
        svc.grade_hazard_by_lec(context.uow(), hazards[0].id, scores, leader.id, DAY, check=no_match(context))
    assert err.value.code == "panel_even" and err.value.params["count"] == 4
    assert count_gradings(context) == 0
    setup = svc.grading_setup(context.uow(), DAY)
    assert [p.code for p in svc.panel_problems(setup, scores)] == ["panel_even"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda p: panel(p, [("3", "6", "3")] * 3, codes=("AHB", "SCB", "SCB")), "panel_missing_kind"),
        (lambda p: panel(p, [("3", "6", "3")] * 3, codes=("AHB", "SCB", "SYB")), "panel_kind_not_allowed"),
        (lambda p: panel(p, [("4", "6", "3"), ("3", "6", "3"), ("3", "6", "3")]), "off_scale"),
        (lambda p: panel(p, [("x", "6", "3"), ("3", "6", "3"), ("3", "6", "3")]), "not_a_number"),
        (lambda p: [], "panel_empty"),
    ],
)
def test_bad_panels_are_refused_with_stable_codes(context, hazards, people, leader, change, code):
    with pytest.raises(ValidationError) as err:
        svc.grade_hazard_by_lec(context.uow(), hazards[0].id, change(people), leader.id, DAY, check=no_match(context))
    assert err.value.code == code
    assert count_gradings(context) == 0


def test_unknown_people_hazards_dates_and_naive_times_are_refused(context, hazards, people, leader, inspector):
    scores = panel(people, [("3", "6", "3")] * 3)
    cases = [
        (dict(scores=[ScoreEntry(uuid.UUID(int=1), "3", "6", "3")]), NotFound),
        (dict(hazard_id=inspector.id), NotFound),
        (dict(leader_id=uuid.UUID(int=2)), NotFound),
        (dict(graded_on=date(2026, 1, 1)), ValidationError),
        (dict(at=datetime(2026, 3, 10, 2, 0)), ValidationError),
        (dict(meeting_id=inspector.id), NotFound),
    ]
    codes = []
    for change, kind in cases:
        args = {"hazard_id": hazards[0].id, "scores": scores, "leader_id": leader.id, "graded_on": DAY, **change}
        with pytest.raises(kind) as err:
            svc.grade_hazard_by_lec(context.uow(), **args, check=no_match(context))
        codes.append(err.value.code)
    assert codes == [
        "person_unknown",
        "hazard_unknown",
        "leader_unknown",
        "graded_on_before_found",
        "time_naive",
        "meeting_unknown",
    ]
    assert count_gradings(context) == 0


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York"])
def test_a_grading_day_is_compared_with_the_plant_day_the_hazard_was_found(
    context, people, inspector, leader, monkeypatch, zone
):
    """Found 00:30 plant time on 3 March: graded on 2 March is before it, on 3 March is not (the UTC day of
    the finding is 2 March in Shanghai, 3 March in New York; neither decides)."""
    import time as clock
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", zone)
    clock.tzset()
    try:
        found = datetime(2026, 3, 3, 0, 30, tzinfo=ZoneInfo(zone)).astimezone(UTC)
        hazard = create_hazard(context.uow(), hazard_input(context, inspector, found_at=found))
        scores = panel(people, [("3", "6", "3")] * 3)
        with pytest.raises(ValidationError) as err:
            svc.grade_hazard_by_lec(
                context.uow(), hazard.id, scores, leader.id, date(2026, 3, 2), at=AT, check=no_match(context)
            )
        assert (err.value.code, err.value.params["found_on"]) == ("graded_on_before_found", "2026-03-03")
        assert count_gradings(context) == 0
        svc.grade_hazard_by_lec(
            context.uow(), hazard.id, scores, leader.id, date(2026, 3, 3), at=AT, check=no_match(context)
        )
        assert count_gradings(context) == 1
    finally:
        monkeypatch.undo()
        clock.tzset()


# ---------------------------------------------------------------- meetings and batches


def test_a_meeting_grades_a_batch_all_or_nothing(context, hazards, people, leader):
    meeting = svc.open_meeting(context.uow(), "2026年第3次隐患分级判定会", DAY, leader.id, at=AT)
    good = [
        GradingRequest(h.id, scores=tuple(panel(people, [("3", "6", "3")] * 3)), check=no_match(context))
        for h in hazards[:2]
    ]
    bad = GradingRequest(hazards[2].id, scores=tuple(panel(people, [("3", "6", "3")] * 4)), check=no_match(context))
    with pytest.raises(ValidationError) as err:
        svc.grade_batch(context.uow(), meeting.id, [*good, bad], confirm=True)
    assert err.value.code == "panel_even" and err.value.params["hazard"] == hazards[2].number
    assert count_gradings(context) == 0
    assert all(row_of(context, h).grade is HazardGrade.UNGRADED for h in hazards)

    with pytest.raises(ValidationError) as err:
        svc.grade_batch(context.uow(), meeting.id, [good[0], good[0]])
    assert err.value.code == "batch_duplicate_hazard"
    with pytest.raises(ValidationError) as err:
        svc.grade_batch(context.uow(), meeting.id, [])
    assert err.value.code == "batch_empty"

    drafts = svc.grade_batch(context.uow(), meeting.id, good, at=AT)
    assert {g.meeting_id for g in drafts} == {meeting.id} and {g.leader_id for g in drafts} == {leader.id}
    assert {g.graded_on for g in drafts} == {DAY} and not any(g.confirmed for g in drafts)
    summary = svc.meetings(context.uow())
    assert [(s.meeting, s.gradings, s.confirmed) for s in summary] == [(meeting, 2, 0)]

    confirmed = svc.confirm_gradings(context.uow(), [g.id for g in drafts], at=AT)
    assert all(g.confirmed for g in confirmed)
    assert svc.meeting_gradings(context.uow(), meeting.id, confirmed_only=True) == confirmed
    assert [(s.gradings, s.confirmed) for s in svc.meetings(context.uow())] == [(2, 2)]
    assert [row_of(context, h).status for h in hazards[:2]] == [HazardStatus.GRADED] * 2
    history = svc.grading_history(context.uow(), hazards[0].id)
    assert history[0].meeting_title == "2026年第3次隐患分级判定会"

    with pytest.raises(InvalidTransition) as err:
        svc.grade_batch(context.uow(), meeting.id, [good[0]], confirm=True)
    assert err.value.code == "hazard_already_graded" and err.value.params["hazard"] == hazards[0].number


def test_a_batch_mixes_methods_and_confirms_at_once(context, hazards, people, leader):
    meeting = svc.open_meeting(context.uow(), "混合判定会", DAY, leader.id)
    criterion = svc.grading_setup(context.uow(), DAY).criteria[0]
    requests = [
        GradingRequest(hazards[0].id, scores=tuple(panel(people, [("1", "3", "3")] * 3)), check=no_match(context)),
        GradingRequest(
            hazards[1].id,
            GradingMethod.CRITERIA,
            criteria=(CriterionEntry(criterion.id, "现场无证作业"),),
            panel=decision_panel(context, leader.id),
            check=list_checked(context),
        ),
        GradingRequest(
            hazards[2].id,
            GradingMethod.PANEL_DECISION,
            reason="可能引发连锁火灾",
            panel=decision_panel(context, leader.id),
            check=list_checked(context),
        ),
    ]
    result = svc.grade_batch(context.uow(), meeting.id, requests, confirm=True)
    assert [g.method for g in result] == [GradingMethod.LEC_PANEL, GradingMethod.CRITERIA, GradingMethod.PANEL_DECISION]
    assert [row_of(context, h).grade for h in hazards[:3]] == [
        HazardGrade.GENERAL,
        HazardGrade.MAJOR,
        HazardGrade.MAJOR,
    ]
    majors = RegisterFilter(methods=frozenset({"criteria", "panel_decision"}))
    assert context.register.count(majors) == 2
    assert context.register.count(RegisterFilter(band_codes=frozenset({"slight"}))) == 1


def test_meeting_input_is_checked(context, people, leader):
    with pytest.raises(ValidationError) as err:
        svc.open_meeting(context.uow(), "  ", DAY, leader.id)
    assert err.value.code == "title_empty"
    with pytest.raises(NotFound):
        svc.open_meeting(context.uow(), "会", DAY, uuid.UUID(int=3))
    assert svc.meetings(context.uow()) == []


# ---------------------------------------------------------------- criteria and decisions


def test_criteria_grading_keeps_matches_and_evidence(context, hazards, people, leader):
    setup = svc.grading_setup(context.uow(), DAY)
    first, second = setup.criteria[3], setup.criteria[0]
    entries = [CriterionEntry(first.id, " T-305 无高液位报警 "), CriterionEntry(second.id, "操作工无证")]
    scores = panel(people, [("6", "6", "7")] * 3)
    draft = svc.grade_hazard_by_criteria(
        context.uow(), hazards[0].id, entries, leader.id, DAY, scores=scores, check=list_checked(context)
    )
    grading = svc.confirm_grading(context.uow(), draft.id)
    assert grading.grade is HazardGrade.MAJOR and grading.method is GradingMethod.CRITERIA
    assert [(m.code, m.clause, m.text, m.evidence) for m in grading.matches] == [
        (first.code, first.clause, first.text, "T-305 无高液位报警"),
        (second.code, second.clause, second.text, "操作工无证"),
    ]
    assert grading.band_code == "high"  # the LEC scores are kept for the record; the grade stays 重大
    row = row_of(context, hazards[0])
    assert (row.grade, row.grading_method, row.band_code) == (HazardGrade.MAJOR, "criteria", "high")


@pytest.mark.parametrize(
    ("entries", "code"),
    [
        ([], "criteria_empty"),
        ([CriterionEntry("same", "a"), CriterionEntry("same", "b")], "criterion_duplicate"),
        ([CriterionEntry("first", "  ")], "evidence_empty"),
        ([CriterionEntry("unknown", "a")], "criterion_unknown"),
    ],
)
def test_bad_criteria_are_refused(context, hazards, leader, entries, code):
    criteria = svc.grading_setup(context.uow(), DAY).criteria
    ids = {"same": criteria[0].id, "first": criteria[1].id, "unknown": uuid.UUID(int=5)}
    real = [CriterionEntry(ids[e.criterion_id], e.evidence) for e in entries]  # type: ignore[index]
    with pytest.raises(DomainError) as err:
        svc.grade_hazard_by_criteria(
            context.uow(), hazards[0].id, real, leader.id, DAY, panel=decision_panel(context, leader.id)
        )
    assert err.value.code == code
    assert count_gradings(context) == 0


def test_retired_criteria_are_refused(context, hazards, leader):
    criterion = svc.grading_setup(context.uow(), DAY).criteria[0]
    with context.uow() as uow:
        uow.criteria.retire(criterion.id, AT)
        uow.commit()
    with pytest.raises(ValidationError) as err:
        svc.grade_hazard_by_criteria(
            context.uow(),
            hazards[0].id,
            [CriterionEntry(criterion.id, "x")],
            leader.id,
            DAY,
            panel=decision_panel(context, leader.id),
        )
    assert err.value.code == "criterion_retired"
    assert criterion.id not in {c.id for c in svc.grading_setup(context.uow(), DAY).criteria}


def test_panel_decision_needs_a_written_reason(context, hazards, leader):
    with pytest.raises(ValidationError) as err:
        svc.grade_hazard_by_decision(context.uow(), hazards[0].id, "   ", leader.id, DAY)
    assert err.value.code == "reason_empty"
    draft = svc.grade_hazard_by_decision(
        context.uow(),
        hazards[0].id,
        "一旦失效将波及相邻装置",
        leader.id,
        DAY,
        panel=decision_panel(context, leader.id),
        check=list_checked(context),
    )
    grading = svc.confirm_grading(context.uow(), draft.id)
    assert (grading.grade, grading.decision_reason, grading.mean_d) == (
        HazardGrade.MAJOR,
        "一旦失效将波及相邻装置",
        None,
    )
    assert row_of(context, hazards[0]).grading_method == "panel_decision"


# ---------------------------------------------------------------- immutability and corrections


def test_confirmed_gradings_never_change(context, hazards, people, leader):
    grading = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)
    for call in (
        lambda: svc.confirm_grading(context.uow(), grading.id),
        lambda: svc.discard_draft(context.uow(), grading.id),
    ):
        with pytest.raises(InvalidTransition) as err:
            call()
        assert err.value.code == "grading_confirmed"
    with pytest.raises(InvalidTransition) as err:
        svc.grade_hazard_by_lec(
            context.uow(), hazards[0].id, panel(people, [("1", "1", "1")] * 3), leader.id, DAY, check=no_match(context)
        )
    assert err.value.code == "hazard_already_graded"
    assert svc.get_grading(context.uow(), grading.id) == grading


def test_a_second_draft_cannot_be_confirmed_once_the_hazard_is_graded(context, hazards, people, leader):
    scores = panel(people, [("3", "6", "3")] * 3)
    first = svc.grade_hazard_by_lec(context.uow(), hazards[0].id, scores, leader.id, DAY, check=no_match(context))
    second = svc.grade_hazard_by_lec(context.uow(), hazards[0].id, scores, leader.id, DAY, check=no_match(context))
    svc.confirm_grading(context.uow(), first.id)
    with pytest.raises(InvalidTransition) as err:
        svc.confirm_grading(context.uow(), second.id)
    assert err.value.code == "hazard_already_graded"
    svc.discard_draft(context.uow(), second.id)
    with pytest.raises(NotFound):
        svc.get_grading(context.uow(), second.id)


def test_a_correction_supersedes_the_old_grading(context, hazards, people, leader):
    old = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)
    request = GradingRequest(hazards[0].id, scores=tuple(panel(people, [("3", "6", "7")] * 3)), check=no_match(context))
    with pytest.raises(ValidationError) as err:
        svc.correct_grading(context.uow(), old.id, request, " ", DAY, leader.id)
    assert err.value.code == "reason_empty"
    assert count_gradings(context) == 1

    draft = svc.correct_grading(context.uow(), old.id, request, "C 值误按 3 计，应为 7", DAY, leader.id)
    assert draft.supersedes_id == old.id and draft.correction_reason == "C 值误按 3 计，应为 7"
    assert row_of(context, hazards[0]).band_code == "general"  # the draft changes nothing yet
    corrected = svc.confirm_grading(context.uow(), draft.id)
    row = row_of(context, hazards[0])
    assert (row.band_code, row.mean_d) == ("significant", Decimal(126))
    history = svc.grading_history(context.uow(), hazards[0].id)
    assert [(e.grading.id, e.is_final, e.superseded_by_id) for e in history] == [
        (old.id, False, corrected.id),
        (corrected.id, True, None),
    ]
    with pytest.raises(InvalidTransition) as err:
        svc.correct_grading(context.uow(), old.id, request, "再改一次", DAY, leader.id)
    assert err.value.code == "grading_superseded"
    with pytest.raises(ValidationError) as err:
        svc.correct_grading(
            context.uow(), corrected.id, GradingRequest(hazards[1].id, check=no_match(context)), "错单", DAY, leader.id
        )
    assert err.value.code == "grading_hazard_mismatch"


# ---------------------------------------------------------------- disputes


def test_dispute_raise_and_rule_replace_the_panel_grade(context, hazards, people, leader):
    original = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)  # 54, 一般危险
    workshop = people["HC1"][0]
    dispute = svc.raise_dispute(
        context.uow(),
        original.id,
        hazards[0].department_id,
        workshop.name,
        "每班均有人员作业，暴露频率被低估",
        at=AT + timedelta(days=1),
    )
    assert dispute.state is DisputeState.OPEN and dispute.raised_by_department_name == "合成一车间"
    assert row_of(context, hazards[0]).dispute_state == "open"
    assert svc.open_disputes(context.uow()) == [dispute]
    assert context.register.count(RegisterFilter(disputed=True)) == 1
    assert context.register.count(RegisterFilter(disputed=False)) == len(hazards) - 1
    with pytest.raises(Conflict) as err:
        svc.raise_dispute(context.uow(), original.id, hazards[0].department_id, "某人", "再次提出")
    assert err.value.code == "dispute_already_open"

    scores = dispute_panel(people, [("3", "6", "7"), ("6", "6", "3")])
    ruled, ruling = svc.rule_dispute(
        context.uow(), dispute.id, scores, "裁定上调一级", date(2026, 3, 20), at=AT + timedelta(days=10)
    )
    assert ruled.state is DisputeState.RULED and ruled.ruling_grading_id == ruling.id
    assert ruling.confirmed and ruling.is_ruling and ruling.leader_name == "肖才根"
    assert len(ruling.scores) == 7 and ruling.band_code == "significant"
    row = row_of(context, hazards[0])
    assert (row.band_code, row.mean_d, row.dispute_state, row.grading_method) == (
        "significant",
        ruling.mean_d,
        "ruled",
        "lec_panel",
    )
    assert svc.final_grading(context.uow(), hazards[0].id) == ruling
    history = svc.grading_history(context.uow(), hazards[0].id)
    assert [(e.kind, e.is_final) for e in history] == [
        (HistoryKind.GRADING, False),
        (HistoryKind.DISPUTE, False),
        (HistoryKind.GRADING, True),
    ]
    assert history[1].dispute == ruled and history[0].grading == original
    assert svc.open_disputes(context.uow()) == []

    with pytest.raises(InvalidTransition) as err:
        svc.raise_dispute(context.uow(), ruling.id, hazards[0].department_id, "某人", "不服裁决")
    assert err.value.code == "grading_final"
    with pytest.raises(InvalidTransition) as err:
        svc.rule_dispute(context.uow(), dispute.id, scores, "再裁", date(2026, 3, 20))
    assert err.value.code == "dispute_not_open"


def test_register_sorts_by_the_new_columns(context, hazards, people, leader):
    graded(context, hazards[0], people, leader, [("3", "6", "7")] * 3)  # 126 significant
    graded(context, hazards[1], people, leader, [("1", "3", "3")] * 3)  # 9 slight
    graded(context, hazards[2], people, leader, [("3", "6", "3")] * 3)  # 54 general
    decision = svc.grade_hazard_by_decision(
        context.uow(),
        hazards[3].id,
        "重大",
        leader.id,
        DAY,
        panel=decision_panel(context, leader.id),
        check=list_checked(context),
    )
    svc.confirm_grading(context.uow(), decision.id)
    original = svc.final_grading(context.uow(), hazards[2].id)
    assert original is not None
    svc.raise_dispute(context.uow(), original.id, hazards[2].department_id, "宋立新", "偏高")

    def order(key, descending=False):
        rows = context.register.page(RegisterFilter(), key, descending, 0, 10)
        return [hazards.index(next(h for h in hazards if h.id == r.id)) for r in rows]

    assert order(SortKey.MEAN_D) == [3, 1, 2, 0]  # no mean (decision) first
    assert order(SortKey.BAND) == [3, 1, 2, 0]
    assert order(SortKey.BAND, descending=True) == [0, 2, 1, 3]
    assert order(SortKey.METHOD) == [0, 1, 2, 3]  # lec_panel × 3 (by key), then panel_decision
    assert order(SortKey.DISPUTE)[-1] == 2
    assert context.register.count(RegisterFilter(band_codes=frozenset({"slight", "significant"}))) == 2


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"raising_member": False}, "panel_missing_department"),
        ({"deputy": False}, "dispute_needs_deputy"),
    ],
)
def test_a_dispute_panel_missing_a_party_is_refused(context, hazards, people, leader, kwargs, code):
    original = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)
    dispute = svc.raise_dispute(context.uow(), original.id, hazards[0].department_id, "宋立新", "偏高")
    scores = dispute_panel(people, [("3", "6", "3")], **kwargs)
    # keep the count odd so the missing party is the first problem; another workshop does not stand
    # for the raising one
    stand_in = people["HC2"][0] if not kwargs.get("raising_member", True) else people["SCB"][1]
    scores.append(ScoreEntry(stand_in.id, "3", "6", "3"))
    with pytest.raises(ValidationError) as err:
        svc.rule_dispute(context.uow(), dispute.id, scores, "裁定", date(2026, 3, 20))
    assert err.value.code == code
    assert count_gradings(context) == 1
    assert svc.open_disputes(context.uow()) == [dispute]
    assert row_of(context, hazards[0]).dispute_state == "open"


def test_a_ruling_needs_text(context, hazards, people, leader):
    original = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)
    dispute = svc.raise_dispute(context.uow(), original.id, hazards[0].department_id, "宋立新", "偏高")
    with pytest.raises(ValidationError) as err:
        svc.rule_dispute(context.uow(), dispute.id, dispute_panel(people, [("3", "6", "3")]), " ", DAY)
    assert err.value.code == "ruling_text_empty"


def test_withdrawn_dispute_leaves_the_grade_and_marks_the_register(context, hazards, people, leader):
    original = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)
    dispute = svc.raise_dispute(context.uow(), original.id, hazards[0].department_id, "宋立新", "偏高")
    with pytest.raises(ValidationError) as err:
        svc.withdraw_dispute(context.uow(), dispute.id, "现场核实后撤回", person_name=" ")
    assert err.value.code == "person_name_empty"
    withdrawn = svc.withdraw_dispute(context.uow(), dispute.id, "现场核实后撤回", person_name="宋立新")
    assert withdrawn.state is DisputeState.WITHDRAWN and withdrawn.withdrawn_reason == "现场核实后撤回"
    stored = next(e.dispute for e in svc.grading_history(context.uow(), hazards[0].id) if e.dispute is not None)
    assert (stored.withdrawn_by_person_name, stored.withdrawn_by_department_name) == ("宋立新", "合成一车间")
    row = row_of(context, hazards[0])
    assert (row.dispute_state, row.band_code, row.grade) == ("withdrawn", "general", HazardGrade.GENERAL)
    assert svc.final_grading(context.uow(), hazards[0].id) == original
    with pytest.raises(InvalidTransition) as err:
        svc.withdraw_dispute(context.uow(), dispute.id, person_name="宋立新")
    assert err.value.code == "dispute_not_open"
    again = svc.raise_dispute(context.uow(), original.id, hazards[0].department_id, "宋立新", "再次提出")
    assert row_of(context, hazards[0]).dispute_state == "open"
    assert [d.id for d in svc.open_disputes(context.uow())] == [again.id]


def test_disputes_need_a_confirmed_current_grading(context, hazards, people, leader):
    draft = svc.grade_hazard_by_lec(
        context.uow(), hazards[0].id, panel(people, [("3", "6", "3")] * 3), leader.id, DAY, check=no_match(context)
    )
    with pytest.raises(InvalidTransition) as err:
        svc.raise_dispute(context.uow(), draft.id, hazards[0].department_id, "宋立新", "偏高")
    assert err.value.code == "grading_not_confirmed"
    old = svc.confirm_grading(context.uow(), draft.id)
    request = GradingRequest(hazards[0].id, scores=tuple(panel(people, [("1", "3", "3")] * 3)), check=no_match(context))
    svc.confirm_grading(context.uow(), svc.correct_grading(context.uow(), old.id, request, "改", DAY, leader.id).id)
    with pytest.raises(InvalidTransition) as err:
        svc.raise_dispute(context.uow(), old.id, hazards[0].department_id, "宋立新", "偏高")
    assert err.value.code == "grading_superseded"
    with pytest.raises(NotFound):
        svc.raise_dispute(context.uow(), old.id, old.id, "宋立新", "偏高")
    with context.uow() as uow:
        assert uow.gradings.disputes() == []


def test_a_correction_waits_for_an_open_dispute(context, hazards, people, leader):
    old = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)
    svc.raise_dispute(context.uow(), old.id, hazards[0].department_id, "宋立新", "偏高")
    request = GradingRequest(hazards[0].id, scores=tuple(panel(people, [("1", "3", "3")] * 3)), check=no_match(context))
    with pytest.raises(InvalidTransition) as err:
        svc.correct_grading(context.uow(), old.id, request, "改", DAY, leader.id)
    assert err.value.code == "dispute_open"


def test_a_ruling_is_corrected_by_a_dispute_panel(context, hazards, people, leader):
    original = graded(context, hazards[0], people, leader, [("3", "6", "3")] * 3)
    dispute = svc.raise_dispute(context.uow(), original.id, hazards[0].department_id, "宋立新", "偏高")
    _, ruling = svc.rule_dispute(context.uow(), dispute.id, dispute_panel(people, [("3", "6", "7")]), "裁定", DAY)
    with pytest.raises(ValidationError) as err:
        svc.correct_grading(
            context.uow(), ruling.id, GradingRequest(hazards[0].id, GradingMethod.PANEL_DECISION, reason="x"), "改", DAY
        )
    assert err.value.code == "ruling_needs_lec"
    request = GradingRequest(
        hazards[0].id, scores=tuple(dispute_panel(people, [("1", "6", "7")])), check=no_match(context)
    )
    draft = svc.correct_grading(context.uow(), ruling.id, request, "组员评分抄录错误", DAY)
    assert draft.dispute_id == dispute.id and draft.leader_name == "肖才根"
    corrected = svc.confirm_grading(context.uow(), draft.id)
    assert svc.final_grading(context.uow(), hazards[0].id) == corrected
    assert row_of(context, hazards[0]).mean_d == Decimal(42)


# ---------------------------------------------------------------- setup


def test_setup_lists_what_the_dialogs_need(context, people):
    setup = svc.grading_setup(context.uow(), DAY)
    assert setup.in_force is not None and setup.in_force in setup.threshold_sets
    assert len(setup.scales.of(setup.scales.values[0].factor)) > 3
    assert setup.criteria and all(c.active for c in setup.criteria)
    assert {p.department_kind.value for p in setup.panel_people} == {"safety", "production", "union"}
    assert [p.name for p in setup.leaders] == ["陈建国"]
    assert [p.name for p in setup.dispute_leaders] == ["肖才根"]
    assert [p.name for p in setup.dispute_deputies] == ["刘家华"]
    assert setup.candidate(people["GH"][0].id).department_name == "工会"
    # the rule's 表D.4 takes effect on the day of first use and grades earlier hazards too
    assert svc.grading_setup(context.uow(), date(2019, 1, 1)).in_force == setup.threshold_sets[0]


def test_a_closed_hazard_cannot_be_graded_through_the_service(context, hazards, people, leader):
    hazard = hazards[0]
    with context.uow() as uow:  # closed before it was graded (as the old editor allowed)
        uow.hazards.update(dataclasses.replace(uow.hazards.get(hazard.id), status=HazardStatus.CLOSED))
        uow.commit()
    with pytest.raises(InvalidTransition) as err:
        svc.grade_hazard_by_lec(
            context.uow(), hazard.id, panel(people, [("3", "6", "3")] * 3), leader.id, DAY, check=no_match(context)
        )
    assert err.value.code == "hazard_closed"
    assert count_gradings(context) == 0


def test_a_closed_hazard_is_not_graded_in_a_meeting_either(context, hazards, people, leader):
    with context.uow() as uow:
        uow.hazards.update(dataclasses.replace(uow.hazards.get(hazards[1].id), status=HazardStatus.CLOSED))
        uow.commit()
    meeting = svc.open_meeting(context.uow(), "第三次判定会", DAY, leader.id)
    requests = [
        GradingRequest(h.id, scores=tuple(panel(people, [("3", "6", "3")] * 3)), check=no_match(context))
        for h in hazards[:2]
    ]
    with pytest.raises(InvalidTransition) as err:
        svc.grade_batch(context.uow(), meeting.id, requests)
    assert err.value.code == "hazard_closed" and err.value.params["hazard"] == hazards[1].number
    assert count_gradings(context) == 0

"""Grading rules §5–§7: panels, exact means, major criteria, panel decisions, corrections, disputes."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import pytest

from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion
from hazard_desktop.domain.errors import InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import (
    DEFAULT_PANEL_RULE,
    CompositionRule,
    CriterionMatch,
    Dispute,
    DisputeState,
    Grading,
    GradingMethod,
    MemberScore,
    PanelProblem,
    PanelRole,
    canonical_record,
    check_panel,
    confirm,
    correct,
    current_grading,
    dispute_rule,
    ensure_editable,
    evaluate_panel,
    final_grading,
    grade_by_criteria,
    grade_by_lec,
    grade_by_panel_decision,
    grade_dispute,
    match_criterion,
    panel_mean,
    panel_mean_exact,
    pick_threshold_set,
    raise_dispute,
    require_panel,
    rule,
    score_member,
    withdraw,
)
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import EdgeRule
from hazard_desktop.domain.reference import DepartmentKind
from tests.unit.domain.lec_fixtures import (
    C_VALUES,
    CODE_EXTREME,
    CODE_GENERAL,
    CODE_HIGH,
    CODE_SIGNIFICANT,
    CODE_SLIGHT,
    E_VALUES,
    L_VALUES,
    T0,
    no_criterion_matched,
    standard_scales,
    threshold_set,
)

K = DepartmentKind
SCALES = standard_scales()
UPPER = threshold_set(EdgeRule.UPPER_INCLUSIVE)
LOWER = threshold_set(EdgeRule.LOWER_INCLUSIVE)
HAZARD = uuid.UUID("00000000-0000-4000-8000-000000000001")
DEPARTMENT_IDS = {kind: uuid.uuid5(uuid.NAMESPACE_OID, kind.value) for kind in K}
DEPARTMENT_NAMES = {
    K.SAFETY: "安环部",
    K.PRODUCTION: "生产部",
    K.UNION: "工会",
    K.BUSINESS: "事业部",
    K.WORKSHOP: "一车间",
    K.OTHER: "总经办",
}
LEADER_ID = uuid.UUID("00000000-0000-4000-8000-0000000000aa")
ON = date(2026, 3, 2)

# D values reachable on the standard scales
D20 = ("1", "0.5", "40")
D21 = ("3", "1", "7")
D108 = ("6", "6", "3")
D252 = ("6", "6", "7")
D120 = ("3", "1", "40")
D_TINY = ("0.1", "0.5", "1")  # 0.05


def member(
    kind: DepartmentKind,
    triple: tuple[str, str, str] = D20,
    *,
    role: PanelRole = PanelRole.MEMBER,
    person_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
    name: str | None = None,
) -> MemberScore:
    l, e, c = triple  # noqa: E741
    return score_member(
        SCALES,
        person_id=person_id or uuid.uuid4(),
        person_name=name or f"{DEPARTMENT_NAMES[kind]}成员",
        department_id=department_id or DEPARTMENT_IDS[kind],
        department_name=DEPARTMENT_NAMES[kind],
        department_kind=kind,
        likelihood=l,
        exposure=e,
        consequence=c,
        role=role,
    )


def trio(first=D20, second=D20, third=D20) -> list[MemberScore]:
    return [member(K.SAFETY, first), member(K.PRODUCTION, second), member(K.UNION, third)]


def lec_grading(scores=None, *, at=T0, ts=UPPER, **kwargs) -> Grading:
    kwargs.setdefault("check", no_criterion_matched(T0))
    return grade_by_lec(
        hazard_id=HAZARD,
        scores=trio() if scores is None else scores,
        scales=SCALES,
        threshold_set=ts,
        leader_id=LEADER_ID,
        leader_name="王组长",
        graded_on=ON,
        at=at,
        **kwargs,
    )


def confirmed(grading: Grading, after: timedelta = timedelta(minutes=5)) -> Grading:
    return confirm(grading, grading.created_at + after)


def criterion(code: str = "4.4.2", *, retired: bool = False) -> MajorCriterion:
    return MajorCriterion(
        id=uuid.uuid4(),
        code=code,
        text="发现在易燃易爆场所吸烟和脱岗、睡岗、酒后上岗的证据",
        source=CriteriaSource.COMPANY,
        clause="§4.4",
        category_code=None,
        version=1,
        supersedes_id=None,
        retired_at=T0 if retired else None,
        created_at=T0,
        updated_at=T0,
    )


def codes(problems: list[PanelProblem]) -> list[str]:
    return [p.code for p in problems]


# ---------------------------------------------------------------- member scores


def test_member_d_is_the_exact_product():
    assert member(K.SAFETY, ("0.1", "3", "100")).d == Decimal("30")
    assert str(member(K.SAFETY, D_TINY).d) == "0.05"


def test_score_member_refuses_values_off_the_scale():
    with pytest.raises(ValidationError) as info:
        member(K.SAFETY, ("5", "1", "1"))
    assert info.value.code == "off_scale"
    assert info.value.field == "L"
    with pytest.raises(ValidationError) as info:
        member(K.SAFETY, ("1", "1", "10"))
    assert info.value.field == "C"


def test_score_member_needs_a_person_name():
    with pytest.raises(ValidationError) as info:
        member(K.SAFETY, name="   ")
    assert info.value.code == "person_name_empty"


def test_score_member_normalises_values():
    score = member(K.SAFETY, ("0.50", "2.0", "40"))
    assert (str(score.likelihood), str(score.exposure), str(score.consequence)) == ("0.5", "2", "40")


# ---------------------------------------------------------------- grading panel composition (§5.2)


def test_one_member_from_each_of_safety_production_and_union_is_a_valid_panel():
    assert check_panel(trio()) == []
    require_panel(trio())


def test_five_members_covering_the_three_parties_are_a_valid_panel():
    panel = [*trio(), member(K.SAFETY), member(K.PRODUCTION)]
    assert check_panel(panel) == []


def test_an_even_panel_is_refused():
    panel = [*trio(), member(K.SAFETY)]
    assert codes(check_panel(panel)) == ["panel_even"]
    with pytest.raises(ValidationError) as info:
        require_panel(panel)
    assert info.value.code == "panel_even"
    assert info.value.params["count"] == 4


def test_a_panel_without_the_union_is_refused_naming_the_missing_kind():
    panel = [member(K.SAFETY), member(K.PRODUCTION), member(K.PRODUCTION)]
    assert check_panel(panel) == [PanelProblem("panel_missing_kind", kind=K.UNION)]
    with pytest.raises(ValidationError) as info:
        require_panel(panel)
    assert info.value.code == "panel_missing_kind"
    assert info.value.params["kind"] == "union"


def test_every_missing_party_is_reported_in_a_fixed_order():
    problems = check_panel([member(K.UNION)])
    assert problems == [
        PanelProblem("panel_missing_kind", kind=K.SAFETY),
        PanelProblem("panel_missing_kind", kind=K.PRODUCTION),
    ]


def test_the_same_person_twice_is_a_duplicate_member():
    twice = uuid.uuid4()
    panel = [*trio(), member(K.SAFETY, person_id=twice), member(K.SAFETY, person_id=twice)]
    assert check_panel(panel) == [PanelProblem("panel_duplicate_member", person_id=twice)]


def test_an_empty_panel_is_refused():
    assert codes(check_panel([])) == ["panel_empty"]
    with pytest.raises(ValidationError) as info:
        evaluate_panel([], scales=SCALES, threshold_set=UPPER)
    assert info.value.code == "panel_empty"


def test_a_member_from_outside_the_three_parties_is_refused_by_default():
    panel = [*trio(), member(K.WORKSHOP), member(K.SAFETY)]
    problems = check_panel(panel)
    assert codes(problems) == ["panel_kind_not_allowed"]
    assert problems[0].kind is K.WORKSHOP


def test_require_panel_reports_the_first_problem_and_lists_all():
    panel = [member(K.SAFETY), member(K.SAFETY)]
    with pytest.raises(ValidationError) as info:
        require_panel(panel)
    assert info.value.code == "panel_missing_kind"
    assert info.value.params["problems"] == "panel_missing_kind, panel_missing_kind, panel_even"


def test_the_required_composition_is_configurable():
    rule_ = CompositionRule(required_kinds=frozenset({K.SAFETY}), require_odd=False)
    assert check_panel([member(K.SAFETY), member(K.WORKSHOP)], rule_) == []
    assert codes(check_panel([member(K.WORKSHOP)], rule_)) == ["panel_missing_kind"]


def test_the_default_rule_requires_the_three_parties_and_an_odd_count():
    assert DEFAULT_PANEL_RULE.required_kinds == {K.SAFETY, K.PRODUCTION, K.UNION}
    assert DEFAULT_PANEL_RULE.require_odd


# ---------------------------------------------------------------- dispute panel composition (§7)

RAISING_ID = uuid.UUID("00000000-0000-4000-8000-0000000000cc")


def dispute_panel(*, leader=True, deputy=True, raising=True, triple=D20) -> list[MemberScore]:
    panel = []
    if leader:
        panel.append(member(K.OTHER, triple, role=PanelRole.LEADER, name="肖才根"))
    if deputy:
        panel.append(member(K.SAFETY, triple, role=PanelRole.DEPUTY, name="刘家华"))
    panel += [member(k, triple) for k in (K.SAFETY, K.PRODUCTION, K.BUSINESS, K.UNION)]
    if raising:
        panel.append(member(K.WORKSHOP, triple, department_id=RAISING_ID))
    return panel


def test_leader_deputy_and_members_of_five_departments_make_a_valid_dispute_panel():
    panel = dispute_panel()
    assert len(panel) == 7
    assert check_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID)) == []


def test_a_dispute_panel_without_a_leader_is_refused():
    panel = [*dispute_panel(leader=False), member(K.PRODUCTION)]
    with pytest.raises(ValidationError) as info:
        require_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID))
    assert info.value.code == "dispute_needs_leader"


def test_a_dispute_panel_without_a_deputy_is_refused():
    panel = [*dispute_panel(deputy=False), member(K.PRODUCTION)]
    assert codes(check_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID))) == ["dispute_needs_deputy"]


def test_a_dispute_panel_with_two_leaders_is_refused():
    panel = [*dispute_panel(), member(K.OTHER, role=PanelRole.LEADER), member(K.PRODUCTION)]
    assert codes(check_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID))) == ["panel_leader_duplicate"]


def test_a_dispute_panel_needs_the_raising_department_itself():
    panel = [*dispute_panel(raising=False), member(K.PRODUCTION)]
    assert check_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID)) == [
        PanelProblem("panel_missing_kind", kind=K.WORKSHOP),
        PanelProblem("panel_missing_department", department_id=RAISING_ID),
    ]
    other_workshop = [*dispute_panel(raising=False), member(K.WORKSHOP, department_id=uuid.uuid4())]
    assert codes(check_panel(other_workshop, dispute_rule(K.WORKSHOP, RAISING_ID))) == ["panel_missing_department"]


def test_the_deputy_does_not_stand_in_for_a_members_department():
    panel = [p for p in dispute_panel() if not (p.role is PanelRole.MEMBER and p.department_kind is K.SAFETY)]
    panel.append(member(K.UNION))
    assert check_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID)) == [
        PanelProblem("panel_missing_kind", kind=K.SAFETY)
    ]


def test_an_even_dispute_panel_is_refused():
    panel = [*dispute_panel(), member(K.BUSINESS)]
    assert codes(check_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID))) == ["panel_even"]


def test_a_dispute_raised_by_a_party_already_on_the_panel_needs_no_extra_kind():
    raising_rule = dispute_rule(K.SAFETY, DEPARTMENT_IDS[K.SAFETY])
    panel = [*dispute_panel(raising=False), member(K.PRODUCTION)]
    assert check_panel(panel, raising_rule) == []


def test_dispute_panel_members_must_come_from_the_listed_departments():
    panel = [*dispute_panel(), member(K.OTHER), member(K.PRODUCTION)]
    assert codes(check_panel(panel, dispute_rule(K.WORKSHOP, RAISING_ID))) == ["panel_kind_not_allowed"]


# ---------------------------------------------------------------- exact means and outcome


def test_the_panel_value_is_the_exact_mean_of_the_members_d():
    scores = trio(D20, D20, D21)
    assert [s.d for s in scores] == [20, 20, 21]
    assert panel_mean_exact(scores) == Fraction(61, 3)
    assert str(panel_mean(scores)) == "20.33333333333333333333"
    outcome = evaluate_panel(scores, scales=SCALES, threshold_set=UPPER)
    assert outcome.mean_text() == "≈20.33"
    assert outcome.mean_text(3) == "≈20.333"
    assert outcome.band.code == CODE_GENERAL


def test_the_mean_is_of_d_not_the_product_of_mean_factors():
    scores = trio(("10", "1", "1"), ("0.1", "10", "1"), ("1", "1", "100"))  # D 10, 1, 100
    assert panel_mean_exact(scores) == 37
    # mean L × mean E × mean C would be 3.7 × 4 × 34 = 503.2


@pytest.mark.parametrize(("ts", "expected"), [(UPPER, CODE_SIGNIFICANT), (LOWER, CODE_HIGH)])
def test_a_mean_of_exactly_160_follows_the_edge_rule(ts, expected):
    outcome = evaluate_panel(trio(D108, D252, D120), scales=SCALES, threshold_set=ts)
    assert outcome.mean == Decimal("160")
    assert str(outcome.mean) == "160"
    assert outcome.band.code == expected
    assert outcome.edge_rule is ts.edge_rule
    assert outcome.threshold_set_id == ts.id


def test_members_in_different_bands_flag_the_outcome_for_review():
    outcome = evaluate_panel(trio(D108, D252, D120), scales=SCALES, threshold_set=UPPER)
    assert outcome.member_band_codes == (CODE_SIGNIFICANT, CODE_HIGH, CODE_SIGNIFICANT)
    assert outcome.spread_bands


def test_members_in_the_same_band_are_not_flagged():
    outcome = evaluate_panel(trio(D20, D20, D_TINY), scales=SCALES, threshold_set=UPPER)
    assert not outcome.spread_bands


def test_evaluate_panel_refuses_a_stored_score_off_the_scale_naming_the_person():
    bad = dataclasses.replace(member(K.UNION, name="李四"), likelihood=Decimal("5"))
    with pytest.raises(ValidationError) as info:
        evaluate_panel([member(K.SAFETY), member(K.PRODUCTION), bad], scales=SCALES, threshold_set=UPPER)
    assert info.value.code == "off_scale"
    assert info.value.params["person"] == "李四"
    assert info.value.params["allowed"] == ", ".join(L_VALUES)


def test_pick_threshold_set_uses_the_set_in_force_or_the_chosen_one():
    old = threshold_set(name="2020", effective_from=date(2020, 1, 1))
    new = threshold_set(name="2026", effective_from=date(2026, 6, 1))
    assert pick_threshold_set([old, new], date(2026, 5, 31)) is old
    assert pick_threshold_set([old, new], date(2026, 6, 1)) is new
    assert pick_threshold_set([old, new], date(2026, 6, 1), chosen_id=old.id) is old
    with pytest.raises(ValidationError) as info:
        pick_threshold_set([old, new], ON, chosen_id=uuid.uuid4())
    assert info.value.code == "threshold_set_unknown"


# ---------------------------------------------------------------- LEC gradings


def test_a_lec_grading_is_a_general_hazard_with_its_band_and_threshold_set():
    grading = lec_grading(trio(D20, D20, D21))
    assert grading.method is GradingMethod.LEC_PANEL
    assert grading.grade is HazardGrade.GENERAL
    assert grading.threshold_set_id == UPPER.id
    assert grading.threshold_set_name == UPPER.name
    assert grading.edge_rule is EdgeRule.UPPER_INCLUSIVE
    assert grading.band_code == CODE_GENERAL
    assert grading.band_name_zh == "一般危险"
    assert grading.band_name_en == "Generally dangerous"
    assert grading.mean_exact == Fraction(61, 3)
    assert grading.mean_text() == "≈20.33"
    assert grading.matches == ()
    assert not grading.confirmed
    assert grading.created_at == grading.updated_at == T0
    assert grading.graded_on == ON


def test_a_lec_grading_uses_the_chosen_threshold_sets_edge_rule():
    assert lec_grading(trio(D108, D252, D120), ts=LOWER).band_code == CODE_HIGH
    assert lec_grading(trio(D108, D252, D120), ts=UPPER).band_code == CODE_SIGNIFICANT


def test_even_a_stop_work_lec_band_stays_general_without_criteria_or_a_panel_decision():
    grading = lec_grading(trio(("10", "10", "100"), ("10", "10", "100"), ("10", "10", "100")))
    assert grading.band_code == CODE_EXTREME
    assert grading.grade is HazardGrade.GENERAL


def test_a_lec_grading_refuses_an_even_panel():
    with pytest.raises(ValidationError) as info:
        lec_grading([*trio(), member(K.SAFETY)])
    assert info.value.code == "panel_even"


def test_a_grading_needs_an_aware_time_and_a_leader_name():
    with pytest.raises(ValidationError) as info:
        lec_grading(at=datetime(2026, 1, 1, 8, 0))
    assert info.value.code == "time_naive"
    with pytest.raises(ValidationError) as info:
        grade_by_lec(
            hazard_id=HAZARD,
            scores=trio(),
            scales=SCALES,
            threshold_set=UPPER,
            leader_id=None,
            leader_name=" ",
            graded_on=ON,
            at=T0,
            check=no_criterion_matched(),
        )
    assert info.value.code == "leader_name_empty"


def test_a_grading_keeps_its_batch_meeting_and_given_id():
    meeting, grading_id = uuid.uuid4(), uuid.uuid4()
    grading = lec_grading(meeting_id=meeting, grading_id=grading_id)
    assert (grading.meeting_id, grading.id) == (meeting, grading_id)


# ---------------------------------------------------------------- major by criteria (§5.1)


def criteria_grading(matches, **kwargs) -> Grading:
    return grade_by_criteria(
        hazard_id=HAZARD,
        matches=matches,
        leader_id=LEADER_ID,
        leader_name="王组长",
        graded_on=ON,
        at=T0,
        **kwargs,
    )


def test_matching_a_criterion_makes_the_hazard_major_whatever_its_d():
    cited = match_criterion(criterion(), "  监控录像显示夜班在罐区吸烟  ")
    grading = criteria_grading([cited], scores=trio(D_TINY, D_TINY, D_TINY), scales=SCALES, threshold_set=UPPER)
    assert grading.grade is HazardGrade.MAJOR
    assert grading.method is GradingMethod.CRITERIA
    assert grading.band_code == CODE_SLIGHT  # kept for the record, does not lower the grade
    assert grading.mean_d == Decimal("0.05")
    assert grading.matches == (cited,)
    assert cited.evidence == "监控录像显示夜班在罐区吸烟"
    assert cited.text.startswith("发现在易燃易爆场所")


def test_a_criteria_grading_needs_no_lec_scores():
    grading = criteria_grading([match_criterion(criterion(), "证据")])
    assert grading.scores == ()
    assert grading.mean_d is None
    assert grading.band_code is None
    assert grading.threshold_set_id is None
    assert grading.mean_exact is None
    assert grading.mean_text() == ""


def test_a_criteria_grading_needs_at_least_one_distinct_criterion_with_evidence():
    with pytest.raises(ValidationError) as info:
        criteria_grading([])
    assert info.value.code == "criteria_empty"
    cited = match_criterion(criterion(), "证据")
    with pytest.raises(ValidationError) as info:
        criteria_grading([cited, cited])
    assert info.value.code == "criterion_duplicate"
    with pytest.raises(ValidationError) as info:
        criteria_grading([dataclasses.replace(cited, evidence=" ")])
    assert info.value.code == "evidence_empty"


def test_a_retired_criterion_cannot_be_cited():
    with pytest.raises(ValidationError) as info:
        match_criterion(criterion(retired=True), "证据")
    assert info.value.code == "criterion_retired"


def test_citing_a_criterion_needs_evidence():
    with pytest.raises(ValidationError) as info:
        match_criterion(criterion(), "   ")
    assert info.value.code == "evidence_empty"


def test_criteria_with_scores_need_a_threshold_set():
    with pytest.raises(ValidationError) as info:
        criteria_grading([match_criterion(criterion(), "证据")], scores=trio(), scales=SCALES)
    assert info.value.code == "threshold_set_missing"


# ---------------------------------------------------------------- panel decision (§4.3)


def decision_grading(reason: str, **kwargs) -> Grading:
    return grade_by_panel_decision(
        hazard_id=HAZARD,
        reason=reason,
        leader_id=LEADER_ID,
        leader_name="王组长",
        graded_on=ON,
        at=T0,
        **kwargs,
    )


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_a_panel_decision_needs_a_written_reason(reason):
    with pytest.raises(ValidationError) as info:
        decision_grading(reason)
    assert info.value.code == "reason_empty"


def test_a_panel_decision_makes_the_hazard_major_and_keeps_the_reason():
    grading = decision_grading(" 需局部停产整改 ", scores=trio(), scales=SCALES, threshold_set=UPPER)
    assert grading.grade is HazardGrade.MAJOR
    assert grading.method is GradingMethod.PANEL_DECISION
    assert grading.decision_reason == "需局部停产整改"
    assert grading.band_code == CODE_SLIGHT


def test_a_panel_decision_reason_has_a_length_limit():
    with pytest.raises(ValidationError) as info:
        decision_grading("长" * 2001)
    assert info.value.code == "reason_too_long"


# ---------------------------------------------------------------- confirmation and immutability


def test_confirming_a_draft_stamps_it():
    at = T0 + timedelta(hours=1)
    grading = confirm(lec_grading(), at)
    assert grading.confirmed
    assert grading.confirmed_at == at
    assert grading.updated_at == at
    assert grading.created_at == T0


def test_a_confirmed_grading_cannot_be_confirmed_again_or_edited():
    grading = confirmed(lec_grading())
    with pytest.raises(InvalidTransition) as info:
        confirm(grading, T0 + timedelta(days=1))
    assert info.value.code == "grading_confirmed"
    with pytest.raises(InvalidTransition) as info:
        ensure_editable(grading)
    assert info.value.code == "grading_confirmed"
    ensure_editable(lec_grading())  # a draft may still change


def test_gradings_are_frozen_objects():
    grading = confirmed(lec_grading())
    with pytest.raises(dataclasses.FrozenInstanceError):
        grading.grade = HazardGrade.MAJOR  # type: ignore[misc]


def test_confirming_needs_an_aware_time():
    with pytest.raises(ValidationError) as info:
        confirm(lec_grading(), datetime(2026, 1, 1))
    assert info.value.code == "time_naive"


# ---------------------------------------------------------------- corrections


def test_a_correction_supersedes_the_confirmed_grading_with_a_reason():
    old = confirmed(lec_grading())
    draft = lec_grading(trio(D108, D252, D120), at=T0 + timedelta(days=1))
    fixed = correct(old, draft, " 生产部成员 C 值录入错误 ")
    assert fixed.supersedes_id == old.id
    assert fixed.correction_reason == "生产部成员 C 值录入错误"
    assert fixed.id == draft.id
    assert not fixed.confirmed
    final = confirmed(fixed)
    assert final_grading([old, final]) == final


def test_a_correction_needs_a_reason():
    old = confirmed(lec_grading())
    with pytest.raises(ValidationError) as info:
        correct(old, lec_grading(), "  ")
    assert info.value.code == "reason_empty"


def test_a_draft_is_edited_not_corrected():
    with pytest.raises(InvalidTransition) as info:
        correct(lec_grading(), lec_grading(), "原因")
    assert info.value.code == "grading_not_confirmed"


def test_a_correction_must_itself_be_a_draft():
    old = confirmed(lec_grading())
    with pytest.raises(InvalidTransition) as info:
        correct(old, confirmed(lec_grading()), "原因")
    assert info.value.code == "grading_confirmed"


def test_a_correction_must_be_for_the_same_hazard_and_a_different_grading():
    old = confirmed(lec_grading())
    other = dataclasses.replace(lec_grading(), hazard_id=uuid.uuid4())
    with pytest.raises(ValidationError) as info:
        correct(old, other, "原因")
    assert info.value.code == "grading_hazard_mismatch"
    with pytest.raises(ValidationError) as info:
        correct(old, dataclasses.replace(old, confirmed_at=None), "原因")
    assert info.value.code == "grading_same"


def test_a_grading_already_corrected_cannot_be_corrected_or_confirmed_twice():
    old = confirmed(lec_grading())
    first = confirmed(correct(old, lec_grading(), "第一次"))
    with pytest.raises(InvalidTransition) as info:
        correct(old, lec_grading(), "第二次", history=[old, first])
    assert info.value.code == "grading_superseded"
    second = correct(old, lec_grading(), "第二次")
    with pytest.raises(InvalidTransition) as info:
        confirm(second, T0 + timedelta(days=2), history=[old, first])
    assert info.value.code == "grading_superseded"


# ---------------------------------------------------------------- disputes (§6–§7)


_DISPUTED: dict[uuid.UUID, Grading] = {}


def open_dispute(grading: Grading | None = None) -> tuple[Grading, Dispute]:
    disputed = grading or confirmed(lec_grading())
    dispute = raise_dispute(
        disputed,
        department_id=RAISING_ID,
        department_name="一车间",
        person_name="赵主任",
        reason="C 值应为 15",
        at=T0 + timedelta(days=1),
    )
    _DISPUTED[dispute.id] = disputed
    return disputed, dispute


def ruling_for(dispute: Dispute, triple=D108) -> Grading:
    return grade_dispute(
        dispute,
        disputed=_DISPUTED[dispute.id],
        raising_kind=K.WORKSHOP,
        scores=dispute_panel(triple=triple),
        scales=SCALES,
        threshold_set=UPPER,
        graded_on=date(2026, 3, 10),
        at=T0 + timedelta(days=8),
        check=no_criterion_matched(T0 + timedelta(days=8), basis="dispute"),
    )


def test_a_department_raises_a_dispute_against_a_confirmed_grading():
    disputed, dispute = open_dispute()
    assert dispute.state is DisputeState.OPEN
    assert dispute.grading_id == disputed.id
    assert dispute.hazard_id == HAZARD
    assert dispute.raised_by_department_id == RAISING_ID
    assert dispute.raised_by_department_name == "一车间"
    assert dispute.raised_by_person_name == "赵主任"
    assert dispute.raised_at == T0 + timedelta(days=1)
    assert dispute.reason == "C 值应为 15"
    assert dispute.ruling_grading_id is None
    assert dispute.ruled_at is None


def test_a_draft_grading_cannot_be_disputed():
    with pytest.raises(InvalidTransition) as info:
        open_dispute(lec_grading())
    assert info.value.code == "grading_not_confirmed"


def test_a_dispute_needs_a_reason():
    with pytest.raises(ValidationError) as info:
        raise_dispute(
            confirmed(lec_grading()),
            department_id=RAISING_ID,
            department_name="一车间",
            person_name="赵主任",
            reason=" ",
            at=T0,
        )
    assert info.value.code == "reason_empty"


def test_a_superseded_grading_cannot_be_disputed():
    old = confirmed(lec_grading())
    fixed = confirmed(correct(old, lec_grading(), "更正"))
    with pytest.raises(InvalidTransition) as info:
        raise_dispute(
            old,
            department_id=RAISING_ID,
            department_name="一车间",
            person_name="赵主任",
            reason="理由",
            at=T0,
            history=[old, fixed],
        )
    assert info.value.code == "grading_superseded"


def test_the_dispute_panel_grades_with_its_leader_and_is_linked_to_the_dispute():
    _, dispute = open_dispute()
    ruling = ruling_for(dispute)
    assert ruling.dispute_id == dispute.id
    assert ruling.is_ruling
    assert ruling.hazard_id == HAZARD
    assert ruling.method is GradingMethod.LEC_PANEL
    assert ruling.leader_name == "肖才根"
    assert len(ruling.scores) == 7
    assert ruling.mean_d == Decimal("108")
    assert ruling.band_code == CODE_SIGNIFICANT


def test_the_dispute_panel_must_have_a_leader():
    _, dispute = open_dispute()
    with pytest.raises(ValidationError) as info:
        grade_dispute(
            dispute,
            disputed=_DISPUTED[dispute.id],
            raising_kind=K.WORKSHOP,
            scores=[*dispute_panel(leader=False), member(K.PRODUCTION)],
            scales=SCALES,
            threshold_set=UPPER,
            graded_on=ON,
            at=T0,
        )
    assert info.value.code == "dispute_needs_leader"


def test_ruling_closes_the_dispute_with_the_confirmed_ruling_grading():
    _, dispute = open_dispute()
    ruling = confirmed(ruling_for(dispute))
    at = T0 + timedelta(days=9)
    ruled = rule(dispute, ruling, " 维持显著危险 ", at)
    assert ruled.state is DisputeState.RULED
    assert ruled.ruling_grading_id == ruling.id
    assert ruled.ruling_text == "维持显著危险"
    assert ruled.ruled_at == at
    assert ruled.updated_at == at


def test_a_dispute_cannot_be_ruled_with_a_draft_or_a_foreign_grading():
    _, dispute = open_dispute()
    with pytest.raises(InvalidTransition) as info:
        rule(dispute, ruling_for(dispute), "", T0)
    assert info.value.code == "grading_not_confirmed"
    with pytest.raises(ValidationError) as info:
        rule(dispute, confirmed(lec_grading()), "", T0)
    assert info.value.code == "ruling_wrong_dispute"


def test_a_ruled_dispute_cannot_be_ruled_again_withdrawn_or_regraded():
    _, dispute = open_dispute()
    ruling = confirmed(ruling_for(dispute))
    ruled = rule(dispute, ruling, "", T0 + timedelta(days=9))
    for attempt in (
        lambda: rule(ruled, ruling, "", T0 + timedelta(days=10)),
        lambda: withdraw(ruled, T0 + timedelta(days=10), person_name="赵主任"),
        lambda: ruling_for(ruled),
    ):
        with pytest.raises(InvalidTransition) as info:
            attempt()
        assert info.value.code == "dispute_not_open"


def test_an_open_dispute_can_be_withdrawn_once():
    _, dispute = open_dispute()
    at = T0 + timedelta(days=2)
    gone = withdraw(dispute, at, " 已沟通一致 ", person_name="赵主任")
    assert gone.state is DisputeState.WITHDRAWN
    assert gone.withdrawn_at == at
    assert gone.withdrawn_reason == "已沟通一致"
    assert gone.ruling_grading_id is None
    with pytest.raises(InvalidTransition) as info:
        withdraw(gone, at, person_name="赵主任")
    assert info.value.code == "dispute_not_open"
    with pytest.raises(InvalidTransition):
        rule(gone, confirmed(ruling_for(dispute)), "", at)


def test_a_ruling_cannot_itself_be_disputed():
    _, dispute = open_dispute()
    ruling = confirmed(ruling_for(dispute))
    with pytest.raises(InvalidTransition) as info:
        open_dispute(ruling)
    assert info.value.code == "grading_final"


# ---------------------------------------------------------------- which grading counts


def test_a_hazard_without_a_confirmed_grading_has_no_final_grade():
    assert current_grading([]) is None
    assert current_grading([lec_grading()]) is None
    with pytest.raises(NotFound) as info:
        final_grading([lec_grading()])
    assert info.value.code == "grading_none"


def test_the_latest_confirmed_grading_wins():
    first = confirmed(lec_grading())
    later = confirmed(lec_grading(at=T0 + timedelta(days=3)))
    draft = lec_grading(at=T0 + timedelta(days=5))
    assert final_grading([later, draft, first]) == later


def test_an_unconfirmed_correction_does_not_replace_the_grading():
    old = confirmed(lec_grading())
    draft = correct(old, lec_grading(at=T0 + timedelta(days=1)), "更正")
    assert final_grading([old, draft]) == old


def test_the_ruling_replaces_the_panels_grade_and_both_stay_in_history():
    disputed, dispute = open_dispute(confirmed(lec_grading()))
    ruling = confirmed(ruling_for(dispute))
    history = [disputed, ruling]
    assert final_grading(history) == ruling
    assert disputed in history and disputed.band_code == CODE_SLIGHT
    assert final_grading(history).band_code == CODE_SIGNIFICANT


def test_a_ruling_stays_final_over_later_panel_gradings():
    disputed, dispute = open_dispute()
    ruling = confirmed(ruling_for(dispute))
    later_panel = confirmed(lec_grading(at=T0 + timedelta(days=30)))
    assert final_grading([disputed, ruling, later_panel]) == ruling


def test_a_correction_of_a_ruling_remains_the_ruling():
    _, dispute = open_dispute()
    ruling = confirmed(ruling_for(dispute))
    fixed = confirmed(correct(ruling, lec_grading(at=T0 + timedelta(days=20)), "笔误"))
    assert fixed.dispute_id == dispute.id
    assert final_grading([ruling, fixed]) == fixed


# ---------------------------------------------------------------- canonical record


def confirmed_sample() -> Grading:
    return confirm(lec_grading(trio(D108, D252, D120)), datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=UTC))


def test_canonical_record_is_json_ready_with_text_numbers():
    grading = confirmed_sample()
    record = canonical_record(grading)
    json.dumps(record, ensure_ascii=False, sort_keys=True)  # no Decimal, UUID or date left
    assert record["id"] == str(grading.id)
    assert record["hazard_id"] == str(HAZARD)
    assert record["method"] == "lec_panel"
    assert record["grade"] == "general"
    assert record["mean_d"] == "160"
    assert record["band"] == {"code": CODE_SIGNIFICANT, "name_zh": "显著危险", "name_en": "Significantly dangerous"}
    assert record["threshold_set"] == {"id": str(UPPER.id), "name": UPPER.name, "edge_rule": "upper_inclusive"}
    assert record["confirmed_at"] == "2026-03-02T09:30:15.123456Z"
    assert record["graded_on"] == "2026-03-02"
    assert record["leader_name"] == "王组长"
    assert record["count"] == 3
    assert sorted(m["D"] for m in record["members"]) == ["108", "120", "252"]
    assert "created_at" not in record and "updated_at" not in record


def test_canonical_record_of_an_inexact_mean_keeps_the_stored_decimal():
    record = canonical_record(lec_grading(trio(D20, D20, D21)))
    assert record["mean_d"] == "20.33333333333333333333"
    assert record["confirmed_at"] is None


def test_canonical_record_does_not_depend_on_member_or_criteria_order():
    grading = confirmed_sample()
    reordered = dataclasses.replace(grading, scores=tuple(reversed(grading.scores)))
    assert canonical_record(reordered) == canonical_record(grading)
    a, b = match_criterion(criterion("4.4.1"), "甲"), match_criterion(criterion("4.4.2"), "乙")
    one = criteria_grading([a, b])
    two = dataclasses.replace(one, matches=(b, a))
    assert canonical_record(one) == canonical_record(two)


def test_canonical_record_is_the_same_for_equal_times_in_other_zones():
    grading = confirmed_sample()
    assert grading.confirmed_at is not None
    beijing = grading.confirmed_at.astimezone(timezone(timedelta(hours=8)))
    assert canonical_record(dataclasses.replace(grading, confirmed_at=beijing)) == canonical_record(grading)


def _other_value(values: tuple[str, ...], current: Decimal) -> Decimal:
    return next(Decimal(v) for v in values if Decimal(v) != current)


@pytest.mark.parametrize("index", [0, 1, 2])
@pytest.mark.parametrize(
    ("attribute", "values"), [("likelihood", L_VALUES), ("exposure", E_VALUES), ("consequence", C_VALUES)]
)
def test_canonical_record_changes_when_any_score_changes(index, attribute, values):
    grading = confirmed_sample()
    scores = list(grading.scores)
    scores[index] = dataclasses.replace(
        scores[index], **{attribute: _other_value(values, getattr(scores[index], attribute))}
    )
    tampered = dataclasses.replace(grading, scores=tuple(scores))
    assert canonical_record(tampered) != canonical_record(grading)


@pytest.mark.parametrize(
    "change",
    [
        {"leader_name": "李组长"},
        {"mean_d": Decimal("161")},
        {"band_code": CODE_HIGH},
        {"threshold_set_id": uuid.uuid4()},
        {"edge_rule": EdgeRule.LOWER_INCLUSIVE},
        {"graded_on": date(2026, 3, 3)},
        {"grade": HazardGrade.MAJOR},
        {"supersedes_id": uuid.uuid4()},
        {"correction_reason": "更正"},
        {"dispute_id": uuid.uuid4()},
        {"decision_reason": "理由"},
        {"matches": (CriterionMatch(uuid.uuid4(), "4.4.1", "文本", "§4.4", "证据"),)},
    ],
    ids=lambda change: next(iter(change)),
)
def test_canonical_record_changes_with_what_the_sheet_certifies(change):
    grading = confirmed_sample()
    assert canonical_record(dataclasses.replace(grading, **change)) != canonical_record(grading)


def test_canonical_record_changes_with_the_confirmation_time_and_member_identity():
    grading = confirmed_sample()
    assert grading.confirmed_at is not None
    later = dataclasses.replace(grading, confirmed_at=grading.confirmed_at + timedelta(microseconds=1))
    assert canonical_record(later) != canonical_record(grading)
    renamed = dataclasses.replace(grading.scores[0], person_name="别人")
    other = dataclasses.replace(grading, scores=(renamed, *grading.scores[1:]))
    assert canonical_record(other) != canonical_record(grading)


def test_canonical_record_ignores_bookkeeping_times():
    grading = confirmed_sample()
    touched = dataclasses.replace(grading, updated_at=grading.updated_at + timedelta(days=1))
    assert canonical_record(touched) == canonical_record(grading)

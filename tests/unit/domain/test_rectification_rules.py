"""The rectification loop's rules: every state × every action, who may act, deadlines and dates."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from hazard_desktop.domain.errors import InvalidTransition, NotPermitted, ValidationError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import (
    DEFAULT_DEADLINES,
    Action,
    Actor,
    AssignmentInput,
    DeadlineDefaults,
    Duties,
    Evaluation,
    Evaluator,
    LoopState,
    PlanInput,
    PlanReport,
    ReportKind,
    Stoppage,
    available_actions,
    check_acceptance_group,
    check_action,
    check_actor,
    days_left,
    default_deadline,
    plant_date,
    validate_assignment,
    validate_evaluation,
    validate_plan,
)
from hazard_desktop.domain.reference import DepartmentKind, Role

S = HazardStatus
A = Action
OK = "ok"

# The base case of each status: a 一般 hazard, with its 五定 once it has been assigned, no extension pending.
# Every cell is written out: the expected outcome of (status, action), "ok" or the refusal's code.
MATRIX: dict[HazardStatus, dict[Action, str]] = {
    S.OPEN: {
        A.ASSIGN: "hazard_not_graded",
        A.REVISE: "hazard_not_graded",
        A.SAVE_PLAN: "hazard_not_graded",
        A.NOTE: "hazard_not_graded",
        A.REQUEST_EXTENSION: "hazard_not_graded",
        A.APPROVE_EXTENSION: "hazard_not_graded",
        A.REFUSE_EXTENSION: "hazard_not_graded",
        A.SUBMIT: "hazard_not_graded",
        A.ACCEPT: "hazard_not_graded",
        A.SEND_BACK: "hazard_not_graded",
        A.ON_THE_SPOT: OK,
        A.GRADE: OK,
        A.EDIT: OK,
    },
    S.GRADED: {
        A.ASSIGN: OK,
        A.REVISE: "action_not_allowed",
        A.SAVE_PLAN: "plan_for_major_only",
        A.NOTE: "action_not_allowed",
        A.REQUEST_EXTENSION: "action_not_allowed",
        A.APPROVE_EXTENSION: "action_not_allowed",
        A.REFUSE_EXTENSION: "action_not_allowed",
        A.SUBMIT: "action_not_allowed",
        A.ACCEPT: "action_not_allowed",
        A.SEND_BACK: "action_not_allowed",
        A.ON_THE_SPOT: OK,
        A.GRADE: OK,
        A.EDIT: OK,
    },
    S.RECTIFYING: {
        A.ASSIGN: "already_assigned",
        A.REVISE: OK,
        A.SAVE_PLAN: "plan_for_major_only",
        A.NOTE: OK,
        A.REQUEST_EXTENSION: OK,
        A.APPROVE_EXTENSION: "no_extension_pending",
        A.REFUSE_EXTENSION: "no_extension_pending",
        A.SUBMIT: OK,
        A.ACCEPT: "action_not_allowed",
        A.SEND_BACK: "action_not_allowed",
        A.ON_THE_SPOT: "action_not_allowed",
        A.GRADE: OK,
        A.EDIT: OK,
    },
    S.VERIFYING: {
        A.ASSIGN: "action_not_allowed",
        A.REVISE: "action_not_allowed",
        A.SAVE_PLAN: "plan_for_major_only",
        A.NOTE: "action_not_allowed",
        A.REQUEST_EXTENSION: "action_not_allowed",
        A.APPROVE_EXTENSION: "action_not_allowed",
        A.REFUSE_EXTENSION: "action_not_allowed",
        A.SUBMIT: "action_not_allowed",
        A.ACCEPT: OK,
        A.SEND_BACK: OK,
        A.ON_THE_SPOT: "action_not_allowed",
        A.GRADE: OK,
        A.EDIT: OK,
    },
    S.CLOSED: {action: "hazard_closed" for action in Action},
}


def outcome(action: Action, state: LoopState) -> str:
    try:
        check_action(action, state)
    except InvalidTransition as exc:
        return exc.code
    return OK


def base(status: HazardStatus, **changes: object) -> LoopState:
    assigned = status in (S.RECTIFYING, S.VERIFYING, S.CLOSED)
    values: dict[str, object] = {
        "status": status,
        "grade": HazardGrade.UNGRADED if status is S.OPEN else HazardGrade.GENERAL,
        "has_assignment": assigned,
    }
    values.update(changes)
    return LoopState(**values)  # type: ignore[arg-type]


def test_the_matrix_covers_every_state_and_every_action():
    assert set(MATRIX) == set(HazardStatus)
    assert all(set(row) == set(Action) for row in MATRIX.values())


@pytest.mark.parametrize("status", list(HazardStatus))
@pytest.mark.parametrize("action", list(Action))
def test_every_state_and_action_is_allowed_or_refused_with_its_code(status, action):
    assert outcome(action, base(status)) == MATRIX[status][action]


@pytest.mark.parametrize("status", list(HazardStatus))
@pytest.mark.parametrize("action", list(Action))
def test_a_pending_extension_blocks_a_second_request_and_the_submission_and_opens_the_decision(status, action):
    expected = MATRIX[status][action]
    if status is S.RECTIFYING:
        expected = {
            A.REQUEST_EXTENSION: "extension_pending",
            A.SUBMIT: "extension_pending",
            A.APPROVE_EXTENSION: OK,
            A.REFUSE_EXTENSION: OK,
        }.get(action, expected)
    assert outcome(action, base(status, extension_pending=True)) == expected


@pytest.mark.parametrize("status", list(HazardStatus))
@pytest.mark.parametrize("action", list(Action))
def test_a_major_hazard_has_a_plan_and_is_never_fixed_on_the_spot(status, action):
    expected = MATRIX[status][action]
    if status in (S.GRADED, S.RECTIFYING, S.VERIFYING) and action is A.SAVE_PLAN:
        expected = OK
    if status is S.GRADED and action is A.ON_THE_SPOT:
        expected = "on_the_spot_not_for_major"
    if status is S.OPEN and action is A.ON_THE_SPOT:
        expected = OK  # 待定级 is never 重大 by grade; citing a criterion is tested below
    grade = HazardGrade.UNGRADED if status is S.OPEN else HazardGrade.MAJOR
    assert outcome(action, base(status, grade=grade)) == expected


@pytest.mark.parametrize("status", [S.OPEN, S.GRADED])
def test_a_hazard_citing_a_major_criterion_is_never_fixed_on_the_spot(status):
    assert outcome(A.ON_THE_SPOT, base(status, cites_major=True)) == "on_the_spot_not_for_major"


def test_without_five_fixes_the_loop_asks_for_them_first():
    state = base(S.RECTIFYING, has_assignment=False)  # 整改中 from before revision 0007
    assert {a: outcome(a, state) for a in (A.ASSIGN, A.REVISE, A.NOTE, A.REQUEST_EXTENSION, A.SUBMIT)} == {
        A.ASSIGN: OK,
        A.REVISE: "no_assignment",
        A.NOTE: "no_assignment",
        A.REQUEST_EXTENSION: "no_assignment",
        A.SUBMIT: "no_assignment",
    }


def test_an_on_the_spot_fix_is_accepted_only_once_graded_and_never_when_major():
    waiting = base(S.VERIFYING, on_the_spot=True)
    assert outcome(A.ACCEPT, waiting) == OK
    ungraded = base(S.VERIFYING, on_the_spot=True, grade=HazardGrade.UNGRADED)
    assert outcome(A.ACCEPT, ungraded) == "acceptance_needs_grade"
    assert outcome(A.ACCEPT, base(S.VERIFYING, on_the_spot=True, grade=HazardGrade.MAJOR)) == "on_the_spot_major"
    assert outcome(A.ACCEPT, base(S.VERIFYING, on_the_spot=True, cites_major=True)) == "on_the_spot_major"
    assert outcome(A.SEND_BACK, base(S.VERIFYING, on_the_spot=True, grade=HazardGrade.MAJOR)) == OK


def test_available_actions_are_those_the_matrix_allows():
    for status, row in MATRIX.items():
        assert available_actions(base(status)) == {a for a, result in row.items() if result == OK}


# ---------------------------------------------------------------- who may act

SAFETY_DEPT, WORKSHOP, OTHER_WORKSHOP = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
FINDER, RESPONSIBLE, COLLEAGUE, ACCEPTOR, SAFETY, OFFICER, STRANGER = (uuid.uuid4() for _ in range(7))


def actor(person: uuid.UUID) -> Actor:
    if person == SAFETY:
        return Actor(person, SAFETY_DEPT, DepartmentKind.SAFETY, frozenset())
    if person == OFFICER:  # a safety officer of a workshop
        return Actor(person, OTHER_WORKSHOP, DepartmentKind.WORKSHOP, frozenset({Role.SAFETY_OFFICER}))
    if person in (RESPONSIBLE, COLLEAGUE, FINDER):
        return Actor(person, WORKSHOP, DepartmentKind.WORKSHOP, frozenset({Role.INSPECTOR}))
    return Actor(person, OTHER_WORKSHOP, DepartmentKind.WORKSHOP, frozenset())


DUTIES = Duties(
    found_by_id=FINDER,
    responsible_department_id=WORKSHOP,
    responsible_person_id=RESPONSIBLE,
    acceptor_id=ACCEPTOR,
    rectified_by_id=COLLEAGUE,
    extension_requested_by_id=COLLEAGUE,
)
PEOPLE = {
    "finder": FINDER,
    "responsible": RESPONSIBLE,
    "colleague": COLLEAGUE,
    "acceptor": ACCEPTOR,
    "safety": SAFETY,
    "officer": OFFICER,
    "stranger": STRANGER,
}
# action → person → "ok" or the code (a 一般 hazard). The finder is of the responsible department here.
WHO: dict[Action, dict[str, str]] = {
    A.ASSIGN: {
        "finder": "actor_not_safety", "responsible": "actor_not_safety", "colleague": "actor_not_safety",
        "acceptor": "actor_not_safety", "safety": OK, "officer": OK, "stranger": "actor_not_safety",
    },
    A.REVISE: {
        "finder": "actor_not_safety", "responsible": "actor_not_safety", "colleague": "actor_not_safety",
        "acceptor": "actor_not_safety", "safety": OK, "officer": OK, "stranger": "actor_not_safety",
    },
    A.SAVE_PLAN: {
        "finder": "actor_not_safety", "responsible": "actor_not_safety", "colleague": "actor_not_safety",
        "acceptor": "actor_not_safety", "safety": OK, "officer": OK, "stranger": "actor_not_safety",
    },
    A.NOTE: {
        "finder": OK, "responsible": OK, "colleague": OK, "acceptor": "actor_not_responsible",
        "safety": OK, "officer": OK, "stranger": "actor_not_responsible",
    },
    A.REQUEST_EXTENSION: {
        "finder": OK, "responsible": OK, "colleague": OK, "acceptor": "actor_not_responsible",
        "safety": "actor_not_responsible", "officer": "actor_not_responsible", "stranger": "actor_not_responsible",
    },
    A.APPROVE_EXTENSION: {
        "finder": "actor_not_safety", "responsible": "actor_not_safety", "colleague": "actor_not_safety",
        "acceptor": "actor_not_safety", "safety": OK, "officer": OK, "stranger": "actor_not_safety",
    },
    A.REFUSE_EXTENSION: {
        "finder": "actor_not_safety", "responsible": "actor_not_safety", "colleague": "actor_not_safety",
        "acceptor": "actor_not_safety", "safety": OK, "officer": OK, "stranger": "actor_not_safety",
    },
    A.SUBMIT: {
        "finder": OK, "responsible": OK, "colleague": OK, "acceptor": "actor_not_responsible",
        "safety": "actor_not_responsible", "officer": "actor_not_responsible", "stranger": "actor_not_responsible",
    },
    A.ACCEPT: {
        "finder": "actor_not_acceptor", "responsible": "actor_is_responsible", "colleague": "actor_is_rectifier",
        "acceptor": OK, "safety": OK, "officer": OK, "stranger": "actor_not_acceptor",
    },
    A.SEND_BACK: {
        "finder": "actor_not_acceptor", "responsible": "actor_is_responsible", "colleague": "actor_is_rectifier",
        "acceptor": OK, "safety": OK, "officer": OK, "stranger": "actor_not_acceptor",
    },
    A.ON_THE_SPOT: {
        "finder": OK, "responsible": "actor_not_finder", "colleague": "actor_not_finder",
        "acceptor": "actor_not_finder", "safety": "actor_not_finder", "officer": "actor_not_finder",
        "stranger": "actor_not_finder",
    },
    A.GRADE: {name: OK for name in PEOPLE},  # the grading use cases check their panels themselves
    A.EDIT: {name: OK for name in PEOPLE},  # who edits the register is not the loop's rule; it is recorded
}  # fmt: skip


def who_outcome(action: Action, person: uuid.UUID, duties: Duties = DUTIES, *, major: bool = False) -> str:
    try:
        check_actor(action, actor(person), duties, major=major)
    except NotPermitted as exc:
        assert exc.field == "actor" and exc.params["action"] == action.value
        return exc.code
    return OK


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("name", list(PEOPLE))
def test_who_may_do_what(action, name):
    assert who_outcome(action, PEOPLE[name]) == WHO[action][name]


def test_safety_never_decides_its_own_extension_nor_one_it_is_responsible_for():
    own = Duties(FINDER, WORKSHOP, RESPONSIBLE, extension_requested_by_id=SAFETY)
    assert who_outcome(A.APPROVE_EXTENSION, SAFETY, own) == "actor_is_requester"
    responsible = Duties(FINDER, SAFETY_DEPT, SAFETY, extension_requested_by_id=COLLEAGUE)
    assert who_outcome(A.REFUSE_EXTENSION, SAFETY, responsible) == "actor_is_responsible"


def test_safety_responsible_for_a_rectification_does_not_accept_it():
    duties = Duties(FINDER, SAFETY_DEPT, SAFETY, acceptor_id=ACCEPTOR, rectified_by_id=COLLEAGUE)
    assert who_outcome(A.ACCEPT, SAFETY, duties) == "actor_is_responsible"
    assert who_outcome(A.ACCEPT, OFFICER, duties) == OK


def test_major_acceptance_is_by_the_group_whoever_was_asked():
    assert who_outcome(A.ACCEPT, STRANGER, major=True) == OK  # checked by check_acceptance_group
    assert who_outcome(A.ACCEPT, RESPONSIBLE, major=True) == "actor_is_responsible"


def group_outcome(members: list[uuid.UUID], by: uuid.UUID, *, major: bool = True) -> str:
    try:
        check_acceptance_group(tuple(actor(m) for m in members), actor(by), DUTIES, major=major)
    except ValidationError as exc:
        assert exc.field == "group"
        return exc.code
    return OK


def test_the_acceptance_group_of_a_major_hazard():
    assert group_outcome([SAFETY, ACCEPTOR, STRANGER], ACCEPTOR) == OK
    assert group_outcome([OFFICER, ACCEPTOR, STRANGER], STRANGER) == OK  # a safety officer counts as 安环部
    assert group_outcome([SAFETY, ACCEPTOR], ACCEPTOR) == "group_too_small"
    assert group_outcome([SAFETY, ACCEPTOR, ACCEPTOR], ACCEPTOR) == "group_duplicate"
    assert group_outcome([FINDER, ACCEPTOR, STRANGER], ACCEPTOR) == "group_needs_safety"
    assert group_outcome([SAFETY, ACCEPTOR, STRANGER], FINDER) == "group_without_actor"
    assert group_outcome([SAFETY, ACCEPTOR, RESPONSIBLE], ACCEPTOR) == "group_includes_responsible"
    assert group_outcome([SAFETY, ACCEPTOR, COLLEAGUE], ACCEPTOR) == "group_includes_responsible"
    assert group_outcome([], ACCEPTOR, major=False) == OK
    assert group_outcome([SAFETY, ACCEPTOR, STRANGER], ACCEPTOR, major=False) == "group_for_major_only"


def test_a_major_hazard_needs_its_evaluation_with_the_report_reference():
    today = date(2026, 6, 1)
    good = Evaluation(Evaluator.AGENCY, " 某安全评价有限公司 ", "PJ-2026-018", today, "治理措施有效")
    assert validate_evaluation(good, today, major=True).evaluated_by == "某安全评价有限公司"  # type: ignore[union-attr]
    cases = [
        (None, "evaluation_required"),
        (Evaluation(Evaluator.OWN_EXPERTS, "张工", " ", today, "有效"), "report_reference_empty"),
        (Evaluation(Evaluator.OWN_EXPERTS, "", "R-1", today, "有效"), "evaluated_by_empty"),
        (Evaluation(Evaluator.OWN_EXPERTS, "张工", "R-1", today, ""), "conclusion_empty"),
        (Evaluation(Evaluator.OWN_EXPERTS, "张工", "R-1", today + timedelta(days=1), "有效"), "evaluation_date_future"),
    ]
    for evaluation, code in cases:
        with pytest.raises(ValidationError) as info:
            validate_evaluation(evaluation, today, major=True)
        assert info.value.code == code
    assert validate_evaluation(None, today, major=False) is None
    with pytest.raises(ValidationError, match="evaluation_for_major_only"):
        validate_evaluation(good, today, major=False)


# ---------------------------------------------------------------- deadlines and dates


@pytest.mark.parametrize(
    ("band", "days"), [("extreme", 0), ("high", 0), ("significant", 7), ("general", 15), ("slight", 30), (None, 0)]
)
def test_default_deadlines_of_a_general_hazard_by_band(band, days):
    assert default_deadline(date(2026, 3, 10), HazardGrade.GENERAL, band, DEFAULT_DEADLINES) == date(2026, 3, 10) + (
        timedelta(days=days)
    )


def test_a_major_hazard_has_no_default_deadline_but_its_plan():
    assert default_deadline(date(2026, 3, 10), HazardGrade.MAJOR, "high", DEFAULT_DEADLINES) is None


@pytest.mark.parametrize(
    ("assigned", "band", "due"),
    [
        (date(2026, 12, 31), "general", date(2027, 1, 15)),
        (date(2026, 12, 20), "slight", date(2027, 1, 19)),
        (date(2027, 12, 31), "high", date(2027, 12, 31)),  # 立即: the same day, not the next year
        (date(2028, 2, 22), "significant", date(2028, 2, 29)),  # leap year
    ],
)
def test_deadlines_across_year_ends(assigned, band, due):
    assert default_deadline(assigned, HazardGrade.GENERAL, band, DEFAULT_DEADLINES) == due


def test_an_unknown_band_takes_the_no_band_default():
    defaults = DeadlineDefaults(by_band=(("high", 3),), no_band=5)
    assert defaults.days_for("high") == 3 and defaults.days_for("general") == 5 and defaults.days_for(None) == 5


def test_days_left_is_negative_once_overdue():
    assert days_left(date(2027, 1, 2), date(2026, 12, 31)) == 2
    assert days_left(date(2026, 12, 31), date(2026, 12, 31)) == 0
    assert days_left(date(2026, 12, 31), date(2027, 1, 1)) == -1


def test_the_plant_day_is_the_local_day_of_the_instant():
    instant = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    assert plant_date(instant, timezone(timedelta(hours=8))) == date(2027, 1, 1)  # 北京时间 01:30 on New Year's Day
    assert plant_date(instant, timezone(timedelta(hours=-5))) == date(2026, 12, 31)
    assert plant_date(instant, UTC) == date(2026, 12, 31)
    with pytest.raises(ValidationError, match="instant_naive"):
        plant_date(datetime(2026, 12, 31, 17, 30))


# ---------------------------------------------------------------- input


def five(**changes: object) -> AssignmentInput:
    values: dict[str, object] = {
        "responsible_department_id": WORKSHOP,
        "responsible_person_id": RESPONSIBLE,
        "measures": " 更换机封 ",
        "funds": Decimal("1200.50"),
        "funds_source": "车间维修费",
        "deadline": None,
        "interim_measures": "设置警戒",
    }
    values.update(changes)
    return AssignmentInput(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"responsible_department_id": None}, "responsible_department_empty"),
        ({"responsible_person_id": None}, "responsible_person_empty"),
        ({"measures": "  "}, "measures_empty"),
        ({"measures": "x" * 2001}, "measures_too_long"),
        ({"measures": "更换\x1b机封"}, "text_control_characters"),
        ({"funds": Decimal("-1")}, "funds_negative"),
        ({"funds": Decimal("1e13")}, "funds_too_large"),
        ({"funds": Decimal("0.001")}, "funds_invalid"),
        ({"funds": Decimal("NaN")}, "funds_invalid"),
        ({"funds_source": "x" * 201}, "funds_source_too_long"),
    ],
)
def test_five_fixes_input_is_checked(changes, code):
    with pytest.raises(ValidationError) as info:
        validate_assignment(five(**changes), date(2026, 3, 10), date(2026, 3, 10))
    assert info.value.code == code


def test_five_fixes_are_cleaned_and_a_deadline_before_today_is_refused():
    clean = validate_assignment(five(), date(2026, 3, 10), date(2026, 3, 10))
    assert clean.measures == "更换机封" and clean.deadline == date(2026, 3, 10) and clean.funds == Decimal("1200.50")
    with pytest.raises(ValidationError, match="deadline_before_today"):
        validate_assignment(five(), date(2026, 3, 9), date(2026, 3, 10))


def plan(**changes: object) -> PlanInput:
    values: dict[str, object] = {
        "goal_and_tasks": "消除 T-305 储罐无高液位报警隐患",
        "methods_and_measures": "增设高液位报警及联锁",
        "funds_and_materials": "安措费 12 万元",
        "organisation_and_people": "罐区主任牵头",
        "time_limit": date(2026, 6, 30),
        "time_requirements": "6 月底前完成",
        "safety_and_emergency": "限量储存，加强巡检",
    }
    values.update(changes)
    return PlanInput(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"goal_and_tasks": ""}, "goal_and_tasks_empty"),
        ({"methods_and_measures": " "}, "methods_and_measures_empty"),
        ({"funds_and_materials": ""}, "funds_and_materials_empty"),
        ({"organisation_and_people": ""}, "organisation_and_people_empty"),
        ({"time_requirements": ""}, "time_requirements_empty"),
        ({"safety_and_emergency": ""}, "safety_and_emergency_empty"),
        ({"time_limit": None}, "time_limit_empty"),
        ({"time_limit": date(2026, 3, 9)}, "time_limit_before_today"),
        ({"stoppage": Stoppage.PARTIAL}, "stopped_since_empty"),
        ({"stopped_since": date(2026, 3, 1)}, "stopped_since_without_stoppage"),
        ({"stoppage": Stoppage.FULL, "stopped_since": date(2026, 3, 11)}, "stopped_since_future"),
        ({"reports": (PlanReport(ReportKind.REGULATOR, date(2026, 3, 11), "R-1"),)}, "report_date_future"),
        ({"reports": (PlanReport(ReportKind.REGULATOR, date(2026, 3, 9), " "),)}, "report_reference_empty"),
    ],
)
def test_the_treatment_plan_is_checked(changes, code):
    with pytest.raises(ValidationError) as info:
        validate_plan(plan(**changes), date(2026, 3, 10), new=True)
    assert info.value.code == code


def test_a_stored_plan_keeps_a_time_limit_that_has_passed():
    assert validate_plan(plan(time_limit=date(2026, 3, 1)), date(2026, 3, 10), new=False).time_limit == date(2026, 3, 1)


# ---------------------------------------------------------------- funds as typed (issue 12)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("", "0"),
        ("1000", "1000"),
        ("1,000.5", "1000.5"),
        ("12,500.00", "12500.00"),
        ("１２，５００．００", "12500.00"),  # full-width, as a Chinese input method types it
        ("3500元", "3500"),
        (" 0.05 ", "0.05"),
    ],
)
def test_funds_are_plain_decimal_amounts(typed, amount):
    from hazard_desktop.domain.rectification import parse_funds

    assert parse_funds(typed) == Decimal(amount)
    assert str(parse_funds(typed)) == amount


@pytest.mark.parametrize(
    "typed", ["1e3", "1E3", "-5", "+5", "1.234", "NaN", "Infinity", "1,00", "12,5000", "1.2.3", "¥100", "١٢٣", "0x10"]
)
def test_funds_refuse_anything_else(typed):
    from hazard_desktop.domain.rectification import parse_funds

    with pytest.raises(ValidationError) as info:
        parse_funds(typed)
    assert info.value.code == "funds_invalid"


def test_assignment_problems_lists_them_all():
    from hazard_desktop.domain.rectification import assignment_problems

    data = AssignmentInput(None, None, " ", Decimal("NaN"), "", None, "")
    day = date(2026, 3, 10)
    codes = [p.code for p in assignment_problems(data, day + timedelta(days=400), day)]
    assert codes == [
        "responsible_department_empty", "responsible_person_empty", "measures_empty", "funds_invalid",
        "deadline_too_far",
    ]  # fmt: skip

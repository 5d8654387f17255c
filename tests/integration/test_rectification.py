"""The rectification loop on the real storage: every use case, its refusals writing nothing, the timeline,
the register columns, due counts, settings and time zones."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from hazard_desktop import paths
from hazard_desktop.domain.errors import Conflict, DomainError, InvalidTransition, NotPermitted, ValidationError
from hazard_desktop.domain.grading import GradingMethod
from hazard_desktop.domain.hazards import HazardGrade, HazardInput, HazardStatus
from hazard_desktop.domain.rectification import (
    DEFAULT_DEADLINES,
    AcceptanceInput,
    AcceptanceResult,
    Action,
    AssignmentInput,
    DeadlineDefaults,
    Evaluation,
    Evaluator,
    ExtensionState,
    FiveLabels,
    NoteKind,
    PhotoStage,
    PlanInput,
    PlanReport,
    RectificationSettings,
    ReportKind,
    Stoppage,
    Supervision,
)
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services import rectification as svc
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.grading import CriterionEntry, ScoreEntry
from hazard_desktop.services.hazards import PhotoFile, create_hazard, save_hazard
from hazard_desktop.services.ports import PhotoKind
from tests.factories import decision_panel, hazard_input, list_checked, no_match
from tests.integration.test_hazard_services import jpeg

AT = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in the plant (北京时间)
DAY = date(2026, 3, 10)
GENERAL_BAND = [("3", "6", "3"), ("3", "6", "7"), ("1", "6", "7"), ("3", "6", "3"), ("3", "3", "7")]  # 67.8


@pytest.fixture(autouse=True)
def plant_time_zone(monkeypatch):
    """The computer's clock in China Standard Time (the plant's): plant days are local days."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def people(context):
    return ensure_people(context.uow())


def named(people, name):
    return next(p for group in people.values() for p in group if p.name == name)


class Cast:
    """The people of the loop (demo staff)."""

    def __init__(self, people):
        self.finder = named(people, "宋立新")  # HC1 inspector
        self.responsible = named(people, "唐志刚")  # HC1
        self.safety = named(people, "王丽萍")  # 安环部, safety officer
        self.safety2 = named(people, "孙海燕")  # 安环部
        self.leader = named(people, "陈建国")  # panel leader, 安环部
        self.acceptor = named(people, "周永明")  # 生产部
        self.other = named(people, "马俊")  # 设备部
        self.people = people


@pytest.fixture
def cast(people):
    return Cast(people)


def department(context, code):
    with context.uow() as uow:
        return next(d for d in uow.reference.departments() if d.code == code)


def new_hazard(context, cast, n=0, *, found_at=None):
    return create_hazard(
        context.uow(),
        hazard_input(
            context,
            cast.finder,
            description=f"隐患{n} 机封泄漏",
            department_id=department(context, "HC1").id,
            found_at=found_at or datetime(2026, 3, 1, 8, 0, tzinfo=UTC) + timedelta(hours=n),
        ),
    )


def panel(people, triples):
    codes = ("AHB", "SCB", "GH")
    used: dict[str, int] = {}
    entries = []
    for n, (lv, ev, cv) in enumerate(triples):
        code = codes[n % 3]
        person = people[code][used.get(code, 0)]
        used[code] = used.get(code, 0) + 1
        entries.append(ScoreEntry(person.id, lv, ev, cv))
    return entries


def grade_general(context, cast, hazard, triples=GENERAL_BAND, at=AT - timedelta(hours=1)):
    draft = grading_service.grade_hazard_by_lec(
        context.uow(), hazard.id, panel(cast.people, triples), cast.leader.id, at.date(), at=at, check=no_match(context)
    )
    grading_service.confirm_grading(context.uow(), draft.id, at=at + timedelta(minutes=5))
    return svc.load_view(context.uow(), hazard.id, today=at.date()).hazard


def grade_major(context, cast, hazard, *, confirm=True):
    setup = grading_service.grading_setup(context.uow(), DAY)
    draft = grading_service.grade_hazard_by_criteria(
        context.uow(),
        hazard.id,
        [CriterionEntry(setup.criteria[3].id, "T-305 无高液位报警")],
        cast.leader.id,
        DAY,
        panel=decision_panel(context, cast.leader.id),
        check=list_checked(context),
        at=AT,
    )
    if confirm:
        grading_service.confirm_grading(context.uow(), draft.id, at=AT + timedelta(minutes=5))
    return svc.load_view(context.uow(), hazard.id, today=DAY).hazard


def five(context, cast, **changes):
    values = {
        "responsible_department_id": department(context, "HC1").id,
        "responsible_person_id": cast.responsible.id,
        "measures": "更换 P-101A 机封",
        "funds": Decimal("3500.00"),
        "funds_source": "车间维修费用",
        "deadline": None,
        "interim_measures": "泄漏点下方放置接油盘，每班巡检两次",
    }
    values.update(changes)
    return AssignmentInput(**values)


def the_plan(**changes):
    values = {
        "goal_and_tasks": "消除 T-305 储罐无高液位报警的重大隐患",
        "methods_and_measures": "增设独立高液位报警和联锁切断",
        "funds_and_materials": "安措费 12 万元，仪表由设备部采购",
        "organisation_and_people": "罐区主任牵头，设备部、技术部配合",
        "time_limit": date(2026, 5, 31),
        "time_requirements": "5 月底前完成安装调试并投用",
        "safety_and_emergency": "限量储存至 60%，增加巡检，备好应急物资",
        "stoppage": Stoppage.PARTIAL,
        "stopped_since": date(2026, 3, 9),
        "reports": (
            PlanReport(ReportKind.REGULATOR, date(2026, 3, 9), "化工安监〔2026〕12号"),
            PlanReport(ReportKind.WORKERS_CONGRESS, date(2026, 3, 10), "职代会 2026-03"),
        ),
        "supervision": Supervision("区应急管理局", "督办〔2026〕3号", date(2026, 3, 10)),
        "cause": "设计时未设独立报警",
        "harm": "满罐溢出可致火灾爆炸",
        "difficulty": "需局部停产改造",
    }
    values.update(changes)
    return PlanInput(**values)


def photo(stage, n=0):
    return svc.StagedPhoto(PhotoFile(f"{stage.value}{n}.jpg", jpeg(64 + n, 48)), stage)


def snapshot(context):
    """Every row of every table: a refused action must leave them all as they were."""
    with sqlite3.connect(paths.database_path(context.data_dir)) as con:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'")
        ]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in tables}  # noqa: S608


def refused(context, call, code, kind=DomainError):
    before = snapshot(context)
    with pytest.raises(kind) as info:
        call()
    assert info.value.code == code, info.value
    assert snapshot(context) == before
    return info.value


# ---------------------------------------------------------------- a general hazard, the whole loop


def test_a_general_hazard_goes_through_the_whole_loop(context, cast):
    hazard = grade_general(context, cast, new_hazard(context, cast))
    assert svc.default_deadline_for(context.uow(), hazard.id, today=DAY) == DAY + timedelta(days=15)  # 一般危险

    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)
    assert hazard.status is HazardStatus.RECTIFYING
    assert (hazard.deadline, hazard.responsible_person_id, hazard.responsible_department_id) == (
        date(2026, 3, 25),
        cast.responsible.id,
        department(context, "HC1").id,
    )
    hazard = svc.add_note(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.responsible.id,
        "机封已订货",
        [photo(PhotoStage.BEFORE), photo(PhotoStage.PROGRESS)],
        context.images,
        at=AT + timedelta(days=2),
    )
    hazard = svc.request_extension(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.responsible.id,
        date(2026, 4, 5),
        "机封到货延迟",
        at=AT + timedelta(days=10),
    )
    assert hazard.extension_pending and hazard.deadline == date(2026, 3, 25)
    hazard = svc.approve_extension(
        context.uow(), hazard.id, hazard.revision, cast.safety.id, "同意", at=AT + timedelta(days=11)
    )
    assert not hazard.extension_pending and hazard.deadline == date(2026, 4, 5)
    hazard = svc.submit_for_acceptance(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.responsible.id,
        cast.acceptor.id,
        "已更换机封，试车无泄漏",
        [photo(PhotoStage.AFTER)],
        context.images,
        at=AT + timedelta(days=20),
    )
    assert (hazard.status, hazard.acceptor_id) == (HazardStatus.VERIFYING, cast.acceptor.id)
    hazard = svc.send_back(
        context.uow(), hazard.id, hazard.revision, cast.acceptor.id, "地面物料未清理", at=AT + timedelta(days=21)
    )
    assert (hazard.status, hazard.acceptor_id, hazard.deadline) == (HazardStatus.RECTIFYING, None, date(2026, 4, 5))
    hazard = svc.submit_for_acceptance(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.finder.id,
        cast.acceptor.id,
        "地面已清理",
        [photo(PhotoStage.AFTER, 1)],
        context.images,
        at=AT + timedelta(days=22),
    )
    closing = AT + timedelta(days=23, hours=15)  # 2026-04-02 17:00 UTC = 04-03 01:00 in the plant
    hazard = svc.accept(
        context.uow(), hazard.id, hazard.revision, cast.acceptor.id, AcceptanceInput("合格"), at=closing
    )
    assert (hazard.status, hazard.closed_on, hazard.acceptor_id) == (HazardStatus.CLOSED, date(2026, 4, 3), None)

    view = svc.load_view(context.uow(), hazard.id, today=date(2026, 4, 3))
    assert [t.action for t in view.timeline] == [
        Action.GRADE,
        Action.ASSIGN,
        Action.NOTE,
        Action.REQUEST_EXTENSION,
        Action.APPROVE_EXTENSION,
        Action.SUBMIT,
        Action.SEND_BACK,
        Action.SUBMIT,
        Action.ACCEPT,
    ]
    assert [(t.from_status, t.to_status) for t in view.timeline][:2] == [
        (HazardStatus.OPEN, HazardStatus.GRADED),
        (HazardStatus.GRADED, HazardStatus.RECTIFYING),
    ]
    assert view.timeline[6].reason == "地面物料未清理" and view.timeline[6].actor.name == cast.acceptor.name
    assert view.timeline[4].details["new_deadline"] == "2026-04-05"
    assert view.actions == frozenset() and view.days_left is None
    assert view.assignment is not None and view.assignment.original_deadline == date(2026, 3, 25)
    assert view.assignment.deadline == date(2026, 4, 5)
    assert [e.state for e in view.extensions] == [ExtensionState.APPROVED] and view.pending_extension is None
    assert [a.result for a in view.acceptances] == [AcceptanceResult.SENT_BACK, AcceptanceResult.ACCEPTED]
    assert view.closing is not None and view.closing.decided_on == date(2026, 4, 3)
    assert [n.kind for n in view.notes] == [NoteKind.PROGRESS, NoteKind.COMPLETION, NoteKind.COMPLETION]
    stages = [p.stage for n in view.notes for p in n.photos]
    assert stages == [PhotoStage.BEFORE, PhotoStage.PROGRESS, PhotoStage.AFTER, PhotoStage.AFTER]
    after = view.notes[-1].photos[0]
    assert svc.rectification_photo_bytes(context.uow(), after.id, PhotoKind.THUMB)
    assert svc.rectification_photo_bytes(context.uow(), after.id, PhotoKind.DISPLAY)


def test_the_register_reads_the_loop_columns_with_plain_sql(context, cast):
    hazard = grade_general(context, cast, new_hazard(context, cast))
    svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)
    with sqlite3.connect(paths.database_path(context.data_dir)) as con:
        row = con.execute(
            "SELECT status, deadline, responsible_person_id, extension_pending FROM hazards WHERE id = ?",
            (str(hazard.id),),
        ).fetchone()
        plan = con.execute(
            "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM hazards WHERE status = 'rectifying' AND deadline < '2026-04-01'"
        ).fetchall()
    assert row == ("rectifying", "2026-03-25", str(cast.responsible.id), 0)
    assert "ix_hazards_status_deadline" in str(plan)


# ---------------------------------------------------------------- refusals write nothing


def test_refusals_write_nothing_and_say_why(context, cast):
    hazard = grade_general(context, cast, new_hazard(context, cast))
    refused(
        context,
        lambda: svc.assign(context.uow(), hazard.id, hazard.revision, cast.responsible.id, five(context, cast), at=AT),
        "actor_not_safety",
        NotPermitted,
    )
    refused(
        context,
        lambda: svc.assign(context.uow(), hazard.id, hazard.revision - 1, cast.safety.id, five(context, cast), at=AT),
        "stale_revision",
        Conflict,
    )
    refused(
        context,
        lambda: svc.assign(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            five(context, cast, deadline=DAY - timedelta(days=1)),
            at=AT,
        ),
        "deadline_before_today",
        ValidationError,
    )
    refused(
        context,
        lambda: svc.assign(
            context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), the_plan(), at=AT
        ),
        "plan_for_major_only",
    )
    refused(
        context,
        lambda: svc.submit_for_acceptance(
            context.uow(), hazard.id, hazard.revision, cast.responsible.id, cast.acceptor.id, "完成", at=AT
        ),
        "action_not_allowed",
        InvalidTransition,
    )
    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)
    refused(
        context,
        lambda: svc.submit_for_acceptance(
            context.uow(), hazard.id, hazard.revision, cast.responsible.id, cast.responsible.id, "完成", at=AT
        ),
        "acceptor_is_actor",
    )
    refused(
        context,
        lambda: svc.submit_for_acceptance(
            context.uow(), hazard.id, hazard.revision, cast.finder.id, cast.responsible.id, "完成", at=AT
        ),
        "acceptor_is_responsible",
    )
    refused(
        context,
        lambda: svc.request_extension(
            context.uow(), hazard.id, hazard.revision, cast.responsible.id, date(2026, 3, 25), "再等等", at=AT
        ),
        "extension_not_later",
    )
    refused(
        context,
        lambda: svc.revise_assignment(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            five(context, cast, deadline=date(2026, 4, 30)),
            "改期",
            at=AT,
        ),
        "deadline_changed",
    )
    refused(
        context,
        lambda: svc.revise_assignment(
            context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), "无变化", at=AT
        ),
        "revise_no_change",
    )
    hazard = svc.request_extension(
        context.uow(), hazard.id, hazard.revision, cast.responsible.id, date(2026, 4, 5), "备件", at=AT
    )
    refused(
        context,
        lambda: svc.approve_extension(context.uow(), hazard.id, hazard.revision, cast.responsible.id, at=AT),
        "actor_not_safety",
    )
    refused(
        context,
        lambda: svc.refuse_extension(context.uow(), hazard.id, hazard.revision, cast.safety.id, " ", at=AT),
        "reason_empty",
    )
    hazard = svc.refuse_extension(context.uow(), hazard.id, hazard.revision, cast.safety.id, "按期完成", at=AT)
    assert (hazard.deadline, hazard.extension_pending) == (date(2026, 3, 25), False)
    hazard = svc.submit_for_acceptance(
        context.uow(), hazard.id, hazard.revision, cast.responsible.id, cast.acceptor.id, "完成", at=AT
    )
    refused(
        context,
        lambda: svc.accept(
            context.uow(), hazard.id, hazard.revision, cast.responsible.id, AcceptanceInput("好"), at=AT
        ),
        "actor_is_responsible",
    )
    refused(
        context,
        lambda: svc.accept(context.uow(), hazard.id, hazard.revision, cast.other.id, AcceptanceInput("好"), at=AT),
        "actor_not_acceptor",
    )
    refused(
        context,
        lambda: svc.send_back(context.uow(), hazard.id, hazard.revision, cast.acceptor.id, "", at=AT),
        "reason_empty",
    )
    refused(
        context,
        lambda: svc.accept(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.acceptor.id,
            AcceptanceInput("好", group_ids=(cast.safety.id,)),
            at=AT,
        ),
        "group_for_major_only",
    )
    refused(  # no closing out with one click and no word (issue 12)
        context,
        lambda: svc.accept(context.uow(), hazard.id, hazard.revision, cast.safety2.id, AcceptanceInput("  "), at=AT),
        "remarks_empty",
    )
    hazard = svc.accept(context.uow(), hazard.id, hazard.revision, cast.safety2.id, AcceptanceInput("合格"), at=AT)
    assert hazard.status is HazardStatus.CLOSED  # 安环部 may accept a 一般 hazard it was not asked to
    refused(
        context,
        lambda: svc.send_back(context.uow(), hazard.id, hazard.revision, cast.safety.id, "再看看", at=AT),
        "hazard_closed",
    )


def test_the_responsible_person_belongs_to_the_responsible_department(context, cast):
    """Issue 12: 设备部's 马俊 was accepted as 责任人 of a rectification HC1 answers for."""
    hazard = grade_general(context, cast, new_hazard(context, cast))
    refused(
        context,
        lambda: svc.assign(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            five(context, cast, responsible_person_id=cast.other.id),
            at=AT,
        ),  # fmt: skip
        "responsible_person_other_department",
        ValidationError,
    )
    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)
    refused(
        context,
        lambda: svc.revise_assignment(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            five(context, cast, responsible_person_id=cast.other.id),
            "换人",
            at=AT,
        ),  # fmt: skip
        "responsible_person_other_department",
        ValidationError,
    )


def test_a_general_deadline_lies_within_a_year_of_the_assignment(context, cast):
    hazard = grade_general(context, cast, new_hazard(context, cast))
    error = refused(
        context,
        lambda: svc.assign(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            five(context, cast, deadline=date(2027, 12, 27)),
            at=AT,
        ),  # fmt: skip
        "deadline_too_far",
        ValidationError,
    )
    assert error.params["max"] == 366
    hazard = svc.assign(
        context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast, deadline=DAY + timedelta(366)),
        at=AT,
    )  # fmt: skip
    assert hazard.deadline == DAY + timedelta(366)


def test_an_ungraded_hazard_cannot_be_assigned(context, cast):
    hazard = new_hazard(context, cast)
    refused(
        context,
        lambda: svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT),
        "hazard_not_graded",
    )


def test_an_inactive_or_unknown_actor_is_refused(context, cast):
    hazard = grade_general(context, cast, new_hazard(context, cast))
    import dataclasses
    import uuid

    refused(
        context,
        lambda: svc.assign(context.uow(), hazard.id, hazard.revision, uuid.uuid4(), five(context, cast), at=AT),
        "person_unknown",
    )
    with context.uow() as uow:
        uow.reference.save_person(dataclasses.replace(cast.safety2, active=False))
        uow.commit()
    refused(
        context,
        lambda: svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety2.id, five(context, cast), at=AT),
        "person_inactive",
    )


# ---------------------------------------------------------------- every state × every use case


def edited(hazard, **changes):
    """The editor's input for ``hazard`` as stored, with ``changes``."""
    values = {
        "description": hazard.description,
        "location": hazard.location,
        "department_id": hazard.department_id,
        "category_code": hazard.category_code,
        "subcategory_code": hazard.subcategory_code,
        "found_by_id": hazard.found_by_id,
        "found_at": hazard.found_at,
        "equipment_tag": hazard.equipment_tag,
    }
    values.update(changes)
    return HazardInput(**values)


def _call(context, cast, action, hazard):
    h, rev = hazard.id, hazard.revision
    calls = {
        Action.EDIT: lambda: save_hazard(
            context.uow(), h, rev, edited(hazard, description="新描述"), actor_id=cast.safety.id
        ),
        Action.ASSIGN: lambda: svc.assign(context.uow(), h, rev, cast.safety.id, five(context, cast), at=AT),
        Action.REVISE: lambda: svc.revise_assignment(
            context.uow(), h, rev, cast.safety.id, five(context, cast, measures="新措施"), "调整", at=AT
        ),
        Action.SAVE_PLAN: lambda: svc.save_plan(context.uow(), h, rev, cast.safety.id, the_plan(), at=AT),
        Action.NOTE: lambda: svc.add_note(context.uow(), h, rev, cast.responsible.id, "进展", at=AT),
        Action.REQUEST_EXTENSION: lambda: svc.request_extension(
            context.uow(), h, rev, cast.responsible.id, date(2026, 6, 30), "备件", at=AT
        ),
        Action.APPROVE_EXTENSION: lambda: svc.approve_extension(context.uow(), h, rev, cast.safety.id, at=AT),
        Action.REFUSE_EXTENSION: lambda: svc.refuse_extension(context.uow(), h, rev, cast.safety.id, "不同意", at=AT),
        Action.SUBMIT: lambda: svc.submit_for_acceptance(
            context.uow(), h, rev, cast.responsible.id, cast.acceptor.id, "完成", at=AT
        ),
        Action.ACCEPT: lambda: svc.accept(context.uow(), h, rev, cast.acceptor.id, AcceptanceInput("合格"), at=AT),
        Action.SEND_BACK: lambda: svc.send_back(context.uow(), h, rev, cast.acceptor.id, "不合格", at=AT),
        Action.ON_THE_SPOT: lambda: svc.fix_on_the_spot(
            context.uow(),
            h,
            rev,
            cast.finder.id,
            "已拧紧",
            cast.acceptor.id,
            [photo(PhotoStage.AFTER)],
            context.images,
            at=AT,
        ),
    }
    return calls[action]()


def _reach(context, cast, status, n):
    """A 一般 hazard brought to ``status`` through the use cases."""
    hazard = new_hazard(context, cast, n)
    if status is HazardStatus.OPEN:
        return hazard
    hazard = grade_general(context, cast, hazard)
    if status is HazardStatus.GRADED:
        return hazard
    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)
    if status is HazardStatus.RECTIFYING:
        return hazard
    hazard = svc.submit_for_acceptance(
        context.uow(), hazard.id, hazard.revision, cast.responsible.id, cast.acceptor.id, "完成", at=AT
    )
    if status is HazardStatus.VERIFYING:
        return hazard
    return svc.accept(context.uow(), hazard.id, hazard.revision, cast.acceptor.id, AcceptanceInput("合格"), at=AT)


@pytest.mark.parametrize("status", list(HazardStatus))
def test_every_use_case_in_every_state_does_what_the_state_machine_says(context, cast, status):
    from tests.unit.domain.test_rectification_rules import MATRIX

    for n, action in enumerate(a for a in Action if a is not Action.GRADE):
        hazard = _reach(context, cast, status, n)
        expected = MATRIX[status][action]
        if expected == "ok":
            after = _call(context, cast, action, hazard)
            assert after.revision == hazard.revision + 1
            target = {
                Action.ASSIGN: HazardStatus.RECTIFYING,
                Action.SUBMIT: HazardStatus.VERIFYING,
                Action.ACCEPT: HazardStatus.CLOSED,
                Action.SEND_BACK: HazardStatus.RECTIFYING,
                Action.ON_THE_SPOT: HazardStatus.VERIFYING,
            }.get(action, status)
            assert after.status is target, action
            assert svc.timeline(context.uow(), hazard.id)[-1].action is action
        else:
            if action is Action.EDIT and expected == "hazard_closed":
                expected = "hazard_closed_read_only"  # the editor's own sentence
            refused(context, lambda a=action, h=hazard: _call(context, cast, a, h), expected)


# ---------------------------------------------------------------- a major hazard


def test_a_major_hazard_needs_its_plan_its_group_and_its_evaluation(context, cast):
    hazard = grade_major(context, cast, new_hazard(context, cast))
    assert hazard.grade is HazardGrade.MAJOR and svc.default_deadline_for(context.uow(), hazard.id, today=DAY) is None
    refused(
        context,
        lambda: svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT),
        "plan_required",
    )
    refused(
        context,
        lambda: svc.assign(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            five(context, cast, deadline=date(2026, 4, 1)),
            the_plan(),
            at=AT,
        ),
        "deadline_not_plan",
    )
    hazard = svc.assign(
        context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), the_plan(), at=AT
    )
    assert hazard.deadline == date(2026, 5, 31)
    view = svc.load_view(context.uow(), hazard.id, today=DAY)
    assert view.plan is not None and view.plan.reports[0].reference == "化工安监〔2026〕12号"
    assert view.plan.supervision == Supervision("区应急管理局", "督办〔2026〕3号", date(2026, 3, 10))
    assert (view.plan.stoppage, view.plan.stopped_since, view.plan.cause) == (
        Stoppage.PARTIAL,
        date(2026, 3, 9),
        "设计时未设独立报警",
    )
    assert view.days_left == (date(2026, 5, 31) - DAY).days
    # the plan moves on: the regulator agreed a later time limit
    hazard = svc.save_plan(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.safety.id,
        the_plan(time_limit=date(2026, 6, 30)),
        at=AT + timedelta(days=1),
    )
    assert hazard.deadline == date(2026, 6, 30)
    hazard = svc.request_extension(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.responsible.id,
        date(2026, 7, 31),
        "设备到货延迟",
        at=AT + timedelta(days=2),
    )
    hazard = svc.approve_extension(context.uow(), hazard.id, hazard.revision, cast.leader.id, at=AT + timedelta(days=3))
    view = svc.load_view(context.uow(), hazard.id, today=DAY)
    assert hazard.deadline == date(2026, 7, 31) and view.plan is not None and view.plan.time_limit == date(2026, 7, 31)
    hazard = svc.submit_for_acceptance(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.responsible.id,
        cast.safety.id,
        "报警联锁已投用",
        [photo(PhotoStage.AFTER)],
        context.images,
        at=AT + timedelta(days=60),
    )
    later = AT + timedelta(days=61)
    evaluation = Evaluation(Evaluator.AGENCY, "某安全评价有限公司", "PJ-2026-018", date(2026, 5, 9), "治理有效")
    group = (cast.safety.id, cast.acceptor.id, cast.other.id)
    refused(
        context,
        lambda: svc.accept(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            AcceptanceInput("合格", group[:2], evaluation),
            at=later,
        ),
        "group_too_small",
    )
    refused(
        context,
        lambda: svc.accept(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.acceptor.id,
            AcceptanceInput("合格", (cast.acceptor.id, cast.other.id, cast.finder.id), evaluation),
            at=later,
        ),
        "group_needs_safety",
    )
    refused(
        context,
        lambda: svc.accept(
            context.uow(), hazard.id, hazard.revision, cast.safety.id, AcceptanceInput("合格", group), at=later
        ),
        "evaluation_required",
    )
    refused(
        context,
        lambda: svc.accept(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.safety.id,
            AcceptanceInput("合格", (*group[1:], cast.responsible.id), evaluation),
            at=later,
        ),
        "group_without_actor",
    )
    hazard = svc.accept(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.safety.id,
        AcceptanceInput("合格，同意销号", group, evaluation),
        at=later,
    )
    closing = svc.load_view(context.uow(), hazard.id).closing
    assert closing is not None and [p.name for p in closing.group] == [
        cast.safety.name,
        cast.acceptor.name,
        cast.other.name,
    ]
    assert closing.evaluation == evaluation and closing.group[0].department_name == "安环部"


def test_regrading_keeps_the_assignment(context, cast):
    hazard = grade_general(context, cast, new_hazard(context, cast))
    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)
    before = svc.load_view(context.uow(), hazard.id, today=DAY)
    with context.uow() as uow:
        graded = [g for g in uow.gradings.history_for(hazard.id) if g.confirmed][-1]
    setup = grading_service.grading_setup(context.uow(), DAY)
    request = grading_service.GradingRequest(
        hazard.id,
        GradingMethod.CRITERIA,
        criteria=(CriterionEntry(setup.criteria[3].id, "新证据：无高液位报警"),),
        panel=decision_panel(context, cast.leader.id),
        check=list_checked(context),
    )
    later = AT + timedelta(days=1)
    draft = grading_service.correct_grading(context.uow(), graded.id, request, "新证据", DAY, cast.leader.id, at=later)
    grading_service.confirm_grading(context.uow(), draft.id, at=later)
    after = svc.load_view(context.uow(), hazard.id, today=DAY)
    assert after.hazard.grade is HazardGrade.MAJOR and after.hazard.status is HazardStatus.RECTIFYING
    assert after.assignment == before.assignment and after.hazard.deadline == before.hazard.deadline
    assert after.timeline[-1].action is Action.GRADE and after.timeline[-1].details["correction"] is True
    assert Action.SAVE_PLAN in after.actions  # now 重大: the plan can be added while the loop goes on


# ---------------------------------------------------------------- on the spot


def test_a_hazard_fixed_on_the_spot_still_needs_a_second_persons_acceptance(context, cast):
    hazard = new_hazard(context, cast)  # 待定级: fixed when found

    def fix(actor, acceptor, stage):
        return lambda: svc.fix_on_the_spot(
            context.uow(),
            hazard.id,
            hazard.revision,
            actor.id,
            "已紧固",
            acceptor.id,
            [photo(stage)],
            context.images,
            at=AT,
        )

    refused(context, fix(cast.finder, cast.acceptor, PhotoStage.BEFORE), "after_photo_required")
    refused(context, fix(cast.responsible, cast.acceptor, PhotoStage.AFTER), "actor_not_finder")
    refused(context, fix(cast.finder, cast.finder, PhotoStage.AFTER), "acceptor_is_actor")
    hazard = svc.fix_on_the_spot(
        context.uow(),
        hazard.id,
        hazard.revision,
        cast.finder.id,
        "已紧固法兰螺栓",
        cast.acceptor.id,
        [photo(PhotoStage.BEFORE), photo(PhotoStage.AFTER, 1)],
        context.images,
        at=AT,
    )
    assert (hazard.status, hazard.acceptor_id, hazard.responsible_person_id, hazard.deadline) == (
        HazardStatus.VERIFYING,
        cast.acceptor.id,
        cast.finder.id,
        DAY,
    )
    refused(
        context,
        lambda: svc.accept(context.uow(), hazard.id, hazard.revision, cast.acceptor.id, AcceptanceInput("合格"), at=AT),
        "acceptance_needs_grade",
    )
    hazard = grade_general(context, cast, hazard, at=AT + timedelta(hours=1))
    assert hazard.status is HazardStatus.VERIFYING  # grading keeps the loop's state
    refused(
        context,
        lambda: svc.accept(context.uow(), hazard.id, hazard.revision, cast.finder.id, AcceptanceInput("合格"), at=AT),
        "actor_is_responsible",
    )
    hazard = svc.accept(
        context.uow(), hazard.id, hazard.revision, cast.acceptor.id, AcceptanceInput("合格"), at=AT + timedelta(hours=2)
    )
    view = svc.load_view(context.uow(), hazard.id)
    assert view.assignment is not None and view.assignment.on_the_spot
    assert [t.action for t in view.timeline] == [Action.ON_THE_SPOT, Action.GRADE, Action.ACCEPT]
    assert [p.stage for p in view.notes[0].photos] == [PhotoStage.BEFORE, PhotoStage.AFTER]


def test_a_hazard_citing_a_major_criterion_is_never_fixed_on_the_spot(context, cast):
    hazard = new_hazard(context, cast)
    grade_major(context, cast, hazard, confirm=False)  # only a draft cites it
    hazard = svc.load_view(context.uow(), hazard.id).hazard
    refused(
        context,
        lambda: svc.fix_on_the_spot(
            context.uow(),
            hazard.id,
            hazard.revision,
            cast.finder.id,
            "已处理",
            cast.acceptor.id,
            [photo(PhotoStage.AFTER)],
            context.images,
            at=AT,
        ),
        "on_the_spot_not_for_major",
    )


# ---------------------------------------------------------------- due counts, time zones, settings


def test_due_counts_and_list(context, cast):
    hazards = [grade_general(context, cast, new_hazard(context, cast, n)) for n in range(4)]
    deadlines = [date(2026, 3, 10), date(2026, 3, 12), date(2026, 3, 17), date(2026, 3, 18)]
    for hazard, deadline in zip(hazards, deadlines, strict=True):
        svc.assign(
            context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast, deadline=deadline), at=AT
        )
    last = svc.load_view(context.uow(), hazards[3].id).hazard
    svc.submit_for_acceptance(
        context.uow(), last.id, last.revision, cast.responsible.id, cast.acceptor.id, "完成", at=AT
    )
    today = date(2026, 3, 11)
    assert svc.due_counts(context.uow(), today) == svc.DueCounts(overdue=1, due_soon=2, awaiting_acceptance=1)
    assert svc.due_counts(context.uow(), today, within_days=5, person_id=cast.safety.id) == svc.DueCounts(1, 1, 0)
    assert svc.due_counts(context.uow(), today, person_id=cast.acceptor.id).awaiting_acceptance == 1
    items = svc.due_list(context.uow(), today)
    assert [(i.number, i.days_left) for i in items] == [
        (hazards[0].number, -1),
        (hazards[1].number, 1),
        (hazards[2].number, 6),
    ]


@pytest.mark.parametrize(
    ("zone", "day"), [("Asia/Shanghai", date(2027, 1, 1)), ("America/New_York", date(2026, 12, 31))]
)
def test_immediate_deadlines_are_the_plant_day_across_the_year_end(context, cast, monkeypatch, zone, day):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    svc.save_settings(context.uow(), RectificationSettings(None, DeadlineDefaults((("general", 0),), 0)))
    new_year = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    hazard = grade_general(
        context,
        cast,
        new_hazard(context, cast, found_at=datetime(2026, 12, 1, tzinfo=UTC)),
        at=datetime(2026, 12, 2, 2, 0, tzinfo=UTC),
    )
    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=new_year)
    assert hazard.deadline == day == svc.plant_today(new_year)
    assert svc.load_view(context.uow(), hazard.id, today=day + timedelta(days=1)).days_left == -1


def test_settings_round_trip_and_are_checked(context):
    assert svc.load_settings(context.uow()) == RectificationSettings(None, DEFAULT_DEADLINES)
    mine = RectificationSettings(
        FiveLabels("定责任人", " 定整改措施 ", "定资金", "定完成时限", "定应急预案"),
        DeadlineDefaults((("extreme", 0), ("high", 1), ("significant", 10), ("general", 20), ("slight", 45)), 3),
    )
    saved = svc.save_settings(context.uow(), mine)
    assert saved.labels is not None and saved.labels.measures == "定整改措施"
    assert svc.load_settings(context.uow()) == saved
    for bad, code in [
        (RectificationSettings(FiveLabels("", "b", "c", "d", "e"), DEFAULT_DEADLINES), "five_label_empty"),
        (RectificationSettings(FiveLabels("a" * 21, "b", "c", "d", "e"), DEFAULT_DEADLINES), "five_label_too_long"),
        (RectificationSettings(None, DeadlineDefaults((("high", -1),), 0)), "deadline_days_invalid"),
        (RectificationSettings(None, DeadlineDefaults((), 9999)), "deadline_days_invalid"),
    ]:
        refused(context, lambda b=bad: svc.save_settings(context.uow(), b), code)
    svc.save_settings(context.uow(), RectificationSettings(None, DEFAULT_DEADLINES))
    assert svc.load_settings(context.uow()).labels is None


def test_the_status_bar_counts_at_start_need_no_sqlalchemy_and_agree(context, cast):
    from hazard_desktop.app import build_context, close_context

    hazards = [grade_general(context, cast, new_hazard(context, cast, n)) for n in range(3)]
    for hazard, deadline in zip(hazards, [date(2026, 3, 10), date(2026, 3, 12), date(2026, 3, 20)], strict=True):
        svc.assign(
            context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast, deadline=deadline), at=AT
        )
    last = svc.load_view(context.uow(), hazards[2].id).hazard
    svc.submit_for_acceptance(
        context.uow(), last.id, last.revision, cast.responsible.id, cast.acceptor.id, "完成", at=AT
    )
    today = date(2026, 3, 11)
    expected = [svc.due_counts(context.uow(), today, person_id=p) for p in (None, cast.acceptor.id, cast.safety.id)]
    lazy = build_context(context.data_dir, lazy=True)
    try:
        found = [svc.due_counts(lazy.uow(), today, person_id=p) for p in (None, cast.acceptor.id, cast.safety.id)]
        assert not lazy.storage.is_open  # plain SQL (adapters/start_reads.py), as the window's first paint needs
    finally:
        close_context(lazy)
    assert found == expected == [svc.DueCounts(1, 1, 1), svc.DueCounts(1, 1, 1), svc.DueCounts(1, 1, 0)]


def test_refusals_tell_each_person_what_they_may_do_now(context, cast):
    hazard = grade_general(context, cast, new_hazard(context, cast))
    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)

    def allowed(person):
        return {a for a, err in svc.refusals(context.uow(), hazard.id, person.id).items() if err is None}

    assert allowed(cast.responsible) == {Action.NOTE, Action.REQUEST_EXTENSION, Action.SUBMIT}
    assert allowed(cast.safety) == {Action.REVISE, Action.NOTE}
    assert allowed(cast.acceptor) == set()
    codes = svc.refusals(context.uow(), hazard.id, cast.acceptor.id)
    assert codes[Action.SUBMIT].code == "actor_not_responsible" and codes[Action.ACCEPT].code == "action_not_allowed"
    # what refusals allows, the use case does
    after = svc.submit_for_acceptance(
        context.uow(), hazard.id, hazard.revision, cast.responsible.id, cast.acceptor.id, "完成", at=AT
    )
    assert allowed(cast.acceptor) == {Action.ACCEPT, Action.SEND_BACK} and after.status is HazardStatus.VERIFYING
    assert svc.refusals(context.uow(), hazard.id, cast.responsible.id)[Action.ACCEPT].code == "actor_is_responsible"


# ---------------------------------------------------------------- edits after 待定级 (issue 12)


def test_an_edit_after_grading_is_in_the_timeline_and_a_closed_hazard_is_read_only(context, cast):
    hazard = new_hazard(context, cast)
    hazard = save_hazard(context.uow(), hazard.id, hazard.revision, edited(hazard, location="泵区东"))
    assert list(svc.timeline(context.uow(), hazard.id)) == []  # 待定级: the register's draft stage, no history yet
    hazard = grade_general(context, cast, hazard)
    refused(
        context,
        lambda: save_hazard(context.uow(), hazard.id, hazard.revision, edited(hazard, description="改")),
        "editor_empty",
        ValidationError,
    )
    hazard = save_hazard(
        context.uow(), hazard.id, hazard.revision,
        edited(hazard, description="隐患0 机封泄漏（复核）", location="泵区西"), actor_id=cast.safety.id,
    )  # fmt: skip
    step = svc.timeline(context.uow(), hazard.id)[-1]
    assert step.action is Action.EDIT and step.from_status is step.to_status is HazardStatus.GRADED
    assert step.actor.name == cast.safety.name and step.at == hazard.updated_at
    assert step.details == {"changed": ["description", "location"], "photos_added": 0, "photos_removed": 0}
    hazard = svc.assign(context.uow(), hazard.id, hazard.revision, cast.safety.id, five(context, cast), at=AT)
    hazard = svc.submit_for_acceptance(
        context.uow(), hazard.id, hazard.revision, cast.responsible.id, cast.acceptor.id, "完成", at=AT
    )
    hazard = svc.accept(context.uow(), hazard.id, hazard.revision, cast.acceptor.id, AcceptanceInput("合格"), at=AT)
    error = refused(
        context,
        lambda: save_hazard(
            context.uow(), hazard.id, hazard.revision, edited(hazard, description="改"), actor_id=cast.safety.id
        ),
        "hazard_closed_read_only",
    )
    assert error.params["number"] == hazard.number

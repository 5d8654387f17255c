"""Demo rectification: the graded demo hazards go through the rectification loop's use cases, so the demo
shows every state the loop knows — overdue, due soon, extended, an extension waiting, sent back, awaiting
acceptance, fixed on the spot, a 重大 hazard under its treatment plan with its reports, and closed hazards
with before/after photos (when the demo makes photos).

Deterministic for a given register and seed. Every step is a use case dated in the past (``at``), in the
order a plant would do it: 下达整改 the day after grading, progress, 延期, 申请验收, 退回 or 验收.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.grading_states import DisputeState
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import (
    AcceptanceInput,
    AssignmentInput,
    Evaluation,
    Evaluator,
    PhotoStage,
    PlanInput,
    PlanReport,
    ReportKind,
    Stoppage,
    Supervision,
)
from hazard_desktop.domain.reference import DepartmentKind, Person, Role
from hazard_desktop.services.hazards import PhotoFile, get_hazard
from hazard_desktop.services.ports import ImageProcessor, UnitOfWork
from hazard_desktop.services.rectification import (
    StagedPhoto,
    accept,
    add_note,
    approve_extension,
    assign,
    fix_on_the_spot,
    load_view,
    refuse_extension,
    request_extension,
    revise_assignment,
    save_plan,
    send_back,
    submit_for_acceptance,
)

log = logging.getLogger(__name__)

UowFactory = Callable[[], UnitOfWork]

# 定措施 by the hazard's category (GB/T 45001-style classes of the rule), naming its equipment or place, so a
# measure reads as written for its hazard (issue 12: "更换密封件" against a missing record was not plausible).
_MEASURES = {
    "4.5": "{where}按工艺卡片恢复控制指标和操作要求，危险化学品按规定存放，班组长每班检查确认",
    "4.6": "{where}停用检修，修复或更换损坏部件，恢复安全设施完好，经设备部确认后投用",
    "4.7": "{where}作业立即纠正，按作业许可要求补齐票证和监护措施，对作业人员进行安全交底",
    "4.8": "{where}清理现场，恢复定置管理、安全通道和标识，纳入班组5S检查",
    "4.9": "针对{what}完善相关管理制度和台账记录，组织相关人员专项培训并考核",
    "4.10": "{where}按车间整改方案处理，安环部复查确认",
}
_INTERIM = "整改期间设置警戒区，每班巡检两次，备好应急器材"
_SENT_BACK = "现场复查整改不彻底，未达到整改要求"
_EXTENSION = "备件采购周期长，需延期完成"
# What the newest graded 一般 hazards are left showing, newest first (a 重大 one takes its own path).
_SCENARIOS = (
    "waiting",
    "due_soon",
    "pending",
    "overdue",
    "sent_back",
    "verifying",
    "due_soon",
    "overdue",
    "due_soon",
    "pending",
    "verifying",
    "overdue",
    "due_soon",
    "sent_back",
)


@dataclass(frozen=True, slots=True)
class DemoRectificationResult:
    """How many demo hazards ended where (for the log and the tests)."""

    assigned: int
    closed: int
    verifying: int
    overdue: int
    sent_back: int
    extended: int
    on_the_spot: int
    major_plans: int


def _at(day: date, hour: int = 1, minute: int = 30) -> datetime:
    """A UTC time stamp on ``day`` (01:30 UTC is 09:30 at the plant)."""
    return datetime.combine(day, time(hour, minute), UTC)


class _Staff:
    """Who plays which part: safety officers assign and approve, a workshop's people rectify, others accept."""

    def __init__(self, uow: UnitOfWork) -> None:
        with uow:
            departments = {d.id: d for d in uow.reference.departments()}
            people = [p for p in uow.reference.people() if p.department_id in departments]
        self.kinds = {d.id: d.kind for d in departments.values()}
        self.codes = {d.id: d.code for d in departments.values()}
        self.by_department: dict[uuid.UUID, list[Person]] = {}
        for person in people:
            self.by_department.setdefault(person.department_id, []).append(person)
        self.safety = [
            p for p in people if Role.SAFETY_OFFICER in p.roles or self.kinds[p.department_id] is DepartmentKind.SAFETY
        ]
        self.others = [p for p in people if self.kinds[p.department_id] is DepartmentKind.PRODUCTION]
        self.others += [p for p in people if self.codes[p.department_id] == "SBB"]

    def ready(self) -> bool:
        return len(self.safety) >= 2 and len(self.others) >= 2

    def responsible(self, hazard: Hazard) -> Person | None:
        """Someone of the hazard's department other than its finder (the finder if alone)."""
        staff = self.by_department.get(hazard.department_id, [])
        others = [p for p in staff if p.id != hazard.found_by_id]
        chosen = others or staff
        return chosen[0] if chosen else None

    def safety_not(self, *excluded: object) -> Person:
        return next(p for p in self.safety if p.id not in excluded)

    def acceptor_not(self, *excluded: object) -> Person:
        return next(p for p in (*self.others, *self.safety) if p.id not in excluded)


def _photos(maker: Callable[[int], bytes] | None, seed: int, *stages: PhotoStage) -> list[StagedPhoto]:
    if maker is None:
        return []
    return [
        StagedPhoto(PhotoFile(f"ZG_{seed:04d}_{n}_{stage.value}.jpg", maker(seed * 7 + n)), stage)
        for n, stage in enumerate(stages)
    ]


def _measures(hazard: Hazard) -> str:
    """The 定措施 of ``hazard``: its category's kind of measure, for its equipment (or place)."""
    template = _MEASURES.get(hazard.category_code, _MEASURES["4.10"])
    where = f"对 {hazard.equipment_tag} " if hazard.equipment_tag else f"对{hazard.location}"
    what = hazard.description.split("，")[0][:40]
    return template.format(where=where, what=f"“{what}”")


def _graded_on(uow: UnitOfWork, hazard_id: uuid.UUID) -> date | None:
    with uow:
        confirmed = [g for g in uow.gradings.history_for(hazard_id) if g.confirmed]
        disputed = any(d.state is DisputeState.OPEN for d in uow.gradings.disputes_for(hazard_id))
    if disputed or not confirmed:
        return None
    return max(g.graded_on for g in confirmed)


def _stays_open(assigned: date, today: date, index: int) -> bool:
    """A 重大 hazard still under treatment: a recent one, or every third of the last 300 days."""
    return assigned + timedelta(days=70) >= today or (index % 3 == 0 and (today - assigned).days < 300)


def _plan(hazard: Hazard, assigned: date, reference: date | None) -> PlanInput:
    """``reference``: today for a plan still running (its time limit not yet passed), None for one finished."""
    limit = assigned + timedelta(days=90)
    if reference is not None:
        limit = max(limit, reference + timedelta(days=20))
    return PlanInput(
        goal_and_tasks=f"彻底消除重大事故隐患：{hazard.description[:60]}",
        methods_and_measures="制定专项施工方案，增设独立报警与联锁，完成后组织验收评估",
        funds_and_materials="安全生产费用列支 18 万元；仪表、阀门由设备部采购",
        organisation_and_people="总经理任组长，安环部、设备部、所在车间负责人为成员，车间主任具体负责",
        time_limit=limit,
        time_requirements=f"{limit.isoformat()} 前完成治理并申请验收",
        safety_and_emergency="治理期间局部停产、降低储量，设置警戒区，落实应急预案和应急物资",
        stoppage=Stoppage.PARTIAL,
        stopped_since=assigned,
        reports=(PlanReport(ReportKind.REGULATOR, assigned, f"安报〔{assigned.year}〕{assigned.month:02d}号"),),
        supervision=Supervision("区应急管理局", f"督办〔{assigned.year}〕{assigned.day}号", assigned),
        cause="设计及改造时未按现行标准设置安全设施",
        harm="一旦失控可能引发火灾、爆炸或中毒事故，危及作业人员及周边",
        difficulty="需局部停产并采购专用设备，整改难度较大",
    )


def rectify_demo(
    uow_factory: UowFactory,
    hazards: Sequence[Hazard],
    reference: datetime,
    images: ImageProcessor,
    photo_maker: Callable[[int], bytes] | None,
    *,
    seed: int = 2026,
) -> DemoRectificationResult:
    """Take the graded demo ``hazards`` through the loop; the first few ungraded ones are fixed on the spot."""
    staff = _Staff(uow_factory())
    if not staff.ready():
        log.info("demo rectification skipped: too few safety officers or acceptors")
        return DemoRectificationResult(0, 0, 0, 0, 0, 0, 0, 0)
    rng = random.Random(seed + 12)
    today = reference.date()
    counts = dict.fromkeys(DemoRectificationResult.__dataclass_fields__, 0)
    outcomes: list[list[str]] = []
    spot = 3 if photo_maker is not None else 0
    for index, original in enumerate(reversed(hazards)):  # the newest finds: fixed on the spot when found
        if not spot:
            break
        hazard = _current(uow_factory, original.id)
        if hazard.status is HazardStatus.OPEN and _cites_nothing(uow_factory(), hazard):
            outcomes.append(_step(_on_the_spot, uow_factory, staff, hazard, reference, images, photo_maker, index))
            spot -= 1
    graded = []
    for index, original in enumerate(hazards):
        graded_on = _graded_on(uow_factory(), original.id)
        if graded_on is not None and (today - graded_on).days >= 2:
            graded.append((graded_on, index, original.id))
    # The newest graded hazards show each state the office meets every day; the older ones go on at random.
    newest = sorted(graded, key=lambda g: (g[0], g[1]), reverse=True)
    forced = {hazard_id: name for (_, _, hazard_id), name in zip(newest, _SCENARIOS, strict=False)}
    for graded_on, index, hazard_id in graded:
        outcomes.append(
            _step(
                _rectify,
                uow_factory,
                staff,
                hazard_id,
                graded_on,
                today,
                rng,
                images,
                photo_maker,
                index,
                forced.get(hazard_id),
            )
        )
    for outcome in outcomes:
        for key in outcome:
            counts[key] += 1
    result = DemoRectificationResult(**counts)
    log.info("demo rectification: %s", result)
    return result


def _step(function: Callable[..., list[str]], *args: object) -> list[str]:
    """One hazard's demo steps; a rule of the loop refusing one is logged and the demo goes on."""
    try:
        return function(*args)
    except DomainError as exc:
        log.warning("demo rectification step refused: %s %s", exc.code, exc.params)
        return []


def _cites_nothing(uow: UnitOfWork, hazard: Hazard) -> bool:
    with uow:
        return not any(g.matches for g in uow.gradings.history_for(hazard.id))


def _current(uow_factory: UowFactory, hazard_id: uuid.UUID) -> Hazard:
    return get_hazard(uow_factory(), hazard_id)


def _on_the_spot(
    uow_factory: UowFactory,
    staff: _Staff,
    hazard: Hazard,
    reference: datetime,
    images: ImageProcessor,
    maker: Callable[[int], bytes] | None,
    index: int,
) -> list[str]:
    """A recent find fixed by its finder on the spot, waiting for a second person's acceptance."""
    at = hazard.found_at + timedelta(minutes=40)
    if at > reference or maker is None:
        return []
    acceptor = staff.acceptor_not(hazard.found_by_id)
    fix_on_the_spot(
        uow_factory(),
        hazard.id,
        hazard.revision,
        hazard.found_by_id,
        "发现后当场紧固松动螺栓并清理现场",
        acceptor.id,
        _photos(maker, 900 + index, PhotoStage.BEFORE, PhotoStage.AFTER),
        images,
        at=at,
    )
    return ["on_the_spot"]


def _rectify(
    uow_factory: UowFactory,
    staff: _Staff,
    hazard_id: uuid.UUID,
    graded_on: date,
    today: date,
    rng: random.Random,
    images: ImageProcessor,
    maker: Callable[[int], bytes] | None,
    index: int,
    scenario: str | None,
) -> list[str]:
    """One graded hazard through the loop; returns what it became (keys of DemoRectificationResult)."""
    hazard = get_hazard(uow_factory(), hazard_id)
    major = hazard.grade is HazardGrade.MAJOR
    age = (today - graded_on).days
    roll = rng.random()
    if scenario is None and age < 60 and roll < 0.3:
        scenario = "waiting"
    if hazard.status is not HazardStatus.GRADED or (scenario == "waiting" and not major):
        return []  # still 已定级: waiting for its notice
    maker = maker if index % 8 == 0 or scenario else None  # photos on some only (each costs ~0.1 s)
    responsible = staff.responsible(hazard)
    if responsible is None:
        return []
    safety = staff.safety_not(responsible.id)
    acceptor = staff.acceptor_not(responsible.id, safety.id)
    assigned_on = graded_on + timedelta(days=1)
    due: date | None = None
    if scenario == "due_soon":
        due = today + timedelta(days=1 + index % 6)
    elif scenario == "overdue":
        due = max(assigned_on, today - timedelta(days=2 + index % 9))
    plan = _plan(hazard, assigned_on, today if _stays_open(assigned_on, today, index) else None) if major else None
    five = AssignmentInput(
        responsible_department_id=hazard.department_id,
        responsible_person_id=responsible.id,
        measures=plan.methods_and_measures if plan is not None else _measures(hazard),  # the plan's, as planned
        funds=Decimal(500 * (1 + index % 9)) if not major else Decimal("180000.00"),
        funds_source="车间维修费用" if not major else "安全生产费用",
        deadline=None if major else due,
        interim_measures=_INTERIM,
    )
    hazard = assign(uow_factory(), hazard.id, hazard.revision, safety.id, five, plan, at=_at(assigned_on))
    done = ["assigned"] + (["major_plans"] if major else [])
    deadline = hazard.deadline
    assert deadline is not None
    day = assigned_on + timedelta(days=2)
    if day < today and (maker is not None or index % 4 == 0):
        photos = _photos(maker, index, PhotoStage.BEFORE, PhotoStage.PROGRESS)
        hazard = add_note(
            uow_factory(),
            hazard.id,
            hazard.revision,
            responsible.id,
            "已落实临时措施，备件已申购",
            photos,
            images if photos else None,
            at=_at(day, 6),
        )
    if major:
        if assigned_on + timedelta(days=5) < today:  # the workers' congress hears of it (双报告)
            hazard = _tell_workers(uow_factory, hazard, safety, assigned_on, today)
        return done + _major(uow_factory, staff, hazard, responsible, safety, assigned_on, today, images, maker, index)
    if scenario in ("due_soon", "overdue"):
        return done + (["overdue"] if deadline < today else [])
    if scenario == "pending" or (scenario is None and index % 10 in (1, 2) and deadline + timedelta(days=3) < today):
        asked = max(min(deadline, today - timedelta(days=1)), assigned_on)
        # a few days or weeks past the deadline it was asked about (not past today: an extension asked in
        # 2025 did not reach into 2026-12, issue 12)
        longer = max(deadline, asked) + timedelta(days=10 + index % 10)
        hazard = request_extension(
            uow_factory(), hazard.id, hazard.revision, responsible.id, longer, _EXTENSION, at=_at(asked, 7)
        )
        done.append("extended")
        if scenario == "pending":
            return done
        approve = index % 10 == 1
        decide = approve_extension if approve else refuse_extension
        hazard = decide(
            uow_factory(),
            hazard.id,
            hazard.revision,
            safety.id,
            "同意延期" if approve else "应按期完成",
            at=_at(asked + timedelta(days=1)),
        )
        deadline = hazard.deadline or deadline
        decided = asked + timedelta(days=2)
    else:
        decided = assigned_on
    if index % 10 == 5 and assigned_on + timedelta(days=4) < today:  # 五定 revised: another person takes over
        hazard, responsible = _revise(uow_factory, staff, hazard, safety, five, assigned_on + timedelta(days=4))
        acceptor = staff.acceptor_not(responsible.id, safety.id)
    finished = min(max(deadline, assigned_on + timedelta(days=5), decided), today - timedelta(days=1))
    if scenario in ("sent_back", "verifying"):
        finished = max(assigned_on + timedelta(days=1), today - timedelta(days=2))
    elif (age < 40 and roll < 0.75) or finished <= assigned_on + timedelta(days=2):
        return done + (["overdue"] if deadline < today else [])  # still 整改中
    photos = _photos(maker, index + 1, PhotoStage.AFTER)
    hazard = submit_for_acceptance(
        uow_factory(),
        hazard.id,
        hazard.revision,
        responsible.id,
        acceptor.id,
        "已按要求整改完毕，申请验收",
        photos,
        images if photos else None,
        at=_at(finished, 8),
    )
    if scenario == "verifying":
        return done + ["verifying"]
    if scenario == "sent_back" or (index % 10 == 3 and finished + timedelta(days=4) < today):
        hazard = send_back(
            uow_factory(), hazard.id, hazard.revision, acceptor.id, _SENT_BACK, at=_at(finished + timedelta(days=1), 3)
        )
        done.append("sent_back")
        if scenario == "sent_back":
            return done
        finished += timedelta(days=3)
        photos = _photos(maker, index + 2, PhotoStage.AFTER)
        hazard = submit_for_acceptance(
            uow_factory(),
            hazard.id,
            hazard.revision,
            responsible.id,
            acceptor.id,
            "已按验收意见重新整改",
            photos,
            images if photos else None,
            at=_at(finished, 8),
        )
    if (today - finished).days < 3 or (roll > 0.9 and age < 90):
        return done + ["verifying"]
    accept(
        uow_factory(),
        hazard.id,
        hazard.revision,
        acceptor.id,
        AcceptanceInput("整改合格，同意销号"),
        at=_at(finished + timedelta(days=2), 2),
    )
    return done + ["closed"]


def _revise(
    uow_factory: UowFactory, staff: _Staff, hazard: Hazard, safety: Person, five: AssignmentInput, day: date
) -> tuple[Hazard, Person]:
    """The workshop names another responsible person (leave, transfer) and more money for the measure."""
    staff_of = [p for p in staff.by_department.get(hazard.department_id, []) if p.id != five.responsible_person_id]
    others = [p for p in staff_of if p.id != safety.id]
    current = next(p for p in staff.by_department[hazard.department_id] if p.id == five.responsible_person_id)
    person = others[0] if others else current
    changed = dataclasses.replace(five, responsible_person_id=person.id, funds=five.funds + Decimal("800.00"))
    hazard = revise_assignment(
        uow_factory(), hazard.id, hazard.revision, safety.id, changed, "原责任人调岗，追加备件费用", at=_at(day, 2)
    )
    return hazard, person


def _tell_workers(uow_factory: UowFactory, hazard: Hazard, safety: Person, assigned_on: date, today: date) -> Hazard:
    """The 双报告's second half: the workers' congress is told, recorded in the plan days later."""
    view = load_view(uow_factory(), hazard.id)
    assert view.plan is not None
    told = PlanReport(ReportKind.WORKERS_CONGRESS, assigned_on + timedelta(days=3), f"职代会〔{assigned_on.year}〕2号")
    plan = dataclasses.replace(
        _plan(hazard, assigned_on, today), time_limit=view.plan.time_limit, reports=(*view.plan.reports, told)
    )
    return save_plan(
        uow_factory(), hazard.id, hazard.revision, safety.id, plan, at=_at(assigned_on + timedelta(days=5))
    )


def _major(
    uow_factory: UowFactory,
    staff: _Staff,
    hazard: Hazard,
    responsible: Person,
    safety: Person,
    assigned: date,
    today: date,
    images: ImageProcessor,
    maker: Callable[[int], bytes] | None,
    index: int,
) -> list[str]:
    """A 重大 hazard: treated under its plan; older ones evaluated and accepted by a group."""
    deadline = hazard.deadline
    assert deadline is not None
    finished = assigned + timedelta(days=60)
    if _stays_open(assigned, today, index):
        return ["overdue"] if deadline < today else []
    photos = _photos(maker, index + 3, PhotoStage.AFTER)
    acceptor = staff.acceptor_not(responsible.id, safety.id)
    hazard = submit_for_acceptance(
        uow_factory(),
        hazard.id,
        hazard.revision,
        responsible.id,
        safety.id,
        "治理工程已完成并投用，申请评估验收",
        photos,
        images if photos else None,
        at=_at(finished, 8),
    )
    third = staff.acceptor_not(responsible.id, safety.id, acceptor.id)
    evaluation = Evaluation(
        Evaluator.AGENCY,
        "某某安全评价有限公司",
        f"PJ-{finished.year}-{index:03d}",
        finished + timedelta(days=5),
        "治理措施有效，隐患已消除",
    )
    accept(
        uow_factory(),
        hazard.id,
        hazard.revision,
        safety.id,
        AcceptanceInput("经评估和验收组现场验收，同意销号", (safety.id, acceptor.id, third.id), evaluation),
        at=_at(finished + timedelta(days=7), 2),
    )
    return ["closed"]

"""Rectification (整改), acceptance (验收) and closure (销号): the hazard's life after grading.

One state machine over ``HazardStatus``: 待定级 → 已定级 → 整改中 → 待验收 → 已销号. Grading (``services.grading``)
makes 待定级 → 已定级; every other move is an :class:`Action` here, checked by :func:`check_action`
(state, flags), :func:`check_actor` (who may do it) and the separation of duties. 退回 (send back), 延期
(extension) and 当场整改 (on the spot) are actions and flags, never statuses.

当场整改 (on the spot), the exact rule: allowed in 待定级 or 已定级 when the hazard is not graded 重大 and no
grading of it (draft or confirmed, current or superseded) cites a major-hazard criterion, and no open dispute
claims one; only the finder records it (measure + at least one after-photo), naming a second person to accept.
If the hazard is graded 重大 while it waits (a grading may still come), acceptance is refused
(``on_the_spot_major``): it must be sent back (退回) and rectified under a treatment plan.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum

from hazard_desktop.domain.errors import InvalidTransition, NotPermitted, ValidationError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.reference import DepartmentKind, Role
from hazard_desktop.domain.text import refuse_control_characters

# ---------------------------------------------------------------- enums


class Action(StrEnum):
    """Every user action of the rectification loop (one use case each)."""

    ASSIGN = "assign"  # 下达整改 (五定): 已定级 → 整改中
    REVISE = "revise"  # 修改五定 (not the deadline: that moves only by 延期)
    SAVE_PLAN = "save_plan"  # 重大隐患治理方案 (six contents, 停产, 双报告, 挂牌督办)
    NOTE = "note"  # 整改进展 with photos
    REQUEST_EXTENSION = "request_extension"  # 申请延期
    APPROVE_EXTENSION = "approve_extension"  # 批准延期
    REFUSE_EXTENSION = "refuse_extension"  # 不批准延期
    SUBMIT = "submit"  # 申请验收 (报验): 整改中 → 待验收
    ACCEPT = "accept"  # 验收通过, 销号: 待验收 → 已销号
    SEND_BACK = "send_back"  # 退回: 待验收 → 整改中 (with a reason)
    ON_THE_SPOT = "on_the_spot"  # 当场整改: 待定级/已定级 → 待验收
    GRADE = "grade"  # a grading confirmed (services.grading): 待定级 → 已定级, or a re-grading (status stays)
    EDIT = "edit"  # the hazard's details edited after 待定级 (services.hazards; status stays; never once closed)


# The status an action leads to (None: the status stays).
TARGET: dict[Action, HazardStatus | None] = {
    Action.ASSIGN: HazardStatus.RECTIFYING,
    Action.REVISE: None,
    Action.SAVE_PLAN: None,
    Action.NOTE: None,
    Action.REQUEST_EXTENSION: None,
    Action.APPROVE_EXTENSION: None,
    Action.REFUSE_EXTENSION: None,
    Action.SUBMIT: HazardStatus.VERIFYING,
    Action.ACCEPT: HazardStatus.CLOSED,
    Action.SEND_BACK: HazardStatus.RECTIFYING,
    Action.ON_THE_SPOT: HazardStatus.VERIFYING,
    Action.GRADE: None,  # 待定级 → 已定级 the first time
    Action.EDIT: None,
}

# Where each action may start.
ALLOWED_FROM: dict[Action, frozenset[HazardStatus]] = {
    Action.ASSIGN: frozenset({HazardStatus.GRADED, HazardStatus.RECTIFYING}),  # 整改中: only without 五定 (older data)
    Action.REVISE: frozenset({HazardStatus.RECTIFYING}),
    Action.SAVE_PLAN: frozenset({HazardStatus.GRADED, HazardStatus.RECTIFYING, HazardStatus.VERIFYING}),
    Action.NOTE: frozenset({HazardStatus.RECTIFYING}),
    Action.REQUEST_EXTENSION: frozenset({HazardStatus.RECTIFYING}),
    Action.APPROVE_EXTENSION: frozenset({HazardStatus.RECTIFYING}),
    Action.REFUSE_EXTENSION: frozenset({HazardStatus.RECTIFYING}),
    Action.SUBMIT: frozenset({HazardStatus.RECTIFYING}),
    Action.ACCEPT: frozenset({HazardStatus.VERIFYING}),
    Action.SEND_BACK: frozenset({HazardStatus.VERIFYING}),
    Action.ON_THE_SPOT: frozenset({HazardStatus.OPEN, HazardStatus.GRADED}),
    Action.GRADE: frozenset({HazardStatus.OPEN, HazardStatus.GRADED, HazardStatus.RECTIFYING, HazardStatus.VERIFYING}),
    Action.EDIT: frozenset({HazardStatus.OPEN, HazardStatus.GRADED, HazardStatus.RECTIFYING, HazardStatus.VERIFYING}),
}


class PhotoStage(StrEnum):
    """What a rectification photo shows; kept apart and shown side by side at acceptance."""

    BEFORE = "before"  # 整改前
    PROGRESS = "progress"  # 整改中
    AFTER = "after"  # 整改后


class NoteKind(StrEnum):
    """Why a note was written."""

    PROGRESS = "progress"  # 整改进展
    COMPLETION = "completion"  # 整改完成情况 (with 申请验收)
    ON_THE_SPOT = "on_the_spot"  # 当场整改措施


class Stoppage(StrEnum):
    """停产停业 during the treatment of a major hazard."""

    NONE = "none"  # 未停产
    PARTIAL = "partial"  # 局部停产停业
    FULL = "full"  # 全部停产停业


class ReportKind(StrEnum):
    """The 双报告 of a major hazard."""

    REGULATOR = "regulator"  # 向负有安全生产监督管理职责的部门报告
    WORKERS_CONGRESS = "workers_congress"  # 向职工大会或职工代表大会报告


class Evaluator(StrEnum):
    """Who evaluated a major hazard's treatment (令第16号 Art. 18)."""

    OWN_EXPERTS = "own_experts"  # 本单位技术人员和专家
    AGENCY = "agency"  # 有资质的安全评价机构


class ExtensionState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


class AcceptanceResult(StrEnum):
    ACCEPTED = "accepted"  # 验收合格, 销号
    SENT_BACK = "sent_back"  # 退回


# ---------------------------------------------------------------- limits

TEXT_MAX = 2000
SHORT_MAX = 200
REASON_MAX = 500
FUNDS_MAX = Decimal("1000000000000")  # yuan; anything bigger is a typo
# An amount as a Chinese user types it: digits, optionally grouped by thousands (, or ，), at most two decimals.
# No exponent ("1e3"), no sign, no "NaN"/"Infinity": Decimal() alone took them (issue 12).
_FUNDS_TEXT = re.compile(r"(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,2})?")
DEADLINE_MAX_DAYS = 366  # a 一般 hazard's deadline lies within a year of its 五定 (a 重大 one follows its plan)
MAJOR_GROUP_MIN = 3  # 验收组 of a major hazard: at least three people, one of 安环部
MAX_STAGE_PHOTOS = 20  # per note


# ---------------------------------------------------------------- settings


@dataclass(frozen=True, slots=True)
class FiveLabels:
    """The plant's own wording of 五定 (定责任、定措施、定资金、定时限、定预案)."""

    responsibility: str
    measures: str
    funds: str
    deadline: str
    contingency: str

    def as_tuple(self) -> tuple[str, str, str, str, str]:
        return (self.responsibility, self.measures, self.funds, self.deadline, self.contingency)


DEFAULT_FIVE_LABELS = FiveLabels("定责任", "定措施", "定资金", "定时限", "定预案")

IMMEDIATE = 0  # 立即整改: the deadline is the day it is assigned


@dataclass(frozen=True, slots=True)
class DeadlineDefaults:
    """Default days to rectify a 一般 hazard, by LEC band code; ``no_band`` for a 一般 graded without LEC.

    0 is 立即 (the same plant day). A 重大 hazard's deadline is its treatment plan's time limit.
    """

    by_band: tuple[tuple[str, int], ...]
    no_band: int = IMMEDIATE

    def days_for(self, band_code: str | None) -> int:
        return dict(self.by_band).get(band_code, self.no_band) if band_code else self.no_band


# 表D.4: 极其危险 (stop the work) and 高度危险 (要立即整改) → 立即; 显著危险 7; 一般危险 15; 稍有危险 30 days.
DEFAULT_DEADLINES = DeadlineDefaults(
    by_band=(("extreme", IMMEDIATE), ("high", IMMEDIATE), ("significant", 7), ("general", 15), ("slight", 30)),
    no_band=IMMEDIATE,
)
MAX_DEADLINE_DAYS = 3660  # ten years: a default beyond is a typo


@dataclass(frozen=True, slots=True)
class RectificationSettings:
    """``labels`` None: the program's own (translated) 五定 labels."""

    labels: FiveLabels | None
    deadlines: DeadlineDefaults


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as recorded at the time (name and department copied: records never change with settings)."""

    person_id: uuid.UUID
    name: str
    department_id: uuid.UUID
    department_name: str
    department_kind: str  # DepartmentKind value


@dataclass(frozen=True, slots=True)
class Assignment:
    """五定 of one hazard (one per hazard; revised in place, every revision in the timeline).

    ``deadline`` is the current one (after approved extensions), ``original_deadline`` the first.
    """

    id: uuid.UUID
    hazard_id: uuid.UUID
    responsible_department_id: uuid.UUID
    responsible_person_id: uuid.UUID
    measures: str  # 定措施
    funds: Decimal  # 定资金, yuan
    funds_source: str
    original_deadline: date
    deadline: date  # 定时限
    interim_measures: str  # 定预案: 临时安全措施 / 应急预案
    assigned_by_id: uuid.UUID
    assigned_on: date  # plant-local day
    on_the_spot: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PlanReport:
    """One report made about a major hazard (双报告)."""

    kind: ReportKind
    made_on: date
    reference: str  # 文号 / 记录号


@dataclass(frozen=True, slots=True)
class Supervision:
    """挂牌督办."""

    by: str  # 督办单位
    reference: str  # 督办文号
    since: date | None


@dataclass(frozen=True, slots=True)
class TreatmentPlan:
    """重大隐患治理方案 (令第16号 Art. 15: six contents) with 停产, reports and supervision."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    goal_and_tasks: str  # (1) 治理的目标和任务
    methods_and_measures: str  # (2) 采取的方法和措施
    funds_and_materials: str  # (3) 经费和物资的落实
    organisation_and_people: str  # (4) 负责治理的机构和人员
    time_limit: date  # (5) 治理的时限 (the hazard's deadline)
    time_requirements: str  # (5) … 和要求
    safety_and_emergency: str  # (6) 安全措施和应急预案
    stoppage: Stoppage
    stopped_since: date | None
    reports: tuple[PlanReport, ...]
    supervision: Supervision | None
    created_at: datetime
    updated_at: datetime
    # For the report to the regulator (令第16号 Art. 14: 现状及其产生原因; 危害程度和整改难易程度).
    cause: str = ""  # 产生原因
    harm: str = ""  # 危害程度
    difficulty: str = ""  # 整改难易程度


@dataclass(frozen=True, slots=True)
class RectificationPhoto:
    """Metadata of a photo attached to a note (bytes in storage, as for hazard photos)."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    note_id: uuid.UUID
    stage: PhotoStage
    position: int
    original_name: str
    original_sha256: str
    original_size: int
    width: int
    height: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ProgressNote:
    """A note in the rectification with its photos."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    kind: NoteKind
    text: str
    author: PersonRef
    written_at: datetime
    photos: tuple[RectificationPhoto, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ExtensionRequest:
    """延期申请 and its decision."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    requested_by: PersonRef
    requested_at: datetime
    current_deadline: date
    requested_deadline: date
    reason: str
    state: ExtensionState
    decided_by: PersonRef | None
    decided_at: datetime | None
    decision_reason: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Evaluation of a major hazard's treatment before acceptance (令第16号 Art. 18)."""

    evaluator: Evaluator
    evaluated_by: str  # experts' names or the agency's name
    report_reference: str  # 评估报告编号
    evaluated_on: date
    conclusion: str


@dataclass(frozen=True, slots=True)
class Acceptance:
    """One acceptance decision: accepted (销号) or sent back (退回) with its reason."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    result: AcceptanceResult
    decided_by: PersonRef
    decided_on: date  # plant-local day (销号日期 when accepted)
    decided_at: datetime
    remarks: str  # 验收意见 / 退回原因
    group: tuple[PersonRef, ...]  # 验收组 (major); () for a general hazard (decided_by alone)
    evaluation: Evaluation | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Transition:
    """One step of the timeline: who did what, when and why. ``from_status == to_status`` when it stays."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    action: Action
    from_status: HazardStatus
    to_status: HazardStatus
    actor: PersonRef
    at: datetime
    reason: str
    # JSON-able: what the step set, ids and dates as text. assign {deadline, responsible_department_id,
    # responsible_person_id, plan}; revise {changed}; save_plan {created, time_limit}; note {note_id, photos};
    # request_extension {extension_id, current_deadline, requested_deadline}; approve_extension {extension_id,
    # old_deadline, new_deadline}; refuse_extension {extension_id}; submit / on_the_spot {note_id, acceptor_id,
    # acceptor_name}; accept {acceptance_id, closed_on, group}; send_back {acceptance_id};
    # grade {grading_id, grade, correction}.
    details: dict[str, object]


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class AssignmentInput:
    """五定 as entered. ``deadline`` None: the default of the settings (一般) or the plan's time limit (重大)."""

    responsible_department_id: uuid.UUID | None
    responsible_person_id: uuid.UUID | None
    measures: str
    funds: Decimal
    funds_source: str
    deadline: date | None
    interim_measures: str


@dataclass(frozen=True, slots=True)
class PlanInput:
    goal_and_tasks: str
    methods_and_measures: str
    funds_and_materials: str
    organisation_and_people: str
    time_limit: date | None
    time_requirements: str
    safety_and_emergency: str
    stoppage: Stoppage = Stoppage.NONE
    stopped_since: date | None = None
    reports: tuple[PlanReport, ...] = ()
    supervision: Supervision | None = None
    cause: str = ""  # 产生原因
    harm: str = ""  # 危害程度
    difficulty: str = ""  # 整改难易程度


@dataclass(frozen=True, slots=True)
class AcceptanceInput:
    """``group_ids``: the 验收组 of a major hazard (≥ 3, incl. 安环部, the actor among them); () for 一般."""

    remarks: str
    group_ids: tuple[uuid.UUID, ...] = ()
    evaluation: Evaluation | None = None


# ---------------------------------------------------------------- the state machine


@dataclass(frozen=True, slots=True)
class LoopState:
    """What the state machine looks at besides the status."""

    status: HazardStatus
    grade: HazardGrade
    extension_pending: bool = False
    has_assignment: bool = False
    cites_major: bool = False  # a grading (any) cites a major criterion, or an open dispute claims one
    on_the_spot: bool = False  # the assignment was a 当场整改


_NEED_ASSIGNMENT = frozenset({Action.REVISE, Action.NOTE, Action.REQUEST_EXTENSION, Action.SUBMIT})


def check_action(action: Action, state: LoopState) -> None:
    """Refuse ``action`` where the life cycle does not allow it (who acts is :func:`check_actor`'s business).

    Raises:
        InvalidTransition: ``hazard_closed`` (already 已销号), ``hazard_not_graded`` (待定级: grade it first),
            ``action_not_allowed`` (params ``action``, ``status``), ``extension_pending`` (decide it first),
            ``no_extension_pending``, ``plan_for_major_only``, ``on_the_spot_not_for_major``,
            ``already_assigned``, ``no_assignment``, ``acceptance_needs_grade`` (a 当场整改 still 待定级),
            ``on_the_spot_major`` (a 当场整改 graded 重大 since, or citing a major criterion: send it back).
    """
    status = state.status
    if status is HazardStatus.CLOSED:
        raise InvalidTransition("hazard_closed", action=action.value, status=status.value)
    if status not in ALLOWED_FROM[action]:
        if status is HazardStatus.OPEN:
            raise InvalidTransition("hazard_not_graded", action=action.value, status=status.value)
        raise InvalidTransition("action_not_allowed", action=action.value, status=status.value)
    if action in (Action.GRADE, Action.EDIT):
        return
    if action is Action.ON_THE_SPOT:
        if state.grade is HazardGrade.MAJOR or state.cites_major:
            raise InvalidTransition("on_the_spot_not_for_major", action=action.value, status=status.value)
        return
    if action is Action.SAVE_PLAN:
        if state.grade is not HazardGrade.MAJOR:
            raise InvalidTransition("plan_for_major_only", action=action.value, status=status.value)
        return
    if action is Action.ASSIGN:
        if state.has_assignment:
            raise InvalidTransition("already_assigned", action=action.value, status=status.value)
        return
    if action is Action.ACCEPT:
        if state.grade is HazardGrade.UNGRADED:
            raise InvalidTransition("acceptance_needs_grade", action=action.value, status=status.value)
        if state.on_the_spot and (state.grade is HazardGrade.MAJOR or state.cites_major):
            raise InvalidTransition("on_the_spot_major", action=action.value, status=status.value)
    if action in _NEED_ASSIGNMENT and not state.has_assignment:
        raise InvalidTransition("no_assignment", action=action.value, status=status.value)
    if action in (Action.REQUEST_EXTENSION, Action.SUBMIT) and state.extension_pending:
        raise InvalidTransition("extension_pending", action=action.value, status=status.value)
    if action in (Action.APPROVE_EXTENSION, Action.REFUSE_EXTENSION) and not state.extension_pending:
        raise InvalidTransition("no_extension_pending", action=action.value, status=status.value)


def available_actions(state: LoopState) -> frozenset[Action]:
    """The actions :func:`check_action` allows in ``state`` (the screens enable their buttons by it)."""
    found = set()
    for action in Action:
        try:
            check_action(action, state)
        except InvalidTransition:
            continue
        found.add(action)
    return frozenset(found)


# ---------------------------------------------------------------- who may do what


@dataclass(frozen=True, slots=True)
class Actor:
    """The acting person (操作人) as the rules see them."""

    person_id: uuid.UUID
    department_id: uuid.UUID
    department_kind: DepartmentKind
    roles: frozenset[Role]

    @property
    def is_safety(self) -> bool:
        """安环部 (a safety-kind department) or a safety officer (role ``safety_officer``)."""
        return self.department_kind is DepartmentKind.SAFETY or Role.SAFETY_OFFICER in self.roles


@dataclass(frozen=True, slots=True)
class Duties:
    """Who holds which part of one hazard's loop (from the hazard and its records)."""

    found_by_id: uuid.UUID
    responsible_department_id: uuid.UUID | None = None
    responsible_person_id: uuid.UUID | None = None
    acceptor_id: uuid.UUID | None = None  # asked to accept, while 待验收
    rectified_by_id: uuid.UUID | None = None  # who submitted for acceptance / fixed it on the spot
    extension_requested_by_id: uuid.UUID | None = None  # of the pending request


# Who may act (besides the separation of duties below):
#   安环部 or a safety officer: ASSIGN, REVISE, SAVE_PLAN, APPROVE/REFUSE_EXTENSION;
#   the responsible person or anyone of the responsible department: REQUEST_EXTENSION, SUBMIT (NOTE: also 安环部);
#   the finder: ON_THE_SPOT;
#   the person asked to accept, or 安环部 / a safety officer: ACCEPT, SEND_BACK (a 重大 hazard: a member of the
#   acceptance group, checked by check_acceptance_group).
# Separation of duties: nobody accepts, sends back or decides an extension of a rectification they are
# responsible for or carried out, nor decides their own extension request.
SAFETY_ACTIONS = frozenset(
    {Action.ASSIGN, Action.REVISE, Action.SAVE_PLAN, Action.APPROVE_EXTENSION, Action.REFUSE_EXTENSION}
)
RESPONSIBLE_ACTIONS = frozenset({Action.REQUEST_EXTENSION, Action.SUBMIT, Action.NOTE})
ACCEPTOR_ACTIONS = frozenset({Action.ACCEPT, Action.SEND_BACK})


def check_actor(action: Action, actor: Actor, duties: Duties, *, major: bool = False) -> None:
    """Refuse an actor who may not do ``action`` on this hazard.

    Args:
        major: the hazard is graded 重大 (acceptance by its group: the group is checked apart).

    Raises:
        NotPermitted: ``actor_not_safety``, ``actor_not_responsible``, ``actor_not_finder``,
            ``actor_not_acceptor``, ``actor_is_responsible`` (separation of duties),
            ``actor_is_rectifier`` (accepting one's own work), ``actor_is_requester`` (own extension).
    """
    me = actor.person_id
    if action in SAFETY_ACTIONS and not actor.is_safety:
        raise NotPermitted("actor_not_safety", field="actor", action=action.value)
    if action in (Action.APPROVE_EXTENSION, Action.REFUSE_EXTENSION):
        if me == duties.extension_requested_by_id:
            raise NotPermitted("actor_is_requester", field="actor", action=action.value)
        if me == duties.responsible_person_id:
            raise NotPermitted("actor_is_responsible", field="actor", action=action.value)
    if action in RESPONSIBLE_ACTIONS:
        responsible = me == duties.responsible_person_id or actor.department_id == duties.responsible_department_id
        if not responsible and not (action is Action.NOTE and actor.is_safety):
            raise NotPermitted("actor_not_responsible", field="actor", action=action.value)
    if action is Action.ON_THE_SPOT and me != duties.found_by_id:
        raise NotPermitted("actor_not_finder", field="actor", action=action.value)
    if action in ACCEPTOR_ACTIONS:
        if me == duties.responsible_person_id:
            raise NotPermitted("actor_is_responsible", field="actor", action=action.value)
        if me == duties.rectified_by_id:
            raise NotPermitted("actor_is_rectifier", field="actor", action=action.value)
        if not major and me != duties.acceptor_id and not actor.is_safety:
            raise NotPermitted("actor_not_acceptor", field="actor", action=action.value)


# ---------------------------------------------------------------- dates


def plant_date(instant: datetime, zone: tzinfo | None = None) -> date:
    """The plant-local whole day of an aware instant (``zone`` None: this computer's local time zone).

    Raises:
        ValidationError: ``instant_naive``.
    """
    if instant.tzinfo is None:
        raise ValidationError("instant_naive")
    return instant.astimezone(zone).date()


def default_deadline(
    assigned_on: date, grade: HazardGrade, band_code: str | None, defaults: DeadlineDefaults
) -> date | None:
    """The default deadline of a 一般 hazard assigned on ``assigned_on``; None for 重大 (the plan's time limit)."""
    if grade is not HazardGrade.GENERAL:
        return None
    return assigned_on + timedelta(days=defaults.days_for(band_code))


def days_left(deadline: date, today: date) -> int:
    """Whole days from ``today`` to ``deadline``: 0 on the day, negative once overdue."""
    return (deadline - today).days


def clean_text(text: str, field_name: str, max_len: int = TEXT_MAX, *, required: bool = True) -> str:
    """Strip ``text``; refuse control characters, empty (if required) or too long.

    Raises:
        ValidationError: ``text_control_characters``, ``<field>_empty``, ``<field>_too_long``.
    """
    value = refuse_control_characters(text, field_name).strip()
    if required and not value:
        raise ValidationError(f"{field_name}_empty", field=field_name)
    if len(value) > max_len:
        raise ValidationError(f"{field_name}_too_long", field=field_name, max=max_len)
    return value


def clean_funds(amount: Decimal) -> Decimal:
    """定资金 in yuan: not negative, not absurd, to the fen (two places kept as typed).

    Raises:
        ValidationError: ``funds_invalid``, ``funds_negative``, ``funds_too_large`` (param ``max``).
    """
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValidationError("funds_invalid", field="funds")
    if amount < 0:
        raise ValidationError("funds_negative", field="funds")
    if amount > FUNDS_MAX:
        raise ValidationError("funds_too_large", field="funds", max=str(FUNDS_MAX))
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValidationError("funds_invalid", field="funds")
    return amount


def parse_funds(text: str) -> Decimal:
    """定资金 as typed: empty = 0; full-width digits and separators normalised; digits with optional thousands
    separators and at most two decimals; then :func:`clean_funds`.

    Raises:
        ValidationError: ``funds_invalid`` (anything else, e.g. ``1e3``, ``-5``, ``1.234``), ``funds_too_large``.
    """
    value = unicodedata.normalize("NFKC", text).strip().replace("，", ",").replace("。", ".")
    value = value.removesuffix("元").strip()
    if not value:
        return Decimal(0)
    if not _FUNDS_TEXT.fullmatch(value) or not value.isascii():
        raise ValidationError("funds_invalid", field="funds")
    return clean_funds(Decimal(value.replace(",", "")))


def assignment_problems(
    data: AssignmentInput, deadline: date, today: date, *, limit_days: int | None = DEADLINE_MAX_DAYS
) -> list[ValidationError]:
    """Every problem of 五定 as entered, in the order of the form (a dialog shows them all at once)."""
    problems: list[ValidationError] = []
    if data.responsible_department_id is None:
        problems.append(ValidationError("responsible_department_empty", field="responsible_department"))
    if data.responsible_person_id is None:
        problems.append(ValidationError("responsible_person_empty", field="responsible_person"))
    checks = (
        lambda: clean_text(data.measures, "measures"),
        lambda: clean_funds(data.funds),
        lambda: clean_text(data.funds_source, "funds_source", SHORT_MAX, required=False),
        lambda: check_deadline(deadline, today, limit_days=limit_days),
        lambda: clean_text(data.interim_measures, "interim_measures", required=False),
    )
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            problems.append(exc)
    return problems


def check_deadline(deadline: date, today: date, *, limit_days: int | None = DEADLINE_MAX_DAYS) -> None:
    """A deadline lies on or after ``today`` (the day of the 五定) and, unless ``limit_days`` is None (a 重大
    hazard's plan sets its time limit), within ``limit_days`` of it: a later one is a typo, not a plan.

    Raises:
        ValidationError: ``deadline_before_today`` (param ``today``), ``deadline_too_far`` (params ``max``, ``days``).
    """
    if deadline < today:
        raise ValidationError("deadline_before_today", field="deadline", today=today.isoformat())
    if limit_days is not None and (deadline - today).days > limit_days:
        raise ValidationError("deadline_too_far", field="deadline", max=limit_days, days=(deadline - today).days)


def check_responsible_department(person_department_id: uuid.UUID, department_id: uuid.UUID) -> None:
    """定责任人 belongs to 定责任部门: the department answers for the rectification and directs its person;
    a person of another department would give a second department the duties of the loop (issue 12).

    Raises:
        ValidationError: ``responsible_person_other_department``.
    """
    if person_department_id != department_id:
        raise ValidationError("responsible_person_other_department", field="responsible_person")


def validate_assignment(
    data: AssignmentInput, deadline: date, today: date, *, limit_days: int | None = DEADLINE_MAX_DAYS
) -> AssignmentInput:
    """Check 五定 as entered; ``deadline`` is the one to use (typed, the default or the plan's time limit).

    Raises:
        ValidationError: ``responsible_department_empty``, ``responsible_person_empty``, ``measures_empty``,
            ``measures_too_long``, ``funds_*``, ``funds_source_too_long``, ``interim_measures_too_long``,
            ``deadline_before_today`` (param ``today``), ``deadline_too_far``, ``text_control_characters``.
    """
    if data.responsible_department_id is None:
        raise ValidationError("responsible_department_empty", field="responsible_department")
    if data.responsible_person_id is None:
        raise ValidationError("responsible_person_empty", field="responsible_person")
    measures = clean_text(data.measures, "measures")
    funds = clean_funds(data.funds)
    source = clean_text(data.funds_source, "funds_source", SHORT_MAX, required=False)
    interim = clean_text(data.interim_measures, "interim_measures", required=False)
    check_deadline(deadline, today, limit_days=limit_days)
    return AssignmentInput(
        responsible_department_id=data.responsible_department_id,
        responsible_person_id=data.responsible_person_id,
        measures=measures,
        funds=funds,
        funds_source=source,
        deadline=deadline,
        interim_measures=interim,
    )


def validate_plan(data: PlanInput, today: date, *, new: bool) -> PlanInput:
    """Check a treatment plan: the six contents are required; dates of reports and stoppage not in the future.

    Args:
        new: the plan is stored for the first time (its time limit may not lie before today; a stored plan
            keeps a time limit that has passed — changing it is a new time limit, checked the same way).

    Raises:
        ValidationError: ``<content>_empty`` / ``_too_long``, ``time_limit_empty``, ``time_limit_before_today``,
            ``stopped_since_empty`` (stopped without a date), ``stopped_since_without_stoppage``,
            ``stopped_since_future``, ``report_reference_empty``, ``report_date_future``, ``supervision_by_empty``,
            ``supervision_reference_too_long``.
    """
    goal = clean_text(data.goal_and_tasks, "goal_and_tasks")
    methods = clean_text(data.methods_and_measures, "methods_and_measures")
    funds = clean_text(data.funds_and_materials, "funds_and_materials")
    organisation = clean_text(data.organisation_and_people, "organisation_and_people")
    requirements = clean_text(data.time_requirements, "time_requirements")
    safety = clean_text(data.safety_and_emergency, "safety_and_emergency")
    if data.time_limit is None:
        raise ValidationError("time_limit_empty", field="time_limit")
    if new and data.time_limit < today:
        raise ValidationError("time_limit_before_today", field="time_limit", today=today.isoformat())
    if data.stoppage is Stoppage.NONE and data.stopped_since is not None:
        raise ValidationError("stopped_since_without_stoppage", field="stopped_since")
    if data.stoppage is not Stoppage.NONE and data.stopped_since is None:
        raise ValidationError("stopped_since_empty", field="stopped_since")
    if data.stopped_since is not None and data.stopped_since > today:
        raise ValidationError("stopped_since_future", field="stopped_since")
    reports = []
    for report in data.reports:
        reference = clean_text(report.reference, "report_reference", SHORT_MAX)
        if report.made_on > today:
            raise ValidationError("report_date_future", field="reports", kind=report.kind.value)
        reports.append(PlanReport(ReportKind(report.kind), report.made_on, reference))
    supervision = None
    if data.supervision is not None:
        supervision = Supervision(
            by=clean_text(data.supervision.by, "supervision_by", SHORT_MAX),
            reference=clean_text(data.supervision.reference, "supervision_reference", SHORT_MAX, required=False),
            since=data.supervision.since,
        )
    return PlanInput(
        goal_and_tasks=goal,
        methods_and_measures=methods,
        funds_and_materials=funds,
        organisation_and_people=organisation,
        time_limit=data.time_limit,
        time_requirements=requirements,
        safety_and_emergency=safety,
        stoppage=Stoppage(data.stoppage),
        stopped_since=data.stopped_since,
        reports=tuple(sorted(reports, key=lambda r: (r.made_on, r.kind.value))),
        supervision=supervision,
        cause=clean_text(data.cause, "cause", required=False),
        harm=clean_text(data.harm, "harm", required=False),
        difficulty=clean_text(data.difficulty, "difficulty", required=False),
    )


def check_acceptance_group(group: tuple[Actor, ...], actor: Actor, duties: Duties, *, major: bool) -> None:
    """The 验收组: none for a 一般 hazard; for a 重大 one at least three different people, one of them of 安环部
    (a safety-kind department or a safety officer), the actor among them, none responsible for the rectification
    or having carried it out.

    Raises:
        ValidationError (field ``group``): ``group_for_major_only``, ``group_too_small`` (param ``min``),
            ``group_duplicate``, ``group_needs_safety``, ``group_without_actor``, ``group_includes_responsible``.
    """
    if not major:
        if group:
            raise ValidationError("group_for_major_only", field="group")
        return
    ids = [member.person_id for member in group]
    if len(set(ids)) != len(ids):
        raise ValidationError("group_duplicate", field="group")
    if len(ids) < MAJOR_GROUP_MIN:
        raise ValidationError("group_too_small", field="group", min=MAJOR_GROUP_MIN)
    if actor.person_id not in ids:
        raise ValidationError("group_without_actor", field="group")
    excluded = {duties.responsible_person_id, duties.rectified_by_id} - {None}
    if excluded & set(ids):
        raise ValidationError("group_includes_responsible", field="group")
    if not any(member.is_safety for member in group):
        raise ValidationError("group_needs_safety", field="group")


def validate_evaluation(evaluation: Evaluation | None, today: date, *, major: bool) -> Evaluation | None:
    """A 重大 hazard is accepted only with the evaluation of its treatment (own experts or an agency) and the
    report's reference; a 一般 one takes none.

    Raises:
        ValidationError (field ``evaluation``): ``evaluation_required``, ``evaluation_for_major_only``,
            ``evaluated_by_empty``, ``report_reference_empty``, ``conclusion_empty``, ``evaluation_date_future``.
    """
    if not major:
        if evaluation is not None:
            raise ValidationError("evaluation_for_major_only", field="evaluation")
        return None
    if evaluation is None:
        raise ValidationError("evaluation_required", field="evaluation")
    if evaluation.evaluated_on > today:
        raise ValidationError("evaluation_date_future", field="evaluation")
    return Evaluation(
        evaluator=Evaluator(evaluation.evaluator),
        evaluated_by=clean_text(evaluation.evaluated_by, "evaluated_by", SHORT_MAX),
        report_reference=clean_text(evaluation.report_reference, "report_reference", SHORT_MAX),
        evaluated_on=evaluation.evaluated_on,
        conclusion=clean_text(evaluation.conclusion, "conclusion"),
    )

"""The rectification forms (issue 12) built from the stored loop of one hazard, each with the print row it
will be recorded as, the record its verification code certifies, and the rule of when it may be printed.

Which form in which state (the services decide; the menus only ask):

* 隐患整改通知书 (``notice``): once the hazard has its 五定 (整改中, 待验收, 已销号; 当场整改 too, where
  the finder's measure is the assignment). Before: ``form_notice_unassigned``.
* 隐患整改验收单 (``acceptance``): once the fix was submitted for acceptance (待验收, or 已销号 with the
  conclusion filled in). Before: ``form_acceptance_not_due``. It prints the latest round; a round sent back
  (退回) is listed under 以往验收.
* 重大事故隐患治理方案 (``plan``) and the 重大事故隐患报告 (``report``): a 重大 hazard with its treatment plan.
  Otherwise ``form_not_major`` (params ``form``) or ``form_plan_missing``.

Form numbers (文书编号) derive from the register number like the 表号 of the grading sheets: 通知书
``TZ-2026-0012``, 验收单 ``YS-2026-0012`` (``-2`` … for later rounds), 治理方案 ``FA-2026-0012``, 报告
``BG-2026-0012``.

Copy numbers count earlier prints of the same hazard, form and digest: the same content printed again is a
副本; after a change (an approved extension, an acceptance decided) the form is a new original with a new
code. Verification hashes the record stored *now* the same way: a code whose record changed since is
"altered".

Standard library only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.errors import InvalidTransition
from hazard_desktop.domain.grading import Grading
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import (
    DEFAULT_FIVE_LABELS,
    Acceptance,
    AcceptanceResult,
    Action,
    Assignment,
    ExtensionRequest,
    ExtensionState,
    FiveLabels,
    PhotoStage,
    ProgressNote,
    ReportKind,
    Stoppage,
    Transition,
    TreatmentPlan,
    plant_date,
)
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.domain.verification import qr_payload, record_digest, short_code
from hazard_desktop.services.form_models import (
    TITLE_ACCEPTANCE,
    TITLE_NOTICE,
    TITLE_PLAN,
    TITLE_REPORT,
    AcceptanceForm,
    FormEvaluation,
    FormHazard,
    FormLine,
    FormSigner,
    MajorReportForm,
    NoticeForm,
    RectificationForm,
    TreatmentPlanForm,
)
from hazard_desktop.services.ports import PhotoKind
from hazard_desktop.services.sheet_models import SheetPhoto
from hazard_desktop.services.sheet_records import _date_cn, _Reader, _sheet_no, _sheet_number, found_texts
from hazard_desktop.services.sheet_requests import PlannedPrint

FORM_RECORD_VERSION = 1
PREFIXES = {SheetKind.NOTICE: "TZ", SheetKind.ACCEPTANCE: "YS", SheetKind.PLAN: "FA", SheetKind.REPORT: "BG"}
TITLES = {
    SheetKind.NOTICE: TITLE_NOTICE,
    SheetKind.ACCEPTANCE: TITLE_ACCEPTANCE,
    SheetKind.PLAN: TITLE_PLAN,
    SheetKind.REPORT: TITLE_REPORT,
}
FORM_NAMES = {  # the form as named in a refusal (params ``form``)
    SheetKind.NOTICE: "隐患整改通知书",
    SheetKind.ACCEPTANCE: "隐患整改验收单",
    SheetKind.PLAN: "重大事故隐患治理方案",
    SheetKind.REPORT: "重大事故隐患报告",
}
MAX_SIDE_PHOTOS = 3
MAJOR_GROUP_ROWS = 3  # a major hazard's acceptance group: at least three signature lines
AFTER_ASSIGNMENT = frozenset({HazardStatus.RECTIFYING, HazardStatus.VERIFYING, HazardStatus.CLOSED})
SUBMITTED = frozenset({HazardStatus.VERIFYING, HazardStatus.CLOSED})
STOPPAGE_TEXT = {Stoppage.PARTIAL: "部分停产停业", Stoppage.FULL: "全部停产停业"}
REPORT_TO = {
    ReportKind.REGULATOR: "负有安全生产监督管理职责的部门",
    ReportKind.WORKERS_CONGRESS: "职工大会或职工代表大会",
}


# ---------------------------------------------------------------- the loop as read


@dataclass(frozen=True, slots=True)
class _Loop:
    """One hazard's loop, read inside the document's unit of work."""

    hazard: Hazard
    grading: Grading | None  # the grading that counts
    assignment: Assignment | None
    plan: TreatmentPlan | None
    extensions: tuple[ExtensionRequest, ...]
    acceptances: tuple[Acceptance, ...]
    notes: tuple[ProgressNote, ...]
    transitions: tuple[Transition, ...]

    @property
    def rounds(self) -> tuple[Transition, ...]:
        """Each submission for acceptance (申请验收 or 当场整改), oldest first; acceptances decide them in order."""
        return tuple(t for t in self.transitions if t.action in (Action.SUBMIT, Action.ON_THE_SPOT))


def _read_loop(reader: _Reader, hazard_id: uuid.UUID) -> _Loop:
    hazard = reader.hazard(hazard_id)
    repo = reader.uow.rectification
    return _Loop(
        hazard=hazard,
        grading=rules.current_grading(reader.history(hazard_id)),
        assignment=repo.get_assignment(hazard_id),
        plan=repo.get_plan(hazard_id),
        extensions=tuple(repo.extensions(hazard_id)),
        acceptances=tuple(repo.acceptances(hazard_id)),
        notes=tuple(repo.notes(hazard_id)),
        transitions=tuple(repo.transitions(hazard_id)),
    )


def form_refusal(loop: _Loop, kind: SheetKind) -> InvalidTransition | None:
    """Why ``kind`` cannot be printed for the hazard now (None: it can)."""
    status = loop.hazard.status
    if kind is SheetKind.NOTICE:
        if status not in AFTER_ASSIGNMENT or loop.assignment is None:
            return InvalidTransition("form_notice_unassigned", number=loop.hazard.number, status=status.value)
        return None
    if kind is SheetKind.ACCEPTANCE:
        if status not in SUBMITTED or not loop.rounds:
            return InvalidTransition("form_acceptance_not_due", number=loop.hazard.number, status=status.value)
        return None
    if loop.hazard.grade is not HazardGrade.MAJOR:
        return InvalidTransition("form_not_major", number=loop.hazard.number, form=FORM_NAMES[kind])
    if loop.plan is None:
        return InvalidTransition("form_plan_missing", number=loop.hazard.number, form=FORM_NAMES[kind])
    return None


# ---------------------------------------------------------------- formatting


def _money(amount: Decimal, source: str) -> str:
    text = f"{amount:,.2f} 元"
    return f"{text}（{source}）" if source else text


def _day(value: date | None) -> str:
    return "" if value is None else _date_cn(value)


def _on(value: datetime) -> date:
    return plant_date(value)


def _five_labels(reader: _Reader) -> FiveLabels:
    """The plant's 五定 labels as stored in the settings; the Chinese defaults when none are stored (the
    printed form is Chinese whatever the UI language)."""
    from hazard_desktop.services.rectification.settings import read_settings

    return read_settings(reader.uow).labels or DEFAULT_FIVE_LABELS


def _person(reader: _Reader, person_id: uuid.UUID | None) -> tuple[str, str]:
    """(name, department name)."""
    return reader.person_name(person_id), reader.person_department(person_id)


def _department_name(reader: _Reader, department_id: uuid.UUID | None) -> str:
    department = None if department_id is None else reader.uow.reference.get_department(department_id)
    return "" if department is None else department.name


def _grade_text(reader: _Reader, loop: _Loop) -> tuple[str, str]:
    """(grade as printed, what it requires)."""
    if loop.grading is None:
        return ("重大事故隐患" if loop.hazard.grade is HazardGrade.MAJOR else "一般事故隐患"), ""
    from hazard_desktop.services.sheet_builders import _result  # the grading sheet's own wording

    band, _colour, action, _set = _result(loop.grading, reader)
    return band, action


def _form_hazard(reader: _Reader, loop: _Loop) -> FormHazard:
    hazard = loop.hazard
    grade, _ = _grade_text(reader, loop)
    grading = loop.grading
    sheet_no = "" if grading is None else _sheet_no(grading, reader.history(hazard.id), hazard.number)
    basis: tuple[str, ...] = ()
    if grading is not None and hazard.grade is HazardGrade.MAJOR:
        basis = tuple(f"{m.code}（{reader.clause(m.criterion_id, m.clause)}）{m.text}" for m in grading.matches)
        if not basis and grading.decision_reason:
            basis = (f"判定小组集体判定：{grading.decision_reason}",)
    location = hazard.location + (f"（设备位号 {hazard.equipment_tag}）" if hazard.equipment_tag else "")
    return FormHazard(
        description=hazard.description,
        location=location,
        category=reader.category(hazard),
        found_at=found_texts(hazard, reader.person_name(hazard.found_by_id))[0],
        found_by=found_texts(hazard, reader.person_name(hazard.found_by_id))[1],
        grade=grade,
        grading_sheet_no=sheet_no,
        basis=basis,
    )


def _hazard_record(loop: _Loop) -> dict[str, Any]:
    hazard = loop.hazard
    return {
        "id": hazard.id,
        "number": hazard.number,
        "description": hazard.description,
        "location": hazard.location,
        "grade": hazard.grade.value,
        "grading_id": None if loop.grading is None else loop.grading.id,
    }


def _plan_key(kind: SheetKind, loop: _Loop, record: dict[str, Any], subject: uuid.UUID | None, reader: _Reader,
              position: int = 1) -> tuple[str, str, PlannedPrint]:  # fmt: skip
    digest = record_digest(record)
    code = short_code(digest)
    hazard = loop.hazard
    copy_no = reader.uow.form_prints.count(hazard.id, kind, digest)
    sheet_no = _sheet_number(PREFIXES[kind], hazard.number, position)
    plan = PlannedPrint(kind, None, None, hazard.id, hazard.number, sheet_no, code, digest, copy_no, subject)
    return code, sheet_no, plan


# ---------------------------------------------------------------- 通知书


def _deadline_text(assignment: Assignment) -> str:
    if assignment.deadline <= assignment.assigned_on:
        return f"立即整改（{_date_cn(assignment.deadline)}）"
    return _date_cn(assignment.deadline)


def _extension_line(reader: _Reader, request: ExtensionRequest) -> str:
    asker = reader.member_name(request.requested_by.person_id, request.requested_by.name)
    asked = f"{_date_cn(_on(request.requested_at))} {asker} 申请将期限由 " + (
        f"{_date_cn(request.current_deadline)} 延至 {_date_cn(request.requested_deadline)}"
    )
    reason = f"（{request.reason}）" if request.reason else ""
    if request.state is ExtensionState.PENDING:
        return f"{asked}{reason}，待批准"
    decider = request.decided_by
    who = reader.member_name(decider.person_id, decider.name) if decider is not None else ""
    when = _date_cn(_on(request.decided_at)) if request.decided_at is not None else ""
    verdict = "批准" if request.state is ExtensionState.APPROVED else "不批准"
    decision = f"：{request.decision_reason}" if request.decision_reason else ""
    return f"{asked}{reason}；{when} {who} {verdict}{decision}"


def notice_record(loop: _Loop) -> dict[str, Any]:
    """What a 隐患整改通知书 certifies: the hazard, its 五定 and the decided extensions."""
    assignment = loop.assignment
    assert assignment is not None
    return {
        "record": "notice",
        "version": FORM_RECORD_VERSION,
        "hazard": _hazard_record(loop),
        "assignment": {
            "id": assignment.id,
            "responsible_department_id": assignment.responsible_department_id,
            "responsible_person_id": assignment.responsible_person_id,
            "measures": assignment.measures,
            "funds": assignment.funds,
            "funds_source": assignment.funds_source,
            "original_deadline": assignment.original_deadline,
            "deadline": assignment.deadline,
            "interim_measures": assignment.interim_measures,
            "assigned_by_id": assignment.assigned_by_id,
            "assigned_on": assignment.assigned_on,
            "on_the_spot": assignment.on_the_spot,
        },
        "extensions": [
            {"id": e.id, "state": e.state.value, "requested_deadline": e.requested_deadline}
            for e in loop.extensions
            if e.state is not ExtensionState.PENDING
        ],
    }


def _notice(reader: _Reader, loop: _Loop) -> tuple[NoticeForm, PlannedPrint]:
    assignment = loop.assignment
    assert assignment is not None
    labels = _five_labels(reader)
    department = _department_name(reader, assignment.responsible_department_id)
    person = reader.person_name(assignment.responsible_person_id)
    issuer, issuer_department = _person(reader, assignment.assigned_by_id)
    _, requirement = _grade_text(reader, loop)
    code, sheet_no, plan = _plan_key(SheetKind.NOTICE, loop, notice_record(loop), assignment.id, reader)
    form = NoticeForm(
        plant_name=reader.plant_name,
        sheet_no=sheet_no,
        hazard_number=loop.hazard.number,
        hazard=_form_hazard(reader, loop),
        to_department=department,
        to_person=person,
        issued_on=_date_cn(assignment.assigned_on),
        issued_by=issuer,
        issuer_department=issuer_department,
        assignment=(
            FormLine(labels.responsibility, f"{department} {person}".strip()),
            FormLine(labels.measures, assignment.measures),
            FormLine(labels.funds, _money(assignment.funds, assignment.funds_source)),
            FormLine(labels.deadline, f"{_deadline_text(assignment)}前完成整改并提请验收"),
            FormLine(labels.contingency, assignment.interim_measures or "—"),
        ),
        deadline=_deadline_text(assignment),
        requirement=requirement,
        verify_code=code,
        qr_payload=qr_payload(code, loop.hazard.number),
        copy_no=plan.copy_no,
        history=tuple(_extension_line(reader, e) for e in loop.extensions),
        on_the_spot=assignment.on_the_spot,
    )
    return form, plan


# ---------------------------------------------------------------- 验收单


def _note(loop: _Loop, transition: Transition) -> ProgressNote | None:
    note_id = transition.details.get("note_id")
    return next((n for n in loop.notes if str(n.id) == str(note_id)), None)


def _side_photos(reader: _Reader, loop: _Loop, stage: PhotoStage, until: datetime) -> tuple[SheetPhoto, ...]:
    label = "整改前" if stage is PhotoStage.BEFORE else "整改后"
    found: list[SheetPhoto] = []
    if stage is PhotoStage.BEFORE:  # the photos taken when the hazard was found show it before the fix
        found.extend(SheetPhoto(p.jpeg, f"{label}（发现时）") for p in reader.photos(loop.hazard))
    for note in loop.notes:
        if note.written_at > until:
            continue
        for photo in sorted(note.photos, key=lambda p: p.position):
            # the after side shows the progress photos too, captioned as such (issue 12: a photo added with
            # 整改进展 was on no form)
            progress = stage is PhotoStage.AFTER and photo.stage is PhotoStage.PROGRESS
            if photo.stage is not stage and not progress:
                continue
            data = reader.uow.rectification.photo_bytes(photo.id, PhotoKind.DISPLAY)
            if data:
                caption = "整改进展" if progress else label
                found.append(SheetPhoto(data, f"{caption}（{_date_cn(_on(note.written_at))}）"))
    if stage is PhotoStage.AFTER:
        finals = [p for p in found if not p.caption.startswith("整改进展")]
        if len(finals) >= MAX_SIDE_PHOTOS:
            return tuple(finals[-MAX_SIDE_PHOTOS:])  # the latest after-photos: what the acceptors look at
        return tuple(found[-MAX_SIDE_PHOTOS:])
    return tuple(found[:MAX_SIDE_PHOTOS])


def acceptance_record(loop: _Loop, index: int) -> dict[str, Any]:
    """What the 验收单 of round ``index`` certifies: the submission, its note and photos, its decision."""
    submitted = loop.rounds[index]
    note = _note(loop, submitted)
    decided = loop.acceptances[index] if index < len(loop.acceptances) else None
    record: dict[str, Any] = {
        "record": "acceptance",
        "version": FORM_RECORD_VERSION,
        "hazard": _hazard_record(loop),
        "round": {
            "transition_id": submitted.id,
            "action": submitted.action.value,
            "at": submitted.at,
            "actor_id": submitted.actor.person_id,
            "acceptor_id": str(submitted.details.get("acceptor_id") or ""),
            "note_id": None if note is None else note.id,
            "text": "" if note is None else note.text,
            "photos": [] if note is None else [p.original_sha256 for p in note.photos],
        },
        "acceptance": None,
    }
    if decided is not None:
        evaluation = decided.evaluation
        record["acceptance"] = {
            "id": decided.id,
            "result": decided.result.value,
            "decided_by_id": decided.decided_by.person_id,
            "decided_on": decided.decided_on,
            "remarks": decided.remarks,
            "group": [p.person_id for p in decided.group],
            "evaluation": None
            if evaluation is None
            else {
                "evaluator": evaluation.evaluator.value,
                "evaluated_by": evaluation.evaluated_by,
                "report_reference": evaluation.report_reference,
                "evaluated_on": evaluation.evaluated_on,
                "conclusion": evaluation.conclusion,
            },
        }
    return record


def _acceptors(
    reader: _Reader, loop: _Loop, submitted: Transition, decided: Acceptance | None
) -> tuple[FormSigner, ...]:
    major = loop.hazard.grade is HazardGrade.MAJOR
    if decided is not None:
        people = decided.group or (decided.decided_by,)
        leader = decided.decided_by.person_id
        signers = [
            FormSigner(
                "验收组长" if major and p.person_id == leader else ("成员" if major else "验收人"),
                reader.member_name(p.person_id, p.name),
                p.department_name,
            )  # fmt: skip
            for p in people
        ]
        signers.sort(key=lambda s: s.role != "验收组长")
        return tuple(signers)
    raw = submitted.details.get("acceptor_id")
    acceptor_id = uuid.UUID(str(raw)) if raw else None
    name, department = _person(reader, acceptor_id)
    name = name or str(submitted.details.get("acceptor_name") or "")
    if not major:
        return (FormSigner("验收人", name, department),)
    rows = [FormSigner("验收组长", name, department)]
    while len(rows) < MAJOR_GROUP_ROWS:
        rows.append(FormSigner("成员", ""))
    return tuple(rows)


def _acceptance(reader: _Reader, loop: _Loop) -> tuple[AcceptanceForm, PlannedPrint]:
    index = len(loop.rounds) - 1
    submitted = loop.rounds[index]
    note = _note(loop, submitted)
    decided = loop.acceptances[index] if index < len(loop.acceptances) else None
    major = loop.hazard.grade is HazardGrade.MAJOR
    code, sheet_no, plan = _plan_key(
        SheetKind.ACCEPTANCE, loop, acceptance_record(loop, index), submitted.id, reader, position=index + 1
    )
    assignment = loop.assignment
    result = ""
    if decided is not None:
        remarks = f"：{decided.remarks}" if decided.remarks else ""
        result = (
            f"整改合格，同意销号{remarks}"
            if decided.result is AcceptanceResult.ACCEPTED
            else f"整改不合格，退回整改{remarks}"
        )
    evaluation = None
    if decided is not None and decided.evaluation is not None:
        found = decided.evaluation
        evaluation = FormEvaluation(
            found.evaluated_by, found.report_reference, _day(found.evaluated_on), found.conclusion
        )
    earlier = tuple(
        f"第{i + 1}次 {_date_cn(a.decided_on)} {reader.member_name(a.decided_by.person_id, a.decided_by.name)}"
        f" 退回：{a.remarks}"
        for i, a in enumerate(loop.acceptances[:index])
        if a.result is AcceptanceResult.SENT_BACK
    )
    form = AcceptanceForm(
        plant_name=reader.plant_name,
        sheet_no=sheet_no,
        hazard_number=loop.hazard.number,
        hazard=_form_hazard(reader, loop),
        responsible_department=_department_name(reader, assignment.responsible_department_id) if assignment else "",
        responsible_person=reader.person_name(assignment.responsible_person_id) if assignment else "",
        deadline=_deadline_text(assignment) if assignment else "",
        requested_on=_date_cn(_on(submitted.at)),
        measures_taken=(note.text if note is not None else "") or (assignment.measures if assignment else ""),
        acceptors=_acceptors(reader, loop, submitted, decided),
        verify_code=code,
        qr_payload=qr_payload(code, loop.hazard.number),
        copy_no=plan.copy_no,
        funds=_money(assignment.funds, assignment.funds_source) if assignment else "",
        before=_side_photos(reader, loop, PhotoStage.BEFORE, submitted.at),
        after=_side_photos(reader, loop, PhotoStage.AFTER, submitted.at),
        evaluation=evaluation,
        result=result,
        accepted_on=_date_cn(decided.decided_on) if decided is not None else "",
        earlier_rounds=earlier,
        round_no=index + 1,
        major=major,
    )
    return form, plan


# ---------------------------------------------------------------- 治理方案 and 报告


def _plan_fields(plan: TreatmentPlan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "goal_and_tasks": plan.goal_and_tasks,
        "methods_and_measures": plan.methods_and_measures,
        "funds_and_materials": plan.funds_and_materials,
        "organisation_and_people": plan.organisation_and_people,
        "time_limit": plan.time_limit,
        "time_requirements": plan.time_requirements,
        "safety_and_emergency": plan.safety_and_emergency,
        "stoppage": plan.stoppage.value,
        "stopped_since": plan.stopped_since,
        "reports": [{"kind": r.kind.value, "made_on": r.made_on, "reference": r.reference} for r in plan.reports],
        "supervision": None
        if plan.supervision is None
        else {"by": plan.supervision.by, "reference": plan.supervision.reference, "since": plan.supervision.since},
        "cause": plan.cause,
        "harm": plan.harm,
        "difficulty": plan.difficulty,
    }


def plan_record(loop: _Loop, kind: SheetKind) -> dict[str, Any]:
    """What the 治理方案 (or the report, ``kind``) certifies: the hazard, its plan and its 五定."""
    assert loop.plan is not None
    assignment = loop.assignment
    return {
        "record": kind.value,
        "version": FORM_RECORD_VERSION,
        "hazard": _hazard_record(loop),
        "plan": _plan_fields(loop.plan),
        "assignment": None
        if assignment is None
        else {
            "id": assignment.id,
            "responsible_department_id": assignment.responsible_department_id,
            "responsible_person_id": assignment.responsible_person_id,
            "funds": assignment.funds,
            "funds_source": assignment.funds_source,
            "interim_measures": assignment.interim_measures,
        },
    }


def _shutdown(plan: TreatmentPlan) -> str:
    if plan.stoppage is Stoppage.NONE:
        return "未停产"
    since = f"（自{_date_cn(plan.stopped_since)}起）" if plan.stopped_since else ""
    return STOPPAGE_TEXT[plan.stoppage] + since


def _supervision(plan: TreatmentPlan) -> str:
    found = plan.supervision
    if found is None:
        return ""
    extra = "，".join(
        x
        for x in (found.reference and f"督办文号 {found.reference}", found.since and f"自{_date_cn(found.since)}起")
        if x
    )
    return f"{found.by} 挂牌督办" + (f"（{extra}）" if extra else "")


def _reports(plan: TreatmentPlan) -> tuple[str, ...]:
    return tuple(
        f"{_date_cn(r.made_on)} 向{REPORT_TO[r.kind]}报告" + (f"（{r.reference}）" if r.reference else "")
        for r in sorted(plan.reports, key=lambda r: r.made_on)
    )


def _time_limit(plan: TreatmentPlan) -> str:
    head = f"{_date_cn(plan.time_limit)}前完成治理。"
    return head + plan.time_requirements if plan.time_requirements else head


def _plan_form(reader: _Reader, loop: _Loop) -> tuple[TreatmentPlanForm, PlannedPrint]:
    plan = loop.plan
    assert plan is not None
    assignment = loop.assignment
    code, sheet_no, planned = _plan_key(SheetKind.PLAN, loop, plan_record(loop, SheetKind.PLAN), plan.id, reader)
    form = TreatmentPlanForm(
        plant_name=reader.plant_name,
        sheet_no=sheet_no,
        hazard_number=loop.hazard.number,
        hazard=_form_hazard(reader, loop),
        goal_and_tasks=plan.goal_and_tasks,
        methods_and_measures=plan.methods_and_measures,
        funds_and_materials=plan.funds_and_materials,
        organisation_and_people=plan.organisation_and_people,
        time_limit_and_requirements=_time_limit(plan),
        safety_and_emergency=plan.safety_and_emergency,
        verify_code=code,
        qr_payload=qr_payload(code, loop.hazard.number),
        copy_no=planned.copy_no,
        funds=_money(assignment.funds, assignment.funds_source) if assignment else "",
        deadline=_date_cn(plan.time_limit),
        shutdown=_shutdown(plan),
        reports=_reports(plan),
        supervision=_supervision(plan),
        responsible_department=_department_name(reader, assignment.responsible_department_id) if assignment else "",
        responsible_person=reader.person_name(assignment.responsible_person_id) if assignment else "",
        drawn_up_on=_date_cn(_on(plan.created_at)),
    )
    return form, planned


def _report_form(reader: _Reader, loop: _Loop) -> tuple[MajorReportForm, PlannedPrint]:
    plan = loop.plan
    assert plan is not None
    assignment = loop.assignment
    code, sheet_no, planned = _plan_key(SheetKind.REPORT, loop, plan_record(loop, SheetKind.REPORT), plan.id, reader)
    hazard = _form_hazard(reader, loop)
    regulator = [r for r in plan.reports if r.kind is ReportKind.REGULATOR]
    responsible = ""
    if assignment is not None:
        responsible = (
            f"{_department_name(reader, assignment.responsible_department_id)} "
            f"{reader.person_name(assignment.responsible_person_id)}"
        ).strip()
    lines = [
        FormLine("治理目标", plan.goal_and_tasks),
        FormLine("治理措施", plan.methods_and_measures),
        FormLine("经费物资", plan.funds_and_materials),
        FormLine("机构人员", plan.organisation_and_people + (f"（责任人：{responsible}）" if responsible else "")),
        FormLine("治理时限", _time_limit(plan)),
        FormLine("应急措施", plan.safety_and_emergency),
    ]
    form = MajorReportForm(
        plant_name=reader.plant_name,
        sheet_no=sheet_no,
        hazard_number=loop.hazard.number,
        hazard=hazard,
        current_state=f"{hazard.description}（部位：{hazard.location}；{_shutdown(plan)}）",
        cause=plan.cause,
        harm=plan.harm,
        difficulty=plan.difficulty,
        plan_lines=tuple(lines),
        verify_code=code,
        qr_payload=qr_payload(code, loop.hazard.number),
        copy_no=planned.copy_no,
        addressee=plan.supervision.by if plan.supervision is not None else "",
        reported_on=_date_cn(min(r.made_on for r in regulator)) if regulator else "",
        plan_no=_sheet_number(PREFIXES[SheetKind.PLAN], loop.hazard.number, 1),
        shutdown=_shutdown(plan),
        interim=assignment.interim_measures if assignment is not None else "",
    )
    return form, planned


_BUILDERS: dict[SheetKind, Callable[[_Reader, _Loop], tuple[RectificationForm, PlannedPrint]]] = {
    SheetKind.NOTICE: _notice,
    SheetKind.ACCEPTANCE: _acceptance,
    SheetKind.PLAN: _plan_form,
    SheetKind.REPORT: _report_form,
}


def form_target(reader: _Reader, kind: SheetKind, hazard_id: uuid.UUID) -> tuple[str, list[Callable[[], Any]]]:
    """The document title and its one builder for the form ``kind`` of a hazard.

    Raises:
        NotFound: ``hazard_unknown``.
        InvalidTransition: the form cannot be printed in the hazard's state (see the module's docstring).
    """
    loop = _read_loop(reader, hazard_id)
    refusal = form_refusal(loop, kind)
    if refusal is not None:
        raise refusal
    title = f"{TITLES[kind]} {loop.hazard.number}"
    return title, [lambda: _BUILDERS[kind](reader, loop)]


def form_record_now(
    reader: _Reader, kind: SheetKind, hazard_id: uuid.UUID, subject_id: uuid.UUID | None
) -> tuple[dict[str, Any] | None, str]:
    """The record a printed form of ``kind`` certifies as stored now (None: it is gone), and its number."""
    loop = _read_loop(reader, hazard_id)
    number = loop.hazard.number
    if kind is SheetKind.NOTICE:
        return (None if loop.assignment is None else notice_record(loop)), _sheet_number(PREFIXES[kind], number, 1)
    if kind is SheetKind.ACCEPTANCE:
        index = next((i for i, t in enumerate(loop.rounds) if t.id == subject_id), None)
        sheet_no = _sheet_number(PREFIXES[kind], number, 1 if index is None else index + 1)
        return (None if index is None else acceptance_record(loop, index)), sheet_no
    record = None if loop.plan is None else plan_record(loop, kind)
    return record, _sheet_number(PREFIXES[kind], number, 1)


def available_forms(reader: _Reader, hazard_id: uuid.UUID) -> dict[SheetKind, InvalidTransition | None]:
    """Each form and why it cannot be printed now (None: it can) — for the menus."""
    loop = _read_loop(reader, hazard_id)
    return {kind: form_refusal(loop, kind) for kind in _BUILDERS}

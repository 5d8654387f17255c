"""The rectification loop's transitions, one use case each (see the package's docstring).

Common parameters: ``uow`` (committed here), ``hazard_id``, ``expected_revision`` (the hazard's revision the
screen showed: ``Conflict("stale_revision")`` otherwise), ``actor_id`` (the 操作人, an active person of the
settings), ``at`` (the instant; None: now — tests pass one; the plant-local day is ``plant_date(at)``).
Each returns the hazard as stored afterwards (revision + 1).

Errors common to all: ``NotFound("hazard_unknown")``, ``NotFound("person_unknown", field="actor")``,
``ValidationError("person_inactive", field="actor")``, ``Conflict("stale_revision")``, the
``InvalidTransition`` codes of ``domain.rectification.check_action`` and the ``NotPermitted`` codes of
``check_actor`` (each use case lists its own besides).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import Conflict, DomainError, NotPermitted, ValidationError
from hazard_desktop.domain.grading_states import DisputeState
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.rectification import (
    MAX_STAGE_PHOTOS,
    REASON_MAX,
    TARGET,
    Acceptance,
    AcceptanceInput,
    AcceptanceResult,
    Action,
    Actor,
    Assignment,
    AssignmentInput,
    Duties,
    ExtensionRequest,
    ExtensionState,
    LoopState,
    NoteKind,
    PersonRef,
    PhotoStage,
    PlanInput,
    ProgressNote,
    RectificationPhoto,
    Transition,
    TreatmentPlan,
    check_acceptance_group,
    check_action,
    check_actor,
    clean_text,
    default_deadline,
    plant_date,
    validate_assignment,
    validate_evaluation,
    validate_plan,
)
from hazard_desktop.domain.reference import DepartmentKind, Person
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.hazards import PhotoFile, photo_fields, process_photo_files
from hazard_desktop.services.lookup import require
from hazard_desktop.services.ports import ImageProcessor, ProcessedImage, UnitOfWork
from hazard_desktop.services.rectification.settings import read_settings


@dataclass(frozen=True, slots=True)
class StagedPhoto:
    """A picked image file and what it shows (before / progress / after)."""

    file: PhotoFile
    stage: PhotoStage


# ---------------------------------------------------------------- the frame every transition shares


@dataclass(slots=True)
class _Step:
    """What a transition knows once the hazard, the actor and the state have been checked."""

    uow: UnitOfWork
    hazard: Hazard
    actor: Actor
    actor_ref: PersonRef
    assignment: Assignment | None
    duties: Duties
    action: Action
    at: datetime
    today: date
    pending: ExtensionRequest | None
    changes: dict[str, Any] = field(default_factory=dict)


def person_ref(uow: UnitOfWork, person_id: uuid.UUID | None, field_name: str) -> tuple[Person, PersonRef, Actor]:
    """An active person of the settings, as recorded (snapshot) and as the rules see them.

    Raises:
        ValidationError: ``<field>_empty`` when ``person_id`` is None; ``person_inactive``.
        NotFound: ``person_unknown``.
    """
    if person_id is None:
        raise ValidationError(f"{field_name}_empty", field=field_name)
    person = require(uow.reference.get_person(person_id), "person_unknown", field=field_name, value=str(person_id))
    if not person.active:
        raise ValidationError("person_inactive", field=field_name, name=person.name)
    department = uow.reference.get_department(person.department_id)
    kind = department.kind if department is not None else DepartmentKind.OTHER
    ref = PersonRef(
        person_id=person.id,
        name=person.name,
        department_id=person.department_id,
        department_name=department.name if department is not None else "",
        department_kind=kind.value,
    )
    return person, ref, Actor(person.id, person.department_id, kind, person.roles)


def check_acting_for(uow: UnitOfWork, actor_id: uuid.UUID | None) -> None:
    """Under accounts the 操作人 is the signed-in account's person; only the safety office
    (``SAFETY_ADMIN``) may act for someone else. Without a person (single user, system, command line)
    the 操作人 picked is taken as it is.

    Raises:
        NotPermitted: ``act_for_other``.
    """
    acting = uow.actor
    if acting.person_id is None or actor_id == acting.person_id or Role.SAFETY_ADMIN in acting.roles:
        return
    raise NotPermitted("act_for_other", field="actor", name=acting.name)


def _cites_major(uow: UnitOfWork, hazard_id: uuid.UUID) -> bool:
    """A grading of the hazard (draft or confirmed, current or superseded) cites a major criterion, or an open
    dispute claims one."""
    if any(grading.matches for grading in uow.gradings.history_for(hazard_id)):
        return True
    return any(d.claimed and d.state is DisputeState.OPEN for d in uow.gradings.disputes_for(hazard_id))


def _needs_criteria(action: Action, assignment: Assignment | None) -> bool:
    """Whether the state machine looks at cited criteria: on the spot, and accepting an on-the-spot fix."""
    if action is Action.ON_THE_SPOT:
        return True
    return action is Action.ACCEPT and assignment is not None and assignment.on_the_spot


def _rectified_by(uow: UnitOfWork, hazard_id: uuid.UUID) -> uuid.UUID | None:
    """Who last submitted the work for acceptance or fixed it on the spot."""
    steps = [t for t in uow.rectification.transitions(hazard_id) if t.action in (Action.SUBMIT, Action.ON_THE_SPOT)]
    return steps[-1].actor.person_id if steps else None


@use_case("rectification.refusals", *EVERYONE)
def refusals(uow: UnitOfWork, hazard_id: uuid.UUID, actor_id: uuid.UUID) -> dict[Action, DomainError | None]:
    """For each action of the loop (but GRADE): None if ``actor_id`` may do it on the hazard now, else the refusal
    the use case would raise first for the state or the person (input checks come later, in the use case).

    Raises:
        NotFound: ``hazard_unknown``; ``person_unknown`` (field actor). ValidationError: ``person_inactive``.
    """
    with uow:
        hazard = require(uow.hazards.get(hazard_id), "hazard_unknown", value=str(hazard_id))
        _, _, actor = person_ref(uow, actor_id, "actor")
        assignment = uow.rectification.get_assignment(hazard_id)
        pending = None
        if hazard.extension_pending:
            pending = next(
                (e for e in uow.rectification.extensions(hazard_id) if e.state is ExtensionState.PENDING), None
            )
        cites = _cites_major(uow, hazard_id)
        duties = Duties(
            found_by_id=hazard.found_by_id,
            responsible_department_id=assignment.responsible_department_id if assignment else None,
            responsible_person_id=assignment.responsible_person_id if assignment else None,
            acceptor_id=hazard.acceptor_id,
            rectified_by_id=_rectified_by(uow, hazard_id),
            extension_requested_by_id=pending.requested_by.person_id if pending else None,
        )
    state = LoopState(
        status=hazard.status,
        grade=hazard.grade,
        extension_pending=hazard.extension_pending,
        has_assignment=assignment is not None,
        on_the_spot=assignment is not None and assignment.on_the_spot,
    )
    found: dict[Action, DomainError | None] = {}
    for action in Action:
        if action is Action.GRADE:
            continue
        try:
            checked = dataclasses.replace(state, cites_major=_needs_criteria(action, assignment) and cites)
            check_action(action, checked)
            check_actor(action, actor, duties, major=hazard.grade is HazardGrade.MAJOR)
        except DomainError as exc:
            found[action] = exc
        else:
            found[action] = None
    return found


def _begin(
    uow: UnitOfWork, hazard_id: uuid.UUID, expected_revision: int, actor_id: uuid.UUID, action: Action, at: datetime
) -> _Step:
    """Load and check everything a transition needs: the hazard, the revision, the actor, the state, the duties."""
    hazard = require(uow.hazards.get(hazard_id), "hazard_unknown", value=str(hazard_id))
    if hazard.revision != expected_revision:
        raise Conflict("stale_revision", number=hazard.number)
    check_acting_for(uow, actor_id)
    _, ref, actor = person_ref(uow, actor_id, "actor")
    assignment = uow.rectification.get_assignment(hazard_id)
    state = LoopState(
        status=hazard.status,
        grade=hazard.grade,
        extension_pending=hazard.extension_pending,
        has_assignment=assignment is not None,
        cites_major=_needs_criteria(action, assignment) and _cites_major(uow, hazard_id),
        on_the_spot=assignment is not None and assignment.on_the_spot,
    )
    check_action(action, state)
    pending = None
    if hazard.extension_pending:
        pending = next((e for e in uow.rectification.extensions(hazard_id) if e.state is ExtensionState.PENDING), None)
    duties = Duties(
        found_by_id=hazard.found_by_id,
        responsible_department_id=assignment.responsible_department_id if assignment else None,
        responsible_person_id=assignment.responsible_person_id if assignment else None,
        acceptor_id=hazard.acceptor_id,
        rectified_by_id=_rectified_by(uow, hazard_id) if action in (Action.ACCEPT, Action.SEND_BACK) else None,
        extension_requested_by_id=pending.requested_by.person_id if pending else None,
    )
    check_actor(action, actor, duties, major=hazard.grade is HazardGrade.MAJOR)
    return _Step(uow, hazard, actor, ref, assignment, duties, action, at, plant_date(at), pending)


def _finish(step: _Step, *, reason: str = "", details: dict[str, Any] | None = None) -> Hazard:
    """Store the transition and the hazard's new status and register columns; commit; the stored hazard."""
    hazard = step.hazard
    target = TARGET[step.action] or hazard.status
    updated = dataclasses.replace(
        hazard, status=target, revision=hazard.revision + 1, updated_at=step.at, **step.changes
    )
    step.uow.hazards.update(updated)
    step.uow.rectification.add_transition(
        Transition(
            id=new_id(),
            hazard_id=hazard.id,
            action=step.action,
            from_status=hazard.status,
            to_status=target,
            actor=step.actor_ref,
            at=step.at,
            reason=reason,
            details=details or {},
        )
    )
    step.uow.commit()
    return updated  # as stored: the loop never changes the hazard's photos


def _assignment_columns(assignment: Assignment) -> dict[str, Any]:
    return {
        "deadline": assignment.deadline,
        "responsible_department_id": assignment.responsible_department_id,
        "responsible_person_id": assignment.responsible_person_id,
    }


def _check_department(uow: UnitOfWork, department_id: uuid.UUID) -> None:
    department = require(
        uow.reference.get_department(department_id),
        "department_unknown",
        field="responsible_department",
        value=str(department_id),
    )
    if not department.active:
        raise ValidationError("department_inactive", field="responsible_department", name=department.name)


def _processed(
    photos: Sequence[StagedPhoto], images: ImageProcessor | None
) -> list[tuple[StagedPhoto, ProcessedImage]]:
    if len(photos) > MAX_STAGE_PHOTOS:
        raise ValidationError("photos_too_many", field="photos", max=MAX_STAGE_PHOTOS)
    processed = process_photo_files([p.file for p in photos], images)
    return [(photo, image) for photo, (_, image) in zip(photos, processed, strict=True)]


def _add_note(
    step: _Step, kind: NoteKind, text: str, photos: Sequence[tuple[StagedPhoto, ProcessedImage]]
) -> ProgressNote:
    note_id = new_id()
    stored = []
    for position, (staged, image) in enumerate(photos, start=1):
        photo = RectificationPhoto(
            id=new_id(),
            hazard_id=step.hazard.id,
            note_id=note_id,
            stage=PhotoStage(staged.stage),
            **photo_fields(staged.file, image, position, step.at),
        )
        stored.append((photo, image))
    note = ProgressNote(
        id=note_id,
        hazard_id=step.hazard.id,
        kind=kind,
        text=text,
        author=step.actor_ref,
        written_at=step.at,
        photos=tuple(p for p, _ in stored),
        created_at=step.at,
        updated_at=step.at,
    )
    step.uow.rectification.add_note(note)
    for photo, image in stored:
        step.uow.rectification.add_photo(photo, image)
    return note


def _now(at: datetime | None) -> datetime:
    if at is not None and at.tzinfo is None:
        raise ValidationError("instant_naive")
    return at or utcnow()


def _new_plan(hazard_id: uuid.UUID, clean: PlanInput, at: datetime, old: TreatmentPlan | None) -> TreatmentPlan:
    assert clean.time_limit is not None
    return TreatmentPlan(
        id=old.id if old else new_id(),
        hazard_id=hazard_id,
        goal_and_tasks=clean.goal_and_tasks,
        methods_and_measures=clean.methods_and_measures,
        funds_and_materials=clean.funds_and_materials,
        organisation_and_people=clean.organisation_and_people,
        time_limit=clean.time_limit,
        time_requirements=clean.time_requirements,
        safety_and_emergency=clean.safety_and_emergency,
        stoppage=clean.stoppage,
        stopped_since=clean.stopped_since,
        reports=clean.reports,
        supervision=clean.supervision,
        created_at=old.created_at if old else at,
        updated_at=at,
        cause=clean.cause,
        harm=clean.harm,
        difficulty=clean.difficulty,
    )


# ---------------------------------------------------------------- the use cases


@use_case("rectification.assign", Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def assign(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    data: AssignmentInput,
    plan: PlanInput | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """下达整改 (五定): 已定级 → 整改中 (or 整改中 without 五定, from before revision 0007).

    The deadline: as typed, else for 一般 the settings' default for its band (立即 = today), for 重大 the
    treatment plan's time limit (a 重大 hazard needs its plan, given here or saved before; a typed deadline
    of a 重大 hazard must be the plan's time limit).

    Raises:
        ValidationError: the 五定 and plan rules, ``plan_required``, ``deadline_not_plan`` (param ``time_limit``).
        NotFound: ``department_unknown``, ``person_unknown`` (field ``responsible_person``).
    """
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.ASSIGN, now)
        hazard = step.hazard
        stored_plan = uow.rectification.get_plan(hazard_id)
        major = hazard.grade is HazardGrade.MAJOR
        new_plan = None
        if plan is not None:
            if not major:
                raise ValidationError("plan_for_major_only", field="plan")
            new_plan = _new_plan(hazard_id, validate_plan(plan, step.today, new=stored_plan is None), now, stored_plan)
        the_plan = new_plan or stored_plan
        if major and the_plan is None:
            raise ValidationError("plan_required", field="plan")
        if the_plan is not None:
            deadline = data.deadline or the_plan.time_limit
            if deadline != the_plan.time_limit:
                raise ValidationError("deadline_not_plan", field="deadline", time_limit=the_plan.time_limit.isoformat())
        else:
            settings = read_settings(uow)
            fallback = default_deadline(step.today, hazard.grade, _band(uow, hazard), settings.deadlines)
            deadline = data.deadline or fallback or step.today
        clean = validate_assignment(data, deadline, step.today)
        assert clean.responsible_department_id is not None and clean.responsible_person_id is not None
        _check_department(uow, clean.responsible_department_id)
        person_ref(uow, clean.responsible_person_id, "responsible_person")
        assignment = Assignment(
            id=new_id(),
            hazard_id=hazard_id,
            responsible_department_id=clean.responsible_department_id,
            responsible_person_id=clean.responsible_person_id,
            measures=clean.measures,
            funds=clean.funds,
            funds_source=clean.funds_source,
            original_deadline=deadline,
            deadline=deadline,
            interim_measures=clean.interim_measures,
            assigned_by_id=actor_id,
            assigned_on=step.today,
            on_the_spot=False,
            created_at=now,
            updated_at=now,
        )
        uow.rectification.save_assignment(assignment)
        if new_plan is not None:
            uow.rectification.save_plan(new_plan)
        step.changes.update(_assignment_columns(assignment), acceptor_id=None)
        return _finish(
            step,
            details={
                "deadline": deadline.isoformat(),
                "responsible_department_id": str(assignment.responsible_department_id),
                "responsible_person_id": str(assignment.responsible_person_id),
                "plan": the_plan is not None,
            },
        )


def _band(uow: UnitOfWork, hazard: Hazard) -> str | None:
    """The LEC band of the grading that counts (None without LEC)."""
    confirmed = [g for g in uow.gradings.history_for(hazard.id) if g.confirmed]
    superseded = {g.supersedes_id for g in confirmed}
    current = [g for g in confirmed if g.id not in superseded]
    return current[-1].band_code if current else None


_REVISABLE = (
    "responsible_department_id",
    "responsible_person_id",
    "measures",
    "funds",
    "funds_source",
    "interim_measures",
)


@use_case("rectification.revise", Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def revise_assignment(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    data: AssignmentInput,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """Change 五定 while 整改中 (``data.deadline`` must be None or the current deadline: it moves by 延期).

    Raises:
        ValidationError: the 五定 rules, ``reason_empty``, ``deadline_changed``, ``revise_no_change``.
    """
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.REVISE, now)
        current = step.assignment
        assert current is not None
        if data.deadline is not None and data.deadline != current.deadline:
            raise ValidationError("deadline_changed", field="deadline")
        clean = validate_assignment(data, current.deadline, min(step.today, current.deadline))
        why = clean_text(reason, "reason", REASON_MAX)
        assert clean.responsible_department_id is not None and clean.responsible_person_id is not None
        _check_department(uow, clean.responsible_department_id)
        person_ref(uow, clean.responsible_person_id, "responsible_person")
        revised = dataclasses.replace(current, **{name: getattr(clean, name) for name in _REVISABLE}, updated_at=now)
        changed = [name for name in _REVISABLE if getattr(revised, name) != getattr(current, name)]
        if not changed:
            raise ValidationError("revise_no_change")
        uow.rectification.save_assignment(revised)
        step.changes.update(_assignment_columns(revised))
        return _finish(step, reason=why, details={"changed": changed})


@use_case("rectification.save_plan", Role.INSPECTOR, Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def save_plan(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    plan: PlanInput,
    *,
    at: datetime | None = None,
) -> Hazard:
    """Store or change a 重大 hazard's treatment plan (six contents, 停产, 双报告, 挂牌督办).

    A new time limit (before the hazard is assigned, or changed later) may not lie before today; once
    assigned, the plan's time limit is the hazard's deadline and changes with it.
    """
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.SAVE_PLAN, now)
        old = uow.rectification.get_plan(hazard_id)
        changed_limit = old is None or plan.time_limit != old.time_limit
        clean = validate_plan(plan, step.today, new=changed_limit)
        new_plan = _new_plan(hazard_id, clean, now, old)
        uow.rectification.save_plan(new_plan)
        assignment = step.assignment
        if assignment is not None and assignment.deadline != new_plan.time_limit:
            moved = dataclasses.replace(assignment, deadline=new_plan.time_limit, updated_at=now)
            uow.rectification.save_assignment(moved)
            step.changes["deadline"] = moved.deadline
        return _finish(step, details={"created": old is None, "time_limit": new_plan.time_limit.isoformat()})


@use_case("rectification.add_note", Role.INSPECTOR, Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def add_note(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    text: str,
    photos: Sequence[StagedPhoto] = (),
    images: ImageProcessor | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """整改进展: a progress note with photos (each tagged before / progress / after)."""
    now = _now(at)
    body = clean_text(text, "text")
    processed = _processed(photos, images)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.NOTE, now)
        note = _add_note(step, NoteKind.PROGRESS, body, processed)
        return _finish(step, details={"note_id": str(note.id), "photos": len(processed)})


@use_case("rectification.request_extension", Role.INSPECTOR, Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def request_extension(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    new_deadline: date,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """申请延期: ``new_deadline`` later than the current deadline; sets ``extension_pending``.

    Raises:
        ValidationError: ``reason_empty``, ``extension_not_later`` (param ``deadline``).
    """
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.REQUEST_EXTENSION, now)
        assert step.assignment is not None
        current = step.assignment.deadline
        why = clean_text(reason, "reason", REASON_MAX)
        if new_deadline <= current:
            raise ValidationError("extension_not_later", field="deadline", deadline=current.isoformat())
        request = ExtensionRequest(
            id=new_id(),
            hazard_id=hazard_id,
            requested_by=step.actor_ref,
            requested_at=now,
            current_deadline=current,
            requested_deadline=new_deadline,
            reason=why,
            state=ExtensionState.PENDING,
            decided_by=None,
            decided_at=None,
            decision_reason="",
            created_at=now,
            updated_at=now,
        )
        uow.rectification.save_extension(request)
        step.changes["extension_pending"] = True
        return _finish(
            step,
            reason=why,
            details={
                "extension_id": str(request.id),
                "current_deadline": current.isoformat(),
                "requested_deadline": new_deadline.isoformat(),
            },
        )


def _decide(step: _Step, approve: bool, reason: str) -> Hazard:
    request = step.pending
    assert request is not None and step.assignment is not None
    decided = dataclasses.replace(
        request,
        state=ExtensionState.APPROVED if approve else ExtensionState.REFUSED,
        decided_by=step.actor_ref,
        decided_at=step.at,
        decision_reason=reason,
        updated_at=step.at,
    )
    step.uow.rectification.save_extension(decided)
    step.changes["extension_pending"] = False
    details: dict[str, Any] = {"extension_id": str(request.id)}
    if approve:
        old = step.assignment.deadline
        moved = dataclasses.replace(step.assignment, deadline=request.requested_deadline, updated_at=step.at)
        step.uow.rectification.save_assignment(moved)
        plan = step.uow.rectification.get_plan(step.hazard.id)
        if plan is not None:  # a 重大 hazard's deadline is its plan's time limit
            step.uow.rectification.save_plan(dataclasses.replace(plan, time_limit=moved.deadline, updated_at=step.at))
        step.changes["deadline"] = moved.deadline
        details.update(old_deadline=old.isoformat(), new_deadline=moved.deadline.isoformat())
    return _finish(step, reason=reason, details=details)


@use_case("rectification.approve_extension", Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def approve_extension(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    reason: str = "",
    *,
    at: datetime | None = None,
) -> Hazard:
    """批准延期: the deadline becomes the requested one (a 重大 hazard's plan time limit too)."""
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.APPROVE_EXTENSION, now)
        return _decide(step, True, clean_text(reason, "reason", REASON_MAX, required=False))


@use_case("rectification.refuse_extension", Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def refuse_extension(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """不批准延期 (a reason is required); the deadline stays."""
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.REFUSE_EXTENSION, now)
        return _decide(step, False, clean_text(reason, "reason", REASON_MAX))


def _acceptor(step: _Step, acceptor_id: uuid.UUID | None, responsible_id: uuid.UUID | None) -> PersonRef:
    """The person asked to accept: not the actor, not the responsible person."""
    _, ref, _ = person_ref(step.uow, acceptor_id, "acceptor")
    if ref.person_id == step.actor.person_id:
        raise ValidationError("acceptor_is_actor", field="acceptor")
    if ref.person_id == responsible_id:
        raise ValidationError("acceptor_is_responsible", field="acceptor")
    return ref


@use_case("rectification.submit", Role.INSPECTOR, Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def submit_for_acceptance(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    acceptor_id: uuid.UUID,
    text: str,
    photos: Sequence[StagedPhoto] = (),
    images: ImageProcessor | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """申请验收: 整改中 → 待验收 with what was done (and photos), naming the person asked to accept
    (neither the actor nor the responsible person).

    Raises:
        ValidationError: ``text_empty``, ``acceptor_empty``, ``acceptor_is_actor``, ``acceptor_is_responsible``.
    """
    now = _now(at)
    body = clean_text(text, "text")
    processed = _processed(photos, images)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.SUBMIT, now)
        acceptor = _acceptor(step, acceptor_id, step.duties.responsible_person_id)
        note = _add_note(step, NoteKind.COMPLETION, body, processed)
        step.changes["acceptor_id"] = acceptor.person_id
        return _finish(
            step,
            details={"note_id": str(note.id), "acceptor_id": str(acceptor.person_id), "acceptor_name": acceptor.name},
        )


@use_case("rectification.accept", Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def accept(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    data: AcceptanceInput,
    *,
    at: datetime | None = None,
) -> Hazard:
    """验收合格, 销号: 待验收 → 已销号 (``closed_on`` = the plant-local day).

    A 一般 hazard: by the person asked, or 安环部 / a safety officer; a 重大 one by its 验收组 (≥ 3, incl.
    安环部, the actor among them) with the evaluation record. Never by the responsible person or the one
    who did the work.
    """
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.ACCEPT, now)
        major = step.hazard.grade is HazardGrade.MAJOR
        remarks = clean_text(data.remarks, "remarks", required=False)
        members = [person_ref(uow, member_id, "group") for member_id in data.group_ids]
        check_acceptance_group(tuple(m[2] for m in members), step.actor, step.duties, major=major)
        evaluation = validate_evaluation(data.evaluation, step.today, major=major)
        acceptance = Acceptance(
            id=new_id(),
            hazard_id=hazard_id,
            result=AcceptanceResult.ACCEPTED,
            decided_by=step.actor_ref,
            decided_on=step.today,
            decided_at=now,
            remarks=remarks,
            group=tuple(m[1] for m in members),
            evaluation=evaluation,
            created_at=now,
            updated_at=now,
        )
        uow.rectification.add_acceptance(acceptance)
        step.changes.update(acceptor_id=None, closed_on=step.today)
        return _finish(
            step,
            reason=remarks,
            details={
                "acceptance_id": str(acceptance.id),
                "closed_on": step.today.isoformat(),
                "group": [m[1].name for m in members],
            },
        )


@use_case("rectification.send_back", Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def send_back(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """退回: 待验收 → 整改中 with a reason (the deadline stays; ask for 延期 if it is too short)."""
    now = _now(at)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.SEND_BACK, now)
        why = clean_text(reason, "reason", REASON_MAX)
        acceptance = Acceptance(
            id=new_id(),
            hazard_id=hazard_id,
            result=AcceptanceResult.SENT_BACK,
            decided_by=step.actor_ref,
            decided_on=step.today,
            decided_at=now,
            remarks=why,
            group=(),
            evaluation=None,
            created_at=now,
            updated_at=now,
        )
        uow.rectification.add_acceptance(acceptance)
        step.changes["acceptor_id"] = None
        return _finish(step, reason=why, details={"acceptance_id": str(acceptance.id)})


@use_case("rectification.on_the_spot", Role.INSPECTOR, Role.PANEL_LEADER, Role.SAFETY_ADMIN)
def fix_on_the_spot(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    measure: str,
    acceptor_id: uuid.UUID,
    photos: Sequence[StagedPhoto],
    images: ImageProcessor | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """当场整改: 待定级/已定级 → 待验收 by the finder (measure + ≥ 1 after-photo), a second person to accept.

    The finder becomes the responsible person (the hazard's department the responsible department), the
    measure the 五定 measure, the deadline today; the rule of ``domain.rectification`` (not for a hazard graded
    重大 or citing a major criterion) applies.

    Raises:
        ValidationError: ``measure_empty``, ``after_photo_required``, ``acceptor_*``.
    """
    now = _now(at)
    body = clean_text(measure, "measure")
    if not any(PhotoStage(p.stage) is PhotoStage.AFTER for p in photos):
        raise ValidationError("after_photo_required", field="photos")
    processed = _processed(photos, images)
    with uow:
        step = _begin(uow, hazard_id, expected_revision, actor_id, Action.ON_THE_SPOT, now)
        hazard = step.hazard
        acceptor = _acceptor(step, acceptor_id, actor_id)
        assignment = Assignment(
            id=new_id(),
            hazard_id=hazard_id,
            responsible_department_id=hazard.department_id,
            responsible_person_id=actor_id,
            measures=body,
            funds=Decimal("0"),
            funds_source="",
            original_deadline=step.today,
            deadline=step.today,
            interim_measures="",
            assigned_by_id=actor_id,
            assigned_on=step.today,
            on_the_spot=True,
            created_at=now,
            updated_at=now,
        )
        uow.rectification.save_assignment(assignment)
        note = _add_note(step, NoteKind.ON_THE_SPOT, body, processed)
        step.changes.update(_assignment_columns(assignment), acceptor_id=acceptor.person_id)
        return _finish(
            step,
            reason=body,
            details={"note_id": str(note.id), "acceptor_id": str(acceptor.person_id), "acceptor_name": acceptor.name},
        )


def record_grading(
    uow: UnitOfWork,
    hazard: Hazard,
    before: HazardStatus,
    grading_id: uuid.UUID,
    leader_id: uuid.UUID | None,
    *,
    correction: bool,
    at: datetime,
) -> None:
    """The timeline's entry for a grading confirmed (or corrected) — called by ``services.grading`` inside its
    own transaction (no commit here). Without a leader on record nothing is written."""
    if leader_id is None:
        return
    person = uow.reference.get_person(leader_id)
    if person is None:
        return
    department = uow.reference.get_department(person.department_id)
    ref = PersonRef(
        person.id,
        person.name,
        person.department_id,
        department.name if department else "",
        department.kind.value if department else DepartmentKind.OTHER.value,
    )
    uow.rectification.add_transition(
        Transition(
            id=new_id(),
            hazard_id=hazard.id,
            action=Action.GRADE,
            from_status=before,
            to_status=hazard.status,
            actor=ref,
            at=at,
            reason="",
            details={"grading_id": str(grading_id), "grade": hazard.grade.value, "correction": correction},
        )
    )

"""The rectification loop's records (revision 0007): 五定, treatment plans, notes and their photos, extension
requests, acceptances and the timeline. Snapshots of people and small value lists are stored as JSON."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import (
    AcceptanceRow,
    ExtensionRequestRow,
    HazardRow,
    HazardTransitionRow,
    RectificationAssignmentRow,
    RectificationNoteRow,
    RectificationPhotoBlobRow,
    RectificationPhotoRow,
    TreatmentPlanRow,
)
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import (
    Acceptance,
    AcceptanceResult,
    Action,
    Assignment,
    Evaluation,
    Evaluator,
    ExtensionRequest,
    ExtensionState,
    NoteKind,
    PersonRef,
    PhotoStage,
    PlanReport,
    ProgressNote,
    RectificationPhoto,
    ReportKind,
    Stoppage,
    Supervision,
    Transition,
    TreatmentPlan,
)
from hazard_desktop.services.ports import PhotoKind, ProcessedImage


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def person_json(person: PersonRef) -> dict[str, str]:
    return {
        "person_id": str(person.person_id),
        "name": person.name,
        "department_id": str(person.department_id),
        "department_name": person.department_name,
        "department_kind": person.department_kind,
    }


def person_from(data: dict[str, str]) -> PersonRef:
    return PersonRef(
        person_id=uuid.UUID(data["person_id"]),
        name=data["name"],
        department_id=uuid.UUID(data["department_id"]),
        department_name=data["department_name"],
        department_kind=data["department_kind"],
    )


def _plan_fields(plan: TreatmentPlan) -> dict[str, Any]:
    supervision = plan.supervision
    return {
        "hazard_id": plan.hazard_id,
        "goal_and_tasks": plan.goal_and_tasks,
        "methods_and_measures": plan.methods_and_measures,
        "funds_and_materials": plan.funds_and_materials,
        "organisation_and_people": plan.organisation_and_people,
        "time_limit": plan.time_limit,
        "time_requirements": plan.time_requirements,
        "safety_and_emergency": plan.safety_and_emergency,
        "stoppage": plan.stoppage.value,
        "stopped_since": plan.stopped_since,
        "reports": _dump(
            [{"kind": r.kind.value, "made_on": r.made_on.isoformat(), "reference": r.reference} for r in plan.reports]
        ),
        "supervision": None
        if supervision is None
        else _dump(
            {
                "by": supervision.by,
                "reference": supervision.reference,
                "since": None if supervision.since is None else supervision.since.isoformat(),
            }
        ),
        "updated_at": plan.updated_at,
        "cause": plan.cause,
        "harm": plan.harm,
        "difficulty": plan.difficulty,
    }


def _plan(row: TreatmentPlanRow) -> TreatmentPlan:
    supervision = None
    if row.supervision is not None:
        data = json.loads(row.supervision)
        since = data.get("since")
        supervision = Supervision(data["by"], data["reference"], None if since is None else date.fromisoformat(since))
    return TreatmentPlan(
        id=row.id,
        hazard_id=row.hazard_id,
        goal_and_tasks=row.goal_and_tasks,
        methods_and_measures=row.methods_and_measures,
        funds_and_materials=row.funds_and_materials,
        organisation_and_people=row.organisation_and_people,
        time_limit=row.time_limit,
        time_requirements=row.time_requirements,
        safety_and_emergency=row.safety_and_emergency,
        stoppage=Stoppage(row.stoppage),
        stopped_since=row.stopped_since,
        reports=tuple(
            PlanReport(ReportKind(r["kind"]), date.fromisoformat(r["made_on"]), r["reference"])
            for r in json.loads(row.reports)
        ),
        supervision=supervision,
        created_at=row.created_at,
        updated_at=row.updated_at,
        cause=row.cause,
        harm=row.harm,
        difficulty=row.difficulty,
    )


_ASSIGNMENT_FIELDS = (
    "hazard_id",
    "responsible_department_id",
    "responsible_person_id",
    "measures",
    "funds",
    "funds_source",
    "original_deadline",
    "deadline",
    "interim_measures",
    "assigned_by_id",
    "assigned_on",
    "on_the_spot",
    "updated_at",
)


def _assignment(row: RectificationAssignmentRow) -> Assignment:
    return Assignment(
        id=row.id,
        created_at=row.created_at,
        **{name: getattr(row, name) for name in _ASSIGNMENT_FIELDS},
    )


def _photo(row: RectificationPhotoRow) -> RectificationPhoto:
    return RectificationPhoto(
        id=row.id,
        hazard_id=row.hazard_id,
        note_id=row.note_id,
        stage=PhotoStage(row.stage),
        position=row.position,
        original_name=row.original_name,
        original_sha256=row.original_sha256,
        original_size=row.original_size,
        width=row.width,
        height=row.height,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _extension(row: ExtensionRequestRow) -> ExtensionRequest:
    return ExtensionRequest(
        id=row.id,
        hazard_id=row.hazard_id,
        requested_by=person_from(json.loads(row.requested_by)),
        requested_at=row.requested_at,
        current_deadline=row.current_deadline,
        requested_deadline=row.requested_deadline,
        reason=row.reason,
        state=ExtensionState(row.state),
        decided_by=None if row.decided_by is None else person_from(json.loads(row.decided_by)),
        decided_at=row.decided_at,
        decision_reason=row.decision_reason,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _evaluation_json(evaluation: Evaluation | None) -> str | None:
    if evaluation is None:
        return None
    return _dump(
        {
            "evaluator": evaluation.evaluator.value,
            "evaluated_by": evaluation.evaluated_by,
            "report_reference": evaluation.report_reference,
            "evaluated_on": evaluation.evaluated_on.isoformat(),
            "conclusion": evaluation.conclusion,
        }
    )


def _evaluation(text: str | None) -> Evaluation | None:
    if text is None:
        return None
    data = json.loads(text)
    return Evaluation(
        evaluator=Evaluator(data["evaluator"]),
        evaluated_by=data["evaluated_by"],
        report_reference=data["report_reference"],
        evaluated_on=date.fromisoformat(data["evaluated_on"]),
        conclusion=data["conclusion"],
    )


class SqlRectificationRepository:
    """The rectification records on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # ------------------------------------------------------------ 五定 and plan

    def get_assignment(self, hazard_id: uuid.UUID) -> Assignment | None:
        row = self._session.scalars(
            select(RectificationAssignmentRow).where(RectificationAssignmentRow.hazard_id == hazard_id)
        ).one_or_none()
        return None if row is None else _assignment(row)

    def save_assignment(self, assignment: Assignment) -> None:
        row = self._session.get(RectificationAssignmentRow, assignment.id)
        if row is None:
            row = RectificationAssignmentRow(id=assignment.id, created_at=assignment.created_at)
            self._session.add(row)
        for name in _ASSIGNMENT_FIELDS:
            setattr(row, name, getattr(assignment, name))
        self._session.flush()

    def get_plan(self, hazard_id: uuid.UUID) -> TreatmentPlan | None:
        row = self._session.scalars(
            select(TreatmentPlanRow).where(TreatmentPlanRow.hazard_id == hazard_id)
        ).one_or_none()
        return None if row is None else _plan(row)

    def save_plan(self, plan: TreatmentPlan) -> None:
        row = self._session.get(TreatmentPlanRow, plan.id)
        if row is None:
            row = TreatmentPlanRow(id=plan.id, created_at=plan.created_at)
            self._session.add(row)
        for name, value in _plan_fields(plan).items():
            setattr(row, name, value)
        self._session.flush()

    # ------------------------------------------------------------ notes and photos

    def add_note(self, note: ProgressNote) -> None:
        self._session.add(
            RectificationNoteRow(
                id=note.id,
                hazard_id=note.hazard_id,
                kind=note.kind.value,
                text=note.text,
                author=_dump(person_json(note.author)),
                written_at=note.written_at,
                created_at=note.created_at,
                updated_at=note.updated_at,
            )
        )
        self._session.flush()

    def notes(self, hazard_id: uuid.UUID) -> list[ProgressNote]:
        rows = self._session.scalars(
            select(RectificationNoteRow)
            .where(RectificationNoteRow.hazard_id == hazard_id)
            .order_by(RectificationNoteRow.written_at, RectificationNoteRow.created_at)
        ).all()
        photos: dict[uuid.UUID, list[RectificationPhoto]] = {}
        for photo in self._session.scalars(
            select(RectificationPhotoRow)
            .where(RectificationPhotoRow.hazard_id == hazard_id)
            .order_by(RectificationPhotoRow.position)
        ):
            photos.setdefault(photo.note_id, []).append(_photo(photo))
        return [
            ProgressNote(
                id=row.id,
                hazard_id=row.hazard_id,
                kind=NoteKind(row.kind),
                text=row.text,
                author=person_from(json.loads(row.author)),
                written_at=row.written_at,
                photos=tuple(photos.get(row.id, ())),
                created_at=row.created_at,
                updated_at=row.updated_at,
            )
            for row in rows
        ]

    def add_photo(self, photo: RectificationPhoto, image: ProcessedImage) -> None:
        self._session.add(
            RectificationPhotoRow(
                id=photo.id,
                hazard_id=photo.hazard_id,
                note_id=photo.note_id,
                stage=photo.stage.value,
                position=photo.position,
                original_name=photo.original_name,
                original_sha256=photo.original_sha256,
                original_size=photo.original_size,
                width=photo.width,
                height=photo.height,
                created_at=photo.created_at,
                updated_at=photo.updated_at,
            )
        )
        self._session.flush()
        self._session.add(
            RectificationPhotoBlobRow(photo_id=photo.id, kind=PhotoKind.DISPLAY.value, data=image.display_jpeg)
        )
        self._session.add(
            RectificationPhotoBlobRow(photo_id=photo.id, kind=PhotoKind.THUMB.value, data=image.thumb_jpeg)
        )
        self._session.flush()

    def photo_bytes(self, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None:
        return self._session.scalar(
            select(RectificationPhotoBlobRow.data).where(
                RectificationPhotoBlobRow.photo_id == photo_id, RectificationPhotoBlobRow.kind == kind.value
            )
        )

    # ------------------------------------------------------------ extensions and acceptances

    def save_extension(self, request: ExtensionRequest) -> None:
        row = self._session.get(ExtensionRequestRow, request.id)
        if row is None:
            row = ExtensionRequestRow(id=request.id, created_at=request.created_at)
            self._session.add(row)
        row.hazard_id = request.hazard_id
        row.requested_by = _dump(person_json(request.requested_by))
        row.requested_at = request.requested_at
        row.current_deadline = request.current_deadline
        row.requested_deadline = request.requested_deadline
        row.reason = request.reason
        row.state = request.state.value
        row.decided_by = None if request.decided_by is None else _dump(person_json(request.decided_by))
        row.decided_at = request.decided_at
        row.decision_reason = request.decision_reason
        row.updated_at = request.updated_at
        self._session.flush()

    def extensions(self, hazard_id: uuid.UUID) -> list[ExtensionRequest]:
        rows = self._session.scalars(
            select(ExtensionRequestRow)
            .where(ExtensionRequestRow.hazard_id == hazard_id)
            .order_by(ExtensionRequestRow.requested_at, ExtensionRequestRow.created_at)
        ).all()
        return [_extension(row) for row in rows]

    def add_acceptance(self, acceptance: Acceptance) -> None:
        self._session.add(
            AcceptanceRow(
                id=acceptance.id,
                hazard_id=acceptance.hazard_id,
                result=acceptance.result.value,
                decided_by=_dump(person_json(acceptance.decided_by)),
                decided_on=acceptance.decided_on,
                decided_at=acceptance.decided_at,
                remarks=acceptance.remarks,
                acceptance_group=_dump([person_json(p) for p in acceptance.group]),
                evaluation=_evaluation_json(acceptance.evaluation),
                created_at=acceptance.created_at,
                updated_at=acceptance.updated_at,
            )
        )
        self._session.flush()

    def acceptances(self, hazard_id: uuid.UUID) -> list[Acceptance]:
        rows = self._session.scalars(
            select(AcceptanceRow)
            .where(AcceptanceRow.hazard_id == hazard_id)
            .order_by(AcceptanceRow.decided_at, AcceptanceRow.created_at)
        ).all()
        return [
            Acceptance(
                id=row.id,
                hazard_id=row.hazard_id,
                result=AcceptanceResult(row.result),
                decided_by=person_from(json.loads(row.decided_by)),
                decided_on=row.decided_on,
                decided_at=row.decided_at,
                remarks=row.remarks,
                group=tuple(person_from(p) for p in json.loads(row.acceptance_group)),
                evaluation=_evaluation(row.evaluation),
                created_at=row.created_at,
                updated_at=row.updated_at,
            )
            for row in rows
        ]

    # ------------------------------------------------------------ timeline

    def add_transition(self, transition: Transition) -> None:
        self._session.add(
            HazardTransitionRow(
                id=transition.id,
                hazard_id=transition.hazard_id,
                from_status=transition.from_status.value,
                to_status=transition.to_status.value,
                action=transition.action.value,
                actor_id=transition.actor.person_id,
                actor=_dump(person_json(transition.actor)),
                at=transition.at,
                reason=transition.reason,
                details=_dump(transition.details),
                created_at=transition.at,
                updated_at=transition.at,
            )
        )
        self._session.flush()

    def transitions(self, hazard_id: uuid.UUID) -> list[Transition]:
        rows = self._session.scalars(
            select(HazardTransitionRow)
            .where(HazardTransitionRow.hazard_id == hazard_id)
            .order_by(HazardTransitionRow.at, HazardTransitionRow.created_at)
        ).all()
        return [
            Transition(
                id=row.id,
                hazard_id=row.hazard_id,
                action=Action(row.action),
                from_status=HazardStatus(row.from_status),
                to_status=HazardStatus(row.to_status),
                actor=person_from(json.loads(row.actor)),
                at=row.at,
                reason=row.reason,
                details=json.loads(row.details),
            )
            for row in rows
        ]

    # ------------------------------------------------------------ due

    def due_counts(self, today: date, within_days: int, person_id: uuid.UUID | None) -> tuple[int, int, int]:
        """Three searches of the (status, deadline) index (see ``start_reads._RectificationReads.due_counts``)."""
        rectifying = HazardRow.status == HazardStatus.RECTIFYING.value
        waiting = HazardRow.status == HazardStatus.VERIFYING.value
        if person_id is not None:
            waiting = waiting & (HazardRow.acceptor_id == person_id)
        soon = today + timedelta(days=within_days)
        counts = [
            self._session.scalar(select(func.count()).select_from(HazardRow).where(condition))
            for condition in (
                rectifying & (HazardRow.deadline < today),
                rectifying & HazardRow.deadline.between(today, soon),
                waiting,
            )
        ]
        return int(counts[0] or 0), int(counts[1] or 0), int(counts[2] or 0)

    def due_rows(self, today: date, within_days: int) -> list[Hazard]:
        """One query (photos not loaded: a list row shows none)."""
        soon = today + timedelta(days=within_days)
        rows = self._session.scalars(
            select(HazardRow)
            .where(HazardRow.status == HazardStatus.RECTIFYING.value, HazardRow.deadline <= soon)
            .order_by(HazardRow.deadline, HazardRow.pk)
        ).all()
        return [
            Hazard(
                id=row.id,
                number=row.number,
                description=row.description,
                location=row.location,
                equipment_tag=row.equipment_tag,
                department_id=row.department_id,
                category_code=row.category_code,
                subcategory_code=row.subcategory_code,
                found_by_id=row.found_by_id,
                found_at=row.found_at,
                status=HazardStatus(row.status),
                grade=HazardGrade(row.grade),
                revision=row.revision,
                created_at=row.created_at,
                updated_at=row.updated_at,
                deadline=row.deadline,
                responsible_department_id=row.responsible_department_id,
                responsible_person_id=row.responsible_person_id,
                acceptor_id=row.acceptor_id,
                closed_on=row.closed_on,
                extension_pending=bool(row.extension_pending),
            )
            for row in rows
        ]

"""The rectification repository stores and returns every record exactly (optional parts empty and filled)."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from hazard_desktop.domain.hazards import HazardStatus
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
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.ports import PhotoKind, ProcessedImage
from tests.factories import hazard_input

AT = datetime(2026, 12, 31, 16, 30, 15, 123456, tzinfo=UTC)


@pytest.fixture
def hazard(context, inspector):
    return create_hazard(context.uow(), hazard_input(context, inspector))


@pytest.fixture
def who(context, inspector):
    with context.uow() as uow:
        department = uow.reference.get_department(inspector.department_id)
    assert department is not None
    return PersonRef(inspector.id, inspector.name, department.id, department.name, department.kind.value)


def stored(context, read):
    with context.uow() as uow:
        return read(uow.rectification)


def save(context, write):
    with context.uow() as uow:
        write(uow.rectification)
        uow.commit()


def test_assignment_and_plan_round_trip(context, hazard, who):
    five = Assignment(
        uuid.uuid4(),
        hazard.id,
        who.department_id,
        who.person_id,
        "更换机封\n并试压",
        Decimal("1234567.89"),
        "安措费",
        date(2027, 1, 15),
        date(2027, 2, 1),
        "",
        who.person_id,
        date(2027, 1, 1),
        False,
        AT,
        AT,
    )
    save(context, lambda r: r.save_assignment(five))
    assert stored(context, lambda r: r.get_assignment(hazard.id)) == five
    bare = TreatmentPlan(
        uuid.uuid4(),
        hazard.id,
        "目标",
        "方法",
        "经费",
        "机构",
        date(2027, 6, 30),
        "要求",
        "应急",
        Stoppage.NONE,
        None,
        (),
        None,
        AT,
        AT,
    )
    save(context, lambda r: r.save_plan(bare))
    assert stored(context, lambda r: r.get_plan(hazard.id)) == bare
    full = dataclasses.replace(
        bare,
        stoppage=Stoppage.FULL,
        stopped_since=date(2026, 12, 1),
        reports=(
            PlanReport(ReportKind.REGULATOR, date(2026, 12, 2), "〔2026〕1号"),
            PlanReport(ReportKind.WORKERS_CONGRESS, date(2026, 12, 3), "职代会"),
        ),
        supervision=Supervision("应急管理局", "督办1号", None),
        cause="原因",
        harm="危害",
        difficulty="难度",
        updated_at=AT + timedelta(days=1),
    )
    save(context, lambda r: r.save_plan(full))  # the same plan changed: one plan per hazard
    assert stored(context, lambda r: r.get_plan(hazard.id)) == full
    five2 = dataclasses.replace(five, deadline=date(2027, 3, 1), measures="改", updated_at=AT + timedelta(days=2))
    save(context, lambda r: r.save_assignment(five2))
    assert stored(context, lambda r: r.get_assignment(hazard.id)) == five2


def test_notes_photos_extensions_acceptances_and_transitions_round_trip(context, hazard, who):
    note = ProgressNote(uuid.uuid4(), hazard.id, NoteKind.COMPLETION, "完成", who, AT, (), AT, AT)
    image = ProcessedImage("ab" * 32, 10, 4, 3, b"display", b"thumb")
    photo = RectificationPhoto(
        uuid.uuid4(), hazard.id, note.id, PhotoStage.AFTER, 1, "a.jpg", "ab" * 32, 10, 4, 3, AT, AT
    )
    request = ExtensionRequest(
        uuid.uuid4(),
        hazard.id,
        who,
        AT,
        date(2027, 1, 1),
        date(2027, 1, 31),
        "备件",
        ExtensionState.PENDING,
        None,
        None,
        "",
        AT,
        AT,
    )
    evaluation = Evaluation(Evaluator.OWN_EXPERTS, "张工、李工", "PG-1", date(2026, 12, 30), "有效")
    accepted = Acceptance(
        uuid.uuid4(),
        hazard.id,
        AcceptanceResult.ACCEPTED,
        who,
        date(2027, 1, 1),
        AT + timedelta(seconds=1),
        "合格",
        (who, who),
        evaluation,
        AT,
        AT,
    )
    back = Acceptance(
        uuid.uuid4(), hazard.id, AcceptanceResult.SENT_BACK, who, date(2027, 1, 1), AT, "不合格", (), None, AT, AT
    )
    step = Transition(
        uuid.uuid4(),
        hazard.id,
        Action.SEND_BACK,
        HazardStatus.VERIFYING,
        HazardStatus.RECTIFYING,
        who,
        AT,
        "不合格",
        {"acceptance_id": str(back.id), "group": ["张三"], "n": 1},
    )

    def write(repo):
        repo.add_note(note)
        repo.add_photo(photo, image)
        repo.save_extension(request)
        repo.add_acceptance(accepted)
        repo.add_acceptance(back)
        repo.add_transition(step)

    save(context, write)
    notes = stored(context, lambda r: r.notes(hazard.id))
    assert notes == [dataclasses.replace(note, photos=(photo,))]
    assert stored(context, lambda r: r.photo_bytes(photo.id, PhotoKind.THUMB)) == b"thumb"
    assert stored(context, lambda r: r.extensions(hazard.id)) == [request]
    decided = ExtensionRequest(
        **{
            **{f: getattr(request, f) for f in request.__slots__},
            "state": ExtensionState.APPROVED,
            "decided_by": who,
            "decided_at": AT,
            "decision_reason": "同意",
        }
    )
    save(context, lambda r: r.save_extension(decided))
    assert stored(context, lambda r: r.extensions(hazard.id)) == [decided]
    assert stored(context, lambda r: r.acceptances(hazard.id)) == [back, accepted]
    assert stored(context, lambda r: r.transitions(hazard.id)) == [step]

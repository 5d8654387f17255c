"""Which rectification form a hazard may print in which state (``services.form_builders.form_refusal``):
every status × grade × what the loop holds, against the rule written in the module's docstring."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import (
    Action,
    Assignment,
    PersonRef,
    Stoppage,
    Transition,
    TreatmentPlan,
)
from hazard_desktop.domain.sheet_prints import FORM_KINDS, SheetKind
from hazard_desktop.services.form_builders import _Loop, form_refusal
from hazard_desktop.services.sheet_requests import SheetRequest, SheetTarget

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
PERSON = PersonRef(uuid.uuid4(), "何伟", uuid.uuid4(), "事业部", "workshop")


def hazard(status: HazardStatus, grade: HazardGrade) -> Hazard:
    return Hazard(
        id=uuid.uuid4(), number="YH-2026-0012", description="d", location="l", equipment_tag="",
        department_id=uuid.uuid4(), category_code="4.5", subcategory_code=None, found_by_id=uuid.uuid4(),
        found_at=NOW, status=status, grade=grade, revision=1, created_at=NOW, updated_at=NOW,
    )  # fmt: skip


def assignment(hazard_id: uuid.UUID) -> Assignment:
    return Assignment(
        id=uuid.uuid4(), hazard_id=hazard_id, responsible_department_id=uuid.uuid4(),
        responsible_person_id=uuid.uuid4(), measures="m", funds=Decimal("0"), funds_source="",
        original_deadline=date(2026, 12, 20), deadline=date(2026, 12, 20), interim_measures="",
        assigned_by_id=uuid.uuid4(), assigned_on=date(2026, 12, 1), on_the_spot=False, created_at=NOW, updated_at=NOW,
    )  # fmt: skip


def plan(hazard_id: uuid.UUID) -> TreatmentPlan:
    return TreatmentPlan(
        id=uuid.uuid4(), hazard_id=hazard_id, goal_and_tasks="g", methods_and_measures="m", funds_and_materials="f",
        organisation_and_people="o", time_limit=date(2027, 3, 31), time_requirements="", safety_and_emergency="s",
        stoppage=Stoppage.NONE, stopped_since=None, reports=(), supervision=None, created_at=NOW, updated_at=NOW,
    )  # fmt: skip


def submitted(hazard_id: uuid.UUID) -> Transition:
    return Transition(
        id=uuid.uuid4(), hazard_id=hazard_id, action=Action.SUBMIT, from_status=HazardStatus.RECTIFYING,
        to_status=HazardStatus.VERIFYING, actor=PERSON, at=NOW, reason="", details={},
    )  # fmt: skip


def loop(status: HazardStatus, grade: HazardGrade, *, assigned: bool, planned: bool, rounds: bool) -> _Loop:
    found = hazard(status, grade)
    return _Loop(
        hazard=found,
        grading=None,
        assignment=assignment(found.id) if assigned else None,
        plan=plan(found.id) if planned else None,
        extensions=(),
        acceptances=(),
        notes=(),
        transitions=(submitted(found.id),) if rounds else (),
    )


def expected(kind: SheetKind, status: HazardStatus, grade: HazardGrade, assigned: bool, planned: bool,
             rounds: bool) -> str | None:  # fmt: skip
    """The rule, written out: what the module's docstring says."""
    if kind is SheetKind.NOTICE:
        ok = assigned and status in (HazardStatus.RECTIFYING, HazardStatus.VERIFYING, HazardStatus.CLOSED)
        return None if ok else "form_notice_unassigned"
    if kind is SheetKind.ACCEPTANCE:
        ok = rounds and status in (HazardStatus.VERIFYING, HazardStatus.CLOSED)
        return None if ok else "form_acceptance_not_due"
    if grade is not HazardGrade.MAJOR:
        return "form_not_major"
    return None if planned else "form_plan_missing"


CASES = list(itertools.product(FORM_KINDS, HazardStatus, HazardGrade, (False, True), (False, True), (False, True)))


@pytest.mark.parametrize(("kind", "status", "grade", "assigned", "planned", "rounds"), CASES)
def test_every_state_allows_or_refuses_each_form(kind, status, grade, assigned, planned, rounds) -> None:
    refusal = form_refusal(loop(status, grade, assigned=assigned, planned=planned, rounds=rounds), kind)
    want = expected(kind, status, grade, assigned, planned, rounds)
    assert (None if refusal is None else refusal.code) == want
    if refusal is not None:
        assert refusal.params["number"] == "YH-2026-0012"


def test_no_acceptance_form_before_verifying_even_with_everything_else() -> None:
    for status in (HazardStatus.OPEN, HazardStatus.GRADED, HazardStatus.RECTIFYING):
        found = loop(status, HazardGrade.MAJOR, assigned=True, planned=True, rounds=True)
        assert form_refusal(found, SheetKind.ACCEPTANCE) is not None


def test_a_form_request_names_its_kind_and_a_grading_target_is_not_a_form() -> None:
    hazard_id = uuid.uuid4()
    for kind in FORM_KINDS:
        request = SheetRequest.form(kind, hazard_id)
        assert request.id == hazard_id and SheetTarget(request.target).form_kind is kind and kind.is_form
    assert SheetTarget.HAZARD.form_kind is None and not SheetKind.GRADING.is_form
    with pytest.raises(ValueError):
        SheetRequest.form(SheetKind.GRADING, hazard_id)

"""Inspection numbers are never handed out twice, even after the latest draft was deleted."""

from __future__ import annotations

from datetime import date

from hazard_desktop.domain.inspections import Inspection, StartInput
from hazard_desktop.services import inspections as service


def _start(context, person, on: date) -> Inspection:
    template = next(t for t in service.list_templates(context.uow()) if t.code == "JC-01")
    with context.uow() as uow:
        department = uow.reference.departments()[0]
    inspection = service.start_inspection(
        context.uow(), StartInput(template.id, "装置区", department.id, (person.id,), on), today=on
    )
    return inspection


def test_deleting_the_latest_draft_does_not_free_its_number(context, inspector):
    on = date(2026, 5, 4)
    first = _start(context, inspector, on)
    second = _start(context, inspector, on)
    assert (first.number, second.number) == ("JC-2026-0001", "JC-2026-0002")

    service.delete_draft(context.uow(), second.id)
    third = _start(context, inspector, on)

    assert third.number == "JC-2026-0003"
    assert _start(context, inspector, date(2027, 1, 5)).number == "JC-2027-0001"  # each year counts anew

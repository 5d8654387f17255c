"""Namesakes of one department on everything printed or exported: a person who shares name and department
with another (told apart by their employee numbers, ``reference_admin.save_person``) is printed
``周永明（E0099）`` as 发现人, 责任人, 验收人, on the grading sheet, the rectification forms, the register, the
detail's finder and the Excel ledger; everybody else stays as the sheets always printed them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import AcceptanceInput
from hazard_desktop.domain.reference import Person
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.services import rectification as rect
from hazard_desktop.services import reference_admin, reference_queries, sheets
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.form_models import AcceptanceForm, NoticeForm
from hazard_desktop.services.ports import RegisterFilter, SortKey
from hazard_desktop.services.sheets import SheetRequest
from tests.integration.test_form_service import assign_general, flat, graded, hazard, save, submit
from tests.integration.test_ledger_export import COL, data_rows, export
from tests.integration.test_sheet_service import copy_demo, text_of

pytestmark = pytest.mark.storage


@pytest.fixture
def demo(sheet_demo_folder: Path, tmp_path: Path) -> Iterator[AppContext]:
    context = build_context(copy_demo(sheet_demo_folder, tmp_path / "data"))
    yield context
    close_context(context)


def namesake_of(context: AppContext, person: Person, employee_no: str) -> Person:
    """A second person of ``person``'s name in their department, told apart by ``employee_no`` (as the
    settings page allows: both have a number)."""
    assert person.employee_no, "the demo's staff have employee numbers"
    return reference_admin.save_person(context.uow(), None, person.name, employee_no, person.department_id, [])


def person(context: AppContext, person_id) -> Person:
    with context.uow() as uow:
        found = uow.reference.get_person(person_id)
    assert found is not None
    return found


def test_the_grading_sheet_register_detail_and_ledger_name_a_namesake_finder_with_the_number(
    demo: AppContext, tmp_path: Path
) -> None:
    general = graded(demo, HazardGrade.GENERAL)
    finder = person(demo, general.found_by_id)
    before = sheets.grading_sheet_document(demo.uow(), general.id).sheets[0]
    assert before.found_by == finder.name  # no namesake: as always

    namesake_of(demo, finder, "E9099")
    numbered = f"{finder.name}（{finder.employee_no}）"
    sheet = sheets.grading_sheet_document(demo.uow(), general.id).sheets[0]
    assert sheet.found_by == numbered
    printed = sheets.print_document(
        demo.uow(), SheetRequest.hazard(general.id), sheets.sheet_renderer(demo), tmp_path / "sheet.pdf", "测试员"
    )
    text = flat(text_of(printed.path))
    assert numbered in text and "E9099" not in text  # the namesake found nothing: not on the sheet

    details = reference_queries.hazard_details(demo.uow(), general.id)
    assert details.found_by_number == finder.employee_no
    rows = {r.number: r for r in demo.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 100_000)}
    assert rows[general.number].found_by_name == numbered
    others = [r for r in rows.values() if r.number != general.number and r.found_by_name.startswith(finder.name)]
    assert all(r.found_by_name == numbered for r in others)  # every hazard this person found, not this one only

    target = tmp_path / "ledger.xlsx"
    export(demo, target)
    ledger = {row[COL["number"]]: row for row in data_rows(target)}
    assert ledger[general.number][COL["found_by"]] == numbered
    plain = [row for row in ledger.values() if row[COL["found_by"]] and "（E" in row[COL["found_by"]]]
    assert {row[COL["found_by"]] for row in plain} == {numbered}  # nobody else is numbered


def test_the_rectification_forms_and_the_ledger_name_a_namesake_responsible_and_acceptor_with_the_number(
    demo: AppContext, tmp_path: Path
) -> None:
    assigned, safety, doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))
    ordinary = save(demo, SheetKind.NOTICE, assigned, tmp_path / "notice-0.pdf")
    assert f"{doer.name}（" not in flat(text_of(ordinary.path))  # no namesake: the name alone, as before

    namesake_of(demo, doer, "E9098")
    notice = save(demo, SheetKind.NOTICE, assigned, tmp_path / "notice.pdf")
    form = notice.prepared.document.sheets[0]
    assert isinstance(form, NoticeForm)
    assert f"{doer.name}（{doer.employee_no}）" in flat(text_of(notice.path))
    assert "E9098" not in flat(text_of(notice.path))

    waiting = submit(demo, hazard(demo, assigned.id), doer, safety)
    assert waiting.status is HazardStatus.VERIFYING
    namesake_of(demo, safety, "E9097")
    acceptance = save(demo, SheetKind.ACCEPTANCE, waiting, tmp_path / "acceptance.pdf")
    sheet = acceptance.prepared.document.sheets[0]
    assert isinstance(sheet, AcceptanceForm)
    assert [a.name for a in sheet.acceptors] == [f"{safety.name}（{safety.employee_no}）"]
    assert f"{safety.name}（{safety.employee_no}）" in flat(text_of(acceptance.path))

    rect.accept(demo.uow(), waiting.id, waiting.revision, safety.id, AcceptanceInput("整改到位"))
    target = tmp_path / "ledger.xlsx"
    export(demo, target)
    row = next(r for r in data_rows(target) if r[COL["number"]] == assigned.number)
    assert row[COL["responsible_person"]] == f"{doer.name}（{doer.employee_no}）"
    assert row[COL["accepted_by"]] == f"{safety.name}（{safety.employee_no}）"
    rows = {r.number: r for r in demo.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 100_000)}
    assert rows[assigned.number].responsible_person_name == f"{doer.name}（{doer.employee_no}）"

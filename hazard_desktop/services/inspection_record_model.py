"""View-model of the printed inspection record (安全检查记录表) and how it is built from stored records.

Like ``sheet_models``, the model carries values only (already formatted as printed); the fixed Chinese
labels of the form belong to the renderer (``adapters/pdf/inspection_record.py``), because the printed
record is the plant's legal record whatever the UI language. Standard library only.
"""

from __future__ import annotations

import pathlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from hazard_desktop.domain.accounts import EVERYONE
from hazard_desktop.domain.errors import NotFound
from hazard_desktop.domain.inspections import AnswerResult, InspectionState, progress
from hazard_desktop.domain.reference import namesake_numbers, printed_name
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.ports import UnitOfWork

DEFAULT_PLANT_NAME = "某化工有限公司"


@dataclass(frozen=True, slots=True)
class RecordRow:
    """One checklist item as printed.

    Attributes:
        number: running number over the whole checklist (``"1"``, ``"2"``, …).
        text: the item's wording.
        result: ``"pass"``, ``"fail"``, ``"na"`` or ``""`` (not answered, only on a draft).
        note: the inspector's note (with ``"（照片 n 张）"`` appended when photos were taken).
        hazard_number: register number of the hazard the failure raised, or ``""``.
        criterion_code: the major-hazard criterion a failure proposes, or ``""``.
    """

    number: str
    text: str
    result: str
    note: str
    hazard_number: str = ""
    criterion_code: str = ""


@dataclass(frozen=True, slots=True)
class RecordSection:
    """A titled group of rows."""

    title: str
    rows: tuple[RecordRow, ...]


@dataclass(frozen=True, slots=True)
class RecordHazard:
    """A hazard raised by the inspection.

    Attributes:
        number: register number.
        description: as registered.
        category: ``"4.6 设备/设施/工器具 / 4.6.1 特种设备"``.
        proposed_grade: ``"重大（C-4）"`` when the item checks a major-hazard criterion, else ``"一般"``.
        item_number: the checklist row it came from.
    """

    number: str
    description: str
    category: str
    proposed_grade: str
    item_number: str


@dataclass(frozen=True, slots=True)
class RecordInspector:
    """A signing inspector (leader first)."""

    role_label: str
    name: str
    department: str


@dataclass(frozen=True, slots=True)
class InspectionRecord:
    """安全检查记录表 of one inspection.

    Attributes:
        plant_name: printed above the title and in the footer.
        number: the inspection's number (``JC-2026-0001``).
        template: template name and version as printed (``"特种设备安全检查表（第 2 版）"``).
        area, department: what was inspected and who is responsible for it.
        inspected_on: the day, formatted.
        inspectors: who inspected; each gets a signature cell.
        draft: True while the inspection is not finalized (the record is stamped 草稿).
        finalized_at: when it was locked, formatted (empty for a draft).
        sections: the checklist with the results.
        hazards: hazards raised, in checklist order.
        total, passed, failed, not_applicable: counts.
        note: overall remarks (检查意见).
    """

    plant_name: str
    number: str
    template: str
    area: str
    department: str
    inspected_on: str
    inspectors: tuple[RecordInspector, ...]
    draft: bool
    finalized_at: str
    sections: tuple[RecordSection, ...]
    hazards: tuple[RecordHazard, ...]
    total: int
    passed: int
    failed: int
    not_applicable: int
    note: str = ""

    @property
    def unanswered(self) -> int:
        """Items without a result (a draft only)."""
        return self.total - self.passed - self.failed - self.not_applicable


class InspectionRecordRenderer(Protocol):
    """Prints an :class:`InspectionRecord` to a file (PDF)."""

    def render(self, record: InspectionRecord, path: pathlib.Path) -> None:
        """Write ``record`` to ``path`` (replacing any file there); raise OSError if it cannot."""
        ...


def _date(value: object) -> str:
    if isinstance(value, datetime):
        local = value.astimezone()
        return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return ""


@use_case("inspections.build_record", *EVERYONE)
def build_record(uow: UnitOfWork, inspection_id: uuid.UUID) -> InspectionRecord:
    """Collect what the record prints (drafts too: they are stamped 草稿).

    Raises:
        NotFound: ``inspection_unknown``.
    """
    with uow:
        inspection = uow.inspections.get(inspection_id)
        if inspection is None:
            raise NotFound("inspection_unknown", value=str(inspection_id))
        template = uow.inspections.get_template(inspection.template_version_id)
        assert template is not None
        answers = {a.item_id: a for a in uow.inspections.answers(inspection_id)}
        departments = {d.id: d.name for d in uow.reference.departments(include_inactive=True)}
        everyone = uow.reference.people(include_inactive=True)
        people = {p.id: p for p in everyone}
        numbers = namesake_numbers(everyone)  # a namesake of their department is printed with the 工号
        categories = {c.code: c for c in uow.reference.categories()}
        hazards = {a.hazard_id: uow.hazards.get(a.hazard_id) for a in answers.values() if a.hazard_id is not None}
        plant_name = uow.settings.get("plant_name") or DEFAULT_PLANT_NAME

    def category_label(code: str, sub: str | None) -> str:
        category = categories.get(code)
        if category is None:
            return code
        text = f"{category.code} {category.name_zh}"
        subcategory = category.subcategory(sub) if sub else None
        return f"{text} / {subcategory.code} {subcategory.name_zh}" if subcategory else text

    sections = []
    raised = []
    number = 0
    for section in template.sections:
        rows = []
        for item in section.items:
            number += 1
            answer = answers.get(item.id)
            note = answer.note if answer else ""
            if answer is not None and answer.photo_count:
                note = f"{note}（照片 {answer.photo_count} 张）" if note else f"（照片 {answer.photo_count} 张）"
            hazard = hazards.get(answer.hazard_id) if answer and answer.hazard_id else None
            proposes = bool(answer and answer.result is AnswerResult.FAIL and answer.proposes_major)
            rows.append(
                RecordRow(
                    number=str(number),
                    text=item.text,
                    result=answer.result.value if answer and answer.result else "",
                    note=note,
                    hazard_number=hazard.number if hazard else "",
                    criterion_code=(answer.criterion_code or "") if proposes and answer else "",
                )
            )
            if hazard is not None and answer is not None:
                raised.append(
                    RecordHazard(
                        number=hazard.number,
                        description=hazard.description,
                        category=category_label(hazard.category_code, hazard.subcategory_code),
                        proposed_grade=f"重大（{answer.criterion_code}）" if proposes else "一般",
                        item_number=str(number),
                    )
                )
        sections.append(RecordSection(section.title, tuple(rows)))
    counts = progress(template, answers)
    inspectors = []
    for index, inspector in enumerate(inspection.inspectors):
        person = people.get(inspector.person_id)
        inspectors.append(
            RecordInspector(
                role_label="组长" if index == 0 else "组员",
                name=printed_name(inspector.name, numbers.get(inspector.person_id)),
                department=departments.get(person.department_id, "") if person else "",
            )
        )
    return InspectionRecord(
        plant_name=plant_name,
        number=inspection.number,
        template=f"{template.name}（第 {template.version} 版）",
        area=inspection.area,
        department=departments.get(inspection.department_id, ""),
        inspected_on=_date(inspection.inspected_on),
        inspectors=tuple(inspectors),
        draft=inspection.state is InspectionState.DRAFT,
        finalized_at=_date(inspection.finalized_at) if inspection.finalized_at else "",
        sections=tuple(sections),
        hazards=tuple(raised),
        total=counts.total,
        passed=counts.passed,
        failed=counts.failed,
        not_applicable=counts.not_applicable,
        note=inspection.note,
    )

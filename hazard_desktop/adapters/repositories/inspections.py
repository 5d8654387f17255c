"""Checklist templates (versioned), inspections, answers and answer photos on a SQLAlchemy session."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime

from sqlalchemy import ColumnElement, ScalarSelect, delete, func, select, update
from sqlalchemy.orm import Session

from hazard_desktop.adapters.exchange_store import numbering
from hazard_desktop.adapters.orm import DepartmentRow, PersonRow, SettingRow
from hazard_desktop.adapters.orm_inspections import (
    AnswerPhotoBlobRow,
    AnswerPhotoRow,
    AnswerRow,
    ChecklistItemRow,
    ChecklistSectionRow,
    ChecklistTemplateRow,
    ChecklistVersionRow,
    InspectionRow,
    InspectorRow,
)
from hazard_desktop.domain.errors import InvalidTransition
from hazard_desktop.domain.exchange import OFFICE_OVERFLOW_START, next_sequence, slot_range
from hazard_desktop.domain.inspections import (
    Answer,
    AnswerPhoto,
    AnswerResult,
    Inspection,
    InspectionState,
    InspectionSummary,
    Inspector,
    Template,
    TemplateItem,
    TemplateOrigin,
    TemplateSection,
    content_digest,
    draft_of,
    inspection_sequence,
)
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import namesake_numbers, printed_name
from hazard_desktop.services.ports import PhotoKind, ProcessedImage

NUMBER_KEY = "inspection_number"  # settings key prefix of the last inspection number given per year


def _photo(row: AnswerPhotoRow) -> AnswerPhoto:
    return AnswerPhoto(
        id=row.id,
        answer_id=row.answer_id,
        position=row.position,
        original_name=row.original_name,
        original_sha256=row.original_sha256,
        original_size=row.original_size,
        width=row.width,
        height=row.height,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _answer(row: AnswerRow, photo_count: int) -> Answer:
    return Answer(
        id=row.id,
        inspection_id=row.inspection_id,
        item_id=row.item_id,
        result=None if row.result is None else AnswerResult(row.result),
        note=row.note,
        photo_count=photo_count,
        hazard_id=row.hazard_id,
        proposes_major=row.proposes_major,
        criterion_code=row.criterion_code,
        answered_at=row.answered_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


_PHOTO_COUNT = (
    select(func.count(AnswerPhotoRow.id)).where(AnswerPhotoRow.answer_id == AnswerRow.id).correlate(AnswerRow)
).scalar_subquery()


class SqlInspectionRepository:
    """InspectionRepository on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # ------------------------------------------------------------------------------- templates

    def _templates(self, rows: list[ChecklistVersionRow]) -> list[Template]:
        if not rows:
            return []
        ids = [r.id for r in rows]
        families = {
            f.id: f
            for f in self._session.scalars(
                select(ChecklistTemplateRow).where(ChecklistTemplateRow.id.in_({r.template_id for r in rows}))
            )
        }
        sections: dict[uuid.UUID, list[ChecklistSectionRow]] = defaultdict(list)
        for section in self._session.scalars(
            select(ChecklistSectionRow)
            .where(ChecklistSectionRow.version_id.in_(ids))
            .order_by(ChecklistSectionRow.position)
        ):
            sections[section.version_id].append(section)
        items: dict[uuid.UUID, list[ChecklistItemRow]] = defaultdict(list)
        for item in self._session.scalars(
            select(ChecklistItemRow).where(ChecklistItemRow.version_id.in_(ids)).order_by(ChecklistItemRow.position)
        ):
            items[item.section_id].append(item)
        result = []
        for row in rows:
            result.append(
                Template(
                    id=row.id,
                    template_id=row.template_id,
                    code=row.code,
                    name=row.name,
                    description=row.description,
                    version=row.version,
                    sections=tuple(
                        TemplateSection(
                            id=s.id,
                            position=s.position,
                            title=s.title,
                            items=tuple(
                                TemplateItem(
                                    id=i.id,
                                    position=i.position,
                                    text=i.text,
                                    guidance=i.guidance,
                                    category_code=i.category_code,
                                    subcategory_code=i.subcategory_code,
                                    criterion_code=i.criterion_code,
                                )
                                for i in items[s.id]
                            ),
                        )
                        for s in sections[row.id]
                    ),
                    supersedes_id=row.supersedes_id,
                    origin=TemplateOrigin(row.origin),
                    published_at=row.published_at,
                    retired_at=families[row.template_id].retired_at,
                    created_at=row.created_at,
                    updated_at=row.updated_at,
                )
            )
        return result

    def templates(self, *, include_retired: bool = False) -> list[Template]:
        newest = (
            select(ChecklistVersionRow.template_id, func.max(ChecklistVersionRow.version).label("version"))
            .group_by(ChecklistVersionRow.template_id)
            .subquery()
        )
        query = (
            select(ChecklistVersionRow)
            .join(
                newest,
                (newest.c.template_id == ChecklistVersionRow.template_id)
                & (newest.c.version == ChecklistVersionRow.version),
            )
            .join(ChecklistTemplateRow, ChecklistTemplateRow.id == ChecklistVersionRow.template_id)
            .order_by(ChecklistVersionRow.code, ChecklistVersionRow.name, ChecklistVersionRow.id)
        )
        if not include_retired:
            query = query.where(ChecklistTemplateRow.retired_at.is_(None))
        return self._templates(list(self._session.scalars(query)))

    def template_versions(self, template_id: uuid.UUID) -> list[Template]:
        rows = self._session.scalars(
            select(ChecklistVersionRow)
            .where(ChecklistVersionRow.template_id == template_id)
            .order_by(ChecklistVersionRow.version)
        )
        return self._templates(list(rows))

    def get_template(self, version_id: uuid.UUID) -> Template | None:
        row = self._session.get(ChecklistVersionRow, version_id)
        return None if row is None else self._templates([row])[0]

    def template_digest(self, version_id: uuid.UUID) -> str | None:
        return self._session.scalar(select(ChecklistVersionRow.digest).where(ChecklistVersionRow.id == version_id))

    def _insert_content(self, template: Template) -> None:
        for section in template.sections:
            self._session.add(
                ChecklistSectionRow(
                    id=section.id,
                    version_id=template.id,
                    position=section.position,
                    title=section.title,
                    created_at=template.created_at,
                    updated_at=template.updated_at,
                )
            )
        self._session.flush()
        for section in template.sections:
            for item in section.items:
                self._session.add(
                    ChecklistItemRow(
                        id=item.id,
                        section_id=section.id,
                        version_id=template.id,
                        position=item.position,
                        text=item.text,
                        guidance=item.guidance,
                        category_code=item.category_code,
                        subcategory_code=item.subcategory_code,
                        criterion_code=item.criterion_code,
                        created_at=template.created_at,
                        updated_at=template.updated_at,
                    )
                )
        self._session.flush()

    def add_template(self, template: Template) -> None:
        if self._session.get(ChecklistTemplateRow, template.template_id) is None:
            self._session.add(
                ChecklistTemplateRow(
                    id=template.template_id,
                    retired_at=template.retired_at,
                    created_at=template.created_at,
                    updated_at=template.updated_at,
                )
            )
            self._session.flush()
        self._session.add(
            ChecklistVersionRow(
                id=template.id,
                template_id=template.template_id,
                version=template.version,
                code=template.code,
                name=template.name,
                description=template.description,
                supersedes_id=template.supersedes_id,
                origin=template.origin.value,
                published_at=template.published_at,
                digest=content_digest(draft_of(template)),
                created_at=template.created_at,
                updated_at=template.updated_at,
            )
        )
        self._session.flush()
        self._insert_content(template)

    def replace_template(self, template: Template) -> None:
        row = self._session.get(ChecklistVersionRow, template.id)
        if row is None:
            raise KeyError(template.id)
        if row.published_at is not None:
            raise InvalidTransition("template_published", name=row.name, version=row.version)
        self._session.execute(delete(ChecklistItemRow).where(ChecklistItemRow.version_id == template.id))
        self._session.execute(delete(ChecklistSectionRow).where(ChecklistSectionRow.version_id == template.id))
        row.code = template.code
        row.name = template.name
        row.description = template.description
        row.digest = content_digest(draft_of(template))
        row.updated_at = template.updated_at
        self._session.flush()
        self._insert_content(template)

    def publish_template(self, version_id: uuid.UUID, at: datetime) -> None:
        self._session.execute(
            update(ChecklistVersionRow)
            .where(ChecklistVersionRow.id == version_id, ChecklistVersionRow.published_at.is_(None))
            .values(published_at=at, updated_at=at)
        )

    def retire_template(self, template_id: uuid.UUID, at: datetime | None) -> None:
        row = self._session.get(ChecklistTemplateRow, template_id)
        if row is not None:
            row.retired_at = at
            row.updated_at = at or utcnow()
            self._session.flush()

    def template_usage(self, version_id: uuid.UUID) -> int:
        return int(
            self._session.scalar(
                select(func.count(InspectionRow.id)).where(InspectionRow.template_version_id == version_id)
            )
            or 0
        )

    # ----------------------------------------------------------------------------- inspections

    def _inspection(self, row: InspectionRow) -> Inspection:
        inspectors = self._session.scalars(
            select(InspectorRow).where(InspectorRow.inspection_id == row.id).order_by(InspectorRow.position)
        )
        return Inspection(
            id=row.id,
            number=row.number,
            template_version_id=row.template_version_id,
            area=row.area,
            department_id=row.department_id,
            inspectors=tuple(Inspector(i.person_id, i.name) for i in inspectors),
            inspected_on=row.inspected_on,
            state=InspectionState(row.state),
            note=row.note,
            finalized_at=row.finalized_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    def add(self, inspection: Inspection) -> None:
        self._session.add(
            InspectionRow(
                id=inspection.id,
                number=inspection.number,
                template_version_id=inspection.template_version_id,
                area=inspection.area,
                department_id=inspection.department_id,
                inspected_on=inspection.inspected_on,
                state=inspection.state.value,
                note=inspection.note,
                finalized_at=inspection.finalized_at,
                created_at=inspection.created_at,
                updated_at=inspection.updated_at,
            )
        )
        self._session.flush()
        for position, inspector in enumerate(inspection.inspectors, start=1):
            self._session.add(
                InspectorRow(
                    id=uuid.uuid4(),
                    inspection_id=inspection.id,
                    position=position,
                    person_id=inspector.person_id,
                    name=inspector.name,
                    created_at=inspection.created_at,
                    updated_at=inspection.updated_at,
                )
            )
        self._session.flush()

    def get(self, inspection_id: uuid.UUID) -> Inspection | None:
        row = self._session.get(InspectionRow, inspection_id)
        return None if row is None else self._inspection(row)

    def update(self, inspection: Inspection) -> None:
        row = self._session.get(InspectionRow, inspection.id)
        if row is None:
            raise KeyError(inspection.id)
        row.area = inspection.area
        row.note = inspection.note
        row.state = inspection.state.value
        row.finalized_at = inspection.finalized_at
        row.updated_at = inspection.updated_at
        self._session.flush()

    def delete(self, inspection_id: uuid.UUID) -> None:
        answer_ids = select(AnswerRow.id).where(AnswerRow.inspection_id == inspection_id)
        photo_ids = select(AnswerPhotoRow.id).where(AnswerPhotoRow.answer_id.in_(answer_ids))
        self._session.execute(delete(AnswerPhotoBlobRow).where(AnswerPhotoBlobRow.photo_id.in_(photo_ids)))
        self._session.execute(delete(AnswerPhotoRow).where(AnswerPhotoRow.answer_id.in_(answer_ids)))
        self._session.execute(delete(AnswerRow).where(AnswerRow.inspection_id == inspection_id))
        self._session.execute(delete(InspectorRow).where(InspectorRow.inspection_id == inspection_id))
        self._session.execute(delete(InspectionRow).where(InspectionRow.id == inspection_id))

    def next_number(self, year: int) -> int:
        """Claim the next inspection number of ``year``: never one handed out before, even if its
        inspection (a draft) was deleted since.

        The last number given is kept in the settings table (``inspection_number.<year>``), raised in
        this transaction (whose write lock serialises claims); databases from before it kept one start
        from their highest stored number.
        """
        key = f"{NUMBER_KEY}.{year:04d}"
        counter = self._session.scalars(select(SettingRow).where(SettingRow.key == key)).one_or_none()
        numbers = self._session.scalars(
            select(InspectionRow.number).where(InspectionRow.number.like(f"JC-{year:04d}-%"))
        )
        parsed = (inspection_sequence(n) for n in numbers)
        # this installation's numbers only (issue 15: each numbers from its own slot; the others' arrive by exchange)
        slot, reserved = numbering(self._session.connection())
        first, end = slot_range(slot)

        def mine_(n: int) -> bool:
            if slot:
                return first <= n <= end
            return reserved is None or n < reserved or n >= OFFICE_OVERFLOW_START

        mine = [p[1] for p in parsed if p is not None and mine_(p[1])]
        last = max(max(mine, default=0), int(counter.value) if counter is not None else 0)
        claimed = next_sequence(slot, last, reserved)
        now = utcnow()
        if counter is None:
            counter = SettingRow(id=new_id(), key=key, value="", created_at=now)
            self._session.add(counter)
        counter.value = str(claimed)
        counter.updated_at = now
        self._session.flush()
        return claimed

    def summaries(self, states: frozenset[InspectionState] = frozenset()) -> list[InspectionSummary]:
        def count(*conditions: ColumnElement[bool]) -> ScalarSelect[int]:
            return (
                select(func.count(AnswerRow.id))
                .where(AnswerRow.inspection_id == InspectionRow.id, *conditions)
                .correlate(InspectionRow)
                .scalar_subquery()
            )

        total = (
            select(func.count(ChecklistItemRow.id))
            .where(ChecklistItemRow.version_id == InspectionRow.template_version_id)
            .correlate(InspectionRow)
            .scalar_subquery()
        )
        query = (
            select(
                InspectionRow,
                ChecklistVersionRow.name,
                ChecklistVersionRow.version,
                DepartmentRow.name,
                total,
                count(AnswerRow.result.is_not(None)),
                count(AnswerRow.result == AnswerResult.FAIL.value),
                count(AnswerRow.hazard_id.is_not(None)),
            )
            .join(ChecklistVersionRow, ChecklistVersionRow.id == InspectionRow.template_version_id)
            .join(DepartmentRow, DepartmentRow.id == InspectionRow.department_id)
            .order_by(InspectionRow.inspected_on.desc(), InspectionRow.number.desc())
        )
        if states:
            query = query.where(InspectionRow.state.in_(sorted(s.value for s in states)))
        rows = self._session.execute(query).all()
        names: dict[uuid.UUID, list[str]] = defaultdict(list)
        if rows:
            # an inspector with a namesake in their department is listed with the 工号 (domain.reference)
            numbers = namesake_numbers(self._session.scalars(select(PersonRow)).all())
            for inspector in self._session.scalars(
                select(InspectorRow)
                .where(InspectorRow.inspection_id.in_([r[0].id for r in rows]))
                .order_by(InspectorRow.position)
            ):
                names[inspector.inspection_id].append(printed_name(inspector.name, numbers.get(inspector.person_id)))
        return [
            InspectionSummary(
                id=row.id,
                number=row.number,
                template_name=template_name,
                template_version=version,
                area=row.area,
                department_name=department_name,
                inspectors="、".join(names[row.id]),
                inspected_on=row.inspected_on,
                state=InspectionState(row.state),
                total=int(total_count),
                answered=int(answered),
                failed=int(failed),
                hazards=int(hazards),
                updated_at=row.updated_at,
                finalized_at=row.finalized_at,
            )
            for row, template_name, version, department_name, total_count, answered, failed, hazards in rows
        ]

    # --------------------------------------------------------------------------------- answers

    def answers(self, inspection_id: uuid.UUID) -> list[Answer]:
        rows = self._session.execute(
            select(AnswerRow, _PHOTO_COUNT).where(AnswerRow.inspection_id == inspection_id)
        ).all()
        return [_answer(row, int(photos)) for row, photos in rows]

    def get_answer(self, inspection_id: uuid.UUID, item_id: uuid.UUID) -> Answer | None:
        found = self._session.execute(
            select(AnswerRow, _PHOTO_COUNT).where(
                AnswerRow.inspection_id == inspection_id, AnswerRow.item_id == item_id
            )
        ).one_or_none()
        return None if found is None else _answer(found[0], int(found[1]))

    def save_answer(self, answer: Answer) -> None:
        row = self._session.get(AnswerRow, answer.id)
        if row is None:
            row = AnswerRow(
                id=answer.id,
                inspection_id=answer.inspection_id,
                item_id=answer.item_id,
                created_at=answer.created_at,
            )
            self._session.add(row)
        row.result = None if answer.result is None else answer.result.value
        row.note = answer.note
        row.hazard_id = answer.hazard_id
        row.proposes_major = answer.proposes_major
        row.criterion_code = answer.criterion_code
        row.answered_at = answer.answered_at
        row.updated_at = answer.updated_at
        self._session.flush()

    def add_answer_photo(self, photo: AnswerPhoto, image: ProcessedImage) -> None:
        self._session.add(
            AnswerPhotoRow(
                id=photo.id,
                answer_id=photo.answer_id,
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
        for kind, data in ((PhotoKind.DISPLAY, image.display_jpeg), (PhotoKind.THUMB, image.thumb_jpeg)):
            self._session.add(
                AnswerPhotoBlobRow(
                    id=uuid.uuid4(),
                    photo_id=photo.id,
                    kind=kind.value,
                    data=data,
                    created_at=photo.created_at,
                    updated_at=photo.updated_at,
                )
            )
        self._session.flush()

    def answer_photos(self, answer_id: uuid.UUID) -> list[AnswerPhoto]:
        rows = self._session.scalars(
            select(AnswerPhotoRow).where(AnswerPhotoRow.answer_id == answer_id).order_by(AnswerPhotoRow.position)
        )
        return [_photo(r) for r in rows]

    def remove_answer_photo(self, photo_id: uuid.UUID) -> None:
        self._session.execute(delete(AnswerPhotoBlobRow).where(AnswerPhotoBlobRow.photo_id == photo_id))
        self._session.execute(delete(AnswerPhotoRow).where(AnswerPhotoRow.id == photo_id))

    def answer_photo_bytes(self, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None:
        return self._session.scalar(
            select(AnswerPhotoBlobRow.data).where(
                AnswerPhotoBlobRow.photo_id == photo_id, AnswerPhotoBlobRow.kind == kind.value
            )
        )

    def inspection_of_hazard(self, hazard_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID] | None:
        found = self._session.execute(
            select(AnswerRow.inspection_id, AnswerRow.item_id).where(AnswerRow.hazard_id == hazard_id).limit(1)
        ).one_or_none()
        return None if found is None else (found[0], found[1])

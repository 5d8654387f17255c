"""Hazards, their photos, register numbers and the full-text index (``adapters/search_index.py``)."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from hazard_desktop.adapters.exchange_store import numbering
from hazard_desktop.adapters.orm import HazardRow, NumberSequenceRow, PhotoBlobRow, PhotoRow
from hazard_desktop.domain.exchange import next_sequence
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, PhotoInfo
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.search import hazard_tokens
from hazard_desktop.services.ports import PhotoKind, ProcessedImage


def _photo(row: PhotoRow) -> PhotoInfo:
    return PhotoInfo(
        id=row.id,
        hazard_id=row.hazard_id,
        position=row.position,
        original_name=row.original_name,
        original_sha256=row.original_sha256,
        original_size=row.original_size,
        width=row.width,
        height=row.height,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def search_tokens(hazard: Hazard) -> str:
    """What the full-text index holds for a hazard."""
    return hazard_tokens(hazard.number, hazard.description, hazard.location, hazard.equipment_tag)


def _set_loop_columns(row: HazardRow, hazard: Hazard) -> None:
    """The rectification loop's register columns (revision 0007), kept by its use cases."""
    row.deadline = hazard.deadline
    row.responsible_department_id = hazard.responsible_department_id
    row.responsible_person_id = hazard.responsible_person_id
    row.acceptor_id = hazard.acceptor_id
    row.closed_on = hazard.closed_on
    row.extension_pending = hazard.extension_pending


# A contentless index: a row is removed by naming the tokens it was written with.
_INDEX = text("INSERT INTO hazard_fts(rowid, tokens) VALUES (:pk, :tokens)")
_UNINDEX = text("INSERT INTO hazard_fts(hazard_fts, rowid, tokens) VALUES ('delete', :pk, :tokens)")
_INDEXED_COLUMNS = (
    HazardRow.number,
    HazardRow.description,
    HazardRow.location,
    HazardRow.equipment_tag,
    HazardRow.legacy_number,
    HazardRow.found_by_text,
)


class SqlHazardRepository:
    """Hazard aggregate on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _to_domain(self, row: HazardRow) -> Hazard:
        photos = self._session.scalars(
            select(PhotoRow).where(PhotoRow.hazard_id == row.id).order_by(PhotoRow.position)
        ).all()
        return Hazard(
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
            photos=tuple(_photo(p) for p in photos),
            deadline=row.deadline,
            responsible_department_id=row.responsible_department_id,
            responsible_person_id=row.responsible_person_id,
            acceptor_id=row.acceptor_id,
            closed_on=row.closed_on,
            extension_pending=bool(row.extension_pending),
            found_by_text=row.found_by_text,
            found_date_only=bool(row.found_date_only),
        )

    def _stored_tokens(self, pk: int) -> str:
        """The index tokens of the stored row ``pk``: read from the database, not from the session's
        copy of the row (which may be older), since the index holds what the database holds."""
        number, description, location, tag, legacy, finder = self._session.execute(
            select(*_INDEXED_COLUMNS).where(HazardRow.pk == pk)
        ).one()
        return hazard_tokens(number, description, location, tag, legacy or "", finder or "")

    def _reindex(self, pk: int, old: str | None) -> None:
        """Bring the index row of ``pk`` (written with the tokens ``old``; None: none yet) to the stored row."""
        new = self._stored_tokens(pk)
        if new == old:
            return
        if old is not None:
            self._session.execute(_UNINDEX, {"pk": pk, "tokens": old})
        self._session.execute(_INDEX, {"pk": pk, "tokens": new})

    def add(self, hazard: Hazard) -> None:
        row = HazardRow(
            id=hazard.id,
            number=hazard.number,
            description=hazard.description,
            location=hazard.location,
            equipment_tag=hazard.equipment_tag,
            department_id=hazard.department_id,
            category_code=hazard.category_code,
            subcategory_code=hazard.subcategory_code,
            found_by_id=hazard.found_by_id,
            found_at=hazard.found_at,
            status=hazard.status.value,
            grade=hazard.grade.value,
            revision=hazard.revision,
            created_at=hazard.created_at,
            updated_at=hazard.updated_at,
            found_by_text=hazard.found_by_text,
            found_date_only=1 if hazard.found_date_only else None,
        )
        _set_loop_columns(row, hazard)
        self._session.add(row)
        self._session.flush()
        self._reindex(row.pk, None)

    def update(self, hazard: Hazard) -> None:
        row = self._session.scalars(select(HazardRow).where(HazardRow.id == hazard.id)).one()
        old = self._stored_tokens(row.pk)  # before the row changes: what its index row was written with
        row.number = hazard.number
        row.description = hazard.description
        row.location = hazard.location
        row.equipment_tag = hazard.equipment_tag
        row.department_id = hazard.department_id
        row.category_code = hazard.category_code
        row.subcategory_code = hazard.subcategory_code
        row.found_by_id = hazard.found_by_id
        row.found_at = hazard.found_at
        row.status = hazard.status.value
        row.grade = hazard.grade.value
        row.revision = hazard.revision
        row.updated_at = hazard.updated_at
        row.found_by_text = hazard.found_by_text
        row.found_date_only = 1 if hazard.found_date_only else None
        _set_loop_columns(row, hazard)
        self._session.flush()
        self._reindex(row.pk, old)

    def get(self, hazard_id: uuid.UUID) -> Hazard | None:
        row = self._session.scalars(select(HazardRow).where(HazardRow.id == hazard_id)).one_or_none()
        return None if row is None else self._to_domain(row)

    def get_by_number(self, number: str) -> Hazard | None:
        row = self._session.scalars(select(HazardRow).where(HazardRow.number == number)).one_or_none()
        return None if row is None else self._to_domain(row)

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(HazardRow)) or 0)

    def _sequence_row(self, year: int) -> NumberSequenceRow:
        row = self._session.scalars(select(NumberSequenceRow).where(NumberSequenceRow.year == year)).one_or_none()
        if row is None:
            now = utcnow()
            row = NumberSequenceRow(id=new_id(), year=year, last_value=0, created_at=now, updated_at=now)
            self._session.add(row)
            self._session.flush()
        return row

    def next_sequence(self, year: int) -> int:
        row = self._sequence_row(year)
        # The next number of this installation's slot (issue 15, ``domain.exchange``); the write lock of
        # this transaction serialises claims.
        slot, reserved = numbering(self._session.connection())
        value = next_sequence(slot, row.last_value, reserved)
        self._session.execute(
            update(NumberSequenceRow)
            .where(NumberSequenceRow.id == row.id)
            .values(last_value=value, updated_at=utcnow())
        )
        self._session.refresh(row)
        return row.last_value

    def last_sequence(self, year: int) -> int:
        last = self._session.scalar(select(NumberSequenceRow.last_value).where(NumberSequenceRow.year == year))
        return int(last or 0)

    def note_number(self, year: int, sequence: int) -> None:
        row = self._sequence_row(year)
        if sequence > row.last_value:
            row.last_value = sequence
            row.updated_at = utcnow()
            self._session.flush()

    def add_photo(self, photo: PhotoInfo, image: ProcessedImage) -> None:
        self._session.add(
            PhotoRow(
                id=photo.id,
                hazard_id=photo.hazard_id,
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
        self._session.add(PhotoBlobRow(photo_id=photo.id, kind=PhotoKind.DISPLAY.value, data=image.display_jpeg))
        self._session.add(PhotoBlobRow(photo_id=photo.id, kind=PhotoKind.THUMB.value, data=image.thumb_jpeg))
        self._session.flush()

    def remove_photo(self, photo_id: uuid.UUID) -> None:
        self._session.execute(delete(PhotoBlobRow).where(PhotoBlobRow.photo_id == photo_id))
        self._session.execute(delete(PhotoRow).where(PhotoRow.id == photo_id))

    def photo_bytes(self, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None:
        return self._session.scalar(
            select(PhotoBlobRow.data).where(PhotoBlobRow.photo_id == photo_id, PhotoBlobRow.kind == kind.value)
        )

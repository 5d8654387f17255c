"""Row classes of inspection checklists (revision 0003): templates in versions, inspections, answers, photos.

Storage shapes only; ``adapters/repositories/inspections.py`` turns them into domain objects. Every
table has a UUID text id and created/updated stamps (``RecordMixin``).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hazard_desktop.adapters.orm import Base, RecordMixin, UTCDateTime, UUIDText


class ChecklistTemplateRow(RecordMixin, Base):
    """A template family: what every version of one checklist shares."""

    __tablename__ = "checklist_templates"
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ChecklistVersionRow(RecordMixin, Base):
    """One version of a template; immutable once ``published_at`` is set."""

    __tablename__ = "checklist_template_versions"
    __table_args__ = (UniqueConstraint("template_id", "version"),)
    template_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("checklist_templates.id"))
    version: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(
        UUIDText, ForeignKey("checklist_template_versions.id"), nullable=True
    )
    origin: Mapped[str] = mapped_column(String(10))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    digest: Mapped[str] = mapped_column(String(64))


class ChecklistSectionRow(RecordMixin, Base):
    __tablename__ = "checklist_sections"
    __table_args__ = (Index("ix_checklist_sections_version", "version_id", "position"),)
    version_id: Mapped[uuid.UUID] = mapped_column(
        UUIDText, ForeignKey("checklist_template_versions.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(60))


class ChecklistItemRow(RecordMixin, Base):
    __tablename__ = "checklist_items"
    __table_args__ = (Index("ix_checklist_items_section", "section_id", "position"),)
    section_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("checklist_sections.id", ondelete="CASCADE"))
    version_id: Mapped[uuid.UUID] = mapped_column(
        UUIDText, ForeignKey("checklist_template_versions.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    guidance: Mapped[str] = mapped_column(Text)
    category_code: Mapped[str] = mapped_column(String(10), ForeignKey("categories.code"))
    subcategory_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("subcategories.code"), nullable=True)
    criterion_code: Mapped[str | None] = mapped_column(String(20), nullable=True)


class InspectionRow(RecordMixin, Base):
    __tablename__ = "inspections"
    __table_args__ = (
        Index("ix_inspections_state", "state"),
        Index("ix_inspections_inspected_on", "inspected_on"),
        Index("ix_inspections_version", "template_version_id"),
    )
    number: Mapped[str] = mapped_column(String(20), unique=True)
    template_version_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("checklist_template_versions.id"))
    area: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    inspected_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    finalized_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class InspectorRow(RecordMixin, Base):
    __tablename__ = "inspection_inspectors"
    __table_args__ = (UniqueConstraint("inspection_id", "person_id"),)
    inspection_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("inspections.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    name: Mapped[str] = mapped_column(String(40))


class AnswerRow(RecordMixin, Base):
    __tablename__ = "inspection_answers"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_id"),
        Index("ix_inspection_answers_hazard", "hazard_id"),
    )
    inspection_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("inspections.id", ondelete="CASCADE"))
    item_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("checklist_items.id"))
    result: Mapped[str | None] = mapped_column(String(10), nullable=True)
    note: Mapped[str] = mapped_column(Text)
    hazard_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("hazards.id"), nullable=True)
    proposes_major: Mapped[bool] = mapped_column(Boolean)
    criterion_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AnswerPhotoRow(RecordMixin, Base):
    __tablename__ = "inspection_photos"
    __table_args__ = (Index("ix_inspection_photos_answer", "answer_id", "position"),)
    answer_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("inspection_answers.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255))
    original_sha256: Mapped[str] = mapped_column(String(64))
    original_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)


class AnswerPhotoBlobRow(RecordMixin, Base):
    """Image bytes of an answer photo, apart from the metadata so that listing photos never loads them."""

    __tablename__ = "inspection_photo_blobs"
    __table_args__ = (UniqueConstraint("photo_id", "kind"),)
    photo_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("inspection_photos.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    data: Mapped[bytes] = mapped_column(LargeBinary)

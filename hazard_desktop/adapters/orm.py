"""SQLAlchemy 2 row classes: storage shapes only; repositories turn them into domain objects."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UUIDText(TypeDecorator[uuid.UUID]):
    """UUIDs as 36-character text: readable in exchange files and portable to PostgreSQL."""

    impl = String(36)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Any) -> uuid.UUID | None:
        return None if value is None else uuid.UUID(value)


class DecimalText(TypeDecorator[Decimal]):
    """Exact decimals stored as text (SQLite has no decimal type; floats would lose exactness)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else format(Decimal(value), "f")

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in the domain, naive UTC in the database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to storage")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base of every row class."""


class RecordMixin:
    """UUID and time stamps that every record carries."""

    id: Mapped[uuid.UUID] = mapped_column(UUIDText, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DepartmentRow(RecordMixin, Base):
    __tablename__ = "departments"
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PersonRow(RecordMixin, Base):
    __tablename__ = "people"
    name: Mapped[str] = mapped_column(String(40))
    employee_no: Mapped[str] = mapped_column(String(20), default="")
    department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    roles: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AccountRow(RecordMixin, Base):
    __tablename__ = "accounts"
    __table_args__ = (Index("ix_accounts_person", "person_id"),)  # the name migration 0010 gave it
    person_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    name: Mapped[str] = mapped_column(String(40))
    name_key: Mapped[str] = mapped_column(String(40), unique=True)
    roles: Mapped[str] = mapped_column(String(200))
    secret_kind: Mapped[str] = mapped_column(String(10))
    secret_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean)
    must_change: Mapped[bool] = mapped_column(Boolean)


class CategoryRow(RecordMixin, Base):
    __tablename__ = "categories"
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    sort_order: Mapped[int] = mapped_column(Integer)


class SubcategoryRow(RecordMixin, Base):
    __tablename__ = "subcategories"
    code: Mapped[str] = mapped_column(String(12), unique=True)
    category_code: Mapped[str] = mapped_column(String(10), ForeignKey("categories.code"))
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    sort_order: Mapped[int] = mapped_column(Integer)


class ScaleValueRow(RecordMixin, Base):
    __tablename__ = "lec_scale_values"
    __table_args__ = (UniqueConstraint("factor", "value"),)
    factor: Mapped[str] = mapped_column(String(1))
    value: Mapped[Decimal] = mapped_column(DecimalText)
    meaning_zh: Mapped[str] = mapped_column(String(80))
    meaning_en: Mapped[str] = mapped_column(String(120))


class ThresholdSetRow(RecordMixin, Base):
    __tablename__ = "threshold_sets"
    name: Mapped[str] = mapped_column(String(60))
    effective_from: Mapped[date] = mapped_column(Date)
    edge_rule: Mapped[str] = mapped_column(String(20))


class ThresholdBandRow(RecordMixin, Base):
    __tablename__ = "threshold_bands"
    __table_args__ = (UniqueConstraint("set_id", "code"),)
    set_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("threshold_sets.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(60))
    action_zh: Mapped[str] = mapped_column(String(60))
    action_en: Mapped[str] = mapped_column(String(80))
    colour: Mapped[str] = mapped_column(String(9))
    lower: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    upper: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)


class MajorCriterionRow(RecordMixin, Base):
    __tablename__ = "major_criteria"
    code: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))
    clause: Mapped[str] = mapped_column(String(40))
    category_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("major_criteria.id"), nullable=True)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SettingRow(RecordMixin, Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(Text)


class NumberSequenceRow(RecordMixin, Base):
    __tablename__ = "number_sequences"
    year: Mapped[int] = mapped_column(Integer, unique=True)
    last_value: Mapped[int] = mapped_column(Integer)


class HazardRow(Base):
    """A register entry. ``pk`` is the integer key of the full-text index; ``id`` is the record UUID."""

    __tablename__ = "hazards"
    __table_args__ = (
        Index("ix_hazards_found_at", "found_at"),
        Index("ix_hazards_status", "status"),
        Index("ix_hazards_grade", "grade"),
        Index("ix_hazards_category", "category_code"),
        Index("ix_hazards_department", "department_id"),
        Index("ix_hazards_updated_at", "updated_at"),
        Index("ix_hazards_exchange_conflict", "exchange_conflict"),  # revision 0009
        Index("ix_hazards_legacy_number", "legacy_number"),
        Index("ix_hazards_deadline", "deadline"),
        Index("ix_hazards_status_deadline", "status", "deadline"),
        Index("ix_hazards_band", "band_code"),  # revision 0002
        Index("ix_hazards_mean_d_sort", "mean_d_sort"),  # revision 0002
        Index("ix_hazards_dispute_state", "dispute_state"),  # revision 0002
    )
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(UUIDText, unique=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    description: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(200))
    equipment_tag: Mapped[str] = mapped_column(String(60), default="")
    department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    category_code: Mapped[str] = mapped_column(String(10), ForeignKey("categories.code"))
    subcategory_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("subcategories.code"), nullable=True)
    found_by_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    found_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20))
    grade: Mapped[str] = mapped_column(String(20))
    revision: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Current grade, denormalised from the grading history (revision 0002) for the register.
    current_grading_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)
    grading_method: Mapped[str | None] = mapped_column(String(20), nullable=True)
    band_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    mean_d: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    mean_d_sort: Mapped[float | None] = mapped_column(Float, nullable=True)
    dispute_state: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # The number an imported ledger gave it (原编号, revision 0008): searchable, not unique.
    legacy_number: Mapped[str | None] = mapped_column(String(60), nullable=True)
    # Rectification, denormalised from its records (revision 0007) for the register and its counts.
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    responsible_department_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)
    responsible_person_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)
    acceptor_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    extension_pending: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # 1 while an exchange conflict of the hazard is open (revision 0009).
    exchange_conflict: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # An imported hazard's 发现人 as the old ledger wrote it ("" = named nobody; NULL = found_by_id is the
    # finder) and 1 when the ledger gave a day without a time (revision 0014).
    found_by_text: Mapped[str | None] = mapped_column(String(60), nullable=True)
    found_date_only: Mapped[int | None] = mapped_column(Integer, nullable=True)


class PhotoRow(RecordMixin, Base):
    __tablename__ = "hazard_photos"
    __table_args__ = (Index("ix_hazard_photos_hazard", "hazard_id", "position"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255))
    original_sha256: Mapped[str] = mapped_column(String(64))
    original_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)


class PhotoBlobRow(Base):
    """Image bytes, apart from the metadata so that listing photos never loads them."""

    __tablename__ = "photo_blobs"
    photo_id: Mapped[uuid.UUID] = mapped_column(
        UUIDText, ForeignKey("hazard_photos.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


# ---------------------------------------------------------------- grading (revision 0002)


class GradingMeetingRow(RecordMixin, Base):
    __tablename__ = "grading_meetings"
    title: Mapped[str] = mapped_column(String(120))
    held_on: Mapped[date] = mapped_column(Date)
    leader_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("people.id"), nullable=True)
    leader_name: Mapped[str] = mapped_column(String(40))


class GradingRow(RecordMixin, Base):
    __tablename__ = "gradings"
    __table_args__ = (
        Index("ix_gradings_hazard", "hazard_id", "created_at"),
        Index("ix_gradings_meeting", "meeting_id"),
    )
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    method: Mapped[str] = mapped_column(String(20))
    grade: Mapped[str] = mapped_column(String(20))
    threshold_set_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("threshold_sets.id"), nullable=True)
    threshold_set_name: Mapped[str] = mapped_column(String(60))
    edge_rule: Mapped[str | None] = mapped_column(String(20), nullable=True)
    mean_d: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    band_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    band_name_zh: Mapped[str | None] = mapped_column(String(40), nullable=True)
    band_name_en: Mapped[str | None] = mapped_column(String(60), nullable=True)
    decision_reason: Mapped[str] = mapped_column(Text)
    leader_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("people.id"), nullable=True)
    leader_name: Mapped[str] = mapped_column(String(40))
    graded_on: Mapped[date] = mapped_column(Date)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("gradings.id"), nullable=True)
    correction_reason: Mapped[str] = mapped_column(Text)
    dispute_id: Mapped[uuid.UUID | None] = mapped_column(
        UUIDText, ForeignKey("disputes.id", name="fk_gradings_dispute", use_alter=True), nullable=True
    )
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("grading_meetings.id"), nullable=True)
    # 0011: the confirming leader's signature (the time is confirmed_at)
    confirmed_account_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)
    confirmed_name: Mapped[str | None] = mapped_column(String(40), nullable=True)
    confirmed_via: Mapped[str | None] = mapped_column(String(12), nullable=True)
    # 0016: a LEC grading's §5.1 check that found no criterion (all NULL: none recorded)
    check_basis: Mapped[str | None] = mapped_column(String(10), nullable=True)
    check_criteria_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    check_criteria_items: Mapped[int | None] = mapped_column(Integer, nullable=True)
    check_criteria_newest: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    checked_by: Mapped[str | None] = mapped_column(String(40), nullable=True)


class GradingScoreRow(RecordMixin, Base):
    __tablename__ = "grading_scores"
    __table_args__ = (UniqueConstraint("grading_id", "person_id"),)
    grading_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("gradings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    person_name: Mapped[str] = mapped_column(String(40))
    department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    department_name: Mapped[str] = mapped_column(String(40))
    department_kind: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(10))
    likelihood: Mapped[Decimal] = mapped_column(DecimalText)
    exposure: Mapped[Decimal] = mapped_column(DecimalText)
    consequence: Mapped[Decimal] = mapped_column(DecimalText)
    entered_account_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)  # 0011
    entered_name: Mapped[str | None] = mapped_column(String(40), nullable=True)
    entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    entered_via: Mapped[str | None] = mapped_column(String(12), nullable=True)


class GradingCriterionRow(RecordMixin, Base):
    __tablename__ = "grading_criteria"
    __table_args__ = (Index("ix_grading_criteria_grading", "grading_id"),)  # revision 0014
    grading_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("gradings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    criterion_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("major_criteria.id"))
    code: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    clause: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[str] = mapped_column(Text)


class GradingPanelMemberRow(RecordMixin, Base):
    """A member of the panel that decided a grading without member scores (criteria, §4.3 decision; 0015).
    Written with its grading, never changed (like the scores)."""

    __tablename__ = "grading_panel_members"
    __table_args__ = (
        UniqueConstraint("grading_id", "person_id"),
        Index("ix_grading_panel_members_grading", "grading_id"),
    )
    grading_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("gradings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    person_name: Mapped[str] = mapped_column(String(40))
    department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    department_name: Mapped[str] = mapped_column(String(40))
    department_kind: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(10))


class GradingVoteRow(RecordMixin, Base):
    """One dispute panel member's vote on one criterion in question, with what the panel found (0005)."""

    __tablename__ = "grading_votes"
    __table_args__ = (Index("ix_grading_votes_grading", "grading_id"),)
    grading_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("gradings.id", ondelete="CASCADE"))
    verdict_position: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    criterion_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("major_criteria.id"))
    code: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    clause: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[str] = mapped_column(Text)
    person_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    person_name: Mapped[str] = mapped_column(String(40))
    department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    department_name: Mapped[str] = mapped_column(String(40))
    department_kind: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(10))
    upholds: Mapped[bool] = mapped_column(Boolean)
    entered_account_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)  # 0011
    entered_name: Mapped[str | None] = mapped_column(String(40), nullable=True)
    entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    entered_via: Mapped[str | None] = mapped_column(String(12), nullable=True)


class ScoringRoundRow(RecordMixin, Base):
    """A panel's blind entries for one hazard (0011): hidden until every seated member has entered."""

    __tablename__ = "scoring_rounds"
    __table_args__ = (Index("ix_scoring_rounds_hazard", "hazard_id"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    purpose: Mapped[str] = mapped_column(String(10))
    criteria: Mapped[str] = mapped_column(Text)  # JSON list of criterion ids (vote rounds)
    opened_account_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)
    opened_name: Mapped[str] = mapped_column(String(40))
    opened_via: Mapped[str] = mapped_column(String(12))
    grading_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("gradings.id"), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ScoringSeatRow(RecordMixin, Base):
    """A member seated in a scoring round, and their entry once made (0011)."""

    __tablename__ = "score_entries"
    __table_args__ = (UniqueConstraint("round_id", "person_id"),)
    round_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("scoring_rounds.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    role: Mapped[str] = mapped_column(String(10))
    likelihood: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    exposure: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    consequence: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    votes: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {criterion id: upholds}
    entered_account_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)  # 0011
    entered_name: Mapped[str | None] = mapped_column(String(40), nullable=True)
    entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    entered_via: Mapped[str | None] = mapped_column(String(12), nullable=True)


class DisputeClaimRow(RecordMixin, Base):
    """A criterion the raising department says applies (0005)."""

    __tablename__ = "dispute_claims"
    __table_args__ = (Index("ix_dispute_claims_dispute", "dispute_id"),)
    dispute_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("disputes.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    criterion_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("major_criteria.id"))
    code: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    clause: Mapped[str] = mapped_column(String(40))


class DisputeRow(RecordMixin, Base):
    __tablename__ = "disputes"
    __table_args__ = (Index("ix_disputes_hazard", "hazard_id"),)
    grading_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("gradings.id"))
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    raised_by_department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    raised_by_department_name: Mapped[str] = mapped_column(String(40))
    raised_by_person_name: Mapped[str] = mapped_column(String(40))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    ruling_grading_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("gradings.id"), nullable=True)
    ruling_text: Mapped[str] = mapped_column(Text)
    ruled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    withdrawn_reason: Mapped[str] = mapped_column(Text)
    withdrawn_by_person_name: Mapped[str] = mapped_column(String(40), default="")
    withdrawn_by_department_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)
    withdrawn_by_department_name: Mapped[str] = mapped_column(String(40), default="")


class SheetPrintRow(RecordMixin, Base):
    """Every printed or saved sheet: its verification code, the digest it certifies, the copy number."""

    __tablename__ = "sheet_prints"
    __table_args__ = (
        Index("ix_sheet_prints_code", "verify_code"),
        Index("ix_sheet_prints_grading", "grading_id"),
    )
    kind: Mapped[str] = mapped_column(String(20))
    grading_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("gradings.id"))
    dispute_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, ForeignKey("disputes.id"), nullable=True)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    verify_code: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(64))
    copy_no: Mapped[int] = mapped_column(Integer)
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    printed_by: Mapped[str] = mapped_column(String(40))


# ---------------------------------------------------------------- ledger imports (revision 0008)


class LedgerImportRow(RecordMixin, Base):
    """One import of a ledger file."""

    __tablename__ = "ledger_imports"
    source_name: Mapped[str] = mapped_column(String(255))
    source_sha256: Mapped[str] = mapped_column(String(64))
    sheet_name: Mapped[str] = mapped_column(String(100))
    rows_imported: Mapped[int] = mapped_column(Integer)
    rows_skipped: Mapped[int] = mapped_column(Integer)


class LedgerImportedRow(RecordMixin, Base):
    """A ledger row that became a hazard; ``row_key`` (old number or content hash) is unique."""

    __tablename__ = "ledger_import_rows"
    __table_args__ = (Index("ix_ledger_import_rows_hazard", "hazard_id"),)
    batch_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("ledger_imports.id"))
    row_no: Mapped[int] = mapped_column(Integer)
    row_key: Mapped[str] = mapped_column(String(80), unique=True)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    kept: Mapped[str] = mapped_column(Text)  # JSON object: the old ledger's fields the register lacks


class ImportedGradingRow(RecordMixin, Base):
    """LEC values from an old ledger: history marked with its source, never a panel's grading."""

    __tablename__ = "imported_gradings"
    __table_args__ = (Index("ix_imported_gradings_hazard", "hazard_id"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    batch_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("ledger_imports.id"))
    source_name: Mapped[str] = mapped_column(String(255))
    sheet_name: Mapped[str] = mapped_column(String(100))
    row_no: Mapped[int] = mapped_column(Integer)
    likelihood: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    exposure: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    consequence: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    score: Mapped[Decimal] = mapped_column(DecimalText)
    band_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    band_name_zh: Mapped[str | None] = mapped_column(String(40), nullable=True)
    band_name_en: Mapped[str | None] = mapped_column(String(60), nullable=True)
    threshold_set_name: Mapped[str | None] = mapped_column(String(60), nullable=True)
    legacy_grade: Mapped[str] = mapped_column(String(40))


# ---------------------------------------------------------------- rectification (revision 0007)


class RectificationAssignmentRow(RecordMixin, Base):
    """五定 of one hazard (one row per hazard)."""

    __tablename__ = "rectification_assignments"
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"), unique=True)
    responsible_department_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("departments.id"))
    responsible_person_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    measures: Mapped[str] = mapped_column(Text)
    funds: Mapped[Decimal] = mapped_column(DecimalText)
    funds_source: Mapped[str] = mapped_column(String(200))
    original_deadline: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    interim_measures: Mapped[str] = mapped_column(Text)
    assigned_by_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    assigned_on: Mapped[date] = mapped_column(Date)
    on_the_spot: Mapped[bool] = mapped_column(Boolean)


class TreatmentPlanRow(RecordMixin, Base):
    """重大隐患治理方案 (one row per hazard); reports and supervision as JSON."""

    __tablename__ = "treatment_plans"
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"), unique=True)
    goal_and_tasks: Mapped[str] = mapped_column(Text)
    methods_and_measures: Mapped[str] = mapped_column(Text)
    funds_and_materials: Mapped[str] = mapped_column(Text)
    organisation_and_people: Mapped[str] = mapped_column(Text)
    time_limit: Mapped[date] = mapped_column(Date)
    time_requirements: Mapped[str] = mapped_column(Text)
    safety_and_emergency: Mapped[str] = mapped_column(Text)
    stoppage: Mapped[str] = mapped_column(String(20))
    stopped_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    reports: Mapped[str] = mapped_column(Text)  # JSON list of {kind, made_on, reference}
    supervision: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON {by, reference, since}
    cause: Mapped[str] = mapped_column(Text, default="", server_default="")
    harm: Mapped[str] = mapped_column(Text, default="", server_default="")
    difficulty: Mapped[str] = mapped_column(Text, default="", server_default="")


class RectificationNoteRow(RecordMixin, Base):
    __tablename__ = "rectification_notes"
    __table_args__ = (Index("ix_rectification_notes_hazard", "hazard_id", "written_at"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)  # JSON PersonRef
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RectificationPhotoRow(RecordMixin, Base):
    __tablename__ = "rectification_photos"
    __table_args__ = (Index("ix_rectification_photos_note", "note_id", "position"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    note_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("rectification_notes.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255))
    original_sha256: Mapped[str] = mapped_column(String(64))
    original_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)


class RectificationPhotoBlobRow(Base):
    __tablename__ = "rectification_photo_blobs"
    photo_id: Mapped[uuid.UUID] = mapped_column(
        UUIDText, ForeignKey("rectification_photos.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ExtensionRequestRow(RecordMixin, Base):
    __tablename__ = "extension_requests"
    __table_args__ = (Index("ix_extension_requests_hazard", "hazard_id", "requested_at"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    requested_by: Mapped[str] = mapped_column(Text)  # JSON PersonRef
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    current_deadline: Mapped[date] = mapped_column(Date)
    requested_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    decided_by: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON PersonRef
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decision_reason: Mapped[str] = mapped_column(Text)


class AcceptanceRow(RecordMixin, Base):
    __tablename__ = "acceptances"
    __table_args__ = (Index("ix_acceptances_hazard", "hazard_id", "decided_at"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    result: Mapped[str] = mapped_column(String(20))
    decided_by: Mapped[str] = mapped_column(Text)  # JSON PersonRef
    decided_on: Mapped[date] = mapped_column(Date)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)
    remarks: Mapped[str] = mapped_column(Text)
    acceptance_group: Mapped[str] = mapped_column(Text)  # JSON list of PersonRef
    evaluation: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON Evaluation


class HazardTransitionRow(RecordMixin, Base):
    """Every step of a hazard's life (the timeline)."""

    __tablename__ = "hazard_transitions"
    __table_args__ = (Index("ix_hazard_transitions_hazard", "hazard_id", "at"),)
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("people.id"))
    actor: Mapped[str] = mapped_column(Text)  # JSON PersonRef (name and department as at the time)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)  # JSON object


class FormPrintRow(RecordMixin, Base):
    """Every printed or saved rectification form (通知书/验收单/治理方案/重大隐患报告); used by r12b's forms."""

    __tablename__ = "form_prints"
    __table_args__ = (
        Index("ix_form_prints_code", "verify_code"),
        Index("ix_form_prints_subject", "hazard_id", "kind", "digest"),
    )
    kind: Mapped[str] = mapped_column(String(20))  # notice | acceptance | plan | report
    hazard_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("hazards.id"))
    subject_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, nullable=True)  # the record certified, no FK
    verify_code: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(64))
    copy_no: Mapped[int] = mapped_column(Integer)
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    printed_by: Mapped[str] = mapped_column(String(40))


class ReportPrintRow(RecordMixin, Base):
    """A saved statistics report's 核验码 (revision 0014): verification recognises the code."""

    __tablename__ = "report_prints"
    __table_args__ = (Index("ix_report_prints_code", "verify_code"),)
    period_key: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(120))
    file_format: Mapped[str] = mapped_column(String(8))
    verify_code: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    printed_by: Mapped[str] = mapped_column(String(40))

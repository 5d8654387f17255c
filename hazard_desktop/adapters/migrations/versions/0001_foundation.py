"""Foundation: reference data, hazard register, photos, full-text index.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UUID = sa.String(36)


def _record() -> list[sa.Column]:
    return [
        sa.Column("id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "departments",
        *_record(),
        sa.Column("code", sa.String(20), nullable=False, unique=True),
        sa.Column("name", sa.String(40), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "people",
        *_record(),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("employee_no", sa.String(20), nullable=False),
        sa.Column("department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "categories",
        *_record(),
        sa.Column("code", sa.String(10), nullable=False, unique=True),
        sa.Column("name_zh", sa.String(40), nullable=False),
        sa.Column("name_en", sa.String(80), nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
    )
    op.create_table(
        "subcategories",
        *_record(),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("category_code", sa.String(10), sa.ForeignKey("categories.code"), nullable=False),
        sa.Column("name_zh", sa.String(40), nullable=False),
        sa.Column("name_en", sa.String(80), nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
    )
    op.create_table(
        "lec_scale_values",
        *_record(),
        sa.Column("factor", sa.String(1), nullable=False),
        sa.Column("value", sa.String(40), nullable=False),
        sa.Column("meaning_zh", sa.String(80), nullable=False),
        sa.Column("meaning_en", sa.String(120), nullable=False),
        sa.UniqueConstraint("factor", "value"),
    )
    op.create_table(
        "threshold_sets",
        *_record(),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("effective_from", sa.Date, nullable=False),
        sa.Column("edge_rule", sa.String(20), nullable=False),
    )
    op.create_table(
        "threshold_bands",
        *_record(),
        sa.Column("set_id", UUID, sa.ForeignKey("threshold_sets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("name_zh", sa.String(40), nullable=False),
        sa.Column("name_en", sa.String(60), nullable=False),
        sa.Column("action_zh", sa.String(60), nullable=False),
        sa.Column("action_en", sa.String(80), nullable=False),
        sa.Column("colour", sa.String(9), nullable=False),
        sa.Column("lower", sa.String(40), nullable=True),
        sa.Column("upper", sa.String(40), nullable=True),
        sa.UniqueConstraint("set_id", "code"),
    )
    op.create_table(
        "major_criteria",
        *_record(),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
        sa.Column("category_code", sa.String(10), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("supersedes_id", UUID, sa.ForeignKey("major_criteria.id"), nullable=True),
        sa.Column("retired_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "settings",
        *_record(),
        sa.Column("key", sa.String(60), nullable=False, unique=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "number_sequences",
        *_record(),
        sa.Column("year", sa.Integer, nullable=False, unique=True),
        sa.Column("last_value", sa.Integer, nullable=False),
    )
    op.create_table(
        "hazards",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", UUID, nullable=False, unique=True),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("equipment_tag", sa.String(60), nullable=False),
        sa.Column("department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("category_code", sa.String(10), sa.ForeignKey("categories.code"), nullable=False),
        sa.Column("subcategory_code", sa.String(12), sa.ForeignKey("subcategories.code"), nullable=True),
        sa.Column("found_by_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("found_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("grade", sa.String(20), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    for name, column in [
        ("found_at", "found_at"),
        ("status", "status"),
        ("grade", "grade"),
        ("category", "category_code"),
        ("department", "department_id"),
        ("updated_at", "updated_at"),
    ]:
        op.create_index(f"ix_hazards_{name}", "hazards", [column])
    op.create_table(
        "hazard_photos",
        *_record(),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("original_size", sa.Integer, nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
    )
    op.create_index("ix_hazard_photos_hazard", "hazard_photos", ["hazard_id", "position"])
    op.create_table(
        "photo_blobs",
        sa.Column("photo_id", UUID, sa.ForeignKey("hazard_photos.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    # 2-character tokens of the searchable text; rowid = hazards.pk (kept in step by the repository).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE hazard_fts USING fts5(tokens, tokenize='unicode61')")


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

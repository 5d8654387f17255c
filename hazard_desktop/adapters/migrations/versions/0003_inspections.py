"""Inspection checklists: template families and versions with sections and items, inspections with their
inspectors, answers (linked to the hazards they raised) and answer photos.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
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
        "checklist_templates",
        *_record(),
        sa.Column("retired_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "checklist_template_versions",
        *_record(),
        sa.Column("template_id", UUID, sa.ForeignKey("checklist_templates.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("supersedes_id", UUID, sa.ForeignKey("checklist_template_versions.id"), nullable=True),
        sa.Column("origin", sa.String(10), nullable=False),  # local | seed | import
        sa.Column("published_at", sa.DateTime, nullable=True),  # set: immutable
        sa.Column("digest", sa.String(64), nullable=False),  # SHA-256 of the content (import compares it)
        sa.UniqueConstraint("template_id", "version"),
    )
    op.create_table(
        "checklist_sections",
        *_record(),
        sa.Column(
            "version_id", UUID, sa.ForeignKey("checklist_template_versions.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(60), nullable=False),
    )
    op.create_index("ix_checklist_sections_version", "checklist_sections", ["version_id", "position"])
    op.create_table(
        "checklist_items",
        *_record(),
        sa.Column("section_id", UUID, sa.ForeignKey("checklist_sections.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "version_id", UUID, sa.ForeignKey("checklist_template_versions.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("guidance", sa.Text, nullable=False),
        sa.Column("category_code", sa.String(10), sa.ForeignKey("categories.code"), nullable=False),
        sa.Column("subcategory_code", sa.String(12), sa.ForeignKey("subcategories.code"), nullable=True),
        sa.Column("criterion_code", sa.String(20), nullable=True),  # major_criteria.code (any version)
    )
    op.create_index("ix_checklist_items_section", "checklist_items", ["section_id", "position"])
    op.create_table(
        "inspections",
        *_record(),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("template_version_id", UUID, sa.ForeignKey("checklist_template_versions.id"), nullable=False),
        sa.Column("area", sa.String(200), nullable=False),
        sa.Column("department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("inspected_on", sa.Date, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),  # draft | finalized
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("finalized_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_inspections_state", "inspections", ["state"])
    op.create_index("ix_inspections_inspected_on", "inspections", ["inspected_on"])
    op.create_index("ix_inspections_version", "inspections", ["template_version_id"])
    op.create_table(
        "inspection_inspectors",
        *_record(),
        sa.Column("inspection_id", UUID, sa.ForeignKey("inspections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.UniqueConstraint("inspection_id", "person_id"),
    )
    op.create_table(
        "inspection_answers",
        *_record(),
        sa.Column("inspection_id", UUID, sa.ForeignKey("inspections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_id", UUID, sa.ForeignKey("checklist_items.id"), nullable=False),
        sa.Column("result", sa.String(10), nullable=True),  # pass | fail | na; NULL: note or photo only
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=True),
        sa.Column("proposes_major", sa.Boolean, nullable=False),
        sa.Column("criterion_code", sa.String(20), nullable=True),
        sa.Column("answered_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("inspection_id", "item_id"),
    )
    op.create_index("ix_inspection_answers_hazard", "inspection_answers", ["hazard_id"])
    op.create_table(
        "inspection_photos",
        *_record(),
        sa.Column("answer_id", UUID, sa.ForeignKey("inspection_answers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("original_size", sa.Integer, nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
    )
    op.create_index("ix_inspection_photos_answer", "inspection_photos", ["answer_id", "position"])
    op.create_table(
        "inspection_photo_blobs",
        *_record(),
        sa.Column("photo_id", UUID, sa.ForeignKey("inspection_photos.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),  # display | thumb
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("photo_id", "kind"),
    )


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

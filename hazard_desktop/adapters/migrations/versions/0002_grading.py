"""Grading: meetings, gradings with member scores and matched criteria, disputes, printed sheets;
the register's current grade columns on hazards.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UUID = sa.String(36)
DEC = sa.String(40)


def _record() -> list[sa.Column]:
    return [
        sa.Column("id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "grading_meetings",
        *_record(),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("leader_id", UUID, sa.ForeignKey("people.id"), nullable=True),
        sa.Column("leader_name", sa.String(40), nullable=False),
    )
    op.create_table(
        "gradings",
        *_record(),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("grade", sa.String(20), nullable=False),
        sa.Column("threshold_set_id", UUID, sa.ForeignKey("threshold_sets.id"), nullable=True),
        sa.Column("threshold_set_name", sa.String(60), nullable=False),
        sa.Column("edge_rule", sa.String(20), nullable=True),
        sa.Column("mean_d", DEC, nullable=True),
        sa.Column("band_code", sa.String(20), nullable=True),
        sa.Column("band_name_zh", sa.String(40), nullable=True),
        sa.Column("band_name_en", sa.String(60), nullable=True),
        sa.Column("decision_reason", sa.Text, nullable=False),
        sa.Column("leader_id", UUID, sa.ForeignKey("people.id"), nullable=True),
        sa.Column("leader_name", sa.String(40), nullable=False),
        sa.Column("graded_on", sa.Date, nullable=False),
        sa.Column("confirmed_at", sa.DateTime, nullable=True),
        sa.Column("supersedes_id", UUID, sa.ForeignKey("gradings.id"), nullable=True),
        sa.Column("correction_reason", sa.Text, nullable=False),
        sa.Column("dispute_id", UUID, nullable=True),  # FK added below (disputes refer back to gradings)
        sa.Column("meeting_id", UUID, sa.ForeignKey("grading_meetings.id"), nullable=True),
    )
    op.create_index("ix_gradings_hazard", "gradings", ["hazard_id", "created_at"])
    op.create_index("ix_gradings_meeting", "gradings", ["meeting_id"])
    op.create_table(
        "grading_scores",
        *_record(),
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("person_name", sa.String(40), nullable=False),
        sa.Column("department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("department_name", sa.String(40), nullable=False),
        sa.Column("department_kind", sa.String(20), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("likelihood", DEC, nullable=False),
        sa.Column("exposure", DEC, nullable=False),
        sa.Column("consequence", DEC, nullable=False),
        sa.UniqueConstraint("grading_id", "person_id"),
    )
    op.create_table(
        "grading_criteria",
        *_record(),
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("criterion_id", UUID, sa.ForeignKey("major_criteria.id"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_table(
        "disputes",
        *_record(),
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id"), nullable=False),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False),
        sa.Column("raised_by_department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("raised_by_department_name", sa.String(40), nullable=False),
        sa.Column("raised_by_person_name", sa.String(40), nullable=False),
        sa.Column("raised_at", sa.DateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("ruling_grading_id", UUID, sa.ForeignKey("gradings.id"), nullable=True),
        sa.Column("ruling_text", sa.Text, nullable=False),
        sa.Column("ruled_at", sa.DateTime, nullable=True),
        sa.Column("withdrawn_at", sa.DateTime, nullable=True),
        sa.Column("withdrawn_reason", sa.Text, nullable=False),
    )
    op.create_index("ix_disputes_hazard", "disputes", ["hazard_id"])
    with op.batch_alter_table("gradings") as batch:
        batch.create_foreign_key("fk_gradings_dispute", "disputes", ["dispute_id"], ["id"])
    op.create_table(
        "sheet_prints",
        *_record(),
        sa.Column("kind", sa.String(20), nullable=False),  # grading | dispute
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id"), nullable=False),
        sa.Column("dispute_id", UUID, sa.ForeignKey("disputes.id"), nullable=True),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False),
        sa.Column("verify_code", sa.String(20), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("copy_no", sa.Integer, nullable=False),
        sa.Column("printed_at", sa.DateTime, nullable=False),
        sa.Column("printed_by", sa.String(40), nullable=False),
    )
    op.create_index("ix_sheet_prints_code", "sheet_prints", ["verify_code"])
    op.create_index("ix_sheet_prints_grading", "sheet_prints", ["grading_id"])
    # The register shows and filters the current grade without joining the history.
    with op.batch_alter_table("hazards") as batch:
        batch.add_column(sa.Column("current_grading_id", UUID, nullable=True))
        batch.add_column(sa.Column("grading_method", sa.String(20), nullable=True))
        batch.add_column(sa.Column("band_code", sa.String(20), nullable=True))
        batch.add_column(sa.Column("mean_d", DEC, nullable=True))
        batch.add_column(sa.Column("mean_d_sort", sa.Float, nullable=True))  # sort key only, never shown
        batch.add_column(sa.Column("dispute_state", sa.String(20), nullable=True))
    op.create_index("ix_hazards_band", "hazards", ["band_code"])
    op.create_index("ix_hazards_mean_d_sort", "hazards", ["mean_d_sort"])
    op.create_index("ix_hazards_dispute_state", "hazards", ["dispute_state"])


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

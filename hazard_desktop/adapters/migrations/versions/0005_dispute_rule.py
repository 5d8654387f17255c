"""The rule's dispute path (§5–§7) and reference data that says only what the rule says.

- ``grading_votes``: a dispute panel's recorded votes, member by member, on each criterion in question;
- ``dispute_claims``: the criteria a raising department says apply;
- ``disputes.withdrawn_by_*``: who withdrew a dispute;
- seeded reference data corrected where the plant has not edited it (see :func:`_reference`).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
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
        "grading_votes",
        *_record(),
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("verdict_position", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("criterion_id", UUID, sa.ForeignKey("major_criteria.id"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("person_name", sa.String(40), nullable=False),
        sa.Column("department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("department_name", sa.String(40), nullable=False),
        sa.Column("department_kind", sa.String(20), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("upholds", sa.Boolean, nullable=False),
    )
    op.create_index("ix_grading_votes_grading", "grading_votes", ["grading_id"])
    op.create_table(
        "dispute_claims",
        *_record(),
        sa.Column("dispute_id", UUID, sa.ForeignKey("disputes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("criterion_id", UUID, sa.ForeignKey("major_criteria.id"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
    )
    op.create_index("ix_dispute_claims_dispute", "dispute_claims", ["dispute_id"])
    with op.batch_alter_table("disputes") as batch:
        batch.add_column(sa.Column("withdrawn_by_person_name", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("withdrawn_by_department_id", UUID, nullable=True))
        batch.add_column(sa.Column("withdrawn_by_department_name", sa.String(40), nullable=False, server_default=""))
    _reference()


def _reference() -> None:
    """Seeded reference data corrected where the plant has not edited it (filled in below)."""


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

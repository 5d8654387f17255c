"""The panel that decided a grading without member scores.

- ``grading_panel_members``: who sat on the panel (person, department and its kind, role 组长/副组长/成员, names
  copied) of a grading made by the major-hazard criteria (§5.1) or by the panel's decision under §4.3 without
  LEC scores. Until now only the leader was stored and the printed 隐患分级判定表 showed blank rows where the
  panel belongs. Written once with the grading, never changed (like ``grading_scores``); travels with its
  grading in the exchange.

Gradings stored before this revision have no rows: nobody can say now who sat on those panels, and their
sheets say "not recorded" instead of blank rows. A new table only: no row is rewritten, so every record's
audit digest, exchange revision and sheet verify code stays as it was.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "grading_panel_members",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("person_name", sa.String(40), nullable=False),
        sa.Column("department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("department_name", sa.String(40), nullable=False),
        sa.Column("department_kind", sa.String(20), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.UniqueConstraint("grading_id", "person_id"),
    )
    op.create_index("ix_grading_panel_members_grading", "grading_panel_members", ["grading_id"])


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

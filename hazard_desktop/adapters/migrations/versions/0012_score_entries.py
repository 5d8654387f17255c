"""Blind scoring under accounts (issue 14): who entered each score and vote, who confirmed each grading.

- ``grading_scores`` / ``grading_votes``: ``entered_account_id``, ``entered_name``, ``entered_at``,
  ``entered_via`` (account / pin / single_user); NULL for everything entered before this revision, so the
  records of sheets printed before keep their layout and their verify code;
- ``gradings``: ``confirmed_account_id``, ``confirmed_name``, ``confirmed_via`` (the time is ``confirmed_at``);
- ``scoring_rounds`` and ``score_entries``: a panel's entries for one hazard while they are still hidden
  (until every seated member has entered).

Plain ``ADD COLUMN`` of nullable columns: no table is rebuilt, existing rows are untouched.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
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


def _entered() -> list[sa.Column]:
    return [
        sa.Column("entered_account_id", UUID, nullable=True),
        sa.Column("entered_name", sa.String(40), nullable=True),
        sa.Column("entered_at", sa.DateTime, nullable=True),
        sa.Column("entered_via", sa.String(12), nullable=True),
    ]


def upgrade() -> None:
    for table in ("grading_scores", "grading_votes"):
        for column in _entered():
            op.add_column(table, column)
    op.add_column("gradings", sa.Column("confirmed_account_id", UUID, nullable=True))
    op.add_column("gradings", sa.Column("confirmed_name", sa.String(40), nullable=True))
    op.add_column("gradings", sa.Column("confirmed_via", sa.String(12), nullable=True))
    op.create_table(
        "scoring_rounds",
        *_record(),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False),
        sa.Column("purpose", sa.String(10), nullable=False),
        sa.Column("criteria", sa.Text, nullable=False),
        sa.Column("opened_account_id", UUID, nullable=True),
        sa.Column("opened_name", sa.String(40), nullable=False),
        sa.Column("opened_via", sa.String(12), nullable=False),
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id"), nullable=True),
        sa.Column("closed_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_scoring_rounds_hazard", "scoring_rounds", ["hazard_id"])
    op.create_table(
        "score_entries",
        *_record(),
        sa.Column("round_id", UUID, sa.ForeignKey("scoring_rounds.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("likelihood", DEC, nullable=True),
        sa.Column("exposure", DEC, nullable=True),
        sa.Column("consequence", DEC, nullable=True),
        sa.Column("votes", sa.Text, nullable=True),
        *_entered(),
        sa.UniqueConstraint("round_id", "person_id"),
    )


def downgrade() -> None:
    op.drop_table("score_entries")
    op.drop_index("ix_scoring_rounds_hazard", table_name="scoring_rounds")
    op.drop_table("scoring_rounds")
    with op.batch_alter_table("gradings") as batch:
        for name in ("confirmed_via", "confirmed_name", "confirmed_account_id"):
            batch.drop_column(name)
    for table in ("grading_votes", "grading_scores"):
        with op.batch_alter_table(table) as batch:
            for name in ("entered_via", "entered_at", "entered_name", "entered_account_id"):
                batch.drop_column(name)

"""A general (LEC) grading records the §5.1 major-hazard check it rests on.

Rule §5 of 隐患分级管理办法: a hazard is 重大 first by the major-hazard criteria (§5.1); only what no criterion
matches is graded by LEC (§5.2). Six nullable columns on ``gradings`` say that the check was made and found no
criterion: ``check_basis`` (the grading panel went through the list, or a dispute panel voted on the criteria in
question and upheld none), the version of the criteria list gone through (``check_criteria_digest``: SHA-256 of
the ids of the criteria in force; ``check_criteria_items``; ``check_criteria_newest``: its newest item's
creation), ``checked_at`` and ``checked_by`` (name copied).

Gradings stored before this revision keep NULL: nobody can say now whether their check was made, and their
sheets say "not recorded". Columns added at the end of the table and left NULL: no row is rewritten, so every
record's audit digest (trailing NULLs left out), exchange revision (the columns are sparse) and sheet verify
code stays as it was.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (nullable, no default): SQLite appends them without copying the table
    op.add_column("gradings", sa.Column("check_basis", sa.String(10), nullable=True))
    op.add_column("gradings", sa.Column("check_criteria_digest", sa.String(64), nullable=True))
    op.add_column("gradings", sa.Column("check_criteria_items", sa.Integer, nullable=True))
    op.add_column("gradings", sa.Column("check_criteria_newest", sa.DateTime, nullable=True))
    op.add_column("gradings", sa.Column("checked_at", sa.DateTime, nullable=True))
    op.add_column("gradings", sa.Column("checked_by", sa.String(40), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

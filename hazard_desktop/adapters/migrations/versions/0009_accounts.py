"""Local accounts and their roles (issue 14).

- ``accounts``: one log-in per person of the settings: a unique name (``name_key``: the name casefolded,
  so 王工 and 王工 typed with another case or width cannot both exist), the roles (comma-separated
  ``domain.accounts.Role`` values), PIN or password and its Argon2id hash (never the secret), the
  failures in a row and the lock-out's end, and whether the owner must choose a new secret (after a reset).

The accounts mode (``single_user`` / ``accounts``) and the idle lock are settings (``domain.accounts``);
an upgraded register has none, so the program asks at its next start, as on a new one.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("name_key", sa.String(40), nullable=False, unique=True),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("secret_kind", sa.String(10), nullable=False),
        sa.Column("secret_hash", sa.String(200), nullable=False),
        sa.Column("failed_attempts", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime, nullable=True),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("must_change", sa.Boolean, nullable=False),
    )
    op.create_index("ix_accounts_person", "accounts", ["person_id"])


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

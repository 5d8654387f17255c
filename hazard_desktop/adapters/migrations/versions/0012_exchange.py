"""The offline exchange between installations of a plant (issue 15).

- ``installation``: this installation's identity (one row): its UUID, short code, role (office/field),
  the plant's UUID and name, and its number slot (``domain.exchange``: the range its numbers come from);
- ``exchange_peers``: the other installations it exchanges with (at the office: the laptops registered,
  with the number slot reserved for each), when a file was last sent to / received from each;
- ``exchange_known``: per peer and record, the hash of the version both sides are known to hold (received
  from the peer, or sent and acknowledged by its next file), so an export carries exactly what the peer
  lacks and an import tells a change from a conflict; ``ack`` marks a version received and not yet
  acknowledged to the peer (the next file to it carries the acknowledgement);
- ``exchange_conflicts``: the incoming version of a record changed on both sides, kept until resolved;
- ``hazards.exchange_conflict``: 1 while a conflict of the hazard is open (the register's mark and filter).

Revision ID: 0012
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0008"
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
    # a plain ALTER TABLE ADD COLUMN: the table is not rebuilt (its expression index of 0006 stays)
    op.add_column("hazards", sa.Column("exchange_conflict", sa.Integer, nullable=False, server_default="0"))
    op.create_index("ix_hazards_exchange_conflict", "hazards", ["exchange_conflict"])
    op.create_table(
        "installation",
        *_record(),
        sa.Column("short_code", sa.String(8), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("plant_id", UUID, nullable=False),
        sa.Column("plant_name", sa.String(100), nullable=False),
        sa.Column("number_slot", sa.Integer, nullable=True),
    )
    op.create_table(
        "exchange_peers",
        *_record(),
        sa.Column("short_code", sa.String(8), nullable=False, unique=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("installation_id", UUID, nullable=True),
        sa.Column("number_slot", sa.Integer, nullable=True, unique=True),
        sa.Column("last_sent_at", sa.DateTime, nullable=True),
        sa.Column("last_received_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "exchange_known",
        sa.Column("peer", sa.String(8), primary_key=True),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("record_id", UUID, primary_key=True),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("ack", sa.Integer, nullable=False, server_default="0"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "exchange_conflicts",
        *_record(),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("record_id", UUID, nullable=False),
        sa.Column("hazard_id", UUID, nullable=True),
        sa.Column("sender", sa.String(8), nullable=False),
        sa.Column("incoming", sa.Text, nullable=False),
        sa.UniqueConstraint("kind", "record_id"),
    )


def downgrade() -> None:
    op.drop_table("exchange_conflicts")
    op.drop_table("exchange_known")
    op.drop_table("exchange_peers")
    op.drop_table("installation")
    op.drop_index("ix_hazards_exchange_conflict", "hazards")
    with op.batch_alter_table("hazards") as batch:
        batch.drop_column("exchange_conflict")

"""Imports of legacy Excel ledgers (issue 13).

- ``hazards.legacy_number``: the old ledger's number (原编号), indexed, searchable through the
  full-text tokens (``domain.search.hazard_tokens``); NULL for hazards entered in the program, whose
  tokens are therefore unchanged and the index needs no rebuild;
- ``ledger_imports``: one row per import of a file (name, digest, sheet, counts);
- ``ledger_import_rows``: each ledger row made into a hazard, keyed (unique) by its old number or a
  hash of its content, so importing the same file again writes nothing; with the old ledger's fields
  the register has no column for (JSON);
- ``imported_gradings``: the old ledger's L/E/C/D, marked with file and row: history, never a panel's
  grading (not in ``gradings``, so no sheet, no grade, no panel count sees them).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

UUID = sa.String(36)
DECIMAL = sa.String(40)


def _record() -> list[sa.Column]:
    return [
        sa.Column("id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]


def upgrade() -> None:
    # a plain ALTER TABLE ADD COLUMN: the table is not rebuilt (its expression index of 0006 stays)
    op.add_column("hazards", sa.Column("legacy_number", sa.String(60), nullable=True))
    op.create_index("ix_hazards_legacy_number", "hazards", ["legacy_number"])
    op.create_table(
        "ledger_imports",
        *_record(),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("sheet_name", sa.String(100), nullable=False),
        sa.Column("rows_imported", sa.Integer, nullable=False),
        sa.Column("rows_skipped", sa.Integer, nullable=False),
    )
    op.create_table(
        "ledger_import_rows",
        *_record(),
        sa.Column("batch_id", UUID, sa.ForeignKey("ledger_imports.id"), nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("row_key", sa.String(80), nullable=False, unique=True),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False),
        sa.Column("kept", sa.Text, nullable=False),
    )
    op.create_index("ix_ledger_import_rows_hazard", "ledger_import_rows", ["hazard_id"])
    op.create_table(
        "imported_gradings",
        *_record(),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False),
        sa.Column("batch_id", UUID, sa.ForeignKey("ledger_imports.id"), nullable=False),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("sheet_name", sa.String(100), nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("likelihood", DECIMAL, nullable=True),
        sa.Column("exposure", DECIMAL, nullable=True),
        sa.Column("consequence", DECIMAL, nullable=True),
        sa.Column("score", DECIMAL, nullable=False),
        sa.Column("band_code", sa.String(20), nullable=True),
        sa.Column("band_name_zh", sa.String(40), nullable=True),
        sa.Column("band_name_en", sa.String(60), nullable=True),
        sa.Column("threshold_set_name", sa.String(60), nullable=True),
        sa.Column("legacy_grade", sa.String(40), nullable=False),
    )
    op.create_index("ix_imported_gradings_hazard", "imported_gradings", ["hazard_id"])


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

"""Register numbers sorted by value: an index on the number's year and zero-padded sequence.

A year with more than 9,999 hazards gets five-digit numbers (YH-2026-10000), which sort below
YH-2026-9999 as text; the register then sorts on ``register_queries.NUMERIC_NUMBER_KEY``. Without an
index on that expression, the first page of a 100,000-hazard register sorted by number took ~190 ms
instead of ~1 ms. The expression here must stay identical to ``NUMERIC_NUMBER_KEY`` (a test checks the
query plan uses it).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NUMBER_VALUE = "substr(number, 1, 8) || printf('%07d', CAST(substr(number, 9) AS INTEGER))"


def upgrade() -> None:
    op.execute(f"CREATE INDEX ix_hazards_number_value ON hazards ({NUMBER_VALUE}, pk)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_hazards_number_value")

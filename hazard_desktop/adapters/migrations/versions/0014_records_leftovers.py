"""Records as the old ledger gave them, and a missing index.

- ``hazards.found_by_text``: an imported hazard's 发现人 exactly as the old ledger wrote it; ``""`` when the
  ledger names nobody (shown as "not recorded in the old ledger"); NULL for every hazard entered in the
  program, whose 发现人 is ``found_by_id``. For an imported hazard ``found_by_id`` is only who imported it
  (the column is NOT NULL, and rebuilding ``hazards`` to relax it would rewrite every row, its expression
  index of 0006 and the full-text index's keys);
- ``hazards.found_date_only``: 1 when the old ledger gave a day without a time (``found_at`` then holds that
  day's local noon only so that periods and sorting keep it on its day; it is shown and printed as a date);
  NULL otherwise;
- hazards imported before this revision (those in ``ledger_import_rows``) get both from what the import kept
  (``kept.found_by``), and the full-text index is written again; the program's connection audits the
  UPDATE like any other write (one entry per hazard, use case ``migration 0014``) — or, when the trail was
  begun by 0011 in this same upgrade (no triggers on the connection yet), ``audit.rebaseline`` records it;
- ``ix_grading_criteria_grading``: per-grading lookups of the matched criteria no longer scan the table;
- ``report_prints``: each saved statistics report's 核验码 (period, title, format, digest, when, by whom), so
  that "Verify sheet" recognises a printed report (a report certifies figures, not a hazard's record).

Both columns are NULL for every other row (plain ``ADD COLUMN``): no table is rebuilt and, NULLs being left
out of a row's canonical form, no other record's audit digest or exchange revision changes.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from hazard_desktop.adapters import audit, search_index
from hazard_desktop.domain.audit import Who

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("hazards", sa.Column("found_by_text", sa.String(60), nullable=True))
    op.add_column("hazards", sa.Column("found_date_only", sa.Integer, nullable=True))
    op.create_index("ix_grading_criteria_grading", "grading_criteria", ["grading_id"])
    op.create_table(
        "report_prints",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("period_key", sa.String(20), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("file_format", sa.String(8), nullable=False),
        sa.Column("verify_code", sa.String(20), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("printed_at", sa.DateTime, nullable=False),
        sa.Column("printed_by", sa.String(40), nullable=False),
    )
    op.create_index("ix_report_prints_code", "report_prints", ["verify_code"])
    bind = op.get_bind()
    rows = bind.exec_driver_sql("SELECT hazard_id, kept FROM ledger_import_rows").fetchall()
    if not rows:
        return
    updates = []
    for hazard_id, kept in rows:
        try:
            finder = json.loads(kept).get("found_by", "") if kept else ""
        except (ValueError, AttributeError):
            finder = ""
        updates.append({"text": str(finder)[:60], "id": hazard_id})
    # the program's connection audits this UPDATE itself (its TEMP triggers, entries at COMMIT): named here
    bind.info["audit_who"] = Who(use_case="migration 0014")
    bind.execute(sa.text("UPDATE hazards SET found_by_text = :text, found_date_only = 1 WHERE id = :id"), updates)
    if bind.dialect.name == "sqlite":
        dbapi = bind.connection.dbapi_connection
        search_index.rebuild(dbapi)  # the finder's text is searchable
        if not _audited(dbapi):  # the trail began in this same upgrade (0011): its triggers are not on this connection
            audit.rebaseline(dbapi, "migration 0014")


def _audited(dbapi: object) -> bool:
    """True if this connection's writes are audited (the TEMP triggers of ``adapters/audit.py`` are installed)."""
    cursor = dbapi.cursor()  # type: ignore[attr-defined]
    try:
        return cursor.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'audit_notes'").fetchone() is not None
    finally:
        cursor.close()


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

"""The audit trail, format 2 (issue 16): one chained entry per transaction, its records in ``audit_records``.

Format 1 (revision 0011) wrote one chained entry per changed record, hashed in Python at COMMIT, which made a
bulk write of 100,000 hazards cost about twice the write itself. From this revision the triggers write each
change's record (table, key, digests before and after, the state's text built in SQL) straight into
``audit_records``, and COMMIT chains one entry (``format`` 2) over the transaction's records
(``adapters/audit.py``). The format-1 entries stay as they are and are verified in their own format; the record
digests are the same in both formats, so a record whose last entry is a format-1 one is checked as before.

The exchange's bookkeeping ``exchange_known`` (WITHOUT ROWID), which format 1 could not audit, is audited from
now on: its rows as they stand are recorded here (use case ``migration 0013``), as 0011 did for the others.

Plain ``CREATE TABLE`` and ``ADD COLUMN``: no table is rebuilt, no record's digest changes.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

from hazard_desktop.adapters import audit

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    bind.exec_driver_sql(audit.CREATE_RECORDS)
    for statement in audit.ADD_ENTRY_COLUMNS:
        bind.exec_driver_sql(statement)
    if bind.dialect.name == "sqlite":
        audit.baseline_unrecorded(bind.connection.dbapi_connection, "migration 0013")


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

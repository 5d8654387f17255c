"""The audit trail (issue 14): table ``audit_entries``, a SHA-256 hash chain (``adapters/audit.py`` gives the
canonical serialisation and how writes are caught).

The register as it stands when upgraded is the chain's genesis: one entry per existing record (use case
``genesis``, actor ``system``) holding the digest of its stored row, so the first verification already
finds a record changed behind the program's back after the upgrade.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

from hazard_desktop.adapters import audit

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    bind.exec_driver_sql(audit.CREATE_TABLE)
    # no secondary index: verification reads the table in seq order, the window's filters scan it (a record is
    # matched by a part of its key, which no index serves), and each index cost ~10 % of a bulk write
    if bind.dialect.name == "sqlite":
        audit.genesis(bind.connection.dbapi_connection)


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

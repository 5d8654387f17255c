"""Search index: the full-text index keeps no copy of its tokens (contentless FTS5), and the tokenizer
it was written with is noted beside it (``adapters/search_index.py`` says why).

The index is written again from the hazards rows, with the tokens the repository computes.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hazard_desktop.domain.search import TOKENIZER, hazard_tokens

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    op.create_table(
        "search_index",
        sa.Column("name", sa.String(40), primary_key=True),  # the index: hazard_fts
        sa.Column("tokenizer", sa.String(80), nullable=False),  # domain.search.TOKENIZER when it was written
    )
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute("DROP TABLE hazard_fts")
    op.execute("CREATE VIRTUAL TABLE hazard_fts USING fts5(tokens, tokenize='ascii', content='', columnsize=0)")
    result = bind.exec_driver_sql("SELECT pk, number, description, location, equipment_tag FROM hazards ORDER BY pk")
    while rows := result.fetchmany(BATCH):
        bind.exec_driver_sql(
            "INSERT INTO hazard_fts(rowid, tokens) VALUES (?, ?)",
            [
                (pk, hazard_tokens(number, description, location, tag))
                for pk, number, description, location, tag in rows
            ],
        )
    bind.exec_driver_sql("INSERT INTO search_index(name, tokenizer) VALUES ('hazard_fts', ?)", (TOKENIZER,))


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")

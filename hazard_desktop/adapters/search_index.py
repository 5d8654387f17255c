"""The register's full-text index ``hazard_fts``: one row per hazard (rowid = ``hazards.pk``) holding
:func:`~hazard_desktop.domain.search.hazard_tokens` of its number, description, location and tag.

Since revision 0004 the index is a *contentless* FTS5 table (``content=''``, ``columnsize=0``): it keeps
no copy of the token text, so a bulk write of 100,000 hazards writes about a third less. Its FTS5
tokenizer is ``ascii``: the tokens are made in Python, FTS5 only has to split them at the spaces, and
``ascii`` does just that (it takes every non-ASCII character as part of a token; ASCII letters are
already lower case), faster than ``unicode61`` and without a second folding (``unicode61`` also strips
accents, which the substring search of one-character words does not). The price of contentless: a
row cannot be deleted by rowid; it is removed by naming the tokens it was written with (the 'delete'
command), and FTS5 cannot check them: wrong tokens leave the old ones matching. So the tokens given
are always computed by ``hazard_tokens`` from the stored row, which holds exactly what was indexed,
because every write of those four columns rewrites the index row in the same transaction
(``repositories/hazards.py``, ``bulk.py``).

That holds while a text's tokens stay the same. A build with other tokens (a changed rule, or a
Python with another Unicode version: ``str.lower`` and ``\\w`` follow it) would remove tokens that were
never written; so the tokenizer (``domain.search.TOKENIZER``) is stored beside the index, in table
``search_index``, and a database whose index was written under another one gets it rebuilt when it is
opened (:func:`ensure_current`; the lazy start checks :func:`is_current` and takes the full open).
"""

from __future__ import annotations

import logging
from typing import Any

from hazard_desktop.domain.search import TOKENIZER, HazardTokens

log = logging.getLogger(__name__)

NAME = "hazard_fts"
INSERT = "INSERT INTO hazard_fts(rowid, tokens) VALUES (?, ?)"
_READ = "SELECT tokenizer FROM search_index WHERE name = ?"
_BATCH = 5000


def stored_tokenizer(connection: Any) -> str | None:
    """The tokenizer the index was written with; "" if none is noted; None before revision 0004 (no table)."""
    cursor = connection.cursor()
    try:
        if cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index'").fetchone():
            row = cursor.execute(_READ, (NAME,)).fetchone()
            return "" if row is None else str(row[0])
        return None
    finally:
        cursor.close()


def is_current(connection: Any) -> bool:
    """True if the index of the database on the DBAPI ``connection`` was written with this build's tokens."""
    return stored_tokenizer(connection) == TOKENIZER


def rebuild(connection: Any) -> int:
    """Write the index again from the hazards rows, inside the caller's transaction; return the rows.

    ``connection``: a DBAPI connection (plain ``sqlite3`` or SQLAlchemy's raw connection).
    """
    tokens = HazardTokens()
    cursor = connection.cursor()
    reader = connection.cursor()
    try:
        cursor.execute("INSERT INTO hazard_fts(hazard_fts) VALUES ('delete-all')")
        reader.execute(
            "SELECT pk, number, description, location, equipment_tag, legacy_number, found_by_text"
            " FROM hazards ORDER BY pk"
        )
        count = 0
        while rows := reader.fetchmany(_BATCH):
            cursor.executemany(
                INSERT,
                [
                    (pk, tokens(n, d, loc, tag, legacy or "", finder or ""))
                    for pk, n, d, loc, tag, legacy, finder in rows
                ],
            )
            count += len(rows)
        cursor.execute(
            "INSERT INTO search_index(name, tokenizer) VALUES (?, ?)"
            " ON CONFLICT(name) DO UPDATE SET tokenizer = excluded.tokenizer",
            (NAME, TOKENIZER),
        )
        return count
    finally:
        reader.close()
        cursor.close()


def ensure_current(connection: Any) -> bool:
    """Rebuild the index if it was written with other tokens (one transaction); True if it was rebuilt.

    ``connection``: a DBAPI connection in autocommit mode (the program's connections are). Databases
    before revision 0004 (no ``search_index`` table) are left alone.
    """
    stored = stored_tokenizer(connection)
    if stored is None or stored == TOKENIZER:
        return False
    cursor = connection.cursor()
    try:
        cursor.execute("BEGIN IMMEDIATE")
        try:
            count = rebuild(connection)
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        cursor.execute("COMMIT")
    finally:
        cursor.close()
    log.info("full-text index rebuilt for %d hazards (written with %r, this build: %r)", count, stored, TOKENIZER)
    return True

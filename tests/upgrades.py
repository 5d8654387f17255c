"""Upgrading a committed fixture register (``tests/fixtures/db_revNNNN.db``) as the program opens it, for the
``tests/integration/test_upgrade_NNNN.py`` modules of the grading revisions."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from hazard_desktop.app import build_context, close_context
from hazard_desktop.services.context import AppContext

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GRADING_TABLES = ("hazards", "gradings", "grading_scores", "grading_criteria", "grading_votes", "sheet_prints")


def counts(path: Path) -> dict[str, int]:
    """Rows of the register's hazards, gradings and what hangs on them (an upgrade must keep every one)."""
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in GRADING_TABLES}  # noqa: S608
    finally:
        con.close()


def upgraded(fixture: Path, tmp_path: Path) -> Iterator[tuple[Path, AppContext, dict[str, int]]]:
    """A copy of ``fixture`` opened (and so upgraded) by the program: its folder, context and the counts before."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(fixture, folder / "hazard_desktop.db")
    before = counts(folder / "hazard_desktop.db")
    context = build_context(folder)
    yield folder, context, before
    close_context(context)

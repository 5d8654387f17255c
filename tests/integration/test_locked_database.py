"""Another program holding the write lock: writers wait their turn, and past it the user is told in words.

The busy timeout is lowered here from five seconds to a tenth so that the tests do not wait.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters import start_reads
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.app import build_context, close_context
from hazard_desktop.cli import main
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import build_demo
from hazard_desktop.services.hazards import create_hazard
from tests.factories import hazard_input
from tests.integration.test_sheet_service import REFERENCE


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    pragmas = tuple(p for p in start_reads.PRAGMAS if "busy_timeout" not in p) + ("PRAGMA busy_timeout=100",)
    monkeypatch.setattr(start_reads, "PRAGMAS", pragmas)


@pytest.fixture
def other_writer(context: AppContext) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write transaction."""
    con = sqlite3.connect(paths.database_path(context.data_dir), isolation_level=None)
    yield con
    if con.in_transaction:
        con.execute("ROLLBACK")
    con.close()


def test_a_save_while_another_program_writes_is_reported_as_locked(context, inspector, short_wait, other_writer):
    data = hazard_input(context, inspector)
    close_context(context)  # connections made from now on wait only a tenth of a second
    fresh = build_context(context.data_dir)
    try:
        other_writer.execute("BEGIN IMMEDIATE")

        with pytest.raises(StorageError) as caught:
            create_hazard(fresh.uow(), data)  # claims its number with an UPDATE inside the transaction

        assert caught.value.code == "db_locked"
        other_writer.execute("ROLLBACK")
        assert create_hazard(fresh.uow(), data).number == "YH-2026-0001"  # nothing was half-done
    finally:
        close_context(fresh)


def test_a_transaction_that_read_before_another_program_wrote_still_gets_its_turn(context, inspector):
    data = hazard_input(context, inspector)
    with context.uow() as uow:
        uow.hazards.count()  # this transaction has begun and read …
        other = sqlite3.connect(paths.database_path(context.data_dir), timeout=0)
        try:  # … so the other program cannot write until it is done, instead of making it fail later
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute(
                    "INSERT INTO settings(id, key, value, created_at, updated_at) VALUES ('x','k','v','t','t')"
                )
        finally:
            other.close()
    assert create_hazard(context.uow(), data).number == "YH-2026-0001"


def test_the_sheet_command_says_the_database_is_busy(tmp_path: Path, short_wait, capsys, monkeypatch):
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "en")  # the sheet itself is Chinese only: --lang en is refused
    data_dir = tmp_path / "data"
    context = build_context(data_dir)
    try:
        build_demo(context.uow, context.bulk_writer(), context.images, None, count=40, reference=REFERENCE)
    finally:
        close_context(context)
    con = sqlite3.connect(paths.database_path(data_dir), isolation_level=None)
    number = con.execute("SELECT number FROM hazards WHERE grade != 'ungraded' LIMIT 1").fetchone()[0]
    prints = con.execute("SELECT count(*) FROM sheet_prints").fetchone()[0]
    con.execute("BEGIN IMMEDIATE")
    try:
        code = main(["sheet", number, "-o", str(tmp_path / "s.pdf"), "--data-dir", str(data_dir)])
    finally:
        con.execute("ROLLBACK")

    assert code == 2
    err = capsys.readouterr().err
    assert "in use by another program" in err and "Traceback" not in err
    assert not (tmp_path / "s.pdf").exists()
    assert con.execute("SELECT count(*) FROM sheet_prints").fetchone()[0] == prints
    con.close()

"""Demo data and bulk writes: numbers claimed inside the writing transaction, all of it or nothing,
and a full disk said in words."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import OperationalError

from hazard_desktop import paths
from hazard_desktop.adapters import demo_photos, schema
from hazard_desktop.adapters.bulk import CoreBulkWriter
from hazard_desktop.app import build_context, close_context
from hazard_desktop.cli import main
from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.services import demo
from hazard_desktop.services.demo import build_demo
from hazard_desktop.services.hazards import create_hazard
from tests.factories import add_person, hazard_input
from tests.integration.test_sheet_service import REFERENCE


class SaveMeanwhile:
    """A bulk writer before which another user saves a hazard (after the demo built its hazards)."""

    def __init__(self, inner: CoreBulkWriter, save: object) -> None:
        self.inner, self.save = inner, save

    def write_hazards(self, hazards: Sequence[Hazard]) -> int:
        self.save()  # type: ignore[operator]
        return self.inner.write_hazards(hazards)

    def write_new_hazards(self, hazards: Sequence[Hazard]) -> list[Hazard]:
        self.save()  # type: ignore[operator]
        return self.inner.write_new_hazards(hazards)


def test_a_hazard_saved_while_the_demo_is_built_keeps_its_number_and_the_demo_numbers_follow(tmp_path):
    context = build_context(tmp_path / "data")
    try:
        person = add_person(context)
        data = hazard_input(context, person)
        saved = []
        writer = SaveMeanwhile(context.bulk_writer(), lambda: saved.append(create_hazard(context.uow(), data)))

        result = build_demo(context.uow, writer, context.images, None, count=30, reference=REFERENCE, grading=False)

        assert result.hazards == 30
        with sqlite3.connect(paths.database_path(tmp_path / "data")) as con:
            numbers = [n for (n,) in con.execute("SELECT number FROM hazards")]
        con.close()
        assert saved[0].number == "YH-2026-0001"
        assert len(numbers) == len(set(numbers)) >= 31
        assert "YH-2026-0002" in numbers  # the demo's 2026 hazards follow the one saved meanwhile
    finally:
        close_context(context)


def _counts(folder: Path) -> tuple[int, int, int]:
    db = paths.database_path(folder)
    if not db.exists():
        return (0, 0, 0)
    with sqlite3.connect(db) as con:
        counts = tuple(
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("hazards", "people", "gradings")
        )
    con.close()
    return counts  # type: ignore[return-value]


def _demo(folder: Path, *extra: str) -> int:
    return main(["demo", "--count", "40", "--data-dir", str(folder), "--lang", "zh_CN", "--create", *extra])


def test_a_demo_that_fails_half_way_stores_nothing_and_says_the_disk_is_full(tmp_path, monkeypatch, capsys):
    calls = []

    def photo(n: int) -> bytes:
        calls.append(n)
        if len(calls) > 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return demo_photos.make_photo(n)

    monkeypatch.setattr(demo_photos, "make_photo", photo)

    code = _demo(tmp_path / "data")

    assert code == 2
    err = capsys.readouterr().err
    assert "磁盘已满" in err and "Traceback" not in err
    assert len(calls) == 6  # five photos were stored before the disk filled up …
    assert _counts(tmp_path / "data") == (0, 0, 0)  # … and rolled back with everything else
    assert not paths.database_path(tmp_path / "data").exists()  # no half-made register is left behind …
    monkeypatch.setattr(demo_photos, "make_photo", lambda n: b"")  # … so the next try is not refused
    assert _demo(tmp_path / "data", "--no-photos") == 0


def test_the_database_full_during_the_bulk_write_is_a_message(tmp_path, monkeypatch, capsys):
    def full(*_args: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(CoreBulkWriter, "_insert", full)

    assert _demo(tmp_path / "data", "--no-photos") == 2
    err = capsys.readouterr().err
    assert "磁盘已满" in err and "Traceback" not in err
    assert _counts(tmp_path / "data") == (0, 0, 0)


def test_a_full_disk_at_start_up_is_a_message(tmp_path, monkeypatch, capsys):
    def full(*_args: object) -> None:
        raise OperationalError("CREATE TABLE", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(schema, "_upgrade", full)

    assert _demo(tmp_path / "data") == 2
    err = capsys.readouterr().err
    assert "磁盘已满" in err and "Traceback" not in err


def test_only_the_newest_hazards_of_a_large_demo_are_graded_the_rest_is_bulk_written(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "GRADED_AT_MOST", 20)
    context = build_context(tmp_path / "data")
    try:
        result = build_demo(context.uow, context.bulk_writer(), context.images, None, count=80, reference=REFERENCE)
    finally:
        close_context(context)

    assert result.hazards == 80 and 0 < result.gradings <= 20 + result.disputes
    with sqlite3.connect(paths.database_path(tmp_path / "data")) as con:
        graded = {h for (h,) in con.execute("SELECT DISTINCT hazard_id FROM gradings")}
        oldest = [h for (h,) in con.execute("SELECT id FROM hazards ORDER BY found_at LIMIT 60")]
    con.close()
    assert graded and not graded & set(oldest)


def test_a_demo_register_cites_a_grading_table_in_force_on_every_grading_date(tmp_path):
    """A new-user trial: demo sheets dated 2025 cited a 表D.4 "in force from" the day the demo was made."""
    assert _demo(tmp_path / "data", "--no-photos") == 0
    with sqlite3.connect(paths.database_path(tmp_path / "data")) as con:
        [(effective_from,)] = con.execute("SELECT effective_from FROM threshold_sets").fetchall()
        (oldest_grading,) = con.execute("SELECT min(graded_on) FROM gradings").fetchone()
        (oldest_found,) = con.execute("SELECT min(found_at) FROM hazards").fetchone()
    con.close()
    assert str(effective_from)[:10] <= str(oldest_grading)[:10]
    assert str(effective_from)[:10] <= str(oldest_found)[:10]

"""The audit trail (issue 14): every write appends chained entries in its own transaction, a refused one
none; an edit with plain sqlite3 behind the program's back — of a record or of the trail — is found and named."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from hazard_desktop import cli, paths
from hazard_desktop.adapters.audit import SqliteAuditTrail
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.accounts import Actor, Role
from hazard_desktop.domain.audit import ZERO_HASH, EntryFilter, entry2_hash, entry_hash
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.services import hazards as svc
from tests.factories import hazard_input

pytestmark = pytest.mark.storage
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def trail(context) -> SqliteAuditTrail:
    return context.audit()


def db(context) -> sqlite3.Connection:
    return sqlite3.connect(paths.database_path(context.data_dir))


def entry_count(context) -> int:
    with db(context) as connection:
        return connection.execute("SELECT count(*) FROM audit_entries").fetchone()[0]


def hash_of(entry) -> str:
    """An entry's hash by the definition of its format (1: per record; 2: per transaction)."""
    return entry2_hash(entry.fields()) if entry.format == 2 else entry_hash(entry.fields())


def test_a_fresh_register_verifies_and_its_chain_starts_at_zero(context):
    result = trail(context).verify()
    rows = trail(context).entries(EntryFilter(), limit=10**6)
    assert result.ok and result.entries == len({e.seq for e in rows}) > 0 and len(rows) >= result.records > 0
    first = rows[0]
    assert first.seq == 1 and first.prev == ZERO_HASH and first.hash == hash_of(first)


def test_a_use_case_appends_one_entry_per_record_in_its_transaction_with_who_and_use_case(context, inspector):
    before = entry_count(context)
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    entries = trail(context).entries(EntryFilter(), limit=100)
    new = [e for e in entries if e.seq > before]
    assert {(e.table, e.record) for e in new} >= {("hazards", str(hazard.id))}
    assert len({e.txn for e in new}) == 1  # one transaction
    created = next(e for e in new if e.table == "hazards")
    assert (created.before, created.actor, created.use_case) == (None, "single user", "hazards.create")
    assert created.after
    # an update under an account records who, the use case, the state before (the creation's after) and after
    account = uuid.uuid4()
    context.session.sign_in(Actor(account, inspector.id, "李安全", frozenset({Role.INSPECTOR})))
    svc.update_hazard(
        context.uow(), hazard.id, hazard.revision, replace(hazard_input(context, inspector), location="罐区")
    )
    updated = trail(context).entries(EntryFilter(table="hazards", record=str(hazard.id)))[-1]
    assert (updated.before, updated.actor, updated.actor_id) == (created.after, "李安全", str(account))
    assert updated.use_case.startswith("hazards.") and updated.use_case != "hazards.create"
    assert updated.after != created.after
    assert trail(context).verify().ok
    assert [e.seq for e in trail(context).entries(EntryFilter(actor="李安全"))] == [
        e.seq for e in trail(context).entries(EntryFilter(use_case=updated.use_case))
    ]


def test_a_refused_or_rolled_back_action_leaves_no_entry(context, inspector):
    before = entry_count(context)
    with pytest.raises(ValidationError):
        svc.create_hazard(context.uow(), replace(hazard_input(context, inspector), description=" "))
    with context.uow() as uow:  # written, flushed, never committed
        uow.settings.set("audit.test", "1")
        uow.session.flush()
    assert entry_count(context) == before
    assert trail(context).verify().ok


def test_the_bulk_writer_is_audited_too(context, inspector):
    from datetime import UTC, datetime

    from hazard_desktop.services.demo import ensure_people, make_hazards

    people = ensure_people(context.uow())
    hazards = make_hazards(context.uow(), 3, 7, datetime(2026, 3, 1, tzinfo=UTC), people)
    written = context.bulk_writer().write_new_hazards(hazards)
    entries = trail(context).entries(EntryFilter(use_case="bulk_write"))
    assert {e.record for e in entries if e.table == "hazards"} == {str(h.id) for h in written}
    assert "number_sequences" in {e.table for e in entries}
    assert trail(context).verify().ok


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        ("UPDATE hazards SET description = '改过' WHERE id = :id", "record_changed"),
        ("DELETE FROM hazards WHERE id = :id", "record_deleted"),
        ("INSERT INTO settings (id, key, value, created_at, updated_at) "
         "VALUES ('00000000-0000-4000-8000-000000000001', 'x', 'y', '2026-01-01', '2026-01-01')", "record_unrecorded"),
    ],
)  # fmt: skip
def test_an_edit_behind_the_programs_back_is_found_with_table_record_and_entry(context, inspector, sql, kind):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    last = trail(context).entries(EntryFilter(table="hazards", record=str(hazard.id)))[-1]
    with db(context) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(sql, {"id": str(hazard.id)})
    result = trail(context).verify()
    assert not result.ok
    first = result.first
    assert first is not None and first.kind == kind
    if kind == "record_unrecorded":
        assert (first.table, first.record, first.seq) == ("settings", "00000000-0000-4000-8000-000000000001", None)
    else:
        assert (first.table, first.record, first.seq) == ("hazards", str(hazard.id), last.seq)


def test_editing_or_removing_an_audit_entry_breaks_the_chain_at_that_entry(context, inspector):
    svc.create_hazard(context.uow(), hazard_input(context, inspector))
    svc.create_hazard(context.uow(), hazard_input(context, inspector))
    last = entry_count(context)
    with db(context) as connection:
        (actor,) = connection.execute("SELECT actor FROM audit_entries WHERE seq = ?", (last - 1,)).fetchone()
        connection.execute("UPDATE audit_entries SET actor = '别人' WHERE seq = ?", (last - 1,))
    result = trail(context).verify()
    assert (result.first.kind, result.first.seq) == ("chain_hash", last - 1)
    with db(context) as connection:
        connection.execute("UPDATE audit_entries SET actor = ? WHERE seq = ?", (actor, last - 1))
        connection.commit()
        assert trail(context).verify().ok
        connection.execute("DELETE FROM audit_entries WHERE seq = ?", (last - 1,))
    result = trail(context).verify()
    assert (result.first.kind, result.first.seq) == ("chain_gap", last)


@pytest.mark.parametrize(
    "sql",
    [
        # the first character changed whatever it was (always '0' replaced nothing when it was '0': 1 run in 16)
        "UPDATE audit_records SET after = CASE substr(after, 1, 1) WHEN '0' THEN '1' ELSE '0' END || substr(after, 2)"
        " WHERE id = (SELECT max(id) FROM audit_records)",
        "DELETE FROM audit_records WHERE id = (SELECT min(id) FROM audit_records WHERE entry = :seq)",
        "INSERT INTO audit_records (entry, tbl, rec, before, after) VALUES (:seq, 'settings', 'x', NULL, 'ab')",
        "UPDATE audit_records SET entry = :seq - 1 WHERE id = (SELECT min(id) FROM audit_records WHERE entry = :seq)",
    ],
)
def test_editing_removing_adding_or_moving_a_record_of_an_entry_breaks_that_entry(context, inspector, sql):
    """Format 2: an entry's hash covers its records (their digest): any edit of them is found at that entry."""
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    seq = trail(context).entries(EntryFilter(table="hazards", record=str(hazard.id)))[-1].seq
    assert entry_count(context) == seq and trail(context).verify().ok
    with db(context) as connection:
        connection.execute(sql, {"seq": seq})
    result = trail(context).verify()
    assert not result.ok and result.first.kind == "chain_hash" and result.first.seq in (seq - 1, seq)


def test_export_writes_the_chain_as_csv_and_json(context, inspector, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    svc.create_hazard(context.uow(), hazard_input(context, inspector))
    count = trail(context).export(tmp_path / "a.json")
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) == count == len(trail(context).entries(EntryFilter(), limit=10**6))
    assert len({e["seq"] for e in data["entries"]}) == entry_count(context)
    record = ("table", "record", "before", "after", "hash")
    for previous, entry in zip(data["entries"], data["entries"][1:], strict=False):
        if entry["seq"] == previous["seq"]:  # the next record of the same (format-2) entry
            assert entry["hash"] == previous["hash"]
            continue
        assert entry["prev"] == previous["hash"]
        if entry.get("format") == 2:  # the records beside the fields the hash covers
            assert entry2_hash({k: v for k, v in entry.items() if k not in record}) == entry["hash"]
        else:
            assert entry_hash({k: v for k, v in entry.items() if k != "hash"}) == entry["hash"]
    assert trail(context).export(tmp_path / "a.csv") == count
    lines = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[-2:] == ["prev", "hash"] and len(lines) == count + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.json"]  # no temporaries left


def test_the_command_exits_0_when_intact_1_on_a_break_2_when_refused(context, inspector, tmp_path, capsys):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    folder = str(context.data_dir)
    close_context(context)
    assert cli.main(["audit", "verify", "--data-dir", folder, "--lang", "zh_CN"]) == 0
    assert "审计日志完好" in capsys.readouterr().out
    with sqlite3.connect(Path(folder) / "hazard_desktop.db") as connection:
        connection.execute("UPDATE hazards SET location = '别处' WHERE id = ?", (str(hazard.id),))
    assert cli.main(["audit", "verify", "--data-dir", folder, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"Table hazards, record {hazard.id} was changed outside the program" in err
    assert cli.main(["audit", "export", "-o", str(tmp_path / "t.txt"), "--data-dir", folder]) == 2
    assert not (tmp_path / "t.txt").exists()
    assert cli.main(["audit", "export", "-o", str(tmp_path / "t.csv"), "--data-dir", folder]) == 0
    assert (tmp_path / "t.csv").exists()
    assert cli.main(["audit", "export", "-o", str(tmp_path / "t.csv"), "--data-dir", folder]) == 2  # not overwritten


def test_upgrading_an_older_register_records_a_genesis_entry_per_record(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    newest = sorted(p for p in FIXTURES.glob("db_rev*.db") if p.stem < "db_rev0011")[-1]  # before the trail
    shutil.copyfile(newest, folder / "hazard_desktop.db")
    with sqlite3.connect(folder / "hazard_desktop.db") as connection:
        hazards = connection.execute("SELECT count(*) FROM hazards").fetchone()[0]
    context = build_context(folder)
    try:
        genesis = context.audit().entries(EntryFilter(use_case="genesis", table="hazards"), limit=10**6)
        assert len(genesis) == hazards > 0
        assert all(e.before is None and e.after for e in genesis)
        assert context.audit().verify().ok
    finally:
        close_context(context)


def test_a_later_migration_adding_a_column_keeps_the_trail_or_rebaselines_it(context, inspector):
    from hazard_desktop.adapters import audit

    svc.create_hazard(context.uow(), hazard_input(context, inspector))
    with db(context) as connection:  # a nullable column: no record's digest changes (NULL columns are left out)
        connection.execute("ALTER TABLE hazards ADD COLUMN later_note TEXT")
    assert trail(context).verify().ok
    with db(context) as connection:  # a column with a value on every row: the migration rebaselines
        connection.execute("ALTER TABLE people ADD COLUMN later_flag INTEGER NOT NULL DEFAULT 0")
        assert trail(context).verify().first.kind == "record_changed"
        written = audit.rebaseline(connection, "migration 9999")
        people = connection.execute("SELECT count(*) FROM people").fetchone()[0]
    assert written == people > 0
    assert trail(context).verify().ok
    assert {e.table for e in trail(context).entries(EntryFilter(use_case="migration 9999"))} == {"people"}


def test_a_rolled_back_savepoint_leaves_no_entry_and_one_record_changed_twice_is_one_entry(context):
    from hazard_desktop.adapters.db import make_session_factory
    from hazard_desktop.adapters.unit_of_work import SingleTransaction
    from hazard_desktop.app import engine_of

    before = entry_count(context)
    with SingleTransaction(make_session_factory(engine_of(context))) as transaction:
        with transaction.uow() as uow:  # rolled back: its savepoint goes, with its notes
            uow.settings.set("audit.dropped", "1")
            uow.session.flush()
        with transaction.uow() as uow:
            uow.settings.set("audit.kept", "1")
            uow.commit()
        with transaction.uow() as uow:
            uow.settings.set("audit.kept", "2")
            uow.commit()
        transaction.commit()
    new = [e for e in trail(context).entries(EntryFilter(table="settings")) if e.seq > before]
    assert len(new) == 1 and new[0].before is None and new[0].after
    with db(context) as connection:
        assert connection.execute("SELECT count(*) FROM settings WHERE key = 'audit.dropped'").fetchone() == (0,)
    assert trail(context).verify().ok


def test_the_state_after_is_read_at_commit_and_a_reused_rowid_is_told_apart_by_its_key(context):
    """The triggers digest only the state before; the after is the row as committed, found by its key."""
    from hazard_desktop.app import engine_of

    before = entry_count(context)
    stamp = "2026-12-07 04:00:00.000000"
    insert = "INSERT INTO settings (rowid, id, created_at, updated_at, key, value) VALUES (?, ?, ?, ?, ?, ?)"
    with engine_of(context).begin() as connection:
        connection.exec_driver_sql(insert, (900001, "a", stamp, stamp, "audit.a", "1"))
        connection.exec_driver_sql("UPDATE settings SET value = '2' WHERE id = 'a'")  # one entry, the last state
        connection.exec_driver_sql(insert, (900002, "gone", stamp, stamp, "audit.gone", "1"))
        connection.exec_driver_sql("DELETE FROM settings WHERE id = 'gone'")  # inserted and deleted: no entry
        connection.exec_driver_sql(insert, (900002, "b", stamp, stamp, "audit.b", "1"))  # the same rowid again
    new = {e.record: e for e in trail(context).entries(EntryFilter(table="settings")) if e.seq > before}
    assert set(new) == {"a", "b"} and new["a"].before is None and new["b"].before is None
    assert new["a"].after != new["b"].after
    assert trail(context).verify().ok
    with engine_of(context).begin() as connection:
        connection.exec_driver_sql("DELETE FROM settings WHERE id = 'b'")
        connection.exec_driver_sql(insert, (900002, "c", stamp, stamp, "audit.c", "1"))
    last = [e for e in trail(context).entries(EntryFilter(table="settings")) if e.seq > before + 1]
    assert {(e.record, e.before == new["b"].after, e.after is None) for e in last} == {
        ("b", True, True),
        ("c", False, False),
    }
    assert trail(context).verify().ok


def test_a_without_rowid_table_is_audited_by_its_primary_key(context):
    """``exchange_known`` (WITHOUT ROWID): its rows are recorded by (peer, kind, record id), and an edit of one
    behind the program's back is found like any other."""
    from hazard_desktop.app import engine_of

    known = "INSERT INTO exchange_known (peer, kind, record_id, hash, ack) VALUES (?, ?, ?, ?, ?)"
    with engine_of(context).begin() as connection:
        connection.exec_driver_sql(known, ("L1", "hazard", "r-1", "h1", 0))
        connection.exec_driver_sql(known, ("L1", "hazard", "r-2", "h2", 0))
    with engine_of(context).begin() as connection:
        connection.exec_driver_sql("UPDATE exchange_known SET ack = 1 WHERE record_id = 'r-1'")
    rows = trail(context).entries(EntryFilter(table="exchange_known"))
    assert [(e.record, e.before is None) for e in rows] == [("L1/hazard/r-1", True), ("L1/hazard/r-2", True),
                                                            ("L1/hazard/r-1", False)]  # fmt: skip
    assert rows[-1].before == rows[0].after != rows[-1].after
    assert trail(context).verify().ok
    for sql, kind in [
        ("UPDATE exchange_known SET hash = 'x' WHERE record_id = 'r-1'", "record_changed"),
        ("DELETE FROM exchange_known WHERE record_id = 'r-2'", "record_deleted"),
        ("INSERT INTO exchange_known VALUES ('L2', 'hazard', 'r-9', 'h', 0)", "record_unrecorded"),
    ]:
        with db(context) as connection:
            connection.execute(sql)
        assert {(f.kind, f.table) for f in trail(context).verify().findings} >= {(kind, "exchange_known")}


def test_an_upgraded_register_keeps_its_format1_entries_verified_beside_format2_ones(tmp_path):
    """A register made by revision 0011's code: its per-record entries are checked in their own format, its
    records against their format-1 digests (the same bytes), and new writes chain format-2 entries after them."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "db_rev0011.db", folder / "hazard_desktop.db")
    context = build_context(folder)
    try:
        rows = context.audit().entries(EntryFilter(), limit=10**6)
        old = [e for e in rows if e.format == 1]
        assert old and all(e.hash == entry_hash(e.fields()) for e in old)
        assert context.audit().verify().ok
        with sqlite3.connect(folder / "hazard_desktop.db") as connection:
            (hazard_id,) = connection.execute("SELECT id FROM hazards LIMIT 1").fetchone()
        hazard = next(e for e in old if e.table == "hazards" and e.record == hazard_id)
        assert hazard.after
        with engine_of_context(context).begin() as connection:
            connection.exec_driver_sql("UPDATE hazards SET location = '新址' WHERE id = ?", (hazard_id,))
        new = context.audit().entries(EntryFilter(table="hazards", record=hazard_id))[-1]
        # the state before in the record's new format (format 2), the entry hashed by its format
        assert new.format == 2 and new.before and new.before != new.after and new.hash == entry2_hash(new.fields())
        assert context.audit().verify().ok
        with sqlite3.connect(folder / "hazard_desktop.db") as connection:
            connection.execute("UPDATE audit_entries SET actor = '别人' WHERE seq = ?", (old[1].seq,))
        assert (context.audit().verify().first.kind, context.audit().verify().first.seq) == ("chain_hash", old[1].seq)
    finally:
        close_context(context)


def engine_of_context(context):
    from hazard_desktop.app import engine_of

    return engine_of(context)


def test_a_row_replaced_by_insert_or_replace_is_recorded_as_deleted(context):
    """INSERT OR REPLACE (the exchange's blobs and ``exchange_known``) removes a row that takes the same unique
    value without a DELETE trigger unless recursive triggers are on: the program's connections turn them on,
    so the row replaced under another key is recorded as gone instead of found "deleted behind the back"."""
    from hazard_desktop.app import engine_of

    before = entry_count(context)
    stamp = "2026-12-07 04:00:00.000000"
    replace_sql = "INSERT OR REPLACE INTO settings (id, created_at, updated_at, key, value) VALUES (?, ?, ?, ?, ?)"
    with engine_of(context).begin() as connection:
        connection.exec_driver_sql(replace_sql, ("s-1", stamp, stamp, "audit.replaced", "1"))
    with engine_of(context).begin() as connection:
        connection.exec_driver_sql(replace_sql, ("s-2", stamp, stamp, "audit.replaced", "2"))  # s-1 goes
    new = [(e.record, e.before is None, e.after is None) for e in trail(context).entries(EntryFilter(table="settings"))
           if e.seq > before + 1]  # fmt: skip
    assert sorted(new) == [("s-1", False, True), ("s-2", True, False)]
    assert trail(context).verify().ok


def test_a_blob_digest_known_to_its_writer_is_taken_only_for_those_very_bytes(context, inspector):
    """``known_blob_digests`` (the exchange's import, which has checked every photo against the file's SHA-256):
    the trail takes the writer's digest for bytes equal to the ones it names, and hashes anything else itself —
    a wrong digest for other bytes is never recorded, so the trail still verifies."""
    import hashlib

    from hazard_desktop.adapters.audit import known_blob_digests
    from hazard_desktop.app import engine_of
    from hazard_desktop.services.hazards import PhotoFile
    from tests.integration.test_hazard_services import jpeg

    photos = [PhotoFile("p.jpg", jpeg(40, 30))]
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector), photos=photos, images=context.images)
    photo_id = str(hazard.photos[0].id)
    right, other = b"\x01" * 5000, b"\x02" * 5000
    insert = "INSERT OR REPLACE INTO photo_blobs (photo_id, kind, data) VALUES (?, ?, ?)"
    with (
        engine_of(context).begin() as connection,
        known_blob_digests([(right, hashlib.sha256(right).hexdigest()), (b"\x03" * 5000, "0" * 64)]),
    ):  # the second pair's bytes never come: the other blob is hashed
        connection.exec_driver_sql(insert, (photo_id, "extra_a", right))
        connection.exec_driver_sql(insert, (photo_id, "extra_b", other))
    assert trail(context).verify().ok
    with engine_of(context).begin() as connection, known_blob_digests([(right, "0" * 64)]):  # a wrong digest
        connection.exec_driver_sql(insert, (photo_id, "extra_c", right))  # taken for these bytes: the trail says so
    found = trail(context).verify().findings
    assert [(f.kind, f.table, f.record) for f in found] == [("record_changed", "photo_blobs", f"{photo_id}/extra_c")]

"""The audit trail's canonical forms: the fast digests write exactly the bytes of the documented definition."""

from __future__ import annotations

import hashlib
import json

import pytest

from hazard_desktop.domain.audit import (
    ZERO_HASH,
    entry_hash,
    entry_hash_reference,
    entry_hasher,
    row_digest,
    row_digest2,
    row_digester,
    sorted_row_digester,
    state2_digest,
)

NAMES = ["updated_at", "id", "pk", "description", "photo", "ratio", "legacy_number"]
ROWS = [
    ("2026-03-01 08:00:00.000000", "5d2c…", 7, '罐区 "A"\\\n\t泄漏\x01', b"\x00\xff", 0.1, None),
    (None, "", -3, "", None, 1e20, "YH-2025-004"),
    (None, None, None, None, None, None, None),
]


@pytest.mark.parametrize("row", ROWS)
def test_the_row_digester_writes_the_definitions_bytes(row):
    assert row_digester(NAMES)(row) == row_digest(NAMES, row)


def test_a_row_digest_is_sorted_compact_utf8_json_without_nulls_and_blobs_hashed():
    text = json.dumps(
        {"a": 1, "b": "中", "c": "sha256:" + hashlib.sha256(b"x").hexdigest()},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    )  # fmt: skip
    assert row_digest(["c", "b", "a", "d"], [b"x", "中", 1, None]) == hashlib.sha256(text.encode()).hexdigest()


def test_the_entry_hash_writes_the_definitions_bytes():
    fields = {
        "seq": 1, "prev": ZERO_HASH, "at": "2026-12-07T03:00:00.000000+00:00", "actor": "李\"安全", "actor_id": None,
        "use_case": "hazards.create", "txn": "t", "table": "hazards", "record": "r/1", "before": None, "after": "ab",
    }  # fmt: skip
    assert entry_hash(fields) == entry_hash_reference(fields)
    assert entry_hash({**fields, "actor": "王"}) != entry_hash(fields)


@pytest.mark.parametrize("row", ROWS)
def test_the_triggers_digester_takes_the_sorted_columns_and_writes_the_definitions_bytes(row):
    order = sorted(range(len(NAMES)), key=lambda i: NAMES[i])
    digest = sorted_row_digester([NAMES[i] for i in order])
    assert digest(*[row[i] for i in order]) == row_digest(NAMES, row)
    with pytest.raises(ValueError):
        sorted_row_digester(NAMES)


@pytest.mark.parametrize(
    ("actor", "actor_id", "use_case", "before", "after"),
    [
        ('李"安全 100%', None, "hazards.create", None, "ab"),
        ("system", "acc-1", "bulk_write %s %d", "cd", None),
        ("王", "%", "", "ef", "01"),
    ],
)
def test_the_transactions_entry_hasher_writes_the_definitions_bytes(actor, actor_id, use_case, before, after):
    at, txn = "2026-12-07T03:00:00.000000+00:00", "txn-1"
    hasher = entry_hasher(at, actor, actor_id, use_case, txn)
    prev = ZERO_HASH
    for seq, (table, record) in enumerate([("hazards", "r/1"), ("photo_blobs", "照片/2"), ("hazards", "r/1")], 1):
        fields = {
            "seq": seq, "prev": prev, "at": at, "actor": actor, "actor_id": actor_id, "use_case": use_case,
            "txn": txn, "table": table, "record": record, "before": before, "after": after,
        }  # fmt: skip
        got = hasher(seq, prev, table, record, before, after)
        assert got == entry_hash_reference(fields)
        prev = got


# --- the state text built in SQL (format 2's triggers and every verification) -------------------------------

SQL_NAMES = ["updated_at", "id", "pk", "description", "photo", "ratio", "legacy_number", "flag"]
SQL_ROWS = [
    ("2026-03-01 08:00:00.000000", "5d2c…", 7, '罐区 "A"\\\n\t泄漏\x01/\u2028', b"\x00\xff", 0.1, None, 1),
    ("x", "", -3, "", None, 1e20, "YH-2025-004", 0),
    ("y", "k", 2**62, "中", None, 1 / 3, None, 5),
    ("z", "m", 0, "e", b"", -0.0, "", 9),
]


@pytest.mark.parametrize("row", SQL_ROWS)
def test_the_state_text_built_in_sql_is_the_definitions_bytes(row):
    import sqlite3

    from hazard_desktop.adapters.audit import column_info, digests, register_functions, state2_sql, state_sql

    connection = sqlite3.connect(":memory:")
    register_functions(connection)
    connection.execute(
        "CREATE TABLE t (updated_at TEXT NOT NULL, id VARCHAR(36) PRIMARY KEY, pk INTEGER, description TEXT,"
        " photo BLOB, ratio FLOAT, legacy_number VARCHAR(60), flag BOOLEAN NOT NULL)"
    )
    connection.execute(f"INSERT INTO t ({', '.join(SQL_NAMES)}) VALUES ({', '.join('?' * len(SQL_NAMES))})", row)
    (text,) = connection.execute(f"SELECT {state_sql(column_info(connection, 't'), 't')} FROM t AS t").fetchone()
    row = connection.execute(f"SELECT {', '.join(SQL_NAMES)} FROM t").fetchone()  # as stored (-0.0 is 0.0)
    expected = json.dumps(
        {n: v for n, v in zip(SQL_NAMES, row, strict=True) if v is not None}
        | ({"photo": "sha256:" + hashlib.sha256(row[4]).hexdigest()} if row[4] is not None else {}),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    assert text == expected
    assert list(digests(connection.cursor(), "t", format1=True)) == [
        (row[1], row_digest2(row), row_digest(SQL_NAMES, row))
    ]
    (second,) = connection.execute(f"SELECT {state2_sql(column_info(connection, 't'), 't')} FROM t AS t").fetchone()
    assert state2_digest(second) == row_digest2(row)


def test_a_blob_in_a_text_column_behind_the_programs_back_is_digested_by_the_python_definition():
    import sqlite3

    from hazard_desktop.adapters.audit import digests, register_functions

    connection = sqlite3.connect(":memory:")
    register_functions(connection)
    connection.execute("CREATE TABLE t (id TEXT PRIMARY KEY, note TEXT)")
    connection.execute("INSERT INTO t VALUES ('a', ?)", (b"\x01",))  # json_quote refuses a BLOB
    assert list(digests(connection.cursor(), "t", format1=True)) == [
        ("a", row_digest2(["a", b"\x01"]), row_digest(["id", "note"], ["a", b"\x01"]))
    ]


def test_a_format2_records_digest_reads_the_lines_sqlite_writes():
    import sqlite3

    from hazard_desktop.domain.audit import record_line, records_digest

    values = [(1, 9, "hazards", '5d/"中"\n', None, "ab"), (2, 9, "photo_blobs", "x/original", "cd", None)]
    lines = [
        sqlite3.connect(":memory:").execute("SELECT json_array(?, ?, ?, ?, ?, ?)", v).fetchone()[0] for v in values
    ]
    assert lines == [record_line(*v) for v in values]
    assert records_digest(lines) == hashlib.sha256("".join(line + "\n" for line in lines).encode()).hexdigest()


def test_a_format2_state_is_the_json_array_in_column_order_without_trailing_nulls():
    assert (
        row_digest2(["a", 1, None, 0.5, b"x", None, None])
        == hashlib.sha256(('["a",1,null,"0.5","sha256:' + hashlib.sha256(b"x").hexdigest() + '"]').encode()).hexdigest()
    )
    assert row_digest2([None, None]) == row_digest2([]) == hashlib.sha256(b"[]").hexdigest()
    assert row_digest2(["a", None]) == row_digest2(["a"])  # a nullable column added later changes nothing

"""Verification codes of printed sheets: canonical record → SHA-256 → typed short code and QR payload."""

from __future__ import annotations

import hashlib
import re
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.verification import (
    CROCKFORD_ALPHABET,
    canonical_json,
    normalize_code,
    parse_qr_payload,
    parse_qr_payload_parts,
    qr_payload,
    record_digest,
    short_code,
)

CODE_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def grading_record() -> dict[str, object]:
    return {
        "kind": "grading",
        "hazard_number": "YH-2026-0012",
        "sheet_no": "PJ-2026-012",
        "graded_on": date(2026, 5, 10),
        "method": "lec",
        "threshold_set": {"name": "LEC 分级标准 2020 版", "effective_from": date(2020, 1, 1)},
        "members": [
            {"name": "王建国", "department": "安全环保部", "L": Decimal("6"), "E": Decimal("6"), "C": Decimal("7")},
            {"name": "李秀英", "department": "生产技术部", "L": Decimal("3"), "E": Decimal("6"), "C": Decimal("7")},
        ],
        "mean_d": Decimal("189"),
        "band": "high",
        "confirmed_at": datetime(2026, 5, 10, 8, 30, tzinfo=UTC),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "major": False,
        "note": None,
    }


# ---------------------------------------------------------------------------------------- canonical
def test_canonical_json_is_sorted_compact_utf8() -> None:
    data = canonical_json({"b": 1, "a": {"z": "安全", "y": [1, 2]}})
    assert data == '{"a":{"y":[1,2],"z":"安全"},"b":1}'.encode()


def test_canonical_json_does_not_depend_on_key_order_or_decimal_spelling() -> None:
    record = grading_record()
    reordered = dict(reversed(list(record.items())))
    reordered["mean_d"] = Decimal("189.00")
    assert canonical_json(record) == canonical_json(reordered)


def test_canonical_json_writes_aware_datetimes_in_utc() -> None:
    utc = datetime(2026, 5, 10, 8, 30, tzinfo=UTC)
    beijing = utc.astimezone(timezone(timedelta(hours=8)))
    assert canonical_json({"t": utc}) == canonical_json({"t": beijing})


def test_canonical_json_normalizes_unicode() -> None:
    assert canonical_json({"s": "e\u0301"}) == canonical_json({"s": "\u00e9"})


@pytest.mark.parametrize(
    "value",
    [1.5, datetime(2026, 5, 10, 8, 30), Decimal("NaN"), object(), {1: "non-string key"}],
    ids=["float", "naive-datetime", "nan", "object", "int-key"],
)
def test_canonical_json_refuses_values_without_one_exact_text(value: object) -> None:
    with pytest.raises(TypeError):
        canonical_json({"v": value})


# ------------------------------------------------------------------------------------- digest, code
def test_same_record_gives_same_digest_and_code() -> None:
    first, second = record_digest(grading_record()), record_digest(grading_record())
    assert first == second == hashlib.sha256(canonical_json(grading_record())).hexdigest()
    assert short_code(first) == short_code(second)
    assert CODE_SHAPE.match(short_code(first))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("hazard_number",), "YH-2026-0013"),
        (("mean_d",), Decimal("189.5")),
        (("graded_on",), date(2026, 5, 11)),
        (("band",), "significant"),
        (("major",), True),
        (("note",), ""),
        (("threshold_set", "name"), "LEC 分级标准 2024 版"),
        (("members", 0, "name"), "王建民"),
        (("members", 1, "C"), Decimal("15")),
        (("confirmed_at",), datetime(2026, 5, 10, 8, 31, tzinfo=UTC)),
    ],
)
def test_any_changed_value_changes_the_code(path: tuple[object, ...], value: object) -> None:
    record = grading_record()
    changed = grading_record()
    target: object = changed
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    assert short_code(record_digest(changed)) != short_code(record_digest(record))


def test_dropped_member_changes_the_code() -> None:
    changed = grading_record()
    changed["members"] = changed["members"][:1]  # type: ignore[index]
    assert record_digest(changed) != record_digest(grading_record())


def test_short_code_takes_the_first_60_bits_in_crockford_base32() -> None:
    assert short_code("0" * 64) == "0000-0000-0000"
    assert short_code("f" * 64) == "ZZZZ-ZZZZ-ZZZZ"
    digest = "0842" + "0" * 60  # 0000 1000 0100 0010 → 00001 00001 00001 0...
    assert short_code(digest) == "1110-0000-0000"
    assert short_code(digest.upper()) == short_code(digest)
    with pytest.raises(ValueError):
        short_code("abc")


def test_codes_avoid_ambiguous_letters() -> None:
    assert not set("ILOU") & set(CROCKFORD_ALPHABET)
    for i in range(200):
        code = short_code(record_digest({"i": i}))
        assert not set("ILOU") & set(code)


# --------------------------------------------------------------------------------- typed codes
@pytest.mark.parametrize(
    "typed",
    [
        "7CQB-5HHH-TD04",
        "7cqb-5hhh-td04",
        "7CQB5HHHTD04",
        " 7cqb 5hhh td04 ",
        "7CQB 5HHH-TDO4",  # O typed for 0
        "7cqb.5hhh.tdo4",
        "７ＣＱＢ－５ＨＨＨ－ＴＤ０４",  # full-width, as a Chinese input method types it
        "7CQB—5HHH—TD04",  # em dashes
    ],
)
def test_normalize_code_accepts_typed_variants(typed: str) -> None:
    assert normalize_code(typed) == "7CQB-5HHH-TD04"


def test_normalize_code_reads_i_and_l_as_one() -> None:
    assert normalize_code("i1l1-LIil-0oO0") == "1111-1111-0000"


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "7CQB-5HHH-TD0", "7CQB-5HHH-TD045", "7CQB-5HHH-TDU4", "7CQB-5HHH-TD*4", "核验码", "🙂" * 12],
)
def test_normalize_code_rejects_junk(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_code(typed)
    assert caught.value.code == "verify_code_invalid"


def test_normalized_code_round_trips_from_a_real_digest() -> None:
    code = short_code(record_digest(grading_record()))
    assert normalize_code(code.lower().replace("-", " ")) == code


# ---------------------------------------------------------------------------------------- QR
def test_qr_payload_round_trip_and_is_ascii() -> None:
    code = short_code(record_digest(grading_record()))
    payload = qr_payload(code, "YH-2026-0012")
    assert payload == f"HDV1:{code}:YH-2026-0012"
    assert payload.isascii()
    assert parse_qr_payload(payload) == code
    assert parse_qr_payload_parts(payload) == (code, "YH-2026-0012")


def test_qr_payload_stays_ascii_for_a_non_ascii_number() -> None:
    code = short_code(record_digest({"x": 1}))
    payload = qr_payload(code.lower(), "隐患:临时-1")
    assert payload.isascii()
    assert parse_qr_payload_parts(payload) == (code, "隐患:临时-1")


@pytest.mark.parametrize(
    "text",
    ["", "HDV1", "HDV1:ABCD", "HDV2:7CQB-5HHH-TD04:YH-2026-0001", "HDV1:not-a-code:YH-1",
     "HDV1:7CQB-5HHH-TD04:", "https://example.com", "HDV1:7CQB-5HHH-TD04:隐患"],
)  # fmt: skip
def test_parse_qr_payload_rejects_other_text(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_qr_payload(text)
    assert caught.value.code == "verify_qr_invalid"


def test_qr_payload_refuses_an_invalid_code() -> None:
    with pytest.raises(ValidationError):
        qr_payload("nonsense", "YH-2026-0001")

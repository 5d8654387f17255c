"""Verification of printed sheets: canonical record → SHA-256 → short code people can type, and a QR.

A signed grading sheet becomes the plant's record. Each sheet prints

* a **short code** ``XXXX-XXXX-XXXX``: the first 60 bits of the SHA-256 of the canonical grading record
  in Crockford base32 (digits and upper-case letters without I, L, O, U), so a reader can type it
  back from paper and the program can check the stored record still hashes to it;
* a **QR code** with the ASCII payload ``HDV1:<code>:<hazard number>``.

Canonical form (:func:`canonical_json`): JSON, keys sorted, no whitespace, ``ensure_ascii=False``,
UTF-8, strings in Unicode NFC. Values allowed: ``str``, ``int``, ``bool``, ``None``, ``Decimal``
(written as its shortest exact text, so ``30.0`` and ``30`` hash alike), ``date``, aware ``datetime``
(written in UTC), ``UUID``, lists/tuples and dicts with string keys. Floats are refused: they have no
single exact text.

Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from urllib.parse import quote, unquote

from hazard_desktop.domain.errors import ValidationError

#: Crockford's base32 alphabet: no I, L, O, U.
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: Characters of a short code (groups of four, dash-separated).
CODE_LENGTH = 12
CODE_GROUP = 4
#: Prefix of the QR payload; bump the version if the payload or the canonical form ever changes.
QR_PREFIX = "HDV1"

_TYPED_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED = re.compile(r"[\s\-_.\u2010-\u2015\u2212]+")
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


def _canonical_value(value: object, where: str) -> object:
    """Turn ``value`` into plain JSON types with one exact text per value."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TypeError(f"canonical_json: {where} is not a finite Decimal")
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise TypeError(f"canonical_json: {where} is a naive datetime")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_canonical_value(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, Mapping):
        result: dict[str, object] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"canonical_json: key {key!r} in {where} is not a string")
            result[unicodedata.normalize("NFC", key)] = _canonical_value(item, f"{where}.{key}")
        return result
    raise TypeError(f"canonical_json: {where} has unsupported type {type(value).__name__}")


def canonical_json(record: Mapping[str, object]) -> bytes:
    """The one byte string that stands for ``record``: sorted keys, no whitespace, UTF-8.

    Raises:
        TypeError: a value of a type without a single exact text (float, naive datetime, object).
    """
    plain = _canonical_value(record, "record")
    text = json.dumps(plain, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def record_digest(record: Mapping[str, object]) -> str:
    """Hex SHA-256 (64 lower-case characters) of :func:`canonical_json` of ``record``."""
    return hashlib.sha256(canonical_json(record)).hexdigest()


def short_code(digest: str) -> str:
    """The printed code ``XXXX-XXXX-XXXX``: the first 60 bits of ``digest`` in Crockford base32.

    Raises:
        ValueError: ``digest`` is not a 64-character hex SHA-256.
    """
    digest = digest.strip().lower()
    if not _HEX_DIGEST.fullmatch(digest):
        raise ValueError("short_code needs a hex SHA-256 digest")
    bits = int(digest[:15], 16)  # 15 hex digits = 60 bits = 12 base32 characters
    chars = []
    for _ in range(CODE_LENGTH):
        chars.append(CROCKFORD_ALPHABET[bits & 0x1F])
        bits >>= 5
    plain = "".join(reversed(chars))
    return _group(plain)


def _group(plain: str) -> str:
    return "-".join(plain[i : i + CODE_GROUP] for i in range(0, len(plain), CODE_GROUP))


def normalize_code(typed: str) -> str:
    """Read a code as a person typed it: any case, spaces or dashes anywhere, O for 0, I/L for 1.

    Returns:
        the code in printed form ``XXXX-XXXX-XXXX``.

    Raises:
        ValidationError: ``verify_code_invalid`` for anything that is not 12 Crockford characters.
    """
    if not isinstance(typed, str):
        raise ValidationError("verify_code_invalid", field="code")
    plain = _IGNORED.sub("", unicodedata.normalize("NFKC", typed)).upper().translate(_TYPED_ALIASES)
    if len(plain) != CODE_LENGTH or any(ch not in CROCKFORD_ALPHABET for ch in plain):
        raise ValidationError("verify_code_invalid", field="code")
    return _group(plain)


def qr_payload(code: str, hazard_number: str) -> str:
    """The ASCII text of the sheet's QR: ``HDV1:<code>:<hazard number>``.

    The hazard number is percent-encoded where it is not plain ASCII letters, digits or ``-_./``
    (QR readers garble non-ASCII text), so the payload is always ASCII.

    Raises:
        ValidationError: ``verify_code_invalid`` when ``code`` is not a valid short code.
    """
    return f"{QR_PREFIX}:{normalize_code(code)}:{quote(hazard_number, safe='-_./')}"


def parse_qr_payload_parts(text: str) -> tuple[str, str]:
    """Split a scanned payload into ``(code, hazard number)``.

    Raises:
        ValidationError: ``verify_qr_invalid`` when the text is not one of our payloads.
    """
    parts = text.strip().split(":", 2) if isinstance(text, str) and text.isascii() else []
    if len(parts) != 3 or parts[0].upper() != QR_PREFIX or not parts[2]:
        raise ValidationError("verify_qr_invalid", field="qr")
    try:
        code = normalize_code(parts[1])
        number = unquote(parts[2], errors="strict")
    except (ValidationError, UnicodeDecodeError):
        raise ValidationError("verify_qr_invalid", field="qr") from None
    return code, number


def parse_qr_payload(text: str) -> str:
    """The short code inside a scanned payload (``XXXX-XXXX-XXXX``).

    Raises:
        ValidationError: ``verify_qr_invalid`` when the text is not one of our payloads.
    """
    return parse_qr_payload_parts(text)[0]

"""The index tokens of a hazard: one definition (``hazard_tokens``), and the bulk variant agrees with it."""

from __future__ import annotations

import random

import pytest

from hazard_desktop.domain.search import TOKENIZER, HazardTokens, hazard_tokens, index_text

# Characters that test the joins: letters with case rules (final sigma, dotted I, sharp s), combining
# marks, separators of every kind, underscore (a separator for the index), digits, CJK, letters
# outside the Basic Multilingual Plane.
ALPHABET = list("aZ09_- ，。.'·:ΣσςΑİıßẞ\u0301\u0307é车间泄漏阀门𠀀𝐀") + ["  ", "--", "YH-", "2026"]

FIELDS = [
    ("YH-2026-0001", "合成一车间 P-101A 机封泄漏，地面有物料积存", "合成一车间一楼泵区", "P-101A"),
    ("YH-2026-123456", "", "", ""),
    ("", "", "", ""),
    ("-", "-", "-", "-"),
    ("YH-2026-", "x", "", "V-203"),
    ("ΑΣ-ΣΑ", "ΟΔΟΣ", "Σ", "Σ-"),
    ("YH-İ", "İstanbul", "ß", "ẞ-ẞ"),
    ("A_B-C_D", "a_b", "_", "__"),
    ("YH-2026-0001Σ", "e\u0301-\u0301x", "x-\u0307", "Σ\u0301"),
    ("no dash at all", "x", "y", "z"),
]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12)))


@pytest.mark.parametrize("fields", FIELDS)
def test_hazard_tokens_are_the_index_text_of_the_four_fields(fields):
    assert hazard_tokens(*fields) == index_text(*fields)


@pytest.mark.parametrize("fields", FIELDS)
def test_bulk_tokens_equal_hazard_tokens(fields):
    memo = HazardTokens()
    assert memo(*fields) == hazard_tokens(*fields)
    assert memo(*fields) == hazard_tokens(*fields)  # again, from what it remembered


def test_bulk_tokens_equal_hazard_tokens_for_random_texts():
    rng = random.Random(20260601)
    memo = HazardTokens(limit=50)  # small: also starts afresh several times
    for _ in range(5000):
        fields = tuple(_random_text(rng) for _ in range(4))
        assert memo(*fields) == hazard_tokens(*fields), fields


def test_the_tokenizer_names_the_unicode_version():
    import unicodedata

    assert TOKENIZER.endswith(unicodedata.unidata_version)

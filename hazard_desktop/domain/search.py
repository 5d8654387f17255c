"""Search tokens for Chinese text: overlapping 2-character tokens (bigrams).

Most Chinese search words have two characters, which trigram indexes cannot match. The register
indexes every bigram of its searchable text; a search word of two or more characters becomes the
phrase of its bigrams, a single character falls back to a substring scan.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import add

# Anything that is not a letter or digit separates words. (The index's FTS5 tokenizer, 'ascii', splits
# only at the spaces between these tokens: they contain no other ASCII separator.)
_SPLIT = re.compile(r"[\W_]+")


def _chunks(text: str) -> list[str]:
    return [chunk for chunk in _SPLIT.split(text.lower()) if chunk]


def bigrams(text: str) -> list[str]:
    """All overlapping 2-character tokens of each chunk of ``text``; a 1-character chunk is kept."""
    tokens: list[str] = []
    for chunk in _SPLIT.split(text.lower()):
        if len(chunk) > 1:
            tokens += map(add, chunk, chunk[1:])  # pairs of neighbours, built in C
        elif chunk:
            tokens.append(chunk)
    return tokens


@lru_cache(maxsize=4096)
def _chunk_tokens(chunk: str) -> str:
    # Descriptions are written from a few phrases: most chunks repeat (a bulk write of 100k hazards
    # finds ~80 % of them here), and a lookup is cheaper than building the pairs again.
    return " ".join(map(add, chunk, chunk[1:])) if len(chunk) > 1 else chunk


def index_text(*parts: str) -> str:
    """The space-separated token text stored in the full-text index for a record (= ``bigrams``)."""
    # One pass over the joined parts: the space between them separates chunks like any punctuation.
    return " ".join(map(_chunk_tokens, filter(None, _SPLIT.split(" ".join(parts).lower()))))


def hazard_tokens(
    number: str, description: str, location: str, equipment_tag: str, legacy_number: str = "", found_by_text: str = ""
) -> str:
    """The tokens of a hazard in the full-text index: written with the row, and named again to remove it.

    ``legacy_number``: an imported hazard's 原编号 (empty adds nothing, so the tokens of every other
    hazard are what they were before it existed); ``found_by_text``: its 发现人 as the old ledger wrote it
    (revision 0014; empty adds nothing either).

    The index keeps no copy of them (a contentless table, ``adapters/search_index.py``), so a row's
    tokens are always computed from its stored fields by this one function, for inserting and deleting.
    """
    if found_by_text:
        return index_text(number, description, location, equipment_tag, legacy_number, found_by_text)
    return index_text(number, description, location, equipment_tag, legacy_number)


#: What :func:`hazard_tokens` depends on: the rules of this module (count the number up when they
#: change) and the Unicode version of ``str.lower`` and ``\w``. Stored beside the index; an index
#: written under another value is rebuilt, since removing a row with tokens it was not written with
#: would leave stale ones behind.
TOKENIZER = f"bigrams-1 unicode-{unicodedata.unidata_version}"


class HazardTokens:
    """:func:`hazard_tokens` for many hazards (bulk writes, index rebuilds), with the same results.

    Descriptions, locations and tags repeat, so their tokens are remembered. A register number is
    unique, but what comes before its last ``-`` (``YH-2026``) repeats: that part's tokens are
    remembered, and the last part, one chunk, is paired directly. All this uses that the tokens of
    several parts are the tokens of each part, joined: a space or a ``-`` between them ends a chunk
    (and stops ``str.lower``'s one context rule, the final sigma). The tests compare the results.
    """

    def __init__(self, limit: int = 100_000) -> None:
        self._parts: dict[str, str] = {}
        self._limit = limit  # remembered texts before starting afresh

    def _part(self, text: str) -> str:
        tokens = self._parts.get(text)
        if tokens is None:
            if len(self._parts) >= self._limit:
                self._parts.clear()
            tokens = self._parts[text] = index_text(text)
        return tokens

    def _number(self, number: str) -> str:
        head, _, last = number.rpartition("-")
        last = last.lower()
        if not last.isalnum():  # not a single chunk (or empty): the general way
            return index_text(number)
        tokens = " ".join(map(add, last, last[1:])) if len(last) > 1 else last
        head_tokens = self._part(head)
        return f"{head_tokens} {tokens}" if head_tokens else tokens

    def __call__(
        self,
        number: str,
        description: str,
        location: str,
        equipment_tag: str,
        legacy_number: str = "",
        found_by_text: str = "",
    ) -> str:
        part = self._part
        parts: tuple[str, ...] = (self._number(number), part(description), part(location), part(equipment_tag))
        if legacy_number:
            parts += (index_text(legacy_number),)
        if found_by_text:
            parts += (index_text(found_by_text),)
        return " ".join(filter(None, parts))


def search_words(query: str) -> list[str]:
    """Split what the user typed into words (lower case); every word must match."""
    return _chunks(query)


def fts_phrase(word: str) -> str | None:
    """The FTS5 phrase matching ``word`` as a substring, or None if it needs a substring scan."""
    if len(word) < 2:
        return None
    return '"' + " ".join(word[i : i + 2] for i in range(len(word) - 1)) + '"'

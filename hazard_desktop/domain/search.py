"""Search tokens for Chinese text: overlapping 2-character tokens (bigrams).

Most Chinese search words have two characters, which trigram indexes cannot match. The register
indexes every bigram of its searchable text; a search word of two or more characters becomes the
phrase of its bigrams, a single character falls back to a substring scan.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import add

# Anything that is not a letter or digit separates words (the FTS5 unicode61 tokenizer agrees).
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


def search_words(query: str) -> list[str]:
    """Split what the user typed into words (lower case); every word must match."""
    return _chunks(query)


def fts_phrase(word: str) -> str | None:
    """The FTS5 phrase matching ``word`` as a substring, or None if it needs a substring scan."""
    if len(word) < 2:
        return None
    return '"' + " ".join(word[i : i + 2] for i in range(len(word) - 1)) + '"'

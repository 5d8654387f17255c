"""Drafts of forms kept on disk while the user types, so that a crash or a power cut loses no input.

A draft is a JSON-able ``dict`` plus named files (bytes, e.g. photos picked but not yet stored, copied so
that the draft survives the USB stick they came from). One draft per key: ``hazard-new`` for the new
hazard form, ``hazard-<uuid>`` for the edit form of one hazard.

The store (``adapters/drafts.py``) writes atomically (temporary file + ``os.replace``): after a crash a
key holds either its previous draft or its new one, never a torn mix. Its environmental failures are
``StorageError`` s with the codes ``draft_unreadable`` (params ``key``, ``detail``, and ``kept`` when a
damaged file was moved aside) and ``draft_write_failed`` (``key``, ``detail``).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

NEW_HAZARD_KEY = "hazard-new"
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def hazard_key(hazard_id: uuid.UUID | None) -> str:
    """The draft key of the hazard form: one for a new hazard, one per edited hazard."""
    return NEW_HAZARD_KEY if hazard_id is None else f"hazard-{hazard_id}"


def check_name(name: str) -> str:
    """Return ``name`` if it may be a draft key or file name (letters, digits, ``-``, ``_``).

    Raises:
        ValueError: anything else (a path, dots, empty).
    """
    if not isinstance(name, str) or not _KEY.fullmatch(name):
        raise ValueError(f"not a draft name: {name!r}")
    return name


@dataclass(frozen=True, slots=True)
class Draft:
    """A stored draft.

    Attributes:
        key: its key.
        saved_at: when it was written (aware UTC).
        data: the form's values as saved.
        files: the saved files by name.
        missing: names of files the draft lists but that could not be read back intact.
    """

    key: str
    saved_at: datetime
    data: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    missing: tuple[str, ...] = ()


class DraftStore(Protocol):
    """Where drafts are kept (``context.drafts``)."""

    def save(self, key: str, data: dict[str, Any], files: dict[str, bytes]) -> Draft:
        """Replace the draft of ``key`` atomically; files not named in ``files`` are dropped."""
        ...

    def load(self, key: str) -> Draft | None:
        """The draft of ``key``, or None if there is none."""
        ...

    def delete(self, key: str) -> None:
        """Remove the draft of ``key`` (nothing happens if there is none)."""
        ...

    def keys(self) -> list[str]:
        """The keys that have a draft, sorted."""
        ...

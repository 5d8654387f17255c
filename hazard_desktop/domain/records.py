"""Identity and time stamps shared by every record (laptops exchange data by UUID)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> uuid.UUID:
    """Return a fresh random UUID for a new record."""
    return uuid.uuid4()


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime, to the microsecond."""
    return datetime.now(UTC)

"""The one way a use case turns "not stored" into a NotFound with a stable code."""

from __future__ import annotations

from typing import Any, TypeVar

from hazard_desktop.domain.errors import NotFound

T = TypeVar("T")


def require(found: T | None, code: str, field: str | None = None, **params: Any) -> T:
    """Return ``found``, or raise ``NotFound(code, field, **params)`` when it is None."""
    if found is None:
        raise NotFound(code, field=field, **params)
    return found

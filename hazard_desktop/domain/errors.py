"""Domain errors carry a stable code and parameters; the UI turns codes into translated text."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain was broken by the request; nothing was changed.

    Args:
        code: stable machine-readable reason, e.g. ``"description_empty"``.
        field: the input field concerned, if any.
        params: values the message needs (limits, offending values).
    """

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code if not params else f"{code} {params}")
        self.code = code
        self.field = field
        self.params = params


class ValidationError(DomainError):
    """Input does not satisfy the rules (empty, too long, off-scale, ...)."""


class NotFound(DomainError):
    """A referenced record does not exist."""


class Conflict(DomainError):
    """The request collides with stored data (duplicate number, stale revision)."""


class InvalidTransition(DomainError):
    """A state change that the life cycle does not allow."""


class NotPermitted(DomainError):
    """The acting person may not do this (their department or roles, or the separation of duties)."""

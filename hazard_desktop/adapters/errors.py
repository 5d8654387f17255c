"""Environmental storage failures the user can act on (as opposed to programming errors)."""

from __future__ import annotations

from typing import Any


class StorageError(Exception):
    """The database cannot be used as asked: locked, read-only, full, newer than this program.

    Args:
        code: stable reason (``db_newer``, ``db_locked``, ``db_unreadable``, ``db_readonly``,
            ``disk_full``, ``migration_failed``); the UI translates it.
        params: values for the message (paths, revisions).
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code} {params}" if params else code)
        self.code = code
        self.params = params

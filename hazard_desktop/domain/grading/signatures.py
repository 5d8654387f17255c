"""A signature on a grading record: who entered a score or confirmed a grading, when and how (issue 14).

Standard library only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from hazard_desktop.domain.errors import ValidationError


class SignedVia(StrEnum):
    """How the person behind a signature proved who they were."""

    ACCOUNT = "account"  # signed in under their own account
    PIN = "pin"  # confirmed with their own PIN on someone else's session (the leader's laptop)
    SINGLE_USER = "single_user"  # the plant runs without accounts: nobody signed in ("未登录签名")


@dataclass(frozen=True, slots=True)
class Signature:
    """Who entered (or confirmed) something and when.

    ``account_id`` is None in single-user mode; ``name`` is the account's display name (the person's name)
    copied at the time, so the record survives renames.
    """

    account_id: uuid.UUID | None
    name: str
    at: datetime
    via: SignedVia

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValidationError("time_naive", field="at")
        if self.via is SignedVia.SINGLE_USER and self.account_id is not None:
            raise ValidationError("signature_single_user_account", field="account")
        if self.via is not SignedVia.SINGLE_USER and self.account_id is None:
            raise ValidationError("signature_needs_account", field="account")

    @property
    def single_user(self) -> bool:
        return self.via is SignedVia.SINGLE_USER

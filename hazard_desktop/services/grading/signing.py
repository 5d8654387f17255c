"""Signatures of the acting account on grading records (issue 14): who enters a score, who confirms.

The acting account is ``uow.actor`` (set by the composition root from the signed-in session). A member
confirming their entry on someone else's session gives their PIN; the accounts service verifies it (and counts
a wrong one toward the lock-out) — the PIN goes no further than that call.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hazard_desktop.domain.grading import Signature, SignedVia


@dataclass(frozen=True, slots=True)
class SignedEntry:
    """Who signs an entry: the person the signature proves (None in single-user mode) and the signature."""

    person_id: uuid.UUID | None
    signature: Signature


def _actor(uow: Any) -> Any:
    return getattr(uow, "actor", None)


def is_single_user(uow: Any) -> bool:
    actor = _actor(uow)
    return bool(actor is not None and actor.single_user)


def signs(uow: Any) -> bool:
    """True when the acting account signs what it does: a signed-in account, or single-user mode.

    The system actor (migrations, demo data, automatic jobs) signs nothing: its gradings keep the layout of
    the records before accounts.
    """
    actor = _actor(uow)
    return actor is not None and (actor.single_user or actor.account_id is not None)


def actor_signature(uow: Any, at: datetime) -> Signature:
    """The acting account's signature at ``at`` (single-user mode: no account, stamped so)."""
    actor = _actor(uow)
    if actor is None or actor.single_user or actor.account_id is None:
        return Signature(None, "" if actor is None else actor.name, at, SignedVia.SINGLE_USER)
    return Signature(actor.account_id, actor.name, at, SignedVia.ACCOUNT)


def optional_actor_signature(uow: Any, at: datetime) -> Signature | None:
    """:func:`actor_signature`, or None for the system actor (see :func:`signs`)."""
    return actor_signature(uow, at) if signs(uow) else None


def actor_person(uow: Any) -> uuid.UUID | None:
    actor = _actor(uow)
    return None if actor is None else actor.person_id


def entry_signature(uow: Any, person_id: uuid.UUID, pin: str | None, at: datetime) -> SignedEntry:
    """Who signs ``person_id``'s entry: the signed-in account, or ``person_id`` by their own PIN.

    A PIN is verified by the accounts service in its own transaction, so a wrong one is counted toward the
    account's lock-out even though the entry is refused.
    """
    if pin is not None and not is_single_user(uow):
        verified = verify_pin(uow, person_id, pin, at)
        return SignedEntry(verified.person_id, Signature(verified.account_id, verified.name, at, SignedVia.PIN))
    signature = actor_signature(uow, at)
    return SignedEntry(None if signature.single_user else actor_person(uow), signature)


def verify_pin(uow: Any, person_id: uuid.UUID, pin: str, at: datetime) -> Any:
    """The Actor of ``person_id``'s account once ``pin`` is verified (accounts service, r14c)."""
    from hazard_desktop.services import accounts

    return accounts.verify_person_pin(uow, person_id, pin, at=at)

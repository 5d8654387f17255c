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

from hazard_desktop.domain.accounts import Role, require_roles
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading import Signature, SignedVia
from hazard_desktop.services.ports import SecretHasher

SCORING_ROLES = frozenset({Role.PANEL_MEMBER, Role.PANEL_LEADER, Role.DISPUTE_CHAIR})
"""Who may enter their own score or vote (use case ``grading.enter_own_score``)."""


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


def entry_signature(
    uow: Any, person_id: uuid.UUID, pin: str | None, hasher: SecretHasher | None, at: datetime
) -> SignedEntry:
    """Who signs ``person_id``'s entry: the signed-in account, or ``person_id`` by their own PIN.

    Call inside the open unit of work before anything is written: the accounts service checks the PIN and, on
    a wrong one, commits the failure count (toward the lock-out) before it raises.

    Raises:
        CredentialRefused: ``credential_wrong``, ``account_locked``, ``no_account``, ``account_inactive``.
        ValidationError: ``pin_unavailable`` (no hasher to check a PIN with).
    """
    if pin is not None and not is_single_user(uow):
        if hasher is None:
            raise ValidationError("pin_unavailable", field="pin")
        from hazard_desktop.services.accounts import verify_person_credential

        verified = verify_person_credential(uow, hasher, person_id, pin, at=at)
        # the member confirming with a PIN must hold a scoring role themself (a 只读 observer does not score)
        require_roles(verified, "grading.enter_own_score", SCORING_ROLES)
        return SignedEntry(verified.person_id, Signature(verified.account_id, verified.name, at, SignedVia.PIN))
    signature = actor_signature(uow, at)
    return SignedEntry(None if signature.single_user else actor_person(uow), signature)

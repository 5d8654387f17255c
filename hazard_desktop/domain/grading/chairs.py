"""The dispute panel's 组长 and 副组长 (rule §7 names them as persons), versioned with an effective date.

The plant names the two persons in its settings; a new version takes effect on its date, so a ruling
is checked against the persons named on the day it is made, and earlier rulings keep theirs.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading.panels import PanelRole, Seated

SETTING_KEY = "dispute_chairs"


@dataclass(frozen=True, slots=True)
class DisputeChairs:
    """From ``effective_from`` on, ``leader_id`` chairs the dispute panel (组长) and ``deputy_id`` deputises."""

    effective_from: date
    leader_id: uuid.UUID
    leader_name: str
    deputy_id: uuid.UUID
    deputy_name: str


def name_chairs(
    effective_from: date, leader_id: uuid.UUID, leader_name: str, deputy_id: uuid.UUID, deputy_name: str
) -> DisputeChairs:
    """A new version of the chairs.

    Raises:
        ValidationError: ``chairs_same_person``.
    """
    if leader_id == deputy_id:
        raise ValidationError("chairs_same_person", field="deputy")
    return DisputeChairs(effective_from, leader_id, leader_name.strip(), deputy_id, deputy_name.strip())


def with_version(versions: Iterable[DisputeChairs], new: DisputeChairs) -> tuple[DisputeChairs, ...]:
    """``versions`` plus ``new``, oldest first; a version with the same date is replaced."""
    kept = [v for v in versions if v.effective_from != new.effective_from]
    return tuple(sorted([*kept, new], key=lambda v: v.effective_from))


def chairs_in_force(versions: Iterable[DisputeChairs], on: date) -> DisputeChairs | None:
    """The version in force on ``on`` (the latest that took effect by then), or None."""
    due = [v for v in versions if v.effective_from <= on]
    return max(due, key=lambda v: v.effective_from) if due else None


def require_chairs(versions: Iterable[DisputeChairs], on: date, seats: Sequence[Seated]) -> DisputeChairs:
    """The panel's 组长 and 副组长 are the persons the settings name for ``on``.

    Raises:
        ValidationError: ``dispute_chairs_missing`` (param ``on``), ``dispute_leader_not_named`` /
            ``dispute_deputy_not_named`` (param ``name``: the person the settings name).
    """
    chairs = chairs_in_force(versions, on)
    if chairs is None:
        raise ValidationError("dispute_chairs_missing", field="leader", on=on.isoformat())
    for role, person_id, name, code, field in (
        (PanelRole.LEADER, chairs.leader_id, chairs.leader_name, "dispute_leader_not_named", "leader"),
        (PanelRole.DEPUTY, chairs.deputy_id, chairs.deputy_name, "dispute_deputy_not_named", "deputy"),
    ):
        seated = {s.person_id for s in seats if s.role is role}
        if seated and seated != {person_id}:
            raise ValidationError(code, field=field, name=name)
    return chairs


def dumps(versions: Iterable[DisputeChairs]) -> str:
    """The settings value (JSON) of ``versions``."""
    return json.dumps(
        [
            {
                "effective_from": v.effective_from.isoformat(),
                "leader_id": str(v.leader_id),
                "leader_name": v.leader_name,
                "deputy_id": str(v.deputy_id),
                "deputy_name": v.deputy_name,
            }
            for v in sorted(versions, key=lambda v: v.effective_from)
        ],
        ensure_ascii=False,
    )


def loads(value: str | None) -> tuple[DisputeChairs, ...]:
    """The versions stored in the settings value; an absent or unreadable value names nobody."""
    if not value:
        return ()
    try:
        items = json.loads(value)
        return tuple(
            sorted(
                (
                    DisputeChairs(
                        date.fromisoformat(item["effective_from"]),
                        uuid.UUID(item["leader_id"]),
                        str(item["leader_name"]),
                        uuid.UUID(item["deputy_id"]),
                        str(item["deputy_name"]),
                    )
                    for item in items
                ),
                key=lambda v: v.effective_from,
            )
        )
    except (ValueError, KeyError, TypeError):
        return ()

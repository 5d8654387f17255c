"""The dispute panel's 组长 and 副组长 in the settings (rule §7 names them), versioned by effective date."""

from __future__ import annotations

import uuid
from datetime import date

from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.grading import chairs as chair_rules
from hazard_desktop.domain.grading.chairs import DisputeChairs
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.grading.lookups import _leader, _tables
from hazard_desktop.services.ports import UnitOfWork


@use_case("disputes.chairs", *EVERYONE)
def dispute_chairs(uow: UnitOfWork) -> tuple[DisputeChairs, ...]:
    """Every version named so far, oldest first (empty: nobody named yet)."""
    with uow:
        return chair_rules.loads(uow.settings.get(chair_rules.SETTING_KEY))


@use_case("disputes.name_chairs", Role.SAFETY_ADMIN)
def name_dispute_chairs(
    uow: UnitOfWork, effective_from: date, leader_id: uuid.UUID, deputy_id: uuid.UUID
) -> DisputeChairs:
    """Name the 组长 and 副组长 from ``effective_from`` on (a version of the same date is replaced).

    Raises:
        ValidationError: ``chairs_same_person``, ``leader_empty``, ``person_inactive``.
        NotFound: ``leader_unknown``.
    """
    with uow:
        tables = _tables(uow)
        leader = _leader(tables, leader_id)
        deputy = _leader(tables, deputy_id)
        version = chair_rules.name_chairs(effective_from, leader.id, leader.name, deputy.id, deputy.name)
        versions = chair_rules.loads(uow.settings.get(chair_rules.SETTING_KEY))
        uow.settings.set(chair_rules.SETTING_KEY, chair_rules.dumps(chair_rules.with_version(versions, version)))
        uow.commit()
    return version

"""The dispute panel's 组长 / 副组长 are named persons, versioned by effective date (rule §7)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading import PanelRole
from hazard_desktop.domain.grading import chairs as c
from hazard_desktop.domain.reference import DepartmentKind

XIAO, LIU, CHEN = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


@dataclass(frozen=True)
class Seat:
    person_id: uuid.UUID
    role: PanelRole
    department_id: uuid.UUID = uuid.UUID(int=1)
    department_kind: DepartmentKind = DepartmentKind.SAFETY


V1 = c.name_chairs(date(2024, 1, 1), XIAO, "肖才根", LIU, "刘家华")
V2 = c.name_chairs(date(2026, 7, 1), CHEN, "陈建国", LIU, "刘家华")


def test_the_version_in_force_is_the_latest_that_took_effect():
    versions = c.with_version([V2], V1)
    assert versions == (V1, V2)
    assert c.chairs_in_force(versions, date(2023, 12, 31)) is None
    assert c.chairs_in_force(versions, date(2026, 6, 30)) == V1
    assert c.chairs_in_force(versions, date(2026, 7, 1)) == V2
    assert c.loads(c.dumps(versions)) == versions
    assert c.loads("not json") == () and c.loads(None) == ()


def test_a_panel_needs_the_named_persons_and_refuses_naming_what_is_missing():
    seats = [Seat(XIAO, PanelRole.LEADER), Seat(LIU, PanelRole.DEPUTY)]
    assert c.require_chairs([V1], date(2025, 1, 1), seats) == V1
    with pytest.raises(ValidationError) as err:
        c.require_chairs([V1], date(2023, 1, 1), seats)
    assert (err.value.code, err.value.params["on"]) == ("dispute_chairs_missing", "2023-01-01")
    with pytest.raises(ValidationError) as err:
        c.require_chairs([V1, V2], date(2026, 8, 1), seats)
    assert (err.value.code, err.value.params["name"]) == ("dispute_leader_not_named", "陈建国")
    with pytest.raises(ValidationError) as err:
        c.require_chairs([V1], date(2025, 1, 1), [Seat(XIAO, PanelRole.LEADER), Seat(CHEN, PanelRole.DEPUTY)])
    assert (err.value.code, err.value.params["name"]) == ("dispute_deputy_not_named", "刘家华")
    with pytest.raises(ValidationError) as err:
        c.name_chairs(date(2025, 1, 1), XIAO, "肖才根", XIAO, "肖才根")
    assert err.value.code == "chairs_same_person"

"""Who is shown with their employee number: a person who shares name and department with another."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from hazard_desktop.domain.reference import Person, namesake_numbers, printed_name

NOW = datetime(2026, 3, 1, tzinfo=UTC)
SCB, AHB = uuid.uuid4(), uuid.uuid4()


def someone(name: str, department: uuid.UUID, number: str = "", *, active: bool = True) -> Person:
    return Person(uuid.uuid4(), name, department, frozenset(), active, NOW, NOW, number)


def test_only_namesakes_of_one_department_get_their_number() -> None:
    first, second = someone("周永明", SCB, "E0012"), someone("周永明", SCB, "E0099")
    elsewhere = someone("周永明", AHB, "E0100")  # another department: the department tells them apart
    alone = someone("陈建国", AHB, "E0001")
    numbers = namesake_numbers([first, second, elsewhere, alone])
    assert numbers == {first.id: "E0012", second.id: "E0099"}


def test_an_inactive_namesake_counts_and_names_compare_as_the_rule_compares_them() -> None:
    retired = someone("Li Na", SCB, "E0002", active=False)
    current = someone(" li  na ", SCB, "E0003")  # same person_key: spaces and case do not make another name
    assert namesake_numbers([retired, current]) == {retired.id: "E0002", current.id: "E0003"}


def test_a_namesake_without_a_number_is_shown_by_name() -> None:
    numbered, bare = someone("周永明", SCB, "E0099"), someone("周永明", SCB)
    assert namesake_numbers([numbered, bare]) == {numbered.id: "E0099"}


def test_printed_name_adds_the_number_in_full_width_brackets_only_when_there_is_one() -> None:
    assert printed_name("周永明", "E0099") == "周永明（E0099）"
    assert printed_name("周永明", None) == printed_name("周永明", "") == "周永明"

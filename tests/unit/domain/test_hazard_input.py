"""``input_problems``: every broken rule of a hazard's input at once, the first being validate_input's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.hazards import DESCRIPTION_MAX, HazardInput, input_problems, validate_input

NOW = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
GOOD = HazardInput("法兰泄漏", "二号罐区", uuid.uuid4(), "4.5", None, uuid.uuid4(), NOW, "")


def codes(data: HazardInput) -> list[str]:
    return [p.code for p in input_problems(data, NOW)]


def test_a_good_input_has_no_problem() -> None:
    assert codes(GOOD) == []


def test_an_empty_form_reports_every_required_field() -> None:
    empty = HazardInput("  ", "", None, "", None, None, NOW.replace(tzinfo=None), "")
    assert codes(empty) == [
        "description_empty",
        "location_empty",
        "department_empty",
        "category_empty",
        "found_by_empty",
        "found_at_naive",
    ]
    assert [p.field for p in input_problems(empty, NOW)][:2] == ["description", "location"]


@pytest.mark.parametrize(
    "changes",
    [
        {"description": "x" * (DESCRIPTION_MAX + 1), "found_by_id": None},
        {"location": "", "category_code": ""},
        {"department_id": None, "found_at": NOW + timedelta(days=3)},
        {"equipment_tag": "T" * 500},
    ],
)
def test_the_first_problem_is_the_one_validate_input_raises(changes: dict) -> None:
    from dataclasses import replace

    data = replace(GOOD, **changes)
    problems = input_problems(data, NOW)
    assert len(problems) >= 1
    with pytest.raises(ValidationError) as raised:
        validate_input(data, NOW)
    assert raised.value.code == problems[0].code

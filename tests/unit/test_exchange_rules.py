"""The exchange's pure rules (issue 15): number slots, short codes, which kinds travel which way."""

from __future__ import annotations

import pytest

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.exchange import (
    KINDS_BY_NAME,
    OFFICE_OVERFLOW_START,
    RECORD_KINDS,
    Role,
    check_short_code,
    first_free_slot,
    next_sequence,
    sends,
    slot_range,
)
from hazard_desktop.domain.hazards import NUMBER_PATTERN, format_number


def test_an_office_without_laptops_numbers_as_it_always_did():
    assert [next_sequence(0, n) for n in (0, 1, 9998, 9999, 10000)] == [1, 2, 9999, 10000, 10001]


def test_an_office_with_laptops_jumps_over_their_ranges():
    assert next_sequence(0, 41, reserved_from=10001) == 42
    assert next_sequence(0, 9999, reserved_from=10001) == 10000  # below the first laptop's range
    assert next_sequence(0, 10000, reserved_from=10001) == OFFICE_OVERFLOW_START
    assert next_sequence(0, OFFICE_OVERFLOW_START, reserved_from=10001) == OFFICE_OVERFLOW_START + 1


def test_a_laptop_numbers_within_its_slot_and_is_refused_past_it():
    assert slot_range(3) == (30001, 39999)
    assert [next_sequence(3, n) for n in (0, 30001, 39998)] == [30001, 30002, 39999]
    with pytest.raises(DomainError) as info:
        next_sequence(3, 39999)
    assert info.value.code == "numbers_exhausted"
    with pytest.raises(DomainError):
        slot_range(50)


def test_every_slot_gives_numbers_the_register_reads_and_sorts_by_value():
    for slot in (0, 1, 49):
        first, last = slot_range(slot)
        for sequence in (first, last):
            assert NUMBER_PATTERN.match(format_number(2026, sequence))
    assert NUMBER_PATTERN.match(format_number(2026, OFFICE_OVERFLOW_START))
    assert NUMBER_PATTERN.match(format_number(2026, 999_999))


def test_free_slots_lie_above_every_number_the_office_gave():
    assert first_free_slot(set(), 120) == 1
    assert first_free_slot({1, 2}, 120) == 3
    assert first_free_slot(set(), 12_345) == 2  # a plant that numbered past 10,000 alone
    assert first_free_slot(set(range(1, 50)), 0) is None


@pytest.mark.parametrize(("text", "code"), [(" a3 ", "A3"), ("HQ-1", "HQ-1"), ("12345678", "12345678")])
def test_short_codes_are_trimmed_and_upper_cased(text, code):
    assert check_short_code(text) == code


@pytest.mark.parametrize("text", ["", "   ", "123456789", "A 3", "甲3", "A/3", "../"])
def test_bad_short_codes_are_refused(text):
    with pytest.raises(DomainError) as info:
        check_short_code(text)
    assert info.value.code == "short_code_invalid"


def test_record_kinds_are_unique_and_travel_as_the_issue_says():
    assert len(KINDS_BY_NAME) == len(RECORD_KINDS) == len({k.table for k in RECORD_KINDS})
    up = {k.name for k in RECORD_KINDS if sends(k, Role.FIELD)}
    down = {k.name for k in RECORD_KINDS if sends(k, Role.OFFICE)}
    assert {"hazard", "hazard_photo", "inspection", "inspection_answer", "acceptance", "rectification_note"} <= up
    assert {"department", "grading", "dispute", "rectification_assignment", "checklist_item"} <= down
    assert not {"grading", "department", "rectification_assignment"} & up  # read-only on laptops
    assert not {"inspection", "inspection_answer"} & down
    assert KINDS_BY_NAME["inspection"].stays_when == ("state", "draft")  # drafts never travel
    for kind in RECORD_KINDS:
        assert kind.parent is None or kind.parent[1] in KINDS_BY_NAME
    assert KINDS_BY_NAME["grading"].stays_when == ("confirmed_at", None)  # nor draft gradings
    assert KINDS_BY_NAME["grading_score"].parent == ("grading_id", "grading")

"""Rule §5: a general (LEC) grading rests on the §5.1 major-hazard check, recorded with it (domain rules)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading import (
    CHECK_RECORD_VERSION,
    PANEL_RECORD_VERSION,
    CheckBasis,
    canonical_record,
    criteria_version,
    grade_dispute,
    record_check,
)
from hazard_desktop.domain.verification import record_digest
from tests.unit.domain.lec_fixtures import T0, no_criterion_matched
from tests.unit.domain.test_grading import (
    _DISPUTED,
    SCALES,
    UPPER,
    K,
    confirmed,
    criterion,
    dispute_panel,
    lec_grading,
    open_dispute,
)


def test_the_list_version_names_the_criteria_in_force_whatever_their_order():
    items = [criterion("4.4.1"), criterion("4.4.2"), criterion("121-3")]
    version = criteria_version(items)
    assert version == criteria_version(reversed(items))
    assert version.items == 3 and version.newest == T0 and len(version.digest) == 64
    assert version.short == version.digest[:8]
    # a retired item is no longer in the list: another version
    retired = [*items, criterion("4.4.9", retired=True)]
    assert criteria_version(retired) == version
    assert criteria_version(items[:2]) != version
    assert criteria_version([]).items == 0 and criteria_version([]).newest is None


def test_the_list_version_at_a_past_time_counts_what_was_in_force_then():
    old = dataclasses.replace(criterion("4.4.1"), retired_at=T0 + timedelta(days=10))
    new = dataclasses.replace(criterion("4.4.1"), created_at=T0 + timedelta(days=10))
    then = criteria_version([old, new], at=T0 + timedelta(days=5))
    assert then == criteria_version([dataclasses.replace(old, retired_at=None)])  # the list as it read that day
    assert criteria_version([old, new], at=T0 + timedelta(days=11)) == criteria_version([new])
    assert then != criteria_version([old, new])


def test_a_lec_grading_without_the_check_is_refused():
    with pytest.raises(ValidationError) as info:
        lec_grading(check=None)
    assert info.value.code == "major_check_missing"


def test_a_check_made_after_the_grading_is_refused():
    with pytest.raises(ValidationError) as info:
        lec_grading(at=T0, check=no_criterion_matched(T0 + timedelta(minutes=1)))
    assert info.value.code == "major_check_after_grading"


def test_a_check_needs_an_aware_time_and_a_name():
    version = criteria_version([criterion()])
    with pytest.raises(ValidationError) as info:
        record_check(CheckBasis.CHECK, version, T0.replace(tzinfo=None), "王组长")
    assert info.value.code == "time_naive"
    with pytest.raises(ValidationError) as info:
        record_check(CheckBasis.CHECK, version, T0, " ")
    assert info.value.code == "checked_by_empty"


def test_the_lec_grading_carries_its_check_and_shows_it():
    check = no_criterion_matched(T0 - timedelta(hours=1))
    grading = lec_grading(check=check)
    assert grading.major_check == check and grading.check_recorded
    # a grading stored before the check was recorded: "not recorded", never assumed done
    assert not dataclasses.replace(grading, major_check=None).check_recorded


def test_a_dispute_ruling_by_lec_needs_the_panels_vote_as_its_check():
    _, dispute = open_dispute()
    common = {
        "disputed": _DISPUTED[dispute.id],
        "raising_kind": K.WORKSHOP,
        "scores": dispute_panel(),
        "scales": SCALES,
        "threshold_set": UPPER,
        "graded_on": date(2026, 3, 10),
        "at": T0 + timedelta(days=8),
    }
    with pytest.raises(ValidationError) as info:
        grade_dispute(dispute, **common)
    assert info.value.code == "major_check_missing"
    check = no_criterion_matched(T0 + timedelta(days=8), basis="dispute", by="组长甲")
    assert grade_dispute(dispute, **common, check=check).major_check == check


def test_the_record_adds_the_check_as_layout_5_and_older_layouts_keep_their_digest():
    grading = confirmed(lec_grading())
    record = canonical_record(grading)
    assert record["version"] == CHECK_RECORD_VERSION > PANEL_RECORD_VERSION
    assert record["major_check"] == {
        "basis": "check",
        "criteria_digest": grading.major_check.criteria.digest,
        "criteria_items": 26,
        "criteria_newest": "2026-01-01T00:00:00.000000Z",
        "checked_at": "2026-01-05T08:00:00.000000Z",
        "checked_by": "王组长",
    }
    unchecked = dataclasses.replace(grading, major_check=None)  # stored before 0016
    older = canonical_record(unchecked)
    assert "major_check" not in older and older["version"] == 1
    assert {k: v for k, v in record.items() if k not in ("version", "major_check")} == {
        k: v for k, v in older.items() if k != "version"
    }
    # the check is certified: another version of the list gives another verify digest
    other = dataclasses.replace(
        grading.major_check, criteria=dataclasses.replace(grading.major_check.criteria, items=27)
    )
    assert record_digest(canonical_record(dataclasses.replace(grading, major_check=other))) != record_digest(record)

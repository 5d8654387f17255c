"""Every repository stores and returns equal domain objects."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, PhotoInfo
from hazard_desktop.domain.lec import Band, EdgeRule, Factor, ScaleValue, ThresholdSet
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Category, Department, DepartmentKind, Person, Role, Subcategory
from hazard_desktop.services.ports import PhotoKind, ProcessedImage


def test_department_and_person_round_trip(context):
    now = utcnow()
    department = Department(new_id(), "QA", "质量部二", DepartmentKind.OTHER, True, now, now)
    person = Person(
        new_id(), "李四", department.id, frozenset({Role.PANEL_MEMBER, Role.INSPECTOR}), True, now, now, "E77"
    )
    with context.uow() as uow:
        uow.reference.save_department(department)
        uow.reference.save_person(person)
        uow.commit()
    with context.uow() as uow:
        assert uow.reference.get_department(department.id) == department
        assert uow.reference.get_person(person.id) == person
        inactive = dataclasses.replace(person, active=False, updated_at=utcnow())
        uow.reference.save_person(inactive)
        uow.commit()
    with context.uow() as uow:
        assert person.id not in {p.id for p in uow.reference.people()}
        assert uow.reference.get_person(person.id) == inactive


def test_category_round_trip_keeps_subcategories_in_order(context):
    subcategories = (Subcategory("9.1.1", "9.1", "甲", "A", 1), Subcategory("9.1.2", "9.1", "乙", "B", 2))
    category = Category("9.1", "测试类", "Test", 99, subcategories)
    with context.uow() as uow:
        uow.reference.save_category(category)
        uow.commit()
    with context.uow() as uow:
        stored = next(c for c in uow.reference.categories() if c.code == "9.1")
    assert stored == category


def test_scale_values_and_threshold_sets_round_trip_exactly(context):
    now = utcnow()
    bands = (
        Band("hi", 1, "高", "High", "停", "Stop", "#FF0000", Decimal("100.5"), None),
        Band("lo", 2, "低", "Low", "可", "OK", "#00FF00", None, Decimal("100.5")),
    )
    threshold_set = ThresholdSet(new_id(), "试行", date(2027, 1, 1), EdgeRule.LOWER_INCLUSIVE, bands, now, now)
    value = ScaleValue(Factor.L, Decimal("0.2"), "极不可能（改）", "Extremely unlikely (edited)")
    with context.uow() as uow:
        uow.lec.add_threshold_set(threshold_set)
        uow.lec.save_scale_value(value)
        uow.commit()
    with context.uow() as uow:
        assert uow.lec.get_threshold_set(threshold_set.id) == threshold_set
        assert threshold_set in uow.lec.threshold_sets()
        assert value in uow.lec.scale_values()
        assert len([v for v in uow.lec.scale_values() if v.factor is Factor.L]) == 7


def test_criteria_are_versioned_not_overwritten(context):
    with context.uow() as uow:
        original = uow.criteria.all()[0]
        now = utcnow()
        revised = MajorCriterion(
            new_id(),
            original.code,
            original.text + "（修订）",
            original.source,
            original.clause,
            original.category_code,
            original.version + 1,
            original.id,
            None,
            now,
            now,
        )
        uow.criteria.add(revised)
        uow.criteria.retire(original.id, now)
        uow.commit()
    with context.uow() as uow:
        active_ids = {c.id for c in uow.criteria.all()}
        assert revised.id in active_ids and original.id not in active_ids
        old = uow.criteria.get(original.id)
        assert old is not None and old.text == original.text and not old.active
        assert uow.criteria.get(revised.id) == revised
        assert CriteriaSource.NATIONAL_121 in {c.source for c in uow.criteria.all()}


def test_settings_round_trip(context):
    with context.uow() as uow:
        uow.settings.set("plant_name", "江南化工有限公司")
        uow.commit()
    with context.uow() as uow:
        assert uow.settings.get("plant_name") == "江南化工有限公司"
        assert uow.settings.get("missing") is None


def test_hazard_and_photo_round_trip(context, inspector):
    now = utcnow()
    with context.uow() as uow:
        department = uow.reference.departments()[0]
        hazard = Hazard(
            id=new_id(),
            number="YH-2026-0042",
            description="罐区 T-305 高液位报警未投用",
            location="罐区",
            equipment_tag="T-305",
            department_id=department.id,
            category_code="4.6",
            subcategory_code="4.6.5",
            found_by_id=inspector.id,
            found_at=datetime(2026, 5, 1, 8, 0, tzinfo=UTC),
            status=HazardStatus.OPEN,
            grade=HazardGrade.UNGRADED,
            revision=1,
            created_at=now,
            updated_at=now,
        )
        uow.hazards.add(hazard)
        photo = PhotoInfo(new_id(), hazard.id, 1, "a.jpg", "ab" * 32, 1234, 640, 480, now, now)
        uow.hazards.add_photo(photo, ProcessedImage("ab" * 32, 1234, 640, 480, b"display", b"thumb"))
        uow.commit()
    with context.uow() as uow:
        stored = uow.hazards.get(hazard.id)
        assert stored == dataclasses.replace(hazard, photos=(photo,))
        assert uow.hazards.get_by_number("YH-2026-0042") == stored
        assert uow.hazards.photo_bytes(photo.id, PhotoKind.THUMB) == b"thumb"
        assert uow.hazards.photo_bytes(photo.id, PhotoKind.DISPLAY) == b"display"
        uow.hazards.remove_photo(photo.id)
        uow.commit()
    with context.uow() as uow:
        assert uow.hazards.get(hazard.id).photos == ()  # type: ignore[union-attr]
        assert uow.hazards.photo_bytes(photo.id, PhotoKind.THUMB) is None


def test_number_sequence_never_goes_back(context):
    with context.uow() as uow:
        assert uow.hazards.next_sequence(2026) == 1
        assert uow.hazards.next_sequence(2026) == 2
        uow.hazards.note_number(2026, 1)
        assert uow.hazards.next_sequence(2026) == 3
        uow.hazards.note_number(2026, 10)
        assert uow.hazards.next_sequence(2026) == 11
        assert uow.hazards.next_sequence(2027) == 1
        uow.commit()

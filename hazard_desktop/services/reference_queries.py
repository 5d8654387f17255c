"""Read-only queries the screens need: reference lists in one transaction, plant name, a hazard's details.

The UI reads through these functions (and the use cases' own queries), never through a repository.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hazard_desktop.domain.accounts import EVERYONE
from hazard_desktop.domain.errors import NotFound
from hazard_desktop.domain.lec import ScaleValue, ThresholdSet
from hazard_desktop.domain.reference import Category, Department, Person, Subcategory, namesake_numbers
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.ports import UnitOfWork

if TYPE_CHECKING:  # the criteria load with the first screen that shows them, not at the window's start
    from hazard_desktop.domain.criteria import MajorCriterion
    from hazard_desktop.domain.hazards import Hazard


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """The lists a hazard form or filter chooses from (active records only unless asked)."""

    departments: tuple[Department, ...]
    people: tuple[Person, ...]
    categories: tuple[Category, ...]

    def department(self, department_id: uuid.UUID | None) -> Department | None:
        """The department with ``department_id`` or None."""
        return next((d for d in self.departments if d.id == department_id), None)

    def person(self, person_id: uuid.UUID | None) -> Person | None:
        """The person with ``person_id`` or None."""
        return next((p for p in self.people if p.id == person_id), None)

    def category(self, code: str | None) -> Category | None:
        """The category with ``code`` or None."""
        return next((c for c in self.categories if c.code == code), None)


@dataclass(frozen=True, slots=True)
class HazardDetails:
    """A hazard with the names of what it refers to, for display."""

    hazard: Hazard
    department: Department | None
    found_by: Person | None
    category: Category | None
    subcategory: Subcategory | None
    found_by_number: str = ""  # the finder's 工号 when a namesake in their department needs it to tell them apart


@use_case("reference.load_reference", *EVERYONE)
def load_reference(uow: UnitOfWork, *, include_inactive: bool = False) -> ReferenceData:
    """Departments, people and categories, read in one transaction."""
    with uow:
        return ReferenceData(
            departments=tuple(uow.reference.departments(include_inactive=include_inactive)),
            people=tuple(uow.reference.people(include_inactive=include_inactive)),
            categories=tuple(sorted(uow.reference.categories(), key=lambda c: (c.sort_order, c.code))),
        )


DECIMALS_MIN = 0
DECIMALS_MAX = 4
DEFAULT_DECIMALS = 2
SETTING_DECIMALS = "decimals"


def shown_decimals(stored: str | None) -> int:
    """The decimals shown for a mean D from the stored setting: the default when unset or unreadable, within
    the allowed range."""
    try:
        decimals = int(stored) if stored is not None else DEFAULT_DECIMALS
    except ValueError:
        decimals = DEFAULT_DECIMALS
    return min(max(decimals, DECIMALS_MIN), DECIMALS_MAX)


@use_case("reference.register_display", *EVERYONE)
def register_display(uow: UnitOfWork) -> tuple[list[ThresholdSet], int]:
    """The stored D.4 sets and the decimals shown for a mean D, in one transaction: what the register's band and
    mean columns need (the settings' use cases stay in ``reference_admin``, loaded when settings are opened)."""
    with uow:
        return uow.lec.threshold_sets(), shown_decimals(uow.settings.get(SETTING_DECIMALS))


@use_case("reference.categories", *EVERYONE)
def categories(uow: UnitOfWork) -> list[Category]:
    """The hazard categories (with their subcategories) as stored."""
    with uow:
        return uow.reference.categories()


@use_case("reference.categories_and_criteria", *EVERYONE)
def categories_and_criteria(
    uow: UnitOfWork, *, include_retired: bool = False
) -> tuple[list[Category], list[MajorCriterion]]:
    """The categories and the major-hazard criteria (in force, or every version), in one transaction."""
    with uow:
        return uow.reference.categories(), uow.criteria.all(include_retired=include_retired)


@use_case("reference.criteria_in_force", *EVERYONE)
def criteria_in_force(uow: UnitOfWork) -> list[MajorCriterion]:
    """The major-hazard criteria in force (company and 121号)."""
    with uow:
        return uow.criteria.all()


@use_case("reference.departments_and_people", *EVERYONE)
def departments_and_people(uow: UnitOfWork) -> tuple[list[Department], list[Person]]:
    """The active departments and people, in one transaction."""
    with uow:
        return uow.reference.departments(), uow.reference.people()


@use_case("reference.lec_tables", *EVERYONE)
def lec_tables(uow: UnitOfWork) -> tuple[list[ScaleValue], list[ThresholdSet]]:
    """The LEC scale values and every threshold set, in one transaction."""
    with uow:
        return uow.lec.scale_values(), uow.lec.threshold_sets()


@use_case("reference.hazard_number", *EVERYONE)
def hazard_number(uow: UnitOfWork, hazard_id: uuid.UUID) -> str:
    """The register number of a hazard, or "" if it no longer exists."""
    with uow:
        hazard = uow.hazards.get(hazard_id)
        return hazard.number if hazard is not None else ""


@use_case("reference.plant_name", *EVERYONE)
def plant_name(uow: UnitOfWork) -> str:
    """The plant's name from the settings (empty if not set)."""
    with uow:
        return uow.settings.get("plant_name") or ""


@use_case("reference.hazard_details", *EVERYONE)
def hazard_details(uow: UnitOfWork, hazard_id: uuid.UUID) -> HazardDetails:
    """Load one hazard with its department, finder and category records.

    Raises:
        NotFound: ``hazard_unknown``.
    """
    with uow:
        hazard = uow.hazards.get(hazard_id)
        if hazard is None:
            raise NotFound("hazard_unknown", value=str(hazard_id))
        category = next((c for c in uow.reference.categories() if c.code == hazard.category_code), None)
        numbers = namesake_numbers(uow.reference.people(include_inactive=True))
        return HazardDetails(
            hazard=hazard,
            department=uow.reference.get_department(hazard.department_id),
            found_by=uow.reference.get_person(hazard.found_by_id),
            found_by_number=numbers.get(hazard.found_by_id, ""),
            category=category,
            subcategory=(
                category.subcategory(hazard.subcategory_code) if category and hazard.subcategory_code else None
            ),
        )


@use_case("reference.criteria_coverage", *EVERYONE)
def criteria_coverage(uow: UnitOfWork) -> tuple[int, int, int, int]:
    """(items entered, items the rule's list has, of them the company's own, of them 121号's): the active
    major-hazard criteria against §5.1's 30 — the 30 are the company's own items and the national list's."""
    from hazard_desktop.domain.criteria import RULE_LIST_SIZE, CriteriaSource

    with uow:
        active = [c for c in uow.criteria.all() if c.active]
    company = sum(1 for c in active if c.source is CriteriaSource.COMPANY)
    national = sum(1 for c in active if c.source is CriteriaSource.NATIONAL_121)
    return len(active), RULE_LIST_SIZE, company, national

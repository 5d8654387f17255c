"""Demo data: a realistic register so that a newcomer sees a working program.

Reference data comes from the normal seed; people and hazards from ``demo_content``; hazards are
written in bulk (the same path a ledger import will use), a few get photos through the normal use case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from hazard_desktop.domain.accounts import Role as AccountRole
from hazard_desktop.domain.grading import chairs
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Person, Role
from hazard_desktop.services import demo_content
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.demo_grading import grade_demo
from hazard_desktop.services.demo_rectification import rectify_demo
from hazard_desktop.services.hazards import PhotoFile, attach_photos
from hazard_desktop.services.inspection_demo import build_inspection_demo
from hazard_desktop.services.ports import ImageProcessor, UnitOfWork

log = logging.getLogger(__name__)


GRADED_AT_MOST = 600


class BulkWriter(Protocol):
    """Writes many hazards in one transaction."""

    def write_hazards(self, hazards: Sequence[Hazard]) -> int: ...

    def write_new_hazards(self, hazards: Sequence[Hazard]) -> Sequence[Hazard]:
        """Claim the next register numbers for ``hazards`` in the writing transaction; return them numbered."""
        ...


@dataclass(frozen=True)
class DemoResult:
    """What the demo command wrote."""

    people: int
    hazards: int
    photos: int
    meetings: int = 0
    gradings: int = 0
    disputes: int = 0
    inspections: int = 0
    inspection_hazards: int = 0  # raised by the demo inspections' failed items, beside ``hazards``


DEMO_CHAIRS_FROM = date(2020, 1, 1)


def _name_chairs(uow: UnitOfWork) -> None:
    """Rule §7 names the dispute panel's 组长 and 副组长: the demo staff's ones, in the settings."""
    people = uow.reference.people()
    leader = next((p for p in people if Role.DISPUTE_LEADER in p.roles), None)
    deputy = next((p for p in people if Role.DISPUTE_DEPUTY in p.roles), None)
    if leader is None or deputy is None or uow.settings.get(chairs.SETTING_KEY):
        return
    version = chairs.name_chairs(DEMO_CHAIRS_FROM, leader.id, leader.name, deputy.id, deputy.name)
    uow.settings.set(chairs.SETTING_KEY, chairs.dumps([version]))


@use_case("demo.ensure_people", AccountRole.SAFETY_ADMIN)
def ensure_people(uow: UnitOfWork) -> dict[str, list[Person]]:
    """Create the demo staff if the database has nobody yet; return people by department code."""
    with uow:
        departments = {d.code: d for d in uow.reference.departments(include_inactive=True)}
        people = uow.reference.people(include_inactive=True)
        if not people:
            now = utcnow()
            for number, (name, department_code, roles) in enumerate(demo_content.people_specs(), start=1):
                department = departments[department_code]
                uow.reference.save_person(
                    Person(
                        id=new_id(),
                        name=name,
                        department_id=department.id,
                        roles=frozenset(Role(r) for r in roles),
                        active=True,
                        created_at=now,
                        updated_at=now,
                        employee_no=f"E{number:04d}",
                    )
                )
            _name_chairs(uow)
            uow.commit()
            people = uow.reference.people(include_inactive=True)
        by_id = {d.id: code for code, d in departments.items()}
        grouped: dict[str, list[Person]] = {}
        for person in people:
            grouped.setdefault(by_id[person.department_id], []).append(person)
        return grouped


@use_case("demo.make_hazards", AccountRole.SAFETY_ADMIN)
def make_hazards(
    uow: UnitOfWork, count: int, seed: int, reference: datetime, people: dict[str, list[Person]]
) -> list[Hazard]:
    """Build ``count`` hazards, not yet stored nor numbered (the bulk writer numbers them as it stores them)."""
    with uow:
        departments = {d.code: d for d in uow.reference.departments(include_inactive=True)}
    everyone = [p for group in people.values() for p in group]
    inspectors = [p for p in everyone if Role.INSPECTOR in p.roles] or everyone
    specs = demo_content.hazard_specs(count, seed=seed)
    specs = sorted(specs, key=lambda s: -s.found_offset_days)
    hazards = []
    now = utcnow()
    for index, spec in enumerate(specs):
        found_at = reference - timedelta(days=spec.found_offset_days, minutes=(index * 37) % 600)
        finder = inspectors[index % len(inspectors)]
        hazards.append(
            Hazard(
                id=new_id(),
                number="",
                description=spec.description,
                location=spec.location,
                equipment_tag=spec.equipment_tag,
                department_id=departments[spec.department_code].id,
                category_code=spec.category_code,
                subcategory_code=spec.subcategory_code,
                found_by_id=finder.id,
                found_at=found_at,
                status=HazardStatus.OPEN,
                grade=HazardGrade.UNGRADED,
                revision=1,
                created_at=now,
                updated_at=now,
            )
        )
    return hazards


def plant_start(reference: datetime | None = None) -> date:
    """The day the demo plant "started using the program": the day before its oldest hazard.

    A demo register is seeded with its 表D.4 in force from then, so every demo grading (dated up to two
    years back) cites a threshold set that was in force on its date, as a real plant's would.
    """
    when = reference or datetime.now(UTC)
    return (when - timedelta(days=demo_content.FOUND_SPAN_DAYS + 1)).date()


def build_demo(
    uow_factory: Callable[[], UnitOfWork],
    writer: BulkWriter,
    images: ImageProcessor,
    photo_maker: Callable[[int], bytes] | None,
    *,
    count: int = 300,
    seed: int = 2026,
    photo_hazards: int = 24,
    reference: datetime | None = None,
    grading: bool = True,
) -> DemoResult:
    """Fill the database with demo staff and ``count`` hazards; photos on the newest few; with
    ``grading``, panel meetings grade the older of the newest :data:`GRADED_AT_MOST` hazards, disputes
    are ruled and statuses move on.

    Each step is its own use case; the caller makes the whole of it one transaction (``cli.py`` runs it
    in a ``SingleTransaction``) so that a demo is stored whole or not at all.
    """
    when = reference or datetime.now(UTC).replace(second=0, microsecond=0)
    people = ensure_people(uow_factory())
    hazards = writer.write_new_hazards(make_hazards(uow_factory(), count, seed, when, people))
    photos = 0
    if photo_maker is not None:
        for n, hazard in enumerate(hazards[-photo_hazards:]):
            files = [PhotoFile(f"IMG_{n:03d}_{k}.jpg", photo_maker(n * 10 + k)) for k in range(1 + n % 3)]
            attach_photos(uow_factory(), hazard.id, files, images)
            photos += len(files)
    # Grading goes through the grading use cases (about a tenth of a second per hazard): only the newest
    # GRADED_AT_MOST are graded, so that a large register (--count 100000) is written in seconds by the
    # bulk writer; the older ones stay 待定级.
    graded = grade_demo(uow_factory, hazards[-GRADED_AT_MOST:], when, seed=seed) if grading else None
    if grading:
        rectify_demo(uow_factory, hazards[-GRADED_AT_MOST:], when, images, photo_maker, seed=seed)
    inspected = build_inspection_demo(uow_factory, images, photo_maker, people, when)
    log.info("demo data: %d hazards, %d photos", len(hazards), photos)
    return DemoResult(
        people=sum(len(v) for v in people.values()),
        hazards=len(hazards),
        photos=photos,
        meetings=0 if graded is None else graded.meetings,
        gradings=0 if graded is None else graded.gradings,
        disputes=0 if graded is None else graded.disputes,
        inspections=inspected.inspections,
        inspection_hazards=inspected.hazards,
    )

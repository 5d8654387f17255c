"""Departments, people and hazard categories."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import CategoryRow, DepartmentRow, PersonRow, SubcategoryRow
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Category, Department, DepartmentKind, Person, Role, Subcategory


def _department(row: DepartmentRow) -> Department:
    return Department(
        id=row.id,
        code=row.code,
        name=row.name,
        kind=DepartmentKind(row.kind),
        active=row.active,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _person(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        name=row.name,
        department_id=row.department_id,
        roles=frozenset(Role(r) for r in row.roles.split(",") if r),
        active=row.active,
        created_at=row.created_at,
        updated_at=row.updated_at,
        employee_no=row.employee_no,
    )


class SqlReferenceRepository:
    """Reference data on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def departments(self, *, include_inactive: bool = False) -> list[Department]:
        query = select(DepartmentRow).order_by(DepartmentRow.code)
        if not include_inactive:
            query = query.where(DepartmentRow.active.is_(True))
        return [_department(r) for r in self._session.scalars(query)]

    def get_department(self, department_id: uuid.UUID) -> Department | None:
        row = self._session.get(DepartmentRow, department_id)
        return None if row is None else _department(row)

    def save_department(self, department: Department) -> None:
        row = self._session.get(DepartmentRow, department.id) or DepartmentRow(id=department.id)
        row.code = department.code
        row.name = department.name
        row.kind = department.kind.value
        row.active = department.active
        row.created_at = department.created_at
        row.updated_at = department.updated_at
        self._session.add(row)
        self._session.flush()

    def people(self, *, include_inactive: bool = False) -> list[Person]:
        query = select(PersonRow).order_by(PersonRow.name)
        if not include_inactive:
            query = query.where(PersonRow.active.is_(True))
        return [_person(r) for r in self._session.scalars(query)]

    def get_person(self, person_id: uuid.UUID) -> Person | None:
        row = self._session.get(PersonRow, person_id)
        return None if row is None else _person(row)

    def save_person(self, person: Person) -> None:
        row = self._session.get(PersonRow, person.id) or PersonRow(id=person.id)
        row.name = person.name
        row.employee_no = person.employee_no
        row.department_id = person.department_id
        row.roles = ",".join(sorted(r.value for r in person.roles))
        row.active = person.active
        row.created_at = person.created_at
        row.updated_at = person.updated_at
        self._session.add(row)
        self._session.flush()

    def categories(self) -> list[Category]:
        subs: dict[str, list[Subcategory]] = {}
        for row in self._session.scalars(select(SubcategoryRow).order_by(SubcategoryRow.sort_order)):
            subs.setdefault(row.category_code, []).append(
                Subcategory(row.code, row.category_code, row.name_zh, row.name_en, row.sort_order)
            )
        return [
            Category(r.code, r.name_zh, r.name_en, r.sort_order, tuple(subs.get(r.code, [])))
            for r in self._session.scalars(select(CategoryRow).order_by(CategoryRow.sort_order))
        ]

    def save_category(self, category: Category) -> None:
        now = utcnow()
        row = self._session.scalars(select(CategoryRow).where(CategoryRow.code == category.code)).one_or_none()
        if row is None:
            row = CategoryRow(id=new_id(), code=category.code, created_at=now)
        row.name_zh, row.name_en, row.sort_order, row.updated_at = (
            category.name_zh,
            category.name_en,
            category.sort_order,
            now,
        )
        self._session.add(row)
        self._session.flush()
        for sub in category.subcategories:
            srow = self._session.scalars(select(SubcategoryRow).where(SubcategoryRow.code == sub.code)).one_or_none()
            if srow is None:
                srow = SubcategoryRow(id=new_id(), code=sub.code, category_code=category.code, created_at=now)
            srow.name_zh, srow.name_en, srow.sort_order, srow.updated_at = (
                sub.name_zh,
                sub.name_en,
                sub.sort_order,
                now,
            )
            self._session.add(srow)
        self._session.flush()

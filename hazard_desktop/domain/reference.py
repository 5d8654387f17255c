"""Reference data: departments, people, the rule's hazard categories, plant settings."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from hazard_desktop.domain.errors import Conflict, ValidationError
from hazard_desktop.domain.text import refuse_control_characters


class DepartmentKind(StrEnum):
    """Role a department plays in the grading rule (§5.2, §7)."""

    SAFETY = "safety"  # 安环部
    PRODUCTION = "production"  # 生产部
    UNION = "union"  # 工会
    BUSINESS = "business"  # 事业部
    WORKSHOP = "workshop"  # 车间 / 生产单元
    OTHER = "other"


class Role(StrEnum):
    """What a person may do; accounts and permissions come later."""

    INSPECTOR = "inspector"
    PANEL_MEMBER = "panel_member"
    PANEL_LEADER = "panel_leader"
    DISPUTE_LEADER = "dispute_leader"  # 争议判定小组 组长
    DISPUTE_DEPUTY = "dispute_deputy"  # 副组长
    SAFETY_OFFICER = "safety_officer"


@dataclass(frozen=True, slots=True)
class Department:
    """An organisational unit of the plant."""

    id: uuid.UUID
    code: str
    name: str
    kind: DepartmentKind
    active: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Person:
    """A member of staff who finds, grades or rectifies hazards."""

    id: uuid.UUID
    name: str
    department_id: uuid.UUID
    roles: frozenset[Role]
    active: bool
    created_at: datetime
    updated_at: datetime
    employee_no: str = ""


@dataclass(frozen=True, slots=True)
class Subcategory:
    """A subdivision of a hazard category, e.g. 4.6.1 特种设备."""

    code: str
    category_code: str
    name_zh: str
    name_en: str
    sort_order: int


@dataclass(frozen=True, slots=True)
class Category:
    """A hazard category of the rule (4.5 … 4.10) with its subcategories."""

    code: str
    name_zh: str
    name_en: str
    sort_order: int
    subcategories: tuple[Subcategory, ...] = field(default=())

    def subcategory(self, code: str) -> Subcategory | None:
        """Return the subcategory with ``code`` or None."""
        return next((s for s in self.subcategories if s.code == code), None)


NAME_MAX = 40


def clean_name(value: str, field_name: str, max_len: int = NAME_MAX) -> str:
    """Strip a name and check it is present and not too long.

    Raises:
        ValidationError: empty or longer than ``max_len``.
    """
    text = " ".join(refuse_control_characters(value, field_name).split())
    if not text:
        raise ValidationError(f"{field_name}_empty", field=field_name)
    if len(text) > max_len:
        raise ValidationError(f"{field_name}_too_long", field=field_name, max=max_len)
    return text


def person_key(name: str) -> str:
    """A person's name as compared for sameness: NFKC (full-width letters and spaces), surrounding spaces
    trimmed and inner runs of spaces made one, case folded (``" 张安全 "`` and ``"张安全"`` are one name)."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


class NamedPerson(Protocol):
    """What the namesake rule reads of a person (a :class:`Person`, or a storage or exchange row of these fields)."""

    @property
    def id(self) -> Any: ...
    @property
    def name(self) -> str: ...
    @property
    def department_id(self) -> Any: ...
    @property
    def employee_no(self) -> str: ...


_P = TypeVar("_P", bound=NamedPerson)


def people_named(people: Iterable[_P], name: str) -> list[_P]:
    """The people called ``name`` (by :func:`person_key`), in the order given."""
    key = person_key(name)
    return [p for p in people if key and person_key(p.name) == key]


def namesake_numbers(people: Iterable[NamedPerson]) -> dict[Any, str]:
    """The employee numbers that tell namesakes apart: person id → 工号 of everyone (active or not) who has a
    number and shares name (:func:`person_key`) and department with someone else in ``people``.

    A person absent from the result is shown by name alone, as on every ordinary screen and sheet.
    """
    listed = list(people)
    count: dict[tuple[str, Any], int] = {}
    for person in listed:
        key = (person_key(person.name), person.department_id)
        count[key] = count.get(key, 0) + 1
    return {p.id: p.employee_no for p in listed if p.employee_no and count[(person_key(p.name), p.department_id)] > 1}


def printed_name(name: str, employee_no: str | None) -> str:
    """A person as Chinese documents print them: ``周永明（E0099）`` with an employee number (a namesake's, see
    :func:`namesake_numbers`), else the name alone."""
    return f"{name}（{employee_no}）" if employee_no else name


def namesake(
    people: Iterable[_P],
    name: str,
    department_id: uuid.UUID,
    employee_no: str = "",
    *,
    exclude: uuid.UUID | None = None,
) -> _P | None:
    """The person a new (or renamed, moved) person called ``name`` in ``department_id`` would silently repeat.

    Two people of one department with one name are one person entered twice (new-user trial: the first
    administrator made a second 张安全 in 安环部) — unless both carry an employee number (numbers are unique),
    which tells namesakes apart. Inactive people count: a person switched off is switched on again, not re-entered.
    """
    for other in people_named(people, name):
        if other.id == exclude or other.department_id != department_id:
            continue
        if employee_no and other.employee_no:
            continue
        return other
    return None


def person_duplicate(existing: Person, department_name: str, field_name: str = "person_name") -> Conflict:
    """The refusal of a person who would repeat ``existing`` (code ``person_duplicate``; params ``name``,
    ``department``, ``person_id``, ``employee_no`` and ``active`` of the person already there)."""
    return Conflict(
        "person_duplicate",
        field=field_name,
        name=existing.name,
        department=department_name,
        person_id=str(existing.id),
        employee_no=existing.employee_no,
        active=existing.active,
    )

"""Reference data: departments, people, the rule's hazard categories, plant settings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from hazard_desktop.domain.errors import ValidationError
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

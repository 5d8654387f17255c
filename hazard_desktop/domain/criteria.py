"""Major-hazard criteria (重大事故隐患判定标准): the company's items and 安监总管三〔2017〕121号."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class CriteriaSource(StrEnum):
    """Where a criterion comes from."""

    COMPANY = "company"  # 本公司重大隐患判定标准 (rule §4.4)
    NATIONAL_121 = "national_121"  # 安监总管三〔2017〕121号
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class MajorCriterion:
    """One item of the major-hazard list, in one version.

    Editing a criterion stores a new version (``version`` + 1, ``supersedes_id`` set) and retires the
    old one, so a grading that cites a criterion keeps the exact text it was judged by.
    """

    id: uuid.UUID
    code: str
    text: str
    source: CriteriaSource
    clause: str
    category_code: str | None
    version: int
    supersedes_id: uuid.UUID | None
    retired_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def active(self) -> bool:
        """True while the criterion is in force."""
        return self.retired_at is None


RULE_LIST_SIZE = 30
"""§5.1 names "重大隐患判定标准(30条)": the company's list has 30 items. The program ships the rule's own
examples and the 20 items of 121号 (26); the plant enters the rest (see :func:`missing_items`)."""


def missing_items(active: int, listed: int = RULE_LIST_SIZE) -> int:
    """How many of the rule's ``listed`` items are not entered yet (0 when the list is complete)."""
    return max(0, listed - active)

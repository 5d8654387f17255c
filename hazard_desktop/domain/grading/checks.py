"""The §5.1 major-hazard check a general (LEC) grading rests on (rule §5: the criteria decide 重大 first).

A hazard is graded by LEC (§5.2) only when no item of the major-hazard criteria list matches it. A LEC grading
therefore carries the record of that check: against which version of the list (the criteria in force, each
criterion itself versioned), when, by whom and how — the grading panel going through the list item by item, or
a dispute panel voting on the criteria in question and upholding none (§7 in the order of §5).

The list has no version number of its own: every edit of a criterion stores a new row and retires the old one.
The version of the *list* is the set of criterion rows in force, named by :class:`CriteriaVersion`: the SHA-256
of their ids, their count and the day of the newest. The same list gives the same version on every laptop.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.reference import clean_name

SHORT_DIGEST = 8
"""Hex digits of the list's digest printed (the record keeps all 64)."""


class CheckBasis(StrEnum):
    """How the §5.1 check was made."""

    CHECK = "check"  # the panel went through the criteria one by one: none matched
    DISPUTE = "dispute"  # the dispute panel voted on the criteria in question: none upheld (§7)


@dataclass(frozen=True, slots=True)
class CriteriaVersion:
    """One version of the major-hazard criteria list: the criterion rows in force at a time.

    ``digest`` (SHA-256 hex of the sorted ids) identifies it; ``items`` and ``newest`` (creation of its newest
    row; None for an empty list) make it readable.
    """

    digest: str
    items: int
    newest: datetime | None

    @property
    def short(self) -> str:
        """The first hex digits of the digest, as printed."""
        return self.digest[:SHORT_DIGEST]


def criteria_version(criteria: Iterable[MajorCriterion], at: datetime | None = None) -> CriteriaVersion:
    """The version of the list formed by the criteria in force now (``at`` None) or at ``at``.

    Args:
        criteria: criterion rows, retired ones included or not (only those in force count).
        at: the moment (aware); None: the rows not retired.
    """
    import hashlib  # here: the start-up never loads it for the register (docs/ARCHITECTURE.md)

    if at is None:
        in_force = [c for c in criteria if c.retired_at is None]
    else:
        in_force = [c for c in criteria if c.created_at <= at and (c.retired_at is None or c.retired_at > at)]
    ids = sorted(str(c.id) for c in in_force)
    digest = hashlib.sha256("\n".join(ids).encode("ascii")).hexdigest()
    newest = max((c.created_at for c in in_force), default=None)
    return CriteriaVersion(digest, len(ids), newest)


@dataclass(frozen=True, slots=True)
class MajorHazardCheck:
    """§5.1 done for a LEC grading: no criterion of ``criteria`` matched, checked at ``checked_at`` by
    ``checked_by`` (name copied: the panel's 组长), made as ``basis`` says."""

    basis: CheckBasis
    criteria: CriteriaVersion
    checked_at: datetime
    checked_by: str


def record_check(basis: CheckBasis, criteria: CriteriaVersion, at: datetime, by: str) -> MajorHazardCheck:
    """The record of a §5.1 check that found no criterion.

    Raises:
        ValidationError: ``time_naive``, ``checked_by_empty`` / ``checked_by_too_long``.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError("time_naive", field="checked_at")
    return MajorHazardCheck(basis, criteria, at, clean_name(by, "checked_by"))


def require_check(check: MajorHazardCheck | None, at: datetime) -> MajorHazardCheck:
    """A LEC grading made at ``at`` must rest on a §5.1 check made before it (rule §5).

    Raises:
        ValidationError: ``major_check_missing``, ``major_check_after_grading``.
    """
    if check is None:
        raise ValidationError("major_check_missing", field="check")
    if check.checked_at > at:
        raise ValidationError("major_check_after_grading", field="check")
    return check

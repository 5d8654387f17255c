"""A hazard's status in the closed loop and its grade: the values the register shows and filters by, apart from
the hazard record and its input rules (:mod:`hazard_desktop.domain.hazards`), so the window's start loads
no record types (issue 16)."""

from __future__ import annotations

from enum import StrEnum


class HazardStatus(StrEnum):
    """Where a hazard stands in the closed loop (排查 → 定级 → 整改 → 验收 → 销号)."""

    OPEN = "open"  # 待定级: reported, not yet graded
    GRADED = "graded"  # 已定级
    RECTIFYING = "rectifying"  # 整改中
    VERIFYING = "verifying"  # 待验收
    CLOSED = "closed"  # 已销号


class HazardGrade(StrEnum):
    """Grade of the rule §4.3: 一般 or 重大; ungraded until a grading is confirmed."""

    UNGRADED = "ungraded"
    GENERAL = "general"
    MAJOR = "major"

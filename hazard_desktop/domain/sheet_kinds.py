"""Which form was printed: the kinds of sheets and forms, apart from their print records
(:mod:`hazard_desktop.domain.sheet_prints`), so the menus that offer them load no record types at start."""

from __future__ import annotations

from enum import StrEnum


class SheetKind(StrEnum):
    """Which form was printed."""

    GRADING = "grading"  # 隐患分级判定表
    DISPUTE = "dispute"  # 争议裁决表
    NOTICE = "notice"  # 隐患整改通知书 (+ 回执)
    ACCEPTANCE = "acceptance"  # 隐患整改验收单
    PLAN = "plan"  # 重大事故隐患治理方案
    REPORT = "report"  # 重大事故隐患报告 (to the regulator)
    STATISTICS = "statistics"  # 统计报表 (quarterly/annual statistics report; recorded as ReportPrint)

    @property
    def is_form(self) -> bool:
        """A rectification form (recorded as :class:`FormPrint`), not a grading sheet."""
        return self in FORM_KINDS


#: The rectification forms' kinds, in the order the menus list them.
FORM_KINDS = (SheetKind.NOTICE, SheetKind.ACCEPTANCE, SheetKind.PLAN, SheetKind.REPORT)

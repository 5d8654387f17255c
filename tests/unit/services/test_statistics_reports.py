"""The statistics use case and the report's layout over a fake query port (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest

from hazard_desktop.domain.reporting import Period, month_period, quarter_period
from hazard_desktop.services import reports
from hazard_desktop.services.statistics import (
    CountRow,
    GradeSummary,
    MajorHazard,
    Rectification,
    load_statistics,
    percent,
)


@dataclass
class FakeQueries:
    """Answers fixed figures and remembers what was asked."""

    found_by_month: dict[str, int] = field(default_factory=lambda: {"2026-10": 5, "2026-12": 2})
    funds: Decimal | None = Decimal("1234.50")
    asked: list[tuple[str, str]] = field(default_factory=list)

    def counts(self, dimension: str, period: Period) -> list[CountRow]:
        self.asked.append((dimension, period.key))
        if dimension == "month":
            return [CountRow(m, "", "", n) for m, n in self.found_by_month.items()]
        if dimension == "status":
            return [CountRow("open", "", "", 3), CountRow("closed", "", "", 4)]
        if dimension == "category":
            return [CountRow("4.6", "设备设施类", "Equipment", 7)]
        if dimension == "department":
            return [CountRow("d1", "合成一车间", "合成一车间", 7)]
        return []

    def closed_by_month(self, period: Period) -> list[tuple[str, int]]:
        return [("2026-11", 3)]

    def grade_summary(self, period: Period) -> GradeSummary:
        return GradeSummary(4, 2, 1, 3, 1)

    def rectification(self, period: Period, as_of: date) -> Rectification:
        self.asked.append(("as_of", as_of.isoformat()))
        return Rectification(8, 6, 2, 4, Decimal("12.5"), self.funds)

    def major_hazards(self, period: Period) -> list[MajorHazard]:
        return [
            MajorHazard("YH-2026-0007", "储罐区呼吸阀堵塞", "罐区", date(2026, 10, 3), "rectifying",
                        date(2026, 12, 1), None, date(2026, 10, 5)),
            MajorHazard("YH-2026-0009", "动火作业未办理作业票", "合成一车间", date(2026, 11, 3), "closed",
                        date(2026, 11, 20), date(2026, 11, 18), None),
        ]  # fmt: skip

    def close(self) -> None:
        pass


def test_flow_has_every_month_of_the_period_and_as_of_is_capped_at_today() -> None:
    queries = FakeQueries()
    stats = load_statistics(queries, quarter_period(2026, 4), date(2026, 11, 25))
    assert [(f.month, f.found, f.closed) for f in stats.flow] == [
        ("2026-10", 5, 0),
        ("2026-11", 0, 3),
        ("2026-12", 2, 0),
    ]
    assert stats.found == 7 and stats.as_of == date(2026, 11, 25)
    assert ("as_of", "2026-11-25") in queries.asked
    past = load_statistics(FakeQueries(), month_period(2026, 6), date(2026, 11, 25))
    assert past.as_of == date(2026, 6, 30)


def test_percent_rounds_half_up_and_refuses_nothing_due() -> None:
    assert percent(1, 3) == Decimal("33.3")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(0, 0) is None and percent(None, 5) is None
    assert Rectification(8, 6, 2, 4, None, None).rate == Decimal("75.0")


def test_report_layout_and_verify_code() -> None:
    stats = load_statistics(FakeQueries(), quarter_period(2026, 4), date(2026, 11, 25))
    report = reports.build_report(stats, "示例化工", made_on=date(2026, 11, 25))
    figures = {line.label: line.value for line in report.figures}
    assert figures["排查发现隐患总数（项）"] == "7"
    assert figures["已整改（项）"] == "4"
    assert figures["整改率（已整改 / 排查发现）"] == "57.1%"
    assert figures["按期整改率（按期整改 / 到期应整改）"] == "75.0%"
    assert figures["落实整改资金（元）"] == "1,234.50"
    assert figures["平均整改天数（排查至销号）"] == "12.5"
    assert report.statutory and report.due_on == "2027-01-15"
    assert report.title == "季度隐患排查治理情况统计分析表" and report.period_label == "2026年第四季度"
    assert [m.reported for m in report.majors] == ["已报告 2026-10-05", "未报告"]
    assert report.majors[1].state == "已销号（2026-11-18）"
    assert report.qr_payload.startswith("HDV1:") and report.verify_code in report.qr_payload
    again = reports.build_report(stats, "示例化工", made_on=date(2026, 11, 26))
    assert again.verify_code == report.verify_code  # the day it is made is not a figure
    other = load_statistics(FakeQueries(funds=Decimal("1234.51")), quarter_period(2026, 4), date(2026, 11, 25))
    assert reports.build_report(other, "示例化工", made_on=date(2026, 11, 25)).verify_code != report.verify_code
    analysed = reports.build_report(stats, "示例化工", analysis="分析", made_on=date(2026, 11, 25))
    assert analysed.verify_code != report.verify_code


def test_unknown_figures_print_a_dash_and_monthly_is_internal() -> None:
    stats = load_statistics(FakeQueries(funds=None), month_period(2026, 11), date(2026, 11, 25))
    report = reports.build_report(stats, "示例化工", made_on=date(2026, 11, 25))
    assert dict((line.label, line.value) for line in report.figures)["落实整改资金（元）"] == "—"
    assert not report.statutory and report.due_on == "" and report.title == "月度隐患排查治理情况统计表"


@pytest.mark.parametrize(("name", "fmt"), [("a.pdf", "pdf"), ("B.XLSX", "xlsx")])
def test_report_format(name, fmt, tmp_path) -> None:
    assert reports.report_format(tmp_path / name) == fmt

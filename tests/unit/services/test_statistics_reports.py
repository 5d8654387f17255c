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


class _Prints:
    def __init__(self) -> None:
        self.reports: list = []

    def add_report(self, report_print) -> None:
        self.reports.append(report_print)


class _Renderer:
    def render(self, report, path) -> None:
        path.write_bytes(b"%PDF-1.4 " + report.verify_code.encode())


def _uow_factory(prints: _Prints, *, fail: bool = False, actor=None):
    from tests.fakes import FakeStore, FakeUnitOfWork

    store = FakeStore()

    def make():
        uow = FakeUnitOfWork(store) if actor is None else FakeUnitOfWork(store, actor)
        uow.form_prints = prints
        if fail:

            def commit() -> None:
                raise OSError(28, "No space left on device")

            uow.commit = commit
        return uow

    return make


def test_a_saved_report_records_its_code_with_the_file_in_place(tmp_path) -> None:
    prints = _Prints()
    target = tmp_path / "q4.pdf"
    report = reports.write_report(
        FakeQueries(), "测试化工", quarter_period(2026, 4), target, {"pdf": _Renderer}, today=date(2026, 12, 7),
        uow_factory=_uow_factory(prints), printed_by="  张三 ",
    )  # fmt: skip
    assert target.read_bytes().endswith(report.verify_code.encode())
    [stored] = prints.reports
    assert stored.verify_code == report.verify_code and stored.digest == report.digest and stored.printed_by == "张三"
    assert (stored.period_key, stored.file_format) == ("2026Q4", "pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q4.pdf"]  # the temporary is gone


def test_a_report_whose_code_cannot_be_recorded_leaves_no_file(tmp_path) -> None:
    prints = _Prints()
    with pytest.raises(OSError):
        reports.write_report(
            FakeQueries(), "测试化工", quarter_period(2026, 4), tmp_path / "q4.pdf", {"pdf": _Renderer},
            today=date(2026, 12, 7), uow_factory=_uow_factory(prints, fail=True),
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_account_is_refused_and_nothing_is_left(tmp_path) -> None:
    from hazard_desktop.domain.accounts import Actor, ActorKind, Role
    from hazard_desktop.domain.errors import NotPermitted

    reader = Actor(None, None, "只读", frozenset({Role.READ_ONLY}), kind=ActorKind.ACCOUNT)
    with pytest.raises(NotPermitted):
        reports.write_report(
            FakeQueries(), "测试化工", quarter_period(2026, 4), tmp_path / "q4.pdf", {"pdf": _Renderer},
            today=date(2026, 12, 7), uow_factory=_uow_factory(_Prints(), actor=reader),
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []

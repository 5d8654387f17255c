"""The statutory and internal statistics reports: 季度/年度隐患排查治理情况统计分析表 and the monthly report.

A report is the figures of :mod:`services.statistics` for a quarter, a year or a month, laid out for the
regulator (quarter and year, 令第16号 Art. 14) or for the company (month), as a PDF (the sheets' machinery:
bundled font, QR code and 核验码) or as an .xlsx workbook. The 核验码 is the digest of the report's
figures (``domain/verification``): the same figures always print the same code, and a changed figure a
different one. The analysis text is written by hand in its box or typed before printing; the principal
signs below it.

Writing a report reads the register and, like the sheets' prints, records its 核验码 (``report_prints``,
:func:`record_report`) so that "Verify sheet" recognises it: the file is rendered under a temporary name
beside the target and moved into place inside the recording transaction, so a failed render or commit
leaves neither the file nor the row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hazard_desktop.domain import verification
from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reporting import Period, PeriodKind, report_due
from hazard_desktop.domain.sheet_prints import ReportPrint
from hazard_desktop.services import output_files
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.statistics import (
    GRADE_ZH,
    STATUS_ZH,
    Statistics,
    StatisticsQueries,
    load_statistics,
    percent,
)

if TYPE_CHECKING:
    from hazard_desktop.services.ports import UnitOfWork

DEFAULT_PLANT_NAME = "（单位名称）"
PRINTED_BY_MAX = 40
REPORT_FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One line of the figures table: label and value as printed (value '—' when not known)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class ReportMajor:
    """One major hazard as the report lists it (texts as printed)."""

    number: str
    description: str
    department: str
    found_on: str
    state: str
    deadline: str
    reported: str


@dataclass(frozen=True, slots=True)
class StatisticsReport:
    """A report ready to render (Chinese texts: the report goes to the regulator in Chinese)."""

    title: str
    plant_name: str
    period_label: str
    period_key: str
    statutory: bool
    due_on: str  # the day the regulator must have it ('' for the monthly report)
    figures: tuple[ReportLine, ...]
    by_category: tuple[ReportLine, ...]
    by_department: tuple[ReportLine, ...]
    flow: tuple[tuple[str, int, int], ...]
    majors: tuple[ReportMajor, ...]
    analysis: str
    made_on: str
    verify_code: str
    qr_payload: str
    digest: str = ""  # the figures' record digest (the 核验码 is its short form)


class ReportRenderer(Protocol):
    """Writes a :class:`StatisticsReport` to a file atomically (``adapters/pdf/statistics_report.py``,
    ``adapters/report_workbook.py``)."""

    def render(self, report: StatisticsReport, path: Path) -> None: ...


@dataclass(frozen=True, slots=True)
class TableSheet:
    """One worksheet of the statistics window's export: a title, column headers and rows of cells."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str | int | Decimal | None, ...], ...]


class TableWorkbookWriter(Protocol):
    """Writes tables to an .xlsx file atomically (``adapters/report_workbook.py``)."""

    def write(self, sheets: Sequence[TableSheet], path: Path) -> None: ...


def report_title(period: Period) -> str:
    """The printed title for the period's kind."""
    if period.kind is PeriodKind.QUARTER:
        return "季度隐患排查治理情况统计分析表"
    if period.kind is PeriodKind.YEAR:
        return "年度隐患排查治理情况统计分析表"
    if period.kind is PeriodKind.MONTH:
        return "月度隐患排查治理情况统计表"
    return "隐患排查治理情况统计表"


def report_due_text(period: Period) -> str:
    """The day the regulator must have the report of ``period`` (ISO), or '' for an internal report."""
    due = report_due(period)
    return "" if due is None else due.isoformat()


def _n(value: int | None) -> str:
    return "—" if value is None else str(value)


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def _money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def _figures(stats: Statistics) -> tuple[ReportLine, ...]:
    s, r = stats.summary, stats.rectification
    lines = [
        ("排查发现隐患总数（项）", _n(s.found)),
        ("其中：一般事故隐患（项）", _n(s.found_general)),
        ("　　　重大事故隐患（项）", _n(s.found_major)),
        ("　　　尚未定级（项）", _n(s.found_ungraded)),
        ("已整改（项）", _n(s.rectified)),
        ("其中：一般事故隐患已整改（项）", _n(s.rectified_general)),
        ("　　　重大事故隐患已整改（项）", _n(s.rectified_major)),
        ("整改率（已整改 / 排查发现）", _pct(percent(s.rectified, s.found))),
        ("一般事故隐患整改率", _pct(percent(s.rectified_general, s.found_general))),
        ("重大事故隐患整改率", _pct(percent(s.rectified_major, s.found_major))),
        ("本期到期应整改（项）", _n(r.due)),
        ("按期整改（项）", _n(r.closed_on_time)),
        ("按期整改率（按期整改 / 到期应整改）", _pct(r.rate)),
        (f"逾期未整改（项，截至 {stats.as_of.isoformat()}）", _n(r.overdue)),
        ("本期销号（项）", _n(r.closed)),
        ("平均整改天数（排查至销号）", "—" if r.average_days_to_close is None else str(r.average_days_to_close)),
        ("落实整改资金（元）", _money(r.funds)),
    ]
    return tuple(ReportLine(a, b) for a, b in lines)


def _record(report_fields: dict[str, object]) -> dict[str, object]:
    return {"layout": 1, "kind": "statistics_report", **report_fields}


def build_report(stats: Statistics, plant_name: str, *, analysis: str = "", made_on: date) -> StatisticsReport:
    """Lay out ``stats`` as a report; the 核验码 covers the plant, the period and every printed figure."""
    period = stats.period
    due = report_due(period)
    figures = _figures(stats)
    by_category = tuple(ReportLine(f"{c.key} {c.label_zh}", str(c.count)) for c in stats.by_dimension["category"])
    by_department = tuple(ReportLine(c.label_zh, str(c.count)) for c in stats.by_dimension["department"])
    flow = tuple((f.month, f.found, f.closed) for f in stats.flow)
    majors = tuple(
        ReportMajor(
            number=m.number,
            description=m.description,
            department=m.department,
            found_on=m.found_on.isoformat(),
            state=STATUS_ZH.get(m.status, m.status) + ("" if m.closed_on is None else f"（{m.closed_on.isoformat()}）"),
            deadline="" if m.deadline is None else m.deadline.isoformat(),
            reported="未报告" if m.reported_on is None else f"已报告 {m.reported_on.isoformat()}",
        )
        for m in stats.majors
    )
    record = _record(
        {
            "plant": plant_name,
            "period": period.key,
            "as_of": stats.as_of,
            "figures": [[line.label, line.value] for line in figures],
            "categories": [[line.label, line.value] for line in by_category],
            "departments": [[line.label, line.value] for line in by_department],
            "flow": [list(f) for f in flow],
            "majors": [[m.number, m.state, m.deadline, m.reported] for m in majors],
            "analysis": analysis,
        }
    )
    digest = verification.record_digest(record)
    code = verification.short_code(digest)
    return StatisticsReport(
        title=report_title(period),
        plant_name=plant_name,
        period_label=period.label_zh,
        period_key=period.key,
        statutory=period.kind in (PeriodKind.QUARTER, PeriodKind.YEAR),
        due_on="" if due is None else due.isoformat(),
        figures=figures,
        by_category=by_category,
        by_department=by_department,
        flow=flow,
        majors=majors,
        analysis=analysis,
        made_on=made_on.isoformat(),
        verify_code=code,
        qr_payload=verification.qr_payload(code, period.key),
        digest=digest,
    )


@use_case("statistics.plant_name", *EVERYONE)
def plant_name(uow: UnitOfWork) -> str:
    """The plant name from the settings (a placeholder when none is set)."""
    with uow:
        return uow.settings.get("plant_name") or DEFAULT_PLANT_NAME


def report_format(path: Path) -> str:
    """``pdf`` or ``xlsx`` from the file's suffix.

    Raises:
        ValidationError: ``report_format_unknown`` (param ``suffix``).
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in REPORT_FORMATS:
        raise ValidationError("report_format_unknown", field="path", suffix=path.suffix)
    return suffix


def write_report(
    queries: StatisticsQueries,
    name_of_plant: str,
    period: Period,
    path: Path,
    renderers: dict[str, Callable[[], ReportRenderer]],
    *,
    today: date,
    analysis: str = "",
    uow_factory: Callable[[], UnitOfWork] | None = None,
    printed_by: str = "",
) -> StatisticsReport:
    """Count ``period`` and write its report to ``path`` (PDF or .xlsx by suffix); returns what was written.

    With ``uow_factory`` the report's 核验码 is recorded (:func:`record_report`, one transaction) together
    with putting the file in place: rendered beside ``path`` under a temporary name first, so the row is
    committed only if the file is there and the file is removed if the commit fails.

    Raises:
        ValidationError: ``report_format_unknown``; ``report_folder_missing`` (the folder does not exist).
        NotPermitted: ``role_required`` (recording, as for the sheets' prints: nothing is left behind).
        OSError: the file could not be written (nothing is left behind).
    """
    fmt = report_format(path)
    if not path.parent.is_dir():
        raise ValidationError("report_folder_missing", field="path", folder=str(path.parent))
    stats = load_statistics(queries, period, today)
    report = build_report(stats, name_of_plant, analysis=analysis, made_on=today)
    if uow_factory is None:
        renderers[fmt]().render(report, path)
        return report
    partial = output_files.new_temporary(path.parent, f".{path.stem}.", f".part.{fmt}")
    try:
        renderers[fmt]().render(report, partial)
        record_report(uow_factory(), report, fmt, printed_by, output=(partial, path))
    finally:
        partial.unlink(missing_ok=True)
    return report


@use_case("reports.record_print", Role.INSPECTOR, Role.PANEL_LEADER, Role.DISPUTE_CHAIR, Role.SAFETY_ADMIN)
def record_report(
    uow: UnitOfWork,
    report: StatisticsReport,
    file_format: str,
    printed_by: str,
    *,
    output: tuple[Path, Path] | None = None,
    at: datetime | None = None,
) -> ReportPrint:
    """Record a saved report's 核验码 (table ``report_prints``) so that verification recognises it.

    With ``output`` = (rendered temporary file, target), the file is put in place inside the same
    transaction, before the commit, and removed again if the commit fails (as the sheets' prints).

    Raises:
        OSError: the file could not be put in place (nothing was recorded).
    """
    now = utcnow() if at is None else at
    who = " ".join(str(printed_by).split())[:PRINTED_BY_MAX] or "unknown"
    record = ReportPrint(
        id=new_id(),
        period_key=report.period_key,
        title=f"{report.title} {report.period_label}"[:120],
        file_format=file_format,
        verify_code=report.verify_code,
        digest=report.digest,
        printed_at=now,
        printed_by=who,
        created_at=now,
        updated_at=now,
    )
    with uow:
        uow.form_prints.add_report(record)
        if output is None:
            uow.commit()
        else:
            rendered, target = output
            output_files.place(rendered, target)
            try:
                uow.commit()
            except BaseException:
                target.unlink(missing_ok=True)  # no row, no file
                raise
    return record


__all__ = [
    "GRADE_ZH",
    "ReportLine",
    "ReportMajor",
    "ReportRenderer",
    "StatisticsReport",
    "TableSheet",
    "TableWorkbookWriter",
    "build_report",
    "plant_name",
    "record_report",
    "report_format",
    "report_title",
    "write_report",
]

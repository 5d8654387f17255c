"""Export the register, as filtered, to an Excel ledger (隐患排查治理台账): one use case, no database write.

Standard library only. The rows come from a :class:`LedgerSource` (plain SQL over its own connection,
``adapters/ledger_queries.py``) and go to a :class:`LedgerWriter` (``adapters/excel/ledger_xlsx.py``),
one at a time: 100,000 hazards never sit in memory together.

The layout is one table, :data:`LEDGER_COLUMNS`: field → header → width → kind of cell → value. The
writer knows only the kinds (text, long text, whole number, date, decimal, band), so a new column (the
rectification loop's 五定 fields, 验收人, 销号日期 …) is one line here and one field of :class:`LedgerRow`.

The file is written under a temporary name beside the target (``.<stem>.<random>.part.xlsx``), flushed
and renamed into place (``output_files.place``): a cancelled or failed export leaves no file, and an
existing file of that name is replaced only by a complete one.

The ledger is a Chinese document (like the printed sheets): headers and labels are Chinese whatever
the window's language.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from hazard_desktop.domain.accounts import EVERYONE
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.services import output_files
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.ports import RegisterFilter, SortKey

if TYPE_CHECKING:
    from hazard_desktop.services.ports import UnitOfWork

SUFFIX = ".xlsx"
TITLE = "隐患排查治理台账"
PROGRESS_EVERY = 500  # rows between progress reports and cancel checks (~50 ms of writing)

STATUS_ZH: dict[HazardStatus, str] = {
    HazardStatus.OPEN: "待定级",
    HazardStatus.GRADED: "已定级",
    HazardStatus.RECTIFYING: "整改中",
    HazardStatus.VERIFYING: "待验收",
    HazardStatus.CLOSED: "已销号",
}
GRADE_ZH: dict[HazardGrade, str] = {
    HazardGrade.UNGRADED: "未定级",
    HazardGrade.GENERAL: "一般",
    HazardGrade.MAJOR: "重大",
}
METHOD_ZH: dict[str, str] = {
    "criteria": "重大隐患判定标准",
    "lec_panel": "LEC 评分",
    "panel_decision": "小组研判",
}


class LedgerCancelled(Exception):
    """The user cancelled the export; nothing was written."""


class CellKind(StrEnum):
    """How a column's cells are written (the writer maps each kind to one cell format)."""

    TEXT = "text"  # one line, centred
    LONG = "long"  # wrapped, left-aligned (descriptions, places, criteria)
    INT = "int"  # a whole number
    DATE = "date"  # a real Excel date (a plant-local day)
    DECIMAL = "decimal"  # a number with the plant's decimals (D)
    MONEY = "money"  # yuan, two decimals with thousands separators
    BAND = "band"  # text on the band's colour (value: :class:`BandCell`)


class BandCell(NamedTuple):
    """A band's name and its colour (``#RRGGBB``) as the settings give them."""

    name: str
    colour: str


class LedgerRow(NamedTuple):
    """One hazard as the ledger shows it (read in the register's order, one at a time).

    A named tuple, like ``RegisterRow``: 100,000 of them are built per export.
    """

    number: str
    found_on: date  # plant-local day
    found_by: str
    department: str
    location: str
    equipment_tag: str
    description: str
    category: str  # "4.5 设备设施类"
    grade: HazardGrade
    method: str | None  # GradingMethod value
    mean_d: Decimal | None
    band: BandCell | None
    criteria: str  # the matched criteria of the grading that counts, "、"-separated
    status: HazardStatus
    # 五定 (rectification_assignments; the hazard's current deadline after approved extensions)
    responsible_department: str
    responsible_person: str
    measures: str
    funds: Decimal | None
    deadline: date | None
    interim_measures: str
    # 验收 and 销号 (the accepting acceptance)
    accepted_by: str
    accepted_on: date | None
    closed_on: date | None


@dataclass(frozen=True, slots=True)
class LedgerColumn:
    """One column of the ledger: its header, width (Excel character units: a Chinese character is 2),
    kind of cell, and the value of a row (``seq`` is the row's 序号).

    Widths are kept lean and long texts wrap: the sheet prints fit to the width of A4 landscape, so the
    sum of the widths sets the printed text size (277 units print at about 54 %).
    """

    key: str
    header: str
    width: float
    kind: CellKind
    value: Callable[[LedgerRow, int], object]


def _place(row: LedgerRow, _seq: int) -> str:
    return f"{row.location}（{row.equipment_tag}）" if row.equipment_tag else row.location


LEDGER_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("seq", "序号", 5, CellKind.INT, lambda _r, n: n),
    LedgerColumn("number", "隐患编号", 13, CellKind.TEXT, lambda r, _n: r.number),
    LedgerColumn("found_on", "排查日期", 11, CellKind.DATE, lambda r, _n: r.found_on),
    LedgerColumn("found_by", "排查人", 8, CellKind.TEXT, lambda r, _n: r.found_by),
    LedgerColumn("department", "所属部门", 11, CellKind.LONG, lambda r, _n: r.department),
    LedgerColumn("location", "隐患部位", 16, CellKind.LONG, _place),
    LedgerColumn("description", "隐患描述", 30, CellKind.LONG, lambda r, _n: r.description),
    LedgerColumn("category", "类别", 14, CellKind.LONG, lambda r, _n: r.category),
    LedgerColumn("grade", "等级", 6, CellKind.TEXT, lambda r, _n: GRADE_ZH[r.grade]),
    LedgerColumn("method", "判定方式", 10, CellKind.LONG, lambda r, _n: METHOD_ZH.get(r.method or "", "")),
    LedgerColumn("mean_d", "D 均值", 8, CellKind.DECIMAL, lambda r, _n: r.mean_d),
    LedgerColumn("band", "风险等级", 10, CellKind.BAND, lambda r, _n: r.band),
    LedgerColumn("criteria", "符合的重大隐患判定标准", 14, CellKind.LONG, lambda r, _n: r.criteria),
    LedgerColumn("responsible_department", "责任部门", 11, CellKind.LONG, lambda r, _n: r.responsible_department),
    LedgerColumn("responsible_person", "责任人", 8, CellKind.TEXT, lambda r, _n: r.responsible_person),
    LedgerColumn("measures", "整改措施", 24, CellKind.LONG, lambda r, _n: r.measures),
    LedgerColumn("funds", "整改资金（元）", 11, CellKind.MONEY, lambda r, _n: r.funds),
    LedgerColumn("deadline", "整改期限", 11, CellKind.DATE, lambda r, _n: r.deadline),
    LedgerColumn("interim_measures", "临时措施及应急预案", 18, CellKind.LONG, lambda r, _n: r.interim_measures),
    LedgerColumn("status", "状态", 8, CellKind.TEXT, lambda r, _n: STATUS_ZH[r.status]),
    LedgerColumn("accepted_by", "验收人", 8, CellKind.TEXT, lambda r, _n: r.accepted_by),
    LedgerColumn("accepted_on", "验收日期", 11, CellKind.DATE, lambda r, _n: r.accepted_on),
    LedgerColumn("closed_on", "销号日期", 11, CellKind.DATE, lambda r, _n: r.closed_on),
)


@dataclass(frozen=True, slots=True)
class LedgerSheet:
    """What the writer needs before the first row: titles, columns, the D format."""

    title: str  # "某化工有限公司 隐患排查治理台账"
    subtitle: str  # "排查期间：2026-01-01 至 2026-03-31　共 123 条　导出日期：2026-12-07"
    columns: tuple[LedgerColumn, ...]
    decimals: int  # places shown for D


class LedgerSource(Protocol):
    """The register's rows for the ledger, read in the register's order (its own connection, any thread)."""

    def count(self, flt: RegisterFilter) -> int: ...

    def found_span(self, flt: RegisterFilter) -> tuple[date, date] | None:
        """First and last plant-local day on which a hazard of ``flt`` was found; None if there is none."""
        ...

    def rows(self, flt: RegisterFilter, sort: SortKey, descending: bool) -> Iterator[LedgerRow]: ...

    def close(self) -> None: ...


class LedgerWriter(Protocol):
    """Writes one ledger file, row by row (constant memory)."""

    def begin(self, sheet: LedgerSheet) -> None: ...
    def row(self, values: Sequence[object]) -> None:
        """One hazard's cells, in the order of ``sheet.columns`` (None: an empty cell)."""
        ...

    def finish(self) -> None:
        """Complete the file (it is then whole on disk, not yet flushed)."""
        ...

    def abort(self) -> None:
        """Give up: release what was held (the caller removes the file)."""
        ...


@dataclass(frozen=True, slots=True)
class LedgerRequest:
    """What to export: the register's filter and order (the window passes its own)."""

    filter: RegisterFilter = field(default_factory=RegisterFilter)
    sort: SortKey = SortKey.NUMBER
    descending: bool = False


@dataclass(frozen=True, slots=True)
class LedgerResult:
    """The file written and how many hazards it holds."""

    path: Path
    rows: int


def _local_day(value: datetime) -> date:
    return value.astimezone().date()


def period_text(flt: RegisterFilter, span: tuple[date, date] | None) -> str:
    """The period of the title: the filter's days if it has them, else the days the rows were found on."""
    start = _local_day(flt.found_from) if flt.found_from is not None else (span[0] if span else None)
    end = _local_day(flt.found_before - timedelta(microseconds=1)) if flt.found_before is not None else None
    if end is None and span is not None:
        end = span[1]
    if start is None and end is None:
        return "—"
    return f"{start.isoformat() if start else '…'} 至 {end.isoformat() if end else '…'}"


@dataclass(frozen=True, slots=True)
class FilterNames:
    """Names the subtitle shows for the ids and codes of a filter (what the register shows in its bar)."""

    categories: dict[str, str] = field(default_factory=dict)  # code → "4.6 设备设施"
    departments: dict[uuid.UUID, str] = field(default_factory=dict)
    people: dict[uuid.UUID, str] = field(default_factory=dict)
    bands: dict[str, str] = field(default_factory=dict)  # band code → 中文名
    inspections: dict[uuid.UUID, str] = field(default_factory=dict)  # id → JC-2026-0001


def _filter_names(uow: UnitOfWork, flt: RegisterFilter) -> FilterNames:
    """The names :func:`filter_text` needs for ``flt``, read inside the caller's ``with uow``."""
    categories = {c.code: f"{c.code} {c.name_zh}" for c in uow.reference.categories()} if flt.category_code else {}
    departments: dict[uuid.UUID, str] = {}
    if flt.department_id is not None:
        department = uow.reference.get_department(flt.department_id)
        if department is not None:
            departments[department.id] = department.name
    people: dict[uuid.UUID, str] = {}
    if flt.acceptor_id is not None:
        person = uow.reference.get_person(flt.acceptor_id)
        if person is not None:
            people[person.id] = person.name
    bands: dict[str, str] = {}
    if flt.band_codes:
        for threshold_set in uow.lec.threshold_sets():
            for band in threshold_set.bands:
                bands.setdefault(band.code, band.name_zh)
    inspections: dict[uuid.UUID, str] = {}
    if flt.inspection_id is not None:
        inspection = uow.inspections.get(flt.inspection_id)
        if inspection is not None:
            inspections[inspection.id] = inspection.number
    return FilterNames(categories, departments, people, bands, inspections)


def _deadline_text(flt: RegisterFilter) -> str | None:
    start, before = flt.deadline_from, flt.deadline_before
    if start is None and before is None:
        return None
    if start is None and before is not None:
        return f"整改期限：已逾期（期限早于 {before.isoformat()}）"
    assert start is not None
    if before is None:
        return f"整改期限：{start.isoformat()} 起"
    last = before - timedelta(days=1)
    days = (before - start).days - 1
    if days > 0:
        return f"整改期限：{days} 日内到期（{start.isoformat()} 至 {last.isoformat()}）"
    return f"整改期限：{start.isoformat()}"  # pragma: no cover - the register offers no one-day choice


def filter_text(flt: RegisterFilter, names: FilterNames | None = None) -> str:
    """Every filter in force, in Chinese, for the subtitle ("" for the whole register); the found dates
    are the period of the title, so they are not repeated here."""
    names = names or FilterNames()
    parts = []
    if flt.statuses:
        not_closed = frozenset(s for s in HazardStatus if s is not HazardStatus.CLOSED)
        if flt.statuses == not_closed:
            parts.append("状态：未销号")
        else:
            parts.append("状态：" + "、".join(STATUS_ZH[s] for s in HazardStatus if s in flt.statuses))
    if flt.grades:
        parts.append("等级：" + "、".join(GRADE_ZH[g] for g in HazardGrade if g in flt.grades))
    if flt.text.strip():
        parts.append(f"关键词：{flt.text.strip()}")
    if flt.category_code:
        parts.append("类别：" + names.categories.get(flt.category_code, flt.category_code))
    if flt.department_id is not None:
        parts.append("责任部门：" + names.departments.get(flt.department_id, "（已删除的部门）"))
    deadline = _deadline_text(flt)
    if deadline:
        parts.append(deadline)
    if flt.acceptor_id is not None:
        parts.append("待验收，验收人：" + names.people.get(flt.acceptor_id, "（未知人员）"))
    if flt.band_codes:
        parts.append("危险程度：" + "、".join(names.bands.get(c, c) for c in sorted(flt.band_codes)))
    if flt.methods:
        parts.append("判定方式：" + "、".join(METHOD_ZH.get(m, m) for m in sorted(flt.methods)))
    if flt.disputed is not None:
        parts.append("定级有异议" if flt.disputed else "定级无异议")
    if flt.conflicted is not None:
        parts.append("有未解决的交换冲突" if flt.conflicted else "无交换冲突")
    if flt.inspection_id is not None:
        parts.append("来自检查：" + names.inspections.get(flt.inspection_id, "（未知检查）"))
    return "；".join(parts)


def check_target(target: Path) -> Path:
    """The target file, refused before anything is written.

    Raises:
        ValidationError: ``ledger_not_xlsx`` (another suffix), ``ledger_folder_missing`` (the folder does
            not exist: never made), ``ledger_target_is_folder``, ``ledger_folder_not_writable``.
    """
    target = Path(target)
    if target.suffix.lower() != SUFFIX:
        raise ValidationError("ledger_not_xlsx", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("ledger_folder_missing", folder=str(target.parent))
    if target.is_dir():
        raise ValidationError("ledger_target_is_folder", path=str(target))
    if not os.access(target.parent, os.W_OK):
        raise ValidationError("ledger_folder_not_writable", folder=str(target.parent))
    return target


@use_case("ledger.export", *EVERYONE)
def export_ledger(
    uow: UnitOfWork,
    source: LedgerSource,
    writer_factory: Callable[[Path], LedgerWriter],
    request: LedgerRequest,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
    columns: tuple[LedgerColumn, ...] = LEDGER_COLUMNS,
) -> LedgerResult:
    """Write the ledger of ``request`` to ``target`` (.xlsx), replacing a file of that name only when complete.

    ``progress(done, total)`` is called every few hundred rows; ``cancelled()`` is asked as often and
    stops the export with :class:`LedgerCancelled`. The source is closed at the end.

    Raises:
        ValidationError: see :func:`check_target`.
        LedgerCancelled: the user cancelled; no file was left.
        OSError: the file could not be written (disk full …); no file was left.
    """
    try:
        target = check_target(target)
        with uow:
            plant = (uow.settings.get("plant_name") or "").strip()
            decimals_text = uow.settings.get("decimals")
            names = _filter_names(uow, request.filter)
        decimals = int(decimals_text) if decimals_text and decimals_text.isdigit() else 2
        flt = request.filter
        total = source.count(flt)
        day = today or date.today()
        period = period_text(flt, source.found_span(flt))
        kept = filter_text(flt, names)
        sheet = LedgerSheet(
            title=f"{plant} {TITLE}".strip(),
            subtitle=f"排查期间：{period}　共 {total} 条　导出日期：{day.isoformat()}"
            + (f"　筛选（{kept}）" if kept else ""),
            columns=columns,
            decimals=decimals,
        )
        try:
            partial = output_files.new_temporary(target.parent, f".{target.stem}.", ".part" + SUFFIX)
        except OSError as exc:
            raise ValidationError("ledger_folder_not_writable", folder=str(target.parent), errno=exc.errno) from exc
        try:
            _write(source, writer_factory(partial), sheet, request, total, progress, cancelled)
            output_files.place(partial, target)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise
    finally:
        source.close()
    return LedgerResult(target, total)


def _write(
    source: LedgerSource,
    writer: LedgerWriter,
    sheet: LedgerSheet,
    request: LedgerRequest,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    getters = [c.value for c in sheet.columns]
    write = writer.row
    try:
        writer.begin(sheet)
        if progress is not None:
            progress(0, total)
        seq = 0
        for row in source.rows(request.filter, request.sort, request.descending):
            seq += 1
            write([get(row, seq) for get in getters])
            if seq % PROGRESS_EVERY == 0:
                if cancelled is not None and cancelled():
                    raise LedgerCancelled()
                if progress is not None:
                    progress(seq, max(total, seq))
        if cancelled is not None and cancelled():
            raise LedgerCancelled()
        writer.finish()
    except BaseException:
        writer.abort()
        raise
    if progress is not None:
        progress(max(total, seq), max(total, seq))


__all__ = [
    "LEDGER_COLUMNS",
    "BandCell",
    "CellKind",
    "LedgerCancelled",
    "LedgerColumn",
    "LedgerRequest",
    "LedgerResult",
    "LedgerRow",
    "LedgerSheet",
    "LedgerSource",
    "LedgerWriter",
    "check_target",
    "export_ledger",
    "period_text",
]

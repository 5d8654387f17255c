"""The statistics report and the statistics window's tables as .xlsx (openpyxl, imported when used).

Small workbooks (a report has some dozens of rows), so openpyxl's normal mode is used: merged title
cells, borders and column widths need it. Numbers are written as numbers (a count is an int, a rate a
fraction formatted as a percentage where the report has one), so the safety office can sum them again.
The file is written under a temporary name in the target folder and moved into place
(``services/output_files``): a failed write leaves no file.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from hazard_desktop.services import output_files
from hazard_desktop.services.reports import StatisticsReport, TableSheet

_TITLE_SIZE = 14
_HEAD_FILL = "DCDCDC"
_LABEL_FILL = "F0F0F0"


def _width(text: Any) -> float:
    """Column width that fits ``text`` (a Chinese character is about two Latin ones)."""
    value = "" if text is None else str(text)
    return sum(2.1 if ord(ch) > 0x2E7F else 1.1 for ch in value) + 2


def _cell_value(value: str) -> Any:
    """A printed value back as a number where it is one (``12`` → 12, ``75.0%`` → 0.75, ``1,234.50``)."""
    text = value.replace(",", "")
    try:
        if text.endswith("%"):
            return Decimal(text[:-1]) / 100
        if text.isdigit():
            return int(text)
        return Decimal(text)
    except ArithmeticError:
        return value


def _save(workbook: Any, path: Path) -> None:
    path = Path(path)
    temporary = output_files.new_temporary(path.parent, ".report-", ".xlsx")
    try:
        workbook.save(temporary)
        output_files.place(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class OpenpyxlReportRenderer:
    """Writes a :class:`StatisticsReport` as an .xlsx workbook (implements ``ReportRenderer``)."""

    def render(self, report: StatisticsReport, path: Path) -> None:
        """One sheet in the printed report's order, A4 portrait, fitted to the page width."""
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = report.period_key.replace("~", "至")[:31]
        thin = Side(style="thin")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        head_fill = PatternFill("solid", fgColor=_HEAD_FILL)
        label_fill = PatternFill("solid", fgColor=_LABEL_FILL)
        wrap = Alignment(wrap_text=True, vertical="center")
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        columns = 7
        row = 1

        def merged(text: str, *, size: float = 11, bold: bool = False, fill: Any = None) -> None:
            nonlocal row
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
            cell = sheet.cell(row, 1, text)
            cell.font = Font(size=size, bold=bold)
            cell.alignment = centre if size > 11 else wrap
            if fill is not None:
                cell.fill = fill
            row += 1

        def line(cells: Sequence[Any], *, head: bool = False, spans: Sequence[int] | None = None) -> None:
            nonlocal row
            spans = spans or [1] * len(cells)
            col = 1
            for value, span in zip(cells, spans, strict=True):
                if span > 1:
                    sheet.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
                cell = sheet.cell(row, col, value)
                cell.alignment = centre if head or not isinstance(value, str) else wrap
                if head:
                    cell.fill = label_fill
                    cell.font = Font(bold=True)
                for c in range(col, col + span):
                    sheet.cell(row, c).border = border
                if isinstance(value, Decimal) and cells and isinstance(cells[0], str) and "率" in cells[0]:
                    cell.number_format = "0.0%"
                col += span
            row += 1

        merged(report.plant_name, size=12)
        merged(report.title, size=_TITLE_SIZE, bold=True)
        due = f"　报送期限：{report.due_on}" if report.due_on else ""
        merged(f"统计期间：{report.period_label}{due}　编制日期：{report.made_on}　核验码：{report.verify_code}")
        merged("一、隐患排查治理情况", bold=True, fill=head_fill)
        for item in report.figures:
            line([item.label, _cell_value(item.value)], spans=[5, 2])
        merged("二、本期排查发现隐患分类统计", bold=True, fill=head_fill)
        line(["隐患类别", "数量", "", "责任部门", "数量"], head=True, spans=[2, 1, 1, 2, 1])
        count = max(len(report.by_category), len(report.by_department))
        for i in range(count):
            cat = report.by_category[i] if i < len(report.by_category) else None
            dep = report.by_department[i] if i < len(report.by_department) else None
            line(
                [
                    cat.label if cat else "",
                    _cell_value(cat.value) if cat else None,
                    "",
                    dep.label if dep else "",
                    _cell_value(dep.value) if dep else None,
                ],
                spans=[2, 1, 1, 2, 1],
            )
        merged("三、分月排查与销号", bold=True, fill=head_fill)
        line(["月份", "排查发现（项）", "销号（项）"], head=True, spans=[3, 2, 2])
        for month, found, closed in report.flow:
            line([month, found, closed], spans=[3, 2, 2])
        merged("四、重大事故隐患及治理情况", bold=True, fill=head_fill)
        line(["隐患编号", "隐患描述", "责任部门", "排查日期", "治理状态", "整改期限", "报告情况"], head=True)
        if not report.majors:
            line(["本期无重大事故隐患。"], spans=[columns])
        for m in report.majors:
            line([m.number, m.description, m.department, m.found_on, m.state, m.deadline, m.reported])
        merged("五、统计分析", bold=True, fill=head_fill)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
        sheet.cell(row, 1, report.analysis).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = 120
        row += 1
        gap = "　" * 6
        merged(f"主要负责人（签字）：{gap}安全管理部门负责人（签字）：{gap}填报人：{gap}日期：　　年　　月　　日")
        for index, width in enumerate((16, 40, 14, 12, 14, 12, 14), start=1):
            sheet.column_dimensions[chr(64 + index)].width = width
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "portrait"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
        _save(workbook, path)


class OpenpyxlTableWorkbookWriter:
    """Writes the statistics window's tables, one sheet each (implements ``TableWorkbookWriter``)."""

    def write(self, sheets: Sequence[TableSheet], path: Path) -> None:
        """Header row bold and frozen, numbers as numbers, widths fitted to the longest text."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        workbook.remove(workbook.active)
        used: set[str] = set()
        for table in sheets:
            title = "".join(ch for ch in table.title if ch not in "[]:*?/\\")[:31] or "Sheet"
            while title in used:
                title = title[:28] + f"_{len(used)}"
            used.add(title)
            sheet = workbook.create_sheet(title)
            sheet.append(list(table.headers))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            widths = [_width(h) for h in table.headers]
            for values in table.rows:
                sheet.append([float(v) if isinstance(v, Decimal) else v for v in values])
                for i, value in enumerate(values[: len(widths)]):
                    widths[i] = max(widths[i], _width(value))
            sheet.freeze_panes = "A2"
            for index, width in enumerate(widths, start=1):
                sheet.column_dimensions[_column(index)].width = min(width, 60)
        _save(workbook, path)


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


__all__ = ["OpenpyxlReportRenderer", "OpenpyxlTableWorkbookWriter"]

"""ReportLab renderer of the statistics reports (季度/年度隐患排查治理情况统计分析表, the monthly report).

Layout (A4, the bordered form of ``forms.py``, the page of ``common.py``):

* top block: 报送 stamp with the due day (statutory reports) | plant name and title | QR + 核验码;
* a line with the period and the day it was made;
* the form: the figures (found by grade, rectified, rates, due/on time, overdue, days to close, funds),
  found by category and by department side by side, found and closed per month, the major hazards with
  their state and report state (the header repeats on every page), the analysis box, and the signatures
  of the principal, the safety department's head and the one who filled it in;
* on every page a footer with the plant name, ``第 x 页 共 y 页`` and the period.
"""

from __future__ import annotations

import pathlib
from itertools import zip_longest
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from hazard_desktop.adapters.pdf.common import (
    FRAME_WIDTH,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    _font,
    _footer_line,
    _meta_line,
    _p,
    _paged_canvas_class,
    _Para,
    _Stamp,
    _Styles,
    _styles,
    _teach_line_breaking,
    _Title,
    _top_table,
    _write_pdf,
)
from hazard_desktop.adapters.pdf.forms import (
    FOUR_COLS,
    _Form,
    _long_row,
    _section_row,
    _signature_form,
    _stack_with_note,
)
from hazard_desktop.adapters.pdf.sheet_parts import _Qr
from hazard_desktop.services.reports import StatisticsReport

VALUE_W = 40 * mm
COUNT_W = 18 * mm
HALF_W = FRAME_WIDTH / 2 - COUNT_W


def _canvas_class(font: str, report: StatisticsReport) -> type[Canvas]:
    return _paged_canvas_class(lambda canvas, total: _decorate(canvas, font, report, total))


def _decorate(canvas: Canvas, font: str, report: StatisticsReport, total: int) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.black)
    y_text = _footer_line(canvas, font, total)
    canvas.drawString(MARGIN_X, y_text, report.plant_name)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y_text, f"{report.period_label}  核验码 {report.verify_code}")
    if canvas.getPageNumber() > 1:
        y_head = PAGE_HEIGHT - MARGIN_TOP + 5 * mm
        canvas.setFont(font, 9)
        canvas.drawString(MARGIN_X, y_head, f"{report.title}（续）")
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y_head, report.period_label)
        canvas.line(MARGIN_X, y_head - 2 * mm, PAGE_WIDTH - MARGIN_X, y_head - 2 * mm)
    canvas.restoreState()


def _top_block(report: StatisticsReport, styles: _Styles, font: str) -> Any:
    left: Any = _Stamp("报 送", f"期限 {report.due_on}", font) if report.statutory and report.due_on else ""
    centre = [
        _p(report.plant_name, styles.plant),
        Spacer(1, 1.5 * mm),
        _Title(report.title, font, size=15, char_space=1),
    ]
    right = [_Qr(report.qr_payload, 21 * mm), _Para(f"核验码 {escape(report.verify_code)}", styles.code)]
    return _top_table(left, centre, right, right_align="CENTER")


def _figures_form(report: StatisticsReport, styles: _Styles) -> _Form:
    form = _Form([FRAME_WIDTH - VALUE_W, VALUE_W])
    _section_row(form, styles, "一、隐患排查治理情况")
    for line in report.figures:
        form.add([_p(line.label, styles.value), _p(line.value, styles.value_centre)], labels=(0,))
    return form


def _breakdown_form(report: StatisticsReport, styles: _Styles) -> _Form:
    form = _Form([HALF_W, COUNT_W, HALF_W, COUNT_W])
    _section_row(form, styles, "二、本期排查发现隐患分类统计")
    head = ("隐患类别", "数量", "责任部门", "数量")
    form.add([_p(h, styles.label) for h in head], labels=range(4))
    pairs = list(zip_longest(report.by_category, report.by_department))
    if not pairs:
        form.add([_p("本期未发现隐患。", styles.value_centre)], [4])
    for category, department in pairs:
        cells: list[Any] = []
        for line in (category, department):
            cells += ["", ""] if line is None else [_p(line.label, styles.small), _p(line.value, styles.small_centre)]
        form.add(cells)
    return form


def _flow_form(report: StatisticsReport, styles: _Styles) -> _Form:
    third = FRAME_WIDTH / 3
    form = _Form([third, third, third])
    _section_row(form, styles, "三、分月排查与销号")
    form.add([_p(h, styles.label) for h in ("月份", "排查发现（项）", "销号（项）")], labels=range(3))
    for month, found, closed in report.flow:
        form.add(
            [_p(month, styles.value_centre), _p(str(found), styles.value_centre), _p(str(closed), styles.value_centre)]
        )
    return form


def _majors_form(report: StatisticsReport, styles: _Styles) -> tuple[_Form, int]:
    widths = [27 * mm, 0.0, 22 * mm, 20 * mm, 24 * mm, 20 * mm, 22 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    form = _Form(widths)
    _section_row(form, styles, "四、重大事故隐患及治理情况")
    head = ("隐患编号", "隐患描述", "责任部门", "排查日期", "治理状态", "整改期限", "报告情况")
    form.add([_p(h, styles.label) for h in head], labels=range(len(head)))
    if not report.majors:
        form.add([_p("本期无重大事故隐患。", styles.value_centre)], [len(widths)])
    for m in report.majors:
        form.add(
            [
                _p(m.number, styles.small_centre),
                _p(m.description, styles.small),
                _p(m.department, styles.small_centre),
                _p(m.found_on, styles.small_centre),
                _p(m.state, styles.small_centre),
                _p(m.deadline or "—", styles.small_centre),
                _p(m.reported, styles.small_centre),
            ]
        )
    return form, 2


def _analysis_form(report: StatisticsReport, styles: _Styles) -> _Form:
    form = _Form(FOUR_COLS)
    if report.analysis.strip():
        _long_row(form, styles, "统计分析", report.analysis)
    else:  # room to write by hand
        form.add([_p("统计分析\n（原因、趋势\n及措施）", styles.label), ""], [1, 3], labels=(0,), height=42 * mm)
    return form


def _story(report: StatisticsReport, styles: _Styles, font: str) -> list[Flowable]:
    story: list[Flowable] = [_top_block(report, styles, font), Spacer(1, 2 * mm)]
    right = f"编制日期：{escape(report.made_on)}"
    if report.due_on:
        right = f"报送期限：{escape(report.due_on)}　{right}"
    story.append(_meta_line(f"统计期间：{escape(report.period_label)}", right, styles))
    forms: list[_Form | tuple[_Form, int]] = [
        _figures_form(report, styles),
        (_breakdown_form(report, styles), 2),
        (_flow_form(report, styles), 2),
        _majors_form(report, styles),
        _analysis_form(report, styles),
        _signature_form(styles, [("主要负责人", ""), ("安全管理部门\n负责人", ""), ("填报人", "")]),
    ]
    basis = "《安全生产事故隐患排查治理暂行规定》第十四条" if report.statutory else "公司隐患排查治理管理制度"
    note = _Para(
        f"注：依据{basis}统计报送。“已整改”指本期排查发现并于期末前销号的隐患；按期整改率 = 整改期限在本期内且已到期的"
        "隐患中按期销号的比例；重大事故隐患的治理状态与报告情况为编制日的情况。核验码由本表所列数字生成，任一数字改动，核验码随之不同。",
        styles.note,
    )
    story.extend(_stack_with_note(forms, note))
    return story


class ReportLabStatisticsReportRenderer:
    """Prints a :class:`StatisticsReport` as an A4 PDF (implements ``ReportRenderer``)."""

    def __init__(self, *, invariant: bool = False) -> None:
        """``invariant=True`` writes byte-identical files for identical input."""
        self.invariant = invariant

    def render(self, report: StatisticsReport, path: pathlib.Path) -> None:
        """Write ``report`` to ``path`` atomically (a failed render leaves no partial file)."""
        font = _font()
        _teach_line_breaking()
        styles = _styles(font)
        _write_pdf(
            path,
            _story(report, styles, font),
            _canvas_class(font, report),
            kind="report",
            font=font,
            invariant=self.invariant,
            title=f"{report.title} {report.period_label}",
            author=report.plant_name,
            subject=report.title,
        )


__all__ = ["ReportLabStatisticsReportRenderer"]

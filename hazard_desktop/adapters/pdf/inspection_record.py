"""ReportLab renderer of the inspection record (安全检查记录表), in the style of the grading sheet.

Layout (A4, bordered Chinese form, the page of ``common.py`` and the form helpers of ``forms.py``):

* top block: 草稿 stamp (red, only while the inspection is a draft) | plant name and title | number;
* a line with the inspection number and the date;
* the form: the inspection (checklist and version, area, department, inspectors, summary of results),
  the checklist section by section (序号 | 检查内容 | 检查结果 | 情况说明 | 隐患编号; the header repeats
  on every page), the hazards raised (with the proposed grade), remarks, the inspectors with a
  signature cell each, and signature lines for the inspected unit and the safety department;
* on every page a footer with the plant name, ``第 x 页 共 y 页`` and the number; later pages carry a
  ``（续）`` header.

ReportLab is imported only when this module is, i.e. when a record is printed.
"""

from __future__ import annotations

import pathlib
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from hazard_desktop.adapters.pdf.common import (
    COPY_RED,
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
    _members_form,
    _pair_row,
    _section_row,
    _signature_form,
    _stack_with_note,
)
from hazard_desktop.services.inspection_record_model import InspectionRecord, RecordSection
from hazard_desktop.services.sheet_models import SheetMember

TITLE = "安全检查记录表"
RESULT_TEXT = {"pass": "合格", "fail": "不合格", "na": "不适用", "": "未检查"}
FAIL_RED = "#C00000"


def _draft_stamp(font: str) -> _Stamp:
    """Red stamp ``草 稿`` / ``未定稿`` on a record printed before the inspection was finalized."""
    return _Stamp("草 稿", "未定稿，仅供核对", font)


def _canvas_class(font: str, record: InspectionRecord) -> type[Canvas]:
    """A canvas that keeps its pages to print ``第 x 页 共 y 页`` and the continuation header."""
    return _paged_canvas_class(lambda canvas, total: _decorate(canvas, font, record, total))


def _decorate(canvas: Canvas, font: str, record: InspectionRecord, total: int) -> None:
    page = canvas.getPageNumber()
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    y_text = _footer_line(canvas, font, total)
    canvas.drawString(MARGIN_X, y_text, record.plant_name)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y_text, f"检查编号 {record.number}")
    if page > 1:
        y_head = PAGE_HEIGHT - MARGIN_TOP + 5 * mm
        canvas.setFont(font, 9)
        canvas.drawString(MARGIN_X, y_head, f"{TITLE}（续）")
        if record.draft:
            canvas.setFillColor(COPY_RED)
            canvas.drawString(MARGIN_X + 34 * mm, y_head, "草稿")
            canvas.setFillColor(colors.black)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN_X, y_head, f"检查编号 {record.number}  检查日期 {record.inspected_on}"
        )
        canvas.line(MARGIN_X, y_head - 2 * mm, PAGE_WIDTH - MARGIN_X, y_head - 2 * mm)
    canvas.restoreState()


def _top_block(record: InspectionRecord, styles: _Styles, font: str) -> Flowable:
    left: Any = _draft_stamp(font) if record.draft else ""
    centre = [_p(record.plant_name, styles.plant), Spacer(1, 1.5 * mm), _Title(TITLE, font)]
    right = _Para(f"检查编号<br/>{escape(record.number)}", styles.code)
    return _top_table(left, centre, right)


def _summary(record: InspectionRecord) -> str:
    text = (
        f"共 {record.total} 项：合格 {record.passed} 项，不合格 {record.failed} 项，不适用 {record.not_applicable} 项"
    )
    if record.unanswered:
        text += f"，未检查 {record.unanswered} 项"
    majors = sum(1 for h in record.hazards if h.proposed_grade != "一般")
    if record.draft and not record.hazards:
        return text + "（检查未定稿）。"
    text += f"；发现隐患 {len(record.hazards)} 项"
    if majors:
        text += f"（其中建议判定为重大事故隐患 {majors} 项）"
    return text + "。"


RESULT_W = 17 * mm
NUMBER_W = 10 * mm
NOTE_W = 48 * mm
HAZARD_W = 27 * mm
ITEM_W = FRAME_WIDTH - NUMBER_W - RESULT_W - NOTE_W - HAZARD_W


def _result_markup(result: str) -> str:
    text = RESULT_TEXT.get(result, result)
    if result == "fail":
        return f'<font color="{FAIL_RED}">{text}</font>'
    if result == "":
        return f'<font color="#777777">{text}</font>'
    return text


def _checklist_form(sections: tuple[RecordSection, ...], styles: _Styles) -> _Form:
    form = _Form([NUMBER_W, ITEM_W, RESULT_W, NOTE_W, HAZARD_W])
    _section_row(form, styles, "检查内容及结果")
    head = ("序号", "检查内容", "检查结果", "情况说明", "隐患编号")
    form.add([_p(h, styles.label) for h in head], labels=range(len(head)))
    for section in sections:
        row = form.add([_p(section.title, styles.value)], [5], labels=(0,))
        form.commands.append(("TOPPADDING", (0, row), (-1, row), 1.5))
        form.commands.append(("BOTTOMPADDING", (0, row), (-1, row), 2))
        for item in section.rows:
            hazard = escape(item.hazard_number)
            if item.criterion_code:
                hazard += f'<br/><font size="7.5" color="{FAIL_RED}">建议重大（{escape(item.criterion_code)}）</font>'
            form.add(
                [
                    _p(item.number, styles.value_centre),
                    _p(item.text, styles.value),
                    _Para(_result_markup(item.result), styles.value_centre),
                    _p(item.note, styles.small),
                    _Para(hazard, styles.small_centre),
                ]
            )
    return form


def _hazards_form(record: InspectionRecord, styles: _Styles) -> _Form:
    widths = [NUMBER_W, 27 * mm, 0.0, 40 * mm, 24 * mm]
    widths[2] = FRAME_WIDTH - sum(widths)
    form = _Form(widths)
    _section_row(form, styles, "本次检查发现的事故隐患（已登记入隐患台账）")
    if not record.hazards:
        pending = record.draft and record.failed
        text = "不合格项将在检查定稿时登记入隐患台账。" if pending else "本次检查未发现事故隐患。"
        form.add([_p(text, styles.value_centre)], [5])
        return form
    head = ("序号", "隐患编号", "隐患描述", "隐患类别", "建议级别")
    form.add([_p(h, styles.label) for h in head], labels=range(len(head)))
    for hazard in record.hazards:
        grade = hazard.proposed_grade
        grade_markup = escape(grade) if grade == "一般" else f'<font color="{FAIL_RED}">{escape(grade)}</font>'
        form.add(
            [
                _p(hazard.item_number, styles.value_centre),
                _p(hazard.number, styles.value_centre),
                _p(hazard.description, styles.small),
                _p(hazard.category, styles.small),
                _Para(grade_markup, styles.small_centre),
            ]
        )
    return form


def _story(record: InspectionRecord, styles: _Styles, font: str) -> list[Flowable]:
    story: list[Flowable] = [_top_block(record, styles, font), Spacer(1, 2 * mm)]
    meta = _meta_line(f"检查编号：{escape(record.number)}", f"检查日期：{escape(record.inspected_on)}", styles)
    story.append(meta)

    info = _Form(FOUR_COLS)
    _long_row(info, styles, "检查表", record.template)
    _pair_row(info, styles, ("检查区域", record.area), ("责任部门", record.department))
    _long_row(info, styles, "检查人员", "、".join(i.name for i in record.inspectors))
    _long_row(info, styles, "检查结果", _summary(record))
    if record.finalized_at:
        _long_row(info, styles, "定稿时间", record.finalized_at)

    forms: list[_Form | tuple[_Form, int]] = [info, (_checklist_form(record.sections, styles), 2)]
    forms.append((_hazards_form(record, styles), 2))
    remarks = _Form(FOUR_COLS)
    if record.note.strip():
        _long_row(remarks, styles, "检查意见", record.note)
    else:  # room to write by hand
        remarks.add([_p("检查意见", styles.label), ""], [1, 3], labels=(0,), height=16 * mm)
    forms.append(remarks)
    members = [SheetMember(i.role_label, i.name, i.department) for i in record.inspectors]
    forms.append(_members_form(members, styles, "检查人员签字", signatures=True, scores=False))
    forms.append(_signature_form(styles, [("受检单位\n负责人", ""), ("安环部审核", "")]))

    note = _Para(
        "注：不合格项均已登记为事故隐患（见隐患编号），按《隐患分级管理制度》判定级别并整改闭环；"
        "标注“建议重大”的项目对应重大事故隐患判定标准，由判定小组确认。",
        styles.note,
    )
    story.extend(_stack_with_note(forms, note))
    return story


class ReportLabInspectionRecordRenderer:
    """Prints an :class:`InspectionRecord` as an A4 PDF (implements ``InspectionRecordRenderer``)."""

    def __init__(self, *, invariant: bool = False) -> None:
        """``invariant=True`` writes byte-identical files for identical input."""
        self.invariant = invariant

    def render(self, record: InspectionRecord, path: pathlib.Path) -> None:
        """Write ``record`` to ``path`` atomically (a failed render leaves no partial file)."""
        font = _font()
        _teach_line_breaking()
        styles = _styles(font)
        story = _story(record, styles, font)
        _write_pdf(
            path,
            story,
            _canvas_class(font, record),
            kind="record",
            font=font,
            invariant=self.invariant,
            title=f"{TITLE} {record.number}",
            author=record.plant_name,
            subject=TITLE,
        )


__all__ = ["ReportLabInspectionRecordRenderer"]

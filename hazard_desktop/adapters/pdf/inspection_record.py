"""ReportLab renderer of the inspection record (安全检查记录表), in the style of the grading sheet.

Layout (A4, bordered Chinese form, the font and form helpers of ``sheets.py``):

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

import os
import pathlib
import tempfile
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hazard_desktop.adapters.pdf.sheets import (
    COPY_RED,
    FOUR_COLS,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    _font,
    _Form,
    _long_row,
    _members_form,
    _p,
    _pair_row,
    _section_row,
    _signature_form,
    _stack,
    _Styles,
    _styles,
    _teach_line_breaking,
    _Title,
)
from hazard_desktop.services.inspection_record_model import InspectionRecord, RecordSection
from hazard_desktop.services.sheet_models import SheetMember

TITLE = "安全检查记录表"
RESULT_TEXT = {"pass": "合格", "fail": "不合格", "na": "不适用", "": "未检查"}
FAIL_RED = "#C00000"


class _DraftStamp(Flowable):
    """Red stamp ``草 稿`` / ``未定稿`` on a record printed before the inspection was finalized."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.font = font
        self.width, self.height = 27 * mm, 14 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(COPY_RED)
        canvas.setFillColor(COPY_RED)
        canvas.setLineWidth(1.4)
        canvas.roundRect(0, 0, self.width, self.height, 1.5 * mm, stroke=1, fill=0)
        canvas.setFont(self.font, 14)
        canvas.drawCentredString(self.width / 2, self.height - 6.6 * mm, "草 稿")
        canvas.setFont(self.font, 8)
        canvas.drawCentredString(self.width / 2, 2.2 * mm, "未定稿，仅供核对")


def _canvas_class(font: str, record: InspectionRecord) -> type[Canvas]:
    """A canvas that keeps its pages to print ``第 x 页 共 y 页`` and the continuation header."""

    class RecordCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._hd_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._hd_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._hd_pages)
            for state in self._hd_pages:
                self.__dict__.update(state)
                _decorate(self, font, record, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return RecordCanvas


def _decorate(canvas: Canvas, font: str, record: InspectionRecord, total: int) -> None:
    page = canvas.getPageNumber()
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    y_line = MARGIN_BOTTOM - 5 * mm
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, y_line, PAGE_WIDTH - MARGIN_X, y_line)
    canvas.setFont(font, 8)
    y_text = y_line - 4 * mm
    canvas.drawCentredString(PAGE_WIDTH / 2, y_text, f"第 {page} 页 共 {total} 页")
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


def _top_block(record: InspectionRecord, styles: _Styles, font: str) -> Table:
    side = 36 * mm
    left: Any = _DraftStamp(font) if record.draft else ""
    centre = [_p(record.plant_name, styles.plant), Spacer(1, 1.5 * mm), _Title(TITLE, font)]
    right = Paragraph(f"检查编号<br/>{escape(record.number)}", styles.code)
    table = Table([[left, centre, right]], colWidths=[side, FRAME_WIDTH - 2 * side, side])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


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
                    Paragraph(_result_markup(item.result), styles.value_centre),
                    _p(item.note, styles.small),
                    Paragraph(hazard, styles.small_centre),
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
                Paragraph(grade_markup, styles.small_centre),
            ]
        )
    return form


def _story(record: InspectionRecord, styles: _Styles, font: str) -> list[Flowable]:
    story: list[Flowable] = [_top_block(record, styles, font), Spacer(1, 2 * mm)]
    meta = Table(
        [
            [
                Paragraph(f"检查编号：{escape(record.number)}", styles.meta),
                Paragraph(f"检查日期：{escape(record.inspected_on)}", styles.meta_right),
            ]
        ],
        colWidths=[FRAME_WIDTH / 2, FRAME_WIDTH / 2],
    )
    meta.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
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

    note = Paragraph(
        "注：不合格项均已登记为事故隐患（见隐患编号），按《隐患分级管理制度》判定级别并整改闭环；"
        "标注“建议重大”的项目对应重大事故隐患判定标准，由判定小组确认。",
        styles.note,
    )
    tables = _stack(forms)
    story.extend(tables[:-2])
    story.append(KeepTogether([*tables[-2:], Spacer(1, 2 * mm), note]))
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
        path = pathlib.Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".record-", suffix=".pdf", dir=path.parent)
        os.close(handle)
        try:
            doc = BaseDocTemplate(
                temp_name,
                pagesize=A4,
                leftMargin=MARGIN_X,
                rightMargin=MARGIN_X,
                topMargin=MARGIN_TOP,
                bottomMargin=MARGIN_BOTTOM,
                title=f"{TITLE} {record.number}",
                author=record.plant_name,
                subject=TITLE,
                creator="hazard_desktop",
                producer="hazard_desktop (ReportLab)",
                initialFontName=font,
                initialFontSize=9.5,
                initialLeading=13,
                invariant=int(self.invariant),
            )
            frame = Frame(
                MARGIN_X,
                MARGIN_BOTTOM,
                FRAME_WIDTH,
                PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id="body",
            )
            doc.addPageTemplates([PageTemplate(id="record", frames=[frame], pagesize=A4)])
            doc.build(story, canvasmaker=_canvas_class(font, record))
            os.replace(temp_name, path)
        except BaseException:
            pathlib.Path(temp_name).unlink(missing_ok=True)
            raise


__all__ = ["ReportLabInspectionRecordRenderer"]

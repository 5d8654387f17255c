"""The four rectification forms of issue 12, in the sheets' machinery (same top block with the QR and
核验码, same 副本 stamp, page furniture and bordered tables as the 隐患分级判定表):

* 隐患整改通知书 and, below a cut line, its 回执 (kept whole, on the same page when it fits);
* 隐患整改验收单: the fix, photos before | after side by side, the evaluation record of a major hazard,
  the conclusion and a signature line per acceptor;
* 重大事故隐患治理方案: the six contents of 令第16号 第十五条, 停产停业, 挂牌督办, the reports made
  (双报告), signatures 编制 / 审核 / 批准;
* 重大事故隐患报告: one page for the regulator (令第16号 第十四条), long texts shortened to keep it on
  one page, the full plan referred to by its number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from hazard_desktop.adapters.pdf.common import FRAME_WIDTH, _font, _p, _Para, _pieces, _Styles
from hazard_desktop.adapters.pdf.forms import (
    CELL_PAD_X,
    DATE_BLANKS,
    FOUR_COLS,
    LABEL_BG,
    _Form,
    _long_row,
    _members_form,
    _pair_row,
    _section_row,
    _signature_form,
    _stack,
    _stack_with_note,
)
from hazard_desktop.adapters.pdf.grading_sheet import _sheet_jpeg
from hazard_desktop.adapters.pdf.sheet_parts import _sheet_head
from hazard_desktop.services.form_models import (
    TITLE_ACCEPTANCE,
    TITLE_NOTICE,
    TITLE_PLAN,
    TITLE_RECEIPT,
    TITLE_REPORT,
    AcceptanceForm,
    FormHazard,
    MajorReportForm,
    NoticeForm,
    TreatmentPlanForm,
)
from hazard_desktop.services.sheet_models import SheetMember, SheetPhoto

RULE_16 = "《安全生产事故隐患排查治理暂行规定》（国家安全监管总局令第16号）"
BLANK = "\xa0" * 16
MAX_PAIR_PHOTOS = 3  # photos per side on the acceptance form
#: Characters each free text of the one-page report keeps; longer texts end in "……（详见治理方案）".
REPORT_TEXT_LIMIT = 120
REPORT_PLAN_LINES = 6


def _hazard_rows(form: _Form, styles: _Styles, number: str, hazard: FormHazard, *, category: bool = True) -> None:
    _pair_row(form, styles, ("隐患编号", number), ("隐患等级", hazard.grade))
    _pair_row(form, styles, ("发现时间", hazard.found_at), ("发现人", hazard.found_by))
    if category:
        _long_row(form, styles, "隐患类别", hazard.category, mandatory=False)
    _long_row(form, styles, "隐患部位", hazard.location)
    _long_row(form, styles, "隐患描述", hazard.description)


def _grading_row(form: _Form, styles: _Styles, hazard: FormHazard) -> None:
    lines = list(hazard.basis)
    if hazard.grading_sheet_no:
        lines.insert(0, f"隐患分级判定表 {hazard.grading_sheet_no}")
    if lines:
        _long_row(form, styles, "分级依据", "\n".join(lines))


def _text_block(form: _Form, styles: _Styles, heading: str, text: str) -> None:
    """A heading row over a full-width text (the plan's contents); empty text prints a blank line."""
    form.add([_p(heading, styles.value)], [len(form.widths)], background=LABEL_BG)
    _long_row_full(form, styles, text or "（未填写）")


def _long_row_full(form: _Form, styles: _Styles, text: str) -> None:
    width = sum(form.widths) - 2 * CELL_PAD_X
    for index, piece in enumerate(_pieces(text, styles.value, width)):
        form.add([piece], [len(form.widths)], continuation=index > 0)


# ----------------------------------------------------------------------------------------- 通知书
def _notice_story(sheet: NoticeForm, styles: _Styles, font: str) -> list[Flowable]:
    story = _sheet_head(TITLE_NOTICE, sheet, f"签发日期：{escape(sheet.issued_on)}", styles, font)
    person = f"（责任人：{sheet.to_person}）" if sheet.to_person else ""
    story.append(_p(f"致：{sheet.to_department}{person}", styles.section))
    if sheet.on_the_spot:
        lead = "下列事故隐患已由发现人当场整改，现予记录；请责任部门确认整改效果并配合验收。"
    else:
        lead = (
            f"经排查，你部门存在下列事故隐患。依据{RULE_16}，请按下列要求组织整改，"
            "整改期间落实安全防范措施，整改完成后提请验收，并于收到本通知之日起填写回执交回安全环保部。"
        )
    story.append(_p(lead, styles.value))
    story.append(Spacer(1, 1.5 * mm))

    forms: list[_Form | tuple[_Form, int]] = []
    info = _Form(FOUR_COLS)
    _hazard_rows(info, styles, sheet.hazard_number, sheet.hazard)
    _grading_row(info, styles, sheet.hazard)
    forms.append(info)

    five = _Form(FOUR_COLS)
    _section_row(five, styles, "整改安排")
    for line in sheet.assignment:
        _long_row(five, styles, line.label, line.text)
    if not sheet.assignment:  # the 五定 carry the deadline; without them it stands alone
        _long_row(five, styles, "整改期限", sheet.deadline)
    _long_row(five, styles, "整改要求", sheet.requirement, mandatory=False)
    _long_row(five, styles, "临时措施", sheet.interim, mandatory=False)
    if sheet.history:
        _long_row(five, styles, "期限变更", "\n".join(sheet.history))
    forms.append(five)
    forms.append(_signature_form(styles, [("签发人", _with_department(sheet.issued_by, sheet.issuer_department))]))
    note = _Para(
        "注：逾期未完成整改的，按公司隐患排查治理制度考核；确需延期的，应在期限届满前书面申请延期并经批准。"
        "核验码由整改记录计算，可在本系统“核验”中输入核验码或扫描二维码核对。",
        styles.note,
    )
    story.extend(_stack_with_note(forms, note))
    story.append(Spacer(1, 3 * mm))
    story.append(KeepTogether([_CutLine(font), Spacer(1, 2 * mm), *_receipt(sheet, styles)]))
    return story


def _with_department(name: str, department: str) -> str:
    return f"{name}（{department}）" if name and department else name


class _CutLine(Flowable):
    """A dashed line across the page with "沿此线剪下" in its middle: where the 回执 is torn off."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.font = font

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 4 * mm

    def draw(self) -> None:
        canvas = self.canv
        text = "（沿此线剪下）"
        size = 8
        text_w = canvas.stringWidth(text, self.font, size)
        y = 2 * mm
        canvas.saveState()
        canvas.setDash(3, 2)
        canvas.setLineWidth(0.6)
        left_end = (self.width - text_w) / 2 - 2 * mm
        canvas.line(0, y, left_end, y)
        canvas.line(self.width - left_end, y, self.width, y)
        canvas.setFont(self.font, size)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawCentredString(self.width / 2, y - size * 0.35, text)
        canvas.restoreState()


def _receipt(sheet: NoticeForm, styles: _Styles) -> list[Flowable]:
    """The 回执: which notice it answers (number and code), the department's confirmation and signatures."""
    title = _Para(f'<font size="14">{escape(TITLE_RECEIPT)}</font>', styles.plant)
    form = _Form(FOUR_COLS)
    _pair_row(form, styles, ("通知书编号", sheet.sheet_no), ("核验码", sheet.verify_code))
    _pair_row(form, styles, ("隐患编号", sheet.hazard_number), ("整改期限", sheet.deadline))
    _pair_row(form, styles, ("责任部门", sheet.to_department), ("责任人", sheet.to_person))
    _long_row(
        form,
        styles,
        "签收意见",
        "本部门已收到上述隐患整改通知书，将按通知要求落实整改措施、资金和期限，整改期间落实临时安全措施，"
        "整改完成后及时提请验收。",
    )
    signers = _signature_form(styles, [("部门负责人", ""), ("签收人", sheet.to_person)])
    return [title, Spacer(1, 2 * mm), *_stack([form, signers])]


# ----------------------------------------------------------------------------------------- 验收单
def _photo_cell(photos: Sequence[SheetPhoto], styles: _Styles, width: float) -> Any:
    """Up to three photos of one side, next to each other, each with its caption."""
    shown = list(photos[:MAX_PAIR_PHOTOS])
    if not shown:
        return _p("（无照片）", styles.caption)
    count = len(shown)
    cell_w = width / count
    box_w, box_h = cell_w - 2 * mm, (32 if count == 1 else 27) * mm
    row: list[Any] = []
    for photo in shown:
        prepared = _sheet_jpeg(photo.jpeg)
        if prepared is None:  # a damaged photo must not stop the form being printed
            image: Any = _Para("（照片无法读取）", styles.caption)
        else:
            data, px_w, px_h = prepared
            scale = min(box_w / px_w, box_h / px_h)
            image = Image(io.BytesIO(data), px_w * scale, px_h * scale)
        caption = _p(photo.caption, styles.caption) if photo.caption else Spacer(1, 1)
        row.append([image, Spacer(1, 1 * mm), caption])
    table = Table([row], colWidths=[cell_w] * count)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), _font()),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _photos_form(sheet: AcceptanceForm, styles: _Styles) -> _Form:
    """整改前 | 整改后, side by side, each half the form's width."""
    half = FRAME_WIDTH / 2
    form = _Form([half, half])
    _section_row(form, styles, "整改前后对比照片")
    form.add([_p("整改前", styles.label), _p("整改后", styles.label)], labels=(0, 1))
    inner = half - 10
    form.add([_photo_cell(sheet.before, styles, inner), _photo_cell(sheet.after, styles, inner)])
    return form


def _acceptance_story(sheet: AcceptanceForm, styles: _Styles, font: str) -> list[Flowable]:
    story = _sheet_head(TITLE_ACCEPTANCE, sheet, f"第 {sheet.round_no} 次验收", styles, font)
    forms: list[_Form | tuple[_Form, int]] = []
    info = _Form(FOUR_COLS)
    _hazard_rows(info, styles, sheet.hazard_number, sheet.hazard, category=False)
    _grading_row(info, styles, sheet.hazard)
    forms.append(info)

    done = _Form(FOUR_COLS)
    _section_row(done, styles, "整改情况")
    _pair_row(done, styles, ("责任部门", sheet.responsible_department), ("责任人", sheet.responsible_person))
    _pair_row(done, styles, ("整改期限", sheet.deadline), ("提请验收", sheet.requested_on))
    _long_row(done, styles, "整改完成情况", sheet.measures_taken)
    _long_row(done, styles, "整改资金", sheet.funds, mandatory=False)
    if sheet.earlier_rounds:
        _long_row(done, styles, "以往验收", "\n".join(sheet.earlier_rounds))
    forms.append(done)
    forms.append(_photos_form(sheet, styles))

    if sheet.major:
        evaluation = _Form(FOUR_COLS)
        _section_row(evaluation, styles, "治理效果评估（令第16号 第十八条）")
        found = sheet.evaluation
        _pair_row(
            evaluation,
            styles,
            ("评估单位/人员", found.evaluated_by if found else ""),
            ("评估报告编号", found.report_reference if found else ""),
        )
        _pair_row(
            evaluation,
            styles,
            ("评估日期", found.evaluated_on if found else ""),
            ("评估结论", found.conclusion if found else ""),
        )
        forms.append(evaluation)

    verdict = _Form(FOUR_COLS)
    _section_row(verdict, styles, "验收意见")
    result = sheet.result or "□ 整改合格，同意销号　　　□ 整改不合格，退回整改（理由：　　　　　　　　　　）"
    row = verdict.add([_p("验收结论", styles.label), _p(result, styles.value)], [1, 3], labels=(0,))
    if not sheet.result:
        verdict.heights[row] = 11 * mm
    _long_row(verdict, styles, "验收日期", sheet.accepted_on or DATE_BLANKS)
    forms.append(verdict)
    members = [SheetMember(a.role, a.name, a.department) for a in sheet.acceptors]
    title = "验收组成员签字" if sheet.major else "验收人签字"
    forms.append((_members_form(members, styles, title, signatures=True, scores=False), 2))
    rules = (
        "重大事故隐患由验收组（不少于3人，含安全环保部人员）验收，并依据治理效果评估报告；"
        if sheet.major
        else "一般事故隐患由安全环保部或指定人员验收；"
    )
    note = _Para(
        f"注：{rules}验收人不得为该隐患的整改责任人。核验码由验收记录计算，可在本系统“核验”中核对。",
        styles.note,
    )
    story.extend(_stack_with_note(forms, note))
    return story


# ----------------------------------------------------------------------------------------- 治理方案
def _plan_story(sheet: TreatmentPlanForm, styles: _Styles, font: str) -> list[Flowable]:
    story = _sheet_head(TITLE_PLAN, sheet, f"编制日期：{escape(sheet.drawn_up_on)}", styles, font)
    forms: list[_Form | tuple[_Form, int]] = []
    info = _Form(FOUR_COLS)
    _hazard_rows(info, styles, sheet.hazard_number, sheet.hazard)
    _grading_row(info, styles, sheet.hazard)
    _pair_row(info, styles, ("责任部门", sheet.responsible_department), ("责任人", sheet.responsible_person))
    _pair_row(info, styles, ("治理期限", sheet.deadline), ("治理资金", sheet.funds))
    forms.append(info)

    contents = _Form(FOUR_COLS)
    _section_row(contents, styles, "治理方案（令第16号 第十五条）")
    for heading, text in sheet.contents:
        _text_block(contents, styles, heading, text)
    forms.append(contents)

    during = _Form(FOUR_COLS)
    _section_row(during, styles, "治理期间")
    _long_row(during, styles, "停产停业", sheet.shutdown or "未停产")
    _long_row(during, styles, "挂牌督办", sheet.supervision or "无")
    _long_row(during, styles, "报告情况", "\n".join(sheet.reports) or "尚未报告")
    forms.append(during)
    forms.append(
        _signature_form(
            styles,
            [("编制人", sheet.responsible_person), ("审核人", ""), ("主要负责人", sheet.approver)],
        )
    )
    note = _Para(
        "注：重大事故隐患治理方案由单位主要负责人组织制定并实施；治理情况应向负有安全生产监督管理职责的部门"
        "和职工大会或者职工代表大会报告（安全生产法第四十一条）。核验码由治理方案记录计算，可在本系统“核验”中核对。",
        styles.note,
    )
    story.extend(_stack_with_note(forms, note))
    return story


# ----------------------------------------------------------------------------------------- 报告
def _brief(text: str, limit: int = REPORT_TEXT_LIMIT) -> str:
    """``text`` shortened to ``limit`` characters for the one-page report (the full text is in the plan)."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if len(text) <= limit:
        return text
    return text[:limit].rstrip() + "……（详见治理方案）"


def _report_story(sheet: MajorReportForm, styles: _Styles, font: str) -> list[Flowable]:
    reported = sheet.reported_on or DATE_BLANKS
    story = _sheet_head(TITLE_REPORT, sheet, f"报告日期：{escape(reported)}", styles, font)
    story.append(_p(f"{sheet.addressee or BLANK}：", styles.section))
    story.append(
        _p(
            f"现将本单位排查出的重大事故隐患报告如下（依据{RULE_16}第十四条、《安全生产法》第四十一条）。",
            styles.value,
        )
    )
    story.append(Spacer(1, 1.5 * mm))
    forms: list[_Form | tuple[_Form, int]] = []
    info = _Form(FOUR_COLS)
    _pair_row(info, styles, ("报告单位", sheet.plant_name), ("隐患编号", sheet.hazard_number))
    _long_row(info, styles, "隐患部位", _brief(sheet.hazard.location, 60))
    _long_row(info, styles, "判定依据", _brief("\n".join(sheet.hazard.basis) or sheet.hazard.grade, 120))
    forms.append(info)

    state = _Form(FOUR_COLS)
    _section_row(state, styles, "一、隐患的现状及其产生原因")
    _long_row(state, styles, "现状", _brief(sheet.current_state))
    _long_row(state, styles, "产生原因", _brief(sheet.cause))
    _section_row(state, styles, "二、隐患的危害程度和整改难易程度分析")
    _long_row(state, styles, "危害程度", _brief(sheet.harm))
    _long_row(state, styles, "整改难易程度", _brief(sheet.difficulty))
    _section_row(state, styles, "三、隐患的治理方案")
    for line in sheet.plan_lines[:REPORT_PLAN_LINES]:
        _long_row(state, styles, line.label, _brief(line.text, 90))
    _long_row(state, styles, "停产停业", _brief(sheet.shutdown or "未停产", 60))
    _long_row(state, styles, "临时措施", _brief(sheet.interim, 90), mandatory=False)
    if sheet.plan_no:
        _long_row(state, styles, "治理方案", f"详见《{TITLE_PLAN}》（编号 {sheet.plan_no}）")
    forms.append(state)
    signers = _signature_form(styles, [("主要负责人", sheet.principal), ("联系人及电话", sheet.contact)])
    signers.add([_p("报告单位\n（盖章）", styles.label), ""], [1, 3], labels=(0,), height=16 * mm)
    forms.append(signers)
    note = _Para("注：核验码由重大事故隐患及其治理方案的记录计算，可在本系统“核验”中核对。", styles.note)
    # one page: the texts are shortened to fit, so the form is not kept apart from its signatures
    story.extend([*_stack(forms), Spacer(1, 2 * mm), note])
    return story


def form_story(sheet: Any, styles: _Styles, font: str) -> list[Flowable] | None:
    """The story of a rectification form, or None when ``sheet`` is not one."""
    if isinstance(sheet, NoticeForm):
        return _notice_story(sheet, styles, font)
    if isinstance(sheet, AcceptanceForm):
        return _acceptance_story(sheet, styles, font)
    if isinstance(sheet, TreatmentPlanForm):
        return _plan_story(sheet, styles, font)
    if isinstance(sheet, MajorReportForm):
        return _report_story(sheet, styles, font)
    return None


FORM_TITLES = {
    NoticeForm: TITLE_NOTICE,
    AcceptanceForm: TITLE_ACCEPTANCE,
    TreatmentPlanForm: TITLE_PLAN,
    MajorReportForm: TITLE_REPORT,
}

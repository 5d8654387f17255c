"""The 争议裁决表: the hazard, the disputed grading, the dispute, the ruling panel and the ruling."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from hazard_desktop.adapters.pdf.common import _Para, _Styles
from hazard_desktop.adapters.pdf.forms import (
    FOUR_COLS,
    _Form,
    _has_scores,
    _long_row,
    _members_form,
    _pair_row,
    _section_row,
    _signature_form,
    _stack_with_note,
    signed_rows,
)
from hazard_desktop.adapters.pdf.sheet_parts import TITLE_DISPUTE, _result_form, _sheet_head
from hazard_desktop.services.sheet_models import DisputeSheet


def _dispute_story(sheet: DisputeSheet, styles: _Styles, font: str) -> list[Flowable]:
    story = _sheet_head(TITLE_DISPUTE, sheet, f"裁决日期：{escape(sheet.ruled_on)}", styles, font)
    forms: list[_Form | tuple[_Form, int]] = []

    info = _Form(FOUR_COLS)
    _pair_row(info, styles, ("隐患编号", sheet.hazard_number), ("隐患类别", sheet.category))
    _long_row(info, styles, "隐患部位", sheet.location, mandatory=False)
    _long_row(info, styles, "隐患描述", sheet.description)
    forms.append(info)

    original = sheet.original
    before = _Form(FOUR_COLS)
    _section_row(before, styles, "一、原判定情况")
    _pair_row(before, styles, ("原判定表号", original.sheet_no), ("原判定日期", original.graded_on))
    _pair_row(before, styles, ("判定方法", original.method_label), ("判定组长", original.leader_name))
    _pair_row(before, styles, ("原平均D值", original.mean_d or "—"), ("原判定结果", original.band_name))
    forms.append(before)
    if original.members:
        forms.append(
            (
                _members_form(
                    original.members,
                    styles,
                    "原判定小组评分",
                    signatures=False,
                    scores=_has_scores(original.members),
                    compact=True,
                ),
                2,
            )
        )

    dispute = _Form(FOUR_COLS)
    _section_row(dispute, styles, "二、争议情况")
    _pair_row(dispute, styles, ("提出部门", sheet.raised_by_department), ("提出人", sheet.raised_by_person))
    _long_row(dispute, styles, "提出时间", sheet.raised_at)
    _long_row(dispute, styles, "争议理由", sheet.reason)
    if sheet.claimed:
        _long_row(dispute, styles, "主张适用条款", sheet.claimed)
    forms.append(dispute)

    numbers = iter(("三", "四", "五", "六"))
    if sheet.verdicts:
        votes = _Form(FOUR_COLS)
        _section_row(votes, styles, f"{next(numbers)}、判定标准逐条表决（先于 LEC，第5.1条；小组单数，过半数为准）")
        for verdict in sheet.verdicts:
            _long_row(votes, styles, "判定条款", f"{verdict.code}（{verdict.clause}）{verdict.text}")
            _long_row(votes, styles, "核查情况", verdict.evidence)
            _long_row(votes, styles, "表决结果", verdict.result)
            _long_row(votes, styles, "逐人表决", verdict.votes)
        forms.append(votes)

    scores = _has_scores(sheet.members)
    title = (
        f"{next(numbers)}、争议裁决小组评分（LEC 法：D = L × E × C）"
        if scores
        else f"{next(numbers)}、争议裁决小组成员"
    )
    forms.append((_members_form(sheet.members, styles, title, signatures=True, scores=scores), 2))

    forms.append(_result_form(sheet, styles, f"{next(numbers)}、裁决结果", ("最终平均D值", "风险等级"), "裁决结果"))
    ruling = _Form(FOUR_COLS)
    if sheet.ruling_basis:
        _long_row(ruling, styles, "裁决依据", sheet.ruling_basis)
    _long_row(ruling, styles, "裁决意见", sheet.ruling_text)
    forms.append(ruling)
    signers = [("裁决组长", sheet.leader_name)]
    if sheet.deputy_name:
        signers.append(("副组长", sheet.deputy_name))
    signature = _signature_form(styles, signers)
    signed_rows(signature, styles, sheet.signed_lines)
    forms.append(signature)

    note = _Para(
        "注：本表经争议裁决小组全体成员签字后生效，裁决结果为该隐患的最终分级。"
        "核验码由裁决记录计算，可在本系统“核验”中输入核验码或扫描二维码核对。",
        styles.note,
    )
    # the ruling text, the signatures and the note stay on one page
    story.extend(_stack_with_note(forms, note))
    return story

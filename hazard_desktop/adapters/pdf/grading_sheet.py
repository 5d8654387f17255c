"""The 隐患分级判定表: the hazard with its photos, the basis (criteria), the panel's scores, the result."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer

from hazard_desktop.adapters.pdf.common import FRAME_WIDTH, _CellRow, _p, _Para, _Styles
from hazard_desktop.adapters.pdf.forms import (
    FOUR_COLS,
    LABEL_W,
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
from hazard_desktop.adapters.pdf.sheet_parts import TITLE_GRADING, _result_form, _sheet_head
from hazard_desktop.services.sheet_models import GradingSheet, SheetCriterion, SheetPhoto

MAX_PHOTOS = 4  # the sheet shows the first few photos, small
PHOTO_MAX_PIXELS = 640  # long side of a photo as embedded: ~450 dpi at the printed size, small files


def _sheet_jpeg(data: bytes) -> tuple[bytes, int, int] | None:
    """The photo as a small JPEG for the sheet and its pixel size; None if it cannot be read."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    try:
        with PILImage.open(io.BytesIO(data)) as opened:
            if opened.format == "JPEG" and max(opened.size) <= PHOTO_MAX_PIXELS and opened.mode in ("RGB", "L"):
                width, height = opened.size
                # Decoding checks that the whole file reads; at 1/8 scale (JPEG's own DCT scaling) it
                # reads every byte for a fraction of the work. The file itself is embedded as it is.
                opened.draft(opened.mode, (max(1, width // 8), max(1, height // 8)))
                opened.load()
                return data, width, height
            image = ImageOps.exif_transpose(opened).convert("RGB")
        image.thumbnail((PHOTO_MAX_PIXELS, PHOTO_MAX_PIXELS))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82, optimize=True)
        return out.getvalue(), image.width, image.height
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
        return None


def _photos_cell(photos: Sequence[SheetPhoto], styles: _Styles, width: float) -> Flowable:
    shown = list(photos[:MAX_PHOTOS])
    cell_w = width / MAX_PHOTOS
    box_w, box_h = cell_w - 3 * mm, 27 * mm
    row: list[Any] = []
    for photo in shown:
        prepared = _sheet_jpeg(photo.jpeg)
        if prepared is None:  # a damaged photo must not stop the record being printed
            image: Any = _Para("（照片无法读取）", styles.caption)
        else:
            data, px_w, px_h = prepared
            scale = min(box_w / px_w, box_h / px_h)
            image = Image(io.BytesIO(data), px_w * scale, px_h * scale)
        caption = _p(photo.caption, styles.caption) if photo.caption else Spacer(1, 1)
        row.append([image, Spacer(1, 1 * mm), caption])
    row += [""] * (MAX_PHOTOS - len(row))
    return _CellRow(row, [cell_w] * MAX_PHOTOS, align=["CENTER"] * MAX_PHOTOS, valign="TOP", padding=(1, 1, 1, 0))


def _criteria_form(criteria: Sequence[SheetCriterion], styles: _Styles) -> _Form:
    widths = [10 * mm, 40 * mm, 0.0, 48 * mm]
    widths[2] = FRAME_WIDTH - sum(widths)
    form = _Form(widths)
    _section_row(form, styles, "判定依据：符合的重大事故隐患判定标准")
    form.add([_p(h, styles.label) for h in ("序号", "标准条款", "判定标准内容", "现场情况")], labels=range(4))
    for number, item in enumerate(criteria, start=1):
        clause = f"{item.clause}\n（{item.code}）" if item.code else item.clause
        form.add(
            [
                _p(str(number), styles.value_centre),
                _p(clause, styles.value),
                _p(item.text, styles.value),
                _p(item.evidence, styles.value),
            ]
        )
    return form


def _grading_story(sheet: GradingSheet, styles: _Styles, font: str) -> list[Flowable]:
    story = _sheet_head(TITLE_GRADING, sheet, f"判定日期：{escape(sheet.graded_on)}", styles, font)
    forms: list[_Form | tuple[_Form, int]] = []

    info = _Form(FOUR_COLS)
    _pair_row(info, styles, ("隐患编号", sheet.hazard_number), ("隐患类别", sheet.category))
    _pair_row(info, styles, ("发现时间", sheet.found_at), ("发现人", sheet.found_by))
    _long_row(info, styles, "隐患部位", sheet.location)
    _long_row(info, styles, "隐患描述", sheet.description)
    if sheet.photos:
        info.add(
            [_p("现场照片", styles.label), _photos_cell(sheet.photos, styles, FRAME_WIDTH - LABEL_W - 8)],
            [1, 3],
            labels=(0,),
        )
    _long_row(info, styles, "判定方法", sheet.method_label)
    if sheet.basis_lines:
        _long_row(info, styles, "判定依据", "\n".join(sheet.basis_lines))
    forms.append(info)

    if sheet.criteria:
        forms.append((_criteria_form(sheet.criteria, styles), 2))

    scores = _has_scores(sheet.members)
    title = "判定小组评分（LEC 法：D = L × E × C）" if scores else "判定小组成员"
    members = _members_form(sheet.members, styles, title, signatures=True, scores=scores)
    if sheet.panel_note:  # a grading stored before the panel was recorded: said so, no blank rows
        members.add([_p(sheet.panel_note, styles.value)], [len(members.widths)])
    forms.append((members, 2))

    band_label = "风险等级" if scores else "判定结果"
    forms.append(_result_form(sheet, styles, "判定结果", ("平均D值", band_label), band_label))
    signature = _signature_form(styles, [("判定组长", sheet.leader_name)])
    signed_rows(signature, styles, sheet.signed_lines)
    forms.append(signature)

    note = _Para(
        "注：本表经判定小组全体成员签字后生效。核验码由判定记录计算，"
        "可在本系统“核验”中输入核验码或扫描二维码，核对本表与存档记录是否一致。",
        styles.note,
    )
    # the result, the leader's signature and the note stay on one page
    story.extend(_stack_with_note(forms, note))
    return story

"""ReportLab renderer of the printed sheets: 隐患分级判定表 and 争议裁决表 (A4, bordered Chinese forms).

Layout of a sheet (one page section per sheet; a long sheet continues on further pages):

* top block: copy stamp (副本, red) | plant name and title | QR code with ``核验码 XXXX-XXXX-XXXX``;
* a line with the sheet number and the date;
* the form: stacked bordered tables of equal width, so page breaks fall between rows — the hazard,
  its photos, the basis, the panel's scores with an empty signature cell per member, the result
  with the band colour as a small swatch, signature and date lines;
* on every page: a footer with the plant name, ``第 x 页 共 y 页`` over the whole document and the
  sheet's numbers; pages after a sheet's first carry a ``（续）`` header.

Every piece of text is set in the bundled WenQuanYi Micro Hei (subset-embedded); no standard-14 font
is used anywhere, including the canvas's initial font. The fixed labels are Chinese on purpose: the
printed form is the plant's legal record.

ReportLab and segno are imported only when this module is, i.e. when a sheet is printed.

The page, font, styles and page furniture live in ``common.py``, the form builder and its rows in
``forms.py``; both are shared with the inspection record.
"""

from __future__ import annotations

import io
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

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
    LABEL_W,
    _Form,
    _has_scores,
    _long_row,
    _members_form,
    _pair_row,
    _section_row,
    _signature_form,
    _stack,
)
from hazard_desktop.services.sheet_models import (
    DisputeSheet,
    GradingSheet,
    SheetCriterion,
    SheetDocument,
    SheetPhoto,
)

MAX_PHOTOS = 4  # the sheet shows the first few photos, small
TITLE_GRADING = "隐患分级判定表"
TITLE_DISPUTE = "争议裁决表"


# ----------------------------------------------------------------------------------------- flowables
class _Qr(Flowable):
    """A QR code drawn as vector modules (segno computes the matrix)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.matrix = segno.make(payload, error="m", micro=False).matrix
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        quiet = 2
        count = len(self.matrix) + 2 * quiet
        module = self.size / count
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.black)
        path = canvas.beginPath()
        for row_index, row in enumerate(self.matrix):
            y = self.size - (row_index + quiet + 1) * module
            col = 0
            while col < len(row):
                if row[col]:
                    start = col
                    while col < len(row) and row[col]:
                        col += 1
                    path.rect((start + quiet) * module, y, (col - start) * module, module)
                else:
                    col += 1
        canvas.drawPath(path, stroke=0, fill=1)


class _Swatch(Flowable):
    """A small square in the band's colour."""

    def __init__(self, colour: colors.Color, size: float = 3.6 * mm) -> None:
        super().__init__()
        self.colour, self.size = colour, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setFillColor(self.colour)
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(0.4)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=1)


class _CopyStamp(_Stamp):
    """Red stamp ``副本`` / ``第n次打印`` of a reprint."""

    def __init__(self, copy_no: int, font: str) -> None:
        super().__init__("副 本", _copy_text(copy_no), font)
        self.copy_no = copy_no


def _copy_text(copy_no: int) -> str:
    return f"第{copy_no + 1}次打印"


@dataclass(frozen=True)
class _PageInfo:
    """What the page decoration (footer, continuation header) needs to know about a sheet."""

    title: str
    plant_name: str
    sheet_no: str
    hazard_number: str
    verify_code: str
    copy_no: int


class _SheetStart(Flowable):
    """Invisible marker at the start of a sheet: tells the canvas which sheet its pages belong to."""

    def __init__(self, info: _PageInfo) -> None:
        super().__init__()
        self.info = info

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._hd_sheet = self.info  # type: ignore[attr-defined]
        self.canv._hd_sheet_first_page = self.canv.getPageNumber()  # type: ignore[attr-defined]


def _numbered_canvas_class(font: str) -> type[Canvas]:
    """A canvas that keeps its pages until the end to print ``第 x 页 共 y 页`` and the headers."""
    return _paged_canvas_class(
        lambda canvas, total: _decorate_page(canvas, font, total), _hd_sheet=None, _hd_sheet_first_page=1
    )


def _decorate_page(canvas: Canvas, font: str, total: int) -> None:
    """Footer on every page; continuation header on a sheet's later pages."""
    info: _PageInfo | None = getattr(canvas, "_hd_sheet", None)
    page = canvas.getPageNumber()
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    y_text = _footer_line(canvas, font, total)
    if info is not None:
        canvas.drawString(MARGIN_X, y_text, info.plant_name)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, y_text, f"{info.hazard_number}  表号 {info.sheet_no}")
        if page != getattr(canvas, "_hd_sheet_first_page", page):
            y_head = PAGE_HEIGHT - MARGIN_TOP + 5 * mm
            canvas.setFont(font, 9)
            canvas.drawString(MARGIN_X, y_head, f"{info.title}（续）")
            canvas.drawRightString(
                PAGE_WIDTH - MARGIN_X,
                y_head,
                f"隐患编号 {info.hazard_number}  表号 {info.sheet_no}  核验码 {info.verify_code}",
            )
            if info.copy_no > 0:
                canvas.setFillColor(COPY_RED)
                canvas.drawString(
                    MARGIN_X + stringWidth(f"{info.title}（续）", font, 9) + 4 * mm,
                    y_head,
                    f"副本 {_copy_text(info.copy_no)}",
                )
            canvas.setLineWidth(0.4)
            canvas.line(MARGIN_X, y_head - 2 * mm, PAGE_WIDTH - MARGIN_X, y_head - 2 * mm)
    canvas.restoreState()


# ------------------------------------------------------------------------------------------ renderer
class ReportLabSheetRenderer:
    """Prints a :class:`SheetDocument` as an A4 PDF with ReportLab (implements ``SheetRenderer``)."""

    def __init__(self, *, invariant: bool = False) -> None:
        """``invariant=True`` writes byte-identical files for identical input (fixed dates and ids)."""
        self.invariant = invariant

    def render(self, document: SheetDocument, path: pathlib.Path) -> None:
        """Write ``document`` to ``path`` (atomically: a failed render leaves no partial file)."""
        font = _font()
        _teach_line_breaking()
        styles = _styles(font)
        story: list[Flowable] = []
        for index, sheet in enumerate(document.sheets):
            if index:
                story.append(PageBreak())
            if isinstance(sheet, GradingSheet):
                story.extend(_grading_story(sheet, styles, font))
            elif isinstance(sheet, DisputeSheet):
                story.extend(_dispute_story(sheet, styles, font))
            else:  # pragma: no cover - the model's type says this cannot happen
                raise TypeError(f"cannot print {type(sheet).__name__}")
        _write_pdf(
            path,
            story,
            _numbered_canvas_class(font),
            kind="sheet",
            font=font,
            invariant=self.invariant,
            title=document.title,
            author=document.sheets[0].plant_name,
            subject="、".join(sorted({_title_of(s) for s in document.sheets})),
        )


def _title_of(sheet: GradingSheet | DisputeSheet) -> str:
    return TITLE_GRADING if isinstance(sheet, GradingSheet) else TITLE_DISPUTE


# ------------------------------------------------------------------------------------ shared pieces
def _top_block(
    title: str, plant_name: str, verify_code: str, qr_payload: str, copy_no: int, styles: _Styles, font: str
) -> Table:
    """Copy stamp | plant name + title | QR + 核验码."""
    left: Any = _CopyStamp(copy_no, font) if copy_no > 0 else ""
    centre = [_p(plant_name, styles.plant), Spacer(1, 1.5 * mm), _Title(title, font)]
    right = [_Qr(qr_payload, 21 * mm), Paragraph(f"核验码 {escape(verify_code)}", styles.code)]
    return _top_table(left, centre, right, font, ("ALIGN", (0, 0), (0, 0), "LEFT"), ("ALIGN", (2, 0), (2, 0), "CENTER"))


def _band_cell(band_name: str, band_colour: str, styles: _Styles) -> Any:
    colour = _parse_colour(band_colour)
    text = _p(band_name, styles.value)
    if colour is None:
        return text
    inner = Table([[_Swatch(colour), text]], colWidths=[5.5 * mm, None])
    inner.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), _font()),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return inner


def _parse_colour(value: str) -> colors.Color | None:
    value = value.strip()
    if not value:
        return None
    try:
        return colors.HexColor(value if value.startswith("#") else "#" + value)
    except (ValueError, TypeError):
        return None


# ---------------------------------------------------------------------------------- grading sheet
PHOTO_MAX_PIXELS = 640  # long side of a photo as embedded: ~450 dpi at the printed size, small files


def _sheet_jpeg(data: bytes) -> tuple[bytes, int, int] | None:
    """The photo as a small JPEG for the sheet and its pixel size; None if it cannot be read."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    try:
        with PILImage.open(io.BytesIO(data)) as opened:
            if opened.format == "JPEG" and max(opened.size) <= PHOTO_MAX_PIXELS and opened.mode in ("RGB", "L"):
                opened.load()
                width, height = opened.size
                return data, width, height
            image = ImageOps.exif_transpose(opened).convert("RGB")
        image.thumbnail((PHOTO_MAX_PIXELS, PHOTO_MAX_PIXELS))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82, optimize=True)
        return out.getvalue(), image.width, image.height
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
        return None


def _photos_cell(photos: Sequence[SheetPhoto], styles: _Styles, width: float) -> Table:
    shown = list(photos[:MAX_PHOTOS])
    cell_w = width / MAX_PHOTOS
    box_w, box_h = cell_w - 3 * mm, 27 * mm
    row: list[Any] = []
    for photo in shown:
        prepared = _sheet_jpeg(photo.jpeg)
        if prepared is None:  # a damaged photo must not stop the record being printed
            image: Any = Paragraph("（照片无法读取）", styles.caption)
        else:
            data, px_w, px_h = prepared
            scale = min(box_w / px_w, box_h / px_h)
            image = Image(io.BytesIO(data), px_w * scale, px_h * scale)
        caption = _p(photo.caption, styles.caption) if photo.caption else Spacer(1, 1)
        row.append([image, Spacer(1, 1 * mm), caption])
    row += [""] * (MAX_PHOTOS - len(row))
    table = Table([row], colWidths=[cell_w] * MAX_PHOTOS)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), _font()),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    table.setStyle(TableStyle(style))
    return table


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
    story: list[Flowable] = [
        _SheetStart(
            _PageInfo(
                TITLE_GRADING,
                sheet.plant_name,
                sheet.sheet_no,
                sheet.hazard_number,
                sheet.verify_code,
                sheet.copy_no,
            )
        ),
        _top_block(TITLE_GRADING, sheet.plant_name, sheet.verify_code, sheet.qr_payload, sheet.copy_no, styles, font),
        Spacer(1, 2 * mm),
        _meta_line(f"表号：{escape(sheet.sheet_no)}", f"判定日期：{escape(sheet.graded_on)}", styles, font),
    ]
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
    forms.append((_members_form(sheet.members, styles, title, signatures=True, scores=scores), 2))

    result = _Form(FOUR_COLS)
    _section_row(result, styles, "判定结果")
    band_label = "风险等级" if scores else "判定结果"
    if sheet.mean_d:
        result.add(
            [
                _p("平均D值", styles.label),
                _p(sheet.mean_d, styles.value),
                _p(band_label, styles.label),
                _band_cell(sheet.band_name, sheet.band_colour, styles),
            ],
            labels=(0, 2),
        )
    else:
        result.add(
            [_p(band_label, styles.label), _band_cell(sheet.band_name, sheet.band_colour, styles)],
            [1, 3],
            labels=(0,),
        )
    _long_row(result, styles, "整改要求", sheet.action)
    _long_row(result, styles, "分级标准", sheet.threshold_set, mandatory=False)
    forms.append(result)
    forms.append(_signature_form(styles, [("判定组长", sheet.leader_name)]))

    note = Paragraph(
        "注：本表经判定小组全体成员签字后生效。核验码由判定记录计算，"
        "可在本系统“核验”中输入核验码或扫描二维码，核对本表与存档记录是否一致。",
        styles.note,
    )
    tables = _stack(forms)
    # the result, the leader's signature and the note stay on one page
    story.extend(tables[:-2])
    story.append(KeepTogether([*tables[-2:], Spacer(1, 2 * mm), note]))
    return story


# ---------------------------------------------------------------------------------- dispute sheet
def _dispute_story(sheet: DisputeSheet, styles: _Styles, font: str) -> list[Flowable]:
    story: list[Flowable] = [
        _SheetStart(
            _PageInfo(
                TITLE_DISPUTE,
                sheet.plant_name,
                sheet.sheet_no,
                sheet.hazard_number,
                sheet.verify_code,
                sheet.copy_no,
            )
        ),
        _top_block(TITLE_DISPUTE, sheet.plant_name, sheet.verify_code, sheet.qr_payload, sheet.copy_no, styles, font),
        Spacer(1, 2 * mm),
        _meta_line(f"表号：{escape(sheet.sheet_no)}", f"裁决日期：{escape(sheet.ruled_on)}", styles, font),
    ]
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
    forms.append(dispute)

    scores = _has_scores(sheet.members)
    title = "三、争议裁决小组评分（LEC 法：D = L × E × C）" if scores else "三、争议裁决小组成员"
    forms.append((_members_form(sheet.members, styles, title, signatures=True, scores=scores), 2))

    result = _Form(FOUR_COLS)
    _section_row(result, styles, "四、裁决结果")
    if sheet.mean_d:
        result.add(
            [
                _p("最终平均D值", styles.label),
                _p(sheet.mean_d, styles.value),
                _p("风险等级", styles.label),
                _band_cell(sheet.band_name, sheet.band_colour, styles),
            ],
            labels=(0, 2),
        )
    else:
        result.add(
            [_p("裁决结果", styles.label), _band_cell(sheet.band_name, sheet.band_colour, styles)],
            [1, 3],
            labels=(0,),
        )
    _long_row(result, styles, "整改要求", sheet.action)
    _long_row(result, styles, "分级标准", sheet.threshold_set, mandatory=False)
    forms.append(result)
    ruling = _Form(FOUR_COLS)
    _long_row(ruling, styles, "裁决意见", sheet.ruling_text)
    forms.append(ruling)
    signers = [("裁决组长", sheet.leader_name)]
    if sheet.deputy_name:
        signers.append(("副组长", sheet.deputy_name))
    forms.append(_signature_form(styles, signers))

    note = Paragraph(
        "注：本表经争议裁决小组全体成员签字后生效，裁决结果为该隐患的最终分级。"
        "核验码由裁决记录计算，可在本系统“核验”中输入核验码或扫描二维码核对。",
        styles.note,
    )
    tables = _stack(forms)
    # the ruling text, the signatures and the note stay on one page
    story.extend(tables[:-2])
    story.append(KeepTogether([*tables[-2:], Spacer(1, 2 * mm), note]))
    return story


__all__ = ["ReportLabSheetRenderer"]

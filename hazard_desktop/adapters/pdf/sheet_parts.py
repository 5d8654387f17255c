"""What the grading and dispute sheets share: titles, the QR code, the band swatch, the copy stamp,
the sheet marker and the page decoration it drives, the top block and the band cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table

from hazard_desktop.adapters.pdf.common import (
    COPY_RED,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    _bare_style,
    _font,
    _footer_line,
    _meta_line,
    _p,
    _paged_canvas_class,
    _Para,
    _Stamp,
    _Styles,
    _Title,
    _top_table,
)
from hazard_desktop.adapters.pdf.forms import FOUR_COLS, _Form, _long_row, _section_row
from hazard_desktop.services.form_models import RectificationForm
from hazard_desktop.services.sheet_models import DisputeSheet, GradingSheet

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
        self.canv._hd_sheet = self.info
        self.canv._hd_sheet_first_page = self.canv.getPageNumber()


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


# ------------------------------------------------------------------------------------ shared pieces
def _top_block(
    title: str, plant_name: str, verify_code: str, qr_payload: str, copy_no: int, styles: _Styles, font: str
) -> Flowable:
    """Copy stamp | plant name + title | QR + 核验码."""
    left: Any = _CopyStamp(copy_no, font) if copy_no > 0 else ""
    centre = [_p(plant_name, styles.plant), Spacer(1, 1.5 * mm), _Title(title, font)]
    right = [_Qr(qr_payload, 21 * mm), _Para(f"核验码 {escape(verify_code)}", styles.code)]
    return _top_table(left, centre, right, right_align="CENTER")


def _band_cell(band_name: str, band_colour: str, styles: _Styles) -> Any:
    colour = _parse_colour(band_colour)
    text = _p(band_name, styles.value)
    if colour is None:
        return text
    inner = Table([[_Swatch(colour), text]], colWidths=[5.5 * mm, None])
    inner.setStyle(_bare_style(_font()))
    return inner


def _parse_colour(value: str) -> colors.Color | None:
    value = value.strip()
    if not value:
        return None
    try:
        return colors.HexColor(value if value.startswith("#") else "#" + value)
    except (ValueError, TypeError):
        return None


def _sheet_head(
    title: str, sheet: GradingSheet | DisputeSheet | RectificationForm, date_text: str, styles: _Styles, font: str
) -> list[Flowable]:
    """The start of a sheet: its page marker, the top block and the line with 表号 and ``date_text``."""
    return [
        _SheetStart(
            _PageInfo(title, sheet.plant_name, sheet.sheet_no, sheet.hazard_number, sheet.verify_code, sheet.copy_no)
        ),
        _top_block(title, sheet.plant_name, sheet.verify_code, sheet.qr_payload, sheet.copy_no, styles, font),
        Spacer(1, 2 * mm),
        _meta_line(f"表号：{escape(sheet.sheet_no)}", date_text, styles),
    ]


def _result_form(
    sheet: GradingSheet | DisputeSheet, styles: _Styles, title: str, mean_labels: tuple[str, str], band_label: str
) -> _Form:
    """The result: mean D and band (``mean_labels``) or the band alone (``band_label``), action, thresholds."""
    result = _Form(FOUR_COLS)
    _section_row(result, styles, title)
    if sheet.mean_d:
        result.add(
            [
                _p(mean_labels[0], styles.label),
                _p(sheet.mean_d, styles.value),
                _p(mean_labels[1], styles.label),
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
    return result

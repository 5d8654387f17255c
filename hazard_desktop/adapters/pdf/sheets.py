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
"""

from __future__ import annotations

import io
import os
import pathlib
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hazard_desktop.adapters.pdf.fonts import register_fonts
from hazard_desktop.services.sheet_models import (
    DisputeSheet,
    GradingSheet,
    SheetCriterion,
    SheetDocument,
    SheetMember,
    SheetPhoto,
)

# ---------------------------------------------------------------------------------------------- page
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 17 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X  # 174 mm
MAX_PHOTOS = 4  # the sheet shows the first few photos, small
TEXT_ROW_LINES = 5  # lines of long text per table row, so a page break can fall inside a long text

GRID = 0.5
CELL_PAD_X = 4
SIGN_ROW_HEIGHT = 9.5 * mm  # room for a handwritten signature
OUTER = 1.1
LABEL_BG = colors.HexColor("#F0F0F0")
SECTION_BG = colors.HexColor("#DCDCDC")
COPY_RED = colors.HexColor("#C00000")
MUTED = colors.HexColor("#555555")

TITLE_GRADING = "隐患分级判定表"
TITLE_DISPUTE = "争议裁决表"


# -------------------------------------------------------------------------------------------- styles
@dataclass(frozen=True)
class _Styles:
    plant: ParagraphStyle
    meta: ParagraphStyle
    meta_right: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    value_centre: ParagraphStyle
    section: ParagraphStyle
    small: ParagraphStyle
    small_centre: ParagraphStyle
    caption: ParagraphStyle
    code: ParagraphStyle
    note: ParagraphStyle


# Chinese full-width punctuation that must not start a line (禁则). ReportLab's CJK line breaker only
# lists Japanese and ASCII marks, so a line could begin with "，" or "；"; with these added, such a
# mark hangs at the end of the previous line instead (悬挂标点), inside the cell's padding.
_CANNOT_START = "，。、；：！？）》」』】〕〉…”’％"


def _teach_line_breaking() -> None:
    from reportlab.platypus import paragraph

    missing = "".join(ch for ch in _CANNOT_START if ch not in paragraph.ALL_CANNOT_START)
    if missing:
        paragraph.ALL_CANNOT_START += missing


def _styles(font: str) -> _Styles:
    def style(name: str, size: float, leading: float, align: int = TA_LEFT, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=leading,
            alignment=align,
            wordWrap="CJK",  # break long runs of Chinese (and long numbers) anywhere
            **{"textColor": colors.black, **kw},
        )

    return _Styles(
        plant=style("plant", 11, 14, TA_CENTER),
        meta=style("meta", 9.5, 12),
        meta_right=style("meta_right", 9.5, 12, TA_RIGHT),
        label=style("label", 9.5, 12.5, TA_CENTER),
        value=style("value", 9.5, 13),
        value_centre=style("value_centre", 9.5, 13, TA_CENTER),
        section=style("section", 10.5, 13.5),
        small=style("small", 8.5, 10.5),
        small_centre=style("small_centre", 8.5, 10.5, TA_CENTER),
        caption=style("caption", 7.5, 9, TA_CENTER),
        code=style("code", 8, 10, TA_CENTER),
        note=style("note", 7.5, 10, textColor=MUTED),
    )


def _text(value: str) -> str:
    """User text as Paragraph markup: escaped, newlines kept."""
    return "<br/>".join(escape(line) for line in value.splitlines()) if value else ""


def _pieces(value: str, style: ParagraphStyle, width: float, max_lines: int = TEXT_ROW_LINES) -> list[Paragraph]:
    """Long text as consecutive Paragraphs of at most ``max_lines`` lines each (split at line ends).

    A table row cannot break across pages; one row per piece lets a long description continue on the
    next page, and the pieces read as one text because their rows have no line between them.
    """
    para = _p(value, style)
    limit = style.leading * max_lines + 0.5
    pieces: list[Paragraph] = []
    while True:
        _, height = para.wrap(width, PAGE_HEIGHT)
        if height <= limit:
            break
        parts = para.split(width, limit)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        para = parts[1]
    pieces.append(para)
    return pieces


# ----------------------------------------------------------------------------------------- flowables
class _Title(Flowable):
    """The form's title, centred, letter-spaced like a printed form."""

    def __init__(self, text: str, font: str, size: float = 19, char_space: float = 2.5) -> None:
        super().__init__()
        self.text, self.font, self.size, self.char_space = text, font, size, char_space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.45

    def draw(self) -> None:
        canvas = self.canv
        width = stringWidth(self.text, self.font, self.size) + self.char_space * (len(self.text) - 1)
        canvas.setFont(self.font, self.size)
        canvas.drawString((self.width - width) / 2, self.size * 0.35, self.text, charSpace=self.char_space)


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


class _CopyStamp(Flowable):
    """Red stamp ``副本`` / ``第n次打印`` of a reprint."""

    def __init__(self, copy_no: int, font: str) -> None:
        super().__init__()
        self.copy_no, self.font = copy_no, font
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
        canvas.drawCentredString(self.width / 2, self.height - 6.6 * mm, "副 本")
        canvas.setFont(self.font, 8)
        canvas.drawCentredString(self.width / 2, 2.2 * mm, _copy_text(self.copy_no))


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

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._hd_pages: list[dict[str, Any]] = []
            self._hd_sheet: _PageInfo | None = None
            self._hd_sheet_first_page = 1

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._hd_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._hd_pages)
            for state in self._hd_pages:
                self.__dict__.update(state)
                _decorate_page(self, font, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _decorate_page(canvas: Canvas, font: str, total: int) -> None:
    """Footer on every page; continuation header on a sheet's later pages."""
    info: _PageInfo | None = getattr(canvas, "_hd_sheet", None)
    page = canvas.getPageNumber()
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    # footer
    y_line = MARGIN_BOTTOM - 5 * mm
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, y_line, PAGE_WIDTH - MARGIN_X, y_line)
    canvas.setFont(font, 8)
    y_text = y_line - 4 * mm
    canvas.drawCentredString(PAGE_WIDTH / 2, y_text, f"第 {page} 页 共 {total} 页")
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


# -------------------------------------------------------------------------------------- form builder
class _Form:
    """One bordered table of the form. Rows may span columns; continuation rows have no line above.

    Lines are drawn cell by cell (not GRID) so that a long text split over several rows reads as one
    cell, while the table can still break between those rows at a page end.
    """

    def __init__(self, widths: Sequence[float]) -> None:
        self.widths = list(widths)
        self.rows: list[list[Any]] = []
        self.cell_starts: list[list[int]] = []
        self.continuation: list[bool] = []
        self.heights: list[float | None] = []
        self.commands: list[tuple[Any, ...]] = []

    def add(
        self,
        cells: Sequence[Any],
        spans: Sequence[int] | None = None,
        *,
        labels: Iterable[int] = (),
        continuation: bool = False,
        height: float | None = None,
        background: colors.Color | None = None,
    ) -> int:
        """Add a row. ``spans[i]`` is how many columns cell ``i`` covers (default 1 each)."""
        spans = list(spans) if spans is not None else [1] * len(cells)
        if len(spans) != len(cells) or sum(spans) != len(self.widths):
            raise ValueError("row cells do not fill the table")
        r = len(self.rows)
        row: list[Any] = []
        starts: list[int] = []
        col = 0
        for cell, span in zip(cells, spans, strict=True):
            starts.append(col)
            row.append(cell)
            row.extend([""] * (span - 1))
            if span > 1:
                self.commands.append(("SPAN", (col, r), (col + span - 1, r)))
            col += span
        for index in labels:
            start = starts[index]
            end = start + spans[index] - 1
            self.commands.append(("BACKGROUND", (start, r), (end, r), LABEL_BG))
        if background is not None:
            self.commands.append(("BACKGROUND", (0, r), (-1, r), background))
        self.rows.append(row)
        self.cell_starts.append(starts)
        self.continuation.append(continuation)
        self.heights.append(height)
        return r

    def table(self, *, top: bool = False, bottom: bool = False, repeat_rows: int = 0) -> Table:
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            # plain-string cells (there should be none with text) must not fall back to Helvetica
            ("FONTNAME", (0, 0), (-1, -1), _font()),
            *self.commands,
        ]
        last_col = len(self.widths) - 1
        for r, starts in enumerate(self.cell_starts):
            for start in starts:
                if start > 0:
                    commands.append(("LINEBEFORE", (start, r), (start, r), GRID, colors.black))
            commands.append(("LINEBEFORE", (0, r), (0, r), OUTER, colors.black))
            commands.append(("LINEAFTER", (last_col, r), (last_col, r), OUTER, colors.black))
            if r == 0:
                commands.append(("LINEABOVE", (0, 0), (-1, 0), OUTER if top else GRID, colors.black))
            elif not self.continuation[r]:
                commands.append(("LINEABOVE", (0, r), (-1, r), GRID, colors.black))
            else:
                commands.append(("TOPPADDING", (0, r), (-1, r), 0))
                commands.append(("BOTTOMPADDING", (0, r - 1), (-1, r - 1), 0))
        commands.append(("LINEBELOW", (0, -1), (-1, -1), OUTER if bottom else GRID, colors.black))
        # a row split at a page break keeps its borders on both pages
        commands.append(("LINEBELOW", (0, "splitfirst"), (-1, "splitfirst"), OUTER, colors.black))
        commands.append(("LINEABOVE", (0, "splitlast"), (-1, "splitlast"), OUTER, colors.black))
        table = Table(
            self.rows,
            colWidths=self.widths,
            rowHeights=self.heights,
            repeatRows=repeat_rows,
            hAlign="CENTER",
        )
        table.setStyle(TableStyle(commands))
        return table


_FONT_NAME: str | None = None


def _font() -> str:
    global _FONT_NAME
    if _FONT_NAME is None:
        _FONT_NAME = register_fonts()
    return _FONT_NAME


def _stack(forms: Sequence[_Form | tuple[_Form, int]]) -> list[Flowable]:
    """Tables of one form, stacked with shared borders; the first has the thick top, the last the bottom."""
    flowables: list[Flowable] = []
    for index, item in enumerate(forms):
        form, repeat = item if isinstance(item, tuple) else (item, 0)
        flowables.append(form.table(top=index == 0, bottom=index == len(forms) - 1, repeat_rows=repeat))
    return flowables


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

        path = pathlib.Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".sheet-", suffix=".pdf", dir=path.parent)
        os.close(handle)
        try:
            doc = BaseDocTemplate(
                temp_name,
                pagesize=A4,
                leftMargin=MARGIN_X,
                rightMargin=MARGIN_X,
                topMargin=MARGIN_TOP,
                bottomMargin=MARGIN_BOTTOM,
                title=document.title,
                author=document.sheets[0].plant_name,
                subject="、".join(sorted({_title_of(s) for s in document.sheets})),
                creator="hazard_desktop",
                producer="hazard_desktop (ReportLab)",
                initialFontName=font,  # no Helvetica in the page preamble
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
            doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], pagesize=A4)])
            doc.build(story, canvasmaker=_numbered_canvas_class(font))
            os.replace(temp_name, path)
        except BaseException:
            pathlib.Path(temp_name).unlink(missing_ok=True)
            raise


def _title_of(sheet: GradingSheet | DisputeSheet) -> str:
    return TITLE_GRADING if isinstance(sheet, GradingSheet) else TITLE_DISPUTE


# ------------------------------------------------------------------------------------ shared pieces
def _p(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_text(value), style)


def _top_block(
    title: str, plant_name: str, verify_code: str, qr_payload: str, copy_no: int, styles: _Styles, font: str
) -> Table:
    """Copy stamp | plant name + title | QR + 核验码."""
    side = 36 * mm
    left: Any = _CopyStamp(copy_no, font) if copy_no > 0 else ""
    centre = [_p(plant_name, styles.plant), Spacer(1, 1.5 * mm), _Title(title, font)]
    right = [_Qr(qr_payload, 21 * mm), Paragraph(f"核验码 {escape(verify_code)}", styles.code)]
    table = Table([[left, centre, right]], colWidths=[side, FRAME_WIDTH - 2 * side, side])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "LEFT"),
                ("ALIGN", (2, 0), (2, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _meta_line(left: str, right: str, styles: _Styles, font: str) -> Table:
    table = Table(
        [[Paragraph(left, styles.meta), Paragraph(right, styles.meta_right)]],
        colWidths=[FRAME_WIDTH / 2, FRAME_WIDTH / 2],
    )
    table.setStyle(
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
    return table


LABEL_W = 25 * mm
HALF_VALUE_W = (FRAME_WIDTH - 2 * LABEL_W) / 2  # 62 mm
FOUR_COLS = [LABEL_W, HALF_VALUE_W, LABEL_W, HALF_VALUE_W]


def _pair_row(form: _Form, styles: _Styles, a: tuple[str, str], b: tuple[str, str]) -> None:
    form.add(
        [_p(a[0], styles.label), _p(a[1], styles.value), _p(b[0], styles.label), _p(b[1], styles.value)],
        labels=(0, 2),
    )


def _long_row(form: _Form, styles: _Styles, label: str, value: str, *, mandatory: bool = True) -> None:
    """A label and a full-width value; long text is split over continuation rows."""
    if not value.strip() and not mandatory:
        return
    width = sum(form.widths[1:]) - 2 * CELL_PAD_X
    for index, piece in enumerate(_pieces(value, styles.value, width)):
        form.add(
            [_p(label if index == 0 else "", styles.label), piece],
            [1, 3],
            labels=(0,),
            continuation=index > 0,
        )


def _section_row(form: _Form, styles: _Styles, text: str) -> None:
    row = form.add([Paragraph(escape(text), styles.section)], [len(form.widths)], background=SECTION_BG)
    form.commands.append(("TOPPADDING", (0, row), (-1, row), 1.5))
    form.commands.append(("BOTTOMPADDING", (0, row), (-1, row), 2.5))


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


def _has_scores(members: Sequence[SheetMember]) -> bool:
    return any(m.l or m.e or m.c or m.d for m in members)


def _members_form(
    members: Sequence[SheetMember],
    styles: _Styles,
    title: str,
    *,
    signatures: bool,
    scores: bool,
    compact: bool = False,
) -> _Form:
    """序号 | 职务 | 姓名 | 部门 | L | E | C | D | 签字 (score and signature columns optional).

    ``compact`` sets the rows in a smaller type with less padding (a record of an earlier grading).
    """
    head = ["序号", "职务", "姓名", "部门"]
    widths = [10 * mm, 17 * mm, 22 * mm]
    score_w = 12 * mm
    d_w = 16 * mm
    sign_w = 40 * mm if signatures else 0
    if scores:
        head += ["L", "E", "C", "D"]
    if signatures:
        head.append("签字")
    used = sum(widths) + (3 * score_w + d_w if scores else 0) + sign_w
    widths.append(FRAME_WIDTH - used)  # department takes what is left
    if scores:
        widths += [score_w, score_w, score_w, d_w]
    if signatures:
        widths.append(sign_w)
    form = _Form(widths)
    _section_row(form, styles, title)
    form.add([_p(h, styles.label) for h in head], labels=range(len(head)))
    centre, left = (styles.small_centre, styles.small) if compact else (styles.value_centre, styles.value)
    for number, member in enumerate(members, start=1):
        cells: list[Any] = [
            _p(str(number), centre),
            _p(member.role_label, centre),
            _p(member.name, centre),
            _p(member.department, left),
        ]
        if scores:
            cells += [_p(v, centre) for v in (member.l, member.e, member.c, member.d)]
        if signatures:
            cells.append("")
        row = form.add(cells, height=SIGN_ROW_HEIGHT if signatures else None)
        if compact:
            form.commands.append(("TOPPADDING", (0, row), (-1, row), 1.5))
            form.commands.append(("BOTTOMPADDING", (0, row), (-1, row), 2))
    return form


DATE_BLANKS = "\xa0" * 8 + "年" + "\xa0" * 6 + "月" + "\xa0" * 6 + "日"


def _signature_form(styles: _Styles, signers: Sequence[tuple[str, str]]) -> _Form:
    """Signature and date lines: ``组长（签字）| printed name, room to sign | 日期 | 年 月 日``.

    One signer: one row with the date beside the signature. Two or more: two signers a row, then a
    date row.
    """
    form = _Form(FOUR_COLS)

    def sign_cells(role: str, name: str) -> list[Any]:
        name_markup = f'<font size="7.5" color="#555555">{escape(name)}</font>' if name else ""
        return [_p(f"{role}\n（签字）", styles.label), Paragraph(name_markup, styles.value)]

    date_cells = [_p("日期", styles.label), Paragraph(DATE_BLANKS, styles.value_centre)]
    if len(signers) == 1:
        row = form.add([*sign_cells(*signers[0]), *date_cells], labels=(0, 2), height=14 * mm)
        form.commands.append(("VALIGN", (1, row), (1, row), "TOP"))  # printed name small, top left
        return form
    for index in range(0, len(signers), 2):
        pair = list(signers[index : index + 2])
        cells = [cell for signer in pair for cell in sign_cells(*signer)]
        if len(pair) == 1:
            cells += ["", ""]
        row = form.add(cells, labels=(0, 2), height=14 * mm)
        form.commands.append(("VALIGN", (1, row), (1, row), "TOP"))
        form.commands.append(("VALIGN", (3, row), (3, row), "TOP"))
    form.add([date_cells[0], Paragraph(DATE_BLANKS, styles.value)], [1, 3], labels=(0,), height=9 * mm)
    return form


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

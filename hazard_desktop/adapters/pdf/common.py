"""What every printed form shares: the A4 page, the bundled font, paragraph styles, the title, the red
stamp, a canvas that numbers pages ``第 x 页 共 y 页``, the top block and an atomic PDF writer.

Used by the grading and dispute sheets (``sheets.py``) and the inspection record
(``inspection_record.py``). ReportLab is imported only when this module is, i.e. when something is printed.
"""

from __future__ import annotations

import functools
import pathlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle

from hazard_desktop.adapters.pdf.fonts import register_fonts
from hazard_desktop.services import output_files

# ---------------------------------------------------------------------------------------------- page
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 17 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X  # 174 mm
TEXT_ROW_LINES = 5  # lines of long text per table row, so a page break can fall inside a long text

COPY_RED = colors.HexColor("#C00000")
MUTED = colors.HexColor("#555555")

_FONT_NAME: str | None = None


def _font() -> str:
    global _FONT_NAME
    if _FONT_NAME is None:
        _FONT_NAME = register_fonts()
    return _FONT_NAME


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


@functools.cache
def _styles(font: str) -> _Styles:
    """The forms' paragraph styles in ``font`` (made once: they are never changed, and the parsed-markup
    cache below is keyed on them)."""

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


@functools.lru_cache(maxsize=1024)
def _parsed(text: str, style: ParagraphStyle) -> tuple[str, ParagraphStyle, tuple[Any, ...], Any]:
    """``text`` as ReportLab's parser reads it in ``style`` (what ``Paragraph._setup`` does): the cleaned
    text, the style and the fragments. Kept for the labels every sheet repeats (隐患编号, 发现人 …);
    callers get copies of the fragments, never these."""
    probe = Paragraph(text, style)
    return probe.text, probe.style, tuple(probe.frags), probe.bulletText


#: Line breaks of the paragraphs seen so far, by (markup, style, width): the same text in the same style
#: at the same width breaks the same way. Bounded: a long run of prints must not grow it without limit.
_BROKEN_LIMIT = 4096
_broken: dict[tuple[str, ParagraphStyle, float], tuple[float, Any, list[float]]] = {}
_TOO_NARROW = 1e-6  # ReportLab's Paragraph does not break at all below this width


class _Para(Paragraph):
    """A Paragraph that parses a markup it has seen before once, breaks a text it has already broken at
    the same width once, and draws a paragraph already drawn in the same document by copying its drawing.

    A batch of sheets repeats the same labels (隐患编号, 发现人 …) and mostly the same values (departments,
    names, scores) on every page, and ReportLab parses, breaks and draws each of them afresh: it parses
    each Paragraph's markup with an HTML parser, breaks its lines on each pass over a table (a signed
    form is measured, then placed, then drawn) and builds each text object from the characters up. The
    results depend only on the markup, the style and the width, so they are kept:

    * the parsed fragments by (markup, style) (:func:`_parsed`; each paragraph gets copies);
    * the broken lines by (markup, style, width) (``_broken``; shared, never changed after breaking: a
      paragraph that is split breaks itself afresh first);
    * the drawing (the page-content operators between ``q`` and ``Q``, relative to the paragraph's
      origin) by (markup, style, width) on the canvas that drew it: the characters' codes in the
      subset-embedded font are the document's, so a drawing is copied only within its document.

    The file is byte for byte what ReportLab's own Paragraph writes
    (``tests/integration/test_pdf_sheets.py::test_paragraph_caches_print_what_plain_reportlab_prints``).
    Parts made by ``split`` (given their fragments) are plain Paragraphs in all but the width memo.
    """

    width: float  # set by wrap (ReportLab's attributes, declared for the type checker)
    height: float
    _wrapped_width: float | None = None
    _key: tuple[str, ParagraphStyle] | None = None  # (markup, style) when made from markup
    _shared_lines = False  # blPara comes from ``_broken``: re-broken before a split

    def __init__(self, text: str, style: ParagraphStyle, **kwargs: Any) -> None:
        if kwargs:  # ReportLab's split passes the fragments of each part: its own way
            super().__init__(text, style, **kwargs)
            return
        cleaned, parsed_style, frags, bullet = _parsed(text, style)
        super().__init__(cleaned, parsed_style, bulletText=bullet, frags=[frag.clone() for frag in frags])
        self._key = (text, style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's API
        if availWidth == self._wrapped_width:
            return self.width, self.height
        key = self._key
        if key is None or availWidth < _TOO_NARROW:
            size = super().wrap(availWidth, availHeight)
            self._wrapped_width, self._shared_lines = availWidth, False
            return size
        hit = _broken.get((*key, availWidth))
        if hit is not None:
            height, lines, widths = hit
            self.width, self.height, self.blPara, self._wrapWidths = availWidth, height, lines, list(widths)
            self._shared_lines = True
        else:
            super().wrap(availWidth, availHeight)
            if len(_broken) >= _BROKEN_LIMIT:
                _broken.clear()
            _broken[(*key, availWidth)] = (self.height, self.blPara, list(self._wrapWidths))
            self._shared_lines = True
        self._wrapped_width = availWidth
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 - ReportLab's API
        if self._shared_lines:  # ReportLab's split works on the paragraph's own lines: break them afresh
            Paragraph.wrap(self, availWidth, availHeight)
            self._shared_lines = False
            self._wrapped_width = None
        return super().split(availWidth, availHeight)

    def _drawn_before(self, canvas: Canvas) -> tuple[dict[tuple[Any, ...], list[str]], tuple[Any, ...]] | None:
        """The canvas's copies of drawn paragraphs and this one's key in it; None if it cannot be copied."""
        key = self._key
        if key is None or not self._shared_lines:
            return None
        drawn: dict[tuple[Any, ...], list[str]] = canvas.__dict__.setdefault("_hd_drawn_paragraphs", {})
        return drawn, (*key, self.width, self.height)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - ReportLab's API
        known = self._drawn_before(canvas)
        code = known[0].get(known[1]) if known is not None else None
        if code is None or getattr(self, "_showBoundary", False):
            super().drawOn(canvas, x, y, _sW)
            return
        # what Flowable.drawOn writes around draw(): saveState, translate, the drawing, restoreState
        x = self._hAlignAdjust(x, _sW)
        canvas._code.extend(("q", f"{fp_str(1, 0, 0, 1, x, y)} cm", *code, "Q"))  # noqa: SLF001

    def draw(self) -> None:
        canvas = self.canv
        known = self._drawn_before(canvas)
        if known is None:
            super().draw()
            return
        drawn, whole = known
        code = drawn.get(whole)
        if code is not None:
            canvas._code.extend(code)  # noqa: SLF001 - the page's operators, as drawPara appends them
            return
        start = len(canvas._code)  # noqa: SLF001
        super().draw()
        drawn[whole] = canvas._code[start:]  # noqa: SLF001


def _p(value: str, style: ParagraphStyle) -> Paragraph:
    return _Para(_text(value), style)


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


class _Stamp(Flowable):
    """A red stamp: a large word over a small line (``副 本`` of a reprint, ``草 稿`` of a draft)."""

    def __init__(self, word: str, line: str, font: str) -> None:
        super().__init__()
        self.word, self.line, self.font = word, line, font
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
        canvas.drawCentredString(self.width / 2, self.height - 6.6 * mm, self.word)
        canvas.setFont(self.font, 8)
        canvas.drawCentredString(self.width / 2, 2.2 * mm, self.line)


class _CellRow(Flowable):
    """Cells side by side, placed exactly where ReportLab's Table places the cells of a one-row table without
    lines or backgrounds, without the table machinery (the layout rows above and inside the form: the top
    block, the line with the sheet number, the photos; a batch has a few of them on every sheet).

    Each cell is a flowable, a list of flowables stacked, or ``""`` (an empty cell); ``align`` per cell
    (``LEFT``/``CENTER``) and ``valign`` (``TOP``/``MIDDLE``/``BOTTOM``) place a cell's flowables inside its
    padding, as Table's ALIGN and VALIGN do. An empty cell is as tall as Table makes it (its style's 12 pt
    leading) and draws nothing.
    """

    EMPTY_LEADING = 12  # Table's default cell style: 10 pt type on 12 pt

    def __init__(
        self,
        cells: Sequence[Any],
        widths: Sequence[float],
        *,
        align: Sequence[str] | None = None,
        valign: str = "BOTTOM",
        padding: tuple[float, float, float, float] = (0, 0, 0, 0),
    ) -> None:
        super().__init__()
        if len(cells) != len(widths):
            raise ValueError("one width per cell")
        self.cells = [[] if cell == "" else list(cell) if isinstance(cell, list | tuple) else [cell] for cell in cells]
        self.widths = list(widths)
        self.align = list(align) if align is not None else ["LEFT"] * len(cells)
        self.valign = valign
        self.padding = padding
        self.hAlign = "CENTER"  # as Table's default

    def _measure(self, cell: list[Flowable], width: float, height: float) -> tuple[list[tuple[float, float]], float]:
        """Each flowable's wrapped size in a cell and the cell content's height (Table._listCellGeom)."""
        left, right, top, bottom = self.padding
        sizes = [f.wrapOn(self.canv, width - left - right, height - top - bottom) for f in cell]
        if not cell:
            return [], self.EMPTY_LEADING
        total = sum(h + f.getSpaceBefore() + f.getSpaceAfter() for f, (_w, h) in zip(cell, sizes, strict=True))
        return sizes, total - cell[0].getSpaceBefore() - cell[-1].getSpaceAfter()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's API
        _left, _right, top, bottom = self.padding
        self.width = sum(self.widths)
        cells = zip(self.cells, self.widths, strict=True)
        self.height = max(self._measure(cell, width, 72000)[1] + top + bottom for cell, width in cells)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        left, right, top, bottom = self.padding
        canvas.setFillColor(colors.black)  # what Table sets before its cells (a flowable may rely on it)
        x0 = 0.0
        for cell, width, align in zip(self.cells, self.widths, self.align, strict=True):
            sizes, height = self._measure(cell, width, self.height)
            if cell:
                if self.valign == "TOP":
                    y = self.height - top
                elif self.valign == "MIDDLE":
                    y = (self.height + bottom - top + height) / 2.0
                else:
                    y = bottom + height
                y += cell[0].getSpaceBefore()
                for flowable, (w, h) in zip(cell, sizes, strict=True):
                    x = x0 + left if align == "LEFT" else x0 + (width + left - right - w) / 2.0
                    y -= flowable.getSpaceBefore() + h
                    flowable.drawOn(canvas, x, y)
                    y -= flowable.getSpaceAfter()
            x0 += width


def _top_table(left: Any, centre: Any, right: Any, right_align: str = "LEFT") -> _CellRow:
    """Stamp | plant name + title | code: the three cells above the form, without padding, centred vertically."""
    side = 36 * mm
    widths = [side, FRAME_WIDTH - 2 * side, side]
    return _CellRow([left, centre, right], widths, align=["LEFT", "LEFT", right_align], valign="MIDDLE")


def _bare_style(font: str, *extra: tuple[Any, ...]) -> TableStyle:
    """A layout table's style: the bundled font, cells centred vertically, no padding."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *extra,
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def _meta_line(left: str, right: str, styles: _Styles) -> _CellRow:
    """The line under the top block: ``left`` and ``right`` (markup) in the two halves."""
    return _CellRow(
        [_Para(left, styles.meta), _Para(right, styles.meta_right)],
        [FRAME_WIDTH / 2, FRAME_WIDTH / 2],
        padding=(1, 1, 2, 3),
    )


# ----------------------------------------------------------------------------------- page furniture
def _paged_canvas_class(decorate: Callable[[Canvas, int], None], **initial: Any) -> type[Canvas]:
    """A canvas that keeps its pages until the end, then calls ``decorate(canvas, total)`` on each.

    ``initial`` sets attributes on the canvas first (what flowables later change, page by page).
    """

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._hd_pages: list[dict[str, Any]] = []
            self.__dict__.update(initial)

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._hd_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._hd_pages)
            for state in self._hd_pages:
                self.__dict__.update(state)
                decorate(self, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return PagedCanvas


def _footer_line(canvas: Canvas, font: str, total: int) -> float:
    """The rule and ``第 x 页 共 y 页`` at the foot of the page; returns the text's baseline."""
    y_line = MARGIN_BOTTOM - 5 * mm
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, y_line, PAGE_WIDTH - MARGIN_X, y_line)
    canvas.setFont(font, 8)
    y_text = y_line - 4 * mm
    canvas.drawCentredString(PAGE_WIDTH / 2, y_text, f"第 {canvas.getPageNumber()} 页 共 {total} 页")
    return y_text


def _write_pdf(
    path: pathlib.Path,
    story: Sequence[Flowable],
    canvasmaker: type[Canvas],
    *,
    kind: str,
    font: str,
    invariant: bool,
    title: str,
    author: str,
    subject: str,
) -> None:
    """Lay ``story`` out on A4 pages into ``path`` atomically (a failed render leaves no partial file)."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp_name = str(output_files.new_temporary(path.parent, f".{kind}-"))  # normal permissions, not 0600
    try:
        doc = BaseDocTemplate(
            temp_name,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            creator="hazard_desktop",
            producer="hazard_desktop (ReportLab)",
            initialFontName=font,  # no Helvetica in the page preamble
            initialFontSize=9.5,
            initialLeading=13,
            invariant=int(invariant),
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
        doc.addPageTemplates([PageTemplate(id=kind, frames=[frame], pagesize=A4)])
        doc.build(list(story), canvasmaker=canvasmaker)
        output_files.place(pathlib.Path(temp_name), path)
    except BaseException:
        pathlib.Path(temp_name).unlink(missing_ok=True)
        raise

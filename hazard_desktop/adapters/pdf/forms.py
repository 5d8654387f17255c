"""The bordered form: a table builder whose rows may span columns and continue a long text, the
tables stacked into one form, and the rows every printed form uses (label and value, section
heading, members with scores and signatures, signature and date lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from hazard_desktop.adapters.pdf.common import FRAME_WIDTH, _font, _p, _Para, _pieces, _Styles
from hazard_desktop.services.sheet_builders import RAISING_SEAT
from hazard_desktop.services.sheet_models import SheetMember

GRID = 0.5
CELL_PAD_X = 4
SIGN_ROW_HEIGHT = 9.5 * mm  # room for a handwritten signature
OUTER = 1.1
LABEL_BG = colors.HexColor("#F0F0F0")
SECTION_BG = colors.HexColor("#DCDCDC")


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
        self.label_cells: dict[tuple[int, int], list[int]] = {}  # (first, last column) → rows with a label there

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
            self.label_cells.setdefault((start, end), []).append(r)
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
        for (first_col, last_col_of_label), label_rows in self.label_cells.items():  # a fill per run of rows
            for first, last in _runs(label_rows):
                commands.append(("BACKGROUND", (first_col, first), (last_col_of_label, last), LABEL_BG))
        last_col = len(self.widths) - 1
        rows = len(self.rows)
        # One command per run of rows (ReportLab processes and strokes each command on its own: a command
        # per row and cell made the lines the form's costliest part to print).
        for col in range(1, last_col + 1):  # the line before each cell that starts in this column
            for first, last in _runs(r for r, starts in enumerate(self.cell_starts) if col in starts):
                commands.append(("LINEBEFORE", (col, first), (col, last), GRID, colors.black))
        commands.append(("LINEBEFORE", (0, 0), (0, rows - 1), OUTER, colors.black))
        commands.append(("LINEAFTER", (last_col, 0), (last_col, rows - 1), OUTER, colors.black))
        commands.append(("LINEABOVE", (0, 0), (-1, 0), OUTER if top else GRID, colors.black))
        for first, last in _runs(r for r in range(1, rows) if not self.continuation[r]):
            commands.append(("LINEABOVE", (0, first), (-1, last), GRID, colors.black))
        for r in range(1, rows):
            if self.continuation[r]:
                commands.append(("TOPPADDING", (0, r), (-1, r), 0))
                commands.append(("BOTTOMPADDING", (0, r - 1), (-1, r - 1), 0))
        commands.append(("LINEBELOW", (0, -1), (-1, -1), OUTER if bottom else GRID, colors.black))
        # a row split at a page break keeps its borders on both pages
        commands.append(("LINEBELOW", (0, "splitfirst"), (-1, "splitfirst"), OUTER, colors.black))
        commands.append(("LINEABOVE", (0, "splitlast"), (-1, "splitlast"), OUTER, colors.black))
        table = _FormTable(
            self.rows,
            colWidths=self.widths,
            rowHeights=self.heights,
            repeatRows=repeat_rows,
            hAlign="CENTER",
        )
        table.setStyle(TableStyle(commands))
        return table


class _FormTable(Table):
    """A Table that lays itself out once per width.

    ReportLab's Table lays out all its rows on every ``wrap``, and a form's tables are wrapped at least
    twice (measured by :class:`_SignedForm`, then placed by the frame). A layout that fitted the height it
    was given is complete (ReportLab stops early only past that height), so a later ``wrap`` at the same
    width with at least that height gets the same result without doing it again. ``split`` always lays
    out afresh (ReportLab's own ``split`` does), and forgets the memo.
    """

    _hd_laid_out_at: float | None = None  # the width of the last complete layout

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's API
        if self._hd_laid_out_at == availWidth and self._height <= availHeight:
            self.availWidth = availWidth
            return self._width, self._height
        size = super().wrap(availWidth, availHeight)
        self._hd_laid_out_at = availWidth if self._height <= availHeight else None
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's API
        self._hd_laid_out_at = None
        return super().split(availWidth, availHeight)


def _runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Ascending ``numbers`` as runs of consecutive ones: ``[0, 1, 2, 5]`` → ``[(0, 2), (5, 5)]``."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _stack(forms: Sequence[_Form | tuple[_Form, int]]) -> list[Flowable]:
    """Tables of one form, stacked with shared borders; the first has the thick top, the last the bottom."""
    flowables: list[Flowable] = []
    for index, item in enumerate(forms):
        form, repeat = item if isinstance(item, tuple) else (item, 0)
        flowables.append(form.table(top=index == 0, bottom=index == len(forms) - 1, repeat_rows=repeat))
    return flowables


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
    row = form.add([_Para(escape(text), styles.section)], [len(form.widths)], background=SECTION_BG)
    form.commands.append(("TOPPADDING", (0, row), (-1, row), 1.5))
    form.commands.append(("BOTTOMPADDING", (0, row), (-1, row), 2.5))


def _has_scores(members: Sequence[SheetMember]) -> bool:
    return any(m.l or m.e or m.c or m.d for m in members)


def _entered_cell(entered: str, styles: _Styles) -> Any:
    """Who entered the member's score and when, small and grey above the room for the signature."""
    if not entered:
        return ""
    lines = "<br/>".join(escape(line) for line in entered.split("\n"))
    return _Para(f'<font size="6" color="#555555">{lines}</font>', styles.small)


def signed_rows(form: _Form, styles: _Styles, lines: Sequence[str]) -> None:
    """The electronic signatures bound into the verify code (issue 14), one line each."""
    if lines:
        _long_row(form, styles, "电子签名", "\n".join(lines))


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
            # a namesake's employee number (``周永明（E0099）``, see _Reader.member_name) on a line of its own
            _p(member.name.replace("（", "\n（", 1), centre),
            # the seat mark on its own line: Chinese text has no break points for ReportLab's wrapping
            _p(member.department.replace(RAISING_SEAT, "\n" + RAISING_SEAT), left),
        ]
        if scores:
            cells += [_p(v, centre) for v in (member.l, member.e, member.c, member.d)]
        if signatures:
            cells.append(_entered_cell(member.entered, styles))
        row = form.add(cells, height=SIGN_ROW_HEIGHT if signatures else None)
        if signatures and member.entered:  # who entered the score: small, top left; room to sign below
            form.commands.append(("VALIGN", (len(cells) - 1, row), (len(cells) - 1, row), "TOP"))
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
        return [_p(f"{role}\n（签字）", styles.label), _Para(name_markup, styles.value)]

    date_cells = [_p("日期", styles.label), _Para(DATE_BLANKS, styles.value_centre)]
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
    form.add([date_cells[0], _Para(DATE_BLANKS, styles.value)], [1, 3], labels=(0,), height=9 * mm)
    return form


#: The least height of the form's body that a page holding the closing (signatures, note) also holds: a
#: signature block never stands alone on a page, cut off from what it signs.
MIN_BODY_WITH_CLOSING = 45 * mm
_FUZZ = 1e-6


class _SignedForm(Flowable):
    """A stacked form whose closing (the last ``closing`` flowables: signatures and the note) stays on one
    page with at least :data:`MIN_BODY_WITH_CLOSING` of the body above it.

    Never drawn itself: like ``KeepTogether`` its ``wrap`` forces a ``split``, which hands the frame the
    body that fits on this page (split between table rows; a continued table repeats its heading rows),
    then a frame break and the rest, again as a ``_SignedForm``. When everything fits, or the closing with
    its share of the body is taller than a page, the flowables go out as they are.
    """

    def __init__(self, flowables: Sequence[Flowable], closing: int) -> None:
        super().__init__()
        self._content = list(flowables)
        self._closing = closing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's API
        self._width = availWidth
        return availWidth, 0xFFFFFF  # force a split

    def _heights(self, width: float) -> list[float]:
        return [f.wrapOn(self.canv, width, 0xFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self._content]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's API
        from reportlab.platypus.doctemplate import FrameBreak

        heights = self._heights(availWidth)
        total = sum(heights)
        closing_h = sum(heights[len(heights) - self._closing :])
        frame = getattr(self, "_frame", None)
        frame_h = frame._height if frame is not None else availHeight  # noqa: SLF001 - the frame's full height
        body = self._content[: len(self._content) - self._closing]
        if total <= availHeight + _FUZZ or not body:
            return list(self._content)
        if closing_h + MIN_BODY_WITH_CLOSING > frame_h:  # cannot be kept: let it flow
            return list(self._content)
        # This page takes the body up to ``limit``; the rest of it (at least MIN_BODY_WITH_CLOSING) and the
        # closing follow on the next page.
        limit = min(availHeight, total - closing_h - MIN_BODY_WITH_CLOSING)
        placed: list[Flowable] = []
        used = 0.0
        rest = list(self._content)
        for flowable, height in zip(body, heights, strict=False):
            if used + height <= limit + _FUZZ:
                placed.append(rest.pop(0))
                used += height
                continue
            parts = flowable.splitOn(self.canv, availWidth, limit - used) if limit - used > 0 else []
            if len(parts) == 2:
                placed.append(parts[0])
                rest[0] = parts[1]
            break
        if not placed:
            at_top = frame is not None and availHeight >= frame_h - _FUZZ
            if at_top:  # nothing of the body fits above the limit even on a fresh page: let it flow
                return list(self._content)
            return [FrameBreak(), _SignedForm(rest, self._closing)]
        return [*placed, FrameBreak(), _SignedForm(rest, self._closing)]

    def draw(self) -> None:  # pragma: no cover - split always replaces it
        raise RuntimeError("_SignedForm is split, never drawn")


def _stack_with_note(forms: Sequence[_Form | tuple[_Form, int]], note: Flowable) -> list[Flowable]:
    """The stacked tables of a form; the last two and the note under them stay on one page, with some of
    the body above them (:class:`_SignedForm`)."""
    tables = _stack(forms)
    return [_SignedForm([*tables, Spacer(1, 2 * mm), note], closing=4)]

"""ReportLab renderer of the printed sheets: 隐患分级判定表 and 争议裁决表 (A4, bordered Chinese forms), and
the rectification forms of ``rectification_forms.py`` (通知书 + 回执, 验收单, 治理方案, 重大隐患报告).

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
``forms.py``; both are shared with the inspection record. The pieces of both sheets are in
``sheet_parts.py``, each sheet's layout in ``grading_sheet.py`` and ``dispute_sheet.py``.
"""

from __future__ import annotations

import pathlib

from reportlab.platypus import Flowable, PageBreak

from hazard_desktop.adapters.pdf.common import _font, _styles, _teach_line_breaking, _write_pdf
from hazard_desktop.adapters.pdf.dispute_sheet import _dispute_story
from hazard_desktop.adapters.pdf.grading_sheet import _grading_story
from hazard_desktop.adapters.pdf.rectification_forms import FORM_TITLES, form_story
from hazard_desktop.adapters.pdf.sheet_parts import TITLE_DISPUTE, TITLE_GRADING, _numbered_canvas_class
from hazard_desktop.services.sheet_models import DisputeSheet, GradingSheet, SheetDocument


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
            else:
                form = form_story(sheet, styles, font)
                if form is None:  # pragma: no cover - the model's type says this cannot happen
                    raise TypeError(f"cannot print {type(sheet).__name__}")
                story.extend(form)
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


def _title_of(sheet: object) -> str:
    if isinstance(sheet, GradingSheet):
        return TITLE_GRADING
    if isinstance(sheet, DisputeSheet):
        return TITLE_DISPUTE
    return FORM_TITLES[type(sheet)]


__all__ = ["ReportLabSheetRenderer"]

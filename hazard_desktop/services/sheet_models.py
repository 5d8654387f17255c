"""View-models of the printed sheets: 隐患分级判定表 (grading sheet) and 争议裁决表 (dispute ruling sheet).

The services build these from stored records; a :class:`SheetRenderer` (ReportLab in
``adapters/pdf/sheets.py``) prints them. The model carries **values only**, already formatted as the
sheet shows them (numbers as text, dates as text); the fixed labels of the form (表头, 签字, 组长 …)
belong to the renderer, because the printed form is a Chinese legal record whatever the UI language.

Standard library only.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from hazard_desktop.domain.errors import ValidationError

if TYPE_CHECKING:  # the forms' models use this module's pieces
    from hazard_desktop.services.form_models import RectificationForm


def _tuple(obj: object, name: str) -> None:
    """Store a sequence field as a tuple so the frozen model is really immutable."""
    value = getattr(obj, name)
    if not isinstance(value, tuple):
        object.__setattr__(obj, name, tuple(value))


def _check_copy_no(copy_no: int) -> None:
    if not isinstance(copy_no, int) or isinstance(copy_no, bool) or copy_no < 0:
        raise ValidationError("sheet_copy_no_invalid", field="copy_no", value=str(copy_no))


@dataclass(frozen=True, slots=True)
class SheetMember:
    """One row of a panel's score table. Empty strings print as blank cells (e.g. criteria method).

    Attributes:
        role_label: the member's role in the panel as printed (``组长``, ``副组长``, ``成员``).
        name: person's name.
        department: the person's department.
        l, e, c, d: the member's LEC scores and their product, formatted (``"3"``, ``"0.5"``, ``"90"``).
        entered: who entered the score and when, as printed in the signature cell
            (``"本人账户录入 2026-03-20 08:01"``); empty for scores entered before accounts.
    """

    role_label: str
    name: str
    department: str
    l: str = ""  # noqa: E741 - the method's own letter
    e: str = ""
    c: str = ""
    d: str = ""
    entered: str = ""


@dataclass(frozen=True, slots=True)
class SheetCriterion:
    """A major-hazard criterion (重大事故隐患判定标准) the hazard meets.

    Attributes:
        code: criterion code in the reference list.
        clause: where it comes from, e.g. ``"原安监总管三〔2017〕121号 第十条"``.
        text: the criterion's wording.
        evidence: what was found on site that meets it (may be empty).
    """

    code: str
    clause: str
    text: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class SheetPhoto:
    """A site photo: a display JPEG (already downscaled by the image adapter) and its caption."""

    jpeg: bytes
    caption: str = ""


@dataclass(frozen=True, slots=True)
class GradingSheet:
    """隐患分级判定表 of one hazard, as graded by one panel meeting.

    Attributes:
        plant_name: the plant's name (printed above the title and in the footer).
        sheet_no: the sheet's own number.
        hazard_number: register number, e.g. ``YH-2026-0012``.
        description, location, category, found_at, found_by: the hazard as registered
            (``category`` already joined, e.g. ``"4.5 设备设施 / 4.5.1 压力容器"``).
        method_label: how it was graded, as printed (``"LEC 作业条件危险性评价法"``, ``"重大隐患判定标准"``).
        basis_lines: further basis text, one printed line each (standards, meeting notes).
        criteria: criteria met (criteria method); empty for a pure LEC grading.
        members: the panel, leader first; each member signs in the printed signature cell.
        mean_d: the panel's mean D (formatted); empty when no LEC scores were given.
        band_name: the resulting band / grade (``"显著危险"``, ``"重大事故隐患"``).
        band_colour: ``"#RRGGBB"`` of the band (printed as a small swatch); empty for none.
        action: the action the band requires (整改要求).
        threshold_set: name (and effective date) of the threshold set used.
        leader_name: the panel leader, who signs below the result.
        graded_on: date of the grading meeting, formatted.
        verify_code: printed short code ``XXXX-XXXX-XXXX`` (``domain.verification.short_code``).
        qr_payload: ASCII payload of the QR (``domain.verification.qr_payload``).
        copy_no: how many times this sheet was printed before: 0 = the original; n > 0 prints
            ``副本 第{n+1}次打印``.
        photos: site photos; the renderer prints only the first few, small.
        signed_lines: the electronic signatures bound into the verify code, one printed line each: the
            confirming leader's account and time, and "单用户模式：未登录签名" when nobody signed in
            (issue 14); empty for gradings confirmed before accounts.
        panel_note: printed under the panel when its members were not recorded (a grading without scores
            stored before revision 0015); empty otherwise.
    """

    plant_name: str
    sheet_no: str
    hazard_number: str
    description: str
    location: str
    category: str
    found_at: str
    found_by: str
    method_label: str
    basis_lines: tuple[str, ...]
    criteria: tuple[SheetCriterion, ...]
    members: tuple[SheetMember, ...]
    mean_d: str
    band_name: str
    band_colour: str
    action: str
    threshold_set: str
    leader_name: str
    graded_on: str
    verify_code: str
    qr_payload: str
    copy_no: int = 0
    photos: tuple[SheetPhoto, ...] = ()
    signed_lines: tuple[str, ...] = ()
    panel_note: str = ""

    def __post_init__(self) -> None:
        for name in ("basis_lines", "criteria", "members", "photos", "signed_lines"):
            _tuple(self, name)
        _check_copy_no(self.copy_no)


@dataclass(frozen=True, slots=True)
class OriginalGrading:
    """What the disputed grading said (printed in section 一 of the 争议裁决表).

    Attributes:
        sheet_no: number of the original 隐患分级判定表.
        graded_on: its date, formatted.
        method_label: its method, as printed.
        mean_d: its mean D (formatted, may be empty).
        band_name: its band / grade.
        leader_name: its panel leader.
        members: its panel's scores (printed without signature cells: they signed the original).
    """

    sheet_no: str
    graded_on: str
    method_label: str
    mean_d: str
    band_name: str
    leader_name: str
    members: tuple[SheetMember, ...] = ()

    def __post_init__(self) -> None:
        _tuple(self, "members")


@dataclass(frozen=True, slots=True)
class SheetVerdict:
    """The dispute panel's vote on one criterion in question, as printed on the 争议裁决表.

    Attributes:
        code, clause, text: the criterion as judged.
        evidence: what the panel found.
        result: ``适用`` or ``不适用`` with the tally (``适用（赞成 5 票，反对 2 票）``).
        votes: every member's vote (``肖才根（组长）适用；刘家华（副组长）不适用；…``).
    """

    code: str
    clause: str
    text: str
    evidence: str
    result: str
    votes: str


@dataclass(frozen=True, slots=True)
class DisputeSheet:
    """争议裁决表: a dispute about a grading and the dispute panel's ruling.

    Attributes:
        plant_name, sheet_no, hazard_number, description, location, category: as on the grading sheet.
        original: the disputed grading.
        raised_by_department, raised_by_person, raised_at, reason: who raised the dispute, when, why.
        members: the dispute panel (组长, 副组长, members), each with a signature cell.
        mean_d, band_name, band_colour, action, threshold_set: the final value and what follows from it.
        ruling_text: the panel's ruling (裁决意见), may be several paragraphs separated by newlines.
        leader_name, deputy_name: panel leader and deputy, who sign below the ruling.
        ruled_on: date of the ruling, formatted.
        verify_code, qr_payload, copy_no: as on :class:`GradingSheet`.
        verdicts: the panel's votes on the criteria in question (§5 order); empty when none was in question.
        claimed: the criteria the raising department claimed, as printed (``121-2（第2条）``).
        ruling_basis: how the ruling was reached, as printed (criteria upheld, or the LEC mean).
    """

    plant_name: str
    sheet_no: str
    hazard_number: str
    description: str
    original: OriginalGrading
    raised_by_department: str
    raised_by_person: str
    raised_at: str
    reason: str
    members: tuple[SheetMember, ...]
    mean_d: str
    band_name: str
    action: str
    threshold_set: str
    ruling_text: str
    leader_name: str
    deputy_name: str
    verify_code: str
    qr_payload: str
    copy_no: int = 0
    location: str = ""
    category: str = ""
    band_colour: str = ""
    ruled_on: str = ""
    verdicts: tuple[SheetVerdict, ...] = ()
    claimed: str = ""
    ruling_basis: str = ""
    signed_lines: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _tuple(self, "members")
        _tuple(self, "verdicts")
        _tuple(self, "signed_lines")
        _check_copy_no(self.copy_no)


@dataclass(frozen=True, slots=True)
class SheetDocument:
    """One printable document: one sheet, or a batch graded in one meeting (one sheet per page section).

    Attributes:
        title: document title (PDF metadata and the print job's name).
        sheets: the sheets in print order; at least one.
    """

    title: str
    sheets: tuple[GradingSheet | DisputeSheet | RectificationForm, ...] = field(default=())

    def __post_init__(self) -> None:
        _tuple(self, "sheets")
        if not self.sheets:
            raise ValidationError("sheet_document_empty", field="sheets")


class SheetRenderer(Protocol):
    """Prints a :class:`SheetDocument` to a file (PDF)."""

    def render(self, document: SheetDocument, path: pathlib.Path) -> None:
        """Write ``document`` to ``path``, replacing any file there; raise OSError if it cannot."""
        ...

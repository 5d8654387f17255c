"""Printed sheets: 隐患分级判定表 and 争议裁决表 built from the stored records, printed, recorded, verified.

Flow of a print (or a saved PDF):

1. :func:`prepare_document` reads the gradings (one read transaction) and builds the view-models of
   :mod:`hazard_desktop.services.sheet_models`, each with its copy number (how many times that sheet
   was printed before: 0 = original, n = 副本 第n+1次打印) and its verification code;
2. a :class:`~hazard_desktop.services.sheet_models.SheetRenderer` writes the PDF;
3. :func:`record_prints` stores one ``sheet_prints`` row per sheet in **one transaction that first
   checks the copy numbers are still the next ones** (``Conflict("sheet_copies_changed")`` if somebody
   printed the same sheet meanwhile: prepare again). The numbers on paper are therefore exactly the
   recorded ones, and no copy number is handed out twice (SQLite refuses the second of two concurrent
   writers whose read snapshot went stale).

:func:`print_document` does the three steps for a file (Save as PDF…, the ``sheet`` command) and
retries on a conflict; the print preview does 1–2 first and 3 just before the pages go to the printer.

Sheet numbers (表号) need no storage: they derive from the hazard's register number and the order of its
confirmed gradings, which never change once confirmed —

* 隐患分级判定表: ``PD-`` + the register number without its prefix (``YH-2026-0012`` → ``PD-2026-0012``);
  a hazard's second and later panel gradings (corrections) get ``-2``, ``-3`` …;
* 争议裁决表: ``CJ-2026-0012`` (``-2`` … for later rulings of the same hazard).

A number that does not look like ``XX-…`` is used whole (``PD-<number>``).

Verification (:func:`verify_code`): the printed code is :func:`~hazard_desktop.domain.verification.short_code`
of the SHA-256 of :func:`~hazard_desktop.domain.grading.canonical_record` of the grading (for a dispute
sheet: of the ruling, the disputed grading and the dispute itself, see :func:`dispute_record`). Looking
the code up in ``sheet_prints`` and hashing the record stored *now* tells whether the database still
holds exactly what was printed.

Standard library only; the renderer is a port.
"""

from __future__ import annotations

import getpass
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.criteria import CriteriaSource
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import Dispute, DisputeState, Grading, GradingMethod, MemberScore, PanelRole
from hazard_desktop.domain.hazards import Hazard, HazardGrade
from hazard_desktop.domain.lec import EdgeRule, format_decimal, format_fraction, normalize
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.sheet_prints import SheetKind, SheetPrint
from hazard_desktop.domain.verification import (
    QR_PREFIX,
    normalize_code,
    parse_qr_payload_parts,
    qr_payload,
    record_digest,
    short_code,
)
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import PhotoKind, UnitOfWork
from hazard_desktop.services.sheet_models import (
    DisputeSheet,
    GradingSheet,
    OriginalGrading,
    SheetCriterion,
    SheetDocument,
    SheetMember,
    SheetPhoto,
    SheetRenderer,
)

__all__ = [
    "DISPUTE_PREFIX",
    "GRADING_PREFIX",
    "PlannedPrint",
    "PreparedDocument",
    "PrintResult",
    "SheetCancelled",
    "SheetChoice",
    "SheetRequest",
    "SheetTarget",
    "VerifyResult",
    "VerifyStatus",
    "default_printed_by",
    "dispute_document",
    "dispute_record",
    "export_hazard_sheet",
    "grading_sheet_document",
    "meeting_document",
    "prepare_document",
    "print_document",
    "record_prints",
    "sheet_choices",
    "sheet_renderer",
    "verify_code",
]

GRADING_PREFIX = "PD"  # 判定
DISPUTE_PREFIX = "CJ"  # 裁决
MAX_SHEET_PHOTOS = 4  # the sheet shows the first few photos, small (display renditions)
MIN_PANEL_ROWS = 3  # a panel without scores still gets rows for 安环部, 生产部, 工会 to sign
PRINTED_BY_MAX = 40
DISPUTE_RECORD_VERSION = 1
DEFAULT_DECIMALS = 2
MAJOR_COLOUR = "#B71C1C"
MAJOR_NAME = "重大事故隐患"
GENERAL_NAME = "一般事故隐患"
MAJOR_ACTION = (
    "按重大事故隐患管理：立即报告，挂牌督办；制定并落实治理方案（目标任务、措施、经费、时限、责任人、应急预案），"
    "治理完成前采取有效防范措施，必要时局部或全部停产停业、停止使用。"
)
RULE_NAME = "《隐患分级管理办法》"

ROLE_LABELS = {PanelRole.LEADER: "组长", PanelRole.DEPUTY: "副组长", PanelRole.MEMBER: "成员"}
METHOD_LABELS = {
    GradingMethod.LEC_PANEL: "LEC 作业条件危险性评价法（D = L × E × C，取小组成员 D 值的平均值）",
    GradingMethod.CRITERIA: "对照重大事故隐患判定标准（符合任一条款即判定为重大事故隐患）",
    GradingMethod.PANEL_DECISION: "判定小组集体判定为重大事故隐患",
}
SHORT_METHOD_LABELS = {  # in the narrow cell of the disputed grading
    GradingMethod.LEC_PANEL: "LEC 作业条件危险性评价法",
    GradingMethod.CRITERIA: "重大事故隐患判定标准",
    GradingMethod.PANEL_DECISION: "判定小组集体判定",
}
EDGE_TEXT = {
    EdgeRule.UPPER_INCLUSIVE: "区间含上限，D 等于界限值时归较低等级",
    EdgeRule.LOWER_INCLUSIVE: "区间含下限，D 等于界限值时归较高等级",
}

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class SheetCancelled(Exception):  # noqa: N818 - the user's action, not a failure
    """The user cancelled building a document; nothing was printed or recorded."""


# ---------------------------------------------------------------- requests and results


class SheetTarget(StrEnum):
    """What a print request names."""

    HAZARD = "hazard"  # the grading that counts for the hazard (a ruling prints as 争议裁决表)
    GRADING = "grading"  # one grading of the history (a ruling prints as 争议裁决表)
    MEETING = "meeting"  # every confirmed grading of a panel meeting, one document
    DISPUTE = "dispute"  # the 争议裁决表 of a ruled dispute


@dataclass(frozen=True, slots=True)
class SheetRequest:
    """A document to print: build one with :meth:`hazard`, :meth:`grading`, :meth:`meeting`, :meth:`dispute`."""

    target: SheetTarget
    id: uuid.UUID

    @classmethod
    def hazard(cls, hazard_id: uuid.UUID) -> SheetRequest:
        """The sheet of the hazard's final grading."""
        return cls(SheetTarget.HAZARD, hazard_id)

    @classmethod
    def grading(cls, grading_id: uuid.UUID) -> SheetRequest:
        """The sheet of one confirmed grading."""
        return cls(SheetTarget.GRADING, grading_id)

    @classmethod
    def meeting(cls, meeting_id: uuid.UUID) -> SheetRequest:
        """One document with the sheets of every confirmed grading of a meeting."""
        return cls(SheetTarget.MEETING, meeting_id)

    @classmethod
    def dispute(cls, dispute_id: uuid.UUID) -> SheetRequest:
        """The 争议裁决表 of a ruled dispute."""
        return cls(SheetTarget.DISPUTE, dispute_id)


@dataclass(frozen=True, slots=True)
class PlannedPrint:
    """One sheet of a prepared document and the print row it will be recorded as."""

    kind: SheetKind
    grading_id: uuid.UUID
    dispute_id: uuid.UUID | None
    hazard_id: uuid.UUID
    hazard_number: str
    sheet_no: str
    verify_code: str
    digest: str
    copy_no: int


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document ready to render, with the print rows that go with it (see :func:`record_prints`)."""

    request: SheetRequest
    document: SheetDocument
    prints: tuple[PlannedPrint, ...]

    @property
    def title(self) -> str:
        """The document's title (PDF metadata, print job name, suggested file name)."""
        return self.document.title

    @property
    def reprints(self) -> int:
        """How many of its sheets are reprints (副本)."""
        return sum(1 for p in self.prints if p.copy_no > 0)


@dataclass(frozen=True, slots=True)
class PrintResult:
    """A document written to ``path`` and its recorded prints."""

    path: Path
    prepared: PreparedDocument
    records: tuple[SheetPrint, ...]


@dataclass(frozen=True, slots=True)
class SheetChoice:
    """A sheet a hazard can print: one per confirmed grading of its history (for the chooser).

    ``band_name_zh``/``band_name_en`` are empty for a major grading without scores; ``mean_d`` is the
    mean with the plant's decimals ("" without scores).
    """

    request: SheetRequest
    kind: SheetKind
    sheet_no: str
    hazard_number: str
    grading_id: uuid.UUID
    dispute_id: uuid.UUID | None
    method: GradingMethod
    grade: HazardGrade
    graded_on: date
    mean_d: str
    band_name_zh: str
    band_name_en: str
    leader_name: str
    is_final: bool
    superseded: bool
    prints: int


class VerifyStatus(StrEnum):
    """Outcome of :func:`verify_code`."""

    VERIFIED = "verified"  # the database still holds exactly the printed record
    ALTERED = "altered"  # the code was printed, but the stored record no longer hashes to it
    UNKNOWN = "unknown"  # no sheet with this code was ever printed or saved here


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """What the database says about a printed code.

    Attributes:
        status: verified / altered / unknown.
        code: the code as printed (``XXXX-XXXX-XXXX``).
        kind, sheet_no, hazard_id, hazard_number, grading_id, dispute_id: the sheet (unknown: empty).
        printed_at, printed_by: the first print with this code; ``last_printed_at`` the latest.
        copy_no: the highest copy number printed with this code (0: only the original).
        prints: how many prints/saves carry this code.
        is_current: the grading is still the one that counts for the hazard (not corrected or ruled on).
        scanned_number: the hazard number read from a scanned QR ("" when the code was typed);
            ``number_matches`` is False when it differs from the stored hazard's number.
        missing: the certified record is gone from the database (status altered).
    """

    status: VerifyStatus
    code: str
    kind: SheetKind | None = None
    sheet_no: str = ""
    hazard_id: uuid.UUID | None = None
    hazard_number: str = ""
    grading_id: uuid.UUID | None = None
    dispute_id: uuid.UUID | None = None
    printed_at: datetime | None = None
    last_printed_at: datetime | None = None
    printed_by: str = ""
    copy_no: int = 0
    prints: int = 0
    is_current: bool = False
    scanned_number: str = ""
    number_matches: bool = True
    missing: bool = False


# ---------------------------------------------------------------- small helpers


def default_printed_by() -> str:
    """The operating-system account name (there are no program accounts yet), at most 40 characters."""
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment is not an error
        name = ""
    return (name.strip() or "unknown")[:PRINTED_BY_MAX]


def _printed_by(value: str) -> str:
    text = " ".join(str(value).split())
    return (text or default_printed_by())[:PRINTED_BY_MAX]


def sheet_renderer(context: AppContext) -> SheetRenderer:
    """The renderer registered as ``context.extras["sheet_renderer"]`` (a renderer, or a factory of one)."""
    found = context.extras.get("sheet_renderer")
    if found is None:
        raise RuntimeError("no sheet renderer registered (context.extras['sheet_renderer'])")
    return found if hasattr(found, "render") else found()


def _date_cn(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _local(value: datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _number_text(value: Decimal) -> str:
    return format_decimal(normalize(value))


def _decimals(uow: UnitOfWork) -> int:
    try:
        places = int(uow.settings.get("decimals") or DEFAULT_DECIMALS)
    except ValueError:
        places = DEFAULT_DECIMALS
    return min(max(places, 0), 4)


def _mean_text(grading: Grading, places: int) -> str:
    return grading.mean_text(places) if grading.scores else ""


def _number_core(hazard_number: str) -> str:
    head, sep, tail = hazard_number.strip().partition("-")
    return tail if sep and head.isalpha() and tail else hazard_number.strip()


def _sheet_number(prefix: str, hazard_number: str, position: int) -> str:
    base = f"{prefix}-{_number_core(hazard_number)}"
    return base if position <= 1 else f"{base}-{position}"


def _confirmed_key(grading: Grading) -> tuple[datetime, datetime, str]:
    assert grading.confirmed_at is not None
    return (grading.confirmed_at, grading.created_at, str(grading.id))


def _sheet_no(grading: Grading, history: Sequence[Grading], hazard_number: str) -> str:
    """表号 of ``grading`` among the hazard's confirmed gradings of the same kind (panel / ruling)."""
    same = sorted((g for g in history if g.confirmed and g.is_ruling == grading.is_ruling), key=_confirmed_key)
    position = next((i for i, g in enumerate(same, start=1) if g.id == grading.id), len(same) + 1)
    return _sheet_number(DISPUTE_PREFIX if grading.is_ruling else GRADING_PREFIX, hazard_number, position)


def _text_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def dispute_record(dispute: Dispute, ruling: Grading, original: Grading) -> dict[str, Any]:
    """What a 争议裁决表 certifies: the ruling grading, the disputed grading and the dispute itself.

    The gradings enter as :func:`~hazard_desktop.domain.grading.canonical_record`; the dispute as plain
    values (times in UTC text), so a change to the ruling text or the reason shows up as well.
    """
    return {
        "record": "dispute_sheet",
        "version": DISPUTE_RECORD_VERSION,
        "ruling": rules.canonical_record(ruling),
        "original": rules.canonical_record(original),
        "dispute": {
            "id": str(dispute.id),
            "grading_id": str(dispute.grading_id),
            "hazard_id": str(dispute.hazard_id),
            "raised_by_department_id": str(dispute.raised_by_department_id),
            "raised_by_department_name": dispute.raised_by_department_name,
            "raised_by_person_name": dispute.raised_by_person_name,
            "raised_at": _text_time(dispute.raised_at),
            "reason": dispute.reason,
            "state": dispute.state.value,
            "ruling_text": dispute.ruling_text,
            "ruled_at": _text_time(dispute.ruled_at),
        },
    }


# ---------------------------------------------------------------- reading the records


class _Reader:
    """Everything one document needs, read inside one open unit of work (cached per hazard)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.plant_name = uow.settings.get("plant_name") or ""
        self.places = _decimals(uow)
        self._hazards: dict[uuid.UUID, Hazard] = {}
        self._history: dict[uuid.UUID, list[Grading]] = {}
        self._categories: dict[str, Any] | None = None
        self._sets: dict[uuid.UUID, Any] = {}

    def hazard(self, hazard_id: uuid.UUID) -> Hazard:
        if hazard_id not in self._hazards:
            hazard = self.uow.hazards.get(hazard_id)
            if hazard is None:
                raise NotFound("hazard_unknown", value=str(hazard_id))
            self._hazards[hazard_id] = hazard
        return self._hazards[hazard_id]

    def history(self, hazard_id: uuid.UUID) -> list[Grading]:
        if hazard_id not in self._history:
            self._history[hazard_id] = self.uow.gradings.history_for(hazard_id)
        return self._history[hazard_id]

    def grading(self, grading_id: uuid.UUID) -> Grading:
        found = self.uow.gradings.get(grading_id)
        if found is None:
            raise NotFound("grading_unknown", id=str(grading_id))
        return found

    def dispute(self, dispute_id: uuid.UUID) -> Dispute:
        found = self.uow.gradings.get_dispute(dispute_id)
        if found is None:
            raise NotFound("dispute_unknown", id=str(dispute_id))
        return found

    def category(self, hazard: Hazard) -> str:
        if self._categories is None:
            self._categories = {c.code: c for c in self.uow.reference.categories()}
        category = self._categories.get(hazard.category_code)
        if category is None:
            return hazard.category_code
        text = f"{category.code} {category.name_zh}"
        sub = category.subcategory(hazard.subcategory_code) if hazard.subcategory_code else None
        return f"{text} / {sub.code} {sub.name_zh}" if sub is not None else text

    def person_name(self, person_id: uuid.UUID | None) -> str:
        person = None if person_id is None else self.uow.reference.get_person(person_id)
        return "" if person is None else person.name

    def person_department(self, person_id: uuid.UUID | None) -> str:
        person = None if person_id is None else self.uow.reference.get_person(person_id)
        department = None if person is None else self.uow.reference.get_department(person.department_id)
        return "" if department is None else department.name

    def threshold_set(self, set_id: uuid.UUID | None) -> Any:
        if set_id is None:
            return None
        if set_id not in self._sets:
            self._sets[set_id] = self.uow.lec.get_threshold_set(set_id)
        return self._sets[set_id]

    def photos(self, hazard: Hazard) -> tuple[SheetPhoto, ...]:
        result = []
        for index, photo in enumerate(sorted(hazard.photos, key=lambda p: p.position)[:MAX_SHEET_PHOTOS], start=1):
            data = self.uow.hazards.photo_bytes(photo.id, PhotoKind.DISPLAY)
            if data:
                result.append(SheetPhoto(data, f"照片{index}"))
        return tuple(result)

    def clause(self, criterion_id: uuid.UUID, clause: str) -> str:
        criterion = self.uow.criteria.get(criterion_id)
        if criterion is None:
            return clause
        if criterion.source is CriteriaSource.NATIONAL_121:
            return f"安监总管三〔2017〕121号 {clause}"
        if criterion.source is CriteriaSource.COMPANY:
            return f"{RULE_NAME} {clause}"
        return clause

    def prints_so_far(self, grading_id: uuid.UUID, kind: SheetKind) -> int:
        return self.uow.gradings.count_sheet_prints(grading_id, kind)


# ---------------------------------------------------------------- view-models


def _members(grading: Grading, reader: _Reader, *, pad: bool) -> tuple[SheetMember, ...]:
    """The panel's rows, leader (and deputy) first; a panel without scores shows its leader and blank rows."""

    def role(score: MemberScore) -> PanelRole:
        if score.role is PanelRole.MEMBER and grading.leader_id is not None and score.person_id == grading.leader_id:
            return PanelRole.LEADER
        return score.role

    order = {PanelRole.LEADER: 0, PanelRole.DEPUTY: 1, PanelRole.MEMBER: 2}
    scores = sorted(enumerate(grading.scores), key=lambda item: (order[role(item[1])], item[0]))
    rows = [
        SheetMember(
            ROLE_LABELS[role(s)],
            s.person_name,
            s.department_name,
            _number_text(s.likelihood),
            _number_text(s.exposure),
            _number_text(s.consequence),
            _number_text(s.d),
        )
        for _, s in scores
    ]
    if not rows and pad:
        rows.append(
            SheetMember(ROLE_LABELS[PanelRole.LEADER], grading.leader_name, reader.person_department(grading.leader_id))
        )
        while len(rows) < MIN_PANEL_ROWS:
            rows.append(SheetMember(ROLE_LABELS[PanelRole.MEMBER], "", ""))
    return tuple(rows)


def _result(grading: Grading, reader: _Reader) -> tuple[str, str, str, str]:
    """(band name as printed, colour, required action, threshold set text)."""
    threshold = reader.threshold_set(grading.threshold_set_id)
    band = None
    if threshold is not None and grading.band_code is not None:
        band = next((b for b in threshold.bands if b.code == grading.band_code), None)
    band_name = grading.band_name_zh or (band.name_zh if band is not None else "")
    set_text = ""
    if grading.threshold_set_name:
        set_text = grading.threshold_set_name
        if threshold is not None:
            set_text += f"（{threshold.effective_from.isoformat()} 起施行；{EDGE_TEXT[threshold.edge_rule]}）"
        elif grading.edge_rule is not None:
            set_text += f"（{EDGE_TEXT[grading.edge_rule]}）"
    if grading.grade is HazardGrade.MAJOR:
        name = MAJOR_NAME if not band_name else f"{MAJOR_NAME}（LEC：{band_name}，仅作记录）"
        return name, MAJOR_COLOUR, MAJOR_ACTION, set_text
    name = f"{band_name}（{GENERAL_NAME}）" if band_name else GENERAL_NAME
    colour = band.colour if band is not None else ""
    action = band.action_zh if band is not None else ""
    return name, colour, action, set_text


def _basis(grading: Grading, reader: _Reader, hazard: Hazard, *, meeting_title: str) -> tuple[str, ...]:
    lines: list[str] = []
    if grading.method is GradingMethod.LEC_PANEL:
        total = sum((s.d for s in grading.scores), Decimal(0))
        exact = grading.mean_exact or Fraction(0)
        lines.append(
            f"{RULE_NAME}第5.2条：安环部、生产部、工会人员分别独立评定 L、E、C；"
            f"隐患值 = 各成员 D 值之和 ÷ 人数 = {_number_text(total)} ÷ {len(grading.scores)}"
            f" = {format_fraction(exact, reader.places)}。"
        )
    elif grading.method is GradingMethod.CRITERIA:
        lines.append(f"{RULE_NAME}第5.1条：符合重大事故隐患判定标准任一条款的，判定为重大事故隐患（条款见下表）。")
        if grading.scores:
            lines.append("小组同时进行了 LEC 评分，评分仅作记录，不改变判定结果。")
    else:
        lines.append(f"{RULE_NAME}第4.3条：判定小组依据重大事故隐患的定义集体判定。")
        lines.append(f"判定理由：{grading.decision_reason}")
    if meeting_title:
        lines.append(f"判定会议：{meeting_title}")
    history = reader.history(hazard.id)
    if grading.supersedes_id is not None:
        old = next((g for g in history if g.id == grading.supersedes_id), None)
        old_no = _sheet_no(old, history, hazard.number) if old is not None else ""
        lines.append(f"本表为更正判定，更正原判定表 {old_no}。更正理由：{grading.correction_reason}")
    current = rules.current_grading(history)
    if current is not None and current.id != grading.id:
        lines.append(
            f"注：本判定已被后续判定（表号 {_sheet_no(current, history, hazard.number)}）取代，本表仅作历史记录。"
        )
    return tuple(lines)


def _grading_sheet(grading: Grading, reader: _Reader, copy_no: int, code: str) -> GradingSheet:
    hazard = reader.hazard(grading.hazard_id)
    meeting_title = ""
    if grading.meeting_id is not None:
        meeting = reader.uow.gradings.get_meeting(grading.meeting_id)
        meeting_title = "" if meeting is None else f"{meeting.title}（{_date_cn(meeting.held_on)}）"
    band_name, colour, action, set_text = _result(grading, reader)
    location = hazard.location + (f"（设备位号 {hazard.equipment_tag}）" if hazard.equipment_tag else "")
    return GradingSheet(
        plant_name=reader.plant_name,
        sheet_no=_sheet_no(grading, reader.history(hazard.id), hazard.number),
        hazard_number=hazard.number,
        description=hazard.description,
        location=location,
        category=reader.category(hazard),
        found_at=_local(hazard.found_at),
        found_by=reader.person_name(hazard.found_by_id),
        method_label=METHOD_LABELS[grading.method],
        basis_lines=_basis(grading, reader, hazard, meeting_title=meeting_title),
        criteria=tuple(
            SheetCriterion(m.code, reader.clause(m.criterion_id, m.clause), m.text, m.evidence) for m in grading.matches
        ),
        members=_members(grading, reader, pad=True),
        mean_d=_mean_text(grading, reader.places),
        band_name=band_name,
        band_colour=colour,
        action=action,
        threshold_set=set_text,
        leader_name=grading.leader_name,
        graded_on=_date_cn(grading.graded_on),
        verify_code=code,
        qr_payload=qr_payload(code, hazard.number),
        copy_no=copy_no,
        photos=reader.photos(hazard),
    )


def _ruling_of(dispute: Dispute, reader: _Reader) -> Grading:
    """The grading that rules ``dispute``: its ruling, or the latest confirmed correction of it."""
    if dispute.state is not DisputeState.RULED or dispute.ruling_grading_id is None:
        raise InvalidTransition("dispute_not_ruled", state=dispute.state.value)
    history = reader.history(dispute.hazard_id)
    rulings = sorted((g for g in history if g.confirmed and g.dispute_id == dispute.id), key=_confirmed_key)
    superseded = {g.supersedes_id for g in history if g.confirmed and g.supersedes_id is not None}
    live = [g for g in rulings if g.id not in superseded]
    if live:
        return live[-1]
    return reader.grading(dispute.ruling_grading_id)


def _dispute_sheet(dispute: Dispute, ruling: Grading, reader: _Reader, copy_no: int, code: str) -> DisputeSheet:
    hazard = reader.hazard(dispute.hazard_id)
    history = reader.history(hazard.id)
    original = reader.grading(dispute.grading_id)
    original_band, _, _, _ = _result(original, reader)
    band_name, colour, action, set_text = _result(ruling, reader)
    deputy = next((s.person_name for s in ruling.scores if s.role is PanelRole.DEPUTY), "")
    ruling_text = dispute.ruling_text
    if ruling.supersedes_id is not None:
        ruling_text += f"\n更正说明：{ruling.correction_reason}"
    location = hazard.location + (f"（设备位号 {hazard.equipment_tag}）" if hazard.equipment_tag else "")
    return DisputeSheet(
        plant_name=reader.plant_name,
        sheet_no=_sheet_no(ruling, history, hazard.number),
        hazard_number=hazard.number,
        description=hazard.description,
        original=OriginalGrading(
            sheet_no=_sheet_no(original, history, hazard.number),
            graded_on=_date_cn(original.graded_on),
            method_label=SHORT_METHOD_LABELS[original.method],
            mean_d=_mean_text(original, reader.places),
            band_name=original_band,
            leader_name=original.leader_name,
            members=_members(original, reader, pad=False),
        ),
        raised_by_department=dispute.raised_by_department_name,
        raised_by_person=dispute.raised_by_person_name,
        raised_at=_local(dispute.raised_at),
        reason=dispute.reason,
        members=_members(ruling, reader, pad=True),
        mean_d=_mean_text(ruling, reader.places),
        band_name=band_name,
        action=action,
        threshold_set=set_text,
        ruling_text=ruling_text,
        leader_name=ruling.leader_name,
        deputy_name=deputy,
        verify_code=code,
        qr_payload=qr_payload(code, hazard.number),
        copy_no=copy_no,
        location=location,
        category=reader.category(hazard),
        band_colour=colour,
        ruled_on=_date_cn(ruling.graded_on),
    )


def _plan_grading(grading: Grading, reader: _Reader) -> tuple[GradingSheet | DisputeSheet, PlannedPrint]:
    """The sheet certifying ``grading`` (a ruling prints as its 争议裁决表) and its print row."""
    if not grading.confirmed:
        raise InvalidTransition("grading_not_confirmed", id=str(grading.id))
    if grading.is_ruling:
        assert grading.dispute_id is not None
        return _plan_dispute(reader.dispute(grading.dispute_id), reader, ruling=grading)
    hazard = reader.hazard(grading.hazard_id)
    digest = record_digest(rules.canonical_record(grading))
    code = short_code(digest)
    copy_no = reader.prints_so_far(grading.id, SheetKind.GRADING)
    sheet = _grading_sheet(grading, reader, copy_no, code)
    plan = PlannedPrint(
        SheetKind.GRADING, grading.id, None, hazard.id, hazard.number, sheet.sheet_no, code, digest, copy_no
    )
    return sheet, plan


def _plan_dispute(
    dispute: Dispute, reader: _Reader, *, ruling: Grading | None = None
) -> tuple[DisputeSheet, PlannedPrint]:
    ruling = ruling or _ruling_of(dispute, reader)
    if dispute.state is not DisputeState.RULED:
        raise InvalidTransition("dispute_not_ruled", state=dispute.state.value)
    original = reader.grading(dispute.grading_id)
    digest = record_digest(dispute_record(dispute, ruling, original))
    code = short_code(digest)
    copy_no = reader.prints_so_far(ruling.id, SheetKind.DISPUTE)
    sheet = _dispute_sheet(dispute, ruling, reader, copy_no, code)
    hazard = reader.hazard(dispute.hazard_id)
    plan = PlannedPrint(
        SheetKind.DISPUTE, ruling.id, dispute.id, hazard.id, hazard.number, sheet.sheet_no, code, digest, copy_no
    )
    return sheet, plan


def _targets(reader: _Reader, request: SheetRequest) -> tuple[str, list[Callable[[], Any]]]:
    """The document title and one builder per sheet (so progress can be reported sheet by sheet)."""
    target = SheetTarget(request.target)
    if target is SheetTarget.HAZARD:
        hazard = reader.hazard(request.id)
        final = rules.current_grading(reader.history(hazard.id))
        if final is None:
            raise NotFound("grading_none", number=hazard.number)
        title = ("争议裁决表 " if final.is_ruling else "隐患分级判定表 ") + hazard.number
        return title, [lambda: _plan_grading(final, reader)]
    if target is SheetTarget.GRADING:
        grading = reader.grading(request.id)
        hazard = reader.hazard(grading.hazard_id)
        title = ("争议裁决表 " if grading.is_ruling else "隐患分级判定表 ") + hazard.number
        return title, [lambda: _plan_grading(grading, reader)]
    if target is SheetTarget.DISPUTE:
        dispute = reader.dispute(request.id)
        hazard = reader.hazard(dispute.hazard_id)
        return f"争议裁决表 {hazard.number}", [lambda: _plan_dispute(dispute, reader)]
    meeting = reader.uow.gradings.get_meeting(request.id)
    if meeting is None:
        raise NotFound("meeting_unknown", id=str(request.id))
    gradings = reader.uow.gradings.for_meeting(meeting.id, confirmed_only=True)
    if not gradings:
        raise ValidationError("sheet_document_empty", field="sheets")
    title = f"隐患分级判定表 {meeting.title}（{_date_cn(meeting.held_on)}）"
    return title, [lambda g=g: _plan_grading(g, reader) for g in gradings]


# ---------------------------------------------------------------- public use cases


def prepare_document(
    uow: UnitOfWork,
    request: SheetRequest,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PreparedDocument:
    """Read the records and build the document, each sheet with its next copy number and its code.

    Nothing is written. ``progress(done, total)`` is called after each sheet with ``total`` = sheets + 1
    (the last step is rendering, reported by :func:`print_document`); ``cancelled()`` returning True
    stops with :class:`SheetCancelled`.

    Raises:
        NotFound: ``hazard_unknown``, ``grading_unknown``, ``meeting_unknown``, ``dispute_unknown``,
            ``grading_none`` (the hazard has no confirmed grading).
        InvalidTransition: ``grading_not_confirmed`` (a draft has no sheet), ``dispute_not_ruled``.
        ValidationError: ``sheet_document_empty`` (a meeting without confirmed gradings).
        SheetCancelled: ``cancelled()`` said so.
    """
    with uow:
        reader = _Reader(uow)
        title, builders = _targets(reader, request)
        total = len(builders) + 1
        sheets: list[GradingSheet | DisputeSheet] = []
        plans: list[PlannedPrint] = []
        for index, build in enumerate(builders, start=1):
            if cancelled is not None and cancelled():
                raise SheetCancelled()
            sheet, plan = build()
            sheets.append(sheet)
            plans.append(plan)
            if progress is not None:
                progress(index, total)
    return PreparedDocument(request, SheetDocument(title, tuple(sheets)), tuple(plans))


def record_prints(
    uow: UnitOfWork, prepared: PreparedDocument, printed_by: str, *, at: datetime | None = None
) -> tuple[SheetPrint, ...]:
    """Store one print row per sheet of ``prepared``, in one transaction with the copy-number check.

    Raises:
        Conflict: ``sheet_copies_changed`` — one of the sheets was printed by someone else since
            ``prepared`` was built; its copy number on paper would be wrong. Prepare it again.
        ValidationError: ``time_naive``.
    """
    now = utcnow() if at is None else at
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("time_naive", field="at")
    who = _printed_by(printed_by)
    records = []
    with uow:
        for plan in prepared.prints:
            if uow.gradings.count_sheet_prints(plan.grading_id, plan.kind) != plan.copy_no:
                raise Conflict("sheet_copies_changed", number=plan.hazard_number, sheet_no=plan.sheet_no)
        for plan in prepared.prints:
            record = SheetPrint(
                id=new_id(),
                kind=plan.kind,
                grading_id=plan.grading_id,
                dispute_id=plan.dispute_id,
                hazard_id=plan.hazard_id,
                verify_code=plan.verify_code,
                digest=plan.digest,
                copy_no=plan.copy_no,
                printed_at=now,
                printed_by=who,
                created_at=now,
                updated_at=now,
            )
            uow.gradings.add_sheet_print(record)
            records.append(record)
        uow.commit()
    return tuple(records)


def print_document(
    uow: UnitOfWork,
    request: SheetRequest,
    renderer: SheetRenderer,
    path: Path,
    printed_by: str,
    *,
    at: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    attempts: int = 3,
) -> PrintResult:
    """Build, render and record a document as the PDF ``path`` (Save as PDF…, the ``sheet`` command).

    The PDF is written next to ``path`` first and moved into place only after its prints are recorded,
    so a file on disk always has its print rows. A conflict (someone printed the same sheet meanwhile)
    is retried with fresh copy numbers up to ``attempts`` times.

    Raises:
        as :func:`prepare_document` and :func:`record_prints`; OSError if the file cannot be written.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, attempts + 1):
        prepared = prepare_document(uow, request, progress=progress, cancelled=cancelled)
        partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.part.pdf")
        try:
            renderer.render(prepared.document, partial)
            if cancelled is not None and cancelled():
                raise SheetCancelled()
            try:
                records = record_prints(uow, prepared, printed_by, at=at)
            except Conflict as err:
                if err.code == "sheet_copies_changed" and attempt < attempts:
                    continue
                raise
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        if progress is not None:
            total = len(prepared.prints) + 1
            progress(total, total)
        return PrintResult(target, prepared, records)
    raise AssertionError("unreachable")  # pragma: no cover


def grading_sheet_document(
    uow: UnitOfWork, hazard_id: uuid.UUID | None = None, grading_id: uuid.UUID | None = None
) -> SheetDocument:
    """The sheet of a hazard's final grading (``hazard_id``) or of one grading (``grading_id``).

    Copy numbers are those the next print would get. Raises as :func:`prepare_document`.
    """
    if (hazard_id is None) == (grading_id is None):
        raise ValueError("give exactly one of hazard_id and grading_id")
    request = SheetRequest.hazard(hazard_id) if hazard_id is not None else SheetRequest.grading(grading_id)  # type: ignore[arg-type]
    return prepare_document(uow, request).document


def meeting_document(uow: UnitOfWork, meeting_id: uuid.UUID) -> SheetDocument:
    """One document with a 隐患分级判定表 per confirmed grading of the meeting, in meeting order."""
    return prepare_document(uow, SheetRequest.meeting(meeting_id)).document


def dispute_document(uow: UnitOfWork, dispute_id: uuid.UUID) -> SheetDocument:
    """The 争议裁决表 of a ruled dispute."""
    return prepare_document(uow, SheetRequest.dispute(dispute_id)).document


def sheet_choices(uow: UnitOfWork, hazard_id: uuid.UUID) -> list[SheetChoice]:
    """Every sheet the hazard can print: one per confirmed grading, oldest first; the final one flagged.

    Raises:
        NotFound: ``hazard_unknown``.
    """
    with uow:
        reader = _Reader(uow)
        hazard = reader.hazard(hazard_id)
        history = reader.history(hazard_id)
        current = rules.current_grading(history)
        superseded = {g.supersedes_id for g in history if g.confirmed and g.supersedes_id is not None}
        choices = []
        for grading in sorted((g for g in history if g.confirmed), key=_confirmed_key):
            kind = SheetKind.DISPUTE if grading.is_ruling else SheetKind.GRADING
            choices.append(
                SheetChoice(
                    request=SheetRequest.grading(grading.id),
                    kind=kind,
                    sheet_no=_sheet_no(grading, history, hazard.number),
                    hazard_number=hazard.number,
                    grading_id=grading.id,
                    dispute_id=grading.dispute_id,
                    method=grading.method,
                    grade=grading.grade,
                    graded_on=grading.graded_on,
                    mean_d=_mean_text(grading, reader.places),
                    band_name_zh=grading.band_name_zh or "",
                    band_name_en=grading.band_name_en or "",
                    leader_name=grading.leader_name,
                    is_final=current is not None and grading.id == current.id,
                    superseded=grading.id in superseded
                    or (current is not None and current.is_ruling and not grading.is_ruling),
                    prints=reader.prints_so_far(grading.id, kind),
                )
            )
        return choices


def export_hazard_sheet(
    context: AppContext,
    number: str,
    path: Path,
    *,
    printed_by: str | None = None,
    meeting: bool = False,
    dispute: bool = False,
) -> Path:
    """Write the sheet of the hazard numbered ``number`` to ``path`` and record the print (headless).

    By default the sheet of its final grading (a dispute ruling prints as 争议裁决表); ``meeting``: the
    whole batch of the meeting that graded it; ``dispute``: the 争议裁决表 of its latest ruled dispute.

    Raises:
        NotFound: ``hazard_number_unknown``, ``grading_none``, ``meeting_none`` (graded outside a
            meeting), ``dispute_none`` (no ruled dispute); and as :func:`print_document`.
    """
    text = number.strip()
    with context.uow() as uow:
        hazard = uow.hazards.get_by_number(text)
        if hazard is None:
            raise NotFound("hazard_number_unknown", field="number", number=text)
        history = uow.gradings.history_for(hazard.id)
        if meeting:
            graded = [g for g in history if g.confirmed and g.meeting_id is not None]
            if not graded:
                raise NotFound("meeting_none", number=text)
            request = SheetRequest.meeting(max(graded, key=_confirmed_key).meeting_id)  # type: ignore[arg-type]
        elif dispute:
            ruled = [d for d in uow.gradings.disputes_for(hazard.id) if d.state is DisputeState.RULED]
            if not ruled:
                raise NotFound("dispute_none", number=text)
            request = SheetRequest.dispute(ruled[-1].id)
        else:
            if rules.current_grading(history) is None:
                raise NotFound("grading_none", number=text)
            request = SheetRequest.hazard(hazard.id)
    result = print_document(
        context.uow(), request, sheet_renderer(context), Path(path), printed_by or default_printed_by()
    )
    return result.path


def verify_code(uow: UnitOfWork, typed: str) -> VerifyResult:
    """Check a code read from a sheet (typed ``XXXX-XXXX-XXXX`` in any case and spacing, or a scanned
    QR payload ``HDV1:<code>:<hazard number>``) against the records stored now.

    Raises:
        ValidationError: ``verify_code_invalid`` / ``verify_qr_invalid`` for text that is not a code.
    """
    text = (typed or "").strip()
    scanned_number = ""
    if text.upper().startswith(QR_PREFIX + ":"):
        code, scanned_number = parse_qr_payload_parts(text)
    else:
        code = normalize_code(text)
    with uow:
        prints = uow.gradings.find_sheet_prints(code)
        if not prints:
            return VerifyResult(VerifyStatus.UNKNOWN, code, scanned_number=scanned_number)
        first, last = prints[0], prints[-1]
        reader = _Reader(uow)
        hazard = uow.hazards.get(first.hazard_id)
        hazard_number = "" if hazard is None else hazard.number
        history = [] if hazard is None else reader.history(hazard.id)
        grading = next((g for g in history if g.id == first.grading_id), None) or uow.gradings.get(first.grading_id)
        digest: str | None = None
        if grading is not None:
            if first.kind is SheetKind.DISPUTE:
                dispute = None if first.dispute_id is None else uow.gradings.get_dispute(first.dispute_id)
                original = None if dispute is None else uow.gradings.get(dispute.grading_id)
                if dispute is not None and original is not None:
                    digest = record_digest(dispute_record(dispute, grading, original))
            else:
                digest = record_digest(rules.canonical_record(grading))
        intact = digest is not None and digest == first.digest and short_code(digest) == code
        current = rules.current_grading(history)
        return VerifyResult(
            status=VerifyStatus.VERIFIED if intact else VerifyStatus.ALTERED,
            code=code,
            kind=first.kind,
            sheet_no="" if grading is None or hazard is None else _sheet_no(grading, history, hazard.number),
            hazard_id=first.hazard_id,
            hazard_number=hazard_number,
            grading_id=first.grading_id,
            dispute_id=first.dispute_id,
            printed_at=first.printed_at,
            last_printed_at=last.printed_at,
            printed_by=first.printed_by,
            copy_no=max(p.copy_no for p in prints),
            prints=len(prints),
            is_current=current is not None and current.id == first.grading_id,
            scanned_number=scanned_number,
            number_matches=not scanned_number or scanned_number == hazard_number,
            missing=digest is None,
        )

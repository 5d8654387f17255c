"""Reading what a printed sheet certifies: sheet numbers (表号), dates and numbers as printed, the
record a 争议裁决表 certifies, and one reader of the stored records per document (see :mod:`.sheets`)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion
from hazard_desktop.domain.errors import NotFound
from hazard_desktop.domain.grading import Dispute, Grading, GradingMethod, PanelRole
from hazard_desktop.domain.hazards import Hazard, finder_text_zh
from hazard_desktop.domain.lec import EdgeRule, band_edges, format_decimal, normalize
from hazard_desktop.domain.reference import namesake_numbers, printed_name
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.services.ports import PhotoKind, UnitOfWork
from hazard_desktop.services.sheet_models import SheetPhoto

GRADING_PREFIX = "PD"  # 判定
DISPUTE_PREFIX = "CJ"  # 裁决
MAX_SHEET_PHOTOS = 4  # the sheet shows the first few photos, small (display renditions)
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
    GradingMethod.PANEL_DECISION: "依第4.3条重大事故隐患定义，判定小组集体判定为重大事故隐患（不属于所列判定标准条款）",
}
SHORT_METHOD_LABELS = {  # in the narrow cell of the disputed grading
    GradingMethod.LEC_PANEL: "LEC 作业条件危险性评价法",
    GradingMethod.CRITERIA: "重大事故隐患判定标准",
    GradingMethod.PANEL_DECISION: "依第4.3条定义判定（非判定标准条款）",
}
EDGE_TEXT = {
    EdgeRule.UPPER_INCLUSIVE: "区间含上限，D 等于界限值时归较低等级",
    EdgeRule.LOWER_INCLUSIVE: "区间含下限，D 等于界限值时归较高等级",
}

# ---------------------------------------------------------------- small helpers


def _date_cn(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _local(value: datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def found_texts(hazard: Hazard, person_name: str) -> tuple[str, str]:
    """发现时间 and 发现人 as the sheets and forms print them: an imported hazard's day without a time is
    printed as a date, and its 发现人 as the old ledger wrote it (or 原台账未记录) — never the importer."""
    when = _local(hazard.found_at)
    if hazard.found_date_only:
        when = when[:10]
    return when, finder_text_zh(hazard.found_by_text, person_name)


def _number_text(value: Decimal) -> str:
    return format_decimal(normalize(value))


def _decimals(uow: UnitOfWork) -> int:
    try:
        places = int(uow.settings.get("decimals") or DEFAULT_DECIMALS)
    except ValueError:
        places = DEFAULT_DECIMALS
    return min(max(places, 0), 4)


def _mean_text(grading: Grading, places: int, reader: _Reader | None = None) -> str:
    """The mean as printed: ``≈`` when rounded, more decimals when rounding would meet a band edge."""
    if not grading.scores:
        return ""
    edges = band_edges(reader.threshold_set(grading.threshold_set_id)) if reader is not None else ()
    return grading.mean_text(places, edges)


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


def voted_ruling(dispute: Dispute, ruling: Grading, get: Callable[[uuid.UUID], Grading | None]) -> Grading:
    """The grading that holds the dispute panel's votes on criteria for the sheet of ``ruling``.

    The ruling itself; but a correction of an LEC ruling re-scores LEC only (:func:`correct_grading`), so
    the votes that sent the panel to LEC stay on the first ruling (``dispute.ruling_grading_id``).
    """
    if ruling.verdicts or dispute.ruling_grading_id is None or dispute.ruling_grading_id == ruling.id:
        return ruling
    first = get(dispute.ruling_grading_id)
    return ruling if first is None else first


def dispute_record(
    dispute: Dispute, ruling: Grading, original: Grading, voted: Grading | None = None
) -> dict[str, Any]:
    """What a 争议裁决表 certifies: the ruling grading, the disputed grading and the dispute itself.

    The gradings enter as :func:`~hazard_desktop.domain.grading.canonical_record`; the dispute as plain
    values (times in UTC text), so a change to the ruling text or the reason shows up as well. ``voted``
    (:func:`voted_ruling`) adds the first ruling's votes when ``ruling`` is a correction printing them.
    """
    record: dict[str, Any] = {
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
    if dispute.claimed:  # only when claimed: records printed before claims existed keep their digest
        record["dispute"]["claimed"] = [
            {"criterion_id": str(c.criterion_id), "code": c.code, "text": c.text, "clause": c.clause}
            for c in dispute.claimed
        ]
    if voted is not None and voted.id != ruling.id and voted.verdicts:  # only then: older records keep their digest
        record["votes"] = {"ruling_id": str(voted.id), "verdicts": rules.canonical_record(voted)["verdicts"]}
    return record


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
        self._namesakes: dict[uuid.UUID, str] | None = None
        self._criteria: list[MajorCriterion] | None = None

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

    def criteria_sources(self, grading: Grading) -> tuple[int, int] | None:
        """What the criteria list a grading's §5.1 check went through held: (company items, 121号 items); None
        when no check is recorded or the rows of that version are no longer all here."""
        check = grading.major_check
        if check is None:
            return None
        if self._criteria is None:
            self._criteria = self.uow.criteria.all(include_retired=True)
        for at in (check.checked_at, grading.created_at):  # the list in force when checked (= when graded)
            in_force = [c for c in self._criteria if c.created_at <= at and (c.retired_at is None or c.retired_at > at)]
            if rules.criteria_version(in_force).digest == check.criteria.digest:
                break
        else:
            return None
        company = sum(1 for c in in_force if c.source is CriteriaSource.COMPANY)
        return company, len(in_force) - company

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
        """The person's name as printed (with the employee number if they have a namesake: :meth:`member_name`)."""
        person = None if person_id is None else self.uow.reference.get_person(person_id)
        return "" if person is None else self.member_name(person.id, person.name)

    def member_name(self, person_id: uuid.UUID | None, name: str) -> str:
        """``name`` as printed for ``person_id``: with the employee number (``周永明（E0099）``) when someone else
        in the register (active or not) has the same name in the same department, so the sheet says which one;
        else ``name`` alone, as on every ordinary sheet (:func:`~hazard_desktop.domain.reference.namesake_numbers`)."""
        if self._namesakes is None:
            self._namesakes = namesake_numbers(self.uow.reference.people(include_inactive=True))
        return printed_name(name, None if person_id is None else self._namesakes.get(person_id))

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

"""Inspection checklists (安全检查表): templates in versions, inspections run against one version, answers.

A *template* is a family of versions sharing ``template_id``; each :class:`Template` object is one
version. A version is changed in place only while it is unpublished; once it was used by an
inspection, exported, seeded or imported it is *published* and immutable, and an edit stores a new
version (``version`` + 1, ``supersedes_id`` set). An inspection keeps the version it was started with,
so a finished record never changes when the template is edited later.

Every answer is its own record (one per item of the inspection's template version); a failed answer
may raise a hazard (``hazard_id``) and, when the item checks a major-hazard criterion, proposes the
grade 重大 (``proposes_major``; the grading dialogs decide).

Standard library only; error codes are stable, the UI translates them.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hazard_desktop.domain.errors import InvalidTransition, ValidationError
from hazard_desktop.domain.hazards import DESCRIPTION_MAX, LOCATION_MAX
from hazard_desktop.domain.text import refuse_control_characters

TEMPLATE_NAME_MAX = 60
TEMPLATE_CODE_MAX = 20
TEMPLATE_DESCRIPTION_MAX = 1000
SECTION_TITLE_MAX = 60
ITEM_TEXT_MAX = 500
ITEM_GUIDANCE_MAX = 1000
CRITERION_CODE_MAX = 20
AREA_MAX = LOCATION_MAX
NOTE_MAX = 1000
INSPECTION_NOTE_MAX = 2000
MAX_ANSWER_PHOTOS = 6
MAX_INSPECTORS = 8

INSPECTION_NUMBER_PATTERN = re.compile(r"^JC-([0-9]{4})-([0-9]{4,6})$")


class AnswerResult(StrEnum):
    """Outcome of one checklist item."""

    PASS = "pass"  # 合格
    FAIL = "fail"  # 不合格
    NA = "na"  # 不适用


class InspectionState(StrEnum):
    """A run is a draft until it is finalized; a finalized run is locked."""

    DRAFT = "draft"
    FINALIZED = "finalized"


class TemplateOrigin(StrEnum):
    """Where a template version came from."""

    LOCAL = "local"  # made or edited on this computer
    SEED = "seed"  # shipped with the program
    IMPORT = "import"  # read from an exchange file


class EditMode(StrEnum):
    """How an edit of a template version is stored."""

    IN_PLACE = "in_place"
    NEW_VERSION = "new_version"


# ------------------------------------------------------------------------------------- templates


@dataclass(frozen=True, slots=True)
class TemplateItem:
    """One question of a checklist.

    Attributes:
        text: what is checked (检查内容), e.g. ``"压力表在检定有效期内，表盘清晰"``.
        guidance: how to check it, the standard it comes from (检查方法/依据); may be empty.
        category_code, subcategory_code: the hazard category a failure of this item belongs to.
        criterion_code: the major-hazard criterion (``major_criteria.code``) the item checks, or None.
    """

    id: uuid.UUID
    position: int
    text: str
    guidance: str
    category_code: str
    subcategory_code: str | None
    criterion_code: str | None = None


@dataclass(frozen=True, slots=True)
class TemplateSection:
    """A titled group of items (e.g. ``"安全附件"``)."""

    id: uuid.UUID
    position: int
    title: str
    items: tuple[TemplateItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Template:
    """One version of a checklist template.

    Attributes:
        id: this version's id (what an inspection refers to).
        template_id: the family's id, shared by every version.
        code: short code for ordering and printing (``"JC-03"``); may be empty.
        version: 1, 2, … within the family.
        supersedes_id: the version this one was made from.
        origin: local, seed or import.
        published_at: when it became immutable (first use, export, seed, import); None = still editable.
        retired_at: when the family was withdrawn (no new inspections); None = in use.
    """

    id: uuid.UUID
    template_id: uuid.UUID
    code: str
    name: str
    description: str
    version: int
    sections: tuple[TemplateSection, ...]
    supersedes_id: uuid.UUID | None
    origin: TemplateOrigin
    published_at: datetime | None
    retired_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def items(self) -> tuple[TemplateItem, ...]:
        """Every item in checklist order (section by section)."""
        return tuple(item for section in self.sections for item in section.items)

    @property
    def item_count(self) -> int:
        """Number of items."""
        return sum(len(s.items) for s in self.sections)

    @property
    def published(self) -> bool:
        """True once the version may no longer change."""
        return self.published_at is not None

    @property
    def active(self) -> bool:
        """True while new inspections may use the template."""
        return self.retired_at is None

    def item(self, item_id: uuid.UUID) -> TemplateItem | None:
        """The item with ``item_id`` or None."""
        return next((i for i in self.items if i.id == item_id), None)

    def section_of(self, item_id: uuid.UUID) -> TemplateSection | None:
        """The section holding ``item_id`` or None."""
        return next((s for s in self.sections if any(i.id == item_id for i in s.items)), None)


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """An item as entered in the template editor (or read from a file)."""

    text: str
    guidance: str
    category_code: str
    subcategory_code: str | None = None
    criterion_code: str | None = None


@dataclass(frozen=True, slots=True)
class SectionDraft:
    """A section as entered."""

    title: str
    items: tuple[ItemDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class TemplateDraft:
    """The content of a template version as entered; validated by :func:`validate_draft`."""

    name: str
    description: str
    sections: tuple[SectionDraft, ...]
    code: str = ""


def _clean(text: str, code: str, max_len: int, *, required: bool, **params: object) -> str:
    value = refuse_control_characters(text, code, **params).strip()
    if required and not value:
        raise ValidationError(f"{code}_empty", field=code, **params)
    if len(value) > max_len:
        raise ValidationError(f"{code}_too_long", field=code, max=max_len, **params)
    return value


def validate_draft(draft: TemplateDraft) -> TemplateDraft:
    """Check and normalise template content (category and criterion codes are checked by the service).

    Sections without items are dropped; blank items (no text) are refused.

    Raises:
        ValidationError: ``template_name_empty/_too_long``, ``template_code_too_long``,
            ``template_description_too_long``, ``section_title_empty/_too_long``, ``item_text_empty/_too_long``,
            ``item_guidance_too_long``, ``item_category_empty``, ``criterion_code_too_long``, ``template_no_items``.
    """
    name = _clean(draft.name, "template_name", TEMPLATE_NAME_MAX, required=True)
    code = _clean(draft.code, "template_code", TEMPLATE_CODE_MAX, required=False)
    description = _clean(draft.description, "template_description", TEMPLATE_DESCRIPTION_MAX, required=False)
    sections = []
    for s_index, section in enumerate(draft.sections, start=1):
        if not section.items:
            continue
        title = _clean(section.title, "section_title", SECTION_TITLE_MAX, required=True, section=s_index)
        items = []
        for i_index, item in enumerate(section.items, start=1):
            where = {"section": s_index, "item": i_index}
            text = _clean(item.text, "item_text", ITEM_TEXT_MAX, required=True, **where)
            guidance = _clean(item.guidance, "item_guidance", ITEM_GUIDANCE_MAX, required=False, **where)
            if not item.category_code.strip():
                raise ValidationError("item_category_empty", field="item_category", **where)
            criterion = (item.criterion_code or "").strip() or None
            if criterion is not None and len(criterion) > CRITERION_CODE_MAX:
                raise ValidationError("criterion_code_too_long", field="criterion", max=CRITERION_CODE_MAX, **where)
            items.append(
                ItemDraft(
                    text=text,
                    guidance=guidance,
                    category_code=item.category_code.strip(),
                    subcategory_code=(item.subcategory_code or "").strip() or None,
                    criterion_code=criterion,
                )
            )
        sections.append(SectionDraft(title=title, items=tuple(items)))
    if not sections:
        raise ValidationError("template_no_items", field="sections")
    return TemplateDraft(name=name, description=description, sections=tuple(sections), code=code)


def draft_of(template: Template) -> TemplateDraft:
    """The editable content of a stored version."""
    return TemplateDraft(
        name=template.name,
        description=template.description,
        code=template.code,
        sections=tuple(
            SectionDraft(
                title=s.title,
                items=tuple(
                    ItemDraft(i.text, i.guidance, i.category_code, i.subcategory_code, i.criterion_code)
                    for i in s.items
                ),
            )
            for s in template.sections
        ),
    )


def content_digest(draft: TemplateDraft) -> str:
    """SHA-256 of a version's content (not its ids): equal digests mean the same checklist."""
    canonical = {
        "code": draft.code,
        "name": draft.name,
        "description": draft.description,
        "sections": [
            {
                "title": s.title,
                "items": [[i.text, i.guidance, i.category_code, i.subcategory_code, i.criterion_code] for i in s.items],
            }
            for s in draft.sections
        ],
    }
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def edit_mode(current: Template) -> EditMode:
    """How an edit of ``current`` is stored: in place while unpublished, else as a new version."""
    return EditMode.NEW_VERSION if current.published else EditMode.IN_PLACE


def check_editable(current: Template, latest_version: int) -> None:
    """Only the newest version of an active template can be edited.

    Raises:
        InvalidTransition: ``template_not_latest`` or ``template_retired``.
    """
    if current.version != latest_version:
        raise InvalidTransition("template_not_latest", version=current.version, latest=latest_version)
    if not current.active:
        raise InvalidTransition("template_retired", name=current.name)


def build_template(
    draft: TemplateDraft,
    *,
    version_id: uuid.UUID,
    template_id: uuid.UUID,
    version: int,
    supersedes_id: uuid.UUID | None,
    origin: TemplateOrigin,
    published_at: datetime | None,
    now: datetime,
    new_id: Iterable[uuid.UUID] | None = None,
) -> Template:
    """Make a :class:`Template` from validated content, giving sections and items fresh ids.

    Args:
        new_id: ids to use for sections and items in order (sections first-then-their-items);
            default random.
    """
    ids = iter(new_id) if new_id is not None else None

    def next_id() -> uuid.UUID:
        return next(ids) if ids is not None else uuid.uuid4()

    sections = []
    for s_pos, section in enumerate(draft.sections, start=1):
        section_id = next_id()
        items = tuple(
            TemplateItem(
                id=next_id(),
                position=i_pos,
                text=item.text,
                guidance=item.guidance,
                category_code=item.category_code,
                subcategory_code=item.subcategory_code,
                criterion_code=item.criterion_code,
            )
            for i_pos, item in enumerate(section.items, start=1)
        )
        sections.append(TemplateSection(id=section_id, position=s_pos, title=section.title, items=items))
    return Template(
        id=version_id,
        template_id=template_id,
        code=draft.code,
        name=draft.name,
        description=draft.description,
        version=version,
        sections=tuple(sections),
        supersedes_id=supersedes_id,
        origin=origin,
        published_at=published_at,
        retired_at=None,
        created_at=now,
        updated_at=now,
    )


# ------------------------------------------------------------------------------------ inspections


@dataclass(frozen=True, slots=True)
class Inspector:
    """A person who ran the inspection; the first one is the leader (发现人 of the hazards raised)."""

    person_id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class Inspection:
    """One run of a checklist over an area.

    Attributes:
        number: ``JC-2026-0001``.
        template_version_id: the template version run (kept for ever).
        area: the inspected area (becomes the location of the hazards raised).
        department_id: the department responsible for the area (and the hazards raised).
        inspectors: who inspected, leader first.
        inspected_on: the day of the inspection.
        note: overall remarks.
        finalized_at: when it was locked.
    """

    id: uuid.UUID
    number: str
    template_version_id: uuid.UUID
    area: str
    department_id: uuid.UUID
    inspectors: tuple[Inspector, ...]
    inspected_on: date
    state: InspectionState
    note: str
    finalized_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def leader(self) -> Inspector:
        """The first inspector."""
        return self.inspectors[0]

    @property
    def is_draft(self) -> bool:
        """True until finalized."""
        return self.state is InspectionState.DRAFT


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to one item of an inspection.

    ``result`` may be None while only a note or photos were given; the item then counts as unanswered.
    """

    id: uuid.UUID
    inspection_id: uuid.UUID
    item_id: uuid.UUID
    result: AnswerResult | None
    note: str
    photo_count: int
    hazard_id: uuid.UUID | None
    proposes_major: bool
    criterion_code: str | None
    answered_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def answered(self) -> bool:
        """True once a result was chosen."""
        return self.result is not None

    @property
    def documented(self) -> bool:
        """A failure must carry a note or a photo."""
        return bool(self.note.strip()) or self.photo_count > 0


@dataclass(frozen=True, slots=True)
class AnswerPhoto:
    """Metadata of a photo taken for an answer (bytes live in storage)."""

    id: uuid.UUID
    answer_id: uuid.UUID
    position: int
    original_name: str
    original_sha256: str
    original_size: int
    width: int
    height: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StartInput:
    """What the user enters to start an inspection."""

    template_version_id: uuid.UUID
    area: str
    department_id: uuid.UUID | None
    inspector_ids: tuple[uuid.UUID, ...]
    inspected_on: date
    note: str = ""


def validate_start(data: StartInput, today: date) -> StartInput:
    """Check the start form (references are checked by the service).

    Raises:
        ValidationError: ``area_empty/_too_long``, ``department_empty``, ``inspectors_empty``,
            ``inspectors_too_many``, ``inspectors_duplicate``, ``inspected_on_future``, ``inspection_note_too_long``.
    """
    area = _clean(data.area, "area", AREA_MAX, required=True)
    note = _clean(data.note, "inspection_note", INSPECTION_NOTE_MAX, required=False)
    if data.department_id is None:
        raise ValidationError("department_empty", field="department")
    if not data.inspector_ids:
        raise ValidationError("inspectors_empty", field="inspectors")
    if len(data.inspector_ids) > MAX_INSPECTORS:
        raise ValidationError("inspectors_too_many", field="inspectors", max=MAX_INSPECTORS)
    if len(set(data.inspector_ids)) != len(data.inspector_ids):
        raise ValidationError("inspectors_duplicate", field="inspectors")
    if data.inspected_on > today:
        raise ValidationError("inspected_on_future", field="inspected_on")
    return StartInput(
        template_version_id=data.template_version_id,
        area=area,
        department_id=data.department_id,
        inspector_ids=tuple(data.inspector_ids),
        inspected_on=data.inspected_on,
        note=note,
    )


def format_inspection_number(year: int, sequence: int) -> str:
    """``JC-2026-0001`` (检查)."""
    return f"JC-{year:04d}-{sequence:04d}"


def inspection_sequence(number: str) -> tuple[int, int] | None:
    """(year, sequence) of an inspection number, or None if it is not one."""
    match = INSPECTION_NUMBER_PATTERN.match(number)
    return (int(match.group(1)), int(match.group(2))) if match else None


def check_draft(inspection: Inspection) -> None:
    """Answers of a finalized inspection never change.

    Raises:
        InvalidTransition: ``inspection_finalized``.
    """
    if not inspection.is_draft:
        raise InvalidTransition("inspection_finalized", number=inspection.number)


def clean_note(note: str) -> str:
    """Strip an answer's note and check its length.

    Raises:
        ValidationError: ``note_too_long``.
    """
    return _clean(note, "note", NOTE_MAX, required=False)


def check_answer_change(answer: Answer | None, result: AnswerResult | None) -> None:
    """Once a failed item raised a hazard, its result stays 不合格.

    Raises:
        InvalidTransition: ``answer_hazard_raised``.
    """
    if answer is not None and answer.hazard_id is not None and result is not AnswerResult.FAIL:
        raise InvalidTransition("answer_hazard_raised", field="result")


def proposal_for(item: TemplateItem, result: AnswerResult | None) -> tuple[bool, str | None]:
    """(proposes_major, criterion_code): a failed item that checks a major criterion proposes 重大."""
    if result is AnswerResult.FAIL and item.criterion_code:
        return True, item.criterion_code
    return False, None


# ------------------------------------------------------------------------------ progress, finalize


@dataclass(frozen=True, slots=True)
class Progress:
    """How far an inspection has got."""

    total: int
    passed: int
    failed: int
    not_applicable: int

    @property
    def answered(self) -> int:
        """Items with a result."""
        return self.passed + self.failed + self.not_applicable

    @property
    def remaining(self) -> int:
        """Items still without a result."""
        return self.total - self.answered

    @property
    def complete(self) -> bool:
        """Every item has a result."""
        return self.remaining == 0

    @property
    def percent(self) -> int:
        """Answered share, 0–100, rounded down (100 only when complete)."""
        return 100 if self.total == 0 else self.answered * 100 // self.total


def progress(template: Template, answers: Mapping[uuid.UUID, Answer]) -> Progress:
    """Count the results given for ``template``'s items (answers of other items are ignored)."""
    counts = {r: 0 for r in AnswerResult}
    for item in template.items:
        answer = answers.get(item.id)
        if answer is not None and answer.result is not None:
            counts[answer.result] += 1
    return Progress(
        total=template.item_count,
        passed=counts[AnswerResult.PASS],
        failed=counts[AnswerResult.FAIL],
        not_applicable=counts[AnswerResult.NA],
    )


def first_open_index(template: Template, answers: Mapping[uuid.UUID, Answer]) -> int:
    """Index (in :attr:`Template.items`) where a reopened draft continues: the first unanswered item,
    else the first undocumented failure, else the last item."""
    items = template.items
    for index, item in enumerate(items):
        answer = answers.get(item.id)
        if answer is None or answer.result is None:
            return index
    for index, item in enumerate(items):
        answer = answers[item.id]
        if answer.result is AnswerResult.FAIL and not answer.documented:
            return index
    return max(len(items) - 1, 0)


class ProblemKind(StrEnum):
    """Why an inspection cannot be finalized yet."""

    UNANSWERED = "unanswered"
    UNDOCUMENTED = "undocumented"


@dataclass(frozen=True, slots=True)
class Problem:
    """One item that blocks finalizing."""

    kind: ProblemKind
    index: int  # in Template.items
    item_id: uuid.UUID


def finalize_problems(template: Template, answers: Mapping[uuid.UUID, Answer]) -> list[Problem]:
    """Every item that blocks finalizing, in checklist order (unanswered, or failed without note/photo)."""
    problems = []
    for index, item in enumerate(template.items):
        answer = answers.get(item.id)
        if answer is None or answer.result is None:
            problems.append(Problem(ProblemKind.UNANSWERED, index, item.id))
        elif answer.result is AnswerResult.FAIL and not answer.documented:
            problems.append(Problem(ProblemKind.UNDOCUMENTED, index, item.id))
    return problems


def check_finalizable(inspection: Inspection, template: Template, answers: Mapping[uuid.UUID, Answer]) -> None:
    """The rules for locking an inspection.

    Raises:
        InvalidTransition: ``inspection_finalized``.
        ValidationError: ``inspection_incomplete`` (``count``, ``first`` = 1-based item number) or
            ``failure_undocumented`` (``count``, ``first``).
    """
    check_draft(inspection)
    problems = finalize_problems(template, answers)
    unanswered = [p for p in problems if p.kind is ProblemKind.UNANSWERED]
    if unanswered:
        raise ValidationError(
            "inspection_incomplete", field="answers", count=len(unanswered), first=unanswered[0].index + 1
        )
    if problems:
        raise ValidationError("failure_undocumented", field="answers", count=len(problems), first=problems[0].index + 1)


# How a failed item reads in the register (stored data, so Chinese only like every other description): it
# must say what is wrong, not repeat the requirement as if it were met.
FAILED_ITEM_PREFIX = "不符合检查项："
FAILED_ITEM_NOTE = "。现场情况："
# Punctuation a requirement may end with; the description supplies its own full stop.
_REQUIREMENT_END = "。．.；;，,、：: \t\n"
# What is kept of an over-long requirement before the inspector's note is cut.
_REQUIREMENT_MIN = 40


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: max(length - 1, 0)] + "…"


def hazard_description(item: TemplateItem, note: str) -> str:
    """The description of a hazard raised by a failed item, stating the deficiency.

    ``不符合检查项：<requirement>。现场情况：<note>``, or without a note ``不符合检查项：<requirement>``.
    An over-long description loses the end of the requirement first, the inspector's note only after that.
    """
    requirement = item.text.strip().rstrip(_REQUIREMENT_END)
    note = note.strip()
    if not note:
        return _cut(FAILED_ITEM_PREFIX + requirement, DESCRIPTION_MAX)
    tail = FAILED_ITEM_NOTE + note
    room = DESCRIPTION_MAX - len(FAILED_ITEM_PREFIX) - len(tail)
    requirement = _cut(requirement, max(room, _REQUIREMENT_MIN))
    return _cut(FAILED_ITEM_PREFIX + requirement + tail, DESCRIPTION_MAX)


@dataclass(frozen=True, slots=True)
class InspectionSummary:
    """A row of the inspection list."""

    id: uuid.UUID
    number: str
    template_name: str
    template_version: int
    area: str
    department_name: str
    inspectors: str
    inspected_on: date
    state: InspectionState
    total: int
    answered: int
    failed: int
    hazards: int
    updated_at: datetime
    finalized_at: datetime | None = None

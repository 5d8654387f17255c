"""Use cases of inspection checklists: templates (versioned), runs, answers, hazards raised by failures.

Crash safety: every answer, note and photo is its own committed transaction, so a crash or a power cut
loses at most the answer being typed; reopening a draft continues at the first open item.

Finalizing is one transaction: the checks, one hazard per failed item (through
:func:`services.hazards.create_hazard` and :func:`~services.hazards.attach_photos`, joined to this
transaction), the links answer → hazard and the lock. Either all of it is stored or none.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.hazards import Hazard, HazardInput
from hazard_desktop.domain.inspections import (
    INSPECTION_NOTE_MAX,
    MAX_ANSWER_PHOTOS,
    Answer,
    AnswerPhoto,
    AnswerResult,
    EditMode,
    Inspection,
    InspectionState,
    InspectionSummary,
    Inspector,
    Problem,
    Progress,
    StartInput,
    Template,
    TemplateDraft,
    TemplateItem,
    TemplateOrigin,
    build_template,
    check_answer_change,
    check_draft,
    check_editable,
    check_finalizable,
    clean_note,
    content_digest,
    finalize_problems,
    first_open_index,
    format_inspection_number,
    hazard_description,
    progress,
    proposal_for,
    validate_draft,
    validate_start,
)
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.text import refuse_control_characters
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.hazards import PhotoFile, attach_photos, create_hazard, photo_fields, process_photo_files
from hazard_desktop.services.ports import ImageProcessor, PhotoKind, UnitOfWork

# ------------------------------------------------------------------------------- joined transaction


class _Joined:
    """A unit of work the caller has already entered: a nested use case runs inside the caller's
    transaction, its ``commit`` is a no-op and the caller commits (or rolls back) everything at once."""

    def __init__(self, outer: UnitOfWork) -> None:
        self._outer = outer

    def __enter__(self) -> _Joined:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        """The caller commits."""

    def rollback(self) -> None:
        """The caller rolls back (by leaving its block with the exception)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._outer, name)


def joined(uow: UnitOfWork) -> UnitOfWork:
    """``uow`` (already entered) as a unit of work whose nested ``with``/``commit`` join its transaction."""
    return cast(UnitOfWork, _Joined(uow))


# -------------------------------------------------------------------------------------- templates


def _check_codes(uow: UnitOfWork, draft: TemplateDraft) -> None:
    """Every item's category, subcategory and criterion must exist."""
    categories = {c.code: c for c in uow.reference.categories()}
    criteria = {c.code for c in uow.criteria.all(include_retired=True)}
    for s_index, section in enumerate(draft.sections, start=1):
        for i_index, item in enumerate(section.items, start=1):
            where: dict[str, Any] = {"section": s_index, "item": i_index}
            category = categories.get(item.category_code)
            if category is None:
                raise ValidationError("category_unknown", field="item_category", value=item.category_code, **where)
            if item.subcategory_code and category.subcategory(item.subcategory_code) is None:
                raise ValidationError(
                    "subcategory_unknown", field="item_subcategory", value=item.subcategory_code, **where
                )
            if item.criterion_code and item.criterion_code not in criteria:
                raise ValidationError("criterion_unknown", field="criterion", value=item.criterion_code, **where)


def check_template_codes(uow: UnitOfWork, draft: TemplateDraft) -> None:
    """:func:`_check_codes` for callers that already hold ``uow`` open (the exchange import)."""
    _check_codes(uow, draft)


@use_case("templates.list", *EVERYONE)
def list_templates(uow: UnitOfWork, *, include_retired: bool = False) -> list[Template]:
    """The newest version of every template (active ones only unless ``include_retired``)."""
    with uow:
        return uow.inspections.templates(include_retired=include_retired)


@use_case("templates.history", *EVERYONE)
def template_history(uow: UnitOfWork, template_id: uuid.UUID) -> list[Template]:
    """Every version of a template, oldest first."""
    with uow:
        return uow.inspections.template_versions(template_id)


@use_case("templates.get", *EVERYONE)
def get_template(uow: UnitOfWork, version_id: uuid.UUID) -> Template:
    """One template version.

    Raises:
        NotFound: ``template_unknown``.
    """
    with uow:
        template = uow.inspections.get_template(version_id)
    if template is None:
        raise NotFound("template_unknown", value=str(version_id))
    return template


@use_case("templates.usage", *EVERYONE)
def template_usage(uow: UnitOfWork, version_id: uuid.UUID) -> int:
    """How many inspections ran this version."""
    with uow:
        return uow.inspections.template_usage(version_id)


@use_case("templates.create", Role.SAFETY_ADMIN)
def create_template(uow: UnitOfWork, draft: TemplateDraft) -> Template:
    """Store a new template (version 1, unpublished until first used or exported).

    Raises:
        ValidationError: the content breaks a rule or names an unknown category / criterion.
    """
    clean = validate_draft(draft)
    now = utcnow()
    with uow:
        _check_codes(uow, clean)
        template = build_template(
            clean,
            version_id=new_id(),
            template_id=new_id(),
            version=1,
            supersedes_id=None,
            origin=TemplateOrigin.LOCAL,
            published_at=None,
            now=now,
        )
        uow.inspections.add_template(template)
        uow.commit()
    return template


@dataclass(frozen=True, slots=True)
class TemplateEdit:
    """Result of an edit: the version now current and how it was stored (None: nothing changed)."""

    template: Template
    mode: EditMode | None


@use_case("templates.edit", Role.SAFETY_ADMIN)
def edit_template(uow: UnitOfWork, version_id: uuid.UUID, draft: TemplateDraft) -> TemplateEdit:
    """Change a template: in place while its newest version is unpublished, else as a new version.

    Inspections keep the version they were run with, so a finished record never changes.

    Raises:
        NotFound: ``template_unknown``.
        InvalidTransition: ``template_not_latest``, ``template_retired``.
        ValidationError: as for :func:`create_template`.
    """
    clean = validate_draft(draft)
    now = utcnow()
    with uow:
        current = uow.inspections.get_template(version_id)
        if current is None:
            raise NotFound("template_unknown", value=str(version_id))
        versions = uow.inspections.template_versions(current.template_id)
        check_editable(current, max(v.version for v in versions))
        _check_codes(uow, clean)
        if content_digest(clean) == uow.inspections.template_digest(current.id):
            return TemplateEdit(current, None)
        if current.published:
            template = build_template(
                clean,
                version_id=new_id(),
                template_id=current.template_id,
                version=current.version + 1,
                supersedes_id=current.id,
                origin=TemplateOrigin.LOCAL,
                published_at=None,
                now=now,
            )
            uow.inspections.add_template(template)
            mode = EditMode.NEW_VERSION
        else:
            rebuilt = build_template(
                clean,
                version_id=current.id,
                template_id=current.template_id,
                version=current.version,
                supersedes_id=current.supersedes_id,
                origin=current.origin,
                published_at=None,
                now=now,
            )
            template = dataclasses.replace(rebuilt, created_at=current.created_at)
            uow.inspections.replace_template(template)
            mode = EditMode.IN_PLACE
        uow.commit()
        stored = uow.inspections.get_template(template.id)
    assert stored is not None
    return TemplateEdit(stored, mode)


@use_case("templates.set_retired", Role.SAFETY_ADMIN)
def set_template_retired(uow: UnitOfWork, template_id: uuid.UUID, retired: bool) -> None:
    """Withdraw a template from new inspections (or bring it back); finished runs are not affected."""
    with uow:
        if not uow.inspections.template_versions(template_id):
            raise NotFound("template_unknown", value=str(template_id))
        uow.inspections.retire_template(template_id, utcnow() if retired else None)
        uow.commit()


# ------------------------------------------------------------------------------------ inspections


@dataclass(frozen=True, slots=True)
class InspectionRun:
    """Everything the runner needs: the inspection, the template version it runs, the answers so far."""

    inspection: Inspection
    template: Template
    answers: dict[uuid.UUID, Answer]
    department_name: str

    @property
    def progress(self) -> Progress:
        """Counts of results."""
        return progress(self.template, self.answers)

    @property
    def resume_index(self) -> int:
        """Where to continue (first unanswered item, else first undocumented failure, else last)."""
        return first_open_index(self.template, self.answers)

    @property
    def problems(self) -> list[Problem]:
        """What still blocks finalizing."""
        return finalize_problems(self.template, self.answers)


def _inspection(uow: UnitOfWork, inspection_id: uuid.UUID) -> Inspection:
    inspection = uow.inspections.get(inspection_id)
    if inspection is None:
        raise NotFound("inspection_unknown", value=str(inspection_id))
    return inspection


def _template_of(uow: UnitOfWork, inspection: Inspection) -> Template:
    template = uow.inspections.get_template(inspection.template_version_id)
    if template is None:  # pragma: no cover - the foreign key prevents it
        raise NotFound("template_unknown", value=str(inspection.template_version_id))
    return template


def _item(template: Template, item_id: uuid.UUID) -> TemplateItem:
    item = template.item(item_id)
    if item is None:
        raise NotFound("item_unknown", value=str(item_id))
    return item


@use_case("inspections.start", Role.INSPECTOR)
def start_inspection(uow: UnitOfWork, data: StartInput, today: date | None = None) -> Inspection:
    """Start a draft inspection of ``data.area`` with a template version (which becomes published).

    Args:
        today: the local date (default: today's UTC date), to refuse future inspection days.

    Raises:
        ValidationError, NotFound: ``template_unknown``, ``department_unknown``, ``person_unknown``, …
        InvalidTransition: ``template_retired``.
    """
    now = utcnow()
    clean = validate_start(data, today or now.date())
    with uow:
        template = uow.inspections.get_template(clean.template_version_id)
        if template is None:
            raise NotFound("template_unknown", field="template", value=str(clean.template_version_id))
        if not template.active:
            raise InvalidTransition("template_retired", field="template", name=template.name)
        assert clean.department_id is not None
        if uow.reference.get_department(clean.department_id) is None:
            raise NotFound("department_unknown", field="department")
        inspectors = []
        for person_id in clean.inspector_ids:
            person = uow.reference.get_person(person_id)
            if person is None:
                raise NotFound("person_unknown", field="inspectors")
            inspectors.append(Inspector(person.id, person.name))
        year = clean.inspected_on.year
        inspection = Inspection(
            id=new_id(),
            number=format_inspection_number(year, uow.inspections.next_number(year)),
            template_version_id=template.id,
            area=clean.area,
            department_id=clean.department_id,
            inspectors=tuple(inspectors),
            inspected_on=clean.inspected_on,
            state=InspectionState.DRAFT,
            note=clean.note,
            finalized_at=None,
            created_at=now,
            updated_at=now,
        )
        if not template.published:
            uow.inspections.publish_template(template.id, now)
        uow.inspections.add(inspection)
        uow.commit()
    return inspection


@use_case("inspections.load_run", *EVERYONE)
def load_run(uow: UnitOfWork, inspection_id: uuid.UUID) -> InspectionRun:
    """The inspection with its template version and answers (to run, reopen or print it).

    Raises:
        NotFound: ``inspection_unknown``.
    """
    with uow:
        inspection = _inspection(uow, inspection_id)
        template = _template_of(uow, inspection)
        answers = {a.item_id: a for a in uow.inspections.answers(inspection_id)}
        department = uow.reference.get_department(inspection.department_id)
    return InspectionRun(inspection, template, answers, department.name if department else "")


@use_case("inspections.list", *EVERYONE)
def list_inspections(uow: UnitOfWork, states: frozenset[InspectionState] = frozenset()) -> list[InspectionSummary]:
    """Drafts and finished runs, newest first."""
    with uow:
        return uow.inspections.summaries(states)


def _save(
    uow: UnitOfWork,
    inspection_id: uuid.UUID,
    item_id: uuid.UUID,
    change: dict[str, Any],
    at: datetime | None = None,
) -> Answer:
    """Apply ``change`` to an item's answer (created if new) and commit it at once."""
    now = at or utcnow()
    with uow:
        inspection = _inspection(uow, inspection_id)
        check_draft(inspection)
        item = _item(_template_of(uow, inspection), item_id)
        answer = uow.inspections.get_answer(inspection_id, item_id)
        result = change.get("result", answer.result if answer else None)
        if "result" in change:
            check_answer_change(answer, result)
        proposes, criterion = proposal_for(item, result)
        if answer is None:
            answer = Answer(
                id=new_id(),
                inspection_id=inspection_id,
                item_id=item_id,
                result=None,
                note="",
                photo_count=0,
                hazard_id=None,
                proposes_major=False,
                criterion_code=None,
                answered_at=None,
                created_at=now,
                updated_at=now,
            )
        answered_at = answer.answered_at
        if "result" in change and result != answer.result:
            answered_at = now if result is not None else None
        updated = dataclasses.replace(
            answer,
            result=result,
            note=change.get("note", answer.note),
            proposes_major=proposes,
            criterion_code=criterion,
            answered_at=answered_at,
            updated_at=now,
        )
        uow.inspections.save_answer(updated)
        uow.inspections.update(dataclasses.replace(inspection, updated_at=now))
        uow.commit()
        stored = uow.inspections.get_answer(inspection_id, item_id)
    assert stored is not None
    return stored


@use_case("inspections.record_answer", Role.INSPECTOR)
def record_answer(
    uow: UnitOfWork,
    inspection_id: uuid.UUID,
    item_id: uuid.UUID,
    result: AnswerResult | None,
    note: str | None = None,
    *,
    at: datetime | None = None,
) -> Answer:
    """Store an item's result (None clears it) and, if given, its note — committed at once.

    A failed item that checks a major-hazard criterion proposes 重大 (``proposes_major``). ``at``
    overrides the time stamp (demo data); the hazard a failure raises is found at that time.

    Raises:
        InvalidTransition: ``inspection_finalized``; ``answer_hazard_raised`` (its hazard exists).
        ValidationError: ``note_too_long``.
        NotFound: ``inspection_unknown``, ``item_unknown``.
    """
    change: dict[str, Any] = {"result": result}
    if note is not None:
        change["note"] = clean_note(note)
    return _save(uow, inspection_id, item_id, change, at)


@use_case("inspections.set_note", Role.INSPECTOR)
def set_note(uow: UnitOfWork, inspection_id: uuid.UUID, item_id: uuid.UUID, note: str) -> Answer:
    """Store an item's note (the result stays) — committed at once."""
    return _save(uow, inspection_id, item_id, {"note": clean_note(note)})


@use_case("inspections.add_answer_photos", Role.INSPECTOR)
def add_answer_photos(
    uow: UnitOfWork,
    inspection_id: uuid.UUID,
    item_id: uuid.UUID,
    files: Sequence[PhotoFile],
    processor: ImageProcessor,
) -> Answer:
    """Attach photos to an item's answer (created if new): all of them or none — committed at once.

    Raises:
        ValidationError: ``photo_too_large``, ``photo_not_image``, ``photos_too_many``.
        InvalidTransition: ``inspection_finalized``.
    """
    processed = process_photo_files(files, processor)
    answer = _save(uow, inspection_id, item_id, {})
    now = utcnow()
    with uow:
        check_draft(_inspection(uow, inspection_id))
        existing = uow.inspections.answer_photos(answer.id)
        if len(existing) + len(processed) > MAX_ANSWER_PHOTOS:
            raise ValidationError("photos_too_many", field="photos", max=MAX_ANSWER_PHOTOS)
        position = max((p.position for p in existing), default=0)
        for file, image in processed:
            position += 1
            uow.inspections.add_answer_photo(
                AnswerPhoto(id=new_id(), answer_id=answer.id, **photo_fields(file, image, position, now)),
                image,
            )
        uow.inspections.save_answer(dataclasses.replace(answer, updated_at=now))
        uow.commit()
        stored = uow.inspections.get_answer(inspection_id, item_id)
    assert stored is not None
    return stored


@use_case("inspections.answer_photos", *EVERYONE)
def answer_photos(uow: UnitOfWork, answer_id: uuid.UUID) -> list[AnswerPhoto]:
    """The photos of an answer, in order."""
    with uow:
        return uow.inspections.answer_photos(answer_id)


@use_case("inspections.remove_answer_photo", Role.INSPECTOR)
def remove_answer_photo(uow: UnitOfWork, inspection_id: uuid.UUID, item_id: uuid.UUID, photo_id: uuid.UUID) -> Answer:
    """Remove one photo from a draft's answer — committed at once."""
    now = utcnow()
    with uow:
        check_draft(_inspection(uow, inspection_id))
        answer = uow.inspections.get_answer(inspection_id, item_id)
        if answer is None or all(p.id != photo_id for p in uow.inspections.answer_photos(answer.id)):
            raise NotFound("photo_unknown", value=str(photo_id))
        if answer.hazard_id is not None:
            raise InvalidTransition("answer_hazard_raised", field="photos")
        uow.inspections.remove_answer_photo(photo_id)
        uow.inspections.save_answer(dataclasses.replace(answer, updated_at=now))
        uow.commit()
        stored = uow.inspections.get_answer(inspection_id, item_id)
    assert stored is not None
    return stored


@use_case("inspections.answer_photo_bytes", *EVERYONE)
def answer_photo_bytes(uow: UnitOfWork, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None:
    """The stored JPEG of one answer photo rendition."""
    with uow:
        return uow.inspections.answer_photo_bytes(photo_id, kind)


@use_case("inspections.set_inspection_note", Role.INSPECTOR)
def set_inspection_note(uow: UnitOfWork, inspection_id: uuid.UUID, note: str) -> Inspection:
    """Store the overall remarks of a draft — committed at once."""
    text = refuse_control_characters(note, "inspection_note").strip()
    if len(text) > INSPECTION_NOTE_MAX:
        raise ValidationError("inspection_note_too_long", field="inspection_note", max=INSPECTION_NOTE_MAX)
    with uow:
        inspection = _inspection(uow, inspection_id)
        check_draft(inspection)
        updated = dataclasses.replace(inspection, note=text, updated_at=utcnow())
        uow.inspections.update(updated)
        uow.commit()
    return updated


@use_case("inspections.delete_draft", Role.INSPECTOR)
def delete_draft(uow: UnitOfWork, inspection_id: uuid.UUID) -> None:
    """Throw away a draft that raised no hazard (a run started by mistake).

    Raises:
        InvalidTransition: ``inspection_finalized``.
        Conflict: ``inspection_has_hazards``.
    """
    with uow:
        inspection = _inspection(uow, inspection_id)
        check_draft(inspection)
        if any(a.hazard_id is not None for a in uow.inspections.answers(inspection_id)):
            raise Conflict("inspection_has_hazards", number=inspection.number)
        uow.inspections.delete(inspection_id)
        uow.commit()


# ---------------------------------------------------------------------------- failures → hazards


def _raise_hazard(
    uow: UnitOfWork, inspection: Inspection, template: Template, answer: Answer, images: ImageProcessor
) -> Hazard:
    """Create the hazard of a failed answer inside the caller's transaction and link it both ways."""
    item = _item(template, answer.item_id)
    data = HazardInput(
        description=hazard_description(item, answer.note),
        location=inspection.area,
        department_id=inspection.department_id,
        category_code=item.category_code,
        subcategory_code=item.subcategory_code,
        found_by_id=inspection.leader.person_id,
        found_at=answer.answered_at or utcnow(),
    )
    nested = joined(uow)
    hazard = create_hazard(nested, data)
    photos = uow.inspections.answer_photos(answer.id)
    files = []
    for photo in photos:
        jpeg = uow.inspections.answer_photo_bytes(photo.id, PhotoKind.DISPLAY)
        if jpeg is not None:
            files.append(PhotoFile(photo.original_name, jpeg))
    if files:
        hazard = attach_photos(nested, hazard.id, files, images)
    uow.inspections.save_answer(dataclasses.replace(answer, hazard_id=hazard.id, updated_at=utcnow()))
    return hazard


@use_case("inspections.raise_hazard", Role.INSPECTOR)
def raise_hazard(uow: UnitOfWork, inspection_id: uuid.UUID, item_id: uuid.UUID, images: ImageProcessor) -> Hazard:
    """Raise the hazard of one failed item now (before finalizing; e.g. an urgent finding).

    Raises:
        ValidationError: ``answer_not_failed``, ``failure_undocumented``.
        Conflict: ``answer_hazard_raised``.
        InvalidTransition: ``inspection_finalized``.
    """
    with uow:
        inspection = _inspection(uow, inspection_id)
        check_draft(inspection)
        template = _template_of(uow, inspection)
        answer = uow.inspections.get_answer(inspection_id, item_id)
        if answer is None or answer.result is not AnswerResult.FAIL:
            raise ValidationError("answer_not_failed", field="result")
        if answer.hazard_id is not None:
            raise Conflict("answer_hazard_raised", field="result")
        if not answer.documented:
            raise ValidationError("failure_undocumented", field="answers", count=1, first=_index(template, item_id))
        hazard = _raise_hazard(uow, inspection, template, answer, images)
        uow.commit()
    return hazard


def _index(template: Template, item_id: uuid.UUID) -> int:
    return next(n for n, i in enumerate(template.items, start=1) if i.id == item_id)


@dataclass(frozen=True, slots=True)
class FinalizeResult:
    """The locked inspection and the hazards its failures raised now (earlier ones are not repeated)."""

    inspection: Inspection
    hazards: tuple[Hazard, ...]


@use_case("inspections.finalize", Role.INSPECTOR)
def finalize_inspection(
    uow: UnitOfWork, inspection_id: uuid.UUID, images: ImageProcessor, *, at: datetime | None = None
) -> FinalizeResult:
    """Lock an inspection and raise a hazard for every failed item that has none yet — all in one
    transaction.

    Raises:
        InvalidTransition: ``inspection_finalized``.
        ValidationError: ``inspection_incomplete``, ``failure_undocumented``; or a hazard input rule.
    """
    now = at or utcnow()
    with uow:
        inspection = _inspection(uow, inspection_id)
        template = _template_of(uow, inspection)
        answers = {a.item_id: a for a in uow.inspections.answers(inspection_id)}
        check_finalizable(inspection, template, answers)
        hazards = []
        for item in template.items:
            answer = answers[item.id]
            if answer.result is AnswerResult.FAIL and answer.hazard_id is None:
                hazards.append(_raise_hazard(uow, inspection, template, answer, images))
        locked = dataclasses.replace(inspection, state=InspectionState.FINALIZED, finalized_at=now, updated_at=now)
        uow.inspections.update(locked)
        uow.commit()
    return FinalizeResult(locked, tuple(hazards))


@dataclass(frozen=True, slots=True)
class HazardOrigin:
    """The inspection (and item) that raised a hazard."""

    inspection_id: uuid.UUID
    inspection_number: str
    inspected_on: date
    area: str
    template_name: str
    template_version: int
    item_text: str
    proposes_major: bool
    criterion_code: str | None
    state: InspectionState


@use_case("inspections.of_hazard", *EVERYONE)
def inspection_of_hazard(uow: UnitOfWork, hazard_id: uuid.UUID) -> HazardOrigin | None:
    """Which inspection raised ``hazard_id`` (None: registered by hand)."""
    with uow:
        link = uow.inspections.inspection_of_hazard(hazard_id)
        if link is None:
            return None
        inspection_id, item_id = link
        inspection = _inspection(uow, inspection_id)
        template = _template_of(uow, inspection)
        answer = uow.inspections.get_answer(inspection_id, item_id)
    item = _item(template, item_id)
    return HazardOrigin(
        inspection_id=inspection.id,
        inspection_number=inspection.number,
        inspected_on=inspection.inspected_on,
        area=inspection.area,
        template_name=template.name,
        template_version=template.version,
        item_text=item.text,
        proposes_major=bool(answer and answer.proposes_major),
        criterion_code=answer.criterion_code if answer else None,
        state=inspection.state,
    )


@use_case("inspections.hazards", *EVERYONE)
def hazards_of_inspection(uow: UnitOfWork, inspection_id: uuid.UUID) -> list[Hazard]:
    """The hazards an inspection raised, in checklist order."""
    with uow:
        inspection = _inspection(uow, inspection_id)
        template = _template_of(uow, inspection)
        answers = {a.item_id: a for a in uow.inspections.answers(inspection_id)}
        result = []
        for item in template.items:
            answer = answers.get(item.id)
            if answer is not None and answer.hazard_id is not None:
                hazard = uow.hazards.get(answer.hazard_id)
                if hazard is not None:
                    result.append(hazard)
    return result

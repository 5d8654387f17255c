"""Use cases of the hazard register: create, edit, attach and remove photos."""

from __future__ import annotations

import dataclasses
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.hazards import (
    MAX_FUTURE,
    MAX_PHOTOS,
    Hazard,
    HazardGrade,
    HazardInput,
    HazardStatus,
    PhotoInfo,
    check_typed_number,
    format_number,
    validate_input,
)
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.rectification import Action, PersonRef, Transition
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.lookup import require
from hazard_desktop.services.ports import ImageProcessor, PhotoKind, ProcessedImage, UnitOfWork

UowFactory = Callable[[], UnitOfWork]
MAX_PHOTO_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PhotoFile:
    """An image file picked by the user."""

    name: str
    data: bytes


def _check_references(uow: UnitOfWork, data: HazardInput) -> None:
    assert data.department_id is not None and data.found_by_id is not None
    department = uow.reference.get_department(data.department_id)
    if department is None:
        raise NotFound("department_unknown", field="department")
    if uow.reference.get_person(data.found_by_id) is None:
        raise NotFound("person_unknown", field="found_by")
    category = next((c for c in uow.reference.categories() if c.code == data.category_code), None)
    if category is None:
        raise ValidationError("category_unknown", field="category", value=data.category_code)
    if data.subcategory_code and category.subcategory(data.subcategory_code) is None:
        raise ValidationError("subcategory_unknown", field="subcategory", value=data.subcategory_code)


def _claim_number(uow: UnitOfWork, typed: str, year: int, now: datetime) -> str:
    """The register number of a new hazard: the next of ``year``, or the one the user typed.

    A typed number may take the next free number or a free one below it (a paper ledger transcribed),
    never one further ahead: a typo such as YH-2026-9999 would otherwise move every later automatic
    number of that year past it, for good. Numbers already used are never handed out again.
    """
    if not typed.strip():
        return format_number(year, uow.hazards.next_sequence(year))
    # ＹＨ－２０２６－０００１ is YH-2026-0001; the year may not lie ahead (a day's grace for time zones)
    number, number_year, sequence = check_typed_number(typed, (now + MAX_FUTURE).year)
    if uow.hazards.get_by_number(number) is not None:
        raise Conflict("number_duplicate", field="number", value=number)
    following = uow.hazards.last_sequence(number_year) + 1
    if sequence > following:
        raise Conflict("number_skips_ahead", field="number", value=number, next=format_number(number_year, following))
    uow.hazards.note_number(number_year, sequence)
    return number


@use_case("hazards.create", Role.INSPECTOR, Role.SAFETY_ADMIN)
def create_hazard(
    uow: UnitOfWork,
    data: HazardInput,
    number: str = "",
    photos: Sequence[PhotoFile] = (),
    images: ImageProcessor | None = None,
) -> Hazard:
    """Register a new hazard (status 待定级, ungraded), with its photos in the same transaction.

    Args:
        uow: unit of work (committed here).
        data: the user's input.
        number: a register number to use (e.g. from a paper ledger); empty → next free number.
        photos: image files to attach (checked before anything is written).
        images: the photo processor; required when ``photos`` is not empty.

    Raises:
        ValidationError, NotFound, Conflict: nothing is written.
    """
    now = utcnow()
    clean = validate_input(data, now)
    processed = process_photo_files(photos, images)
    if len(processed) > MAX_PHOTOS:
        raise ValidationError("photos_too_many", field="photos", max=MAX_PHOTOS)
    with uow:
        _check_references(uow, clean)
        assert clean.department_id is not None and clean.found_by_id is not None
        hazard = Hazard(
            id=new_id(),
            number=_claim_number(uow, number, clean.found_at.year, now),
            description=clean.description,
            location=clean.location,
            equipment_tag=clean.equipment_tag,
            department_id=clean.department_id,
            category_code=clean.category_code,
            subcategory_code=clean.subcategory_code,
            found_by_id=clean.found_by_id,
            found_at=clean.found_at,
            status=HazardStatus.OPEN,
            grade=HazardGrade.UNGRADED,
            revision=1,
            created_at=now,
            updated_at=now,
        )
        uow.hazards.add(hazard)
        if processed:
            _add_photos(uow, hazard, processed, now)
            uow.commit()
            stored = uow.hazards.get(hazard.id)
            assert stored is not None
            return stored
        uow.commit()
    return hazard


@use_case("hazards.update", Role.INSPECTOR, Role.SAFETY_ADMIN)
def update_hazard(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    data: HazardInput,
    status: HazardStatus | None = None,
    actor_id: uuid.UUID | None = None,
) -> Hazard:
    """Change a hazard's details (the number, grade and status never change here).

    Args:
        status: only for callers that still pass the status they show: the hazard's own status is
            accepted, any other is refused (statuses move through grading and ``services.rectification``).

    Raises:
        Conflict: ``stale_revision`` if it was changed since ``expected_revision`` was read.
        InvalidTransition: ``status_not_editable``.
    """
    return save_hazard(uow, hazard_id, expected_revision, data, status=status, actor_id=actor_id)


@use_case("hazards.save", Role.INSPECTOR, Role.SAFETY_ADMIN)
def save_hazard(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    data: HazardInput,
    *,
    remove_photo_ids: Sequence[uuid.UUID] = (),
    add_photos: Sequence[PhotoFile] = (),
    images: ImageProcessor | None = None,
    status: HazardStatus | None = None,
    actor_id: uuid.UUID | None = None,
    keep_ledger_finder: bool = True,
) -> Hazard:
    """Save the edited hazard (the editor's "Save"): details, removed and added photos in one transaction.

    An imported hazard keeps the old ledger's 发现人 (``found_by_text``) while its finder stays the person stored
    with it; ``keep_ledger_finder=False`` says the editor named that person as the finder (chosen or typed), so
    the ledger's text gives way to the person even when he is who imported the hazard.

    Every input and photo is checked before anything is written; a refusal writes nothing. The
    revision grows by one for the whole save. The status is not the editor's to change.

    A closed hazard (已销号) is read-only: its 通知书 and 验收单 are printed and must keep matching it. Once a
    hazard has left 待定级 (graded, in the loop) an edit is part of its history: ``actor_id`` (who edits) is
    required and the save writes a ``edit`` step into its timeline (``hazard_transitions``) with the fields
    changed — the loop's own table, so the timeline, the forms' history and the backups carry it unchanged.

    Raises:
        InvalidTransition: ``hazard_closed_read_only`` (param ``number``).
        ValidationError: ``editor_empty`` (a hazard beyond 待定级 saved without ``actor_id``).
        NotFound: ``person_unknown`` (``actor_id``).
        ValidationError: input rules, ``photo_too_large``, ``photo_not_image``, ``photos_too_many``.
        NotFound: ``hazard_unknown``, ``photo_unknown``, unknown department or person.
        Conflict: ``stale_revision``.
        InvalidTransition: ``status_not_editable``.
    """
    now = utcnow()
    clean = validate_input(data, now)
    processed = process_photo_files(add_photos, images)
    with uow:
        current = require(uow.hazards.get(hazard_id), "hazard_unknown", value=str(hazard_id))
        if current.revision != expected_revision:
            raise Conflict("stale_revision", number=current.number)
        check_editable(current)
        if status is not None and status is not current.status:
            raise InvalidTransition("status_not_editable", field="status", current=current.status.value)
        actor = _editor_ref(uow, current, actor_id)
        _check_references(uow, clean)
        stored = {p.id for p in current.photos}
        removed = set(remove_photo_ids)
        unknown = removed - stored
        if unknown:
            raise NotFound("photo_unknown", value=str(sorted(unknown, key=str)[0]))
        if len(stored - removed) + len(processed) > MAX_PHOTOS:
            raise ValidationError("photos_too_many", field="photos", max=MAX_PHOTOS)
        assert clean.department_id is not None and clean.found_by_id is not None
        updated = dataclasses.replace(
            current,
            description=clean.description,
            location=clean.location,
            equipment_tag=clean.equipment_tag,
            department_id=clean.department_id,
            category_code=clean.category_code,
            subcategory_code=clean.subcategory_code,
            found_by_id=clean.found_by_id,
            found_at=clean.found_at,
            revision=current.revision + 1,
            updated_at=now,
            # an imported hazard keeps the old ledger's 发现人 until the editor names another finder, and "a date
            # only" while the time of day is the stored placeholder (the editor then shows and moves the day only)
            found_by_text=current.found_by_text
            if keep_ledger_finder and clean.found_by_id == current.found_by_id
            else None,
            found_date_only=current.found_date_only
            and clean.found_at.astimezone().time() == current.found_at.astimezone().time(),
        )
        uow.hazards.update(updated)
        for photo_id in remove_photo_ids:
            uow.hazards.remove_photo(photo_id)
        if processed:
            kept = dataclasses.replace(current, photos=tuple(p for p in current.photos if p.id not in removed))
            _add_photos(uow, kept, processed, now)
        if actor is not None:
            _record_edit(uow, current, updated, actor, now, added=len(processed), removed=len(removed))
        uow.commit()
        result = uow.hazards.get(hazard_id)
    assert result is not None
    return result


# The editor's fields, as the timeline names them (the photos are counted apart).
EDITED_FIELDS = (
    "description",
    "location",
    "equipment_tag",
    "department_id",
    "category_code",
    "subcategory_code",
    "found_by_id",
    "found_at",
)


def check_editable(hazard: Hazard) -> None:
    """A closed hazard (已销号) is not edited: what was accepted and printed stays as it was.

    Raises:
        InvalidTransition: ``hazard_closed_read_only`` (param ``number``).
    """
    if hazard.status is HazardStatus.CLOSED:
        raise InvalidTransition("hazard_closed_read_only", number=hazard.number, status=hazard.status.value)


def _editor_ref(uow: UnitOfWork, hazard: Hazard, actor_id: uuid.UUID | None) -> PersonRef | None:
    """Who edits, as the timeline records them; None while 待定级 (no timeline to write yet)."""
    if hazard.status is HazardStatus.OPEN and actor_id is None:
        return None
    if actor_id is None:
        raise ValidationError("editor_empty", field="actor")
    person = require(uow.reference.get_person(actor_id), "person_unknown", field="actor", value=str(actor_id))
    department = uow.reference.get_department(person.department_id)
    return PersonRef(
        person.id,
        person.name,
        person.department_id,
        department.name if department else "",
        department.kind.value if department else DepartmentKind.OTHER.value,
    )


def _record_edit(
    uow: UnitOfWork, before: Hazard, after: Hazard, actor: PersonRef, at: datetime, *, added: int, removed: int
) -> None:
    changed = [name for name in EDITED_FIELDS if getattr(before, name) != getattr(after, name)]
    if before.found_by_text != after.found_by_text and "found_by_id" not in changed:
        changed.append("found_by_id")  # the old ledger's 发现人 gave way to the person named
    if not changed and not added and not removed:
        return
    uow.rectification.add_transition(
        Transition(
            id=new_id(),
            hazard_id=before.id,
            action=Action.EDIT,
            from_status=before.status,
            to_status=before.status,
            actor=actor,
            at=at,
            reason="",
            details={"changed": changed, "photos_added": added, "photos_removed": removed},
        )
    )


@use_case("hazards.get", *EVERYONE)
def get_hazard(uow: UnitOfWork, hazard_id: uuid.UUID) -> Hazard:
    """Load one hazard with its photo list.

    Raises:
        NotFound: no such hazard.
    """
    with uow:
        hazard = uow.hazards.get(hazard_id)
    return require(hazard, "hazard_unknown", value=str(hazard_id))


@use_case("hazards.attach_photos", Role.INSPECTOR, Role.SAFETY_ADMIN)
def attach_photos(
    uow: UnitOfWork, hazard_id: uuid.UUID, files: Sequence[PhotoFile], processor: ImageProcessor
) -> Hazard:
    """Attach image files to a hazard: all of them, or none if any is refused.

    Raises:
        ValidationError: ``photo_too_large``, ``photo_not_image``, ``photos_too_many``.
    """
    processed = process_photo_files(files, processor)
    now = utcnow()
    with uow:
        hazard = require(uow.hazards.get(hazard_id), "hazard_unknown", value=str(hazard_id))
        check_editable(hazard)
        if len(hazard.photos) + len(processed) > MAX_PHOTOS:
            raise ValidationError("photos_too_many", field="photos", max=MAX_PHOTOS)
        _add_photos(uow, hazard, processed, now)
        _touch(uow, hazard, now)
        uow.commit()
        result = uow.hazards.get(hazard_id)
    assert result is not None
    return result


def process_photo_files(
    files: Sequence[PhotoFile], processor: ImageProcessor | None
) -> list[tuple[PhotoFile, ProcessedImage]]:
    """Check and convert every file before anything is written (size first: cheap).

    The photo rules of hazards and of inspection answers alike.
    """
    processed = []
    for file in files:
        if len(file.data) > MAX_PHOTO_BYTES:
            raise ValidationError("photo_too_large", field="photos", name=file.name, max_mb=MAX_PHOTO_BYTES >> 20)
    for file in files:
        assert processor is not None, "photos need an image processor"
        try:
            processed.append((file, processor.process(file.data)))
        except ValidationError as exc:
            raise ValidationError(exc.code, field="photos", name=file.name, **exc.params) from exc
    return processed


def _add_photos(
    uow: UnitOfWork, hazard: Hazard, processed: Sequence[tuple[PhotoFile, ProcessedImage]], now: datetime
) -> None:
    position = max((p.position for p in hazard.photos), default=0)
    for file, image in processed:
        position += 1
        uow.hazards.add_photo(
            PhotoInfo(id=new_id(), hazard_id=hazard.id, **photo_fields(file, image, position, now)),
            image,
        )


def photo_fields(file: PhotoFile, image: ProcessedImage, position: int, now: datetime) -> dict[str, Any]:
    """The metadata every stored photo carries (hazard photo or answer photo) but its ids."""
    return {
        "position": position,
        "original_name": "".join(c for c in file.name if unicodedata.category(c) != "Cc")[-255:],  # NUL, ESC: gone
        "original_sha256": image.sha256,
        "original_size": image.size,
        "width": image.width,
        "height": image.height,
        "created_at": now,
        "updated_at": now,
    }


@use_case("hazards.remove_photo", Role.INSPECTOR, Role.SAFETY_ADMIN)
def remove_photo(uow: UnitOfWork, hazard_id: uuid.UUID, photo_id: uuid.UUID) -> Hazard:
    """Detach one photo from a hazard."""
    now = utcnow()
    with uow:
        hazard = uow.hazards.get(hazard_id)
        if hazard is None or all(p.id != photo_id for p in hazard.photos):
            raise NotFound("photo_unknown", value=str(photo_id))
        check_editable(hazard)
        uow.hazards.remove_photo(photo_id)
        _touch(uow, hazard, now)
        uow.commit()
        result = uow.hazards.get(hazard_id)
    assert result is not None
    return result


@use_case("hazards.photo_bytes", *EVERYONE)
def photo_bytes(uow: UnitOfWork, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None:
    """The stored JPEG of one photo rendition."""
    with uow:
        return uow.hazards.photo_bytes(photo_id, kind)


def _touch(uow: UnitOfWork, hazard: Hazard, now: datetime) -> None:
    uow.hazards.update(dataclasses.replace(hazard, revision=hazard.revision + 1, updated_at=now))

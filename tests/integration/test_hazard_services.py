"""Creating and editing hazards: numbering, validation, photos; bad input writes nothing."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime

import pytest
from PIL import Image

from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.records import new_id
from hazard_desktop.services import hazards as svc
from hazard_desktop.services.ports import PhotoKind, RegisterFilter
from tests.factories import hazard_input


def jpeg(width=1200, height=900, colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def count(context) -> int:
    return context.register.count(RegisterFilter())


def test_new_hazards_get_consecutive_numbers_of_their_year(context, inspector):
    first = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    second = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    other_year = svc.create_hazard(
        context.uow(), hazard_input(context, inspector, found_at=datetime(2025, 12, 31, 10, tzinfo=UTC))
    )
    assert (first.number, second.number, other_year.number) == ("YH-2026-0001", "YH-2026-0002", "YH-2025-0001")
    assert first.status is HazardStatus.OPEN and first.grade is HazardGrade.UNGRADED
    assert first.revision == 1 and first.created_at == first.updated_at


def test_typed_number_is_kept_and_never_handed_out_again(context, inspector):
    typed = svc.create_hazard(context.uow(), hazard_input(context, inspector), number="yh-2026-0001")
    following = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    assert typed.number == "YH-2026-0001"
    assert following.number == "YH-2026-0002"


@pytest.mark.parametrize(
    ("changes", "number", "error", "code"),
    [
        ({"description": "   "}, "", ValidationError, "description_empty"),
        ({"location": ""}, "", ValidationError, "location_empty"),
        ({"description": "长" * 2001}, "", ValidationError, "description_too_long"),
        ({"category_code": "4.99"}, "", ValidationError, "category_unknown"),
        ({"subcategory_code": "4.5.99"}, "", ValidationError, "subcategory_unknown"),
        ({"department_id": None}, "", ValidationError, "department_empty"),
        ({"department_id": new_id()}, "", NotFound, "department_unknown"),
        ({"found_by_id": new_id()}, "", NotFound, "person_unknown"),
        ({"found_at": datetime(2099, 1, 1, tzinfo=UTC)}, "", ValidationError, "found_at_future"),
        ({}, "HZ-1", ValidationError, "number_invalid"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(context, inspector, changes, number, error, code):
    with pytest.raises(error) as info:
        svc.create_hazard(context.uow(), hazard_input(context, inspector, **changes), number=number)
    assert info.value.code == code
    assert count(context) == 0
    with context.uow() as uow:
        assert uow.hazards.next_sequence(2026) == 1  # no number was used up


def test_duplicate_number_is_refused_and_writes_nothing(context, inspector):
    svc.create_hazard(context.uow(), hazard_input(context, inspector), number="YH-2026-0001")
    with pytest.raises(Conflict) as info:
        svc.create_hazard(context.uow(), hazard_input(context, inspector), number="YH-2026-0001")
    assert info.value.code == "number_duplicate"
    assert count(context) == 1


def test_edit_changes_fields_and_revision_but_not_number(context, inspector):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    edited = svc.update_hazard(
        context.uow(),
        hazard.id,
        hazard.revision,
        hazard_input(context, inspector, description="修改后的描述"),
    )
    stored = svc.get_hazard(context.uow(), hazard.id)
    assert stored == edited
    assert (stored.description, stored.status, stored.revision, stored.number) == (
        "修改后的描述",
        HazardStatus.OPEN,
        2,
        hazard.number,
    )
    assert stored.updated_at > hazard.updated_at


def test_edit_of_a_stale_copy_is_refused(context, inspector):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    svc.update_hazard(context.uow(), hazard.id, 1, hazard_input(context, inspector, description="甲"))
    with pytest.raises(Conflict) as info:
        svc.update_hazard(context.uow(), hazard.id, 1, hazard_input(context, inspector, description="乙"))
    assert info.value.code == "stale_revision"
    assert svc.get_hazard(context.uow(), hazard.id).description == "甲"


def test_bad_edit_writes_nothing(context, inspector):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    with pytest.raises(ValidationError):
        svc.update_hazard(context.uow(), hazard.id, 1, hazard_input(context, inspector, description=""))
    assert svc.get_hazard(context.uow(), hazard.id) == hazard


def test_ten_photos_are_stored_downscaled_with_thumbnails_and_original_hash(context, inspector):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    files = [svc.PhotoFile(f"现场{n}.jpg", jpeg(3000, 2000, (n * 20, 80, 90))) for n in range(10)]
    stored = svc.attach_photos(context.uow(), hazard.id, files, context.images)
    assert [p.position for p in stored.photos] == list(range(1, 11))
    first = stored.photos[0]
    assert first.original_sha256 == hashlib.sha256(files[0].data).hexdigest()
    assert (first.width, first.height, first.original_name) == (3000, 2000, "现场0.jpg")
    display = Image.open(io.BytesIO(svc.photo_bytes(context.uow(), first.id, PhotoKind.DISPLAY)))
    thumb = Image.open(io.BytesIO(svc.photo_bytes(context.uow(), first.id, PhotoKind.THUMB)))
    assert max(display.size) == 1600 and max(thumb.size) == 240
    assert stored.revision == hazard.revision + 1
    after_removal = svc.remove_photo(context.uow(), hazard.id, first.id)
    assert len(after_removal.photos) == 9


def test_non_image_photo_is_refused_and_nothing_attached(context, inspector):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    files = [svc.PhotoFile("good.jpg", jpeg()), svc.PhotoFile("report.pdf", b"%PDF-1.4 not an image")]
    with pytest.raises(ValidationError) as info:
        svc.attach_photos(context.uow(), hazard.id, files, context.images)
    assert info.value.code == "photo_not_image" and info.value.params["name"] == "report.pdf"
    assert svc.get_hazard(context.uow(), hazard.id).photos == ()


def test_oversized_photo_is_refused(context, inspector, monkeypatch):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    monkeypatch.setattr(svc, "MAX_PHOTO_BYTES", 1000)
    with pytest.raises(ValidationError) as info:
        svc.attach_photos(context.uow(), hazard.id, [svc.PhotoFile("big.jpg", jpeg())], context.images)
    assert info.value.code == "photo_too_large"
    assert svc.get_hazard(context.uow(), hazard.id).photos == ()


def test_more_than_the_photo_limit_is_refused(context, inspector):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    small = jpeg(64, 48)
    svc.attach_photos(context.uow(), hazard.id, [svc.PhotoFile(f"{n}.jpg", small) for n in range(20)], context.images)
    with pytest.raises(ValidationError) as info:
        svc.attach_photos(context.uow(), hazard.id, [svc.PhotoFile("21.jpg", small)], context.images)
    assert info.value.code == "photos_too_many"
    assert len(svc.get_hazard(context.uow(), hazard.id).photos) == 20


def test_a_new_hazard_and_its_photos_are_stored_together(context, inspector):
    files = [svc.PhotoFile("a.jpg", jpeg()), svc.PhotoFile("b.jpg", jpeg(640, 480))]
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector), photos=files, images=context.images)
    assert [p.original_name for p in svc.get_hazard(context.uow(), hazard.id).photos] == ["a.jpg", "b.jpg"]
    assert hazard.revision == 1


def test_a_new_hazard_with_a_bad_photo_is_not_stored_at_all(context, inspector):
    files = [svc.PhotoFile("a.jpg", jpeg()), svc.PhotoFile("notes.txt", "隐患记录".encode())]
    with pytest.raises(ValidationError) as info:
        svc.create_hazard(context.uow(), hazard_input(context, inspector), photos=files, images=context.images)
    assert info.value.code == "photo_not_image"
    assert count(context) == 0
    with context.uow() as uow:
        assert uow.hazards.next_sequence(2026) == 1


# ---------------------------------------------------------------- one save, one transaction; statuses (issue 10 §2)


def test_saving_an_edit_is_one_transaction_and_a_bad_photo_writes_nothing(context, inspector):
    first = svc.create_hazard(
        context.uow(),
        hazard_input(context, inspector),
        photos=[svc.PhotoFile("a.jpg", jpeg(64, 48))],
        images=context.images,
    )
    edited = hazard_input(context, inspector, description="整改方案已定")
    with pytest.raises(ValidationError) as info:  # before: the text was saved, then the photo refused
        svc.save_hazard(
            context.uow(),
            first.id,
            first.revision,
            edited,
            remove_photo_ids=[first.photos[0].id],
            add_photos=[svc.PhotoFile("b.jpg", jpeg(64, 48)), svc.PhotoFile("x.txt", b"not an image")],
            images=context.images,
        )
    assert info.value.code == "photo_not_image"
    assert svc.get_hazard(context.uow(), first.id) == first

    saved = svc.save_hazard(
        context.uow(),
        first.id,
        first.revision,
        edited,
        remove_photo_ids=[first.photos[0].id],
        add_photos=[svc.PhotoFile("b.jpg", jpeg(64, 48))],
        images=context.images,
    )
    assert saved.description == "整改方案已定" and [p.original_name for p in saved.photos] == ["b.jpg"]
    assert saved.revision == first.revision + 1  # one user action, one revision


def test_removing_a_photo_of_another_hazard_is_refused(context, inspector):
    one = svc.create_hazard(
        context.uow(),
        hazard_input(context, inspector),
        photos=[svc.PhotoFile("a.jpg", jpeg(64, 48))],
        images=context.images,
    )
    two = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    with pytest.raises(NotFound):
        svc.save_hazard(
            context.uow(), two.id, two.revision, hazard_input(context, inspector), remove_photo_ids=[one.photos[0].id]
        )
    assert svc.get_hazard(context.uow(), one.id) == one


@pytest.mark.parametrize("status", [HazardStatus.GRADED, HazardStatus.CLOSED, HazardStatus.RECTIFYING])
def test_editing_never_moves_the_status(context, inspector, status):
    hazard = svc.create_hazard(context.uow(), hazard_input(context, inspector))
    with pytest.raises(InvalidTransition) as info:
        svc.update_hazard(context.uow(), hazard.id, hazard.revision, hazard_input(context, inspector), status=status)
    assert info.value.code == "status_not_editable"
    assert svc.get_hazard(context.uow(), hazard.id) == hazard

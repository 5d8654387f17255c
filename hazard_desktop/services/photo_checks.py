"""Check a picked photo before it is attached, with the same rules and error codes as ``attach_photos``.

A form that collects photos before its hazard exists checks each file when it is picked, so that saving
does not create the hazard and then refuse its photos.
"""

from __future__ import annotations

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.hazards import MAX_PHOTOS
from hazard_desktop.services import hazards
from hazard_desktop.services.ports import ImageProcessor, ProcessedImage


def check_photo_size(name: str, size: int) -> None:
    """Refuse a file larger than the limit before reading it.

    Raises:
        ValidationError: ``photo_too_large`` (params ``name``, ``max_mb``).
    """
    limit = hazards.MAX_PHOTO_BYTES  # read at call time: tests lower it
    if size > limit:
        raise ValidationError("photo_too_large", field="photos", name=name, max_mb=max(1, limit >> 20))


def check_photo(file: hazards.PhotoFile, processor: ImageProcessor) -> ProcessedImage:
    """Check one picked file and return its renditions (the thumbnail serves as a preview).

    Raises:
        ValidationError: ``photo_too_large``, ``photo_not_image`` (param ``name`` added).
    """
    check_photo_size(file.name, len(file.data))
    try:
        return processor.process(file.data)
    except ValidationError as exc:
        raise ValidationError(exc.code, field="photos", name=file.name, **exc.params) from exc


def check_photo_count(count: int) -> None:
    """Refuse more photos than a hazard may have.

    Raises:
        ValidationError: ``photos_too_many`` (param ``max``).
    """
    if count > MAX_PHOTOS:
        raise ValidationError("photos_too_many", field="photos", max=MAX_PHOTOS)

"""Ports: what services need from storage and other infrastructure (implemented in adapters)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, Self

from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus, PhotoInfo
from hazard_desktop.domain.lec import ScaleValue, ThresholdSet
from hazard_desktop.domain.reference import Category, Department, Person


class PhotoKind(StrEnum):
    """Stored renditions of a photo."""

    DISPLAY = "display"  # downscaled JPEG for the detail pane and sheets
    THUMB = "thumb"  # small JPEG for lists


@dataclass(frozen=True, slots=True)
class ProcessedImage:
    """An image file turned into the renditions the app stores."""

    sha256: str
    size: int
    width: int
    height: int
    display_jpeg: bytes
    thumb_jpeg: bytes


class ImageProcessor(Protocol):
    """Checks an image file and makes its display copy and thumbnail."""

    def process(self, data: bytes) -> ProcessedImage:
        """Raise ValidationError(photo_not_image / photo_too_large) for bad input."""
        ...


class HazardRepository(Protocol):
    """Hazards and their photos."""

    def add(self, hazard: Hazard) -> None: ...
    def update(self, hazard: Hazard) -> None: ...
    def get(self, hazard_id: uuid.UUID) -> Hazard | None: ...
    def get_by_number(self, number: str) -> Hazard | None: ...
    def next_sequence(self, year: int) -> int:
        """Reserve the next register sequence of ``year``; never hands out a number twice."""
        ...

    def note_number(self, year: int, sequence: int) -> None:
        """Record that ``sequence`` is used (imported or typed numbers), so it is never reused."""
        ...

    def add_photo(self, photo: PhotoInfo, image: ProcessedImage) -> None: ...
    def remove_photo(self, photo_id: uuid.UUID) -> None: ...
    def photo_bytes(self, photo_id: uuid.UUID, kind: PhotoKind) -> bytes | None: ...
    def count(self) -> int: ...


class ReferenceRepository(Protocol):
    """Departments, people and categories."""

    def departments(self, *, include_inactive: bool = False) -> list[Department]: ...
    def get_department(self, department_id: uuid.UUID) -> Department | None: ...
    def save_department(self, department: Department) -> None: ...
    def people(self, *, include_inactive: bool = False) -> list[Person]: ...
    def get_person(self, person_id: uuid.UUID) -> Person | None: ...
    def save_person(self, person: Person) -> None: ...
    def categories(self) -> list[Category]: ...
    def save_category(self, category: Category) -> None: ...


class LecRepository(Protocol):
    """LEC scales (D.1–D.3) and versioned threshold sets (D.4)."""

    def scale_values(self) -> list[ScaleValue]: ...
    def save_scale_value(self, value: ScaleValue) -> None: ...
    def threshold_sets(self) -> list[ThresholdSet]: ...
    def get_threshold_set(self, set_id: uuid.UUID) -> ThresholdSet | None: ...
    def add_threshold_set(self, threshold_set: ThresholdSet) -> None:
        """Threshold sets are immutable once stored: a change is a new set."""
        ...


class CriteriaRepository(Protocol):
    """Major-hazard criteria; an edit stores a new version and retires the old one."""

    def all(self, *, include_retired: bool = False) -> list[MajorCriterion]: ...
    def get(self, criterion_id: uuid.UUID) -> MajorCriterion | None: ...
    def add(self, criterion: MajorCriterion) -> None: ...
    def retire(self, criterion_id: uuid.UUID, at: datetime) -> None: ...


class SettingsRepository(Protocol):
    """Plant-wide key/value settings (plant name, decimals, ...)."""

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...


class UnitOfWork(Protocol):
    """One transaction: everything inside is rolled back unless :meth:`commit` is called."""

    hazards: HazardRepository
    reference: ReferenceRepository
    lec: LecRepository
    criteria: CriteriaRepository
    settings: SettingsRepository

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


# ---------------------------------------------------------------- register (read side)


class SortKey(StrEnum):
    """Columns the register can be sorted by (in SQL)."""

    NUMBER = "number"
    FOUND_AT = "found_at"
    DESCRIPTION = "description"
    LOCATION = "location"
    CATEGORY = "category"
    DEPARTMENT = "department"
    STATUS = "status"
    GRADE = "grade"
    UPDATED_AT = "updated_at"


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """What the register shows. Empty sets and None mean "any"."""

    statuses: frozenset[HazardStatus] = frozenset()
    grades: frozenset[HazardGrade] = frozenset()
    category_code: str | None = None
    department_id: uuid.UUID | None = None
    text: str = ""
    found_from: datetime | None = None  # inclusive, aware
    found_before: datetime | None = None  # exclusive, aware (the UI passes local day boundaries)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """A flat, display-ready row of the register."""

    id: uuid.UUID
    number: str
    description: str
    location: str
    equipment_tag: str
    category_code: str
    subcategory_code: str | None
    department_name: str
    found_by_name: str
    found_at: datetime
    status: HazardStatus
    grade: HazardGrade
    photo_count: int


class RegisterQueries(Protocol):
    """Fast read-only queries behind the register view (paged; sorted and filtered in SQL)."""

    def count(self, flt: RegisterFilter) -> int: ...
    def page(
        self, flt: RegisterFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> Sequence[RegisterRow]: ...

"""The hazard (事故隐患) record of the register, its life cycle and input rules."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hazard_desktop.domain.errors import InvalidTransition, ValidationError
from hazard_desktop.domain.hazard_states import HazardGrade, HazardStatus  # noqa: F401 - re-exported
from hazard_desktop.domain.text import refuse_control_characters

# Statuses move only through their use cases: 待定级 → 已定级 by a confirmed grading (``services.grading``), every
# later step by the rectification loop (``domain.rectification``'s state machine, ``services.rectification``);
# editing a hazard's details never moves it at all.


def check_gradable(status: HazardStatus, number: str) -> None:
    """A closed hazard (已销号) is graded no more.

    Raises:
        InvalidTransition: ``hazard_closed``.
    """
    if status is HazardStatus.CLOSED:
        raise InvalidTransition("hazard_closed", hazard=number)


NUMBER_PATTERN = re.compile(r"^YH-([0-9]{4})-([0-9]{4,6})$")
DESCRIPTION_MAX = 2000
LOCATION_MAX = 200
TAG_MAX = 60
MAX_PHOTOS = 20
MAX_FUTURE = timedelta(days=1)


def format_number(year: int, sequence: int) -> str:
    """Return the register number for ``sequence`` in ``year``, e.g. ``YH-2026-0001``."""
    return f"YH-{year:04d}-{sequence:04d}"


def normalise_number(text: str) -> str:
    """A register number as typed, in its stored form: full-width letters, digits and dashes (a Chinese
    input method's) made ASCII, upper case, stripped. Other scripts' digits stay and fail the pattern."""
    return unicodedata.normalize("NFKC", text).strip().upper()


def parse_number(number: str) -> tuple[int, int]:
    """Split a register number into (year, sequence).

    Raises:
        ValidationError: the text is not a register number.
    """
    match = NUMBER_PATTERN.match(normalise_number(number))
    if not match:
        raise ValidationError("number_invalid", field="number", value=number)
    return int(match.group(1)), int(match.group(2))


FIRST_NUMBER_YEAR = 2000  # a typed year before this is a typo, not a paper ledger of this plant


def check_typed_number(text: str, today_year: int) -> tuple[str, int, int]:
    """A register number typed by a user (e.g. from a paper ledger), as (number, year, sequence).

    The number must be written exactly as the program writes it (``YH-2026-0001``: four digits, more
    only past 9999), and its year must lie between ``FIRST_NUMBER_YEAR`` and ``today_year``.
    Whether the sequence is free is the register's business (``services.hazards``).

    Raises:
        ValidationError: ``number_invalid`` (param ``value``) or ``number_year_invalid``
            (params ``value``, ``year``, ``first``, ``last``).
    """
    number = normalise_number(text)
    year, sequence = parse_number(number)
    if sequence < 1 or format_number(year, sequence) != number:  # YH-2026-0000, YH-2026-00012
        raise ValidationError("number_invalid", field="number", value=text)
    if not FIRST_NUMBER_YEAR <= year <= today_year:
        raise ValidationError(
            "number_year_invalid", field="number", value=number, year=year, first=FIRST_NUMBER_YEAR, last=today_year
        )
    return number, year, sequence


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    """Metadata of a photo attached to a hazard (the image bytes live in storage)."""

    id: uuid.UUID
    hazard_id: uuid.UUID
    position: int
    original_name: str
    original_sha256: str
    original_size: int
    width: int
    height: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class HazardInput:
    """What a user enters to create or edit a hazard; validated by :func:`validate_input`."""

    description: str
    location: str
    department_id: uuid.UUID | None
    category_code: str
    subcategory_code: str | None
    found_by_id: uuid.UUID | None
    found_at: datetime
    equipment_tag: str = ""


@dataclass(frozen=True, slots=True)
class Hazard:
    """One entry of the hazard register (隐患台账).

    ``revision`` grows by one with every stored change; offline exchange compares it.
    The rectification columns (``deadline`` … ``extension_pending``) are copies kept by the rectification
    use cases (``services.rectification``) in the same transaction, for the register and its counts:
    ``deadline`` is the current one (plant-local day, after approved extensions), ``acceptor_id`` the person
    asked to accept while 待验收, ``closed_on`` the plant-local day of 销号.
    """

    id: uuid.UUID
    number: str
    description: str
    location: str
    equipment_tag: str
    department_id: uuid.UUID
    category_code: str
    subcategory_code: str | None
    found_by_id: uuid.UUID
    found_at: datetime
    status: HazardStatus
    grade: HazardGrade
    revision: int
    created_at: datetime
    updated_at: datetime
    photos: tuple[PhotoInfo, ...] = field(default=())
    deadline: date | None = None
    responsible_department_id: uuid.UUID | None = None
    responsible_person_id: uuid.UUID | None = None
    acceptor_id: uuid.UUID | None = None
    closed_on: date | None = None
    extension_pending: bool = False
    # An imported hazard's record as the old ledger gave it (revision 0014): ``found_by_text`` is its 发现人
    # as written ("" when the ledger names nobody; None for a hazard entered here, whose 发现人 is
    # ``found_by_id`` — for an imported one that is only who imported it); ``found_date_only`` when the
    # ledger gave a day without a time (``found_at`` is then that day's local noon, never shown as a time).
    found_by_text: str | None = None
    found_date_only: bool = False

    @property
    def finder_from_ledger(self) -> bool:
        """True when 发现人 is the old ledger's text (``found_by_text``), not the person ``found_by_id``."""
        return self.found_by_text is not None


#: What a sheet, form or export prints as 发现人 when the old ledger named nobody.
FINDER_NOT_RECORDED_ZH = "原台账未记录"


def finder_text_zh(found_by_text: str | None, person_name: str) -> str:
    """发现人 as printed (Chinese documents): the ledger's text, 原台账未记录, or the person's name."""
    if found_by_text is None:
        return person_name
    return found_by_text or FINDER_NOT_RECORDED_ZH


def _clean(text: str, field_name: str, max_len: int, *, required: bool) -> str:
    value = refuse_control_characters(text, field_name).strip()
    if required and not value:
        raise ValidationError(f"{field_name}_empty", field=field_name)
    if len(value) > max_len:
        raise ValidationError(f"{field_name}_too_long", field=field_name, max=max_len)
    return value


def validate_input(data: HazardInput, now: datetime) -> HazardInput:
    """Check and normalise user input for a hazard.

    Category membership is checked by the service against the stored categories.

    Args:
        data: the raw input.
        now: current time (aware), to refuse dates in the future.

    Returns:
        The input with text stripped.

    Raises:
        ValidationError: the first rule broken.
    """
    description = _clean(data.description, "description", DESCRIPTION_MAX, required=True)
    location = _clean(data.location, "location", LOCATION_MAX, required=True)
    tag = _clean(data.equipment_tag, "equipment_tag", TAG_MAX, required=False)
    if data.department_id is None:
        raise ValidationError("department_empty", field="department")
    if not data.category_code:
        raise ValidationError("category_empty", field="category")
    if data.found_by_id is None:
        raise ValidationError("found_by_empty", field="found_by")
    _check_found_at(data.found_at, now)
    return HazardInput(
        description=description,
        location=location,
        department_id=data.department_id,
        category_code=data.category_code,
        subcategory_code=data.subcategory_code or None,
        found_by_id=data.found_by_id,
        found_at=data.found_at,
        equipment_tag=tag,
    )


def input_problems(data: HazardInput, now: datetime) -> list[ValidationError]:
    """Every rule of :func:`validate_input` that ``data`` breaks, in the form's order ([] if none).

    A form shows them all at once instead of one per attempt to save; the first is the one
    :func:`validate_input` raises.
    """
    problems: list[ValidationError] = []

    def check(rule: Callable[[], object]) -> None:
        try:
            rule()
        except ValidationError as exc:
            problems.append(exc)

    check(lambda: _clean(data.description, "description", DESCRIPTION_MAX, required=True))
    check(lambda: _clean(data.location, "location", LOCATION_MAX, required=True))
    check(lambda: _clean(data.equipment_tag, "equipment_tag", TAG_MAX, required=False))
    if data.department_id is None:
        problems.append(ValidationError("department_empty", field="department"))
    if not data.category_code:
        problems.append(ValidationError("category_empty", field="category"))
    if data.found_by_id is None:
        problems.append(ValidationError("found_by_empty", field="found_by"))
    check(lambda: _check_found_at(data.found_at, now))
    return problems


def _check_found_at(found_at: datetime, now: datetime) -> None:
    if found_at.tzinfo is None:
        raise ValidationError("found_at_naive", field="found_at")
    if found_at > now + MAX_FUTURE:
        raise ValidationError("found_at_future", field="found_at")

"""Use cases of the settings dialog: departments, people, categories, LEC tables, criteria, plant settings.

Every change function takes a fresh :class:`UnitOfWork`, validates the whole request first, raises a
:class:`~hazard_desktop.domain.errors.DomainError` with a stable code (nothing is written then) and
commits otherwise. Read helpers (``list_*``, :func:`get_settings`) open and close their own transaction.

History is kept where the rule needs it:

- a D.4 threshold set is never edited: :func:`new_threshold_set` stores a new set with its own
  effective-from date, so gradings keep the set they were made with;
- a major-hazard criterion is never edited: :func:`revise_criterion` stores version + 1 (its
  ``supersedes_id`` pointing at the old row) and retires the old row.

Departments and people are never deleted (hazards refer to them); they are deactivated.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from hazard_desktop.domain.accounts import EVERYONE
from hazard_desktop.domain.accounts import Role as AccountRole
from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.lec import (
    Band,
    EdgeRule,
    Factor,
    ScaleValue,
    ThresholdSet,
    normalize,
    threshold_set_in_force,
    to_decimal,
    validate_bands,
)
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import (
    Category,
    Department,
    DepartmentKind,
    Person,
    Role,
    clean_name,
    namesake,
    person_duplicate,
)
from hazard_desktop.domain.text import ascii_digits
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.ports import UnitOfWork
from hazard_desktop.services.reference_queries import (  # the register reads them too, without this module
    DECIMALS_MAX,
    DECIMALS_MIN,
    SETTING_DECIMALS,
    shown_decimals,
)

# ---------------------------------------------------------------- limits (match the storage columns)

DEPARTMENT_CODE_MAX: Final = 20
DEPARTMENT_NAME_MAX: Final = 40
PERSON_NAME_MAX: Final = 40
EMPLOYEE_NO_MAX: Final = 20
CATEGORY_NAME_ZH_MAX: Final = 40
CATEGORY_NAME_EN_MAX: Final = 80
MEANING_ZH_MAX: Final = 80
MEANING_EN_MAX: Final = 120
THRESHOLD_SET_NAME_MAX: Final = 60
BAND_CODE_MAX: Final = 20
BAND_NAME_ZH_MAX: Final = 40
BAND_NAME_EN_MAX: Final = 60
BAND_ACTION_ZH_MAX: Final = 60
BAND_ACTION_EN_MAX: Final = 80
CRITERION_CODE_MAX: Final = 20
CRITERION_CLAUSE_MAX: Final = 40
CRITERION_TEXT_MAX: Final = 1000
PLANT_NAME_MAX: Final = 60

SETTING_PLANT_NAME: Final = "plant_name"
SETTING_KEYS: Final = (SETTING_PLANT_NAME, SETTING_DECIMALS)

_DEPARTMENT_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]*")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


class _Keep:
    """Marker for "leave this field as it is" (distinct from None, which is a value)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()


# ---------------------------------------------------------------- read side


@dataclass(frozen=True, slots=True)
class PlantSettings:
    """Plant-wide settings shown in the settings dialog."""

    plant_name: str
    decimals: int


@use_case("reference.list_departments", *EVERYONE)
def list_departments(uow: UnitOfWork, *, include_inactive: bool = True) -> list[Department]:
    """Departments ordered by code (inactive ones too unless asked otherwise)."""
    with uow:
        return uow.reference.departments(include_inactive=include_inactive)


@use_case("reference.list_people", *EVERYONE)
def list_people(uow: UnitOfWork, *, include_inactive: bool = True) -> list[Person]:
    """People ordered by name (inactive ones too unless asked otherwise)."""
    with uow:
        return uow.reference.people(include_inactive=include_inactive)


@use_case("reference.list_categories", *EVERYONE)
def list_categories(uow: UnitOfWork) -> list[Category]:
    """The rule's hazard categories with their subcategories, in the rule's order."""
    with uow:
        return uow.reference.categories()


@use_case("reference.list_scale_values", *EVERYONE)
def list_scale_values(uow: UnitOfWork) -> list[ScaleValue]:
    """Tables D.1–D.3: factor L, E, C in that order, largest value first."""
    with uow:
        values = uow.lec.scale_values()
    order = {Factor.L: 0, Factor.E: 1, Factor.C: 2}
    return sorted(values, key=lambda v: (order[v.factor], -v.value))


@use_case("reference.list_threshold_sets", *EVERYONE)
def list_threshold_sets(uow: UnitOfWork) -> list[ThresholdSet]:
    """Every stored D.4 set, oldest effective date first (bands most dangerous first)."""
    with uow:
        return uow.lec.threshold_sets()


@use_case("reference.current_threshold_set", *EVERYONE)
def current_threshold_set(uow: UnitOfWork, on: date) -> ThresholdSet:
    """The D.4 set in force on ``on``.

    Raises:
        ValidationError: ``no_threshold_set``.
    """
    return threshold_set_in_force(list_threshold_sets(uow), on)


@use_case("reference.list_criteria", *EVERYONE)
def list_criteria(uow: UnitOfWork, *, include_retired: bool = False, text: str = "") -> list[MajorCriterion]:
    """Major-hazard criteria whose code, clause or text contains ``text`` (case-insensitive).

    Ordered by source, then code in natural order (``121-2`` before ``121-10``), then version.
    """
    with uow:
        items = uow.criteria.all(include_retired=include_retired)
    needle = " ".join(text.split()).casefold()
    if needle:
        items = [c for c in items if needle in f"{c.code}\n{c.clause}\n{c.text}".casefold()]
    order = {CriteriaSource.COMPANY: 0, CriteriaSource.NATIONAL_121: 1, CriteriaSource.OTHER: 2}
    return sorted(items, key=lambda c: (order[c.source], _natural_key(c.code), c.version))


@use_case("reference.criterion_history", *EVERYONE)
def criterion_history(uow: UnitOfWork, criterion_id: uuid.UUID) -> list[MajorCriterion]:
    """Every version of the criterion ``criterion_id`` belongs to, first version first.

    Raises:
        NotFound: ``criterion_unknown``.
    """
    with uow:
        items = {c.id: c for c in uow.criteria.all(include_retired=True)}
    if criterion_id not in items:
        raise NotFound("criterion_unknown", field="criterion", value=str(criterion_id))
    first = items[criterion_id]
    while first.supersedes_id is not None and first.supersedes_id in items:
        first = items[first.supersedes_id]
    successors = {c.supersedes_id: c for c in items.values() if c.supersedes_id is not None}
    chain = [first]
    while chain[-1].id in successors:
        chain.append(successors[chain[-1].id])
    return chain


@use_case("reference.get_settings", *EVERYONE)
def get_settings(uow: UnitOfWork) -> PlantSettings:
    """Plant name and the number of decimals shown for D (defaults if not stored)."""
    with uow:
        name = uow.settings.get(SETTING_PLANT_NAME) or ""
        decimals = shown_decimals(uow.settings.get(SETTING_DECIMALS))
    return PlantSettings(plant_name=name, decimals=decimals)


def _natural_key(code: str) -> tuple[tuple[int, int | str], ...]:
    parts = re.findall(r"\d+|\D+", code)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


# ---------------------------------------------------------------- departments and people


def _clean_department_code(code: str) -> str:
    text = "".join(code.split()).upper()
    if not text:
        raise ValidationError("department_code_empty", field="department_code")
    if len(text) > DEPARTMENT_CODE_MAX:
        raise ValidationError("department_code_too_long", field="department_code", max=DEPARTMENT_CODE_MAX)
    if not _DEPARTMENT_CODE.fullmatch(text):
        raise ValidationError("department_code_invalid", field="department_code", value=text)
    return text


def _department_kind(kind: DepartmentKind | str) -> DepartmentKind:
    try:
        return DepartmentKind(kind)
    except ValueError:
        raise ValidationError("department_kind_unknown", field="department_kind", value=str(kind)) from None


@use_case("reference.save_department", AccountRole.SAFETY_ADMIN)
def save_department(
    uow: UnitOfWork,
    department_id: uuid.UUID | None,
    code: str,
    name: str,
    kind: DepartmentKind | str,
    active: bool = True,
) -> Department:
    """Add a department (``department_id`` None) or change one: code, name, kind, (de)activation.

    Departments are never deleted: hazards and people refer to them.

    Raises:
        ValidationError: ``department_code_empty|too_long|invalid``, ``department_name_empty|too_long``,
            ``department_kind_unknown``.
        NotFound: ``department_unknown``.
        Conflict: ``department_duplicate`` (same code or name as another department, inactive ones too).
    """
    clean_code = _clean_department_code(code)
    clean = clean_name(name, "department_name", DEPARTMENT_NAME_MAX)
    clean_kind = _department_kind(kind)
    now = utcnow()
    with uow:
        existing = uow.reference.departments(include_inactive=True)
        current = None
        if department_id is not None:
            current = next((d for d in existing if d.id == department_id), None)
            if current is None:
                raise NotFound("department_unknown", field="department", value=str(department_id))
        for other in existing:
            if other.id == department_id:
                continue
            if other.code.upper() == clean_code:
                raise Conflict("department_duplicate", field="department_code", value=clean_code)
            if other.name.casefold() == clean.casefold():
                raise Conflict("department_duplicate", field="department_name", value=clean)
        if current is None:
            department = Department(new_id(), clean_code, clean, clean_kind, bool(active), now, now)
        else:
            department = dataclasses.replace(
                current, code=clean_code, name=clean, kind=clean_kind, active=bool(active), updated_at=now
            )
        uow.reference.save_department(department)
        uow.commit()
    return department


def _roles(roles: Iterable[Role | str]) -> frozenset[Role]:
    result = set()
    for role in roles:
        try:
            result.add(Role(role))
        except ValueError:
            raise ValidationError("role_unknown", field="roles", value=str(role)) from None
    return frozenset(result)


@use_case("reference.save_person", AccountRole.SAFETY_ADMIN)
def save_person(
    uow: UnitOfWork,
    person_id: uuid.UUID | None,
    name: str,
    employee_no: str,
    department_id: uuid.UUID | None,
    roles: Iterable[Role | str],
    active: bool = True,
) -> Person:
    """Add a person (``person_id`` None) or change one; people are deactivated, never deleted.

    A person may keep an inactive department, but cannot be moved into one.

    Raises:
        ValidationError: ``person_name_empty|too_long``, ``employee_no_too_long``, ``department_missing``,
            ``department_inactive``, ``role_unknown``.
        NotFound: ``person_unknown``, ``department_unknown``.
        Conflict: ``employee_no_duplicate``; ``person_duplicate`` (the department has a person of that name
            already, active or not, and the two are not told apart by employee numbers: see
            ``domain.reference.namesake``).
    """
    clean = clean_name(name, "person_name", PERSON_NAME_MAX)
    number = "".join(employee_no.split())
    if len(number) > EMPLOYEE_NO_MAX:
        raise ValidationError("employee_no_too_long", field="employee_no", max=EMPLOYEE_NO_MAX)
    if department_id is None:
        raise ValidationError("department_missing", field="department")
    clean_roles = _roles(roles)
    now = utcnow()
    with uow:
        current = None
        if person_id is not None:
            current = uow.reference.get_person(person_id)
            if current is None:
                raise NotFound("person_unknown", field="person", value=str(person_id))
        department = uow.reference.get_department(department_id)
        if department is None:
            raise NotFound("department_unknown", field="department", value=str(department_id))
        moved = current is None or current.department_id != department_id
        if moved and not department.active:
            raise ValidationError("department_inactive", field="department", value=department.name)
        everyone = uow.reference.people(include_inactive=True)
        if number:
            for other in everyone:
                if other.id != person_id and other.employee_no.casefold() == number.casefold():
                    raise Conflict("employee_no_duplicate", field="employee_no", value=number, name=other.name)
        same = namesake(everyone, clean, department_id, number, exclude=person_id)
        if same is not None:
            raise person_duplicate(same, department.name)
        if current is None:
            person = Person(new_id(), clean, department_id, clean_roles, bool(active), now, now, number)
        else:
            person = dataclasses.replace(
                current,
                name=clean,
                employee_no=number,
                department_id=department_id,
                roles=clean_roles,
                active=bool(active),
                updated_at=now,
            )
        uow.reference.save_person(person)
        uow.commit()
    return person


# ---------------------------------------------------------------- categories and LEC tables D.1–D.3


@use_case("reference.rename_category", AccountRole.SAFETY_ADMIN)
def rename_category(uow: UnitOfWork, code: str, name_zh: str, name_en: str) -> Category:
    """Rename a category or a subcategory of the rule (its code never changes).

    Returns:
        The category (with its subcategories) as stored afterwards.

    Raises:
        ValidationError: ``category_name_zh_empty|too_long``, ``category_name_en_empty|too_long``.
        NotFound: ``category_unknown``.
    """
    clean_zh = clean_name(name_zh, "category_name_zh", CATEGORY_NAME_ZH_MAX)
    clean_en = clean_name(name_en, "category_name_en", CATEGORY_NAME_EN_MAX)
    with uow:
        categories = uow.reference.categories()
        updated: Category | None = None
        for category in categories:
            if category.code == code:
                updated = dataclasses.replace(category, name_zh=clean_zh, name_en=clean_en)
            elif category.subcategory(code) is not None:
                subs = tuple(
                    dataclasses.replace(s, name_zh=clean_zh, name_en=clean_en) if s.code == code else s
                    for s in category.subcategories
                )
                updated = dataclasses.replace(category, subcategories=subs)
            if updated is not None:
                break
        if updated is None:
            raise NotFound("category_unknown", field="category", value=code)
        uow.reference.save_category(updated)
        uow.commit()
    return updated


def _factor(factor: Factor | str) -> Factor:
    try:
        return Factor(factor)
    except ValueError:
        raise ValidationError("factor_unknown", field="factor", value=str(factor)) from None


@use_case("reference.update_scale_meaning", AccountRole.SAFETY_ADMIN)
def update_scale_meaning(
    uow: UnitOfWork, factor: Factor | str, value: Decimal | str | int, meaning_zh: str, meaning_en: str
) -> ScaleValue:
    """Change what a value of table D.1, D.2 or D.3 means (the values themselves are fixed).

    Raises:
        ValidationError: ``factor_unknown``, ``not_a_number``, ``meaning_zh_empty|too_long``,
            ``meaning_en_empty|too_long``.
        NotFound: ``scale_value_unknown``.
    """
    clean_factor = _factor(factor)
    number = normalize(to_decimal(value, field="value"))
    clean_zh = clean_name(meaning_zh, "meaning_zh", MEANING_ZH_MAX)
    clean_en = clean_name(meaning_en, "meaning_en", MEANING_EN_MAX)
    with uow:
        current = next((v for v in uow.lec.scale_values() if v.factor is clean_factor and v.value == number), None)
        if current is None:
            raise NotFound("scale_value_unknown", field="value", factor=clean_factor.value, value=str(number))
        updated = dataclasses.replace(current, meaning_zh=clean_zh, meaning_en=clean_en)
        uow.lec.save_scale_value(updated)
        uow.commit()
    return updated


# ---------------------------------------------------------------- D.4 threshold sets (versioned)


def _limit(value: Decimal | str | int | None, band_code: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = to_decimal(value, field="bands")
    if number < 0:
        raise ValidationError("band_limit_negative", field="bands", band=band_code, value=str(number))
    return normalize(number)


def _clean_band(band: Band) -> Band:
    code = band.code.strip()
    if not code:
        raise ValidationError("band_code_empty", field="bands")
    if len(code) > BAND_CODE_MAX:
        raise ValidationError("band_code_too_long", field="bands", max=BAND_CODE_MAX)
    if not isinstance(band.rank, int) or band.rank < 1:
        raise ValidationError("band_rank_invalid", field="bands", band=code)
    colour = band.colour.strip()
    if not _COLOUR.fullmatch(colour):
        raise ValidationError("band_colour_invalid", field="bands", band=code, value=colour)
    return Band(
        code=code,
        rank=band.rank,
        name_zh=clean_name(band.name_zh, "band_name_zh", BAND_NAME_ZH_MAX),
        name_en=clean_name(band.name_en, "band_name_en", BAND_NAME_EN_MAX),
        action_zh=clean_name(band.action_zh, "band_action_zh", BAND_ACTION_ZH_MAX),
        action_en=clean_name(band.action_en, "band_action_en", BAND_ACTION_EN_MAX),
        colour=colour.upper(),
        lower=_limit(band.lower, code),
        upper=_limit(band.upper, code),
    )


def _effective_date(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ValidationError("effective_from_invalid", field="effective_from", value=str(value)) from None


def _edge_rule(value: EdgeRule | str) -> EdgeRule:
    try:
        return EdgeRule(value)
    except ValueError:
        raise ValidationError("edge_rule_unknown", field="edge_rule", value=str(value)) from None


def validate_threshold_set(
    name: str, effective_from: date | str, edge_rule: EdgeRule | str, bands: Sequence[Band]
) -> tuple[str, date, EdgeRule, tuple[Band, ...]]:
    """Check a new D.4 set without storing it; return its cleaned parts (bands most dangerous first).

    Raises:
        ValidationError: ``threshold_set_name_empty|too_long``, ``effective_from_invalid``,
            ``edge_rule_unknown``, ``band_*`` (see :func:`new_threshold_set`), ``bands_empty``,
            ``bands_gap``, ``bands_open_ends``.
    """
    clean = clean_name(name, "threshold_set_name", THRESHOLD_SET_NAME_MAX)
    day = _effective_date(effective_from)
    rule = _edge_rule(edge_rule)
    cleaned = []
    for band in bands:
        try:
            cleaned.append(_clean_band(band))
        except ValidationError as exc:
            raise _named(exc, band) from None
    clean_bands = tuple(sorted(cleaned, key=lambda b: b.rank))
    codes = [b.code for b in clean_bands]
    for code in codes:
        if codes.count(code) > 1:
            raise ValidationError("band_code_duplicate", field="bands", band=code)
    ranks = [b.rank for b in clean_bands]
    if len(set(ranks)) != len(ranks):
        raise ValidationError("band_rank_duplicate", field="bands")
    try:
        validate_bands(clean_bands)
    except ValidationError as exc:
        named = next((b for b in clean_bands if b.code == exc.params.get("band")), None)
        raise (exc if named is None else _named(exc, named)) from None
    return clean, day, rule, clean_bands


def _named(exc: ValidationError, band: Band) -> ValidationError:
    """The same error with the band's names added (messages name the band the user sees)."""
    params = {**exc.params, "band": exc.params.get("band", band.code)}
    return ValidationError(exc.code, field=exc.field, band_name_zh=band.name_zh, band_name_en=band.name_en, **params)


@use_case("reference.new_threshold_set", AccountRole.SAFETY_ADMIN)
def new_threshold_set(
    uow: UnitOfWork,
    name: str,
    effective_from: date | str,
    edge_rule: EdgeRule | str,
    bands: Sequence[Band],
) -> ThresholdSet:
    """Store a new version of table D.4, in force from ``effective_from``.

    Stored sets are never changed, so gradings made with an older set keep it.

    Raises:
        ValidationError: see :func:`validate_threshold_set`; also ``band_code_empty|too_long``,
            ``band_rank_invalid``, ``band_colour_invalid``, ``band_limit_negative``,
            ``band_code_duplicate``, ``band_rank_duplicate``, ``band_name_zh_empty`` … ``not_a_number``.
        Conflict: ``threshold_set_duplicate`` (a stored set has the same name).
    """
    clean, day, rule, clean_bands = validate_threshold_set(name, effective_from, edge_rule, bands)
    now = utcnow()
    with uow:
        for other in uow.lec.threshold_sets():
            if other.name.casefold() == clean.casefold():
                raise Conflict("threshold_set_duplicate", field="threshold_set_name", value=clean)
        threshold_set = ThresholdSet(
            id=new_id(),
            name=clean,
            effective_from=day,
            edge_rule=rule,
            bands=clean_bands,
            created_at=now,
            updated_at=now,
        )
        uow.lec.add_threshold_set(threshold_set)
        uow.commit()
    return threshold_set


# ---------------------------------------------------------------- major-hazard criteria (versioned)


def _clean_criterion_text(text: str) -> str:
    return clean_name(text, "criterion_text", CRITERION_TEXT_MAX)


def _clean_clause(clause: str) -> str:
    return clean_name(clause, "criterion_clause", CRITERION_CLAUSE_MAX)


def _clean_criterion_code(code: str) -> str:
    return clean_name(code, "criterion_code", CRITERION_CODE_MAX).replace(" ", "")


def _criteria_source(source: CriteriaSource | str) -> CriteriaSource:
    try:
        return CriteriaSource(source)
    except ValueError:
        raise ValidationError("criterion_source_unknown", field="criterion_source", value=str(source)) from None


def _check_category(uow: UnitOfWork, category_code: str | None) -> None:
    if category_code is not None and all(c.code != category_code for c in uow.reference.categories()):
        raise ValidationError("category_unknown", field="category", value=category_code)


def _check_code_free(uow: UnitOfWork, code: str, source: CriteriaSource, except_id: uuid.UUID | None) -> None:
    for other in uow.criteria.all(include_retired=False):
        if other.id != except_id and other.source is source and other.code.casefold() == code.casefold():
            raise Conflict("criterion_duplicate", field="criterion_code", value=code)


@use_case("reference.add_criterion", AccountRole.SAFETY_ADMIN)
def add_criterion(
    uow: UnitOfWork,
    code: str,
    text: str,
    source: CriteriaSource | str,
    clause: str,
    category_code: str | None = None,
) -> MajorCriterion:
    """Add a major-hazard criterion (version 1).

    Raises:
        ValidationError: ``criterion_code|text|clause_empty|too_long``, ``criterion_source_unknown``,
            ``category_unknown``.
        Conflict: ``criterion_duplicate`` (an active criterion of the same source has the code).
    """
    clean_code = _clean_criterion_code(code)
    clean_text = _clean_criterion_text(text)
    clean_clause = _clean_clause(clause)
    clean_source = _criteria_source(source)
    category = category_code or None
    now = utcnow()
    with uow:
        _check_category(uow, category)
        _check_code_free(uow, clean_code, clean_source, None)
        criterion = MajorCriterion(
            id=new_id(),
            code=clean_code,
            text=clean_text,
            source=clean_source,
            clause=clean_clause,
            category_code=category,
            version=1,
            supersedes_id=None,
            retired_at=None,
            created_at=now,
            updated_at=now,
        )
        uow.criteria.add(criterion)
        uow.commit()
    return criterion


@use_case("reference.revise_criterion", AccountRole.SAFETY_ADMIN)
def revise_criterion(
    uow: UnitOfWork,
    criterion_id: uuid.UUID,
    text: str,
    clause: str,
    code: str | None = None,
    category_code: str | None | _Keep = KEEP,
) -> MajorCriterion:
    """Store a new version of a criterion (version + 1, ``supersedes_id`` = old id) and retire the old one.

    Args:
        code: a new code, or None to keep it.
        category_code: a category code, None for "no category", or :data:`KEEP`.

    Raises:
        ValidationError: as :func:`add_criterion`; ``criterion_unchanged`` if nothing differs.
        NotFound: ``criterion_unknown``.
        InvalidTransition: ``criterion_retired`` (only the version in force can be revised).
        Conflict: ``criterion_duplicate``.
    """
    clean_text = _clean_criterion_text(text)
    clean_clause = _clean_clause(clause)
    clean_code = None if code is None else _clean_criterion_code(code)
    now = utcnow()
    with uow:
        old = uow.criteria.get(criterion_id)
        if old is None:
            raise NotFound("criterion_unknown", field="criterion", value=str(criterion_id))
        if not old.active:
            raise InvalidTransition("criterion_retired", field="criterion", criterion=old.code)
        new_code = old.code if clean_code is None else clean_code
        category = old.category_code if isinstance(category_code, _Keep) else (category_code or None)
        if (new_code, clean_text, clean_clause, category) == (old.code, old.text, old.clause, old.category_code):
            raise ValidationError("criterion_unchanged", field="criterion_text", criterion=old.code)
        _check_category(uow, category)
        _check_code_free(uow, new_code, old.source, old.id)
        uow.criteria.retire(old.id, now)
        revised = MajorCriterion(
            id=new_id(),
            code=new_code,
            text=clean_text,
            source=old.source,
            clause=clean_clause,
            category_code=category,
            version=old.version + 1,
            supersedes_id=old.id,
            retired_at=None,
            created_at=now,
            updated_at=now,
        )
        uow.criteria.add(revised)
        uow.commit()
    return revised


@use_case("reference.retire_criterion", AccountRole.SAFETY_ADMIN)
def retire_criterion(uow: UnitOfWork, criterion_id: uuid.UUID) -> MajorCriterion:
    """Take a criterion out of force (it stays stored for the gradings that cite it).

    Raises:
        NotFound: ``criterion_unknown``.
        InvalidTransition: ``criterion_retired``.
    """
    now = utcnow()
    with uow:
        old = uow.criteria.get(criterion_id)
        if old is None:
            raise NotFound("criterion_unknown", field="criterion", value=str(criterion_id))
        if not old.active:
            raise InvalidTransition("criterion_retired", field="criterion", criterion=old.code)
        uow.criteria.retire(old.id, now)
        uow.commit()
        retired = uow.criteria.get(criterion_id)
    assert retired is not None
    return retired


# ---------------------------------------------------------------- plant settings


def _clean_setting(key: str, value: object) -> str:
    if key == SETTING_PLANT_NAME:
        return clean_name(str(value), "plant_name", PLANT_NAME_MAX)
    if key == SETTING_DECIMALS:
        text = ascii_digits(str(value).strip())  # ３ → 3; ٣, 1_0 and the like are refused
        if not re.fullmatch(r"[+-]?[0-9]{1,3}", text) or not DECIMALS_MIN <= int(text) <= DECIMALS_MAX:
            raise ValidationError(
                "decimals_out_of_range", field="decimals", value=text, min=DECIMALS_MIN, max=DECIMALS_MAX
            )
        return str(int(text))
    raise ValidationError("setting_unknown", field="setting", value=key)


@use_case("reference.set_setting", AccountRole.SAFETY_ADMIN)
def set_setting(uow: UnitOfWork, key: str, value: object) -> str:
    """Store one plant setting; return the stored text.

    ``plant_name``: not empty, at most 60 characters (printed on the sheets).
    ``decimals``: whole number 0–4 (decimals shown for D).

    Raises:
        ValidationError: ``plant_name_empty|too_long``, ``decimals_out_of_range``, ``setting_unknown``.
    """
    text = _clean_setting(key, value)
    with uow:
        uow.settings.set(key, text)
        uow.commit()
    return text


@use_case("reference.save_plant_settings", AccountRole.SAFETY_ADMIN)
def save_plant_settings(uow: UnitOfWork, plant_name: str, decimals: int | str) -> PlantSettings:
    """Store both plant settings in one transaction (neither is written if one is refused)."""
    name = _clean_setting(SETTING_PLANT_NAME, plant_name)
    places = _clean_setting(SETTING_DECIMALS, decimals)
    with uow:
        uow.settings.set(SETTING_PLANT_NAME, name)
        uow.settings.set(SETTING_DECIMALS, places)
        uow.commit()
    return PlantSettings(plant_name=name, decimals=int(places))

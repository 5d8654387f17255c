"""Use cases of importing a legacy Excel ledger: guess the mapping, preview every row, import in one go.

The reader (``adapters/ledger_reader.py``) turns a file into sheets of cell values and refuses bad
files; everything here works on those values. The preview and the import run the same checks
(:func:`_check_rows`), the import inside its writing transaction, so what the preview promised is
what happens, and a second import of the same file finds every row known and writes nothing.
"""

from __future__ import annotations

import dataclasses
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import DomainError, ValidationError
from hazard_desktop.domain.hazards import (
    DESCRIPTION_MAX,
    LOCATION_MAX,
    Hazard,
    HazardGrade,
    HazardStatus,
)
from hazard_desktop.domain.lec import Factor, LecScales, ThresholdSet, lec_score, threshold_set_in_force, to_decimal
from hazard_desktop.domain.ledger import (
    KEPT_FIELDS,
    HeaderGuess,
    ImportedGrading,
    ImportedRow,
    LedgerBatch,
    LedgerField,
    LedgerOrigin,
    cell_text,
    guess_header,
    is_cell_error,
    normalise_header,
    normalise_legacy_number,
    parse_ledger_date,
    parse_ledger_time,
    row_key,
)
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Category, Department, Person
from hazard_desktop.domain.text import refuse_control_characters
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.ports import UnitOfWork

LEGACY_NUMBER_MAX = 60
IMPORT_CHUNK = 500  # rows written between two progress reports


@dataclass(frozen=True, slots=True)
class LedgerSheet:
    """One worksheet: its cell values row by row from row 1 (text, int, float, Decimal, date, datetime, None)."""

    name: str
    rows: tuple[tuple[object, ...], ...]


@dataclass(frozen=True, slots=True)
class LedgerWorkbook:
    """A ledger file as read: its name, its digest and its sheets."""

    source_name: str
    sha256: str
    sheets: tuple[LedgerSheet, ...]


class LedgerReader(Protocol):
    """Reads a ledger file (``adapters.ledger_reader``).

    Raises ``DomainError`` ``ledger_not_workbook``, ``ledger_encrypted``, ``ledger_xls``,
    ``ledger_too_many_rows``, ``ledger_too_large``, ``ledger_unreadable``.
    """

    def read(self, path: Path) -> LedgerWorkbook: ...


@dataclass(frozen=True, slots=True)
class LedgerMapping:
    """What the user confirmed: which sheet, where its data starts, what each column holds."""

    sheet_index: int
    data_start: int  # 0-based index of the first row after the header
    columns: dict[int, LedgerField]
    names: tuple[str, ...] = ()  # the header's text per column, for the dialog


def guess_mapping(workbook: LedgerWorkbook) -> LedgerMapping:
    """The sheet whose header names most known fields, and its columns.

    Raises:
        ValidationError: ``ledger_no_header`` if no sheet has a header with a description column.
    """
    best: tuple[int, HeaderGuess] | None = None
    for index, sheet in enumerate(workbook.sheets):
        guess = guess_header(sheet.rows)
        if guess.score and (best is None or guess.score > best[1].score):
            best = (index, guess)
    if best is None:
        raise ValidationError("ledger_no_header")
    index, guess = best
    return LedgerMapping(index, guess.data_start, dict(guess.columns), guess.names)


def mapping_for_sheet(workbook: LedgerWorkbook, sheet_index: int) -> LedgerMapping:
    """The guessed mapping of one sheet (an empty one if it has no header)."""
    guess = guess_header(workbook.sheets[sheet_index].rows)
    return LedgerMapping(sheet_index, guess.data_start, dict(guess.columns), guess.names)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Choices for values a ledger lacks.

    Attributes:
        recorder_id: 登记人, who imports: stored as ``found_by_id`` where the ledger's 排查人 names no known
            person (the column cannot be empty); never shown as 发现人 — the hazard shows and prints the
            ledger's own text (``Hazard.found_by_text``), or "not recorded in the old ledger".
        default_department_id: for rows without a department (None: such rows are refused).
        default_category_code: for rows without a category, or one the register does not know
            (None: such rows are refused, as rows without a department are: no category nobody chose).
    """

    recorder_id: uuid.UUID
    default_department_id: uuid.UUID | None
    default_category_code: str | None


class RowStatus(StrEnum):
    """What the import does with a row."""

    NEW = "new"  # becomes a hazard
    KNOWN = "known"  # imported before (same 原编号 or same content): left alone
    REFUSED = "refused"  # a problem stops it; nothing written for it


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A problem of one row. ``blocking``: the row is refused; otherwise it is imported without the value."""

    code: str
    field: str
    blocking: bool
    params: dict[str, object] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One data row as the import sees it."""

    row_no: int  # as Excel numbers the sheet's rows
    status: RowStatus
    key: str
    legacy_number: str
    found_on: date | None
    found_time: time | None  # the ledger's time of day, if it gave one besides the day
    description: str
    location: str
    department_id: uuid.UUID | None
    department_name: str
    category_code: str | None  # None only on a refused row (no category and no default)
    found_by_id: uuid.UUID | None  # who the register names: the person the ledger's 发现人 names, else the importer
    found_by_text: str  # the ledger's 发现人 as written ("" = named nobody): what is shown and printed
    likelihood: Decimal | None
    exposure: Decimal | None
    consequence: Decimal | None
    score: Decimal | None
    legacy_grade: str
    kept: dict[str, str]
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True, slots=True)
class LedgerPreview:
    """Every data row of the sheet with its status and problems, before anything is written."""

    source_name: str
    sheet_name: str
    rows: tuple[PreviewRow, ...]

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did. ``batch_id`` is None when nothing was new (nothing was written)."""

    batch_id: uuid.UUID | None
    imported: int
    known: int
    refused: int
    numbers: tuple[str, ...]  # the register numbers given, in row order


Progress = Callable[[int, int], bool]  # (done, total) → False to cancel (the transaction rolls back)


# ---------------------------------------------------------------- checks shared by preview and import


@dataclass(frozen=True, slots=True)
class _Lookups:
    departments: tuple[Department, ...]
    people: tuple[Person, ...]
    categories: tuple[Category, ...]
    scales: LecScales
    on_scale: dict[tuple[Factor, object], Decimal]  # cell values met before that lie on their scale


def _lookups(uow: UnitOfWork) -> _Lookups:
    return _Lookups(
        tuple(uow.reference.departments()),
        tuple(uow.reference.people()),
        tuple(uow.reference.categories()),
        LecScales(tuple(uow.lec.scale_values())),
        {},
    )


def _same(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").strip().upper()


def _department(name: str, lookups: _Lookups) -> Department | None:
    """The department a ledger names: by name or code, or the one department whose name the cell
    contains or is contained in (一车间（合成） is 一车间)."""
    wanted = _same(name)
    for department in lookups.departments:
        if wanted in (_same(department.name), _same(department.code)):
            return department
    near = [d for d in lookups.departments if _same(d.name) in wanted or wanted in _same(d.name)]
    return near[0] if len(near) == 1 else None


def _category(name: str, lookups: _Lookups) -> Category | None:
    wanted = _same(name)
    for category in lookups.categories:
        code = _same(category.code)
        names = (_same(category.name_zh), _same(category.name_en))
        # as the ledger may write it, or as this program shows it ("4.6 设备/设施/工器具类隐患")
        if wanted == code or wanted in names or wanted in (code + name for name in names):
            return category
    return None


def _cell(row: Sequence[object], column: int | None) -> object:
    if column is None or column >= len(row):
        return None
    return row[column]


def _check_text(value: str, name: str, limit: int, problems: list[RowProblem]) -> str:
    try:
        refuse_control_characters(value, name)
    except ValidationError:
        problems.append(RowProblem("ledger_text_control", name, True))
        return ""
    if len(value) > limit:
        problems.append(RowProblem("ledger_text_too_long", name, True, {"max": limit}))
    return value


_OFF_SCALE = Decimal(-1)  # a factor given but not on its scale: the row's LEC values are not imported


def _factor(value: object, factor: Factor, lookups: _Lookups, problems: list[RowProblem]) -> Decimal | None:
    if value is None or cell_text(value) == "" or is_cell_error(value):
        return None
    key = (factor, value if isinstance(value, str) else repr(value))  # 6 and 6.0 are told apart, as check does
    known = lookups.on_scale.get(key)
    if known is not None:  # a ledger repeats a handful of values: check each once
        return known
    try:
        lookups.on_scale[key] = checked = lookups.scales.check(factor, value)
        return checked
    except ValidationError as exc:
        params = {"value": cell_text(value), "factor": factor.value, "allowed": exc.params.get("allowed", "")}
        problems.append(RowProblem("ledger_lec_off_scale", factor.value, False, params))
        return _OFF_SCALE


def _check_row(
    row_no: int,
    row: Sequence[object],
    mapping: LedgerMapping,
    options: ImportOptions,
    lookups: _Lookups,
    today: date,
    headers: dict[int, frozenset[str]],
) -> PreviewRow | None:
    """One data row checked; None for a blank or spacer row (or a repeated header).

    ``headers``: per mapped column, the header's text as compared (a page's header printed again).
    """
    values = {f: _cell(row, c) for c, f in mapping.columns.items() if f is not LedgerField.SERIAL}
    texts = {f.value: cell_text(v) for f, v in values.items()}
    if not any(texts.values()):
        return None
    repeated = sum(
        1
        for c, names in headers.items()
        if isinstance(value := _cell(row, c), str) and value and normalise_header(value) in names
    )
    if repeated >= 2:
        return None  # the header printed again on a later page
    problems: list[RowProblem] = []
    for f, v in values.items():
        if is_cell_error(v):
            problems.append(RowProblem("ledger_cell_error", f.value, True, {"value": cell_text(v)}))
            texts[f.value] = ""

    legacy = normalise_legacy_number(texts.get(LedgerField.LEGACY_NUMBER.value, ""))
    if len(legacy) > LEGACY_NUMBER_MAX:
        problems.append(RowProblem("ledger_text_too_long", "legacy_number", True, {"max": LEGACY_NUMBER_MAX}))
    description = _check_text(texts.get(LedgerField.DESCRIPTION.value, ""), "description", DESCRIPTION_MAX, problems)
    if not description.strip() and not any(p.field == "description" for p in problems):
        problems.append(RowProblem("ledger_description_empty", "description", True))
    location = _check_text(texts.get(LedgerField.LOCATION.value, ""), "location", LOCATION_MAX, problems)

    found_on: date | None = None
    found_time: time | None = None
    raw_date = values.get(LedgerField.FOUND_ON)
    if raw_date is None or texts.get(LedgerField.FOUND_ON.value, "") == "":
        if not any(p.field == "found_on" for p in problems):
            problems.append(RowProblem("ledger_date_missing", "found_on", True))
    else:
        try:
            found_on = parse_ledger_date(raw_date)
            found_time = parse_ledger_time(raw_date)
        except ValidationError:
            problems.append(RowProblem("ledger_date_invalid", "found_on", True, {"value": texts["found_on"]}))
        else:
            if found_on > today:
                problems.append(RowProblem("ledger_date_future", "found_on", True, {"value": found_on.isoformat()}))

    department_name = texts.get(LedgerField.DEPARTMENT.value, "")
    department: Department | None = None
    if department_name:
        department = _department(department_name, lookups)
        if department is None:
            problems.append(RowProblem("ledger_department_unknown", "department", True, {"value": department_name}))
    elif options.default_department_id is not None:
        department = next((d for d in lookups.departments if d.id == options.default_department_id), None)
    if department is None and not department_name:
        problems.append(RowProblem("ledger_department_missing", "department", True))
    if not location.strip() and department is not None:  # the register needs a place: the department's name
        location = department.name
        problems.append(RowProblem("ledger_location_missing", "location", False, {"value": department.name}))

    category_code = options.default_category_code
    category_name = texts.get(LedgerField.CATEGORY.value, "")
    if category_name:
        category = _category(category_name, lookups)
        if category is not None:
            category_code = category.code
        elif category_code is not None:  # a chosen default stands in: the row says so
            problems.append(RowProblem("ledger_category_unknown", "category", False, {"value": category_name}))
        else:
            problems.append(RowProblem("ledger_category_unknown_refused", "category", True, {"value": category_name}))
    elif category_code is None:
        problems.append(RowProblem("ledger_category_missing", "category", True))

    found_by_name = texts.get(LedgerField.FOUND_BY.value, "")
    named = [p for p in lookups.people if found_by_name and _same(p.name) == _same(found_by_name)]
    if len(named) > 1:  # namesakes (of one department or of several): not guessed, the text is kept as written
        problems.append(RowProblem("ledger_finder_ambiguous", "found_by", False, {"value": found_by_name}))
    found_by_id = named[0].id if len(named) == 1 else options.recorder_id

    likelihood = _factor(values.get(LedgerField.LIKELIHOOD), Factor.L, lookups, problems)
    exposure = _factor(values.get(LedgerField.EXPOSURE), Factor.E, lookups, problems)
    consequence = _factor(values.get(LedgerField.CONSEQUENCE), Factor.C, lookups, problems)
    score: Decimal | None = None
    raw_score = texts.get(LedgerField.SCORE.value, "")
    if raw_score:
        try:
            score = to_decimal(values[LedgerField.SCORE], field="D")
            if score < 0:
                raise ValidationError("not_a_number")
        except ValidationError:
            problems.append(RowProblem("ledger_score_invalid", "D", False, {"value": raw_score}))
            score = None
    factors = (likelihood, exposure, consequence)
    if _OFF_SCALE in factors:  # the ledger's D rests on a value the scale does not have: keep none of it
        likelihood = exposure = consequence = score = None
    elif all(f is not None for f in factors):
        assert likelihood is not None and exposure is not None and consequence is not None
        computed = lec_score(likelihood, exposure, consequence)
        if score is not None and score != computed:
            problems.append(
                RowProblem("ledger_score_mismatch", "D", False, {"value": raw_score, "computed": str(computed)})
            )
        score = computed
    elif any(f is not None for f in factors) and score is None:
        problems.append(RowProblem("ledger_lec_incomplete", "L", False))
    if score is None:
        likelihood = exposure = consequence = None

    kept = {f.value: texts[f.value] for f in KEPT_FIELDS if texts.get(f.value)}
    blocking = any(p.blocking for p in problems)
    return PreviewRow(
        row_no=row_no,
        status=RowStatus.REFUSED if blocking else RowStatus.NEW,
        key=row_key(legacy, {k: v for k, v in texts.items() if k != LedgerField.SERIAL.value}),
        legacy_number=legacy,
        found_on=found_on,
        found_time=found_time,
        description=description.strip(),
        location=location.strip(),
        department_id=department.id if department is not None else None,
        department_name=department.name if department is not None else department_name,
        category_code=category_code,
        found_by_id=found_by_id,
        found_by_text=found_by_name.strip()[:60],
        likelihood=likelihood,
        exposure=exposure,
        consequence=consequence,
        score=score,
        legacy_grade=texts.get(LedgerField.GRADE.value, ""),
        kept=kept,
        problems=tuple(problems),
    )


def _header_texts(mapping: LedgerMapping) -> dict[int, frozenset[str]]:
    """Per mapped column, its header as compared (both parts of a two-row header's "group/name")."""
    return {
        c: frozenset({normalise_header(mapping.names[c]), normalise_header(mapping.names[c].rpartition("/")[2])})
        for c in mapping.columns
        if c < len(mapping.names) and mapping.names[c]
    }


def _check_rows(
    uow: UnitOfWork, workbook: LedgerWorkbook, mapping: LedgerMapping, options: ImportOptions, today: date
) -> LedgerPreview:
    if not 0 <= mapping.sheet_index < len(workbook.sheets):
        raise ValidationError("ledger_no_header")
    if LedgerField.DESCRIPTION not in mapping.columns.values():
        raise ValidationError("ledger_mapping_no_description")
    if LedgerField.FOUND_ON not in mapping.columns.values():
        raise ValidationError("ledger_mapping_no_date")
    mapped = list(mapping.columns.values())
    doubled = {f for f in mapped if mapped.count(f) > 1}
    if doubled:
        raise ValidationError("ledger_mapping_doubled", field=sorted(doubled)[0].value)
    lookups = _lookups(uow)
    if uow.reference.get_person(options.recorder_id) is None:
        raise ValidationError("ledger_recorder_unknown", field="recorder")
    if options.default_category_code is not None and _category(options.default_category_code, lookups) is None:
        raise ValidationError("category_unknown", field="category", value=options.default_category_code)
    sheet = workbook.sheets[mapping.sheet_index]
    checked: list[PreviewRow] = []
    headers = _header_texts(mapping)
    for index in range(mapping.data_start, len(sheet.rows)):
        row = _check_row(index + 1, sheet.rows[index], mapping, options, lookups, today, headers)
        if row is not None:
            checked.append(row)
    known = uow.ledger.known_keys([row.key for row in checked])
    seen: dict[str, int] = {}
    result: list[PreviewRow] = []
    for row in checked:
        if row.key in known:
            result.append(_with(row, RowStatus.KNOWN))
            continue
        first = seen.setdefault(row.key, row.row_no)
        if first != row.row_no:
            code = "ledger_number_duplicate" if row.legacy_number else "ledger_row_duplicate"
            problem = RowProblem(code, "legacy_number", True, {"value": row.legacy_number, "row": first})
            result.append(_with(row, RowStatus.REFUSED, problem))
            continue
        result.append(row)
    return LedgerPreview(workbook.source_name, sheet.name, tuple(result))


def _with(row: PreviewRow, status: RowStatus, problem: RowProblem | None = None) -> PreviewRow:
    from dataclasses import replace

    problems = row.problems if problem is None else (*row.problems, problem)
    return replace(row, status=status, problems=problems)


def _today() -> date:
    return datetime.now().astimezone().date()


@use_case("ledger.preview_import", Role.SAFETY_ADMIN)
def preview_ledger(
    uow: UnitOfWork,
    workbook: LedgerWorkbook,
    mapping: LedgerMapping,
    options: ImportOptions,
    today: date | None = None,
) -> LedgerPreview:
    """Every data row with what the import would do and why (reads only).

    Raises:
        ValidationError: ``ledger_mapping_no_description``, ``ledger_mapping_no_date``,
            ``ledger_mapping_doubled``, ``ledger_recorder_unknown``, ``category_unknown``.
    """
    with uow:
        return _check_rows(uow, workbook, mapping, options, today or _today())


def _found_at(day: date, at: time | None = None) -> datetime:
    """A ledger's day (and time, if it gave one) as the moment stored, plant-local.

    Without a time: local noon of that day (no time zone moves it to another day), stored only so that periods
    and sorting keep the hazard on its day; the hazard is marked ``found_date_only`` and the noon is never
    shown or printed."""
    return datetime.combine(day, time(12) if at is None else at).astimezone().astimezone(UTC)


@use_case("ledger.import", Role.SAFETY_ADMIN)
def import_ledger(
    uow: UnitOfWork,
    workbook: LedgerWorkbook,
    mapping: LedgerMapping,
    options: ImportOptions,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportResult:
    """Import the new rows of a ledger in one transaction; rows imported before are left alone.

    Each new row becomes a hazard (待定级, ungraded; numbered by the usual rule in the year found),
    with its old number as 原编号, the ledger's other fields kept beside it and its LEC values as an
    imported grading (history only). A file with no new row writes nothing (``batch_id`` None).

    Raises:
        DomainError: the mapping's refusals (see :func:`preview_ledger`), ``ledger_import_cancelled``.
    """
    now = utcnow()
    with uow:
        preview = _check_rows(uow, workbook, mapping, options, today or _today())
        new = [row for row in preview.rows if row.status is RowStatus.NEW]
        known = preview.count(RowStatus.KNOWN)
        refused = preview.count(RowStatus.REFUSED)
        if not new:
            return ImportResult(None, 0, known, refused, ())
        sets = uow.lec.threshold_sets()
        batch = LedgerBatch(
            id=new_id(),
            source_name=workbook.source_name,
            source_sha256=workbook.sha256,
            sheet_name=preview.sheet_name,
            rows_imported=len(new),
            rows_skipped=known + refused,
            created_at=now,
            updated_at=now,
        )
        uow.ledger.add_batch(batch)
        numbers: list[str] = []
        for offset in range(0, len(new), IMPORT_CHUNK):
            chunk = new[offset : offset + IMPORT_CHUNK]
            stored = uow.ledger.add_hazards([(_hazard(row, now), row.legacy_number) for row in chunk])
            uow.ledger.add_rows(
                [
                    ImportedRow(new_id(), batch.id, row.row_no, row.key, hazard.id, dict(row.kept), now, now)
                    for row, hazard in zip(chunk, stored, strict=True)
                ]
            )
            uow.ledger.add_gradings(
                [
                    _grading(row, hazard.id, batch, sets, now)
                    for row, hazard in zip(chunk, stored, strict=True)
                    if row.score is not None
                ]
            )
            numbers += [hazard.number for hazard in stored]
            if progress is not None and not progress(len(numbers), len(new)):
                raise DomainError("ledger_import_cancelled")
        uow.commit()
    return ImportResult(batch.id, len(new), known, refused, tuple(numbers))


def _hazard(row: PreviewRow, now: datetime) -> Hazard:
    """The new hazard of a checked row (待定级, ungraded; numbered when stored)."""
    assert row.found_on is not None and row.department_id is not None and row.found_by_id is not None
    assert row.category_code is not None
    return Hazard(
        id=new_id(),
        number="",
        description=row.description,
        location=row.location,
        equipment_tag="",
        department_id=row.department_id,
        category_code=row.category_code,
        subcategory_code=None,
        found_by_id=row.found_by_id,
        found_at=_found_at(row.found_on, row.found_time),
        status=HazardStatus.OPEN,
        grade=HazardGrade.UNGRADED,
        revision=1,
        created_at=now,
        updated_at=now,
        found_by_text=row.found_by_text,
        found_date_only=row.found_time is None,
    )


def _grading(
    row: PreviewRow, hazard_id: uuid.UUID, batch: LedgerBatch, sets: Sequence[ThresholdSet], now: datetime
) -> ImportedGrading:
    assert row.score is not None and row.found_on is not None
    band = None
    set_name = None
    try:
        threshold_set = threshold_set_in_force(sets, row.found_on)
        band = threshold_set.band_for(row.score)
        set_name = threshold_set.name
    except ValidationError:
        pass
    return ImportedGrading(
        id=new_id(),
        hazard_id=hazard_id,
        batch_id=batch.id,
        source_name=batch.source_name,
        sheet_name=batch.sheet_name,
        row_no=row.row_no,
        likelihood=row.likelihood,
        exposure=row.exposure,
        consequence=row.consequence,
        score=row.score,
        band_code=band.code if band else None,
        band_name_zh=band.name_zh if band else None,
        band_name_en=band.name_en if band else None,
        threshold_set_name=set_name,
        legacy_grade=row.legacy_grade,
        created_at=now,
        updated_at=now,
    )


@use_case("ledger.origin", *EVERYONE)
def ledger_origin(uow: UnitOfWork, hazard_id: uuid.UUID) -> LedgerOrigin | None:
    """Where an imported hazard came from (None for a hazard entered in the program)."""
    with uow:
        return uow.ledger.origin(hazard_id)


@use_case("ledger.choose_options", *EVERYONE)
def choose_options(uow: UnitOfWork, recorder: str = "", department: str = "", category: str = "") -> ImportOptions:
    """Options from names (the command line): the recorder by name (default: the first active person
    of a safety department, else the first active person), a default department by name or code
    (default: none), a default category by code or name (default: none; rows without a category, or
    naming one the register does not know, are then refused).

    Raises:
        ValidationError: ``ledger_recorder_unknown``, ``ledger_no_people``, ``department_unknown``,
            ``category_unknown``.
    """
    with uow:
        lookups = _lookups(uow)
        people = [p for p in lookups.people if p.active]
        if recorder:
            person = next((p for p in people if _same(p.name) == _same(recorder)), None)
            if person is None:
                raise ValidationError("ledger_recorder_unknown", field="recorder", value=recorder)
        else:
            if not people:
                raise ValidationError("ledger_no_people", field="recorder")
            safety = {d.id for d in lookups.departments if d.kind.value == "safety"}
            person = next((p for p in people if p.department_id in safety), people[0])
        department_id = None
        if department:
            found = _department(department, lookups)
            if found is None:
                raise ValidationError("department_unknown", field="department", value=department)
            department_id = found.id
        category_code = None
        if category:
            chosen = _category(category, lookups)
            if chosen is None:
                raise ValidationError("category_unknown", field="category", value=category)
            category_code = chosen.code
        return ImportOptions(person.id, department_id, category_code)


@dataclass(frozen=True, slots=True)
class ImportChoices:
    """What the import dialog offers: active people (recorder), departments, categories, and the defaults."""

    people: tuple[Person, ...]
    departments: tuple[Department, ...]
    categories: tuple[Category, ...]
    recorder_id: uuid.UUID | None


@use_case("ledger.import_choices", *EVERYONE)
def import_choices(uow: UnitOfWork) -> ImportChoices:
    """The choices of the import dialog (the recorder proposed as :func:`choose_options` would)."""
    with uow:
        lookups = _lookups(uow)
    people = tuple(p for p in lookups.people if p.active)
    departments = tuple(d for d in lookups.departments if d.active)
    safety = {d.id for d in departments if d.kind.value == "safety"}
    recorder = next((p for p in people if p.department_id in safety), people[0] if people else None)
    return ImportChoices(people, departments, lookups.categories, recorder.id if recorder else None)

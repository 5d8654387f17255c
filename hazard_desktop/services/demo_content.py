"""Chinese content for demo and load-test data: people, and hazards built from templates.

The tables are data, in ``hazard_desktop/demo_data/register.json`` (read once, through
``importlib.resources``, so a frozen build finds them too); this module is the deterministic
generator over them. A hazard description is a template of its
subcategory (rule §4.5–§4.10) filled with an equipment tag of the department that owns it (e.g.
``P-101A``, ``V-203``, ``T-305``, ``E-110``), a chemical, a number of days and so on, so that even
100,000 generated hazards read like real register entries and are rarely identical.

Department codes are those of ``reference_data/departments.json``; subcategory codes those of
``reference_data/categories.json`` (the unit tests check both).
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import string
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["DemoHazardSpec", "hazard_specs", "people_specs", "subcategory_codes"]

FOUND_SPAN_DAYS = 730  # hazards are spread over the two years before the reference date


@dataclass(frozen=True)
class DemoHazardSpec:
    """One generated hazard; ``found_offset_days`` counts back from the reference date."""

    description: str
    location: str
    equipment_tag: str
    department_code: str
    category_code: str
    subcategory_code: str | None
    found_offset_days: int


# --------------------------------------------------------------------------------------------
# The tables (demo_data/register.json)

DATA_PACKAGE = "hazard_desktop.demo_data"
DATA_FILE = "register.json"


def _load() -> dict[str, Any]:
    text = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True)
class _Dept:
    code: str
    area: int  # first digit of equipment tags; 0 = offices without process equipment
    kinds: tuple[str, ...]  # tag kinds present
    places: Mapping[str, tuple[str, ...]]  # tag kind (or "" = anywhere) -> places


def _filler(values: list[str] | dict[str, int]) -> tuple[str, ...]:
    """A list of values, or ``{"from", "to", "step"}``: the whole numbers of that range, as text."""
    if isinstance(values, dict):
        return tuple(str(n) for n in range(values["from"], values["to"] + 1, values.get("step", 1)))
    return tuple(values)


_Template = str | tuple[str, tuple[str, ...]]  # a text, or (text, the only departments it fits)

_DATA = _load()
_PEOPLE: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (p["name"], p["department"], tuple(p["roles"])) for p in _DATA["people"]
)
_DEPTS: tuple[_Dept, ...] = tuple(
    _Dept(d["code"], d["area"], tuple(d["kinds"]), {k: tuple(v) for k, v in d["places"].items()})
    for d in _DATA["departments"]
)
_WORKSHOPS: tuple[str, ...] = tuple(_DATA["workshops"])
_TAG_PREFIX: dict[str, str] = _DATA["tag_prefix"]  # tag kind -> prefix; pumps come in A/B pairs
_TAG_COUNT: dict[str, int] = _DATA["tag_count"]  # how many numbers a department has (default 12)
_FILLERS: dict[str, tuple[str, ...]] = {name: _filler(values) for name, values in _DATA["fillers"].items()}
# Description templates per subcategory. A tag placeholder restricts a template to departments with
# that equipment.
_TEMPLATES: dict[str, tuple[_Template, ...]] = {
    sub: tuple(t if isinstance(t, str) else (t["text"], tuple(t["departments"])) for t in templates)
    for sub, templates in _DATA["templates"].items()
}
# Remarks an inspector sometimes adds after the finding (about one description in three).
_REMARKS: tuple[str, ...] = tuple(_DATA["remarks"])
_REMARK_RATE: float = _DATA["remark_rate"]
# Departments a subcategory's untagged templates may go to (default: the workshops).
_SUBCATEGORY_DEPTS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["subcategory_departments"].items()}
# Share of each category in a plant's register, spread evenly over its subcategories.
_CATEGORY_SHARE: dict[str, float] = _DATA["category_share"]


def people_specs() -> list[tuple[str, str, tuple[str, ...]]]:
    """Demo staff as (name, department code, role values)."""
    return list(_PEOPLE)


def _tags(area: int, kind: str) -> tuple[str, ...]:
    prefix = _TAG_PREFIX[kind]
    count = _TAG_COUNT.get(kind, 12)
    if kind == "pump":
        return tuple(f"P-{area}{n:02d}{ab}" for n in range(1, count + 1) for ab in "AB")
    if kind == "line":
        return tuple(f"PL-{area}{n:03d}" for n in range(1, 40, 3))
    if kind == "gd":
        return tuple(f"GD-{area}{n:02d}" for n in range(1, 25, 2))
    return tuple(f"{prefix}-{area}{n:02d}" for n in range(1, count + 1))


# --------------------------------------------------------------------------------------------
# Compiled tables


@dataclass(frozen=True)
class _Compiled:
    text: str
    fields: tuple[str, ...]
    tag_kind: str  # first tag placeholder, "" if none
    depts: tuple[_Dept, ...]


def _fields(text: str) -> tuple[str, ...]:
    names = (name for _, name, _, _ in string.Formatter().parse(text) if name)
    return tuple(dict.fromkeys(names))


def _compile() -> dict[str, tuple[_Compiled, ...]]:
    by_code = {d.code: d for d in _DEPTS}
    result: dict[str, tuple[_Compiled, ...]] = {}
    for sub, templates in _TEMPLATES.items():
        compiled = []
        for template in templates:
            text, allowed = (
                (template, _SUBCATEGORY_DEPTS.get(sub, _WORKSHOPS)) if isinstance(template, str) else template
            )
            fields = _fields(text)
            unknown = [f for f in fields if f not in _TAG_PREFIX and f not in _FILLERS]
            if unknown:
                raise ValueError(f"template {text!r} has unknown fields {unknown}")
            kinds = [f for f in fields if f in _TAG_PREFIX]
            depts = tuple(by_code[c] for c in allowed if all(k in by_code[c].kinds for k in kinds))
            if not depts:
                raise ValueError(f"no department has the equipment of template {text!r}")
            compiled.append(_Compiled(text, fields, kinds[0] if kinds else "", depts))
        result[sub] = tuple(compiled)
    return result


_COMPILED = _compile()
_SUBCATEGORIES = tuple(_COMPILED)
_DEPT_TAGS = {d.code: {k: _tags(d.area, k) for k in d.kinds} for d in _DEPTS}
_PLACE_FIELDS = {p: _fields(p) for d in _DEPTS for ps in d.places.values() for p in ps}


def _category_of(code: str) -> str:
    """The category of a template key: 4.6.1 → 4.6; a category without subdivisions is its own key (4.10)."""
    return code if code.count(".") == 1 else code.rsplit(".", 1)[0]


def _cumulative_weights() -> list[float]:
    categories = [_category_of(code) for code in _SUBCATEGORIES]
    weights = [_CATEGORY_SHARE[c] / categories.count(c) for c in categories]
    return list(itertools.accumulate(weights))


_CUM_WEIGHTS = _cumulative_weights()


def subcategory_codes() -> tuple[str, ...]:
    """Every subcategory code the generator has templates for, in rule order."""
    return _SUBCATEGORIES


def hazard_specs(count: int, seed: int = 2026) -> list[DemoHazardSpec]:
    """Generate ``count`` hazards, the same list for the same seed.

    The first specs cover every subcategory once (in shuffled order); later ones follow the
    category weights. A shorter list is a prefix of a longer one with the same seed.
    """
    rng = random.Random(seed)
    rnd = rng.random
    first = list(_SUBCATEGORIES)
    rng.shuffle(first)
    total = _CUM_WEIGHTS[-1]
    specs: list[DemoHazardSpec] = []
    append = specs.append
    for i in range(count):
        sub = first[i] if i < len(first) else _SUBCATEGORIES[bisect.bisect(_CUM_WEIGHTS, rnd() * total)]
        templates = _COMPILED[sub]
        template = templates[int(rnd() * len(templates))]
        dept = template.depts[int(rnd() * len(template.depts))]
        kind_places = dept.places.get(template.tag_kind)
        places = kind_places if kind_places and rnd() < 0.8 else dept.places[""]
        place = places[int(rnd() * len(places))]
        tags = _DEPT_TAGS[dept.code]
        values: dict[str, str] = {}
        for name in template.fields + _PLACE_FIELDS[place]:
            if name not in values:
                pool = tags.get(name) or _FILLERS[name]
                values[name] = pool[int(rnd() * len(pool))]
        description = template.text.format_map(values)
        if rnd() < _REMARK_RATE:
            description += _REMARKS[int(rnd() * len(_REMARKS))]
        tag_kind = template.tag_kind or next((f for f in _PLACE_FIELDS[place] if f in tags), "")
        append(
            DemoHazardSpec(
                description=description,
                location=place.format_map(values) if _PLACE_FIELDS[place] else place,
                equipment_tag=values[tag_kind] if tag_kind else "",
                department_code=dept.code,
                category_code=_category_of(sub),
                subcategory_code=None if sub == _category_of(sub) else sub,
                found_offset_days=int(rnd() * FOUND_SPAN_DAYS),
            )
        )
    return specs

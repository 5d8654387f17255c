"""Seed the shipped default reference data into an empty database."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion
from hazard_desktop.domain.lec import Band, EdgeRule, Factor, ScaleValue, ThresholdSet, validate_bands
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Category, Department, DepartmentKind, Subcategory
from hazard_desktop.services.ports import UnitOfWork

DEFAULT_SETTINGS = {
    "plant_name": "某化工有限公司",
    "decimals": "2",
}


def load(name: str) -> Any:
    """Parse one shipped JSON file of ``hazard_desktop/reference_data``."""
    text = resources.files("hazard_desktop.reference_data").joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(text)


def _limit(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def default_threshold_sets(first_use: date | None = None) -> list[ThresholdSet]:
    """The shipped D.4 band sets as domain objects (also used without a database).

    A set without an ``effective_from`` (the rule's own 表D.4, which names no date) takes effect on
    ``first_use``: the day the plant starts using the program (default: today). The plant may set
    another date in the settings.
    """
    now = utcnow()
    start = first_use or date.today()
    result = []
    for item in load("threshold_sets"):
        bands = tuple(
            Band(
                code=b["code"],
                rank=int(b["rank"]),
                name_zh=b["name_zh"],
                name_en=b["name_en"],
                action_zh=b["action_zh"],
                action_en=b["action_en"],
                colour=b["colour"],
                lower=_limit(b["lower"]),
                upper=_limit(b["upper"]),
            )
            for b in item["bands"]
        )
        validate_bands(bands)
        result.append(
            ThresholdSet(
                id=new_id(),
                name=item["name"],
                effective_from=date.fromisoformat(item["effective_from"]) if item["effective_from"] else start,
                edge_rule=EdgeRule(item["edge_rule"]),
                bands=bands,
                created_at=now,
                updated_at=now,
            )
        )
    return result


def default_scale_values() -> list[ScaleValue]:
    """The shipped tables D.1–D.3."""
    data = load("lec_scales")
    return [
        ScaleValue(Factor(factor), Decimal(v["value"]), v["meaning_zh"], v["meaning_en"])
        for factor in ("L", "E", "C")
        for v in data[factor]
    ]


def seed_reference_data(uow: UnitOfWork, *, first_use: date | None = None) -> bool:
    """Fill an empty database with the default reference data; do nothing if already seeded.

    ``first_use``: the day the plant starts using the program (the rule's 表D.4 takes effect then; default today).

    Returns:
        True if data was written.
    """
    with uow:
        if uow.reference.departments(include_inactive=True):
            return False
        now = utcnow()
        for dep in load("departments"):
            uow.reference.save_department(
                Department(new_id(), dep["code"], dep["name"], DepartmentKind(dep["kind"]), True, now, now)
            )
        for order, cat in enumerate(load("categories"), start=1):
            subs = tuple(
                Subcategory(s["code"], cat["code"], s["name_zh"], s["name_en"], n)
                for n, s in enumerate(cat["subcategories"], start=1)
            )
            uow.reference.save_category(Category(cat["code"], cat["name_zh"], cat["name_en"], order, subs))
        for value in default_scale_values():
            uow.lec.save_scale_value(value)
        for threshold_set in default_threshold_sets(first_use):
            uow.lec.add_threshold_set(threshold_set)
        for item in load("major_criteria"):
            uow.criteria.add(
                MajorCriterion(
                    id=new_id(),
                    code=item["code"],
                    text=item["text"],
                    source=CriteriaSource(item["source"]),
                    clause=item["clause"],
                    category_code=item.get("category_code"),
                    version=1,
                    supersedes_id=None,
                    retired_at=None,
                    created_at=now,
                    updated_at=now,
                )
            )
        for key, text in DEFAULT_SETTINGS.items():
            if uow.settings.get(key) is None:
                uow.settings.set(key, text)
        uow.commit()
        return True

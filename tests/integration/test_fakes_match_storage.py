"""The in-memory fakes (tests/fakes.py) answer as the SQL repositories do, so use-case tests on them mean something.

Both are seeded by the same code and then changed by the same use cases; what the use cases read back must
be equal apart from the generated ids and times.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from hazard_desktop.app import close_context
from hazard_desktop.domain.inspections import draft_of
from hazard_desktop.services import inspections as inspection_service
from hazard_desktop.services import reference_admin as ra
from hazard_desktop.services.context import AppContext
from tests.factories import make_context
from tests.fakes import fake_context


@pytest.fixture
def both(tmp_path) -> Iterator[tuple[AppContext, AppContext]]:
    real = make_context(tmp_path / "data")
    yield real, fake_context()
    close_context(real)


def readback(ctx: AppContext) -> dict[str, object]:
    """What the settings dialog and the template list show, without generated ids and times."""
    return {
        "departments": [(d.code, d.name, d.kind, d.active) for d in ra.list_departments(ctx.uow())],
        "people": [(p.name, p.employee_no, p.active) for p in ra.list_people(ctx.uow())],
        "categories": [
            (c.code, c.name_zh, c.sort_order, [(s.code, s.name_zh) for s in c.subcategories])
            for c in ra.list_categories(ctx.uow())
        ],
        "scales": [(v.factor, v.value, v.meaning_zh) for v in ra.list_scale_values(ctx.uow())],
        "threshold_sets": [(s.name, s.effective_from, s.edge_rule, s.bands) for s in ra.list_threshold_sets(ctx.uow())],
        "criteria": [
            (c.code, c.text, c.version, c.retired_at is None) for c in ra.list_criteria(ctx.uow(), include_retired=True)
        ],
        "settings": ra.get_settings(ctx.uow()),
        "templates": [
            (t.code, t.name, t.version, t.published, t.active, draft_of(t))
            for t in inspection_service.list_templates(ctx.uow(), include_retired=True)
        ],
    }


def test_seeded_fakes_read_back_as_a_new_database(both) -> None:
    real, fake = both
    assert readback(fake) == readback(real)


def test_after_the_same_changes_the_fakes_read_back_as_the_database(both) -> None:
    for ctx in both:
        department = ra.save_department(ctx.uow(), None, "HC3", "合成三车间", "workshop")
        ra.save_person(ctx.uow(), None, "阿伟", "E9", department.id, ["inspector"])
        ra.save_person(ctx.uow(), None, "张三", "E8", department.id, ["inspector"])
        criterion = ra.list_criteria(ctx.uow())[0]
        ra.revise_criterion(ctx.uow(), criterion.id, criterion.text + "（修订）", criterion.clause)
        jc = next(t for t in inspection_service.list_templates(ctx.uow()) if t.code == "JC-01")
        mine = inspection_service.create_template(
            ctx.uow(), dataclasses.replace(draft_of(jc), name="月检", code="AA-01")
        )
        inspection_service.set_template_retired(ctx.uow(), mine.template_id, True)
    real, fake = both
    assert readback(fake) == readback(real)

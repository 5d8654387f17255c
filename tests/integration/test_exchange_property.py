"""Property (issue 15): whatever the edits on the office and two laptops and whatever the order of the
exchanges between them (repeated, out of order, files never imported), once every conflict is resolved and
everyone has exchanged with the office again, the three registers hold the same records."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from hazard_desktop.app import build_context
from hazard_desktop.domain.exchange import Side
from hazard_desktop.services import exchange as ex
from hazard_desktop.services.hazards import create_hazard, update_hazard
from tests.factories import hazard_input
from tests.integration.exchange_helpers import Site, contents, laptop, office

SITES = ("HQ", "A1", "A2")
EXAMPLES = int(os.environ.get("EXCHANGE_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def template():
    """Office and two joined laptops, made once; each example works on copies of the three folders."""
    root = Path(tempfile.mkdtemp(prefix="exchange-template-"))
    hq = office(root)
    sites = [hq, laptop(root, hq, "A1"), laptop(root, hq, "A2")]
    for site in sites:
        site.close()
    yield root
    shutil.rmtree(root, ignore_errors=True)


find = st.tuples(st.just("find"), st.sampled_from(SITES))
FIELDS = st.sampled_from(["description", "location"])
edit = st.tuples(st.just("edit"), st.sampled_from(SITES), st.integers(0, 5), FIELDS)
sync = st.tuples(st.just("sync"), st.sampled_from(["A1", "A2"]), st.sampled_from(["up", "down"]), st.booleans())
step = st.one_of(find, edit, sync)


def _apply(sites: dict[str, Site], action: tuple, counter: list[int]) -> None:
    kind = action[0]
    if kind == "find":
        site = sites[action[1]]
        with site.context.uow() as uow:
            person = uow.reference.people()[0]
        counter[0] += 1
        at = datetime(2026, 3, 1, 8, 0, tzinfo=UTC) + timedelta(minutes=counter[0])
        data = hazard_input(site.context, person, description=f"隐患 {counter[0]}", found_at=at)
        create_hazard(site.context.uow(), data)
    elif kind == "edit":
        site = sites[action[1]]
        ids = sorted(contents(site)["hazard"])
        if not ids:
            return
        import uuid

        with site.context.uow() as uow:
            h = uow.hazards.get(uuid.UUID(ids[action[2] % len(ids)]))
            person = uow.reference.people()[0]
        assert h is not None
        counter[0] += 1
        values = {"description": h.description, "location": h.location, action[3]: f"{site.code} 改 {counter[0]}"}
        data = hazard_input(
            site.context, person, department_id=h.department_id, found_at=h.found_at, category_code=h.category_code,
            subcategory_code=h.subcategory_code, equipment_tag=h.equipment_tag, **values,
        )  # fmt: skip
        update_hazard(site.context.uow(), h.id, h.revision, data)
    else:
        _, code, way, imported = action
        source, target = (sites[code], sites["HQ"]) if way == "up" else (sites["HQ"], sites[code])
        file = source.send(None if way == "up" else code)
        if imported:  # a file may be lost on the way; the next one must still converge
            target.take(file)


def _settle(sites: dict[str, Site]) -> None:
    """Resolve every conflict (the office keeps its own, a laptop takes the office's) and exchange until quiet."""
    hq = sites["HQ"]
    for _round in range(4):
        for code in ("A1", "A2"):
            hq.take(sites[code].send())
            for conflict in ex.conflicts(hq.store):
                ex.resolve_conflict(hq.store, conflict.id, {})
        for code in ("A1", "A2"):
            lap = sites[code]
            lap.take(hq.send(code))
            for conflict in ex.conflicts(lap.store):
                ex.resolve_conflict(lap.store, conflict.id, {f.name: Side.INCOMING for f in conflict.fields})


@settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)  # fmt: skip
@given(st.lists(step, min_size=1, max_size=12))
def test_random_edits_and_exchange_orders_converge(template, actions):
    work = Path(tempfile.mkdtemp(prefix="exchange-example-"))
    sites: dict[str, Site] = {}
    try:
        for code in SITES:
            shutil.copytree(template / code, work / code)
            sites[code] = Site(work / code, build_context(work / code), code)
        counter = [0]
        for action in actions:
            _apply(sites, action, counter)
        _settle(sites)
        states = {code: contents(site) for code, site in sites.items()}
        for kind in ("hazard", "hazard_transition"):
            assert states["HQ"][kind] == states["A1"][kind] == states["A2"][kind], kind
        assert all(not ex.conflicts(site.store) for site in sites.values())
        # every hazard found anywhere has a number of its own
        numbers = [row[1] for row in states["HQ"]["hazard"].values()]
        assert len(numbers) == len(set(numbers)) == sum(1 for a in actions if a[0] == "find")
    finally:
        for site in sites.values():
            site.close()
        shutil.rmtree(work, ignore_errors=True)

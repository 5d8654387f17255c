"""`hazard-desktop demo` grades its hazards: meetings, criteria, LEC panels, decisions, ruled disputes,
statuses that follow, all consistent with the register and kept when the database is reopened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.grading import DisputeState, GradingMethod
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.services import grading as svc
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import build_demo
from hazard_desktop.services.ports import RegisterFilter, SortKey

REFERENCE = datetime(2026, 6, 30, 8, 0, tzinfo=UTC)
BANDS = {"slight": 5, "general": 4, "significant": 3, "high": 2, "extreme": 1}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Iterator:
    path = tmp_path_factory.mktemp("demo")
    context = build_context(path)
    try:
        result = build_demo(context.uow, context.bulk_writer(), context.images, None, reference=REFERENCE)
    finally:
        close_context(context)
    yield path, result


@pytest.fixture
def demo(folder) -> Iterator[AppContext]:
    context = build_context(folder[0])
    yield context
    close_context(context)


def all_rows(context):
    return context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10_000)


def test_demo_reports_what_it_graded(folder):
    result = folder[1]
    assert result.hazards == 300 and result.meetings >= 5 and result.gradings >= 200 and result.disputes >= 2


def test_demo_has_hazards_of_every_category_graded_by_every_method(demo):
    rows = all_rows(demo)
    assert len(rows) >= 200
    assert {r.category_code for r in rows} == {"4.5", "4.6", "4.7", "4.8", "4.9", "4.10"}
    methods = Counter(r.grading_method for r in rows)
    assert methods["criteria"] >= 5 and methods["panel_decision"] >= 2 and methods["lec_panel"] >= 150
    assert methods[None] >= 10  # recent finds still wait for a meeting
    assert set(Counter(r.band_code for r in rows if r.grading_method == "lec_panel")) == set(BANDS)
    meetings = svc.meetings(demo.uow())
    assert len(meetings) >= 5 and all(m.gradings == m.confirmed > 0 for m in meetings)
    assert sum(1 for m in meetings if m.gradings > 1) >= 5  # batches


def test_demo_register_columns_match_the_final_gradings(demo):
    rows = all_rows(demo)
    for row in rows:
        final = svc.final_grading(demo.uow(), row.id)
        if final is None:
            assert (row.status, row.grade, row.grading_method) == (HazardStatus.OPEN, HazardGrade.UNGRADED, None)
            continue
        assert row.status is not HazardStatus.OPEN
        assert (row.grade, row.grading_method, row.band_code, row.mean_d) == (
            final.grade,
            final.method.value,
            final.band_code,
            final.mean_d,
        )
        if final.method is not GradingMethod.LEC_PANEL:
            assert final.grade is HazardGrade.MAJOR
    statuses = Counter(r.status for r in rows)
    assert all(statuses[s] > 0 for s in HazardStatus)


def test_demo_disputes_are_ruled_up_and_confirmed_and_stay_in_history(demo):
    with demo.uow() as uow:
        disputes = uow.gradings.disputes()
        pairs = []
        for dispute in disputes:
            if dispute.state is DisputeState.RULED:
                original = uow.gradings.get(dispute.grading_id)
                ruling = uow.gradings.get(dispute.ruling_grading_id)
                pairs.append((original, ruling))
    assert sum(1 for d in disputes if d.state is DisputeState.RULED) >= 2
    assert {d.state for d in disputes} == set(DisputeState)
    moves = {BANDS[o.band_code] - BANDS[r.band_code] for o, r in pairs}
    assert moves == {0, 1}  # one confirmed, one ruled a band up
    for original, ruling in pairs:
        assert ruling.is_ruling and ruling.confirmed and len(ruling.scores) % 2 == 1
        history = svc.grading_history(demo.uow(), original.hazard_id)
        assert [e.grading.id for e in history if e.is_final] == [ruling.id]
        assert original.id in {e.grading.id for e in history if e.grading is not None}
    marked = demo.register.page(RegisterFilter(disputed=True), SortKey.DISPUTE, False, 0, 50)
    assert sorted(r.dispute_state for r in marked) == sorted(d.state.value for d in disputes)


def test_demo_gradings_survive_reopening(folder, demo):
    with demo.uow() as uow:
        before = (uow.gradings.count(), len(uow.gradings.meetings()), len(uow.gradings.disputes()))
    rows_before = all_rows(demo)
    again = build_context(folder[0])
    try:
        with again.uow() as uow:
            assert (uow.gradings.count(), len(uow.gradings.meetings()), len(uow.gradings.disputes())) == before
        assert all_rows(again) == rows_before
    finally:
        close_context(again)

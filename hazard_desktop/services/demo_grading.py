"""Demo gradings: panel meetings grading the demo hazards by LEC, criteria and panel decision, disputes
ruled by the dispute panel (the rectification that follows: ``demo_rectification``).

Deterministic for a given hazard list and seed; everything goes through the grading use cases, one
transaction per meeting, so the demo exercises the same rules as the program. The first meeting also
carries the edge means of the rule (Σ D ÷ n exactly 20, 61/3 and 70) so the bands' edges have
something real to show.
"""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from hazard_desktop.domain.grading import GradingMethod, PanelRole
from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.services.grading import (
    CriterionEntry,
    GradingRequest,
    GradingSetup,
    PanelCandidate,
    PanelEntry,
    ScoreEntry,
    dispute_chairs,
    grade_batch,
    grading_setup,
    name_dispute_chairs,
    open_meeting,
    raise_dispute,
    rule_dispute,
    withdraw_dispute,
)
from hazard_desktop.services.ports import UnitOfWork

log = logging.getLogger(__name__)

UowFactory = Callable[[], UnitOfWork]

MIN_AGE_DAYS = 21  # hazards found in the last three weeks wait for the next meeting (待定级)
MEETING_PERIOD_DAYS = 30
MEETING_DELAY_DAYS = 5
LEFT_OPEN_EVERY = 23  # and now and then an older one is still waiting

Triple = tuple[str, str, str]

# Base (L, E, C) of each band of the standard D.4 table; members vary around the base.
_PROFILES: dict[str, tuple[Triple, ...]] = {
    "slight": (("1", "3", "3"), ("3", "2", "3"), ("1", "6", "3"), ("0.5", "6", "3"), ("3", "1", "3"), ("1", "3", "1")),
    "general": (("3", "6", "3"), ("1", "6", "7"), ("3", "3", "3"), ("3", "2", "7"), ("6", "3", "3"), ("1", "10", "3")),
    "significant": (("3", "6", "7"), ("6", "6", "3"), ("1", "6", "15"), ("3", "3", "15"), ("6", "2", "7")),
    "high": (("6", "6", "7"), ("3", "6", "15"), ("10", "6", "3"), ("6", "3", "15")),
    "extreme": (("6", "6", "15"), ("10", "6", "7"), ("3", "6", "40")),
}
_BAND_ORDER = ("slight", "general", "significant", "high", "extreme")
_BAND_WEIGHTS = (25, 40, 22, 10, 3)
_L_STEPS = ("0.1", "0.2", "0.5", "1", "3", "6", "10")
_E_STEPS = ("0.5", "1", "2", "3", "6", "10")

# Σ D ÷ n on the edges: 18+21+21 = 60 → 20 (稍有危险, upper inclusive); 20+20+21 → 61/3 (一般危险);
# 63+63+84 = 210 → 70 (一般危险).
_EDGE_PANELS: tuple[tuple[Triple, Triple, Triple], ...] = (
    (("3", "6", "1"), ("1", "3", "7"), ("1", "3", "7")),
    (("10", "2", "1"), ("10", "2", "1"), ("1", "3", "7")),
    (("3", "3", "7"), ("3", "3", "7"), ("6", "2", "7")),
)

_DECISION_REASONS = (
    "该隐患虽未列入重大隐患判定标准，但一旦失效可能引发火灾爆炸并波及相邻装置，小组一致判定为重大事故隐患。",
    "涉及重点监管危险化工工艺的关键联锁长期旁路，整改难度大、需停车处理，小组判定为重大事故隐患。",
    "现场多人同时暴露于有毒气体泄漏风险且无有效隔离措施，依据隐患定义（§4.3）判定为重大事故隐患。",
)

_DISPUTE_UP = (
    "本部门认为该处每班均有人员作业，暴露频率应按每天工作时间内暴露评定，原判定分值偏低。",
    "经争议判定小组复核：现场每班巡检及取样均需接近该处，暴露频率与后果均应上调，裁定提高一级，按裁定级别整改。",
)
_DISPUTE_SAME = (
    "本部门认为已采取临时防护措施，发生事故的可能性较小，原判定级别偏高。",
    "经争议判定小组复核：临时措施不能替代根本整改，各成员评分后均值仍在原级别内，裁定维持原判定级别。",
)
_DISPUTE_OPEN = "本部门对后果严重程度的评分有不同意见，申请争议判定小组复核。"
_DISPUTE_WITHDRAWN = ("本部门认为该隐患已在检修中消除，申请复核。", "经与安环部现场核实，隐患尚未消除，撤回争议。")


@dataclass(frozen=True)
class DemoGradingResult:
    """What the demo grading step wrote."""

    meetings: int
    gradings: int
    disputes: int
    ruled: int


@dataclass(frozen=True, slots=True)
class _Pools:
    safety: tuple[PanelCandidate, ...]
    production: tuple[PanelCandidate, ...]
    union: tuple[PanelCandidate, ...]
    business: tuple[PanelCandidate, ...]
    leader: PanelCandidate
    chief: PanelCandidate | None
    deputy: PanelCandidate | None
    by_department: dict[object, tuple[PanelCandidate, ...]]


def _pools(setup: GradingSetup) -> _Pools | None:
    def kind(k: DepartmentKind) -> tuple[PanelCandidate, ...]:
        return tuple(p for p in setup.people if p.department_kind is k)

    safety, production, union = kind(DepartmentKind.SAFETY), kind(DepartmentKind.PRODUCTION), kind(DepartmentKind.UNION)
    if not (safety and production and union and setup.leaders and setup.in_force is not None):
        return None
    by_department: dict[object, list[PanelCandidate]] = {}
    for person in setup.people:
        by_department.setdefault(person.department_id, []).append(person)
    return _Pools(
        safety=safety,
        production=production,
        union=union,
        business=kind(DepartmentKind.BUSINESS),
        leader=setup.leaders[0],
        chief=next(iter(setup.dispute_leaders), None),
        deputy=next(iter(setup.dispute_deputies), None),
        by_department={k: tuple(v) for k, v in by_department.items()},
    )


def _step(steps: tuple[str, ...], value: str, by: int) -> str:
    index = steps.index(value) if value in steps else 0
    return steps[max(0, min(len(steps) - 1, index + by))]


def _vary(rng: random.Random, base: Triple) -> Triple:
    """A member's own view of the base triple: L or E a step off now and then."""
    lv, ev, cv = base
    roll = rng.random()
    if roll < 0.25:
        lv = _step(_L_STEPS, lv, rng.choice((-1, 1)))
    elif roll < 0.40:
        ev = _step(_E_STEPS, ev, rng.choice((-1, 1)))
    return lv, ev, cv


def _panel(rng: random.Random, pools: _Pools, n: int) -> list[PanelCandidate]:
    """Three (one of 安环部, 生产部, 工会) or five (two, two, one) distinct members."""
    size = 5 if rng.random() < 0.35 and len(pools.safety) > 1 and len(pools.production) > 1 else 3
    safety = [pools.safety[(n + k) % len(pools.safety)] for k in range(2 if size == 5 else 1)]
    production = [pools.production[(n + k) % len(pools.production)] for k in range(2 if size == 5 else 1)]
    return [*safety, *production, pools.union[n % len(pools.union)]]


def _scores(members: Sequence[PanelCandidate], triples: Sequence[Triple], roles: Sequence[PanelRole] = ()) -> tuple:
    return tuple(
        ScoreEntry(m.person_id, lv, ev, cv, roles[k] if roles else PanelRole.MEMBER)
        for k, (m, (lv, ev, cv)) in enumerate(zip(members, triples, strict=True))
    )


def _decision_panel(pools: _Pools) -> tuple[PanelEntry, ...]:
    """The panel recorded for a grading decided without scores: one of 安环部, 生产部, 工会 (the leader 组长)."""
    members = [pools.safety[0], pools.production[0], pools.union[0]]
    return tuple(
        PanelEntry(m.person_id, PanelRole.LEADER if m.person_id == pools.leader.person_id else PanelRole.MEMBER)
        for m in members
    )


def _lec_scores(rng: random.Random, pools: _Pools, n: int, band: str | None = None) -> tuple:
    members = _panel(rng, pools, n)
    band = band or rng.choices(_BAND_ORDER, weights=_BAND_WEIGHTS)[0]
    base = rng.choice(_PROFILES[band])
    return _scores(members, [_vary(rng, base) for _ in members])


def _at(day: date, hour: int = 1, minute: int = 30) -> datetime:
    """A UTC time stamp on ``day`` (01:30 UTC is 09:30 at the plant)."""
    return datetime.combine(day, time(hour, minute), UTC)


def _requests(
    rng: random.Random,
    setup: GradingSetup,
    pools: _Pools,
    batch: Sequence[Hazard],
    counter: list[int],
    first_meeting: bool,
) -> list[GradingRequest]:
    by_category: dict[str | None, list] = {}
    for criterion in setup.criteria:
        by_category.setdefault(criterion.category_code, []).append(criterion)
    requests = []
    for k, hazard in enumerate(batch):
        n = counter[0]
        counter[0] += 1
        candidates = by_category.get(hazard.category_code, [])
        if first_meeting and k < len(_EDGE_PANELS):
            members = [pools.safety[0], pools.production[0], pools.union[0]]
            requests.append(GradingRequest(hazard.id, scores=_scores(members, _EDGE_PANELS[k])))
        elif candidates and n % 9 == 4:
            chosen = [candidates[n % len(candidates)]]
            if n % 4 == 0 and len(candidates) > 1:
                chosen.append(candidates[(n + 1) % len(candidates)])
            criteria = tuple(
                CriterionEntry(c.id, f"现场检查发现：{hazard.description}（{hazard.location}）") for c in chosen
            )
            scores = _lec_scores(rng, pools, n, "high") if n % 2 == 0 else ()
            panel = () if scores else _decision_panel(pools)
            requests.append(GradingRequest(hazard.id, GradingMethod.CRITERIA, scores, criteria, panel=panel))
        elif n % 23 == 11:
            reason = _DECISION_REASONS[n % len(_DECISION_REASONS)]
            scores = _lec_scores(rng, pools, n, "significant")
            requests.append(GradingRequest(hazard.id, GradingMethod.PANEL_DECISION, scores, reason=reason))
        else:
            requests.append(GradingRequest(hazard.id, scores=_lec_scores(rng, pools, n)))
    return requests


def _meeting_batches(hazards: Sequence[Hazard], reference: datetime) -> list[tuple[date, list[Hazard]]]:
    """Hazards old enough to be graded, grouped into monthly meetings held a few days after the period."""
    cutoff = reference - timedelta(days=MIN_AGE_DAYS)
    eligible = sorted((h for h in hazards if h.found_at <= cutoff), key=lambda h: (h.found_at, h.number))
    eligible = [h for n, h in enumerate(eligible) if n % LEFT_OPEN_EVERY != LEFT_OPEN_EVERY - 1]
    if not eligible:
        return []
    start = eligible[0].found_at.date()
    groups: dict[int, list[Hazard]] = {}
    for hazard in eligible:
        groups.setdefault((hazard.found_at.date() - start).days // MEETING_PERIOD_DAYS, []).append(hazard)
    batches = []
    for _, batch in sorted(groups.items()):
        latest = max(h.found_at.date() for h in batch)
        held_on = min(latest + timedelta(days=MEETING_DELAY_DAYS), reference.date())
        batches.append((held_on, batch))
    return batches


def _ensure_methods(requests: list[GradingRequest], hazards: dict, setup: GradingSetup, pools: _Pools) -> None:
    """Small demos (a fixture of 40 hazards) still get one criteria and one decision grading."""
    methods = {r.method for r in requests}
    lec = [i for i, r in enumerate(requests) if r.method is GradingMethod.LEC_PANEL][len(_EDGE_PANELS) :]
    if GradingMethod.CRITERIA not in methods:
        for i in lec:
            hazard = hazards[requests[i].hazard_id]
            criterion = next((c for c in setup.criteria if c.category_code == hazard.category_code), None)
            if criterion is not None:
                evidence = f"现场检查发现：{hazard.description}（{hazard.location}）"
                requests[i] = GradingRequest(
                    hazard.id,
                    GradingMethod.CRITERIA,
                    (),
                    (CriterionEntry(criterion.id, evidence),),
                    panel=_decision_panel(pools),
                )
                lec.remove(i)
                break
    if GradingMethod.PANEL_DECISION not in methods and lec:
        i = lec[-1]
        requests[i] = dataclasses.replace(requests[i], method=GradingMethod.PANEL_DECISION, reason=_DECISION_REASONS[0])


def _dispute_panel(
    rng: random.Random, pools: _Pools, raising: PanelCandidate, triples: Sequence[Triple]
) -> tuple | None:
    if pools.chief is None or pools.deputy is None or not pools.business:
        return None
    others = [p for p in pools.safety if p.person_id != pools.deputy.person_id] or list(pools.safety)
    members = [pools.chief, pools.deputy, others[0], pools.production[0], pools.business[0], pools.union[0], raising]
    if len({m.person_id for m in members}) != len(members):
        return None
    roles = [PanelRole.LEADER, PanelRole.DEPUTY] + [PanelRole.MEMBER] * 5
    return _scores(members, [triples[k % len(triples)] for k in range(len(members))], roles)


def _band_up(band: str | None) -> str | None:
    if band not in _BAND_ORDER or band == _BAND_ORDER[-1]:
        return None
    return _BAND_ORDER[_BAND_ORDER.index(band) + 1]


def _disputes(
    uow_factory: UowFactory,
    rng: random.Random,
    pools: _Pools,
    gradings: list,
    hazards: dict,
    reference: datetime,
) -> tuple[int, int]:
    """Two ruled disputes (one up a band, one confirmed), one open, one withdrawn."""
    latest = reference.date() - timedelta(days=30)
    candidates = []
    for grading in gradings:
        hazard = hazards[grading.hazard_id]
        raisers = [
            p for p in pools.by_department.get(hazard.department_id, ()) if p.department_kind is DepartmentKind.WORKSHOP
        ]
        if (
            grading.method is GradingMethod.LEC_PANEL
            and grading.graded_on <= latest
            and grading.band_code in ("general", "significant")
            and raisers
        ):
            candidates.append((grading, hazard, raisers[0]))
    plan = ("up", "same", "withdrawn", "open")
    chosen = candidates[:: max(1, len(candidates) // len(plan))][: len(plan)]
    if chosen and pools.chief is not None and pools.deputy is not None and not dispute_chairs(uow_factory()):
        # rule §7 names the 组长 and 副组长; the plant enters them in the settings
        first = min(grading.graded_on for grading, _hazard, _raiser in chosen)
        name_dispute_chairs(uow_factory(), first, pools.chief.person_id, pools.deputy.person_id)
    raised = ruled = 0
    for (grading, hazard, raiser), kind in zip(chosen, plan, strict=False):
        raised_on = grading.graded_on + timedelta(days=4)
        if kind == "up":
            target = _band_up(grading.band_code)
            assert target is not None
            triples: Sequence[Triple] = [_PROFILES[target][0], _PROFILES[target][0], _PROFILES[target][1]]
            reason, ruling = _DISPUTE_UP
        elif kind == "same":
            base = _PROFILES[grading.band_code][1]
            triples = [base]
            reason, ruling = _DISPUTE_SAME
        elif kind == "withdrawn":
            reason, ruling, triples = _DISPUTE_WITHDRAWN[0], _DISPUTE_WITHDRAWN[1], []
        else:
            reason, ruling, triples = _DISPUTE_OPEN, "", []
        if triples and _dispute_panel(rng, pools, raiser, triples) is None:
            continue
        dispute = raise_dispute(
            uow_factory(), grading.id, hazard.department_id, raiser.name, reason, at=_at(raised_on, 6)
        )
        raised += 1
        ruled_on = raised_on + timedelta(days=10)
        if kind == "withdrawn":
            withdraw_dispute(
                uow_factory(), dispute.id, ruling, person_name=raiser.name, at=_at(raised_on + timedelta(days=3), 7)
            )
        elif triples:
            scores = _dispute_panel(rng, pools, raiser, triples)
            assert scores is not None
            rule_dispute(uow_factory(), dispute.id, scores, ruling, ruled_on, at=_at(ruled_on, 7))
            ruled += 1
    return raised, ruled


def grade_demo(
    uow_factory: UowFactory, hazards: Sequence[Hazard], reference: datetime, *, seed: int = 2026
) -> DemoGradingResult:
    """Grade the demo ``hazards`` in monthly meetings, raise and rule disputes, advance statuses.

    Does nothing (and logs why) when the people needed for a panel are missing.
    """
    setup = grading_setup(uow_factory(), today=reference.date())
    pools = _pools(setup)
    if pools is None:
        log.info("demo gradings skipped: no panel of 安环部, 生产部 and 工会 or no threshold set")
        return DemoGradingResult(0, 0, 0, 0)
    rng = random.Random(seed)
    by_id = {h.id: h for h in hazards}
    batches = _meeting_batches(hazards, reference)
    plans = []
    counter = [0]
    year_count: dict[int, int] = {}
    for index, (held_on, batch) in enumerate(batches):
        plans.append((held_on, _requests(rng, setup, pools, batch, counter, index == 0)))
    every = [r for _, requests in plans for r in requests]
    if every:
        flat = list(every)
        _ensure_methods(flat, by_id, setup, pools)
        replaced = {r.hazard_id: r for r in flat}
        plans = [(held_on, [replaced[r.hazard_id] for r in requests]) for held_on, requests in plans]
    # rule §5: each grading records the meeting's §5.1 check (the criteria list gone through: none matched for LEC,
    # the matched criteria are of that list, or none and the §4.3 decision)
    plans = [
        (held_on, [dataclasses.replace(r, check=setup.no_criterion_matched(_at(held_on, 2))) for r in requests])
        for held_on, requests in plans
    ]
    gradings = []
    for held_on, requests in plans:
        year_count[held_on.year] = year_count.get(held_on.year, 0) + 1
        title = f"{held_on.year}年第{year_count[held_on.year]}次隐患分级判定会"
        meeting = open_meeting(uow_factory(), title, held_on, pools.leader.person_id, at=_at(held_on, 1, 0))
        gradings.extend(grade_batch(uow_factory(), meeting.id, requests, confirm=True, at=_at(held_on, 3)))
    raised, ruled = _disputes(uow_factory, rng, pools, gradings, by_id, reference)
    log.info("demo gradings: %d meetings, %d gradings, %d disputes", len(plans), len(gradings), raised)
    return DemoGradingResult(meetings=len(plans), gradings=len(gradings) + ruled, disputes=raised, ruled=ruled)

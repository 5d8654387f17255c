"""Real gradings made through ``services.grading`` on a real database, for the register and history tests.

The demo staff (``services.demo.ensure_people``) is only added to an empty people table, so these
helpers need a context without the ``people``/``sample`` fixtures of ``conftest.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from hazard_desktop.domain.grading import Dispute, Grading, GradingMethod, PanelRole
from hazard_desktop.domain.hazards import Hazard, HazardInput
from hazard_desktop.domain.reference import Person
from hazard_desktop.services import grading as svc
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.grading import CriterionEntry, GradingRequest, ScoreEntry
from tests.factories import decision_panel, list_checked, no_match

DAY = date(2026, 3, 10)
AT = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


def named(people: dict[str, list[Person]], name: str) -> Person:
    return next(p for group in people.values() for p in group if p.name == name)


def panel(people: dict[str, list[Person]], triples: list[tuple[str, str, str]]) -> list[ScoreEntry]:
    """One member each of 安环部, 生产部, 工会 (in turn) per (L, E, C)."""
    codes = ("AHB", "SCB", "GH")
    used: dict[str, int] = {}
    entries = []
    for n, (lv, ev, cv) in enumerate(triples):
        code = codes[n % len(codes)]
        person = people[code][used.get(code, 0)]
        used[code] = used.get(code, 0) + 1
        entries.append(ScoreEntry(person.id, lv, ev, cv))
    return entries


def dispute_panel(people: dict[str, list[Person]], triple: tuple[str, str, str]) -> list[ScoreEntry]:
    """组长 肖才根, 副组长 刘家华, members of 安环部, 生产部, 事业部, 工会 and the workshop HC1 (7 in all)."""
    members = [(named(people, "肖才根"), PanelRole.LEADER), (named(people, "刘家华"), PanelRole.DEPUTY)]
    members.append((named(people, "陈建国"), PanelRole.MEMBER))
    members += [(people[code][0], PanelRole.MEMBER) for code in ("SCB", "SYB", "GH", "HC1")]
    return [ScoreEntry(person.id, *triple, role=role) for person, role in members]


@dataclass
class Graded:
    """Six hazards of workshop HC1, each in another grading state."""

    people: dict[str, list[Person]]
    leader: Person
    ruled: Hazard  # LEC 54 (一般危险), disputed, ruled 126 (显著危险)
    criteria: Hazard  # 重大 by two criteria, with LEC scores for the record (high)
    corrected: Hazard  # LEC 54, corrected by a panel decision (重大, no scores)
    draft: Hazard  # an unconfirmed LEC draft
    open_dispute: Hazard  # LEC 20.33 (一般危险), dispute open
    ungraded: Hazard
    original: Grading  # the ruled hazard's first grading
    ruling: Grading
    dispute: Dispute
    criteria_grading: Grading
    old: Grading  # superseded by ``correction``
    correction: Grading
    draft_grading: Grading
    open_grading: Grading
    open_dispute_record: Dispute


def make_graded(context: AppContext) -> Graded:
    """Demo staff, six hazards and their gradings and disputes (times in March 2026)."""
    people = ensure_people(context.uow())
    leader = named(people, "陈建国")
    with context.uow() as uow:
        workshop = next(d for d in uow.reference.departments() if d.code == "HC1")
    finder = people["HC1"][0]
    texts = [
        "储罐呼吸阀堵塞",
        "动火作业未办理作业票",
        "离心泵机封泄漏",
        "压力表超检定期",
        "消防通道堆放杂物",
        "安全标识缺失",
    ]
    hazards = [
        hazard_service.create_hazard(
            context.uow(),
            HazardInput(
                description=text,
                location="合成一车间",
                department_id=workshop.id,
                category_code="4.6",
                subcategory_code=None,
                found_by_id=finder.id,
                found_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC) + timedelta(hours=n),
            ),
        )
        for n, text in enumerate(texts)
    ]
    uow = context.uow

    def confirmed(hazard: Hazard, triples: list[tuple[str, str, str]]) -> Grading:
        draft = svc.grade_hazard_by_lec(
            uow(), hazard.id, panel(people, triples), leader.id, DAY, at=AT, check=no_match(context)
        )
        return svc.confirm_grading(uow(), draft.id, at=AT + timedelta(minutes=5))

    original = confirmed(hazards[0], [("3", "6", "3")] * 3)  # 54
    dispute = svc.raise_dispute(
        uow(), original.id, workshop.id, "宋立新", "车间认为暴露频率被高估", at=AT + timedelta(days=2)
    )
    ruled_dispute, ruling = svc.rule_dispute(
        uow(),
        dispute.id,
        dispute_panel(people, ("3", "6", "7")),
        "经现场复核，后果按 7 分计，裁定为显著危险",
        date(2026, 3, 20),
        at=AT + timedelta(days=10),
    )

    criteria = svc.grading_setup(uow(), DAY).criteria
    entries = [CriterionEntry(criteria[0].id, "作业现场无动火作业票"), CriterionEntry(criteria[3].id, "监护人不在场")]
    draft = svc.grade_hazard_by_criteria(
        uow(),
        hazards[1].id,
        entries,
        leader.id,
        DAY,
        scores=panel(people, [("6", "6", "7")] * 3),
        check=list_checked(context),
        at=AT,
    )
    criteria_grading = svc.confirm_grading(uow(), draft.id, at=AT + timedelta(minutes=10))

    old = confirmed(hazards[2], [("3", "6", "3")] * 3)
    request = GradingRequest(
        hazards[2].id,
        GradingMethod.PANEL_DECISION,
        reason="泄漏物料易燃，可能引发连锁火灾",
        panel=decision_panel(context, leader.id),
        check=list_checked(context),
    )
    fix = svc.correct_grading(
        uow(), old.id, request, "漏判：物料为甲类易燃液体", DAY, leader.id, at=AT + timedelta(days=1)
    )
    correction = svc.confirm_grading(uow(), fix.id, at=AT + timedelta(days=1, minutes=5))

    draft_grading = svc.grade_hazard_by_lec(
        uow(), hazards[3].id, panel(people, [("1", "3", "3")] * 3), leader.id, DAY, at=AT, check=no_match(context)
    )

    open_grading = confirmed(hazards[4], [("10", "2", "1"), ("10", "2", "1"), ("1", "3", "7")])  # 61/3
    open_record = svc.raise_dispute(uow(), open_grading.id, workshop.id, "宋立新", "偏高", at=AT + timedelta(days=3))

    return Graded(
        people=people,
        leader=leader,
        ruled=hazards[0],
        criteria=hazards[1],
        corrected=hazards[2],
        draft=hazards[3],
        open_dispute=hazards[4],
        ungraded=hazards[5],
        original=original,
        ruling=ruling,
        dispute=ruled_dispute,
        criteria_grading=criteria_grading,
        old=old,
        correction=correction,
        draft_grading=draft_grading,
        open_grading=open_grading,
        open_dispute_record=open_record,
    )

"""Disputes follow rule §5–§7: the dispute panel votes on criteria first; LEC only when none applies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading import GradingMethod, PanelRole
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.verification import record_digest
from hazard_desktop.services import grading as svc
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.grading import CriterionEntry, ScoreEntry, VerdictEntry, VoteEntry
from hazard_desktop.services.hazards import create_hazard, get_hazard
from tests.factories import decision_panel, hazard_input, list_checked, no_match

DAY = date(2026, 3, 10)
RULED_ON = date(2026, 3, 20)
AT = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


@pytest.fixture
def people(context):
    return ensure_people(context.uow())


def named(people, name):
    return next(p for group in people.values() for p in group if p.name == name)


@pytest.fixture
def hazard(context, people, inspector):
    with context.uow() as uow:
        workshop = next(d for d in uow.reference.departments() if d.code == "HC1")
    return create_hazard(
        context.uow(),
        hazard_input(
            context,
            inspector,
            description="特种作业人员无证上岗",
            department_id=workshop.id,
            found_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
        ),
    )


def criterion(context, code):
    with context.uow() as uow:
        return next(c for c in uow.criteria.all() if c.code == code)


def panel_people(people):
    """组长 肖才根, 副组长 刘家华 (named in the settings) + 安环部, 生产部, 事业部, 工会, the raising 车间: 7."""
    seats = [(named(people, "肖才根"), PanelRole.LEADER), (named(people, "刘家华"), PanelRole.DEPUTY)]
    seats.append((named(people, "陈建国"), PanelRole.MEMBER))
    seats += [(people[code][0], PanelRole.MEMBER) for code in ("SCB", "SYB", "GH", "HC1")]
    return seats


def votes(people, upholding):
    """Every member votes; the first ``upholding`` say the criterion applies."""
    return tuple(VoteEntry(p.id, n < upholding, role) for n, (p, role) in enumerate(panel_people(people)))


def scores(people, triple=("1", "1", "7")):
    return [ScoreEntry(p.id, *triple, role=role) for p, role in panel_people(people)]


def major_by_121(context, hazard, people):
    """A hazard graded 重大 because it matches 121号 item 2, confirmed, then disputed by its 车间."""
    item = criterion(context, "121-2")
    leader = named(people, "陈建国")
    draft = svc.grade_hazard_by_criteria(
        context.uow(),
        hazard.id,
        [CriterionEntry(item.id, "张某无焊工证进行动火作业")],
        leader.id,
        DAY,
        panel=decision_panel(context, leader.id),
        check=list_checked(context),
        at=AT,
    )
    graded = svc.confirm_grading(context.uow(), draft.id, at=AT + timedelta(minutes=5))
    dispute = svc.raise_dispute(
        context.uow(),
        graded.id,
        hazard.department_id,
        people["HC1"][0].name,
        "已持证，证书未及时上传",
        at=AT + timedelta(days=1),
    )
    return item, graded, dispute


def test_an_lec_mean_cannot_outvote_a_matched_121_criterion(context, hazard, people):
    item, _, dispute = major_by_121(context, hazard, people)
    view = svc.dispute_view(context.uow(), hazard.id)
    assert [c.code for c in view.in_question] == ["121-2"] and view.dispute == dispute
    # the reproduced case: the panel just scores LEC (a low mean) — refused, the criterion comes first
    with pytest.raises(ValidationError) as err:
        svc.rule_dispute(context.uow(), dispute.id, scores(people), "LEC 为稍有危险", RULED_ON)
    assert err.value.code == "ruling_vote_missing" and err.value.params["criterion"] == "121-2"
    upheld = VerdictEntry(item.id, "现场核查：证书过期", votes(people, 4))
    with pytest.raises(ValidationError) as err:  # upheld: no LEC
        svc.rule_dispute(context.uow(), dispute.id, scores(people), "维持", RULED_ON, verdicts=[upheld])
    assert err.value.code == "ruling_criteria_upheld"
    ruled, ruling = svc.rule_dispute(context.uow(), dispute.id, [], "维持重大事故隐患", RULED_ON, verdicts=[upheld])
    assert (ruling.method, ruling.grade, ruling.is_ruling) == (GradingMethod.CRITERIA, HazardGrade.MAJOR, True)
    assert [m.clause for m in ruling.matches] == [item.clause]
    assert get_hazard(context.uow(), hazard.id).grade is HazardGrade.MAJOR
    stored = svc.get_grading(context.uow(), ruling.id)
    assert [(v.match.code, v.votes_for, v.votes_against, v.upheld) for v in stored.verdicts] == [("121-2", 4, 3, True)]
    assert stored == ruling
    record = rules.canonical_record(stored)
    assert record["version"] == 3 and record["verdicts"][0]["upheld"] is True
    assert len(record["verdicts"][0]["votes"]) == 7


def test_a_panel_that_votes_the_criterion_down_goes_on_to_lec(context, hazard, people):
    item, graded, dispute = major_by_121(context, hazard, people)
    down = VerdictEntry(item.id, "证书在有效期内，系档案未更新", votes(people, 3))
    ruled, ruling = svc.rule_dispute(
        context.uow(), dispute.id, scores(people), "不符合121号第2条，按LEC判定", RULED_ON, verdicts=[down]
    )
    assert (ruling.method, ruling.grade, ruling.mean_d) == (GradingMethod.LEC_PANEL, HazardGrade.GENERAL, 7)
    assert get_hazard(context.uow(), hazard.id).grade is HazardGrade.GENERAL
    stored = svc.get_grading(context.uow(), ruling.id)
    assert [(v.votes_for, v.upheld) for v in stored.verdicts] == [(3, False)]
    assert {v.person_name for v in stored.verdicts[0].votes} == {p.name for p, _ in panel_people(people)}
    # the disputed grading's own record keeps its layout (sheets printed before still verify); tests act as
    # the single user, whose signatures give layout 3 (issue 14), its recorded panel layout 4 (0015) and its
    # recorded §5.1 check layout 5
    record = rules.canonical_record(graded)
    assert "verdicts" not in record and record["version"] == rules.CHECK_RECORD_VERSION
    assert record_digest(rules.canonical_record(graded)) == record_digest(
        rules.canonical_record(svc.get_grading(context.uow(), graded.id))
    )


def test_a_dispute_can_claim_that_a_general_hazard_is_major(context, hazard, people):
    leader = named(people, "陈建国")
    lec = [ScoreEntry(p.id, "1", "1", "7") for p in (leader, people["SCB"][0], people["GH"][0])]
    draft = svc.grade_hazard_by_lec(context.uow(), hazard.id, lec, leader.id, DAY, at=AT, check=no_match(context))
    graded = svc.confirm_grading(context.uow(), draft.id, at=AT + timedelta(minutes=5))
    item = criterion(context, "121-2")
    dispute = svc.raise_dispute(
        context.uow(),
        graded.id,
        hazard.department_id,
        people["HC1"][0].name,
        "属121号第2条",
        claimed=[item.id],
        at=AT + timedelta(days=1),
    )
    assert [c.code for c in dispute.claimed] == ["121-2"]
    assert [c.code for c in svc.dispute_view(context.uow(), hazard.id).in_question] == ["121-2"]
    _, ruling = svc.rule_dispute(
        context.uow(),
        dispute.id,
        [],
        "符合121号第2条",
        RULED_ON,
        verdicts=[VerdictEntry(item.id, "无证动火", votes(people, 7))],
    )
    assert ruling.grade is HazardGrade.MAJOR and get_hazard(context.uow(), hazard.id).grade is HazardGrade.MAJOR


def test_the_chairs_are_the_persons_named_in_the_settings(context, hazard, people):
    item, _, dispute = major_by_121(context, hazard, people)
    verdict = VerdictEntry(item.id, "核查", votes(people, 7))
    # name another 组长 from the ruling date on: the demo's 肖才根 no longer fits
    other = named(people, "陈建国")
    svc.name_dispute_chairs(context.uow(), RULED_ON, other.id, named(people, "刘家华").id)
    with pytest.raises(ValidationError) as err:
        svc.rule_dispute(context.uow(), dispute.id, [], "裁决", RULED_ON, verdicts=[verdict])
    assert err.value.code == "dispute_leader_not_named" and err.value.params["name"] == "陈建国"
    with pytest.raises(ValidationError) as err:
        svc.name_dispute_chairs(context.uow(), RULED_ON, other.id, other.id)
    assert err.value.code == "chairs_same_person"
    assert [c.leader_name for c in svc.dispute_chairs(context.uow())] == ["肖才根", "陈建国"]


def test_the_ruling_sheet_shows_the_votes_and_its_code_verifies(context, hazard, people, tmp_path):
    from hazard_desktop.services.sheet_requests import SheetRequest
    from hazard_desktop.services.sheets import print_document, sheet_renderer, verify_code

    item, _, dispute = major_by_121(context, hazard, people)
    verdict = VerdictEntry(item.id, "证书过期", votes(people, 5))
    svc.rule_dispute(context.uow(), dispute.id, [], "维持重大", RULED_ON, verdicts=[verdict])
    result = print_document(
        context.uow(), SheetRequest.dispute(dispute.id), sheet_renderer(context), tmp_path / "cj.pdf", "测试"
    )
    sheet = result.prepared.document.sheets[0]
    assert [v.result for v in sheet.verdicts] == ["适用（赞成 5 票，反对 2 票）"]
    assert "肖才根（组长）适用" in sheet.verdicts[0].votes and "第5.1、7条" in sheet.ruling_basis
    assert [m.name for m in sheet.members][:2] == ["肖才根", "刘家华"] and sheet.deputy_name == "刘家华"
    # every member of the 7 is named with their seat (the raising department's seat marked, §7)
    assert [m.name for m in sheet.members] == [p.name for p, _ in panel_people(people)]
    assert [m.role_label for m in sheet.members] == ["组长", "副组长"] + ["成员"] * 5
    assert sheet.members[-1].department == "合成一车间（提出部门）"
    assert sum("（提出部门）" in m.department for m in sheet.members) == 1
    checked = verify_code(context.uow(), result.prepared.prints[0].verify_code)
    assert checked.status.value == "verified" and checked.dispute_id == dispute.id


def test_a_ruling_that_upheld_a_criterion_cannot_be_corrected_into_an_lec_mean(context, hazard, people):
    item, _, dispute = major_by_121(context, hazard, people)
    verdict = VerdictEntry(item.id, "证书过期", votes(people, 5))
    _, ruling = svc.rule_dispute(context.uow(), dispute.id, [], "维持重大", RULED_ON, verdicts=[verdict])
    request = svc.GradingRequest(hazard.id, GradingMethod.LEC_PANEL, tuple(scores(people)), check=no_match(context))
    with pytest.raises(ValidationError) as err:
        svc.correct_grading(context.uow(), ruling.id, request, "改按 LEC", RULED_ON)
    assert err.value.code == "ruling_criteria_upheld"
    assert get_hazard(context.uow(), hazard.id).grade is HazardGrade.MAJOR


def test_a_corrected_lec_ruling_still_shows_the_vote_that_removed_the_major_grade(context, hazard, people, tmp_path):
    """The 0:7 vote is why LEC applies at all: the sheet of a corrected ruling keeps printing it (and its
    verification code covers it), beside the corrected panel's scores."""
    from hazard_desktop.services.sheet_requests import SheetRequest
    from hazard_desktop.services.sheets import dispute_record, print_document, sheet_renderer, verify_code

    item, _, dispute = major_by_121(context, hazard, people)
    down = VerdictEntry(item.id, "证书在有效期内，系档案未更新", votes(people, 0))
    _, ruling = svc.rule_dispute(context.uow(), dispute.id, scores(people), "不适用，按LEC", RULED_ON, verdicts=[down])
    request = svc.GradingRequest(
        hazard.id, GradingMethod.LEC_PANEL, tuple(scores(people, ("1", "2", "7"))), check=no_match(context)
    )
    draft = svc.correct_grading(context.uow(), ruling.id, request, "暴露频率录入有误", RULED_ON)
    corrected = svc.confirm_grading(context.uow(), draft.id, at=AT + timedelta(days=20))
    assert corrected.verdicts == ()  # the correction re-scores LEC; the vote stays on the first ruling
    result = print_document(
        context.uow(), SheetRequest.dispute(dispute.id), sheet_renderer(context), tmp_path / "cj.pdf", "测试"
    )
    sheet = result.prepared.document.sheets[0]
    assert [v.result for v in sheet.verdicts] == ["不适用（赞成 0 票，反对 7 票）"]
    assert "肖才根（组长）不适用" in sheet.verdicts[0].votes and "证书在有效期内" in sheet.verdicts[0].evidence
    assert "第5.2、7条" in sheet.ruling_basis and "更正说明：暴露频率录入有误" in sheet.ruling_text
    assert [m.d for m in sheet.members] == ["14"] * 7
    assert sheet.members[-1].department == "合成一车间（提出部门）"
    checked = verify_code(context.uow(), result.prepared.prints[0].verify_code)
    assert checked.status.value == "verified" and checked.grading_id == corrected.id
    with context.uow() as uow:  # the code covers the votes: a changed vote would no longer verify
        stored = uow.gradings.get_dispute(dispute.id)
        disputed, first = uow.gradings.get(dispute.grading_id), uow.gradings.get(ruling.id)
    record = dispute_record(stored, corrected, disputed, first)
    assert record["votes"]["ruling_id"] == str(ruling.id) and record["votes"]["verdicts"][0]["upheld"] is False
    assert "votes" not in dispute_record(stored, first, disputed, first)  # the first ruling's own layout
    # the 0:7 vote is the ruling's §5.1 check (rule §5 via §7): recorded with it, kept by the correction, printed
    check = first.major_check
    assert check is not None and check.basis is rules.CheckBasis.DISPUTE and check.checked_by == "肖才根"
    assert check.criteria == svc.grading_setup(context.uow()).criteria_version
    assert corrected.major_check == check and rules.canonical_record(corrected)["major_check"]["basis"] == "dispute"
    assert "争议判定小组对所涉条款逐人表决：未符合任一条款（肖才根，" in sheet.ruling_basis
    assert f"本公司自定{sum(c.source.value == 'company' for c in svc.grading_setup(context.uow()).criteria)}条、" in (
        sheet.ruling_basis
    )  # what the list held (trial t5)

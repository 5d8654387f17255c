"""Rule §5 on a real database: a general (LEC) grading rests on the §5.1 major-hazard check, which the services
refuse to do without (nothing written), store with the grading, put in its record and print on its sheet."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from hazard_desktop.domain import grading as rules
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.grading import CheckBasis, GradingMethod
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.services import grading as svc
from hazard_desktop.services import reference_admin, sheet_builders, sheets
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.grading import CheckEntry, GradingRequest, ScoreEntry
from hazard_desktop.services.hazards import create_hazard, get_hazard
from hazard_desktop.services.sheet_requests import SheetRequest
from tests.factories import hazard_input, no_match
from tests.integration.test_pdf_sheets import needs_poppler, page_texts

DAY = date(2026, 3, 10)
AT = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


@pytest.fixture
def people(context):
    return ensure_people(context.uow())


@pytest.fixture
def leader(people):
    return next(p for p in people["AHB"] if p.name == "陈建国")


@pytest.fixture
def hazards(context, people, inspector):
    return [
        create_hazard(
            context.uow(),
            hazard_input(context, inspector, description=f"隐患{n} 法兰垫片渗漏", found_at=AT - timedelta(days=5 - n)),
        )
        for n in range(2)
    ]


def scores(people):
    return tuple(ScoreEntry(people[code][0].id, "3", "6", "3") for code in ("AHB", "SCB", "GH"))


def stored(context) -> dict[str, int]:
    """What a refusal must leave as it was: every grading, meeting and timeline row."""
    path = context.data_dir / "hazard_desktop.db"
    con = sqlite3.connect(path)
    try:
        tables = ("gradings", "grading_scores", "grading_meetings", "hazard_transitions")
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608
    finally:
        con.close()


def test_a_lec_grading_without_the_check_is_refused_and_nothing_is_written(context, hazards, people, leader):
    before = stored(context)
    request = GradingRequest(hazards[0].id, scores=scores(people))  # no check
    with pytest.raises(ValidationError) as err:
        svc.grade_and_confirm(context.uow(), request, leader.id, DAY, meeting=svc.MeetingRequest("判定会", DAY))
    assert err.value.code == "major_check_missing"
    assert stored(context) == before  # no meeting, no draft, no timeline row
    assert get_hazard(context.uow(), hazards[0].id).grade is HazardGrade.UNGRADED
    # a batch with one unchecked LEC line stores none of its lines
    meeting = svc.open_meeting(context.uow(), "判定会", DAY, leader.id, at=AT)
    before = stored(context)
    unchecked = GradingRequest(hazards[1].id, scores=scores(people))
    lines = [GradingRequest(hazards[0].id, scores=scores(people), check=no_match(context)), unchecked]
    with pytest.raises(ValidationError) as err:
        svc.grade_batch(context.uow(), meeting.id, lines, confirm=True, at=AT)
    assert err.value.code == "major_check_missing" and err.value.params["hazard"] == hazards[1].number
    assert stored(context) == before


def test_a_check_against_a_criteria_list_changed_since_is_refused(context, hazards, people, leader):
    check = no_match(context)  # the list as the check dialog showed it
    reference_admin.add_criterion(context.uow(), "4.4.99", "储罐区未设置可燃气体报警", "company", "第4.4条")
    before = stored(context)
    request = GradingRequest(hazards[0].id, scores=scores(people), check=check)
    with pytest.raises(ValidationError) as err:
        svc.grade_and_confirm(context.uow(), request, leader.id, DAY)
    assert err.value.code == "major_check_stale"
    assert stored(context) == before
    fresh = dataclasses.replace(request, check=no_match(context))  # gone through again: accepted
    grading, _ = svc.grade_and_confirm(context.uow(), fresh, leader.id, DAY)
    assert grading.major_check is not None and grading.major_check.criteria.items == check_items(context)


def check_items(context) -> int:
    return len(svc.grading_setup(context.uow()).criteria)


def test_a_check_dated_after_the_grading_is_refused(context, hazards, people, leader):
    later = CheckEntry(svc.grading_setup(context.uow()).criteria_version.digest, AT + timedelta(hours=1))
    request = GradingRequest(hazards[0].id, scores=scores(people), check=later)
    with pytest.raises(ValidationError) as err:
        svc.grade_and_confirm(context.uow(), request, leader.id, DAY, at=AT)
    assert err.value.code == "major_check_after_grading"


def test_the_stored_grading_carries_its_check_in_its_record(context, hazards, people, leader):
    setup = svc.grading_setup(context.uow())
    checked_at = AT - timedelta(minutes=20)
    request = GradingRequest(hazards[0].id, scores=scores(people), check=setup.no_criterion_matched(checked_at))
    grading, _ = svc.grade_and_confirm(context.uow(), request, leader.id, DAY, at=AT)
    again = svc.get_grading(context.uow(), grading.id)
    assert again.major_check == grading.major_check
    check = again.major_check
    assert check is not None and check.basis is CheckBasis.CHECK and check.checked_by == "陈建国"
    assert check.checked_at == checked_at and check.criteria == setup.criteria_version
    record = rules.canonical_record(again)
    assert record["version"] == rules.CHECK_RECORD_VERSION
    assert record["major_check"]["criteria_digest"] == setup.criteria_version.digest
    assert record["major_check"]["criteria_items"] == len(setup.criteria)
    # a criteria grading records the check too: the list its criteria were matched against (layout 5)
    criteria = setup.criteria[0]
    major = GradingRequest(
        hazards[1].id,
        GradingMethod.CRITERIA,
        criteria=(svc.CriterionEntry(criteria.id, "现场无检测报警"),),
        panel=(),
        scores=scores(people),
        check=setup.no_criterion_matched(checked_at),
    )
    graded, _ = svc.grade_and_confirm(context.uow(), major, leader.id, DAY, at=AT)
    assert graded.major_check is not None and graded.major_check.criteria == setup.criteria_version
    assert svc.get_grading(context.uow(), graded.id) == graded
    record = rules.canonical_record(graded)
    assert record["version"] == rules.CHECK_RECORD_VERSION
    assert record["major_check"]["criteria_digest"] == setup.criteria_version.digest


def _major_request(hazard_id, method, criterion, people, check=None) -> GradingRequest:  # type: ignore[no-untyped-def]
    """A 重大 grading: ``criterion`` matched (CRITERIA) or the panel's §4.3 judgement (PANEL_DECISION)."""
    return GradingRequest(
        hazard_id,
        method,
        criteria=(svc.CriterionEntry(criterion.id, "现场无检测报警"),) if method is GradingMethod.CRITERIA else (),
        reason="可能引发连锁火灾" if method is GradingMethod.PANEL_DECISION else "",
        scores=scores(people),
        check=check,
    )


@pytest.mark.parametrize("method", [GradingMethod.CRITERIA, GradingMethod.PANEL_DECISION])
def test_a_major_grading_without_its_check_is_refused_and_nothing_is_written(context, hazards, people, leader, method):
    request = _major_request(hazards[0].id, method, svc.grading_setup(context.uow()).criteria[0], people)
    with pytest.raises(ValidationError) as err:
        svc.grade_and_confirm(context.uow(), request, leader.id, DAY, at=AT)
    assert err.value.code == "major_check_missing"
    assert svc.final_grading(context.uow(), hazards[0].id) is None


def test_a_major_grading_against_a_list_changed_since_is_refused(context, hazards, people, leader):
    setup = svc.grading_setup(context.uow())
    stale = CheckEntry("0" * 64, AT - timedelta(minutes=5))
    request = GradingRequest(
        hazards[0].id, GradingMethod.PANEL_DECISION, reason="可能引发连锁火灾", scores=scores(people), check=stale
    )
    with pytest.raises(ValidationError) as err:
        svc.grade_and_confirm(context.uow(), request, leader.id, DAY, at=AT)
    assert err.value.code == "major_check_stale"
    assert svc.final_grading(context.uow(), hazards[0].id) is None
    assert setup.criteria  # the list itself is untouched


@needs_poppler
@pytest.mark.parametrize("method", [GradingMethod.CRITERIA, GradingMethod.PANEL_DECISION])
def test_a_major_sheet_prints_the_list_its_check_went_through(context, hazards, people, leader, tmp_path, method):
    setup = svc.grading_setup(context.uow())
    criteria = setup.criteria[0]
    request = _major_request(hazards[0].id, method, criteria, people, check=setup.no_criterion_matched())
    grading, _ = svc.grade_and_confirm(context.uow(), request, leader.id, DAY)
    result = sheets.print_document(
        context.uow(), SheetRequest.grading(grading.id), sheets.sheet_renderer(context), tmp_path / "pd.pdf", "测试"
    )
    text = "".join("".join(page_texts(tmp_path / "pd.pdf")).split())
    version = setup.criteria_version
    company = sum(1 for c in setup.criteria if c.source.value == "company")
    listed = f"本公司自定{company}条、国家121号文{len(setup.criteria) - company}条·{version.short}）"
    assert "对照重大事故隐患判定标准（版本" in text and listed in text
    if method is GradingMethod.CRITERIA:
        assert f"逐条核对：符合第{criteria.code}条（见下表）（陈建国，" in text
    else:
        assert "逐条核对：未符合任一条款，由判定小组依第4.3条集体判定（陈建国，" in text
    assert "未记录" not in text
    assert sheets.verify_code(context.uow(), result.prepared.prints[0].verify_code).status.value == "verified"


def test_a_major_grading_stored_before_prints_its_check_not_recorded(context, hazards, people, leader):
    criteria = svc.grading_setup(context.uow()).criteria[0]
    request = GradingRequest(
        hazards[0].id,
        GradingMethod.CRITERIA,
        criteria=(svc.CriterionEntry(criteria.id, "现场无检测报警"),),
        scores=scores(people),
        check=no_match(context),
    )
    grading, _ = svc.grade_and_confirm(context.uow(), request, leader.id, DAY, at=AT)
    before = dataclasses.replace(grading, major_check=None)  # as stored before a criteria grading recorded it
    assert sheet_builders.check_line(before) == sheet_builders.CHECK_NOT_RECORDED
    assert "major_check" not in rules.canonical_record(before)  # its layout (and digest) as before


@needs_poppler
def test_the_sheet_prints_the_check_with_the_criteria_version(context, hazards, people, leader, tmp_path):
    setup = svc.grading_setup(context.uow())
    request = GradingRequest(hazards[0].id, scores=scores(people), check=setup.no_criterion_matched())
    grading, _ = svc.grade_and_confirm(context.uow(), request, leader.id, DAY)
    result = sheets.print_document(
        context.uow(),
        SheetRequest.grading(grading.id),
        sheets.sheet_renderer(context),
        tmp_path / "pd.pdf",
        "测试",
    )
    text = "".join("".join(page_texts(tmp_path / "pd.pdf")).split())
    version = setup.criteria_version
    assert f"对照重大事故隐患判定标准（版本{version.short}" not in text  # the day comes first
    company = sum(1 for c in setup.criteria if c.source.value == "company")
    listed = f"本公司自定{company}条、国家121号文{version.items - company}条·{version.short}）"
    assert "对照重大事故隐患判定标准（版本" in text and listed in text
    assert "逐条核对：未符合任一条款（陈建国，" in text
    assert sheets.verify_code(context.uow(), result.prepared.prints[0].verify_code).status.value == "verified"

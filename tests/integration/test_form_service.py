"""The rectification forms from the real database: a demo hazard taken through the loop with the
rectification use cases, each form printed in the state that allows it and refused (no file, no print
row) before; reprints marked 副本 with the same code; codes verified, and reported altered once the
record they certify changed; the ``print`` command."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hazard_desktop.adapters.demo_photos import make_photo
from hazard_desktop.app import build_context, close_context
from hazard_desktop.cli import main
from hazard_desktop.domain.errors import InvalidTransition
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import (
    AcceptanceInput,
    AssignmentInput,
    Evaluation,
    Evaluator,
    PhotoStage,
    PlanInput,
    PlanReport,
    ReportKind,
    Stoppage,
    Supervision,
)
from hazard_desktop.domain.reference import DepartmentKind, Person
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.domain.verification import qr_payload
from hazard_desktop.services import grading, sheets
from hazard_desktop.services import rectification as rect
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.form_models import AcceptanceForm, MajorReportForm, NoticeForm, TreatmentPlanForm
from hazard_desktop.services.grading import CriterionEntry
from hazard_desktop.services.hazards import PhotoFile, create_hazard
from hazard_desktop.services.rectification import StagedPhoto
from hazard_desktop.services.sheets import SheetRequest, VerifyStatus
from tests.factories import decision_panel, hazard_input, list_checked, no_match
from tests.integration.test_pdf_sheets import assert_fonts_embedded, assert_page_renders
from tests.integration.test_rectification import GENERAL_BAND, panel
from tests.integration.test_sheet_service import copy_demo, text_of

pytestmark = pytest.mark.storage


@pytest.fixture
def demo(sheet_demo_folder: Path, tmp_path: Path) -> Iterator[AppContext]:
    context = build_context(copy_demo(sheet_demo_folder, tmp_path / "data"))
    yield context
    close_context(context)


def flat(text: str) -> str:
    return "".join(text.split())


def graded(context: AppContext, grade: HazardGrade) -> Hazard:
    """A new hazard of the demo register graded to ``grade`` (已定级) through the grading use cases: 重大 by a
    criterion, 一般 by an LEC panel. The tests do not depend on which states the demo leaves its hazards in."""
    staff = ensure_people(context.uow())  # the demo's staff (already there: returned, nothing added)
    finder = staff["HC1"][0]
    found = create_hazard(
        context.uow(),
        hazard_input(context, finder, description="氯化釜 R-201 无紧急停车系统", department_id=finder.department_id),
    )
    leader = next(p for p in staff["AHB"] if p.name == "陈建国")  # the demo's panel leader
    today = date.today()
    if grade is HazardGrade.MAJOR:
        criterion = grading.grading_setup(context.uow(), today).criteria[3]
        draft = grading.grade_hazard_by_criteria(
            context.uow(),
            found.id,
            [CriterionEntry(criterion.id, "R-201 无 SIS")],
            leader.id,
            today,
            panel=decision_panel(context, leader.id),
            check=list_checked(context),
        )
    else:
        draft = grading.grade_hazard_by_lec(
            context.uow(), found.id, panel(staff, GENERAL_BAND), leader.id, today, check=no_match(context)
        )
    grading.confirm_grading(context.uow(), draft.id)
    made = hazard(context, found.id)
    assert (made.status, made.grade) == (HazardStatus.GRADED, grade)
    return made


def hazard(context: AppContext, hazard_id: uuid.UUID) -> Hazard:
    with context.uow() as uow:
        found = uow.hazards.get(hazard_id)
    assert found is not None
    return found


def people(context: AppContext) -> tuple[Person, Person, list[Person]]:
    """(someone of 安环部, someone of a production department, other people of other departments)."""
    with context.uow() as uow:
        kinds = {d.id: d.kind for d in uow.reference.departments()}
        everyone = uow.reference.people()
    safety = [p for p in everyone if kinds[p.department_id] is DepartmentKind.SAFETY]
    doers = [p for p in everyone if kinds[p.department_id] not in (DepartmentKind.SAFETY,)]
    return safety[0], doers[0], [*safety[1:], *[p for p in doers[1:] if p.department_id != doers[0].department_id]]


def assign_general(context: AppContext, target: Hazard) -> tuple[Hazard, Person, Person]:
    safety, doer, _ = people(context)
    data = AssignmentInput(
        doer.department_id, doer.id, "更换经检定合格的压力表，紧固法兰并更换垫片。", Decimal("3500"), "车间维修费用",
        date.today() + timedelta(days=20), "泄漏点下风向设置警戒区。",
    )  # fmt: skip
    return rect.assign(context.uow(), target.id, target.revision, safety.id, data), safety, doer


def submit(context: AppContext, target: Hazard, doer: Person, acceptor: Person) -> Hazard:
    photo = StagedPhoto(PhotoFile("after.jpg", make_photo(7, (640, 480))), PhotoStage.AFTER)
    return rect.submit_for_acceptance(
        context.uow(), target.id, target.revision, doer.id, acceptor.id, "已更换压力表，检漏合格。", (photo,),
        context.images,
    )  # fmt: skip


def plan_input() -> PlanInput:
    today = date.today()
    return PlanInput(
        goal_and_tasks="实现氯化反应釜自动控制和紧急停车。",
        methods_and_measures="安装 DCS 和 SIS 系统，联调后投用。",
        funds_and_materials="安全生产费用列支 860,000.00 元。",
        organisation_and_people="治理领导小组：组长 总经理；成员 生产技术部、设备动力部。",
        time_limit=today + timedelta(days=120),
        time_requirements="每月书面报告进度。",
        safety_and_emergency="修订液氯泄漏专项应急预案并演练。",
        stoppage=Stoppage.PARTIAL,
        stopped_since=today,
        reports=(PlanReport(ReportKind.REGULATOR, today, "华化安〔2026〕21号"),),
        supervision=Supervision("××市应急管理局", "督办2026-07", today),
        cause="装置建成较早，未按要求完成自动化改造。",
        harm="超温超压可能导致液氯泄漏，危及厂区及下风向居民区。",
        difficulty="需部分停产改造，周期约四个月。",
    )


def assign_major(context: AppContext, target: Hazard) -> Hazard:
    safety, doer, _ = people(context)
    data = AssignmentInput(
        doer.department_id, doer.id, "按治理方案实施自动化改造。", Decimal("860000"), "安全生产费用", None,
        "氯化工段部分停产，保留人工巡检。",
    )  # fmt: skip
    return rect.assign(context.uow(), target.id, target.revision, safety.id, data, plan_input())


def save(context: AppContext, kind: SheetKind, target: Hazard, path: Path) -> sheets.PrintResult:
    return sheets.print_document(
        context.uow(), SheetRequest.form(kind, target.id), sheets.sheet_renderer(context), path, "测试员"
    )


def form_prints(context: AppContext) -> int:
    connection = sqlite3.connect(context.data_dir / "hazard_desktop.db")
    try:
        return int(connection.execute("SELECT count(*) FROM form_prints").fetchone()[0])
    finally:
        connection.close()


def refused(context: AppContext, kind: SheetKind, target: Hazard, tmp_path: Path) -> str:
    """The refusal's code; asserts no file and no print row."""
    before = form_prints(context)
    path = tmp_path / f"refused-{kind}.pdf"
    with pytest.raises(InvalidTransition) as caught:
        save(context, kind, target, path)
    assert not path.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left either
    assert form_prints(context) == before
    return caught.value.code


# ------------------------------------------------------------------------------------------- tests
def test_no_form_before_its_state_and_none_of_the_major_forms_for_a_general_hazard(demo, tmp_path) -> None:
    general = graded(demo, HazardGrade.GENERAL)
    assert refused(demo, SheetKind.NOTICE, general, tmp_path) == "form_notice_unassigned"
    assert refused(demo, SheetKind.ACCEPTANCE, general, tmp_path) == "form_acceptance_not_due"
    assert refused(demo, SheetKind.PLAN, general, tmp_path) == "form_not_major"
    assert refused(demo, SheetKind.REPORT, general, tmp_path) == "form_not_major"
    major = graded(demo, HazardGrade.MAJOR)
    assert refused(demo, SheetKind.PLAN, major, tmp_path) == "form_plan_missing"
    assert refused(demo, SheetKind.REPORT, major, tmp_path) == "form_plan_missing"
    assigned, _safety, _doer = assign_general(demo, general)
    assert refused(demo, SheetKind.ACCEPTANCE, assigned, tmp_path) == "form_acceptance_not_due"


def test_notice_prints_the_five_items_and_a_reprint_is_a_copy_with_the_same_code(demo, tmp_path) -> None:
    assigned, safety, doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))
    first = save(demo, SheetKind.NOTICE, assigned, tmp_path / "notice.pdf")
    sheet = first.prepared.document.sheets[0]
    assert isinstance(sheet, NoticeForm)
    assert sheet.copy_no == 0 and sheet.sheet_no == "TZ-" + assigned.number.partition("-")[2]
    text = flat(text_of(first.path))
    expected_texts = ("隐患整改通知书", "隐患整改通知书回执", "定责任", "定措施", "定资金", "定时限", "定预案",
                      "3,500.00元（车间维修费用）", doer.name, safety.name, assigned.number)  # fmt: skip
    for expected in (*expected_texts, sheet.verify_code):
        assert expected in text, expected
    assert "副本" not in text
    assert_fonts_embedded(first.path)
    assert_page_renders(first.path, tmp_path)
    assert first.records[0].copy_no == 0 and form_prints(demo) == 1

    again = save(demo, SheetKind.NOTICE, assigned, tmp_path / "notice-2.pdf")
    assert again.records[0].copy_no == 1
    assert again.prepared.prints[0].verify_code == sheet.verify_code
    assert "副本" in flat(text_of(again.path)) and "第2次打印" in flat(text_of(again.path))

    found = sheets.verify_code(demo.uow(), sheet.verify_code)
    assert found.status is VerifyStatus.VERIFIED
    assert (found.kind, found.hazard_number, found.prints, found.copy_no) == (SheetKind.NOTICE, assigned.number, 2, 1)
    scanned = sheets.verify_code(demo.uow(), qr_payload(sheet.verify_code, assigned.number))
    assert scanned.status is VerifyStatus.VERIFIED and scanned.number_matches


def test_an_extension_after_printing_makes_the_old_notice_altered_and_the_next_an_original(demo, tmp_path) -> None:
    assigned, safety, doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))
    old = save(demo, SheetKind.NOTICE, assigned, tmp_path / "old.pdf").prepared.prints[0]
    later = (assigned.deadline or date.today()) + timedelta(days=10)
    asked = rect.request_extension(demo.uow(), assigned.id, assigned.revision, doer.id, later, "备件到货延迟")
    rect.approve_extension(demo.uow(), assigned.id, asked.revision, safety.id, "同意")
    assert sheets.verify_code(demo.uow(), old.verify_code).status is VerifyStatus.ALTERED
    new = save(demo, SheetKind.NOTICE, hazard(demo, assigned.id), tmp_path / "new.pdf")
    assert new.records[0].copy_no == 0 and new.records[0].verify_code != old.verify_code
    text = flat(text_of(new.path))
    assert "期限变更" in text and "备件到货延迟" in text and f"{later.year}年{later.month}月{later.day}日" in text


def test_acceptance_form_before_and_after_the_decision(demo, tmp_path) -> None:
    assigned, safety, doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))
    waiting = submit(demo, assigned, doer, safety)
    assert waiting.status is HazardStatus.VERIFYING
    blank = save(demo, SheetKind.ACCEPTANCE, waiting, tmp_path / "acceptance.pdf")
    form = blank.prepared.document.sheets[0]
    assert isinstance(form, AcceptanceForm)
    assert form.after and form.result == "" and [a.name for a in form.acceptors] == [safety.name]
    text = flat(text_of(blank.path))
    for expected in ("隐患整改验收单", "整改前后对比照片", "整改后", "已更换压力表，检漏合格。", "验收人签字",
                     safety.name, "□整改合格，同意销号"):  # fmt: skip
        assert expected in text, expected
    assert_page_renders(blank.path, tmp_path)

    closed = rect.accept(demo.uow(), waiting.id, waiting.revision, safety.id, AcceptanceInput("整改到位"))
    assert closed.status is HazardStatus.CLOSED
    assert sheets.verify_code(demo.uow(), form.verify_code).status is VerifyStatus.ALTERED  # now decided
    done = save(demo, SheetKind.ACCEPTANCE, closed, tmp_path / "accepted.pdf")
    text = flat(text_of(done.path))
    assert "整改合格，同意销号：整改到位" in text and "□" not in text
    assert done.records[0].copy_no == 0
    assert sheets.verify_code(demo.uow(), done.records[0].verify_code).status is VerifyStatus.VERIFIED
    # the notice still prints once closed (the file of the hazard keeps it)
    assert save(demo, SheetKind.NOTICE, closed, tmp_path / "notice.pdf").records[0].copy_no == 0


def test_a_sent_back_round_is_listed_on_the_next_acceptance_form(demo, tmp_path) -> None:
    assigned, safety, doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))
    waiting = submit(demo, assigned, doer, safety)
    back = rect.send_back(demo.uow(), waiting.id, waiting.revision, safety.id, "法兰仍有泄漏痕迹")
    again = submit(demo, back, doer, safety)
    result = save(demo, SheetKind.ACCEPTANCE, again, tmp_path / "round2.pdf")
    form = result.prepared.document.sheets[0]
    assert isinstance(form, AcceptanceForm)
    assert form.round_no == 2 and form.sheet_no.endswith("-2")
    assert "法兰仍有泄漏痕迹" in flat(text_of(result.path)) and "第2次验收" in flat(text_of(result.path))


def test_major_hazard_plan_and_report(demo, tmp_path) -> None:
    major = assign_major(demo, graded(demo, HazardGrade.MAJOR))
    plan = save(demo, SheetKind.PLAN, major, tmp_path / "plan.pdf")
    assert isinstance(plan.prepared.document.sheets[0], TreatmentPlanForm)
    text = flat(text_of(plan.path))
    for expected in ("重大事故隐患治理方案", "（一）治理的目标和任务", "（六）安全措施和应急预案",
                     "实现氯化反应釜自动控制", "部分停产停业", "挂牌督办", "督办2026-07", "华化安〔2026〕21号",
                     "860,000.00元"):  # fmt: skip
        assert expected in text, expected
    assert_fonts_embedded(plan.path)

    report = save(demo, SheetKind.REPORT, major, tmp_path / "report.pdf")
    form = report.prepared.document.sheets[0]
    assert isinstance(form, MajorReportForm)
    text = flat(text_of(report.path))
    for expected in ("重大事故隐患报告", "××市应急管理局：", "装置建成较早", "超温超压可能导致液氯泄漏",
                     "需部分停产改造", "FA-" + major.number.partition("-")[2], form.verify_code):  # fmt: skip
        assert expected in text, expected
    assert report.records[0].verify_code != plan.records[0].verify_code
    assert sheets.verify_code(demo.uow(), form.verify_code).kind is SheetKind.REPORT


def test_major_acceptance_has_the_group_and_the_evaluation(demo, tmp_path) -> None:
    major = assign_major(demo, graded(demo, HazardGrade.MAJOR))
    safety, doer, others = people(demo)
    waiting = submit(demo, major, doer, safety)
    blank = save(demo, SheetKind.ACCEPTANCE, waiting, tmp_path / "blank.pdf").prepared.document.sheets[0]
    assert isinstance(blank, AcceptanceForm) and blank.major and len(blank.acceptors) == 3
    group = (safety.id, *[p.id for p in others if p.id != doer.id][:2])
    evaluation = Evaluation(
        Evaluator.AGENCY, "江苏某安全评价有限公司", "苏安评〔2026〕118号", date.today(), "治理达到预期效果"
    )
    decision = AcceptanceInput("同意销号", group, evaluation)
    closed = rect.accept(demo.uow(), waiting.id, waiting.revision, safety.id, decision)
    done = save(demo, SheetKind.ACCEPTANCE, closed, tmp_path / "major.pdf")
    text = flat(text_of(done.path))
    for expected in ("验收组成员签字", "验收组长", "治理效果评估", "苏安评〔2026〕118号", "治理达到预期效果"):
        assert expected in text, expected


def test_the_print_command_writes_a_form_and_refuses_one_the_state_does_not_allow(
    demo, tmp_path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "zh_CN")
    general = graded(demo, HazardGrade.GENERAL)
    folder = str(demo.data_dir)
    out = tmp_path / "acceptance.pdf"
    assert main(["print", "acceptance", general.number, "-o", str(out), "--data-dir", folder]) == 2
    assert not out.exists()
    assert "尚未申请验收" in capsys.readouterr().err
    assigned, _safety, _doer = assign_general(demo, general)
    out = tmp_path / "notice.pdf"
    assert main(["print", "notice", assigned.number.lower(), "-o", str(out), "--data-dir", folder]) == 0
    assert out.exists() and "隐患整改通知书" in flat(text_of(out))
    assert main(["print", "notice", assigned.number, "-o", str(tmp_path / "n.txt"), "--data-dir", folder]) == 2
    assert not (tmp_path / "n.txt").exists()
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "en")
    out = tmp_path / "plan.pdf"
    assert main(["print", "plan", assigned.number, "-o", str(out), "--data-dir", folder]) == 2
    assert not out.exists() and "is not a major hazard" in capsys.readouterr().err
    assert main(["print", "notice", assigned.number, "-o", str(out), "--data-dir", folder, "--lang", "en"]) == 2
    assert "Chinese" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:  # argparse lists the kinds
        main(["print", "letter", assigned.number, "-o", str(out), "--data-dir", folder])
    assert stopped.value.code == 2 and "notice" in capsys.readouterr().err


def test_a_hazard_fixed_on_the_spot_prints_its_notice_and_acceptance_form(demo, tmp_path) -> None:
    connection = sqlite3.connect(demo.data_dir / "hazard_desktop.db")
    try:
        rows = connection.execute(
            "SELECT id FROM hazards WHERE status = ? ORDER BY number", (HazardStatus.OPEN.value,)
        ).fetchall()
    finally:
        connection.close()
    safety, doer, others = people(demo)
    photo = StagedPhoto(PhotoFile("after.jpg", make_photo(9, (640, 480))), PhotoStage.AFTER)
    for (raw,) in rows:  # the first open hazard the rules let its finder fix on the spot
        found = hazard(demo, uuid.UUID(raw))
        acceptor = safety if safety.id != found.found_by_id else doer
        try:
            fixed = rect.fix_on_the_spot(
                demo.uow(), found.id, found.revision, found.found_by_id, "当场关闭阀门并更换垫片。", acceptor.id,
                (photo,), demo.images,
            )  # fmt: skip
        except InvalidTransition:
            continue
        break
    else:  # pragma: no cover - the demo always has one
        pytest.fail("no open demo hazard could be fixed on the spot")
    assert fixed.status is HazardStatus.VERIFYING
    form = save(demo, SheetKind.ACCEPTANCE, fixed, tmp_path / "spot.pdf")
    sheet = form.prepared.document.sheets[0]
    assert isinstance(sheet, AcceptanceForm) and sheet.after and [a.name for a in sheet.acceptors] == [acceptor.name]
    assert "当场关闭阀门并更换垫片。" in flat(text_of(form.path))
    # the finder's measure is the hazard's 五定: the notice records the fix on the spot
    notice = save(demo, SheetKind.NOTICE, fixed, tmp_path / "spot-notice.pdf")
    assert isinstance(notice.prepared.document.sheets[0], NoticeForm)
    assert notice.prepared.document.sheets[0].on_the_spot and "当场整改" in flat(text_of(notice.path))


def test_the_notice_prints_the_plants_own_five_labels(demo, tmp_path) -> None:
    from hazard_desktop.domain.rectification import FiveLabels, RectificationSettings

    current = rect.load_settings(demo.uow())
    labels = FiveLabels("责任落实", "整改措施", "资金保障", "完成时限", "应急预案")
    rect.save_settings(demo.uow(), RectificationSettings(labels, current.deadlines))
    assigned, _safety, _doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))
    result = save(demo, SheetKind.NOTICE, assigned, tmp_path / "labels.pdf")
    sheet = result.prepared.document.sheets[0]
    assert isinstance(sheet, NoticeForm)
    assert [line.label for line in sheet.assignment] == list(labels.as_tuple())
    text = flat(text_of(result.path))
    assert all(label in text for label in labels.as_tuple()) and "定预案" not in text


def test_a_form_whose_render_fails_records_nothing_and_leaves_no_file(demo, tmp_path) -> None:
    assigned, _safety, _doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))

    class Broken:
        def render(self, document, path):
            Path(path).write_bytes(b"%PDF-1.4 half")
            raise OSError(28, "No space left on device")

    target = tmp_path / "out" / "notice.pdf"
    target.parent.mkdir()
    with pytest.raises(OSError):
        sheets.print_document(demo.uow(), SheetRequest.form(SheetKind.NOTICE, assigned.id), Broken(), target, "x")
    assert list(target.parent.iterdir()) == [] and form_prints(demo) == 0


def test_the_acceptance_form_shows_the_progress_photos_labelled(demo, tmp_path) -> None:
    """Issue 12: a photo added with 整改进展 was on no form."""
    assigned, safety, doer = assign_general(demo, graded(demo, HazardGrade.GENERAL))
    progress = StagedPhoto(PhotoFile("progress.jpg", make_photo(5, (640, 480))), PhotoStage.PROGRESS)
    noted = rect.add_note(
        demo.uow(), assigned.id, assigned.revision, doer.id, "旧压力表已拆下。", (progress,), demo.images
    )
    waiting = submit(demo, noted, doer, safety)
    result = save(demo, SheetKind.ACCEPTANCE, waiting, tmp_path / "acceptance.pdf")
    form = result.prepared.document.sheets[0]
    assert isinstance(form, AcceptanceForm)
    assert [p.caption.split("（")[0] for p in form.after] == ["整改进展", "整改后"]
    assert "整改进展" in flat(text_of(result.path))
    assert_page_renders(result.path, tmp_path)

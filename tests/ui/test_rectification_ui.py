"""The rectification loop in the window (issue 12): a hazard goes from 待定级 to 已销号 through the real menu
actions and dialogs, each step's OK pressed; refusals are shown in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from hazard_desktop.app import close_context
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.rectification import Action, AssignmentInput
from hazard_desktop.services import rectification
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.ui.dialogs.panel_scoring import PanelScoringDialog
from hazard_desktop.ui.grading_actions import install_grading_actions
from hazard_desktop.ui.main_window import MainWindow
from hazard_desktop.ui.models import register_model as rm
from hazard_desktop.ui.rectification import dialogs as dlg
from hazard_desktop.ui.rectification.actions import RectificationActions, install_rectification_actions
from tests.factories import hazard_input, make_context
from tests.ui.check_answers import answer_no_match
from tests.ui.conftest import make_image


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = make_context(tmp_path / "data")
    yield ctx
    close_context(ctx)


@pytest.fixture
def people(context):
    return ensure_people(context.uow())


def person(people, code, name):
    return next(p for p in people[code] if p.name == name)


class Script:
    """What each dialog does when the action opens it: ``steps[type]`` fills it and presses its buttons."""

    def __init__(self, monkeypatch) -> None:
        self.steps: dict[type, Callable[[QDialog], None]] = {}
        self.seen: list[QDialog] = []
        script = self

        def exec_(dialog: QDialog) -> int:
            script.seen.append(dialog)
            script.steps[type(dialog)](dialog)
            return int(dialog.result())

        monkeypatch.setattr(dlg._StepDialog, "exec", exec_)


@pytest.fixture
def window(qtbot, context, people, monkeypatch):
    inspector = person(people, "AHB", "赵志强")
    hazard = create_hazard(
        context.uow(),
        hazard_input(
            context, inspector, description="合成一车间 P-101A 机封泄漏", found_at=datetime.now(UTC) - timedelta(days=1)
        ),
    )
    win = MainWindow(context)
    qtbot.addWidget(win)
    install_grading_actions(win, context)
    install_rectification_actions(win, context)
    win.hazard = hazard  # type: ignore[attr-defined]
    win.select_hazard(hazard.id)
    return win


def grade(window, people, monkeypatch) -> None:
    panel_ids = [
        person(people, "AHB", "陈建国").id,
        person(people, "SCB", "周永明").id,
        person(people, "GH", "黄秀英").id,
    ]

    def run_panel(self):
        self.set_members(panel_ids)
        self.start_scoring()
        for _ in range(3):
            self.scoring.enter("3", "6", "7")  # D = 126: 显著危险 → 7 days by default
        answer_no_match(self)  # §5.1 first: no criterion matches
        self.confirm_current()
        return 0

    monkeypatch.setattr(PanelScoringDialog, "exec", run_panel)
    window.grading_actions.grade.trigger()


def enabled(actions: RectificationActions) -> set[str]:
    return {name for name, action in actions.actions.items() if action.isEnabled()}


def test_a_hazard_goes_from_open_to_closed_out_in_the_window(qtbot, context, people, window, monkeypatch, tmp_path):
    actions: RectificationActions = window.rectification_actions
    hazard = window.hazard
    safety = person(people, "AHB", "陈建国")
    workshop = [p for p in people["HC1"]]
    responsible = workshop[0]
    assert actions.view is not None and actions.view.hazard.status is HazardStatus.OPEN
    assert enabled(actions) == {"on_the_spot"}  # 待定级: grade first, or fix it on the spot
    assert actions.section.buttons["assign"].defaultAction() is actions.actions["assign"]
    assert not actions.section.buttons["assign"].isEnabled()

    grade(window, people, monkeypatch)
    assert actions.view.hazard.status is HazardStatus.GRADED
    assert {"assign", "on_the_spot"} <= enabled(actions) and "accept" not in enabled(actions)

    script = Script(monkeypatch)
    # 1. 五定 by someone not of the safety department: refused in the dialog, which stays open; then by 陈建国.
    actions.set_operator(responsible.id)

    def fill_assign(d: dlg.AssignDialog) -> None:
        d.department.setCurrentIndex(d.department.findData(str(responsible.department_id)))
        d.person.setCurrentIndex(d.person.findData(str(responsible.id)))
        assert d.findChild(dlg.QLabel, "stepHeading").text().startswith(hazard.number)
        d.measures.setPlainText("更换机械密封，清理地面积料")
        d.funds.setText("12500.50")
        d.funds_source.setText("车间维修费")
        d.interim.setPlainText("设置警戒区，每班巡检两次")
        assert d.deadline.date() == dlg.to_qdate(actions.view.today + timedelta(days=7))  # the settings' default
        d.ok.click()

    script.steps[dlg.AssignDialog] = fill_assign
    # the services say this operator may not: the action is greyed and its tooltip says why
    assert not actions.actions["assign"].isEnabled()
    assert "safety department" in actions.actions["assign"].toolTip()
    assert not actions.section.buttons["assign"].isEnabled()
    # had the dialog been opened anyway (by the 操作人 changed meanwhile), the use case refuses in it
    actions.assign()
    refused = script.seen[-1]
    assert refused.result() != QDialog.DialogCode.Accepted
    assert "safety department" in refused.error_text()
    assert actions.view.hazard.status is HazardStatus.GRADED  # nothing written

    actions.set_operator(safety.id)
    actions.actions["assign"].trigger()
    assert actions.view.hazard.status is HazardStatus.RECTIFYING
    assert actions.view.hazard.deadline == actions.view.today + timedelta(days=7)
    assert "Rectification assigned." in window.statusBar().currentMessage()
    row = window.model.row_at(window.model.position_of(hazard.id))
    assert row.deadline == actions.view.hazard.deadline and row.responsible_person_name == responsible.name
    assert {"note", "revise"} <= enabled(actions) and "submit" not in enabled(actions)  # 安环部 does not submit

    # 2. progress note with a before photo, by the responsible person
    actions.set_operator(responsible.id)
    before = make_image(tmp_path / "before.png", "#aa3333")

    def fill_note(d: dlg.NoteDialog) -> None:
        d.text.setPlainText("已拆下旧密封")
        d.photos.stage.setCurrentIndex(d.photos.stage.findData("before"))
        assert d.photos.add_files([before]) == []
        d.ok.click()

    script.steps[dlg.NoteDialog] = fill_note
    actions.actions["note"].trigger()
    assert actions.view.notes and actions.view.notes[-1].photos[0].stage.value == "before"

    # 3. extension: asked by the responsible person, approved by 陈建国
    new_deadline = actions.view.hazard.deadline + timedelta(days=10)

    def fill_request(d: dlg.ExtensionRequestDialog) -> None:
        d.new_deadline.setDate(dlg.to_qdate(new_deadline))
        d.reason.setPlainText("备件到货需要两周")
        d.ok.click()

    script.steps[dlg.ExtensionRequestDialog] = fill_request
    actions.actions["request_extension"].trigger()
    assert actions.view.hazard.extension_pending
    assert "submit" not in enabled(actions)  # the extension is decided first
    assert "decide_extension" not in enabled(actions)  # … and not by the one who asked

    actions.set_operator(safety.id)

    def approve(d: dlg.ExtensionDecisionDialog) -> None:
        d.approve_choice.setChecked(True)
        d.ok.click()

    script.steps[dlg.ExtensionDecisionDialog] = approve
    actions.actions["decide_extension"].trigger()
    assert actions.view.hazard.deadline == new_deadline and not actions.view.hazard.extension_pending

    # 4. acceptance requested (after photo), naming 陈建国; the responsible person is not offered as acceptor
    actions.set_operator(responsible.id)
    after = make_image(tmp_path / "after.png", "#33aa33")

    def fill_submit(d: dlg.SubmitDialog) -> None:
        assert d.acceptor.findData(str(responsible.id)) == -1
        d.acceptor.setCurrentIndex(d.acceptor.findData(str(safety.id)))
        d.text.setPlainText("密封已更换，试车无泄漏")
        assert d.photos.add_files([after]) == []
        d.ok.click()

    script.steps[dlg.SubmitDialog] = fill_submit
    actions.actions["submit"].trigger()
    assert actions.view.hazard.status is HazardStatus.VERIFYING
    assert actions.view.hazard.acceptor_id == safety.id

    # 5. 退回 with a reason, by the acceptor; back to 整改中
    actions.set_operator(safety.id)

    def send_back(d: dlg.AcceptDialog) -> None:
        d.send_back_choice.setChecked(True)
        assert d.ok.text() == "Send back"
        d.remarks.setPlainText("地面仍有积料")
        d.ok.click()

    script.steps[dlg.AcceptDialog] = send_back
    actions.actions["accept"].trigger()
    assert actions.view.hazard.status is HazardStatus.RECTIFYING
    assert actions.view.timeline[-1].action is Action.SEND_BACK
    assert actions.view.timeline[-1].reason == "地面仍有积料"

    # 6. requested again, accepted: 已销号
    actions.set_operator(responsible.id)
    actions.actions["submit"].trigger()
    actions.set_operator(safety.id)

    def accept(d: dlg.AcceptDialog) -> None:
        before_list = d.findChild(dlg.QListWidget, "beforePhotos")
        after_list = d.findChild(dlg.QListWidget, "afterPhotos")
        assert before_list.count() == 1 and after_list.count() == 2  # side by side: before | after (two submits)
        # issue 12: no result chosen beforehand, and no closing out without an opinion
        assert not d.accept_choice.isChecked() and not d.send_back_choice.isChecked()
        d.ok.click()
        assert d.error_text() == "Choose the result: accepted (close out) or not accepted (send back)."
        d.accept_choice.setChecked(True)
        assert d.ok.text() == "Accept and close out"
        d.ok.click()
        assert d.error_text() == "Write the acceptance opinion."
        d.remarks.setPlainText("整改合格")
        d.ok.click()

    script.steps[dlg.AcceptDialog] = accept
    actions.actions["accept"].trigger()
    view = actions.view
    assert view.hazard.status is HazardStatus.CLOSED and view.hazard.closed_on == view.today
    assert enabled(actions) == set()
    steps = [t.action for t in view.timeline]
    assert steps == [
        Action.GRADE, Action.ASSIGN, Action.NOTE, Action.REQUEST_EXTENSION, Action.APPROVE_EXTENSION,
        Action.SUBMIT, Action.SEND_BACK, Action.SUBMIT, Action.ACCEPT,
    ]  # fmt: skip
    section = actions.section
    assert section.timeline.count() == len(steps)
    assert "Sent back" in section.timeline.item(6).text() and "地面仍有积料" in section.timeline.item(6).text()
    assert section.fields["closed_on"].text() == view.today.isoformat()
    assert window.model.row_at(window.model.position_of(hazard.id)).status is HazardStatus.CLOSED


def test_status_bar_counts_and_the_due_list(qtbot, context, people, window, monkeypatch):
    actions: RectificationActions = window.rectification_actions
    assert actions.counts.text() == "Overdue: 0 · due within 7 days: 0 · awaiting acceptance: 0"
    grade(window, people, monkeypatch)
    safety = person(people, "AHB", "陈建国")
    responsible = people["HC1"][0]
    view = actions.view
    rectification.assign(
        context.uow(), view.hazard.id, view.hazard.revision, safety.id,
        AssignmentInput(responsible.department_id, responsible.id, "更换密封", Decimal(0), "", None, "警戒"),
    )  # fmt: skip
    actions.today = lambda: view.today + timedelta(days=9)  # two days past the 7-day deadline
    window.refresh()  # F5: the register, its days left and the counts are read again
    counts = actions.update_counts()
    assert counts == {"overdue": 1, "due_soon": 0, "awaiting": 0}
    assert actions.counts.text().startswith("Overdue: 1")
    row = window.model.position_of(view.hazard.id)
    assert window.model.data(window.model.index(row, rm.COL_DAYS_LEFT)) == "-2"  # the register counts from that day too
    actions.counts.click()
    dialog = actions.last_dialog
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 4).text() == "-2" and dialog.table.item(0, 4).foreground().color().name() == "#c62828"
    assert dialog.summary.text() == "1 overdue, 0 due within 7 days."
    dialog.filter_buttons["overdue"].click()
    assert window.filter_bar.deadline.currentData() == "overdue"
    dialog.close()


def test_settings_page_stores_the_five_labels_and_default_deadlines(qtbot, context, people, window, monkeypatch):
    from hazard_desktop.ui.dialogs.settings_pages.rectification import RectificationPage

    page = RectificationPage(context)  # the settings dialog's tab 整改 (test_settings_dialog counts the tabs)
    qtbot.addWidget(page)
    page.show()
    assert [e.placeholderText() for e in page.label_edits] == [
        "Responsibility", "Measures", "Funds", "Time limit", "Contingency plan"
    ]  # fmt: skip
    assert page.day_spins["significant"].value() == 7 and page.day_spins["extreme"].value() == 0
    assert page.day_spins["extreme"].text() == "immediately"
    # a half-filled list of labels is refused with the services' sentence, nothing stored
    page.label_edits[0].setText("定责任人")
    page.save_button.click()
    assert "must not be empty" in page.message.text()
    assert rectification.load_settings(context.uow()).labels is None
    for edit, text in zip(page.label_edits, ["责任到人", "措施到位", "资金落实", "限期完成", "预案到位"], strict=True):
        edit.setText(text)
    page.day_spins["significant"].setValue(10)
    page.save_button.click()
    stored = rectification.load_settings(context.uow())
    assert stored.labels is not None and stored.labels.as_tuple()[0] == "责任到人"
    assert stored.deadlines.days_for("significant") == 10
    page.close()

    # the 五定 dialog shows the plant's labels and the new default (D = 126: 显著危险 → 10 days)
    grade(window, people, monkeypatch)
    actions: RectificationActions = window.rectification_actions
    actions.set_operator(person(people, "AHB", "陈建国").id)
    script = Script(monkeypatch)
    seen: dict[str, object] = {}

    def look(d: dlg.AssignDialog) -> None:
        seen["labels"] = [d.form.labelForField(w).text() for w in (d.measures, d.interim)]
        seen["deadline"] = dlg.to_date(d.deadline.date())
        d.reject()

    script.steps[dlg.AssignDialog] = look
    actions.actions["assign"].trigger()
    assert seen["labels"] == ["措施到位:", "预案到位:"]
    assert seen["deadline"] == actions.view.today + timedelta(days=10)
    assert actions.view.hazard.status is HazardStatus.GRADED  # cancelled: nothing written


def test_a_major_hazard_needs_its_plan_group_and_evaluation(qtbot, context, people, window, monkeypatch):
    from hazard_desktop.services import grading as grading_service

    actions: RectificationActions = window.rectification_actions
    hazard = window.hazard
    safety = person(people, "AHB", "陈建国")
    responsible = people["HC1"][0]
    grade(window, people, monkeypatch)
    assert grading_service is not None
    # force the grade to 重大 through a panel decision is long; use the register's grade columns as the
    # grading use cases keep them (test set-up only)
    import sqlite3

    from hazard_desktop import paths

    con = sqlite3.connect(paths.database_path(context.data_dir))
    con.execute("UPDATE hazards SET grade = 'major' WHERE id = ?", [str(hazard.id)])
    con.commit()
    con.close()
    window.refresh()
    assert actions.view.hazard.grade is HazardGrade.MAJOR
    actions.set_operator(safety.id)
    script = Script(monkeypatch)
    limit = actions.view.today + timedelta(days=60)

    def fill(d: dlg.AssignDialog) -> None:
        assert d.plan is not None and not d.deadline.isEnabled()
        d.department.setCurrentIndex(d.department.findData(str(responsible.department_id)))
        d.person.setCurrentIndex(d.person.findData(str(responsible.id)))
        d.measures.setPlainText("停用旧管线，新建管廊")
        d.interim.setPlainText("局部停产，设置隔离区")
        p = d.plan
        texts = (
            (p.goal, "消除管线腐蚀泄漏风险"),
            (p.methods, "更换管线"),
            (p.funds, "专项资金 80 万元"),
            (p.organisation, "设备部牵头"),
            (p.requirements, "60 天内完成"),
            (p.safety, "应急预案"),
        )
        for edit, text in texts:
            edit.setPlainText(text)
        p.time_limit.setDate(dlg.to_qdate(limit))
        p.stoppage.setCurrentIndex(p.stoppage.findData("partial"))
        made, when, reference = p.reports[dlg.ReportKind.REGULATOR]
        made.setChecked(True)
        reference.setText("安监报〔2026〕12号")
        d.ok.click()

    script.steps[dlg.AssignDialog] = fill
    actions.actions["assign"].trigger()
    view = actions.view
    assert view.hazard.status is HazardStatus.RECTIFYING and view.hazard.deadline == limit
    assert view.plan is not None and view.plan.reports[0].reference == "安监报〔2026〕12号"
    assert "plan" in enabled(actions)

    def supervise(d: dlg.PlanDialog) -> None:  # 挂牌督办 comes later: the plan is revised
        assert d.plan.goal.toPlainText() == "消除管线腐蚀泄漏风险"
        d.plan.supervised.setChecked(True)
        d.plan.supervision_by.setText("市应急管理局")
        d.plan.supervision_ref.setText("督办〔2026〕3号")
        d.ok.click()

    script.steps[dlg.PlanDialog] = supervise
    actions.actions["plan"].trigger()
    assert actions.view.plan.supervision is not None and actions.view.plan.supervision.by == "市应急管理局"
    assert actions.view.timeline[-1].action is Action.SAVE_PLAN

    actions.set_operator(responsible.id)

    def submit(d: dlg.SubmitDialog) -> None:
        d.acceptor.setCurrentIndex(d.acceptor.findData(str(safety.id)))
        d.text.setPlainText("新管廊投用")
        d.ok.click()

    script.steps[dlg.SubmitDialog] = submit
    actions.actions["submit"].trigger()
    assert actions.view.hazard.status is HazardStatus.VERIFYING
    actions.set_operator(safety.id)
    group = [safety.id, person(people, "SCB", "周永明").id]

    def too_small(d: dlg.AcceptDialog) -> None:
        assert d.group is not None and d.group_ids() == (safety.id,)  # the operator is ticked
        for pid in group:
            d.check_person(pid)
        d.accept_choice.setChecked(True)
        d.remarks.setPlainText("合格")
        d.ok.click()
        assert "at least 3" in d.error_text()
        d.check_person(person(people, "GH", "黄秀英").id)
        d.ok.click()
        assert d.error_text() == "Evaluated by must not be empty."
        d.evaluated_by.setText("某安全评价有限公司")
        d.report_reference.setText("PJ-2026-088")
        d.evaluator.setCurrentIndex(d.evaluator.findData("agency"))
        d.conclusion.setPlainText("治理效果符合要求")
        d.ok.click()
        assert d.error_text() == ""

    script.steps[dlg.AcceptDialog] = too_small
    actions.actions["accept"].trigger()
    view = actions.view
    assert view.hazard.status is HazardStatus.CLOSED
    assert view.closing is not None and len(view.closing.group) == 3
    assert view.closing.evaluation is not None and view.closing.evaluation.report_reference == "PJ-2026-088"


def test_on_the_spot_fix_needs_a_second_person_and_a_grade(qtbot, context, people, window, monkeypatch, tmp_path):
    actions: RectificationActions = window.rectification_actions
    finder = person(people, "AHB", "赵志强")
    acceptor = person(people, "AHB", "陈建国")
    script = Script(monkeypatch)
    actions.set_operator(finder.id)
    photo = make_image(tmp_path / "fixed.png", "#22aa22")

    def fix(d: dlg.OnTheSpotDialog) -> None:
        assert d.acceptor.findData(str(finder.id)) == -1  # nobody accepts their own fix
        d.measure.setPlainText("当场紧固法兰螺栓，泄漏消除")
        d.acceptor.setCurrentIndex(d.acceptor.findData(str(acceptor.id)))
        d.ok.click()  # no after-photo yet: refused, the dialog stays open
        assert d.error_text() == "Add at least one photo after the fix."
        assert d.photos.add_files([photo]) == []
        d.ok.click()

    script.steps[dlg.OnTheSpotDialog] = fix
    actions.actions["on_the_spot"].trigger()
    assert actions.view.hazard.status is HazardStatus.VERIFYING
    assert actions.view.hazard.acceptor_id == acceptor.id
    actions.set_operator(acceptor.id)

    def accept(d: dlg.AcceptDialog) -> None:
        assert d.findChild(dlg.QListWidget, "afterPhotos").count() == 1
        d.accept_choice.setChecked(True)
        d.remarks.setPlainText("已消除")
        d.ok.click()
        seen.append(d.error_text())
        d.reject()

    seen: list[str] = []
    script.steps[dlg.AcceptDialog] = accept
    actions.actions["accept"].trigger()
    assert seen == ["The hazard fixed on the spot must be graded before it can be accepted."]
    grade(window, people, monkeypatch)  # 待验收 stays; the grade comes in

    def accept_now(d: dlg.AcceptDialog) -> None:
        d.accept_choice.setChecked(True)
        d.remarks.setPlainText("已消除")
        d.ok.click()

    script.steps[dlg.AcceptDialog] = accept_now
    actions.actions["accept"].trigger()
    assert actions.view.hazard.status is HazardStatus.CLOSED


def test_revise_and_a_refused_extension(qtbot, context, people, window, monkeypatch):
    actions: RectificationActions = window.rectification_actions
    safety = person(people, "AHB", "陈建国")
    responsible = people["HC1"][0]
    grade(window, people, monkeypatch)
    view = actions.view
    rectification.assign(
        context.uow(), view.hazard.id, view.hazard.revision, safety.id,
        AssignmentInput(responsible.department_id, responsible.id, "更换密封", Decimal(0), "", None, "警戒"),
    )  # fmt: skip
    window.refresh()
    deadline = actions.view.hazard.deadline
    script = Script(monkeypatch)
    actions.set_operator(safety.id)

    def revise(d: dlg.AssignDialog) -> None:
        assert not d.deadline.isEnabled() and d.measures.toPlainText() == "更换密封"
        d.measures.setPlainText("更换密封并加装泄漏检测")
        d.funds.setText("3,000")
        d.reason.setPlainText("现场复查后补充措施")
        d.ok.click()

    script.steps[dlg.AssignDialog] = revise
    actions.actions["revise"].trigger()
    assert actions.view.assignment.measures == "更换密封并加装泄漏检测"
    assert actions.view.assignment.funds == Decimal(3000) and actions.view.hazard.deadline == deadline

    actions.set_operator(responsible.id)

    def ask(d: dlg.ExtensionRequestDialog) -> None:
        d.new_deadline.setDate(dlg.to_qdate(deadline + timedelta(days=30)))
        d.reason.setPlainText("等待停车检修")
        d.ok.click()

    script.steps[dlg.ExtensionRequestDialog] = ask
    actions.actions["request_extension"].trigger()
    # the requester (a workshop man) may not decide it: greyed, the tooltip says why
    assert not actions.actions["decide_extension"].isEnabled()
    assert actions.actions["decide_extension"].toolTip().startswith("Only the safety department")
    actions.set_operator(safety.id)

    def refuse(d: dlg.ExtensionDecisionDialog) -> None:
        d.refuse_choice.setChecked(True)
        d.reason.setPlainText("检修期过长，请先采取临时措施")
        d.ok.click()

    script.steps[dlg.ExtensionDecisionDialog] = refuse
    actions.actions["decide_extension"].trigger()
    view = actions.view
    assert not view.hazard.extension_pending and view.hazard.deadline == deadline
    assert view.timeline[-1].action is Action.REFUSE_EXTENSION
    assert "检修期过长" in actions.section.timeline.item(actions.section.timeline.count() - 1).text()


def test_steps_greyed_because_the_loop_cannot_be_read_say_why(qtbot, context, window, monkeypatch):
    """Trial (142): on a laptop every step of 整改 was grey with no reason; the menu now shows each step's reason."""
    from hazard_desktop.domain.errors import NotPermitted
    from hazard_desktop.services import rectification

    def refuse(*_args, **_kwargs):
        raise NotPermitted("role_required", use_case="rectification.view", roles=["inspector"], actor="李强")

    actions: RectificationActions = window.rectification_actions
    assert window.menu_for("rectification").toolTipsVisible()
    monkeypatch.setattr(rectification, "load_view", refuse)
    actions.load(window.hazard.id)
    assert enabled(actions) == set()
    tip = actions.actions["accept"].toolTip()
    assert "“Inspector”" in tip and "Tools → Accounts" in tip and actions.actions["accept"].statusTip() == tip
    monkeypatch.undo()
    actions.load(window.hazard.id)
    assert "Inspector" not in actions.actions["accept"].toolTip()


def test_a_department_without_people_says_where_to_add_them(qtbot, context, people, window, monkeypatch):
    """Trial (131): 精馏车间 had nobody and the person list was just empty; now the dialog says why and where."""
    staffed = {p.department_id for group in people.values() for p in group}
    actions: RectificationActions = window.rectification_actions
    grade(window, people, monkeypatch)
    actions.set_operator(person(people, "AHB", "陈建国").id)
    script = Script(monkeypatch)
    from hazard_desktop.services import reference_admin

    with context.uow() as uow:
        workshop = next(d for d in uow.reference.departments() if d.id == people["HC1"][0].department_id)
    nobody = reference_admin.save_department(context.uow(), None, "JL2", "精馏二车间", workshop.kind)
    assert nobody.id not in staffed
    seen: dict[str, object] = {}

    def look(d: dlg.AssignDialog) -> None:
        d.department.setCurrentIndex(d.department.findData(str(nobody.id)))
        seen["empty"] = (d.person.count(), d.person.itemText(0), d.people_note.isVisibleTo(d), d.people_note.text())
        d.department.setCurrentIndex(d.department.findData(str(people["HC1"][0].department_id)))
        seen["full"] = (d.person.count() > 1, d.people_note.isVisibleTo(d), d.person.toolTip())
        d.reject()

    script.steps[dlg.AssignDialog] = look
    actions.actions["assign"].trigger()
    count, first, shown, note = seen["empty"]
    assert count == 1 and first == "(nobody in this department)" and shown
    assert nobody.name in note and "Tools → Settings → People" in note
    assert seen["full"] == (True, False, "")


def test_namesakes_are_told_apart_in_the_pickers_the_register_the_detail_and_the_timeline(
    qtbot, context, people, window, monkeypatch
):
    """Two 陈建国 of 安环部 and two of the workshop's responsible person (each with an employee number): the
    responsible-person and acceptor lists, the register's columns, the detail's finder, the rectification
    section and its timeline name each with the number; people without a namesake stay as they were."""
    from hazard_desktop.services import reference_admin

    actions: RectificationActions = window.rectification_actions
    hazard = window.hazard
    safety = person(people, "AHB", "陈建国")
    finder = person(people, "AHB", "赵志强")
    responsible, other = people["HC1"][0], people["HC1"][1]
    twin = reference_admin.save_person(context.uow(), None, responsible.name, "E0097", responsible.department_id, [])
    reference_admin.save_person(context.uow(), None, safety.name, "E0096", safety.department_id, ["safety_officer"])
    reference_admin.save_person(context.uow(), None, finder.name, "E0095", finder.department_id, [])
    grade(window, people, monkeypatch)
    window.refresh()
    window.select_hazard(hazard.id)
    row = window.model.row_at(window.model.position_of(hazard.id))
    assert row.found_by_name == f"赵志强（{finder.employee_no}）"
    assert window.detail.fields["found_by"].text() == f"赵志强 ({finder.employee_no})"

    script = Script(monkeypatch)
    offered: list[str] = []

    def fill_assign(d: dlg.AssignDialog) -> None:
        d.department.setCurrentIndex(d.department.findData(str(responsible.department_id)))
        offered.extend(d.person.itemText(i) for i in range(d.person.count()))
        d.person.setCurrentIndex(d.person.findData(str(twin.id)))
        d.measures.setPlainText("更换机械密封")
        d.funds.setText("100")
        d.funds_source.setText("车间维修费")
        d.interim.setPlainText("设置警戒区")
        d.ok.click()

    script.steps[dlg.AssignDialog] = fill_assign
    actions.set_operator(safety.id)
    actions.actions["assign"].trigger()
    assert actions.view.hazard.responsible_person_id == twin.id
    workshop = "合成一车间"
    assert f"{responsible.name} ({responsible.employee_no})（{workshop}）" in offered
    assert f"{responsible.name} (E0097)（{workshop}）" in offered
    assert f"{other.name}（{workshop}）" in offered  # no namesake: as before
    row = window.model.row_at(window.model.position_of(hazard.id))
    assert row.responsible_person_name == f"{responsible.name}（E0097）"
    assert actions.section.fields["responsible"].text() == f"{responsible.name} (E0097)（{workshop}）"
    assert f"陈建国 ({safety.employee_no})（安环部）" in actions.section.timeline.item(1).text()

    acceptors: list[str] = []

    def fill_submit(d: dlg.SubmitDialog) -> None:
        acceptors.extend(d.acceptor.itemText(i) for i in range(d.acceptor.count()))
        d.acceptor.setCurrentIndex(d.acceptor.findData(str(safety.id)))
        d.text.setPlainText("密封已更换")
        d.ok.click()

    script.steps[dlg.SubmitDialog] = fill_submit
    actions.set_operator(twin.id)
    actions.actions["submit"].trigger()
    assert actions.view.hazard.acceptor_id == safety.id
    assert f"陈建国 ({safety.employee_no})（安环部）" in acceptors and "陈建国 (E0096)（安环部）" in acceptors
    assert actions.section.fields["acceptor"].text() == f"陈建国 ({safety.employee_no})"
    assert f"acceptor 陈建国 ({safety.employee_no})" in actions.section.timeline.item(2).text()

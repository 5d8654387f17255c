"""What a new user's trial of the rectification loop found (issue 12), each through the real dialogs:
the 五定 dialog starts from the hazard's department, offers only its people and lists every problem at once;
a second 申请验收 offers the acceptor asked the first time."""

from __future__ import annotations

from datetime import timedelta

from hazard_desktop.domain.hazards import HazardStatus
from hazard_desktop.ui.rectification import dialogs as dlg
from hazard_desktop.ui.rectification.actions import RectificationActions
from tests.ui import test_rectification_ui as base

Script, grade, person = base.Script, base.grade, base.person
context, people, window = base.context, base.people, base.window  # the same fixtures


def test_the_five_dialog_starts_from_the_hazards_department_and_shows_all_problems(
    qtbot, context, people, window, monkeypatch, tmp_path
):
    actions: RectificationActions = window.rectification_actions
    hazard = window.hazard
    grade(window, people, monkeypatch)
    actions.set_operator(person(people, "AHB", "陈建国").id)
    workshop = people["HC1"][0]
    seen: dict[str, object] = {}

    def fill(d: dlg.AssignDialog) -> None:
        assert d.department.currentData() == str(hazard.department_id)  # prefilled
        d.department.setCurrentIndex(d.department.findData(str(workshop.department_id)))
        offered = {d.person.itemData(i) for i in range(1, d.person.count())}
        assert offered == {str(p.id) for p in people["HC1"] if p.active}  # only that department's people
        d.funds.setText("1e3")
        d.deadline.setDate(dlg.to_qdate(actions.view.today + timedelta(days=800)))
        d.ok.click()  # no person, no measures, 1e3, a deadline two years off: all at once
        seen["errors"] = d.error_text().splitlines()
        d.grab().save(str(tmp_path / "five_problems.png"))
        d.person.setCurrentIndex(d.person.findData(str(workshop.id)))
        d.measures.setPlainText("更换机械密封")
        d.funds.setText("１２，５００．５")  # full-width, as the input method types it
        d.deadline.setDate(dlg.to_qdate(actions.view.today + timedelta(days=7)))
        d.ok.click()

    script = Script(monkeypatch)
    script.steps[dlg.AssignDialog] = fill
    actions.actions["assign"].trigger()
    assert seen["errors"] == [
        "• Choose the responsible person.",
        "• Measures must not be empty.",
        "• The funds must be an amount in yuan with at most two decimals, e.g. 12,500.00.",
        "• The deadline is 800 days away; at most 366 days are allowed (a longer one needs a treatment plan).",
    ]
    assert actions.view.hazard.status is HazardStatus.RECTIFYING
    assert actions.view.assignment is not None and str(actions.view.assignment.funds) == "12500.5"
    assert actions.view.assignment.responsible_person_id == workshop.id


def test_a_second_request_offers_the_acceptor_asked_first(qtbot, context, people, window, monkeypatch):
    actions: RectificationActions = window.rectification_actions
    grade(window, people, monkeypatch)
    safety = person(people, "AHB", "陈建国")
    acceptor = person(people, "SCB", "周永明")
    workshop = people["HC1"][0]
    actions.set_operator(safety.id)
    script = Script(monkeypatch)

    def fill(d: dlg.AssignDialog) -> None:
        d.department.setCurrentIndex(d.department.findData(str(workshop.department_id)))
        d.person.setCurrentIndex(d.person.findData(str(workshop.id)))
        d.measures.setPlainText("更换机械密封")
        d.ok.click()

    offered: list[str] = []

    def submit(d: dlg.SubmitDialog) -> None:
        offered.append(d.acceptor.currentData())
        if not d.acceptor.currentData():
            d.acceptor.setCurrentIndex(d.acceptor.findData(str(acceptor.id)))
        d.text.setPlainText("密封已更换")
        d.ok.click()

    def send_back(d: dlg.AcceptDialog) -> None:
        d.send_back_choice.setChecked(True)
        d.remarks.setPlainText("地面仍有积料")
        d.ok.click()

    script.steps.update({dlg.AssignDialog: fill, dlg.SubmitDialog: submit, dlg.AcceptDialog: send_back})
    actions.actions["assign"].trigger()
    actions.set_operator(workshop.id)
    actions.actions["submit"].trigger()
    actions.set_operator(acceptor.id)
    actions.actions["accept"].trigger()
    assert actions.view.hazard.status is HazardStatus.RECTIFYING
    actions.set_operator(workshop.id)
    actions.actions["submit"].trigger()
    assert offered == ["", str(acceptor.id)]
    assert actions.view.hazard.acceptor_id == acceptor.id


def test_an_edit_of_a_graded_hazard_is_in_its_timeline_and_a_closed_one_cannot_be_edited(
    qtbot, context, people, window, monkeypatch, tmp_path
):
    from hazard_desktop.domain.rectification import AcceptanceInput, Action
    from hazard_desktop.services import rectification
    from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
    from hazard_desktop.ui.rectification.section import transition_text

    actions: RectificationActions = window.rectification_actions
    hazard = window.hazard
    grade(window, people, monkeypatch)
    safety = person(people, "AHB", "陈建国")
    actions.set_operator(safety.id)

    def edit(dialog: HazardEditorDialog) -> int:
        dialog.description.setPlainText("合成一车间 P-101A 机封泄漏（复核：B 侧）")
        dialog.save_button.click()
        return int(dialog.result())

    monkeypatch.setattr(HazardEditorDialog, "exec", edit)
    assert window.action_edit.isEnabled()
    window.action_edit.trigger()
    step = actions.view.timeline[-1]
    assert step.action is Action.EDIT and step.actor.person_id == safety.id
    assert step.details["changed"] == ["description"]
    assert "Details edited" in transition_text(step) and "description" in transition_text(step)

    # close it out through the services, then the register's edit action is greyed and says why
    view = actions.view
    workshop = people["HC1"][0]
    uow = context.uow
    h = rectification.assign(
        uow(), hazard.id, view.hazard.revision, safety.id,
        dlg.AssignmentInput(workshop.department_id, workshop.id, "更换机封", dlg.Decimal(0), "", None, ""),
    )  # fmt: skip
    h = rectification.submit_for_acceptance(uow(), h.id, h.revision, workshop.id, safety.id, "已更换")
    h = rectification.accept(uow(), h.id, h.revision, safety.id, AcceptanceInput("合格"))
    window.model.refresh()
    window.select_hazard(h.id)
    assert not window.action_edit.isEnabled()
    assert "read-only" in window.action_edit.toolTip()
    assert window.edit_hazard() is False  # a double-click: nothing opens, the status bar says why
    assert "read-only" in window.statusBar().currentMessage()
    window.grab().save(str(tmp_path / "closed_read_only.png"))


def test_progress_photos_are_shown_at_acceptance_and_counted_in_the_pane(
    qtbot, context, people, window, monkeypatch, tmp_path
):
    from tests.ui.conftest import make_image

    actions: RectificationActions = window.rectification_actions
    grade(window, people, monkeypatch)
    safety = person(people, "AHB", "陈建国")
    workshop = people["HC1"][0]
    actions.set_operator(safety.id)
    script = Script(monkeypatch)

    def fill(d: dlg.AssignDialog) -> None:
        d.department.setCurrentIndex(d.department.findData(str(workshop.department_id)))
        d.person.setCurrentIndex(d.person.findData(str(workshop.id)))
        d.measures.setPlainText("更换机械密封")
        d.ok.click()

    def note(d: dlg.NoteDialog) -> None:
        d.text.setPlainText("旧密封已拆下")
        assert d.photos.add_files([make_image(tmp_path / "progress.png", "#3366aa")]) == []  # stage: 进展
        d.ok.click()

    def submit(d: dlg.SubmitDialog) -> None:
        d.acceptor.setCurrentIndex(d.acceptor.findData(str(safety.id)))
        d.text.setPlainText("密封已更换")
        d.ok.click()

    seen: list[list[str]] = []

    def look(d: dlg.AcceptDialog) -> None:
        strip = d.findChild(dlg.QListWidget, "afterPhotos")
        seen.append([strip.item(i).text() for i in range(strip.count())])
        d.grab().save(str(tmp_path / "accept_photos.png"))
        d.reject()

    script.steps.update(
        {dlg.AssignDialog: fill, dlg.NoteDialog: note, dlg.SubmitDialog: submit, dlg.AcceptDialog: look}
    )
    actions.actions["assign"].trigger()
    actions.set_operator(workshop.id)
    actions.actions["note"].trigger()
    assert "rectification 1" in window.detail.photos_title.text()  # was 照片（0）
    assert actions.section.fields["photos"].text() == "progress 1"
    actions.actions["submit"].trigger()
    actions.set_operator(safety.id)
    actions.actions["accept"].trigger()
    assert seen == [["Progress: progress.png"]]


def test_a_double_click_in_the_due_list_shows_the_hazard_and_closes_the_list(
    qtbot, context, people, window, monkeypatch, tmp_path
):
    from PySide6.QtCore import Qt

    actions: RectificationActions = window.rectification_actions
    grade(window, people, monkeypatch)
    safety = person(people, "AHB", "陈建国")
    workshop = people["HC1"][0]
    view = actions.view
    from hazard_desktop.services import rectification

    rectification.assign(
        context.uow(), view.hazard.id, view.hazard.revision, safety.id,
        dlg.AssignmentInput(workshop.department_id, workshop.id, "更换密封", dlg.Decimal(0), "", None, ""),
    )  # fmt: skip
    actions.today = lambda: view.today + timedelta(days=9)
    window.refresh()
    actions.update_counts()
    window.show()
    window.view.clearSelection()
    window.action_details.trigger()  # the detail pane hidden
    assert not window.detail.isVisible()
    actions.counts.click()
    dialog = actions.last_dialog
    qtbot.waitExposed(dialog)
    size = dialog.size()
    assert size.width() <= 700 and size.height() <= 420  # not the whole screen
    dialog.grab().save(str(tmp_path / "due_list.png"))
    cell = dialog.table.visualItemRect(dialog.table.item(0, 1)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert not dialog.isVisible()
    assert window.current_hazard_id() == view.hazard.id
    assert window.detail.isVisible() and window.detail.hazard_id() == view.hazard.id


def test_a_status_message_is_not_drawn_over_the_permanent_items(qtbot, context, window, tmp_path):
    from PySide6.QtWidgets import QWidget

    window.resize(911, 480)  # 1366 px at 150 %
    window.show()
    qtbot.waitExposed(window)
    bar = window.statusBar()
    text = "Hazard YH-2026-0012 saved. Rectification assigned: deadline 2026-12-27 (in 39 days)."
    bar.showMessage(text, 8000)
    qtbot.waitUntil(lambda: not window.rectification_actions.counts.isVisible())
    needed = bar.fontMetrics().horizontalAdvance(text)

    def shown() -> list[QWidget]:
        return [w for w in bar.findChildren(QWidget) if w.parent() is bar and w.isVisible() and w.objectName()]

    qtbot.waitUntil(lambda: bool(shown()) and all(w.x() > needed for w in shown()))  # the layout's next pass
    assert window.count_label.isVisible()  # 共 N 条隐患 stays
    bar.grab().save(str(tmp_path / "status_message.png"))
    bar.clearMessage()
    assert window.rectification_actions.counts.isVisible()  # back once the message is gone

"""Panel scoring dialog on a real database file: one hazard and a batch, hidden entries, live panel checks,
results that survive a restart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton, QWidget

from hazard_desktop.app import close_context
from hazard_desktop.domain.grading import CheckBasis, GradingMethod, match_criterion
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.lec import Factor
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.hazards import create_hazard, get_hazard
from hazard_desktop.services.ports import RegisterFilter, SortKey
from hazard_desktop.ui.dialogs import panel_scoring
from hazard_desktop.ui.dialogs.criteria_check import CriteriaCheckResult
from hazard_desktop.ui.dialogs.panel_scoring import (
    PAGE_DONE,
    PAGE_PANEL,
    PAGE_RESULT,
    PAGE_SCORING,
    PanelScoringDialog,
)
from hazard_desktop.ui.formatting import format_datetime
from hazard_desktop.ui.widgets.hidden_scoring import HiddenScoring
from hazard_desktop.ui.widgets.member_picker import COL_NAME, CheckStateRole
from tests.factories import add_person, hazard_input, make_context
from tests.ui.check_answers import answer_no_match

DAY = date(2026, 3, 10)


def open_context(folder: Path) -> AppContext:
    return make_context(folder)


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def context(folder) -> Iterator[AppContext]:
    ctx = open_context(folder)
    yield ctx
    close_context(ctx)


@pytest.fixture
def people(context):
    """Demo staff by department code: AHB 安环部, SCB 生产部, GH 工会, SYB 事业部 …"""
    return ensure_people(context.uow())


@pytest.fixture
def hazards(context):
    inspector = add_person(context)
    return [
        create_hazard(
            context.uow(),
            hazard_input(
                context,
                inspector,
                description=f"合成一车间 P-10{n}A 机封泄漏，地面有物料积存",
                found_at=datetime(2026, 3, 1 + n, 8, 0, tzinfo=UTC),
            ),
        )
        for n in range(3)
    ]


def person(people, code, name):
    return next(p for p in people[code] if p.name == name)


@pytest.fixture
def panel_ids(people):
    """陈建国 (安环部, leader), 周永明 (生产部), 黄秀英 (工会)."""
    return [person(people, "AHB", "陈建国").id, person(people, "SCB", "周永明").id, person(people, "GH", "黄秀英").id]


def make_dialog(qtbot, context, hazard_ids, **kwargs) -> PanelScoringDialog:
    dialog = PanelScoringDialog(context, hazard_ids, on=DAY, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def visible_texts(root: QWidget) -> list[str]:
    """Everything a person looking at the dialog can read: labels, buttons, fields, lists and tables."""
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QPushButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(row).text() for row in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    texts.append(str(model.data(model.index(row, column)) or ""))
    return texts


def test_one_hazard_full_grading_with_hidden_entries_survives_a_restart(
    qtbot, folder, context, people, hazards, panel_ids
):
    hazard = hazards[0]
    dialog = make_dialog(qtbot, context, [hazard.id])
    assert dialog.current_page() == PAGE_PANEL
    assert not dialog.start_button.isEnabled()  # no members yet
    dialog.set_members(panel_ids)
    assert dialog.set_leader(panel_ids[0])
    assert dialog.checks.is_valid()
    assert dialog.checks.headline.text() == "3 member(s) — odd number ✓"
    assert dialog.start_button.isEnabled()
    assert dialog.start_scoring()
    assert dialog.current_page() == PAGE_SCORING
    scoring: HiddenScoring = dialog.scoring
    assert scoring.current_seat.candidate.name == "陈建国"

    # member 1 enters L=0.5, E=0.5, C=1 (D = 0.25, a value that appears nowhere else)
    assert scoring.entry.set_values("0.5", "0.5", "1")
    assert scoring.own_d.text() == "Your D = L × E × C = 0.25"  # the member sees their own D while entering
    assert scoring.save_current()
    # now it is the next member's turn: the first member's values are not readable anywhere
    assert scoring.current_seat.candidate.name == "周永明"
    assert all(combo.currentIndex() == -1 for combo in scoring.entry.combos.values())
    texts = visible_texts(dialog)
    assert not any("0.25" in t or "0.5 —" in t for t in texts), texts
    assert any(t.startswith("✓") and "陈建国" in t for t in texts)  # done is marked, values are not
    assert not dialog.results.isVisible()

    # member 2: 3 × 6 × 3 = 54; again nothing of members 1 and 2 is visible to member 3
    assert scoring.enter("3", "6", "3")
    texts = visible_texts(dialog)
    assert not any("54" in t or "0.25" in t for t in texts), texts
    assert dialog.current_page() == PAGE_SCORING
    # member 3: 3 × 3 × 7 = 63 → everyone is done, the results appear
    assert scoring.enter("3", "3", "7")
    assert dialog.current_page() == PAGE_RESULT
    model = dialog.results.model
    assert [model.data(model.index(r, 6)) for r in range(3)] == ["0.25", "54", "63"]
    assert [model.data(model.index(r, 7)) for r in range(3)] == [
        "Slightly dangerous",
        "Generally dangerous",
        "Generally dangerous",
    ]
    assert dialog.results.sum_label.text() == "117.25 / 3"
    assert dialog.results.mean_label.text() == "≈39.08"
    assert dialog.results.band.text() == "Generally dangerous"
    assert dialog.results.band.colour == "#1976D2"
    assert dialog.results.spread_label.isVisible()  # 0.25 is 稍有危险, the others 一般危险
    assert "different bands" in dialog.results.spread_label.text()
    # rule §5: until the §5.1 check is answered the LEC result is provisional, and the verdict says so
    assert dialog.grade_verdict.text() == "LEC provisional: General hazard (awaiting the §5.1 check)"
    assert dialog.confirm_button.text() == "Confirm grading (leader 陈建国 (安环部))"

    answer_no_match(dialog)  # §5.1 first: no criterion matches, so LEC grades it
    grading = dialog.confirm_current()
    assert grading is not None and grading.confirmed
    assert dialog.current_page() == PAGE_DONE
    assert dialog.result_value.gradings == (grading,)
    assert dialog.result_value.meeting is None
    assert "1 hazard(s) graded and confirmed." in dialog.done_label.text()

    # restart: a new context on the same folder reads the stored grading and the register columns
    close_context(context)
    again = open_context(folder)
    try:
        history = grading_service.grading_history(again.uow(), hazard.id)
        assert len(history) == 1 and history[0].is_final
        stored = history[0].grading
        assert stored.confirmed
        assert stored.method is GradingMethod.LEC_PANEL
        assert stored.mean_d == Decimal("39.08333333333333333333")
        assert stored.band_code == "general"
        assert stored.leader_name == "陈建国"
        assert stored.graded_on == DAY
        assert [(s.person_name, s.d) for s in stored.scores] == [
            ("陈建国", Decimal("0.25")),
            ("周永明", Decimal("54")),
            ("黄秀英", Decimal("63")),
        ]
        assert get_hazard(again.uow(), hazard.id).grade is HazardGrade.GENERAL
        assert get_hazard(again.uow(), hazard.id).status is HazardStatus.GRADED
        row = next(r for r in again.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10) if r.id == hazard.id)
        assert row.grade is HazardGrade.GENERAL
        assert row.grading_method == "lec_panel"
        assert row.band_code == "general"
        assert row.mean_d == Decimal("39.08333333333333333333")
    finally:
        close_context(again)


def test_even_and_incomplete_panels_are_refused_with_a_visible_message(qtbot, context, people, hazards, panel_ids):
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    four = [*panel_ids, person(people, "AHB", "王丽萍").id]
    dialog.set_members(four)
    assert dialog.checks.headline.text() == "4 member(s) — even number ✗"
    assert dialog.checks.texts() == [
        "✗ The panel has 4 members: the rule requires an odd number (add or remove one member)."
    ]
    assert dialog.checks.list.isVisible()
    assert not dialog.start_button.isEnabled()
    assert not dialog.start_scoring()
    assert dialog.error_label.isVisible()
    assert dialog.error_message() == (
        "The panel has 4 members: the rule requires an odd number (add or remove one member)."
    )
    assert dialog.current_page() == PAGE_PANEL
    # three members but nobody from the union
    dialog.set_members([panel_ids[0], panel_ids[1], person(people, "AHB", "王丽萍").id])
    assert dialog.checks.texts() == ["✗ Nobody from Trade union is on the panel."]
    assert not dialog.start_scoring()
    assert dialog.error_message() == "Nobody from Trade union is on the panel."
    # a valid panel clears the message
    dialog.set_members(panel_ids)
    assert dialog.checks.texts() == ["✓ The panel's composition meets the rule."]
    assert not dialog.error_label.isVisible()
    with context.uow() as uow:
        assert uow.gradings.history_for(hazards[0].id) == []


def test_only_grading_panel_departments_are_offered(qtbot, context, people, hazards):
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    kinds = {c.department_name for c in dialog.picker.model.candidates()}
    assert kinds == {"安环部", "生产部", "工会"}
    names = [c.name for c in dialog.picker.model.candidates()]
    assert names.index("陈建国") < names.index("周永明") < names.index("黄秀英")  # 安环部, 生产部, 工会


def test_a_member_can_start_again_before_everyone_is_done(qtbot, context, people, hazards, panel_ids):
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    dialog.set_members(panel_ids)
    dialog.start_scoring()
    scoring = dialog.scoring
    scoring.enter("1", "1", "1")
    assert scoring.done_count() == 1
    assert scoring.select_member(panel_ids[0])  # 陈建国 wants to change his entry: it is dropped, not shown
    assert scoring.done_count() == 0
    assert scoring.current_seat.candidate.person_id == panel_ids[0]
    assert all(combo.currentIndex() == -1 for combo in scoring.entry.combos.values())
    assert not scoring.save_current()  # nothing chosen yet
    scoring.enter("6", "6", "7")
    scoring.enter("6", "6", "7")
    scoring.enter("6", "6", "7")
    assert dialog.current_page() == PAGE_RESULT
    assert dialog.results.mean_label.text() == "252.00"
    assert dialog.results.band.text() == "Highly dangerous"
    assert not dialog.results.spread_label.isVisible()
    dialog.rescore_current()
    assert dialog.current_page() == PAGE_SCORING
    assert scoring.done_count() == 0


def test_a_batch_meeting_grades_each_hazard_in_turn(qtbot, folder, context, people, hazards, panel_ids):
    setup = grading_service.grading_setup(context.uow(), DAY)
    dialog = make_dialog(qtbot, context, [h.id for h in hazards])
    assert dialog.is_batch
    assert dialog.meeting_title.text() == "Hazard grading meeting 2026-03-10"
    dialog.meeting_title.setText("三月隐患分级判定会")
    dialog.set_members(panel_ids)
    dialog.set_leader(panel_ids[0])
    assert dialog.start_scoring()
    # hazard 1: LEC
    assert dialog.scoring_header.text().startswith(f"Hazard 1 of 3: {hazards[0].number}")
    for triple in (("3", "6", "7"), ("3", "6", "3"), ("1", "6", "7")):
        dialog.scoring.enter(*triple)
    assert dialog.results.mean_label.text() == "74.00"
    assert dialog.results.band.text() == "Significantly dangerous"
    answer_no_match(dialog)
    first = dialog.confirm_current()
    assert first is not None and first.meeting_id == dialog.result_value.meeting.id
    # hazard 2: the same members score again, from the first member; skipped
    assert dialog.scoring_header.text().startswith(f"Hazard 2 of 3: {hazards[1].number}")
    assert dialog.scoring.done_count() == 0
    assert [s.candidate.person_id for s in dialog.scoring.seats] == panel_ids
    dialog.scoring.enter("1", "1", "1")
    dialog.scoring.enter("1", "1", "1")
    dialog.scoring.enter("1", "1", "1")
    dialog.skip_current()
    # hazard 3: major by criteria, confirmed without LEC scores
    assert dialog.scoring_header.text().startswith(f"Hazard 3 of 3: {hazards[2].number}")
    assert not dialog.skip_scoring_button.isEnabled()
    criterion = next(c for c in setup.criteria if c.code == "121-20")
    dialog.set_check(CriteriaCheckResult((match_criterion(criterion, "氧化剂与易燃液体混放"),)))
    assert dialog.check_verdict.text() == "Major hazard — matches 121-20"
    assert dialog.skip_scoring_button.isEnabled()
    assert dialog.skip_scoring()
    assert dialog.grade_verdict.text() == "Major hazard"
    third = dialog.confirm_current()
    assert third is not None
    assert dialog.current_page() == PAGE_DONE
    result = dialog.result_value
    assert [g.hazard_id for g in result.gradings] == [hazards[0].id, hazards[2].id]
    assert result.skipped == (hazards[1].id,)
    assert dialog.done_list.count() == 3
    assert "skipped" in dialog.done_list.item(1).text()

    close_context(context)
    again = open_context(folder)
    try:
        summaries = grading_service.meetings(again.uow())
        assert [(m.meeting.title, m.gradings, m.confirmed) for m in summaries] == [("三月隐患分级判定会", 2, 2)]
        assert get_hazard(again.uow(), hazards[0].id).grade is HazardGrade.GENERAL
        assert get_hazard(again.uow(), hazards[1].id).grade is HazardGrade.UNGRADED
        major = grading_service.final_grading(again.uow(), hazards[2].id)
        assert major.grade is HazardGrade.MAJOR and major.method is GradingMethod.CRITERIA
        assert [(m.code, m.evidence) for m in major.matches] == [("121-20", "氧化剂与易燃液体混放")]
        rows = {r.id: r for r in again.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10)}
        assert rows[hazards[0].id].band_code == "significant"
        assert rows[hazards[1].id].grade is HazardGrade.UNGRADED
        assert rows[hazards[2].id].grade is HazardGrade.MAJOR
        assert rows[hazards[2].id].grading_method == "criteria"
    finally:
        close_context(again)


def test_a_lec_grading_is_confirmed_only_after_the_major_hazard_check(qtbot, context, people, hazards, panel_ids):
    """Rule §5: the criteria list decides first (§5.1), LEC grades only what no criterion matches (§5.2). A
    new-user trial confirmed a general grading with the check still "not checked"."""
    reason = (
        "Complete the §5.1 major-hazard check first (go through the criteria one by one), then confirm the LEC grading."
    )
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    dialog.set_members(panel_ids)
    dialog.start_button.click()
    assert dialog.check_verdict.text() == "not checked"
    for _ in range(3):
        dialog.scoring.enter("3", "6", "7")
    assert dialog.current_page() == PAGE_RESULT
    assert dialog.grade_verdict.text() == "LEC provisional: General hazard (awaiting the §5.1 check)"
    assert dialog.grade_detail.text() == "D = 126.00, Significantly dangerous"
    assert not dialog.confirm_button.isEnabled() and dialog.confirm_button.toolTip() == reason
    assert dialog.check_needed.isVisible() and dialog.check_needed.text() == reason
    assert dialog.result_check_button.isVisible() and dialog.result_check_button.isDefault()

    # the check dialog cancelled: still not answered
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(panel_scoring.CriteriaCheckDialog, "exec", lambda self: 0)
        dialog.result_check_button.click()
    assert dialog.current_check() is None and not dialog.confirm_button.isEnabled()
    # asked to confirm anyway (the Enter key, a caller): refused with the reason, nothing written
    assert dialog.confirm_current() is None and dialog.error_message() == reason
    with context.uow() as uow:
        assert uow.gradings.history_for(hazards[0].id) == []

    answer_no_match(dialog)
    assert dialog.check_verdict.text() == "no criterion matches"
    assert dialog.grade_verdict.text() == "General hazard"  # no longer provisional
    assert dialog.grade_detail.text() == "D = 126.00, Significantly dangerous; §5.1 check: no criterion matches"
    assert dialog.confirm_button.isEnabled() and dialog.confirm_button.isDefault()
    assert not dialog.check_needed.isVisible() and dialog.confirm_button.toolTip() == ""
    assert dialog.error_message() == ""
    dialog.confirm_button.click()
    assert dialog.current_page() == PAGE_DONE
    grading = grading_service.final_grading(context.uow(), hazards[0].id)
    assert grading.grade is HazardGrade.GENERAL and grading.method is GradingMethod.LEC_PANEL
    assert grading.mean_d == 126
    # the stored grading records the check: the criteria list gone through, when, by the leader
    check = grading.major_check
    setup = grading_service.grading_setup(context.uow())
    assert check is not None and check.basis is CheckBasis.CHECK
    assert check.criteria == setup.criteria_version and check.criteria.items == len(setup.criteria) > 0
    assert check.checked_by == grading.leader_name and check.checked_at <= grading.confirmed_at


def test_panel_decision_keeps_the_lec_scores(qtbot, context, people, hazards, panel_ids):
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    dialog.set_members(panel_ids)
    dialog.start_scoring()
    dialog.set_check(CriteriaCheckResult((), "泄漏点位于装车站台旁，整改需全装置停车"))
    for _ in range(3):
        dialog.scoring.enter("3", "6", "15")
    assert dialog.grade_verdict.text() == "Major hazard"
    assert "panel decision under §4.3" in dialog.grade_detail.text()
    assert "D = 270.00" in dialog.grade_detail.text()
    grading = dialog.confirm_current()
    assert grading.method is GradingMethod.PANEL_DECISION
    assert grading.grade is HazardGrade.MAJOR
    assert grading.decision_reason.startswith("泄漏点")
    assert grading.mean_d == 270


def test_already_graded_hazards_are_not_graded_again(qtbot, context, people, hazards, panel_ids):
    first = make_dialog(qtbot, context, [hazards[0].id])
    first.set_members(panel_ids)
    first.start_scoring()
    for _ in range(3):
        first.scoring.enter("1", "1", "1")
    answer_no_match(first)
    first.confirm_current()
    dialog = make_dialog(qtbot, context, [hazards[0].id, hazards[1].id])
    assert [h.id for h in dialog.hazards] == [hazards[1].id]
    assert not dialog.is_batch
    assert "already graded" in dialog.hazard_list.item(1).text()


def test_errors_from_the_services_are_shown(qtbot, context, people, hazards, panel_ids):
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    dialog.set_members(panel_ids)
    dialog.set_graded_on(date(2026, 1, 1))  # before the hazard was found
    dialog.start_scoring()
    for _ in range(3):
        dialog.scoring.enter("1", "1", "1")
    answer_no_match(dialog)
    assert dialog.confirm_current() is None
    assert dialog.error_label.isVisible()
    assert dialog.current_page() == PAGE_RESULT
    with context.uow() as uow:
        assert uow.gradings.history_for(hazards[0].id) == []


def test_member_picker_and_result_models(qtmodeltester, qtbot, context, people, hazards, panel_ids):
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    model = dialog.picker.model
    dialog.set_members(panel_ids[:2])
    qtmodeltester.check(model)
    row = model.row_of(panel_ids[2])
    assert model.setData(model.index(row, COL_NAME), 2, CheckStateRole)  # Qt.Checked as an int
    assert [c.person_id for c in model.checked()] == panel_ids
    model.set_disabled([panel_ids[0]])
    assert panel_ids[0] not in [c.person_id for c in model.checked()]
    qtmodeltester.check(model)
    dialog.set_members(panel_ids)
    model.set_disabled([])
    dialog.set_members(panel_ids)
    dialog.start_scoring()
    for _ in range(3):
        dialog.scoring.enter("3", "6", "7")
    qtmodeltester.check(dialog.results.model)
    assert dialog.results.model.data(dialog.results.model.index(0, 2)) == "member"


def test_ask_returns_none_without_confirmations(qtbot, context, hazards, monkeypatch):
    monkeypatch.setattr(PanelScoringDialog, "exec", lambda self: 0)
    assert PanelScoringDialog.ask(None, context, [hazards[0].id]) is None


def test_score_entry_lists_come_from_the_database(qtbot, context, people, hazards, panel_ids):
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    dialog.set_members(panel_ids)
    dialog.start_scoring()
    combos = dialog.scoring.entry.combos
    assert combos[Factor.L].count() == 7 and combos[Factor.E].count() == 6 and combos[Factor.C].count() == 6
    assert combos[Factor.C].itemText(3) == "7 — Serious: serious injury"
    assert panel_scoring.to_entries([]) == []


def test_grading_menu_and_toolbar_on_the_main_window(qtbot, context, people, hazards, panel_ids, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    from hazard_desktop.ui.grading_actions import install_grading_actions
    from hazard_desktop.ui.main_window import MainWindow
    from hazard_desktop.ui.models.register_model import COL_NUMBER, IdRole

    window = MainWindow(context)
    qtbot.addWidget(window)
    actions = install_grading_actions(window, context)
    assert window.grading_actions is actions
    menu = window.menu_for("grading")
    assert menu.menuAction().isVisible()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Grade with the panel…",
        "&Major-hazard check…",
        "&Dispute…",
        "&LEC calculator…",
    ]
    assert actions.grade in window.toolbar.actions()
    assert not actions.grade.isEnabled() and not actions.dispute.isEnabled()
    assert actions.calculator.isEnabled()

    model = window.model
    rows = {model.data(model.index(r, COL_NUMBER), IdRole): r for r in range(model.rowCount())}
    selection = window.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(rows[hazards[0].id], 0), flags)
    selection.select(model.index(rows[hazards[1].id], 0), flags)
    assert actions.grade.isEnabled()
    assert actions.grade.text() == "&Grade 2 hazard(s) with the panel…"
    assert not actions.dispute.isEnabled()

    def run_meeting(self):
        self.set_members(panel_ids)
        self.start_scoring()
        for _ in range(2):
            for _ in range(3):
                self.scoring.enter("3", "6", "7")
            answer_no_match(self)
            self.confirm_current()
        return 0

    monkeypatch.setattr(PanelScoringDialog, "exec", run_meeting)
    actions.grade.trigger()
    assert "2 grading(s) confirmed." in window.statusBar().currentMessage()
    # the register was read again: the graded hazard is selected; it can be disputed, not graded again
    selection.clearSelection()
    row = window.model.find_row(hazards[0].id)
    selection.select(window.model.index(row, 0), flags)
    assert window.model.row_at(row).grade is HazardGrade.GENERAL
    assert not actions.grade.isEnabled()
    assert actions.dispute.isEnabled()


def test_a_refused_first_grading_of_a_batch_opens_no_meeting(qtbot, context, people, hazards, panel_ids):
    """Grade-and-confirm is one use case: the meeting is opened in the same transaction, or not at all."""
    dialog = make_dialog(qtbot, context, [h.id for h in hazards])
    dialog.set_members(panel_ids)
    dialog.set_leader(panel_ids[0])
    dialog.set_graded_on(date(2026, 1, 1))  # before the hazards were found: refused
    assert dialog.start_scoring()
    for _ in range(3):
        dialog.scoring.enter("3", "6", "7")
    answer_no_match(dialog)
    dialog.confirm_button.click()
    assert dialog.error_label.isVisible() and dialog.current_page() == PAGE_RESULT
    assert grading_service.meetings(context.uow()) == []
    assert dialog.result_value is None or dialog.result_value.meeting is None
    with context.uow() as uow:
        assert uow.gradings.count() == 0
    dialog.set_graded_on(DAY)
    dialog.confirm_button.click()
    [summary] = grading_service.meetings(context.uow())
    assert (summary.gradings, summary.confirmed) == (1, 1)


def test_a_major_grading_without_scores_records_its_panel_and_its_sheet_names_it(
    qtbot, context, people, hazards, panel_ids, monkeypatch, tmp_path
):
    """The trial's finding: a 重大 grading by criteria printed only the leader and blank rows. The panel chosen in
    the window is stored with the grading, printed member by member and bound into the sheet's verify code."""
    import subprocess

    from hazard_desktop.domain import grading as rules
    from hazard_desktop.domain.grading import PanelRole
    from hazard_desktop.domain.verification import record_digest
    from hazard_desktop.services import sheets
    from hazard_desktop.services.sheet_requests import SheetRequest
    from hazard_desktop.services.sheets import VerifyStatus

    setup = grading_service.grading_setup(context.uow(), DAY)
    criterion = next(c for c in setup.criteria if c.code == "121-20")
    check = CriteriaCheckResult((match_criterion(criterion, "氧化剂与易燃液体混放"),))
    monkeypatch.setattr(panel_scoring.CriteriaCheckDialog, "ask", staticmethod(lambda *args, **kwargs: check))
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    dialog.set_members(panel_ids)
    dialog.set_leader(panel_ids[0])
    dialog.start_button.click()
    assert dialog.current_page() == PAGE_SCORING
    dialog.check_button.click()
    dialog.skip_scoring_button.click()
    assert dialog.current_page() == PAGE_RESULT
    assert "decided by the panel (recorded on the sheet): 陈建国、周永明、黄秀英" in dialog.grade_detail.text()
    dialog.confirm_button.click()
    assert dialog.current_page() == PAGE_DONE

    grading = grading_service.final_grading(context.uow(), hazards[0].id)
    assert grading.scores == ()
    assert [(s.person_name, s.department_name, s.role) for s in grading.panel] == [
        ("陈建国", "安环部", PanelRole.LEADER),
        ("周永明", "生产部", PanelRole.MEMBER),
        ("黄秀英", "工会", PanelRole.MEMBER),
    ]
    sheet = sheets.grading_sheet_document(context.uow(), hazards[0].id).sheets[0]
    assert [(m.role_label, m.name, m.department) for m in sheet.members] == [
        ("组长", "陈建国", "安环部"),
        ("成员", "周永明", "生产部"),
        ("成员", "黄秀英", "工会"),
    ]
    assert sheet.panel_note == ""
    record = rules.canonical_record(grading)
    # the window sends the §5.1 check the criteria were matched in: layout 5 (the panel and the check)
    assert record["version"] == rules.CHECK_RECORD_VERSION and len(record["panel"]) == 3
    assert (
        record["major_check"]["criteria_digest"] == grading_service.grading_setup(context.uow()).criteria_version.digest
    )
    other = rules.canonical_record(
        rules.Grading(**{**{f: getattr(grading, f) for f in grading.__dataclass_fields__}, "panel": grading.panel[:1]})
    )
    assert record_digest(other) != record_digest(record)  # the code covers who sat on the panel
    result = sheets.print_document(
        context.uow(), SheetRequest.hazard(hazards[0].id), sheets.sheet_renderer(context), tmp_path / "s.pdf", "组长"
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "判定小组成员" in text and "周永明" in text and "黄秀英" in text and "未记录" not in text
    flat = "".join(text.split())
    assert "对照重大事故隐患判定标准（版本" in flat and "逐条核对：符合第" in flat
    assert sheets.verify_code(context.uow(), result.records[0].verify_code).status is VerifyStatus.VERIFIED


def test_namesakes_of_one_department_are_told_apart_by_employee_number_in_the_window_and_on_the_sheet(
    qtbot, context, people, hazards, panel_ids, monkeypatch, tmp_path
):
    """New-user trial: two 周永明 of 生产部 (工号 differ) looked alike in the picker, its tooltip, the scoring list
    and on the printed sheet. Each now shows their 工号; people without a namesake stay as they were."""
    import subprocess

    from PySide6.QtCore import QCoreApplication, QLocale, Qt

    from hazard_desktop.services import reference_admin, sheets
    from hazard_desktop.services.sheet_requests import SheetRequest
    from hazard_desktop.ui import application
    from hazard_desktop.ui.widgets.member_picker import COL_DEPARTMENT, ToolTipRole

    first = person(people, "SCB", "周永明")
    second = reference_admin.save_person(context.uow(), None, "周永明", "E0099", first.department_id, ["panel_member"])
    setup = grading_service.grading_setup(context.uow(), DAY)
    criterion = next(c for c in setup.criteria if c.code == "121-20")
    check = CriteriaCheckResult((match_criterion(criterion, "氧化剂与易燃液体混放"),))
    monkeypatch.setattr(panel_scoring.CriteriaCheckDialog, "ask", staticmethod(lambda *args, **kwargs: check))
    dialog = make_dialog(qtbot, context, [hazards[0].id])
    model = dialog.picker.model
    names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    assert f"周永明 ({first.employee_no})" in names and "周永明 (E0099)" in names
    assert "周永明" not in names and "陈建国" in names and "黄秀英" in names  # no namesake: the name alone
    row = model.row_of(second.id)
    assert model.data(model.index(row, COL_DEPARTMENT), ToolTipRole) == "周永明 (E0099) (生产部)"

    dialog.set_members([panel_ids[0], panel_ids[2]])
    view = dialog.picker.view
    cell = model.index(row, COL_DEPARTMENT)
    view.scrollTo(cell)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    assert {c.person_id for c in dialog.picker.checked()} == {panel_ids[0], panel_ids[2], second.id}
    dialog.set_leader(panel_ids[0])
    dialog.start_button.click()
    assert dialog.current_page() == PAGE_SCORING
    assert any("周永明 (E0099) (生产部)" in t for t in visible_texts(dialog))
    assert not any("黄秀英 (" in t and "E0" in t for t in visible_texts(dialog))

    locale = QLocale()
    translators = application.install_translators(
        QCoreApplication.instance(), Path(__file__).resolve().parents[2] / "resources", "zh_CN"
    )
    QLocale.setDefault(locale)
    try:
        chinese = model.data(model.index(row, COL_NAME))
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    assert chinese == "周永明（E0099）"

    dialog.check_button.click()
    dialog.skip_scoring_button.click()
    dialog.confirm_button.click()
    assert dialog.current_page() == PAGE_DONE
    sheet = sheets.grading_sheet_document(context.uow(), hazards[0].id).sheets[0]
    assert [(m.role_label, m.name, m.department) for m in sheet.members] == [
        ("组长", "陈建国", "安环部"),
        ("成员", "周永明（E0099）", "生产部"),
        ("成员", "黄秀英", "工会"),
    ]
    result = sheets.print_document(
        context.uow(), SheetRequest.hazard(hazards[0].id), sheets.sheet_renderer(context), tmp_path / "s.pdf", "组长"
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    name_cell = next(i for i, line in enumerate(text.splitlines()) if "周永明" in line)
    assert "（E0099）" in text.splitlines()[name_cell + 1] + text.splitlines()[name_cell + 2]  # the 工号 below
    assert text.count("（E0") == 1  # nobody else on the sheet has a namesake (the inspector has E0001)


def test_a_check_made_beforehand_starts_the_grading_window_saying_whose_it_is(
    qtbot, context, people, hazards, panel_ids, monkeypatch
):
    """New-user trial t5: the check done via 定级 → 重大隐患判定 was not carried into the panel grading, so the
    panel did it twice. Now the window starts with that answer, says whose check it is and when, and the grading
    records it; a check made against a list changed since is not carried (the window asks for it again)."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QDialogButtonBox

    from hazard_desktop.services import reference_admin
    from hazard_desktop.ui.grading_actions import install_grading_actions
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    actions = install_grading_actions(window, context)

    def select(hazard_id):
        window.view.selectionModel().select(
            window.model.index(window.model.find_row(hazard_id), 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def use_as_it_is(self):  # no criterion ticked, no §4.3 reason: "no criterion matches"
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(self.result())

    monkeypatch.setattr(panel_scoring.CriteriaCheckDialog, "exec", use_as_it_is)
    select(hazards[0].id)
    actions.check.trigger()
    assert "no major-hazard criterion matches" in window.statusBar().currentMessage()
    made = actions.checks_made[hazards[0].id].result
    assert made.checked_at is not None and not made.is_major

    seen: dict[str, object] = {}

    def grade(self):
        self.set_members(panel_ids)
        self.start_button.click()
        seen["verdict"] = self.check_verdict.text()
        seen["origin"] = self.check_origin.text() if self.check_origin.isVisibleTo(self) else ""
        for _ in range(3):
            self.scoring.enter("3", "6", "7")
        seen["grade"] = self.grade_verdict.text()
        if self.confirm_button.isEnabled():
            self.confirm_button.click()
        return 0

    monkeypatch.setattr(PanelScoringDialog, "exec", grade)
    select(hazards[0].id)
    actions.grade.trigger()
    assert seen["verdict"] == "no criterion matches"
    assert seen["origin"] == (
        f"This answer is the major-hazard check made by the single user at {format_datetime(made.checked_at)}"
        " (Grading → Major-hazard check) against the criteria list still in force."
        " Press “Major-hazard check…” to go through it again."
    )
    assert seen["grade"] == "General hazard"  # not provisional: the panel need not check again
    grading = grading_service.final_grading(context.uow(), hazards[0].id)
    assert grading.method is GradingMethod.LEC_PANEL and grading.major_check is not None
    assert grading.major_check.checked_at == made.checked_at  # the check made beforehand, as recorded
    assert hazards[0].id not in actions.checks_made

    # a check made against a list changed since is not carried: the window asks for it again, nothing assumed
    select(hazards[1].id)
    actions.check.trigger()
    reference_admin.add_criterion(context.uow(), "4.4.99", "储罐区未设置可燃气体报警", "company", "第4.4条")
    seen.clear()
    actions.grade.trigger()
    assert seen["verdict"] == "not checked" and seen["origin"] == ""
    assert seen["grade"] == "LEC provisional: General hazard (awaiting the §5.1 check)"
    assert grading_service.final_grading(context.uow(), hazards[1].id) is None

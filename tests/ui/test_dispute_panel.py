"""Dispute dialog on a real database file: raise, form the §7 panel (checks live), hidden scoring, ruling,
withdrawal; the results survive a restart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hazard_desktop.app import close_context
from hazard_desktop.domain.grading import DisputeState, PanelRole
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.grading import HistoryKind, ScoreEntry
from hazard_desktop.services.hazards import create_hazard, get_hazard
from hazard_desktop.services.ports import RegisterFilter, SortKey
from hazard_desktop.ui.dialogs.dispute_panel import (
    PAGE_CLOSED,
    PAGE_DONE,
    PAGE_PANEL,
    PAGE_RAISE,
    PAGE_RESULT,
    PAGE_SCORING,
    PAGE_VOTES,
    DisputePanelDialog,
)
from tests.factories import add_person, decision_panel, hazard_input, list_checked, make_context, no_match
from tests.ui.test_panel_scoring import visible_texts

DAY = date(2026, 3, 10)
RULING_DAY = date(2026, 3, 20)


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def context(folder) -> Iterator[AppContext]:
    ctx = make_context(folder)
    yield ctx
    close_context(ctx)


@pytest.fixture
def people(context):
    return ensure_people(context.uow())


def person(people, code, name):
    return next(p for p in people[code] if p.name == name)


def department(context, code):
    with context.uow() as uow:
        return next(d for d in uow.reference.departments() if d.code == code)


@pytest.fixture
def hazard(context):
    inspector = add_person(context)
    workshop = department(context, "HC1")
    return create_hazard(
        context.uow(),
        hazard_input(
            context,
            inspector,
            department_id=workshop.id,
            found_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        ),
    )


@pytest.fixture
def graded(context, people, hazard):
    """The hazard graded 一般 by a §5.2 panel: D 126, 126, 126 → 显著危险."""
    leader = person(people, "AHB", "陈建国")
    scores = [
        ScoreEntry(leader.id, "3", "6", "7"),
        ScoreEntry(person(people, "SCB", "周永明").id, "3", "6", "7"),
        ScoreEntry(person(people, "GH", "黄秀英").id, "3", "6", "7"),
    ]
    draft = grading_service.grade_hazard_by_lec(
        context.uow(), hazard.id, scores, leader.id, DAY, check=no_match(context)
    )
    return grading_service.confirm_grading(context.uow(), draft.id)


def make_dialog(qtbot, context, hazard_id) -> DisputePanelDialog:
    dialog = DisputePanelDialog(context, hazard_id, on=RULING_DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def members(people, *extra):
    """安环部 王丽萍, 生产部 吴晓东, 事业部 何伟, 工会 林国栋 (+ extra)."""
    base = [
        person(people, "AHB", "王丽萍").id,
        person(people, "SCB", "吴晓东").id,
        person(people, "SYB", "何伟").id,
        person(people, "GH", "林国栋").id,
    ]
    return [*base, *extra]


def test_raise_form_the_panel_score_hidden_and_rule_then_restart(qtbot, folder, context, people, hazard, graded):
    dialog = make_dialog(qtbot, context, hazard.id)
    assert dialog.current_page() == PAGE_RAISE
    assert dialog.grading_label.isVisible()
    assert "General hazard by LEC panel: D = 126.00 (Significantly dangerous); leader 陈建国" in (
        dialog.grading_label.text()
    )
    # refused without a department, then without a reason
    assert dialog.raise_now() is None
    assert dialog.error_message() == "Please choose the department raising the dispute."
    workshop = department(context, "HC1")
    dialog.set_raising(workshop.id, "宋立新", "")
    assert dialog.person_name.count() == 2  # the workshop's people are offered by name
    assert dialog.raise_now() is None
    assert dialog.error_message() == "Please give a reason."
    assert dialog.error_label.isVisible()
    dialog.set_raising(workshop.id, "宋立新", "机封已加装防护罩，发生可能性应为 1，等级偏高")
    dispute = dialog.raise_now()
    assert dispute is not None and dispute.state is DisputeState.OPEN
    assert dialog.current_page() == PAGE_PANEL
    assert dialog.dispute_label.isVisible()
    assert "宋立新 (合成一车间)" in dialog.dispute_label.text()

    # the panel: 组长 肖才根 and 副组长 刘家华 by default; members offered from the five parties only
    assert dialog.leader.currentText() == "肖才根 (总经理办公室)"
    assert dialog.deputy.currentText() == "刘家华 (安环部)"
    offered = {c.department_name for c in dialog.picker.model.candidates()}
    assert offered == {"安环部", "生产部", "事业部", "工会", "合成一车间"}
    # 刘家华 is the deputy: he cannot also be ticked as a member
    deputy_row = dialog.picker.model.row_of(person(people, "AHB", "刘家华").id)
    assert not dialog.picker.model.flags(dialog.picker.model.index(deputy_row, 0))
    # four members + leader + deputy = 6: even, and the raising department is missing
    dialog.set_members(members(people))
    assert dialog.checks.headline.text() == "6 member(s) — even number ✗"
    assert dialog.checks.texts() == [
        "✗ Nobody from 合成一车间, the department that raised the dispute, is on the panel.",
        "✗ The panel has 6 members: the rule requires an odd number (add or remove one member).",
    ]
    assert not dialog.start_button.isEnabled()
    assert not dialog.start_scoring()
    assert dialog.error_label.isVisible()
    assert dialog.error_message() == "Nobody from 合成一车间, the department that raised the dispute, is on the panel."
    # without the union: missing kind
    song = person(people, "HC1", "宋立新").id
    dialog.set_members([*members(people)[:3], song])
    assert dialog.checks.texts() == [
        "✗ Nobody from Trade union is on the panel.",
        "✗ The panel has 6 members: the rule requires an odd number (add or remove one member).",
    ]
    dialog.set_members(members(people, song))
    assert dialog.checks.texts() == ["✓ The panel's composition meets the rule."]
    assert dialog.checks.headline.text() == "7 member(s) — odd number ✓"
    assert not dialog.error_label.isVisible()
    assert dialog.start_scoring()
    assert dialog.current_page() == PAGE_SCORING

    scoring = dialog.scoring
    assert [(s.candidate.name, s.role) for s in scoring.seats[:2]] == [
        ("肖才根", PanelRole.LEADER),
        ("刘家华", PanelRole.DEPUTY),
    ]
    # the leader enters 0.2 × 0.5 × 3 = 0.3: invisible to everyone after him
    scoring.enter("0.2", "0.5", "3")
    texts = visible_texts(dialog)
    assert not any("0.3" in t or "0.2 —" in t for t in texts), texts
    for triple in [("1", "6", "7")] * 5:
        scoring.enter(*triple)
        assert not any("0.3" in t for t in visible_texts(dialog))
    assert dialog.current_page() == PAGE_SCORING
    scoring.enter("1", "6", "7")
    assert dialog.current_page() == PAGE_RESULT
    # (0.3 + 6 × 42) / 7 = 36.04…
    assert dialog.results.mean_label.text() == "≈36.04"
    assert dialog.results.band.text() == "Generally dangerous"
    assert dialog.results.spread_label.isVisible()
    assert dialog.confirm_button.text() == "Confirm ruling (leader 肖才根)"
    assert dialog.results.model.data(dialog.results.model.index(0, 2)) == "leader"
    assert dialog.results.model.data(dialog.results.model.index(1, 2)) == "deputy leader"

    # the ruling text is required
    assert dialog.confirm_ruling() is None
    assert dialog.error_message() == "Please write down the panel's ruling."
    dialog.set_ruling_text("经争议判定小组现场复核，防护罩有效，维持一般隐患，危险等级调整为一般危险。")
    ruling = dialog.confirm_ruling()
    assert ruling is not None and ruling.confirmed and ruling.is_ruling
    assert dialog.current_page() == PAGE_DONE
    assert dialog.result_value.state is DisputeState.RULED
    assert dialog.result_value.ruling == ruling
    assert "Ruling confirmed" in dialog.done_label.text()

    close_context(context)
    again = make_context(folder)
    try:
        history = grading_service.grading_history(again.uow(), hazard.id)
        final = next(e.grading for e in history if e.kind is HistoryKind.GRADING and e.is_final)
        assert final.id == ruling.id
        assert final.dispute_id == dispute.id
        assert final.mean_d == Decimal("36.04285714285714285714")
        assert final.band_code == "general"
        assert final.leader_name == "肖才根"
        assert final.graded_on == RULING_DAY
        assert len(final.scores) == 7
        stored = next(e.dispute for e in history if e.kind is HistoryKind.DISPUTE)
        assert stored.state is DisputeState.RULED
        assert stored.raised_by_person_name == "宋立新"
        assert stored.ruling_text.startswith("经争议判定小组现场复核")
        assert get_hazard(again.uow(), hazard.id).grade is HazardGrade.GENERAL
        row = next(r for r in again.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10) if r.id == hazard.id)
        assert row.dispute_state == "ruled"
        assert row.band_code == "general"
        assert row.mean_d == Decimal("36.04285714285714285714")
        # a ruling is final: the dialog says so and offers nothing to change
        dialog2 = make_dialog(qtbot, again, hazard.id)
        assert dialog2.current_page() == PAGE_CLOSED
        assert "final" in dialog2.closed_label.text()
    finally:
        close_context(again)


def test_an_open_dispute_opens_on_the_panel_page_and_can_be_withdrawn(qtbot, folder, context, people, hazard, graded):
    grading_service.raise_dispute(
        context.uow(),
        graded.id,
        department(context, "SCB").id,
        "吴晓东",
        "后果应为 15",
        at=datetime(2026, 3, 12, tzinfo=UTC),
    )
    dialog = make_dialog(qtbot, context, hazard.id)
    assert dialog.current_page() == PAGE_PANEL
    # 生产部 raised it: it is one of the four parties, no extra department is needed
    assert {c.department_name for c in dialog.picker.model.candidates()} == {"安环部", "生产部", "事业部", "工会"}
    dialog.set_members(members(people, person(people, "GH", "黄秀英").id))
    assert dialog.checks.is_valid()
    dialog.withdraw_reason.setText("与车间沟通后同意原定级")
    withdrawn = dialog.withdraw()
    assert withdrawn is not None and withdrawn.state is DisputeState.WITHDRAWN
    assert dialog.current_page() == PAGE_DONE
    close_context(context)
    again = make_context(folder)
    try:
        row = next(r for r in again.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10) if r.id == hazard.id)
        assert row.dispute_state == "withdrawn"
        assert row.grade is HazardGrade.GENERAL
        assert grading_service.final_grading(again.uow(), hazard.id).id == graded.id
        assert grading_service.open_disputes(again.uow()) == []
    finally:
        close_context(again)


def test_an_ungraded_hazard_cannot_be_disputed(qtbot, context, people, hazard):
    dialog = make_dialog(qtbot, context, hazard.id)
    assert dialog.current_page() == PAGE_CLOSED
    assert dialog.closed_label.text() == "The hazard has no confirmed grading yet: there is nothing to dispute."
    assert dialog.raise_now() is None
    assert dialog.result_value is None


def test_ask_returns_the_raised_dispute(qtbot, context, people, hazard, graded, monkeypatch):
    workshop = department(context, "HC1")

    def fake_exec(self):
        self.set_raising(workshop.id, "唐志刚", "暴露频率被高估")
        self.raise_now()
        return 0

    monkeypatch.setattr(DisputePanelDialog, "exec", fake_exec)
    result = DisputePanelDialog.ask(None, context, hazard.id)
    assert result is not None and result.state is DisputeState.OPEN and result.ruling is None
    assert result.dispute.raised_by_department_name == "合成一车间"


def test_dispute_action_of_the_main_window(qtbot, context, people, hazard, graded, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    from hazard_desktop.ui.grading_actions import install_grading_actions
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    actions = install_grading_actions(window, context)
    row = window.model.find_row(hazard.id)
    window.view.selectionModel().select(
        window.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert actions.dispute.isEnabled() and not actions.grade.isEnabled()
    workshop = department(context, "HC1")

    def raise_it(self):
        self.set_raising(workshop.id, "唐志刚", "暴露频率被高估")
        self.raise_now()
        return 0

    monkeypatch.setattr(DisputePanelDialog, "exec", raise_it)
    actions.dispute.trigger()
    assert window.statusBar().currentMessage() == "Dispute raised."
    assert window.model.row_at(window.model.find_row(hazard.id)).dispute_state == "open"
    assert actions.dispute.isEnabled()  # the open dispute's panel is reached through the same action


def test_every_grading_error_code_has_a_sentence():
    import re

    from hazard_desktop.ui import grading_messages, messages

    root = Path(__file__).resolve().parents[2] / "hazard_desktop"
    sources = [
        *(str(f.relative_to(root)) for f in sorted((root / "domain/grading").glob("*.py"))),
        *(str(f.relative_to(root)) for f in sorted((root / "services/grading").glob("*.py"))),
        "domain/meetings.py",
        "ui/dialogs/dispute_panel.py",
    ]
    raisers = "ValidationError|NotFound|Conflict|InvalidTransition|DomainError|PanelProblem"
    pattern = re.compile(rf'(?:{raisers})\(\s*"([a-z_]+)"')
    codes = {code for name in sources for code in pattern.findall((root / name).read_text("utf-8"))}
    assert {"panel_even", "dispute_needs_leader", "ruling_text_empty", "hazard_already_graded"} <= codes
    assert {"ruling_vote_missing", "dispute_chairs_missing", "ruling_criteria_upheld"} <= codes
    missing = sorted(c for c in codes if not grading_messages.has_text(c) and not messages.has_text(c))
    assert missing == []


# ---------------------------------------------------------------- §5 order: criteria votes before LEC


def major_by_criterion(context, people, hazard):
    """The hazard graded 重大 because it matches 121号 item 2, then disputed by its workshop."""
    with context.uow() as uow:
        item = next(c for c in uow.criteria.all() if c.code == "121-2")
    leader = person(people, "AHB", "陈建国")
    draft = grading_service.grade_hazard_by_criteria(
        context.uow(),
        hazard.id,
        [grading_service.CriterionEntry(item.id, "焊工无证动火")],
        leader.id,
        DAY,
        panel=decision_panel(context, leader.id),
        check=list_checked(context),
    )
    graded = grading_service.confirm_grading(context.uow(), draft.id)
    grading_service.raise_dispute(
        context.uow(),
        graded.id,
        department(context, "HC1").id,
        "宋立新",
        "焊工证已办理",
        at=datetime(2026, 3, 12, tzinfo=UTC),
    )
    return item


def vote_through_the_dialog(qtbot, dialog, people, item, upholding):
    song = person(people, "HC1", "宋立新").id
    dialog.set_members(members(people, song))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == PAGE_VOTES
    seats = dialog.seats()
    for n, seat in enumerate(seats):
        tick = dialog.votes.ticks[(item.id, seat.candidate.person_id)]
        if n < upholding:
            tick.click()
    dialog.votes_button.click()
    assert dialog.error_message() != ""  # evidence is required
    dialog.votes.set_evidence(item.id, "现场核查焊工证")
    dialog.votes_button.click()


def test_a_matched_criterion_is_voted_on_first_and_upheld_keeps_the_hazard_major(qtbot, context, people, hazard):
    item = major_by_criterion(context, people, hazard)
    dialog = make_dialog(qtbot, context, hazard.id)
    assert dialog.current_page() == PAGE_PANEL
    vote_through_the_dialog(qtbot, dialog, people, item, upholding=4)
    assert dialog.current_page() == PAGE_RESULT  # no LEC scoring: the criterion applies
    assert not dialog.results.isVisible() and dialog.verdicts_label.isVisible()
    assert "121-2 (第2条): applies — 4 for, 3 against" in dialog.verdicts_label.text()
    dialog.set_ruling_text("4:3 表决认定符合121号第2条，维持重大事故隐患。")
    dialog.confirm_button.click()
    assert dialog.current_page() == PAGE_DONE
    ruling = dialog.ruling
    assert ruling is not None and ruling.grade is HazardGrade.MAJOR and [m.code for m in ruling.matches] == ["121-2"]
    assert get_hazard(context.uow(), hazard.id).grade is HazardGrade.MAJOR


def test_a_criterion_voted_down_goes_on_to_lec_scoring(qtbot, context, people, hazard):
    item = major_by_criterion(context, people, hazard)
    dialog = make_dialog(qtbot, context, hazard.id)
    vote_through_the_dialog(qtbot, dialog, people, item, upholding=3)
    assert dialog.current_page() == PAGE_SCORING
    for _ in range(7):
        dialog.scoring.enter("1", "6", "7")
    assert dialog.current_page() == PAGE_RESULT
    assert dialog.results.isVisible()
    assert "121-2 (第2条): does not apply — 3 for, 4 against" in dialog.verdicts_label.text()
    dialog.set_ruling_text("3:4 表决认定不符合121号第2条，按LEC判定。")
    dialog.confirm_button.click()
    ruling = dialog.ruling
    assert ruling is not None and ruling.grade is HazardGrade.GENERAL and ruling.mean_d == Decimal(42)
    assert [v.votes_for for v in ruling.verdicts] == [3]


def test_without_named_chairs_the_panel_cannot_start(qtbot, context, people, hazard, graded):
    grading_service.raise_dispute(context.uow(), graded.id, department(context, "SCB").id, "吴晓东", "偏高")
    dialog = DisputePanelDialog(context, hazard.id, on=date(2019, 6, 1))  # before the demo's chairs took effect
    qtbot.addWidget(dialog)
    assert dialog.leader.count() == 0 and dialog.deputy.count() == 0
    assert "Tools → Settings → Dispute panel" in dialog.chairs_note.text()
    assert not dialog.start_button.isEnabled()


def test_a_general_hazard_can_be_claimed_major_and_the_claim_is_voted_on(qtbot, context, people, hazard, graded):
    with context.uow() as uow:
        item = next(c for c in uow.criteria.all() if c.code == "121-2")
    dialog = make_dialog(qtbot, context, hazard.id)
    dialog.set_raising(department(context, "HC1").id, "宋立新", "焊工无证动火，应属重大隐患")
    dialog.set_claimed([item.id])
    dialog.raise_button.click()
    assert dialog.current_page() == PAGE_PANEL
    assert [c.code for c in dialog.dispute.claimed] == ["121-2"]
    vote_through_the_dialog(qtbot, dialog, people, item, upholding=7)
    assert dialog.current_page() == PAGE_RESULT
    dialog.set_ruling_text("全体表决认定符合121号第2条，改判重大事故隐患。")
    dialog.confirm_button.click()
    assert dialog.ruling is not None and dialog.ruling.grade is HazardGrade.MAJOR
    assert get_hazard(context.uow(), hazard.id).grade is HazardGrade.MAJOR


def test_a_missing_site_check_note_is_asked_for_as_such_whatever_the_vote(qtbot, context, people, hazard):
    """Nobody ticks 适用 and the notes are empty: the message asks for the site-check notes, not for the
    evidence that the hazard matches the criterion (it need not match)."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from hazard_desktop.ui import application

    major_by_criterion(context, people, hazard)
    dialog = make_dialog(qtbot, context, hazard.id)
    dialog.set_members(members(people, person(people, "HC1", "宋立新").id))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == PAGE_VOTES
    dialog.votes_button.click()  # nobody ticked 适用, no notes
    assert dialog.current_page() == PAGE_VOTES
    english = dialog.error_message()
    assert "found on site about criterion 121-2" in english and "evidence" not in english
    locale = QLocale()
    translators = application.install_translators(
        QCoreApplication.instance(), Path(__file__).resolve().parents[2] / "resources", "zh_CN"
    )
    QLocale.setDefault(locale)
    try:
        dialog.votes_button.click()
        chinese = dialog.error_message()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    assert "121-2" in chinese and "现场核查情况" in chinese and "依据" not in chinese


def test_every_page_opens_at_its_top_on_a_small_screen(qtbot, context, people, hazard):
    """1366×768 at 150 %: after 确认裁决 the done page shows 裁决已确认, not the empty bottom of the page."""
    from PySide6.QtCore import QCoreApplication, QRect
    from PySide6.QtWidgets import QScrollArea

    from hazard_desktop.ui.widgets import screen_fit

    item = major_by_criterion(context, people, hazard)
    previous = screen_fit.set_available_override(QRect(0, 0, 911, 512))
    try:
        dialog = make_dialog(qtbot, context, hazard.id)
        area = dialog.findChild(QScrollArea, screen_fit.SCROLL_NAME)
        assert area is not None
        vote_through_the_dialog(qtbot, dialog, people, item, upholding=4)
        assert dialog.current_page() == PAGE_RESULT
        QCoreApplication.processEvents()
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())  # the user scrolled down to 确认
        dialog.set_ruling_text("4:3 表决认定符合121号第2条，维持重大事故隐患。")
        dialog.confirm_button.click()
        assert dialog.current_page() == PAGE_DONE
        QCoreApplication.processEvents()
        assert area.verticalScrollBar().value() == 0
        top = dialog.done_label.mapTo(area.viewport(), dialog.done_label.rect().topLeft())
        assert 0 <= top.y() < area.viewport().height()
    finally:
        screen_fit.set_available_override(previous)


def test_a_major_check_on_an_already_graded_hazard_says_why_it_is_not_applied(
    qtbot, context, people, hazard, graded, monkeypatch
):
    """定级 → 重大隐患判定 on a graded hazard: 采用此结果 must not close silently; nothing is written."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QDialogButtonBox

    from hazard_desktop.ui import messages
    from hazard_desktop.ui.dialogs.criteria_check import CriteriaCheckDialog
    from hazard_desktop.ui.grading_actions import install_grading_actions
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    actions = install_grading_actions(window, context)
    window.view.selectionModel().select(
        window.model.index(window.model.find_row(hazard.id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    before = grading_service.grading_history(context.uow(), hazard.id)

    def tick_and_use(self):
        self.tick_code("C-4", True, "T-203 常压储罐液位计失效")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(self.result())

    shown: list[str] = []
    monkeypatch.setattr(CriteriaCheckDialog, "exec", tick_and_use)
    monkeypatch.setattr(messages, "show_info", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda *_args: pytest.fail("no grading may be offered"))
    result = actions.check.trigger()
    assert result is None
    assert len(shown) == 1 and "already has a confirmed grading" in shown[0], shown
    assert "not applied" in shown[0]
    assert grading_service.grading_history(context.uow(), hazard.id) == before


def test_closing_with_entered_scores_not_ruled_asks_and_no_keeps_them(
    qtbot, context, people, hazard, graded, monkeypatch
):
    """New-user trial: closing the dispute window with scores entered lost them without a word (the grading window
    already asked). Now it asks; No keeps the window and the entries; Yes closes and the dispute stays open."""
    from PySide6.QtWidgets import QDialogButtonBox

    from hazard_desktop.ui import messages

    monkeypatch.setattr(DisputePanelDialog, "ask_before_discard", True)  # the question under test
    grading_service.raise_dispute(
        context.uow(),
        graded.id,
        department(context, "SCB").id,
        "吴晓东",
        "后果应为 15",
        at=datetime(2026, 3, 12, tzinfo=UTC),
    )
    dialog = make_dialog(qtbot, context, hazard.id)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or False)
    dialog.set_members(members(people, person(people, "GH", "黄秀英").id))
    close.click()  # the panel chosen, nothing entered: closes without a question
    assert not asked and not dialog.isVisible()

    dialog = make_dialog(qtbot, context, hazard.id)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    dialog.set_members(members(people, person(people, "GH", "黄秀英").id))
    dialog.start_button.click()
    assert dialog.current_page() == PAGE_SCORING
    dialog.scoring.enter("1", "6", "7")
    close.click()
    assert dialog.isVisible() and hazard.number in asked[0] and "discarded" in asked[0]
    assert dialog.scoring.done_count() == 1  # No: the entry is still there
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    close.click()
    assert len(asked) == 2 and not dialog.isVisible()
    assert [d.state for d in grading_service.open_disputes(context.uow())] == [DisputeState.OPEN]


def test_closing_with_votes_ticked_asks_first(qtbot, context, people, hazard, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox

    from hazard_desktop.ui import messages

    monkeypatch.setattr(DisputePanelDialog, "ask_before_discard", True)  # the question under test
    item = major_by_criterion(context, people, hazard)
    dialog = make_dialog(qtbot, context, hazard.id)
    dialog.set_members(members(people, person(people, "HC1", "宋立新").id))
    dialog.start_button.click()
    assert dialog.current_page() == PAGE_VOTES
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or False)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    dialog.votes.ticks[(item.id, dialog.seats()[0].candidate.person_id)].click()
    close.click()
    assert dialog.isVisible() and len(asked) == 1 and "votes" in asked[0]
    assert dialog.votes.ticks[(item.id, dialog.seats()[0].candidate.person_id)].isChecked()


def test_the_dispute_picker_tells_namesakes_of_one_department_apart_by_employee_number(
    qtbot, context, people, hazard, graded
):
    """New-user trial: a second 周永明 in 生产部 (another 工号) could not be told from the first when choosing."""
    from hazard_desktop.services import reference_admin
    from hazard_desktop.ui.widgets.member_picker import COL_NAME, ToolTipRole

    first = person(people, "SCB", "周永明")
    second = reference_admin.save_person(context.uow(), None, "周永明", "E0099", first.department_id, ["panel_member"])
    raised_at = datetime(2026, 3, 12, tzinfo=UTC)
    scb = department(context, "SCB").id
    grading_service.raise_dispute(context.uow(), graded.id, scb, "吴晓东", "后果应为 15", at=raised_at)
    dialog = make_dialog(qtbot, context, hazard.id)
    assert dialog.current_page() == PAGE_PANEL
    model = dialog.picker.model
    names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    assert f"周永明 ({first.employee_no})" in names and "周永明 (E0099)" in names
    assert "吴晓东" in names  # no namesake: the name alone
    row = model.row_of(second.id)
    assert model.data(model.index(row, COL_NAME), ToolTipRole) == "周永明 (E0099) (生产部)"
    view = dialog.picker.view
    cell = model.index(row, COL_NAME + 1)
    view.scrollTo(cell)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    assert second.id in [c.person_id for c in dialog.picker.checked()]


def test_the_votes_page_names_a_namesake_with_the_employee_number(qtbot, context, people, hazard):
    """The criteria votes page listed each member by name alone: two 宋立新 of the workshop looked alike."""
    from hazard_desktop.services import reference_admin

    item = major_by_criterion(context, people, hazard)
    song = person(people, "HC1", "宋立新")
    reference_admin.save_person(context.uow(), None, "宋立新", "E0098", song.department_id, ["panel_member"])
    dialog = make_dialog(qtbot, context, hazard.id)
    dialog.set_members(members(people, song.id))
    dialog.start_button.click()
    assert dialog.current_page() == PAGE_VOTES
    workshop = department(context, "HC1").name
    assert dialog.votes.ticks[(item.id, song.id)].text() == f"宋立新 ({song.employee_no}) ({workshop}): applies"
    wang = person(people, "AHB", "王丽萍")
    assert dialog.votes.ticks[(item.id, wang.id)].text() == "王丽萍 (安环部): applies"  # no namesake: as before
    assert "E0098" not in " ".join(t.text() for t in dialog.votes.ticks.values())  # the other one sits elsewhere


def test_the_raising_person_is_chosen_and_recorded_with_the_employee_number_of_a_namesake(
    qtbot, context, people, hazard, graded
):
    """提出人 is recorded as text: a namesake chosen in the list is recorded (and printed) as 周永明（E0099）."""
    from hazard_desktop.services import reference_admin

    first = person(people, "SCB", "周永明")
    reference_admin.save_person(context.uow(), None, "周永明", "E0099", first.department_id, ["panel_member"])
    dialog = make_dialog(qtbot, context, hazard.id)
    assert dialog.current_page() == PAGE_RAISE
    dialog.department.setCurrentIndex(dialog.department.findData(str(first.department_id)))
    offered = [dialog.person_name.itemText(i) for i in range(dialog.person_name.count())]
    assert f"周永明 ({first.employee_no})" in offered and "周永明 (E0099)" in offered and "吴晓东" in offered
    dialog.person_name.setCurrentIndex(offered.index("周永明 (E0099)"))
    dialog.reason.setPlainText("后果应为 15")
    dialog.raise_button.click()
    assert dialog.current_page() == PAGE_PANEL
    (dispute,) = grading_service.open_disputes(context.uow())
    assert dispute.raised_by_person_name == "周永明（E0099）"
    assert dialog.withdrawn_by.currentText() == "周永明（E0099）"


def test_the_grading_in_force_names_a_namesake_leader_with_the_employee_number(qtbot, context, people, hazard, graded):
    from hazard_desktop.services import reference_admin

    chen = person(people, "AHB", "陈建国")
    reference_admin.save_person(context.uow(), None, "陈建国", "E0097", chen.department_id, ["panel_leader"])
    dialog = make_dialog(qtbot, context, hazard.id)
    assert f"; leader 陈建国 ({chen.employee_no})" in dialog.grading_label.text()


def test_a_bare_name_two_people_of_the_raising_department_share_is_refused_and_nothing_is_stored(
    qtbot, context, people, hazard, graded
):
    from hazard_desktop.services import reference_admin

    first = person(people, "SCB", "周永明")
    reference_admin.save_person(context.uow(), None, "周永明", "E0099", first.department_id, ["panel_member"])
    dialog = make_dialog(qtbot, context, hazard.id)
    dialog.set_raising(first.department_id, " 周永明 ", "后果应为 15")  # typed: which 周永明?
    dialog.raise_button.click()
    assert dialog.current_page() == PAGE_RAISE
    assert dialog.error_message() == (
        "周永明: several people of this department have that name. Choose the one raising the dispute in the list"
        " (shown with the employee number)."
    )
    assert grading_service.open_disputes(context.uow()) == []
    dialog.set_raising(department(context, "SCB").id, "吴晓东", "后果应为 15")  # no namesake: as before
    dialog.raise_button.click()
    assert dialog.current_page() == PAGE_PANEL


def test_the_scoring_results_and_the_printed_ruling_name_a_namesake_with_the_employee_number(
    qtbot, context, people, hazard, tmp_path
):
    import subprocess

    from hazard_desktop.services import reference_admin, sheets
    from hazard_desktop.services.sheet_requests import SheetRequest

    item = major_by_criterion(context, people, hazard)
    song = person(people, "HC1", "宋立新")
    reference_admin.save_person(context.uow(), None, "宋立新", "E0098", song.department_id, ["panel_member"])
    dialog = make_dialog(qtbot, context, hazard.id)
    vote_through_the_dialog(qtbot, dialog, people, item, upholding=3)
    for _ in range(7):
        dialog.scoring.enter("1", "6", "7")
    assert dialog.current_page() == PAGE_RESULT
    model = dialog.results.model
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert f"宋立新 ({song.employee_no})" in names and "王丽萍" in names
    dialog.set_ruling_text("3:4 表决认定不符合121号第2条，按LEC判定。")
    dialog.confirm_button.click()
    assert dialog.ruling is not None
    result = sheets.print_document(
        context.uow(), SheetRequest.hazard(hazard.id), sheets.sheet_renderer(context), tmp_path / "r.pdf", "组长"
    )
    text = "".join(
        subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert f"宋立新（{song.employee_no}）" in text and "E0098" not in text  # votes and scores: the one who sat
    assert text.replace(f"宋立新（{song.employee_no}）", "").count("宋立新") == 1  # 提出人, typed before: as recorded

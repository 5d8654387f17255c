"""The grading history section: one card per grading and per dispute, made by real grading use cases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QWidget

from hazard_desktop.domain.grading import DisputeState, GradingMethod
from hazard_desktop.services import grading as svc
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import grading_history as gh
from hazard_desktop.ui.grading_history import DisputeCard, FlowLayout, GradingCard, GradingHistoryWidget
from tests.ui.conftest import unknown_id
from tests.ui.grading_data import Graded, make_graded


@pytest.fixture
def graded(qapp, context: AppContext) -> Graded:
    return make_graded(context)


@pytest.fixture
def history(qtbot, context: AppContext) -> GradingHistoryWidget:
    widget = GradingHistoryWidget(context)
    qtbot.addWidget(widget)
    widget.resize(380, 900)
    return widget


def kinds(widget: GradingHistoryWidget) -> list[str]:
    return [type(card).__name__ for card in widget.cards]


def test_nothing_shown_before_a_hazard(history: GradingHistoryWidget) -> None:
    assert history.cards == [] and history.entries == []
    assert history.empty.text() == "Not graded yet."
    assert history.title.text() == "Grading history"


def test_an_ungraded_hazard(history: GradingHistoryWidget, graded: Graded) -> None:
    assert history.show_hazard(graded.ungraded.id) == []
    assert history.empty.isVisibleTo(history) and not history.list.isVisibleTo(history)
    assert history.final_grading() is None and history.dispute_state() is None


def test_disputed_and_ruled_hazard(qtbot, history: GradingHistoryWidget, graded: Graded) -> None:
    with qtbot.waitSignal(history.loaded) as blocker:
        entries = history.show_hazard(graded.ruled.id)
    assert blocker.args == [entries]
    assert kinds(history) == ["GradingCard", "DisputeCard", "GradingCard"]
    assert history.title.text() == "Grading history (gradings: 2, disputes: 1)"
    first, dispute, ruling = history.cards
    assert isinstance(first, GradingCard) and isinstance(dispute, DisputeCard) and isinstance(ruling, GradingCard)

    assert first.title.text() == "2026-03-10 · LEC panel"
    assert first.chip_texts() == ["General hazard", "Overruled"]
    assert first.texts["mean_d"] == "54.00 Generally dangerous"
    assert first.texts["threshold_set"].startswith("表D.4 隐患等级划分（《隐患分级管理办法》） (from ")
    assert first.texts["threshold_set"].endswith(", upper limit inclusive)")
    assert first.texts["leader"] == "陈建国"
    assert first.texts["confirmed"]

    assert dispute.title.text().endswith("· Dispute")
    assert dispute.chip_texts() == ["Ruled"]
    assert dispute.texts["raised_by"] == "合成一车间 — 宋立新"
    assert dispute.texts["reason"] == "车间认为暴露频率被高估"
    assert dispute.texts["ruling"] == "经现场复核，后果按 7 分计，裁定为显著危险"
    assert dispute.texts["ruled_at"]

    assert ruling.title.text() == "2026-03-20 · LEC panel"
    assert ruling.chip_texts() == ["General hazard", "Final", "Dispute ruling"]
    assert ruling.texts["mean_d"] == "126.00 Significantly dangerous"
    assert ruling.texts["leader"] == "肖才根"
    assert history.final_grading() == graded.ruling
    assert history.dispute_state() is DisputeState.RULED
    assert history.band_colour(graded.ruling) == "#FBC02D"


def test_every_member_score_in_a_table(history: GradingHistoryWidget, graded: Graded, qtmodeltester) -> None:
    history.show_hazard(graded.ruled.id)
    first, _dispute, ruling = history.cards
    assert isinstance(first, GradingCard) and isinstance(ruling, GradingCard)
    model = ruling.scores_model
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 7
    rows = [[model.data(model.index(r, c)) for c in range(gh.SCORE_COLUMNS)] for r in range(model.rowCount())]
    assert rows[0] == ["肖才根", "总经理办公室", "Leader", "3", "6", "7", "126"]
    assert rows[1][2] == "Deputy" and {r[2] for r in rows[2:]} == {"Member"}
    assert not ruling.scores_view.isColumnHidden(gh.COL_ROLE)  # a dispute panel has roles
    assert first.scores_view.isColumnHidden(gh.COL_ROLE)
    assert [first.scores_model.data(first.scores_model.index(r, gh.COL_D)) for r in range(3)] == ["54"] * 3
    icon = model.data(model.index(0, gh.COL_D), int(Qt.ItemDataRole.DecorationRole))
    assert isinstance(icon, QIcon) and not icon.isNull()  # the member's own band
    assert "Significantly dangerous" in model.data(model.index(0, gh.COL_D), int(Qt.ItemDataRole.ToolTipRole))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(gh.SCORE_COLUMNS)]
    assert headers == ["Member", "Department", "Role", "L", "E", "C", "D"]
    view = ruling.scores_view
    assert view.height() >= view.horizontalHeader().sizeHint().height() + 7 * view.verticalHeader().defaultSectionSize()


def test_criteria_are_listed_with_clause_and_evidence(history: GradingHistoryWidget, graded: Graded) -> None:
    history.show_hazard(graded.criteria.id)
    (card,) = history.cards
    assert isinstance(card, GradingCard)
    assert card.title.text() == "2026-03-10 · Major-hazard criteria"
    assert card.chip_texts() == ["Major hazard", "Final"]
    matches = graded.criteria_grading.matches
    assert len(matches) == 2
    for n, match in enumerate(matches, start=1):
        text = card.texts[f"criterion_{n}"]
        assert match.code in text and match.text in text and f"Evidence: {match.evidence}" in text
        if match.clause:
            assert match.clause in text
    assert card.texts["mean_d"] == "252.00 Highly dangerous"  # the LEC scores kept for the record


def test_correction_and_superseded_grading(history: GradingHistoryWidget, graded: Graded) -> None:
    history.show_hazard(graded.corrected.id)
    old, new = history.cards
    assert isinstance(old, GradingCard) and isinstance(new, GradingCard)
    assert old.chip_texts() == ["General hazard", "Superseded"]
    assert old.texts["superseded"] == "Replaced by the correction of 2026-03-10"
    assert new.title.text() == "2026-03-10 · Panel decision"
    assert new.chip_texts() == ["Major hazard", "Final"]
    assert new.texts["corrects"] == "Corrects the grading of 2026-03-10"
    assert new.texts["correction_reason"] == "漏判：物料为甲类易燃液体"
    assert new.texts["decision_reason"] == "泄漏物料易燃，可能引发连锁火灾"
    assert "mean_d" not in new.texts and not hasattr(new, "scores_view")  # no scores taken
    # no scores: the panel that decided is listed, its leader marked (0015); a scored grading lists its scores
    panel = new.texts["panel"].split("\n")
    assert len(panel) == 3 and "陈建国 (安环部, leader)" in panel and "panel" not in old.texts


def test_draft_is_marked_and_does_not_count(history: GradingHistoryWidget, graded: Graded) -> None:
    history.show_hazard(graded.draft.id)
    (card,) = history.cards
    assert isinstance(card, GradingCard)
    assert card.chip_texts() == ["General hazard", "Draft"]
    assert card.texts["confirmed"] == "No (draft)"
    assert history.final_grading() is None


def test_open_dispute(history: GradingHistoryWidget, graded: Graded) -> None:
    history.show_hazard(graded.open_dispute.id)
    grading, dispute = history.cards
    assert isinstance(grading, GradingCard) and isinstance(dispute, DisputeCard)
    assert grading.chip_texts() == ["General hazard", "Final"]  # it counts until the panel rules
    assert grading.texts["mean_d"] == "≈20.33 Generally dangerous"  # 61/3, exact, two decimals
    assert dispute.chip_texts() == ["Disputed"]
    assert dispute.texts["state"] == "Waiting for the dispute panel"
    assert "ruling" not in dispute.texts
    assert history.dispute_state() is DisputeState.OPEN


def test_withdrawn_dispute(history: GradingHistoryWidget, graded: Graded, context: AppContext) -> None:
    svc.withdraw_dispute(context.uow(), graded.open_dispute_record.id, "现场核实后撤回", person_name="宋立新")
    history.show_hazard(graded.open_dispute.id)
    dispute = history.cards[1]
    assert dispute.chip_texts() == ["Withdrawn"]
    assert dispute.texts["withdrawn_reason"] == "现场核实后撤回"
    assert dispute.texts["withdrawn_at"]
    assert dispute.texts["withdrawn_by"] == "合成一车间 — 宋立新"


def test_decimals_follow_the_setting(history: GradingHistoryWidget, graded: Graded, context: AppContext) -> None:
    with context.uow() as uow:
        uow.settings.set("decimals", "4")
        uow.commit()
    history.show_hazard(graded.open_dispute.id)
    assert history.cards[0].texts["mean_d"] == "≈20.3333 Generally dangerous"


def test_refresh_and_clear(history: GradingHistoryWidget, graded: Graded, context: AppContext) -> None:
    history.show_hazard(graded.draft.id)
    svc.confirm_grading(context.uow(), graded.draft_grading.id)
    history.refresh()
    assert history.cards[0].chip_texts() == ["General hazard", "Final"]
    assert history.hazard_id() == graded.draft.id
    history.clear()
    assert history.cards == [] and history.hazard_id() is None


def test_an_unknown_hazard_shows_the_error(history: GradingHistoryWidget) -> None:
    assert history.show_hazard(unknown_id()) == []
    assert history.empty.text() == "The hazard no longer exists."


def test_methods_of_every_card_are_translated_labels(history: GradingHistoryWidget, graded: Graded) -> None:
    titles = []
    for hazard in (graded.criteria, graded.corrected, graded.ruled):
        history.show_hazard(hazard.id)
        titles += [card.title.text().split(" · ")[1] for card in history.cards if isinstance(card, GradingCard)]
    assert set(titles) == {"Major-hazard criteria", "Panel decision", "LEC panel"}
    assert {m.value for m in GradingMethod} == {"criteria", "lec_panel", "panel_decision"}


def test_cards_fit_a_narrow_pane(qtbot, history: GradingHistoryWidget, graded: Graded) -> None:
    history.resize(330, 900)
    history.show()
    qtbot.waitExposed(history)
    history.show_hazard(graded.ruled.id)
    qtbot.waitUntil(lambda: all(card.isVisible() for card in history.cards))
    for card in history.cards:
        assert card.width() <= history.width()
        details = card.findChild(QLabel, "historyCardDetails")
        assert details is not None
        assert details.height() <= details.heightForWidth(details.width()) + 2  # no gaps under long values


def test_flow_layout_wraps(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, spacing=4)
    labels = [QLabel("一般隐患一般隐患", holder) for _ in range(4)]
    for label in labels:
        layout.addWidget(label)
    one_line = layout.sizeHint().height()
    width = labels[0].sizeHint().width() * 2 + 10
    assert layout.heightForWidth(width) > one_line
    assert layout.heightForWidth(layout.sizeHint().width() + 1) == one_line
    holder.resize(width, 200)
    holder.show()
    qtbot.waitExposed(holder)
    assert labels[2].y() > labels[0].y() and labels[1].y() == labels[0].y()
    labels[1].hide()
    layout.setGeometry(holder.rect())
    assert labels[2].y() == labels[0].y()
    assert layout.count() == 4 and layout.takeAt(0) is not None and layout.itemAt(9) is None


def test_a_general_grading_shows_its_major_hazard_check(history: GradingHistoryWidget, graded: Graded) -> None:
    """Rule §5: the card of a LEC grading says what the §5.1 check found, against which list, by whom and when;
    a ruling's says its panel upheld no criterion."""
    history.show_hazard(graded.open_dispute.id)
    card = history.cards[0]
    assert isinstance(card, GradingCard)
    assert graded.open_grading.major_check is not None
    version = graded.open_grading.major_check.criteria
    text = card.texts["major_check"]
    assert text.startswith(f"no criterion met ({version.items} criteria, version ")
    assert f" {version.short}); 陈建国, " in text
    history.show_hazard(graded.ruled.id)
    ruling = next(c for c in history.cards if isinstance(c, GradingCard) and c.grading.id == graded.ruling.id)
    # this dispute was about the LEC values only: no criterion was in question
    assert ruling.texts["major_check"].startswith("the dispute claimed no criterion; the dispute panel ruled by LEC (")
    assert "; 肖才根, " in ruling.texts["major_check"]


def test_a_major_grading_shows_the_list_its_criteria_were_matched_against(
    history: GradingHistoryWidget, graded: Graded
) -> None:
    """Trial t5: a 重大 grading's card names the version of the criteria list its check went through too."""
    grading = graded.criteria_grading
    assert grading.major_check is not None
    history.show_hazard(grading.hazard_id)
    card = next(c for c in history.cards if isinstance(c, GradingCard) and c.grading.id == grading.id)
    codes = ", ".join(m.code for m in grading.matches)
    text = card.texts["major_check"]
    assert text.startswith(f"criteria met: {codes} ({grading.major_check.criteria.items} criteria, version ")
    assert f" {grading.major_check.criteria.short}); " in text


def test_namesakes_are_named_with_their_employee_number(history: GradingHistoryWidget, graded: Graded, context) -> None:
    """A leader, a scoring member or a recorded panel member with a namesake in their department shows the 工号."""
    from hazard_desktop.services import reference_admin

    xiao = next(p for group in graded.people.values() for p in group if p.name == "肖才根")
    chen = next(p for group in graded.people.values() for p in group if p.name == "陈建国")
    for someone, number in ((xiao, "E0091"), (chen, "E0092")):
        reference_admin.save_person(context.uow(), None, someone.name, number, someone.department_id, [])
    history.show_hazard(graded.ruled.id)
    first, _dispute, ruling = history.cards
    assert isinstance(first, GradingCard) and isinstance(ruling, GradingCard)
    assert ruling.texts["leader"] == f"肖才根 ({xiao.employee_no})"
    assert ruling.scores_model.data(ruling.scores_model.index(0, 0)) == f"肖才根 ({xiao.employee_no})"
    assert first.texts["leader"] == f"陈建国 ({chen.employee_no})"
    names = [ruling.scores_model.data(ruling.scores_model.index(r, 0)) for r in range(1, 7)]
    assert all("(E" not in name for name in names if not name.startswith("陈建国"))  # no namesake: the name alone
    history.show_hazard(graded.corrected.id)
    _old, new = history.cards
    assert f"陈建国 ({chen.employee_no}) (安环部, leader)" in new.texts["panel"].split("\n")

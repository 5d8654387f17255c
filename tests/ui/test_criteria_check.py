"""Major-hazard check dialog on a real database: grouped criteria, search, evidence, verdict, §4.3 decision."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from hazard_desktop.app import close_context
from hazard_desktop.domain.grading import GradingMethod
from hazard_desktop.domain.records import utcnow
from hazard_desktop.services import grading as svc
from hazard_desktop.services import reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.criteria_check import (
    COL_CODE,
    COL_EVIDENCE,
    CriteriaCheckDialog,
    CriteriaCheckResult,
)
from tests.factories import make_context


@pytest.fixture
def context(tmp_path) -> Iterator[AppContext]:
    ctx = make_context(tmp_path / "data")
    yield ctx
    close_context(ctx)


@pytest.fixture
def dialog(qtbot, context) -> CriteriaCheckDialog:
    dlg = CriteriaCheckDialog(context, hazard_title="YH-2026-0001 罐区 T-203 储罐液位计失效")
    qtbot.addWidget(dlg)
    return dlg


def test_criteria_grouped_by_source_company_first(dialog):
    model = dialog.model
    assert model.rowCount() == 2
    company = model.index(0, 0)
    national = model.index(1, 0)
    assert model.data(company).startswith("Company major-hazard criteria")
    assert "SAWS No. 121" in model.data(national)
    assert model.rowCount(company) + model.rowCount(national) == 26
    assert model.data(model.index(0, COL_CODE, company)) == "C-1"
    # natural order: 121-2 before 121-10
    codes = [model.data(model.index(r, COL_CODE, national)) for r in range(model.rowCount(national))]
    assert codes.index("121-2") < codes.index("121-10")
    assert dialog.verdict_text() == "No criterion matches"


def test_search_filters_by_text_code_and_clause_and_keeps_ticks(dialog):
    dialog.tick_code("121-20", True, "氧化剂与易燃液体混放")
    dialog.set_search("储存")
    assert set(dialog.model.shown_codes()) == {"121-3", "121-20"}
    assert dialog.model.rowCount() == 1  # only the 121 group has matches
    dialog.set_search("121-1")
    assert "121-1" in dialog.model.shown_codes() and "121-10" in dialog.model.shown_codes()
    dialog.set_search("4.4.2")
    assert dialog.model.shown_codes() == ["C-2"]
    dialog.set_search("")
    assert len(dialog.model.shown_codes()) == 26
    assert [c.code for c in dialog.model.ticked()] == ["121-20"]
    dialog.ticked_only.setChecked(True)
    national = dialog.model.index(1, 0)
    visible = [
        dialog.model.data(dialog.model.index(r, COL_CODE, national))
        for r in range(dialog.model.rowCount(national))
        if not dialog.view.isRowHidden(r, national)
    ]
    assert visible == ["121-20"]


def test_ticking_in_the_tree_and_evidence_in_the_detail_pane(dialog):
    model = dialog.model
    company = model.index(0, 0)
    c2 = model.index(1, COL_CODE, company)
    assert model.setData(c2, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.select_code("C-2")
    assert dialog.detail_title.text() == "C-2 — clause 4.4.2"
    assert dialog.detail_tick.isChecked()
    assert dialog.evidence.isEnabled()
    assert model.data(c2.siblingAtColumn(COL_EVIDENCE)) == "missing"
    dialog.evidence.setPlainText("夜班在罐区值班室吸烟，有烟头")
    assert model.data(c2.siblingAtColumn(COL_EVIDENCE)) == "recorded"
    assert model.evidence(model.by_code("C-2").id) == "夜班在罐区值班室吸烟，有烟头"
    # unticking from the detail pane
    dialog.detail_tick.setChecked(False)
    assert model.ticked() == []
    assert not dialog.evidence.isEnabled()


def test_evidence_is_required_for_each_ticked_criterion(qtbot, dialog):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tick_code("C-2", True, "罐区值班室有烟头")
    dialog.tick_code("121-20", True)
    assert dialog.verdict_text() == "Major hazard — matches 2 criterion(s)"
    assert "Evidence still missing for 121-20" in dialog.verdict_detail.text()
    assert not dialog.save()
    assert dialog.error_message() == "Please record the evidence for criterion 121-20."
    assert dialog.error_label.isVisible()
    assert dialog.detail_title.text().startswith("121-20")  # the failing item is shown
    dialog.evidence.setPlainText("仓库内氧化剂与易燃液体混放，未分区储存")
    assert dialog.save()
    result = dialog.result_value
    assert isinstance(result, CriteriaCheckResult)
    assert result.is_major and result.method is GradingMethod.CRITERIA
    assert [(m.code, m.clause) for m in result.matches] == [("C-2", "4.4.2"), ("121-20", "第20条")]
    assert result.matches[1].evidence == "仓库内氧化剂与易燃液体混放，未分区储存"
    assert result.decision_reason == ""


def test_no_match_is_a_valid_result(dialog, context):
    before = utcnow()
    assert dialog.save()
    result = dialog.result_value
    assert (result.matches, result.decision_reason) == ((), "")
    assert not result.is_major
    assert result.method is None
    # the answer names the criteria list gone through and when (a LEC grading records them, rule §5)
    assert result.criteria_version == svc.grading_setup(context.uow()).criteria_version
    assert result.criteria_version.items == len(reference_queries.criteria_in_force(context.uow())) > 0
    assert result.checked_at is not None and before <= result.checked_at <= utcnow()


def test_panel_decision_needs_a_written_reason(dialog):
    dialog.set_decision("")
    assert dialog.verdict_text() == "Major hazard — panel decision under §4.3"
    assert dialog.verdict_detail.text() == "A written reason is required."
    assert not dialog.save()
    assert dialog.error_message() == "Please give a reason."
    dialog.set_decision("储罐紧邻装车站台，一旦泄漏可能引发火灾爆炸，整改需停产")
    assert dialog.save()
    assert dialog.result_value.method is GradingMethod.PANEL_DECISION
    assert dialog.result_value.decision_reason.startswith("储罐紧邻")
    # a matching criterion takes precedence and disables the decision
    dialog.tick_code("C-5", True, "液位计失效")
    assert not dialog.decision_box.isEnabled()
    assert dialog.save()
    assert dialog.result_value.method is GradingMethod.CRITERIA
    assert dialog.result_value.decision_reason == ""


def test_criteria_model_passes_the_model_tester(qtmodeltester, dialog):
    dialog.tick_code("C-1", True, "未持证上岗")
    qtmodeltester.check(dialog.model)
    dialog.set_search("储存")
    qtmodeltester.check(dialog.model)
    dialog.set_search("no such text")
    assert dialog.model.rowCount() == 0
    assert dialog.model.parent(QModelIndex()) == QModelIndex()
    qtmodeltester.check(dialog.model)


def test_ask_returns_none_when_cancelled(qtbot, context, monkeypatch):
    monkeypatch.setattr(CriteriaCheckDialog, "exec", lambda self: 0)
    assert CriteriaCheckDialog.ask(None, context) is None

    def accept_with_tick(self):
        self.tick_code("121-4", True, "重点监管工艺未实现自动化控制")
        self.accept()
        return int(self.result())

    monkeypatch.setattr(CriteriaCheckDialog, "exec", accept_with_tick)
    result = CriteriaCheckDialog.ask(None, context)
    assert result is not None and [m.code for m in result.matches] == ["121-4"]


def test_a_major_grading_by_criteria_through_the_panel_dialog_survives_a_restart(qtbot, tmp_path, monkeypatch):
    from datetime import UTC, date, datetime

    from hazard_desktop.domain.hazards import HazardGrade
    from hazard_desktop.services import grading as grading_service
    from hazard_desktop.services.demo import ensure_people
    from hazard_desktop.services.hazards import create_hazard
    from hazard_desktop.services.ports import RegisterFilter, SortKey
    from hazard_desktop.ui.dialogs.panel_scoring import PanelScoringDialog
    from tests.factories import add_person, hazard_input

    folder = tmp_path / "major"
    ctx = make_context(folder)
    try:
        people = ensure_people(ctx.uow())
        hazard = create_hazard(
            ctx.uow(),
            hazard_input(ctx, add_person(ctx), found_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC)),
        )
        panel = [people["AHB"][2].id, people["SCB"][0].id, people["GH"][0].id]

        def tick_and_accept(self):
            self.set_search("液位")
            self.tick_code("C-4", True, "T-203 常压储罐液位计失效，无高液位报警")
            self.accept()
            return int(self.result())

        monkeypatch.setattr(CriteriaCheckDialog, "exec", tick_and_accept)
        dialog = PanelScoringDialog(ctx, [hazard.id], on=date(2026, 3, 10))
        qtbot.addWidget(dialog)
        dialog.set_members(panel)
        assert dialog.start_scoring()
        result = dialog.open_check()
        assert result is not None and [m.code for m in result.matches] == ["C-4"]
        assert dialog.check_verdict.text() == "Major hazard — matches C-4"
        assert dialog.skip_scoring()
        assert "C-4 (4.4 储罐(1))" in dialog.check_details.text()
        grading = dialog.confirm_current()
        assert grading is not None and grading.grade is HazardGrade.MAJOR
    finally:
        close_context(ctx)
    again = make_context(folder)
    try:
        stored = grading_service.final_grading(again.uow(), hazard.id)
        assert stored.method is GradingMethod.CRITERIA
        assert [(m.code, m.clause, m.evidence) for m in stored.matches] == [
            ("C-4", "4.4 储罐(1)", "T-203 常压储罐液位计失效，无高液位报警")
        ]
        assert stored.scores == ()
        row = next(r for r in again.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 5) if r.id == hazard.id)
        assert row.grade is HazardGrade.MAJOR and row.grading_method == "criteria"
    finally:
        close_context(again)


def test_ticking_a_criterion_in_the_list_selects_it_for_the_evidence_box(qtbot, dialog):
    """Issue 11: a click on a criterion's tick box makes it the one the evidence box is for."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.model
    assert dialog.detail_title.text().startswith("C-1")
    c3 = model.index(2, COL_CODE, model.index(0, 0))
    option = QStyleOptionViewItem()
    dialog.view.initViewItemOption(option)
    option.rect = dialog.view.visualRect(c3)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = dialog.view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, dialog.view)
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert [c.code for c in model.ticked()] == ["C-3"]
    assert dialog.detail_title.text().startswith("C-3")
    assert dialog.detail_tick.isChecked() and dialog.evidence.isEnabled()
    dialog.evidence.setPlainText("新员工未经三级教育即上岗")
    assert model.evidence(model.by_code("C-3").id) == "新员工未经三级教育即上岗"
    assert model.evidence(model.by_code("C-1").id) == ""


def test_the_panel_judgement_is_labelled_as_the_section_4_3_definition_not_a_criterion(dialog):
    from hazard_desktop.services.sheet_records import METHOD_LABELS, SHORT_METHOD_LABELS

    assert "§4.3" in dialog.decision_box.text() and "not a listed criterion" in dialog.decision_box.text()
    for labels in (METHOD_LABELS, SHORT_METHOD_LABELS):
        assert (
            "第4.3条" in labels[GradingMethod.PANEL_DECISION] and "判定标准条款" in labels[GradingMethod.PANEL_DECISION]
        )
    assert "is_major" in dir(CriteriaCheckResult) and CriteriaCheckResult.__module__.startswith("hazard_desktop.domain")


def test_the_list_says_it_holds_26_of_the_companys_30_items(dialog):
    dialog.show()
    assert dialog.coverage.isVisible()
    assert dialog.coverage.text().startswith("26 of the company's 30 major-hazard criteria (§5.1) are entered")
    assert "add the other 4" in dialog.coverage.text()


def test_cancel_escape_or_the_close_box_asks_before_ticks_and_evidence_are_discarded(qtbot, dialog, monkeypatch):
    """New-user trial: 取消 / Escape / × threw the ticked criteria and the typed evidence away without a word.
    Now each asks; No keeps the window and what was entered; Yes closes. Nothing entered: no question."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from hazard_desktop.ui import messages

    monkeypatch.setattr(CriteriaCheckDialog, "ask_before_discard", True)  # the question under test
    asked: list[str] = []
    answer = {"yes": False}
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or answer["yes"])
    dialog.show()
    qtbot.waitExposed(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert dialog.select_code("C-2")
    dialog.detail_tick.click()
    qtbot.keyClicks(dialog.evidence, "smoking on site")
    cancel.click()
    assert dialog.isVisible() and len(asked) == 1 and "discarded" in asked[0]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 2
    dialog.close()  # the window's ×
    assert dialog.isVisible() and len(asked) == 3
    assert [c.code for c in dialog.model.ticked()] == ["C-2"]  # No: still there
    assert dialog.evidence.toPlainText() == "smoking on site"
    dialog.detail_tick.click()  # unticked, but the evidence typed is still there: still asks
    cancel.click()
    assert dialog.isVisible() and len(asked) == 4
    answer["yes"] = True
    cancel.click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected and len(asked) == 5


def test_closing_an_untouched_check_asks_nothing_and_a_section_4_3_reason_is_asked_for(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox

    from hazard_desktop.ui import messages

    monkeypatch.setattr(CriteriaCheckDialog, "ask_before_discard", True)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or False)
    untouched = CriteriaCheckDialog(context)
    qtbot.addWidget(untouched)
    untouched.show()
    untouched.set_search("吸烟")  # a search is no input to lose
    untouched.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not asked and not untouched.isVisible()

    judged = CriteriaCheckDialog(context)
    qtbot.addWidget(judged)
    judged.show()
    judged.decision_box.click()
    qtbot.keyClick(judged, Qt.Key.Key_Escape)
    assert judged.isVisible() and len(asked) == 1


def test_the_coverage_note_counts_the_companys_own_items_and_121s_apart(qtbot, qapp, context) -> None:
    """A new-user trial read "only 26 of 30 entered" beside a company group of 6 and thought items lost: the
    30 are the company's own and the national list's, and the note says how many of each (in Chinese too)."""
    from PySide6.QtCore import QCoreApplication

    from hazard_desktop import paths
    from hazard_desktop.ui import application

    translators = application.install_translators(qapp, paths.resource_dir(), "zh_CN")
    try:
        dlg = CriteriaCheckDialog(context, hazard_title="YH-2026-0001 罐区 T-203 储罐液位计失效")
        qtbot.addWidget(dlg)
        model = dlg.model
        company = model.rowCount(model.index(0, 0))
        national = model.rowCount(model.index(1, 0))
        note = dlg.coverage.text()
        assert not dlg.coverage.isHidden()
        assert f"只录入了 {company + national} 条（本公司自定 {company} 条、国家121号文 {national} 条）" in note
        assert f"补录其余 {30 - company - national} 条" in note
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        application.install_translators(qapp, Path(), "en")

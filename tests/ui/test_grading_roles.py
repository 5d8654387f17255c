"""Grading under accounts as a new user meets it (new-user trial, g1): a refused action names the role it needs
and where roles are given; panel grading stays visible (greyed, with the reason) for an account without the
panel-leader role; closing the grading window with a major-hazard check not confirmed asks before it is lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from hazard_desktop.app import close_context
from hazard_desktop.domain.accounts import Role, SecretKind
from hazard_desktop.domain.errors import NotPermitted
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.services import accounts
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs.criteria_check import CriteriaCheckDialog
from hazard_desktop.ui.dialogs.panel_scoring import PAGE_RESULT, PanelScoringDialog
from hazard_desktop.ui.grading_actions import install_grading_actions
from hazard_desktop.ui.main_window import MainWindow
from tests.factories import add_person, hazard_input, make_context
from tests.fakes import FakeSecretHasher
from tests.ui.test_panel_scoring import DAY, person


@pytest.fixture
def context(tmp_path) -> Iterator[AppContext]:
    ctx = make_context(Path(tmp_path) / "data")
    ctx.secrets = FakeSecretHasher()
    yield ctx
    close_context(ctx)


@pytest.fixture
def people(context):
    return ensure_people(context.uow())


@pytest.fixture
def hazards(context):
    inspector = add_person(context)
    found = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    return [create_hazard(context.uow(), hazard_input(context, inspector, description="泵机封泄漏", found_at=found))]


@pytest.fixture
def panel_ids(people):
    return [person(people, "AHB", "陈建国").id, person(people, "SCB", "周永明").id, person(people, "GH", "黄秀英").id]


def _account(context, person_id, name: str, role: Role):
    return accounts.save_account(
        context.uow(), context.secrets, None, person_id=person_id, name=name, roles=frozenset({role}),
        kind=SecretKind.PIN, secret="482913" if role is Role.SAFETY_ADMIN else "730461",
    )  # fmt: skip


@pytest.fixture
def office(context, people, hazards):  # the hazards first: made by the single user of the test
    """王芳-like: the first administrator (安环部), safety office role only, signed in."""
    admin = _account(context, person(people, "AHB", "陈建国").id, "陈建国", Role.SAFETY_ADMIN)
    context.session.sign_in(admin.actor())
    return admin


def test_a_refused_use_case_names_the_role_it_needs_and_where_roles_are_given(qapp) -> None:
    exc = NotPermitted("role_required", use_case="grading.confirm", roles=["panel_leader"], actor="王芳")
    text = messages.error_text(exc, "grading")
    assert (
        "“王芳”" in text and "“Panel leader”" in text and "Tools → Accounts" in text and "Nothing was changed" in text
    )
    two = NotPermitted("role_required", use_case="grading.open_scoring", roles=["dispute_chair", "panel_leader"])
    assert "“Panel leader” or “Dispute chair / deputy”" in messages.error_text(two)  # no actor: the short form
    assert "Panel leader" not in messages.error_text(NotPermitted("role_required"))  # no roles: still a sentence


def test_panel_grading_is_greyed_with_the_reason_for_the_office_and_enabled_for_a_leader(
    qtbot, context, people, hazards, office
) -> None:
    from hazard_desktop.ui.accounts.actions import install_account_actions

    window = MainWindow(context)
    qtbot.addWidget(window)
    actions = install_grading_actions(window, context)
    install_account_actions(window, context)
    window.view.selectionModel().select(
        window.model.index(window.model.find_row(hazards[0].id), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert actions.grade.isVisible() and actions.grade in window.menu_for("grading").actions()
    assert not actions.grade.isEnabled()  # an ungraded hazard is selected: only the role is missing
    assert "“Panel leader”" in actions.grade.toolTip() and "Tools → Accounts" in actions.grade.statusTip()
    assert "陈建国" in actions.grade.toolTip()
    actions.grade.trigger()  # greyed: nothing opens
    assert grading_service.final_grading(context.uow(), hazards[0].id) is None

    leader = _account(context, person(people, "SCB", "周永明").id, "周永明", Role.PANEL_LEADER)
    context.session.sign_in(leader.actor())
    qtbot.waitUntil(lambda: actions.grade.isEnabled())  # follows who is signed in, no restart
    assert "Panel leader" not in actions.grade.toolTip()


def test_the_grading_window_says_which_role_is_missing_before_anyone_is_chosen(
    qtbot, context, people, hazards, panel_ids, office
) -> None:
    dialog = PanelScoringDialog(context, [hazards[0].id], on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_members(panel_ids)
    assert not dialog.start_button.isEnabled()
    assert "“Panel leader”" in dialog.error_message() and "Tools → Accounts" in dialog.error_message()
    dialog.start_button.click()
    assert dialog.current_page() != PAGE_RESULT


def test_closing_with_a_major_check_not_confirmed_asks_and_no_keeps_it(
    qtbot, context, people, hazards, panel_ids, monkeypatch
) -> None:
    monkeypatch.setattr(PanelScoringDialog, "ask_before_discard", True)  # the question under test

    def tick_and_accept(self):
        self.set_search("吸烟")
        self.tick_code("C-2", True, "现场有人吸烟")
        self.accept()
        return int(self.result())

    monkeypatch.setattr(CriteriaCheckDialog, "exec", tick_and_accept)
    dialog = PanelScoringDialog(context, [hazards[0].id], on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_members(panel_ids)
    dialog.start_button.click()
    dialog.check_button.click()
    assert dialog.current_check() is not None and dialog.current_check().is_major

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or False)
    dialog.close_button.click()
    assert dialog.isVisible() and hazards[0].number in asked[0] and "discarded" in asked[0]
    assert dialog.current_check() is not None  # No: the check is still there
    dialog.skip_scoring_button.click()
    dialog.confirm_button.click()
    grading = grading_service.final_grading(context.uow(), hazards[0].id)
    assert grading is not None and grading.grade is HazardGrade.MAJOR
    asked.clear()
    dialog.close_button.click()  # the done page: nothing to lose, no question
    assert not asked and not dialog.isVisible()


def test_closing_before_anything_was_entered_does_not_ask(qtbot, context, hazards, monkeypatch) -> None:
    monkeypatch.setattr(PanelScoringDialog, "ask_before_discard", True)  # the question under test
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: asked.append("asked") or False)
    dialog = PanelScoringDialog(context, [hazards[0].id], on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.close_button.click()
    assert not asked and not dialog.isVisible()


def test_the_grading_window_names_the_members_who_cannot_confirm_when_the_panel_is_chosen(
    qtbot, context, people, hazards, panel_ids, office
) -> None:
    """New-user trial: a member without an account failed only when their turn to enter came. Named at once.

    陈建国 has the office's new account (the administrator's PIN, unchanged), 周永明 leads signed in, 黄秀英's
    account is switched off (none to confirm with).
    """
    import dataclasses

    leader = _account(context, panel_ids[1], "周永明", Role.PANEL_LEADER)
    made = _account(context, panel_ids[2], "黄秀英", Role.PANEL_MEMBER)
    with context.uow() as uow:  # not made yet, as far as the leader's window is concerned
        uow.accounts.save(dataclasses.replace(made, active=False))
        uow.commit()
    context.session.sign_in(leader.actor())
    dialog = PanelScoringDialog(context, [hazards[0].id], on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_members(panel_ids)
    dialog.set_leader(panel_ids[1])
    assert not dialog.start_button.isEnabled()
    text = dialog.error_message()
    assert "No account" in text and "黄秀英" in text and "Tools → Accounts" in text
    assert "must be changed first: 陈建国" in text and "周永明" not in text  # the leader enters under the account
    dialog.start_button.click()
    assert dialog.current_page() != PAGE_RESULT and dialog.round.round_id is None

    # 黄秀英's account is switched on, and both choose their own PIN: nothing left to name
    with context.uow() as uow:
        for account in (office, made):
            uow.accounts.save(dataclasses.replace(uow.accounts.get(account.id), must_change=False, active=True))
        uow.commit()
    dialog.set_members(panel_ids[:1])
    dialog.set_members(panel_ids)  # the panel is chosen again
    assert dialog.start_button.isEnabled() and dialog.error_message() == ""
    dialog.start_button.click()
    assert dialog.round.round_id is not None


def test_a_pin_the_administrator_set_is_refused_on_the_leader_s_screen_until_changed(
    qtbot, context, people, hazards, panel_ids, office
) -> None:
    """New-user trial: a member whose PIN was just reset confirmed a score on the leader's laptop with it."""
    import dataclasses

    leader = _account(context, panel_ids[1], "周永明", Role.PANEL_LEADER)
    member = _account(context, panel_ids[2], "黄秀英", Role.PANEL_MEMBER)
    with context.uow() as uow:
        for account in (office, member):
            uow.accounts.save(dataclasses.replace(uow.accounts.get(account.id), must_change=False))
        uow.commit()
    context.session.sign_in(leader.actor())
    dialog = PanelScoringDialog(context, [hazards[0].id], on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_members(panel_ids)
    dialog.set_leader(panel_ids[1])
    dialog.start_button.click()
    with context.uow() as uow:  # meanwhile the administrator resets 黄秀英's PIN (Tools → Accounts)
        uow.accounts.save(dataclasses.replace(uow.accounts.get(member.id), must_change=True))
        uow.commit()
    assert dialog.scoring.select_member(panel_ids[2])
    assert dialog.scoring.pin.isVisible()
    dialog.scoring.pin.setText("730461")  # the PIN the administrator set
    assert dialog.scoring.entry.set_values("1", "6", "7")
    dialog.scoring.next_button.click()
    assert "must be changed first" in dialog.error_message() and "黄秀英" in dialog.error_message()
    assert grading_service.scoring_status(context.uow(), dialog.round.round_id).entered_count == 0


def test_escape_in_the_major_hazard_check_of_the_grading_window_asks_before_the_ticks_are_lost(
    qtbot, context, people, hazards, panel_ids, monkeypatch
) -> None:
    """New-user trial: in the grading window's 重大隐患判定…, Escape with a criterion ticked and evidence typed
    threw them away. Now No keeps the check open with both; Yes closes it and no check is taken over."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(CriteriaCheckDialog, "ask_before_discard", True)  # the question under test
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, **_k: asked.append(text) or next(answers))
    seen: dict[str, object] = {}

    def in_the_check() -> None:
        check = QApplication.activeModalWidget()
        try:
            assert isinstance(check, CriteriaCheckDialog)
            check.select_code("C-2")
            check.detail_tick.click()
            qtbot.keyClicks(check.evidence, "smoking on site")
            qtbot.keyClick(check, Qt.Key.Key_Escape)  # No: stays open
            seen["kept"] = (check.isVisible(), [c.code for c in check.model.ticked()], check.evidence.toPlainText())
            qtbot.keyClick(check, Qt.Key.Key_Escape)  # Yes: closes
            seen["closed"] = not check.isVisible()
        finally:
            if isinstance(check, CriteriaCheckDialog) and check.isVisible():
                check.done(0)  # never leave the modal loop hanging

    dialog = PanelScoringDialog(context, [hazards[0].id], on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_members(panel_ids)
    dialog.start_button.click()
    QTimer.singleShot(0, in_the_check)
    dialog.check_button.click()
    assert seen == {"kept": (True, ["C-2"], "smoking on site"), "closed": True}
    assert len(asked) == 2 and "discarded" in asked[0]
    assert dialog.current_check() is None  # cancelled: nothing taken over

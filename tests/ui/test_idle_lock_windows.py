"""The lock and open windows: locking covers a form and keeps its input; the same account returns to it; another
account is first asked to close the windows the previous one left open (or nobody switches); quitting from the
lock asks and keeps a hazard form's input as its draft. Real clicks; the form runs in its own ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from hazard_desktop.app import close_context
from hazard_desktop.domain.accounts import Role, SecretKind
from hazard_desktop.services import accounts as service
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.drafts import NEW_HAZARD_KEY
from hazard_desktop.ui import messages
from hazard_desktop.ui.accounts import dialogs
from hazard_desktop.ui.accounts.actions import LockCover, install_account_actions
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
from hazard_desktop.ui.main_window import MainWindow
from tests.factories import make_context
from tests.fakes import FakeSecretHasher

pytestmark = pytest.mark.storage

ADMIN_PIN, INSPECTOR_PIN = "482913", "582914"


@pytest.fixture
def ctx(tmp_path: Path, qtbot) -> Iterator[AppContext]:
    context = make_context(tmp_path / "data")
    context.secrets = FakeSecretHasher()
    first = dialogs.FirstStartDialog(context)
    qtbot.addWidget(first)
    first.person_edit.setText("张安全")
    first.secret.set_secret(ADMIN_PIN)
    first.ok_button.click()
    context.session.sign_in(service.sign_in(context.uow(), context.secrets, "张安全", ADMIN_PIN))
    with context.uow() as uow:
        department = uow.reference.departments()[0].id
    person = reference_admin.save_person(context.uow(), None, "王检查", "", department, [])
    service.save_account(
        context.uow(), context.secrets, None, person_id=person.id, name="王检查",
        roles=frozenset({Role.INSPECTOR, Role.SAFETY_ADMIN}), kind=SecretKind.PIN, secret="619273",
    )  # fmt: skip
    # 王检查 chooses their own PIN once (a PIN set by the administrator is a reset), then 张安全 is back
    context.session.sign_in(service.sign_in(context.uow(), context.secrets, "王检查", "619273"))
    service.change_own_secret(context.uow(), context.secrets, "619273", SecretKind.PIN, INSPECTOR_PIN)
    context.session.sign_in(service.sign_in(context.uow(), context.secrets, "张安全", ADMIN_PIN))
    yield context
    close_context(context)


@pytest.fixture
def window(qtbot, ctx: AppContext, tmp_path: Path) -> MainWindow:
    main = MainWindow(ctx, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    install_account_actions(main, ctx)
    main.show()
    return main


def _visible(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _sign_in(name: str, pin: str) -> None:
    [box] = _visible(dialogs.SignInDialog)
    box.name_box.setCurrentText(name)
    box.secret_edit.setText(pin)
    box.sign_in_button.click()


def _quit_from_lock() -> None:
    [box] = _visible(dialogs.SignInDialog)
    box.quit_button.click()


def _in_the_form(window: MainWindow, steps: Callable[[HazardEditorDialog], None]) -> list[str]:
    """Open File → New hazard (its own ``exec()``) and run ``steps`` inside it; returns failures seen there."""
    failures: list[str] = []

    def run() -> None:
        try:
            [editor] = _visible(HazardEditorDialog)
            steps(editor)
        except BaseException as exc:  # noqa: BLE001 - reported by the test, not lost in the event loop
            failures.append(repr(exc))
        finally:
            for editor in _visible(HazardEditorDialog):
                editor.done(0)

    QTimer.singleShot(0, run)
    window.action_new.trigger()
    return failures


def _lock_and(window: MainWindow, answer: Callable[[], None]) -> None:
    QTimer.singleShot(0, answer)
    window.account_actions.lock_now.trigger()


def test_locking_covers_the_form_and_the_same_account_returns_to_it_as_it_was(qtbot, ctx, window) -> None:
    seen: dict[str, object] = {}

    def steps(editor: HazardEditorDialog) -> None:
        editor.description.setPlainText("储罐区呼吸阀堵塞（未写完）")

        def while_locked() -> None:
            seen["form_open"] = editor.isVisible()
            seen["covered"] = any(c.isVisible() for c in editor.findChildren(LockCover))
            seen["main_covered"] = any(c.isVisible() for c in window.findChildren(LockCover))
            seen["locked"] = ctx.session.locked
            _sign_in("张安全", ADMIN_PIN)

        _lock_and(window, while_locked)
        seen["after"] = (editor.isVisible(), editor.description.toPlainText(), ctx.session.actor.name)
        seen["cover_left"] = any(c.isVisible() for c in editor.findChildren(LockCover))

    assert _in_the_form(window, steps) == []
    assert seen["form_open"] and seen["covered"] and seen["main_covered"] and seen["locked"]
    assert seen["after"] == (True, "储罐区呼吸阀堵塞（未写完）", "张安全") and not seen["cover_left"]
    assert not ctx.session.locked


def test_another_account_is_asked_first_and_the_previous_form_is_closed(qtbot, ctx, window, monkeypatch) -> None:
    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, **k: questions.append(text) or True)
    seen: dict[str, object] = {}

    def steps(editor: HazardEditorDialog) -> None:
        editor.description.setPlainText("张安全的半成品")
        editor.save_draft_now()
        _lock_and(window, lambda: _sign_in("王检查", INSPECTOR_PIN))
        seen["form_open"] = editor.isVisible()

    assert _in_the_form(window, steps) == []
    assert len(questions) == 1 and "王检查" in questions[0] and "张安全" in questions[0]
    assert seen["form_open"] is False and not _visible(HazardEditorDialog)
    assert ctx.session.actor.name == "王检查" and not ctx.session.locked
    assert NEW_HAZARD_KEY not in ctx.drafts.keys()  # noqa: SIM118 - a DraftStore; the previous user's input is discarded, not offered to the next
    assert not any(c.isVisible() for c in window.findChildren(LockCover))


def test_declining_the_question_switches_nobody_and_the_form_stays(qtbot, ctx, window, monkeypatch) -> None:
    answers = iter([False])
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: next(answers))
    seen: dict[str, object] = {}

    def steps(editor: HazardEditorDialog) -> None:
        editor.description.setPlainText("仍在编辑")

        def first() -> None:
            QTimer.singleShot(0, second)  # the lock asks again: now the same account comes back
            _sign_in("王检查", INSPECTOR_PIN)

        def second() -> None:
            seen["still_locked"] = ctx.session.locked and ctx.session.actor.name == "张安全"
            seen["form_open"] = editor.isVisible()
            _sign_in("张安全", ADMIN_PIN)

        _lock_and(window, first)
        seen["after"] = (editor.isVisible(), editor.description.toPlainText(), ctx.session.actor.name)

    assert _in_the_form(window, steps) == []
    assert seen["still_locked"] and seen["form_open"]
    assert seen["after"] == (True, "仍在编辑", "张安全")


def test_switch_user_from_the_menu_closes_the_windows_left_open_after_asking(qtbot, ctx, window, monkeypatch) -> None:
    from hazard_desktop.ui.audit_log import AuditLogDialog

    log = AuditLogDialog(ctx, window)
    qtbot.addWidget(log)
    log.show()
    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, **k: questions.append(text) or False)
    QTimer.singleShot(0, lambda: _sign_in("王检查", INSPECTOR_PIN))
    window.account_actions.switch_user.trigger()
    assert questions and log.windowTitle() in questions[0]
    assert log.isVisible() and ctx.session.actor.name == "张安全"  # declined: nothing changed

    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    QTimer.singleShot(0, lambda: _sign_in("王检查", INSPECTOR_PIN))
    window.account_actions.switch_user.trigger()
    assert not log.isVisible() and ctx.session.actor.name == "王检查"


def test_switch_user_can_be_cancelled_back_to_the_window_signed_in_as_before(qtbot, ctx, window, monkeypatch) -> None:
    """New-user trial (issue 16): 切换用户 offered only 退出程序, and the trial found no way back to the window."""
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    seen: dict[str, object] = {}

    def cancel() -> None:
        [box] = _visible(dialogs.SignInDialog)
        seen["title"], seen["button"], seen["name"] = (
            box.windowTitle(),
            box.quit_button.text(),
            box.name_box.currentText(),
        )
        seen["intro"] = " ".join(label.text() for label in box.findChildren(QLabel))
        box.quit_button.click()

    QTimer.singleShot(0, cancel)
    window.account_actions.switch_user.trigger()
    assert seen["title"] == "Switch user" and seen["button"] == "Cancel" and seen["name"] == ""
    assert "still signed in as 张安全" in str(seen["intro"])
    assert window.isVisible() and ctx.session.actor.name == "张安全" and not ctx.session.locked and quits == []

    def lock_offers_quit() -> None:  # the lock's dialog still needs the PIN: its way out is quitting, not Cancel
        [box] = _visible(dialogs.SignInDialog)
        seen["lock_button"] = box.quit_button.text()
        _sign_in("张安全", ADMIN_PIN)

    QTimer.singleShot(0, lock_offers_quit)
    window.account_actions.lock()
    assert seen["lock_button"] == "Quit the program" and not ctx.session.locked


def test_quitting_from_the_lock_asks_and_keeps_the_form_as_a_draft(qtbot, ctx, window, monkeypatch) -> None:
    answers = iter([False, True])
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: next(answers))
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    seen: dict[str, object] = {}

    def steps(editor: HazardEditorDialog) -> None:
        editor.description.setPlainText("退出前未保存的描述")

        def first() -> None:
            QTimer.singleShot(0, second)  # "No": back to the lock
            _quit_from_lock()

        def second() -> None:
            seen["asked_again"] = bool(_visible(dialogs.SignInDialog)) and editor.isVisible()
            _quit_from_lock()  # "Yes"

        _lock_and(window, first)

    assert _in_the_form(window, steps) == []
    assert seen["asked_again"] and quits == [True]
    assert NEW_HAZARD_KEY in ctx.drafts.keys()  # noqa: SIM118 - a DraftStore; the form's input is kept as its draft
    assert not ctx.session.signed_in

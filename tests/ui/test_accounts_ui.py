"""Accounts in the window (issue 14): first start, sign-in with lock-out, Tools → 账户, hidden actions, idle lock.

Buttons are pressed (``click()``, ``trigger()``); the hasher is the fake one so that the tests do not spend
Argon2id's cost on every sign-in (Argon2id itself is tested in tests/integration/test_accounts_storage.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QToolTip

from hazard_desktop.app import close_context
from hazard_desktop.domain.accounts import MAX_FAILURES, AccountsMode, Role, SecretKind
from hazard_desktop.services import accounts as service
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.accounts import dialogs
from hazard_desktop.ui.accounts.actions import IdleLock, ask_sign_in, install_account_actions, sign_in_at_start
from tests.factories import make_context
from tests.fakes import FakeSecretHasher

pytestmark = pytest.mark.storage


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = make_context(tmp_path / "data")
    context.secrets = FakeSecretHasher()
    yield context
    close_context(context)


def _new_person(context: AppContext):  # type: ignore[no-untyped-def]
    """A person without an account (one active account a person)."""
    from hazard_desktop.services import reference_admin

    with context.uow() as uow:
        department = uow.reference.departments()[0].id
    return reference_admin.save_person(context.uow(), None, "李评分", "", department, [])


def _first_admin(ctx: AppContext, qtbot) -> dialogs.FirstStartDialog:
    dialog = dialogs.FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.person_edit.setText("张安全")
    dialog.secret.set_secret("482913")
    dialog.ok_button.click()
    return dialog


def test_the_first_start_creates_the_administrator_and_signs_in(qtbot, ctx: AppContext) -> None:
    dialog = _first_admin(ctx, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.mode is AccountsMode.ACCOUNTS
    assert dialog.actor is not None and dialog.actor.roles == frozenset({Role.SAFETY_ADMIN})
    assert service.start_state(ctx.uow()).mode is AccountsMode.ACCOUNTS


def test_a_bad_pin_at_first_start_is_shown_and_nothing_is_stored(qtbot, ctx: AppContext) -> None:
    dialog = dialogs.FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.person_edit.setText("张安全")
    dialog.secret.set_secret("123456")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "simple" in dialog.status.text()
    assert service.start_state(ctx.uow()).mode is AccountsMode.UNDECIDED


def test_the_first_administrator_is_chosen_among_the_people_already_there(qtbot, ctx: AppContext) -> None:
    """New-user trial: with the demo's 张安全 in 安环部, the first start made a second 张安全."""
    from hazard_desktop.services import reference_admin

    with ctx.uow() as uow:
        safety = next(d for d in uow.reference.departments() if d.code == "AHB")
    existing = reference_admin.save_person(ctx.uow(), None, "张安全", "", safety.id, [])
    dialog = dialogs.FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.person_box.isVisibleTo(dialog) and dialog.person_box.currentData() is None
    dialog.secret.set_secret("482913")
    dialog.ok_button.click()  # nobody chosen: said, nothing stored
    assert "Choose the administrator" in dialog.status.text()
    assert service.start_state(ctx.uow()).mode is AccountsMode.UNDECIDED

    # "New person" with the name of the one there: refused, and the one there is chosen instead
    dialog.person_box.setCurrentIndex(dialog.person_box.count() - 1)
    assert dialog.person_edit.isEnabled()
    dialog.person_edit.setText(" 张安全 ")
    dialog.department_box.setCurrentIndex(dialog.department_box.findData(str(safety.id)))
    dialog.secret.set_secret("482913")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "already has a person called 张安全" in dialog.status.text()
    assert dialog.person_box.currentData() == str(existing.id) and not dialog.person_edit.isEnabled()
    assert service.start_state(ctx.uow()).mode is AccountsMode.UNDECIDED
    assert [p.name for p in reference_admin.list_people(ctx.uow())] == ["张安全"]

    dialog.secret.set_secret("482913")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.person_id == existing.id
    assert [p.id for p in reference_admin.list_people(ctx.uow())] == [existing.id]  # still one 张安全


def test_single_user_is_an_explicit_choice(qtbot, ctx: AppContext) -> None:
    dialog = dialogs.FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.single_radio.setChecked(True)
    dialog.ok_button.click()
    assert dialog.mode is AccountsMode.SINGLE_USER
    assert sign_in_at_start(ctx)  # no question in single-user mode
    assert ctx.session.actor.single_user


def test_sign_in_refuses_wrong_pins_then_locks(qtbot, ctx: AppContext) -> None:
    _first_admin(ctx, qtbot)
    dialog = dialogs.SignInDialog(ctx, ["张安全"])
    qtbot.addWidget(dialog)
    for _ in range(MAX_FAILURES):
        dialog.secret_edit.setText("000001")
        dialog.sign_in_button.click()
    assert dialog.actor is None and "locked" in dialog.status.text() and dialog.secret_edit.text() == ""
    dialog.secret_edit.setText("482913")
    dialog.sign_in_button.click()
    assert dialog.actor is None  # the right PIN too, until the lock-out ends


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen popup menus
def test_the_signed_in_role_greys_what_it_may_not_do_says_who_may_and_the_services_refuse_it(
    qtbot, ctx: AppContext
) -> None:
    """An entry the account may not use stays in its menu, greyed, its tooltip and status tip naming the role
    that may (README; hidden, the File menu lost 导入台账/备份/恢复 without a word); pressing it does nothing, and
    it comes back as its owner left it when an account with the role signs in."""
    from hazard_desktop.ui.features import install_features
    from hazard_desktop.ui.main_window import MainWindow

    _first_admin(ctx, qtbot)
    admin = service.sign_in(ctx.uow(), ctx.secrets, "张安全", "482913")  # type: ignore[arg-type]
    ctx.session.sign_in(admin)
    person = _new_person(ctx)
    service.save_account(
        ctx.uow(), ctx.secrets, None, person_id=person.id, name="工会观察员",  # type: ignore[arg-type]
        roles=frozenset({Role.READ_ONLY}), kind=SecretKind.PIN, secret="582914",
    )  # fmt: skip
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    install_features(window, ctx)
    actions = window.account_actions  # type: ignore[attr-defined]
    sheets = window.sheet_actions  # type: ignore[attr-defined]
    restore = window.feature_actions["backups"]["restore"]  # type: ignore[attr-defined]
    ledger_import = window.feature_actions["ledger_import"].action_import  # type: ignore[attr-defined]
    assert actions.manage.isEnabled() and restore.isEnabled() and ledger_import.isEnabled()
    tips = {a: (a.toolTip(), a.statusTip()) for a in (restore, ledger_import, sheets.print_sheet)}
    ctx.session.sign_in(service.sign_in(ctx.uow(), ctx.secrets, "工会观察员", "582914"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not actions.manage.isEnabled())
    file_menu = window.menu_for("file")
    assert file_menu.toolTipsVisible()
    admin_only = "needs the role “Safety office administrator” (signed in: 工会观察员)"
    for action in (restore, ledger_import, window.feature_actions["backups"]["backup"], actions.manage):  # type: ignore[attr-defined]
        assert action.isVisible() and not action.isEnabled(), action.text()
        assert admin_only in action.toolTip() and action.statusTip() == action.toolTip(), action.toolTip()
    assert window.action_new.isVisible() and not window.action_new.isEnabled()
    assert "“Inspector”" in window.action_new.toolTip() and "Tools → Accounts" in window.action_new.toolTip()
    assert sheets.print_sheet.isVisible() and not sheets.print_sheet.isEnabled()
    assert "“Inspector”" in sheets.print_sheet.toolTip()
    forms = sheets.form_menu.menuAction()
    assert forms.isVisible() and not forms.isEnabled() and "“Inspector”" in forms.statusTip()
    assert window.action_new in file_menu.actions() and restore in file_menu.actions()
    file_menu.show()  # hovering the greyed entry shows why
    at = file_menu.actionGeometry(restore).center()
    QApplication.sendEvent(file_menu, QHelpEvent(QEvent.Type.ToolTip, at, file_menu.mapToGlobal(at)))
    assert admin_only in QToolTip.text()
    QToolTip.hideText()
    file_menu.hide()
    restore.trigger()  # greyed: pressing it opens nothing
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert "工会观察员" in actions.status.toolTip() and "Read only" in actions.status.text()  # the operator names them
    assert window.rectification_actions.operator == person.id  # type: ignore[attr-defined]  # 操作人 = signed in
    from hazard_desktop.domain.errors import NotPermitted
    from hazard_desktop.services import reference_admin

    with pytest.raises(NotPermitted):
        reference_admin.save_plant_settings(ctx.uow(), "某化工厂", 2)

    ctx.session.sign_in(service.sign_in(ctx.uow(), ctx.secrets, "张安全", "482913"))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: actions.manage.isEnabled())
    assert restore.isEnabled() and ledger_import.isEnabled()
    assert {a: (a.toolTip(), a.statusTip()) for a in tips} == tips  # the owners' tips are back
    assert not sheets.print_sheet.isEnabled()  # as its owner left it: no hazard selected


def test_the_accounts_dialog_adds_an_account_with_its_roles(qtbot, ctx: AppContext) -> None:
    _first_admin(ctx, qtbot)
    _new_person(ctx)  # 李评分, without an account yet
    dialog = dialogs.AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    refused: list[str] = []

    def fill() -> None:
        editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, dialogs.AccountEditor))
        index = next(
            i for i in range(editor.person_box.count()) if editor.person_box.itemText(i).startswith("李评分 (")
        )
        editor.person_box.setCurrentIndex(index)  # shown with the department: namesakes are told apart
        assert editor.name_edit.text() == "李评分"  # the person's name by default
        editor.role_checks[Role.PANEL_MEMBER].setChecked(True)
        editor.secret.set_secret("582914")
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        if editor.isVisible():  # refused: say why instead of waiting for ever
            refused.append(editor.status.text())
            editor.reject()

    QTimer.singleShot(0, fill)
    dialog.new_button.click()
    assert refused == []
    assert dialog.table.rowCount() == 2
    row = next(r for r in range(2) if dialog.table.item(r, 0).text() == "李评分")
    assert dialog.table.item(row, 2).text() == dialogs.role_name(Role.PANEL_MEMBER)


def test_a_new_account_offers_only_people_without_one_and_says_where_people_are_added(qtbot, ctx: AppContext) -> None:
    """New-user trial (issue 16): 新建 offered people who had an account and gave no hint when nobody was left."""
    _first_admin(ctx, qtbot)  # 张安全 has the only account
    from hazard_desktop.services import reference_admin

    _new_person(ctx)  # 李评分, without an account
    with ctx.uow() as uow:
        people = [p.name for p in uow.reference.people()]
    dialog = dialogs.AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    seen: list[tuple[list[str], str, bool]] = []

    def look() -> None:
        editor = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, dialogs.AccountEditor) and w.isVisible()
        )  # the first one may not be deleted yet
        names = [editor.person_box.itemText(i).split(" (")[0] for i in range(editor.person_box.count())]
        save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
        seen.append((names, editor.person_hint.text(), save.isEnabled()))
        editor.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, look)
    dialog.new_button.click()
    names, hint, enabled = seen[-1]
    assert "张安全" not in names and "李评分" in names and sorted(names) == sorted(n for n in people if n != "张安全")
    assert enabled and "Tools → Settings → People" in hint
    for name in names:  # everyone else leaves the register: nobody is left to choose
        person = next(p for p in reference_admin.list_people(ctx.uow()) if p.name == name)
        reference_admin.save_person(ctx.uow(), person.id, person.name, "", person.department_id, [], active=False)
    QTimer.singleShot(0, look)
    dialog.new_button.click()
    names, hint, enabled = seen[-1]
    assert names == [] and not enabled and "Tools → Settings → People" in hint


def test_a_new_account_s_first_sign_in_asks_for_its_own_pin_without_saying_it_was_reset(qtbot, ctx: AppContext) -> None:
    """New-user trial (issue 16): a brand-new account was told 「您的 PIN 或密码已被重置」 though nothing was reset."""
    _first_admin(ctx, qtbot)
    ctx.session.sign_in(service.sign_in(ctx.uow(), ctx.secrets, "张安全", "482913"))  # type: ignore[arg-type]
    person = _new_person(ctx)
    account = service.save_account(
        ctx.uow(), ctx.secrets, None, person_id=person.id, name="李评分", roles=frozenset({Role.INSPECTOR}),
        kind=SecretKind.PIN, secret="582914",
    )  # fmt: skip
    seen: list[str] = []

    def change(secret: str, new: str) -> None:
        boxes = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, dialogs.ChangeSecretDialog) and w.isVisible()
        ]
        if not boxes:  # the sign-in's dialog is still closing
            QTimer.singleShot(0, lambda: change(secret, new))
            return
        [box] = boxes
        seen.append(" ".join(label.text() for label in box.findChildren(QLabel)))
        box.old_edit.setText(secret)
        box.secret.set_secret(new)
        box.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def sign_in(secret: str, new: str) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, dialogs.SignInDialog) and w.isVisible())
        box.name_box.setCurrentText("李评分")
        box.secret_edit.setText(secret)
        QTimer.singleShot(0, lambda: change(secret, new))
        box.sign_in_button.click()

    ctx.session.sign_out()
    QTimer.singleShot(0, lambda: sign_in("582914", "305917"))
    assert ask_sign_in(ctx, None, ["张安全", "李评分"])
    assert "Your account is new" in seen[0] and "reset" not in seen[0]
    assert not service.must_change_secret(ctx.uow())  # chosen: not asked again

    ctx.session.sign_in(service.sign_in(ctx.uow(), ctx.secrets, "张安全", "482913"))  # type: ignore[arg-type]
    service.save_account(  # now the administrator does reset it
        ctx.uow(), ctx.secrets, account.id, person_id=person.id, name="李评分", roles=frozenset({Role.INSPECTOR}),
        kind=SecretKind.PIN, secret="720461",
    )  # fmt: skip
    ctx.session.sign_out()
    QTimer.singleShot(0, lambda: sign_in("720461", "305917"))
    assert ask_sign_in(ctx, None, ["张安全", "李评分"])
    assert "was reset" in seen[1]


def test_input_restarts_the_idle_timer_and_its_end_locks(qtbot) -> None:
    locked: list[bool] = []
    idle = IdleLock(10, lambda: locked.append(True))
    assert idle.timer.isActive() and idle.timer.interval() == 10 * 60_000
    idle.timer.stop()
    event = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(1, 1), QPointF(1, 1), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    idle.eventFilter(idle, event)
    assert idle.timer.isActive()
    idle.timer.timeout.emit()
    assert locked == [True]
    idle.stop()
    assert not IdleLock(0, lambda: None).enabled  # 0: never


def test_install_leaves_single_user_windows_without_log_in_actions(qtbot, ctx: AppContext) -> None:
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    actions = install_account_actions(window, ctx)
    assert not actions.switch_user.isVisible() and actions.idle is None
    assert actions.manage.isVisible()  # the single user holds every role


def test_accounts_mode_asks_for_log_in_before_the_window_and_quit_means_quit(qtbot, ctx: AppContext) -> None:
    _first_admin(ctx, qtbot)

    def answer(secret: str) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, dialogs.SignInDialog) and w.isVisible())
        box.secret_edit.setText(secret)
        (box.sign_in_button if secret else box.quit_button).click()

    QTimer.singleShot(0, lambda: answer(""))
    assert not sign_in_at_start(ctx)
    assert not ctx.session.signed_in  # nobody: every use case is refused
    QTimer.singleShot(0, lambda: answer("482913"))
    assert sign_in_at_start(ctx)
    assert ctx.session.actor.name == "张安全" and Role.SAFETY_ADMIN in ctx.session.actor.roles


def test_every_gate_names_a_use_case_of_its_module() -> None:
    import importlib

    from hazard_desktop.services.authorization import USE_CASES
    from hazard_desktop.ui.accounts.actions import GATES

    for module, name in GATES.values():
        importlib.import_module(f"hazard_desktop.services.{module}")
        assert USE_CASES[name].module.startswith(f"hazard_desktop.services.{module}"), name


def test_in_accounts_mode_the_idle_lock_starts_once_the_register_is_painted(qtbot, ctx: AppContext) -> None:
    from hazard_desktop.ui.main_window import MainWindow

    _first_admin(ctx, qtbot)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    actions = install_account_actions(window, ctx)
    assert actions.idle is None  # its application-wide filter waits: no input reaches an unpainted window
    window.show()
    qtbot.waitUntil(lambda: actions.idle is not None, timeout=5000)
    assert actions.idle.enabled and actions.idle.timer.isActive()


def test_turning_log_in_off_takes_effect_at_once(qtbot, ctx: AppContext, monkeypatch) -> None:
    """Trial: 停用登录 changed nothing until a restart; now the window is in single-user mode at once."""
    from hazard_desktop.ui import messages
    from hazard_desktop.ui.features import install_features
    from hazard_desktop.ui.main_window import MainWindow

    first = _first_admin(ctx, qtbot)
    ctx.session.sign_in(first.actor)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    install_features(window, ctx)
    actions = window.account_actions  # type: ignore[attr-defined]
    assert actions.switch_user.isVisible()
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    dialog = dialogs.AccountsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.mode_button.click()
    assert service.start_state(ctx.uow()).mode is AccountsMode.SINGLE_USER
    assert ctx.session.actor.single_user and "now" in dialog.status.text()
    qtbot.waitUntil(lambda: not actions.switch_user.isVisible())
    grade = window.grading_actions.grade  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Panel leader" not in grade.toolTip())  # the office may grade now, too


def test_an_administrator_who_gives_himself_the_leader_role_holds_it_at_once(qtbot, ctx: AppContext) -> None:
    """Trial: the first administrator could not grade; giving his own account 评分组长 works without a restart."""
    first = _first_admin(ctx, qtbot)
    ctx.session.sign_in(first.actor)
    dialog = dialogs.AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(0, 0)

    def tick_leader() -> None:
        editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, dialogs.AccountEditor))
        editor.role_checks[Role.PANEL_LEADER].setChecked(True)
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        if editor.isVisible():
            editor.reject()

    QTimer.singleShot(0, tick_leader)
    dialog.edit_button.click()
    assert ctx.session.actor.roles == frozenset({Role.SAFETY_ADMIN, Role.PANEL_LEADER})


def test_the_account_editor_and_the_first_start_list_namesakes_with_their_employee_number(qtbot, ctx) -> None:
    """Two 李评分 of one department (told apart by 工号) were listed alike: the wrong one could get the account."""
    from hazard_desktop.services import reference_admin

    with ctx.uow() as uow:
        departments = uow.reference.departments()
    first = reference_admin.save_person(ctx.uow(), None, "李评分", "E0301", departments[0].id, [])
    reference_admin.save_person(ctx.uow(), None, "李评分", "E0302", departments[0].id, [])
    reference_admin.save_person(ctx.uow(), None, "李评分", "E0303", departments[1].id, [])  # another department
    start = dialogs.FirstStartDialog(ctx)
    qtbot.addWidget(start)
    listed = [start.person_box.itemText(i) for i in range(start.person_box.count())]
    assert f"李评分 (E0301) ({departments[0].name})" in listed and f"李评分 (E0302) ({departments[0].name})" in listed
    assert f"李评分 ({departments[1].name})" in listed  # no namesake in that department: as before
    start.person_box.setCurrentIndex(start.person_box.findData(str(first.id)))
    start.secret.set_secret("482913")
    start.ok_button.click()
    accounts = dialogs.AccountsDialog(ctx)
    qtbot.addWidget(accounts)
    assert accounts.table.item(0, 1).text() == "李评分 (E0301)"  # whose account it is
    editor = dialogs.AccountEditor(ctx, None)
    qtbot.addWidget(editor)
    offered = [editor.person_box.itemText(i) for i in range(editor.person_box.count())]
    assert f"李评分 (E0302) ({departments[0].name})" in offered and f"李评分 ({departments[1].name})" in offered

"""Accounts in the main window: sign-in before it opens, the idle lock, File → 切换用户/锁定, Tools → 账户,
the signed-in user in the status bar, and actions hidden for roles that may not use them.

Hiding is a courtesy: the services refuse a use case the actor's roles do not allow whatever the UI shows.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMenu, QWidget

from hazard_desktop.domain.accounts import EVERYONE, AccountsMode, Actor
from hazard_desktop.services import accounts as service
from hazard_desktop.services.authorization import permitted
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.accounts.labels import actor_text, actor_tip

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


def _must_change(context: AppContext, actor: Actor) -> bool:
    return actor.account_id is not None and service.must_change_secret(context.uow())


def sign_in_at_start(context: AppContext, parent: QWidget | None = None) -> bool:
    """Before the main window: the first start's choice, or the log-in in accounts mode. False: quit.

    In single-user mode the session keeps the single user and nothing is asked.
    """
    from hazard_desktop.ui.accounts.dialogs import FirstStartDialog

    state = service.start_state(context.uow())
    if state.mode is AccountsMode.UNDECIDED:
        first = FirstStartDialog(context, parent)
        if first.exec() != QDialog.DialogCode.Accepted:
            return False
        if first.mode is AccountsMode.SINGLE_USER:
            return True
        assert first.actor is not None
        context.session.sign_in(first.actor)
        return True
    if state.mode is AccountsMode.SINGLE_USER:
        return True
    context.session.sign_out()
    return ask_sign_in(context, parent, list(state.account_names))


def ask_sign_in(context: AppContext, parent: QWidget | None, names: list[str], locked_name: str = "") -> bool:
    """The log-in dialog; on success the session holds the account (a reset secret is changed first)."""
    from hazard_desktop.ui.accounts.dialogs import ChangeSecretDialog, SignInDialog

    dialog = SignInDialog(context, names, parent, locked_name=locked_name)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return False
    current = context.session.actor
    if context.session.locked and dialog.actor.account_id == current.account_id:
        context.session.unlock(dialog.actor)
    else:
        context.session.sign_in(dialog.actor)
    if _must_change(context, dialog.actor):
        ChangeSecretDialog(context, parent, required=True).exec()
    return True


class IdleLock(QObject):
    """Locks the session after ``minutes`` without keyboard or mouse input; ``on_lock`` shows the lock."""

    def __init__(self, minutes: int, on_lock: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(on_lock)
        self.enabled = minutes > 0
        app = QApplication.instance()
        if self.enabled and app is not None:
            app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT and self.enabled:
            self.timer.start()  # restart: the idle time counts from the last input
        return False

    def stop(self) -> None:
        self.enabled = False
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


#: Actions hidden unless the actor may run their use case: attribute path from the window → (the service module
#: stating the use case, its name). The module is imported only for an actor without every role (the window's
#: start in single-user mode must not load the grading services: tests/integration/test_lazy_start.py).
GATES: dict[str, tuple[str, str]] = {
    "action_new": ("hazards", "hazards.create"),
    "action_edit": ("hazards", "hazards.save"),
    "feature_actions.backups.backup": ("backups", "backups.create"),
    "feature_actions.backups.restore": ("backups", "backups.restore"),
    "feature_actions.ledger_import.action_import": ("ledger_import", "ledger.import"),
    "sheet_actions.print_sheet": ("sheets", "sheets.print"),
    "sheet_actions.print_meeting": ("sheets", "sheets.print"),
    "sheet_actions.print_dispute": ("sheets", "sheets.print"),
    "sheet_actions.save_pdf": ("sheets", "sheets.save_pdf"),
    "sheet_actions.print_notice": ("sheets", "sheets.print"),
    "sheet_actions.print_acceptance": ("sheets", "sheets.print"),
    "sheet_actions.print_plan": ("sheets", "sheets.print"),
    "sheet_actions.print_report": ("sheets", "sheets.print"),
}


def may(actor: Actor, module: str, use_case: str) -> bool:
    """``permitted`` for a use case of ``hazard_desktop.services.<module>`` (imported if the answer needs it)."""
    if actor.roles == EVERYONE:
        return True
    importlib.import_module(f"hazard_desktop.services.{module}")
    return permitted(actor, use_case)


def _find(window: QObject, path: str) -> object:
    found: object = window
    for part in path.split("."):
        found = found.get(part) if isinstance(found, dict) else getattr(found, part, None)
        if found is None:
            return None
    return found


class AccountActions(QObject):
    """The accounts' actions of one main window (kept alive as ``window.account_actions``)."""

    def __init__(self, window: QMainWindow, context: AppContext, menu_for: Callable[[str], object]) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.idle: IdleLock | None = None
        self.gated: list[tuple[QAction, str, str]] = []
        self.switch_user = QAction(_tr("S&witch user…"), window)
        self.switch_user.triggered.connect(self.switch)
        self.lock_now = QAction(_tr("&Lock"), window)
        self.lock_now.triggered.connect(self.lock)
        self.change_secret = QAction(_tr("Change my PIN or &password…"), window)
        self.change_secret.triggered.connect(self._change_secret)
        self.manage = QAction(_tr("&Accounts…"), window)
        self.manage.setStatusTip(_tr("Accounts, roles, lock-outs, idle lock (safety office)"))
        self.manage.triggered.connect(self._manage)
        file_menu = menu_for("file")
        for action in (self.switch_user, self.lock_now, self.change_secret):
            file_menu.addAction(action)  # type: ignore[attr-defined]
        menu_for("tools").addAction(self.manage)  # type: ignore[attr-defined]
        self.status = QLabel(window)
        self.status.setObjectName("accountStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.gate(self.manage, "accounts", "accounts.list")
        for path, (module, name) in GATES.items():
            action = _find(window, path)
            if isinstance(action, QAction):
                self.gate(action, module, name)
        self._unsubscribe = context.session.subscribe(lambda _session: QTimer.singleShot(0, self.refresh))
        window.destroyed.connect(lambda *_: self._unsubscribe())
        state = service.start_state(context.uow())
        if state.mode is AccountsMode.ACCOUNTS:
            self.idle = IdleLock(state.idle_minutes, self.lock, self)
        self.refresh()

    def _change_secret(self) -> None:
        from hazard_desktop.ui.accounts.dialogs import ChangeSecretDialog

        ChangeSecretDialog(self.context, self.window).exec()

    def _manage(self) -> None:
        from hazard_desktop.ui.accounts.dialogs import AccountsDialog

        AccountsDialog(self.context, self.window).exec()

    def gate(self, action: QAction, module: str, use_case: str) -> None:
        """Show ``action`` only to actors who may run ``use_case`` (of ``services.<module>``)."""
        self.gated.append((action, module, use_case))
        action.setVisible(may(self.context.session.actor, module, use_case))

    def refresh(self) -> None:
        """The status bar and the hidden actions follow who is signed in."""
        actor = self.context.session.actor
        self.status.setText(actor_text(actor))
        self.status.setToolTip(actor_tip(actor))
        fit = getattr(self.window, "fit_status_bar", None)
        if fit is not None:
            fit()
        accounts = not actor.single_user
        for action in (self.switch_user, self.lock_now, self.change_secret):
            action.setVisible(accounts)
        for action, module, use_case in self.gated:
            action.setVisible(may(actor, module, use_case))
        form_menu = _find(self.window, "sheet_actions.form_menu")
        if isinstance(form_menu, QMenu):  # the forms' submenu goes when all its forms are hidden
            form_menu.menuAction().setVisible(any(a.isVisible() for a in form_menu.actions()))
        rectification = getattr(self.window, "rectification_actions", None)
        if actor.person_id is not None and rectification is not None and rectification.operator != actor.person_id:
            rectification.set_operator(actor.person_id)  # the 操作人 is the signed-in person (the office may change it)

    def _names(self) -> list[str]:
        return list(service.start_state(self.context.uow()).account_names)

    def switch(self) -> None:
        """Another person signs in on this laptop (the window stays as it is)."""
        ask_sign_in(self.context, self.window, self._names())

    def lock(self) -> None:
        """Cover the program until the same account or another one signs in (Quit ends the program)."""
        session = self.context.session
        if session.actor.single_user or session.locked:
            return
        session.lock()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in shown:
            widget.hide()
        if not ask_sign_in(self.context, None, self._names(), locked_name=session.actor.name):
            session.sign_out()
            QApplication.quit()
            return
        for widget in shown:
            widget.show()
        if self.idle is not None and self.idle.enabled:
            self.idle.timer.start()


def install_account_actions(window: QMainWindow, context: AppContext) -> AccountActions:
    """Add the accounts' actions to ``window`` (``MainWindow.menu_for`` gives the menus)."""
    actions = AccountActions(window, context, window.menu_for)  # type: ignore[attr-defined]
    window.account_actions = actions  # type: ignore[attr-defined]
    return actions

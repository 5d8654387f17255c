"""Accounts in the main window: sign-in before it opens, the idle lock, File → 切换用户/锁定, Tools → 账户,
the signed-in user in the status bar, and actions greyed for roles that may not use them.

An action the signed-in account may not use stays in its menu, greyed, its tooltip and status tip naming the
role that may (README: 当前账户无权执行的菜单项显示为灰色，鼠标停留时说明需要哪个角色); hidden, the user
could not tell a missing role from a missing feature. Greying is a courtesy: the services refuse a use case
the actor's roles do not allow whatever the UI shows.

The lock covers every open window (:class:`LockCover`, a child over its content) and leaves it as it is — a
dialog keeps its input and its place in the program (hiding a dialog would end its ``exec()``). Signing in
again as the same account takes the covers away. Another account first gets a clear question: the windows
the previous one left open are closed and their input discarded, or nobody switches — the new user never
acts in a window opened by the previous one. Quitting from the lock asks too, and keeps a hazard form's
input as its draft.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from hazard_desktop.domain.accounts import EVERYONE, AccountsMode, Actor, SecretToChoose
from hazard_desktop.services import accounts as service
from hazard_desktop.services.authorization import permitted
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.accounts.labels import (
    actor_roles_text,
    actor_short_text,
    actor_text,
    actor_tip,
    roles_needed_text,
)
from hazard_desktop.ui.widgets import status_text

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


def _must_change(context: AppContext, actor: Actor) -> SecretToChoose:
    """Why the account that signed in must choose its own secret now (NONE, false: it need not)."""
    if actor.account_id is None:
        return SecretToChoose.NONE
    return service.must_change_secret(context.uow())


def sign_in_at_start(context: AppContext, parent: QWidget | None = None) -> bool:
    """Before the main window: the first start's choice, or the log-in in accounts mode. False: quit.

    In single-user mode the session keeps the single user and nothing is asked.
    """
    state = service.start_state(context.uow())
    if state.mode is AccountsMode.SINGLE_USER:
        return True
    if state.mode is AccountsMode.UNDECIDED:
        from hazard_desktop.ui.accounts.dialogs import FirstStartDialog

        first = FirstStartDialog(context, parent)
        if first.exec() != QDialog.DialogCode.Accepted:
            return False
        if first.mode is AccountsMode.SINGLE_USER:
            return True
        assert first.actor is not None
        context.session.sign_in(first.actor)
        return True
    context.session.sign_out()
    return ask_sign_in(context, parent, list(state.account_names))


class SignIn(Enum):
    """How a sign-in ended."""

    SIGNED_IN = "signed_in"
    QUIT = "quit"  # the dialog's Quit (or its window closed)
    DECLINED = "declined"  # another account signed in, but the switch was not confirmed: nothing changed


def ask_sign_in(
    context: AppContext,
    parent: QWidget | None,
    names: list[str],
    locked_name: str = "",
    *,
    before_switch: Callable[[Actor], bool] | None = None,
) -> bool:
    """The log-in dialog; on success the session holds the account (a reset secret is changed first).

    ``before_switch``: asked when an account other than the current one signed in, before the session
    changes; False leaves everything as it was (and this returns False).
    """
    return sign_in_once(context, parent, names, locked_name, before_switch=before_switch) is SignIn.SIGNED_IN


def sign_in_once(
    context: AppContext,
    parent: QWidget | None,
    names: list[str],
    locked_name: str = "",
    *,
    before_switch: Callable[[Actor], bool] | None = None,
    switching: bool = False,
) -> SignIn:
    """:func:`ask_sign_in`, saying how it ended. ``switching``: File → Switch user, whose Cancel goes back to the
    window with the signed-in account (ending as QUIT, which the caller then does not take as quitting)."""
    from hazard_desktop.ui.accounts.dialogs import ChangeSecretDialog, SignInDialog

    current = context.session.actor.name if switching and context.session.signed_in else ""
    dialog = SignInDialog(context, names, parent, locked_name=locked_name, current_name=current)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return SignIn.QUIT
    current = context.session.actor
    same = dialog.actor.account_id is not None and dialog.actor.account_id == current.account_id
    if not same and current.account_id is not None and before_switch is not None and not before_switch(dialog.actor):
        return SignIn.DECLINED
    if context.session.locked and same:
        context.session.unlock(dialog.actor)
    else:
        context.session.sign_in(dialog.actor)
    required = _must_change(context, dialog.actor)
    if required:
        ChangeSecretDialog(context, parent, required=required).exec()
    return SignIn.SIGNED_IN


class LockCover(QWidget):
    """Covers one window's content while the session is locked; the window itself stays as it is."""

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        label = QLabel(_tr("Locked ({name}). Sign in to go on.").format(name=name), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False


def _is_window_of_the_program(widget: QWidget) -> bool:
    """A visible top-level window someone works in (not a menu, tooltip or the sign-in itself)."""
    from hazard_desktop.ui.accounts.dialogs import SignInDialog

    if not widget.isVisible() or isinstance(widget, (QMenu, SignInDialog)):
        return False
    kind = widget.windowType()
    return kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


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


#: Actions greyed unless the actor may run their use case: attribute path from the window → (the service module
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


def refusal(actor: Actor, module: str, use_case: str) -> str:
    """Why ``actor`` may not run ``use_case`` of ``services.<module>`` ("" if it may): the roles that may, who is
    signed in and where roles are given — the tooltip of a greyed action."""
    if may(actor, module, use_case):
        return ""
    from hazard_desktop.services.authorization import USE_CASES

    roles = roles_needed_text([r.value for r in USE_CASES[use_case].roles])
    template = _tr(
        "This needs the role %1 (signed in: %2). The safety office administrator gives roles under Tools → Accounts."
    )
    return template.replace("%1", roles).replace("%2", actor.name)


class RoleGate(QObject):
    """Keeps one action greyed, with :func:`refusal` as its tooltip and status tip, while the role is missing.

    The action sits alone in a disabled :class:`QActionGroup`: whatever its owner enables (a selection, a
    state) stays greyed, and Qt remembers it, so the action shows as its owner wants once the role is given.
    A tip the owner sets meanwhile is kept and shown again then.
    """

    def __init__(self, action: QAction, module: str, use_case: str) -> None:
        super().__init__(action)
        self.action = action
        self.module = module
        self.use_case = use_case
        self.reason = ""
        self._tips = (action.toolTip(), action.statusTip())
        self._group = QActionGroup(self)
        self._group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self._group.addAction(action)
        action.changed.connect(self._keep_reason)

    def apply(self, actor: Actor) -> None:
        reason = refusal(actor, self.module, self.use_case)
        if reason == self.reason:
            return
        if not self.reason:
            self._tips = (self.action.toolTip(), self.action.statusTip())
        self.reason = reason
        self._group.setEnabled(not reason)
        tool_tip, status_tip = (reason, reason) if reason else self._tips
        self.action.setToolTip(tool_tip)
        self.action.setStatusTip(status_tip)

    def _keep_reason(self) -> None:
        if not self.reason:
            return
        tool_tip, status_tip = self._tips
        if self.action.toolTip() != self.reason:
            tool_tip = self.action.toolTip()
            self.action.setToolTip(self.reason)
        if self.action.statusTip() != self.reason:
            status_tip = self.action.statusTip()
            self.action.setStatusTip(self.reason)
        self._tips = (tool_tip, status_tip)


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
        # Every action with a role rule; its RoleGate is made the first time an actor may not use it (a single
        # user, or an office account with every role, never needs one: ~14 objects less at start, issue 16).
        self._gate_rules: list[tuple[QAction, str, str]] = []
        self.gated: list[RoleGate] = []
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
        self._gated_paths: set[str] = set()
        self.gate_paths()
        rectification = getattr(window, "rectification_actions", None)
        if rectification is not None:  # another 操作人 chosen: the account label names the signed-in person again
            rectification.operator_changed.connect(self.show_actor)
        self._unsubscribe = context.session.subscribe(lambda _session: QTimer.singleShot(0, self.refresh))
        window.destroyed.connect(lambda *_: self._unsubscribe())
        state = service.start_state(context.uow())
        if state.mode is AccountsMode.ACCOUNTS:

            def start_idle_lock() -> None:
                self.idle = IdleLock(state.idle_minutes, self.lock, self)

            # Its application-wide event filter would cost every event of the window's construction a call into
            # Python: it starts once the register is painted (no input reaches the window before).
            after_first_paint = getattr(window, "after_first_paint", None)
            if after_first_paint is not None:
                after_first_paint(start_idle_lock)
            else:
                start_idle_lock()
        self.refresh()

    def _change_secret(self) -> None:
        from hazard_desktop.ui.accounts.dialogs import ChangeSecretDialog

        ChangeSecretDialog(self.context, self.window).exec()

    def _manage(self) -> None:
        from hazard_desktop.ui.accounts.dialogs import AccountsDialog

        AccountsDialog(self.context, self.window).exec()

    def gate_paths(self) -> None:
        """Gate the actions of :data:`GATES` that the window has now and were not gated yet (the features
        installed after the first paint call it again: ``ui/features.py``)."""
        for path, (module, name) in GATES.items():
            action = _find(self.window, path)
            if path not in self._gated_paths and isinstance(action, QAction):
                self._gated_paths.add(path)
                self.gate(action, module, name)

    def gate(self, action: QAction, module: str, use_case: str) -> None:
        """Grey ``action`` for actors who may not run ``use_case`` (of ``services.<module>``), saying who may."""
        self._gate_rules.append((action, module, use_case))
        self._apply_gates(self.context.session.actor, [(action, module, use_case)])
        for menu in action.associatedObjects():  # a greyed entry says why when hovered
            if isinstance(menu, QMenu):
                menu.setToolTipsVisible(True)

    def _apply_gates(self, actor: Actor, rules: list[tuple[QAction, str, str]]) -> None:
        made = {gate.action: gate for gate in self.gated}
        for action, module, use_case in rules:
            gate = made.get(action)
            if gate is None:
                if not refusal(actor, module, use_case):
                    continue  # allowed, and never refused before: nothing to grey or restore
                gate = RoleGate(action, module, use_case)
                self.gated.append(gate)
            gate.apply(actor)

    def show_actor(self) -> None:
        """The status bar's account label: who is signed in, or only their roles when the operator label beside
        it names the same person (the status bar named the signed-in person twice); the tooltip says it in full.
        """
        actor = self.context.session.actor
        rectification = getattr(self.window, "rectification_actions", None)
        named = actor.person_id is not None and getattr(rectification, "operator", None) == actor.person_id
        roles = actor_roles_text(actor) if named else ""
        status_text.set_texts(self.status, roles or actor_text(actor), actor_short_text(actor, roles_only=bool(roles)))
        self.status.setToolTip(actor_tip(actor))
        fit = getattr(self.window, "fit_status_bar", None)
        if fit is not None:
            fit()

    def refresh(self) -> None:
        """The status bar and the greyed actions follow who is signed in."""
        actor = self.context.session.actor
        accounts = not actor.single_user
        for action in (self.switch_user, self.lock_now, self.change_secret):
            action.setVisible(accounts)
        self._apply_gates(actor, self._gate_rules)
        form_menu = _find(self.window, "sheet_actions.form_menu")
        if isinstance(form_menu, QMenu):  # the forms' submenu is greyed, saying why, when all its forms are
            reasons = {g.reason for g in self.gated if g.action in form_menu.actions()}
            reason = next(iter(reasons)) if len(reasons) == 1 else ""
            entry = form_menu.menuAction()
            entry.setEnabled(not reason)
            entry.setToolTip(reason)
            entry.setStatusTip(reason)
        rectification = getattr(self.window, "rectification_actions", None)
        if actor.person_id is not None and rectification is not None and rectification.operator != actor.person_id:
            rectification.set_operator(actor.person_id)  # the 操作人 is the signed-in person (the office may change it)
        self.show_actor()

    def _names(self) -> list[str]:
        return list(service.start_state(self.context.uow()).account_names)

    def open_windows(self) -> list[QWidget]:
        """The windows open besides the main window (dialogs, the statistics window …), newest last."""
        return [w for w in QApplication.topLevelWidgets() if w is not self.window and _is_window_of_the_program(w)]

    def switch(self) -> None:
        """Another person signs in on this laptop: the windows the previous one left open are closed first."""
        sign_in_once(self.context, self.window, self._names(), before_switch=self.close_for, switching=True)

    def close_for(self, actor: Actor) -> bool:
        """Before ``actor`` takes over: close the windows left open (after a clear question); False: keep them
        and do not switch. A window whose work is still running (a backup, an export) is never closed."""
        windows = self.open_windows()
        if not windows:
            return True
        previous = self.context.session.actor.name
        busy = [w for w in windows if getattr(w, "job", None) is not None]
        if busy:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                None,
                _tr("Switch user"),
                _tr("{window} is still working for {previous}. Wait until it has finished, then switch.").format(
                    window=busy[0].windowTitle(), previous=previous
                ),
            )
            return False
        from hazard_desktop.ui import messages

        titles = "\n".join(f"• {w.windowTitle() or w.objectName()}" for w in windows)
        question = _tr(
            "{name} is signing in. {previous} left these windows open:\n{titles}\n\n"
            "They are closed first and what was entered in them and not saved is discarded. "
            "Close them and switch to {name}?"
        ).format(name=actor.name, previous=previous, titles=titles)
        if not messages.confirm(None, _tr("Switch user"), question):
            return False
        for window in reversed(windows):  # the newest (a question over a form) first
            discard = getattr(window, "discard_draft", None)
            if callable(discard):
                discard()
            if isinstance(window, QDialog):
                window.done(QDialog.DialogCode.Rejected)  # not reject(): no "keep editing?" for the new user
            else:
                window.close()
        return True

    def _quit_confirmed(self) -> bool:
        """Quit from the lock: asked when windows are open; a hazard form's input is kept as its draft."""
        windows = self.open_windows()
        if not windows:
            return True
        from hazard_desktop.ui import messages

        titles = "\n".join(f"• {w.windowTitle() or w.objectName()}" for w in windows)
        question = _tr(
            "These windows are open:\n{titles}\n\nQuit the program anyway? What was entered in them and not "
            "saved is lost (a hazard form's input is kept as a draft and offered again)."
        ).format(titles=titles)
        if not messages.confirm(None, _tr("Quit the program"), question):
            return False
        for window in windows:
            keep = getattr(window, "save_draft_now", None)
            if callable(keep):
                keep()
        return True

    def lock(self) -> None:
        """Cover the program until the same account or another one signs in (Quit ends the program)."""
        session = self.context.session
        if session.actor.single_user or session.locked:
            return
        session.lock()
        name = session.actor.name
        covers = [LockCover(w, name) for w in QApplication.topLevelWidgets() if _is_window_of_the_program(w)]
        try:
            while True:
                ended = sign_in_once(self.context, None, self._names(), locked_name=name, before_switch=self.close_for)
                if ended is SignIn.SIGNED_IN:
                    break
                if ended is SignIn.QUIT and self._quit_confirmed():
                    session.sign_out()
                    QApplication.quit()
                    return
        finally:
            for cover in covers:
                with contextlib.suppress(RuntimeError):  # its window was closed and deleted by the switch
                    cover.parentWidget().removeEventFilter(cover)
                    cover.hide()
                    cover.deleteLater()
        if self.idle is not None and self.idle.enabled:
            self.idle.timer.start()


def install_account_actions(window: QMainWindow, context: AppContext) -> AccountActions:
    """Add the accounts' actions to ``window`` (``MainWindow.menu_for`` gives the menus)."""
    actions = AccountActions(window, context, window.menu_for)  # type: ignore[attr-defined]
    window.account_actions = actions  # type: ignore[attr-defined]
    return actions

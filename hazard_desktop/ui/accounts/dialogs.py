"""Sign-in (also the idle lock's and the switch of user's), first start, own secret, and Tools → 账户 (issue 14).

The checks are the services' (``services/accounts.py``); these dialogs collect input, call one use case
per button and show its refusal in the dialog. Secrets are read from password fields and handed straight
to the use case; they are never kept on the dialog after it closes.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.accounts import (
    IDLE_MINUTES_MAX,
    SINGLE_USER,
    Account,
    AccountsMode,
    Actor,
    Role,
    SecretKind,
    SecretToChoose,
)
from hazard_desktop.domain.errors import DomainError, ValidationError
from hazard_desktop.domain.reference import namesake_numbers
from hazard_desktop.services import accounts as service
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.accounts.labels import role_name, roles_text
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.widgets import screen_fit

NEW_PERSON = "new"  # the person list's last item: the administrator is not in the register yet


def _error(exc: BaseException) -> str:
    return messages.error_text(exc, "accounts")


class SecretFields(QWidget):
    """PIN or password, typed twice."""

    def __init__(self, parent: QWidget | None = None, *, kind: SecretKind = SecretKind.PIN) -> None:
        super().__init__(parent)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("6-digit PIN"), SecretKind.PIN.value)
        self.kind_box.addItem(self.tr("Password (at least 8 characters)"), SecretKind.PASSWORD.value)
        self.kind_box.setCurrentIndex(0 if kind is SecretKind.PIN else 1)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit = QLineEdit(self)
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Kind:"), self.kind_box)
        form.addRow(self.tr("New PIN or password:"), self.secret_edit)
        form.addRow(self.tr("Repeat:"), self.again_edit)

    @property
    def kind(self) -> SecretKind:
        return SecretKind(self.kind_box.currentData())

    def secret(self) -> str:
        """The secret typed twice alike.

        Raises:
            ValidationError: ``secret_mismatch``.
        """
        if self.secret_edit.text() != self.again_edit.text():
            raise ValidationError("secret_mismatch", field="secret")
        return self.secret_edit.text()

    def set_secret(self, secret: str) -> None:
        """Type the secret in both fields (tests)."""
        self.secret_edit.setText(secret)
        self.again_edit.setText(secret)

    def clear(self) -> None:
        self.secret_edit.clear()
        self.again_edit.clear()


class SignInDialog(QDialog):
    """Sign in: at start, after the idle lock (``locked_name``: the same account, or another: a switch), or
    File → Switch user (``current_name``: who is signed in and stays so on Cancel). ``actor`` holds who signed
    in after ``accept``; the reject button quits the program, except at File → Switch user, where it goes back."""

    def __init__(
        self,
        context: AppContext,
        names: list[str],
        parent: QWidget | None = None,
        *,
        locked_name: str = "",
        current_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.actor: Actor | None = None
        self.locked = bool(locked_name)
        self.switching = bool(current_name) and not self.locked
        self.setWindowTitle(
            self.tr("Locked") if self.locked else self.tr("Switch user") if self.switching else self.tr("Sign in")
        )
        screen_fit.fit_on_show(self, (420, 220))
        if self.locked:
            text = self.tr("The window was locked after a time without use. Sign in again, or as another user.")
        elif self.switching:
            text = self.tr("Another person signs in here. Cancel goes back to the window, still signed in as %1.")
            text = text.replace("%1", current_name)
        else:
            text = self.tr("Sign in with your account.")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.name_box = QComboBox(self)
        self.name_box.setEditable(True)
        self.name_box.addItems(names)
        self.name_box.setCurrentText(locked_name or (names[0] if len(names) == 1 and not self.switching else ""))
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_box)
        form.addRow(self.tr("PIN or password:"), self.secret_edit)
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        # At File → Switch user the one signed in is still valid: the way out is back to the window, not quitting.
        quit_text = self.tr("Cancel") if self.switching else self.tr("Quit the program")
        self.quit_button = self.buttons.addButton(quit_text, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)
        (self.secret_edit if self.name_box.currentText() else self.name_box).setFocus()

    def sign_in(self) -> None:
        """Check name and secret (the use case counts a failure); accept with ``actor`` set."""
        assert self.context.secrets is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            actor = service.sign_in(
                self.context.uow(), self.context.secrets, self.name_box.currentText(), self.secret_edit.text()
            )
        except DomainError as exc:
            self.status.setText(_error(exc))
            self.secret_edit.clear()
            self.secret_edit.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.secret_edit.clear()
        self.actor = actor
        self.accept()


class FirstStartDialog(QDialog):
    """The first start: the first administrator (安环部管理员), or the explicit choice of no accounts."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.mode: AccountsMode | None = None
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Accounts"))
        screen_fit.fit_on_show(self, (560, 420))
        intro = QLabel(
            self.tr(
                "Sheets are legal records and laptops are shared: with accounts everyone signs in, each action "
                "is done under a role, and sheets print who did it. Create the first administrator now (the "
                "safety office adds the others under Tools → Accounts), or use the program without accounts."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.accounts_radio = QRadioButton(self.tr("Use accounts: create the first administrator"), self)
        self.single_radio = QRadioButton(self.tr("No accounts (single-user mode, printed on every sheet)"), self)
        self.accounts_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.accounts_radio)
        group.addButton(self.single_radio)
        self.admin_box = QGroupBox(self.tr("First administrator"), self)
        # The register may know people already (the demo, an imported ledger, a joined plant): the administrator
        # is chosen among them, and a new person is made only for someone not there (new-user trial: a second
        # 张安全 of 安环部 was made beside the first).
        departments = reference_admin.list_departments(context.uow(), include_inactive=False)
        names = {d.id: d.name for d in departments}
        self.person_box = QComboBox(self.admin_box)
        self.person_box.setObjectName("firstAdminPerson")
        people = reference_admin.list_people(context.uow(), include_inactive=False)
        if people:
            self.person_box.addItem(self.tr("(choose)"), None)
        numbers = namesake_numbers(people)  # namesakes of one department: told apart by their 工号
        for person in people:
            department = names.get(person.department_id, "")
            name = numbered_name(person.name, numbers.get(person.id))
            self.person_box.addItem(f"{name} ({department})" if department else name, str(person.id))
        self.person_box.addItem(self.tr("New person (not in the list)"), NEW_PERSON)
        self.person_edit = QLineEdit(self.admin_box)
        self.person_edit.setObjectName("firstAdminName")
        self.department_box = QComboBox(self.admin_box)
        for department in departments:
            self.department_box.addItem(department.name, str(department.id))
        self.secret = SecretFields(self.admin_box)
        form = QFormLayout(self.admin_box)
        self.person_label = QLabel(self.tr("Person:"), self.admin_box)
        form.addRow(self.person_label, self.person_box)
        form.addRow(self.tr("New person's name:") if people else self.tr("Name:"), self.person_edit)
        form.addRow(self.tr("Department:"), self.department_box)
        form.addRow(self.secret)
        self.person_label.setVisible(bool(people))  # nobody to choose from: the name and department only
        self.person_box.setVisible(bool(people))
        self.person_box.currentIndexChanged.connect(self._person_chosen)
        self._person_chosen()
        self.single_radio.toggled.connect(lambda on: self.admin_box.setEnabled(not on))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.quit_button = self.buttons.addButton(self.tr("Quit the program"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.apply)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.accounts_radio)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.single_radio)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)

    def apply(self) -> None:
        """Store the choice (one use case); with accounts, the new administrator is signed in."""
        assert self.context.secrets is not None
        try:
            if self.single_radio.isChecked():
                service.choose_single_user(self.context.uow())
                self.mode = AccountsMode.SINGLE_USER
            else:
                chosen = self.person_box.currentData()
                if chosen is None:
                    raise ValidationError("person_empty", field="person")
                secret = self.secret.secret()
                department = self.department_box.currentData()
                new = chosen == NEW_PERSON
                account = service.create_first_admin(
                    self.context.uow(),
                    self.context.secrets,
                    person_name=self.person_edit.text() if new else "",
                    department_id=uuid.UUID(department) if new and department else None,
                    person_id=None if new else uuid.UUID(chosen),
                    kind=self.secret.kind,
                    secret=secret,
                )
                self.actor = account.actor()
                self.mode = AccountsMode.ACCOUNTS
        except DomainError as exc:
            self._refused(exc)
            return
        finally:
            self.secret.clear()
        self.accept()

    def _person_chosen(self) -> None:
        new = self.person_box.currentData() == NEW_PERSON
        self.person_edit.setEnabled(new)
        self.department_box.setEnabled(new)

    def _refused(self, exc: DomainError) -> None:
        """Say why; a person already there is chosen in the list instead of being made again."""
        if exc.code == "person_empty":
            self.status.setText(
                self.tr("Choose the administrator among the people, or “New person (not in the list)”.")
            )
            self.person_box.setFocus()
            return
        text = _error(exc)
        index = self.person_box.findData(exc.params.get("person_id")) if exc.code == "person_duplicate" else -1
        if index >= 0:
            self.person_box.setCurrentIndex(index)
            self.person_edit.clear()
            text = self.tr("%1 They are chosen above now: press OK to make them the administrator.").replace("%1", text)
        self.status.setText(text)


class ChangeSecretDialog(QDialog):
    """The signed-in account chooses a new PIN or password: when it likes, or at sign-in when it must
    (``required``: a new account's first secret, set by the administrator, or a reset — each told as it is)."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, required: SecretToChoose = SecretToChoose.NONE
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Change my PIN or password"))
        screen_fit.fit_on_show(self, (460, 260))
        if required is SecretToChoose.NEW:  # new-user trial: a new account was told its PIN "was reset"
            text = self.tr(
                "Your account is new. Its PIN or password was set by the administrator who made it: choose your "
                "own now (only you will know it)."
            )
        elif required is SecretToChoose.RESET:
            text = self.tr("Your PIN or password was reset: choose your own now.")
        else:
            text = self.tr("Choose a new PIN or password.")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.old_edit = QLineEdit(self)
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret = SecretFields(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")
        form = QFormLayout()
        given = self.tr("PIN or password you were given:") if required else self.tr("Current PIN or password:")
        form.addRow(given, self.old_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.secret)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)

    def apply(self) -> None:
        assert self.context.secrets is not None
        try:
            service.change_own_secret(
                self.context.uow(), self.context.secrets, self.old_edit.text(), self.secret.kind, self.secret.secret()
            )
        except DomainError as exc:
            self.status.setText(_error(exc))
            return
        finally:
            self.old_edit.clear()
            self.secret.clear()
        self.accept()


class AccountEditor(QDialog):
    """A new account, or one account's person, name, roles, switch, and (optionally) a reset secret."""

    def __init__(self, context: AppContext, account: Account | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.account = account
        self.saved: Account | None = None
        self.setWindowTitle(self.tr("New account") if account is None else self.tr("Edit account"))
        screen_fit.fit_on_show(self, (520, 470))
        self.person_box = QComboBox(self)
        # An account is made for a person of the register (never a new person): namesakes of two departments
        # are told apart by their department, and the sign-in name starts as the person's name. A person with an
        # active account is left out (one active account a person; the new-user trial was offered them).
        departments = {d.id: d.name for d in reference_admin.list_departments(context.uow())}
        taken = {a.person_id for a in service.list_accounts(context.uow()) if a.active}
        if account is not None:
            taken.discard(account.person_id)
        self._names: dict[str, str] = {}
        people = reference_admin.list_people(context.uow(), include_inactive=False)
        numbers = namesake_numbers(people)  # namesakes of one department: told apart by their 工号
        for person in people:
            if person.id in taken:
                continue
            department = departments.get(person.department_id, "")
            name = numbered_name(person.name, numbers.get(person.id))
            self.person_box.addItem(f"{name} ({department})" if department else name, str(person.id))
            self._names[str(person.id)] = person.name
        self.person_hint = QLabel(self)
        self.person_hint.setWordWrap(True)
        if self.person_box.count() == 0:
            self.person_hint.setText(
                self.tr(
                    "Nobody to choose: everyone entered has an account already. An account belongs to a person of "
                    "the register: add the person first under Tools → Settings → People, then come back here."
                )
            )
            self.person_hint.setStyleSheet("color: #b00020")
        else:
            self.person_hint.setText(
                self.tr(
                    "People without an account are listed. Someone missing? Add them under Tools → Settings → People."
                )
            )
        self.name_edit = QLineEdit(self)
        self.person_box.currentIndexChanged.connect(lambda _i: self._name_from_person(self._person_name()))
        self.role_checks: dict[Role, QCheckBox] = {}
        roles_box = QGroupBox(self.tr("Roles"), self)
        roles_layout = QVBoxLayout(roles_box)
        for role in Role:
            check = QCheckBox(role_name(role), roles_box)
            roles_layout.addWidget(check)
            self.role_checks[role] = check
        self.active_check = QCheckBox(self.tr("Account switched on"), self)
        self.active_check.setChecked(True)
        self.reset_check = QCheckBox(self.tr("Set a new PIN or password (the owner changes it at next sign-in)"), self)
        self.secret = SecretFields(self)
        form = QFormLayout()
        form.addRow(self.tr("Person:"), self.person_box)
        form.addRow("", self.person_hint)
        form.addRow(self.tr("Sign-in name:"), self.name_edit)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(roles_box)
        layout.addWidget(self.active_check)
        layout.addWidget(self.reset_check)
        layout.addWidget(self.secret)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)
        if account is None:
            self.reset_check.setChecked(True)
            self.reset_check.hide()
            self._name_from_person(self._person_name())
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.person_box.count() > 0)
        else:
            self.person_hint.hide()  # the account's own person and those without one; the hint is for a new one
            index = self.person_box.findData(str(account.person_id))
            if index >= 0:
                self.person_box.setCurrentIndex(index)
            self.name_edit.setText(account.name)
            for role, check in self.role_checks.items():
                check.setChecked(role in account.roles)
            self.active_check.setChecked(account.active)
            self.secret.setEnabled(False)
            self.reset_check.toggled.connect(self.secret.setEnabled)

    def _person_name(self) -> str:
        return self._names.get(self.person_box.currentData() or "", "")

    def _name_from_person(self, name: str) -> None:
        if self.account is None:
            self.name_edit.setText(name)

    def save(self) -> None:
        assert self.context.secrets is not None
        person = self.person_box.currentData()
        roles = frozenset(r for r, check in self.role_checks.items() if check.isChecked())
        try:
            if person is None:
                raise ValidationError("person_unknown", field="person")
            resetting = self.reset_check.isChecked()
            self.saved = service.save_account(
                self.context.uow(),
                self.context.secrets,
                None if self.account is None else self.account.id,
                person_id=uuid.UUID(person),
                name=self.name_edit.text(),
                roles=roles,
                active=self.active_check.isChecked(),
                kind=self.secret.kind if resetting else None,
                secret=self.secret.secret() if resetting else "",
            )
        except DomainError as exc:
            self.status.setText(_error(exc))
            return
        finally:
            self.secret.clear()
        self.accept()


class AccountsDialog(QDialog):
    """Tools → Accounts (安环部管理员): the accounts, their roles and lock-outs; the idle lock; log-in on/off."""

    COLUMNS = 5

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.accounts: list[Account] = []
        self.setWindowTitle(self.tr("Accounts"))
        screen_fit.fit_on_show(self, (760, 460), remember="accounts")
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sign-in name"), self.tr("Person"), self.tr("Roles"), self.tr("Signs in with"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.new_button = QPushButton(self.tr("New…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.unlock_button.clicked.connect(self.unlock)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.unlock_button):
            row.addWidget(button)
        row.addStretch(1)
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setRange(0, IDLE_MINUTES_MAX)
        self.idle_spin.setSpecialValueText(self.tr("never"))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_button = QPushButton(self.tr("Save"), self)
        self.idle_button.clicked.connect(self.save_idle)
        self.mode_button = QPushButton(self.tr("Turn log-in off (single-user mode)…"), self)
        self.mode_button.clicked.connect(self.toggle_mode)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("Lock the window after"), self))
        idle_row.addWidget(self.idle_spin)
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)
        idle_row.addWidget(self.mode_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(idle_row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        """Read the accounts again (a refusal is shown in the dialog)."""
        try:
            self.accounts = service.list_accounts(self.context.uow())
            state = service.start_state(self.context.uow())
        except DomainError as exc:
            self.status.setText(_error(exc))
            self.accounts = []
            return
        self.idle_spin.setValue(state.idle_minutes)
        self.mode = state.mode
        self.mode_button.setText(
            self.tr("Turn log-in off (single-user mode)…")
            if state.mode is AccountsMode.ACCOUNTS
            else self.tr("Turn log-in on…")
        )
        listed = reference_admin.list_people(self.context.uow())
        numbers = namesake_numbers(listed)  # the account's person, told from a namesake of their department
        people = {p.id: numbered_name(p.name, numbers.get(p.id)) for p in listed}
        self.table.setRowCount(len(self.accounts))
        now = _now()
        for row, account in enumerate(self.accounts):
            if not account.active:
                state_text = self.tr("switched off")
            elif account.locked_at(now):
                state_text = self.tr("locked")
            elif account.must_change:
                state_text = self.tr("must change PIN/password")
            else:
                state_text = self.tr("active")
            values = [
                account.name,
                people.get(account.person_id, ""),
                roles_text(account.roles),
                self.tr("PIN") if account.secret_kind is SecretKind.PIN else self.tr("password"),
                state_text,
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def current(self) -> Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def new(self) -> None:
        if AccountEditor(self.context, None, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def edit(self) -> None:
        account = self.current()
        if account is None:
            return
        editor = AccountEditor(self.context, account, self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            saved = editor.saved
            session = self.context.session
            if saved is not None and saved.active and saved.id == session.actor.account_id:
                session.sign_in(saved.actor())  # own roles changed: they apply at once (e.g. 评分组长 added)
            self.reload()

    def unlock(self) -> None:
        account = self.current()
        if account is None:
            return
        try:
            service.unlock_account(self.context.uow(), account.id)
        except DomainError as exc:
            self.status.setText(_error(exc))
            return
        self.reload()

    def save_idle(self) -> None:
        try:
            service.set_idle_minutes(self.context.uow(), self.idle_spin.value())
        except DomainError as exc:
            self.status.setText(_error(exc))
            return
        self.status.setText(self.tr("Saved; it applies from the next start."))

    def toggle_mode(self) -> None:
        turning_off = self.mode is AccountsMode.ACCOUNTS
        question = (
            self.tr("Turn log-in off? Anyone at this laptop can then do everything; every sheet prints “single-user”.")
            if turning_off
            else self.tr("Turn log-in on? From the next start everyone signs in with an account.")
        )
        if not messages.confirm(self, self.tr("Accounts"), question):
            return
        try:
            if turning_off:
                service.set_single_user(self.context.uow())
            else:
                service.set_accounts_mode(self.context.uow())
        except DomainError as exc:
            self.status.setText(_error(exc))
            return
        if turning_off:  # at once: the window's log-in actions go and everything is allowed (trial: needed a restart)
            self.context.session.sign_in(SINGLE_USER)
            self.status.setText(self.tr("Log-in is off from now on: single-user mode."))
        else:
            self.status.setText(self.tr("Saved; it applies from the next start."))
        self.reload()


def _now():  # type: ignore[no-untyped-def]
    from hazard_desktop.domain.records import utcnow

    return utcnow()

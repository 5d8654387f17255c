"""Use cases of accounts (issue 14): first start, sign-in, PIN confirmation, administration, reset by IT.

Secrets go only through ``SecretHasher`` (Argon2id); nothing here keeps, returns or logs them. A wrong
secret counts towards the account's lock-out (``domain.accounts.MAX_FAILURES`` in a row lock it for
``LOCKOUT``); the count is committed although the sign-in is refused (it is the only thing written).
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime

from hazard_desktop.domain.accounts import (
    ACCOUNT_NAME_MAX,
    IDLE_MINUTES_DEFAULT,
    IDLE_MINUTES_MAX,
    NOBODY,
    SETTING_IDLE_MINUTES,
    SETTING_MODE,
    SETTING_SECRET_RESET,
    SINGLE_USER,
    WRITERS,
    Account,
    AccountsMode,
    Actor,
    Role,
    SecretKind,
    SecretToChoose,
    after_failure,
    after_success,
    check_secret,
)
from hazard_desktop.domain.errors import Conflict, DomainError, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Person, clean_name, namesake, person_duplicate
from hazard_desktop.services.authorization import open_use_case, use_case
from hazard_desktop.services.ports import SecretHasher, UnitOfWork

ADMIN = Role.SAFETY_ADMIN


class CredentialRefused(DomainError):
    """A sign-in or confirmation was refused: ``credential_wrong``, ``account_locked`` (param ``until``),
    ``no_account``, ``account_inactive``."""


@dataclass(frozen=True, slots=True)
class StartState:
    """What the program's start needs to know: the plant's choice and who acts before any log-in."""

    mode: AccountsMode
    actor: Actor  # SINGLE_USER (undecided or single-user mode) or NOBODY (accounts: sign in first)
    idle_minutes: int
    account_names: tuple[str, ...]  # active accounts, for the log-in's name box


def _mode(uow: UnitOfWork) -> AccountsMode:
    text = uow.settings.get(SETTING_MODE) or ""
    try:
        return AccountsMode(text)
    except ValueError:
        return AccountsMode.ACCOUNTS  # an unknown value never opens the register without log-in


def _idle(uow: UnitOfWork) -> int:
    text = uow.settings.get(SETTING_IDLE_MINUTES)
    try:
        return max(0, min(IDLE_MINUTES_MAX, int(text))) if text else IDLE_MINUTES_DEFAULT
    except ValueError:
        return IDLE_MINUTES_DEFAULT


def start_state(uow: UnitOfWork) -> StartState:
    """The accounts mode and the actor before any log-in (read by the composition root; not a use case:
    nobody acts yet)."""
    with uow:
        mode = _mode(uow)
        idle = _idle(uow)
        names = tuple(a.name for a in uow.accounts.all() if a.active) if mode is AccountsMode.ACCOUNTS else ()
    actor = NOBODY if mode is AccountsMode.ACCOUNTS else SINGLE_USER
    return StartState(mode, actor, idle, names)


def _clean_account_name(name: str) -> str:
    return clean_name(name, "account_name", ACCOUNT_NAME_MAX)


def _clean_roles(roles: frozenset[Role] | set[Role] | tuple[Role, ...]) -> frozenset[Role]:
    clean = frozenset(Role(r) for r in roles)
    if not clean:
        raise ValidationError("roles_empty", field="roles")
    if Role.READ_ONLY in clean and clean & WRITERS:
        raise ValidationError("read_only_with_others", field="roles")
    return clean


def _check_name_free(uow: UnitOfWork, name: str, account_id: uuid.UUID | None) -> None:
    other = uow.accounts.by_name(name)
    if other is not None and other.id != account_id:
        raise Conflict("account_name_taken", field="account_name", value=name)


def _refuse(uow: UnitOfWork, code: str, **params: object) -> CredentialRefused:
    """Commit what was written (the failure count only: secrets are checked before anything else) and
    return the refusal to raise."""
    uow.commit()
    return CredentialRefused(code, field="secret", **params)


def _check(uow: UnitOfWork, hasher: SecretHasher, account: Account | None, secret: str, at: datetime) -> Actor:
    """The account's actor if ``secret`` is right; the failure counted (and committed) otherwise."""
    if account is None:
        raise CredentialRefused("no_account", field="account_name")
    if not account.active:
        raise CredentialRefused("account_inactive", field="account_name", name=account.name)
    if account.locked_at(at):
        assert account.locked_until is not None
        raise CredentialRefused("account_locked", field="secret", name=account.name, until=account.locked_until)
    if not hasher.verify(account.secret_hash, secret):
        failed = after_failure(account, at)
        uow.accounts.save(failed)
        if failed.locked_at(at):
            assert failed.locked_until is not None
            raise _refuse(uow, "account_locked", name=account.name, until=failed.locked_until)
        raise _refuse(uow, "credential_wrong", name=account.name, left=_left(failed))
    cleared = after_success(account, at)
    if hasher.needs_rehash(account.secret_hash):
        cleared = dataclasses.replace(cleared, secret_hash=hasher.hash(secret), updated_at=at)
    if cleared != account:
        uow.accounts.save(cleared)
    return cleared.actor()


def _left(account: Account) -> int:
    from hazard_desktop.domain.accounts import MAX_FAILURES

    return max(0, MAX_FAILURES - account.failed_attempts)


# ---------------------------------------------------------------- first start


@open_use_case("accounts.choose_single_user")
def choose_single_user(uow: UnitOfWork) -> None:
    """The first start's explicit choice of "no accounts" (single-user mode).

    Raises:
        InvalidTransition: ``accounts_mode_chosen`` (the choice was made; an administrator changes it).
    """
    with uow:
        if _mode(uow) is not AccountsMode.UNDECIDED:
            raise InvalidTransition("accounts_mode_chosen")
        uow.settings.set(SETTING_MODE, AccountsMode.SINGLE_USER.value)
        uow.commit()


@open_use_case("accounts.create_first_admin")
def create_first_admin(
    uow: UnitOfWork,
    hasher: SecretHasher,
    *,
    person_name: str,
    department_id: uuid.UUID | None,
    person_id: uuid.UUID | None = None,
    account_name: str = "",
    kind: SecretKind,
    secret: str,
    extra_roles: frozenset[Role] = frozenset(),
) -> Account:
    """The first start's first administrator (安环部管理员): an account for an existing person (``person_id``)
    or a new one (``person_name`` in ``department_id``); the register switches to log-in with accounts.

    Allowed while the mode is undecided, or in single-user mode while no account exists (the single user
    chooses to start using accounts).

    Raises:
        InvalidTransition: ``accounts_mode_chosen``.
        ValidationError: name, department, secret rules (``pin_format``, ``password_too_short``, …).
        NotFound: ``person_unknown``, ``department_unknown``.
        Conflict: ``person_duplicate`` (a new person of that name is in that department already: choose
            them by ``person_id``).
    """
    check_secret(kind, secret)
    roles = _clean_roles(frozenset({ADMIN}) | extra_roles)
    now = utcnow()
    with uow:
        mode = _mode(uow)
        if mode is AccountsMode.ACCOUNTS or uow.accounts.all():
            raise InvalidTransition("accounts_mode_chosen")
        if mode is AccountsMode.SINGLE_USER and not uow.actor.holds_any({ADMIN}):
            raise InvalidTransition("accounts_mode_chosen")
        person = _person_for(uow, person_id, person_name, department_id, now)
        name = _clean_account_name(account_name or person.name)
        account = Account(new_id(), person.id, name, roles, kind, hasher.hash(secret), 0, None, True, False, now, now)
        uow.accounts.save(account)
        uow.settings.set(SETTING_MODE, AccountsMode.ACCOUNTS.value)
        uow.commit()
    return account


def _person_for(
    uow: UnitOfWork, person_id: uuid.UUID | None, name: str, department_id: uuid.UUID | None, now: datetime
) -> Person:
    if person_id is not None:
        found = uow.reference.get_person(person_id)
        if found is None:
            raise NotFound("person_unknown", field="person")
        return found
    clean = clean_name(name, "person_name")
    if department_id is None:
        raise ValidationError("department_missing", field="department")
    department = uow.reference.get_department(department_id)
    if department is None or not department.active:
        raise NotFound("department_unknown", field="department")
    same = namesake(uow.reference.people(include_inactive=True), clean, department.id)
    if same is not None:  # never a second 张安全 of 安环部: the dialog offers the one there (new-user trial)
        raise person_duplicate(same, department.name)
    person = Person(new_id(), clean, department.id, frozenset(), True, now, now)
    uow.reference.save_person(person)
    return person


# ---------------------------------------------------------------- signing in


@open_use_case("accounts.sign_in")
def sign_in(uow: UnitOfWork, hasher: SecretHasher, name: str, secret: str, *, at: datetime | None = None) -> Actor:
    """Check a log-in (also the idle lock's and the switch of user's); return the account's actor.

    Raises:
        CredentialRefused: ``no_account``, ``account_inactive``, ``account_locked``, ``credential_wrong``
            (the failure is counted: committed, nothing else written).
    """
    moment = at or utcnow()
    with uow:
        actor = _check(uow, hasher, uow.accounts.by_name(name), secret, moment)
        uow.commit()
    return actor


def verify_person_credential(
    uow: UnitOfWork, hasher: SecretHasher, person_id: uuid.UUID, secret: str, *, at: datetime
) -> Actor:
    """Inside an open unit of work (e.g. a panel member confirming a score with own PIN on the leader's
    laptop): the actor of ``person_id``'s account if ``secret`` is right.

    Call it BEFORE your use case writes anything: on a wrong secret it commits the unit of work (then
    holding only the failure count, so the lock-out survives the refusal) and raises. On success it writes
    the cleared count (committed with your work) and returns.

    An account whose secret an administrator set or reset (``must_change``) confirms nothing on someone else's
    screen until its owner has chosen their own: the right secret is then refused (and the cleared failure
    count is not written).

    Raises:
        CredentialRefused: ``no_account`` (the person has no active account), ``account_inactive``,
            ``account_locked``, ``credential_wrong``, ``credential_must_change``.
    """
    account = uow.accounts.by_person(person_id)
    actor = _check(uow, hasher, account, secret, at)
    if account is not None and account.must_change:
        raise CredentialRefused("credential_must_change", field="secret", name=account.name)
    return actor


@use_case("accounts.must_change_secret", *Role)
def must_change_secret(uow: UnitOfWork) -> SecretToChoose:
    """Whether the signed-in account must choose its own secret now, and why: a new account (its first secret was
    set by the administrator) or a reset. ``SecretToChoose.NONE`` (false) when it need not.

    A reset made before resets were marked reads as NEW, whose words hold for it too (the administrator set it).
    """
    with uow:
        if uow.actor.account_id is None:
            return SecretToChoose.NONE
        account = uow.accounts.get(uow.actor.account_id)
        if account is None or not account.must_change:
            return SecretToChoose.NONE
        reset = uow.settings.get(_reset_key(account.id)) == "1"
    return SecretToChoose.RESET if reset else SecretToChoose.NEW


def _reset_key(account_id: uuid.UUID) -> str:
    return f"{SETTING_SECRET_RESET}{account_id}"


def _mark_reset(uow: UnitOfWork, account_id: uuid.UUID, reset: bool) -> None:
    """Mark (or unmark) the account's secret as reset by an administrator or IT; writes only a change."""
    if (uow.settings.get(_reset_key(account_id)) == "1") != reset:
        uow.settings.set(_reset_key(account_id), "1" if reset else "")


@use_case("accounts.change_own_secret", *Role)
def change_own_secret(
    uow: UnitOfWork, hasher: SecretHasher, old_secret: str, kind: SecretKind, new_secret: str
) -> Account:
    """The signed-in account chooses a new password or PIN (also after a reset: ``must_change``).

    Every role may, read-only too: it changes the account, not the register.

    Raises:
        InvalidTransition: ``no_account_signed_in`` (single-user mode, system).
        CredentialRefused: the old secret is wrong (counted).
        ValidationError: the new secret's rules.
    """
    check_secret(kind, new_secret)
    now = utcnow()
    with uow:
        if uow.actor.account_id is None:
            raise InvalidTransition("no_account_signed_in")
        account = uow.accounts.get(uow.actor.account_id)
        _check(uow, hasher, account, old_secret, now)
        current = uow.accounts.get(uow.actor.account_id)
        assert current is not None
        changed = dataclasses.replace(
            current, secret_kind=kind, secret_hash=hasher.hash(new_secret), must_change=False, updated_at=now
        )
        uow.accounts.save(changed)
        _mark_reset(uow, changed.id, False)
        uow.commit()
    return changed


# ---------------------------------------------------------------- administration (安环部管理员)


@use_case("accounts.list", ADMIN)
def list_accounts(uow: UnitOfWork) -> list[Account]:
    """Every account, active or not, by name (the secret hashes are not shown by the UI)."""
    with uow:
        return uow.accounts.all()


@use_case("accounts.save", ADMIN)
def save_account(
    uow: UnitOfWork,
    hasher: SecretHasher,
    account_id: uuid.UUID | None,
    *,
    person_id: uuid.UUID,
    name: str,
    roles: frozenset[Role],
    active: bool = True,
    kind: SecretKind | None = None,
    secret: str = "",
) -> Account:
    """Add an account (``account_id`` None: ``kind`` and ``secret`` required) or change one's name, roles,
    person or active flag; a secret given here is a reset (the owner must change it at next sign-in).

    An administrator cannot take the administrator role from, or deactivate, the last active administrator.

    Raises:
        ValidationError, Conflict (``account_name_taken``, ``person_has_account``: one active account a
        person), NotFound (``person_unknown``, ``account_unknown``),
        InvalidTransition (``last_admin``).
    """
    clean = _clean_account_name(name)
    clean_roles = _clean_roles(roles)
    if account_id is None and (kind is None or not secret):
        raise ValidationError("secret_missing", field="secret")
    if kind is not None and secret:
        check_secret(kind, secret)
    now = utcnow()
    with uow:
        if uow.reference.get_person(person_id) is None:
            raise NotFound("person_unknown", field="person")
        _check_name_free(uow, clean, account_id)
        other = uow.accounts.by_person(person_id)
        if active and other is not None and other.id != account_id:
            raise Conflict("person_has_account", field="person", name=other.name)
        if account_id is None:
            assert kind is not None
            secret_hash = hasher.hash(secret)
            account = Account(
                new_id(), person_id, clean, clean_roles, kind, secret_hash, 0, None, bool(active), True, now, now
            )
        else:
            current = uow.accounts.get(account_id)
            if current is None:
                raise NotFound("account_unknown", field="account")
            account = dataclasses.replace(
                current, person_id=person_id, name=clean, roles=clean_roles, active=bool(active), updated_at=now
            )
            if kind is not None and secret:
                account = dataclasses.replace(
                    account,
                    secret_kind=kind,
                    secret_hash=hasher.hash(secret),
                    must_change=True,
                    failed_attempts=0,
                    locked_until=None,
                )
                _mark_reset(uow, account.id, True)
        _keep_an_admin(uow, account)
        uow.accounts.save(account)
        uow.commit()
    return account


def _keep_an_admin(uow: UnitOfWork, changed: Account) -> None:
    others = [a for a in uow.accounts.all() if a.id != changed.id and a.active and ADMIN in a.roles]
    if not others and not (changed.active and ADMIN in changed.roles):
        raise InvalidTransition("last_admin", field="roles")


@use_case("accounts.unlock", ADMIN)
def unlock_account(uow: UnitOfWork, account_id: uuid.UUID) -> Account:
    """Lift a lock-out before its time (the failure count is cleared)."""
    with uow:
        current = uow.accounts.get(account_id)
        if current is None:
            raise NotFound("account_unknown", field="account")
        unlocked = after_success(current, utcnow())
        uow.accounts.save(unlocked)
        uow.commit()
    return unlocked


@use_case("accounts.reset_secret", ADMIN)
def reset_secret(uow: UnitOfWork, hasher: SecretHasher, name: str, kind: SecretKind, secret: str) -> Account:
    """Reset the password or PIN of the account called ``name`` (IT's ``hazard-desktop admin
    reset-password NAME``, or an administrator): unlocked, and the owner must choose a new one.

    Raises:
        NotFound: ``account_unknown``.
        ValidationError: the secret's rules.
    """
    check_secret(kind, secret)
    now = utcnow()
    with uow:
        current = uow.accounts.by_name(name)
        if current is None:
            raise NotFound("account_unknown", field="account_name", name=name)
        reset = dataclasses.replace(
            current,
            secret_kind=kind,
            secret_hash=hasher.hash(secret),
            failed_attempts=0,
            locked_until=None,
            must_change=True,
            updated_at=now,
        )
        uow.accounts.save(reset)
        _mark_reset(uow, reset.id, True)
        uow.commit()
    return reset


@use_case("accounts.set_idle_minutes", ADMIN)
def set_idle_minutes(uow: UnitOfWork, minutes: int) -> int:
    """Minutes without input before the window locks (0: never).

    Raises:
        ValidationError: ``idle_minutes_range``.
    """
    if not 0 <= minutes <= IDLE_MINUTES_MAX:
        raise ValidationError("idle_minutes_range", field="idle_minutes", max=IDLE_MINUTES_MAX)
    with uow:
        uow.settings.set(SETTING_IDLE_MINUTES, str(minutes))
        uow.commit()
    return minutes


@use_case("accounts.set_single_user", ADMIN)
def set_single_user(uow: UnitOfWork) -> None:
    """An administrator turns log-ins off (single-user mode); the accounts are kept for a later return."""
    with uow:
        uow.settings.set(SETTING_MODE, AccountsMode.SINGLE_USER.value)
        uow.commit()


@use_case("accounts.set_accounts_mode", ADMIN)
def set_accounts_mode(uow: UnitOfWork) -> None:
    """Back to log-ins with accounts (there must be an active administrator account to sign in with).

    Raises:
        InvalidTransition: ``no_admin_account``.
    """
    with uow:
        if not any(a.active and ADMIN in a.roles for a in uow.accounts.all()):
            raise InvalidTransition("no_admin_account")
        uow.settings.set(SETTING_MODE, AccountsMode.ACCOUNTS.value)
        uow.commit()

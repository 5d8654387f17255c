"""Accounts and roles: who may do what (issue 14). Pure rules, stdlib only.

An :class:`Account` is a local log-in tied to a person of the settings (``domain.reference.Person``). Its
roles (:class:`Role`) are *permissions*: they say which use cases the account may run. They are not the
person's roles of the grading rule (``domain.reference.Role``: who may sit on a panel or chair a dispute),
which stay as they are.

An :class:`Actor` is who acts in one unit of work: the signed-in account, the single-user of a laptop
without log-ins (:data:`SINGLE_USER`, every role), or the program itself (:data:`SYSTEM`: migrations,
seeding, demo data, automatic jobs). The services check the actor's roles (``services/authorization.py``).

The secret (password or 6-digit PIN) is never stored: only its Argon2id hash (``adapters/passwords.py``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hazard_desktop.domain.errors import NotPermitted, ValidationError


class Role(StrEnum):
    """What an account may do (the stored value is the enum's value)."""

    INSPECTOR = "inspector"  # 检查员: register, inspections, field rectification
    PANEL_MEMBER = "panel_member"  # 评分成员: enters own scores only
    PANEL_LEADER = "panel_leader"  # 评分组长: confirms gradings, prints sheets
    DISPUTE_CHAIR = "dispute_chair"  # 争议组长/副组长: rules disputes
    SAFETY_ADMIN = "safety_admin"  # 安环部管理员: settings, criteria, thresholds, accounts, backups
    READ_ONLY = "read_only"  # 只读: e.g. 工会 observers; writes nothing


#: Every role: what reading use cases state, and what the single user and the program hold.
EVERYONE: frozenset[Role] = frozenset(Role)
#: Roles that may write something (all but read_only).
WRITERS: frozenset[Role] = EVERYONE - {Role.READ_ONLY}


class ActorKind(StrEnum):
    """How the actor came to act (printed on sheets and kept in the audit trail)."""

    ACCOUNT = "account"  # a signed-in account
    SINGLE_USER = "single_user"  # the plant chose "no accounts": whoever sits at the laptop
    SYSTEM = "system"  # the program itself (migrations, seeding, demo data, automatic backups)
    COMMAND_LINE = "command_line"  # hazard-desktop commands run by IT with access to the data folder
    NOBODY = "nobody"  # nobody signed in (accounts mode before log-in): every use case is refused


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts in a unit of work.

    Attributes:
        account_id: the signed-in account (None: single user, system, command line, nobody).
        person_id: the person of the settings the account belongs to (None if not a person).
        name: shown and recorded (account name, or e.g. "单用户模式").
        roles: what the actor may do; a use case runs if the actor holds one of the roles it states.
        single_user: True in the plant's explicit "no accounts" mode (printed on every sheet).
        kind: how the actor came to act.
    """

    account_id: uuid.UUID | None
    person_id: uuid.UUID | None
    name: str
    roles: frozenset[Role]
    single_user: bool = False
    kind: ActorKind = ActorKind.ACCOUNT

    def holds_any(self, roles: frozenset[Role] | set[Role] | tuple[Role, ...]) -> bool:
        """True if the actor holds at least one of ``roles``."""
        return not self.roles.isdisjoint(roles)

    @property
    def writes(self) -> bool:
        """True if the actor holds a role that may write (read_only alone writes nothing)."""
        return self.holds_any(WRITERS)


#: The program itself: migrations, seeding, demo data, automatic jobs.
SYSTEM = Actor(None, None, "system", EVERYONE, single_user=False, kind=ActorKind.SYSTEM)
#: Whoever sits at a laptop in the explicit "no accounts" mode (and in tests, unless a test says otherwise).
SINGLE_USER = Actor(None, None, "single user", EVERYONE, single_user=True, kind=ActorKind.SINGLE_USER)
#: Nobody signed in: every use case is refused.
NOBODY = Actor(None, None, "", frozenset(), single_user=False, kind=ActorKind.NOBODY)


def command_line_actor(os_user: str) -> Actor:
    """The actor of a ``hazard-desktop`` command: IT with access to the data folder (every role)."""
    return Actor(None, None, os_user or "command line", EVERYONE, single_user=False, kind=ActorKind.COMMAND_LINE)


# ---------------------------------------------------------------- accounts


class SecretKind(StrEnum):
    """How an account signs in."""

    PASSWORD = "password"
    PIN = "pin"  # exactly 6 digits


class AccountsMode(StrEnum):
    """The plant's choice at first start (setting ``accounts_mode``)."""

    UNDECIDED = ""  # first start: the program asks
    SINGLE_USER = "single_user"  # no log-ins (explicit)
    ACCOUNTS = "accounts"  # log-in with accounts and roles


SETTING_MODE = "accounts_mode"
SETTING_IDLE_MINUTES = "accounts_idle_minutes"
#: ``accounts_secret_reset:<account id>`` = "1" while an administrator's or IT's reset waits for its owner's own
#: secret (a setting rather than a column: the accounts table keeps its schema and every record's audit digest).
SETTING_SECRET_RESET = "accounts_secret_reset:"


class SecretToChoose(StrEnum):
    """Why the signed-in account must choose its own secret now (empty, and false: it need not)."""

    NONE = ""
    NEW = "new"  # a new account: the first secret was set by the administrator who made it
    RESET = "reset"  # an administrator or IT reset the secret


MAX_FAILURES = 5  # wrong secrets in a row before the account locks
LOCKOUT = timedelta(minutes=15)  # how long a locked-out account stays locked
IDLE_MINUTES_DEFAULT = 10  # idle lock after this many minutes without input (0: never)
IDLE_MINUTES_MAX = 240
PASSWORD_MIN = 8
PASSWORD_MAX = 128
ACCOUNT_NAME_MAX = 40


@dataclass(frozen=True, slots=True)
class Account:
    """A local log-in of a person.

    Attributes:
        name: the log-in name (unique, case-insensitive; by default the person's name).
        secret_hash: the Argon2id hash of the password or PIN (never the secret).
        failed_attempts: wrong secrets in a row since the last success.
        locked_until: aware UTC time until which sign-in is refused (lock-out), or None.
        must_change: set by an administrator's or IT's reset: the owner chooses a new secret at next sign-in.
    """

    id: uuid.UUID
    person_id: uuid.UUID
    name: str
    roles: frozenset[Role]
    secret_kind: SecretKind
    secret_hash: str
    failed_attempts: int
    locked_until: datetime | None
    active: bool
    must_change: bool
    created_at: datetime
    updated_at: datetime

    def actor(self) -> Actor:
        """The actor this account signs in as."""
        return Actor(self.id, self.person_id, self.name, self.roles, single_user=False, kind=ActorKind.ACCOUNT)

    def locked_at(self, at: datetime) -> bool:
        """True if sign-in is refused at ``at`` because of repeated failures."""
        return self.locked_until is not None and at < self.locked_until


def name_key(name: str) -> str:
    """The form names are compared in (unique without regard to case and full/half width)."""
    import unicodedata

    return unicodedata.normalize("NFKC", " ".join(name.split())).casefold()


def check_secret(kind: SecretKind, secret: str) -> str:
    """Check a new password or PIN against the rules; return it unchanged.

    Raises:
        ValidationError: ``pin_format`` (not exactly 6 digits), ``pin_trivial`` (all the same digit, or
            a run such as 123456), ``password_too_short``, ``password_too_long``, ``password_blank``.
    """
    if kind is SecretKind.PIN:
        if len(secret) != 6 or not all("0" <= ch <= "9" for ch in secret):
            raise ValidationError("pin_format", field="secret")
        digits = [int(ch) for ch in secret]
        steps = {b - a for a, b in zip(digits, digits[1:], strict=False)}
        if steps in ({0}, {1}, {-1}):
            raise ValidationError("pin_trivial", field="secret")
        return secret
    if not secret.strip():
        raise ValidationError("password_blank", field="secret")
    if len(secret) < PASSWORD_MIN:
        raise ValidationError("password_too_short", field="secret", min=PASSWORD_MIN)
    if len(secret) > PASSWORD_MAX:
        raise ValidationError("password_too_long", field="secret", max=PASSWORD_MAX)
    return secret


def after_failure(account: Account, at: datetime) -> Account:
    """The account after a wrong secret at ``at``: one more failure; locked for :data:`LOCKOUT` at the limit."""
    from dataclasses import replace

    failures = account.failed_attempts + 1
    locked = at + LOCKOUT if failures >= MAX_FAILURES else account.locked_until
    return replace(account, failed_attempts=failures, locked_until=locked, updated_at=at)


def after_success(account: Account, at: datetime) -> Account:
    """The account after a right secret: the failure count and any lock-out are cleared."""
    from dataclasses import replace

    if account.failed_attempts == 0 and account.locked_until is None:
        return account
    return replace(account, failed_attempts=0, locked_until=None, updated_at=at)


def require_roles(actor: Actor, use_case: str, roles: frozenset[Role]) -> None:
    """Refuse ``use_case`` unless ``actor`` holds one of ``roles``.

    Raises:
        NotPermitted: ``role_required`` (params: ``use_case``, ``roles`` sorted values, ``actor`` name).
    """
    if not actor.holds_any(roles):
        raise NotPermitted("role_required", use_case=use_case, roles=sorted(r.value for r in roles), actor=actor.name)

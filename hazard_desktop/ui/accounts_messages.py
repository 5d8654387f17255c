"""Error sentences of accounts and sign-in (context ``AccountMessages``); ``messages.error_text(exc, "accounts")``.

Codes not listed here fall back to the general sentences of ``ui/messages.py`` (which also knows
``role_required`` and ``act_for_other``, raised by any area's use cases).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AccountMessages"

_TEXTS: dict[str, str] = {
    "credential_wrong": QT_TRANSLATE_NOOP(
        "AccountMessages", "Wrong password or PIN. {left} more wrong attempt(s) lock the account."
    ),
    "credential_must_change": QT_TRANSLATE_NOOP(
        "AccountMessages",
        "The PIN of “{name}” must be changed first: sign in under this account and choose a new PIN, then confirm.",
    ),
    "account_locked": QT_TRANSLATE_NOOP(
        "AccountMessages",
        "The account “{name}” is locked after repeated wrong attempts until {until}. "
        "An administrator can unlock it (Tools → Accounts).",
    ),
    "no_account": QT_TRANSLATE_NOOP("AccountMessages", "There is no account of that name."),
    "account_inactive": QT_TRANSLATE_NOOP("AccountMessages", "The account “{name}” is switched off."),
    "account_unknown": QT_TRANSLATE_NOOP("AccountMessages", "The account does not exist (any more)."),
    "account_name_taken": QT_TRANSLATE_NOOP("AccountMessages", "There is already an account called “{value}”."),
    "person_has_account": QT_TRANSLATE_NOOP(
        "AccountMessages", "This person already has an active account (“{name}”); edit that one instead."
    ),
    "account_name_empty": QT_TRANSLATE_NOOP("AccountMessages", "Enter the account's sign-in name."),
    "account_name_too_long": QT_TRANSLATE_NOOP("AccountMessages", "The sign-in name is too long (at most {max})."),
    "person_name_empty": QT_TRANSLATE_NOOP("AccountMessages", "Enter the administrator's name."),
    "department_missing": QT_TRANSLATE_NOOP("AccountMessages", "Choose the department."),
    "pin_format": QT_TRANSLATE_NOOP("AccountMessages", "A PIN is exactly 6 digits."),
    "pin_trivial": QT_TRANSLATE_NOOP(
        "AccountMessages", "The PIN is too simple (such as 111111 or 123456); choose another."
    ),
    "password_too_short": QT_TRANSLATE_NOOP("AccountMessages", "A password needs at least {min} characters."),
    "password_too_long": QT_TRANSLATE_NOOP("AccountMessages", "A password has at most {max} characters."),
    "password_blank": QT_TRANSLATE_NOOP("AccountMessages", "The password cannot be blank."),
    "secret_missing": QT_TRANSLATE_NOOP("AccountMessages", "Enter the new account's password or PIN."),
    "secret_mismatch": QT_TRANSLATE_NOOP("AccountMessages", "The two entries differ."),
    "roles_empty": QT_TRANSLATE_NOOP("AccountMessages", "Tick at least one role."),
    "read_only_with_others": QT_TRANSLATE_NOOP(
        "AccountMessages", "“Read only” cannot be combined with roles that write."
    ),
    "last_admin": QT_TRANSLATE_NOOP(
        "AccountMessages", "This is the last active administrator: keep the role and the account switched on."
    ),
    "accounts_mode_chosen": QT_TRANSLATE_NOOP("AccountMessages", "The choice of accounts was already made."),
    "no_admin_account": QT_TRANSLATE_NOOP(
        "AccountMessages", "Create an active administrator account before turning log-in on."
    ),
    "no_account_signed_in": QT_TRANSLATE_NOOP("AccountMessages", "No account is signed in."),
    "idle_minutes_range": QT_TRANSLATE_NOOP("AccountMessages", "Between 0 (never) and {max} minutes."),
}


def tr(text: str) -> str:
    """Translate ``text`` in the ``AccountMessages`` context."""
    return QCoreApplication.translate(CONTEXT, text)


def area_text(exc: BaseException, names: object = None) -> str | None:
    """One translated sentence for an error of accounts, or None."""
    code = getattr(exc, "code", None)
    template = _TEXTS.get(code) if isinstance(code, str) else None
    if template is None:
        return None
    params = {}
    for key, value in getattr(exc, "params", {}).items():
        params[key] = value.astimezone().strftime("%H:%M") if isinstance(value, datetime) else str(value)

    class _Safe(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return ""

    return tr(template).format_map(_Safe(params))

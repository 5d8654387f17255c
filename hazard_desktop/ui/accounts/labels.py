"""Names of roles and of who is signed in (light: the window's start shows them; the dialogs load later)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hazard_desktop.domain.accounts import Actor, Role

ROLE_NAMES = {
    Role.INSPECTOR: QT_TRANSLATE_NOOP("Accounts", "Inspector"),
    Role.PANEL_MEMBER: QT_TRANSLATE_NOOP("Accounts", "Panel member"),
    Role.PANEL_LEADER: QT_TRANSLATE_NOOP("Accounts", "Panel leader"),
    Role.DISPUTE_CHAIR: QT_TRANSLATE_NOOP("Accounts", "Dispute chair / deputy"),
    Role.SAFETY_ADMIN: QT_TRANSLATE_NOOP("Accounts", "Safety office administrator"),
    Role.READ_ONLY: QT_TRANSLATE_NOOP("Accounts", "Read only"),
}


def role_name(role: Role) -> str:
    """The role's name in the UI's language."""
    return QCoreApplication.translate("Accounts", ROLE_NAMES[role])


def roles_text(roles: frozenset[Role]) -> str:
    """The roles' names, in the order of ``Role``."""
    separator = QCoreApplication.translate("Accounts", ", ")
    return separator.join(role_name(r) for r in Role if r in roles)


def roles_needed_text(values: object) -> str:
    """The roles a refused use case needs, quoted and joined by "or": “评分组长”或“争议组长/副组长”.

    ``values`` are the roles' stored values (the ``roles`` param of ``role_required``); unknown ones are skipped.
    """
    wanted = {str(v) for v in values} if isinstance(values, list | tuple | set | frozenset) else {str(values)}
    names = [role_name(r) for r in Role if r.value in wanted]
    quoted = [QCoreApplication.translate("Accounts", "“%1”").replace("%1", n) for n in names]
    return QCoreApplication.translate("Accounts", " or ").join(quoted)


def actor_tip(actor: Actor) -> str:
    """The status bar's account label in full, its tooltip."""
    if actor.single_user:
        return QCoreApplication.translate("Accounts", "Single-user mode (no accounts)")
    return actor_text(actor)


def actor_roles_text(actor: Actor) -> str:
    """The signed-in account's roles alone ("角色：检查员"), for the status bar when the operator label beside it
    already names the person; "" for the single user, nobody signed in or an account without roles."""
    if actor.single_user or actor.account_id is None or not actor.roles:
        return ""
    return QCoreApplication.translate("Accounts", "Role: %1").replace("%1", roles_text(actor.roles))


def actor_short_text(actor: Actor, *, roles_only: bool) -> str:
    """The account label where the bar lacks room: the first role and how many more ("Role: Inspector +1"),
    after the name unless ``roles_only``; the tooltip (:func:`actor_tip`) names them all."""
    if actor.single_user or actor.account_id is None or not actor.roles:
        return actor_text(actor)
    names = [role_name(r) for r in Role if r in actor.roles]
    first = names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")
    if roles_only:
        return QCoreApplication.translate("Accounts", "Role: %1").replace("%1", first)
    return f"{actor.name} · {first}"


def actor_text(actor: Actor) -> str:
    """Who is signed in, for the status bar (short: 1366 px at 150 %; :func:`actor_tip` says it in full)."""
    if actor.single_user:
        return QCoreApplication.translate("Accounts", "Single-user")
    if actor.account_id is None:
        return QCoreApplication.translate("Accounts", "Not signed in")
    return f"{actor.name} · {roles_text(actor.roles)}"

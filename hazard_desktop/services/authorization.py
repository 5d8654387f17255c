"""Every use case states the roles that may run it; the check is here, in the services, not in the UI.

``@use_case(name, *roles)`` marks a function of ``services`` as a use case:

- it finds the unit of work among the arguments (the parameter named ``uow``) and checks that
  ``uow.actor`` holds one of ``roles``; otherwise it raises ``NotPermitted("role_required", ...)`` before
  the body runs, so a refused use case writes nothing;
- it sets ``uow.use_case = name`` while the body runs (the audit trail reads it at commit), unless an
  outer use case on the same unit of work already set it (the outer name is kept; the roles of the inner
  use case are still checked);
- a use case without a unit of work (backup, restore, statistics over their own connection, files)
  takes a keyword parameter ``actor: Actor`` instead, checked the same way.

``@open_use_case(name)`` marks the few use cases anybody may start because they establish who acts
(signing in, the first start's choice); they check the secret or the state themselves.

Every decorated function is listed in :data:`USE_CASES` (name → :class:`UseCaseInfo`); the role × use
case matrix test walks it, and the UI asks :func:`permitted` to hide or grey what the actor may not do.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from hazard_desktop.domain.accounts import NOBODY, Actor, Role, require_roles

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class UseCaseInfo:
    """A use case as its decorator states it."""

    name: str
    roles: frozenset[Role]
    module: str
    qualname: str
    writes: bool  # False: a reading use case (every role may read)
    open: bool = False  # anybody may start it (signing in, first start): it checks what it needs itself


#: Every decorated use case by name (filled as the service modules are imported).
USE_CASES: dict[str, UseCaseInfo] = {}


def use_case(name: str, *roles: Role) -> Callable[[F], F]:
    """Mark a service function as the use case ``name`` that an actor holding one of ``roles`` may run.

    Raises:
        TypeError: (when decorating) no roles, or the function has neither a ``uow`` nor an ``actor`` parameter.
        ValueError: (when decorating) another function already has the name.
    """
    if not roles:
        raise TypeError(f"use case {name!r} states no role")
    return _decorator(name, frozenset(roles), is_open=False)


def open_use_case(name: str) -> Callable[[F], F]:
    """Mark a use case that anybody may start, even nobody signed in (sign-in, the first start's choice)."""
    return _decorator(name, frozenset(), is_open=True)


def _decorator(name: str, allowed: frozenset[Role], *, is_open: bool) -> Callable[[F], F]:

    def decorate(function: F) -> F:
        parameters = list(inspect.signature(function).parameters)
        if "uow" in parameters:
            key, index = "uow", parameters.index("uow")
        elif "actor" in parameters:
            key, index = "actor", parameters.index("actor")
        else:
            raise TypeError(f"use case {name!r}: {function.__qualname__} takes neither uow nor actor")
        writes = Role.READ_ONLY not in allowed
        info = UseCaseInfo(name, allowed, function.__module__, function.__qualname__, writes=writes, open=is_open)
        known = USE_CASES.get(name)
        if known is not None and (known.module, known.qualname) != (info.module, info.qualname):
            raise ValueError(f"use case {name!r} named twice: {known.qualname} and {info.qualname}")
        USE_CASES[name] = info

        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            given: Any = args[index] if index < len(args) else kwargs.get(key)
            if key == "actor":
                if not is_open:
                    require_roles(given if isinstance(given, Actor) else NOBODY, name, allowed)
                return function(*args, **kwargs)
            if not is_open:
                require_roles(getattr(given, "actor", NOBODY), name, allowed)
            outer = getattr(given, "use_case", "")
            if outer:
                return function(*args, **kwargs)
            given.use_case = name
            try:
                return function(*args, **kwargs)
            finally:
                given.use_case = ""

        run.__use_case__ = info  # type: ignore[attr-defined]
        return run  # type: ignore[return-value]

    return decorate


def info_of(function: Callable[..., Any]) -> UseCaseInfo | None:
    """The use case a function is (None: not decorated)."""
    return getattr(function, "__use_case__", None)


def permitted(actor: Actor, use: str | Callable[..., Any]) -> bool:
    """True if ``actor`` may run the use case (by name or function); for the UI to hide or grey actions.

    Raises:
        KeyError: no such use case (a typo in the UI should fail its test, not hide a button forever).
    """
    info = info_of(use) if callable(use) else USE_CASES[use]
    if info is None:
        raise KeyError(f"{use!r} is not a use case")
    return info.open or actor.holds_any(info.roles)

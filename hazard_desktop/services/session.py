"""Who is signed in on this copy of the program (``AppContext.session``); thread-safe.

The composition root sets each new unit of work's ``actor`` from :attr:`Session.actor` (worker threads
make units of work too, hence the lock). The UI's log-in, idle-lock and switch-user dialogs change it:

- :meth:`sign_in` after the secret was checked (``services/accounts.py``);
- :meth:`lock` on idle: the actor stays (work in flight finishes) but the window is covered until the same
  account signs in again (:meth:`unlock`) or another one does (:meth:`sign_in`, a quick switch of user);
- :meth:`sign_out`: nobody (every use case is refused until someone signs in).

In single-user mode the session holds ``SINGLE_USER`` and never locks. Listeners (``subscribe``) are called
after every change, on the thread that made it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from hazard_desktop.domain.accounts import NOBODY, SINGLE_USER, Actor

Listener = Callable[["Session"], None]


class Session:
    """The signed-in actor and whether the screen is locked."""

    def __init__(self, actor: Actor = SINGLE_USER) -> None:
        self._lock = threading.Lock()
        self._actor = actor
        self._locked = False
        self._listeners: list[Listener] = []

    @property
    def actor(self) -> Actor:
        """Who acts in the units of work made now (NOBODY when signed out)."""
        with self._lock:
            return self._actor

    @property
    def locked(self) -> bool:
        """True while the idle lock covers the window."""
        with self._lock:
            return self._locked

    @property
    def signed_in(self) -> bool:
        with self._lock:
            return self._actor is not NOBODY

    def sign_in(self, actor: Actor) -> None:
        """Make ``actor`` the one who acts (a log-in or a switch of user); unlocks."""
        with self._lock:
            self._actor, self._locked = actor, False
        self._notify()

    def sign_out(self) -> None:
        """Nobody acts until someone signs in."""
        with self._lock:
            self._actor, self._locked = NOBODY, False
        self._notify()

    def lock(self) -> None:
        """Cover the window (idle lock); single-user mode and a signed-out session do not lock."""
        with self._lock:
            if self._actor.single_user or self._actor is NOBODY or self._locked:
                return
            self._locked = True
        self._notify()

    def unlock(self, actor: Actor) -> None:
        """Lift the idle lock: the same account signed in again (another account: :meth:`sign_in`)."""
        with self._lock:
            if actor.account_id != self._actor.account_id:
                raise ValueError("unlock by another account: use sign_in (switch user)")
            self._actor, self._locked = actor, False
        self._notify()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(session)`` after every change; returns the function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _notify(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(self)

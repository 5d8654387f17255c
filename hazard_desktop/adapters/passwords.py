"""Argon2id hashing of passwords and PINs (argon2-cffi; the port is ``services.ports.SecretHasher``).

The secret itself is never stored or logged: only the encoded hash (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``),
which carries its parameters, so hashes made with older parameters still verify and are re-hashed after
the next good sign-in (``needs_rehash``). argon2-cffi is imported on first use: the window's start
does not pay for it.

Parameters: RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes) is the library's default;
a 6-digit PIN has only 10⁶ values, so what protects it against someone who copied the database is the
cost per guess together with the lock-out; the hash is the last line only.
"""

from __future__ import annotations

from typing import Any


class Argon2SecretHasher:
    """Argon2id with argon2-cffi's default (RFC 9106) parameters."""

    def __init__(self, **parameters: Any) -> None:
        self._parameters = parameters  # tests pass cheap ones (time_cost=1, memory_cost=8)
        self._hasher: Any = None

    def _get(self) -> Any:
        if self._hasher is None:
            from argon2 import PasswordHasher, Type

            self._hasher = PasswordHasher(type=Type.ID, **self._parameters)
        return self._hasher

    def hash(self, secret: str) -> str:
        return str(self._get().hash(secret))

    def verify(self, secret_hash: str, secret: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

        try:
            return bool(self._get().verify(secret_hash, secret))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, secret_hash: str) -> bool:
        from argon2.exceptions import InvalidHashError

        try:
            return bool(self._get().check_needs_rehash(secret_hash))
        except InvalidHashError:
            return True

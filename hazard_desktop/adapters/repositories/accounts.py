"""Local accounts on SQLAlchemy (table ``accounts``, migration 0009)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import AccountRow
from hazard_desktop.domain.accounts import Account, Role, SecretKind, name_key


def _account(row: AccountRow) -> Account:
    return Account(
        id=row.id,
        person_id=row.person_id,
        name=row.name,
        roles=frozenset(Role(r) for r in row.roles.split(",") if r),
        secret_kind=SecretKind(row.secret_kind),
        secret_hash=row.secret_hash,
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        active=row.active,
        must_change=row.must_change,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class SqlAccountRepository:
    """Accounts on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> list[Account]:
        rows = self._session.scalars(select(AccountRow).order_by(AccountRow.name_key))
        return [_account(r) for r in rows]

    def get(self, account_id: uuid.UUID) -> Account | None:
        row = self._session.get(AccountRow, account_id)
        return None if row is None else _account(row)

    def by_name(self, name: str) -> Account | None:
        row = self._session.scalars(select(AccountRow).where(AccountRow.name_key == name_key(name))).one_or_none()
        return None if row is None else _account(row)

    def by_person(self, person_id: uuid.UUID) -> Account | None:
        query = select(AccountRow).where(AccountRow.person_id == person_id, AccountRow.active.is_(True))
        row = self._session.scalars(query.order_by(AccountRow.created_at)).first()
        return None if row is None else _account(row)

    def save(self, account: Account) -> None:
        row = self._session.get(AccountRow, account.id)
        if row is None:
            row = AccountRow(id=account.id, created_at=account.created_at)
        row.person_id = account.person_id
        row.name = account.name
        row.name_key = name_key(account.name)
        row.roles = ",".join(sorted(r.value for r in account.roles))
        row.secret_kind = account.secret_kind.value
        row.secret_hash = account.secret_hash
        row.failed_attempts = account.failed_attempts
        row.locked_until = account.locked_until
        row.active = account.active
        row.must_change = account.must_change
        row.updated_at = account.updated_at
        self._session.add(row)
        self._session.flush()

"""Plant-wide key/value settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import SettingRow
from hazard_desktop.domain.records import new_id, utcnow


class SqlSettingsRepository:
    """Settings on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str) -> str | None:
        return self._session.scalar(select(SettingRow.value).where(SettingRow.key == key))

    def set(self, key: str, value: str) -> None:
        now = utcnow()
        row = self._session.scalars(select(SettingRow).where(SettingRow.key == key)).one_or_none()
        if row is None:
            row = SettingRow(id=new_id(), key=key, created_at=now)
        row.value = value
        row.updated_at = now
        self._session.add(row)
        self._session.flush()

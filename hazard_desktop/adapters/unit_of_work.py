"""Unit of work on SQLAlchemy: one session per ``with`` block, rolled back unless committed."""

from __future__ import annotations

from typing import Self

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.repositories.criteria import SqlCriteriaRepository
from hazard_desktop.adapters.repositories.gradings import SqlGradingRepository
from hazard_desktop.adapters.repositories.hazards import SqlHazardRepository
from hazard_desktop.adapters.repositories.inspections import SqlInspectionRepository
from hazard_desktop.adapters.repositories.lec import SqlLecRepository
from hazard_desktop.adapters.repositories.reference import SqlReferenceRepository
from hazard_desktop.adapters.repositories.settings import SqlSettingsRepository


def classify(exc: OperationalError) -> StorageError:
    """Turn a driver error into a StorageError the user can act on."""
    message = str(exc.orig).lower()
    if "locked" in message or "busy" in message:
        return StorageError("db_locked", detail=str(exc.orig))
    if "readonly" in message or "read-only" in message:
        return StorageError("db_readonly", detail=str(exc.orig))
    if "disk" in message and "full" in message:
        return StorageError("disk_full", detail=str(exc.orig))
    return StorageError("db_error", detail=str(exc.orig))


class SqlUnitOfWork:
    """Repositories sharing one session; ``commit()`` makes the work durable."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self.session: Session | None = None

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        self.hazards = SqlHazardRepository(self.session)
        self.reference = SqlReferenceRepository(self.session)
        self.lec = SqlLecRepository(self.session)
        self.criteria = SqlCriteriaRepository(self.session)
        self.settings = SqlSettingsRepository(self.session)
        self.inspections = SqlInspectionRepository(self.session)
        self.gradings = SqlGradingRepository(self.session)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.session is not None
        try:
            self.session.rollback()
        finally:
            self.session.close()
            self.session = None

    def commit(self) -> None:
        assert self.session is not None
        try:
            self.session.commit()
        except OperationalError as exc:
            self.session.rollback()
            raise classify(exc) from exc

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()

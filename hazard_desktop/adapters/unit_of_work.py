"""Unit of work on SQLAlchemy: one session per ``with`` block, rolled back unless committed."""

from __future__ import annotations

from typing import Self

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.repositories.accounts import SqlAccountRepository
from hazard_desktop.adapters.repositories.criteria import SqlCriteriaRepository
from hazard_desktop.adapters.repositories.form_prints import SqlFormPrintRepository
from hazard_desktop.adapters.repositories.gradings import SqlGradingRepository
from hazard_desktop.adapters.repositories.hazards import SqlHazardRepository
from hazard_desktop.adapters.repositories.inspections import SqlInspectionRepository
from hazard_desktop.adapters.repositories.lec import SqlLecRepository
from hazard_desktop.adapters.repositories.ledger import SqlLedgerRepository
from hazard_desktop.adapters.repositories.rectification import SqlRectificationRepository
from hazard_desktop.adapters.repositories.reference import SqlReferenceRepository
from hazard_desktop.adapters.repositories.settings import SqlSettingsRepository
from hazard_desktop.domain.accounts import SYSTEM, Actor


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
    """Repositories sharing one session; ``commit()`` makes the work durable.

    ``actor`` is who acts (the composition root sets it from the signed-in session; SYSTEM otherwise) and
    ``use_case`` the use case running (``services.authorization.use_case`` sets it).
    """

    def __init__(self, session_factory: sessionmaker[Session], actor: Actor = SYSTEM) -> None:
        self._session_factory = session_factory
        self.session: Session | None = None
        self.actor: Actor = actor
        self.use_case: str = ""

    def __enter__(self) -> Self:
        self.session = self._session_factory()
        self.hazards = SqlHazardRepository(self.session)
        self.reference = SqlReferenceRepository(self.session)
        self.lec = SqlLecRepository(self.session)
        self.criteria = SqlCriteriaRepository(self.session)
        self.settings = SqlSettingsRepository(self.session)
        self.inspections = SqlInspectionRepository(self.session)
        self.gradings = SqlGradingRepository(self.session)
        self.ledger = SqlLedgerRepository(self.session)
        self.rectification = SqlRectificationRepository(self.session)
        self.form_prints = SqlFormPrintRepository(self.session)
        self.accounts = SqlAccountRepository(self.session)
        return self

    def __exit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        assert self.session is not None
        try:
            self.session.rollback()
        finally:
            self.session.close()
            self.session = None
        # A locked or full database met on any statement (the IMMEDIATE begin waits busy_timeout, then
        # fails at the first query) reaches the caller as the StorageError the user is told about.
        if isinstance(exc, OperationalError):
            raise classify(exc) from exc

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


class _SavepointUnitOfWork(SqlUnitOfWork):
    """A unit of work inside a :class:`SingleTransaction`: a savepoint of its session.

    ``commit()`` releases the savepoint (the work becomes part of the transaction, durable only when the
    transaction commits); leaving the block without it rolls the savepoint back, as a unit of work does.
    """

    def __init__(self, session: Session) -> None:
        super().__init__(lambda: session)  # type: ignore[arg-type]
        self._shared = session
        self._savepoint: SessionTransaction | None = None

    def __enter__(self) -> Self:
        super().__enter__()
        self._savepoint = self._shared.begin_nested()
        return self

    def __exit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        savepoint, self._savepoint, self.session = self._savepoint, None, None
        if savepoint is not None and savepoint.is_active:
            savepoint.rollback()
        if isinstance(exc, OperationalError):
            raise classify(exc) from exc

    def commit(self) -> None:
        assert self._savepoint is not None
        try:
            self._savepoint.commit()
        except OperationalError as exc:
            raise classify(exc) from exc
        self._savepoint = self._shared.begin_nested()  # work after a commit is kept only if committed too

    def rollback(self) -> None:
        assert self._savepoint is not None
        self._savepoint.rollback()
        self._savepoint = self._shared.begin_nested()


class SingleTransaction:
    """One transaction for a whole job of many use cases (demo data): all of it is stored, or nothing.

    ``uow()`` makes units of work that are savepoints of this transaction; ``connection()`` is its
    connection (for the bulk writer). The write lock is taken when the block is entered; ``commit()``
    makes everything durable at once, leaving the block without it rolls everything back.
    """

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None

    def __enter__(self) -> Self:
        self._session = self._session_factory()
        try:
            self._session.connection()  # BEGIN IMMEDIATE now: nobody else writes until we are done
        except OperationalError as exc:
            self._session.close()
            self._session = None
            raise classify(exc) from exc
        return self

    def __exit__(self, _type: object, exc: BaseException | None, _tb: object) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        finally:
            self._session.close()
            self._session = None
        if isinstance(exc, OperationalError):
            raise classify(exc) from exc

    def uow(self) -> SqlUnitOfWork:
        """A unit of work of this transaction; its actor is SYSTEM (set ``actor`` to say otherwise)."""
        assert self._session is not None, "use inside the with block"
        return _SavepointUnitOfWork(self._session)

    def connection(self) -> Connection:
        assert self._session is not None, "use inside the with block"
        return self._session.connection()

    def commit(self) -> None:
        assert self._session is not None
        try:
            self._session.commit()
        except OperationalError as exc:
            self._session.rollback()
            raise classify(exc) from exc

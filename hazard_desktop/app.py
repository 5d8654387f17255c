"""Composition root: the one place where adapters are wired into services and the UI.

Order: data folder → logging → database (refuse newer / back up / migrate) → reference data →
ports → (GUI) QApplication, fonts, translators → main window. Every port of the context is a typed
field of :class:`~hazard_desktop.services.context.AppContext`, filled here and nowhere else.
"""

from __future__ import annotations

import logging
import logging.handlers
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hazard_desktop import paths
from hazard_desktop.services.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from hazard_desktop.adapters.schema import OpenedDatabase
    from hazard_desktop.services.demo import BulkWriter
    from hazard_desktop.services.inspection_record_model import InspectionRecordRenderer
    from hazard_desktop.services.ports import ImageProcessor, RegisterQueries, UnitOfWork
    from hazard_desktop.services.sheet_models import SheetRenderer

log = logging.getLogger(__name__)


def setup_logging(data_dir: Path, *, verbose: bool = False) -> None:
    """Log to a rotating file in the data folder (and to stderr when ``verbose``)."""
    folder = paths.log_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "hazard_desktop.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.handlers.RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def build_context(data_dir: Path, *, lazy: bool = False) -> AppContext:
    """Open (and if needed create, back up, migrate, seed) the database of ``data_dir``; wire every port.

    Args:
        lazy: the window's start: if the database is at this build's revision and seeding would write
            nothing, open no SQLAlchemy engine until something needs it (``adapters/start_reads.py``);
            otherwise open it as usual.

    Raises:
        StorageError: the database cannot be used (newer build, unreadable, migration failed).
    """
    if lazy:
        context = _lazy_context(data_dir)
        if context is not None:
            return context
    from hazard_desktop.adapters.images import PillowImageProcessor
    from hazard_desktop.adapters.register_queries import SqlRegisterQueries
    from hazard_desktop.services.inspection_seed import seed_checklist_templates
    from hazard_desktop.services.seed import seed_reference_data

    storage = _Storage(data_dir)
    opened = storage.opened()
    if opened.backup is not None:
        log.info("database migrated from %s; backup at %s", opened.migrated_from, opened.backup)
    seed_reference_data(storage.uow())
    seed_checklist_templates(storage.uow())  # idempotent by UUID: also fills databases upgraded to 0003
    return _wire(storage, storage.uow, SqlRegisterQueries(storage.engine), PillowImageProcessor())


class _Storage:
    """The SQLAlchemy side of a context: engine and sessions, opened once, on first use.

    Worker threads call ``context.uow()`` too, so opening is guarded by a lock (double-checked: once
    open, no thread waits for it).
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.start_reads: sqlite3.Connection | None = None  # the lazy start's plain connection, if any
        self._lock = threading.Lock()
        self._opened: OpenedDatabase | None = None
        self._session_factory: Any = None

    @property
    def is_open(self) -> bool:
        return self._session_factory is not None

    def opened(self) -> OpenedDatabase:
        if self._session_factory is None:  # checked again under the lock: another thread may have opened it
            with self._lock:
                if self._session_factory is None:
                    self._open()
        opened = self._opened
        if opened is None:  # pragma: no cover - _open sets it before the session factory
            raise RuntimeError("storage not opened")
        return opened

    def _open(self) -> None:
        from hazard_desktop.adapters.db import make_session_factory
        from hazard_desktop.adapters.schema import open_database

        opened = open_database(paths.database_path(self.data_dir), paths.backup_dir(self.data_dir))
        self._opened = opened
        self._session_factory = make_session_factory(opened.engine)  # set last: it marks the storage open
        log.info("storage opened")

    @property
    def engine(self) -> Engine:
        return self.opened().engine

    def uow(self) -> UnitOfWork:
        from hazard_desktop.adapters.unit_of_work import SqlUnitOfWork

        self.opened()
        return SqlUnitOfWork(self._session_factory)

    def close(self) -> None:
        if self._opened is not None:
            self._opened.engine.dispose()
        if self.start_reads is not None:
            self.start_reads.close()


def _lazy_context(data_dir: Path) -> AppContext | None:
    """A context that reads through plain sqlite3 until the ORM is needed, or None if it cannot be used."""
    from hazard_desktop.adapters import search_index, start_reads
    from hazard_desktop.adapters.errors import StorageError
    from hazard_desktop.adapters.images import PillowImageProcessor
    from hazard_desktop.adapters.register_queries import SqlRegisterQueries
    from hazard_desktop.adapters.schema import current_revision, head_revision
    from hazard_desktop.services.inspection_seed import bundled_templates

    path = paths.database_path(data_dir)
    try:
        if current_revision(path) != head_revision():
            return None  # created, migrated and seeded by the full open
    except StorageError:
        return None  # reported by the full open
    reads = start_reads.connect(path)
    try:
        if start_reads.seeding_needed(reads, bundled_templates()) or not search_index.is_current(reads):
            reads.close()
            return None  # seeded, or its full-text index rebuilt, by the full open
    except sqlite3.Error:
        reads.close()
        return None
    storage = _Storage(data_dir)
    storage.start_reads = reads

    def uow() -> UnitOfWork:
        return storage.uow() if storage.is_open else start_reads.StartUnitOfWork(reads, storage.uow)

    return _wire(storage, uow, SqlRegisterQueries(start_reads.connect(path)), PillowImageProcessor())


def _wire(
    storage: _Storage, uow: Callable[[], UnitOfWork], register: RegisterQueries, images: ImageProcessor
) -> AppContext:
    """The context with every port; heavy adapters are imported when a feature first asks for them."""
    from hazard_desktop.adapters.drafts import JsonDraftStore

    def bulk_writer() -> BulkWriter:
        from hazard_desktop.adapters.bulk import CoreBulkWriter

        return CoreBulkWriter(storage.engine)  # opens the storage if the window's start did not

    def sheet_renderer() -> SheetRenderer:
        from hazard_desktop.adapters.pdf.sheets import ReportLabSheetRenderer

        return ReportLabSheetRenderer()

    def inspection_record_renderer() -> InspectionRecordRenderer:
        from hazard_desktop.adapters.pdf.inspection_record import ReportLabInspectionRecordRenderer

        return ReportLabInspectionRecordRenderer()

    return AppContext(
        uow=uow,
        register=register,
        images=images,
        data_dir=storage.data_dir,
        storage=storage,
        bulk_writer=bulk_writer,
        sheet_renderer=sheet_renderer,
        inspection_record_renderer=inspection_record_renderer,
        drafts=JsonDraftStore(storage.data_dir / "drafts"),  # the folder is made on the first save
    )


def close_context(context: AppContext) -> None:
    """Release connections (tests and commands that open several databases)."""
    close = getattr(context.register, "close", None)
    if close is not None:
        close()
    if context.storage is not None:
        context.storage.close()


def has_display() -> bool:
    """True if Qt can open a real window here (always on Windows and macOS)."""
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(
    data_dir: Path,
    language: str | None = None,
    *,
    screenshot: Path | None = None,
    argv: list[str] | None = None,
) -> int:
    """Start the program's window; with ``screenshot`` render it to PNG and return instead of running.

    Returns:
        The process exit code.
    """
    import sys

    from hazard_desktop.adapters.errors import StorageError
    from hazard_desktop.ui.application import chosen_language, create_application, install_message_log

    install_message_log()
    if sys.platform == "win32":  # lets the installer see the running program (AppMutex)
        from hazard_desktop.winmutex import hold_app_mutex

        hold_app_mutex()
    lang = chosen_language(language)
    app = create_application(argv or sys.argv[:1], paths.resource_dir(), lang)
    try:
        context = build_context(data_dir, lazy=True)
    except StorageError as exc:
        from hazard_desktop.ui.messages import show_fatal_storage_error

        show_fatal_storage_error(exc, interactive=screenshot is None)
        return 2
    from hazard_desktop.ui.features import install_features
    from hazard_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    install_features(window, context)
    if screenshot is not None:
        window.resize(1440, 880)
        window.show()
        app.processEvents()
        window.grab().save(str(screenshot))
        window.close()
        close_context(context)
        return 0
    window.show()
    code = app.exec()
    close_context(context)
    return int(code)

"""Composition root: the one place where adapters are wired into services and the UI.

Order: data folder → logging → database (refuse newer / back up / migrate) → reference data →
ports → (GUI) QApplication, fonts, translators → main window.
"""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hazard_desktop import paths
from hazard_desktop.services.context import AppContext

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
    """Open (and if needed create, back up, migrate, seed) the database of ``data_dir``.

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
    from hazard_desktop.adapters.db import make_session_factory
    from hazard_desktop.adapters.images import PillowImageProcessor
    from hazard_desktop.adapters.register_queries import SqlRegisterQueries
    from hazard_desktop.adapters.schema import open_database
    from hazard_desktop.adapters.unit_of_work import SqlUnitOfWork
    from hazard_desktop.services.inspection_seed import seed_checklist_templates
    from hazard_desktop.services.seed import seed_reference_data

    opened = open_database(paths.database_path(data_dir), paths.backup_dir(data_dir))
    if opened.backup is not None:
        log.info("database migrated from %s; backup at %s", opened.migrated_from, opened.backup)
    session_factory = make_session_factory(opened.engine)

    def uow() -> SqlUnitOfWork:
        return SqlUnitOfWork(session_factory)

    seed_reference_data(uow())
    seed_checklist_templates(uow())  # idempotent by UUID: also fills databases upgraded to 0003
    context = AppContext(
        uow=uow,
        register=SqlRegisterQueries(opened.engine),
        images=PillowImageProcessor(),
        data_dir=data_dir,
    )
    context.extras["engine"] = opened.engine
    context.extras["opened"] = opened
    _add_optional_ports(context)
    return context


class _LazyExtras(dict):  # type: ignore[type-arg]
    """Context extras whose ``engine`` and ``opened`` open the storage when first looked up."""

    def __init__(self, open_storage: Callable[[], None]) -> None:
        super().__init__()
        self._open_storage = open_storage

    def __missing__(self, key: str) -> Any:
        if key not in ("engine", "opened"):
            raise KeyError(key)
        self._open_storage()
        return self[key]


class _LazyStorage:
    """The SQLAlchemy side of a lazily built context: engine and sessions, made on first use."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.extras = _LazyExtras(self.open)
        self._session_factory: Any = None

    @property
    def is_open(self) -> bool:
        return self._session_factory is not None

    def open(self) -> None:
        if self._session_factory is not None:
            return
        from hazard_desktop.adapters.db import make_session_factory
        from hazard_desktop.adapters.schema import open_database

        opened = open_database(paths.database_path(self.data_dir), paths.backup_dir(self.data_dir))
        self._session_factory = make_session_factory(opened.engine)
        self.extras["engine"] = opened.engine
        self.extras["opened"] = opened
        log.info("storage opened on first use")

    def uow(self) -> Any:
        from hazard_desktop.adapters.unit_of_work import SqlUnitOfWork

        self.open()
        return SqlUnitOfWork(self._session_factory)


def _lazy_context(data_dir: Path) -> AppContext | None:
    """A context that reads through plain sqlite3 until the ORM is needed, or None if it cannot be used."""
    import sqlite3

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
    storage = _LazyStorage(data_dir)

    def uow() -> Any:
        return storage.uow() if storage.is_open else start_reads.StartUnitOfWork(reads, storage.uow)

    context = AppContext(
        uow=uow,
        register=SqlRegisterQueries(start_reads.connect(path)),
        images=PillowImageProcessor(),
        data_dir=data_dir,
        extras=storage.extras,
    )
    context.extras["start_reads"] = reads
    _add_optional_ports(context)
    return context


def _add_optional_ports(context: AppContext) -> None:
    """Ports of later features; each is imported lazily where it is used."""
    from hazard_desktop.adapters import ports_registry

    ports_registry.install(context)


def close_context(context: AppContext) -> None:
    """Release connections (tests and commands that open several databases)."""
    close = getattr(context.register, "close", None)
    if close is not None:
        close()
    engine = context.extras.get("engine")
    if engine is not None:
        engine.dispose()
    reads = context.extras.get("start_reads")
    if reads is not None:
        reads.close()


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
    from hazard_desktop.ui.widgets import screen_fit

    screen_fit.remember_in(window.layout_settings)  # dialogs keep size and place per screen, like the window
    window.show()
    code = app.exec()
    close_context(context)
    return int(code)

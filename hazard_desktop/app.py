"""Composition root: the one place where adapters are wired into services and the UI.

Order: data folder → logging → database (refuse newer / back up / migrate) → reference data →
ports → (GUI) QApplication, fonts, translators → main window. Every port of the context is a typed
field of :class:`~hazard_desktop.services.context.AppContext`, filled here and nowhere else.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hazard_desktop import __version__, paths
from hazard_desktop.services.context import AppContext

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.engine import Engine

    from hazard_desktop.adapters.backup_archive import SqliteBackups
    from hazard_desktop.adapters.schema import OpenedDatabase
    from hazard_desktop.services.audit import AuditTrail
    from hazard_desktop.services.backups import BackupSummary, Cancelled, Progress, RestoreResult
    from hazard_desktop.services.demo import BulkWriter
    from hazard_desktop.services.exchange import ExchangeStore, ImportResult, PackageFiles
    from hazard_desktop.services.inspection_record_model import InspectionRecordRenderer
    from hazard_desktop.services.ledger_export import LedgerSource, LedgerWriter
    from hazard_desktop.services.ledger_import import LedgerReader
    from hazard_desktop.services.ports import ImageProcessor, RegisterQueries, UnitOfWork
    from hazard_desktop.services.reports import ReportRenderer, TableWorkbookWriter
    from hazard_desktop.services.sheet_models import SheetRenderer
    from hazard_desktop.services.statistics import StatisticsQueries

log = logging.getLogger(__name__)


class _FolderLogHandler(logging.Handler):
    """The log file in the data folder, opened (and ``logs/`` made) only when something is logged.

    A refused command logs nothing, so it leaves the data folder as it found it; and a folder where
    nothing can be written costs the log, never the program. The file is a ``RotatingFileHandler`` made on
    the first record: ``logging.handlers`` and what it imports (socket, pickle, queue …) are about a tenth
    of the window's start-up imports, and a normal start logs nothing.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.baseFilename = os.path.abspath(path)  # as logging's FileHandler names it (the CLI looks for it)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._file is None:
                self._file = _rotating_file(self.baseFilename)
                self._file.setFormatter(self.formatter)
            self._file.emit(record)  # its own errors go to its handleError: silent, as this one's
        except Exception:  # as logging's own handlers: a failed record never reaches the caller
            self.handleError(record)

    def setFormatter(self, fmt: logging.Formatter | None) -> None:  # noqa: N802 (logging's name)
        super().setFormatter(fmt)
        if self._file is not None:
            self._file.setFormatter(fmt)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        with self.lock:  # type: ignore[union-attr]  # Handler.createLock made it
            if self._file is not None:
                self._file.close()
                self._file = None
        super().close()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        pass  # the log cannot be written (read-only folder, full disk): say nothing rather than crash


def _rotating_file(path: str) -> logging.Handler:
    """The rotating log file behind :class:`_FolderLogHandler` (2 MB, five old files kept)."""
    import logging.handlers

    class RotatingFolderFile(logging.handlers.RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            Path(self.baseFilename).parent.mkdir(exist_ok=True)  # never the data folder itself
            return super()._open()

        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
            pass  # as _FolderLogHandler.handleError

    return RotatingFolderFile(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True)


def log_file(data_dir: Path) -> Path:
    """The program's log file in a data folder."""
    return paths.log_dir(data_dir) / "hazard_desktop.log"


def setup_logging(data_dir: Path, *, verbose: bool = False) -> Path:
    """Log to a rotating file in the data folder (and to stderr when ``verbose``); return the file's path."""
    path = log_file(data_dir)
    handler = _FolderLogHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _FolderLogHandler)]:
        root.removeHandler(old)
        old.close()  # a second command in one process (tests) must not leave the first log file open
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path


def build_context(data_dir: Path, *, lazy: bool = False, first_use: date | None = None) -> AppContext:
    """Open (and if needed create, back up, migrate, seed) the database of ``data_dir``; wire every port.

    Args:
        lazy: the window's start: if the database is at this build's revision and seeding would write
            nothing, open no SQLAlchemy engine until something needs it (``adapters/start_reads.py``);
            otherwise open it as usual.
        first_use: for a new register, the day the plant started using the program (default today).

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
    seed_reference_data(storage.uow(), first_use=first_use)
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
        log.debug("storage opened")

    @property
    def engine(self) -> Engine:
        return self.opened().engine

    def uow(self) -> UnitOfWork:
        from hazard_desktop.adapters.unit_of_work import SqlUnitOfWork

        self.opened()
        return SqlUnitOfWork(self._session_factory)

    def revision(self) -> str | None:
        from hazard_desktop.adapters.errors import StorageError
        from hazard_desktop.adapters.schema import current_revision

        try:
            return current_revision(paths.database_path(self.data_dir))
        except (StorageError, sqlite3.Error, OSError):
            return None

    def close(self) -> None:
        if self._opened is not None:
            self._opened.engine.dispose()
        if self.start_reads is not None:
            self.start_reads.close()


def _lazy_context(data_dir: Path) -> AppContext | None:
    """A context that reads through plain sqlite3 until the ORM is needed, or None if it cannot be used."""
    from hazard_desktop.adapters import search_index, start_reads
    from hazard_desktop.adapters.data_location import check_database_location
    from hazard_desktop.adapters.errors import StorageError
    from hazard_desktop.adapters.images import PillowImageProcessor
    from hazard_desktop.adapters.register_queries import SqlRegisterQueries
    from hazard_desktop.adapters.schema import check_writable, current_revision, head_revision
    from hazard_desktop.services.inspection_seed import bundled_templates

    path = paths.database_path(data_dir)
    try:
        check_database_location(path)  # a network share or OneDrive folder: refused by the full open
        if current_revision(path) != head_revision():
            return None  # created, migrated and seeded by the full open
        check_writable(path)
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

    def audit_trail() -> AuditTrail:
        from hazard_desktop.adapters.audit import SqliteAuditTrail

        return SqliteAuditTrail(paths.database_path(storage.data_dir))

    def statistics() -> StatisticsQueries:
        from hazard_desktop.adapters import start_reads
        from hazard_desktop.adapters.statistics_queries import SqlStatisticsQueries

        # A lazy context exists only over a current database, an eager one has migrated it: no ORM needed.
        return SqlStatisticsQueries(start_reads.connect(paths.database_path(storage.data_dir)))

    def pdf_report() -> ReportRenderer:
        from hazard_desktop.adapters.pdf.statistics_report import ReportLabStatisticsReportRenderer

        return ReportLabStatisticsReportRenderer()

    def xlsx_report() -> ReportRenderer:
        from hazard_desktop.adapters.report_workbook import OpenpyxlReportRenderer

        return OpenpyxlReportRenderer()

    def table_workbook() -> TableWorkbookWriter:
        from hazard_desktop.adapters.report_workbook import OpenpyxlTableWorkbookWriter

        return OpenpyxlTableWorkbookWriter()

    def ledger_reader() -> LedgerReader:
        from hazard_desktop.adapters.ledger_reader import OpenpyxlLedgerReader  # openpyxl loads here

        return OpenpyxlLedgerReader()

    def ledger_source() -> LedgerSource:
        from hazard_desktop.adapters.ledger_queries import SqlLedgerSource

        return SqlLedgerSource(paths.database_path(storage.data_dir))

    def ledger_writer(path: Path) -> LedgerWriter:
        from hazard_desktop.adapters.ledger_xlsx import XlsxLedgerWriter

        return XlsxLedgerWriter(path)

    def exchange_store() -> ExchangeStore:
        from hazard_desktop.adapters.exchange_store import SqlExchangeStore
        from hazard_desktop.adapters.schema import head_revision

        return SqlExchangeStore(storage.engine, head_revision(), lambda: session.actor)  # the audit trail names who

    def exchange_files() -> PackageFiles:
        from hazard_desktop.adapters.exchange_file import ZipPackageFiles

        return ZipPackageFiles()

    # PDFs half-written when the program was killed (in the folders it saves to by default)
    from hazard_desktop.services import output_files

    output_files.remove_stale_temporaries([storage.data_dir, storage.data_dir / "exports"])
    from hazard_desktop.adapters.removable_drives import SystemRemovableDrives

    backups = _LazyBackups(storage.data_dir)
    from hazard_desktop.adapters.passwords import Argon2SecretHasher
    from hazard_desktop.services.session import Session

    session = Session()  # the single user until run_gui/cli say who acts (services/accounts.py: start_actor)

    def acting_uow() -> UnitOfWork:
        made = uow()
        made.actor = session.actor  # who acts is fixed when the unit of work is made
        return made

    context = AppContext(
        uow=acting_uow,
        session=session,
        secrets=Argon2SecretHasher(),
        register=register,
        images=images,
        data_dir=storage.data_dir,
        storage=storage,
        bulk_writer=bulk_writer,
        sheet_renderer=sheet_renderer,
        inspection_record_renderer=inspection_record_renderer,
        ledger_reader=ledger_reader,
        drafts=JsonDraftStore(storage.data_dir / "drafts"),  # the folder is made on the first save
        statistics=statistics,
        report_renderers={"pdf": pdf_report, "xlsx": xlsx_report},
        table_workbook=table_workbook,
        backups=backups,
        ledger_source=ledger_source,
        ledger_writer=ledger_writer,
        removable_drives=SystemRemovableDrives(),
        exchange_store=exchange_store,
        exchange_files=exchange_files,
        audit=audit_trail,
        version=__version__,
    )
    backups.release = lambda: close_context(context)  # a restore closes this program's connections first
    return context


class _LazyBackups:
    """``context.backups``: the :class:`~hazard_desktop.adapters.backup_archive.SqliteBackups` of the data folder,
    made when first used — the backup adapter and its services' types cost the window's start ~5 ms."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._made: SqliteBackups | None = None
        self._release: Callable[[], None] | None = None

    @property
    def release(self) -> Callable[[], None] | None:
        """Closes this program's own connections before a restore (set by :func:`_wire`)."""
        return self._release

    @release.setter
    def release(self, release: Callable[[], None] | None) -> None:
        self._release = release
        if self._made is not None:
            self._made.release = release

    @property
    def released(self) -> bool:
        """The window's connections were closed for a restore: it must restart."""
        return self._made is not None and self._made.released

    def _backups(self) -> SqliteBackups:
        if self._made is None:
            from hazard_desktop import __version__
            from hazard_desktop.adapters.backup_archive import SqliteBackups

            db, folder = paths.database_path(self._data_dir), paths.backup_dir(self._data_dir)
            self._made = SqliteBackups(db, folder, self._release, app_version=__version__)
        return self._made

    def create(
        self, folder: Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> BackupSummary:
        return self._backups().create(folder, progress=progress, cancelled=cancelled)

    def inspect(self, path: Path) -> BackupSummary:
        return self._backups().inspect(path)

    def current(self) -> BackupSummary:
        return self._backups().current()

    def restore(self, path: Path, *, progress: Progress | None = None) -> RestoreResult:
        return self._backups().restore(path, progress=progress)

    def automatic(self) -> list[BackupSummary]:
        return self._backups().automatic()

    def automatic_folder(self) -> Path:  # known without making the adapter
        return paths.backup_dir(self._data_dir)


def engine_of(context: AppContext) -> Engine:
    """The SQLAlchemy engine behind a context built here (commands that write in one transaction)."""
    storage = context.storage
    if not isinstance(storage, _Storage):
        raise TypeError("this context has no SQL storage")
    return storage.engine


def join_plant(data_dir: Path, file: Path, progress: Callable[[int, int], bool] | None = None) -> ImportResult:
    """Make ``data_dir`` a laptop of the plant whose office wrote ``file`` (issue 15: 加入工厂).

    The folder must hold no register with data (``join_not_empty``); a new register is created, the
    office's file imported into it (its reference data, the laptop's short code and number slot). On any
    refusal or failure the register this made is removed again, so the folder is as it was.
    """
    from hazard_desktop.services import exchange

    made_folder = not data_dir.exists()
    before = set() if made_folder else set(data_dir.iterdir())
    existed = paths.database_path(data_dir).exists()
    joined = False
    context = build_context(data_dir)
    try:
        store, files = context.exchange_store, context.exchange_files
        assert store is not None and files is not None
        result = exchange.import_exchange(store(), files(), file, progress=progress)
        joined = True
    finally:
        close_context(context)
        if not joined and not existed:  # leave the folder as it was: remove what this made
            if made_folder:
                shutil.rmtree(data_dir, ignore_errors=True)
            else:
                for entry in set(data_dir.iterdir()) - before:
                    shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
    return result


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
    ask_create: bool = False,
) -> int:
    """Start the program's window; with ``screenshot`` render it to PNG and return instead of running.

    Args:
        ask_create: ``data_dir`` does not exist yet: ask before making it (No ends the program, nothing made).

    Returns:
        The process exit code (2: the register was refused and nothing was changed; 1: not created).
    """
    # The window's start makes many objects and frees few: no cyclic collections (~15 ms) until the register
    # is painted (_after_first_paint); a start that ends before that collects again when it returns.
    gc.disable()
    try:
        return _run_gui(data_dir, language, screenshot=screenshot, argv=argv, ask_create=ask_create)
    finally:
        gc.enable()


def _run_gui(
    data_dir: Path, language: str | None, *, screenshot: Path | None, argv: list[str] | None, ask_create: bool
) -> int:
    import sys

    from hazard_desktop.adapters.errors import StorageError

    _import_start_modules_before_qt()
    from hazard_desktop.ui import messages
    from hazard_desktop.ui.application import (
        chosen_language,
        create_application,
        install_message_log,
    )
    from hazard_desktop.ui.crash import CrashReporter

    install_message_log()
    if sys.platform == "win32":  # lets the installer see the running program (AppMutex)
        from hazard_desktop.winmutex import hold_app_mutex

        hold_app_mutex()
    lang = chosen_language(language)
    app = create_application(argv or sys.argv[:1], paths.resource_dir(), lang)
    interactive = screenshot is None
    if ask_create:
        if not messages.ask_create_data_folder(data_dir):
            return 1
        try:
            data_dir.mkdir(parents=True)
        except OSError as exc:
            messages.show_fatal_storage_error(
                StorageError("data_dir_unusable", path=str(data_dir), detail=messages.os_error_text(exc)),
                interactive=interactive,
            )
            return 2
    if interactive and not paths.database_path(data_dir).exists():
        chosen = _first_start(data_dir)  # a new register here, or a laptop joining its plant (issue 15)
        if chosen is None:
            return 1  # closed: nothing was made
    try:
        context = build_context(data_dir, lazy=True)
    except StorageError as exc:
        messages.show_fatal_storage_error(exc, interactive=interactive)
        return 2
    lock = None
    if interactive:  # a second window on the same register asks first (ui/instance_lock.py)
        from hazard_desktop.ui import instance_lock

        lock, held = instance_lock.claim(data_dir)
        if not held and not instance_lock.ask_open_anyway(data_dir, lock):
            close_context(context)
            return 1
    reporter = CrashReporter(log_file(data_dir), app)
    reporter.install()
    _enable_faulthandler(data_dir)
    start_backup: list[threading.Thread] = []  # the day's backup check, begun once the first rows are painted

    def begin_start_backup() -> None:
        if interactive and not start_backup:
            start_backup.append(_automatic_backup(data_dir, "start"))

    def after_first_paint() -> None:
        _after_first_paint()
        begin_start_backup()

    try:
        return _show_window(app, context, screenshot, after_first_paint)
    finally:
        if interactive:
            begin_start_backup()  # a window closed before its first paint still makes the day's backup
            start_backup[0].join()
            if not (context.backups is not None and getattr(context.backups, "released", False)):
                _automatic_backup(data_dir, "exit").join()
        reporter.uninstall()
        _disable_faulthandler()  # the window is gone: release logs/faults.log (Windows cannot delete an open file)
        if lock is not None and lock.isLocked():
            lock.unlock()
        if interactive and context.backups is not None and getattr(context.backups, "released", False):
            _restart()  # a restore closed the register under this window: a fresh start opens the restored one


def _import_start_modules_before_qt() -> None:
    """Import the plain modules every window start loads (the lazy context's, the register's rules) before Qt.

    PySide's import hook reads the source of each module first imported after PySide is loaded; the ones loaded
    before are marked as done when it loads (``ui/__init__.py``): ~45 modules, ~7 ms of the start (issue 16).
    Only an order: each of these is imported by the start anyway (``tests/integration/test_lazy_start.py``).
    """
    from hazard_desktop.adapters import (  # noqa: F401
        data_location,
        drafts,
        images,
        passwords,
        register_queries,
        removable_drives,
        schema,
        search_index,
        start_reads,
    )
    from hazard_desktop.domain import reporting, sheet_kinds  # noqa: F401
    from hazard_desktop.services import authorization, inspection_seed, reference_queries  # noqa: F401


def _after_first_paint() -> None:
    """:func:`run_gui` disabled the cyclic garbage collector for the start: the objects made so far live as long
    as the window, so they are moved out of later collections (``gc.freeze``, as long-running Python servers do
    after start-up) and collection resumes."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _first_start(data_dir: Path) -> object | None:
    """Ask how an empty data folder begins (``ui/exchange/first_start.py``); joining goes through
    :func:`join_plant`. None: the user closed the question and nothing was made."""
    from hazard_desktop.adapters.removable_drives import SystemRemovableDrives
    from hazard_desktop.ui.exchange.first_start import ask_first_start

    return ask_first_start(
        data_dir, SystemRemovableDrives(), lambda file, progress: join_plant(data_dir, file, progress)
    )


def _automatic_backup(data_dir: Path, reason: str) -> threading.Thread:
    """The day's first start and every exit after a change make an automatic backup (rotated), on a thread:
    the window does not wait for it; the exit waits for the start's before writing its own."""
    from hazard_desktop import __version__

    def run() -> None:
        from datetime import UTC, datetime

        from hazard_desktop.adapters.automatic_backups import automatic_backup_due

        try:
            db, folder = paths.database_path(data_dir), paths.backup_dir(data_dir)
            today = datetime.now(UTC).astimezone().date()
            if not automatic_backup_due(db, folder, reason=reason, today=today):
                return  # most starts and exits: the writer and its checks are not even loaded
            from hazard_desktop.adapters.backup_archive import automatic_backup

            automatic_backup(
                paths.database_path(data_dir), paths.backup_dir(data_dir), reason=reason, app_version=__version__
            )
        except Exception:  # never the program's end: the next start tries again
            log.exception("automatic backup (%s) failed", reason)

    thread = threading.Thread(target=run, name=f"auto-backup-{reason}")
    thread.start()
    return thread


def _restart() -> None:
    """Start the program again with the same arguments (after a restore)."""
    import subprocess

    if getattr(sys, "frozen", False):
        command = [sys.executable, *sys.argv[1:]]
    else:
        command = [sys.executable, "-m", "hazard_desktop", *sys.argv[1:]]
    try:
        subprocess.Popen(command, close_fds=True)  # noqa: S603 (our own program, our own arguments)
    except OSError:
        log.exception("restarting after a restore failed")


def show_refusal(error: Exception, language: str | None = None) -> int:
    """Before any window: say in a box why the program cannot start (e.g. the data folder is a file)."""
    import sys

    from hazard_desktop.ui import messages
    from hazard_desktop.ui.application import chosen_language, create_application

    create_application(sys.argv[:1], paths.resource_dir(), chosen_language(language))
    messages.show_fatal_storage_error(error)
    return 2


def _show_window(
    app: Any, context: AppContext, screenshot: Path | None, after_paint: Callable[[], None] = lambda: None
) -> int:
    from hazard_desktop.ui.features import install_features
    from hazard_desktop.ui.main_window import MainWindow

    if screenshot is None:  # the first start's choice, or the log-in in accounts mode, before any data shows
        from hazard_desktop.ui.accounts.actions import sign_in_at_start

        if not sign_in_at_start(context):
            close_context(context)
            return 0
    window = MainWindow(context)
    # the features that only add menu entries are installed once the first rows are painted (ui/features.py)
    install_features(window, context, later=window.after_first_paint if screenshot is None else None)
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
    window.after_first_paint(after_paint)
    window.show()
    code = app.exec()
    close_context(context)
    return int(code)


_fault_file: Any = None
_fault_was_enabled = False


def _enable_faulthandler(data_dir: Path) -> None:
    """A hard crash (segfault in Qt, abort) writes every thread's stack to ``logs/faults.log``."""
    import faulthandler

    global _fault_file
    if _fault_file is not None:
        return
    try:
        folder = paths.log_dir(data_dir)
        folder.mkdir(exist_ok=True)
        _fault_file = (folder / "faults.log").open("a", encoding="utf-8")
    except OSError:
        log.warning("cannot open %s for crash reports", paths.log_dir(data_dir) / "faults.log")
        return
    global _fault_was_enabled
    _fault_was_enabled = faulthandler.is_enabled()
    faulthandler.enable(file=_fault_file, all_threads=True)


def _disable_faulthandler() -> None:
    import faulthandler

    global _fault_file
    if _fault_file is None:
        return
    faulthandler.disable()
    _fault_file.close()
    _fault_file = None
    if _fault_was_enabled and sys.__stderr__ is not None:  # as it was before the window (e.g. a test runner's)
        faulthandler.enable(file=sys.__stderr__, all_threads=True)

"""What the composition root hands to the UI and the commands: typed ports, no globals, no string keys.

``app.build_context`` is the only place that fills an :class:`AppContext` with real adapters (the shape
of cosmicpython's bootstrap); tests build one with fakes. Ports that load heavy libraries (ReportLab,
the SQLAlchemy Core writer) are factories, called when a feature first needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hazard_desktop.services.session import Session

if TYPE_CHECKING:  # only types: importing these modules at start-up would cost time for nothing
    from hazard_desktop.services.audit import AuditTrail
    from hazard_desktop.services.backups import Backups
    from hazard_desktop.services.demo import BulkWriter
    from hazard_desktop.services.drafts import DraftStore
    from hazard_desktop.services.exchange import ExchangeStore, PackageFiles
    from hazard_desktop.services.inspection_record_model import InspectionRecordRenderer
    from hazard_desktop.services.ledger_export import LedgerSource, LedgerWriter
    from hazard_desktop.services.ledger_import import LedgerReader
    from hazard_desktop.services.ports import ImageProcessor, RegisterQueries, SecretHasher, UnitOfWork
    from hazard_desktop.services.removable_drives import RemovableDrives
    from hazard_desktop.services.reports import ReportRenderer, TableWorkbookWriter
    from hazard_desktop.services.sheet_models import SheetRenderer
    from hazard_desktop.services.statistics import StatisticsQueries


class OpenedStorage(Protocol):
    """What opening the database did (``adapters.schema.OpenedDatabase``)."""

    @property
    def path(self) -> Path: ...

    @property
    def migrated_from(self) -> str | None: ...

    @property
    def backup(self) -> Path | None: ...


class Storage(Protocol):
    """The database behind a context; the window's start opens it on first use (thread-safe)."""

    @property
    def is_open(self) -> bool:
        """True once the full storage (engine, sessions) has been opened."""
        ...

    def opened(self) -> OpenedStorage:
        """Open the storage if it is not yet open; tell what opening it did."""
        ...

    def close(self) -> None:
        """Release every connection (the context is not used afterwards)."""
        ...

    def revision(self) -> str | None:
        """The schema revision the database file holds (Help → About); None if it cannot be read."""
        ...


@dataclass
class AppContext:
    """Everything a use case needs from infrastructure, built once in ``app.py``.

    Attributes:
        uow: returns a fresh unit of work (use it in one ``with`` block); safe to call from worker threads.
        register: the read side of the hazard register.
        images: photo processor.
        data_dir: the data folder (database, backups, logs, exports).
        storage: the database itself (open state, what opening did, closing); None for contexts on fakes.
        bulk_writer: makes a writer of many hazards in one transaction (demo data, benchmarks).
        sheet_renderer: makes the PDF renderer of grading/dispute sheets.
        inspection_record_renderer: makes the PDF renderer of inspection records.
        drafts: where the hazard editor keeps unsaved work (None: the editor keeps no drafts).
        statistics: makes the statistics' GROUP BY queries over their own connection (close it after use).
        report_renderers: per file format (``pdf``, ``xlsx``), makes the statistics reports' renderer.
        table_workbook: makes the writer of the statistics window's tables (.xlsx).
        ledger_reader: makes the reader of legacy ledger files (.xlsx, .csv) for File → 导入台账.
        backups: backup files of the register and restoring one (None: contexts on fakes).
        ledger_source: opens a reader of the ledger's rows on a connection of its own (any thread).
        ledger_writer: makes the .xlsx writer of one ledger file (the path given).
        removable_drives: the USB sticks and cards mounted now (exchange files are offered there first).
        exchange_store: makes the exchange's storage (identity, records, conflicts) over the register.
        exchange_files: makes the reader/writer of ``.hzx`` exchange files.
        audit: opens the audit trail for reading, verifying and exporting (Tools → 审计日志, ``audit``).
        session: who is signed in; every unit of work ``uow()`` makes acts as ``session.actor``. A context
            that is not told otherwise (tests, fakes) has the single user (every role) signed in.
        secrets: hashes and checks passwords and PINs (Argon2id); None: contexts on fakes without accounts.
        version: the program's version (``hazard_desktop.__version__``; Help → About).
    """

    uow: Callable[[], UnitOfWork]
    register: RegisterQueries
    images: ImageProcessor
    data_dir: Path
    storage: Storage | None = None
    bulk_writer: Callable[[], BulkWriter] | None = None
    sheet_renderer: Callable[[], SheetRenderer] | None = None
    inspection_record_renderer: Callable[[], InspectionRecordRenderer] | None = None
    drafts: DraftStore | None = None
    statistics: Callable[[], StatisticsQueries] | None = None
    report_renderers: dict[str, Callable[[], ReportRenderer]] = field(default_factory=dict)
    table_workbook: Callable[[], TableWorkbookWriter] | None = None
    ledger_reader: Callable[[], LedgerReader] | None = None
    backups: Backups | None = None
    ledger_source: Callable[[], LedgerSource] | None = None
    ledger_writer: Callable[[Path], LedgerWriter] | None = None
    removable_drives: RemovableDrives | None = None
    exchange_store: Callable[[], ExchangeStore] | None = None
    exchange_files: Callable[[], PackageFiles] | None = None
    audit: Callable[[], AuditTrail] | None = None
    session: Session = field(default_factory=Session)
    secrets: SecretHasher | None = None
    version: str = ""

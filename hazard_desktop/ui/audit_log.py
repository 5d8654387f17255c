"""Tools → 审计日志: browse the audit trail with filters, verify the chain (first break shown), export it.

The trail is written by the storage in each write's own transaction (``adapters/audit.py``); this window
only reads it through ``context.audit()`` (the ``AuditTrail`` port, ``services/audit.py``).

Verifying (seconds at 100k entries) and exporting run in a :class:`~hazard_desktop.ui.workers.Job` (the port
opens its own read-only connection per call, any thread): the window stays responsive, a busy bar and the
count of entries checked show it is working, a verification can be cancelled, and the result is shown when
it is done. Closing the window meanwhile cancels a verification and lets an export finish in the
background; neither touches the closed window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.audit import Entry, EntryFilter, Finding, Verification
from hazard_desktop.services import audit as audit_service
from hazard_desktop.ui import messages
from hazard_desktop.ui.widgets import screen_fit
from hazard_desktop.ui.workers import Job, start

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from hazard_desktop.services.audit import AuditTrail
    from hazard_desktop.services.context import AppContext

COL_SEQ, COL_AT, COL_ACTOR, COL_USE_CASE, COL_TABLE, COL_RECORD, COL_BEFORE, COL_AFTER, COL_HASH = range(9)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
LIMIT = 5000  # newest entries shown; the filter narrows, the export holds all


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("AuditLog", "No."),
        QCoreApplication.translate("AuditLog", "Time"),
        QCoreApplication.translate("AuditLog", "Who"),
        QCoreApplication.translate("AuditLog", "Use case"),
        QCoreApplication.translate("AuditLog", "Table"),
        QCoreApplication.translate("AuditLog", "Record"),
        QCoreApplication.translate("AuditLog", "Before"),
        QCoreApplication.translate("AuditLog", "After"),
        QCoreApplication.translate("AuditLog", "Hash"),
    ]


def _short(digest: str | None) -> str:
    return digest[:12] + "…" if digest else "—"


def _local(at: str) -> str:
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


class AuditEntryModel(QAbstractTableModel):
    """The entries shown, oldest first; the row of the first break (if any) is red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self.broken_seq: int | None = None

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def mark_broken(self, seq: int | None) -> None:
        self.broken_seq = seq
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, COL_HASH))

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, seq: int, table: str = "", record: str = "") -> int | None:
        """The row of entry ``seq`` (a format-2 entry has one row per record: that of ``table``/``record``)."""
        rows = [i for i, e in enumerate(self._entries) if e.seq == seq]
        exact = (i for i in rows if (self._entries[i].table, self._entries[i].record) == (table, record))
        return next(exact, rows[0] if rows else None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COL_HASH + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section <= COL_HASH
        ):
            return _headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                str(entry.seq), _local(entry.at), entry.actor, entry.use_case or "—", entry.table, entry.record,
                _short(entry.before), _short(entry.after), _short(entry.hash),
            )  # fmt: skip
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            full = {COL_BEFORE: entry.before, COL_AFTER: entry.after, COL_HASH: entry.hash, COL_AT: entry.at}
            return full.get(column) or None
        if role == Qt.ItemDataRole.ForegroundRole and entry.seq == self.broken_seq:
            return QColor("#c62828")
        if role == ENTRY_ROLE:
            return entry
        return None


def finding_text(finding: Finding) -> str:
    seq = str(finding.seq) if finding.seq is not None else "—"
    texts = {
        "chain_hash": QCoreApplication.translate(
            "AuditLog", "Entry {seq} was altered (its hash does not match): table {table}, record {record}"
        ),
        "chain_link": QCoreApplication.translate(
            "AuditLog", "Entry {seq} is not linked to the one before: table {table}, record {record}"
        ),
        "chain_gap": QCoreApplication.translate(
            "AuditLog", "Entries are missing before entry {seq}: table {table}, record {record}"
        ),
        "record_changed": QCoreApplication.translate(
            "AuditLog", "Table {table}, record {record} was changed outside the program (differs from entry {seq})"
        ),
        "record_deleted": QCoreApplication.translate(
            "AuditLog", "Table {table}, record {record} was deleted outside the program (last entry {seq})"
        ),
        "record_unrecorded": QCoreApplication.translate(
            "AuditLog", "Table {table}, record {record} was added outside the program (no entry)"
        ),
    }
    return texts.get(finding.kind, finding.kind).format(seq=seq, table=finding.table, record=finding.record)


def verification_text(result: Verification) -> str:
    if result.ok:
        return QCoreApplication.translate(
            "AuditLog", "The trail is intact: {entries} entries chained, {records} records as last recorded."
        ).format(entries=result.entries, records=result.records)
    first = result.first
    assert first is not None
    return QCoreApplication.translate("AuditLog", "{count} break(s) found. First: {first}").format(
        count=len(result.findings), first=finding_text(first)
    )


class _VerifyCancelled(Exception):
    """The user cancelled a verification (raised from its progress callback on the worker thread)."""


class AuditLogDialog(QDialog):
    """Browse, filter, verify, export. Attributes for tests: ``model``, ``view``, the filter widgets,
    ``filter_button``, ``verify_button``, ``export_button``, ``cancel_button``, ``busy``, ``status``,
    ``last_verification``, ``job`` (the running verification or export, or None).

    Signals:
        verified(object): a verification ended with its :class:`Verification`.
        exported(object): an export ended: the number of entries written, or None if it failed.
        work_done(): a verification or export ended, whatever the outcome (cancelled included).
    """

    verified = Signal(object)
    exported = Signal(object)
    work_done = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.audit is not None
        self.trail: AuditTrail = context.audit()
        self.session = context.session
        self.data_dir = context.data_dir
        self.context = context
        self.last_verification: Verification | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Audit trail"))
        self.actor = QComboBox()
        self.use_case = QComboBox()
        self.table = QComboBox()
        for box in (self.actor, self.use_case, self.table):
            box.setMinimumContentsLength(8)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("record id or part of it"))
        self.dates = QCheckBox(self.tr("From"))
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.dates.toggled.connect(self.since.setEnabled)
        self.dates.toggled.connect(self.until.setEnabled)
        self.filter_button = QPushButton(self.tr("&Filter"))
        self.filter_button.setAutoDefault(False)
        self.filter_button.clicked.connect(self.reload)
        self.record.returnPressed.connect(self.reload)

        form = QFormLayout()
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Who:")))
        first.addWidget(self.actor, 1)
        first.addWidget(QLabel(self.tr("Use case:")))
        first.addWidget(self.use_case, 1)
        first.addWidget(QLabel(self.tr("Table:")))
        first.addWidget(self.table, 1)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Record:")))
        second.addWidget(self.record, 2)
        second.addWidget(self.dates)
        second.addWidget(self.since)
        second.addWidget(QLabel(self.tr("to")))
        second.addWidget(self.until)
        second.addWidget(self.filter_button)
        form.addRow(first)
        form.addRow(second)

        self.model = AuditEntryModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((COL_SEQ, 60), (COL_AT, 140), (COL_ACTOR, 80), (COL_USE_CASE, 110), (COL_TABLE, 110),
                              (COL_RECORD, 150), (COL_BEFORE, 90), (COL_AFTER, 90)):  # fmt: skip
            self.view.setColumnWidth(column, width)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_button = QPushButton(self.tr("&Verify the chain"))
        self.verify_button.setAutoDefault(False)
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self._export_clicked)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: how many entries there are is not known before they are read
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.cancel_button = QPushButton(self.tr("&Cancel verification"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.busy)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._fill_choices()
        self.reload()
        screen_fit.fit_on_show(self, (980, 600), remember="auditLog")

    def _fill_choices(self) -> None:
        for box, column in ((self.actor, "actor"), (self.use_case, "use_case"), (self.table, "tbl")):
            box.clear()
            box.addItem(self.tr("(all)"), "")
            for value in audit_service.filter_values(self.trail, column, actor=self.session.actor):
                box.addItem(value or "—", value)

    def entry_filter(self) -> EntryFilter:
        since = until = ""
        if self.dates.isChecked():
            since = self._utc(self.since.date())
            until = self._utc(self.until.date().addDays(1))
        return EntryFilter(
            actor=self.actor.currentData() or "",
            use_case=self.use_case.currentData() or "",
            table=self.table.currentData() or "",
            record=self.record.text().strip(),
            since=since,
            until=until,
        )

    @staticmethod
    def _utc(day: QDate) -> str:
        local = datetime.combine(day.toPython(), time()).astimezone()  # the computer's day, as every plant date
        return local.astimezone(UTC).isoformat(timespec="microseconds")

    def reload(self) -> None:
        entries = audit_service.browse(self.trail, self.entry_filter(), actor=self.session.actor, limit=LIMIT)
        self.model.set_entries(entries)
        if len(entries) >= LIMIT:
            self.status.setText(
                self.tr("Showing the newest {count} entries; narrow the filter or export.").format(count=LIMIT)
            )
        elif not self.last_verification:
            self.status.setText(self.tr("{count} entries.").format(count=len(entries)))

    # ------------------------------------------------------------------ work in the background

    def verify(self) -> Job | None:
        """Start verifying the chain in the background (None if work is running already); the result is shown
        and ``verified`` emitted when it is done."""
        if self.job is not None:
            return None
        trail, actor = self.trail, self.session.actor

        def work(job: Job) -> Verification:
            def progress(count: int) -> None:
                if job.is_cancelled():
                    raise _VerifyCancelled
                job.report(count, 0)

            return audit_service.verify(trail, actor=actor, progress=progress)

        job = Job(work, cancel_exceptions=(_VerifyCancelled,), name="audit verification")
        self._connect(job.signals.finished, job, self._verified)
        self._connect(job.signals.cancelled, job, self._verify_cancelled)
        self._connect(job.signals.progress, job, self._progressed)
        self._connect(job.signals.failed, job, self._failed)
        self._begin(job, self.tr("Verifying the chain and every record…"), cancellable=True)
        return job

    def _verified(self, result: object) -> None:
        assert isinstance(result, Verification)
        self.last_verification = result
        self.status.setText(verification_text(result))
        self.status.setStyleSheet("color: #2e7d32;" if result.ok else "color: #c62828; font-weight: bold;")
        first = result.first
        self.model.mark_broken(first.seq if first else None)
        if first is not None and first.seq is not None:
            row = self.model.row_of(first.seq, first.table, first.record)
            if row is not None:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
        self.verified.emit(result)

    def _verify_cancelled(self) -> None:
        self.status.setText(self.tr("Verification cancelled; nothing was checked to the end."))
        self.status.setStyleSheet("")

    def _progressed(self, done: int, _total: int) -> None:
        self.status.setText(self.tr("Verifying… {count} entries checked.").format(count=done))

    def _failed(self, exc: object) -> None:
        from hazard_desktop.domain.errors import DomainError

        exporting = self.job is not None and self.job.name == "audit export"
        if isinstance(exc, DomainError):
            self.status.setText(messages.error_text(exc, "audit"))
        elif isinstance(exc, OSError) and exporting:
            self.status.setText(self.tr("The trail could not be exported: {detail}").format(detail=str(exc)))
        elif isinstance(exc, OSError):
            self.status.setText(self.tr("The trail could not be read: {detail}").format(detail=str(exc)))
        else:  # a program error: logged with its traceback, said in one sentence
            log.error("audit log work failed", exc_info=exc if isinstance(exc, BaseException) else None)
            self.status.setText(self.tr("The work failed unexpectedly; the log file has the details."))
        self.status.setStyleSheet("color: #c62828;")
        if exporting:
            self.exported.emit(None)

    def cancel(self) -> None:
        """Ask a running verification to stop (an export runs to its end)."""
        if self.job is not None:
            self.job.cancel()

    def _connect(self, signal: object, job: Job, slot: Callable[..., None]) -> None:
        """Connect ``slot`` to a job's signal so that it runs only while ``job`` is this window's work: once
        the window has closed (``_detach``) nothing reaches its widgets."""
        signal.connect(lambda *args: slot(*args) if self.job is job else None)  # type: ignore[attr-defined]

    def _begin(self, job: Job, text: str, *, cancellable: bool) -> None:
        self.job = job
        self._connect(job.signals.done, job, self._ended)
        self.verify_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.busy.show()
        self.cancel_button.setVisible(cancellable)
        self.status.setText(text)
        self.status.setStyleSheet("")
        start(job)

    def _ended(self) -> None:
        self.job = None
        self.verify_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.busy.hide()
        self.cancel_button.hide()
        self.work_done.emit()

    def _detach(self) -> None:
        """The window closes: a verification is cancelled, an export finishes on its own; neither reports here."""
        job, self.job = self.job, None
        if job is None:
            return
        job.cancel()
        if job.name == "audit export":
            job.signals.failed.connect(lambda exc: log.error("audit export failed after its window closed: %s", exc))

    def done(self, result: int) -> None:  # noqa: D102 - QDialog.done: every way of closing the window
        self._detach()
        super().done(result)

    def _export_clicked(self) -> None:
        from hazard_desktop.ui.file_dialogs import FileKind, save_file

        default = self.tr("audit-trail-{day}.csv").format(day=datetime.now().strftime("%Y%m%d"))
        title, filters = self.tr("Export the audit trail"), self.tr("CSV (*.csv);;JSON (*.json)")
        path, chosen = save_file(self, self.context, FileKind.AUDIT, title, default, filters)
        if path is None:
            return
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_name(path.name + (".json" if "json" in chosen.lower() else ".csv"))
        self.export(path)

    def export(self, path: Path) -> Job | None:
        """Start writing the entries the filter selects (all of them, with their chain) to ``path`` in the
        background; a wrong suffix or a missing folder is refused at once (None, said in the status line)."""
        from hazard_desktop.domain.errors import DomainError

        if self.job is not None:
            return None
        try:
            audit_service.check_export_target(path)
        except DomainError as exc:
            self.status.setText(messages.error_text(exc, "audit"))
            self.status.setStyleSheet("color: #c62828;")
            return None
        trail, actor, entry_filter = self.trail, self.session.actor, self.entry_filter()
        job = Job(lambda _job: audit_service.export(trail, path, entry_filter, actor=actor), name="audit export")
        self._connect(job.signals.finished, job, lambda count: self._exported(count, path))
        self._connect(job.signals.failed, job, self._failed)
        self._begin(job, self.tr("Exporting the trail to {path}…").format(path=path), cancellable=False)
        return job

    def _exported(self, count: object, path: Path) -> None:
        self.status.setText(
            self.tr("{count} entries exported with their chain to {path}").format(count=count, path=path)
        )
        self.status.setStyleSheet("")
        self.exported.emit(count)

    @classmethod
    def ask(cls, parent: QWidget, context: AppContext) -> None:
        dialog = cls(context, parent)
        dialog.exec()

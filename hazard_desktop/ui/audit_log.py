"""Tools → 审计日志: browse the audit trail with filters, verify the chain (first break shown), export it.

The trail is written by the storage in each write's own transaction (``adapters/audit.py``); this window
only reads it through ``context.audit()`` (the ``AuditTrail`` port, ``services/audit.py``).
"""

from __future__ import annotations

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
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.audit import Entry, EntryFilter, Finding, Verification
from hazard_desktop.services import audit as audit_service
from hazard_desktop.ui import messages
from hazard_desktop.ui.widgets import screen_fit

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

    def row_of(self, seq: int) -> int | None:
        return next((i for i, e in enumerate(self._entries) if e.seq == seq), None)

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


class AuditLogDialog(QDialog):
    """Browse, filter, verify, export. Attributes for tests: ``model``, ``view``, the filter widgets,
    ``filter_button``, ``verify_button``, ``export_button``, ``status``, ``last_verification``."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.audit is not None
        self.trail: AuditTrail = context.audit()
        self.session = context.session
        self.data_dir = context.data_dir
        self.last_verification: Verification | None = None
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
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
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

    def verify(self) -> Verification:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = audit_service.verify(self.trail, actor=self.session.actor)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.last_verification = result
        self.status.setText(verification_text(result))
        self.status.setStyleSheet("color: #2e7d32;" if result.ok else "color: #c62828; font-weight: bold;")
        first = result.first
        self.model.mark_broken(first.seq if first else None)
        if first is not None and first.seq is not None:
            row = self.model.row_of(first.seq)
            if row is not None:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
        return result

    def _export_clicked(self) -> None:
        default = self.data_dir / self.tr("audit-trail-{day}.csv").format(day=datetime.now().strftime("%Y%m%d"))
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), str(default), self.tr("CSV (*.csv);;JSON (*.json)")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".json"):
            path = path.with_name(path.name + (".json" if "json" in chosen.lower() else ".csv"))
        self.export(path)

    def export(self, path: Path) -> int | None:
        """Write the entries the filter selects (all of them, with their chain) to ``path``."""
        from hazard_desktop.domain.errors import DomainError

        try:
            count = audit_service.export(self.trail, path, self.entry_filter(), actor=self.session.actor)
        except DomainError as exc:
            self.status.setText(messages.error_text(exc, "audit"))
            self.status.setStyleSheet("color: #c62828;")
            return None
        except OSError as exc:
            self.status.setText(self.tr("The trail could not be exported: {detail}").format(detail=str(exc)))
            self.status.setStyleSheet("color: #c62828;")
            return None
        self.status.setText(
            self.tr("{count} entries exported with their chain to {path}").format(count=count, path=path)
        )
        self.status.setStyleSheet("")
        return count

    @classmethod
    def ask(cls, parent: QWidget, context: AppContext) -> None:
        dialog = cls(context, parent)
        dialog.exec()


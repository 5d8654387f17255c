"""File → 导入台账: confirm the columns, look at every row's fate and problems, then import in one go.

The dialog asks and shows; the rules are ``services.ledger_import``'s. Every change of the mapping or
the options previews again (reads only). Import runs in a worker with a progress dialog; cancelling
rolls the one transaction back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.ledger import LedgerField
from hazard_desktop.domain.reference import namesake_numbers
from hazard_desktop.services import ledger_import as li
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.ledger_messages import problem_text
from hazard_desktop.ui.messages import error_text
from hazard_desktop.ui.widgets import screen_fit
from hazard_desktop.ui.workers import Job, start

CONTEXT = "LedgerImport"
FIELD_LABELS: dict[LedgerField | None, str] = {
    None: QT_TRANSLATE_NOOP("LedgerImport", "(not imported)"),
    LedgerField.SERIAL: QT_TRANSLATE_NOOP("LedgerImport", "Serial no. (ignored)"),
    LedgerField.LEGACY_NUMBER: QT_TRANSLATE_NOOP("LedgerImport", "Old number"),
    LedgerField.DESCRIPTION: QT_TRANSLATE_NOOP("LedgerImport", "Description"),
    LedgerField.LOCATION: QT_TRANSLATE_NOOP("LedgerImport", "Place"),
    LedgerField.DEPARTMENT: QT_TRANSLATE_NOOP("LedgerImport", "Department"),
    LedgerField.FOUND_ON: QT_TRANSLATE_NOOP("LedgerImport", "Date found"),
    LedgerField.FOUND_BY: QT_TRANSLATE_NOOP("LedgerImport", "Found by"),
    LedgerField.CATEGORY: QT_TRANSLATE_NOOP("LedgerImport", "Category"),
    LedgerField.GRADE: QT_TRANSLATE_NOOP("LedgerImport", "Old grade (kept as text)"),
    LedgerField.MEASURES: QT_TRANSLATE_NOOP("LedgerImport", "Rectification measures"),
    LedgerField.RESPONSIBLE: QT_TRANSLATE_NOOP("LedgerImport", "Person responsible"),
    LedgerField.DEADLINE: QT_TRANSLATE_NOOP("LedgerImport", "Deadline"),
    LedgerField.COMPLETION: QT_TRANSLATE_NOOP("LedgerImport", "Completion"),
    LedgerField.COMPLETED_ON: QT_TRANSLATE_NOOP("LedgerImport", "Date completed"),
    LedgerField.REMARKS: QT_TRANSLATE_NOOP("LedgerImport", "Remarks"),
    LedgerField.LIKELIHOOD: QT_TRANSLATE_NOOP("LedgerImport", "L (likelihood)"),
    LedgerField.EXPOSURE: QT_TRANSLATE_NOOP("LedgerImport", "E (exposure)"),
    LedgerField.CONSEQUENCE: QT_TRANSLATE_NOOP("LedgerImport", "C (consequence)"),
    LedgerField.SCORE: QT_TRANSLATE_NOOP("LedgerImport", "D (score)"),
}
STATUS_LABELS = {
    li.RowStatus.NEW: QT_TRANSLATE_NOOP("LedgerImport", "New"),
    li.RowStatus.KNOWN: QT_TRANSLATE_NOOP("LedgerImport", "Imported before"),
    li.RowStatus.REFUSED: QT_TRANSLATE_NOOP("LedgerImport", "Refused"),
}
REFUSED_BRUSH = QColor("#fde2e1")
WARNED_BRUSH = QColor("#fff4cc")
KNOWN_BRUSH = QColor("#eeeeee")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as Excel names columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class PreviewModel(QAbstractTableModel):
    """Every data row of the preview: its Excel row, fate, old number, date, department, text, D, problems."""

    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerImport", "Row"),
        QT_TRANSLATE_NOOP("LedgerImport", "Result"),
        QT_TRANSLATE_NOOP("LedgerImport", "Old number"),
        QT_TRANSLATE_NOOP("LedgerImport", "Date found"),
        QT_TRANSLATE_NOOP("LedgerImport", "Department"),
        QT_TRANSLATE_NOOP("LedgerImport", "Description"),
        QT_TRANSLATE_NOOP("LedgerImport", "D"),
        QT_TRANSLATE_NOOP("LedgerImport", "Problems"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[li.PreviewRow] = []

    def set_rows(self, rows: list[li.PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> li.PreviewRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (5, 7):
            return self._text(row, index.column()) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.status is li.RowStatus.REFUSED:
                return QBrush(REFUSED_BRUSH)
            if row.status is li.RowStatus.KNOWN:
                return QBrush(KNOWN_BRUSH)
            if row.problems:
                return QBrush(WARNED_BRUSH)
        return None

    @staticmethod
    def _text(row: li.PreviewRow, column: int) -> str:
        if column == 0:
            return str(row.row_no)
        if column == 1:
            return _tr(STATUS_LABELS[row.status])
        if column == 2:
            return row.legacy_number
        if column == 3:
            if row.found_on is None:
                return ""
            return row.found_on.isoformat() + (f" {row.found_time:%H:%M}" if row.found_time else "")
        if column == 4:
            return row.department_name
        if column == 5:
            return row.description
        if column == 6:
            return "" if row.score is None else format(row.score, "f")
        return "；".join(problem_text(p.code, p.params) for p in row.problems)


class LedgerImportDialog(QDialog):
    """Map the columns, preview every row, import. ``imported`` is emitted with the result."""

    imported = Signal(object)

    def __init__(
        self,
        context: AppContext,
        workbook: li.LedgerWorkbook,
        mapping: li.LedgerMapping,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerImportDialog")
        self.setWindowTitle(self.tr("Import a ledger"))
        self.context = context
        self.workbook = workbook
        self.mapping = mapping
        self.today = today
        self.preview: li.LedgerPreview | None = None
        self.result: li.ImportResult | None = None
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.choices = li.import_choices(context.uow())
        self._filling = False

        layout = QVBoxLayout(self)
        self.file_label = QLabel(self.tr("File: {name}").format(name=workbook.source_name))
        self.file_label.setObjectName("ledgerFile")
        layout.addWidget(self.file_label)

        form = QFormLayout()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("ledgerSheet")
        for sheet in workbook.sheets:
            self.sheet_combo.addItem(sheet.name)
        self.sheet_combo.setCurrentIndex(mapping.sheet_index)
        self.start_spin = QSpinBox()
        self.start_spin.setObjectName("ledgerDataStart")
        self.start_spin.setRange(1, max(1, len(workbook.sheets[mapping.sheet_index].rows)))
        self.start_spin.setValue(mapping.data_start + 1)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo, 1)
        sheet_row.addWidget(QLabel(self.tr("Data starts at row")))
        sheet_row.addWidget(self.start_spin)
        form.addRow(self.tr("Sheet"), sheet_row)

        self.recorder_combo = QComboBox()
        self.recorder_combo.setObjectName("ledgerRecorder")
        numbers = namesake_numbers(self.choices.people)  # namesakes of one department: told apart by their 工号
        for person in self.choices.people:
            self.recorder_combo.addItem(numbered_name(person.name, numbers.get(person.id)), person.id)
        if self.choices.recorder_id is not None:
            self.recorder_combo.setCurrentIndex(self.recorder_combo.findData(self.choices.recorder_id))
        self.department_combo = QComboBox()
        self.department_combo.setObjectName("ledgerDepartment")
        self.department_combo.addItem(self.tr("(none: refuse rows without one)"), None)
        for department in self.choices.departments:
            self.department_combo.addItem(department.name, department.id)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("ledgerCategory")
        self.category_combo.addItem(self.tr("(none: refuse rows without one)"), None)
        for category in self.choices.categories:
            self.category_combo.addItem(f"{category.code} {category.name_zh}", category.code)
        options_row = QHBoxLayout()
        options_row.addWidget(self.recorder_combo, 1)
        options_row.addWidget(QLabel(self.tr("Department if none")))
        options_row.addWidget(self.department_combo, 1)
        options_row.addWidget(QLabel(self.tr("Category if none")))
        options_row.addWidget(self.category_combo, 1)
        form.addRow(self.tr("Recorded by"), options_row)
        layout.addLayout(form)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("ledgerMapping")
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"), self.tr("Imported as")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        splitter.addWidget(self.mapping_table)

        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("ledgerSummary")
        self.summary.setWordWrap(True)
        self.problems_only = QCheckBox(self.tr("Only rows with problems"))
        self.problems_only.setObjectName("ledgerProblemsOnly")
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.problems_only)
        preview_layout.addLayout(summary_row)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("ledgerPreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        preview_layout.addWidget(self.table)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("ledgerImport")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.run_import)
        layout.addWidget(self.buttons)

        self._fill_mapping()
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.start_spin.valueChanged.connect(self._start_changed)
        for combo in (self.recorder_combo, self.department_combo, self.category_combo):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.problems_only.toggled.connect(self._show_rows)
        self.refresh_preview()
        screen_fit.fit_window(self, QSize(1100, 680), remember="ledgerImport")

    # ------------------------------------------------------------------ mapping

    def _fill_mapping(self) -> None:
        self._filling = True
        sheet = self.workbook.sheets[self.mapping.sheet_index]
        width = max([len(r) for r in sheet.rows[: self.mapping.data_start + 20]] + [len(self.mapping.names), 1])
        while width > 1 and not self._column_used(width - 1):
            width -= 1
        self.mapping_table.setRowCount(width)
        for column in range(width):
            self.mapping_table.setItem(column, 0, QTableWidgetItem(column_letter(column)))
            self.mapping_table.setItem(column, 1, QTableWidgetItem(self._header_name(column)))
            combo = QComboBox()
            combo.setObjectName(f"ledgerField{column}")
            for field, label in FIELD_LABELS.items():
                combo.addItem(_tr(label), field)
            combo.setCurrentIndex(combo.findData(self.mapping.columns.get(column)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(column, 2, combo)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.resizeColumnToContents(2)
        self._filling = False

    def _column_used(self, column: int) -> bool:
        sheet = self.workbook.sheets[self.mapping.sheet_index]
        if column in self.mapping.columns or (column < len(self.mapping.names) and self.mapping.names[column]):
            return True
        rows = sheet.rows[self.mapping.data_start : self.mapping.data_start + 50]
        return any(column < len(r) and r[column] not in (None, "") for r in rows)

    def _header_name(self, column: int) -> str:
        if column < len(self.mapping.names) and self.mapping.names[column]:
            return self.mapping.names[column]
        sheet = self.workbook.sheets[self.mapping.sheet_index]
        above = self.mapping.data_start - 1
        if 0 <= above < len(sheet.rows) and column < len(sheet.rows[above]):
            value = sheet.rows[above][column]
            return "" if value is None else str(value)
        return ""

    def field_combo(self, column: int) -> QComboBox:
        widget = self.mapping_table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def _mapping_changed(self) -> None:
        if self._filling:
            return
        columns: dict[int, LedgerField] = {}
        for column in range(self.mapping_table.rowCount()):
            field = self.field_combo(column).currentData()
            if field is not None:
                columns[column] = LedgerField(field)
        self.mapping = li.LedgerMapping(self.mapping.sheet_index, self.mapping.data_start, columns, self.mapping.names)
        self.refresh_preview()

    def _sheet_changed(self, index: int) -> None:
        self.mapping = li.mapping_for_sheet(self.workbook, index)
        self.start_spin.blockSignals(True)
        self.start_spin.setRange(1, max(1, len(self.workbook.sheets[index].rows)))
        self.start_spin.setValue(self.mapping.data_start + 1)
        self.start_spin.blockSignals(False)
        self._fill_mapping()
        self.refresh_preview()

    def _start_changed(self, value: int) -> None:
        self.mapping = li.LedgerMapping(self.mapping.sheet_index, value - 1, self.mapping.columns, ())
        self._fill_mapping()
        self.refresh_preview()

    # ------------------------------------------------------------------ preview

    def options(self) -> li.ImportOptions | None:
        recorder = self.recorder_combo.currentData()
        if recorder is None:
            return None
        return li.ImportOptions(recorder, self.department_combo.currentData(), self.category_combo.currentData())

    def refresh_preview(self) -> None:
        """Preview again with the mapping and options as they stand (reads only)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._preview()
        finally:
            QApplication.restoreOverrideCursor()

    def _preview(self) -> None:
        options = self.options()
        self.preview = None
        try:
            if options is None:
                raise DomainError("ledger_no_people")
            self.preview = li.preview_ledger(self.context.uow(), self.workbook, self.mapping, options, self.today)
        except DomainError as exc:
            self.summary.setText(error_text(exc, "ledger"))
            self.summary.setStyleSheet("color: #b3261e;")
            self.model.set_rows([])
            self.import_button.setEnabled(False)
            return
        self.summary.setStyleSheet("")
        new = self.preview.count(li.RowStatus.NEW)
        known = self.preview.count(li.RowStatus.KNOWN)
        refused = self.preview.count(li.RowStatus.REFUSED)
        warned = sum(1 for r in self.preview.rows if r.status is li.RowStatus.NEW and r.problems)
        text = self.tr("{new} new (of them {warned} with notes), {known} imported before, {refused} refused.").format(
            new=new, warned=warned, known=known, refused=refused
        )
        if not new:
            text += " " + self.tr("Nothing to import.")
        self.summary.setText(text)
        self.import_button.setText(self.tr("Import %n row(s)", "", new))
        self.import_button.setEnabled(new > 0)
        self._show_rows()

    def _show_rows(self) -> None:
        rows = list(self.preview.rows) if self.preview is not None else []
        if self.problems_only.isChecked():
            rows = [r for r in rows if r.problems]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if self.table.columnWidth(5) > 360:
            self.table.setColumnWidth(5, 360)

    # ------------------------------------------------------------------ import

    def run_import(self) -> Job | None:
        """Import the new rows in one transaction, in a worker, with a progress dialog."""
        options = self.options()
        if self.preview is None or options is None or self.job is not None:
            return None
        context, workbook, mapping, today = self.context, self.workbook, self.mapping, self.today

        def work(job: Job) -> li.ImportResult:
            def progress(done: int, total: int) -> bool:
                job.report(done, total)
                return not job.is_cancelled()

            return li.import_ledger(context.uow(), workbook, mapping, options, progress, today)

        job = Job(work, name="ledger import")
        dialog = QProgressDialog(self.tr("Importing the ledger…"), self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("ledgerProgress")
        dialog.setWindowTitle(self.tr("Import a ledger"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.signals.progress.connect(self._progressed)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.done.connect(self._done)
        self.progress = dialog
        self.job = job
        self.import_button.setEnabled(False)
        dialog.setValue(0)
        return start(job)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _finished(self, result: object) -> None:
        assert isinstance(result, li.ImportResult)
        self.result = result
        self.imported.emit(result)
        if result.batch_id is None:
            text = self.tr("Nothing new: every row was imported before or has problems. Nothing was changed.")
        else:
            text = self.tr(
                "{new} hazards imported ({first} … {last}); {known} imported before, {refused} refused."
            ).format(
                new=result.imported,
                first=result.numbers[0],
                last=result.numbers[-1],
                known=result.known,
                refused=result.refused,
            )
        self.done_text = text
        self.accept()

    def _failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.summary.setText(error_text(exc, "ledger"))
        self.summary.setStyleSheet("color: #b3261e;")
        self.refresh_preview_keep_message(error_text(exc, "ledger"))

    def refresh_preview_keep_message(self, message: str) -> None:
        self.refresh_preview()
        self.summary.setText(message)
        self.summary.setStyleSheet("color: #b3261e;")

    def _done(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None
        self.job = None


def import_ledger_file(
    parent: QWidget | None, context: AppContext, path: Path, *, today: dt.date | None = None
) -> LedgerImportDialog | None:
    """Read ``path`` and open the import dialog on it; a bad file is explained and nothing opens."""
    assert context.ledger_reader is not None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a ledger of thousands of rows reads in seconds
    try:
        workbook = context.ledger_reader().read(path)
    except DomainError as exc:
        refused: DomainError | None = exc
    else:
        refused = None
    finally:
        QApplication.restoreOverrideCursor()
    if refused is not None:
        title = QCoreApplication.translate("LedgerImport", "Import a ledger")
        QMessageBox.warning(parent, title, error_text(refused, "ledger"))
        return None
    try:
        mapping = li.guess_mapping(workbook)
    except DomainError:  # no header recognised: the user maps the columns of the first sheet
        mapping = li.mapping_for_sheet(workbook, 0)
    return LedgerImportDialog(context, workbook, mapping, parent, today=today)

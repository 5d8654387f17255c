"""Detail pane section: where an imported hazard came from, and what the old ledger said of it.

The old ledger's LEC values are shown as what they are — history from a file, not a panel's grading —
and its other fields (整改措施, 责任人, 整改期限, 完成情况 …) as written, since the register has no place
for them on a hazard that has not gone through the rectification loop.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.labels import localized

if TYPE_CHECKING:  # the window's start loads no ledger rules
    from hazard_desktop.domain.ledger import LedgerOrigin

KEPT_LABELS = {
    "found_by": QT_TRANSLATE_NOOP("LedgerImport", "Found by"),
    "grade": QT_TRANSLATE_NOOP("LedgerImport", "Old grade (kept as text)"),
    "measures": QT_TRANSLATE_NOOP("LedgerImport", "Rectification measures"),
    "responsible": QT_TRANSLATE_NOOP("LedgerImport", "Person responsible"),
    "deadline": QT_TRANSLATE_NOOP("LedgerImport", "Deadline"),
    "completion": QT_TRANSLATE_NOOP("LedgerImport", "Completion"),
    "completed_on": QT_TRANSLATE_NOOP("LedgerImport", "Date completed"),
    "remarks": QT_TRANSLATE_NOOP("LedgerImport", "Remarks"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerImport", text)


class LedgerOriginSection(QWidget):
    """Shown for hazards imported from a ledger; hidden for every other hazard."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerOrigin")
        self._context = context
        self.origin: LedgerOrigin | None = None
        self.title = QLabel(self.tr("Imported from an old ledger"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        self.hide()

    def _row(self, label: str, text: str, name: str) -> QLabel:
        value = QLabel(text, self)
        value.setObjectName(name)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(label, value)
        return value

    def show_hazard(self, hazard_id: uuid.UUID | None) -> LedgerOrigin | None:
        """Show the origin of ``hazard_id`` (hidden if it was not imported)."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.origin = None
        if hazard_id is not None:
            from hazard_desktop.services import ledger_import

            try:
                self.origin = ledger_import.ledger_origin(self._context.uow(), hazard_id)
            except Exception as exc:
                if not messages.is_user_error(exc):
                    raise
        origin = self.origin
        self.setVisible(origin is not None)
        if origin is None:
            return None
        source = self.tr("{file} · sheet {sheet} · row {row}").format(
            file=origin.source_name, sheet=origin.sheet_name, row=origin.row_no
        )
        self._row(self.tr("Source:"), source, "ledgerOriginSource")
        if origin.legacy_number:
            self._row(self.tr("Old number:"), origin.legacy_number, "ledgerOriginNumber")
        grading = origin.grading
        if grading is not None:
            if grading.likelihood is not None and grading.exposure is not None and grading.consequence is not None:
                values = f"L {grading.likelihood} × E {grading.exposure} × C {grading.consequence} = D {grading.score}"
            else:
                values = f"D {grading.score}"
            band = localized(grading.band_name_zh, grading.band_name_en)
            if band:
                values += f" ({band})"
            self._row(
                self.tr("Old LEC:"),
                self.tr("{values} — imported history, not a panel's grading").format(values=values),
                "ledgerOriginLec",
            )
        for key, label in KEPT_LABELS.items():
            text = origin.kept.get(key)
            if text:
                self._row(_tr(label) + self.tr(":"), text, f"ledgerOriginKept_{key}")
        return origin

"""核验: check a printed sheet's code against the database.

The code is typed from the paper (``XXXX-XXXX-XXXX``, any case, spaces or dashes anywhere) or comes
from a QR scanner, which types the payload ``HDV1:<code>:<hazard number>`` followed by Enter. The
answer is one of: verified (the database still holds exactly the printed record), altered since
printing, or unknown code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.services import sheets as sheet_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.sheets import VerifyResult, VerifyStatus
from hazard_desktop.ui import formatting, messages
from hazard_desktop.ui.widgets import screen_fit

STATUS_COLOURS = {
    VerifyStatus.VERIFIED: "#1b5e20",
    VerifyStatus.ALTERED: "#b71c1c",
    VerifyStatus.UNKNOWN: "#e65100",
}
ERROR_COLOUR = "#b71c1c"


DETAIL_ROWS = 7  # code, hazard, sheet, first printed, prints, standing, warning


class VerifyDialog(QDialog):
    """Type or scan a sheet's code; the dialog says whether the database still holds that record.

    Use :meth:`ask`; tests call :meth:`verify` with the text.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None, code: str = "") -> None:
        super().__init__(parent)
        self.context = context
        self.result_value: VerifyResult | None = None
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify sheet"))
        self.setMinimumWidth(560)
        screen_fit.fit_on_show(self, remember="verifySheet")

        intro = QLabel(
            self.tr(
                "Type the verification code printed on the sheet (for example 7K3M-Q9XA-2B4C), or scan its QR code."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setPlaceholderText(self.tr("XXXX-XXXX-XXXX or scanned QR code"))
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.setText(code)
        self.verify_button = QPushButton(self.tr("&Verify"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setDefault(True)  # Enter (a scanner ends with it) verifies
        self.verify_button.clicked.connect(lambda: self.verify())
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.verify_button)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.status_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.status_label.setFont(font)
        self.explain_label = QLabel(self)
        self.explain_label.setObjectName("explainLabel")
        self.explain_label.setWordWrap(True)
        self.details = QFrame(self)
        self.details.setObjectName("verifyDetails")
        self.details.setFrameShape(QFrame.Shape.StyledPanel)
        self.details_form = QFormLayout(self.details)
        # A fixed set of rows whose texts change: creating and deleting form rows on every verification
        # crashed once under test (PySide deleting labels Python still referenced).
        self._detail_rows: list[tuple[QLabel, QLabel]] = []
        for _ in range(DETAIL_ROWS):
            name = QLabel(self.details)
            value = QLabel(self.details)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details_form.addRow(name, value)
            self._detail_rows.append((name, value))
        self.details.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in buttons.buttons():
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addSpacing(6)
        layout.addWidget(self.status_label)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.code_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, code: str = "") -> VerifyResult | None:
        """Show the dialog (modal); return the last verification made in it, if any."""
        dialog = cls(context, parent, code)
        if code:
            dialog.verify()
        dialog.exec()
        return dialog.result_value

    def verify(self, text: str | None = None) -> VerifyResult | None:
        """Check ``text`` (default: the field's text); show and return the answer (None: not a code)."""
        if text is not None:
            self.code_edit.setText(text)
        typed = self.code_edit.text().strip()
        if not typed:
            self._show_error(self.tr("Please type or scan a verification code."))
            return None
        try:
            found = sheet_service.verify_code(self.context.uow(), typed)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self._show_error(messages.error_text(exc, "sheet"))
            return None
        self.result_value = found
        self._show(found)
        self.code_edit.selectAll()  # the next scan replaces the text
        return found

    # ------------------------------------------------------------------ display

    def _show_error(self, text: str) -> None:
        self.result_value = None
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.explain_label.clear()
        self.details.hide()

    def _show(self, found: VerifyResult) -> None:
        headline, explanation = self._texts(found)
        self.status_label.setText(headline)
        self.status_label.setStyleSheet(f"color: {STATUS_COLOURS[found.status]};")
        self.explain_label.setText(explanation)
        if found.status is VerifyStatus.UNKNOWN:
            self.details.hide()
            return
        kind = self._kind_text(found.kind)
        rows = [
            (self.tr("Code"), found.code),
            (self.tr("Hazard"), found.hazard_number or "—"),
            (self.tr("Sheet no."), f"{found.sheet_no}  {kind}" if found.sheet_no else kind),
            (
                self.tr("First printed"),
                self.tr("{time} by {who}").format(
                    time=formatting.format_datetime(found.printed_at), who=found.printed_by or "—"
                ),
            ),
            (
                self.tr("Prints"),
                self.tr("{count} (original and {copies} reprints); last {time}").format(
                    count=found.prints,
                    copies=found.copy_no,
                    time=formatting.format_datetime(found.last_printed_at),
                )
                if found.copy_no
                else self.tr("{count}; last {time}").format(
                    count=found.prints, time=formatting.format_datetime(found.last_printed_at)
                ),
            ),
        ]
        statistics = found.kind is SheetKind.STATISTICS
        if statistics:
            rows[1] = (self.tr("Period"), found.sheet_no)
            rows[2] = (self.tr("Report"), kind)
        if (
            found.status is VerifyStatus.VERIFIED
            and not statistics
            and not (found.kind is not None and found.kind.is_form)
        ):
            rows.append(
                (
                    self.tr("Standing"),
                    self.tr("This grading is the one that counts for the hazard.")
                    if found.is_current
                    else self.tr("This grading has since been corrected or replaced by a dispute ruling."),
                )
            )
        if not found.number_matches:
            rows.append(
                (
                    self.tr("Warning"),
                    self.tr("The QR code names hazard {scanned}, but the code belongs to hazard {stored}.").format(
                        scanned=found.scanned_number, stored=found.hazard_number
                    ),
                )
            )
        for index, (name, value) in enumerate(self._detail_rows):
            shown = index < len(rows)
            name.setText(rows[index][0] if shown else "")
            value.setText(rows[index][1] if shown else "")
            self.details_form.setRowVisible(index, shown)
        self.details.show()
        self._grow_to_content()

    def _grow_to_content(self) -> None:
        """The details appear after the window was sized: grow it to show them whole (within the screen)."""
        self.layout().activate()
        wanted = self.size().expandedTo(self.sizeHint()).boundedTo(screen_fit.room(self))
        if wanted != self.size():
            self.resize(wanted)

    def _kind_text(self, kind: SheetKind | None) -> str:
        texts = {
            SheetKind.DISPUTE: self.tr("Dispute ruling sheet (争议裁决表)"),
            SheetKind.NOTICE: self.tr("Rectification notice (隐患整改通知书)"),
            SheetKind.ACCEPTANCE: self.tr("Acceptance form (隐患整改验收单)"),
            SheetKind.PLAN: self.tr("Major hazard treatment plan (重大事故隐患治理方案)"),
            SheetKind.REPORT: self.tr("Major hazard report (重大事故隐患报告)"),
            SheetKind.STATISTICS: self.tr("Statistics report (隐患排查治理统计报表)"),
        }
        return texts.get(kind, self.tr("Grading sheet (隐患分级判定表)")) if kind is not None else ""

    def _texts(self, found: VerifyResult) -> tuple[str, str]:
        if found.status is VerifyStatus.VERIFIED and found.kind is SheetKind.STATISTICS:
            return (
                self.tr("Verified"),
                self.tr(
                    "This statistics report was saved by this program with exactly the figures printed on it "
                    "(the figures of the register when it was made; later entries change them)."
                ),
            )
        if found.status is VerifyStatus.VERIFIED:
            return (
                self.tr("Verified"),
                self.tr("The database holds exactly the record printed on this sheet."),
            )
        if found.status is VerifyStatus.ALTERED:
            if found.missing:
                return (
                    self.tr("Altered since printing"),
                    self.tr("The record printed on this sheet is no longer in the database."),
                )
            if found.kind is not None and found.kind.is_form:
                return (
                    self.tr("Altered since printing"),
                    self.tr(
                        "This form was printed by this program, but the record stored now differs from the one "
                        "printed on it (for example a deadline extended or an acceptance decided since). Do not "
                        "rely on it; print the form again and check the hazard's timeline."
                    ),
                )
            return (
                self.tr("Altered since printing"),
                self.tr(
                    "This sheet was printed by this program, but the record stored now differs from the one "
                    "printed on it. Do not rely on the sheet; check the grading history."
                ),
            )
        return (
            self.tr("Unknown code"),
            self.tr("No sheet with the code {code} was printed or saved by this program.").format(code=found.code),
        )

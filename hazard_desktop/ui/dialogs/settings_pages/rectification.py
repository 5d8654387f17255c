"""Tab 整改: the plant's own wording of the five 五定 labels and the default deadlines of general hazards by band.

The labels appear in the 五定 dialog and on the printed notice; left all empty, the program's own (translated)
labels are used. A default deadline of 0 days is 立即整改 (the day it is assigned); a major hazard's
deadline is always its treatment plan's time limit.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.rectification import MAX_DEADLINE_DAYS, DeadlineDefaults, FiveLabels, RectificationSettings
from hazard_desktop.services import rectification, reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import labels, messages
from hazard_desktop.ui.dialogs.settings_pages.common import MessageLine


class RectificationPage(QWidget):
    """The five 五定 labels and the default deadlines."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True
        from hazard_desktop.ui.rectification.dialogs import five_label_texts

        defaults = five_label_texts(None).as_tuple()
        names = (
            self.tr("Responsibility (定责任)"),
            self.tr("Measures (定措施)"),
            self.tr("Funds (定资金)"),
            self.tr("Time limit (定时限)"),
            self.tr("Contingency (定预案)"),
        )
        labels_box = QGroupBox(self.tr("The five 五定 labels"), self)
        labels_form = QFormLayout(labels_box)
        self.label_edits: list[QLineEdit] = []
        for n, (name, default) in enumerate(zip(names, defaults, strict=True)):
            edit = QLineEdit(labels_box)
            edit.setObjectName(f"fiveLabel{n + 1}")
            edit.setPlaceholderText(default)
            edit.setMaxLength(40)
            labels_form.addRow(name, edit)
            self.label_edits.append(edit)
        hint = QLabel(self.tr("Leave all five empty to use the program's labels (shown in grey)."), labels_box)
        hint.setWordWrap(True)
        labels_form.addRow(hint)

        self.deadline_box = QGroupBox(self.tr("Default deadline of a general hazard, by danger band"), self)
        self.deadline_form = QFormLayout(self.deadline_box)
        self.day_spins: dict[str, QSpinBox] = {}
        self.no_band: QSpinBox | None = None
        self.message = MessageLine(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveRectification")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(labels_box)
        layout.addWidget(self.deadline_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.reload()

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, MAX_DEADLINE_DAYS)
        spin.setSuffix(self.tr(" days"))
        spin.setSpecialValueText(self.tr("immediately"))
        spin.setMinimumWidth(110)
        return spin

    def reload(self) -> None:
        """Show the stored settings (and one field per band of the stored threshold sets)."""
        settings = rectification.load_settings(self.context.uow())
        _scales, sets = reference_queries.lec_tables(self.context.uow())
        bands = labels.band_labels(sets)
        while self.deadline_form.rowCount():
            self.deadline_form.removeRow(0)  # deletes its label and spin box
        self.day_spins = {}
        for code, band in bands.items():
            spin = self._spin(f"days_{code}")
            spin.setValue(settings.deadlines.days_for(code))
            self.deadline_form.addRow(labels.mnemonic_safe(band.name), spin)
            self.day_spins[code] = spin
        self.no_band = self._spin("noBandDays")
        self.no_band.setValue(settings.deadlines.no_band)
        self.deadline_form.addRow(self.tr("No band (graded without LEC)"), self.no_band)
        texts = settings.labels.as_tuple() if settings.labels is not None else ("",) * 5
        for edit, text in zip(self.label_edits, texts, strict=True):
            edit.setText(text)
        self.stale = False

    def current(self) -> RectificationSettings:
        texts = [edit.text().strip() for edit in self.label_edits]
        five = None if not any(texts) else FiveLabels(*texts)
        deadlines = DeadlineDefaults(
            by_band=tuple((code, spin.value()) for code, spin in self.day_spins.items()),
            no_band=self.no_band.value() if self.no_band is not None else 0,
        )
        return RectificationSettings(five, deadlines)

    def save(self) -> RectificationSettings | None:
        self.message.clear_message()
        try:
            stored = rectification.save_settings(self.context.uow(), self.current())
        except Exception as exc:
            if not isinstance(exc, DomainError) and not messages.is_user_error(exc):
                raise
            self.message.show_error(messages.error_text(exc, "rectification"))
            return None
        self.message.show_info(self.tr("Rectification settings saved."))
        self.changed.emit()
        return stored

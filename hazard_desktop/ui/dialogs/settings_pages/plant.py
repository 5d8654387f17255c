"""Tab 工厂设置: the plant name printed on the sheets and the decimals shown for D."""

from __future__ import annotations

from fractions import Fraction

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

from hazard_desktop.domain.lec import format_fraction
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.reference_admin import PlantSettings
from hazard_desktop.ui.dialogs.settings_pages.common import MessageLine, run_action

_EXAMPLE = Fraction(61, 3)  # a panel mean: (20 + 20 + 21) ÷ 3


class PlantPage(QWidget):
    """Plant name and number format."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True

        self.name_edit = QLineEdit(self)
        self.name_edit.setMinimumWidth(520)
        self.decimals_spin = QSpinBox(self)
        self.decimals_spin.setRange(reference_admin.DECIMALS_MIN, reference_admin.DECIMALS_MAX)
        self.decimals_spin.setMinimumWidth(80)
        self.example_label = QLabel(self)
        self.message = MessageLine(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)

        box = QGroupBox(self.tr("Plant"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Plant name"), self.name_edit)
        name_hint = QLabel(
            self.tr("Printed at the top of every sheet (at most %1 characters).").replace(
                "%1", str(reference_admin.PLANT_NAME_MAX)
            ),
            self,
        )
        form.addRow("", name_hint)
        form.addRow(self.tr("Decimals shown for D"), self.decimals_spin)
        form.addRow("", self.example_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.decimals_spin.valueChanged.connect(self._show_example)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        """Show the stored settings."""
        settings = reference_admin.get_settings(self.context.uow())
        self._stored = settings
        self.name_edit.setText(settings.plant_name)
        self.decimals_spin.setValue(settings.decimals)
        self._show_example()
        self.stale = False

    def has_unsaved(self) -> bool:
        """True if the name or the decimals differ from what is stored (the dialog asks before leaving)."""
        stored = self._stored
        return self.name_edit.text().strip() != stored.plant_name or self.decimals_spin.value() != stored.decimals

    def _show_example(self) -> None:
        text = self.tr("Example: a panel mean of 61/3 is shown as %1; exact values are always kept.")
        self.example_label.setText(text.replace("%1", format_fraction(_EXAMPLE, self.decimals_spin.value())))

    def save(self) -> PlantSettings | None:
        """Store both settings (neither if one is refused)."""
        self.message.clear_message()
        stored = run_action(
            self.message,
            lambda: reference_admin.save_plant_settings(
                self.context.uow(), self.name_edit.text(), self.decimals_spin.value()
            ),
        )
        if stored is None:
            return None
        self._stored = stored
        self.name_edit.setText(stored.plant_name)
        self.message.show_info(self.tr("Plant settings saved."))
        self.changed.emit()
        return stored

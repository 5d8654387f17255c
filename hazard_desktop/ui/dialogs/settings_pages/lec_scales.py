"""Tab LEC 取值表: tables D.1–D.3; each value's Chinese and English meaning is editable, the values are not."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from hazard_desktop.domain.lec import Factor, ScaleValue, format_decimal
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.settings_pages.common import (
    ALIGNMENT_ROLE,
    DISPLAY_ROLE,
    RIGHT_ALIGN,
    TOOLTIP_ROLE,
    RowsTableModel,
    SettingsEditorPage,
    factor_label,
    factor_short_label,
)

COL_FACTOR = 0
COL_VALUE = 1
COL_MEANING_ZH = 2
COL_MEANING_EN = 3


def scale_key(value: ScaleValue) -> tuple[str, Decimal]:
    """What identifies a scale row: its factor and value."""
    return (value.factor.value, value.value)


class ScaleTableModel(RowsTableModel):
    """Scale values of L, E and C with their meanings."""

    def headers(self) -> Sequence[str]:
        return [self.tr("Factor"), self.tr("Value"), self.tr("Chinese meaning"), self.tr("English meaning")]

    def row_id(self, row: Any) -> Any:
        return scale_key(row)

    def cell(self, row: ScaleValue, column: int, role: int) -> Any:
        if role == TOOLTIP_ROLE and column == COL_FACTOR:
            return factor_label(row.factor)
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            if column == COL_FACTOR:
                return factor_short_label(row.factor)
            if column == COL_VALUE:
                return format_decimal(row.value)
            if column == COL_MEANING_ZH:
                return row.meaning_zh
            if column == COL_MEANING_EN:
                return row.meaning_en
        if role == ALIGNMENT_ROLE and column == COL_VALUE:
            return RIGHT_ALIGN
        return None


class ScalesPage(SettingsEditorPage):
    """The values of L (D.1), E (D.2) and C (D.3) and what each means."""

    can_add = False

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self._factor: Factor | None = None
        self._value: Decimal | None = None
        super().__init__(context, ScaleTableModel(), parent)
        self.editor.setTitle(self.tr("Scale value"))
        self.factor_label = QLabel(self)
        self.factor_label.setWordWrap(True)
        self.value_label = QLabel(self)
        self.meaning_zh_edit = QLineEdit(self)
        self.meaning_zh_edit.setMaxLength(reference_admin.MEANING_ZH_MAX)
        self.meaning_en_edit = QLineEdit(self)
        self.meaning_en_edit.setMaxLength(reference_admin.MEANING_EN_MAX)
        hint = QLabel(
            self.tr(
                "The values are fixed by the rule (D = L × E × C); only their meanings, shown to the "
                "scorers and printed on the sheets, can be edited."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.form.addRow(self.tr("Factor"), self.factor_label)
        self.form.addRow(self.tr("Value"), self.value_label)
        self.form.addRow(self.tr("Chinese meaning"), self.meaning_zh_edit)
        self.form.addRow(self.tr("English meaning"), self.meaning_en_edit)
        self.form.addRow(hint)
        self.finish_setup(stretch_column=COL_MEANING_EN)

    def load_rows(self) -> Sequence[ScaleValue]:
        return reference_admin.list_scale_values(self.context.uow())

    def fill_form(self, row: ScaleValue) -> None:
        self._factor, self._value = row.factor, row.value
        self.factor_label.setText(factor_label(row.factor))
        self.value_label.setText(format_decimal(row.value))
        self.meaning_zh_edit.setText(row.meaning_zh)
        self.meaning_en_edit.setText(row.meaning_en)
        self.save_button.setEnabled(True)

    def clear_form(self) -> None:
        self._factor = self._value = None
        self.factor_label.clear()
        self.value_label.clear()
        self.meaning_zh_edit.clear()
        self.meaning_en_edit.clear()
        self.save_button.setEnabled(False)

    def save_form(self) -> Any:
        assert self._factor is not None and self._value is not None
        return reference_admin.update_scale_meaning(
            self.context.uow(), self._factor, self._value, self.meaning_zh_edit.text(), self.meaning_en_edit.text()
        )

    def saved_text(self, record: ScaleValue) -> str:
        text = self.tr("Meaning of %1 = %2 saved.")
        return text.replace("%1", record.factor.value).replace("%2", format_decimal(record.value))

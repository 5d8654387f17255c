"""Tab 隐患类别: the rule's hazard categories and subcategories; names are editable, codes are fixed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from hazard_desktop.domain.reference import Category
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.dialogs.settings_pages.common import (
    BOLD_FONT,
    DISPLAY_ROLE,
    FONT_ROLE,
    TOOLTIP_ROLE,
    RowsTableModel,
    SettingsEditorPage,
)

COL_CODE = 0
COL_NAME_ZH = 1
COL_NAME_EN = 2


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """A category (``parent_code`` None) or a subcategory, flattened for the table."""

    code: str
    parent_code: str | None
    name_zh: str
    name_en: str

    @property
    def is_category(self) -> bool:
        """True for a top-level category."""
        return self.parent_code is None


def flatten(categories: Sequence[Category]) -> list[CategoryRow]:
    """Each category followed by its subcategories."""
    rows = []
    for category in categories:
        rows.append(CategoryRow(category.code, None, category.name_zh, category.name_en))
        rows.extend(CategoryRow(s.code, category.code, s.name_zh, s.name_en) for s in category.subcategories)
    return rows


class CategoryTableModel(RowsTableModel):
    """Categories (bold) and their subcategories (indented)."""

    def headers(self) -> Sequence[str]:
        return [self.tr("Code"), self.tr("Chinese name"), self.tr("English name")]

    def row_id(self, row: Any) -> Any:
        return row.code

    def cell(self, row: CategoryRow, column: int, role: int) -> Any:
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            if column == COL_CODE:
                return row.code if row.is_category else f"    {row.code}"
            if column == COL_NAME_ZH:
                return row.name_zh
            if column == COL_NAME_EN:
                return row.name_en
        if role == FONT_ROLE and row.is_category:
            return BOLD_FONT
        return None


class CategoriesPage(SettingsEditorPage):
    """Names of the categories 4.5–4.10 and their subcategories (codes belong to the rule)."""

    can_add = False

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, CategoryTableModel(), parent)
        self.editor.setTitle(self.tr("Category"))
        self.code_label = QLabel(self)
        self.parent_label = QLabel(self)
        self.name_zh_edit = QLineEdit(self)
        self.name_zh_edit.setMaxLength(reference_admin.CATEGORY_NAME_ZH_MAX)
        self.name_en_edit = QLineEdit(self)
        self.name_en_edit.setMaxLength(reference_admin.CATEGORY_NAME_EN_MAX)
        hint = QLabel(
            self.tr("The codes are those of the rule and cannot be changed; only the names can be edited."), self
        )
        hint.setWordWrap(True)
        self.form.addRow(self.tr("Code"), self.code_label)
        self.form.addRow(self.tr("Belongs to"), self.parent_label)
        self.form.addRow(self.tr("Chinese name"), self.name_zh_edit)
        self.form.addRow(self.tr("English name"), self.name_en_edit)
        self.form.addRow(hint)
        self.finish_setup()

    def load_rows(self) -> Sequence[CategoryRow]:
        return flatten(reference_admin.list_categories(self.context.uow()))

    def fill_form(self, row: CategoryRow) -> None:
        self.editor.setTitle(self.tr("Category") if row.is_category else self.tr("Subcategory"))
        self.code_label.setText(row.code)
        if row.parent_code is None:
            self.parent_label.setText(self.tr("— (top-level category)"))
        else:
            parent = next((r for r in self.model.rows() if r.code == row.parent_code), None)
            self.parent_label.setText(f"{row.parent_code} {parent.name_zh if parent else ''}".strip())
        self.name_zh_edit.setText(row.name_zh)
        self.name_en_edit.setText(row.name_en)
        self.save_button.setEnabled(True)

    def clear_form(self) -> None:
        self.code_label.clear()
        self.parent_label.clear()
        self.name_zh_edit.clear()
        self.name_en_edit.clear()
        self.save_button.setEnabled(False)

    def save_form(self) -> CategoryRow:
        code = self.code_label.text()
        reference_admin.rename_category(self.context.uow(), code, self.name_zh_edit.text(), self.name_en_edit.text())
        return CategoryRow(code, None, "", "")

    def saved_text(self, record: CategoryRow) -> str:
        return self.tr("Names of %1 saved.").replace("%1", record.code)

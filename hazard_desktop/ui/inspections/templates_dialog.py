"""Checklist templates (检查表模板): view every version, edit (a used template gets a new version),
withdraw, and exchange them with other laptops as JSON files."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.inspections import (
    SECTION_TITLE_MAX,
    TEMPLATE_CODE_MAX,
    TEMPLATE_NAME_MAX,
    EditMode,
    ItemDraft,
    SectionDraft,
    Template,
    TemplateDraft,
    draft_of,
)
from hazard_desktop.domain.reference import Category
from hazard_desktop.services import inspections as service
from hazard_desktop.services import template_exchange
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.inspections import texts
from hazard_desktop.ui.inspections.models import TCOL_NAME, TemplateListModel

KindRole = int(Qt.ItemDataRole.UserRole) + 1
SECTION, ITEM = "section", "item"


def _fill_preview(tree: QTreeWidget, template: Template | None, categories: list[Category]) -> None:
    tree.clear()
    if template is None:
        return
    number = 0
    for section in template.sections:
        top = QTreeWidgetItem([section.title, "", ""])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        tree.addTopLevelItem(top)
        for item in section.items:
            number += 1
            child = QTreeWidgetItem(
                [
                    f"{number}. {item.text}",
                    texts.category_text(categories, item.category_code, item.subcategory_code, short=True),
                    item.criterion_code or "",
                ]
            )
            child.setToolTip(0, f"{item.text}\n\n{item.guidance}" if item.guidance else item.text)
            top.addChild(child)
        top.setExpanded(True)


class TemplatesDialog(QDialog):
    """Lists the checklists; shows a version's items; edits, withdraws, exports and imports."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("Checklists"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._context = context
        with context.uow() as uow:
            self.categories = uow.reference.categories()

        self.model = TemplateListModel(parent=self)
        self.view = QTableView(self)
        self.view.setObjectName("templateList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TCOL_NAME, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.show_retired = QCheckBox(self.tr("Show withdrawn checklists"), self)
        self.show_retired.toggled.connect(self._show_retired_toggled)

        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("templateVersion")
        self.version_combo.currentIndexChanged.connect(self._version_changed)
        self.description_label = QLabel(self)
        self.description_label.setWordWrap(True)
        self.usage_label = QLabel(self)
        self.usage_label.setStyleSheet("color: #555;")
        self.preview = QTreeWidget(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setHeaderLabels([self.tr("Item"), self.tr("Hazard category"), self.tr("Criterion")])
        self.preview.header().setStretchLastSection(False)
        self.preview.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview.header().resizeSection(1, 170)
        self.preview.header().resizeSection(2, 64)
        self.preview.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        version_row = QHBoxLayout()
        version_row.addWidget(QLabel(self.tr("Version:"), right))
        version_row.addWidget(self.version_combo, 1)
        right_layout.addLayout(version_row)
        right_layout.addWidget(self.description_label)
        right_layout.addWidget(self.usage_label)
        right_layout.addWidget(self.preview, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.show_retired)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([470, 710])

        self.new_button = self._button(self.tr("New…"), self.new_template)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.retire_button = self._button(self.tr("Withdraw"), self.toggle_retired)
        self.export_button = self._button(self.tr("Export…"), self._export_clicked)
        self.import_button = self._button(self.tr("Import…"), self._import_clicked)
        close = self._button(self.tr("Close"), self.accept)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addSpacing(20)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1180, 640)
        self.refresh()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------------------------ state

    def _show_retired_toggled(self) -> None:
        self.refresh()

    def _export_clicked(self) -> None:
        self.export_templates()

    def _import_clicked(self) -> None:
        self.import_templates()

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Read the templates again (``select``: a template family to select)."""
        current = self.selected()
        wanted = select if isinstance(select, uuid.UUID) else (current.template_id if current else None)
        self.model.set_rows(service.list_templates(self._context.uow(), include_retired=self.show_retired.isChecked()))
        row = self.model.find_row(wanted) if wanted is not None else -1
        self.view.selectRow(row if row >= 0 else 0)
        self._selection_changed()

    def selected(self) -> Template | None:
        """The newest version of the selected template."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def shown_version(self) -> Template | None:
        """The version shown on the right."""
        data = self.version_combo.currentData()
        return data if isinstance(data, Template) else None

    def _selection_changed(self, *_args: object) -> None:
        template = self.selected()
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        if template is not None:
            for version in reversed(service.template_history(self._context.uow(), template.template_id)):
                label = self.tr("Version {version} · {date}").format(
                    version=version.version, date=version.created_at.astimezone().strftime("%Y-%m-%d")
                )
                self.version_combo.addItem(label, version)
        self.version_combo.blockSignals(False)
        self._version_changed()
        self.edit_button.setEnabled(template is not None and template.active)
        self.retire_button.setEnabled(template is not None)
        self.retire_button.setText(self.tr("Bring back") if template and not template.active else self.tr("Withdraw"))

    def _version_changed(self, *_args: object) -> None:
        version = self.shown_version()
        _fill_preview(self.preview, version, self.categories)
        self.description_label.setText(version.description if version else "")
        if version is None:
            self.usage_label.clear()
            return
        used = service.template_usage(self._context.uow(), version.id)
        state = (
            self.tr("Fixed: an edit makes a new version.")
            if version.published
            else self.tr("Not used yet: edits change this version.")
        )
        self.usage_label.setText(
            self.tr("{usage} Source: {origin}. {state}").format(
                usage=self.tr("%n inspection(s) ran this version.", "", used),
                origin=texts.origin_label(version.origin),
                state=state,
            )
        )

    # ---------------------------------------------------------------------------------- actions

    def new_template(self) -> Template | None:
        """Open the editor on an empty checklist."""
        result = TemplateEditorDialog.ask(self, self._context, None)
        if result is not None:
            self.refresh(result.template.template_id)
            return result.template
        return None

    def edit_selected(self) -> Template | None:
        """Open the editor on the newest version of the selected checklist."""
        template = self.selected()
        if template is None or not template.active:
            return None
        result = TemplateEditorDialog.ask(self, self._context, template)
        if result is None:
            return None
        self.refresh(result.template.template_id)
        if result.mode is EditMode.NEW_VERSION:
            messages.show_info(
                self,
                self.tr("Checklist saved"),
                self.tr(
                    "The checklist was in use, so the change was saved as version {version}. "
                    "Inspections already run keep the version they used."
                ).format(version=result.template.version),
            )
        return result.template

    def toggle_retired(self) -> bool:
        """Withdraw the selected checklist from new inspections, or bring it back."""
        template = self.selected()
        if template is None:
            return False
        try:
            service.set_template_retired(self._context.uow(), template.template_id, template.active)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return False
        if template.active:
            self.show_retired.setChecked(True)
        self.refresh(template.template_id)
        return True

    def _export_path(self) -> Path | None:
        folder = self._context.data_dir / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export checklists"), str(folder / "checklists.json"), self.tr("Checklist files (*.json)")
        )
        return Path(name) if name else None

    def export_templates(self, path: Path | None = None, *, only_selected: bool = False) -> Path | None:
        """Write every active checklist (or the selected one) with all versions to a JSON file."""
        target = path or self._export_path()
        if target is None:
            return None
        selected = self.selected()
        ids = [selected.template_id] if only_selected and selected is not None else None
        try:
            text = template_exchange.export_templates(self._context.uow(), ids)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            messages.show_info(
                self, self.tr("Export checklists"), self.tr("The file cannot be written: {error}").format(error=exc)
            )
            return None
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return None
        self.refresh()
        messages.show_info(
            self, self.tr("Export checklists"), self.tr("Checklists saved to {path}.").format(path=target)
        )
        return target

    def _import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import checklists"), str(Path.home()), self.tr("Checklist files (*.json)")
        )
        return Path(name) if name else None

    def import_templates(self, path: Path | None = None) -> template_exchange.ImportReport | None:
        """Add the checklists of a JSON file that are not here yet (never overwrites a stored version)."""
        source = path or self._import_path()
        if source is None:
            return None
        try:
            report = template_exchange.import_templates(self._context.uow(), source.read_bytes())
        except OSError as exc:
            messages.show_info(
                self, self.tr("Import checklists"), self.tr("The file cannot be read: {error}").format(error=exc)
            )
            return None
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return None
        self.refresh()
        lines = [self.tr("%n version(s) added.", "", len(report.added))]
        lines += [f"  · {name}（v{version}）" for name, version in report.added]
        if report.unchanged:
            lines.append(self.tr("%n version(s) were already here.", "", report.unchanged))
        if report.renumbered:
            lines.append(self.tr("%n version(s) got a new number (theirs was taken here).", "", report.renumbered))
        if report.conflicts:
            lines.append(
                self.tr(
                    "%n version(s) differ from the stored ones with the same id and were left alone:",
                    "",
                    len(report.conflicts),
                )
            )
            lines += [f"  · {name}（v{version}）" for name, version in report.conflicts]
        messages.show_info(self, self.tr("Import checklists"), "\n".join(lines))
        return report

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext) -> None:
        """Show the dialog modally."""
        dialog = cls(context, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


# ----------------------------------------------------------------------------------------- editor


@dataclass
class _ItemData:
    text: str = ""
    guidance: str = ""
    category_code: str = ""
    subcategory_code: str | None = None
    criterion_code: str | None = None


@dataclass
class _SectionData:
    title: str = ""
    items: list[_ItemData] = field(default_factory=list)


class TemplateEditorDialog(QDialog):
    """Edits a checklist's content: name, sections and items (category, criterion, guidance)."""

    def __init__(self, context: AppContext, template: Template | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self._context = context
        self.template = template
        self.result_edit: service.TemplateEdit | None = None
        with context.uow() as uow:
            self.categories = uow.reference.categories()
            self.criteria = uow.criteria.all()
        title = (
            self.tr("Edit checklist “{name}” (version {version})").format(name=template.name, version=template.version)
            if template
            else self.tr("New checklist")
        )
        self.setWindowTitle(title)
        content = draft_of(template) if template else TemplateDraft("", "", (SectionDraft("", ()),))

        self.error_label = QLabel(self)
        self.error_label.setObjectName("editorError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B00020;")
        self.error_label.hide()
        self.name_edit = QLineEdit(content.name, self)
        self.name_edit.setObjectName("editorName")
        self.name_edit.setMaxLength(TEMPLATE_NAME_MAX)
        self.code_edit = QLineEdit(content.code, self)
        self.code_edit.setObjectName("editorCode")
        self.code_edit.setMaxLength(TEMPLATE_CODE_MAX)
        self.description_edit = QPlainTextEdit(content.description, self)
        self.description_edit.setMaximumHeight(60)
        head = QFormLayout()
        head.addRow(self.tr("Name"), self.name_edit)
        head.addRow(self.tr("Code"), self.code_edit)
        head.addRow(self.tr("Description"), self.description_edit)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("editorTree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._current_changed)

        self.stack = QStackedWidget(self)
        section_page = QGroupBox(self.tr("Section"), self)
        self.section_title = QLineEdit(section_page)
        self.section_title.setObjectName("editorSectionTitle")
        self.section_title.setMaxLength(SECTION_TITLE_MAX)
        self.section_title.textEdited.connect(self._section_edited)
        section_form = QFormLayout(section_page)
        section_form.addRow(self.tr("Title"), self.section_title)
        item_page = QGroupBox(self.tr("Item"), self)
        self.item_text = QPlainTextEdit(item_page)
        self.item_text.setObjectName("editorItemText")
        self.item_text.setMaximumHeight(80)
        self.item_text.textChanged.connect(self._item_edited)
        self.item_guidance = QPlainTextEdit(item_page)
        self.item_guidance.setObjectName("editorItemGuidance")
        self.item_guidance.setMaximumHeight(80)
        self.item_guidance.textChanged.connect(self._item_edited)
        self.category_combo = QComboBox(item_page)
        self.category_combo.setObjectName("editorCategory")
        self.category_combo.addItem(self.tr("— choose —"), "")
        for category in self.categories:
            self.category_combo.addItem(texts.category_text(self.categories, category.code, None), category.code)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self.subcategory_combo = QComboBox(item_page)
        self.subcategory_combo.setObjectName("editorSubcategory")
        self.subcategory_combo.currentIndexChanged.connect(self._item_edited)
        self.criterion_combo = QComboBox(item_page)
        self.criterion_combo.setObjectName("editorCriterion")
        self.criterion_combo.addItem(self.tr("— none —"), None)
        for criterion in self.criteria:
            short = criterion.text if len(criterion.text) <= 40 else criterion.text[:39] + "…"
            self.criterion_combo.addItem(f"{criterion.code} {short}", criterion.code)
            self.criterion_combo.setItemData(
                self.criterion_combo.count() - 1, criterion.text, Qt.ItemDataRole.ToolTipRole
            )
        self.criterion_combo.currentIndexChanged.connect(self._item_edited)
        item_form = QFormLayout(item_page)
        item_form.addRow(self.tr("What is checked"), self.item_text)
        item_form.addRow(self.tr("How to check / basis"), self.item_guidance)
        item_form.addRow(self.tr("Hazard category"), self.category_combo)
        item_form.addRow(self.tr("Subcategory"), self.subcategory_combo)
        item_form.addRow(self.tr("Major-hazard criterion"), self.criterion_combo)
        for page in (section_page, item_page):
            holder = QWidget(self)
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            holder_layout.addWidget(page)
            holder_layout.addStretch(1)
            self.stack.addWidget(holder)

        self.add_section_button = self._button(self.tr("Add section"), self.add_section)
        self.add_item_button = self._button(self.tr("Add item"), self.add_item)
        self.remove_button = self._button(self.tr("Remove"), self.remove_current)
        self.up_button = self._button(self.tr("Up"), lambda: self.move_current(-1))
        self.down_button = self._button(self.tr("Down"), lambda: self.move_current(1))
        tree_buttons = QHBoxLayout()
        for button in (
            self.add_section_button,
            self.add_item_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            tree_buttons.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(tree_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setSizes([460, 480])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("editorSave")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        notice = QLabel(self)
        notice.setWordWrap(True)
        notice.setStyleSheet("color: #555;")
        if template is not None and template.published:
            notice.setText(
                self.tr("This version is in use or was handed out: saving stores version {next}.").format(
                    next=template.version + 1
                )
            )
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        layout.addWidget(notice)
        layout.addWidget(buttons)
        self.resize(980, 680)

        self._loading = False
        for section in content.sections:
            data = _SectionData(section.title, [_ItemData(**_item_fields(i)) for i in section.items])
            top = self._section_node(data)
            for item in data.items:
                self._item_node(top, item)
            top.setExpanded(True)
        first = self.tree.topLevelItem(0)
        self.tree.setCurrentItem(first.child(0) if first and first.childCount() else first)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------------------------ nodes

    def _section_node(self, data: _SectionData, index: int | None = None) -> QTreeWidgetItem:
        node = QTreeWidgetItem([data.title or self.tr("(untitled section)")])
        node.setData(0, KindRole, SECTION)
        node.setData(0, Qt.ItemDataRole.UserRole, data)
        font = node.font(0)
        font.setBold(True)
        node.setFont(0, font)
        if index is None:
            self.tree.addTopLevelItem(node)
        else:
            self.tree.insertTopLevelItem(index, node)
        return node

    def _item_node(self, parent: QTreeWidgetItem, data: _ItemData, index: int | None = None) -> QTreeWidgetItem:
        node = QTreeWidgetItem([data.text or self.tr("(new item)")])
        node.setData(0, KindRole, ITEM)
        node.setData(0, Qt.ItemDataRole.UserRole, data)
        if index is None:
            parent.addChild(node)
        else:
            parent.insertChild(index, node)
        return node

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._loading = True
        try:
            if current is None:
                return
            data = current.data(0, Qt.ItemDataRole.UserRole)
            if current.data(0, KindRole) == SECTION:
                self.stack.setCurrentIndex(0)
                self.section_title.setText(data.title)
            else:
                self.stack.setCurrentIndex(1)
                self.item_text.setPlainText(data.text)
                self.item_guidance.setPlainText(data.guidance)
                self.category_combo.setCurrentIndex(max(self.category_combo.findData(data.category_code), 0))
                self._fill_subcategories(data.category_code, data.subcategory_code)
                self.criterion_combo.setCurrentIndex(max(self.criterion_combo.findData(data.criterion_code), 0))
        finally:
            self._loading = False

    def _fill_subcategories(self, category_code: str, selected: str | None) -> None:
        self.subcategory_combo.blockSignals(True)
        self.subcategory_combo.clear()
        self.subcategory_combo.addItem(self.tr("— none —"), None)
        category = next((c for c in self.categories if c.code == category_code), None)
        for sub in category.subcategories if category else ():
            self.subcategory_combo.addItem(
                texts.category_text(self.categories, category_code, sub.code, short=True), sub.code
            )
        self.subcategory_combo.setCurrentIndex(max(self.subcategory_combo.findData(selected), 0))
        self.subcategory_combo.blockSignals(False)

    def _section_edited(self, text: str) -> None:
        node = self.tree.currentItem()
        if node is None or node.data(0, KindRole) != SECTION:
            return
        node.data(0, Qt.ItemDataRole.UserRole).title = text
        node.setText(0, text or self.tr("(untitled section)"))

    def _category_changed(self) -> None:
        if self._loading:
            return
        self._fill_subcategories(self.category_combo.currentData() or "", None)
        self._item_edited()

    def _item_edited(self) -> None:
        node = self.tree.currentItem()
        if self._loading or node is None or node.data(0, KindRole) != ITEM:
            return
        data: _ItemData = node.data(0, Qt.ItemDataRole.UserRole)
        data.text = self.item_text.toPlainText()
        data.guidance = self.item_guidance.toPlainText()
        data.category_code = self.category_combo.currentData() or ""
        data.subcategory_code = self.subcategory_combo.currentData()
        data.criterion_code = self.criterion_combo.currentData()
        node.setText(0, data.text.splitlines()[0] if data.text.strip() else self.tr("(new item)"))

    # ---------------------------------------------------------------------------------- editing

    def _current_section(self) -> QTreeWidgetItem | None:
        node = self.tree.currentItem()
        if node is None:
            return self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
        return node if node.data(0, KindRole) == SECTION else node.parent()

    def add_section(self) -> QTreeWidgetItem:
        """Add an empty section after the current one and select it."""
        section = self._current_section()
        index = self.tree.indexOfTopLevelItem(section) + 1 if section is not None else None
        node = self._section_node(_SectionData(), index)
        self.tree.setCurrentItem(node)
        self.section_title.setFocus()
        return node

    def add_item(self) -> QTreeWidgetItem:
        """Add an item after the current one (category copied from it) and select it."""
        section = self._current_section() or self.add_section()
        current = self.tree.currentItem()
        template_data = current.data(0, Qt.ItemDataRole.UserRole) if current and current is not section else None
        data = _ItemData(
            category_code=template_data.category_code if template_data else "",
            subcategory_code=template_data.subcategory_code if template_data else None,
        )
        index = section.indexOfChild(current) + 1 if current is not None and current.parent() is section else None
        node = self._item_node(section, data, index)
        section.setExpanded(True)
        self.tree.setCurrentItem(node)
        self.item_text.setFocus()
        return node

    def remove_current(self) -> None:
        """Remove the selected item or section."""
        node = self.tree.currentItem()
        if node is None:
            return
        parent = node.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(node))
        else:
            parent.removeChild(node)

    def move_current(self, step: int) -> None:
        """Move the selected item or section up (-1) or down (+1) among its siblings."""
        node = self.tree.currentItem()
        if node is None:
            return
        parent = node.parent()
        if parent is None:
            index = self.tree.indexOfTopLevelItem(node)
            target = index + step
            if 0 <= target < self.tree.topLevelItemCount():
                expanded = node.isExpanded()
                self.tree.takeTopLevelItem(index)
                self.tree.insertTopLevelItem(target, node)
                node.setExpanded(expanded)
        else:
            index = parent.indexOfChild(node)
            target = index + step
            if 0 <= target < parent.childCount():
                parent.takeChild(index)
                parent.insertChild(target, node)
        self.tree.setCurrentItem(node)

    def draft(self) -> TemplateDraft:
        """The content as entered."""
        sections = []
        for s_index in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(s_index)
            data: _SectionData = node.data(0, Qt.ItemDataRole.UserRole)
            items = []
            for i_index in range(node.childCount()):
                item: _ItemData = node.child(i_index).data(0, Qt.ItemDataRole.UserRole)
                items.append(
                    ItemDraft(item.text, item.guidance, item.category_code, item.subcategory_code, item.criterion_code)
                )
            sections.append(SectionDraft(data.title, tuple(items)))
        return TemplateDraft(
            name=self.name_edit.text(),
            description=self.description_edit.toPlainText(),
            sections=tuple(sections),
            code=self.code_edit.text(),
        )

    def accept(self) -> None:
        try:
            if self.template is None:
                created = service.create_template(self._context.uow(), self.draft())
                self.result_edit = service.TemplateEdit(created, EditMode.IN_PLACE)
            else:
                self.result_edit = service.edit_template(self._context.uow(), self.template.id, self.draft())
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.error_label.setText(texts.error_text(exc))
            self.error_label.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, template: Template | None) -> service.TemplateEdit | None:
        """Edit ``template`` (None: a new one); the stored result, or None if cancelled."""
        dialog = cls(context, template, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_edit
            return None
        finally:
            dialog.deleteLater()


def _item_fields(item: ItemDraft) -> dict[str, object]:
    return {
        "text": item.text,
        "guidance": item.guidance,
        "category_code": item.category_code,
        "subcategory_code": item.subcategory_code,
        "criterion_code": item.criterion_code,
    }

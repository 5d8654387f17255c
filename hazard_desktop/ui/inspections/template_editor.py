"""The checklist template editor (检查表模板): sections and items of one template; saving a template that
inspections already used makes a new version."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
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
from hazard_desktop.services import inspections as service
from hazard_desktop.services import reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.inspections import texts
from hazard_desktop.ui.widgets import screen_fit

KindRole = int(Qt.ItemDataRole.UserRole) + 1
SECTION, ITEM = "section", "item"


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
        self.categories, self.criteria = reference_queries.categories_and_criteria(context.uow())
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
        screen_fit.fit_on_show(self, (980, 680), remember="templateEditor")

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
            self.error_label.setText(messages.error_text(exc, "inspection"))
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

"""Checklist templates (检查表模板): view every version, withdraw, and exchange them with other laptops
as JSON files; editing is ``template_editor.py`` (a used template gets a new version)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.inspections import (
    EditMode,
    Template,
)
from hazard_desktop.domain.reference import Category
from hazard_desktop.services import inspections as service
from hazard_desktop.services import reference_queries, template_exchange
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import file_dialogs, messages
from hazard_desktop.ui.file_dialogs import FileKind
from hazard_desktop.ui.inspections import texts
from hazard_desktop.ui.inspections.models import TCOL_NAME, TemplateListModel
from hazard_desktop.ui.inspections.template_editor import TemplateEditorDialog
from hazard_desktop.ui.widgets import screen_fit


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
        self.categories = reference_queries.categories(context.uow())

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
        screen_fit.fit_on_show(self, (1180, 640), remember="templates")
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
        path, _ = file_dialogs.save_file(
            self, self._context, FileKind.CHECKLISTS, self.tr("Export checklists"), "checklists.json",
            self.tr("Checklist files (*.json)"),
        )  # fmt: skip
        return path

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
            reason = messages.os_error_text(exc, with_name=True)
            messages.show_info(
                self, self.tr("Export checklists"), self.tr("The file cannot be written: {error}").format(error=reason)
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
        return file_dialogs.open_file(
            self, self._context, FileKind.CHECKLISTS, self.tr("Import checklists"), self.tr("Checklist files (*.json)")
        )

    def import_templates(self, path: Path | None = None) -> template_exchange.ImportReport | None:
        """Add the checklists of a JSON file that are not here yet (never overwrites a stored version)."""
        source = path or self._import_path()
        if source is None:
            return None
        try:
            report = template_exchange.import_templates(self._context.uow(), source.read_bytes())
        except OSError as exc:
            reason = messages.os_error_text(exc, with_name=True)
            messages.show_info(
                self, self.tr("Import checklists"), self.tr("The file cannot be read: {error}").format(error=reason)
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

"""The "Inspections" menu of the main window, the register filter by inspection, and the detail pane's
"raised by inspection" section (the hazard → inspection link)."""

from __future__ import annotations

import dataclasses
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter
from hazard_desktop.ui import messages

if TYPE_CHECKING:  # imported when first opened, not at start-up
    from hazard_desktop.services import inspections as service
    from hazard_desktop.ui.inspections.list_window import InspectionListWindow

STATUS_TIMEOUT_MS = 10000


class OriginSection(QWidget):
    """Detail pane section: which inspection (and checklist item) raised the hazard shown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionOrigin")
        self._context = context
        self.origin: service.HazardOrigin | None = None
        self.title = QLabel(self.tr("Raised by inspection"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.inspection_label = self._value("inspectionOriginText")
        self.template_label = self._value("inspectionOriginTemplate")
        self.item_label = self._value("inspectionOriginItem")
        self.proposal_label = self._value("inspectionOriginProposal")
        self.proposal_label.setStyleSheet("color: #C62828;")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Inspection:"), self.inspection_label)
        form.addRow(self.tr("Checklist:"), self.template_label)
        form.addRow(self.tr("Item:"), self.item_label)
        form.addRow(self.tr("Proposal:"), self.proposal_label)
        self._form = form
        self.open_button = QPushButton(self.tr("Open inspection"), self)
        self.hazards_button = QPushButton(self.tr("All its hazards"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.hazards_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.hide()

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def text(self) -> QLabel:
        """The line naming the inspection."""
        return self.inspection_label

    def show_hazard(self, hazard_id: uuid.UUID | None) -> service.HazardOrigin | None:
        """Show the origin of ``hazard_id`` (hidden for hazards registered by hand)."""
        self.origin = None
        if hazard_id is not None:
            from hazard_desktop.services import inspections as service

            try:
                self.origin = service.inspection_of_hazard(self._context.uow(), hazard_id)
            except Exception as exc:
                if not messages.is_user_error(exc):
                    raise
        origin = self.origin
        self.setVisible(origin is not None)
        if origin is None:
            return None
        self.inspection_label.setText(
            self.tr("{number} · {date} · {area}").format(
                number=origin.inspection_number, date=origin.inspected_on.isoformat(), area=origin.area
            )
        )
        self.template_label.setText(
            self.tr("{template} (version {version})").format(
                template=origin.template_name, version=origin.template_version
            )
        )
        self.item_label.setText(origin.item_text)
        self.proposal_label.setText(
            self.tr("Major hazard (criterion {code}) — the grading panel decides.").format(code=origin.criterion_code)
            if origin.proposes_major
            else ""
        )
        self._form.setRowVisible(self.proposal_label, origin.proposes_major)
        return origin


class InspectionActions(QObject):
    """The inspection actions of one main window (kept alive as ``window.inspection_actions``)."""

    def __init__(self, window: QMainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.list_window: InspectionListWindow | None = None
        self.inspection_filter: uuid.UUID | None = None

        self.open_list = self._action(
            self.tr("&Inspections…"),
            self.tr("Drafts and finished inspections: continue, print the record"),
            self.show_list,
            "Ctrl+Shift+I",
        )
        self.new = self._action(
            self.tr("&New inspection…"),
            self.tr("Run a checklist over an area; failed items become hazards"),
            self.new_inspection,
            "Ctrl+Shift+N",
        )
        self.templates = self._action(
            self.tr("&Checklists…"), self.tr("Checklist templates: view, edit, import, export"), self.show_templates
        )
        self.origin_hazards = self._action(
            self.tr("&Hazards of the same inspection"),
            self.tr("Show in the register only the hazards raised by the selected hazard's inspection"),
            self.filter_by_selected,
        )
        menu = self._menu()
        menu.addAction(self.new)
        menu.addAction(self.open_list)
        menu.addSeparator()
        menu.addAction(self.origin_hazards)
        menu.addSeparator()
        menu.addAction(self.templates)

        self.origin_section = OriginSection(context, window)
        detail = getattr(window, "detail", None)
        if detail is not None and hasattr(detail, "add_section"):
            detail.add_section(self.origin_section)
        self.origin_section.open_button.clicked.connect(self._open_origin)
        self.origin_section.hazards_button.clicked.connect(self._origin_hazards)
        hazard_selected = getattr(window, "hazard_selected", None)
        if hazard_selected is not None:
            hazard_selected.connect(self.origin_section.show_hazard)

        # The inspection filter is applied past the filter bar (which has no inspection field): a chip
        # in the status bar shows it and removes it; any change in the bar or "Clear filters" drops it.
        self.filter_chip = QToolButton(window)
        self.filter_chip.setObjectName("inspectionFilterChip")
        self.filter_chip.setAutoRaise(True)
        self.filter_chip.setStyleSheet("QToolButton { color: #1A4F8B; font-weight: bold; }")
        self.filter_chip.setToolTip(self.tr("Show every hazard again"))
        self.filter_chip.clicked.connect(self.clear_inspection_filter)
        self.filter_chip.hide()
        window.statusBar().addPermanentWidget(self.filter_chip)
        filter_bar = getattr(window, "filter_bar", None)
        if filter_bar is not None:
            filter_bar.filter_changed.connect(self._bar_changed)
            clear_button = getattr(filter_bar, "clear_button", None)
            if clear_button is not None:
                clear_button.clicked.connect(self.clear_inspection_filter)
        clear_action = getattr(window, "action_clear_filters", None)
        if clear_action is not None:
            clear_action.triggered.connect(self.clear_inspection_filter)

    def _menu(self) -> QMenu:
        menu_for = getattr(self.window, "menu_for", None)
        if menu_for is not None:
            menu = menu_for(self.tr("&Inspections"))
        else:  # a plain QMainWindow (tests)
            menu = self.window.menuBar().addMenu(self.tr("&Inspections"))
        menu.setObjectName("menu_inspections")
        return menu

    def _action(self, text: str, tip: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # ---------------------------------------------------------------------------------- actions

    def show_list(self) -> InspectionListWindow:
        """Open (or raise) the inspection list window."""
        if self.list_window is None:
            from hazard_desktop.ui.inspections.list_window import InspectionListWindow

            self.list_window = InspectionListWindow(self.context, self.window)
            self.list_window.show_hazards_requested.connect(self.filter_register)
            self.list_window.hazards_changed.connect(self._register_changed)
        else:
            self.list_window.refresh()
        self.list_window.show()
        self.list_window.raise_()
        self.list_window.activateWindow()
        return self.list_window

    def new_inspection(self) -> object:
        """Start an inspection and open its runner."""
        from hazard_desktop.ui.inspections.start_dialog import StartInspectionDialog

        inspection = StartInspectionDialog.ask(self.window, self.context)
        if inspection is None:
            return None
        window = self.show_list()
        window.select(inspection.id)
        return window.open_runner(inspection.id)

    def show_templates(self) -> None:
        """The checklist templates dialog."""
        from hazard_desktop.ui.inspections.templates_dialog import TemplatesDialog

        TemplatesDialog.ask(self.window, self.context)

    def _register_changed(self) -> None:
        refresh = getattr(self.window, "refresh", None)
        if refresh is not None:
            refresh()

    def filter_register(self, inspection_id: uuid.UUID) -> RegisterFilter | None:
        """Make the register show only the hazards ``inspection_id`` raised (clearing the filters undoes it)."""
        apply_filter = getattr(self.window, "apply_filter", None)
        if apply_filter is None:
            return None
        filter_bar = getattr(self.window, "filter_bar", None)
        current = filter_bar.current_filter() if filter_bar is not None else RegisterFilter()
        flt = dataclasses.replace(current, inspection_id=inspection_id)
        apply_filter(flt)
        self.inspection_filter = inspection_id
        count = self.context.register.count(flt)
        from hazard_desktop.services import inspections as service

        number = next((r.number for r in service.list_inspections(self.context.uow()) if r.id == inspection_id), "")
        self.filter_chip.setText(self.tr("Only hazards of inspection {number}  ✕").format(number=number))
        self.filter_chip.show()
        self.window.statusBar().showMessage(
            self.tr("Showing the %n hazard(s) raised by the inspection. Clear the filters to see all.", "", count),
            STATUS_TIMEOUT_MS,
        )
        self.window.raise_()
        self.window.activateWindow()
        return flt

    def clear_inspection_filter(self) -> None:
        """Drop the inspection filter, keeping what the filter bar shows."""
        self.filter_chip.hide()
        if self.inspection_filter is None:
            return
        self.inspection_filter = None
        apply_filter = getattr(self.window, "apply_filter", None)
        filter_bar = getattr(self.window, "filter_bar", None)
        if apply_filter is not None:
            apply_filter(filter_bar.current_filter() if filter_bar is not None else RegisterFilter())

    def _bar_changed(self, _flt: object) -> None:
        # the window applies the bar's filter, which has no inspection: the inspection filter is gone
        self.inspection_filter = None
        self.filter_chip.hide()

    def filter_by_selected(self) -> RegisterFilter | None:
        """Filter the register by the inspection that raised the selected hazard."""
        current = getattr(self.window, "current_hazard_id", None)
        hazard_id = current() if current is not None else None
        origin = self.origin_section.show_hazard(hazard_id) if hazard_id is not None else None
        if origin is None:
            messages.show_info(
                self.window,
                self.tr("Hazards of the same inspection"),
                self.tr("The selected hazard was not raised by an inspection."),
            )
            return None
        return self.filter_register(origin.inspection_id)

    def _open_origin(self) -> None:
        origin = self.origin_section.origin
        if origin is None:
            return
        window = self.show_list()
        window.select(origin.inspection_id)
        window.open_runner(origin.inspection_id)

    def _origin_hazards(self) -> None:
        origin = self.origin_section.origin
        if origin is not None:
            self.filter_register(origin.inspection_id)


def install_inspection_actions(window: QMainWindow, context: AppContext) -> InspectionActions:
    """Add the "Inspections" menu, the detail pane section and the register filter to ``window``."""
    actions = InspectionActions(window, context)
    window.inspection_actions = actions  # type: ignore[attr-defined]
    return actions

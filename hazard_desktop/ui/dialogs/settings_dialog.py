"""The settings dialog: reference data of the rule and the plant, one page each, chosen in a list on the left.

Eleven pages do not fit one row of tabs at 1366×768 and 150 % (the last ones hid behind scroll arrows): like
Picard's options, the pages are listed on the left (``page_list``), all in view. The pages still sit in a
``QTabWidget`` (``tabs``, its tab bar hidden): tab i holds page i, some inside a scroll area.

Every tab stores its changes at once through ``services.reference_admin`` (there is no global
"apply"): D.4 threshold sets and major-hazard criteria are stored as new versions, departments and
people are deactivated rather than deleted. :meth:`SettingsDialog.ask` returns whether anything was
stored, so the caller can reload what it shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs.settings_pages.backups import BackupsPage
from hazard_desktop.ui.dialogs.settings_pages.categories import CategoriesPage
from hazard_desktop.ui.dialogs.settings_pages.criteria import CriteriaPage
from hazard_desktop.ui.dialogs.settings_pages.departments import DepartmentsPage
from hazard_desktop.ui.dialogs.settings_pages.dispute_chairs import DisputeChairsPage
from hazard_desktop.ui.dialogs.settings_pages.exchange import ExchangePage
from hazard_desktop.ui.dialogs.settings_pages.lec_scales import ScalesPage
from hazard_desktop.ui.dialogs.settings_pages.people import PeoplePage
from hazard_desktop.ui.dialogs.settings_pages.plant import PlantPage
from hazard_desktop.ui.dialogs.settings_pages.rectification import RectificationPage
from hazard_desktop.ui.dialogs.settings_pages.thresholds import ThresholdsPage
from hazard_desktop.ui.widgets import screen_fit

TAB_DEPARTMENTS = 0
TAB_PEOPLE = 1
TAB_CATEGORIES = 2
TAB_SCALES = 3
TAB_THRESHOLDS = 4
TAB_CRITERIA = 5
TAB_PLANT = 6


class SettingsDialog(QDialog):
    """Departments, people, categories, LEC tables, D.4 thresholds, major-hazard criteria, plant settings.

    Attributes:
        changed: True once any tab has stored something.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.changed = False
        self.setWindowTitle(self.tr("Settings"))
        screen_fit.fit_on_show(self, (1100, 720), remember="settings")

        self.departments_page = DepartmentsPage(context, self)
        self.people_page = PeoplePage(context, self)
        self.categories_page = CategoriesPage(context, self)
        self.scales_page = ScalesPage(context, self)
        self.thresholds_page = ThresholdsPage(context, self, today=today)
        self.criteria_page = CriteriaPage(context, self)
        self.plant_page = PlantPage(context, self)
        self.chairs_page = DisputeChairsPage(context, self, today=today)
        self.rectification_page = RectificationPage(context, self)
        self.backups_page = BackupsPage(context, self)
        self.exchange_page = ExchangePage(context, self)
        self.pages = [
            self.departments_page,
            self.people_page,
            self.categories_page,
            self.scales_page,
            self.thresholds_page,
            self.criteria_page,
            self.plant_page,
            self.chairs_page,
            self.rectification_page,
            self.backups_page,
            self.exchange_page,
        ]

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.departments_page, self.tr("Departments"))
        self.tabs.addTab(self.people_page, self.tr("People"))
        self.tabs.addTab(self.categories_page, self.tr("Hazard categories"))
        self.tabs.addTab(self.scales_page, self.tr("LEC scales"))
        self.tabs.addTab(self.thresholds_page, self.tr("Grading thresholds D.4"))
        self.tabs.addTab(self.criteria_page, self.tr("Major-hazard criteria"))
        self.tabs.addTab(self.plant_page, self.tr("Plant settings"))
        self.tabs.addTab(self.chairs_page, self.tr("Dispute panel"))
        self.tabs.addTab(_scrolled(self.rectification_page), self.tr("Rectification"))
        self.tabs.addTab(self.backups_page, self.tr("Backups"))
        self.tabs.addTab(_scrolled(self.exchange_page), self.tr("Exchange"))

        self.tabs.tabBar().hide()  # the list on the left chooses the page
        self.page_list = QListWidget(self)
        self.page_list.setObjectName("settingsPages")
        self.page_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_list.setSpacing(3)
        self.page_list.addItems([self.tabs.tabText(i) for i in range(self.tabs.count())])
        metrics = self.page_list.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.tabs.tabText(i)) for i in range(self.tabs.count()))
        self.page_list.setFixedWidth(widest + 4 * metrics.averageCharWidth() + 2 * self.page_list.frameWidth())
        self.page_list.setCurrentRow(0)
        self.page_list.currentRowChanged.connect(self._on_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        pages = QHBoxLayout()
        pages.addWidget(self.page_list)
        pages.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pages, 1)
        layout.addWidget(buttons)

        for page in self.pages:
            page.changed.connect(self._on_page_changed)
        self._current: QWidget = self.pages[0]
        self.tabs.currentChanged.connect(self._on_tab)

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext) -> bool:
        """Show the dialog; return True if anything was stored (the caller reloads reference data)."""
        dialog = cls(context, parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()

    def show_page(self, page: QWidget) -> None:
        """Bring ``page``'s tab to the front (tab i holds page i, some inside a scroll area)."""
        self.tabs.setCurrentIndex(self.pages.index(page))

    def current_page(self) -> QWidget:
        """The page of the tab in front."""
        return self.pages[self.tabs.currentIndex()]

    def _on_page_changed(self) -> None:
        """One tab stored something: the other tabs read again when they are shown next."""
        self.changed = True
        sender = self.sender()
        for page in self.pages:
            if page is not sender:
                page.stale = True

    def _on_row(self, row: int) -> None:
        """A page chosen in the list: its tab comes to the front (``_on_tab`` asks about unsaved edits)."""
        if 0 <= row < self.tabs.count():
            self.tabs.setCurrentIndex(row)
        self._sync_list()

    def _sync_list(self) -> None:
        """The list marks the page in front (also when the user kept editing the page they tried to leave)."""
        if self.page_list.currentRow() != self.tabs.currentIndex():
            self.page_list.blockSignals(True)
            self.page_list.setCurrentRow(self.tabs.currentIndex())
            self.page_list.blockSignals(False)

    def _on_tab(self, index: int) -> None:
        page = self.pages[index] if 0 <= index < len(self.pages) else None
        if page is not self._current and not self.settle(self._current):
            self.tabs.blockSignals(True)  # back to the tab whose edits the user keeps
            self.tabs.setCurrentIndex(self.pages.index(self._current))  # a tab may hold it in a scroll area
            self.tabs.blockSignals(False)
            self._sync_list()
            return
        self._sync_list()
        if page is not None:
            self._current = page
        if page is not None and page.stale:
            page.reload()

    def settle(self, page: QWidget) -> bool:
        """Before leaving ``page`` (another tab, Close, Esc): unsaved edits are saved, discarded or kept on
        the user's word — never dropped silently. True if the page may be left. A page says it has unsaved
        edits with ``has_unsaved()``."""
        unsaved = getattr(page, "has_unsaved", None)
        if unsaved is None or not unsaved():
            return True
        answer = messages.choose(
            self,
            self.tr("Unsaved changes"),
            self.tr("The page “%1” has changes that are not saved yet.").replace(
                "%1",
                self.tabs.tabText(self.pages.index(page)),  # tab i holds page i (some in a scroll area)
            ),
            [("save", self.tr("Save")), ("discard", self.tr("Discard changes")), ("stay", self.tr("Keep editing"))],
            default="save",
            escape="stay",
        )
        if answer == "save":
            return bool(page.save())  # type: ignore[attr-defined]  # a refusal shows on the page: stay there
        if answer == "discard":
            page.reload()  # type: ignore[attr-defined]
            return True
        return False

    def accept(self) -> None:  # the Close button
        if self.settle(self._current):
            super().accept()

    def reject(self) -> None:  # Esc and the title bar's close
        if self.settle(self._current):
            super().reject()


def _scrolled(page: QWidget) -> QScrollArea:
    """A tall page in its own scroll area, so it does not make every tab (and the dialog) scroll at 150 %: the
    people and other list tabs keep their New/Save buttons in view (trial at 1366×768 ×1.5)."""
    area = QScrollArea(page.parentWidget())
    area.setObjectName(f"{type(page).__name__}Scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area

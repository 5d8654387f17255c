"""The main window: the hazard register (隐患台账) with its filters, the detail pane and the menus.

Later features plug in through :meth:`MainWindow.menu_for` (menus such as "Grading" or "Tools" exist
from the start and stay hidden while empty), :attr:`MainWindow.toolbar`, :attr:`MainWindow.detail`
(``add_section``) and the :attr:`MainWindow.hazard_selected` signal.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QDir,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.hazard_states import HazardStatus
from hazard_desktop.services import reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter, SortKey
from hazard_desktop.services.reference_queries import ReferenceData, load_reference, plant_name
from hazard_desktop.ui import labels, messages
from hazard_desktop.ui.detail_pane import HazardDetailPane
from hazard_desktop.ui.labels import BandLabel
from hazard_desktop.ui.models.register_model import (
    COL_BAND,
    COL_CATEGORY,
    COL_DAYS_LEFT,
    COL_DEADLINE,
    COL_DEPARTMENT,
    COL_DESCRIPTION,
    COL_DISPUTE,
    COL_FOUND_AT,
    COL_FOUND_BY,
    COL_GRADE,
    COL_LOCATION,
    COL_MEAN_D,
    COL_METHOD,
    COL_NUMBER,
    COL_PHOTOS,
    COL_RESPONSIBLE_DEPARTMENT,
    COL_RESPONSIBLE_PERSON,
    COL_STATUS,
    COLUMN_COUNT,
    IdRole,
    RegisterModel,
    header_text,
)
from hazard_desktop.ui.register_filters import RegisterFilterBar
from hazard_desktop.ui.widgets import screen_fit, status_text

log = logging.getLogger(__name__)

SETTINGS_FILE = "ui-state.ini"
LAYOUT_VERSION = 3  # bump when columns change: older saved header states are then ignored
_GROUP = "main_window"

# The status bar's permanent items that make room (for a temporary message, or on a narrow window), least important
# first; the hazard count, the operator and a filter chip stay. Each keeps its full wording in its tooltip.
STATUS_GIVE_WAY = ("reportDueLabel", "accountStatus", "dueCounts")
MENU_ORDER = ("file", "edit", "view", "grading", "rectification", "tools", "help")
_MENU_TITLES = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "grading": QT_TRANSLATE_NOOP("MainWindow", "&Grading"),
    "rectification": QT_TRANSLATE_NOOP("MainWindow", "&Rectification"),
    "tools": QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}

DEFAULT_WIDTHS = {  # the description column takes the width left over
    COL_NUMBER: 104,
    COL_FOUND_AT: 118,
    COL_DESCRIPTION: 220,
    COL_LOCATION: 90,
    COL_CATEGORY: 116,
    COL_DEPARTMENT: 80,
    COL_FOUND_BY: 62,
    COL_STATUS: 56,
    COL_GRADE: 64,
    COL_BAND: 72,
    COL_MEAN_D: 60,
    COL_METHOD: 64,
    COL_DISPUTE: 56,
    COL_PHOTOS: 44,
    COL_DEADLINE: 84,
    COL_DAYS_LEFT: 48,
    COL_RESPONSIBLE_DEPARTMENT: 80,
    COL_RESPONSIBLE_PERSON: 62,
}
DEFAULT_SPLIT = (3, 1)  # register : detail pane
DEFAULT_SIZE = QSize(1400, 850)  # on a large screen; screen_fit makes it fit a smaller one
# A fresh layout too narrow for every column hides these first (the header's menu shows them again).
# Method and mean D go last: the band says how dangerous, the detail pane says how it was graded.
OPTIONAL_COLUMNS = (
    COL_PHOTOS, COL_RESPONSIBLE_PERSON, COL_FOUND_BY, COL_CATEGORY, COL_LOCATION, COL_RESPONSIBLE_DEPARTMENT,
    COL_METHOD, COL_MEAN_D, COL_DEADLINE, COL_DAYS_LEFT,
)  # fmt: skip
DESCRIPTION_MIN = 150
# Before method and mean D are hidden, label columns narrow to these widths: long English labels elide
# (the tooltip and the detail pane show them whole) instead of pushing other columns off the right edge.
# The status's English labels are short enough to show whole at its cap (ui/labels.py): it says where a hazard
# stands, and a status cut to "Awaiting gradi…" (trial at 150 %) hid that.
LABEL_CAPS = {COL_STATUS: 100, COL_GRADE: 100, COL_BAND: 100, COL_METHOD: 90, COL_DISPUTE: 80}
_CAP_LABELS = -1  # a step of _fit_columns
_FIT_STEPS = (*OPTIONAL_COLUMNS[:6], _CAP_LABELS, *OPTIONAL_COLUMNS[6:])
# A fresh layout narrower than this (1366×768 at 150 %) gives the register the whole width; F6 or
# dragging the splitter shows the detail pane.
NARROW_WINDOW = 1100

# benchmarks/register.py sets this: print "first-paint <time.monotonic()>" once rows are painted, quit.
BENCH_EXIT_AFTER_PAINT = "HAZARD_DESKTOP_BENCH_EXIT_AFTER_PAINT"


def app_title() -> str:
    """The program's name as the application display name spells it (Qt appends it to native titles)."""
    return QCoreApplication.translate("Application", "Hazard Register")


class MainWindow(QMainWindow):
    """The register window.

    Args:
        context: the application context (services' ports).
        parent: usually None.
        settings: where the layout is remembered (default: ``ui-state.ini`` in the data folder).

    Signals:
        hazard_selected(object): the UUID of the hazard now selected, or None.
    """

    hazard_selected = Signal(object)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mainWindow")
        self._settings = settings or QSettings(str(context.data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
        self._selected_id: uuid.UUID | None = None
        self._menus: dict[str, QMenu] = {}
        self._load_error_shown = False
        self._filtering = False
        # Columns hidden only to fit the register's width (they come back when it widens), apart from those
        # the user hid through View → Columns (they stay hidden whatever the width).
        self._fit_hidden: set[int] = set()
        self._fit_sizes: dict[int, int] = {}  # their widths before, to show them again as they were
        self._user_shown: set[int] = set()  # ticked in View → Columns: never hidden to fit

        self.reference: ReferenceData = load_reference(context.uow())
        bands, decimals = self._grading_display()
        self.model = RegisterModel(
            context.register, labels.category_names(self.reference.categories), self, bands=bands, decimals=decimals
        )
        self.model.load_failed.connect(self._load_failed)

        self.filter_bar = RegisterFilterBar(self.reference.categories, self.reference.departments, self, bands)
        self.filter_bar.filter_changed.connect(self.apply_filter)

        self.view = QTableView(self)
        self.view.setObjectName("registerView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setCornerButtonEnabled(False)
        self.view.verticalHeader().hide()
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure 100,000 rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        for column, width in self.default_widths().items():
            header.resizeSection(column, width)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.view.activated.connect(self._activated)
        self.view.installEventFilter(_RefitOnResize(self))  # this one widget's events only
        self.model.modelReset.connect(self._model_reset)

        self.detail = HazardDetailPane(context, self)
        self.detail.setObjectName("detailPane")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, DEFAULT_SPLIT[0])
        self.splitter.setStretchFactor(1, DEFAULT_SPLIT[1])
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)  # the detail pane folds away on a small screen
        self.splitter.splitterMoved.connect(self._splitter_moved)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("hazardCount")
        self.statusBar().addPermanentWidget(self.count_label)
        self._given_way: list[QWidget] = []
        self.statusBar().messageChanged.connect(self._status_message_changed)

        self._create_actions()
        self._create_menus()
        self._update_title()
        self._update_count()
        self._update_actions()
        self.restore_layout()
        self.drafts_button = QPushButton(self)
        self.drafts_button.setObjectName("openDrafts")
        self.drafts_button.setFlat(True)
        self.drafts_button.clicked.connect(self.open_draft)
        self.statusBar().addWidget(self.drafts_button)
        if self._update_drafts_button():  # said once, at start: a form left by a crash waits here
            self.statusBar().showMessage(self.drafts_button.toolTip(), 15000)
        self._after_paint: list[Callable[[], object]] | None = []
        self.view.viewport().installEventFilter(_FirstPaint(self))
        if os.environ.get(BENCH_EXIT_AFTER_PAINT):
            self.view.viewport().installEventFilter(_ExitAfterFirstRows(self))

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the register has first been painted (at once if it has been): start-up work
        the first rows do not need (the day's backup check) waits until the user sees them."""
        if self._after_paint is None:
            work()
        else:
            self._after_paint.append(work)

    def _first_painted(self) -> None:
        works, self._after_paint = self._after_paint, None
        for work in works or ():
            work()

    # ------------------------------------------------------------------ actions and menus

    def _action(self, text: str, shortcuts: list[QKeySequence], slot: object, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
            keys = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText) if shortcuts else ""
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        style = self.style()
        self.action_new = self._action(
            self.tr("&New hazard…"), [QKeySequence("Ctrl+N")], self.new_hazard, self.tr("Register a new hazard")
        )
        self.action_new.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.action_new.setIconText(self.tr("New hazard"))  # toolbar text without the menu's "(&N)"
        self.action_edit = self._action(
            self.tr("&Edit hazard…"), [QKeySequence("Ctrl+E")], self.edit_hazard, self.tr("Edit the selected hazard")
        )
        self._edit_tip = self.action_edit.toolTip()
        self.action_edit.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        self.action_edit.setIconText(self.tr("Edit hazard"))
        self.action_find = self._action(
            self.tr("&Find…"), [QKeySequence("Ctrl+F")], self.filter_bar.focus_search, self.tr("Search the register")
        )
        self.action_clear_filters = self._action(
            self.tr("Clear &filters"),
            [QKeySequence("Ctrl+Shift+F")],
            self.filter_bar.clear,
            self.tr("Show every hazard"),
        )
        self.action_refresh = self._action(
            self.tr("&Refresh"), [QKeySequence("F5")], self.refresh, self.tr("Read the register again")
        )
        self.action_refresh.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.action_refresh.setIconText(self.tr("Refresh"))
        self.action_details = self._action(
            self.tr("&Details pane"), [QKeySequence("F6")], self._toggle_details, self.tr("Show or hide the details")
        )
        self.action_details.setCheckable(True)
        self.action_details.setChecked(True)
        self.action_reset_layout = self._action(
            self.tr("Reset &layout"), [], self.reset_layout, self.tr("Restore the default column widths and panes")
        )
        self.action_quit = self._action(self.tr("&Quit"), [QKeySequence("Ctrl+Q")], self.close, self.tr("Quit"))
        # Ctrl+Q from any of the program's windows (the inspection list, a runner), not only this one
        self.action_quit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action_about = self._action(self.tr("&About…"), [], self.show_about)

        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addAction(self.action_edit)
        self.view.addAction(self.action_new)

        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.action_new)
        self.toolbar.addAction(self.action_edit)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_refresh)
        self.addToolBar(self.toolbar)

    def _create_menus(self) -> None:
        for key in MENU_ORDER:
            self.menu_for(key)
        file_menu = self.menu_for("file")
        file_menu.addAction(self.action_new)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit_menu = self.menu_for("edit")
        edit_menu.addAction(self.action_edit)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_find)
        view_menu = self.menu_for("view")
        view_menu.addAction(self.action_refresh)
        view_menu.addAction(self.action_clear_filters)
        view_menu.addSeparator()
        view_menu.addAction(self.action_details)
        view_menu.addAction(self.action_reset_layout)
        self.columns_menu = view_menu.addMenu(self.tr("&Columns"))
        self.columns_menu.setObjectName("menu_columns")
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        self._fill_columns_menu(self.columns_menu)
        self.menu_for("help").addAction(self.action_about)

    def menu_for(self, name: str) -> QMenu:
        """The menu ``name`` ("File", "Edit", "View", "Grading", "Tools", "Help", or a new one before Help).

        A menu without actions is hidden; it shows as soon as a feature adds an action to it.
        """
        key = name.strip().lower()
        menu = self._menus.get(key)
        if menu is not None:
            return menu
        title = _MENU_TITLES.get(key)
        menu = QMenu(self.tr(title) if title else name, self)
        menu.setObjectName(f"menu_{key}")
        help_menu = self._menus.get("help")
        if help_menu is not None:
            self.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:
            self.menuBar().addMenu(menu)
        menu.installEventFilter(self)
        self._menus[key] = menu
        self._update_menu_visibility(menu)
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ActionAdded, QEvent.Type.ActionRemoved) and isinstance(watched, QMenu):
            self._update_menu_visibility(watched)
        return super().eventFilter(watched, event)

    @staticmethod
    def _update_menu_visibility(menu: QMenu) -> None:
        menu.menuAction().setVisible(any(not a.isSeparator() for a in menu.actions()))

    # ------------------------------------------------------------------ selection

    def current_hazard_id(self) -> uuid.UUID | None:
        """The hazard selected in the register (or shown in the detail pane)."""
        index = self.view.currentIndex()
        if index.isValid():
            value = self.model.data(index, IdRole)
            if isinstance(value, uuid.UUID):
                return value
        return self.detail.hazard_id()

    def select_hazard(self, hazard_id: uuid.UUID) -> bool:
        """Select ``hazard_id`` in the register and show it; True if it is among the rows shown.

        A hazard far down a long register is found in SQL and scrolled to; one hidden by the filter is
        still shown in the detail pane.
        """
        row = self.model.position_of(hazard_id)
        self._selected_id = hazard_id
        if row < 0:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            self.detail.show_hazard(hazard_id)
            self._update_actions()
            self.hazard_selected.emit(hazard_id)
            return False
        index = self._select_row(row)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if self.detail.hazard_id() != hazard_id:
            self.detail.show_hazard(hazard_id)
        return True

    def _select_row(self, row: int) -> QModelIndex:
        """Make ``row`` the current and the only selected row, whatever keys are held.

        The view's own ``setCurrentIndex``/``selectRow`` follow the keyboard as a click does: with Ctrl held
        (Ctrl+G grades, then the graded hazard is selected again) the row would be toggled off, with Shift a
        range selected.
        """
        index = self.model.index(row, COL_NUMBER)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        return index

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hazard_id = self.model.data(current, IdRole) if current.isValid() else None
        if isinstance(hazard_id, uuid.UUID):
            self._selected_id = hazard_id
            if self.detail.hazard_id() != hazard_id:
                self.detail.show_hazard(hazard_id)
            self.hazard_selected.emit(hazard_id)
        self._update_actions()

    def _activated(self, _index: QModelIndex) -> None:
        self.edit_hazard()

    def _model_reset(self) -> None:
        self._update_count()
        if self._selected_id is not None:
            row = self.model.position_of(self._selected_id)
            if row >= 0:
                self.view.scrollTo(self._select_row(row), QAbstractItemView.ScrollHint.EnsureVisible)
            elif self._filtering:
                self._selected_id = None
                self.detail.clear()
                self.hazard_selected.emit(None)
        self._update_actions()

    # ------------------------------------------------------------------ commands

    def apply_filter(self, flt: RegisterFilter) -> None:
        """Show only the hazards ``flt`` lets through (a selection filtered out leaves the detail pane)."""
        self._filtering = True
        try:
            self.model.set_filter(flt)
        finally:
            self._filtering = False

    def new_hazard(self) -> bool:
        """Open the form for a new hazard; select it when saved."""
        from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog  # not at start-up

        result = HazardEditorDialog.ask(self, self.context)
        if result is None:
            return False
        self.model.refresh()
        self.select_hazard(result.hazard.id)
        self.detail.refresh()
        self.statusBar().showMessage(self.tr("Hazard {number} registered.").format(number=result.hazard.number), 8000)
        return True

    def _draft_keys(self) -> list[str]:
        """Keys of the hazard forms kept as drafts (a new hazard's first, then edited ones)."""
        from hazard_desktop.services.drafts import NEW_HAZARD_KEY

        store = self.context.drafts
        if store is None:
            return []
        try:
            keys = [key for key in store.keys() if key.startswith("hazard-")]  # noqa: SIM118 - a DraftStore, not a dict
        except OSError:
            return []
        return sorted(keys, key=lambda key: key != NEW_HAZARD_KEY)

    def _update_drafts_button(self) -> int:
        """Show the status bar's "drafts kept" button while there are any; return how many."""
        count = len(self._draft_keys())
        self.drafts_button.setText(self.tr("Unsaved forms: {count} – open…").format(count=count))
        self.drafts_button.setToolTip(
            self.tr(
                "{count} hazard form(s) were left unsaved (the program closed during an edit). Click to open them."
            ).format(count=count)
        )
        self.drafts_button.setVisible(count > 0)
        return count

    def open_draft(self) -> bool:
        """Open the form of the first kept draft (it offers the draft), then update the status bar's button."""
        from hazard_desktop.services.drafts import NEW_HAZARD_KEY

        keys = self._draft_keys()
        try:
            if not keys:
                return False
            if keys[0] == NEW_HAZARD_KEY:
                return self.new_hazard()
            try:
                hazard_id = uuid.UUID(keys[0].removeprefix("hazard-"))
            except ValueError:
                return False
            return self.select_hazard(hazard_id) and self.edit_hazard()
        finally:
            self._update_drafts_button()

    def edit_hazard(self) -> bool:
        """Open the form for the selected hazard; show the result when saved."""
        hazard_id = self.current_hazard_id()
        if hazard_id is None:
            return False
        from hazard_desktop.services import hazards as hazard_service  # not at start-up: the rectification rules

        try:
            hazard = hazard_service.get_hazard(self.context.uow(), hazard_id)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            messages.show_error(self, exc)
            return False
        if hazard.status is HazardStatus.CLOSED:  # e.g. a double-click: the detail pane shows it already
            self.statusBar().showMessage(self._closed_tip(), 8000)
            return False
        from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog  # not at start-up

        actions = getattr(self, "rectification_actions", None)  # who edits, for the timeline (issue 12)
        operator = getattr(actions, "operator", None)
        result = HazardEditorDialog.ask(self, self.context, hazard, operator=operator)
        if result is None:
            return False
        self.model.refresh()
        self.select_hazard(result.hazard.id)
        self.detail.refresh()
        self.statusBar().showMessage(self.tr("Hazard {number} saved.").format(number=result.hazard.number), 8000)
        return True

    def refresh(self) -> None:
        """Read reference data and the register again (F5), keeping filter, sort and selection."""
        try:
            self.reference = load_reference(self.context.uow())
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            messages.show_error(self, exc)
            return
        self._load_error_shown = False
        self.filter_bar.set_reference(self.reference.categories, self.reference.departments)
        bands, decimals = self._grading_display()
        self.filter_bar.set_bands(bands)
        self.model.set_bands(bands)
        self.model.set_decimals(decimals)
        self.model.set_category_names(labels.category_names(self.reference.categories))
        self.filter_bar.apply_now()
        self.detail.refresh()
        self._update_title()

    def _grading_display(self) -> tuple[dict[str, BandLabel], int]:
        """Band names and colours of the stored threshold sets, and the decimals shown for mean D."""
        try:
            sets, decimals = reference_queries.register_display(self.context.uow())
            bands = labels.band_labels(sets)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            log.warning("threshold sets or settings not readable: %s", exc)
            return {}, 2
        return bands, decimals

    def show_about(self) -> QMessageBox:
        """A short description of the program with what support asks first: the program's version, the database's
        schema revision and the data folder (non-blocking; the text can be selected and copied)."""
        storage = self.context.storage
        revision = storage.revision() if storage is not None else None
        text = self.tr(
            "{title} {version}\n\nFinds, grades, prints and closes out accident hazards (事故隐患).\n\n"
            "Program version: {version}\nDatabase schema revision: {revision}\nData folder: {folder}"
        ).format(
            title=app_title(),
            version=self.context.version or QCoreApplication.applicationVersion() or "-",
            revision=revision or "-",
            folder=QDir.toNativeSeparators(str(self.context.data_dir)),
        )
        box = messages.show_info(self, self.tr("About"), text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return box

    def _toggle_details(self, checked: bool) -> None:
        self.detail.setVisible(checked)
        if checked and self.splitter.sizes()[-1] == 0:  # folded away by the splitter: open it again
            self._default_split(max(self.splitter.width(), NARROW_WINDOW))

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self.action_details.setChecked(self.detail.isVisible() and self.splitter.sizes()[-1] > 0)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
            header.blockSignals(False)
            self.statusBar().showMessage(self.tr("This column cannot be sorted."), 4000)

    def _load_failed(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            self.statusBar().showMessage(messages.error_text(exc), 10000)
            if not self._load_error_shown and messages.is_user_error(exc):
                self._load_error_shown = True
                messages.show_error(self, exc)

    # ------------------------------------------------------------------ status, title

    def _update_title(self) -> None:
        try:
            name = plant_name(self.context.uow())
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            name = ""
        self.setWindowTitle(f"{name} — {app_title()}" if name else app_title())

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self.model.register_filter == RegisterFilter():
            text = self.tr("1 hazard") if shown == 1 else self.tr("{count} hazards").format(count=f"{shown:,}")
        else:
            try:
                total = self.context.register.count(RegisterFilter())
            except Exception as exc:
                if not messages.is_user_error(exc):
                    raise
                total = shown
            text = self.tr("{count} of {total} hazards (filtered)").format(count=f"{shown:,}", total=f"{total:,}")
        self.count_label.setText(text)

    def _status_message_changed(self, text: str) -> None:
        self.fit_status_bar(text)

    def fit_status_bar(self, message: str | None = None) -> None:
        """Every permanent item of the status bar is shown whole or not at all: when the bar lacks room (1366 px
        at 150 %, issue 12) or a temporary message needs it, the less important ones (:data:`STATUS_GIVE_WAY`)
        first say it shorter (``widgets/status_text.py``; trial u6: "Role:" and the report date were gone in
        English), then step aside, so nothing is drawn over nor cut. The hazard count, the operator and a filter
        chip stay."""
        bar = self.statusBar()
        for widget in self._given_way:
            widget.show()
        self._given_way = []
        give_way = [w for w in (bar.findChild(QWidget, name) for name in STATUS_GIVE_WAY) if w is not None]
        for widget in give_way:
            status_text.show_full(widget)
        if message is None:
            message = bar.currentMessage()
        need = bar.fontMetrics().horizontalAdvance(message) + 24 if message else 0
        drafts = getattr(self, "drafts_button", None)
        if drafts is not None and not drafts.isHidden():
            need = max(need, drafts.sizeHint().width() + 12)
        grip = bar.findChild(QWidget, "qt_statusbar_sizegrip")
        room = self.width() - (grip.sizeHint().width() if grip is not None and not grip.isHidden() else 0) - 12
        for widget in give_way:  # first the shorter wordings, the least important item's first
            if room - self._status_used(bar) >= need:
                break
            status_text.shorten(widget)
        for name in (*STATUS_GIVE_WAY, None):
            if room - self._status_used(bar) >= need:
                break
            widget = bar.findChild(QWidget, name) if name else None
            if widget is not None and not widget.isHidden():
                widget.hide()
                self._given_way.append(widget)

    @staticmethod
    def _status_used(bar: QWidget) -> int:
        """The width the shown permanent items take (each with the layout's spacing and frame)."""
        shown = [w for w in bar.findChildren(QWidget) if w.parent() is bar and not w.isHidden()]
        named = [w for w in shown if w.objectName() not in ("", "qt_statusbar_sizegrip", "openDrafts")]
        return sum(w.sizeHint().width() + 8 for w in named)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_status_bar()

    def _update_actions(self) -> None:
        hazard_id = self.current_hazard_id()
        closed = hazard_id is not None and self._current_closed()
        self.action_edit.setEnabled(hazard_id is not None and not closed)
        # a closed hazard is read-only (its forms are printed): the greyed action says why (issue 12)
        self.action_edit.setToolTip(self._closed_tip() if closed else self._edit_tip)

    def _current_closed(self) -> bool:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row is not None and row.status is HazardStatus.CLOSED

    def _closed_tip(self) -> str:
        return self.tr("Closed out (已销号): read-only — its notice and acceptance form are final.")

    # ------------------------------------------------------------------ layout memory

    @property
    def layout_settings(self) -> QSettings:
        """Where the window's layout is remembered (``ui-state.ini`` in the data folder)."""
        return self._settings

    def save_layout(self) -> None:
        """Remember geometry, panes, columns and sort order."""
        s = self._settings
        screen_fit.save_geometry(self, _GROUP, s)  # one geometry per screen and scaling
        s.beginGroup(_GROUP)
        s.setValue("version", LAYOUT_VERSION)
        s.setValue("state", self.saveState(LAYOUT_VERSION))
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("header", self.view.horizontalHeader().saveState())
        s.setValue("fit_hidden", ",".join(str(c) for c in sorted(self._fit_hidden)))
        s.setValue("user_shown", ",".join(str(c) for c in sorted(self._user_shown)))
        s.setValue("language", labels.current_language())
        s.setValue("sort_key", self.model.sort_key.value)
        s.setValue("descending", "1" if self.model.descending else "0")
        s.setValue("details_visible", "1" if self.action_details.isChecked() else "0")
        s.endGroup()
        s.sync()

    def restore_layout(self) -> None:
        """Apply what :meth:`save_layout` remembered (defaults when nothing or an older layout is stored)."""
        s = self._settings
        s.beginGroup(_GROUP)
        try:
            if str(s.value("version", "")) != str(LAYOUT_VERSION):
                screen_fit.fit_window(self, DEFAULT_SIZE)
                self._fit_columns(self._default_split(self.width()))
                return
            s.endGroup()
            if not screen_fit.restore_geometry(self, _GROUP, s):  # a screen (or scaling) not seen before
                screen_fit.fit_window(self, DEFAULT_SIZE)
            s.beginGroup(_GROUP)
            state = s.value("state")
            if isinstance(state, QByteArray):
                self.restoreState(state, LAYOUT_VERSION)
            splitter = s.value("splitter")
            if isinstance(splitter, QByteArray):
                self.splitter.restoreState(splitter)
            header = s.value("header")
            if isinstance(header, QByteArray):
                self.view.horizontalHeader().restoreState(header)
                self._fit_hidden = self._stored_fit_hidden(s.value("fit_hidden"))
                self._user_shown = _columns(s.value("user_shown")) - self._fit_hidden
                if str(s.value("language", "")) != labels.current_language():
                    self._language_widths()  # widths measured in another language cut or waste room
            try:
                key = SortKey(str(s.value("sort_key", SortKey.NUMBER.value)))
            except ValueError:
                key = SortKey.NUMBER
            self.model.set_sort(key, str(s.value("descending", "1")) == "1")
            visible = str(s.value("details_visible", "1")) == "1"
            self.action_details.setChecked(visible)
            self.detail.setVisible(visible)
        finally:
            s.endGroup()
            self._sync_sort_indicator()

    def reset_layout(self) -> None:
        """Default column widths, order and panes."""
        header = self.view.horizontalHeader()
        for column in range(COLUMN_COUNT):
            header.moveSection(header.visualIndex(column), column)
            header.showSection(column)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.default_widths()[column])
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self._fit_hidden, self._fit_sizes, self._user_shown = set(), {}, set()
        self.action_details.setChecked(True)
        self.detail.setVisible(True)
        self._fit_columns(self._default_split(self.splitter.width()))

    def default_widths(self) -> dict[int, int]:
        """Column widths of a fresh layout: fixed ones, widened to fit the labels of the UI language."""
        metrics = self.view.fontMetrics()
        pad = 14  # cell margins; header texts elide

        def fit(texts: list[str]) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + pad

        widths = dict(DEFAULT_WIDTHS)
        # a laptop's five digits (YH-2026-30001) and the exchange conflict mark (a small icon) beside them; more
        # would push the key columns past a 1366×768 screen at 150 % in English (a laptop slot past 9 elides)
        widths[COL_NUMBER] = max(widths[COL_NUMBER], fit(["YH-2026-00000"]) + 18)
        widths[COL_FOUND_AT] = max(widths[COL_FOUND_AT], fit(["2026-12-31 23:59"]))
        widths[COL_DEADLINE] = max(widths[COL_DEADLINE], fit(["2026-12-31"]))
        widths[COL_DAYS_LEFT] = max(widths[COL_DAYS_LEFT], fit(["-888"]))
        widths[COL_STATUS] = max(widths[COL_STATUS], fit([text for _, text in labels.statuses()]))
        widths[COL_GRADE] = max(widths[COL_GRADE], fit([text for _, text in labels.grades()]))
        icon = 20  # band swatch and dispute mark
        widths[COL_BAND] = max(widths[COL_BAND], fit([b.name for b in self.model.bands.values()] or ["—"]) + icon)
        widths[COL_MEAN_D] = max(widths[COL_MEAN_D], fit(["8888." + "8" * self.model.decimals]))
        widths[COL_METHOD] = max(widths[COL_METHOD], fit([text for _, text in labels.methods()]))
        widths[COL_DISPUTE] = max(widths[COL_DISPUTE], fit([text for _, text in labels.dispute_states()]) + icon)
        for column in range(COLUMN_COUNT):  # the header of the sorted column elides beside its arrow
            widths[column] = max(widths[column], fit([header_text(column)]))
        return widths

    def _default_split(self, total: int) -> int:
        """Share ``total`` between register and detail pane; return the register's width."""
        if total < NARROW_WINDOW:
            self.action_details.setChecked(False)
            self.detail.setVisible(False)
            return total
        detail = max(self.detail.minimumWidth(), total * DEFAULT_SPLIT[1] // sum(DEFAULT_SPLIT))
        self.splitter.setSizes([max(total - detail, 200), detail])
        return max(total - detail, 200)

    def _fit_columns(self, register_width: int) -> None:
        """Until the description gets room: hide photos, finder, category, location; narrow the label
        columns (their text elides); hide method and mean D."""
        header = self.view.horizontalHeader()
        widths = self.default_widths()
        room = register_width - 40  # window margins, frame and scroll bar
        used = sum(w for c, w in widths.items() if c != COL_DESCRIPTION)
        hidden = []
        metrics = header.fontMetrics()
        for step in _FIT_STEPS:
            if room - used >= DESCRIPTION_MIN:
                break
            if step == _CAP_LABELS:
                for column, cap in LABEL_CAPS.items():
                    narrower = min(widths[column], max(cap, metrics.horizontalAdvance(header_text(column)) + 24))
                    used -= widths[column] - narrower
                    widths[column] = narrower
                continue
            hidden.append(step)
            used -= widths[step]
        natural = self.default_widths()
        spare = room - used - DESCRIPTION_MIN  # hiding a column may leave room: narrowed labels get it back
        short = {c: natural[c] - widths[c] for c in LABEL_CAPS if c not in hidden and natural[c] > widths[c]}
        if spare > 0 and short:
            total_short = sum(short.values())
            for column, missing in short.items():
                given = min(missing, spare * missing // total_short)
                widths[column] += given
                used += given
        # Resize modes first: changing them after hiding sections leaves gaps where the hidden ones were.
        if room - used >= DESCRIPTION_MIN:
            header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        else:  # still too narrow: a readable description and a horizontal scroll bar
            header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(COL_DESCRIPTION, widths[COL_DESCRIPTION])
        for column in LABEL_CAPS:
            header.resizeSection(column, widths[column])
        for column in OPTIONAL_COLUMNS:
            header.setSectionHidden(column, column in hidden)
        self._fit_hidden = set(hidden)
        self._fit_sizes, self._user_shown = {}, set()

    def _stored_fit_hidden(self, value: object) -> set[int]:
        """The columns a remembered layout had hidden to fit (of those hidden now).

        A layout saved before this was remembered (no value) hid optional columns only to fit, unless the
        user hid one: taking them all as hidden to fit brings them back once the window has room.
        """
        header = self.view.horizontalHeader()
        hidden = {c for c in OPTIONAL_COLUMNS if header.isSectionHidden(c)}
        if value is None:
            return hidden
        return _columns(value) & hidden

    def refit_columns(self) -> None:
        """After the register's width changed: hide optional columns (photos first, as a fresh layout does)
        while the description has no room, and show again those hidden only to fit once it has.

        Columns the user hid (View → Columns) stay hidden and take no room, those the user ticked stay shown;
        widths stay as they are.
        """
        header = self.view.horizontalHeader()
        # The view's own frame and a vertical scroll bar (rows may come): what _fit_columns's 40 px leave of the
        # window's width once its margins and the splitter handle are taken too.
        extent = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.view)
        room = self.view.width() - 2 * self.view.frameWidth() - extent
        user_hidden = {c for c in range(COLUMN_COUNT) if header.isSectionHidden(c)} - self._fit_hidden
        natural = self.default_widths()
        # sectionSize() reads 0 while a section is hidden: one hidden to fit counts at the size it had.
        sizes = {
            c: self._fit_sizes.get(c, natural[c]) if c in self._fit_hidden else header.sectionSize(c)
            for c in range(COLUMN_COUNT)
            if c != COL_DESCRIPTION and c not in user_hidden
        }
        used = sum(sizes.values())
        hide: set[int] = set()
        for step in _FIT_STEPS:  # as a fresh layout: the label columns keep to their caps before the days left go
            if room - used >= DESCRIPTION_MIN:
                break
            if step == _CAP_LABELS:
                used -= self._cap_label_columns(sizes)
            elif step in sizes and step not in self._user_shown:
                hide.add(step)
                used -= sizes[step]
        fits = room - used >= DESCRIPTION_MIN
        # Resize modes first: changing them after hiding sections leaves gaps where the hidden ones were.
        mode = header.sectionResizeMode(COL_DESCRIPTION)
        if fits and mode != QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        elif not fits and mode == QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(COL_DESCRIPTION, natural[COL_DESCRIPTION])
        if hide == self._fit_hidden:
            return
        for column in hide - self._fit_hidden:
            self._fit_sizes[column] = header.sectionSize(column)
            header.hideSection(column)
        for column in self._fit_hidden - hide:
            header.showSection(column)
            header.resizeSection(column, self._fit_sizes.pop(column, natural[column]))
        self._fit_hidden = hide

    def _cap_label_columns(self, sizes: dict[int, int]) -> int:
        """Narrow the shown label columns wider than their caps (:data:`LABEL_CAPS`); return the width freed.

        Trial u6: a layout saved in Chinese and opened in English at 911 px measured the band at its whole
        English label ("Significantly dangerous"), which pushed the dispute and the days left out of view.
        """
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        freed = 0
        for column, cap in LABEL_CAPS.items():
            if column not in sizes or header.isSectionHidden(column):
                continue
            narrower = max(cap, metrics.horizontalAdvance(header_text(column)) + 24)
            if sizes[column] > narrower:
                freed += sizes[column] - narrower
                sizes[column] = narrower
                header.resizeSection(column, narrower)
        return freed

    def _language_widths(self) -> None:
        """Default widths for the visible fixed-width columns (order and hidden columns stay as chosen)."""
        header = self.view.horizontalHeader()
        for column, width in self.default_widths().items():
            if column != COL_DESCRIPTION and not header.isSectionHidden(column):
                header.resizeSection(column, width)

    def _fill_columns_menu(self, menu: QMenu) -> None:
        """One tick per column (the number always shows)."""
        menu.clear()
        header = self.view.horizontalHeader()
        for column in range(COLUMN_COUNT):
            action = menu.addAction(header_text(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != COL_NUMBER)
            action.setData(column)
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))

    def _show_column(self, column: int, shown: bool) -> None:
        """View → Columns: the user's choice, which no later fitting to the width undoes."""
        self._fit_hidden.discard(column)
        self._fit_sizes.pop(column, None)
        if shown:
            self._user_shown.add(column)
        else:
            self._user_shown.discard(column)
        self.view.horizontalHeader().setSectionHidden(column, not shown)

    def _header_menu(self, pos: QPoint) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._fill_columns_menu(menu)
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))
        return menu

    def _sync_sort_indicator(self) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.blockSignals(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The inspection list, runners and previews are windows of their own: quitting closes them first
        # (each may still refuse, e.g. to keep unsaved answers), so no window outlives the register.
        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible() and not child.close():
                event.ignore()
                return
        self.save_layout()
        super().closeEvent(event)


def _columns(value: object) -> set[int]:
    """Column numbers stored as "3,4,13" (QSettings may read a list back)."""
    if isinstance(value, list):
        value = ",".join(str(v) for v in value)
    text = value if isinstance(value, str) else ""
    return {int(part) for part in text.split(",") if part.strip().isdigit() and int(part) < COLUMN_COUNT}


class _RefitOnResize(QObject):
    """On the register view only: when its width changes, the window fits its columns again."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        window = self.parent()
        if (
            event.type() == QEvent.Type.Resize
            and isinstance(window, MainWindow)
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            window.refit_columns()
        return False


class _FirstPaint(QObject):
    """Calls :meth:`MainWindow._first_painted` after the register's first paint event has been handled."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self.parent()
        if event.type() == QEvent.Type.Paint and isinstance(window, MainWindow):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, window._first_painted)  # after this paint event has been handled
        return False


class _ExitAfterFirstRows(QObject):
    """Benchmark hook (``BENCH_EXIT_AFTER_PAINT``): report when the register has painted rows, then quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self.parent()
        if event.type() == QEvent.Type.Paint and isinstance(window, MainWindow) and window.model.rowCount() > 0:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)  # after this paint event has been handled
        return False

    @staticmethod
    def _report() -> None:
        print(f"first-paint {time.monotonic():.6f}", flush=True)
        QCoreApplication.quit()

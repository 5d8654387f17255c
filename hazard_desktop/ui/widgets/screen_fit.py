"""Windows and dialogs that fit the screen they open on (a 1366×768 plant laptop at 150 % leaves ~911×512).

One call at the end of a window's ``__init__`` does it::

    screen_fit.fit_window(self, QSize(900, 640), remember="panelScoring")

or, anywhere in ``__init__`` (e.g. in place of an old ``resize``/``setMinimumSize`` line), the same
deferred until the window is first shown, when its layout is complete::

    screen_fit.fit_on_show(self, QSize(900, 640), remember="panelScoring")

- the window opens at the preferred size (default: its size hint), never larger than the available
  screen area less the window frame, and never smaller than its layout needs when that fits;
- a fixed minimum size larger than the screen is dropped (the layout's own minimum, which fits, applies);
- combo boxes whose longest entry would make the window wider than the screen shrink (their list
  still shows whole entries);
- when the layout needs more room than the screen has (or ``scroll=True``), the window's content moves
  into a :class:`QScrollArea`; the trailing button row (a :class:`QDialogButtonBox`, a row of buttons,
  or the widgets given as ``keep``) stays outside it, so OK/Cancel are always visible;
- combo boxes and spin boxes take the mouse wheel only when they have the focus (``wheel_guard``: each
  field is guarded when the window shows and when its layout changes later);
- with ``remember`` and :func:`remember_in` called once at start (the composition root does), the size
  and place are stored per screen and screen size (a change of scaling is another screen) and reused.

Tests simulate a screen with :func:`set_available_override`; the offscreen platform cannot change its
scale factor inside one process, and logical sizes at 150 % are what counts for layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSpacerItem,
    QStackedWidget,
    QStyle,
    QWidget,
)

from hazard_desktop.ui.widgets.wheel_guard import guard_wheel

# Window frame and title bar, not part of a widget's own size (Windows 10/11: ~8 px borders, ~31 px title).
FRAME = QSize(16, 40)
SCROLL_NAME = "screenFitScroll"
COMBO_CHARS = 16  # a combo box's width in characters when its entries would make the window too wide
CONTENT_NAME = "screenFitContent"
_GROUP = "window_geometry"

_override: QRect | None = None
_settings: QSettings | None = None


def set_available_override(rect: QRect | None) -> QRect | None:
    """Pretend every screen offers ``rect`` (tests, screenshots); None: ask the real screen.

    Returns the override that was in force, to put back afterwards.
    """
    global _override
    previous = _override
    _override = QRect(rect) if rect is not None else None
    return previous


def remember_in(settings: QSettings | None) -> None:
    """Where :func:`fit_window` keeps window geometry (None: nothing is remembered)."""
    global _settings
    _settings = settings


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The screen area (logical pixels, taskbar excluded) ``widget`` opens on: its parent window's screen."""
    if _override is not None:
        return QRect(_override)
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        anchor = parent.window() if parent is not None and parent.isVisible() else widget
        screen = anchor.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def room(widget: QWidget | None = None) -> QSize:
    """The largest size a top-level window may have on ``widget``'s screen (frame excluded)."""
    return (available_geometry(widget).size() - FRAME).expandedTo(QSize(200, 150))


def fit_window(
    window: QWidget,
    preferred: QSize | tuple[int, int] | None = None,
    *,
    scroll: bool | None = None,
    keep: Iterable[QWidget] = (),
    remember: str = "",
) -> None:
    """Size the top-level ``window`` to fit its screen (see the module text).

    Args:
        window: a dialog or main window whose layout is built.
        preferred: the size wanted on a large screen (default: the window's size hint).
        scroll: True: always put the content in a scroll area; False: never; None: only when it does not fit.
        keep: widgets that stay outside the scroll area (besides the trailing button row).
        remember: a stable name under which size and place are stored per screen ("" = not remembered).
    """
    keep = tuple(keep)
    wanted = _prepare(window, preferred, scroll, keep)
    _apply_size(window, wanted, remember)
    _cap(window, keep)
    guard_wheel(window)


def _prepare(
    window: QWidget, preferred: QSize | tuple[int, int] | None, scroll: bool | None, keep: Iterable[QWidget]
) -> QSize:
    """Scroll area and minimum size; returns the size wanted (measured before any wrapping)."""
    space = room(window)
    layout = window.layout()
    if isinstance(preferred, tuple):
        preferred = QSize(*preferred)
    wanted = QSize(preferred) if preferred is not None else window.sizeHint()
    if layout is not None:
        wanted = wanted.expandedTo(layout.totalMinimumSize().boundedTo(space))
    if layout is not None and layout.totalMinimumSize().width() > space.width():
        _relax_combo_boxes(window)
        layout.invalidate()
    if scroll is None:
        needed = layout.totalMinimumSize() if layout is not None else window.minimumSizeHint()
        scroll = needed.width() > space.width() or needed.height() > space.height()
    if scroll and layout is not None:
        area = wrap_in_scroll_area(window, keep)
        if area is not None and window.isVisible():
            area.show()
        if area is not None:  # wide enough for the content beside a vertical scroll bar: no sideways scrolling
            margins = layout.contentsMargins()
            extent = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, area)
            needed = area.widget().minimumSizeHint().width() + extent + margins.left() + margins.right()
            wanted.setWidth(max(wanted.width(), min(needed, space.width())))
    minimum = window.minimumSize()
    if minimum.width() > space.width() or minimum.height() > space.height():
        window.setMinimumSize(0, 0)  # too big for this screen: the layout's own minimum applies (it fits)
    if window.maximumWidth() < wanted.width() or window.maximumHeight() < wanted.height():
        wanted = wanted.boundedTo(window.maximumSize())
    return wanted


def _apply_size(window: QWidget, wanted: QSize, remember: str) -> None:
    window.resize(wanted.boundedTo(room(window)))
    _centre(window)
    if remember:
        _restore(window, remember)


def fit_on_show(
    window: QWidget,
    preferred: QSize | tuple[int, int] | None = None,
    *,
    scroll: bool | None = None,
    keep: Iterable[QWidget] = (),
    remember: str = "",
) -> None:
    """:func:`fit_window` with the same arguments, done when ``window`` first shows (its layout is complete).

    The scroll area is put in when the window is polished, before its children show; the size is set in
    the show event, after Qt's own first ``adjustSize`` (which would otherwise undo it).
    """
    window.installEventFilter(_FitOnShow(window, preferred, scroll, tuple(keep), remember))


class _FitOnShow(QObject):
    def __init__(
        self,
        window: QWidget,
        preferred: QSize | tuple[int, int] | None,
        scroll: bool | None,
        keep: tuple[QWidget, ...],
        remember: str,
    ) -> None:
        super().__init__(window)
        self._args = (preferred, scroll, keep)
        self._remember = remember
        self._wanted: QSize | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Polish, QEvent.Type.Show) or not isinstance(watched, QWidget):
            return False
        if self._wanted is None:
            self._wanted = _prepare(watched, *self._args)
        if kind == QEvent.Type.Show:
            watched.removeEventFilter(self)
            _apply_size(watched, self._wanted, self._remember)
            _cap(watched, self._args[2])
            guard_wheel(watched)
            self.deleteLater()
        return False


def _cap(window: QWidget, keep: tuple[QWidget, ...]) -> None:
    if window.findChild(_Cap, "screenFitCap") is None:
        window.installEventFilter(_Cap(window, keep))


class _Cap(QObject):
    """Keeps a fitted window on its screen when its content grows later (another page, rows added).

    Qt enlarges a window to its layout's new minimum; when that minimum passes the screen, the content
    moves into a scroll area (buttons kept outside, as in :func:`fit_window`) and the window shrinks back.
    """

    def __init__(self, window: QWidget, keep: tuple[QWidget, ...]) -> None:
        super().__init__(window)
        self.setObjectName("screenFitCap")
        self._window = window
        self._keep = keep
        self._pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show) and watched is self._window:
            guard_wheel(self._window)  # fields added since (a page, a row of fields) take the wheel only when focused
        if event.type() == QEvent.Type.Resize and watched is self._window and not self._pending:
            # Only growth the layout forces (its minimum passed the screen): a user's own resize, or a
            # maximized window, is left alone.
            space = room(self._window)
            minimum = self._window.minimumSize()
            forced = minimum.width() > space.width() or minimum.height() > space.height()
            maximized = self._window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen)
            if forced and not maximized:
                self._pending = True
                QTimer.singleShot(0, self._shrink)  # not inside the resize Qt is still delivering
        return False

    def _shrink(self) -> None:
        self._pending = False
        window = self._window
        area = wrap_in_scroll_area(window, self._keep)
        if area is not None and window.isVisible():
            area.show()
        space = room(window)
        if window.minimumWidth() > space.width() or window.minimumHeight() > space.height():
            window.setMinimumSize(0, 0)  # the layout's own minimum (scrolled content: small) applies
        layout = window.layout()
        if layout is not None:
            layout.activate()
        fit_size(window)


def fit_size(window: QWidget) -> None:
    """Make an already sized window fit its screen again (e.g. after a restored geometry)."""
    space = room(window)
    if window.width() > space.width() or window.height() > space.height():
        window.resize(window.size().boundedTo(space))
    area = available_geometry(window)
    frame = window.frameGeometry()
    if window.isVisible() and not area.contains(frame):
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        window.move(max(x, area.x()), max(y, area.y()))


def wrap_in_scroll_area(window: QWidget, keep: Iterable[QWidget] = ()) -> QScrollArea | None:
    """Move ``window``'s content into a scroll area; the trailing button row and ``keep`` stay outside.

    Returns the scroll area, or None when the window's layout is not a box layout (nothing is moved).
    """
    layout = window.layout()
    if not isinstance(layout, QBoxLayout):
        return None
    existing = window.findChild(QScrollArea, SCROLL_NAME)
    if existing is not None:
        return existing
    kept = set(keep)
    trailing = layout.count()
    while trailing > 0 and _is_button_row(layout.itemAt(trailing - 1), kept):
        trailing -= 1
    content = _Content()
    content.setObjectName(CONTENT_NAME)
    inner = QBoxLayout(layout.direction(), content)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(layout.spacing())
    index = 0
    first = -1
    for _ in range(trailing):
        item = layout.itemAt(index)
        widget = item.widget()
        if widget is not None and widget in kept:
            index += 1
            continue
        if first < 0:
            first = index
        stretch = layout.stretch(index)
        taken = layout.takeAt(index)
        _move_item(taken, inner, stretch)
    area = QScrollArea(window)
    area.setObjectName(SCROLL_NAME)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    layout.insertWidget(max(first, 0), area, 1)
    return area


class _Content(QWidget):
    """Scrolled content at its natural height: lists and text boxes are not squeezed to their minimum."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.sizeHint().height()))


class PageActions(QStackedWidget):
    """The action buttons of a paged dialog, one row per page, kept below the scrolled content.

    A page's own "Start scoring" or "Confirm" would scroll out of view with the page on a small screen;
    here the row of the current page shows, always visible, next to the dialog's Close button. Pass it in
    ``keep`` of :func:`fit_window`. A new page opens at its top: the scroll area the pages sit in is scrolled
    back up (the user had scrolled down to the previous page's button).
    """

    def __init__(self, pages: QStackedWidget, rows: dict[int, QLayout], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageActions")
        for index in range(pages.count()):
            holder = QWidget(self)
            row = rows.get(index)
            if row is not None:
                row.setContentsMargins(0, 0, 0, 0)
                holder.setLayout(row)
            self.addWidget(holder)
        self._pages = pages
        pages.currentChanged.connect(self.setCurrentIndex)
        pages.currentChanged.connect(self._scroll_to_top)
        self.currentChanged.connect(self.updateGeometry)
        self.setCurrentIndex(pages.currentIndex())

    def _scroll_to_top(self) -> None:
        self._to_top()
        QTimer.singleShot(0, self, self._to_top)  # again once the new page is laid out and focus has moved

    def _to_top(self) -> None:
        parent = self._pages.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.verticalScrollBar().setValue(0)

    def sizeHint(self) -> QSize:  # the current row, not the widest of all (an empty row takes no room)
        current = self.currentWidget()
        return current.sizeHint() if current is not None and current.layout() is not None else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None and current.layout() is not None else QSize(0, 0)


def screen_key(window: QWidget) -> str:
    """``<screen name>@<width>x<height>``: one remembered geometry per screen and scaling."""
    area = available_geometry(window)
    screen = window.screen() or QGuiApplication.primaryScreen()
    name = re.sub(r"[^0-9A-Za-z_.-]+", "_", screen.name() if screen is not None else "") or "screen"
    return f"{name}@{area.width()}x{area.height()}"


def save_geometry(window: QWidget, name: str, settings: QSettings | None = None) -> None:
    """Store ``window``'s geometry for the screen it is on."""
    settings = settings or _settings
    if settings is None:
        return
    settings.setValue(f"{_GROUP}/{name}/{screen_key(window)}", window.saveGeometry())


def restore_geometry(window: QWidget, name: str, settings: QSettings | None = None) -> bool:
    """Apply the geometry stored for this screen (True if there was one), kept inside the screen."""
    settings = settings or _settings
    if settings is None:
        return False
    value = settings.value(f"{_GROUP}/{name}/{screen_key(window)}")
    if not isinstance(value, QByteArray) or value.isEmpty() or not window.restoreGeometry(value):
        return False
    fit_size(window)
    return True


def _restore(window: QWidget, name: str) -> None:
    restore_geometry(window, name)
    if _settings is not None and window.findChild(_GeometryKeeper, "screenFitKeeper") is None:
        window.installEventFilter(_GeometryKeeper(window, name))


class _GeometryKeeper(QObject):
    """Stores the window's geometry when it is hidden (closed, accepted or rejected)."""

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.setObjectName("screenFitKeeper")
        self._name = name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and watched.isWindow():
            save_geometry(watched, self._name)
        return False


def _relax_combo_boxes(window: QWidget) -> None:
    """Combo boxes sized to their longest entry make a form wider than a small screen: let them shrink
    to ``COMBO_CHARS`` characters (the open list and the tooltip still show whole entries)."""
    for combo in window.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() != QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_CHARS)
            sheet = combo.styleSheet()  # a style change drops the combo box's cached minimum size
            combo.setStyleSheet(sheet + " ")
            combo.setStyleSheet(sheet)


def _centre(window: QWidget) -> None:
    """Over the parent window (or the screen), moved inside the screen with its frame and title bar.

    Qt places a dialog over its parent before it is resized to fit, and a window with a parent where the
    window system likes; either can leave the bottom (the buttons) below the screen edge.
    """
    area = available_geometry(window)
    size = window.size() + FRAME
    parent = window.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None and parent.isVisible() else area.center()
    x = min(centre.x() - size.width() // 2, area.x() + area.width() - size.width())
    y = min(centre.y() - size.height() // 2, area.y() + area.height() - size.height())
    window.move(max(x, area.x()), max(y, area.y()))


def _is_button_row(item: QLayoutItem | None, kept: set[QWidget]) -> bool:
    """A dialog button box, a widget in ``kept``, or a layout holding only buttons and spacing."""
    if item is None:
        return False
    widget = item.widget()
    if widget is not None:
        return isinstance(widget, QDialogButtonBox) or widget in kept
    sub = item.layout()
    if sub is None:
        return False
    widgets = [sub.itemAt(i).widget() for i in range(sub.count())]
    present = [w for w in widgets if w is not None]
    return bool(present) and all(isinstance(w, QAbstractButton | QDialogButtonBox) for w in present)


def _move_item(item: QLayoutItem, target: QBoxLayout, stretch: int) -> None:
    widget = item.widget()
    sub = item.layout()
    if widget is not None:
        target.addWidget(widget, stretch, item.alignment())
    elif isinstance(sub, QLayout):
        target.addLayout(sub, stretch)
    else:
        spacer = item.spacerItem()
        if spacer is not None:
            hint = spacer.sizeHint()
            policy = spacer.sizePolicy()
            target.addItem(QSpacerItem(hint.width(), hint.height(), policy.horizontalPolicy(), policy.verticalPolicy()))
            target.setStretch(target.count() - 1, stretch)

"""QApplication set-up: bundled CJK font, translators (zh_CN default, English second), identity."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
ENV_LANG = "HAZARD_DESKTOP_LANG"


def chosen_language(cli_value: str | None) -> str:
    """``--lang`` → ``HAZARD_DESKTOP_LANG`` → Chinese (the plant's language)."""
    value = cli_value or os.environ.get(ENV_LANG) or DEFAULT_LANGUAGE
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def load_fonts(resource_dir: Path) -> str | None:
    """Register the bundled CJK font and make it the application font; return its family."""
    family = None
    for path in sorted((resource_dir / "fonts").glob("*.tt[cf]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    if family:
        font = QFont(family)
        font.setPointSize(10)
        QApplication.setFont(font)
    else:
        log.warning("no bundled CJK font found in %s", resource_dir / "fonts")
    return family


def install_translators(app: QCoreApplication, resource_dir: Path, language: str) -> list[QTranslator]:
    """Install every ``*_<language>.qm`` of ours plus Qt's own ``qtbase_<language>.qm``."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folder = resource_dir / "translations"
    files = sorted(folder.glob(f"*_{language}.qm"))
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            translators.append(translator)
    if not files:
        log.warning("no %s translations found in %s", language, folder)
    qt_translator = _qt_translator(app, resource_dir, language)
    if qt_translator is not None:
        translators.append(qt_translator)
    return translators


def _qt_translator(app: QCoreApplication, resource_dir: Path, language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons, file, print and colour dialogs, context menus) in ``language``.

    The frozen program carries ``qtbase_<language>.qm`` in ``resources/qt_translations`` (see the spec);
    from source, Qt's translations folder has it.
    """
    name = f"qtbase_{language}.qm"
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for path in (resource_dir / "qt_translations" / name, qt_dir / name):
        translator = QTranslator(app)
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            return translator
    log.warning("Qt's own %s translation (%s) not found: Qt's dialogs stay in English", language, name)
    return None


def create_application(argv: list[str], resource_dir: Path, language: str, *, wheel_guard: bool = True) -> QApplication:
    """The QApplication with fonts and translators installed (reuses an existing instance).

    Args:
        wheel_guard: install the :class:`WheelGuard` now. The window's start installs it itself once the
            register is painted, or before a dialog it shows first: an application-wide Python event filter
            costs every event of the window's construction a call into Python (~30 ms at start).
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("hazard_desktop")
    app.setOrganizationName("hazard_desktop")
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Hazard Register"))
    load_fonts(resource_dir)
    if wheel_guard:
        install_wheel_guard(app)
    app._hazard_translators = install_translators(app, resource_dir, language)  # type: ignore[attr-defined]
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Hazard Register"))
    return app


class WheelGuard(QObject):
    """Combo boxes, spin boxes and date edits take the mouse wheel only when they have the focus.

    Scrolling a long form (新建隐患) with the wheel must scroll the form, not silently change the 责任部门
    the pointer passes over. Installed once on the application: each such widget is given
    ``Qt.StrongFocus`` when polished (so the wheel no longer gives it the focus), and a wheel event over
    one without the focus is ignored, so Qt passes it on to the parent (the scroll area).
    """

    GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit, QTimeEdit, QDoubleSpinBox are spin boxes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, self.GUARDED) and not watched.hasFocus():
                event.ignore()
                return True  # not handled here, and ignored: Qt offers it to the parent widget
        elif (
            kind == QEvent.Type.Polish
            and isinstance(watched, self.GUARDED)
            and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus
        ):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Install the :class:`WheelGuard` on ``app`` once (later calls return the one installed)."""
    guard = getattr(app, "_hazard_wheel_guard", None)
    if isinstance(guard, WheelGuard):
        return guard
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app._hazard_wheel_guard = guard  # type: ignore[attr-defined]
    for widget in QApplication.allWidgets():  # widgets made before: their polish event has passed
        if isinstance(widget, WheelGuard.GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard


# Notices the offscreen platform prints for every window; they mean nothing to a user.
HARMLESS_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)


def install_message_log() -> None:
    """Send Qt's own messages to the log file; only real warnings also reach stderr."""
    import sys

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, _context: object, text: str) -> None:
        if any(text.startswith(notice) for notice in HARMLESS_QT_MESSAGES):
            qt_log.debug("%s", text)
            return
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            qt_log.debug("%s", text)
            return
        qt_log.warning("%s", text)
        print(text, file=sys.stderr)

    global _message_handler
    _message_handler = handler  # PySide6 does not keep the callable alive
    qInstallMessageHandler(handler)


_message_handler: object = None

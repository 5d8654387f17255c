"""QApplication set-up: bundled CJK font, translators (zh_CN default, English second), identity."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

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


def create_application(argv: list[str], resource_dir: Path, language: str) -> QApplication:
    """The QApplication with fonts and translators installed (reuses an existing instance)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("hazard_desktop")
    app.setOrganizationName("hazard_desktop")
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Hazard Register"))
    load_fonts(resource_dir)
    app._hazard_translators = install_translators(app, resource_dir, language)  # type: ignore[attr-defined]
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Hazard Register"))
    return app


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

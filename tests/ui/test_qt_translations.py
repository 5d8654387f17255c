"""Qt's own texts (standard buttons, print preview, file dialogs) follow the Chinese UI (issue 11 §1)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from hazard_desktop.ui import application

ROOT = Path(__file__).resolve().parents[2]
QT_ZH = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_zh_CN.qm"


def _cancel_text() -> str:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


def _install(qapp, resource_dir: Path) -> list:
    locale = QLocale()
    translators = application.install_translators(qapp, resource_dir, "zh_CN")
    QLocale.setDefault(locale)
    return translators


def _remove(translators: list) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_qt_standard_buttons_are_chinese_from_source(qapp) -> None:
    translators = _install(qapp, ROOT / "resources")
    try:
        assert _cancel_text() == "取消"
        assert QCoreApplication.translate("QPrintPreviewDialog", "Page setup") == "打印设置"
    finally:
        _remove(translators)
    assert _cancel_text() == "Cancel"


def test_the_bundled_copy_is_used_when_qt_has_none(qapp, qtbot, tmp_path, monkeypatch) -> None:
    """The frozen program's layout: resources/qt_translations/qtbase_zh_CN.qm, no Qt translations folder."""
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "translations", resources / "translations")
    (resources / "qt_translations").mkdir()
    shutil.copy(QT_ZH, resources / "qt_translations" / QT_ZH.name)
    monkeypatch.setattr(application.QLibraryInfo, "path", lambda _which: str(tmp_path / "no-qt-here"))
    translators = _install(qapp, resources)
    try:
        assert _cancel_text() == "取消"
        assert _file_dialog_labels(qtbot)["lookInLabel"] == "查找范围(&L)："  # qt_gaps_zh_CN travels along
    finally:
        _remove(translators)


def test_the_spec_bundles_qt_chinese_translation() -> None:
    spec = (ROOT / "installer" / "hazard_desktop.spec").read_text(encoding="utf-8")
    assert '"qtbase_zh_CN.qm"' in spec and '"resources/qt_translations"' in spec


def _file_dialog_labels(qtbot) -> dict[str, str]:
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x", str(ROOT), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # the dialog offscreen/xcb and Windows trials show
    qtbot.addWidget(dialog)
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}


def test_the_widget_file_dialog_is_chinese(qapp, qtbot) -> None:
    """添加照片 / 另存为 PDF: qtbase_zh_CN.qm lacks "&Look in:" and "Files of &type:"; qt_gaps_zh_CN fills them."""
    translators = _install(qapp, ROOT / "resources")
    try:
        labels = _file_dialog_labels(qtbot)
    finally:
        _remove(translators)
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："


def test_the_file_dialogs_type_column_is_chinese(qapp) -> None:
    """Qt 6 asks QAbstractFileIconProvider for "Folder" (disambiguated); qtbase has it only under QFileDialog."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtGui import QAbstractFileIconProvider

    translators = _install(qapp, ROOT / "resources")
    try:
        kind = QAbstractFileIconProvider().type(QFileInfo(str(ROOT / "resources")))
    finally:
        _remove(translators)
    assert kind == "文件夹"

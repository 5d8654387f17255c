"""installer/dist_check.py's own rules: checks that can fail on Windows too, and the UTF-8 option of the spec."""

from __future__ import annotations

import importlib.util
import os
import re
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("dist_check", ROOT / "installer" / "dist_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dist_check = _load()


@pytest.mark.parametrize(
    "name",
    [
        "Qt6Qml.dll",  # Windows names: the old check matched none of these
        "Qt6Quick.dll",
        "Qt6QmlModels.dll",
        "Qt6WebEngineCore.dll",
        "Qt63DCore.dll",
        "Qt6DataVisualization.dll",
        "tk86t.dll",
        "tcl86t.dll",
        "_tkinter.pyd",
        "_internal/_tcl_data",
        "libQt6Qml.so.6",  # Linux names
        "libQt6Quick.so.6",
        "QtQml.abi3.so",
        "QtQml.pyd",
    ],
)
def test_forbidden_modules_are_found_under_every_name(name):
    assert dist_check.forbidden_files([name]) == [name]


@pytest.mark.parametrize(
    "name",
    ["Qt6Core.dll", "Qt6Gui.dll", "Qt6Widgets.dll", "Qt6Pdf.dll", "Qt6Svg.dll", "QtCore.pyd", "libQt6Core.so.6",
     "qwindows.dll", "python311.dll", "sqlite3.dll", "_internal/PySide6/QtWidgets.pyd", "ticket.txt"],
)  # fmt: skip
def test_kept_modules_are_not_flagged(name):
    assert dist_check.forbidden_files([name]) == []


def test_the_qt_windows_platform_plugin_is_required(tmp_path):
    bundle = tmp_path / "_internal"
    platforms = bundle / "PySide6" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (platforms / "qoffscreen.dll").write_bytes(b"")
    assert dist_check.missing_platform_plugins(bundle, "win32") == ["qwindows.dll"]
    (platforms / "qwindows.dll").write_bytes(b"")
    assert dist_check.missing_platform_plugins(bundle, "win32") == []
    assert dist_check.missing_platform_plugins(bundle, "linux") == ["libqxcb.so", "libqoffscreen.so"]


def test_written_since_sees_a_new_or_changed_user_folder(tmp_path):
    folder = tmp_path / "Local" / "hazard_desktop"
    assert dist_check.written_since(folder, time.time()) == []
    folder.mkdir(parents=True)
    old = folder / "hazard_desktop.db"
    old.write_bytes(b"x")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(folder, (long_ago, long_ago))
    started = time.time()
    # the folder's ctime is now (its utime changed it), so look only at the files for the "untouched" case
    assert old not in dist_check.written_since(folder, started)
    (folder / "logs").mkdir()
    assert folder / "logs" in dist_check.written_since(folder, started)


def test_clean_env_drops_pythonutf8(monkeypatch, tmp_path):
    monkeypatch.setenv("PYTHONUTF8", "1")
    monkeypatch.setenv("HAZARD_DESKTOP_DATA", "/x")
    env = dist_check.clean_env(tmp_path / "home")
    assert "PYTHONUTF8" not in env and "HAZARD_DESKTOP_DATA" not in env


def test_the_spec_turns_utf8_mode_on_with_the_option_pyinstaller_knows():
    """PyInstaller's bootloader knows ``X utf8`` (and ``X utf8=0``); ``X utf8_mode=1`` was silently ignored."""
    spec = (ROOT / "installer" / "hazard_desktop.spec").read_text(encoding="utf-8")
    options = re.findall(r'\("(X [^"]+)", None, "OPTION"\)', spec)
    assert options == ["X utf8"]

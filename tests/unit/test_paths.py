"""Where the data folder is: --data-dir, HAZARD_DESKTOP_DATA, portable marker, user folder; from source and frozen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hazard_desktop import paths


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """Pretend to be the built program in ``tmp_path/app`` (PyInstaller sets sys.frozen and sys._MEIPASS)."""
    app = tmp_path / "app"
    (app / "_internal").mkdir(parents=True)
    exe = app / ("hazard_desktop.exe" if sys.platform == "win32" else "hazard_desktop")
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(app / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    return app


@pytest.fixture(autouse=True)
def user_folder(tmp_path, monkeypatch):
    """No real user folder and no override from the environment."""
    monkeypatch.delenv(paths.ENV_DATA, raising=False)
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("APPDATA", str(home / "AppData" / "Roaming"))
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(home / "user-data" / a[0]))
    return home


def test_frozen_program_and_resource_folders(frozen):
    assert paths.program_dir() == frozen.resolve()
    assert paths.resource_dir() == frozen / "_internal" / "resources"


def test_from_source_the_program_folder_is_the_checkout(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    root = Path(paths.__file__).resolve().parent.parent
    assert paths.program_dir() == root
    assert paths.resource_dir() == root / "resources"


def test_frozen_without_marker_uses_the_user_folder_and_writes_nothing_beside_the_program(frozen, user_folder):
    folder = paths.data_dir()
    assert folder == (user_folder / "user-data" / "hazard_desktop").resolve()
    assert folder.is_dir()
    assert sorted(p.name for p in frozen.iterdir()) == sorted(["_internal", Path(sys.executable).name])


def test_portable_marker_next_to_the_executable_puts_the_data_beside_it(frozen, user_folder):
    (frozen / paths.PORTABLE_MARKER).write_text("portable\n", encoding="utf-8")
    folder = paths.data_dir()
    assert folder == (frozen / "data").resolve()
    assert folder.is_dir()
    assert paths.database_path(folder) == frozen.resolve() / "data" / "hazard_desktop.db"
    assert not (user_folder / "user-data").exists()


def test_marker_inside_internal_does_not_count(frozen, user_folder):
    (frozen / "_internal" / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_dir() == (user_folder / "user-data" / "hazard_desktop").resolve()


def test_environment_beats_the_portable_marker(frozen, tmp_path, monkeypatch):
    (frozen / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.ENV_DATA, str(tmp_path / "from-env"))
    assert paths.data_dir() == (tmp_path / "from-env").resolve()
    assert not (frozen / "data").exists()


def test_command_line_beats_environment_and_marker(frozen, tmp_path, monkeypatch):
    (frozen / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.ENV_DATA, str(tmp_path / "from-env"))
    assert paths.data_dir(str(tmp_path / "from-cli")) == (tmp_path / "from-cli").resolve()
    assert not (tmp_path / "from-env").exists()


def test_from_source_a_marker_in_the_checkout_means_portable(tmp_path, monkeypatch, user_folder):
    """From source the 'program folder' is the checkout; the marker works there too (developer portable)."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path / "checkout")
    (tmp_path / "checkout").mkdir()
    assert paths.data_dir() == (user_folder / "user-data" / "hazard_desktop").resolve()
    (tmp_path / "checkout" / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_dir() == (tmp_path / "checkout" / "data").resolve()


def test_sub_folders():
    folder = Path("/x")
    assert paths.backup_dir(folder) == folder / "backups"
    assert paths.log_dir(folder) == folder / "logs"

"""Where the data folder is: --data-dir, HAZARD_DESKTOP_DATA, portable marker, user folder; from source and frozen."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

import pytest

from hazard_desktop import cli, paths


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

    # As on Windows: roaming and local AppData are different folders (on Linux platformdirs gives one).
    def user_data_dir(appname, appauthor=None, version=None, roaming=False, **_):
        return str(home / ("roaming-data" if roaming else "user-data") / appname)

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
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


def test_the_default_is_the_local_not_the_roaming_folder(frozen, user_folder, monkeypatch):
    import platformdirs

    assert paths.default_data_dir() == user_folder / "user-data" / "hazard_desktop"
    assert paths.roaming_data_dir() == user_folder / "roaming-data" / "hazard_desktop"
    assert paths.data_dir() == (user_folder / "user-data" / "hazard_desktop").resolve()
    assert not (user_folder / "roaming-data").exists()
    # What platformdirs is asked for (on Windows roaming=False is %LOCALAPPDATA%, roaming=True %APPDATA%).
    asked = []
    stub = platformdirs.user_data_dir
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: asked.append(k) or stub(*a, **k))
    paths.default_data_dir()
    assert asked == [{"roaming": False}]


def test_a_roaming_register_of_an_older_version_is_moved_once(frozen, user_folder):
    roaming = user_folder / "roaming-data" / "hazard_desktop"
    roaming.mkdir(parents=True)
    con = sqlite3.connect(roaming / "hazard_desktop.db")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES ('隐患')")
    con.commit()
    con.close()
    local = (user_folder / "user-data" / "hazard_desktop").resolve()
    assert paths.data_dir(create=False) == local and not local.exists()  # naming the folder moves nothing
    assert paths.is_default_location()
    folder = cli._named_folder(argparse.Namespace(data_dir=None))  # what every command and the window do
    assert folder == local
    moved = sqlite3.connect(folder / "hazard_desktop.db")
    assert moved.execute("SELECT x FROM t").fetchall() == [("隐患",)]
    moved.close()
    assert not (roaming / "hazard_desktop.db").exists()
    assert len(list(roaming.glob("hazard_desktop-moved-*.db"))) == 1
    assert str(folder / "hazard_desktop.db") in (roaming / "README-moved.txt").read_text(encoding="utf-8-sig")
    # Once: a later start leaves both folders alone.
    before = sorted(p.name for p in roaming.iterdir())
    assert cli._named_folder(argparse.Namespace(data_dir=None)) == folder
    assert sorted(p.name for p in roaming.iterdir()) == before


def test_a_named_folder_never_takes_the_roaming_register(frozen, user_folder, tmp_path, monkeypatch):
    roaming = user_folder / "roaming-data" / "hazard_desktop"
    roaming.mkdir(parents=True)
    sqlite3.connect(roaming / "hazard_desktop.db").close()
    named = tmp_path / "named"
    assert not paths.is_default_location(str(named))
    assert cli._named_folder(argparse.Namespace(data_dir=str(named))) == named.resolve()
    monkeypatch.setenv(paths.ENV_DATA, str(tmp_path / "env"))
    assert not paths.is_default_location()
    assert cli._named_folder(argparse.Namespace(data_dir=None)) == (tmp_path / "env").resolve()
    monkeypatch.delenv(paths.ENV_DATA)
    (frozen / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert not paths.is_default_location()
    assert (roaming / "hazard_desktop.db").exists() and not (user_folder / "user-data").exists()


@pytest.mark.parametrize(
    ("value", "windows", "env", "expected"),
    [
        (r"%PUBLIC%\hazard", True, {"Public": r"C:\Users\Public"}, r"C:\Users\Public\hazard"),
        (r"D:\hazard_data\%USERNAME%", True, {"USERNAME": "张三"}, r"D:\hazard_data\张三"),
        (r"%ProgramData%\hazard", True, {"PROGRAMDATA": r"C:\ProgramData"}, r"C:\ProgramData\hazard"),
        (r"\\srv\C$\x", True, {}, r"\\srv\C$\x"),  # an admin share is not a variable
        (r"~\hazard", True, {"USERPROFILE": r"C:\Users\a"}, r"C:\Users\a\hazard"),
        ("$HOME/x", False, {"HOME": "/home/a"}, "/home/a/x"),
        ("${HOME}/x y", False, {"HOME": "/home/a"}, "/home/a/x y"),
        ("~/x", False, {"HOME": "/home/a"}, "/home/a/x"),
        ("/srv/100%/x", False, {}, "/srv/100%/x"),
    ],
)
def test_environment_variables_in_the_setting_are_expanded(value, windows, env, expected):
    assert paths.expand_setting(value, windows=windows, environ=env) == expected


@pytest.mark.parametrize(("value", "windows"), [(r"%NOPE%\hazard", True), ("$NOPE/hazard", False)])
def test_an_undefined_variable_is_refused_not_taken_literally(value, windows):
    with pytest.raises(paths.DataFolderError) as info:
        paths.expand_setting(value, windows=windows, environ={})
    assert info.value.code == "data_dir_variable"
    assert info.value.params["value"] == value


def test_the_setting_is_expanded_when_the_folder_is_chosen(frozen, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANT_SHARE", str(tmp_path / "shared"))
    monkeypatch.setenv(paths.ENV_DATA, "${PLANT_SHARE}/hazard")
    assert paths.data_dir() == (tmp_path / "shared" / "hazard").resolve()
    undefined = "%UNDEFINED_PLANT_SHARE%" if sys.platform == "win32" else "$UNDEFINED_PLANT_SHARE"
    monkeypatch.delenv("UNDEFINED_PLANT_SHARE", raising=False)
    monkeypatch.setenv(paths.ENV_DATA, undefined + "/hazard")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(paths.DataFolderError):
        paths.data_dir()
    with pytest.raises(cli.Refused) as info:  # the command line and the window report it as a refusal
        cli._named_folder(argparse.Namespace(data_dir=None))
    assert info.value.code == "data_dir_variable"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app", "shared"]

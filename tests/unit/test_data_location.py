"""Network shares and OneDrive folders are refused for the database; the rules on both path flavours."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from hazard_desktop import cli_messages
from hazard_desktop.adapters.data_location import is_unc, network_mount, onedrive_root, unsafe_reason
from hazard_desktop.ui import messages

NO_ENV: dict[str, str] = {}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"\\server\share\hazard", True),
        ("//server/share/hazard", True),
        (r"\\?\UNC\server\share\hazard", True),
        (r"\\localhost\C$\hazard", True),
        (r"\\?\C:\Users\张三\hazard", False),
        (r"C:\Users\张三\AppData\Local\hazard_desktop", False),
        ("D:/hazard", False),
        (r"relative\hazard", False),
    ],
)
def test_unc_paths(path, expected):
    assert is_unc(PureWindowsPath(path)) is expected


@pytest.mark.parametrize(
    "path",
    [r"\\fileserver\安全科\hazard", "//fileserver/share/hazard", r"\\?\UNC\fileserver\share\hazard"],
)
def test_windows_network_paths_are_refused(path):
    code, root = unsafe_reason(PureWindowsPath(path), windows=True, environ=NO_ENV)
    assert code == "db_network"
    assert root.lower().startswith("\\\\")


def test_a_mapped_network_drive_is_refused_by_what_windows_says_of_the_letter():
    remote = {"Z:"}
    assert unsafe_reason(
        PureWindowsPath(r"Z:\hazard"), windows=True, environ=NO_ENV, remote_drive=remote.__contains__
    ) == (
        "db_network",
        "Z:",
    )
    assert (
        unsafe_reason(PureWindowsPath(r"C:\hazard"), windows=True, environ=NO_ENV, remote_drive=remote.__contains__)
        is None
    )


def test_posix_double_slash_and_network_mounts_are_refused():
    assert unsafe_reason(PurePosixPath("//server/share/hazard"), windows=False, environ=NO_ENV) == (
        "db_network",
        "//server/share",
    )
    mounts = [("/", "ext4"), ("/mnt/plant", "cifs"), ("/mnt/plant/local", "ext4"), ("/srv/nfs", "nfs4")]
    assert network_mount(PurePosixPath("/mnt/plant/安全科"), mounts) == "/mnt/plant"
    assert network_mount(PurePosixPath("/mnt/plant/local/x"), mounts) is None  # a local mount inside wins
    assert unsafe_reason(PurePosixPath("/srv/nfs/h"), windows=False, environ=NO_ENV, mounts=mounts) == (
        "db_network",
        "/srv/nfs",
    )
    assert unsafe_reason(PurePosixPath("/home/a/.local/share/h"), windows=False, environ=NO_ENV, mounts=mounts) is None
    assert unsafe_reason(PurePosixPath("///three/slashes"), windows=False, environ=NO_ENV) is None


def test_onedrive_folders_named_by_the_client_are_refused_in_any_case():
    env = {"OneDriveCommercial": r"C:\Users\张三\OneDrive - 化工厂"}
    path = PureWindowsPath(r"c:\users\张三\onedrive - 化工厂\Documents\hazard")
    assert unsafe_reason(path, windows=True, environ=env) == ("db_synced", r"C:\Users\张三\OneDrive - 化工厂")
    # Known Folder Move without the variable (another account's setting): recognised by the folder name.
    assert onedrive_root(PureWindowsPath(r"D:\OneDrive - Contoso\Desktop\h"), NO_ENV, windows=True) == (
        r"D:\OneDrive - Contoso"
    )
    assert onedrive_root(PurePosixPath("/home/a/OneDrive/h"), NO_ENV, windows=False) == "/home/a/OneDrive"
    assert onedrive_root(PureWindowsPath(r"C:\Users\a\AppData\Local\hazard_desktop"), env, windows=True) is None
    assert onedrive_root(PureWindowsPath(r"C:\OneDriveBackup\h"), NO_ENV, windows=True) is None


def test_local_defaults_are_fine_on_both_flavours():
    local = PureWindowsPath(r"C:\Users\张三\AppData\Local\hazard_desktop\hazard_desktop")
    assert unsafe_reason(local, windows=True, environ={"OneDrive": r"C:\Users\张三\OneDrive"}) is None
    assert unsafe_reason(PurePosixPath("/home/张三/.local/share/hazard_desktop"), windows=False, environ=NO_ENV) is None


@pytest.mark.parametrize("code", ["db_network", "db_synced", "data_move_failed", "data_dir_variable"])
def test_every_refusal_has_its_message(code):
    params = {"path": "p", "root": "r", "source": "s", "target": "t", "detail": "d", "value": "v", "variable": "%X%"}
    for lang in ("zh", "en"):
        text = cli_messages.message(code, lang, **params)
        assert text != code and "{" not in text
    assert messages.has_text(code)  # the window shows it too (cli._gui → app.show_refusal)

"""Removable drives: what the adapter lists on each system, and where the screens offer to write and read."""

from __future__ import annotations

import os
from pathlib import Path

from hazard_desktop.adapters.removable_drives import DRIVE_REMOVABLE, SystemRemovableDrives, _mount_points
from hazard_desktop.services.removable_drives import (
    RemovableDrive,
    exchange_files,
    on_removable_drive,
    suggested_folder,
)


class FakeKernel32:
    """``kernel32`` with drives C: (fixed), D: (CD), E: (a USB stick "KINGSTON"), F: (an empty card slot)."""

    def __init__(self) -> None:
        self.error_modes: list[int] = []

    def SetErrorMode(self, mode: int) -> int:  # noqa: N802 (Windows' name)
        self.error_modes.append(mode)
        return 7

    def GetLogicalDrives(self) -> int:  # noqa: N802
        return 0b111100  # C D E F

    def GetDriveTypeW(self, root: str) -> int:  # noqa: N802
        return {"C:\\": 3, "D:\\": 5, "E:\\": DRIVE_REMOVABLE, "F:\\": DRIVE_REMOVABLE}[root]

    def GetVolumeInformationW(self, root, name, size, *rest) -> int:  # noqa: N802
        if root == "F:\\":
            return 0
        name.value = "KINGSTON"
        return 1


def test_windows_lists_only_removable_drives_with_a_volume() -> None:
    kernel = FakeKernel32()
    drives = SystemRemovableDrives(platform="win32", kernel32=kernel, free=lambda _p: 123).drives()
    assert drives == [RemovableDrive(Path("E:\\"), "KINGSTON", 123)]
    assert kernel.error_modes[-1] == 7  # the error mode is put back: no "insert a disk" box for the empty slot


def test_linux_lists_mount_points_under_the_users_media_folders(tmp_path: Path) -> None:
    media, run_media = tmp_path / "media" / "li", tmp_path / "run" / "media" / "li"
    for folder in (media / "KINGSTON", media / "not mounted", run_media / "SD 卡"):
        folder.mkdir(parents=True)
    (media / "file.txt").write_text("x")
    table = (
        f"/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 {media}/KINGSTON vfat rw 0 0\n"
        f"/dev/mmcblk0p1 {run_media}/SD\\040卡 exfat rw 0 0\n"
    )
    adapter = SystemRemovableDrives(
        platform="linux", user="li", linux_roots=[media, run_media], mounts=lambda: table, free=lambda _p: None
    )
    assert [(d.path, d.label) for d in adapter.drives()] == [
        (media / "KINGSTON", "KINGSTON"),
        (run_media / "SD 卡", "SD 卡"),
    ]


def test_linux_without_a_mount_table_takes_the_folders(tmp_path: Path) -> None:
    (tmp_path / "STICK").mkdir()
    adapter = SystemRemovableDrives(platform="linux", user="li", linux_roots=[tmp_path], mounts=lambda: None)
    assert [d.path for d in adapter.drives()] == [tmp_path / "STICK"]


def test_missing_media_folders_mean_no_drive(tmp_path: Path) -> None:
    adapter = SystemRemovableDrives(platform="linux", user="li", linux_roots=[tmp_path / "none"], mounts=lambda: "")
    assert adapter.drives() == []


def test_mount_table_escapes_are_undone() -> None:
    assert _mount_points("/dev/sdb1 /media/li/MY\\040STICK vfat rw 0 0\n") == {"/media/li/MY STICK"}


def test_exchange_files_newest_first_one_level_deep(tmp_path: Path) -> None:
    old, new, deep = tmp_path / "old.hzx", tmp_path / "交换" / "new.HZX", tmp_path / "a" / "b" / "deep.hzx"
    for path in (old, new, deep):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PK")
    (tmp_path / "notes.txt").write_text("x")
    os.utime(old, (1_000_000, 1_000_000))
    os.utime(new, (2_000_000, 2_000_000))
    assert [f.path for f in exchange_files([tmp_path, tmp_path / "gone"])] == [new, old]


def test_the_export_goes_to_a_drive_first_then_the_last_folder(tmp_path: Path) -> None:
    stick = RemovableDrive(tmp_path / "stick", "STICK")
    (tmp_path / "stick" / "交换").mkdir(parents=True)
    last, fallback = tmp_path / "last", tmp_path / "exports"
    last.mkdir()
    assert suggested_folder([stick], last, fallback) == stick.path
    assert suggested_folder([stick], stick.path / "交换", fallback) == stick.path / "交换"
    assert suggested_folder([], last, fallback) == last
    assert suggested_folder([], tmp_path / "gone", fallback) == fallback
    assert on_removable_drive(stick.path / "交换" / "x.hzx", [stick]) == stick
    assert on_removable_drive(last / "x.hzx", [stick]) is None
    assert stick.title == f"STICK ({stick.path})"

"""The removable drives mounted now, as the operating system tells (``services.removable_drives`` port).

- Windows: every drive letter of ``GetLogicalDrives`` whose ``GetDriveTypeW`` is ``DRIVE_REMOVABLE`` (USB
  sticks, SD cards; a USB hard disk reports ``DRIVE_FIXED`` and is not offered), with its volume label
  (``GetVolumeInformationW``). An empty card reader slot is skipped (no volume). The error mode is set so
  that Windows never asks "insert a disk" for an empty slot.
- Linux: the mount points directly under ``/media/$USER``, ``/run/media/$USER`` (udisks) and ``/media``
  (older desktops mount there), read from ``/proc/self/mounts`` when it can be read (a folder there that
  is not mounted is no drive).
- macOS: the volumes under ``/Volumes`` except the start-up disk.

Nothing is read beyond each drive's root, so listing is quick even with a slow stick.
"""

from __future__ import annotations

import getpass
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hazard_desktop.services.removable_drives import RemovableDrive


DRIVE_REMOVABLE = 2
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOOPENFILEERRORBOX = 0x8000


def _free(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


class SystemRemovableDrives:
    """:class:`~hazard_desktop.services.removable_drives.RemovableDrives` for the running system.

    Args:
        platform: ``sys.platform`` (tests pass another).
        kernel32: Windows' ``kernel32`` (``ctypes.windll.kernel32``); tests pass a stand-in.
        user: the login name for the Linux mount folders.
        linux_roots: the folders whose sub-folders are mount points (default: ``/media/<user>``,
            ``/run/media/<user>``, ``/media``).
        mounts: the mount table's text (default: ``/proc/self/mounts``; None when it cannot be read).
    """

    def __init__(
        self,
        *,
        platform: str | None = None,
        kernel32: Any = None,
        user: str | None = None,
        linux_roots: Iterable[Path] | None = None,
        mounts: Callable[[], str | None] | None = None,
        free: Callable[[Path], int | None] = _free,
    ) -> None:
        self.platform = platform or sys.platform
        self._kernel32 = kernel32
        self._user = user
        self._linux_roots = list(linux_roots) if linux_roots is not None else None
        self._mounts = mounts or _read_mounts
        self._free = free

    def drives(self) -> list[RemovableDrive]:
        try:
            if self.platform == "win32":
                return self._windows()
            if self.platform == "darwin":
                return self._mac()
            return self._linux()
        except OSError:
            return []  # never a reason to fail an export: the user picks a folder

    # -- Windows
    def _windows(self) -> list[RemovableDrive]:
        import ctypes

        from hazard_desktop.services.removable_drives import RemovableDrive  # not at start-up

        kernel32 = self._kernel32
        if kernel32 is None:
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        previous = kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX)
        try:
            mask = int(kernel32.GetLogicalDrives())
            found: list[RemovableDrive] = []
            for index in range(26):
                if not mask & (1 << index):
                    continue
                root = f"{chr(ord('A') + index)}:\\"
                if int(kernel32.GetDriveTypeW(root)) != DRIVE_REMOVABLE:
                    continue
                name = ctypes.create_unicode_buffer(261)
                has_volume = kernel32.GetVolumeInformationW(root, name, 261, None, None, None, None, 0)
                if not has_volume:
                    continue  # an empty card reader slot
                path = Path(root)
                found.append(RemovableDrive(path, name.value, self._free(path)))
            return found
        finally:
            kernel32.SetErrorMode(previous)

    # -- Linux
    def _linux(self) -> list[RemovableDrive]:
        from hazard_desktop.services.removable_drives import RemovableDrive  # not at start-up

        user = self._user if self._user is not None else _login()
        roots = self._linux_roots
        if roots is None:
            roots = [Path("/media") / user, Path("/run/media") / user, Path("/media")] if user else [Path("/media")]
        table = self._mounts()
        mounted = _mount_points(table) if table is not None else None
        found: list[RemovableDrive] = []
        seen: set[Path] = set()
        for root in roots:
            try:
                children = sorted(root.iterdir())
            except OSError:
                continue
            for child in children:
                if child in seen or child in roots:
                    continue
                try:
                    if not child.is_dir():
                        continue
                except OSError:
                    continue
                if mounted is not None and str(child) not in mounted:
                    continue
                seen.add(child)
                found.append(RemovableDrive(child, child.name, self._free(child)))
        return found

    # -- macOS
    def _mac(self) -> list[RemovableDrive]:
        from hazard_desktop.services.removable_drives import RemovableDrive  # not at start-up

        volumes = Path("/Volumes")
        found = []
        for child in sorted(volumes.iterdir()):
            if child.is_dir() and not child.is_symlink():  # the start-up disk is a link to /
                found.append(RemovableDrive(child, child.name, self._free(child)))
        return found


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no name for this uid (a container)
        return ""


def _read_mounts() -> str | None:
    try:
        return Path("/proc/self/mounts").read_text("utf-8", errors="replace")
    except OSError:
        return None


def _mount_points(table: str) -> set[str]:
    """The mount points of a ``/proc/self/mounts`` text (octal escapes such as ``\\040`` for a space undone)."""
    points = set()
    for line in table.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            points.add(_unescape(fields[1]))
    return points


def _unescape(text: str) -> str:
    """Undo the kernel's escapes of a mount point (space, tab, newline, backslash)."""
    for escaped, plain in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        text = text.replace(escaped, plain)
    return text

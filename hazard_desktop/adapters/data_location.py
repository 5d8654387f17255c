"""Where a database must not live: network shares and OneDrive-synchronised folders.

SQLite's WAL mode keeps its lock table in shared memory beside the file; on a network file system
(SMB/UNC, a mapped drive, NFS) that does not work across machines, and locks over SMB are unreliable:
two PCs on one register corrupt it. A sync client (OneDrive, also under Known Folder Move, where
Desktop and Documents live in ``C:\\Users\\x\\OneDrive - Company``) copies the file while it is written,
locks it, or makes "conflict copies". Redirected roaming AppData gives a UNC path. So the program
refuses such a location with a clear message (:func:`check_database_location`) and keeps its default
in Local AppData, which Windows never redirects.

The rules are pure functions over both path flavours (:func:`unsafe_reason`), so they are tested on
Linux with ``PureWindowsPath``; what only the running system knows (a mapped drive letter's type, the
mount table) comes from small probes passed in.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from hazard_desktop.adapters.errors import StorageError

#: Environment variables the OneDrive client sets to its folders (personal, work or school).
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
#: Linux file systems that are network or user-space remote mounts.
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "9p", "fuse.sshfs", "fuse.rclone",
     "fuse.s3fs", "davfs", "fuse.davfs2", "lustre", "gpfs"}
)  # fmt: skip


def is_unc(path: PureWindowsPath) -> bool:
    """``\\\\server\\share\\…``, ``//server/share/…`` and ``\\\\?\\UNC\\server\\share\\…``; not ``\\\\?\\C:\\…``."""
    drive = path.drive.replace("/", "\\")
    if not drive.startswith("\\\\"):
        return False
    if drive[:4] in ("\\\\?\\", "\\\\.\\"):  # extended-length or device path: local unless it says UNC
        return drive[4:].upper().startswith("UNC\\")
    return True


def onedrive_root(path: PurePath, environ: Mapping[str, str], *, windows: bool) -> str | None:
    """The OneDrive folder ``path`` lies in: one the client announces in the environment, or a folder named
    ``OneDrive`` / ``OneDrive - <organisation>`` (Known Folder Move moves Desktop and Documents there)."""
    flavour: type[PurePath] = PureWindowsPath if windows else PurePosixPath
    target = flavour(path)
    fold = (lambda s: s.casefold()) if windows else (lambda s: s)
    parts = [fold(p) for p in target.parts]
    for name in ONEDRIVE_VARIABLES:
        root = environ.get(name, "").strip()
        if root and flavour(root).is_absolute():
            root_parts = [fold(p) for p in flavour(root).parts]
            if parts[: len(root_parts)] == root_parts:
                return root
    for index, part in enumerate(target.parts):
        if part.casefold() == "onedrive" or part.casefold().startswith("onedrive - "):
            return str(flavour(*target.parts[: index + 1]))
    return None


def network_mount(path: PurePosixPath, mounts: Iterable[tuple[str, str]]) -> str | None:
    """The mount point of a network file system holding ``path`` (``mounts``: (mount point, type) pairs)."""
    best: tuple[str, str] | None = None
    for point, fstype in mounts:
        inside = path == PurePosixPath(point) or PurePosixPath(point) in path.parents
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fstype)
    if best is not None and (best[1] in NETWORK_FILESYSTEMS or best[1].startswith("nfs")):
        return best[0]
    return None


def unsafe_reason(
    path: PurePath,
    *,
    windows: bool,
    environ: Mapping[str, str],
    remote_drive: Callable[[str], bool] = lambda drive: False,
    mounts: Iterable[tuple[str, str]] = (),
) -> tuple[str, str] | None:
    """``("db_network", root)``, ``("db_synced", root)`` or None for a database folder ``path``.

    ``remote_drive("Z:")`` says whether a drive letter is a mapped network drive (Windows only knows).
    """
    if windows:
        win = PureWindowsPath(path)
        if is_unc(win):
            return "db_network", win.drive
        if win.drive and remote_drive(win.drive):
            return "db_network", win.drive
    else:
        posix = PurePosixPath(path)
        if str(posix).startswith("//") and not str(posix).startswith("///"):
            return "db_network", "/".join(str(posix).split("/")[:4])  # //server/share
        mount = network_mount(posix, mounts)
        if mount is not None:
            return "db_network", mount
    root = onedrive_root(path, environ, windows=windows)
    if root is not None:
        return "db_synced", root
    return None


def _windows_remote_drive(drive: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive_remote = 4  # GetDriveTypeW: DRIVE_REMOTE
    return int(ctypes.windll.kernel32.GetDriveTypeW(drive.rstrip("\\") + "\\")) == drive_remote  # type: ignore[attr-defined]


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:  # the kernel writes a space as \040 (octal escapes)
            point = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), fields[1].encode())
            mounts.append((point.decode("utf-8", "replace"), fields[2]))
    return mounts


def check_database_location(path: Path) -> None:
    """Refuse a database on a network share or in a OneDrive folder, before anything is written.

    Raises:
        StorageError: ``db_network`` or ``db_synced`` (params ``path``, ``root``).
    """
    windows = sys.platform == "win32"
    reason = unsafe_reason(
        path.parent,
        windows=windows,
        environ=os.environ,
        remote_drive=_windows_remote_drive if windows else (lambda drive: False),
        mounts=_linux_mounts() if sys.platform.startswith("linux") else (),
    )
    if reason is not None:
        code, root = reason
        raise StorageError(code, path=str(path), root=root)

"""Removable drives (USB sticks, SD cards): where an exchange file is offered first.

The port is :class:`RemovableDrives` (``adapters/removable_drives.py`` asks the system: mount points under
``/media/$USER`` and ``/run/media/$USER`` on Linux, drives of type removable on Windows); the screens get it as
``AppContext.removable_drives``. The choices made from what it lists are plain functions here, so that the
export and the import dialogs and the first start pick the same way: a drive first, then the last folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

#: The exchange file's suffix (a zip: ``services/exchange`` writes and reads it).
EXCHANGE_SUFFIX = ".hzx"


@dataclass(frozen=True, slots=True)
class RemovableDrive:
    """A mounted removable drive.

    Attributes:
        path: where it is mounted (``E:\\``, ``/media/li/KINGSTON``).
        label: the volume's name as the system shows it ("" when it has none).
        free_bytes: free space, None if it could not be read.
    """

    path: Path
    label: str = ""
    free_bytes: int | None = None

    @property
    def title(self) -> str:
        """``KINGSTON (E:\\)`` or the path alone."""
        return f"{self.label} ({self.path})" if self.label and self.label != str(self.path) else str(self.path)


class RemovableDrives(Protocol):
    """The removable drives mounted now (quick: no drive is read beyond its root)."""

    def drives(self) -> list[RemovableDrive]:
        """Mounted removable drives, in the system's order (drive letter, mount name)."""
        ...


@dataclass(frozen=True, slots=True)
class ExchangeFile:
    """An exchange file found on a drive (newest first when listed)."""

    path: Path
    size: int
    modified: float  # seconds since the epoch (the file's time)


def exchange_files(folders: Iterable[Path], *, depth: int = 1) -> list[ExchangeFile]:
    """The ``*.hzx`` files in ``folders`` and their sub-folders up to ``depth`` levels, newest first.

    Folders that cannot be read are passed over (a drive pulled out meanwhile).
    """
    found: dict[Path, ExchangeFile] = {}
    for folder in folders:
        _collect(folder, depth, found)
    return sorted(found.values(), key=lambda f: (-f.modified, str(f.path)))


def _collect(folder: Path, depth: int, found: dict[Path, ExchangeFile]) -> None:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        try:
            if entry.name.startswith("."):
                continue
            if entry.is_file() and entry.suffix.lower() == EXCHANGE_SUFFIX:
                stat = entry.stat()
                found[entry] = ExchangeFile(entry, stat.st_size, stat.st_mtime)
            elif depth > 0 and entry.is_dir() and not entry.is_symlink():
                _collect(entry, depth - 1, found)
        except OSError:
            continue


def suggested_folder(drives: Sequence[RemovableDrive], last_folder: Path | None, fallback: Path) -> Path:
    """Where an export goes unless the user picks another folder: the first removable drive if one is
    mounted, else the last folder used if it still exists, else ``fallback``."""
    if drives:
        if last_folder is not None and any(_under(last_folder, d.path) for d in drives) and _is_dir(last_folder):
            return last_folder  # the same stick as last time, in the folder chosen then
        return drives[0].path
    if last_folder is not None and _is_dir(last_folder):
        return last_folder
    return fallback


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, False for a folder on a drive that is gone (ENOTCONN and the like raise)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _under(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def on_removable_drive(path: Path, drives: Sequence[RemovableDrive]) -> RemovableDrive | None:
    """The drive ``path`` lies on, or None."""
    return next((d for d in drives if _under(path, d.path)), None)

"""Files the program writes for people (PDFs): made under a temporary name, flushed, renamed into place.

Standard library only: the sheet use cases place their files with it, the PDF renderers make theirs.

A temporary file is created with the permissions of any new file (``0666`` less the user's umask, so
usually ``0644``), not ``tempfile``'s private ``0600``: an exported PDF is for others to read. Temporary
files that a crash left behind (``.sheet-….pdf``, ``.record-….pdf``, ``.….part.pdf``) are removed by
:func:`remove_stale_temporaries` when the program starts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

# Names of temporary files: the renderer's (``.<kind>-<random>.pdf``), print_document's
# (``.<stem>.<random>.part.pdf``) and the ledger export's (``.<stem>.<random>.part.xlsx``).
TEMPORARY_PATTERNS = (".sheet-*.pdf", ".record-*.pdf", ".*.part.pdf", ".*.part.xlsx")
# Older than this, a temporary file is a crash's leftover, not another process's file being written
# (rendering a whole meeting's batch takes seconds).
STALE_AFTER_S = 600.0


def new_temporary(folder: Path, prefix: str, suffix: str = ".pdf") -> Path:
    """Create an empty file with a fresh name in ``folder`` (normal permissions) and return its path."""
    while True:
        path = folder / f"{prefix}{uuid.uuid4().hex[:12]}{suffix}"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return path


def fsync_file(path: Path) -> None:
    """Flush ``path``'s content to the disk."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows flushes only handles open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def place(temporary: Path, target: Path) -> None:
    """Flush ``temporary``, rename it to ``target`` and flush the folder: after this the file survives a power cut.

    Raises:
        OSError: ``target`` was not replaced (``temporary`` is left for the caller to remove).
    """
    fsync_file(temporary)
    os.replace(temporary, target)
    fsync_folder(target.parent)


def remove_stale_temporaries(folders: Iterable[Path], *, now: float | None = None) -> int:
    """Delete the program's temporary PDFs older than :data:`STALE_AFTER_S` in ``folders``; return how many."""
    limit = (time.time() if now is None else now) - STALE_AFTER_S
    removed = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for pattern in TEMPORARY_PATTERNS:
            for path in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    if path.is_file() and path.stat().st_mtime < limit:
                        path.unlink()
                        removed += 1
                        log.info("removed %s, left by an interrupted print", path)
    return removed

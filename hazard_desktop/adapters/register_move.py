"""Once per Windows account: bring the register of an older version's roaming folder to Local AppData.

Versions up to 0.1 kept the data in ``%APPDATA%`` (roaming). The register holds every photo and its
backups, so it bloated roaming profiles, a redirected AppData put it on a UNC path where SQLite's WAL
does not work, and roaming between PCs with different versions met the "newer database" refusal. The
data now lives in ``%LOCALAPPDATA%`` (:func:`hazard_desktop.paths.default_data_dir`); on the first start
without a register there, an existing roaming register is moved:

1. the roaming database (with its ``-wal``/``-shm``) is renamed to ``hazard_desktop-moved-<time>.db`` —
   this fails while another program holds it, and the renamed original stays as the backup;
2. a consistent copy (SQLite's backup API, the WAL included) is written to a temporary file in the local
   folder, checked (``PRAGMA integrity_check``) and renamed to ``hazard_desktop.db``;
3. the old pre-upgrade backups and the window layout follow; a note says where the register went.

If step 2 fails the rename is undone and nothing was written. An older version started later on
another PC finds no ``hazard_desktop.db`` in the roaming folder: upgrade every PC of a user together.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from hazard_desktop.adapters.errors import StorageError

log = logging.getLogger(__name__)

DATABASE = "hazard_desktop.db"
NOTE = "README-moved.txt"
_SIDE_FILES = ("-wal", "-shm")
_FOLLOWERS = ("ui-state.ini",)


def _renamed(path: Path, stamp: str) -> Path:
    return path.with_name(f"{path.stem}-moved-{stamp}{path.suffix}")


def move_roaming_register(roaming: Path, local: Path, *, now: datetime | None = None) -> Path | None:
    """Move the register from ``roaming`` to ``local`` when only ``roaming`` has one; return the new path.

    Returns None when there is nothing to move (no roaming register, or ``local`` already has one).

    Raises:
        StorageError: ``data_move_failed`` (params ``source``, ``target``, ``detail``); nothing was changed.
    """
    source, target = roaming / DATABASE, local / DATABASE
    if not source.is_file() or target.exists() or roaming.resolve() == local.resolve():
        return None
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    original = _renamed(source, stamp)
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *_SIDE_FILES):  # the WAL must keep its database's name, or its commits are lost
            old = Path(f"{source}{suffix}")
            if old.exists():
                new = Path(f"{original}{suffix}")
                os.replace(old, new)
                moved.append((old, new))
    except OSError as exc:
        for old, new in reversed(moved):
            os.replace(new, old)
        raise StorageError("data_move_failed", source=str(source), target=str(target), detail=str(exc)) from exc

    partial = local / f".{DATABASE}.moving"
    try:
        local.mkdir(parents=True, exist_ok=True)
        _copy_verified(original, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        for old, new in reversed(moved):
            os.replace(new, old)
        log.exception("moving the register from %s to %s failed; nothing changed", source, target)
        raise StorageError("data_move_failed", source=str(source), target=str(target), detail=str(exc)) from exc

    _follow(roaming, local)
    try:
        (roaming / NOTE).write_text(
            f"隐患台账数据库已移至 / The hazard register moved to:\r\n{target}\r\n\r\n"
            f"原文件保留为 / The original is kept as:\r\n{original}\r\n",
            encoding="utf-8-sig",
        )
    except OSError:
        log.warning("could not write %s", roaming / NOTE)
    log.info("register moved from %s to %s; the original is kept as %s", source, target, original)
    return target


def _copy_verified(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
            if dest.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError(f"the copy of {source} fails the integrity check")
        finally:
            dest.close()
    finally:
        src.close()


def _follow(roaming: Path, local: Path) -> None:
    """Pre-upgrade backups and the window layout go with the register (best effort: the register is moved)."""
    try:
        backups = roaming / "backups"
        if backups.is_dir():
            (local / "backups").mkdir(parents=True, exist_ok=True)
            for item in sorted(backups.iterdir()):
                if item.is_file() and not (local / "backups" / item.name).exists():
                    shutil.move(str(item), str(local / "backups" / item.name))
        for name in _FOLLOWERS:
            if (roaming / name).is_file() and not (local / name).exists():
                shutil.copy2(roaming / name, local / name)
    except OSError:
        log.warning("old backups or settings stayed in %s", roaming, exc_info=True)

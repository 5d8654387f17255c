"""Which automatic backups a data folder holds and whether one is due: the check every start and exit makes.

Apart from ``backup_archive.py`` (which re-exports these names) so that the check — on most starts the only
backup work — does not load the backup writer and its checks (~5 ms at every start, issue 16).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from hazard_desktop.domain.backups import needs_daily_backup

SUFFIX = ".zip"
AUTO_PREFIX = "auto-"
_AUTO_NAME = re.compile(r"^auto-(\d{8}-\d{6})\.zip$")


def _auto_time(path: Path) -> datetime | None:
    match = _AUTO_NAME.match(path.name)
    if match is None:
        return None
    stamp = match.group(1)  # YYYYmmdd-HHMMSS (digits, by _AUTO_NAME); not strptime: _strptime costs the start ~5 ms
    day, time_of_day = stamp[:8], stamp[9:]
    try:
        return datetime(
            int(day[:4]), int(day[4:6]), int(day[6:]), int(time_of_day[:2]), int(time_of_day[2:4]), int(time_of_day[4:])
        )
    except ValueError:
        return None


def automatic_backups(folder: Path) -> list[tuple[Path, datetime]]:
    """The automatic backups in ``folder`` with the local time in their names, newest first."""
    if not folder.is_dir():
        return []
    found = [(p, t) for p in folder.glob(f"{AUTO_PREFIX}*{SUFFIX}") if (t := _auto_time(p)) is not None]
    return sorted(found, key=lambda item: item[1], reverse=True)


def automatic_backup_due(db_path: Path, folder: Path, *, reason: str, today: date) -> bool:
    """At ``start``: no automatic backup was made ``today``; at ``exit``: the register changed since the newest.

    Args:
        reason: ``start`` or ``exit``.
    """
    if not db_path.exists():
        return False
    existing = automatic_backups(folder)
    newest = existing[0][1] if existing else None
    if reason == "start" and not needs_daily_backup(newest, today):
        return False
    if reason == "exit" and existing:
        changed = max((p.stat().st_mtime for p in (db_path, Path(f"{db_path}-wal")) if p.exists()), default=0.0)
        if changed <= existing[0][0].stat().st_mtime:
            return False
    return True

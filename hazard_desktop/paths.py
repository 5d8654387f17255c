"""Where the program keeps its data: one module owns every path.

Order: ``--data-dir`` → ``HAZARD_DESKTOP_DATA`` → portable marker next to the executable →
the platform's user data folder (platformdirs). Nothing is ever written next to the program,
except in portable mode, which the marker file asks for explicitly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hazard_desktop import APP_AUTHOR, APP_NAME

ENV_DATA = "HAZARD_DESKTOP_DATA"
PORTABLE_MARKER = "portable.txt"
DATABASE_NAME = "hazard_desktop.db"


def program_dir() -> Path:
    """Folder of the executable when frozen, of the source checkout otherwise."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    """Folder holding ``resources/`` (fonts, translations), from source and from a frozen build."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", program_dir())) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir(cli_value: str | None = None, *, create: bool = True) -> Path:
    """The data folder, created if missing (with ``create=False`` only named: the caller decides)."""
    if cli_value:
        path = Path(cli_value).expanduser()
    elif os.environ.get(ENV_DATA):
        path = Path(os.environ[ENV_DATA]).expanduser()
    elif (program_dir() / PORTABLE_MARKER).exists():
        path = program_dir() / "data"
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=True))
    path = path.resolve()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(folder: Path) -> Path:
    """The database file inside a data folder."""
    return folder / DATABASE_NAME


def backup_dir(folder: Path) -> Path:
    """Where copies made before migrations go."""
    return folder / "backups"


def log_dir(folder: Path) -> Path:
    """Where the log file goes."""
    return folder / "logs"

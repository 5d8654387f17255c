"""Where the program keeps its data: one module owns every path.

Order: ``--data-dir`` → ``HAZARD_DESKTOP_DATA`` (environment variables in it expanded, e.g.
``%PUBLIC%\\hazard`` or ``$HOME/hazard``) → portable marker next to the executable → the platform's
per-user data folder (platformdirs): on Windows **Local** AppData (``roaming=False``), never the roaming
profile — the register holds every photo and its backups, and redirected roaming AppData is a network
path where SQLite's WAL does not work. A register an older version left in roaming AppData is moved
there once, by the composition root (``cli.py`` with ``adapters/register_move.py``: this module is a
leaf, standard library and platformdirs only). Nothing is ever written next to the program, except in
portable mode, which the marker file asks for explicitly.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from hazard_desktop import APP_AUTHOR, APP_NAME

ENV_DATA = "HAZARD_DESKTOP_DATA"
PORTABLE_MARKER = "portable.txt"
DATABASE_NAME = "hazard_desktop.db"


class DataFolderError(Exception):
    """The data folder setting cannot be used; ``code`` (``data_dir_variable``) names the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code} {params}")
        self.code = code
        self.params = params


_WINDOWS_VARIABLE = re.compile(r"%([A-Za-z_][\w().-]*)%|\$\{(\w+)\}|\$(\w+)")
_POSIX_VARIABLE = re.compile(r"\$\{(\w+)\}|\$(\w+)")


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


def expand_setting(value: str, *, windows: bool | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``value`` with environment variables and a leading ``~`` expanded.

    Windows: ``%NAME%`` (any case, as cmd does), and ``$NAME``/``${NAME}`` when defined (``C$`` in an admin
    share stays); elsewhere ``$NAME`` and ``${NAME}``. An undefined variable in the system's own syntax is an
    error, not a folder literally named ``%NAME%``.

    Raises:
        DataFolderError: ``data_dir_variable`` (params ``value``, ``variable``).
    """
    windows = sys.platform == "win32" if windows is None else windows
    env = dict(os.environ if environ is None else environ)
    lookup = {k.casefold(): v for k, v in env.items()} if windows else env

    def replace(match: re.Match[str]) -> str:
        name = next(g for g in match.groups() if g)
        found = lookup.get(name.casefold() if windows else name)
        if found is None and windows and match.group(0).startswith("$"):
            return match.group(0)
        if found is None:
            raise DataFolderError("data_dir_variable", value=value, variable=match.group(0))
        return found

    text = (_WINDOWS_VARIABLE if windows else _POSIX_VARIABLE).sub(replace, value.strip())
    home = lookup.get("userprofile" if windows else "HOME")
    if home and (text == "~" or text.startswith(("~/", "~\\") if windows else "~/")):
        text = home + text[1:]
    return text


def default_data_dir() -> Path:
    """The per-user data folder (not created): Local AppData on Windows, ``~/.local/share`` on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def roaming_data_dir() -> Path:
    """Where versions up to 0.1 kept the data on Windows (roaming AppData); the same folder elsewhere."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=True))


def data_dir(cli_value: str | None = None, *, create: bool = True) -> Path:
    """The data folder, created if missing (with ``create=False`` only named: the caller decides).

    Raises:
        DataFolderError: ``data_dir_variable`` (an undefined variable in ``HAZARD_DESKTOP_DATA``).
    """
    if cli_value:
        path = Path(cli_value).expanduser()
    elif os.environ.get(ENV_DATA, "").strip():
        path = Path(expand_setting(os.environ[ENV_DATA]))
    elif (program_dir() / PORTABLE_MARKER).exists():
        path = program_dir() / "data"
    else:
        path = default_data_dir()
    path = path.resolve()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def is_default_location(cli_value: str | None = None) -> bool:
    """True when :func:`data_dir` falls back to the per-user folder (nothing named, not portable)."""
    return not cli_value and not os.environ.get(ENV_DATA, "").strip() and not (program_dir() / PORTABLE_MARKER).exists()


def database_path(folder: Path) -> Path:
    """The database file inside a data folder."""
    return folder / DATABASE_NAME


def backup_dir(folder: Path) -> Path:
    """Where copies made before migrations go."""
    return folder / "backups"


def log_dir(folder: Path) -> Path:
    """Where the log file goes."""
    return folder / "logs"

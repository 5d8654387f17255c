"""One window per register: a lock file in the data folder tells a second start that it is open already.

Two windows on one register do not damage it (SQLite serialises the writes), but each shows the other's
changes only after a refresh and both may print the same sheets, so a second start asks first. Windows
has the installer's mutex but nothing per data folder; Linux had nothing. ``QLockFile`` notices a lock
left by a crashed program (its process is gone) and takes it over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLockFile

from hazard_desktop.ui import messages

LOCK_NAME = "hazard_desktop.lock"

_TITLE = QT_TRANSLATE_NOOP("Messages", "Register already open")
_ASK = QT_TRANSLATE_NOOP(
    "Messages",
    "The register in {path} is already open in another window of the program (process {pid} on {host}).\n\n"
    "Two windows on one register show each other's changes only after a refresh, and both may print the "
    "same sheets. Open it here as well?",
)


def claim(data_dir: Path) -> tuple[QLockFile, bool]:
    """Try to hold the data folder's lock: the lock and True if held (or no lock file can be made there,
    e.g. a read-only folder: nothing to warn about), False if another running program holds it."""
    lock = QLockFile(str(Path(data_dir) / LOCK_NAME))
    lock.setStaleLockTime(0)  # never stale by age: the register may stay open for days; a dead process frees it
    if lock.tryLock(0):
        return lock, True
    return lock, lock.error() != QLockFile.LockError.LockFailedError


def holder(lock: QLockFile) -> tuple[str, str]:
    """The process id and host of the program holding ``lock`` ("?" when unknown)."""
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname)
    pid, host = (info[-3], info[-2]) if isinstance(info, tuple) and len(info) >= 3 else (0, "")
    return (str(pid) if pid else "?", str(host) or "?")


def ask_open_anyway(data_dir: Path, lock: QLockFile) -> bool:
    """Say that the register is open elsewhere; True if the user opens it anyway (default: No)."""
    pid, host = holder(lock)
    text = QCoreApplication.translate("Messages", _ASK).format(path=data_dir, pid=pid, host=host)
    return messages.confirm(None, QCoreApplication.translate("Messages", _TITLE), text)

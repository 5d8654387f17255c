"""A named Windows mutex held while the program runs, so the installer can see that it is running.

The Inno Setup script (``installer/windows/hazard_desktop.iss``) sets ``AppMutex`` to :data:`MUTEX_NAME`:
Setup and Uninstall then refuse to go on while any instance holds it. Inno only *checks* the mutex;
the program has to create it (Inno Setup documentation, ``AppMutex``). Both the session-local and the
``Global\\`` name are created so that an installer started from another user session sees it too.

Never change :data:`MUTEX_NAME` between versions: an installer of a newer version checks the name
the running older version created. Standard library only (ctypes); a no-op on other systems.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

#: Must equal ``AppMutex`` in ``installer/windows/hazard_desktop.iss`` (the AppId GUID, for uniqueness).
MUTEX_NAME = "hazard_desktop-67D5C649-5DA0-4B16-B7F2-0E10E5D91EC6"

_handles: list[int] = []  # kept for the life of the process; Windows releases them at exit


def hold_app_mutex(name: str = MUTEX_NAME) -> bool:
    """Create the named mutexes (Windows only). Returns True when at least one was created.

    Failure is logged and ignored: the mutex only helps the installer, it must never stop the program.
    """
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    create = kernel32.CreateMutexW
    create.argtypes = [wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR]
    create.restype = wintypes.HANDLE
    created = False
    for full_name in (name, "Global\\" + name):
        handle = create(None, False, full_name)
        if handle:
            _handles.append(handle)
            created = True
        else:
            log.warning("CreateMutexW(%s) failed: error %s", full_name, ctypes.get_last_error())  # type: ignore[attr-defined]
    return created

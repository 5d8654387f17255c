"""A named Windows mutex held while the program runs, so the installer can see that it is running.

The Inno Setup script (``installer/windows/hazard_desktop.iss``) sets ``AppMutex`` to :data:`MUTEX_NAME`:
Setup and Uninstall then refuse to go on while any instance holds it. Inno only *checks* the mutex;
the program has to create it (Inno Setup documentation, ``AppMutex``). Both the session-local and the
``Global\\`` name are created so that an installer started from another user session sees it too.

Setup checks with ``OpenMutex(SYNCHRONIZE)`` and takes a failure for "not running". A mutex created with
the default security is open only to the account that started the program, so setup elevated with an
administrator's credentials (over-the-shoulder UAC, a software-distribution agent running as SYSTEM) or
started by another logged-on user would not see it, go on, delete ``_internal`` and hit locked files.
The mutex is therefore created with :data:`MUTEX_SDDL`: SYNCHRONIZE (wait/see only: nobody else can
release, change or delete it) for every authenticated user, full access for SYSTEM and administrators.

Never change :data:`MUTEX_NAME` between versions: an installer of a newer version checks the name
the running older version created. Standard library only (ctypes); a no-op on other systems.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

#: Must equal ``AppMutex`` in ``installer/windows/hazard_desktop.iss`` (the AppId GUID, for uniqueness).
MUTEX_NAME = "hazard_desktop-67D5C649-5DA0-4B16-B7F2-0E10E5D91EC6"

SYNCHRONIZE = 0x00100000
#: DACL of the mutex: SYNCHRONIZE for Authenticated Users (what setup's OpenMutex asks for), generic all for
#: Local System and the Administrators group.
MUTEX_SDDL = f"D:(A;;0x{SYNCHRONIZE:08X};;;AU)(A;;GA;;;SY)(A;;GA;;;BA)"

_SDDL_REVISION_1 = 1
_ERROR_ALREADY_EXISTS = 183
_handles: list[int] = []  # kept for the life of the process; Windows releases them at exit


def hold_app_mutex(name: str = MUTEX_NAME) -> bool:
    """Create (or open, when another instance holds them) the named mutexes. Windows only.

    Returns True when at least one handle is held. Failure is logged and ignored: the mutex only
    helps the installer, it must never stop the program.
    """
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    class SecurityAttributes(ctypes.Structure):
        _fields_ = [
            ("nLength", wintypes.DWORD),
            ("lpSecurityDescriptor", wintypes.LPVOID),
            ("bInheritHandle", wintypes.BOOL),
        ]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
    convert = advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW
    convert.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, ctypes.POINTER(wintypes.LPVOID), wintypes.LPVOID]
    convert.restype = wintypes.BOOL
    # CreateMutexEx with SYNCHRONIZE only: when the mutex exists (a second instance, another user's
    # Global\ mutex) it is opened with the one right the DACL grants everybody, instead of failing.
    create = kernel32.CreateMutexExW
    create.argtypes = [ctypes.POINTER(SecurityAttributes), wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD]
    create.restype = wintypes.HANDLE

    descriptor = wintypes.LPVOID()
    if not convert(MUTEX_SDDL, _SDDL_REVISION_1, ctypes.byref(descriptor), None):
        log.warning("security descriptor %s refused: error %s", MUTEX_SDDL, ctypes.get_last_error())  # type: ignore[attr-defined]
        return False
    attributes = SecurityAttributes(ctypes.sizeof(SecurityAttributes), descriptor, False)
    held = False
    try:
        for full_name in (name, "Global\\" + name):
            handle = create(ctypes.byref(attributes), full_name, 0, SYNCHRONIZE)
            error = ctypes.get_last_error()  # type: ignore[attr-defined]
            if handle:
                _handles.append(handle)
                held = True
                log.debug("mutex %s %s", full_name, "opened" if error == _ERROR_ALREADY_EXISTS else "created")
            else:
                log.warning("CreateMutexExW(%s) failed: error %s", full_name, error)
    finally:
        kernel32.LocalFree(descriptor)
    return held

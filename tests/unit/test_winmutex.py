"""The mutex the installer checks (AppMutex): same name as the .iss, a DACL setup under another account can open."""

from __future__ import annotations

import re
import sys
import uuid
from pathlib import Path

import pytest

from hazard_desktop import winmutex

ISS = Path(__file__).resolve().parents[2] / "installer" / "windows" / "hazard_desktop.iss"

# One ACE: (type;flags;rights;object guid;inherited object guid;trustee) — [MS-DTYP] 2.5.1.
_ACE = re.compile(r"\((A|D);([A-Z]*);(0x[0-9A-Fa-f]{1,8}|(?:[A-Z]{2})+);;;([A-Z]{2}|S-1-\d+(?:-\d+)+)\)")


def _iss_defines() -> dict[str, str]:
    """``#define Name "value"`` and ``#define Name "prefix" + Other`` of the Inno Setup script."""
    defines: dict[str, str] = {}
    for name, expr in re.findall(r"^#define (\w+) (.+)$", ISS.read_text(encoding="utf-8-sig"), re.M):
        parts = [p.strip() for p in expr.split("+")]
        if all(p.startswith('"') or p in defines for p in parts):
            defines[name] = "".join(p.strip('"') if p.startswith('"') else defines[p] for p in parts)
    return defines


def test_the_mutex_name_is_the_installers_app_mutex():
    defines = _iss_defines()
    assert defines["AppMutexName"] == winmutex.MUTEX_NAME
    line = re.search(r"^AppMutex=(.+)$", ISS.read_text(encoding="utf-8-sig"), re.M)
    assert line is not None
    assert line.group(1).split(",") == ["{#AppMutexName}", "Global\\{#AppMutexName}"]
    # The GUID is the AppId's: one product identity.
    assert winmutex.MUTEX_NAME.endswith(defines["AppGuid"])
    assert re.search(r"^AppId=\{\{\{#AppGuid\}\}$", ISS.read_text(encoding="utf-8-sig"), re.M)


def test_the_sddl_is_a_well_formed_dacl():
    sddl = winmutex.MUTEX_SDDL
    assert sddl.startswith("D:")
    aces = _ACE.findall(sddl[2:])
    assert "".join(f"({t};{f};{r};;;{s})" for t, f, r, s in aces) == sddl[2:], "text outside well-formed ACEs"
    assert all(kind == "A" for kind, *_ in aces), "allow entries only"
    assert all(flags == "" for _, flags, *_ in aces), "a mutex has no children to inherit"


def test_authenticated_users_may_see_the_mutex_and_nothing_more():
    aces = {sid: rights for _, _, rights, sid in _ACE.findall(winmutex.MUTEX_SDDL[2:])}
    # Setup opens it with SYNCHRONIZE (0x00100000); any other right would let other users release or alter it.
    assert int(aces["AU"], 16) == winmutex.SYNCHRONIZE == 0x00100000
    assert aces["SY"] == aces["BA"] == "GA"
    assert "WD" not in aces and "AN" not in aces, "no Everyone / anonymous entries"


def test_a_no_op_elsewhere(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert winmutex.hold_app_mutex() is False


@pytest.mark.skipif(sys.platform != "win32", reason="Windows kernel objects; runs in the windows-installer workflow")
def test_windows_the_mutex_carries_the_dacl_and_opens_with_synchronize():  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    name = f"hazard_desktop-test-{uuid.uuid4()}"
    assert winmutex.hold_app_mutex(name) is True
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    kernel32.OpenMutexW.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.LPCWSTR]
    kernel32.OpenMutexW.restype = wintypes.HANDLE
    for full in (name, "Global\\" + name):
        # Another account's setup opens it with SYNCHRONIZE; this account owns it, so READ_CONTROL works too.
        handle = kernel32.OpenMutexW(winmutex.SYNCHRONIZE | 0x00020000, False, full)
        assert handle, f"OpenMutexW({full}) failed: {ctypes.get_last_error()}"
        dacl, descriptor = wintypes.LPVOID(), wintypes.LPVOID()
        advapi32.GetSecurityInfo.argtypes = [
            wintypes.HANDLE,
            ctypes.c_int,
            wintypes.DWORD,
            *[wintypes.LPVOID] * 2,
            ctypes.POINTER(wintypes.LPVOID),
            wintypes.LPVOID,
            ctypes.POINTER(wintypes.LPVOID),
        ]
        # SE_KERNEL_OBJECT = 6, DACL_SECURITY_INFORMATION = 4
        result = advapi32.GetSecurityInfo(handle, 6, 4, None, None, ctypes.byref(dacl), None, ctypes.byref(descriptor))
        assert result == 0
        text = wintypes.LPWSTR()
        advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW.argtypes = [
            wintypes.LPVOID,
            wintypes.DWORD,
            wintypes.DWORD,
            ctypes.POINTER(wintypes.LPWSTR),
            wintypes.LPVOID,
        ]
        assert advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor, 1, 4, ctypes.byref(text), None)
        assert re.search(r"\(A;;0x0*100000;;;AU\)", text.value, re.I), text.value
        kernel32.CloseHandle(handle)

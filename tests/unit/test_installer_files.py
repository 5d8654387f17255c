"""The Windows installer's script, messages file, icon and workflow: what can be checked without Windows.

The installer itself only runs on Windows (.github/workflows/windows-installer.yml does); these tests pin
the decisions that workflow relies on, so that a careless edit fails here first.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "hazard_desktop.iss"
ISL = ROOT / "installer" / "windows" / "languages" / "ChineseSimplified.isl"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"


@pytest.fixture(scope="module")
def iss() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def setup_value(iss: str, name: str) -> str:
    match = re.search(rf"^{name}=(.*)$", iss, re.M)
    assert match, f"[Setup] {name} missing"
    return match.group(1).strip()


def test_windows_10_1809_or_later(iss):
    assert setup_value(iss, "MinVersion") == "10.0.17763"  # Qt 6.11's minimum


def test_the_setup_never_packs_a_portable_marker_or_portable_data(iss):
    files = [line for line in iss.splitlines() if line.startswith("Source:")]
    assert len(files) == 1
    excludes = re.search(r'Excludes: "([^"]+)"', files[0])
    assert excludes and set(excludes.group(1).split(",")) >= {"\\portable.txt", "\\data", "\\data\\*"}


def test_the_chinese_messages_file_is_the_committed_one(iss):
    assert '#define ChineseIsl AddBackslash(SourcePath) + "languages\\ChineseSimplified.isl"' in iss
    assert "compiler:Languages\\ChineseSimplified" not in iss and "Unofficial" not in iss.split("[Setup]")[1]
    data = ISL.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "without a BOM Inno Setup reads it as GBK"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert "LanguageID=$0804" in text
    for message in ("SetupAppRunningError", "UninstallAppRunningError", "ButtonCancel", "WinVersionTooLowError"):
        assert re.search(rf"^{message}=.+$", text, re.M), message
    for message in ("CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"):  # used by [Tasks] and [Run]
        assert re.search(rf"^{message}=.+$", text, re.M), message


def test_every_custom_message_exists_in_both_languages(iss):
    used = set(re.findall(r"CustomMessage\('(\w+)'\)", iss)) | set(re.findall(r"\{cm:(\w+)", iss))
    used -= {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}  # from the messages files
    for name in used:
        for lang in ("chinesesimplified", "english"):
            assert re.search(rf"^{lang}\.{name}=.+$", iss, re.M), f"{lang}.{name}"


def test_downgrade_and_another_dir_are_refused_before_anything_is_installed(iss):
    code = iss.split("[Code]", 1)[1]
    init = code.split("function InitializeSetup(): Boolean;", 1)[1].split("\nend;", 1)[0]
    assert "'DisplayVersion'" in init and "PackedVersion('{#AppVersionNumeric}')" in init
    assert "{param:DIR|}" in init and "'Inno Setup: App Path'" in init
    assert '#define UninstallKeyName "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{" + AppGuid' in iss


def _packed(value: str) -> int:
    """Python twin of the script's PackedVersion (gen_version_info.numeric's rule: leading numeric parts)."""
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import gen_version_info
    finally:
        sys.path.pop(0)
    a, b, c, d = gen_version_info.numeric(value)
    return ((a * 65536 + b) * 65536 + c) * 65536 + d


def test_version_order_the_script_uses():
    assert _packed("0.2.0") > _packed("0.1.9") > _packed("0.1.0")
    assert _packed("0.1.0") == _packed("0.1.0.0") == _packed("0.1.0rc1")
    assert _packed("999.0.0") > _packed("0.1.0")
    assert _packed("1.10.0") > _packed("1.9.0")


def test_uninstall_removes_the_local_data_folder_and_the_old_roaming_one_only_when_ticked(iss):
    assert "ExpandConstant('{localappdata}\\hazard_desktop')" in iss
    assert "ExpandConstant('{userappdata}\\hazard_desktop')" in iss
    post = iss.split("procedure CurUninstallStepChanged", 1)[1]
    assert post.count("RemoveUserData and DirExists") == 2


def test_icon_and_signing(iss):
    assert setup_value(iss, "SetupIconFile") == "{#IconFile}"
    signing = iss.split("#ifdef SignToolName", 1)[1].split("#endif", 1)[0]
    assert "SignTool={#SignToolName}" in signing and "SignedUninstaller=yes" in signing
    spec = (ROOT / "installer" / "hazard_desktop.spec").read_text(encoding="utf-8")
    assert "icon=str(icon_file) if IS_WIN else None" in spec


def test_the_icon_has_every_windows_size(tmp_path):
    from PIL import Image

    sys.path.insert(0, str(ROOT / "installer"))
    try:
        import make_icon
    finally:
        sys.path.pop(0)
    ico = make_icon.write_icon(tmp_path)
    with Image.open(ico) as image:
        assert image.format == "ICO"
        assert {16, 32, 48, 256} <= {w for w, _ in image.info["sizes"]}
    with Image.open(tmp_path / "hazard_desktop.png") as png:
        assert png.size == (256, 256)
        assert png.getpixel((128, 200))[:3] != png.getpixel((5, 128))[:3]  # a sign on a tile, not a flat square


def test_the_workflow_can_fail_where_it_matters():
    flow = WORKFLOW.read_text(encoding="utf-8")
    for path in ("hazard_desktop/**", "resources/**", "installer/**", ".github/workflows/windows-installer.yml"):
        assert f'- "{path}"' in flow, path
    assert re.search(r'INNO_SETUP_VERSION: "\d+\.\d+\.\d+"', flow)
    assert "choco install innosetup --version=$env:INNO_SETUP_VERSION" in flow
    assert "Invoke-WebRequest" not in flow and "raw.githubusercontent" not in flow
    # Every setup/uninstall run is waited for and its exit code checked.
    for line in flow.splitlines():
        if "Start-Process" in line and ("setup" in line.lower() or "unins000" in line):
            assert "-Wait -PassThru" in line, line
    assert flow.count("ExitCode") >= 3
    assert "PREV_SETUP" in flow and "git describe --tags" in flow  # the upgrade starts from the previous release
    assert "Mutex-Visible" in flow and "setup ran although the program was running" in flow
    assert "/DIR=$other" in flow and 'DisplayVersion -Value "999.0.0"' in flow
    assert "qwindows.dll" in (ROOT / "installer" / "dist_check.py").read_text(encoding="utf-8")

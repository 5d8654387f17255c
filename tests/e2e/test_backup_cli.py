"""`hazard-desktop backup -o FILE` and `hazard-desktop restore FILE` as a script or IT runs them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import seeded_folder

pytestmark = pytest.mark.slow


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HAZARD_DESKTOP_LANG": "zh_CN"}
    env.pop("HAZARD_DESKTOP_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "hazard_desktop", *args], capture_output=True, text=True, env=env, timeout=120
    )


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_backup_then_restore_round_trip_in_both_languages(tmp_path: Path) -> None:
    data = seeded_folder(tmp_path / "data")
    target = tmp_path / "usb" / "register.zip"
    target.parent.mkdir()
    made = run("--data-dir", str(data), "backup", "-o", str(target))
    assert made.returncode == 0, made.stderr
    assert "备份已写入并校验" in made.stdout and target.exists()
    again = run("--data-dir", str(data), "--lang", "en", "backup", "-o", str(target))
    assert again.returncode == 2 and "exists already" in again.stderr  # never overwritten
    into_folder = run("--data-dir", str(data), "backup", "-o", str(target.parent))
    assert into_folder.returncode == 0 and len(list(target.parent.glob("*.zip"))) == 2

    restored = run("--data-dir", str(data), "--lang", "en", "restore", str(target))
    assert restored.returncode == 0, restored.stderr
    assert "was restored" in restored.stdout and "Safety copy" in restored.stdout
    assert list((data / "backups").glob("hazard_desktop-before-restore-*.db"))


def test_restore_refusals_are_clear_and_change_nothing(tmp_path: Path) -> None:
    data = seeded_folder(tmp_path / "data")
    foreign = tmp_path / "notes.zip"
    foreign.write_text("hello")
    before = _files(data)
    refused = run("--data-dir", str(data), "restore", str(foreign))
    assert refused.returncode == 2
    assert "不是本程序的备份文件" in refused.stderr and "Traceback" not in refused.stderr
    assert _files(data) == before
    missing = run("--data-dir", str(data), "--lang", "en", "restore", str(tmp_path / "nothing.zip"))
    assert missing.returncode == 2 and "Cannot read the backup file" in missing.stderr
    assert _files(data) == before


def test_restore_is_refused_while_the_register_is_open(tmp_path: Path) -> None:
    data = seeded_folder(tmp_path / "data")
    target = tmp_path / "b.zip"
    assert run("--data-dir", str(data), "backup", "-o", str(target)).returncode == 0
    holder = sqlite3.connect(data / "hazard_desktop.db")  # a window has its connections open all the time
    holder.execute("SELECT count(*) FROM hazards").fetchone()
    try:
        refused = run("--data-dir", str(data), "restore", str(target))
    finally:
        holder.close()
    assert refused.returncode == 2
    assert "台账正被本程序的窗口或另一个命令使用" in refused.stderr


def test_backup_needs_a_register(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = run("--data-dir", str(empty), "backup", "-o", str(tmp_path / "b.zip"))
    assert refused.returncode == 2 and not (tmp_path / "b.zip").exists()
    assert _files(empty) == []
    shutil.rmtree(empty)


def test_a_newer_backup_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    import json
    import zipfile

    data = seeded_folder(tmp_path / "data")
    made = tmp_path / "b.zip"
    assert run("--data-dir", str(data), "backup", "-o", str(made)).returncode == 0
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(made) as zin, zipfile.ZipFile(newer, "w") as zout:
        for name in zin.namelist():
            content = zin.read(name)
            if name == "manifest.json":
                manifest = json.loads(content)
                manifest["revision"] = "9999"
                content = json.dumps(manifest).encode()
            zout.writestr(name, content)
    before = _files(data)
    refused = run("--data-dir", str(data), "--lang", "en", "restore", str(newer))
    assert refused.returncode == 2 and "newer version of the program" in refused.stderr
    assert _files(data) == before

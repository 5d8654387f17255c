"""Where the command line writes: the headless run's demo, the demo command's counts, read-only storage."""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hazard_desktop import app as app_module
from hazard_desktop import cli
from hazard_desktop.ui import application


@pytest.fixture
def root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers, root.level = handlers, level


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


def test_the_headless_run_leaves_no_demo_folder_behind(tmp_path, monkeypatch, capsys, root_logging, qapp):
    """Before: `make run` without a display left a hazard-desktop-demo-* folder in /tmp on every run."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(app_module, "has_display", lambda: False)
    monkeypatch.setattr(application, "install_message_log", lambda: None)
    monkeypatch.setattr(cli, "HEADLESS_DEMO_COUNT", 3)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    data = tmp_path / "data"
    assert cli.main(["--data-dir", str(data), "--create", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    shot = data / "screenshots" / "main-window.png"
    assert shot.stat().st_size > 0 and str(shot) in out and "since removed" in out
    assert list(temp.iterdir()) == []  # the demo was made in a temporary folder and removed
    assert not (data / "hazard_desktop.db").exists()  # and not in the user's folder either


def test_demo_says_how_many_hazards_the_register_shows(tmp_path, capsys, root_logging):
    """Before: `demo` said 300 hazards where the register showed 309 (the demo inspections raise 9)."""
    data = tmp_path / "demo"
    assert cli.main(["demo", "--count", "5", "--no-photos", "--create", "--data-dir", str(data), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    with sqlite3.connect(data / "hazard_desktop.db") as con:
        total = con.execute("SELECT count(*) FROM hazards").fetchone()[0]
    con.close()
    assert total == 14
    assert "5 hazards plus 9 raised by the demo inspections' failed items (14 in the register)" in out


def test_a_data_dir_naming_a_file_is_explained_in_a_window(tmp_path, monkeypatch, root_logging, qapp):
    """A windowed program has no console: the refusal is a box, not a line on stderr (nor a traceback)."""
    monkeypatch.setattr(app_module, "has_display", lambda: True)
    a_file = tmp_path / "register.txt"
    a_file.write_text("x", encoding="utf-8")
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.done(0)

    QTimer.singleShot(0, close_box)
    try:
        assert cli.main(["--data-dir", str(a_file), "--lang", "en"]) == 2
    finally:
        application.install_translators(qapp, Path(), "en")
    assert seen and "is a file, not a folder" in seen[0]
    assert a_file.read_text(encoding="utf-8") == "x"


def _read_only(path: Path) -> None:
    """Make ``path`` unwritable even for root (the immutable attribute), or skip saying why."""
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot make {path} immutable here: {done.stderr.decode().strip()}")


def _writable(path: Path) -> None:
    subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ro-register")
    assert cli.main(["demo", "--count", "3", "--no-photos", "--data-dir", str(folder)]) == 0
    logs = folder / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "").startswith(str(folder)):
            handler.close()
            logging.getLogger().removeHandler(handler)
    return folder


@pytest.mark.parametrize("what", ["database file", "data folder"])
def test_read_only_storage_is_refused_with_its_message(what, register, tmp_path, capsys, root_logging, monkeypatch):
    """Before: an SQLAlchemy traceback, although a `db_readonly` message existed."""
    monkeypatch.setenv("HAZARD_DESKTOP_LANG", "en")  # the sheet itself is Chinese only: --lang en is refused
    data = tmp_path / "data"
    shutil.copytree(register, data)
    target = data / "hazard_desktop.db" if what == "database file" else data
    _read_only(target)
    try:
        before = snapshot(data)
        args = ["sheet", "YH-2026-0001", "-o", str(tmp_path / "s.pdf"), "--data-dir", str(data)]
        code = cli.main(args)
        err = capsys.readouterr().err
        after = snapshot(data)
    finally:
        _writable(target)
    assert code == 2 and "Traceback" not in err
    assert "read-only" in err, err
    assert after == before
    if what == "data folder":  # the calculator still reads the register of a read-only folder
        _read_only(data)
        try:
            assert cli.main(["lec", "3", "6", "7", "--data-dir", str(data)]) == 0
        finally:
            _writable(data)


def test_the_headless_run_on_a_refused_register_writes_nothing(tmp_path, monkeypatch, capsys, root_logging, qapp):
    monkeypatch.setattr(app_module, "has_display", lambda: False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    data = tmp_path / "data"
    data.mkdir()
    (data / "hazard_desktop.db").write_bytes(b"")
    before = snapshot(data)
    assert cli.main(["--data-dir", str(data), "--lang", "en"]) == 2
    assert "is empty (0 bytes)" in capsys.readouterr().err
    assert snapshot(data) == before  # no screenshots/ folder, no log

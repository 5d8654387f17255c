"""Start-up through the real path (`app.run_gui`): every refused register ends in a translated box, not a crash.

Before the fix `app.py` imported `show_fatal_storage_error`, which `ui/messages.py` did not define: every
refusal ("newer", "unreadable", "upgrade failed", "locked") ended in an ImportError.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from hazard_desktop import app as app_module
from hazard_desktop.adapters import schema
from hazard_desktop.ui import application
from hazard_desktop.ui.crash import CrashReporter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def register_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A current, seeded register, built once; tests copy it."""
    folder = tmp_path_factory.mktemp("register")
    app_module.close_context(app_module.build_context(folder))
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with its SHA-256 (the data folder must stay byte-identical)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


def start(folder: Path, monkeypatch: pytest.MonkeyPatch, *, answer: QMessageBox.StandardButton | None = None):
    """Run the real start-up; close the first modal box it shows (pressing ``answer``); return (code, text)."""
    monkeypatch.setattr(application, "install_message_log", lambda: None)  # keep pytest-qt's Qt log capture
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, close_box)
            return
        seen.append(box.text())
        button = box.button(answer) if answer is not None else None
        if button is not None:
            button.click()
        else:
            box.done(0)

    QTimer.singleShot(0, close_box)
    code = app_module.run_gui(folder, "en", ask_create=answer is not None)
    return code, seen[0] if seen else None


def newer(folder: Path) -> None:
    with sqlite3.connect(folder / "hazard_desktop.db") as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.close()


def damaged(folder: Path) -> None:
    (folder / "hazard_desktop.db").write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)


def upgrade_fails(folder: Path) -> None:
    db = folder / "hazard_desktop.db"
    shutil.copyfile(FIXTURES / "db_rev0001.db", db)
    with sqlite3.connect(db) as con:  # a table revision 0002 creates: its migration fails for real
        con.execute("PRAGMA journal_mode=WAL")  # as every register the program wrote
        con.execute("CREATE TABLE grading_meetings (x INTEGER)")
    con.close()


def empty_file(folder: Path) -> None:
    (folder / "hazard_desktop.db").write_bytes(b"")


@pytest.mark.parametrize(
    ("spoil", "needle"),
    [
        (newer, "written by a newer version"),
        (damaged, "cannot be read"),
        (upgrade_fails, "could not be upgraded. It is unchanged; the copy made before the upgrade is"),
        (empty_file, "is empty (0 bytes)"),
    ],
)
def test_each_refused_register_is_explained_and_left_as_it_was(
    spoil, needle, register_template, tmp_path, qapp, monkeypatch
):
    folder = tmp_path / "data"
    shutil.copytree(register_template, folder)
    spoil(folder)
    before = snapshot(folder)
    code, text = start(folder, monkeypatch)
    assert code == 2
    assert text is not None and needle in text
    after = snapshot(folder)
    if spoil is upgrade_fails:  # the only thing a failed upgrade adds is its restore point, and it says where
        backups = {k for k in after if k.startswith("backups")}
        assert backups and str(folder / sorted(backups)[-1]) in text
        after = {k: v for k, v in after.items() if k not in backups}
    assert after == before


def test_locked_register_is_explained(register_template, tmp_path, qapp, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(register_template, folder)
    monkeypatch.setattr(schema, "READ_TIMEOUT", 0.05)
    other = sqlite3.connect(folder / "hazard_desktop.db", isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")  # another program holds the database
        code, text = start(folder, monkeypatch)
    finally:
        other.close()
    assert code == 2
    assert text is not None and "busy" in text


def test_revision_row_removed_is_refused_without_claiming_a_backup(register_template, tmp_path, qapp, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(register_template, folder)
    with sqlite3.connect(folder / "hazard_desktop.db") as con:
        con.execute("DELETE FROM alembic_version")
    con.close()
    before = snapshot(folder)
    code, text = start(folder, monkeypatch)
    assert code == 2 and text is not None
    assert "cannot be read" in text and "backup" not in text
    assert snapshot(folder) == before


def test_a_missing_folder_is_created_only_when_the_user_says_yes(tmp_path, qapp, monkeypatch):
    folder = tmp_path / "mistyped" / "data"
    code, text = start(folder, monkeypatch, answer=QMessageBox.StandardButton.No)
    assert code == 1 and text is not None and str(folder) in text
    assert not (tmp_path / "mistyped").exists()


def test_the_start_up_refusal_reads_in_chinese(register_template, tmp_path, qapp, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(register_template, folder)
    newer(folder)
    monkeypatch.setattr(application, "install_message_log", lambda: None)
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.done(0)

    QTimer.singleShot(0, close_box)
    try:
        assert app_module.run_gui(folder, "zh_CN") == 2
    finally:
        application.install_translators(QApplication.instance(), Path(), "en")  # back to English for others
        for translator in getattr(QApplication.instance(), "_hazard_translators", []):
            QApplication.instance().removeTranslator(translator)
    assert "更新版本" in seen[0]


# ---------------------------------------------------------------- the last-resort handlers


@pytest.fixture
def reporter(tmp_path: Path, qapp):
    logger = logging.getLogger()
    path = app_module.setup_logging(tmp_path)
    crash = CrashReporter(path)
    crash.install()
    yield crash
    crash.uninstall()
    for handler in [h for h in logger.handlers if getattr(h, "baseFilename", None) == str(path)]:
        handler.close()
        logger.removeHandler(handler)
    for box in crash.boxes:
        box.done(0)


def test_an_error_in_a_slot_is_logged_and_explained_and_the_program_runs_on(reporter, qtbot):
    button = QPushButton("boom")
    qtbot.addWidget(button)
    clicks = []

    def broken() -> None:
        clicks.append(1)
        raise RuntimeError("a bug nobody caught")

    button.clicked.connect(broken)
    button.click()
    qtbot.waitUntil(lambda: bool(reporter.boxes))
    box = reporter.boxes[-1]
    assert "a bug nobody caught" in box.text() and str(reporter.log_path) in box.text()
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: a bug nobody caught" in logged
    button.click()  # still running, still answering
    assert clicks == [1, 1]


def test_an_error_in_a_worker_thread_is_logged_and_explained_on_the_gui_thread(reporter, qtbot):
    def work() -> None:
        raise ValueError("worker failed")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(reporter.boxes))
    assert "worker failed" in reporter.boxes[-1].text()
    assert "ValueError: worker failed" in reporter.log_path.read_text(encoding="utf-8")


def test_a_read_only_register_is_refused_at_start_without_side_files(register_template, tmp_path, qapp, monkeypatch):
    import subprocess

    folder = tmp_path / "data"
    shutil.copytree(register_template, folder)
    db = folder / "hazard_desktop.db"
    done = subprocess.run(["chattr", "+i", str(db)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot make the file immutable here: {done.stderr.decode().strip()}")
    try:
        before = snapshot(folder)
        code, text = start(folder, monkeypatch)
        after = snapshot(folder)
    finally:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True, check=False)
    assert code == 2 and text is not None and "read-only" in text
    assert after == before  # no -wal or -shm left beside it


def test_faulthandler_writes_to_the_logs_folder(tmp_path, monkeypatch):
    import faulthandler
    import sys

    monkeypatch.setattr(app_module, "_fault_file", None)
    try:
        app_module._enable_faulthandler(tmp_path)
        assert faulthandler.is_enabled()
        assert app_module._fault_file.name == str(tmp_path / "logs" / "faults.log")
        faulthandler.dump_traceback(file=app_module._fault_file)  # what a hard crash writes there
        app_module._fault_file.flush()
        assert "test_faulthandler_writes_to_the_logs_folder" in (tmp_path / "logs" / "faults.log").read_text()
    finally:
        faulthandler.enable(file=sys.__stderr__)  # back to what the test run uses
        if app_module._fault_file is not None:
            app_module._fault_file.close()


def test_the_window_releases_its_crash_log_when_it_closes(tmp_path, monkeypatch):
    """The headless run deletes its temporary demo folder afterwards: on Windows an open faults.log stops that."""
    import faulthandler

    monkeypatch.setattr(app_module, "_fault_file", None)
    app_module._enable_faulthandler(tmp_path)
    opened = app_module._fault_file
    app_module._disable_faulthandler()
    assert opened.closed and app_module._fault_file is None
    assert faulthandler.is_enabled()  # the test runner's own handler is back

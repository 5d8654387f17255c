"""The data folder's log file (app.setup_logging): made by the first record, not by the start."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from hazard_desktop import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_path(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = app.setup_logging(tmp_path)
    yield path
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        handler.close()
        root.removeHandler(handler)
    root.setLevel(level)


def test_nothing_is_written_until_something_is_logged(log_path: Path, tmp_path: Path) -> None:
    assert list(tmp_path.iterdir()) == []  # no logs/ folder: a refused command leaves the folder as it was
    logging.getLogger("hazard_desktop.test").info("first %s", "record")
    assert log_path.parent == tmp_path / "logs"
    assert "INFO hazard_desktop.test: first record" in log_path.read_text(encoding="utf-8")


def test_setting_up_again_replaces_the_handler_and_the_file_rotates(log_path: Path, tmp_path: Path) -> None:
    assert app.setup_logging(tmp_path) == log_path
    ours = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(log_path)]
    assert len(ours) == 1
    log = logging.getLogger("hazard_desktop.test")
    for _ in range(12):
        log.info("x" * 200_000)  # 2.4 MB: past the 2 MB limit
    assert (log_path.parent / "hazard_desktop.log.1").is_file()


def test_a_folder_where_nothing_can_be_written_costs_the_log_not_the_program(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.mkdir()
    (blocked / "logs").write_text("a file where the folder should be", encoding="utf-8")
    handler = app._FolderLogHandler(app.log_file(blocked))
    try:
        handler.handle(logging.LogRecord("t", logging.ERROR, __file__, 1, "lost", None, None))  # no exception
    finally:
        handler.close()


def test_the_rotating_handler_is_imported_by_the_first_record_not_by_the_start(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import logging, sys
        from pathlib import Path
        from hazard_desktop import app
        app.setup_logging(Path({str(tmp_path)!r}))
        before = "logging.handlers" in sys.modules
        logging.getLogger("t").warning("logged")
        print(before, "logging.handlers" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]

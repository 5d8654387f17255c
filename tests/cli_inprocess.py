"""``python -m hazard_desktop ARGS`` run inside the test process: ``cli.main(argv)`` with its output captured.

A new Python process costs ~0.5–1 s of imports (more for the PDF and storage commands); tests of what a
command prints, returns and writes run it here instead. What only a real process shows (the frozen smoke
check, kill -9, two processes on one folder, a crashed editor) keeps spawning one.

Like a fresh process, each run starts from the test's environment with ``HAZARD_DESKTOP_LANG`` set and no
``HAZARD_DESKTOP_DATA``; the log handlers the command adds and the translators it installs are taken away
again afterwards.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
from collections.abc import Iterator

from hazard_desktop import cli


@contextlib.contextmanager
def _environment(lang: str) -> Iterator[None]:
    names = ("HAZARD_DESKTOP_LANG", "HAZARD_DESKTOP_DATA", "QT_QPA_PLATFORM")
    saved = {name: os.environ.get(name) for name in names}
    os.environ["HAZARD_DESKTOP_LANG"] = lang
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("HAZARD_DESKTOP_DATA", None)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers, root.level = handlers, level
        _remove_translators()


def _remove_translators() -> None:
    """A command that starts the window installs translators in the shared application: remove them."""
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    for translator in getattr(app, "_hazard_translators", []) if app is not None else []:
        app.removeTranslator(translator)  # type: ignore[union-attr]
    if app is not None and getattr(app, "_hazard_translators", None):
        app._hazard_translators = []  # type: ignore[attr-defined]


def run(*args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess[str]:
    """What ``python -m hazard_desktop ARGS`` returns and prints, as ``subprocess.run(..., text=True)`` would."""
    out, err = io.StringIO(), io.StringIO()
    with _environment(lang), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse's usage errors and --help
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return subprocess.CompletedProcess(["hazard-desktop", *args], code, out.getvalue(), err.getvalue())

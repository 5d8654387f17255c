"""Expensive read-only test data built once per run, shared by the pytest-xdist workers.

``make test`` runs two workers; a session fixture runs once in each, so the 300-hazard demo (~17 s of CPU)
would be built twice. :func:`built_once` builds into a folder beside the workers' own temporary folders
(``getbasetemp().parent`` is the run's folder under xdist) under an ``fcntl`` lock: the first worker to ask
builds, the other waits for it and reuses the result. Each caller gets the built folder read-only by
convention: tests copy what they change (:func:`private_copy`).
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

try:
    import fcntl
except ImportError:  # Windows: no shared lock; each process builds its own (as before)
    fcntl = None  # type: ignore[assignment]

_RESULT = "built-result.pickle"
_DONE = "built-done"


def run_folder(factory: pytest.TempPathFactory) -> Path:
    """The folder all processes of this run share (a worker's base temp is one level below it)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None else base


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Any]) -> tuple[Path, Any]:
    """``build(folder)`` run once per test run for ``name``; returns the folder and what ``build`` returned.

    A build that fails leaves nothing marked done: the next caller tries again (and fails the same way).
    """
    root = run_folder(factory) / f"shared-{name}"
    root.mkdir(parents=True, exist_ok=True)
    folder = root / "data"
    with open(root / "lock", "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (root / _DONE).exists():
            shutil.rmtree(folder, ignore_errors=True)
            result = build(folder)
            (root / _RESULT).write_bytes(pickle.dumps(result))
            (root / _DONE).touch()
    return folder, pickle.loads((root / _RESULT).read_bytes())


def private_copy(folder: Path, target: Path) -> Path:
    """A copy of a shared folder that this process may open and change."""
    shutil.copytree(folder, target, dirs_exist_ok=True)
    return target

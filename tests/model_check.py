"""Every item model this project defines is checked by Qt's own model tester while the tests use it.

Shape of qutebrowser's ``model_validator`` made automatic: once the tests are collected, every Python
subclass of ``QAbstractItemModel`` (the program's and the tests' own) gets a
``QAbstractItemModelTester`` attached when its constructor returns. The tester (the C++ one that
``qtmodeltester.check`` uses) runs all its checks at once and again after every change the model
signals, for as long as the model lives; a broken rule is a ``qt.modeltest`` warning, which pytest-qt
turns into a failure of the test that made or changed the model.

A test that counts what a model reads (the windowed register's blocks and queries) is marked
``no_model_tester``: the tester reads every row, which is what such a test must rule out. Those models
are still checked by every other test that makes them.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterator
from typing import Any

WATCHED = "_hazard_model_tester_watched"
enabled = True  # off for a test marked no_model_tester (tests/conftest.py)
made: dict[type, int] = {}  # class → models checked
watched: list[type] = []


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def import_ui_modules() -> None:
    """Import every module of ``hazard_desktop.ui`` so models of lazily opened dialogs exist too."""
    import hazard_desktop.ui as ui

    for info in pkgutil.walk_packages(ui.__path__, ui.__name__ + "."):
        importlib.import_module(info.name)


def _watch(cls: type) -> None:
    original: Callable[..., None] = cls.__dict__.get("__init__") or cls.__init__  # its own or the inherited one
    if getattr(cls.__dict__.get("__init__"), WATCHED, False):
        return
    from PySide6.QtTest import QAbstractItemModelTester

    warn = QAbstractItemModelTester.FailureReportingMode.Warning

    @functools.wraps(original)
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if enabled and type(self).__init__ is init:  # the outermost constructor has finished: the model is whole
            QAbstractItemModelTester(self, warn, self)  # a child of the model: lives (and checks) as long
            made[type(self)] = made.get(type(self), 0) + 1

    setattr(init, WATCHED, True)
    cls.__init__ = init  # type: ignore[misc]


def watch_models() -> int:
    """Attach the tester to every model made from now on; returns how many classes are watched."""
    if "PySide6.QtCore" not in sys.modules:
        return 0  # nothing collected uses Qt: no model can be made
    from PySide6.QtCore import QAbstractItemModel

    import_ui_modules()
    classes = [cls for cls in _subclasses(QAbstractItemModel) if not cls.__module__.startswith("PySide6")]
    for cls in classes:
        _watch(cls)
    watched[:] = [c for c in classes if c.__module__.startswith("hazard_desktop.")]
    return len(classes)


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def tally() -> dict[str, Any]:
    """What this process checked, by class name (plain data: a pytest-xdist worker sends it to the controller)."""
    return {
        "made": {_name(cls): n for cls, n in made.items()},
        "watched": [_name(c) for c in watched],
        # a base class counts as made when one of its subclasses was
        "covered": [_name(c) for c in watched if any(issubclass(m, c) for m in made)],
    }


def summary(*, name_unmade: bool, tallies: list[dict[str, Any]] | None = None) -> str | None:
    """One line for the end of the run: how many models were checked (and, for a whole run, the program's
    model classes that no test made). ``tallies``: those of every process that ran tests (default: this one's)."""
    tallies = [tally()] if tallies is None else tallies
    counts: dict[str, int] = {}
    for one in tallies:
        for name, n in one["made"].items():
            counts[name] = counts.get(name, 0) + n
    names = {name for one in tallies for name in one["watched"]}
    covered = {name for one in tallies for name in one["covered"]}
    if not names or not counts:
        return None
    never = sorted(names - covered)
    text = f"model tester: {sum(counts.values())} models of {len(counts)} classes checked"
    return text + (f"; never made by any test: {', '.join(never)}" if never and name_unmade else "")

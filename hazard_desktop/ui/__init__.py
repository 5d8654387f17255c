"""PySide6 widgets and models: the only package that imports Qt.

PySide's import hook (``shibokensupport.feature``) looks at every module named by an ``import`` statement run
after PySide is loaded, once per name: it reads the module's whole source (``inspect.getsource``) to see whether
it mentions "PySide", for its ``from __feature__ import …`` switches (snake_case, true_property). At the window's
start that is ~115 modules (``typing``, ``inspect``, ``pathlib``, ``logging`` … read from disk again), ~15 ms of
CPU (issue 16). This program uses no ``__feature__``, and a module loaded before PySide cannot have selected one:
every module already loaded is marked "ignore" (-1, what the hook gives a module without PySide) as soon as
PySide is loaded, and this package's own modules "uses PySide" (0, what it gives them: they import it); other
modules imported afterwards are looked at as before. Without the hook's table (another PySide version) nothing
is marked. (An installed program has no sources: there the hook fails fast on every module anyway.)
"""

import os
import sys
from collections.abc import Iterator

import PySide6  # noqa: F401 - loads shiboken, which installs the import hook


def _mark_loaded_modules() -> None:
    try:
        from shibokensupport.feature import pyside_feature_dict  # type: ignore[import-not-found]
    except ImportError:
        return
    if isinstance(pyside_feature_dict, dict):
        for name in list(sys.modules):
            pyside_feature_dict.setdefault(name, -1)
        for name in _own_modules():
            pyside_feature_dict.setdefault(name, 0)


def _own_modules() -> Iterator[str]:
    """The names of this package's modules, from its source files."""
    root = os.path.dirname(os.path.abspath(__file__))
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if not f.startswith((".", "_"))]
        package = __name__ + folder[len(root) :].replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                yield package if file == "__init__.py" else f"{package}.{file[:-3]}"


_mark_loaded_modules()

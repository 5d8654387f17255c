"""The benchmarks import the program's names inside their functions (so that a figure times its own imports);
nothing else runs them before `make bench`, so a renamed name would only show there. Every
``from hazard_desktop… import name`` in ``benchmarks/`` must resolve."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _imports() -> list[tuple[str, str, str]]:
    found = []
    for script in sorted(BENCHMARKS.glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hazard_desktop"):
                found += [(script.name, node.module, alias.name) for alias in node.names]
    return found


def test_the_benchmarks_import_program_names() -> None:
    assert len(_imports()) > 20  # the scripts were found and read


@pytest.mark.parametrize(("script", "module", "name"), _imports())
def test_every_program_name_a_benchmark_imports_exists(script: str, module: str, name: str) -> None:
    imported = importlib.import_module(module)
    submodule = hasattr(imported, "__path__") and importlib.util.find_spec(f"{module}.{name}") is not None
    assert hasattr(imported, name) or submodule, f"{script}: {module} has no {name}"

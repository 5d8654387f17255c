"""Layers point one way: domain → services → adapters / ui, wired only in the composition root."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hazard_desktop"
COMPOSITION_ROOT = {"hazard_desktop.app", "hazard_desktop.cli", "hazard_desktop.__main__", "hazard_desktop.smoke"}
# Top-level helpers that belong to no layer: each may use the standard library and the third-party
# packages named here, and nothing of the project's layers (so any layer or the root may use them).
LEAVES = {
    "hazard_desktop": set(),
    "hazard_desktop.paths": {"platformdirs"},
    "hazard_desktop.winmutex": set(),
    "hazard_desktop.cli_messages": set(),
    "hazard_desktop.cli_help": set(),
    "hazard_desktop.reference_data": set(),
    "hazard_desktop.demo_data": set(),
}
LAYERS = {"domain", "services", "adapters", "ui"}
QT = "PySide6"
HEAVY_INFRA = {"sqlalchemy", "alembic", "reportlab", "PIL", "segno", "openpyxl"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at top level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


MODULES = {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def top(name: str) -> str:
    return name.split(".")[0]


def test_the_walk_sees_every_layer():
    assert {"domain", "services", "adapters", "ui"} <= {layer(m) for m in MODULES}
    assert len(MODULES) > 20


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) == "domain"))
def test_domain_imports_only_the_standard_library_and_itself(module):
    for name in MODULES[module]:
        if top(name) == "hazard_desktop":
            assert name.startswith("hazard_desktop.domain"), f"{module} imports {name}"
        else:
            assert top(name) in sys.stdlib_module_names or top(name) == "__future__", f"{module} imports {name}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) == "services"))
def test_services_import_only_the_standard_library_domain_and_services(module):
    for name in MODULES[module]:
        if top(name) == "hazard_desktop":
            assert layer(name) in {"domain", "services"}, f"{module} imports {name}"
        else:
            assert top(name) in sys.stdlib_module_names or top(name) == "__future__", f"{module} imports {name}"


def test_every_module_has_a_place():
    """A new top-level module must be put in LEAVES or COMPOSITION_ROOT here, with its rules."""
    homeless = [m for m in MODULES if layer(m) not in LAYERS and m not in LEAVES and m not in COMPOSITION_ROOT]
    assert homeless == []


@pytest.mark.parametrize("module", sorted(LEAVES))
def test_top_level_helpers_use_the_standard_library_and_no_layer(module):
    for name in MODULES[module]:
        if top(name) == "hazard_desktop":
            assert name == "hazard_desktop" or name in LEAVES, f"{module} imports {name}"
        else:
            allowed = top(name) in sys.stdlib_module_names or top(name) in {"__future__", *LEAVES[module]}
            assert allowed, f"{module} imports {name}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m not in COMPOSITION_ROOT))
def test_nothing_imports_the_composition_root(module):
    for name in MODULES[module]:
        assert name not in COMPOSITION_ROOT, f"{module} imports {name}"


@pytest.mark.parametrize(
    "module",
    ["hazard_desktop.cli", "hazard_desktop.__main__", "hazard_desktop.cli_messages", "hazard_desktop.cli_help"],
)
def test_the_command_line_never_imports_qt_itself(module):
    """Commands run without a display; the window is started through ``app.run_gui``."""
    assert not any(top(name) == QT for name in MODULES[module]), module


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) == "adapters"))
def test_adapters_never_import_qt_ui_or_the_root(module):
    for name in MODULES[module]:
        assert top(name) != QT, f"{module} imports {name}"
        if top(name) == "hazard_desktop":
            assert layer(name) in {"domain", "services", "adapters"}, f"{module} imports {name}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) == "ui"))
def test_ui_never_reaches_into_adapters_or_storage(module):
    for name in MODULES[module]:
        assert top(name) not in HEAVY_INFRA, f"{module} imports {name}"
        if top(name) == "hazard_desktop":
            assert layer(name) in {"domain", "services", "ui"}, f"{module} imports {name}"


def test_only_ui_and_the_composition_root_import_qt():
    offenders = [
        m
        for m, names in MODULES.items()
        if any(top(n) == QT for n in names) and layer(m) != "ui" and m not in COMPOSITION_ROOT
    ]
    assert offenders == []


def test_the_checker_catches_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n    import sqlalchemy.orm\n", encoding="utf-8")
    assert imports_of(bad) == {"PySide6.QtCore", "sqlalchemy.orm"}


def test_start_up_modules_do_not_import_heavy_libraries_at_top_level():
    """Alembic, ReportLab, openpyxl and segno triple start-up: load them where they are used."""
    for path in [PACKAGE / "app.py", PACKAGE / "cli.py", *sorted((PACKAGE / "ui").rglob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert top(name) not in {"alembic", "reportlab", "openpyxl", "segno"}, f"{path.name}: {name}"


def test_the_ui_reads_through_services_never_a_repository():
    """Screens call use cases and query functions with ``context.uow()``; they never open one themselves."""
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.withitem) and isinstance(node.context_expr, ast.Call):
                func = node.context_expr.func
                if isinstance(func, ast.Attribute) and func.attr == "uow":
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.context_expr.lineno}")
    assert offenders == []

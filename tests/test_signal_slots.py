"""Signals are connected only to slots whose parameters they fill exactly (issue 11 §2).

A Qt signal passes its arguments positionally to whatever it is connected to: ``triggered(bool)``
connected to ``save_as(self, path=None)`` calls ``save_as(False)``, and ``clicked(bool)`` connected to
``add_photos(self, paths=None)`` calls ``add_photos(False)``. Such slots silently do the wrong thing
(the print preview "saved" to file descriptor 0 and recorded a print). This test reads the source of
``hazard_desktop/ui`` and refuses any method connected to a signal — directly or through a small
helper such as ``_action``/``_button`` that connects its ``slot`` parameter — that has a positional parameter
with a default value: such a method is a public API, the signal gets its own fixed slot.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hazard_desktop

UI = Path(hazard_desktop.__file__).parent / "ui"


def _methods(tree: ast.Module) -> dict[str, list[ast.FunctionDef]]:
    found: dict[str, list[ast.FunctionDef]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found.setdefault(item.name, []).append(item)
    return found


def _helpers(tree: ast.Module) -> set[str]:
    """Functions that connect one of their own parameters to a signal (``action.triggered.connect(slot)``)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            params = {a.arg for a in node.args.args + node.args.kwonlyargs}
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "connect"
                    and call.args
                    and isinstance(call.args[0], ast.Name)
                    and call.args[0].id in params
                ):
                    found.add(node.name)
    return found


def _slot_arguments(node: ast.Call, helpers: set[str]) -> list[ast.expr]:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "connect":
        return list(node.args[:1])
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in helpers:
        return [*node.args, *(k.value for k in node.keywords)]
    return []


def _risky(method: ast.FunctionDef) -> bool:
    """A positional parameter with a default: the signal's argument would land in it.

    (``*args`` alone is safe and deliberate: it swallows what the signal passes.)
    """
    return bool(method.args.defaults)


def offending_connections() -> list[str]:
    problems: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = _methods(tree)
        helpers = _helpers(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for arg in _slot_arguments(node, helpers):
                if not (isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id == "self"):
                    continue
                for method in methods.get(arg.attr, ()):
                    if _risky(method):
                        problems.append(f"{path.relative_to(UI.parent)}:{node.lineno}: {arg.attr}")
    return problems


def test_no_signal_feeds_a_default_argument() -> None:
    assert offending_connections() == []

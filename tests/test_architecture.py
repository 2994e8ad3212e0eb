"""The layer rules of ARCHITECTURE.md, enforced by reading every module's imports with :mod:`ast`.

Layers, lowest first: ``domain`` → ``db`` → ``services`` → ``interchange`` / ``export`` → ``cli`` / ``gui``.
A module imports only its own layer and the layers its row below allows; the core (everything but ``cli``
and ``gui``) never imports Qt; the GUI never imports ``db`` (services take ids and return dataclasses).

Every import statement counts, wherever it stands (module level, inside a function, under
``TYPE_CHECKING``), and so does ``importlib.import_module("balti_monitor....")`` with a literal name.
There is no allow-list: a new exception means the code, or ARCHITECTURE.md, changes.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "balti_monitor"

#: The package root's own modules (``balti_monitor``, ``balti_monitor.errors``, ``.resources``): below every
#: layer, importable by all of them, importing none of them.
BASE = "base"
QT_ROOTS = {"PySide6", "shiboken6"}

ALLOWED: dict[str, set[str]] = {
    BASE: {BASE},
    "domain": {BASE, "domain"},
    "db": {BASE, "domain", "db"},
    "services": {BASE, "domain", "db", "services"},
    "interchange": {BASE, "domain", "db", "services", "interchange"},
    "export": {BASE, "domain", "db", "services", "export"},
    # The command line starts the desktop application when run without a subcommand.
    "cli": {BASE, "domain", "db", "services", "interchange", "export", "cli", "gui"},
    "gui": {BASE, "domain", "services", "interchange", "export", "gui"},
    "main": {BASE, "cli"},  # balti_monitor/__main__.py
}
CORE = {BASE, "domain", "db", "services", "interchange", "export"}


def module_name(path: Path) -> str:
    """``balti_monitor.services.periods`` for ``balti_monitor/services/periods.py``."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    """The layer a ``balti_monitor`` module belongs to."""
    parts = module.split(".")
    if len(parts) == 1:
        return BASE
    if parts[1] == "__main__":
        return "main"
    if parts[1] in ALLOWED:
        return parts[1]
    if (PACKAGE / f"{parts[1]}.py").exists():
        return BASE  # a module of the package root (errors, resources)
    raise AssertionError(f"{module}: not in any layer of ARCHITECTURE.md")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in a file, relative ones resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:  # "from . import x": x is a module of that package
                    found.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
                    continue
            else:
                target = node.module or ""
            found.append((node.lineno, target))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def violations() -> list[str]:
    """Every import that breaks a rule, as "file:line: importer (layer) imports target (layer)"."""
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        source_layer = layer_of(source)
        for line, target in imported_modules(path):
            root = target.split(".")[0]
            where = f"{path.relative_to(PACKAGE.parent)}:{line}"
            if root in QT_ROOTS and source_layer in CORE:
                problems.append(f"{where}: {source} ({source_layer}) imports Qt ({target})")
            if root != "balti_monitor":
                continue
            target_layer = layer_of(target)
            if target_layer not in ALLOWED[source_layer]:
                problems.append(f"{where}: {source} ({source_layer}) imports {target} ({target_layer})")
    return problems


def test_every_import_follows_the_layer_rules() -> None:
    assert violations() == []


def test_every_module_is_in_a_layer() -> None:
    modules = [module_name(p) for p in PACKAGE.rglob("*.py")]
    assert len(modules) > 80
    assert {layer_of(m) for m in modules} == set(ALLOWED)


@pytest.mark.parametrize(
    ("layer", "source", "expected"),
    [
        ("domain", "from balti_monitor.db.models import Period\n", "imports balti_monitor.db.models (db)"),
        (
            "services",
            "from ..interchange import json_io\n",
            "imports balti_monitor.interchange (interchange)",
        ),
        ("gui", "def f():\n    from balti_monitor.db import models\n", "imports balti_monitor.db (db)"),
        ("export", "import PySide6.QtCore\n", "imports Qt (PySide6.QtCore)"),
        ("interchange", "from balti_monitor.export import render\n", "imports balti_monitor.export (export)"),
        (
            "services",
            "import importlib\nimportlib.import_module('balti_monitor.gui.app')\n",
            "balti_monitor.gui.app (gui)",
        ),
    ],
)
def test_a_forbidden_import_is_reported(
    layer: str, source: str, expected: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The checker itself can fail: a planted bad import in a copy of the layout is found."""
    fake = tmp_path / "balti_monitor"
    for name in ALLOWED:
        if name not in (BASE, "main"):
            (fake / name).mkdir(parents=True)
            (fake / name / "__init__.py").write_text("")
    (fake / "__init__.py").write_text("")
    (fake / layer / "planted.py").write_text(source)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    found = violations()
    assert len(found) == 1
    assert expected in found[0]
    assert f"balti_monitor/{layer}/planted.py" in found[0]


def test_the_gui_never_asks_for_a_stored_row() -> None:
    """Services take ids and return dataclasses: the GUI holds ``PeriodInfo``/``PlanInfo`` and never calls
    ``stored_period`` (the one service that hands out a database row, for the core's own entry points)."""
    callers = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and any(a.name == "stored_period" for a in node.names):
                callers.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert callers == []

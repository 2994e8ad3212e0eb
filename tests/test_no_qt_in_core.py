"""The core must never import Qt: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys


def test_core_packages_do_not_import_pyside6() -> None:
    code = (
        "import sys\n"
        "import balti_monitor.domain.values, balti_monitor.domain.totals, balti_monitor.domain.checks\n"
        "import balti_monitor.db.models, balti_monitor.db.connection\n"
        "import balti_monitor.services.bundled, balti_monitor.services.results, balti_monitor.services.editing\n"
        "import balti_monitor.interchange.json_io, balti_monitor.export\n"
        "import pkgutil, importlib\n"
        "for pkg in ('domain', 'db', 'services', 'export', 'interchange'):\n"
        "    mod = importlib.import_module('balti_monitor.' + pkg)\n"
        "    for info in pkgutil.iter_modules(mod.__path__):\n"
        "        importlib.import_module(f'balti_monitor.{pkg}.{info.name}')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr

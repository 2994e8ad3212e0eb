"""Start-up stays light: nothing heavy imported before the window paints, the automatic backup and the
tree's marks wait for the first paint, and the benchmark markers of the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import close_window
from PySide6.QtWidgets import QApplication

from balti_monitor.gui import app as gui_app
from balti_monitor.services.backup import list_auto_backups

HEAVY = ("openpyxl", "docxtpl", "docx", "jinja2", "matplotlib")

_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

seen = {}

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "heavy" not in seen and watched.isWindow():
            seen["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
            seen["gui"] = "balti_monitor.gui.main_window" in sys.modules
        return False

app = QApplication(sys.argv[:1])
probe = Probe()
app.installEventFilter(probe)
from balti_monitor.cli import main
code = main(["--db", sys.argv[1]])
print(json.dumps({"code": code, **seen}))
"""


def _child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BALTI_MONITOR_BENCH"] = "1"  # quit after the first paint of the grid
    env["BALTI_MONITOR_HOME"] = str(tmp_path / "home")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


def test_no_heavy_library_is_imported_before_the_window_paints(demo_copy: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE % (HEAVY,), str(demo_copy)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_child_env(tmp_path),
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"code": 0, "heavy": [], "gui": True}


def test_the_command_prints_first_paint_markers_in_benchmark_mode(demo_copy: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "balti_monitor", "--db", str(demo_copy)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_child_env(tmp_path),
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    marks = [line.split() for line in result.stdout.splitlines() if line.startswith("BALTI_MONITOR_BENCH")]
    assert [m[1] for m in marks] == ["window", "grid"]
    assert float(marks[0][2]) <= float(marks[1][2])
    # the automatic backup was still written (after the paint), and the file was closed cleanly
    assert len(list((tmp_path / "home" / "backups").glob("*/*-deschidere.sqlite"))) == 1
    assert not list(demo_copy.parent.glob("*.lock"))


def test_backup_and_tree_marks_wait_for_the_first_paint(qtbot: object, demo_copy: Path) -> None:
    window = gui_app.start(str(demo_copy))
    assert window is not None
    try:
        # Opened and shown, not yet painted: no backup written, no mark computed yet.
        assert list_auto_backups(demo_copy) == []
        tree = window.plan_panel.model
        assert all(node.mark is None for node in tree._by_action.values())
        qtbot.waitUntil(lambda: len(list_auto_backups(demo_copy)) == 1, timeout=10000)  # type: ignore[attr-defined]
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: any(node.mark is not None for node in tree._by_action.values()), timeout=10000
        )
    finally:
        window.session.wait_for_backup()
        close_window(window)
        QApplication.processEvents()

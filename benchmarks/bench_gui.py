"""GUI speed and memory on the 10-year benchmark file, each against a baseline measured in the same run.

* start-up: process start → main window shown, ``balti-monitor --db BIG`` vs a bare ``QApplication`` +
  ``QMainWindow`` process (median of 5 runs each; the ratio matters; target ≤ 4);
* switching actions in the tree: selection → grid, header, findings laid out and painted (p95 ≤ 30 ms);
* one cell edit → stored, Total row and tree mark refreshed and painted (p95 ≤ 20 ms);
* peak memory (max RSS) of the started program and after the switching/editing workload, against the bare
  Qt process.

    python benchmarks/bench_gui.py [BIG.sqlite]

Runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise. The settings and user folder live in a temporary
folder; the benchmark file is built with ``make_big_file`` when not given (and cached in the temp folder).
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

START_TARGET_RATIO = 4.0
SWITCH_TARGET_MS = 30.0
EDIT_TARGET_MS = 20.0
RUNS = 5

BARE_CHILD = """
import os, resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1440, 880)
window.show()
def shown():
    print("SHOWN", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    os._exit(0)
QTimer.singleShot(0, shown)
app.exec()
"""

APP_CHILD = """
import os, resource, sys
from PySide6.QtCore import QSettings, QTimer
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from balti_monitor.gui import app as gui_app
application = gui_app.create_application()
window = gui_app.start(sys.argv[1])
def shown():
    title = window.windowTitle()
    print("SHOWN", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, title, flush=True)
    os._exit(0)
QTimer.singleShot(0, shown)
application.exec()
"""


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` percentile (0..1) of the samples, nearest rank."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[rank]


def child_start(code: str, args: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Seconds from process start to "SHOWN", the child's max RSS (KB) and the rest of its line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if not line.startswith("SHOWN"):
        raise RuntimeError(f"child failed: {line!r} {process.stderr.read() if process.stderr else ''}")
    parts = line.split(maxsplit=2)
    return elapsed, int(parts[1]), parts[2].strip() if len(parts) > 2 else ""


def bench_start(big: Path, scratch: Path) -> dict[str, float | str]:
    """Start-up of the program vs the bare Qt window (alternating, median of RUNS)."""
    env = dict(os.environ)
    env["BALTI_MONITOR_HOME"] = str(scratch / "home")
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent), env.get("PYTHONPATH", "")])
    settings = str(scratch / "settings-start")
    bare, ours, bare_rss, our_rss = [], [], [], []
    title = ""
    child_start(BARE_CHILD, [], env)  # warm the file cache for both
    child_start(APP_CHILD, [str(big), settings], env)
    for _ in range(RUNS):
        seconds, rss, _ = child_start(BARE_CHILD, [], env)
        bare.append(seconds)
        bare_rss.append(rss)
        seconds, rss, title = child_start(APP_CHILD, [str(big), settings], env)
        ours.append(seconds)
        our_rss.append(rss)
    return {
        "bare_ms": statistics.median(bare) * 1000,
        "app_ms": statistics.median(ours) * 1000,
        "ratio": statistics.median(ours) / statistics.median(bare),
        "bare_rss_mb": max(bare_rss) / 1024,
        "app_rss_mb": max(our_rss) / 1024,
        "title": title,
    }


def bench_in_process(big: Path, scratch: Path) -> dict[str, float]:
    """Switching actions and editing cells in one running window."""
    import resource

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings-run"))
    os.environ["BALTI_MONITOR_HOME"] = str(scratch / "home")
    from balti_monitor.gui import app as gui_app

    application = gui_app.create_application()
    window = gui_app.start(str(big))
    assert window is not None
    window.resize(1440, 880)
    application.processEvents()
    session = window.session

    def timed(action: Callable[[], object]) -> float:
        start = time.perf_counter()
        action()
        QApplication.processEvents()  # layout and paint of what changed
        return (time.perf_counter() - start) * 1000

    actions = session.actions()
    switches: list[float] = []
    for _ in range(3):
        for info in actions:
            switches.append(timed(lambda i=info: window.plan_panel.select_action(i.id)))

    info = session.action_by_code("1.15")
    assert info is not None
    window.plan_panel.select_action(info.id)
    application.processEvents()
    model = window.action_page.model
    total_before = model.index(model.total_row, 2).data()
    edits: list[float] = []
    for n in range(100):
        index = model.index(n % (model.rowCount() - 1), 2)
        edits.append(timed(lambda ix=index, v=n: model.setData(ix, f"{100 + v} ore de instruire")))
    total_after = model.index(model.total_row, 2).data()
    assert total_after != total_before, "the Total row did not follow the edits"
    rows = model.rowCount() - 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    session.close()
    return {
        "actions": float(len(actions)),
        "rows_1_15": float(rows),
        "switch_p50": statistics.median(switches),
        "switch_p95": percentile(switches, 0.95),
        "switch_max": max(switches),
        "edit_p50": statistics.median(edits),
        "edit_p95": percentile(edits, 0.95),
        "edit_max": max(edits),
        "peak_rss_mb": peak,
    }


def main() -> int:
    """Build or reuse the big file, run both parts, print the figures against the targets."""
    scratch = Path(tempfile.mkdtemp(prefix="balti-bench-gui-"))
    if len(sys.argv) > 1:
        big = scratch / "big.sqlite"  # a private copy: the edits below must not change the given file
        big.write_bytes(Path(sys.argv[1]).read_bytes())
    else:
        from make_big_file import make_big_file

        cached = Path(tempfile.gettempdir()) / "balti-monitor-big.sqlite"
        if not cached.exists():
            print("Se construiește fișierul de 10 ani …", flush=True)
            make_big_file(cached)
        big = scratch / "big.sqlite"
        big.write_bytes(cached.read_bytes())
    print(f"Fișier: {big} ({big.stat().st_size / 1e6:.1f} MB)")
    start = bench_start(big, scratch)
    run = bench_in_process(big, scratch)
    ok_start = float(start["ratio"]) <= START_TARGET_RATIO
    ok_switch = run["switch_p95"] <= SWITCH_TARGET_MS
    ok_edit = run["edit_p95"] <= EDIT_TARGET_MS
    print(
        f"Pornire până la fereastra afișată: {start['app_ms']:.0f} ms față de {start['bare_ms']:.0f} ms "
        f"(QApplication + QMainWindow goale) → raport {start['ratio']:.2f} (țintă ≤ {START_TARGET_RATIO}) "
        f"{'OK' if ok_start else 'DEPĂȘIT'}"
    )
    print(f"  fereastra: {start['title']}")
    print(
        f"Schimbarea acțiunii ({run['actions']:.0f} acțiuni × 3): p50 {run['switch_p50']:.1f} ms, "
        f"p95 {run['switch_p95']:.1f} ms, max {run['switch_max']:.1f} ms (țintă p95 ≤ {SWITCH_TARGET_MS} ms) "
        f"{'OK' if ok_switch else 'DEPĂȘIT'}"
    )
    print(
        f"O celulă modificată → Total și marcaj actualizate (1.15, {run['rows_1_15']:.0f} rânduri, 100 editări): "
        f"p50 {run['edit_p50']:.1f} ms, p95 {run['edit_p95']:.1f} ms, max {run['edit_max']:.1f} ms "
        f"(țintă p95 ≤ {EDIT_TARGET_MS} ms) {'OK' if ok_edit else 'DEPĂȘIT'}"
    )
    print(
        f"Memorie maximă (RSS): program pornit {start['app_rss_mb']:.0f} MB, după lucru {run['peak_rss_mb']:.0f} MB; "
        f"fereastră Qt goală {start['bare_rss_mb']:.0f} MB"
    )
    print(json.dumps({"start": start, "run": run}, ensure_ascii=False, default=str))
    return 0 if ok_start and ok_switch and ok_edit else 1


if __name__ == "__main__":
    sys.exit(main())

"""GUI speed and memory on the 10-year benchmark file, each against a baseline measured in the same run.

* start-up: process start → main window shown, ``balti-monitor --db BIG`` vs a bare ``QApplication`` +
  ``QMainWindow`` process (median of 5 runs each; the ratio matters; target ≤ 4);
* switching actions: a real mouse click on the tree item → the grid's viewport has finished painting
  (p95 ≤ 30 ms), against a bare ``QTableView`` showing the same texts, switched model to model;
* one cell edit: the text typed into the cell's real editor (``QTest.keyClicks``), then the time from the
  Enter key press to the pinned Total row's repaint (stored, totals, tree mark; p95 ≤ 20 ms), against a bare
  SQLite ``UPDATE`` + ``COMMIT`` of one value on a copy of the same file;
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
from pathlib import Path
from typing import Any

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


def _paint_watch_class() -> type:
    """An event filter noting when a widget has finished painting (built once Qt is imported)."""
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        """Records the time at which each watched widget last finished a paint event."""

        def __init__(self) -> None:
            super().__init__()
            self.painted: dict[int, float] = {}

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                # Let the widget paint first, then note the time (the filter runs before the widget).
                watched.removeEventFilter(self)
                try:
                    from PySide6.QtWidgets import QApplication

                    QApplication.sendEvent(watched, event)
                finally:
                    watched.installEventFilter(self)
                self.painted[id(watched)] = time.perf_counter()
                return True
            return False

    return Watch


def wait_for_paint(watch: Any, widget: Any, since: float, limit_s: float = 2.0) -> float:
    """Process events until ``widget`` has painted after ``since``; the moment it finished."""
    from PySide6.QtWidgets import QApplication

    deadline = since + limit_s
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        done = watch.painted.get(id(widget), 0.0)
        if done > since:
            return done
    raise RuntimeError(f"{widget.objectName() or widget} did not repaint")


def bench_in_process(big: Path, scratch: Path) -> dict[str, float]:
    """Switching actions by clicking the tree and editing cells with the keyboard, in one running window,
    each against a floor measured in the same run."""
    import resource
    import shutil
    import sqlite3

    from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
    from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QTableView

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings-run"))
    os.environ["BALTI_MONITOR_HOME"] = str(scratch / "home")
    from balti_monitor.gui import app as gui_app

    application = gui_app.create_application()
    window = gui_app.start(str(big))
    assert window is not None
    window.resize(1440, 880)
    window.show()
    for _ in range(5):
        application.processEvents()
    session = window.session
    page = window.action_page
    tree = window.plan_panel.tree
    grid = page.view
    watch = _paint_watch_class()()
    grid.viewport().installEventFilter(watch)
    total_view = getattr(page, "total_view", None)
    total_widget = total_view.viewport() if total_view is not None else grid.viewport()
    total_widget.installEventFilter(watch)

    # -- action switch: a real click on the tree item, until the grid has painted ----------------------
    actions = session.actions()
    switches: list[float] = []
    texts: dict[int, list[list[str]]] = {}
    for _round in range(3):
        for info in actions:
            if window.plan_panel.current_action() == info.id:
                continue  # a click on the action already shown repaints nothing
            index = window.plan_panel.proxy.mapFromSource(window.plan_panel.model.index_of_action(info.id))
            tree.scrollTo(index)
            application.processEvents()
            rect = tree.visualRect(index)
            start = time.perf_counter()
            QTest.mouseClick(
                tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
            )
            end = wait_for_paint(watch, grid.viewport(), start)
            switches.append((end - start) * 1000)
            assert window.plan_panel.current_action() == info.id, "the click missed the tree item"
            if info.id not in texts:
                model = page.model
                texts[info.id] = [
                    [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
                    for r in range(model.rowCount())
                ]

    # Floor: a bare QTableView showing the same texts, switched from one action's model to the next.
    bare = QTableView()
    bare.setWordWrap(True)
    bare.resize(grid.size())
    bare.show()
    bare.viewport().installEventFilter(watch)
    models = []
    for info in actions:
        rows = texts.get(info.id)
        if rows is None:
            continue
        model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                model.setItem(r, c, QStandardItem(text))
        models.append(model)
    bare_switches: list[float] = []
    for _ in range(3):
        for model in models:
            start = time.perf_counter()
            bare.setModel(model)
            end = wait_for_paint(watch, bare.viewport(), start)
            bare_switches.append((end - start) * 1000)
    bare.close()

    # -- edit: type into a cell (a real editor), Enter, until the Total has repainted -------------------
    info = session.action_by_code("1.15")
    assert info is not None
    window.plan_panel.select_action(info.id)
    application.processEvents()
    model = page.model
    total_before = model.index(model.total_row, 2).data()
    edits: list[float] = []
    grid.setFocus()
    for n in range(60):
        row = n % (model.rowCount() - 1)
        grid.setCurrentIndex(model.index(row, 2))
        application.processEvents()
        typed = f"{100 + n} ore"
        QTest.keyClicks(grid, typed[0])  # typing over the cell opens its editor …
        editor = grid.delegate.current_editor
        assert editor is not None, "typing did not open an editor"
        QTest.keyClicks(editor, typed[1:])  # … and the rest goes into it
        start = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        end = wait_for_paint(watch, total_widget, start)
        assert model.index(row, 2).data() == typed, window.statusBar().currentMessage()
        edits.append((end - start) * 1000)
    total_after = model.index(model.total_row, 2).data()
    assert total_after != total_before, "the Total row did not follow the edits"
    rows = model.rowCount() - 1

    # -- paste: an Excel block (Ctrl+V) over one subdivision's whole row, then over the whole grid, until
    # the Total has repainted (one undo step, one transaction each) --------------------------------------
    from PySide6.QtWidgets import QApplication

    columns = model.columnCount()
    pastes: dict[str, list[float]] = {"row": [], "grid": []}
    pasted_cells = {"row": columns, "grid": rows * columns}  # the description and every indicator
    for n in range(10):
        for kind in ("row", "grid"):
            height = 1 if kind == "row" else rows
            block = "\n".join(
                "\t".join(
                    [f"Măsuri {n}.{r} ({kind})"]
                    + [f"{1000 * (kind == 'row') + 100 * n + 10 * r + c} acte" for c in range(1, columns)]
                )
                for r in range(height)
            )
            QApplication.clipboard().setText(block)
            grid.selectionModel().setCurrentIndex(  # one cell selected, as after a click
                model.index(n % rows if kind == "row" else 0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
            application.processEvents()
            start = time.perf_counter()
            QTest.keySequence(grid, QKeySequence(QKeySequence.StandardKey.Paste))
            end = wait_for_paint(watch, total_widget, start)
            first = n % rows if kind == "row" else 0
            assert model.index(first, 0).data() == f"Măsuri {n}.0 ({kind})", (
                window.statusBar().currentMessage()
            )
            pastes[kind].append((end - start) * 1000)

    # Floor: the bare SQLite update + commit of one value, on a copy of the same file.
    copy = scratch / "floor.sqlite"
    shutil.copyfile(big, copy)
    raw = sqlite3.connect(copy, isolation_level=None)
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.execute("PRAGMA synchronous=FULL")
    ids = [r[0] for r in raw.execute("SELECT id FROM value ORDER BY id LIMIT 60")]
    floor_edits: list[float] = []
    for n, value_id in enumerate(ids):
        start = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("UPDATE value SET raw_text = ? WHERE id = ?", (f"{100 + n} ore", value_id))
        raw.execute("COMMIT")
        floor_edits.append((time.perf_counter() - start) * 1000)
    # Floor of a paste: the same number of value rows updated in one transaction (executemany + commit).
    floor_pastes: dict[str, list[float]] = {"row": [], "grid": []}
    all_ids = [r[0] for r in raw.execute("SELECT id FROM value ORDER BY id LIMIT ?", (pasted_cells["grid"],))]
    for n in range(10):
        for kind in ("row", "grid"):
            chosen = all_ids[: pasted_cells[kind]]
            start = time.perf_counter()
            raw.execute("BEGIN")
            raw.executemany(
                "UPDATE value SET raw_text = ? WHERE id = ?", [(f"{n} acte", value_id) for value_id in chosen]
            )
            raw.execute("COMMIT")
            floor_pastes[kind].append((time.perf_counter() - start) * 1000)
    raw.close()

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    session.close()
    return {
        "actions": float(len(actions)),
        "rows_1_15": float(rows),
        "switch_p50": statistics.median(switches),
        "switch_p95": percentile(switches, 0.95),
        "switch_max": max(switches),
        "bare_switch_p50": statistics.median(bare_switches),
        "bare_switch_p95": percentile(bare_switches, 0.95),
        "edit_p50": statistics.median(edits),
        "edit_p95": percentile(edits, 0.95),
        "edit_max": max(edits),
        "floor_edit_p50": statistics.median(floor_edits),
        "floor_edit_p95": percentile(floor_edits, 0.95),
        "peak_rss_mb": peak,
        "paste_row_cells": float(pasted_cells["row"]),
        "paste_grid_cells": float(pasted_cells["grid"]),
        "paste_row_p50": statistics.median(pastes["row"]),
        "paste_grid_p50": statistics.median(pastes["grid"]),
        "floor_paste_row_p50": statistics.median(floor_pastes["row"]),
        "floor_paste_grid_p50": statistics.median(floor_pastes["grid"]),
    }


def main() -> int:
    """Build or reuse the big file, run both parts, print the figures against the targets."""
    scratch = Path(tempfile.mkdtemp(prefix="balti-bench-gui-"))
    files = [a for a in sys.argv[1:] if not a.startswith("--")]
    with_start = "--no-start" not in sys.argv  # --no-start: only the in-window measurements
    if files:
        big = scratch / "big.sqlite"  # a private copy: the edits below must not change the given file
        big.write_bytes(Path(files[0]).read_bytes())
    else:
        from make_big_file import make_big_file

        cached = Path(tempfile.gettempdir()) / "balti-monitor-big.sqlite"
        if not cached.exists():
            print("Se construiește fișierul de 10 ani …", flush=True)
            make_big_file(cached)
        big = scratch / "big.sqlite"
        big.write_bytes(cached.read_bytes())
    print(f"Fișier: {big} ({big.stat().st_size / 1e6:.1f} MB)")
    start: dict[str, float | str] = (
        bench_start(big, scratch)
        if with_start
        else {"app_ms": 0.0, "bare_ms": 0.0, "ratio": 0.0, "app_rss_mb": 0.0, "bare_rss_mb": 0.0, "title": ""}
    )
    run = bench_in_process(big, scratch)
    ok_start = float(start["ratio"]) <= START_TARGET_RATIO
    ok_switch = run["switch_p95"] <= SWITCH_TARGET_MS
    ok_edit = run["edit_p95"] <= EDIT_TARGET_MS
    if with_start:
        print(
            f"Pornire până la fereastra afișată: {start['app_ms']:.0f} ms față de {start['bare_ms']:.0f} ms "
            f"(QApplication + QMainWindow goale) → raport {float(start['ratio']):.2f} "
            f"(țintă ≤ {START_TARGET_RATIO}) {'OK' if ok_start else 'DEPĂȘIT'}"
        )
        print(f"  fereastra: {start['title']}")
    switch_ratio = run["switch_p95"] / max(run["bare_switch_p95"], 0.001)
    edit_ratio = run["edit_p95"] / max(run["floor_edit_p95"], 0.001)
    print(
        f"Schimbarea acțiunii (clic în arbore → grila pictată; {run['actions']:.0f} acțiuni × 3): "
        f"p50 {run['switch_p50']:.1f} ms, p95 {run['switch_p95']:.1f} ms, max {run['switch_max']:.1f} ms "
        f"(țintă p95 ≤ {SWITCH_TARGET_MS} ms) {'OK' if ok_switch else 'DEPĂȘIT'}; "
        f"QTableView gol cu aceleași texte: p50 {run['bare_switch_p50']:.1f} ms, p95 {run['bare_switch_p95']:.1f} ms "
        f"→ raport p95 {switch_ratio:.1f}×"
    )
    print(
        f"Editare (Enter în editorul celulei → Totalul repictat; 1.15, {run['rows_1_15']:.0f} rânduri, 60 editări): "
        f"p50 {run['edit_p50']:.1f} ms, p95 {run['edit_p95']:.1f} ms, max {run['edit_max']:.1f} ms "
        f"(țintă p95 ≤ {EDIT_TARGET_MS} ms) {'OK' if ok_edit else 'DEPĂȘIT'}; "
        f"SQLite gol (UPDATE + COMMIT): p50 {run['floor_edit_p50']:.1f} ms, p95 {run['floor_edit_p95']:.1f} ms "
        f"→ raport p95 {edit_ratio:.1f}×"
    )
    for kind, label in (("row", "rândul unei subdiviziuni"), ("grid", "toată grila")):
        took, floor = run[f"paste_{kind}_p50"], run[f"floor_paste_{kind}_p50"]
        print(
            f"Lipire Ctrl+V peste {label} (1.15, {run[f'paste_{kind}_cells']:.0f} celule → Totalul repictat): "
            f"p50 {took:.1f} ms; SQLite gol (UPDATE × {run[f'paste_{kind}_cells']:.0f} + COMMIT): p50 {floor:.1f} ms "
            f"→ raport {took / max(floor, 0.001):.1f}×"
        )
    print(
        f"Memorie maximă (RSS): program pornit {start['app_rss_mb']:.0f} MB, după lucru {run['peak_rss_mb']:.0f} MB; "
        f"fereastră Qt goală {start['bare_rss_mb']:.0f} MB"
    )
    print(json.dumps({"start": start, "run": run}, ensure_ascii=False, default=str))
    return 0  # a report, not a pass/fail timing assertion (the lines above say OK or DEPĂȘIT)


if __name__ == "__main__":
    sys.exit(main())

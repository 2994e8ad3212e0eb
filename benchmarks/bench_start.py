"""Start-up as the user waits for it: the real ``balti-monitor --db BIG`` command to the first paint of the
main window and of the grid, against a bare ``QMainWindow`` script started the same way (its first paint),
both measured in the same run.

    python benchmarks/bench_start.py [BIG.sqlite] [--runs N]

The program prints a time marker at each first paint when ``BALTI_MONITOR_BENCH=1`` (see
``balti_monitor.gui.app.BENCH_ENV``) and then quits. Runs alternate floor / program (one warm-up of each,
then ``--runs``), offscreen unless ``QT_QPA_PLATFORM`` says otherwise, with the settings and the user
folder in a temporary folder. Prints medians, best times and the ratio as the median of the paired
rounds' ratios (target ≤ 4×, stretch 3×); it never fails on a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

TARGET, STRETCH = 4.0, 3.0
MARK = "BALTI_MONITOR_BENCH"

FLOOR = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            sys.stdout.write("{MARK} window %.6f\\n" % time.time())
            sys.stdout.flush()
            QTimer.singleShot(0, watched.close)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1440, 880)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def entry_point() -> list[str]:
    """The installed ``balti-monitor`` console script (next to this Python), else ``python -m``."""
    folder = Path(sys.executable).parent
    for name in ("balti-monitor", "balti-monitor.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("balti-monitor")
    return [found] if found else [sys.executable, "-m", "balti_monitor"]


def timed_marks(command: list[str], env: dict[str, str], timeout: float = 120) -> dict[str, float]:
    """Seconds from just before the process starts to each marker it prints."""
    start = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout)
    marks: dict[str, float] = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == MARK:
            marks[parts[1]] = float(parts[2]) - start
    if result.returncode != 0 or "window" not in marks:
        raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stdout}{result.stderr}")
    return marks


def environment(scratch: Path) -> dict[str, str]:
    """The children's environment: offscreen, benchmark markers, settings and user folder in ``scratch``."""
    env = dict(os.environ)
    # An installed program has its bytecode cached; without this the children would compile every module
    # from source on every start (this machine sets PYTHONDONTWRITEBYTECODE) - the warm-up run caches it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env[MARK] = "1"
    env["BALTI_MONITOR_HOME"] = str(scratch / "home")
    env["XDG_CONFIG_HOME"] = str(scratch / "config")
    env["HOME"] = str(scratch / "home")
    return env


def big_file(given: str | None, scratch: Path) -> Path:
    """The 10-year file: the one given (copied, so the run never changes it) or one made now."""
    target = scratch / "big.sqlite"
    if given:
        shutil.copyfile(given, target)
    else:
        from make_big_file import make_big_file

        make_big_file(target)
        from balti_monitor.db.connection import close_database

        close_database()
    return target


def bench(big: Path, scratch: Path, runs: int) -> dict[str, float]:
    """Median and best times (s) of the floor and of the program, alternating, after one warm-up each."""
    env = environment(scratch)
    floor_script = scratch / "bare_window.py"
    floor_script.write_text(FLOOR, encoding="utf-8")
    floor_cmd = [sys.executable, str(floor_script)]
    app_cmd = [*entry_point(), "--db", str(big)]
    timed_marks(floor_cmd, env)
    timed_marks(app_cmd, env)
    floor, window, grid = [], [], []
    for _ in range(runs):
        floor.append(timed_marks(floor_cmd, env)["window"])
        marks = timed_marks(app_cmd, env)
        window.append(marks["window"])
        grid.append(marks.get("grid", float("nan")))
    return {
        "floor": statistics.median(floor),
        "floor_best": min(floor),
        "window": statistics.median(window),
        "window_best": min(window),
        "grid": statistics.median(grid),
        "grid_best": min(grid),
        # the median of the rounds' own ratios: a busy moment of the machine weighs on one round, not on
        # one side of the ratio
        "window_paired": statistics.median(w / f for w, f in zip(window, floor, strict=True)),
        "grid_paired": statistics.median(g / f for g, f in zip(grid, floor, strict=True)),
        "runs": float(len(floor)),
    }


def report(r: dict[str, float]) -> str:
    """The figures and ratios as text."""
    lines = [
        "Start-up through `balti-monitor --db BIG` to the first paint (10-year file), vs a bare QMainWindow",
        f"  floor  bare QMainWindow, first paint   median {r['floor'] * 1000:7.0f} ms   best {r['floor_best'] * 1000:7.0f} ms",
    ]
    for key, label in (("window", "main window, first paint"), ("grid", "grid, first paint")):
        ratio, best_ratio = r[f"{key}_paired"], r[f"{key}_best"] / r["floor_best"]
        verdict = "stretch met" if ratio <= STRETCH else "met" if ratio <= TARGET else "MISSED"
        lines.append(
            f"  app    {label:<28}   median {r[key] * 1000:7.0f} ms   best {r[f'{key}_best'] * 1000:7.0f} ms"
            f"   ratio {ratio:4.2f}× (median of {r['runs']:.0f} paired rounds; best/best {best_ratio:4.2f}×)"
            f"   target ≤ {TARGET:g}× (stretch {STRETCH:g}×): {verdict}"
        )
    return "\n".join(lines)


def main() -> int:
    """Run the benchmark and print its report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("big", nargs="?", help="the 10-year file (made by make_big_file.py when omitted)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="balti-bench-start-") as folder:
        scratch = Path(folder)
        print(report(bench(big_file(args.big, scratch), scratch, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command-line commands as the user runs them: whole ``balti-monitor`` processes on the 10-year file,
against a floor measured in the same run: a bare ``python -c "import sqlite3"`` process plus the command's
own work (the same command run in this process once its modules are imported).

    python benchmarks/bench_cli.py [BIG.sqlite] [--runs N]

The ratio says what start-up (interpreter, imports, argument parsing) adds to the work; target ≤ 2×.
Prints figures and ratios; never fails on a time.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_start import big_file, entry_point  # noqa: E402

TARGET = 2.0


def median_seconds(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls (after two warm-up calls: the first one of a fresh install may
    still compile and write the bytecode of the modules it imports)."""
    func()
    func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def last_period(path: Path) -> str:
    """The code of the newest period in the file (the largest one in the benchmark file)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        year, semester = conn.execute(
            "SELECT year, semester FROM period ORDER BY year DESC, semester DESC LIMIT 1"
        ).fetchone()
    return f"{year}-S{semester}"


def bench(big: Path, scratch: Path, runs: int) -> list[tuple[str, float, float, float]]:
    """(command, process s, bare python s, in-process work s) per command."""
    from balti_monitor.cli import main

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its bytecode cached
    env["BALTI_MONITOR_HOME"] = str(scratch / "home")
    os.environ["BALTI_MONITOR_HOME"] = env["BALTI_MONITOR_HOME"]
    period = last_period(big)
    # command → (arguments, runs): the JSON export of ten years takes seconds, two runs of it are enough
    commands = {
        f"check --period {period}": (["check", "--period", period], runs),
        f"totals --period {period}": (["totals", "--period", period], runs),
        "export-json --out F": (["export-json", "--out", str(scratch / "export.json")], min(runs, 2)),
    }

    def bare() -> None:
        subprocess.run([sys.executable, "-c", "import sqlite3"], env=env, check=True)

    bare_s = median_seconds(bare, runs)
    rows = []
    for label, (words, count) in commands.items():
        argv = ["--db", str(big), *words]

        def process(argv: list[str] = argv) -> None:
            subprocess.run([*entry_point(), *argv], env=env, stdout=subprocess.DEVNULL, check=False)

        def work(argv: list[str] = argv) -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                main(argv)

        rows.append((label, median_seconds(process, count), bare_s, median_seconds(work, count)))
    return rows


def report(rows: list[tuple[str, float, float, float]]) -> str:
    """The figures and ratios as text."""
    lines = [
        'CLI commands as processes (10-year file) vs bare `python -c "import sqlite3"` + the work in-process',
    ]
    for label, process, bare, work in rows:
        ratio = process / (bare + work)
        verdict = "met" if ratio <= TARGET else "MISSED"
        lines.append(
            f"  {label:<28} process {process * 1000:6.0f} ms   floor {(bare + work) * 1000:6.0f} ms "
            f"(python {bare * 1000:4.0f} + work {work * 1000:5.0f})   ratio {ratio:4.2f}×   target ≤ {TARGET:g}×: {verdict}"
        )
    return "\n".join(lines)


def main() -> int:
    """Run the benchmark and print its report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("big", nargs="?", help="the 10-year file (made by make_big_file.py when omitted)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="balti-bench-cli-") as folder:
        scratch = Path(folder)
        print(report(bench(big_file(args.big, scratch), scratch, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command-line commands as the user runs them: whole ``balti-monitor`` processes on the 10-year file,
against a floor measured in the same run: a bare ``python -c "import sqlite3"`` process plus the command's
own work (the same command run in this process once its modules are imported).

    python benchmarks/bench_cli.py [BIG.sqlite] [--runs N]

The ratio says what start-up (interpreter, imports, argument parsing) adds to the work; target ≤ 2×. The
three are timed in paired rounds (bare, process, work, one after the other) and the median of the rounds'
ratios is reported, so a busy moment of the machine weighs on one round, not on one side of the ratio;
the same ratio in CPU time is printed beside it. Prints figures and ratios; never fails on a time.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
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


class Sample:
    """Wall and CPU seconds of one timed call (CPU: this process's own, or its children's for a process)."""

    def __init__(self, wall: float, cpu: float) -> None:
        self.wall = wall
        self.cpu = cpu


def timed(func: Callable[[], object], *, child: bool) -> Sample:
    """Wall time and CPU time (user + system) of one call; ``child``: the CPU of the processes it ran."""
    if child:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        func()
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return Sample(wall, cpu)
    start, cpu_start = time.perf_counter(), time.process_time()
    func()
    return Sample(time.perf_counter() - start, time.process_time() - cpu_start)


def last_period(path: Path) -> str:
    """The code of the newest period in the file (the largest one in the benchmark file)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        year, semester = conn.execute(
            "SELECT year, semester FROM period ORDER BY year DESC, semester DESC LIMIT 1"
        ).fetchone()
    return f"{year}-S{semester}"


Row = tuple[str, list[Sample], list[Sample], list[Sample]]  # command, process, bare python, work


def bench(big: Path, scratch: Path, runs: int) -> list[Row]:
    """Per command, paired rounds of (bare python, the command as a process, its work in this process),
    after two warm-up rounds (the first run of a fresh install still writes the bytecode of its modules)."""
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

    rows: list[Row] = []
    for label, (words, count) in commands.items():
        argv = ["--db", str(big), *words]

        def process(argv: list[str] = argv) -> None:
            subprocess.run([*entry_point(), *argv], env=env, stdout=subprocess.DEVNULL, check=False)

        def work(argv: list[str] = argv) -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                main(argv)

        for _ in range(2):
            bare(), process(), work()
        samples: tuple[list[Sample], list[Sample], list[Sample]] = ([], [], [])
        for _ in range(count):
            samples[1].append(timed(bare, child=True))
            samples[0].append(timed(process, child=True))
            samples[2].append(timed(work, child=False))
        rows.append((label, *samples))
    return rows


def ratios(process: list[Sample], bare: list[Sample], work: list[Sample], attr: str) -> list[float]:
    """The ratio of each paired round: process / (bare python + work)."""
    return [
        getattr(p, attr) / (getattr(b, attr) + getattr(w, attr))
        for p, b, w in zip(process, bare, work, strict=True)
    ]


def report(rows: list[Row]) -> str:
    """The figures and ratios as text: the median of the paired rounds' ratios (wall time, what the user
    waits for), their spread, and the same ratio in CPU time (which a busy machine disturbs far less)."""
    lines = [
        'CLI commands as processes (10-year file) vs bare `python -c "import sqlite3"` + the work in-process'
        " (median of paired rounds)",
    ]
    for label, process, bare, work in rows:
        wall = ratios(process, bare, work, "wall")
        cpu = ratios(process, bare, work, "cpu")
        ratio = statistics.median(wall)
        verdict = "met" if ratio <= TARGET else "MISSED"
        p, b, w = (statistics.median(s.wall for s in x) for x in (process, bare, work))
        lines.append(
            f"  {label:<28} process {p * 1000:6.0f} ms   floor {(b + w) * 1000:6.0f} ms "
            f"(python {b * 1000:4.0f} + work {w * 1000:5.0f})   ratio {ratio:4.2f}× "
            f"(rounds {min(wall):4.2f}-{max(wall):4.2f}, CPU {statistics.median(cpu):4.2f}×, n={len(wall)})"
            f"   target ≤ {TARGET:g}×: {verdict}"
        )
    return "\n".join(lines)


def main() -> int:
    """Run the benchmark and print its report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("big", nargs="?", help="the 10-year file (made by make_big_file.py when omitted)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="balti-bench-cli-") as folder:
        scratch = Path(folder)
        print(report(bench(big_file(args.big, scratch), scratch, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every benchmark on one freshly made 10-year file, as a report (``.ci/run`` runs it after the tests).

    python benchmarks/run_all.py [--runs N]

Makes the benchmark file once (``make_big_file.py``) in a temporary folder, then runs each
``benchmarks/bench_*.py`` with that file as its argument, one after the other (the known ones first, in
:data:`ORDER`, then any other ``bench_*.py``: a new benchmark is picked up by its name alone, as long as it
accepts the file as its first argument). Each benchmark prints its figures and its ratios to floors measured
in the same run; nothing here compares a time with a limit. A benchmark that crashes or overruns its time is
reported and the others still run; the exit code is 1 then (``.ci/run`` ignores it: a report, not a gate).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Run first, in this order (cheap and most telling first); other bench_*.py follow by name.
ORDER = ["bench_core.py", "bench_start.py", "bench_cli.py", "bench_gui.py", "bench_export.py"]
#: Benchmarks that take ``--runs``.
TAKES_RUNS = {"bench_start.py", "bench_cli.py"}
PER_SCRIPT_TIMEOUT = 150


def scripts() -> list[Path]:
    """The benchmark scripts in running order."""
    found = {p.name: p for p in HERE.glob("bench_*.py")}
    ordered = [found.pop(name) for name in ORDER if name in found]
    return ordered + [found[name] for name in sorted(found)]


def main() -> int:
    """Make the file, run every benchmark, print a summary of what ran."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement where a script takes it")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE.parent), env.get("PYTHONPATH", "")) if p)
    failed: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="balti-bench-") as folder:
        env["BALTI_MONITOR_HOME"] = str(Path(folder) / "home")
        big = Path(folder) / "big.sqlite"
        subprocess.run([sys.executable, str(HERE / "make_big_file.py"), str(big)], env=env, check=True)
        for script in scripts():
            print(f"\n=== {script.name}", flush=True)
            command = [sys.executable, str(script), str(big)]
            if script.name in TAKES_RUNS:
                command += ["--runs", str(args.runs)]
            begun = time.perf_counter()
            try:
                code = subprocess.run(command, env=env, timeout=PER_SCRIPT_TIMEOUT).returncode
            except subprocess.TimeoutExpired:
                code = -1
                print(f"(stopped after {PER_SCRIPT_TIMEOUT} s)")
            if code != 0:
                failed.append(script.name)
            print(f"--- {script.name}: {time.perf_counter() - begun:.0f} s", flush=True)
    print(f"\nBenchmarks: {time.perf_counter() - started:.0f} s in all", end="")
    print(f"; did not finish: {', '.join(failed)}" if failed else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

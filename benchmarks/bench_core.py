"""Core speed on the 10-year file: file size, open time, totals+checks of one period and of all periods.

Each figure is printed with a baseline measured in the same run, so the ratio is what matters:
- opening: our ``open_database`` (pragmas, schema checks) vs a bare ``sqlite3.connect`` + one query;
- one period: our grids + totals + checks vs a raw ``SELECT`` of that period's values (the I/O floor).

Targets (issue #2): file ≤ 20 MB; one period's totals + checks ≤ 50 ms.

    python benchmarks/bench_core.py [BIG.sqlite]
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_big_file import make_big_file

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period
from balti_monitor.services.results import period_results


def timed(func: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``func`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    """Print the figures."""
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        path = Path(tempfile.mkdtemp()) / "big.sqlite"
        make_big_file(path)
    size_mb = path.stat().st_size / 1e6
    print(f"fișier: {size_mb:.1f} MB (țintă ≤ 20 MB)")

    def bare_open() -> None:
        con = sqlite3.connect(path)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.close()

    def our_open() -> None:
        open_database(path)
        close_database()

    base_open, ours_open = timed(bare_open), timed(our_open)
    print(
        f"deschidere: {ours_open:.1f} ms (sqlite3 gol {base_open:.2f} ms, raport {ours_open / base_open:.0f}×)"
    )

    open_database(path)
    periods = list(Period.select().order_by(Period.year, Period.semester))
    last = periods[-1]

    def raw_period() -> None:
        con = sqlite3.connect(path)
        con.execute(
            "SELECT v.* FROM value v JOIN return r ON r.id = v.return_id WHERE r.period_id = ?", (last.id,)
        ).fetchall()
        con.close()

    one_base = timed(raw_period)
    one = timed(lambda: period_results(last))
    print(
        f"o perioadă (48 acțiuni, totaluri + verificări): {one:.1f} ms (țintă ≤ 50 ms; "
        f"SELECT brut {one_base:.1f} ms, raport {one / one_base:.1f}×)"
    )
    every = timed(lambda: [period_results(p) for p in periods], repeat=3)
    print(f"toate cele {len(periods)} perioade: {every:.0f} ms ({every / len(periods):.1f} ms/perioadă)")
    close_database()


if __name__ == "__main__":
    main()

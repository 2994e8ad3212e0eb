"""Full-text search on the 10-year benchmark file: time per query (target ≤ 50 ms), and the index's cost
in file size.

    python benchmarks/bench_search.py [BIG.sqlite]

Each query runs 20 times (the first, cold, run included); the figures are the median, the p95 and the
slowest. The file is built with ``make_big_file`` when not given (cached in the temp folder).
"""

from __future__ import annotations

import math
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

TARGET_MS = 50.0
RUNS = 20
QUERIES = [
    "sesizari",  # diacritics folded: finds "sesizări"
    "Alerte",
    "registru",
    "servicii publice",
    "instruire",
    "conflict de interese",
    "beneficiari",
    "a",  # a one-letter word (taken whole, not as a prefix)
    "pr",  # the worst case: a two-letter prefix matching most texts
]


def percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))]


def main() -> int:
    """Time the queries; exit code 1 when a p95 exceeds the target."""
    os.environ.setdefault("BALTI_MONITOR_HOME", tempfile.mkdtemp(prefix="balti-bench-search-"))
    if len(sys.argv) > 1:
        big = Path(sys.argv[1])
    else:
        from make_big_file import make_big_file

        big = Path(tempfile.gettempdir()) / "balti-monitor-big.sqlite"
        if not big.exists():
            print("Se construiește fișierul de 10 ani …", flush=True)
            make_big_file(big)
    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.db.search_index import TABLE
    from balti_monitor.services.search import search

    open_database(big)
    ok = True
    print(f"Fișier: {big} ({big.stat().st_size / 1e6:.1f} MB)")
    for query in QUERIES:
        times: list[float] = []
        hits = 0
        for _ in range(RUNS):
            start = time.perf_counter()
            hits = len(search(query))
            times.append((time.perf_counter() - start) * 1000)
        p95 = percentile(times, 0.95)
        ok = ok and p95 <= TARGET_MS
        print(
            f"  „{query}”: {hits} rezultate; p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
            f"max {max(times):.1f} ms (țintă ≤ {TARGET_MS:.0f} ms) {'OK' if p95 <= TARGET_MS else 'DEPĂȘIT'}"
        )
    close_database()
    raw = sqlite3.connect(big)
    try:
        pages = raw.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", (f"{TABLE}%",)).fetchone()[0]
        print(f"Indexul de căutare ocupă {pages / 1e6:.1f} MB din {big.stat().st_size / 1e6:.1f} MB.")
    except sqlite3.OperationalError:
        pass  # SQLite built without the dbstat table
    finally:
        raw.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

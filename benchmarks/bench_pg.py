"""The same program on a local PostgreSQL server: edit → Total p95 and opening the 10-year data set.

Starts a throwaway cluster (``tests/pg_cluster.py``: initdb + pg_ctl in a temporary folder, Unix socket
only, stopped at exit), copies the 10-year file to it (``copy``), then measures on the server and, as the
floor of the same run, on the file:
- edit → Total: one typed value through ``apply_recorded`` (transaction, audit, retry wrapper) and the
  action's Total computed again (grid read + totals + checks), p50 / p95 over many edits;
- opening: ``open_database`` (schema checks) + the latest period's totals and checks (what the window shows).

Targets (issue #18): edit → Total ≤ 20 ms p95 on a local server; opening the 10-year data set ≤ 2 s.

    python benchmarks/bench_pg.py [BIG.sqlite]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from make_big_file import make_big_file

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Plan, Subdivision
from balti_monitor.services.audit import apply_recorded
from balti_monitor.services.editing import CellEdit, SetCells, action_by_code, cell_text
from balti_monitor.services.grids import load_grid
from balti_monitor.services.results import action_result, period_results

EDITS = 60


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def edit_to_total(target: str) -> tuple[float, float]:
    """p50 and p95 in ms of one edit and the action's Total computed again."""
    open_database(target)
    try:
        period = Period.select().order_by(Period.year.desc(), Period.semester.desc()).first()
        action = action_by_code(Plan.get().id, "1.13")
        sub = Subdivision.select().order_by(Subdivision.id).first()
        old = cell_text(period, action.id, sub.id, 1)
        samples = []
        for n in range(EDITS):
            start = time.perf_counter()
            apply_recorded(SetCells(period.id, action.id, (CellEdit(sub.id, 1, f"{n + 1} acte"),)), "typed")
            action_result(load_grid(period, action.id)).totals.by_number(1)
            samples.append((time.perf_counter() - start) * 1000)
        apply_recorded(SetCells(period.id, action.id, (CellEdit(sub.id, 1, old or None),)), "typed")
    finally:
        close_database()
    return statistics.median(samples), _percentile(samples, 0.95)


def opening(target: str, repeat: int = 3) -> float:
    """Median ms of opening (checks) + the latest period's totals and checks."""

    def once() -> None:
        open_database(target, read_only=True)
        period = Period.select().order_by(Period.year.desc(), Period.semester.desc()).first()
        period_results(period)
        close_database()

    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        once()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def timed_once(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Print the figures and the ratios to the file's."""
    import pg_cluster

    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        path = Path(tempfile.mkdtemp()) / "big.sqlite"
        make_big_file(path)
    try:
        cluster = pg_cluster.cluster()
    except pg_cluster.Unavailable as exc:
        print(f"fără server PostgreSQL: {exc}")
        return
    from balti_monitor.services.engine_copy import copy_database

    url = cluster.url(cluster.new_database())
    copy_ms = timed_once(lambda: copy_database(path, url))
    print(f"copiere fișier de 10 ani → server: {copy_ms / 1000:.1f} s")
    work = Path(tempfile.mkdtemp()) / "lucru.sqlite"
    work.write_bytes(path.read_bytes())
    _file_p50, file_p95 = edit_to_total(str(work))
    pg_p50, pg_p95 = edit_to_total(url)
    print(
        f"editare → Total pe server: p50 {pg_p50:.1f} ms, p95 {pg_p95:.1f} ms (țintă p95 ≤ 20 ms; fișier "
        f"p95 {file_p95:.1f} ms, raport {pg_p95 / file_p95:.1f}×)"
    )
    file_open, pg_open = opening(str(work)), opening(url)
    print(
        f"deschidere + ultima perioadă pe server: {pg_open:.0f} ms (țintă ≤ 2000 ms; fișier {file_open:.0f} ms, "
        f"raport {pg_open / file_open:.1f}×)"
    )


if __name__ == "__main__":
    main()

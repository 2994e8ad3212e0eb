"""The time dimension on the 10-year file: annual totals + checks of one year, the annual export, and the
history panel's update on a cell change. Printed figures (median, p95), never assertions.

Targets (issue #13): annual totals + checks of one year ≤ 100 ms; annual export ≤ 1.5 s; history panel
update on a cell change ≤ 10 ms p95. Baselines beside them: one semester's totals + checks (the annual work
loads three periods), and the raw query of one row's values in every period.

    python benchmarks/bench_years.py [BIG.sqlite]     # without an argument the big file is generated
"""

from __future__ import annotations

import os
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
from balti_monitor.db.models import Action, Period, Plan, Return
from balti_monitor.export.context import build_context
from balti_monitor.export.options import ExportOptions
from balti_monitor.export.render import find_template, render_context
from balti_monitor.services.results import period_results


def samples_ms(func: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``func`` in milliseconds."""
    found = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        found.append((time.perf_counter() - start) * 1000)
    return found


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def history_panel_update(path: Path, repeat: int = 200) -> tuple[list[float], list[float]]:
    """The panel's update when the current cell changes: a new row (one query) or the same row (no query),
    alternating over real rows; and the raw SQL floor of one row's values."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from balti_monitor.gui import app as gui_app

    QApplication.instance() or QApplication([])
    window: object = gui_app.start(str(path))
    page = window.action_page  # type: ignore[attr-defined]
    panel = window.time_actions.history  # type: ignore[attr-defined]
    panel.show()
    QApplication.processEvents()
    window.plan_panel.select_action(window.session.action_by_code("1.1").id)  # type: ignore[attr-defined]
    QApplication.processEvents()
    model, view = page.model, page.view
    times = []
    for step in range(repeat):
        row = step % max(1, model.total_row)
        column = 1 + (step // 2) % max(1, model.columnCount() - 1)
        index = model.index(row, column)
        start = time.perf_counter()
        view.setCurrentIndex(index)  # currentChanged -> panel.update_for
        times.append((time.perf_counter() - start) * 1000)
    window.close()  # type: ignore[attr-defined]
    con = sqlite3.connect(path)
    ret = con.execute("SELECT action_id, subdivision_id FROM return LIMIT 1").fetchone()
    floor = samples_ms(
        lambda: con.execute(
            "SELECT r.period_id, v.raw_text FROM return r JOIN value v ON v.return_id = r.id"
            " WHERE r.action_id = ? AND r.subdivision_id = ?",
            ret,
        ).fetchall(),
        repeat,
    )
    con.close()
    return times, floor


def main() -> None:
    """Print the figures."""
    work = Path(tempfile.mkdtemp())
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        path = work / "big.sqlite"
        make_big_file(path)
    open_database(path)
    plan = Plan.get()
    year = Period.get((Period.year == 2027) & (Period.semester == 0))
    semester = Period.get((Period.year == 2027) & (Period.semester == 2))
    periods = Period.select().count()
    print(f"fișier: {periods} perioade, {Return.select().count()} returi, {Action.select().count()} acțiuni")
    annual = samples_ms(lambda: period_results(year), 9)
    single = samples_ms(lambda: period_results(semester), 9)
    print(
        f"totaluri + verificări, anul 2027 (trei perioade încărcate): mediana {statistics.median(annual):.1f} ms "
        f"(țintă ≤ 100 ms); un semestru: {statistics.median(single):.1f} ms"
    )
    options = ExportOptions()
    template = find_template(options)

    def export(columns: bool) -> None:
        opts = ExportOptions(semester_columns=columns)
        context = build_context(plan, year, opts)
        render_context(context, work / "anual.docx", opts, template_path=template)

    for columns in (False, True):
        times = samples_ms(lambda c=columns: export(c), 3)
        label = "cu coloanele S1 | S2 | An" if columns else "doar anul"
        print(
            f"exportul raportului anual 2027 ({label}): mediana {statistics.median(times) / 1000:.2f} s (țintă ≤ 1,5 s)"
        )
    close_database()
    panel, floor = history_panel_update(path)
    print(
        f"istoricul celulei la schimbarea celulei curente: p50 {statistics.median(panel):.2f} ms, "
        f"p95 {p95(panel):.2f} ms (țintă p95 ≤ 10 ms); SQL brut al unui rând: p95 {p95(floor):.2f} ms"
    )


if __name__ == "__main__":
    main()

"""forms-in of every subdivision's form against a bare openpyxl read of the same files (issue 20).

The demo file's 18 return forms are generated, and in each every row is given a new text (a whole
period's returns coming back: several hundred cells). Timed, median of a few runs, in the same process:

- the floor: ``openpyxl.load_workbook(read_only=True)`` of each file and every row of every sheet read;
- forms-in: the preview (reading, recognising, comparing, the findings in memory) and the import (one
  transaction), on a fresh copy of the database each run (the copy is not timed).

Target: forms-in ≤ 1.5× the floor. The ratio is printed, never asserted.

    python benchmarks/bench_forms_in.py [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Plan
from balti_monitor.interchange.forms_in import apply_import, preview_import
from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
from balti_monitor.services import values
from balti_monitor.services.bundled import load_demo
from balti_monitor.services.periods import PeriodKey, find_period


def _fill_every_row(path: Path, n: int) -> int:
    """Type a new text into every value cell of the form (as a subdivision would); rows filled."""
    wb = load_workbook(path)
    ws = wb["Retur"]
    filled = 0
    for row in ws.iter_rows(min_row=5):
        key = row[0].value
        if isinstance(key, str) and "#" in key:
            row[3].value = f"Text nou {n}-{filled}" if key.endswith("#D") else f"{filled + 1} acte"
            filled += 1
    wb.save(path)
    return filled


def _bare_read(paths: list[Path]) -> int:
    cells = 0
    for path in paths:
        wb = load_workbook(path, read_only=True, data_only=False, keep_vba=False, keep_links=False)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        wb.close()
    return cells


def main() -> None:
    """Print the figures."""
    # run_all.py passes the 10-year file to every benchmark: this one builds its own forms from the demo
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    runs = int(numbers[0]) if numbers else 7
    work = Path(tempfile.mkdtemp(prefix="bench-forms-in-"))
    base = work / "demo.sqlite"
    open_database(base)
    load_demo()
    period = find_period(Plan.select().first(), PeriodKey(2023, 1))
    result = generate_forms(period, work / "forms", FormsOutOptions())
    close_database()
    paths = [form.path for form in result.forms]
    rows = sum(_fill_every_row(path, n) for n, path in enumerate(paths))

    floor: list[float] = []
    ours: list[float] = []
    applied = 0
    for run in range(runs):
        start = time.perf_counter()
        _bare_read(paths)
        floor.append(time.perf_counter() - start)

        db = work / f"run{run}.sqlite"
        shutil.copyfile(base, db)
        open_database(db)
        period = find_period(Plan.select().first(), PeriodKey(2023, 1))
        values._parse_short.cache_clear()  # every run parses its texts afresh, as a real import does
        start = time.perf_counter()
        preview = preview_import(paths, period)
        done = apply_import(preview)
        ours.append(time.perf_counter() - start)
        applied = done.applied
        close_database()
        assert not preview.refused, preview.refused

    f, o = statistics.median(floor), statistics.median(ours)
    paired = [b / a for a, b in zip(floor, ours, strict=True)]
    print(f"formulare: {len(paths)}, rânduri completate: {rows}, celule importate: {applied}")
    print(f"citire openpyxl (podea): {f * 1000:.0f} ms")
    print(f"forms-in (previzualizare + import): {o * 1000:.0f} ms")
    print(
        f"raport forms-in / podea: {statistics.median(paired):.2f}× (mediana a {len(paired)} runde perechi, "
        f"între {min(paired):.2f}× și {max(paired):.2f}×; țintă ≤ 1,5×)"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

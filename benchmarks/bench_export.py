"""Word export speed: the demo period and the largest period of the 10-year file.

For each period three figures are printed (medians):
- the whole export as the user runs it (read the database, fill the template, check, save);
- our document step alone (docxtpl render + widths + check + save) from a ready context;
- the baseline: python-docx building the same headings and tables directly from the same context and
  saving, measured in the same run. The ratio ours / baseline is what the target is about.

Targets (issue "raportul Word"): demo period ≤ 1 s; ratio ≤ 3.

    python benchmarks/bench_export.py [BIG.sqlite]     # without an argument the big file is generated
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from make_big_file import make_big_file

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Return
from balti_monitor.export.context import build_context, context_actions
from balti_monitor.export.render import export_report, render_context
from balti_monitor.services.bundled import load_demo


def timed(func: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``func`` in seconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def python_docx_report(context: dict[str, Any], out: Path) -> None:
    """The baseline: the same title, headings, indicator lists and tables written with python-docx."""
    document = docx.Document()
    document.add_paragraph(context["report"]["title"])
    for text in context["narrative"]["summary"]:
        document.add_paragraph(text)
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for priority in context["priorities"]:
        document.add_paragraph(f"Prioritatea {priority['number']}: {priority['title']}")
        for action in priority["actions"]:
            document.add_paragraph(f"Acțiunea {action['code']}. {action['title']}")
            document.add_paragraph(f"Termenul de realizare: {action['deadline']}")
            document.add_paragraph(f"Instituția responsabilă: {action['responsible']}")
            for ind in action["indicators"]:
                document.add_paragraph(f"{ind['number']}. {ind['text']}")
            document.add_paragraph(f"Progresul în implementarea acțiunii {action['code']}.")
            n = len(action["columns"])
            table = document.add_table(rows=3 + len(action["rows"]), cols=2 + n)
            table.style = document.styles["Table Grid"]
            rows = table.rows
            head = rows[0].cells[0].merge(rows[1].cells[1])
            head.text = "Descrierea măsurilor întreprinse de către instituțiile responsabile:"
            rows[0].cells[2].merge(rows[0].cells[1 + n]).text = "Realizarea indicatorilor de progres"
            for index, cell in enumerate(rows[1].cells[2:]):
                cell.text = f"Indicator {action['columns'][index]['number']}"
            for row, item in zip(rows[2:-1], action["rows"], strict=True):
                cells = row.cells
                cells[0].paragraphs[0].add_run(item["name"]).bold = True
                lines = [line for line in item["description"].split("\n") if line.strip()] or [""]
                cells[1].text = lines[0]
                for line in lines[1:]:
                    cells[1].add_paragraph(line)
                for cell, value in zip(cells[2:], item["cells"], strict=True):
                    cell.text = value
            total = rows[-1].cells
            total[0].paragraphs[0].add_run("Total instituții responsabile").bold = True
            total[1].text = action["counts"]
            for cell, value in zip(total[2:], action["totals"], strict=True):
                cell.text = value
    final = document.add_section()
    final.orientation = WD_ORIENT.PORTRAIT
    final.page_width, final.page_height = Cm(21.0), Cm(29.7)
    for number, risk in enumerate(context["narrative"]["risks"], start=1):
        document.add_paragraph(f"{number}. {risk}")
    document.add_paragraph(f"Elaborat: {context['signatures']['prepared']}")
    document.add_paragraph(f"Coordonat: {context['signatures']['coordinated']}")
    document.save(str(out))


def bench_period(period: Period, workdir: Path, repeat: int = 5) -> dict[str, float]:
    """Timings (seconds) of one period's export against python-docx; the database must be open."""
    context = build_context(period.plan, period)
    rows = sum(len(a["rows"]) for a in context_actions(context))
    full = timed(lambda: export_report(period, workdir / "full.docx"), repeat)
    ours = timed(lambda: render_context(context, workdir / "ours.docx"), repeat)
    base = timed(lambda: python_docx_report(context, workdir / "base.docx"), repeat)
    return {"rows": rows, "export_s": full, "render_s": ours, "python_docx_s": base, "ratio": ours / base}


def largest_period() -> Period:
    """The period with the most returns in the open database."""
    counts: dict[int, int] = {}
    for ret in Return.select(Return.period):
        counts[ret.period_id] = counts.get(ret.period_id, 0) + 1
    best = max(counts, key=lambda pid: counts[pid])
    period: Period = Period.get_by_id(best)
    return period


def bench_database(db_path: Path, repeat: int = 5) -> dict[str, float]:
    """Export timings of the largest period of an existing database file (opened and closed here)."""
    open_database(db_path, create=False)
    try:
        period = largest_period()
        with tempfile.TemporaryDirectory() as tmp:
            result = bench_period(period, Path(tmp), repeat)
        result["period"] = period.year * 10 + period.semester
        return result
    finally:
        close_database()


def _line(label: str, r: dict[str, float]) -> str:
    return (
        f"{label}: {int(r['rows'])} rânduri; export complet {r['export_s'] * 1000:.0f} ms; "
        f"document {r['render_s'] * 1000:.0f} ms vs python-docx {r['python_docx_s'] * 1000:.0f} ms "
        f"(raport {r['ratio']:.2f}×, țintă ≤ 3)"
    )


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        demo_db = work / "demo.sqlite"
        open_database(demo_db)
        try:
            period, _ = load_demo()
            demo = bench_period(period, work)
        finally:
            close_database()
        print(_line("perioada demonstrativă 2023-S1", demo) + " — țintă export ≤ 1 s")
        if len(sys.argv) > 1:
            big_path = Path(sys.argv[1])
        else:
            big_path = work / "big.sqlite"
            start = time.perf_counter()
            make_big_file(big_path)
            print(f"(fișier de 10 ani generat în {time.perf_counter() - start:.1f} s)")
        big = bench_database(big_path)
        code = int(big["period"])
        print(_line(f"cea mai mare perioadă ({code // 10}-S{code % 10})", big))


if __name__ == "__main__":
    main()

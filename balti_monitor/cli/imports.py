"""Bringing in existing documents: ``import-report`` (a past semester report, .docx, into its period)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import default_plan, opened, run_guarded, terminal_safe
from balti_monitor.interchange.report_import import (
    ReportReading,
    apply_report,
    compare_with_file,
    period_has_data,
    read_report,
)

#: How many differences / notes are printed before "… și încă N".
_SHOWN = 40


def register(sub: Any) -> None:
    """Add the import sub-commands."""
    p = sub.add_parser(
        "import-report",
        help="importă un raport semestrial Word (.docx) în istoricul perioadei lui (cu previzualizare)",
    )
    p.add_argument("file", metavar="FIȘIER.docx")
    p.add_argument("--dry-run", action="store_true", help="arată doar ce s-ar importa; nu modifică nimic")
    p.add_argument(
        "--yes",
        action="store_true",
        help="aplică importul și când perioada are deja date (după ce arată diferențele)",
    )
    p.set_defaults(func=run_guarded(cmd_import_report))


def _print_reading(reading: ReportReading) -> None:
    print(terminal_safe(f"Raportul „{reading.source}”. {reading.summary()}"))
    if reading.unplaced:
        print("\nNu pot fi plasate (nu se importă):")
        for item in reading.unplaced[:_SHOWN]:
            print(terminal_safe(f"  - {item.where}: {item.reason} — „{item.text}”"))
        if len(reading.unplaced) > _SHOWN:
            print(f"  … și încă {len(reading.unplaced) - _SHOWN}")
    if reading.notes:
        print("\nObservații:")
        for note in reading.notes[:_SHOWN]:
            print(terminal_safe(f"  - {note}"))
        if len(reading.notes) > _SHOWN:
            print(f"  … și încă {len(reading.notes) - _SHOWN}")


def _short(text: str, limit: int = 80) -> str:
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_import_report(args: argparse.Namespace) -> int:
    """Read a report, show what it holds and the differences, then import it all or nothing."""
    path = Path(args.file)
    with opened(args, write=not args.dry_run):
        plan = default_plan()
        reading = read_report(path, plan)
        _print_reading(reading)
        has_data = period_has_data(reading, plan)
        if has_data:
            diffs = compare_with_file(reading, plan)
            print(f"\nPerioada {reading.period_code} are deja date; diferențe: {len(diffs)}.")
            for d in diffs[:_SHOWN]:
                where = f"{d.action} · {d.subdivision} · " if d.action else ""
                print(terminal_safe(f"  - {where}{d.what}: „{_short(d.old)}” → „{_short(d.new)}”"))
            if len(diffs) > _SHOWN:
                print(f"  … și încă {len(diffs) - _SHOWN}")
        if args.dry_run:
            print("\nSimulare (--dry-run): nu s-a modificat nimic.")
            return 0
        if has_data and not args.yes:
            print(
                f"\nNu s-a modificat nimic: perioada {reading.period_code} are deja date. Verificați diferențele "
                "și repetați comanda cu --yes pentru a le aplica pe toate."
            )
            return 1
        apply_report(reading, plan)
        print(f"\nImportat în perioada {reading.period_code} (după o copie automată a fișierului).")
    return 0

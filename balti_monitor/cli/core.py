"""Core sub-commands: init, demo, check, totals, export-json, import-json."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import default_plan, opened, period_arg, run_guarded
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of
from balti_monitor.services.results import period_results

# The JSON import/export, the bundled data and the restore service are imported by the commands that use
# them (``check`` and ``totals`` start faster without them).


def register(sub: Any) -> None:
    """Add the core sub-commands."""
    p = sub.add_parser("init", help="creează baza de date cu planul PLA 2023-2027 încărcat")
    p.set_defaults(func=run_guarded(cmd_init))

    p = sub.add_parser("demo", help="încarcă datele demonstrative S1-2023 (raportul original)")
    p.add_argument(
        "--replace", action="store_true", help="înlocuiește datele existente ale perioadei 2023-S1"
    )
    p.set_defaults(func=run_guarded(cmd_demo))

    p = sub.add_parser("check", help="verifică datele unei perioade (cod de ieșire 1 dacă sunt constatări)")
    p.add_argument("--period", required=True, metavar="PERIOADĂ", help="de exemplu 2023-S1")
    p.set_defaults(func=run_guarded(cmd_check))

    p = sub.add_parser("totals", help="afișează rândul „Total instituții responsabile” al fiecărei acțiuni")
    p.add_argument("--period", required=True, metavar="PERIOADĂ", help="de exemplu 2023-S1")
    p.add_argument("--action", metavar="COD", help="doar o acțiune, de exemplu 1.13")
    p.set_defaults(func=run_guarded(cmd_totals))

    p = sub.add_parser("export-json", help="exportă tot fișierul în JSON")
    p.add_argument("--out", required=True, metavar="FIȘIER")
    p.set_defaults(func=run_guarded(cmd_export_json))

    p = sub.add_parser("import-json", help="importă un export JSON într-un fișier gol")
    p.add_argument("file", metavar="FIȘIER")
    p.add_argument("--replace", action="store_true", help="înlocuiește toate datele fișierului deschis")
    p.set_defaults(func=run_guarded(cmd_import_json))


def cmd_init(args: argparse.Namespace) -> int:
    """Create the database with the bundled plan."""
    from balti_monitor.services.bundled import ensure_bundled_plan

    with opened(args, write=True) as path:
        plan, created = ensure_bundled_plan()
        state = "creat" if created else "exista deja"
        print(f"Planul „{plan.title}” {state} în {path}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Load the demo period."""
    from balti_monitor.services.bundled import load_demo

    with opened(args, write=True) as path:
        period, _ = load_demo(replace=args.replace)
        print(f"Datele demonstrative {key_of(period).code} au fost încărcate în {path}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Print the findings of a period."""
    with opened(args, create=False):
        period = period_arg(default_plan(), args.period)
        count = 0
        for result in period_results(period).values():
            for finding in result.findings:
                count += 1
                print(f"{finding.location()}: {finding.message}")
        if count:
            print(f"\n{count} constatări în perioada {key_of(period).code}.")
            return 1
        print(f"Nicio constatare în perioada {key_of(period).code}.")
    return 0


def cmd_totals(args: argparse.Namespace) -> int:
    """Print the Total rows."""
    with opened(args, create=False):
        period = period_arg(default_plan(), args.period)
        results = period_results(period)
        shown = 0
        for result in results.values():
            if args.action and result.grid.code != args.action.strip():
                continue
            shown += 1
            totals = result.totals
            print(f"Acțiunea {result.grid.code}")
            print(f"  {totals.counts_shown}")
            if totals.counts_override is not None:
                print(f"    (introdus manual; calculat: {totals.counts.sentence()})")
            for total in totals.indicators:
                line = f"  Indicator {total.number}: {total.shown or '—'}"
                if total.override is not None:
                    line += f"   [manual; calculat: {total.text or total.problem or '—'}]"
                elif total.problem:
                    line += f"   [{total.problem}]"
                print(line)
        if args.action and not shown:
            raise ServiceError(f"Acțiunea „{args.action}” nu există în plan.")
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """Export the whole file as JSON."""
    from balti_monitor.interchange.json_io import export_json

    with opened(args, create=False):
        export_json(Path(args.out))
        print(f"Exportat în {args.out}.")
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    """Import a JSON export."""
    from balti_monitor.interchange.json_io import is_empty
    from balti_monitor.interchange.schema import InterchangeError
    from balti_monitor.services.restore import import_json_with_backup

    with opened(args, write=True) as path:
        try:
            if not is_empty() and not args.replace:
                raise InterchangeError(
                    f"Fișierul „{path.name}” conține deja date; folosiți un fișier nou (--db) sau --replace."
                )
            import_json_with_backup(Path(args.file), replace=args.replace)
        except InterchangeError as exc:
            sys.stderr.write(f"Eroare: {exc}\nNu s-a modificat nimic.\n")
            return 2
        print(f"Importat din {args.file} în {path}.")
    return 0

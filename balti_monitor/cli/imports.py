"""Bringing in existing documents: ``import-report`` (a past semester report, .docx, into its period) and
``import-plan`` (a plan from its Word or Excel table)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import default_plan, opened, run_guarded, terminal_safe
from balti_monitor.i18n import _, ngettext
from balti_monitor.interchange.report_import import apply_report, compare_with_file, period_has_data
from balti_monitor.interchange.report_reader import read_report
from balti_monitor.interchange.report_reading import ReportReading

#: How many differences / notes are printed before "… și încă N".
_SHOWN = 40


def register(sub: Any) -> None:
    """Add the import sub-commands."""
    p = sub.add_parser(
        "import-report",
        help=_("importă un raport semestrial Word (.docx) în istoricul perioadei lui (cu previzualizare)"),
    )
    p.add_argument("file", metavar=_("FIȘIER.docx"))
    p.add_argument("--dry-run", action="store_true", help=_("arată doar ce s-ar importa; nu modifică nimic"))
    p.add_argument(
        "--yes",
        action="store_true",
        help=_("aplică importul și când perioada are deja date (după ce arată diferențele)"),
    )
    p.set_defaults(func=run_guarded(cmd_import_report))
    register_plan(sub)


def _print_reading(reading: ReportReading) -> None:
    print(
        terminal_safe(
            _("Raportul „{source}”. {summary}").format(source=reading.source, summary=reading.summary())
        )
    )
    if reading.unplaced:
        print(_("\nNu pot fi plasate (nu se importă):"))
        for item in reading.unplaced[:_SHOWN]:
            print(terminal_safe(f"  - {item.where}: {item.reason} — „{item.text}”"))
        if len(reading.unplaced) > _SHOWN:
            print(_("  … și încă {value}").format(value=len(reading.unplaced) - _SHOWN))
    if reading.notes:
        print(_("\nObservații:"))
        for note in reading.notes[:_SHOWN]:
            print(terminal_safe(f"  - {note}"))
        if len(reading.notes) > _SHOWN:
            print(_("  … și încă {value}").format(value=len(reading.notes) - _SHOWN))


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
            print(
                _("\nPerioada {period_code} are deja date; diferențe: {n_diffs}.").format(
                    period_code=reading.period_code, n_diffs=len(diffs)
                )
            )
            for d in diffs[:_SHOWN]:
                where = f"{d.action} · {d.subdivision} · " if d.action else ""
                print(terminal_safe(f"  - {where}{d.what}: „{_short(d.old)}” → „{_short(d.new)}”"))
            if len(diffs) > _SHOWN:
                print(_("  … și încă {value}").format(value=len(diffs) - _SHOWN))
        if args.dry_run:
            print(_("\nSimulare (--dry-run): nu s-a modificat nimic."))
            return 0
        if has_data and not args.yes:
            print(
                _(
                    "\nNu s-a modificat nimic: perioada {period_code} are deja date. Verificați diferențele și repetați comanda cu --yes pentru a le aplica pe toate."
                ).format(period_code=reading.period_code)
            )
            return 1
        apply_report(reading, plan)
        print(
            _("\nImportat în perioada {period_code} (după o copie automată a fișierului).").format(
                period_code=reading.period_code
            )
        )
    return 0


def register_plan(sub: Any) -> None:
    """Add ``import-plan``."""
    p = sub.add_parser(
        "import-plan",
        help=_("importă un plan din tabelul unui document Word sau Excel (cu previzualizarea arborelui)"),
    )
    p.add_argument(
        "file", metavar=_("FIȘIER"), help=_(".docx sau .xlsx (.doc/.odt/.xls/.ods prin LibreOffice)")
    )
    p.add_argument(
        "--kind", metavar=_("TIP"), help=_("tipul planului (implicit: ghicit din capul de tabel; „pla”)")
    )
    p.add_argument(
        "--mapping", metavar=_("FIȘIER.json"), help=_("tabelele, coloanele, datele planului, subdiviziunile")
    )
    p.add_argument(
        "--write-mapping",
        metavar=_("FIȘIER.json"),
        help=_("scrie corespondența ghicită (și numele de mapat) într-un fișier de editat"),
    )
    p.add_argument("--dry-run", action="store_true", help=_("arată doar arborele citit; nu modifică nimic"))
    p.set_defaults(func=run_guarded(cmd_import_plan))


def cmd_import_plan(args: argparse.Namespace) -> int:
    """Read a plan table, show the tree and what needs mapping, then import it all or nothing."""
    import json

    from balti_monitor.interchange.plan_import_doc import (
        import_plan_reading,
        mapping_template,
        read_plan_document,
        unknown_names,
    )
    from balti_monitor.interchange.plan_mapping import KIND_FIELDS, Mapping, load_mapping

    mapping = load_mapping(args.mapping) if args.mapping else Mapping()
    if args.kind:
        mapping.kind = args.kind
    with opened(args, write=not args.dry_run):
        reading = read_plan_document(Path(args.file), mapping)
        how = _("ales") if mapping.kind else _("ghicit din cuvintele capului de tabel")
        print(
            terminal_safe(
                _("Documentul „{source}”: tip de plan „{kind}” ({how}).").format(
                    source=reading.source, kind=reading.kind, how=how
                )
            )
        )
        labels = KIND_FIELDS[reading.kind]
        for table, columns in reading.columns.items():
            shown = ", ".join(f"{c + 1} → {labels[f][0]}" for c, f in sorted(columns.items()))
            print(
                terminal_safe(
                    ngettext(
                        "{table}: coloana {shown}", "{table}: coloanele {shown}", min(len(columns), 2)
                    ).format(table=table, shown=shown)
                )
            )
        meta = reading.meta
        print(
            terminal_safe(
                _("\nPlanul „{title}” (cod {code}, {first_year}-{last_year}):").format(
                    title=meta["title"],
                    code=meta["code"],
                    first_year=meta["first_year"],
                    last_year=meta["last_year"],
                )
            )
        )
        for group in reading.groups:
            print(
                terminal_safe(
                    _("  Prioritatea {number}: {title}").format(
                        number=group.number, title=_short(group.title)
                    )
                )
            )
            for action in group.actions:
                print(
                    terminal_safe(
                        ngettext(
                            "    {code} {title} — {n} indicator; responsabili: {responsible}",
                            "    {code} {title} — {n} indicatori; responsabili: {responsible}",
                            len(action.indicators),
                        ).format(
                            code=action.code,
                            title=_short(action.title, 70),
                            n=len(action.indicators),
                            responsible=", ".join(action.responsible) or "—",
                        )
                        + (_(" (+ toate subdiviziunile)") if action.all_subdivisions else "")
                    )
                )
                for number, text in enumerate(action.indicators, start=1):
                    print(terminal_safe(f"        {number}. {_short(text, 90)}"))
        if reading.warnings:
            print(_("\nObservații:"))
            for warning in reading.warnings:
                print(terminal_safe(f"  - {warning}"))
        unknown = unknown_names(reading, mapping)
        if args.write_mapping:
            Path(args.write_mapping).write_text(
                json.dumps(mapping_template(reading), ensure_ascii=False, indent=2), encoding="utf-8"
            )
            print(
                _("\nCorespondența a fost scrisă în {write_mapping}.").format(
                    write_mapping=args.write_mapping
                )
            )
        if unknown:
            print(_("\nNume de responsabili care nu corespund niciunei subdiviziuni (de mapat):"))
            for name in unknown:
                print(terminal_safe(f"  - {name}"))
        if args.dry_run:
            print(_("\nSimulare (--dry-run): nu s-a modificat nimic."))
            return 0
        if unknown:
            print(
                _(
                    '\nNu s-a importat nimic. În fișierul de corespondență (--mapping; unul de pornire se scrie cu --write-mapping), secțiunea „subdivisions”, dați fiecărui nume codul unei subdiviziuni, {{"create": "COD"}} sau "other" (alt responsabil, păstrat ca text).'
                ).format()
            )
            return 1
        import_plan_reading(reading, mapping)
        indicators = sum(len(a.indicators) for a in reading.actions)
        print(
            _(
                "\nPlanul a fost importat: {groups}, {actions}, {indicators} (după o copie automată a fișierului)."
            ).format(
                groups=ngettext("{n} prioritate", "{n} priorități", len(reading.groups)).format(
                    n=len(reading.groups)
                ),
                actions=ngettext("{n} acțiune", "{n} acțiuni", len(reading.actions)).format(
                    n=len(reading.actions)
                ),
                indicators=ngettext("{n} indicator", "{n} indicatori", indicators).format(n=indicators),
            )
        )
    return 0

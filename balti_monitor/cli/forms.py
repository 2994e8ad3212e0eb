"""Return-form sub-commands: forms-out (one Excel form per subdivision), forms-in (import filled forms),
forms-status (where each subdivision's form stands)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import (
    CommandError,
    default_plan,
    opened,
    period_arg,
    run_guarded,
    terminal_safe,
)
from balti_monitor.db.models import Subdivision
from balti_monitor.i18n import _, ngettext
from balti_monitor.interchange.forms_in import preview_import
from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
from balti_monitor.services.form_status import (
    STATE_LABELS,
    FormState,
    form_statuses,
    set_form_state,
)
from balti_monitor.services.forms_import import KIND_LABELS, ChangeKind, apply_import

EXIT_REFUSED = 2
_SHOW_KINDS = (ChangeKind.NEW, ChangeKind.CHANGED, ChangeKind.CLEARED, ChangeKind.CONFLICT)


def register(sub: Any) -> None:
    """Add the return-form sub-commands."""
    p = sub.add_parser(
        "forms-out", help=_("generează formularele Excel de retur ale subdiviziunilor pentru o perioadă")
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S1"))
    p.add_argument("--dir", required=True, metavar=_("DOSAR"), help=_("dosarul în care se scriu formularele"))
    p.add_argument("--deadline", metavar=_("DATA"), help=_("termenul de returnare, de exemplu 10.07.2023"))
    p.add_argument(
        "--previous", action="store_true", help=_("adaugă valorile perioadei precedente (doar informativ)")
    )
    p.add_argument(
        "--all-indicators",
        action="store_true",
        help=_("toți indicatorii acțiunilor, nu doar cei atribuiți subdiviziunii"),
    )
    p.add_argument("--no-prefill", action="store_true", help=_("nu precompleta valorile deja înregistrate"))
    p.add_argument(
        "--subdivision",
        action="append",
        metavar=_("COD"),
        help=_("doar aceste subdiviziuni (se poate repeta)"),
    )
    p.add_argument(
        "--contact", default="", metavar=_("TEXT"), help=_("persoana de contact scrisă pe copertă")
    )
    p.add_argument(
        "--overwrite", action="store_true", help=_("înlocuiește formularele existente cu același nume")
    )
    p.set_defaults(func=run_guarded(cmd_forms_out))

    p = sub.add_parser("forms-in", help=_("importă formularele de retur completate (cu previzualizare)"))
    p.add_argument("files", nargs="+", metavar=_("FIȘIER"))
    p.add_argument("--dry-run", action="store_true", help=_("arată doar ce s-ar schimba; nu modifică nimic"))
    p.add_argument("--period", metavar=_("PERIOADĂ"), help=_("refuză formularele altei perioade"))
    p.add_argument(
        "--accept-conflicts",
        action="store_true",
        help=_("la conflicte ia valoarea din formular (implicit rămâne cea modificată în aplicație)"),
    )
    p.set_defaults(func=run_guarded(cmd_forms_in))

    p = sub.add_parser(
        "forms-status", help=_("arată (sau schimbă) starea formularelor de retur ale unei perioade")
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S1"))
    p.add_argument("--set", choices=[s.value for s in FormState], metavar=_("STARE"), help=_("stare nouă"))
    p.add_argument("--subdivision", metavar=_("COD"), help=_("subdiviziunea a cărei stare se schimbă"))
    p.set_defaults(func=run_guarded(cmd_forms_status))


def _parse_date(text: str) -> dt.date:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise CommandError(_("Data „{text}” nu este validă; scrieți de forma 10.07.2023.").format(text=text))


def _subdivision(code: str) -> Subdivision:
    sub = Subdivision.get_or_none(Subdivision.code == code.strip())
    if sub is None:
        raise CommandError(_("Subdiviziunea „{code}” nu există.").format(code=code))
    return sub


def cmd_forms_out(args: argparse.Namespace) -> int:
    """Generate the forms of a period (records each form's state: a write)."""
    with opened(args, create=False, write=True):
        period = period_arg(default_plan(), args.period)
        ids = frozenset(_subdivision(code).id for code in args.subdivision) if args.subdivision else None
        options = FormsOutOptions(
            deadline=_parse_date(args.deadline) if args.deadline else None,
            include_previous=args.previous,
            all_indicators=args.all_indicators,
            prefill_current=not args.no_prefill,
            overwrite=args.overwrite,
            subdivision_ids=ids,
            contact=args.contact,
        )
        result = generate_forms(period, Path(args.dir), options)
        print(terminal_safe("\n".join(result.summary_lines())))
    return 0


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def cmd_forms_in(args: argparse.Namespace) -> int:
    """Preview and (unless --dry-run) import filled forms."""
    with opened(args, create=False, write=not args.dry_run):
        period = period_arg(default_plan(), args.period) if args.period else None
        preview = preview_import([Path(f) for f in args.files], period)
        print(terminal_safe("\n".join(preview.summary_lines())))
        shown = [c for c in preview.changes if c.kind in _SHOW_KINDS]
        if shown:
            print(_("\nModificări:"))
            for c in shown:
                print(
                    terminal_safe(
                        f"  {_(KIND_LABELS[c.kind]):<10} {c.location}: „{_short(c.current)}” → „{_short(c.incoming)}”"
                        + (_(" (modificat și în aplicație)") if c.kind is ChangeKind.CONFLICT else "")
                    )
                )
        if preview.new_findings:
            print(
                _("\nConstatări noi după import ({new_findings}):").format(
                    new_findings=len(preview.new_findings)
                )
            )
            for finding in preview.new_findings:
                print(terminal_safe(f"  {finding.location()}: {finding.message}"))
        if preview.resolved_findings:
            print(
                _("\nConstatări care dispar după import: {n_resolved_findings}.").format(
                    n_resolved_findings=len(preview.resolved_findings)
                )
            )
        if not preview.files:
            print(_("\nNiciun formular nu poate fi importat; nu s-a modificat nimic."))
            return EXIT_REFUSED
        if args.dry_run:
            print(_("\nSimulare (--dry-run): nu s-a modificat nimic."))
            return EXIT_REFUSED if preview.refused else 0
        if preview.refused:
            # Several files are one import: all of them or none (the README's "errors change nothing").
            names = "; ".join(f"„{r.path.name}”: {r.message}" for r in preview.refused)
            raise CommandError(
                ngettext(
                    "{n} fișier refuzat ({names}). Formularele se importă toate sau niciunul: nu s-a importat nimic și nu s-a modificat nimic. Scoateți fișierele refuzate din listă sau corectați-le, apoi importați din nou.",
                    "{n} fișiere refuzate ({names}). Formularele se importă toate sau niciunul: nu s-a importat nimic și nu s-a modificat nimic. Scoateți fișierele refuzate din listă sau corectați-le, apoi importați din nou.",
                    len(preview.refused),
                ).format(n=len(preview.refused), names=names)
            )
        accepted = [c.ref for c in preview.conflicts] if args.accept_conflicts else []
        result = apply_import(preview, accepted)
        print(
            _("\nImportat: {cells} {files}.").format(
                cells=ngettext("{n} celulă", "{n} celule", result.applied).format(n=result.applied),
                files=ngettext("din {n} formular", "din {n} formulare", len(preview.files)).format(
                    n=len(preview.files)
                ),
            )
        )
        if preview.answers:
            print(
                _("Răspunsuri la observații păstrate la comentariile lor: {n_answers}.").format(
                    n_answers=len(preview.answers)
                )
            )
        if preview.conflicts and not args.accept_conflicts:
            print(
                ngettext(
                    "{n_conflicts} conflict a păstrat valoarea din aplicație (folosiți --accept-conflicts pentru a lua valoarea din formular).",
                    "{n_conflicts} conflicte au păstrat valoarea din aplicație (folosiți --accept-conflicts pentru a lua valoarea din formular).",
                    len(preview.conflicts),
                ).format(n_conflicts=len(preview.conflicts))
            )
    return 0


def cmd_forms_status(args: argparse.Namespace) -> int:
    """Print the form status of every subdivision for a period (or change one)."""
    with opened(args, create=False, write=bool(args.set)):
        period = period_arg(default_plan(), args.period)
        if args.set:
            if not args.subdivision:
                raise CommandError(_("Indicați subdiviziunea (--subdivision COD) a cărei stare se schimbă."))
            sub = _subdivision(args.subdivision)
            set_form_state(period, sub.id, args.set)
            print(terminal_safe(f"{sub.name}: {_(STATE_LABELS[FormState(args.set)])}."))
            return 0
        for row in form_statuses(period):
            when = row.changed_at.strftime("%d.%m.%Y %H:%M") if row.changed_at else ""
            print(terminal_safe(f"{row.code:<8} {row.label:<18} {when:<16} {row.name}"))
    return 0

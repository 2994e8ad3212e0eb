"""Core sub-commands: init, demo, check, acknowledge, totals, export-json, import-json."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balti_monitor.cli.common import default_plan, opened, period_arg, run_guarded, terminal_safe
from balti_monitor.i18n import _, ngettext
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of
from balti_monitor.services.results import period_results

if TYPE_CHECKING:
    from balti_monitor.domain.checks import Finding

# The JSON import/export, the bundled data and the restore service are imported by the commands that use
# them (``check`` and ``totals`` start faster without them).


def register(sub: Any) -> None:
    """Add the core sub-commands."""
    p = sub.add_parser("init", help=_("creează baza de date cu planul PLA 2023-2027 încărcat"))
    p.set_defaults(func=run_guarded(cmd_init))

    p = sub.add_parser("demo", help=_("încarcă datele demonstrative S1-2023 (raportul original)"))
    p.add_argument(
        "--replace", action="store_true", help=_("înlocuiește datele existente ale perioadei 2023-S1")
    )
    p.set_defaults(func=run_guarded(cmd_demo))

    p = sub.add_parser(
        "check", help=_("verifică datele unei perioade (cod de ieșire 1 dacă sunt constatări nerezolvate)")
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S1"))
    p.set_defaults(func=run_guarded(cmd_check))

    p = sub.add_parser(
        "acknowledge",
        help=_("confirmă o constatare cu o notă (nu mai contează ca nerezolvată până se schimbă datele ei)"),
    )
    p.add_argument(
        "key",
        metavar=_("CHEIE"),
        help=_("cheia constatării, așa cum o afișează „check”, de ex. 1.13/2/5/fb_mismatch"),
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S1"))
    p.add_argument(
        "--note", default="", metavar=_("TEXT"), help=_("de ce constatarea poate rămâne așa (obligatorie)")
    )
    p.add_argument("--author", default="", metavar=_("NUME"))
    p.add_argument(
        "--undo", action="store_true", help=_("retrage confirmarea (constatarea redevine nerezolvată)")
    )
    p.set_defaults(func=run_guarded(cmd_acknowledge))

    p = sub.add_parser(
        "totals", help=_("afișează rândul „Total instituții responsabile” al fiecărei acțiuni")
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S1"))
    p.add_argument("--action", metavar=_("COD"), help=_("doar o acțiune, de exemplu 1.13"))
    p.set_defaults(func=run_guarded(cmd_totals))

    p = sub.add_parser("export-json", help=_("exportă tot fișierul în JSON"))
    p.add_argument("--out", required=True, metavar=_("FIȘIER"))
    p.add_argument(
        "--with-form-key",
        action="store_true",
        help=_(
            "include cheia de semnare a formularelor de retur (doar pentru mutarea pe alt calculator: cine are fișierul JSON poate falsifica formulare)"
        ),
    )
    p.set_defaults(func=run_guarded(cmd_export_json))

    p = sub.add_parser("import-json", help=_("importă un export JSON într-un fișier gol"))
    p.add_argument("file", metavar=_("FIȘIER"))
    p.add_argument("--replace", action="store_true", help=_("înlocuiește toate datele fișierului deschis"))
    p.set_defaults(func=run_guarded(cmd_import_json))


def cmd_init(args: argparse.Namespace) -> int:
    """Create the database with the bundled plan."""
    from balti_monitor.services.bundled import ensure_bundled_plan

    with opened(args, write=True) as path:
        plan, created = ensure_bundled_plan()
        state = _("creat") if created else _("exista deja")
        print(_("Planul „{title}” {state} în {path}.").format(title=plan.title, state=state, path=path))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Load the demo period."""
    from balti_monitor.services.bundled import load_demo

    with opened(args, write=True) as path:
        period, _created = load_demo(replace=args.replace)
        print(
            _("Datele demonstrative {code} au fost încărcate în {path}.").format(
                code=key_of(period).code, path=path
            )
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Print the findings of a period."""
    with opened(args, create=False):
        period = period_arg(default_plan(), args.period)
        count = 0
        acknowledged: list[tuple[Finding, str]] = []
        for result in period_results(period).values():
            acknowledged.extend(result.acknowledged)
            for finding in result.findings:
                count += 1
                print(terminal_safe(f"{finding.location()}: {finding.message}  [{finding.key}]"))
        code = key_of(period).code
        if acknowledged:
            print(
                _("\nConfirmate ({n_acknowledged}; nu contează ca nerezolvate):").format(
                    n_acknowledged=len(acknowledged)
                )
            )
            for finding, note in acknowledged:
                print(
                    terminal_safe(
                        _("  {location}: {message}  [{key}]  Notă: {note}").format(
                            location=finding.location(), message=finding.message, key=finding.key, note=note
                        )
                    )
                )
        if count:
            print(
                ngettext(
                    "\n{count} constatare nerezolvată în perioada {code}.",
                    "\n{count} constatări nerezolvate în perioada {code}.",
                    count,
                ).format(count=count, code=code)
            )
            return 1
        print(
            _("\nNicio constatare nerezolvată în perioada {code}.").format(code=code)
            if acknowledged
            else _("Nicio constatare în perioada {code}.").format(code=code)
        )
    return 0


def cmd_acknowledge(args: argparse.Namespace) -> int:
    """Acknowledge a finding with a note (or take the acknowledgement back)."""
    from balti_monitor.services.acknowledgements import (
        acknowledge,
        acknowledgement_of,
        restore_acknowledgement,
    )

    with opened(args, write=True):
        period = period_arg(default_plan(), args.period)
        if args.undo:
            if acknowledgement_of(period, args.key) is None:
                raise ServiceError(
                    _("Constatarea „{key}” nu este confirmată în perioada {code}.").format(
                        key=args.key, code=key_of(period).code
                    )
                )
            restore_acknowledgement(period, args.key, None)
            print(_("Confirmarea constatării {key} a fost retrasă.").format(key=args.key))
            return 0
        acknowledge(period, args.key, args.note, args.author)
        print(
            _("Constatarea {key} a fost confirmată în perioada {code}.").format(
                key=args.key, code=key_of(period).code
            )
        )
    return 0


def cmd_totals(args: argparse.Namespace) -> int:
    """Print the Total rows."""
    with opened(args, create=False):
        plan = default_plan()
        period = period_arg(plan, args.period)
        from balti_monitor.services.plans import plan_kind

        kind = plan_kind(plan.id)
        if not kind.progress.totals:
            print(
                _("Planul {code} ({kind}) nu are rândul „Total instituții responsabile”.").format(
                    code=plan.code, kind=kind.name
                )
            )
            return 0
        results = period_results(period)
        shown = 0
        for result in results.values():
            if args.action and result.grid.code != args.action.strip():
                continue
            shown += 1
            totals = result.totals
            print(_("Acțiunea {code}").format(code=result.grid.code))
            print(f"  {totals.counts_shown}")
            if totals.counts_override is not None:
                print(
                    _("    (introdus manual; calculat: {sentence})").format(sentence=totals.counts.sentence())
                )
            for total in totals.indicators:
                line = _("  Indicator {number}: {shown}").format(
                    number=total.number, shown=total.shown or "—"
                )
                if total.override is not None:
                    computed = total.text or (_(total.problem) if total.problem else "—")
                    line += _("   [manual; calculat: {computed}]").format(computed=computed)
                elif total.problem:
                    line += f"   [{_(total.problem)}]"
                written = result.grid.references.get(total.number)
                if written is not None and written.strip() != total.shown.strip():
                    line += _("   [raportul original: {value}]").format(value=written.strip() or "—")
                print(line)
        if args.action and not shown:
            raise ServiceError(_("Acțiunea „{action}” nu există în plan.").format(action=args.action))
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """Export the whole file as JSON."""
    from balti_monitor.interchange.json_io import export_json

    with opened(args, create=False):
        export_json(Path(args.out), with_form_key=args.with_form_key)
        print(_("Exportat în {out}.").format(out=args.out))
        if args.with_form_key:
            print(
                _("Atenție: fișierul conține cheia de semnare a formularelor; păstrați-l ca pe baza de date.")
            )
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    """Import a JSON export."""
    from balti_monitor.interchange.json_io import (
        FORM_KEY_NOTICE,
        import_json_with_backup,
        is_empty,
        lacks_form_key,
        load_document,
    )
    from balti_monitor.interchange.schema import InterchangeError

    with opened(args, write=True) as path:
        try:
            if not is_empty() and not args.replace:
                raise InterchangeError(
                    _(
                        "Fișierul „{name}” conține deja date; folosiți un fișier nou (--db) sau --replace."
                    ).format(name=path.name)
                )
            import_json_with_backup(Path(args.file), replace=args.replace)
            without_key = lacks_form_key(load_document(Path(args.file)))
        except InterchangeError as exc:
            sys.stderr.write(
                _("Eroare: {exc}\nNu s-a modificat nimic.\n").format(exc=terminal_safe(str(exc)))
            )
            return 2
        print(_("Importat din {file} în {path}.").format(file=args.file, path=path))
        if without_key:
            print(FORM_KEY_NOTICE)
    return 0

"""The ``load-example`` sub-command: the bundled example plans (seeds 001-004)."""

from __future__ import annotations

import argparse
from typing import Any

from balti_monitor.cli.common import CommandError, opened, run_guarded, terminal_safe
from balti_monitor.i18n import N_, _

HELP = N_("adaugă în fișier un plan exemplu inclus (--list: numele și descrierea fiecăruia)")


def register(sub: Any) -> None:
    """Add the ``load-example`` sub-command."""
    p = sub.add_parser("load-example", help=_(HELP))
    p.add_argument(
        "name", nargs="?", metavar=_("NUME"), help=_("numele exemplului, de exemplu integritate-baltati")
    )
    p.add_argument("--list", action="store_true", help=_("afișează exemplele: numele, un tab, descrierea"))
    p.add_argument(
        "--db",
        metavar=_("FIȘIER"),
        default=argparse.SUPPRESS,
        help=_("baza de date folosită (la fel ca opțiunea generală --db)"),
    )
    p.set_defaults(func=run_guarded(cmd_load_example))


def cmd_load_example(args: argparse.Namespace) -> int:
    """List the examples, or add one to the file."""
    from balti_monitor.services.examples import list_examples, load_example

    if args.list:
        if args.name:
            raise CommandError(_("Dați fie --list, fie numele unui exemplu, nu amândouă."))
        for example in list_examples():
            print(f"{example.name}\t{example.description}")
        return 0
    if not args.name:
        raise CommandError(_("Lipsește numele exemplului (vedeți „balti-monitor load-example --list”)."))
    with opened(args, write=True) as path:
        load_example(args.name)
        info = next(e for e in list_examples() if e.name == args.name)
        print(
            terminal_safe(
                _("Planul exemplu „{title}” (cod {code}) a fost adăugat în {path}.").format(
                    title=info.plan_title, code=info.plan_code, path=path
                )
            )
        )
    return 0

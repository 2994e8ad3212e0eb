"""The ``search`` sub-command: find a text in the returns, the report's text and the plan."""

from __future__ import annotations

import argparse
from typing import Any

from balti_monitor.cli.common import default_plan, opened, period_arg, run_guarded
from balti_monitor.i18n import _


def register(sub: Any) -> None:
    """Add the ``search`` sub-command."""
    p = sub.add_parser(
        "search",
        help=_("caută un text în descrieri, valori, textul raportului și plan (diacriticele nu contează)"),
        description=_(
            "Caută în toate perioadele (sau într-una, cu --period); fără să țină cont de diacritice. Fiecare rezultat pe un rând: perioada, acțiunea, subdiviziunea, indicatorul sau „descriere”, fragmentul găsit."
        ),
    )
    p.add_argument("text", metavar=_("TEXT"), help=_("cuvintele căutate (toate trebuie să apară)"))
    p.add_argument("--period", metavar=_("PERIOADĂ"), help=_("doar perioada dată, de exemplu 2023-S1"))
    p.set_defaults(func=run_guarded(cmd_search))


def cmd_search(args: argparse.Namespace) -> int:
    """Print one hit a line; exit code 1 when nothing is found."""
    from balti_monitor.services.search import search  # imported when run (start-up time of the CLI)

    with opened(args, create=False):
        period_id = period_arg(default_plan(), args.period).id if args.period else None
        hits = search(args.text, period_id)
        for hit in hits:
            print(hit.line())
        if not hits:
            print(_("Nu s-a găsit „{text}”.").format(text=args.text))
            return 1
    return 0

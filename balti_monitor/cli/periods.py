"""The ``delete-period`` sub-command: delete a period and its data, after a backup and a confirmation."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from balti_monitor.cli.common import default_plan, opened, period_arg, run_guarded
from balti_monitor.i18n import _


def register(sub: Any) -> None:
    """Add the ``delete-period`` sub-command."""
    p = sub.add_parser(
        "delete-period",
        help=_("șterge o perioadă cu tot ce s-a introdus pentru ea (după o copie automată)"),
        description=_(
            "Arată ce se pierde și cere confirmarea (scrieți codul perioadei); înainte de ștergere se face o copie automată a fișierului, din care perioada poate fi readusă."
        ),
    )
    p.add_argument("period", metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S1"))
    p.add_argument("--yes", action="store_true", help=_("fără întrebare (scripturi)"))
    p.set_defaults(func=run_guarded(cmd_delete_period))


def cmd_delete_period(args: argparse.Namespace) -> int:
    """Show what is lost, ask, back up, delete."""
    from balti_monitor.services.period_deletion import delete_period, period_contents

    with opened(args, create=False, write=True):
        period = period_arg(default_plan(), args.period)
        contents = period_contents(period.id)
        print(contents.describe())
        if not args.yes:
            sys.stdout.write(
                _("Pentru a o șterge, scrieți codul perioadei ({code}): ").format(code=contents.code)
            )
            sys.stdout.flush()
            answer = sys.stdin.readline().strip()
            if answer.upper() != contents.code.upper():
                print(_("Nu s-a șters nimic."))
                return 1
        backup, _changes = delete_period(period.id)
        print(_("Perioada {code} a fost ștearsă.").format(code=contents.code))
        if backup is not None:
            print(_("Copia automată de dinainte: {backup}").format(backup=backup))
    return 0

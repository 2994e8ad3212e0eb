"""The ``server-setup`` and ``server-user`` sub-commands: a PostgreSQL server for several people (the roles
and the row-level security of :mod:`balti_monitor.services.server_setup`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from balti_monitor.cli.common import CommandError, run_guarded
from balti_monitor.i18n import N_, _, ngettext

_SERVER_ONLY = N_(
    "Comanda aceasta lucrează cu un server PostgreSQL: dați-l cu --db postgresql://utilizator@server:port/baza "
    "(un fișier SQLite îl folosește o singură persoană odată și nu are utilizatori)."
)


def register(sub: Any) -> None:
    """Add the ``server-setup`` and ``server-user`` sub-commands."""
    p = sub.add_parser(
        "server-setup",
        help=_(
            "pregătește un server PostgreSQL: tabelele, rolurile și drepturile fiecăruia (de rulat din nou fără grijă)"
        ),
        description=_(
            "Creează (sau aduce la zi) tabelele programului pe server, rolurile specialist, subdivision "
            "și viewer și regulile prin care serverul însuși refuză ce nu are voie fiecare: o subdiviziune scrie "
            "doar returul ei în perioadele nesemnate, cititorul nu scrie nimic, planul îl schimbă doar "
            "specialistul. Rulată a doua oară nu schimbă nimic. Se rulează ca administrator al bazei de date."
        ),
    )
    p.add_argument(
        "--dry-run", action="store_true", help=_("doar afișează instrucțiunile SQL, fără să ruleze nimic")
    )
    p.set_defaults(func=run_guarded(cmd_server_setup))

    p = sub.add_parser(
        "server-user",
        help=_("adaugă, listează sau șterge persoanele care se conectează la server (cu rolul fiecăreia)"),
        description=_(
            "Parola se cere la adăugare și ajunge pe server doar ca amprentă SCRAM-SHA-256; programul "
            "nu o păstrează nicăieri. Se rulează ca administrator al serverului."
        ),
    )
    actions = p.add_subparsers(dest="user_action", metavar=_("ACȚIUNE"), required=True)
    add = actions.add_parser("add", help=_("adaugă o persoană"))
    add.add_argument("name", metavar=_("NUME"), help=_("numele de conectare (litere latine, cifre, _ . -)"))
    add.add_argument(
        "--role", required=True, choices=("specialist", "subdivision", "viewer"), help=_("rolul")
    )
    add.add_argument(
        "--subdivision", metavar=_("COD"), help=_("codul subdiviziunii (pentru rolul subdivision)")
    )
    add.add_argument(
        "--no-password",
        action="store_true",
        help=_("fără parolă (serverul autentifică altfel, de exemplu prin certificat sau peer)"),
    )
    actions.add_parser("list", help=_("listează persoanele și rolurile lor"))
    remove = actions.add_parser(
        "remove", help=_("șterge conectarea unei persoane (jurnalul îi păstrează numele)")
    )
    remove.add_argument("name", metavar=_("NUME"))
    p.set_defaults(func=run_guarded(cmd_server_user))


@contextmanager
def _server(args: argparse.Namespace) -> Iterator[None]:
    from balti_monitor.db.connection import close_database, open_database

    target = str(args.db or "")
    if not target.startswith(("postgresql://", "postgres://")):
        raise CommandError(_(_SERVER_ONLY))
    open_database(target, create=True)
    try:
        yield
    finally:
        close_database()


def cmd_server_setup(args: argparse.Namespace) -> int:
    """Create or update the schema, then the roles and policies; ``--dry-run`` prints them only."""
    from balti_monitor.services.server_setup import setup_sql

    if args.dry_run:
        print(_("-- Tabelele programului: create sau aduse la zi la deschiderea bazei, dacă e nevoie."))
        for sql in setup_sql():
            print(sql + ";")
        print(_("-- (--dry-run: nu s-a rulat nimic)"))
        return 0
    from balti_monitor.services.server_setup import setup_security

    with _server(args):
        report = setup_security()
    made = ", ".join(report.roles_created) if report.roles_created else _("niciunul nou")
    print(
        ngettext(
            "Serverul este pregătit ({n} instrucțiune; roluri create: {made}).",
            "Serverul este pregătit ({n} instrucțiuni; roluri create: {made}).",
            report.statements,
        ).format(n=report.statements, made=made)
    )
    print(
        _("Adăugați persoanele cu: balti-monitor --db … server-user add NUME --role ROL [--subdivision COD]")
    )
    return 0


def cmd_server_user(args: argparse.Namespace) -> int:
    """add / list / remove."""
    from balti_monitor.services.server_setup import (
        add_person,
        check_person,
        people,
        remove_person,
        role_name,
    )

    with _server(args):
        if args.user_action == "list":
            found = people()
            if not found:
                print(_("Nicio persoană nu are încă un rol al programului."))
            for person in found:
                where = f" — {person.subdivision}" if person.subdivision else ""
                print(f"{person.name}: {role_name(person.role)}{where}")
            return 0
        if args.user_action == "remove":
            remove_person(args.name)
            print(_("Utilizatorul „{name}” a fost șters.").format(name=args.name))
            return 0
        check_person(args.name, args.role, args.subdivision)
        password = None if args.no_password else _ask_password(args.name)
        person = add_person(args.name, args.role, args.subdivision, password)
        if person.subdivision:
            print(
                _("Utilizatorul „{name}” a fost adăugat: {role}, subdiviziunea {subdivision}.").format(
                    name=person.name, role=role_name(person.role), subdivision=person.subdivision
                )
            )
        else:
            print(
                _("Utilizatorul „{name}” a fost adăugat: {role}.").format(
                    name=person.name, role=role_name(person.role)
                )
            )
    return 0


def _ask_password(name: str) -> str:
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")  # a script gives it on standard input, never as argument
    else:
        password = getpass.getpass(_("Parola pentru {name}: ").format(name=name))
        if getpass.getpass(_("Repetați parola: ")) != password:
            raise CommandError(_("Parolele nu coincid; nu s-a adăugat nimic."))
    if len(password) < 8:
        raise CommandError(_("Parola trebuie să aibă cel puțin 8 caractere; nu s-a adăugat nimic."))
    return password

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

_SERVER_ONLY = (
    "Comanda aceasta lucrează cu un server PostgreSQL: dați-l cu --db postgresql://utilizator@server:port/baza "
    "(un fișier SQLite îl folosește o singură persoană odată și nu are utilizatori)."
)


def register(sub: Any) -> None:
    """Add the ``server-setup`` and ``server-user`` sub-commands."""
    p = sub.add_parser(
        "server-setup",
        help="pregătește un server PostgreSQL: tabelele, rolurile și drepturile fiecăruia (de rulat din nou fără grijă)",
        description="Creează (sau aduce la zi) tabelele programului pe server, rolurile specialist, subdivision "
        "și viewer și regulile prin care serverul însuși refuză ce nu are voie fiecare: o subdiviziune scrie "
        "doar returul ei în perioadele nesemnate, cititorul nu scrie nimic, planul îl schimbă doar "
        "specialistul. Rulată a doua oară nu schimbă nimic. Se rulează ca administrator al bazei de date.",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="doar afișează instrucțiunile SQL, fără să ruleze nimic"
    )
    p.set_defaults(func=run_guarded(cmd_server_setup))

    p = sub.add_parser(
        "server-user",
        help="adaugă, listează sau șterge persoanele care se conectează la server (cu rolul fiecăreia)",
        description="Parola se cere la adăugare și ajunge pe server doar ca amprentă SCRAM-SHA-256; programul "
        "nu o păstrează nicăieri. Se rulează ca administrator al serverului.",
    )
    actions = p.add_subparsers(dest="user_action", metavar="ACȚIUNE", required=True)
    add = actions.add_parser("add", help="adaugă o persoană")
    add.add_argument("name", metavar="NUME", help="numele de conectare (litere latine, cifre, _ . -)")
    add.add_argument("--role", required=True, choices=("specialist", "subdivision", "viewer"), help="rolul")
    add.add_argument("--subdivision", metavar="COD", help="codul subdiviziunii (pentru rolul subdivision)")
    add.add_argument(
        "--no-password",
        action="store_true",
        help="fără parolă (serverul autentifică altfel, de exemplu prin certificat sau peer)",
    )
    actions.add_parser("list", help="listează persoanele și rolurile lor")
    remove = actions.add_parser(
        "remove", help="șterge conectarea unei persoane (jurnalul îi păstrează numele)"
    )
    remove.add_argument("name", metavar="NUME")
    p.set_defaults(func=run_guarded(cmd_server_user))


@contextmanager
def _server(args: argparse.Namespace) -> Iterator[None]:
    from balti_monitor.db.connection import close_database, open_database

    target = str(args.db or "")
    if not target.startswith(("postgresql://", "postgres://")):
        raise CommandError(_SERVER_ONLY)
    open_database(target, create=True)
    try:
        yield
    finally:
        close_database()


def cmd_server_setup(args: argparse.Namespace) -> int:
    """Create or update the schema, then the roles and policies; ``--dry-run`` prints them only."""
    from balti_monitor.services.server_setup import setup_sql

    if args.dry_run:
        print("-- Tabelele programului: create sau aduse la zi la deschiderea bazei, dacă e nevoie.")
        for sql in setup_sql():
            print(sql + ";")
        print("-- (--dry-run: nu s-a rulat nimic)")
        return 0
    from balti_monitor.services.server_setup import setup_security

    with _server(args):
        report = setup_security()
    made = ", ".join(report.roles_created) if report.roles_created else "niciunul nou"
    print(f"Serverul este pregătit ({report.statements} instrucțiuni; roluri create: {made}).")
    print("Adăugați persoanele cu: balti-monitor --db … server-user add NUME --role ROL [--subdivision COD]")
    return 0


def cmd_server_user(args: argparse.Namespace) -> int:
    """add / list / remove."""
    from balti_monitor.services.server_setup import (
        ROLE_NAMES,
        add_person,
        check_person,
        people,
        remove_person,
    )

    with _server(args):
        if args.user_action == "list":
            found = people()
            if not found:
                print("Nicio persoană nu are încă un rol al programului.")
            for person in found:
                where = f" — {person.subdivision}" if person.subdivision else ""
                print(f"{person.name}: {ROLE_NAMES.get(person.role, person.role)}{where}")
            return 0
        if args.user_action == "remove":
            remove_person(args.name)
            print(f"Utilizatorul „{args.name}” a fost șters.")
            return 0
        check_person(args.name, args.role, args.subdivision)
        password = None if args.no_password else _ask_password(args.name)
        person = add_person(args.name, args.role, args.subdivision, password)
        where = f", subdiviziunea {person.subdivision}" if person.subdivision else ""
        print(f"Utilizatorul „{person.name}” a fost adăugat: {ROLE_NAMES[person.role]}{where}.")
    return 0


def _ask_password(name: str) -> str:
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")  # a script gives it on standard input, never as argument
    else:
        password = getpass.getpass(f"Parola pentru {name}: ")
        if getpass.getpass("Repetați parola: ") != password:
            raise CommandError("Parolele nu coincid; nu s-a adăugat nimic.")
    if len(password) < 8:
        raise CommandError("Parola trebuie să aibă cel puțin 8 caractere; nu s-a adăugat nimic.")
    return password

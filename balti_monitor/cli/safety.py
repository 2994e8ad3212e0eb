"""Data-safety sub-commands: ``backup --out``, ``restore FILE``, ``verify FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import (
    CommandError,
    database_path,
    fail,
    opened,
    run_guarded,
    server_url,
    terminal_safe,
)
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.errors import DatabaseError
from balti_monitor.i18n import _
from balti_monitor.services.backup import make_backup
from balti_monitor.services.file_report import verify_file
from balti_monitor.services.restore import preview_restore, restore_from
from balti_monitor.services.safe_open import FileOpenError, close_safely, open_failure, open_safely

EXIT_PROBLEMS = 1


def register(sub: Any) -> None:
    """Add the backup, restore and verify sub-commands."""
    p = sub.add_parser(
        "backup",
        help=_(
            "creează o copie de rezervă verificată a bazei de date (un singur fișier, de trimis prin e-mail)"
        ),
    )
    p.add_argument(
        "--out",
        required=True,
        metavar=_("FIȘIER"),
        help=_(
            "fișierul copiei sau un dosar (în dosar, numele se alege automat, de ex. balti-monitor-2023-S1-2026-11-25-1530.sqlite)"
        ),
    )
    p.add_argument(
        "--period", metavar=_("PERIOADĂ"), help=_("perioada din numele copiei (implicit: cea mai recentă)")
    )
    p.add_argument("--overwrite", action="store_true", help=_("înlocuiește fișierul --out dacă există deja"))
    p.set_defaults(func=run_guarded(cmd_backup))

    p = sub.add_parser(
        "restore",
        help=_(
            "înlocuiește datele bazei de date cu cele dintr-o copie (după o copie automată a datelor actuale)"
        ),
    )
    p.add_argument("file", metavar=_("FIȘIER"), help=_("copia de rezervă (de exemplu primită prin e-mail)"))
    p.add_argument("--yes", action="store_true", help=_("nu mai cere confirmarea"))
    p.set_defaults(func=run_guarded(cmd_restore))

    p = sub.add_parser(
        "verify", help=_("verifică un fișier de date fără să-l modifice (cod de ieșire 1 dacă are probleme)")
    )
    p.add_argument("file", metavar=_("FIȘIER"))
    p.set_defaults(func=run_guarded(cmd_verify))

    p = sub.add_parser(
        "copy",
        help=_("copiază toate datele între un fișier SQLite și un server PostgreSQL (totul sau nimic)"),
    )
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar=_("SURSĂ"),
        help=_("FIȘIER.sqlite sau postgresql://…"),
    )
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar=_("DESTINAȚIE"),
        help=_("postgresql://… sau FIȘIER.sqlite"),
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help=_("înlocuiește datele destinației (implicit: doar într-o bază goală)"),
    )
    p.set_defaults(func=run_guarded(cmd_copy))


def _cli_hint(exc: FileOpenError) -> str:
    if exc.backup is None:
        return str(exc)
    return _('{exc}\nDin linia de comandă: balti-monitor --db FIȘIER-NOU.sqlite restore "{path}"').format(
        exc=exc, path=exc.backup.path
    )


def cmd_copy(args: argparse.Namespace) -> int:
    """Copy every row between a file and a server (one transaction; a file is renamed into place only when
    complete)."""
    from balti_monitor.services.engine_copy import copy_database

    result = copy_database(args.source, args.target, replace=args.replace)
    print(terminal_safe(result.message()))
    return 0


def _server_backup(args: argparse.Namespace) -> int:
    from balti_monitor.services.engine_copy import backup_server
    from balti_monitor.services.file_report import verify_file

    with opened(args, create=False):
        path = backup_server(Path(args.out), period_code=args.period, overwrite=args.overwrite)
    report = verify_file(path)
    print(
        _(
            "Copia de rezervă a serverului „{name}” a fost creată și verificată (un fișier SQLite de sine stătător)."
        ).format(name=path.name)
    )
    print(terminal_safe("\n".join(report.lines())))
    print(_("Dosarul copiei: {folder}").format(folder=path.parent))
    return 0


def _server_restore(args: argparse.Namespace) -> int:
    """A restore into a server: an automatic copy of the server's data first, then the backup file's rows
    over the server's, the log kept and the restore recorded (one transaction)."""
    report = verify_file(Path(args.file))
    if not report.ok:
        print(terminal_safe("\n".join(report.lines())))
        return fail(_("Copia nu poate fi folosită pentru restaurare; nu s-a modificat nimic."))
    if not args.yes:
        raise CommandError(_("Restaurarea înlocuiește toate datele de pe server; confirmați cu --yes."))
    with opened(args, write=True):
        _report, comparison = preview_restore(Path(args.file))
        print("\n".join(comparison.lines()))
        result = restore_from(Path(args.file))
    print(result.message())
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a verified backup of the database."""
    if server_url(args) is not None:
        return _server_backup(args)
    path = database_path(args)
    if not path.exists():
        raise CommandError(_("Fișierul „{path}” nu există.").format(path=path))
    try:
        open_database(path, create=False, read_only=True)
    except DatabaseError as exc:
        if exc.kind != "needs_upgrade":
            return fail(_cli_hint(open_failure(exc, path)))
        with opened(args, create=False):  # upgraded through the write path, then read-only
            result = make_backup(Path(args.out), period_code=args.period, overwrite=args.overwrite)
    else:
        try:
            result = make_backup(Path(args.out), period_code=args.period, overwrite=args.overwrite)
        finally:
            close_database()
    print(result.message())
    print(_("Dosarul copiei: {folder}").format(folder=result.folder))
    return 0


def _confirmed(args: argparse.Namespace, target: Path) -> bool:
    if args.yes:
        return True
    answer = input(_("Înlocuiți datele din „{name}” cu cele din copie? [d/N] ").format(name=target.name))
    return answer.strip().lower() in ("d", "da", "y", "yes", "д", "да")


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database's content with a backup, after showing what changes."""
    if server_url(args) is not None:
        return _server_restore(args)
    path = database_path(args)
    candidate = Path(args.file)
    if not args.yes and not sys.stdin.isatty():
        raise CommandError(
            _(
                "Restaurarea înlocuiește datele; confirmați cu --yes (înainte se face automat o copie a datelor actuale)."
            )
        )
    report = verify_file(candidate)
    if not report.ok:
        print(terminal_safe("\n".join(report.lines())))
        return fail(_("Copia nu poate fi folosită pentru restaurare; nu s-a modificat nimic."))
    try:
        opened = open_safely(path, create=True)
    except FileOpenError as exc:
        return fail(_cli_hint(exc))
    try:
        if opened.warning:
            sys.stderr.write(_("Atenție: {warning}\n").format(warning=opened.warning))
        _report, comparison = preview_restore(candidate)
        print("\n".join(comparison.lines()))
        if not _confirmed(args, path):
            print(_("Restaurarea a fost anulată; nu s-a modificat nimic."))
            return EXIT_PROBLEMS
        result = restore_from(candidate)
        print(result.message())
    finally:
        close_safely()
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Verify a file without modifying it."""
    report = verify_file(Path(args.file))
    print(terminal_safe("\n".join(report.lines())))
    return 0 if report.ok else EXIT_PROBLEMS

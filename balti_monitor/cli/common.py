"""Helpers shared by the sub-commands: opening the database, printing errors, resolving periods."""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from balti_monitor.db.connection import (
    close_database,
    is_read_only,
    open_database,
    set_read_only,
)
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.models import Period, Plan
from balti_monitor.db.urls import is_server_url
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.i18n import _
from balti_monitor.resources import default_database_path
from balti_monitor.services.periods import find_period, parse_period_code

# Imported where used, not here (start-up time of the read-only commands): services.safe_open (lock and
# automatic backup, for the commands that write) and services.bundled (installing the plan on first use).


class CommandError(BaltiMonitorError):
    """A command that cannot go on; the message is printed as is."""


def database_path(args: argparse.Namespace) -> Path:
    """``--db`` or the default file in the user's data folder."""
    return Path(args.db) if args.db else default_database_path()


@contextmanager
def opened(args: argparse.Namespace, *, create: bool = True, write: bool = False) -> Iterator[Path]:
    """Open the database for one command and always close it (leaving one self-contained file).

    This is the one write path of the command line. A command that changes data says so (``write``): it
    takes the single-writer lock and makes the automatic backup first, like the application does
    (:func:`open_safely`). Every other command gets the file read-only (``PRAGMA query_only``): a write
    it attempts fails without touching the file, so no command can write without the lock and the
    backup. A file that needs a migration is upgraded through the write path (lock and backup first).
    """
    _chosen_plan[0] = chosen_plan_code(args)
    if server_url(args) is not None:
        with _opened_server(args, create=create, write=write) as target:
            yield target
        return
    path = database_path(args)
    if not create and not path.exists():
        raise CommandError(_("Fișierul „{path}” nu există.").format(path=path))
    locked = write
    try:
        if write:
            from balti_monitor.services.safe_open import open_safely

            open_safely(path, create=create)
        else:
            try:
                open_database(path, create=False, read_only=True)
            except DatabaseError as exc:
                if exc.kind not in ("needs_upgrade", "missing"):
                    raise
                from balti_monitor.services.safe_open import open_safely

                open_safely(path, create=create)  # create or upgrade the file: a write
                locked = True
                set_read_only()
    except DatabaseError as exc:
        from balti_monitor.services.safe_open import open_failure

        raise CommandError(str(open_failure(exc, path))) from exc
    try:
        yield path
    finally:
        if locked:
            from balti_monitor.services.safe_open import close_safely

            close_safely()
        else:
            close_database()


#: The plan chosen with ``--plan CODE`` for the command being run (set by :func:`opened`).
_chosen_plan: list[str | None] = [None]


def chosen_plan_code(args: argparse.Namespace) -> str | None:
    """The code given with ``--plan`` (a global option: every command accepts it), or None."""
    code = getattr(args, "plan", None)
    return code if isinstance(code, str) and code.strip() else None


def server_url(args: argparse.Namespace) -> str | None:
    """``--db`` when it names a PostgreSQL server (``postgresql://…``), else None."""
    return str(args.db) if is_server_url(args.db) else None


class ServerTarget(type(Path())):  # type: ignore[misc]
    """What :func:`opened` yields for a server: printed (and named) as its URL without the password."""

    shown = ""

    def __str__(self) -> str:
        return self.shown

    @property
    def name(self) -> str:
        return self.shown


@contextmanager
def _opened_server(args: argparse.Namespace, *, create: bool, write: bool) -> Iterator[Path]:
    """:func:`opened` on a server: no file lock (the server serialises the writers) and no automatic file
    backup (backups of a server are its administrator's, or ``backup --out`` as a SQLite file); a command
    that does not write gets a read-only session."""
    from balti_monitor.db.pg_driver import display_url
    from balti_monitor.db.postgres import open_server

    url = str(args.db)
    try:
        open_server(url, create=create and write, read_only=not write)
    except DatabaseError as exc:
        if exc.kind not in ("empty", "needs_upgrade") or write:
            raise CommandError(str(exc)) from exc
        try:  # an empty database gets the schema, an older one its migrations (a write), then it reads
            open_server(url, create=create)
        except DatabaseError as again:
            raise CommandError(str(again)) from again
        set_read_only()
    target = ServerTarget(display_url(url).replace("/", "_"))
    target.shown = display_url(url)
    try:
        yield target
    finally:
        close_database()


def default_plan() -> Plan:
    """The plan the command works on: the one named with ``--plan CODE``, else the file's only plan (the
    bundled one, installed on first use by a writing command). Several plans and no ``--plan``, or an
    unknown code, is a :class:`CommandError` listing the plans of the file."""
    from balti_monitor.services.errors import ServiceError
    from balti_monitor.services.plans import select_plan

    if not Plan.select().exists():
        if is_read_only():
            raise CommandError(_("Fișierul nu conține niciun plan; creați-l cu „balti-monitor init”."))
        from balti_monitor.services.bundled import ensure_bundled_plan

        ensure_bundled_plan()
    try:
        chosen = select_plan(_chosen_plan[0])
    except ServiceError as exc:
        raise CommandError(str(exc)) from exc
    plan: Plan = Plan.get_by_id(chosen.id)
    return plan


def period_arg(plan: Plan, code: str) -> Period:
    """The period named on the command line."""
    return find_period(plan, parse_period_code(code))


def fail(message: str, code: int = 2) -> int:
    """Print a Romanian error (control characters made visible) and return the exit code."""
    sys.stderr.write(_("Eroare: {message}\n").format(message=terminal_safe(message)))
    return code


def terminal_safe(text: str) -> str:
    """``text`` with every control character but the line feed shown as ``[U+001B]``: nothing a file or a
    user typed can move the cursor, recolour or clear the terminal when a message is printed."""
    return _CONTROL.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: How many times a command is run when a server refuses it for a serialisation failure or a deadlock.
COMMAND_ATTEMPTS = 5


def _retried(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run the command; on a server, run it whole again when the server refused its transaction for a
    serialisation failure or a deadlock (SQLSTATE 40001 / 40P01, another person's write in between). The
    refused attempt was rolled back entirely and the command closed the database (:func:`opened`), so the
    next attempt starts afresh on the new data: nothing is ever half-applied. A file never raises these."""
    for attempt in range(1, COMMAND_ATTEMPTS + 1):
        try:
            return func(args)
        except Exception as exc:
            if attempt == COMMAND_ATTEMPTS or not _refused_for_concurrency(exc):
                raise
            time.sleep(0.02 * attempt * attempt)
    raise AssertionError("unreachable")


def _refused_for_concurrency(exc: BaseException) -> bool:
    from balti_monitor.db.pg_driver import retryable  # only after a failure: keeps start-up light

    return retryable(exc)


def run_guarded(func: object) -> object:
    """Decorator: turn any refusal (:class:`BaltiMonitorError`: a command, service, database, import or
    export error) into its Romanian message and exit code 2. Every subcommand runs through it."""
    import functools

    assert callable(func)

    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            result: int = _retried(func, args)
            return result
        except BaltiMonitorError as exc:
            return fail(str(exc))
        except pw.OperationalError as exc:
            if "readonly" not in str(exc):
                raise
            return fail(
                _(
                    "Comanda a încercat să modifice un fișier deschis doar pentru citire (fără blocare și fără copie automată); nu s-a modificat nimic."
                )
            )

    return wrapper

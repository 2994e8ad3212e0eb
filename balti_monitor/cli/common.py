"""Helpers shared by the sub-commands: opening the database, printing errors, resolving periods."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from balti_monitor.db.connection import DatabaseError, close_database, open_database
from balti_monitor.db.models import Period, Plan
from balti_monitor.resources import default_database_path
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import find_period, parse_period_code

# Imported where used, not here (start-up time of the read-only commands): services.safe_open (lock and
# automatic backup, for the commands that write) and services.bundled (installing the plan on first use).


class CommandError(Exception):
    """A command that cannot go on; the message is printed as is."""


def database_path(args: argparse.Namespace) -> Path:
    """``--db`` or the default file in the user's data folder."""
    return Path(args.db) if args.db else default_database_path()


@contextmanager
def opened(args: argparse.Namespace, *, create: bool = True, write: bool = False) -> Iterator[Path]:
    """Open the database for one command and always close it (leaving one self-contained file).

    Commands that change data (``write``) take the single-writer lock and make the automatic backup on
    open, like the application does; read-only commands just open the file.
    """
    path = database_path(args)
    if not create and not path.exists():
        raise CommandError(f"Fișierul „{path}” nu există.")
    try:
        if write:
            from balti_monitor.services.safe_open import open_safely

            open_safely(path, create=create)
        else:
            open_database(path, create=create)
    except DatabaseError as exc:
        from balti_monitor.services.safe_open import open_failure

        raise CommandError(str(open_failure(exc, path))) from exc
    try:
        yield path
    finally:
        if write:
            from balti_monitor.services.safe_open import close_safely

            close_safely()
        else:
            close_database()


def default_plan() -> Plan:
    """The plan the commands work on (the bundled one, installed on first use)."""
    plan: Plan | None = Plan.select().order_by(Plan.id).first()
    if plan is None:
        from balti_monitor.services.bundled import ensure_bundled_plan

        plan, _ = ensure_bundled_plan()
    return plan


def period_arg(plan: Plan, code: str) -> Period:
    """The period named on the command line."""
    return find_period(plan, parse_period_code(code))


def fail(message: str, code: int = 2) -> int:
    """Print a Romanian error and return the exit code."""
    sys.stderr.write(f"Eroare: {message}\n")
    return code


def run_guarded(func: object) -> object:
    """Decorator: turn CommandError/ServiceError into a message and exit code 2."""
    import functools

    assert callable(func)

    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            result: int = func(args)
            return result
        except (CommandError, ServiceError) as exc:
            return fail(str(exc))

    return wrapper

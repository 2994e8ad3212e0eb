"""Helpers shared by the data-safety modules (:mod:`~balti_monitor.services.backup`,
:mod:`~balti_monitor.services.file_report`, :mod:`~balti_monitor.services.restore`,
:mod:`~balti_monitor.services.safe_open`): the open database's path and sqlite3 connection, read-only
connections to other files, and removing and naming files. Internal to the services package.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from balti_monitor.db.models import ALL_MODELS, database
from balti_monitor.services.errors import ServiceError

#: Model name -> table name, for the raw SQL that reads files of this version.
TABLES: dict[str, str] = {model.__name__: model._meta.table_name for model in ALL_MODELS}


def require_open() -> Path:
    """The path of the open database; :class:`ServiceError` when none is open."""
    if database.is_closed() or not database.database:
        raise ServiceError("Nicio bază de date nu este deschisă.")
    return Path(str(database.database))


def raw_connection() -> sqlite3.Connection:
    """The open database's sqlite3 connection (peewee's stub leaves ``connection()`` untyped)."""
    conn: sqlite3.Connection = database.connection()  # type: ignore[no-untyped-call]
    return conn


def require_no_transaction() -> None:
    """Refuse (:class:`ServiceError`) while a transaction of the open database is in progress."""
    if database.in_transaction() or getattr(
        raw_connection(), "in_transaction", False
    ):  # no such flag on a server
        raise ServiceError("O altă operație cu datele este în curs; încercați din nou după ce se termină.")


def ro_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection: nothing can be written to the file through it."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def remove_file(path: Path) -> None:
    """Delete ``path`` and its rollback journal if present; errors are ignored."""
    for leftover in (path, Path(str(path) + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def unique_path(path: Path) -> Path:
    """``path``, or ``<stem>-2<suffix>``, ``-3``, ... when it already exists."""
    if not path.exists():
        return path
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise ServiceError(f"Prea multe fișiere cu numele „{path.name}” în dosarul „{path.parent}”.")

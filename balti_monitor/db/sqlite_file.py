"""The mechanics of a SQLite file, without policy: typed ``execute_sql``, the pragmas every connection to
the file gets, the header values read through SQLite, and a consistent copy through SQLite's backup API.

Apart because the opening (:mod:`~balti_monitor.db.connection`), the checks
(:mod:`~balti_monitor.db.integrity`), the migrations and their runner (:mod:`~balti_monitor.db.migrations`)
and the services' backups all use them, and none of them is the owner. The journal mode is DELETE (not
WAL): the specialist e-mails the ``.sqlite`` file, so the file alone must hold everything whenever the
program is not in the middle of a write. ``synchronous=FULL`` makes every committed edit durable.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import peewee as pw

from balti_monitor.db.errors import DatabaseError
from balti_monitor.i18n import _


def execute(db: pw.SqliteDatabase, sql: str) -> Any:
    """``db.execute_sql`` with a type (peewee's stub leaves it untyped)."""
    return db.execute_sql(sql)  # type: ignore[no-untyped-call]


def apply_pragmas(db: pw.SqliteDatabase) -> None:
    """The pragmas of every connection to the file: foreign keys, DELETE journal, FULL sync, busy wait."""
    execute(db, "PRAGMA foreign_keys=ON")
    execute(db, "PRAGMA journal_mode=DELETE")
    execute(db, "PRAGMA synchronous=FULL")
    execute(db, "PRAGMA busy_timeout=5000")


def raw_connection(db: pw.SqliteDatabase) -> sqlite3.Connection:
    """The ``sqlite3`` connection under ``db`` (typed)."""
    conn: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    return conn


def user_version(db: pw.SqliteDatabase) -> int:
    """``PRAGMA user_version``: the schema version stored in the file (0 in a new one)."""
    row = execute(db, "PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def application_id(db: pw.SqliteDatabase) -> int:
    """``PRAGMA application_id``: which program's file this is (0 when none said)."""
    row = execute(db, "PRAGMA application_id").fetchone()
    return int(row[0]) if row else 0


def table_names(db: pw.SqliteDatabase) -> set[str]:
    """The names of the file's tables."""
    rows = execute(db, "SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return {str(r[0]) for r in rows}


def backup_copy(source: Path, dest: Path) -> Path:
    """A consistent single-file copy of ``source`` through SQLite's backup API (never a file copy)."""
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            ok = dst.execute("PRAGMA integrity_check").fetchone()
            if not ok or ok[0] != "ok":
                raise DatabaseError(
                    _("Copia de rezervă nu a trecut verificarea integrității: {ok}").format(ok=ok)
                )
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(dest)
    return dest

"""Opening and closing the SQLite file: pragmas, schema version, migrations, a self-contained file.

The journal mode is DELETE (not WAL): the specialist e-mails the ``.sqlite`` file, so the file alone must
hold everything whenever the program is not in the middle of a write. ``synchronous=FULL`` makes every
committed edit durable.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import peewee as pw

from balti_monitor.db.models import ALL_MODELS, database

SCHEMA_VERSION = 1
APPLICATION_ID = 0x42544D4E  # "BTMN": marks the file as ours (PRAGMA application_id)

Migration = Callable[[pw.SqliteDatabase], None]
#: MIGRATIONS[n] upgrades a file from schema version n+1 to n+2. Each runs in one transaction.
MIGRATIONS: list[Migration] = []


class DatabaseError(Exception):
    """A database file that cannot be opened as ours; the message is Romanian and says why."""


def _sql(db: pw.SqliteDatabase, sql: str) -> Any:
    """``db.execute_sql`` with a type (peewee's stub leaves it untyped)."""
    return db.execute_sql(sql)  # type: ignore[no-untyped-call]


def _pragmas(db: pw.SqliteDatabase) -> None:
    _sql(db, "PRAGMA foreign_keys=ON")
    _sql(db, "PRAGMA journal_mode=DELETE")
    _sql(db, "PRAGMA synchronous=FULL")
    _sql(db, "PRAGMA busy_timeout=5000")


def _user_version(db: pw.SqliteDatabase) -> int:
    row = _sql(db, "PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def _application_id(db: pw.SqliteDatabase) -> int:
    row = _sql(db, "PRAGMA application_id").fetchone()
    return int(row[0]) if row else 0


def _table_names(db: pw.SqliteDatabase) -> set[str]:
    rows = _sql(db, "SELECT name FROM sqlite_master WHERE type='table'").fetchall()
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
                raise DatabaseError(f"Copia de rezervă nu a trecut verificarea integrității: {ok}")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(dest)
    return dest


def open_database(
    path: Path | str, *, create: bool = True, backup_dir: Path | None = None
) -> pw.SqliteDatabase:
    """Open (or create) the database file and bring its schema up to date.

    A file that is not SQLite, belongs to another program or comes from a newer version is refused with a
    :class:`DatabaseError` and is not modified. Before a migration, a backup copy is written next to the
    file (or into ``backup_dir``).
    """
    path = Path(path)
    if not path.exists() and not create:
        raise DatabaseError(f"Fișierul „{path}” nu există.")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise DatabaseError(
                    f"Fișierul „{path.name}” nu este o bază de date Bălți Monitor (nu este SQLite)."
                )
    if not database.is_closed():
        database.close()
    database.init(str(path))
    try:
        database.connect()
        _pragmas(database)
        _ensure_schema(database, path, backup_dir)
    except sqlite3.DatabaseError as exc:
        database.close()
        raise DatabaseError(f"Fișierul „{path.name}” este deteriorat sau nu poate fi citit: {exc}") from exc
    except pw.DatabaseError as exc:
        database.close()
        raise DatabaseError(f"Fișierul „{path.name}” este deteriorat sau nu poate fi citit: {exc}") from exc
    except DatabaseError:
        database.close()
        raise
    return database


def _ensure_schema(db: pw.SqliteDatabase, path: Path, backup_dir: Path | None) -> None:
    version = _user_version(db)
    tables = _table_names(db)
    if version == 0:
        if tables:
            raise DatabaseError(
                f"Fișierul „{path.name}” conține o bază de date a altui program; nu a fost modificat."
            )
        with db.atomic():
            db.create_tables(ALL_MODELS)
            _sql(db, f"PRAGMA application_id={APPLICATION_ID}")
            _sql(db, f"PRAGMA user_version={SCHEMA_VERSION}")
        return
    if _application_id(db) != APPLICATION_ID:
        raise DatabaseError(
            f"Fișierul „{path.name}” conține o bază de date a altui program; nu a fost modificat."
        )
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"Fișierul „{path.name}” a fost creat de o versiune mai nouă a programului (schema {version}, "
            f"această versiune cunoaște schema {SCHEMA_VERSION}). Actualizați Bălți Monitor."
        )
    if version < SCHEMA_VERSION:
        target = (backup_dir or path.parent) / f"{path.stem}-inainte-de-migrare-v{version}.sqlite"
        db.close()
        backup_copy(path, target)
        db.connect()
        _pragmas(db)
        for step in range(version, SCHEMA_VERSION):
            with db.atomic():
                MIGRATIONS[step - 1](db)
                _sql(db, f"PRAGMA user_version={step + 1}")


def schema_version(db: pw.SqliteDatabase) -> int:
    """The schema version stored in the open file."""
    return _user_version(db)


def close_database() -> None:
    """Close the database; with DELETE journaling the file alone then holds all data."""
    if not database.is_closed():
        database.close()

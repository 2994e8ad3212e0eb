"""Opening and closing the database: the engine chosen by the path, a new file, an existing one checked and
brought up to date, read-only connections.

Opening is careful about the file it is given: an existing file is checked before SQLite writes anything to
it (its header, :mod:`balti_monitor.db.file_header`), then with ``PRAGMA quick_check``, against the exact
schema of its version and with ``PRAGMA foreign_key_check`` (:mod:`balti_monitor.db.integrity`). Every
refusal is a :class:`~balti_monitor.db.errors.DatabaseError` with a Romanian message and leaves the file as
it was, with nothing written beside it (the migration backup, :func:`balti_monitor.db.migrations.upgrade`,
is made only after every check passed). ``read_only`` opens for reading only (``PRAGMA query_only``): the
command line's one write path (``cli.common.opened``) gives every command that does not declare itself a
writer such a connection. A new file is built under a temporary name and renamed into place only once its
schema is committed, so an interruption never leaves a zero-length or half-made file at the chosen path -
which is why a zero-length file found there is refused rather than silently turned into an empty database.
The pragmas and the backup copy are in :mod:`balti_monitor.db.sqlite_file`; a ``postgresql://`` address is
handed to :mod:`balti_monitor.db.postgres`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import peewee as pw

from balti_monitor.db import migrations
from balti_monitor.db.audit import create_audit_triggers
from balti_monitor.db.errors import UNCHANGED, DatabaseError
from balti_monitor.db.file_header import APPLICATION_ID, foreign_file_error, newer_file_error, read_header
from balti_monitor.db.integrity import check_file
from balti_monitor.db.models import ALL_MODELS, database, is_postgresql
from balti_monitor.db.search_index import create_search_index
from balti_monitor.db.sqlite_file import application_id, apply_pragmas, table_names, user_version
from balti_monitor.db.sqlite_file import execute as _sql
from balti_monitor.i18n import _


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    backup_dir: Path | None = None,
    read_only: bool = False,
    full_check: bool = True,
) -> pw.SqliteDatabase:
    """Open (or create) the database file and bring its schema up to date.

    A file that is empty, not SQLite, truncated, damaged, belongs to another program, comes from a newer
    version, or whose schema is not exactly the schema of its version is refused with a
    :class:`DatabaseError` and is not modified. Before a migration, a backup copy is written next to the
    file (or into ``backup_dir``). A missing file is created only with ``create``.

    ``read_only`` opens the file for reading only (``PRAGMA query_only``): any write through it fails, and
    a file that would need a migration is refused with kind ``"needs_upgrade"`` (writing is the business of
    :func:`balti_monitor.services.safe_open.open_safely`, which takes the lock and makes a backup first).
    Without ``full_check`` only the schema and the plan tables are checked
    (:func:`~balti_monitor.db.integrity.fixed_size_check_problems`, a cost that does not grow with history):
    the caller checks the whole file soon after (the GUI, once its window is painted).
    """
    if str(path) == ":memory:":
        return _open_checked(Path(":memory:"), backup_dir, in_memory=True)
    if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
        from balti_monitor.db.postgres import open_server

        open_server(path, create=create, read_only=read_only)  # no file, no lock: the server's own checks
        return database
    path = Path(path)
    if not path.exists():
        if not create or read_only:
            raise DatabaseError(_("Fișierul „{path}” nu există.").format(path=path), "missing")
        _create_file(path)
    else:
        read_header(path)
    return _open_checked(path, backup_dir, read_only=read_only, full_check=full_check)


def _open_checked(
    path: Path,
    backup_dir: Path | None,
    *,
    in_memory: bool = False,
    read_only: bool = False,
    full_check: bool = True,
) -> pw.SqliteDatabase:
    if not database.is_closed():
        database.close()
    database.init(str(path))
    try:
        database.connect()
        apply_pragmas(database)
        _ensure_schema(
            database, path, backup_dir, check=not in_memory, read_only=read_only, full_check=full_check
        )
        if read_only:
            _sql(database, "PRAGMA query_only=ON")
    except sqlite3.DatabaseError as exc:
        database.close()
        raise _unreadable(path, exc) from exc
    except pw.DatabaseError as exc:
        database.close()
        raise _unreadable(path, exc) from exc
    except DatabaseError:
        database.close()
        raise
    return database


def _unreadable(path: Path, exc: Exception) -> DatabaseError:
    return DatabaseError(
        _("Fișierul „{name}” este deteriorat sau nu poate fi citit: {exc}. {UNCHANGED}").format(
            name=path.name, exc=exc, UNCHANGED=_(UNCHANGED)
        ),
        "damaged",
    )


def _create_file(path: Path) -> None:
    """Build a new database under a temporary name and rename it into place once its schema is committed."""
    if not path.parent.is_dir():
        raise DatabaseError(
            _("Dosarul „{parent}” nu există; fișierul „{name}” nu poate fi creat.").format(
                parent=path.parent, name=path.name
            ),
            "missing",
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.nou")
    _remove_quietly(tmp)
    if not database.is_closed():
        database.close()
    database.init(str(tmp))
    try:
        database.connect()
        apply_pragmas(database)
        _ensure_schema(database, tmp, None, check=False)
        database.close()
        if path.exists():
            raise DatabaseError(
                _("Fișierul „{name}” a apărut între timp; încercați din nou.").format(name=path.name), ""
            )
        os.replace(tmp, path)
        _sync_directory(path.parent)
    except (sqlite3.DatabaseError, pw.DatabaseError, OSError) as exc:
        raise DatabaseError(
            _("Fișierul „{path}” nu poate fi creat: {exc}").format(path=path, exc=exc), "unreadable"
        ) from exc
    finally:
        if not database.is_closed():
            database.close()
        _remove_quietly(tmp)


def _remove_quietly(path: Path) -> None:
    for leftover in (path, Path(str(path) + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def _sync_directory(folder: Path) -> None:
    """Make a rename durable (POSIX only; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _ensure_schema(
    db: pw.SqliteDatabase,
    path: Path,
    backup_dir: Path | None,
    *,
    check: bool = True,
    read_only: bool = False,
    full_check: bool = True,
) -> None:
    """Give the open file ``db`` at ``path`` the current schema: a new file its whole schema, an existing one
    checked (with ``check``) and migrated (:func:`balti_monitor.db.migrations.upgrade`, backup first);
    refuse (:class:`DatabaseError`) a foreign, newer, negative-version or damaged file, or, ``read_only``,
    an empty or older one."""
    version = user_version(db)
    tables = table_names(db)
    app_id = application_id(db)
    if version == 0:
        if tables or app_id not in (0, APPLICATION_ID):
            raise foreign_file_error(path)
        if read_only:
            raise DatabaseError(
                _("Fișierul „{name}” nu conține nicio bază de date. {UNCHANGED}").format(
                    name=path.name, UNCHANGED=_(UNCHANGED)
                ),
                "empty",
            )
        with db.atomic():
            db.create_tables(ALL_MODELS)
            create_search_index(db)
            create_audit_triggers(db)
            _sql(db, f"PRAGMA application_id={APPLICATION_ID}")
            _sql(db, f"PRAGMA user_version={migrations.SCHEMA_VERSION}")
        return
    if app_id != APPLICATION_ID:
        raise foreign_file_error(path)
    if version > migrations.SCHEMA_VERSION:
        raise newer_file_error(path, version)
    if version < 0:
        raise DatabaseError(
            _(
                "Fișierul „{name}” este deteriorat: versiunea structurii ({version}) nu poate exista. {UNCHANGED}"
            ).format(name=path.name, version=version, UNCHANGED=_(UNCHANGED)),
            "damaged",
        )
    if check:
        check_file(db, path, version, full_check=full_check)
    if version < migrations.SCHEMA_VERSION and read_only:
        raise DatabaseError(
            _(
                "Fișierul „{name}” are structura versiunii {version} și trebuie actualizat înainte de folosire; deschideți-l pentru scriere. {UNCHANGED}"
            ).format(name=path.name, version=version, UNCHANGED=_(UNCHANGED)),
            "needs_upgrade",
        )
    if version < migrations.SCHEMA_VERSION:
        migrations.upgrade(db, path, backup_dir, version)


def set_read_only() -> None:
    """From now on the open database refuses every write (``PRAGMA query_only``; on a server the session's
    ``default_transaction_read_only``)."""
    if is_postgresql():
        _sql(database, "SET default_transaction_read_only = on")
        return
    _sql(database, "PRAGMA query_only=ON")


@contextlib.contextmanager
def copying_out() -> Iterator[None]:
    """Lift ``query_only`` for a statement that writes only *another* file (``VACUUM INTO``)."""
    was = not is_postgresql() and is_read_only()
    if was:
        _sql(database, "PRAGMA query_only=OFF")
    try:
        yield
    finally:
        if was:
            _sql(database, "PRAGMA query_only=ON")


def is_read_only() -> bool:
    """Whether the open database refuses writes (opened with ``read_only``)."""
    if is_postgresql():
        row = _sql(database, "SHOW default_transaction_read_only").fetchone()
        return bool(row and row[0] == "on")
    row = _sql(database, "PRAGMA query_only").fetchone()
    return bool(row and row[0])


def schema_version(db: pw.SqliteDatabase) -> int:
    """The schema version stored in the open file (or server)."""
    if is_postgresql():
        from balti_monitor.db.postgres import server_version

        return server_version(db)
    return user_version(db)


def close_database() -> None:
    """Close the database; with DELETE journaling the file alone then holds all data."""
    if not database.is_closed():
        database.close()

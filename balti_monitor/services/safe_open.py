"""Opening and closing a database safely: single-writer lock, checks and migrations, then an automatic backup.

When a file cannot be opened (missing, empty, truncated, damaged, foreign or newer), the Romanian message
offers the newest automatic backup, and :func:`recover_from_backup` copies it to a new file beside the
damaged one, which is never touched. Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.integrity import describe_problems
from balti_monitor.db.sqlite_file import backup_copy
from balti_monitor.db.urls import is_server_url
from balti_monitor.i18n import _
from balti_monitor.resources import user_data_dir
from balti_monitor.services._sqlite_files import remove_file, ro_connect, unique_path
from balti_monitor.services.backup import (
    AutoBackup,
    auto_backup,
    auto_backup_dir,
    auto_backup_file,
    newest_auto_backup,
)
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.file_report import verify_file
from balti_monitor.services.lock import DatabaseLock, LockInfo
from balti_monitor.services.storage_errors import copy_errors


@dataclass
class OpenResult:
    """A database opened through :func:`open_safely`."""

    path: Path
    lock: DatabaseLock
    auto_backup: Path | None
    warning: str | None = None  # e.g. the automatic backup could not be written (opening still worked)
    recovered_lock: LockInfo | None = None  # a stale lock of a crashed instance that was taken over


class FileOpenError(DatabaseError):
    """Opening failed; the message says what is wrong and offers the newest automatic backup.

    ``detail`` is the bare reason, ``backup`` the offered copy (or None), ``kind`` as in DatabaseError.
    """

    def __init__(self, message: str, kind: str, detail: str, backup: AutoBackup | None) -> None:
        super().__init__(message, kind)
        self.detail = detail
        self.backup = backup


_session: OpenResult | None = None


def open_safely(path: Path | str, *, create: bool = True, deferred: bool = False) -> OpenResult:
    """Open a database for editing: single-writer lock, checks, migrations, then an automatic backup.

    Raises :class:`ServiceError` when another instance has the file open, and :class:`FileOpenError` (a
    :class:`DatabaseError`) when the file is missing, empty, truncated, damaged, foreign or newer: its
    message says what is wrong and offers the newest automatic backup (also in ``.backup``). The refused
    file is not modified. A failed automatic backup does not stop the opening; it is reported in
    ``warning``. With ``deferred`` the opening costs the same at 1 or 20 years of data: only the schema
    and the plan tables are checked and no backup is made here; the caller checks the whole file and makes
    the backup soon after (the GUI, once its window is painted, with :func:`check_and_back_up` on a worker
    thread). The previous database opened this way is closed first.
    """
    global _session
    if is_server_url(path):
        return _open_server(str(path), create=create)
    path = Path(path)
    if _session is not None and _session.path.resolve() != path.resolve():
        close_safely()
    if not path.parent.is_dir():
        raise open_failure(
            DatabaseError(_("Dosarul „{parent}” nu există.").format(parent=path.parent), "missing"), path
        )
    if not path.exists() and not create:
        raise open_failure(
            DatabaseError(_("Fișierul „{path}” nu există.").format(path=path), "missing"), path
        )
    lock = _session.lock if _session is not None else DatabaseLock(path)
    lock.acquire()
    _session = None
    try:
        folder = auto_backup_dir(path)
        folder.mkdir(parents=True, exist_ok=True)
        open_database(path, create=create, backup_dir=folder, full_check=not deferred)
    except DatabaseError as exc:
        lock.release()
        raise open_failure(exc, path) from exc
    except BaseException:
        lock.release()
        close_database()
        raise
    warnings = []
    if not os.access(path, os.W_OK):
        warnings.append(
            _(
                "Fișierul „{name}” este doar pentru citire: modificările nu vor putea fi salvate. Salvați o copie într-un dosar al dumneavoastră (Fișier → Creează copie de rezervă) și deschideți copia."
            ).format(name=path.name)
        )
    copy: Path | None = None
    try:
        copy = None if deferred else auto_backup("deschidere")
    except ServiceError as exc:
        warnings.append(no_backup_warning(exc))
    warning = " ".join(warnings) or None
    _session = OpenResult(
        path=path, lock=lock, auto_backup=copy, warning=warning, recovered_lock=lock.recovered
    )
    return _session


def _open_server(url: str, *, create: bool) -> OpenResult:
    """:func:`open_safely` of a PostgreSQL server: no file lock (the server serialises the writers; its
    ``lock`` is never taken) and no automatic copy on opening (a server's backups are ``backup`` as a
    SQLite file, and the automatic copy made before an import or a restore); the server's own checks."""
    global _session
    close_safely()
    open_database(url, create=create)  # a refusal is a ServerError (a DatabaseError) with a Romanian message
    from balti_monitor.db.pg_driver import display_url  # the server's code, only for a server

    _session = OpenResult(path=Path(display_url(url)), lock=DatabaseLock(Path(os.devnull)), auto_backup=None)
    return _session


def no_backup_warning(exc: ServiceError) -> str:
    """The warning shown when the automatic backup on opening failed (the file is open all the same)."""
    return _("{exc} Fișierul a fost deschis, dar fără copie automată.").format(exc=exc)


class DamagedAfterOpenError(ServiceError):
    """The check of the whole file made after a deferred opening found damage (the message says what)."""


def check_and_back_up(path: Path | str) -> Path | None:
    """What a deferred :func:`open_safely` leaves for later, on a connection of its own (a worker thread):
    the integrity check of the whole file, then the automatic backup (never of a damaged file, which would
    push good copies out of the rotation).

    Raises :class:`DamagedAfterOpenError` when the file is damaged (the caller should close it and open it
    again normally, which refuses it and offers the newest automatic backup) and :class:`ServiceError` when
    only the backup failed.
    """
    path = Path(path)
    try:
        with contextlib.closing(ro_connect(path)) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
            if rows == ["ok"] and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                rows = [_("legături rupte între tabele")]
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        raise DamagedAfterOpenError(
            _("Fișierul „{name}” este deteriorat: {rows}.").format(
                name=path.name, rows=describe_problems(rows)
            )
        )
    return auto_backup_file(path, "deschidere")


def close_safely() -> None:
    """Close the database opened by :func:`open_safely` and release its lock."""
    global _session
    session, _session = _session, None
    close_database()
    if session is not None:
        session.lock.release()


def open_failure(exc: DatabaseError, path: Path | str) -> FileOpenError:
    """The error to show when ``path`` cannot be opened: the reason plus the newest automatic backup."""
    backup = newest_auto_backup(path)
    detail = str(exc)
    if backup is None:
        offer = _(" Nu există nicio copie automată din care să se poată continua.")
    else:
        whose = (
            _("a acestui fișier")
            if backup.same_source
            else _("(a fișierului „{source_name}”)").format(source_name=backup.source_name)
        )
        offer = _(
            "\n\nCea mai nouă copie automată {whose}: {label}. Puteți continua lucrul cu această copie: ea se copiază ca fișier nou lângă cel cu probleme."
        ).format(whose=whose, label=backup.label())
    return FileOpenError(detail + offer, exc.kind, detail, backup)


def recover_from_backup(backup: Path | str, damaged: Path | str, dest_dir: Path | str | None = None) -> Path:
    """Copy an automatic backup to a new file beside the damaged one (or in ``dest_dir``) and verify it.

    The damaged file is not touched. Returns the new file, for :func:`open_safely`.
    """
    backup, damaged = Path(backup), Path(damaged)
    report = verify_file(backup)
    if not report.ok:
        raise ServiceError(
            _("Copia „{name}” nu poate fi folosită: {problems}").format(
                name=backup.name, problems=" ".join(report.problems)
            )
        )
    folder = Path(dest_dir) if dest_dir is not None else damaged.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        folder = user_data_dir()
    target = unique_path(folder / f"{damaged.stem}-recuperat-{dt.datetime.now():%Y-%m-%d-%H%M}.sqlite")
    with copy_errors(_("Copia recuperată"), target):
        try:
            backup_copy(backup, target)
        except DatabaseError as exc:
            raise ServiceError(str(exc)) from exc
    if not verify_file(target).ok:
        remove_file(target)
        raise ServiceError(_("Copia recuperată „{name}” nu a trecut verificarea.").format(name=target.name))
    return target

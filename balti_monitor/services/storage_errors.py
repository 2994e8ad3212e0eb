"""Romanian messages for storage failures: disk full, no permission, file moved or vanished, damaged file.

:func:`storage_problem` names the failure behind an exception (``OSError``, ``sqlite3`` errors and the
peewee errors wrapping them) in a short Romanian phrase; :func:`guard_write` turns such a failure inside a
write into a :class:`~balti_monitor.services.errors.ServiceError` saying the data stayed as it was, and
:func:`copy_errors` does the same when writing a copy (backup, recovered file). Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import peewee as pw

from balti_monitor.services.errors import ServiceError


def _error_chain(exc: BaseException) -> list[BaseException]:
    """The exception, the sqlite3 error a peewee wrapper carries in ``args[0]``, and their causes/contexts.

    A failed write is often reported twice: SQLite's error (disk full) and then peewee's failed rollback
    ("cannot rollback - no transaction is active"); the first one is the one the user needs to hear about.
    """
    found: list[BaseException] = []
    pending: list[BaseException] = [exc]
    while pending and len(found) < 20:
        current = pending.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        if current.args and isinstance(current.args[0], BaseException):
            pending.append(current.args[0])
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                pending.append(linked)
    return found


def _classify(error: BaseException) -> str | None:
    if isinstance(error, OSError):
        code = error.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "discul este plin"
        if code == errno.EFBIG:
            return "fișierul a depășit dimensiunea permisă pe acel disc"
        if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "nu există drept de acces în acel loc (fișier sau dosar protejat, ori doar pentru citire)"
        if isinstance(error, FileNotFoundError | NotADirectoryError):
            return "fișierul sau dosarul nu mai există (a fost mutat, șters sau unitatea a fost deconectată)"
        return f"eroare a sistemului de fișiere ({error.strerror or error})"
    if type(error).__module__.startswith("psycopg"):
        return _server_problem(error)
    if not isinstance(error, sqlite3.Error):
        return None
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name == "SQLITE_READONLY_DBMOVED":
        return (
            "fișierul bazei de date a fost mutat sau șters cât timp era deschis (sau unitatea pe care se află a "
            "fost deconectată)"
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "discul este plin"
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly" in text:
        return "nu există drept de scriere în fișierul bazei de date sau în dosarul lui"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return "fișierul nu poate fi creat sau deschis acolo (dosar inexistent sau fără drept de scriere)"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return "baza de date este ocupată de alt program"
    if name in (
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
        "SQLITE_IOERR_DIR_FSYNC",
    ):
        return "scrierea pe disc a eșuat (discul poate fi plin, scos sau defect)"
    if name.startswith("SQLITE_IOERR") or "i/o error" in text:
        return "eroare de citire/scriere pe disc (discul poate fi plin, scos sau defect)"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return "fișierul bazei de date este deteriorat"
    return None


#: SQLSTATE (or its class, two characters) of a PostgreSQL server -> Romanian phrase.
_SERVER_STATES = {
    "08": "legătura cu serverul bazei de date s-a întrerupt (rețea, server oprit sau repornit)",
    "57": "serverul bazei de date a oprit operația (server oprit, repornit sau operație anulată)",
    "53": "serverul bazei de date nu mai are resurse (disc plin sau memorie insuficientă)",
    "25006": "sesiunea de lucru cu serverul este doar pentru citire",
    "42501": "utilizatorul conectat nu are dreptul să facă această modificare pe server",
    "40001": "alt utilizator a modificat aceleași date în același timp; încercați din nou",
    "40P01": "alt utilizator a modificat aceleași date în același timp; încercați din nou",
}


def _server_problem(error: BaseException) -> str | None:
    state = str(getattr(error, "sqlstate", "") or "")
    found = _SERVER_STATES.get(state) or _SERVER_STATES.get(state[:2])
    if found is None and type(error).__name__ in ("OperationalError", "InterfaceError") and not state:
        return _SERVER_STATES["08"]  # no state: the connection itself failed
    return found


def storage_problem(exc: BaseException) -> str | None:
    """A Romanian phrase for a storage failure (disk full, no permission, file vanished), or None."""
    for error in _error_chain(exc):
        problem = _classify(error)
        if problem is not None:
            return problem
    return None


@contextlib.contextmanager
def guard_write(what: str) -> Iterator[None]:
    """Turn a storage failure inside the block into a Romanian :class:`ServiceError`.

    Use around a service call that writes (``with guard_write("Salvarea celulei"): set_cell(...)``). Every
    write is one SQLite transaction, so a failure leaves the data as before, and the message says so.
    """
    try:
        yield
    except (sqlite3.Error, pw.DatabaseError, pw.InterfaceError, OSError) as exc:
        from balti_monitor.services import audit

        if audit.signed_period_of(exc):  # the lock of a signed period refused the write
            raise audit.signed_refusal() from exc
        problem = storage_problem(exc) or f"eroare neașteptată a bazei de date ({exc})"
        raise ServiceError(f"{what} nu a reușit: {problem}. Datele au rămas cum erau înainte.") from exc


@contextlib.contextmanager
def copy_errors(what: str, target: Path) -> Iterator[None]:
    """Turn a storage failure while writing the copy ``target`` into a Romanian :class:`ServiceError`."""
    try:
        yield
    except (sqlite3.Error, pw.DatabaseError, OSError) as exc:
        problem = storage_problem(exc) or f"eroare neașteptată ({exc})"
        raise ServiceError(f"{what} „{target.name}” nu a putut fi scrisă: {problem}.") from exc

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

from balti_monitor.i18n import N_, _
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
            return _("discul este plin")
        if code == errno.EFBIG:
            return _("fișierul a depășit dimensiunea permisă pe acel disc")
        if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return _(
                "nu există drept de acces în acel loc (fișier sau dosar protejat, ori doar pentru citire)"
            )
        if isinstance(error, FileNotFoundError | NotADirectoryError):
            return _(
                "fișierul sau dosarul nu mai există (a fost mutat, șters sau unitatea a fost deconectată)"
            )
        return _("eroare a sistemului de fișiere ({value})").format(value=error.strerror or error)
    if type(error).__module__.startswith("psycopg"):
        return _server_problem(error)
    if not isinstance(error, sqlite3.Error):
        return None
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name == "SQLITE_READONLY_DBMOVED":
        return _(
            "fișierul bazei de date a fost mutat sau șters cât timp era deschis (sau unitatea pe care se află a fost deconectată)"
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return _("discul este plin")
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly" in text:
        return _("nu există drept de scriere în fișierul bazei de date sau în dosarul lui")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return _("fișierul nu poate fi creat sau deschis acolo (dosar inexistent sau fără drept de scriere)")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return _("baza de date este ocupată de alt program")
    if name in (
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
        "SQLITE_IOERR_DIR_FSYNC",
    ):
        return _("scrierea pe disc a eșuat (discul poate fi plin, scos sau defect)")
    if name.startswith("SQLITE_IOERR") or "i/o error" in text:
        return _("eroare de citire/scriere pe disc (discul poate fi plin, scos sau defect)")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return _("fișierul bazei de date este deteriorat")
    return None


#: SQLSTATE (or its class, two characters) of a PostgreSQL server -> Romanian phrase (translated where it is
#: returned).
_SERVER_STATES = {
    "08": N_("legătura cu serverul bazei de date s-a întrerupt (rețea, server oprit sau repornit)"),
    "57": N_("serverul bazei de date a oprit operația (server oprit, repornit sau operație anulată)"),
    "53": N_("serverul bazei de date nu mai are resurse (disc plin sau memorie insuficientă)"),
    "25006": N_("sesiunea de lucru cu serverul este doar pentru citire"),
    "42501": N_("utilizatorul conectat nu are dreptul să facă această modificare pe server"),
    "40001": N_("alt utilizator a modificat aceleași date în același timp; încercați din nou"),
    "40P01": N_("alt utilizator a modificat aceleași date în același timp; încercați din nou"),
}


def _server_problem(error: BaseException) -> str | None:
    state = str(getattr(error, "sqlstate", "") or "")
    found = _SERVER_STATES.get(state) or _SERVER_STATES.get(state[:2])
    if found is None and type(error).__name__ in ("OperationalError", "InterfaceError") and not state:
        return _(_SERVER_STATES["08"])  # no state: the connection itself failed
    return None if found is None else _(found)


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
        problem = storage_problem(exc) or _("eroare neașteptată a bazei de date ({exc})").format(exc=exc)
        raise ServiceError(
            _("{what} nu a reușit: {problem}. Datele au rămas cum erau înainte.").format(
                what=what, problem=problem
            )
        ) from exc


@contextlib.contextmanager
def copy_errors(what: str, target: Path) -> Iterator[None]:
    """Turn a storage failure while writing the copy ``target`` into a Romanian :class:`ServiceError`."""
    try:
        yield
    except (sqlite3.Error, pw.DatabaseError, OSError) as exc:
        problem = storage_problem(exc) or _("eroare neașteptată ({exc})").format(exc=exc)
        raise ServiceError(
            _("{what} „{name}” nu a putut fi scrisă: {problem}.").format(
                what=what, name=target.name, problem=problem
            )
        ) from exc

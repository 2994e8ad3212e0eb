"""Connecting to a PostgreSQL server: the driver, the session, the SQL both engines run, the retried
transactions, and the refusals of a server that cannot be used.

**Connection.** ``--db postgresql://user@host:port/dbname`` (or ``postgres://``; ``?host=/run/folder`` for a
Unix socket) opens a :class:`ServerDatabase`: peewee's :class:`~peewee.PostgresqlDatabase` through psycopg 3.
psycopg is imported on the first server connection only (:func:`driver`; peewee is kept from importing it
with itself by ``balti_monitor._keep_database_drivers_out_of_peewee``), so a file never loads it.
The password is never taken from the program's settings: libpq finds it (``PGPASSWORD``, ``~/.pgpass`` /
``%APPDATA%\\postgresql\\pgpass.conf``, a service file with ``service=…``), or it is written in the URL by
whoever typed it. Every transaction is ``REPEATABLE READ``: a write that read a row another person changed
meanwhile fails with a serialisation failure (SQLSTATE 40001) instead of overwriting it, and
:func:`retrying` runs the whole user action again. A read-only session sets
``default_transaction_read_only`` (the server refuses every write). There is no file lock: the server
serialises the writers.

**Raw SQL.** The services write ``?`` placeholders (SQLite's); :meth:`ServerDatabase.execute_sql` turns
them into psycopg's ``%s`` (outside quotes), so the same statement runs on both engines;
:func:`executemany` is the set-based path of both.

Opening a server (schema, version, checks) is :mod:`balti_monitor.db.postgres`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit

import peewee as pw

from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.models import database, is_postgresql
from balti_monitor.i18n import _

#: SQLSTATEs after which the whole transaction is run again: serialisation failure, deadlock.
RETRY_STATES = frozenset({"40001", "40P01"})


class ServerError(DatabaseError):
    """A server that cannot be used (unreachable, refused login, not ours, newer); Romanian message.

    ``kind`` like :class:`balti_monitor.db.errors.DatabaseError`: ``"unreachable"``, ``"login"``,
    ``"foreign"``, ``"newer"``, ``"empty"``, ``"needs_upgrade"``, ``"damaged"``.
    """


def display_url(url: str) -> str:
    """The URL without its password (for messages and titles)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


def _placeholders(sql: str) -> str:
    """SQLite's ``?`` placeholders (outside quotes) as psycopg's ``%s``, and every literal ``%`` doubled."""
    out: list[str] = []
    quote = ""
    for char in sql:
        if char == "%":  # psycopg reads % everywhere, in quotes too
            out.append("%%")
        elif quote:
            out.append(char)
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        else:
            out.append(char)
    return "".join(out)


_QMARK = re.compile(r"\?")


def driver() -> Any:
    """psycopg 3, imported on the first server connection and handed to peewee (which was kept from
    importing it with itself: see ``balti_monitor._keep_database_drivers_out_of_peewee``)."""
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    if getattr(pw, "psycopg", None) is None:
        pw.psycopg = psycopg  # type: ignore[attr-defined]
        pw.TransactionStatus = TransactionStatus  # type: ignore[attr-defined]
        pw.Json_pg3 = Json  # type: ignore[attr-defined]
        pw.Jsonb_pg3 = Jsonb  # type: ignore[attr-defined]
    return psycopg


class ServerDatabase(pw.PostgresqlDatabase):
    """peewee's PostgreSQL database through psycopg 3, with the session settings of the program."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.read_only = read_only
        self.url = url
        # autoconnect (peewee's default): a worker thread gets a connection of its own (peewee keeps one per
        # thread) with the same session settings, as it gets its own SQLite connection to the file
        driver()  # peewee chooses its driver adapter here
        super().__init__(url.replace("postgres://", "postgresql://", 1), prefer_psycopg3=True)

    def _initialize_connection(self, conn: Any) -> None:
        settings = [
            "SET default_transaction_isolation = 'repeatable read'",
            "SET TIME ZONE 'UTC'",
            "SET client_min_messages = warning",
        ]
        if self.read_only:
            settings.append("SET default_transaction_read_only = on")
        with conn.cursor() as cursor:
            for sql in settings:
                cursor.execute(sql)

    def execute_sql(self, sql: str, params: Any = None, commit: Any = None) -> Any:
        """Run ``sql``; a statement written with ``?`` placeholders (the services' raw SQL) is converted."""
        if "%s" not in sql and (_QMARK.search(sql) or (not params and "%" in sql)):
            sql = _placeholders(sql)
        self._reconnect_if_lost()
        return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]

    def _reconnect_if_lost(self) -> None:
        """A connection the server dropped (restart, network) is opened again before the next statement
        outside a transaction; inside one the statement fails (the transaction is lost: the user action
        is refused with a Romanian message, and the next one works)."""
        conn = self._state.conn  # type: ignore[attr-defined]
        if conn is not None and getattr(conn, "closed", False) and not self.in_transaction():
            self._state.reset()  # type: ignore[attr-defined]
            self.connect()


def executemany(sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run ``sql`` (``?`` placeholders) once per row on the open database, in one round trip where the
    engine allows (SQLite's ``executemany``, psycopg's pipelined ``executemany``)."""
    if not rows:
        return
    conn = database.connection()  # type: ignore[no-untyped-call]
    if is_postgresql():
        # peewee's wrapper: a driver error becomes peewee's (IntegrityError, the lock's refusal …)
        with pw.__exception_wrapper__, conn.cursor() as cursor:  # type: ignore[attr-defined]
            cursor.executemany(_placeholders(sql), rows)
    else:
        conn.executemany(sql, rows)


T = TypeVar("T")

#: How many times a user action is run when the server reports a serialisation failure or a deadlock.
ATTEMPTS = 5


def retrying(action: Callable[[], T]) -> T:
    """Run ``action`` (one whole transaction) and, on a server, run it again when the server refused it for
    a serialisation failure or a deadlock (SQLSTATE 40001 / 40P01): the failed attempt was rolled back
    entirely, so nothing is ever half-applied. Inside an outer transaction it runs once (the outer one
    decides). On a file it simply runs."""
    if not is_postgresql() or database.in_transaction():
        return action()
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return action()
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            if attempt == ATTEMPTS or not retryable(exc):
                raise
            time.sleep(0.01 * attempt * attempt)
    raise AssertionError("unreachable")


def retryable(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) is a serialisation failure or a deadlock of the server."""
    seen = 0
    current: BaseException | None = error
    while current is not None and seen < 10:
        state = getattr(current, "sqlstate", None)
        if state in RETRY_STATES:
            return True
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = inner or current.__cause__ or current.__context__
        seen += 1
    return False


def connect_error(shown: str, exc: Exception) -> ServerError:
    """The Romanian refusal for a connection the server did not accept (login, missing database, unreachable)."""
    text = str(exc).strip()
    low = text.lower()
    if "password" in low or "authentication" in low:
        return ServerError(
            _(
                "Serverul „{name}” a refuzat autentificarea: {value}. Parola se ia din PGPASSWORD, din fișierul "
                "de parole al PostgreSQL (.pgpass / pgpass.conf) sau dintr-un fișier de servicii; programul nu o "
                "păstrează."
            ).format(name=shown, value=text),
            "login",
        )
    if "does not exist" in low:
        return ServerError(
            _("Pe server nu există baza de date cerută („{name}”): {value}.").format(name=shown, value=text),
            "missing",
        )
    return ServerError(
        _(
            "Serverul PostgreSQL „{name}” nu poate fi contactat: {value}. Verificați adresa, portul și rețeaua."
        ).format(name=shown, value=text),
        "unreachable",
    )


def run_sql(db: pw.Database, sql: str, params: Sequence[Any] | None = None) -> Any:
    """Run one statement (``?`` placeholders) on ``db`` and return its cursor."""
    return db.execute_sql(sql, params)  # type: ignore[no-untyped-call]

"""The same models on a PostgreSQL server: opening ``postgresql://…``, the schema and its version, the audit
trail, the lock of signed periods and the search index in PL/pgSQL.

**Connection.** ``--db postgresql://user@host:port/dbname`` (or ``postgres://``; ``?host=/run/folder`` for a
Unix socket) opens a :class:`ServerDatabase`: peewee's :class:`~peewee.PostgresqlDatabase` through psycopg 3.
The password is never taken from the program's settings: libpq finds it (``PGPASSWORD``, ``~/.pgpass`` /
``%APPDATA%\\postgresql\\pgpass.conf``, a service file with ``service=…``), or it is written in the URL by
whoever typed it. Every transaction is ``REPEATABLE READ``: a write that read a row another person changed
meanwhile fails with a serialisation failure (SQLSTATE 40001) instead of overwriting it, and
:func:`balti_monitor.services.server.retrying` runs the whole user action again. A read-only session sets
``default_transaction_read_only`` (the server refuses every write). There is no file lock: the server
serialises the writers.

**Schema and version.** There is no ``PRAGMA user_version``: the version is the one row of
``schema_version`` (with the application's mark, like ``application_id``). The server schema starts at
version :data:`PG_BASE_VERSION` (frozen DDL in :mod:`balti_monitor.db.postgres_schema`); every later SQLite
migration has its PostgreSQL step in :data:`PG_MIGRATIONS` (one SQL each, run in one transaction with the
version bump; ``tests/test_postgres_engine.py`` fails when a step is missing). An opened server is checked
against the models (every table and column present, none foreign), which is the server's analogue of the
file's exact schema check.

**Raw SQL.** The services write ``?`` placeholders (SQLite's); :meth:`ServerDatabase.execute_sql` turns
them into psycopg's ``%s`` (outside quotes), so the same statement runs on both engines;
:func:`executemany` is the set-based path of both.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit

import peewee as pw

from balti_monitor.db.audit import NARRATIVE_FIELDS, SIGNED_MARK
from balti_monitor.db.connection import SCHEMA_VERSION, DatabaseError
from balti_monitor.db.models import ALL_MODELS, database, is_postgresql, use_engine
from balti_monitor.db.postgres_schema import TABLES_V8
from balti_monitor.db.search_index import (
    KIND_ACTION,
    KIND_COLUMN,
    KIND_DESCRIPTION,
    KIND_INDICATOR,
    KIND_NARRATIVE,
    KIND_VALUE,
    TABLE,
)
from balti_monitor.db.urls import is_server_url as is_server_url  # re-exported: the server's modules use it
from balti_monitor.i18n import N_, _, ngettext

#: The first schema version a server holds (the current one when server support was added).
PG_BASE_VERSION = 8
APPLICATION = "balti-monitor"
_SERVER_UNCHANGED = N_("Nimic nu a fost modificat pe server.")

#: SQLSTATEs after which the whole transaction is run again: serialisation failure, deadlock.
RETRY_STATES = frozenset({"40001", "40P01"})


class ServerError(DatabaseError):
    """A server that cannot be used (unreachable, refused login, not ours, newer); Romanian message.

    ``kind`` like :class:`balti_monitor.db.connection.DatabaseError`: ``"unreachable"``, ``"login"``,
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


# --------------------------------------------------------------------------------------------------------
# Opening


def open_server(url: str, *, create: bool = True, read_only: bool = False) -> ServerDatabase:
    """Connect to the server, create the schema in an empty database (``create``) or bring an older one up
    to date, check it is ours, and make it the database of the models. Refusals are :class:`ServerError`."""
    db = ServerDatabase(url, read_only=read_only)
    shown = display_url(url)
    try:
        db.connect()
    except pw.OperationalError as exc:
        raise _connect_error(shown, exc) from exc
    try:
        ensure_server_schema(db, shown, create=create and not read_only, read_only=read_only)
    except ServerError:
        db.close()
        raise
    except pw.DatabaseError as exc:
        db.close()
        raise ServerError(
            _("Baza de date „{name}” nu poate fi folosită: {value}. {UNCHANGED}").format(
                name=shown, value=exc, UNCHANGED=_(_SERVER_UNCHANGED)
            ),
            "damaged",
        ) from exc
    use_engine(db)
    return db


def _connect_error(shown: str, exc: Exception) -> ServerError:
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


def _sql(db: pw.Database, sql: str, params: Sequence[Any] | None = None) -> Any:
    return db.execute_sql(sql, params)  # type: ignore[no-untyped-call]


def _tables(db: pw.Database) -> set[str]:
    rows = _sql(
        db,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE'",
    ).fetchall()
    return {str(r[0]) for r in rows}


def server_version(db: pw.Database) -> int:
    """The schema version held by the server (0: none)."""
    if "schema_version" not in _tables(db):
        return 0
    row = _sql(db, "SELECT version FROM schema_version WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def ensure_server_schema(db: ServerDatabase, shown: str, *, create: bool, read_only: bool) -> None:
    """Create, migrate and check the server's schema (see the module's docstring)."""
    with db.atomic():
        # one creator or migrator at a time (another program opening the same database waits here)
        _sql(db, "SELECT pg_advisory_xact_lock(424254)")
        tables = _tables(db)
        if "schema_version" not in tables:
            if tables:
                raise ServerError(
                    _(
                        "Baza de date „{name}” conține alte tabele și nu este o bază Bălți Monitor. {UNCHANGED}"
                    ).format(name=shown, UNCHANGED=_(_SERVER_UNCHANGED)),
                    "foreign",
                )
            if not create:
                raise ServerError(
                    _("Baza de date „{name}” este goală (nu conține datele Bălți Monitor).").format(
                        name=shown
                    ),
                    "empty",
                )
            create_server_schema(db)
            return
        row = _sql(db, "SELECT version, application FROM schema_version WHERE id = 1").fetchone()
        if row is None or row[1] != APPLICATION:
            raise ServerError(
                _("Baza de date „{name}” nu este o bază Bălți Monitor. {UNCHANGED}").format(
                    name=shown, UNCHANGED=_(_SERVER_UNCHANGED)
                ),
                "foreign",
            )
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise ServerError(
                _(
                    "Baza de date „{name}” a fost actualizată de o versiune mai nouă a programului (structura "
                    "{version}; această versiune citește până la {known}). Actualizați programul. {UNCHANGED}"
                ).format(name=shown, version=version, known=SCHEMA_VERSION, UNCHANGED=_(_SERVER_UNCHANGED)),
                "newer",
            )
        if version < SCHEMA_VERSION:
            if read_only:
                raise ServerError(
                    _(
                        "Baza de date „{name}” are structura versiunii {version} și trebuie actualizată; "
                        "deschideți-o pentru scriere. {UNCHANGED}"
                    ).format(name=shown, version=version, UNCHANGED=_(_SERVER_UNCHANGED)),
                    "needs_upgrade",
                )
            _check_migrator(db, shown, version)
            for step in range(version + 1, SCHEMA_VERSION + 1):
                PG_MIGRATIONS[step](db)
                _sql(db, "UPDATE schema_version SET version = ? WHERE id = 1", (step,))
    problems = model_problems(db)
    if problems:
        raise ServerError(
            _(
                "Baza de date „{name}” nu are structura unei baze Bălți Monitor: {problems}. {UNCHANGED}"
            ).format(name=shown, problems="; ".join(problems[:5]), UNCHANGED=_(_SERVER_UNCHANGED)),
            "damaged",
        )


def _check_migrator(db: pw.Database, shown: str, version: int) -> None:
    """A migration changes the tables, which only their owner (or a member of the owner's role) may do:
    anyone else is told who must open the database once, before any step runs."""
    row = _sql(
        db,
        "SELECT pg_get_userbyid(relowner), pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
        "WHERE oid = to_regclass('schema_version')",
    ).fetchone()
    if row is not None and not row[1]:
        raise ServerError(
            _(
                "Baza de date „{name}” are structura versiunii {version} și trebuie actualizată la versiunea "
                "{target}; actualizarea o poate face doar proprietarul tabelelor („{owner}”): deschideți "
                "baza o dată ca „{owner}”, apoi toți ceilalți o pot folosi. {UNCHANGED}"
            ).format(
                name=shown,
                version=version,
                target=SCHEMA_VERSION,
                owner=row[0],
                UNCHANGED=_(_SERVER_UNCHANGED),
            ),
            "needs_upgrade",
        )


def model_problems(db: pw.Database) -> list[str]:
    """How the server's tables differ from the models (missing tables or columns, extra columns)."""
    rows = _sql(
        db,
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()",
    ).fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(str(table), set()).add(str(column))
    problems: list[str] = []
    for model in ALL_MODELS:
        table = model._meta.table_name
        expected = {f.column_name for f in model._meta.sorted_fields}
        if table not in found:
            problems.append(_("lipsește tabelul {table}").format(table=table))
            continue
        if missing := sorted(expected - found[table]):
            problems.append(
                ngettext(
                    "tabelul {table}: lipsește coloana {columns}",
                    "tabelul {table}: lipsesc coloanele {columns}",
                    min(len(missing), 2),
                ).format(columns=", ".join(missing), table=table)
            )
        if extra := sorted(found[table] - expected):
            problems.append(
                ngettext(
                    "în {table}: coloană necunoscută {columns}",
                    "în {table}: coloane necunoscute {columns}",
                    min(len(extra), 2),
                ).format(columns=", ".join(extra), table=table)
            )
    return problems


def create_server_schema(db: pw.Database, version: int = SCHEMA_VERSION) -> None:
    """The schema of the current version (or of an older ``version``, for the tests of a migration) in an
    empty database (inside the caller's transaction)."""
    for sql in SCHEMA_VERSION_TABLE:
        _sql(db, sql)
    for sql in TABLES_V8:
        _sql(db, sql)
    for sql in server_functions_v8():
        _sql(db, sql)
    _sql(
        db,
        "INSERT INTO schema_version (id, version, application) VALUES (1, ?, ?)",
        (PG_BASE_VERSION, APPLICATION),
    )
    for step in range(PG_BASE_VERSION + 1, version + 1):
        PG_MIGRATIONS[step](db)
        _sql(db, "UPDATE schema_version SET version = ? WHERE id = 1", (step,))


SCHEMA_VERSION_TABLE = (
    'CREATE TABLE "schema_version" ("id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1), '
    '"version" INTEGER NOT NULL, "application" TEXT NOT NULL)',
)

#: PG_MIGRATIONS[v] brings a server from version v - 1 to v: the PostgreSQL twin of ``MIGRATIONS[v - 2]``
#: of :mod:`balti_monitor.db.connection` (frozen SQL; it runs in the transaction that bumps the version).
#: A schema change therefore adds one SQLite step and one PostgreSQL step.
PG_MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {}


# --------------------------------------------------------------------------------------------------------
# Audit trail, lock of signed periods, search index (PL/pgSQL twins of db/audit.py and db/search_index.py)


def fold(text: str) -> str:
    """What :sql:`bm_fold` makes of ``text``: canonical decomposition, the combining marks U+0300-U+036F
    dropped (ă â î ș ț and the cedilla forms ş ţ become a a i s t), lower case; the server's twin of SQLite
    FTS5's ``remove_diacritics 2``, used for the searched words."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f").lower()


_PCODE = "p.year || CASE p.semester WHEN 0 THEN '-A' ELSE '-S' || p.semester END"
_LOG = (
    "INSERT INTO change_log (at, who, source, kind, plan_id, period, action, subdivision, column_no, field, "
    "old_text, new_text, note) "
)
_CTX = "floor(extract(epoch FROM clock_timestamp()))::bigint, bm_ctx_who(), bm_ctx_source()"


def server_functions_v8() -> list[str]:
    """The functions and triggers of version 8 (frozen in behaviour: the twins of the SQLite triggers)."""
    narrative_fields = ", ".join(f"'{name}'" for name in NARRATIVE_FIELDS)
    sql = [
        # context of the audit trail
        "CREATE FUNCTION bm_audit_on() RETURNS boolean LANGUAGE sql STABLE AS "
        "$$ SELECT coalesce((SELECT mode FROM audit_context WHERE id = 1), 0) = 0 $$",
        "CREATE FUNCTION bm_ctx_who() RETURNS text LANGUAGE sql STABLE AS "
        "$$ SELECT coalesce((SELECT who FROM audit_context WHERE id = 1), '') $$",
        "CREATE FUNCTION bm_ctx_source() RETURNS text LANGUAGE sql STABLE AS "
        "$$ SELECT coalesce((SELECT source FROM audit_context WHERE id = 1), '') $$",
        # diacritics off through Unicode decomposition (C code: fast on long texts); needs a UTF8 database
        "CREATE FUNCTION bm_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS "
        "$$ SELECT lower(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g')) $$",
        # the lock of signed periods
        "CREATE FUNCTION bm_lock() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE pid integer; "
        "BEGIN "
        "IF TG_TABLE_NAME = 'value' THEN "
        "  IF TG_OP = 'INSERT' THEN SELECT period_id INTO pid FROM \"return\" WHERE id = NEW.return_id; "
        '  ELSE SELECT period_id INTO pid FROM "return" WHERE id = OLD.return_id; END IF; '
        "ELSIF TG_OP = 'INSERT' THEN pid := NEW.period_id; "
        "ELSE pid := OLD.period_id; END IF; "
        "IF bm_audit_on() AND EXISTS (SELECT 1 FROM period_signature WHERE period_id = pid) THEN "
        f"  RAISE EXCEPTION '{SIGNED_MARK}'; "
        "END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; "
        "END $$",
        # the trail: values
        "CREATE FUNCTION bm_log_value() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE o text := ''; n text := ''; rid integer; iid integer; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN "
        "  IF NEW.raw_text = '' THEN RETURN NULL; END IF; n := NEW.raw_text; rid := NEW.return_id; "
        "  iid := NEW.indicator_id; "
        "ELSIF TG_OP = 'UPDATE' THEN "
        "  IF OLD.raw_text IS NOT DISTINCT FROM NEW.raw_text THEN RETURN NULL; END IF; "
        "  o := OLD.raw_text; n := NEW.raw_text; rid := NEW.return_id; iid := NEW.indicator_id; "
        "ELSE "
        "  IF OLD.raw_text = '' THEN RETURN NULL; END IF; o := OLD.raw_text; rid := OLD.return_id; "
        "  iid := OLD.indicator_id; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, 'value', p.plan_id, {_PCODE}, a.code, s.code, i.number, '', o, n, '' "
        'FROM "return" r JOIN period p ON p.id = r.period_id JOIN action a ON a.id = r.action_id '
        "JOIN subdivision s ON s.id = r.subdivision_id JOIN indicator i ON i.id = iid WHERE r.id = rid; "
        "RETURN NULL; END $$",
        # returns: description and review status
        "CREATE FUNCTION bm_log_return() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE r record; o text := ''; n text := ''; k text := 'description'; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN "
        "  IF NEW.description = '' THEN RETURN NULL; END IF; r := NEW; n := NEW.description; "
        "ELSIF TG_OP = 'DELETE' THEN "
        "  IF OLD.description = '' THEN RETURN NULL; END IF; r := OLD; o := OLD.description; "
        "ELSE r := NEW; "
        "  IF OLD.description IS DISTINCT FROM NEW.description THEN "
        f"    {_LOG} SELECT {_CTX}, 'description', p.plan_id, {_PCODE}, a.code, s.code, 0, '', "
        "    OLD.description, NEW.description, '' FROM period p JOIN action a ON a.id = NEW.action_id "
        "    JOIN subdivision s ON s.id = NEW.subdivision_id WHERE p.id = NEW.period_id; "
        "  END IF; "
        "  IF OLD.review_status IS DISTINCT FROM NEW.review_status THEN "
        f"    {_LOG} SELECT {_CTX}, 'review', p.plan_id, {_PCODE}, a.code, s.code, 0, '', "
        "    OLD.review_status, NEW.review_status, '' FROM period p JOIN action a ON a.id = NEW.action_id "
        "    JOIN subdivision s ON s.id = NEW.subdivision_id WHERE p.id = NEW.period_id; "
        "  END IF; "
        "  RETURN NULL; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, k, p.plan_id, {_PCODE}, a.code, s.code, 0, '', o, n, '' "
        "FROM period p JOIN action a ON a.id = r.action_id JOIN subdivision s ON s.id = r.subdivision_id "
        "WHERE p.id = r.period_id; "
        "RETURN NULL; END $$",
        # manual totals
        "CREATE FUNCTION bm_log_override() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE r record; o text := ''; n text := ''; why text; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN r := NEW; n := NEW.raw_text; why := NEW.reason; "
        "ELSIF TG_OP = 'DELETE' THEN r := OLD; o := OLD.raw_text; why := OLD.reason; "
        "ELSE "
        "  IF OLD.raw_text IS NOT DISTINCT FROM NEW.raw_text AND OLD.reason IS NOT DISTINCT FROM NEW.reason "
        "  THEN RETURN NULL; END IF; "
        "  r := NEW; o := OLD.raw_text; n := NEW.raw_text; why := NEW.reason; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, 'override', p.plan_id, {_PCODE}, a.code, '', "
        "(SELECT number FROM indicator WHERE id = r.indicator_id), '', o, n, why "
        "FROM period p JOIN action a ON a.id = r.action_id WHERE p.id = r.period_id; "
        "RETURN NULL; END $$",
        # responsibilities of a period
        "CREATE FUNCTION bm_log_responsibility() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE r record; o text := ''; n text := ''; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN r := NEW; n := NEW.indicators; "
        "ELSIF TG_OP = 'DELETE' THEN r := OLD; o := OLD.indicators; "
        "ELSE "
        "  IF OLD.indicators IS NOT DISTINCT FROM NEW.indicators THEN RETURN NULL; END IF; "
        "  r := NEW; o := OLD.indicators; n := NEW.indicators; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, 'responsibility', p.plan_id, {_PCODE}, a.code, s.code, NULL, '', o, n, '' "
        "FROM period p JOIN action a ON a.id = r.action_id JOIN subdivision s ON s.id = r.subdivision_id "
        "WHERE p.id = r.period_id; "
        "RETURN NULL; END $$",
        # the narrative, field by field
        "CREATE FUNCTION bm_log_narrative() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE f text; o text; n text; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        f"FOREACH f IN ARRAY ARRAY[{narrative_fields}] LOOP "
        "  n := to_jsonb(NEW) ->> f; "
        "  IF TG_OP = 'UPDATE' THEN o := to_jsonb(OLD) ->> f; ELSE o := ''; END IF; "
        "  IF (TG_OP = 'INSERT' AND n NOT IN ('', '[]')) OR (TG_OP = 'UPDATE' AND o IS DISTINCT FROM n) THEN "
        f"    {_LOG} SELECT {_CTX}, 'narrative', p.plan_id, {_PCODE}, '', '', NULL, f, o, n, '' "
        "    FROM period p WHERE p.id = NEW.period_id; "
        "  END IF; "
        "END LOOP; "
        "RETURN NULL; END $$",
        # the plan's texts
        "CREATE FUNCTION bm_log_plan() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_TABLE_NAME = 'action' THEN "
        "  IF OLD.title IS NOT DISTINCT FROM NEW.title THEN RETURN NULL; END IF; "
        f"  {_LOG} SELECT {_CTX}, 'plan', pr.plan_id, '', a.code, '', NULL, 'title', OLD.title, NEW.title, '' "
        "  FROM action a JOIN priority pr ON pr.id = a.priority_id WHERE a.id = NEW.id; "
        "ELSE "
        "  IF OLD.text IS NOT DISTINCT FROM NEW.text THEN RETURN NULL; END IF; "
        f"  {_LOG} SELECT {_CTX}, 'plan', pr.plan_id, '', a.code, '', NEW.number, 'indicator', OLD.text, "
        "  NEW.text, '' FROM action a JOIN priority pr ON pr.id = a.priority_id WHERE a.id = NEW.action_id; "
        "END IF; "
        "RETURN NULL; END $$",
    ]
    for table in ("value", '"return"', "total_override", "period_responsibility", "narrative"):
        name = table.strip('"')
        sql.append(
            f"CREATE TRIGGER lock_{name} BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION bm_lock()"
        )
    sql += [
        "CREATE TRIGGER audit_value AFTER INSERT OR UPDATE OF raw_text OR DELETE ON value "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_value()",
        'CREATE TRIGGER audit_return AFTER INSERT OR UPDATE OF description, review_status OR DELETE ON "return" '
        "FOR EACH ROW EXECUTE FUNCTION bm_log_return()",
        "CREATE TRIGGER audit_override AFTER INSERT OR UPDATE OR DELETE ON total_override "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_override()",
        "CREATE TRIGGER audit_responsibility AFTER INSERT OR UPDATE OF indicators OR DELETE ON "
        "period_responsibility FOR EACH ROW EXECUTE FUNCTION bm_log_responsibility()",
        "CREATE TRIGGER audit_narrative AFTER INSERT OR UPDATE ON narrative "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_narrative()",
        "CREATE TRIGGER audit_action AFTER UPDATE OF title ON action FOR EACH ROW EXECUTE FUNCTION bm_log_plan()",
        "CREATE TRIGGER audit_indicator AFTER UPDATE OF text ON indicator "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_plan()",
    ]
    sql += _search_sql()
    return sql


_NARRATIVE_BODY = (
    "coalesce({t}.executive_summary, '') || ' ' || coalesce({t}.risks_intro, '') || ' ' || "
    "coalesce({t}.risks, '') || ' ' || coalesce({t}.proposals_intro, '') || ' ' || coalesce({t}.proposals, '')"
)


def _search_sql() -> list[str]:
    """The search index: one row per text (id = row id * 8 + kind, as in SQLite), the folded text beside
    it (``bm_fold``: lower case, no diacritics), kept in step by triggers."""
    ins = f"INSERT INTO {TABLE} (id, body, folded, kind, period_id, action_id, subdivision_id, column_no) "
    return [
        f'CREATE TABLE {TABLE} ("id" BIGINT NOT NULL PRIMARY KEY, "body" TEXT NOT NULL, "folded" TEXT NOT NULL, '
        '"kind" INTEGER NOT NULL, "period_id" INTEGER, "action_id" INTEGER, "subdivision_id" INTEGER, '
        '"column_no" INTEGER)',
        f'CREATE INDEX "{TABLE}_period_id" ON {TABLE} ("period_id")',
        "CREATE FUNCTION bm_search() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE k integer; "
        "BEGIN "
        "k := CASE TG_TABLE_NAME WHEN 'return' THEN "
        f"{KIND_DESCRIPTION} WHEN 'value' THEN {KIND_VALUE} WHEN 'narrative' THEN {KIND_NARRATIVE} "
        f"WHEN 'action' THEN {KIND_ACTION} ELSE {KIND_INDICATOR} END; "
        f"IF TG_OP <> 'INSERT' THEN DELETE FROM {TABLE} WHERE id = OLD.id::bigint * 8 + k; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN NULL; END IF; "
        "IF k = 1 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.description, bm_fold(NEW.description), k, NEW.period_id, "
        "  NEW.action_id, NEW.subdivision_id, 0 WHERE trim(NEW.description) <> ''; "
        "ELSIF k = 2 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.raw_text, bm_fold(NEW.raw_text), k, r.period_id, r.action_id, "
        '  r.subdivision_id, i.number FROM "return" r, indicator i '
        "  WHERE r.id = NEW.return_id AND i.id = NEW.indicator_id AND trim(NEW.raw_text) <> ''; "
        "ELSIF k = 3 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, b, bm_fold(b), k, NEW.period_id, NULL, NULL, NULL "
        f"  FROM (SELECT {_NARRATIVE_BODY.format(t='NEW')} AS b) x; "
        "ELSIF k = 4 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.title, bm_fold(NEW.title), k, NULL, NEW.id, NULL, NULL "
        "  WHERE trim(NEW.title) <> ''; "
        "ELSE "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.text, bm_fold(NEW.text), k, NULL, NEW.action_id, NULL, "
        "  NEW.number WHERE trim(NEW.text) <> ''; "
        "END IF; "
        "RETURN NULL; END $$",
        'CREATE TRIGGER search_return AFTER INSERT OR UPDATE OF description OR DELETE ON "return" '
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_value AFTER INSERT OR UPDATE OF raw_text OR DELETE ON value "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_narrative AFTER INSERT OR UPDATE OR DELETE ON narrative "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_action AFTER INSERT OR UPDATE OF title OR DELETE ON action "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_indicator AFTER INSERT OR UPDATE OF text, number OR DELETE ON indicator "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
    ]


#: Tables the program never copies between engines (the search index is rebuilt by the triggers).
DERIVED_TABLES = frozenset({TABLE, "schema_version"})


def reset_sequences(db: pw.Database) -> None:
    """After rows were written with their ids (a copy, a restore), start every ``SERIAL`` after the
    largest id, so the next insert gets a new id."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        _sql(
            db,
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)',
        )


def rebuild_search_index(db: pw.Database) -> None:
    """Fill the search index from the data (after a copy written with the triggers off)."""
    _sql(db, f"DELETE FROM {TABLE}")
    fill = [
        f"SELECT id::bigint * 8 + {KIND_DESCRIPTION}, description, {KIND_DESCRIPTION}, period_id, action_id, "
        "subdivision_id, 0 FROM \"return\" WHERE trim(description) <> ''",
        f"SELECT v.id::bigint * 8 + {KIND_VALUE}, v.raw_text, {KIND_VALUE}, r.period_id, r.action_id, "
        'r.subdivision_id, i.number FROM value v JOIN "return" r ON r.id = v.return_id '
        "JOIN indicator i ON i.id = v.indicator_id WHERE trim(v.raw_text) <> ''",
        f"SELECT n.id::bigint * 8 + {KIND_NARRATIVE}, {_NARRATIVE_BODY.format(t='n')}, {KIND_NARRATIVE}, "
        "n.period_id, NULL::integer, NULL::integer, NULL::integer FROM narrative n",
        f"SELECT id::bigint * 8 + {KIND_ACTION}, title, {KIND_ACTION}, NULL::integer, id, NULL::integer, "
        "NULL::integer FROM action WHERE trim(title) <> ''",
        f"SELECT id::bigint * 8 + {KIND_INDICATOR}, text, {KIND_INDICATOR}, NULL::integer, action_id, "
        "NULL::integer, number FROM indicator WHERE trim(text) <> ''",
        f"SELECT id::bigint * 8 + {KIND_COLUMN}, raw_text, {KIND_COLUMN}, NULL::integer, action_id, "
        "NULL::integer, column_id FROM action_column_value WHERE trim(raw_text) <> ''",
    ]
    for select in fill:
        _sql(
            db,
            f"INSERT INTO {TABLE} (id, body, folded, kind, period_id, action_id, subdivision_id, column_no) "
            f"SELECT x.id, x.body, bm_fold(x.body), x.kind, x.p, x.a, x.s, x.c FROM ({select}) "
            "AS x(id, body, kind, p, a, s, c)",
        )


# --------------------------------------------------------------------------------------------------------
# Version 9: plan kinds (the twin of ``_add_kinds_and_progress`` of :mod:`balti_monitor.db.connection`)

#: Version 9's period code: a span of years is "2017-2019" (``_PCODE_V9`` of :mod:`balti_monitor.db.audit`).
_PCODE_V9 = (
    "p.year || CASE WHEN p.span_end > 0 THEN '-' || p.span_end WHEN p.semester = 0 THEN '-A' "
    "ELSE '-S' || p.semester END"
)
#: The functions of version 8 that version 9 replaces (period code; a return without a subdivision; the
#: items' texts in declared columns searched).
_FUNCTIONS_V9 = (
    "bm_lock",
    "bm_log_value",
    "bm_log_return",
    "bm_log_override",
    "bm_log_responsibility",
    "bm_search",
)
_SEARCH_INSERT = (
    f"INSERT INTO {TABLE} (id, body, folded, kind, period_id, action_id, subdivision_id, column_no) "
)
#: Version 9 indexes an item's text in a declared column (the column's id as ``column_no``), as SQLite does.
_SEARCH_KINDS_V8 = f"WHEN 'action' THEN {KIND_ACTION} ELSE {KIND_INDICATOR} END; "
_SEARCH_KINDS_V9 = f"WHEN 'action' THEN {KIND_ACTION} WHEN 'action_column_value' THEN {KIND_COLUMN} ELSE {KIND_INDICATOR} END; "
_SEARCH_INDICATOR = f"ELSE   {_SEARCH_INSERT} SELECT NEW.id::bigint * 8 + k, NEW.text, "
_SEARCH_COLUMN_V9 = (
    f"ELSIF k = {KIND_COLUMN} THEN "
    f"  {_SEARCH_INSERT} SELECT NEW.id::bigint * 8 + k, NEW.raw_text, bm_fold(NEW.raw_text), k, NULL, "
    "  NEW.action_id, NULL, NEW.column_id WHERE trim(NEW.raw_text) <> ''; "
)


def _return_change(kind: str, column: str) -> str:
    """The record of one changed column of a return, in the UPDATE branch of ``bm_log_return`` (as
    version 8 writes the description's and the review status's)."""
    return (
        f"  IF OLD.{column} IS DISTINCT FROM NEW.{column} THEN "
        f"    {_LOG} SELECT {_CTX}, '{kind}', p.plan_id, {_PCODE}, a.code, s.code, 0, '', "
        f"    OLD.{column}, NEW.{column}, '' FROM period p JOIN action a ON a.id = NEW.action_id "
        "    JOIN subdivision s ON s.id = NEW.subdivision_id WHERE p.id = NEW.period_id; "
        "  END IF; "
    )


def _v9(body: str) -> str:
    """A version-8 function made version 9, as :mod:`balti_monitor.db.audit` does for SQLite: the period
    code of a span, a return of the action as a whole recorded with an empty subdivision code (not skipped
    by an inner join), the status of a return recorded, a return's links locked with their period. One
    UPDATE of a return records its status, review status and description in this order, as SQLite's
    triggers do (the one created last runs first)."""
    body = body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if " bm_log_return()" in body:
        v8 = _return_change("description", "description") + _return_change("review", "review_status")
        if body.count(v8) != 1:
            raise AssertionError("bm_log_return of version 8 changed")
        v9 = (
            _return_change("status", "status")
            + _return_change("review", "review_status")
            + _return_change("description", "description")
        )
        body = body.replace(v8, v9)
    if " bm_search()" in body:
        if body.count(_SEARCH_KINDS_V8) != 1 or body.count(_SEARCH_INDICATOR) != 1:
            raise AssertionError("bm_search of version 8 changed")
        body = body.replace(_SEARCH_KINDS_V8, _SEARCH_KINDS_V9)
        body = body.replace(_SEARCH_INDICATOR, _SEARCH_COLUMN_V9 + _SEARCH_INDICATOR)
    if " bm_lock()" in body:
        body = body.replace(
            "IF TG_TABLE_NAME = 'value' THEN", "IF TG_TABLE_NAME IN ('value', 'return_link') THEN"
        )
    return (
        body.replace(_PCODE, _PCODE_V9)
        .replace("JOIN subdivision s ON", "LEFT JOIN subdivision s ON")
        .replace(", s.code, ", ", coalesce(s.code, ''), ")
    )


def server_functions_v9() -> list[str]:
    """What version 9 changes in the functions and triggers of version 8 (frozen in behaviour: the twins
    of ``TRIGGERS_V9`` of :mod:`balti_monitor.db.audit`)."""
    replaced = [
        _v9(sql)
        for sql in server_functions_v8()
        if sql.startswith("CREATE FUNCTION") and sql.split()[2].split("(")[0] in _FUNCTIONS_V9
    ]
    if len(replaced) != len(_FUNCTIONS_V9):
        raise AssertionError("the functions of version 8 changed")
    return [
        *replaced,
        'DROP TRIGGER audit_return ON "return"',
        "CREATE TRIGGER audit_return AFTER INSERT OR UPDATE OF description, review_status, status OR DELETE "
        'ON "return" FOR EACH ROW EXECUTE FUNCTION bm_log_return()',
        "CREATE TRIGGER lock_return_link BEFORE INSERT OR UPDATE OR DELETE ON return_link "
        "FOR EACH ROW EXECUTE FUNCTION bm_lock()",
        "CREATE TRIGGER search_column AFTER INSERT OR UPDATE OF raw_text OR DELETE ON action_column_value "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
    ]


def _replace_functions(db: pw.Database, statements: Sequence[str]) -> None:
    """Run ``statements``; a function they replace keeps its ``SECURITY DEFINER`` and its settings (a
    ``CREATE OR REPLACE`` resets them, and ``server-setup`` may have set them)."""
    kept = _sql(
        db,
        "SELECT p.oid::regprocedure::text, p.prosecdef, p.proconfig FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() "
        "AND p.proname = ANY(?) AND (p.prosecdef OR p.proconfig IS NOT NULL)",
        (list(_FUNCTIONS_V9),),
    ).fetchall()
    for sql in statements:
        _sql(db, sql)
    for signature, definer, settings in kept:
        if definer:
            _sql(db, f"ALTER FUNCTION {signature} SECURITY DEFINER")
        for setting in settings or ():
            name, _, value = str(setting).partition("=")
            _sql(db, f"ALTER FUNCTION {signature} SET {name} = {value}")


def _grant_like(db: pw.Database, model_table: str, tables: Sequence[str]) -> None:
    """Give ``tables`` (new) and their key sequences the privileges ``model_table`` and its sequence have
    (granted by ``server-setup`` or by IT), so the roles of a server work on them as on the older tables."""
    for suffix in ("", "_id_seq"):
        source = _sql(
            db,
            "SELECT coalesce(r.rolname, 'PUBLIC'), a.privilege_type FROM pg_class c "
            "CROSS JOIN LATERAL aclexplode(c.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee "
            "WHERE c.oid = to_regclass(?) AND a.grantee <> c.relowner",
            (f'"{model_table}{suffix}"',),
        ).fetchall()
        for role, privilege in source:
            grantee = "PUBLIC" if role == "PUBLIC" else '"' + str(role).replace('"', '""') + '"'
            for table in tables:
                kind = "SEQUENCE " if suffix else ""
                _sql(db, f'GRANT {privilege} ON {kind}"{table}{suffix}" TO {grantee}')


def _grant_column_like(db: pw.Database, table: str, model_column: str, column: str) -> None:
    """Give ``column`` (new) of ``table`` the column privileges ``model_column`` has."""
    source = _sql(
        db,
        "SELECT coalesce(r.rolname, 'PUBLIC'), a.privilege_type FROM pg_attribute t "
        "CROSS JOIN LATERAL aclexplode(t.attacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee "
        "WHERE t.attrelid = to_regclass(?) AND t.attname = ?",
        (f'"{table}"', model_column),
    ).fetchall()
    for role, privilege in source:
        grantee = "PUBLIC" if role == "PUBLIC" else '"' + str(role).replace('"', '""') + '"'
        _sql(db, f'GRANT {privilege} ("{column}") ON "{table}" TO {grantee}')


def _kinds_and_progress_v9(db: pw.Database) -> None:
    """Version 8 -> 9 on a server: :data:`~balti_monitor.db.postgres_schema.MIGRATION_V9`, then the data step
    of the SQLite migration (the text values of ``action.extra`` become declared columns and their values,
    the meaning of every status is stored beside it), the functions and triggers of version 9 first (so the
    moved texts are searchable). The lock of signed periods stands aside for the meanings only (a new column
    of their returns)."""
    import json

    from balti_monitor.db.connection import (
        _EXTRA_LABELS_V9,
        _PLA_COLUMNS_V9,
        _STATUS_WORDS_V9,
        _fold_v9,
    )
    from balti_monitor.db.postgres_schema import MIGRATION_V9

    for sql in MIGRATION_V9:
        _sql(db, sql)
    _replace_functions(db, server_functions_v9())  # first: the column texts the data step writes are indexed

    def column(plan_id: int, position: int, key: str, label: str, source: str, fmt: str) -> int:
        row = _sql(
            db,
            'INSERT INTO "plan_column" ("plan_id", "position", "key", "label", "number", "source", "format", '
            '"merge", "in_plan", "in_report") VALUES (?, ?, ?, ?, \'\', ?, ?, \'none\', true, true) '
            'RETURNING "id"',
            (plan_id, position, key, label, source, fmt),
        ).fetchone()
        return int(row[0])

    plan_columns: dict[int, dict[str, int]] = {}
    rows = _sql(
        db,
        "SELECT a.id, pr.plan_id, a.extra FROM action a JOIN priority pr ON pr.id = a.priority_id "
        "WHERE a.extra NOT IN ('{}', '') ORDER BY pr.plan_id, pr.position, a.position, a.id",
    ).fetchall()
    for action_id, plan_id, extra_text in rows:
        try:
            extra = json.loads(extra_text)
        except ValueError:
            continue
        if not isinstance(extra, dict):
            continue
        texts = {k: v for k, v in extra.items() if isinstance(v, str)}
        if not texts:
            continue
        columns = plan_columns.get(plan_id)
        if columns is None:
            columns = plan_columns[plan_id] = {}
            for key, label, source, fmt in _PLA_COLUMNS_V9:
                columns["\0" + key] = column(plan_id, len(columns) + 1, key, label, source, fmt)
        for key, text in texts.items():
            if key not in columns:
                stored_key = key if "\0" + key not in columns else f"extra_{key}"
                label = _EXTRA_LABELS_V9.get(key, key)
                columns[key] = column(plan_id, len(columns) + 1, stored_key, label, "column", "text")
            if text:
                _sql(
                    db,
                    'INSERT INTO "action_column_value" ("action_id", "column_id", "raw_text") VALUES (?, ?, ?)',
                    (action_id, columns[key], text),
                )
        rest = {k: v for k, v in extra.items() if not isinstance(v, str)}
        _sql(
            db,
            'UPDATE "action" SET "extra" = ? WHERE "id" = ?',
            (json.dumps(rest, ensure_ascii=False, sort_keys=True), action_id),
        )
    meanings = [
        (meaning, return_id)
        for return_id, status in _sql(db, "SELECT id, status FROM \"return\" WHERE status <> ''").fetchall()
        if (meaning := _STATUS_WORDS_V9.get(_fold_v9(str(status)), ""))
    ]
    if meanings:
        _sql(db, 'ALTER TABLE "return" DISABLE TRIGGER lock_return')
        for meaning, return_id in meanings:
            _sql(db, 'UPDATE "return" SET "status_meaning" = ? WHERE "id" = ?', (meaning, return_id))
        _sql(db, 'ALTER TABLE "return" ENABLE TRIGGER lock_return')
    # the rights of a server's roles: the plan's new tables and a return's links as the plan's own tables
    # (everyone reads, whoever may change the plan writes), the status's meaning as the status
    _grant_like(db, "action", ("plan_column", "group_column", "action_column_value", "return_link"))
    _grant_column_like(db, "return", "status", "status_meaning")


PG_MIGRATIONS[9] = _kinds_and_progress_v9

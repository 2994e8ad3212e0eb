"""The same models on a PostgreSQL server: opening ``postgresql://…``, creating or upgrading its schema,
and checking that it is ours and matches the models.

The server's code is split by idea:

* :mod:`balti_monitor.db.pg_driver`: connecting (psycopg loaded on the first connection only), the session
  settings, ``?`` placeholders on both engines, retried serialisation failures, :class:`ServerError`;
* this module: opening a server, its schema version, the checks before it is used;
* :mod:`balti_monitor.db.pg_migrations`: creating the schema and the migration steps (``PG_MIGRATIONS``);
* :mod:`balti_monitor.db.postgres_schema` and :mod:`balti_monitor.db.pg_functions`: the frozen DDL and the
  frozen functions and triggers (audit trail, lock of signed periods, search index) of each version;
* :mod:`balti_monitor.db.pg_rebuild`: sequences and search index after rows were written in bulk.

**Schema and version.** There is no ``PRAGMA user_version``: the version is the one row of
``schema_version`` (with the application's mark, like ``application_id``). The server schema starts at
version :data:`~balti_monitor.db.pg_migrations.PG_BASE_VERSION`; every later SQLite migration has its
PostgreSQL step in :data:`~balti_monitor.db.pg_migrations.PG_MIGRATIONS` (one SQL each, run in one
transaction with the version bump). An opened server is checked against the models (every table and
column present, none foreign), which is the server's analogue of the file's exact schema check.
"""

from __future__ import annotations

import peewee as pw

from balti_monitor.db.migrations import SCHEMA_VERSION
from balti_monitor.db.models import ALL_MODELS, use_engine
from balti_monitor.db.pg_driver import ServerDatabase, ServerError, connect_error, display_url, run_sql
from balti_monitor.db.pg_migrations import APPLICATION, create_server_schema, run_migrations
from balti_monitor.i18n import N_, _, ngettext

_SERVER_UNCHANGED = N_("Nimic nu a fost modificat pe server.")


def open_server(url: str, *, create: bool = True, read_only: bool = False) -> ServerDatabase:
    """Connect to the server, create the schema in an empty database (``create``) or bring an older one up
    to date, check it is ours, and make it the database of the models. Refusals are :class:`ServerError`."""
    db = ServerDatabase(url, read_only=read_only)
    shown = display_url(url)
    try:
        db.connect()
    except pw.OperationalError as exc:
        raise connect_error(shown, exc) from exc
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


def _tables(db: pw.Database) -> set[str]:
    rows = run_sql(
        db,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE'",
    ).fetchall()
    return {str(r[0]) for r in rows}


def server_version(db: pw.Database) -> int:
    """The schema version held by the server (0: none)."""
    if "schema_version" not in _tables(db):
        return 0
    row = run_sql(db, "SELECT version FROM schema_version WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def ensure_server_schema(db: ServerDatabase, shown: str, *, create: bool, read_only: bool) -> None:
    """Create, migrate and check the server's schema (see the module's docstring)."""
    with db.atomic():
        # one creator or migrator at a time (another program opening the same database waits here)
        run_sql(db, "SELECT pg_advisory_xact_lock(424254)")
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
        row = run_sql(db, "SELECT version, application FROM schema_version WHERE id = 1").fetchone()
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
            run_migrations(db, version, SCHEMA_VERSION)
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
    row = run_sql(
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
    rows = run_sql(
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

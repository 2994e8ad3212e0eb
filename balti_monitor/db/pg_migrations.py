"""The server's schema from its first version on: creating it, and the migration steps that follow the
SQLite file's.

A server starts at :data:`PG_BASE_VERSION` (frozen DDL in :mod:`balti_monitor.db.postgres_schema`, frozen
functions and triggers in :mod:`balti_monitor.db.pg_functions`); :data:`PG_MIGRATIONS` holds one step per
later SQLite migration (frozen SQL, never through the models; ``tests/test_postgres_engine.py`` fails when
a step is missing), and :func:`run_migrations` runs them, each with its version bump, in the caller's
transaction. Opening a server and deciding what to run is :mod:`balti_monitor.db.postgres`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import peewee as pw

from balti_monitor.db.migrations import SCHEMA_VERSION
from balti_monitor.db.pg_driver import run_sql
from balti_monitor.db.pg_functions import FUNCTIONS_V9, server_functions_v8, server_functions_v9
from balti_monitor.db.postgres_schema import TABLES_V8

#: The first schema version a server holds (the current one when server support was added).
PG_BASE_VERSION = 8
#: The application's mark in ``schema_version`` (the server's ``application_id``).
APPLICATION = "balti-monitor"

#: The table of the version and the mark (one row), created before everything else.
SCHEMA_VERSION_TABLE = (
    'CREATE TABLE "schema_version" ("id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1), '
    '"version" INTEGER NOT NULL, "application" TEXT NOT NULL)',
)


def create_server_schema(db: pw.Database, version: int = SCHEMA_VERSION) -> None:
    """The schema of the current version (or of an older ``version``, for the tests of a migration) in an
    empty database (inside the caller's transaction)."""
    for sql in SCHEMA_VERSION_TABLE:
        run_sql(db, sql)
    for sql in TABLES_V8:
        run_sql(db, sql)
    for sql in server_functions_v8():
        run_sql(db, sql)
    run_sql(
        db,
        "INSERT INTO schema_version (id, version, application) VALUES (1, ?, ?)",
        (PG_BASE_VERSION, APPLICATION),
    )
    run_migrations(db, PG_BASE_VERSION, version)


def run_migrations(db: pw.Database, version: int, target: int) -> None:
    """Bring the schema from ``version`` to ``target``: every step of :data:`PG_MIGRATIONS` in order, each
    followed by its version bump (all in the caller's transaction: all or nothing)."""
    for step in range(version + 1, target + 1):
        PG_MIGRATIONS[step](db)
        run_sql(db, "UPDATE schema_version SET version = ? WHERE id = 1", (step,))


# --------------------------------------------------------------------------------------------------------
# Version 9: plan kinds (the twin of ``_add_kinds_and_progress`` of :mod:`balti_monitor.db.migration_steps`)


def _replace_functions(db: pw.Database, statements: Sequence[str]) -> None:
    """Run ``statements``; a function they replace keeps its ``SECURITY DEFINER`` and its settings (a
    ``CREATE OR REPLACE`` resets them, and ``server-setup`` may have set them)."""
    kept = run_sql(
        db,
        "SELECT p.oid::regprocedure::text, p.prosecdef, p.proconfig FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() "
        "AND p.proname = ANY(?) AND (p.prosecdef OR p.proconfig IS NOT NULL)",
        (list(FUNCTIONS_V9),),
    ).fetchall()
    for sql in statements:
        run_sql(db, sql)
    for signature, definer, settings in kept:
        if definer:
            run_sql(db, f"ALTER FUNCTION {signature} SECURITY DEFINER")
        for setting in settings or ():
            name, _, value = str(setting).partition("=")
            run_sql(db, f"ALTER FUNCTION {signature} SET {name} = {value}")


def _grant_like(db: pw.Database, model_table: str, tables: Sequence[str]) -> None:
    """Give ``tables`` (new) and their key sequences the privileges ``model_table`` and its sequence have
    (granted by ``server-setup`` or by IT), so the roles of a server work on them as on the older tables."""
    for suffix in ("", "_id_seq"):
        source = run_sql(
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
                run_sql(db, f'GRANT {privilege} ON {kind}"{table}{suffix}" TO {grantee}')


def _grant_column_like(db: pw.Database, table: str, model_column: str, column: str) -> None:
    """Give ``column`` (new) of ``table`` the column privileges ``model_column`` has."""
    source = run_sql(
        db,
        "SELECT coalesce(r.rolname, 'PUBLIC'), a.privilege_type FROM pg_attribute t "
        "CROSS JOIN LATERAL aclexplode(t.attacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee "
        "WHERE t.attrelid = to_regclass(?) AND t.attname = ?",
        (f'"{table}"', model_column),
    ).fetchall()
    for role, privilege in source:
        grantee = "PUBLIC" if role == "PUBLIC" else '"' + str(role).replace('"', '""') + '"'
        run_sql(db, f'GRANT {privilege} ("{column}") ON "{table}" TO {grantee}')


def _kinds_and_progress_v9(db: pw.Database) -> None:
    """Version 8 -> 9 on a server: :data:`~balti_monitor.db.postgres_schema.MIGRATION_V9`, then the data step
    of the SQLite migration (the text values of ``action.extra`` become declared columns and their values,
    the meaning of every status is stored beside it), the functions and triggers of version 9 first (so the
    moved texts are searchable). The lock of signed periods stands aside for the meanings only (a new column
    of their returns)."""
    import json

    from balti_monitor.db.migration_steps import (
        _EXTRA_LABELS_V9,
        _PLA_COLUMNS_V9,
        _STATUS_WORDS_V9,
        _fold_v9,
    )
    from balti_monitor.db.postgres_schema import MIGRATION_V9

    for sql in MIGRATION_V9:
        run_sql(db, sql)
    _replace_functions(db, server_functions_v9())  # first: the column texts the data step writes are indexed

    def column(plan_id: int, position: int, key: str, label: str, source: str, fmt: str) -> int:
        row = run_sql(
            db,
            'INSERT INTO "plan_column" ("plan_id", "position", "key", "label", "number", "source", "format", '
            '"merge", "in_plan", "in_report") VALUES (?, ?, ?, ?, \'\', ?, ?, \'none\', true, true) '
            'RETURNING "id"',
            (plan_id, position, key, label, source, fmt),
        ).fetchone()
        return int(row[0])

    plan_columns: dict[int, dict[str, int]] = {}
    rows = run_sql(
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
                run_sql(
                    db,
                    'INSERT INTO "action_column_value" ("action_id", "column_id", "raw_text") VALUES (?, ?, ?)',
                    (action_id, columns[key], text),
                )
        rest = {k: v for k, v in extra.items() if not isinstance(v, str)}
        run_sql(
            db,
            'UPDATE "action" SET "extra" = ? WHERE "id" = ?',
            (json.dumps(rest, ensure_ascii=False, sort_keys=True), action_id),
        )
    meanings = [
        (meaning, return_id)
        for return_id, status in run_sql(
            db, "SELECT id, status FROM \"return\" WHERE status <> ''"
        ).fetchall()
        if (meaning := _STATUS_WORDS_V9.get(_fold_v9(str(status)), ""))
    ]
    if meanings:
        run_sql(db, 'ALTER TABLE "return" DISABLE TRIGGER lock_return')
        for meaning, return_id in meanings:
            run_sql(db, 'UPDATE "return" SET "status_meaning" = ? WHERE "id" = ?', (meaning, return_id))
        run_sql(db, 'ALTER TABLE "return" ENABLE TRIGGER lock_return')
    # the rights of a server's roles: the plan's new tables and a return's links as the plan's own tables
    # (everyone reads, whoever may change the plan writes), the status's meaning as the status
    _grant_like(db, "action", ("plan_column", "group_column", "action_column_value", "return_link"))
    _grant_column_like(db, "return", "status", "status_meaning")


#: PG_MIGRATIONS[v] brings a server from version v - 1 to v: the PostgreSQL twin of ``MIGRATIONS[v - 2]``
#: of :mod:`balti_monitor.db.migration_steps` (frozen SQL; it runs in the transaction that bumps the version).
#: A schema change therefore adds one SQLite step and one PostgreSQL step.
PG_MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {
    9: _kinds_and_progress_v9,
}

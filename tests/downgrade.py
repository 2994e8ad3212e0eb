"""Test helper: turn a current file into a file of an older schema version (to test a migration)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw

from balti_monitor.db import migrations
from balti_monitor.db.schema import snapshot_v1_sql


def downgrade(path: Path, version: int) -> None:
    """Make ``path`` a file of schema ``version``: drop every object that version does not have."""
    memory = sqlite3.connect(":memory:")
    memory.executescript(snapshot_v1_sql())
    db = pw.SqliteDatabase(None)
    db.connection = lambda: memory  # type: ignore[method-assign]
    db.execute_sql = lambda sql, params=(): memory.execute(sql, params)  # type: ignore[method-assign, assignment]
    for step in range(1, version):
        migrations.MIGRATIONS[step - 1](db)
    keep = {row[0] for row in memory.execute("SELECT name FROM sqlite_master")}
    conn = sqlite3.connect(path)
    conform_tables(conn, memory)
    memory.close()
    objects = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC"
    ).fetchall()
    for kind, name in objects:  # triggers, then tables (their indexes and FTS shadow tables go with them)
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        if name not in keep and exists and kind in ("trigger", "table"):
            conn.execute(f'DROP {kind.upper()} "{name}"')
    conn.execute(f"PRAGMA user_version={version}")
    conn.commit()
    conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, bool]]:
    return [(str(r[1]), bool(r[3])) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def conform_tables(conn: sqlite3.Connection, older: sqlite3.Connection) -> None:
    """Give every table ``older`` also has its older shape (columns, indexes, triggers), keeping the rows
    that fit: a table a later migration rebuilt or added columns to is rebuilt as it was (foreign keys
    off, SQLite's procedure), its indexes and the triggers re-created from ``older``. Tables ``older`` lacks
    are left for the caller to drop."""
    conn.commit()
    conn.execute("PRAGMA foreign_keys=OFF")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    tables = older.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'search_index%'"
    ).fetchall()
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name, sql in tables:
        if name not in present:
            continue
        wanted = _columns(older, name)
        if _columns(conn, name) == wanted:
            continue
        have = {c for c, _ in _columns(conn, name)}
        common = [c for c, _ in wanted if c in have]
        required = [c for c, notnull in wanted if notnull and c in have]
        where = " AND ".join(f'"{c}" IS NOT NULL' for c in required) or "1"
        quoted = ", ".join(f'"{c}"' for c in common)
        conn.execute(sql.replace(f'CREATE TABLE "{name}"', 'CREATE TABLE "conform_tmp"', 1))
        conn.execute(f'INSERT INTO "conform_tmp" ({quoted}) SELECT {quoted} FROM "{name}" WHERE {where}')
        conn.execute(f'DROP TABLE "{name}"')
        conn.execute(f'ALTER TABLE "conform_tmp" RENAME TO "{name}"')
    wanted_indexes = {
        r[0]: r[1]
        for r in older.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    }
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall():
        if name not in wanted_indexes:
            conn.execute(f'DROP INDEX "{name}"')
    for name, sql in wanted_indexes.items():
        table = sql.split(" ON ", 1)[1].split("(")[0].strip().strip('"')
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        if not exists and table in present:
            conn.execute(sql)
    for (sql,) in older.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(sql)
    conn.commit()
    conn.execute("PRAGMA foreign_keys=ON")

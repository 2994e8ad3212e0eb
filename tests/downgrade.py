"""Test helper: turn a current file into a file of an older schema version (to test a migration)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw

from balti_monitor.db import connection
from balti_monitor.db.schema import snapshot_v1_sql


def downgrade(path: Path, version: int) -> None:
    """Make ``path`` a file of schema ``version``: drop every object that version does not have."""
    memory = sqlite3.connect(":memory:")
    memory.executescript(snapshot_v1_sql())
    db = pw.SqliteDatabase(None)
    db.connection = lambda: memory  # type: ignore[method-assign]
    db.execute_sql = lambda sql, params=(): memory.execute(sql, params)  # type: ignore[method-assign, assignment]
    for step in range(1, version):
        connection.MIGRATIONS[step - 1](db)
    keep = {row[0] for row in memory.execute("SELECT name FROM sqlite_master")}
    memory.close()
    conn = sqlite3.connect(path)
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

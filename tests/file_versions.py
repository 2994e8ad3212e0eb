"""Test helper: turn a file of the current schema into a version-1 file, as an older program left it.

Every table, index, trigger and view that later migrations added is dropped (the frozen version-1 snapshot,
``balti_monitor/db/schema_v1.sql``, names what version 1 had), so opening the file runs every migration
after a backup — whatever migrations are added later.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from balti_monitor.db.schema import snapshot_v1_sql
from tests.downgrade import conform_tables


def _is_virtual(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return bool(row and row[0] and row[0].upper().startswith("CREATE VIRTUAL TABLE"))


def as_version_1(path: Path, *, with_forms_table: bool = True) -> None:
    """Drop what version 1 did not have (form_status was made at run time then, so it may exist)."""
    v1 = sqlite3.connect(":memory:")
    v1.executescript(snapshot_v1_sql())
    v1_names = {r[0] for r in v1.execute("SELECT name FROM sqlite_master")}
    conn = sqlite3.connect(path, isolation_level=None)
    conform_tables(conn, v1)
    v1.close()
    keep = v1_names | ({"form_status"} if with_forms_table else set())
    for kind in ("trigger", "view", "table"):  # a virtual table drops its own shadow tables
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))]
        virtual = [n for n in names if n not in keep and _is_virtual(conn, n)]
        for name in virtual + [n for n in names if n not in keep and n not in virtual]:
            if not name.startswith("sqlite_"):
                conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    conn.execute("PRAGMA user_version=1")
    conn.close()

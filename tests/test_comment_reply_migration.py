"""The reply of a follow-up (its answer come back in a return form) arrives in older files through one
migration that keeps every comment."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from downgrade import downgrade

from balti_monitor.db import connection, migration_steps, migrations
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.migrations import SCHEMA_VERSION


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
    ).fetchall()
    conn.close()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def test_a_file_from_before_the_replies_is_migrated_to_the_fresh_schema_keeping_its_comments(
    demo_file: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)
    close_database()
    old = tmp_path / "old.sqlite"
    old.write_bytes(demo_file.read_bytes())
    before = migrations.MIGRATIONS.index(migration_steps._add_comment_replies) + 1
    downgrade(old, before + 1)  # later migrations undone: the file as this migration left it
    conn = sqlite3.connect(old)
    conn.execute('DROP TABLE "cell_comment"')  # the table as the version before this migration had it
    for sql in migration_steps._COMMENT_REPLY_V8[1:2]:
        conn.execute(
            sql.replace(', "reply" TEXT NOT NULL, "replied_at" DATETIME', "").replace(" IF NOT EXISTS", "")
        )
    for sql in migration_steps._COMMENT_REPLY_V8[-2:]:
        conn.execute(sql)
    period, action = conn.execute("SELECT p.id, a.id FROM period p, action a LIMIT 1").fetchone()
    conn.execute(
        "INSERT INTO cell_comment (period_id, action_id, subdivision_id, column_no, text, follow_up, resolved, "
        "author, created_at) VALUES (?, ?, 1, 1, 'de clarificat', 1, 0, 'Ana', '2026-01-01 10:00:00')",
        (period, action),
    )
    conn.execute(f"PRAGMA user_version={before}")
    conn.commit()
    conn.close()
    (tmp_path / "backups").mkdir()
    open_database(old, backup_dir=tmp_path / "backups")
    assert connection.schema_version(connection.database) == SCHEMA_VERSION
    close_database()
    assert _schema(old) == _schema(fresh)
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT text, author, reply, replied_at FROM cell_comment").fetchall() == [
        ("de clarificat", "Ana", "", None)
    ]
    conn.close()

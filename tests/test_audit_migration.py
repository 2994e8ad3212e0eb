"""The audit trail and the signed-period lock arrive in older files through one migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from downgrade import downgrade

from balti_monitor.db import connection, migrations
from balti_monitor.db.audit import TRIGGERS_V7, add_audit
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.migrations import SCHEMA_VERSION


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
    ).fetchall()
    conn.close()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def test_a_file_from_before_the_audit_trail_is_migrated_to_the_fresh_schema(
    demo_file: Path, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)
    close_database()
    old = tmp_path / "old.sqlite"
    old.write_bytes(demo_file.read_bytes())
    before = migrations.MIGRATIONS.index(add_audit) + 1
    downgrade(old, before + 1)  # later migrations undone: the file as this migration left it
    conn = sqlite3.connect(old)
    for name in TRIGGERS_V7:
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("change_log", "audit_context", "period_signature", "cell_comment"):
        conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f"PRAGMA user_version={before}")
    conn.commit()
    conn.close()
    (tmp_path / "backups").mkdir()
    open_database(old, backup_dir=tmp_path / "backups")
    assert connection.schema_version(connection.database) == SCHEMA_VERSION
    close_database()
    assert _schema(old) == _schema(fresh)
    conn = sqlite3.connect(old)
    # the migrated file records changes and starts with an empty log
    assert conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == 0
    conn.execute("UPDATE value SET raw_text = raw_text || ' x' WHERE id = (SELECT min(id) FROM value)")
    assert conn.execute("SELECT COUNT(*) FROM change_log WHERE kind = 'value'").fetchone()[0] == 1
    conn.close()

"""The reference store (a source report's written totals) arrives in older files through one migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from file_versions import as_version_1

from balti_monitor.db import connection
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.migrations import SCHEMA_VERSION
from balti_monitor.db.models import ReferenceTotal


def _schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
        ).fetchall()
    conn.close()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def test_a_file_from_before_the_reference_store_is_migrated_to_the_fresh_schema(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)
    close_database()
    old = tmp_path / "old.sqlite"
    open_database(old)
    close_database()
    as_version_1(old)  # the file as a program before the reference store left it
    assert ReferenceTotal._meta.table_name not in {n for n, _ in _schema(old)}
    (tmp_path / "backups").mkdir()
    open_database(old, backup_dir=tmp_path / "backups")
    assert connection.schema_version(connection.database) == SCHEMA_VERSION
    close_database()
    assert _schema(old) == _schema(fresh)
    assert list((tmp_path / "backups").glob("*inainte-de-migrare*")), "a backup is made before migrating"

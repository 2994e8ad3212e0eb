"""The database file: schema version, refusal of foreign/newer files, a self-contained file after close."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from balti_monitor.db import file_header, migrations
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.models import Plan, Return
from balti_monitor.services.bundled import ensure_bundled_plan, load_demo


def test_new_file_gets_schema_version_and_application_id(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(path)
    close_database()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert raw.execute("PRAGMA application_id").fetchone()[0] == file_header.APPLICATION_ID
    raw.close()


def test_file_is_self_contained_after_close(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    open_database(path)
    load_demo()
    close_database()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "d.sqlite"]
    assert leftovers == []
    copy = tmp_path / "mailed" / "d.sqlite"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    open_database(copy)
    assert Return.select().count() > 100
    close_database()


def test_newer_file_is_refused_and_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path)
    close_database()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version={migrations.SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="versiune mai nouă"):
        open_database(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE contacts (name TEXT)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="altui program"):
        open_database(path)
    assert path.read_bytes() == before


def test_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "raport.sqlite"
    path.write_bytes(b"PK\x03\x04 this is a docx renamed")
    with pytest.raises(DatabaseError, match="nu este SQLite"):
        open_database(path)
    assert path.read_bytes() == b"PK\x03\x04 this is a docx renamed"


def test_migration_runs_with_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path)
    ensure_bundled_plan()
    close_database()

    def add_column(db) -> None:  # type: ignore[no-untyped-def]
        db.execute_sql("ALTER TABLE plan ADD COLUMN note TEXT DEFAULT ''")

    before = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", before + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_column])
    open_database(path)
    assert Plan.select().count() == 1
    columns = [r[1] for r in Plan._meta.database.execute_sql("PRAGMA table_info(plan)").fetchall()]
    assert "note" in columns
    close_database()
    backups = list(tmp_path.glob(f"old-inainte-de-migrare-v{before}.sqlite"))
    assert len(backups) == 1
    raw = sqlite3.connect(backups[0])
    assert raw.execute("PRAGMA user_version").fetchone()[0] == before
    raw.close()


def test_failed_migration_leaves_the_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path)
    ensure_bundled_plan()
    close_database()

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute_sql("ALTER TABLE plan ADD COLUMN note TEXT")
        raise RuntimeError("disk full")

    before = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", before + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        open_database(path)
    close_database()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == before
    assert "note" not in [r[1] for r in raw.execute("PRAGMA table_info(plan)").fetchall()]
    raw.close()

"""The version-9 migration (plan kinds, progress of an action as a whole, links, spans) keeps every value of
a file: counted and compared before and after, the cascade trap of the table rebuild included."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from downgrade import downgrade

from balti_monitor.db import connection
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.migrations import SCHEMA_VERSION

_TABLES = (
    "plan",
    "priority",
    "action",
    "indicator",
    "subdivision",
    "responsibility",
    "period",
    "return",
    "value",
    "narrative",
    "total_override",
    "period_responsibility",
    "reference_total",
    "change_log",
)


def _snapshot(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        counts = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in _TABLES}
        returns = conn.execute(
            "SELECT id, action_id, subdivision_id, period_id, description, review_status, status, updated_at "
            'FROM "return" ORDER BY id'
        ).fetchall()
        values = conn.execute(
            "SELECT id, return_id, indicator_id, raw_text, state, quantity, unit, women, men, approximate, status "
            "FROM value ORDER BY id"
        ).fetchall()
        periods = conn.execute("SELECT id, plan_id, year, semester FROM period ORDER BY id").fetchall()
        search = conn.execute("SELECT COUNT(*) FROM search_index WHERE kind <> 6").fetchone()[0]
    finally:
        conn.close()
    return {"counts": counts, "returns": returns, "values": values, "periods": periods, "search": search}


@pytest.fixture
def previous_version(demo_file: Path, tmp_path: Path) -> Path:
    """The demo file as the version before this migration left it, with a Word-imported extra column and a
    status word on one return (what version 8 could hold of the seeds)."""
    old = tmp_path / "old.sqlite"
    old.write_bytes(demo_file.read_bytes())
    downgrade(old, SCHEMA_VERSION - 1)
    conn = sqlite3.connect(old)
    first, second = (r[0] for r in conn.execute("SELECT id FROM action ORDER BY id LIMIT 2"))
    conn.execute(
        "UPDATE action SET extra = ? WHERE id = ?",
        (json.dumps({"partners": "Societatea civilă", "budget": "Nu este cazul.", "note": [1]}), first),
    )
    conn.execute("UPDATE action SET extra = ? WHERE id = ?", (json.dumps({"partners": ""}), second))
    conn.execute('UPDATE "return" SET status = ? WHERE id = (SELECT min(id) FROM "return")', ("Realizată ",))
    conn.commit()
    conn.close()
    return old


def test_the_migration_keeps_every_value_and_moves_extra_texts_to_declared_columns(
    previous_version: Path, tmp_path: Path
) -> None:
    before = _snapshot(previous_version)
    assert before["counts"]["value"] > 100  # type: ignore[index]
    backups = tmp_path / "backups"
    backups.mkdir()
    open_database(previous_version, backup_dir=backups)
    assert connection.schema_version(connection.database) == SCHEMA_VERSION
    close_database()
    assert list(backups.iterdir())  # the backup came first
    after = _snapshot(previous_version)
    assert after == before  # every row, every raw text, the search index: the rebuild deleted nothing
    conn = sqlite3.connect(previous_version)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        first = conn.execute("SELECT min(id) FROM action").fetchone()[0]
        columns = conn.execute(
            "SELECT key, label, source, position FROM plan_column ORDER BY position"
        ).fetchall()
        assert [c[0] for c in columns] == [
            "code",
            "title",
            "indicators",
            "deadline",
            "responsible",
            "partners",
            "budget",
        ]
        assert columns[-2][1:3] == ("Parteneri", "column")
        values = conn.execute(
            "SELECT a.id, c.key, v.raw_text FROM action_column_value v JOIN action a ON a.id = v.action_id "
            "JOIN plan_column c ON c.id = v.column_id ORDER BY a.id, c.key"
        ).fetchall()
        assert values == [(first, "budget", "Nu este cazul."), (first, "partners", "Societatea civilă")]
        assert json.loads(conn.execute("SELECT extra FROM action WHERE id = ?", (first,)).fetchone()[0]) == {
            "note": [1]
        }
        found = conn.execute(
            "SELECT body FROM search_index WHERE search_index MATCH 'societatea' AND kind = 6"
        ).fetchall()
        assert found == [("Societatea civilă",)]  # the moved texts are searchable
        status = conn.execute('SELECT status, status_meaning FROM "return" ORDER BY id LIMIT 1').fetchone()
        assert status == ("Realizată ", "done")  # raw kept, meaning beside it
    finally:
        conn.close()


def test_a_migrated_file_has_the_fresh_schema(previous_version: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)
    close_database()
    open_database(previous_version, backup_dir=tmp_path)
    close_database()

    def schema(path: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
        found = [(str(n), " ".join(str(s).split())) for n, s in rows.fetchall()]
        conn.close()
        return found

    assert schema(previous_version) == schema(fresh)


def test_one_return_of_the_action_as_a_whole_per_period_and_it_is_audited(previous_version: Path) -> None:
    open_database(previous_version)
    close_database()
    conn = sqlite3.connect(previous_version)
    conn.execute("PRAGMA foreign_keys=ON")
    try:
        action, period, plan = conn.execute(
            "SELECT a.id, p.id, p.plan_id FROM action a, period p ORDER BY a.id, p.id LIMIT 1"
        ).fetchone()
        insert = (
            'INSERT INTO "return" (action_id, subdivision_id, period_id, description, review_status, status, '
            "status_meaning, updated_at) VALUES (?, NULL, ?, ?, 'received', 'Inițiată', 'started', "
            "'2026-01-01 10:00:00')"
        )
        conn.execute(insert, (action, period, "Acțiunea a fost inițiată."))
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(insert, (action, period, "a doua"))
        logged = conn.execute(
            "SELECT subdivision, new_text FROM change_log WHERE kind = 'description' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        assert logged == ("", "Acțiunea a fost inițiată.")
        conn.execute(
            "INSERT INTO period (plan_id, year, semester, span_end) VALUES (?, 2017, 0, 2019)", (plan,)
        )
        span = conn.execute("SELECT id FROM period WHERE span_end = 2019").fetchone()[0]
        conn.execute(
            insert.replace("'Inițiată', 'started'", "'', ''"), (action, span, "Rezultatele 2017-2019")
        )
        assert conn.execute("SELECT period FROM change_log ORDER BY id DESC LIMIT 1").fetchone() == (
            "2017-2019",
        )
        ret = conn.execute('SELECT max(id) FROM "return"').fetchone()[0]
        conn.execute(
            "INSERT INTO return_link (return_id, position, text, url) VALUES (?, 1, 'a', 'https://a')", (ret,)
        )
        conn.execute(f'DELETE FROM "return" WHERE id = {ret}')
        assert (
            conn.execute("SELECT COUNT(*) FROM return_link").fetchone()[0] == 0
        )  # links go with their return
    finally:
        conn.close()

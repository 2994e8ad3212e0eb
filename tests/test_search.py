"""Full-text search of the returns, the report's text and the plan (issue 11, item 11)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from downgrade import downgrade

from balti_monitor.db import migration_steps, migrations
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Action, Narrative, Period, Return, Subdivision, Value, database
from balti_monitor.db.search_index import TABLE
from balti_monitor.services.search import search

REPO = Path(__file__).resolve().parent.parent


def test_search_ignores_diacritics_and_names_period_action_subdivision(engine_demo_db: str) -> None:
    hits = search("sesizari")
    assert hits, "„sesizari” should find „sesizări”"
    values = [h for h in hits if h.kind == "valoare"]
    assert values and all("sesizări" in h.snippet for h in values)
    first = values[0]
    assert first.period_code == "2023-S1" and first.action_code and first.subdivision
    assert first.where.startswith("Indicator ")
    # The word typed with the old cedilla letters finds the comma-below ones.
    assert search("şedinţe") == search("ședințe")


def test_alerte_finds_the_returns_that_mention_it_not_only_the_plan(engine_demo_db: str) -> None:
    hits = search("Alerte")
    codes = {(h.action_code, h.kind) for h in hits}
    assert ("5.3", "descriere") in codes
    assert any(kind == "plan" for _code, kind in codes)
    described = next(h for h in hits if h.action_code == "5.3" and h.kind == "descriere")
    assert described.column == 0 and described.subdivision_id is not None
    assert "«Alerte»" in described.snippet


def test_the_index_follows_every_write(engine_demo_db: str) -> None:
    assert not search("zorilă")
    ret = Return.select().first()
    ret.description = "Campania Zorilă a început"
    ret.save()
    assert [h.action_id for h in search("zorila")] == [ret.action_id]
    value = Value.select().first()
    value.raw_text = "3 brățări galbene"
    value.save()
    hit = next(h for h in search("bratari") if h.kind == "valoare")
    assert hit.column is not None and hit.subdivision_id == value.ret.subdivision_id
    narrative = Narrative.select().first()
    narrative.executive_summary = "Un rezumat despre Ciocârlia"
    narrative.save()
    assert [h.kind for h in search("ciocarlia")] == ["raport"]
    value.delete_instance()
    assert not [h for h in search("bratari") if h.kind == "valoare"]
    Return.delete().where(Return.id == ret.id).execute()
    assert not search("zorila")


def test_a_period_filter_and_a_missing_index_is_rebuilt(demo_db: Path) -> None:
    period = Period.select().first()
    assert search("registru", period.id)
    other = Period.create(plan=period.plan, year=2024, semester=1)
    assert all(h.period_id is None for h in search("registru", other.id))  # only the plan's texts
    database.execute_sql(f"DROP TABLE {TABLE}")
    assert search("sesizari")  # rebuilt on the next search


def test_a_fresh_file_and_a_migrated_previous_version_have_the_same_schema(tmp_path: Path) -> None:
    fresh = tmp_path / "nou.sqlite"
    open_database(fresh)
    close_database()
    old = tmp_path / "vechi.sqlite"
    open_database(old)
    Subdivision.create(code="x", name="Direcția X")
    close_database()
    downgrade(old, migrations.MIGRATIONS.index(migration_steps._add_search_index) + 1)
    open_database(old)  # migrates
    close_database()

    def schema(path: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.close()
        return [*rows, ("version", str(version))]

    assert schema(fresh) == schema(old)


def test_cli_search_prints_one_hit_a_line(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    path.write_bytes(demo_file.read_bytes())
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "balti_monitor",
            "--db",
            str(path),
            "search",
            "sesizari",
            "--period",
            "2023-S1",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=REPO,
    ).stdout.splitlines()
    assert out
    period, action, subdivision, where, snippet = out[0].split("\t")
    assert period == "2023-S1" and action and subdivision != "-"
    assert where == "descriere" or where.startswith("Indicator ")
    assert "sesizări" in snippet
    missing = subprocess.run(
        [sys.executable, "-m", "balti_monitor", "--db", str(path), "search", "xyzzyq"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
    )
    assert missing.returncode == 1 and "Nu s-a găsit" in missing.stdout


@pytest.mark.parametrize("text", ['"', "AND OR", "*", "NEAR(", "-"])
def test_odd_input_never_breaks_the_query(demo_db: Path, text: str) -> None:
    from balti_monitor.services.errors import ServiceError

    try:
        search(text)
    except ServiceError as exc:
        assert "cuvânt" in str(exc)


def test_actions_titles_are_searchable(engine_demo_db: str) -> None:
    action = Action.select().where(Action.code == "5.3").get()
    word = action.title.split()[-1]
    assert any(h.action_id == action.id and h.kind == "plan" for h in search(word, limit=500))

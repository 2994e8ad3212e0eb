"""Deleting a plan item and putting it back on both engines (the row machinery of
``services/plan_rows.py``): the cascade graph and columns come from the models, so they are checked here
against each engine's own catalogue; a deletion and its undo leave every row, every id, the change log and
the search index as on a file; the next insert after an undo never collides with a restored id.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_undo_services import action, period, sub

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import (
    ALL_MODELS,
    Action,
    Indicator,
    Priority,
    Return,
    Value,
    database,
    is_postgresql,
)
from balti_monitor.services.editing import cell_text
from balti_monitor.services.plan_delete import DeleteItem
from balti_monitor.services.plan_edit import AddAction, AddIndicator
from balti_monitor.services.plan_fields import ActionFields, IndicatorFields
from balti_monitor.services.plan_rows import cascade_children, table_columns
from balti_monitor.services.search import search
from tests.server_people import connect, people_server

MODEL_TABLES = sorted(m._meta.table_name for m in ALL_MODELS)


def _sql(query: str, params: tuple[Any, ...] = ()) -> Any:
    return database.execute_sql(query, params)  # type: ignore[no-untyped-call]


def catalogue_cascades() -> dict[str, list[tuple[str, str]]]:
    """referenced table → sorted [(child table, column)] over every ``ON DELETE CASCADE`` key the engine
    itself stores, in every table it has (also those created outside the models: the search index …)."""
    found: dict[str, list[tuple[str, str]]] = {}
    if is_postgresql():
        rows = _sql(
            "SELECT parent.relname, child.relname, a.attname FROM pg_constraint c "
            "JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
            "WHERE c.contype = 'f' AND c.confdeltype = 'c' "
            "AND child.relnamespace = current_schema()::regnamespace"
        ).fetchall()
    else:
        tables = [r[0] for r in _sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "search_index" in tables  # the walk covers the tables made outside the models too
        rows = [
            (fk[2], table, fk[3])
            for table in tables
            for fk in _sql(f'PRAGMA foreign_key_list("{table}")')
            if str(fk[6]).upper() == "CASCADE"
        ]
    for parent, child, column in rows:
        found.setdefault(str(parent), []).append((str(child), str(column)))
    return {table: sorted(kids) for table, kids in sorted(found.items())}


def stored_columns(table: str) -> list[str]:
    if is_postgresql():
        return [
            str(r[0])
            for r in _sql(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ? ORDER BY ordinal_position",
                (table,),
            )
        ]
    return [str(r[1]) for r in _sql(f'PRAGMA table_info("{table}")')]


def test_the_cascade_graph_of_the_models_is_the_one_a_fresh_file_stores(tmp_path: Path) -> None:
    """The graph the deletion walks equals SQLite's ``PRAGMA foreign_key_list`` over every table of a
    fresh file: a table given a cascading key outside the models would make this fail."""
    open_database(tmp_path / "nou.sqlite")
    try:
        stored = catalogue_cascades()
        assert stored == cascade_children()
        assert {"action", "return", "indicator"} <= set(stored)  # the walk found keys at all
        for table in MODEL_TABLES:
            assert table_columns(table) == tuple(stored_columns(table)), table
    finally:
        close_database()


def test_the_cascade_graph_and_columns_are_the_engines_own(engine_db: str) -> None:
    """On both engines (a server is built by frozen SQL, not by the models): the same cascading keys, and
    every table has the models' columns, the id first."""
    assert catalogue_cascades() == cascade_children()
    for table in MODEL_TABLES:
        columns = table_columns(table)
        assert columns[0] == "id" and sorted(columns) == sorted(stored_columns(table)), table


def exact_state() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the models, with its id and time stamps (the change log apart: it only
    grows), in id order."""
    dump = {}
    for table in MODEL_TABLES:
        if table in ("change_log", "audit_context"):
            continue
        names = ", ".join(f'"{c}"' for c in table_columns(table))
        dump[table] = [tuple(r) for r in _sql(f'SELECT {names} FROM "{table}" ORDER BY id')]
    return dump


def log_since(start: int) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in _sql(
            "SELECT kind, field, action, subdivision, column_no, old_text, new_text, note FROM change_log "
            "WHERE id > ? ORDER BY id",
            (start,),
        )
    ]


def last_log_id() -> int:
    return int(_sql("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])


def test_deleting_an_action_with_returns_and_undoing_it_puts_every_row_back(engine_demo_db: str) -> None:
    a13, pid = action("1.13"), period().id
    returns = Return.select().where(Return.action == a13)
    described = next(r for r in returns if r.description.strip())
    word = max(described.description.split(), key=len).strip(".,;:„”()")
    assert any(h.action_id == a13 for h in search(word))
    assert cell_text(pid, a13, sub("DS"), 1) == "5 acte"
    n_values = Value.select().join(Return).where(Return.action == a13).count()
    assert n_values > 0
    before = exact_state()
    start = last_log_id()

    changes = DeleteItem("action", a13).apply()
    assert Action.get_or_none(Action.id == a13) is None
    assert not Return.select().where(Return.action == a13).exists()
    assert not Value.select().join(Indicator).where(Indicator.action == a13).exists()
    assert not any(h.action_id == a13 for h in search(word))
    deleted_log = log_since(start)
    assert ("plan", "structure", "1.13", "", None, "", "", "Acțiunea 1.13: ștergere") in deleted_log
    assert sum(1 for r in deleted_log if r[0] == "value" and r[2] == "1.13" and r[5] and not r[6]) >= 1
    assert changes.inverse is not None

    middle = last_log_id()
    changes.inverse.apply()
    assert exact_state() == before  # every row under its id, time stamps and all
    assert cell_text(pid, a13, sub("DS"), 1) == "5 acte"
    assert any(h.action_id == a13 for h in search(word))  # the restored texts are found again
    restored_log = log_since(middle)
    assert restored_log[-1][:3] == ("plan", "structure", "1.13")
    assert restored_log[-1][7] == "Acțiunea 1.13: readucere"
    # what the deletion logged for the values comes back reversed, as a file's triggers record it
    assert sorted((r[2], r[3], r[4], r[6], r[5]) for r in deleted_log if r[0] == "value") == sorted(
        (r[2], r[3], r[4], r[5], r[6]) for r in restored_log if r[0] == "value"
    )

    top = max(int(r[0]) for r in before["action"])
    new = AddAction(
        Priority.get_by_id(Action.get_by_id(a13).priority_id).id, None, ActionFields("1.99", "Nouă")
    )
    added = new.apply().new_id
    assert added is not None and added > top
    assert AddIndicator(added, IndicatorFields("numărul de ședințe")).apply().new_id is not None


def test_an_undone_deletion_moves_the_ids_past_the_restored_rows(engine_demo_db: str) -> None:
    """The newest action deleted, then the ids restarted after the largest remaining one (what a file does
    by itself, and a copy or restore into a server does to its sequences): after the undo, the next
    additions get new ids instead of colliding with the restored ones."""
    newest = Action.select().order_by(Action.id.desc()).first()
    indicators = [i.id for i in Indicator.select().where(Indicator.action == newest.id)]
    changes = DeleteItem("action", newest.id).apply()
    if is_postgresql():
        from balti_monitor.db.pg_rebuild import reset_sequences

        reset_sequences(database)
    assert changes.inverse is not None
    changes.inverse.apply()
    added = AddAction(newest.priority_id, None, ActionFields("9.99", "După readucere")).apply().new_id
    assert added is not None and added > newest.id
    ind = AddIndicator(added, IndicatorFields("un indicator nou")).apply().new_id
    assert ind is not None and ind > max(indicators, default=0)
    assert [i.id for i in Indicator.select().where(Indicator.action == newest.id)] == indicators


@pytest.fixture
def people(pg_templates: dict[str, str]) -> Iterator[Any]:
    """The demo on a server set up by ``server-setup``, with a person of every role (PostgreSQL only)."""
    yield from people_server(pg_templates)


def test_a_specialist_undoes_a_deletion_on_a_server_whose_sequences_were_restarted(people: Any) -> None:
    """Through the program as the specialist role (``USAGE, SELECT`` on the sequences, not ``UPDATE``):
    the undo still moves the sequences past the restored ids, and the next addition works."""
    open_database(people.url_of("sef"))
    newest = Action.select().order_by(Action.id.desc()).first()
    changes = DeleteItem("action", newest.id).apply()
    with connect(people, "balti") as admin:
        for table in MODEL_TABLES:
            admin.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
            )
    assert changes.inverse is not None
    changes.inverse.apply()
    assert Action.get_by_id(newest.id).code == newest.code
    added = AddAction(newest.priority_id, None, ActionFields("9.99", "După readucere")).apply().new_id
    assert added is not None and added > newest.id

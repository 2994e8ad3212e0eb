"""The rows a deletion of a plan item removes, as stored: found by walking the ``ON DELETE CASCADE``
foreign keys (so tables added later are covered), frozen into a :data:`Rows` snapshot, deleted, and inserted
back under their former ids (the undo of a deletion). Also the small raw-SQL helpers the plan edits share
(a table's columns, one column of one row, the JSON lists of indicator numbers).

**Where the cascade graph comes from.** From the peewee models (``ALL_MODELS``: each
:class:`~peewee.ForeignKeyField` with ``on_delete="CASCADE"``, each table's fields in their declared order),
not from an engine's catalogue, so SQLite files and PostgreSQL servers walk the same graph with the same
code. That is exact because the stored schema *is* the models on both engines, checked on every open (a
file against ``db/schema_current.py``, generated from the models; a server against the models by
``db/postgres.model_problems``). The tables created outside the models hold nothing a deletion must put
back: the search index (an FTS5 table and its shadow tables on a file, a plain table on a server) is
derived from the data by triggers, which remove and re-add its rows with the rows they index, and a
server's ``schema_version`` is no data. ``tests/test_plan_rows.py`` compares this graph with SQLite's
``PRAGMA foreign_key_list`` over every table of a fresh file and with a server's catalogue, so a table
given a cascading key outside the models could not be forgotten. Rows are read by naming the models'
columns (never ``SELECT *``), so each tuple matches its column list whatever order an engine stores the
columns in.

**Ids on a server.** Rows put back under their former ids do not move a ``SERIAL`` sequence; when a
sequence is behind a restored id (its ids were restarted meanwhile, e.g. by a copy or restore into the
server), :func:`insert_rows` moves it past the largest id, so the next insert cannot collide.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import peewee as pw

from balti_monitor.db.models import ALL_MODELS, database, is_postgresql

Rows = tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]
"""Snapshot of deleted rows: (table, columns, rows) in the order they are put back."""


def sql(query: str, params: Sequence[Any] = ()) -> Any:
    """Run raw SQL with ``?`` placeholders on the open database."""
    return database.execute_sql(query, params)  # type: ignore[no-untyped-call]


def _model_tables() -> dict[str, type[pw.Model]]:
    """Table name → model, over every model."""
    return {model._meta.table_name: model for model in ALL_MODELS}


def table_columns(table: str) -> tuple[str, ...]:
    """The column names of a table (the id first, then the model's fields in their declared order: the
    order a fresh file stores them in)."""
    fields = _model_tables()[table]._meta.sorted_fields
    return tuple(f.column_name for f in fields if f.primary_key) + tuple(
        f.column_name for f in fields if not f.primary_key
    )


def select_rows(table: str, where: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """The rows of ``table`` matching ``where`` (``?`` placeholders), each as the values of
    :func:`table_columns` in that order (the id first)."""
    names = ", ".join(f'"{c}"' for c in table_columns(table))
    return [tuple(r) for r in sql(f'SELECT {names} FROM "{table}" WHERE {where}', params)]


def json_list(value: Any) -> list[int]:
    """A stored JSON list of indicator numbers as ints (None: empty)."""
    if value is None:
        return []
    loaded = json.loads(value) if isinstance(value, str) else value
    return [int(n) for n in loaded]


def dump_list(numbers: list[int]) -> str:
    """Indicator numbers as the JSON text they are stored as."""
    return json.dumps(numbers, ensure_ascii=False, sort_keys=True)


def column_value(table: str, row_id: int, column: str) -> Any:
    """One stored value of one row (None when the row is gone)."""
    found = sql(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return None if found is None else found[0]


def set_column(table: str, row_id: int, column: str, value: Any) -> None:
    """Write one stored value of one row."""
    sql(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (value, row_id))


def has_raw_text(row: tuple[Any, ...]) -> bool:
    """Whether a ``value`` row holds text (a return's empty cell is not data)."""
    columns = table_columns("value")
    return bool(str(row[columns.index("raw_text")] or "").strip())


def cascade_children() -> dict[str, list[tuple[str, str]]]:
    """referenced table → [(child table, child column)] over every ``ON DELETE CASCADE`` foreign key of the
    models (children sorted by table and column)."""
    children: dict[str, list[tuple[str, str]]] = {}
    for model in ALL_MODELS:
        for field in model._meta.sorted_fields:
            if isinstance(field, pw.ForeignKeyField) and str(field.on_delete or "").upper() == "CASCADE":
                referenced = field.rel_model._meta.table_name
                children.setdefault(referenced, []).append((model._meta.table_name, field.column_name))
    return {table: sorted(kids) for table, kids in sorted(children.items())}


def subtree(table: str, row_id: int) -> dict[str, dict[int, tuple[Any, ...]]]:
    """Every row a deletion of ``table``/``row_id`` removes (itself and its cascade), by table, parents
    first (breadth first), each row as its raw stored values."""
    children = cascade_children()
    found: dict[str, dict[int, tuple[Any, ...]]] = {}
    first = select_rows(table, "id = ?", (row_id,))
    if not first:
        return found
    found[table] = {row_id: first[0]}
    queue: list[tuple[str, list[int]]] = [(table, [row_id])]
    while queue:
        parent, ids = queue.pop(0)
        for child, column in children.get(parent, []):
            marks = ", ".join("?" for _ in ids)
            new: list[int] = []
            for row in select_rows(child, f'"{column}" IN ({marks})', ids):
                bucket = found.setdefault(child, {})
                if row[0] not in bucket:
                    bucket[row[0]] = row
                    new.append(int(row[0]))
            if new:
                queue.append((child, new))
    return found


def _table_order() -> list[str]:
    """Tables ordered so that a referenced table comes before the tables referring to it."""
    children = cascade_children()
    parents: dict[str, set[str]] = {}
    for referenced, kids in children.items():
        for child, _column in kids:
            if child != referenced:
                parents.setdefault(child, set()).add(referenced)
    tables = sorted(set(children) | set(parents))
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for parent in sorted(parents.get(name, ())):
            visit(parent)
        order.append(name)

    for name in tables:
        visit(name)
    return order


def freeze(rows: dict[str, dict[int, tuple[Any, ...]]]) -> Rows:
    """The rows found by :func:`subtree` as a :data:`Rows` snapshot, parents' tables first."""
    order = _table_order()
    frozen = []
    for table in sorted(rows, key=lambda t: (order.index(t) if t in order else len(order), t)):
        frozen.append((table, table_columns(table), tuple(rows[table].values())))
    return tuple(frozen)


def delete_rows(rows: Rows) -> None:
    """Delete the snapshot's rows, children first (the cascade would do it, row by row is explicit)."""
    for table, _columns_of, table_rows in reversed(rows):
        ids = [r[0] for r in table_rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            sql(f'DELETE FROM "{table}" WHERE id IN ({marks})', chunk)


def insert_rows(rows: Rows) -> None:
    """Insert the snapshot's rows (parents first) under their former ids; on a server, every sequence of
    those tables is then ahead of the ids put back."""
    for table, columns, table_rows in rows:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        for row in table_rows:
            sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', row)
    if is_postgresql():
        from balti_monitor.db.pg_rebuild import advance_sequences

        advance_sequences(database, [table for table, _columns, table_rows in rows if table_rows])

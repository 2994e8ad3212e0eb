"""The rows a deletion of a plan item removes, as stored: found by walking the schema's ``ON DELETE CASCADE``
foreign keys (so tables added later are covered), frozen into a :data:`Rows` snapshot, deleted, and inserted
back under their former ids (the undo of a deletion). Also the small raw-SQL helpers the plan edits share
(a table's columns, one column of one row, the JSON lists of indicator numbers).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from balti_monitor.db.models import database

Rows = tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]
"""Snapshot of deleted rows: (table, columns, rows) in the order they are put back."""


def sql(query: str, params: Sequence[Any] = ()) -> Any:
    """Run raw SQL with ``?`` placeholders on the open database."""
    return database.execute_sql(query, params)  # type: ignore[no-untyped-call]


def table_columns(table: str) -> tuple[str, ...]:
    """The column names of a table, in their stored order."""
    return tuple(r[1] for r in sql(f'PRAGMA table_info("{table}")'))


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


def _cascade_children() -> dict[str, list[tuple[str, str]]]:
    """referenced table → [(child table, child column)] over every ``ON DELETE CASCADE`` foreign key."""
    children: dict[str, list[tuple[str, str]]] = {}
    tables = [
        r[0]
        for r in sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for table in tables:
        for fk in sql(f'PRAGMA foreign_key_list("{table}")'):
            referenced, column, on_delete = fk[2], fk[3], str(fk[6]).upper()
            if on_delete == "CASCADE":
                children.setdefault(referenced, []).append((table, column))
    return children


def subtree(table: str, row_id: int) -> dict[str, dict[int, tuple[Any, ...]]]:
    """Every row a deletion of ``table``/``row_id`` removes (itself and its cascade), by table, parents
    first (breadth first), each row as its raw stored values."""
    children = _cascade_children()
    found: dict[str, dict[int, tuple[Any, ...]]] = {}
    first = sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    if first is None:
        return found
    found[table] = {row_id: tuple(first)}
    queue: list[tuple[str, list[int]]] = [(table, [row_id])]
    while queue:
        parent, ids = queue.pop(0)
        for child, column in children.get(parent, []):
            marks = ", ".join("?" for _ in ids)
            new: list[int] = []
            for row in sql(f'SELECT * FROM "{child}" WHERE "{column}" IN ({marks})', ids):
                bucket = found.setdefault(child, {})
                if row[0] not in bucket:
                    bucket[row[0]] = tuple(row)
                    new.append(int(row[0]))
            if new:
                queue.append((child, new))
    return found


def _table_order() -> list[str]:
    """Tables ordered so that a referenced table comes before the tables referring to it."""
    children = _cascade_children()
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
    """Insert the snapshot's rows (parents first) under their former ids."""
    for table, columns, table_rows in rows:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        for row in table_rows:
            sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', row)

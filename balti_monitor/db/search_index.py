"""The full-text index of everything the user typed and the plan's texts (SQLite FTS5).

One row per searchable text: a return's description, a reported value, a period's narrative, an action's
title, an indicator's text. The tokenizer folds diacritics (``remove_diacritics 2``), so "sesizari" finds
"sesizări" and "şedinţe" (cedilla) finds "ședințe". The row id encodes where the text lives
(``id * 8 + kind``), so keeping the index in step is a primary-key delete and insert.

The index is kept in step by triggers on the tables it indexes: every write goes through SQLite, so every
path — the services, the imports (forms, JSON), undo, a restored backup (which carries its own index) —
updates it in the same transaction as the data. :func:`ensure_search_index` rebuilds it when it (or one of
its triggers) is missing, e.g. in a file written by a tool that dropped it.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

TABLE = "search_index"

#: Where an indexed text lives (the low three bits of its row id).
KIND_DESCRIPTION = 1
KIND_VALUE = 2
KIND_NARRATIVE = 3
KIND_ACTION = 4
KIND_INDICATOR = 5
KIND_COLUMN = 6  # an item's text in a declared column of its plan (column_no: the column's id)

_NARRATIVE_BODY = (
    "coalesce({t}.executive_summary, '') || ' ' || coalesce({t}.risks_intro, '') || ' ' || "
    "coalesce({t}.risks, '') || ' ' || coalesce({t}.proposals_intro, '') || ' ' || coalesce({t}.proposals, '')"
)

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "body, kind UNINDEXED, period_id UNINDEXED, action_id UNINDEXED, subdivision_id UNINDEXED, "
    "column_no UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
)

# (name, table, event, body): the triggers keeping the index in step. ``{insert_X}`` snippets below.
_INSERT_DESCRIPTION = (
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT new.id * 8 + {KIND_DESCRIPTION}, new.description, {KIND_DESCRIPTION}, new.period_id, "
    "new.action_id, new.subdivision_id, 0 WHERE trim(new.description) <> '';"
)
_INSERT_VALUE = (
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT new.id * 8 + {KIND_VALUE}, new.raw_text, {KIND_VALUE}, r.period_id, r.action_id, "
    'r.subdivision_id, i.number FROM "return" r, indicator i '
    "WHERE r.id = new.return_id AND i.id = new.indicator_id AND trim(new.raw_text) <> '';"
)
_INSERT_NARRATIVE = (
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT new.id * 8 + {KIND_NARRATIVE}, {_NARRATIVE_BODY.format(t='new')}, {KIND_NARRATIVE}, "
    "new.period_id, NULL, NULL, NULL;"
)
_INSERT_ACTION = (
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT new.id * 8 + {KIND_ACTION}, new.title, {KIND_ACTION}, NULL, new.id, NULL, NULL "
    "WHERE trim(new.title) <> '';"
)
_INSERT_INDICATOR = (
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT new.id * 8 + {KIND_INDICATOR}, new.text, {KIND_INDICATOR}, NULL, new.action_id, NULL, "
    "new.number WHERE trim(new.text) <> '';"
)


def _delete(kind: int) -> str:
    return f"DELETE FROM {TABLE} WHERE rowid = old.id * 8 + {kind};"


TRIGGERS: dict[str, str] = {
    "search_return_ins": f'AFTER INSERT ON "return" BEGIN {_INSERT_DESCRIPTION} END',
    "search_return_upd": (
        'AFTER UPDATE OF description ON "return" WHEN old.description IS NOT new.description '
        f"BEGIN {_delete(KIND_DESCRIPTION)} {_INSERT_DESCRIPTION} END"
    ),
    "search_return_del": f'AFTER DELETE ON "return" BEGIN {_delete(KIND_DESCRIPTION)} END',
    "search_value_ins": f"AFTER INSERT ON value BEGIN {_INSERT_VALUE} END",
    "search_value_upd": (
        "AFTER UPDATE OF raw_text ON value WHEN old.raw_text IS NOT new.raw_text "
        f"BEGIN {_delete(KIND_VALUE)} {_INSERT_VALUE} END"
    ),
    "search_value_del": f"AFTER DELETE ON value BEGIN {_delete(KIND_VALUE)} END",
    "search_narrative_ins": f"AFTER INSERT ON narrative BEGIN {_INSERT_NARRATIVE} END",
    "search_narrative_upd": (
        f"AFTER UPDATE ON narrative BEGIN {_delete(KIND_NARRATIVE)} {_INSERT_NARRATIVE} END"
    ),
    "search_narrative_del": f"AFTER DELETE ON narrative BEGIN {_delete(KIND_NARRATIVE)} END",
    "search_action_ins": f"AFTER INSERT ON action BEGIN {_INSERT_ACTION} END",
    "search_action_upd": (
        "AFTER UPDATE OF title ON action WHEN old.title IS NOT new.title "
        f"BEGIN {_delete(KIND_ACTION)} {_INSERT_ACTION} END"
    ),
    "search_action_del": f"AFTER DELETE ON action BEGIN {_delete(KIND_ACTION)} END",
    "search_indicator_ins": f"AFTER INSERT ON indicator BEGIN {_INSERT_INDICATOR} END",
    "search_indicator_upd": (
        f"AFTER UPDATE OF text, number ON indicator BEGIN {_delete(KIND_INDICATOR)} {_INSERT_INDICATOR} END"
    ),
    "search_indicator_del": f"AFTER DELETE ON indicator BEGIN {_delete(KIND_INDICATOR)} END",
}

_FILL = [
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT id * 8 + {KIND_DESCRIPTION}, description, {KIND_DESCRIPTION}, period_id, action_id, "
    "subdivision_id, 0 FROM \"return\" WHERE trim(description) <> ''",
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT v.id * 8 + {KIND_VALUE}, v.raw_text, {KIND_VALUE}, r.period_id, r.action_id, r.subdivision_id, "
    'i.number FROM value v JOIN "return" r ON r.id = v.return_id JOIN indicator i ON i.id = v.indicator_id '
    "WHERE trim(v.raw_text) <> ''",
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT n.id * 8 + {KIND_NARRATIVE}, {_NARRATIVE_BODY.format(t='n')}, {KIND_NARRATIVE}, n.period_id, "
    "NULL, NULL, NULL FROM narrative n",
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT id * 8 + {KIND_ACTION}, title, {KIND_ACTION}, NULL, id, NULL, NULL FROM action "
    "WHERE trim(title) <> ''",
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT id * 8 + {KIND_INDICATOR}, text, {KIND_INDICATOR}, NULL, action_id, NULL, number FROM indicator "
    "WHERE trim(text) <> ''",
]


def _execute(db: pw.SqliteDatabase, sql: str, params: tuple[Any, ...] = ()) -> Any:
    return db.execute_sql(sql, params)  # type: ignore[no-untyped-call]


#: The triggers and the filling as the version-5 migration made them (frozen).
TRIGGERS_V5: dict[str, str] = dict(TRIGGERS)
FILL_V5: tuple[str, ...] = tuple(_FILL)

_INSERT_COLUMN = (
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT new.id * 8 + {KIND_COLUMN}, new.raw_text, {KIND_COLUMN}, NULL, new.action_id, NULL, "
    "new.column_id WHERE trim(new.raw_text) <> '';"
)
#: Version 9 adds the items' texts in their plan's declared columns (frozen).
TRIGGERS_V9: dict[str, str] = {
    **TRIGGERS_V5,
    "search_column_ins": f"AFTER INSERT ON action_column_value BEGIN {_INSERT_COLUMN} END",
    "search_column_upd": (
        "AFTER UPDATE OF raw_text ON action_column_value WHEN old.raw_text IS NOT new.raw_text "
        f"BEGIN {_delete(KIND_COLUMN)} {_INSERT_COLUMN} END"
    ),
    "search_column_del": f"AFTER DELETE ON action_column_value BEGIN {_delete(KIND_COLUMN)} END",
}
FILL_V9: tuple[str, ...] = (
    *FILL_V5,
    f"INSERT INTO {TABLE}(rowid, body, kind, period_id, action_id, subdivision_id, column_no) "
    f"SELECT id * 8 + {KIND_COLUMN}, raw_text, {KIND_COLUMN}, NULL, action_id, NULL, column_id "
    "FROM action_column_value WHERE trim(raw_text) <> ''",
)
#: Today's triggers (a new file gets these).
TRIGGERS = TRIGGERS_V9


def create_search_index(
    db: pw.SqliteDatabase,
    triggers: dict[str, str] | None = None,
    fill: tuple[str, ...] | None = None,
) -> None:
    """Create the index and its triggers and fill it from the data (inside the caller's transaction);
    today's triggers unless a migration passes the frozen ones of its version."""
    triggers = TRIGGERS_V9 if triggers is None else triggers
    _execute(db, f"DROP TABLE IF EXISTS {TABLE}")
    for name in triggers:
        _execute(db, f"DROP TRIGGER IF EXISTS {name}")
    _execute(db, CREATE_TABLE)
    for name, body in triggers.items():
        _execute(db, f"CREATE TRIGGER {name} {body}")
    for sql in FILL_V9 if fill is None else fill:
        _execute(db, sql)


def search_index_complete(db: pw.SqliteDatabase) -> bool:
    """Whether the index table and every trigger are present."""
    rows = _execute(
        db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE 'search%'"
    ).fetchall()
    names = {row[0] for row in rows}
    return TABLE in names and all(name in names for name in TRIGGERS)


def ensure_search_index(db: pw.SqliteDatabase) -> bool:
    """Rebuild the index when it or one of its triggers is missing; True when it was rebuilt."""
    if search_index_complete(db):
        return False
    with db.atomic():
        create_search_index(db)
    return True

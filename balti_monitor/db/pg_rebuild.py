"""What a server needs after rows were written in bulk with their ids (a copy between engines, a restore,
a JSON import): every ``SERIAL`` restarted after the largest id (only moved forward after an undo put rows
back), the search index rebuilt from the data (when the rows were written with the triggers off), and the
tables that are never copied."""

from __future__ import annotations

from collections.abc import Iterable

import peewee as pw

from balti_monitor.db.models import ALL_MODELS
from balti_monitor.db.pg_driver import run_sql
from balti_monitor.db.pg_functions import NARRATIVE_BODY
from balti_monitor.db.search_index import (
    KIND_ACTION,
    KIND_COLUMN,
    KIND_DESCRIPTION,
    KIND_INDICATOR,
    KIND_NARRATIVE,
    KIND_VALUE,
    TABLE,
)

#: Tables the program never copies between engines (the search index is rebuilt by the triggers).
DERIVED_TABLES = frozenset({TABLE, "schema_version"})


def reset_sequences(db: pw.Database) -> None:
    """After rows were written with their ids (a copy, a restore), start every ``SERIAL`` after the
    largest id, so the next insert gets a new id."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        run_sql(
            db,
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)',
        )


def advance_sequences(db: pw.Database, tables: Iterable[str]) -> None:
    """After rows were put back under their former ids (the undo of a plan item's deletion), move each
    table's ``SERIAL`` past its largest id when it is behind (never back: ids another session took stay
    taken). Done with ``nextval``, which every role that may insert is granted (``setval`` needs more)."""
    for table in dict.fromkeys(tables):
        sequence = run_sql(db, f"SELECT pg_get_serial_sequence('\"{table}\"', 'id')").fetchone()[0]
        if sequence is None:
            continue
        top = run_sql(db, f'SELECT max(id) FROM "{table}"').fetchone()[0]
        last, called = run_sql(db, f"SELECT last_value, is_called FROM {sequence}").fetchone()
        handed_next = int(last) + 1 if called else int(last)  # what nextval would give
        if top is not None and int(top) >= handed_next:
            run_sql(
                db,
                f"SELECT max(nextval('{sequence}')) FROM generate_series(1, {int(top) - handed_next + 1})",
            )


def rebuild_search_index(db: pw.Database) -> None:
    """Fill the search index from the data (after a copy written with the triggers off)."""
    run_sql(db, f"DELETE FROM {TABLE}")
    fill = [
        f"SELECT id::bigint * 8 + {KIND_DESCRIPTION}, description, {KIND_DESCRIPTION}, period_id, action_id, "
        "subdivision_id, 0 FROM \"return\" WHERE trim(description) <> ''",
        f"SELECT v.id::bigint * 8 + {KIND_VALUE}, v.raw_text, {KIND_VALUE}, r.period_id, r.action_id, "
        'r.subdivision_id, i.number FROM value v JOIN "return" r ON r.id = v.return_id '
        "JOIN indicator i ON i.id = v.indicator_id WHERE trim(v.raw_text) <> ''",
        f"SELECT n.id::bigint * 8 + {KIND_NARRATIVE}, {NARRATIVE_BODY.format(t='n')}, {KIND_NARRATIVE}, "
        "n.period_id, NULL::integer, NULL::integer, NULL::integer FROM narrative n",
        f"SELECT id::bigint * 8 + {KIND_ACTION}, title, {KIND_ACTION}, NULL::integer, id, NULL::integer, "
        "NULL::integer FROM action WHERE trim(title) <> ''",
        f"SELECT id::bigint * 8 + {KIND_INDICATOR}, text, {KIND_INDICATOR}, NULL::integer, action_id, "
        "NULL::integer, number FROM indicator WHERE trim(text) <> ''",
        f"SELECT id::bigint * 8 + {KIND_COLUMN}, raw_text, {KIND_COLUMN}, NULL::integer, action_id, "
        "NULL::integer, column_id FROM action_column_value WHERE trim(raw_text) <> ''",
    ]
    for select in fill:
        run_sql(
            db,
            f"INSERT INTO {TABLE} (id, body, folded, kind, period_id, action_id, subdivision_id, column_no) "
            f"SELECT x.id, x.body, bm_fold(x.body), x.kind, x.p, x.a, x.s, x.c FROM ({select}) "
            "AS x(id, body, kind, p, a, s, c)",
        )

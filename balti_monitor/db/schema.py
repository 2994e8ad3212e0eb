"""The exact schema each version of the file must have, and the comparison of a file with it.

The schema of version 1 is frozen as SQL (``schema_v1.py`` beside this module); the schema of any later
version is that snapshot with the migrations (:data:`balti_monitor.db.migrations.MIGRATIONS`) applied, in
memory. A file is compared with the schema of *its own* version before anything is written to it: a
missing or extra table or column, a view in place of a table, an index that is not ours, or a trigger or
view of another program is a refusal (a trigger can silently delete data on the next write).

The comparison is structural, so two spellings of the same column (``VARCHAR(255)`` and ``TEXT``, a
default written in the SQL or not) compare equal: what is compared is, per table, the column names with
their type affinity, ``NOT NULL`` and primary-key position, the foreign keys, and the indexes (columns,
order, uniqueness, partial or not); triggers and views by name and SQL. Internal SQLite objects
(``sqlite_*``) are ignored. Version 1 files made before the form-status table existed lack that table;
both shapes are version 1 (migration 2 adds the table where it is missing).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from balti_monitor.i18n import _, ngettext

#: Objects of version 1 that a file made before they existed may lack (the form-status table).
V1_OPTIONAL_TABLES = frozenset({"form_status"})


@dataclass(frozen=True, slots=True)
class Schema:
    """The structure of a database, in a form two files can be compared by."""

    tables: dict[str, frozenset[tuple[str, str, bool, int]]]  # name -> {(column, affinity, notnull, pk)}
    foreign_keys: dict[
        str, frozenset[tuple[str, str, str, str]]
    ]  # table -> {(from, to table, to, on delete)}
    indexes: dict[str, frozenset[tuple[tuple[str, ...], bool, bool]]]  # table -> {(columns, unique, partial)}
    others: frozenset[tuple[str, str, str]]  # (type, name, normalised sql) of triggers and views

    def without_tables(self, names: frozenset[str]) -> Schema:
        """The schema with some tables (and their keys and indexes) left out."""
        return Schema(
            {k: v for k, v in self.tables.items() if k not in names},
            {k: v for k, v in self.foreign_keys.items() if k not in names},
            {k: v for k, v in self.indexes.items() if k not in names},
            self.others,
        )


def _affinity(declared: str) -> str:
    """SQLite's type affinity of a declared column type (section 3.1 of the datatype documentation)."""
    t = declared.upper()
    if "INT" in t:
        return "INTEGER"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "TEXT"
    if "BLOB" in t or not t:
        return "BLOB"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "REAL"
    return "NUMERIC"


def _norm_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().lower()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The structure of the database behind ``conn`` (read only)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    tables: dict[str, frozenset[tuple[str, str, bool, int]]] = {}
    keys: dict[str, frozenset[tuple[str, str, str, str]]] = {}
    indexes: dict[str, frozenset[tuple[tuple[str, ...], bool, bool]]] = {}
    others: set[tuple[str, str, str]] = set()
    for kind, name, _table, sql in rows:
        name = str(name)
        if name.startswith("sqlite_"):
            continue
        if kind in ("trigger", "view"):
            others.add((str(kind), name, _norm_sql(sql)))
            continue
        if kind != "table":
            continue
        columns = conn.execute(f"PRAGMA table_xinfo({_q(name)})").fetchall()
        tables[name] = frozenset(
            (str(c[1]), _affinity(str(c[2] or "")), bool(c[3]), int(c[5])) for c in columns
        )
        keys[name] = frozenset(
            (str(k[3]), str(k[2]), str(k[4]), str(k[6]).upper())
            for k in conn.execute(f"PRAGMA foreign_key_list({_q(name)})").fetchall()
        )
        found: set[tuple[tuple[str, ...], bool, bool]] = set()
        for index in conn.execute(f"PRAGMA index_list({_q(name)})").fetchall():
            if str(index[3]) == "pk":
                continue  # the primary key is already in the columns
            cols = tuple(
                str(c[2]) for c in conn.execute(f"PRAGMA index_info({_q(str(index[1]))})").fetchall()
            )
            found.add((cols, bool(index[2]), bool(index[4])))
        indexes[name] = frozenset(found)
    return Schema(tables, keys, indexes, frozenset(others))


def snapshot_v1_sql() -> str:
    """The frozen SQL of schema version 1 (every table, including the optional form-status table)."""
    from balti_monitor.db.schema_v1 import SQL

    return SQL


def differences(found: Schema, expected: Schema) -> list[str]:
    """Romanian sentences, one per difference of ``found`` from ``expected`` (empty when equal)."""
    problems: list[str] = []
    views = {name for kind, name, _sql in found.others if kind == "view"}
    for table in sorted(expected.tables):
        if table not in found.tables:
            if table in views:
                problems.append(_("„{table}” este o vedere (view), nu tabelul așteptat").format(table=table))
            else:
                problems.append(_("lipsește tabelul „{table}”").format(table=table))
            continue
        want = {c[0]: c for c in expected.tables[table]}
        have = {c[0]: c for c in found.tables[table]}
        missing = sorted(set(want) - set(have))
        extra = sorted(set(have) - set(want))
        changed = sorted(c for c in set(want) & set(have) if want[c] != have[c])
        if missing:
            problems.append(
                ngettext(
                    "tabelul „{table}” nu are coloana {missing}",
                    "tabelul „{table}” nu are coloanele {missing}",
                    min(len(missing), 2),  # a list: singular for one item only
                ).format(table=table, missing=", ".join(missing))
            )
        if extra:
            problems.append(
                _("tabelul „{table}” are coloane necunoscute: {extra}").format(
                    table=table, extra=", ".join(extra)
                )
            )
        if changed:
            problems.append(
                ngettext(
                    "tabelul „{table}” are alt tip la coloana {changed}",
                    "tabelul „{table}” are alt tip la coloanele {changed}",
                    min(len(changed), 2),  # a list: singular for one item only
                ).format(table=table, changed=", ".join(changed))
            )
        if found.foreign_keys.get(table, frozenset()) != expected.foreign_keys.get(table, frozenset()):
            problems.append(
                _("legăturile (cheile străine) ale tabelului „{table}” nu sunt cele așteptate").format(
                    table=table
                )
            )
        if found.indexes.get(table, frozenset()) != expected.indexes.get(table, frozenset()):
            problems.append(_("indexurile tabelului „{table}” nu sunt cele așteptate").format(table=table))
    for table in sorted(set(found.tables) - set(expected.tables)):
        problems.append(_("tabel necunoscut „{table}”").format(table=table))
    for kind, name, _sql in sorted(found.others - expected.others):
        if kind == "trigger":
            problems.append(_("declanșator (trigger) străin „{name}”").format(name=name))
        elif name not in expected.tables:
            problems.append(_("vedere (view) necunoscută „{name}”").format(name=name))
    for kind, name, _sql in sorted(expected.others - found.others):
        if kind == "trigger":
            problems.append(_("lipsește declanșatorul „{name}”").format(name=name))
        else:
            problems.append(_("lipsește vederea „{name}”").format(name=name))
    return problems


def schema_problems(
    conn: sqlite3.Connection, version: int, expected: Schema, fresh: Schema | None = None
) -> list[str]:
    """How the file behind ``conn`` (of ``version``) differs from ``expected``, the exact schema of that
    version (empty: it is ours).

    ``fresh`` is the schema a new file of the current version gets; a file of that version may have
    either (they are equal unless a migration and the models disagree, which a test guards against).
    """
    found = read_schema(conn)
    problems = differences(found, expected)
    if not problems:
        return []
    if version == 1 and not differences(found, expected.without_tables(V1_OPTIONAL_TABLES)):
        return []
    if fresh is not None and not differences(found, fresh):
        return []
    return problems


def describe(problems: Sequence[str], limit: int = 4) -> str:
    """The first problems as one Romanian phrase."""
    shown = "; ".join(problems[:limit])
    more = _(" (și încă {value})").format(value=len(problems) - limit) if len(problems) > limit else ""
    return shown + more


def schema_module_source(version: int, schema: Schema) -> str:
    """The text of ``schema_current.py``: ``schema`` (the exact schema of ``version``) as Python literals, in
    a stable order, so opening a file of the current version needs no in-memory build of its schema
    (written by ``tools/write_schema_current.py``; a test fails when it is stale)."""

    def frozen(items: frozenset[Any]) -> str:
        return (
            "frozenset({" + ", ".join(repr(item) for item in sorted(items)) + "})" if items else "frozenset()"
        )

    def table_map(mapping: dict[str, frozenset[Any]]) -> str:
        rows = "".join(f"        {name!r}: {frozen(mapping[name])},\n" for name in sorted(mapping))
        return "{\n" + rows + "    }"

    others = "".join(f"        {item!r},\n" for item in sorted(schema.others))
    return (
        '"""The exact schema of the current file version, generated: do not edit.\n\n'
        "Written by ``python tools/write_schema_current.py`` from the frozen version-1 SQL with every migration\n"
        "applied in memory (:func:`balti_monitor.db.integrity.build_expected_schema`); used when a file of\n"
        "this version is opened, instead of building it again. ``tests/test_file_integrity.py`` regenerates\n"
        'it and fails when it is stale (after a new migration, run the tool)."""\n\n'
        "from balti_monitor.db.schema import Schema\n\n"
        f"VERSION = {version}\n\n"
        "SCHEMA = Schema(\n"
        f"    tables={table_map(schema.tables)},\n"
        f"    foreign_keys={table_map(schema.foreign_keys)},\n"
        f"    indexes={table_map(schema.indexes)},\n"
        "    others=frozenset(\n        {\n" + others + "        }\n    ),\n"
        ")\n"
    )

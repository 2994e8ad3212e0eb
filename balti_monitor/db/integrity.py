"""Whether an opened file is sound and exactly ours: integrity, the exact schema of its version, its links.

``PRAGMA quick_check`` (of the whole file, or only of the schema and the plan tables when the caller
checks the rest later), then the comparison with the exact schema of the file's own version
(:func:`expected_schema`: the frozen version-1 SQL in ``schema_v1.py`` with the migrations applied in
memory, or the generated ``schema_current.py`` for the current version; tables, columns, indexes,
triggers, views) and ``PRAGMA foreign_key_check``. Apart from the opening
(:mod:`balti_monitor.db.connection`) because the services' file report and restore preview ask the same
questions of a file they never open as the database, and because building the expected schema is its own
piece of work (``tools/write_schema_current.py`` writes ``schema_current.py`` from
:func:`build_expected_schema`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw

from balti_monitor.db import migrations
from balti_monitor.db import schema as schema_check
from balti_monitor.db.audit import create_audit_triggers
from balti_monitor.db.errors import UNCHANGED, DatabaseError
from balti_monitor.db.models import ALL_MODELS
from balti_monitor.db.search_index import create_search_index
from balti_monitor.db.sqlite_file import execute as _sql
from balti_monitor.db.sqlite_file import raw_connection, table_names
from balti_monitor.i18n import _, ngettext

#: Tables whose size does not grow with the recorded history (the plan and the subdivisions): what
#: ``open_database(full_check=False)`` checks, in a time that stays the same at 1 or 20 years.
FIXED_SIZE_TABLES = (
    "sqlite_master",
    "plan",
    "priority",
    "action",
    "indicator",
    "subdivision",
    "subdivision_alias",
    "responsibility",
)


def quick_check_problems(db: pw.SqliteDatabase, limit: int = 5) -> list[str]:
    """``PRAGMA quick_check`` of the open file: an empty list when it is sound."""
    rows = _sql(db, f"PRAGMA quick_check({int(limit)})").fetchall()
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found


def fixed_size_check_problems(db: pw.SqliteDatabase) -> list[str]:
    """``PRAGMA quick_check`` of the schema and the :data:`FIXED_SIZE_TABLES` only (the rest of the file is
    for :func:`quick_check_problems`, later): an empty list when they are sound."""
    present = table_names(db) | {"sqlite_master"}
    found: list[str] = []
    for table in FIXED_SIZE_TABLES:
        if table in present:
            rows = [str(r[0]) for r in _sql(db, f"PRAGMA quick_check('{table}')").fetchall()]
            found += [] if rows == ["ok"] else rows
    return found


def describe_problems(problems: list[str]) -> str:
    """Integrity-check output as one Romanian phrase (count plus the first technical detail)."""
    details = [
        line.strip()
        for p in problems
        for line in p.splitlines()
        if line.strip() and not line.startswith("***")
    ]
    if not details:
        return _("verificarea integrității a eșuat")
    first = details[0]
    if len(details) == 1:
        return _("verificarea integrității a găsit o problemă („{first}”)").format(first=first)
    n = len(details)
    if n >= 5:
        return ngettext(
            "verificarea integrității a găsit cel puțin {n} problemă, de exemplu „{first}”",
            "verificarea integrității a găsit cel puțin {n} probleme, de exemplu „{first}”",
            n,
        ).format(n=n, first=first)
    return ngettext(
        "verificarea integrității a găsit {n} problemă, de exemplu „{first}”",
        "verificarea integrității a găsit {n} probleme, de exemplu „{first}”",
        n,
    ).format(n=n, first=first)


def expected_schema(version: int) -> schema_check.Schema:
    """The exact schema of ``version`` (see :func:`build_expected_schema`), built once per version; the
    current version's is read from the generated module ``schema_current`` (no build on open)."""
    cached = _EXPECTED.get(version)
    if cached is not None:
        return cached
    from balti_monitor.db import schema_current

    if version == schema_current.VERSION == len(migrations.MIGRATIONS) + 1:
        found = schema_current.SCHEMA
    else:
        found = build_expected_schema(version)
    _EXPECTED[version] = found
    return found


def build_expected_schema(version: int) -> schema_check.Schema:
    """The exact schema of ``version``: the frozen version-1 SQL with migrations 2..``version`` applied in
    an in-memory database (the reference ``schema_current`` is generated from)."""
    memory = pw.SqliteDatabase(":memory:")
    memory.connect()
    try:
        conn = memory.connection()  # type: ignore[no-untyped-call]
        conn.executescript(schema_check.snapshot_v1_sql())
        with memory.bind_ctx(ALL_MODELS):
            for step in range(1, version):
                with memory.atomic():
                    migrations.MIGRATIONS[step - 1](memory)
        found = schema_check.read_schema(conn)
    finally:
        memory.close()
    return found


def fresh_schema() -> schema_check.Schema:
    """The schema a new file of this version gets (from the models)."""
    cached = _EXPECTED.get(0)
    if cached is not None:
        return cached
    memory = pw.SqliteDatabase(":memory:")
    memory.connect()
    try:
        with memory.bind_ctx(ALL_MODELS):
            memory.create_tables(ALL_MODELS)
        create_search_index(memory)  # not a model: its own SQL, as a new file gets it (connection)
        create_audit_triggers(memory)
        found = schema_check.read_schema(memory.connection())  # type: ignore[no-untyped-call]
    finally:
        memory.close()
    _EXPECTED[0] = found
    return found


_EXPECTED: dict[int, schema_check.Schema] = {}


def structure_problems(conn: sqlite3.Connection, version: int, *, foreign_keys: bool = True) -> list[str]:
    """How an open file of ``version`` differs from the exact schema of that version, and its broken links
    (``PRAGMA foreign_key_check``), as Romanian phrases; empty when it is exactly ours."""
    problems = schema_check.schema_problems(conn, version, expected_schema(version))
    if problems and version == migrations.SCHEMA_VERSION:
        # a new file gets its schema from the models: equal to the migrated one (a test guards it), so it
        # is built only for a file that differs from the expected schema
        problems = schema_check.schema_problems(conn, version, expected_schema(version), fresh_schema())
    if foreign_keys and not problems:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = sorted({str(r[0]) for r in broken})
            problems.append(
                ngettext(
                    "{n_broken} legătură ruptă între tabele (în {tables})",
                    "{n_broken} legături rupte între tabele (în {tables})",
                    len(broken),
                ).format(n_broken=len(broken), tables=", ".join(tables[:4]))
            )
    return problems


def check_file(db: pw.SqliteDatabase, path: Path, version: int, *, full_check: bool = True) -> None:
    """Refuse (:class:`DatabaseError`, kind ``"damaged"``) the open file ``path`` of schema ``version`` when
    its integrity check fails or it is not exactly the schema of its version or its links are broken.

    Without ``full_check`` a file of the current version gets only :func:`fixed_size_check_problems` and no
    link check: the caller checks the whole file soon after. An older file is always checked in full (it
    is about to be migrated).
    """
    whole = full_check or version < migrations.SCHEMA_VERSION
    problems = quick_check_problems(db) if whole else fixed_size_check_problems(db)
    if problems:
        raise DatabaseError(
            _("Fișierul „{name}” este deteriorat: {problems}. {UNCHANGED}").format(
                name=path.name, problems=describe_problems(problems), UNCHANGED=_(UNCHANGED)
            ),
            "damaged",
        )
    # the links between tables are checked with the whole file (a cost that grows with history): at
    # once, or with the deferred check after the window's first paint
    structure = structure_problems(raw_connection(db), version, foreign_keys=whole)
    if structure:
        raise DatabaseError(
            _(
                "Fișierul „{name}” nu are structura unei baze de date Bălți Monitor (versiunea {version}): {structure}. A fost modificat de alt program sau este deteriorat; folosiți o copie de rezervă. {UNCHANGED}"
            ).format(
                name=path.name,
                version=version,
                structure=schema_check.describe(structure),
                UNCHANGED=_(UNCHANGED),
            ),
            "damaged",
        )

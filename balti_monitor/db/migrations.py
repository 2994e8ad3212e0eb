"""The schema version, the ordered list of migrations, and the runner that brings an older file up to date.

One schema, versioned in ``PRAGMA user_version`` and changed only by the migrations listed here; the steps
themselves, frozen SQL, are in :mod:`balti_monitor.db.migration_steps`. Apart from the opening
(:mod:`balti_monitor.db.connection`) because the version and the list are what a schema change edits, and
the runner is the one path that writes to an existing file while it is opened: a backup copy first
(``<name>-inainte-de-migrare-v<N>.sqlite`` beside the file or in ``backup_dir``), then each step in its own
transaction with foreign keys off (SQLite's procedure for changing a table) and every link checked before
the commit that bumps ``user_version``.

``SCHEMA_VERSION`` and ``MIGRATIONS`` are read through this module at call time by every module that uses
them (``migrations.SCHEMA_VERSION``, never a copy made at import), so a test that appends a migration
patches them here, once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import peewee as pw

from balti_monitor.db.audit import add_audit
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.migration_steps import (
    _add_annual_rules_and_terms,
    _add_comment_replies,
    _add_kinds_and_progress,
    _add_reference_totals,
    _add_search_index,
    _migrate_period_responsibilities_and_acknowledgements,
    migrate_form_status_table,
)
from balti_monitor.db.sqlite_file import apply_pragmas, backup_copy
from balti_monitor.db.sqlite_file import execute as _sql
from balti_monitor.i18n import ngettext

SCHEMA_VERSION = 9

Migration = Callable[[pw.SqliteDatabase], None]

#: MIGRATIONS[n] upgrades a file from schema version n+1 to n+2. Each runs in one transaction, with
#: the database it is given (``db``), never the module's global one: the same functions build the
#: expected schema of every version in memory (:func:`balti_monitor.db.integrity.expected_schema`).
MIGRATIONS: list[Migration] = [
    migrate_form_status_table,
    _migrate_period_responsibilities_and_acknowledgements,
    _add_reference_totals,
    _add_search_index,
    _add_annual_rules_and_terms,
    add_audit,
    _add_comment_replies,
    _add_kinds_and_progress,
]


def upgrade(db: pw.SqliteDatabase, path: Path, backup_dir: Path | None, version: int) -> None:
    """Bring the open file ``path`` (``db``, of schema ``version`` < :data:`SCHEMA_VERSION`, already checked)
    to the current version: a backup copy first, then every migration in its own transaction.

    A migration that would break a link between tables is rolled back with a :class:`DatabaseError` naming
    the backup; the file keeps the last version fully reached.
    """
    target = (backup_dir or path.parent) / f"{path.stem}-inainte-de-migrare-v{version}.sqlite"
    db.close()
    backup_copy(path, target)
    db.connect()
    apply_pragmas(db)
    # SQLite's procedure for changing a table: foreign keys off (outside the transaction; a DROP TABLE
    # would cascade otherwise), every link checked before each commit, foreign keys on again
    _sql(db, "PRAGMA foreign_keys=OFF")
    try:
        for step in range(version, SCHEMA_VERSION):
            with db.atomic():
                MIGRATIONS[step - 1](db)
                broken = _sql(db, "PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(
                        ngettext(
                            "Actualizarea fișierului „{name}” la versiunea {version} ar rupe {n} "
                            "legătură între tabele și a fost oprită; copia de dinainte de actualizare "
                            "este „{backup}”.",
                            "Actualizarea fișierului „{name}” la versiunea {version} ar rupe {n} "
                            "legături între tabele și a fost oprită; copia de dinainte de actualizare "
                            "este „{backup}”.",
                            len(broken),
                        ).format(name=path.name, version=step + 1, n=len(broken), backup=target.name),
                        "damaged",
                    )
                _sql(db, f"PRAGMA user_version={step + 1}")
    finally:
        _sql(db, "PRAGMA foreign_keys=ON")

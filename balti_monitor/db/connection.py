"""Opening and closing the SQLite file: pragmas, schema version, migrations, a self-contained file.

The journal mode is DELETE (not WAL): the specialist e-mails the ``.sqlite`` file, so the file alone must
hold everything whenever the program is not in the middle of a write. ``synchronous=FULL`` makes every
committed edit durable.

Opening is careful about the file it is given: anything but a regular file (a FIFO, a device, a folder) is
refused before it is opened; an existing file is checked before SQLite writes anything to it (zero length,
not SQLite, truncated, damaged header bytes, another program's, a newer version, a negative version), then
with ``PRAGMA quick_check``, then against the exact schema of its version (:func:`expected_schema`: the
frozen version-1 SQL in ``schema_v1.py`` with the migrations applied in memory; tables, columns, indexes,
triggers, views) and ``PRAGMA foreign_key_check``. Every refusal is a :class:`DatabaseError` with a
Romanian message and leaves the file as it was, with nothing written beside it (the migration backup is
made only after every check passed). ``read_only`` opens for reading only (``PRAGMA query_only``): the
command line's one write path (``cli.common.opened``) gives every command that does not declare itself a
writer such a connection. A new file is built under a temporary name and renamed into place only once its schema is
committed, so an interruption never leaves a zero-length or half-made file at the chosen path - which is
why a zero-length file found there is refused rather than silently turned into an empty database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from balti_monitor.db import schema as schema_check
from balti_monitor.db.audit import TRIGGERS_V7, TRIGGERS_V9, add_audit, create_audit_triggers
from balti_monitor.db.models import ALL_MODELS, database, is_postgresql
from balti_monitor.db.search_index import FILL_V5 as SEARCH_FILL_V5
from balti_monitor.db.search_index import FILL_V9 as SEARCH_FILL_V9
from balti_monitor.db.search_index import TRIGGERS_V5 as SEARCH_TRIGGERS_V5
from balti_monitor.db.search_index import TRIGGERS_V9 as SEARCH_TRIGGERS_V9
from balti_monitor.db.search_index import create_search_index
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.i18n import N_, _, ngettext

SCHEMA_VERSION = 9
APPLICATION_ID = 0x42544D4E  # "BTMN": marks the file as ours (PRAGMA application_id)

Migration = Callable[[pw.SqliteDatabase], None]

_FORM_STATUS_V2 = (
    'CREATE TABLE IF NOT EXISTS "form_status" ("id" INTEGER NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, '
    '"subdivision_id" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "form_id" VARCHAR(255) NOT NULL, '
    '"file_name" TEXT NOT NULL, "generated_at" DATETIME, "sent_at" DATETIME, "received_at" DATETIME, '
    '"imported_at" DATETIME, "correction_at" DATETIME, "note" TEXT NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "form_status_period_id" ON "form_status" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "form_status_subdivision_id" ON "form_status" ("subdivision_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "form_status_period_id_subdivision_id" '
    'ON "form_status" ("period_id", "subdivision_id")',
)


def migrate_form_status_table(db: pw.SqliteDatabase) -> None:
    """Version 1 -> 2: the return-forms status table, which files made before the forms lack.

    Frozen SQL (not the model), so the step stays what it was when later versions change the table.
    """
    for sql in _FORM_STATUS_V2:
        _sql(db, sql)


_PERIOD_RESPONSIBILITY_V3 = (
    'CREATE TABLE IF NOT EXISTS "period_responsibility" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"period_id" INTEGER NOT NULL, "action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, '
    '"position" INTEGER NOT NULL, "indicators" TEXT NOT NULL, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "period_responsibility_action_id" ON "period_responsibility" ("action_id")',
    'CREATE INDEX IF NOT EXISTS "period_responsibility_period_id" ON "period_responsibility" ("period_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "period_responsibility_period_id_action_id_subdivision_id" '
    'ON "period_responsibility" ("period_id", "action_id", "subdivision_id")',
    'CREATE INDEX IF NOT EXISTS "period_responsibility_subdivision_id" ON "period_responsibility" ("subdivision_id")',
    'CREATE TABLE IF NOT EXISTS "finding_acknowledgement" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"period_id" INTEGER NOT NULL, "key" TEXT NOT NULL, "fingerprint" TEXT NOT NULL, "note" TEXT NOT NULL, '
    '"author" TEXT NOT NULL, "created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "finding_acknowledgement_period_id" ON "finding_acknowledgement" ("period_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "finding_acknowledgement_period_id_key" '
    'ON "finding_acknowledgement" ("period_id", "key")',
)


def _migrate_period_responsibilities_and_acknowledgements(db: pw.SqliteDatabase) -> None:
    """Version 2 -> 3: responsibilities per period (every existing period gets today's matrix) and
    acknowledged findings. Frozen SQL, like every migration."""
    for sql in _PERIOD_RESPONSIBILITY_V3:
        _sql(db, sql)
    _sql(
        db,
        "INSERT INTO period_responsibility (period_id, action_id, subdivision_id, position, indicators)"
        " SELECT p.id, r.action_id, r.subdivision_id, r.position, r.indicators"
        " FROM period p JOIN action a JOIN priority pr ON pr.id = a.priority_id AND pr.plan_id = p.plan_id"
        " JOIN responsibility r ON r.action_id = a.id",
    )


_REFERENCE_TOTAL_V4 = (
    'CREATE TABLE IF NOT EXISTS "reference_total" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"action_id" INTEGER NOT NULL, "period_id" INTEGER NOT NULL, "indicator_id" INTEGER, '
    '"raw_text" TEXT NOT NULL, "source" TEXT NOT NULL, "created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "reference_total_action_id" ON "reference_total" ("action_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "reference_total_action_id_period_id_indicator_id" '
    'ON "reference_total" ("action_id", "period_id", "indicator_id")',
    'CREATE INDEX IF NOT EXISTS "reference_total_indicator_id" ON "reference_total" ("indicator_id")',
    'CREATE INDEX IF NOT EXISTS "reference_total_period_id" ON "reference_total" ("period_id")',
)


def _add_reference_totals(db: pw.SqliteDatabase) -> None:
    """Version 3 -> 4: the ``reference_total`` table (a source report's written totals, kept as a
    reference). Frozen SQL, like every migration."""
    for sql in _REFERENCE_TOTAL_V4:
        _sql(db, sql)


def _add_search_index(db: pw.SqliteDatabase) -> None:
    """Version 4 -> 5: full-text search of the returns and the plan: the FTS5 index and the triggers
    keeping it in step (its SQL lives in :mod:`balti_monitor.db.search_index`, frozen as of version 5)."""
    create_search_index(db, SEARCH_TRIGGERS_V5, SEARCH_FILL_V5)


_ANNUAL_RULES_AND_TERMS_V6 = (
    'CREATE TABLE IF NOT EXISTS "indicator_annual_rule" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"indicator_id" INTEGER NOT NULL, "rule" VARCHAR(255) NOT NULL, '
    'FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "indicator_annual_rule_indicator_id" '
    'ON "indicator_annual_rule" ("indicator_id")',
    'CREATE TABLE IF NOT EXISTS "action_term" ("id" INTEGER NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, '
    '"kind" VARCHAR(255) NOT NULL, "due_date" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "action_term_action_id" ON "action_term" ("action_id")',
)


def _add_annual_rules_and_terms(db: pw.SqliteDatabase) -> None:
    """Version 5 -> 6: the annual rule chosen for an indicator and the due term set by hand for an action
    (both optional: without a row the rule is inferred and the term parsed). Frozen SQL."""
    for sql in _ANNUAL_RULES_AND_TERMS_V6:
        _sql(db, sql)


#: The table is rebuilt (not ALTER TABLE … ADD COLUMN) so a migrated file's ``cell_comment`` is the very table
#: a fresh file gets: the new columns before the foreign keys, the same SQL text.
_COMMENT_REPLY_V8 = (
    'ALTER TABLE "cell_comment" RENAME TO "cell_comment_v7"',
    'CREATE TABLE IF NOT EXISTS "cell_comment" ("id" INTEGER NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, '
    '"action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "column_no" INTEGER NOT NULL, '
    '"text" TEXT NOT NULL, "follow_up" INTEGER NOT NULL, "resolved" INTEGER NOT NULL, "author" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL, "resolved_at" DATETIME, "reply" TEXT NOT NULL, "replied_at" DATETIME, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'INSERT INTO "cell_comment" ("id", "period_id", "action_id", "subdivision_id", "column_no", "text", '
    '"follow_up", "resolved", "author", "created_at", "resolved_at", "reply", "replied_at") '
    'SELECT "id", "period_id", "action_id", "subdivision_id", "column_no", "text", "follow_up", "resolved", '
    '"author", "created_at", "resolved_at", \'\', NULL FROM "cell_comment_v7"',
    'DROP TABLE "cell_comment_v7"',
    'CREATE INDEX IF NOT EXISTS "cell_comment_period_id" ON "cell_comment" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "cell_comment_action_id" ON "cell_comment" ("action_id")',
)


def _add_comment_replies(db: pw.SqliteDatabase) -> None:
    """Version 7 -> 8: the subdivision's answer to a follow-up, come back in the "Observații" column of its
    return form (``cell_comment.reply``, when: ``replied_at``); the comments are kept. Frozen SQL."""
    for sql in _COMMENT_REPLY_V8:
        _sql(db, sql)


#: Version 9 (frozen SQL). The "return" table is rebuilt by SQLite's documented procedure (create the new
#: table, copy, drop the old, rename; the runner switches foreign keys off around every migration and runs
#: ``PRAGMA foreign_key_check`` before the commit): a DROP TABLE under ``foreign_keys=ON`` would delete
#: every value of every return by cascade.
_KINDS_V9 = (
    'CREATE TABLE IF NOT EXISTS "plan_column" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, '
    '"position" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "label" TEXT NOT NULL, "number" VARCHAR(255) NOT NULL, '
    '"source" VARCHAR(255) NOT NULL, "format" VARCHAR(255) NOT NULL, "merge" VARCHAR(255) NOT NULL, '
    '"in_plan" INTEGER NOT NULL, "in_report" INTEGER NOT NULL, '
    'FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "plan_column_plan_id" ON "plan_column" ("plan_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "plan_column_plan_id_key" ON "plan_column" ("plan_id", "key")',
    'CREATE TABLE IF NOT EXISTS "group_column" ("id" INTEGER NOT NULL PRIMARY KEY, "priority_id" INTEGER NOT NULL, '
    '"column_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "label" TEXT NOT NULL, '
    'FOREIGN KEY ("priority_id") REFERENCES "priority" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("column_id") REFERENCES "plan_column" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "group_column_column_id" ON "group_column" ("column_id")',
    'CREATE INDEX IF NOT EXISTS "group_column_priority_id" ON "group_column" ("priority_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "group_column_priority_id_column_id" ON "group_column" ("priority_id", "column_id")',
    'CREATE TABLE IF NOT EXISTS "action_column_value" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"action_id" INTEGER NOT NULL, "column_id" INTEGER NOT NULL, "raw_text" TEXT NOT NULL, '
    'FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("column_id") REFERENCES "plan_column" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "action_column_value_action_id" ON "action_column_value" ("action_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "action_column_value_action_id_column_id" '
    'ON "action_column_value" ("action_id", "column_id")',
    'CREATE INDEX IF NOT EXISTS "action_column_value_column_id" ON "action_column_value" ("column_id")',
    # the return of the action as a whole: subdivision_id nullable, the status's meaning beside its text
    'CREATE TABLE "return_v9" ("id" INTEGER NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, '
    '"subdivision_id" INTEGER, "period_id" INTEGER NOT NULL, "description" TEXT NOT NULL, "received_date" DATE, '
    '"review_status" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "status_meaning" VARCHAR(255) NOT NULL DEFAULT \'\', '
    '"updated_at" DATETIME NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE)',
    'INSERT INTO "return_v9" ("id", "action_id", "subdivision_id", "period_id", "description", "received_date", '
    '"review_status", "status", "status_meaning", "updated_at") SELECT "id", "action_id", "subdivision_id", '
    '"period_id", "description", "received_date", "review_status", "status", \'\', "updated_at" FROM "return"',
    'DROP TABLE "return"',
    'ALTER TABLE "return_v9" RENAME TO "return"',
    'CREATE INDEX "return_action_id" ON "return" ("action_id")',
    'CREATE INDEX "return_subdivision_id" ON "return" ("subdivision_id")',
    'CREATE INDEX "return_period_id" ON "return" ("period_id")',
    'CREATE UNIQUE INDEX "return_action_id_subdivision_id_period_id" '
    'ON "return" ("action_id", "subdivision_id", "period_id")',
    # NULLs never collide in the index above: one return of the action as a whole per action and period
    'CREATE UNIQUE INDEX "return_action_id_period_id_whole" ON "return" ("action_id", "period_id") '
    'WHERE ("subdivision_id" IS NULL)',
    'CREATE TABLE IF NOT EXISTS "return_link" ("id" INTEGER NOT NULL PRIMARY KEY, "return_id" INTEGER NOT NULL, '
    '"position" INTEGER NOT NULL, "text" TEXT NOT NULL, "url" TEXT NOT NULL, '
    'FOREIGN KEY ("return_id") REFERENCES "return" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "return_link_return_id" ON "return_link" ("return_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "return_link_return_id_position" ON "return_link" ("return_id", "position")',
    # periods spanning years ("2017-2019"): the last year, 0 for a semester or a year
    'ALTER TABLE "period" ADD COLUMN "span_end" INTEGER NOT NULL DEFAULT 0',
    'DROP INDEX "period_plan_id_year_semester"',
    'CREATE UNIQUE INDEX "period_plan_id_year_semester_span_end" ON "period" ("plan_id", "year", "semester", "span_end")',
)
#: The columns a version-8 plan with extra texts gets first (the ``pla`` kind's, as version 9 ships it).
_PLA_COLUMNS_V9 = (
    ("code", "Nr.", "code", "text"),
    ("title", "Acțiunea", "title", "text"),
    ("indicators", "Indicatori de progres", "indicators", "lines"),
    ("deadline", "Termen de realizare", "deadline", "text"),
    ("responsible", "Responsabili", "responsible", "text"),
)
#: Labels of the extra fields the Word/Excel plan import of version 8 wrote (``KIND_FIELDS``).
_EXTRA_LABELS_V9 = {
    "partners": "Parteneri",
    "budget": "Buget / surse",
    "risks": "Riscuri",
    "result": "Rezultat",
}
#: Status words of version 9 (frozen): folded first line -> meaning.
_STATUS_WORDS_V9 = {
    "realizata": "done",
    "realizat": "done",
    "realizate": "done",
    "in proces de realizare": "in_progress",
    "in curs de realizare": "in_progress",
    "in proces de implementare": "in_progress",
    "partial realizata": "in_progress",
    "realizata partial": "in_progress",
    "initiata": "started",
    "initiat": "started",
    "neinitiata": "not_started",
    "neinitiat": "not_started",
    "nerealizata": "not_done",
    "nerealizat": "not_done",
    "nerealizate": "not_done",
}


def _fold_v9(text: str) -> str:
    import unicodedata

    first = next((line for line in text.splitlines() if line.strip()), "")
    decomposed = unicodedata.normalize("NFKD", first.translate(str.maketrans("şţŞŢ", "șțȘȚ")))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(plain.split()).strip(" .;:,")


def _add_kinds_and_progress(db: pw.SqliteDatabase) -> None:
    """Version 8 -> 9: plan kinds. Declared columns of a plan and the items' values in them (the text values
    of ``action.extra`` move there: a plan with any gets the ``pla`` columns first, then one column per
    key, in order of first appearance), groups' own column sets, the return of an action as a whole
    (``return.subdivision_id`` NULL, a partial unique index), the status's meaning beside its raw text,
    a return's links, periods spanning years (``period.span_end``). The triggers of the rebuilt table are
    re-created (audit as of version 9, the search index refilled). Frozen SQL; the data step is plain
    SQL with parameters."""
    import json

    for name in [*TRIGGERS_V7, *SEARCH_TRIGGERS_V5]:  # those on "return" go with it; the rest name it
        _sql(db, f'DROP TRIGGER IF EXISTS "{name}"')
    for sql in _KINDS_V9:
        _sql(db, sql)
    plan_columns: dict[int, dict[str, int]] = {}
    rows = _sql(
        db,
        "SELECT a.id, pr.plan_id, a.extra FROM action a JOIN priority pr ON pr.id = a.priority_id "
        "WHERE a.extra NOT IN ('{}', '') ORDER BY pr.plan_id, pr.position, a.position, a.id",
    ).fetchall()
    for action_id, plan_id, extra_text in rows:
        try:
            extra = json.loads(extra_text)
        except ValueError:
            continue
        if not isinstance(extra, dict):
            continue
        texts = {k: v for k, v in extra.items() if isinstance(v, str)}
        if not texts:
            continue
        columns = plan_columns.get(plan_id)
        if columns is None:
            columns = plan_columns[plan_id] = {}
            for key, label, source, fmt in _PLA_COLUMNS_V9:
                cursor = db.execute_sql(  # type: ignore[no-untyped-call]
                    'INSERT INTO "plan_column" ("plan_id", "position", "key", "label", "number", "source", '
                    '"format", "merge", "in_plan", "in_report") VALUES (?, ?, ?, ?, \'\', ?, ?, \'none\', 1, 1)',
                    (plan_id, len(columns) + 1, key, label, source, fmt),
                )
                columns["\0" + key] = int(cursor.lastrowid)
        for key, text in texts.items():
            if key not in columns:
                stored_key = key if "\0" + key not in columns else f"extra_{key}"
                cursor = db.execute_sql(  # type: ignore[no-untyped-call]
                    'INSERT INTO "plan_column" ("plan_id", "position", "key", "label", "number", "source", '
                    '"format", "merge", "in_plan", "in_report") VALUES (?, ?, ?, ?, \'\', \'column\', \'text\', '
                    "'none', 1, 1)",
                    (plan_id, len(columns) + 1, stored_key, _EXTRA_LABELS_V9.get(key, key)),
                )
                columns[key] = int(cursor.lastrowid)
            if text:
                db.execute_sql(  # type: ignore[no-untyped-call]
                    'INSERT INTO "action_column_value" ("action_id", "column_id", "raw_text") VALUES (?, ?, ?)',
                    (action_id, columns[key], text),
                )
        rest = {k: v for k, v in extra.items() if not isinstance(v, str)}
        db.execute_sql(  # type: ignore[no-untyped-call]
            'UPDATE "action" SET "extra" = ? WHERE "id" = ?',
            (json.dumps(rest, ensure_ascii=False, sort_keys=True), action_id),
        )
    for return_id, status in _sql(db, "SELECT id, status FROM \"return\" WHERE status <> ''").fetchall():
        meaning = _STATUS_WORDS_V9.get(_fold_v9(str(status)), "")
        if meaning:
            db.execute_sql(  # type: ignore[no-untyped-call]
                'UPDATE "return" SET "status_meaning" = ? WHERE "id" = ?', (meaning, return_id)
            )
    create_search_index(db, SEARCH_TRIGGERS_V9, SEARCH_FILL_V9)  # the items' column texts are searched too
    create_audit_triggers(db, TRIGGERS_V9)


#: MIGRATIONS[n] upgrades a file from schema version n+1 to n+2. Each runs in one transaction, with
#: the database it is given (``db``), never the module's global one: the same functions build the
#: expected schema of every version in memory (:func:`expected_schema`).
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


class DatabaseError(BaltiMonitorError):
    """A database file that cannot be opened as ours; the message is Romanian and says why.

    ``kind`` names the problem for callers that react differently (e.g. suggest an update for ``"newer"``):
    ``"missing"``, ``"empty"``, ``"not_sqlite"``, ``"truncated"``, ``"foreign"``, ``"newer"``,
    ``"damaged"``, ``"unreadable"`` or ``""`` (other).
    """

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


SQLITE_MAGIC = b"SQLite format 3\x00"
_UNCHANGED = N_("Fișierul nu a fost modificat.")


@dataclass(frozen=True, slots=True)
class FileHeader:
    """What the 100-byte SQLite header of a file says (read without opening it through SQLite)."""

    size: int
    page_size: int
    page_count: int | None  # None when the header's page count is not valid (very old writers)
    user_version: int
    application_id: int
    journal_pending: bool  # a "-journal" file lies beside it: an interrupted write SQLite will roll back

    @property
    def expected_size(self) -> int | None:
        """The size the header promises, or None when it does not say."""
        return None if self.page_count is None else self.page_count * self.page_size


def _looks_like(head: bytes) -> str:
    """A Romanian guess of what a non-SQLite file is, for the refusal message."""
    if head.startswith(b"PK\x03\x04"):
        return _(" Pare a fi un document Word (.docx), Excel (.xlsx) sau o arhivă ZIP redenumită.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _(" Pare a fi un document Word sau Excel vechi (.doc/.xls) redenumit.")
    if head.startswith(b"%PDF"):
        return _(" Pare a fi un document PDF redenumit.")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        return _(" Pare a fi un fișier JSON; un export JSON se încarcă prin „Importă JSON”.")
    if head[:1] == b"<":
        return _(" Pare a fi un fișier HTML sau XML redenumit.")
    return ""


def read_header(path: Path) -> FileHeader:
    """Check an existing file's header without opening it through SQLite (nothing is written).

    Raises :class:`DatabaseError` for a missing, zero-length, non-SQLite, truncated, foreign or newer file.
    A file with a pending journal is not checked for truncation: its header may be mid-write, and SQLite
    restores it from the journal when the file is opened.
    """
    name = path.name
    try:
        size = require_regular_file(path).st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError as exc:
        raise DatabaseError(_("Fișierul „{path}” nu există.").format(path=path), "missing") from exc
    except IsADirectoryError as exc:
        raise DatabaseError(
            _("„{path}” este un dosar, nu un fișier.").format(path=path), "not_sqlite"
        ) from exc
    except DatabaseError:
        raise
    except OSError as exc:
        raise DatabaseError(
            _("Fișierul „{name}” nu poate fi citit: {value}. {UNCHANGED}").format(
                name=name, value=exc.strerror or exc, UNCHANGED=_(_UNCHANGED)
            ),
            "unreadable",
        ) from exc
    if size == 0:
        raise DatabaseError(
            _(
                "Fișierul „{name}” este gol (0 octeți): nu conține nicio bază de date. Probabil copierea, descărcarea sau salvarea lui nu s-a încheiat. {UNCHANGED}"
            ).format(name=name, UNCHANGED=_(_UNCHANGED)),
            "empty",
        )
    if not head.startswith(SQLITE_MAGIC):
        raise DatabaseError(
            _(
                "Fișierul „{name}” nu este o bază de date Bălți Monitor (nu este SQLite).{head} {UNCHANGED}"
            ).format(name=name, head=_looks_like(head), UNCHANGED=_(_UNCHANGED)),
            "not_sqlite",
        )
    journal = Path(str(path) + "-journal")
    journal_pending = journal.exists() and journal.stat().st_size > 0
    if len(head) < 100:
        raise DatabaseError(
            ngettext(
                "Fișierul „{name}” este incomplet (trunchiat): are doar {size} octet. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                "Fișierul „{name}” este incomplet (trunchiat): are doar {size} octeți. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                size,
            ).format(name=name, size=size, UNCHANGED=_(_UNCHANGED)),
            "truncated",
        )
    raw_page = int.from_bytes(head[16:18], "big")
    page_size = 65536 if raw_page == 1 else raw_page
    change_counter = int.from_bytes(head[24:28], "big")
    in_header = int.from_bytes(head[28:32], "big")
    valid_for = int.from_bytes(head[92:96], "big")
    page_count = in_header if in_header and valid_for == change_counter else None
    header = FileHeader(
        size=size,
        page_size=page_size,
        page_count=page_count,
        user_version=int.from_bytes(head[60:64], "big", signed=True),
        application_id=int.from_bytes(head[68:72], "big", signed=True),
        journal_pending=journal_pending,
    )
    valid_page_size = 512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
    expected = header.expected_size
    if not journal_pending and (not valid_page_size or (expected is not None and size < expected)):
        promised = (
            _(", dar ar trebui să aibă {expected}").format(expected=expected)
            if expected is not None and valid_page_size
            else ""
        )
        raise DatabaseError(
            ngettext(
                "Fișierul „{name}” este incomplet (trunchiat): are {size} octet{promised}. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                "Fișierul „{name}” este incomplet (trunchiat): are {size} octeți{promised}. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                size,
            ).format(name=name, size=size, promised=promised, UNCHANGED=_(_UNCHANGED)),
            "truncated",
        )
    damaged = _damaged_header(head)
    if damaged is None and header.application_id not in (0, APPLICATION_ID) and _looks_ours(path):
        damaged = _("identificatorul aplicației")
    if (
        damaged is None
        and header.application_id == APPLICATION_ID
        and not 0 < header.user_version < 1_000_000
    ):
        damaged = _("versiunea structurii ({user_version})").format(user_version=header.user_version)
    if damaged is not None:
        raise DatabaseError(
            _(
                "Fișierul „{name}” este deteriorat: antetul lui are valori imposibile ({damaged}). Folosiți o copie de rezervă. {UNCHANGED}"
            ).format(name=name, damaged=damaged, UNCHANGED=_(_UNCHANGED)),
            "damaged",
        )
    if header.application_id not in (0, APPLICATION_ID):
        raise _foreign(path)
    if header.application_id == APPLICATION_ID and header.user_version > SCHEMA_VERSION:
        raise _newer(path, header.user_version)
    return header


def require_regular_file(path: Path) -> os.stat_result:
    """``os.stat`` of ``path``, refusing (:class:`DatabaseError`) anything but a regular file.

    A FIFO, socket or device would block or never end when read, and a folder is not a file: each is
    refused before anything opens it.
    """
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(
            _("„{path}” este un dosar, nu un fișier. {UNCHANGED}").format(path=path, UNCHANGED=_(_UNCHANGED)),
            "not_sqlite",
        )
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(
            _(
                "„{path}” nu este un fișier obișnuit (este un dispozitiv, o conductă sau un socket); alegeți fișierul bazei de date."
            ).format(path=path),
            "not_sqlite",
        )
    return info


def _damaged_header(head: bytes) -> str | None:
    """Which fixed field of a SQLite header holds a value SQLite never writes, or None.

    These bytes are the same in every SQLite file (file format versions, payload fractions, schema format,
    text encoding, the reserved zeros), so a wrong value there means the file was damaged, not that it
    belongs to another program.
    """
    if head[18] not in (1, 2) or head[19] not in (1, 2):
        return _("versiunea formatului")
    if head[21:24] != bytes((64, 32, 32)):
        return _("fracțiile de încărcare")
    if int.from_bytes(head[44:48], "big") not in (0, 1, 2, 3, 4):  # 0: no table yet
        return _("formatul schemei")
    if int.from_bytes(head[56:60], "big") not in (0, 1, 2, 3):
        return _("codificarea textului")
    if any(head[72:92]):
        return _("octeții rezervați")
    return None


_OUR_TABLES = frozenset({"plan", "priority", "action", "indicator", "subdivision", "return", "value"})


def _looks_ours(path: Path) -> bool:
    """Whether a file whose header names another program holds our tables (its header is damaged)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        names = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return names >= _OUR_TABLES


def _foreign(path: Path) -> DatabaseError:
    return DatabaseError(
        _("Fișierul „{name}” conține o bază de date a altui program; nu a fost modificat.").format(
            name=path.name
        ),
        "foreign",
    )


def _newer(path: Path, version: int) -> DatabaseError:
    return DatabaseError(
        _(
            "Fișierul „{name}” a fost creat de o versiune mai nouă a programului (schema {version}, această versiune cunoaște schema {SCHEMA_VERSION}). Actualizați Bălți Monitor. {UNCHANGED}"
        ).format(name=path.name, version=version, SCHEMA_VERSION=SCHEMA_VERSION, UNCHANGED=_(_UNCHANGED)),
        "newer",
    )


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
    present = _table_names(db) | {"sqlite_master"}
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


def _sql(db: pw.SqliteDatabase, sql: str) -> Any:
    """``db.execute_sql`` with a type (peewee's stub leaves it untyped)."""
    return db.execute_sql(sql)  # type: ignore[no-untyped-call]


def _pragmas(db: pw.SqliteDatabase) -> None:
    _sql(db, "PRAGMA foreign_keys=ON")
    _sql(db, "PRAGMA journal_mode=DELETE")
    _sql(db, "PRAGMA synchronous=FULL")
    _sql(db, "PRAGMA busy_timeout=5000")


def _connection(db: pw.SqliteDatabase) -> sqlite3.Connection:
    conn: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    return conn


def _user_version(db: pw.SqliteDatabase) -> int:
    row = _sql(db, "PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def _application_id(db: pw.SqliteDatabase) -> int:
    row = _sql(db, "PRAGMA application_id").fetchone()
    return int(row[0]) if row else 0


def _table_names(db: pw.SqliteDatabase) -> set[str]:
    rows = _sql(db, "SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return {str(r[0]) for r in rows}


def backup_copy(source: Path, dest: Path) -> Path:
    """A consistent single-file copy of ``source`` through SQLite's backup API (never a file copy)."""
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            ok = dst.execute("PRAGMA integrity_check").fetchone()
            if not ok or ok[0] != "ok":
                raise DatabaseError(
                    _("Copia de rezervă nu a trecut verificarea integrității: {ok}").format(ok=ok)
                )
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(dest)
    return dest


def expected_schema(version: int) -> schema_check.Schema:
    """The exact schema of ``version`` (see :func:`build_expected_schema`), built once per version; the
    current version's is read from the generated module ``schema_current`` (no build on open)."""
    cached = _EXPECTED.get(version)
    if cached is not None:
        return cached
    from balti_monitor.db import schema_current

    if version == schema_current.VERSION == len(MIGRATIONS) + 1:
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
                    MIGRATIONS[step - 1](memory)
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
        create_search_index(memory)  # not a model: its own SQL, as _create_file does
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
    if problems and version == SCHEMA_VERSION:
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


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    backup_dir: Path | None = None,
    read_only: bool = False,
    full_check: bool = True,
) -> pw.SqliteDatabase:
    """Open (or create) the database file and bring its schema up to date.

    A file that is empty, not SQLite, truncated, damaged, belongs to another program, comes from a newer
    version, or whose schema is not exactly the schema of its version is refused with a
    :class:`DatabaseError` and is not modified. Before a migration, a backup copy is written next to the
    file (or into ``backup_dir``). A missing file is created only with ``create``.

    ``read_only`` opens the file for reading only (``PRAGMA query_only``): any write through it fails, and
    a file that would need a migration is refused with kind ``"needs_upgrade"`` (writing is the business of
    :func:`balti_monitor.services.safe_open.open_safely`, which takes the lock and makes a backup first).
    Without ``full_check`` only the schema and the plan tables are checked (:func:`fixed_size_check_problems`,
    a cost that does not grow with history): the caller checks the whole file soon after (the GUI, once its
    window is painted).
    """
    if str(path) == ":memory:":
        return _open_checked(Path(":memory:"), backup_dir, in_memory=True)
    if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
        from balti_monitor.db.postgres import open_server

        open_server(path, create=create, read_only=read_only)  # no file, no lock: the server's own checks
        return database
    path = Path(path)
    if not path.exists():
        if not create or read_only:
            raise DatabaseError(_("Fișierul „{path}” nu există.").format(path=path), "missing")
        _create_file(path)
    else:
        read_header(path)
    return _open_checked(path, backup_dir, read_only=read_only, full_check=full_check)


def _open_checked(
    path: Path,
    backup_dir: Path | None,
    *,
    in_memory: bool = False,
    read_only: bool = False,
    full_check: bool = True,
) -> pw.SqliteDatabase:
    if not database.is_closed():
        database.close()
    database.init(str(path))
    try:
        database.connect()
        _pragmas(database)
        _ensure_schema(
            database, path, backup_dir, check=not in_memory, read_only=read_only, full_check=full_check
        )
        if read_only:
            _sql(database, "PRAGMA query_only=ON")
    except sqlite3.DatabaseError as exc:
        database.close()
        raise _unreadable(path, exc) from exc
    except pw.DatabaseError as exc:
        database.close()
        raise _unreadable(path, exc) from exc
    except DatabaseError:
        database.close()
        raise
    return database


def _unreadable(path: Path, exc: Exception) -> DatabaseError:
    return DatabaseError(
        _("Fișierul „{name}” este deteriorat sau nu poate fi citit: {exc}. {UNCHANGED}").format(
            name=path.name, exc=exc, UNCHANGED=_(_UNCHANGED)
        ),
        "damaged",
    )


def _create_file(path: Path) -> None:
    """Build a new database under a temporary name and rename it into place once its schema is committed."""
    if not path.parent.is_dir():
        raise DatabaseError(
            _("Dosarul „{parent}” nu există; fișierul „{name}” nu poate fi creat.").format(
                parent=path.parent, name=path.name
            ),
            "missing",
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.nou")
    _remove_quietly(tmp)
    if not database.is_closed():
        database.close()
    database.init(str(tmp))
    try:
        database.connect()
        _pragmas(database)
        _ensure_schema(database, tmp, None, check=False)
        database.close()
        if path.exists():
            raise DatabaseError(
                _("Fișierul „{name}” a apărut între timp; încercați din nou.").format(name=path.name), ""
            )
        os.replace(tmp, path)
        _sync_directory(path.parent)
    except (sqlite3.DatabaseError, pw.DatabaseError, OSError) as exc:
        raise DatabaseError(
            _("Fișierul „{path}” nu poate fi creat: {exc}").format(path=path, exc=exc), "unreadable"
        ) from exc
    finally:
        if not database.is_closed():
            database.close()
        _remove_quietly(tmp)


def _remove_quietly(path: Path) -> None:
    for leftover in (path, Path(str(path) + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def _sync_directory(folder: Path) -> None:
    """Make a rename durable (POSIX only; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _ensure_schema(
    db: pw.SqliteDatabase,
    path: Path,
    backup_dir: Path | None,
    *,
    check: bool = True,
    read_only: bool = False,
    full_check: bool = True,
) -> None:
    version = _user_version(db)
    tables = _table_names(db)
    app_id = _application_id(db)
    if version == 0:
        if tables or app_id not in (0, APPLICATION_ID):
            raise _foreign(path)
        if read_only:
            raise DatabaseError(
                _("Fișierul „{name}” nu conține nicio bază de date. {UNCHANGED}").format(
                    name=path.name, UNCHANGED=_(_UNCHANGED)
                ),
                "empty",
            )
        with db.atomic():
            db.create_tables(ALL_MODELS)
            create_search_index(db)
            create_audit_triggers(db)
            _sql(db, f"PRAGMA application_id={APPLICATION_ID}")
            _sql(db, f"PRAGMA user_version={SCHEMA_VERSION}")
        return
    if app_id != APPLICATION_ID:
        raise _foreign(path)
    if version > SCHEMA_VERSION:
        raise _newer(path, version)
    if version < 0:
        raise DatabaseError(
            _(
                "Fișierul „{name}” este deteriorat: versiunea structurii ({version}) nu poate exista. {UNCHANGED}"
            ).format(name=path.name, version=version, UNCHANGED=_(_UNCHANGED)),
            "damaged",
        )
    if check:
        problems = (
            quick_check_problems(db)
            if full_check or version < SCHEMA_VERSION
            else fixed_size_check_problems(db)
        )
        if problems:
            raise DatabaseError(
                _("Fișierul „{name}” este deteriorat: {problems}. {UNCHANGED}").format(
                    name=path.name, problems=describe_problems(problems), UNCHANGED=_(_UNCHANGED)
                ),
                "damaged",
            )
        # the links between tables are checked with the whole file (a cost that grows with history): at
        # once, or with the deferred check after the window's first paint
        structure = structure_problems(
            _connection(db), version, foreign_keys=full_check or version < SCHEMA_VERSION
        )
        if structure:
            raise DatabaseError(
                _(
                    "Fișierul „{name}” nu are structura unei baze de date Bălți Monitor (versiunea {version}): {structure}. A fost modificat de alt program sau este deteriorat; folosiți o copie de rezervă. {UNCHANGED}"
                ).format(
                    name=path.name,
                    version=version,
                    structure=schema_check.describe(structure),
                    UNCHANGED=_(_UNCHANGED),
                ),
                "damaged",
            )
    if version < SCHEMA_VERSION and read_only:
        raise DatabaseError(
            _(
                "Fișierul „{name}” are structura versiunii {version} și trebuie actualizat înainte de folosire; deschideți-l pentru scriere. {UNCHANGED}"
            ).format(name=path.name, version=version, UNCHANGED=_(_UNCHANGED)),
            "needs_upgrade",
        )
    if version < SCHEMA_VERSION:
        target = (backup_dir or path.parent) / f"{path.stem}-inainte-de-migrare-v{version}.sqlite"
        db.close()
        backup_copy(path, target)
        db.connect()
        _pragmas(db)
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


def set_read_only() -> None:
    """From now on the open database refuses every write (``PRAGMA query_only``; on a server the session's
    ``default_transaction_read_only``)."""
    if is_postgresql():
        _sql(database, "SET default_transaction_read_only = on")
        return
    _sql(database, "PRAGMA query_only=ON")


@contextlib.contextmanager
def copying_out() -> Iterator[None]:
    """Lift ``query_only`` for a statement that writes only *another* file (``VACUUM INTO``)."""
    was = not is_postgresql() and is_read_only()
    if was:
        _sql(database, "PRAGMA query_only=OFF")
    try:
        yield
    finally:
        if was:
            _sql(database, "PRAGMA query_only=ON")


def is_read_only() -> bool:
    """Whether the open database refuses writes (opened with ``read_only``)."""
    if is_postgresql():
        row = _sql(database, "SHOW default_transaction_read_only").fetchone()
        return bool(row and row[0] == "on")
    row = _sql(database, "PRAGMA query_only").fetchone()
    return bool(row and row[0])


def schema_version(db: pw.SqliteDatabase) -> int:
    """The schema version stored in the open file (or server)."""
    if is_postgresql():
        from balti_monitor.db.postgres import server_version

        return server_version(db)
    return _user_version(db)


def close_database() -> None:
    """Close the database; with DELETE journaling the file alone then holds all data."""
    if not database.is_closed():
        database.close()

"""The migration steps, frozen: each one's SQL constants and its function, in version order.

A released step is never edited (a file migrated last year and one migrated today must end the same), so
each step carries its own SQL, written out as it was when the step shipped, never built from the models.
Apart from the list that orders them and the runner (:mod:`balti_monitor.db.migrations`) because this is
text that only grows; it is longer than the other modules of ``db`` for that reason alone. The steps take
the database they are given (``db``), never the module's global one: the same functions build the expected
schema of every version in memory (:func:`balti_monitor.db.integrity.build_expected_schema`), and the
PostgreSQL twin of version 9 (:mod:`balti_monitor.db.postgres`) reuses its frozen labels and status words.
"""

from __future__ import annotations

import peewee as pw

from balti_monitor.db.audit import TRIGGERS_V7, TRIGGERS_V9, create_audit_triggers
from balti_monitor.db.search_index import FILL_V5 as SEARCH_FILL_V5
from balti_monitor.db.search_index import FILL_V9 as SEARCH_FILL_V9
from balti_monitor.db.search_index import TRIGGERS_V5 as SEARCH_TRIGGERS_V5
from balti_monitor.db.search_index import TRIGGERS_V9 as SEARCH_TRIGGERS_V9
from balti_monitor.db.search_index import create_search_index
from balti_monitor.db.sqlite_file import execute as _sql

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

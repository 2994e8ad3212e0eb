"""The audit trail and the lock of signed periods, as SQLite triggers (frozen SQL).

Why triggers: every write goes through SQLite, so every path — a typed cell, a paste, the forms import,
undo, a period's deletion, a tool of IT — is recorded in the transaction of the change by construction,
and a signed period is refused in one place whatever writes to it. Who writes and from where (the
"source") is one row of ``audit_context``, which the services set inside the same transaction before they
write (:mod:`balti_monitor.services.audit`); a temporary table would be per connection but SQLite forbids a
trigger of the file to read it. ``mode`` 1 switches both off while a JSON import replaces the whole file
(the import records its own differences and checks the signed periods itself).

Records name places by codes ("2024-S1", action, subdivision, indicator number), so they outlive what they
name and travel through a JSON export; the plan is its id (the export writes its code): a plan code is long
and repeated on every record, and the file's size matters (10 years of edits stay under 20 MB). Time is Unix seconds (UTC), the smallest exact form.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

#: The message of the lock triggers; the services turn it into a Romanian refusal naming who signed.
SIGNED_MARK = "BM_PERIOD_SIGNED"

_ON = "coalesce((SELECT mode FROM audit_context WHERE id = 1), 0) = 0"
_NOW = "CAST(strftime('%s', 'now') AS INTEGER)"
_WHO = "coalesce((SELECT who FROM audit_context WHERE id = 1), '')"
_SOURCE = "coalesce((SELECT source FROM audit_context WHERE id = 1), '')"
_PCODE = "p.year || CASE p.semester WHEN 0 THEN '-A' ELSE '-S' || p.semester END"
_COLUMNS = (
    "INSERT INTO change_log (at, who, source, kind, plan_id, period, action, subdivision, column_no, field, "
    "old_text, new_text, note) "
)


def _value_log(row: str, old: str, new: str) -> str:
    return (
        f"{_COLUMNS}SELECT {_NOW}, {_WHO}, {_SOURCE}, 'value', p.plan_id, {_PCODE}, a.code, s.code, i.number, "
        f"'', {old}, {new}, '' FROM \"return\" r JOIN period p ON p.id = r.period_id "
        "JOIN action a ON a.id = r.action_id "
        f"JOIN subdivision s ON s.id = r.subdivision_id JOIN indicator i ON i.id = {row}.indicator_id "
        f"WHERE r.id = {row}.return_id;"
    )


def _return_log(row: str, kind: str, old: str, new: str) -> str:
    return (
        f"{_COLUMNS}SELECT {_NOW}, {_WHO}, {_SOURCE}, '{kind}', p.plan_id, {_PCODE}, a.code, s.code, 0, '', "
        f"{old}, {new}, '' FROM period p JOIN action a "
        f"ON a.id = {row}.action_id JOIN subdivision s ON s.id = {row}.subdivision_id "
        f"WHERE p.id = {row}.period_id;"
    )


def _override_log(row: str, old: str, new: str, note: str) -> str:
    return (
        f"{_COLUMNS}SELECT {_NOW}, {_WHO}, {_SOURCE}, 'override', p.plan_id, {_PCODE}, a.code, '', "
        f"(SELECT number FROM indicator WHERE id = {row}.indicator_id), '', {old}, {new}, {note} "
        f"FROM period p JOIN action a ON a.id = {row}.action_id "
        f"WHERE p.id = {row}.period_id;"
    )


def _responsibility_log(row: str, old: str, new: str) -> str:
    return (
        f"{_COLUMNS}SELECT {_NOW}, {_WHO}, {_SOURCE}, 'responsibility', p.plan_id, {_PCODE}, a.code, s.code, "
        f"NULL, '', {old}, {new}, '' FROM period p JOIN action a "
        f"ON a.id = {row}.action_id JOIN subdivision s ON s.id = {row}.subdivision_id "
        f"WHERE p.id = {row}.period_id;"
    )


NARRATIVE_FIELDS = (
    "executive_summary",
    "risks_intro",
    "risks",
    "proposals_intro",
    "proposals",
    "prepared_by_name",
    "prepared_by_function",
    "coordinated_by_name",
    "coordinated_by_function",
    "extra_signatures",
)


def _narrative_log(name: str, old: str, new: str, condition: str) -> str:
    """One narrative field's record (in an INSERT or UPDATE trigger: ``new`` exists)."""
    return (
        f"{_COLUMNS}SELECT {_NOW}, {_WHO}, {_SOURCE}, 'narrative', p.plan_id, {_PCODE}, '', '', NULL, "
        f"'{name}', {old}, {new}, '' FROM period p "
        f"WHERE p.id = new.period_id AND {condition};"
    )


def _plan_log(field: str, action: str, column: str, old: str, new: str) -> str:
    return (
        f"{_COLUMNS}SELECT {_NOW}, {_WHO}, {_SOURCE}, 'plan', pr.plan_id, '', a.code, '', {column}, "
        f"'{field}', {old}, {new}, '' FROM action a JOIN priority pr ON pr.id = a.priority_id "
        f"WHERE a.id = {action};"
    )


def _signed(period: str) -> str:
    return f"EXISTS (SELECT 1 FROM period_signature WHERE period_id = {period})"


_RAISE = f"SELECT RAISE(ABORT, '{SIGNED_MARK}');"
_VALUE_PERIOD = '(SELECT period_id FROM "return" WHERE id = {row}.return_id)'

_narrative_ins = " ".join(
    _narrative_log(name, "''", f"new.{name}", f"new.{name} NOT IN ('', '[]')") for name in NARRATIVE_FIELDS
)
_narrative_upd = " ".join(
    _narrative_log(name, f"old.{name}", f"new.{name}", f"old.{name} IS NOT new.{name}")
    for name in NARRATIVE_FIELDS
)

#: name -> body of every trigger (``CREATE TRIGGER name body``).
TRIGGERS: dict[str, str] = {
    # The lock: nothing of a signed period changes.
    "lock_value_ins": (
        f"BEFORE INSERT ON value WHEN {_ON} AND {_signed(_VALUE_PERIOD.format(row='new'))} BEGIN {_RAISE} END"
    ),
    "lock_value_upd": (
        f"BEFORE UPDATE ON value WHEN {_ON} AND {_signed(_VALUE_PERIOD.format(row='old'))} BEGIN {_RAISE} END"
    ),
    "lock_value_del": (
        f"BEFORE DELETE ON value WHEN {_ON} AND {_signed(_VALUE_PERIOD.format(row='old'))} BEGIN {_RAISE} END"
    ),
    "lock_return_ins": f'BEFORE INSERT ON "return" WHEN {_ON} AND {_signed("new.period_id")} BEGIN {_RAISE} END',
    "lock_return_upd": f'BEFORE UPDATE ON "return" WHEN {_ON} AND {_signed("old.period_id")} BEGIN {_RAISE} END',
    "lock_return_del": f'BEFORE DELETE ON "return" WHEN {_ON} AND {_signed("old.period_id")} BEGIN {_RAISE} END',
    "lock_override_ins": (
        f"BEFORE INSERT ON total_override WHEN {_ON} AND {_signed('new.period_id')} BEGIN {_RAISE} END"
    ),
    "lock_override_upd": (
        f"BEFORE UPDATE ON total_override WHEN {_ON} AND {_signed('old.period_id')} BEGIN {_RAISE} END"
    ),
    "lock_override_del": (
        f"BEFORE DELETE ON total_override WHEN {_ON} AND {_signed('old.period_id')} BEGIN {_RAISE} END"
    ),
    "lock_responsibility_ins": (
        f"BEFORE INSERT ON period_responsibility WHEN {_ON} AND {_signed('new.period_id')} BEGIN {_RAISE} END"
    ),
    "lock_responsibility_upd": (
        f"BEFORE UPDATE ON period_responsibility WHEN {_ON} AND {_signed('old.period_id')} BEGIN {_RAISE} END"
    ),
    "lock_responsibility_del": (
        f"BEFORE DELETE ON period_responsibility WHEN {_ON} AND {_signed('old.period_id')} BEGIN {_RAISE} END"
    ),
    "lock_narrative_ins": f"BEFORE INSERT ON narrative WHEN {_ON} AND {_signed('new.period_id')} BEGIN {_RAISE} END",
    "lock_narrative_upd": f"BEFORE UPDATE ON narrative WHEN {_ON} AND {_signed('old.period_id')} BEGIN {_RAISE} END",
    "lock_narrative_del": f"BEFORE DELETE ON narrative WHEN {_ON} AND {_signed('old.period_id')} BEGIN {_RAISE} END",
    # The trail.
    "audit_value_ins": (
        f"AFTER INSERT ON value WHEN {_ON} AND new.raw_text <> '' "
        f"BEGIN {_value_log('new', chr(39) * 2, 'new.raw_text')} END"
    ),
    "audit_value_upd": (
        f"AFTER UPDATE OF raw_text ON value WHEN {_ON} AND old.raw_text IS NOT new.raw_text "
        f"BEGIN {_value_log('new', 'old.raw_text', 'new.raw_text')} END"
    ),
    "audit_value_del": (
        f"AFTER DELETE ON value WHEN {_ON} AND old.raw_text <> '' "
        f"BEGIN {_value_log('old', 'old.raw_text', chr(39) * 2)} END"
    ),
    "audit_description_ins": (
        f"AFTER INSERT ON \"return\" WHEN {_ON} AND new.description <> '' "
        f"BEGIN {_return_log('new', 'description', chr(39) * 2, 'new.description')} END"
    ),
    "audit_description_upd": (
        f'AFTER UPDATE OF description ON "return" WHEN {_ON} AND old.description IS NOT new.description '
        f"BEGIN {_return_log('new', 'description', 'old.description', 'new.description')} END"
    ),
    "audit_description_del": (
        f"AFTER DELETE ON \"return\" WHEN {_ON} AND old.description <> '' "
        f"BEGIN {_return_log('old', 'description', 'old.description', chr(39) * 2)} END"
    ),
    "audit_review_upd": (
        f'AFTER UPDATE OF review_status ON "return" WHEN {_ON} AND old.review_status IS NOT new.review_status '
        f"BEGIN {_return_log('new', 'review', 'old.review_status', 'new.review_status')} END"
    ),
    "audit_override_ins": (
        f"AFTER INSERT ON total_override WHEN {_ON} "
        f"BEGIN {_override_log('new', chr(39) * 2, 'new.raw_text', 'new.reason')} END"
    ),
    "audit_override_upd": (
        f"AFTER UPDATE ON total_override WHEN {_ON} AND "
        "(old.raw_text IS NOT new.raw_text OR old.reason IS NOT new.reason) "
        f"BEGIN {_override_log('new', 'old.raw_text', 'new.raw_text', 'new.reason')} END"
    ),
    "audit_override_del": (
        f"AFTER DELETE ON total_override WHEN {_ON} "
        f"BEGIN {_override_log('old', 'old.raw_text', chr(39) * 2, 'old.reason')} END"
    ),
    "audit_responsibility_ins": (
        f"AFTER INSERT ON period_responsibility WHEN {_ON} "
        f"BEGIN {_responsibility_log('new', chr(39) * 2, 'new.indicators')} END"
    ),
    "audit_responsibility_upd": (
        f"AFTER UPDATE OF indicators ON period_responsibility WHEN {_ON} AND old.indicators IS NOT new.indicators "
        f"BEGIN {_responsibility_log('new', 'old.indicators', 'new.indicators')} END"
    ),
    "audit_responsibility_del": (
        f"AFTER DELETE ON period_responsibility WHEN {_ON} "
        f"BEGIN {_responsibility_log('old', 'old.indicators', chr(39) * 2)} END"
    ),
    "audit_narrative_ins": f"AFTER INSERT ON narrative WHEN {_ON} BEGIN {_narrative_ins} END",
    "audit_narrative_upd": f"AFTER UPDATE ON narrative WHEN {_ON} BEGIN {_narrative_upd} END",
    "audit_action_upd": (
        f"AFTER UPDATE OF title ON action WHEN {_ON} AND old.title IS NOT new.title "
        f"BEGIN {_plan_log('title', 'new.id', 'NULL', 'old.title', 'new.title')} END"
    ),
    "audit_indicator_upd": (
        f"AFTER UPDATE OF text ON indicator WHEN {_ON} AND old.text IS NOT new.text "
        f"BEGIN {_plan_log('indicator', 'new.action_id', 'new.number', 'old.text', 'new.text')} END"
    ),
}

#: The triggers as the version-7 migration made them (frozen: a file of versions 7-8 has exactly these).
TRIGGERS_V7: dict[str, str] = dict(TRIGGERS)

#: Version 9: a period may span years (its code "2017-2019") and a return may belong to the action as a
#: whole (no subdivision: recorded with an empty subdivision code, not skipped by an inner join).
_PCODE_V9 = (
    "p.year || CASE WHEN p.span_end > 0 THEN '-' || p.span_end WHEN p.semester = 0 THEN '-A' "
    "ELSE '-S' || p.semester END"
)


def _v9(body: str) -> str:
    """A version-7 trigger body made version 9 (see :data:`_PCODE_V9`)."""
    return (
        body.replace(_PCODE, _PCODE_V9)
        .replace("JOIN subdivision s ON", "LEFT JOIN subdivision s ON")
        .replace(", s.code, ", ", coalesce(s.code, ''), ")
    )


_LINK_PERIOD = '(SELECT period_id FROM "return" WHERE id = {row}.return_id)'
#: The triggers as the version-9 migration makes them (frozen).
TRIGGERS_V9 = {name: _v9(body) for name, body in TRIGGERS_V7.items()}
TRIGGERS_V9.update(
    {
        # a return's links are the period's data too
        "lock_link_ins": (
            f"BEFORE INSERT ON return_link WHEN {_ON} AND {_signed(_LINK_PERIOD.format(row='new'))} "
            f"BEGIN {_RAISE} END"
        ),
        "lock_link_upd": (
            f"BEFORE UPDATE ON return_link WHEN {_ON} AND {_signed(_LINK_PERIOD.format(row='old'))} "
            f"BEGIN {_RAISE} END"
        ),
        "lock_link_del": (
            f"BEFORE DELETE ON return_link WHEN {_ON} AND {_signed(_LINK_PERIOD.format(row='old'))} "
            f"BEGIN {_RAISE} END"
        ),
        "audit_status_upd": (
            f'AFTER UPDATE OF status ON "return" WHEN {_ON} AND old.status IS NOT new.status '
            f"BEGIN {_v9(_return_log('new', 'status', 'old.status', 'new.status'))} END"
        ),
    }
)
#: Today's triggers (a new file gets these).
TRIGGERS = TRIGGERS_V9

#: The tables, as the version-6 migration creates them (frozen; the models create the same for new files).
TABLES_V6 = (
    'CREATE TABLE IF NOT EXISTS "change_log" ("id" INTEGER NOT NULL PRIMARY KEY, "at" INTEGER NOT NULL, '
    '"who" TEXT NOT NULL, "source" TEXT NOT NULL, "kind" TEXT NOT NULL, "plan_id" INTEGER, '
    '"period" TEXT NOT NULL, "action" TEXT NOT NULL, "subdivision" TEXT NOT NULL, "column_no" INTEGER, '
    '"field" TEXT NOT NULL, "old_text" TEXT NOT NULL, "new_text" TEXT NOT NULL, "note" TEXT NOT NULL)',
    'CREATE INDEX IF NOT EXISTS "change_log_period_action" ON "change_log" ("period", "action")',
    'CREATE TABLE IF NOT EXISTS "audit_context" ("id" INTEGER NOT NULL PRIMARY KEY, "source" TEXT NOT NULL, '
    '"who" TEXT NOT NULL, "mode" INTEGER NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "period_signature" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"period_id" INTEGER NOT NULL, "sha256" TEXT NOT NULL, "signed_by" TEXT NOT NULL, '
    '"signed_at" TEXT NOT NULL, "file_name" TEXT NOT NULL, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "period_signature_period_id" ON "period_signature" ("period_id")',
    'CREATE TABLE IF NOT EXISTS "cell_comment" ("id" INTEGER NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, '
    '"action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "column_no" INTEGER NOT NULL, '
    '"text" TEXT NOT NULL, "follow_up" INTEGER NOT NULL, "resolved" INTEGER NOT NULL, "author" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL, "resolved_at" DATETIME, '
    'FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "cell_comment_period_id" ON "cell_comment" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "cell_comment_action_id" ON "cell_comment" ("action_id")',
)


def _execute(db: pw.SqliteDatabase, sql: str) -> Any:
    return db.execute_sql(sql)  # type: ignore[no-untyped-call]


def create_audit_triggers(db: pw.SqliteDatabase, triggers: dict[str, str] | None = None) -> None:
    """Create the audit and lock triggers (the tables exist; inside the caller's transaction); ``triggers``
    defaults to today's set (:data:`TRIGGERS`), a migration passes the frozen set of its version."""
    for name, body in (TRIGGERS if triggers is None else triggers).items():
        _execute(db, f"DROP TRIGGER IF EXISTS {name}")
        _execute(db, f"CREATE TRIGGER {name} {body}")


def add_audit(db: pw.SqliteDatabase) -> None:
    """Version 6 -> 7: the change log, the audit context, signed periods, comments and follow-ups on cells,
    and the triggers (as version 7 made them: :data:`TRIGGERS_V7`)."""
    for sql in TABLES_V6:
        _execute(db, sql)
    create_audit_triggers(db, TRIGGERS_V7)

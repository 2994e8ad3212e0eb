"""The PostgreSQL schema of version 8, the first version a server can hold (frozen SQL, like the SQLite
migrations). Written once from the models (``create_tables`` on PostgreSQL) and never regenerated: a later
schema change adds one step to ``PG_MIGRATIONS`` in :mod:`balti_monitor.db.pg_migrations` beside its SQLite
migration; ``tests/test_postgres_engine.py`` checks that a server built from this plus the steps has the
tables and columns of the models."""

from __future__ import annotations

#: Tables and indexes (types: SERIAL keys, INTEGER, TEXT, VARCHAR, BOOLEAN, TIMESTAMP, DATE). The women/men split
#: and the log's time are BIGINT: a file stores 64-bit integers, and a value the file holds must fit on a server.
TABLES_V8: tuple[str, ...] = (
    'CREATE TABLE IF NOT EXISTS "plan" ("id" SERIAL NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "short_title" TEXT NOT NULL, "approving_act" TEXT NOT NULL, "first_year" INTEGER NOT NULL, "last_year" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "extra" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "plan_code" ON "plan" ("code")',
    'CREATE TABLE IF NOT EXISTS "priority" ("id" SERIAL NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "position" INTEGER NOT NULL, "title_placeholder" BOOLEAN NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "priority_plan_id" ON "priority" ("plan_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "priority_plan_id_number" ON "priority" ("plan_id", "number")',
    'CREATE TABLE IF NOT EXISTS "action" ("id" SERIAL NOT NULL PRIMARY KEY, "priority_id" INTEGER NOT NULL, "parent_id" INTEGER, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "title_placeholder" BOOLEAN NOT NULL, "deadline" TEXT NOT NULL, "frequency" VARCHAR(255) NOT NULL, "gender_perspective" BOOLEAN NOT NULL, "responsible_text" TEXT NOT NULL, "all_subdivisions" BOOLEAN NOT NULL, "other_responsible" TEXT NOT NULL, "indicators_placeholder" BOOLEAN NOT NULL, "position" INTEGER NOT NULL, "extra" TEXT NOT NULL, FOREIGN KEY ("priority_id") REFERENCES "priority" ("id") ON DELETE CASCADE, FOREIGN KEY ("parent_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "action_priority_id" ON "action" ("priority_id")',
    'CREATE INDEX IF NOT EXISTS "action_parent_id" ON "action" ("parent_id")',
    'CREATE TABLE IF NOT EXISTS "action_term" ("id" SERIAL NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "due_date" TEXT NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "action_term_action_id" ON "action_term" ("action_id")',
    'CREATE TABLE IF NOT EXISTS "audit_context" ("id" SERIAL NOT NULL PRIMARY KEY, "source" TEXT NOT NULL, "who" TEXT NOT NULL, "mode" INTEGER NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "period" ("id" SERIAL NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "semester" INTEGER NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "period_plan_id" ON "period" ("plan_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "period_plan_id_year_semester" ON "period" ("plan_id", "year", "semester")',
    'CREATE TABLE IF NOT EXISTS "cell_comment" ("id" SERIAL NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "column_no" INTEGER NOT NULL, "text" TEXT NOT NULL, "follow_up" BOOLEAN NOT NULL, "resolved" BOOLEAN NOT NULL, "author" TEXT NOT NULL, "created_at" TIMESTAMP NOT NULL, "resolved_at" TIMESTAMP, "reply" TEXT NOT NULL, "replied_at" TIMESTAMP, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "cell_comment_period_id" ON "cell_comment" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "cell_comment_action_id" ON "cell_comment" ("action_id")',
    'CREATE TABLE IF NOT EXISTS "change_log" ("id" SERIAL NOT NULL PRIMARY KEY, "at" BIGINT NOT NULL, "who" TEXT NOT NULL, "source" TEXT NOT NULL, "kind" TEXT NOT NULL, "plan_id" INTEGER, "period" TEXT NOT NULL, "action" TEXT NOT NULL, "subdivision" TEXT NOT NULL, "column_no" INTEGER, "field" TEXT NOT NULL, "old_text" TEXT NOT NULL, "new_text" TEXT NOT NULL, "note" TEXT NOT NULL)',
    'CREATE INDEX IF NOT EXISTS "change_log_period_action" ON "change_log" ("period", "action")',
    'CREATE TABLE IF NOT EXISTS "finding_acknowledgement" ("id" SERIAL NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "key" TEXT NOT NULL, "fingerprint" TEXT NOT NULL, "note" TEXT NOT NULL, "author" TEXT NOT NULL, "created_at" TIMESTAMP NOT NULL, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "finding_acknowledgement_period_id" ON "finding_acknowledgement" ("period_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "finding_acknowledgement_period_id_key" ON "finding_acknowledgement" ("period_id", "key")',
    'CREATE TABLE IF NOT EXISTS "subdivision" ("id" SERIAL NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "name" TEXT NOT NULL, "position" INTEGER NOT NULL, "active" BOOLEAN NOT NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "subdivision_code" ON "subdivision" ("code")',
    'CREATE TABLE IF NOT EXISTS "form_status" ("id" SERIAL NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "form_id" VARCHAR(255) NOT NULL, "file_name" TEXT NOT NULL, "generated_at" TIMESTAMP, "sent_at" TIMESTAMP, "received_at" TIMESTAMP, "imported_at" TIMESTAMP, "correction_at" TIMESTAMP, "note" TEXT NOT NULL, "updated_at" TIMESTAMP NOT NULL, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "form_status_period_id" ON "form_status" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "form_status_subdivision_id" ON "form_status" ("subdivision_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "form_status_period_id_subdivision_id" ON "form_status" ("period_id", "subdivision_id")',
    'CREATE TABLE IF NOT EXISTS "indicator" ("id" SERIAL NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "number" INTEGER NOT NULL, "text" TEXT NOT NULL, "aggregation" VARCHAR(255) NOT NULL, "gender_split" BOOLEAN NOT NULL, "placeholder" BOOLEAN NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "indicator_action_id" ON "indicator" ("action_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "indicator_action_id_number" ON "indicator" ("action_id", "number")',
    'CREATE TABLE IF NOT EXISTS "indicator_annual_rule" ("id" SERIAL NOT NULL PRIMARY KEY, "indicator_id" INTEGER NOT NULL, "rule" VARCHAR(255) NOT NULL, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "indicator_annual_rule_indicator_id" ON "indicator_annual_rule" ("indicator_id")',
    'CREATE TABLE IF NOT EXISTS "narrative" ("id" SERIAL NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "executive_summary" TEXT NOT NULL, "risks_intro" TEXT NOT NULL, "risks" TEXT NOT NULL, "proposals_intro" TEXT NOT NULL, "proposals" TEXT NOT NULL, "prepared_by_name" TEXT NOT NULL, "prepared_by_function" TEXT NOT NULL, "coordinated_by_name" TEXT NOT NULL, "coordinated_by_function" TEXT NOT NULL, "extra_signatures" TEXT NOT NULL, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "narrative_period_id" ON "narrative" ("period_id")',
    'CREATE TABLE IF NOT EXISTS "period_responsibility" ("id" SERIAL NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "indicators" TEXT NOT NULL, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "period_responsibility_period_id" ON "period_responsibility" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "period_responsibility_action_id" ON "period_responsibility" ("action_id")',
    'CREATE INDEX IF NOT EXISTS "period_responsibility_subdivision_id" ON "period_responsibility" ("subdivision_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "period_responsibility_period_id_action_id_subdivision_id" ON "period_responsibility" ("period_id", "action_id", "subdivision_id")',
    'CREATE TABLE IF NOT EXISTS "period_signature" ("id" SERIAL NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "sha256" TEXT NOT NULL, "signed_by" TEXT NOT NULL, "signed_at" TEXT NOT NULL, "file_name" TEXT NOT NULL, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "period_signature_period_id" ON "period_signature" ("period_id")',
    'CREATE TABLE IF NOT EXISTS "reference_total" ("id" SERIAL NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "period_id" INTEGER NOT NULL, "indicator_id" INTEGER, "raw_text" TEXT NOT NULL, "source" TEXT NOT NULL, "created_at" TIMESTAMP NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "reference_total_action_id" ON "reference_total" ("action_id")',
    'CREATE INDEX IF NOT EXISTS "reference_total_period_id" ON "reference_total" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "reference_total_indicator_id" ON "reference_total" ("indicator_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "reference_total_action_id_period_id_indicator_id" ON "reference_total" ("action_id", "period_id", "indicator_id")',
    'CREATE TABLE IF NOT EXISTS "responsibility" ("id" SERIAL NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "indicators" TEXT NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "responsibility_action_id" ON "responsibility" ("action_id")',
    'CREATE INDEX IF NOT EXISTS "responsibility_subdivision_id" ON "responsibility" ("subdivision_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "responsibility_action_id_subdivision_id" ON "responsibility" ("action_id", "subdivision_id")',
    'CREATE TABLE IF NOT EXISTS "return" ("id" SERIAL NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "period_id" INTEGER NOT NULL, "description" TEXT NOT NULL, "received_date" DATE, "review_status" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "updated_at" TIMESTAMP NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "return_action_id" ON "return" ("action_id")',
    'CREATE INDEX IF NOT EXISTS "return_subdivision_id" ON "return" ("subdivision_id")',
    'CREATE INDEX IF NOT EXISTS "return_period_id" ON "return" ("period_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "return_action_id_subdivision_id_period_id" ON "return" ("action_id", "subdivision_id", "period_id")',
    'CREATE TABLE IF NOT EXISTS "subdivision_alias" ("id" SERIAL NOT NULL PRIMARY KEY, "subdivision_id" INTEGER NOT NULL, "name" TEXT NOT NULL, "key" TEXT NOT NULL, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "subdivision_alias_subdivision_id" ON "subdivision_alias" ("subdivision_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "subdivision_alias_key" ON "subdivision_alias" ("key")',
    'CREATE TABLE IF NOT EXISTS "total_override" ("id" SERIAL NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "period_id" INTEGER NOT NULL, "indicator_id" INTEGER, "raw_text" TEXT NOT NULL, "reason" TEXT NOT NULL, "author" TEXT NOT NULL, "created_at" TIMESTAMP NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "total_override_action_id" ON "total_override" ("action_id")',
    'CREATE INDEX IF NOT EXISTS "total_override_period_id" ON "total_override" ("period_id")',
    'CREATE INDEX IF NOT EXISTS "total_override_indicator_id" ON "total_override" ("indicator_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "total_override_action_id_period_id_indicator_id" ON "total_override" ("action_id", "period_id", "indicator_id")',
    'CREATE TABLE IF NOT EXISTS "value" ("id" SERIAL NOT NULL PRIMARY KEY, "return_id" INTEGER NOT NULL, "indicator_id" INTEGER NOT NULL, "raw_text" TEXT NOT NULL, "state" VARCHAR(255) NOT NULL, "quantity" TEXT, "unit" TEXT, "women" BIGINT, "men" BIGINT, "approximate" BOOLEAN NOT NULL, "status" VARCHAR(255), FOREIGN KEY ("return_id") REFERENCES "return" ("id") ON DELETE CASCADE, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "value_return_id" ON "value" ("return_id")',
    'CREATE INDEX IF NOT EXISTS "value_indicator_id" ON "value" ("indicator_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "value_return_id_indicator_id" ON "value" ("return_id", "indicator_id")',
)

#: Version 8 -> 9 (plan kinds; the twin of ``_KINDS_V9`` of :mod:`balti_monitor.db.migration_steps`): declared
#: plan columns, groups' column sets and items' values in them, the return of an action as a whole
#: (``return.subdivision_id`` NULL, one per action and period by a partial unique index), the status's
#: meaning, a return's links, periods spanning years. PostgreSQL changes "return" in place (ALTER TABLE is
#: transactional and cascades nothing), so its rows, triggers and policies stay; the columns added have the
#: models' shape (NOT NULL with a default, as the SQLite migration and the models have them).
MIGRATION_V9: tuple[str, ...] = (
    'CREATE TABLE "plan_column" ("id" SERIAL NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "label" TEXT NOT NULL, "number" VARCHAR(255) NOT NULL, "source" VARCHAR(255) NOT NULL, "format" VARCHAR(255) NOT NULL, "merge" VARCHAR(255) NOT NULL, "in_plan" BOOLEAN NOT NULL, "in_report" BOOLEAN NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "plan_column_plan_id" ON "plan_column" ("plan_id")',
    'CREATE UNIQUE INDEX "plan_column_plan_id_key" ON "plan_column" ("plan_id", "key")',
    'CREATE TABLE "group_column" ("id" SERIAL NOT NULL PRIMARY KEY, "priority_id" INTEGER NOT NULL, "column_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "label" TEXT NOT NULL, FOREIGN KEY ("priority_id") REFERENCES "priority" ("id") ON DELETE CASCADE, FOREIGN KEY ("column_id") REFERENCES "plan_column" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "group_column_priority_id" ON "group_column" ("priority_id")',
    'CREATE INDEX "group_column_column_id" ON "group_column" ("column_id")',
    'CREATE UNIQUE INDEX "group_column_priority_id_column_id" ON "group_column" ("priority_id", "column_id")',
    'CREATE TABLE "action_column_value" ("id" SERIAL NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "column_id" INTEGER NOT NULL, "raw_text" TEXT NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("column_id") REFERENCES "plan_column" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "action_column_value_action_id" ON "action_column_value" ("action_id")',
    'CREATE INDEX "action_column_value_column_id" ON "action_column_value" ("column_id")',
    'CREATE UNIQUE INDEX "action_column_value_action_id_column_id" ON "action_column_value" ("action_id", "column_id")',
    # the return of the action as a whole; the status's meaning beside its raw text
    'ALTER TABLE "return" ALTER COLUMN "subdivision_id" DROP NOT NULL',
    'ALTER TABLE "return" ADD COLUMN "status_meaning" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'CREATE UNIQUE INDEX "return_action_id_period_id_whole" ON "return" ("action_id", "period_id") WHERE ("subdivision_id" IS NULL)',
    'CREATE TABLE "return_link" ("id" SERIAL NOT NULL PRIMARY KEY, "return_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "text" TEXT NOT NULL, "url" TEXT NOT NULL, FOREIGN KEY ("return_id") REFERENCES "return" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "return_link_return_id" ON "return_link" ("return_id")',
    'CREATE UNIQUE INDEX "return_link_return_id_position" ON "return_link" ("return_id", "position")',
    # periods spanning years ("2017-2019"): the last year, 0 for a semester or a year
    'ALTER TABLE "period" ADD COLUMN "span_end" INTEGER NOT NULL DEFAULT 0',
    'DROP INDEX "period_plan_id_year_semester"',
    'CREATE UNIQUE INDEX "period_plan_id_year_semester_span_end" ON "period" ("plan_id", "year", "semester", "span_end")',
)

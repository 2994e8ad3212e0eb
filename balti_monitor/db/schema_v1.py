"""Schema version 1 of the Bălți Monitor database, frozen: never edit (later versions are migrations).

Version-1 files made before the return forms existed lack the ``form_status`` table and its indexes; both
shapes are version 1 (see :mod:`balti_monitor.db.schema`). Kept as a Python module rather than a data file
so it travels inside every build (wheel, PyInstaller bundle) with the code that reads it.
"""

SQL = """
CREATE TABLE "plan" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "short_title" TEXT NOT NULL, "approving_act" TEXT NOT NULL, "first_year" INTEGER NOT NULL, "last_year" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "extra" TEXT NOT NULL);
CREATE UNIQUE INDEX "plan_code" ON "plan" ("code");
CREATE TABLE "priority" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "position" INTEGER NOT NULL, "title_placeholder" INTEGER NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE);
CREATE INDEX "priority_plan_id" ON "priority" ("plan_id");
CREATE UNIQUE INDEX "priority_plan_id_number" ON "priority" ("plan_id", "number");
CREATE TABLE "action" ("id" INTEGER NOT NULL PRIMARY KEY, "priority_id" INTEGER NOT NULL, "parent_id" INTEGER, "code" VARCHAR(255) NOT NULL, "title" TEXT NOT NULL, "title_placeholder" INTEGER NOT NULL, "deadline" TEXT NOT NULL, "frequency" VARCHAR(255) NOT NULL, "gender_perspective" INTEGER NOT NULL, "responsible_text" TEXT NOT NULL, "all_subdivisions" INTEGER NOT NULL, "other_responsible" TEXT NOT NULL, "indicators_placeholder" INTEGER NOT NULL, "position" INTEGER NOT NULL, "extra" TEXT NOT NULL, FOREIGN KEY ("priority_id") REFERENCES "priority" ("id") ON DELETE CASCADE, FOREIGN KEY ("parent_id") REFERENCES "action" ("id") ON DELETE CASCADE);
CREATE INDEX "action_priority_id" ON "action" ("priority_id");
CREATE INDEX "action_parent_id" ON "action" ("parent_id");
CREATE TABLE "period" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "semester" INTEGER NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE CASCADE);
CREATE INDEX "period_plan_id" ON "period" ("plan_id");
CREATE UNIQUE INDEX "period_plan_id_year_semester" ON "period" ("plan_id", "year", "semester");
CREATE TABLE "subdivision" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "name" TEXT NOT NULL, "position" INTEGER NOT NULL, "active" INTEGER NOT NULL);
CREATE UNIQUE INDEX "subdivision_code" ON "subdivision" ("code");
CREATE TABLE "form_status" ("id" INTEGER NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "form_id" VARCHAR(255) NOT NULL, "file_name" TEXT NOT NULL, "generated_at" DATETIME, "sent_at" DATETIME, "received_at" DATETIME, "imported_at" DATETIME, "correction_at" DATETIME, "note" TEXT NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE);
CREATE INDEX "form_status_period_id" ON "form_status" ("period_id");
CREATE INDEX "form_status_subdivision_id" ON "form_status" ("subdivision_id");
CREATE UNIQUE INDEX "form_status_period_id_subdivision_id" ON "form_status" ("period_id", "subdivision_id");
CREATE TABLE "indicator" ("id" INTEGER NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "number" INTEGER NOT NULL, "text" TEXT NOT NULL, "aggregation" VARCHAR(255) NOT NULL, "gender_split" INTEGER NOT NULL, "placeholder" INTEGER NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE);
CREATE INDEX "indicator_action_id" ON "indicator" ("action_id");
CREATE UNIQUE INDEX "indicator_action_id_number" ON "indicator" ("action_id", "number");
CREATE TABLE "narrative" ("id" INTEGER NOT NULL PRIMARY KEY, "period_id" INTEGER NOT NULL, "executive_summary" TEXT NOT NULL, "risks_intro" TEXT NOT NULL, "risks" TEXT NOT NULL, "proposals_intro" TEXT NOT NULL, "proposals" TEXT NOT NULL, "prepared_by_name" TEXT NOT NULL, "prepared_by_function" TEXT NOT NULL, "coordinated_by_name" TEXT NOT NULL, "coordinated_by_function" TEXT NOT NULL, "extra_signatures" TEXT NOT NULL, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "narrative_period_id" ON "narrative" ("period_id");
CREATE TABLE "responsibility" ("id" INTEGER NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "indicators" TEXT NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE);
CREATE INDEX "responsibility_action_id" ON "responsibility" ("action_id");
CREATE INDEX "responsibility_subdivision_id" ON "responsibility" ("subdivision_id");
CREATE UNIQUE INDEX "responsibility_action_id_subdivision_id" ON "responsibility" ("action_id", "subdivision_id");
CREATE TABLE "return" ("id" INTEGER NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "subdivision_id" INTEGER NOT NULL, "period_id" INTEGER NOT NULL, "description" TEXT NOT NULL, "received_date" DATE, "review_status" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE);
CREATE INDEX "return_action_id" ON "return" ("action_id");
CREATE INDEX "return_subdivision_id" ON "return" ("subdivision_id");
CREATE INDEX "return_period_id" ON "return" ("period_id");
CREATE UNIQUE INDEX "return_action_id_subdivision_id_period_id" ON "return" ("action_id", "subdivision_id", "period_id");
CREATE TABLE "subdivision_alias" ("id" INTEGER NOT NULL PRIMARY KEY, "subdivision_id" INTEGER NOT NULL, "name" TEXT NOT NULL, "key" TEXT NOT NULL, FOREIGN KEY ("subdivision_id") REFERENCES "subdivision" ("id") ON DELETE CASCADE);
CREATE INDEX "subdivision_alias_subdivision_id" ON "subdivision_alias" ("subdivision_id");
CREATE UNIQUE INDEX "subdivision_alias_key" ON "subdivision_alias" ("key");
CREATE TABLE "total_override" ("id" INTEGER NOT NULL PRIMARY KEY, "action_id" INTEGER NOT NULL, "period_id" INTEGER NOT NULL, "indicator_id" INTEGER, "raw_text" TEXT NOT NULL, "reason" TEXT NOT NULL, "author" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE, FOREIGN KEY ("period_id") REFERENCES "period" ("id") ON DELETE CASCADE, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE);
CREATE INDEX "total_override_action_id" ON "total_override" ("action_id");
CREATE INDEX "total_override_period_id" ON "total_override" ("period_id");
CREATE INDEX "total_override_indicator_id" ON "total_override" ("indicator_id");
CREATE UNIQUE INDEX "total_override_action_id_period_id_indicator_id" ON "total_override" ("action_id", "period_id", "indicator_id");
CREATE TABLE "value" ("id" INTEGER NOT NULL PRIMARY KEY, "return_id" INTEGER NOT NULL, "indicator_id" INTEGER NOT NULL, "raw_text" TEXT NOT NULL, "state" VARCHAR(255) NOT NULL, "quantity" TEXT, "unit" TEXT, "women" INTEGER, "men" INTEGER, "approximate" INTEGER NOT NULL, "status" VARCHAR(255), FOREIGN KEY ("return_id") REFERENCES "return" ("id") ON DELETE CASCADE, FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE);
CREATE INDEX "value_return_id" ON "value" ("return_id");
CREATE INDEX "value_indicator_id" ON "value" ("indicator_id");
CREATE UNIQUE INDEX "value_return_id_indicator_id" ON "value" ("return_id", "indicator_id");
"""

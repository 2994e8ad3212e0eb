"""The server's functions and triggers, frozen per version: the audit trail, the lock of signed periods and
the search index in PL/pgSQL, twins of the SQLite triggers of :mod:`balti_monitor.db.audit` and
:mod:`balti_monitor.db.search_index`.

:func:`server_functions_v8` is what a server of version 8 (:data:`~balti_monitor.db.pg_migrations.PG_BASE_VERSION`)
is created with; :func:`server_functions_v9` is what version 9 (plan kinds: the twin of
``_add_kinds_and_progress`` of :mod:`balti_monitor.db.migration_steps`) replaces in it, derived from the text of
version 8 and refusing to run if that text changed. Frozen in behaviour: a later change is a new version's
step in :mod:`balti_monitor.db.pg_migrations`, never an edit here. :func:`fold` is the Python twin of
``bm_fold`` (the searched words are folded the way the index is).
"""

from __future__ import annotations

import unicodedata

from balti_monitor.db.audit import NARRATIVE_FIELDS, SIGNED_MARK
from balti_monitor.db.search_index import (
    KIND_ACTION,
    KIND_COLUMN,
    KIND_DESCRIPTION,
    KIND_INDICATOR,
    KIND_NARRATIVE,
    KIND_VALUE,
    TABLE,
)

# --------------------------------------------------------------------------------------------------------
# Version 8: audit trail, lock of signed periods, search index


def fold(text: str) -> str:
    """What :sql:`bm_fold` makes of ``text``: canonical decomposition, the combining marks U+0300-U+036F
    dropped (ă â î ș ț and the cedilla forms ş ţ become a a i s t), lower case; the server's twin of SQLite
    FTS5's ``remove_diacritics 2``, used for the searched words."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f").lower()


_PCODE = "p.year || CASE p.semester WHEN 0 THEN '-A' ELSE '-S' || p.semester END"
_LOG = (
    "INSERT INTO change_log (at, who, source, kind, plan_id, period, action, subdivision, column_no, field, "
    "old_text, new_text, note) "
)
_CTX = "floor(extract(epoch FROM clock_timestamp()))::bigint, bm_ctx_who(), bm_ctx_source()"


def server_functions_v8() -> list[str]:
    """The functions and triggers of version 8 (frozen in behaviour: the twins of the SQLite triggers)."""
    narrative_fields = ", ".join(f"'{name}'" for name in NARRATIVE_FIELDS)
    sql = [
        # context of the audit trail
        "CREATE FUNCTION bm_audit_on() RETURNS boolean LANGUAGE sql STABLE AS "
        "$$ SELECT coalesce((SELECT mode FROM audit_context WHERE id = 1), 0) = 0 $$",
        "CREATE FUNCTION bm_ctx_who() RETURNS text LANGUAGE sql STABLE AS "
        "$$ SELECT coalesce((SELECT who FROM audit_context WHERE id = 1), '') $$",
        "CREATE FUNCTION bm_ctx_source() RETURNS text LANGUAGE sql STABLE AS "
        "$$ SELECT coalesce((SELECT source FROM audit_context WHERE id = 1), '') $$",
        # diacritics off through Unicode decomposition (C code: fast on long texts); needs a UTF8 database
        "CREATE FUNCTION bm_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS "
        "$$ SELECT lower(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g')) $$",
        # the lock of signed periods
        "CREATE FUNCTION bm_lock() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE pid integer; "
        "BEGIN "
        "IF TG_TABLE_NAME = 'value' THEN "
        "  IF TG_OP = 'INSERT' THEN SELECT period_id INTO pid FROM \"return\" WHERE id = NEW.return_id; "
        '  ELSE SELECT period_id INTO pid FROM "return" WHERE id = OLD.return_id; END IF; '
        "ELSIF TG_OP = 'INSERT' THEN pid := NEW.period_id; "
        "ELSE pid := OLD.period_id; END IF; "
        "IF bm_audit_on() AND EXISTS (SELECT 1 FROM period_signature WHERE period_id = pid) THEN "
        f"  RAISE EXCEPTION '{SIGNED_MARK}'; "
        "END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; "
        "END $$",
        # the trail: values
        "CREATE FUNCTION bm_log_value() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE o text := ''; n text := ''; rid integer; iid integer; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN "
        "  IF NEW.raw_text = '' THEN RETURN NULL; END IF; n := NEW.raw_text; rid := NEW.return_id; "
        "  iid := NEW.indicator_id; "
        "ELSIF TG_OP = 'UPDATE' THEN "
        "  IF OLD.raw_text IS NOT DISTINCT FROM NEW.raw_text THEN RETURN NULL; END IF; "
        "  o := OLD.raw_text; n := NEW.raw_text; rid := NEW.return_id; iid := NEW.indicator_id; "
        "ELSE "
        "  IF OLD.raw_text = '' THEN RETURN NULL; END IF; o := OLD.raw_text; rid := OLD.return_id; "
        "  iid := OLD.indicator_id; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, 'value', p.plan_id, {_PCODE}, a.code, s.code, i.number, '', o, n, '' "
        'FROM "return" r JOIN period p ON p.id = r.period_id JOIN action a ON a.id = r.action_id '
        "JOIN subdivision s ON s.id = r.subdivision_id JOIN indicator i ON i.id = iid WHERE r.id = rid; "
        "RETURN NULL; END $$",
        # returns: description and review status
        "CREATE FUNCTION bm_log_return() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE r record; o text := ''; n text := ''; k text := 'description'; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN "
        "  IF NEW.description = '' THEN RETURN NULL; END IF; r := NEW; n := NEW.description; "
        "ELSIF TG_OP = 'DELETE' THEN "
        "  IF OLD.description = '' THEN RETURN NULL; END IF; r := OLD; o := OLD.description; "
        "ELSE r := NEW; "
        "  IF OLD.description IS DISTINCT FROM NEW.description THEN "
        f"    {_LOG} SELECT {_CTX}, 'description', p.plan_id, {_PCODE}, a.code, s.code, 0, '', "
        "    OLD.description, NEW.description, '' FROM period p JOIN action a ON a.id = NEW.action_id "
        "    JOIN subdivision s ON s.id = NEW.subdivision_id WHERE p.id = NEW.period_id; "
        "  END IF; "
        "  IF OLD.review_status IS DISTINCT FROM NEW.review_status THEN "
        f"    {_LOG} SELECT {_CTX}, 'review', p.plan_id, {_PCODE}, a.code, s.code, 0, '', "
        "    OLD.review_status, NEW.review_status, '' FROM period p JOIN action a ON a.id = NEW.action_id "
        "    JOIN subdivision s ON s.id = NEW.subdivision_id WHERE p.id = NEW.period_id; "
        "  END IF; "
        "  RETURN NULL; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, k, p.plan_id, {_PCODE}, a.code, s.code, 0, '', o, n, '' "
        "FROM period p JOIN action a ON a.id = r.action_id JOIN subdivision s ON s.id = r.subdivision_id "
        "WHERE p.id = r.period_id; "
        "RETURN NULL; END $$",
        # manual totals
        "CREATE FUNCTION bm_log_override() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE r record; o text := ''; n text := ''; why text; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN r := NEW; n := NEW.raw_text; why := NEW.reason; "
        "ELSIF TG_OP = 'DELETE' THEN r := OLD; o := OLD.raw_text; why := OLD.reason; "
        "ELSE "
        "  IF OLD.raw_text IS NOT DISTINCT FROM NEW.raw_text AND OLD.reason IS NOT DISTINCT FROM NEW.reason "
        "  THEN RETURN NULL; END IF; "
        "  r := NEW; o := OLD.raw_text; n := NEW.raw_text; why := NEW.reason; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, 'override', p.plan_id, {_PCODE}, a.code, '', "
        "(SELECT number FROM indicator WHERE id = r.indicator_id), '', o, n, why "
        "FROM period p JOIN action a ON a.id = r.action_id WHERE p.id = r.period_id; "
        "RETURN NULL; END $$",
        # responsibilities of a period
        "CREATE FUNCTION bm_log_responsibility() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE r record; o text := ''; n text := ''; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_OP = 'INSERT' THEN r := NEW; n := NEW.indicators; "
        "ELSIF TG_OP = 'DELETE' THEN r := OLD; o := OLD.indicators; "
        "ELSE "
        "  IF OLD.indicators IS NOT DISTINCT FROM NEW.indicators THEN RETURN NULL; END IF; "
        "  r := NEW; o := OLD.indicators; n := NEW.indicators; "
        "END IF; "
        f"{_LOG} SELECT {_CTX}, 'responsibility', p.plan_id, {_PCODE}, a.code, s.code, NULL, '', o, n, '' "
        "FROM period p JOIN action a ON a.id = r.action_id JOIN subdivision s ON s.id = r.subdivision_id "
        "WHERE p.id = r.period_id; "
        "RETURN NULL; END $$",
        # the narrative, field by field
        "CREATE FUNCTION bm_log_narrative() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE f text; o text; n text; "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        f"FOREACH f IN ARRAY ARRAY[{narrative_fields}] LOOP "
        "  n := to_jsonb(NEW) ->> f; "
        "  IF TG_OP = 'UPDATE' THEN o := to_jsonb(OLD) ->> f; ELSE o := ''; END IF; "
        "  IF (TG_OP = 'INSERT' AND n NOT IN ('', '[]')) OR (TG_OP = 'UPDATE' AND o IS DISTINCT FROM n) THEN "
        f"    {_LOG} SELECT {_CTX}, 'narrative', p.plan_id, {_PCODE}, '', '', NULL, f, o, n, '' "
        "    FROM period p WHERE p.id = NEW.period_id; "
        "  END IF; "
        "END LOOP; "
        "RETURN NULL; END $$",
        # the plan's texts
        "CREATE FUNCTION bm_log_plan() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF NOT bm_audit_on() THEN RETURN NULL; END IF; "
        "IF TG_TABLE_NAME = 'action' THEN "
        "  IF OLD.title IS NOT DISTINCT FROM NEW.title THEN RETURN NULL; END IF; "
        f"  {_LOG} SELECT {_CTX}, 'plan', pr.plan_id, '', a.code, '', NULL, 'title', OLD.title, NEW.title, '' "
        "  FROM action a JOIN priority pr ON pr.id = a.priority_id WHERE a.id = NEW.id; "
        "ELSE "
        "  IF OLD.text IS NOT DISTINCT FROM NEW.text THEN RETURN NULL; END IF; "
        f"  {_LOG} SELECT {_CTX}, 'plan', pr.plan_id, '', a.code, '', NEW.number, 'indicator', OLD.text, "
        "  NEW.text, '' FROM action a JOIN priority pr ON pr.id = a.priority_id WHERE a.id = NEW.action_id; "
        "END IF; "
        "RETURN NULL; END $$",
    ]
    for table in ("value", '"return"', "total_override", "period_responsibility", "narrative"):
        name = table.strip('"')
        sql.append(
            f"CREATE TRIGGER lock_{name} BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION bm_lock()"
        )
    sql += [
        "CREATE TRIGGER audit_value AFTER INSERT OR UPDATE OF raw_text OR DELETE ON value "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_value()",
        'CREATE TRIGGER audit_return AFTER INSERT OR UPDATE OF description, review_status OR DELETE ON "return" '
        "FOR EACH ROW EXECUTE FUNCTION bm_log_return()",
        "CREATE TRIGGER audit_override AFTER INSERT OR UPDATE OR DELETE ON total_override "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_override()",
        "CREATE TRIGGER audit_responsibility AFTER INSERT OR UPDATE OF indicators OR DELETE ON "
        "period_responsibility FOR EACH ROW EXECUTE FUNCTION bm_log_responsibility()",
        "CREATE TRIGGER audit_narrative AFTER INSERT OR UPDATE ON narrative "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_narrative()",
        "CREATE TRIGGER audit_action AFTER UPDATE OF title ON action FOR EACH ROW EXECUTE FUNCTION bm_log_plan()",
        "CREATE TRIGGER audit_indicator AFTER UPDATE OF text ON indicator "
        "FOR EACH ROW EXECUTE FUNCTION bm_log_plan()",
    ]
    sql += _search_sql()
    return sql


#: A narrative's searched text (its sections in one), for a row named ``{t}``; also used by the rebuild.
NARRATIVE_BODY = (
    "coalesce({t}.executive_summary, '') || ' ' || coalesce({t}.risks_intro, '') || ' ' || "
    "coalesce({t}.risks, '') || ' ' || coalesce({t}.proposals_intro, '') || ' ' || coalesce({t}.proposals, '')"
)


def _search_sql() -> list[str]:
    """The search index: one row per text (id = row id * 8 + kind, as in SQLite), the folded text beside
    it (``bm_fold``: lower case, no diacritics), kept in step by triggers."""
    ins = f"INSERT INTO {TABLE} (id, body, folded, kind, period_id, action_id, subdivision_id, column_no) "
    return [
        f'CREATE TABLE {TABLE} ("id" BIGINT NOT NULL PRIMARY KEY, "body" TEXT NOT NULL, "folded" TEXT NOT NULL, '
        '"kind" INTEGER NOT NULL, "period_id" INTEGER, "action_id" INTEGER, "subdivision_id" INTEGER, '
        '"column_no" INTEGER)',
        f'CREATE INDEX "{TABLE}_period_id" ON {TABLE} ("period_id")',
        "CREATE FUNCTION bm_search() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE k integer; "
        "BEGIN "
        "k := CASE TG_TABLE_NAME WHEN 'return' THEN "
        f"{KIND_DESCRIPTION} WHEN 'value' THEN {KIND_VALUE} WHEN 'narrative' THEN {KIND_NARRATIVE} "
        f"WHEN 'action' THEN {KIND_ACTION} ELSE {KIND_INDICATOR} END; "
        f"IF TG_OP <> 'INSERT' THEN DELETE FROM {TABLE} WHERE id = OLD.id::bigint * 8 + k; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN NULL; END IF; "
        "IF k = 1 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.description, bm_fold(NEW.description), k, NEW.period_id, "
        "  NEW.action_id, NEW.subdivision_id, 0 WHERE trim(NEW.description) <> ''; "
        "ELSIF k = 2 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.raw_text, bm_fold(NEW.raw_text), k, r.period_id, r.action_id, "
        '  r.subdivision_id, i.number FROM "return" r, indicator i '
        "  WHERE r.id = NEW.return_id AND i.id = NEW.indicator_id AND trim(NEW.raw_text) <> ''; "
        "ELSIF k = 3 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, b, bm_fold(b), k, NEW.period_id, NULL, NULL, NULL "
        f"  FROM (SELECT {NARRATIVE_BODY.format(t='NEW')} AS b) x; "
        "ELSIF k = 4 THEN "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.title, bm_fold(NEW.title), k, NULL, NEW.id, NULL, NULL "
        "  WHERE trim(NEW.title) <> ''; "
        "ELSE "
        f"  {ins} SELECT NEW.id::bigint * 8 + k, NEW.text, bm_fold(NEW.text), k, NULL, NEW.action_id, NULL, "
        "  NEW.number WHERE trim(NEW.text) <> ''; "
        "END IF; "
        "RETURN NULL; END $$",
        'CREATE TRIGGER search_return AFTER INSERT OR UPDATE OF description OR DELETE ON "return" '
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_value AFTER INSERT OR UPDATE OF raw_text OR DELETE ON value "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_narrative AFTER INSERT OR UPDATE OR DELETE ON narrative "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_action AFTER INSERT OR UPDATE OF title OR DELETE ON action "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
        "CREATE TRIGGER search_indicator AFTER INSERT OR UPDATE OF text, number OR DELETE ON indicator "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
    ]


# --------------------------------------------------------------------------------------------------------
# Version 9: plan kinds

#: Version 9's period code: a span of years is "2017-2019" (``_PCODE_V9`` of :mod:`balti_monitor.db.audit`).
_PCODE_V9 = (
    "p.year || CASE WHEN p.span_end > 0 THEN '-' || p.span_end WHEN p.semester = 0 THEN '-A' "
    "ELSE '-S' || p.semester END"
)
#: The functions of version 8 that version 9 replaces (period code; a return without a subdivision; the
#: items' texts in declared columns searched).
FUNCTIONS_V9 = (
    "bm_lock",
    "bm_log_value",
    "bm_log_return",
    "bm_log_override",
    "bm_log_responsibility",
    "bm_search",
)
_SEARCH_INSERT = (
    f"INSERT INTO {TABLE} (id, body, folded, kind, period_id, action_id, subdivision_id, column_no) "
)
#: Version 9 indexes an item's text in a declared column (the column's id as ``column_no``), as SQLite does.
_SEARCH_KINDS_V8 = f"WHEN 'action' THEN {KIND_ACTION} ELSE {KIND_INDICATOR} END; "
_SEARCH_KINDS_V9 = f"WHEN 'action' THEN {KIND_ACTION} WHEN 'action_column_value' THEN {KIND_COLUMN} ELSE {KIND_INDICATOR} END; "
_SEARCH_INDICATOR = f"ELSE   {_SEARCH_INSERT} SELECT NEW.id::bigint * 8 + k, NEW.text, "
_SEARCH_COLUMN_V9 = (
    f"ELSIF k = {KIND_COLUMN} THEN "
    f"  {_SEARCH_INSERT} SELECT NEW.id::bigint * 8 + k, NEW.raw_text, bm_fold(NEW.raw_text), k, NULL, "
    "  NEW.action_id, NULL, NEW.column_id WHERE trim(NEW.raw_text) <> ''; "
)


def _return_change(kind: str, column: str) -> str:
    """The record of one changed column of a return, in the UPDATE branch of ``bm_log_return`` (as
    version 8 writes the description's and the review status's)."""
    return (
        f"  IF OLD.{column} IS DISTINCT FROM NEW.{column} THEN "
        f"    {_LOG} SELECT {_CTX}, '{kind}', p.plan_id, {_PCODE}, a.code, s.code, 0, '', "
        f"    OLD.{column}, NEW.{column}, '' FROM period p JOIN action a ON a.id = NEW.action_id "
        "    JOIN subdivision s ON s.id = NEW.subdivision_id WHERE p.id = NEW.period_id; "
        "  END IF; "
    )


def _v9(body: str) -> str:
    """A version-8 function made version 9, as :mod:`balti_monitor.db.audit` does for SQLite: the period
    code of a span, a return of the action as a whole recorded with an empty subdivision code (not skipped
    by an inner join), the status of a return recorded, a return's links locked with their period. One
    UPDATE of a return records its status, review status and description in this order, as SQLite's
    triggers do (the one created last runs first)."""
    body = body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if " bm_log_return()" in body:
        v8 = _return_change("description", "description") + _return_change("review", "review_status")
        if body.count(v8) != 1:
            raise AssertionError("bm_log_return of version 8 changed")
        v9 = (
            _return_change("status", "status")
            + _return_change("review", "review_status")
            + _return_change("description", "description")
        )
        body = body.replace(v8, v9)
    if " bm_search()" in body:
        if body.count(_SEARCH_KINDS_V8) != 1 or body.count(_SEARCH_INDICATOR) != 1:
            raise AssertionError("bm_search of version 8 changed")
        body = body.replace(_SEARCH_KINDS_V8, _SEARCH_KINDS_V9)
        body = body.replace(_SEARCH_INDICATOR, _SEARCH_COLUMN_V9 + _SEARCH_INDICATOR)
    if " bm_lock()" in body:
        body = body.replace(
            "IF TG_TABLE_NAME = 'value' THEN", "IF TG_TABLE_NAME IN ('value', 'return_link') THEN"
        )
    return (
        body.replace(_PCODE, _PCODE_V9)
        .replace("JOIN subdivision s ON", "LEFT JOIN subdivision s ON")
        .replace(", s.code, ", ", coalesce(s.code, ''), ")
    )


def server_functions_v9() -> list[str]:
    """What version 9 changes in the functions and triggers of version 8 (frozen in behaviour: the twins
    of ``TRIGGERS_V9`` of :mod:`balti_monitor.db.audit`)."""
    replaced = [
        _v9(sql)
        for sql in server_functions_v8()
        if sql.startswith("CREATE FUNCTION") and sql.split()[2].split("(")[0] in FUNCTIONS_V9
    ]
    if len(replaced) != len(FUNCTIONS_V9):
        raise AssertionError("the functions of version 8 changed")
    return [
        *replaced,
        'DROP TRIGGER audit_return ON "return"',
        "CREATE TRIGGER audit_return AFTER INSERT OR UPDATE OF description, review_status, status OR DELETE "
        'ON "return" FOR EACH ROW EXECUTE FUNCTION bm_log_return()',
        "CREATE TRIGGER lock_return_link BEFORE INSERT OR UPDATE OR DELETE ON return_link "
        "FOR EACH ROW EXECUTE FUNCTION bm_lock()",
        "CREATE TRIGGER search_column AFTER INSERT OR UPDATE OF raw_text OR DELETE ON action_column_value "
        "FOR EACH ROW EXECUTE FUNCTION bm_search()",
    ]

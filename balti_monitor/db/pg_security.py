"""Who may do what on a PostgreSQL server, enforced by the server itself: roles, privileges, row-level
security, and the notifications that keep other windows in step (frozen SQL, PostgreSQL only).

Three group roles (``NOLOGIN``); every person is a login role that is a member of one of them:

* ``specialist``: everything (all tables, every row);
* ``subdivision``: reads everything; writes only its own subdivision's returns and values, only in periods
  that are not signed; the plan, the subdivisions, the periods and the report's text stay read-only;
* ``viewer``: reads everything, writes nothing.

Which subdivision a clerk belongs to is a row of ``balti_server.member`` (login role → subdivision id),
read by the policies through ``balti_server.my_subdivision()`` (``current_user``). The program's own tables
stay exactly those of the models (the schema check compares them): everything added here lives in the
separate schema ``balti_server``, plus row-level security policies, grants and triggers on the tables.

How a clerk's attempt on someone else's row is refused: ``INSERT`` and ``UPDATE`` are checked by the
policies' ``WITH CHECK`` (an error, never a silent 0 rows); the columns that say whose a row is
(``subdivision_id``, ``period_id``, ``action_id``, ``return_id``, ``indicator_id``) cannot be updated by a clerk
at all, so a row cannot be moved to another subdivision; ``DELETE`` is checked by a trigger (a policy can
only hide rows from a delete, silently). Signed periods are refused by the same checks, besides the lock
triggers of the audit. A clerk cannot switch the audit off (``audit_context.mode`` stays 0 for it), cannot
write the change log or the search index itself (their triggers run as the tables' owner), and cannot mark
its own return accepted. The change log names the login that wrote (``who_is_login``), with the name typed
in the program's settings beside it.

Every statement is idempotent (``IF NOT EXISTS``, ``CREATE OR REPLACE``, a policy created when missing and
otherwise altered to the same definition), so :func:`setup_statements` can be run again after an upgrade.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The group roles, in the order a person is asked for one.
ROLES = ("specialist", "subdivision", "viewer")

#: The schema holding what the server needs beyond the program's tables.
SCHEMA = "balti_server"

#: The channel of the change notifications (payload: JSON with the period, action and table).
CHANNEL = "balti_monitor_changes"

#: The message of the refusals raised by our triggers and functions (the services translate it).
FOREIGN_MARK = "BM_NOT_YOURS"

#: Tables a subdivision clerk writes (with row-level security), and the columns it may update.
_CLERK_TABLES: dict[str, tuple[str, ...]] = {
    # not review_status: whether a return is accepted is the specialist's judgement
    "return": ("description", "received_date", "status", "updated_at"),
    "value": ("raw_text", "state", "quantity", "unit", "women", "men", "approximate", "status"),
}

#: Tables whose changes are announced to the other windows (period and action of the grid changed).
_NOTIFIED = ("return", "value", "total_override")

_OWN_RETURN = f"subdivision_id = {SCHEMA}.my_subdivision() AND {SCHEMA}.period_open(period_id)"
_OWN_VALUE = f"{SCHEMA}.return_writable(return_id)"
_OWN = {"return": _OWN_RETURN, "value": _OWN_VALUE}
#: A return a clerk creates starts as received (only the specialist accepts or sends back).
_NEW_ROW = {"return": f"{_OWN_RETURN} AND review_status = 'received'"}


def _role(name: str) -> str:
    return (
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
        f"CREATE ROLE {name} NOLOGIN; END IF; END $$"
    )


def _q(name: str) -> str:
    return f'"{name}"'


@dataclass(frozen=True, slots=True)
class Policy:
    """A row-level security policy: created when missing, otherwise altered to this definition."""

    name: str
    table: str
    command: str  # ALL / SELECT / INSERT / UPDATE / DELETE
    roles: str
    using: str | None
    check: str | None

    def sql(self) -> str:
        """The idempotent statement."""
        clauses = f" TO {self.roles}"
        if self.using is not None:
            clauses += f" USING ({self.using})"
        if self.check is not None:
            clauses += f" WITH CHECK ({self.check})"
        return (
            "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' "
            f"AND tablename = '{self.table}' AND policyname = '{self.name}') THEN "
            f"ALTER POLICY {self.name} ON {_q(self.table)}{clauses}; ELSE "
            f"CREATE POLICY {self.name} ON {_q(self.table)} FOR {self.command}{clauses}; END IF; END $$"
        )


def _policies() -> list[Policy]:
    found: list[Policy] = []
    for table, own in _OWN.items():
        found += [
            Policy(f"bm_specialist_all_{table}", table, "ALL", "specialist", "true", "true"),
            Policy(f"bm_read_{table}", table, "SELECT", "subdivision, viewer", "true", None),
            Policy(
                f"bm_clerk_insert_{table}", table, "INSERT", "subdivision", None, _NEW_ROW.get(table, own)
            ),
            # USING true + WITH CHECK: a row of another subdivision is refused with an error, not skipped.
            Policy(f"bm_clerk_update_{table}", table, "UPDATE", "subdivision", "true", own),
            Policy(f"bm_clerk_delete_{table}", table, "DELETE", "subdivision", "true", None),
        ]
    found += [
        Policy("bm_specialist_all_audit_context", "audit_context", "ALL", "specialist", "true", "true"),
        Policy("bm_read_audit_context", "audit_context", "SELECT", "subdivision, viewer", "true", None),
        Policy("bm_clerk_insert_audit_context", "audit_context", "INSERT", "subdivision", None, "mode = 0"),
        Policy("bm_clerk_update_audit_context", "audit_context", "UPDATE", "subdivision", "true", "mode = 0"),
    ]
    return found


_FUNCTIONS = (
    f"CREATE OR REPLACE FUNCTION {SCHEMA}.my_subdivision() RETURNS integer LANGUAGE sql STABLE AS "
    f"$$ SELECT subdivision_id FROM {SCHEMA}.member WHERE role_name = current_user $$",
    f"CREATE OR REPLACE FUNCTION {SCHEMA}.period_open(p integer) RETURNS boolean LANGUAGE sql STABLE AS "
    "$$ SELECT NOT EXISTS (SELECT 1 FROM public.period_signature s WHERE s.period_id = p) $$",
    f"CREATE OR REPLACE FUNCTION {SCHEMA}.return_writable(r integer) RETURNS boolean LANGUAGE sql STABLE AS "
    f'$$ SELECT EXISTS (SELECT 1 FROM public."return" t WHERE t.id = r '
    f"AND t.subdivision_id = {SCHEMA}.my_subdivision() AND {SCHEMA}.period_open(t.period_id)) $$",
    # A clerk's DELETE of a row that is not its own (or of a signed period) is an error.
    f"CREATE OR REPLACE FUNCTION {SCHEMA}.refuse_foreign_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF pg_has_role(current_user, 'subdivision', 'MEMBER') "
    "AND NOT pg_has_role(current_user, 'specialist', 'MEMBER') THEN "
    "IF TG_TABLE_NAME = 'return' THEN "
    f"IF NOT (OLD.subdivision_id IS NOT DISTINCT FROM {SCHEMA}.my_subdivision() "
    f"AND {SCHEMA}.period_open(OLD.period_id)) THEN "
    f"RAISE EXCEPTION '{FOREIGN_MARK}' USING ERRCODE = '42501'; END IF; "
    f"ELSIF NOT {SCHEMA}.return_writable(OLD.return_id) THEN "
    f"RAISE EXCEPTION '{FOREIGN_MARK}' USING ERRCODE = '42501'; END IF; END IF; RETURN OLD; END $$",
    # The change log names the login that wrote (the name typed in the settings beside it, in brackets):
    # on a server nobody can write in another person's name.
    f"CREATE OR REPLACE FUNCTION {SCHEMA}.who_is_login() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF NEW.who <> '' AND NEW.who <> session_user::text "
    "AND left(NEW.who, length(session_user::text) + 2) <> session_user::text || ' (' THEN "
    "NEW.who := session_user::text || ' (' || NEW.who || ')'; END IF; RETURN NEW; END $$",
    # The other windows learn which grid changed (the period and action), and who changed it (the pid).
    f"CREATE OR REPLACE FUNCTION {SCHEMA}.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE p integer; a integer; row_data record; "
    "BEGIN "
    "IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF; "
    "IF TG_TABLE_NAME = 'value' THEN "
    'SELECT r.period_id, r.action_id INTO p, a FROM public."return" r WHERE r.id = row_data.return_id; '
    "ELSE p := row_data.period_id; a := row_data.action_id; END IF; "
    "IF p IS NOT NULL THEN "
    f"PERFORM pg_notify('{CHANNEL}', json_build_object('period', p, 'action', a, 'table', TG_TABLE_NAME)::text); "
    "END IF; RETURN NULL; END $$",
)


_DEFINER = (
    "DO $$ DECLARE f regprocedure; BEGIN "
    "FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE n.nspname = 'public' AND p.prorettype = 'trigger'::regtype "
    "AND (p.proname LIKE 'bm\\_log\\_%' OR p.proname = 'bm_search') AND NOT p.prosecdef LOOP "
    "EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = public, pg_temp', f); "
    "END LOOP; END $$"
)


def setup_statements() -> list[str]:
    """The SQL that sets up roles, privileges, policies and notifications on a database whose tables exist
    (all idempotent; run in one transaction by a role that owns the tables and may create roles)."""
    statements = [_role(name) for name in ROLES]
    statements += [
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
        f"CREATE TABLE IF NOT EXISTS {SCHEMA}.member (role_name name PRIMARY KEY, "
        "subdivision_id integer REFERENCES public.subdivision (id) ON DELETE CASCADE)",
        f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {', '.join(ROLES)}",
        f"GRANT SELECT ON {SCHEMA}.member TO {', '.join(ROLES)}",
        *_FUNCTIONS,
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} TO {', '.join(ROLES)}",
        # Everything readable by all three; writable by the specialist.
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {', '.join(ROLES)}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {', '.join(ROLES)}",
        "GRANT INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO specialist",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO specialist, subdivision",
        # A clerk: its returns and values (row-level security below), the audit records of its writes.
        'GRANT INSERT, DELETE ON public."return", public.value TO subdivision',
        # exactly these columns (an upgrade that narrows them takes back what an older setup granted)
        'REVOKE UPDATE ON public."return", public.value FROM subdivision',
        *(
            f"GRANT UPDATE ({', '.join(columns)}) ON public.{_q(table)} TO subdivision"
            for table, columns in _CLERK_TABLES.items()
        ),
        "GRANT INSERT, UPDATE ON public.audit_context TO subdivision",
        # The audit trail and the search index are written by triggers as the tables' owner: a clerk's
        # change is recorded, but a clerk cannot write (or forge) records or index rows itself.
        _DEFINER,
    ]
    for table in (*_CLERK_TABLES, "audit_context"):
        statements.append(f"ALTER TABLE public.{_q(table)} ENABLE ROW LEVEL SECURITY")
    statements += [policy.sql() for policy in _policies()]
    for table in _CLERK_TABLES:
        statements.append(
            f"CREATE OR REPLACE TRIGGER bm_refuse_foreign_delete BEFORE DELETE ON public.{_q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.refuse_foreign_delete()"
        )
    statements.append(
        "CREATE OR REPLACE TRIGGER bm_who_is_login BEFORE INSERT OR UPDATE ON public.audit_context "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.who_is_login()"
    )
    for table in _NOTIFIED:
        statements.append(
            f"CREATE OR REPLACE TRIGGER bm_notify_change AFTER INSERT OR UPDATE OR DELETE ON public.{_q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.notify_change()"
        )
    return statements


def member_statements(
    name: str, role: str, subdivision_id: int | None, password_hash: str | None
) -> list[str]:
    """The SQL that adds a person: a login role in ``role`` (with its SCRAM hash, never the plain password)
    and, for a clerk, the subdivision it answers for. ``name`` must already be checked (:func:`valid_name`)."""
    if role not in ROLES:
        raise ValueError(role)
    password = "" if password_hash is None else " PASSWORD " + _literal(password_hash)
    statements = [f"CREATE ROLE {_q(name)} LOGIN{password} IN ROLE {role}"]
    if subdivision_id is not None:
        statements.append(
            f"INSERT INTO {SCHEMA}.member (role_name, subdivision_id) VALUES ({_literal(name)}, {int(subdivision_id)}) "
            "ON CONFLICT (role_name) DO UPDATE SET subdivision_id = excluded.subdivision_id"
        )
    return statements


def valid_name(name: str) -> bool:
    """A person's login name: letters, digits, ``_ . -``, 1-63 characters, not one of the group roles and
    not a reserved ``pg_`` name."""
    return (
        0 < len(name) <= 63
        and all(c.isascii() and (c.isalnum() or c in "_.-") for c in name)
        and name not in ROLES
        and not name.lower().startswith("pg_")
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

"""Who may do what on a PostgreSQL server, enforced by the server itself: each test connects with raw SQL
(psycopg) as a person of a role, not through the program, and tries what that person may not do.

Runs against the throwaway test cluster (tests/pg_cluster.py); skipped with the reason where no server can
be started, failed instead in CI.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Subdivision
from tests.server_people import connect, people_server

psycopg = pytest.importorskip("psycopg")
errors = psycopg.errors


@pytest.fixture
def server(pg_templates: dict[str, str]) -> Iterator[Any]:
    """The demo on a fresh server database, set up by ``server-setup``, with people of every role; the
    program's connection is closed (the tests connect as each person)."""
    yield from people_server(pg_templates)


def one(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def value_of(conn: Any, code: str, action: str = "1.13", number: int = 1) -> tuple[int, str]:
    """The id and text of a subdivision's value in the demo period."""
    row = conn.execute(
        'SELECT v.id, v.raw_text FROM value v JOIN "return" r ON r.id = v.return_id '
        "JOIN subdivision s ON s.id = r.subdivision_id JOIN action a ON a.id = r.action_id "
        "JOIN indicator i ON i.id = v.indicator_id WHERE s.code = %s AND a.code = %s AND i.number = %s",
        (code, action, number),
    ).fetchone()
    assert row is not None, (code, action, number)
    return int(row[0]), str(row[1])


def test_a_clerk_writes_its_own_return_and_the_server_refuses_anothers(server: Any) -> None:
    with connect(server, "ana_ds") as ana, connect(server, "balti") as admin:
        own_id, _ = value_of(ana, "DS")
        ana.execute("UPDATE value SET raw_text = '9 acte' WHERE id = %s", (own_id,))
        assert value_of(admin, "DS")[1] == "9 acte"
        ana.execute(
            "UPDATE \"return\" SET description = 'scris de DS' WHERE id = "
            "(SELECT return_id FROM value WHERE id = %s)",
            (own_id,),
        )

        other_id, other_text = value_of(ana, "DRU", "1.1")
        with pytest.raises(errors.InsufficientPrivilege):  # row-level security: an error, not 0 rows
            ana.execute("UPDATE value SET raw_text = '99' WHERE id = %s", (other_id,))
        with pytest.raises(errors.InsufficientPrivilege):
            ana.execute("DELETE FROM value WHERE id = %s", (other_id,))
        with pytest.raises(errors.InsufficientPrivilege):
            ana.execute(
                "UPDATE \"return\" SET description = 'x' WHERE subdivision_id = "
                "(SELECT id FROM subdivision WHERE code = 'DRU')"
            )
        with pytest.raises(errors.InsufficientPrivilege):  # a return cannot be moved to another subdivision
            ana.execute(
                "UPDATE \"return\" SET subdivision_id = (SELECT id FROM subdivision WHERE code = 'DS') "
                "WHERE subdivision_id = (SELECT id FROM subdivision WHERE code = 'DRU')"
            )
        with pytest.raises(errors.InsufficientPrivilege):  # nor a value be put into another's return
            ana.execute(
                "INSERT INTO value (return_id, indicator_id, raw_text, state, approximate) "
                "SELECT v.return_id, v.indicator_id + 1000000, 'x', 'missing', false FROM value v WHERE v.id = %s",
                (other_id,),
            )
        with pytest.raises(errors.InsufficientPrivilege):  # nor a return written in another's name
            ana.execute(
                'INSERT INTO "return" (action_id, subdivision_id, period_id, description, review_status, status, '
                "updated_at) SELECT a.id, s.id, p.id, 'x', 'received', '', now() FROM action a, subdivision s, "
                "period p WHERE a.code = '2.2' AND s.code = 'DRU' LIMIT 1"
            )
        assert value_of(admin, "DRU", "1.1")[1] == other_text
        with pytest.raises(errors.InsufficientPrivilege):  # accepting a return is the specialist's judgement
            ana.execute(
                "UPDATE \"return\" SET review_status = 'accepted' WHERE id = "
                "(SELECT return_id FROM value WHERE id = %s)",
                (own_id,),
            )
        # The clerk's own write is in the change log, under the context it set; it cannot write the log itself.
        assert one(admin, "SELECT count(*) FROM change_log WHERE new_text = '9 acte'") == 1
        with pytest.raises(errors.InsufficientPrivilege):
            ana.execute(
                "INSERT INTO change_log (at, who, source, kind, period, action, subdivision, field, old_text, "
                "new_text, note) VALUES (0, 'x', 'x', 'value', '', '', '', '', '', '', '')"
            )


def test_a_clerk_cannot_write_a_signed_period_even_its_own_return(server: Any) -> None:
    with connect(server, "balti") as admin:
        admin.execute(
            "INSERT INTO period_signature (period_id, sha256, signed_by, signed_at, file_name) "
            "SELECT id, 'abc', 'sef', '2024-01-01', 'r.docx' FROM period"
        )
    with connect(server, "ana_ds") as ana, connect(server, "balti") as admin:
        own_id, text = value_of(ana, "DS")
        with pytest.raises((errors.InsufficientPrivilege, errors.RaiseException)):
            ana.execute("UPDATE value SET raw_text = '1 act' WHERE id = %s", (own_id,))
        with pytest.raises((errors.InsufficientPrivilege, errors.RaiseException)):
            ana.execute("DELETE FROM value WHERE id = %s", (own_id,))
        # ... nor switch the lock off through the audit context
        with pytest.raises(errors.InsufficientPrivilege):
            ana.execute(
                "INSERT INTO audit_context (id, source, who, mode) VALUES (1, '', '', 1) "
                "ON CONFLICT (id) DO UPDATE SET mode = 1"
            )
        assert value_of(admin, "DS")[1] == text


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE action SET title = 'x'",
        "UPDATE indicator SET text = 'x'",
        "INSERT INTO period (plan_id, year, semester) SELECT id, 2030, 1 FROM plan",
        "DELETE FROM responsibility",
        "UPDATE period_responsibility SET indicators = '[]'",
        "UPDATE subdivision SET name = 'x'",
        "UPDATE plan SET title = 'x'",
        "INSERT INTO total_override (action_id, period_id, raw_text, reason, author, created_at) "
        "SELECT a.id, p.id, '1', 'x', '', now() FROM action a, period p LIMIT 1",
        "UPDATE narrative SET executive_summary = 'x'",
        "DELETE FROM period_signature",
    ],
)
def test_the_plan_and_the_report_stay_the_specialists(server: Any, sql: str) -> None:
    with connect(server, "ion_dru") as ion, pytest.raises(errors.InsufficientPrivilege):
        ion.execute(sql)
    with connect(server, "sef") as sef, sef.transaction(force_rollback=True):  # the specialist may
        sef.execute(sql)


def test_a_viewer_reads_everything_and_writes_nothing(server: Any) -> None:
    with connect(server, "vera") as vera:
        tables = [
            str(r[0])
            for r in vera.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            ).fetchall()
        ]
        assert {"value", "return", "plan", "change_log", "audit_context"} <= set(tables)
        for table in tables:
            vera.execute(f'SELECT count(*) FROM "{table}"')
            with pytest.raises(errors.InsufficientPrivilege):
                vera.execute(f'DELETE FROM "{table}"')
            with pytest.raises(errors.InsufficientPrivilege):
                vera.execute(f'UPDATE "{table}" SET id = id')
        own = one(vera, "SELECT count(*) FROM value")
        assert own and own > 10  # reads every subdivision's rows


def test_a_specialist_writes_every_subdivisions_row(server: Any) -> None:
    with connect(server, "sef") as sef:
        other_id, _ = value_of(sef, "DRU", "1.1")
        sef.execute("UPDATE value SET raw_text = '5 funcționari' WHERE id = %s", (other_id,))
        assert value_of(sef, "DRU", "1.1")[1] == "5 funcționari"


def test_the_specialist_backs_up_and_restores_the_server_from_the_command_line(
    server: Any, tmp_path: Path
) -> None:
    """``backup`` and ``restore`` as the specialist (not the tables' owner: no ``setval``, no switching
    triggers off); the restored server goes on taking new rows. A viewer's restore is refused by the
    server and changes nothing."""
    sef = server.url_of("sef")
    assert main(["--db", sef, "backup", "--out", str(tmp_path)]) == 0
    (copy,) = tmp_path.glob("balti-monitor-*.sqlite")
    with connect(server, "sef") as conn:
        value_id, before = value_of(conn, "DRU", "1.1")
        conn.execute("UPDATE value SET raw_text = 'schimbat după copie' WHERE id = %s", (value_id,))
    assert main(["--db", server.url_of("vera"), "restore", str(copy), "--yes"]) != 0
    with connect(server, "sef") as conn:
        assert value_of(conn, "DRU", "1.1")[1] == "schimbat după copie"
    assert main(["--db", sef, "restore", str(copy), "--yes"]) == 0
    with connect(server, "sef") as conn:
        assert value_of(conn, "DRU", "1.1")[1] == before
        top = one(conn, "SELECT max(id) FROM subdivision")
        new = one(
            conn,
            "INSERT INTO subdivision (code, name, position, active) VALUES ('NOU', 'Serviciu nou', 99, true) "
            "RETURNING id",
        )
        assert new > top  # the key sequence was moved past the restored ids


def _catalog(conn: Any) -> list[Any]:
    """Everything server-setup decides: roles, policies, privileges, triggers, functions."""
    queries = [
        "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN ('specialist', 'subdivision', 'viewer') "
        "ORDER BY 1",
        "SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies ORDER BY 1, 2",
        "SELECT table_name, grantee, privilege_type FROM information_schema.role_table_grants "
        "WHERE table_schema IN ('public', 'balti_server') ORDER BY 1, 2, 3",
        "SELECT table_name, column_name, grantee, privilege_type FROM information_schema.column_privileges "
        "WHERE table_schema = 'public' AND grantee IN ('subdivision', 'viewer', 'specialist') ORDER BY 1, 2, 3, 4",
        "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal ORDER BY 1, 2",
        "SELECT p.proname, p.prosecdef, p.proconfig::text, md5(p.prosrc) FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 'balti_server') ORDER BY 1",
        "SELECT relname, relrowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace "
        "AND relkind = 'r' ORDER BY 1",
        "SELECT role_name, subdivision_id FROM balti_server.member ORDER BY 1",
    ]
    return [conn.execute(q).fetchall() for q in queries]


def test_server_setup_twice_changes_nothing(server: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with connect(server, "balti") as admin:
        before = _catalog(admin)
        data = one(admin, "SELECT md5(string_agg(raw_text, '|' ORDER BY id)) FROM value")
    assert main(["--db", server.url(server.dbname), "server-setup"]) == 0
    assert "niciunul nou" in capsys.readouterr().out
    with connect(server, "balti") as admin:
        assert _catalog(admin) == before
        assert one(admin, "SELECT md5(string_agg(raw_text, '|' ORDER BY id)) FROM value") == data


def test_server_setup_dry_run_prints_the_sql_and_runs_nothing(
    pg_templates: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import _server

    cluster: Any = _server()
    name = cluster.new_database()
    try:
        assert main(["--db", cluster.url(name), "server-setup", "--dry-run"]) == 0
        out = capsys.readouterr().out
        assert "CREATE POLICY bm_clerk_update_value" in out
        assert "ENABLE ROW LEVEL SECURITY" in out
        with psycopg.connect(cluster.conninfo(name), autocommit=True) as conn:
            assert one(conn, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
            assert one(conn, "SELECT count(*) FROM pg_namespace WHERE nspname = 'balti_server'") == 0
    finally:
        cluster.drop_database(name)


def test_a_password_reaches_the_server_only_as_a_scram_hash(
    server: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("parola-lunga-7\n"))
    url = server.url(server.dbname)
    assert main(["--db", url, "server-user", "add", "maria", "--role", "viewer"]) == 0
    with connect(server, "balti") as admin:
        stored = one(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = 'maria'")
    assert stored.startswith("SCRAM-SHA-256$")
    assert "parola-lunga-7" not in stored
    capsys.readouterr()
    assert main(["--db", url, "server-user", "list"]) == 0
    listing = capsys.readouterr().out
    assert "maria: cititor" in listing
    assert "ana_ds: subdiviziune" in listing and "— DS" in listing
    assert main(["--db", url, "server-user", "add", "maria", "--role", "viewer", "--no-password"]) == 2
    assert "există deja" in capsys.readouterr().err
    assert (
        main(["--db", url, "server-user", "add", "x1", "--role", "subdivision", "--subdivision", "NU"]) == 2
    )
    assert "nu există" in capsys.readouterr().err
    assert main(["--db", url, "server-user", "remove", "maria"]) == 0
    with connect(server, "balti") as admin:
        assert one(admin, "SELECT count(*) FROM pg_roles WHERE rolname = 'maria'") == 0


def test_who_is_connected_decides_what_the_application_offers(server: Any) -> None:
    from balti_monitor.db.models import Subdivision
    from balti_monitor.services.server_setup import current_access

    url = server.url(server.dbname)
    open_database(url.replace("balti@", "ana_ds@"))
    access = current_access()
    ds = int(Subdivision.get(Subdivision.code == "DS").id)
    dru = int(Subdivision.get(Subdivision.code == "DRU").id)
    close_database()
    assert (access.role, access.subdivision_id) == ("subdivision", ds)
    assert access.may_edit_row(ds) and not access.may_edit_row(dru) and not access.everything
    open_database(url.replace("balti@", "vera@"))
    viewer = current_access()
    close_database()
    assert viewer.read_only and not viewer.may_edit_row(ds)
    open_database(url.replace("balti@", "sef@"))
    assert current_access().everything
    close_database()


def test_a_refusal_of_the_server_reaches_the_clerk_in_romanian(server: Any) -> None:
    from balti_monitor.db.models import Period, Plan
    from balti_monitor.services.editing import CellEdit, SetCells, action_by_code
    from balti_monitor.services.errors import ServiceError
    from balti_monitor.services.storage_errors import guard_write

    open_database(server.url_of("ana_ds"))
    try:
        period, action = int(Period.get().id), int(action_by_code(Plan.get().id, "1.1").id)
        dru = int(Subdivision.get(Subdivision.code == "DRU").id)
        with pytest.raises(ServiceError, match="nu are dreptul"), guard_write("Salvarea celulei"):
            SetCells(period, action, (CellEdit(dru, 1, "3 funcționari"),)).apply()
    finally:
        close_database()


def test_a_change_feed_reports_the_others_changes_not_its_own(server: Any) -> None:
    from balti_monitor.db.models import Period, Plan
    from balti_monitor.services.editing import CellEdit, SetCells, action_by_code
    from balti_monitor.services.server_session import ChangeFeed

    url = server.url_of("sef")
    open_database(url)
    try:
        feed = ChangeFeed(url)
        period, action = int(Period.get().id), int(action_by_code(Plan.get().id, "1.13").id)
        ds = int(Subdivision.get(Subdivision.code == "DS").id)
        own_action = int(action_by_code(Plan.get().id, "1.1").id)
        SetCells(period, own_action, (CellEdit(ds, 1, "2 funcționari"),)).apply()  # this program's own save
        with connect(server, "ana_ds") as ana:  # another person's
            ana.execute(
                "UPDATE value SET raw_text = '3 acte' WHERE return_id = (SELECT id FROM \"return\" "
                "WHERE period_id = %s AND action_id = %s AND subdivision_id = %s)",
                (period, action, ds),
            )
        import time

        deadline = time.monotonic() + 10
        found: dict[int, frozenset[int]] = {}
        while not found and time.monotonic() < deadline:
            found = feed.take()
            time.sleep(0.05)
        assert found == {period: frozenset({action})}
        assert feed.take() == {}  # each notification once; the own save was never reported
        feed.close()
    finally:
        close_database()


def test_the_change_log_names_the_login_that_wrote(server: Any) -> None:
    from balti_monitor.db.models import Period, Plan
    from balti_monitor.services.audit import apply_recorded, set_user_name
    from balti_monitor.services.editing import CellEdit, SetCells, action_by_code

    open_database(server.url_of("ana_ds"))
    try:
        set_user_name("Directorul")  # a name typed in the settings: kept, but beside the login
        period, action = int(Period.get().id), int(action_by_code(Plan.get().id, "1.13").id)
        ds = int(Subdivision.get(Subdivision.code == "DS").id)
        apply_recorded(SetCells(period, action, (CellEdit(ds, 1, "6 acte"),)), "typed")
    finally:
        set_user_name("")
        close_database()
    with connect(server, "balti") as admin:
        assert one(admin, "SELECT who FROM change_log WHERE new_text = '6 acte'") == "ana_ds (Directorul)"

"""The schema of plan kinds (version 9 and later) on a PostgreSQL server: a new server has the tables, columns,
indexes and foreign keys of a new file; a server of the version before is migrated keeping every row and ends
exactly as the same file migrated by SQLite; the triggers of the new version record and lock the same things
on both engines; a copy file → server → file keeps the new data exactly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import peewee as pw
import pytest
from downgrade import downgrade
from kind_plans import open_government_plan, programme_report

from balti_monitor.db.audit import SIGNED_MARK
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.migrations import SCHEMA_VERSION
from balti_monitor.db.models import ALL_MODELS, GroupColumn, PlanColumn, Priority, database
from balti_monitor.db.search_index import TABLE as SEARCH_TABLE

Columns = dict[str, set[tuple[str, bool, bool]]]
Indexes = set[tuple[str, str, bool, bool, tuple[str, ...]]]
ForeignKeys = set[tuple[str, str, str, str]]


@pytest.fixture
def server(pg_server: Any) -> Any:
    """The test cluster: these tests are about the server alone and run once (no SQLite twin)."""
    return pg_server


# -- the schema of a file and of a server, read from each engine's own catalogue ------------------------------


def _file_schema(path: Path) -> tuple[Columns, Indexes, ForeignKeys]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE ?",
                (f"{SEARCH_TABLE}%",),
            )
        ]
        columns: Columns = {
            t: {(str(r[1]), not r[3], r[4] is not None) for r in conn.execute(f'PRAGMA table_info("{t}")')}
            for t in tables
        }
        indexes: Indexes = set()
        keys: ForeignKeys = set()
        for table in tables:
            for _seq, name, unique, origin, partial in conn.execute(f'PRAGMA index_list("{table}")'):
                if origin == "pk":
                    continue
                names = tuple(str(r[2]) for r in conn.execute(f'PRAGMA index_info("{name}")'))
                indexes.add((table, str(name), bool(unique), bool(partial), names))
            for row in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
                keys.add((table, str(row[3]), str(row[2]), str(row[6])))
    finally:
        conn.close()
    return columns, indexes, keys


def _server_schema(conninfo: str) -> tuple[Columns, Indexes, ForeignKeys]:
    import psycopg

    with psycopg.connect(conninfo) as conn:
        columns: Columns = {}
        for table, column, nullable, default in conn.execute(
            "SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name NOT IN ('schema_version', %s)",
            (SEARCH_TABLE,),
        ):
            serial = str(default).startswith("nextval(")  # the key's sequence: SQLite's rowid
            columns.setdefault(table, set()).add(
                (column, nullable == "YES", default is not None and not serial)
            )
        indexes: Indexes = {
            (str(t), str(i), bool(u), bool(p), tuple(c))
            for t, i, u, p, c in conn.execute(
                "SELECT t.relname, i.relname, x.indisunique, x.indpred IS NOT NULL, "
                "array_agg(a.attname::text ORDER BY k.n) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                "JOIN pg_namespace s ON s.oid = t.relnamespace "
                "CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) "
                "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
                "WHERE s.nspname = current_schema() AND NOT x.indisprimary "
                "AND t.relname NOT IN ('schema_version', %s) GROUP BY 1, 2, 3, 4",
                (SEARCH_TABLE,),
            )
        }
        keys: ForeignKeys = {
            (str(t), str(c), str(r), str(d))
            for t, c, r, d in conn.execute(
                "SELECT k.table_name, k.column_name, u.table_name, c.delete_rule "
                "FROM information_schema.referential_constraints c "
                "JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name "
                "AND k.constraint_schema = c.constraint_schema "
                "JOIN information_schema.constraint_column_usage u ON u.constraint_name = c.constraint_name "
                "AND u.constraint_schema = c.constraint_schema WHERE c.constraint_schema = current_schema()"
            )
        }
    return columns, indexes, keys


def test_a_new_server_has_the_tables_columns_indexes_and_keys_of_a_new_file(
    server: Any, tmp_path: Path
) -> None:
    """Names, nullability and whether a default exists of every column, every index (unique, partial, its columns) and every foreign
    key (its table and ON DELETE), read from SQLite's PRAGMAs and PostgreSQL's catalogue."""
    from balti_monitor.db.postgres import server_version

    path = tmp_path / "nou.sqlite"
    open_database(path)
    close_database()
    name = server.new_database()
    open_database(server.url(name))
    assert server_version(database) == SCHEMA_VERSION
    close_database()
    file_columns, file_indexes, file_keys = _file_schema(path)
    server_columns, server_indexes, server_keys = _server_schema(server.conninfo(name))
    assert server_columns == file_columns
    assert server_indexes == file_indexes
    assert server_keys == file_keys
    # what version 9 brought, named so a mistake in both engines alike still fails here
    assert ("subdivision_id", True, False) in server_columns["return"]
    assert ("status_meaning", False, True) in server_columns["return"]
    assert ("span_end", False, True) in server_columns["period"]
    assert {"plan_column", "group_column", "action_column_value", "return_link"} <= set(server_columns)
    assert ("return", "return_action_id_period_id_whole", True, True, ("action_id", "period_id")) in (
        server_indexes
    )


# -- a server of the version before, migrated ----------------------------------------------------------------


@pytest.fixture
def previous_file(demo_file: Path, tmp_path: Path) -> Path:
    """The demo file as the version before the current one left it, with what version 8 could hold of the
    plans of other kinds (extra texts of an action, a status word) and its period signed."""
    old = tmp_path / "old.sqlite"
    old.write_bytes(demo_file.read_bytes())
    downgrade(old, SCHEMA_VERSION - 1)
    conn = sqlite3.connect(old)
    first, second = (r[0] for r in conn.execute("SELECT id FROM action ORDER BY id LIMIT 2"))
    conn.execute(
        "UPDATE action SET extra = ? WHERE id = ?",
        (json.dumps({"partners": "Societatea civilă", "budget": "Nu este cazul.", "note": [1]}), first),
    )
    conn.execute("UPDATE action SET extra = ? WHERE id = ?", (json.dumps({"partners": ""}), second))
    conn.execute('UPDATE "return" SET status = ? WHERE id = (SELECT min(id) FROM "return")', ("Realizată ",))
    conn.execute(
        "INSERT INTO period_signature (period_id, sha256, signed_by, signed_at, file_name) "
        "SELECT id, 'abc', 'Ion Popescu', '2024-01-10T10:00:00', 'raport.docx' FROM period"
    )
    conn.commit()
    conn.close()
    return old


def _older_server(server: Any, source: Path, version: int) -> str:
    """A server database of schema ``version`` holding every row of the file ``source`` (of that version),
    written with the triggers of the copy mode (lock and audit aside; the search index filled); its name."""
    import psycopg

    from balti_monitor.db.pg_driver import ServerDatabase
    from balti_monitor.db.pg_migrations import create_server_schema

    name = server.new_database()
    db = ServerDatabase(server.url(name))
    db.connect()
    with db.atomic():
        create_server_schema(db, version)
    db.close()
    file = sqlite3.connect(source)
    order = [m._meta.table_name for m in ALL_MODELS]
    with psycopg.connect(server.conninfo(name)) as conn:
        types: dict[str, dict[str, str]] = {}
        for table, column, kind in conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name NOT IN ('schema_version', %s) "
            "ORDER BY ordinal_position",
            (SEARCH_TABLE,),
        ):
            types.setdefault(table, {})[column] = kind
        conn.execute("INSERT INTO audit_context (id, source, who, mode) VALUES (1, '', '', 1)")
        for table in sorted(types, key=lambda t: order.index(t) if t in order else len(order)):
            columns = list(types[table])
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = file.execute(f'SELECT {quoted} FROM "{table}" ORDER BY id').fetchall()
            if table == "audit_context":
                conn.execute("DELETE FROM audit_context")
            if table == "action":  # a sub-action after its parent
                depth = {r[0]: r[columns.index("parent_id")] for r in rows}
                rows.sort(key=lambda r: (_depth(r[0], depth), r[0]))
            booleans = [i for i, c in enumerate(columns) if types[table][c] == "boolean"]
            fixed = [
                tuple(bool(v) if i in booleans and v is not None else v for i, v in enumerate(r))
                for r in rows
            ]
            placeholders = ", ".join(["%s"] * len(columns))
            with conn.cursor() as cursor:
                cursor.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({placeholders})', fixed)
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
            )
    file.close()
    return str(name)


def _depth(action_id: int, parents: dict[int, int | None]) -> int:
    depth, current = 0, parents.get(action_id)
    while current is not None and depth < 50:
        depth, current = depth + 1, parents.get(current)
    return depth


def _every_row() -> dict[str, list[tuple[Any, ...]]]:
    from balti_monitor.services.engine_copy import read_rows

    return read_rows()


def test_a_server_of_the_version_before_is_migrated_keeping_every_row_as_the_file_is(
    server: Any, previous_file: Path, tmp_path: Path
) -> None:
    """The same data, once in a file and once on a server of the previous version: both opened by this
    version, every row of every table is the same (the data step included: the extra texts become declared
    columns, the status gets its meaning, in the signed period too), the search index holds the same texts
    (the moved ones included), and the version is recorded on the server in the same transaction."""
    import psycopg

    from balti_monitor.db.postgres import model_problems, server_version

    name = _older_server(server, previous_file, SCHEMA_VERSION - 1)
    with psycopg.connect(server.conninfo(name)) as conn:
        old_counts = {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # type: ignore[index]
            for t in ("value", "return", "change_log", "period_signature")
        }
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION - 1,)
    assert old_counts["value"] > 100 and old_counts["period_signature"] == 1
    with psycopg.connect(server.conninfo(name)) as conn:  # as server-setup leaves the audit functions
        conn.execute("ALTER FUNCTION bm_log_return() SECURITY DEFINER SET search_path = public, pg_temp")
    open_database(previous_file, backup_dir=tmp_path)
    expected = _every_row()
    close_database()
    file = sqlite3.connect(previous_file)
    index = sorted(
        file.execute(
            f"SELECT rowid, kind, period_id, action_id, subdivision_id, column_no, body FROM {SEARCH_TABLE}"
        )
    )
    file.close()
    open_database(server.url(name))
    assert server_version(database) == SCHEMA_VERSION
    assert model_problems(database) == []
    assert _every_row() == expected  # the data step included (its effect on a file: test_kinds_migration.py)
    close_database()
    with psycopg.connect(server.conninfo(name)) as conn:
        for table, count in old_counts.items():
            assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone() == (count,), table
        on_server = conn.execute(
            f"SELECT id, kind, period_id, action_id, subdivision_id, column_no, body FROM {SEARCH_TABLE} ORDER BY id"
        ).fetchall()
        assert on_server == index
        definer = conn.execute(
            "SELECT prosecdef, proconfig FROM pg_proc WHERE proname = 'bm_log_return'"
        ).fetchone()
        assert definer == (True, ["search_path=public, pg_temp"])  # replaced, its security kept
        # the signed period is still locked, by the functions of the new version
        with pytest.raises(psycopg.errors.RaiseException, match=SIGNED_MARK):
            conn.execute("UPDATE value SET raw_text = 'x' WHERE id = (SELECT min(id) FROM value)")


def test_the_rights_of_a_servers_roles_reach_what_the_migration_adds(
    server: Any, previous_file: Path
) -> None:
    """A role that reads the plan (as ``server-setup`` grants it) reads the new plan tables and a return's links
    after the migration, and writes none of them; one that may update a return's status may update its
    meaning too, and nothing more."""
    import psycopg

    name = _older_server(server, previous_file, SCHEMA_VERSION - 1)
    role = f"cititor_{name}"
    server.execute(
        f"CREATE ROLE {role} NOLOGIN",
        f"GRANT SELECT ON action TO {role}",
        f"GRANT USAGE, SELECT ON SEQUENCE action_id_seq TO {role}",
        f'GRANT UPDATE (status) ON "return" TO {role}',
        dbname=name,
    )
    open_database(server.url(name))
    close_database()
    with psycopg.connect(server.conninfo(name)) as conn:

        def has(check: str, *args: str) -> bool:
            row = conn.execute(
                f"SELECT {check}({', '.join(['%s'] * (len(args) + 1))})", (role, *args)
            ).fetchone()
            return bool(row and row[0])

        for table in ("plan_column", "group_column", "action_column_value", "return_link"):
            assert has("has_table_privilege", table, "SELECT"), table
            assert not has("has_table_privilege", table, "INSERT"), table
            assert has("has_sequence_privilege", f"{table}_id_seq", "USAGE"), table
        assert has("has_column_privilege", "return", "status_meaning", "UPDATE")
        assert not has("has_column_privilege", "return", "description", "UPDATE")


def test_only_the_owner_of_the_tables_migrates_a_server_and_anyone_else_is_told_who(
    server: Any, previous_file: Path
) -> None:
    import psycopg

    from balti_monitor.db.pg_driver import ServerError

    name = _older_server(server, previous_file, SCHEMA_VERSION - 1)
    person = f"coleg_{name}"
    server.execute(
        f"CREATE ROLE {person} LOGIN",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {person}",
        dbname=name,
    )
    with pytest.raises(ServerError, match=r"doar proprietarul tabelelor \(„balti”\)") as caught:
        open_database(server.url(name, user=person))
    assert caught.value.kind == "needs_upgrade"
    with psycopg.connect(server.conninfo(name)) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION - 1,)
    open_database(server.url(name))  # the owner
    close_database()
    open_database(server.url(name, user=person))  # then the colleague works on it
    close_database()


def test_a_failed_migration_leaves_the_server_at_its_version(
    server: Any, previous_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The steps and the version bump are one transaction: a step that fails leaves nothing of it."""
    import psycopg

    from balti_monitor.db.pg_driver import ServerError
    from balti_monitor.db.pg_migrations import PG_MIGRATIONS

    name = _older_server(server, previous_file, SCHEMA_VERSION - 1)
    original = PG_MIGRATIONS[SCHEMA_VERSION]

    def failing(db: pw.Database) -> None:
        original(db)
        raise pw.DatabaseError("întrerupt")

    def shape() -> tuple[Any, ...]:
        with psycopg.connect(server.conninfo(name)) as conn:
            return (
                conn.execute("SELECT version FROM schema_version").fetchone(),
                conn.execute(
                    "SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns "
                    "WHERE table_schema = current_schema() ORDER BY 1, 2"
                ).fetchall(),
                conn.execute("SELECT indexname FROM pg_indexes ORDER BY 1").fetchall(),
                conn.execute("SELECT oid::regprocedure::text, prosrc FROM pg_proc ORDER BY 1").fetchall(),
                conn.execute('SELECT * FROM "return" ORDER BY id').fetchall(),
                conn.execute("SELECT * FROM action ORDER BY id").fetchall(),
            )

    before = shape()
    assert before[0] == (SCHEMA_VERSION - 1,)
    monkeypatch.setitem(PG_MIGRATIONS, SCHEMA_VERSION, failing)
    with pytest.raises(ServerError, match="întrerupt"):
        open_database(server.url(name))
    assert shape() == before


# -- the triggers of the new version, the same on both engines ------------------------------------------------


def _sql(sql: str, params: tuple[Any, ...] = ()) -> Any:
    return database.execute_sql(sql, params)  # type: ignore[no-untyped-call]


def test_returns_of_the_action_as_a_whole_are_unique_audited_and_locked_on_both_engines(
    engine_demo_db: str,
) -> None:
    """Raw SQL, as another program would write: one return of the action as a whole per action and period,
    recorded with an empty subdivision and the span's code, its status recorded (with the review status and
    the description in the same order on both engines), its links deleted with it, and a link of a signed
    period refused."""
    action, code, period, plan = _sql(
        "SELECT a.id, a.code, p.id, p.plan_id FROM action a, period p ORDER BY a.id, p.id LIMIT 1"
    ).fetchone()
    start = _sql("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
    insert = (
        'INSERT INTO "return" (action_id, subdivision_id, period_id, description, review_status, status, '
        "updated_at) VALUES (?, NULL, ?, ?, 'received', ?, '2026-01-01 10:00:00')"  # status_meaning: default
    )
    _sql(insert, (action, period, "Acțiunea a fost inițiată.", "Inițiată"))
    with pytest.raises(pw.IntegrityError), database.atomic():
        _sql(insert, (action, period, "a doua", ""))
    _sql('UPDATE "return" SET status = ? WHERE subdivision_id IS NULL', ("Realizată",))
    _sql(  # one statement, three changes: recorded in the order of SQLite's triggers
        'UPDATE "return" SET description = ?, review_status = ?, status = ? WHERE subdivision_id IS NULL',
        ("Acțiunea a fost realizată.", "accepted", "Realizată integral"),
    )
    _sql("INSERT INTO period (plan_id, year, semester, span_end) VALUES (?, 2017, 0, 2019)", (plan,))
    span = _sql("SELECT id FROM period WHERE span_end = 2019").fetchone()[0]
    _sql(insert, (action, span, "Rezultatele 2017-2019", ""))
    whole = _sql('SELECT id FROM "return" WHERE period_id = ?', (span,)).fetchone()[0]
    _sql("INSERT INTO return_link (return_id, position, text, url) VALUES (?, 1, 'a', 'https://a')", (whole,))
    _sql('DELETE FROM "return" WHERE id = ?', (whole,))
    assert _sql("SELECT count(*) FROM return_link").fetchone()[0] == 0  # the links went with their return
    logged = _sql(
        "SELECT kind, period, action, subdivision, column_no, old_text, new_text FROM change_log "
        "WHERE id > ? ORDER BY id",
        (start,),
    ).fetchall()
    assert [tuple(r) for r in logged] == [
        ("description", "2023-S1", code, "", 0, "", "Acțiunea a fost inițiată."),
        ("status", "2023-S1", code, "", 0, "Inițiată", "Realizată"),
        ("status", "2023-S1", code, "", 0, "Realizată", "Realizată integral"),
        ("review", "2023-S1", code, "", 0, "received", "accepted"),
        ("description", "2023-S1", code, "", 0, "Acțiunea a fost inițiată.", "Acțiunea a fost realizată."),
        ("description", "2017-2019", code, "", 0, "", "Rezultatele 2017-2019"),
        ("description", "2017-2019", code, "", 0, "Rezultatele 2017-2019", ""),
    ]
    first = _sql('SELECT id FROM "return" WHERE subdivision_id IS NULL').fetchone()[0]
    _sql(
        "INSERT INTO period_signature (period_id, sha256, signed_by, signed_at, file_name) "
        "VALUES (?, 'abc', 'Ion', '2024-01-10T10:00:00', 'r.docx')",
        (period,),
    )
    with pytest.raises(pw.DatabaseError, match=SIGNED_MARK), database.atomic():
        _sql(
            "INSERT INTO return_link (return_id, position, text, url) VALUES (?, 1, 'b', 'https://b')",
            (first,),
        )
    assert _sql("SELECT count(*) FROM return_link").fetchone()[0] == 0


# -- moving the new data between the engines ------------------------------------------------------------------


def _hits(words: str) -> list[tuple[str, str, str]]:
    from balti_monitor.services.search import search

    return [(h.kind, h.action_code, h.where) for h in search(words)]


def test_plans_of_other_kinds_go_file_to_server_and_back_exactly(
    server: Any, plan_db: Path, tmp_path: Path
) -> None:
    """Declared columns, a group's own columns, items' values, progress of actions as a whole with raw
    status, meaning and links, a period spanning years: every row of every table the same in the file, on
    the server it was copied to and in the file copied back."""
    from balti_monitor.cli import main
    from balti_monitor.services.plans import SetColumnValue
    from balti_monitor.services.progress import Link, SaveProgress

    ogp = open_government_plan()
    programme = programme_report()
    SetColumnValue(ogp["1.2"], "partners", "Asociația Presei Independente\nși alții").apply()
    column = PlanColumn.get((PlanColumn.plan == ogp["plan"]) & (PlanColumn.key == "partners"))
    GroupColumn.create(
        priority=Priority.get(Priority.plan == ogp["plan"]), column=column, position=1, label="P."
    )
    links = (
        Link("www.date.gov.md", "http://www.date.gov.md/"),
        Link("formular", "https://docs.google.com/x"),
    )
    SaveProgress(ogp["1.2"], ogp["period"], "Portalul a fost extins.", "Realizată ", links).apply()
    SaveProgress(ogp["1.1"], ogp["period"], "", "Amânată", ()).apply()
    SaveProgress(programme["1.1"], programme["period"], "Au fost aprobate  Regulamentele.", "", ()).apply()
    expected = _every_row()
    assert len(expected["return_link"]) == 2 and len(expected["group_column"]) == 1
    hits = _hits("presei")
    assert hits == [("plan", "1.2.", "planul: Parteneri")]
    close_database()
    url = server.url(server.new_database())
    assert main(["copy", "--from", str(plan_db), "--to", url]) == 0
    open_database(url, read_only=True)
    assert _every_row() == expected
    assert _hits("presei") == hits  # the server's index has the column texts the copy wrote
    close_database()
    back = tmp_path / "inapoi.sqlite"
    assert main(["copy", "--from", url, "--to", str(back)]) == 0
    open_database(back, read_only=True)
    assert _every_row() == expected
    close_database()
    open_database(plan_db)  # the fixture closes it


def test_plan_chooses_the_plan_on_a_server_as_in_a_file(
    server: Any, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--plan CODE`` with ``--db postgresql://…``: several plans need a code, the chosen one is checked."""
    import shutil

    from balti_monitor.cli import main
    from balti_monitor.services.progress import SaveProgress

    path = tmp_path / "doua.sqlite"
    shutil.copyfile(demo_file, path)
    open_database(path)
    ids = open_government_plan()
    for key in ("1.1", "1.2"):
        SaveProgress(ids[key], ids["period"], "Text", "Realizată", ()).apply()
    close_database()
    url = server.url(server.new_database())
    assert main(["copy", "--from", str(path), "--to", url]) == 0
    capsys.readouterr()
    assert main(["check", "--db", url, "--period", "2023-S1"]) == 2
    err = capsys.readouterr().err
    assert "--plan" in err and "PLA-BALTI-2023-2027" in err and "OGP-2019-2020" in err
    assert main(["check", "--db", url, "--plan", "OGP-2019-2020", "--period", "2020-S1"]) == 0
    assert "Nicio constatare în perioada 2020-S1" in capsys.readouterr().out
    assert main(["totals", "--db", url, "--plan", "OGP-2019-2020", "--period", "2020-S1"]) == 0
    assert "nu are rândul „Total instituții responsabile”" in capsys.readouterr().out
    assert main(["check", "--db", url, "--plan", "PLA-BALTI-2023-2027", "--period", "2023-S1"]) == 1

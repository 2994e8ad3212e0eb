"""The PostgreSQL engine: schema and version on a server, moving data between a file and a server (all or
nothing, exact), a server's backup as a SQLite file, retried serialisation failures. Runs against the
session's throwaway cluster (tests/pg_cluster.py); skipped with the reason without one (failed in CI)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.migrations import MIGRATIONS, SCHEMA_VERSION
from balti_monitor.db.models import ALL_MODELS, Period, Plan, Subdivision, Value, database
from balti_monitor.db.pg_driver import ServerError
from balti_monitor.db.pg_migrations import PG_BASE_VERSION, PG_MIGRATIONS
from balti_monitor.db.postgres import model_problems, server_version
from balti_monitor.interchange.json_io import export_document
from balti_monitor.services.errors import ServiceError
from tests.test_file_integrity import _command_files_made as _command_files_made  # the fixtures
from tests.test_file_integrity import _commands
from tests.test_file_integrity import command_files as command_files
from tests.test_hostile import HOSTILE, _settings


@pytest.fixture
def server(pg_server: Any) -> Any:
    """The test cluster: these tests are about the server alone and run once (no SQLite twin)."""
    return pg_server


def _document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(export_document(), default=str))
    document.pop("exported_at", None)
    return document


def _counts() -> dict[str, int]:
    return {m._meta.table_name: m.select().count() for m in ALL_MODELS}


def test_every_schema_migration_has_its_server_step() -> None:
    """A schema change is one SQLite migration and one PostgreSQL step (db/pg_migrations.py PG_MIGRATIONS)."""
    assert len(MIGRATIONS) + 1 == SCHEMA_VERSION
    assert set(PG_MIGRATIONS) == set(range(PG_BASE_VERSION + 1, SCHEMA_VERSION + 1))


def test_a_new_server_database_gets_the_schema_of_the_models_and_the_version(server: Any) -> None:
    name = server.new_database()
    url = server.url(name)
    open_database(url)
    assert server_version(database) == SCHEMA_VERSION
    assert model_problems(database) == []
    close_database()
    open_database(url, read_only=True)  # opening again checks and changes nothing
    assert server_version(database) == SCHEMA_VERSION
    with pytest.raises(Exception, match="read-only"):
        Plan.create(code="x", title="x", first_year=2023, last_year=2027)
    close_database()


def test_a_foreign_or_newer_server_database_is_refused_and_left_alone(server: Any) -> None:
    foreign = server.new_database()
    server.execute("CREATE TABLE clients (id int)", dbname=foreign)
    with pytest.raises(ServerError, match="nu este o bază Bălți Monitor") as caught:
        open_database(server.url(foreign))
    assert caught.value.kind == "foreign"
    newer = server.new_database()
    open_database(server.url(newer))
    close_database()
    server.execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION + 1}", dbname=newer)
    with pytest.raises(ServerError, match="versiune mai nouă") as caught:
        open_database(server.url(newer))
    assert caught.value.kind == "newer"


def test_an_unreachable_server_gets_a_romanian_message(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match="nu poate fi contactat") as caught:
        open_database(f"postgresql://nimeni@/x?host={tmp_path}")
    assert caught.value.kind == "unreachable"


def test_file_to_server_and_back_is_exact(server: Any, demo_file: Path, tmp_path: Path) -> None:
    """Every row, every raw text: the JSON export and the row counts of the file, of the server it was copied
    to, and of the file copied back from the server are the same."""
    open_database(demo_file, read_only=True)
    from balti_monitor.services.search import search

    expected, counts, hits = _document(), _counts(), [h.snippet for h in search("sesizari")]
    close_database()
    url = server.url(server.new_database())
    assert main(["copy", "--from", str(demo_file), "--to", url]) == 0
    open_database(url, read_only=True)
    assert _document() == expected
    assert _counts() == counts
    assert len([h.snippet for h in search("sesizari")]) == len(hits)  # the index was built on the server
    raw = sorted(v.raw_text for v in Value.select())
    close_database()
    back = tmp_path / "inapoi.sqlite"
    assert main(["copy", "--from", url, "--to", str(back)]) == 0
    open_database(back, read_only=True)
    assert _document() == expected
    assert _counts() == counts
    assert sorted(v.raw_text for v in Value.select()) == raw
    close_database()


def test_a_copy_into_a_server_with_data_is_refused_and_a_failed_copy_leaves_the_target_as_it_was(
    server: Any, demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.services import engine_copy

    url = server.url(server.new_database())
    engine_copy.copy_database(demo_file, url)
    open_database(url)
    Subdivision.update(name="Numele de pe server").where(Subdivision.code == "DRU").execute()
    before = _document()
    close_database()
    with pytest.raises(ServiceError, match="conține deja date"):
        engine_copy.copy_database(demo_file, url)

    def broken(expected: dict[str, int], target: str) -> None:
        raise ServiceError("verificare eșuată")

    monkeypatch.setattr(engine_copy, "_check_counts", broken)
    with pytest.raises(ServiceError, match="verificare eșuată"):
        engine_copy.copy_database(
            demo_file, url, replace=True
        )  # everything deleted and rewritten … then refused
    open_database(url, read_only=True)
    assert _document() == before  # … all of it rolled back
    close_database()
    target = tmp_path / "nou.sqlite"
    with pytest.raises(ServiceError, match="verificare eșuată"):
        engine_copy.copy_database(url, target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no half file, no temporary file


def test_a_servers_backup_is_a_self_contained_sqlite_file(
    server: Any, demo_file: Path, tmp_path: Path
) -> None:
    url = server.url(server.new_database())
    assert main(["copy", "--from", str(demo_file), "--to", url]) == 0
    open_database(url, read_only=True)
    expected = _document()
    close_database()
    assert main(["--db", url, "backup", "--out", str(tmp_path)]) == 0
    (copy,) = tmp_path.glob("balti-monitor-2023-S1-*.sqlite")
    assert not list(tmp_path.glob("*-journal")) and not list(tmp_path.glob("*.part"))
    from balti_monitor.services.file_report import verify_file

    assert verify_file(copy).ok
    open_database(copy, read_only=True)
    assert _document() == expected
    close_database()
    # and restored into another server from that file: the same data; the log is the copy's, followed by
    # the restore's own records (what it put back)
    other = server.url(server.new_database())
    from balti_monitor.services.restore import preview_restore

    open_database(url)
    _report, comparison = preview_restore(copy)  # the server's side of the preview: its own contents
    assert comparison.lines() and "2023-S1" in "\n".join(comparison.lines())
    close_database()
    assert main(["--db", other, "restore", str(copy), "--yes"]) == 0
    open_database(other, read_only=True)
    restored = _document()
    close_database()
    log, restored_log = expected.pop("change_log"), restored.pop("change_log")
    assert restored == expected
    assert restored_log[: len(log)] == log
    assert {entry["source"] for entry in restored_log[len(log) :]} == {"restore"}


def test_a_servers_backup_reports_progress_and_a_cancelled_one_leaves_nothing(
    server: Any, demo_file: Path, tmp_path: Path
) -> None:
    """The two halves the application runs on two threads: the rows read on the connection's thread, the
    file written elsewhere with progress; a cancel between two tables leaves no file behind."""
    from balti_monitor.services.engine_copy import copy_database, prepare_server_backup
    from balti_monitor.services.file_report import verify_file

    url = server.url(server.new_database())
    copy_database(demo_file, url)
    open_database(url, read_only=True)
    try:
        values = Value.select().count()
        steps: list[tuple[int, int, str]] = []
        pending = prepare_server_backup(tmp_path)
        assert pending.write(lambda *step: steps.append(step), lambda: len(steps) >= 2) is None
        assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary copy
        steps.clear()
        written = prepare_server_backup(tmp_path).write(lambda *step: steps.append(step), lambda: False)
    finally:
        close_database()
    assert written is not None and [p.name for p in tmp_path.iterdir()] == [written.name]
    done, total, _table = steps[-1]
    assert done == total and total > values > 0
    assert [s[0] for s in steps] == sorted(s[0] for s in steps)  # it only goes forward
    assert verify_file(written).ok


def test_cli_commands_work_on_a_server_without_a_file_lock(server: Any, tmp_path: Path, capsys: Any) -> None:
    url = server.url(server.new_database())
    assert main(["--db", url, "init"]) == 0
    assert main(["--db", url, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "totals", "--period", "2023-S1"]) == 0
    out = capsys.readouterr().out
    assert "1.13" in out
    assert not list(Path.cwd().glob("*.lock"))


def test_a_serialisation_failure_is_retried_and_never_half_applied(server: Any, demo_file: Path) -> None:
    """Two sessions change the same row: the second write's transaction fails with SQLSTATE 40001 (it read
    before the first committed) and the whole user action runs again, on the new data."""
    import psycopg

    from balti_monitor.services.audit import apply_recorded
    from balti_monitor.services.changes import ChangeSet, Write

    name = server.new_database()
    url = server.url(name)
    from balti_monitor.services.engine_copy import copy_database

    copy_database(demo_file, url)
    open_database(url)
    attempts: list[int] = []

    class Rename(Write):  # a user action: read the name, write it back changed (two statements)
        def apply(self) -> ChangeSet:
            row = Subdivision.get(Subdivision.code == "DRU")
            attempts.append(1)
            if len(attempts) == 1:  # meanwhile someone else saves the same row, in another session
                done = threading.Event()

                def other() -> None:
                    with psycopg.connect(server.conninfo(name), autocommit=True) as conn:
                        conn.execute(
                            "UPDATE subdivision SET name = name || ' (alt utilizator)' WHERE code = 'DRU'"
                        )
                    done.set()

                threading.Thread(target=other).start()
                done.wait(10)
                Value.update(raw_text="jumătate").where(
                    Value.id == 1
                ).execute()  # the first half of the action
            Subdivision.update(name=row.name + " (eu)").where(Subdivision.id == row.id).execute()
            return ChangeSet(subdivisions=True)

    first_value = Value.get_by_id(1).raw_text
    apply_recorded(Rename(), "typed")
    assert len(attempts) == 2
    final = Subdivision.get(Subdivision.code == "DRU").name
    assert final.endswith(" (alt utilizator) (eu)")  # both saves kept: no lost update
    assert Value.get_by_id(1).raw_text == first_value  # the failed attempt left nothing behind
    close_database()


def test_the_period_lock_is_enforced_by_the_server_itself(server: Any, demo_file: Path) -> None:
    """Raw SQL from another program on a signed period is refused by the server's trigger."""
    import psycopg

    from balti_monitor.services.engine_copy import copy_database

    name = server.new_database()
    copy_database(demo_file, server.url(name))
    with psycopg.connect(server.conninfo(name), autocommit=True) as conn:
        conn.execute(
            "INSERT INTO period_signature (period_id, sha256, signed_by, signed_at, file_name) "
            "VALUES (1, 'abc', 'Ion', '2024-01-01T10:00', 'r.docx')"
        )
        with pytest.raises(psycopg.errors.RaiseException, match="BM_PERIOD_SIGNED"):
            conn.execute("UPDATE value SET raw_text = 'x' WHERE id = (SELECT min(id) FROM value)")
        before = conn.execute("SELECT count(*) FROM change_log").fetchone()
        conn.execute(
            "UPDATE action SET title = title || '.' WHERE id = 1"
        )  # the plan is not the period's data
        after = conn.execute("SELECT count(*) FROM change_log").fetchone()
    assert before is not None and after is not None and after[0] == before[0] + 1  # and it was recorded
    assert Period is not None


def test_a_lost_server_connection_is_a_romanian_refusal(server: Any) -> None:
    from balti_monitor.services.bundled import ensure_bundled_plan
    from balti_monitor.services.storage_errors import guard_write

    name = server.new_database()
    open_database(server.url(name))
    ensure_bundled_plan()
    server.execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )
    with (
        pytest.raises(ServiceError, match="Salvarea nu a reușit: serverul bazei de date"),
        guard_write("Salvarea"),
    ):
        Subdivision.update(name="x").execute()
    # the next action connects again and works
    Subdivision.update(name="y").where(Subdivision.code == "DRU").execute()
    assert Subdivision.get(Subdivision.code == "DRU").name == "y"
    close_database()


def test_a_role_that_does_not_own_the_tables_copies_with_the_triggers_running(
    server: Any, demo_file: Path
) -> None:
    from balti_monitor.services.engine_copy import copy_database

    name = server.new_database()
    owner_url = server.url(name)
    open_database(owner_url)  # the schema, made by its owner
    close_database()
    server.execute(
        "DO $$ BEGIN CREATE ROLE bm_writer LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bm_writer",
        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO bm_writer",
        dbname=name,
    )
    copy_database(demo_file, server.url(name, user="bm_writer"))
    open_database(demo_file, read_only=True)
    expected = _document()
    close_database()
    open_database(owner_url, read_only=True)
    assert _document() == expected
    from balti_monitor.services.search import search

    assert search("sesizari")  # the index was kept by the triggers
    close_database()


@pytest.mark.slow
def test_every_cli_command_runs_on_a_server(
    server: Any,
    command_files: dict[str, Path],
    tmp_path: Path,
    capsys: Any,
) -> None:
    """Every sub-command with ``--db postgresql://…`` (the file-integrity test's list): it does its work or
    refuses in Romanian, never a traceback."""
    from balti_monitor.services.engine_copy import copy_database

    url = server.url(server.new_database())
    copy_database(command_files["db"], url)
    failures = []
    for name, (_mode, args) in _commands(Path("unused.sqlite"), tmp_path, command_files).items():
        if name == "copy":
            args = ["copy", "--from", url, "--to", str(tmp_path / "copie-server.sqlite")]
        capsys.readouterr()
        try:
            code = main(["--db", url, *args])
        except Exception as exc:
            failures.append((name, repr(exc)))
            continue
        _out, err = capsys.readouterr()
        refused_in_romanian = code == 2 and err.startswith("Eroare: ")  # e.g. the period deleted earlier
        if (code not in (0, 1) and not refused_in_romanian) or "Traceback" in err:
            failures.append((name, code, err[-300:]))
    for failure in failures:
        print(failure)
    assert failures == []


def test_the_word_report_from_a_server_is_byte_identical_to_the_files(
    server: Any, demo_file: Path, tmp_path: Path
) -> None:
    """Same data, same report: the export reads the server exactly as the file (order, texts, dates)."""
    from balti_monitor.export.render import export_report
    from balti_monitor.services.engine_copy import copy_database

    open_database(demo_file, read_only=True)
    from_file = export_report(Period.get(), tmp_path / "fisier.docx")
    close_database()
    url = server.url(server.new_database())
    copy_database(demo_file, url)
    open_database(url, read_only=True)
    from_server = export_report(Period.get(), tmp_path / "server.docx")
    close_database()
    assert Path(from_server).read_bytes() == Path(from_file).read_bytes()


@given(text=HOSTILE)
@_settings(40)
def test_hostile_text_round_trips_through_a_server(engine_demo_db: str, text: str) -> None:
    """What a file keeps verbatim, a server keeps verbatim (the same rules refuse NUL and lone surrogates)."""
    from balti_monitor.services.editing import cell_text, set_cell, validate_cell
    from tests.test_hostile import _target

    period, action_id, sub_id = _target()
    set_cell(period, action_id, sub_id, 0, text)
    assert cell_text(period, action_id, sub_id, 0) == text
    if validate_cell(1, text) is None:
        set_cell(period, action_id, sub_id, 1, text)
        assert cell_text(period, action_id, sub_id, 1) == text


def test_an_older_server_database_is_upgraded_in_one_transaction(
    server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's migrations (PG_MIGRATIONS) run like the file's: in order, each with its version bump,
    all or nothing; a read-only opening refuses to upgrade. (A later version is simulated here.)"""
    from balti_monitor.db import postgres

    name = server.new_database()
    url = server.url(name)
    open_database(url)
    close_database()
    later = SCHEMA_VERSION + 1

    def step(db: Any) -> None:
        db.execute_sql("CREATE TABLE later_table (id SERIAL PRIMARY KEY)")

    monkeypatch.setattr(postgres, "SCHEMA_VERSION", later)  # what opening a server reads
    monkeypatch.setitem(PG_MIGRATIONS, later, step)
    with pytest.raises(ServerError) as caught:
        open_database(url, read_only=True)
    assert caught.value.kind == "needs_upgrade"

    def broken(db: Any) -> None:
        step(db)
        raise RuntimeError("the step failed half-way")

    monkeypatch.setitem(PG_MIGRATIONS, later, broken)
    with pytest.raises(RuntimeError):
        open_database(url)
    import psycopg

    with psycopg.connect(server.conninfo(name)) as conn:  # nothing of it stayed
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (SCHEMA_VERSION,)
        assert conn.execute("SELECT to_regclass('later_table')").fetchone() == (None,)
    monkeypatch.setitem(PG_MIGRATIONS, later, step)
    open_database(url)
    assert server_version(database) == later
    assert database.execute_sql("SELECT count(*) FROM later_table").fetchone()[0] == 0
    close_database()


def test_a_worker_thread_reads_the_server_through_its_own_connection(engine_demo_db: str) -> None:
    """The application's workers (export, forms) read on threads of their own, as they do from a file."""
    found: list[object] = []

    def work() -> None:
        try:
            found.append(Period.select().count())
        except Exception as exc:
            found.append(exc)
        finally:
            database.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert found == [Period.select().count()]


def test_a_command_refused_for_a_concurrent_write_runs_again_whole(server: Any, demo_file: Path) -> None:
    """A command-line write on a server that meets another person's write in between (SQLSTATE 40001) is
    run again from the start, on the new data; its failed attempt leaves nothing behind."""
    import argparse

    import psycopg

    from balti_monitor.cli.common import opened, run_guarded
    from balti_monitor.services.engine_copy import copy_database

    name = server.new_database()
    url = server.url(name)
    copy_database(demo_file, url)
    attempts: list[int] = []
    first_value: list[str] = []

    def rename(args: argparse.Namespace) -> int:  # read the name, write it back changed, as a command would
        with opened(args, write=True), database.atomic():
            row = Subdivision.get(Subdivision.code == "DRU")
            attempts.append(1)
            if len(attempts) == 1:
                first_value.append(Value.get_by_id(1).raw_text)
                with psycopg.connect(server.conninfo(name), autocommit=True) as conn:  # someone else
                    conn.execute("UPDATE subdivision SET name = name || ' (alt)' WHERE code = 'DRU'")
                Value.update(raw_text="jumătate").where(Value.id == 1).execute()  # half of the command
            Subdivision.update(name=row.name + " (eu)").where(Subdivision.id == row.id).execute()
        return 0

    command = run_guarded(rename)
    assert callable(command)
    assert command(argparse.Namespace(db=url, plan=None, lang=None)) == 0
    assert len(attempts) == 2
    open_database(url)
    try:
        assert Subdivision.get(Subdivision.code == "DRU").name.endswith(" (alt) (eu)")  # no lost update
        assert Value.get_by_id(1).raw_text == first_value[0]  # the refused attempt left nothing
    finally:
        close_database()

"""Files that are not what they claim, and the write path (issue 12, items 5, 6, 8-12, 14 and 15).

* On open a file is compared with the exact schema of its version (tables, columns, indexes, triggers,
  views) and its links are checked; anything else is refused with a Romanian message, untouched, and
  nothing is written beside it (a negative schema version included).
* Version 1 files, with or without the form-status table, are migrated; a fresh file and a migrated
  version-1 file have the same schema.
* ``verify`` after a kill that left a rollback journal recovers on a private copy and says so (exit 0).
* A FIFO, a device or a folder is refused before it is opened; damaged header bytes are "deteriorat".
* Every CLI command that writes takes the lock and makes the automatic backup; while the file is held,
  each writer is refused and nothing changes.
* One NUL rule for every text field; the forms signing key stays out of a JSON export by default; control
  characters in messages are made visible.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from file_versions import as_version_1
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from balti_monitor.cli import build_parser, main
from balti_monitor.db import integrity, migrations, schema_current
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.file_header import read_header
from balti_monitor.db.integrity import expected_schema, fresh_schema
from balti_monitor.db.migrations import SCHEMA_VERSION
from balti_monitor.db.models import Plan
from balti_monitor.db.schema import differences, read_schema, schema_module_source
from balti_monitor.interchange.json_io import export_document, import_json
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.resources import user_data_dir
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.file_report import verify_file
from balti_monitor.services.lock import DatabaseLock
from balti_monitor.services.values import NUL_CHARACTER

REPO = Path(__file__).resolve().parent.parent


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(autouse=True)
def _closed() -> Iterator[None]:
    yield
    close_database()


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "date"
    folder.mkdir()
    path = folder / "d.sqlite"
    shutil.copyfile(demo_file, path)
    return path


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# ------------------------------------------------------------------------------------------------------
# Damaged schemas
# ------------------------------------------------------------------------------------------------------


def _first_index(conn: sqlite3.Connection) -> str:
    return str(
        conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL").fetchone()[0]
    )


DAMAGE: dict[str, Callable[[sqlite3.Connection], None]] = {
    "missing table": lambda c: c.execute("DROP TABLE narrative"),
    "missing column": lambda c: c.execute("ALTER TABLE subdivision DROP COLUMN active"),
    "missing column 2": lambda c: c.execute('ALTER TABLE "return" DROP COLUMN received_date'),
    "extra column": lambda c: c.execute("ALTER TABLE value ADD COLUMN secret TEXT"),
    "extra table": lambda c: c.execute("CREATE TABLE spy (x TEXT)"),
    "foreign trigger": lambda c: c.execute(
        "CREATE TRIGGER wipe AFTER UPDATE ON value BEGIN DELETE FROM value; END"
    ),
    "foreign view": lambda c: c.execute("CREATE VIEW everything AS SELECT * FROM value"),
    "view in place of a table": lambda c: c.executescript(
        "DROP TABLE total_override; CREATE VIEW total_override AS SELECT * FROM value;"
    ),
    "missing index": lambda c: c.execute(f'DROP INDEX "{_first_index(c)}"'),
    "extra index": lambda c: c.execute("CREATE INDEX by_text ON value (raw_text)"),
    "broken links": lambda c: c.execute(
        'DELETE FROM subdivision WHERE id = (SELECT MIN(subdivision_id) FROM "return")'
    ),
    "broken links 2": lambda c: c.execute(
        "DELETE FROM indicator WHERE id = (SELECT MIN(indicator_id) FROM value)"
    ),
}


def _damage(path: Path, names: list[str]) -> int:
    """Apply the damages that still apply (a column of a dropped table cannot be dropped); how many did."""
    applied = 0
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        for name in names:
            try:
                DAMAGE[name](conn)
                applied += 1
            except sqlite3.OperationalError:
                continue
    finally:
        conn.close()
    return applied


_REFUSED = {"count": 0}


def _refused_untouched(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, listing = _digest(path), _listing(path.parent)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "damaged"
    assert "nu are structura unei baze de date Bălți Monitor" in str(caught.value)
    report = verify_file(path)
    assert not report.ok
    capsys.readouterr()
    for command in (
        ["check"],
        ["totals"],
        ["export", "--out", str(path.parent.parent / "r.docx")],
        ["forms-in", str(path)],
    ):
        assert main(["--db", str(path), *command, "--period", "2023-S1"]) == 2, command
        err = capsys.readouterr().err
        assert "Eroare:" in err and "Traceback" not in err
    assert _digest(path) == before and _listing(path.parent) == listing
    assert not (path.parent.parent / "r.docx").exists()
    _REFUSED["count"] += 1


@_settings(25)
@given(st.lists(st.sampled_from(sorted(DAMAGE)), min_size=1, max_size=3, unique=True))
def test_a_file_whose_schema_is_not_its_versions_is_refused_untouched(
    demo_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    damage: list[str],
) -> None:
    folder = tmp_path_factory.mktemp("bad") / "date"
    folder.mkdir()
    path = folder / "d.sqlite"
    shutil.copyfile(demo_file, path)
    assume(_damage(path, damage) > 0)
    _refused_untouched(path, capsys)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_each_kind_of_schema_damage_is_refused(
    demo_copy: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    assert _damage(demo_copy, [damage]) == 1
    _refused_untouched(demo_copy, capsys)


def test_the_trigger_that_deleted_every_value_never_runs(demo_copy: Path, tmp_path: Path) -> None:
    _damage(demo_copy, ["foreign trigger"])
    with pytest.raises(DatabaseError):
        open_database(demo_copy)
    conn = sqlite3.connect(demo_copy)
    assert conn.execute("SELECT COUNT(*) FROM value").fetchone()[0] == 462
    conn.close()


# ------------------------------------------------------------------------------------------------------
# Versions and migrations
# ------------------------------------------------------------------------------------------------------


def _fresh(path: Path) -> None:
    open_database(path)
    close_database()


def _as_version_1(path: Path, *, with_forms_table: bool) -> None:
    as_version_1(path, with_forms_table=with_forms_table)


def test_a_fresh_file_has_the_schema_of_the_frozen_snapshot_with_every_migration() -> None:
    assert differences(fresh_schema(), expected_schema(SCHEMA_VERSION)) == []


def test_the_generated_schema_of_the_current_version_is_up_to_date() -> None:
    """``db/schema_current.py`` (read on every open instead of building the schema in memory) is what
    ``tools/write_schema_current.py`` writes now; after a new migration, run the tool."""
    built = integrity.build_expected_schema(SCHEMA_VERSION)
    committed = (REPO / "balti_monitor" / "db" / "schema_current.py").read_text(encoding="utf-8")
    assert committed == schema_module_source(SCHEMA_VERSION, built), (
        "balti_monitor/db/schema_current.py is stale: run `python tools/write_schema_current.py`"
    )
    assert differences(schema_current.SCHEMA, built) == []
    assert differences(fresh_schema(), built) == []


def test_the_schema_a_file_is_checked_against_is_the_generated_one_only_for_its_own_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(integrity, "_EXPECTED", {})
    assert integrity.expected_schema(SCHEMA_VERSION) is schema_current.SCHEMA
    older = integrity.expected_schema(SCHEMA_VERSION - 1)
    assert differences(older, integrity.build_expected_schema(SCHEMA_VERSION - 1)) == []
    assert differences(older, schema_current.SCHEMA) != []


@pytest.mark.parametrize("with_forms_table", [True, False])
def test_a_version_1_file_is_migrated_with_a_backup_first_and_ends_like_a_fresh_one(
    demo_copy: Path, with_forms_table: bool
) -> None:
    _as_version_1(demo_copy, with_forms_table=with_forms_table)
    before = _digest(demo_copy)
    open_database(demo_copy)
    assert Plan.select().count() == 1
    close_database()
    backup = demo_copy.with_name("d-inainte-de-migrare-v1.sqlite")
    assert _digest(backup) != "" and verify_file(backup).schema_version == 1
    conn = sqlite3.connect(demo_copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert differences(read_schema(conn), fresh_schema()) == []
    assert conn.execute("SELECT COUNT(*) FROM value").fetchone()[0] == 462
    conn.close()
    assert _digest(demo_copy) != before
    open_database(demo_copy)  # and it opens again (its schema is exactly its version's)


def test_the_form_status_table_is_no_longer_created_at_run_time(demo_copy: Path) -> None:
    """A file claiming the current version but lacking the table is damaged, not silently repaired."""
    conn = sqlite3.connect(demo_copy, isolation_level=None)
    conn.execute("DROP TABLE form_status")
    conn.close()
    with pytest.raises(DatabaseError, match="lipsește tabelul „form_status”"):
        open_database(demo_copy)


def test_a_later_migration_is_part_of_the_expected_schema(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add_note(db: Any) -> None:
        db.execute_sql("ALTER TABLE plan ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_note])
    monkeypatch.setattr(integrity, "_EXPECTED", {})
    # the models would declare the column too (a fresh file of the new version has it)
    integrity._EXPECTED[0] = integrity.expected_schema(SCHEMA_VERSION + 1)
    other = demo_copy.with_name("other.sqlite")
    shutil.copyfile(demo_copy, other)
    open_database(demo_copy)  # migrated
    close_database()
    open_database(demo_copy)  # its schema is exactly that of the new version
    close_database()
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")  # claims the new version, lacks the column
    conn.close()
    with pytest.raises(DatabaseError, match="nu are coloana note"):
        open_database(other)


@pytest.mark.parametrize("version", [-1, -2_000_000_000])
def test_a_negative_schema_version_is_refused_and_nothing_is_written_beside_it(
    demo_copy: Path, capsys: pytest.CaptureFixture[str], version: int
) -> None:
    conn = sqlite3.connect(demo_copy, isolation_level=None)
    conn.execute(f"PRAGMA user_version={version}")
    conn.close()
    before, listing = _digest(demo_copy), _listing(demo_copy.parent)
    with pytest.raises(DatabaseError) as caught:
        open_database(demo_copy)
    assert caught.value.kind == "damaged" and "deteriorat" in str(caught.value)
    assert main(["--db", str(demo_copy), "check", "--period", "2023-S1"]) == 2
    assert main(["--db", str(demo_copy), "demo"]) == 2
    assert "deteriorat" in capsys.readouterr().err
    assert _digest(demo_copy) == before and _listing(demo_copy.parent) == listing


# ------------------------------------------------------------------------------------------------------
# verify after a kill
# ------------------------------------------------------------------------------------------------------

_KILLED_WRITER = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size=2")  # spill changed pages into the file before the commit
conn.execute("BEGIN")
conn.execute("UPDATE value SET raw_text = raw_text || hex(randomblob(300))")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_verify_after_a_kill_recovers_on_a_private_copy_and_says_the_data_is_whole(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_copy)
    values = conn.execute("SELECT id, raw_text FROM value ORDER BY id").fetchall()
    conn.close()
    original = _digest(demo_copy)
    result = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(demo_copy)], timeout=60)
    assert result.returncode == -signal.SIGKILL
    journal = Path(str(demo_copy) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    assert _digest(demo_copy) != original  # the interrupted write reached the file
    state = (_digest(demo_copy), _digest(journal), _listing(demo_copy.parent))
    capsys.readouterr()
    assert main(["verify", str(demo_copy)]) == 0
    out = capsys.readouterr().out
    assert "întrerupt; datele sunt întregi" in out and "Valori ale indicatorilor: 462" in out
    assert (_digest(demo_copy), _digest(journal), _listing(demo_copy.parent)) == state
    # opening it for writing finishes the recovery
    assert main(["--db", str(demo_copy), "demo"]) in (0, 2)
    assert not journal.exists()
    conn = sqlite3.connect(demo_copy)
    assert conn.execute("SELECT id, raw_text FROM value ORDER BY id").fetchall() == values
    conn.close()


# ------------------------------------------------------------------------------------------------------
# Not a regular file; damaged header
# ------------------------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "balti_monitor", *args],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO that is opened waits forever: the timeout turns a hang into a failure
        encoding="utf-8",
        cwd=REPO,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "date.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(DatabaseError, match="nu este un fișier obișnuit"):
        open_database(fifo)
    assert not verify_file(fifo).ok
    for args in (
        ["--db", str(fifo), "check", "--period", "2023-S1"],
        ["--db", str(fifo), "demo"],
        ["verify", str(fifo)],
        ["--db", str(tmp_path / "n.sqlite"), "import-json", str(fifo)],
    ):
        result = _cli(*args)
        assert result.returncode in (1, 2), args
        assert "nu este un fișier obișnuit" in result.stdout + result.stderr, args
    form = tmp_path / "formular.xlsx"
    os.mkfifo(form)
    from balti_monitor.interchange.forms_read import FormRefused, read_workbook

    with pytest.raises(FormRefused, match=r"(?i)nu este un fișier obișnuit"):
        read_workbook(form)


def test_a_device_and_a_folder_are_refused(tmp_path: Path) -> None:
    if Path("/dev/null").exists():
        with pytest.raises(DatabaseError, match="nu este un fișier obișnuit"):
            open_database(Path("/dev/null"))
    with pytest.raises(DatabaseError, match="dosar"):
        open_database(tmp_path)
    assert _listing(tmp_path) == []


# Fields of the 100-byte header whose valid values the SQLite file format fixes.
def _header_is_impossible(head: bytes) -> bool:
    return (
        head[18] not in (1, 2)
        or head[19] not in (1, 2)
        or head[21:24] != bytes((64, 32, 32))
        or int.from_bytes(head[44:48], "big") not in range(0, 5)
        or int.from_bytes(head[56:60], "big") not in range(0, 4)
        or any(head[72:92])
    )


@_settings(60)
@given(
    st.sampled_from([18, 19, 21, 22, 23, 44, 45, 46, 47, 56, 57, 58, 59, *range(68, 92)]), st.integers(0, 255)
)
def test_damaged_header_bytes_are_reported_as_a_damaged_file(
    demo_file: Path, tmp_path_factory: pytest.TempPathFactory, offset: int, value: int
) -> None:
    data = bytearray(demo_file.read_bytes())
    assume(data[offset] != value)
    data[offset] = value
    assume(_header_is_impossible(bytes(data[:100])) or 68 <= offset < 72)
    path = tmp_path_factory.mktemp("hdr") / "d.sqlite"
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as caught:
        read_header(path)
    assert caught.value.kind == "damaged" and "deteriorat" in str(caught.value)
    assert "altui program" not in str(caught.value)
    assert path.read_bytes() == bytes(data)


# ------------------------------------------------------------------------------------------------------
# The write path: every CLI command
# ------------------------------------------------------------------------------------------------------

WRITER, READER = "writer", "reader"
SERVER = "server"  # a command for a PostgreSQL server only: a SQLite file is refused, untouched


def _commands(db: Path, tmp: Path, files: dict[str, Path]) -> dict[str, tuple[str, list[str]]]:
    """Every sub-command (a variant per mode where one command both reads and writes) and its arguments."""
    return {
        "init": (WRITER, ["init"]),
        "demo": (WRITER, ["demo", "--replace"]),
        "check": (READER, ["check", "--period", "2023-S1"]),
        "search": (READER, ["search", "sesizari"]),
        "delete-period": (WRITER, ["delete-period", "2023-S1", "--yes"]),
        "acknowledge": (
            WRITER,
            ["acknowledge", "1.13/2/-/override_differs", "--period", "2023-S1", "--note", "n"],
        ),
        "totals": (READER, ["totals", "--period", "2023-S1"]),
        "export-json": (READER, ["export-json", "--out", str(tmp / "x.json")]),
        "import-json": (WRITER, ["import-json", str(files["json"]), "--replace"]),
        "export": (READER, ["export", "--period", "2023-S1", "--out", str(tmp / "r.docx"), "--quiet"]),
        "load-example": (WRITER, ["load-example", "integritate-baltati"]),
        "backup": (READER, ["backup", "--out", str(tmp / "copie.sqlite"), "--overwrite"]),
        "restore": (WRITER, ["restore", str(files["backup"]), "--yes"]),
        "verify": (READER, ["verify", str(db)]),
        "copy": (WRITER, ["copy", "--from", str(files["backup"]), "--to", str(db), "--replace"]),
        "forms-out": (WRITER, ["forms-out", "--period", "2023-S1", "--dir", str(tmp / "f"), "--overwrite"]),
        "forms-in": (WRITER, ["forms-in", str(files["form"])]),
        "forms-in --dry-run": (READER, ["forms-in", str(files["form"]), "--dry-run"]),
        "import-report": (WRITER, ["import-report", str(files["report"]), "--yes"]),
        "import-report --dry-run": (READER, ["import-report", str(files["report"]), "--dry-run"]),
        "import-plan": (WRITER, ["import-plan", str(files["plan"])]),
        "import-plan --dry-run": (READER, ["import-plan", str(files["plan"]), "--dry-run"]),
        "forms-status": (READER, ["forms-status", "--period", "2023-S1"]),
        "new-period": (WRITER, ["new-period", "2023-A"]),
        "annual-rules": (READER, ["annual-rules", "--action", "1.1"]),
        "annual-rules --set": (WRITER, ["annual-rules", "--set", "1.1.2", "max"]),
        "terms": (READER, ["terms"]),
        "terms --set": (WRITER, ["terms", "--set", "2.2", "annual"]),
        "due": (READER, ["due", "--period", "2023-S1"]),
        "trend": (READER, ["trend", "--action", "1.1"]),
        "overview": (READER, ["overview"]),
        "log": (READER, ["log", "--period", "2023-S1"]),
        "followups": (READER, ["followups", "--period", "2023-S1", "--all"]),
        "completeness": (READER, ["completeness", "--period", "2023-S1", "--out", str(tmp / "rest.xlsx")]),
        "log --out": (READER, ["log", "--period", "2023-S1", "--out", str(tmp / "jurnal.xlsx")]),
        "sign": (WRITER, ["sign", "--period", "2023-S1", "--report", str(files["json"])]),
        "unsign": (WRITER, ["unsign", "--period", "2023-S1", "--reason", "test"]),
        "verify-report": (READER, ["verify-report", str(files["json"])]),
        "forms-status --set": (
            WRITER,
            ["forms-status", "--period", "2023-S1", "--set", "sent", "--subdivision", "DRU"],
        ),
        "server-setup": (SERVER, ["server-setup"]),
        "server-setup --dry-run": (READER, ["server-setup", "--dry-run"]),
        "server-user": (SERVER, ["server-user", "list"]),
    }


@pytest.fixture(scope="session")
def _command_files_made(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files of :func:`command_files`, made once per test process (a fifth of a second per command)."""
    work = tmp_path_factory.mktemp("prep")
    db = work / "p.sqlite"
    shutil.copyfile(demo_file, db)
    assert main(["--db", str(db), "export-json", "--out", str(work / "d.json")]) == 0
    assert main(["--db", str(db), "forms-out", "--period", "2023-S1", "--dir", str(work / "f")]) == 0
    from openpyxl import load_workbook

    form = work / "f" / "Retur_DRU_2023-S1.xlsx"
    wb = load_workbook(form)
    for row in wb["Retur"].iter_rows():
        if row[0].value == "1.1#2":
            row[3].value = "21 concursuri"
    wb.save(form)
    assert (
        main(["--db", str(db), "export", "--period", "2023-S1", "--out", str(work / "r.docx"), "--quiet"])
        == 0
    )
    from tests.plan_corpus import word_plan

    word_plan(work / "plan.docx")
    shutil.copyfile(db, work / "b.sqlite")
    return work


@pytest.fixture
def command_files(_command_files_made: Path, tmp_path: Path) -> dict[str, Path]:
    """A JSON export, a backup and a filled form, made from a private copy of the demo (each test gets its
    own copy of every file)."""
    work = tmp_path / "prep"
    shutil.copytree(_command_files_made, work)
    return {
        "plan": work / "plan.docx",
        "json": work / "d.json",
        "backup": work / "b.sqlite",
        "form": work / "f" / "Retur_DRU_2023-S1.xlsx",
        "db": work / "p.sqlite",
        "report": work / "r.docx",
    }


def test_every_cli_command_is_classified() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    names = set(sub.choices)  # type: ignore[arg-type]
    classified = {
        key.split()[0]
        for key in _commands(
            Path("d"), Path("t"), dict.fromkeys(["json", "backup", "form", "report", "plan"], Path("x"))
        )
    }
    assert names == classified, "classify the new command as a writer or a reader in _commands()"


def test_while_the_file_is_held_every_writer_is_refused_and_nothing_changes(
    command_files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "held.sqlite"
    shutil.copyfile(command_files["db"], db)
    commands = _commands(db, tmp_path, command_files)
    before = _digest(db)
    with DatabaseLock(db):  # the application has the file open
        for name, (mode, args) in commands.items():
            capsys.readouterr()
            code = main(["--db", str(db), *args])
            out, err = capsys.readouterr()
            if mode == WRITER:
                assert code == 2, (name, out, err)
                assert "deja deschis" in err, (name, err)
            elif mode == SERVER:
                assert code == 2, (name, out, err)
                assert "server PostgreSQL" in err, (name, err)
            else:
                assert code in (0, 1), (name, out, err)
                assert "Traceback" not in err
            assert _digest(db) == before, f"{name} changed the file while it was held"
    backups = user_data_dir() / "backups"
    made = [str(p) for p in backups.rglob("held-*.sqlite")] if backups.exists() else []
    assert made == [], "an automatic backup means a writer got past the lock"


@pytest.mark.parametrize(
    "name",
    [
        "init",
        "demo",
        "import-json",
        "restore",
        "forms-out",
        "forms-in",
        "forms-status --set",
        "import-report",
        "load-example",
    ],
)
def test_every_writer_makes_the_automatic_backup_first(
    command_files: dict[str, Path], tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.sqlite"
    shutil.copyfile(command_files["db"], db)
    mode, args = _commands(db, tmp_path, command_files)[name]
    assert mode == WRITER
    assert main(["--db", str(db), *args]) == 0, capsys.readouterr()
    copies = list((user_data_dir() / "backups").rglob("w-*.sqlite"))
    assert copies, f"{name} wrote without an automatic backup"
    assert not Path(str(db) + ".lock").exists()


def test_a_reader_that_tries_to_write_is_stopped_by_the_write_path(demo_copy: Path) -> None:
    open_database(demo_copy, read_only=True)
    import peewee

    with pytest.raises(peewee.OperationalError, match="readonly"):
        Plan.update(title="x").execute()


# ------------------------------------------------------------------------------------------------------
# One NUL rule; the forms key in JSON; terminal output
# ------------------------------------------------------------------------------------------------------


def _string_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_paths(item, (*path, index))


@pytest.fixture(scope="module")
def demo_document(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("doc") / "d.sqlite"
    shutil.copyfile(demo_file, path)
    open_database(path)
    document = export_document()
    close_database()
    return document


@_settings(40)
@given(st.data())
def test_a_nul_anywhere_in_a_json_export_is_refused_naming_where(
    demo_document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    paths = sorted(_string_paths(demo_document), key=repr)
    where = data.draw(st.sampled_from([p for p in paths if p and p[0] != "format"]))
    document = json.loads(json.dumps(demo_document))
    target = document
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = target[where[-1]] + "\x00x"
    folder = tmp_path_factory.mktemp("nul")
    source = folder / "d.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    open_database(folder / "n.sqlite")
    try:
        with pytest.raises(InterchangeError) as caught:
            import_json(source)
        assert NUL_CHARACTER in str(caught.value)
        assert str(where[-1]) in str(caught.value)
        assert Plan.select().count() == 0
    finally:
        close_database()


def test_every_service_that_stores_text_refuses_a_nul(demo_db: Path) -> None:
    from balti_monitor.db.models import Period, Subdivision
    from balti_monitor.services.editing import action_by_code, set_override
    from balti_monitor.services.narrative import NarrativeData, save_narrative
    from balti_monitor.services.subdivisions import add_alias, save_subdivision

    period = Period.get()
    sub = Subdivision.get(Subdivision.code == "DRU")
    action = action_by_code(period.plan_id, "1.1").id
    attempts: dict[str, Callable[[], object]] = {
        "subdivision name": lambda: save_subdivision(sub.id, sub.code, "Direcția\x00 X"),
        "subdivision code": lambda: save_subdivision(None, "X\x00", "Alta"),
        "alias": lambda: add_alias(sub.id, "resurse\x00umane"),
        "alias in a save": lambda: save_subdivision(sub.id, sub.code, sub.name, ["alias\x00"]),
        "override reason": lambda: set_override(period, action, 1, "5", "motiv\x00"),
        "override author": lambda: set_override(period, action, 1, "5", "motiv", "autor\x00"),
        "narrative": lambda: save_narrative(period, NarrativeData(executive_summary="rezumat\x00")),
        "narrative signature": lambda: save_narrative(
            period, NarrativeData(extra_signatures=[{"name": "Ion\x00", "function": "șef"}])
        ),
    }
    for field, attempt in attempts.items():
        with pytest.raises(ServiceError, match="caracter nul"):
            attempt()
        assert field


def test_the_forms_key_stays_out_of_a_json_export_unless_asked(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "f"
    assert main(["--db", str(demo_copy), "forms-out", "--period", "2023-S1", "--dir", str(out)]) == 0
    plain, keyed = tmp_path / "plain.json", tmp_path / "keyed.json"
    assert main(["--db", str(demo_copy), "export-json", "--out", str(plain)]) == 0
    assert main(["--db", str(demo_copy), "export-json", "--out", str(keyed), "--with-form-key"]) == 0
    assert "forms_secret" not in plain.read_text(encoding="utf-8")
    assert "forms_secret" in keyed.read_text(encoding="utf-8")
    form = out / "Retur_DRU_2023-S1.xlsx"
    # a move with the key: forms sent before still import
    moved = tmp_path / "mutat.sqlite"
    assert main(["--db", str(moved), "import-json", str(keyed)]) == 0
    assert "trimise din nou" not in capsys.readouterr().out
    assert main(["--db", str(moved), "forms-in", str(form), "--dry-run"]) == 0
    # a restore without it: told that forms sent before must be sent again, and they are refused
    restored = tmp_path / "restaurat.sqlite"
    capsys.readouterr()
    assert main(["--db", str(restored), "import-json", str(plain)]) == 0
    assert "trebuie trimise din nou" in capsys.readouterr().out
    assert main(["--db", str(restored), "forms-in", str(form)]) == 2
    assert "altă bază de date" in capsys.readouterr().out
    # new forms carry a new key and import
    assert (
        main(["--db", str(restored), "forms-out", "--period", "2023-S1", "--dir", str(tmp_path / "g")]) == 0
    )
    assert main(["--db", str(restored), "forms-in", str(tmp_path / "g" / form.name)]) == 0


def test_control_characters_in_messages_are_made_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "a\x1b[2Jb\x07.sqlite"
    assert main(["--db", str(hostile), "check", "--period", "2023-S1"]) == 2
    err = capsys.readouterr().err
    assert "[U+001B][2Jb[U+0007]" in err and "\x1b" not in err and "\x07" not in err
    with pytest.raises(SystemExit):
        main(["comanda\x1b[31m"])
    err = capsys.readouterr().err
    assert "comanda" in err and "\x1b" not in err


def test_broken_links_skipped_at_a_quick_open_are_found_by_the_check_after_the_first_paint(
    demo_copy: Path,
) -> None:
    """The window opens a file with only its plan tables checked; links between tables (a cost that grows
    with history) are checked with the whole file right after, and a file with broken links is refused."""
    from balti_monitor.services.safe_open import DamagedAfterOpenError, check_and_back_up

    assert _damage(demo_copy, ["broken links"]) == 1
    open_database(demo_copy, create=False, full_check=False)
    close_database()
    with pytest.raises(DamagedAfterOpenError, match="legături rupte"):
        check_and_back_up(demo_copy)
    with pytest.raises(DatabaseError, match="legături rupte"):
        open_database(demo_copy, create=False)

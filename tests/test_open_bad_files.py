"""Opening files that are not a healthy Bălți Monitor database: a clear Romanian refusal, the file untouched,
the newest automatic backup offered and usable."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from balti_monitor.db import migrations
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.models import Return
from balti_monitor.services.file_report import verify_file
from balti_monitor.services.safe_open import FileOpenError, close_safely, open_safely, recover_from_backup


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _zero_length(path: Path, demo: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path, demo: Path) -> None:
    data = demo.read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])


def _truncated_header(path: Path, demo: Path) -> None:
    path.write_bytes(demo.read_bytes()[:60])


def _word_document(path: Path, demo: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Raport semestrial")
    document.save(str(path))


def _json_export(path: Path, demo: Path) -> None:
    path.write_text(json.dumps({"format": "balti-monitor-file", "version": 1}), encoding="utf-8")


def _other_program(path: Path, demo: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    raw.execute("INSERT INTO contacts VALUES ('Ion', '0231 00000')")
    raw.commit()
    raw.close()


def _other_program_without_tables(path: Path, demo: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA application_id=1196444487")  # GeoPackage's id
    raw.execute("PRAGMA user_version=10300")
    raw.commit()
    raw.close()


def _newer_version(path: Path, demo: Path) -> None:
    shutil.copyfile(demo, path)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version={migrations.SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()


def _damaged(path: Path, demo: Path) -> None:
    shutil.copyfile(demo, path)
    raw = sqlite3.connect(path)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'value'").fetchone()[0]
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    with path.open("r+b") as fh:  # a b-tree page overwritten, as by a bad sector or a broken copy
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 200)


BAD_FILES: dict[str, tuple[Callable[[Path, Path], None], str, str]] = {
    "zero-length": (_zero_length, "empty", "este gol (0 octeți)"),
    "truncated": (_truncated, "truncated", "este incomplet (trunchiat)"),
    "truncated-header": (_truncated_header, "truncated", "este incomplet (trunchiat)"),
    "word-renamed": (_word_document, "not_sqlite", "Pare a fi un document Word"),
    "json-renamed": (_json_export, "not_sqlite", "Pare a fi un fișier JSON"),
    "other-program": (_other_program, "foreign", "conține o bază de date a altui program"),
    "other-program-empty": (
        _other_program_without_tables,
        "foreign",
        "conține o bază de date a altui program",
    ),
    "newer-version": (_newer_version, "newer", "versiune mai nouă a programului"),
    "damaged": (_damaged, "damaged", "este deteriorat"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_refused_with_a_clear_message_and_left_untouched(
    case: str, tmp_path: Path, demo_file: Path
) -> None:
    make, kind, phrase = BAD_FILES[case]
    path = tmp_path / "date.sqlite"
    make(path, demo_file)
    before = _digest(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == kind
    assert phrase in str(caught.value)
    assert "date.sqlite" in str(caught.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["date.sqlite"]

    report = verify_file(path)
    assert not report.ok
    assert any(phrase in problem for problem in report.problems)
    assert _digest(path) == before


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_opening_a_bad_file_offers_the_newest_automatic_backup(
    case: str, tmp_path: Path, demo_file: Path
) -> None:
    path = tmp_path / "date.sqlite"
    shutil.copyfile(demo_file, path)
    open_safely(path)  # a healthy open makes the automatic backup
    returns = Return.select().count()
    close_safely()
    path.unlink()
    make, kind, phrase = BAD_FILES[case]
    make(path, demo_file)
    before = _digest(path)

    with pytest.raises(FileOpenError) as caught:
        open_safely(path)
    error = caught.value
    assert error.kind == kind
    assert phrase in str(error)
    assert error.backup is not None and error.backup.same_source
    assert "Cea mai nouă copie automată a acestui fișier" in str(error)
    assert error.backup.path.name in str(error)
    assert _digest(path) == before
    assert not (tmp_path / "date.sqlite.lock").exists()

    recovered = recover_from_backup(error.backup.path, path)
    assert recovered.parent == tmp_path and "date-recuperat-" in recovered.name
    opened = open_safely(recovered)
    assert Return.select().count() == returns
    assert opened.path == recovered
    close_safely()
    assert _digest(path) == before


def test_a_file_never_opened_here_is_offered_another_files_backup_saying_whose(
    tmp_path: Path, demo_file: Path
) -> None:
    own = tmp_path / "principal.sqlite"
    shutil.copyfile(demo_file, own)
    open_safely(own)
    close_safely()
    mailed = tmp_path / "primit.sqlite"
    _truncated(mailed, demo_file)
    with pytest.raises(FileOpenError) as caught:
        open_safely(mailed)
    assert caught.value.backup is not None
    assert not caught.value.backup.same_source
    assert "(a fișierului „principal”)" in str(caught.value)


def test_without_any_backup_the_message_says_so(tmp_path: Path) -> None:
    path = tmp_path / "gol.sqlite"
    path.write_bytes(b"")
    with pytest.raises(FileOpenError) as caught:
        open_safely(path)
    assert caught.value.backup is None
    assert "Nu există nicio copie automată" in str(caught.value)
    assert path.read_bytes() == b""


def test_missing_file_is_not_created_when_not_asked(tmp_path: Path) -> None:
    path = tmp_path / "lipsa.sqlite"
    with pytest.raises(DatabaseError, match="nu există"):
        open_database(path, create=False)
    assert not path.exists()


def test_a_new_file_is_created_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "nou.sqlite"
    open_database(path)
    close_database()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nou.sqlite"]
    assert verify_file(path).ok


def test_an_interrupted_creation_leaves_no_empty_file_at_the_chosen_path(tmp_path: Path) -> None:
    path = tmp_path / "nou.sqlite"
    code = (
        "import os, signal, sys\n"
        "from balti_monitor.db import connection\n"
        "connection.os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "connection.open_database(sys.argv[1])\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=60)
    assert result.returncode != 0
    assert not path.exists()
    open_database(path)  # the next attempt simply creates it
    close_database()
    assert verify_file(path).ok


def test_a_folder_that_does_not_exist_is_named(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match=r"Dosarul .* nu există"):
        open_database(tmp_path / "nu-exista" / "d.sqlite")


def test_an_interrupted_write_is_rolled_back_on_open(tmp_path: Path, demo_file: Path) -> None:
    path = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, path)
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1')\n"
        "c.execute('BEGIN')\n"
        "c.execute(\"UPDATE value SET raw_text = raw_text || ' - modificat pe jumătate'\")\n"
        "c.execute('DELETE FROM \"return\" WHERE id % 2 = 0')\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert Path(str(path) + "-journal").stat().st_size > 0
    open_database(path)
    assert Return.select().count() == 122
    close_database()
    assert not Path(str(path) + "-journal").exists()
    assert verify_file(path).ok

"""Backups for e-mail, automatic rotating backups, verification, restore with a preview, and failures
(disk full, no permission, file vanished) that leave the data as it was and say so."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.migrations import SCHEMA_VERSION
from balti_monitor.db.models import Period, Plan, Return, Subdivision
from balti_monitor.interchange.json_io import export_json, import_json_with_backup
from balti_monitor.resources import user_data_dir
from balti_monitor.services.backup import (
    auto_backup,
    auto_backup_dir,
    backup_keep,
    list_auto_backups,
    make_backup,
    newest_auto_backup,
    open_auto_backup_dir,
    set_backup_keep,
)
from balti_monitor.services.bundled import ensure_bundled_plan
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.editing import action_by_code, cell_text, set_cell
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.file_report import FileReport, compare, current_report, verify_file
from balti_monitor.services.periods import PeriodKey, create_period, find_period
from balti_monitor.services.restore import preview_restore, restore_from
from balti_monitor.services.safe_open import close_safely, open_safely
from balti_monitor.services.storage_errors import guard_write

REPO = Path(__file__).resolve().parent.parent
NOON = dt.datetime(2026, 11, 25, 15, 30)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cell() -> tuple[Period, int, int]:
    """The 2023-S1 period, action 1.13 and its first responsible subdivision (from the demo)."""
    plan = Plan.get()
    period = find_period(plan, PeriodKey(2023, 1))
    action = action_by_code(plan.id, "1.13")
    ret = (
        Return.select()
        .where((Return.action == action) & (Return.period == period))
        .order_by(Return.id)
        .first()
    )
    return period, action.id, ret.subdivision_id


def _raw_description(db: Path, marker: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(
            conn.execute('SELECT COUNT(*) FROM "return" WHERE description = ?', (marker,)).fetchone()[0]
        )
    finally:
        conn.close()


@pytest.fixture
def session_db(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the demo opened the way the GUI opens files."""
    path = tmp_path / "balti-monitor.sqlite"
    shutil.copyfile(demo_file, path)
    open_safely(path)
    yield path
    close_safely()


# ------------------------------------------------------------------------------------------- backup


def test_backup_into_a_folder_is_named_for_humans_verified_and_self_contained(
    session_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "de-trimis"
    folder.mkdir()
    result = make_backup(folder, now=NOON)
    assert result.path.name == "balti-monitor-2023-S1-2026-11-25-1530.sqlite"
    assert result.folder == folder
    assert sorted(p.name for p in folder.iterdir()) == [result.path.name]
    assert result.report.ok
    assert result.report.return_count == 122
    assert result.report.periods == ("2023-S1",)
    assert "a fost creată și verificată" in result.message()
    header = result.path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL: the file alone holds everything

    mailed = tmp_path / "primit" / "copie.sqlite"
    mailed.parent.mkdir()
    shutil.copyfile(result.path, mailed)
    close_safely()
    open_database(mailed)
    assert Return.select().count() == 122
    close_database()


def test_backup_holds_the_latest_edit_and_a_second_one_gets_its_own_name(
    session_db: Path, tmp_path: Path
) -> None:
    period, action_id, sub_id = _cell()
    set_cell(period, action_id, sub_id, 0, "Ultima modificare înainte de copie")
    first = make_backup(tmp_path, now=NOON)
    second = make_backup(tmp_path, now=NOON)
    assert second.path.name == "balti-monitor-2023-S1-2026-11-25-1530-2.sqlite"
    assert _raw_description(first.path, "Ultima modificare înainte de copie") == 1


def test_backup_name_uses_the_chosen_period_or_none(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite"
    open_safely(db)
    try:
        plan, _ = ensure_bundled_plan()
        assert make_backup(tmp_path / "x.sqlite").path == tmp_path / "x.sqlite"
        out = tmp_path / "out"
        out.mkdir()
        assert make_backup(out, now=NOON).path.name == "balti-monitor-2026-11-25-1530.sqlite"
        create_period(plan, PeriodKey(2024, 2))
        create_period(plan, PeriodKey(2024, 0))
        assert make_backup(out, now=NOON).path.name == "balti-monitor-2024-A-2026-11-25-1530.sqlite"
        assert make_backup(out, period_code="2024-S2", now=NOON).path.name.startswith(
            "balti-monitor-2024-S2-"
        )
    finally:
        close_safely()


def test_backup_refusals_change_nothing(session_db: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existent.sqlite"
    existing.write_bytes(b"nu se suprascrie")
    with pytest.raises(ServiceError, match="există deja"):
        make_backup(existing)
    assert existing.read_bytes() == b"nu se suprascrie"
    with pytest.raises(ServiceError, match="nu există"):
        make_backup(tmp_path / "nu-exista" / "copie.sqlite")
    with pytest.raises(ServiceError, match="chiar baza de date deschisă"):
        make_backup(session_db, overwrite=True)
    assert verify_file(session_db).ok


def test_backup_without_an_open_database_is_refused() -> None:
    with pytest.raises(ServiceError, match="Nicio bază de date nu este deschisă"):
        make_backup(Path.cwd())


# ------------------------------------------------------------------------------------------- verify


def test_verify_describes_what_the_file_holds_without_touching_it(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, path)
    stamp = path.stat().st_mtime_ns
    before = _digest(path)
    report = verify_file(path)
    assert report.ok and report.problems == ()
    assert report.schema_version == SCHEMA_VERSION
    assert report.plans == ("Planul local anticorupție 2023-2027",)
    assert report.periods == ("2023-S1",)
    assert (report.return_count, report.subdivision_count) == (122, 18)
    assert report.value_count > 400
    assert report.last_change is not None
    text = "\n".join(report.lines())
    assert "Stare: în regulă" in text and "Perioade: 2023-S1" in text
    assert _digest(path) == before and path.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.sqlite"]


def test_verify_reports_broken_links_and_missing_columns(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, path)
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute('DELETE FROM subdivision WHERE id = (SELECT MIN(subdivision_id) FROM "return")')
    raw.commit()
    raw.close()
    report = verify_file(path)
    assert not report.ok
    assert any("legături rupte între tabele" in p for p in report.problems)

    shutil.copyfile(demo_file, path)
    raw = sqlite3.connect(path)
    for (trigger,) in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        raw.execute(f"DROP TRIGGER {trigger}")  # a tool that knows nothing of the search index's triggers
    raw.execute("ALTER TABLE narrative DROP COLUMN risks")
    raw.commit()
    raw.close()
    report = verify_file(path)
    assert not report.ok
    assert len(report.problems) == 1
    assert "tabelul „narrative” nu are coloana risks" in report.problems[0]  # one column: singular


# ------------------------------------------------------------------------------------ automatic backups


def test_automatic_backups_rotate_and_skip_identical_copies(session_db: Path) -> None:
    period, action_id, sub_id = _cell()
    later = dt.datetime.now() + dt.timedelta(days=1)  # after the copy made when the file was opened
    made = []
    for minute in range(5):
        set_cell(period, action_id, sub_id, 0, f"versiunea {minute}")
        made.append(auto_backup("manual", keep=3, now=later + dt.timedelta(minutes=minute)))
    kept = list_auto_backups()
    assert [b.path for b in kept] == made[:1:-1]
    assert all(b.reason == "manual" and b.reason_label == "la cererea utilizatorului" for b in kept)
    assert _raw_description(kept[0].path, "versiunea 4") == 1
    again = auto_backup("manual", keep=3, now=later + dt.timedelta(minutes=9))
    assert again == made[-1]  # nothing changed since: no new copy pushes an older one out
    assert len(list_auto_backups()) == 3


def test_the_open_databases_automatic_backups_are_listed_on_either_engine(engine_demo_db: str) -> None:
    """A server's automatic backups (SQLite files in ``server-<db>-<hash>``) are listed like a file's:
    newest first, the last ``keep`` of them, each one a copy of the data at its moment."""
    period, action_id, sub_id = _cell()
    made = []
    for minute in range(4):
        set_cell(period, action_id, sub_id, 0, f"copia {minute}")
        made.append(auto_backup("manual", keep=3, now=NOON + dt.timedelta(minutes=minute)))
    folder = open_auto_backup_dir()
    on_server = engine_demo_db.startswith("postgresql")
    assert folder.name.startswith("server-") == on_server
    kept = list_auto_backups()
    assert [b.path for b in kept] == made[:0:-1]  # newest first; the oldest rotated away
    assert not made[0].exists()
    assert all(b.path.parent == folder and b.reason == "manual" for b in kept)
    assert [b.created for b in kept] == [NOON + dt.timedelta(minutes=m) for m in (3, 2, 1)]
    assert _raw_description(kept[0].path, "copia 3") == 1
    assert _raw_description(kept[-1].path, "copia 1") == 1
    assert verify_file(kept[0].path).ok
    assert newest_auto_backup() == kept[0]


def test_the_number_kept_comes_from_the_settings_file(session_db: Path) -> None:
    assert backup_keep() == 20
    set_backup_keep(2)
    assert json.loads((user_data_dir() / "settings.json").read_text(encoding="utf-8")) == {
        "auto_backup_keep": 2
    }
    period, action_id, sub_id = _cell()
    for minute in range(4):
        set_cell(period, action_id, sub_id, 0, f"v{minute}")
        auto_backup("manual", now=NOON + dt.timedelta(minutes=minute))
    assert len(list_auto_backups()) == 2
    (user_data_dir() / "settings.json").write_text("{stricat", encoding="utf-8")
    assert backup_keep() == 20
    with pytest.raises(ServiceError, match="între 1 și 1000"):
        set_backup_keep(0)


def test_opening_makes_a_backup_and_other_files_do_not_rotate_it_away(
    demo_file: Path, tmp_path: Path
) -> None:
    own = tmp_path / "balti-monitor.sqlite"
    shutil.copyfile(demo_file, own)
    opened = open_safely(own)
    assert opened.auto_backup is not None and opened.auto_backup.parent == auto_backup_dir(own)
    assert "deschidere" in opened.auto_backup.name
    close_safely()
    for index in range(3):
        other = tmp_path / f"primit-{index}.sqlite"
        shutil.copyfile(demo_file, other)
        open_safely(other)
        set_backup_keep(1)
        close_safely()
    assert list_auto_backups(own)[0].path == opened.auto_backup
    assert newest_auto_backup(own).path == opened.auto_backup  # type: ignore[union-attr]
    assert "balti-monitor.sqlite" in (auto_backup_dir(own) / "sursa.txt").read_text(encoding="utf-8")


def test_an_empty_file_gets_no_automatic_backup(tmp_path: Path) -> None:
    opened = open_safely(tmp_path / "nou.sqlite")
    try:
        assert opened.auto_backup is None and opened.warning is None
    finally:
        close_safely()


def test_import_is_preceded_by_an_automatic_backup(session_db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "export.json"
    export_json(exported)
    period, action_id, sub_id = _cell()
    set_cell(period, action_id, sub_id, 0, "înainte de import")
    changes = import_json_with_backup(exported, replace=True)
    assert changes == ChangeSet.everything()
    newest = newest_auto_backup()
    assert newest is not None and newest.reason == "import"
    assert _raw_description(newest.path, "înainte de import") == 1


# ------------------------------------------------------------------------------------------- restore


def test_restore_shows_what_changes_then_replaces_the_data_after_a_backup(
    session_db: Path, tmp_path: Path
) -> None:
    mailed = make_backup(tmp_path, now=NOON).path
    period, action_id, sub_id = _cell()
    original = cell_text(period, action_id, sub_id, 0)
    set_cell(period, action_id, sub_id, 0, "Lucru făcut după copia trimisă")
    create_period(Plan.get(), PeriodKey(2023, 2))

    report, preview = preview_restore(mailed)
    assert report.ok
    rows = {row.label: row for row in preview.rows}
    assert rows["Perioade"].current == "2023-S1, 2023-S2" and rows["Perioade"].candidate == "2023-S1"
    assert rows["Perioade"].differs and not rows["Informații ale subdiviziunilor"].differs
    assert any("Perioada 2023-S2, care există acum, lipsește din copia aleasă" in w for w in preview.warnings)
    assert any("înainte de restaurare se face automat o copie" in w for w in preview.warnings)

    result = restore_from(mailed)
    assert result.changes == ChangeSet.everything()
    assert result.safety_backup is not None
    assert _raw_description(result.safety_backup, "Lucru făcut după copia trimisă") == 1
    period, action_id, sub_id = _cell()
    assert cell_text(period, action_id, sub_id, 0) == original
    assert [p.semester for p in Period.select()] == [1]
    set_cell(period, action_id, sub_id, 0, "se lucrează mai departe")  # still open and writable
    assert not Path(str(session_db) + "-journal").exists()
    assert verify_file(session_db).ok


def test_compare_warns_when_the_copy_is_older_or_smaller(demo_file: Path, tmp_path: Path) -> None:
    current = verify_file(demo_file)
    older = FileReport(
        path=tmp_path / "vechi.sqlite",
        ok=True,
        problems=(),
        periods=(),
        return_count=100,
        last_change=dt.datetime(2023, 1, 2, 8, 0),
    )
    warnings = compare(current, older).warnings
    assert any(
        w.startswith("Copia aleasă este mai veche: modificările făcute după 02.01.2023 08:00")
        for w in warnings
    )
    assert any("are cu 22 de informații ale subdiviziunilor mai puțin" in w for w in warnings)
    assert compare(current, current).warnings == ()


@pytest.mark.parametrize(
    ("content", "phrase"),
    [(b"PK\x03\x04 un document Word", "nu este SQLite"), (b"", "este gol (0 octeți)")],
)
def test_restore_refuses_an_unusable_file_and_changes_nothing(
    session_db: Path, tmp_path: Path, content: bytes, phrase: str
) -> None:
    candidate = tmp_path / "atasament.sqlite"
    candidate.write_bytes(content)
    backups_before = len(list_auto_backups())
    before = current_report().table_counts
    with pytest.raises(ServiceError) as caught:
        restore_from(candidate)
    assert phrase in str(caught.value)
    assert "Datele deschise nu au fost modificate" in str(caught.value)
    assert current_report().table_counts == before
    assert len(list_auto_backups()) == backups_before


def test_a_copy_from_an_older_version_is_upgraded_on_restore_and_left_as_it_was(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.db import migrations

    old_copy = tmp_path / "din-2025.sqlite"
    shutil.copyfile(demo_file, old_copy)
    before = _digest(old_copy)

    def add_note(db) -> None:  # type: ignore[no-untyped-def]
        db.execute_sql("ALTER TABLE plan ADD COLUMN note TEXT DEFAULT ''")

    after = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", after)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_note])
    current = tmp_path / "acum.sqlite"
    shutil.copyfile(demo_file, current)
    open_safely(current)  # migrated on open, with its pre-migration copy among the automatic backups
    try:
        assert [b.reason for b in list_auto_backups()].count("migrare") == 1
        report, _preview = preview_restore(old_copy)
        assert report.ok and report.return_count == 122 and report.schema_version == after
        restore_from(old_copy)
        conn = sqlite3.connect(current)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == after
        assert "note" in [r[1] for r in conn.execute("PRAGMA table_info(plan)")]
        conn.close()
        assert Return.select().count() == 122
    finally:
        close_safely()
    assert _digest(old_copy) == before
    assert not list((user_data_dir() / "backups").glob(".restaurare-*"))


def test_restore_refuses_the_open_file_itself(session_db: Path) -> None:
    with pytest.raises(ServiceError, match="chiar baza de date deschisă"):
        restore_from(session_db)


def test_restore_does_not_go_on_without_the_automatic_backup(session_db: Path, tmp_path: Path) -> None:
    mailed = make_backup(tmp_path, now=NOON).path
    period, action_id, sub_id = _cell()
    set_cell(period, action_id, sub_id, 0, "de păstrat")
    shutil.rmtree(user_data_dir() / "backups")
    (user_data_dir() / "backups").write_text("un fișier în locul dosarului", encoding="utf-8")
    with pytest.raises(ServiceError, match=r"Copia automată .* nu a putut fi scrisă"):
        restore_from(mailed)
    assert cell_text(period, action_id, sub_id, 0) == "de păstrat"


# -------------------------------------------------------------------------------- storage failures

_RUNNER = r"""
import json, shutil, sys
from pathlib import Path
spec = json.loads(sys.argv[1])
work = Path(spec["work"])
for name, source in spec["inputs"].items():
    shutil.copyfile(source, work / name)
from balti_monitor.db.connection import close_database
try:
    exec(spec["code"], {"work": work, "demo": Path(spec["demo"])})
finally:
    close_database()
    if spec["out"]:
        for item in work.iterdir():
            shutil.copyfile(item, Path(spec["out"]) / item.name)
"""

_DROP_FILE_PERMISSION_OVERRIDE = r"""
import ctypes, os
if os.geteuid() == 0:  # root ignores file permissions unless CAP_DAC_OVERRIDE & co. are dropped
    libc = ctypes.CDLL(None, use_errno=True)
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]
    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]
    header, data = Header(0x20080522, 0), (Data * 2)()
    assert libc.capget(ctypes.byref(header), data) == 0
    keep = ~((1 << 1) | (1 << 2) | (1 << 3)) & 0xFFFFFFFF  # DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER
    for part in ("effective", "permitted", "inheritable"):
        setattr(data[0], part, getattr(data[0], part) & keep)
    assert libc.capset(ctypes.byref(header), data) == 0
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO), BALTI_MONITOR_HOME=str(tmp_path / "home-sub"))


def _can_mount_small_disk(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    try:
        result = subprocess.run(
            ["unshare", "-m", "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0"', str(probe)],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def _on_small_disk(
    tmp_path: Path, size_kb: int, inputs: dict[str, Path], demo: Path, code: str
) -> tuple[str, Path, bool]:
    """Run ``code`` with ``work`` on a disk of ``size_kb`` KB (a private tmpfs), falling back to a file-size
    limit where mounting is not allowed. Returns the output, the folder holding the resulting files, and
    whether the disk was really full (ENOSPC) rather than a file-size limit."""
    work, out = tmp_path / "small-disk", tmp_path / "after"
    work.mkdir()
    out.mkdir()
    real_disk = _can_mount_small_disk(tmp_path)
    spec = {
        "work": str(work),
        "inputs": {k: str(v) for k, v in inputs.items()},
        "demo": str(demo),
        "code": code,
    }
    if real_disk:
        spec["out"] = str(out)
        command = [
            "unshare",
            "-m",
            "sh",
            "-c",
            f'mount -t tmpfs -o size={size_kb}k tmpfs "$0" && exec "$1" -c "$2" "$3"',
            str(work),
            sys.executable,
            _RUNNER,
            json.dumps(spec),
        ]
        result = subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), timeout=120)
        folder = out
    else:
        import resource
        import signal

        def limit() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (size_kb * 1024, size_kb * 1024))

        spec["out"] = ""
        result = subprocess.run(
            [sys.executable, "-c", _RUNNER, json.dumps(spec)],
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            timeout=120,
            preexec_fn=limit,
        )
        folder = work
    assert result.returncode == 0, result.stderr
    return result.stdout, folder, real_disk


def test_a_backup_onto_a_full_disk_leaves_nothing_and_says_so(demo_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, source)
    before = _digest(source)
    code = (
        "from balti_monitor.db.connection import open_database\n"
        "from balti_monitor.services.backup import make_backup\n"
        "from balti_monitor.services.errors import ServiceError\n"
        f"open_database({str(source)!r})\n"
        "try:\n    make_backup(work)\n    print('OK')\n"
        "except ServiceError as exc:\n    print('MESAJ:', exc)\n"
    )
    output, folder, real_disk = _on_small_disk(tmp_path, 128, {}, demo_file, code)
    assert output.startswith("MESAJ: Copia de rezervă „balti-monitor-2023-S1-")
    assert "nu a putut fi scrisă" in output
    if real_disk:
        assert "discul este plin" in output
    assert list(folder.iterdir()) == []
    assert _digest(source) == before


def test_an_edit_on_a_full_disk_leaves_the_data_as_before_and_says_so(
    demo_file: Path, tmp_path: Path
) -> None:
    code = (
        "from balti_monitor.db.connection import open_database\n"
        "from balti_monitor.db.models import Plan, Return\n"
        "from balti_monitor.services.storage_errors import guard_write\n"
        "from balti_monitor.services.editing import action_by_code, set_cell\n"
        "from balti_monitor.services.errors import ServiceError\n"
        "open_database(work / 'd.sqlite')\n"
        "action = action_by_code(Plan.get().id, '1.13')\n"
        "ret = Return.select().where(Return.action == action).order_by(Return.id).first()\n"
        "try:\n"
        "    with guard_write('Salvarea celulei'):\n"
        "        set_cell(ret.period, action.id, ret.subdivision_id, 0, 'un text foarte lung ' * 60000)\n"
        "    print('OK')\n"
        "except ServiceError as exc:\n    print('MESAJ:', exc)\n"
    )
    output, folder, real_disk = _on_small_disk(tmp_path, 1000, {"d.sqlite": demo_file}, demo_file, code)
    assert output.startswith("MESAJ: Salvarea celulei nu a reușit: ")
    assert output.strip().endswith("Datele au rămas cum erau înainte.")
    if real_disk:
        assert "discul este plin" in output
    open_database(folder / "d.sqlite")  # rolls back whatever the failed write left in its journal
    period, action_id, sub_id = _cell()
    text = cell_text(period, action_id, sub_id, 0)
    close_database()
    open_database(demo_file)
    assert text == cell_text(*_cell(), 0)
    close_database()
    assert verify_file(folder / "d.sqlite").ok


def test_a_restore_onto_a_full_disk_leaves_the_data_as_before_and_says_so(
    demo_file: Path, tmp_path: Path
) -> None:
    small = tmp_path / "plan.sqlite"
    open_database(small)
    ensure_bundled_plan()
    close_database()
    code = (
        "from balti_monitor.db.connection import open_database\n"
        "from balti_monitor.services.restore import restore_from\n"
        "from balti_monitor.services.errors import ServiceError\n"
        "open_database(work / 'plan.sqlite')\n"
        "try:\n    restore_from(demo)\n    print('OK')\n"
        "except ServiceError as exc:\n    print('MESAJ:', exc)\n"
    )
    output, folder, real_disk = _on_small_disk(tmp_path, 560, {"plan.sqlite": small}, demo_file, code)
    assert output.startswith("MESAJ: Restaurarea nu a reușit: ")
    assert "Datele deschise au rămas cum erau." in output
    if real_disk:
        assert "discul este plin" in output
    open_database(folder / "plan.sqlite")
    assert Plan.select().count() == 1 and Subdivision.select().count() == 18
    assert Return.select().count() == 0
    close_database()


def test_an_import_onto_a_full_disk_leaves_the_data_as_before_and_says_so(
    demo_file: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "demo.json"
    open_database(demo_file)
    export_json(exported)
    close_database()
    small = tmp_path / "plan.sqlite"
    open_database(small)
    ensure_bundled_plan()
    close_database()
    code = (
        "from balti_monitor.db.connection import open_database\n"
        "from balti_monitor.interchange.json_io import import_json_with_backup\n"
        "from balti_monitor.services.errors import ServiceError\n"
        "open_database(work / 'plan.sqlite')\n"
        f"try:\n    import_json_with_backup({str(exported)!r}, replace=True)\n    print('OK')\n"
        "except ServiceError as exc:\n    print('MESAJ:', exc)\n"
    )
    output, folder, real_disk = _on_small_disk(tmp_path, 560, {"plan.sqlite": small}, demo_file, code)
    assert output.startswith("MESAJ: Importul nu a reușit: ")
    assert output.strip().endswith("Datele au rămas cum erau înainte.")
    if real_disk:
        assert "discul este plin" in output
    open_database(folder / "plan.sqlite")
    assert (Plan.select().count(), Subdivision.select().count(), Return.select().count()) == (1, 18, 0)
    close_database()
    assert verify_file(folder / "plan.sqlite").ok


def _without_write_permission(tmp_path: Path, code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _DROP_FILE_PERMISSION_OVERRIDE + code],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_edit_of_a_read_only_file_says_so_and_changes_nothing(demo_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "protejat"
    folder.mkdir()
    path = folder / "d.sqlite"
    shutil.copyfile(demo_file, path)
    before = _digest(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        output = _without_write_permission(
            tmp_path,
            "from balti_monitor.db.connection import open_database\n"
            "from balti_monitor.db.models import Plan, Return\n"
            "from balti_monitor.services.storage_errors import guard_write\n"
            "from balti_monitor.services.editing import action_by_code, set_cell\n"
            "from balti_monitor.services.errors import ServiceError\n"
            f"open_database({str(path)!r})\n"
            "action = action_by_code(Plan.get().id, '1.13')\n"
            "ret = Return.select().where(Return.action == action).first()\n"
            "try:\n"
            "    with guard_write('Salvarea celulei'):\n"
            "        set_cell(ret.period, action.id, ret.subdivision_id, 0, 'modificare')\n"
            "    print('OK')\n"
            "except ServiceError as exc:\n    print('MESAJ:', exc)\n",
        )
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert output.strip() == (
        "MESAJ: Salvarea celulei nu a reușit: nu există drept de scriere în fișierul bazei de date sau în "
        "dosarul lui. Datele au rămas cum erau înainte."
    )
    assert _digest(path) == before


def test_a_backup_into_a_protected_folder_says_so(demo_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "protejat"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        output = _without_write_permission(
            tmp_path,
            "from balti_monitor.db.connection import open_database\n"
            "from balti_monitor.services.backup import make_backup\n"
            "from balti_monitor.services.errors import ServiceError\n"
            f"open_database({str(demo_file)!r})\n"
            "try:\n"
            f"    make_backup({str(folder)!r})\n"
            "    print('OK')\n"
            "except ServiceError as exc:\n    print('MESAJ:', exc)\n",
        )
    finally:
        folder.chmod(0o755)
    assert output.startswith("MESAJ: Copia de rezervă „balti-monitor-2023-S1-")
    assert "fără drept de scriere" in output
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_an_edit_after_the_file_vanished_says_so(session_db: Path, tmp_path: Path, how: str) -> None:
    period, action_id, sub_id = _cell()
    moved = tmp_path / "mutat.sqlite"
    if how == "deleted":
        session_db.unlink()
    else:
        session_db.rename(moved)
        before = _digest(moved)
    with pytest.raises(ServiceError) as caught, guard_write("Salvarea celulei"):
        set_cell(period, action_id, sub_id, 0, "pierdut?")
    assert "a fost mutat sau șters cât timp era deschis" in str(caught.value)
    assert "Datele au rămas cum erau înainte." in str(caught.value)
    if how == "moved":
        assert _digest(moved) == before


# ----------------------------------------------------------------------------------------------- CLI


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> None:
    import balti_monitor.cli as cli_module

    if "safety" not in cli_module.COMMAND_MODULES:
        monkeypatch.setattr(cli_module, "COMMAND_MODULES", [*cli_module.COMMAND_MODULES, "safety"])


@pytest.mark.usefixtures("cli")
def test_cli_backup_verify_restore(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, db)
    out = tmp_path / "copii"
    out.mkdir()
    assert main(["--db", str(db), "backup", "--out", str(out)]) == 0
    (copy,) = out.iterdir()
    assert copy.name.startswith("balti-monitor-2023-S1-")
    assert "a fost creată și verificată" in capsys.readouterr().out

    assert main(["verify", str(copy)]) == 0
    assert "Informații prezentate de subdiviziuni: 122" in capsys.readouterr().out
    bad = tmp_path / "raport.sqlite"
    bad.write_bytes(b"PK\x03\x04")
    assert main(["verify", str(bad)]) == 1
    assert "Pare a fi un document Word" in capsys.readouterr().out

    fresh = tmp_path / "calculator-nou.sqlite"
    assert main(["--db", str(fresh), "restore", str(copy)]) == 2  # stdin is not a terminal: --yes needed
    assert "confirmați cu --yes" in capsys.readouterr().err
    assert not fresh.exists()
    assert main(["--db", str(fresh), "restore", str(copy), "--yes"]) == 0
    output = capsys.readouterr().out
    assert "Copia aleasă" in output and "Datele au fost restaurate" in output
    assert verify_file(fresh).return_count == 122
    assert not (tmp_path / "calculator-nou.sqlite.lock").exists()


@pytest.mark.usefixtures("cli")
def test_cli_restore_refuses_a_damaged_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "d.sqlite"
    bad = tmp_path / "gol.sqlite"
    bad.write_bytes(b"")
    assert main(["--db", str(db), "restore", str(bad), "--yes"]) == 2
    captured = capsys.readouterr()
    assert "este gol (0 octeți)" in captured.out
    assert "nu s-a modificat nimic" in captured.err
    assert not db.exists()

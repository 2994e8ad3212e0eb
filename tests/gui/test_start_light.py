"""Start-up stays light: nothing heavy imported before the window paints, the automatic backup and the
tree's marks wait for the first paint, and the benchmark markers of the real command."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import close_window
from PySide6.QtWidgets import QApplication

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.errors import DatabaseError
from balti_monitor.gui import app as gui_app
from balti_monitor.gui import dialogs
from balti_monitor.gui.session import Session
from balti_monitor.services.backup import list_auto_backups
from balti_monitor.services.safe_open import DamagedAfterOpenError, check_and_back_up

HEAVY = ("openpyxl", "docxtpl", "docx", "jinja2", "matplotlib", "psycopg", "psycopg2")

_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

seen = {}

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "heavy" not in seen and watched.isWindow():
            seen["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
            seen["gui"] = "balti_monitor.gui.main_window" in sys.modules
        return False

app = QApplication(sys.argv[:1])
probe = Probe()
app.installEventFilter(probe)
from balti_monitor.cli import main
code = main(["--db", sys.argv[1]])
print(json.dumps({"code": code, **seen}))
"""


def _child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BALTI_MONITOR_BENCH"] = "1"  # quit after the first paint of the grid
    env["BALTI_MONITOR_HOME"] = str(tmp_path / "home")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


def test_no_heavy_library_is_imported_before_the_window_paints(demo_copy: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE % (HEAVY,), str(demo_copy)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_child_env(tmp_path),
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"code": 0, "heavy": [], "gui": True}


def test_the_command_prints_first_paint_markers_in_benchmark_mode(demo_copy: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "balti_monitor", "--db", str(demo_copy)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_child_env(tmp_path),
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    marks = [line.split() for line in result.stdout.splitlines() if line.startswith("BALTI_MONITOR_BENCH")]
    assert [m[1] for m in marks] == ["window", "grid"]
    assert float(marks[0][2]) <= float(marks[1][2])
    # the automatic backup was still written (after the paint), and the file was closed cleanly
    assert len(list((tmp_path / "home" / "backups").glob("*/*-deschidere.sqlite"))) == 1
    assert not list(demo_copy.parent.glob("*.lock"))


def test_backup_and_tree_marks_wait_for_the_first_paint(qtbot: object, demo_copy: Path) -> None:
    window = gui_app.start(str(demo_copy))
    assert window is not None
    try:
        # Opened and shown, not yet painted: no backup written, no mark computed yet.
        assert list_auto_backups(demo_copy) == []
        tree = window.plan_panel.model
        assert all(node.mark is None for node in tree._by_action.values())
        qtbot.waitUntil(lambda: len(list_auto_backups(demo_copy)) == 1, timeout=10000)  # type: ignore[attr-defined]
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: any(node.mark is not None for node in tree._by_action.values()), timeout=10000
        )
    finally:
        window.session.wait_for_backup()
        close_window(window)
        QApplication.processEvents()


def _damage_table(path: Path, table: str) -> None:
    """Overwrite the first bytes of ``table``'s root page (the plan tables stay sound)."""
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * 64)


DAMAGED = "deteriorat"  # the core's word, checked in the Romanian pass (tests/test_i18n.py checks the rest)


def test_opening_checks_only_the_plan_tables_and_the_whole_file_is_checked_later(
    demo_copy: Path, ui_language: str
) -> None:
    _damage_table(demo_copy, "value")
    before = demo_copy.read_bytes()
    with pytest.raises(DatabaseError, match=DAMAGED if ui_language == "ro" else None):
        open_database(demo_copy, create=False)  # the full check refuses it, as before
    open_database(demo_copy, create=False, full_check=False)  # plan tables only: a cost that does not grow
    close_database()
    with pytest.raises(DamagedAfterOpenError, match=DAMAGED if ui_language == "ro" else None):
        check_and_back_up(demo_copy)  # what the GUI runs after its first paint
    assert list_auto_backups(demo_copy) == []  # a damaged file is never copied over good backups
    assert demo_copy.read_bytes() == before
    _damage_table(demo_copy, "plan")
    with pytest.raises(DatabaseError, match=DAMAGED if ui_language == "ro" else None):
        open_database(demo_copy, create=False, full_check=False)


def test_a_file_found_damaged_after_the_window_shows_is_closed_and_its_backup_offered(
    qtbot: object, start_window, demo_copy: Path, monkeypatch: pytest.MonkeyPatch, ui_language
) -> None:
    window = start_window(demo_copy)
    qtbot.waitUntil(lambda: len(list_auto_backups(demo_copy)) == 1, timeout=10000)  # type: ignore[attr-defined]
    window.close()
    window.session.close()  # the fixture deletes the window at the end
    # Damage the narratives: the window is built without reading them, the check after the paint finds it.
    _damage_table(demo_copy, "narrative")
    damaged = demo_copy.read_bytes()
    offers: list[tuple[Path, str]] = []
    monkeypatch.setattr(
        dialogs, "offer_recovery", lambda parent, path, message: offers.append((path, message)) or True
    )
    again = start_window(demo_copy)
    qtbot.waitUntil(lambda: bool(offers), timeout=10000)  # type: ignore[attr-defined]
    assert offers[0][0] == demo_copy and (ui_language != "ro" or "deteriorat" in offers[0][1])
    opened = again.session.path
    assert opened is not None and opened != demo_copy and "recuperat" in opened.name
    assert demo_copy.read_bytes() == damaged  # the bad file is never modified
    assert again.session.period_key().code == "2023-S1"


def test_a_damaged_page_met_while_reading_closes_the_file_and_offers_its_backup(
    qtbot: object, start_window, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = start_window(demo_copy)
    qtbot.waitUntil(lambda: len(list_auto_backups(demo_copy)) == 1, timeout=10000)  # type: ignore[attr-defined]
    window.close()
    window.session.close()
    _damage_table(demo_copy, "narrative")
    monkeypatch.setattr(Session, "start_deferred_backup", lambda self: None)  # only the reading finds it
    offers: list[Path] = []
    monkeypatch.setattr(dialogs, "offer_recovery", lambda parent, path, message: offers.append(path) or True)
    again = start_window(demo_copy)
    handler = gui_app.unexpected_error_handler(again)
    try:
        try:
            sqlite3.connect(demo_copy).execute("SELECT * FROM narrative").fetchall()
        except sqlite3.DatabaseError as cause:
            raise RuntimeError("while showing the narrative") from cause
    except RuntimeError as error:
        handler(RuntimeError, error, error.__traceback__)
    qtbot.waitUntil(lambda: bool(offers), timeout=10000)  # type: ignore[attr-defined]
    assert offers == [demo_copy]
    assert again.session.path is not None and "recuperat" in again.session.path.name


def test_pyside_no_longer_reads_the_source_of_every_imported_module() -> None:
    # PySide6's __feature__ support read each imported module's whole source (20-30 ms of start-up);
    # the GUI package answers from the module's name instead. A PySide6 release that renames the hook makes
    # this fail, so the start-up cost coming back is noticed.
    import balti_monitor.gui as gui

    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is gui._uses_pyside
    assert feature._mod_uses_pyside(sys.modules["balti_monitor.gui.dialogs"])
    assert not feature._mod_uses_pyside(sys.modules["balti_monitor.services.backup"])

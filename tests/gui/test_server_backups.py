"""The File menu's backups on a PostgreSQL server: the specialist writes the server's data as the usual
self-contained SQLite file (in a worker), restores the server from such a file through the same preview and
sees the server's automatic backups; a clerk's or a viewer's window offers none of it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import ModalDriver, select_action, tr
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableView

from balti_monitor.db.models import Return, Subdivision, Value
from balti_monitor.gui import dialogs
from balti_monitor.gui.auto_backups_dialog import AutoBackupsDialog
from balti_monitor.gui.restore_dialog import RestoreDialog
from balti_monitor.services.backup import list_auto_backups
from balti_monitor.services.editing import cell_text
from balti_monitor.services.file_report import verify_file
from balti_monitor.services.server_session import ServerAddress
from tests.server_people import people_server

pytest.importorskip("psycopg")


@pytest.fixture
def server(pg_templates: dict[str, str]) -> Iterator[Any]:
    yield from people_server(pg_templates)


def on_server(window: Any, server: Any, user: str = "sef") -> None:
    """Connect the window to the test server as ``user``."""
    assert window.server_actions.connect_to(ServerAddress.parse(server.url_of(user)))
    assert window.session.server is not None


def sid(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def file_values(path: Path) -> list[str]:
    """Every raw indicator text of a SQLite file, read without the application."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(str(r[0]) for r in conn.execute("SELECT raw_text FROM value"))
    finally:
        conn.close()


def entries(window: Any) -> list[Any]:
    actions = window.backup_actions
    return [actions.backup_action, actions.restore_action, actions.auto_backups_action]


def test_the_specialist_backs_up_the_server_into_a_sqlite_file(
    server: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on_server(window, server)
    assert all(action.isEnabled() for action in entries(window))
    folder = tmp_path / "copii"
    folder.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: folder)
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "done_with_folder", lambda parent, title, text, details="": shown.append(text) and False
    )

    window.backup_actions.backup_action.trigger()

    written = window.backup_actions.last_backup
    assert written is not None and written.parent == folder and written.suffix == ".sqlite"
    assert window.backup_actions.last_worker_thread not in (0, threading.get_ident())  # off the GUI thread
    report = verify_file(written)
    assert report.ok and "2023-S1" in report.periods
    assert report.return_count == Return.select().count() > 0  # the server's returns, all of them
    assert file_values(written) == sorted(v.raw_text for v in Value.select())
    assert shown and written.name in shown[0]
    done = tr("BackupActions", "Copia de rezervă „{name}” a fost creată și verificată.").format(
        name=written.name
    )
    assert window.statusBar().currentMessage() == done
    assert [p.name for p in folder.iterdir()] == [written.name]  # no temporary file left


def test_restore_into_the_server_after_the_preview_and_back_from_its_automatic_backup(
    server: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    on_server(window, server)
    backup = window.backup_actions.make_backup(tmp_path)
    assert backup is not None
    select_action(window, "1.13")
    model = window.action_page.model
    row = model.row_of_subdivision(sid("DS"))
    period, action = window.session.period.id, window.session.action_by_code("1.13").id
    before = cell_text(period, action, sid("DS"), 1)
    assert model.setData(model.index(row, 1), "99 acte de verificare")
    assert window.session.undo_stack.count() == 1

    monkeypatch.setattr(dialogs, "choose_open_path", lambda *a: backup)
    monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
    previewed: list[Any] = []
    answers = iter([False, True, True])  # declined, then confirmed twice
    monkeypatch.setattr(
        RestoreDialog, "ask", lambda parent, report, comparison: previewed.append(report) or next(answers)
    )
    assert not window.backup_actions.choose_and_restore()  # the preview declined: nothing changes
    assert cell_text(period, action, sid("DS"), 1) == "99 acte de verificare"
    assert window.session.undo_stack.count() == 1
    window.backup_actions.restore_action.trigger()

    assert len(previewed) == 2 and previewed[1].path == backup  # the confirmation came first
    assert cell_text(period, action, sid("DS"), 1) == before  # the server holds the file's data again
    select_action(window, "1.13")
    row = model.row_of_subdivision(sid("DS"))
    assert model.index(row, 1).data(Qt.ItemDataRole.EditRole) == before
    assert window.session.undo_stack.count() == 0  # the steps before refer to data that is gone
    kept = [b for b in list_auto_backups() if b.reason == "restaurare"]
    assert len(kept) == 1 and kept[0].path.parent.name.startswith("server-")
    assert "99 acte de verificare" in file_values(kept[0].path)  # the replaced data was kept

    dialog = AutoBackupsDialog(window, None, window.backup_actions.restore_file, server=window.session.server)
    try:
        assert [dialog.model.backup_at(r).path for r in range(dialog.model.rowCount())] == [
            b.path for b in list_auto_backups()
        ]
        assert dialog.model.rowCount() == 1 and dialog.selected() == kept[0]
        assert dialog.folder_button.isEnabled()
        assert dialog.restore_selected()
    finally:
        dialog.dialog.deleteLater()
    assert cell_text(period, action, sid("DS"), 1) == "99 acte de verificare"


def test_the_automatic_backups_entry_lists_the_servers_copies(
    server: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.services.backup import auto_backup

    on_server(window, server)
    made = auto_backup("manual")
    assert made is not None
    listed: list[list[str]] = []

    def look(dialog: QDialog) -> None:
        model = dialog.findChild(QTableView, "table").model()
        listed.append([model.backup_at(r).path.name for r in range(model.rowCount())])
        dialog.reject()

    driver = ModalDriver(look)
    window.backup_actions.auto_backups_action.trigger()
    driver.check()
    assert listed == [[made.name]]


@pytest.mark.parametrize("user", ["vera", "ana_ds"])
def test_a_viewer_or_a_clerk_gets_neither_backups_nor_restores(
    server: Any, window: Any, monkeypatch: pytest.MonkeyPatch, user: str
) -> None:
    assert all(action.isEnabled() for action in entries(window))  # on the file: all offered
    on_server(window, server, user)
    why = tr(
        "BackupActions",
        "Doar specialistul poate face copii de rezervă ale datelor de pe server și le poate restaura.",
    )
    for action in entries(window):
        assert not action.isEnabled()
        assert action.toolTip() == why
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *a: pytest.fail("no restore offered"))
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a: pytest.fail("no backup offered"))
    assert not window.backup_actions.choose_and_restore()
    assert window.backup_actions.make_backup() is None

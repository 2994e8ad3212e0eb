"""The application on a PostgreSQL server with other people: a conflict shows both values and lets the user
choose, the others' saves appear without a restart, a subdivision's clerk edits only its own row, the
password is asked only when the server wants one and is never remembered."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from gui_helpers import select_action
from PySide6.QtCore import Qt

from balti_monitor.db.models import Subdivision
from balti_monitor.gui import conflict_dialog, server_actions
from balti_monitor.gui.settings import RECENT_SERVERS
from balti_monitor.services.editing import cell_text
from balti_monitor.services.errors import DatabaseError
from balti_monitor.services.server_session import ServerAddress
from tests.server_people import connect, people_server

pytest.importorskip("psycopg")


@pytest.fixture
def server(pg_templates: dict[str, str]) -> Iterator[Any]:
    yield from people_server(pg_templates)


def on_server(window: Any, server: Any, user: str = "sef") -> None:
    """Connect the window to the test server as ``user``."""
    address = ServerAddress.parse(server.url_of(user))
    assert window.server_actions.connect_to(address)
    assert window.session.server is not None


def sid(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def other_person_saves(server: Any, user: str, code: str, action: str, text: str) -> None:
    """Another person's program saves a value (raw SQL on its own connection)."""
    with connect(server, user) as conn:
        updated = conn.execute(
            'UPDATE value SET raw_text = %s WHERE id = (SELECT v.id FROM value v JOIN "return" r '
            "ON r.id = v.return_id JOIN subdivision s ON s.id = r.subdivision_id JOIN action a "
            "ON a.id = r.action_id JOIN indicator i ON i.id = v.indicator_id WHERE s.code = %s AND a.code = %s "
            "AND i.number = 1)",
            (text, code, action),
        ).rowcount
    assert updated == 1


@pytest.mark.parametrize("choice", [conflict_dialog.KEEP_MINE, conflict_dialog.TAKE_THEIRS])
def test_the_same_cell_saved_by_someone_else_shows_both_values_and_the_choice(
    server: Any, window: Any, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    on_server(window, server)
    window.server_actions.shutdown()  # no live refresh here: this window still shows the old value
    select_action(window, "1.13")
    model = window.action_page.model
    row = model.row_of_subdivision(sid("DS"))
    before = model.index(row, 1).data(Qt.ItemDataRole.EditRole)
    other_person_saves(server, "ana_ds", "DS", "1.13", "7 acte")
    asked: list[str] = []

    def answer(parent: object, text: str) -> str:
        asked.append(text)
        return choice

    monkeypatch.setattr(conflict_dialog, "ask", answer)
    kept = model.setData(model.index(row, 1), "4 acte")
    assert len(asked) == 1
    assert "7 acte" in asked[0] and "4 acte" in asked[0]  # both values shown
    period, action = window.session.period.id, window.session.action_by_code("1.13").id
    if choice == conflict_dialog.KEEP_MINE:
        assert kept
        assert cell_text(period, action, sid("DS"), 1) == "4 acte"
        assert model.index(row, 1).data(Qt.ItemDataRole.EditRole) == "4 acte"
        window.session.undo_stack.undo()  # the undo brings back the other person's value, not the old one
        assert cell_text(period, action, sid("DS"), 1) == "7 acte"
    else:
        assert not kept
        assert cell_text(period, action, sid("DS"), 1) == "7 acte"
        assert model.index(row, 1).data(Qt.ItemDataRole.EditRole) == "7 acte"  # the grid read it again
    assert before != "7 acte"


def test_another_persons_save_appears_without_a_restart(server: Any, window: Any, qtbot: Any) -> None:
    on_server(window, server)
    select_action(window, "1.13")
    model = window.action_page.model
    row = model.row_of_subdivision(sid("DS"))
    with qtbot.waitSignal(model.dataChanged, timeout=10000):
        other_person_saves(server, "ana_ds", "DS", "1.13", "11 acte")
    qtbot.waitUntil(lambda: model.index(row, 1).data(Qt.ItemDataRole.EditRole) == "11 acte", timeout=10000)
    assert window.session.undo_stack.count() == 0  # nothing of the others' is undone from here


def test_f5_reads_the_period_again(server: Any, window: Any) -> None:
    on_server(window, server)
    window.server_actions.shutdown()  # as if the notifications did not come through
    select_action(window, "1.13")
    model = window.action_page.model
    row = model.row_of_subdivision(sid("DS"))
    other_person_saves(server, "ana_ds", "DS", "1.13", "12 acte")
    assert model.index(row, 1).data(Qt.ItemDataRole.EditRole) != "12 acte"
    window.server_actions.refresh_action.trigger()
    assert model.index(row, 1).data(Qt.ItemDataRole.EditRole) == "12 acte"


def test_a_clerks_window_edits_only_its_own_row(server: Any, window: Any) -> None:
    on_server(window, server, "ana_ds")
    assert "ana_ds" in window.windowTitle()
    assert not window.period_bar.new_period_action.isVisible()
    select_action(window, "1.13")
    model = window.action_page.model
    own, other = model.row_of_subdivision(sid("DS")), model.row_of_subdivision(sid("DRU"))
    assert model.flags(model.index(own, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(other, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(other, 1), "1 act")
    assert model.setData(model.index(own, 1), "3 acte")
    period, action = window.session.period.id, window.session.action_by_code("1.13").id
    assert cell_text(period, action, sid("DS"), 1) == "3 acte"


def test_a_viewers_window_edits_nothing(server: Any, window: Any) -> None:
    assert window.signing_actions.sign_action.isVisible()  # on the file: everything offered
    on_server(window, server, "vera")
    assert not window.signing_actions.sign_action.isVisible()  # the specialist's actions are not offered
    assert not window.subdivisions_action.isVisible()
    select_action(window, "1.13")
    model = window.action_page.model
    for row in range(model.rowCount()):
        assert not model.flags(model.index(row, 1)) & Qt.ItemFlag.ItemIsEditable


def test_the_password_is_asked_only_when_needed_and_never_remembered(
    server: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = ServerAddress.parse(server.url_of("sef"))
    session = window.session
    real_open = session.open_server
    tried: list[str] = []

    def open_server(url: str, shown: str) -> Any:
        tried.append(url)
        if len(tried) == 1:  # what libpq says when no .pgpass / service / PGPASSWORD had it
            raise DatabaseError("connection failed: fe_sendauth: no password supplied")
        return real_open(url, shown)

    monkeypatch.setattr(session, "open_server", open_server)
    monkeypatch.setattr(server_actions, "ask_password", lambda parent, addr: "parola-secreta")
    assert window.server_actions.connect_to(address)
    assert "parola-secreta" not in tried[0] and "parola-secreta" in tried[1]
    stored = window.settings.text(RECENT_SERVERS)
    assert "parola-secreta" not in stored
    assert [ServerAddress.parse(u) for u in json.loads(stored)] == [address]
    assert "parola-secreta" not in window.windowTitle()


def test_a_refused_connection_goes_back_to_the_file_that_was_open(
    server: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.gui import dialogs

    path = window.session.path
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    address = ServerAddress.parse(server.url_of("sef").replace(server.dbname, "nu_exista"))
    assert not window.server_actions.connect_to(address)
    assert shown and "nu_exista" in shown[0]
    assert window.session.path == path and window.session.server is None
    assert window.session.period is not None  # the file's data is shown again


def test_the_application_started_with_a_server_url_works_on_the_server(
    server: Any, start_window: Any, demo_copy: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.gui.settings import AppSettings

    monkeypatch.setattr(AppSettings, "last_file", lambda self: demo_copy)
    window: Any = start_window(server.url_of("ion_dru"))
    assert window.session.server is not None and window.session.access.role == "subdivision"
    assert "ion_dru" in window.windowTitle()


def test_a_lost_listening_connection_falls_back_to_f5_without_an_error(server: Any, window: Any) -> None:
    on_server(window, server)
    actions = window.server_actions
    with connect(server, "balti") as admin:  # the server drops the listening connection
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%%' "
            "AND datname = current_database()"
        )
    assert actions.take_changes() == 0
    assert actions._feed is None  # stopped, no endless errors
    assert "F5" in window.statusBar().currentMessage()


def test_text_still_being_typed_is_saved_when_the_window_closes_on_a_server(server: Any, window: Any) -> None:
    """As with a file: the report's text typed and not yet saved (no focus change) reaches the server when the
    connection closes, instead of being lost with the window."""
    on_server(window, server)
    page = window.narrative_page
    window.tabs.setCurrentWidget(page)
    page.texts["summaryEdit"].setPlainText("Rezumat scris chiar înainte de închidere.")
    page._dirty_field = "executive_summary"  # what typing in the box records
    window.session.close()
    with connect(server, "sef") as conn:
        stored = conn.execute("SELECT executive_summary FROM narrative").fetchall()
    assert ("Rezumat scris chiar înainte de închidere.",) in stored

"""The plan editor on a PostgreSQL server: adding, deleting and undoing plan items work as on a file (the
deletion and the undo of an addition used to walk SQLite's own schema tables and failed on a server)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from gui_helpers import select_action
from test_plan_editor import answer, editor_for, tree_codes

from balti_monitor.gui import dialogs
from balti_monitor.services.plan_fields import ActionFields
from tests.server_people import people_server

pytest.importorskip("psycopg")


@pytest.fixture
def server(pg_templates: dict[str, str]) -> Iterator[Any]:
    yield from people_server(pg_templates)


def test_the_plan_editor_adds_deletes_and_undoes_on_a_server(
    server: Any, window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.services.server_session import ServerAddress

    assert window.server_actions.connect_to(ServerAddress.parse(server.url_of("sef")))
    assert window.session.server is not None
    window.server_actions.shutdown()  # no live refresh needed here
    editor = editor_for(window, qtbot)
    assert editor.select("action", window.session.action_by_code("6.1").id)
    answer(monkeypatch, ActionFields("6.2", "Acțiune adăugată pe server"))
    editor.add_action_button.click()
    assert tree_codes(window, "VI") == ["6.1", "6.2"]
    window.undo()  # the undo of an addition is a deletion
    assert tree_codes(window, "VI") == ["6.1"]
    window.redo()
    assert window.session.action_by_code("6.2").title == "Acțiune adăugată pe server"

    a13 = window.session.action_by_code("1.13")
    assert editor.select("action", a13.id)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    editor.delete_button.click()  # an action with data: backed up (the server's copy), then deleted
    assert window.session.action_by_code("1.13") is None
    assert "1.13" not in tree_codes(window, "I")
    editor.close()
    window.undo()
    assert window.session.action_by_code("1.13") is not None
    select_action(window, "1.13")
    model = window.action_page.model
    assert "5 acte" in [model.index(r, 1).data() for r in range(model.rowCount())]  # the DS value is back
    window.undo()  # and the redone addition goes again
    assert tree_codes(window, "VI") == ["6.1"]

"""Searching the returns from the window, the demo in its own file, deleting a period (issue 11, 11-12)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui_helpers import press, select_action, tr, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from balti_monitor import i18n
from balti_monitor.db.models import Period, Return
from balti_monitor.gui import dialogs
from balti_monitor.services.backup import list_auto_backups

REPO = Path(__file__).resolve().parents[2]


def test_ctrl_shift_f_finds_returns_without_diacritics_and_enter_shows_the_cell(window) -> None:
    select_action(window, "1.1")
    assert window.search_action.shortcut().toString() == "Ctrl+Shift+F"
    window.search_action.trigger()
    dialog = window._search_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.query, "alerte")
    press(dialog.query, Qt.Key.Key_Return)
    rows = [[dialog.model.index(r, c).data() for c in range(5)] for r in range(dialog.model.rowCount())]
    assert any(r[1] == "5.3" and r[3] == i18n._("descriere") and r[0] == "2023-S1" for r in rows)
    target = next(i for i, r in enumerate(rows) if r[1] == "5.3" and r[3] == i18n._("descriere"))
    dialog.results.setCurrentIndex(dialog.model.index(target, 0))
    press(dialog.results, Qt.Key.Key_Return)
    QApplication.processEvents()
    page = window.action_page
    assert page.model.result.grid.code == "5.3"
    current = page.view.currentIndex()
    assert current.column() == 0
    assert page.model.row_head(current.row()).name == rows[target][2]
    assert "Alerte" in current.data()


def test_down_from_the_search_box_goes_to_the_hits_and_enter_shows_the_cell(window) -> None:
    """As typed at the keyboard: the words, Down (into the hits), Down, Enter: no mouse, no Tab."""
    window.search_action.trigger()
    dialog = window._search_dialog
    type_text(dialog.query, "sesizari")
    press(dialog.query, Qt.Key.Key_Down)  # before the pause that starts the search: it runs now
    assert dialog.results.hasFocus() or dialog.results.currentIndex().row() == 0
    assert dialog.results.currentIndex().row() == 0
    press(dialog.results, Qt.Key.Key_Down)
    second = dialog.results.currentIndex().row()
    assert second == 1
    code = dialog.model.index(second, 1).data()
    press(dialog.results, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.action_page.model.result.grid.code == code


def test_the_search_follows_an_edit(window) -> None:
    select_action(window, "1.6")
    model = window.action_page.model
    assert model.setData(model.index(0, 3), "2 cazuri de Mărțișor")
    window.search_action.trigger()
    dialog = window._search_dialog
    type_text(dialog.query, "martisor")
    press(dialog.query, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 3).data() == i18n._("Indicator {column}").format(column=3)


DELETE_QUESTION = (
    "{contents}\n\nTot ce este mai sus se șterge din fișier. Înainte de ștergere se face o copie aut"
    "omată (Fișier → Copii automate), din care perioada poate fi readusă; Ctrl+Z nu o readuce.\n\nȘtergeți perioada {code}?"
)


def test_deleting_a_period_names_what_is_lost_backs_up_first(window, monkeypatch, ui_language) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)
    assert not window.period_actions.delete_shown_period()
    question = tr("PeriodActions", DELETE_QUESTION).split("{contents}")[1].format(code="2023-S1")
    assert asked and asked[0].endswith(question)  # what is lost, then the automatic backup
    if ui_language == "ro":  # the core's counted phrase ("de" from 20 on)
        assert "122 de informații" in asked[0]
    assert "122" in asked[0]
    assert Period.select().count() == 1  # "No" deletes nothing
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    before = len(list_auto_backups())
    assert window.period_actions.delete_shown_period()
    assert Period.select().count() == 0 and Return.select().count() == 0
    assert window.session.period is None
    backups = list_auto_backups()
    assert len(backups) >= 1 and (len(backups) > before or backups[0].reason in ("stergere", "deschidere"))
    deleted = tr("PeriodActions", "Perioada {code} a fost ștearsă.{where}").split("{where}")[0]
    assert window.statusBar().currentMessage().startswith(deleted.format(code="2023-S1"))


def test_delete_period_from_the_command_line(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    path.write_bytes(demo_file.read_bytes())
    command = [sys.executable, "-m", "balti_monitor", "--db", str(path), "delete-period", "2023-S1"]
    refused = subprocess.run(command, input="nu\n", capture_output=True, text=True, cwd=REPO)
    assert refused.returncode == 1 and "122 de informații" in refused.stdout
    assert "Nu s-a șters nimic" in refused.stdout
    done = subprocess.run(command, input="2023-S1\n", capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "a fost ștearsă" in done.stdout and "Copia automată" in done.stdout
    listed = subprocess.run(
        [sys.executable, "-m", "balti_monitor", "--db", str(path), "search", "sesizari"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert "2023-S1" not in listed.stdout  # the period's texts left the index too

"""The "Istoric pe perioade" panel, Ctrl+' (previous period's value), the outlier finding, the annual
period and its rules, as the specialist meets them in the window."""

from __future__ import annotations

import os
import subprocess
import sys

from gui_helpers import select_action, tr
from PySide6.QtWidgets import QApplication

from balti_monitor.db.models import Subdivision
from balti_monitor.domain.checks import FindingCode
from balti_monitor.domain.grid import AnnualRule
from balti_monitor.gui import dialogs
from balti_monitor.services.annual import indicator_rules
from balti_monitor.services.editing import cell_text
from balti_monitor.services.narrative import get_narrative

DRU = "Direcția resurse umane"


def _sid(name: str) -> int:
    return int(Subdivision.get(Subdivision.name == name).id)


def _new_semester(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: True)
    assert window.period_bar.create_next_period()
    QApplication.processEvents()


def test_the_panel_lists_the_cell_in_every_period_newest_first(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _new_semester(window, monkeypatch)  # 2023-S2, shown
    select_action(window, "1.1")
    model, view = window.action_page.model, window.action_page.view
    panel = window.time_actions.history
    assert panel.isHidden()  # at 1366×768 the grid keeps the width until the panel is asked for
    window.time_actions.menu.actions()[-1].trigger()  # Ani și termene → Istoric pe perioade
    QApplication.processEvents()
    assert panel.isVisible()
    row = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(row, 2))
    QApplication.processEvents()
    assert [(e.code, e.text) for e in panel.entries] == [("2023-S2", ""), ("2023-S1", "17 concursuri")]
    assert panel.table.item(1, 1).text() == "17 concursuri"
    assert panel.table.item(0, 1).text() == "—"
    assert panel.entries[1].description.startswith("1. Registrul actelor locale.")
    view.setCurrentIndex(model.index(row, 0))  # the description column: the descriptions
    QApplication.processEvents()
    assert panel.entries[1].text.startswith("1. Registrul actelor locale.")
    view.setCurrentIndex(model.index(model.total_row, 2))  # the Total row has no history
    QApplication.processEvents()
    assert panel.entries == [] and panel.table.rowCount() == 0


def test_ctrl_apostrophe_copies_the_previous_value_as_one_undo_step(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _new_semester(window, monkeypatch)
    select_action(window, "1.1")
    model, view = window.action_page.model, window.action_page.view
    panel = window.time_actions.history
    assert panel.previous_action.shortcut().toString() == "Ctrl+'"
    assert panel.previous_action in view.actions()
    row = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(row, 2))
    stack = window.session.undo_stack
    before = stack.count()
    assert panel.copy_previous()
    action_id = window.session.action_by_code("1.1").id
    assert cell_text(window.session.period, action_id, _sid(DRU), 2) == "17 concursuri"
    assert model.index(row, 2).data() == "17 concursuri"
    assert stack.count() == before + 1
    stack.undo()
    QApplication.processEvents()
    assert cell_text(window.session.period, action_id, _sid(DRU), 2) is None


def test_a_value_ten_times_its_history_is_a_finding(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _new_semester(window, monkeypatch)
    select_action(window, "1.1")
    model = window.action_page.model
    row = model.row_of_subdivision(_sid(DRU))
    assert model.setData(model.index(row, 2), "170 concursuri")  # 17 before: an extra zero
    found = [f for f in model.result.findings if f.code is FindingCode.VALUE_OUTLIER]
    assert len(found) == 1
    assert found[0].message_ro.startswith("Verificați — de 10 ori mai mult decât înainte")  # any language
    assert model.setData(model.index(row, 2), "18 concursuri")
    assert not [f for f in model.result.findings if f.code is FindingCode.VALUE_OUTLIER]


def test_a_new_period_starts_with_the_previous_signatories(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = get_narrative(window.session.period)
    assert first.prepared_by_name and first.executive_summary
    _new_semester(window, monkeypatch)
    carried = get_narrative(window.session.period)
    assert carried.prepared_by_name == first.prepared_by_name
    assert carried.prepared_by_function == first.prepared_by_function
    assert carried.risks_intro == first.risks_intro
    assert carried.executive_summary == "" and carried.risks == [] and carried.proposals == []
    window.session.undo_stack.undo()  # creating the period is still undoable
    QApplication.processEvents()
    assert [p.key.code for p in window.session.periods()] == ["2023-S1"]


def test_the_annual_period_shows_semester_values_and_rules_change_it(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _new_semester(window, monkeypatch)
    select_action(window, "1.1")
    model = window.action_page.model
    row = model.row_of_subdivision(_sid(DRU))
    assert model.setData(model.index(row, 2), "5 concursuri")
    assert window.time_actions.create_annual_period()
    QApplication.processEvents()
    assert window.session.period.semester == 0
    select_action(window, "1.1")
    row = model.row_of_subdivision(_sid(DRU))
    cell = model.index(row, 2)
    assert cell.data() == "22 concursuri"
    tip = cell.data(3)  # ToolTipRole
    assert tr("GridModel", "Semestrul I: {v}").format(v="17 concursuri") in tip
    assert tr("GridModel", "Semestrul II: {v}").format(v="5 concursuri") in tip
    action_id = window.session.action_by_code("1.1").id
    rules = {r.number: r for r in indicator_rules(window.session.plan.id, action_id)}
    assert window.time_actions.apply_rules("1.1", [(rules[2].indicator_id, AnnualRule.MAX)])
    QApplication.processEvents()
    assert model.index(row, 2).data() == "17 concursuri"
    window.session.undo_stack.undo()
    QApplication.processEvents()
    assert model.index(row, 2).data() == "22 concursuri"


def test_charts_are_not_loaded_at_start_up(demo_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """In a fresh interpreter (this one may have drawn charts already): the window shows, no matplotlib."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from balti_monitor.gui import app\n"
        f"window = app.start({str(demo_copy)!r})\n"
        "window.show()\n"
        "for _ in range(20):\n"
        "    QApplication.processEvents()\n"
        "print('visible', window.isVisible(), 'matplotlib' in sys.modules)\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BALTI_MONITOR_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert "visible True False" in done.stdout, done.stdout + done.stderr


def test_the_trend_and_overview_dialogs_draw_their_charts(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _new_semester(window, monkeypatch)
    select_action(window, "1.1")
    dialog = window.time_actions.show_trend()
    assert dialog is not None
    assert dialog.table.columnCount() == 2 and dialog.table.rowCount() == 7
    assert dialog.table.item(1, 0).text() == "17"  # indicator 2 in 2023-S1: DRU's 17 concursuri
    assert dialog.table.item(1, 1).text() == "—"  # nothing reported yet in 2023-S2: no figure
    assert not dialog.chart.pixmap().isNull()
    assert dialog.chart_path is not None and dialog.chart_path.read_bytes()[:4] == b"\x89PNG"
    dialog.view.setCurrentIndex(2)  # indicator 2 per subdivision
    assert not dialog.chart.pixmap().isNull()
    dialog.close()
    overview = window.time_actions.show_overview()
    assert overview is not None and len(overview.paths) == 2
    overview.close()

"""Deadlines in the window: the tree's due state, the section III draft in the narrative page, the terms
dialog setting an unparsed term by hand (one undo step)."""

from __future__ import annotations

import datetime as dt

from gui_helpers import tr
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from balti_monitor.domain.terms import Term, TermKind
from balti_monitor.gui import dialogs
from balti_monitor.gui.marks import OVERDUE_COLOUR
from balti_monitor.gui.terms_dialog import TermsDialog
from balti_monitor.services.narrative import get_narrative
from balti_monitor.services.terms import action_terms


def _tree_index(window, code: str):  # type: ignore[no-untyped-def]
    info = window.session.action_by_code(code)
    return window.plan_panel.model.index_of_action(info.id)


def _due(state: str) -> str:
    """The tooltip's line of a due state, in the test's language."""
    return tr("Marks", "Termen: {state}.").format(state=tr("Marks", state))


def test_the_tree_shows_each_actions_due_state(window) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    overdue = _tree_index(window, "6.1")  # semestrial verification, arrears in S1-2023
    assert _due("nerealizat, termen depășit") in overdue.data(Qt.ItemDataRole.ToolTipRole)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    ongoing = _tree_index(window, "1.1")  # annual verification: not checked in the first semester
    assert _due("în desfășurare (nu este scadentă acum)") in ongoing.data(Qt.ItemDataRole.ToolTipRole)
    assert ongoing.data(Qt.ItemDataRole.ForegroundRole) is None
    unknown = _tree_index(window, "2.2")  # no term in the plan
    unknown_state = "nestabilit (textul termenului nu a putut fi citit; stabiliți-l în Ani și termene)"
    assert _due(unknown_state) in unknown.data(Qt.ItemDataRole.ToolTipRole)
    overdue = tr("TimeActions", "Nerealizate, termen depășit: {codes}").split("{codes}")[0]
    assert overdue in window.time_actions.due_summary()


def test_the_section_three_draft_is_added_to_the_risks_as_one_undo_step(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = window.narrative_page
    before = get_narrative(window.session.period).risks
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "ask_yes", lambda parent, title, text: questions.append(text) or True)
    assert page.add_section3_draft()
    assert "Acțiunea 6.1 " in questions[0]
    risks = get_narrative(window.session.period).risks
    assert risks[: len(before)] == before
    added = risks[len(before) :]
    assert added and all(item.startswith("Acțiunea ") for item in added)
    assert any(item.startswith("Acțiunea 6.1 ") and "termen depășit" in item for item in added)
    window.session.undo_stack.undo()
    QApplication.processEvents()
    assert get_narrative(window.session.period).risks == before


def test_an_unparsed_term_is_set_in_the_dialog_and_undone(window, ui_language) -> None:  # type: ignore[no-untyped-def]
    plan_id = window.session.plan.id
    actions = window.time_actions
    dialog = TermsDialog(lambda: action_terms(plan_id), actions.set_term, window)
    dialog.only_unparsed.setChecked(True)
    assert [t.code for t in dialog.shown_terms()] == ["2.2", "4.1", "5.1"]
    assert dialog.table.rowCount() == 3
    dialog.table.selectRow(0)
    dialog.kind_combo.setCurrentIndex(list(TermKind).index(TermKind.DEADLINE))
    dialog.date_edit.setText("31.02.2024")
    assert not dialog.set_selected()
    assert dialog.message.text()  # refused, with the reason
    assert ui_language != "ro" or "nu este validă" in dialog.message.text()
    dialog.date_edit.setText("31.12.2024")
    assert dialog.set_selected()
    assert [t.code for t in dialog.shown_terms()] == ["4.1", "5.1"]
    info = next(t for t in action_terms(plan_id) if t.code == "2.2")
    assert info.manual == Term(TermKind.DEADLINE, dt.date(2024, 12, 31)) and info.text == ""
    QApplication.processEvents()
    assert _due("nescadent") in _tree_index(window, "2.2").data(Qt.ItemDataRole.ToolTipRole)
    window.session.undo_stack.undo()
    assert next(t for t in action_terms(plan_id) if t.code == "2.2").manual is None
    dialog.deleteLater()

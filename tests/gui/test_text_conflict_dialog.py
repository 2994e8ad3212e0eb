"""Another person saved the same text between this window's read and its save (several people on one
server; here simulated on a file by a write the window did not see): both texts are shown side by side and
the user keeps theirs or their own, never a silent overwrite."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from gui_helpers import select_action
from PySide6.QtWidgets import QPlainTextEdit
from status_plan import make_status_plan

from balti_monitor.domain.grid import OverrideDef
from balti_monitor.gui import conflict_dialog
from balti_monitor.gui.override_dialog import OverrideAnswer, OverrideDialog
from balti_monitor.gui.status_grid import DESCRIPTION
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.editing import SetOverride, override_of
from balti_monitor.services.narrative import SaveNarrative, get_narrative
from balti_monitor.services.progress import SaveProgress, action_progress


def show_status_plan(window: Any) -> None:
    make_status_plan()
    window.session.apply(ChangeSet.everything())
    combo = window.period_bar.plan_combo
    combo.setCurrentIndex(combo.findText("Guvernare deschisă (test)"))


@pytest.mark.parametrize("choice", [conflict_dialog.KEEP_MINE, conflict_dialog.TAKE_THEIRS])
def test_progress_saved_by_someone_else_shows_both_texts_and_the_choice(
    window: Any, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    show_status_plan(window)
    select_action(window, "1.1.2")
    page = window.action_page.status_page
    model = page.model
    row = model.row_of(window.session.action_by_code("1.1.2").id)
    shown = model.item(row)
    period = window.session.period.id
    # another person's program saves the same item; this window does not know yet
    SaveProgress(shown.action_id, period, "Text salvat de colegă.", shown.status, shown.links).apply()
    asked: list[list[tuple[str, str, str]]] = []

    def answer(parent: object, title: str, intro: str, pairs: list[tuple[str, str, str]]) -> str:
        asked.append(list(pairs))
        return choice

    monkeypatch.setattr(conflict_dialog, "ask_texts", answer)
    kept = model.setData(model.index(row, DESCRIPTION), "Textul meu.")
    [pairs] = asked
    [(what, theirs, mine)] = pairs
    assert "1.1.2" in what
    assert (theirs, mine) == ("Text salvat de colegă.", "Textul meu.")  # both texts shown
    stored = action_progress(shown.action_id, period).description
    if choice == conflict_dialog.KEEP_MINE:
        assert kept and stored == "Textul meu."
        assert model.index(row, DESCRIPTION).data() == "Textul meu."
        window.undo()  # the undo brings back the colleague's text, not the one this window had read
        assert action_progress(shown.action_id, period).description == "Text salvat de colegă."
    else:
        assert not kept and stored == "Text salvat de colegă."
        assert model.index(row, DESCRIPTION).data() == "Text salvat de colegă."  # the grid read it again
        assert window.session.undo_stack.count() == 0  # nothing was written from here


def test_the_dialog_shows_both_long_texts_scrollable_and_escape_takes_theirs(qtbot: Any) -> None:
    long_theirs = "\n".join(f"Rândul {n} al colegei" for n in range(60))
    dialog = conflict_dialog.TextConflictDialog(
        "Text modificat", "Altcineva a salvat.", [("Rezumat", long_theirs, "Al meu")]
    )
    qtbot.addWidget(dialog)
    [(theirs, mine)] = dialog.texts
    assert isinstance(theirs, QPlainTextEdit) and theirs.isReadOnly()
    assert theirs.toPlainText() == long_theirs and mine.toPlainText() == "Al meu"
    dialog.show()
    qtbot.waitExposed(dialog)
    assert theirs.verticalScrollBar().maximum() > 0  # the long text scrolls in its own box
    dialog.reject()  # Escape / closing the window
    assert dialog.choice == conflict_dialog.TAKE_THEIRS
    dialog.mine_button.click()
    assert dialog.choice == conflict_dialog.KEEP_MINE


@pytest.mark.parametrize("choice", [conflict_dialog.KEEP_MINE, conflict_dialog.TAKE_THEIRS])
def test_a_report_text_saved_by_someone_else_shows_both_texts_and_the_choice(
    window: Any, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    page = window.narrative_page
    window.tabs.setCurrentWidget(page)
    period = window.session.period.id
    read = get_narrative(period)
    # another person's program saves the summary and a signature; this page does not know yet
    SaveNarrative(
        period, replace(read, executive_summary="Rezumatul colegei.", prepared_by_name="Ana Popescu")
    ).apply()
    asked: list[list[tuple[str, str, str]]] = []

    def answer(parent: object, title: str, intro: str, pairs: list[tuple[str, str, str]]) -> str:
        asked.append(list(pairs))
        return choice

    monkeypatch.setattr(conflict_dialog, "ask_texts", answer)
    summary = page.texts["summaryEdit"]
    summary.setPlainText("Rezumatul meu.")
    page.commit()
    [[(what, theirs, mine)]] = asked  # only the summary clashes; the signature was not touched here
    assert what == page.ui.summaryBox.title()
    assert (theirs, mine) == ("Rezumatul colegei.", "Rezumatul meu.")
    stored = get_narrative(period)
    assert stored.prepared_by_name == "Ana Popescu"  # the colleague's other text is kept either way
    if choice == conflict_dialog.KEEP_MINE:
        assert stored.executive_summary == "Rezumatul meu."
        assert page.lines["preparedNameEdit"].text() == "Ana Popescu"  # the page shows what is stored
        window.undo()  # back to the colleague's summary, not to the one this page had read
        assert get_narrative(period).executive_summary == "Rezumatul colegei."
    else:
        assert stored.executive_summary == "Rezumatul colegei."
        assert summary.toPlainText() == "Rezumatul colegei."  # the page read it again
        assert window.session.undo_stack.count() == 0


def test_saves_of_one_text_merge_into_one_step_whose_undo_expects_the_last(window: Any) -> None:
    page = window.narrative_page
    window.tabs.setCurrentWidget(page)
    period = window.session.period.id
    first = get_narrative(period).executive_summary
    summary = page.texts["summaryEdit"]
    for text in ("Rezumat, prima variantă.", "Rezumat, a doua variantă."):
        summary.setPlainText(text)
        page._dirty_field = "executive_summary"  # what typing in the box records
        page.commit()
    assert window.session.undo_stack.count() == 1  # one undo step for the same text
    window.undo()  # expects the second save's text, which is what is stored: no conflict
    assert get_narrative(period).executive_summary == first
    assert summary.toPlainText() == first


@pytest.mark.parametrize("choice", [conflict_dialog.KEEP_MINE, conflict_dialog.TAKE_THEIRS])
def test_a_manual_total_typed_by_someone_else_meanwhile_shows_both_and_the_choice(
    window: Any, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    select_action(window, "1.6")
    page = window.action_page
    period, action = window.session.period.id, window.session.action_by_code("1.6").id
    mine = OverrideDef("4 cazuri", "Aceleași cazuri raportate de două ori", "O. S.")

    def dialog_answer(*args: object) -> OverrideAnswer:
        # while the dialog is open, a colleague types another Total in the same cell
        SetOverride(period, action, 5, OverrideDef("6 cazuri", "din registrul colegei", "Ana")).apply()
        return OverrideAnswer("set", mine)

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, *a: dialog_answer(*a)))
    asked: list[str] = []

    def answer(parent: object, text: str) -> str:
        asked.append(text)
        return choice

    monkeypatch.setattr(conflict_dialog, "ask", answer)
    kept = page.edit_override(5)
    assert len(asked) == 1 and "6 cazuri" in asked[0] and "4 cazuri" in asked[0]  # both shown
    stored = override_of(period, action, 5)
    model = page.model
    if choice == conflict_dialog.KEEP_MINE:
        assert kept and stored.raw_text == "4 cazuri"
        assert model.index(model.total_row, 5).data() == "4 cazuri"
        window.undo()  # back to the colleague's Total, not to the computed one this window had shown
        assert override_of(period, action, 5).raw_text == "6 cazuri"
    else:
        assert not kept and stored.raw_text == "6 cazuri"
        assert model.index(model.total_row, 5).data() == "6 cazuri"  # the grid read it again
        assert window.session.undo_stack.count() == 0

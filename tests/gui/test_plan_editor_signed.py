"""The plan editor on a plan with a signed period: every change asks first, naming the signed period and
saying the signed document stays as signed; "No" (the default) changes nothing; "Yes" is one undo step
whose undo and redo do not ask again."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import select_action, tr
from PySide6.QtWidgets import QMessageBox

from balti_monitor import i18n
from balti_monitor.gui import dialogs
from balti_monitor.gui.dialogs import confirm as real_confirm  # before conftest answers every question No
from balti_monitor.gui.plan_editor import PlanEditor
from balti_monitor.gui.plan_item_dialog import ItemDialog
from balti_monitor.services.plan_fields import ActionFields, fields_of
from balti_monitor.services.signing import sign_period

QUESTION = (
    "Planul este tipărit în rapoartele semnate ale perioadelor: {periods}.\n\nDocumentele semnate rămân cum "
    "au fost semnate (amprenta lor SHA-256 se păstrează), dar un export nou al acestor perioade ar arăta "
    "planul modificat și nu ar mai corespunde semnăturii.\n\nModificați planul?"
)


class Questions:
    """Stands in for QMessageBox.question: records each question and answers ``answer``."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, QMessageBox.StandardButton]] = []
        self.answer = QMessageBox.StandardButton.No

    def __call__(self, parent, title, text, buttons, default) -> QMessageBox.StandardButton:
        self.asked.append((title, text, default))
        return self.answer


def signed_editor(window, qtbot, monkeypatch, tmp_path: Path) -> tuple[PlanEditor, Questions]:
    report = tmp_path / "raport_semnat.docx"
    report.write_bytes(b"raportul semnat")
    sign_period(window.session.period.id, report)
    questions = Questions()
    monkeypatch.setattr(dialogs, "confirm", real_confirm)  # the real Yes/No question, down to QMessageBox
    monkeypatch.setattr(QMessageBox, "question", questions)
    editor = PlanEditor(window.session, window)
    qtbot.addWidget(editor)
    editor.show()
    return editor, questions


def test_editing_a_plan_with_a_signed_period_asks_and_no_changes_nothing(
    window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    editor, questions = signed_editor(window, qtbot, monkeypatch, tmp_path)
    a61 = window.session.action_by_code("6.1")
    old = fields_of("action", a61.id)
    assert isinstance(old, ActionFields)
    renamed = ActionFields(**{**{n: getattr(old, n) for n in old.__slots__}, "title": "Titlu după semnare"})
    monkeypatch.setattr(ItemDialog, "ask", lambda self: renamed)
    assert editor.select("action", a61.id)
    depth = window.session.undo_stack.count()

    editor.edit_button.click()
    editor.up_button.click()
    editor.delete_button.click()
    assert len(questions.asked) == 3  # rename, move, delete: each asked, each answered No
    shown = i18n._("semestrul {number} al anului {year}").format(number="I", year=2023)
    question = tr("PlanEditor", QUESTION).format(periods=f"{shown} (2023-S1)")
    for title, text, default in questions.asked:
        assert title == tr("PlanEditor", "Plan cu perioade semnate")
        assert text == question
        assert default == QMessageBox.StandardButton.No
    assert fields_of("action", a61.id) == old  # nothing changed
    assert window.session.action_by_code("6.1") is not None
    assert window.session.undo_stack.count() == depth  # nothing pushed


def test_yes_edits_the_plan_in_one_undo_step_that_does_not_ask_again(
    window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    editor, questions = signed_editor(window, qtbot, monkeypatch, tmp_path)
    a61 = window.session.action_by_code("6.1")
    old = fields_of("action", a61.id)
    assert isinstance(old, ActionFields)
    renamed = ActionFields(**{**{n: getattr(old, n) for n in old.__slots__}, "title": "Titlu după semnare"})
    monkeypatch.setattr(ItemDialog, "ask", lambda self: renamed)
    assert editor.select("action", a61.id)
    questions.answer = QMessageBox.StandardButton.Yes
    editor.edit_button.click()
    assert len(questions.asked) == 1
    assert window.session.action_by_code("6.1").title == "Titlu după semnare"
    window.undo()
    assert window.session.action_by_code("6.1").title == old.title
    window.redo()
    assert window.session.action_by_code("6.1").title == "Titlu după semnare"
    assert len(questions.asked) == 1  # undo and redo did not ask again (nor fail)


def test_editing_the_action_shown_from_the_plan_menu_asks_too(
    window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    select_action(window, "2.2")
    editor, questions = signed_editor(window, qtbot, monkeypatch, tmp_path)
    editor.close()
    old = fields_of("action", window.session.action_by_code("2.2").id)
    assert isinstance(old, ActionFields)
    filled = ActionFields("2.2", "Titlul acțiunii 2.2", old.deadline, old.responsible_text, False, False)
    monkeypatch.setattr(ItemDialog, "ask", lambda self: filled)
    assert not window.plan_actions.edit_current_action()  # "No": nothing written
    assert len(questions.asked) == 1 and window.session.action_by_code("2.2").title == old.title
    questions.answer = QMessageBox.StandardButton.Yes
    assert window.plan_actions.edit_current_action()
    assert window.session.action_by_code("2.2").title == "Titlul acțiunii 2.2"

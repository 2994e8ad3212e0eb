"""Plan → Adaugă un plan exemplu…: the examples listed with their descriptions, a confirmation, and the plan
selector switching to the plan added."""

from __future__ import annotations

from gui_helpers import ModalDriver, tr
from PySide6.QtWidgets import QApplication, QDialog

from balti_monitor.gui import dialogs, plan_actions
from balti_monitor.gui.examples_dialog import ExamplesDialog
from balti_monitor.services.examples import list_examples


def test_the_dialog_lists_every_example_with_its_description_and_greys_those_in_the_file(qtbot) -> None:
    examples = list_examples()
    assert len(examples) >= 3
    dialog = ExamplesDialog(examples, {examples[0].plan_code}, None)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(examples)
    for row, example in enumerate(examples):
        text = dialog.list.item(row).text()
        assert example.plan_title in text and example.description in text
    assert dialog.list.item(0).text().endswith("\n" + tr("ExamplesDialog", "(este deja în acest fișier)"))
    assert all(
        tr("ExamplesDialog", "(este deja în acest fișier)") not in dialog.list.item(r).text() for r in (1, 2)
    )
    assert dialog.list.currentRow() == 1  # the first one not in the file is preselected
    assert dialog.chosen() == examples[1]
    dialog.list.setCurrentRow(0)
    assert dialog.chosen() is None  # already in the file: cannot be added again


def test_adding_an_example_asks_then_shows_the_new_plan(window, monkeypatch) -> None:
    from test_plan_selector import add_second_plan

    example = list_examples()[2]
    questions: list[str] = []
    monkeypatch.setattr(ExamplesDialog, "ask", classmethod(lambda cls, ex, present, parent: example))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: questions.append(text) or False)
    assert window.plan_actions.add_example() is None  # "No": nothing loaded
    question = tr(
        "PlanActions",
        "Adăugați în fișierul deschis planul exemplu „{title}”?\n\n{description}\n\nPlanurile existente "
        "și datele lor rămân neschimbate. Înainte se face o copie automată (Fișier → Copii automate); "
        "adăugarea nu se anulează cu Ctrl+Z.",
    )
    assert questions == [question.format(title=example.plan_title, description=example.description)]
    assert example.plan_title in questions[0]
    assert len(window.session.plans()) == 1

    loaded: list[str] = []

    def load(name: str):
        loaded.append(name)
        from balti_monitor.services.changes import ChangeSet

        return add_second_plan(window), ChangeSet.everything()

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(plan_actions, "load_example", load)
    plan_id = window.plan_actions.add_example()
    QApplication.processEvents()
    assert loaded == [example.name]
    assert window.session.plan.id == plan_id
    assert window.period_bar.plan_combo.currentText() == "Al doilea plan"


def test_the_menu_entry_opens_the_list(window) -> None:
    seen: list[int] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, ExamplesDialog)
        seen.append(dialog.list.count())
        dialog.reject()

    driver = ModalDriver(look)
    window.plan_actions.examples_action.trigger()
    driver.check()
    assert seen == [len(list_examples())]
    assert len(window.session.plans()) == 1


def test_the_open_government_example_is_added_from_the_menu_with_its_status_grid(window, monkeypatch) -> None:
    from balti_monitor.services.periods import key_of

    example = next(e for e in list_examples() if e.name == "guvernare-deschisa-2019-2020")
    monkeypatch.setattr(ExamplesDialog, "ask", classmethod(lambda cls, ex, present, parent: example))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    plan_id = window.plan_actions.add_example()
    QApplication.processEvents()
    session = window.session
    assert plan_id is not None and session.plan.id == plan_id
    assert session.plan.code == example.plan_code
    assert key_of(session.period).code == "2020-S1"
    assert any(a.parent_id is not None for a in session.actions())  # sub-actions in the tree
    page = window.action_page
    assert page.stack.currentWidget() is page.status_page
    model = page.status_page.model
    statuses = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert {"Realizată", "În proces de realizare"} <= statuses
    assert window.period_bar.plan_combo.currentIndex() == window.period_bar.plan_combo.count() - 1

"""The status-per-item grid (plans whose progress is per action, seed 004): status picked from the kind's
vocabulary, narrative on several lines, links in their dialog; each an undo step; raw text kept."""

from __future__ import annotations

from gui_helpers import press, select_action, tr
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit
from status_plan import make_status_plan

from balti_monitor.gui.status_grid import DESCRIPTION, LINKS, STATUS, LinksDialog
from balti_monitor.gui.tree_model import MARK_ROLE
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.item_progress import item_progress
from balti_monitor.services.progress import Link, SaveProgress


def show_status_plan(window):
    plan = make_status_plan()
    window.session.apply(ChangeSet.everything())
    combo = window.period_bar.plan_combo
    combo.setCurrentIndex(combo.findText("Guvernare deschisă (test)"))
    QApplication.processEvents()
    assert window.session.plan.id == plan.plan_id
    return plan


def row(window, code: str):
    return next(r for r in item_progress(window.session.period.id) if r.code == code)


def test_the_status_grid_replaces_the_subdivision_grid_and_passes_the_model_tester(
    qtmodeltester, window
) -> None:
    page = window.action_page
    assert page.stack.currentWidget() is page.splitter  # the Bălți plan: the per-subdivision grid
    show_status_plan(window)
    select_action(window, "1.1.2")
    status = page.status_page
    assert page.stack.currentWidget() is status
    model = status.model
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["1.1", "1.1.1", "1.1.2", "1.2"]
    assert status.view.currentIndex().row() == 2  # the item chosen in the tree
    assert model.index(1, STATUS).data() == "Realizată"
    assert "Raport (https://gov.md/raport)" in model.index(1, LINKS).data()
    assert "Instruirea funcționarilor" in status.header.text
    tree = window.plan_panel.model
    done = tree.index_of_action(window.session.action_by_code("1.1.1").id)
    assert tr("Marks", "Status: {status}").format(status="Realizată") in done.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert done.data(MARK_ROLE) == "complete"
    missing = tree.index_of_action(window.session.action_by_code("1.2").id)
    assert tr("Marks", "!: statusul lipsește pentru această perioadă.") in missing.data(
        Qt.ItemDataRole.ToolTipRole
    )
    status.view.setCurrentIndex(model.index(3, STATUS))  # moving in the grid moves the tree
    QApplication.processEvents()
    assert window.plan_panel.current_action() == window.session.action_by_code("1.2").id


def test_a_status_is_picked_from_the_vocabulary_and_undo_brings_the_old_one_back(window) -> None:
    show_status_plan(window)
    select_action(window, "1.1.2")
    view = window.action_page.status_page.view
    index = view.model().index(2, STATUS)
    view.setCurrentIndex(index)
    press(view, Qt.Key.Key_Return)
    combo = view.delegate.editor
    assert isinstance(combo, QComboBox)
    words = [combo.itemText(i) for i in range(combo.count())]
    assert words == [
        tr("StatusDelegate", "(fără status)"),
        "Realizată",
        "În proces de realizare",
        "Inițiată",
        "Neinițiată",
        "Nerealizată",
    ]
    assert combo.currentText() == "În proces de realizare"
    combo.setCurrentIndex(words.index("Realizată"))
    view.delegate.finish_editing()
    QApplication.processEvents()
    assert (row(window, "1.1.2").status, row(window, "1.1.2").meaning) == ("Realizată", "done")
    assert view.model().index(2, STATUS).data() == "Realizată"
    window.undo()
    assert row(window, "1.1.2").status == "În proces de realizare"
    assert view.model().index(2, STATUS).data() == "În proces de realizare"


def test_a_status_written_otherwise_is_kept_until_another_is_picked(window) -> None:
    show_status_plan(window)
    period = window.session.period.id
    a12 = window.session.action_by_code("1.2").id
    window.session.apply(SaveProgress(a12, period, "", "Amânată pentru 2021").apply())
    select_action(window, "1.2")
    view = window.action_page.status_page.view
    model = view.model()
    assert model.index(3, STATUS).data() == "Amânată pentru 2021"
    unknown = tr(
        "StatusGridModel", "„{status}” nu este un status al planului; se păstrează cum a fost scris."
    )
    assert unknown.format(status="Amânată pentru 2021") in model.index(3, STATUS).data(
        Qt.ItemDataRole.ToolTipRole
    )
    view.setCurrentIndex(model.index(3, STATUS))
    press(view, Qt.Key.Key_F2)
    combo = view.delegate.editor
    assert combo.itemText(0) == "Amânată pentru 2021" and combo.currentIndex() == 0
    view.delegate.finish_editing()  # left as it was: nothing written
    assert window.session.undo_stack.count() == 0
    assert row(window, "1.2").status == "Amânată pentru 2021"


def test_the_narrative_is_edited_on_several_lines(window) -> None:
    show_status_plan(window)
    select_action(window, "1.2")
    view = window.action_page.status_page.view
    view.setCurrentIndex(view.model().index(3, DESCRIPTION))
    press(view, Qt.Key.Key_Return)
    editor = view.delegate.editor
    assert isinstance(editor, QPlainTextEdit)
    editor.setPlainText("Primul rând\nAl doilea rând")
    view.delegate.finish_editing()
    assert row(window, "1.2").description == "Primul rând\nAl doilea rând"
    window.undo()
    assert row(window, "1.2").description == ""


def test_links_are_edited_in_their_dialog_as_one_undo_step(window, monkeypatch) -> None:
    show_status_plan(window)
    select_action(window, "1.1.1")
    view = window.action_page.status_page.view
    new = (Link("https://date.gov.md", "https://date.gov.md"), Link("Ordinul", "https://gov.md/ordin"))
    seen: list[tuple[Link, ...]] = []
    monkeypatch.setattr(
        LinksDialog, "ask", classmethod(lambda cls, title, links, parent: seen.append(links) or new)
    )
    view.setCurrentIndex(view.model().index(1, LINKS))
    press(view, Qt.Key.Key_Return)
    assert seen[0][1] == Link("Raport", "https://gov.md/raport")
    assert row(window, "1.1.1").links == new
    window.undo()
    assert row(window, "1.1.1").links == seen[0]


def test_the_links_dialog_refuses_a_link_without_address(qtbot) -> None:
    dialog = LinksDialog("1.1.1", (Link("Raport", "https://gov.md/raport"),))
    qtbot.addWidget(dialog)
    dialog.add_row()
    dialog.table.item(1, 0).setText("Fără adresă")
    dialog._accept()
    assert "adresă" in dialog.error.text() and dialog.result() != 1
    dialog.table.item(1, 1).setText("https://x.md")
    assert dialog.links() == (Link("Raport", "https://gov.md/raport"), Link("Fără adresă", "https://x.md"))
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_row()
    assert dialog.links() == (Link("Fără adresă", "https://x.md"),)


def test_a_kind_without_statuses_hides_the_status_column_and_flags_nothing(window) -> None:
    from balti_monitor.db.models import Plan

    plan = make_status_plan()
    Plan.update(kind="program").where(Plan.id == plan.plan_id).execute()  # seed 002: results, no status
    window.session.apply(ChangeSet.everything())
    combo = window.period_bar.plan_combo
    combo.setCurrentIndex(combo.findText("Guvernare deschisă (test)"))
    QApplication.processEvents()
    select_action(window, "1.2")
    view = window.action_page.status_page.view
    assert window.action_page.stack.currentWidget() is window.action_page.status_page
    assert view.isColumnHidden(STATUS) and not view.isColumnHidden(DESCRIPTION)
    tree = window.plan_panel.model
    empty = tree.index_of_action(window.session.action_by_code("1.2").id)
    assert empty.data(MARK_ROLE) == "empty" and "!" not in empty.data(Qt.ItemDataRole.ToolTipRole)
    written = tree.index_of_action(window.session.action_by_code("1.1.2").id)
    assert written.data(MARK_ROLE) == "complete"


def test_a_plan_reported_per_item_without_periods_still_shows_its_items_header(window) -> None:
    from balti_monitor.services.examples import load_example

    plan_id, changes = load_example("integritate-baltati")  # seed 001: a plan, no period yet
    window.session.apply(changes)
    window.session.set_plan(plan_id)
    QApplication.processEvents()
    assert window.session.period is None
    first = window.session.actions()[0]
    window.plan_panel.select_action(first.id)
    QApplication.processEvents()
    page = window.action_page
    assert page.stack.currentWidget() is page.status_page
    assert first.shown_title[:30] in page.status_page.header.text
    no_period = tr("StatusPage", "Nu există încă nicio perioadă de raportare: creați-o cu „Perioadă nouă…”.")
    assert page.status_page.hint.text() == no_period
    assert page.status_page.model.rowCount() == 0

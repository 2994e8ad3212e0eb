"""A follow-up comment added on the grid's current cell: the teal corner mark, the period's list, resolved
and reopened as undo steps, a double click back to the cell."""

from __future__ import annotations

from gui_helpers import select_action
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from balti_monitor.gui.grid_delegate import FOLLOWUP_COLOUR


def _corner_colour(window: object, index: object) -> QColor:
    view = window.action_page.view  # type: ignore[attr-defined]
    rect = view.visualRect(index)
    image = view.viewport().grab(rect).toImage()
    return QColor(image.pixel(1, 1))


def test_a_follow_up_marks_its_cell_is_listed_and_resolved(window: object) -> None:
    from balti_monitor.db.models import Subdivision  # test-side lookup of the id only

    select_action(window, "1.13")
    page = window.action_page  # type: ignore[attr-defined]
    ds = Subdivision.get(Subdivision.code == "DS").id
    index = page.model.index(page.model.row_of_subdivision(ds), 1)
    page.view.setCurrentIndex(index)
    page.view.scrollTo(index)
    QApplication.processEvents()
    assert _corner_colour(window, index) != FOLLOWUP_COLOUR
    assert page.add_comment("de clarificat: 7 sau 8 acte?")
    QApplication.processEvents()
    assert (ds, 1) in page.model.followups
    page.view.clearSelection()
    page.view.setCurrentIndex(page.model.index(0, 0))
    QApplication.processEvents()
    assert _corner_colour(window, index) == FOLLOWUP_COLOUR
    dialog = window.signing_actions.show_followups()  # type: ignore[attr-defined]
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "1.13 / DS / indicatorul 1"
    assert dialog.set_resolved(0, True)
    assert (ds, 1) not in page.model.followups and dialog.table.rowCount() == 0
    window.session.undo_stack.undo()  # type: ignore[attr-defined]
    dialog.reload()
    assert dialog.table.rowCount() == 1 and (ds, 1) in page.model.followups
    select_action(window, "1.1")
    assert dialog.open_cell(0)
    assert window.plan_panel.current_action() == window.session.action_by_code("1.13").id  # type: ignore[attr-defined]

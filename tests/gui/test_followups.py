"""A follow-up comment added on the grid's current cell: the teal corner mark, the period's list, resolved
and reopened as undo steps, a double click back to the cell."""

from __future__ import annotations

from gui_helpers import select_action
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from balti_monitor import i18n
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
    assert dialog.table.item(0, 1).text() == "1.13 / DS / " + i18n._("indicatorul {number}").format(number=1)
    assert dialog.set_resolved(0, True)
    assert (ds, 1) not in page.model.followups and dialog.table.rowCount() == 0
    window.session.undo_stack.undo()  # type: ignore[attr-defined]
    dialog.reload()
    assert dialog.table.rowCount() == 1 and (ds, 1) in page.model.followups
    select_action(window, "1.1")
    assert dialog.open_cell(0)
    assert window.plan_panel.current_action() == window.session.action_by_code("1.13").id  # type: ignore[attr-defined]


def test_a_follow_up_on_a_total_is_marked_on_the_pinned_total_row(window: object) -> None:
    """The Total row is shown by the pinned view under the grid (the grid hides its own): the mark of an
    open follow-up on a Total cell must appear there, at once, and go when it is resolved."""
    select_action(window, "1.13")
    page = window.action_page  # type: ignore[attr-defined]
    pinned = page.total_view
    index = page.model.index(page.model.total_row, 1)

    def corner() -> QColor:
        rect = pinned.visualRect(index)
        assert rect.isValid() and rect.width() > 2
        return QColor(pinned.viewport().grab(rect).toImage().pixel(1, 1))  # the widest edge of the mark

    page.view.setCurrentIndex(index)
    QApplication.processEvents()
    assert corner() != FOLLOWUP_COLOUR
    assert page.add_comment("de clarificat: totalul include și actele din 2023?")
    assert (0, 1) in page.model.followups
    page.view.clearSelection()
    page.view.setCurrentIndex(page.model.index(0, 0))  # the Total cell no longer selected
    QApplication.processEvents()
    assert corner() == FOLLOWUP_COLOUR  # not hidden under the rule drawn above the Total row
    window.session.undo_stack.undo()  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert (0, 1) not in page.model.followups
    assert corner() != FOLLOWUP_COLOUR

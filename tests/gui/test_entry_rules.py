"""Entry that never miscounts and never loses a keystroke (issue 11): F/B editor, keyboard, hatched cells,
long values, why a subdivision is in arrears, findings that go away."""

from __future__ import annotations

from gui_helpers import press, select_action, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from balti_monitor.db.models import Subdivision
from balti_monitor.domain.checks import FindingCode
from balti_monitor.gui.cell_editors import GenderSplitEditor
from balti_monitor.gui.grid_model import FINDINGS_ROLE
from balti_monitor.services.editing import cell_text

DRU = "Direcția resurse umane"


def _sid(name: str) -> int:
    return int(Subdivision.get(Subdivision.name == name).id)


def _stored(window, code: str, name: str, column: int) -> str | None:
    info = window.session.action_by_code(code)
    return cell_text(window.session.period, info.id, _sid(name), column)


def keys(*items: object) -> None:
    """Type as a keyboard does: every key goes to the widget that has the focus at that moment."""
    for item in items:
        focus = QApplication.focusWidget()
        assert focus is not None, "the keyboard focus went nowhere: what is typed now is lost"
        if isinstance(item, str):
            for ch in item:
                type_text(QApplication.focusWidget(), ch)
                QApplication.processEvents()
        else:
            press(focus, item)  # type: ignore[arg-type]


def _focused_grid(window, qtbot, code: str, row_name: str, column: int):
    window.activateWindow()
    select_action(window, code)
    view = window.action_page.view
    model = window.action_page.model
    row = model.row_of_subdivision(_sid(row_name))
    view.setFocus()
    view.setCurrentIndex(model.index(row, column))
    qtbot.waitUntil(view.hasFocus)
    return view, model, row


# -- item 5: keyboard entry on F/B cells ----------------------------------------------------------------------


def test_fb_cell_tab_walks_value_f_b_then_exactly_one_cell_right(window, qtbot) -> None:
    view, _model, row = _focused_grid(window, qtbot, "1.2", DRU, 1)  # 1.2 indicator 1 is F/B
    keys("5", Qt.Key.Key_Tab, "3", Qt.Key.Key_Tab, "2", Qt.Key.Key_Tab)
    assert _stored(window, "1.2", DRU, 1) == "5 (3F/2B)"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, 2)  # Indicator 2, not 3
    assert QApplication.focusWidget() is view
    keys("7", Qt.Key.Key_Return)  # what is typed next lands in the next cell
    assert _stored(window, "1.2", DRU, 2) == "7"


def test_fb_cell_enter_from_a_box_commits_and_moves_straight_down(window, qtbot) -> None:
    view, model, row = _focused_grid(window, qtbot, "1.2", DRU, 1)
    keys("4", Qt.Key.Key_Tab, "1", Qt.Key.Key_Tab, "3", Qt.Key.Key_Return)
    assert _stored(window, "1.2", DRU, 1) == "4 (1F/3B)"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row + 1, 1)
    assert QApplication.focusWidget() is view
    view.setCurrentIndex(model.index(row, 1))
    keys("9", Qt.Key.Key_Tab, Qt.Key.Key_Return)  # Enter from the F box
    assert _stored(window, "1.2", DRU, 1) == "9"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row + 1, 1)
    assert QApplication.focusWidget() is view


def test_fb_cell_escape_cancels_and_keeps_the_keyboard_in_the_grid(window, qtbot) -> None:
    view, _model, row = _focused_grid(window, qtbot, "1.2", DRU, 1)
    before = _stored(window, "1.2", DRU, 1)
    keys("8", Qt.Key.Key_Tab, "2", Qt.Key.Key_Escape)
    assert _stored(window, "1.2", DRU, 1) == before
    assert view.delegate.current_editor is None
    assert QApplication.focusWidget() is view
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, 1)


# -- item 3: the F/B editor shows what was typed ----------------------------------------------------------------


def test_fb_editor_shows_the_typed_split_and_a_contradiction_is_a_finding(window, qtbot) -> None:
    view, model, row = _focused_grid(window, qtbot, "1.2", DRU, 1)
    assert model.setData(model.index(row, 1), "10")
    keys(Qt.Key.Key_F2)
    editor = view.delegate.current_editor
    assert isinstance(editor, GenderSplitEditor)
    keys(" (3F/4B)")
    assert (editor.women.value(), editor.men.value()) == (3, 4)  # what was typed, not 6/4
    assert "≠ 10" in editor.sum_label.text()
    keys(Qt.Key.Key_Return)
    assert _stored(window, "1.2", DRU, 1) == "10 (3F/4B)"  # stored as typed, never "fixed"
    messages = model.index(row, 1).data(FINDINGS_ROLE)
    assert any("F + B = 7" in m for m in messages)
    findings = window.action_page.model.result.findings
    assert any(f.code == FindingCode.FB_MISMATCH and f.indicator == 1 for f in findings)


def test_fb_editor_boxes_write_the_split_into_the_value_shown(window, qtbot) -> None:
    view, model, row = _focused_grid(window, qtbot, "1.2", DRU, 1)
    assert model.setData(model.index(row, 1), "10")
    keys(Qt.Key.Key_F2, Qt.Key.Key_Tab, "6", Qt.Key.Key_Tab, "4")
    editor = view.delegate.current_editor
    assert isinstance(editor, GenderSplitEditor)
    assert editor.value_edit.text() == "10 (6F/4B)"  # the value shows what will be stored
    keys(Qt.Key.Key_Return)
    assert _stored(window, "1.2", DRU, 1) == "10 (6F/4B)"

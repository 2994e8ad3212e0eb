"""Editing the grid as the specialist does: typing, Enter/Tab, paste, delete, undo/redo, refusals."""

from __future__ import annotations

from gui_helpers import press, select_action, tr, type_text
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from balti_monitor.db.models import Subdivision
from balti_monitor.gui.cell_editors import DescriptionEditor, GenderSplitEditor, ValueEditor
from balti_monitor.gui.grid_model import KIND_ROLE, CellKind
from balti_monitor.gui.tree_model import MARK_ROLE
from balti_monitor.services.editing import cell_text


def _sid(name: str) -> int:
    return int(Subdivision.get(Subdivision.name == name).id)


DRU = "Direcția resurse umane"
DRP = "Direcția relații cu publicul"


def _stored(window, code: str, name: str, column: int) -> str | None:
    info = window.session.action_by_code(code)
    return cell_text(window.session.period, info.id, _sid(name), column)


def _tree_mark(window, code: str) -> str:
    info = window.session.action_by_code(code)
    return window.plan_panel.model.index_of_action(info.id).data(MARK_ROLE)


def test_editing_a_value_updates_the_total_row_and_the_tree_mark(window, qtbot) -> None:
    select_action(window, "1.6")
    model = window.action_page.model
    total = model.total_row
    drp = model.row_of_subdivision(_sid(DRP))
    assert model.index(total, 5).data() == "0 cazuri"
    assert _tree_mark(window, "1.6") == "complete"

    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(drp, 5), "2 cazuri")
    assert model.index(total, 5).data() == "2 cazuri"  # 0 (DRU) + 2 (DRP), computed at once
    assert _stored(window, "1.6", DRP, 5) == "2 cazuri"  # committed without any "Save"

    assert model.setData(model.index(drp, 4), "")  # DRP now misses an indicator it answers
    assert model.index(drp, 4).data(KIND_ROLE) == CellKind.MISSING.value
    assert _tree_mark(window, "1.6") == "arrears"
    counts = model.index(total, 0).data()
    assert "restanțe la anumiți indicatori – 1 (Direcția relații cu publicul)" in counts


def test_typing_with_diacritics_enter_moves_down_and_ctrl_enter_commits_a_description(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(dru, 5))
    type_text(view, "3")  # typing starts editing and replaces the cell
    editor = view.delegate.current_editor
    assert isinstance(editor, ValueEditor)
    type_text(editor, " cazuri soluționate în ședință")
    press(editor, Qt.Key.Key_Return)
    assert _stored(window, "1.6", DRU, 5) == "3 cazuri soluționate în ședință"
    assert view.currentIndex().row() == dru + 1 and view.currentIndex().column() == 5  # Enter moved down

    view.setCurrentIndex(model.index(dru, 0))
    type_text(view, "Ș")
    editor = view.delegate.current_editor
    assert isinstance(editor, DescriptionEditor)
    type_text(editor, "edințe de instruire")
    press(editor, Qt.Key.Key_Return)  # Enter: a new line inside the description
    type_text(editor, "țintă: 12 angajați")
    assert view.state() == QAbstractItemView.State.EditingState
    press(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, "1.6", DRU, 0) == "Ședințe de instruire\nțintă: 12 angajați"


def test_tab_commits_and_moves_right_and_f2_keeps_the_text(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(dru, 2))
    press(view, Qt.Key.Key_F2)
    editor = view.delegate.current_editor
    assert isinstance(editor, ValueEditor)
    assert editor.text() == "1 persoană" and not editor.hasSelectedText()
    type_text(editor, " desemnată")
    press(editor, Qt.Key.Key_Tab)
    assert _stored(window, "1.6", DRU, 2) == "1 persoană desemnată"
    assert view.currentIndex().column() == 3


def test_typed_text_is_stored_verbatim_cedilla_and_spaces_included(window) -> None:
    select_action(window, "1.6")
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    assert model.setData(model.index(dru, 0), " şedinţe și ședințe ")
    assert _stored(window, "1.6", DRU, 0) == " şedinţe și ședințe "
    assert model.setData(model.index(dru, 1), "   ")  # blank clears the cell
    assert _stored(window, "1.6", DRU, 1) in (None, "")


def test_an_invalid_edit_is_refused_visibly_and_nothing_is_stored(window, qtbot, ui_language) -> None:
    select_action(window, "1.6")
    model = window.action_page.model
    view = window.action_page.view
    dru = model.row_of_subdivision(_sid(DRU))
    before = _stored(window, "1.6", DRU, 5)
    steps = window.session.undo_stack.count()
    with qtbot.waitSignal(model.refused) as refused:
        assert not model.setData(model.index(dru, 5), "-5 cazuri")
    assert refused.args[2] and (ui_language != "ro" or "negativă" in refused.args[2])
    assert _stored(window, "1.6", DRU, 5) == before
    assert window.session.undo_stack.count() == steps
    assert refused.args[2] in window.statusBar().currentMessage()  # the same refusal in the status bar
    QApplication.processEvents()
    # The editor reopens with what was typed, so the user corrects instead of retyping.
    assert view.state() == QAbstractItemView.State.EditingState
    assert view.delegate.current_editor.text() == "-5 cazuri"


def test_paste_of_a_block_is_one_undo_step(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    drp = model.row_of_subdivision(_sid(DRP))
    old = {(r, c): model.index(r, c).data() for r in (dru, drp) for c in (4, 5)}
    view.setCurrentIndex(model.index(dru, 4))
    steps = window.session.undo_stack.count()
    QApplication.clipboard().setText("1 caz\t2 cazuri\r\n3 cazuri\t4 cazuri\r\n")  # as Excel puts it
    press(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window, "1.6", DRU, 4) == "1 caz"
    assert _stored(window, "1.6", DRU, 5) == "2 cazuri"
    assert _stored(window, "1.6", DRP, 4) == "3 cazuri"
    assert _stored(window, "1.6", DRP, 5) == "4 cazuri"
    assert model.index(model.total_row, 5).data() == "6 cazuri"
    assert window.session.undo_stack.count() == steps + 1
    window.undo()
    assert {(r, c): model.index(r, c).data() for r in (dru, drp) for c in (4, 5)} == old
    window.redo()
    assert _stored(window, "1.6", DRP, 5) == "4 cazuri"


def test_paste_of_a_multiline_excel_cell_and_over_the_total_row(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    drp = model.row_of_subdivision(_sid(DRP))
    view.setCurrentIndex(model.index(drp, 0))
    assert view.paste('"Primul rând\nal doilea ""citat""\tx"\n')
    assert _stored(window, "1.6", DRP, 0) == 'Primul rând\nal doilea "citat"\tx'
    view.setCurrentIndex(model.index(drp, 6))
    assert view.paste("7\n8\n")  # the second value would land on the Total row: ignored
    assert _stored(window, "1.6", DRP, 6) == "7"
    ignored = "%n valori nu au încăput sau cad pe rândul Total și au fost ignorate."
    assert tr("GridView", ignored, 1) in window.statusBar().currentMessage()


def test_copy_gives_tab_separated_text(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    view.selectionModel().select(
        QItemSelection(model.index(dru, 1), model.index(dru, 3)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    press(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "1 registru\t1 persoană\t1 caz\n"


def test_delete_clears_the_selection_as_one_step(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(dru, 4))
    view.selectionModel().select(
        QItemSelection(model.index(dru, 4), model.index(dru + 1, 6)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    steps = window.session.undo_stack.count()
    press(view, Qt.Key.Key_Delete)
    assert _stored(window, "1.6", DRU, 4) is None and _stored(window, "1.6", DRP, 6) is None
    assert window.session.undo_stack.count() == steps + 1
    window.undo()
    assert _stored(window, "1.6", DRU, 4) == "0 cazuri" and _stored(window, "1.6", DRP, 6) == "0"


def test_undo_and_redo_of_an_edit_on_another_action_bring_it_back_into_view(window) -> None:
    select_action(window, "1.6")
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    assert model.setData(model.index(dru, 3), "5 cazuri")
    assert "1.6" in window.undo_action.text()
    select_action(window, "2.2")
    window.undo()
    assert window.action_page.model.result.grid.code == "1.6"  # the grid of the undone edit is shown
    assert _stored(window, "1.6", DRU, 3) == "1 caz"
    assert window.action_page.view.currentIndex().row() == dru
    assert window.action_page.view.currentIndex().column() == 3
    window.redo()
    assert _stored(window, "1.6", DRU, 3) == "5 cazuri"


def test_undo_of_the_first_value_of_a_return_restores_no_return(window) -> None:
    select_action(window, "1.5")
    model = window.action_page.model
    drp = model.row_of_subdivision(_sid(DRP))
    assert drp >= 0 and not model.row_head(drp).has_return
    assert model.setData(model.index(drp, 1), "1 persoană")
    assert model.row_head(drp).has_return
    window.undo()
    assert not model.row_head(drp).has_return


def test_women_men_editor_writes_the_split(window) -> None:
    select_action(window, "1.2")  # indicator 1 is reported by sex (F/B)
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(dru, 1))
    press(view, Qt.Key.Key_F2)
    editor = view.delegate.current_editor
    assert isinstance(editor, GenderSplitEditor)
    editor.value_edit.setText("3 cazuri")
    editor.women.setValue(2)
    editor.men.setValue(1)
    assert editor.sum_label.text() == "= 3"
    press(editor.value_edit, Qt.Key.Key_Return)
    assert _stored(window, "1.2", DRU, 1) == "3 cazuri (2F/1B)"
    split = tr("GridModel", "Femei: {f} · Bărbați: {b}").format(f=2, b=1)
    assert split in model.index(dru, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_typing_over_the_total_row_explains_how_to_override(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    view.setCurrentIndex(model.index(model.total_row, 2))
    type_text(view, "5")
    assert view.state() != QAbstractItemView.State.EditingState
    explained = "Rândul Total se calculează automat. Pentru a-l scrie manual apăsați F2 sau dublu-clic (se cere motivul)."
    assert window.statusBar().currentMessage() == tr("GridView", explained)


def test_clicking_a_finding_selects_its_cell(window, qtbot) -> None:
    select_action(window, "1.1")
    findings = window.action_page.findings
    first = findings.model.finding(0)
    assert first.subdivision == DRU and first.indicator == 1
    rect = findings.list.visualRect(findings.model.index(0, 0))
    qtbot.mouseClick(findings.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = window.action_page.view.currentIndex()
    assert current.column() == 1
    assert window.action_page.model.row_head(current.row()).name == DRU


def test_an_open_editor_is_saved_when_another_action_is_chosen(window) -> None:
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(dru, 6))
    type_text(view, "4")
    type_text(view.delegate.current_editor, " cazuri soluționate")
    select_action(window, "2.2")  # no Enter: the text typed is not lost
    assert _stored(window, "1.6", DRU, 6) == "4 cazuri soluționate"


def test_an_open_editor_is_saved_before_the_period_changes(window, monkeypatch) -> None:
    from balti_monitor.gui import dialogs

    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: True)
    select_action(window, "1.6")
    view = window.action_page.view
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    view.setCurrentIndex(model.index(dru, 0))
    type_text(view, "D")
    type_text(view.delegate.current_editor, "escriere nouă")
    period = window.session.period
    assert window.period_bar.create_next_period()
    info = window.session.action_by_code("1.6")
    assert cell_text(period, info.id, _sid(DRU), 0) == "Descriere nouă"

"""Entry that never miscounts and never loses a keystroke (issue 11): F/B editor, keyboard, hatched cells,
long values, why a subdivision is in arrears, findings that go away."""

from __future__ import annotations

from gui_helpers import press, select_action, tr, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from balti_monitor.db.models import Subdivision
from balti_monitor.domain.checks import FindingCode
from balti_monitor.domain.totals import Shortfall
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


def test_fb_editor_shows_the_typed_split_and_a_contradiction_is_a_finding(window, qtbot, ui_language) -> None:
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
    assert any("7" in m for m in messages)
    assert ui_language != "ro" or any("F + B = 7" in m for m in messages)
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


# -- item 1: hatched cells (the subdivision does not answer the indicator) ------------------------------------

DSP = "Direcția-serviciul de presă"  # answers only indicator 5 of action 1.1


def _answers(window, code: str, name: str) -> set[int]:
    from balti_monitor.services.applicability import period_state

    info = window.session.action_by_code(code)
    return {
        n
        for sid, numbers in period_state(window.session.period, info.id)
        for n in numbers
        if sid == _sid(name)
    }


def _total(window, code: str, number: int) -> str:
    model = window.action_page.model
    select_action(window, code)
    return model.index(model.total_row, number).data()


HATCHED_QUESTION = "{name} nu răspunde de indicatorul {n}. O includeți de acum înainte?\n\nDa: răspunde de indicatorul {n} de la perioada aceasta înainte (perioadele anterioare rămân cum sunt) și valoarea se salvează. Nu: nu se scrie nimic."
HATCHED_SKIPPED = (
    "%n valori cad pe celule hașurate (subdiviziunea nu răspunde de acel indicator) și au fost sărite."
)
LONG_VALUE_QUESTION = "Valoarea are %n caractere: valorile sunt scurte; textul lung merge în descriere.\n\nO păstrați totuși așa?"


def test_typing_into_a_hatched_cell_asks_and_no_writes_nothing(window, monkeypatch) -> None:
    from balti_monitor.gui import dialogs

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)
    before = _total(window, "1.1", 2)
    model = window.action_page.model
    dsp = model.row_of_subdivision(_sid(DSP))
    assert not model.setData(model.index(dsp, 2), "3 concursuri")
    assert asked == [tr("GridModel", HATCHED_QUESTION).format(name="Direcția-serviciul de presă", n=2)]
    assert _stored(window, "1.1", DSP, 2) == "-"  # nothing written
    assert model.index(model.total_row, 2).data() == before
    assert 2 not in _answers(window, "1.1", DSP)


def test_typing_into_a_hatched_cell_yes_includes_it_from_now_on_in_one_undo_step(window, monkeypatch) -> None:
    from balti_monitor.gui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    before = _total(window, "1.1", 2)
    assert before == "17 concursuri"
    model = window.action_page.model
    dsp = model.row_of_subdivision(_sid(DSP))
    assert model.setData(model.index(dsp, 2), "3 concursuri")
    assert _stored(window, "1.1", DSP, 2) == "3 concursuri"
    assert 2 in _answers(window, "1.1", DSP)
    assert model.index(model.total_row, 2).data() == "20 concursuri"  # now it answers: counted openly
    window.undo()  # one step takes back both the value and the applicability
    assert _stored(window, "1.1", DSP, 2) == "-"
    assert 2 not in _answers(window, "1.1", DSP)
    assert model.index(model.total_row, 2).data() == before


def test_a_value_in_a_hatched_cell_is_never_summed_and_is_a_finding(window) -> None:
    from balti_monitor.services.editing import CellEdit, set_cells

    info = window.session.action_by_code("1.1")
    set_cells(window.session.period, info.id, [CellEdit(_sid(DSP), 2, "3 concursuri")])  # as an import would
    from balti_monitor.services.results import period_results

    result = period_results(window.session.period, [info.id])[info.id]
    assert result.totals.by_number(2).text == "17 concursuri"  # not 20
    assert any(f.code == FindingCode.VALUE_NOT_ANSWERED and f.indicator == 2 for f in result.findings)


def test_a_paste_skips_hatched_cells_and_says_how_many(window) -> None:
    select_action(window, "1.1")
    view = window.action_page.view
    model = window.action_page.model
    dru, dsp = model.row_of_subdivision(_sid(DRU)), model.row_of_subdivision(_sid(DSP))
    assert dsp == dru + 1
    view.setCurrentIndex(model.index(dru, 4))
    assert view.paste("1 contestație\t40 anunțuri\n2 contestații\t41 informații")
    assert _stored(window, "1.1", DRU, 4) == "1 contestație"
    assert _stored(window, "1.1", DRU, 5) == "40 anunțuri"
    assert _stored(window, "1.1", DSP, 4) == "-"  # hatched: skipped
    assert _stored(window, "1.1", DSP, 5) == "41 informații"
    skipped = tr("GridView", HATCHED_SKIPPED, 1)  # "1 valoare cade …", never "1 valori cad …"
    assert skipped in window.statusBar().currentMessage()


def test_tab_and_enter_skip_hatched_cells(window) -> None:
    select_action(window, "1.1")
    view = window.action_page.view
    model = window.action_page.model
    dru, dsp = model.row_of_subdivision(_sid(DRU)), model.row_of_subdivision(_sid(DSP))
    view.setCurrentIndex(model.index(dsp, 0))
    view.move_current(0, 1)  # Tab from the description: indicators 1-4 are hatched for the press service
    assert view.currentIndex().column() == 5
    view.setCurrentIndex(model.index(dru, 2))
    view.move_current(1, 0)  # Enter from DRU indicator 2: the press service's cell is hatched
    assert (view.currentIndex().row(), view.currentIndex().column()) == (model.total_row, 2)


# -- item 2: responsibilities valid from a period on -------------------------------------------------------------


def test_responsibility_change_on_s2_keeps_s1_counts_and_the_dialog_names_the_period(
    start_window, demo_copy, monkeypatch
) -> None:
    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.db.models import Plan
    from balti_monitor.gui.responsibility_dialog import ResponsibilityDialog
    from balti_monitor.services.periods import PeriodKey, create_period

    open_database(demo_copy)
    create_period(Plan.get(), PeriodKey(2023, 2))
    close_database()
    window = start_window(demo_copy)
    assert window.session.set_period_code("2023-S2")
    select_action(window, "1.1")
    seen: list[str | None] = []

    def tick_indicator_1(parent, info, state, subdivisions, period_code=None):
        seen.append(period_code)
        dialog = ResponsibilityDialog(parent, info, state, subdivisions, period_code)
        seen.append(dialog.period_label.text())
        dialog.dialog.deleteLater()
        return [(sid, sorted({*numbers, 1}) if sid == _sid(DSP) else numbers) for sid, numbers in state]

    monkeypatch.setattr(ResponsibilityDialog, "ask", staticmethod(tick_indicator_1))
    assert window.action_page.edit_responsibilities()
    assert seen[0] == "2023-S2" and "<b>2023-S2</b>" in seen[1]
    assert 1 in _answers(window, "1.1", DSP)
    assert window.session.set_period_code("2023-S1")
    select_action(window, "1.1")
    assert 1 not in _answers(window, "1.1", DSP)
    counts = window.action_page.model.result.totals.counts
    assert (counts.n_all, counts.n_arrears, counts.n_none) == (2, 0, 0)  # not 1/1/0


# -- item 13: long values --------------------------------------------------------------------------------------------


def test_a_long_value_warns_and_can_be_kept_descriptions_never_warn(window, monkeypatch) -> None:
    from balti_monitor.gui import dialogs

    answers: list[bool] = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or answers.pop(0))
    select_action(window, "1.6")
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    before = _stored(window, "1.6", DRU, 5)
    long_text = "cazuri " * 2800  # ~20,000 characters, as a paste of a whole document
    assert not model.setData(model.index(dru, 5), long_text)
    assert asked[0] == tr("GridModel", LONG_VALUE_QUESTION, len(long_text))
    assert _stored(window, "1.6", DRU, 5) == before  # "No": nothing stored
    assert model.setData(model.index(dru, 5), long_text)  # "Yes": the user keeps it
    assert _stored(window, "1.6", DRU, 5) == long_text
    assert len(asked) == 2
    assert model.setData(model.index(dru, 0), "Descriere " * 3000)  # descriptions: no limit, no question
    assert len(asked) == 2


def test_a_short_value_is_not_questioned(window, monkeypatch) -> None:
    from balti_monitor.gui import dialogs

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)
    select_action(window, "1.6")
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    assert model.setData(model.index(dru, 5), "x" * 300)
    assert not asked


# -- item 4: why a subdivision is "cu restanțe" ------------------------------------------------------------------

DRP = "Direcția relații cu publicul"


def test_counts_cell_and_row_say_which_indicators_are_missing_or_not_achieved(window) -> None:
    from PySide6.QtWidgets import QLabel

    select_action(window, "1.6")
    model = window.action_page.model
    drp = model.row_of_subdivision(_sid(DRP))
    assert model.setData(model.index(drp, 4), "")
    assert model.setData(model.index(drp, 5), "-")
    counts_tip = model.index(model.total_row, 0).data(Qt.ItemDataRole.ToolTipRole)
    why = Shortfall(missing=(4,), not_achieved=((5, "-"),)).sentence()  # the core's words, in its language
    assert f"Direcția relații cu publicul: {why}" in counts_tip
    row_tip = model.headerData(drp, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert tr("GridModel", "Cu restanțe: {why}.").format(why=why) in row_tip
    counts = model.result.totals.counts
    assert DRP in counts.arrears  # the rule: "-" on an indicator it answers is not achieved …
    legend = [label.text() for label in window.action_page.findChildren(QLabel)]
    assert tr("ActionPage", "„-” (nerealizat)") in legend  # … and the legend says the same
    assert not any("nu e cazul)" in text for text in legend)


def test_a_return_with_a_description_and_no_values_is_a_finding(window, ui_language) -> None:
    select_action(window, "1.5")
    model = window.action_page.model
    drp = model.row_of_subdivision(_sid(DRP))
    assert not model.row_head(drp).has_return
    assert model.setData(model.index(drp, 0), "Au fost organizate instruiri.")
    found = [f for f in model.result.findings if f.code == FindingCode.VALUES_EMPTY]
    assert found and found[0].subdivision == DRP
    messages = model.index(drp, 0).data(FINDINGS_ROLE)
    assert messages and (ui_language != "ro" or any("niciun indicator nu are valoare" in m for m in messages))


# -- item 6: findings that go away ---------------------------------------------------------------------------------


def _codes(window, code: str) -> list[str]:
    info = window.session.action_by_code(code)
    return [f.key for f in window.session.result(info.id).findings]


def test_a_manual_total_with_a_reason_resolves_the_finding_it_answers(window) -> None:
    from balti_monitor.domain.grid import OverrideDef
    from balti_monitor.gui.undo import OverrideCommand

    select_action(window, "2.1")
    assert "2.1/1/-/text_in_sum" in _codes(window, "2.1")  # "… completați-l manual"
    info = window.session.action_by_code("2.1")
    command = OverrideCommand(
        window.session,
        window.session.period.id,
        info.id,
        1,
        OverrideDef("3 proiecte", "numărate din texte"),
        "x",
    )
    window.session.undo_stack.push(command)
    assert command.error is None
    assert "2.1/1/-/text_in_sum" not in _codes(window, "2.1")
    messages = [
        window.action_page.findings.model.finding(r).key
        for r in range(window.action_page.findings.model.rowCount())
    ]
    assert "2.1/1/-/text_in_sum" not in messages


def test_acknowledged_finding_moves_to_its_list_stops_marking_the_tree_and_returns_when_data_changes(
    window, monkeypatch
) -> None:
    from balti_monitor.gui import dialogs
    from balti_monitor.gui.tree_model import MARK_ROLE

    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "Verificat cu DRU: nu se cere pe sexe aici.")
    select_action(window, "1.6")
    info = window.session.action_by_code("1.6")
    panel = window.action_page.findings
    assert _codes(window, "1.6") == ["1.6/3/1/fb_missing"]
    tree = window.plan_panel.model
    mark_before = tree.index_of_action(info.id).data(MARK_ROLE)
    unresolved_before = sum(len(r.findings) for r in window.session.results().values())

    panel.list.setCurrentIndex(panel.model.index(0, 0))
    panel.acknowledge_button.click()
    assert panel.model.rowCount() == 0
    assert panel.acknowledged_model.rowCount() == 1
    assert "Verificat cu DRU" in panel.acknowledged_model.index(0, 0).data()
    assert _codes(window, "1.6") == []  # no longer unresolved (tree, export count, check)
    assert sum(len(r.findings) for r in window.session.results().values()) == unresolved_before - 1
    model = window.action_page.model
    dru = model.row_of_subdivision(_sid(DRU))
    assert not model.index(dru, 3).data(FINDINGS_ROLE)  # the cell's red corner is gone
    assert tree.index_of_action(info.id).data(MARK_ROLE) == mark_before  # complete/arrears mark unchanged
    from balti_monitor.gui.marks import key_of

    assert not key_of(window.session.result(info.id)).findings  # the tree's red "!" is gone

    window.undo()
    assert _codes(window, "1.6") == ["1.6/3/1/fb_missing"]
    window.redo()
    assert _codes(window, "1.6") == []

    assert model.setData(model.index(dru, 3), "2 cazuri")  # the data under it changes: it comes back
    # (the Total now also differs from what the original report wrote: that is a finding of its own)
    assert _codes(window, "1.6") == ["1.6/3/1/fb_missing", "1.6/3/-/reference_differs"]
    assert panel.acknowledged_model.rowCount() == 0

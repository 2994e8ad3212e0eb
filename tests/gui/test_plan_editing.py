"""Manual totals, responsibilities, subdivisions, the narrative and new periods, each an undo step."""

from __future__ import annotations

from gui_helpers import press, select_action, tr, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from balti_monitor.db.models import Period, Subdivision
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.gui import dialogs
from balti_monitor.gui.grid_model import KIND_ROLE, CellKind
from balti_monitor.gui.override_dialog import OverrideAnswer, OverrideDialog
from balti_monitor.gui.responsibility_dialog import ResponsibilityDialog
from balti_monitor.gui.subdivisions_dialog import SubdivisionsDialog
from balti_monitor.services.editing import override_of
from balti_monitor.services.narrative import get_narrative
from balti_monitor.services.responsibilities import responsibility_state


def test_a_total_is_typed_by_hand_only_through_the_override_dialog_with_a_reason(window, monkeypatch) -> None:
    select_action(window, "1.6")
    model = window.action_page.model
    view = window.action_page.view
    asked = []

    def ask(parent, where, computed, current, author):
        asked.append((where, computed))
        return OverrideAnswer(
            "set", OverrideDef("4 cazuri", "Aceleași cazuri raportate de două ori", "O. S.")
        )

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    view.setCurrentIndex(model.index(model.total_row, 5))
    press(view, Qt.Key.Key_F2)  # F2 on the Total row asks for a manual total
    assert (
        asked and tr("ActionPage", "Indicator {n}").format(n=5) in asked[0][0] and asked[0][1] == "0 cazuri"
    )
    total = model.index(model.total_row, 5)
    assert total.data() == "4 cazuri"
    assert total.data(KIND_ROLE) == CellKind.TOTAL_OVERRIDE.value
    assert "Aceleași cazuri" in total.data(Qt.ItemDataRole.ToolTipRole)
    info = window.session.action_by_code("1.6")
    index = window.plan_panel.model.index_of_action(info.id)
    assert tr("Marks", "M: totaluri introduse manual.") in index.data(Qt.ItemDataRole.ToolTipRole)
    window.undo()
    assert model.index(model.total_row, 5).data() == "0 cazuri"
    assert override_of(window.session.period, info.id, 5) is None
    window.redo()
    assert override_of(window.session.period, info.id, 5).reason == "Aceleași cazuri raportate de două ori"
    assert window.action_page.clear_override(5)
    assert model.index(model.total_row, 5).data() == "0 cazuri"


def test_the_override_dialog_refuses_an_empty_reason(qtbot, window) -> None:
    dialog = OverrideDialog(window, "1.6 · Indicator 5", "0 cazuri", None, "")
    qtbot.addWidget(dialog.dialog)
    assert dialog.total.toPlainText() == "0 cazuri"
    dialog._accept()
    assert dialog.error.text() == tr(
        "OverrideDialog", "Scrieți motivul pentru care totalul se introduce manual."
    )
    assert dialog.dialog.result() != QDialog.DialogCode.Accepted
    dialog.reason.setPlainText("Motiv")
    dialog._accept()
    answer = dialog.answer(dialog.dialog.result())
    assert answer.choice == "set" and answer.value == OverrideDef("0 cazuri", "Motiv", "")


def test_responsibilities_are_edited_as_one_undo_step(window, monkeypatch) -> None:
    select_action(window, "1.6")
    info = window.session.action_by_code("1.6")
    before = responsibility_state(info.id)
    dc = Subdivision.get(Subdivision.code == "DC").id
    after = [*before, (dc, [5, 6])]
    monkeypatch.setattr(ResponsibilityDialog, "ask", classmethod(lambda cls, *a: after))
    assert window.action_page.edit_responsibilities()
    model = window.action_page.model
    row = model.row_of_subdivision(dc)
    assert row == model.total_row - 1
    assert model.index(row, 1).data(KIND_ROLE) == CellKind.NOT_ASSIGNED.value
    assert model.index(row, 5).data(KIND_ROLE) == CellKind.MISSING.value
    assert model.headerData(row, Qt.Orientation.Vertical) == "Direcția cultură"
    window.undo()
    assert responsibility_state(info.id) == before
    assert model.row_of_subdivision(dc) == -1


def test_the_responsibility_dialog_edits_its_copy(qtbot, qtmodeltester, window) -> None:
    info = window.session.action_by_code("1.6")
    state = responsibility_state(info.id)
    subdivisions = [(s.id, s.name) for s in Subdivision.select().order_by(Subdivision.position)]
    dialog = ResponsibilityDialog(window, info, state, subdivisions)
    qtbot.addWidget(dialog.dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    dialog.combo.setCurrentIndex(dialog.combo.findText("Direcția cultură"))
    dialog._add()
    dialog.model.setData(
        dialog.model.index(2, 1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    dialog.table.selectRow(2)
    dialog._move(-1)
    qtmodeltester.check(dialog.model)
    new = dialog.model.state()
    dc = Subdivision.get(Subdivision.code == "DC").id
    assert new[1] == (dc, [2, 3, 4, 5, 6])
    assert [sid for sid, _ in new] == [state[0][0], dc, state[1][0]]
    assert state == responsibility_state(info.id)  # nothing stored before OK


def test_subdivisions_are_created_renamed_and_undone(qtbot, window) -> None:
    dialog = SubdivisionsDialog(window, window.session)
    qtbot.addWidget(dialog.dialog)
    dialog.new()
    dialog.name.setText("Secția control intern")
    dialog.code.setText("SCI")
    dialog.aliases.setPlainText("Serviciul de control intern al primăriei\nSecţia CI\n")  # ţ: comma below
    assert dialog.save()
    created = Subdivision.get(Subdivision.code == "SCI")
    assert created.name == "Secția control intern"
    from balti_monitor.services.subdivisions import aliases_of, match_subdivision

    assert sorted(aliases_of(created.id)) == ["Secția CI", "Serviciul de control intern al primăriei"]
    assert match_subdivision("Secției control intern").id == created.id
    assert match_subdivision("Serviciul de control intern al primăriei").id == created.id
    dialog.name.setText("Secția control intern și audit")
    assert dialog.save()
    assert Subdivision.get_by_id(created.id).name == "Secția control intern și audit"
    window.undo()
    assert Subdivision.get_by_id(created.id).name == "Secția control intern"
    window.undo()
    assert Subdivision.get_or_none(Subdivision.code == "SCI") is None
    dialog.code.setText("DRU")  # an abbreviation already in use is refused with a reason
    dialog.current_id = None
    assert not dialog.save()
    assert "DRU" in dialog.error.text()
    window.session.changed.disconnect(dialog._on_changed)


def test_a_renamed_subdivision_shows_in_the_open_grid(window) -> None:
    select_action(window, "1.6")
    dialog = SubdivisionsDialog(window, window.session)
    dru = Subdivision.get(Subdivision.code == "DRU")
    for row in range(dialog.items.rowCount()):
        if dialog.items.item(row).text().startswith("Direcția resurse umane"):
            dialog.list.setCurrentIndex(dialog.items.index(row, 0))
    dialog.name.setText("Direcția resurse umane și personal")
    assert dialog.save()
    model = window.action_page.model
    assert model.headerData(model.row_of_subdivision(dru.id), Qt.Orientation.Vertical) == (
        "Direcția resurse umane și personal"
    )
    window.session.changed.disconnect(dialog._on_changed)
    dialog.dialog.deleteLater()


def test_the_narrative_saves_itself_and_undoes(window) -> None:
    page = window.narrative_page
    window.tabs.setCurrentWidget(page)
    summary = page.texts["summaryEdit"]
    summary.setPlainText("")
    type_text(summary, "Rezumat: s-au realizat ședințe și instruiri.")
    page.commit()  # what focus-out and the autosave timer do
    stored = get_narrative(window.session.period)
    assert stored.executive_summary == "Rezumat: s-au realizat ședințe și instruiri."
    risks = page.texts["risksEdit"]
    risks.setPlainText("Primul risc\n\nAl doilea risc\nAl treilea")
    page.commit()
    assert get_narrative(window.session.period).risks == ["Primul risc", "Al doilea risc", "Al treilea"]
    window.undo()
    assert get_narrative(window.session.period).risks == stored.risks
    assert page.texts["risksEdit"].toPlainText().startswith("Riscul apariției")
    window.undo()
    assert get_narrative(window.session.period).executive_summary.startswith("Planul local anticorupție")
    assert page.texts["summaryEdit"].toPlainText().startswith("Planul local anticorupție")


def test_a_new_period_is_created_shown_and_undone(window, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: True)
    select_action(window, "1.6")
    assert window.period_bar.create_next_period()
    assert (window.session.period.year, window.session.period.semester) == (2023, 2)
    assert window.session.period_key().code == "2023-S2" and "2023" in window.windowTitle()
    assert window.period_bar.semester_combo.currentText() == tr("PeriodBar", "semestrul II")
    model = window.action_page.model
    assert model.index(0, 1).data(KIND_ROLE) == CellKind.MISSING.value  # nothing reported yet
    info = window.session.action_by_code("1.6")
    empty = tr("Marks", "Nu s-a introdus încă nicio informație pentru această perioadă.")
    assert empty in window.plan_panel.model.index_of_action(info.id).data(Qt.ItemDataRole.ToolTipRole)
    window.undo()
    assert Period.select().count() == 1
    assert (window.session.period.year, window.session.period.semester) == (2023, 1)


def test_switching_periods_from_the_toolbar(window, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: True)
    assert window.period_bar.create_next_period()
    combo = window.period_bar.semester_combo
    combo.setCurrentIndex(combo.findText(tr("PeriodBar", "semestrul I")))
    QApplication.processEvents()
    assert window.session.period.semester == 1
    assert window.action_page.model.result is not None

"""The change log window and signing from the GUI: a typed edit and its undo appear with who and from
where; the log narrows to the selected cell and goes to Excel; a signed period refuses a typed edit."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import select_action
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from balti_monitor import i18n
from balti_monitor.export.render import export_report
from balti_monitor.services.audit import set_user_name
from balti_monitor.services.periods import stored_period


def _ds_index(window: object, column: int):  # type: ignore[no-untyped-def]
    from balti_monitor.db.models import Subdivision  # test-side lookup of the id only

    model = window.action_page.model  # type: ignore[attr-defined]
    ds = Subdivision.get(Subdivision.code == "DS").id
    return model.index(model.row_of_subdivision(ds), column)


def test_a_typed_edit_and_its_undo_are_in_the_log_of_the_period_and_of_the_cell(
    window: object, tmp_path: Path, ui_language
) -> None:
    set_user_name("Ana Specialist")
    try:
        select_action(window, "1.13")
        model = window.action_page.model  # type: ignore[attr-defined]
        index = _ds_index(window, 1)
        assert model.setData(index, "6 acte", Qt.ItemDataRole.EditRole)
        window.session.undo_stack.undo()  # type: ignore[attr-defined]
        window.action_page.view.setCurrentIndex(_ds_index(window, 1))  # type: ignore[attr-defined]
        dialog = window.signing_actions.show_log()  # type: ignore[attr-defined]
        QApplication.processEvents()
        rows = dialog.model.rows
        # newest first: the undo, then the typed edit
        assert rows[0][1:4] == ["Ana Specialist", i18n._("anulare"), i18n._("valoare")] and rows[0][9:11] == [
            "6 acte",
            "5 acte",
        ]
        assert rows[1][2] == i18n._("tastare") and rows[1][9:11] == ["5 acte", "6 acte"]
        total = len(rows)
        dialog.cell_check.setChecked(True)
        # only this cell: the demonstration value, the edit, the undo
        labels = [i18n._(s) for s in ("anulare", "tastare", "date demonstrative")]
        assert [r[2] for r in dialog.model.rows] == labels
        assert len(dialog.model.rows) < total
        dialog.cell_check.setChecked(False)
        dialog.source_box.setCurrentIndex(dialog.source_box.findData("undo"))
        assert [r[2] for r in dialog.model.rows] == [i18n._("anulare")]
        written = dialog.export_xlsx(tmp_path / "jurnal.xlsx")
        assert written is not None
        sheet = load_workbook(written)["Jurnal"]
        assert [c.value for c in sheet[3]][2] == "anulare"
        dialog.source_box.setCurrentIndex(0)
        dialog.resize(1200, 420)
        dialog.grab().save(str(tmp_path / "jurnal.png"))
        # the log is read-only in the window
        assert not (dialog.model.flags(dialog.model.index(0, 9)) & Qt.ItemFlag.ItemIsEditable)
    finally:
        set_user_name("")


def test_a_signed_period_refuses_a_typed_edit_and_unsigning_allows_it_again(
    window: object, tmp_path: Path, ui_language
) -> None:
    session = window.session  # type: ignore[attr-defined]
    report = export_report(stored_period(session.period.id), tmp_path / "raport.docx")
    actions = window.signing_actions  # type: ignore[attr-defined]
    assert actions.sign(report)
    assert not actions.sign_action.isEnabled() and actions.unsign_action.isEnabled()
    assert actions.verify(report) is True
    select_action(window, "1.13")
    model = window.action_page.model  # type: ignore[attr-defined]
    messages: list[str] = []
    session.message.connect(messages.append)
    assert not model.setData(_ds_index(window, 1), "6 acte", Qt.ItemDataRole.EditRole)
    assert model.data(_ds_index(window, 1)) == "5 acte"
    assert messages and (ui_language != "ro" or any("este semnată de" in m for m in messages)), messages
    assert actions.unsign("corectare cerută de DS")
    assert model.setData(_ds_index(window, 1), "6 acte", Qt.ItemDataRole.EditRole)

"""File → "Importă un raport semestrial (Word)…": preview, then all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_helpers import tr

from balti_monitor import i18n
from balti_monitor.db.models import Action, Return, Subdivision
from balti_monitor.gui import dialogs
from balti_monitor.gui.report_import_dialog import ReportImportDialog
from balti_monitor.interchange.report_import import compare_with_file
from balti_monitor.interchange.report_reader import read_report
from tests import report_corpus as rc


def _report(tmp_path: Path) -> Path:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    rc.action_table(
        doc,
        "1.2",
        3,
        [
            ("Direcția resurse umane", "Text nou din raport.", ["1 caz", "2 sesizări", "3 persoane"]),
            ("Direcția inexistentă", "Ceva.", ["1", "1", "1"]),
        ],
        ["1 caz", "2 sesizări", "3 persoane"],
    )
    return rc.save(doc, tmp_path / "raport_vechi.docx")


def _description() -> str:
    action = Action.get(Action.code == "1.2")
    ret = Return.get((Return.action == action) & (Return.subdivision == Subdivision.get(code="DRU")))
    return str(ret.description)


def test_the_preview_lists_rows_unplaced_and_differences(window: Any, tmp_path: Path, qtbot: Any) -> None:
    plan_id = window.session.plan.id
    reading = read_report(_report(tmp_path), plan_id)
    differences = compare_with_file(reading, plan_id)
    dialog = ReportImportDialog(window, reading, differences, True)
    try:
        ui = dialog.ui
        assert ui.rowsTable.rowCount() == 1 and ui.rowsTable.item(0, 1).text() == "Direcția resurse umane"
        assert ui.unplacedTable.rowCount() == 1
        assert ui.unplacedTable.item(0, 1).text() == i18n._("subdiviziune necunoscută în rând")
        assert ui.differencesTable.rowCount() == len(differences) > 0
        assert ui.tabs.tabText(1) == tr("ReportImportDialog", "Neplasate ({n})").format(n=1)
        has_data = (
            "<span style='color:#8a1c00'>Perioada are deja date: %n diferențe — câmpuri înlocuite și returi noi ("
            "fila „Diferențe”). Returul fiecărei subdiviziuni din raport înlocuiește returul ei pentru aceeași acțiune; celelalte returi rămân.</span>"
        )
        assert tr("ReportImportDialog", has_data, len(differences)) in ui.summaryLabel.text()
        assert dialog.import_button.isEnabled()
    finally:
        dialog.dialog.deleteLater()


def test_cancel_writes_nothing_and_confirm_imports_everything(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = _report(tmp_path)
    before = _description()
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *a: report)
    asked: list[Any] = []
    monkeypatch.setattr(ReportImportDialog, "ask", staticmethod(lambda *a: asked.append(a) or False))
    window.report_import_actions.import_action.trigger()
    assert len(asked) == 1 and _description() == before

    monkeypatch.setattr(ReportImportDialog, "ask", staticmethod(lambda *a: True))
    assert window.report_import_actions.import_report(report)
    assert _description() == "Text nou din raport."
    assert window.session.undo_stack.count() == 0


def test_a_pdf_is_refused_with_the_reason(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ui_language
) -> None:
    pdf = tmp_path / "raport.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    assert not window.report_import_actions.import_report(pdf)
    assert shown and (ui_language != "ro" or "cereți documentul Word original" in shown[0])

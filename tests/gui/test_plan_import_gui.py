"""File → "Importă un plan din Word/Excel…": the wizard's pages and the import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_helpers import tr

from balti_monitor.db.models import Plan, Subdivision
from balti_monitor.gui.plan_import_wizard import CREATE, PlanImportWizard
from balti_monitor.interchange.plan_tables import read_tables
from tests import plan_corpus


def test_the_wizard_guesses_columns_asks_for_unknown_names_and_previews_the_tree(
    window: Any, tmp_path: Path
) -> None:
    path = plan_corpus.word_plan(tmp_path / "plan.docx")
    subdivisions = [(str(s.code), str(s.name)) for s in Subdivision.select()]
    wizard = PlanImportWizard(window, path, read_tables(path), subdivisions)
    try:
        w, ui = wizard.wizard, wizard.ui
        w.restart()
        assert wizard.chosen() == [0] and wizard.kind == "pla"
        w.next()
        assert w.currentPage() is ui.columnsPage
        assert wizard.columns() == {
            0: "number",
            1: "action",
            2: "indicators",
            3: "deadline",
            4: "responsible",
            5: "risks",
        }
        w.next()
        assert w.currentPage() is ui.namesPage
        assert (
            ui.namesTable.rowCount() == 1 and ui.namesTable.item(0, 0).text() == "Agenția Nouă de Comunicare"
        )
        combo = ui.namesTable.cellWidget(0, 1)
        combo.setCurrentIndex(combo.findData(CREATE))
        w.next()
        assert w.currentPage() is ui.previewPage
        assert ui.previewTree.topLevelItemCount() == 2
        assert ui.previewTree.topLevelItem(0).child(0).childCount() == 2  # 1.1: two indicators
        assert (ui.firstYearSpin.value(), ui.lastYearSpin.value()) == (2024, 2026)
        ui.codeEdit.setText("PLA-GUI")
        mapping = wizard.mapping()
        assert mapping.subdivisions == {"Agenția Nouă de Comunicare": {"create": "ANC"}}
        assert mapping.plan["code"] == "PLA-GUI"
    finally:
        wizard.wizard.deleteLater()


def test_an_unmapped_name_keeps_the_wizard_on_its_page(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.gui import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    path = plan_corpus.word_plan(tmp_path / "plan.docx")
    wizard = PlanImportWizard(window, path, read_tables(path), [])
    try:
        w, ui = wizard.wizard, wizard.ui
        w.restart()
        w.next()
        w.next()
        assert w.currentPage() is ui.namesPage
        w.next()
        unmapped = "Alegeți ce înseamnă fiecare nume (o subdiviziune, „creează” sau „alt responsabil”)."
        assert w.currentPage() is ui.namesPage and shown[-1] == tr("PlanImportWizard", unmapped)
    finally:
        wizard.wizard.deleteLater()


def test_the_menu_imports_the_plan_and_shows_it(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from balti_monitor.interchange.plan_import_doc import read_plan_document
    from balti_monitor.interchange.plan_mapping import Mapping

    path = plan_corpus.word_plan(tmp_path / "plan.docx")
    reading = read_plan_document(path, Mapping(plan={"code": "PLA-MENIU"}))
    mapping = Mapping(subdivisions={"Agenția Nouă de Comunicare": "other"})
    monkeypatch.setattr(PlanImportWizard, "ask", staticmethod(lambda *a: (reading, mapping)))
    assert window.report_import_actions.import_plan(path)
    plan = Plan.get(Plan.code == "PLA-MENIU")
    assert window.session.plan.id == plan.id

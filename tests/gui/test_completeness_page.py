"""The completeness page: states and counts of the demo, a double click opens the return, the review status
set from the page and from the grid's row header (undoable), Lista restanțierilor saved and copied."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import select_action, tr
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication

from balti_monitor import i18n
from balti_monitor.gui.completeness_page import FIXED
from balti_monitor.services.editing import REVIEW_STATUSES


def _column(page: object, code: str) -> int:
    overview = page.model.overview  # type: ignore[attr-defined]
    return FIXED + [c for _id, c in overview.actions].index(code)


def _row(page: object, code: str) -> int:
    overview = page.model.overview  # type: ignore[attr-defined]
    return [line.code for line in overview.subdivisions].index(code)


def test_the_page_shows_who_has_not_sent_and_opens_a_return(window: object, tmp_path: Path) -> None:
    page = window.signing_actions.show_completeness()  # type: ignore[attr-defined]
    QApplication.processEvents()
    model = page.model
    missing = model.index(_row(page, "DSP"), _column(page, "2.1"))
    assert model.data(missing) == "—"
    received = model.index(_row(page, "DRU"), _column(page, "1.1"))
    assert model.data(received) == "✓"
    assert f"{i18n._('lipsă')} 8" in page.title.text()
    # a double click opens the return in the grid
    assert page.open_return(received)
    session = window.session  # type: ignore[attr-defined]
    assert window.plan_panel.current_action() == session.action_by_code("1.1").id  # type: ignore[attr-defined]
    # the review status from the page: one undo step
    assert page.set_review(received, "needs_correction")
    assert model.data(model.index(_row(page, "DRU"), _column(page, "1.1"))) == "!"
    session.undo_stack.undo()
    page.reload()
    assert model.data(model.index(_row(page, "DRU"), _column(page, "1.1"))) == "✓"
    # Lista restanțierilor: Excel + the e-mail texts in the clipboard
    page.deadline_edit.setText("15.07.2023")
    written = page.save_overdue(tmp_path / "restante.xlsx")
    assert written is not None
    assert any(
        r[1].value == "DSP" and r[2].value == "2.1"
        for r in load_workbook(written)["Restanțieri"].iter_rows(min_row=3)
    )
    clip = QApplication.clipboard().text()
    assert "Direcția-serviciul de presă (DSP)" in clip and "termen: 15.07.2023" in clip
    page.resize(1300, 640)
    page.grab().save(str(tmp_path / "completitudine.png"))


def test_the_review_status_from_the_grids_row_header(window: object) -> None:
    select_action(window, "1.13")
    page = window.action_page  # type: ignore[attr-defined]
    from balti_monitor.db.models import Subdivision  # test-side lookup of the id only

    ds = Subdivision.get(Subdivision.code == "DS").id
    row = page.model.row_of_subdivision(ds)
    menu = page.review_menu(row)
    assert menu is not None
    labels = [a.text() for a in menu.actions()]
    marks = [tr("ActionPage", "Marchează: {label}").format(label=i18n._(s)) for s in REVIEW_STATUSES.values()]
    assert labels == marks and list(REVIEW_STATUSES.values()) == ["Primit", "De corectat", "Acceptat"]
    assert menu.actions()[0].isChecked()
    menu.actions()[2].trigger()
    menu = page.review_menu(row)
    assert menu is not None and menu.actions()[2].isChecked()
    window.session.undo_stack.undo()  # type: ignore[attr-defined]
    menu = page.review_menu(row)
    assert menu is not None and menu.actions()[0].isChecked()

"""The findings page: every finding of the period, filterable, a double click shows its cell."""

from __future__ import annotations

from gui_helpers import tr
from PySide6.QtWidgets import QApplication


def test_the_findings_page_lists_filters_and_jumps(window: object) -> None:
    page = window.signing_actions.show_findings()  # type: ignore[attr-defined]
    QApplication.processEvents()
    total = page.table.rowCount()
    title = tr("FindingsPage", "{open}, {ack}; afișate {shown}.").format(
        open=tr("FindingsPage", "%n constatări deschise", total),
        ack=tr("FindingsPage", "%n confirmate", 0),
        shown=total,
    )
    assert total > 0 and page.title.text() == title
    page.filter_edit.setText("1.13")
    assert 0 < page.table.rowCount() < total
    assert all(r.action_code == "1.13" for r in page.shown)
    page.state_box.setCurrentIndex(page.state_box.findData(True))
    assert page.table.rowCount() == 0  # nothing acknowledged in the demo
    page.state_box.setCurrentIndex(0)
    assert page.open_finding(0)
    session = window.session  # type: ignore[attr-defined]
    assert window.plan_panel.current_action() == session.action_by_code("1.13").id  # type: ignore[attr-defined]

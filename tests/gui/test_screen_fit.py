"""The window on small screens (issue 11, items 7-10 and 14): it fits the screen, the Total row stays in
sight, every action opens at its start, panels can be hidden and brought back, settings stay portable."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import close_window, press, select_action, tr
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from balti_monitor.gui.settings import GEOMETRY, AppSettings


def _inside(window: object) -> tuple[QRect, QRect]:
    screen = window.screen()  # type: ignore[attr-defined]
    return window.frameGeometry(), screen.availableGeometry()  # type: ignore[attr-defined]


def test_the_window_fits_the_screen_at_first_start_and_after_a_restore(start_window, demo_copy) -> None:
    window = start_window(demo_copy, resize=False)  # first start: no saved geometry
    frame, available = _inside(window)
    assert available.contains(frame), (frame, available)
    assert frame.width() >= available.width() * 0.8  # roomy, not a postage stamp
    window.resize(1900, 1200)  # larger than the (800×600) offscreen screen, e.g. saved on another screen
    window.move(300, 200)
    close_window(window)
    again = start_window(demo_copy, resize=False)
    frame, available = _inside(again)
    assert available.contains(frame), (frame, available)


def test_settings_live_under_balti_monitor_home(tmp_path: Path, monkeypatch, start_window, demo_copy) -> None:
    home = tmp_path / "portable"
    monkeypatch.setenv("BALTI_MONITOR_HOME", str(home))
    elsewhere = tmp_path / "user-config"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(elsewhere))
    window = start_window(demo_copy)
    close_window(window)  # saves the window's geometry
    written = list(home.rglob("*.ini"))
    assert written, "no settings file under BALTI_MONITOR_HOME"
    assert not elsewhere.exists() or not list(elsewhere.rglob("*.ini"))
    assert not AppSettings().bytes(GEOMETRY).isEmpty()  # read back from the same place


def test_every_action_opens_at_its_first_row_and_column(window) -> None:
    window.resize(900, 560)
    QApplication.processEvents()
    select_action(window, "5.3")
    view = window.action_page.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    model = window.action_page.model
    view.setCurrentIndex(model.index(model.total_row - 1, model.columnCount() - 1))
    for code in ("4.1", "1.15", "5.3"):
        select_action(window, code)
        QApplication.processEvents()
        assert view.verticalScrollBar().value() == 0, code
        assert view.horizontalScrollBar().value() == 0, code
        current = view.currentIndex()  # nothing left over from the action shown before
        assert not current.isValid() or (current.row(), current.column()) == (0, 0), code


def _visible_rows(window: object) -> list[int]:
    view = window.action_page.view  # type: ignore[attr-defined]
    model = window.action_page.model  # type: ignore[attr-defined]
    height = view.viewport().height()
    rows = []
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        if not view.isRowHidden(row) and rect.top() >= 0 and rect.bottom() <= height:
            rows.append(row)
    return rows


def test_the_total_row_is_pinned_under_the_grid_at_1366x768(window) -> None:
    window.resize(1366, 768 - 60)  # the screen minus the taskbar and the title bar
    QApplication.processEvents()
    select_action(window, "5.3")
    QApplication.processEvents()
    page = window.action_page
    model, view, total = page.model, page.view, page.total_view
    assert page.indicators_button.isChecked()  # the header with the indicators' texts expanded
    assert "numărul de servicii publice" in page.header.text
    assert len([r for r in _visible_rows(window) if r != model.total_row]) >= 4
    assert total.isVisible() and total.height() > 20
    assert not total.isRowHidden(model.total_row) and view.isRowHidden(model.total_row)
    bottom = total.mapTo(window, total.rect().bottomLeft()).y()
    assert bottom < window.height() - window.statusBar().height()
    # The counts cell shows its whole sentence: its row is as tall as the wrapped text.
    counts = model.index(model.total_row, 0)
    assert "niciun indicator" in counts.data()
    rect = total.visualRect(counts)
    needed = total.fontMetrics().boundingRect(
        QRect(0, 0, rect.width() - 8, 10_000), int(Qt.TextFlag.TextWordWrap), counts.data()
    )
    assert rect.height() >= needed.height()
    assert counts.data() in counts.data(Qt.ItemDataRole.ToolTipRole)
    # Columns line up with the grid's and scroll with it.
    for column in range(model.columnCount()):
        assert total.columnWidth(column) == view.columnWidth(column)
    view.horizontalHeader().resizeSection(0, 1500)
    assert total.columnWidth(0) == 1500
    QApplication.processEvents()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    QApplication.processEvents()
    assert total.horizontalScrollBar().value() == view.horizontalScrollBar().value() > 0
    # Scrolling down the subdivisions leaves the Total where it is.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert total.isVisible() and not total.isRowHidden(model.total_row)


def test_the_header_is_compact_the_indicators_collapse_and_are_on_the_column_tooltips(window) -> None:
    select_action(window, "1.1")
    page = window.action_page
    expanded = page.header.content_height()
    page.indicators_button.click()
    QApplication.processEvents()
    assert "numărul de concursuri organizate" not in page.header.text
    assert page.header.content_height() < expanded
    tip = page.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "numărul de concursuri organizate" in tip
    assert not window.indicators_panel_action.isChecked()
    window.indicators_panel_action.trigger()
    assert "numărul de concursuri organizate" in page.header.text


def test_the_view_menu_hides_and_shows_each_panel_and_ctrl_f_brings_the_tree_back(window) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert tr("MainWindow", "&Vizualizare").replace("&", "") in titles
    menu = window.view_menu
    names = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    tree, findings = (tr("MainWindow", t).replace("&", "") for t in ("&Arborele planului", "&Constatările"))
    assert tree in names and findings in names
    window.tree_panel_action.trigger()
    assert not window.plan_panel.isVisible()
    window.findings_panel_action.trigger()
    assert not window.action_page.findings.isVisible()
    window.findings_panel_action.trigger()
    assert window.action_page.findings.isVisible()
    window.activateWindow()
    window.action_page.view.setFocus()
    press(window.action_page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_action.trigger()  # the shortcut (the offscreen platform may not route it)
    assert window.plan_panel.isVisible() and window.tree_panel_action.isChecked()
    assert window.plan_panel.width() >= 200


def test_the_tree_cannot_be_dragged_shut_and_narrows_to_220_px(window) -> None:
    window.resize(1024, 700)
    QApplication.processEvents()
    window.splitter.setSizes([0, 1024])
    QApplication.processEvents()
    assert window.plan_panel.isVisible() and window.plan_panel.width() >= 200
    window.splitter.setSizes([220, 800])
    QApplication.processEvents()
    assert window.plan_panel.width() <= 230


def test_the_legend_wraps_at_1024x700(window) -> None:
    window.resize(1024, 700)
    window.splitter.setSizes([340, 684])
    QApplication.processEvents()
    select_action(window, "1.1")
    QApplication.processEvents()
    page = window.action_page
    right = page.mapTo(window, page.rect().topRight()).x()
    items = page.findChildren(QWidget, "legendItem")
    assert len(items) == 5
    for item in items:
        assert item.isVisible()
        edge = item.mapTo(window, item.rect().topRight()).x()
        assert edge <= right, "legend clipped"
        assert item.width() >= item.sizeHint().width()

"""The edit and switch paths stay cheap (issue 20): no model reset for an edit, only the changed cells
announced, the result after an edit computed in memory - and equal to what a reload from the file gives."""

from __future__ import annotations

from gui_helpers import close_window, press, select_action, type_text
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from balti_monitor.gui import session as session_module
from balti_monitor.services.grids import load_grids
from balti_monitor.services.results import action_result


def test_an_edit_repaints_only_its_cells_and_the_total_without_a_reset(window) -> None:
    select_action(window, "1.6")
    model = window.action_page.model
    resets: list[int] = []
    changed: list[tuple[int, int, int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(
        lambda a, b, _roles=None: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    assert model.setData(model.index(0, 3), "7 cazuri")
    assert not resets
    rows = {top for top, _l, bottom, _r in changed} | {bottom for _t, _l, bottom, _r in changed}
    assert rows <= {0, model.total_row}
    assert model.index(model.total_row, 3).data() != ""


def test_the_result_after_an_edit_is_computed_in_memory_and_equals_a_reload(window, monkeypatch) -> None:
    select_action(window, "1.15")
    session = window.session
    model = window.action_page.model
    calls: list[object] = []
    real = session_module.load_grids
    monkeypatch.setattr(session_module, "load_grids", lambda *a, **k: calls.append(a) or real(*a, **k))
    edited = 0
    for row, column, text in ((0, 2, "45 ore"), (1, 3, "(3F/4B)"), (2, 0, "Descriere nouă")):
        cell = model.cell(row, column)
        if model.row_head(row).has_return and model.row_head(row).responsible and not cell.hatched:
            assert model.setData(model.index(row, column), text)
            edited += 1
    assert edited >= 2
    assert not calls, "the edit reloaded the action from the file"
    info = session.action_by_code("1.15")
    fresh = action_result(load_grids(session.period, [info.id])[info.id])
    cached = session.result(info.id)
    assert cached.totals == fresh.totals
    assert cached.findings == fresh.findings
    assert [(r.subdivision_id, r.description, dict(r.values)) for r in cached.grid.rows] == [
        (r.subdivision_id, r.description, dict(r.values)) for r in fresh.grid.rows
    ]
    mark = window.plan_panel.model.index_of_action(info.id).data(Qt.ItemDataRole.ToolTipRole)
    assert mark  # the tree's mark was refreshed from that result


def test_switching_between_actions_of_the_same_shape_does_not_reset_the_grid(window) -> None:
    session = window.session
    shapes: dict[tuple[int, int], list[str]] = {}
    for info in session.actions():
        result = session.result(info.id)
        if result is None:
            continue
        shapes.setdefault((len(result.grid.rows), len(result.grid.indicators)), []).append(info.code)
    first, second = next(codes for codes in shapes.values() if len(codes) >= 2)[:2]
    select_action(window, first)
    model = window.action_page.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    select_action(window, second)
    assert not resets
    assert model.result.grid.code == second
    assert model.index(0, 0).data() == (session.result(model.action_id).grid.rows[0].description or "")


class _LayoutRequests(QObject):
    """Counts the layout requests a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_switching_actions_relays_out_only_the_action_page(window) -> None:
    """Each action has its own header, Total and findings heights; the page lays them out itself and the
    tab widget around it (which repaints all of itself on a layout request) is left alone."""
    codes = [info.code for info in window.session.actions()][:12]
    for code in codes:  # every action shown once: the page's minimum size has met each of them
        select_action(window, code)
    requests = _LayoutRequests()
    window.tabs.installEventFilter(requests)
    window.splitter.installEventFilter(requests)
    heights = set()
    for code in reversed(codes):
        select_action(window, code)
        QApplication.processEvents()
        heights.add(window.action_page.header.height())
        assert window.action_page.model.result.grid.code == code
    assert len(heights) > 1  # the header did change height, inside the page
    assert requests.count == 0
    page = window.action_page
    assert page.stack.geometry() == page.rect()  # the page is still filled


def test_the_action_shown_is_remembered_after_the_switch_and_reopened_with_the_file(
    start_window, demo_copy, monkeypatch
) -> None:
    window = start_window(demo_copy)
    written: list[tuple[str, str]] = []
    real = window.settings.remember_action
    monkeypatch.setattr(
        window.settings,
        "remember_action",
        lambda path, code: written.append((path, code)) or real(path, code),
    )
    select_action(window, "1.6")
    select_action(window, "1.15")
    assert written == []  # no settings file written during the clicks
    close_window(window)
    assert written == [(str(demo_copy), "1.15")]  # the last one, once, by the close at the latest
    again = start_window(demo_copy)
    assert again.action_page.model.result.grid.code == "1.15"


class _Paints(QObject):
    """The rectangles a widget paints."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[object] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_enter_in_a_cell_editor_repaints_the_cells_that_changed_not_the_whole_grid(window) -> None:
    select_action(window, "1.15")
    view = window.action_page.view
    model = window.action_page.model
    row = next(
        r for r in range(model.total_row) if model.row_head(r).responsible and not model.is_hatched(r, 2)
    )
    view.setFocus()
    view.setCurrentIndex(model.index(row, 2))
    QApplication.processEvents()
    type_text(view, "4")
    editor = view.delegate.current_editor
    assert editor is not None
    type_text(editor, "2 ore")
    QApplication.processEvents()
    paints = _Paints()
    view.viewport().installEventFilter(paints)
    press(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert model.index(row, 2).data() == "42 ore"
    assert view.hasFocus() and view.currentIndex().row() == row + 1  # the keyboard is back, one row down
    whole = view.viewport().rect()
    assert paints.rects, "the edited cell was not repainted"
    assert all(r.height() < whole.height() for r in paints.rects), paints.rects


def test_the_cached_cell_layout_keeps_the_lines_of_a_multiline_value(qapp) -> None:
    from PySide6.QtGui import QFont

    from balti_monitor.gui.grid_delegate import cell_layout

    font = QFont()
    one, _ = cell_layout(font, 300, 200, "Servicii acordate:")
    two, overflows = cell_layout(font, 300, 200, "Servicii acordate:\nÎn scopul excluderii")
    assert two.size().height() > one.size().height() * 1.5  # the line break is kept
    assert not overflows
    _long, cut = cell_layout(font, 120, 30, "cuvânt " * 200)
    assert cut  # too long for the cell: the "…" mark is drawn


def test_an_edit_in_the_row_of_a_subdivision_that_is_not_responsible_is_computed_in_memory(
    window, monkeypatch
) -> None:
    """Such a row answers what it wrote: a value typed there changes its indicators and the counts as a
    reload would, without reading the action back from the file."""
    from balti_monitor.services.editing import set_cell
    from balti_monitor.services.subdivisions import list_subdivisions

    session = window.session
    info = session.action_by_code("1.6")
    result = session.result(info.id)
    shown = {r.subdivision_id for r in result.grid.rows}
    outsider = next(s.id for s in list_subdivisions() if s.id not in shown)
    first, column = result.grid.indicators[0].number, result.grid.indicators[-1].number
    assert first != column
    # a return from a subdivision that does not answer for 1.6 (as a form or an import brings one)
    session.apply(set_cell(session.period.id, info.id, outsider, first, "2 cazuri"))
    result = session.result(info.id)
    row = next(n for n, r in enumerate(result.grid.rows) if r.subdivision_id == outsider)
    assert not result.grid.rows[row].responsible
    assert column not in result.grid.rows[row].applicable
    select_action(window, info.code)
    model = window.action_page.model
    calls: list[object] = []
    real = session_module.load_grids
    monkeypatch.setattr(session_module, "load_grids", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert model.setData(model.index(row, column), "5 cazuri")
    assert not calls, "the edit reloaded the action from the file"
    fresh = action_result(load_grids(session.period, [info.id])[info.id])
    cached = session.result(info.id)
    assert cached.totals == fresh.totals
    assert cached.findings == fresh.findings
    assert [(r.subdivision_id, r.applicable, dict(r.values)) for r in cached.grid.rows] == [
        (r.subdivision_id, r.applicable, dict(r.values)) for r in fresh.grid.rows
    ]
    assert column in cached.grid.rows[row].applicable
    assert model.index(row, column).data() == "5 cazuri"

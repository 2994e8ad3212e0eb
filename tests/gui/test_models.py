"""Qt's model tester on the tree and grid models (empty, filled, after edits) and what they show."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import select_action, tr
from PySide6.QtCore import Qt

from balti_monitor.gui.grid_model import KIND_ROLE, CellKind, GridModel
from balti_monitor.gui.session import Session
from balti_monitor.gui.tree_model import ACTION_ID_ROLE, MARK_ROLE, ActionFilterProxy, PlanTreeModel
from balti_monitor.services.bundled import ensure_bundled_plan


def test_tree_model_on_a_plan_without_periods(qtmodeltester, tmp_path: Path) -> None:
    session = Session()
    session.open(tmp_path / "new.sqlite")
    try:
        model = PlanTreeModel(session)
        qtmodeltester.check(model)
        assert model.rowCount() == 6  # six priorities
        first_action = model.index(0, 0, model.index(0, 0))
        assert first_action.data(Qt.ItemDataRole.DisplayRole).startswith("1.1 ")
        assert first_action.data(MARK_ROLE) is None  # no period: no mark
        empty = Session()
        qtmodeltester.check(PlanTreeModel(empty))
        empty.deleteLater()
    finally:
        session.close()
        session.deleteLater()


def test_tree_model_filled_and_filtered(qtmodeltester, window) -> None:
    model = window.plan_panel.model
    qtmodeltester.check(model)
    actions = sum(model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
    assert actions == 48
    proxy = ActionFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_query("1.1")
    codes = _codes(proxy)
    assert "1.1" in codes and "1.15" in codes and "2.1" not in codes
    proxy.set_query("cadourilor")  # a word of 1.5's title
    assert _codes(proxy) == ["1.5"]
    proxy.set_query("angajarii si promovarii")  # diacritics do not matter: 1.1 "angajării și promovării"
    assert _codes(proxy) == ["1.1"]
    proxy.set_query("")
    assert len(_codes(proxy)) == 48


def _codes(proxy: ActionFilterProxy) -> list[str]:
    codes = []
    for p in range(proxy.rowCount()):
        parent = proxy.index(p, 0)
        for a in range(proxy.rowCount(parent)):
            text = proxy.index(a, 0, parent).data(Qt.ItemDataRole.DisplayRole)
            codes.append(text.split()[0])
    return codes


def test_tree_marks_match_the_period_results(window) -> None:
    model = window.plan_panel.model
    results = window.session.results()
    for p in range(model.rowCount()):
        parent = model.index(p, 0)
        for a in range(model.rowCount(parent)):
            index = model.index(a, 0, parent)
            result = results[index.data(ACTION_ID_ROLE)]
            assert index.data(MARK_ROLE) == result.mark.value
            assert index.data(Qt.ItemDataRole.DecorationRole) is not None
            tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
            if result.findings:
                counted = tr("Marks", "!: %n constatări ale verificărilor.", len(result.findings))
                assert counted in tooltip  # "1 constatare", never "1 constatări"


def test_grid_model_empty_filled_and_after_edits(qtmodeltester, window) -> None:
    empty = GridModel(window.session)
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0 and empty.columnCount() == 0

    select_action(window, "1.15")
    model = window.action_page.model
    qtmodeltester.check(model)
    assert model.columnCount() == 4  # description + 3 indicators
    assert model.headerData(0, Qt.Orientation.Horizontal) == tr(
        "GridModel", "Descrierea măsurilor întreprinse"
    )
    assert model.headerData(2, Qt.Orientation.Horizontal) == tr("GridModel", "Indicator {n}").format(n=2)
    assert "numărul de ore de instruire" in model.headerData(
        2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tr("GridModel", "(F/B)") in model.headerData(3, Qt.Orientation.Horizontal)  # reported by sex
    total_row = model.rowCount() - 1
    total_label = tr("GridModel", "Total instituții responsabile")
    assert model.headerData(total_row, Qt.Orientation.Vertical) == total_label
    assert not model.flags(model.index(total_row, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable

    assert model.setData(model.index(0, 2), "2100 ore de instruire")
    assert model.setData(model.index(1, 0), "Seminar nou\nal doilea paragraf")
    window.session.undo_stack.undo()
    qtmodeltester.check(model)
    select_action(window, "2.2")
    qtmodeltester.check(model)
    assert model.columnCount() == 10


def test_not_assigned_cells_look_different_from_missing_ones(window) -> None:
    select_action(window, "1.1")
    model = window.action_page.model
    press_row = model.row_of_subdivision(_subdivision_id(window, "Direcția-serviciul de presă"))
    # The press service answers only indicator 5 of action 1.1; its other cells hold "-" in the demo and are
    # drawn hatched all the same (the "-" stays visible).
    assert model.index(press_row, 1).data(KIND_ROLE) == CellKind.NOT_ASSIGNED.value
    assert model.index(press_row, 1).data() == "-"

    assert model.setData(model.index(press_row, 1), "")
    assert model.index(press_row, 1).data(KIND_ROLE) == CellKind.NOT_ASSIGNED.value
    assert model.setData(model.index(press_row, 5), "")
    assert model.index(press_row, 5).data(KIND_ROLE) == CellKind.MISSING.value
    hatched = model.index(press_row, 1).data(Qt.ItemDataRole.BackgroundRole)
    missing = model.index(press_row, 5).data(Qt.ItemDataRole.BackgroundRole)
    assert hatched.style() != missing.style()
    not_answered = tr("GridModel", "Subdiviziunea nu răspunde la acest indicator.")
    assert not_answered in model.index(press_row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tr("GridModel", "Valoarea lipsește.") in model.index(press_row, 5).data(
        Qt.ItemDataRole.ToolTipRole
    )


def _subdivision_id(window, name: str) -> int:
    from balti_monitor.db.models import Subdivision

    return Subdivision.get(Subdivision.name == name).id


def test_plan_outline_is_built_without_touching_the_grid(tmp_path: Path) -> None:
    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.services.outline import plan_outline

    open_database(tmp_path / "o.sqlite")
    try:
        plan, _ = ensure_bundled_plan()
        outline = plan_outline(plan.id)
        assert [p.number for p in outline] == ["I", "II", "III", "IV", "V", "VI"]
        action = outline[0].actions[0]
        assert action.code == "1.1" and len(action.indicators) == 7
        assert action.indicators[0].gender_split
    finally:
        close_database()


ENDURANCE = """
import sys
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from balti_monitor.gui import app as gui_app, dialogs
dialogs.ask_yes = lambda *a, **k: False
window = gui_app.start(sys.argv[1])
session = window.session
codes = ["1.1", "1.15", "2.2", "5.3", "1.6"]
for round in range(int(sys.argv[3])):
    info = session.action_by_code(codes[round % len(codes)])
    window.plan_panel.select_action(info.id)
    window.grab()
    model = window.action_page.model
    model.setData(model.index(0, 1), f"{round} cazuri")
    session.undo_stack.undo()
window.close()
session.close()
print("ok")
"""


@pytest.mark.stress
def test_hours_of_painting_do_not_crash_the_program(demo_copy, tmp_path) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call (gui/qt_compat.py) and the
    process dies with "deallocating None" after some seconds of painting; the pinned version must not."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", ENDURANCE, str(demo_copy), str(tmp_path / "settings"), "100"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")


def test_void_qt_calls_keep_their_reference_to_none(qapp) -> None:
    """The pinned PySide6 does not leak references to None (6.12.0 does: see gui/qt_compat.py)."""
    import sys

    from PySide6.QtGui import QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert before - after < 50

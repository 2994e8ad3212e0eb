"""A file holding several plans: the toolbar's plan selector switches the tree, the periods and the grid,
and the plan shown is remembered for the file."""

from __future__ import annotations

import copy

from gui_helpers import close_window
from PySide6.QtWidgets import QApplication

from balti_monitor.services.bundled import bundled_json, install_plan
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.periods import CreatePeriod, PeriodKey, key_of


def add_second_plan(window) -> int:
    """A second, smaller plan (priority I with a sub-action under 1.1) with one period, 2024-S2."""
    data = copy.deepcopy(bundled_json("pla_2023_2027.json"))
    data["plan"].update(code="PLAN-DOI", title="Al doilea plan de acțiuni", short_title="Al doilea plan")
    first = data["priorities"][0]
    first["actions"] = first["actions"][:2]
    sub = copy.deepcopy(first["actions"][0])
    sub.update(code="1.1.1", parent="1.1", title="Subacțiunea 1.1.1")
    first["actions"].insert(1, sub)
    data["priorities"] = [first]
    plan = install_plan(data)
    CreatePeriod(plan.id, PeriodKey(2024, 2)).apply()
    window.session.apply(ChangeSet.everything())
    QApplication.processEvents()
    return int(plan.id)


def test_the_plan_selector_switches_tree_periods_and_grid_and_is_remembered(start_window, demo_copy) -> None:
    window = start_window(demo_copy)
    combo = window.period_bar.plan_combo
    assert not combo.isEnabled()  # one plan: it only names it
    second = add_second_plan(window)
    assert combo.count() == 2 and combo.isEnabled()
    assert combo.itemText(1) == "Al doilea plan"

    combo.setCurrentIndex(1)
    QApplication.processEvents()
    session = window.session
    assert session.plan.id == second
    assert [p.number for p in session.outline] == ["I"]
    tree = window.plan_panel.model
    priority = tree.index(0, 0)
    assert tree.rowCount() == 1 and tree.rowCount(priority) == 2  # 1.1 (with 1.1.1 under it) and 1.2
    assert tree.rowCount(tree.index(0, 0, priority)) == 1
    assert key_of(session.period).code == "2024-S2"
    assert window.period_bar.year_combo.currentText() == "2024"
    shown = window.action_page.action_id
    assert shown is not None and shown in {a.id for a in session.actions()}
    assert window.settings.last_plan(str(demo_copy)) == "PLAN-DOI"

    close_window(window)
    again = start_window(demo_copy)
    assert again.session.plan.code == "PLAN-DOI"  # the file reopens on the plan shown last
    assert again.period_bar.plan_combo.currentIndex() == 1
    again.period_bar.plan_combo.setCurrentIndex(0)
    QApplication.processEvents()
    assert again.session.plan.code == "PLA-BALTI-2023-2027"
    assert key_of(again.session.period).code == "2023-S1"
    assert len(again.session.outline) == 6


def test_the_tree_with_sub_actions_passes_the_model_tester_and_filters_to_a_sub_action(
    qtmodeltester, window
) -> None:
    from balti_monitor.gui.tree_model import CODE_ROLE, ActionFilterProxy

    add_second_plan(window)
    window.period_bar.plan_combo.setCurrentIndex(1)
    QApplication.processEvents()
    model = window.plan_panel.model
    qtmodeltester.check(model)
    proxy = ActionFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_query("Subacțiunea 1.1.1")
    first = proxy.first_action()
    assert first.data(CODE_ROLE) == "1.1.1"  # not its parent 1.1, shown only to hold it
    assert first.parent().data(CODE_ROLE) == "1.1"


def test_new_period_follows_the_plans_kind(window, monkeypatch) -> None:
    from balti_monitor.gui import dialogs
    from balti_monitor.services.examples import load_example

    plan_id, changes = load_example("integritate-baltati")  # seed 001: reported per year, no period yet
    window.session.apply(changes)
    window.session.set_plan(plan_id)
    QApplication.processEvents()
    assert window.session.period is None
    first_year = window.session.plan.first_year
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_yes", lambda parent, title, text: asked.append(text) or True)
    assert window.period_bar.create_next_period()
    period = window.session.period
    assert (period.year, period.semester, period.span_end) == (first_year, 0, 0)  # a year, not a semester
    assert window.period_bar.year_combo.currentText() == str(first_year)
    window.undo()
    assert window.session.period is None

    plan_id, changes = load_example("program-balti-2017-2019")  # seed 002: one span, the whole plan
    window.session.apply(changes)
    window.session.set_plan(plan_id)
    QApplication.processEvents()
    assert key_of(window.session.period).code == "2017-2019"
    assert window.period_bar.year_combo.currentText() == "2017-2019"
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    assert not window.period_bar.create_next_period()  # 2020-2022 lies outside the plan's years
    assert errors and "2017-2019" in errors[0]

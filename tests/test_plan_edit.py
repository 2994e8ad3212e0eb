"""Editing the plan (priorities, actions, sub-actions, indicators): every edit undone and redone exactly.

``undo_redo`` (from ``test_undo_services``) compares every row of every table after each step; rows the
plan editor deletes come back under their former ids, so even the tables whose ids that test ignores are
compared as the user would see them.
"""

from __future__ import annotations

import json

import pytest
from test_undo_services import action, period, state, sub, undo_redo

from balti_monitor.db.models import (
    Action,
    CellComment,
    Indicator,
    Plan,
    Priority,
    Responsibility,
    TotalOverride,
    Value,
)
from balti_monitor.services.backup import list_auto_backups
from balti_monitor.services.comments import AddComment
from balti_monitor.services.editing import cell_text
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.outline import plan_outline
from balti_monitor.services.plan_delete import DeleteItem, back_up_before_deleting, item_contents
from balti_monitor.services.plan_edit import AddAction, AddIndicator, AddPriority, EditItem
from balti_monitor.services.plan_fields import ActionFields, IndicatorFields, PriorityFields, fields_of
from balti_monitor.services.plan_order import MoveItem, suggested_action_code, suggested_priority_number


def plan_id() -> int:
    return int(Plan.get().id)


def priority(number: str) -> int:
    return int(Priority.get((Priority.plan == plan_id()) & (Priority.number == number)).id)


def codes(number: str) -> list[str]:
    """The codes of a priority's actions in the order the outline (the tree) lists them."""
    return [a.code for p in plan_outline(plan_id()) if p.number == number for a in p.actions]


def indicator(code: str, number: int) -> int:
    return int(Indicator.get((Indicator.action == action(code)) & (Indicator.number == number)).id)


# -- add ----------------------------------------------------------------------------------------------------
def test_adding_an_action_after_another_is_undone_and_redone(engine_plan_db: str) -> None:
    pid = priority("II")
    assert suggested_action_code(pid, None) == "2.4"
    changes = undo_redo(AddAction(pid, None, ActionFields("2.4", "Acțiune nouă"), after_id=action("2.1")))
    assert changes.new_id is not None
    AddAction(pid, None, ActionFields("2.4", "Acțiune nouă"), after_id=action("2.1")).apply()
    assert codes("II") == ["2.1", "2.4", "2.2", "2.3"]  # placed after 2.1; no other code changed


def test_a_sub_action_goes_under_its_parent_and_the_outline_nests_it(engine_plan_db: str) -> None:
    a13 = action("1.13")
    pid = priority("I")
    assert suggested_action_code(pid, a13) == "1.13.1"
    undo_redo(AddAction(pid, a13, ActionFields("1.13.1", "Prima subacțiune")))
    new = AddAction(pid, a13, ActionFields("1.13.1", "Prima subacțiune")).apply().new_id
    AddAction(pid, a13, ActionFields("1.13.2", "A doua subacțiune")).apply()
    listed = [(a.code, a.parent_id) for p in plan_outline(plan_id()) if p.number == "I" for a in p.actions]
    at = [c for c, _ in listed].index("1.13")
    assert listed[at + 1 : at + 3] == [("1.13.1", a13), ("1.13.2", a13)]
    assert Action.get_by_id(new).parent_id == a13


def test_a_code_already_in_the_plan_is_refused_and_changes_nothing(engine_plan_db: str) -> None:
    before = state()
    with pytest.raises(ServiceError, match=r"1\.2"):
        AddAction(priority("II"), None, ActionFields("1.2", "Dublură")).apply()
    with pytest.raises(ServiceError, match="titlul"):
        AddAction(priority("II"), None, ActionFields("2.9", "  ")).apply()
    with pytest.raises(ServiceError, match="IV"):
        AddPriority(plan_id(), PriorityFields("IV", "Dublură")).apply()
    assert state() == before


def test_adding_a_priority_and_an_indicator_are_undone_and_redone(engine_plan_db: str) -> None:
    assert suggested_priority_number(plan_id()) == "VII"
    undo_redo(AddPriority(plan_id(), PriorityFields("VII", "Prioritate nouă"), after_id=priority("III")))
    changes = undo_redo(AddIndicator(action("1.2"), IndicatorFields("numărul de ședințe", "sum")))
    assert changes.actions == {action("1.2")}
    new = AddIndicator(action("1.2"), IndicatorFields("numărul de ședințe")).apply().new_id
    assert Indicator.get_by_id(new).number == 4  # 1.2 had three: the new one is added last


# -- edit and placeholders ----------------------------------------------------------------------------------
def test_filling_the_placeholders_of_the_balti_plan_clears_their_flags_and_undo_brings_them_back(
    engine_plan_db: str,
) -> None:
    iv = priority("IV")
    assert fields_of("priority", iv).title_placeholder
    undo_redo(EditItem("priority", iv, PriorityFields("IV", "Titlul completat", False)))
    a41 = action("4.1")
    old = fields_of("action", a41)
    assert isinstance(old, ActionFields) and old.title_placeholder and old.indicators_placeholder
    filled = ActionFields("4.1", "Titlul acțiunii 4.1", old.deadline, old.responsible_text, False, False)
    undo_redo(EditItem("action", a41, filled))
    EditItem("action", a41, filled).apply()
    outline = {a.code: a for p in plan_outline(plan_id()) for a in p.actions}
    assert outline["4.1"].title == "Titlul acțiunii 4.1" and not outline["4.1"].title_placeholder
    undo_redo(EditItem("indicator", indicator("2.2", 1), IndicatorFields("numărul de ghiduri", "sum")))


def test_renaming_an_action_with_data_keeps_its_data(engine_demo_db: str) -> None:
    a13 = action("1.13")
    old = fields_of("action", a13)
    assert isinstance(old, ActionFields)
    undo_redo(EditItem("action", a13, ActionFields("1.13", "Titlu nou", old.deadline, old.responsible_text)))
    EditItem("action", a13, ActionFields("1.13", "Titlu nou", old.deadline, old.responsible_text)).apply()
    assert cell_text(period().id, a13, sub("DS"), 1) == "5 acte"


# -- order ------------------------------------------------------------------------------------------------
def test_moving_an_action_changes_the_order_not_the_codes(engine_plan_db: str) -> None:
    undo_redo(MoveItem("action", action("2.2"), -1))
    MoveItem("action", action("2.2"), -1).apply()
    assert codes("II") == ["2.2", "2.1", "2.3"]
    with pytest.raises(ServiceError, match="primul"):
        MoveItem("action", action("2.2"), -1).apply()
    undo_redo(MoveItem("priority", priority("VI"), -1))
    with pytest.raises(ServiceError, match="ultimul"):
        MoveItem("priority", priority("VI"), 1).apply()


def test_moving_an_indicator_swaps_numbers_and_its_values_and_responsibilities_follow(
    engine_demo_db: str,
) -> None:
    a11, pid = action("1.1"), period().id
    first, second = indicator("1.1", 1), indicator("1.1", 2)
    value_of_second = cell_text(pid, a11, sub("DRU"), 2)
    dsp = Responsibility.get((Responsibility.action == a11) & (Responsibility.subdivision == sub("DSP")))
    assert dsp.indicators == [5]
    undo_redo(MoveItem("indicator", indicator("1.1", 5), -1))
    MoveItem("indicator", second, -1).apply()
    assert Indicator.get_by_id(second).number == 1 and Indicator.get_by_id(first).number == 2
    assert cell_text(pid, a11, sub("DRU"), 1) == value_of_second  # the value moved with its indicator
    MoveItem("indicator", indicator("1.1", 5), -1).apply()
    assert Responsibility.get_by_id(dsp.id).indicators == [4]  # DSP still answers the same indicator


# -- delete -------------------------------------------------------------------------------------------------
def test_deleting_an_action_with_data_is_undone_with_every_row_back(engine_demo_db: str) -> None:
    a13 = action("1.13")
    AddComment(period().id, a13, sub("DS"), 1, "de verificat").apply()
    contents = item_contents("action", a13)
    # one comment: "1 comentariu", not "1 comentarii" (each count by its number)
    assert contents.has_data and "valori" in contents.describe() and "• 1 comentariu;" in contents.describe()
    changes = undo_redo(DeleteItem("action", a13))
    assert a13 in changes.actions
    DeleteItem("action", a13).apply()
    assert "1.13" not in codes("I")
    assert not Value.select().join(Indicator).where(Indicator.action == a13).exists()


def test_deleting_a_priority_takes_its_actions_and_undo_brings_all_back(engine_demo_db: str) -> None:
    undo_redo(DeleteItem("priority", priority("I")))


def test_deleting_an_action_with_sub_actions_takes_them_and_undo_brings_them_back(
    engine_plan_db: str,
) -> None:
    a13 = action("1.13")
    AddAction(priority("I"), a13, ActionFields("1.13.1", "Sub")).apply()
    undo_redo(DeleteItem("action", a13))
    DeleteItem("action", a13).apply()
    assert not Action.select().where(Action.code == "1.13.1").exists()


def test_deleting_an_indicator_renumbers_the_next_ones_and_their_data_follows(engine_demo_db: str) -> None:
    a11, pid = action("1.1"), period().id
    third = cell_text(pid, a11, sub("DRU"), 3)
    AddComment(pid, a11, sub("DRU"), 3, "de clarificat").apply()
    AddComment(pid, a11, sub("DRU"), 2, "se șterge cu indicatorul").apply()
    contents = item_contents("indicator", indicator("1.1", 2))
    assert "Indicatorii 3–7" in contents.describe()
    undo_redo(DeleteItem("indicator", indicator("1.1", 2)))
    undo_redo(
        DeleteItem("indicator", indicator("1.1", 5))
    )  # DSP answered only 5: its row goes and comes back
    DeleteItem("indicator", indicator("1.1", 2)).apply()
    numbers = [i.number for i in Indicator.select().where(Indicator.action == a11).order_by(Indicator.number)]
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert cell_text(pid, a11, sub("DRU"), 2) == third  # what was indicator 3 is now 2, with its value
    comment = CellComment.get(CellComment.text == "de clarificat")
    assert comment.column_no == 2
    assert not CellComment.select().where(CellComment.text == "se șterge cu indicatorul").exists()
    dru = Responsibility.get((Responsibility.action == a11) & (Responsibility.subdivision == sub("DRU")))
    assert dru.indicators == [1, 2, 3, 4, 5, 6]


def test_deleting_an_indicator_with_a_manual_total_takes_it_and_undo_brings_it_back(
    engine_demo_db: str,
) -> None:
    overridden = TotalOverride.select().where(TotalOverride.indicator.is_null(False)).first()
    if overridden is None:  # the demo has none: make one
        from balti_monitor.domain.grid import OverrideDef
        from balti_monitor.services.editing import SetOverride

        SetOverride(period().id, action("1.6"), 5, OverrideDef("4 cazuri", "motiv", "")).apply()
        overridden = TotalOverride.get()
    assert item_contents("indicator", overridden.indicator_id).has_data
    undo_redo(DeleteItem("indicator", overridden.indicator_id))


def test_an_item_with_data_is_backed_up_before_deletion_and_an_empty_one_is_not(engine_demo_db: str) -> None:
    """On a file and on a server (whose automatic backups are listed from their own folder)."""
    assert back_up_before_deleting("action", action("1.13")) is not None
    assert any(b.reason == "stergereplan" for b in list_auto_backups())
    new = AddAction(priority("VI"), None, ActionFields("6.2", "Fără date")).apply().new_id
    assert new is not None
    assert not item_contents("action", new).has_data
    assert back_up_before_deleting("action", new) is None


def test_json_lists_stay_lists(engine_demo_db: str) -> None:
    """The responsibilities' number lists written by the renumbering read back as the model's JSON."""
    DeleteItem("indicator", indicator("1.1", 1)).apply()
    raw = Responsibility.select().where(Responsibility.action == action("1.1")).first()
    assert isinstance(raw.indicators, list)
    assert json.loads(json.dumps(raw.indicators)) == raw.indicators


# -- the plan's own columns ---------------------------------------------------------------------------------
def test_a_column_added_to_a_plan_of_kind_columns_declares_them_and_undo_takes_all_back(
    engine_plan_db: str,
) -> None:
    from balti_monitor.services.plan_edit import AddColumn
    from balti_monitor.services.plan_fields import ColumnFields
    from balti_monitor.services.plans import plan_columns

    assert all(c.id is None for c in plan_columns(plan_id()))  # the Bălți plan uses its kind's columns
    changes = undo_redo(AddColumn(plan_id(), ColumnFields("Parteneri", "6")))
    assert all(c.id is None for c in plan_columns(plan_id()))
    AddColumn(plan_id(), ColumnFields("Parteneri", "6")).apply()
    columns = plan_columns(plan_id())
    assert columns[-1].label == "Parteneri" and columns[-1].key == "parteneri" and columns[-1].is_declared
    assert changes.new_id is not None


def test_columns_are_edited_moved_and_deleted_with_their_values_and_undo(engine_plan_db: str) -> None:
    from status_plan import make_status_plan

    from balti_monitor.services.plan_edit import AddColumn
    from balti_monitor.services.plan_fields import ColumnFields
    from balti_monitor.services.plans import action_column_values, plan_columns

    plan = make_status_plan()
    partners, cost = plan.columns["partners"], plan.columns["cost"]
    undo_redo(AddColumn(plan.plan_id, ColumnFields("Riscuri"), after_id=partners))
    AddColumn(plan.plan_id, ColumnFields("Riscuri"), after_id=partners).apply()
    assert [c.label for c in plan_columns(plan.plan_id)] == ["Parteneri", "Riscuri", "Costuri"]
    with pytest.raises(ServiceError, match="deja o coloană"):
        AddColumn(plan.plan_id, ColumnFields("riscuri")).apply()
    undo_redo(EditItem("column", cost, ColumnFields("Costuri estimate", "8", True, False, "cost")))
    undo_redo(MoveItem("column", cost, -1))
    contents = item_contents("column", partners)
    assert contents.has_data and "coloanele planului" in contents.describe()
    undo_redo(DeleteItem("column", partners))
    DeleteItem("column", partners).apply()
    assert action_column_values(plan.actions["1.1.1"]) == {"cost": "În limitele bugetului"}


def test_an_actions_texts_in_the_plans_columns_are_edited_with_its_form(engine_plan_db: str) -> None:
    from status_plan import make_status_plan

    from balti_monitor.services.plans import action_column_values

    plan = make_status_plan()
    s1 = plan.actions["1.1.1"]
    old = fields_of("action", s1)
    assert isinstance(old, ActionFields)
    assert old.columns == (("partners", "Societatea civilă"), ("cost", "În limitele bugetului"))
    new = ActionFields(
        old.code,
        old.title,
        old.deadline,
        old.responsible_text,
        columns=(("partners", ""), ("cost", "1 mil. lei")),
    )
    undo_redo(EditItem("action", s1, new))
    EditItem("action", s1, new).apply()
    assert action_column_values(s1) == {"cost": "1 mil. lei"}
    outline = {a.code: a for p in plan_outline(plan.plan_id) for a in p.actions}
    assert outline["1.1.1"].columns == (("cost", "1 mil. lei"),)
    added = AddAction(
        Action.get_by_id(s1).priority_id,
        None,
        ActionFields("1.3", "Nouă", columns=(("partners", "ONG"),)),
    ).apply()
    assert action_column_values(added.new_id) == {"partners": "ONG"}

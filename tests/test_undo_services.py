"""Undo and redo of every write the GUI can undo, without Qt.

Each write returns its inverse (``ChangeSet.inverse``), snapshot and write in one transaction. For each one:
apply it, apply its inverse and the database holds exactly what it held before; apply the inverse of the
inverse (a redo) and it holds exactly what the write left; and once more back. "Exactly" is every row of
every table, except the time stamps that record when a row was last written (an undo is a write too) and
the ids of rows the services delete and re-create (returns, values, aliases, responsibilities, form
statuses, Total overrides; rows of other tables keep their ids, so a re-created period or subdivision is the
same one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from balti_monitor.db.models import Period, Plan, Subdivision, TotalOverride, database, is_postgresql
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.interchange.form_states import ImportForms, SetFormStates
from balti_monitor.interchange.forms_common import FormState, form_statuses
from balti_monitor.services.changes import ChangeSet, Focus, Write
from balti_monitor.services.editing import CellEdit, SetCells, SetOverride, action_by_code, cell_text
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.narrative import NarrativeData, SaveNarrative, get_narrative
from balti_monitor.services.periods import CreatePeriod, PeriodKey, period_info
from balti_monitor.services.responsibilities import SetResponsibilities, responsibility_state
from balti_monitor.services.subdivisions import SaveSubdivision, SubdivisionState, subdivision_state

VALUE_COLUMN = 4  # column D of a return form's "Retur" sheet
VOLATILE = {"updated_at", "created_at"}
REBUILT = {
    "return",
    "value",
    "subdivision_alias",
    "responsibility",
    "period_responsibility",
    "finding_acknowledgement",
    "form_status",
    "total_override",
    "return_link",
    "action_column_value",
    "group_column",
}
#: A server's sequences never hand out an id twice (a file reuses the highest one): there, only the rows
#: other rows point to keep their ids through an undo (the service re-creates them under their former ids).
KEEP_IDS_ON_SERVER = {"plan", "priority", "action", "indicator", "subdivision", "period"}


def state() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (time stamps left out; re-created rows without their ids)."""
    server = is_postgresql()
    tables = [
        r[0]
        for r in database.execute_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_name NOT IN ('change_log', 'audit_context', 'schema_version', 'search_index')"
            if server
            else "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT IN ('change_log', 'audit_context')"  # the log only grows: undo is a change too
            " AND name NOT LIKE 'search_index%'"  # FTS segments differ by history, not by content
        )
    ]
    return_key = {
        rid: (action, sub, period)
        for rid, action, sub, period in database.execute_sql(
            'SELECT id, action_id, subdivision_id, period_id FROM "return"'
        )
    }
    dump: dict[str, list[tuple[Any, ...]]] = {}
    for table in tables:
        columns = (
            [
                r[0]
                for r in database.execute_sql(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    " AND table_name = %s ORDER BY ordinal_position",
                    (table,),
                )
            ]
            if server
            else [r[1] for r in database.execute_sql(f'PRAGMA table_info("{table}")')]
        )
        rebuilt = table in REBUILT or (server and table not in KEEP_IDS_ON_SERVER)
        kept = [c for c in columns if c not in VOLATILE and not (rebuilt and c == "id")]
        rows = []
        for row in database.execute_sql("SELECT " + ", ".join(f'"{c}"' for c in kept) + f' FROM "{table}"'):
            rows.append(
                tuple(return_key[v] if c == "return_id" else v for c, v in zip(kept, row, strict=True))
            )
        dump[table] = sorted(rows, key=repr)
    if (
        "search_index" in dump
    ):  # what the search finds (row ids follow re-created rows' ids), not how FTS5 stores it
        dump["search_index"] = sorted(database.execute_sql("SELECT * FROM search_index").fetchall(), key=repr)
    return dump


def undo_redo(write: Write) -> ChangeSet:
    """Apply, undo, redo, undo again, checking the whole database at each step (it ends undone)."""
    before = state()
    changes = write.apply()
    after = state()
    assert after != before, "the write changed nothing"
    assert changes.inverse is not None
    undone = changes.inverse.apply()
    assert state() == before
    assert undone.inverse is not None
    redone = undone.inverse.apply()
    assert state() == after
    assert redone.inverse is not None
    redone.inverse.apply()
    assert state() == before
    return changes


def period() -> Period:
    return Period.get()


def action(code: str) -> int:
    return int(action_by_code(Plan.get().id, code).id)


def sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


# -- cells --------------------------------------------------------------------------------------------------


def test_editing_a_value_is_undone_and_redone(engine_demo_db: str) -> None:
    pid, a13 = period().id, action("1.13")
    assert cell_text(pid, a13, sub("DS"), 1) == "5 acte"
    changes = undo_redo(SetCells(pid, a13, (CellEdit(sub("DS"), 1, "6 acte"),)))
    assert changes.actions == {a13}
    assert changes.focus == Focus(pid, a13, sub("DS"), 1)  # where an undo takes the user


def test_a_first_value_in_an_empty_row_is_undone_to_no_return_at_all(engine_plan_db: str) -> None:
    pid = CreatePeriod(Plan.get().id, PeriodKey(2023, 1)).apply().new_id
    assert pid is not None
    a11 = action("1.1")
    first = responsibility_state(a11)[0][0]
    undo_redo(SetCells(pid, a11, (CellEdit(first, 1, "3 funcționari"), CellEdit(first, 0, "Descriere"))))
    assert cell_text(pid, a11, first, 0) is None


def test_a_paste_and_a_clear_are_one_step_each(engine_demo_db: str) -> None:
    pid, a11 = period().id, action("1.1")
    dru = sub("DRU")
    undo_redo(SetCells(pid, a11, tuple(CellEdit(dru, c, f"{c} cazuri") for c in (1, 2, 3))))
    undo_redo(SetCells(pid, a11, (CellEdit(dru, 1, None), CellEdit(dru, 0, None))))


def test_a_refused_cell_changes_nothing_and_has_no_inverse(engine_demo_db: str) -> None:
    pid, a13 = period().id, action("1.13")
    before = state()
    with pytest.raises(ServiceError):
        SetCells(pid, a13, (CellEdit(sub("DS"), 2, "8 acte"), CellEdit(sub("DS"), 1, "-5 acte"))).apply()
    assert state() == before


# -- Total overrides ----------------------------------------------------------------------------------------


def test_typing_a_total_by_hand_is_undone_and_redone(engine_demo_db: str) -> None:
    pid, a13 = period().id, action("1.13")
    changes = undo_redo(SetOverride(pid, a13, 1, OverrideDef("9 acte", "din registru", "Ana")))
    assert changes.focus == Focus(pid, a13, 0, 1)  # the Total row


def test_changing_and_clearing_an_existing_override_are_undone(engine_demo_db: str) -> None:
    pid, a13 = period().id, action("1.13")
    SetOverride(pid, a13, 2, OverrideDef("7 acte", "din registru")).apply()
    existing = TotalOverride.get((TotalOverride.action == a13) & (TotalOverride.indicator.is_null(False)))
    assert existing.raw_text == "7 acte"
    undo_redo(SetOverride(pid, a13, 2, OverrideDef("1", "alt motiv")))
    undo_redo(SetOverride(pid, a13, 2, None))


def test_responsibilities_changed_from_a_period_on_are_undone_everywhere(engine_demo_db: str) -> None:
    from balti_monitor.services.applicability import SetResponsibilitiesFrom, period_state

    pid, a11 = period().id, action("1.1")
    current = period_state(pid, a11)
    target = tuple((sid, tuple(sorted({*numbers, 1, 2}))) for sid, numbers in current)
    changes = undo_redo(SetResponsibilitiesFrom(a11, pid, target))
    assert changes.focus == Focus(action_id=a11)
    assert period_state(pid, a11) == current


def test_acknowledging_a_finding_is_undone_and_redone(engine_demo_db: str) -> None:
    from balti_monitor.services.acknowledgements import SetAcknowledgement
    from balti_monitor.services.results import period_results

    found = next(f for r in period_results(period()).values() for f in r.findings)
    changes = undo_redo(SetAcknowledgement(period().id, found.key, "verificat la telefon"))
    assert changes.focus is not None and changes.focus.period_id == period().id


def test_the_counts_cell_override_is_undone(engine_demo_db: str) -> None:
    undo_redo(SetOverride(period().id, action("1.1"), None, OverrideDef("2/0/0", "verificat")))


# -- narrative ----------------------------------------------------------------------------------------------


def test_saving_the_narrative_is_undone_and_redone(engine_demo_db: str) -> None:
    pid = period().id
    old = get_narrative(pid)
    new = NarrativeData(**{**old.as_dict(), "executive_summary": "Rezumat nou", "risks": ["Un risc"]})
    undo_redo(SaveNarrative(pid, new))


def test_a_first_narrative_is_undone_to_none(engine_plan_db: str) -> None:
    created = CreatePeriod(Plan.get().id, PeriodKey(2023, 1)).apply()
    assert created.new_id is not None
    undo_redo(SaveNarrative(created.new_id, NarrativeData(executive_summary="Primul text")))


# -- responsibilities, subdivisions, periods ----------------------------------------------------------------


def test_changing_responsibilities_is_undone_and_redone(engine_demo_db: str) -> None:
    a11 = action("1.1")
    current = responsibility_state(a11)
    _first, *rest = current
    newcomer = next(s.id for s in Subdivision.select() if s.id not in {sid for sid, _ in current})
    target = (*((sid, tuple(nums)) for sid, nums in reversed(rest)), (newcomer, (1,)))
    changes = undo_redo(SetResponsibilities(a11, target))
    assert changes.plan_structure and changes.focus == Focus(action_id=a11)
    assert responsibility_state(a11) == current


def test_creating_a_subdivision_is_undone_and_redone_under_the_same_id(engine_plan_db: str) -> None:
    state_ = SubdivisionState("DTST", "Direcția test", ("Direcţia de test",), True)
    changes = undo_redo(SaveSubdivision(None, state_))
    assert changes.new_id is not None
    assert Subdivision.get_or_none(Subdivision.id == changes.new_id) is None  # undone
    # (the redo inside undo_redo re-created it: the subdivision table is compared with its ids)


def test_editing_a_subdivision_is_undone_and_redone(engine_demo_db: str) -> None:
    dru = sub("DRU")
    old = subdivision_state(dru)
    assert "DRU" in old.aliases  # an alias equal to the abbreviation comes back too
    undo_redo(SaveSubdivision(dru, SubdivisionState("DRUx", old.name + " (nou)", ("Resurse umane",), False)))
    assert subdivision_state(dru) == old


def test_creating_a_period_is_undone_and_redone_under_the_same_id(engine_demo_db: str) -> None:
    changes = undo_redo(CreatePeriod(Plan.get().id, PeriodKey(2023, 2)))
    assert changes.periods and changes.new_id is not None
    assert changes.focus == Focus(changes.new_id)
    assert period_info(changes.new_id) is None  # undone
    again = CreatePeriod(Plan.get().id, PeriodKey(2023, 2), changes.new_id).apply()
    assert again.new_id == changes.new_id
    assert period_info(changes.new_id) is not None


def test_undoing_a_period_that_got_data_is_refused_and_changes_nothing(engine_demo_db: str) -> None:
    changes = CreatePeriod(Plan.get().id, PeriodKey(2023, 2)).apply()
    assert changes.new_id is not None
    SetCells(changes.new_id, action("1.1"), (CellEdit(sub("DRU"), 1, "1 caz"),)).apply()
    before = state()
    with pytest.raises(ServiceError, match="conține deja date"):
        changes.inverse.apply()  # type: ignore[union-attr]
    assert state() == before


# -- return forms -------------------------------------------------------------------------------------------


def test_marking_forms_is_undone_and_redone(engine_demo_db: str) -> None:
    p = period()
    ids = (sub("DRU"), sub("DS"))
    undo_redo(SetFormStates(p.id, ids, FormState.SENT))
    undo_redo(SetFormStates(p.id, ids[:1], FormState.NEEDS_CORRECTION))
    assert all(r.state is None for r in form_statuses(p) if r.subdivision_id in ids)


def test_importing_forms_is_undone_and_redone(engine_demo_db: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from balti_monitor.interchange.forms_in import preview_import
    from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms

    p = period()
    dru = sub("DRU")
    generate_forms(p, tmp_path, FormsOutOptions(subdivision_ids=frozenset({dru})))
    path = tmp_path / "Retur_DRU_2023-S1.xlsx"
    book = load_workbook(path)
    sheet = book["Retur"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "1.1#1")
    row[VALUE_COLUMN - 1].value = "99 funcționari"
    book.save(path)
    preview = preview_import([path], p)
    changes = undo_redo(ImportForms(preview, ()))
    assert changes.detail.applied >= 1
    assert changes.focus is not None and changes.focus.action_id == action("1.1")


def test_choosing_an_annual_rule_is_undone_and_redone(engine_demo_db: str) -> None:
    from balti_monitor.db.models import Indicator
    from balti_monitor.domain.grid import AnnualRule
    from balti_monitor.services.annual import SetAnnualRule

    indicator = Indicator.get((Indicator.action == action("1.1")) & (Indicator.number == 2)).id
    changes = undo_redo(SetAnnualRule(indicator, AnnualRule.MAX))
    assert changes.actions == {action("1.1")}


def test_setting_a_term_by_hand_is_undone_and_redone(engine_demo_db: str) -> None:
    import datetime as dt

    from balti_monitor.domain.terms import Term, TermKind
    from balti_monitor.services.terms import SetActionTerm

    changes = undo_redo(SetActionTerm(action("2.2"), Term(TermKind.DEADLINE, dt.date(2024, 12, 31))))
    assert changes.focus == Focus(None, action("2.2"))


# -- comments and follow-ups ------------------------------------------------------------------------------


def test_adding_and_resolving_a_follow_up_are_undone_and_redone(engine_demo_db: str) -> None:
    from balti_monitor.services.comments import AddComment, SetResolved

    pid, a13 = period().id, action("1.13")
    undo_redo(AddComment(pid, a13, sub("DS"), 1, "de clarificat: 7 sau 8 acte?"))
    added = AddComment(pid, a13, 0, 2, "totalul?").apply()
    assert added.new_id is not None
    undo_redo(SetResolved(added.new_id))


def test_a_redone_resolution_keeps_the_time_it_was_first_resolved(engine_demo_db: str) -> None:
    import time

    from balti_monitor.db.models import CellComment
    from balti_monitor.services.comments import AddComment, SetResolved

    added = AddComment(period().id, action("1.13"), sub("DS"), 1, "de clarificat").apply()
    assert added.new_id is not None
    done = SetResolved(added.new_id).apply()
    first = CellComment.get_by_id(added.new_id).resolved_at
    assert done.inverse is not None
    undone = done.inverse.apply()
    time.sleep(1.05)  # a redo in another second must not change when it was resolved
    assert undone.inverse is not None
    undone.inverse.apply()
    assert CellComment.get_by_id(added.new_id).resolved_at == first


# -- plans of other kinds -----------------------------------------------------------------------------------


def test_writing_an_items_declared_column_is_undone_and_redone(engine_plan_db: str) -> None:
    from kind_plans import open_government_plan

    from balti_monitor.services.plans import SetColumnValue, action_column_values

    ids = open_government_plan()
    changes = undo_redo(SetColumnValue(ids["1.1"], "partners", "Societatea civilă"))
    assert changes.focus == Focus(action_id=ids["1.1"])
    SetColumnValue(ids["1.1"], "cost", "În limitele bugetului aprobat").apply()
    undo_redo(SetColumnValue(ids["1.1"], "cost", "2,5 mil. lei"))
    undo_redo(SetColumnValue(ids["1.1"], "cost", ""))  # clearing removes the value, undo puts it back
    assert action_column_values(ids["1.1"]) == {"cost": "În limitele bugetului aprobat"}


def test_progress_of_an_action_as_a_whole_is_undone_and_redone(engine_plan_db: str) -> None:
    from kind_plans import open_government_plan

    from balti_monitor.services.progress import Link, SaveProgress, action_progress

    ids = open_government_plan()
    links = (Link("https://date.gov.md", "https://date.gov.md"), Link("sondaj", "https://docs.google.com/f"))
    first = SaveProgress(ids["1.1"], ids["period"], "Sondaj lansat.", "În proces de realizare", links)
    changes = undo_redo(first)  # a first entry is undone to no return at all
    assert changes.focus == Focus(ids["period"], ids["1.1"], -1)
    first.apply()
    undo_redo(SaveProgress(ids["1.1"], ids["period"], "Sondaj încheiat.", "Realizată", links[:1]))
    undo_redo(SaveProgress(ids["1.1"], ids["period"], "", "", ()))  # removing it is undone too
    assert action_progress(ids["1.1"], ids["period"]).links == links


def test_editing_a_plans_declared_columns_is_undone_with_the_texts_of_a_deleted_column(
    engine_plan_db: str,
) -> None:
    from kind_plans import open_government_plan

    from balti_monitor.db.models import GroupColumn, PlanColumn, Priority
    from balti_monitor.services.plans import SetColumnValue, SetPlanColumns, new_column, plan_columns

    ids = open_government_plan()
    SetColumnValue(ids["1.1"], "partners", "Societatea civilă").apply()
    group = Priority.get(Priority.plan == ids["plan"])
    partners = PlanColumn.get((PlanColumn.plan == ids["plan"]) & (PlanColumn.key == "partners"))
    GroupColumn.create(priority=group, column=partners, position=1, label="Parteneri (grup)")
    columns = plan_columns(ids["plan"])
    without_partners = tuple(c for c in columns if c.key != "partners")
    reordered = (without_partners[-1], *without_partners[:-1], new_column("risks", "Riscuri"))
    undo_redo(SetPlanColumns(ids["plan"], reordered))  # deleted, reordered and added in one step
    undo_redo(SetPlanColumns(ids["plan"], ()))  # back to the kind's columns


def test_a_groups_own_column_set_is_undone_and_redone(engine_plan_db: str) -> None:
    from kind_plans import open_government_plan

    from balti_monitor.db.models import Priority
    from balti_monitor.services.plans import SetGroupColumns, group_columns

    ids = open_government_plan()
    group = Priority.get(Priority.plan == ids["plan"]).id
    undo_redo(SetGroupColumns(group, (("sub_action", "Măsuri"), ("deadline", "Termen"), ("cost", "Buget"))))
    SetGroupColumns(group, (("sub_action", "Măsuri"),)).apply()
    assert [(c.key, c.label) for c in group_columns(group)] == [("sub_action", "Măsuri")]
    undo_redo(SetGroupColumns(group, ()))  # back to the plan's columns
    with pytest.raises(ServiceError, match="nu are coloana „risks”"):
        SetGroupColumns(group, (("risks", "Riscuri"),)).apply()

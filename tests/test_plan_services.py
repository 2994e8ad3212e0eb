"""Several plans in one file and plans of other kinds: choosing a plan, its columns, an item's declared
column values, the progress of an action as a whole; on a SQLite file and on a PostgreSQL server."""

from __future__ import annotations

from dataclasses import replace

import pytest
from kind_plans import open_government_plan, programme_report

from balti_monitor.db.models import Plan, Return, ReturnLink
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plans import (
    SetColumnValue,
    action_column_values,
    column_values,
    plan_columns,
    plan_kind,
    select_plan,
)
from balti_monitor.services.progress import Link, SaveProgress, action_progress, period_progress


def test_the_only_plan_is_chosen_without_a_code(engine_plan_db: str) -> None:
    only = select_plan(None)
    assert only.code == Plan.get().code and only.kind == "pla"


def test_with_several_plans_a_code_is_needed_and_the_message_lists_them(engine_plan_db: str) -> None:
    open_government_plan()
    with pytest.raises(ServiceError) as caught:
        select_plan(None)
    assert "--plan" in str(caught.value)
    assert "PLA-BALTI-2023-2027" in str(caught.value) and "OGP-2019-2020" in str(caught.value)
    assert select_plan("ogp-2019-2020").code == "OGP-2019-2020"
    with pytest.raises(ServiceError, match=r"Planul „X” nu există.*OGP-2019-2020"):
        select_plan("X")


def test_a_plan_without_declared_columns_shows_its_kinds(engine_plan_db: str) -> None:
    plan_id = Plan.get().id
    columns = plan_columns(plan_id)
    assert [c.key for c in columns] == [c.key for c in plan_kind(plan_id).columns]
    assert all(c.id is None for c in columns)


def test_an_items_declared_column_is_written_and_read_back(engine_plan_db: str) -> None:
    ids = open_government_plan()
    labels = [c.label for c in plan_columns(ids["plan"]) if c.in_plan]
    assert labels[3:6] == ["Instituții responsabile", "Parteneri", "Termen de realizare"]
    SetColumnValue(ids["1.2"], "partners", "Asociația Presei Independente").apply()
    assert action_column_values(ids["1.2"]) == {"partners": "Asociația Presei Independente"}
    assert column_values(ids["plan"]) == {ids["1.2"]: {"partners": "Asociația Presei Independente"}}
    with pytest.raises(ServiceError, match="coloana declarată „deadline”"):
        SetColumnValue(ids["1.2"], "deadline", "Anual").apply()  # a built-in field, not a declared column
    with pytest.raises(ServiceError):
        SetColumnValue(ids["1.2"], "partners", "a\x00b").apply()
    assert action_column_values(ids["1.2"]) == {"partners": "Asociația Presei Independente"}


def test_progress_keeps_the_raw_status_its_meaning_and_the_links_in_order(engine_plan_db: str) -> None:
    ids = open_government_plan()
    links = (
        Link("www.date.gov.md", "http://www.date.gov.md/"),
        Link("formular", "https://docs.google.com/x"),
    )
    SaveProgress(ids["1.2"], ids["period"], "Portalul a fost extins.", "Realizată ", links).apply()
    entry = action_progress(ids["1.2"], ids["period"])
    assert (entry.status, entry.meaning, entry.links) == ("Realizată ", "done", links)
    SaveProgress(ids["1.1"], ids["period"], "", "Amânată", ()).apply()
    assert action_progress(ids["1.1"], ids["period"]).meaning == ""  # not in the vocabulary: raw kept
    assert set(period_progress(ids["period"])) == {ids["1.1"], ids["1.2"]}
    SaveProgress(ids["1.1"], ids["period"], "", "", ()).apply()
    assert set(period_progress(ids["period"])) == {ids["1.2"]}


@pytest.mark.parametrize(
    ("link", "message"),
    [
        (Link("portal", ""), "nu are adresă"),
        (Link("portal", "date.gov.md"), "trebuie să înceapă"),
        (Link("portal", "https://date gov.md"), "spații"),
    ],
)
def test_a_bad_link_is_refused_and_nothing_changes(engine_plan_db: str, link: Link, message: str) -> None:
    ids = open_government_plan()
    with pytest.raises(ServiceError, match=message):
        SaveProgress(ids["1.1"], ids["period"], "Text", "Realizată", (link,)).apply()
    assert Return.select().count() == 0 and ReturnLink.select().count() == 0


def test_progress_over_a_span_of_years(engine_plan_db: str) -> None:
    ids = programme_report()
    SaveProgress(ids["1.1"], ids["period"], "Au fost aprobate Regulamentele.", "", ()).apply()
    assert action_progress(ids["1.1"], ids["period"]).description == "Au fost aprobate Regulamentele."


def test_a_plan_reported_per_subdivision_refuses_progress_of_the_action_as_a_whole(
    engine_demo_db: str,
) -> None:
    from balti_monitor.db.models import Action, Period

    action = Action.select().first()
    with pytest.raises(ServiceError, match="pe subdiviziuni"):
        SaveProgress(action.id, Period.get().id, "Text", "", ()).apply()


def test_declared_columns_are_edited_and_a_bad_list_is_refused(engine_plan_db: str) -> None:
    from balti_monitor.services.plans import SetPlanColumns, column_value_counts, new_column

    ids = open_government_plan()
    SetColumnValue(ids["1.1"], "partners", "Societatea civilă").apply()
    SetColumnValue(ids["1.2"], "partners", "APIC").apply()
    assert column_value_counts(ids["plan"]) == {"partners": 2}  # what deleting the column would lose
    columns = tuple(plan_columns(ids["plan"]))
    with pytest.raises(ServiceError, match="apare de două ori"):
        SetPlanColumns(ids["plan"], (*columns, new_column("partners", "Parteneri 2"))).apply()
    with pytest.raises(ServiceError, match="cheia"):
        SetPlanColumns(ids["plan"], (*columns, new_column("Riscuri", "Riscuri"))).apply()
    assert plan_columns(ids["plan"]) == list(columns)
    renamed = tuple(
        c if c.key != "partners" else replace(c, label="Parteneri de implementare") for c in columns
    )
    SetPlanColumns(ids["plan"], renamed).apply()
    assert [c.label for c in plan_columns(ids["plan"]) if c.key == "partners"] == [
        "Parteneri de implementare"
    ]
    assert action_column_values(ids["1.1"]) == {"partners": "Societatea civilă"}  # texts kept with the column


def test_the_outline_carries_sub_actions_and_declared_column_texts(engine_plan_db: str) -> None:
    from balti_monitor.services.outline import plan_outline

    ids = open_government_plan()
    SetColumnValue(ids["1.2"], "cost", "2,5 mil. lei").apply()
    SetColumnValue(ids["1.2"], "partners", "APIC").apply()
    (group,) = plan_outline(ids["plan"])
    parent, first, second = group.actions
    assert (parent.parent_id, first.parent_id, second.parent_id) == (None, ids["1"], ids["1"])
    assert second.columns == (("partners", "APIC"), ("cost", "2,5 mil. lei"))  # in the plan's column order
    assert second.column("cost") == "2,5 mil. lei" and first.column("cost") == ""
    assert "apic" in second.search_key


def test_the_next_period_follows_the_kinds_granularity(engine_plan_db: str) -> None:
    from balti_monitor.services.periods import create_period_in
    from balti_monitor.services.plans import next_period_of

    assert next_period_of(Plan.get().id).code == "2023-S1"  # the Bălți plan: semesters
    ogp = open_government_plan()
    assert next_period_of(ogp["plan"]).code == "2020-S2"
    prog = Plan.create(code="P", title="Program", first_year=2017, last_year=2022, kind="program")
    assert next_period_of(prog.id).code == "2017-2022"  # the whole programme first
    create_period_in(prog.id, next_period_of(prog.id))
    assert next_period_of(prog.id).code == "2023-2028"
    integrity = Plan.create(
        code="I", title="Integritate", first_year=2022, last_year=2025, kind="integritate"
    )
    assert next_period_of(integrity.id).code == "2022-A"


def test_an_items_declared_column_text_is_found_by_the_search(engine_plan_db: str) -> None:
    from balti_monitor.services.search import search

    ids = open_government_plan()
    SetColumnValue(ids["1.2"], "partners", "Asociația Presei Independente").apply()
    (hit,) = search("presei")
    assert (hit.kind, hit.action_code, hit.where) == ("plan", "1.2.", "planul: Parteneri")
    SetColumnValue(ids["1.2"], "partners", "").apply()
    assert search("presei") == []

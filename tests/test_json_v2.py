"""The JSON interchange version 2: plans of every kind round-trip byte-identically (declared columns, group
column sets, item values, progress of the action as a whole with status and links, spans of years), and
version-1 documents still load."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from kind_plans import open_government_plan, programme_report

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import GroupColumn, PlanColumn, Priority, Return
from balti_monitor.interchange.json_io import dumps, export_document, import_document
from balti_monitor.services.document_schema import InterchangeError
from balti_monitor.services.plans import SetColumnValue, action_column_values, group_columns
from balti_monitor.services.progress import Link, SaveProgress, action_progress


def _fill() -> dict[str, dict[str, int]]:
    ogp = open_government_plan()
    SetColumnValue(ogp["1.1"], "partners", "Societatea civilă").apply()
    SetColumnValue(ogp["1.1"], "cost", "În limitele bugetului aprobat").apply()
    links = (
        Link("https://date.gov.md", "https://date.gov.md"),
        Link("formular", "https://docs.google.com/f"),
    )
    SaveProgress(
        ogp["1.1"],
        ogp["period"],
        "Sondaj lansat.\nRezultatele sunt evaluate.",
        "În proces de realizare",
        links,
    ).apply()
    SaveProgress(ogp["1.2"], ogp["period"], "Portal extins.", "Realizată", ()).apply()
    prog = programme_report()
    SetColumnValue(prog["1.1"], "term_responsible", "2017 -2019 SRP").apply()
    SaveProgress(prog["1.1"], prog["period"], "Au fost aprobate Regulamentele.", "", ()).apply()
    group = Priority.get(Priority.plan == prog["plan"])
    for position, key in enumerate(("number", "title", "results"), start=1):
        column = PlanColumn.get((PlanColumn.plan == prog["plan"]) & (PlanColumn.key == key))
        GroupColumn.create(priority=group, column=column, position=position, label=column.label + " *")
    return {"ogp": ogp, "prog": prog}


def test_a_version_2_document_round_trips_byte_identically(engine_plan_db: str, tmp_path: Path) -> None:
    ids = _fill()
    first = dumps(export_document())
    document = json.loads(first)
    assert document["version"] == 2
    ogp = next(p for p in document["plans"] if p["code"] == "OGP-2019-2020")
    assert [c["key"] for c in ogp["columns"]][:3] == ["number", "action", "action_report"]
    sub = ogp["priorities"][0]["actions"][1]
    assert sub["values"] == {"partners": "Societatea civilă", "cost": "În limitele bugetului aprobat"}
    ret = ogp["periods"][0]["returns"][0]
    assert ret["subdivision"] is None and ret["status"] == "În proces de realizare"
    assert ret["links"] == [
        {"text": "https://date.gov.md", "url": "https://date.gov.md"},
        {"text": "formular", "url": "https://docs.google.com/f"},
    ]
    prog = next(p for p in document["plans"] if p["code"] == "PROG-2017-2019")
    assert (prog["periods"][0]["year"], prog["periods"][0]["semester"], prog["periods"][0]["span_end"]) == (
        2017,
        0,
        2019,
    )
    assert [c["key"] for c in prog["priorities"][0]["columns"]] == ["number", "title", "results"]
    close_database()

    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)
    import_document(document)
    second = dumps(export_document())
    assert second == first
    # what the user sees came back, not only the bytes
    from balti_monitor.db.models import Action, Period

    sub_id = Action.get(Action.code == "1.1.").id
    assert action_column_values(sub_id) == {
        "partners": "Societatea civilă",
        "cost": "În limitele bugetului aprobat",
    }
    entry = action_progress(sub_id, Period.get(Period.semester == 1).id)
    assert (entry.meaning, entry.links[1].url) == ("in_progress", "https://docs.google.com/f")
    group = Priority.get(Priority.title.startswith("Obiectivul №"))
    assert [c.label for c in group_columns(group.id)] == [
        "Nr. d/o *",
        "Denumirea acțiunii *",
        "Rezultatele *",
    ]
    assert ids  # the ids of the first file do not matter to the second


def _as_version_1(document: dict[str, Any]) -> dict[str, Any]:
    old = copy.deepcopy(document)
    old["version"] = 1
    for plan in old["plans"]:
        plan.pop("columns")
        for priority in plan["priorities"]:
            priority.pop("columns", None)
            for action in priority["actions"]:
                action["extra"] = {**action["extra"], **action.pop("values")}
        for period in plan["periods"]:
            period.pop("span_end")
            for ret in period["returns"]:
                ret.pop("links")
    return old


def test_a_version_1_document_loads_with_its_extra_texts_as_declared_columns(
    plan_db: Path, tmp_path: Path
) -> None:
    document = export_document()
    action = document["plans"][0]["priorities"][0]["actions"][0]
    action["values"] = {"partners": "ONG-uri locale", "budget": "Nu necesită"}
    close_database()
    old = _as_version_1(document)
    assert old["plans"][0]["priorities"][0]["actions"][0]["extra"] == {
        "partners": "ONG-uri locale",
        "budget": "Nu necesită",
    }
    open_database(tmp_path / "v1.sqlite")
    import_document(old)
    again = export_document()
    plan = again["plans"][0]
    assert [c["key"] for c in plan["columns"]][-2:] == ["partners", "budget"]
    assert plan["columns"][-2]["label"] == "Parteneri"
    first = plan["priorities"][0]["actions"][0]
    assert first["values"] == {"partners": "ONG-uri locale", "budget": "Nu necesită"}
    assert first["extra"] == {}


def test_a_version_1_document_cannot_hold_progress_of_the_action_as_a_whole(plan_db: Path) -> None:
    _fill()
    document = _as_version_1(export_document())
    with pytest.raises(InterchangeError, match="subdivision: lipsește subdiviziunea"):
        import_document(document, replace=True)
    assert Return.select().where(Return.subdivision.is_null(True)).count() == 3  # nothing changed


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["plans"][1].update(kind="registru"), "$.plans[1].kind"),
        (lambda d: d["plans"][1]["columns"][4].update(source="nicăieri"), "$.plans[1].columns[4].source"),
        (lambda d: d["plans"][1]["priorities"][0]["actions"][1]["values"].update(nope="x"), "values"),
        (lambda d: d["plans"][2]["periods"][0].update(semester=1), "$.plans[2].periods[0].span_end"),
        (lambda d: d["plans"][1].update(kind="pla"), "$.plans[1].periods[0].returns[0].subdivision"),
    ],
)
def test_a_wrong_version_2_document_is_refused_saying_where(
    plan_db: Path, tmp_path: Path, change: Any, where: str
) -> None:
    _fill()
    document = export_document()
    close_database()
    change(document)
    open_database(tmp_path / "other.sqlite")
    with pytest.raises(InterchangeError) as caught:
        import_document(document)
    assert where in str(caught.value)


def test_a_plan_is_added_beside_the_plans_of_a_file(plan_db: Path, tmp_path: Path) -> None:
    from balti_monitor.db.models import Plan
    from balti_monitor.interchange.json_io import add_plan
    from balti_monitor.services.plans import select_plan

    _fill()
    document = export_document()
    close_database()
    open_database(tmp_path / "bălți.sqlite")
    from balti_monitor.services.bundled import ensure_bundled_plan

    ensure_bundled_plan()
    ogp = next(p for p in document["plans"] if p["code"] == "OGP-2019-2020")
    broken = copy.deepcopy(ogp)
    broken["priorities"][0]["actions"][1]["values"] = {"nope": "x"}
    with pytest.raises(InterchangeError, match="nope"):
        add_plan(broken)
    assert Plan.select().count() == 1  # all or nothing
    plan_id, _ = add_plan(ogp)
    assert select_plan("OGP-2019-2020").id == plan_id and Plan.select().count() == 2
    with pytest.raises(InterchangeError, match="are deja planul"):
        add_plan(ogp)
    with pytest.raises(InterchangeError, match="registru"):
        add_plan({**ogp, "code": "ALT", "kind": "registru"})
    again = next(p for p in export_document()["plans"] if p["code"] == "OGP-2019-2020")
    assert again == ogp


def test_the_demo_as_a_version_1_document_loads_to_the_same_data(demo_db: Path, tmp_path: Path) -> None:
    current = export_document()
    close_database()
    open_database(tmp_path / "din-v1.sqlite")
    import_document(_as_version_1(current))
    assert dumps(export_document()) == dumps(current)


def test_item_values_without_declared_columns_take_the_kinds(plan_db: Path, tmp_path: Path) -> None:
    from balti_monitor.interchange.json_io import add_plan
    from balti_monitor.services.plans import plan_columns, select_plan

    _fill()
    ogp = next(p for p in export_document()["plans"] if p["code"] == "OGP-2019-2020")
    close_database()
    open_database(tmp_path / "alt.sqlite")
    plan_id, _ = add_plan({**ogp, "columns": []})
    assert [c.key for c in plan_columns(plan_id)] == [c["key"] for c in ogp["columns"]]
    assert all(c.id is not None for c in plan_columns(plan_id))
    assert select_plan(None).id == plan_id


def test_a_signed_span_of_years_stays_signed_through_an_import(plan_db: Path) -> None:
    from balti_monitor.db.models import Period, PeriodSignature

    ids = _fill()
    span = Period.get_by_id(ids["prog"]["period"])
    PeriodSignature.create(period=span, sha256="ab" * 32, signed_by="Ana", signed_at="2026-01-01T10:00:00")
    document = export_document()
    import_document(document, replace=True)
    assert PeriodSignature.select().count() == 1
    changed = copy.deepcopy(document)
    prog = next(p for p in changed["plans"] if p["code"] == "PROG-2017-2019")
    prog["periods"][0]["returns"][0]["description"] = "Alt text"
    with pytest.raises(InterchangeError, match="Perioada 2017-2019 este semnată de Ana"):
        import_document(changed, replace=True)

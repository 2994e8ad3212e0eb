"""The status grid's rows (kinds with ``progress.by`` = action): every item in plan order with its progress."""

from __future__ import annotations

from pathlib import Path

from status_plan import make_status_plan
from test_undo_services import undo_redo

from balti_monitor.services.item_progress import item_progress, progress_by_item, status_choices
from balti_monitor.services.plan_delete import DeleteItem
from balti_monitor.services.progress import Link, SaveProgress


def test_rows_follow_the_plan_with_statuses_meanings_and_links(plan_db: Path) -> None:
    plan = make_status_plan()
    assert progress_by_item(plan.plan_id)
    rows = item_progress(plan.period_id)
    assert [(r.code, r.depth, r.has_children) for r in rows] == [
        ("1.1", 0, True),
        ("1.1.1", 1, False),
        ("1.1.2", 1, False),
        ("1.2", 0, False),
    ]
    done = rows[1]
    assert (done.status, done.meaning) == ("Realizată", "done")
    assert done.links == (
        Link("https://date.gov.md", "https://date.gov.md"),
        Link("Raport", "https://gov.md/raport"),
    )
    assert [c.word for c in status_choices(plan.plan_id)] == [
        "Realizată",
        "În proces de realizare",
        "Inițiată",
        "Neinițiată",
        "Nerealizată",
    ]


def test_the_bundled_plan_keeps_its_per_subdivision_grid(plan_db: Path) -> None:
    from balti_monitor.db.models import Plan

    assert not progress_by_item(Plan.get().id)


def test_a_status_is_kept_raw_with_its_meaning_or_none(plan_db: Path) -> None:
    plan = make_status_plan()
    a12 = plan.actions["1.2"]
    SaveProgress(a12, plan.period_id, "Gata", "realizata").apply()
    row = next(r for r in item_progress(plan.period_id) if r.code == "1.2")
    assert (row.status, row.meaning) == ("realizata", "done")  # raw kept, meaning found
    SaveProgress(a12, plan.period_id, "", "Amânată până în 2021").apply()
    row = next(r for r in item_progress(plan.period_id) if r.code == "1.2")
    assert (row.status, row.meaning) == ("Amânată până în 2021", "")


def test_deleting_an_item_with_progress_and_links_is_undone_with_every_row(engine_plan_db: str) -> None:
    plan = make_status_plan()
    undo_redo(DeleteItem("action", plan.actions["1.1"]))  # its sub-actions, returns, links, column values


def test_a_title_that_repeats_its_code_is_shown_without_it() -> None:
    from balti_monitor.services.outline import display_title

    assert display_title("1.1", "1.1. Evaluarea necesităților") == "Evaluarea necesităților"
    assert display_title("1.", "1. Asigurarea accesului") == "Asigurarea accesului"
    assert display_title("1.1", "1.10 Altceva") == "1.10 Altceva"  # another item's code
    assert display_title("1.1", "Publicarea datelor") == "Publicarea datelor"
    assert display_title("2.3", "2.3.") == "2.3."  # nothing would be left: as written

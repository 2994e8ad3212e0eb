"""The audit trail: every source of change is recorded, with who, when, old and new raw text, in the
transaction of the change; undo is a change like any other; the log survives a JSON export/import."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from balti_monitor.db.models import ChangeLog, Period, Plan, Subdivision
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.interchange.json_io import export_document, import_document
from balti_monitor.services import audit
from balti_monitor.services.audit import apply_recorded, period_log, set_user_name
from balti_monitor.services.editing import CellEdit, SetCells, SetOverride, action_by_code, cell_text
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.narrative import NarrativeData, SaveNarrative, get_narrative
from balti_monitor.services.responsibilities import SetResponsibilities, responsibility_state


def action(code: str) -> int:
    return int(action_by_code(Plan.get().id, code).id)


def sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def period() -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


@pytest.fixture(autouse=True)
def _user() -> None:
    set_user_name("Ana Specialist")
    yield
    set_user_name("")


def news() -> list[audit.LogEntry]:
    return period_log("2023-S1", include_plan_texts=False)


def test_a_typed_value_is_recorded_with_who_when_old_and_new_text(engine_demo_db: str) -> None:
    start = time.time()
    before = len(news())
    apply_recorded(SetCells(period().id, action("1.13"), (CellEdit(sub("DS"), 1, "6 acte"),)), "typed")
    entry = news()[-1]
    assert len(news()) == before + 1
    assert (entry.kind, entry.action, entry.subdivision, entry.column) == ("value", "1.13", "DS", 1)
    assert (entry.old_text, entry.new_text) == ("5 acte", "6 acte")
    assert entry.who == "Ana Specialist" and entry.source == "typed" and entry.source_label == "tastare"
    assert start - 2 <= entry.at.timestamp() <= time.time() + 1


def test_without_a_name_in_the_settings_the_system_user_is_recorded(engine_demo_db: str) -> None:
    set_user_name("")
    apply_recorded(SetCells(period().id, action("1.13"), (CellEdit(sub("DS"), 1, "7 acte"),)), "typed")
    assert news()[-1].who == audit.current_user() != ""


def test_a_paste_and_its_undo_are_recorded_as_such(engine_demo_db: str) -> None:
    pid, a11, dru = period().id, action("1.1"), sub("DRU")
    changes = apply_recorded(
        SetCells(pid, a11, tuple(CellEdit(dru, c, f"{c} cazuri") for c in (1, 2))), "paste"
    )
    pasted = news()[-2:]
    assert [(e.source, e.column, e.new_text) for e in pasted] == [
        ("paste", 1, "1 cazuri"),
        ("paste", 2, "2 cazuri"),
    ]
    assert changes.inverse is not None
    undone = apply_recorded(changes.inverse, "undo")
    back = news()[-2:]
    assert {(e.source, e.column, e.old_text) for e in back} == {
        ("undo", 1, "1 cazuri"),
        ("undo", 2, "2 cazuri"),
    }
    assert undone.inverse is not None
    apply_recorded(undone.inverse, "redo")
    assert news()[-1].source == "redo"


def test_descriptions_overrides_narrative_and_responsibilities_are_recorded(engine_demo_db: str) -> None:
    pid, a13, a11 = period().id, action("1.13"), action("1.1")
    apply_recorded(SetCells(pid, a13, (CellEdit(sub("DS"), 0, "Descriere nouă"),)), "typed")
    assert news()[-1].kind == "description" and news()[-1].new_text == "Descriere nouă"
    apply_recorded(SetOverride(pid, a13, 1, OverrideDef("9 acte", "din registru", "Ana")), "typed")
    entry = news()[-1]
    assert (entry.kind, entry.column, entry.new_text, entry.note) == ("override", 1, "9 acte", "din registru")
    old = get_narrative(pid)
    apply_recorded(
        SaveNarrative(pid, NarrativeData(**{**old.as_dict(), "executive_summary": "Rezumat"})), "typed"
    )
    entry = news()[-1]
    assert (entry.kind, entry.field, entry.old_text, entry.new_text) == (
        "narrative",
        "executive_summary",
        old.executive_summary,
        "Rezumat",
    )
    current = responsibility_state(a11)
    target = tuple((sid, tuple(sorted({*nums, 1, 2}))) for sid, nums in current)
    apply_recorded(SetResponsibilities(a11, target), "typed")
    assert any(e.kind == "responsibility" and e.action == "1.1" for e in news())


def test_a_refused_write_records_nothing(engine_demo_db: str) -> None:
    before = ChangeLog.select().count()
    with pytest.raises(ServiceError):
        apply_recorded(
            SetCells(
                period().id, action("1.13"), (CellEdit(sub("DS"), 2, "8 acte"), CellEdit(sub("DS"), 1, "-5"))
            ),
            "typed",
        )
    assert ChangeLog.select().count() == before


def test_a_forms_import_is_recorded_as_such(engine_demo_db: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from balti_monitor.interchange.form_states import ImportForms
    from balti_monitor.interchange.forms_in import preview_import
    from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms

    p = period()
    generate_forms(p, tmp_path, FormsOutOptions(subdivision_ids=frozenset({sub("DRU")})))
    path = tmp_path / "Retur_DRU_2023-S1.xlsx"
    book = load_workbook(path)
    row = next(r for r in book["Retur"].iter_rows() if r[0].value == "1.1#1")
    row[3].value = "99 funcționari"
    book.save(path)
    apply_recorded(ImportForms(preview_import([path], p), ()), "form")
    entry = next(e for e in reversed(news()) if e.kind == "value")
    assert (entry.source, entry.action, entry.subdivision, entry.new_text) == (
        "form",
        "1.1",
        "DRU",
        "99 funcționari",
    )


def test_a_json_import_records_what_it_changed_and_keeps_the_log(engine_demo_db: str) -> None:
    pid, a13 = period().id, action("1.13")
    apply_recorded(SetCells(pid, a13, (CellEdit(sub("DS"), 1, "6 acte"),)), "typed")
    document = json.loads(json.dumps(export_document()))
    assert document["change_log"][-1]["new_text"] == "6 acte"
    history = len(document["change_log"])
    for item in document["plans"][0]["periods"][0]["returns"]:
        if item["action"] == "1.13" and item["subdivision"] == "DS":
            for value in item["values"]:
                if value["indicator"] == 1:
                    value["raw_text"] = "11 acte"
    import_document(document, replace=True)
    assert cell_text(period().id, action("1.13"), sub("DS"), 1) == "11 acte"
    entries = news()
    json_entries = [e for e in entries if e.source == "json"]
    assert [(e.action, e.subdivision, e.column, e.old_text, e.new_text) for e in json_entries] == [
        ("1.13", "DS", 1, "6 acte", "11 acte")
    ]
    assert ChangeLog.select().count() == history + 1  # the old log kept once, not doubled


def test_an_older_document_without_a_log_still_loads(empty_db: Path, demo_file: Path, tmp_path: Path) -> None:
    from balti_monitor.db.connection import close_database, open_database

    close_database()
    copy = tmp_path / "copie.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    open_database(copy)
    document = export_document()
    close_database()
    open_database(empty_db)
    del document["change_log"]
    for plan in document["plans"]:
        for per in plan["periods"]:
            per.pop("signature", None)
    import_document(document)
    assert cell_text(period().id, action("1.13"), sub("DS"), 1) == "5 acte"
    # into an empty file an import is a move, not a change: the log starts empty
    assert news() == []


def test_a_restore_keeps_the_log_and_records_what_it_put_back(engine_demo_db: str, tmp_path: Path) -> None:
    from balti_monitor.services.backup import make_backup
    from balti_monitor.services.restore import restore_from

    mailed = make_backup(tmp_path).path
    apply_recorded(SetCells(period().id, action("1.13"), (CellEdit(sub("DS"), 1, "6 acte"),)), "typed")
    restore_from(mailed)
    assert cell_text(period().id, action("1.13"), sub("DS"), 1) == "5 acte"
    history = [
        (e.source, e.old_text, e.new_text) for e in news() if e.action == "1.13" and e.subdivision == "DS"
    ]
    # the edit made after the copy is still in the log, and the restore that undid it follows it
    assert history[-2:] == [("typed", "5 acte", "6 acte"), ("restore", "6 acte", "5 acte")]

"""JSON interchange: exact round trip, and bad documents refused with a message saying where."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Return, Value
from balti_monitor.interchange.json_io import dumps, export_document, export_json, import_json
from balti_monitor.interchange.schema import InterchangeError


def test_round_trip_is_exact(engine_demo_db: str, fresh_target: Any, tmp_path: Path) -> None:
    from balti_monitor.db.models import Period
    from balti_monitor.services.editing import action_by_code, set_override

    period = Period.get()
    set_override(
        period, action_by_code(period.plan_id, "1.13").id, 2, "7 acte", reason="scris de mână", author="O."
    )
    first = tmp_path / "first.json"
    export_json(first)
    close_database()
    open_database(fresh_target())  # a new file, or a new database on the server
    import_json(first)
    second = tmp_path / "second.json"
    export_json(second)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    document = json.loads(first.read_text(encoding="utf-8"))
    periods = document["plans"][0]["periods"]
    assert [(p["year"], p["semester"]) for p in periods] == [(2023, 1)]
    assert len(periods[0]["returns"]) == Return.select().count()
    assert [o["raw_text"] for o in periods[0]["overrides"]] == ["7 acte"], "manual totals travel"
    references = periods[0]["references"]
    assert {"action": "1.13", "indicator": 2, "raw_text": "7 acte"}.items() <= next(
        r for r in references if r["action"] == "1.13" and r["indicator"] == 2
    ).items(), "the original report's written totals travel as references"


def test_export_keeps_raw_text_verbatim(engine_demo_db: str) -> None:
    raws = {v.raw_text for v in Value.select()}
    assert "0 contest ații" in raws
    text = dumps(export_document())
    assert "0 contest ații" in text
    assert "Direcția relații cu publicul" in text  # not \\u escapes


def _broken(tmp_path: Path, mutate) -> Path:  # type: ignore[no-untyped-def]
    document = export_document()
    mutate(document)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d["plans"][0]["periods"][0]["returns"][3].pop("description"), "returns[3].description"),
        (
            lambda d: d["plans"][0]["priorities"][1]["actions"][0].update(code=5),
            "priorities[1].actions[0].code",
        ),
        (lambda d: d["plans"][0]["periods"][0]["returns"][0].update(action="9.99"), "returns[0].action"),
        (lambda d: d["plans"][0]["periods"][0]["returns"][0]["values"][0].update(indicator=77), "values[0]"),
        (lambda d: d.update(version=99), "$.version"),
    ],
)
def test_bad_document_changes_nothing_and_says_where(
    demo_db: Path,
    tmp_path: Path,
    mutate,
    where: str,  # type: ignore[no-untyped-def]
) -> None:
    path = _broken(tmp_path, mutate)
    close_database()
    target = tmp_path / "target.sqlite"
    open_database(target)
    with pytest.raises(InterchangeError) as info:
        import_json(path)
    assert where in str(info.value)
    assert Return.select().count() == 0


def test_not_json_at_all(empty_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "balti-monitor-file", ', encoding="utf-8")
    with pytest.raises(InterchangeError, match="nu este JSON valid: linia 1"):
        import_json(path)


def test_import_into_a_file_with_data_is_refused(demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    export_json(path)
    before = Return.select().count()
    with pytest.raises(InterchangeError, match="conține deja date"):
        import_json(path)
    assert Return.select().count() == before


def test_lone_surrogate_is_refused_with_its_place(demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    document = export_document()
    document["plans"][0]["periods"][0]["returns"][2]["description"] = "a\ud800b"
    path.write_text(json.dumps(document), encoding="utf-8")  # ASCII JSON carries it as \ud800
    close_database()
    open_database(tmp_path / "target.sqlite")
    with pytest.raises(InterchangeError, match=r"returns\[2\]\.description: .*caracter invalid"):
        import_json(path)
    assert Return.select().count() == 0


def test_a_file_from_before_the_reference_store_still_imports(demo_db: Path, tmp_path: Path) -> None:
    from balti_monitor.db.models import ReferenceTotal

    document = export_document()
    for plan in document["plans"]:
        for period in plan["periods"]:
            del period["references"]
    old = tmp_path / "vechi.json"
    old.write_text(dumps(document), encoding="utf-8")
    close_database()
    open_database(tmp_path / "gol.sqlite")
    import_json(old)
    assert Return.select().count() == 122
    assert ReferenceTotal.select().count() == 0

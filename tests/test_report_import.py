"""Past semester reports (.docx) into the history: the round trip of the demo and the hand-made corpus."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import (
    Action,
    Indicator,
    Period,
    Plan,
    ReferenceTotal,
    Return,
    Subdivision,
    TotalOverride,
    Value,
)
from balti_monitor.export.render import export_report
from balti_monitor.interchange.report_import import apply_report, compare_with_file, period_has_data
from balti_monitor.interchange.report_reader import read_report
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.services.backup import list_auto_backups
from balti_monitor.services.bundled import ensure_bundled_plan
from balti_monitor.services.narrative import get_narrative
from tests import report_corpus as rc

# ----------------------------------------------------------------------------------------- helpers


def _returns(period: Period) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(action code, subdivision code) → (description, values by indicator number)."""
    out: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for ret in Return.select().where(Return.period == period):
        values = sorted(
            (v.indicator.number, v.raw_text)
            for v in Value.select(Value, Indicator).join(Indicator).where(Value.ret == ret)
        )
        count = Indicator.select().where(Indicator.action == ret.action_id).count()
        cells = [""] * count
        for number, raw in values:
            cells[number - 1] = raw
        out[(Action.get_by_id(ret.action_id).code, Subdivision.get_by_id(ret.subdivision_id).code)] = (
            ret.description,
            cells,
        )
    return out


def _plan() -> Plan:
    plan, _ = ensure_bundled_plan()
    return plan


def _row(reading: Any, action: str, code: str) -> Any:
    sub = Subdivision.get(Subdivision.code == code)
    return next(r for r in reading.rows if r.action == action and r.subdivision_id == sub.id)


# -------------------------------------------------------------------------------------- round trip


def test_demo_period_exported_then_imported_into_an_empty_file_gives_the_same_data(
    demo_file: Path, tmp_path: Path
) -> None:
    source = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, source)
    open_database(source)
    period = Period.get(Period.year == 2023, Period.semester == 1)
    expected = _returns(period)
    narrative = get_narrative(period.id)
    report = export_report(period, tmp_path / "raport.docx")
    close_database()

    open_database(tmp_path / "nou.sqlite")
    try:
        plan = _plan()
        reading = read_report(report, plan)
        assert (reading.year, reading.semester) == (2023, 1)
        assert reading.unplaced == []
        apply_report(reading, plan)
        imported = Period.get(Period.year == 2023, Period.semester == 1)
        got = _returns(imported)
        assert set(got) == set(expected)
        for key, (description, values) in expected.items():
            assert got[key][0] == description, key
            assert got[key][1] == values, key
        assert get_narrative(imported.id) == narrative
        # the Total rows are kept as references "as written", never as overrides
        assert TotalOverride.select().count() == 0
        counts = ReferenceTotal.select().where(ReferenceTotal.indicator.is_null()).count()
        assert counts == len({code for code, _ in expected})
        assert all("raport.docx" in r.source for r in ReferenceTotal.select())
    finally:
        close_database()


# ------------------------------------------------------------------------------------ hand-made corpus


def _basic(tmp_path: Path) -> Path:
    doc = rc.new_report(summary="Primul paragraf al rezumatului.\nAl doilea paragraf.")
    rc.action_heading(doc, "1.2", ["cazuri", "sesizări", "persoane"])
    rc.action_table(
        doc,
        "1.2",
        3,
        [
            (
                "Direcția resurse umane",
                "Prima linie.\n- punct unu\n- punct doi",
                ["0 cazuri", "0 sesizări", "-"],
            )
        ],
        ["0 cazuri", "0 sesizări", "0 persoane"],
    )
    rc.closing(doc)
    return rc.save(doc, tmp_path / "simplu.docx")


def test_a_hand_made_report_is_read_into_returns_narrative_and_references(
    plan_db: Path, tmp_path: Path
) -> None:
    plan = _plan()
    reading = read_report(_basic(tmp_path), plan)
    assert reading.period_code == "2023-S1"
    row = _row(reading, "1.2", "DRU")
    assert row.description == "Prima linie.\n- punct unu\n- punct doi"
    assert row.values == ("0 cazuri", "0 sesizări", "-")
    assert reading.totals[0].cells == ("0 cazuri", "0 sesizări", "0 persoane")
    assert reading.narrative.executive_summary == "Primul paragraf al rezumatului.\nAl doilea paragraf."
    assert reading.narrative.risks == ["Primul risc.", "Al doilea risc."]
    assert reading.narrative.proposals == ["O propunere."]
    assert (reading.narrative.prepared_by_name, reading.narrative.prepared_by_function) == (
        "Ana POPESCU",
        "specialist principal",
    )
    apply_report(reading, plan)
    period = Period.get(Period.year == 2023, Period.semester == 1)
    assert _returns(period)[("1.2", "DRU")] == (row.description, ["0 cazuri", "0 sesizări", "-"])
    refs = {r.raw_text for r in ReferenceTotal.select().where(ReferenceTotal.period == period)}
    assert "0 persoane" in refs and any(t.startswith("Numărul de subdiviziuni") for t in refs)


def test_name_and_narrative_in_one_cell_and_wrong_indicator_headers(plan_db: Path, tmp_path: Path) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    table = rc.action_table(
        doc,
        "1.2",
        3,
        [("x", "", ["1 caz", "2 sesizări", "3 persoane"])],
        ["1 caz", "2 sesizări", "3 persoane"],
        labels=["Indicator 1", "Indicator 1", "Indicator 1"],
    )
    merged = table.rows[2].cells[0].merge(table.rows[2].cells[1])
    rc.set_cell(merged, "Direcția resurse umane\nNu au fost înregistrate cazuri.")
    reading = read_report(rc.save(doc, tmp_path / "celula.docx"), _plan())
    row = _row(reading, "1.2", "DRU")
    assert row.description == "Nu au fost înregistrate cazuri."
    assert row.values == ("1 caz", "2 sesizări", "3 persoane")  # by position, not by the header's numbers


def test_name_followed_by_narrative_on_the_same_line(plan_db: Path, tmp_path: Path) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    rc.action_table(doc, "1.2", 3, [("Direcția resurse umane Nu au fost cazuri.", "", ["0", "0", "0"])], None)
    reading = read_report(rc.save(doc, tmp_path / "linie.docx"), _plan())
    assert _row(reading, "1.2", "DRU").description == "Nu au fost cazuri."


def test_fewer_value_columns_than_indicators_leave_the_rest_empty_with_a_note(
    plan_db: Path, tmp_path: Path
) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.3", ["a"] * 6)
    rc.action_table(
        doc, "1.3", 4, [("Direcția resurse umane", "Text.", ["1", "2", "3", "4"])], ["1", "2", "3", "4"]
    )
    reading = read_report(rc.save(doc, tmp_path / "putine.docx"), _plan())
    assert _row(reading, "1.3", "DRU").values == ("1", "2", "3", "4", "", "")
    assert any("4 coloane de valori pentru 6 indicatori" in n for n in reading.notes)


def test_a_lost_heading_is_attributed_by_plan_order_and_column_count_or_listed(
    plan_db: Path, tmp_path: Path
) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    rc.action_table(doc, "1.2", 3, [("Direcția resurse umane", "A.", ["1", "2", "3"])], ["1", "2", "3"])
    rc.action_table(doc, None, 6, [("Direcția resurse umane", "B.", ["6"] * 6)], ["6"] * 6)  # 1.3 lost
    rc.action_table(doc, None, 5, [("Direcția resurse umane", "C.", ["5"] * 5)], ["5"] * 5)  # fits nothing
    reading = read_report(rc.save(doc, tmp_path / "titlu.docx"), _plan())
    assert _row(reading, "1.3", "DRU").description == "B."
    assert any("atribuit acțiunii 1.3" in n for n in reading.notes)
    assert len(reading.unplaced) == 1 and "nu are titlul acțiunii" in reading.unplaced[0].reason


def test_a_table_split_across_a_page_with_a_repeated_header_is_one_action(
    plan_db: Path, tmp_path: Path
) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.13", ["acte", "expertize"])
    rc.action_table(doc, "1.13", 2, [("Direcția secretariat", "S.", ["5 acte", "5"])], None)
    doc.add_paragraph("")
    table = rc.action_table(
        doc,
        None,
        2,
        [("Direcția administrație publică", "A.", ["2 acte", "2"]), ("", "", ["", ""])],
        ["7", "7"],
    )
    table.rows[3].cells[0].text = ""  # an empty row
    reading = read_report(rc.save(doc, tmp_path / "rupt.docx"), _plan())
    assert {(r.action, r.label) for r in reading.rows} == {
        ("1.13", "Direcția secretariat"),
        ("1.13", "Direcția administrație publică"),
    }
    assert reading.unplaced == [] and len(reading.totals) == 1


def test_vertically_merged_name_cell_joins_the_two_rows(plan_db: Path, tmp_path: Path) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    table = rc.action_table(
        doc,
        "1.2",
        3,
        [("Direcția resurse umane", "Prima parte.", ["1 caz", "", ""]), ("", "A doua parte.", ["", "2", ""])],
        None,
    )
    table.rows[2].cells[0].merge(table.rows[3].cells[0])
    reading = read_report(rc.save(doc, tmp_path / "vertical.docx"), _plan())
    row = _row(reading, "1.2", "DRU")
    assert row.description == "Prima parte.\nA doua parte."
    assert row.values == ("1 caz", "2", "")
    assert len(reading.rows) == 1


def test_word_automatic_numbering_is_reconstructed_from_the_numbering_definitions(
    plan_db: Path, tmp_path: Path
) -> None:
    doc = rc.new_report()
    num = rc.outline_numbering(doc)
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    table = rc.action_table(doc, "1.2", 3, [("Direcția resurse umane", "Primul", ["0", "0", "0"])], None)
    cell = table.rows[2].cells[1]
    rc.numbered(cell, num, 0)
    cell.add_paragraph("Detaliu")
    rc.numbered(cell, num, 1)
    cell.add_paragraph("Al doilea")
    rc.numbered(cell, num, 0)
    reading = read_report(rc.save(doc, tmp_path / "numerotare.docx"), _plan())
    assert _row(reading, "1.2", "DRU").description == "1. Primul\n1.1. Detaliu\n2. Al doilea"


def test_tracked_changes_content_controls_and_footnote_marks(plan_db: Path, tmp_path: Path) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    table = rc.action_table(doc, "1.2", 3, [("Direcția resurse umane", "D.", ["x", "3 sesizări", "4"])], None)
    cells = table.rows[2].cells
    rc.tracked_value(cells[2], deleted="7", inserted="5", kept=" cazuri")
    rc.content_control(cells[3])
    rc.footnote_mark(doc, cells[4])
    reading = read_report(rc.save(doc, tmp_path / "xml.docx"), _plan())
    assert _row(reading, "1.2", "DRU").values == ("5 cazuri", "3 sesizări", "4")


def test_numbered_column_row_is_skipped_and_an_unknown_name_is_listed_with_the_reason(
    plan_db: Path, tmp_path: Path
) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    rc.action_table(
        doc,
        "1.2",
        3,
        [("1", "2", ["3", "4", "5"]), ("Direcția inexistentă", "Ceva.", ["1", "1", "1"])],
        None,
    )
    reading = read_report(rc.save(doc, tmp_path / "necunoscut.docx"), _plan())
    assert reading.rows == []
    assert [u.reason for u in reading.unplaced] == ["subdiviziune necunoscută în rând"]
    assert "Direcția inexistentă" in reading.unplaced[0].text


# ------------------------------------------------------------------------------ refusals, differences


def test_a_pdf_and_a_report_without_a_period_are_refused(plan_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "raport.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InterchangeError, match="cereți documentul Word original"):
        read_report(pdf, _plan())
    doc = rc.Document()
    doc.add_paragraph("Raport fără perioadă")
    with pytest.raises(InterchangeError, match="perioada raportului"):
        read_report(rc.save(doc, tmp_path / "fara.docx"), _plan())
    assert Period.select().count() == 0


def test_importing_into_a_period_with_data_shows_the_differences_and_replaces_all(
    demo_db: Path, tmp_path: Path
) -> None:
    plan = Plan.get()
    reading = read_report(_basic(tmp_path), plan)
    assert period_has_data(reading, plan)
    diffs = compare_with_file(reading, plan)
    described = {(d.action, d.what) for d in diffs}
    assert ("1.2", "descrierea") in described and ("1.2", "indicatorul 3") in described
    period = Period.get(Period.year == 2023, Period.semester == 1)
    untouched = _returns(period)[("1.1", "DRU")]
    apply_report(reading, plan)
    after = _returns(period)
    assert after[("1.2", "DRU")] == (
        "Prima linie.\n- punct unu\n- punct doi",
        ["0 cazuri", "0 sesizări", "-"],
    )
    assert after[("1.1", "DRU")] == untouched  # returns the report does not hold are kept
    assert list_auto_backups(demo_db), "an automatic backup is made before the import"
    assert compare_with_file(reading, plan) == []


def test_cli_import_report_previews_asks_then_applies(demo_file: Path, tmp_path: Path, capsys: Any) -> None:
    db = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, db)
    report = _basic(tmp_path)
    assert main(["--db", str(db), "import-report", str(report), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "diferențe" in out and "nu s-a modificat nimic" in out
    assert main(["--db", str(db), "import-report", str(report)]) == 1
    assert "--yes" in capsys.readouterr().out
    assert _description(db) != "Prima linie.\n- punct unu\n- punct doi"  # not applied without --yes
    assert main(["--db", str(db), "import-report", str(report), "--yes"]) == 0
    assert _description(db) == "Prima linie.\n- punct unu\n- punct doi"
    assert main(["--db", str(db), "import-report", str(tmp_path / "x.pdf")]) == 2
    assert "cereți documentul Word original" in capsys.readouterr().err


def _description(db: Path) -> str:
    open_database(db)
    try:
        action = Action.get(Action.code == "1.2")
        ret = Return.get((Return.action == action) & (Return.subdivision == Subdivision.get(code="DRU")))
        return str(ret.description)
    finally:
        close_database()


@pytest.mark.stress  # builds the ten-year benchmark file (16 s); the demo's round trip runs by default
def test_periods_of_the_synthetic_multi_year_file_survive_export_and_import(tmp_path: Path) -> None:
    """The benchmark file (every responsible subdivision, varied figures); two later periods of the plan.
    (All ten periods of 2023-2027 were checked the same way when this was written.)"""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_big_file", Path(__file__).resolve().parents[1] / "benchmarks" / "make_big_file.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    big = module.make_big_file(tmp_path / "mare.sqlite")
    expected: dict[tuple[int, int], Any] = {}
    reports: dict[tuple[int, int], Path] = {}
    try:
        for year, semester in ((2024, 2), (2027, 1)):
            period = Period.get(Period.year == year, Period.semester == semester)
            expected[(year, semester)] = (_returns(period), get_narrative(period.id))
            reports[(year, semester)] = export_report(period, tmp_path / f"r{year}{semester}.docx")
    finally:
        close_database()
    assert big.exists()
    open_database(tmp_path / "gol.sqlite")
    try:
        plan = _plan()
        for key, report in reports.items():
            reading = read_report(report, plan)
            assert reading.unplaced == []
            apply_report(reading, plan)
            period = Period.get(Period.year == key[0], Period.semester == key[1])
            returns, narrative = expected[key]
            assert len(returns) > 100
            assert _returns(period) == returns
            assert get_narrative(period.id) == narrative
    finally:
        close_database()


def test_a_return_the_period_does_not_have_yet_is_listed_as_new(demo_db: Path, tmp_path: Path) -> None:
    doc = rc.new_report()
    rc.action_heading(doc, "1.2", ["a", "b", "c"])
    rc.action_table(doc, "1.2", 3, [("Direcția relații cu publicul", "Nou.", ["1", "", "-"])], None)
    plan = Plan.get()
    reading = read_report(rc.save(doc, tmp_path / "nou.docx"), plan)
    new = [d for d in compare_with_file(reading, plan) if d.what == "retur nou"]
    assert [(d.action, d.subdivision, d.new) for d in new] == [
        ("1.2", "Direcția relații cu publicul", "Nou.\n1 | — | -")
    ]

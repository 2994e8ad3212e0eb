"""Return forms: generated per subdivision, filled like a subdivision would, imported back with a preview."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Plan, Return, Subdivision
from balti_monitor.domain.checks import FindingCode
from balti_monitor.domain.values import ValueState, parse_value
from balti_monitor.interchange.forms_common import FormState, form_statuses, set_form_state
from balti_monitor.interchange.forms_in import ChangeKind, apply_import, preview_import, restore_cells
from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
from balti_monitor.interchange.forms_read import compose_value, spreadsheet_text
from balti_monitor.services.bundled import DEMO_FILE, bundled_json
from balti_monitor.services.editing import action_by_code, cell_text, set_cell
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import load_grid, load_grids
from balti_monitor.services.periods import PeriodKey, create_period, find_period
from balti_monitor.services.results import period_findings
from balti_monitor.services.subdivisions import match_subdivision

S1 = PeriodKey(2023, 1)
VALUE, WOMEN, MEN = 4, 5, 6  # columns D, E, F of the "Retur" sheet


def _period() -> Period:
    plan = Plan.select().order_by(Plan.id).first()
    assert plan is not None
    return find_period(plan, S1)


def _sub(code: str) -> Subdivision:
    sub = Subdivision.get_or_none(Subdivision.code == code)
    assert sub is not None
    return sub


def _cells(period: Period) -> dict[tuple[str, int, int], str]:
    """Every non-empty cell of the period: (action code, subdivision id, column) -> text."""
    out: dict[tuple[str, int, int], str] = {}
    for grid in load_grids(period).values():
        for row in grid.rows:
            if not row.has_return:
                continue
            if row.description.strip():
                out[(grid.code, row.subdivision_id, 0)] = row.description
            for number, value in row.values.items():
                if value.raw.strip():
                    out[(grid.code, row.subdivision_id, number)] = value.raw
    return out


def _findings(period: Period) -> list[tuple[Any, ...]]:
    return sorted(
        (str(f.code), f.action, f.indicator or 0, f.subdivision_id or 0, f.message)
        for f in period_findings(period)
    )


def _seed_answers() -> dict[str, dict[tuple[str, int | None], str]]:
    """The demo seed's returns as a subdivision would type them: {subdivision code: {(action, n): text}}."""
    answers: dict[str, dict[tuple[str, int | None], str]] = {}
    for item in bundled_json(DEMO_FILE)["returns"]:
        sub = match_subdivision(item["subdivision"]) or match_subdivision(item.get("row_label", ""))
        assert sub is not None
        mine = answers.setdefault(sub.code, {})
        mine[(item["action"], None)] = item["description"]
        for number, raw in enumerate(item["values"], start=1):
            if raw.strip():
                mine[(item["action"], number)] = raw
    return answers


def _fill_like_a_user(path: Path, answers: dict[tuple[str, int | None], str]) -> set[tuple[str, int | None]]:
    """Type answers into the rows a person would find by their visible action code and label."""
    wb = load_workbook(path)
    ws = wb["Retur"]
    placed: set[tuple[str, int | None]] = set()
    for row in ws.iter_rows():
        code, label = row[1].value, row[2].value
        if not isinstance(label, str) or not isinstance(code, str):
            continue
        number: int | None
        if label.startswith("Măsurile întreprinse"):
            number = None
        elif match := re.match(r"Indicatorul (\d+):", label):
            number = int(match.group(1))
        else:
            continue
        if (code, number) in answers:
            row[VALUE - 1].value = answers[(code, number)]
            placed.add((code, number))
    wb.save(path)
    return placed


def _fill_by_key(path: Path, edits: dict[str, Any], out: Path | None = None) -> Path:
    """Set value (or (value, F, B)) cells of rows found by their hidden key."""
    wb = load_workbook(path)
    ws = wb["Retur"]
    done = set()
    for row in ws.iter_rows():
        key = row[0].value
        if key in edits:
            edit = edits[key]
            value, women, men = edit if isinstance(edit, tuple) else (edit, None, None)
            row[VALUE - 1].value = value
            if women is not None or men is not None:
                row[WOMEN - 1].value = women
                row[MEN - 1].value = men
            done.add(key)
    assert done == set(edits), f"rows not found: {set(edits) - done}"
    target = out or path
    wb.save(target)
    return target


@pytest.fixture
def forms_dir(tmp_path: Path) -> Path:
    return tmp_path / "formulare"


# ------------------------------------------------------------------------------------------------------
# Round trip
# ------------------------------------------------------------------------------------------------------


def test_round_trip_restores_the_demo_and_reimport_is_a_no_op(engine_demo_db: str, forms_dir: Path) -> None:
    period = _period()
    demo_cells = _cells(period)
    demo_findings = _findings(period)
    assert len(demo_cells) > 400

    Return.delete().where(Return.period == period).execute()  # the values are gone
    assert _cells(period) == {}
    result = generate_forms(period, forms_dir, FormsOutOptions(all_indicators=True))
    assert len(result.forms) == 18

    answers = _seed_answers()
    paths = []
    for form in result.forms:
        placed = _fill_like_a_user(form.path, answers.get(form.code, {}))
        assert placed == set(answers.get(form.code, {})), f"{form.code}: answers without a row in the form"
        paths.append(form.path)

    preview = preview_import(paths, period)
    assert preview.refused == ()
    assert preview.conflicts == ()
    assert preview.count(ChangeKind.NEW) == len(demo_cells)
    applied = apply_import(preview)
    assert applied.applied == len(demo_cells)
    assert _cells(period) == demo_cells
    assert _findings(period) == demo_findings
    assert {row.state for row in form_statuses(period)} == {FormState.IMPORTED}

    again = preview_import(paths, period)
    assert not again.has_changes
    assert {c.kind for c in again.changes} == {ChangeKind.UNCHANGED}
    second = apply_import(again)
    assert second.applied == 0
    assert second.changes.empty
    assert _cells(period) == demo_cells


def test_default_forms_ask_only_assigned_indicators_and_round_trip_all_real_values(
    demo_db: Path, forms_dir: Path
) -> None:
    period = _period()
    demo_cells = _cells(period)
    Return.delete().where(Return.period == period).execute()
    result = generate_forms(period, forms_dir)
    answers = _seed_answers()
    for form in result.forms:
        _fill_like_a_user(form.path, answers.get(form.code, {}))
    apply_import(preview_import([f.path for f in result.forms], period))
    after = _cells(period)
    assert all(demo_cells[key] == text for key, text in after.items())
    left_out = {key: text for key, text in demo_cells.items() if key not in after}
    # Only the "-" fillers the report put in other subdivisions' indicator columns are not asked for.
    assert left_out
    assert {parse_value(text).state for text in left_out.values()} <= {
        ValueState.NOT_APPLICABLE,
        ValueState.MISSING,
    }


# ------------------------------------------------------------------------------------------------------
# The workbook going out
# ------------------------------------------------------------------------------------------------------


def test_generated_workbook_is_protected_readable_and_carries_hidden_ids(
    demo_db: Path, forms_dir: Path
) -> None:
    import datetime as dt

    period = _period()
    result = generate_forms(
        period, forms_dir, FormsOutOptions(deadline=dt.date(2023, 7, 14), contact="Ion Popescu")
    )
    names = sorted(p.name for p in forms_dir.iterdir())
    assert "Retur_DRU_2023-S1.xlsx" in names
    assert len(names) == 18
    summary = "\n".join(result.summary_lines())
    assert "Retur_DRU_2023-S1.xlsx — Direcția resurse umane" in summary
    assert "14.07.2023" in summary

    wb = load_workbook(forms_dir / "Retur_DRU_2023-S1.xlsx")
    assert wb.sheetnames == ["Instrucțiuni", "Retur", "_id"]
    assert wb["_id"].sheet_state == "veryHidden"
    assert wb.security is not None and wb.security.lockStructure
    cover_text = " ".join(str(c.value) for row in wb["Instrucțiuni"].iter_rows() for c in row if c.value)
    for expected in (
        "Direcția resurse umane",
        "semestrul I al anului 2023",
        "14.07.2023",
        "Ion Popescu",
        "Femei (F)",
    ):
        assert expected in cover_text

    ws = wb["Retur"]
    assert ws.protection.sheet
    assert ws.column_dimensions["A"].hidden
    assert ws.column_dimensions["C"].width >= 40 and ws.column_dimensions["D"].width >= 40
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows is not None
    rows = {
        row[0].value: row for row in ws.iter_rows() if isinstance(row[0].value, str) and "#" in row[0].value
    }
    assert rows["1.1#1"][VALUE - 1].value == "10 funcționari"  # prefilled with what is stored
    description = rows["1.1#D"]
    assert not description[VALUE - 1].protection.locked
    assert description[2].protection.locked  # the label is structure
    assert description[2].alignment.wrap_text
    assert not rows["1.1#1"][WOMEN - 1].protection.locked  # indicator 1 of 1.1 is split F/B
    assert rows["1.1#2"][WOMEN - 1].protection.locked
    validations = ws.data_validations.dataValidation
    whole = [dv for dv in validations if dv.type == "whole"]
    assert whole and rows["1.1#1"][WOMEN - 1].coordinate in str(whole[0].sqref)
    numeric = {str(dv.sqref) for dv in validations if dv.type == "custom"}
    assert rows["1.1#2"][VALUE - 1].coordinate in numeric
    assert rows["1.1#D"][VALUE - 1].coordinate not in numeric

    statuses = {row.code: row for row in form_statuses(period)}
    assert statuses["DRU"].state is FormState.GENERATED
    assert statuses["DRU"].file_name == "Retur_DRU_2023-S1.xlsx"


def test_existing_files_are_not_overwritten_unless_asked(demo_db: Path, forms_dir: Path) -> None:
    period = _period()
    generate_forms(period, forms_dir)
    marker = forms_dir / "Retur_DRU_2023-S1.xlsx"
    marker.write_bytes(b"filled by DRU")
    with pytest.raises(ServiceError, match="există deja"):
        generate_forms(period, forms_dir)
    assert marker.read_bytes() == b"filled by DRU"
    generate_forms(period, forms_dir, FormsOutOptions(overwrite=True))
    assert marker.read_bytes()[:2] == b"PK"


def test_previous_semester_values_appear_read_only(demo_db: Path, forms_dir: Path) -> None:
    period = _period()
    plan = Plan.get_by_id(period.plan_id)
    s2, _ = create_period(plan, PeriodKey(2023, 2))
    result = generate_forms(s2, forms_dir, FormsOutOptions(include_previous=True))
    assert result.previous_code == "2023-S1"
    ws = load_workbook(forms_dir / "Retur_DRU_2023-S2.xlsx")["Retur"]
    assert ws["G3"].value == "Raportat în 2023-S1 (doar informativ)"
    row = next(r for r in ws.iter_rows() if r[0].value == "1.1#1")
    assert row[6].value == "10 funcționari"
    assert row[6].protection.locked
    assert row[VALUE - 1].value in (None, "")  # nothing reported for S2 yet


def test_text_starting_with_equals_is_written_as_text(demo_db: Path, forms_dir: Path) -> None:
    period = _period()
    action = action_by_code(period.plan_id, "1.1")
    set_cell(period, action.id, _sub("DRU").id, 2, '=HYPERLINK("http://x")')
    generate_forms(period, forms_dir, FormsOutOptions(subdivision_ids=frozenset({_sub("DRU").id})))
    ws = load_workbook(forms_dir / "Retur_DRU_2023-S1.xlsx")["Retur"]
    cell = next(r for r in ws.iter_rows() if r[0].value == "1.1#2")[VALUE - 1]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")'


# ------------------------------------------------------------------------------------------------------
# Values coming back
# ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("main", "women", "men", "expected"),
    [
        ("4 angajați", None, None, "4 angajați"),
        ("", 3, 1, "4 (3F/1B)"),
        ("4 angajați", 3, 1, "4 angajați (3F/1B)"),
        ("4 angajați (3F/1B)", 3, 1, "4 angajați (3F/1B)"),
        ("2 angajate", 2, None, "2 angajate (2F/0B)"),
        ("", "3", "0", "3 (3F/0B)"),
    ],
)
def test_value_and_fb_cells_compose_the_raw_text(main: str, women: Any, men: Any, expected: str) -> None:
    assert compose_value(main, women, men) == (expected, None)


def test_fb_cells_that_contradict_the_value_are_a_problem() -> None:
    text, problem = compose_value("4 angajați (3F/1B)", 2, 2)
    assert text == "4 angajați (3F/1B)"  # the typed value is never rewritten
    assert problem is not None and "3F/1B" in problem
    assert compose_value("4", "trei", None)[1] is not None


@pytest.mark.parametrize(
    ("stored", "typed"),
    [(10, "10"), (10.0, "10"), (2.5, "2,5"), ("=5+3", "=5+3"), ("0", "0"), (None, "")],
)
def test_cells_come_back_as_the_text_the_user_typed(stored: Any, typed: str) -> None:
    assert spreadsheet_text(stored)[0] == typed


def test_imported_values_keep_what_was_typed(engine_demo_db: str, forms_dir: Path) -> None:
    period = _period()
    dru = _sub("DRU")
    generate_forms(
        period, forms_dir, FormsOutOptions(subdivision_ids=frozenset({dru.id}), prefill_current=False)
    )
    path = _fill_by_key(
        forms_dir / "Retur_DRU_2023-S1.xlsx",
        {
            "1.1#1": (None, 3, 1),  # only F/B: the total is written for them
            "1.1#2": 10,  # Excel stored a number
            "1.1#3": 2.5,
            "1.1#4": "=5+3",  # a formula: kept as its text, never evaluated
            "1.3#1": ("11 agenți", 6, 5),
            "1.1#D": "  Concursuri organizate.\r\nRezultate publicate.  ",
        },
    )
    preview = preview_import([path], period)
    assert preview.refused == ()
    apply_import(preview)
    a11 = action_by_code(period.plan_id, "1.1").id
    a13 = action_by_code(period.plan_id, "1.3").id
    assert cell_text(period, a11, dru.id, 1) == "4 (3F/1B)"
    assert cell_text(period, a11, dru.id, 2) == "10"
    assert cell_text(period, a11, dru.id, 3) == "2,5"
    assert cell_text(period, a11, dru.id, 4) == "=5+3"
    assert cell_text(period, a13, dru.id, 1) == "11 agenți (6F/5B)"
    # verbatim, as typed (raw text is sacred): spaces and the Windows line end stay
    assert cell_text(period, a11, dru.id, 0) == "  Concursuri organizate.\r\nRezultate publicate.  "
    assert cell_text(period, a11, dru.id, 5) == "39 anunțuri"  # not prefilled and left empty: kept
    row = next(r for r in load_grid(period, a13).rows if r.subdivision_id == dru.id)
    assert (row.values[1].women, row.values[1].men) == (6, 5)


@pytest.mark.parametrize("language", ["ro", "ru"])
def test_many_stray_rows_are_counted_in_the_plural(demo_db: Path, forms_dir: Path, language: str) -> None:
    """Seven rows written below the form: the warning counts them with the plural of each language and names
    the first five sheet rows."""
    from balti_monitor.i18n import set_language

    period = _period()
    dru = _sub("DRU")
    generate_forms(period, forms_dir, FormsOutOptions(subdivision_ids=frozenset({dru.id})))
    source = forms_dir / "Retur_DRU_2023-S1.xlsx"
    wb = load_workbook(source)
    ws = wb["Retur"]
    first = ws.max_row + 3
    rows = [first + 2 * i for i in range(7)]
    for r in rows:
        ws.cell(row=r, column=VALUE, value="o notă adăugată de subdiviziune")
    wb.save(source)
    try:
        set_language(language)
        preview = preview_import([source], period)
    finally:
        set_language("ro")
    assert preview.refused == ()
    shown = ", ".join(str(r) for r in rows[:5]) + ", …"
    expected = {
        "ro": f"7 rânduri cu date în afara formularului au fost ignorate (rândurile {shown} ale foii).",
        "ru": f"7 строк с данными вне строк формы проигнорировано (№ в листе: {shown}).",
    }[language]
    assert expected in preview.files[0].warnings


def test_reordered_rows_blank_rows_and_stray_text_are_tolerated(engine_demo_db: str, forms_dir: Path) -> None:
    period = _period()
    dru = _sub("DRU")
    generate_forms(period, forms_dir, FormsOutOptions(subdivision_ids=frozenset({dru.id})))
    source = forms_dir / "Retur_DRU_2023-S1.xlsx"
    wb = load_workbook(source)
    ws = wb["Retur"]
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    ws.delete_rows(5, ws.max_row)
    rows = [r for r in data if r[0] != "1.1#4"]  # a deleted row
    rows.reverse()  # sorted the other way round
    r = 5
    for values in rows:
        if values[0] == "1.1#2":
            values[VALUE - 1] = "18 concursuri"
        for col, value in enumerate(values, start=1):
            ws.cell(row=r, column=col, value=value)
        r += 2  # a blank row after every row
    ws.cell(row=r + 1, column=VALUE, value="o notă adăugată de subdiviziune")
    wb.save(source)

    preview = preview_import([source], period)
    assert preview.refused == ()
    changes = {(c.action_code, c.label): c for c in preview.files[0].changes}
    assert changes[("1.1", "Indicatorul 2")].kind is ChangeKind.CHANGED
    assert preview.count(ChangeKind.CHANGED) == 1
    assert ("1.1", "Indicatorul 4") not in changes
    warnings = " ".join(preview.files[0].warnings)
    assert "1 rând al formularului lipsește" in warnings and "1.1 · Indicatorul 4" in warnings
    # one stray row: the singular (it said "rândurile … au fost ignorate" for one row)
    assert f"1 rând cu date în afara formularului a fost ignorat (rândul {r + 1} al foii)." in warnings
    apply_import(preview)
    a11 = action_by_code(period.plan_id, "1.1").id
    assert cell_text(period, a11, dru.id, 2) == "18 concursuri"
    assert cell_text(period, a11, dru.id, 4) == "0 contestații"  # the deleted row changed nothing


# ------------------------------------------------------------------------------------------------------
# Preview against edits made in the app, apply, undo, redo
# ------------------------------------------------------------------------------------------------------


@pytest.fixture
def dru_form(engine_demo_db: str, forms_dir: Path) -> Iterator[tuple[Period, int, int, Path]]:
    """A DRU form generated after 1.2 indicator 1 was cleared, then app edits made after generation."""
    period = _period()
    dru = _sub("DRU").id
    a11 = action_by_code(period.plan_id, "1.1").id
    a12 = action_by_code(period.plan_id, "1.2").id
    set_cell(period, a12, dru, 1, None)
    generate_forms(period, forms_dir, FormsOutOptions(subdivision_ids=frozenset({dru})))
    set_cell(period, a11, dru, 2, "20 concursuri")  # edited in the app after the form went out
    set_cell(period, a11, dru, 5, "40 anunțuri")
    path = _fill_by_key(
        forms_dir / "Retur_DRU_2023-S1.xlsx",
        {
            "1.1#1": "11 funcționari",  # changed
            "1.1#2": "19 concursuri",  # conflict: the app changed it too
            "1.1#3": None,  # cleared
            "1.2#1": "2 cazuri",  # new
        },
    )
    yield period, a11, a12, path


def test_preview_classifies_every_row_against_the_database(dru_form: tuple[Period, int, int, Path]) -> None:
    period, a11, a12, path = dru_form
    dru = _sub("DRU").id
    before = _cells(period)
    preview = preview_import([path], period)
    kinds = {(c.action_code, c.label): c.kind for c in preview.changes}
    assert kinds[("1.1", "Indicatorul 1")] is ChangeKind.CHANGED
    assert kinds[("1.1", "Indicatorul 2")] is ChangeKind.CONFLICT
    assert kinds[("1.1", "Indicatorul 3")] is ChangeKind.CLEARED
    assert kinds[("1.1", "Indicatorul 4")] is ChangeKind.UNCHANGED
    assert kinds[("1.1", "Indicatorul 5")] is ChangeKind.KEPT  # untouched in the form, edited in the app
    assert kinds[("1.2", "Indicatorul 1")] is ChangeKind.NEW
    conflict = preview.conflicts[0]
    assert (conflict.current, conflict.incoming) == ("20 concursuri", "19 concursuri")
    assert _cells(period) == before  # a preview changes nothing

    result = apply_import(preview)
    assert cell_text(period, a11, dru, 1) == "11 funcționari"
    assert cell_text(period, a11, dru, 2) == "20 concursuri"  # the app's edit wins unless accepted
    assert cell_text(period, a11, dru, 3) is None
    assert cell_text(period, a11, dru, 5) == "40 anunțuri"
    assert cell_text(period, a12, dru, 1) == "2 cazuri"
    assert result.changes.actions == {a11, a12}
    status = {r.code: r for r in form_statuses(period)}["DRU"]
    assert status.state is FormState.IMPORTED and status.imported_at is not None

    restore_cells(result.undo)
    assert _cells(period) == before
    assert {r.code: r for r in form_statuses(period)}["DRU"].state is FormState.GENERATED
    restore_cells(result.redo)
    assert cell_text(period, a12, dru, 1) == "2 cazuri"
    assert {r.code: r for r in form_statuses(period)}["DRU"].state is FormState.IMPORTED


def test_accepted_conflicts_take_the_form_value(dru_form: tuple[Period, int, int, Path]) -> None:
    period, a11, _, path = dru_form
    preview = preview_import([path], period)
    apply_import(preview, accept_conflicts=[c.ref for c in preview.conflicts])
    assert cell_text(period, a11, _sub("DRU").id, 2) == "19 concursuri"


def test_apply_refuses_a_stale_preview_and_changes_nothing(dru_form: tuple[Period, int, int, Path]) -> None:
    period, a11, _, path = dru_form
    preview = preview_import([path], period)
    set_cell(period, a11, _sub("DRU").id, 1, "12 funcționari")
    before = _cells(period)
    with pytest.raises(ServiceError, match="previzualizare"):
        apply_import(preview)
    assert _cells(period) == before


def test_preview_lists_the_findings_the_import_would_create(engine_demo_db: str, forms_dir: Path) -> None:
    period = _period()
    dru = _sub("DRU")
    generate_forms(period, forms_dir, FormsOutOptions(subdivision_ids=frozenset({dru.id})))
    path = _fill_by_key(forms_dir / "Retur_DRU_2023-S1.xlsx", {"1.3#1": "11 agenți (3F/1B)"})
    before = _cells(period)
    preview = preview_import([path], period)
    new = [(f.code, f.action, f.indicator, f.subdivision_id) for f in preview.new_findings]
    assert (FindingCode.FB_MISMATCH, "1.3", 1, dru.id) in new
    assert _cells(period) == before  # the trial run was rolled back


def test_form_status_can_be_marked_by_hand(engine_demo_db: str, forms_dir: Path) -> None:
    period = _period()
    dru = _sub("DRU")
    assert {r.code: r for r in form_statuses(period)}["DRU"].label == "Negenerat"
    generate_forms(period, forms_dir, FormsOutOptions(subdivision_ids=frozenset({dru.id})))
    set_form_state(period, dru.id, FormState.SENT)
    set_form_state(period, dru.id, "needs_correction", note="lipsește descrierea la 1.3")
    row = {r.code: r for r in form_statuses(period)}["DRU"]
    assert row.state is FormState.NEEDS_CORRECTION and row.label == "De corectat"
    assert row.generated_at is not None and row.sent_at is not None and row.correction_at is not None
    assert row.note == "lipsește descrierea la 1.3"
    with pytest.raises(ServiceError):
        set_form_state(period, dru.id, "pierdut")


# ------------------------------------------------------------------------------------------------------
# CLI
# ------------------------------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Any:
    import balti_monitor.cli as cli_module

    if "forms" not in cli_module.COMMAND_MODULES:
        monkeypatch.setattr(cli_module, "COMMAND_MODULES", [*cli_module.COMMAND_MODULES, "forms"])
    return cli_module.main


def test_cli_forms_out_and_forms_in(
    cli: Any, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    shutil.copyfile(demo_file, db)
    out = tmp_path / "forme"
    assert cli(["--db", str(db), "forms-out", "--period", "2023-S1", "--dir", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Au fost generate 18 formulare" in printed and "Retur_DRU_2023-S1.xlsx" in printed

    form = _fill_by_key(out / "Retur_DRU_2023-S1.xlsx", {"1.1#2": "21 concursuri"})
    junk = tmp_path / "nota.xlsx"
    Workbook().save(junk)
    assert cli(["--db", str(db), "forms-in", str(form), str(junk), "--dry-run"]) == 2
    printed = capsys.readouterr().out
    assert "1.1 · Indicatorul 2 · Direcția resurse umane: „17 concursuri” → „21 concursuri”" in printed
    assert "✗ nota.xlsx: Registrul nu este un formular de retur" in printed
    assert "nu s-a modificat nimic" in printed

    assert cli(["--db", str(db), "forms-in", str(form)]) == 0
    assert "Importat: 1 celulă din 1 formular." in capsys.readouterr().out  # was "1 celule"
    assert cli(["--db", str(db), "forms-status", "--period", "2023-S1"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"DRU\s+Importat", printed) and re.search(r"DSP\s+Formular generat", printed)

    open_database(db)
    try:
        period = _period()
        assert (
            cell_text(period, action_by_code(period.plan_id, "1.1").id, _sub("DRU").id, 2) == "21 concursuri"
        )
    finally:
        close_database()


def test_the_form_file_name_rule_has_one_home(tmp_path: Path) -> None:
    from balti_monitor.interchange.forms_out import existing_forms, form_file_name, is_form_file_name

    assert form_file_name("DRU", "2023-S1") == "Retur_DRU_2023-S1.xlsx"
    assert form_file_name("d.r/u", "2023-S1", 7) == "Retur_D_R_U_2023-S1_7.xlsx"
    for name in (
        "Retur_DRU_2023-S1.xlsx",
        "Retur_D_R_U_2023-S1_7.xlsx",
        "Retur_DRU_2023-S2.xlsx",
        "nota.xlsx",
    ):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in existing_forms(tmp_path, "2023-S1")] == [
        "Retur_DRU_2023-S1.xlsx",
        "Retur_D_R_U_2023-S1_7.xlsx",
    ]
    assert not is_form_file_name("Retur_DRU_2023-S1.xlsx.tmp", "2023-S1")

"""Return forms that must not be imported: each is refused with a message naming the problem, and nothing of
it is applied; the other files of the same batch still import."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Plan, Subdivision
from balti_monitor.interchange.forms_common import FormState, form_statuses
from balti_monitor.interchange.forms_in import ImportPreview, apply_import, preview_import
from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
from balti_monitor.services.bundled import PLAN_FILE, bundled_json, install_plan
from balti_monitor.services.editing import action_by_code, cell_text
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import load_grids
from balti_monitor.services.periods import PeriodKey, create_period, find_period

VALUE = 4


S1 = PeriodKey(2023, 1)


def _period() -> Period:
    plan = Plan.select().order_by(Plan.id).first()
    assert plan is not None
    return find_period(plan, S1)


def _sub_id(code: str) -> int:
    sub = Subdivision.get_or_none(Subdivision.code == code)
    assert sub is not None
    return int(sub.id)


def _cells(period: Period) -> dict[tuple[str, int, int], str]:
    out: dict[tuple[str, int, int], str] = {}
    for grid in load_grids(period).values():
        for row in grid.rows:
            if row.has_return:
                out[(grid.code, row.subdivision_id, 0)] = row.description
                out.update({(grid.code, row.subdivision_id, n): v.raw for n, v in row.values.items()})
    return out


def _form(period: Period, directory: Path, code: str = "DRU") -> Path:
    result = generate_forms(period, directory, FormsOutOptions(subdivision_ids=frozenset({_sub_id(code)})))
    return result.forms[0].path


def _set_values(path: Path, edits: dict[str, Any], out: Path | None = None) -> Path:
    wb = load_workbook(path)
    for row in wb["Retur"].iter_rows():
        if row[0].value in edits:
            value = edits[row[0].value]
            if isinstance(value, tuple):
                row[VALUE - 1].value, row[VALUE].value, row[VALUE + 1].value = value
            else:
                row[VALUE - 1].value = value
    target = out or path
    wb.save(target)
    return target


def _only_refusal(preview: ImportPreview) -> str:
    assert preview.files == ()
    assert len(preview.refused) == 1
    return preview.refused[0].message


def _assert_nothing_applied(
    preview: ImportPreview, period: Period, before: dict[tuple[str, int, int], str]
) -> None:
    with pytest.raises(ServiceError):
        apply_import(preview)
    assert _cells(period) == before
    assert FormState.IMPORTED not in {row.state for row in form_statuses(period)}


@pytest.fixture
def filled(demo_db: Path, tmp_path: Path) -> tuple[Period, Path, dict[tuple[str, int, int], str]]:
    """A genuine DRU form of 2023-S1 with one changed value, and the database cells before any import."""
    period = _period()
    path = _set_values(_form(period, tmp_path / "out"), {"1.1#2": "25 concursuri"})
    return period, path, _cells(period)


def test_form_of_another_period_is_refused(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path
) -> None:
    period, _, before = filled
    s2, _ = create_period(Plan.get_by_id(period.plan_id), PeriodKey(2023, 2))
    s2_form = _form(s2, tmp_path / "s2")
    preview = preview_import([s2_form], period)
    assert _only_refusal(preview) == "Formularul este pentru perioada 2023-S2, nu pentru 2023-S1."
    _assert_nothing_applied(preview, period, before)


def test_forms_of_two_periods_in_one_batch_are_refused_after_the_first(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path
) -> None:
    period, s1_form, _ = filled
    s2, _ = create_period(Plan.get_by_id(period.plan_id), PeriodKey(2023, 2))
    s2_form = _form(s2, tmp_path / "s2", "DSP")
    preview = preview_import([s1_form, s2_form])  # no period chosen: the first form's period counts
    assert preview.period_code == "2023-S1"
    assert [f.path for f in preview.files] == [s1_form]
    assert "pentru perioada 2023-S2" in preview.refused[0].message


def test_form_of_another_plan_is_refused(filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path) -> None:
    period, _, before = filled
    document = bundled_json(PLAN_FILE)
    document["plan"] = {**document["plan"], "code": "PLA-ALT", "title": "Alt plan", "short_title": "Alt plan"}
    other_plan = install_plan(document)
    other_period, _ = create_period(other_plan, PeriodKey(2023, 1))
    other_form = _form(other_period, tmp_path / "alt")
    preview = preview_import([other_form], period)
    message = _only_refusal(preview)
    assert message.startswith("Formularul este pentru alt plan („PLA-ALT”)")
    _assert_nothing_applied(preview, period, before)


def test_form_from_another_database_is_refused(demo_file: Path, tmp_path: Path) -> None:
    first = tmp_path / "a.sqlite"
    shutil.copyfile(demo_file, first)
    open_database(first)
    try:
        form = _set_values(_form(_period(), tmp_path / "out"), {"1.1#2": "25 concursuri"})
    finally:
        close_database()
    second = tmp_path / "b.sqlite"
    shutil.copyfile(demo_file, second)
    open_database(second)
    try:
        period = _period()
        before = _cells(period)
        preview = preview_import([form], period)
        assert "altă bază de date" in _only_refusal(preview)
        _assert_nothing_applied(preview, period, before)
    finally:
        close_database()


def _edit_id_sheet(path: Path, field: str, value: str) -> None:
    wb = load_workbook(path)
    ids = wb["_id"]
    for row in ids.iter_rows():
        if row[0].value == field:
            row[1].value = value
            break
    else:
        raise AssertionError(field)
    wb.save(path)


@pytest.mark.parametrize(
    ("field", "value"),
    [("subdivision", "DSP"), ("period", "2023-S2"), ("form_id", "0" * 32), ("signature", "f" * 64)],
)
def test_tampered_hidden_identifiers_are_refused(
    filled: tuple[Period, Path, dict[Any, str]], field: str, value: str
) -> None:
    period, path, before = filled
    _edit_id_sheet(path, field, value)
    preview = preview_import([path], period)
    assert "Identificatorii ascunși ai formularului au fost modificați" in _only_refusal(preview)
    _assert_nothing_applied(preview, period, before)


def test_a_row_key_added_to_the_signed_list_is_refused(filled: tuple[Period, Path, dict[Any, str]]) -> None:
    period, path, before = filled
    wb = load_workbook(path)
    ids = wb["_id"]
    ids.append(["2.1#1", "0" * 32, "1"])  # trying to smuggle in a row of an action DRU does not answer
    wb.save(path)
    preview = preview_import([path], period)
    assert "Identificatorii ascunși" in _only_refusal(preview)
    _assert_nothing_applied(preview, period, before)


def test_a_changed_row_key_in_the_sheet_is_refused(filled: tuple[Period, Path, dict[Any, str]]) -> None:
    period, path, before = filled
    wb = load_workbook(path)
    row = next(r for r in wb["Retur"].iter_rows() if r[0].value == "1.1#2")
    row[0].value = "2.1#1"
    wb.save(path)
    preview = preview_import([path], period)
    message = _only_refusal(preview)
    assert "identificator ascuns necunoscut („2.1#1”)" in message
    _assert_nothing_applied(preview, period, before)


def test_a_workbook_that_is_not_a_form_is_refused(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path
) -> None:
    period, _, before = filled
    plain = tmp_path / "tabel.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Retur DRU"  # type: ignore[index]
    wb.save(plain)
    preview = preview_import([plain], period)
    assert _only_refusal(preview).startswith("Registrul nu este un formular de retur Bălți Monitor")
    _assert_nothing_applied(preview, period, before)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Raport DRU, semestrul I", "nu este un registru Excel (.xlsx)"),
        (b"", "Fișierul este gol."),
        (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504, "formatul vechi Excel 97-2003 (.xls)"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path, content: bytes, expected: str
) -> None:
    period, _, before = filled
    path = tmp_path / "retur.xlsx"
    path.write_bytes(content)
    preview = preview_import([path], period)
    assert expected in _only_refusal(preview)
    _assert_nothing_applied(preview, period, before)


def test_password_protected_form_is_refused(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path
) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    period, path, before = filled
    encrypted = tmp_path / "cu_parola.xlsx"
    with path.open("rb") as source, encrypted.open("wb") as target:
        OOXMLFile(source).encrypt("parola123", target)
    preview = preview_import([encrypted], period)
    assert _only_refusal(preview).startswith("Fișierul este protejat cu parolă.")
    _assert_nothing_applied(preview, period, before)


def test_corrupt_forms_are_refused(filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path) -> None:
    period, path, before = filled
    data = path.read_bytes()
    truncated = tmp_path / "trunchiat.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    garbled = tmp_path / "stricat.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(garbled, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet2"):
                body = body[: len(body) // 3]  # the "Retur" sheet's XML cut in the middle
            target.writestr(item, body)
    preview = preview_import([truncated, garbled], period)
    assert preview.files == ()
    assert [r.path for r in preview.refused] == [truncated, garbled]
    assert all("deteriorat" in r.message for r in preview.refused)
    _assert_nothing_applied(preview, period, before)


def test_values_that_cannot_be_stored_refuse_the_whole_form(
    filled: tuple[Period, Path, dict[Any, str]],
) -> None:
    period, path, before = filled
    _set_values(path, {"1.1#1": ("10 funcționari", "trei", None), "1.3#1": "-5 agenți"})
    preview = preview_import([path], period)
    message = _only_refusal(preview)
    assert message.startswith("Formularul are valori care nu pot fi importate")
    assert "1.1 · Indicatorul 1" in message and "numere întregi" in message
    assert "1.3 · Indicatorul 1" in message and "negativă" in message
    _assert_nothing_applied(preview, period, before)


def test_a_copied_row_with_a_different_value_is_refused(filled: tuple[Period, Path, dict[Any, str]]) -> None:
    period, path, before = filled
    wb = load_workbook(path)
    ws = wb["Retur"]
    ws.append(["1.1#2", "1.1", "Indicatorul 2: (copie)", "30 concursuri"])
    wb.save(path)
    preview = preview_import([path], period)
    assert "cu altă valoare" in _only_refusal(preview)
    _assert_nothing_applied(preview, period, before)


def test_the_same_form_twice_and_two_forms_of_one_subdivision(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path
) -> None:
    period, path, _ = filled
    copy = tmp_path / "copie.xlsx"
    shutil.copyfile(path, copy)
    newer = _form(period, tmp_path / "nou")
    preview = preview_import([path, copy, newer], period)
    assert [f.path for f in preview.files] == [path]
    assert "selectat de două ori" in preview.refused[0].message
    assert "importați formularele aceleiași subdiviziuni pe rând" in preview.refused[1].message


def test_refused_files_do_not_stop_the_good_ones(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path
) -> None:
    period, path, _ = filled
    other = _set_values(_form(period, tmp_path / "dsp", "DSP"), {"1.1#5": "40 informații"})
    _edit_id_sheet(other, "subdivision", "DRP")
    preview = preview_import([path, other], period)
    assert [f.path for f in preview.files] == [path]
    apply_import(preview)
    a11 = action_by_code(period.plan_id, "1.1").id
    assert cell_text(period, a11, _sub_id("DRU"), 2) == "25 concursuri"
    assert cell_text(period, a11, _sub_id("DSP"), 5) == "39 informații"


def test_macros_and_external_links_are_ignored_and_formulas_stay_text(
    filled: tuple[Period, Path, dict[Any, str]], tmp_path: Path
) -> None:
    period, path, _ = filled
    _set_values(
        path, {"1.1#3": "='[Buget 2023.xlsx]Foaie1'!A1", "1.1#6": '=HYPERLINK("http://exemplu.md","x")'}
    )
    macro = tmp_path / "Retur_DRU_2023-S1.xlsm"
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            target.writestr(item, body)
        target.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "Module1"\nSub AutoOpen()\nEnd Sub\n')
    macro.write_bytes(buffer.getvalue())
    preview = preview_import([macro], period)
    assert preview.refused == ()
    apply_import(preview)
    a11 = action_by_code(period.plan_id, "1.1").id
    dru = _sub_id("DRU")
    assert cell_text(period, a11, dru, 3) == "='[Buget 2023.xlsx]Foaie1'!A1"
    assert cell_text(period, a11, dru, 6) == '=HYPERLINK("http://exemplu.md","x")'
    assert cell_text(period, a11, dru, 2) == "25 concursuri"

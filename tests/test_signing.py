"""A signed period stays as signed: every writer is refused with who signed; unlocking needs a reason and is
recorded; the export is deterministic, so a signed report can be verified byte for byte."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from balti_monitor.db.models import ChangeLog, Period, Plan, Subdivision, database
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.export.render import export_report
from balti_monitor.interchange.json_io import export_document, import_document
from balti_monitor.services.audit import apply_recorded, set_user_name
from balti_monitor.services.changes import Write
from balti_monitor.services.editing import CellEdit, SetCells, SetOverride, action_by_code, cell_text
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.narrative import NarrativeData, SaveNarrative, get_narrative
from balti_monitor.services.periods import CreatePeriod, PeriodKey
from balti_monitor.services.signing import is_signed, sign_period, signature, unsign_period, verify_report
from balti_monitor.services.storage_errors import guard_write


def action(code: str) -> int:
    return int(action_by_code(Plan.get().id, code).id)


def sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def period() -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


def dump() -> list[Any]:
    """Every data row of the period's tables (what a refused write must leave as it was)."""
    rows: list[Any] = []
    for table in ("value", '"return"', "total_override", "period_responsibility", "narrative", "period"):
        rows.append(database.execute_sql(f"SELECT * FROM {table} ORDER BY id").fetchall())
    return rows


@pytest.fixture
def signed(engine_demo_db: str, tmp_path: Path) -> Path:
    set_user_name("Ion Semnatar")
    report = export_report(period(), tmp_path / "raport.docx")
    sign_period(period().id, report)
    set_user_name("Ana Specialist")
    yield report
    set_user_name("")


def refused(write: Write, source: str = "typed") -> None:
    before = dump()
    with pytest.raises(ServiceError, match=r"2023-S1 este semnată de Ion Semnatar"):
        apply_recorded(write, source)
    assert dump() == before
    # the lock itself is in the file (triggers): the plain service write is refused too, and says who
    with pytest.raises(ServiceError, match="Ion Semnatar"), guard_write("Salvarea"):
        write.apply()
    assert dump() == before


def test_signing_stores_the_reports_hash_who_and_when(signed: Path) -> None:
    info = signature(period().id)
    assert info is not None and is_signed(period().id)
    assert info.sha256 == hashlib.sha256(signed.read_bytes()).hexdigest()
    assert info.signed_by == "Ion Semnatar" and info.file_name == "raport.docx"
    assert ChangeLog.select().where(ChangeLog.kind == "sign").count() == 1
    with pytest.raises(ServiceError, match="deja semnat"):
        sign_period(period().id, signed)


def test_the_grid_is_refused(signed: Path) -> None:
    refused(SetCells(period().id, action("1.13"), (CellEdit(sub("DS"), 1, "6 acte"),)))
    assert cell_text(period().id, action("1.13"), sub("DS"), 1) == "5 acte"


def test_a_paste_is_refused(signed: Path) -> None:
    refused(
        SetCells(period().id, action("1.1"), tuple(CellEdit(sub("DRU"), c, "1 caz") for c in (1, 2))), "paste"
    )


def test_a_typed_total_is_refused(signed: Path) -> None:
    refused(SetOverride(period().id, action("1.13"), 1, OverrideDef("9 acte", "din registru")))


def test_the_narrative_is_refused(signed: Path) -> None:
    old = get_narrative(period().id)
    refused(SaveNarrative(period().id, NarrativeData(**{**old.as_dict(), "executive_summary": "Alt text"})))


def test_responsibilities_that_would_change_its_totals_are_refused(signed: Path) -> None:
    from balti_monitor.services.applicability import SetResponsibilitiesFrom, period_state

    pid, a11 = period().id, action("1.1")
    target = tuple((sid, tuple(sorted({*nums, 1, 2}))) for sid, nums in period_state(pid, a11))
    refused(SetResponsibilitiesFrom(a11, pid, target))
    # from a later, unsigned period on the change is allowed and leaves the signed one as it was
    later = CreatePeriod(Plan.get().id, PeriodKey(2023, 2)).apply().new_id
    assert later is not None
    before = period_state(pid, a11)
    apply_recorded(SetResponsibilitiesFrom(a11, later, target), "typed")
    assert period_state(pid, a11) == before


def test_a_review_status_is_refused(signed: Path) -> None:
    from balti_monitor.services.editing import set_review_status

    with pytest.raises(ServiceError, match="Ion Semnatar"), guard_write("Marcarea"):
        set_review_status(period().id, action("1.13"), sub("DS"), "accepted")


def test_deleting_the_period_is_refused(signed: Path) -> None:
    from balti_monitor.services.period_deletion import delete_period

    before = dump()
    with pytest.raises(BaltiMonitorError):
        delete_period(period().id)
    assert dump() == before


def test_a_forms_import_is_refused(signed: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from balti_monitor.interchange.form_states import ImportForms
    from balti_monitor.interchange.forms_in import preview_import
    from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms

    folder = tmp_path / "formulare"
    folder.mkdir()
    generate_forms(period(), folder, FormsOutOptions(subdivision_ids=frozenset({sub("DRU")})))
    path = folder / "Retur_DRU_2023-S1.xlsx"
    book = load_workbook(path)
    row = next(r for r in book["Retur"].iter_rows() if r[0].value == "1.1#1")
    row[3].value = "99 funcționari"
    book.save(path)
    refused(ImportForms(preview_import([path], period()), ()), "form")


def _edit_document(document: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    copy = json.loads(json.dumps(document))
    change(copy["plans"][0]["periods"][0])
    return copy


def test_a_json_import_that_changes_the_period_is_refused(signed: Path) -> None:
    document = export_document()
    assert document["plans"][0]["periods"][0]["signature"]["signed_by"] == "Ion Semnatar"

    def change(per: dict[str, Any]) -> None:
        per["returns"][0]["description"] += " (modificat)"

    before = dump()
    with pytest.raises(BaltiMonitorError, match="2023-S1 este semnată de Ion Semnatar"):
        import_document(_edit_document(document, change), replace=True)
    assert dump() == before
    # the same data imported again keeps the period signed
    import_document(document, replace=True)
    assert is_signed(period().id)
    assert verify_report(signed).signed


def test_an_older_document_without_the_signature_keeps_the_signed_period_signed(signed: Path) -> None:
    document = export_document()
    document["plans"][0]["periods"][0].pop("signature")
    import_document(document, replace=True)
    assert is_signed(period().id)


def test_unlocking_needs_a_reason_is_recorded_and_allows_writes(signed: Path) -> None:
    with pytest.raises(ServiceError, match="motivul"):
        unsign_period(period().id, "   ")
    assert is_signed(period().id)
    unsign_period(period().id, "corectare cerută de DS")
    assert not is_signed(period().id)
    entry = ChangeLog.select().where(ChangeLog.kind == "unsign").get()
    assert (entry.note, entry.who, entry.period) == ("corectare cerută de DS", "Ana Specialist", "2023-S1")
    apply_recorded(SetCells(period().id, action("1.13"), (CellEdit(sub("DS"), 1, "6 acte"),)), "typed")
    assert cell_text(period().id, action("1.13"), sub("DS"), 1) == "6 acte"
    check = verify_report(signed)
    assert not check.signed and "retrasă" in check.message and "corectare cerută de DS" in check.message


def test_verify_report_tells_the_signed_document_from_another(signed: Path, tmp_path: Path) -> None:
    check = verify_report(signed)
    assert check.signed and "2023-S1" in check.message and "Ion Semnatar" in check.message
    other = tmp_path / "altul.docx"
    other.write_bytes(signed.read_bytes() + b"\0")
    assert not verify_report(other).signed


def test_two_exports_of_the_same_data_are_byte_identical(signed: Path, tmp_path: Path) -> None:
    time.sleep(2.1)  # a ZIP time stamp has a 2-second step: a clock-dated entry would differ now
    again = export_report(period(), tmp_path / "din-nou.docx")
    assert again.read_bytes() == signed.read_bytes()
    assert verify_report(again).signed


def test_comments_on_a_signed_period_stay_allowed(signed: Path) -> None:
    from balti_monitor.services.comments import AddComment, period_comments

    apply_recorded(AddComment(period().id, action("1.13"), sub("DS"), 1, "de verificat la anul"), "typed")
    assert [c.text for c in period_comments(period().id)] == ["de verificat la anul"]


def _version_of(path: Path) -> tuple[int, list[str]]:
    """The document's revision property and its paragraphs (what Word shows)."""
    from docx import Document

    document = Document(str(path))
    return document.core_properties.revision, [p.text for p in document.paragraphs]


def test_the_next_export_after_an_unlock_is_a_new_version(signed: Path, tmp_path: Path) -> None:
    revision, paragraphs = _version_of(signed)
    assert revision == 1 and not any(p.startswith("Versiunea") for p in paragraphs)
    unsign_period(period().id, "corectarea valorii DS la 1.13")
    second = export_report(period(), tmp_path / "v2.docx")
    assert second.read_bytes() != signed.read_bytes()  # the same data, but a new version of the document
    revision, paragraphs = _version_of(second)
    assert revision == 2
    title = next(i for i, p in enumerate(paragraphs) if p.startswith("Raport semestrial privind"))
    assert paragraphs[title + 1].startswith(
        "Versiunea 2, care înlocuiește versiunea 1 (semnătură retrasă la "
    )
    # two exports with no unlock in between stay byte-identical (the new version can be signed and verified)
    again = export_report(period(), tmp_path / "v2-din-nou.docx")
    assert again.read_bytes() == second.read_bytes()
    sign_period(period().id, second)
    assert verify_report(again).signed
    unsign_period(period().id, "a doua corectare")
    third = export_report(period(), tmp_path / "v3.docx")
    revision, paragraphs = _version_of(third)
    assert revision == 3 and any(
        p.startswith("Versiunea 3, care înlocuiește versiunea 2") for p in paragraphs
    )

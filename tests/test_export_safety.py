"""What a user notices when something is unusual: odd characters, a locked or missing target, a broken
template, options, progress, and the database left untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from export_support import PLAN_ACTIONS, action_sections, paragraph_texts

from balti_monitor.db.models import Indicator, Period, Subdivision, database
from balti_monitor.export import render
from balti_monitor.export.docx_check import check_docx, read_blocks
from balti_monitor.export.render import ExportError, ExportOptions, export_report
from balti_monitor.services.bundled import ensure_bundled_plan
from balti_monitor.services.editing import action_by_code, cell_text, set_cell, set_override
from balti_monitor.services.narrative import get_narrative, save_narrative
from balti_monitor.services.periods import PeriodKey, create_period

TRICKY = (
    "Ion & Maria <b>nu</b> \"ghilimele\" 'apostrof' {{ plan.title }} {% if true %}DA{% endif %} "
    "{_{ x }_} {# comentariu #} 5 < 7 & 3 > 2"
)


def _demo_period() -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


def _dru() -> int:
    sub = Subdivision.get(Subdivision.code == "DRU")
    return int(sub.id)


def _document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def test_user_text_is_printed_literally_never_evaluated(demo_db: Path, tmp_path: Path) -> None:
    period = _demo_period()
    plan, _ = ensure_bundled_plan()
    action = action_by_code(plan.id, "1.2")
    set_cell(period, action.id, _dru(), 0, f"{TRICKY}\nal doilea rând\tcu tab")
    set_cell(period, action.id, _dru(), 1, TRICKY)
    set_override(period, action.id, 2, "{{ 7*7 }} & <total>", reason="test")
    narrative = get_narrative(period)
    save_narrative(
        period,
        type(narrative)(**{**narrative.as_dict(), "risks": [TRICKY], "prepared_by_name": "A & B <C>"}),
    )
    out = export_report(period, tmp_path / "raport.docx")
    assert check_docx(out) == []
    blocks = read_blocks(out)
    section = action_sections(blocks)["1.2"]
    row = section.row_of("Direcția resurse umane")
    assert row[1].paragraphs == [TRICKY, "al doilea rând\tcu tab"]
    assert row[2].text == TRICKY
    assert section.total_row[3].text == "{{ 7*7 }} & <total>"
    texts = paragraph_texts(blocks)
    assert f"1. {TRICKY}" in texts
    assert any(t.startswith("Elaborat: A & B <C>") for t in texts)
    assert "{% if true %}DA{% endif %}" in _document_text(out).replace("&amp;", "&")


def test_characters_xml_cannot_carry_are_shown_and_kept_in_the_database(
    demo_db: Path, tmp_path: Path
) -> None:
    period = _demo_period()
    plan, _ = ensure_bundled_plan()
    action = action_by_code(plan.id, "1.2")
    set_cell(period, action.id, _dru(), 0, "început\x01mijloc\x0bsfârșit\r\nrândul doi\x1f")
    set_cell(period, action.id, _dru(), 3, "3\x0c persoane")
    out = export_report(period, tmp_path / "raport.docx")
    assert check_docx(out) == []
    row = action_sections(read_blocks(out))["1.2"].row_of("Direcția resurse umane")
    assert row[1].paragraphs == ["început[U+0001]mijloc[U+000B]sfârșit", "rândul doi[U+001F]"]
    assert row[4].text == "3[U+000C] persoane"
    assert cell_text(period, action.id, _dru(), 0) == "început\x01mijloc\x0bsfârșit\r\nrândul doi\x1f"
    docx.Document(str(out))  # python-docx parses it


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_changes_nothing_in_the_database(demo_db: Path, tmp_path: Path) -> None:
    before = _sha256(demo_db)
    changes = database.connection().total_changes
    export_report(_demo_period(), tmp_path / "raport.docx")
    assert database.connection().total_changes == changes
    assert _sha256(demo_db) == before


def test_progress_is_reported_step_by_step(demo_db: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    export_report(_demo_period(), tmp_path / "raport.docx", progress=lambda d, t, m: calls.append((d, t, m)))
    totals = {t for _, t, _ in calls}
    assert totals == {len(PLAN_ACTIONS) + 4}
    done = [d for d, _, _ in calls]
    assert done == list(range(1, len(done) + 1))
    assert done[-1] == len(PLAN_ACTIONS) + 4
    assert calls[-1][2] == "Raportul a fost salvat."
    assert "Acțiunea 1.1" in [m for _, _, m in calls]


def test_an_exception_in_the_progress_callback_aborts_without_a_file(demo_db: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def cancel(done: int, total: int, message: str) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_report(_demo_period(), out_dir / "raport.docx", progress=cancel)
    assert list(out_dir.iterdir()) == []


def _broken_template_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sabloane"
    folder.mkdir()
    target = folder / render.TEMPLATE_NAME
    shutil.copyfile(render.find_template(), target)
    document = docx.Document(str(target))
    for p in document.paragraphs:
        for run in p.runs:
            if "{{ action.title }}" in run.text:
                run.text = run.text.replace("{{ action.title }}", "{{ action.titel }}")
    document.save(str(target))
    return folder


def test_broken_template_keeps_the_previous_report(demo_db: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "raport.docx"
    out.write_bytes(b"raportul de ieri")
    folder = _broken_template_dir(tmp_path)
    with pytest.raises(ExportError) as err:
        export_report(_demo_period(), out, ExportOptions(template_dir=folder))
    message = str(err.value)
    assert "titel" in message and str(folder) in message
    assert out.read_bytes() == b"raportul de ieri"
    assert list(out_dir.iterdir()) == [out]  # no temporary file left behind


def test_a_template_that_is_not_a_word_file(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sabloane"
    folder.mkdir()
    (folder / render.TEMPLATE_NAME).write_text("nu sunt un document", encoding="utf-8")
    with pytest.raises(ExportError, match="nu este un document Word"):
        export_report(_demo_period(), tmp_path / "raport.docx", ExportOptions(template_dir=folder))
    assert not (tmp_path / "raport.docx").exists()


def test_user_template_folder_is_searched_first(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sabloane"
    folder.mkdir()
    target = folder / render.TEMPLATE_NAME
    shutil.copyfile(render.find_template(), target)
    document = docx.Document(str(target))
    for p in document.paragraphs:
        for run in p.runs:
            run.text = run.text.replace("Elaborat:", "Întocmit:")
    document.save(str(target))
    out = export_report(_demo_period(), tmp_path / "a.docx", ExportOptions(template_dir=folder))
    texts = paragraph_texts(read_blocks(out))
    assert any(t.startswith("Întocmit: Olga SARANCIUC") for t in texts)
    # an empty folder falls back to the bundled template
    empty = tmp_path / "gol"
    empty.mkdir()
    out = export_report(_demo_period(), tmp_path / "b.docx", ExportOptions(template_dir=empty))
    assert any(t.startswith("Elaborat: Olga SARANCIUC") for t in paragraph_texts(read_blocks(out)))


def test_target_open_in_word_gives_a_clear_message(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "raport.docx"
    out.write_bytes(b"deschis")
    (tmp_path / "~$raport.docx").write_bytes(b"owner")  # Word's owner file while the document is open
    with pytest.raises(ExportError, match="deschis în Word"):
        export_report(_demo_period(), out)
    assert out.read_bytes() == b"deschis"


def test_target_locked_when_replacing(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "raport.docx"
    out.write_bytes(b"deschis")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(render.os, "replace", locked)
    with pytest.raises(ExportError, match="este deschis în alt program"):
        export_report(_demo_period(), out)
    assert out.read_bytes() == b"deschis"
    assert sorted(p.name for p in out_dir.iterdir()) == ["raport.docx"]  # no temporary file left


def test_missing_folder_and_wrong_extension(demo_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="nu există"):
        export_report(_demo_period(), tmp_path / "lipsă" / "raport.docx")
    with pytest.raises(ExportError, match=r"\.docx"):
        export_report(_demo_period(), tmp_path / "raport.pdf")
    written = export_report(_demo_period(), tmp_path / "raport")
    assert written == tmp_path / "raport.docx" and written.is_file()


def test_existing_report_is_replaced_with_usual_permissions(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "raport.docx"
    out.write_bytes(b"vechi")
    os.chmod(out, 0o640)
    export_report(_demo_period(), out)
    assert zipfile.is_zipfile(out)
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o640


def test_only_some_priorities(demo_db: Path, tmp_path: Path) -> None:
    out = export_report(_demo_period(), tmp_path / "r.docx", ExportOptions(priorities={"vi"}))
    blocks = read_blocks(out)
    assert list(action_sections(blocks)) == ["6.1"]
    texts = paragraph_texts(blocks)
    assert [t for t in texts if t.startswith("Prioritatea ")] == [
        "Prioritatea VI: Încurajarea mediului de afaceri în municipiu, prin asigurarea accesului la informații"
    ]
    out = export_report(_demo_period(), tmp_path / "r2.docx", ExportOptions(priorities={"I", "IV"}))
    codes = list(action_sections(read_blocks(out)))
    assert codes[0] == "1.1" and codes[-1].startswith("4.") and len(codes) == 15 + 14
    with pytest.raises(ExportError, match=r"IX.*I, II, III, IV, V, VI"):
        export_report(_demo_period(), tmp_path / "r3.docx", ExportOptions(priorities={"IX"}))


def test_actions_without_returns_can_be_left_out(demo_db: Path, tmp_path: Path) -> None:
    plan, _ = ensure_bundled_plan()
    period, _ = create_period(plan, PeriodKey(2023, 2))
    action = action_by_code(plan.id, "3.1")
    set_cell(period, action.id, _dru(), 1, "4 ședințe")
    out = export_report(period, tmp_path / "scurt.docx", ExportOptions(include_empty_actions=False))
    blocks = read_blocks(out)
    assert list(action_sections(blocks)) == ["3.1"]
    priorities = [t for t in paragraph_texts(blocks) if t.startswith("Prioritatea ")]
    assert len(priorities) == 1 and priorities[0].startswith("Prioritatea III: ")
    assert paragraph_texts(blocks)[0].endswith("perioada de raport – semestrul II al anului 2023")
    out = export_report(period, tmp_path / "tot.docx")
    sections = action_sections(read_blocks(out))
    assert len(sections) == len(PLAN_ACTIONS)
    empty = sections["1.1"]
    # nobody reported: each responsible subdivision is named with "Nu a prezentat informația" across its row
    assert all(row[1].text == "Nu a prezentat informația" for row in empty.body_rows)
    assert all(c.text is None for row in empty.body_rows for c in row[2:])
    assert "nu au realizat niciun indicator – 2 (Direcția resurse umane" in (empty.total_row[1].text or "")


def test_year_report_title(demo_db: Path, tmp_path: Path) -> None:
    plan, _ = ensure_bundled_plan()
    period, _ = create_period(plan, PeriodKey(2023, 0))
    out = export_report(period, tmp_path / "anual.docx")
    assert paragraph_texts(read_blocks(out))[0] == (
        "Raport anual privind implementarea\n"
        "Planului local anticorupție pentru anii 2023-2027 în municipiul Bălți\n"
        "în anul 2023"
    )


def test_action_without_indicators_still_gives_a_valid_table(demo_db: Path, tmp_path: Path) -> None:
    plan, _ = ensure_bundled_plan()
    action = action_by_code(plan.id, "4.3")
    Indicator.delete().where(Indicator.action == action).execute()
    out = export_report(_demo_period(), tmp_path / "r.docx")
    assert check_docx(out) == []
    section = action_sections(read_blocks(out))["4.3"]
    assert all(len(row) == 3 for row in section.table)
    assert section.lines == [
        "Termenul de realizare: permanent, cu verificarea anuală a indicatorilor de progres",
        "Instituția responsabilă: Direcția- Serviciul de presă",
        "Indicatori de progres:",
    ]

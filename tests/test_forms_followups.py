"""Open follow-ups go out in the subdivision's return form ("Observații") and the answer typed beside them
comes back through the forms import: shown in the preview, stored on the comment, undone with the import."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from balti_monitor.db.models import Period, Subdivision
from balti_monitor.interchange.form_states import ImportForms
from balti_monitor.interchange.forms_in import preview_import
from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
from balti_monitor.services.comments import AddComment, DeleteComment, period_comments
from balti_monitor.services.editing import action_by_code, cell_text

QUESTION = "de clarificat: 7 sau 8 acte?"


def _period() -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


def _sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def _columns(ws: Any) -> dict[str, int]:
    """Column ids of the form sheet, read from its hidden column-id row (as the reader finds them)."""
    for row in ws.iter_rows(max_row=10):
        if row[0].value == "#col":
            return {str(c.value): c.column for c in row if c.value}
    raise AssertionError("no column-id row")


def _rows(ws: Any) -> dict[str, int]:
    return {
        str(row[0].value): row[0].row
        for row in ws.iter_rows()
        if row[0].value and "#" in str(row[0].value)[1:]
    }


def _form(tmp_path: Path, sub: int, questions: int = 1) -> Path:
    """Generate the subdivision's form; it asks back ``questions`` rows (said in the run's summary)."""
    period = _period()
    result = generate_forms(period, tmp_path, FormsOutOptions(subdivision_ids=frozenset({sub})))
    (form,) = result.forms
    assert form.questions == questions
    assert ("observație de clarificat" in "\n".join(result.summary_lines())) == (questions == 1)
    return form.path


def test_a_follow_up_goes_out_and_its_answer_comes_back(demo_db: Path, tmp_path: Path) -> None:
    period = _period()
    ds = _sub("DS")
    a113 = action_by_code(period.plan_id, "1.13").id
    comment = AddComment(period.id, a113, ds, 1, QUESTION).apply().new_id
    AddComment(period.id, a113, 0, 1, "totalul e corect?").apply()  # on the Total: not the subdivision's
    path = _form(tmp_path, ds)

    wb = load_workbook(path)
    ws = wb["Retur"]
    columns, rows = _columns(ws), _rows(ws)
    assert ws.cell(3, columns["question"]).value == "Observații (de clarificat)"
    question = ws.cell(rows["1.13#1"], columns["question"])
    answer = ws.cell(rows["1.13#1"], columns["answer"])
    assert question.value == QUESTION and question.protection.locked
    assert not answer.protection.locked  # the one cell the subdivision types its answer in
    asked = [key for key, r in rows.items() if ws.cell(r, columns["question"]).value]
    assert asked == ["1.13#1"]  # the Total's follow-up is not asked of DS
    assert ws.cell(rows["1.13#2"], columns["answer"]).protection.locked

    answer.value = "Sunt 8 acte; am corectat valoarea."
    ws.cell(rows["1.13#1"], columns["value"]).value = "8 acte"
    wb.save(path)

    preview = preview_import([path], period)
    assert not preview.refused
    (got,) = preview.answers
    assert got.answer == "Sunt 8 acte; am corectat valoarea."
    assert got.question == QUESTION and got.comment_ids == (comment,)
    assert any("Sunt 8 acte; am corectat valoarea." in line for line in preview.summary_lines())
    assert [c.incoming for c in preview.pending] == ["8 acte"]

    changes = ImportForms(preview, ()).apply()
    stored = {c.id: c for c in period_comments(period.id)}
    assert stored[comment].reply == "Sunt 8 acte; am corectat valoarea."
    assert stored[comment].open  # answered, not resolved: the specialist decides
    assert cell_text(period, a113, ds, 1) == "8 acte"
    assert changes.inverse is not None
    redo = changes.inverse.apply()  # undo the import: the value and the reply go back
    assert {c.id: c for c in period_comments(period.id)}[comment].reply == ""
    assert cell_text(period, a113, ds, 1) != "8 acte"
    assert redo.inverse is not None
    redo.inverse.apply()
    assert {c.id: c for c in period_comments(period.id)}[
        comment
    ].reply == "Sunt 8 acte; am corectat valoarea."


def test_only_the_answer_is_an_import_and_an_answer_without_its_follow_up_is_a_warning(
    demo_db: Path, tmp_path: Path
) -> None:
    period = _period()
    ds = _sub("DS")
    a113 = action_by_code(period.plan_id, "1.13").id
    comment = AddComment(period.id, a113, ds, 0, "Descrieți și măsurile din trimestrul II.").apply().new_id
    path = _form(tmp_path, ds)
    wb = load_workbook(path)
    ws = wb["Retur"]
    columns, rows = _columns(ws), _rows(ws)
    assert ws.cell(rows["1.13#D"], columns["question"]).value == "Descrieți și măsurile din trimestrul II."
    ws.cell(rows["1.13#D"], columns["answer"]).value = "Nu au fost alte măsuri."
    wb.save(path)

    preview = preview_import([path], period)
    assert not preview.pending and preview.has_changes  # nothing but the answer: still worth importing
    ImportForms(preview, ()).apply()
    assert {c.id: c for c in period_comments(period.id)}[comment].reply == "Nu au fost alte măsuri."

    DeleteComment(comment).apply()  # the question is gone when the same form comes back again
    again = preview_import([path], period)
    assert not again.answers
    assert any("nu corespunde niciunei observații" in w for f in again.files for w in f.warnings)


def test_a_form_without_follow_ups_has_no_observations_columns(demo_db: Path, tmp_path: Path) -> None:
    path = _form(tmp_path, _sub("DS"), questions=0)
    columns = _columns(load_workbook(path)["Retur"])
    assert "question" not in columns and "answer" not in columns


def test_the_same_round_trip_from_the_command_line(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from balti_monitor.cli import main
    from balti_monitor.db.connection import close_database, open_database

    db = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, db)
    open_database(db)
    period = _period()
    AddComment(period.id, action_by_code(period.plan_id, "1.13").id, _sub("DS"), 1, QUESTION).apply()
    close_database()
    folder = tmp_path / "formulare"
    assert main(["--db", str(db), "forms-out", "--period", "2023-S1", "--dir", str(folder)]) == 0
    form = folder / "Retur_DS_2023-S1.xlsx"
    wb = load_workbook(form)
    ws = wb["Retur"]
    columns, rows = _columns(ws), _rows(ws)
    ws.cell(rows["1.13#1"], columns["answer"]).value = "Sunt 8 acte."
    wb.save(form)
    capsys.readouterr()
    assert main(["--db", str(db), "forms-in", str(form)]) == 0
    out = capsys.readouterr().out
    assert "răspuns la observații, 1.13 · Indicatorul 1" in out and "„Sunt 8 acte.”" in out
    assert "Răspunsuri la observații păstrate la comentariile lor: 1." in out
    assert main(["--db", str(db), "followups", "--period", "2023-S1"]) == 0
    assert "    răspunsul subdiviziunii: Sunt 8 acte." in capsys.readouterr().out


def test_a_form_with_follow_ups_still_refuses_a_tampered_key(demo_db: Path, tmp_path: Path) -> None:
    """The answer column is outside the signature, the row keys are not: a key moved to another cell (to
    send a value or an answer elsewhere) is refused as before, and nothing is stored."""
    period = _period()
    ds = _sub("DS")
    a113 = action_by_code(period.plan_id, "1.13").id
    comment = AddComment(period.id, a113, ds, 1, QUESTION).apply().new_id
    path = _form(tmp_path, ds)
    wb = load_workbook(path)
    ws = wb["Retur"]
    columns, rows = _columns(ws), _rows(ws)
    ws.cell(rows["1.13#1"], columns["answer"]).value = "Sunt 8 acte."
    ws.cell(rows["1.13#1"], 1).value = "1.1#1"  # the hidden key of another action's row
    wb.save(path)
    preview = preview_import([path], period)
    assert not preview.files and len(preview.refused) == 1
    assert {c.id: c for c in period_comments(period.id)}[comment].reply == ""


def test_deleting_an_answered_follow_up_and_undoing_keeps_its_answer(demo_db: Path) -> None:
    from balti_monitor.services.comments import set_replies

    period = _period()
    a113 = action_by_code(period.plan_id, "1.13").id
    comment = AddComment(period.id, a113, _sub("DS"), 1, QUESTION).apply().new_id
    set_replies([(comment, "Sunt 8 acte.")])
    undo = DeleteComment(comment).apply().inverse
    assert undo is not None and comment not in {c.id for c in period_comments(period.id)}
    undo.apply()
    assert {c.id: c for c in period_comments(period.id)}[comment].reply == "Sunt 8 acte."

"""The pre-flight before an export (CLI and service), ``--strict``, the review copy, page and package details."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from balti_monitor import cli
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Plan
from balti_monitor.export.context import build_context, export_preflight
from balti_monitor.export.render import ExportOptions, export_report, render_context
from balti_monitor.services.editing import action_by_code, set_cell, set_override
from balti_monitor.services.preflight import LineKind, preflight, unresolved_findings
from balti_monitor.services.results import period_results


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture
def opened_demo(demo_copy: Path) -> Period:
    open_database(demo_copy)
    yield Period.get()
    close_database()


def test_preflight_of_the_demo_names_what_a_signer_must_know(opened_demo: Period) -> None:
    check = preflight(opened_demo)
    assert not check.clean
    missing = [line.text for line in check.of(LineKind.NO_RETURN)]
    assert len(missing) == 8
    assert "1.5 · Direcția relații cu publicul: nu a prezentat informația." in missing
    placeholders = " ".join(line.text for line in check.of(LineKind.PLACEHOLDER))
    assert (
        "Prioritatea IV" in placeholders and "Acțiunea 2.2" in placeholders and "Acțiunea 4.1" in placeholders
    )
    blank = check.of(LineKind.BLANK_TOTAL)
    assert any(line.text.startswith("3.7 · Indicator 1:") for line in blank)
    assert all(line.subdivision_id == 0 and line.column > 0 for line in blank)  # jump to the Total cell
    kinds = dict(check.finding_counts)
    assert kinds["total diferit de raportul original"] >= 10
    assert sum(kinds.values()) == len(check.of(LineKind.FINDINGS))
    assert check.of(LineKind.MANUAL_TOTAL) == []  # the demo has no override


def test_a_manual_total_that_differs_is_listed_with_both_values(opened_demo: Period) -> None:
    action = action_by_code(opened_demo.plan_id, "1.13")
    set_override(opened_demo, action.id, 2, "7 acte", reason="Așa scrie în registru", author="O. S.")
    lines = preflight(opened_demo).of(LineKind.MANUAL_TOTAL)
    assert [line.text for line in lines] == ["1.13 · Indicator 2: introdus „7 acte”, calculat „8 acte”."]
    assert (lines[0].action_id, lines[0].subdivision_id, lines[0].column) == (action.id, 0, 2)


def test_preflight_follows_the_export_options(opened_demo: Period) -> None:
    only_vi = export_preflight(opened_demo.plan, opened_demo, ExportOptions(priorities={"vi"}))
    assert all(line.text.startswith("6.1") for line in only_vi.lines if line.kind != LineKind.PLACEHOLDER)
    assert only_vi.of(LineKind.PLACEHOLDER) == []  # the placeholders are in priorities II and IV


def test_strict_refuses_to_write_and_exits_1(demo_copy: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "raport.docx"
    code = cli.main(["--db", str(demo_copy), "export", "--period", "2023-S1", "--out", str(out), "--strict"])
    assert code == 1
    assert not out.exists()
    captured = capsys.readouterr()
    assert "Subdiviziuni responsabile care nu au prezentat informația (8):" in captured.out
    assert "--strict" in captured.err


def test_strict_exports_when_nothing_is_left(demo_copy: Path, tmp_path: Path, capsys) -> None:
    """Priority VI of a new period where every responsible subdivision answered everything: clean."""
    from balti_monitor.domain.totals import applicable_numbers
    from balti_monitor.services.grids import load_grid
    from balti_monitor.services.periods import PeriodKey, create_period

    open_database(demo_copy)
    plan = Plan.get()
    period, _ = create_period(plan, PeriodKey(2023, 2))
    action = action_by_code(plan.id, "6.1")
    grid = load_grid(period, action.id)
    for row in grid.rows:
        set_cell(period, action.id, row.subdivision_id, 0, "Nu au fost cazuri în perioada de raport.")
        for number in applicable_numbers(row, grid.indicators):  # hatched cells stay empty
            set_cell(period, action.id, row.subdivision_id, number, "0")
    assert preflight(period, {"VI"}).clean
    close_database()
    out = tmp_path / "vi.docx"
    argv = ["--db", str(demo_copy), "export", "--period", "2023-S2", "--out", str(out), "--priorities", "VI",
            "--strict"]  # fmt: skip
    assert cli.main(argv) == 0
    assert "nimic de semnalat" in capsys.readouterr().out
    assert out.is_file()


def test_review_copy_has_a_comment_on_every_manual_total_and_finding(
    opened_demo: Period, tmp_path: Path
) -> None:
    action = action_by_code(opened_demo.plan_id, "1.13")
    set_override(opened_demo, action.id, 2, "7 acte", reason="Așa scrie în registru", author="O. S.")
    findings = sum(len(f) for f in unresolved_findings(period_results(opened_demo)).values())
    review = export_report(opened_demo, tmp_path / "revizuire.docx", ExportOptions(review=True))
    final = export_report(opened_demo, tmp_path / "final.docx")
    comments = list(docx.Document(str(review)).comments)
    texts = [c.text for c in comments]
    assert len(comments) == findings + 1
    manual = next(t for t in texts if t.startswith("Total introdus manual"))
    assert (
        manual == "Total introdus manual de O. S.. Motivul: Așa scrie în registru. Calculat: 8 acte (diferă)."
    )
    assert "1.13 · Indicator 2: Raportul original: „7 acte”; calculat: 8 acte." in texts
    with zipfile.ZipFile(review) as z:
        body = z.read("word/document.xml").decode()
    assert body.count("<w:commentRangeStart") == len(comments)
    assert list(docx.Document(str(final)).comments) == []
    with zipfile.ZipFile(final) as z:
        assert "word/comments.xml" not in z.namelist()
        assert "commentRangeStart" not in z.read("word/document.xml").decode()


def test_the_review_comment_sits_on_its_cell(opened_demo: Period, tmp_path: Path) -> None:
    review = export_report(
        opened_demo, tmp_path / "revizuire.docx", ExportOptions(review=True, priorities={"I"})
    )
    document = docx.Document(str(review))
    comment_text = {c.comment_id: c.text for c in document.comments}
    table = document.tables[12]  # priority I: 1.1 … 1.15, so the 13th table is 1.13
    assert "Progresul în implementarea acțiunii 1.13." in [p.text for p in document.paragraphs]
    total_row = table._tbl.tr_lst[-1]
    cells = total_row.tc_lst
    assert "Total instituții responsabile" in "".join(cells[0].itertext())
    on_indicator_2 = [comment_text[int(s.get(qn("w:id")))] for s in cells[3].xpath(".//w:commentRangeStart")]
    assert on_indicator_2 == ["1.13 · Indicator 2: Raportul original: „7 acte”; calculat: 8 acte."]


def _properties(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("docProps/core.xml"))


def test_word_normal_mode_true_properties_no_thumbnail_same_data_same_dates(
    opened_demo: Period, tmp_path: Path
) -> None:
    first = export_report(opened_demo, tmp_path / "a.docx", ExportOptions(author="Olga SARANCIUC"))
    second = export_report(opened_demo, tmp_path / "b.docx", ExportOptions(author="Olga SARANCIUC"))
    with zipfile.ZipFile(first) as z:
        names = z.namelist()
        settings = z.read("word/settings.xml").decode()
        rels = z.read("_rels/.rels").decode()
    assert (
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    )
    assert "savePreviewPicture" not in settings
    assert not [n for n in names if "thumbnail" in n] and "thumbnail" not in rels
    props = docx.Document(str(first)).core_properties
    assert props.title.startswith("Raport semestrial privind implementarea Planului local anticorupție")
    assert props.subject == "Planul local anticorupție pentru anii 2023-2027 în municipiul Bălți"
    assert props.author == "Olga SARANCIUC"
    created = props.created
    assert created == props.modified
    assert etree.tostring(_properties(first)) == etree.tostring(_properties(second))
    # a later change of the period moves the dates
    action = action_by_code(opened_demo.plan_id, "1.13")
    set_override(opened_demo, action.id, 2, "7 acte", reason="test")
    third = export_report(opened_demo, tmp_path / "c.docx")
    assert docx.Document(str(third)).core_properties.modified >= created


def test_a_plan_title_of_300_characters_exports(opened_demo: Period, tmp_path: Path) -> None:
    plan = opened_demo.plan
    long_title = "Planul local anticorupție " + "pentru o administrație publică integră și transparentă " * 6
    long_title = long_title[:300]
    assert len(long_title) == 300
    Plan.update(title=long_title).where(Plan.id == plan.id).execute()
    out = export_report(Period.get(), tmp_path / "lung.docx")
    document = docx.Document(str(out))
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.endswith("…")
    body = "\n".join(p.text for p in document.paragraphs[:1])
    assert "administrație publică integră" in body
    assert long_title[len("Planul ") :].strip() in body.replace("\n", "")  # the printed title is never cut


def test_an_unexpected_failure_is_a_romanian_message(
    opened_demo: Period, tmp_path: Path, monkeypatch
) -> None:
    from balti_monitor.export import render

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("ceva neprevăzut")

    monkeypatch.setattr(render, "set_core_properties", boom)
    context = build_context(opened_demo.plan, opened_demo)
    with pytest.raises(render.ExportError, match="Raportul nu a putut fi creat"):
        render_context(context, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_no_break_spaces_in_numbers_of_the_export(opened_demo: Period, tmp_path: Path) -> None:
    out = export_report(opened_demo, tmp_path / "r.docx")
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode()
    assert "68\u00a0000" in body  # "68 000" spectators in 5.3
    assert "68 000" not in body
    # the database keeps the ordinary space
    from balti_monitor.db.models import Return

    assert any("68 000" in r.description for r in Return.select())


def test_created_dates_are_the_period_s_last_change(opened_demo: Period, tmp_path: Path) -> None:
    from balti_monitor.export.context import last_change

    changed = last_change(opened_demo)
    out = export_report(opened_demo, tmp_path / "r.docx")
    assert docx.Document(str(out)).core_properties.created == changed.astimezone(dt.UTC)

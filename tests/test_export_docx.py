"""The demo period exported to Word and read back: headings, rows, values, Total rows, layout, validity."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from export_support import (
    DEMO,
    PLAN,
    PLAN_ACTIONS,
    SEED_TITLE,
    SUBDIVISIONS,
    TOTAL_LABEL,
    ActionSection,
    action_sections,
    demo_action,
    expected_paragraphs,
    export_copy,
    nbsp,
    paragraph_texts,
)
from lxml import etree

from balti_monitor.db.models import Period
from balti_monitor.export.docx_check import DocBlock, check_docx
from balti_monitor.services.editing import clear_overrides


@pytest.fixture(scope="module")
def demo_export(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DocBlock]]:
    """The demo period as loaded: no override, every Total computed (the original's totals are references)."""
    return export_copy(demo_file, tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def computed_export(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DocBlock]]:
    """The demo period with every override cleared: all Total cells computed."""

    def clear(period: Period) -> None:
        clear_overrides(period)

    return export_copy(demo_file, tmp_path_factory.mktemp("computed"), prepare=clear)


@pytest.fixture(scope="module")
def sections(demo_export: tuple[Path, list[DocBlock]]) -> dict[str, ActionSection]:
    return action_sections(demo_export[1])


def test_document_is_structurally_valid(demo_export: tuple[Path, list[DocBlock]]) -> None:
    path, _ = demo_export
    assert check_docx(path) == []
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    cells = list(root.iter(qn("w:tc")))
    assert len(cells) > 1000
    for tc in cells:
        children = [c for c in tc if c.tag != qn("w:tcPr")]
        assert children, "a cell without content"
        assert children[-1].tag == qn("w:p"), "a cell must end with a paragraph"
    # python-docx opens it and sees the same tables
    assert len(docx.Document(str(path)).tables) == len(PLAN_ACTIONS)


def test_title_chapters_narrative_and_signatures(demo_export: tuple[Path, list[DocBlock]]) -> None:
    texts = paragraph_texts(demo_export[1])
    assert texts[0] == SEED_TITLE
    chapters = [t for t in texts if re.match(r"^(I|II|III|IV)\. ", t)]
    assert chapters == [
        "I. Rezumatul executiv privind principalele progrese și deficiențe",
        "II. Progresul în implementarea planului local de acțiuni în perioada de raportare",
        "III. Riscuri aferente implementării acțiunilor scadente la sfârșitul semestrului/anului",
        "IV. Propuneri de modificare și ajustare a planului local de acțiuni",
    ]
    narrative = DEMO["narrative"]
    assert narrative["executive_summary"] in texts
    assert texts.index(narrative["executive_summary"]) < texts.index(chapters[1])
    assert narrative["risks_intro"] in texts
    for number, risk in enumerate(narrative["risks"], start=1):
        assert f"{number}. {risk}" in texts
    assert f"1. {narrative['proposals'][0]}" in texts
    assert "Elaborat: Olga SARANCIUC, specialist principal Direcția relații cu publicul" in texts
    assert "Coordonat: Tamara MORAR, șef Direcția relații cu publicul" in texts
    assert texts[-1] == "Irina SERDIUC, Secretarul Consiliului municipal Bălți"


def test_every_priority_and_action_heading_in_plan_order(demo_export: tuple[Path, list[DocBlock]]) -> None:
    # read with python-docx (an independent reader) too
    texts = [p.text for p in docx.Document(str(demo_export[0])).paragraphs]
    priorities = [t for t in texts if t.startswith("Prioritatea ")]
    assert priorities == [f"Prioritatea {p['number']}: {p['title']}" for p in PLAN["priorities"]]
    headings = [t for t in texts if t.startswith("Acțiunea ")]
    assert headings == [f"Acțiunea {a['code']}. {a['title']}" for a in PLAN_ACTIONS]
    # placeholders print as stored
    assert "Acțiunea 2.2. [Titlul acțiunii 2.2 lipsește din sursă — de completat]" in headings
    assert "Prioritatea IV: [Titlul priorității IV lipsește din sursă — de completat]" in priorities


def test_action_headers_follow_the_plan(sections: dict[str, ActionSection]) -> None:
    assert list(sections) == [a["code"] for a in PLAN_ACTIONS]
    for action in PLAN_ACTIONS:
        section = sections[action["code"]]
        assert section.lines[0].rstrip() == f"Termenul de realizare: {action['deadline']}".rstrip()
        responsible = section.lines[1]
        assert responsible.startswith("Instituția responsabilă: ")
        if action["responsible_text"]:
            assert responsible == f"Instituția responsabilă: {action['responsible_text']}"
        else:  # the plan lost the text: the responsible subdivisions are named instead
            for item in action["responsible"]:
                assert SUBDIVISIONS[item["subdivision"]] in responsible
        assert section.lines[2] == "Indicatori de progres:"
        assert section.lines[3:] == [f"{i['number']}. {i['text']}" for i in action["indicators"]]
        assert section.caption == f"Progresul în implementarea acțiunii {action['code']}."


def test_table_header_has_one_column_per_indicator(sections: dict[str, ActionSection]) -> None:
    for action in PLAN_ACTIONS:
        table = sections[action["code"]].table
        n = len(action["indicators"])
        assert all(len(row) == n + 2 for row in table), action["code"]
        assert table[0][0].text == (
            "Descrierea măsurilor întreprinse de către instituțiile responsabile de realizarea acțiunii:"
        )
        assert table[0][1].text is None  # merged over the description column
        assert table[0][2].text == "Realizarea indicatorilor de progres"
        assert all(cell.text is None for cell in table[0][3:])  # spans every indicator column
        assert table[1][0].text is None and table[1][1].text is None  # merged down
        assert [c.text for c in table[1][2:]] == [f"Indicator {i}" for i in range(1, n + 1)]
    assert len(sections["1.4"].table[1]) == 12  # 10 indicator columns
    assert len(sections["4.3"].table[1]) == 3  # 1 indicator column


def test_every_return_is_a_row_with_its_description_and_values(sections: dict[str, ActionSection]) -> None:
    for item in DEMO["returns"]:
        section = sections[item["action"]]
        row = section.row_of(SUBDIVISIONS[item["subdivision"]])
        assert row[0].bold, f"{item['action']}: subdivision name in bold"
        assert row[1].paragraphs == expected_paragraphs(item["description"]), item["action"]
        assert [c.text for c in row[2:]] == [nbsp(v.strip()) for v in item["values"]], item["action"]


def test_seed_rows_verbatim(sections: dict[str, ActionSection]) -> None:
    row = sections["1.1"].row_of("Direcția resurse umane")
    assert [c.text for c in row[2:]] == [
        "10 funcționari",
        "17 concursuri",
        "7 caziere",
        "0 contestații",
        "39 anunțuri",
        "0 contestații",
        "0 contest ații",
    ]
    assert row[1].text is not None and row[1].text.startswith(
        "1.\tRegistrul actelor locale. 2. În conformitate"
    )
    # multi-paragraph description of the internal audit (1.12)
    audit = sections["1.12"].row_of("Serviciul audit intern")[1]
    assert (
        audit.paragraphs[0]
        == "Pe parcursul semestrului I al anului 2023 au fost efectuate următoarele misiunii de audit:"
    )
    assert audit.paragraphs[1].startswith("1.\tA fost finisată misiunea de audit")
    assert audit.paragraphs[2].startswith("2.\t")


MISSING = "Nu a prezentat informația"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("1.5", "Direcția relații cu publicul"),
        ("1.10", "Direcția administrație publică"),
        ("4.2", "Direcția secretariat"),
        ("4.5", "Direcția secretariat"),
    ],
)
def test_responsible_subdivision_without_return_says_so_across_the_row(
    sections: dict[str, ActionSection], code: str, name: str
) -> None:
    row = sections[code].row_of(name)
    assert row[0].text == name and row[0].bold
    assert row[1].text == MISSING  # one cell across the description and every indicator column
    assert all(c.text is None for c in row[2:])
    # and it is counted and named among those that achieved no indicator
    counts = sections[code].total_row[1].text or ""
    none_part = counts.split("niciun indicator – ")[1]
    assert name in none_part


def test_the_demo_prints_eight_missing_returns(sections: dict[str, ActionSection]) -> None:
    missing = [
        (code, row[0].text) for code, s in sections.items() for row in s.body_rows if row[1].text == MISSING
    ]
    assert len(missing) == 8
    assert {code for code, _ in missing} == {"1.5", "1.10", "2.1", "4.2", "4.5"}


def test_bullets_and_links_in_descriptions(demo_export: tuple[Path, list[DocBlock]]) -> None:
    path, blocks = demo_export
    document = docx.Document(str(path))
    bullet_id = document.styles["Raport tabel listă"].style_id
    sections = action_sections(blocks)
    table = next(b.element for b in blocks if b.table is not None and b.table is sections["1.13"].table)
    assert table is not None
    dap = next(
        tr
        for tr in table.iterchildren(qn("w:tr"))
        if "Direcția administrație publică" in etree.tostring(tr, encoding=str)
    )
    paragraphs = list(list(dap.iterchildren(qn("w:tc")))[1].iterchildren(qn("w:p")))
    styles = [p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) for p in paragraphs]
    assert styles[:2] == [bullet_id, bullet_id]
    # the URL of the press service in 1.1 is a real hyperlink to the address as written
    url = "http://balti.md/primaria/posturi-vacante/anunturi/"
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert url in targets
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    linked = ["".join(link.itertext()) for link in root.iter(qn("w:hyperlink"))]
    assert url in linked
    assert len(linked) >= 28  # every description with an address has at least one link


def test_total_rows_print_the_computed_totals_never_the_reference(sections: dict[str, ActionSection]) -> None:
    """The demo has no override: every Total is computed; the original's written totals are never printed."""
    written = {w["action"]: w for w in DEMO["written_totals"]}
    for code, section in sections.items():
        total = section.total_row
        assert total[0].text == TOTAL_LABEL
        assert total[0].bold
        assert len(total) == len(demo_action(code)["indicators"]) + 2
        assert (total[1].text or "").startswith(
            "Numărul de subdiviziuni care au realizat toți indicatorii – "
        )
    # 1.13 indicator 2: the original wrote 7 where the rows add up to 8
    assert sections["1.13"].total_row[3].text == "8 acte"
    # 4.3 kept the CNA form's wording with a dangling "³" in its counts cell: not printed
    assert "³" in written["4.3"]["counts_text"]
    assert "³" not in (sections["4.3"].total_row[1].text or "")
    # 5.1: the original's six zeros under a full row are not printed
    assert sections["5.1"].total_row[2].text != "0"


def test_status_totals_keep_the_words(sections: dict[str, ActionSection]) -> None:
    """When the rows say "Nu este cazul", the Total says it too (a "-" would change the meaning)."""
    totals = [c.text for s in sections.values() for c in s.total_row[2:]]
    assert any(t in ("Nu este cazul", "Nu e cazul") for t in totals)


def _counts(text: str) -> tuple[int, int, int]:
    numbers = re.findall(r"indicator(?:ii|i|) – (\d+)", text)
    assert len(numbers) == 3, text
    return int(numbers[0]), int(numbers[1]), int(numbers[2])


def test_total_rows_computed_without_overrides(computed_export: tuple[Path, list[DocBlock]]) -> None:
    sections = action_sections(computed_export[1])
    for code, section in sections.items():
        counts = section.total_row[1].text or ""
        assert counts.startswith("Numărul de subdiviziuni care au realizat toți indicatorii – "), code
        assert sum(_counts(counts)) == len(section.body_rows), code
    s113 = sections["1.13"].total_row
    assert [c.text for c in s113[2:]] == ["8 acte", "8 acte"]  # 0+5+2+0+0+0+0+0+1+0 for both indicators
    assert s113[1].text == (
        "Numărul de subdiviziuni care au realizat toți indicatorii – 10; "
        "Numărul de subdiviziuni care au restanțe la anumiți indicatori – 0; "
        "Numărul de subdiviziuni care nu au realizat niciun indicator – 0."
    )
    assert sections["1.10"].total_row[1].text == (
        "Numărul de subdiviziuni care au realizat toți indicatorii – 1; "
        "Numărul de subdiviziuni care au restanțe la anumiți indicatori – 0; "
        "Numărul de subdiviziuni care nu au realizat niciun indicator – 2 "
        "(Secția achiziții publice, Direcția administrație publică)."
    )
    assert sections["1.5"].total_row[1].text == (
        "Numărul de subdiviziuni care au realizat toți indicatorii – 1; "
        "Numărul de subdiviziuni care au restanțe la anumiți indicatori – 1 (Direcția evidență contabilă); "
        "Numărul de subdiviziuni care nu au realizat niciun indicator – 1 (Direcția relații cu publicul)."
    )
    assert [c.text for c in sections["1.2"].total_row[2:]] == ["0 cazuri", "0 sesizări", "0 persoane"]


def _text_width(sect_pr: etree._Element) -> int:
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))


def test_tables_fit_the_landscape_page(demo_export: tuple[Path, list[DocBlock]]) -> None:
    document = docx.Document(str(demo_export[0]))
    orientations = [s.page_width > s.page_height for s in document.sections]
    assert orientations == [False, True, False]  # chapter II alone is landscape
    body = document.element.body
    sect_pr = next(p for p in body.iter(qn("w:sectPr")) if int(p.find(qn("w:pgSz")).get(qn("w:w"))) > 16000)
    width = _text_width(sect_pr)
    for tbl in body.iter(qn("w:tbl")):
        grid = [int(g.get(qn("w:w"))) for g in tbl.find(qn("w:tblGrid")).iter(qn("w:gridCol"))]
        assert abs(sum(grid) - width) <= len(grid), "table as wide as the text area"
        assert min(grid[2:]) >= 680, "indicator columns at least 1.2 cm"
        assert grid[1] >= 1984, "the description keeps at least 3.5 cm"
        for tr in tbl.iterchildren(qn("w:tr")):
            col = 0
            for tc in tr.iterchildren(qn("w:tc")):
                pr = tc.find(qn("w:tcPr"))
                span_el = pr.find(qn("w:gridSpan"))
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                assert int(pr.find(qn("w:tcW")).get(qn("w:w"))) == sum(grid[col : col + span])
                col += span
            assert col == len(grid)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
# Only a developer machine without LibreOffice skips; in CI (which installs it) a missing soffice fails.
@pytest.mark.skipif(
    _soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed (the CI installs it)",
)
def test_libreoffice_opens_the_report(demo_export: tuple[Path, list[DocBlock]], tmp_path: Path) -> None:
    soffice = _soffice()
    assert soffice is not None
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(demo_export[0])],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    pdf = tmp_path / "raport.pdf"
    assert result.returncode == 0, result.stderr
    assert pdf.is_file() and pdf.stat().st_size > 50_000
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Acțiunea 6.1." in text
        assert text.count("Total instituții") == len(PLAN_ACTIONS)  # the label wraps in its column


def test_the_check_finds_what_word_would_refuse(
    demo_export: tuple[Path, list[DocBlock]], tmp_path: Path
) -> None:
    """The check run before every rename: a cell without paragraph, cell properties out of order."""
    source = demo_export[0]
    with zipfile.ZipFile(source) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    cells = list(root.iter(qn("w:tc")))
    for p in cells[5].findall(qn("w:p")):
        cells[5].remove(p)
    tc_pr = cells[6].find(qn("w:tcPr"))
    tc_pr.insert(0, etree.SubElement(tc_pr, qn("w:gridSpan"), {qn("w:val"): "1"}))
    parts["word/document.xml"] = etree.tostring(root)
    broken = tmp_path / "stricat.docx"
    with zipfile.ZipFile(broken, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    problems = check_docx(broken)
    assert any("nu are niciun paragraf" in p for p in problems)
    assert any("ordinea cerută de Word" in p for p in problems)


def test_page_rules_in_the_document(demo_export: tuple[Path, list[DocBlock]]) -> None:
    """What Word needs to lay the pages out well: rows marked "do not split", the row before the Total row
    and the header rows kept with the next row, the caption kept with its table, a smaller font step for
    tables with 9 or more indicator columns."""
    document = docx.Document(str(demo_export[0]))
    small = document.styles["Raport tabel valoare mic"].style_id
    normal = document.styles["Raport tabel valoare"].style_id
    body = document.element.body
    for tbl in body.iter(qn("w:tbl")):
        rows = list(tbl.iterchildren(qn("w:tr")))
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows[:2] + rows[-1:])
        before_total = rows[-2]
        paragraphs = list(before_total.iter(qn("w:p")))
        assert paragraphs and all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs)
        caption = tbl.getprevious()
        assert "Progresul în implementarea acțiunii" in "".join(caption.itertext())
        styles = {el.get(qn("w:val")) for el in tbl.iter(qn("w:pStyle"))}
        columns = len(tbl.find(qn("w:tblGrid"))) - 2
        if columns >= 9:
            assert small in styles and normal not in styles
        else:
            assert normal in styles and small not in styles
    # most rows fit on a page and may not split
    body_rows = [tr for tbl in body.iter(qn("w:tbl")) for tr in list(tbl.iterchildren(qn("w:tr")))[2:]]
    kept = [tr for tr in body_rows if tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None]
    assert len(kept) >= len(body_rows) - 3

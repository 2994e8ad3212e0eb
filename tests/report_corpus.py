"""Hand-made semester reports built with python-docx (and raw XML where python-docx has no API), in the
styles the city hall really writes: the test corpus of the report import.

Each builder writes a .docx; the tests state what must be read from it. Nothing here uses the importer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import Table, _Cell

TITLE = (
    "Raport semestrial privind implementarea Planului local anticorupție pentru anii 2023-2027 în "
    "municipiul Bălți, perioada de raport – semestrul {sem} al anului {year}"
)
COUNTS = (
    "Numărul de subdiviziuni care au realizat toți indicatorii – {n1}; Numărul de subdiviziuni care au "
    "restanțe la anumiți indicatori – 0; Numărul de subdiviziuni care nu au realizat niciun indicator – 0."
)

Row = tuple[str, str, Sequence[str]]  # name, description, values


def new_report(
    year: int = 2023, semester: str = "I", summary: str = "Rezumatul semestrului."
) -> DocxDocument:
    """The title and chapter I of a hand-made report."""
    doc = Document()
    doc.add_paragraph(TITLE.format(sem=semester, year=year))
    doc.add_paragraph("Instrucțiuni de întocmire")
    doc.add_paragraph("I. Rezumatul executiv privind principalele progrese și deficiențe")
    for line in summary.split("\n"):
        doc.add_paragraph(line)
    doc.add_paragraph(
        "II. Progresul în implementarea planului sectorial/local de acțiuni în perioada de raportare"
    )
    return doc


def action_heading(
    doc: DocxDocument, code: str, indicators: Sequence[str], title: str = "Titlul acțiunii"
) -> None:
    """The action's heading, deadline, responsible and indicator list, as the plan states them."""
    doc.add_paragraph(f"Acțiunea {code}. {title}")
    doc.add_paragraph("Termenul de realizare: permanent")
    doc.add_paragraph("Instituția responsabilă: Direcția resurse umane")
    doc.add_paragraph("Indicatori de progres:")
    for number, text in enumerate(indicators, start=1):
        doc.add_paragraph(f"{number}. {text}")


def header_rows(table: Table, columns: int, labels: Sequence[str] | None = None) -> None:
    """The two header rows: "Descrierea…" over name+description, "Realizarea…" over the value columns."""
    first, second = table.rows[0].cells, table.rows[1].cells
    first[0].merge(
        first[1]
    ).text = "Descrierea măsurilor întreprinse de către instituțiile responsabile de realizarea acțiunii:"
    if columns > 1:
        first[2].merge(first[1 + columns])
    first[2].text = "Realizarea indicatorilor de progres"
    second[0].merge(second[1])
    for i in range(columns):
        second[2 + i].text = labels[i] if labels else f"Indicator {i + 1}"


def set_cell(cell: _Cell, text: str) -> None:
    """A cell holding ``text``, one paragraph per line."""
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def action_table(
    doc: DocxDocument,
    code: str | None,
    columns: int,
    rows: Sequence[Row],
    total: Sequence[str] | None,
    *,
    labels: Sequence[str] | None = None,
    header: bool = True,
) -> Table:
    """ "Progresul în implementarea acțiunii X." and its table (header, rows, Total row when given)."""
    if code is not None:
        doc.add_paragraph(f"Progresul în implementarea acțiunii {code}.")
    count = (2 if header else 0) + len(rows) + (1 if total is not None else 0)
    table = doc.add_table(rows=count, cols=2 + columns)
    if header:
        header_rows(table, columns, labels)
    start = 2 if header else 0
    for offset, (name, description, values) in enumerate(rows):
        cells = table.rows[start + offset].cells
        set_cell(cells[0], name)
        set_cell(cells[1], description)
        for i, value in enumerate(values):
            set_cell(cells[2 + i], value)
    if total is not None:
        cells = table.rows[-1].cells
        cells[0].text = "Total instituții responsabile"
        cells[1].text = COUNTS.format(n1=len(rows))
        for i, value in enumerate(total):
            cells[2 + i].text = value
    return table


def closing(doc: DocxDocument) -> None:
    """Chapters III and IV and the signatures."""
    doc.add_paragraph(
        "III. Riscuri aferente implementării acțiunilor scadente la sfârșitul semestrului/anului"
    )
    doc.add_paragraph("În perioada de realizare a planului pot fi următoarele riscuri:")
    doc.add_paragraph("1. Primul risc.")
    doc.add_paragraph("2. Al doilea risc.")
    doc.add_paragraph("IV. Propuneri de modificare și ajustare a planului de acțiuni sectorial/ local")
    doc.add_paragraph("Propunem:")
    doc.add_paragraph("1. O propunere.")
    doc.add_paragraph("Elaborat: Ana POPESCU, specialist principal;")
    doc.add_paragraph("Coordonat: Ion RUSU, șef direcție;")


# ------------------------------------------------------------------------------------------ raw XML


def tracked_value(cell: _Cell, deleted: str, inserted: str, kept: str) -> None:
    """A value edited with Track Changes on: ``deleted`` struck out, ``inserted`` added, ``kept`` after."""
    p = cell.paragraphs[0]._p
    for r in list(p.iterchildren(qn("w:r"))):
        p.remove(r)
    p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2023-07-01T00:00:00Z">'
            f"<w:r><w:delText>{deleted}</w:delText></w:r></w:del>"
        )
    )
    p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2023-07-01T00:00:00Z">'
            f"<w:r><w:t>{inserted}</w:t></w:r></w:ins>"
        )
    )
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{kept}</w:t></w:r>'))


def content_control(cell: _Cell) -> None:
    """Wrap the cell's paragraphs in a block content control (w:sdt)."""
    tc = cell._tc
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Valoare"/></w:sdtPr><w:sdtContent/></w:sdt>'
    )
    content = sdt.find(qn("w:sdtContent"))
    for p in list(tc.iterchildren(qn("w:p"))):
        tc.remove(p)
        content.append(p)
    tc.append(sdt)


_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t>Sursa: registrul intern.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def footnote_mark(doc: DocxDocument, cell: _Cell) -> None:
    """A footnote reference after the cell's text (the mark has no text of its own), with a real footnotes
    part so Word and LibreOffice open the file."""
    part = doc.part
    if not any(rel.reltype == RT.FOOTNOTES for rel in part.rels.values()):
        footnotes = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            _FOOTNOTES.encode("utf-8"),
            part.package,
        )
        part.relate_to(footnotes, RT.FOOTNOTES)
    cell.paragraphs[0]._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )


def outline_numbering(doc: DocxDocument) -> str:
    """A two-level decimal list definition ("1." then "1.1.") added to numbering.xml; returns its numId."""
    numbering = doc.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def numbered(cell_or_par: object, num_id: str, level: int) -> None:
    """Put a paragraph (or a cell's last paragraph) into Word list ``num_id`` at ``level``."""
    p = cell_or_par.paragraphs[-1]._p if isinstance(cell_or_par, _Cell) else cell_or_par._p  # type: ignore[attr-defined]
    p_pr = p.get_or_add_pPr()
    p_pr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def save(doc: DocxDocument, path: Path) -> Path:
    """Write the document."""
    doc.save(str(path))
    return path

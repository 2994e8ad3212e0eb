"""Plan tables in Word and Excel, built as offices write them (merged cells, repeated headers, group rows
spanning the table, a numbered-column row, Word's automatic numbering, tracked changes, content controls,
footnote marks, empty rows): the test corpus of the plan import."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Alignment

from tests import report_corpus as rc

HEADER = [
    "Nr.",
    "Acțiuni",
    "Indicatori de progres",
    "Termen de realizare",
    "Instituția responsabilă",
    "Riscuri",
]


def word_plan(path: Path) -> Path:
    """Two priorities, three actions; see tests/test_plan_import_doc.py for what must be read."""
    doc = Document()
    doc.add_paragraph("Planul local anticorupție pentru anii 2024-2026 al municipiului Bălți")
    num = rc.outline_numbering(doc)
    table = doc.add_table(rows=11, cols=6)
    rows = table.rows
    for i, text in enumerate(HEADER):
        rows[0].cells[i].text = text
    for i in range(6):
        rows[1].cells[i].text = str(i + 1)  # the numbered-column row
    rows[2].cells[0].merge(rows[2].cells[5]).text = "Prioritatea I: Integritatea instituțională"
    # action 1.1 (Word numbering in the Nr. column), indicators by paragraph, a comma inside one
    cells = rows[3].cells
    rc.numbered(cells[0], num, 1)
    cells[1].text = "Asigurarea angajării pe bază de merit"
    rc.set_cell(
        cells[2],
        "1. numărul de concursuri, organizate și desfășurate (F/B);\n2. numărul de anunțuri publicate",
    )
    cells[3].text = "permanent"
    rc.set_cell(cells[4], "Direcția resurse umane;\nDirecția-serviciul de presă")
    cells[5].text = "Rezistența angajaților"
    # action 1.2: its cell merged over two rows, one indicator per row, a footnote mark
    cells, below = rows[4].cells, rows[5].cells
    rc.numbered(cells[0], num, 1)
    cells[0].merge(below[0])
    cells[1].merge(below[1]).text = "Asigurarea regimului cadourilor"
    cells[2].text = "numărul de cadouri declarate"
    rc.footnote_mark(doc, cells[2])
    below[2].text = "registrul cadourilor publicat"
    cells[3].merge(below[3]).text = "anual"
    cells[4].merge(below[4]).text = "Direcția evidență contabilă"
    # the header repeated on a new page, an empty row
    for i, text in enumerate(HEADER):
        rows[6].cells[i].text = text
    rows[8].cells[0].merge(rows[8].cells[5]).text = "Prioritatea II: Transparența"
    # action 2.1: number typed, a tracked change in its title, a content control around the deadline,
    # an unknown responsible and a generic one
    cells = rows[9].cells
    cells[0].text = "2.1"
    rc.tracked_value(cells[1], deleted="Publicarea", inserted="Asigurarea publicării", kept=" deciziilor")
    cells[2].text = "numărul de decizii publicate"
    cells[3].text = "trimestrial"
    rc.content_control(cells[3])
    rc.set_cell(cells[4], "Agenția Nouă de Comunicare\nsubdiviziunile primăriei")
    return rc.save(doc, path)


def excel_plan(path: Path) -> Path:
    """One priority row merged across, an action merged over two rows, indicators as lines of a cell."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Nr. d/o", "Acțiuni", "Indicatori", "Termen", "Responsabil"])
    sheet.append(["Prioritatea I: Achiziții transparente"])
    sheet.merge_cells("A2:E2")
    sheet.append(
        [
            "1.1",
            "Planificarea achizițiilor",
            "1. numărul de planuri, publicate\n2. numărul de anunțuri",
            "anual",
            "Secția achiziții publice",
        ]
    )
    sheet.append(
        ["1.2", "Monitorizarea contractelor", "numărul de rapoarte", "semestrial", "Serviciul audit intern"]
    )
    sheet.append([None, None, "numărul de modificări", None, None])
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:B5")
    sheet.merge_cells("D4:D5")
    sheet.merge_cells("E4:E5")
    sheet["C3"].alignment = Alignment(wrap_text=True)
    book.save(path)
    return path

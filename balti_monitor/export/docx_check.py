"""Reading a .docx back at the XML level, and a structural sanity check Word would otherwise fail on.

The reader follows tech.md §2: python-docx's ``row.cells`` / ``cell.text`` repeat merged cells and miss
text in hyperlinks, tracked insertions and content controls, so cells are read from the XML directly.
The check finds what makes Word report "unreadable content" while LibreOffice stays silent.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from balti_monitor.i18n import _, ngettext

W_P, W_TC, W_TR, W_TBL = qn("w:p"), qn("w:tc"), qn("w:tr"), qn("w:tbl")
_TCPR_RANK = {
    qn(f"w:{name}"): rank
    for rank, name in enumerate(
        ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
         "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
         "tcPrChange")
    )
}  # fmt: skip
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


# ------------------------------------------------------------------------------------------- reading


def para_text(p: etree._Element) -> str:
    """Text of one paragraph, including hyperlinks, insertions and content controls (tabs, breaks)."""
    out: list[str] = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if el.tag == qn("w:t"):
            out.append(el.text or "")
        elif el.tag == qn("w:tab"):
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def para_style(p: etree._Element) -> str | None:
    """The paragraph's style id."""
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def cell_paragraphs(tc: etree._Element) -> list[etree._Element]:
    """The paragraphs of a cell (also those inside cell-level content controls), nested tables excluded."""
    paras = [c for c in tc if c.tag == W_P]
    paras += [p for sdt in tc.iterchildren(qn("w:sdt")) for p in sdt.iter(W_P)]
    return paras


def cell_text(tc: etree._Element) -> str:
    """A cell's text, paragraphs joined by newlines, trimmed."""
    return "\n".join(para_text(p) for p in cell_paragraphs(tc)).strip()


def _row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == W_TC:
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            yield from (tc for tc in child.iter(W_TC) if tc.getparent().getparent() is child)


@dataclass(slots=True)
class Cell:
    """One grid position of a table; ``text`` is None for the covered part of a merged cell."""

    text: str | None
    origin: tuple[int, int]
    paragraphs: list[str] = field(default_factory=list)
    styles: list[str | None] = field(default_factory=list)
    bold: bool = False


def _is_bold(tc: etree._Element) -> bool:
    runs = [r for r in tc.iter(qn("w:r")) if para_text(r).strip()]
    return bool(runs) and all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs)


def table_matrix(tbl: etree._Element) -> list[list[Cell]]:
    """Rows over the layout grid; merged continuation positions have ``text=None``."""
    rows: list[list[Cell]] = []
    for r, tr in enumerate(tbl.iterchildren(W_TR)):
        tr_pr = tr.find(qn("w:trPr"))
        before = tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None
        col = int(before.get(qn("w:val"), "0")) if before is not None else 0
        row: list[Cell] = [Cell(None, (r, c)) for c in range(col)]
        for tc in _row_cells(tr):
            tc_pr = tc.find(qn("w:tcPr"))
            span, vmerge = 1, None
            if tc_pr is not None:
                gs = tc_pr.find(qn("w:gridSpan"))
                span = int(gs.get(qn("w:val"), "1")) if gs is not None else 1
                vm = tc_pr.find(qn("w:vMerge"))
                vmerge = (vm.get(qn("w:val")) or "continue") if vm is not None else None
            if vmerge == "continue" and rows and col < len(rows[-1]):
                cell = Cell(None, rows[-1][col].origin)
            else:
                paras = cell_paragraphs(tc)
                cell = Cell(
                    cell_text(tc),
                    (r, col),
                    [para_text(p) for p in paras],
                    [para_style(p) for p in paras],
                    _is_bold(tc),
                )
            row.append(cell)
            row.extend(Cell(None, cell.origin) for _ in range(span - 1))
            col += span
        rows.append(row)
    return rows


@dataclass(slots=True)
class DocBlock:
    """A top-level paragraph (``table`` None) or table of the body, in document order."""

    text: str = ""
    style: str | None = None
    table: list[list[Cell]] | None = None
    element: etree._Element | None = None


def read_blocks(path: Path) -> list[DocBlock]:
    """Paragraphs and tables of the main document, in order."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    body = root.find(qn("w:body"))
    blocks: list[DocBlock] = []
    if body is None:
        return blocks
    for child in body:
        if child.tag == W_P:
            blocks.append(DocBlock(para_text(child), para_style(child), element=child))
        elif child.tag == W_TBL:
            blocks.append(DocBlock(table=table_matrix(child), element=child))
    return blocks


# ------------------------------------------------------------------------------------------ checking


def _rel_ids(zf: zipfile.ZipFile) -> set[str]:
    try:
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
    except KeyError:
        return set()
    return {rel.get("Id", "") for rel in rels.iter(f"{{{_REL_NS}}}Relationship")}


def _table_problems(tbl: etree._Element, number: int) -> list[str]:
    problems: list[str] = []
    grid = tbl.find(qn("w:tblGrid"))
    cols = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    if cols == 0:
        problems.append(_("tabelul {number} nu are grilă de coloane").format(number=number))
    rows = tbl.findall(W_TR)
    if not rows:
        problems.append(_("tabelul {number} nu are rânduri").format(number=number))
    for r, tr in enumerate(rows, start=1):
        tr_pr = tr.find(qn("w:trPr"))
        used = 0
        for name in ("gridBefore", "gridAfter"):
            el = tr_pr.find(qn(f"w:{name}")) if tr_pr is not None else None
            if el is not None:
                used += int(el.get(qn("w:val"), "0"))
        cells = list(_row_cells(tr))
        if not cells:
            problems.append(_("tabelul {number}, rândul {r} nu are celule").format(number=number, r=r))
        for tc in cells:
            gs = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            try:
                span = int(gs.get(qn("w:val"), "1")) if gs is not None else 1
            except ValueError:
                span = 0
            if span < 1:
                problems.append(
                    ngettext(
                        "tabelul {number}, rândul {r}: o celulă are lățimea de {span} coloană",
                        "tabelul {number}, rândul {r}: o celulă are lățimea de {span} coloane",
                        abs(span),  # 0 or less here: the plural rules count from 0
                    ).format(number=number, r=r, span=span)
                )
            used += max(span, 0)
        if cols and used != cols:
            problems.append(
                ngettext(
                    "tabelul {number}, rândul {r} ocupă {used} coloană din {cols}",
                    "tabelul {number}, rândul {r} ocupă {used} coloane din {cols}",
                    used,
                ).format(number=number, r=r, used=used, cols=cols)
            )
    return problems


def check_docx(path: Path) -> list[str]:
    """Structural problems of a .docx (Romanian, empty when sound).

    Checked: the package opens and ``word/document.xml`` is well-formed XML (so it holds no character
    XML forbids); every table cell has a paragraph and ends with one, and its properties are in schema
    order; every table has a column grid and
    each row fills exactly that grid; every hyperlink points to an existing relationship; the body ends
    with its section properties.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read("word/document.xml")
            rel_ids = _rel_ids(zf)
            if "[Content_Types].xml" not in zf.namelist():
                return [_("lipsește [Content_Types].xml")]
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        return [_("fișierul nu este un document Word: {exc}").format(exc=exc)]
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        return [_("XML invalid în document: {exc}").format(exc=exc)]
    problems: list[str] = []
    body = root.find(qn("w:body"))
    if body is None:
        return [_("documentul nu are conținut (w:body)")]
    for number, tc in enumerate(root.iter(W_TC), start=1):
        content = [c for c in tc if c.tag != qn("w:tcPr")]
        if not any(c.tag == W_P for c in content) and not cell_paragraphs(tc):
            problems.append(_("celula {number} nu are niciun paragraf").format(number=number))
        elif content and content[-1].tag not in (W_P, qn("w:sdt")):
            problems.append(_("celula {number} nu se termină cu un paragraf").format(number=number))
        tc_pr = tc.find(qn("w:tcPr"))
        if tc_pr is not None:
            ranks = [_TCPR_RANK.get(c.tag, len(_TCPR_RANK)) for c in tc_pr]
            if ranks != sorted(ranks):
                problems.append(
                    _("celula {number}: proprietățile nu sunt în ordinea cerută de Word").format(
                        number=number
                    )
                )
    for number, tbl in enumerate(root.iter(W_TBL), start=1):
        problems.extend(_table_problems(tbl, number))
    for link in root.iter(qn("w:hyperlink")):
        rid = link.get(_R_ID)
        if rid is not None and rid not in rel_ids:
            problems.append(_("legătura „{link}” nu are țintă ({rid})").format(link=para_text(link), rid=rid))
    if len(body) == 0 or body[-1].tag != qn("w:sectPr"):
        problems.append(_("documentul nu se încheie cu proprietățile secțiunii"))
    return problems

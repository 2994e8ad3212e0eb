"""Generate ``templates/raport_semestrial.docx``, the docxtpl template of the official semester report.

Run from the repository root::

    python tools/make_template.py            # writes templates/raport_semestrial.docx
    python tools/make_template.py --out x.docx

The generated file is committed; a clerk may then adjust it in Word (fonts, margins, header, logo,
wording) as long as the tags documented in ``templates/README.md`` stay intact. Re-running this script
overwrites such edits, so edit either the script or the .docx, not both.

Layout (seed 000): a portrait section with the title and chapter I, a landscape section with chapter II
(one table per action, 1-10 indicator columns), a portrait section with chapters III-IV and the signatures.
All formatting lives in named paragraph styles ("Raport …") so one change in Word restyles the whole
report, including the text the exporter inserts (descriptions use "Raport tabel" / "Raport tabel listă").
"""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from balti_monitor.export.layout import (
    BULLET_STYLE,
    SMALL_HEADER_STYLE,
    SMALL_VALUE_STYLE,
    TABLE_MARKER,
    TABLE_STYLE,
    VALUE_STYLE,
    modernise_package,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "templates" / "raport_semestrial.docx"

FONT = "Times New Roman"
LANG = "ro-RO"
BULLET_NUM_ID = 90
BULLET_ABSTRACT_ID = 90

# Child order of a few CT_* elements (ECMA-376); Word rejects files with children out of order.
_TBLPR_ORDER = [
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription",
]  # fmt: skip
_TCPR_ORDER = [
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
]  # fmt: skip
_TRPR_ORDER = [
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden",
]  # fmt: skip
_RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
    "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
    "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
]  # fmt: skip


def put_child(parent: BaseOxmlElement, child: BaseOxmlElement, order: list[str]) -> BaseOxmlElement:
    """Insert ``child`` into ``parent`` at its schema position, replacing an existing one of its kind."""
    local = child.tag.split("}")[1]
    old = parent.find(qn(f"w:{local}"))
    if old is not None:
        parent.replace(old, child)
        return child
    later = set(order[order.index(local) + 1 :])
    for index, existing in enumerate(parent):
        if existing.tag.split("}")[1] in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def w_el(tag: str, **attrs: str) -> BaseOxmlElement:
    """A ``w:`` element with ``w:`` attributes."""
    el: BaseOxmlElement = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


# --------------------------------------------------------------------------------------------- styles


def _fonts(rpr: BaseOxmlElement, size_pt: float | None = None) -> None:
    put_child(rpr, w_el("rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT), _RPR_ORDER)
    if size_pt is not None:
        put_child(rpr, w_el("sz", val=str(int(size_pt * 2))), _RPR_ORDER)
        put_child(rpr, w_el("szCs", val=str(int(size_pt * 2))), _RPR_ORDER)
    put_child(rpr, w_el("lang", val=LANG, eastAsia=LANG, bidi=LANG), _RPR_ORDER)


def _para_style(
    doc: DocxDocument,
    name: str,
    *,
    base: str = "Normal",
    size: float = 12,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float = 0,
    after: float = 6,
    keep_next: bool = False,
    outline: int | None = None,
    first_line: float | None = None,
    left: float | None = None,
    hanging: float | None = None,
) -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles[base]
    style.quick_style = True
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    if align is not None:
        fmt.alignment = align
    if keep_next:
        fmt.keep_with_next = True
    if first_line is not None:
        fmt.first_line_indent = Cm(first_line)
    if left is not None:
        fmt.left_indent = Cm(left)
    if hanging is not None:
        fmt.first_line_indent = Cm(-hanging)
    if outline is not None:
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = outline
    return style


def _bullet_numbering(doc: DocxDocument) -> None:
    """A bullet list definition ("•", narrow indent) for bullets inside table cells."""
    numbering = doc.part.numbering_part.element
    abstract = w_el("abstractNum", abstractNumId=str(BULLET_ABSTRACT_ID))
    abstract.append(w_el("multiLevelType", val="singleLevel"))
    lvl = w_el("lvl", ilvl="0")
    lvl.append(w_el("start", val="1"))
    lvl.append(w_el("numFmt", val="bullet"))
    lvl.append(w_el("lvlText", val="•"))
    lvl.append(w_el("lvlJc", val="left"))
    ppr = w_el("pPr")
    ppr.append(w_el("ind", left="227", hanging="227"))
    lvl.append(ppr)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = w_el("num", numId=str(BULLET_NUM_ID))
    num.append(w_el("abstractNumId", val=str(BULLET_ABSTRACT_ID)))
    numbering.append(num)


def make_styles(doc: DocxDocument) -> None:
    """The report's named styles (a clerk restyles the report by editing these in Word)."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    _fonts(normal.element.get_or_add_rPr(), 12)
    normal.paragraph_format.space_after = Pt(0)
    # Document defaults too, so text inserted without a style is still Times New Roman / Romanian.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _fonts(rpr)

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    _para_style(doc, "Raport titlu", size=14, bold=True, align=center, after=18)
    _para_style(
        doc, "Raport capitol", bold=True, before=12, after=6, keep_next=True, outline=0, align=justify
    )
    _para_style(doc, "Raport text", align=justify, after=6, first_line=1.25)
    _para_style(doc, "Raport listă numerotată", align=justify, after=4, left=0.75, hanging=0.75)
    _para_style(
        doc, "Raport prioritate", bold=True, before=12, after=6, keep_next=True, outline=1, align=justify
    )
    _para_style(
        doc, "Raport acțiune", bold=True, before=12, after=4, keep_next=True, outline=2, align=justify
    )
    _para_style(doc, "Raport antet acțiune", after=2, keep_next=True, align=justify)
    # Indicator lines do not keep with the next one: when heading, indicators and table cannot share a page,
    # the page breaks inside the indicator list and the caption stays with its table.
    _para_style(doc, "Raport indicator", after=0, left=0.6, hanging=0.6, align=justify)
    _para_style(doc, "Raport titlu tabel", bold=True, before=8, after=4, keep_next=True, align=center)
    _para_style(doc, TABLE_STYLE, size=10, after=2)
    _para_style(doc, "Raport tabel antet", base=TABLE_STYLE, size=9, bold=True, align=center, after=0)
    _para_style(doc, VALUE_STYLE, base=TABLE_STYLE, size=9, align=center, after=0)
    # List lines keep their own marker ("-", "•", "○", "1.") followed by a tab; the hanging indent lines up
    # the text (and its wrapped lines) after the marker.
    listed = _para_style(doc, BULLET_STYLE, base=TABLE_STYLE, size=10, after=2, left=0.5, hanging=0.5)
    listed.paragraph_format.tab_stops.add_tab_stop(Cm(0.5))  # the marker's tab lands on the indent
    # A smaller step for tables with 9 or more indicator columns (the exporter switches to these).
    _para_style(doc, SMALL_VALUE_STYLE, base=VALUE_STYLE, size=8, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para_style(
        doc,
        SMALL_HEADER_STYLE,
        base="Raport tabel antet",
        size=8,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=0,
    )
    _para_style(doc, "Raport semnătură", before=6, after=0)

    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.base_style = doc.styles["Default Paragraph Font"]
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    _bullet_numbering(doc)


# ----------------------------------------------------------------------------------------- paragraphs


def para(doc: DocxDocument, text: str, style: str = "Normal") -> Paragraph:
    """A paragraph with one run (a tag must stay in one run: python-docx writes it so)."""
    return doc.add_paragraph(text, style=style)


def labelled(doc: DocxDocument, label: str, value: str, style: str) -> Paragraph:
    """``label`` in bold followed by ``value`` in the style's weight."""
    p = doc.add_paragraph(style=style)
    p.add_run(label).bold = True
    p.add_run(value)
    return p


def cell_text(cell: _Cell, text: str, style: str, bold: bool | None = None) -> None:
    """Replace a cell's content with one paragraph."""
    p = cell.paragraphs[0]
    p.style = style  # python-docx resolves the style by name
    run = p.add_run(text)
    if bold is not None:
        run.bold = bold


def _cell_props(cell: _Cell, *, shade: str | None = None) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    if shade:
        put_child(tcpr, w_el("shd", val="clear", color="auto", fill=shade), _TCPR_ORDER)


def _row_props(row_tr: BaseOxmlElement, *, header: bool) -> None:
    trpr = row_tr.get_or_add_trPr()
    if header:
        put_child(trpr, w_el("cantSplit"), _TRPR_ORDER)
        put_child(trpr, w_el("tblHeader"), _TRPR_ORDER)


def action_table(doc: DocxDocument, text_width_cm: float) -> None:
    """The per-action progress table with dynamic indicator columns (tech.md §1.3).

    Grid: A subdivision | B description | C ``{%tc for %}`` | D indicator cell | E ``{%tc endfor %}``.
    """
    table = doc.add_table(rows=10, cols=5)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # fixed layout: Word keeps the widths the exporter computes
    widths = [2.6, text_width_cm - 2.6 - 3 * 2.2, 2.2, 2.2, 2.2]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    rows = table.rows

    # Header: "Descrierea…" over A+B and both header rows; "Realizarea…" over the indicator columns.
    head = rows[0].cells[0].merge(rows[1].cells[1])
    cell_text(
        head,
        "Descrierea măsurilor întreprinse de către instituțiile responsabile de realizarea acțiunii:",
        "Raport tabel antet",
    )
    head.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    group = rows[0].cells[2].merge(rows[0].cells[4])
    p = group.paragraphs[0]
    p.style = doc.styles["Raport tabel antet"]
    p.add_run("{% colspan action.columns|length %}")
    p.add_run("Realizarea indicatorilor de progres")
    cell_text(rows[1].cells[2], "{%tc for col in action.columns %}", "Raport tabel antet")
    cell_text(rows[1].cells[3], "Indicator {{ col.number }}", "Raport tabel antet")
    cell_text(rows[1].cells[4], "{%tc endfor %}", "Raport tabel antet")
    for r in (0, 1):
        _row_props(rows[r]._tr, header=True)
        for c in rows[r].cells:
            _cell_props(c, shade="E7E6E6")
            c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    # One row per subdivision: its return, or its name and "Nu a prezentat informația" across the row.
    rows = table.rows
    cell_text(rows[2].cells[0], "{%tr for row in action.rows %}", "Raport tabel")
    cell_text(rows[3].cells[0], "{%tr if not row.missing %}", "Raport tabel")
    cell_text(rows[4].cells[0], "{{ row.name }}", "Raport tabel", bold=True)
    cell_text(rows[4].cells[1], "{{p row.description }}", "Raport tabel")
    cell_text(rows[4].cells[2], "{%tc for cell in row.cells %}", VALUE_STYLE)
    cell_text(rows[4].cells[3], "{{ cell }}", VALUE_STYLE)
    cell_text(rows[4].cells[4], "{%tc endfor %}", VALUE_STYLE)
    cell_text(rows[5].cells[0], "{%tr else %}", "Raport tabel")
    cell_text(rows[6].cells[0], "{{ row.name }}", "Raport tabel", bold=True)
    missing = rows[6].cells[1].merge(rows[6].cells[4])
    p = missing.paragraphs[0]
    p.style = doc.styles["Raport tabel"]
    p.add_run("{% colspan action.columns|length + 1 %}")
    p.add_run("Nu a prezentat informația").italic = True
    cell_text(rows[7].cells[0], "{%tr endif %}", "Raport tabel")
    cell_text(rows[8].cells[0], "{%tr endfor %}", "Raport tabel")

    # The Total row.
    cell_text(rows[9].cells[0], "Total instituții responsabile", "Raport tabel", bold=True)
    cell_text(rows[9].cells[1], "{{ action.counts }}", "Raport tabel")
    cell_text(rows[9].cells[2], "{%tc for cell in action.totals %}", VALUE_STYLE)
    cell_text(rows[9].cells[3], "{{ cell }}", VALUE_STYLE)
    cell_text(rows[9].cells[4], "{%tc endfor %}", VALUE_STYLE)
    for c in rows[9].cells:
        _cell_props(c, shade="F2F2F2")
    put_child(rows[9]._tr.get_or_add_trPr(), w_el("cantSplit"), _TRPR_ORDER)  # keep the Total row whole

    tblpr = table._tbl.tblPr
    mar = w_el("tblCellMar")
    for side in ("left", "right"):
        mar.append(w_el(side, w="57", type="dxa"))
    put_child(tblpr, mar, _TBLPR_ORDER)
    put_child(tblpr, w_el("tblCaption", val=TABLE_MARKER), _TBLPR_ORDER)


# ------------------------------------------------------------------------------------------ sections


def _page(section: Section, *, landscape: bool) -> None:
    width, height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
        section.left_margin = section.right_margin = Cm(1.5)
        section.top_margin = Cm(2.0)
        section.bottom_margin = Cm(1.5)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        section.left_margin = Cm(3.0)
        section.right_margin = Cm(1.5)
        section.top_margin = section.bottom_margin = Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)


def _page_number_footer(doc: DocxDocument) -> None:
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = w_el("fldSimple", instr="PAGE")
    run = w_el("r")
    rpr = w_el("rPr")
    rpr.append(w_el("sz", val="20"))
    run.append(rpr)
    t = w_el("t")
    t.text = "1"
    run.append(t)
    field.append(run)
    p._p.append(field)


def build() -> DocxDocument:
    """The whole template."""
    doc = Document()
    make_styles(doc)
    props = doc.core_properties
    props.author = "Primăria municipiului Bălți"
    props.title = "Raport privind implementarea planului local anticorupție (șablon)"
    props.comments = ""
    props.keywords = "Bălți Monitor; raport semestrial"
    props.language = LANG

    _page(doc.sections[0], landscape=False)
    _page_number_footer(doc)

    # Title block and chapter I.
    title = para(doc, "Raport {{ report.kind }} privind implementarea", "Raport titlu")
    title.runs[0].add_break()
    title.add_run("{{ plan.title_genitive }}{% if period.semester %},{% endif %}").add_break()
    title.add_run(
        "{% if period.semester %}perioada de raport – {{ period.label }}{% else %}în anul {{ period.year }}{% endif %}"
    )
    para(doc, "I. Rezumatul executiv privind principalele progrese și deficiențe", "Raport capitol")
    para(doc, "{%p for text in narrative.summary %}")
    para(doc, "{{ text }}", "Raport text")
    para(doc, "{%p endfor %}")

    # Chapter II in a landscape section: the wide tables need the room.
    landscape = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(landscape, landscape=True)
    text_width = 29.7 - 1.5 - 1.5
    para(
        doc,
        "II. Progresul în implementarea planului local de acțiuni în perioada de raportare",
        "Raport capitol",
    )
    para(doc, "{%p for priority in priorities %}")
    para(doc, "Prioritatea {{ priority.number }}: {{ priority.title }}", "Raport prioritate")
    para(doc, "{%p for action in priority.actions %}")
    para(doc, "Acțiunea {{ action.code }}. {{ action.title }}", "Raport acțiune")
    labelled(doc, "Termenul de realizare: ", "{{ action.deadline }}", "Raport antet acțiune")
    labelled(doc, "Instituția responsabilă: ", "{{ action.responsible }}", "Raport antet acțiune")
    labelled(doc, "Indicatori de progres:", "", "Raport antet acțiune")
    para(doc, "{%p for indicator in action.indicators %}")
    para(doc, "{{ indicator.number }}. {{ indicator.text }}", "Raport indicator")
    para(doc, "{%p endfor %}")
    para(doc, "Progresul în implementarea acțiunii {{ action.code }}.", "Raport titlu tabel")
    action_table(doc, text_width)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")

    # Chapters III-IV and the signatures, portrait again.
    portrait = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(portrait, landscape=False)
    para(
        doc,
        "III. Riscuri aferente implementării acțiunilor scadente la sfârșitul semestrului/anului",
        "Raport capitol",
    )
    para(doc, "{%p if narrative.risks_intro %}")
    para(doc, "{{ narrative.risks_intro }}", "Raport text")
    para(doc, "{%p endif %}")
    para(doc, "{%p for item in narrative.risks %}")
    para(doc, "{{ loop.index }}. {{ item }}", "Raport listă numerotată")
    para(doc, "{%p endfor %}")
    para(doc, "IV. Propuneri de modificare și ajustare a planului local de acțiuni", "Raport capitol")
    para(doc, "{%p if narrative.proposals_intro %}")
    para(doc, "{{ narrative.proposals_intro }}", "Raport text")
    para(doc, "{%p endif %}")
    para(doc, "{%p for item in narrative.proposals %}")
    para(doc, "{{ loop.index }}. {{ item }}", "Raport listă numerotată")
    para(doc, "{%p endfor %}")
    para(doc, "", "Raport semnătură")
    labelled(doc, "Elaborat: ", "{{ signatures.prepared }}", "Raport semnătură")
    labelled(doc, "Coordonat: ", "{{ signatures.coordinated }}", "Raport semnătură")
    para(doc, "{%p for line in signatures.others %}")
    other = para(doc, "{{ line }}", "Raport semnătură")
    other.paragraph_format.left_indent = Cm(2.25)
    other.paragraph_format.space_before = Pt(0)
    para(doc, "{%p endfor %}")
    _strip_rsids(doc)
    modernise_package(doc)
    return doc


def _strip_rsids(doc: DocxDocument) -> None:
    """Drop revision ids and proofing marks so the template XML stays lean (docxtpl speed, tech.md §1.9)."""
    body = doc.element.body
    for el in list(body.iter(qn("w:proofErr"))):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in body.iter():
        for attr in [a for a in el.attrib if a.startswith(qn("w:rsid"))]:
            del el.attrib[attr]
    settings = doc.settings.element
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)


def _write_reproducibly(package: bytes, out: Path) -> None:
    """Rewrite the zip with fixed entry dates so that re-running the script gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(package))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2023, 3, 28, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))


def main() -> int:
    """Write the template."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    doc = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    _write_reproducibly(buffer.getvalue(), args.out)
    print(f"Șablon scris: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

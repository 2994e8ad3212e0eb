"""The register layout: one table row per item, columns from the plan's kind (seeds 001-004).

:class:`RegisterTable` is plain data (no database, no Word): the store fills it (a context function per
kind), the tests fill it from the seeds' transcriptions, and :func:`export_register` prints it through the
docxtpl template ``templates/registru.docx`` — the table itself is built as a sub-document in the place of
``{{p register.table }}`` because its columns, merges and hyperlinks depend on the plan:

* group heading rows (an objective) span the whole table;
* a header row (the columns' labels) and, where the document has one, the numbered-column row;
* a group may carry its own header row (seed 001: objective 2 has no "Termen de realizare" column): its
  cells then span the table's columns they stand for;
* a parent's cells (Nr. crt., Acțiune) are merged down over the rows of its sub-actions;
* the progress cell: the status on its first line (bold), the narrative below, the links as real
  hyperlinks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from balti_monitor.export.options import ExportError
from balti_monitor.export.render import _cut, _load_template, _normalise_target, _write_atomically
from balti_monitor.i18n import _
from balti_monitor.resources import resource_path

REGISTER_TEMPLATE = "registru.docx"
RowKind = Literal["group", "header", "numbers", "item"]
#: The Word style the exporter uses for the text it puts into the table (defined in the template).
CELL_STYLE = "Registru tabel"
HEADER_STYLE = "Registru antet"


@dataclass(frozen=True)
class Link:
    """A hyperlink of a progress cell: what the document shows and where it leads."""

    text: str
    url: str


@dataclass(frozen=True)
class RegisterCell:
    """One cell. ``merged_above``: covered by the cell above (a parent's cell spanning its sub-actions).
    ``status``: a first line printed bold (the progress status). ``span``: how many columns it covers."""

    text: str = ""
    status: str = ""
    links: tuple[Link, ...] = ()
    merged_above: bool = False
    span: int = 1


@dataclass(frozen=True)
class RegisterRow:
    """A row: ``group`` (one cell over the whole width), ``header``, ``numbers`` or ``item``."""

    kind: RowKind
    cells: tuple[RegisterCell, ...]


@dataclass(frozen=True)
class RegisterTable:
    """A whole register document: title lines above the table, closing lines under it."""

    columns: tuple[str, ...]
    rows: tuple[RegisterRow, ...]
    title: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    landscape: bool = True
    document_title: str = ""
    when: dt.datetime | None = None
    widths: tuple[float, ...] = field(default=())

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in self.rows:
            if row.kind == "group":
                continue
            covered = sum(cell.span for cell in row.cells)
            if covered != width:
                raise ValueError(f"row covers {covered} of {width} columns: {row}")


def header_row(labels: Sequence[str], spans: Sequence[int] | None = None) -> RegisterRow:
    """The header row of the given labels (with spans when a group has fewer columns than the table)."""
    spans = spans or [1] * len(labels)
    return RegisterRow(
        "header", tuple(RegisterCell(text=t, span=s) for t, s in zip(labels, spans, strict=True))
    )


def group_row(text: str) -> RegisterRow:
    return RegisterRow("group", (RegisterCell(text=text),))


# --- Word ---------------------------------------------------------------------------------------------


def _set_cell_shading(cell: _Cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def _add_hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A real Word hyperlink (an external relationship), blue and underlined."""
    rel_id = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_el.text = text
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def _write_lines(cell: _Cell, lines: Sequence[str], style: str, bold_first: bool = False) -> Paragraph:
    """One paragraph per line (the cell's first, empty paragraph is reused)."""
    first = cell.paragraphs[0]
    paragraph = first
    for index, line in enumerate(lines or [""]):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.style = style
        if line:
            run = paragraph.add_run(line)
            if bold_first and index == 0:
                run.bold = True
    return paragraph  # type: ignore[no-any-return]


def _fill_cell(cell: _Cell, data: RegisterCell, style: str) -> None:
    lines: list[str] = []
    if data.status:
        lines.append(data.status)
    lines.extend(data.text.split("\n") if data.text else [])
    _write_lines(cell, lines, style, bold_first=bool(data.status))
    for link in data.links:
        paragraph = cell.add_paragraph()
        paragraph.style = style
        _add_hyperlink(paragraph, link.text, link.url)


def column_weights(register: RegisterTable) -> list[float]:
    """Relative column widths: from the average length of the columns' item cells (a narrative column
    gets up to four times the width of a number column)."""
    if register.widths:
        return list(register.widths)
    totals = [0] * len(register.columns)
    counts = [0] * len(register.columns)
    for row in register.rows:
        if row.kind != "item":
            continue
        column = 0
        for cell in row.cells:
            if cell.span == 1 and not cell.merged_above:
                totals[column] += len(cell.text) + len(cell.status)
                counts[column] += 1
            column += cell.span
    weights = []
    for total, count in zip(totals, counts, strict=True):
        average = total / count if count else 20
        weights.append(min(4.0, max(0.8, (average / 40) ** 0.5)))
    return weights


def _set_widths(table: Table, weights: Sequence[float], usable: int) -> None:
    """Fixed column widths (EMU) over the usable page width, on the grid and on every cell."""
    table.autofit = False
    whole = sum(weights)
    widths = [int(usable * w / whole) for w in weights]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        position = 0
        for tc in row._tr.tc_lst:
            span = tc.grid_span
            tc.width = sum(widths[position : position + span])
            position += span


def _repeat_as_header(table: Table, count: int) -> None:
    for row in table.rows[:count]:
        props = row._tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")
        props.append(flag)


def build_table(document: Any, register: RegisterTable) -> Table:
    """Add the register's table to ``document`` (a python-docx document or a docxtpl sub-document)."""
    width = len(register.columns)
    table: Table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    heading_rows = 0
    in_heading = True
    for row in register.rows:
        word_row = table.add_row()  # type: ignore[no-untyped-call]
        if row.kind != "header" and row.kind != "numbers":
            in_heading = False
        elif in_heading:
            heading_rows += 1
        if row.kind == "group":
            cell = word_row.cells[0].merge(word_row.cells[width - 1]) if width > 1 else word_row.cells[0]
            _write_lines(cell, row.cells[0].text.split("\n"), HEADER_STYLE)
            _set_cell_shading(cell, "F2F2F2")
            continue
        style = HEADER_STYLE if row.kind in ("header", "numbers") else CELL_STYLE
        column = 0
        for data in row.cells:
            cell = word_row.cells[column]
            if data.span > 1:
                cell = cell.merge(word_row.cells[column + data.span - 1])
            if data.merged_above:
                above = table.rows[len(table.rows) - 2].cells[column]
                cell = above.merge(cell)
            else:
                _fill_cell(cell, data, style)
            if row.kind in ("header", "numbers"):
                _set_cell_shading(cell, "D9D9D9")
            column += data.span
    _repeat_as_header(table, heading_rows)
    return table


def find_register_template(template_dir: Path | None = None) -> Path:
    """The clerk's ``registru.docx`` in ``template_dir`` when there is one, else the bundled template."""
    if template_dir is not None and (Path(template_dir) / REGISTER_TEMPLATE).is_file():
        return Path(template_dir) / REGISTER_TEMPLATE
    return resource_path("templates", REGISTER_TEMPLATE)


#: What ``{{ register.table }}`` prints; the exporter puts the table in the place of that paragraph.
TABLE_MARKER = "\u27e6tabelul registrului\u27e7"


def export_register(register: RegisterTable, out_path: Path, template_dir: Path | None = None) -> Path:
    """Write the register as a Word document; returns the path written. Raises :class:`ExportError`."""
    out_path = _normalise_target(Path(out_path))
    path = find_register_template(template_dir)
    template = _load_template(path)
    context = {
        "register": {"title": list(register.title), "closing": list(register.closing), "table": TABLE_MARKER}
    }
    try:
        template.render(context, autoescape=True)
    except Exception as exc:  # a clerk's template with a misspelt tag
        raise ExportError(
            _("Șablonul „{path}” nu poate fi completat: {value}").format(path=path, value=exc)
        ) from exc
    document = template.docx  # get_docx() would reload the unrendered template
    marker = next((p for p in document.paragraphs if p.text.strip() == TABLE_MARKER), None)
    if marker is None:
        raise ExportError(
            _("Șablonul „{path}” nu are eticheta {tag} (locul tabelului).").format(
                path=path, tag="{{ register.table }}"
            )
        )
    if register.landscape:
        for section in document.sections:
            if section.orientation != WD_ORIENT.LANDSCAPE:
                section.orientation = WD_ORIENT.LANDSCAPE
                section.page_width, section.page_height = section.page_height, section.page_width
    table = build_table(document, register)
    section = document.sections[-1]
    _set_widths(
        table, column_weights(register), int(section.page_width - section.left_margin - section.right_margin)
    )
    marker._p.addprevious(table._tbl)
    marker._p.getparent().remove(marker._p)
    props = document.core_properties
    props.title = _cut(register.document_title or " ".join(register.title))
    when = register.when or dt.datetime(2000, 1, 1)
    props.created = when
    props.modified = when
    props.revision = 1
    _write_atomically(template, out_path, when)
    return out_path

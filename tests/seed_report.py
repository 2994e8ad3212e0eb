"""Seed 000 (the real S1-2023 report, as text extracted from its Word file) rebuilt as a hand-made .docx.

The text keeps the document's structure in a lossy way: table rows are lines of tab-separated cells,
paragraphs inside a cell are HTML ``<p>`` / list fragments, pages were lost in places (action 2.1's Total,
2.2's heading, 3.7's Total, 4.1's heading). The rebuild turns it back into what the city hall's Word file
looked like, with the hand-made quirks the text shows, and nothing the text does not show:

* a line of tab-separated cells inside an action's table region is a table row; a row with fewer cells than
  the table's grid has its first cell spanning the missing columns (the "name and narrative in one cell"
  rows of 1.4 and 1.9, the header rows);
* a row whose first cell is empty, right after a subdivision's row, is that row continued on the next line:
  its name cell is merged vertically with the one above (as Word does when a row breaks across a page);
* ``<p>``, ``<ul>``, ``<ol>`` fragments are paragraph boundaries, ``<i>`` is dropped;
* dashed separator lines are dropped; a change of the number of columns starts a new table (a lost page).
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.table import _Cell

#: A copy of ``shared/seeds/000_4d62fa5e37dc8ac4.txt`` (CI clones without the research folder).
SEED = Path(__file__).resolve().parent / "data" / "seed_000_raport_S1_2023.txt"

_BOUNDARY = re.compile(r"\s*</?(?:p|ul|ol)\b[^>]*>\s*")
_INLINE = re.compile(r"</?i>")
_SEPARATOR = re.compile(r"^[-\s]+$")


_LIST_ITEM = re.compile(r"\s+(?=(?:[-•○▪]|\d{1,2}\.)\s)")


def fragments(text: str) -> list[str]:
    """A cell's or line's text as its paragraphs: ``<p>`` and list elements are paragraph boundaries, and
    the items of a ``<ul>``/``<ol>`` list (written inline, "- a - b" or "1. a 2. b") are list paragraphs."""
    text = _INLINE.sub("", text)
    out: list[str] = []
    in_list = False
    pos = 0
    for match in [*_BOUNDARY.finditer(text), None]:
        end = match.start() if match else len(text)
        part = text[pos:end].strip()
        if part:
            out.extend(p.strip() for p in _LIST_ITEM.split(part) if p.strip()) if in_list else out.append(
                part
            )
        if match is None:
            break
        tag = match.group().strip()
        if tag.startswith(("<ul", "<ol")):
            in_list = True
        elif tag.startswith(("</ul", "</ol", "<p", "</p")):
            in_list = False if not tag.startswith("</p") else in_list
        pos = match.end()
    return out


def _fill(cell: _Cell, text: str) -> None:
    parts = fragments(text) or [""]
    cell.text = parts[0]
    for part in parts[1:]:
        cell.add_paragraph(part)


def _is_table_start(cells: list[str]) -> bool:
    first = _INLINE.sub("", cells[0]).strip()
    return first.startswith("Descrierea măsurilor") or (
        not first and "Realizarea indicatorilor" in "".join(cells)
    )


def _is_indicator_header(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return (
        bool(filled)
        and not cells[0]
        and all(c.startswith("Indicator") or c.startswith("Realizarea") for c in filled)
    )


def _is_header(cells: list[str]) -> bool:
    return _is_table_start(cells) or _is_indicator_header(cells)


def build_seed_docx(text: str, out: Path) -> Path:
    """Write the rebuilt report to ``out``."""
    doc: DocxDocument = Document()
    table_lines: list[list[str]] = []
    in_table = False

    def flush() -> None:
        if table_lines:
            _table(doc, table_lines)
            table_lines.clear()

    def data_width() -> int:
        return max((len(c) for c in table_lines if not _is_header(c)), default=0)

    for raw in text.split("\n"):
        line = raw.replace("**", "")
        cells = [c.strip() for c in line.split("\t")]
        filled = [c for c in cells if c]
        if not filled or _SEPARATOR.match(line.replace("\t", " ")):
            continue
        starts_table = _is_table_start(cells)
        if len(filled) == 1 and cells[0] and not (in_table and len(cells) >= 3):
            flush()
            in_table = False
            for part in fragments(cells[0]):
                doc.add_paragraph(part)
            continue
        if not in_table and not starts_table and len(cells) < 3:
            for part in fragments(" ".join(filled)):
                doc.add_paragraph(part)
            continue
        if starts_table and table_lines:
            flush()  # a new header: the table before it lost its Total row (a lost page)
        width = data_width()
        if width and not _is_header(cells) and not _is_total(cells) and len(cells) not in (width, width - 1):
            flush()  # another number of columns: another action whose heading was lost
        in_table = True
        table_lines.append(cells)
        if _is_total(cells):
            flush()
            in_table = False
    flush()
    doc.save(str(out))
    return out


def _is_total(cells: list[str]) -> bool:
    return _INLINE.sub("", _BOUNDARY.sub("", cells[0])).strip().startswith("Total")


def _table(doc: DocxDocument, lines: list[list[str]]) -> None:
    data = [c for c in lines if not _is_header(c)]
    width = max([len(c) for c in data] or [max(len(c) for c in lines)])
    width = max(width, 3)
    table = doc.add_table(rows=len(lines), cols=width)
    previous_name: _Cell | None = None
    for index, cells in enumerate(lines):
        row = table.rows[index].cells
        if _is_table_start(cells):
            _fill(row[0].merge(row[1]), cells[0])
            rest = [c for c in cells[1:] if c]
            if rest:
                _fill(row[2].merge(row[width - 1]), rest[0])
            previous_name = None
            continue
        if _is_indicator_header(cells):
            row[0].merge(row[1])
            for offset, text in enumerate([c for c in cells[1:] if c][: width - 2]):
                _fill(row[2 + offset], text)
            previous_name = None
            continue
        cells = cells[:width]
        span = width - len(cells) + 1
        first = row[0].merge(row[span - 1]) if span > 1 else row[0]
        if not cells[0] and previous_name is not None and span == 1:
            previous_name = previous_name.merge(row[0])  # the row above continued: merged name cell
        else:
            _fill(first, cells[0])
            previous_name = None if _is_total(cells) else first
        for offset, text in enumerate(cells[1:], start=span):
            _fill(row[offset], text)

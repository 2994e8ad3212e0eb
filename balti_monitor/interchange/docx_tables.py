"""Reading a Word document's body as paragraphs and tables, from the raw OOXML (lxml).

python-docx's ``Paragraph.text`` and ``Table.cell`` skip or duplicate what real documents hold, so the
body is walked here directly:

* text in tracked insertions (``w:ins``) is read, text in tracked deletions (``w:del``, ``w:moveFrom``) is
  not: the document reads as it would after "Accept all changes";
* content controls (``w:sdt``) and custom XML wrappers are looked through, in the body, rows and cells;
* footnote and endnote references are marks without text and are left out;
* ``w:tab`` is a tab, ``w:br``/``w:cr`` a line break, ``w:noBreakHyphen`` a hyphen;
* Word's automatic numbering (not in the text) is reconstructed from ``numbering.xml`` (the paragraph's
  own ``w:numPr`` or its style's), counting per list definition, and the label says so
  (:attr:`Para.number_source`);
* table cells keep their grid column and span; a vertically merged cell's continuation carries the text of
  the cell it continues and says so (:attr:`Cell.continued`).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from balti_monitor.errors import BaltiMonitorError
from balti_monitor.i18n import N_, _

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

#: Where a paragraph's number label came from.
NUMBER_FROM_DEFINITIONS = N_("definițiile de numerotare Word")


class DocxReadError(BaltiMonitorError):
    """A file that is not a readable Word document (.docx)."""


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag."""
    return _W + tag


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph: its text (numbering label not included), style id, and Word's list label if any."""

    text: str
    style: str = ""
    number: str = ""  # "1.", "1.1.", "a)", "•" … as Word would print it
    number_source: str = ""  # NUMBER_FROM_DEFINITIONS when ``number`` was reconstructed
    bullet: bool = False
    level: int = 0


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell at grid column ``col`` spanning ``span`` columns."""

    col: int
    span: int
    paras: tuple[Para, ...]
    continued: bool = False  # continuation of a vertically merged cell (text copied from its start)

    @property
    def text(self) -> str:
        """Paragraph texts joined by line breaks (labels not included), trimmed."""
        return "\n".join(p.text for p in self.paras).strip()


@dataclass(slots=True)
class Table:
    """A table: rows of cells (grid positions kept)."""

    rows: list[list[Cell]] = field(default_factory=list)


Block = Para | Table


# ----------------------------------------------------------------------------------------- numbering


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


def _roman(n: int) -> str:
    values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    values += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in values:
        while n >= value:
            out += letters
            n -= value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats."""
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Word's list definitions and the running counters while the body is read in order."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering_xml:
            root = etree.fromstring(numbering_xml)
            for ab in root.iter(w("abstractNum")):
                levels: dict[int, _Level] = {}
                for lvl in ab.iter(w("lvl")):
                    level = _Level()
                    start = lvl.find(w("start"))
                    if start is not None:
                        level.start = int(start.get(w("val"), "1"))
                    fmt = lvl.find(w("numFmt"))
                    if fmt is not None:
                        level.fmt = fmt.get(w("val"), "decimal")
                    text = lvl.find(w("lvlText"))
                    if text is not None:
                        level.text = text.get(w("val"), "")
                    levels[int(lvl.get(w("ilvl"), "0"))] = level
                self.abstract[ab.get(w("abstractNumId"), "")] = levels
            for num in root.iter(w("num")):
                ref = num.find(w("abstractNumId"))
                overrides: dict[int, int] = {}
                for override in num.iter(w("lvlOverride")):
                    start = override.find(w("startOverride"))
                    if start is not None:
                        overrides[int(override.get(w("ilvl"), "0"))] = int(start.get(w("val"), "1"))
                if ref is not None:
                    self.nums[num.get(w("numId"), "")] = (ref.get(w("val"), ""), overrides)
        if styles_xml:
            for style in etree.fromstring(styles_xml).iter(w("style")):
                num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
                if num_pr is not None:
                    num_id = num_pr.find(w("numId"))
                    ilvl = num_pr.find(w("ilvl"))
                    if num_id is not None:
                        depth = int(ilvl.get(w("val"), "0")) if ilvl is not None else 0
                        self.style_num[style.get(w("styleId"), "")] = (num_id.get(w("val"), ""), depth)

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """The label of the next item of list ``num_id`` at level ``ilvl``; second item: a bullet."""
        if num_id not in self.nums:
            return "", False
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl, _Level())
        if level.fmt == "bullet":
            return level.text or "•", True
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        current = counters.get(ilvl, levels.get(ilvl, _Level()).start - 1) + 1
        counters[ilvl] = current
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                lv = levels.get(k, _Level())
                value = counters.get(k, lv.start)
                text = text.replace(placeholder, format_number(value, lv.fmt))
        return text, False


# ------------------------------------------------------------------------------------------- reading

_SKIP = {w("del"), w("moveFrom"), w("instrText"), w("delText"), w("rPr"), w("pPr"), w("txbxContent")}


def _run_text(el: etree._Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == w("t"):
            out.append(child.text or "")
        elif tag == w("tab"):
            out.append("\t")
        elif tag in (w("br"), w("cr")):
            out.append("\n")
        elif tag == w("noBreakHyphen"):
            out.append("-")
        else:
            _run_text(child, out)


def _para(p: etree._Element, numbering: Numbering) -> Para:
    out: list[str] = []
    _run_text(p, out)
    text = "".join(out)
    style_el = p.find(f"{w('pPr')}/{w('pStyle')}")
    style = style_el.get(w("val"), "") if style_el is not None else ""
    num_pr = p.find(f"{w('pPr')}/{w('numPr')}")
    num_id, ilvl = "", 0
    if num_pr is not None:
        id_el, lvl_el = num_pr.find(w("numId")), num_pr.find(w("ilvl"))
        num_id = id_el.get(w("val"), "") if id_el is not None else ""
        ilvl = int(lvl_el.get(w("val"), "0")) if lvl_el is not None else 0
    elif style in numbering.style_num:
        num_id, ilvl = numbering.style_num[style]
    if num_id and num_id != "0":  # Word numbers an empty list paragraph too (a "Nr." column)
        label, bullet = numbering.label(num_id, ilvl)
        if label:
            return Para(text, style, label, NUMBER_FROM_DEFINITIONS, bullet, ilvl)
    return Para(text, style)


def _unwrap(el: etree._Element) -> list[etree._Element]:
    """Children, looking through content controls and custom XML."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag in (w("sdt"),):
            content = child.find(w("sdtContent"))
            if content is not None:
                out.extend(_unwrap(content))
        elif child.tag in (w("customXml"), w("smartTag")) or child.tag in (w("ins"),):
            out.extend(_unwrap(child))
        elif child.tag in (w("del"), w("moveFrom")):
            continue
        else:
            out.append(child)
    return out


def _cell_paras(tc: etree._Element, numbering: Numbering) -> list[Para]:
    paras: list[Para] = []
    for child in _unwrap(tc):
        if child.tag == w("p"):
            paras.append(_para(child, numbering))
        elif child.tag == w("tbl"):  # a nested table: its cells' paragraphs, row by row
            for tr in _unwrap(child):
                if tr.tag == w("tr"):
                    for inner in _unwrap(tr):
                        if inner.tag == w("tc"):
                            paras.extend(_cell_paras(inner, numbering))
    return paras


def _row_deleted(tr: etree._Element) -> bool:
    return tr.find(f"{w('trPr')}/{w('del')}") is not None


def _table(tbl: etree._Element, numbering: Numbering) -> Table:
    table = Table()
    above: dict[int, Cell] = {}  # grid column → the cell that starts a vertical merge there
    for tr in _unwrap(tbl):
        if tr.tag != w("tr") or _row_deleted(tr):
            continue
        col = 0
        before = tr.find(f"{w('trPr')}/{w('gridBefore')}")
        if before is not None:
            col = int(before.get(w("val"), "0"))
        row: list[Cell] = []
        for tc in _unwrap(tr):
            if tc.tag != w("tc"):
                continue
            tc_pr = tc.find(w("tcPr"))
            span = 1
            vmerge: str | None = None
            if tc_pr is not None:
                span_el = tc_pr.find(w("gridSpan"))
                if span_el is not None:
                    span = max(1, int(span_el.get(w("val"), "1")))
                vm = tc_pr.find(w("vMerge"))
                if vm is not None:
                    vmerge = vm.get(w("val"), "continue")
                hm = tc_pr.find(w("hMerge"))  # legacy horizontal merge: continuation cells hold nothing
                if hm is not None and hm.get(w("val"), "continue") == "continue" and row:
                    last = row[-1]
                    row[-1] = Cell(last.col, last.span + span, last.paras, last.continued)
                    col += span
                    continue
            if vmerge == "continue" and col in above:
                start = above[col]
                cell = Cell(col, span, start.paras, continued=True)
            else:
                cell = Cell(col, span, tuple(_cell_paras(tc, numbering)))
                if vmerge == "restart":
                    above[col] = cell
                else:
                    above.pop(col, None)
            row.append(cell)
            col += span
        table.rows.append(row)
    return table


def _blocks(parent: etree._Element, numbering: Numbering, out: list[Block]) -> None:
    for child in _unwrap(parent):
        if child.tag == w("p"):
            out.append(_para(child, numbering))
        elif child.tag == w("tbl"):
            out.append(_table(child, numbering))


def read_docx_blocks(path: Path | str) -> list[Block]:
    """The body of a .docx as paragraphs and tables, in document order."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            main = _main_part(package, names)
            document = package.read(main)
            numbering = package.read("word/numbering.xml") if "word/numbering.xml" in names else None
            styles = package.read("word/styles.xml") if "word/styles.xml" in names else None
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise DocxReadError(
            _("Fișierul „{name}” nu este un document Word (.docx) care poate fi citit.").format(
                name=path.name
            )
        ) from exc
    try:
        root = etree.fromstring(document, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise DocxReadError(
            _("Documentul „{name}” este deteriorat: {exc}.").format(name=path.name, exc=exc)
        ) from exc
    body = root.find(w("body"))
    if body is None:
        raise DocxReadError(_("Documentul „{name}” nu are conținut.").format(name=path.name))
    out: list[Block] = []
    _blocks(body, Numbering(numbering, styles), out)
    return out


def _main_part(package: zipfile.ZipFile, names: set[str]) -> str:
    if "word/document.xml" in names:
        return "word/document.xml"
    raise KeyError("word/document.xml")

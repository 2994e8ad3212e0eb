"""WordprocessingML details of the report: inserted paragraphs, table widths, the empty-cell guard.

docxtpl copies the template cell's width to every generated indicator column and never rescales the
cells' ``w:tcW`` (docxtpl issue #179, tech.md §1.3), so Word would draw 10 indicator columns far wider
than the page. :func:`fit_action_tables` sets the grid, the table width and every cell width from the page
width of the section that holds the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from balti_monitor.export.text import Block

#: Alt-text title (``w:tblCaption``) of the action table in the template; marks the tables to re-width.
TABLE_MARKER = "Progresul în implementarea acțiunii"
#: Paragraph style of description paragraphs inserted into table cells.
TABLE_STYLE = "Raport tabel"
#: Paragraph style of the indicator values (its size drives the column-width estimate).
VALUE_STYLE = "Raport tabel valoare"
#: Paragraph style of bullet lines of descriptions.
BULLET_STYLE = "Raport tabel listă"
#: Character style of web addresses (Word's built-in name).
LINK_STYLE = "Hyperlink"

W_P, W_TC, W_TBL, W_TR = qn("w:p"), qn("w:tc"), qn("w:tbl"), qn("w:tr")
W_SECTPR, W_PPR = qn("w:sectPr"), qn("w:pPr")

TWIPS_PER_CM = 1440 / 2.54
_DEFAULT_TEXT_WIDTH = 15138  # landscape A4 with 1.5 cm margins, in twips (dxa)


def _cm(value: float) -> int:
    return round(value * TWIPS_PER_CM)


# ------------------------------------------------------------------------------ inserted paragraphs


@dataclass(frozen=True, slots=True)
class StyleIds:
    """Style ids looked up by *name* (a localized Word stores localized ids, tech.md §1.5)."""

    paragraph: str | None
    bullet: str | None
    link: str | None

    @classmethod
    def of(cls, document: DocxDocument) -> StyleIds:
        """The ids in this template (``None`` when a style was deleted)."""

        def find(name: str) -> str | None:
            try:
                style_id: str = document.styles[name].style_id
            except KeyError:
                return None
            return style_id

        return cls(find(TABLE_STYLE), find(BULLET_STYLE), find(LINK_STYLE))


def xml_text(text: str) -> str:
    """Text escaped for a ``w:t`` element, also shielded from docxtpl's post-render ``{_{`` → ``{{``."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("{_", "{&#95;").replace("_}", "&#95;}")


def _ppr(style: str | None) -> str:
    return f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""


def paragraphs_xml(blocks: Iterable[Block], styles: StyleIds, link_id: Callable[[str], str]) -> str:
    """``w:p`` elements for a description (always at least one, so the cell is never left empty)."""
    out: list[str] = []
    for block in blocks:
        style = styles.bullet if block.bullet else styles.paragraph
        if block.bullet and styles.bullet is None:
            style = styles.paragraph
        runs: list[str] = []
        if block.bullet and styles.bullet is None:
            runs.append('<w:r><w:t xml:space="preserve">• </w:t></w:r>')
        for seg in block.segments:
            text = xml_text(seg.text)
            if seg.url is None:
                runs.append(f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>')
                continue
            if styles.link:
                rpr = f'<w:rPr><w:rStyle w:val="{styles.link}"/></w:rPr>'
            else:
                rpr = '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
            runs.append(
                f'<w:hyperlink r:id="{link_id(seg.url)}" w:history="1">'
                f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
            )
        out.append(f"<w:p>{_ppr(style)}{''.join(runs)}</w:p>")
    if not out:
        out.append(f"<w:p>{_ppr(styles.paragraph)}</w:p>")
    return "".join(out)


# ------------------------------------------------------------------------------------- table widths


def _is_action_table(tbl: etree._Element) -> bool:
    caption = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
    return caption is not None and caption.get(qn("w:val"), "").strip() == TABLE_MARKER


def _text_width(sect_pr: etree._Element | None) -> int:
    if sect_pr is None:
        return _DEFAULT_TEXT_WIDTH
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    try:
        width = int(size.get(qn("w:w")))
        left = int(margins.get(qn("w:left"), "0"))
        right = int(margins.get(qn("w:right"), "0"))
        gutter = int(margins.get(qn("w:gutter"), "0"))
    except (AttributeError, TypeError, ValueError):
        return _DEFAULT_TEXT_WIDTH
    usable = width - left - right - gutter
    return usable if usable > _cm(5) else _DEFAULT_TEXT_WIDTH


def tables_with_sections(body: etree._Element) -> list[tuple[etree._Element, etree._Element | None]]:
    """Every top-level table with the ``w:sectPr`` of the section it belongs to."""
    result: list[tuple[etree._Element, etree._Element | None]] = []
    pending: list[etree._Element] = []
    for child in body:
        if child.tag == W_TBL:
            pending.append(child)
        elif child.tag == W_P:
            sect = child.find(f"{W_PPR}/{W_SECTPR}")
            if sect is not None:
                result.extend((t, sect) for t in pending)
                pending = []
        elif child.tag == W_SECTPR:
            result.extend((t, child) for t in pending)
            pending = []
    result.extend((t, None) for t in pending)
    return result


#: Average width of one character of table text at 9 pt (Times New Roman), in twips, and cell padding.
_CHAR_TWIPS_9PT = 82
_CELL_PADDING = _cm(0.3)
_MIN_INDICATOR = _cm(1.55)  # "Indicator" in bold 9 pt; the number wraps below it
_MAX_INDICATOR = _cm(3.5)


def word_width(text: str, font_pt: float = 9.0) -> int:
    """Twips needed to show the longest word of ``text`` without breaking it (an estimate)."""
    longest = max((len(word) for word in text.split()), default=0)
    return round(longest * _CHAR_TWIPS_9PT * font_pt / 9.0) + _CELL_PADDING


def column_widths(text_width: int, needs: list[int]) -> list[int]:
    """Subdivision | description | one width per indicator column, in twips, summing to ``text_width``.

    ``needs`` is, per indicator column, the width its longest word needs. Each indicator column gets an
    even share of 55 % of the room next to the subdivision column, widened to its need, and kept between
    1.55 cm and 3.5 cm; the description takes the rest, never less than 22 % of the width (then the widened
    indicator columns give back room first, and only then every column narrows below 1.55 cm).
    """
    needs = needs or [0]
    name = min(_cm(2.6), text_width // 8)
    avail = text_width - name
    share = min(_MAX_INDICATOR, max(_MIN_INDICATOR, avail * 55 // (100 * len(needs))))
    inds = [min(_MAX_INDICATOR, max(share, need)) for need in needs]
    room = avail - text_width * 22 // 100
    excess = sum(inds) - room
    if excess > 0:
        # Too wide: first narrow the columns widened beyond the minimum, then all of them evenly.
        slack = sum(w - _MIN_INDICATOR for w in inds)
        if excess <= slack:
            inds = [w - (w - _MIN_INDICATOR) * excess // slack for w in inds]
        else:
            inds = [max(room // len(inds), _cm(0.8))] * len(inds)
    desc = avail - sum(inds)
    return [name, desc, *inds]


def _column_needs(tbl: etree._Element, columns: int, font_pt: float) -> list[int]:
    """Per indicator column, the width of the longest word in its body cells (header rows skipped)."""
    needs = [0] * columns
    for tr in tbl.iterchildren(W_TR):
        tr_pr = tr.find(qn("w:trPr"))
        if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
            continue
        col = 0
        for tc in tr.iterchildren(W_TC):
            span_el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
            index = col - 2
            if span == 1 and 0 <= index < columns:
                text = " ".join(t.text or "" for t in tc.iter(qn("w:t")))
                needs[index] = max(needs[index], word_width(text, font_pt))
            col += span
    return needs


def _set_width(el: etree._Element, width: int) -> None:
    el.set(qn("w:type"), "dxa")
    el.set(qn("w:w"), str(width))


def _fit(tbl: etree._Element, text_width: int, font_pt: float) -> None:
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:
        return
    cols = grid.findall(qn("w:gridCol"))
    if len(cols) < 3:
        return
    widths = column_widths(text_width, _column_needs(tbl, len(cols) - 2, font_pt))
    for col, width in zip(cols, widths, strict=True):
        col.set(qn("w:w"), str(width))
    tbl_pr = tbl.find(qn("w:tblPr"))
    if tbl_pr is not None:
        tbl_w = tbl_pr.find(qn("w:tblW"))
        if tbl_w is None:
            tbl_w = OxmlElement("w:tblW")
            anchor = next(
                (tbl_pr.find(qn(f"w:{n}")) for n in ("jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
                 "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
                 if tbl_pr.find(qn(f"w:{n}")) is not None),
                None,
            )  # fmt: skip
            if anchor is not None:
                anchor.addprevious(tbl_w)
            else:
                tbl_pr.append(tbl_w)
        _set_width(tbl_w, sum(widths))
    for tr in tbl.iterchildren(W_TR):
        col = 0
        for tc in tr.iterchildren(W_TC):
            tc_pr = tc.find(qn("w:tcPr"))
            if tc_pr is None:
                tc_pr = OxmlElement("w:tcPr")
                tc.insert(0, tc_pr)
            span_el = tc_pr.find(qn("w:gridSpan"))
            span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
            tc_w = tc_pr.find(qn("w:tcW"))
            if tc_w is None:
                tc_w = OxmlElement("w:tcW")
                cnf = tc_pr.find(qn("w:cnfStyle"))
                if cnf is not None:
                    cnf.addnext(tc_w)
                else:
                    tc_pr.insert(0, tc_w)
            _set_width(tc_w, sum(widths[col : col + span]))
            col += span


def fit_action_tables(document: DocxDocument) -> int:
    """Give every action table widths that fit its section's text width; returns how many were fitted.

    The tables are those whose alt-text title is :data:`TABLE_MARKER`; if a clerk removed that title,
    every top-level table with at least three columns is treated as an action table.
    """
    body = document.element.body
    pairs = tables_with_sections(body)
    marked = [(t, s) for t, s in pairs if _is_action_table(t)]
    chosen = marked or pairs
    font_pt = _value_font_size(document)
    for tbl, sect in chosen:
        _fit(tbl, _text_width(sect), font_pt)
    return len(chosen)


def _value_font_size(document: DocxDocument) -> float:
    """The font size of the indicator values (style "Raport tabel valoare"), 9 pt if unknown."""
    try:
        style = document.styles[VALUE_STYLE]
    except KeyError:
        return 9.0
    while style is not None:
        size = style.font.size
        if size is not None:
            return float(size.pt)
        style = style.base_style
    return 9.0


# ---------------------------------------------------------------------------------- schema order

#: Child order of ``w:tcPr`` (ECMA-376). docxtpl's ``{% colspan %}`` writes ``w:gridSpan`` first, before
#: ``w:tcW``; Word expects the schema order.
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
    "tcPrChange",
)  # fmt: skip
_TCPR_RANK = {qn(f"w:{name}"): rank for rank, name in enumerate(TCPR_ORDER)}


def order_cell_properties(document: DocxDocument) -> int:
    """Put the children of every ``w:tcPr`` in schema order; returns how many were reordered."""
    fixed = 0
    for tc_pr in document.element.body.iter(qn("w:tcPr")):
        children = list(tc_pr)
        ordered = sorted(children, key=lambda el: _TCPR_RANK.get(el.tag, len(TCPR_ORDER)))
        if ordered != children:
            for child in ordered:
                tc_pr.append(child)  # re-appending moves the element
            fixed += 1
    return fixed


# ---------------------------------------------------------------------------------- empty-cell guard


def ensure_cell_paragraphs(document: DocxDocument) -> int:
    """Append an empty paragraph to every cell that does not end with one (Word refuses such a file)."""
    repaired = 0
    for tc in document.element.body.iter(W_TC):
        content = [c for c in tc if c.tag != qn("w:tcPr")]
        if not content or content[-1].tag != W_P:
            tc.append(OxmlElement("w:p"))
            repaired += 1
    return repaired

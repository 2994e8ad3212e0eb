"""WordprocessingML details of the report: inserted paragraphs, table widths, the empty-cell guard.

docxtpl copies the template cell's width to every generated indicator column and never rescales the
cells' ``w:tcW`` (docxtpl issue #179, tech.md §1.3), so Word would draw 10 indicator columns far wider
than the page. :func:`fit_action_tables` sets the grid, the table width and every cell width from the page
width of the section that holds the table.
"""

from __future__ import annotations

import math
import re
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
#: Paragraph style of list lines of descriptions (marker, tab, hanging indent).
BULLET_STYLE = "Raport tabel listă"
#: One font step smaller, for tables with :data:`SMALL_FROM` or more indicator columns.
SMALL_VALUE_STYLE = "Raport tabel valoare mic"
SMALL_HEADER_STYLE = "Raport tabel antet mic"
HEADER_STYLE = "Raport tabel antet"
SMALL_FROM = 9
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
    """``w:p`` elements for a description (always at least one, so the cell is never left empty).

    A list line keeps its own marker ("-", "•", "○", "1." …) followed by a tab; the list style's hanging
    indent lines the text up after it. Word numbering is switched off on these paragraphs (``numId`` 0), so a
    template whose list style still numbers never prints a second bullet.
    """
    out: list[str] = []
    for block in blocks:
        runs: list[str] = []
        if block.bullet:
            style = styles.bullet or styles.paragraph
            style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
            ppr = f'<w:pPr>{style_xml}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr>'

            marker = xml_text(block.marker or "•")
            runs.append(f'<w:r><w:t xml:space="preserve">{marker}</w:t><w:tab/></w:r>')
        else:
            ppr = _ppr(styles.paragraph)
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
        out.append(f"<w:p>{ppr}{''.join(runs)}</w:p>")
    if not out:
        out.append(f"<w:p>{_ppr(styles.paragraph)}</w:p>")
    return "".join(out)


# ------------------------------------------------------------------------------------- table widths


def is_action_table(tbl: etree._Element) -> bool:
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


#: Average width of one character of table text at 9 pt (Times New Roman, a little generous so long words
#: with wide letters still fit), in twips, and cell padding (left + right margins and a safety margin).
_CHAR_TWIPS_9PT = 92
_CELL_PADDING = _cm(0.35)
_MIN_INDICATOR = _cm(1.2)
_MAX_INDICATOR = _cm(3.5)
_MIN_DESCRIPTION = _cm(3.5)
_URL_LIKE = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
_BREAK_AFTER = re.compile(r"(?<=[-/–—])(?=.)")


def word_width(text: str, font_pt: float = 9.0, bold: bool = False) -> int:
    """Twips needed to show the longest word of ``text`` without breaking it (an estimate; web addresses,
    which no column could hold, are left out)."""
    words = [w for w in text.split() if not _URL_LIKE.match(w)]
    # a line may break after "-", "/" or a dash inside a word: only the pieces must fit
    pieces = [piece for w in words for piece in _BREAK_AFTER.split(w)]
    longest = max((len(piece) for piece in pieces), default=0)
    factor = 1.08 if bold else 1.0
    return round(longest * _CHAR_TWIPS_9PT * factor * font_pt / 9.0) + _CELL_PADDING


def column_widths(
    text_width: int, needs: list[int], name_need: int = 0, description_need: int = 0, floor: int = 0
) -> list[int]:
    """Subdivision | description | one width per indicator column, in twips, summing to ``text_width``.

    No indicator column is narrower than its ``needs`` (its longest word) nor than ``floor``; each gets an
    even share of 55 % of the room when that is wider (up to 3.5 cm). The description takes the rest; when
    the room is short the indicator columns first give back what they have beyond their need, then the
    description gives way down to 3.5 cm (or its own longest word), and only then do indicator columns
    narrow below their longest word.
    """
    needs = needs or [0]
    count = len(needs)
    name = min(max(_cm(2.6), name_need), text_width // 5)
    avail = text_width - name
    floor = max(floor, _MIN_INDICATOR)
    need = [max(n, floor) for n in needs]
    share = min(_MAX_INDICATOR, avail * 55 // (100 * count))
    inds = [max(n, share) for n in need]
    soft_desc = max(text_width * 22 // 100, description_need)
    excess = sum(inds) - (avail - soft_desc)
    if excess > 0:  # give back what is beyond the need
        slack = sum(w - n for w, n in zip(inds, need, strict=True))
        take = min(excess, slack)
        if slack:
            inds = [w - (w - n) * take // slack for w, n in zip(inds, need, strict=True)]
    hard_desc = max(_MIN_DESCRIPTION, description_need)
    excess = sum(inds) - (avail - hard_desc)
    if excess > 0:  # even the needs do not fit: narrow every indicator column proportionally
        room = avail - hard_desc
        total = sum(inds)
        inds = [max(_cm(0.8), w * room // total) for w in inds]
    desc = avail - sum(inds)
    return [name, desc, *inds]


def _is_header(tr: etree._Element) -> bool:
    tr_pr = tr.find(qn("w:trPr"))
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def _cells(tr: etree._Element) -> list[tuple[int, int, etree._Element]]:
    """(first grid column, span, tc) of each cell of a row."""
    out: list[tuple[int, int, etree._Element]] = []
    col = 0
    for tc in tr.iterchildren(W_TC):
        span_el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
        out.append((col, span, tc))
        col += span
    return out


def _tc_text(tc: etree._Element) -> str:
    return " ".join(t.text or "" for t in tc.iter(qn("w:t")))


def _column_needs(tbl: etree._Element, columns: int, font_pt: float) -> tuple[list[int], int, int]:
    """Per indicator column the width of the longest word in its body cells (header rows skipped), and the
    needs of the subdivision-name and description columns."""
    needs = [0] * columns
    name_need = desc_need = 0
    for tr in tbl.iterchildren(W_TR):
        if _is_header(tr):
            continue
        for col, span, tc in _cells(tr):
            text = _tc_text(tc)
            if col == 0 and span == 1:
                name_need = max(name_need, word_width(text, 10.0, bold=True))
            elif col == 1 and span == 1:
                desc_need = max(desc_need, word_width(text, 10.0))
            elif span == 1 and 0 <= col - 2 < columns:
                needs[col - 2] = max(needs[col - 2], word_width(text, font_pt))
    return needs, name_need, desc_need


def _set_width(el: etree._Element, width: int) -> None:
    el.set(qn("w:type"), "dxa")
    el.set(qn("w:w"), str(width))


def _fit(
    tbl: etree._Element, text_width: int, font_pt: float, small: tuple[str, str, str, str] | None
) -> None:
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:
        return
    cols = grid.findall(qn("w:gridCol"))
    if len(cols) < 3:
        return
    columns = len(cols) - 2
    if columns >= SMALL_FROM and small is not None:
        _use_small_styles(tbl, small)
        font_pt -= 1
    needs, name_need, desc_need = _column_needs(tbl, columns, font_pt)
    floor = word_width("Indicator", font_pt, bold=True)
    widths = column_widths(text_width, needs, name_need, desc_need, floor)
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
        for col, span, tc in _cells(tr):
            tc_pr = tc.find(qn("w:tcPr"))
            if tc_pr is None:
                tc_pr = OxmlElement("w:tcPr")
                tc.insert(0, tc_pr)
            tc_w = tc_pr.find(qn("w:tcW"))
            if tc_w is None:
                tc_w = OxmlElement("w:tcW")
                cnf = tc_pr.find(qn("w:cnfStyle"))
                if cnf is not None:
                    cnf.addnext(tc_w)
                else:
                    tc_pr.insert(0, tc_w)
            _set_width(tc_w, sum(widths[col : col + span]))
    paginate_rows(tbl, widths)


def _use_small_styles(tbl: etree._Element, small: tuple[str, str, str, str]) -> None:
    """Switch the value and header paragraphs of a wide table to the one-step-smaller styles
    (``small``: the value and header style ids, then their smaller twins)."""
    value_id, header_id, small_value, small_header = small
    for p_style in tbl.iter(qn("w:pStyle")):
        val = p_style.get(qn("w:val"))
        if val == value_id:
            p_style.set(qn("w:val"), small_value)
        elif val == header_id:
            p_style.set(qn("w:val"), small_header)


#: The average width of a character of running text at 9 pt (for row heights; words use the generous one).
_AVERAGE_CHAR_9PT = 76
#: Height of the text area of the landscape pages (A4, margins 2.0 + 1.5 cm), in twips.
_PAGE_BODY = _cm(21.0 - 3.5)
_LINE_TWIPS = {10.0: 230, 9.0: 207, 8.0: 184}


def _row_height(tr: etree._Element, widths: list[int]) -> int:
    """An estimate of a row's height in twips (the tallest cell: wrapped lines × line height)."""
    tallest = 0
    for col, span, tc in _cells(tr):
        width = max(sum(widths[col : col + span]) - _CELL_PADDING, 200)
        height = 0
        for p in tc.iterchildren(W_P):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            size = 10.0 if col <= 1 else 9.0
            chars_per_line = max(1, int(width / (_AVERAGE_CHAR_9PT * size / 9.0)))
            lines = max(1, math.ceil(len(text) / chars_per_line))
            height += lines * _LINE_TWIPS.get(size, 230) + 40
        tallest = max(tallest, height)
    return tallest + 60


def _keep_with_next(tr: etree._Element) -> None:
    """Keep a row on the same page as the next one (Word: keep-with-next on every paragraph of the row)."""
    for p in tr.iter(W_P):
        _keep_paragraph(p)


def _cant_split(tr: etree._Element) -> None:
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = OxmlElement("w:trPr")
        tc_first = tr.find(W_TC)
        if tc_first is not None:
            tc_first.addprevious(tr_pr)
        else:
            tr.append(tr_pr)
    if tr_pr.find(qn("w:cantSplit")) is None:
        cant = OxmlElement("w:cantSplit")
        # schema order: cnfStyle, divId, gridBefore, gridAfter, wBefore, wAfter, cantSplit, trHeight, tblHeader…
        later = [
            tr_pr.find(qn(f"w:{n}")) for n in ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")
        ]
        anchor = next((el for el in later if el is not None), None)
        if anchor is not None:
            anchor.addprevious(cant)
        else:
            tr_pr.append(cant)


def paginate_rows(tbl: etree._Element, widths: list[int]) -> None:
    """Page rules of an action table: a row that fits on a page never splits (``cantSplit``); the header rows
    and the row before the Total row keep with the next row, so a Total row never starts a page alone and a
    table never starts with its header alone at the bottom of a page."""
    rows = list(tbl.iterchildren(W_TR))
    for index, tr in enumerate(rows):
        if _is_header(tr):
            _cant_split(tr)
            _keep_with_next(tr)
            continue
        if _row_height(tr, widths) < _PAGE_BODY * 90 // 100:
            _cant_split(tr)
        if index == len(rows) - 2:
            _keep_with_next(tr)


def fit_action_tables(document: DocxDocument) -> int:
    """Give every action table widths that fit its section's text width; returns how many were fitted.

    The tables are those whose alt-text title is :data:`TABLE_MARKER`; if a clerk removed that title,
    every top-level table with at least three columns is treated as an action table.
    """
    body = document.element.body
    pairs = tables_with_sections(body)
    marked = [(t, s) for t, s in pairs if is_action_table(t)]
    chosen = marked or pairs
    font_pt = _value_font_size(document)
    small = _small_styles(document)
    heading = _style_id(document, HEADING_STYLE)
    for tbl, sect in chosen:
        _fit(tbl, _text_width(sect), font_pt, small)
        if heading is not None:
            keep_heading_with_table(tbl, heading, _text_width(sect))
    return len(chosen)


#: The action heading's paragraph style: from it down to the table, the block keeps together when it can.
HEADING_STYLE = "Raport acțiune"
_CHAR_12PT = 101  # average character width of 12 pt running text, twips
_LINE_12PT = 276


def _style_id(document: DocxDocument, name: str) -> str | None:
    try:
        style_id: str = document.styles[name].style_id
    except KeyError:
        return None
    return style_id


def _para_height(p: etree._Element, text_width: int) -> int:
    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
    lines = max(1, math.ceil(len(text) * _CHAR_12PT / max(text_width, 1000)))
    return lines * _LINE_12PT + 120


def keep_heading_with_table(tbl: etree._Element, heading_style: str, text_width: int) -> bool:
    """Keep the action heading, its header lines, indicator list and caption on the page of the table's first
    row when all of that fits on one page (keep-with-next on each paragraph); when it cannot fit, only the
    caption keeps with the table (its style) and the page breaks inside the indicator list. Returns whether
    the whole block was kept together."""
    block: list[etree._Element] = []
    node = tbl.getprevious()
    while node is not None and node.tag == W_P:
        block.append(node)
        style = node.find(f"{W_PPR}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) == heading_style:
            break
        node = node.getprevious()
    else:
        return False
    rows = list(tbl.iterchildren(W_TR))
    grid = tbl.find(qn("w:tblGrid"))
    widths = (
        [int(g.get(qn("w:w"), "0")) for g in grid.iterchildren(qn("w:gridCol"))] if grid is not None else []
    )
    first_rows = [tr for tr in rows if _is_header(tr)] + [tr for tr in rows if not _is_header(tr)][:1]
    height = sum(_para_height(p, text_width) for p in block) + sum(
        _row_height(tr, widths) for tr in first_rows
    )
    if height >= _PAGE_BODY * 95 // 100:
        return False
    for p in block:
        _keep_paragraph(p)
    return True


def _keep_paragraph(p: etree._Element) -> None:
    p_pr = p.find(W_PPR)
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p.insert(0, p_pr)
    if p_pr.find(qn("w:keepNext")) is None:
        keep = OxmlElement("w:keepNext")
        style = p_pr.find(qn("w:pStyle"))
        if style is not None:
            style.addnext(keep)
        else:
            p_pr.insert(0, keep)


def _small_styles(document: DocxDocument) -> tuple[str, str, str, str] | None:
    """The ids of the value and header styles and of their smaller twins (None when the template lacks
    any of them)."""
    try:
        return (
            document.styles[VALUE_STYLE].style_id,
            document.styles[HEADER_STYLE].style_id,
            document.styles[SMALL_VALUE_STYLE].style_id,
            document.styles[SMALL_HEADER_STYLE].style_id,
        )
    except KeyError:
        return None


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


# ---------------------------------------------------------------------------------- package details

_WORD_URI = "http://schemas.microsoft.com/office/word"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def modernise_package(document: DocxDocument) -> None:
    """Word's normal mode and no stale preview: ``compatibilityMode`` 15 in settings.xml (python-docx's
    default template says 14, which Word opens in "Compatibility Mode"), no ``savePreviewPicture`` and no
    ``docProps/thumbnail`` (the picture of python-docx's own sample page)."""
    settings = document.settings.element
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        anchor = next(
            (settings.find(qn(f"w:{n}")) for n in ("docVars", "rsids", "mathPr", "attachedSchema",
             "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "decimalSymbol")
             if settings.find(qn(f"w:{n}")) is not None),
            None,
        )  # fmt: skip
        if anchor is not None:
            anchor.addprevious(compat)
        else:
            settings.append(compat)
    mode = None
    for setting in compat.iterchildren(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            mode = setting
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), "compatibilityMode")
        mode.set(qn("w:uri"), _WORD_URI)
        compat.append(mode)
    mode.set(qn("w:val"), "15")
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            del package.rels[r_id]

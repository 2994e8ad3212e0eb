"""Tab-separated text as Excel and LibreOffice Calc put it on the clipboard (no Qt here).

Cells are separated by tabs and rows by line breaks; a cell holding a tab, a line break or a double quote
is wrapped in double quotes with inner quotes doubled (``"a ""b""\nc"``). Excel ends the block with a
line break, which is not an extra empty row.
"""

from __future__ import annotations

from collections.abc import Sequence


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text (quoted multi-line cells kept whole)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"' and _closing_quote(text, i) is not None:
            end = _closing_quote(text, i)
            assert end is not None
            cell.append(text[i + 1 : end].replace('""', '"'))
            i = end + 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    row.append("".join(cell))
    rows.append(row)
    return rows


def _closing_quote(text: str, start: int) -> int | None:
    """The index of the quote closing a quoted cell that starts at ``start`` (None if it is not one).

    A quoted cell ends with a single quote followed by a tab, a line break or the end of the text.
    """
    i = start + 1
    n = len(text)
    while i < n:
        if text[i] == '"':
            if i + 1 < n and text[i + 1] == '"':
                i += 2
                continue
            if i + 1 == n or text[i + 1] in "\t\n":
                return i
            return None
        i += 1
    return None


def format_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Clipboard text for a block of cells (quoted where Excel needs it), ending with a line break."""
    lines = ["\t".join(_quote(cell) for cell in row) for row in rows]
    return "\n".join(lines) + "\n"


def _quote(cell: str) -> str:
    if any(ch in cell for ch in '\t\n\r"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell

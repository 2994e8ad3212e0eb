"""The layout of a semester report, recognised in the blocks of a .docx (:mod:`docx_tables`): the period in
the title, a paragraph or a cell as stored text (list markers kept, digit groups' no-break spaces made
plain), the header, numbered-column and Total rows of an action's table, where its value columns start, and
the subdivision a row names (through the alias table, also when its narrative shares the name cell).
Used by :mod:`balti_monitor.interchange.report_reader`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from balti_monitor.domain.text import fold_key
from balti_monitor.interchange.docx_tables import Cell, Para, Table
from balti_monitor.services.subdivisions import match_subdivision

_ROMAN = {"I": 1, "II": 2}
_SEMESTER = re.compile(r"semestrul\s+(II|I|1|2)\b[^0-9]{0,40}?(\d{4})", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"perioada\s+de\s+raport\s*[–—-]\s*anul\s+(\d{4})", re.IGNORECASE)
_LEADING_MARKER = re.compile(r"^(\s*(?:[-–—•·▪◦●○■□►‣⁃➢*]|\d{1,2}[.)]))\t")
_DIGIT_GROUP_NBSP = re.compile("(?<=\\d)\u00a0(?=\\d{3}(?!\\d))")
_HEADER_INDICATOR = re.compile(r"^\s*indicator(ul)?\b", re.IGNORECASE)
_SKIPPED_LINES = re.compile(
    r"^\s*(Prioritatea\b|Termenul de realizare|Institu[țţ]ia responsabil|Indicatori de progres|"
    r"Instruc[țţ]iuni de [îi]ntocmire|Raport (semestrial|anual))",
    re.IGNORECASE,
)


def clean_text(text: str) -> str:
    return _DIGIT_GROUP_NBSP.sub(" ", text)


def para_line(para: Para) -> str:
    """A paragraph as one line of stored text: Word's list label or a typed marker kept ("- x", "1. x")."""
    text = clean_text(para.text).strip()
    if not text:
        return ""
    if para.number:
        marker = "-" if para.bullet else para.number
        return f"{marker} {text}"
    match = _LEADING_MARKER.match(clean_text(para.text))
    if match:
        return f"{match.group(1).strip()} {clean_text(para.text)[match.end() :].strip()}"
    return text


def paras_text(paras: Sequence[Para]) -> str:
    return "\n".join(line for line in (para_line(p) for p in paras) if line)


def cell_value(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return "\n".join(clean_text(p.text).strip() for p in cell.paras if p.text.strip())


def parse_period(text: str) -> tuple[int, int] | None:
    """``(year, semester)`` from a title ("semestrul I al anului 2023"; "anul 2023" → semester 0)."""
    match = _SEMESTER.search(text)
    if match:
        token = match.group(1).upper()
        return int(match.group(2)), _ROMAN.get(token) or int(token)
    match = _YEAR_ONLY.search(text)
    if match:
        return int(match.group(1)), 0
    return None


def cell_at(row: list[Cell], col: int) -> Cell | None:
    for cell in row:
        if cell.col <= col < cell.col + cell.span:
            return cell
    return None


def row_texts(row: list[Cell]) -> list[str]:
    return [c.text for c in row]


def is_header_row(row: list[Cell]) -> bool:
    texts = [t for t in row_texts(row) if t]
    if not texts:
        return False
    first = fold_key(texts[0])
    if first.startswith("descrierea") or any("realizarea indicatorilor" in fold_key(t) for t in texts):
        return True
    return all(_HEADER_INDICATOR.match(t) for t in texts)


def is_numbered_columns(row: list[Cell]) -> bool:
    """The row of column numbers some tables have under the header ("1 2 3 4 …")."""
    texts = [t for t in row_texts(row) if t]
    return len(texts) >= 2 and texts == [str(i) for i in range(1, len(texts) + 1)]


def value_start(table: Table) -> int:
    for row in table.rows:
        if not is_header_row(row):
            continue
        for cell in row:
            key = fold_key(cell.text)
            if "realizarea indicatorilor" in key or _HEADER_INDICATOR.match(cell.text):
                return cell.col
    return 2


def is_action_table(table: Table) -> bool:
    for row in table.rows:
        if row and fold_key(row[0].text).startswith("total"):
            return True
        if is_header_row(row):
            return True
    return False


def grid_width(table: Table) -> int:
    return max((c.col + c.span for row in table.rows for c in row), default=0)


def match_row_name(row: list[Cell]) -> tuple[int, str, str, str] | None:
    """``(subdivision id, its name, the name as written, narrative found in the name cell)``."""
    cell = cell_at(row, 0)
    if cell is None or not cell.text:
        return None
    candidates: list[tuple[str, list[Para]]] = [(cell.text, [])]
    paras = [p for p in cell.paras if p.text.strip()]
    if len(paras) > 1:
        candidates.append((paras[0].text, paras[1:]))
    if paras:
        words = paras[0].text.split()
        for n in range(min(len(words) - 1, 10), 1, -1):
            tail = " ".join(words[n:])
            candidates.append((" ".join(words[:n]), [Para(tail), *paras[1:]]))
    for name, rest in candidates:
        sub = match_subdivision(name.strip().rstrip(".:;,").strip())
        if sub is not None:
            return int(sub.id), str(sub.name), name.strip(), paras_text(rest)
    return None

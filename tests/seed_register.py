"""The seeds' transcriptions (``tests/data/seed_tables/00N.json``) as register tables, and the reading of an
exported register back into the same shape (text per cell, in the seed's column order)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from balti_monitor.export.register import (
    Link,
    RegisterCell,
    RegisterRow,
    RegisterTable,
    group_row,
    header_row,
)

SEED_TABLES = Path(__file__).parent / "data" / "seed_tables"


def seed(number: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEED_TABLES / f"{number}.json").read_text(encoding="utf-8"))
    return data


def _spans(group_columns: list[str], table_columns: list[str]) -> list[int]:
    """Where a group has fewer columns than the table (001, objective 2), each of its columns covers the table's
    columns up to the next one it matches ("Responsabil" matches "Responsabili")."""
    positions = []
    for label in group_columns:
        positions.append(
            next(i for i, t in enumerate(table_columns) if t.startswith(label) or label.startswith(t))
        )
    positions.append(len(table_columns))
    return [positions[k + 1] - positions[k] for k in range(len(group_columns))]


def expected_rows(data: dict[str, Any]) -> list[tuple[str, list[str | None]]]:
    """The seed's table as (row kind, cell texts); ``None`` = covered by the cell above."""
    rows: list[tuple[str, list[str | None]]] = []
    tables = data["tables"]
    if "group" not in tables[0]:
        table = tables[0]
        rows.append(("header", list(table["columns"])))
        if table.get("numbers"):
            rows.append(("numbers", list(table["numbers"])))
    for table in tables:
        if "group" in table:
            rows.append(("group", [table["group"]]))
            rows.append(("header", list(table["columns"])))
        for row in table["rows"]:
            if "group" in row:
                rows.append(("group", [row["group"]]))
                continue
            cells: list[str | None] = list(row["cells"])
            if "status" in row:
                cells.append("\n".join([row["status"], row["narrative"], *row["links"]]))
            rows.append(("item", cells))
    return rows


def register_from_seed(data: dict[str, Any]) -> RegisterTable:
    tables = data["tables"]
    columns = list(tables[0]["columns"])
    if "status" in next(r for r in tables[0]["rows"] if "cells" in r):
        columns = list(tables[0]["columns"])
    rows: list[RegisterRow] = []
    if "group" not in tables[0]:
        rows.append(header_row(columns))
        if tables[0].get("numbers"):
            rows.append(RegisterRow("numbers", tuple(RegisterCell(text=n) for n in tables[0]["numbers"])))
    for table in tables:
        spans = _spans(list(table["columns"]), columns)
        if "group" in table:
            rows.append(group_row(table["group"]))
            rows.append(header_row(table["columns"], spans))
        for row in table["rows"]:
            if "group" in row:
                rows.append(group_row(row["group"]))
                continue
            cells = [
                RegisterCell(merged_above=True) if text is None else RegisterCell(text=text, span=span)
                for text, span in zip(row["cells"], spans[: len(row["cells"])], strict=True)
            ]
            if "status" in row:
                cells.append(
                    RegisterCell(
                        text=row["narrative"],
                        status=row["status"],
                        links=tuple(Link(url, url) for url in row["links"]),
                    )
                )
            rows.append(RegisterRow("item", tuple(cells)))
    return RegisterTable(
        columns=tuple(columns),
        rows=tuple(rows),
        title=tuple(data.get("title", ())),
        closing=tuple(data.get("closing", ())),
    )


def words(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def read_register(path: Path) -> list[tuple[str, list[str | None]]]:
    """The first table of an exported document: per row, the text of each distinct cell (a cell spanning
    several columns counts once); a cell continuing a vertical merge reads ``None``."""
    document = Document(str(path))
    table = document.tables[0]
    out: list[tuple[str, list[str | None]]] = []
    for row in table.rows:
        texts: list[str | None] = []
        for tc in row._tr.tc_lst:
            props = tc.tcPr
            v_merge = props.find(qn("w:vMerge")) if props is not None else None
            if v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue"):
                texts.append(None)
            else:
                texts.append(
                    "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
                )
        out.append(("", texts))
    return out


def hyperlinks(path: Path) -> list[str]:
    """The targets of the document's hyperlinks, in document order."""
    document = Document(str(path))
    part = document.part
    return [part.rels[link.get(qn("r:id"))].target_ref for link in part.element.body.iter(qn("w:hyperlink"))]

"""Helpers shared by the export tests (no tests here).

Expected values come from the bundled JSON files (the original S1-2023 report transcribed), never from the
exporter; the exported document is read back at the XML level (tech.md §2) and with python-docx.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period
from balti_monitor.export.docx_check import Cell, DocBlock, read_blocks
from balti_monitor.export.render import ExportOptions, export_report

ROOT = Path(__file__).resolve().parent.parent
DEMO: dict[str, Any] = json.loads((ROOT / "data" / "demo_2023_S1.json").read_text(encoding="utf-8"))
PLAN: dict[str, Any] = json.loads((ROOT / "data" / "pla_2023_2027.json").read_text(encoding="utf-8"))
SUBDIVISIONS: dict[str, str] = {
    s["code"]: s["name"]
    for s in json.loads((ROOT / "data" / "subdivisions.json").read_text(encoding="utf-8"))["subdivisions"]
}
PLAN_ACTIONS: list[dict[str, Any]] = [a for p in PLAN["priorities"] for a in p["actions"]]
SEED_TITLE = (
    "Raport semestrial privind implementarea\n"
    "Planului local anticorupție pentru anii 2023-2027 în municipiul Bălți,\n"
    "perioada de raport – semestrul I al anului 2023"
)
TOTAL_LABEL = "Total instituții responsabile"


_LIST_LINE = re.compile(r"^\s*([-–—•·▪◦●○■□►‣⁃➢*]|\d{1,2}[.)])\s+(\S.*)$")


def nbsp(text: str) -> str:
    """A value as printed: thousands groups joined by a no-break space ("44 000")."""
    return re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "\u00a0", text)


def expected_paragraphs(description: str) -> list[str]:
    """The paragraphs a description should print as: every non-empty line its own paragraph; a list line as
    its marker, a tab, then its text; thousands groups with no-break spaces."""
    out = []
    for line in description.split("\n"):
        if not line.strip():
            continue
        match = _LIST_LINE.match(line)
        out.append(nbsp(f"{match.group(1)}\t{match.group(2).rstrip()}" if match else line.strip()))
    return out


def demo_action(code: str) -> dict[str, Any]:
    """The plan entry of an action."""
    return next(a for a in PLAN_ACTIONS if a["code"] == code)


@dataclass
class ActionSection:
    """One action as printed: heading, the paragraphs before its table, and the table."""

    code: str
    heading: str
    lines: list[str] = field(default_factory=list)
    caption: str = ""
    table: list[list[Cell]] = field(default_factory=list)

    @property
    def body_rows(self) -> list[list[Cell]]:
        """Subdivision rows (between the two header rows and the Total row)."""
        return self.table[2:-1]

    @property
    def total_row(self) -> list[Cell]:
        """The Total row."""
        return self.table[-1]

    def row_of(self, name: str) -> list[Cell]:
        """The row of one subdivision."""
        matches = [row for row in self.body_rows if row[0].text == name]
        assert len(matches) == 1, f"{self.code}: {len(matches)} rows named {name!r}"
        return matches[0]


_HEADING = re.compile(r"^Acțiunea (\d+\.\d+)\. ")


def action_sections(blocks: list[DocBlock]) -> dict[str, ActionSection]:
    """Every action of an exported report, by code, in document order."""
    sections: dict[str, ActionSection] = {}
    current: ActionSection | None = None
    for block in blocks:
        if block.table is not None:
            if current is not None and not current.table:
                current.table = block.table
            continue
        match = _HEADING.match(block.text)
        if match:
            current = ActionSection(match.group(1), block.text)
            sections[current.code] = current
        elif current is not None and not current.table:
            if block.text.startswith("Progresul în implementarea acțiunii"):
                current.caption = block.text
            else:
                current.lines.append(block.text)
    return sections


def export_copy(
    source_db: Path,
    workdir: Path,
    *,
    options: ExportOptions | None = None,
    prepare: Callable[[Period], None] | None = None,
    name: str = "raport.docx",
) -> tuple[Path, list[DocBlock]]:
    """Copy a demo database, optionally change it, export 2023-S1 and read the document back."""
    db = workdir / "export.sqlite"
    shutil.copyfile(source_db, db)
    open_database(db)
    try:
        period = Period.get((Period.year == 2023) & (Period.semester == 1))
        if prepare is not None:
            prepare(period)
        out = export_report(period, workdir / name, options)
    finally:
        close_database()
    return out, read_blocks(out)


def paragraph_texts(blocks: list[DocBlock]) -> list[str]:
    """The texts of the top-level paragraphs."""
    return [b.text for b in blocks if b.table is None]

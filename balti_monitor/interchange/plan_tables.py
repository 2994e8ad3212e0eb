"""A plan document's tables as dense grids (:class:`SourceTable`), the first step of the plan import.

Every table of a .docx (raw XML through :mod:`docx_tables`: tracked changes, content controls, Word's
automatic numbering, merged cells) or every sheet of an .xlsx (openpyxl, merged ranges); .doc/.odt/.rtf/
.xls/.ods are converted with LibreOffice when it is installed; a PDF is refused. A merged cell is repeated
in every grid cell it covers, marked as a continuation (vertical or horizontal), so columns line up.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balti_monitor.i18n import _
from balti_monitor.interchange.docx_tables import Table, read_docx_blocks
from balti_monitor.interchange.schema import InterchangeError


@dataclass(frozen=True, slots=True)
class SourceCell:
    """One grid cell: its lines (paragraphs, or lines of an Excel cell), Word's list label of its first
    paragraph, and whether it only repeats a merged cell that starts above (``vcont``) or left (``hcont``)."""

    lines: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    vcont: bool = False
    hcont: bool = False

    @property
    def text(self) -> str:
        """The lines joined."""
        return "\n".join(self.lines)


@dataclass(slots=True)
class SourceTable:
    """A table of the document as a dense grid."""

    name: str
    rows: list[list[SourceCell]]

    @property
    def width(self) -> int:
        """Number of grid columns."""
        return max((len(r) for r in self.rows), default=0)


def _word_tables(path: Path) -> list[SourceTable]:
    tables: list[SourceTable] = []
    for block in read_docx_blocks(path):
        if not isinstance(block, Table):
            continue
        grid: list[list[SourceCell]] = []
        for row in block.rows:
            dense: list[SourceCell] = []
            for cell in row:
                while len(dense) < cell.col:
                    dense.append(SourceCell())
                lines = tuple(p.text.strip() for p in cell.paras if p.text.strip())
                numbers = tuple(p.number for p in cell.paras if p.number and p.number_source)
                first = SourceCell(lines, numbers, vcont=cell.continued)
                dense.append(first)
                for _copy in range(cell.span - 1):
                    dense.append(SourceCell(lines, numbers, vcont=cell.continued, hcont=True))
            grid.append(dense)
        tables.append(SourceTable(f"Tabelul {len(tables) + 1}", grid))
    return tables


def _excel_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _excel_tables(path: Path) -> list[SourceTable]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InterchangeError(
            _("Registrul „{name}” nu poate fi citit: {exc}").format(name=path.name, exc=exc)
        ) from exc
    tables: list[SourceTable] = []
    for sheet in book.worksheets:
        merged: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in sheet.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged[(r, c)] = (rng.min_row, rng.min_col)
        grid: list[list[SourceCell]] = []
        for r in range(1, (sheet.max_row or 0) + 1):
            row: list[SourceCell] = []
            for c in range(1, (sheet.max_column or 0) + 1):
                top = merged.get((r, c), (r, c))
                text = _excel_text(sheet.cell(top[0], top[1]).value)
                lines = tuple(line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip())
                row.append(SourceCell(lines, (), vcont=top[0] != r, hcont=top[1] != c))
            grid.append(row)
        if any(cell.lines for row in grid for cell in row):
            tables.append(SourceTable(f"Foaia „{sheet.title}”", grid))
    return tables


def libreoffice() -> str | None:
    """The LibreOffice program, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _converted(path: Path, target: str, folder: Path) -> Path:
    program = libreoffice()
    if program is None:
        raise InterchangeError(
            _(
                "„{name}” trebuie mai întâi convertit, dar LibreOffice nu este instalat pe acest calculator. Deschideți-l în Word și salvați-l ca .{target}, apoi importați copia."
            ).format(name=path.name, target=target)
        )
    try:
        subprocess.run(
            [program, "--headless", "--convert-to", target, "--outdir", str(folder), str(path)],
            check=True,
            capture_output=True,
            timeout=180,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise InterchangeError(
            _("LibreOffice nu a putut converti „{name}”: {exc}").format(name=path.name, exc=exc)
        ) from exc
    out = folder / f"{path.stem}.{target}"
    if not out.is_file():
        raise InterchangeError(_("LibreOffice nu a putut converti „{name}”.").format(name=path.name))
    return out


def read_tables(path: Path | str) -> list[SourceTable]:
    """Every table of a Word document or every sheet of an Excel workbook."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise InterchangeError(
            _(
                "„{name}” este un PDF: tabelele lui nu pot fi citite sigur; cereți documentul Word original."
            ).format(name=path.name)
        )
    if not path.is_file():
        raise InterchangeError(_("Fișierul „{path}” nu există.").format(path=path))
    if suffix in (".doc", ".odt", ".rtf", ".xls", ".ods"):
        target = "docx" if suffix in (".doc", ".odt", ".rtf") else "xlsx"
        with tempfile.TemporaryDirectory() as folder:
            return read_tables(_converted(path, target, Path(folder)))
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _excel_tables(path)
        if suffix == ".docx":
            return _word_tables(path)
    except InterchangeError:
        raise
    except Exception as exc:  # a damaged package
        raise InterchangeError(
            _("„{name}” nu poate fi citit: {exc}").format(name=path.name, exc=exc)
        ) from exc
    raise InterchangeError(
        _("„{name}”: se pot importa documente Word (.docx) și registre Excel (.xlsx){value}").format(
            name=path.name, value=_(" (și .doc/.odt/.xls/.ods prin LibreOffice).") if libreoffice() else "."
        )
    )

"""The change log of a period as an Excel workbook (one row per change, filters on, the header frozen)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from balti_monitor.export.xlsx_file import save_workbook
from balti_monitor.i18n import _, report_texts
from balti_monitor.services.audit import LogEntry

HEADERS = (
    "Data și ora",
    "Cine",
    "Sursa",
    "Ce",
    "Perioada",
    "Acțiunea",
    "Subdiviziunea",
    "Coloana",
    "Câmpul",
    "Text vechi",
    "Text nou",
    "Notă",
)
WIDTHS = (19, 20, 18, 20, 10, 10, 14, 9, 22, 40, 40, 30)


def log_rows(entries: Sequence[LogEntry]) -> list[list[object]]:
    """The rows of the table (shared by the workbook and the text output)."""
    return [
        [
            entry.at.strftime("%Y-%m-%d %H:%M:%S"),
            entry.who or _("necunoscut"),
            entry.source_label,
            entry.kind_label,
            entry.period,
            entry.action,
            entry.subdivision,
            "" if entry.column is None else entry.column,
            entry.field_label,
            entry.shown(entry.old_text),
            entry.shown(entry.new_text),
            entry.note,
        ]
        for entry in entries
    ]


def write_log_xlsx(entries: Sequence[LogEntry], out_path: Path, title: str) -> Path:
    """Write ``entries`` to ``out_path`` (.xlsx), through a temporary file; raw texts are kept verbatim
    (a text starting with "=" stays text, never a formula)."""
    from openpyxl import Workbook  # loaded only when a log is exported
    from openpyxl.styles import Alignment, Font

    out_path = Path(out_path)
    if out_path.suffix.lower() != ".xlsx":
        out_path = out_path.with_name(out_path.name + ".xlsx")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Jurnal"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    with report_texts():  # a document: Romanian whatever the interface language
        rows = log_rows(entries)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:L{max(sheet.max_row, 2)}"
    return save_workbook(book, out_path, _("Jurnalul nu a putut fi salvat"))

""" "Lista restanțierilor" as an Excel workbook: one row per return a subdivision still owes, with the
deadline, and a sheet with the plain-text message of each subdivision (to paste into an e-mail)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from balti_monitor.export.xlsx_file import save_workbook
from balti_monitor.i18n import _, report_texts
from balti_monitor.services.completeness import Completeness, describe_owed, overdue_text


def write_overdue_xlsx(overview: Completeness, out_path: Path, deadline: str = "") -> Path:
    """Write the list (through a temporary file); every text is stored as text, never a formula."""
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".xlsx":
        out_path = out_path.with_name(out_path.name + ".xlsx")
    with report_texts():  # a document for the subdivisions: Romanian whatever the interface language
        book = _overdue_book(overview, deadline)
    return save_workbook(book, out_path, _("Lista nu a putut fi salvată"))


def _overdue_book(overview: Completeness, deadline: str) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Restanțieri"
    sheet.append([f"Lista restanțierilor — perioada {overview.period_code}"])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(["Subdiviziunea", "Abrevierea", "Acțiunea", "Ce lipsește", "Starea", "Termen"])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for line in overview.subdivisions:
        for owed in overview.owed(line.id):
            sheet.append([line.name, line.code, owed.action_code, describe_owed(owed), owed.label, deadline])
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"
    for column, width in zip("ABCDEF", (40, 12, 10, 45, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = f"A2:F{max(sheet.max_row, 2)}"
    texts = book.create_sheet("Mesaje")
    texts.append(["Subdiviziunea", "Mesaj (de copiat în e-mail)"])
    for cell in texts[1]:
        cell.font = Font(bold=True)
    names = {line.id: line.name for line in overview.subdivisions}
    for sub_id, message in overdue_text(overview, deadline).items():
        texts.append([names[sub_id], message])
        texts.cell(texts.max_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
        texts.cell(texts.max_row, 2).data_type = "s"
    texts.column_dimensions["A"].width = 40
    texts.column_dimensions["B"].width = 90
    return book

"""The openpyxl workbook of one return form: cover sheet, the "Retur" sheet and the hidden "_id" sheet.

* the cover sheet "Instrucțiuni": subdivision, period, the deadline for sending it back and how to fill it;
* the sheet "Retur": per action the subdivision answers, a header row (code, title, implementation
  deadline), a row for the measures taken (description) and one row per progress indicator, with the F/B
  columns where the indicator is gender-split and, optionally, last period's value in a read-only column.
  Structure cells are locked, value cells unlocked; numeric indicators and F/B cells carry data
  validation; widths, wrapping, row heights and the print setup keep it readable on paper;
* a hidden sheet "_id" with the plan, period and subdivision codes, a form id, and per row the
  fingerprint of the value it held when generated, signed with the plan's secret
  (:mod:`forms_common`), plus a hidden key column in "Retur", so :mod:`forms_in` recognises every row
  however the sheet was re-ordered or reformatted.

Values are written as text cells, never as formulas, whatever they start with.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from balti_monitor.interchange.forms_common import (
    COL_ANSWER,
    COL_CODE,
    COL_KEY,
    COL_LABEL,
    COL_MEN,
    COL_PREVIOUS,
    COL_QUESTION,
    COL_VALUE,
    COL_WOMEN,
    COLUMN_MARKER,
    COVER_SHEET,
    EXCEL_CELL_LIMIT,
    FORM_FORMAT,
    FORM_SHEET,
    FORM_VERSION,
    HEADER_FIELDS,
    ID_SHEET,
    SignedRow,
    count_phrase,
    fingerprint,
    format_date,
    key_id,
    sign,
    to_cell,
)
from balti_monitor.interchange.forms_content import FormContent

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_ACTION_FILL = PatternFill("solid", fgColor="DDEBF7")
_LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
_OPTIONAL_FILL = PatternFill("solid", fgColor="FAFAFA")
_INPUT_FILL = PatternFill("solid", fgColor="FFFFFF")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, vertical="top", horizontal="center")
_UNLOCKED = Protection(locked=False)
_LOCKED = Protection(locked=True)
_BOLD = Font(bold=True)

# Column letters of the "Retur" sheet and their widths (Excel character units).
_COLUMNS = {
    COL_KEY: ("A", 6.0),
    COL_CODE: ("B", 10.0),
    COL_LABEL: ("C", 56.0),
    COL_VALUE: ("D", 46.0),
    COL_WOMEN: ("E", 10.0),
    COL_MEN: ("F", 10.0),
    COL_PREVIOUS: ("G", 34.0),
    COL_QUESTION: ("H", 34.0),
    COL_ANSWER: ("I", 40.0),
}
_FIRST_DATA_ROW = 5
_LINE_HEIGHT = 15.0
_MAX_ROW_HEIGHT = 409.0
_DESCRIPTION_MIN_HEIGHT = 75.0


def _col(name: str) -> str:
    return _COLUMNS[name][0]


def _text(cell: Cell, text: str) -> None:
    """Write a text cell: never a formula (text starting with "=" stays text), never a number; characters a
    cell cannot hold as visible escapes (:func:`to_cell`), read back to the same text."""
    cell.value = to_cell(text)
    cell.data_type = "s"
    cell.number_format = "@"


def _lines(text: str, width: float) -> int:
    """How many printed lines a wrapped text takes in a column of ``width`` characters (an estimate)."""
    per_line = max(8, int(width * 1.1))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")) if text else 1


def _height(cells: Iterable[tuple[str, float]], minimum: float = _LINE_HEIGHT) -> float:
    lines = max((_lines(text, width) for text, width in cells), default=1)
    return min(_MAX_ROW_HEIGHT, max(minimum, lines * _LINE_HEIGHT))


_NUMERIC_PROMPT = (
    "Scrieți numărul realizat în perioadă, eventual cu unitatea (de ex. „12” sau „12 instruiri”). "
    "0 dacă nu au fost cazuri; „Nu este cazul” dacă indicatorul nu vi se aplică."
)
_NUMERIC_ERROR = (
    "Indicatorul cere un număr (de ex. „12 instruiri”). Dacă nu au fost cazuri scrieți 0, "
    "dacă nu vi se aplică scrieți „Nu este cazul”. Păstrați totuși textul?"
)
_FB_PROMPT = "Numărul de femei (F) / bărbați (B): un număr întreg, 0 sau mai mare."
_FB_ERROR = "Scrieți un număr întreg, 0 sau mai mare."


def _deadline_text(deadline: str) -> str:
    return f"Termen de realizare: {deadline}" if deadline.strip() else ""


def _numeric_validation(ref: str) -> DataValidation:
    formula = (
        f'OR(TRIM({ref})="",ISNUMBER({ref}),ISNUMBER(-LEFT(TRIM({ref}),1)),'
        f'ISNUMBER(SEARCH("cazul",{ref})),ISNUMBER(SEARCH("aplic",{ref})))'
    )
    dv = DataValidation(
        type="custom",
        formula1=formula,
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="warning",
        promptTitle="Valoare numerică",
        prompt=_NUMERIC_PROMPT,
        errorTitle="Valoare fără număr",
        error=_NUMERIC_ERROR,
    )
    dv.add(ref)
    return dv


def _build_form_sheet(ws: Worksheet, content: FormContent, include_previous: bool) -> tuple[int, int]:
    """Fill the "Retur" sheet; returns (prefilled rows, rows with a previous value)."""
    columns = [COL_KEY, COL_CODE, COL_LABEL, COL_VALUE, COL_WOMEN, COL_MEN]
    if include_previous:
        columns.append(COL_PREVIOUS)
    asking = content.questions > 0
    if asking:  # open follow-ups go out in "Observații"; the answer typed beside each comes back
        columns += [COL_QUESTION, COL_ANSWER]
    for name in columns:
        letter, width = _COLUMNS[name]
        ws.column_dimensions[letter].width = width
    ws.column_dimensions[_col(COL_KEY)].hidden = True
    last = _col(columns[-1])

    _text(
        ws[f"{_col(COL_CODE)}1"],
        f"Returul subdiviziunii: {content.subdivision_name} — {content.period_label}",
    )
    ws[f"{_col(COL_CODE)}1"].font = Font(bold=True, size=13)
    ws[f"{_col(COL_CODE)}2"] = (
        f"Termen de returnare: {format_date(content.deadline)}. Completați doar celulele albe; "
        f"instrucțiunile sunt în foaia „{COVER_SHEET}”."
    )
    ws[f"{_col(COL_CODE)}2"].font = Font(italic=True)

    headers = {
        COL_KEY: "Cheie",
        COL_CODE: "Acțiunea",
        COL_LABEL: "Ce se raportează",
        COL_VALUE: "Valoarea realizată în perioadă / descrierea",
        COL_WOMEN: "Femei (F)",
        COL_MEN: "Bărbați (B)",
        COL_PREVIOUS: f"Raportat în {content.previous_code} (doar informativ)",
        COL_QUESTION: "Observații (de clarificat)",
        COL_ANSWER: "Răspunsul dumneavoastră la observații",
    }
    for name in columns:
        cell = ws[f"{_col(name)}3"]
        cell.value = headers[name]
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER
        cell.border = _BORDER
    ws.row_dimensions[3].height = 32
    # Hidden row naming the columns: the reader finds its columns by these ids, not by position.
    _text(ws[f"{_col(COL_KEY)}4"], COLUMN_MARKER)
    for name in columns[1:]:
        _text(ws[f"{_col(name)}4"], name)
    ws.row_dimensions[4].hidden = True

    fb_cells: list[str] = []
    prefilled = previous_values = 0
    r = _FIRST_DATA_ROW
    value_width = _COLUMNS[COL_VALUE][1]
    wide_width = value_width + _COLUMNS[COL_WOMEN][1] + _COLUMNS[COL_MEN][1]
    label_width = _COLUMNS[COL_LABEL][1]
    previous_width = _COLUMNS[COL_PREVIOUS][1]
    for action in content.actions:
        # Action header row: code, title and implementation deadline.
        title = action.title + (f"\n{_deadline_text(action.deadline)}" if action.deadline.strip() else "")
        _text(ws[f"{_col(COL_CODE)}{r}"], action.code)
        _text(ws[f"{_col(COL_LABEL)}{r}"], title)
        ws.merge_cells(f"{_col(COL_LABEL)}{r}:{last}{r}")
        for name in columns[1:]:
            cell = ws[f"{_col(name)}{r}"]
            cell.fill = _ACTION_FILL
            cell.font = _BOLD
            cell.alignment = _WRAP
            cell.border = _BORDER
        span = label_width + value_width + 20 + (previous_width if include_previous else 0)
        span += (_COLUMNS[COL_QUESTION][1] + _COLUMNS[COL_ANSWER][1]) if asking else 0
        ws.row_dimensions[r].height = _height([(title, span)])
        r += 1
        for row in action.rows:
            shown = row.current if row.prefill else ""
            _text(ws[f"{_col(COL_KEY)}{r}"], row.key)
            _text(ws[f"{_col(COL_CODE)}{r}"], row.action_code)
            label = row.label
            if row.number is not None and not row.assigned:
                label += "\n(indicator atribuit altor subdiviziuni — completați doar dacă aveți date)"
            _text(ws[f"{_col(COL_LABEL)}{r}"], label)
            value = ws[f"{_col(COL_VALUE)}{r}"]
            _text(value, shown)
            value.protection = _UNLOCKED
            value.fill = _INPUT_FILL
            if shown:
                prefilled += 1
            cells = [(label, label_width)]
            if row.number is None:
                ws.merge_cells(f"{_col(COL_VALUE)}{r}:{_col(COL_MEN)}{r}")
                cells.append((shown, wide_width))
            else:
                cells.append((shown, value_width))
                for name in (COL_WOMEN, COL_MEN):
                    cell = ws[f"{_col(name)}{r}"]
                    if row.gender_split:
                        cell.protection = _UNLOCKED
                        cell.fill = _INPUT_FILL
                        cell.number_format = "0"
                        fb_cells.append(cell.coordinate)
                    else:
                        cell.fill = _LOCKED_FILL
                if row.numeric:
                    ws.add_data_validation(_numeric_validation(value.coordinate))
            if include_previous:
                previous = row.previous or ""
                if len(previous) > EXCEL_CELL_LIMIT:
                    previous = previous[: EXCEL_CELL_LIMIT - 1] + "…"
                cell = ws[f"{_col(COL_PREVIOUS)}{r}"]
                _text(cell, previous)
                cell.fill = _LOCKED_FILL
                cell.font = Font(italic=True, color="595959")
                cells.append((previous, previous_width))
                if previous.strip():
                    previous_values += 1
            if asking:
                question = ws[f"{_col(COL_QUESTION)}{r}"]
                _text(question, row.question)
                question.fill = _LOCKED_FILL
                answer = ws[f"{_col(COL_ANSWER)}{r}"]
                if row.question:
                    question.font = Font(bold=True, color="9C2A00")
                    answer.protection = _UNLOCKED
                    answer.fill = _INPUT_FILL
                    cells.append((row.question, _COLUMNS[COL_QUESTION][1]))
                else:
                    answer.fill = _LOCKED_FILL
            for name in columns[1:]:
                cell = ws[f"{_col(name)}{r}"]
                cell.alignment = _CENTER if name in (COL_CODE, COL_WOMEN, COL_MEN) else _WRAP
                cell.border = _BORDER
                if not row.assigned and name in (COL_CODE, COL_LABEL):
                    cell.fill = _OPTIONAL_FILL
            minimum = _DESCRIPTION_MIN_HEIGHT if row.number is None else _LINE_HEIGHT * 2
            ws.row_dimensions[r].height = _height(cells, minimum)
            r += 1
    if fb_cells:
        dv = DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showInputMessage=True,
            showErrorMessage=True,
            errorStyle="stop",
            promptTitle="Femei / bărbați",
            prompt=_FB_PROMPT,
            errorTitle="Număr întreg",
            error=_FB_ERROR,
        )
        for ref in fb_cells:
            dv.add(ref)
        ws.add_data_validation(dv)

    ws.freeze_panes = f"A{_FIRST_DATA_ROW}"
    ws.protection = _sheet_protection()
    ws.print_title_rows = "3:3"
    _print_setup(ws, landscape=True)
    ws.oddFooter.left.text = f"{content.subdivision_code} · {content.period_code}"
    ws.oddFooter.center.text = "Pagina &P din &N"
    return prefilled, previous_values


def _sheet_protection() -> SheetProtection:
    # True = forbidden. Resizing rows/columns and inserting rows stay allowed (added rows are ignored).
    return SheetProtection(
        sheet=True,
        formatCells=True,
        formatRows=False,
        formatColumns=False,
        insertColumns=True,
        insertRows=False,
        deleteColumns=True,
        deleteRows=True,
        selectLockedCells=False,
        selectUnlockedCells=False,
    )


def _print_setup(ws: Worksheet, *, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.8
    ws.page_margins.footer = 0.3


def _instructions(content: FormContent, include_previous: bool) -> list[str]:
    steps = [
        f"Completați foaia „{FORM_SHEET}”. Doar celulele albe pot fi modificate; celelalte sunt protejate.",
        "Pentru fiecare acțiune, descrieți pe scurt în rândul „Măsurile întreprinse” ce s-a făcut în perioadă.",
        "Pentru fiecare indicator de progres scrieți valoarea realizată în perioadă, cu unitatea de măsură "
        "(de exemplu „12 instruiri”). Scrieți 0 dacă nu au fost cazuri și „Nu este cazul” dacă indicatorul "
        "nu vi se aplică; nu folosiți „-” în loc de 0.",
        "La indicatorii cu perspectivă de gen completați și coloanele „Femei (F)” și „Bărbați (B)” cu numere "
        "întregi. Dacă lăsați valoarea necompletată, totalul se calculează din F și B.",
        "Valorile deja înregistrate la primărie apar precompletate: corectați-le dacă este nevoie. "
        "O celulă golită înseamnă că valoarea se șterge.",
    ]
    if include_previous and content.previous_code:
        steps.append(
            f"Coloana „Raportat în {content.previous_code}” arată ce ați raportat în perioada precedentă, "
            "doar pentru informare; nu o copiați dacă nu este valabilă și pentru această perioadă."
        )
    if content.questions:
        steps.append(
            f"Coloana „Observații” arată ce vă rugăm să clarificați "
            f"({count_phrase(content.questions, 'rând', 'rânduri')}). Scrieți răspunsul în celula albă de "
            "alături, „Răspunsul dumneavoastră la observații”, și corectați valoarea dacă este cazul."
        )
    steps += [
        "Nu ștergeți și nu mutați coloanele, nu redenumiți foile și nu modificați textele gri. Puteți lărgi "
        "coloanele, mări rândurile sau insera rânduri goale.",
        f"Salvați fișierul ca registru Excel (.xlsx), fără parolă, și trimiteți-l înapoi până la "
        f"{format_date(content.deadline)}.",
    ]
    return steps


def _build_cover(
    ws: Worksheet, content: FormContent, generated_at: dt.datetime, include_previous: bool, contact: str
) -> None:
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 92
    ws["A1"] = "Primăria municipiului Bălți"
    ws["A1"].font = _BOLD
    _text(ws["A2"], content.plan_title)
    ws["A4"] = "RETURUL SUBDIVIZIUNII"
    ws["A4"].font = Font(bold=True, size=14)
    ws["A5"] = "Informație privind realizarea acțiunilor Planului local anticorupție"
    facts = [
        ("Subdiviziunea", content.subdivision_name),
        (
            "Perioada de raportare",
            f"{content.period_label} ({format_date(content.period_start)} – {format_date(content.period_end)})",
        ),
        ("Termenul de returnare", format_date(content.deadline)),
        (
            "De raportat",
            f"{count_phrase(len(content.actions), 'acțiune', 'acțiuni')}, "
            f"{count_phrase(content.indicator_count, 'indicator de progres', 'indicatori de progres')}",
        ),
        ("Formular generat", generated_at.strftime("%d.%m.%Y, %H:%M")),
    ]
    if contact.strip():
        facts.append(("Persoana de contact", contact.strip()))
    r = 7
    for label, value in facts:
        ws[f"A{r}"] = label
        ws[f"A{r}"].font = _BOLD
        _text(ws[f"B{r}"], value)
        ws[f"B{r}"].alignment = _WRAP
        if label == "Termenul de returnare":
            ws[f"B{r}"].font = Font(bold=True, color="C00000")
        r += 1
    r += 1
    ws[f"A{r}"] = "Cum se completează"
    ws[f"A{r}"].font = Font(bold=True, size=12)
    r += 1
    for number, step in enumerate(_instructions(content, include_previous), start=1):
        ws[f"A{r}"] = f"{number}."
        ws[f"A{r}"].alignment = Alignment(horizontal="right", vertical="top")
        _text(ws[f"B{r}"], step)
        ws[f"B{r}"].alignment = _WRAP
        ws.row_dimensions[r].height = _height([(step, 92)])
        r += 1
    ws.protection = _sheet_protection()
    _print_setup(ws, landscape=False)


def build_workbook(
    content: FormContent,
    *,
    secret: bytes,
    form_id: str,
    generated_at: dt.datetime,
    include_previous: bool = False,
    contact: str = "",
) -> Workbook:
    """The workbook of one form (not saved)."""
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = COVER_SHEET
    _build_cover(
        cover, content, generated_at, include_previous and content.previous_code is not None, contact
    )
    form = wb.create_sheet(FORM_SHEET)
    _build_form_sheet(form, content, include_previous and content.previous_code is not None)

    header = {
        "format": FORM_FORMAT,
        "version": str(FORM_VERSION),
        "plan": content.plan_code,
        "period": content.period_code,
        "subdivision": content.subdivision_code,
        "form_id": form_id,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "key_id": key_id(secret),
    }
    rows = [
        SignedRow(row.key, fingerprint(row.current), row.prefill or not row.current.strip())
        for row in content.rows
    ]
    ids = wb.create_sheet(ID_SHEET)
    r = 1
    for name in HEADER_FIELDS:
        _text(ids[f"A{r}"], name)
        _text(ids[f"B{r}"], header[name])
        r += 1
    _text(ids[f"A{r}"], "signature")
    _text(ids[f"B{r}"], sign(secret, header, rows))
    r += 2
    for col, title in zip("ABC", ("key", "base", "shown"), strict=True):
        _text(ids[f"{col}{r}"], title)
    for row in rows:
        r += 1
        _text(ids[f"A{r}"], row.key)
        _text(ids[f"B{r}"], row.base)
        _text(ids[f"C{r}"], "1" if row.shown else "0")
    ids.sheet_state = "veryHidden"
    ids.protection = _sheet_protection()

    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = to_cell(f"Retur {content.subdivision_code} {content.period_code}")
    wb.properties.subject = to_cell(content.plan_title)
    wb.properties.creator = "Bălți Monitor"
    return wb

"""Opening and recognising a returned form workbook, before any comparison with the database.

Reading never trusts cell positions: the hidden "_id" sheet names the plan, period and subdivision and
lists the signed row keys; the "Retur" sheet's hidden key column says which row is which, and a hidden
column-id row says which column is which. Rows may be re-ordered, blank rows added, and Excel or
LibreOffice may reformat the file; what counts is the key and the text in the value cells.

Refused (:class:`FormRefused`, with a Romanian message): a password-protected (encrypted CFB) or
old-format file, a file that is not a workbook or is damaged, a workbook that is not one of our forms, a
form generated from another database, a form whose identifiers were tampered with (signature mismatch),
and a form of another plan or period. Formulas are never evaluated: a cell holding ``=…`` comes back as
that text. Macros (``keep_vba=False``) and external links (``keep_links=False``) are ignored.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import stat
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from balti_monitor.db.models import Period, Plan, Subdivision
from balti_monitor.domain.values import parse_value
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.interchange.forms_common import (
    COL_ANSWER,
    COL_KEY,
    COL_MEN,
    COL_VALUE,
    COL_WOMEN,
    COLUMN_MARKER,
    EXCEL_CELL_LIMIT,
    FORM_FORMAT,
    FORM_SHEET,
    FORM_VERSION,
    HEADER_FIELDS,
    ID_SHEET,
    SignedRow,
    from_cell,
    key_id,
    plan_secret,
    signature_matches,
)
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import find_period, key_of, parse_period_code

MAX_FILE_SIZE = 10 * 1024 * 1024  # a return form is a few dozen kilobytes
MAX_SHEET_ROWS = 20_000
_CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = b"PK\x03\x04"
_DEFAULT_COLUMNS = {COL_KEY: 0, COL_VALUE: 3, COL_WOMEN: 4, COL_MEN: 5}  # A, D, E, F
_WHOLE = re.compile(r"^\d{1,9}$")

MSG_NOT_OURS = N_(
    "Registrul nu este un formular de retur Bălți Monitor (lipsește foaia de identificare). Folosiți formularul generat de program pentru subdiviziune."
)
MSG_TAMPERED = N_(
    "Identificatorii ascunși ai formularului au fost modificați (semnătura nu se potrivește); formularul nu poate fi importat. Cereți subdiviziunii să completeze un formular nou."
)


class FormRefused(BaltiMonitorError):
    """A file that cannot be imported; ``str(exc)`` is the Romanian reason."""


# ------------------------------------------------------------------------------------------------------
# Reading a workbook (no database)
# ------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class SheetRow:
    key: str
    sheet_row: int
    value: str
    women: Any
    men: Any
    warnings: list[str]
    answer: str = ""  # typed beside the row's "Observații" (the answer to its follow-ups)


@dataclass(slots=True)
class RawForm:
    header: dict[str, str]
    signature: str
    signed: list[SignedRow]
    rows: list[SheetRow]
    stray: list[int]  # sheet rows with data but no key


def _plain(value: Any) -> str:
    """A cell of the "_id" sheet as text (LibreOffice may have turned digits into numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def spreadsheet_text(value: Any) -> tuple[str, str | None]:
    """The text a user typed, from what the spreadsheet stored, and a warning when it cannot be sure.

    Numbers come back as typed ("10", not "10.0"; "2,5" with the Romanian comma); a formula comes back as
    its text ("=5+3"), never evaluated; dates that Excel made of the input are written dd.mm.yyyy.
    """
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("ADEVĂRAT" if value else "FALS"), None
    if isinstance(value, int):
        _plausible(value)
        return str(value), None
    if isinstance(value, float):
        _plausible(value)
        # Excel keeps 15 significant digits and shows no more: 0.30000000000000004 is the "0,3" typed.
        return _decimal_text(Decimal(format(value, ".15g"))), None
    if isinstance(value, Decimal):
        _plausible(value)
        return _decimal_text(value), None
    if isinstance(value, dt.datetime):
        shown = value.strftime("%d.%m.%Y") if value.time() == dt.time() else value.strftime("%d.%m.%Y %H:%M")
        return shown, _("Excel a transformat valoarea în dată ({shown}); verificați-o.").format(shown=shown)
    if isinstance(value, dt.date):
        shown = value.strftime("%d.%m.%Y")
        return shown, _("Excel a transformat valoarea în dată ({shown}); verificați-o.").format(shown=shown)
    if isinstance(value, dt.time):
        shown = value.strftime("%H:%M")
        return shown, _("Excel a transformat valoarea în oră ({shown}); verificați-o.").format(shown=shown)
    text = getattr(value, "text", None)  # ArrayFormula / DataTableFormula
    if isinstance(text, str):
        return text, None
    return str(value), None


MAX_NUMBER = 10**15  # no indicator counts beyond this; larger figures are a damaged or forged cell


class CellProblem(ValueError):
    """A cell whose content cannot be imported; ``str(exc)`` is the Romanian reason (without the cell)."""


def _plausible(value: float | int | Decimal) -> None:
    """Refuse a number no return can hold: NaN, infinite, or beyond 10^15 in size."""
    if isinstance(value, float) and not math.isfinite(value):
        raise CellProblem(_("conține o valoare numerică invalidă (NaN sau infinit)"))
    if isinstance(value, Decimal) and not value.is_finite():
        raise CellProblem(_("conține o valoare numerică invalidă (NaN sau infinit)"))
    if abs(Decimal(value)) >= MAX_NUMBER:
        raise CellProblem(_("conține un număr prea mare pentru un retur (peste 10^15)"))


def _sniff(path: Path) -> None:
    """Refuse what is not an .xlsx before parsing it."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise FormRefused(_("Nu este un fișier obișnuit (este un dispozitiv, o conductă sau un socket)."))
        size = info.st_size
        if size > MAX_FILE_SIZE:
            raise FormRefused(
                _("Fișierul este prea mare pentru un formular de retur ({value} MB).").format(
                    value=size // (1024 * 1024)
                )
            )
        with path.open("rb") as fh:
            head = fh.read(8)
            # An encrypted (password-protected) OOXML file is a CFB container with an "EncryptionInfo"
            # stream; an old .xls is a CFB container without one.
            encrypted = head == _CFB_MAGIC and "EncryptionInfo".encode("utf-16-le") in fh.read()
    except FileNotFoundError:
        raise FormRefused(_("Fișierul nu există.")) from None
    except IsADirectoryError:
        raise FormRefused(_("Este un dosar, nu un fișier.")) from None
    except OSError as exc:
        raise FormRefused(
            _("Fișierul nu poate fi citit: {value}.").format(value=exc.strerror or exc)
        ) from None
    if size == 0:
        raise FormRefused(_("Fișierul este gol."))
    if encrypted:
        raise FormRefused(
            _(
                "Fișierul este protejat cu parolă. Deschideți-l în Excel, eliminați parola (Fișier › Informații › Protejare registru › Criptare cu parolă), salvați-l și importați-l din nou."
            )
        )
    if head == _CFB_MAGIC:
        raise FormRefused(
            _(
                "Fișierul este în formatul vechi Excel 97-2003 (.xls); salvați-l ca registru Excel (.xlsx) și importați-l din nou."
            )
        )
    if head[:4] != _ZIP_MAGIC:
        raise FormRefused(_("Fișierul nu este un registru Excel (.xlsx)."))


def _column_map(rows: list[tuple[Any, ...]]) -> tuple[dict[str, int], int] | None:
    """Find the hidden column-id row: {column id: index}, and its row number."""
    for number, row in enumerate(rows[:60], start=1):
        for index, value in enumerate(row):
            if isinstance(value, str) and value.strip() == COLUMN_MARKER:
                columns = {COL_KEY: index}
                for j, name in enumerate(row):
                    if isinstance(name, str) and j != index and name.strip():
                        columns[name.strip()] = j
                return columns, number
    return None


def _read_id_sheet(rows: Iterable[tuple[Any, ...]]) -> tuple[dict[str, str], str, list[SignedRow]]:
    header: dict[str, str] = {}
    signature = ""
    signed: list[SignedRow] = []
    in_rows = False
    for row in rows:
        cells = [_plain(v) for v in row[:3]] + ["", "", ""]
        a, b, c = cells[0], cells[1], cells[2]
        if not in_rows:
            if a == "key" and b == "base":
                in_rows = True
            elif a in HEADER_FIELDS:
                header[a] = b
            elif a == "signature":
                signature = b
            continue
        if a:
            signed.append(SignedRow(a, b, c == "1"))
    return header, signature, signed


MAX_MEMBERS = 300  # parts of the .xlsx archive; a form saved by Excel or LibreOffice has a few dozen
MAX_MEMBER_SIZE = 16 * 1024 * 1024  # uncompressed bytes of one part; a real form is well under 1 MB in all
MAX_TOTAL_SIZE = 32 * 1024 * 1024  # uncompressed bytes of all parts


def _check_archive(path: Path) -> None:
    """Refuse a workbook whose parts are far beyond any real form, before parsing it (a few hundred KB of
    zip can unpack to hundreds of MB). The sizes are the ones the archive declares, which the reader then
    enforces: Python's zip reader never returns more bytes than a part declares."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise FormRefused(
            _("Fișierul este deteriorat: nu poate fi deschis ca registru Excel (.xlsx).")
        ) from None
    if len(members) > MAX_MEMBERS:
        raise FormRefused(
            ngettext(
                "Registrul are {n_members} parte internă, mult mai multe decât un formular de retur (cel mult {MAX_MEMBERS}); nu a fost deschis.",
                "Registrul are {n_members} părți interne, mult mai multe decât un formular de retur (cel mult {MAX_MEMBERS}); nu a fost deschis.",
                len(members),
            ).format(n_members=len(members), MAX_MEMBERS=MAX_MEMBERS)
        )
    biggest = max(members, key=lambda m: m.file_size, default=None)
    total = sum(m.file_size for m in members)
    if biggest is not None and biggest.file_size > MAX_MEMBER_SIZE:
        raise FormRefused(
            _(
                "Partea internă „{filename}” a registrului ar ocupa {value} MB după dezarhivare, mult peste un formular de retur (sub 1 MB); nu a fost deschis."
            ).format(filename=biggest.filename[:80], value=biggest.file_size // (1024 * 1024))
        )
    if total > MAX_TOTAL_SIZE:
        raise FormRefused(
            _(
                "Registrul ar ocupa {value} MB după dezarhivare, mult peste un formular de retur (sub 1 MB); nu a fost deschis."
            ).format(value=total // (1024 * 1024))
        )


_NUMBER_CELL = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"([^>]*)>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?<v>([^<]*)</v>'
)
_NUMBER = re.compile(rb"^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$")


def _bad_number_cells(path: Path) -> str | None:
    """When the spreadsheet reader gave up: the cells holding a "number" that is none (NaN, INF, text), for
    a refusal that names them. None when that is not why (the file is damaged in another way)."""
    bad: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                for match in _NUMBER_CELL.finditer(archive.read(name)):
                    kind = re.search(rb'\bt="([^"]*)"', match.group(2))
                    if kind is not None and kind.group(1) != b"n":
                        continue
                    if not _NUMBER.match(match.group(3).strip()):
                        bad.append(match.group(1).decode("ascii"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if not bad:
        return None
    cells = ", ".join(f"celula {c}" for c in bad[:5])
    return _(
        "Foaia formularului are valori numerice invalide (NaN, infinit sau text în loc de număr): {cells}."
    ).format(cells=cells)


def read_workbook(path: Path) -> RawForm:
    """Parse a returned form (no database access). Raises :class:`FormRefused`."""
    _sniff(path)
    _check_archive(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=False, keep_vba=False, keep_links=False)
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        raise FormRefused(
            _("Fișierul este deteriorat: nu poate fi deschis ca registru Excel (.xlsx).")
        ) from None
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, XML errors) for broken files
        raise FormRefused(_("Fișierul este deteriorat sau nu este un registru Excel valid.")) from None
    try:
        names = wb.sheetnames
        if ID_SHEET not in names:
            raise FormRefused(_(MSG_NOT_OURS))
        try:
            header, signature, signed = _read_id_sheet(wb[ID_SHEET].iter_rows(values_only=True))
            form_rows: list[tuple[Any, ...]] = []
            found: tuple[dict[str, int], int] | None = None
            # The form sheet first (it is where the generator puts it), then any other a user renamed it to.
            for name in sorted(names, key=lambda n: n != FORM_SHEET):
                if name == ID_SHEET:
                    continue
                rows = list(wb[name].iter_rows(values_only=True, max_row=MAX_SHEET_ROWS + 1))
                found = _column_map(rows)
                if found is not None:
                    form_rows = rows
                    break
            if found is None and FORM_SHEET in names:
                form_rows = list(wb[FORM_SHEET].iter_rows(values_only=True, max_row=MAX_SHEET_ROWS + 1))
                found = (dict(_DEFAULT_COLUMNS), 0)
        except FormRefused:
            raise
        except Exception:
            raise FormRefused(
                _bad_number_cells(path) or _("Fișierul este deteriorat sau nu este un registru Excel valid.")
            ) from None
    finally:
        wb.close()
    if header.get("format") != FORM_FORMAT:
        raise FormRefused(_(MSG_NOT_OURS))
    version = header.get("version", "")
    if version.isdigit() and int(version) > FORM_VERSION:
        raise FormRefused(
            _(
                "Formularul a fost generat de o versiune mai nouă a programului (formular versiunea {version}); actualizați Bălți Monitor."
            ).format(version=version)
        )
    if found is None:
        raise FormRefused(
            _("Foaia „{FORM_SHEET}” a formularului lipsește sau a fost modificată.").format(
                FORM_SHEET=FORM_SHEET
            )
        )
    if len(form_rows) > MAX_SHEET_ROWS:
        raise FormRefused(_("Foaia formularului are prea multe rânduri pentru un formular de retur."))
    columns, marker_row = found
    return RawForm(header, signature, signed, *_sheet_rows(form_rows, columns, marker_row))


def _get(row: tuple[Any, ...], index: int | None) -> Any:
    if index is None or index >= len(row):
        return None
    return row[index]


def _sheet_rows(
    rows: list[tuple[Any, ...]], columns: dict[str, int], marker_row: int
) -> tuple[list[SheetRow], list[int]]:
    result: list[SheetRow] = []
    stray: list[int] = []
    key_col = columns.get(COL_KEY, 0)
    value_col = columns.get(COL_VALUE)
    women_col = columns.get(COL_WOMEN)
    men_col = columns.get(COL_MEN)
    answer_col = columns.get(COL_ANSWER)
    problems: list[str] = []
    for number, row in enumerate(rows, start=1):
        if number <= marker_row:
            continue
        key = _plain(_get(row, key_col))
        try:
            for col in (key_col, value_col, women_col, men_col, answer_col):
                _check_cell(_get(row, col))
            value, warning = spreadsheet_text(_get(row, value_col))
            answer = spreadsheet_text(_get(row, answer_col))[0] if answer_col is not None else ""
        except CellProblem as exc:
            bad = next(
                (
                    c
                    for c in (key_col, value_col, women_col, men_col, answer_col)
                    if c is not None and _cell_refused(_get(row, c))
                ),
                value_col,
            )
            problems.append(f"celula {get_column_letter((bad or 0) + 1)}{number} {exc}")
            continue
        value = from_cell(value)
        women, men = _get(row, women_col), _get(row, men_col)
        if not key:
            if number > marker_row + 1 and (
                value.strip() or women not in (None, "") or men not in (None, "")
            ):
                # Typed into a row that is not part of the form (an inserted row, or the action header).
                stray.append(number)
            continue
        answer = from_cell(answer).strip()
        result.append(SheetRow(key, number, value, women, men, [warning] if warning else [], answer))
    if problems:
        more = _(" (și încă {value})").format(value=len(problems) - 5) if len(problems) > 5 else ""
        raise FormRefused(
            _("Foaia „{FORM_SHEET}” are celule care nu pot fi importate: {problems}{more}.").format(
                FORM_SHEET=FORM_SHEET, problems="; ".join(problems[:5]), more=more
            )
        )
    return result, stray


def _check_cell(value: Any) -> None:
    """Refuse a cell that Excel could not have written (longer than a cell holds) or a number no return
    holds; never truncate or round it silently."""
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        raise CellProblem(
            ngettext(
                "are {n_value} caracter, mai mult decât poate ține o celulă Excel ({EXCEL_CELL_LIMIT}); textul nu a fost trunchiat, formularul a fost refuzat",
                "are {n_value} caractere, mai mult decât poate ține o celulă Excel ({EXCEL_CELL_LIMIT}); textul nu a fost trunchiat, formularul a fost refuzat",
                len(value),
            ).format(n_value=len(value), EXCEL_CELL_LIMIT=EXCEL_CELL_LIMIT)
        )
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        _plausible(value)


def _cell_refused(value: Any) -> bool:
    try:
        _check_cell(value)
    except CellProblem:
        return True
    return False


# ------------------------------------------------------------------------------------------------------
# Composing a value from the value, F and B cells
# ------------------------------------------------------------------------------------------------------


def _whole(value: Any) -> int | None:
    """A non-negative whole number from an F/B cell; -1 for an invalid entry; None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return -1
    if isinstance(value, int):
        return value if value >= 0 else -1
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else -1
    text = str(value).strip()
    if not text:
        return None
    return int(text) if _WHOLE.match(text) else -1


def compose_value(main: str, women: Any, men: Any) -> tuple[str, str | None]:
    """The raw value from the value cell and the F/B cells, and a problem (Romanian) if they disagree.

    Without F/B the value cell is taken verbatim. With F/B: an empty value becomes "4 (3F/1B)"; a value
    without a split gets " (3F/1B)" appended; a value that already states the same split stays as typed.
    An empty F or B next to a filled one counts as 0.
    """
    w, m = _whole(women), _whole(men)
    if w is None and m is None:
        return main, None
    if w == -1 or m == -1:
        return main, _("în coloanele „Femei (F)” și „Bărbați (B)” scrieți numere întregi, 0 sau mai mari.")
    w, m = w or 0, m or 0
    if not main:
        return f"{w + m} ({w}F/{m}B)", None
    parsed = parse_value(main)
    if parsed.women is not None and parsed.men is not None:
        if (parsed.women, parsed.men) == (w, m):
            return main, None
        return main, (
            _(
                "valoarea „{main}” are altă repartizare pe femei/bărbați ({women}F/{men}B) decât coloanele F ({w}) și B ({m})."
            ).format(main=main, women=parsed.women, men=parsed.men, w=w, m=m)
        )
    return f"{main} ({w}F/{m}B)", None


# ------------------------------------------------------------------------------------------------------
# Recognising a form: plan, period, subdivision and signature
# ------------------------------------------------------------------------------------------------------


def _plan_name(plan: Plan) -> str:
    return str(plan.short_title or plan.title)


def identify_form(
    raw: RawForm, target: Period | None, known: dict[tuple[str, Any], Any] | None = None
) -> tuple[Plan, Period, Subdivision]:
    """The plan, period and subdivision a parsed form names, once its identifiers prove genuine.

    Raises :class:`FormRefused` for a form of another plan, period or database, or a tampered one.
    ``known`` keeps the rows read for one preview, so eighteen forms of one plan read it once.
    """
    known = {} if known is None else known

    def once(key: tuple[str, Any], read: Callable[[], Any]) -> Any:
        if key not in known:
            known[key] = read()
        return known[key]

    header = raw.header
    missing = [name for name in HEADER_FIELDS if not header.get(name)]
    if missing or not raw.signature or not raw.signed:
        raise FormRefused(_(MSG_TAMPERED))
    plan = once(("plan", header["plan"]), lambda: Plan.get_or_none(Plan.code == header["plan"]))
    if target is not None:
        target_plan: Plan = once(("plan id", target.plan_id), lambda: Plan.get_by_id(target.plan_id))
        if header["plan"] != target_plan.code:
            raise FormRefused(
                _("Formularul este pentru alt plan („{header}”), nu pentru „{target_plan}”.").format(
                    header=header["plan"], target_plan=_plan_name(target_plan)
                )
            )
    if plan is None:
        raise FormRefused(
            _("Formularul este pentru un plan („{header}”) care nu există în acest fișier.").format(
                header=header["plan"]
            )
        )
    secret = plan_secret(plan)
    if secret is None or key_id(secret) != header["key_id"]:
        raise FormRefused(
            _(
                "Formularul a fost generat din altă bază de date (alt exemplar Bălți Monitor); importați-l în fișierul din care a fost generat."
            )
        )
    if not signature_matches(secret, header, raw.signed, raw.signature):
        raise FormRefused(_(MSG_TAMPERED))

    # From here on the identifiers are genuine.
    try:
        form_key = parse_period_code(header["period"])
    except ServiceError:
        raise FormRefused(_(MSG_TAMPERED)) from None
    if target is not None:
        if key_of(target) != form_key:
            raise FormRefused(
                _("Formularul este pentru perioada {code}, nu pentru {code2}.").format(
                    code=form_key.code, code2=key_of(target).code
                )
            )
        period = target
    else:
        try:
            period = find_period(plan, form_key)
        except ServiceError:
            raise FormRefused(
                _("Perioada {code} a formularului nu există în acest fișier.").format(code=form_key.code)
            ) from None
    sub = once(
        ("subdivision", header["subdivision"]),
        lambda: Subdivision.get_or_none(Subdivision.code == header["subdivision"]),
    )
    if sub is None:
        raise FormRefused(
            _("Subdiviziunea „{header}” a formularului nu există în acest fișier.").format(
                header=header["subdivision"]
            )
        )
    return plan, period, sub

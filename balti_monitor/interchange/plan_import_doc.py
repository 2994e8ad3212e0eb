"""A plan from its Word or Excel table: tables → column mapping → plan tree → the existing plan importer.

Steps (the CLI and the GUI wizard run the same ones):

1. :func:`read_tables` reads every table of a .docx (raw XML through :mod:`docx_tables`: tracked changes,
   content controls, Word's automatic numbering, merged cells) or every sheet of an .xlsx (openpyxl, merged
   ranges); .doc/.odt/.xls/.ods are converted with LibreOffice when it is installed; a PDF is refused.
   Each table becomes a dense grid: a merged cell is repeated in every grid cell it covers, marked as a
   continuation (vertical or horizontal), so columns line up.
2. :func:`guess_mapping` maps each column to a field of the plan kind from the header words ("Acțiuni",
   "Indicatori", "Termen", "Responsabil", "Riscuri", "Buget", "Parteneri"…). The fields of each kind are in
   :data:`KIND_FIELDS`; a new kind adds its entry there (the columns it adds go to the action's ``extra``).
   A mapping file (JSON, see README) can choose the tables, the columns, the plan's data and the
   subdivisions.
3. :func:`parse_plan` builds the tree: group heading rows spanning the table become priorities, each action
   row an action (rows continued by a merged action cell add to it), indicators split **by paragraph (or
   line), never by comma**, action codes taken from a number column, Word's numbering or the cell text, or
   from the position, and the reading says which. Responsible names are matched through the alias table;
   unknown names are collected for the mapping step, never dropped.
4. :func:`import_plan_reading` writes it through ``services.plan_import.import_plan``: one transaction after
   an automatic backup, all or nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from balti_monitor.db.models import Plan, Subdivision, SubdivisionAlias, database
from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.interchange.docx_tables import NUMBER_FROM_DEFINITIONS, Table, read_docx_blocks
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.document_schema import PLAN, check
from balti_monitor.services.plan_import import import_plan
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.subdivisions import match_subdivision, name_key

#: Fields of each plan kind: field → (Romanian label, header words that select it, in order of priority).
KIND_FIELDS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "pla": {
        "number": ("Nr.", ("nr", "nr.", "nr. d/o", "nr. crt", "cod", "numarul")),
        "group": ("Prioritate / obiectiv", ("prioritat", "obiectiv", "directia strategica")),
        "action": ("Acțiune", ("actiun", "masur", "activitat", "denumirea")),
        "indicators": ("Indicatori", ("indicator",)),
        "deadline": ("Termen", ("termen",)),
        "responsible": ("Responsabil", ("responsabil", "executor", "institutia")),
        "partners": ("Parteneri", ("partener",)),
        "budget": ("Buget / surse", ("buget", "cost", "surse de finantare", "resurse", "finantare")),
        "risks": ("Riscuri", ("risc",)),
        "result": ("Rezultat", ("rezultat",)),
        "ignore": ("(nu se importă)", ()),
    }
}
#: Fields that become the action's own columns; the rest go to its ``extra`` (verbatim).
_CORE_FIELDS = {"number", "group", "action", "indicators", "deadline", "responsible", "ignore"}
NUMBER_FROM_COLUMN = N_("coloana „Nr.”")
NUMBER_FROM_TEXT = N_("textul acțiunii")
NUMBER_FROM_POSITION = N_("poziția în tabel")
_CODE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?(?:\s+|$)")
_ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–—•·▪◦●○*])\s*")
_GROUP = re.compile(
    r"^\s*(?:Prioritatea|Obiectivul(?:\s+specific)?|Direc[țţ]ia\s+strategic[ăa]|Capitolul)\s+"
    r"([IVXLC]+|\d+)\s*[:.\-–]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ROMAN_HEAD = re.compile(r"^\s*([IVXLC]+)\.\s+(\S.*)$", re.DOTALL)
_YEARS = re.compile(r"(20\d\d)\s*[-–—]\s*(20\d\d)")
_ALL = ("subdiviziunile", "toate subdiviziunile", "subdiviziunile structurale", "subdiviziunile primariei")


# ------------------------------------------------------------------------------------------- tables


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


# ------------------------------------------------------------------------------------------ mapping


def field_of(header: str, kind: str) -> str | None:
    """The field a header text selects (``None`` when no header word matches)."""
    key = fold_key(header)
    if not key:
        return None
    for name, (_label, words) in KIND_FIELDS[kind].items():
        for word in words:
            if key == word or key.startswith(word) or f" {word}" in f" {key}":
                return name
    return None


def _row_fields(row: list[SourceCell], kind: str) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, cell in enumerate(row):
        if cell.hcont:
            continue
        name = field_of(cell.text, kind)
        if name is not None and name not in found.values():
            found[col] = name
    return found


def header_row(table: SourceTable, kind: str) -> int | None:
    """Index of the header row (the first of the first 6 rows naming an action column and another)."""
    for index, row in enumerate(table.rows[:6]):
        fields = _row_fields(row, kind)
        if "action" in fields.values() and len(fields) >= 2:
            return index
    return None


def guess_kind(tables: list[SourceTable]) -> str:
    """The plan kind whose header words the tables use most ("pla" is the only kind so far)."""
    scores = {kind: sum(1 for t in tables if header_row(t, kind) is not None) for kind in KIND_FIELDS}
    return max(scores, key=lambda k: (scores[k], k == "pla"))


def guess_mapping(table: SourceTable, kind: str) -> dict[int, str]:
    """Column (0-based) → field, from the header words."""
    index = header_row(table, kind)
    if index is None:
        return {}
    return _row_fields(table.rows[index], kind)


# ------------------------------------------------------------------------------------------ parsing


@dataclass(slots=True)
class ParsedAction:
    """One action read from the table."""

    code: str
    title: str
    code_source: str
    where: str
    deadline: str = ""
    responsible_text: str = ""
    indicators: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)  # written names, matched or not
    all_subdivisions: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    parent: str | None = None


@dataclass(slots=True)
class ParsedGroup:
    """A priority (group heading row) and its actions."""

    number: str
    title: str
    actions: list[ParsedAction] = field(default_factory=list)
    placeholder: bool = False


@dataclass(slots=True)
class PlanReading:
    """The plan tree read from the document, before anything is written."""

    source: str
    kind: str
    tables: list[str]
    columns: dict[str, dict[int, str]]  # table name → column → field
    groups: list[ParsedGroup] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def actions(self) -> list[ParsedAction]:
        """Every action in order."""
        return [a for g in self.groups for a in g.actions]

    def names(self) -> list[str]:
        """Every responsible name written, once each, in order."""
        return list(dict.fromkeys(n for a in self.actions for n in a.responsible))


def _roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def _is_numbered_columns(row: list[SourceCell]) -> bool:
    texts = [c.text for c in row if not c.hcont and c.text]
    return len(texts) >= 3 and texts == [str(i) for i in range(1, len(texts) + 1)]


def _group_heading(row: list[SourceCell], columns: dict[int, str]) -> str | None:
    """The text of a group heading row (one text across the table), else None."""
    texts = {c.text for c in row if c.text}
    if len(texts) != 1:
        return None
    text = next(iter(texts))
    spans = sum(1 for c in row if c.text == text) >= max(2, len(row) // 2)
    action_col = next((c for c, f in columns.items() if f == "action"), None)
    only_first = action_col is not None and not row[action_col].text
    return text if spans or only_first or _GROUP.match(text) else None


def _group(text: str, index: int) -> ParsedGroup:
    match = _GROUP.match(text) or _ROMAN_HEAD.match(text)
    if match:
        return ParsedGroup(match.group(1).upper(), match.group(2).strip() or text.strip())
    return ParsedGroup(_roman(index), text.strip())


def _indicator_lines(cell: SourceCell) -> list[str]:
    """One indicator per paragraph (line), its list number and a closing ";" removed; never split by comma."""
    out = [_ITEM_MARK.sub("", line, count=1).strip().rstrip(";").rstrip() for line in cell.lines]
    return [line for line in out if line]


def _names(cell: SourceCell) -> list[str]:
    out: list[str] = []
    for line in cell.lines:
        for part in re.split(r"\s*;\s*", line):
            part = _ITEM_MARK.sub("", part, count=1).strip().rstrip(".,;").strip()
            if not part:
                continue
            if match_subdivision(part) is None and "," in part:
                pieces = [p.strip() for p in part.split(",") if p.strip()]
                if all(match_subdivision(p) is not None for p in pieces):
                    out.extend(pieces)
                    continue
            out.append(part)
    return out


def _is_all(name: str) -> bool:
    key = fold_key(name)
    return any(key.startswith(word) for word in _ALL)


def parse_plan(
    tables: list[SourceTable],
    *,
    kind: str | None = None,
    chosen: list[int] | None = None,
    columns: dict[int, str] | None = None,
    source: str = "",
) -> PlanReading:
    """The plan tree of the chosen tables (0-based indices; default: every table with a header)."""
    kind = kind or guess_kind(tables)
    if kind not in KIND_FIELDS:
        raise InterchangeError(
            _("Tip de plan necunoscut „{kind}” (cunoscute: {KIND_FIELDS}).").format(
                kind=kind, KIND_FIELDS=", ".join(KIND_FIELDS)
            )
        )
    picked = (
        chosen if chosen is not None else [i for i, t in enumerate(tables) if header_row(t, kind) is not None]
    )
    if not picked:
        raise InterchangeError(
            _(
                "Nu am găsit niciun tabel cu un cap de tabel recunoscut (de exemplu „Acțiuni”, „Indicatori”, „Termen”, „Responsabil”); alegeți tabelul și coloanele în fișierul de corespondență."
            )
        )
    for index in picked:
        if not 0 <= index < len(tables):
            raise InterchangeError(
                _("Documentul nu are tabelul {value} (are {n_tables}).").format(
                    value=index + 1, n_tables=len(tables)
                )
            )
    reading = PlanReading(source, kind, [tables[i].name for i in picked], {})
    state: dict[str, Any] = {"group": None, "action": None, "header": None}
    for index in picked:
        _parse_table(tables[index], kind, columns, reading, state)
    _number_actions(reading)
    return reading


def _parse_table(
    table: SourceTable,
    kind: str,
    columns: dict[int, str] | None,
    reading: PlanReading,
    state: dict[str, Any],
) -> None:
    header = header_row(table, kind)
    mapping = dict(columns) if columns is not None else guess_mapping(table, kind)
    if not mapping and state["header"] is not None:
        mapping = dict(state["header"][1])  # a table continued on the next page without its header
    if "action" not in mapping.values():
        reading.warnings.append(
            _("{name}: nicio coloană „Acțiune”; tabelul a fost sărit.").format(name=table.name)
        )
        return
    reading.columns[table.name] = mapping
    header_texts = [c.text for c in table.rows[header]] if header is not None else None
    state["header"] = (header_texts, mapping)
    for number, row in enumerate(table.rows, start=1):
        if header is not None and number - 1 <= header:
            continue
        where = _("{name}, rândul {number}").format(name=table.name, number=number)
        texts = [c.text for c in row]
        if not any(texts) or _is_numbered_columns(row):
            continue
        if (header_texts is not None and texts == header_texts) or _looks_like_header(row, kind):
            continue  # the header repeated on a new page
        heading = _group_heading(row, mapping)
        if heading is not None:
            state["group"] = _group(heading, len(reading.groups) + 1)
            reading.groups.append(state["group"])
            state["action"] = None
            continue
        cells = {f: row[c] for c, f in mapping.items() if c < len(row)}
        action_cell = cells.get("action", SourceCell())
        group_cell = cells.get("group")
        if group_cell is not None and group_cell.text and not group_cell.vcont:
            state["group"] = _group(group_cell.text, len(reading.groups) + 1)
            reading.groups.append(state["group"])
        if action_cell.vcont and state["action"] is not None:
            _add_to(state["action"], cells, fresh=False)
            continue
        if not action_cell.text:
            if state["action"] is not None and any(c.text for f, c in cells.items() if f != "number"):
                _add_to(state["action"], cells, fresh=False)
                reading.warnings.append(
                    _("{where}: rând fără acțiune, adăugat acțiunii de deasupra.").format(where=where)
                )
            continue
        if state["group"] is None:
            default = ParsedGroup("I", "[Titlul priorității lipsește din sursă]", placeholder=True)
            state["group"] = default
            reading.groups.append(default)
            reading.warnings.append(
                _("{where}: acțiuni fără rând de prioritate; au fost puse în prioritatea I.").format(
                    where=where
                )
            )
        action = _new_action(cells, where)
        state["group"].actions.append(action)
        state["action"] = action
        _add_to(action, cells, fresh=True)


def _looks_like_header(row: list[SourceCell], kind: str) -> bool:
    """Short cells naming an action column and another: a header (repeated on a later page)."""
    fields = _row_fields(row, kind)
    return "action" in fields.values() and len(fields) >= 2 and all(len(c.text) < 60 for c in row)


def _new_action(cells: dict[str, SourceCell], where: str) -> ParsedAction:
    action_cell = cells["action"]
    number_cell = cells.get("number")
    title = "\n".join(action_cell.lines)
    code, code_source = "", ""
    if number_cell is not None and _CODE.match(number_cell.text + " "):
        code, code_source = _CODE.match(number_cell.text + " ").group(1), NUMBER_FROM_COLUMN  # type: ignore[union-attr]
    elif number_cell is not None and number_cell.numbers:
        code, code_source = number_cell.numbers[0].rstrip(".)"), NUMBER_FROM_DEFINITIONS
    elif action_cell.numbers:
        code, code_source = action_cell.numbers[0].rstrip(".)"), NUMBER_FROM_DEFINITIONS
    else:
        match = _CODE.match(title)
        if match and "." in match.group(1):
            code, code_source = match.group(1), NUMBER_FROM_TEXT
            title = title[match.end() :].strip()
    return ParsedAction(code, title, code_source, where)


def _add_to(action: ParsedAction, cells: dict[str, SourceCell], *, fresh: bool) -> None:
    for name, cell in cells.items():
        if cell.hcont or (cell.vcont and not fresh) or not cell.text:
            continue
        if name == "indicators":
            action.indicators.extend(_indicator_lines(cell))
        elif name == "deadline":
            action.deadline = "\n".join(t for t in (action.deadline, cell.text) if t)
        elif name == "responsible":
            action.responsible_text = "\n".join(t for t in (action.responsible_text, cell.text) if t)
            for written in _names(cell):
                if _is_all(written):
                    action.all_subdivisions = True
                elif written not in action.responsible:
                    action.responsible.append(written)
        elif name == "action" and not fresh:
            action.title = "\n".join((action.title, cell.text))
        elif name not in _CORE_FIELDS:
            action.extra[name] = "\n".join(t for t in (action.extra.get(name, ""), cell.text) if t)


def _number_actions(reading: PlanReading) -> None:
    """Give actions without a code one from their position ("2.3") and say so; set sub-actions' parents."""
    seen: set[str] = set()
    for g_index, group in enumerate(reading.groups, start=1):
        for a_index, action in enumerate(group.actions, start=1):
            if not action.code:
                action.code, action.code_source = f"{g_index}.{a_index}", NUMBER_FROM_POSITION
            if action.code in seen:
                reading.warnings.append(
                    _("{where}: codul {code} se repetă; a fost renumerotat.").format(
                        where=action.where, code=action.code
                    )
                )
                action.code, action.code_source = f"{g_index}.{a_index}", NUMBER_FROM_POSITION
            seen.add(action.code)
            parent = action.code.rsplit(".", 1)[0] if action.code.count(".") >= 2 else None
            action.parent = parent if parent in seen else None
            if not action.indicators:
                reading.warnings.append(
                    _("{where}: acțiunea {code} nu are indicatori.").format(
                        where=action.where, code=action.code
                    )
                )
    sources = {a.code_source for a in reading.actions}
    for source in sorted(sources):
        count = sum(1 for a in reading.actions if a.code_source == source)
        reading.warnings.append(
            ngettext(
                "Numărul unei acțiuni a fost luat din {source}.",
                "Numerele a {count} acțiuni au fost luate din {source}.",
                count,
            ).format(count=count, source=_(source))
        )


# ------------------------------------------------------------------------------------ mapping file


@dataclass(slots=True)
class Mapping:
    """What the user chose (mapping file or wizard): tables, columns, plan data, subdivision names."""

    kind: str | None = None
    tables: list[int] | None = None  # 0-based
    columns: dict[int, str] | None = None  # 0-based column → field
    plan: dict[str, Any] = field(default_factory=dict)
    subdivisions: dict[str, Any] = field(
        default_factory=dict
    )  # written name → code | "other" | {"create": code}


def load_mapping(path: Path | str) -> Mapping:
    """Read a mapping file (JSON, numbers 1-based as the user sees them)."""
    import json

    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InterchangeError(
            _("Fișierul de corespondență „{name}” nu poate fi citit: {exc}").format(name=path.name, exc=exc)
        ) from exc
    if not isinstance(data, dict):
        raise InterchangeError(_("„{name}”: se aștepta un obiect JSON.").format(name=path.name))
    mapping = Mapping(kind=data.get("kind"))
    if "tables" in data:
        mapping.tables = [int(t) - 1 for t in data["tables"]]
    if "columns" in data:
        fields = {f for kinds in KIND_FIELDS.values() for f in kinds}
        mapping.columns = {}
        for col, name in dict(data["columns"]).items():
            if name not in fields:
                raise InterchangeError(
                    _("„{name}”: câmp necunoscut „{name2}” pentru coloana {col}.").format(
                        name=path.name, name2=name, col=col
                    )
                )
            mapping.columns[int(col) - 1] = str(name)
    mapping.plan = dict(data.get("plan") or {})
    mapping.subdivisions = dict(data.get("subdivisions") or {})
    return mapping


def mapping_template(reading: PlanReading) -> dict[str, Any]:
    """A mapping file to edit: what was guessed, the plan's data and every name still to map (null)."""
    columns = next(iter(reading.columns.values()), {})
    unknown = unknown_names(reading, Mapping())
    return {
        "kind": reading.kind,
        "tables": [int(name.split()[-1]) for name in reading.tables if name.split()[-1].isdigit()],
        "columns": {str(c + 1): f for c, f in sorted(columns.items())},
        "plan": reading.meta,
        "subdivisions": dict.fromkeys(unknown),
    }


def unknown_names(reading: PlanReading, mapping: Mapping) -> list[str]:
    """Responsible names that match no subdivision and that the mapping does not settle."""
    return [
        n for n in reading.names() if match_subdivision(n) is None and mapping.subdivisions.get(n) is None
    ]


def guess_meta(path: Path, tables: list[SourceTable], reading: PlanReading) -> dict[str, Any]:
    """The plan's code, title and years: from the document's first paragraphs, else from the file name."""
    title = ""
    if path.suffix.lower() == ".docx":
        from balti_monitor.interchange.docx_tables import Para

        for block in read_docx_blocks(path)[:15]:
            if isinstance(block, Para) and "plan" in fold_key(block.text):
                title = " ".join(block.text.split())
                break
    title = title or path.stem.replace("_", " ")
    years = _YEARS.search(title) or _YEARS.search(path.stem)
    if years:
        first, last = int(years.group(1)), int(years.group(2))
    else:
        first, last = dt.date.today().year, dt.date.today().year + 4
        reading.warnings.append(
            _(
                "Anii planului nu apar în document; s-au presupus {first}-{last} (corectați-i în secțiunea „plan”)."
            ).format(first=first, last=last)
        )
    code = re.sub(r"[^A-Za-z0-9]+", "-", fold_key(path.stem)).strip("-").upper() or "PLAN"
    if years and years.group(1) not in code:
        code = f"{code}-{first}-{last}"
    return {
        "code": code,
        "title": title,
        "short_title": "",
        "approving_act": "",
        "first_year": first,
        "last_year": last,
    }


# ------------------------------------------------------------------------------------------- import


def read_plan_document(path: Path | str, mapping: Mapping | None = None) -> PlanReading:
    """Read a Word/Excel plan into a :class:`PlanReading` (nothing is written)."""
    path = Path(path)
    mapping = mapping or Mapping()
    tables = read_tables(path)
    if not tables:
        raise InterchangeError(_("„{name}” nu conține niciun tabel.").format(name=path.name))
    reading = parse_plan(
        tables, kind=mapping.kind, chosen=mapping.tables, columns=mapping.columns, source=path.name
    )
    reading.meta = {**guess_meta(path, tables, reading), **mapping.plan}
    if not reading.actions:
        raise InterchangeError(
            _("În „{name}” nu am găsit nicio acțiune în tabelele alese.").format(name=path.name)
        )
    return reading


def plan_document(reading: PlanReading, codes: dict[str, str]) -> dict[str, Any]:
    """The interchange shape of the plan (:data:`document_schema.PLAN`); ``codes``: written name → code or
    "other" (kept as another responsible party, verbatim)."""
    meta = reading.meta

    def action(a: ParsedAction) -> dict[str, Any]:
        responsible = [codes[n] for n in a.responsible if codes.get(n) not in (None, "other")]
        return {
            "code": a.code,
            "parent": a.parent,
            "title": a.title,
            "title_placeholder": False,
            "deadline": a.deadline,
            "frequency": "unknown",
            "gender_perspective": "gen" in fold_key(a.deadline)
            or "(f/b)" in fold_key(" ".join(a.indicators)),
            "responsible_text": a.responsible_text,
            "all_subdivisions": a.all_subdivisions,
            "other_responsible": [n for n in a.responsible if codes.get(n) == "other"],
            "indicators_placeholder": not a.indicators,
            "extra": {**a.extra, "imported_from": reading.source, "code_source": a.code_source},
            "indicators": [
                {
                    "number": number,
                    "text": text,
                    "aggregation": "sum",
                    "gender_split": "f/b" in fold_key(text) or "femei/barbati" in fold_key(text),
                    "placeholder": False,
                }
                for number, text in enumerate(a.indicators, start=1)
            ],
            "responsible": [{"subdivision": code, "indicators": []} for code in dict.fromkeys(responsible)],
        }

    return {
        "code": str(meta["code"]),
        "title": str(meta["title"]),
        "short_title": str(meta.get("short_title", "")),
        "approving_act": str(meta.get("approving_act", "")),
        "first_year": int(meta["first_year"]),
        "last_year": int(meta["last_year"]),
        "kind": reading.kind,
        "extra": {"imported_from": reading.source},
        "priorities": [
            {
                "number": g.number,
                "title": g.title,
                "title_placeholder": g.placeholder,
                "actions": [action(a) for a in g.actions],
            }
            for g in reading.groups
            if g.actions
        ],
        "periods": [],
    }


def import_plan_reading(reading: PlanReading, mapping: Mapping) -> tuple[int, ChangeSet]:
    """Write the plan (and the subdivisions the mapping creates): all or nothing, after an automatic
    backup. Refused, with nothing written, while a responsible name is unknown and unmapped."""
    unknown = unknown_names(reading, mapping)
    if unknown:
        raise InterchangeError(
            _(
                "Aceste nume de responsabili nu corespund niciunei subdiviziuni: {items}. Alegeți pentru fiecare o subdiviziune existentă, „creează” sau „alt responsabil” (fișierul de corespondență, secțiunea „subdivisions”); nu s-a importat nimic."
            ).format(items="; ".join(f"„{n}”" for n in unknown))
        )
    if Plan.get_or_none(Plan.code == str(reading.meta.get("code"))) is not None:
        raise InterchangeError(
            _("Există deja un plan cu codul „{value}”; alegeți alt cod (secțiunea „plan”).").format(
                value=reading.meta.get("code")
            )
        )
    auto_backup("import")
    with guard_write(_("Importul planului")), database.atomic():
        codes: dict[str, str] = {}
        for name in reading.names():
            chosen = mapping.subdivisions.get(name)
            if isinstance(chosen, dict) and "create" in chosen:
                code = str(chosen["create"])
                sub = Subdivision.get_or_none(Subdivision.code == code)
                if sub is None:
                    position = (Subdivision.select().count() or 0) + 1
                    sub = Subdivision.create(
                        code=code, name=str(chosen.get("name") or name), position=position
                    )
                codes[name] = str(sub.code)
            elif chosen == "other":
                codes[name] = "other"
            elif isinstance(chosen, str):
                sub = Subdivision.get_or_none(Subdivision.code == chosen)
                if sub is None:
                    raise InterchangeError(
                        _("Subdiviziunea cu codul „{chosen}” (pentru „{name}”) nu există.").format(
                            chosen=chosen, name=name
                        )
                    )
                key = name_key(name)
                if key and SubdivisionAlias.get_or_none(SubdivisionAlias.key == key) is None:
                    SubdivisionAlias.create(subdivision=sub, name=name, key=key)  # matched next time
                codes[name] = str(sub.code)
            else:
                matched = match_subdivision(name)
                assert matched is not None  # unknown names were refused above
                codes[name] = str(matched.code)
        item = plan_document(reading, codes)
        check(item, PLAN, "$.plan")
        sub_ids = {s.code: int(s.id) for s in Subdivision.select()}
        plan = import_plan(item, "$.plan", sub_ids)
    return int(plan.id), ChangeSet.everything()

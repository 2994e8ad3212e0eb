"""The plan tree of a plan document's tables (:func:`parse_plan` → :class:`PlanReading`, nothing written).

Group heading rows spanning the table become priorities, each action row an action (rows continued by a
merged action cell add to it), indicators split **by paragraph (or line), never by comma**, action codes
taken from a number column, Word's numbering or the cell text, or from the position, and the reading says
which. Responsible names are matched through the alias table; unknown names are collected for the mapping
step, never dropped. A header repeated on a later page and a table continued without its header are
recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.interchange.docx_tables import NUMBER_FROM_DEFINITIONS
from balti_monitor.interchange.plan_mapping import (
    CORE_FIELDS,
    KIND_FIELDS,
    guess_kind,
    guess_mapping,
    header_row,
    row_fields,
)
from balti_monitor.interchange.plan_tables import SourceCell, SourceTable
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.services.subdivisions import match_subdivision

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
_ALL = ("subdiviziunile", "toate subdiviziunile", "subdiviziunile structurale", "subdiviziunile primariei")


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
    fields = row_fields(row, kind)
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
        elif name not in CORE_FIELDS:
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

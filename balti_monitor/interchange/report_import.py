"""Past semester reports (.docx) into the history: returns, values, narrative and written Totals of a period.

Reads the official layout in both forms: the one this program exports (``balti_monitor.export``) and the
one the city hall wrote by hand (seed 000). The reading is in three steps, so the user sees everything
before anything is written:

1. :func:`read_report` reads the document (:mod:`docx_tables`, raw XML) into a :class:`ReportReading`:
   the period from the title ("semestrul I al anului 2023"), each action's rows found by the action's
   heading ("Acțiunea 1.13." / "Progresul în implementarea acțiunii 1.13."), each row's subdivision matched
   through the alias table, its description (one line per paragraph or list item, list markers kept) and
   its values verbatim; the written Total rows; the narrative (summary, risks, proposals, signatures).
   What cannot be placed is listed (:class:`Unplaced`) with the reason; nothing is dropped silently.
2. :func:`compare_with_file` lists what the import would change in a period that already has data.
3. :func:`apply_report` writes it all in one transaction after an automatic backup: all or nothing.

The written Total cells and counts go to the reference store (:class:`ReferenceTotal`, "as written in the
source report"), never as overrides: the program's Total stays computed, the checks compare the two.

Hand-made quirks handled: a subdivision's name and its narrative in one cell, wrong "Indicator 1 |
Indicator 1" headers (values are placed by column position, not by the header's numbers), fewer value
columns than indicators (the rest stay empty, with a note), a lost heading (the next action of the plan
with as many indicators as the table has value columns, with a note), a table split across a page with a
repeated header (a table without a Total row continues into the next one), vertically merged cells,
numbered-column rows ("1 2 3 …"), empty rows, tracked changes and content controls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from balti_monitor.db.models import (
    Action,
    Indicator,
    Period,
    Plan,
    Priority,
    ReferenceTotal,
    Return,
    Value,
    database,
)
from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.interchange.docx_tables import Block, Cell, Para, Table, read_docx_blocks
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.narrative import NarrativeData, get_narrative, save_narrative
from balti_monitor.services.periods import PeriodKey, create_period
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.subdivisions import match_subdivision
from balti_monitor.services.values import parsed_columns, text_problem

#: Where the imported written Totals come from (shown with them).
SOURCE_PREFIX = "Raportul importat"

_ROMAN = {"I": 1, "II": 2}
_SEMESTER = re.compile(r"semestrul\s+(II|I|1|2)\b[^0-9]{0,40}?(\d{4})", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"perioada\s+de\s+raport\s*[–—-]\s*anul\s+(\d{4})", re.IGNORECASE)
_ACTION = re.compile(r"^\s*Ac[țţ]iunea\s+(\d+(?:\.\d+)*)\.?(?=\s|$)", re.IGNORECASE)
_TABLE_TITLE = re.compile(
    r"^\s*Progresul\s+[îi]n\s+implementarea\s+ac[țţ]iunii\s+(\d+(?:\.\d+)*)", re.IGNORECASE
)
_CHAPTERS = (
    ("summary", re.compile(r"^\s*I\.\s*Rezumatul", re.IGNORECASE)),
    ("actions", re.compile(r"^\s*II\.\s*Progresul", re.IGNORECASE)),
    ("risks", re.compile(r"^\s*III\.\s*Riscuri", re.IGNORECASE)),
    ("proposals", re.compile(r"^\s*IV\.\s*Propuneri", re.IGNORECASE)),
)
_PREPARED = re.compile(r"^\s*Elaborat\s*:\s*(.*)$", re.IGNORECASE)
_COORDINATED = re.compile(r"^\s*Coordonat\s*:\s*(.*)$", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+")
_LEADING_MARKER = re.compile(r"^(\s*(?:[-–—•·▪◦●○■□►‣⁃➢*]|\d{1,2}[.)]))\t")
_DIGIT_GROUP_NBSP = re.compile("(?<=\\d)\u00a0(?=\\d{3}(?!\\d))")
_HEADER_INDICATOR = re.compile(r"^\s*indicator(ul)?\b", re.IGNORECASE)
_SKIPPED_LINES = re.compile(
    r"^\s*(Prioritatea\b|Termenul de realizare|Institu[țţ]ia responsabil|Indicatori de progres|"
    r"Instruc[țţ]iuni de [îi]ntocmire|Raport (semestrial|anual))",
    re.IGNORECASE,
)
_NOT_PRESENTED = "nu a prezentat informația"


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One subdivision's return for one action, as read."""

    action: str
    subdivision_id: int
    subdivision: str  # the subdivision's name in the file
    label: str  # the name as written in the report
    description: str
    values: tuple[str, ...]
    where: str


@dataclass(frozen=True, slots=True)
class WrittenTotal:
    """What the report wrote in an action's Total row (kept as a reference)."""

    action: str
    counts_text: str
    cells: tuple[str, ...]
    where: str


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Something of the report that cannot be placed, and why."""

    where: str
    text: str
    reason: str


@dataclass(slots=True)
class ReportReading:
    """Everything read from one report, before anything is written."""

    source: str
    year: int
    semester: int
    rows: list[ReportRow] = field(default_factory=list)
    totals: list[WrittenTotal] = field(default_factory=list)
    narrative: NarrativeData = field(default_factory=NarrativeData)
    unplaced: list[Unplaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # actions whose table was read, in order

    @property
    def period_code(self) -> str:
        """``2023-S1`` / ``2023-A``."""
        return PeriodKey(self.year, self.semester).code

    @property
    def value_count(self) -> int:
        """Non-empty values placed."""
        return sum(1 for row in self.rows for v in row.values if v)

    def summary(self) -> str:
        """One Romanian line with the counts."""
        n_actions, n_rows, n_values = len(self.actions), len(self.rows), self.value_count
        n_totals, n_unplaced = len(self.totals), len(self.unplaced)
        return _("Perioada {period_code}: {actions}, {rows}, {values}, {totals}, {unplaced}.").format(
            period_code=self.period_code,
            actions=ngettext("{n} acțiune", "{n} acțiuni", n_actions).format(n=n_actions),
            rows=ngettext("{n} rând", "{n} rânduri", n_rows).format(n=n_rows),
            values=ngettext("{n} valoare plasată", "{n} valori plasate", n_values).format(n=n_values),
            totals=ngettext(
                "{n} rând Total păstrat ca referință", "{n} rânduri Total păstrate ca referință", n_totals
            ).format(n=n_totals),
            unplaced=ngettext("{n} element neplasat", "{n} elemente neplasate", n_unplaced).format(
                n=n_unplaced
            ),
        )


@dataclass(frozen=True, slots=True)
class Difference:
    """One field the import would change in the open file."""

    action: str
    subdivision: str
    what: str
    old: str
    new: str


# ------------------------------------------------------------------------------------------ reading


def _clean(text: str) -> str:
    return _DIGIT_GROUP_NBSP.sub(" ", text)


def para_line(para: Para) -> str:
    """A paragraph as one line of stored text: Word's list label or a typed marker kept ("- x", "1. x")."""
    text = _clean(para.text).strip()
    if not text:
        return ""
    if para.number:
        marker = "-" if para.bullet else para.number
        return f"{marker} {text}"
    match = _LEADING_MARKER.match(_clean(para.text))
    if match:
        return f"{match.group(1).strip()} {_clean(para.text)[match.end() :].strip()}"
    return text


def _lines(paras: Sequence[Para]) -> str:
    return "\n".join(line for line in (para_line(p) for p in paras) if line)


def _value(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return "\n".join(_clean(p.text).strip() for p in cell.paras if p.text.strip())


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


@dataclass(slots=True)
class _PlanView:
    """The plan's actions in order and their indicator counts."""

    order: list[str]
    indicators: dict[str, int]


def _plan_view(plan: Plan) -> _PlanView:
    actions = list(
        Action.select(Action.id, Action.code)
        .join(Priority)
        .where(Priority.plan == plan)
        .order_by(Priority.position, Action.position)
    )
    counts: dict[int, int] = {}
    for ind in Indicator.select(Indicator.action).where(Indicator.action.in_([a.id for a in actions])):
        counts[ind.action_id] = counts.get(ind.action_id, 0) + 1
    return _PlanView([a.code for a in actions], {a.code: counts.get(a.id, 0) for a in actions})


def _cell_at(row: list[Cell], col: int) -> Cell | None:
    for cell in row:
        if cell.col <= col < cell.col + cell.span:
            return cell
    return None


def _row_texts(row: list[Cell]) -> list[str]:
    return [c.text for c in row]


def _is_header(row: list[Cell]) -> bool:
    texts = [t for t in _row_texts(row) if t]
    if not texts:
        return False
    first = fold_key(texts[0])
    if first.startswith("descrierea") or any("realizarea indicatorilor" in fold_key(t) for t in texts):
        return True
    return all(_HEADER_INDICATOR.match(t) for t in texts)


def _is_numbered_columns(row: list[Cell]) -> bool:
    """The row of column numbers some tables have under the header ("1 2 3 4 …")."""
    texts = [t for t in _row_texts(row) if t]
    return len(texts) >= 2 and texts == [str(i) for i in range(1, len(texts) + 1)]


def _value_start(table: Table) -> int:
    for row in table.rows:
        if not _is_header(row):
            continue
        for cell in row:
            key = fold_key(cell.text)
            if "realizarea indicatorilor" in key or _HEADER_INDICATOR.match(cell.text):
                return cell.col
    return 2


def _is_action_table(table: Table) -> bool:
    for row in table.rows:
        if row and fold_key(row[0].text).startswith("total"):
            return True
        if _is_header(row):
            return True
    return False


def _grid_width(table: Table) -> int:
    return max((c.col + c.span for row in table.rows for c in row), default=0)


def _match_row_name(row: list[Cell]) -> tuple[int, str, str, str] | None:
    """``(subdivision id, its name, the name as written, narrative found in the name cell)``."""
    cell = _cell_at(row, 0)
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
            return int(sub.id), str(sub.name), name.strip(), _lines(rest)
    return None


@dataclass(slots=True)
class _Reader:
    plan: _PlanView
    reading: ReportReading
    mode: str = "title"
    heading: str | None = None  # action code of the last heading not yet used by a table
    title_code: str | None = None
    last_action: str | None = None
    last_closed: bool = True
    last_width: int = 0
    seen: dict[tuple[str, int], int] = field(default_factory=dict)  # (action, sub) → index in rows
    summary: list[str] = field(default_factory=list)
    risks_intro: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    proposals_intro: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    prepared: str = ""
    coordinated: str = ""
    others: list[str] = field(default_factory=list)
    tables: int = 0

    def paragraph(self, para: Para) -> None:
        text = _clean(para.text).strip()
        if not text:
            return
        for mode, pattern in _CHAPTERS:
            if pattern.match(text):
                self.mode = mode
                return
        prepared, coordinated = _PREPARED.match(text), _COORDINATED.match(text)
        if prepared:
            self.mode, self.prepared = "signatures", prepared.group(1)
            return
        if coordinated:
            self.mode, self.coordinated = "signatures", coordinated.group(1)
            return
        title = _TABLE_TITLE.match(text)
        if title:
            self.title_code = title.group(1)
            self.mode = "actions"
            return
        action = _ACTION.match(text)
        if action and self.mode in ("actions", "summary", "title"):
            self.heading, self.title_code, self.mode = action.group(1), None, "actions"
            return
        if self.mode == "summary":
            self.summary.append(text)
        elif self.mode in ("risks", "proposals"):
            items = self.risks if self.mode == "risks" else self.proposals
            intro = self.risks_intro if self.mode == "risks" else self.proposals_intro
            if (para.number and not para.bullet) or _ITEM_NUMBER.match(text):
                items.append(_ITEM_NUMBER.sub("", text, count=1))
            elif items:
                items[-1] = f"{items[-1]}\n{text}"
            else:
                intro.append(text)
        elif self.mode == "signatures":
            self.others.append(text)

    def table(self, table: Table) -> None:
        self.tables += 1
        where = f"tabelul {self.tables}"
        if not _is_action_table(table):
            return
        code = self.title_code or self.heading
        if code is None:
            if (
                not self.last_closed
                and self.last_action is not None
                and _grid_width(table) == self.last_width
            ):
                code = self.last_action  # a table split across a page
            else:
                code = self._guess_lost_heading(table, where)
                if code is None:
                    return
        self.title_code = self.heading = None
        if code not in self.plan.indicators:
            text = " | ".join(c.text for c in table.rows[0]) if table.rows else ""
            self.reading.unplaced.append(
                Unplaced(
                    _("{where} (acțiunea {code})").format(where=where, code=code),
                    text[:200],
                    _("acțiunea {code} nu există în plan").format(code=code),
                )
            )
            self.last_action, self.last_closed = code, True
            return
        if code not in self.reading.actions:
            self.reading.actions.append(code)
        self.last_action, self.last_closed, self.last_width = code, False, _grid_width(table)
        self._rows(code, table, where)

    def _guess_lost_heading(self, table: Table, where: str) -> str | None:
        columns = _grid_width(table) - _value_start(table)
        after = self.plan.order.index(self.last_action) + 1 if self.last_action in self.plan.order else 0
        for code in self.plan.order[after:]:
            if code in self.reading.actions:
                continue
            if self.plan.indicators[code] == columns:
                self.reading.notes.append(
                    ngettext(
                        "{where}: titlul acțiunii lipsește; tabelul a fost atribuit acțiunii {code} (următoarea din plan cu {columns} indicator).",
                        "{where}: titlul acțiunii lipsește; tabelul a fost atribuit acțiunii {code} (următoarea din plan cu {columns} indicatori).",
                        columns,
                    ).format(where=where, code=code, columns=columns)
                )
                return code
            break
        first = " | ".join(c.text for c in table.rows[0])[:200] if table.rows else ""
        self.reading.unplaced.append(
            Unplaced(
                where, first, _("tabelul nu are titlul acțiunii și nu poate fi atribuit niciunei acțiuni")
            )
        )
        self.last_closed = True
        return None

    def _rows(self, code: str, table: Table, where: str) -> None:
        start = _value_start(table)
        count = self.plan.indicators[code]
        columns = _grid_width(table) - start
        if 0 < columns < count:
            self.reading.notes.append(
                _("Acțiunea {code}: tabelul are {columns} {indicators}; {left}.").format(
                    code=code,
                    columns=ngettext("{n} coloană de valori", "{n} coloane de valori", columns).format(
                        n=columns
                    ),
                    indicators=ngettext("pentru {n} indicator", "pentru {n} indicatori", count).format(
                        n=count
                    ),
                    left=(
                        _("indicatorul {value} rămâne necompletat")
                        if columns + 1 == count
                        else _("indicatorii {value}–{count} rămân necompletați")
                    ).format(value=columns + 1, count=count),
                )
            )
        for number, row in enumerate(table.rows, start=1):
            at = _("acțiunea {code}, {where}, rândul {number}").format(code=code, where=where, number=number)
            texts = _row_texts(row)
            if not any(texts) or _is_header(row) or _is_numbered_columns(row):
                continue
            values = [""] * count
            extra: list[str] = []
            for cell in row:
                if cell.col < start:
                    continue
                index = cell.col - start
                text = _value(cell)
                if index < count:
                    values[index] = text
                elif text:
                    extra.append(text)
            first = fold_key(texts[0])
            description_cell = _cell_at(row, 1)
            if first.startswith("total"):
                counts = (
                    _lines(description_cell.paras) if description_cell and description_cell.col == 1 else ""
                )
                self.reading.totals.append(WrittenTotal(code, counts, tuple(values), at))
                self.last_closed = True
                continue
            desc = ""
            if description_cell is not None and description_cell.col == 1:
                desc = _lines(description_cell.paras)
            if fold_key(desc).startswith(fold_key(_NOT_PRESENTED)) and not any(values):
                self.reading.notes.append(
                    _("{at}: „{texts}” nu a prezentat informația (niciun retur).").format(
                        at=at, texts=texts[0]
                    )
                )
                continue
            matched = _match_row_name(row)
            if matched is None:
                self.reading.unplaced.append(
                    Unplaced(
                        at, " | ".join(t for t in texts if t)[:300], _("subdiviziune necunoscută în rând")
                    )
                )
                continue
            sub_id, sub_name, label, in_name = matched
            if in_name:
                desc = in_name if not desc or desc == in_name else f"{in_name}\n{desc}"
            if extra:
                self.reading.unplaced.append(
                    Unplaced(
                        at,
                        " | ".join(extra)[:300],
                        ngettext(
                            "mai multe valori decât singurul indicator al acțiunii",
                            "mai multe valori decât cei {count} indicatori ai acțiunii",
                            count,
                        ).format(count=count),
                    )
                )
            name_cell = _cell_at(row, 0)
            key = (code, sub_id)
            if key in self.seen and name_cell is not None:
                self._merge(key, desc, values, at)
                continue
            self.seen[key] = len(self.reading.rows)
            self.reading.rows.append(ReportRow(code, sub_id, sub_name, label, desc, tuple(values), at))

    def _merge(self, key: tuple[str, int], desc: str, values: list[str], at: str) -> None:
        """A second row of the same subdivision (a merged name cell, a row split by a page break)."""
        index = self.seen[key]
        old = self.reading.rows[index]
        if desc and desc not in old.description:
            description = f"{old.description}\n{desc}" if old.description else desc
        else:
            description = old.description
        merged = [
            a if not b or a == b else (b if not a else f"{a}\n{b}")
            for a, b in zip(old.values, values, strict=True)
        ]
        self.reading.rows[index] = ReportRow(
            old.action, old.subdivision_id, old.subdivision, old.label, description, tuple(merged), old.where
        )
        self.reading.notes.append(
            _("{at}: continuarea rândului „{label}” (unită cu rândul de deasupra).").format(
                at=at, label=old.label
            )
        )

    def narrative(self) -> NarrativeData:
        def signature(text: str) -> tuple[str, str]:
            text = text.strip().rstrip(";").strip()
            name, _, function = text.partition(",")
            return name.strip(), function.strip()

        prepared = signature(self.prepared)
        coordinated = signature(self.coordinated)
        others = [signature(line) for line in self.others]
        return NarrativeData(
            executive_summary="\n".join(self.summary),
            risks_intro="\n".join(self.risks_intro),
            risks=self.risks,
            proposals_intro="\n".join(self.proposals_intro),
            proposals=self.proposals,
            prepared_by_name=prepared[0],
            prepared_by_function=prepared[1],
            coordinated_by_name=coordinated[0],
            coordinated_by_function=coordinated[1],
            extra_signatures=[{"name": n, "function": f} for n, f in others],
        )


def refuse_unsupported(path: Path) -> None:
    """A clear Romanian refusal for files this import cannot read."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        raise InterchangeError(
            _(
                "„{name}” este un PDF: tabelele lui nu pot fi citite sigur; cereți documentul Word original."
            ).format(name=path.name)
        )
    if suffix in (".doc", ".odt", ".rtf"):
        raise InterchangeError(
            _(
                "„{name}” nu este un document .docx; deschideți-l în Word sau LibreOffice și salvați-l ca „Document Word (.docx)”, apoi importați copia."
            ).format(name=path.name)
        )
    if not path.is_file():
        raise InterchangeError(_("Fișierul „{path}” nu există.").format(path=path))


def _plan_of(plan: Plan | int) -> Plan:
    """The plan row (the GUI passes the id of its ``PlanInfo``)."""
    if isinstance(plan, Plan):
        return plan
    found = Plan.get_or_none(Plan.id == plan)
    if found is None:
        raise InterchangeError(_("Planul ales nu mai există în fișier."))
    return found


def read_report(path: Path | str, plan: Plan | int) -> ReportReading:
    """Read a semester report into a :class:`ReportReading` (nothing is written)."""
    path = Path(path)
    plan = _plan_of(plan)
    refuse_unsupported(path)
    try:
        blocks = read_docx_blocks(path)
    except InterchangeError:
        raise
    except Exception as exc:  # DocxReadError and anything a damaged package raises
        raise InterchangeError(str(exc)) from exc
    return read_blocks(blocks, plan, path.name)


def read_blocks(blocks: Sequence[Block], plan: Plan, source: str) -> ReportReading:
    """:func:`read_report` on already read blocks."""
    period = None
    for block in blocks[:40]:
        if isinstance(block, Para):
            period = parse_period(block.text)
            if period:
                break
    if period is None:
        raise InterchangeError(
            _(
                "În „{source}” nu am găsit perioada raportului (titlul trebuie să conțină, de exemplu, „semestrul I al anului 2023”); nu s-a importat nimic."
            ).format(source=source)
        )
    reading = ReportReading(source, period[0], period[1])
    if not plan.first_year <= reading.year <= plan.last_year:
        raise InterchangeError(
            _("Raportul este pentru {year}, în afara planului ({first_year}-{last_year}).").format(
                year=reading.year, first_year=plan.first_year, last_year=plan.last_year
            )
        )
    reader = _Reader(_plan_view(plan), reading)
    for block in blocks:
        if isinstance(block, Table):
            reader.table(block)
        else:
            reader.paragraph(block)
    reading.narrative = reader.narrative()
    for text in _narrative_texts(reading.narrative):
        problem = text_problem(text)
        if problem:
            raise InterchangeError(_("Narațiunea raportului: {problem}").format(problem=problem))
    return reading


def _narrative_texts(data: NarrativeData) -> list[str]:
    return [data.executive_summary, data.risks_intro, data.proposals_intro, *data.risks, *data.proposals]


# ----------------------------------------------------------------------------------- compare, apply


def _period(plan: Plan, reading: ReportReading) -> Period | None:
    return Period.get_or_none(
        (Period.plan == plan) & (Period.year == reading.year) & (Period.semester == reading.semester)
    )


def _actions(plan: Plan) -> dict[str, Action]:
    return {a.code: a for a in Action.select().join(Priority).where(Priority.plan == plan)}


def _indicator_ids(action_ids: list[int]) -> dict[tuple[int, int], int]:
    return {
        (ind.action_id, ind.number): int(ind.id)
        for ind in Indicator.select().where(Indicator.action.in_(action_ids))
    }


def compare_with_file(reading: ReportReading, plan: Plan | int) -> list[Difference]:
    """What the import would change in the open file (empty for a new or empty period)."""
    plan = _plan_of(plan)
    period = _period(plan, reading)
    if period is None:
        return []
    actions = _actions(plan)
    diffs: list[Difference] = []
    for row in reading.rows:
        action = actions[row.action]
        ret = Return.get_or_none(
            (Return.action == action) & (Return.subdivision == row.subdivision_id) & (Return.period == period)
        )
        if ret is None:
            values = " | ".join(v or "—" for v in row.values)
            diffs.append(
                Difference(row.action, row.subdivision, _("retur nou"), "", f"{row.description}\n{values}")
            )
            continue
        if ret.description != row.description:
            diffs.append(
                Difference(row.action, row.subdivision, "descrierea", ret.description, row.description)
            )
        stored = {
            v.indicator.number: v.raw_text
            for v in Value.select(Value, Indicator).join(Indicator).where(Value.ret == ret)
        }
        for number, new in enumerate(row.values, start=1):
            old = stored.get(number, "")
            if old != new:
                diffs.append(Difference(row.action, row.subdivision, f"indicatorul {number}", old, new))
    old_narrative = get_narrative(period.id)
    if _has_narrative(old_narrative) and _has_narrative(reading.narrative):
        for name, label in _NARRATIVE_LABELS.items():
            old_value, new_value = getattr(old_narrative, name), getattr(reading.narrative, name)
            if old_value != new_value:
                diffs.append(
                    Difference(
                        "",
                        "",
                        _("narațiunea: {label}").format(label=_(label)),
                        str(old_value),
                        str(new_value),
                    )
                )
    return diffs


_NARRATIVE_LABELS = {
    "executive_summary": N_("rezumatul executiv"),
    "risks_intro": N_("introducerea riscurilor"),
    "risks": N_("riscurile"),
    "proposals_intro": N_("introducerea propunerilor"),
    "proposals": N_("propunerile"),
    "prepared_by_name": N_("elaborat (nume)"),
    "prepared_by_function": N_("elaborat (funcția)"),
    "coordinated_by_name": N_("coordonat (nume)"),
    "coordinated_by_function": N_("coordonat (funcția)"),
    "extra_signatures": N_("alte semnături"),
}


def _has_narrative(data: NarrativeData) -> bool:
    return any(getattr(data, name) for name in _NARRATIVE_LABELS)


def period_has_data(reading: ReportReading, plan: Plan | int) -> bool:
    """Whether the report's period already holds returns (then the differences are shown first)."""
    plan = _plan_of(plan)
    period = _period(plan, reading)
    return period is not None and Return.select().where(Return.period == period).exists()


def apply_report(reading: ReportReading, plan: Plan | int) -> ChangeSet:
    """Write the reading into its period: all or nothing, after an automatic backup of the open file.

    Returns of the report replace the same subdivision's return for the same action (description and every
    value); other returns of the period are kept. The written Totals replace that period's references of
    the same actions. The narrative is replaced when the report has one.
    """
    plan = _plan_of(plan)
    auto_backup("import")
    source = f"{SOURCE_PREFIX} „{reading.source}”"
    with guard_write(_("Importul raportului")), database.atomic():
        period = _period(plan, reading)
        if period is None:
            period, _created = create_period(plan, PeriodKey(reading.year, reading.semester))
        actions = _actions(plan)
        used = [
            actions[code] for code in {r.action for r in reading.rows} | {t.action for t in reading.totals}
        ]
        indicators = _indicator_ids([int(a.id) for a in used])
        for row in reading.rows:
            action = actions[row.action]
            ret = Return.get_or_none(
                (Return.action == action)
                & (Return.subdivision == row.subdivision_id)
                & (Return.period == period)
            )
            if ret is None:
                ret = Return.create(
                    action=action, subdivision=row.subdivision_id, period=period, description=row.description
                )
            else:
                ret.description = row.description
                ret.save()
                Value.delete().where(Value.ret == ret).execute()
            rows = [
                {"ret": ret.id, "indicator": indicators[(int(action.id), number)], **parsed_columns(raw)}
                for number, raw in enumerate(row.values, start=1)
                if (int(action.id), number) in indicators
            ]
            if rows:
                Value.insert_many(rows).execute()
        references: list[dict[str, object]] = []
        for total in reading.totals:
            action = actions[total.action]
            ReferenceTotal.delete().where(
                (ReferenceTotal.period == period) & (ReferenceTotal.action == action)
            ).execute()
            if total.counts_text:
                references.append(
                    {
                        "action": action.id,
                        "period": period.id,
                        "indicator": None,
                        "raw_text": total.counts_text,
                    }
                )
            for number, cell in enumerate(total.cells, start=1):
                indicator = indicators.get((int(action.id), number))
                if indicator is not None and cell:
                    references.append(
                        {"action": action.id, "period": period.id, "indicator": indicator, "raw_text": cell}
                    )
        seen: set[tuple[object, object]] = set()
        for ref in references:
            key = (ref["action"], ref["indicator"])
            if key in seen:  # a split table repeating its Total: the first one counts
                continue
            seen.add(key)
            ReferenceTotal.create(source=source, **ref)
        if _has_narrative(reading.narrative):
            save_narrative(period.id, reading.narrative)
    return ChangeSet.everything()

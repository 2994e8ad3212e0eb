"""Reading a past semester report (.docx) into a :class:`~balti_monitor.interchange.report_reading.ReportReading`
(nothing is written): the walk through the document's paragraphs and tables (:class:`_Reader`): chapters,
action headings and table titles, each action's rows placed by subdivision, a table split across a page or
without its heading, the written Totals, the narrative and the signatures; the refusals of a file that
cannot be read. The layout's recognisers are in :mod:`balti_monitor.interchange.report_layout`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from balti_monitor.db.models import Action, Indicator, Plan, Priority
from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import _, ngettext
from balti_monitor.interchange.docx_tables import Block, Para, Table, read_docx_blocks
from balti_monitor.interchange.report_layout import (
    cell_at,
    cell_value,
    clean_text,
    grid_width,
    is_action_table,
    is_header_row,
    is_numbered_columns,
    match_row_name,
    paras_text,
    parse_period,
    row_texts,
    value_start,
)
from balti_monitor.interchange.report_reading import ReportReading, ReportRow, Unplaced, WrittenTotal
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.services.narrative import NarrativeData
from balti_monitor.services.values import text_problem

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
_NOT_PRESENTED = "nu a prezentat informația"


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
        text = clean_text(para.text).strip()
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
        if not is_action_table(table):
            return
        code = self.title_code or self.heading
        if code is None:
            if not self.last_closed and self.last_action is not None and grid_width(table) == self.last_width:
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
        self.last_action, self.last_closed, self.last_width = code, False, grid_width(table)
        self._rows(code, table, where)

    def _guess_lost_heading(self, table: Table, where: str) -> str | None:
        columns = grid_width(table) - value_start(table)
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
        start = value_start(table)
        count = self.plan.indicators[code]
        columns = grid_width(table) - start
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
            texts = row_texts(row)
            if not any(texts) or is_header_row(row) or is_numbered_columns(row):
                continue
            values = [""] * count
            extra: list[str] = []
            for cell in row:
                if cell.col < start:
                    continue
                index = cell.col - start
                text = cell_value(cell)
                if index < count:
                    values[index] = text
                elif text:
                    extra.append(text)
            first = fold_key(texts[0])
            description_cell = cell_at(row, 1)
            if first.startswith("total"):
                counts = (
                    paras_text(description_cell.paras)
                    if description_cell and description_cell.col == 1
                    else ""
                )
                self.reading.totals.append(WrittenTotal(code, counts, tuple(values), at))
                self.last_closed = True
                continue
            desc = ""
            if description_cell is not None and description_cell.col == 1:
                desc = paras_text(description_cell.paras)
            if fold_key(desc).startswith(fold_key(_NOT_PRESENTED)) and not any(values):
                self.reading.notes.append(
                    _("{at}: „{texts}” nu a prezentat informația (niciun retur).").format(
                        at=at, texts=texts[0]
                    )
                )
                continue
            matched = match_row_name(row)
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
            name_cell = cell_at(row, 0)
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


def plan_of(plan: Plan | int) -> Plan:
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
    plan = plan_of(plan)
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

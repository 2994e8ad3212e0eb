"""Each value's history: what one subdivision wrote for one action in every period of the plan.

One query per (action, subdivision) row; the history panel keeps the answer while the user moves along the
row, so a cell change costs no query. Annual periods show the subdivision's own annual figure or, without
one, the value derived from the year's semesters (by the indicator's annual rule).
"""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import Indicator, IndicatorAnnualRule, Period, database
from balti_monitor.domain.annual import derive_value, infer_annual_rule
from balti_monitor.domain.grid import Aggregation, AnnualRule
from balti_monitor.domain.values import ParsedValue, ValueState
from balti_monitor.services.editing import DESCRIPTION_COLUMN
from balti_monitor.services.periods import PeriodKey
from balti_monitor.services.values import from_columns


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One period's cell: its text ("" when nothing was written) and how it came about."""

    period_id: int
    code: str  # "2024-S1", "2023-A"
    text: str
    description: str
    derived: bool = False  # an annual value computed from the semesters (not sent by the subdivision)


@dataclass(frozen=True, slots=True)
class RowHistory:
    """Every period's description and values of one subdivision's row of one action."""

    action_id: int
    subdivision_id: int
    periods: tuple[tuple[int, str], ...]  # (period id, code), newest first
    descriptions: dict[int, str]  # period id -> description
    values: dict[tuple[int, int], str]  # (period id, column) -> text
    derived: frozenset[tuple[int, int]]  # annual cells computed from the semesters

    def entries(self, column: int) -> list[HistoryEntry]:
        """The column's history (0 = the description), newest period first."""
        found = []
        for period_id, code in self.periods:
            description = self.descriptions.get(period_id, "")
            text = description if column == DESCRIPTION_COLUMN else self.values.get((period_id, column), "")
            found.append(
                HistoryEntry(period_id, code, text, description, (period_id, column) in self.derived)
            )
        return found

    def previous_text(self, period_id: int, column: int) -> str | None:
        """What the cell held in the period before ``period_id`` (the previous semester, or the previous
        year for an annual period); None when that period does not exist or held nothing."""
        kinds = {pid: code for pid, code in self.periods}
        code = kinds.get(period_id)
        if code is None:
            return None
        key = _key(code)
        if key.semester == 0:
            wanted = PeriodKey(key.year - 1, 0)
        elif key.semester == 2:
            wanted = PeriodKey(key.year, 1)
        else:
            wanted = PeriodKey(key.year - 1, 2)
        for pid, other in self.periods:
            if other == wanted.code:
                if (pid, column) in self.derived:
                    return None  # a derived annual value is not something to copy
                text = (
                    self.descriptions.get(pid, "")
                    if column == DESCRIPTION_COLUMN
                    else self.values.get((pid, column), "")
                )
                return text or None
        return None


def _key(code: str) -> PeriodKey:
    year, _, kind = code.partition("-")
    return PeriodKey(int(year), 0 if kind == "A" else int(kind[1:]))


def _order(year: int, semester: int) -> int:
    return year * 3 + (semester or 3)


def row_history(plan_id: int, action_id: int, subdivision_id: int) -> RowHistory:
    """Every period's cells of one subdivision's row (two queries)."""
    periods = sorted(
        ((p.id, p.year, p.semester) for p in Period.select().where(Period.plan == plan_id)),
        key=lambda p: _order(p[1], p[2]),
        reverse=True,
    )
    codes = [(pid, PeriodKey(year, semester).code) for pid, year, semester in periods]
    cursor = database.execute_sql(  # type: ignore[no-untyped-call]
        "SELECT r.period_id, r.description, i.number, v.raw_text, v.state, v.quantity, v.unit, v.women, v.men,"
        " v.approximate, v.status FROM return r LEFT JOIN value v ON v.return_id = r.id"
        " LEFT JOIN indicator i ON i.id = v.indicator_id"
        " WHERE r.action_id = ? AND r.subdivision_id = ?",
        (action_id, subdivision_id),
    )
    descriptions: dict[int, str] = {}
    parsed: dict[tuple[int, int], ParsedValue] = {}
    for period_id, description, number, raw, *columns in cursor:
        descriptions[period_id] = description or ""
        if number is not None and raw:
            parsed[(period_id, number)] = from_columns(raw, *columns)
    values = {key: value.raw for key, value in parsed.items()}
    derived: set[tuple[int, int]] = set()
    by_key = {(year, semester): pid for pid, year, semester in periods}
    annual = [(pid, year) for pid, year, semester in periods if semester == 0]
    if annual:
        rules = _rules(action_id)
        for pid, year in annual:
            s1, s2 = by_key.get((year, 1)), by_key.get((year, 2))
            for number, rule in rules.items():
                if (pid, number) in values:
                    continue  # the subdivision's own annual figure
                value, _ = derive_value(
                    rule,
                    parsed.get((s1, number)) if s1 is not None else None,
                    parsed.get((s2, number)) if s2 is not None else None,
                )
                if value is not None and value.state is not ValueState.MISSING:
                    values[(pid, number)] = value.raw
                    derived.add((pid, number))
    return RowHistory(action_id, subdivision_id, tuple(codes), descriptions, values, frozenset(derived))


def _rules(action_id: int) -> dict[int, AnnualRule]:
    chosen = {
        row.indicator_id: AnnualRule(row.rule)
        for row in IndicatorAnnualRule.select().join(Indicator).where(Indicator.action == action_id)
    }
    return {
        ind.number: chosen.get(ind.id) or infer_annual_rule(ind.text, Aggregation(ind.aggregation))
        for ind in Indicator.select().where(Indicator.action == action_id)
    }

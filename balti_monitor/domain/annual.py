"""The year: how an indicator's annual value follows from its two semesters.

Each indicator has an annual rule (:class:`AnnualRule`): *sum* for counts of things done, *last* for states,
*max*, *mean* for averages, *manual* when it cannot be derived. The specialist may choose it; otherwise it is
inferred from the indicator's text and its Total rule (:func:`infer_annual_rule`). A subdivision may send an
annual figure of its own (stored in the annual period): it wins over the derived value, and a difference
between the two is a finding. Pure functions over :class:`ActionGrid` - the services load the semesters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from balti_monitor.domain.grid import ActionGrid, Aggregation, AnnualRule, GridRow, IndicatorDef
from balti_monitor.domain.text import fold_key
from balti_monitor.domain.totals import _quantity_text
from balti_monitor.domain.values import ParsedValue, ValueState, unit_key
from balti_monitor.i18n import N_, _

#: Romanian names of the rules (GUI, README, CLI).
RULE_LABELS: dict[AnnualRule, str] = {
    AnnualRule.SUM: N_("sumă (S1 + S2)"),
    AnnualRule.LAST: N_("ultima valoare (S2, altfel S1)"),
    AnnualRule.MAX: N_("maximul celor două semestre"),
    AnnualRule.MEAN: N_("media celor două semestre"),
    AnnualRule.MANUAL: N_("manual (cifra anuală se introduce)"),
}

#: Short Romanian names of the rules (messages, the plan header).
RULE_NAMES: dict[AnnualRule, str] = {
    AnnualRule.SUM: N_("sumă"),
    AnnualRule.LAST: N_("ultima valoare"),
    AnnualRule.MAX: N_("maxim"),
    AnnualRule.MEAN: N_("medie"),
    AnnualRule.MANUAL: N_("manual"),
}

_MEAN_WORDS = ("mediu", "medie", "media ")
_STOCK_WORDS = ("numar total", "care activeaza")


@lru_cache(maxsize=4096)
def infer_annual_rule(text: str, aggregation: Aggregation) -> AnnualRule:
    """The default annual rule of an indicator, from its text and Total rule.

    Averages ("numărul mediu …") -> mean; statuses -> last; a manual Total -> manual; a count
    ("numărul de …") -> sum, unless it counts a stock ("număr total al subiecților … care activează") -> last;
    a shared object that is not a count (a register, a responsible person, a web page) -> last;
    other figures -> sum (or max for a numeric Total rule *max*).
    """
    key = fold_key(text)
    counts = key.startswith(("numar", "nr.", "nr "))
    if any(word in key for word in _MEAN_WORDS):
        return AnnualRule.MEAN
    if aggregation is Aggregation.STATUS:
        return AnnualRule.LAST
    if aggregation is Aggregation.MANUAL:
        return AnnualRule.MANUAL
    if counts and any(word in key for word in _STOCK_WORDS):
        return AnnualRule.LAST
    if counts:
        return AnnualRule.MAX if aggregation is Aggregation.MAX else AnnualRule.SUM
    if aggregation in (Aggregation.MAX, Aggregation.DISTINCT):
        return AnnualRule.LAST
    return AnnualRule.SUM


def rule_of(indicator: IndicatorDef) -> AnnualRule:
    """The rule in force: the chosen one, else the inferred one."""
    if indicator.annual_rule is not None:
        return indicator.annual_rule
    return infer_annual_rule(indicator.text, indicator.aggregation)


@dataclass(frozen=True, slots=True)
class AnnualCell:
    """One subdivision's indicator for a year: the two semesters, the derived value and its own figure."""

    rule: AnnualRule
    s1: ParsedValue | None
    s2: ParsedValue | None
    derived: ParsedValue | None
    own: ParsedValue | None
    problem: str | None = None  # why nothing could be derived

    @property
    def value(self) -> ParsedValue | None:
        """What the year shows: the subdivision's own annual figure, else the derived value."""
        return self.own if self.own is not None else self.derived

    @property
    def differs(self) -> bool:
        """The own annual figure disagrees with what the semesters give."""
        if self.own is None or self.derived is None:
            return False
        own, derived = self.own, self.derived
        if own.quantity is not None and derived.quantity is not None:
            return own.quantity != derived.quantity or unit_key(own.unit) != unit_key(derived.unit)
        return fold_key(own.raw) != fold_key(derived.raw)


def _present(value: ParsedValue | None) -> ParsedValue | None:
    return None if value is None or value.state is ValueState.MISSING else value


def _numeric(value: ParsedValue) -> bool:
    return value.state in (ValueState.REPORTED, ValueState.ZERO) and value.quantity is not None


def _make(quantity: Decimal, values: list[ParsedValue], fb: tuple[int, int] | None) -> ParsedValue:
    unit = next((v.unit for v in values if v.unit), None)
    approximate = any(v.approximate for v in values)
    text = _quantity_text(quantity, unit, approximate, fb)
    women, men = fb if fb is not None else (None, None)
    state = ValueState.ZERO if quantity == 0 and not approximate else ValueState.REPORTED
    return ParsedValue(text, state, quantity, unit, women, men, approximate)


def derive_value(
    rule: AnnualRule, s1: ParsedValue | None, s2: ParsedValue | None
) -> tuple[ParsedValue | None, str | None]:
    """The annual value the rule gives from the two semesters, and why there is none when there is none."""
    first, second = _present(s1), _present(s2)
    present = [v for v in (first, second) if v is not None]
    if rule is AnnualRule.MANUAL:
        return None, _("regula anuală este „manual”: cifra anuală se introduce")
    if not present:
        return None, None
    latest = present[-1]
    if rule is AnnualRule.LAST:
        return latest, None
    numbers = [v for v in present if _numeric(v)]
    if len(numbers) < len(present):
        if all(v.state is ValueState.NOT_APPLICABLE for v in present if not _numeric(v)) and numbers:
            present = numbers  # "nu se aplică" in one semester does not stop a sum
        else:
            return None, _("o valoare semestrială nu este un număr: cifra anuală se introduce")
    if not numbers:
        return latest, None
    if len({unit_key(v.unit) for v in numbers if v.unit}) > 1:
        return None, _("unități de măsură diferite în cele două semestre")
    quantities = [v.quantity for v in numbers if v.quantity is not None]
    if rule is AnnualRule.SUM:
        splits = [(v.women, v.men) for v in numbers]
        fb = None
        if all(w is not None and m is not None for w, m in splits):
            fb = (sum(w or 0 for w, _ in splits), sum(m or 0 for _, m in splits))
        return _make(sum(quantities, Decimal(0)), numbers, fb), None
    if rule is AnnualRule.MAX:
        return max(numbers, key=lambda v: v.quantity or Decimal(0)), None
    mean = sum(quantities, Decimal(0)) / len(quantities)
    return _make(mean.normalize() if mean == mean.to_integral() else mean, numbers, None), None


def _combined_description(own: GridRow | None, s1: GridRow | None, s2: GridRow | None) -> str:
    if own is not None and own.description.strip():
        return own.description
    parts = []
    for label, row in (("Semestrul I", s1), ("Semestrul II", s2)):
        if row is not None and row.description.strip():
            parts.append(f"{label}: {row.description.strip()}")
    return "\n".join(parts)


def derive_annual_grid(own: ActionGrid, s1: ActionGrid | None, s2: ActionGrid | None) -> ActionGrid:
    """The year's grid of one action: the annual period's own grid (responsibilities, own annual figures,
    overrides) with every value derived from S1 and S2 where the subdivision sent no annual figure.

    Rows are the annual period's; a subdivision that reported in a semester without being responsible in
    the year keeps a row (not responsible), as it would in the semester.
    """
    by_sub_s1 = {row.subdivision_id: row for row in (s1.rows if s1 else ())}
    by_sub_s2 = {row.subdivision_id: row for row in (s2.rows if s2 else ())}
    rows = list(own.rows)
    seen = {row.subdivision_id for row in rows}
    for extra in _extras(seen, by_sub_s1, by_sub_s2):
        rows.append(
            GridRow(extra.subdivision_id, extra.subdivision_name, extra.applicable, False, responsible=False)
        )
        seen.add(extra.subdivision_id)
    annual: dict[tuple[int, int], AnnualCell] = {}
    new_rows: list[GridRow] = []
    rules = {ind.number: rule_of(ind) for ind in own.indicators}
    for row in rows:
        sid = row.subdivision_id
        r1, r2 = by_sub_s1.get(sid), by_sub_s2.get(sid)
        own_row = row if row.has_return else None
        values: dict[int, ParsedValue] = {}
        for ind in own.indicators:
            v1 = r1.values.get(ind.number) if r1 and r1.has_return else None
            v2 = r2.values.get(ind.number) if r2 and r2.has_return else None
            mine = _present(own_row.values.get(ind.number)) if own_row else None
            rule = rules[ind.number]
            derived, problem = derive_value(rule, v1, v2)
            cell = AnnualCell(rule, v1, v2, derived, mine, problem)
            annual[(sid, ind.number)] = cell
            if cell.value is not None:
                values[ind.number] = cell.value
        has_return = row.has_return or bool(r1 and r1.has_return) or bool(r2 and r2.has_return)
        new_rows.append(
            GridRow(
                sid,
                row.subdivision_name,
                row.applicable,
                has_return,
                _combined_description(own_row, r1, r2),
                values,
                row.responsible,
                row.return_id,
            )
        )
    return ActionGrid(
        code=own.code,
        indicators=own.indicators,
        rows=tuple(new_rows),
        overrides=own.overrides,
        action_id=own.action_id,
        title=own.title,
        acknowledged=own.acknowledged,
        references=own.references,
        annual=annual,
        term=own.term,
        year=own.year,
        semester=own.semester,
    )


def _extras(seen: set[int], *semesters: dict[int, GridRow]) -> Iterable[GridRow]:
    for rows in semesters:
        for sid, row in rows.items():
            if sid not in seen and row.has_return:
                seen = seen | {sid}
                yield row

"""Building :class:`ActionGrid` objects from the database in a handful of bulk queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import Any, NamedTuple

from balti_monitor.db.models import (
    Action,
    ActionTerm,
    FindingAcknowledgement,
    Indicator,
    IndicatorAnnualRule,
    Period,
    Priority,
    ReferenceTotal,
    Subdivision,
    TotalOverride,
    database,
)
from balti_monitor.domain.annual import derive_annual_grid
from balti_monitor.domain.grid import ActionGrid, Aggregation, AnnualRule, GridRow, IndicatorDef, OverrideDef
from balti_monitor.domain.terms import Term, TermKind, parse_term
from balti_monitor.domain.values import ParsedValue, ValueState
from balti_monitor.services.applicability import effective_responsibilities
from balti_monitor.services.periods import PeriodRef
from balti_monitor.services.values import from_columns


def plan_actions(plan_id: int) -> list[Action]:
    """The plan's actions in plan order (priority position, then action position)."""
    return list(
        Action.select(Action, Priority)
        .join(Priority)
        .where(Priority.plan == plan_id)
        .order_by(Priority.position, Action.position)
    )


def load_grids(period: PeriodRef, action_ids: Iterable[int] | None = None) -> dict[int, ActionGrid]:
    """Grids of the given actions (default: every action of the period's plan) for one period.

    For an annual period every value the subdivision did not send for the year itself is derived from the
    year's two semesters (:func:`balti_monitor.domain.annual.derive_annual_grid`); for a semester the
    grids carry each value's largest earlier figure (the outlier check).
    """
    wanted_ids = None if action_ids is None else list(action_ids)
    grids = _load_period_grids(period, wanted_ids)
    if period.semester == 0:
        semesters = {
            p.semester: p
            for p in Period.select().where(
                (Period.plan == period.plan_id) & (Period.year == period.year) & (Period.semester > 0)
            )
        }
        ids = list(grids)
        s1 = _load_period_grids(semesters[1], ids) if 1 in semesters else {}
        s2 = _load_period_grids(semesters[2], ids) if 2 in semesters else {}
        return {aid: derive_annual_grid(grid, s1.get(aid), s2.get(aid)) for aid, grid in grids.items()}
    history = _history_max(period, wanted_ids)
    if history:
        grids = {aid: replace(grid, history_max=history.get(aid, {})) for aid, grid in grids.items()}
    return grids


def _history_max(
    period: PeriodRef, action_ids: list[int] | None
) -> dict[int, dict[tuple[int, int], Decimal]]:
    """Per action: the largest quantity each (subdivision, indicator number) reported in earlier semesters."""
    only = "" if action_ids is None else f" AND r.action_id IN ({','.join('?' * len(action_ids)) or 'NULL'})"
    params: list[Any] = [period.plan_id, period.year * 3 + period.semester] + (action_ids or [])
    cursor = _sql(
        "SELECT r.action_id, r.subdivision_id, i.number, v.quantity FROM value v"
        " JOIN return r ON r.id = v.return_id JOIN period p ON p.id = r.period_id"
        " JOIN indicator i ON i.id = v.indicator_id"
        " WHERE p.plan_id = ? AND p.semester > 0 AND p.year * 3 + p.semester < ? AND v.quantity IS NOT NULL"
        f"{only}",
        params,
    )
    found: dict[int, dict[tuple[int, int], Decimal]] = defaultdict(dict)
    for action_id, sub_id, number, quantity in cursor:
        q = Decimal(quantity)
        key = (sub_id, number)
        known = found[action_id].get(key)
        if known is None or q > known:
            found[action_id][key] = q
    return found


def annual_rules(indicator_ids: Iterable[int]) -> dict[int, AnnualRule]:
    """The annual rules chosen by hand for these indicators (the others are inferred)."""
    ids = list(indicator_ids)
    if not ids:
        return {}
    query = IndicatorAnnualRule.select().where(IndicatorAnnualRule.indicator.in_(ids))
    return {row.indicator_id: AnnualRule(row.rule) for row in query}


def _load_period_grids(period: PeriodRef, action_ids: list[int] | None) -> dict[int, ActionGrid]:
    if action_ids is None:
        actions = plan_actions(period.plan_id)
    else:
        actions = list(Action.select().where(Action.id.in_(action_ids)))
    ids = [a.id for a in actions]
    if not ids:
        return {}
    indicators: dict[int, list[IndicatorDef]] = defaultdict(list)
    indicator_number: dict[int, int] = {}
    stored = list(
        Indicator.select().where(Indicator.action.in_(ids)).order_by(Indicator.action, Indicator.number)
    )
    chosen = annual_rules(ind.id for ind in stored)
    for ind in stored:
        indicators[ind.action_id].append(
            IndicatorDef(
                ind.number,
                ind.text,
                Aggregation(ind.aggregation),
                ind.gender_split,
                ind.id,
                chosen.get(ind.id),
            )
        )
        indicator_number[ind.id] = ind.number
    names = {s.id: s.name for s in Subdivision.select(Subdivision.id, Subdivision.name)}
    # who answers which indicator in *this* period (responsibilities are valid from a period on)
    responsibilities = effective_responsibilities(period, ids)
    # The two big queries go through the cursor directly: building peewee objects for thousands of values
    # costs more than the totals themselves.
    only = "" if action_ids is None else f" AND r.action_id IN ({','.join('?' * len(ids)) or 'NULL'})"
    params: list[Any] = [period.id] + ([] if action_ids is None else ids)
    returns: dict[int, dict[int, _Ret]] = defaultdict(dict)
    cursor = _sql(
        f"SELECT r.id, r.action_id, r.subdivision_id, r.description FROM return r WHERE r.period_id = ?{only}"
        " ORDER BY r.id",
        params,
    )
    for ret_id, action_id, sub_id, description in cursor:
        returns[action_id][sub_id] = _Ret(ret_id, description)
    values: dict[int, dict[int, ParsedValue]] = defaultdict(dict)
    cursor = _sql(
        "SELECT v.return_id, v.indicator_id, v.raw_text, v.state, v.quantity, v.unit, v.women, v.men,"
        f" v.approximate, v.status FROM value v JOIN return r ON r.id = v.return_id WHERE r.period_id = ?{only}",
        params,
    )
    for ret_id, indicator_id, *columns in cursor:
        values[ret_id][indicator_number[indicator_id]] = from_columns(*columns)
    overrides: dict[int, dict[int | None, OverrideDef]] = defaultdict(dict)
    for ov in TotalOverride.select().where(
        (TotalOverride.action.in_(ids)) & (TotalOverride.period == period.id)
    ):
        number = None if ov.indicator_id is None else indicator_number[ov.indicator_id]
        overrides[ov.action_id][number] = OverrideDef(ov.raw_text, ov.reason, ov.author)
    references: dict[int, dict[int | None, str]] = defaultdict(dict)
    for ref in ReferenceTotal.select().where(
        (ReferenceTotal.action.in_(ids)) & (ReferenceTotal.period == period.id)
    ):
        number = None if ref.indicator_id is None else indicator_number[ref.indicator_id]
        references[ref.action_id][number] = ref.raw_text

    acknowledged = acknowledgements_of(period)
    manual_terms = terms_set_by_hand(ids)
    grids: dict[int, ActionGrid] = {}
    for action in actions:
        rows: list[GridRow] = []
        seen: set[int] = set()
        action_returns = returns.get(action.id, {})
        for sub_id, applicable in responsibilities.get(action.id, []):
            seen.add(sub_id)
            rows.append(_row(sub_id, names, applicable, action_returns.get(sub_id), values, True))
        for sub_id, extra in action_returns.items():
            if sub_id in seen:
                continue
            reported = values.get(extra.id, {})
            answered = frozenset(n for n, v in reported.items() if v.state != ValueState.MISSING)
            rows.append(_row(sub_id, names, answered, extra, values, False))
        grids[action.id] = ActionGrid(
            code=action.code,
            indicators=tuple(indicators.get(action.id, [])),
            rows=tuple(rows),
            overrides=overrides.get(action.id, {}),
            action_id=action.id,
            title=action.title,
            acknowledged=acknowledged.get(action.code, {}),
            references=references.get(action.id, {}),
            term=manual_terms[action.id] if action.id in manual_terms else parse_term(action.deadline),
            year=period.year,
            semester=period.semester,
        )
    return grids


def terms_set_by_hand(action_ids: list[int]) -> dict[int, Term]:
    """The terms the user set by hand for these actions (the others are read from the plan's text)."""
    found: dict[int, Term] = {}
    for row in ActionTerm.select().where(ActionTerm.action.in_(action_ids)):
        due = dt.date.fromisoformat(row.due_date) if row.due_date else None
        found[row.action_id] = Term(TermKind(row.kind), due)
    return found


def acknowledgements_of(period: PeriodRef) -> dict[str, dict[str, tuple[str, str]]]:
    """The period's acknowledged findings by action code: key -> (fingerprint, note)."""
    found: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for ack in FindingAcknowledgement.select().where(FindingAcknowledgement.period == period.id):
        found[ack.key.split("/", 1)[0]][ack.key] = (ack.fingerprint, ack.note)
    return found


class _Ret(NamedTuple):
    id: int
    description: str


def _sql(query: str, params: list[Any]) -> Any:
    return database.execute_sql(query, params)  # type: ignore[no-untyped-call]


def _row(
    sub_id: int,
    names: dict[int, str],
    applicable: frozenset[int],
    ret: _Ret | None,
    values: dict[int, dict[int, ParsedValue]],
    responsible: bool,
) -> GridRow:
    if ret is None:
        return GridRow(sub_id, names[sub_id], applicable, has_return=False, responsible=responsible)
    return GridRow(
        sub_id,
        names[sub_id],
        applicable,
        has_return=True,
        description=ret.description,
        values=values.get(ret.id, {}),
        responsible=responsible,
        return_id=ret.id,
    )


def load_grid(period: PeriodRef, action_id: int) -> ActionGrid:
    """The grid of one action."""
    return load_grids(period, [action_id])[action_id]

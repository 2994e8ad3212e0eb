"""Trends across the plan's periods: one action's Totals (and each subdivision's figures) period by period,
and the plan's overview per period (actions achieved / with arrears / with nothing / not yet due, per
priority; how completely the subdivisions answered)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from balti_monitor.db.models import Period, Priority
from balti_monitor.domain.terms import DueState
from balti_monitor.services.grids import load_grids, plan_actions
from balti_monitor.services.periods import PeriodKey
from balti_monitor.services.results import ActionMark, action_result


def _order(period: Period) -> int:
    return period.year * 3 + (period.semester or 3)


def plan_periods(plan_id: int, *, annual: bool) -> list[Period]:
    """The plan's periods in time order: the semesters, or the years."""
    periods = [p for p in Period.select().where(Period.plan == plan_id) if (p.semester == 0) == annual]
    return sorted(periods, key=_order)


@dataclass(frozen=True, slots=True)
class IndicatorTrend:
    """One indicator's Total in each period (None: nothing computable), and each subdivision's figure."""

    number: int
    text: str
    unit: str
    totals: list[Decimal | None]
    by_subdivision: dict[str, list[Decimal | None]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ActionTrend:
    """An action's indicators across the periods (semesters or years)."""

    code: str
    title: str
    periods: list[str]  # period codes, oldest first
    indicators: list[IndicatorTrend]


def action_trend(plan_id: int, action_id: int, *, annual: bool = False) -> ActionTrend:
    """The action's Totals per period (the computed figure; a Total typed by hand counts as typed when it
    reads as a number) and each subdivision's figures."""
    periods = plan_periods(plan_id, annual=annual)
    code, title = "", ""
    numbers: list[tuple[int, str]] = []
    totals: dict[int, list[Decimal | None]] = defaultdict(list)
    units: dict[int, str] = {}
    subs: dict[int, dict[str, list[Decimal | None]]] = defaultdict(dict)
    for position, period in enumerate(periods):
        grid = load_grids(period, [action_id])[action_id]
        result = action_result(grid)
        code, title = grid.code, grid.title
        numbers = [(ind.number, ind.text) for ind in grid.indicators]
        for total in result.totals.indicators:
            totals[total.number].append(total.quantity if total.computable else None)
            if total.unit and total.number not in units:
                units[total.number] = total.unit
        for row in grid.rows:
            for number, _ in numbers:
                series = subs[number].setdefault(row.subdivision_name, [None] * len(periods))
                value = row.values.get(number)
                series[position] = value.quantity if value is not None else None
    return ActionTrend(
        code,
        title,
        [PeriodKey(p.year, p.semester).code for p in periods],
        [IndicatorTrend(n, text, units.get(n, ""), totals[n], subs[n]) for n, text in numbers],
    )


@dataclass(frozen=True, slots=True)
class PriorityShare:
    """How many actions of a priority are achieved / with arrears / with nothing / not yet due."""

    number: str
    achieved: int = 0
    arrears: int = 0
    empty: int = 0
    not_due: int = 0


@dataclass(frozen=True, slots=True)
class PeriodOverview:
    """One period of the plan: the priorities' shares and the subdivisions' completeness."""

    code: str
    priorities: list[PriorityShare]
    answered: int  # responsible rows with a return
    expected: int  # responsible rows

    @property
    def completeness(self) -> float:
        """Share of the responsible subdivisions' rows that have a return (0..1)."""
        return self.answered / self.expected if self.expected else 0.0


def plan_overview(plan_id: int, *, annual: bool = False) -> list[PeriodOverview]:
    """Every period's overview, oldest first. An action not yet due counts as *not due* whatever its
    returns; the others by their mark."""
    priorities = list(Priority.select().where(Priority.plan == plan_id).order_by(Priority.position))
    priority_of = {a.id: a.priority_id for a in plan_actions(plan_id)}
    found: list[PeriodOverview] = []
    for period in plan_periods(plan_id, annual=annual):
        shares: dict[int, dict[str, int]] = {p.id: defaultdict(int) for p in priorities}
        answered = expected = 0
        for action_id, grid in load_grids(period).items():
            result = action_result(grid)
            if result.due is DueState.NOT_DUE:
                kind = "not_due"
            else:
                kind = {
                    ActionMark.COMPLETE: "achieved",
                    ActionMark.ARREARS: "arrears",
                    ActionMark.EMPTY: "empty",
                }[result.mark]
            shares[priority_of[action_id]][kind] += 1
            for row in grid.rows:
                if row.responsible:
                    expected += 1
                    answered += row.has_return
        found.append(
            PeriodOverview(
                PeriodKey(period.year, period.semester).code,
                [PriorityShare(p.number, **shares[p.id]) for p in priorities],
                answered,
                expected,
            )
        )
    return found

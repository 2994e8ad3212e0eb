"""Who answers which indicator, period by period: responsibilities are valid *from a period on*.

Every period holds its own matrix (``PeriodResponsibility``); ``Responsibility`` is the matrix a new period
starts from. A change made while working on a period applies to that period and every later one; earlier
periods keep their applicability, their counts and their totals. A period without its own rows (created by
an older tool) takes the matrix of the nearest earlier period that has one, else today's matrix, and gets it
written the first time anything changes.

Every reader of applicability (grids → totals, counts, checks, export, forms) goes through
:func:`effective_responsibilities`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from balti_monitor.db.models import Action, Period, PeriodResponsibility, Priority, Responsibility, database
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError

if TYPE_CHECKING:  # periods imports this module (a period starts from the matrix before it)
    from balti_monitor.services.periods import PeriodRef

#: (subdivision id, indicator numbers) in grid order
State = list[tuple[int, list[int]]]


def period_order(period: Period) -> tuple[int, int]:
    """Chronological order of periods: semesters in order, a whole year after its second semester."""
    return (period.year, period.semester or 3)


def _plan_periods(plan_id: int) -> list[Period]:
    return sorted(Period.select().where(Period.plan == plan_id), key=period_order)


def _materialized(plan_id: int) -> set[int]:
    rows = (
        PeriodResponsibility.select(PeriodResponsibility.period)
        .join(Period)
        .where(Period.plan == plan_id)
        .distinct()
    )
    return {r.period_id for r in rows}


def source_period(period: PeriodRef) -> int | None:
    """The period whose rows give ``period`` its matrix (itself, or the nearest earlier one with rows);
    None when today's matrix applies."""
    if PeriodResponsibility.select().where(PeriodResponsibility.period == period.id).exists():
        return int(period.id)  # the usual case, one indexed look-up
    have = _materialized(period.plan_id)
    if period.id in have:
        return int(period.id)
    stored = period if isinstance(period, Period) else Period.get_by_id(period.id)
    mine = period_order(stored)
    earlier = [p for p in _plan_periods(period.plan_id) if p.id in have and period_order(p) < mine]
    return int(earlier[-1].id) if earlier else None


def effective_responsibilities(
    period: PeriodRef, action_ids: Iterable[int] | None = None
) -> dict[int, list[tuple[int, frozenset[int]]]]:
    """For each action: its responsible subdivisions in grid order, with the indicators each answers in
    ``period``."""
    source = source_period(period)
    wanted = None if action_ids is None else list(action_ids)
    found: dict[int, list[tuple[int, frozenset[int]]]] = defaultdict(list)
    if source is None:
        query = Responsibility.select(Responsibility).join(Action).join(Priority)
        query = query.where(Priority.plan == period.plan_id)
        if wanted is not None:
            query = query.where(Responsibility.action.in_(wanted))
        for r in query.order_by(Responsibility.position):
            found[r.action_id].append((r.subdivision_id, frozenset(r.indicators or ())))
        return found
    pquery = PeriodResponsibility.select().where(PeriodResponsibility.period == source)
    if wanted is not None:
        pquery = pquery.where(PeriodResponsibility.action.in_(wanted))
    for pr in pquery.order_by(PeriodResponsibility.position):
        found[pr.action_id].append((pr.subdivision_id, frozenset(pr.indicators or ())))
    return found


def period_state(period: PeriodRef | int, action_id: int) -> State:
    """The responsibilities of one action in one period (the dialog's starting point)."""
    if isinstance(period, int):
        found = Period.get_or_none(Period.id == period)
        if found is None:
            raise ServiceError(_("Perioada nu mai există."))
        period = found
    rows = effective_responsibilities(period, [action_id]).get(action_id, [])
    return [(sid, sorted(numbers)) for sid, numbers in rows]


def _plan_of_action(action_id: int) -> int:
    action = Action.select(Action, Priority).join(Priority).where(Action.id == action_id).get_or_none()
    if action is None:
        raise ServiceError(_("Acțiunea nu mai există."))
    return int(action.priority.plan_id)


def _write_rows(period_id: int, action_id: int, state: Sequence[tuple[int, Sequence[int]]]) -> None:
    PeriodResponsibility.delete().where(
        (PeriodResponsibility.period == period_id) & (PeriodResponsibility.action == action_id)
    ).execute()
    for position, (sid, numbers) in enumerate(state, start=1):
        PeriodResponsibility.create(
            period=period_id,
            action=action_id,
            subdivision=sid,
            position=position,
            indicators=sorted(set(numbers)),
        )


def materialize(period: Period) -> None:
    """Give a period its own rows (its current effective matrix) if it has none."""
    if PeriodResponsibility.select().where(PeriodResponsibility.period == period).exists():
        return
    matrix = effective_responsibilities(period)
    with database.atomic():
        for action_id, rows in matrix.items():
            _write_rows(period.id, action_id, [(sid, sorted(n)) for sid, n in rows])


def materialize_plan(plan_id: int) -> None:
    """Give every period of a plan its own rows (oldest first, so each inherits correctly)."""
    for period in _plan_periods(plan_id):
        materialize(period)


@dataclass(frozen=True, slots=True)
class ResponsibilitySnapshot:
    """An action's responsibilities everywhere: today's matrix and each period's (for undo)."""

    action_id: int
    template: tuple[tuple[int, tuple[int, ...]], ...]
    periods: tuple[tuple[int, tuple[tuple[int, tuple[int, ...]], ...]], ...]


def _frozen(state: State) -> tuple[tuple[int, tuple[int, ...]], ...]:
    return tuple((sid, tuple(numbers)) for sid, numbers in state)


def snapshot(action_id: int) -> ResponsibilitySnapshot:
    """Everything :func:`apply_from_period` may change for this action."""
    from balti_monitor.services.responsibilities import responsibility_state

    plan_id = _plan_of_action(action_id)
    periods = tuple((int(p.id), _frozen(period_state(p, action_id))) for p in _plan_periods(plan_id))
    return ResponsibilitySnapshot(action_id, _frozen(responsibility_state(action_id)), periods)


def restore(snap: ResponsibilitySnapshot) -> ChangeSet:
    """Put an action's responsibilities back as a snapshot recorded them (the undo of a change)."""
    from balti_monitor.services.responsibilities import apply_responsibilities

    with database.atomic():
        apply_responsibilities(snap.action_id, [(sid, list(n)) for sid, n in snap.template])
        for period_id, state in snap.periods:
            if Period.get_or_none(Period.id == period_id) is not None:
                _write_rows(period_id, snap.action_id, state)
    return ChangeSet(actions=frozenset({snap.action_id}), plan_structure=True)


def apply_from_period(
    action_id: int, period_id: int, target: Sequence[tuple[int, Sequence[int]]]
) -> ChangeSet:
    """Set an action's responsibilities from ``period_id`` on: that period, every later one and the matrix of
    future periods; earlier periods keep theirs. All or nothing."""
    from balti_monitor.services.responsibilities import apply_responsibilities

    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    wanted = [(sid, sorted(set(numbers))) for sid, numbers in target]
    with database.atomic():
        materialize_plan(period.plan_id)
        changes = apply_responsibilities(action_id, wanted)  # validates; today's matrix
        start = period_order(period)
        for p in _plan_periods(period.plan_id):
            if period_order(p) >= start:
                _write_rows(p.id, action_id, wanted)
    return changes


@dataclass(frozen=True, slots=True)
class SetResponsibilitiesFrom:
    """:func:`apply_from_period` as a replayable write; its inverse puts every period back."""

    action_id: int
    period_id: int
    state: tuple[tuple[int, tuple[int, ...]], ...]

    @property
    def show_first(self) -> int | None:
        """The period from which the change applies."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Snapshot and change in one transaction."""
        with database.atomic():
            before = snapshot(self.action_id)
            changes = apply_from_period(self.action_id, self.period_id, self.state)
        return replace(
            changes, inverse=RestoreResponsibilities(before), focus=Focus(action_id=self.action_id)
        )


@dataclass(frozen=True, slots=True)
class RestoreResponsibilities:
    """Put an action's responsibilities back as a snapshot recorded them (every period's)."""

    snap: ResponsibilitySnapshot

    @property
    def show_first(self) -> None:
        """Any period."""
        return None

    def apply(self) -> ChangeSet:
        """Restore; the inverse is the state this replaced."""
        with database.atomic():
            now = snapshot(self.snap.action_id)
            changes = restore(self.snap)
        return replace(
            changes, inverse=RestoreResponsibilities(now), focus=Focus(action_id=self.snap.action_id)
        )

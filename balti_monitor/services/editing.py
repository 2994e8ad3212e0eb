"""Edits of returns, values and Total overrides. Every function validates first, writes in one
transaction and returns the :class:`ChangeSet`; a refusal raises :class:`ServiceError` and changes nothing.

The undoable forms of these writes are :class:`SetCells` and :class:`SetOverride` (see
:mod:`.changes`): each takes its undo snapshot inside the transaction of its write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from balti_monitor.db.models import (
    Action,
    Indicator,
    Return,
    Subdivision,
    TotalOverride,
    Value,
    database,
)
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.i18n import N_, _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import PeriodRef, period_id_of
from balti_monitor.services.values import parsed_columns, text_problem, validate_description, validate_value

DESCRIPTION_COLUMN = 0  # grid column 0 is the description; columns 1..N are indicators 1..N


@dataclass(frozen=True, slots=True)
class CellEdit:
    """One cell of a grid: the description (column 0) or indicator ``column`` of a subdivision's row.

    ``text`` None means "clear the cell".
    """

    subdivision_id: int
    column: int
    text: str | None


def _indicator(action_id: int, number: int) -> Indicator:
    ind = Indicator.get_or_none((Indicator.action == action_id) & (Indicator.number == number))
    if ind is None:
        raise ServiceError(_("Acțiunea nu are indicatorul {number}.").format(number=number))
    return ind


def _return(period: PeriodRef | int, action_id: int, subdivision_id: int, create: bool) -> Return | None:
    ret = Return.get_or_none(
        (Return.period == period_id_of(period))
        & (Return.action == action_id)
        & (Return.subdivision == subdivision_id)
    )
    if ret is None and create:
        if Subdivision.get_or_none(Subdivision.id == subdivision_id) is None:
            raise ServiceError(_("Subdiviziunea nu există."))
        ret = Return.create(
            period=period_id_of(period),
            action=action_id,
            subdivision=subdivision_id,
            received_date=dt.date.today(),
        )
    return ret


def cell_text(period: PeriodRef | int, action_id: int, subdivision_id: int, column: int) -> str | None:
    """What a cell holds now (None when there is no return or no value): the undo snapshot."""
    ret = _return(period, action_id, subdivision_id, create=False)
    if ret is None:
        return None
    if column == DESCRIPTION_COLUMN:
        return str(ret.description)
    value = Value.get_or_none((Value.ret == ret) & (Value.indicator == _indicator(action_id, column)))
    return None if value is None else str(value.raw_text)


def cell_text_to_store(text: str) -> str | None:
    """Typed or pasted cell text as stored: verbatim (raw text is sacred — ş stays ş, spaces stay), only
    the clipboard's Windows line ends made plain; a blank cell means "clear" (None)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.strip() else None


def validate_cell(column: int, text: str | None) -> str | None:
    """The refusal message for a cell edit, or None."""
    if text is None:
        return None
    return validate_description(text) if column == DESCRIPTION_COLUMN else validate_value(text)


def _apply(period: PeriodRef | int, action_id: int, edit: CellEdit, lookups: _Lookups | None = None) -> None:
    if lookups is None:
        ret = _return(period, action_id, edit.subdivision_id, create=edit.text is not None)
    else:
        ret = lookups.ret(edit.subdivision_id, create=edit.text is not None)
    if ret is None:
        return
    if edit.column == DESCRIPTION_COLUMN:
        ret.description = edit.text or ""
    else:
        indicator = _indicator(action_id, edit.column) if lookups is None else lookups.indicator(edit.column)
        if edit.text is None:
            Value.delete().where((Value.ret == ret) & (Value.indicator == indicator)).execute()
        else:
            columns = parsed_columns(edit.text)
            updated = (
                Value.update(**columns).where((Value.ret == ret) & (Value.indicator == indicator)).execute()
            )
            if not updated:
                Value.create(ret=ret, indicator=indicator, **columns)
    ret.updated_at = dt.datetime.now().replace(microsecond=0)
    if edit.column == DESCRIPTION_COLUMN:
        ret.save(only=[Return.description, Return.updated_at])
    else:
        ret.save(only=[Return.updated_at])  # one return's updated_at: the value row is written above
    if (edit.text is None or not edit.text.strip()) and _drop_empty_return(ret) and lookups is not None:
        lookups.dropped(edit.subdivision_id)  # only a cleared cell can leave the return empty


def _drop_empty_return(ret: Return) -> bool:
    """A return emptied cell by cell disappears, so undoing a first edit restores "no return" (True)."""
    if ret.description or ret.status:
        return False
    if Value.select().where(Value.ret == ret).exists():
        return False
    ret.delete_instance()
    return True


def set_cells(period: PeriodRef | int, action_id: int, edits: list[CellEdit]) -> ChangeSet:
    """Write several cells (a paste, an undo) all or nothing."""
    for edit in edits:
        problem = validate_cell(edit.column, edit.text)
        if problem:
            raise ServiceError(problem)
    lookups = _Lookups(period_id_of(period), action_id)
    with database.atomic():
        for edit in edits:
            _apply(period, action_id, edit, lookups)
    return ChangeSet(actions=frozenset({action_id}))


def set_cell(
    period: PeriodRef | int, action_id: int, subdivision_id: int, column: int, text: str | None
) -> ChangeSet:
    """Write one cell (description or indicator value)."""
    return set_cells(period, action_id, [CellEdit(subdivision_id, column, text)])


def override_of(
    period: PeriodRef | int, action_id: int, indicator_number: int | None
) -> TotalOverride | None:
    """The current override of a Total cell (``None`` number = the counts cell)."""
    query = (TotalOverride.period == period_id_of(period)) & (TotalOverride.action == action_id)
    if indicator_number is None:
        query &= TotalOverride.indicator.is_null()
    else:
        query &= TotalOverride.indicator == _indicator(action_id, indicator_number)
    return TotalOverride.get_or_none(query)


def set_override(
    period: PeriodRef | int,
    action_id: int,
    indicator_number: int | None,
    raw_text: str,
    reason: str,
    author: str = "",
) -> ChangeSet:
    """Type a Total cell by hand; a reason is required."""
    if not reason.strip():
        raise ServiceError(_("Scrieți motivul pentru care totalul se introduce manual."))
    problem = validate_value(raw_text) or text_problem(reason) or text_problem(author)
    if problem:
        raise ServiceError(problem)
    with database.atomic():
        existing = override_of(period, action_id, indicator_number)
        indicator = None if indicator_number is None else _indicator(action_id, indicator_number)
        if existing is None:
            TotalOverride.create(
                action=action_id,
                period=period_id_of(period),
                indicator=indicator,
                raw_text=raw_text,
                reason=reason,
                author=author,
            )
        else:
            existing.raw_text, existing.reason, existing.author = raw_text, reason, author
            existing.created_at = dt.datetime.now().replace(microsecond=0)
            existing.save()
    return ChangeSet(actions=frozenset({action_id}))


def clear_override(period: PeriodRef | int, action_id: int, indicator_number: int | None) -> ChangeSet:
    """Go back to the computed Total."""
    existing = override_of(period, action_id, indicator_number)
    if existing is not None:
        existing.delete_instance()
    return ChangeSet(actions=frozenset({action_id}))


def clear_overrides(period: PeriodRef | int, action_id: int | None = None) -> ChangeSet:
    """Drop every override of a period (or of one action): all Totals computed again."""
    query = TotalOverride.period == period_id_of(period)
    if action_id is not None:
        query &= TotalOverride.action == action_id
    affected = {o.action_id for o in TotalOverride.select(TotalOverride.action).where(query)}
    TotalOverride.delete().where(query).execute()
    return ChangeSet(actions=frozenset(affected))


def set_review_status(period: PeriodRef | int, action_id: int, subdivision_id: int, status: str) -> ChangeSet:
    """Mark a return received / needs correction / accepted."""
    if status not in REVIEW_STATUSES:
        raise ServiceError(_("Stare necunoscută „{status}”.").format(status=status))
    ret = _return(period, action_id, subdivision_id, create=False)
    if ret is None:
        raise ServiceError(_("Subdiviziunea nu a prezentat încă informația pentru această acțiune."))
    ret.review_status = status
    ret.save()
    return ChangeSet(actions=frozenset({action_id}))


REVIEW_STATUSES = {
    "received": N_("Primit"),
    "needs_correction": N_("De corectat"),
    "accepted": N_("Acceptat"),
}


def action_by_code(plan_id: int, code: str) -> Action:
    """An action of the plan by its code, or a Romanian error."""
    from balti_monitor.db.models import Priority

    action: Action | None = (
        Action.select()
        .join(Priority)
        .where((Priority.plan == plan_id) & (Action.code == code.strip()))
        .first()
    )
    if action is None:
        raise ServiceError(_("Acțiunea „{code}” nu există în plan.").format(code=code))
    return action


TOTAL_ROW = 0  # the subdivision id of the Total row in a Focus


@dataclass(frozen=True, slots=True)
class SetCells:
    """Write cells of one action's grid in one period (an edit, a paste, a clear, an undo of those)."""

    period_id: int
    action_id: int
    edits: tuple[CellEdit, ...]

    @property
    def show_first(self) -> int:
        """The period written into."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Write the cells; the inverse writes back what they held (None where there was nothing).

        One transaction, each return and indicator looked up once for the snapshot and the write: a typed
        value is a read of the cell, an update of its value row and of its return's ``updated_at``."""
        for edit in self.edits:
            problem = validate_cell(edit.column, edit.text)
            if problem:
                raise ServiceError(problem)
        lookups = _Lookups(self.period_id, self.action_id)
        with database.atomic():
            previous = tuple(
                CellEdit(e.subdivision_id, e.column, lookups.cell_text(e.subdivision_id, e.column))
                for e in self.edits
            )
            for edit in self.edits:
                _apply(self.period_id, self.action_id, edit, lookups)
        first = self.edits[0] if self.edits else CellEdit(-1, -1, None)
        return ChangeSet(
            actions=frozenset({self.action_id}),
            inverse=SetCells(self.period_id, self.action_id, previous),
            focus=Focus(self.period_id, self.action_id, first.subdivision_id, first.column),
        )


class _Lookups:
    """The returns and indicators one write of an action's cells meets, each read from the file once
    (within its transaction; a return created or dropped by the write is kept in step)."""

    def __init__(self, period_id: int, action_id: int) -> None:
        self.period_id = period_id
        self.action_id = action_id
        self._indicators: dict[int, Indicator] = {}
        self._returns: dict[int, Return | None] = {}

    def indicator(self, number: int) -> Indicator:
        found = self._indicators.get(number)
        if found is None:
            found = self._indicators[number] = _indicator(self.action_id, number)
        return found

    def ret(self, subdivision_id: int, create: bool) -> Return | None:
        if subdivision_id in self._returns:
            found = self._returns[subdivision_id]
            if found is not None or not create:
                return found
        found = _return(self.period_id, self.action_id, subdivision_id, create)
        self._returns[subdivision_id] = found
        return found

    def dropped(self, subdivision_id: int) -> None:
        self._returns[subdivision_id] = None

    def cell_text(self, subdivision_id: int, column: int) -> str | None:
        ret = self.ret(subdivision_id, create=False)
        if ret is None:
            return None
        if column == DESCRIPTION_COLUMN:
            return str(ret.description)
        raw = (
            Value.select(Value.raw_text)
            .where((Value.ret == ret.id) & (Value.indicator == self.indicator(column).id))
            .scalar()
        )
        return None if raw is None else str(raw)


@dataclass(frozen=True, slots=True)
class SetOverride:
    """Type a Total cell by hand (``value``), or go back to the computed total (``value`` None).

    ``number`` is the indicator number, None for the counts cell.
    """

    period_id: int
    action_id: int
    number: int | None
    value: OverrideDef | None

    @property
    def show_first(self) -> int:
        """The period written into."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Set or clear the override; the inverse puts back the previous one (or the computed total)."""
        with database.atomic():
            old = override_of(self.period_id, self.action_id, self.number)
            previous = None if old is None else OverrideDef(old.raw_text, old.reason, old.author)
            if self.value is None:
                changes = clear_override(self.period_id, self.action_id, self.number)
            else:
                value = self.value
                changes = set_override(
                    self.period_id, self.action_id, self.number, value.raw_text, value.reason, value.author
                )
        return replace(
            changes,
            inverse=SetOverride(self.period_id, self.action_id, self.number, previous),
            focus=Focus(self.period_id, self.action_id, TOTAL_ROW, self.number or 0),
        )

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
    Period,
    Return,
    Subdivision,
    TotalOverride,
    Value,
    database,
)
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.conflicts import EditConflict, FieldClash
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
        fields = {
            "period": period_id_of(period),
            "action": action_id,
            "subdivision": subdivision_id,
            "received_date": dt.date.today(),
        }
        if not getattr(database, "for_update", False):
            return Return.create(**fields)
        # On a server another person may create the same return at the same moment: ON CONFLICT DO NOTHING
        # turns that into a serialisation failure, and the whole write is run again (``retrying``).
        Return.insert(**fields).on_conflict_ignore().execute()
        ret = _return(period, action_id, subdivision_id, create=False)
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
            fields = {
                "action": action_id,
                "period": period_id_of(period),
                "indicator": indicator,
                "raw_text": raw_text,
                "reason": reason,
                "author": author,
            }
            if getattr(database, "for_update", False):
                # another person typing the same Total at the same moment: a serialisation failure, and the
                # whole write runs again (``retrying``) and sees theirs
                TotalOverride.insert(**fields).on_conflict_ignore().execute()
            else:
                TotalOverride.create(**fields)
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
class CellClash:
    """One cell somebody else changed since it was read: what was read, what this write wanted, what the
    database holds now (None: an empty cell)."""

    subdivision_id: int
    column: int
    read: str | None
    mine: str | None
    theirs: str | None


class CellConflict(ServiceError):
    """The cells changed since they were read (another person saved them first): nothing was written.

    ``clashes`` names each cell with both values; the user chooses to keep theirs, or to save again over
    them (:meth:`SetCells.over` with what they hold now)."""

    def __init__(self, period_id: int, action_id: int, clashes: tuple[CellClash, ...]) -> None:
        first = clashes[0]
        theirs, mine = first.theirs or "", first.mine or ""
        if len(clashes) > 1:
            message = ngettext(
                "Altcineva a modificat celula între timp (și încă {n} celulă): valoarea salvată acum este "
                "„{theirs}”, a dumneavoastră „{mine}”. Nu s-a scris nimic.",
                "Altcineva a modificat celula între timp (și încă {n} celule): valoarea salvată acum este "
                "„{theirs}”, a dumneavoastră „{mine}”. Nu s-a scris nimic.",
                len(clashes) - 1,
            ).format(n=len(clashes) - 1, theirs=theirs, mine=mine)
        else:
            message = _(
                "Altcineva a modificat celula între timp: valoarea salvată acum este „{theirs}”, a "
                "dumneavoastră „{mine}”. Nu s-a scris nimic."
            ).format(theirs=theirs, mine=mine)
        super().__init__(message)
        self.period_id = period_id
        self.action_id = action_id
        self.clashes = clashes


def _same(a: str | None, b: str | None) -> bool:
    """Two cell texts are the same cell content (no return and an empty description are both empty)."""
    return (a or "") == (b or "")


def _lock_returns(period_id: int, action_id: int, subdivision_ids: set[int]) -> None:
    """On a server, lock the returns about to be written (in id order, so two writers never wait for each
    other in a circle): the check of the cells read and the write are then one step for everybody; a value
    is always written with its return's ``updated_at``, so the return's lock guards its values too."""
    if not getattr(database, "for_update", False) or not subdivision_ids:
        return  # SQLite: one writer at a time already
    query = (
        Return.select(Return.id)
        .where(
            (Return.period == period_id)
            & (Return.action == action_id)
            & (Return.subdivision.in_(sorted(subdivision_ids)))
        )
        .order_by(Return.id)
        .for_update()
    )
    list(query.tuples())


@dataclass(frozen=True, slots=True)
class SetCells:
    """Write cells of one action's grid in one period (an edit, a paste, a clear, an undo of those).

    ``expected`` (optional) is what each cell held when it was read, its version: a cell another person
    changed since is not overwritten, the write raises :class:`CellConflict` with both values instead (a
    cell that already holds what this write puts there is no conflict)."""

    period_id: int
    action_id: int
    edits: tuple[CellEdit, ...]
    expected: tuple[str | None, ...] | None = None

    @property
    def show_first(self) -> int:
        """The period written into."""
        return self.period_id

    def over(self, conflict: CellConflict) -> SetCells:
        """The same write, made over what the cells hold now ("keep mine" after a conflict)."""
        now = {(c.subdivision_id, c.column): c.theirs for c in conflict.clashes}
        expected = self.expected or tuple(None for _ in self.edits)
        return replace(
            self,
            expected=tuple(
                now.get((e.subdivision_id, e.column), old)
                for e, old in zip(self.edits, expected, strict=True)
            ),
        )

    def without(self, conflict: CellConflict) -> SetCells | None:
        """The write without the cells in conflict ("take theirs"), None when nothing is left."""
        clashed = {(c.subdivision_id, c.column) for c in conflict.clashes}
        kept = [(n, e) for n, e in enumerate(self.edits) if (e.subdivision_id, e.column) not in clashed]
        if not kept:
            return None
        expected = None if self.expected is None else tuple(self.expected[n] for n, _ in kept)
        return replace(self, edits=tuple(e for _, e in kept), expected=expected)

    def apply(self) -> ChangeSet:
        """Write the cells; the inverse writes back what they held (None where there was nothing).

        One transaction, each return and indicator looked up once for the snapshot and the write: a typed
        value is a read of the cell, an update of its value row and of its return's ``updated_at``."""
        for edit in self.edits:
            problem = validate_cell(edit.column, edit.text)
            if problem:
                raise ServiceError(problem)
        if self.expected is not None and len(self.expected) != len(self.edits):
            raise ValueError("expected: one text per edit")
        previous = self._write()
        first = self.edits[0] if self.edits else CellEdit(-1, -1, None)
        written = None if self.expected is None else tuple(e.text for e in self.edits)
        return ChangeSet(
            actions=frozenset({self.action_id}),
            inverse=SetCells(self.period_id, self.action_id, previous, written),
            focus=Focus(self.period_id, self.action_id, first.subdivision_id, first.column),
        )

    def _write(self) -> tuple[CellEdit, ...]:
        if len(self.edits) > 1:
            return self._write_many()
        lookups = _Lookups(self.period_id, self.action_id)
        with database.atomic():
            _lock_returns(self.period_id, self.action_id, {e.subdivision_id for e in self.edits})
            previous = tuple(
                CellEdit(e.subdivision_id, e.column, lookups.cell_text(e.subdivision_id, e.column))
                for e in self.edits
            )
            self._refuse_clashes(previous)
            for edit in self.edits:
                _apply(self.period_id, self.action_id, edit, lookups)
        return previous

    def _write_many(self) -> tuple[CellEdit, ...]:
        """A paste, a clear or an undo of many cells: read them with a few set queries and write them with
        one statement per kind of change (the rows end as the cell-by-cell write leaves them)."""
        from balti_monitor.services.forms_import import load_stored, write_cells  # on the first paste

        with database.atomic():
            _lock_returns(self.period_id, self.action_id, {e.subdivision_id for e in self.edits})
            stored = load_stored(self.period_id, {(self.action_id, e.subdivision_id) for e in self.edits})
            previous = tuple(
                CellEdit(e.subdivision_id, e.column, stored.text(self.action_id, e.subdivision_id, e.column))
                for e in self.edits
            )
            self._refuse_clashes(previous)
            write_cells(Period.get_by_id(self.period_id), [(self.action_id, e) for e in self.edits], stored)
        return previous

    def _refuse_clashes(self, previous: tuple[CellEdit, ...]) -> None:
        """Raise :class:`CellConflict` for the cells someone else changed since they were read."""
        if self.expected is None:
            return
        clashes = tuple(
            CellClash(e.subdivision_id, e.column, read, e.text, now.text)
            for e, read, now in zip(self.edits, self.expected, previous, strict=True)
            if not _same(now.text, read) and not _same(now.text, e.text)
        )
        if clashes:
            raise CellConflict(self.period_id, self.action_id, clashes)


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
class TotalShown:
    """What a Total cell held when the user read it: a manual Total, or None for the computed one (the
    version a :class:`SetOverride` carries)."""

    override: OverrideDef | None


def _same_total(a: OverrideDef | None, b: OverrideDef | None) -> bool:
    """The same Total cell content: both computed, or the same text and reason (whoever typed it)."""
    if a is None or b is None:
        return a is None and b is None
    return (a.raw_text, a.reason) == (b.raw_text, b.reason)


def _total_shown(value: OverrideDef | None) -> str:
    if value is None:
        return _("totalul calculat")
    return _("{value} (motivul: {reason})").format(value=value.raw_text, reason=value.reason)


class OverrideConflict(EditConflict):
    """Somebody else typed or cleared the same Total by hand since it was read: nothing was written.

    The one clash (field ``"total"``) holds the overrides (None: the computed Total)."""

    def __init__(self, period_id: int, action_id: int, number: int | None, clash: FieldClash) -> None:
        message = _(
            "Altcineva a modificat între timp totalul introdus manual: acum este „{theirs}”, iar "
            "dumneavoastră ați ales „{mine}”. Nu s-a scris nimic."
        ).format(theirs=_total_shown(clash.theirs), mine=_total_shown(clash.mine))
        super().__init__(message, period_id, (clash,))
        self.action_id = action_id
        self.number = number

    @property
    def theirs(self) -> OverrideDef | None:
        """The Total stored now (None: computed)."""
        value: OverrideDef | None = self.clashes[0].theirs
        return value


@dataclass(frozen=True, slots=True)
class SetOverride:
    """Type a Total cell by hand (``value``), or go back to the computed total (``value`` None).

    ``number`` is the indicator number, None for the counts cell. ``expected`` (optional; None: no check)
    is what the cell held when the user read it: somebody else's Total typed or cleared since is not
    overwritten, the write raises :class:`OverrideConflict` with both (the same Total is no conflict).
    """

    period_id: int
    action_id: int
    number: int | None
    value: OverrideDef | None
    expected: TotalShown | None = None

    @property
    def show_first(self) -> int:
        """The period written into."""
        return self.period_id

    def over(self, conflict: OverrideConflict) -> SetOverride:
        """The same write made over what the cell holds now ("keep mine" after a conflict)."""
        return replace(self, expected=TotalShown(conflict.theirs))

    def _locked(self) -> TotalOverride | None:
        """The override row; on a server locked until the end of the transaction."""
        if not getattr(database, "for_update", False):
            return override_of(self.period_id, self.action_id, self.number)
        query = (TotalOverride.period == self.period_id) & (TotalOverride.action == self.action_id)
        if self.number is None:
            query &= TotalOverride.indicator.is_null()
        else:
            query &= TotalOverride.indicator == _indicator(self.action_id, self.number)
        found: TotalOverride | None = TotalOverride.select().where(query).for_update().first()
        return found

    def apply(self) -> ChangeSet:
        """Set or clear the override; the inverse puts back the previous one (or the computed total)."""
        with database.atomic():
            old = self._locked()
            previous = None if old is None else OverrideDef(old.raw_text, old.reason, old.author)
            read = self.expected
            changed = read is not None and not _same_total(previous, read.override)
            if read is not None and changed and not _same_total(previous, self.value):
                clash = FieldClash("total", read.override, self.value, previous)
                raise OverrideConflict(self.period_id, self.action_id, self.number, clash)
            if self.value is None:
                changes = clear_override(self.period_id, self.action_id, self.number)
            else:
                value = self.value
                changes = set_override(
                    self.period_id, self.action_id, self.number, value.raw_text, value.reason, value.author
                )
        # the undo expects what this write left, so it does not overwrite what somebody types after it
        written = None if self.expected is None else TotalShown(self.value)
        return replace(
            changes,
            inverse=SetOverride(self.period_id, self.action_id, self.number, previous, written),
            focus=Focus(self.period_id, self.action_id, TOTAL_ROW, self.number or 0),
        )

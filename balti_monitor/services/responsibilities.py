"""Which subdivisions answer for an action, and which of its indicators each answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from balti_monitor.db.models import Indicator, Responsibility, Return, database
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError


def responsibilities(action_id: int) -> list[Responsibility]:
    """The responsible subdivisions of an action, in order."""
    return list(
        Responsibility.select().where(Responsibility.action == action_id).order_by(Responsibility.position)
    )


def _numbers(action_id: int) -> list[int]:
    return [i.number for i in Indicator.select(Indicator.number).where(Indicator.action == action_id)]


def add_responsible(action_id: int, subdivision_id: int, indicators: list[int] | None = None) -> ChangeSet:
    """Make a subdivision responsible for an action (all indicators unless told otherwise)."""
    if Responsibility.get_or_none(
        (Responsibility.action == action_id) & (Responsibility.subdivision == subdivision_id)
    ):
        raise ServiceError(_("Subdiviziunea este deja responsabilă de această acțiune."))
    wanted = sorted(indicators) if indicators is not None else _numbers(action_id)
    _check_numbers(action_id, wanted)
    position = Responsibility.select().where(Responsibility.action == action_id).count() + 1
    Responsibility.create(action=action_id, subdivision=subdivision_id, position=position, indicators=wanted)
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


def remove_responsible(action_id: int, subdivision_id: int) -> ChangeSet:
    """Stop counting a subdivision as responsible. Its returns are kept (and still shown)."""
    Responsibility.delete().where(
        (Responsibility.action == action_id) & (Responsibility.subdivision == subdivision_id)
    ).execute()
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


def set_applicable(action_id: int, subdivision_id: int, indicators: list[int]) -> ChangeSet:
    """Set which indicators a responsible subdivision answers (at least one)."""
    if not indicators:
        raise ServiceError(_("Alegeți cel puțin un indicator la care răspunde subdiviziunea."))
    _check_numbers(action_id, indicators)
    resp = Responsibility.get_or_none(
        (Responsibility.action == action_id) & (Responsibility.subdivision == subdivision_id)
    )
    if resp is None:
        raise ServiceError(_("Subdiviziunea nu este responsabilă de această acțiune."))
    resp.indicators = sorted(set(indicators))
    resp.save()
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


def _check_numbers(action_id: int, numbers: list[int]) -> None:
    known = set(_numbers(action_id))
    unknown = [n for n in numbers if n not in known]
    if unknown:
        raise ServiceError(_("Acțiunea nu are indicatorul {unknown}.").format(unknown=unknown[0]))


def has_returns(action_id: int, subdivision_id: int) -> bool:
    """Whether the subdivision ever reported on this action (removing it then keeps those rows)."""
    return bool(
        Return.select().where((Return.action == action_id) & (Return.subdivision == subdivision_id)).exists()
    )


def move_responsible(action_id: int, subdivision_id: int, offset: int) -> ChangeSet:
    """Move a responsible subdivision up (-1) or down (+1) in the grid order."""
    rows = responsibilities(action_id)
    index = next((i for i, r in enumerate(rows) if r.subdivision_id == subdivision_id), None)
    if index is None:
        raise ServiceError(_("Subdiviziunea nu este responsabilă de această acțiune."))
    target = index + offset
    if not 0 <= target < len(rows):
        return ChangeSet()
    rows[index], rows[target] = rows[target], rows[index]
    with database.atomic():
        for position, resp in enumerate(rows, start=1):
            resp.position = position
            resp.save()
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


# --------------------------------------------------------------------------------------------------------
# Responsibilities as a whole (the responsibility dialog and its undo)
# --------------------------------------------------------------------------------------------------------

ResponsibilityState = list[tuple[int, list[int]]]


def responsibility_state(action_id: int) -> ResponsibilityState:
    """The responsible subdivisions of an action in grid order, each with the indicators it answers."""
    return [(r.subdivision_id, sorted(r.indicators or [])) for r in responsibilities(action_id)]


def apply_responsibilities(action_id: int, target: Sequence[tuple[int, Sequence[int]]]) -> ChangeSet:
    """Bring an action's responsibilities to ``target`` (order, membership, indicators), all or nothing.

    Returns of subdivisions that stop being responsible are kept (the grid still shows them).
    """
    wanted = [(sid, sorted(set(numbers))) for sid, numbers in target]
    if len({sid for sid, _ in wanted}) != len(wanted):
        raise ServiceError(_("O subdiviziune apare de două ori în lista celor responsabile."))
    for _sid, numbers in wanted:
        if not numbers:
            raise ServiceError(_("Alegeți cel puțin un indicator la care răspunde fiecare subdiviziune."))
    with database.atomic():
        current = responsibility_state(action_id)
        wanted_ids = {sid for sid, _ in wanted}
        for sid, _numbers in current:
            if sid not in wanted_ids:
                remove_responsible(action_id, sid)
        current_ids = {sid for sid, _ in current}
        current_numbers = dict(current)
        for sid, numbers in wanted:
            if sid not in current_ids:
                add_responsible(action_id, sid, numbers)
            elif current_numbers[sid] != numbers:
                set_applicable(action_id, sid, numbers)
        _reorder(action_id, [sid for sid, _ in wanted])
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


def _reorder(action_id: int, order: list[int]) -> None:
    """Renumber positions so the responsibilities follow ``order`` (positions 1..n without gaps)."""
    rows = {r.subdivision_id: r for r in responsibilities(action_id)}
    for position, sid in enumerate(order, start=1):
        row = rows[sid]
        if row.position != position:
            row.position = position
            row.save()


@dataclass(frozen=True, slots=True)
class SetResponsibilities:
    """Bring an action's responsibilities to ``state`` (the responsibility dialog as one step)."""

    action_id: int
    state: tuple[tuple[int, tuple[int, ...]], ...]

    @property
    def show_first(self) -> None:
        """Responsibilities hold for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Apply the state; the inverse brings back the previous one."""
        with database.atomic():
            previous = tuple((sid, tuple(numbers)) for sid, numbers in responsibility_state(self.action_id))
            changes = apply_responsibilities(self.action_id, self.state)
        return replace(
            changes,
            inverse=SetResponsibilities(self.action_id, previous),
            focus=Focus(action_id=self.action_id),
        )

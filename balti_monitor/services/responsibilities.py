"""Which subdivisions answer for an action, and which of its indicators each answers."""

from __future__ import annotations

from balti_monitor.db.models import Indicator, Responsibility, Return, database
from balti_monitor.services.changes import ChangeSet
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
        raise ServiceError("Subdiviziunea este deja responsabilă de această acțiune.")
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
        raise ServiceError("Alegeți cel puțin un indicator la care răspunde subdiviziunea.")
    _check_numbers(action_id, indicators)
    resp = Responsibility.get_or_none(
        (Responsibility.action == action_id) & (Responsibility.subdivision == subdivision_id)
    )
    if resp is None:
        raise ServiceError("Subdiviziunea nu este responsabilă de această acțiune.")
    resp.indicators = sorted(set(indicators))
    resp.save()
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


def _check_numbers(action_id: int, numbers: list[int]) -> None:
    known = set(_numbers(action_id))
    unknown = [n for n in numbers if n not in known]
    if unknown:
        raise ServiceError(f"Acțiunea nu are indicatorul {unknown[0]}.")


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
        raise ServiceError("Subdiviziunea nu este responsabilă de această acțiune.")
    target = index + offset
    if not 0 <= target < len(rows):
        return ChangeSet()
    rows[index], rows[target] = rows[target], rows[index]
    with database.atomic():
        for position, resp in enumerate(rows, start=1):
            resp.position = position
            resp.save()
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)

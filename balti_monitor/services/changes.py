"""What a service call changed, so each view refreshes only that (Anki's "OpChanges"), and how to undo it.

A write the user can undo is a :class:`Write`: a plain frozen dataclass naming the write (ids and values, no
database object) whose :meth:`Write.apply` validates, takes the snapshot of what it replaces and writes,
all in one transaction, and returns a :class:`ChangeSet` whose ``inverse`` is the :class:`Write` that puts
the previous state back. Applying the inverse returns the inverse of the inverse (a redo with a fresh
snapshot), so undo and redo are one generic loop (``gui/undo.py``) and can be tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Focus:
    """Where the user should look after an undo or a redo: a period, an action, a cell (all ids).

    ``subdivision_id`` 0 is the Total row and -1 the action as a whole; ``column`` -1 is no particular
    column.
    """

    period_id: int | None = None
    action_id: int | None = None
    subdivision_id: int = -1
    column: int = -1


class Write(Protocol):
    """A write that can be replayed: :meth:`apply` runs it in one transaction and returns what changed,
    with the inverse write in ``ChangeSet.inverse``."""

    @property
    def show_first(self) -> int | None:
        """The period the write works on, shown before it runs (None: any period)."""
        ...

    def apply(self) -> ChangeSet:
        """Validate, snapshot and write in one transaction; ``ServiceError`` (nothing changed) if refused."""
        ...


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Flags and ids of what an operation changed, and for a :class:`Write`, its inverse.

    Attributes:
        inverse: the write that restores the state before this one (None for plain service calls).
        focus: where an undo or a redo of this write should take the user.
        new_id: the id of the row the write created (a subdivision, a period), if any.
        detail: what the write reports besides (the forms import's ``ImportResult``).
    """

    actions: frozenset[int] = field(default_factory=frozenset)  # grids/totals of these actions changed
    plan_structure: bool = False  # priorities, actions, indicators, responsibilities
    subdivisions: bool = False
    periods: bool = False
    narrative: bool = False
    inverse: Write | None = field(default=None, compare=False)
    focus: Focus | None = field(default=None, compare=False)
    new_id: int | None = field(default=None, compare=False)
    detail: Any = field(default=None, compare=False)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        """Both changes (the inverse, the focus and the details are those of the writes, not combined)."""
        return ChangeSet(
            self.actions | other.actions,
            self.plan_structure or other.plan_structure,
            self.subdivisions or other.subdivisions,
            self.periods or other.periods,
            self.narrative or other.narrative,
        )

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (
            self.actions or self.plan_structure or self.subdivisions or self.periods or self.narrative
        )

    @staticmethod
    def everything() -> ChangeSet:
        """Used after imports and restores: every view reloads."""
        return ChangeSet(frozenset(), True, True, True, True)

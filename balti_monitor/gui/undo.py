"""Every user edit as a :class:`QUndoCommand` (Ctrl+Z / Ctrl+Y).

Commands call the services, never widgets. The first ``redo()`` captures what an undo must restore
(``editing.cell_text``, ``editing.override_of``, the responsibility or subdivision state …) and performs the
edit; the returned :class:`ChangeSet` goes to :meth:`Session.apply`. A refusal (``ServiceError``) marks the
command obsolete so the stack drops it, and the Romanian message reaches the status bar.

After an undo or a redo the session is asked to show the period and cell concerned, so the user sees
what came back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from balti_monitor.db.models import Period, Plan
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.editing import (
    CellEdit,
    cell_text,
    clear_override,
    override_of,
    set_cells,
    set_override,
)
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.gui_support import (
    ResponsibilityState,
    SubdivisionState,
    apply_responsibilities,
    delete_empty_period,
    delete_unused_subdivision,
)
from balti_monitor.services.narrative import NarrativeData, save_narrative
from balti_monitor.services.periods import PeriodKey, create_period
from balti_monitor.services.subdivisions import save_subdivision

from .session import Session

TOTAL_ROW = 0  # subdivision id used in navigation requests for the Total row
NARRATIVE_MERGE_ID = 1001


class SessionCommand(QUndoCommand):
    """Base: runs a service call, applies its change set, reports refusals.

    Attributes:
        session: the working session.
        done_once: False until the first redo() ran (no navigation then: the user is already there).
    """

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.done_once = False
        self.error: str | None = None

    def _run(self, call: Callable[[], ChangeSet]) -> bool:
        try:
            changes = call()
        except ServiceError as exc:
            self.error = str(exc)
            self.setObsolete(True)
            self.session.message.emit(self.error)
            return False
        self.session.apply(changes)
        return True


class CellEditsCommand(SessionCommand):
    """Write one or several cells of one action's grid (an edit, a paste, a clear) as one step."""

    def __init__(
        self, session: Session, period_id: int, action_id: int, edits: Sequence[CellEdit], text: str
    ) -> None:
        super().__init__(session, text)
        self.period_id = period_id
        self.action_id = action_id
        self.edits = list(edits)
        self.previous: list[CellEdit] | None = None

    def _period(self) -> Period:
        return Period.get_by_id(self.period_id)

    def redo(self) -> None:
        """Write the new texts (capturing the old ones the first time)."""
        period = self._period()
        if self.previous is None:
            self.previous = [
                CellEdit(
                    e.subdivision_id, e.column, cell_text(period, self.action_id, e.subdivision_id, e.column)
                )
                for e in self.edits
            ]
        self.session.show_period(self.period_id)
        if self._run(lambda: set_cells(period, self.action_id, self.edits)) and self.done_once:
            self._show()
        self.done_once = True

    def undo(self) -> None:
        """Restore the texts captured before the edit."""
        assert self.previous is not None
        previous = self.previous
        self.session.show_period(self.period_id)
        if self._run(lambda: set_cells(self._period(), self.action_id, previous)):
            self._show()

    def _show(self) -> None:
        first = self.edits[0]
        self.session.navigate.emit(self.action_id, first.subdivision_id, first.column)


class OverrideCommand(SessionCommand):
    """Type a Total cell by hand (with a reason), or go back to the computed total (``new`` None)."""

    def __init__(
        self,
        session: Session,
        period_id: int,
        action_id: int,
        number: int | None,
        new: OverrideDef | None,
        text: str,
    ) -> None:
        super().__init__(session, text)
        self.period_id = period_id
        self.action_id = action_id
        self.number = number
        self.new = new
        self.previous: OverrideDef | None = None
        self.captured = False

    def _write(self, value: OverrideDef | None) -> ChangeSet:
        period = Period.get_by_id(self.period_id)
        if value is None:
            return clear_override(period, self.action_id, self.number)
        return set_override(period, self.action_id, self.number, value.raw_text, value.reason, value.author)

    def redo(self) -> None:
        """Set (or clear) the override."""
        if not self.captured:
            old = override_of(Period.get_by_id(self.period_id), self.action_id, self.number)
            self.previous = None if old is None else OverrideDef(old.raw_text, old.reason, old.author)
            self.captured = True
        self.session.show_period(self.period_id)
        if self._run(lambda: self._write(self.new)) and self.done_once:
            self._show()
        self.done_once = True

    def undo(self) -> None:
        """Put back the previous override (or the computed total)."""
        self.session.show_period(self.period_id)
        if self._run(lambda: self._write(self.previous)):
            self._show()

    def _show(self) -> None:
        self.session.navigate.emit(self.action_id, TOTAL_ROW, self.number or 0)


class ResponsibilitiesCommand(SessionCommand):
    """Change who answers for an action and for which indicators (the whole dialog as one step)."""

    def __init__(
        self,
        session: Session,
        action_id: int,
        before: ResponsibilityState,
        after: ResponsibilityState,
        text: str,
    ) -> None:
        super().__init__(session, text)
        self.action_id = action_id
        self.before = before
        self.after = after

    def redo(self) -> None:
        """Apply the new responsibilities."""
        if self._run(lambda: apply_responsibilities(self.action_id, self.after)) and self.done_once:
            self.session.navigate.emit(self.action_id, -1, -1)
        self.done_once = True

    def undo(self) -> None:
        """Restore the previous responsibilities."""
        if self._run(lambda: apply_responsibilities(self.action_id, self.before)):
            self.session.navigate.emit(self.action_id, -1, -1)


class SubdivisionCommand(SessionCommand):
    """Create a subdivision or change its name, abbreviation, aliases or active flag."""

    def __init__(
        self,
        session: Session,
        subdivision_id: int | None,
        before: SubdivisionState | None,
        after: SubdivisionState,
        text: str,
    ) -> None:
        super().__init__(session, text)
        self.subdivision_id = subdivision_id
        self.before = before
        self.after = after

    def _save(self, state: SubdivisionState, sub_id: int | None) -> ChangeSet:
        new_id, changes = save_subdivision(sub_id, state.code, state.name, list(state.aliases), state.active)
        self.subdivision_id = new_id
        return changes

    def redo(self) -> None:
        """Save the new state (creating the subdivision when it is new)."""
        self._run(lambda: self._save(self.after, self.subdivision_id))
        self.done_once = True

    def undo(self) -> None:
        """Restore the old state, or delete the subdivision the command created."""
        sub_id = self.subdivision_id
        assert sub_id is not None
        if self.before is None:
            if self._run(lambda: delete_unused_subdivision(sub_id)):
                self.subdivision_id = None
        else:
            before = self.before
            self._run(lambda: self._save(before, sub_id))


class NarrativeCommand(SessionCommand):
    """Save the period's narrative; consecutive saves of the same field merge into one undo step."""

    def __init__(
        self,
        session: Session,
        period_id: int,
        before: NarrativeData,
        after: NarrativeData,
        field: str,
        text: str,
    ) -> None:
        super().__init__(session, text)
        self.period_id = period_id
        self.before = before
        self.after = after
        self.field = field

    def id(self) -> int:
        """Merge id (QUndoCommand::id)."""
        return NARRATIVE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following save of the same field of the same period into this step."""
        if not isinstance(other, NarrativeCommand):
            return False
        if other.period_id != self.period_id or other.field != self.field:
            return False
        self.after = other.after
        return True

    def _save(self, data: NarrativeData) -> None:
        self.session.show_period(self.period_id)
        self._run(lambda: save_narrative(Period.get_by_id(self.period_id), data))

    def redo(self) -> None:
        """Save the new text."""
        self._save(self.after)
        self.done_once = True

    def undo(self) -> None:
        """Save the previous text."""
        self._save(self.before)


class CreatePeriodCommand(SessionCommand):
    """Create a period and show it; undo deletes it again while it is still empty."""

    def __init__(self, session: Session, plan_id: int, key: PeriodKey, text: str) -> None:
        super().__init__(session, text)
        self.plan_id = plan_id
        self.key = key
        self.period_id: int | None = None

    def _create(self) -> ChangeSet:
        period, changes = create_period(Plan.get_by_id(self.plan_id), self.key)
        self.period_id = period.id
        return changes

    def redo(self) -> None:
        """Create the period and switch to it."""
        if self._run(self._create) and self.period_id is not None:
            self.session.set_period(self.period_id)
        self.done_once = True

    def undo(self) -> None:
        """Delete the period (refused when data was entered into it meanwhile)."""
        period_id = self.period_id
        assert period_id is not None
        self._run(lambda: delete_empty_period(period_id))

"""Every user edit as a :class:`QUndoCommand` (Ctrl+Z / Ctrl+Y).

Commands call the services, never widgets. The first ``redo()`` captures what an undo must restore
(``editing.cell_text``, ``editing.override_of``, the responsibility or subdivision state …) and performs the
edit; the returned :class:`ChangeSet` goes to :meth:`Session.apply`. A refusal (``ServiceError``) marks the
command obsolete so the stack drops it, and the Romanian message reaches the status bar. Storage failures
(disk full, read-only or vanished file) become such a refusal through ``guard_write``: every service write is
one transaction, so the data is as before and the stack agrees with it (a failed first redo is never pushed;
a failed undo or redo removes the command).

After an undo or a redo the session is asked to show the period and cell concerned, so the user sees
what came back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from balti_monitor.db.models import Period, Plan
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.interchange.forms_common import FormState, StatusSnapshot
from balti_monitor.services.acknowledgements import (
    Acknowledgement,
    acknowledge,
    acknowledgement_of,
    restore_acknowledgement,
)
from balti_monitor.services.applicability import (
    ResponsibilitySnapshot,
    apply_from_period,
)
from balti_monitor.services.applicability import restore as restore_responsibilities
from balti_monitor.services.applicability import snapshot as responsibility_snapshot
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
    restore_form_states,
    set_form_states,
)
from balti_monitor.services.narrative import NarrativeData, save_narrative
from balti_monitor.services.periods import PeriodKey, create_period
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.subdivisions import save_subdivision

from .session import Session

if TYPE_CHECKING:  # openpyxl (imported by forms_in) is loaded only when forms are imported
    from balti_monitor.interchange.forms_in import CellRef, CellRestore, ImportPreview, ImportResult

TOTAL_ROW = 0  # subdivision id used in navigation requests for the Total row
NARRATIVE_MERGE_ID = 1001

translate = QCoreApplication.translate


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

    def _run(self, call: Callable[[], ChangeSet], *, undoing: bool = False) -> bool:
        what = (
            translate("Undo", "Anularea „{step}”") if undoing else translate("Undo", "Salvarea „{step}”")
        ).format(step=self.text())
        try:
            with guard_write(what):
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
        if self._run(lambda: set_cells(self._period(), self.action_id, previous), undoing=True):
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
        if self._run(lambda: self._write(self.previous), undoing=True):
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
        period_id: int | None = None,
    ) -> None:
        super().__init__(session, text)
        self.action_id = action_id
        self.before = before
        self.after = after
        self.period_id = period_id  # the change applies from this period on (None: everywhere)
        self.snapshot: ResponsibilitySnapshot | None = None

    def _apply(self) -> ChangeSet:
        if self.period_id is None:
            return apply_responsibilities(self.action_id, self.after)
        if self.snapshot is None:
            self.snapshot = responsibility_snapshot(self.action_id)
        return apply_from_period(self.action_id, self.period_id, self.after)

    def redo(self) -> None:
        """Apply the new responsibilities."""
        if self._run(self._apply) and self.done_once:
            self.session.navigate.emit(self.action_id, -1, -1)
        self.done_once = True

    def undo(self) -> None:
        """Restore the previous responsibilities (every period's, when the change applied from a period)."""
        snap = self.snapshot
        call = (
            (lambda: restore_responsibilities(snap))
            if snap is not None
            else (lambda: apply_responsibilities(self.action_id, self.before))
        )
        if self._run(call, undoing=True):
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
            if self._run(lambda: delete_unused_subdivision(sub_id), undoing=True):
                self.subdivision_id = None
        else:
            before = self.before
            self._run(lambda: self._save(before, sub_id), undoing=True)


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

    def _save(self, data: NarrativeData, undoing: bool = False) -> None:
        self.session.show_period(self.period_id)
        self._run(lambda: save_narrative(Period.get_by_id(self.period_id), data), undoing=undoing)

    def redo(self) -> None:
        """Save the new text."""
        self._save(self.after)
        self.done_once = True

    def undo(self) -> None:
        """Save the previous text."""
        self._save(self.before, undoing=True)


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
        self._run(lambda: delete_empty_period(period_id), undoing=True)


class FormsImportCommand(SessionCommand):
    """Import filled return forms (every file of one preview) as one step.

    The first redo writes the previewed changes and the accepted conflicts (``forms_in.apply_import``, one
    transaction, refused when the data changed since the preview); undo puts back the previous texts and
    form statuses from the result's undo payload, a later redo re-applies its redo payload.

    Attributes:
        result: what the import did (None until the first redo succeeded).
    """

    def __init__(
        self, session: Session, preview: ImportPreview, accepted: Sequence[CellRef], text: str
    ) -> None:
        super().__init__(session, text)
        assert preview.period_id is not None
        self.period_id = preview.period_id
        self.preview = preview
        self.accepted = tuple(accepted)
        self.result: ImportResult | None = None

    def _apply(self) -> ChangeSet:
        from balti_monitor.interchange.forms_in import apply_import

        self.result = apply_import(self.preview, self.accepted)
        return self.result.changes

    def _restore(self, payload: CellRestore) -> ChangeSet:
        from balti_monitor.interchange.forms_in import restore_cells

        return restore_cells(payload)

    def redo(self) -> None:
        """Apply the import (the first time) or re-apply what it wrote."""
        self.session.show_period(self.period_id)
        if self.result is None:
            self._run(self._apply)
        else:
            payload = self.result.redo
            if self._run(lambda: self._restore(payload)):
                self._show(payload)
        self.done_once = True

    def undo(self) -> None:
        """Put back the texts and form statuses the import replaced."""
        assert self.result is not None
        payload = self.result.undo
        self.session.show_period(self.period_id)
        if self._run(lambda: self._restore(payload), undoing=True):
            self._show(payload)

    def _show(self, payload: CellRestore) -> None:
        for action_id, edits in payload.cells:
            if edits:
                self.session.navigate.emit(action_id, edits[0].subdivision_id, edits[0].column)
                return


class FormStateCommand(SessionCommand):
    """Mark the return forms of one or several subdivisions sent, received or needing correction."""

    def __init__(
        self, session: Session, period_id: int, subdivision_ids: Sequence[int], state: FormState, text: str
    ) -> None:
        super().__init__(session, text)
        self.period_id = period_id
        self.subdivision_ids = tuple(subdivision_ids)
        self.state = state
        self.before: tuple[StatusSnapshot, ...] = ()

    def _mark(self) -> ChangeSet:
        before = set_form_states(self.period_id, self.subdivision_ids, self.state)
        if not self.done_once:
            self.before = before
        return ChangeSet()

    def _restore(self) -> ChangeSet:
        restore_form_states(self.period_id, self.before)
        return ChangeSet()

    def redo(self) -> None:
        """Record the new state (its time stamp is now)."""
        self._run(self._mark)
        self.done_once = True

    def undo(self) -> None:
        """Put the previous statuses back."""
        self._run(self._restore, undoing=True)


class AcknowledgeCommand(SessionCommand):
    """Acknowledge a finding with a note (``note`` None: take an acknowledgement back)."""

    def __init__(
        self, session: Session, period_id: int, action_id: int, key: str, note: str | None, text: str
    ) -> None:
        super().__init__(session, text)
        self.period_id = period_id
        self.action_id = action_id
        self.key = key
        self.note = note
        self.previous: Acknowledgement | None = None
        self.captured = False

    def redo(self) -> None:
        """Store (or remove) the acknowledgement."""
        period = Period.get_by_id(self.period_id)
        if not self.captured:
            self.previous = acknowledgement_of(period, self.key)
            self.captured = True
        note = self.note
        self.session.show_period(self.period_id)
        call = (
            (lambda: acknowledge(period, self.key, note))
            if note is not None
            else (lambda: restore_acknowledgement(period, self.key, None))
        )
        if self._run(call) and self.done_once:
            self.session.navigate.emit(self.action_id, -1, -1)
        self.done_once = True

    def undo(self) -> None:
        """Put back what was stored before."""
        period = Period.get_by_id(self.period_id)
        self.session.show_period(self.period_id)
        if self._run(lambda: restore_acknowledgement(period, self.key, self.previous), undoing=True):
            self.session.navigate.emit(self.action_id, -1, -1)

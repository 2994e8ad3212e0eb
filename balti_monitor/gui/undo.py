"""Every user edit as a :class:`QUndoCommand` (Ctrl+Z / Ctrl+Y), replayed from the services' inverses.

One generic command, :class:`WriteCommand`, holds a :class:`~balti_monitor.services.changes.Write` (a plain
dataclass naming a service write). ``redo()`` applies the forward write; the service takes its undo snapshot
inside the same transaction and returns the inverse write in ``ChangeSet.inverse``, which ``undo()``
applies; applying an inverse returns the next redo. The commands hold no snapshot of their own and run no
query: undo is tested without Qt (``tests/test_undo_services.py``).

Each returned :class:`ChangeSet` goes to :meth:`Session.apply`. A refusal (any ``BaltiMonitorError``) marks the
command obsolete so the stack drops it, and the Romanian message reaches the status bar. Storage failures
(disk full, read-only or vanished file) become such a refusal through ``guard_write``: every service write
is one transaction, so the data is as before and the stack agrees with it (a failed first redo is never
pushed; a failed undo or redo removes the command).

Before a write that works on a period, that period is shown (``Write.show_first``: its views save pending
text first). After an undo or a later redo the session emits ``replayed`` with the change set; the main
window shows the period and cell in ``ChangeSet.focus``, so the user sees what came back. The classes below
the generic one only build the write for each kind of edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from balti_monitor.domain.grid import OverrideDef
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.services.acknowledgements import SetAcknowledgement
from balti_monitor.services.applicability import SetResponsibilitiesFrom
from balti_monitor.services.audit import apply_recorded
from balti_monitor.services.changes import ChangeSet, Write
from balti_monitor.services.editing import CellEdit, SetCells, SetOverride, TotalShown
from balti_monitor.services.narrative import NarrativeData, SaveNarrative, stored_form
from balti_monitor.services.periods import CreatePeriod, PeriodKey
from balti_monitor.services.responsibilities import ResponsibilityState, SetResponsibilities
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.subdivisions import SaveSubdivision, SubdivisionState

from .session import Session

if TYPE_CHECKING:  # openpyxl (imported by forms_in) is loaded only when forms are imported
    from balti_monitor.interchange.forms_common import FormState
    from balti_monitor.interchange.forms_in import CellRef, ImportPreview, ImportResult

NARRATIVE_MERGE_ID = 1001

translate = QCoreApplication.translate


class WriteCommand(QUndoCommand):
    """Apply a service write; undo applies its inverse, redo the inverse of that.

    Attributes:
        session: the working session.
        forward: the write a redo applies.
        backward: the write an undo applies (None until the first redo succeeded).
        changes: what the first redo changed (None until it succeeded).
        error: the Romanian refusal of the last failed replay, if any.
        done_once: False until the first redo ran (no navigation then: the user is already there).
    """

    #: where the first redo's changes come from, for the change log (undo: "undo", later redos: "redo")
    source = "typed"

    def __init__(self, session: Session, write: Write, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.forward: Write = write
        self.backward: Write | None = None
        self.changes: ChangeSet | None = None
        self.error: str | None = None
        self.failure: BaltiMonitorError | None = None  # the refusal itself (a conflict carries both values)
        self.done_once = False

    def redo(self) -> None:
        """Apply the forward write (the edit itself the first time)."""
        replay = self.done_once
        self.done_once = True
        changes = self._replay(self.forward, undoing=False, source="redo" if replay else self.source)
        if changes is None:
            return
        self.backward = changes.inverse
        if not replay:
            self.changes = changes
        else:
            self.session.replayed.emit(changes)

    def undo(self) -> None:
        """Apply the inverse of the last redo."""
        assert self.backward is not None
        changes = self._replay(self.backward, undoing=True, source="undo")
        if changes is None:
            return
        assert changes.inverse is not None
        self.forward = changes.inverse
        self.session.replayed.emit(changes)

    def _replay(self, write: Write, *, undoing: bool, source: str) -> ChangeSet | None:
        if write.show_first is not None:
            self.session.show_period(write.show_first)
        what = (
            translate("Undo", "Anularea „{step}”") if undoing else translate("Undo", "Salvarea „{step}”")
        ).format(step=self.text())
        try:
            with guard_write(what):
                changes = apply_recorded(write, source)
        except BaltiMonitorError as exc:
            self.error = str(exc)
            self.failure = exc
            self.setObsolete(True)
            self.session.message.emit(self.error)
            return None
        self.session.apply(changes)
        return changes


class CellEditsCommand(WriteCommand):
    """Write one or several cells of one action's grid (an edit, a paste, a clear) as one step."""

    def __init__(
        self,
        session: Session,
        period_id: int,
        action_id: int,
        edits: Sequence[CellEdit],
        text: str,
        source: str = "typed",
        expected: Sequence[str | None] | None = None,
    ) -> None:
        """``expected``: what each cell showed when it was edited (its version); a cell someone else changed
        meanwhile is then refused with a :class:`~balti_monitor.services.editing.CellConflict`."""
        versions = None if expected is None else tuple(expected)
        super().__init__(session, SetCells(period_id, action_id, tuple(edits), versions), text)
        self.source = source


class OverrideCommand(WriteCommand):
    """Type a Total cell by hand (with a reason), or go back to the computed total (``new`` None)."""

    def __init__(
        self,
        session: Session,
        period_id: int,
        action_id: int,
        number: int | None,
        new: OverrideDef | None,
        text: str,
        expected: TotalShown | None = None,
    ) -> None:
        """``expected``: the Total the cell showed (its version); a Total somebody else typed or cleared
        meanwhile is then refused with an :class:`~balti_monitor.services.editing.OverrideConflict`."""
        super().__init__(session, SetOverride(period_id, action_id, number, new, expected), text)


class ResponsibilitiesCommand(WriteCommand):
    """Change who answers for an action and for which indicators (the whole dialog as one step)."""

    def __init__(
        self,
        session: Session,
        action_id: int,
        after: ResponsibilityState,
        text: str,
        period_id: int | None = None,
    ) -> None:
        state = tuple((sid, tuple(numbers)) for sid, numbers in after)
        write: Write = (
            SetResponsibilities(action_id, state)
            if period_id is None
            else SetResponsibilitiesFrom(action_id, period_id, state)
        )
        super().__init__(session, write, text)


class SubdivisionCommand(WriteCommand):
    """Create a subdivision (``subdivision_id`` None) or change its name, abbreviation, aliases, active flag."""

    def __init__(
        self, session: Session, subdivision_id: int | None, after: SubdivisionState, text: str
    ) -> None:
        super().__init__(session, SaveSubdivision(subdivision_id, after), text)

    @property
    def subdivision_id(self) -> int | None:
        """The subdivision saved (the new one's id once created)."""
        return self.changes.new_id if self.changes is not None else None


class NarrativeCommand(WriteCommand):
    """Save the period's narrative; consecutive saves of the same field merge into one undo step.

    ``expected``: the texts as the page read them (their version); a text somebody else changed meanwhile
    is then refused with a :class:`~balti_monitor.services.narrative.NarrativeConflict`."""

    def __init__(
        self,
        session: Session,
        period_id: int,
        after: NarrativeData,
        field: str,
        text: str,
        expected: NarrativeData | None = None,
    ) -> None:
        super().__init__(session, SaveNarrative(period_id, after, expected), text)
        self.period_id = period_id
        self.field = field

    def id(self) -> int:
        """Merge id (QUndoCommand::id)."""
        return NARRATIVE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following save of the same field of the same period into this step (its undo still
        restores the text before this one)."""
        if not isinstance(other, NarrativeCommand):
            return False
        if other.period_id != self.period_id or other.field != self.field or other.changes is None:
            return False
        mine, next_ = self.backward, other.backward
        if isinstance(mine, SaveNarrative) and isinstance(next_, SaveNarrative) and mine.expected is not None:
            if stored_form(next_.data) != mine.expected:
                return False  # somebody else saved in between: their change is not folded into this step
            self.backward = replace(mine, expected=next_.expected)  # the undo expects the last save's texts
        self.forward = other.forward
        return True


class CreatePeriodCommand(WriteCommand):
    """Create a period; undo deletes it again while it is still empty."""

    def __init__(self, session: Session, plan_id: int, key: PeriodKey, text: str) -> None:
        super().__init__(session, CreatePeriod(plan_id, key), text)

    @property
    def period_id(self) -> int | None:
        """The period created (None until the first redo succeeded)."""
        return self.changes.new_id if self.changes is not None else None


class FormsImportCommand(WriteCommand):
    """Import filled return forms (every file of one preview) as one step.

    The first redo writes the previewed changes and the accepted conflicts (``forms_in.apply_import``, one
    transaction, refused when the data changed since the preview); undo puts back the previous texts and
    form statuses, a later redo re-applies what the import wrote.
    """

    source = "form"

    def __init__(
        self, session: Session, preview: ImportPreview, accepted: Sequence[CellRef], text: str
    ) -> None:
        from balti_monitor.interchange.form_states import ImportForms

        assert preview.period_id is not None
        super().__init__(session, ImportForms(preview, tuple(accepted)), text)

    @property
    def result(self) -> ImportResult | None:
        """What the import did (None until the first redo succeeded)."""
        return self.changes.detail if self.changes is not None else None


class FormStateCommand(WriteCommand):
    """Mark the return forms of one or several subdivisions sent, received or needing correction."""

    def __init__(
        self, session: Session, period_id: int, subdivision_ids: Sequence[int], state: FormState, text: str
    ) -> None:
        from balti_monitor.interchange.form_states import SetFormStates

        super().__init__(session, SetFormStates(period_id, tuple(subdivision_ids), state), text)


class AcknowledgeCommand(WriteCommand):
    """Acknowledge a finding with a note (``note`` None: take an acknowledgement back)."""

    def __init__(self, session: Session, period_id: int, key: str, note: str | None, text: str) -> None:
        super().__init__(session, SetAcknowledgement(period_id, key, note), text)

"""The undoable writes of the return-form workflow: marking several subdivisions' forms at once (the
form-status dialog's buttons) and importing filled forms, each with its inverse (see ``services.changes``).

The form-status workflow itself (``snapshot_status``, ``set_form_state``, ``restore_status``) is in
:mod:`.forms_common`, the import in :mod:`.forms_in` (loaded only when used: it needs openpyxl).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from balti_monitor.db.models import Period, database
from balti_monitor.i18n import _
from balti_monitor.interchange.forms_common import (
    FormState,
    StatusSnapshot,
    restore_status,
    set_form_state,
    snapshot_status,
)
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError

if TYPE_CHECKING:
    from balti_monitor.interchange.forms_in import CellRef, CellRestore, ImportPreview


def set_form_states(
    period_id: int, subdivision_ids: Sequence[int], state: FormState | str
) -> tuple[StatusSnapshot, ...]:
    """Mark the forms of several subdivisions in one transaction; returns the previous statuses (for undo)."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    with database.atomic():
        before = tuple(snapshot_status(period, sid) for sid in subdivision_ids)
        for sid in subdivision_ids:
            set_form_state(period, sid, state)
    return before


def restore_form_states(period_id: int, snapshots: Sequence[StatusSnapshot]) -> None:
    """Put form statuses back as they were (the undo of :func:`set_form_states`)."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    with database.atomic():
        for snap in snapshots:
            restore_status(period, snap)


@dataclass(frozen=True, slots=True)
class SetFormStates:
    """Mark the forms of several subdivisions sent, received or needing correction (one step)."""

    period_id: int
    subdivision_ids: tuple[int, ...]
    state: FormState

    @property
    def show_first(self) -> None:
        """The form-status dialog is open on its period: nothing to switch."""
        return None

    def apply(self) -> ChangeSet:
        """Mark them; the inverse puts the previous statuses back."""
        before = set_form_states(self.period_id, self.subdivision_ids, self.state)
        return ChangeSet(inverse=RestoreFormStates(self.period_id, before))


@dataclass(frozen=True, slots=True)
class RestoreFormStates:
    """Put form statuses back as snapshots recorded them."""

    period_id: int
    snapshots: tuple[StatusSnapshot, ...]

    @property
    def show_first(self) -> None:
        """The form-status dialog is open on its period: nothing to switch."""
        return None

    def apply(self) -> ChangeSet:
        """Restore them; the inverse restores the statuses they replaced."""
        period = Period.get_or_none(Period.id == self.period_id)
        if period is None:
            raise ServiceError(_("Perioada nu mai există."))
        with database.atomic():
            current = tuple(snapshot_status(period, snap.subdivision_id) for snap in self.snapshots)
            restore_form_states(self.period_id, self.snapshots)
        return ChangeSet(inverse=RestoreFormStates(self.period_id, current))


def _first_cell(payload: CellRestore) -> Focus:
    for action_id, edits in payload.cells:
        if edits:
            return Focus(payload.period_id, action_id, edits[0].subdivision_id, edits[0].column)
    return Focus(payload.period_id)


@dataclass(frozen=True, slots=True)
class ImportForms:
    """Import filled return forms: every file of one preview, with the accepted conflicts, as one step.

    ``forms_in.apply_import`` writes in one transaction (refused when the data changed since the preview)
    and returns the undo and redo payloads; the change set's ``detail`` is its ``ImportResult``.
    """

    preview: ImportPreview
    accepted: tuple[CellRef, ...]

    @property
    def show_first(self) -> int | None:
        """The period of the forms."""
        return self.preview.period_id

    def apply(self) -> ChangeSet:
        """Import; the inverse puts back the texts and form statuses the import replaced."""
        from balti_monitor.interchange.forms_in import apply_import

        result = apply_import(self.preview, self.accepted)
        return replace(
            result.changes,
            inverse=RestoreFormCells(result.undo, result.redo),
            focus=_first_cell(result.redo),
            detail=result,
        )


@dataclass(frozen=True, slots=True)
class RestoreFormCells:
    """Put back the cell texts and form statuses of ``payload`` (an import's undo or redo)."""

    payload: CellRestore
    opposite: CellRestore

    @property
    def show_first(self) -> int:
        """The period of the forms."""
        return self.payload.period_id

    def apply(self) -> ChangeSet:
        """Restore ``payload``; the inverse restores ``opposite``."""
        from balti_monitor.interchange.forms_in import restore_cells

        changes = restore_cells(self.payload)
        return replace(
            changes, inverse=RestoreFormCells(self.opposite, self.payload), focus=_first_cell(self.payload)
        )

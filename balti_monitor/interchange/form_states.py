"""Marking the return forms of several subdivisions at once (the form-status dialog's buttons), and its undo.

The form-status workflow itself (``snapshot_status``, ``set_form_state``, ``restore_status``) is in
:mod:`.forms_common`; this module holds the multi-subdivision use case built on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from balti_monitor.db.models import Period, database
from balti_monitor.interchange.forms_common import (
    FormState,
    StatusSnapshot,
    restore_status,
    set_form_state,
    snapshot_status,
)
from balti_monitor.services.errors import ServiceError


def set_form_states(
    period_id: int, subdivision_ids: Sequence[int], state: FormState | str
) -> tuple[StatusSnapshot, ...]:
    """Mark the forms of several subdivisions in one transaction; returns the previous statuses (for undo)."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError("Perioada nu mai există.")
    with database.atomic():
        before = tuple(snapshot_status(period, sid) for sid in subdivision_ids)
        for sid in subdivision_ids:
            set_form_state(period, sid, state)
    return before


def restore_form_states(period_id: int, snapshots: Sequence[StatusSnapshot]) -> None:
    """Put form statuses back as they were (the undo of :func:`set_form_states`)."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError("Perioada nu mai există.")
    with database.atomic():
        for snap in snapshots:
            restore_status(period, snap)

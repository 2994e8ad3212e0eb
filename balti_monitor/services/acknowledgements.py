"""Acknowledging a check finding with a note: it stops counting as unresolved until its data changes.

A finding is named by its key (``Finding.key``, e.g. ``1.13/2/5/fb_mismatch``); the acknowledgement stores
a fingerprint of the data the finding was computed from (``checks.fingerprint``), so an edit under it
brings the finding back as unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import Action, FindingAcknowledgement, Period, Priority, database
from balti_monitor.domain.checks import Finding, check_action, fingerprint
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import load_grid


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """One stored acknowledgement (for undo: what to put back)."""

    key: str
    fingerprint: str
    note: str
    author: str


def _find(period: Period, key: str) -> tuple[int, Finding, str]:
    code = key.split("/", 1)[0]
    action = (
        Action.select()
        .join(Priority)
        .where((Priority.plan == period.plan_id) & (Action.code == code))
        .get_or_none()
    )
    if action is None:
        raise ServiceError(f"Constatarea „{key}” nu există: acțiunea {code} nu este în plan.")
    grid = load_grid(period, action.id)
    for finding in check_action(grid):
        if finding.key == key:
            return int(action.id), finding, fingerprint(grid, finding)
    raise ServiceError(f"Constatarea „{key}” nu (mai) există în această perioadă.")


def acknowledgement_of(period: Period, key: str) -> Acknowledgement | None:
    """The stored acknowledgement of a finding, if any."""
    ack = FindingAcknowledgement.get_or_none(
        (FindingAcknowledgement.period == period) & (FindingAcknowledgement.key == key)
    )
    return None if ack is None else Acknowledgement(ack.key, ack.fingerprint, ack.note, ack.author)


def acknowledge(period: Period, key: str, note: str, author: str = "") -> ChangeSet:
    """Acknowledge a finding of the period with a note (required), for the data as it is now."""
    if not note.strip():
        raise ServiceError("Scrieți o notă: de ce constatarea poate rămâne așa.")
    action_id, _finding, digest = _find(period, key)
    with database.atomic():
        FindingAcknowledgement.delete().where(
            (FindingAcknowledgement.period == period) & (FindingAcknowledgement.key == key)
        ).execute()
        FindingAcknowledgement.create(period=period, key=key, fingerprint=digest, note=note, author=author)
    return ChangeSet(actions=frozenset({action_id}))


def restore_acknowledgement(period: Period, key: str, previous: Acknowledgement | None) -> ChangeSet:
    """Put back what was stored for a finding before (None: no acknowledgement) - the undo."""
    code = key.split("/", 1)[0]
    action = (
        Action.select()
        .join(Priority)
        .where((Priority.plan == period.plan_id) & (Action.code == code))
        .get_or_none()
    )
    with database.atomic():
        FindingAcknowledgement.delete().where(
            (FindingAcknowledgement.period == period) & (FindingAcknowledgement.key == key)
        ).execute()
        if previous is not None:
            FindingAcknowledgement.create(
                period=period,
                key=key,
                fingerprint=previous.fingerprint,
                note=previous.note,
                author=previous.author,
            )
    return ChangeSet(actions=frozenset({action.id}) if action is not None else frozenset())

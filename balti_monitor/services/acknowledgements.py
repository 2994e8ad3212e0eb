"""Acknowledging a check finding with a note: it stops counting as unresolved until its data changes.

A finding is named by its key (``Finding.key``, e.g. ``1.13/2/5/fb_mismatch``); the acknowledgement stores
a fingerprint of the data the finding was computed from (``checks.fingerprint``), so an edit under it
brings the finding back as unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from balti_monitor.db.models import Action, FindingAcknowledgement, Period, Priority, database
from balti_monitor.domain.checks import Finding, check_action, fingerprint
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet, Focus
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
        raise ServiceError(
            _("Constatarea „{key}” nu există: acțiunea {code} nu este în plan.").format(key=key, code=code)
        )
    grid = load_grid(period, action.id)
    for finding in check_action(grid):
        if finding.key == key:
            return int(action.id), finding, fingerprint(grid, finding)
    raise ServiceError(_("Constatarea „{key}” nu (mai) există în această perioadă.").format(key=key))


def acknowledgement_of(period: Period, key: str) -> Acknowledgement | None:
    """The stored acknowledgement of a finding, if any."""
    ack = FindingAcknowledgement.get_or_none(
        (FindingAcknowledgement.period == period) & (FindingAcknowledgement.key == key)
    )
    return None if ack is None else Acknowledgement(ack.key, ack.fingerprint, ack.note, ack.author)


def acknowledge(period: Period, key: str, note: str, author: str = "") -> ChangeSet:
    """Acknowledge a finding of the period with a note (required), for the data as it is now."""
    if not note.strip():
        raise ServiceError(_("Scrieți o notă: de ce constatarea poate rămâne așa."))
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


def _period(period_id: int) -> Period:
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    return period


def _focused(changes: ChangeSet, period_id: int, inverse: RestoreAcknowledgement) -> ChangeSet:
    action_id = next(iter(changes.actions), None)
    return replace(changes, inverse=inverse, focus=Focus(period_id=period_id, action_id=action_id))


@dataclass(frozen=True, slots=True)
class SetAcknowledgement:
    """Acknowledge a finding with a note (``note`` None: take the acknowledgement back), replayable."""

    period_id: int
    key: str
    note: str | None

    @property
    def show_first(self) -> int:
        """The finding's period."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Snapshot and write in one transaction; the inverse puts back what was stored."""
        period = _period(self.period_id)
        with database.atomic():
            previous = acknowledgement_of(period, self.key)
            if self.note is not None:
                changes = acknowledge(period, self.key, self.note)
            else:
                changes = restore_acknowledgement(period, self.key, None)
        return _focused(changes, self.period_id, RestoreAcknowledgement(self.period_id, self.key, previous))


@dataclass(frozen=True, slots=True)
class RestoreAcknowledgement:
    """Put back an acknowledgement as it was (``previous`` None: none)."""

    period_id: int
    key: str
    previous: Acknowledgement | None

    @property
    def show_first(self) -> int:
        """The finding's period."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Restore; the inverse is what this replaced."""
        period = _period(self.period_id)
        with database.atomic():
            now = acknowledgement_of(period, self.key)
            changes = restore_acknowledgement(period, self.key, self.previous)
        return _focused(changes, self.period_id, RestoreAcknowledgement(self.period_id, self.key, now))
